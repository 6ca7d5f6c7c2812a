"""Sentences per second through the numeric-claim extractor, on real news sentences.

    .venv/bin/python bench/bench_claims.py [--corpus bbc-news reuters21578] [--sentences 20000]

Reads the first articles of each corpus under ../shared/corpus, splits them into sentences with
the extractor's own splitter, and times ``extract_claims`` on every sentence (one call each, as
``claimtrack extract`` would on sentence-sized documents), then on whole articles. Prints the
figures; the issue's target is 10,000 sentences/s. The machine is shared: figures taken while
others work are pessimistic.
"""
from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from claimtrack.claims import extract_claims
from claimtrack.claims.context import sentence_spans

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def load(corpus: str, max_sentences: int) -> tuple[list[str], list[str]]:
    """(sentences, articles) from the first articles of ``corpus`` until ``max_sentences``."""
    sentences: list[str] = []
    articles: list[str] = []
    with gzip.open(CORPUS / corpus / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line).get("text") or ""
            if not text.strip():
                continue
            articles.append(text)
            sentences.extend(text[a:b] for a, b in sentence_spans(text))
            if len(sentences) >= max_sentences:
                break
    return sentences[:max_sentences], articles


def best_of(fn, repeat: int) -> tuple[float, float]:
    """Best wall-clock and best process-CPU seconds of ``repeat`` runs (CPU time is what the
    extractor itself costs; wall time includes waiting for the other users of a shared machine)."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=["bbc-news", "reuters21578"])
    ap.add_argument("--sentences", type=int, default=20000, help="sentences per corpus")
    ap.add_argument("--repeat", type=int, default=3, help="take the best of this many runs")
    args = ap.parse_args()
    extract_claims("Warm-up: 3 million people and $5bn.")
    for corpus in args.corpus:
        sentences, articles = load(corpus, args.sentences)
        n_claims = sum(len(extract_claims(s)) for s in sentences)
        wall, cpu = best_of(lambda: [extract_claims(s, "b") for s in sentences], args.repeat)
        a_wall, a_cpu = best_of(lambda: [extract_claims(a, "b") for a in articles], args.repeat)
        n = len(sentences)
        print(f"{corpus}: {n} sentences, {n_claims} claims")
        print(f"  one sentence per call: {n / wall:,.0f} sentences/s wall-clock, {n / cpu:,.0f} sentences/s CPU")
        print(f"  whole articles ({len(articles)}): {n / a_wall:,.0f} sentences/s wall-clock, "
              f"{n / a_cpu:,.0f} sentences/s CPU ({len(articles) / a_cpu:,.0f} articles/s CPU)")


if __name__ == "__main__":
    main()
