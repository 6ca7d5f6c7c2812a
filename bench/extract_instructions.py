"""Instructions executed by extraction (callgrind), a speed measure that other work on the machine
does not disturb.

Wall-clock figures (``bench_extract.py``) move by 10-20% when anything else runs; the count of
instructions moves by about 0.1%. Speed changes to the extractors were judged with this figure,
then confirmed with ``bench_extract.py`` on a quiet machine. Instructions are not time: swapping a
regex scan for ``str.find`` saves more instructions than seconds.

Runs :func:`claimtrack.stages.extract.extract_text` over every Nth BBC News article under
``valgrind --tool=callgrind`` (needs valgrind), once with the sample and once with no documents,
and prints both counts: extraction (the difference) and start-up (imports, compiled patterns).
The hash seed is fixed, so two runs of the same code agree to a few thousand instructions.

Usage (from the project root; about a minute):

    .venv/bin/python bench/extract_instructions.py [--every 8] [--corpus PATH]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news" / "articles.jsonl.gz"
# what runs under callgrind: extract_text over the documents of a JSON Lines file
DRIVER = """
import json, sys
from claimtrack.stages.extract import extract_text
for line in open(sys.argv[1], encoding="utf-8"):
    doc = json.loads(line)
    extract_text(doc["text"], str(doc["id"]))
"""


def instructions(docs: Path, workdir: Path) -> int:
    """Instructions callgrind counts for the driver over ``docs`` (start-up included)."""
    out = workdir / "callgrind.out"
    env = dict(os.environ, PYTHONHASHSEED="0")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable, "-c", DRIVER,
                    str(docs)], check=True, capture_output=True, env=env, cwd=ROOT)
    summary = re.search(r"^summary:\s+(\d+)", out.read_text(), re.M)
    if summary is None:
        raise SystemExit(f"no summary line in {out}")
    return int(summary.group(1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--every", type=int, default=8, help="take every Nth article (default 8: 279 of BBC's 2,225)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("extract_instructions: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    with gzip.open(args.corpus, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()][::args.every]
    with tempfile.TemporaryDirectory() as tmp:
        sample, empty = Path(tmp) / "sample.jsonl", Path(tmp) / "empty.jsonl"
        sample.write_text("".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in docs),
                          encoding="utf-8")
        empty.write_text("", encoding="utf-8")
        total = instructions(sample, Path(tmp))
        start = instructions(empty, Path(tmp))
    print(f"{len(docs)} documents (every {args.every}th of {args.corpus.name}): extraction {total - start:,} "
          f"instructions ({(total - start) / len(docs) / 1e6:.2f} M per document); start-up {start:,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
