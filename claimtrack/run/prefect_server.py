"""Every place where claimtrack leans on Prefect beyond its documented API, in one module.

- `configure_prefect`: settings for a machine with no network, applied before Prefect is first
  imported (public settings; anything already set in the environment wins).
- `TemporaryServer`: the command of Prefect's own temporary server (``SubprocessASGIServer``),
  started before the run imports Prefect. Importing ``prefect.server.api.server`` to call that
  class costs the client 2-10 s here (the whole server app), which is what starting early saves.
  Its private variables (``PREFECT__SERVER_EPHEMERAL``, ``PREFECT__SERVER_FINAL``) are in
  `SERVER_ENV`; tests/test_prefect_hooks.py compares `server_command` with the class's own
  command, so an upgrade that changes it fails that test instead of silently slowing runs.
- `RUN_MODULES`: what a flow run imports on first use, imported while the server boots (a
  renamed module fails the same test file, not the run).
"""
from __future__ import annotations

import os
from pathlib import Path

from claimtrack.run.tether import tethered

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


#: the environment Prefect's ``SubprocessASGIServer`` gives its server process (private names)
SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
#: the exit code of a server whose port was taken (uvicorn's); Prefect then starts it on another
PORT_TAKEN = 3


def server_command(port: int) -> list[str]:
    """The command line of Prefect's temporary server (``SubprocessASGIServer``'s), on ``port``."""
    import importlib.util
    import sys

    spec = importlib.util.find_spec("prefect")  # where prefect lives, without importing it
    app_dir = Path(next(iter(spec.submodule_search_locations))).parent
    return [sys.executable, "-m", "uvicorn", "--app-dir", str(app_dir), "--factory",
            "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port),
            "--log-level", "error", "--lifespan", "on"]


def free_port() -> int:
    """A free TCP port on loopback, as Prefect picks one."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
        self.log_path: Path | None = None
        self._env: dict = {}
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

        if os.environ.get("PREFECT_API_URL"):
            return self
        port = free_port()
        env = os.environ | SERVER_ENV
        self._set_up = _SetUpMarker.for_environment()
        if self._set_up is not None and self._set_up.holds():
            env |= SET_UP_SKIPS
        self._env = env
        self._launch(port)
        atexit.register(self.stop)
        return self

    def _launch(self, port: int) -> None:
        import subprocess

        # The server's own output (and its tracebacks when it is stopped mid-request) goes to a
        # log file, not under the run's last line; `ready` quotes it if the server fails.
        self.log_path = Path(os.environ["PREFECT_HOME"]) / "temporary-server.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(tethered(server_command(port)), env=self._env, stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=subprocess.STDOUT)
        self.api_url = f"http://127.0.0.1:{port}/api"
        os.environ["PREFECT_API_URL"] = self.api_url

    def ready(self, timeout: float | None = None) -> None:
        """Wait until the server answers its health check; a clear error if it never does."""
        import time
        import urllib.request

        if self.process is None:
            return
        timeout = timeout or float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", 90))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code == PORT_TAKEN:  # another process took the port first: Prefect tries another
                self._launch(free_port())
                continue
            if code is not None:
                raise RuntimeError(f"Prefect's temporary server exited with code {code} before it was "
                                   f"ready: {self.log_tail()} (log: {self.log_path})")
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

    def log_tail(self) -> str:
        """The server log's last line (where a failed start says why)."""
        try:
            lines = self.log_path.read_text(errors="replace").strip().splitlines()
        except OSError:
            lines = []
        return lines[-1][:200] if lines else "no output"

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


#: modules a flow run imports on first use (Prefect's run engines, the encoder of flow
#: parameters, the task graph helpers), imported while the temporary server boots
RUN_MODULES = ("prefect.flow_engine", "prefect.task_engine", "fastapi.encoders",
               "prefect.utilities.visualization")


def preload_run_modules() -> None:
    """Import `RUN_MODULES` now, while the server boots (a missing one is an error: see the
    module docstring)."""
    import importlib

    for name in RUN_MODULES:
        importlib.import_module(name)


def quiet_tracebacks() -> None:
    """Prefect prints a failed flow's traceback on the console; the CLI prints one line instead.

    Only console handlers are filtered: the Prefect API (and its UI) still gets the full log.
    """
    import logging

    from prefect.logging.configuration import setup_logging

    class NoConsoleErrors(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return record.levelno < logging.ERROR or not record.name.startswith("prefect")

    setup_logging()  # idempotent; makes sure Prefect's console handler exists before we filter it
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.addFilter(NoConsoleErrors())
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    # Prefect's background senders say at exit that they are still sending ("Still processing
    # items: 1 items remaining..."): noise after the run's own last line; they still send.
    for name in ("EventsWorker", "APILogWorker"):
        logging.getLogger(name).setLevel(logging.ERROR)


class _OneLineWarnings:
    """A console filter: a Prefect warning that carries a traceback (its websocket to a server
    that went away, say) is shown as one line naming the exception; errors keep theirs."""

    def filter(self, record) -> bool:
        import logging

        if record.exc_info and record.levelno < logging.ERROR and record.name.startswith("prefect"):
            exc = record.exc_info[1]
            record.msg = f"{record.getMessage()} ({type(exc).__name__}: {str(exc)[:200]})"
            record.args = ()
            record.exc_info = record.exc_text = None
        return True


def one_line_warnings() -> None:
    """Install `_OneLineWarnings` on the console handlers (for `claimtrack serve`)."""
    import logging

    from prefect.logging.configuration import setup_logging

    setup_logging()  # idempotent; Prefect's console handler exists after it
    for handler in logging.getLogger().handlers + logging.getLogger("prefect").handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.addFilter(_OneLineWarnings())
