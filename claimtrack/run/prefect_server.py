"""Prefect settings for a machine with no network, applied before Prefect is first imported.

Every value is a default: anything already set in the environment (a real PREFECT_API_URL, a
shared PREFECT_HOME) wins.
"""
from __future__ import annotations

import os
from pathlib import Path

OFFLINE_DEFAULTS = {
    # No telemetry: the lookup fails here and logs an ERROR line.
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # The temporary server can take more than the 20 s default to start on a slow, cold machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # The run prints its own summary; Prefect's per-task INFO lines would bury it.
    "PREFECT_LOGGING_LEVEL": "WARNING",
}


def configure_prefect(project_dir: Path | str | None = None) -> None:
    """Point Prefect at the project's own home (``<project>/.prefect``) and switch telemetry off."""
    for key, value in OFFLINE_DEFAULTS.items():
        os.environ.setdefault(key, value)
    home = Path(project_dir or Path.cwd()) / ".prefect"
    os.environ.setdefault("PREFECT_HOME", str(home.resolve()))


class TemporaryServer:
    """Prefect's temporary API server for one `claimtrack run`, started before the run's imports.

    Prefect starts its own temporary server on the first API call and waits for it (about 7 s
    here, longer on a fresh ``PREFECT_HOME``): the run's imports and its look at the raw folder
    would wait behind it. Started here first, the server boots in its own process while this one
    imports Prefect, pandas and Great Expectations; `ready()` then waits for what is left.

    The command is the one Prefect's own ``SubprocessASGIServer`` runs. ``PREFECT_API_URL`` is
    set for this process (and any worker it starts), so Prefect uses this server and starts none.
    Nothing happens when ``PREFECT_API_URL`` is already set (a long-lived server).
    """

    def __init__(self) -> None:
        self.process = None
        self.api_url: str | None = None
        self.reused = False  # already running for an earlier run of this process
        self._set_up: _SetUpMarker | None = None

    _running: "TemporaryServer | None" = None  # one per process, as Prefect keeps its own

    @classmethod
    def for_this_process(cls) -> "TemporaryServer":
        """The process's temporary server: started now, or the one already running."""
        server = cls._running
        if server is None or server.process is None or server.process.poll() is not None:
            server = cls._running = cls().start()
        else:
            server.reused = True
            os.environ["PREFECT_API_URL"] = server.api_url
        return server

    @classmethod
    def url(cls) -> str | None:
        """The API URL of this process's running temporary server, if any."""
        server = cls._running
        return server.api_url if server is not None and server.process is not None else None

    def start(self) -> "TemporaryServer":
        import atexit
        import importlib.util
        import socket
        import subprocess
        import sys

        if os.environ.get("PREFECT_API_URL"):
            return self
        spec = importlib.util.find_spec("prefect")
        app_dir = Path(next(iter(spec.submodule_search_locations))).parent
        with socket.socket() as sock:  # a free port on loopback, as Prefect picks one
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        env = os.environ | {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                            "PREFECT__SERVER_FINAL": "1"}
        self._set_up = _SetUpMarker.for_environment()
        if self._set_up is not None and self._set_up.holds():
            env |= SET_UP_SKIPS
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
             "--log-level", "error", "--lifespan", "on"],
            env=env, stdin=subprocess.DEVNULL)
        atexit.register(self.stop)
        self.api_url = f"http://127.0.0.1:{port}/api"
        os.environ["PREFECT_API_URL"] = self.api_url
        return self

    def ready(self, timeout: float | None = None) -> None:
        """Wait until the server answers its health check; a clear error if it never does."""
        import time
        import urllib.request

        if self.process is None:
            return
        timeout = timeout or float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", 90))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"Prefect's temporary server exited with code {self.process.returncode} "
                                   "before it was ready")
            try:
                with urllib.request.urlopen(self.api_url + "/health", timeout=2) as response:
                    if response.status == 200:
                        if self._set_up is not None:
                            self._set_up.record()
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"Prefect's temporary server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        import subprocess

        process, self.process = self.process, None
        if process is None:
            return
        if os.environ.get("PREFECT_API_URL") == self.api_url:
            del os.environ["PREFECT_API_URL"]
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def settings(self):
        """Prefect settings pointing at this server, for ``with``: also right when Prefect was
        imported (and read its settings) before the server started.

        No flow-run heartbeats: they tell a long-lived server that the run's process is still
        alive, so that it can mark the runs of a crashed process as crashed; this server lives
        and dies with the process. (Their thread sleeps in 1 s steps, and the run waits for it
        to wake at the end: up to 1 s per run.)
        """
        from contextlib import nullcontext

        if self.api_url is None:
            return nullcontext()
        from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        return temporary_settings(updates={PREFECT_API_URL: self.api_url, PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None})


#: what a server start skips once its database is set up (about 1 s of the ~6 s start here):
#: bringing the schema up to date (alembic) and registering Prefect's block types
SET_UP_SKIPS = {"PREFECT_SERVER_DATABASE_MIGRATE_ON_START": "false",
                "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false"}


class _SetUpMarker:
    """A file in ``PREFECT_HOME`` saying that a temporary server of this Prefect version has
    started on this database with its full set-up (schema migrations, block types).

    Only for Prefect's default database (``PREFECT_HOME/prefect.db``): the marker names the
    version and the database file's inode, so a Prefect upgrade, or a deleted or replaced
    database, brings the full set-up back on the next start.
    """

    def __init__(self, home: Path, version: str) -> None:
        self.database = home / "prefect.db"
        self.path = home / f".claimtrack-server-set-up-{version}"

    @classmethod
    def for_environment(cls) -> "_SetUpMarker | None":
        from importlib.metadata import PackageNotFoundError, version

        home = Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect"))
        custom = any(k.startswith(("PREFECT_SERVER_DATABASE_", "PREFECT_API_DATABASE_")) for k in os.environ)
        if custom or os.environ.get("PREFECT_PROFILES_PATH") or (home / "profiles.toml").exists():
            return None  # a database (or a profile that may name one) this cannot vouch for
        try:
            return cls(home, version("prefect"))
        except PackageNotFoundError:
            return None

    def _inode(self) -> str | None:
        try:
            return str(self.database.stat().st_ino)
        except OSError:
            return None

    def holds(self) -> bool:
        try:
            return self._inode() is not None and self.path.read_text() == self._inode()
        except OSError:
            return False

    def record(self) -> None:
        inode = self._inode()
        if inode is None or self.holds():
            return
        try:
            self.path.write_text(inode)
        except OSError:  # a read-only home: the next start does the full set-up again
            pass
