"""Failures seen from the command line: a failing check, a full disk, a stage that raises.

Each case runs the real ``claimtrack run`` in a subprocess and checks that the tables stay as
they were, ``runs`` says what failed (where the disk lets it), the exit status is non-zero, the
message is one line without a traceback, and the next run does the work.

This module also holds the helpers the other reliability tests share (``cli_run``,
``table_state``...). CLI subprocesses talk to one local Prefect server started here once per
test session (about 2.5 s a run instead of 8-12 s for a temporary server each time); if it cannot
start, or CLAIMTRACK_TEST_EPHEMERAL=1 is set, they use Prefect's temporary server instead.
"""
from __future__ import annotations

import atexit
import errno
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest


REPO = Path(__file__).resolve().parents[2]
DATA_TABLES = ("articles", "quotes", "claims", "matches", "flags", "reviews", "rejected")
# Columns that differ between two runs doing the same work (ids and clocks of the run).
VOLATILE = {"run_id", "ingested_at", "rejected_at", "flagged_at", "started_at", "finished_at",
            "ingest_date", "seconds", "validation", "parameters", "raw_dir"}

# ---------------------------------------------------------------------------- Prefect server

_server: dict = {}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stop_server() -> None:
    proc = _server.get("proc")
    if proc is not None and proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # its own session: the server and its workers
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
    if _server.get("home"):
        shutil.rmtree(_server["home"], ignore_errors=True)


def prefect_env() -> dict[str, str]:
    """Environment for CLI subprocesses: the shared server's URL, or {} (temporary server)."""
    if "env" in _server:
        return _server["env"]
    _server["env"] = {}
    exe = Path(sys.executable).parent / "prefect"
    if os.environ.get("CLAIMTRACK_TEST_EPHEMERAL") or not exe.exists():
        return _server["env"]
    home = tempfile.mkdtemp(prefix="claimtrack-rel-prefect-")
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": home, "DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    log = open(Path(home) / "server.log", "wb")
    proc = subprocess.Popen([str(exe), "server", "start", "--host", "127.0.0.1", "--port", str(port),
                             "--no-services", "--no-ui", "--analytics-off"],
                            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    _server.update(proc=proc, home=home)
    atexit.register(_stop_server)
    url = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as resp:
                if resp.status == 200:
                    _server["env"] = {"PREFECT_API_URL": url, "PREFECT_HOME": home}
                    return _server["env"]
        except OSError:
            time.sleep(0.5)
    _stop_server()  # no server: each CLI run starts its own temporary one
    return _server["env"]


# ---------------------------------------------------------------------------- running the CLI

PATCHED_CLI = """
import sys
{patch}
from claimtrack.cli import main
sys.exit(main(sys.argv[1:]))
"""


def cli_popen(raw: Path, curated: Path, *args: str, env: dict | None = None, patch: str | None = None,
              cwd: Path | None = None) -> subprocess.Popen:
    """Start ``claimtrack run`` (optionally with a Python ``patch`` applied first) in its own session."""
    cmd = [sys.executable, "-c", PATCHED_CLI.format(patch=patch)] if patch else [sys.executable, "-m", "claimtrack"]
    cmd += ["run", "--raw", str(raw), "--curated", str(curated), *args]
    full_env = {**os.environ, **prefect_env(), **(env or {})}
    full_env.pop("CLAIMTRACK_DEBUG", None)
    return subprocess.Popen(cmd, env=full_env, cwd=cwd or REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def finish(proc: subprocess.Popen, timeout: float = 300) -> subprocess.CompletedProcess:
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        try:  # a killed run may leave children (a temporary Prefect server): end its session
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def cli_run(raw: Path, curated: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    return finish(cli_popen(raw, curated, *args, **kw))


def assert_clean_failure(done: subprocess.CompletedProcess, *phrases: str) -> None:
    """Exit status 1, no traceback, and the last line on stderr is the one error line."""
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower()]
    assert errors == lines[-1:] and lines[-1].startswith("claimtrack: error: run failed"), done.stderr
    for phrase in phrases:
        assert phrase in lines[-1], (phrase, lines[-1])


# ---------------------------------------------------------------------------- table state


def table_state(curated: Path, tables=DATA_TABLES) -> dict[str, list[dict]]:
    """Every table read back with pandas (so every file must be a complete Parquet file), as
    sorted rows without the columns that name the run or the clock."""
    out = {}
    for t in tables:
        frame = pd.read_parquet(curated / t) if (curated / t).is_dir() else pd.DataFrame()
        frame = frame[[c for c in frame.columns if c not in VOLATILE]]
        rows = frame.astype(str).to_dict("records")
        out[t] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
    return out


def runs_rows(curated: Path) -> pd.DataFrame:
    if not (curated / "runs").is_dir():
        return pd.DataFrame(columns=["run_id", "status", "error"])
    return pd.read_parquet(curated / "runs").sort_values("started_at").reset_index(drop=True)


def write_story(raw: Path, name: str, title: str, body: str) -> Path:
    path = raw / name
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


STORIES = [
    ("flood.txt", "River floods the old town",
     'Officials said 40 people were hurt when the river rose on Monday.\n\n'
     '"We have never seen water this high," said the mayor, Anna Berg.\n\n'
     'The repairs will cost about 3 million euros, the council said.'),
    ("budget.txt", "Council passes the budget",
     'The council approved a budget of 120 million euros on Tuesday.\n\n'
     '"It is a fair budget," said the treasurer, Tom Hale. Spending rises by 4 percent.'),
]
LATER = ("later.txt", "Flood toll rises",
         'Officials said 55 people were hurt in the floods, more than first reported.\n\n'
         '"We have never seen water this high," said the mayor, Anna Berg, on Wednesday.')


# The nightly flow's stages, as plain calls (validation aside: it reads, it never writes).
RUN_BODY = """
from claimtrack.run import pipeline
run = pipeline.new_run(raw, curated)
with run.curated.run_lock(30):
    run.curated.recover()
    raw_files, rejected, skipped = pipeline.discover_stage(run)
    articles, bad = pipeline.parse_stage(raw_files)
    articles, duplicates = pipeline.new_articles(articles, run.curated.column_values("articles", "article_id"))
    rejected = pipeline.new_rejections(rejected + bad, run.curated.read("rejected"))
    quotes, claims = pipeline.extract_stage(articles)
    matches = pipeline.match_stage(run, articles, quotes, claims)
    tables = pipeline.build_tables(run, articles, rejected, quotes, claims, matches)
    pipeline.publish_stage(run, tables, None)
"""


def run_in_process(raw, curated) -> None:
    exec(RUN_BODY, {"raw": str(raw), "curated": str(curated)})


def nightly_in_process(raw: Path, curated: Path) -> dict:
    from claimtrack.run.flow import nightly

    return nightly(raw_dir=str(raw), curated_dir=str(curated))


def first_run(tmp_path: Path, runner=nightly_in_process) -> tuple[Path, Path]:
    """A curated folder after one complete run over STORIES, plus LATER in raw/."""
    raw, curated = tmp_path / "raw", tmp_path / "curated"
    raw.mkdir(exist_ok=True)
    for story in STORIES:
        write_story(raw, *story)
    runner(raw, curated)
    assert len(pd.read_parquet(curated / "articles")) == len(STORIES)
    write_story(raw, *LATER)
    return raw, curated


# ---------------------------------------------------------------------------- the tests


def test_failing_expectation_from_the_cli_publishes_nothing_and_says_why(tmp_path):
    raw, curated = first_run(tmp_path)
    before = table_state(curated)
    patch = ("import claimtrack.run.pipeline as p\n"
             "from claimtrack.records import Claim\n"
             "p.extract_articles = lambda arts: ([], [Claim(claim_id='bad-' + a.article_id, article_id=a.article_id,"
             " surface='zz', value=1.0, low=1.0, high=1.0, qualifier='exact', start=0, end=2) for a in arts])")
    done = cli_run(raw, curated, patch=patch)
    assert_clean_failure(done, "validation failed", "nothing was published", "span_matches")
    assert table_state(curated) == before
    failed = runs_rows(curated).iloc[-1]
    assert failed["status"] == "failed" and "span_matches" in failed["error"]


def test_exception_in_a_stage_from_the_cli_leaves_tables_and_records_the_error(tmp_path):
    raw, curated = first_run(tmp_path)
    before = table_state(curated)
    patch = ("import claimtrack.run.pipeline as p\n"
             "def boom(*a, **k):\n    raise RuntimeError('matcher exploded')\n"
             "p.match_stage = boom")
    done = cli_run(raw, curated, patch=patch)
    assert_clean_failure(done, "RuntimeError: matcher exploded", "left as they were")
    assert table_state(curated) == before
    assert runs_rows(curated).iloc[-1][["status", "error"]].tolist() == ["failed", "RuntimeError: matcher exploded"]


def test_disk_full_while_publishing_leaves_tables_and_runs_says_so(tmp_path):
    """ENOSPC injected at the storage layer on the second staged file of the publish commit."""
    raw, curated = first_run(tmp_path)
    before = table_state(curated)
    done = cli_run(raw, curated, env={"CLAIMTRACK_CRASH_AT": "staged:2:enospc"})
    assert_clean_failure(done, "No space left on device", "free some space and run again", "left as they were")
    assert table_state(curated) == before
    assert not any((curated / "_staging").glob("*")), "a failed commit must not leave staged files"
    failed = runs_rows(curated).iloc[-1]
    assert failed["status"] == "failed" and "No space left on device" in failed["error"]
    # the space is back: the next run does the work
    from claimtrack.run.flow import nightly

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


def test_a_really_full_disk_leaves_tables_as_they_were(tmp_path):
    """The curated folder on a 2 MB tmpfs filled to the last byte (needs root and mount)."""
    disk = tmp_path / "disk"
    if not _mount_tmpfs(disk, "2m"):
        pytest.skip("cannot mount a tmpfs here (not root, or no mount permission)")
    try:
        from claimtrack.run.flow import nightly

        raw, _ = first_run(tmp_path)  # the first run's tables, copied onto the small disk
        curated = disk / "curated"
        shutil.copytree(tmp_path / "curated", curated)
        before = table_state(curated)
        _fill(disk / "filler")
        done = cli_run(raw, curated)
        assert_clean_failure(done, "No space left on device", "free some space and run again")
        assert table_state(curated) == before
        assert not any((curated / "_staging").glob("*"))
        (disk / "filler").unlink()
        assert nightly(raw_dir=str(raw), curated_dir=str(curated))["articles"] == 1
        assert len(pd.read_parquet(curated / "articles")) == len(before["articles"]) + 1
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)
