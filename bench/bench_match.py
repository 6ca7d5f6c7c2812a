"""Benchmark: a night's 10,000 new claims against a history of 1,000,000 claims.

The claims are real: ``claimtrack.stages.extract.claims.extract_claims`` over the Reuters-21578 corpus gives the
nouns, units, subjects and sentences (cached under /work/scratch/matcher/). They are sampled
with replacement and perturbed (values moved, dates spread over the past year, articles of eight
claims each) to reach the sizes, so the key and subject distributions are the corpus's own.
Prints seconds and peak memory (target: < 30 s, < 2 GB).

    cd /work/main && .venv/bin/python bench/bench_match.py [--history 1000000] [--new 10000]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pandas as pd

from claimtrack.stages.extract.claims import extract_claims
from claimtrack.stages.match import match_claims

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/reuters21578/articles.jsonl.gz"
CACHE = Path("/work/scratch/matcher/reuters_claims.parquet")
TONIGHT = pd.Timestamp("1988-03-01T02:00", tz="UTC")


def corpus_claims(path: Path, cache: Path, refresh: bool) -> pd.DataFrame:
    """Every claim of the corpus (cached: extraction takes a while)."""
    if cache.exists() and not refresh:
        return pd.read_parquet(cache)
    rows = []
    t0 = time.perf_counter()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            rows += [asdict(c) for c in extract_claims(a["text"], a["id"])]
    print(f"extracted {len(rows)} claims from the corpus in {time.perf_counter() - t0:.0f} s")
    df = pd.DataFrame(rows)
    cache.parent.mkdir(parents=True, exist_ok=True)
    df.to_parquet(cache)
    return df


def synthesize(base: pd.DataFrame, n: int, rng: np.random.Generator, prefix: str,
               start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """``n`` claims sampled from ``base``; values perturbed, 8 claims per synthetic article."""
    df = base.iloc[rng.integers(0, len(base), n)].reset_index(drop=True)
    # half keep their figure (repeats), the rest move a little or a lot
    factor = np.where(rng.random(n) < 0.5, 1.0,
                      np.where(rng.random(n) < 0.6, rng.uniform(0.9, 1.1, n), rng.uniform(0.3, 3.0, n)))
    for col in ("value", "low", "high"):
        df[col] = df[col].to_numpy("float64") * factor
    ids = np.arange(n)
    df["claim_id"] = [f"{prefix}{i}" for i in ids]
    df["article_id"] = [f"{prefix}a{i // 8}" for i in ids]
    span = (end - start).total_seconds()
    offsets = np.sort(rng.uniform(0, span, n // 8 + 1))[ids // 8]
    df["published_at"] = start + pd.to_timedelta(offsets, unit="s")
    df["source"] = "Reuters"
    df["title"] = None
    return df


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--history", type=int, default=1_000_000)
    ap.add_argument("--new", type=int, default=10_000)
    ap.add_argument("--refresh", action="store_true", help="re-extract the corpus claims")
    ap.add_argument("--claims", type=Path, default=None,
                    help="read the corpus claims from this claims table (e.g. a curated folder's claims/) "
                         "instead of extracting them")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    base = pd.read_parquet(args.claims) if args.claims else corpus_claims(CORPUS, CACHE, args.refresh)
    print(f"corpus claims: {len(base)}; distinct noun keys: {base['noun'].nunique()}, "
          f"units: {base['unit'].nunique()}")
    rng = np.random.default_rng(args.seed)
    history = synthesize(base, args.history, rng, "h", TONIGHT - pd.Timedelta(days=365),
                         TONIGHT - pd.Timedelta(days=1))
    new = synthesize(base, args.new, rng, "n", TONIGHT - pd.Timedelta(hours=20), TONIGHT)
    new = new.sort_values("published_at", kind="stable").reset_index(drop=True)
    before = rss_mb()
    load = os.getloadavg()[0]
    print(f"history {len(history):,} rows, new {len(new):,} rows; peak RSS before matching {before:.0f} MB")

    t0, c0 = time.perf_counter(), cpu_seconds()
    matches = match_claims(new, history)
    seconds, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    peak = rss_mb()
    rel = pd.Series([m.relation for m in matches]).value_counts().to_dict()
    print(f"load average before: {load:.1f} (2 cores shared: wall time is pessimistic when high)")
    print(f"match_claims: {seconds:.1f} s wall, {cpu:.1f} s CPU, peak RSS {peak:.0f} MB (matching added {peak - before:.0f} MB); "
          f"{len(matches):,} matches {rel}")


if __name__ == "__main__":
    main()
