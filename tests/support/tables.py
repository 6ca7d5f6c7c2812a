"""Curated tables read back for comparison: whole files only, without the run's ids and clocks."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

DATA_TABLES = ("articles", "quotes", "claims", "matches", "flags", "reviews", "rejected")
# Columns that differ between two runs doing the same work (ids and clocks of the run).
VOLATILE = {"run_id", "ingested_at", "rejected_at", "flagged_at", "started_at", "finished_at",
            "ingest_date", "seconds", "validation", "parameters", "raw_dir"}
# What two runners (default, Dask, extract workers) over the same raw folder must write alike:
# each table by its id column, without the run's ids, clocks and raw paths.
RUNNER_VOLATILE = {"run_id", "ingested_at", "flagged_at", "rejected_at", "ingest_date", "raw_path"}
RUNNER_TABLES = {"articles": "article_id", "quotes": "quote_id", "claims": "claim_id", "matches": "match_id",
                 "flags": "flag_id", "rejected": "reason"}


def table_state(curated: Path, tables=DATA_TABLES) -> dict[str, list[dict]]:
    """Every table read back with pandas (so every file must be a complete Parquet file), as
    sorted rows without the columns that name the run or the clock.

    >>> table_state(Path("/nonexistent"), ("articles",))
    {'articles': []}
    """
    out = {}
    for t in tables:
        frame = pd.read_parquet(curated / t) if (curated / t).is_dir() else pd.DataFrame()
        frame = frame[[c for c in frame.columns if c not in VOLATILE]]
        rows = frame.astype(str).to_dict("records")
        out[t] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
    return out


def runs_rows(curated: Path) -> pd.DataFrame:
    """The runs table in start order (empty with its key columns before the first run)."""
    if not (curated / "runs").is_dir():
        return pd.DataFrame(columns=["run_id", "status", "error"])
    return pd.read_parquet(curated / "runs").sort_values("started_at").reset_index(drop=True)


def runner_tables(curated: Path) -> dict[str, pd.DataFrame]:
    """Each of RUNNER_TABLES as strings, sorted by its id, without RUNNER_VOLATILE columns."""
    out = {}
    for table, key in RUNNER_TABLES.items():
        frame = pd.read_parquet(curated / table)
        frame = frame.drop(columns=[c for c in frame.columns if c in RUNNER_VOLATILE]).astype(str)
        out[table] = frame.sort_values(key).reset_index(drop=True)
    return out
