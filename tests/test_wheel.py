"""The wheel: built from this checkout, installed into a fresh venv, it runs the sample article.

Offline: the wheel is built with this venv's setuptools (no build isolation, no index), and
installed without its dependencies; the fresh venv reaches the dependencies this venv installed
(from the same pins) through a ``.pth`` line, so no package index is needed. The checkout itself
is not on the fresh venv's path: the run happens in an empty folder.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from support import REPO, SAMPLE

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "--quiet", "-w", str(out), str(REPO)], check=True, capture_output=True, timeout=300)
    [built] = out.glob("claimtrack-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """The bin folder of a fresh venv holding only the wheel (plus this venv's dependencies)."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    site = Path(subprocess.run([str(venv / "bin/python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # without PYTHONPATH: a checkout on it (`PYTHONPATH=. pytest`) reads as claimtrack installed, and pip skips the wheel
    no_path = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin/python"), "install", "--no-deps",
                    "--no-index", "--quiet", str(wheel)], check=True, capture_output=True, timeout=300, env=no_path)
    return venv / "bin"


def test_the_wheel_holds_every_module_and_the_suites_and_no_flows_package(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"claimtrack"}  # no top-level `flows` (or anything else) in site-packages
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "claimtrack").rglob("*.py")}
    assert modules - names == set()  # a package left out of pyproject's list fails here
    suites = {p.name for p in (REPO / "expectations").glob("*.json")}
    assert {f"claimtrack/expectations/{s}" for s in suites} <= names and len(suites) >= 8


def _env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "PYTHON"))}
    return env | {"PREFECT_HOME": str(tmp_path / "prefect-home")}


def test_an_installed_claimtrack_runs_the_sample_and_a_failure_ends_with_its_one_line(installed, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    env = _env(tmp_path)
    where = subprocess.run([str(installed / "python"), "-c", "import claimtrack, claimtrack.stages.validate as v; "
                            "print(claimtrack.__file__); print(v.DEFAULT_SUITES)"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert str(REPO) not in where.stdout  # the installed copy, not this checkout
    done = subprocess.run([str(installed / "claimtrack"), "run", "--raw", "raw", "--curated", "curated"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr.splitlines()[0] == "claimtrack run: taking in raw -> curated"  # said at once
    assert "succeeded in" in done.stdout and "(start-up" in done.stdout  # the whole time, start-up too
    assert "0 failed, 0 warnings" in done.stdout
    assert (tmp_path / "curated" / "articles").is_dir() and (tmp_path / "curated" / "validation.html").is_file()

    # a small second night (validated in a worker process), with no quote: no warning of any kind
    (raw / "fares.txt").write_text("Bus fares rise\n\nBus fares will rise by 5 percent in June.\n")
    second = subprocess.run([str(installed / "claimtrack"), "run", "--raw", "raw", "--curated", "curated"],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stderr[-2000:]
    assert "0 failed, 0 warnings" in second.stdout and "articles ingested         1" in second.stdout
    assert "leaked" not in second.stderr and "Warning" not in second.stderr, second.stderr[-2000:]

    # a run that fails while committing (a full disk, as the crash hook simulates): its error
    # line is the last thing printed (the temporary server's own output stays in its log)
    (raw / "more.txt").write_text("Ferry fares rise\n\nFerry fares will rise by 8 percent in May, the operator said.\n")
    failed = subprocess.run([str(installed / "claimtrack"), "run", "--raw", "raw", "--curated", "curated"],
                            cwd=tmp_path, env=env | {"CLAIMTRACK_CRASH_AT": "manifest:enospc"},
                            capture_output=True, text=True, timeout=600)
    assert failed.returncode == 1
    lines = failed.stderr.strip().splitlines()
    assert lines[-1].startswith("claimtrack: error: run failed:"), failed.stderr[-2000:]
    assert "Traceback" not in failed.stderr and "CancelledError" not in failed.stderr
