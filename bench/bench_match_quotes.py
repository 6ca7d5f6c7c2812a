"""The quote matcher alone, over the quotes a real ``claimtrack run`` stored: seconds and flags.

Reads the quotes and article metadata of a curated folder, matches them as the run's match stage
would (publication order; all new on a first night, or ``--split DATE``: the articles published
from DATE on are the night's new ones, everything before is history), and prints the seconds
``match_quotes`` took, the matches per relation and the quote flags per 1,000 articles.
``--show`` prints each flag's evidence and detail. Re-matching takes seconds where a run takes
minutes, so rules can be tried on a night without extracting it again.

    PATH=.venv/bin:$PATH claimtrack run --raw /tmp/reuters-raw --curated /tmp/reuters-cur
    .venv/bin/python bench/bench_match_quotes.py /tmp/reuters-cur [--split 1987-03-30] [--show]

Example output (Reuters-21578, first night)::

    11521 quotes of 18694 articles: 0 history, 11521 new; match_quotes 5.4 s
    matches: altered 16, misattributed 1, repeat 466
    quote flags per 1,000 new articles: altered 0.86, misattributed 0.05
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from claimtrack.records import FLAGGED_RELATIONS
from claimtrack.stages.match import match_quotes
from claimtrack.store import Curated

META = ["article_id", "published_at", "source", "title", "raw_path", "date_source", "lang"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("curated", type=Path)
    ap.add_argument("--split", default=None, help="articles published from this date on are new (default: all)")
    ap.add_argument("--show", action="store_true", help="print every flag's evidence and detail")
    args = ap.parse_args(argv)
    store = Curated(args.curated)
    if not store.files("quotes"):
        raise SystemExit(f"error: no quotes table under {args.curated}")
    meta = store.read("articles", columns=META)
    meta["published_at"] = pd.to_datetime(meta["published_at"], utc=True)
    quotes = store.read("quotes").drop(columns=["run_id", "ingest_date"], errors="ignore").merge(meta, on="article_id")
    quotes = quotes.sort_values(["published_at", "article_id", "start"], kind="stable", na_position="last")
    if args.split:
        cut = pd.Timestamp(args.split, tz="UTC")
        is_new = quotes["published_at"] >= cut
        new_articles = int((meta["published_at"] >= cut).sum())
    else:
        is_new = pd.Series(True, index=quotes.index)
        new_articles = len(meta)
    history, new = quotes[~is_new].reset_index(drop=True), quotes[is_new].reset_index(drop=True)
    t = time.perf_counter()
    matches = match_quotes(new, history)
    took = time.perf_counter() - t
    counts = pd.Series([m.relation for m in matches], dtype="object").value_counts().sort_index()
    print(f"{len(quotes)} quotes of {len(meta)} articles: {len(history)} history, {len(new)} new; "
          f"match_quotes {took:.1f} s")
    print("matches: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    per = {r: 1000 * int(counts.get(r, 0)) / max(new_articles, 1) for r in FLAGGED_RELATIONS if r != "contradiction"}
    print("quote flags per 1,000 new articles: " + ", ".join(f"{k} {v:.2f}" for k, v in per.items()))
    if args.show:
        for m in sorted((m for m in matches if m.relation in FLAGGED_RELATIONS), key=lambda m: -(m.confidence or 0)):
            print(f"\n{m.relation} {m.confidence}: {m.evidence}\n  {m.detail}")


if __name__ == "__main__":
    main()
