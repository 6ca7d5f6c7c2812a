"""How `claimtrack run` starts: its own temporary Prefect server, booted first and cleaned up;
and the extract stage in worker processes when a night is large.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import urllib.request

import pytest

from claimtrack.run import pipeline
from claimtrack.stages.extract import extract_articles
from claimtrack.stages.parse import parse_bytes
from claimtrack.run.prefect_server import TemporaryServer
from conftest import SAMPLE
from test_dask import ARTICLES, TABLES, contents


def sample_articles():
    articles, _ = parse_bytes(str(SAMPLE), SAMPLE.read_bytes())
    for name, text in ARTICLES.items():
        if name.endswith(".txt"):
            articles += parse_bytes(name, text.encode())[0]
    return articles


def test_a_small_night_is_extracted_in_this_process():
    with pipeline.extract_pool(pipeline.EXTRACT_POOL_MIN_ARTICLES - 1, workers=2) as pool:
        assert pool is None
    with pipeline.extract_pool(10**6, workers=1) as pool:
        assert pool is None  # one CPU: no workers


def test_worker_processes_extract_exactly_what_this_process_does(monkeypatch):
    articles = sample_articles()
    monkeypatch.setattr(pipeline, "EXTRACT_POOL_MIN_ARTICLES", 1)
    with pipeline.extract_pool(len(articles), workers=2) as pool:
        assert pool is not None
        in_workers = [pipeline.extract_stage([a], pool) for a in articles]
        worker_pids = {pool.submit(os.getpid).result() for _ in range(4)}
    assert os.getpid() not in worker_pids
    here = [extract_articles([a]) for a in articles]
    assert in_workers == here
    assert sum(len(q) + len(c) for q, c in here) > 10


@pytest.mark.slow
def test_the_flow_with_extract_workers_writes_the_same_tables(tmp_path, monkeypatch):
    from claimtrack.run.flow import nightly

    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    for name, text in ARTICLES.items():
        (raw / name).write_text(text)
    nightly(raw_dir=str(raw), curated_dir=str(tmp_path / "one"), batch_size=1)
    monkeypatch.setattr(pipeline, "EXTRACT_POOL_MIN_ARTICLES", 1)
    nightly(raw_dir=str(raw), curated_dir=str(tmp_path / "workers"), batch_size=1)
    one, workers = contents(tmp_path / "one"), contents(tmp_path / "workers")
    for table in TABLES:
        assert one[table].equals(workers[table]), table


@pytest.mark.slow
def test_temporary_server_answers_then_stops_and_unsets_its_url(monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    server = TemporaryServer().start()
    try:
        assert os.environ["PREFECT_API_URL"] == server.api_url
        assert server.api_url.startswith("http://127.0.0.1:")
        server.ready()
        with urllib.request.urlopen(server.api_url + "/health", timeout=10) as response:
            assert response.status == 200
        process = server.process
    finally:
        server.stop()
    assert process.poll() is not None  # the server process has ended
    assert "PREFECT_API_URL" not in os.environ


def test_a_long_lived_server_is_left_alone(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:9/api")
    server = TemporaryServer().start()
    assert server.process is None and server.api_url is None
    server.ready()  # nothing to wait for
    server.stop()
    assert os.environ["PREFECT_API_URL"] == "http://127.0.0.1:9/api"


@pytest.mark.slow
def test_cli_runs_leave_no_server_behind(sample_raw, tmp_path):
    raw, curated = sample_raw
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    cmd = [sys.executable, "-m", "claimtrack", "run", "--raw", str(raw), "--curated", str(curated)]
    for expected in ("succeeded", "nothing-new"):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert f": {expected} in" in out
        # the server was the run's child: with the run gone, nothing in its session is left
        leftover = subprocess.run(["ps", "-o", "pid=", "-s", str(proc.pid)], capture_output=True, text=True).stdout
        assert leftover.strip() == "", leftover


def test_a_batch_whose_worker_dies_is_extracted_here(monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    class DeadPool:
        def submit(self, *args):
            raise BrokenProcessPool("a worker was killed")

    articles = sample_articles()[:2]
    assert pipeline.extract_stage(articles, DeadPool()) == extract_articles(articles)


def _environ(pid: int) -> dict[str, str]:
    raw = open(f"/proc/{pid}/environ", "rb").read().split(b"\0")
    return dict(item.decode().split("=", 1) for item in raw if b"=" in item)


@pytest.mark.slow
def test_a_server_on_a_set_up_database_skips_the_set_up_until_the_database_changes(tmp_path, monkeypatch):
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))

    def start() -> tuple[dict, int]:
        server = TemporaryServer().start()
        try:
            server.ready()
            environ = _environ(server.process.pid)
            # the API works: a flow is created in the database
            request = urllib.request.Request(server.api_url + "/flows/", data=b'{"name": "probe"}',
                                             headers={"Content-Type": "application/json"}, method="POST")
            with urllib.request.urlopen(request, timeout=30) as response:
                status = response.status
        finally:
            server.stop()
        return environ, status

    first, status = start()  # a fresh home: the full set-up creates the database
    assert "PREFECT_SERVER_DATABASE_MIGRATE_ON_START" not in first and status in (200, 201)
    second, status = start()
    assert second["PREFECT_SERVER_DATABASE_MIGRATE_ON_START"] == "false" and status in (200, 201)
    for path in tmp_path.glob("prefect.db*"):
        path.unlink()  # a new database: set up again
    third, status = start()
    assert "PREFECT_SERVER_DATABASE_MIGRATE_ON_START" not in third and status in (200, 201)


def test_a_custom_database_is_always_set_up(tmp_path, monkeypatch):
    from claimtrack.run.prefect_server import _SetUpMarker

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    assert _SetUpMarker.for_environment() is not None
    monkeypatch.setenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", "postgresql+asyncpg://db/prefect")
    assert _SetUpMarker.for_environment() is None
