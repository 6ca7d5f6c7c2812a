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


def cap_recent(hist: pd.DataFrame, cap: int) -> pd.DataFrame:
    """At most ``cap`` rows per block, the most recent ones (undated rows count as oldest)."""
    if len(hist) == 0:
        return hist
    t = hist["t"].fillna(-np.inf)
    # ties (one publication time): the row stored last counts as the more recent
    ranked = hist.assign(_t=t).sort_values(["block", "_t", "row"], ascending=[True, False, False],
                                           kind="stable")
    keep = ranked.groupby("block", sort=False).cumcount() < cap
    return ranked.loc[keep.to_numpy(), hist.columns]


def _batch_pairs(new: pd.DataFrame, cap: int) -> pd.DataFrame:
    """Pairs of batch rows in the same block, each new row with up to ``cap`` rows before it.

    The batch is sorted by block and order; a row meets the rows 1..cap places before it in its
    block, so the cost is linear in the batch even when one block holds thousands of rows.
    """
    batch = new.sort_values(["block", "order"], kind="stable")
    b = batch["block"].to_numpy()
    o = batch["order"].to_numpy()
    art = batch["article_id"].to_numpy()
    w = batch["weight"].to_numpy() if "weight" in batch.columns else np.ones(len(batch), dtype="int64")
    parts = []
    for k in range(1, cap + 1):
        if k >= len(b):
            break
        same = np.flatnonzero(b[k:] == b[:-k])
        if len(same) == 0:
            break  # blocks are contiguous: nothing further apart either
        parts.append(pd.DataFrame({
            "row_n": o[k:][same], "order_p": o[:-k][same], "order_n": o[k:][same],
            "article_id_n": art[k:][same], "article_id_p": art[:-k][same],
            "w": w[k:][same] * w[:-k][same]}))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="int64") for c in
                             ("row_n", "order_p", "order_n", "article_id_n", "article_id_p", "w")})
    return pd.concat(parts, ignore_index=True)


def candidate_pairs(new: pd.DataFrame, pool: pd.DataFrame, cap: int) -> pd.DataFrame:
    """Pairs (new_row, pool_row) that share a block, with ``shared``: how many blocks they share.

    ``new`` and ``pool`` are exploded block tables with columns row, block, article_id, order,
    t (publication time as float seconds, NaN if unknown) and optionally ``weight``: then
    ``shared`` is the sum of weight products over the shared blocks instead of their count.
    ``order`` is the row's position in the current batch (-1 for history); ``new`` rows are
    numbered by that position, and ``pool`` holds the history rows and the batch rows again
    (under their pool row numbers). A pool row is earlier than a new row when its order is
    smaller. Each new row meets at most ``cap`` earlier rows per block, the most recent ones:
    the batch rows before it, then the most recent history rows.
    """
    cols = ["new_row", "pool_row", "shared"]
    if len(new) == 0 or len(pool) == 0:
        return pd.DataFrame({c: pd.Series(dtype="int64") for c in cols})
    weighted = "weight" in new.columns and "weight" in pool.columns
    hist = pool[(pool["order"] < 0) & pool["block"].isin(pd.unique(new["block"]))]
    hist = cap_recent(hist, cap)
    hist = hist.assign(rank=hist.groupby("block", sort=False).cumcount().to_numpy())
    # a new row meets the ``cap`` most recent earlier rows of its block: the batch rows before
    # it first, then as many history rows as are left, so the pairs do not depend on how a
    # night is cut into batches
    ranked = new.sort_values(["block", "order"], kind="stable")
    seen = np.minimum(ranked.groupby("block", sort=False).cumcount().to_numpy(), cap)
    new = new.assign(room=pd.Series(cap - seen, index=ranked.index).reindex(new.index).to_numpy())
    extra = ["weight"] if weighted else []
    hp = new[["row", "block", "article_id", "room"] + extra].merge(
        hist[["row", "block", "article_id", "rank"] + extra], on="block", suffixes=("_n", "_p"))
    hp = hp.loc[(hp["article_id_n"].to_numpy() != hp["article_id_p"].to_numpy())
                & (hp["rank"].to_numpy() < hp["room"].to_numpy())]
    w = hp["weight_n"].to_numpy() * hp["weight_p"].to_numpy() if weighted else np.ones(len(hp), dtype="int64")
    hp = pd.DataFrame({"row_n": hp["row_n"].to_numpy(), "row_p": hp["row_p"].to_numpy(), "w": w})

    bp = _batch_pairs(new, cap)
    bp = bp.loc[(bp["order_p"].to_numpy() < bp["order_n"].to_numpy())
                & (bp["article_id_n"].to_numpy() != bp["article_id_p"].to_numpy())]
    batch_rows = pool.loc[pool["order"] >= 0, ["order", "row"]].drop_duplicates("order")
    to_pool = pd.Series(batch_rows["row"].to_numpy(), index=batch_rows["order"].to_numpy())
    bp = pd.DataFrame({"row_n": bp["row_n"].to_numpy(),
                       "row_p": to_pool.reindex(bp["order_p"].to_numpy()).to_numpy(),
                       "w": bp["w"].to_numpy() if weighted else np.ones(len(bp), dtype="int64")})
    bp = bp[pd.notna(bp["row_p"])]

    pairs = pd.concat([hp, bp.astype({"row_p": "int64"})], ignore_index=True)
    counted = pairs.groupby(["row_n", "row_p"], sort=False)["w"].sum().reset_index()
    counted.columns = cols
    return counted.astype("int64")
