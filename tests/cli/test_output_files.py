"""Where `claimtrack extract --output` writes: regular files atomically, anything else in place,
and symbolic links through to the file they name (issue 14, Safety)."""
from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import pytest

from claimtrack.cli import main

DOC = {"id": "w1", "text": 'Fares will rise by 8 percent in May, the operator said. "We had no choice," Ms Lund said.'}


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(DOC) + "\n", encoding="utf-8")
    return path


def test_dev_null_stays_a_device(docs):
    before = os.stat("/dev/null")
    assert main(["extract", "--input", str(docs), "--output", "/dev/null"]) == 0
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino and after.st_size == 0


def test_a_fifo_is_written_in_place(docs, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    assert main(["extract", "--input", str(docs), "--output", str(fifo)]) == 0
    reader.join(30)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(got[0])["id"] == "w1"


def test_a_symbolic_link_is_written_through_and_stays_a_link(docs, tmp_path):
    target = tmp_path / "results" / "out.jsonl"
    target.parent.mkdir()
    target.write_text("old\n")
    os.chmod(target, 0o640)
    link = tmp_path / "latest.jsonl"
    link.symlink_to(target)
    assert main(["extract", "--input", str(docs), "--output", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert json.loads(target.read_text(encoding="utf-8"))["id"] == "w1"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps its permissions
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.jsonl"]  # no temporary file left


def test_a_regular_file_is_replaced_whole_and_a_folder_is_refused(docs, tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text("x" * 10_000)
    assert main(["extract", "--input", str(docs), "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count("\n") == 1
    assert main(["extract", "--input", str(docs), "--output", str(tmp_path)]) == 1
    assert capsys.readouterr().err.strip() == f"claimtrack: error: cannot write {tmp_path}: it is a folder"
