"""`claimtrack server start|stop|status`: the README's long-lived Prefect server, offline, and a
restart after it died (its PID file left behind) (issue 14, Running nightly).

Slow: two server starts.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
CLAIMTRACK = str(Path(sys.executable).parent / "claimtrack")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _claimtrack(env, *args, timeout=240):
    return subprocess.run([CLAIMTRACK, "server", *args], env=env, capture_output=True, text=True, timeout=timeout)


def test_a_server_that_died_is_restarted_and_stops_cleanly(tmp_path):
    home = tmp_path / "prefect-home"
    port = _free_port()
    # no network settings given: the command sets the offline ones itself
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_") and k != "DO_NOT_TRACK"}
    env["PREFECT_HOME"] = str(home)
    started = _claimtrack(env, "start", "--port", str(port))
    assert started.returncode == 0, started.stderr
    assert f"export PREFECT_API_URL=http://127.0.0.1:{port}/api" in started.stdout
    pid = int((home / "claimtrack-server.pid").read_text().split()[0])
    time.sleep(3)  # it stays up once its starter has gone (what --background did not)
    assert _claimtrack(env, "status").returncode == 0

    os.killpg(pid, signal.SIGKILL)  # the server dies; its PID file stays behind
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _claimtrack(env, "status").returncode == 0:
        time.sleep(0.2)
    assert (home / "claimtrack-server.pid").exists() is False  # status cleared the stale file

    (home / "claimtrack-server.pid").write_text(f"{pid} {port}\n")  # stale again: must not block
    again = _claimtrack(env, "start", "--port", str(port))
    assert again.returncode == 0, again.stderr
    assert "already" not in again.stdout
    stopped = _claimtrack(env, "stop")
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert _claimtrack(env, "status").returncode == 1
    log = (home / "claimtrack-server.log").read_text(errors="replace")
    assert "Traceback" not in log, log[-2000:]
