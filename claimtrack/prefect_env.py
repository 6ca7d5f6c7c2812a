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
