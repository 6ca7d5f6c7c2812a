"""The nightly flow end to end: real Prefect, real files, real Parquet read back."""
import json
import subprocess
import sys

import duckdb
import pandas as pd
import pytest

from claimtrack.run import pipeline
from claimtrack.run.pipeline import PipelineError
from claimtrack.records import Claim
from claimtrack.store import TABLES

DATA_TABLES = ("articles", "quotes", "claims", "matches", "flags", "reviews", "rejected")


def run_flow(raw, curated, **kw):
    from claimtrack.run.flow import nightly

    return nightly(raw_dir=str(raw), curated_dir=str(curated), **kw)


def snapshot(curated):
    """Every table's rows, in a comparable form (the runs table aside)."""
    out = {}
    for t in DATA_TABLES:
        frame = pd.read_parquet(curated / t)
        out[t] = frame.drop(columns=["ingest_date"], errors="ignore").astype(str).sort_values(list(frame.columns[:1])).to_dict("records") \
            if not frame.empty else []
    return out


def test_sample_run_writes_every_table_readable_by_pandas_and_duckdb(sample_raw):
    raw, curated = sample_raw
    result = run_flow(raw, curated)
    assert result["status"] == "succeeded"
    assert result["articles"] == 1 and result["rejected"] == 0
    for table in TABLES:
        frame = pd.read_parquet(curated / table)
        n = duckdb.connect().execute(f"select count(*) from read_parquet('{curated}/{table}/**/*.parquet')").fetchone()[0]
        assert n == len(frame), table
    article = pd.read_parquet(curated / "articles").iloc[0]
    assert article["title"] == "Putin and Erdogan hold critical meeting on Syria"
    assert str(article["published_at"].date()) == "2018-09-17"
    runs = pd.read_parquet(curated / "runs")
    assert list(runs["status"]) == ["succeeded"] and runs["articles"].iloc[0] == 1
    assert json.loads(runs["validation"].iloc[0])["ok"] is True


def test_every_quote_and_claim_cuts_back_out_of_its_article(sample_raw):
    raw, curated = sample_raw
    run_flow(raw, curated)
    texts = dict(pd.read_parquet(curated / "articles")[["article_id", "text"]].values)
    quotes = pd.read_parquet(curated / "quotes")
    claims = pd.read_parquet(curated / "claims")
    for row in quotes.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
    for row in claims.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.surface
        assert row.low <= row.value <= row.high


def test_rerun_on_same_input_adds_only_a_runs_row(sample_raw):
    raw, curated = sample_raw
    run_flow(raw, curated)
    before = snapshot(curated)
    (raw / "copy.txt").write_bytes((raw / "dw-2018-09-17-putin-erdogan-sochi.txt").read_bytes() + b"\n\n")
    result = run_flow(raw, curated)
    assert result["articles"] == 0 and result["duplicate_articles"] == 1
    assert run_flow(raw, curated)["status"] == "nothing-new"
    assert snapshot(curated) == before
    assert len(pd.read_parquet(curated / "runs")) == 3


def test_bad_file_is_rejected_and_the_rest_is_ingested(sample_raw):
    raw, curated = sample_raw
    (raw / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (raw / "feed.jsonl").write_text('{"text": "A second article about the council budget vote."}\n{oops\n')
    result = run_flow(raw, curated)
    assert result["articles"] == 2
    rejected = pd.read_parquet(curated / "rejected").sort_values("raw_path")
    assert [p.rsplit("/", 1)[-1] for p in rejected["raw_path"]] == ["feed.jsonl", "photo.txt"]
    assert list(rejected["reason"]) == ["bad-line", "binary"]
    assert run_flow(raw, curated)["status"] == "nothing-new"  # rejected files are not rejected twice
    assert len(pd.read_parquet(curated / "rejected")) == 2


def test_failing_validation_stops_the_publish(sample_raw, monkeypatch):
    raw, curated = sample_raw
    run_flow(raw, curated)
    before = snapshot(curated)
    (raw / "later.json").write_text(json.dumps({"text": "Officials said 40 people were hurt in the storm.",
                                                "date": "2018-09-20"}))

    def bad_extract(articles):  # a claim whose offsets do not point at its surface
        return [], [Claim(claim_id="bad", article_id=a.article_id, surface="40", value=40.0, low=40.0,
                          high=40.0, qualifier="exact", start=0, end=2) for a in articles]

    monkeypatch.setattr(pipeline, "extract_articles", bad_extract)
    with pytest.raises(PipelineError, match="validation failed"):
        run_flow(raw, curated)
    assert snapshot(curated) == before
    runs = pd.read_parquet(curated / "runs").sort_values("started_at")
    failed = runs.iloc[-1]
    assert failed["status"] == "failed" and "span_matches" in failed["error"]
    assert json.loads(failed["validation"])["ok"] is False


def test_exception_inside_a_stage_leaves_tables_as_they_were(sample_raw, monkeypatch):
    raw, curated = sample_raw
    run_flow(raw, curated)
    before = snapshot(curated)
    (raw / "later.txt").write_text("A later report says 12 people were hurt in the storm on Monday.\n")

    def broken(*args, **kwargs):
        raise RuntimeError("matcher exploded")

    monkeypatch.setattr(pipeline, "match_stage", broken)
    with pytest.raises(RuntimeError):
        run_flow(raw, curated)
    assert snapshot(curated) == before
    assert pd.read_parquet(curated / "runs").sort_values("started_at")["error"].iloc[-1] == "RuntimeError: matcher exploded"
    monkeypatch.undo()
    assert run_flow(raw, curated)["articles"] == 1  # the next run does the work


def test_cli_run_prints_a_summary_and_bad_paths_are_one_line(sample_raw, tmp_path, claimtrack_cli):
    # on the session's Prefect server: tests/run/test_run_startup.py and tests/test_wheel.py run
    # the CLI on its own temporary server
    raw, curated = sample_raw
    done = claimtrack_cli.run(raw, curated)
    assert done.returncode == 0, done.stderr
    assert "articles ingested         1" in done.stdout
    assert "validation: " in done.stdout
    bad = subprocess.run([sys.executable, "-m", "claimtrack", "run", "--raw", str(tmp_path / "nope")],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1
    assert bad.stderr.strip().count("\n") == 0 and "does not exist" in bad.stderr
