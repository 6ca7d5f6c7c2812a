"""A night's new rows as DataFrames, one per table, with the flags a human must review.

>>> from claimtrack.records import Match
>>> from datetime import datetime, timezone
>>> m = Match("m1", "claim", "c2", "c1", 0.9, "contradiction", "12 then 15")
>>> [f["relation"] for f in flags_for([m], datetime.now(timezone.utc), "r1")]
['contradiction']
"""
from __future__ import annotations

from datetime import datetime, timezone

import pandas as pd

from claimtrack.records import FLAGGED_RELATIONS, Article, Claim, Match, Quote, Rejection, as_row, stable_id
from claimtrack.review.status import latest_status
from claimtrack.store import columns

#: the tables a run appends to (flags are rewritten whole; reviews and runs are the desk's and the run's)
NEW_ROW_TABLES = ("articles", "quotes", "claims", "matches", "rejected")


def flags_for(matches: list[Match], flagged_at: datetime, run_id: str) -> list[dict]:
    return [{"flag_id": stable_id("flag", m.kind, m.new_id, m.earlier_id), "match_id": m.match_id,
             "kind": m.kind, "relation": m.relation, "new_id": m.new_id, "earlier_id": m.earlier_id,
             "detail": m.detail, "flagged_at": flagged_at, "status": "open", "run_id": run_id,
             "confidence": m.confidence, "evidence": m.evidence}
            for m in matches if m.relation in FLAGGED_RELATIONS]


#: what a reviewer reads of a flag: two flags alike in these are one finding
FINDING = ("kind", "relation", "earlier_id", "detail")


def _new_findings(flags: list[dict], stored: pd.DataFrame) -> list[dict]:
    """The flags that show the desk something it has not been shown: a wire re-sends a story
    under a new id, and its copy of an altered quote would be the same flag twice (same earlier
    side, same words, same source and day). Stored flags are kept as they are.

    >>> f = {"kind": "quote", "relation": "altered", "earlier_id": "q1", "detail": "on -> concerning"}
    >>> len(_new_findings([f | {"flag_id": "a"}, f | {"flag_id": "b"}], pd.DataFrame()))
    1
    """
    seen = set(zip(*(stored[c] for c in FINDING))) if not stored.empty else set()
    out = []
    for flag in flags:
        key = tuple(flag[c] for c in FINDING)
        if key not in seen:
            seen.add(key)
            out.append(flag)
    return out


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    # an empty table still has every stored column, so each check of its suite finds its column
    return pd.DataFrame(rows) if rows else pd.DataFrame(columns=columns(table))


def build_tables(run, articles: list[Article], rejections: list[Rejection], quotes: list[Quote],
                 claims: list[Claim], matches: list[Match]) -> dict[str, pd.DataFrame]:
    """The new rows of each table, as DataFrames with the table's columns; ``flags`` holds every
    flag (stored and new) with its latest review status."""
    now = datetime.now(timezone.utc)
    tag = {"run_id": run.run_id}
    tables = {
        "articles": _frame("articles", [as_row(a) | {"ingested_at": now} | tag for a in articles]),
        "quotes": _frame("quotes", [as_row(q) | tag for q in quotes]),
        "claims": _frame("claims", [as_row(c) | tag for c in claims]),
        "matches": _frame("matches", [as_row(m) | tag for m in matches]),
        "rejected": _frame("rejected", [as_row(r) | tag | {"rejected_at": now} for r in rejections]),
    }
    stored = run.curated.read("flags").drop(columns=["ingest_date"], errors="ignore")
    new = _new_findings(flags_for(matches, now, run.run_id), stored)
    all_flags = pd.concat([stored, pd.DataFrame(new)], ignore_index=True)
    all_flags = all_flags.drop_duplicates("flag_id", keep="first") if not all_flags.empty else all_flags
    tables["flags"] = latest_status(all_flags, run.curated.read("reviews"))
    return tables
