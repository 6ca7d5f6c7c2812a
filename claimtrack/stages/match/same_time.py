"""Same time, same side: whether two figures measure the same period and the same side of a
comparison, as a contradiction needs (read from the words of their sentences).

>>> same_period(period_marks("1986 sales rose to 4 bln"), period_marks("first quarter 1986 sales were 1 bln"))
False
>>> comparison_role("Net 5 mln vs 4 mln", "4 mln")
'base'
"""
from __future__ import annotations

import re
from functools import lru_cache

from claimtrack.stages.match.nouns import _DIGIT, locate

# Two figures can only contradict when they describe the same thing at the same time. These
# tests read what a sentence says about time: years, months, quarters and halves, and relative
# years ("last year", "year-ago"). Weekdays and days of the month are left out: they usually
# date the event ("Thursday's earthquake"), not the period a figure measures.
_MONTH_NAMES = {m: m[:3].lower() for m in """January February March April May June July August
September October November December""".split()}
_MONTH_NAMES.update({a: a[:3].lower() for a in ("Jan", "Feb", "Apr", "Jun", "Jul", "Aug", "Sep",
                                                 "Sept", "Oct", "Nov", "Dec")})
_ORDINAL = {"first": "1", "1st": "1", "second": "2", "2nd": "2", "third": "3", "3rd": "3",
            "fourth": "4", "4th": "4"}
_PERIOD = re.compile(
    # every period starts a word with one of these characters: the look-ahead lets the regex
    # engine skip the other words without trying each alternative
    r"\b(?=[123469adfjlmnopsty])(?:"
    r"(?P<year>(?:19|20)\d\d)(?!\d|,\d|\.\d)"
    r"|\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<part>quarter|qtr|half)\b"
    r"|\b(?P<rel>last|previous|prior|this|next|a)[\s-]+(?P<unit>year|yr|quarter|qtr)\b(?P<ago>[\s-]+(?:ago|earlier))?"
    r"|\b(?P<yago>year[\s-]+ago|year[\s-]+earlier)\b"
    r"|\b(?P<span>three|six|nine|twelve|3|6|9|12)[\s-]+(?:months|mths)\b"
    r"|\b(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\b\.?"
    r"(?:\s+(?P<day>[1-3]?\d)(?![\d.,]\d))?)",
    re.I)


@lru_cache(maxsize=1 << 17)
def period_marks(sentence: str | None, surface: str | None = None) -> frozenset[str]:
    """The periods a sentence names, outside the figure itself: ``1986``, ``q1``, ``h2``,
    ``mar``, ``mar-6`` (a date), ``last-year``, ``9m`` (nine months).

    >>> sorted(period_marks("First quarter 1986 sales were 5 mln dlrs.", "5 mln dlrs"))
    ['1986', 'q1']
    >>> sorted(period_marks("Sales fell 3 pct from a year ago in March.", "3 pct"))
    ['last-year', 'mar']
    >>> sorted(period_marks("The quake left 1,986 homeless.", "1,986")), sorted(period_marks("The may rise.", None))
    ([], [])
    >>> sorted(period_marks("Cash totaled 16.3 bln dlrs on March 6 vs 17.8 bln on March 5.", "16.3 bln dlrs"))
    ['mar-5', 'mar-6']
    """
    if not sentence:
        return frozenset()
    text = sentence
    if surface:
        at = text.find(surface)
        if at >= 0:
            text = text[:at] + " " * len(surface) + text[at + len(surface):]
    out = set()
    for m in _PERIOD.finditer(text):
        if m.group("year"):
            out.add(m.group("year"))
        elif m.group("ord"):
            part = m.group("part").lower()
            out.add(("h" if part == "half" else "q") + _ORDINAL[m.group("ord").lower()])
        elif m.group("rel"):
            rel = m.group("rel").lower()
            if rel == "a" and not m.group("ago"):
                continue  # "a year" is a span, "a year ago" a period
            unit = "year" if m.group("unit").lower() in ("year", "yr") else "quarter"
            out.add(("next-" if rel == "next" else "this-" if rel == "this" else "last-") + unit)
        elif m.group("yago"):
            out.add("last-year")
        elif m.group("span"):  # a reporting period: "nine months to September"
            out.add({"three": "3", "six": "6", "nine": "9", "twelve": "12"}.get(m.group("span").lower(),
                                                                              m.group("span")) + "m")
        else:
            word = m.group("month")
            # a month is a capitalised name: "may" and "march" in lower case are verbs
            if word[0].isupper() and not (word == "May" and m.start() == 0):
                month = _MONTH_NAMES.get(word.title(), word[:3].lower())
                out.add(f"{month}-{int(m.group('day'))}" if m.group("day") else month)
    return frozenset(out)


def same_period(earlier: frozenset[str], later: frozenset[str]) -> bool:
    """Whether two figures may be about the same period: yes unless both sentences name periods
    and name different ones ("1986 sales" and "first quarter 1986 sales" are not).

    >>> same_period(frozenset({"1986"}), frozenset({"1986"})), same_period(frozenset(), frozenset({"mar"}))
    (True, True)
    >>> same_period(frozenset({"1986", "q1"}), frozenset({"1986"}))
    False
    """
    return not earlier or not later or earlier == later


_BASE_CUES = ("vs", "vs.", "versus", "against", "from")
_LEAD_FILLER = frozenset({"a", "an", "the", "about", "some", "around", "nearly", "almost", "roughly",
                          "approximately", "loss", "profit", "of"})


@lru_cache(maxsize=1 << 17)
def comparison_role(sentence: str | None, surface: str | None, qualifier: str | None = None) -> str:
    """``base`` for the figure a sentence compares with ("5 mln vs *4 mln*", "rose to 5 pct from
    *4 pct*", "compared with *3 pct* a year ago": an earlier period's figure), ``current`` for
    the figure compared ("*5 mln* vs 4 mln"), else "".

    >>> comparison_role("Net profit 5 mln vs loss 4 mln", "4 mln"), comparison_role("Net profit 5 mln vs loss 4 mln", "5 mln")
    ('base', 'current')
    >>> comparison_role("Inflation rose to 5 pct from 4.2 pct.", "4.2 pct"), comparison_role("Some 300 died.", "300")
    ('base', '')
    """
    at = locate(sentence or "", surface or "", qualifier)
    if at < 0:
        return ""
    before = [w.lower() for w in re.findall(r"[A-Za-z]+\.?", _DIGIT.split(sentence[:at])[-1])]
    while before and before[-1].rstrip(".") in _LEAD_FILLER:
        before.pop()
    if before and (before[-1] in _BASE_CUES or before[-1].rstrip(".") in _BASE_CUES):
        return "base"
    if len(before) >= 2 and before[-2] == "compared" and before[-1] in ("with", "to"):
        return "base"
    after = _DIGIT.split(sentence[at + len(surface):], maxsplit=1)[0]
    words = [w.lower().rstrip(".") for w in re.findall(r"[A-Za-z]+\.?", after)][:4]
    if words[:1] in (["vs"], ["versus"]) or words[:2] in (["compared", "with"], ["compared", "to"]):
        return "current"
    return ""


def same_side_of_comparison(earlier: str, later: str) -> bool:
    """An earlier period's figure ("vs 4 mln") only meets another earlier-period figure: a base
    and a current or plain figure are about different periods.

    >>> same_side_of_comparison("base", "base"), same_side_of_comparison("current", ""), same_side_of_comparison("base", "")
    (True, True, False)
    """
    return (earlier == "base") == (later == "base")
