"""A server or worker started through `tethered` ends when the process that started it is killed
outright, instead of living on with its port (a nightly run killed by a scheduler's timeout)."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from claimtrack.run.tether import tethered

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")


def _running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie waiting for init to reap it is not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in {"Z", "X"}


def _wait_until_gone(pid: int, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _running(pid):
            return True
        time.sleep(0.1)
    return False


def test_a_tethered_command_runs_as_itself():
    done = subprocess.run(tethered([sys.executable, "-c", "import sys; print('hello'); sys.exit(3)"]),
                          capture_output=True, text=True)
    assert (done.stdout, done.returncode) == ("hello\n", 3)


@linux_only
def test_the_child_ends_when_its_parent_is_killed_outright():
    # the parent starts a long sleep through tethered(), says the sleep's pid, and is SIGKILLed
    parent_code = (
        "import subprocess, sys, time\n"
        "from claimtrack.run.tether import tethered\n"
        "child = subprocess.Popen(tethered(['sleep', '300']), start_new_session=True)\n"
        "print(child.pid, flush=True)\n"
        "time.sleep(300)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", parent_code], stdout=subprocess.PIPE, text=True)
    child_pid = int(parent.stdout.readline())
    try:
        time.sleep(0.5)  # the child has become `sleep` by now
        assert _running(child_pid)
        parent.kill()
        parent.wait()
        assert _wait_until_gone(child_pid), "the tethered child outlived its killed parent"
    finally:
        if _running(child_pid):
            subprocess.run(["kill", "-9", str(child_pid)])


def test_a_command_started_from_another_thread_is_not_tethered():
    # the kernel would signal the child when that thread ends, not when the process does
    seen = []
    worker = threading.Thread(target=lambda: seen.append(tethered(["sleep", "1"])))
    worker.start()
    worker.join()
    assert seen == [["sleep", "1"]]
    assert tethered(["sleep", "1"])[-2:] == ["sleep", "1"] and len(tethered(["sleep", "1"])) > 2
