"""``claimtrack review`` and ``claimtrack report`` (placeholders until the reviewer workflow lands).

Only click is imported at module level: heavy imports go inside the commands.
"""
from __future__ import annotations

import click


@click.group(invoke_without_command=True)
@click.pass_context
def review(ctx: click.Context) -> None:
    """Walk through open flags; confirm or dismiss each."""
    if ctx.invoked_subcommand is None:
        raise click.ClickException("not implemented yet")


@click.command()
def report() -> None:
    """Write the HTML page of open flags, side by side."""
    raise click.ClickException("not implemented yet")
