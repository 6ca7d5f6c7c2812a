"""Sentences per second through the numeric-claim extractor, on real news sentences.

    .venv/bin/python bench/bench_claims.py [--corpus bbc-news reuters21578] [--sentences 20000]
    .venv/bin/python bench/bench_claims.py --pathological    # number-dense inputs only

Reads the first articles of each corpus under ../shared/corpus, splits them into sentences with
the extractor's own splitter, and times ``extract_claims`` on every sentence (one call each, as
``claimtrack extract`` would on sentence-sized documents), then on whole articles. Prints the
figures; the issue's target is 10,000 sentences/s. The machine is shared: figures taken while
others work are pessimistic.

``--pathological`` times number-dense inputs (dash-joined runs, digit-and-comma lines, "1 1 1 ...",
nested parentheses of amounts ...) at two sizes: a ratio near 2 for twice the input is linear.
"""
from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from claimtrack.stages.extract.claims import extract_claims
from claimtrack.stages.extract.claims.context import sentence_spans

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


PATHOLOGICAL = {
    "dash-joined '10-20-30-40-'": lambda n: "10-20-30-40-" * (n // 12),
    "digits and commas": lambda n: ("1234567,89," * (n // 11 + 1))[:n],
    "'1 1 1 ...'": lambda n: "1 " * (n // 2),
    "nested amounts '$5 ($6 (...'": lambda n: "$5 (" * (n // 8) + ")" * (n // 8),
    "nested parentheses": lambda n: "(" * (n // 2) + "$5" + ")" * (n // 2),
    "'5% 5% ...'": lambda n: "5% " * (n // 3),
    "'5. 5. ...' (sentences)": lambda n: "5. " * (n // 3),
    "title case 'Adds 5 Jobs'": lambda n: "Adds 5 Jobs " * (n // 12),
    "all caps '5 MLN DLRS'": lambda n: "ADDS 5 MLN DLRS " * (n // 16),
    "'5 to 5 to ...'": lambda n: "5 to " * (n // 5),
}


def pathological(size: int) -> None:
    """Seconds for each number-dense input at ``size`` and ``2 * size`` characters."""
    for name, make in PATHOLOGICAL.items():
        times = []
        for n in (size, 2 * size):
            text = make(n)
            t0 = time.process_time()
            extract_claims(text, "b")
            times.append(time.process_time() - t0)
        print(f"  {name:32s} {size:,} chars {times[0]:6.2f}s, {2 * size:,} chars {times[1]:6.2f}s "
              f"(ratio {times[1] / max(times[0], 1e-6):.1f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs="+", default=["bbc-news", "reuters21578"])
    ap.add_argument("--sentences", type=int, default=20000, help="sentences per corpus")
    ap.add_argument("--repeat", type=int, default=3, help="take the best of this many runs")
    ap.add_argument("--pathological", action="store_true", help="time number-dense inputs only")
    ap.add_argument("--size", type=int, default=120_000, help="characters of each pathological input")
    args = ap.parse_args()
    extract_claims("Warm-up: 3 million people and $5bn.")
    if args.pathological:
        pathological(args.size)
        return
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
