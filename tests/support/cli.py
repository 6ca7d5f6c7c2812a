"""``claimtrack run`` as a real subprocess, and what its failures must look like.

The ``claimtrack_cli`` fixture (tests/conftest.py) gives a `Cli` bound to the session's local
Prefect server.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from support import REPO

PATCHED_CLI = """
import sys
{patch}
from claimtrack.cli import main
sys.exit(main(sys.argv[1:]))
"""


class Cli:
    """Starts ``claimtrack run`` in its own session, with ``env`` (a Prefect server's URL) added."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = dict(env)

    def popen(self, raw: Path, curated: Path, *args: str, env: dict | None = None, patch: str | None = None,
              cwd: Path | None = None) -> subprocess.Popen:
        """Start ``claimtrack run`` (optionally with a Python ``patch`` applied first)."""
        cmd = [sys.executable, "-c", PATCHED_CLI.format(patch=patch)] if patch else [sys.executable, "-m", "claimtrack"]
        cmd += ["run", "--raw", str(raw), "--curated", str(curated), *args]
        full_env = {**os.environ, **self.env, **(env or {})}
        full_env.pop("CLAIMTRACK_DEBUG", None)
        return subprocess.Popen(cmd, env=full_env, cwd=cwd or REPO, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)

    def run(self, raw: Path, curated: Path, *args: str, **kw) -> subprocess.CompletedProcess:
        """Run ``claimtrack run`` to its end."""
        return finish(self.popen(raw, curated, *args, **kw))


def finish(proc: subprocess.Popen, timeout: float = 300) -> subprocess.CompletedProcess:
    """Wait for a started run; then end whatever is left in its session."""
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        try:  # a killed run may leave children (a temporary Prefect server): end its session
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def assert_clean_failure(done: subprocess.CompletedProcess, *phrases: str) -> None:
    """Exit status 1, no traceback, and the last line on stderr is the one error line.

    >>> assert_clean_failure(subprocess.CompletedProcess([], 1, "", "claimtrack: error: run failed: x"), "x")
    """
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower()]
    assert errors == lines[-1:] and lines[-1].startswith("claimtrack: error: run failed"), done.stderr
    for phrase in phrases:
        assert phrase in lines[-1], (phrase, lines[-1])
