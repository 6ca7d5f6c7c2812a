"""``claimtrack extract`` on texts written for these tests: workers (--jobs) give the same output,
in input order, as one process; bad input is one line on stderr."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack.stages import extract

REPO = Path(__file__).resolve().parents[3]

# run the CLI with every input counted as large, so that two jobs really start workers
FORCED_WORKERS = """
import sys
import claimtrack.stages.extract
claimtrack.stages.extract.PARALLEL_MIN_CHARS = 0
claimtrack.stages.extract.CHUNK_DOCS = 3
from claimtrack.cli import main
sys.exit(main(sys.argv[1:]))
"""

TEMPLATES = [
    '"We will build {n} new homes by the spring," the mayor, Ann Porter, said on Monday.',
    "The council spent about ${n} million on roads, up from {m} million a year earlier.",
    "No numbers here, only a remark: 'It was a long night,' said Tom Reed.",
    "More than {n},000 people signed the petition; {m} per cent of them live in the town.",
    "",
    "Between {m} and {n} trains ran late. \u201cThat is not good enough,\u201d he added.",
]


def documents(n: int = 40) -> list[dict]:
    docs = []
    for i in range(n):
        text = " ".join(t.format(n=i + 3, m=i + 1) for t in TEMPLATES[i % 3:i % 3 + 4])
        docs.append({"id": i if i % 2 else f"doc-{i}", "text": text})
    return docs


def run_cli(tmp_path: Path, docs: list[dict], *args: str, forced: bool = False) -> subprocess.CompletedProcess:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    cmd = [sys.executable, "-c", FORCED_WORKERS] if forced else [sys.executable, "-m", "claimtrack"]
    return subprocess.run(cmd + ["extract", "--input", str(src), *args], capture_output=True, text=True,
                          cwd=REPO, timeout=300)


def test_workers_give_the_same_output_in_input_order(tmp_path):
    docs = documents()
    one = run_cli(tmp_path, docs, "--output", str(tmp_path / "one.jsonl"), "--jobs", "1")
    two = run_cli(tmp_path, docs, "--output", str(tmp_path / "two.jsonl"), "--jobs", "2", forced=True)
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    a = (tmp_path / "one.jsonl").read_text(encoding="utf-8")
    b = (tmp_path / "two.jsonl").read_text(encoding="utf-8")
    assert a == b
    rows = [json.loads(line) for line in a.splitlines()]
    assert [r["id"] for r in rows] == [d["id"] for d in docs]
    assert sum(len(r["claims"]) for r in rows) > len(docs) and sum(len(r["quotes"]) for r in rows) > len(docs) / 2
    assert not list(tmp_path.glob("*.tmp"))


def test_workers_write_to_stdout_in_order(tmp_path):
    docs = documents(12)
    one = run_cli(tmp_path, docs, "--jobs", "1")
    two = run_cli(tmp_path, docs, "-j", "2", forced=True)
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert one.stdout == two.stdout
    assert [json.loads(line)["id"] for line in two.stdout.splitlines()] == [d["id"] for d in docs]


def test_extract_lines_same_in_process_and_in_workers(monkeypatch):
    pairs = [(d["id"], d["text"]) for d in documents(9)]
    serial = "".join(extract.extract_lines(pairs, jobs=1))
    monkeypatch.setattr(extract, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.setattr(extract, "CHUNK_DOCS", 2)
    assert "".join(extract.extract_lines(pairs, jobs=2)) == serial
    assert "".join(extract.extract_lines([], jobs=2)) == ""


def test_lines_match_extract_text():
    text = TEMPLATES[0].format(n=12, m=3)
    [line] = extract.extract_lines([("x", text)], jobs=1)
    row = json.loads(line)
    quotes, claims = extract.extract_text(text, "x")
    assert row["id"] == "x"
    assert [q["text"] for q in row["quotes"]] == [q.text for q in quotes]
    assert [(c["surface"], c["start"], c["end"]) for c in row["claims"]] == [(c.surface, c.start, c.end) for c in claims]


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_bad_jobs_is_a_one_line_error(tmp_path, jobs):
    done = run_cli(tmp_path, documents(2), "--jobs", jobs)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "--jobs" in done.stderr


def test_text_not_a_string_is_a_one_line_error_and_writes_nothing(tmp_path):
    out = tmp_path / "out.jsonl"
    docs = documents(3) + [{"id": "bad", "text": 5}]
    done = run_cli(tmp_path, docs, "--output", str(out), "--jobs", "2", forced=True)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [f"claimtrack: error: {tmp_path / 'in.jsonl'}: document 'bad': "
                                                "'text' must be a string"]
    assert not out.exists() and not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize("doc_id", ["wire-7", 7, 2**70, 1.5, None])
def test_an_id_comes_back_as_it_came_in(doc_id):
    # one line per document, its id the same JSON value (an integer past 64 bits included)
    [line] = extract.extract_lines([(doc_id, 'Prices rose 4%, the agency said on Monday.')], jobs=1)
    assert line.endswith("\n") and line.count("\n") == 1
    row = json.loads(line)
    assert row["id"] == doc_id and type(row["id"]) is type(doc_id)
    assert [c["surface"] for c in row["claims"]] == ["4%"]
