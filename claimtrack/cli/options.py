"""Command-line options shared by ``claimtrack run`` and ``claimtrack serve`` (click only)."""
from __future__ import annotations

from pathlib import Path

import click

_PIPELINE_OPTIONS = [
    click.option("--raw", "raw_dir", default="data/raw", show_default=True, type=click.Path(path_type=Path),
                 help="Folder of input articles."),
    click.option("--curated", "curated_dir", default="data/curated", show_default=True,
                 type=click.Path(path_type=Path), help="Folder of the output tables."),
    click.option("--fetch/--no-fetch", default=None,
                 help="Fetch the feeds of the config into the raw folder first (default: the config's "
                      "[fetch] enabled, off without a config)."),
    click.option("--config", "config_path", default=None, type=click.Path(path_type=Path),
                 help="Feeds config (TOML).  [default: claimtrack.toml]"),
    click.option("--task-runner", type=click.Choice(["default", "dask"]), default="default", show_default=True,
                 help="Where the extract stage runs: this process's threads, or a Dask cluster."),
    click.option("--dask-address", default=None, metavar="tcp://HOST:PORT",
                 help="Scheduler of an existing Dask cluster (with --task-runner dask; default: a local cluster)."),
]


def pipeline_options(command):
    """--raw, --curated, --fetch, --config, --task-runner, --dask-address, in that order."""
    for option in reversed(_PIPELINE_OPTIONS):
        command = option(command)
    return command
