"""What a run did, as a dict: the flow's return value and what `claimtrack run` prints.

>>> from claimtrack.run.record import new_run
>>> import pandas as pd
>>> run = new_run("raw", "/tmp/curated")
>>> row = {"status": "nothing-new", "finished_at": run.started_at, "articles": 0, "rejected": 0,
...        "quotes": 0, "claims": 0, "matches": 0, "flags": 0}
>>> summary(run, row, {"rejected": pd.DataFrame()}, None)["status"]
'nothing-new'
"""
from __future__ import annotations

import pandas as pd

from claimtrack.stages.publish import COUNTED

#: failed or warned checks named in the summary, and example rows per check
SHOWN_CHECKS = 10


def summary(run, row: dict, tables: dict[str, pd.DataFrame], report, skipped: int = 0,
            duplicates: int = 0, stage_seconds: dict | None = None, fetched=None) -> dict:
    """What a run did, for the command line and for the flow's return value."""
    rejected = tables["rejected"]
    return {
        "stage_seconds": dict(stage_seconds or {}),
        "fetched": None if fetched is None else {
            "saved": len(fetched.saved), "already_seen": fetched.already_seen,
            "failed": fetched.failed[:20], "feeds_failed": fetched.feeds_failed},
        "run_id": run.run_id, "status": row["status"], "curated": str(run.curated.root),
        **{t: row[t] for t in COUNTED},
        "skipped_known_files": skipped, "duplicate_articles": duplicates,
        "rejections": [dict(zip(("raw_path", "reason", "detail"), r))
                       for r in zip(rejected.get("raw_path", []), rejected.get("reason", []), rejected.get("detail", []))],
        "validation": report.summary() if report is not None else None,
        "checks": [f.describe() for f in report.failures[:SHOWN_CHECKS]] if report is not None else [],
        "seconds": (row["finished_at"] - run.started_at).total_seconds(),
    }
