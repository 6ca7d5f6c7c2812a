"""A figure over time: every claim about the same figure as a flagged pair, for the timeline.

A claim belongs to a flagged figure when it is linked to one of the pair through claim matches
(up to ``LINK_HOPS`` links, either direction), or has the same noun and unit as one of the pair
and shares a subject with it. The match graph is walked by one function, ``linked_in``, over a
``match_graph`` built once per page.

>>> m = pd.DataFrame({"new_id": ["b", "c", "d"], "earlier_id": ["a", "b", "c"]})
>>> sorted(linked_ids(m, {"a"}))
['a', 'b', 'c']
"""
from __future__ import annotations

import numpy as np
import pandas as pd

#: hops through the match graph that still count as "the same figure": a claim's own matches and
#: theirs. Further out, chains of "consistent" links drift to other quantities (and a hub claim
#: matched by thousands would pull in everything).
LINK_HOPS = 2
#: at most this many claims per figure (the flagged two and those nearest in time to them)
MAX_HISTORY = 200


class MatchGraph:
    """The links of a matches table, either direction, as sorted arrays (built in one pass of
    numpy: 100,000 matches in a few tens of ms), for many ``linked_in`` walks."""

    def __init__(self, new_ids, earlier_ids):
        ends = np.concatenate([np.asarray(new_ids, dtype=object), np.asarray(earlier_ids, dtype=object)])
        others = np.concatenate([np.asarray(earlier_ids, dtype=object), np.asarray(new_ids, dtype=object)])
        codes, uniques = pd.factorize(ends)
        order = np.argsort(codes, kind="stable")
        self._neighbours = others[order]
        self._starts = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
        self._index = pd.Index(uniques)

    def __len__(self) -> int:
        return len(self._index)

    def neighbours(self, ids) -> set[str]:
        """Every id one link away from any of ``ids``."""
        codes = self._index.get_indexer(list(ids))
        codes = codes[codes >= 0]
        if not len(codes):
            return set()
        starts, ends = self._starts[codes], self._starts[codes + 1]
        return set(np.concatenate([self._neighbours[a:b] for a, b in zip(starts, ends)]).tolist())


def match_graph(matches: pd.DataFrame) -> MatchGraph:
    """The ``MatchGraph`` of ``matches`` (its ``new_id`` and ``earlier_id`` columns)."""
    return MatchGraph(matches["new_id"].to_numpy(), matches["earlier_id"].to_numpy())


def linked_in(graph: MatchGraph | None, seeds, max_hops: int = LINK_HOPS) -> set[str]:
    """Ids within ``max_hops`` links of ``seeds`` in a ``match_graph`` (the seeds included).

    This is the one walk of the match graph: the report, the figure histories and the quote
    versions all follow links through it.

    >>> g = match_graph(pd.DataFrame({"new_id": ["b", "c", "d"], "earlier_id": ["a", "b", "c"]}))
    >>> sorted(linked_in(g, {"a"})), sorted(linked_in(g, {"a"}, max_hops=3))
    (['a', 'b', 'c'], ['a', 'b', 'c', 'd'])
    """
    seen = set(seeds)
    frontier = set(seeds)
    for _ in range(max_hops):
        if not frontier or not graph:
            break
        frontier = graph.neighbours(frontier) - seen
        seen |= frontier
    return seen


def linked_ids(matches: pd.DataFrame, seeds, max_hops: int = LINK_HOPS) -> set[str]:
    """``linked_in`` for one lookup: the graph of ``matches`` is built for it."""
    return linked_in(match_graph(matches) if len(matches) else None, seeds, max_hops)


def _subjects(value) -> set[str]:
    if value is None or isinstance(value, float):
        return set()
    return {str(s).lower() for s in list(value) if s}


def figure_histories(claims: pd.DataFrame, matches: pd.DataFrame, pairs: dict,
                     limit: int = MAX_HISTORY, records: bool = False,
                     graph: MatchGraph | None = None) -> dict:
    """For each ``pairs[key]`` (two claim ids), every claim about the same figure, keyed alike.

    Sorted by date (undated last, ties by claim id); past ``limit`` claims, the flagged ones and
    those nearest in time to them are kept. ``claims`` needs the claims columns plus
    ``published_at`` of their article. ``graph``: the ``match_graph`` of the claim matches, when
    the caller has it. ``records``: each history as a list of row dicts instead of a frame.

    The claims are indexed once (by id, and by lower-cased noun and unit), so each pair costs
    lookups of its own figure's claims instead of scans of every claim and match (a page of 50
    flags on a year of news: a few ms).
    """
    if claims.empty:
        return {key: [] if records else claims for key in pairs}
    if graph is None:
        cm = matches[matches["kind"] == "claim"] if len(matches) and "kind" in matches else matches
        graph = match_graph(cm) if len(cm) else None
    ids = claims["claim_id"].tolist()
    nouns, units, subjects = claims["noun"].tolist(), claims["unit"].tolist(), claims["subject"].to_numpy()
    positions: dict[str, list[int]] = {}
    for p, i in enumerate(ids):
        positions.setdefault(i, []).append(p)
    by_figure: dict[tuple, list[int]] = {}
    for p, key in enumerate(zip(claims["noun"].fillna("").str.lower().tolist(), claims["unit"].fillna("").tolist())):
        by_figure.setdefault(key, []).append(p)
    subject_sets: dict[int, set[str]] = {}

    def subjects_of(p: int) -> set[str]:
        if p not in subject_sets:
            subject_sets[p] = _subjects(subjects[p])
        return subject_sets[p]

    when = pd.to_datetime(claims["published_at"], utc=True)
    published = [None if missing else t for missing, t in
                 zip(when.isna().tolist(), when.dt.tz_localize(None).to_numpy().view("int64").tolist())]

    def order(p: int):  # by date (undated last), then claim id
        return published[p] is None, published[p] or 0, ids[p] is None, ids[p] or ""

    chosen = {}
    for key, pair in pairs.items():
        member: set[int] = set()
        for i in linked_in(graph, set(pair)):
            member.update(positions.get(i, ()))
        for p in sorted(q for i in set(pair) for q in positions.get(i, ())):
            noun, unit = nouns[p], units[p]
            if not isinstance(noun, str) or not noun:
                continue
            subj = subjects_of(p)
            member.update(q for q in by_figure.get((noun.lower(), unit if isinstance(unit, str) else ""), ())
                          if not subj or subjects_of(q) & subj)
        rows = sorted(member)
        if len(rows) > limit:
            rows = nearest_in_time(when.iloc[rows].set_axis(rows), claims["claim_id"].iloc[rows].isin(pair).to_numpy(),
                                   limit)
        chosen[key] = sorted(rows, key=order)
    if not records:
        return {key: claims.iloc[rows].reset_index(drop=True) for key, rows in chosen.items()}
    used = sorted(set().union(*chosen.values()))
    record_of = dict(zip(used, claims.iloc[used].to_dict("records")))
    return {key: [record_of[p] for p in rows] for key, rows in chosen.items()}


def nearest_in_time(when: pd.Series, flagged, limit: int) -> list:
    """The index labels of the ``limit`` times in ``when`` nearest to the flagged ones (those first).

    The anchor is the latest flagged date; when neither flagged claim is dated, the latest date
    of all (the page shows the newest values); undated claims come last.

    >>> t = pd.Series(pd.to_datetime([None, "2020-01-05", None, "2020-01-01", "2020-01-04"], utc=True))
    >>> nearest_in_time(t, [True, False, False, False, False], 3)
    [0, 1, 4]
    """
    flagged = pd.Series(flagged, index=when.index, dtype=bool)
    anchor = when[flagged].max()
    if pd.isna(anchor):
        anchor = when.max()
    if pd.isna(anchor):  # nothing is dated: every claim is as near as any other
        distance = pd.Series(pd.Timedelta(0), index=when.index)
    else:
        distance = (when - anchor).abs()
    distance[flagged] = pd.Timedelta(0)
    order = pd.DataFrame({"other": ~flagged, "distance": distance}).sort_values(
        ["other", "distance"], kind="stable", na_position="last")
    return list(order.index[:limit])
