"""Test setup: a throwaway Prefect home, set before anything imports Prefect; fixtures that
tests in several folders share. Helpers without set-up live in tests/support."""
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

from support import REPO, SAMPLE  # noqa: E402,F401  (REPO: for the test files that import it from here)
from support.cli import Cli  # noqa: E402
from support.server import LocalServer  # noqa: E402


def pytest_sessionfinish(session, exitstatus):
    while _SESSION_SETTINGS:
        _SESSION_SETTINGS.pop().__exit__(None, None, None)
    _SERVER.stop()
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)


# Test folders whose tests run the nightly flow in this process.
FLOW_FOLDERS = {"cli", "review", "run"}


def pytest_collection_modifyitems(session, config, items):
    """Files holding a ``slow`` test first, every other file after them, each in its order.

    With ``-n 3`` (addopts) pytest-xdist hands out whole files (``--dist loadfile``) in this
    order as workers free up (``--no-loadscope-reorder``): the minute-long files start early on
    the workers and the many short ones fill the gaps, instead of one worker ending the run
    alone in the wheel build. A run without xdist runs the same tests, in the same order.
    """
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)  # stable: each file keeps its order


_SESSION_SETTINGS = []  # the Prefect settings context entered below, left at the session's end
_SERVER = LocalServer()  # this test process's local Prefect server (support.server)


def pytest_collection_finish(session):
    """Before a session that runs flows in this process: import Great Expectations once, and
    turn off Prefect's flow-run heartbeats.

    A night of a few files validates in a spawned worker that imports GX, unless this process
    has imported it already (``validates_aside``): the tests' dozens of small in-process nights
    would each spawn one (seconds of CPU apiece), where a long-lived process pays once. Every
    ``claimtrack run`` subprocess of the tests still takes the worker path, and
    tests/run/test_validation_worker.py tests the worker itself.

    Heartbeats tell a long-lived server that a run's process is alive; each in-process flow
    waits up to 1 s for the heartbeat thread at its end (dozens of flows here). ``claimtrack
    run`` turns them off for its own temporary server the same way (``TemporaryServer.settings``),
    and its subprocesses in the tests keep their own settings.
    """
    if any(item.path.parent.name in FLOW_FOLDERS for item in session.items):
        _SERVER.launch()  # boots while GX and Prefect import
        # here, not at the top: a session of parser or matcher tests alone does not pay for these
        import great_expectations  # noqa: F401
        from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        updates = {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
        if _SERVER.wait().env:  # the in-process flows on the session's server, not a temporary one
            updates[PREFECT_API_URL] = _SERVER.env["PREFECT_API_URL"]
        context = temporary_settings(updates=updates)
        context.__enter__()
        _SESSION_SETTINGS.append(context)


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


@pytest.fixture(scope="session")
def prefect_api():
    """One local Prefect server for the whole session: the environment a client process needs
    to use it (PREFECT_API_URL, PREFECT_HOME), or {} when it could not start (see support.server).
    The one the in-process flows use when there are any, else started now."""
    if _SERVER.proc is None:
        _SERVER.start()
    return dict(_SERVER.env)


@pytest.fixture(scope="session")
def claimtrack_cli(prefect_api):
    """``claimtrack run`` as a subprocess talking to the session's Prefect server."""
    return Cli(prefect_api)


@pytest.fixture
def history(tmp_path):
    """A curated folder holding a first night: article a1 with a quote and a claim."""
    # imported here, not at the top: it imports pandas and the extractors (about 3 s), which a
    # session of parser or matcher tests alone does not need
    from support.validation import first_night

    return first_night(tmp_path)
