"""Concurrent runs and review decisions: the second run waits or refuses, no decision is lost.

Run A is the real ``claimtrack run`` CLI with two gates patched in (files in a folder: the run
writes ``<gate>.reached`` and waits for ``<gate>.open``), so every overlap below happens for
certain, not by timing:

- ``before-publish``: A holds the run lock and has built its tables (flags included) but not
  published. Run B (``--wait 0``) must refuse with a clear one-line message; run C (``--wait``)
  must wait, then finish after A with nothing to do. Review decision D1 is committed now.
- ``after-commit``: A's commit is on disk and A still holds the write lock. A reader must see D1
  in A's flags (the publish re-applied the latest reviews); decision D2, started now, must
  wait for the lock and then keep A's new flag.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from claimtrack.review import record_decision
from claimtrack.store import Curated, LockedError
from support import REPO
from support.cli import finish
from support.nights import first_run, run_in_process, write_story
from support.tables import runs_rows

GATES = """
import os, time
import claimtrack.run.pipeline as p
from claimtrack.store import Curated
GATE_DIR = os.environ["GATE_DIR"]
def gate(name):
    open(os.path.join(GATE_DIR, name + ".reached"), "w").close()
    while not os.path.exists(os.path.join(GATE_DIR, name + ".open")):
        time.sleep(0.05)
publish_stage, commit, armed = p.publish_stage, Curated.commit, []
def gated_publish(run, tables, report):
    gate("before-publish")
    armed.append(True)
    return publish_stage(run, tables, report)
def gated_commit(self, commit_id, *args, **kwargs):
    written = commit(self, commit_id, *args, **kwargs)
    if armed:  # the publish commit: still inside publish_stage's write lock
        armed.clear()
        gate("after-commit")
    return written
p.publish_stage, Curated.commit = gated_publish, gated_commit
"""


def wait_for(path: Path, proc: subprocess.Popen, what: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"run A ended before {what}: {err[-2000:]}")
        if time.monotonic() > deadline:
            raise AssertionError(f"run A never reached {what}")
        time.sleep(0.1)


def flags_by_id(curated: Path) -> dict[str, str]:
    flags = pd.read_parquet(curated / "flags")
    return dict(zip(flags["flag_id"], flags["status"]))


@pytest.mark.slow
def test_concurrent_runs_and_reviews_during_a_publish(tmp_path, claimtrack_cli):
    raw, curated = first_run(tmp_path, runner=run_in_process)
    # two dated reports of one port's year that cannot both be right, and a quote with a "not" added
    write_story(raw, "port-early.txt", "Port traffic rises",
                'Eastport Harbour handled 2.4 million containers in 2024, its director Lena Ortiz said. '
                '"We will need a fourth terminal by 2030 to keep the ships moving," Ortiz told reporters.',
                date="2025-03-05 08:00")
    write_story(raw, "port-late.txt", "Port plans questioned",
                'Eastport Harbour handled 1.2 million containers in 2024, its director Lena Ortiz said. '
                '"We will not need a fourth terminal by 2030 to keep the ships moving," Ortiz told reporters.',
                date="2025-03-06 08:00")
    run_in_process(raw, curated)
    old_flags = flags_by_id(curated)
    assert len(old_flags) == 2 and set(old_flags.values()) == {"open"}
    flag1, flag2 = sorted(old_flags)
    n_articles = len(pd.read_parquet(curated / "articles"))
    write_story(raw, "port-final.txt", "Port figures questioned again",
                "Eastport Harbour handled 3.6 million containers in 2024, its director Lena Ortiz said.",
                date="2025-03-07 08:00")

    gates = tmp_path / "gates"
    gates.mkdir()
    a = claimtrack_cli.popen(raw, curated, env={"GATE_DIR": str(gates)}, patch=GATES)
    c = None
    try:
        wait_for(gates / "before-publish.reached", a, "its publish")
        # B: refuses at once, one line, names the holder and what to do
        b = finish(claimtrack_cli.popen(raw, curated))
        assert b.returncode == 1 and "Traceback" not in b.stderr, b.stderr
        last = b.stderr.strip().splitlines()[-1]
        assert last.startswith("claimtrack: error:") and "busy" in last and f"pid {a.pid}" in last, last
        assert ".run.lock" in last and "try again" in last, last
        # C: waits for A
        c = claimtrack_cli.popen(raw, curated, "--wait", "600")
        # D1, between A's reading of the flags and its publish
        record_decision(Curated(curated), flag1, "confirm", reviewer="first")
        (gates / "before-publish.open").touch()

        wait_for(gates / "after-commit.reached", a, "the end of its commit")
        flags = flags_by_id(curated)  # A's flags, as published
        assert flags[flag1] == "confirmed", "the run's publish dropped a decision made during the run"
        new_flags = set(flags) - set(old_flags)
        assert new_flags, "run A should add a flag"
        # D2, while A holds the write lock: it waits, then commits on top of A's tables
        errors: list[BaseException] = []

        def decide():
            try:
                record_decision(Curated(curated), flag2, "dismiss", reviewer="second")
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        d2 = threading.Thread(target=decide)
        d2.start()
        (gates / "after-commit.open").touch()
        done_a = finish(a)
        d2.join(120)
        assert not d2.is_alive() and not errors, errors
        assert done_a.returncode == 0, done_a.stderr[-2000:]
        done_c = finish(c)
        assert done_c.returncode == 0, done_c.stderr[-2000:]
        assert "nothing-new" in done_c.stdout
    finally:
        for proc in (a, c):
            if proc is not None and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()

    flags = flags_by_id(curated)
    assert flags[flag1] == "confirmed" and flags[flag2] == "dismissed"
    assert new_flags <= set(flags) and all(flags[f] == "open" for f in new_flags)
    reviews = pd.read_parquet(curated / "reviews")
    assert sorted(zip(reviews["flag_id"], reviews["decision"])) == sorted([(flag1, "confirmed"), (flag2, "dismissed")])
    articles = pd.read_parquet(curated / "articles")
    assert len(articles) == n_articles + 1 and articles["article_id"].is_unique
    assert runs_rows(curated)["status"].tolist()[-2:] == ["succeeded", "nothing-new"]


HOLDER = """
import sys, time
from claimtrack.store import Curated
with getattr(Curated(sys.argv[1]), sys.argv[2])():
    print("held", flush=True)
    time.sleep(600)
"""


@pytest.mark.parametrize("lock", ["run_lock", "write_lock"])
def test_a_killed_lock_holder_leaves_no_lock_behind(tmp_path, lock):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path), lock], cwd=REPO,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError, match=f"pid {holder.pid}"):
            with getattr(Curated(tmp_path), lock)(wait=0.3):
                pass
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        with getattr(Curated(tmp_path), lock)(wait=0):  # free at once: the kernel dropped it
            pass
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_write_lock_is_reentrant_and_recover_takes_it(tmp_path):
    """A commit inside a held write lock works (same thread), and another thread waits."""
    from claimtrack.store import to_arrow

    store = Curated(tmp_path)
    order: list[str] = []
    with store.write_lock():
        store.recover()
        store.commit("c1", appends={"reviews": to_arrow("reviews", [{"flag_id": "f", "decision": "confirmed",
                                                                     "decided_at": pd.Timestamp.now(tz="UTC")}])})
        def other_writer():
            with Curated(tmp_path).write_lock(wait=30):
                order.append("other")

        other = threading.Thread(target=other_writer)
        other.start()
        other.join(0.5)
        order.append("holder")
    other.join(30)
    assert order == ["holder", "other"]
    assert len(store.read("reviews")) == 1
