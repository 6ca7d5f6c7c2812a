"""Matching over time on a real developing story: the 1987 Ecuador earthquake thread.

Runs the extractors and the matcher over the 52 Reuters reports of the thread
(``meta.story == "ecuador-earthquake-1987"``) as nightly runs: each calendar day's articles are
``new``, everything from earlier days is ``history``. Prints every claim match (which figure got
linked to which, and how), the quote matches, and a summary of links by counted thing, so one
can check that deaths link to deaths and homeless to homeless, never one to the other.

    cd /work/main && .venv/bin/python bench/ecuador_thread.py [--all] [--corpus PATH]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import time
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from claimtrack.stages.extract import extract_text
from claimtrack.stages.match import match_claims, match_quotes
from claimtrack.stages.match.figures import concept_keys
from claimtrack.records import FLAGGED_RELATIONS

CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/reuters21578-stories/articles.jsonl.gz"
STORY = "ecuador-earthquake-1987"
CASUALTY = {"dead", "injured", "homeless", "missing", "displaced", "evacuated", "rescued"}


def load(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    rows = [r for r in rows if (r.get("meta") or {}).get("story") == STORY]
    return sorted(rows, key=lambda r: (r["date"], r["id"]))


def tables(articles: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    claims, quotes = [], []
    for a in articles:
        qs, cs = extract_text(a["text"], a["id"])
        extra = {"published_at": pd.Timestamp(a["date"], tz="UTC"), "source": a.get("source"),
                 "title": a.get("title")}
        claims += [{**asdict(c), **extra} for c in cs]
        quotes += [{**asdict(q), **extra} for q in qs]
    return pd.DataFrame(claims), pd.DataFrame(quotes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--all", action="store_true", help="print every match, not only casualty figures")
    args = ap.parse_args()
    articles = load(args.corpus)
    claims, quotes = tables(articles)
    print(f"{len(articles)} articles, {len(claims)} claims, {len(quotes)} quotes")
    claims["day"] = claims["published_at"].dt.strftime("%Y-%m-%d")
    quotes["day"] = quotes["published_at"].dt.strftime("%Y-%m-%d") if len(quotes) else []
    claims["concept"] = concept_keys(claims).to_numpy()
    by_id = claims.set_index("claim_id")

    t0 = time.perf_counter()
    cmatches, qmatches = [], []
    for day in sorted(claims["day"].unique()):
        new = claims[claims["day"] == day].drop(columns=["day", "concept"])
        hist = claims[claims["day"] < day].drop(columns=["day", "concept"])
        cmatches += match_claims(new, hist)
        if len(quotes):
            qnew, qhist = quotes[quotes["day"] == day], quotes[quotes["day"] < day]
            qmatches += match_quotes(qnew.drop(columns="day"), qhist.drop(columns="day"))
    seconds = time.perf_counter() - t0

    links = collections.Counter()
    print("\n== claim matches (new <- earlier) ==")
    for m in cmatches:
        n, e = by_id.loc[m.new_id], by_id.loc[m.earlier_id]
        links[(e["concept"], n["concept"], m.relation)] += 1
        if args.all or n["concept"].split("|")[0] in CASUALTY or e["concept"].split("|")[0] in CASUALTY:
            print(f"[{m.relation:13}] {m.score:.2f} {n['day']} {n['surface']!r} ({n['concept']}) <- "
                  f"{e['published_at']:%m-%d} {e['surface']!r} ({e['concept']})")
            print(f"      {m.detail}")
    print("\n== quote matches ==")
    for m in qmatches:
        print(f"[{m.relation:13}] {m.score:.0f} {m.detail}")

    print("\n== links by counted thing (earlier concept -> new concept: relation count) ==")
    for (ec, nc, rel), k in sorted(links.items()):
        print(f"  {ec:>22} -> {nc:<22} {rel:13} {k}")
    cross = sum(k for (ec, nc, _), k in links.items()
                if ec.split("|")[0] in CASUALTY and nc.split("|")[0] in CASUALTY
                and ec.split("|")[0] != nc.split("|")[0])
    flags = sum(m.relation in FLAGGED_RELATIONS for m in cmatches + qmatches)
    print(f"\nclaim matches: {len(cmatches)}; quote matches: {len(qmatches)}; flags for a reviewer: {flags}; "
          f"links between different casualty kinds (must be 0): {cross}; matching took {seconds:.2f} s")


if __name__ == "__main__":
    main()
