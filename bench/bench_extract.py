"""Documents per second through ``claimtrack extract`` (quotes and claims together).

Reads the BBC News corpus (../shared/corpus/bbc-news/articles.jsonl.gz, 2,225 articles) and
prints two figures:

- first it writes the package's compiled bytecode (``compileall``), as pip does when it installs
  claimtrack from a wheel: an editable checkout where ``PYTHONDONTWRITEBYTECODE`` is set (this
  machine sets it) otherwise recompiles every module at every start, about 0.25 s per command;

- end to end: the real CLI, ``claimtrack extract --input … --output …`` in a fresh process
  (start-up, JSON reading and writing included), as a user or score.py runs it, with its default
  of one worker per available CPU (``--jobs N`` passes a number); wall time, and the CPU time of
  the process and its workers (steadier when other work shares the machine, but it counts the
  work of every worker: wall time is the figure a user sees);
- in process: :func:`claimtrack.stages.extract.extract_text` over every document, best of a few
  rounds (no start-up), plus the quote extractor alone; also the first round's CPU: later rounds
  find per-sentence results in the extractors' caches, which a CLI worker (each text once) does not.

Usage (from the project root):

    .venv/bin/python bench/bench_extract.py [--corpus PATH] [--rounds 3] [--jobs N]
"""
from __future__ import annotations

import argparse
import compileall
import gzip
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news" / "articles.jsonl.gz"


def load(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def cli_command() -> list[str]:
    exe = Path(sys.executable).with_name("claimtrack")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("claimtrack")
    return [found] if found else [sys.executable, "-m", "claimtrack"]


def compile_bytecode() -> str:
    """Compile the claimtrack package's modules to ``__pycache__`` (what a wheel install does),
    so the CLI's start-up is measured as deployed; says where."""
    import claimtrack

    package = Path(claimtrack.__file__).parent
    ok = compileall.compile_dir(package, quiet=1)
    return f"compiled under {package}" if ok else f"some modules under {package} failed to compile"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=None, help="passed to the CLI (default: its own, the CPUs)")
    args = ap.parse_args()
    print(f"bytecode: {compile_bytecode()}")
    docs = [{"id": d["id"], "text": d["text"]} for d in load(args.corpus)]
    n = len(docs)
    chars = sum(len(d["text"]) for d in docs)
    print(f"corpus: {args.corpus} ({n} documents, {chars / 1e6:.1f} M characters)")

    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        cmd = cli_command() + ["extract", "--input", str(src), "--output", str(dst)]
        if args.jobs is not None:
            cmd += ["--jobs", str(args.jobs)]
        cli_s = cli_cpu = float("inf")
        for _ in range(max(1, args.rounds)):  # best of the rounds: other work shares the machine
            t0, r0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            done = subprocess.run(cmd, capture_output=True, text=True)
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cli_s = min(cli_s, time.perf_counter() - t0)
            # CPU of the CLI and its workers: steadier than wall time on a shared machine
            cli_cpu = min(cli_cpu, r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
            if done.returncode != 0:
                print(done.stderr[-2000:], file=sys.stderr)
                return 1
        with open(dst, encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        n_quotes = sum(len(r["quotes"]) for r in rows)
        n_claims = sum(len(r["claims"]) for r in rows)
    from claimtrack.stages.extract import available_cpus

    jobs = args.jobs if args.jobs is not None else f"default: {available_cpus()} CPUs"
    print(f"claimtrack extract (CLI, fresh process, --jobs {jobs}, best of {args.rounds}): {cli_s:.2f} s -> "
          f"{n / cli_s:,.0f} docs/s; {cli_cpu:.2f} s CPU -> {n / cli_cpu:,.0f} docs/s "
          f"({n_quotes} quotes, {n_claims} claims)")

    from claimtrack.stages.extract import extract_text
    from claimtrack.stages.extract.quotes import extract_quotes

    def best(fn) -> tuple[float, float, float]:
        """Best wall-clock and best CPU seconds over the rounds (CPU time is steadier when
        other work shares the machine), and the CPU seconds of the first round."""
        wall, cpu = [], []
        for _ in range(max(1, args.rounds)):
            t0, c0 = time.perf_counter(), time.process_time()
            for d in docs:
                fn(d["text"], d["id"])
            wall.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        return min(wall), min(cpu), cpu[0]

    for label, fn in (("extract_text (quotes + claims)", extract_text),
                      ("extract_quotes (quotes only)  ", extract_quotes)):
        wall, cpu, first = best(fn)
        # later rounds find per-sentence results (period_of, name tests ...) in the extractors'
        # caches; the first round is what a CLI worker, which sees each text once, pays
        print(f"{label} in process: {wall:.2f} s wall -> {n / wall:,.0f} docs/s; "
              f"{cpu:.2f} s CPU -> {n / cpu:,.0f} docs/s (first round, cold caches: {first:.2f} s CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
