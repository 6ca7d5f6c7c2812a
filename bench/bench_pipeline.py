"""Benchmark: the whole Reuters-21578 corpus through `claimtrack run`, then the nights after it.

Prints, for each run, the wall time, the peak memory of the `claimtrack run` process (and of
all its processes together: its temporary Prefect server and its extract workers) and the
seconds per stage (targets on a 2-core machine: full corpus from an empty curated folder < 60 s
and < 1.5 GB; a second run that finds nothing new < 10 s; 1,000 new articles on top of the
Reuters history < 15 s). With ``--growth`` it also runs the same 1,000 new articles on top of
histories of several sizes, to show how each stage grows with history.

The corpus is exploded into one JSON file per article (as `fetch` would leave them) under
``--work``. The 1,000 "new" articles are Reuters articles published a week later with their
figures changed by about 10 %, so they really match (repeats, updates, contradictions) against
the history rather than passing through unmatched.

    cd /work/main && .venv/bin/python bench/bench_pipeline.py [--limit N] [--new 1000] [--growth] [--first-only]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared/corpus/reuters21578/articles.jsonl.gz"
CLAIMTRACK = Path(sys.executable).parent / "claimtrack"
STAGES = re.compile(r"stages: (.*)")


def read_corpus(limit: int | None) -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        docs = [json.loads(line) for _, line in zip(range(limit or 10**9), fh)]
    return docs


def explode(docs: list[dict], out: Path) -> None:
    """One JSON file per article, a thousand per folder."""
    shutil.rmtree(out, ignore_errors=True)
    for i, doc in enumerate(docs):
        folder = out / f"{i // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{doc['id']}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def variants(docs: list[dict], n: int, seed: int = 7) -> list[dict]:
    """``n`` later versions of random articles: a week later, whole numbers about 10 % higher."""
    rng = random.Random(seed)
    out = []
    for doc in rng.sample(docs, min(n, len(docs))):
        text = re.sub(r"\b\d+\b", lambda m: str(round(int(m.group()) * 1.1) + 1), doc["text"])
        text += "\n\nThe figures were revised on Friday."
        when = doc.get("date")
        later = (datetime.fromisoformat(when) + timedelta(days=7)).isoformat() if when else None
        out.append(doc | {"id": doc["id"] + "-v2", "text": text, "date": later})
    return out


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants, in MB (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        pid = int(status.parent.name)
        children.setdefault(int(fields.get("PPid", "0").strip()), []).append(pid)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0])
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total / 1024


def run(raw: Path, curated: Path, env: dict) -> dict:
    """One `claimtrack run`: wall seconds, peak RSS of the run's process (MB, from /usr/bin/time),
    peak RSS of all its processes together (its Prefect server and extract workers too, sampled
    every 0.2 s), stage seconds."""
    import threading

    timer = ["/usr/bin/time", "-f", "MAXRSS %M"] if Path("/usr/bin/time").exists() else []
    t0 = time.perf_counter()
    proc = subprocess.Popen(timer + [str(CLAIMTRACK), "run", "--raw", str(raw), "--curated", str(curated)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0.0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss_mb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t0
    sampler.join()
    proc = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
    if proc.returncode != 0:
        sys.exit(f"claimtrack run failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    rss = re.search(r"MAXRSS (\d+)", proc.stderr)
    stages = {}
    if m := STAGES.search(proc.stdout):
        for part in m.group(1).split(", "):
            name, secs, _ = part.rsplit(" ", 2)
            stages[name] = float(secs)
    head = proc.stdout.splitlines()[0]
    return {"wall": wall, "rss_mb": int(rss.group(1)) / 1024 if rss else float("nan"), "tree_mb": peak[0],
            "stages": stages,
            "head": head, "stdout": proc.stdout}


def show(label: str, r: dict, target: str) -> None:
    stages = ", ".join(f"{k} {v:.1f}" for k, v in r["stages"].items())
    print(f"{label:<34} {r['wall']:7.1f} s  {r['rss_mb']:6.0f} MB (all processes {r['tree_mb']:5.0f} MB)  "
          f"target {target:<18} | {stages}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=Path("/work/scratch/ops/bench"))
    ap.add_argument("--limit", type=int, default=None, help="first N articles only (default: all)")
    ap.add_argument("--new", type=int, default=1000)
    ap.add_argument("--growth", action="store_true", help="also: the same new articles on smaller histories")
    ap.add_argument("--growth-only", action="store_true", help="only the --growth runs")
    ap.add_argument("--first-only", action="store_true",
                    help="only the first night (its tables stay in WORK/curated, to compare two versions)")
    ap.add_argument("--server", action="store_true",
                    help="run against a long-lived Prefect server (started here, on 127.0.0.1) as `serve` does")
    args = ap.parse_args()

    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"PREFECT_HOME": str(work / "prefect-home")}
    env.pop("PREFECT_API_URL", None)
    server = None
    if args.server:
        server, env["PREFECT_API_URL"] = start_server(env)
    try:
        bench(args, work, env)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)


def start_server(env: dict) -> tuple[subprocess.Popen, str]:
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([str(CLAIMTRACK.parent / "prefect"), "server", "start", "--host", "127.0.0.1",
                             "--port", str(port)], env=env | {"PREFECT_SERVER_UI_ENABLED": "false"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    api = f"http://127.0.0.1:{port}/api"
    for _ in range(240):
        try:
            with urllib.request.urlopen(api + "/health", timeout=2):
                print(f"Prefect server at {api}", flush=True)
                return proc, api
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    sys.exit("the Prefect server did not start")


def bench(args, work: Path, env: dict) -> None:
    docs = read_corpus(args.limit)
    news = variants(docs, args.new)
    explode(docs, work / "raw" / "reuters")
    explode(news, work / "new")
    print(f"corpus: {len(docs):,} articles, {sum(len(d['text']) for d in docs) / 1e6:.1f} M characters; "
          f"{len(news):,} new articles", flush=True)

    # Warm Prefect's home once (its database migrations are a one-off, not part of a nightly run).
    (work / "empty").mkdir(exist_ok=True)
    shutil.rmtree(work / "warm", ignore_errors=True)
    run(work / "empty", work / "warm", env)

    if not args.growth_only:
        main_runs(docs, news, work, env, first_only=args.first_only)
    if args.growth or args.growth_only:
        growth(docs, work, env)


def main_runs(docs: list[dict], news: list[dict], work: Path, env: dict, first_only: bool = False) -> None:
    curated = work / "curated"
    shutil.rmtree(curated, ignore_errors=True)
    raw = work / "raw"
    first = run(raw, curated, env)
    show(f"1. {len(docs):,} articles, empty history", first, "< 60 s, < 1,536 MB")
    print("   " + first["head"], flush=True)
    if first_only:
        return
    second = run(raw, curated, env)
    show("2. nothing new", second, "< 10 s")
    print("   " + second["head"], flush=True)
    shutil.copytree(work / "new", raw / "new")
    third = run(raw, curated, env)
    show(f"3. {len(news):,} new on top of the history", third, "< 15 s")
    print("   " + third["head"], flush=True)
    shutil.rmtree(raw / "new")


def growth(docs: list[dict], work: Path, env: dict) -> None:
    """The same new articles on top of histories of 0, 1/4, 1/2 and all of the corpus."""
    print("\nthe same new articles on top of histories of several sizes:")
    for size in sorted({0, len(docs) // 4, len(docs) // 2, len(docs)}):
        hist_raw, hist_cur = work / "growth-raw", work / f"growth-{size}"
        shutil.rmtree(hist_raw, ignore_errors=True)
        shutil.rmtree(hist_cur, ignore_errors=True)
        explode(docs[:size], hist_raw / "history")
        hist_raw.mkdir(parents=True, exist_ok=True)
        run(hist_raw, hist_cur, env)
        shutil.copytree(work / "new", hist_raw / "new")
        show(f"   history {size:>6,} articles", run(hist_raw, hist_cur, env), "")
        shutil.rmtree(hist_cur, ignore_errors=True)
    shutil.rmtree(work / "growth-raw", ignore_errors=True)


if __name__ == "__main__":
    main()
