"""The ``claimtrack`` command's exit: every exit handler runs (Prefect's last sends, the
temporary server's stop), then the process ends with the command's status, skipping only
the interpreter's teardown (`claimtrack.cli.entry`)."""
from __future__ import annotations

import subprocess
import sys

PROBE = """
import atexit, sys
from claimtrack.cli import entry
mark = sys.argv[1]
atexit.register(lambda: open(mark, "w").write("ran"))  # registered later: runs first
sys.argv = ["claimtrack"] + sys.argv[2:]
entry()
"""


def test_exit_handlers_run_and_the_status_is_kept(tmp_path):
    mark = tmp_path / "mark"
    ok = subprocess.run([sys.executable, "-c", PROBE, str(mark), "--version"], capture_output=True, text=True,
                        timeout=120)
    assert ok.returncode == 0 and "version" in ok.stdout and mark.read_text() == "ran"
    mark.unlink()
    bad = subprocess.run([sys.executable, "-c", PROBE, str(mark), "extract", "--input", str(tmp_path / "none.jsonl")],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1 and mark.read_text() == "ran"
    assert bad.stderr.strip().startswith("claimtrack: error: cannot read")
