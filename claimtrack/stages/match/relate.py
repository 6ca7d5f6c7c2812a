"""How two figures for the same thing relate: repeat, consistent, update or contradiction.

Each claim carries the interval its wording allows (``low <= value <= high``: "more than 3
million" is [3e6, inf), "some 2 million" about [1.8e6, 2.2e6]). Both intervals are widened by
the relative ``tolerance`` (news rounds); if they still do not meet, the figures cannot both be
true at once. Whether that is a contradiction or an update depends on the time between them and
on whether the counted thing only grows (a death toll).

Works on numpy arrays, so thousands of candidate pairs are related in one call.

>>> import numpy as np
>>> from claimtrack.stages.match.settings import MatchSettings
>>> rel, side = relate_arrays(
...     e_value=np.array([3e6]), e_low=np.array([3e6]), e_high=np.array([np.inf]),
...     e_qual=np.array(["at_least"]), n_value=np.array([2e6]), n_low=np.array([1.8e6]),
...     n_high=np.array([2.2e6]), n_qual=np.array(["approx"]), gap_seconds=np.array([2 * 86400.0]),
...     growing=np.array([False]), settings=MatchSettings())
>>> rel[0], side[0]
('contradiction', 'below')
"""
from __future__ import annotations

import numpy as np

from claimtrack.stages.extract.claims.qualifiers import left_qualifier
from claimtrack.stages.match.nouns import locate
from claimtrack.stages.match.settings import MatchSettings
from claimtrack.stages.match.units import canonical, is_fahrenheit

#: ``side`` values: where the later interval lies relative to the earlier one
BELOW, ABOVE, OVERLAP = "below", "above", "overlap"


def _widen(low: np.ndarray, high: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray]:
    """Widen [low, high] by ``tol`` relative to each end's magnitude (works for negatives)."""
    lo = low - np.abs(low) * tol
    hi = high + np.abs(high) * tol
    return lo, hi


def relate_arrays(*, e_value, e_low, e_high, e_qual, n_value, n_low, n_high, n_qual,
                  gap_seconds, growing, settings: MatchSettings, e_grain=None,
                  n_grain=None, e_strict=None, n_strict=None) -> tuple[np.ndarray, np.ndarray]:
    """Relation and side for each (earlier ``e_*``, new ``n_*``) pair.

    ``gap_seconds`` is new minus earlier publication time; NaN (an undated article) is never
    "the same moment": two disjoint figures of which one is undated get the relation "" (neither
    a contradiction nor an update: nothing says which came first). ``growing`` marks counts that
    only rise over a story.
    ``*_grain``: the rounding step of each figure (units.grain); two figures whose gap is within
    half the step of the coarser exact one (at most ``max_rounding`` of its value) overlap. An
    exact figure met with the written edge of a bound gets only that rounding, not the general
    tolerance ("up to $5 billion" and "$5.1 billion" cannot both hold).
    ``*_strict``: bounds that exclude their own figure ("more than", "below", see
    :func:`strict_bound`); such a bound and an exact figure equal to its edge are disjoint
    ("below 8,400" vs "at 8,400").
    """
    e_value, e_low, e_high = (np.asarray(a, dtype="float64") for a in (e_value, e_low, e_high))
    n_value, n_low, n_high = (np.asarray(a, dtype="float64") for a in (n_value, n_low, n_high))
    e_qual, n_qual = np.asarray(e_qual, dtype=object), np.asarray(n_qual, dtype=object)
    gap = np.asarray(gap_seconds, dtype="float64")
    undated = np.isnan(gap)
    gap = np.nan_to_num(gap, nan=0.0)
    growing = np.asarray(growing, dtype=bool)

    tol = settings.tolerance
    elo, ehi = _widen(e_low, e_high, tol)
    nlo, nhi = _widen(n_low, n_high, tol)
    # the written edge of a bound is exact ("up to $5 billion" is not $5.1 billion); only
    # its other, estimated edge and the other figure's own rounding get slack
    elo = np.where(e_qual == "at_least", e_low, elo)
    ehi = np.where(e_qual == "at_most", e_high, ehi)
    nlo = np.where(n_qual == "at_least", n_low, nlo)
    nhi = np.where(n_qual == "at_most", n_high, nhi)
    bound_e = (e_qual == "at_least") | (e_qual == "at_most")
    bound_n = (n_qual == "at_least") | (n_qual == "at_most")
    if e_grain is not None and n_grain is not None:
        # an exact figure facing a bound's written edge: its own rounding (half its last digit)
        # is all the slack it gets, when that is known and smaller than the tolerance
        def own(g, v, q):
            g = np.nan_to_num(np.asarray(g, dtype="float64"), nan=0.0)
            return np.where((q == "exact") & (g > 0), np.minimum(g / 2, settings.max_rounding * np.abs(v)), np.inf)
        re_, rn = own(e_grain, e_value, e_qual), own(n_grain, n_value, n_qual)
        elo = np.where(bound_n, np.maximum(elo, e_low - re_), elo)
        ehi = np.where(bound_n, np.minimum(ehi, e_high + re_), ehi)
        nlo = np.where(bound_e, np.maximum(nlo, n_low - rn), nlo)
        nhi = np.where(bound_e, np.minimum(nhi, n_high + rn), nhi)
    below = nhi < elo
    above = nlo > ehi
    # two bounds of the same direction are both true of any figure past the larger (smaller)
    # one: "at least 6" and "at least 56" never conflict, whatever finite width the extractor gives
    same_bound = ((e_qual == "at_least") & (n_qual == "at_least")) | ((e_qual == "at_most") & (n_qual == "at_most"))
    below &= ~same_bound
    above &= ~same_bound
    if e_grain is not None and n_grain is not None:
        # the coarser exact figure may be a rounding of the finer one ("1C" of "0.8 °C")
        def half(g, v, q):
            g = np.nan_to_num(np.asarray(g, dtype="float64"), nan=0.0)
            return np.where(q == "exact", np.minimum(g / 2, settings.max_rounding * np.abs(v)), 0.0)
        slack = np.maximum(half(e_grain, e_value, e_qual), half(n_grain, n_value, n_qual)) * (1 + 1e-9)
        below &= n_high + slack < e_low
        above &= n_low - slack > e_high
    scale = np.maximum(np.abs(e_value), np.abs(n_value))
    same_value = np.abs(e_value - n_value) <= 1e-9 * np.where(scale > 0, scale, 1.0)
    if e_strict is not None and n_strict is not None:
        # "more than 40" excludes 40 itself; "at least 40" does not
        e_strict, n_strict = np.asarray(e_strict, dtype=bool), np.asarray(n_strict, dtype=bool)
        edge = same_value & ~(bound_e & bound_n)
        above |= edge & ((n_strict & (n_qual == "at_least") & (e_qual == "exact"))
                         | (e_strict & (e_qual == "at_most") & (n_qual == "exact")))
        below |= edge & ((n_strict & (n_qual == "at_most") & (e_qual == "exact"))
                         | (e_strict & (e_qual == "at_least") & (n_qual == "exact")))
    side = np.where(below, BELOW, np.where(above, ABOVE, OVERLAP)).astype(object)
    repeat = same_value & (e_qual == n_qual)

    window = settings.contradiction_window.total_seconds()
    late = gap > window
    grows = growing & above & (gap >= settings.growing_min_gap.total_seconds())
    disjoint = below | above
    relation = np.where(
        disjoint,
        np.where(undated, "", np.where(late | grows, "update", "contradiction")),
        np.where(repeat, "repeat", "consistent"),
    ).astype(object)
    return relation, side


# bound words that exclude their own figure ("more than 40" is not 40; "at least 40" may be)
_STRICT_WORDS = frozenset({
    "more than", "over", "over than", "above", "upwards of", "in excess of", "exceeding", "greater than",
    "just over", "well over", "well above", "higher than", "larger than", "north of", "surpassed",
    "topped", "tops", "exceeded", "exceeds", ">",
    "fewer than", "less than", "under", "below", "lower than", "<"})


def strict_bound(text: str | None, start, qualifier: str | None) -> bool:
    """Whether the bound written before the figure at ``start`` excludes the figure itself.

    >>> strict_bound("Gold tops $1,500", 10, "at_least"), strict_bound("at least 40 died", 9, "at_least")
    (True, False)
    """
    if qualifier not in ("at_least", "at_most") or not isinstance(text, str):
        return False
    try:
        at = int(start)
    except (TypeError, ValueError):
        return False
    if not 0 <= at <= len(text):
        return False
    q = left_qualifier(text, at)
    return q is not None and q[1] in _STRICT_WORDS


def strict_bounds(sentences, surfaces, qualifiers) -> np.ndarray:
    """:func:`strict_bound` per claim from its sentence and surface (claims tables keep no
    text offsets into the sentence): the ``*_strict`` arrays of :func:`relate_arrays`.

    >>> strict_bounds(["Gold tops $1,500 again", "At least 40 died"], ["$1,500", "40"],
    ...               ["at_least", "at_least"]).tolist()
    [True, False]
    """
    out = np.zeros(len(qualifiers), dtype=bool)
    for k, (sentence, surface, qual) in enumerate(zip(sentences, surfaces, qualifiers)):
        if qual in ("at_least", "at_most") and isinstance(sentence, str) and isinstance(surface, str):
            at = locate(sentence, surface, qual)
            out[k] = at >= 0 and strict_bound(sentence, at, qual)
    return out


def relate_one(earlier: dict, new: dict, gap_seconds: float = 0.0, growing: bool = False,
               settings: MatchSettings | None = None) -> tuple[str, str]:
    """:func:`relate_arrays` for one pair of claim dicts (keys value, low, high, qualifier).

    >>> relate_one({"value": 3.5e6, "low": 3.5e6, "high": 3.5e6, "qualifier": "exact"},
    ...            {"value": 3.5e6, "low": 3.5e6, "high": 3.5e6, "qualifier": "exact"})
    ('repeat', 'overlap')
    """
    rel, side = relate_arrays(
        e_value=[earlier["value"]], e_low=[earlier["low"]], e_high=[earlier["high"]],
        e_qual=[earlier["qualifier"]], n_value=[new["value"]], n_low=[new["low"]],
        n_high=[new["high"]], n_qual=[new["qualifier"]], gap_seconds=[gap_seconds],
        growing=[growing], settings=settings or MatchSettings())
    return str(rel[0]), str(side[0])


def _factors(units) -> tuple[np.ndarray, np.ndarray]:
    """Scale factor and Fahrenheit flag per row, computed once per distinct unit."""
    units = np.asarray(units, dtype=object)
    uniq = {u: (canonical(u)[1], is_fahrenheit(u)) for u in set(units.tolist())}
    return (np.fromiter((uniq[u][0] for u in units.tolist()), dtype="float64", count=len(units)),
            np.fromiter((uniq[u][1] for u in units.tolist()), dtype=bool, count=len(units)))


def relate_units(*, e_unit, n_unit, e_value, e_low, e_high, n_value, n_low, n_high,
                 e_grain=None, n_grain=None, **kw):
    """:func:`relate_arrays` after putting both figures on their unit key's scale
    (units.canonical: "100 feet" vs "30.5 meters", "half" vs "50%", "18K" vs "18,000").

    A Fahrenheit figure met with a Celsius one is read both as a change (x 5/9) and as a
    temperature ((F - 32) x 5/9): the pair agrees when either reading agrees.

    >>> from claimtrack.stages.match.settings import MatchSettings
    >>> one = lambda x: np.array([x], dtype="float64")
    >>> relate_units(e_unit=np.array(["°C"], dtype=object), n_unit=np.array(["°F"], dtype=object),
    ...     e_value=one(3.9), e_low=one(3.9), e_high=one(3.9), e_qual=np.array(["exact"]),
    ...     n_value=one(7.0), n_low=one(7.0), n_high=one(7.0), n_qual=np.array(["exact"]),
    ...     gap_seconds=one(0.0), growing=np.array([False]), settings=MatchSettings())[0][0]
    'consistent'
    """
    fe, f_e = _factors(e_unit)
    fn, f_n = _factors(n_unit)
    e = [np.asarray(a, dtype="float64") * fe for a in (e_value, e_low, e_high)]
    n = [np.asarray(a, dtype="float64") * fn for a in (n_value, n_low, n_high)]
    if e_grain is not None and n_grain is not None:
        kw["e_grain"], kw["n_grain"] = np.asarray(e_grain, dtype="float64") * fe, np.asarray(n_grain, dtype="float64") * fn
    mixed = f_e != f_n
    if not mixed.any():
        return relate_arrays(e_value=e[0], e_low=e[1], e_high=e[2], n_value=n[0], n_low=n[1],
                             n_high=n[2], **kw)
    if "e_grain" in kw:  # a Fahrenheit step is 5/9 of a Celsius one
        kw["e_grain"] = np.where(mixed & f_e, kw["e_grain"] * 5.0 / 9.0, kw["e_grain"])
        kw["n_grain"] = np.where(mixed & f_n, kw["n_grain"] * 5.0 / 9.0, kw["n_grain"])
    out = []
    for level in (False, True):
        def conv(vals, flag):
            c = [(v - 32.0) * 5.0 / 9.0 if level else v * 5.0 / 9.0 for v in vals]
            return [np.where(mixed & flag, a, b) for a, b in zip(c, vals)]
        ee, nn = conv(e, f_e), conv(n, f_n)
        out.append(relate_arrays(e_value=ee[0], e_low=ee[1], e_high=ee[2], n_value=nn[0],
                                 n_low=nn[1], n_high=nn[2], **kw))
    (r1, s1), (r2, s2) = out
    take2 = mixed & (s1 != OVERLAP) & (s2 == OVERLAP)
    return np.where(take2, r2, r1).astype(object), np.where(take2, s2, s1).astype(object)
