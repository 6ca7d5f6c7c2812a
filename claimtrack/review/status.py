"""A flag's review status: the latest decision recorded for it, else open."""
from __future__ import annotations

import pandas as pd


def latest_status(flags: pd.DataFrame, reviews: pd.DataFrame) -> pd.DataFrame:
    """``flags`` with ``status`` set from the latest review decision of each flag."""
    out = flags.copy()
    if out.empty:
        return out
    status = pd.Series("open", index=out.index)
    if not reviews.empty:
        latest = reviews.sort_values("decided_at").groupby("flag_id")["decision"].last()
        status = out["flag_id"].map(latest).fillna("open")
    out["status"] = status.astype(str)
    return out
