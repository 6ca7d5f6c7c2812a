"""Candidate pairs by shared keys, so that cost grows with candidates, not with history.

A new row meets only the earlier rows that share one of its block keys (for claims: counted
thing + unit + one subject). Within a block only the ``cap`` most recent history rows are kept,
so a very common key ("percent", no subject) cannot blow up the number of pairs. Rows of ``new``
may pair with rows of ``new`` that come before them in frame order, never with later ones, and
never with a row of the same article.

>>> import pandas as pd
>>> new = pd.DataFrame({"row": [0], "block": ["civilian||idlib"], "article_id": ["b"], "order": [0], "t": [2.0]})
>>> pool = pd.DataFrame({"row": [0, 1, 2], "block": ["civilian||idlib"] * 3,
...                      "article_id": ["a", "b", "c"], "order": [-1, -1, 0], "t": [1.0, 1.0, 2.0]})
>>> candidate_pairs(new, pool, cap=10)[["new_row", "pool_row", "shared"]].values.tolist()
[[0, 0, 1]]
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def cap_recent(pool: pd.DataFrame, cap: int) -> pd.DataFrame:
    """Keep at most ``cap`` history rows (``order`` < 0) per block, the most recent ones.

    Rows of the current batch (``order`` >= 0) are always kept. Undated rows count as oldest.
    """
    hist = pool[pool["order"] < 0]
    if len(hist) == 0:
        return pool
    t = hist["t"].fillna(-np.inf)
    ranked = hist.assign(_t=t).sort_values(["block", "_t"], ascending=[True, False], kind="stable")
    keep = ranked.groupby("block", sort=False).cumcount() < cap
    kept = ranked.loc[keep.to_numpy(), pool.columns]
    return pd.concat([kept, pool[pool["order"] >= 0]], ignore_index=True)


def candidate_pairs(new: pd.DataFrame, pool: pd.DataFrame, cap: int) -> pd.DataFrame:
    """Pairs (new_row, pool_row) that share a block, with ``shared``: how many blocks they share.

    ``new`` and ``pool`` are exploded block tables with columns row, block, article_id, order,
    t (publication time as float seconds, NaN if unknown) and optionally ``weight``: then
    ``shared`` is the sum of weight products over the shared blocks instead of their count. ``order`` is the row's position in
    the current batch (-1 for history): a pool row is earlier than a new row when its order is
    smaller.
    """
    cols = ["new_row", "pool_row", "shared"]
    if len(new) == 0 or len(pool) == 0:
        return pd.DataFrame({c: pd.Series(dtype="int64") for c in cols})
    pool = pool[pool["block"].isin(pd.unique(new["block"]))]
    pool = cap_recent(pool, cap)
    weighted = "weight" in new.columns and "weight" in pool.columns
    extra = ["weight"] if weighted else []
    pairs = new[["row", "block", "article_id", "order"] + extra].merge(
        pool[["row", "block", "article_id", "order"] + extra], on="block", suffixes=("_n", "_p"))
    ok = (pairs["order_p"].to_numpy() < pairs["order_n"].to_numpy()) & (
        pairs["article_id_n"].to_numpy() != pairs["article_id_p"].to_numpy())
    pairs = pairs.loc[ok]
    if weighted:
        pairs = pairs.assign(w=pairs["weight_n"].to_numpy() * pairs["weight_p"].to_numpy())
        counted = pairs.groupby(["row_n", "row_p"], sort=False)["w"].sum().reset_index()
    else:
        counted = pairs.groupby(["row_n", "row_p"], sort=False).size().reset_index()
    counted.columns = cols
    return counted.astype("int64")
