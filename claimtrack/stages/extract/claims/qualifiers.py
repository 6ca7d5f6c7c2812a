"""Qualifiers: the interval a wording allows around a number.

- ``more than`` / ``over`` / ``at least`` ... -> ``at_least``: [v, 2v] (finite by design: "more than 3
  million" does not claim 6 million);
- ``fewer than`` / ``up to`` / ``under`` / ``as many as`` ... -> ``at_most``: [0, v];
- ``about`` / ``some`` / ``around`` / ``roughly`` ... -> ``approx``: v ± :data:`APPROX_TOLERANCE`;
  ``nearly`` / ``almost`` / ``just under`` -> [v(1 - tol), v];
- ``between X and Y``, ``X-Y``, ``from X to Y``, ``X to Y`` -> ``range``: value = first bound as
  written (how ``score.py`` and NewsQuant read ranges), low/high the sorted bounds;
- an estimate word before such a span ("about five to six mln", "roughly 2.5 to three pct",
  "between about 10 and 12") makes one ``approx`` claim over the whole span, each end widened
  by the tolerance: value = first bound, [4.5, 6.6] for "about 5 to 6";
- vague magnitudes ("thousands of") keep the interval :mod:`.numbers` gave them.

>>> from claimtrack.stages.extract.claims.numbers import scan
>>> t = "more than 3 million and between 5 and 7 per cent"
>>> [(m.value, m.low, m.high, m.qualifier) for m in apply(t, scan(t))]
[(3000000.0, 3000000.0, 6000000.0, 'at_least'), (5.0, 5.0, 7.0, 'range')]
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.claims.numbers import Mention

#: relative half-width of an "about" interval
APPROX_TOLERANCE = 0.10

# the words just before a number; matched on the reversed, lowercased text before it, so that one
# anchored match replaces a search over every earlier position
_LEFT_PHRASES = {
    "least": ["more than", "over", "over than", "at least", "above", "upwards of", "in excess of", "exceeding",
              "greater than", "no fewer than", "no less than", "not less than", "just over", "well over",
              "well above", "higher than", "larger than", "a minimum of", "minimum of", "north of", "surpassed",
              "topped", "tops", "exceeded", "exceeds", ">", "≥", ">="],
    "most": ["fewer than", "less than", "up to", "under", "as many as", "as much as", "as high as",
             "no more than", "not more than", "below", "at most", "a maximum of", "maximum of", "lower than",
             "as few as", "as little as", "as low as", "sub-", "capped at", "limited to", "<", "≤", "<="],
    "below": ["nearly", "almost", "just under", "just below", "close to", "shy of", "just shy of"],
    "approx": ["about", "around", "some", "roughly", "approximately", "approx.", "approx", "an estimated",
               "estimated", "circa", "ca.", "c.", "or so", "an average of", "on average", "average of",
               "in the region of", "more or less", "give or take", "somewhere around", "a little over",
               "a little under", "~", "∼", "≈", "±"],
}


def _reversed_alternation(phrases: list[str]) -> str:
    alts = []
    for p in sorted(phrases, key=len, reverse=True):
        alts.append(r"\s+".join(re.escape(w[::-1]) for w in reversed(p.split())))
    return "|".join(alts)


_KIND_OF = {p: k for k, ps in _LEFT_PHRASES.items() for p in ps}
_LEFT_REV = re.compile(r"\A\s*(?P<q>" + _reversed_alternation(list(_KIND_OF)) + r")(?![a-z0-9])")


def left_qualifier(text: str, pos: int) -> tuple[str, str] | None:
    """The qualifier written just before ``pos``: (kind, phrase as written, lowercased).

    >>> left_qualifier("There were more than 5", 21)
    ('least', 'more than')
    """
    window = text[max(0, pos - 40):pos].lower()[::-1]
    m = _LEFT_REV.match(window)
    if m is None:
        return None
    phrase = " ".join(m.group("q")[::-1].split())
    return _KIND_OF[phrase], phrase


_RIGHT = re.compile(r"(?:(?P<least>\+(?![\d.])|\s*or\s+more|\s*or\s+above|-plus|\s*and\s+(?:more|above|up)|\s*or\s+higher)"
                    r"|(?P<most>\s*or\s+(?:less|fewer|below|under))|(?P<approx>\s*or\s+so|\s*odd|-odd|-ish))(?!\w)", re.I)
_BETWEEN = re.compile(r"\b(?:between|from|range(?:s|d)?\s+from|ranging\s+from|of\s+between)\s*\Z", re.I)
_CHANGE = re.compile(
    r"\b(?:rose|rise|rises|rising|risen|fell|fall|falls|falling|fallen|climbed|climb|climbs|jumped|jumps|jump|"
    r"gained|gains|gain|lost|loses|lose|dropped|drops|drop|declined|declines|decline|increased|increases|"
    r"increase|decreased|decreases|decrease|grew|grow|grows|shrank|shrink|cut|cuts|raised|raise|lowered|"
    r"slipped|slid|eased|added|advanced|surged|soared|plunged|tumbled|slumped|sank|edged|up|down|by|"
    r"higher|lower|narrowed|widened|boosted|trimmed|slashed|lifted|revised|upgraded|downgraded|changed)\s+\Z",
    re.I,
)
_JOIN = re.compile(r"\A(?:\s*(?P<word>to|and|through|until|till)\s+|(?P<dash>[-–—−])|\s+(?P<spdash>[–—])\s+|\s*(?P<sdash>–)\s*)"
                   r"(?:(?:the\s+)?)\Z", re.I)
# ("rose to 26 mln dlrs from 21 mln": a change, a new level and an old one, never a range: two
# figures, and the second takes the first's unit in .carried.carry_units)


def set_interval(men: Mention, kind: str) -> None:
    """Set the qualifier and interval of ``men`` for a kind of wording: least, most, below, approx."""
    v = men.value
    a = abs(v)
    if kind == "least":
        men.qualifier, men.low, men.high = "at_least", v, v + a
    elif kind == "most":
        men.qualifier, men.low, men.high = "at_most", min(0.0, v), v
    elif kind == "below":
        men.qualifier, men.low, men.high = "approx", v - a * APPROX_TOLERANCE, v
    else:
        men.qualifier, men.low, men.high = "approx", v - a * APPROX_TOLERANCE, v + a * APPROX_TOLERANCE


# "£960m over 15 years", "$120m over eight years", "£4bn ($7.4bn) over 10 years": a figure and then
# "over" a span of time spreads the figure across that span; the span is no "more than"
_SPREAD_UNITS = frozenset(("year", "month", "week", "day", "decade", "h", "min", "century"))
_SPREAD_BEFORE = re.compile(r"\)?[ \t]*(?:\([^()\n]{1,24}\)[ \t]*)?over\s+\Z")  # (one line, and no "Over" opening one)


def _qualify(text: str, men: Mention, prev: Mention | None = None) -> None:
    if men.qualifier == "vague":
        return
    q = left_qualifier(text, men.start)
    if q is not None:
        kind, word = q
        if word == "over" and prev is not None and men.unit in _SPREAD_UNITS and \
                _SPREAD_BEFORE.fullmatch(text, prev.end, men.start):
            return
        if not (word == "some" and men.kind == "words" and men.value < 10):
            # ("some two dozen" is fine, "some one" is not a quantity phrase)
            set_interval(men, kind)
            return
    r = _RIGHT.match(text, men.end)
    if r is not None:
        for kind in ("least", "most", "approx"):
            if r.group(kind) is not None:
                set_interval(men, kind)
                if text[men.end:men.end + 1] in ("-", "+"):
                    men.end = r.end()  # "40-odd", "20-plus", "50+": part of the number as written
                return


# an estimate word right before the first bound of a span ("about", "roughly", "an estimated")
_APPROX_TAIL = re.compile(r"\b(?:about|around|some|roughly|approximately|an\s+estimated|estimated|circa)\s+\Z", re.I)


def _close_bounds(a: Mention, b: Mention) -> bool:
    """Whether "about A to B" reads as one span: B above A and at most four times it, with B's scale
    word shared ("about five to six mln"); a wider pair is more likely a change ("about 20 to 300").

    >>> from claimtrack.stages.extract.claims.numbers import scan
    >>> t = "about five to six mln and some 2 to 90"
    >>> m = scan(t); _close_bounds(m[0], m[1]), _close_bounds(m[2], m[3])
    (True, False)
    """
    second = b.value / b.scale if a.scale == 1.0 and b.scale != 1.0 else b.value
    return 0 < a.value < second <= 4 * a.value


def _rescale_first(a: Mention, b: Mention) -> None:
    """'four to five thousand', '5 to 7 per cent', '$3 to $5 billion': the second's scale/unit is shared."""
    if b.scale != 1.0 and a.scale == 1.0 and b.value != 0:
        # only when the first stays below the second's numeral ("$200 to $4 million" does not share)
        if abs(a.value) < abs(b.value / b.scale):
            a.value *= b.scale
            a.scale = b.scale
    if a.unit is None and b.unit is not None:
        a.unit = b.unit


def _can_pair(a: Mention, b: Mention) -> bool:
    if a.drop or b.drop or a.qualifier == "vague" or b.qualifier == "vague":
        return False
    if a.unit and b.unit and a.unit != b.unit and not (a.unit == "fraction" or b.unit == "fraction"):
        return False
    return True


def apply(text: str, mentions: list[Mention]) -> list[Mention]:
    """Set qualifiers and intervals, and merge range pairs into one mention (returns the new list)."""
    prev = None
    for men in mentions:
        _qualify(text, men, prev)
        prev = men
    out: list[Mention] = []
    i = 0
    n = len(mentions)
    while i < n:
        a = mentions[i]
        if i + 1 < n and _can_pair(a, mentions[i + 1]):
            b = mentions[i + 1]
            between = text[a.end:b.start]
            j = _JOIN.match(between) if len(between) < 16 else None
            rng = False
            about = False
            if j is not None:
                left = text[max(0, a.start - 45):a.start]
                if a.qualifier == "approx":
                    t = _APPROX_TAIL.search(left)
                    if t is not None:  # "about five to six", "between roughly 10 and 12": one estimate of a span
                        about, left = True, left[:t.start()]
                word = (j.group("word") or "").lower()
                opener = _BETWEEN.search(left) is not None
                if word == "and":
                    rng = opener and "between" in left.lower()[-20:]
                elif word in ("to", "through", "until", "till"):
                    # ("rose about 2 to 3 pct": an estimate of the rise, a span; "rose 2 to 3": a change)
                    span = about and _close_bounds(a, b)
                    rng = opener or span or _CHANGE.search(left) is None
                    if not opener and a.qualifier not in ("exact",) and not span:
                        rng = False
                    # a range runs from low to high: "cut from 20m to 15m", "voted 99 to 0" are a change
                    # and a tally; and a first figure with its own unit word and a bare second one is a
                    # change to a level ("off 29.2 points to 3,306.4": a range writes the unit once, last)
                    # ("7.80 to one dollar", "10 to 1": a rate or odds, left as it was)
                    if 1 != b.value < a.value or (a.unit is not None and not a.cur and a.end > a.num_end and
                                             b.unit is None and b.scale == 1.0 and not b.cur):
                        rng = False
                elif j.group("dash") is not None:
                    # "15-22", "2014-15": digits joined by a hyphen; a score ("2-0", "89-89") is not a range
                    rng = b.value > a.value and not (a.kind == "words") and b.qualifier == "exact"
                else:
                    rng = b.value > a.value or opener
            if rng:
                _rescale_first(a, b)
                r = Mention(a.start, b.end, a.value, "range")
                r.low, r.high = min(a.value, b.value), max(a.value, b.value)
                r.unit = b.unit or a.unit
                r.qualifier = "range"
                r.cur = a.cur or b.cur
                r.scale = b.scale
                r.num_end = a.num_end
                if about:  # the estimate widens both ends: "about 5 to 6" allows 4.5 to 6.6
                    r.qualifier = "approx"
                    r.low -= abs(r.low) * APPROX_TOLERANCE
                    r.high += abs(r.high) * APPROX_TOLERANCE
                out.append(r)
                i += 2
                continue
        out.append(a)
        i += 1
    return out
