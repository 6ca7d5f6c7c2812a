"""A long-lived Prefect server for `claimtrack serve`, started and stopped by claimtrack.

``prefect server start --background`` keeps the server's output on a pipe to the command that
started it: once that command has exited, the server dies on the first line it writes (offline,
its analytics lookup fails and logs one at once), and its PID file, left behind, then blocks the
next start. Here the server runs Prefect's own ``prefect server start`` in the foreground of a
detached process, writing to a log file, with the offline settings; the PID file names the
process, and a PID whose process is gone is cleaned up, never an obstacle.

>>> pid_file(Path("/srv/.prefect"))
PosixPath('/srv/.prefect/claimtrack-server.pid')
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from claimtrack.run.prefect_server import OFFLINE_DEFAULTS

DEFAULT_PORT = 4200
LOG_NAME = "claimtrack-server.log"


class ServerError(RuntimeError):
    """The server could not be started or stopped; the message says why."""


def pid_file(home: Path) -> Path:
    return Path(home) / "claimtrack-server.pid"


def api_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/api"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process holds that number now
        return False
    return True


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def running(home: Path) -> tuple[int, int] | None:
    """(pid, port) of the server this home's PID file names, if it is alive; a stale file is removed."""
    path = pid_file(home)
    try:
        pid, port = (int(x) for x in path.read_text().split())
    except (OSError, ValueError):
        path.unlink(missing_ok=True)  # unreadable: stale
        return None
    if not _alive(pid):
        path.unlink(missing_ok=True)
        return None
    return pid, port


def start(home: Path, port: int = DEFAULT_PORT, timeout: float = 180.0) -> tuple[str, bool]:
    """Start the server (or find it running): its API URL, and whether it was already running."""
    home = Path(home)
    found = running(home)
    if found is not None:
        if found[1] != port:
            raise ServerError(f"a claimtrack Prefect server already runs on port {found[1]} (pid {found[0]}): "
                              "`claimtrack server stop` first")
        return api_url(port), True
    home.mkdir(parents=True, exist_ok=True)
    env = os.environ | {k: os.environ.get(k, v) for k, v in OFFLINE_DEFAULTS.items()} | {"PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    with open(home / LOG_NAME, "ab") as log:
        process = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                    "--port", str(port)],
                                   env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)  # not stopped with this terminal's session
    pid_file(home).write_text(f"{process.pid} {port}\n")
    url = api_url(port)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pid_file(home).unlink(missing_ok=True)
            raise ServerError(f"the Prefect server exited with code {process.returncode} (see {home / LOG_NAME})")
        if _healthy(url):
            return url, False
        time.sleep(0.25)
    stop(home)
    raise ServerError(f"the Prefect server did not answer within {timeout:.0f} s (see {home / LOG_NAME})")


def stop(home: Path, timeout: float = 15.0) -> bool:
    """Stop the server this home's PID file names; False if none was running."""
    found = running(Path(home))
    if found is None:
        return False
    pid = found[0]
    for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5.0)):
        try:
            os.killpg(pid, sig)  # the server and its workers (its own session)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and _alive(pid):
            _reap(pid)
            time.sleep(0.1)
        if not _alive(pid):
            break
    pid_file(Path(home)).unlink(missing_ok=True)
    return True


def _reap(pid: int) -> None:
    """Collect the exit status if the server is this process's own child (no zombie left)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
