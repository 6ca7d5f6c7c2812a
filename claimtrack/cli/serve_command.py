"""``claimtrack serve``: the nightly flow on a schedule, served against a long-lived Prefect server.

Prefect 3's ``flow.serve`` registers a deployment (``nightly/claimtrack``) with its cron schedule
and runs each scheduled (or manually triggered) run in this process. It needs a real server: the
temporary one that ``claimtrack run`` starts cannot schedule anything. The README shows the
commands::

    prefect server start --host 127.0.0.1 --background
    export PREFECT_API_URL=http://127.0.0.1:4200/api
    claimtrack serve --cron "0 2 * * *" --timezone Europe/Berlin

Only click is imported at module level: Prefect is imported inside the command.
"""
from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import threading
from pathlib import Path

import click

from claimtrack.cli.errors import UserError
from claimtrack.cli.options import pipeline_options

DEPLOYMENT = "claimtrack"
START_SERVER_HINT = ("start one with `prefect server start --host 127.0.0.1 --background` and "
                     "`export PREFECT_API_URL=http://127.0.0.1:4200/api`")


def _fail(message: str) -> click.ClickException:
    return UserError(message)


def check_server(api_url: str | None, timeout: float = 5.0) -> str:
    """The API URL if a Prefect server answers there; a one-line ``UserError`` otherwise."""
    if not api_url:
        raise _fail("claimtrack serve needs a long-lived Prefect server and PREFECT_API_URL: " + START_SERVER_HINT)
    import httpx

    try:
        resp = httpx.get(api_url.rstrip("/") + "/health", timeout=timeout)
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        raise _fail(f"no Prefect server answers at PREFECT_API_URL={api_url} ({type(exc).__name__}); "
                    + START_SERVER_HINT) from None
    return api_url


def check_schedule(cron: str, timezone: str | None) -> None:
    """Refuse a cron expression or a time zone that Prefect would reject, in one line."""
    from pydantic import ValidationError
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValidationError as exc:
        field = exc.errors()[0].get("loc", ("cron",))[0]
        if field == "timezone":
            raise _fail(f"--timezone {timezone!r} is not a time zone (e.g. UTC, Europe/Berlin)") from None
        raise _fail(f"--cron {cron!r} is not a cron expression (five fields, e.g. \"0 2 * * *\")") from None


@click.command()
@click.option("--cron", default="0 2 * * *", show_default=True, help="When to run (cron syntax).")
@click.option("--timezone", default="UTC", show_default=True,
              help="Time zone of the cron schedule (e.g. Europe/Berlin).")
@pipeline_options
@click.option("--name", default=DEPLOYMENT, show_default=True,
              help="Deployment name: trigger a run now with `prefect deployment run nightly/NAME`.")
def serve(cron: str, timezone: str, raw_dir: Path, curated_dir: Path, fetch: bool | None,
          config_path: Path | None, task_runner: str, dask_address: str | None, name: str) -> None:
    """Serve the nightly flow on a schedule against a Prefect server (runs until stopped)."""
    if not raw_dir.is_dir():
        raise _fail(f"raw folder {raw_dir} does not exist (pass --raw DIR)")
    if curated_dir.exists() and not curated_dir.is_dir():
        raise _fail(f"{curated_dir} is not a folder (pass --curated DIR)")
    if config_path is not None and not config_path.is_file():
        raise _fail(f"config {config_path} does not exist (pass --config FILE)")
    if dask_address and task_runner != "dask":
        raise _fail("--dask-address needs --task-runner dask")
    if config_path is None and Path("claimtrack.toml").is_file():
        config_path = Path("claimtrack.toml")
    if config_path is not None:
        from claimtrack.stages.fetch import ConfigError, load_config

        try:
            load_config(config_path)  # a bad config fails now, not at 2 am
        except ConfigError as exc:
            raise _fail(str(exc)) from None
    from claimtrack.run.prefect_server import configure_prefect

    configure_prefect()
    check_schedule(cron, timezone)
    check_server(os.environ.get("PREFECT_API_URL"))
    from prefect.schedules import Cron

    from claimtrack.run.flow import nightly
    from claimtrack.run.prefect_server import one_line_warnings

    one_line_warnings()  # e.g. its websocket to a server that went away: one line, no traceback
    # Absolute paths: a run started later must not depend on where serve was started from.
    parameters = {"raw_dir": str(raw_dir.resolve()), "curated_dir": str(curated_dir.resolve()),
                  "fetch": fetch, "config": str(config_path.resolve()) if config_path else None,
                  "task_runner": task_runner, "dask_address": dask_address}
    click.echo(f"claimtrack serve: nightly/{name} at {cron!r} ({timezone}); raw {parameters['raw_dir']}, "
               f"curated {parameters['curated_dir']}. Stop with Ctrl-C.", err=True)
    served = Served(nightly, name, [Cron(cron, timezone=timezone)], parameters)
    code = served.until_signalled()
    if code:
        raise _fail(served.error or "the Prefect runner stopped")


#: seconds a stop request (SIGTERM, SIGINT) gives the runner to pause the schedule and end;
#: after that (a Prefect server that no longer answers) the process ends anyway
STOP_WITHIN = 7.0


class Served:
    """A Prefect ``Runner`` serving the flow on its own thread, stopped by SIGTERM or SIGINT.

    ``flow.serve`` runs the runner on the main thread and answers SIGTERM by pausing the
    deployment's schedule through the API: with the server gone, that call retries for minutes.
    Here the main thread only waits for a signal, asks the runner to stop, and gives it
    `STOP_WITHIN` seconds; a second signal, or the deadline, ends the process at once.
    """

    def __init__(self, flow, name: str, schedules: list, parameters: dict) -> None:
        self.flow, self.name, self.schedules, self.parameters = flow, name, schedules, parameters
        self.error: str | None = None
        self.signalled = threading.Event()
        self._loop = None
        self._runner = None
        self._thread = threading.Thread(target=self._serve, name="claimtrack-serve", daemon=True)

    def _serve(self) -> None:
        from prefect.runner import Runner

        async def main() -> None:
            self._loop = asyncio.get_running_loop()
            self._runner = Runner(name=self.name, pause_on_shutdown=True)
            await self._runner.aadd_flow(self.flow, name=self.name, schedules=self.schedules,
                                         parameters=self.parameters)
            if not self.signalled.is_set():
                await self._runner.start()

        try:
            asyncio.run(main())
        except Exception as exc:  # noqa: BLE001  (the main thread reports it in one line)
            if not self.signalled.is_set():
                self.error = f"the Prefect runner stopped: {type(exc).__name__}: {str(exc)[:200]}"

    def _on_signal(self, signum, frame) -> None:
        if self.signalled.is_set():  # a second signal: stop now
            _leave(f"claimtrack serve: {signal.Signals(signum).name} again, stopped")
        self.signalled.set()

    def until_signalled(self) -> int:
        """Serve until SIGTERM or SIGINT (0), or until the runner fails (1)."""
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, self._on_signal)
        self._thread.start()
        while self._thread.is_alive() and not self.signalled.wait(0.5):
            pass
        if not self.signalled.is_set():
            return 1 if self.error else 0
        click.echo("claimtrack serve: stopping", err=True)
        loop, runner = self._loop, self._runner
        if loop is not None and runner is not None and runner.started:
            try:
                asyncio.run_coroutine_threadsafe(runner.astop(), loop)
            except RuntimeError:  # the loop has just ended
                pass
        self._thread.join(STOP_WITHIN)
        if self._thread.is_alive():
            _leave(f"claimtrack serve: stopped (the runner did not finish within {STOP_WITHIN:.0f} s: "
                   "is the Prefect server gone? Its schedule may still be active)")
        click.echo("claimtrack serve: stopped", err=True)
        return 0


def _leave(line: str) -> None:
    """End the process now with ``line`` as its last output (the runner's thread may be stuck
    in a call to a server that no longer answers; nothing of the run is lost: runs are committed
    atomically, and an interrupted one is recovered by the next)."""
    click.echo(line, err=True)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
