"""Failures seen from the command line: a failing check, a full disk, a stage that raises.

Each case runs the real ``claimtrack run`` in a subprocess and checks that the tables stay as
they were, ``runs`` says what failed (where the disk lets it), the exit status is non-zero, the
message is one line without a traceback, and the next run does the work.

The first night (a real flow run) is made once for the module and copied for each test. CLI
subprocesses talk to the session's local Prefect server (``claimtrack_cli``, tests/conftest.py).
"""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from claimtrack.run.flow import nightly
from support.cli import assert_clean_failure
from support.nights import first_run
from support.tables import runs_rows, table_state

pytestmark = pytest.mark.slow  # a flow run, then a `claimtrack run` subprocess per test


@pytest.fixture(scope="module")
def first_night(tmp_path_factory) -> tuple[Path, Path]:
    """One real flow run over STORIES, once for this module; LATER waits in raw/ (read only)."""
    return first_run(tmp_path_factory.mktemp("first-night"))


@pytest.fixture
def after_first_run(first_night, tmp_path) -> tuple[Path, Path]:
    """The shared raw folder and this test's own copy of the first night's curated folder."""
    raw, curated = first_night
    shutil.copytree(curated, tmp_path / "curated")
    return raw, tmp_path / "curated"


# ---------------------------------------------------------------------------- the tests


def test_failing_expectation_from_the_cli_publishes_nothing_and_says_why(after_first_run, claimtrack_cli):
    raw, curated = after_first_run
    before = table_state(curated)
    patch = ("import claimtrack.run.pipeline as p\n"
             "from claimtrack.records import Claim\n"
             "p.extract_articles = lambda arts: ([], [Claim(claim_id='bad-' + a.article_id, article_id=a.article_id,"
             " surface='zz', value=1.0, low=1.0, high=1.0, qualifier='exact', start=0, end=2) for a in arts])")
    done = claimtrack_cli.run(raw, curated, patch=patch)
    assert_clean_failure(done, "validation failed", "nothing was published", "span_matches")
    assert table_state(curated) == before
    failed = runs_rows(curated).iloc[-1]
    assert failed["status"] == "failed" and "span_matches" in failed["error"]


def test_exception_in_a_stage_from_the_cli_leaves_tables_and_records_the_error(after_first_run, claimtrack_cli):
    raw, curated = after_first_run
    before = table_state(curated)
    patch = ("import claimtrack.run.pipeline as p\n"
             "def boom(*a, **k):\n    raise RuntimeError('matcher exploded')\n"
             "p.match_stage = boom")
    done = claimtrack_cli.run(raw, curated, patch=patch)
    assert_clean_failure(done, "RuntimeError: matcher exploded", "left as they were")
    assert table_state(curated) == before
    assert runs_rows(curated).iloc[-1][["status", "error"]].tolist() == ["failed", "RuntimeError: matcher exploded"]


def test_disk_full_while_publishing_leaves_tables_and_runs_says_so(after_first_run, claimtrack_cli):
    """ENOSPC injected at the storage layer on the second staged file of the publish commit."""
    raw, curated = after_first_run
    before = table_state(curated)
    done = claimtrack_cli.run(raw, curated, env={"CLAIMTRACK_CRASH_AT": "staged:2:enospc"})
    assert_clean_failure(done, "No space left on device", "free some space and run again", "left as they were")
    assert table_state(curated) == before
    assert not any((curated / "_staging").glob("*")), "a failed commit must not leave staged files"
    failed = runs_rows(curated).iloc[-1]
    assert failed["status"] == "failed" and "No space left on device" in failed["error"]
    # the space is back: the next run does the work
    assert nightly(raw_dir=str(raw), curated_dir=str(curated))["articles"] == 1
    assert table_state(curated)["articles"] != before["articles"]


def _mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir(parents=True)
    if shutil.which("mount") is None or os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                          capture_output=True, text=True)
    return done.returncode == 0


def _fill(path: Path) -> None:
    """Write into ``path`` until the filesystem is full (unbuffered: every byte that fits lands)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for chunk in (1 << 16, 1 << 12, 1):
            try:
                while True:
                    os.write(fd, b"\0" * chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)


def test_a_really_full_disk_leaves_tables_as_they_were(first_night, claimtrack_cli, tmp_path):
    """The curated folder on a 2 MB tmpfs filled to the last byte (needs root and mount)."""
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "2m"):
        pytest.skip("cannot mount a tmpfs here (not root, or no mount permission)")
    try:
        raw, first_curated = first_night  # the first run's tables, copied onto the small disk
        curated = disk / "curated"
        shutil.copytree(first_curated, curated)
        before = table_state(curated)
        _fill(disk / "filler")
        done = claimtrack_cli.run(raw, curated)
        assert_clean_failure(done, "No space left on device", "free some space and run again")
        assert table_state(curated) == before
        assert not any((curated / "_staging").glob("*"))
        (disk / "filler").unlink()
        assert nightly(raw_dir=str(raw), curated_dir=str(curated))["articles"] == 1
        assert len(pd.read_parquet(curated / "articles")) == len(before["articles"]) + 1
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
