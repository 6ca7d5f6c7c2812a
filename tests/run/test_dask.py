"""`--task-runner dask`: the extract stage on a local two-worker Dask cluster gives the same tables.

Slow (a Dask cluster starts and stops), still run by default; needs the `dask` extra.
"""
from __future__ import annotations

import shutil

import pandas as pd
import pytest

from conftest import SAMPLE

pytest.importorskip("prefect_dask")

# Run-specific columns: everything else must be equal between the two runners.
VOLATILE = {"run_id", "ingested_at", "flagged_at", "rejected_at", "ingest_date", "raw_path"}
TABLES = {"articles": "article_id", "quotes": "quote_id", "claims": "claim_id", "matches": "match_id",
          "flags": "flag_id", "rejected": "reason"}

ARTICLES = {
    "a-council.txt": "Council approves budget\n\nMarch 3, 2025\n\nThe city council approved a budget of "
                     "$120 million on Monday, mayor Anna Berg said. \"This budget keeps every library "
                     "open,\" Berg said. About 3,000 residents attended the hearings.\n",
    "b-council.txt": "Budget vote questioned\n\nMarch 9, 2025\n\nThe council's budget was $95 million, "
                     "treasurer Paul Innes said on Sunday. \"This budget keeps every library open,\" Innes "
                     "said. Nearly 3,000 residents attended the hearings, organisers said.\n",
    "c-port.txt": "Port traffic rises\n\nMarch 10, 2025\n\nThe port handled 2.4 million containers last "
                  "year, up 6 percent, its director Lena Ortiz said. \"We will need a fourth terminal "
                  "by 2030,\" Ortiz told reporters.\n",
    "bad.jsonl": "{not json\n",
}


def contents(curated) -> dict:
    out = {}
    for table, key in TABLES.items():
        frame = pd.read_parquet(curated / table)
        frame = frame.drop(columns=[c for c in frame.columns if c in VOLATILE]).astype(str)
        out[table] = frame.sort_values(key).reset_index(drop=True)
    return out


@pytest.mark.slow
def test_dask_runner_writes_the_same_tables_as_the_default_runner(tmp_path):
    from claimtrack.run.flow import nightly

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    for name, text in ARTICLES.items():
        (raw / name).write_text(text)
    results = {}
    for runner in ("default", "dask"):
        results[runner] = nightly(raw_dir=str(raw), curated_dir=str(tmp_path / runner), batch_size=1,
                                  task_runner=runner)
        assert results[runner]["status"] == "succeeded"
    assert results["dask"]["articles"] == 4 and results["dask"]["quotes"] > 0 and results["dask"]["claims"] > 0
    default, dask = contents(tmp_path / "default"), contents(tmp_path / "dask")
    for table in TABLES:
        pd.testing.assert_frame_equal(dask[table], default[table], obj=table)
    assert len(default["matches"]) > 0  # the runs are not trivially equal
    runs = pd.read_parquet(tmp_path / "dask" / "runs")
    assert '"task_runner": "dask"' in runs["parameters"].iloc[0]


def test_dask_address_without_the_dask_runner_is_refused_in_one_line(tmp_path, capsys):
    from claimtrack.cli import main

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(ARTICLES["a-council.txt"])
    assert main(["run", "--raw", str(raw), "--curated", str(tmp_path / "cur"), "--dask-address",
                 "tcp://127.0.0.1:9"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["claimtrack: error: --dask-address needs --task-runner dask"]
    assert not (tmp_path / "cur").exists()


@pytest.mark.slow
def test_an_existing_cluster_is_used_when_its_address_is_given(tmp_path):
    from distributed import Client, LocalCluster

    from claimtrack.run.flow import nightly

    raw = tmp_path / "raw"
    raw.mkdir()
    for name, text in ARTICLES.items():
        (raw / name).write_text(text)
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        result = nightly(raw_dir=str(raw), curated_dir=str(tmp_path / "cur"), batch_size=1, task_runner="dask",
                         dask_address=cluster.scheduler_address)
        # the extract batches ran on this cluster: its scheduler saw them
        ran = [key for key in client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.task_prefixes))]
    assert result["status"] == "succeeded" and result["articles"] == 3
    assert any("extract" in key for key in ran), ran
