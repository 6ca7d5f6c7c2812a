"""``claimtrack server start|stop|status``: the long-lived Prefect server that ``claimtrack serve``
needs, started so that it stays up offline (see `claimtrack.run.server_process`).

Only click is imported at module level.
"""
from __future__ import annotations

import os
from pathlib import Path

import click

from claimtrack.cli.errors import UserError


def _home() -> Path:
    from claimtrack.run.prefect_server import configure_prefect

    configure_prefect()  # the project's own .prefect unless PREFECT_HOME says otherwise
    return Path(os.environ["PREFECT_HOME"])


@click.group()
def server() -> None:
    """Start, stop or check the long-lived Prefect server (for `claimtrack serve`)."""


@server.command()
@click.option("--port", default=4200, show_default=True, type=click.IntRange(1, 65535))
def start(port: int) -> None:
    """Start the Prefect server on 127.0.0.1 in the background (a stale PID file is cleared)."""
    from claimtrack.run.server_process import ServerError, start as start_server

    home = _home()
    try:
        url, already = start_server(home, port)
    except ServerError as exc:
        raise UserError(str(exc)) from None
    click.echo(f"Prefect server {'already ' if already else ''}running at {url} (log: {home}/claimtrack-server.log)")
    click.echo(f"export PREFECT_API_URL={url}")


@server.command()
def stop() -> None:
    """Stop the Prefect server started by `claimtrack server start`."""
    from claimtrack.run.server_process import stop as stop_server

    click.echo("Prefect server stopped" if stop_server(_home()) else "no Prefect server was running")


@server.command()
def status() -> None:
    """Say whether the Prefect server runs (exit status 1 if not)."""
    from claimtrack.run.server_process import api_url, running

    found = running(_home())
    if found is None:
        click.echo("no Prefect server is running")
        raise click.exceptions.Exit(1)
    click.echo(f"Prefect server running at {api_url(found[1])} (pid {found[0]})")
