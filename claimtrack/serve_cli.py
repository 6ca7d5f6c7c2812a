"""``claimtrack serve``: the nightly flow on a schedule (placeholder until it lands).

Only click is imported at module level: Prefect is imported inside the command.
"""
from __future__ import annotations

import click


@click.command()
@click.option("--cron", default="0 2 * * *", show_default=True, help="When to run (cron syntax).")
def serve(cron: str) -> None:
    """Serve the nightly flow on a schedule against a Prefect server."""
    raise click.ClickException("not implemented yet")
