"""The claim frame: whose figure it is, what it counts, when, and for which part.

A figure can only contradict another about the same thing: the same ``holder`` (the company
whose profit, the country whose refugees), the same ``measure`` (what is counted, with the verb
that says what happened to it: miners *trapped* are not miners *killed*), the same ``period``
(a quarter, a month, a year, "today", the week of a weekly report) and, when both say, the same
``scope`` (where the goods went, which segment). These are pure functions of the claim's
sentence, its counted noun and subjects (from the extractor) and, when known, the headline.

>>> f = claim_frame("Dalby Mining said a total of 23 miners were trapped in a zinc mine yesterday.",
...                 "23", "miners", ["Dalby Mining"])
>>> f.holder, f.measure, f.period
('Dalby Mining', 'miner trapped', 'day-1')
>>> claim_frame("Shr 1.20 dlrs vs 1.10 dlrs", "1.20 dlrs", "shr", ["Shr"],
...             title="ACME WIDGETS INC <ACW> 4TH QTR 1986 NET").holder
'ACME WIDGETS INC'

The period is read by :mod:`.periods` ("1986-Q4", "week-to-02-22", "day-1").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimtrack.stages.extract.claims.periods import any_word_pattern, other_figures, period_of, RECURRING

__all__ = ["Frame", "claim_frame", "fill_frames", "headline_holder", "is_table_line", "says_revision",
           "norm_holder"]


@dataclass(frozen=True, slots=True)
class Frame:
    """The frame of one claim; ``None`` where the text does not say. ``holder_from`` tells where the
    holder came from: "sentence" or "headline"."""

    holder: str | None = None
    measure: str | None = None
    period: str | None = None
    scope: str | None = None
    holder_from: str | None = None


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_TIME_NAMES = frozenset("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday jly jne""".split())
# words that open many sentences and results lines and are no one's name ("Net 5 mln", "Shr 1.20")
_NOT_NAMES = frozenset("""the a an it its this that these those there he she they we i in on at for
from by with as after before while when but and or if net shr shrs oper revs rev sales profit loss
avg qtly qtr mthly div dividend note year quarter total exports imports production output earnings
income revenue revenues assets deposits loans reserves stocks prices price government officials
police""".split())
# common words that open sentences of market and results copy, capitalised only there
_OPENERS = frozenset("""volume turnover output production sales trading demand supply stocks shares
prices exports imports earnings revenue revenues profit profits losses dividends deliveries arrivals
receipts shipments inventories reserves bids offers registrations silver gold copper""".split())
_DESIGNATORS = frozenset("""inc incorporated corp corporation co cos company ltd limited plc llc lp ag sa
nv bv gmbh spa holding holdings group the""".split())
# verbs and states next to a figure that say what happened to what is counted; spellings of one
# state merged ("killed", "died", "dead" are all "dead")
STATES = {
    "dead": "dead", "died": "dead", "die": "dead", "dies": "dead", "killed": "dead", "kills": "dead",
    "deaths": "dead", "perished": "dead", "fatalities": "dead", "lives": "dead",
    "injured": "injured", "wounded": "injured", "hurt": "injured", "hospitalised": "injured",
    "hospitalized": "injured", "trapped": "trapped", "missing": "missing", "escaped": "escaped",
    "rescued": "rescued", "survived": "rescued", "evacuated": "evacuated", "displaced": "displaced",
    "homeless": "homeless", "arrested": "arrested", "detained": "arrested", "waiting": "waiting",
    "idle": "idle", "stranded": "stranded", "approved": "approved", "rejected": "rejected",
    "offered": "offered", "sold": "sold", "bought": "bought", "purchased": "bought",
    "exported": "exported", "imported": "imported", "produced": "produced", "shipped": "shipped",
    "planted": "planted", "harvested": "harvested", "forecast": "forecast", "projected": "forecast",
    "expected": "forecast", "estimated": "estimated", "targeted": "target", "planned": "planned",
    "proposed": "proposed", "sought": "sought", "seeking": "sought", "affected": "affected",
    "employed": "employed", "laid": "laid off", "striking": "striking", "struck": "striking",
    "voted": "voted", "registered": "registered", "tendered": "tendered", "owned": "owned", "held": "held",
}
# any spelling of a state, anywhere in a (lowercased) text, even inside a word: a quick test that
# a sentence may name one (each found at its least common letter, which the engine skips to in C)
_STATE_TEXT = any_word_pattern(list(STATES))


@lru_cache(maxsize=256)
def _may_name_state(sentence: str) -> bool:
    """Whether a word of ``sentence`` (or of any part of it) can be a key of :data:`STATES`.

    Every word :func:`_measure` looks up is a piece of the sentence, so when no key is inside
    the lowercased sentence, none is found: most sentences name no state, and skip the search.

    >>> _may_name_state("57 were trapped."), _may_name_state("Sales rose 5%.")
    (True, False)
    """
    return _STATE_TEXT.search(sentence.lower()) is not None


# heads that say nothing about what is counted: the state next to the figure does
_GENERIC = frozenset({"people", "person", "persons", "man", "men", "woman", "women", "other", "resident"})
# ";", ":", "(", ")", " - ", ", and", "but ": written as one character class first (then what must
# follow each first character), so that the regex engine skips to those in C
_CLAUSE_BREAK = re.compile(r"[;:()\s,abw](?:(?<=[;:()])|(?<=\s)[-–—]\s|(?<=,)\s+(?:and|but|while|whereas)\b"
                           r"|(?<!\w[abw])(?:(?<=a)nd|(?<=b)ut|(?<=w)hile|(?<=w)hereas)\s)")
_DIGIT = re.compile(r"\d")
# a later report that says its figure replaces an earlier one
_REVISION = re.compile(
    r"\b(?:revis(?:ed|es|ing|ion)|updat(?:ed|es|ing)|correct(?:ed|ion|s)|amend(?:ed|s)|restat(?:ed|es)"
    r"|(?:raised|lowered|cut|increased|reduced)\s+(?:its|their|the)\s+(?:estimate|forecast|toll|count|figure)"
    r"|(?:toll|count|figure)\s+(?:rose|climbed|has risen|has climbed|jumped) to"
    r"|now\s+(?:puts?|says?|estimates?|stands?|believed))\b", re.I)


def _singular(word: str) -> str:
    w = word.lower()
    if len(w) <= 3 or not w.endswith("s") or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("shes", "ches", "xes", "sses")):
        return w[:-2]
    return w[:-1]


@lru_cache(maxsize=1 << 16)
def norm_holder(name: str | None) -> str:
    """A holder as a key: lower case, no ticker brackets, possessive, article or legal designator.

    >>> norm_holder("<Noranda Inc>"), norm_holder("The Acme Corp's"), norm_holder(None)
    ('noranda', 'acme', '')
    """
    if not name:
        return ""
    words = _WORD.findall(name.replace("<", " ").replace(">", " "))
    words = [w.lower().removesuffix("'s").removesuffix("'") for w in words]
    return " ".join(w for w in words if w not in _DESIGNATORS)


def same_holder(a: str | None, b: str | None) -> bool:
    """Whether two holders name one entity: the same key, or one key's words inside the other's
    ("Noranda" and "Noranda Inc"; "K-Tron" and "K-Tron International").

    >>> same_holder("Noranda Inc", "<Noranda>"), same_holder("Acme Widgets", "Bolt Widgets")
    (True, False)
    >>> same_holder("KAY CORP", "KAY JEWELERS INC")
    False
    """
    ka, kb = norm_holder(a), norm_holder(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    wa, wb = ka.split(), kb.split()
    if _designated(a) and _designated(b):
        # two full legal names: "Kay Corp" is not "Kay Jewelers Inc", its unit; one may only
        # drop what comes before ("U.S. Subsidiary of Sandoz AG", "Subsidiary of Sandoz AG")
        short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
        return long_[len(long_) - len(short):] == short
    # the shorter must be the start of the longer ("acme" of "acme widgets", not "widgets"), or a
    # name of several words inside it ("subsidiary of acme ag" of "u.s. subsidiary of acme ag")
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if long_[:len(short)] == short:
        return True
    return len(short) >= 2 and any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def _designated(name: str) -> bool:
    """Whether a name ends in a legal designator ("Acme Widgets Inc", "Bolt Bancorp"): a full name."""
    words = _WORD.findall(name.replace("<", " ").replace(">", " ").lower())
    return bool(words) and (words[-1] in _DESIGNATORS or words[-1].endswith("bancorp")) and words[-1] != "the"


@lru_cache(maxsize=1 << 14)
def headline_holder(title: str | None) -> str | None:
    """The company a results or company headline names: the words before its ticker
    ("ACME WIDGETS INC <ACW> 4TH QTR NET"), else None. Headlines without a ticker open with a
    topic as often as with an entity, so they give no holder here.

    >>> headline_holder("ACME WIDGETS INC <ACW> 4TH QTR NET"), headline_holder("QUAKE TOLL RISES")
    ('ACME WIDGETS INC', None)
    """
    if not isinstance(title, str) or "<" not in title:
        return None
    head = title.split("<", 1)[0].strip(" -,:")
    head = re.sub(r"^(?:CORRECTED|CORRECTION|REPEAT|UPDATE)\s*[-:]?\s*", "", head, flags=re.I).strip()
    if head.endswith("'S"):
        head = head[:-2]
    return head or None


_TABLE_WORD = re.compile(r"[a-z]{3,}")
_NUMBER = re.compile(r"\d[\d,.]*")


#: "5 mln vs 4 mln", "1.10 dlrs vs loss 8.63 dlrs": a figure, its unit words, "vs", the other
_VS_LINE = re.compile(r"\d(?:\s+(?:mln|bln|billion|million|dlrs?|cts|pct|stg|marks|yen|francs))*\s+vs\.?\s+"
                      r"(?:loss\s+|profit\s+)?[\d(]")


@lru_cache(maxsize=1 << 16)
def is_table_line(sentence: str | None) -> bool:
    """A table row or results-template line rather than a sentence: several figures and at most
    two lower-case words of three letters or more ("Shr 1.20 dlrs vs 1.10 dlrs", "Jul/Dec 0.78
    under 0.80 under"), or a results label line ("Net profit 5 mln vs 4 mln").

    >>> is_table_line("Oper net profit 1,165,000 vs loss 5,919,000"), is_table_line("Some 300 people died.")
    (True, False)
    >>> is_table_line("Oper shr loss 2.40 dlrs vs loss 6.15 dlrs")
    True
    """
    if not sentence:
        return False
    text = sentence.strip()
    if "vs" not in text and text.endswith("."):
        return False  # most sentences: a full stop at the end, and no "vs" for _VS_LINE
    numbers = len(_NUMBER.findall(text))
    words = [w for w in _TABLE_WORD.findall(text) if w not in ("mln", "bln", "dlrs", "cts", "pct", "vs")]
    if numbers >= 2 and len(words) <= 3 and not text.endswith("."):
        return True
    return bool(_VS_LINE.search(text)) and len(words) <= 6


def _names(sentence: str, subjects, title: str | None = None) -> list[tuple[int, str]]:
    """(position, name) of the subjects found in the sentence, time words left out, in order."""
    out = []
    for name in subjects or ():
        if not isinstance(name, str) or not name.strip():
            continue
        key = name.strip().lower()
        if key in _TIME_NAMES or key in _NOT_NAMES or not norm_holder(name):
            continue  # a month, a common word, or only designators ("Co Inc")
        at = sentence.find(name)
        if at < 0:
            continue
        if at <= 1 and " " not in name.strip() and (key in _OPENERS or (
                title and key not in title.lower() and not sentence[at + len(name):].startswith(("'s", " said")))):
            continue  # a lone capitalised word opening the sentence: a common word ("Volume was ...")
        if _ADJECTIVE.match(name.strip()) and _LOWER_NEXT.match(sentence, at + len(name)):
            continue  # "Syrian refugees", "Turkish-backed rebels": a modifier, not whose figure it is
        out.append((at, name.strip()))
    return sorted(set(out))


_ADJECTIVE = re.compile(r"^(?:[A-Z][a-z]+(?:an|ese|ish|ic|i)|[A-Z][\w]*-[a-z][\w-]*)$")
_LOWER_NEXT = re.compile(r" [a-z]")  # a lower-case word right after a name
# "<Acme Inc> said its ...": a verb of reporting right after the name, and the reporter's own figure
_REPORTS_OWN = re.compile(r"^[>\s]*(?:said|says|reported|posted|announced|expects|estimated)\b")
_OWN = re.compile(r"\b(?:its|our|the company's)\b")
_POSSESSIVE_OF = re.compile(r"^\s*(?:[a-z%$-]+\s+){0,3}?of\s+(?:the\s+)?$")
# (within the figure's own clause: "... dlrs and will be traded in Zurich" is another clause)
_IN_PLACE = re.compile(r"^(?:(?!\b(?:and|but|which|that|will|while|where)\b)[^,;:()]){0,60}?\b(?:in|at)\s+(?:the\s+)?$")
_SCOPE = re.compile(r"^[^;:()]{0,50}?\b(?:to|for|from|into)\s+(?:the\s+)?$")


def _holder(sentence: str, at: int, end: int, names: list[tuple[int, str]]) -> str | None:
    """Whose figure it is, from the names of its sentence (see :func:`claim_frame`)."""
    right = [(p, n) for p, n in names if p >= end]
    left = [(p, n) for p, n in names if p + len(n) <= at]
    # "19.9 pct of Borg-Warner's stock", "3 mln of Acme shares"
    for p, n in right:
        if _POSSESSIVE_OF.match(sentence[end:p]):
            return n
        break
    # "Acme's 5 mln dlr profit", "Brazil's debt of 68 bln"
    for p, n in reversed(left):
        if sentence[p + len(n):p + len(n) + 2] == "'s" and len(sentence[p + len(n):at].split()) <= 4:
            return n
    # "<Acme Inc> said its ..." / "Acme said production at its mine ...": the speaker's own figure
    if left:
        p, n = left[0]
        between = sentence[p + len(n):at]
        if _REPORTS_OWN.match(between) and _OWN.search(between):
            return n
    # "2 million civilians are at risk in Idlib", "refugees in Turkey"
    for p, n in right:
        if _IN_PLACE.match(sentence[end:p]):
            return n
        break
    # the nearest name before the figure ("Idlib, the stronghold where 3 million civilians ..."),
    # unless another figure stands between them: then the name is that figure's
    if left:
        p, n = left[-1]
        if not other_figures(sentence, p + len(n), at):
            return n.removesuffix("'s")
    return None


def _scope(sentence: str, end: int, names: list[tuple[int, str]]) -> str | None:
    """Where the figure's goods went or came from, for whom: "to Kuwait", "for Italy"."""
    for p, n in names:
        if p >= end:
            if _SCOPE.match(sentence[end:p]):
                return n
            return None
    return None


def _measure(sentence: str, at: int, end: int, noun: str | None) -> str | None:
    """The counted noun (last word singular) and the state or verb next to the figure."""
    words = [w.lower() for w in _WORD.findall(noun)] if noun else []
    state = STATES.get(words[-1], "") if words else ""
    if state or (words and _singular(words[-1]) in _GENERIC):
        words = words[:-1]  # "120 dead", "300 people killed": the state says what is counted
    head = " ".join(words[:-1] + [_singular(words[-1])]) if words else ""
    if at >= 0 and not state and _may_name_state(sentence):
        own = set(words)
        right = _CLAUSE_BREAK.split(_DIGIT.split(sentence[end:], maxsplit=1)[0], maxsplit=1)[0]
        left = _CLAUSE_BREAK.split(_DIGIT.split(sentence[:at])[-1])[-1]
        for w in _WORD.findall(right)[:7]:
            state = "" if w.lower() in own else STATES.get(w.lower(), "")
            if state:
                break
        if not state:
            for w in reversed(_WORD.findall(left)[-4:]):
                state = STATES.get(w.lower(), "")
                if state:
                    break
    out = " ".join(x for x in (head, state) if x)
    return out or None


def says_revision(sentence: str | None) -> bool:
    """Whether a sentence says its figure revises or updates an earlier one.

    >>> says_revision("The company revised the number of trapped miners to 57."), says_revision("57 were trapped.")
    (True, False)
    """
    return bool(sentence) and _REVISION.search(sentence) is not None


def claim_frame(sentence: str | None, surface: str | None, noun: str | None = None, subject=None,
                title: str | None = None, at: int | None = None) -> Frame:
    """The frame of one claim from its sentence (``at``: the figure's offset in it, found from
    ``surface`` when not given), counted noun, subjects and the article's headline.

    The holder is, in this order: a name the figure belongs to ("19.9 pct of Acme's stock",
    "Acme's 5 mln"); an organisation that reports its own figure ("Acme said its ..."); the place
    after the counted thing ("civilians in Idlib"); the nearest name before the figure. A table
    row or results line takes its holder only from a company headline ("ACME INC <ACM> 4TH QTR
    NET"); a sentence that names no one takes it from there too.

    >>> claim_frame("Some 2 million civilians are at risk in Idlib.", "2 million", "civilians", ["Idlib"]).holder
    'Idlib'
    >>> f = claim_frame("It sold 40 head of beef cattle to Oman.", "40", "head", ["Oman"])
    >>> f.holder, f.scope, f.measure
    (None, 'Oman', 'head sold')
    """
    return Frame(*_frame_fields(sentence, surface, noun, subject, title, at))


def _frame_fields(sentence, surface, noun, subject, title, at) -> tuple:
    """The fields of :func:`claim_frame`'s Frame, in its order (holder, measure, period, scope,
    holder_from): :func:`fill_frames` copies them to the claim without building a Frame (a frozen
    dataclass sets each field through ``object.__setattr__``)."""
    sentence = sentence if isinstance(sentence, str) else ""
    surface = surface if isinstance(surface, str) else ""
    if at is None or not (0 <= at <= len(sentence)) or sentence[at:at + len(surface)] != surface:
        at = sentence.find(surface) if surface else -1
        if at < 0 and surface:
            at = sentence.lower().find(surface.lower())
    end = at + len(surface) if at >= 0 else -1
    table = is_table_line(sentence)
    names = [] if table or at < 0 else _names(sentence, subject, title)
    holder = _holder(sentence, at, end, names) if names else None
    holder_from = "sentence" if holder else None
    if holder is None:
        holder = headline_holder(title)
        holder_from = "headline" if holder else None
    period = period_of(sentence, surface or None)
    if period is None and title and (table or RECURRING.search(title)):
        # a results line's period is in its headline ("4TH QTR"); so is a recurring report's
        # ("DAILY CATTLE SLAUGHTER", "WEEKLY ARRIVALS")
        period = period_of(title)
    scope = _scope(sentence, end, names) if names and at >= 0 else None
    if scope is not None and holder is not None and norm_holder(scope) == norm_holder(holder):
        scope = None
    return holder, _measure(sentence, at, end, noun if isinstance(noun, str) else None), period, scope, holder_from


def fill_frames(claims: list, title: str | None = None) -> list:
    """Set holder, measure, period and scope of each :class:`~claimtrack.records.Claim` in place
    (and return the list). ``title``: the article's headline, when the caller has it.

    >>> from claimtrack.records import Claim
    >>> c = Claim("c", "a", "44", 44.0, 44.0, 44.0, "exact", 0, 2, noun="miners", subject=[],
    ...           sentence="44 miners were trapped on Thursday.", sentence_start=0)
    >>> fill_frames([c])[0].measure
    'miner trapped'
    """
    for c in claims:
        at = c.start - c.sentence_start if c.sentence_start >= 0 else None
        c.holder, c.measure, c.period, c.scope, _ = _frame_fields(c.sentence, c.surface, c.noun, c.subject, title, at)
    return claims
