"""`--task-runner dask`: the extract stage on a local two-worker Dask cluster gives the same tables.

Slow (a Dask cluster starts and stops), still run by default; needs the `dask` extra.
"""
from __future__ import annotations

import pandas as pd
import pytest

from support.nights import ARTICLES, nightly_in_process, write_articles
from support.tables import RUNNER_TABLES, runner_tables

pytest.importorskip("prefect_dask")


@pytest.mark.slow
def test_dask_runner_writes_the_same_tables_as_the_default_runner(default_night, tmp_path):
    raw, default_curated, default_result = default_night
    assert default_result["status"] == "succeeded"
    result = nightly_in_process(raw, tmp_path / "dask", batch_size=1, task_runner="dask")
    assert result["status"] == "succeeded"
    assert result["articles"] == 4 and result["quotes"] > 0 and result["claims"] > 0
    default, dask = runner_tables(default_curated), runner_tables(tmp_path / "dask")
    for table in RUNNER_TABLES:
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

    raw = write_articles(tmp_path / "raw", with_sample=False)
    with LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        result = nightly(raw_dir=str(raw), curated_dir=str(tmp_path / "cur"), batch_size=1, task_runner="dask",
                         dask_address=cluster.scheduler_address)
        # the extract batches ran on this cluster: its scheduler saw them
        ran = [key for key in client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.task_prefixes))]
    assert result["status"] == "succeeded" and result["articles"] == 3
    assert any("extract" in key for key in ran), ran
