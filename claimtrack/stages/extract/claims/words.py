"""Numbers written in words: "two and a half million", "one-third", "a dozen", "tens of
thousands" (vague magnitudes), found in lowercased text and parsed into values. :mod:`.numbers`
joins them with the numerals.

>>> [v for _, _, v, _ in parse_words("twenty-eight thousand six hundred")]
[28600.0]
"""
from __future__ import annotations

import math
import re

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
WORD_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
             "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
             "tenth": 10, "tenths": 10}
VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375,
          "⅝": 0.625, "⅞": 0.875, "⅕": 0.2}

#: vague magnitudes and the interval they allow (CQE's convention: "dozens" = [12, 120])
VAGUE = {
    "dozens": (12.0, 120.0), "scores": (20.0, 200.0), "hundreds": (1e2, 1e3), "thousands": (1e3, 1e4),
    "millions": (1e6, 1e7), "billions": (1e9, 1e10), "trillions": (1e12, 1e13),
    "tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6),
    "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9),
    "tens of billions": (1e10, 1e11), "hundreds of billions": (1e11, 1e12),
}

def _vague_of(phrase: str) -> tuple[float, float]:
    """The interval of a "tens/hundreds of X" the table leaves out: X's interval times 10 or 100, as
    in the table ("tens of thousands" = 10 x [1e3, 1e4]).

    >>> _vague_of("tens of trillions"), _vague_of("hundreds of dozens")
    ((10000000000000.0, 100000000000000.0), (1200.0, 12000.0))
    """
    head, _, base = phrase.partition(" of ")
    lo, hi = VAGUE[base]
    factor = 10.0 if head == "tens" else 100.0
    return lo * factor, hi * factor


def _trie(words: list[str]) -> str:
    """A regex alternation of ``words`` shaped as a prefix tree (Python's re tries branches in turn,
    so shared prefixes make a failing position cheap). Longest words first where one is a prefix.

    >>> _trie(["ten", "tenth", "two"])
    't(?:en(?:th)?|wo)'
    """
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return ("(?:" + body + ")?") if len(alts) > 1 or len(body) > 1 else body + "?"
        return body

    alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(tree.items())]
    return "|".join(alts)


_NUMBER_WORDS = list(UNITS) + list(TENS)
_WORD = _trie(_NUMBER_WORDS + ["hundred", "thousand", "million", "billion", "trillion", "dozen", "half", "halves"]
              + list(FRACTIONS))
_A_NEXT = _trie(["hundred", "thousand", "million", "billion", "trillion", "dozen", "half", "third", "quarter",
                 "fifth", "tenth"])

#: number words and vague magnitudes, matched on the lowercased text
WORDS_RE = re.compile(
    r"\b(?=[abdefhmnoqstz])(?:"  # a cheap first test at each position; the real pattern follows
    r"(?P<vague>\b(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions|trillions)\b)"
    r"|(?P<words>\b(?:an?\s+(?=(?:" + _A_NEXT + r")\b))?(?:" + _WORD + r")"
    r"(?:(?:[\s-]+and[\s-]+|[\s-]+)(?:a[\s-]+)?(?:" + _WORD + r")\b)*\b))"
)

_WORDS_RE_I = re.compile(WORDS_RE.pattern, re.I)
_WORD_TOKEN = re.compile(r"[a-z]+")


def parse_words(words: str) -> list[tuple[int, int, float, bool]]:
    """Split a run of number words into numbers: (start, end, value, is_fraction) offsets into ``words``.

    >>> [v for _, _, v, _ in parse_words("two and a half million")]
    [2500000.0]
    >>> [v for _, _, v, _ in parse_words("one-third")]
    [0.3333333333333333]
    >>> [v for _, _, v, _ in parse_words("twenty-eight thousand six hundred")]
    [28600.0]
    """
    out: list[tuple[int, int, float, bool]] = []
    total = 0.0
    current = 0.0
    last = None  # kind of the previous token
    seg_start = None
    seg_end = 0
    last_scale = math.inf
    pending_and = False
    frac = False

    def flush():
        nonlocal total, current, last, seg_start, last_scale, pending_and, frac
        if seg_start is not None and last not in (None, "a"):
            out.append((seg_start, seg_end, total + current, frac))
        total = current = 0.0
        last = None
        seg_start = None
        last_scale = math.inf
        pending_and = False
        frac = False

    for m in _WORD_TOKEN.finditer(words.lower()):
        w = m.group()
        if w == "and":
            pending_and = last in ("hundred", "scale", "unit", "tens", "teen")
            continue
        if w in ("a", "an"):
            if last == "frac" and current == 0.5 and total == 0:
                last = "frac_a"  # "half a million"
                continue
            if last is not None and not pending_and:
                flush()
            if pending_and:
                last = "a_and"
            else:
                seg_start = m.start()
                current = 1.0
                last = "a"
            continue
        if w in UNITS or w in TENS:
            v = UNITS.get(w, TENS.get(w))
            kind = "unit" if w in UNITS and v < 10 else ("teen" if w in UNITS else "tens")
            ok = last is None or (last in ("hundred", "scale") and (pending_and or True)) or (
                last == "tens" and kind == "unit" and not pending_and)
            if last in ("unit", "teen", "tens") and pending_and:
                ok = False
            if last == "a":
                ok = False
            if not ok:
                flush()
            if seg_start is None:
                seg_start = m.start()
            current += v
            last = kind
        elif w == "hundred":
            if last in ("unit", "teen", "a") or (last == "tens" and current < 100):
                current = (current or 1.0) * 100
                last = "hundred"
            else:
                flush()
                continue
        elif w in WORD_SCALES:
            s = WORD_SCALES[w]
            if last in ("unit", "teen", "tens", "hundred", "a", "frac", "frac_a", "dozen") and s < last_scale:
                if last == "frac_a":
                    frac = False
                total += (current or 1.0) * s
                current = 0.0
                last_scale = s
                last = "scale"
            else:
                flush()
                continue
        elif w == "dozen":
            if last in ("unit", "teen", "tens", "a", "frac_a"):
                if last == "frac_a":
                    frac = False  # "half a dozen" is six, as "half a million" is 500,000
                current = (current or 1.0) * 12
                last = "dozen"
            else:
                flush()
                continue
        elif w in FRACTIONS:
            den = FRACTIONS[w]
            if last == "a_and" and den == 2:  # "two and a half"
                current += 0.5
                last = "frac"
            elif last == "a" or (last in ("unit", "teen") and current < den * 10 and not pending_and):
                num = current or 1.0
                if w in ("half", "halves") and last == "a":
                    num = 1.0
                current = num / den
                last = "frac"
                frac = True
            elif last is None and w == "half":
                seg_start = m.start()
                current = 0.5
                last = "frac"
                frac = True
            else:
                flush()
                continue
        else:
            continue
        pending_and = False
        seg_end = m.end()
    flush()
    return out


# every word a WORDS_RE match can open with starts with one of these ("four" opens "fourteen" and
# "fourths", "nin" opens "nine" and "ninth"); "a"/"an" open one only before such a word
_WORD_STEMS = ("zero", "one", "three", "thir", "four", "fif", "five", "six", "seven", "eight", "nin", "ten",
               "eleven", "forty", "hundred", "thousand", "dozen", "quarter")
# ... and stems that share a rarer core, each found with one search for the core: (core, the stems,
# each with where the core stands in it: "illion" one letter into "million", two into "trillion")
_SHARED_CORES = tuple((core, tuple((stem, stem.index(core)) for stem in stems)) for core, stems in (
    ("illion", ("million", "billion", "trillion")), ("tw", ("two", "twelve", "twenty")), ("hal", ("half", "halves"))))


def _word_starts(low: str) -> list[int]:
    """The offsets in ``low`` where a word opens with one of the stems (unsorted).

    >>> sorted(_word_starts("someone paid two million, a third of ten"))
    [13, 17, 28, 37]
    """
    starts = []
    find = low.find
    for stem in _WORD_STEMS:
        i = find(stem)
        while i >= 0:
            if i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "_"):  # a word starts here (\b)
                starts.append(i)
            i = find(stem, i + 1)
    for core, stems in _SHARED_CORES:
        i = find(core)
        while i >= 0:
            for stem, into in stems:
                j = i - into
                if j >= 0 and low.startswith(stem, j) and (j == 0 or not (low[j - 1].isalnum() or low[j - 1] == "_")):
                    starts.append(j)
            i = find(core, i + 1)
    return starts


def _word_matches(low: str) -> list[re.Match]:
    """``list(WORDS_RE.finditer(low))``, tried only at the words that can open a match.

    The stems are found with ``str.find`` (fast in C); a WORDS_RE search tries every position of
    the text and cost as much as the rest of the scan.

    >>> [m.group() for m in _word_matches("someone paid a hundred and five, then one-third of ten")]
    ['a hundred and five', 'one-third', 'ten']
    """
    starts = _word_starts(low)
    if not starts:
        return []
    starts.sort()
    out = []
    pos = 0  # the end of the last match: finditer goes on from there
    match = WORDS_RE.match
    for i in starts:
        if i < pos:
            continue
        m = None
        j = i  # "a hundred", "an eighth": an article right before opens the match
        while j > pos and low[j - 1].isspace():
            j -= 1
        if pos < j < i:
            k = j - 1 if low[j - 1] == "a" else (j - 2 if low[j - 2:j] == "an" else -1)
            if k >= pos and low[k] == "a" and (k == 0 or not (low[k - 1].isalnum() or low[k - 1] == "_")):
                m = match(low, k)
        if m is None:
            m = match(low, i)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


# ---------------------------------------------------------------- "one" that counts nothing
# "one" is also a pronoun and an article: it stands for a noun named before ("the one that", "a
# sensible one but"), for anybody ("one can see", "one has to credit"), and in idioms of order and
# time ("one by one", "one or other", "at one point", "one another"). None of them counts one thing.
# ("one of the best", "one official said" count one of something: the annotated news data keeps them.)
_ONE_PRONOUN_BEFORE = re.compile(r"(?:\b(?:the|each|every|no|any|this|that|which|the\s+only)|['’]s)\s*\Z", re.I)
# ("one's own", "one to watch", "on the one hand", "all in one", "Smith, for one, agrees")
_ONE_PRONOUN_AFTER = re.compile(r"\s+(?:another|anything|thing|way|after|by\s+one|or\s+(?:the\s+)?other|to\s+watch)\b")
# ("one by one", "all in one", "a one-to-one talk", "back to square one")
_ONE_BY_BEFORE = re.compile(r"(?:\bone\s+by\s+|\ball\s+in\s+|\bone-to-|\bsquare\s+)\Z", re.I)
_ONE_HAND = re.compile(r"\b(?:on\s+(?:the\s+)?\Z|,\s*for\s+\Z)", re.I)
_ONE_HAND_AFTER = re.compile(r"\s+hand\b(?!-)")
# "the measured one,", "a bigger one.", "the most awkward one because", "the next one in 1992":
# a determiner and one to three words, then no noun after "one"
# (the words between are modifiers, never a preposition or conjunction: "the market of one or two")
_ONE_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|this|that|each|every|any)\s+(?:(?!(?:of|and|or|but|in|on|at|to|for|with|by|"
                              r"from|as|than|that|between)\s)[a-z]+(?:-[a-z]+)?\s+){1,3}\Z", re.I)
_ONE_NOUN_AFTER = re.compile(r"\s*(?:[,.;:!?)\"”]|\s+(?:is|was|will|would|to|that|which|who|because|but|for|in|on|at|with|as|"
                             r"than|since|though|although|if|when|where|while|from|too|again|instead|either|anyway)\b)")
# "came up with another one," "another one will close": "another" with no noun after "one"
_ONE_ANOTHER = re.compile(r"\banother\s+\Z", re.I)
# "one can understand", "however, one has to credit", "and one could envision": the generic pronoun
# opens a clause and a modal or "has to" follows ("one can of beans" is a can)
_ONE_GENERIC_BEFORE = re.compile(r"(?:^|[.!?:;,\"“‘(]|\b(?:and|but|so|or|if|that|when|because|unless|yet|how\s+\w+|"
                                 r"what|where|why|whether))\s*\Z", re.I)
_ONE_GENERIC_AFTER = re.compile(r"\s+(?:can(?!\s+of\b)|cannot|can't|could|should|must|might|may|would|ought|"
                                r"(?:has|had|needs)\s+(?:got\s+)?to|gets|wonders|feels|suspects|imagines)\b")
# "and one that brought", "as one which let it": "one" for a noun named before, with a clause after it
_ONE_RELATIVE_BEFORE = re.compile(r"(?:\b(?:and|as|but|or|is|was|be|been)|[,–—-])\s*\Z", re.I)
_ONE_RELATIVE_AFTER = re.compile(r"\s+(?:that|which|who|whose)\b")
# "at one point the index fell", "at one stage": a time in a story, not one point of a scale
_ONE_TIME_BEFORE = re.compile(r"\bat\s+\Z", re.I)
_ONE_TIME_AFTER = re.compile(r"\s+(?:stage|point|time|moment)\b(?!\s+(?:over|above|below|under|of)\b)")


def one_not_a_count(text: str, start: int, end: int, before: str, unit: str | None) -> bool:
    """Whether the word "one" at ``text[start:end]`` (with its unit, if any) is a pronoun or part of
    an idiom (see above), not the number one. ``before``: the text just before ``start`` (30
    characters or so); ``unit``: the unit read after "one" ("at one point" reads "point").

    >>> t = "At one point, one can see the one that won, one by one, and one official said so."
    >>> [one_not_a_count(t, i, i + 3, t[max(0, i - 30):i], None) for i in (3, 14, 30, 44, 51, 60)]
    [True, True, True, True, True, False]
    """
    if _ONE_PRONOUN_BEFORE.search(before) or _ONE_PRONOUN_AFTER.match(text, end) or _ONE_BY_BEFORE.search(before):
        return True
    if unit is not None:
        # of the rest only the time idiom reads a unit after "one" ("one point", "one day" measure elsewhere)
        return unit == "point" and _ONE_TIME_BEFORE.search(before) is not None and \
            _ONE_TIME_AFTER.match(text, start + 3) is not None
    if text[end:end + 1] in ("'", "’") and text[end + 1:end + 2] == "s" and not text[end + 2:end + 3].isalpha():
        return True  # "one's own" ("one year's" reads a unit first)
    if (_ONE_NOUN_BEFORE.search(before) or _ONE_ANOTHER.search(before)) and _ONE_NOUN_AFTER.match(text, end):
        return True
    if _ONE_HAND.search(before) and (_ONE_HAND_AFTER.match(text, end) or text[end:end + 1] == ","):
        return True  # "on the one hand", "Ann Ward, for one, will be glad"
    if _ONE_GENERIC_AFTER.match(text, end) and _ONE_GENERIC_BEFORE.search(before):
        return True
    if _ONE_RELATIVE_AFTER.match(text, end) and _ONE_RELATIVE_BEFORE.search(before):
        return True
    return _ONE_TIME_BEFORE.search(before) is not None and _ONE_TIME_AFTER.match(text, end) is not None
