"""Numbers that are not claims: dates, years, times, ordinals, labels, names, phone numbers ...

Each rule is a general rule of English news (and of science prose, for citations and figure
labels). :func:`mark` sets ``Mention.drop`` to a short reason; nothing is deleted here.

>>> from claimtrack.stages.extract.claims.numbers import scan
>>> t = "On September 17, 2018 the S&P 500 rose 2% and G20 leaders met at 10:30."
>>> [(t[m.start:m.end], m.drop) for m in mark(t, scan(t))]
[('17', 'date'), ('2018', 'date'), ('500', 'name'), ('2%', None), ('10', 'time')]
"""
from __future__ import annotations

import bisect
import re

from claimtrack.stages.extract.claims import names
from claimtrack.stages.extract.claims.digits import digits_are_ascii
from claimtrack.stages.extract.claims.scans import ASCII_DIGITS, char_positions, digit_offsets, matches_at, matches_from
from claimtrack.stages.extract.claims.numbers import Mention
from claimtrack.stages.extract.claims.carried import carry_units
from claimtrack.stages.extract.claims.units import CURRENCY_PREFIX, match_unit
from claimtrack.stages.extract.claims.words import one_not_a_count

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_MONTH_BEFORE = re.compile(_MONTH + r"\.?,?\s*(?:the\s+)?\Z")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s*(?:of\s+)?" + _MONTH + r"\b")
_WEEKDAY_BEFORE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?\Z")
_TIME_AFTER = re.compile(r"(?::\d\d|\s?(?:a\.m\.|p\.m\.|A\.M\.|P\.M\.|am\b|pm\b|AM\b|PM\b|GMT\b|BST\b|EDT\b|EST\b|CET\b|CEST\b|"
                         r"UTC\b|ET\b|PT\b|PST\b|PDT\b|CST\b|IST\b|JST\b|hrs\b|h\d\d|o'clock))")
# the first day of a span of days: "24-26 June", "22 and 23 June", "from 6 to 9 January"
_DAY_RANGE_AFTER = re.compile(r"(?:\s?[-–]\s?|\s+(?:and|or|to|until|till|through)\s+)\d{1,2}" + _MONTH_AFTER.pattern)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_YEAR_RANGE_AFTER = re.compile(r"[-/–]\d{2}(?:\d{2})?\b")
_DECADE_AFTER = re.compile(r"(?:s\b|['’′]s\b)")
_DECADE_FIRST = frozenset("s'’′")
_YEAR_PREP = re.compile(
    r"\b(?:in|since|by|of|from|until|till|to|during|before|after|between|and|or|early|late|mid|mid-|around|circa|"
    r"fiscal|spring|summer|autumn|fall|winter|year|season|the|this|that|end|ending|start|beginning|through|"
    r"for|at|on|Q[1-4]|H[12]|FY|ended|\(|,)[\s-]*\Z", re.I)
_OLD_YEAR_PREP = re.compile(r"\b(?:in|since|of|by|until|till|circa|c\.|before|after|year|early|late|mid-?|around)\s+\Z", re.I)
_JOINED_AFTER = re.compile(r"\s*(?:[-–]|to)\s*[\d.,]*\d")
_SCORE = re.compile(r"(?<![\d.,])(\d{1,3})-(\d{1,3})(?![\d%/-]|[.,]\d)")
_TICKER_AFTER = re.compile(r"\.[A-Z]{1,2}\b(?!\.)")
_EXCHANGE_BEFORE = re.compile(r"\b(?:NYSE|NASDAQ|Nasdaq|AMEX|OTC|TSE|TYO|HKEX|HKG|SEHK|LSE|ASX|TSX|SGX|KRX|KOSDAQ|"
                              r"SSE|SZSE|BSE|NSE|XETRA|FWB|EPA|AMS|BIT|SIX|JSE|TASE|KLSE|IDX|SET|PSE|BMV|MOEX):\s?\Z")
# "cases top 5,000", "sales top $1bn": after a plural subject, "top" is the verb, not a rank
_PLURAL_TOP = re.compile(r"\b(?!(?:its|his|this|has|was|is|does|us|as|thus|yes|less|plus)\s)[a-z]{2,}[^s\W]s\s+top\s+\Z")
_POSTCODE_FIRST = frozenset("ZzPpAa")
_POSTCODE_AFTER = re.compile(r"\s+(?:ZIP|zip|Zip|post|postal|area)[\s-]?(?:codes?|Codes?)\b|\s+(?:ZIP|postcode)\b")
_HALF_PLACE_BEFORE = re.compile(r"\b(?:first|second|latter|former|top|bottom|upper|lower|left|right|northern|"
                                r"southern|eastern|western|back|front|rear|inner|outer|opening|closing)[\s-]+\Z", re.I)
_AGED_BEFORE = re.compile(r"\b(?:aged|ages|age)\s+(?:between\s+)?\Z", re.I)
_FIG_BEFORE = re.compile(r"\b(?:Fig(?:ure)?s?\.?|Tables?|Panels?|Eqs?\.?|Equations?|Sections?|Refs?\.?|Supplementary\s+\w+)"
                         r"\s*\(?(?:S?\d+[A-Za-z]?\)?(?:,|\s+and|\s*[-–])\s*)*\Z")
_LETTER_HYPHEN_BEFORE = re.compile(r"(?P<w>[A-Za-z]+)-\Z")
_AND_BEFORE = re.compile(r"(?:,|\s+and|\s+or|\s+to|\s*[-–])\s*\Z")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[\"“(]\s*)\Z")
_LIST_NUMBER = re.compile(r"(?:^|\n)[ \t]*\Z")
_LIST_AFTER = re.compile(r"[.)]\s")
_APPOSITION_BEFORE = re.compile(r"[A-Z][\w'’-]+,\s+\Z")
# a numbered reference in parentheses after a word, the whole parenthesis: "longer (16).", "(12, 13)"
_LATITUDE_BEFORE = re.compile(r"\d°?\s?[NS],?\s*\Z")
_LETTER_PAREN = re.compile(r"\([a-zA-Z]\)")
_PAREN_NOTE_BEFORE = re.compile(r"[A-Za-z%]\s\((?:\d{1,3}(?:,\s?|–))*\Z")
_PAREN_NOTE = re.compile(r"(?:(?:,\s?|–)\d{1,3})*\)(?:[.,;:]|\s*$)", re.M)  # ("(2-8)" is a record)
_DIGIT = re.compile(r"\d(?![\d,\s–-]*\Z)")
_CITE_BEFORE = re.compile(r"\[[\d,\s–-]*\Z")
_CITE_AFTER = re.compile(r"[\d,\s–-]*\]")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)\d{3,4}[\s.-]\d{3,4}|\+\d{1,3}(?:[\s.-]\d{2,5}){2,5}"
                    r"|\b\d{3}[-.]\d{3}[-.]\d{4}\b")
# a national phone number written in groups: a trunk code opening with 0 ("0800", "020", "(0)20"),
# then the group or two before this one
_NATIONAL_PHONE_BEFORE = re.compile(r"(?:(?<![\d.,])0\d{2,4}|\(0\)\d{1,4})(?: \d{3,4})? \Z")
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?:T[\d:.]+Z?)?\b")
# capitalised words that may stand before a quantity, and words that name a series, an index or a
# channel before a number: kept in :mod:`.names`
_EXCLUDED_CAP, _NAME_TOKENS, _CHANNEL_TOKENS = names.EXCLUDED_CAP, names.NAME_TOKENS, names.CHANNEL_TOKENS
_YEAR_NEXT_OK = re.compile(r"\s*(?:(?!after|before|in|on|at|when|as|and|or|to|for|by|from|with)[a-z]+\s+)?(?:people|residents|soldiers|troops|workers|jobs|units|cars|homes|"
                           r"houses|members|students|employees|votes|deaths|cases|users|customers|patients|"
                           r"children|refugees|civilians|hires)\b")



_LABEL_WORDS = {
    "line", "lines", "lane", "lanes", "sample", "samples", "site", "sites", "stage", "stages", "figure",
    "figures", "fig.", "figs.", "table", "tables", "section", "sections", "step", "steps", "phase", "phases",
    "panel", "panels", "case", "cases", "number", "numbers", "numbered", "no.", "nos.", "item", "items",
    "chapter", "chapters", "page", "pages", "pp.", "p.", "version", "versions", "grade", "grades", "round",
    "rounds", "type", "types", "class", "category", "cluster", "group", "groups", "channel", "channels", "row",
    "rows", "seat", "seats", "room", "rooms", "gate", "gates", "track", "tracks", "exit", "exits", "route",
    "routes", "highway", "highways", "flight", "flights", "article", "articles", "clause", "clauses",
    "paragraph", "paragraphs", "rule", "rules", "volume", "volumes", "vol.", "issue", "issues", "episode",
    "episodes", "tier", "tiers", "patient", "patients", "subject", "subjects",
    "participant", "participants", "animal", "animals", "eq.", "eqs.", "equation", "equations", "ref.",
    "refs.", "reference", "references", "appendix", "annex", "model", "series", "mark", "generation",
    "district", "ward", "block", "platform", "terminal", "hole", "bus", "day", "week", "fraction", "fractions",
    "compound", "compounds",
    "game", "match", "race", "leg", "lap", "heat", "pier", "dock", "building", "floor", "apartment",
    "suite", "box", "code", "ticket", "plate", "serial", "id",
}
#: label words that take a number word as a name or rank ("number one", "lane seven"); not "day" or
#: "group", after which a count may open a clause ("the day two men died"), nor the steps of a scale
#: ("a category one hurricane", "level three", "stage four"), which measure a degree
_WORD_LABELS = frozenset({"number", "no.", "lane", "round", "game", "chapter", "page", "episode", "gate", "platform",
                          "terminal", "track", "exit", "route", "series", "volume", "vol.", "article", "section",
                          "clause", "step", "generation", "version"})
# a plural noun: "people", or a word in -s that is not a verb or pronoun ("was", "its", "has")
_PLURAL = r"(?:people|men|women|children|(?!(?:was|has|is|does|its|his|this|thus|us|as|yes|less|plus)\b)[a-z]+[^s\W']s)\b"
_PLURAL_NEXT = re.compile(r"\s+" + _PLURAL)
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?" + _PLURAL)
_TOP_BEFORE = re.compile(r"\b(?:[Tt]op|[Bb]ottom)[\s-]+\Z")  # ("the Top 40": a chart's name is a rank too)
# "to top 10%", "will top": "top" as a verb after an auxiliary or "to"
_TOP_VERB_BEFORE = re.compile(r"\b(?:to|will|would|could|may|might|should|can|did|does|not|expected|set)\s+top\s+\Z")
_HYPHEN_COMPOUND = re.compile(r"-(?:[a-z]|,|\s)")  # "three-year", "one-off": a number word opening a compound
# a capitalised word, or a brand written in camel case from a small letter ("iOS", "macOS", "eBay")
_CAP_TOKEN = re.compile(r"(?:[A-Z]|[a-z]{1,5}[A-Z])[\w&.'’]*(?:-[A-Z]?[\w&.]*)?")
_FORM_LETTER = re.compile(r"-[A-Z](?![\w-])")
_SCREEN_AFTER = re.compile(r"\s+(?:ultra\s+hd\s+|uhd\s+|hdr\s+)?(?:video|videos|tvs?|televisions?|displays?|screens?|"
                           r"resolution|monitors?|content|streaming|hdr|uhd|ultra|cameras?|footage|gaming|movies|"
                           r"films?|blu-ray|support|output|recording)\b", re.I)
#: standard screen heights written with a "p" (progressive scan), never pence
_RESOLUTIONS = frozenset({240.0, 360.0, 480.0, 576.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0})


def prev_token(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the whitespace-separated token before ``pos`` (empty when none)."""
    j = pos
    while j > 0 and text[j - 1] in " \t\u00a0":
        j -= 1
    if j == pos:
        return pos, pos
    k = j
    lo = max(0, j - 40)
    while k > lo and not text[k - 1].isspace():
        k -= 1
    return k, j


def _prev_word_is_label(text: str, men: Mention) -> bool:
    a, b = prev_token(text, men.start)
    return b > a and text[a:b].lstrip("([").lower() in _LABEL_WORDS


def _is_sentence_start(text: str, pos: int) -> bool:
    return _SENTENCE_START.search(text, max(0, pos - 4), pos) is not None


def mark(text: str, mentions: list[Mention], masked: list[tuple[int, int]] | None = None,
         recheck: bool = False, flags: tuple[bool, bool] | None = None) -> list[Mention]:
    """Set ``drop`` on every mention that is not a quantity claim; returns the same list.

    ``masked``: spans from :func:`masked_spans` and ``flags`` from :func:`text_flags` (computed
    here when not given). ``recheck``: only look again at ranges and qualified mentions (after
    :mod:`.qualifiers` ran).
    """
    if masked is None:
        masked = masked_spans(text)
    if flags is None:
        flags = text_flags(text)
    prev: Mention | None = None
    for i, men in enumerate(mentions):
        if not recheck or men.kind == "range" or men.qualifier != "exact":
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            men.drop = _reason(text, men, masked, prev, nxt, flags)
        prev = men
    if not recheck:
        _same_name_elsewhere(text, mentions)
        names.same_model_elsewhere(text, mentions)
    else:
        carry_units(text, mentions)  # "13.6 billion dlrs from 15.1 billion": once the drops are final
    return mentions


def text_flags(text: str) -> tuple[bool, bool]:
    """Which of the label and age rules can apply anywhere in ``text``: (it names a figure, table,
    section ...; it holds "age"). Substring searches over all of the text: :func:`mark` takes them
    from its caller, who runs it twice on one text.

    >>> text_flags("See Table 2; aged 40.")
    (True, True)
    """
    return ("Fig" in text or "Table" in text or "Panel" in text or "Eq" in text or "Section" in text
            or "Ref" in text or "Supplementary" in text, "age" in text)


def _same_name_elsewhere(text: str, mentions: list[Mention]) -> None:
    """A word and number read as a name inside a sentence ("the Thunderbolt 3 port") are that
    name where a sentence or a line opens with them ("Thunderbolt 3 is staying."), where case
    tells nothing.

    >>> from claimtrack.stages.extract.claims.numbers import scan
    >>> t = "Commodore 64 fans met. They love the Commodore 64 and own 3 of them."
    >>> [(t[m.start:m.end], m.drop) for m in mark(t, scan(t))]
    [('64', 'name'), ('64', 'name'), ('3', None)]
    """
    pairs = set()
    for men in mentions:
        if men.drop == "name" and men.kind == "digits":
            a, b = prev_token(text, men.start)
            if b > a:
                pairs.add((text[a:b], text[men.start:men.num_end]))
    if not pairs:
        return
    for men in mentions:
        if men.drop is None and men.kind == "digits" and men.unit is None and men.scale == 1.0 and not men.cur:
            a, b = prev_token(text, men.start)
            if (text[a:b], text[men.start:men.num_end]) in pairs:
                men.drop = "name"


_MASK = re.compile(r"(?=[\d+(])(?:" + _PHONE.pattern + "|" + _NUMERIC_DATE.pattern + "|" + _SCORE.pattern + ")")
# where a _MASK match can start: "+", "(", or the first digit of a run of one to four digits and a
# "/", "." or "-" (a bare number is none of them, and most figures are bare). Tried at the digits,
# "+" and "(" that str.find finds where the text's digits are all 0-9 (.scans); elsewhere searched
# for (opening with a character set, which the regex engine skips to in C; trying _MASK itself at
# every position of the text cost twice as much).
_MASK_START = re.compile(r"[\d+(](?<!\d\d)(?:(?<=[+(])|(?=\d{0,3}[/.-]))")


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of phone numbers, numeric dates and sports scores: no claim starts inside them.

    >>> t = "Call +44 20 7946 0958 on 12/03/2019; it ended 2-2, then 15-22."
    >>> [t[a:b] for a, b in masked_spans(t)]
    ['+44 20 7946 0958', '12/03/2019', '2-2']
    >>> masked_spans("Jos&#233; scored")
    [(3, 9)]
    """
    # an HTML character reference left in scraped text ("Jos&#233;") is a letter, not a figure
    # (a currency sign written as one, "&#xA3;25", is money)
    entities = [m.span() for m in _ENTITY.finditer(text) if m.group() not in CURRENCY_PREFIX] if "&#" in text else []
    if "-" not in text and "/" not in text and "." not in text and "+" not in text and "(" not in text:
        return entities
    spans = []
    if digits_are_ascii(text):
        found = matches_at(_MASK, _mask_starts(text, digit_offsets(text)), text)
    else:
        found = matches_from(_MASK, _MASK_START, text)
    lost = []  # a set the loser won, "6-3 4-6 6-1", "6-7 (4-7)": a score beside a score (a range beside none)
    for m in found:
        a, b = m.group(1), m.group(2)
        # a score "2-2", "89-89": the second number not above the first ("15-22" is a range)
        if a is not None and int(b) > int(a):
            lost.append(m.span())
            continue
        spans.append(m.span())
    while lost and spans:
        ends, starts = {e for _, e in spans}, {a for a, _ in spans}
        near = [(a, b) for a, b in lost if any(a - k in ends and text[a - k:a] in _SET_GAPS for k in (1, 2)) or
                any(b + k in starts and text[b:b + k] in _SET_GAPS for k in (1, 2))]
        if not near:
            break
        spans, lost = sorted(spans + near), [sp for sp in lost if sp not in near]
    return sorted(spans + entities) if entities else spans


_SET_GAPS = frozenset([" ", " (", ") ", "\t"])


_ENTITY = re.compile(r"&#x?[0-9a-fA-F]{1,6};")


def _mask_starts(text: str, digits_at: list[int]) -> list[int]:
    """Where ``_MASK_START`` matches in a text whose digits are all 0-9 (``digits_at``: their
    offsets): every "+" and "(", and the first digit of each run of one to four digits followed
    by "/", "." or "-". Read off the digit offsets, which the numeral scan found already (a
    regex call at each digit cost more than the rest of the masks).

    >>> t = "Call +44 (0)20 on 12/03/2019, 2-2 in 2019."
    >>> [t[p] for p in _mask_starts(t, char_positions(t, ASCII_DIGITS))]
    ['+', '(', '1', '0', '2', '2']
    """
    out = char_positions(text, "+(")
    if not digits_at:
        return out
    n = len(digits_at)
    for i, p in enumerate(digits_at):
        if i and digits_at[i - 1] == p - 1:
            continue  # inside a run
        j = i + 1
        while j < n and digits_at[j] == digits_at[j - 1] + 1:
            j += 1
        after = p + j - i  # the character after the run
        if j - i <= 4 and text[after:after + 1] in _MASK_SEPARATORS:
            out.append(p)
    out.sort()
    return out


_MASK_SEPARATORS = frozenset("/.-")


def _number_at_end(s: str) -> float:
    """The number a ``_JOINED_AFTER`` match ends with ("to 550,332" -> 550332.0; 0.0 when none).

    >>> _number_at_end(" to 1,423")
    1423.0
    """
    digits = s.replace(",", "").split()[-1].lstrip("-–to")
    try:
        return float(digits)
    except ValueError:
        return 0.0


def _reason(text: str, men: Mention, masked: list[tuple[int, int]], prev: Mention | None,
            nxt: Mention | None = None, flags: tuple[bool, bool] = (True, True)) -> str | None:
    s, e = men.start, men.end
    # masked spans come from one finditer: sorted and disjoint, so one bisect finds the candidate
    # (a linear scan here made long number-dense inputs quadratic)
    k = bisect.bisect_right(masked, (s, float("inf"))) - 1
    if k >= 0 and masked[k][0] <= s < masked[k][1]:
        return "phone-date-score"
    if men.qualifier == "vague":
        return None
    if flags[0] and _FIG_BEFORE.search(text, max(0, s - 40), s) and men.kind in ("digits", "range"):
        return "label"
    if flags[1] and men.unit in (None, "year") and "ag" in text[max(0, s - 16):s].lower() and \
            _AGED_BEFORE.search(text, max(0, s - 16), s):
        return "age"
    if prev is not None and prev.drop == "year" and text[prev.end:s] in ("-", "/", "–") and men.kind == "digits" \
            and men.unit is None and men.scale == 1.0:
        return "year"
    if men.kind == "digits" and text[s - 1:s] == "(" and text[e:e + 1] == ")" and men.unit is None and \
            men.value < 10:
        return "list"  # "(1)", "(2)": an enumeration
    if men.kind == "digits" and men.unit is None and men.scale == 1.0 and not men.cur and \
            "." not in text[s:men.num_end] and _PAREN_NOTE.match(text, men.num_end) and \
            _PAREN_NOTE_BEFORE.search(text, max(0, s - 24), s) and not _DIGIT.search(text, max(0, s - 24), s - 1):
        return "citation"  # "... eating patterns (37).", "(12, 13)": a numbered reference after words
    if men.unit == "W" and _LATITUDE_BEFORE.search(text, max(0, s - 14), s):
        return "coordinate"  # "formed at 15N, 40W": a longitude, not watts
    if text[men.num_end:men.num_end + 1] == "_" or text[s - 1:s] == "_":
        return "code"  # "09575-2_199", "run_3": an identifier
    integer = men.kind == "digits" and float(men.value).is_integer() and "." not in text[s:men.num_end]
    before = text[max(0, s - 30):s]
    after_num = text[men.num_end:men.num_end + 24]
    # the character after the numeral: each pattern read after it opens with one kind of character,
    # tested first (most numerals are followed by a space or a mark, and a call costs as much as the test)
    nxt = after_num[:1]
    bare = men.unit is None and men.scale == 1.0 and not men.cur
    if bare and integer and text[s - 1:s] == " " and text[s - 2:s - 1].isdigit() and 2 < e - s < 5 and \
            _NATIONAL_PHONE_BEFORE.search(before):
        return "phone"  # "call 0800 028 9276", "020 7946 0018": the groups after a trunk code that opens with 0
    # a run of labels: "lines 16 and 17", "Tables S1 and S2"
    if prev is not None and prev.drop in ("label", "name", "date", "citation", "age") and bare and \
            _AND_BEFORE.search(text, max(0, s - 6), s) is not None and prev.end >= s - 6 and \
            not (prev.kind == "words" and text[prev.end:s].strip() == ",") and \
            not (text[prev.end:s] not in ("-", "–") and _PLURAL_NEXT.match(text, e)):
        # ("at number four, one place ahead": a comma after a word ends the run; "Section 2.3 to 15
        # cores": a plural noun after the number makes it a count)
        return prev.drop
    if bare and integer and men.value <= 130 and names.lineup_minute(text, men):
        return "time"  # a line-up's substitution minute: "Barton (Macken 68)"
    code = names.code_or_address(text, men, prev, bare, integer)
    if code is not None:
        return code
    if men.kind == "digits":
        if (nxt == ":" or nxt.isspace() or nxt.isalpha()) and _TIME_AFTER.match(after_num) and \
                abs(men.value) < 2400 and not men.cur:
            return "time"
        if integer and nxt.isalpha() and _ORDINAL_AFTER.match(after_num):
            return "ordinal"
        # letters glued to the numeral that are not a unit: "5G", "3D", "2010b", "7Image"
        if e == men.num_end and after_num[:1].isalpha() and men.unit is None:
            return "code"
        # a screen resolution read as a unit: "8K video", "1080p", "720p HD"
        if integer and e > men.num_end and (
                (men.unit == "K" and men.value < 10 and text[men.num_end:men.num_end + 1] == "K"
                 and _SCREEN_AFTER.match(text, e)) or
                (men.unit == "pence" and men.value in _RESOLUTIONS and text[men.num_end:e] == "p" and (
                    _SCREEN_AFTER.match(text, e) or not ("£" in text or "pence" in text or "GBP" in text)))):
            return "code"
        if not men.cur and nxt == "-" and _FORM_LETTER.match(text, men.num_end):
            return "name"  # a form or a club: "a 10-K filing", "8-K", "4-H club"
        # a numeral joined to a capitalised word: "7-Eleven"
        if men.unit is None and not men.cur and men.scale == 1.0 and text[men.num_end:men.num_end + 1] == "-" \
                and text[men.num_end + 1:men.num_end + 2].isupper() \
                and match_unit(text[men.num_end:men.num_end + 24].lower(), 0) is None:
            return "name"  # (a title-case unit stays: "11-Inch Display", "5-Year Plan")
        if "[" in text[max(0, s - 12):s] and _CITE_BEFORE.search(text, max(0, s - 12), s) and \
                _CITE_AFTER.match(text, men.num_end):
            return "citation"
        if text[s - 1:s] == "[" and s > 0 and men.unit != "percent" and not men.cur and men.scale == 1.0:
            return "citation"  # "[11C]", "[3]": an isotope label or a reference ("[0.6% to 0.7%]" is an amount)
        if s >= 2 and text[s - 1] == "(" and text[s - 2].isalpha() and men.unit is None and not men.cur:
            return "code"  # "poly(3-hexyl...)", "f(2)": notation, a parenthesis glued to a word
        if not men.cur and text[men.num_end:men.num_end + 1].isalpha():
            hy = _LETTER_HYPHEN_BEFORE.search(text, max(0, s - 12), s) if text[s - 1:s] == "-" else None
            if hy is not None and not text[hy.start() - 1:hy.start()].isdigit():
                return "code"  # "DN-4PB", "MiG-29K": letters on both sides make a code ("40m-50m" is a range)
        if text[men.num_end:men.num_end + 1] == "(" and _LETTER_PAREN.match(text, men.num_end):
            return "code"  # "a 401(k) plan", "rule 10b(5)": a section or plan name
        if text[men.num_end + 1:men.num_end + 2] in _POSTCODE_FIRST and _POSTCODE_AFTER.match(text, men.num_end):
            return "code"  # "the 90049 ZIP code"
        if (nxt == "." and _TICKER_AFTER.match(text, men.num_end)) or (
                ":" in text[max(0, s - 2):s] and _EXCHANGE_BEFORE.search(text, max(0, s - 12), s)):
            return "ticker"  # "7203.T", "0700.HK", "(TSE: 7203)"
        digits = text[s:men.num_end].lstrip("−-+$£€¥")
        if digits[:1] == "0" and len(digits) > 1 and digits[1:2].isdigit():
            return "code"  # leading zero: "007", "0401"
    if men.kind == "words" and men.unit is None and 1 <= men.value <= 31 and men.value.is_integer() and \
            _MONTH_BEFORE.search(text, max(0, s - 12), s):
        return "date"  # wire style "on March two"
    if bare and integer and 1 <= men.value <= 31:
        if _MONTH_BEFORE.search(text, max(0, s - 12), s) or _MONTH_AFTER.match(after_num) or \
                _DAY_RANGE_AFTER.match(after_num):
            return "date"  # ("from 24-26 June": the first day of a span of days)
        if _WEEKDAY_BEFORE.search(text, max(0, s - 14), s):
            return "date"
    if integer and men.unit in ("year", "month") and 1800 <= men.value <= 2100 and text[s:men.num_end].isdigit() \
            and text[men.num_end:e] in (" year", " month"):
        return "year"  # wire copy's "1986 year net", "the same 1985 month": a year named, not 1,986 years
    # years: 1800-2100 written bare ("in 2018", "2014-15", "1987/88", "the 1990s")
    if bare and integer and men.qualifier in ("exact", "approx", "at_least", "at_most") and 1000 <= men.value <= 2200 \
            and "," not in text[s:men.num_end]:
        joined_prev = prev is not None and prev.drop is None and prev.value < men.value and \
            text[prev.end:s].strip() in ("to", "-", "–") and prev.end >= s - 5 and prev.unit is None \
            and prev.scale == 1.0 and not 1800 <= prev.value <= 2100
        j = _JOINED_AFTER.match(text, men.num_end)
        if joined_prev or (j is not None and match_unit(text, j.end(), True) is not None and
                           men.value < _number_at_end(j.group()) < 10 * men.value):
            pass  # "from 1000 to 2000 hires", "1323–1423 K"
        elif _YEAR_RANGE_AFTER.match(after_num) or _DECADE_AFTER.match(after_num):
            return "year"
        elif 1800 <= men.value <= 2100:
            if _MONTH_BEFORE.search(before) or not (
                    _YEAR_NEXT_OK.match(after_num) and (
                        men.qualifier in ("at_least", "at_most") or not _YEAR_PREP.search(before[-12:]))):
                return "year"  # ("as early as 1989 and up" is a year; "up to 2000 people" a count)
        elif _OLD_YEAR_PREP.search(before):
            return "year"
    if men.kind == "range" and bare and 1800 <= men.low <= men.high <= 2100 and float(men.low).is_integer():
        return "year"
    if bare and integer and nxt in _DECADE_FIRST and _DECADE_AFTER.match(after_num) and men.value % 10 == 0:
        return "year"
    # list numbering at the start of a line: "1. Skip to content"
    # (a line opens at the text's start or after a newline: one of them within the 8 characters searched)
    if men.kind == "digits" and bare and (s <= 8 or "\n" in text[s - 8:s]) and \
            _LIST_NUMBER.search(text, max(0, s - 8), s) and \
            _LIST_AFTER.match(text, men.num_end):
        return "list"
    # names and labels: "S&P 500", "G-20", "COVID-19", "Boeing 737", "Section 427", "BBC One"
    if bare and men.qualifier == "exact":
        hy = _LETTER_HYPHEN_BEFORE.search(text, max(0, s - 12), s) if text[s - 1:s] == "-" else None
        if hy is not None and hy.group("w").lower() not in ("sub", "minus", "under", "over", "top", "than", "and",
                                                            "to", "from", "or", "about", "some", "around", "nearly"):
            return "name"
        ta, tb = prev_token(text, s)
        label = tb > ta and text[ta:tb].lstrip("([").lower() in _LABEL_WORDS  # _prev_word_is_label
        if label and text[tb - 1:tb] == "s" and _PLURAL_NEXT.match(text, e):
            label = False  # a verb, not a label: "the jet seats 290 passengers", "it issues 5 bonds"
        w = text[ta:tb].lstrip("(\"“‘'/")
        ta = tb - len(w)
        if w == "No" or w.endswith("-No"):
            return "label"  # British "No 10" (Downing Street), "world No 1": a number as a name or rank
        # a name never groups its thousands: "Brazil 15,000 tonnes", "the Dow 30,000" are amounts
        grouped = men.kind == "digits" and "," in text[s:men.num_end]
        if not grouped and w.lower() in (_NAME_TOKENS if men.kind != "words" else _CHANNEL_TOKENS):
            return "name"  # "S&P 500", "BBC Three" (also on a headline, where case tells nothing)
        if w and not grouped and _CAP_TOKEN.fullmatch(w):
            if (
                    w not in _EXCLUDED_CAP and not _is_sentence_start(text, ta)
                    and not _MONTH_BEFORE.match(w) and not w.endswith(".") or w in ("No.", "Nos.", "Fig.", "Eq.", "Vol.", "Ref.")):
                if not w.endswith(("'s", "’s", "s'")):
                    return "name"
        if label and men.kind in ("digits", "range"):
            return "label"
        if men.kind == "words" and text[ta:tb].lower() in _WORD_LABELS and not _PLURAL_AFTER.match(text, e):
            return "label"  # "the number one problem", "in lane seven", "Chapter Three" ("round two talks")
        if men.kind == "words" and text[s:s + 1].isupper() and not _is_sentence_start(text, s):
            return "name"  # "BBC One", "Big Ten", "Formula One"
    if men.kind == "words":
        # "one" as a pronoun or in an idiom: "the one that", "no one", "one can see", "one by one", "at one point"
        if men.words == "one" and men.scale == 1.0 and not men.cur and \
                one_not_a_count(text, s, e, before, men.unit):
            return "pronoun"
        if men.words == "half" and _HALF_PLACE_BEFORE.search(before):
            return "part"  # "the left half of the figure", "the first half of 2019": a part, not a quantity
        ne = men.num_end
        if text[ne:ne + 1] == "-" and _HYPHEN_COMPOUND.match(text, ne, ne + 2):
            return "compound"  # "three-year", "six-speed", "one-off": a modifier, not a count
    # a rank, not a count: "a top 10 hit", "the top five includes" ("the top three seeds" counts seeds)
    if bare and men.qualifier == "exact" and ("top" in before[-8:] or "Top" in before[-8:] or "bottom" in before[-8:]) and \
            _TOP_BEFORE.search(before[-8:]) and \
            not _TOP_VERB_BEFORE.search(before) and \
            not (men.value > 100 and _PLURAL_TOP.search(before)) and \
            not _PLURAL_AFTER.match(text[e:e + 30]):
        return "rank"
    # an age in apposition or a byline: "Senard, 65, now faces"
    if bare and integer and men.kind == "digits" and 1 <= men.value < 120 and \
            text[e:e + 1] in (",", ")") and _APPOSITION_BEFORE.search(text, max(0, s - 30), s):
        return "age"
    return None

