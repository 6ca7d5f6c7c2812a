"""The publish stage: a night's validated tables and its ``runs`` row in one atomic commit,
then the review page beside them.

A failed run records only its ``runs`` row (`record_failure`): every other table stays as it was.

>>> status_of({"articles": [1], "rejected": []})
'succeeded'
>>> status_of({"articles": [], "rejected": []})
'nothing-new'
"""
from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from claimtrack.review.report import write_report
from claimtrack.review.status import latest_status
from claimtrack.store import SCHEMAS, to_arrow

#: the tables a night appends its new rows to (flags are rewritten whole, with their statuses)
APPENDED = ("articles", "quotes", "claims", "matches", "rejected")
#: the counts a runs row (and the summary) gives per table
COUNTED = ("articles", "rejected", "quotes", "claims", "matches", "flags")
REPORT_NAME = "report.html"
#: the run's page shows the oldest open flags; `claimtrack report --limit 0` writes them all
REPORT_FLAGS = 50


def status_of(tables) -> str:
    """``succeeded`` when the night took in anything (an article or a rejection), else ``nothing-new``."""
    return "succeeded" if any(len(tables[t]) for t in ("articles", "rejected")) else "nothing-new"


def run_row(run, status: str, tables: dict[str, pd.DataFrame] | None, report=None,
            error: str | None = None) -> dict:
    """The run's row of the ``runs`` table."""
    counts = {t: 0 for t in COUNTED}
    if tables is not None:
        for t in counts:
            if t == "flags":
                counts[t] = int((tables["flags"]["run_id"] == run.run_id).sum()) if not tables["flags"].empty else 0
            else:
                counts[t] = len(tables[t])
    return {"run_id": run.run_id, "started_at": run.started_at, "finished_at": datetime.now(timezone.utc),
            "status": status, "raw_dir": str(run.raw_dir), **counts,
            "validation": report.to_json() if report is not None else None, "error": error,
            "parameters": json.dumps(run.parameters, default=str),
            "stage_seconds": json.dumps({k: round(v, 3) for k, v in run.stage_seconds.items()})}


def publish_stage(run, tables: dict[str, pd.DataFrame], report) -> dict:
    """Write every table and the run's row in one atomic commit; the run's row."""
    status = status_of(tables)
    row = run_row(run, status, tables, report)
    appends = {t: to_arrow(t, tables[t]) for t in APPENDED}
    appends["runs"] = to_arrow("runs", [row])
    # An empty reviews file is written only while the table has none, so that every table reads.
    appends["reviews"] = SCHEMAS["reviews"].empty_table()
    with run.curated.write_lock():
        run.curated.recover()
        # Reviews may have been decided while this run worked: take the latest ones now.
        flags = latest_status(tables["flags"], run.curated.read("reviews"))
        run.curated.commit(run.run_id, appends=appends, replaces={"flags": to_arrow("flags", flags)},
                           ingest_date=run.ingest_date)
    if status != "nothing-new" or not (run.curated.root / REPORT_NAME).exists():
        write_review_report(run)
    return row


def write_review_report(run) -> Path | None:
    """The HTML page of open flags beside the tables; a page that fails to build never fails
    the run (the tables are already published), it is only logged."""
    try:
        return write_report(run.curated, run.curated.root / REPORT_NAME, limit=REPORT_FLAGS)
    except Exception as exc:  # noqa: BLE001
        logging.getLogger("claimtrack").warning("the review report was not written: %s", exc)
        return None


def record_failure(run, error: str, tables=None, report=None) -> dict:
    """Record a failed run in ``runs`` (only that row: every other table stays as it was)."""
    row = run_row(run, "failed", tables, report, error=error)
    with run.curated.write_lock():
        run.curated.commit(run.run_id, appends={"runs": to_arrow("runs", [row])}, ingest_date=run.ingest_date)
    return row
