"""One run's identity: its id, folders, start time and parameters.

>>> run = new_run("data/raw", "/tmp/curated", batch_size=500)
>>> run.run_id[8] == "T" and run.parameters
{'batch_size': 500}
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from claimtrack.store import Curated


class PipelineError(RuntimeError):
    """A run that stopped before publishing; the message says why and what to do."""


@dataclass
class Run:
    run_id: str
    raw_dir: Path
    curated: Curated
    started_at: datetime
    parameters: dict = field(default_factory=dict)
    #: seconds per stage so far, recorded in the runs row (empty when a stage is called alone)
    stage_seconds: dict = field(default_factory=dict)

    @property
    def ingest_date(self) -> str:
        return self.started_at.strftime("%Y-%m-%d")


def new_run(raw_dir: Path | str, curated_dir: Path | str, **parameters) -> Run:
    now = datetime.now(timezone.utc)
    run_id = now.strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]
    return Run(run_id, Path(raw_dir), Curated(curated_dir), now, parameters)
