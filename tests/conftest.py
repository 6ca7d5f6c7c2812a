"""Test setup: a throwaway Prefect home, set before anything imports Prefect."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

_PREFECT_HOME = tempfile.mkdtemp(prefix="claimtrack-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.pop("PREFECT_API_URL", None)  # always the temporary local server, never a real one

from claimtrack.run.prefect_server import configure_prefect  # noqa: E402

configure_prefect()

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "data" / "raw" / "dw-2018-09-17-putin-erdogan-sochi.txt"


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)


@pytest.fixture
def workspace(tmp_path: Path):
    """An empty raw folder and curated folder on disk."""
    raw, curated = tmp_path / "raw", tmp_path / "curated"
    raw.mkdir()
    return raw, curated


@pytest.fixture
def sample_raw(workspace):
    """The raw folder holding the committed DW sample article."""
    raw, curated = workspace
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    return raw, curated
