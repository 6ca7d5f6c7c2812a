"""How two figures for the same thing relate: repeat, consistent, update or contradiction.

Each claim carries the interval its wording allows (``low <= value <= high``: "more than 3
million" is [3e6, inf), "some 2 million" about [1.8e6, 2.2e6]). Both intervals are widened by
the relative ``tolerance`` (news rounds); if they still do not meet, the figures cannot both be
true at once. Whether that is a contradiction or an update depends on the time between them and
on whether the counted thing only grows (a death toll).

Works on numpy arrays, so thousands of candidate pairs are related in one call.

>>> import numpy as np
>>> from claimtrack.match.settings import MatchSettings
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

from claimtrack.match.settings import MatchSettings

#: ``side`` values: where the later interval lies relative to the earlier one
BELOW, ABOVE, OVERLAP = "below", "above", "overlap"


def _widen(low: np.ndarray, high: np.ndarray, tol: float) -> tuple[np.ndarray, np.ndarray]:
    """Widen [low, high] by ``tol`` relative to each end's magnitude (works for negatives)."""
    lo = low - np.abs(low) * tol
    hi = high + np.abs(high) * tol
    return lo, hi


def relate_arrays(*, e_value, e_low, e_high, e_qual, n_value, n_low, n_high, n_qual,
                  gap_seconds, growing, settings: MatchSettings) -> tuple[np.ndarray, np.ndarray]:
    """Relation and side for each (earlier ``e_*``, new ``n_*``) pair.

    ``gap_seconds`` is new minus earlier publication time; NaN (an undated article) counts as
    0, i.e. as published together: an undated conflict is shown to a reviewer rather than
    explained away as an update. ``growing`` marks counts that only rise over a story.
    """
    e_value, e_low, e_high = (np.asarray(a, dtype="float64") for a in (e_value, e_low, e_high))
    n_value, n_low, n_high = (np.asarray(a, dtype="float64") for a in (n_value, n_low, n_high))
    e_qual, n_qual = np.asarray(e_qual, dtype=object), np.asarray(n_qual, dtype=object)
    gap = np.nan_to_num(np.asarray(gap_seconds, dtype="float64"), nan=0.0)
    growing = np.asarray(growing, dtype=bool)

    tol = settings.tolerance
    elo, ehi = _widen(e_low, e_high, tol)
    nlo, nhi = _widen(n_low, n_high, tol)
    below = nhi < elo
    above = nlo > ehi
    side = np.where(below, BELOW, np.where(above, ABOVE, OVERLAP)).astype(object)

    scale = np.maximum(np.abs(e_value), np.abs(n_value))
    same_value = np.abs(e_value - n_value) <= 1e-9 * np.where(scale > 0, scale, 1.0)
    repeat = same_value & (e_qual == n_qual)

    window = settings.contradiction_window.total_seconds()
    late = gap > window
    grows = growing & above & (gap >= settings.growing_min_gap.total_seconds())
    disjoint = below | above
    relation = np.where(
        disjoint,
        np.where(late | grows, "update", "contradiction"),
        np.where(repeat, "repeat", "consistent"),
    ).astype(object)
    return relation, side


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
