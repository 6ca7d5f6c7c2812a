"""What a reviewer's action costs on a large store: the page, a decision with its page rewrite, export.

Builds a synthetic curated folder (made-up articles, claims about a few hundred counted things,
claim and quote matches, flags with and without confidence) and prints seconds per operation.

    .venv/bin/python bench/review_desk.py [--claims 100000] [--flags 2000] [--confirmed 300]
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from claimtrack.review import load_views, record_decision
from claimtrack.review.export import export_reviews
from claimtrack.review.report import build_report, refresh_report
from claimtrack.store import Curated, to_arrow

NOUNS = [f"thing{i}" for i in range(400)]
PLACES = ["Quito", "Lima", "Oslo", "Perth", "Accra", "Hanoi", "Tunis", "Sofia"]


def build(root: Path, n_claims: int, n_flags: int, seed: int = 7) -> Curated:
    rnd = random.Random(seed)
    t0 = datetime(2025, 1, 1, tzinfo=timezone.utc)
    n_articles = max(1, n_claims // 5)
    articles = [{"article_id": f"a{i}", "source": f"Outlet {i % 40}", "title": f"Story {i}", "url": f"https://news.example/{i}",
                 "author": f"Reporter {i % 90}", "published_at": t0 + timedelta(hours=i % 8760), "text": ""}
                for i in range(n_articles)]
    claims = []
    for i in range(n_claims):
        value = float(rnd.randint(1, 5000))
        noun, place = rnd.choice(NOUNS), rnd.choice(PLACES)
        sentence = f"Officials counted {int(value)} {noun} in {place} on the day."
        claims.append({"claim_id": f"c{i}", "article_id": f"a{rnd.randrange(n_articles)}", "surface": str(int(value)),
                       "value": value, "low": value, "high": value, "qualifier": "exact", "unit": None, "noun": noun,
                       "subject": [place], "speaker": rnd.choice([None, "a ministry spokesperson"]),
                       "sentence": sentence, "start": 18, "end": 18 + len(str(int(value)))})
    quotes = [{"quote_id": f"q{i}", "article_id": f"a{rnd.randrange(n_articles)}", "text": f"We will rebuild district {i % 500}",
               "speaker": rnd.choice(["Ana Ruiz", "Tom Baird"]), "sentence": f'"We will rebuild district {i % 500}," she said.'}
              for i in range(n_claims // 10)]
    matches = [{"match_id": f"m{i}", "kind": "claim", "new_id": f"c{rnd.randrange(n_claims)}",
                "earlier_id": f"c{rnd.randrange(n_claims)}", "relation": "consistent"} for i in range(n_claims // 2)]
    matches += [{"match_id": f"mq{i}", "kind": "quote", "new_id": f"q{rnd.randrange(len(quotes))}",
                 "earlier_id": f"q{rnd.randrange(len(quotes))}", "relation": "repeat"} for i in range(len(quotes))]
    flags = []
    for i in range(n_flags):
        kind = "claim" if i % 3 else "quote"
        pool = n_claims if kind == "claim" else len(quotes)
        prefix = "c" if kind == "claim" else "q"
        flags.append({"flag_id": f"f{i:05d}", "match_id": f"mf{i}", "kind": kind,
                      "relation": "contradiction" if kind == "claim" else "altered",
                      "new_id": f"{prefix}{rnd.randrange(pool)}", "earlier_id": f"{prefix}{rnd.randrange(pool)}",
                      "detail": f"flag {i}", "flagged_at": t0 + timedelta(days=i % 300), "status": "open", "run_id": "r1",
                      "confidence": rnd.random() if i % 4 else None,
                      "evidence": "holder: Ministry; measure: counted" if i % 4 else None})
    cur = Curated(root)
    tables = {"articles": articles, "claims": claims, "quotes": quotes, "matches": matches}
    appends = {t: to_arrow(t, rows) for t, rows in tables.items()} | {"reviews": to_arrow("reviews", [])}
    cur.commit("bench", appends=appends, replaces={"flags": to_arrow("flags", flags)}, ingest_date="2025-12-31")
    return cur


def timed(label: str, fn, repeat: int = 3):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    print(f"  {label:<52} {best:7.3f} s")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--flags", type=int, default=2_000)
    ap.add_argument("--confirmed", type=int, default=300)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimtrack-desk-") as tmp:
        start = time.perf_counter()
        cur = build(Path(tmp) / "curated", args.claims, args.flags)
        print(f"store: {args.claims:,} claims, {args.claims // 10:,} quotes, {args.claims // 2 + args.claims // 10:,} "
              f"matches, {args.flags:,} flags (built in {time.perf_counter() - start:.1f} s); best of 3")
        timed("report page, 50 open flags (the run's page)", lambda: build_report(cur, limit=50))
        timed("report page, 200 open flags (claimtrack report)", lambda: build_report(cur, limit=200))
        timed("review walk: load the open flags' views", lambda: load_views(cur))
        ids = iter(f"f{i:05d}" for i in range(args.flags))
        timed("record one decision (no page)", lambda: record_decision(cur, next(ids), "dismissed", "bench"))
        timed("record one decision + rewrite report.html", lambda: (record_decision(cur, next(ids), "confirmed", "bench",
                                                                                    "a note"), refresh_report(cur)))
        for _ in range(args.confirmed):
            record_decision(cur, next(ids), "confirmed", "bench", "checked")
        reviews = timed(f"export (~{args.confirmed} confirmed flags as ClaimReview)", lambda: export_reviews(cur))
        print(f"  exported {len(reviews)} ClaimReviews")


if __name__ == "__main__":
    main()
