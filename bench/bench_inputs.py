"""Benchmark: what the parse stage makes of real inputs: languages, dates and their sources, speed.

Reads, from ../shared/corpus (never copied into the repo):

- the BBC corpus and Reuters-21578 (``articles.jsonl.gz``): language detection speed and the
  languages found (both corpora are English; an article it cannot call is null);
- the article-extraction benchmark's 181 real pages (``html/*.html.gz``, 20 not in English), read
  as gzip files by ``parse_bytes`` exactly as ``claimtrack run`` reads them: how many get a
  language that agrees with the corpus's own stop-word guess, how many get a date and from
  where, how many keep a time of day, and how many the old day-only date (trafilatura's) put
  on another UTC day than the page's own time;
- parse time per page and per article, and how the BBC corpus's .txt files are dated.

    .venv/bin/python bench/bench_inputs.py
"""
from __future__ import annotations

import collections
import gzip
import json
import time
from pathlib import Path

import trafilatura

from claimtrack.stages.dates import parse_when
from claimtrack.stages.language import detect_language
from claimtrack.stages.parse import parse_bytes

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def languages(name: str, docs: list[dict]) -> None:
    texts = [d["text"] for d in docs]
    started = time.process_time()  # CPU time: the machine is shared, wall time varies
    found = [detect_language(t) for t in texts]
    seconds = time.process_time() - started
    counts = collections.Counter(found).most_common(4)
    print(f"{name}: {len(texts):,} articles, language detection {seconds:.2f} s CPU "
          f"({1000 * seconds / len(texts):.2f} ms each); found {counts}")


def pages() -> None:
    corpus = SHARED / "article-extraction-benchmark"
    guesses = {Path(d["meta"]["html_file"]).name: d["meta"].get("lang_guess") for d in jsonl(corpus / "articles.jsonl.gz")}
    files = sorted((corpus / "html").glob("*.html.gz"))
    sources, with_time, lang_agree, lang_null, moved, parse_s = collections.Counter(), 0, 0, 0, [], 0.0
    for path in files:
        data = path.read_bytes()
        started = time.process_time()
        arts, rejected = parse_bytes(str(path), data)
        parse_s += time.process_time() - started
        if not arts:
            sources["rejected: " + rejected[0].reason] += 1
            continue
        art = arts[0]
        sources[art.date_source] += 1
        guess = guesses.get(path.name)
        english = guess in ("en", "unknown")
        lang_null += art.lang is None
        lang_agree += (art.lang == "en") == english and art.lang is not None
        if art.published_at is not None and (art.published_at.hour, art.published_at.minute) != (0, 0):
            with_time += 1
        if art.date_source == "article":
            old = trafilatura.bare_extraction(gzip.decompress(data).decode("utf-8", "replace"), with_metadata=True)
            old_day = parse_when(old.as_dict().get("date")) if old is not None else None
            if old_day is not None and old_day.date() != art.published_at.date():
                moved.append((art.url, old_day.date().isoformat(), art.published_at.isoformat()))
    n = len(files)
    print(f"article-extraction benchmark: {n} pages, parse {parse_s:.1f} s CPU ({1000 * parse_s / n:.0f} ms a page)")
    print(f"  language: {lang_agree}/{n} agree with the corpus's guess (English or not), {lang_null} null")
    print(f"  date_source: {dict(sources.most_common())}; {with_time} dates keep a time of day")
    print(f"  trafilatura's day-only date was another UTC day than the page's own time on {len(moved)} pages")
    for url, old, new in moved[:8]:
        print(f"    {old} -> {new}  {url}")


def bbc_files() -> None:
    """The BBC corpus's own .txt files (no header, no date): how they are dated."""
    root = SHARED / "bbc-news" / "raw"
    files = sorted(p for p in root.rglob("*.txt") if p.name != "README.TXT")[:300]
    sources = collections.Counter()
    for path in files:
        arts, _ = parse_bytes(str(path), path.read_bytes())
        sources[arts[0].date_source if arts else "rejected"] += 1
    print(f"bbc-news raw .txt files (first {len(files)}): date_source {dict(sources)}")


def main() -> None:
    languages("bbc-news", jsonl(SHARED / "bbc-news" / "articles.jsonl.gz"))
    languages("reuters21578", jsonl(SHARED / "reuters21578" / "articles.jsonl.gz"))
    pages()
    bbc_files()


if __name__ == "__main__":
    main()
