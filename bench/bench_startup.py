"""Benchmark: how soon `claimtrack run` says something, and what its summary reports as the
whole time (start-up included), on the committed sample article.

Prints, per run (a first night on an empty curated folder, then a night with one new file, then
a night with nothing new): seconds to the first line on stderr, the wall time measured here, and
the time the summary reports; and whether stderr held a warning (leaked semaphores, ...).

    .venv/bin/python bench/bench_startup.py [--work /tmp/claimtrack-startup]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLAIMTRACK = Path(sys.executable).parent / "claimtrack"
SAMPLE = REPO / "data/raw/dw-2018-09-17-putin-erdogan-sochi.txt"


def timed_run(raw: Path, curated: Path, cwd: Path) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen([str(CLAIMTRACK), "run", "--raw", str(raw), "--curated", str(curated)], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first: list[float] = []
    err: list[str] = []

    def read_err():
        for line in proc.stderr:
            if not first:
                first.append(time.perf_counter() - start)
            err.append(line)

    reader = threading.Thread(target=read_err)
    reader.start()
    out = proc.stdout.read()
    proc.wait()
    reader.join()
    wall = time.perf_counter() - start
    said = re.search(r": (\S+) in ([\d.]+) s", out)
    return {"first_line": first[0] if first else None, "wall": wall,
            "status": said.group(1) if said else f"exit {proc.returncode}",
            "reported": float(said.group(2)) if said else None,
            "warnings": [line.strip() for line in err if "warn" in line.lower() or "leaked" in line]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/claimtrack-startup"))
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    raw, curated = args.work / "raw", args.work / "curated"
    raw.mkdir(parents=True)
    shutil.copy(SAMPLE, raw)
    os.environ.pop("PREFECT_API_URL", None)
    nights = [("first night", None), ("one new file", "Bus fares rise\n\nBus fares will rise by 5 percent in June.\n"),
              ("nothing new", None)]
    print(f"{'night':<14} {'first line':>10} {'wall':>7} {'reported':>9}  status, warnings")
    for label, new_text in nights:
        if new_text:
            (raw / "fares.txt").write_text(new_text)
        r = timed_run(raw, curated, args.work)
        first = f"{r['first_line']:.2f} s" if r["first_line"] is not None else "-"
        reported = f"{r['reported']:.1f} s" if r["reported"] is not None else "-"
        print(f"{label:<14} {first:>10} {r['wall']:>5.1f} s {reported:>9}  {r['status']}, {r['warnings'] or 'none'}")


if __name__ == "__main__":
    main()
