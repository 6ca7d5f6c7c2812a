"""Whether an earlier figure states a later one that agrees with it: agreement is not enough
when the earlier figure is the base of a comparison and the later one a current level ("fell
to 4.1% from 4.3%" does not give "4.3%"), when the two sentences name other calendar periods
("the third quarter", "the fourth"), or when the earlier text writes the later numeral only as
another kind of figure ("20 firefighters", "lasted 20 minutes"). compare.py asks these
questions of every pair of figures it pairs, and of every numeral it finds written.

>>> from claimtrack.stages.extract.claims import extract_claims
>>> from claimtrack.stages.match.compare import _frame
>>> e = _frame(extract_claims("Unemployment fell to 4.1% from 4.3%.", "e"), "Unemployment fell to 4.1% from 4.3%.")
>>> n = _frame(extract_claims("Unemployment is 4.3%.", "n"), "Unemployment is 4.3%.")
>>> restated(e, n, np.array([0, 1]), np.array([0, 0]), np.array(["percent", "percent"], dtype=object))[1].tolist()
[True, False]
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from claimtrack.stages.match.nouns import _GENERIC
from claimtrack.stages.match.same_time import comparison_role, period_marks
from claimtrack.stages.match.units import KNOWN_KEYS, MEASURE_KEYS

# periods before the one a report is about (same_time.period_marks): a figure dated so may be
# the base another sentence compares with
_EARLIER_PERIODS = frozenset({"last-year", "last-quarter"})


def restated(e: pd.DataFrame, n: pd.DataFrame, ei: np.ndarray, ni: np.ndarray,
             unit_e: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(per earlier claim: is it the base of a comparison; per (n, e) pair: may the earlier
    figure state the later one). A base ("from 4.3%", "vs 4 mln") needs the figure it is compared
    with, of its unit, in its sentence ("gifts from 300 donors" compares nothing); it states a
    later base or a later figure dated to an earlier period ("4 mln a year earlier"), not a
    current level. A later base may restate a plain earlier figure ("put it at 4.1, then 3.8" ->
    "revised down from 4.1 to 3.8")."""
    sentences = e["sentence"].to_numpy(object)
    was_base_e = np.array([comparison_role(a, b, c) == "base" and int(((sentences == a) & (unit_e == u)).sum()) >= 2
                           for a, b, c, u in zip(sentences, e["surface"], e["qualifier"], unit_e)], dtype=bool)
    was_base_n = np.array([comparison_role(a, b, c) == "base" or bool(period_marks(a, b) & _EARLIER_PERIODS)
                           for a, b, c in zip(n["sentence"], n["surface"], n["qualifier"])], dtype=bool)
    marks_e = [period_marks(a, b) for a, b in zip(e["sentence"], e["surface"])]
    marks_n = [period_marks(a, b) for a, b in zip(n["sentence"], n["surface"])]
    same_period = np.array([not other_period(marks_e[b], marks_n[a]) for a, b in zip(ni, ei)], dtype=bool)
    return was_base_e, (~was_base_e[ei] | was_base_n[ni]) & same_period


_KIND_OF_MARK = (("year", re.compile(r"\d{4}")), ("quarter", re.compile(r"[qh]\d")),
                 ("month", re.compile(r"[a-z]{3}")))


def other_period(earlier: frozenset, later: frozenset) -> bool:
    """Whether two figures' sentences name calendar periods of one kind (years, quarters or
    halves, months) and none in common: "the third quarter" and "the fourth", "2019" and "2020".
    Spans ("nine months"), relative years ("this year" may be the 1987 of the other) and dated
    days (an event's date, "March 5") say too little to tell.

    >>> other_period(frozenset({"q3"}), frozenset({"q4"})), other_period(frozenset({"2019", "2018"}), frozenset({"2019"}))
    (True, False)
    >>> other_period(frozenset({"9m"}), frozenset({"jul"})), other_period(frozenset({"may"}), frozenset({"2019"}))
    (False, False)
    >>> other_period(frozenset({"this-year", "1986"}), frozenset({"1987"}))
    False
    """
    # "this year", "last quarter": a relative period may be any of the years or quarters named
    relative = any(m.startswith(("this-", "last-", "next-")) for m in earlier | later)
    for kind, pattern in _KIND_OF_MARK:
        if relative and kind != "month":
            continue
        a = {m for m in earlier if pattern.fullmatch(m)}
        b = {m for m in later if pattern.fullmatch(m)}
        if a and b and not a & b:
            return True
    return False


def other_kind(unit_e: np.ndarray, base_e: np.ndarray, noun_e: np.ndarray, unit: str, base: str, noun: str) -> np.ndarray:
    """Per earlier claim (unit keys, their part before a "/", counted-noun keys): whether it is
    another kind of figure than a later one of ``unit``/``base``/``noun``: two measures of known,
    different kinds ("20 minutes", "20 km"), or a count of named things and a measure that is not
    money ("20 firefighters", "20 minutes"). Unknown unit spellings ("Swiss franc", "sfr") and
    money may be the same figure written otherwise, or its unit lost by the extractor; a multiple
    ("17 times") may be a count of occasions.

    >>> other_kind(np.array(["", "day", "usd/day"], dtype=object), np.array(["", "day", "usd"], dtype=object),
    ...            np.array(["firefighter", "", ""], dtype=object), "day", "day", "").tolist()
    [True, False, True]
    >>> other_kind(np.array(["usd", "swiss franc", "deficit"], dtype=object), np.array(["usd", "swiss franc", ""], dtype=object),
    ...            np.array(["", "", "deficit"], dtype=object), "usd/hour", "usd", "").tolist()
    [False, False, False]
    """
    if unit == "times":
        return np.zeros(len(unit_e), dtype=bool)
    known_e = np.isin(base_e, list(KNOWN_KEYS))
    counts_e = ~np.isin(noun_e, list(_GENERIC)) & (unit_e == "")
    if unit:
        return np.where(known_e, (base_e != base) & (base in KNOWN_KEYS), counts_e & (base in MEASURE_KEYS))
    return np.isin(base_e, list(MEASURE_KEYS)) & (noun not in _GENERIC)
