"""Numbers as written: numerals, number words, fractions, scales and vague magnitudes.

:func:`scan` finds every number mention in a text with its value, its currency and its unit.
Deciding which mentions are claims (dates, years, labels ...) is :mod:`.filters`' job.

>>> t = "It paid $3.5bn for 940 000 tonnes."
>>> [(t[m.start:m.end], m.value, m.unit) for m in scan(t)]
[('$3.5bn', 3500000000.0, 'USD'), ('940 000 tonnes', 940000.0, 'tonne')]
"""
from __future__ import annotations

import functools
import math
import re

from claimtrack.stages.extract.claims.digits import DigitRegex, digits_are_ascii
from claimtrack.stages.extract.claims.scans import (
    ASCII_DIGITS,
    char_positions,
    digit_offsets,
    matches_at,
    matches_from,
    run_starts,
)
from claimtrack.stages.extract.claims.pattern_starts import first_chars
from claimtrack.stages.extract.claims.units import (
    CURRENCY_PREFIX,
    CURRENCY_PREFIX_RE,
    MANGLED_STARTS,
    PER,
    RATE_RE,
    SCALE_RE,
    SCALES,
    match_unit,
)
from claimtrack.stages.extract.claims.words import (
    _WORDS_RE_I,
    FRACTIONS,
    TENS,
    UNITS,
    VAGUE,
    VULGAR,
    WORD_SCALES,
    WORDS_RE,
    _trie,
    _vague_of,
    _word_matches,
    parse_words,
)

__all__ = ["FRACTIONS", "TENS", "UNITS", "VAGUE", "VULGAR", "WORDS_RE", "WORD_SCALES", "Mention", "NUM_RE",
           "is_science", "parse_digits", "parse_words", "scan"]


def _num_re(plain_space: bool) -> re.Pattern:
    """The numeral pattern. Thousands grouped by a thin or no-break space ("940 000") are always
    one number; grouped by a plain space only when ``plain_space`` (the text does not group its
    thousands with commas) and not before a name or a glued letter: "roughly 400 737 Max jets" is
    400 jets of a model, not 400,737.

    Two look-aheads only skip what cannot match (a numeral is matched a dozen times a text, and
    they cut a third of a match): the currency codes are tried only at one of their first
    characters, the grouped forms only at up to three digits and a separator before a digit."""
    plain = (r"|(?<![-–])\d{1,3}(?: \d{3})+(?![\d\w]|,\d|\s+[A-Z])" if plain_space else "")
    separators = ",\u00a0\u202f\u2009" + (" " if plain_space else "")
    return re.compile(
        r"(?=[\dA-Z$£€¥₹₪₩₽₺₦₱฿.½¼¾⅓⅔⅛⅜⅝⅞⅕" + MANGLED_STARTS + r"])(?:"
        r"(?P<num>(?<![\w.,/:^'’])(?:(?=[" + _CURRENCY_FIRST + r"])(?P<cur>" + CURRENCY_PREFIX_RE + r")\s?)?(?=\.?\d)"
        r"(?P<digits>(?=\d{1,3}[" + separators + r"]\d)"
        r"(?:\d{1,3}(?:,\d{3})+(?![\d])|(?<![-–])\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d|,\d)" + plain + r")|\d+)?"
        r"(?P<dec>\.\d+)?(?:(?P<frac>[/⁄]\d{1,4})|(?P<vul>[½¼¾⅓⅔⅛⅜⅝⅞⅕])|(?P<mixed>[-\s]\d{1,2}/(?:2|4|8|16|32|64)(?!\d)))?)"
        r"|(?P<vulgar>(?<!\w)[½¼¾⅓⅔⅛⅜⅝⅞⅕]))"
    )


# the characters a currency written before a numeral opens with ("$", "U" of "US$", "&" of "&pound;")
_CURRENCY_FIRST = re.escape("".join(sorted({p[0] for p in CURRENCY_PREFIX})))
#: numerals (with a currency written before them) and vulgar fractions, matched on the text
NUM_RE = _num_re(plain_space=True)
#: ... in a text that groups thousands with commas ("1,200"): a plain space separates two numbers
_NUM_RE_COMMAS = _num_re(plain_space=False)
# "1,200": opens with its comma, a literal the regex engine finds fast (a digit class is a table
# lookup at every character), then looks back for the digit
_COMMA_THOUSANDS = re.compile(r",(?<=\d,)\d{3}(?![\d])")
# the rest of a currency code that opens with a capital ("S$" of "US$", "s" of "Rs"), as a prefix tree
_CODE_TAILS = [p[1:] for p in CURRENCY_PREFIX if "A" <= p[0] <= "Z"]
# where a NUM_RE match can start: a digit, ".", a currency symbol or a vulgar fraction not glued to a
# word, or a capital that opens a currency code written before a digit ("US$5", "Rs 500"). The
# search for these opens with a character set, which the regex engine skips to in C; NUM_RE's
# look-ahead first made it try every position (see _num_matches). After most capitals ("The")
# the one-character class that opens the code's tail fails at once.
_NUM_START = DigitRegex(
    r"[\dA-Z$£€¥₹₪₩₽₺₦₱฿.½¼¾⅓⅔⅛⅜⅝⅞⅕" + MANGLED_STARTS + r"](?<!\w.)(?:(?<![A-Z])|(?=(?=["
    + re.escape("".join(sorted({t[0] for t in _CODE_TAILS}))) + "])(?:" + _trie(_CODE_TAILS) + r")\s?\.?\d))"
)
_DOLLAR_COUNTRY = re.compile(r"(?<![A-Za-z])(US|AU|NZ|HK|CA|NT)\s\Z")
_RACE_AFTER = re.compile(r"\s+(?:(?:indoor|outdoor|world|olympic|european|national|men's|women's)\s+)*"
                         r"(?:hurdles|freestyle|butterfly|breaststroke|backstroke|medley|relay|sprint|race|dash|"
                         r"finals?|heats?|champions?|championships?|titles?|records?|crowns?|gold|silver|bronze|run|runs|runners?|"
                         r"steeplechase|walk|fun\s+run|road\s+race|barrier|mark|best|specialists?)\b", re.I)
# a text about athletics or swimming: a distance glued to "m" there is metres ("won the 800m",
# "cleared 4.88m"), unless a plural count follows ("1.7m people")
# the events after a distance: "the 60m hurdles", "800 metres final"
_TRACK_EVENTS = (r"\s+(?:[a-z']+\s+){0,2}(?:hurdles|freestyle|butterfly|breaststroke|backstroke|medley|relay|sprint|"
                 r"steeplechase|champion|title|titles|heats?|final)\b")
# the three ways such a text shows itself, searched one by one (as one regex, opening with a digit
# or a word boundary, they were tried at every position of the text): a distance and an event,
# opening with the "m" (a literal the engine finds fast, then the digit is looked back for) ...
_TRACK_DISTANCE = re.compile(r"m(?:(?<=\dm)|(?:(?<=\dm)|(?<=\d\sm))etres)" + _TRACK_EVENTS)
# ... a men's, women's, indoor or Olympic distance, and a word of athletics (each only searched for
# in a text that holds a word it needs)
_TRACK_EVENT = re.compile(r"\b(?:[Mm]en's|[Ww]omen's|[Ii]ndoor|[Oo]lympic)\s+\d[\d,]*m\b")
_TRACK_SPORT = re.compile(r"\b(?:[Aa]thletics|high\s+jump|long\s+jump|triple\s+jump|pole\s+vault|shot\s+put|heptathlon|"
                          r"decathlon|pentathlon|sprinters?|[Hh]urdlers?)\b")
#: the rule as one pattern (what :func:`is_track` finds; the tests compare the two)
TRACK_TEXT = re.compile(r"\d(?:m|\s?metres)" + _TRACK_EVENTS + "|" + _TRACK_EVENT.pattern + "|" + _TRACK_SPORT.pattern)
_TRACK_EVENT_WORDS = ("en's", "ndoor", "lympic")  # "[Mm]en's", "[Ww]omen's", "[Ii]ndoor", "[Oo]lympic"
_TRACK_SPORT_WORDS = ("thletics", "jump", "vault", "put", "athlon", "printer", "urdler")
_WIRE_SCALE = re.compile(r" (mln|bln|bn|mn|MLN|BLN)(?![\w$€£%'’])")  # after a number word: "six mln"
_COUNT_AFTER_M = re.compile(r"(?:\s+(?!(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)[a-z-]+)?"
                            r"\s+(?:people|men|women|children|(?!(?:was|has|does|its|his|this|thus|yes|less|plus)\b)[a-z]{2,}[^s\W']s)\b"
                            r"|\s+(?:of|more|fewer)\b")
# words of heat before a glued "K": kelvin, not thousands ("the film was heated to 300K")
_HEAT_BEFORE = re.compile(r"\b(?:temperatures?|heated|heating|cooled|cooling|annealed|kelvin|thermal|melts?|boils?)\b",
                          re.I)
_SCI = re.compile(r"\s?(?:[×x·*]\s?10\s?\^?\s?|[eE])(?P<exp>[−⁻+-]?\d{1,3})(?![\d.])")
_POWER = re.compile(r"(?:\^\s?(?P<neg>[−-])?|(?P<minus>−))(?P<exp>\d{1,2})(?![\d.,])")
_FRACTION_NEXT = re.compile(r"[\"”’']?\s+(?:of|a|an|the|its|their|his|her|our|that|this|these|those|as)\b|-(?:thirds?|quarters?|fifths?)")
_SIGN = re.compile(r"(?:\b(?:minus|negative)[\s-]|−|(?:(?<=[\s(\[])|^)[-+])\Z", re.I)
_SIGN_WORD_END = frozenset("sSſeE")  # the last letters of "minus" and "negative", any case as re.I reads it
# (a kelvin after a space, a decimal or two digits: a glued "4K" or "8K" is a screen's resolution in
# news copy, "a 5K run" a distance, and neither makes a text science prose)
_SCI_UNITS = r"(?:nm|μm|µm|mm|(?:(?<=\s)|(?<=[\d.]\d))K|°C|MPa|GPa|kV|keV|eV|Hz|mg|mL|ml|mol|wt%|cm−1|m−1|s−1|μM|mM)"
_SCIENCE = re.compile(r"(?=[\d=≈∼a-zμ±])(?:[a-zμ]−[1-4]\b|±|\d\s?" + _SCI_UNITS + r"\b|\d\s?[=<>≈∼]|[=≈∼]\s?\d)")


class Mention:
    """One number as written: where, its value (and interval), currency/unit, and how it was written."""

    __slots__ = ("start", "end", "value", "low", "high", "unit", "kind", "scale", "cur", "qualifier",
                 "drop", "approx_hint", "num_end", "words", "frac")

    def __init__(self, start: int, end: int, value: float, kind: str):
        self.start = start
        self.end = end
        self.num_end = end  # end of the numeral (before scale and unit)
        self.value = value
        self.low = value
        self.high = value
        self.unit: str | None = None
        self.kind = kind  # "digits", "words", "vague", "fraction"
        self.scale = 1.0  # the scale word's factor ("million" -> 1e6)
        self.cur = False  # currency written before the number
        self.qualifier = "exact"
        self.drop: str | None = None  # reason it is not a claim
        self.approx_hint = False
        self.words = ""
        self.frac = False

    def __repr__(self) -> str:
        return f"Mention({self.start},{self.end},{self.value},{self.unit},{self.qualifier},{self.drop})"


def parse_digits(digits: str | None, dec: str | None) -> float:
    """The value of a numeral written with digits ("1,000", "940 000", ".5").

    >>> parse_digits("940\u00a0000", None), parse_digits(None, ".5")
    (940000.0, 0.5)
    """
    s = digits or "0"
    if not s.isdigit():
        s = s.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "")
    return float(s + dec) if dec else float(s)


# the marks of formulas and measurements in science prose: each found by a substring search, which
# is many times faster than a regex class over the text (and free for a mark outside an ASCII text)
_SCIENCE_MARKS = "−±=≈∼<>"
_SCIENCE_DIGIT = re.compile(r"\d\s?" + _SCI_UNITS + r"\b")


# what can follow the digit of a _SCIENCE_DIGIT match besides a space: a unit symbol's first letter
_SCI_UNIT_FIRST = first_chars(_SCI_UNITS)
assert _SCI_UNIT_FIRST is not None


def is_science(text: str, ascii_only: bool | None = None, digits_at: list[int] | None = None) -> bool:
    """Science-style text (SI symbols after numbers, equations): spaced unit symbols are units there.
    (``ascii_only``: :func:`.digits_are_ascii` of ``text``, and ``digits_at``: the offsets of its
    digits 0-9 in a text where those are all its digits, when the caller knows them.)

    >>> is_science("a 5 nm film"), is_science("5 new films")
    (True, False)
    """
    if ascii_only is None:
        ascii_only = digits_are_ascii(text)
    if any(mark in text for mark in _SCIENCE_MARKS):
        if not ascii_only:
            return _SCIENCE.search(text) is not None
        if _science_at_marks(text):
            return True
    elif not ascii_only:
        return _SCIENCE_DIGIT.search(text) is not None
    # the one branch of _SCIENCE without those marks; it opens with a digit: where all are 0-9, tried
    # at the digits that str.find finds (a search tested every character against \d), and only at a
    # digit followed by a space or a unit's first letter (most are followed by a digit, "," or " ")
    if digits_at is None:
        digits_at = char_positions(text, ASCII_DIGITS)
    match = _SCIENCE_DIGIT.match
    for p in digits_at:
        nxt = text[p + 1:p + 2]
        if (nxt in _SCI_UNIT_FIRST or nxt.isspace()) and match(text, p) is not None:
            return True
    return False


def _science_at_marks(text: str) -> bool:
    """Whether a branch of ``_SCIENCE`` other than the digit-and-unit one matches ``text``: each
    opens at one of ``_SCIENCE_MARKS`` ("±", "=", "<" ...) or one or two characters before it
    ("m−1", "5 =", "4<"), so it is tried there only. Searched for over all of the text, it was
    tried at every small letter ("[a-z]−[1-4]"): a text with one stray "<" cost as much as the rest
    of its scan.

    >>> _science_at_marks("a ratio of 5 < 7"), _science_at_marks("see <b>here</b>")
    (True, False)
    """
    match = _SCIENCE.match
    for p in char_positions(text, _SCIENCE_MARKS):
        for q in range(max(0, p - 2), p + 1):
            if match(text, q) is not None:
                return True
    return False


@functools.lru_cache(maxsize=4)
def is_track(text: str) -> bool:
    """A text about athletics or swimming, where "the 800m" and "cleared 4.88m" are metres.

    >>> is_track("She won the 60m hurdles."), is_track("It sold 2.5m copies.")
    (True, False)
    """
    return (_TRACK_DISTANCE.search(text) is not None
            or (any(w in text for w in _TRACK_EVENT_WORDS) and _TRACK_EVENT.search(text) is not None)
            or (any(w in text for w in _TRACK_SPORT_WORDS) and _TRACK_SPORT.search(text) is not None))


def _finite(x: float) -> bool:
    return math.isfinite(x) and abs(x) < 1e30


def _num_matches(text: str, ascii_only: bool | None = None, digits_at: list[int] | None = None) -> list[re.Match]:
    """``list(NUM_RE.finditer(text))``, tried only where a match can start (``_NUM_START``); in a
    text that groups thousands with commas, a plain space never groups them. (``ascii_only``:
    :func:`.digits_are_ascii` of ``text``; ``digits_at``: the offsets of its digits 0-9 when those
    are all its digits; each when the caller knows it.)"""
    if ascii_only is None:
        ascii_only = digits_are_ascii(text)
    commas = "," in text and _COMMA_THOUSANDS.search(text)
    pattern = _NUM_RE_COMMAS if commas else NUM_RE
    if not ascii_only:
        return matches_from(pattern, _NUM_START.unicode, text)
    if digits_at is None:
        digits_at = char_positions(text, ASCII_DIGITS)
    return matches_at(pattern, _num_starts(text, digits_at), text)


# a numeral's first digit stands at most this far after where its match opens: a currency prefix
# ("&#x20AC;"), a space and a "." ("$ .5")
_LEAD = max(map(len, CURRENCY_PREFIX)) + 2
_VULGARS = "".join(VULGAR)


def _num_starts(text: str, digits_at: list[int]) -> list[int]:
    """The ``_NUM_START`` offsets at which a NUM_RE match can open, in a text whose digits are all
    0-9 (``digits_at``: their offsets): within ``_LEAD`` characters before the first digit of a
    run (a numeral opens there, or at its currency or point), or at a vulgar fraction. The start
    scan runs over those few characters only: searched over all of the text, it tested every
    character against its class (at every capital, the currency codes' tails too).

    >>> t = "The firm, US$ 40m and ½; 2023."
    >>> [t[p] for p in _num_starts(t, char_positions(t, ASCII_DIGITS))]
    ['U', '4', '½', '2']
    """
    anchors = run_starts(digits_at)
    if not text.isascii():
        vulgars = char_positions(text, _VULGARS)
        if vulgars:
            anchors = sorted(anchors + vulgars)
    out: list[int] = []
    finditer = _NUM_START.ascii.finditer
    i, n = 0, len(anchors)
    while i < n:  # one search per run of anchors whose windows touch
        lo, hi = max(0, anchors[i] - _LEAD), anchors[i] + 1
        i += 1
        while i < n and anchors[i] - _LEAD <= hi:
            hi = anchors[i] + 1
            i += 1
        # (a start's look-ahead needs no character past the anchor: the first digit after it)
        out.extend(map(re.Match.start, finditer(text, lo, hi)))
    return out


def scan(text: str) -> list[Mention]:
    """Every number mention in ``text``, with scale, currency and unit applied, in text order."""
    ascii_only = digits_are_ascii(text)
    digits_at = digit_offsets(text) if ascii_only else None
    science = is_science(text, ascii_only, digits_at)
    out: list[Mention] = []
    matches = _num_matches(text, ascii_only, digits_at)
    low = text.lower()
    # number words on the lowercased text (same offsets unless lowercasing changed the length)
    wm = _word_matches(low) if len(low) == len(text) else list(_WORDS_RE_I.finditer(text))
    if wm:
        matches = sorted(matches + wm, key=lambda m: m.start())
    last_end = 0
    for m in matches:
        if m.start() < last_end:
            continue  # inside the unit or exponent of the previous mention ("cm−1", "×10−4")
        if out:
            last_end = out[-1].end
            if m.start() < last_end:
                continue
        g = m.re.groupindex
        if "vague" in g and m.group("vague") is not None:
            phrase = " ".join(m.group("vague").lower().split())
            lo, hi = VAGUE.get(phrase) or _vague_of(phrase)
            men = Mention(m.start(), m.end(), lo, "vague")
            men.low, men.high, men.qualifier = lo, hi, "vague"
            out.append(men)
            continue
        if "words" in g and m.group("words") is not None:
            base = m.start("words")
            w = text[base:m.end("words")]
            for s, e, v, is_frac in parse_words(w):
                if is_frac and not (s > 0 and e < len(w)) and _FRACTION_NEXT.match(text, base + e) is None:
                    continue  # "a third with", "this half", "half-staff": an ordinal or a word, not a fraction
                men = Mention(base + s, base + e, v, "words")
                men.words = w[s:e].lower()
                men.frac = is_frac
                _finish(text, men, science, allow_scale=not is_frac)
                if is_frac and men.unit is None:
                    men.unit = "fraction"
                out.append(men)
            continue
        if m.group("vulgar") is not None:
            men = Mention(m.start(), m.end(), VULGAR[m.group("vulgar")], "fraction")
            men.frac = True
            men.unit = "fraction"
            out.append(men)
            continue
        digits, dec = m.group("digits"), m.group("dec")
        if digits is None and dec is None:
            continue
        if digits is not None and len(digits) > 24:
            continue  # an identifier, not a quantity
        try:
            value = parse_digits(digits, dec)
        except ValueError:
            continue
        frac = m.group("frac")
        is_frac = False
        if frac is not None:
            den = float(frac[1:])
            if dec is None and den > value and den in (2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 32, 64, 100, 128, 1000):
                value = value / den
                is_frac = True
            elif not (1000 <= value <= 2100):  # "24/7", "9/11": a name or a date, not a quantity
                continue
            # "1987/88": the first number only; the year rule drops it
        if m.group("vul") is not None:
            value += VULGAR[m.group("vul")]
        mixed = m.group("mixed")
        if mixed is not None:  # wire style "7-3/4 pct", "14-1/2"
            num, den = mixed[1:].split("/")
            if int(num) < int(den) and dec is None:
                value += int(num) / int(den)
            else:
                mixed = None
        start = m.start()
        if start >= 2 and text[start - 1] == "−" and text[start - 2].isalpha():
            continue  # an exponent or a formula: "m−1", "tan−1"
        end = m.end("frac") if is_frac else (m.end("vul") if m.group("vul") else m.end("mixed") if mixed
                                             else m.end("dec") if dec else m.end("digits"))
        men = Mention(start, end, value, "digits")
        men.frac = is_frac
        cur = m.group("cur")
        if cur is not None:
            men.cur = True
            men.unit = CURRENCY_PREFIX[cur]
            if cur == "$":  # "AU $89.99", "NZ $ 99": the country code written apart
                c = _DOLLAR_COUNTRY.search(text, max(0, start - 4), start)
                if c is not None:
                    men.unit = CURRENCY_PREFIX[c.group(1) + "$"]
                    men.start = c.start()
        _finish(text, men, science, allow_scale=not is_frac)
        if is_frac and men.unit is None:
            men.unit = "fraction"
        if _finite(men.value):
            out.append(men)
    return out


def _finish(text: str, men: Mention, science: bool, allow_scale: bool = True) -> None:
    """Apply sign, scale word and unit written around the numeral."""
    # sign written just before
    before = text[men.start - 1:men.start] if men.start else ""
    # after a space only "minus " or "negative " can be a sign: the letter before the space first
    # a minus glued between two digits joins a range or a sum ("20−25 °C"), it signs neither
    sm = _SIGN.search(text, max(0, men.start - 9), men.start) if (
        before in ("−", "-", "+") and not text[men.start - 2:men.start - 1].isdigit()) or (
        before == " " and text[men.start - 2:men.start - 1] in _SIGN_WORD_END) else None
    if sm is not None and not men.cur:
        if sm.group().strip() != "+":
            men.value = -men.value
        men.start = sm.start()
    end = men.end
    x = _SCI.match(text, end) if text[end:end + 1] in (" ", "×", "x", "·", "*", "e", "E") else None
    if x is not None and x.group().startswith("E") and x.group("exp")[:1].isdigit() and \
            "." not in text[men.start:end]:
        x = None  # "clone 4E10", "the 3E8 plan": a code; science writes "4.2E10", "4E-3"
    elif x is not None and x.group().startswith("x10") and x.group("exp")[:1].isdigit():
        x = None  # "the 4x100m relay", "4x10 grid": a product or a name; "4 x 10^3", "4×10−3" are powers
    if x is not None and men.kind == "digits":
        exp = int(x.group("exp").replace("−", "-").replace("⁻", "-"))
        men.value = men.value * 10.0 ** exp if abs(exp) < 300 else math.inf
        end = x.end()
        men.end = end
    elif men.value == 10 and text[end:end + 1] in ("^", "−") and text[men.start:end] == "10":
        # a bare power of ten: "10^11 solar masses"; in science prose "10−5 s−1" too, its
        # superscript lost in plain text (elsewhere "10−15 minutes" is a range)
        p = _POWER.match(text, end)
        if p is not None and (p.group()[0] == "^" or science):
            men.value = 10.0 ** (-int(p.group("exp")) if p.group("neg") or p.group("minus") else int(p.group("exp")))
            end = men.end = p.end()
    men.num_end = end
    if allow_scale and men.kind == "digits":
        sc = SCALE_RE.match(text, end)
        letter = sc.group("letter") if sc is not None else None
        if letter is not None and not men.cur and (
                letter in "MB" or (letter == "b" and "." not in text[men.start:end]) or (letter == "K" and (
                    men.value < 10 or _RACE_AFTER.match(text, sc.end())
                    # science prose for other reasons than this "K" itself: kelvin
                    or (science and is_science(text.replace("K", "_")))
                    or _HEAT_BEFORE.search(text, max(0, men.start - 60), men.start)))):
            # "3B", "4K", "2010b": a panel, a resolution, a citation; "$4.2B" is money; "18K" in
            # news is 18,000 ("Dow closes above 18K"), but kelvin in science and a race in "10K run"
            sc = None
        if sc is not None and sc.group("capital") == "M" and science and not men.cur:
            sc = None  # "0.5 M H2SO4": molar in science prose
        if letter == "m" and not men.cur and (_RACE_AFTER.match(text, sc.end()) or (
                is_track(text) and not _COUNT_AFTER_M.match(text, sc.end()))):
            sc = None  # "the 200m champion", "100m hurdles", "the 800m.": metres in sports news
        if sc is not None:
            word = sc.group("word") or sc.group("letter") or sc.group("capital")
            key = word.lower()
            if not (sc.group("letter") and key == "m" and text[sc.end():sc.end() + 1] in ("2", "²", "3", "³", "/")):
                # rounded to 15 digits: 8.2 x 1e12 is 8.2e12, not the 8199999999999.999 binary gives
                men.value = float(f"{men.value * SCALES[key]:.15g}")
                men.scale = SCALES[key]
                end = sc.end()
                # "3 million" may be followed by "more", a second scale ("3.5 billion dollars")
    elif men.kind == "words":
        last = men.words.replace("-", " ").split()[-1:]
        if last and last[0] in WORD_SCALES:
            men.scale = WORD_SCALES[last[0]]
        elif allow_scale and last and last[0] not in ("dozen", "hundred") and text[end:end + 1] == " ":
            # wire copy abbreviates the scale after a number word too: "six mln barrels", "two bln dlrs"
            sc = _WIRE_SCALE.match(text, end)
            if sc is not None:
                men.scale = SCALES[sc.group(1).lower()]
                men.value = float(f"{men.value * men.scale:.15g}")
                end = sc.end()
    u = match_unit(text, end, science)
    if u is not None and men.kind == "words" and text[end:end + 1] in ("'", "′", "″", '"'):
        u = None  # a quotation mark after a word ("'half' of it"), not feet or inches
    elif u is not None and u[0] == "KRW" and men.value < 100 and text[end:end + 4].strip() == "won":
        u = None  # "the 2 won": the verb; an amount in won runs to thousands
    if u is not None:
        name, uend = u
        if men.unit and men.cur:
            # "$US113 trillion dollars", "$5 a month": keep the prefix currency, take a rate
            if "/" in name and name.split("/")[0] in (men.unit, "USD"):
                men.unit = men.unit + "/" + name.split("/")[1]
                end = uend
            elif name in ("USD",) or name == men.unit:
                end = uend
        else:
            men.unit = name
            end = uend
    elif men.cur:
        r = RATE_RE.match(text, end)
        if r is not None:
            men.unit = f"{men.unit}/{PER.get(r.group('per'), r.group('per'))}"
            end = r.end()
    men.end = end
    men.low = men.high = men.value
