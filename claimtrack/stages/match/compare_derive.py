"""Later figures that follow from earlier ones without being written there: a bound implied by
a figure, a sum of parts, a difference or percent change of two figures, a ratio's share, a share
of a whole (:func:`_share_of_whole`), a multiple read as a percent increase, the article "one"
(:func:`article_one`).

>>> derived([[(280.0, "ppm"), (415.0, "ppm")]], 48.0, "percent", 0.5)
True
"""
from __future__ import annotations

import re
from itertools import combinations

import numpy as np
import pandas as pd

from claimtrack.stages.match.compare_words import _noun_words, _phrasal
from claimtrack.stages.match.nouns import direction, direction_word, locate, singular
from claimtrack.stages.match.relate import _factors
from claimtrack.stages.match.settings import MatchSettings
from claimtrack.stages.match.units import grains

def _implied(e: pd.DataFrame, n: pd.DataFrame, ei: np.ndarray, ni: np.ndarray,
             s: MatchSettings) -> np.ndarray:
    """Per pair: whether the earlier figure implies the later one's bound ("more than 600"
    follows from "700", not from "more than 500"); figures without a bound are implied when they
    agree at all."""
    fe, f_e = _factors(e["unit"].to_numpy(object))
    fn, f_n = _factors(n["unit"].to_numpy(object))
    e_low, e_high = (e["low"].to_numpy("float64") * fe)[ei], (e["high"].to_numpy("float64") * fe)[ei]
    # an estimate states its central figure: "an estimated 35.8 million" gives "more than 35 million"
    approx = e["qualifier"].to_numpy(object)[ei] == "approx"
    e_mid = (e["value"].to_numpy("float64") * fe)[ei]
    e_low, e_high = np.where(approx, e_mid, e_low), np.where(approx, e_mid, e_high)
    n_low, n_high = (n["low"].to_numpy("float64") * fn)[ni], (n["high"].to_numpy("float64") * fn)[ni]
    q = n["qualifier"].to_numpy(object)[ni]
    # the later bound's written edge is exact ("at least 25" does not follow from "about two
    # dozen"); the earlier figure keeps the rounding of its last digit, within the tolerance
    g = (grains(e["surface"].to_numpy(object), e["value"].to_numpy("float64")) * fe)[ei]
    exact = e["qualifier"].to_numpy(object)[ei] == "exact"
    slack = np.where(exact, np.minimum(np.nan_to_num(g) / 2, s.tolerance * np.abs(e_mid)), 0.0)
    with np.errstate(invalid="ignore"):
        low_ok = e_low + slack >= n_low
        high_ok = e_high - slack <= n_high
    # two exact figures restate each other only within a rounding of one of them: "35.8 million"
    # gives "36 million", but "4.1%" does not give "4.3%", though the matcher's tolerance lets
    # them overlap (a fact-checker would not flag them, nor read one as the other)
    gn = (grains(n["surface"].to_numpy(object), n["value"].to_numpy("float64")) * fn)[ni]
    n_mid = (n["value"].to_numpy("float64") * fn)[ni]
    both_exact = exact & (q == "exact") & ~f_e[ei] & ~f_n[ni]  # (Fahrenheit has two readings)
    step = np.maximum(np.nan_to_num(g), np.nan_to_num(gn)) / 2
    known = (np.nan_to_num(g) > 0) | (np.nan_to_num(gn) > 0)
    rounding = ~(both_exact & known) | (np.abs(e_mid - n_mid) <= step * (1 + 1e-9) + 1e-12 * np.abs(e_mid))
    # ... or a headline's truncation of it to its own last digit ("rose 75.9 pct" -> "75 PCT RISE",
    # "$16.6bn" -> "$16bn"): the later figure is the coarser, and the earlier lies in its step
    gn0, g0 = np.nan_to_num(gn), np.nan_to_num(g)
    rounding |= (gn0 > g0) & (np.abs(e_mid) >= np.abs(n_mid)) & (np.abs(e_mid) < np.abs(n_mid) + gn0) & (e_mid * n_mid > 0)
    # a vague magnitude states no figure: "thousands marched" gives "more than 1,000" but not
    # "about 5,000" (a figure of its own, which the earlier text merely allows)
    vague_e = e["qualifier"].to_numpy(object)[ei] == "vague"
    rounding &= ~vague_e | (q == "vague")
    return np.where(q == "at_least", low_ok, np.where(q == "at_most", high_ok, rounding))


def _times_as_percent(ev: np.ndarray, unit_e: np.ndarray, value: float, unit: str) -> bool:
    """Whether a multiple meets a percent increase of the other text: "five times more likely"
    is how news writes a 500% (strictly a 400%) increase; both readings count.

    >>> _times_as_percent(np.array([500.0]), np.array(["percent"], dtype=object), 5.0, "times")
    True
    >>> _times_as_percent(np.array([5.0]), np.array(["times"], dtype=object), 400.0, "percent")
    True
    """
    if not np.isfinite(value) or value <= 0:
        return False
    for v, u in zip(ev, unit_e):
        if not np.isfinite(v) or v <= 0:
            continue
        if unit == "times" and u == "percent":
            times, pct = value, v
        elif unit == "percent" and u == "times":
            times, pct = v, value
        else:
            continue
        if any(abs(pct - 100.0 * k) <= 1e-9 * pct for k in (times, times - 1)):
            return True
    return False


def _sum_of_parts(e: pd.DataFrame, ev: np.ndarray, unit_e: np.ndarray, value: float, unit: str) -> bool:
    """Whether two or three figures of one earlier sentence, in the later figure's unit, add up
    to it exactly ("11 militants and six soldiers were killed" -> "17 people"; "at least 15
    deaths in A and another five in B" -> "at least 20")."""
    if not np.isfinite(value) or value == 0:
        return False
    q = e["qualifier"].to_numpy(object)
    sent = e["sentence"].to_numpy(object)
    rows = [k for k in range(len(e)) if unit_e[k] == unit and q[k] in ("exact", "at_least", "approx")
            and np.isfinite(ev[k])]
    by_sentence: dict = {}
    for k in rows:
        by_sentence.setdefault(sent[k], []).append(ev[k])
    for vals in by_sentence.values():
        vals = vals[:8]
        for size in (2, 3):
            for combo in combinations(vals, size):
                if abs(sum(combo) - value) <= 1e-9 * abs(value):
                    return True
    return False


_RATIO_WORDS = re.compile(r"\s+(?:in|out\s+of|of)\s+(?:the\s+|every\s+)?$", re.I)


def _ratios(e: pd.DataFrame) -> list[tuple[float, float]]:
    """(part, whole) for figures written as a ratio: "four in 10", "one out of every three".

    >>> from claimtrack.stages.extract.claims import extract_claims
    >>> from claimtrack.stages.match.compare import _frame
    >>> _ratios(_frame(extract_claims("Four in 10 Arlo voters backed him.", "x")))
    [(4.0, 10.0)]
    """
    out = []
    rows = list(zip(e["sentence"], e["surface"], e["value"], e["unit"]))
    for (s1, f1, v1, u1), (s2, f2, v2, u2) in zip(rows, rows[1:]):
        if s1 != s2 or not isinstance(s1, str) or u1 or u2 or not v2 or not (0 < v1 < v2):
            continue
        i, j = s1.find(f1), s1.find(f2)
        if 0 <= i < j and _RATIO_WORDS.fullmatch(s1[i + len(f1):j]) is not None:
            out.append((float(v1), float(v2)))
    return out


def derived(pairs_by_sentence: list[list[tuple[float, str]]], value: float, unit: str, slack: float) -> bool:
    """Whether a later figure follows from two earlier figures of one sentence: their difference
    in the same unit ("from 280 to 415 ppm" -> "135 ppm"; percentages give percentage points
    too), or the percent change from the first to the second ("from 280 to 415 ppm" -> "48%").
    ``slack`` is the later figure's rounding; figures are (value on the unit's scale, unit key).

    >>> derived([[(280.0, "ppm"), (415.0, "ppm")]], 48.0, "percent", 0.5)
    True
    >>> derived([[(5.0, "percent"), (5.25, "percent")]], 0.25, "percentage point", 0.005)
    True
    >>> derived([[(280.0, "ppm"), (415.0, "ppm")]], 60.0, "percent", 0.5)
    False
    """
    if not np.isfinite(value):
        return False
    for vals in pairs_by_sentence:
        for (a, ua), (b, ub) in combinations(vals[:8], 2):
            if _share_of_whole(a, ua, b, ub, value, unit, slack):
                return True
            if ua != ub:
                continue
            same = unit == ua or (ua == "percent" and unit == "percentage point")
            # not when the smaller figure is lost in the later one's rounding: "35 million users in
            # 196 countries" does not derive "35 million" as a difference
            if same and min(abs(a), abs(b)) > slack and abs(abs(b - a) - abs(value)) <= slack:
                return True
            if unit == "percent" and a != 0 and abs(abs(100.0 * (b - a) / a) - abs(value)) <= slack:
                return True
    return False


def _share_of_whole(a: float, ua: str, b: float, ub: str, value: float, unit: str, slack: float) -> bool:
    """Whether a later figure is a share of a whole that one earlier sentence gives: the part a
    share names ("half of the 300 staff" -> "150 staff"; "18% of 1,200 patients" -> "216"), or the
    share a part is of its whole ("10 of the 40 MPs" -> "a quarter", "25%"). Shares and fractions
    are in percent; a share is of a count of another unit than percent.

    >>> _share_of_whole(50.0, "percent", 300.0, "", 150.0, "", 0.5)
    True
    >>> _share_of_whole(10.0, "", 40.0, "", 25.0, "percent", 0.005)
    True
    >>> _share_of_whole(10.0, "", 40.0, "", 30.0, "percent", 0.005)
    False
    """
    for (p, up), (whole, uw) in (((a, ua), (b, ub)), ((b, ub), (a, ua))):
        # a share times its whole: the part, in the whole's unit
        if up == "percent" and uw != "percent" and unit == uw and 0 < p <= 100 and whole > 0:
            if abs(p / 100.0 * whole - value) <= slack:
                return True
    if unit == "percent" and ua == ub != "percent" and a > 0 and b > 0:
        part, whole = min(a, b), max(a, b)
        if part < whole and abs(100.0 * part / whole - value) <= slack:
            return True
    return False


# "one" is the article and the pronoun as often as the count: "one PR executive says", "a moral
# one", "at one point" (a time, not a score)
_ONE = re.compile(r"one", re.I)
_AT_ONE = re.compile(r"\bat\s+one\s+(?:point|time|stage)\b", re.I)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]*")
# "one more year", "one extra day": the word after "one" makes it a count of what follows
_COUNTING_NEXT = frozenset("more less fewer extra further additional last final full whole single".split())


def article_one(row: dict, earlier: str) -> bool:
    """Whether a later figure that pairs with no earlier one is the word "one" as an article or a
    pronoun, which the earlier text implies: "one X" follows from any mention of an X there ("one
    PR executive says" from "said the chief executive of a PR firm"); "a moral one" and "at one
    point" count nothing. "One firefighter" needs a firefighter in the earlier text.

    >>> row = {"surface": "one", "noun": "executive", "unit": None, "qualifier": "exact", "sentence": ""}
    >>> article_one(row, "said the chief executive of a PR firm"), article_one(row, "said a PR firm")
    (True, False)
    >>> article_one(dict(row, surface="1"), "said the chief executive of a PR firm")
    False
    >>> article_one({"surface": "one point", "unit": "point", "qualifier": "exact", "sentence": "He led at one point."}, "")
    True
    >>> article_one({"surface": "one", "unit": None, "qualifier": "exact", "sentence": "I would stay one more year."}, "")
    False
    """
    surface, sentence = row.get("surface"), row.get("sentence")
    if not isinstance(surface, str) or not _ONE.fullmatch(surface.split(" ", 1)[0]) or row.get("qualifier") != "exact":
        return False
    unit = row.get("unit")
    if isinstance(unit, str) and unit:
        return isinstance(sentence, str) and bool(_AT_ONE.search(sentence))
    noun = _noun_words(row.get("noun"))
    if not noun:
        # a pronoun ends its phrase ("a moral one", "one of them"); "one more year" still counts
        at = sentence.find(surface) if isinstance(sentence, str) else -1
        after = _WORDS.findall(sentence[at + len(surface):at + len(surface) + 30]) if at >= 0 else []
        return not after or after[0].lower() not in _COUNTING_NEXT
    return bool(noun & {singular(w.lower()) for w in _WORDS.findall(earlier or "")})


# a list of names: "Arizona and California", "Florida, Ohio and Pennsylvania", "Ann Lee, 16, and
# Tom Ward, 17" (an age in apposition belongs to its name)
_NAME = r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*(?:\s*,\s*\d{1,3}(?=\s*,|\s+(?:and|are|were|was|is|have|had)\b))?"
_NAMES = re.compile(rf"(?<![\w,])({_NAME})((?:\s*,\s*{_NAME})*)\s*,?\s+and\s+({_NAME})")
_ITEM = re.compile(_NAME)
_FUNCTION = frozenset("""a an the this that these those but and or if when while as in on at of for from by with
to after before since during it its he she they we i you his her their our my your there here then so yet
not no all both each every some any many most several other another such""".split())


def listed(text: str) -> list[int]:
    """How many names each list in ``text`` coordinates: a count of them ("charged in Arizona and
    California" -> "two states") follows from the list. Items that open with a function word
    ("The", "But") are no names, and the list is cut before them.

    >>> listed("Sharper faces charges in Arizona and California.")
    [2]
    >>> listed("Ann Lee , 16 , and Tom Ward , 17 are charged as adults, police said.")
    [2]
    >>> listed("Polls put him ahead in Florida, Ohio and Pennsylvania."), listed("But the plan and the cost")
    ([3], [])
    """
    out = []
    for m in _NAMES.finditer(text or ""):
        items = _ITEM.findall(m.group(0))
        while items and items[0].split()[0].lower() in _FUNCTION:
            items = items[1:]
        if len(items) >= 2 and not any(i.split()[0].lower() in _FUNCTION for i in items):
            out.append(len(items))
    return out


# things news names one by one: people by role, places, bodies ("two suspects", "three states")
_NAMED_KINDS = frozenset("""person people man woman men women boy girl child teenager teen adult suspect victim
player athlete member candidate officer soldier minister leader official director executive son daughter brother
sister parent student worker passenger survivor journalist judge senator lawmaker rival partner country nation
state city town village province region county district island capital continent party company firm bank
team club group airline carrier hospital school university newspaper network agency union""".split())


def list_count(row: dict, earlier: str) -> bool:
    """Whether a later count of a plural noun ("two states", "Two teen suspects") is the number of
    names one list of the earlier text coordinates (:func:`listed`).

    >>> list_count({"value": 2.0, "qualifier": "exact", "noun": "states"}, "charged in Arizona and California")
    True
    >>> list_count({"value": 3.0, "qualifier": "exact", "noun": "states"}, "charged in Arizona and California")
    False
    >>> list_count({"value": 2.0, "qualifier": "exact", "noun": "cameras"}, "phones from Acme and Bemis")
    False
    """
    noun = row.get("noun")
    if row.get("qualifier") != "exact" or not isinstance(noun, str) or not noun.strip():
        return False
    head = noun.split()[-1].lower()
    if singular(head) == head or singular(head) not in _NAMED_KINDS:
        return False  # a plural of things that have names counts them: "two states", not "two cameras"
    try:
        value = float(row.get("value"))
    except (TypeError, ValueError):
        return False
    return value in listed(earlier)


_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


def respective_other(e: pd.DataFrame, k: int, later_sentence: str) -> bool:
    """Whether earlier claim ``k`` belongs, by "respectively", to another name than the one the
    later sentence names: "Lee and Ward were jailed for 21 and 18 months, respectively" gives Ward
    18 months, so "Lee was jailed for 18 months" does not follow from it. The names are the first
    list of the sentence (:func:`listed`), the figures those of ``k``'s unit in that sentence.

    >>> e = pd.DataFrame({"sentence": ["Lee and Ward got 21 months and 18 months, respectively."] * 2,
    ...                   "start": [17, 31], "unit": ["month", "month"]})
    >>> respective_other(e, 1, "Lee got 18 months"), respective_other(e, 1, "Ward got 18 months")
    (True, False)
    """
    sentence = e.at[k, "sentence"]
    if not isinstance(sentence, str) or not _RESPECTIVELY.search(sentence) or not isinstance(later_sentence, str):
        return False
    lists = [_ITEM.findall(m.group(0)) for m in _NAMES.finditer(sentence)]
    if not lists:
        return False
    names = lists[0]
    same = e[(e["sentence"] == sentence) & (e["unit"].fillna("") == (e.at[k, "unit"] if isinstance(e.at[k, "unit"], str) else ""))]
    order = list(same.sort_values("start").index)
    if len(order) != len(names) or len(names) < 2:
        return False
    later_words = set(_WORDS.findall(later_sentence))
    named = [a for a, name in enumerate(names) if set(_WORDS.findall(name)) & later_words]
    return len(named) == 1 and named[0] != order.index(k)


# a figure that is the amount of a change: a direction word right before it, or "by" after one
# ("rose 5%", "fell by 2 pts", "up £40m"), or a change noun and "of" ("an increase of 62,000",
# "a drop of 3%"); "rose to 5%" names the level reached, not the change
_CHANGE_NOUNS = frozenset("""increase increases rise rises gain gains jump jumps drop drops fall falls
decline declines decrease decreases cut cuts growth""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_DIGIT = re.compile(r"\d")


def change_amount(sentence: str | None, surface: str | None, qualifier: str | None = None) -> bool:
    """Whether the figure is the size of a change rather than a level or a total.

    >>> change_amount("Its value is now £800m, up £40m on last year.", "£40m")
    True
    >>> change_amount("Sales were 6.8 million, an increase of 62,000 units.", "62,000 units")
    True
    >>> change_amount("Unemployment rose to 5% in May.", "5%"), change_amount("The show picked up six awards.", "six")
    (False, False)
    """
    at = locate(sentence or "", surface or "", qualifier)
    if at < 0:
        return False
    before = [w.lower() for w in _WORD.findall(_DIGIT.split(sentence[:at])[-1])[-3:]]
    if not before:
        return False
    if before[-1] == "by" and len(before) >= 2:
        return bool(direction(sentence, surface, qualifier)) and before[-2] not in ("to", "at")
    if before[-1] == "of" and len(before) >= 2:
        return before[-2] in _CHANGE_NOUNS
    if before[-1] in ("up", "down") and len(before) >= 2 and _phrasal(before[-2]):
        return False  # "picked up six awards", "turned down two offers"
    return bool(direction_word(before[-1]))
