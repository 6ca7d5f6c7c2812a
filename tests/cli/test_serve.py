"""`claimtrack serve` end to end: a real Prefect server on loopback, the deployment, one run.

Slow (tens of seconds: a server start, a serve process, one flow run), still run by default.
The tests that leave the server running share one for the module (``shared_server``, its
deployments deleted before each test, so each test waits for its own serve process to register
one); the test that kills its server starts its own.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

import httpx
import pandas as pd
import pytest

from support import SAMPLE

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what: str, check, timeout: float, procs=()):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for p in procs:
            if p.poll() is not None:
                raise AssertionError(f"{what}: process {p.args[:3]} exited with {p.returncode}")
        try:
            value = check()
            if value:
                return value
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class PrefectServer(NamedTuple):
    api: str
    env: dict
    process: subprocess.Popen  # for a test that stops the server under a serve process


def start_server(home: Path) -> PrefectServer:
    """`prefect server start` on 127.0.0.1 and a free port, with its own PREFECT_HOME under ``home``."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env |= {"PREFECT_HOME": str(home / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "DO_NOT_TRACK": "1", "PREFECT_SERVER_UI_ENABLED": "false"}
    with open(home / "server.log", "wb") as log:
        proc = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                                env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    api = f"http://127.0.0.1:{port}/api"
    try:
        wait_for("the Prefect server", lambda: httpx.get(api + "/health", timeout=2).status_code == 200, 120, [proc])
    except BaseException:
        stop(proc)
        raise
    return PrefectServer(api, env | {"PREFECT_API_URL": api}, proc)


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory):
    """One server for the tests that leave it running."""
    server = start_server(tmp_path_factory.mktemp("prefect-server"))
    try:
        yield server
    finally:
        stop(server.process)


@pytest.fixture
def prefect_server(shared_server):
    """The module's server with no deployment left by an earlier test: a test that waits for
    the deployment waits for the one its own serve process registers."""
    with httpx.Client(base_url=shared_server.api, timeout=30) as client:
        for dep in client.post("/deployments/filter", json={}).json():
            assert client.delete(f"/deployments/{dep['id']}").status_code in (200, 204)
        assert client.post("/deployments/filter", json={}).json() == []
    return shared_server


@pytest.fixture
def own_prefect_server(tmp_path):
    """A server of this test's own (the test may kill it)."""
    server = start_server(tmp_path)
    try:
        yield server
    finally:
        stop(server.process)


@pytest.mark.slow
def test_serve_registers_the_schedule_and_a_triggered_run_writes_the_tables(prefect_server, tmp_path):
    api, env, _ = prefect_server
    raw, curated = tmp_path / "raw", tmp_path / "curated"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    log = open(tmp_path / "serve.log", "wb")
    serve = subprocess.Popen([str(BIN / "claimtrack"), "serve", "--cron", "30 3 * * *", "--timezone", "Europe/Berlin",
                              "--raw", str(raw), "--curated", str(curated)],
                             env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        with httpx.Client(base_url=api, timeout=10) as client:
            def deployment():
                r = client.get("/deployments/name/nightly/claimtrack")
                return r.json() if r.status_code == 200 else None

            dep = wait_for("the deployment", deployment, 120, [serve])
            [schedule] = dep["schedules"]
            assert schedule["schedule"]["cron"] == "30 3 * * *"
            assert schedule["schedule"]["timezone"] == "Europe/Berlin"
            assert dep["parameters"]["curated_dir"] == str(curated)

            # trigger it once, as `prefect deployment run nightly/claimtrack` would (a busy server,
            # its SQLite written to by the serve process too, may answer an error: try again)
            answers = []

            def created():
                r = client.post(f"/deployments/{dep['id']}/create_flow_run", json={})
                answers.append(f"{r.status_code} {r.text[:300]}")
                return r.json() if r.status_code in (200, 201) else None

            try:
                run = wait_for("the triggered flow run", created, 60, [serve])
            except AssertionError as exc:
                raise AssertionError(f"{exc}; last answers: {answers[-3:]}") from None

            def finished():
                state = client.get(f"/flow_runs/{run['id']}").json()["state"]
                return state if state["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

            state = wait_for("the flow run", finished, 180, [serve])
            assert state["type"] == "COMPLETED", (tmp_path / "serve.log").read_text(errors="replace")[-2000:]
            # every task run was recorded by the server (the temporary server loses some)
            tasks = client.post("/task_runs/filter", json={"flow_runs": {"id": {"any_": [run["id"]]}}}).json()
            assert {"discover", "parse", "extract", "match", "validate", "publish"} <= {
                t["name"].rsplit("-", 1)[0] for t in tasks}
    finally:
        stop(serve)
        log.close()
    assert serve.returncode is not None
    articles = pd.read_parquet(curated / "articles")
    assert list(articles["title"]) == ["Putin and Erdogan hold critical meeting on Syria"]
    runs = pd.read_parquet(curated / "runs")
    assert list(runs["status"]) == ["succeeded"]
    assert {"discover", "parse", "validate"} <= set(json.loads(runs["stage_seconds"].iloc[0]))


def test_serve_without_a_server_says_how_to_start_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    (tmp_path / "raw").mkdir()
    out = subprocess.run([str(BIN / "claimtrack"), "serve", "--raw", str(tmp_path / "raw")], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert "prefect server start" in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1


def test_serve_refuses_a_bad_feeds_config_before_anything_else(tmp_path):
    (tmp_path / "raw").mkdir()
    (tmp_path / "claimtrack.toml").write_text('[[feeds]]\nurl = "ftp://example.org/rss"\n')
    out = subprocess.run([str(BIN / "claimtrack"), "serve", "--raw", "raw"], cwd=tmp_path,
                         env={k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"},
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 1
    assert out.stderr.strip() == "claimtrack: error: claimtrack.toml: feed 1: not an http(s) URL: 'ftp://example.org/rss'"


@pytest.mark.slow
@pytest.mark.parametrize("signum, server_gone", [(signal.SIGTERM, True), (signal.SIGINT, False)],
                         ids=["SIGTERM-server-gone", "SIGINT-server-up"])
def test_serve_stops_within_ten_seconds_on_a_signal_without_a_traceback(request, tmp_path, signum, server_gone):
    # the server this test kills is its own; the one it leaves running is the module's
    api, env, server = request.getfixturevalue("own_prefect_server" if server_gone else "prefect_server")
    (tmp_path / "raw").mkdir()
    log_path = tmp_path / "serve.log"
    with open(log_path, "wb") as log:
        serve = subprocess.Popen([str(BIN / "claimtrack"), "serve", "--raw", "raw", "--curated", "curated"],
                                 env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            with httpx.Client(base_url=api, timeout=10) as client:
                wait_for("the deployment", lambda: client.get("/deployments/name/nightly/claimtrack").status_code == 200,
                         120, [serve])
            time.sleep(2)  # serving: polling for runs, its websocket open
            if server_gone:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
                time.sleep(3)  # the runner notices: its polls and websocket fail
            sent = time.monotonic()
            serve.send_signal(signum)
            serve.wait(timeout=30)
            took = time.monotonic() - sent
        finally:
            if serve.poll() is None:
                serve.kill()
                serve.wait()
    out = log_path.read_text(errors="replace")
    assert took < 10, out[-2000:]
    assert serve.returncode == 0, out[-2000:]
    assert "Traceback" not in out, out[-3000:]
    assert out.strip().splitlines()[-1].startswith("claimtrack serve: stopped"), out[-2000:]
