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

import os
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
    from claimtrack.run.serving import Served

    one_line_warnings()  # e.g. its websocket to a server that went away: one line, no traceback
    # Absolute paths: a run started later must not depend on where serve was started from.
    parameters = {"raw_dir": str(raw_dir.resolve()), "curated_dir": str(curated_dir.resolve()),
                  "fetch": fetch, "config": str(config_path.resolve()) if config_path else None,
                  "task_runner": task_runner, "dask_address": dask_address}
    click.echo(f"claimtrack serve: nightly/{name} at {cron!r} ({timezone}); raw {parameters['raw_dir']}, "
               f"curated {parameters['curated_dir']}. Stop with Ctrl-C.", err=True)
    served = Served(nightly, name, [Cron(cron, timezone=timezone)], parameters,
                    say=lambda line: click.echo(line, err=True))
    if served.until_signalled():
        raise _fail(served.error or "the Prefect runner stopped")
