"""One long-lived local Prefect server for the test session's CLI subprocesses.

Each ``claimtrack run`` started without ``PREFECT_API_URL`` boots a temporary server of its own
(8-12 s here); pointed at this one it starts in about 2.5 s. The flows that the tests run in
their own process use it too (instead of Prefect's temporary server: one server boot less per
test process). Started once per test process by tests/conftest.py (at collection when flows
run in the process, else by the ``prefect_api`` fixture); with ``CLAIMTRACK_TEST_EPHEMERAL=1``,
or when it cannot start, both use Prefect's temporary servers instead.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from claimtrack.run.tether import tethered


def free_port() -> int:
    """A free TCP port on loopback.

    >>> 0 < free_port() < 65536
    True
    """
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalServer:
    """`prefect server start` on 127.0.0.1 with its own PREFECT_HOME, in its own session."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None
        self.home: str | None = None
        self.env: dict[str, str] = {}  # what a client process needs: PREFECT_API_URL, PREFECT_HOME
        self._url = ""

    def start(self, timeout: float = 120) -> "LocalServer":
        """Start and wait for the health check; on failure ``env`` stays empty (temporary servers)."""
        return self.launch().wait(timeout)

    def launch(self) -> "LocalServer":
        """Start the server process and return at once (`wait` for it to answer)."""
        exe = Path(sys.executable).parent / "prefect"
        if os.environ.get("CLAIMTRACK_TEST_EPHEMERAL") or not exe.exists():
            return self
        self.home = tempfile.mkdtemp(prefix="claimtrack-test-prefect-")
        port = free_port()
        env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
        env |= {"PREFECT_HOME": self.home, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                "PREFECT_SERVER_UI_ENABLED": "false"}
        with open(Path(self.home) / "server.log", "wb") as log:
            # tethered: a test process killed outright (a timeout) takes its server with it
            self.proc = subprocess.Popen(tethered([str(exe), "server", "start", "--host", "127.0.0.1", "--port", str(port),
                                                   "--no-services", "--no-ui", "--analytics-off"]),
                                         env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self._url = f"http://127.0.0.1:{port}/api"
        return self

    def wait(self, timeout: float = 120) -> "LocalServer":
        """Wait for the launched server's health check; on failure stop it (``env`` stays empty)."""
        if self.proc is None:
            return self
        url = self._url
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.proc.poll() is None:
            try:
                with urllib.request.urlopen(url + "/health", timeout=2) as resp:
                    if resp.status == 200:
                        self.env = {"PREFECT_API_URL": url, "PREFECT_HOME": self.home}
                        return self
            except OSError:
                time.sleep(0.5)
        self.stop()
        return self

    def stop(self) -> None:
        """End the server and its workers (its own process group) and remove its home."""
        proc, self.proc, self.env = self.proc, None, {}
        if proc is not None and proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
        if self.home:
            shutil.rmtree(self.home, ignore_errors=True)
