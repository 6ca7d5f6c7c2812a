"""SIGKILL at every step of a publish: every table reads back whole, as before or as after.

``claimtrack.store`` has a crash hook: ``CLAIMTRACK_CRASH_AT=staged:<k> | manifest | moved:<k>``
makes the process SIGKILL itself right after that step of a commit. A publish commit on an
existing folder has N files (articles, quotes, claims, matches, rejected, flags, runs), so there
are 2N + 1 kill points. For each one a fresh copy of the folder is published into by a process
that dies there; then

- every table must read back with pandas and equal its state before the run or after it;
- ``runs`` holds the run's row only if every other table is in its after-state;
- the next run (recover + the same work) must leave exactly the after-state: nothing lost,
  nothing twice.

The loop runs the pipeline's stage functions in a forked child process (no Prefect, no new
interpreter: a fraction of a second a kill instead of 10 s). The last test kills the real ``claimtrack run`` CLI twice, once in its
publish and once while the next run is rolling that commit forward; a third run finishes.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import time

import pandas as pd
import pytest

from claimtrack.store import MANIFEST, STAGING
from support.cli import finish
from support.nights import first_run, run_in_process
from support.tables import DATA_TABLES, runs_rows, table_state

def run_killed_at(raw, curated, point: str) -> int:
    """Run the stages in a forked child that SIGKILLs itself at ``point``; its return code.

    A fork starts with every module already imported (0.3 s a kill instead of 3 s for a new
    interpreter); the child is still a process of its own that dies without cleaning up.
    """
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        status = 3
        try:
            os.environ["CLAIMTRACK_CRASH_AT"] = point
            run_in_process(raw, curated)
            status = 0
        finally:
            os._exit(status)
    deadline = time.monotonic() + 120
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise AssertionError(f"the run to be killed at {point} hung")
        time.sleep(0.05)
    code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    assert code in (0, -signal.SIGKILL), f"the run to be killed at {point} failed (status {code})"
    return code


def check_before_or_after(curated, before, after, where: str) -> str:
    """Every table is whole and in its before- or after-state; returns 'before'/'after'/'mixed'."""
    state = table_state(curated)
    sides = set()
    for t in DATA_TABLES:
        assert state[t] in (before[t], after[t]), f"{where}: table {t} is neither as before nor as after"
        if before[t] != after[t]:
            sides.add("before" if state[t] == before[t] else "after")
    runs = runs_rows(curated)
    n_before = len(before["__runs"])
    assert len(runs) in (n_before, n_before + 1), where
    if len(runs) == n_before + 1:  # the run's row is written last: only after everything else
        assert sides == {"after"}, f"{where}: runs shows the run but tables are {sides}"
    return sides.pop() if len(sides) == 1 else "mixed"


def check_completed(curated, after, where: str) -> None:
    """After the next run: exactly the after-state, ids unique, every run id once."""
    state = table_state(curated)
    for t in DATA_TABLES:
        assert state[t] == after[t], f"{where}: table {t} differs from a clean run's"
    for table, key in (("articles", "article_id"), ("quotes", "quote_id"), ("claims", "claim_id"),
                       ("matches", "match_id"), ("flags", "flag_id")):
        ids = pd.read_parquet(curated / table)[key]
        assert ids.is_unique, f"{where}: duplicate {key}"
    runs = runs_rows(curated)
    assert runs["run_id"].is_unique, where
    assert not (curated / STAGING).exists() or not any((curated / STAGING).iterdir()), where


def with_runs(state, curated):
    return {**state, "__runs": runs_rows(curated)["run_id"].tolist()}


@pytest.fixture(scope="module")
def two_nights(tmp_path_factory):
    """Once for the module: a raw folder (read only from here on), the curated folder after its
    first run, and the table states before and after the second run."""
    raw, s0 = first_run(tmp_path_factory.mktemp("two-nights"), runner=run_in_process)
    (raw / "broken.json").write_text('{"text": "cut off')  # so `rejected` gains a row too
    before = with_runs(table_state(s0), s0)
    ref = s0.parent / "ref"
    shutil.copytree(s0, ref)
    run_in_process(raw, ref)
    after = with_runs(table_state(ref), ref)
    for t in ("articles", "quotes", "claims", "matches", "rejected"):
        assert after[t] != before[t], f"the second run must change {t}"
    return raw, s0, before, after


@pytest.fixture
def prepared(two_nights, tmp_path):
    """``two_nights`` with this test's own copy of the curated folder after the first run."""
    raw, s0, before, after = two_nights
    shutil.copytree(s0, tmp_path / "s0")
    return raw, tmp_path / "s0", before, after


def test_sigkill_at_every_step_of_a_publish_loses_nothing(prepared, tmp_path):
    raw, s0, before, after = prepared
    # The commit's files, from a run stopped right after its manifest.
    probe = tmp_path / "probe"
    shutil.copytree(s0, probe)
    assert run_killed_at(raw, probe, "manifest") == -signal.SIGKILL
    [staged] = list((probe / STAGING).iterdir())
    files = json.loads((staged / MANIFEST).read_text())
    assert files[-1].startswith("runs/") and len(files) >= 6, files

    points = [f"staged:{k}" for k in range(1, len(files) + 1)] + ["manifest"] + \
             [f"moved:{k}" for k in range(1, len(files) + 1)]
    survived, seen_sides = [], set()
    for point in points:
        work = tmp_path / f"kill-{point.replace(':', '-')}"
        shutil.copytree(s0, work)
        assert run_killed_at(raw, work, point) == -signal.SIGKILL, f"{point} was never reached"
        seen_sides.add(check_before_or_after(work, before, after, f"killed at {point}"))
        run_in_process(raw, work)  # the next run: recovery, then whatever work is left
        check_completed(work, after, f"run after a kill at {point}")
        shutil.rmtree(work)
        survived.append(point)
    # before the manifest the tables are untouched; after it the commit is rolled forward
    assert {"before", "after", "mixed"} <= seen_sides
    assert len(survived) == 2 * len(files) + 1
    print(f"kill points survived: {len(survived)} ({', '.join(survived)}) over files {files}")


def test_a_kill_during_recovery_is_recovered_too(prepared):
    raw, s0, before, after = prepared
    assert run_killed_at(raw, s0, "moved:2") == -signal.SIGKILL
    # the next process rolls the commit forward and dies in the middle of that too
    assert run_killed_at(raw, s0, "moved:4") == -signal.SIGKILL
    assert check_before_or_after(s0, before, after, "killed twice") == "mixed"
    run_in_process(raw, s0)
    check_completed(s0, after, "after two kills")


@pytest.mark.slow
def test_sigkilled_cli_runs_leave_whole_tables_and_the_next_run_finishes(prepared, claimtrack_cli):
    raw, s0, before, after = prepared
    killed = finish(claimtrack_cli.popen(raw, s0, env={"CLAIMTRACK_CRASH_AT": "moved:2"}))
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert check_before_or_after(s0, before, after, "CLI killed in its publish") == "mixed"
    # dies in its recovery, one file further on (the CLI's commit of this night holds four files)
    done = finish(claimtrack_cli.popen(raw, s0, env={"CLAIMTRACK_CRASH_AT": "moved:3"}))
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert check_before_or_after(s0, before, after, "second CLI killed while recovering") == "mixed"
    run_in_process(raw, s0)
    assert runs_rows(s0)["status"].iloc[-1] == "nothing-new"
    check_completed(s0, after, "a run after two killed CLI runs")
    assert runs_rows(s0)["status"].tolist()[-2] == "succeeded"  # the killed run's row, rolled forward
