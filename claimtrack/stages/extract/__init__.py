"""The extract stage: quotes first, then claims (a claim inside a quote takes its speaker).

:func:`extract_lines` is what ``claimtrack extract`` runs: one JSON line per document, in input
order, computed in a pool of worker processes when the input is large enough to pay for one.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Sequence

import orjson

from claimtrack.stages.extract.claims import extract_claims
from claimtrack.stages.extract.quotes import extract_quotes
from claimtrack.records import Article, Claim, Quote, as_row

#: below this many characters of text in all, ``extract_lines`` stays in this process: starting
#: workers costs more than it saves (about 0.2 s of extraction on one core)
PARALLEL_MIN_CHARS = 300_000
#: documents per task sent to a worker: small enough to share the work out evenly at the end
CHUNK_DOCS = 25


def extract_text(text: str, article_id: str = "") -> tuple[list[Quote], list[Claim]]:
    """Quotes and claims of one text; offsets are relative to ``text``."""
    quotes = extract_quotes(text, article_id)
    claims = extract_claims(text, article_id, quotes)
    return quotes, claims


def extract_articles(articles: Iterable[Article]) -> tuple[list[Quote], list[Claim]]:
    """Quotes and claims of a batch of articles, in article order."""
    all_quotes: list[Quote] = []
    all_claims: list[Claim] = []
    for article in articles:
        quotes, claims = extract_text(article.text, article.article_id)
        all_quotes.extend(quotes)
        all_claims.extend(claims)
    return all_quotes, all_claims


def available_cpus() -> int:
    """CPUs this process may run on (its affinity where the system tells it)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _encode(doc_id, text: str) -> str:
    """One output line of ``claimtrack extract``: {"id", "quotes", "claims"} as compact JSON.

    orjson, not ``json``: a third of the time for the same JSON. It writes the records
    (slotted dataclasses) itself, fields in order, so no row dict is built per record. Every
    float it meets is finite (``claims`` drops the others), so none turns into ``null``; an id
    orjson cannot write (an integer past 64 bits) goes through ``json``.
    """
    quotes, claims = extract_text(text, str(doc_id))
    try:
        return orjson.dumps({"id": doc_id, "quotes": quotes, "claims": claims},
                            default=str, option=orjson.OPT_APPEND_NEWLINE).decode()
    except orjson.JSONEncodeError:
        row = {"id": doc_id, "quotes": [as_row(q) for q in quotes], "claims": [as_row(c) for c in claims]}
        return json.dumps(row, ensure_ascii=False, default=str, separators=(",", ":")) + "\n"


def _encode_chunk(chunk: list[tuple[object, str]]) -> str:
    """The output lines of a chunk of (id, text) pairs, joined (one string pickles fastest)."""
    return "".join(_encode(doc_id, text) for doc_id, text in chunk)


def extract_lines(docs: Sequence[tuple[object, str]], jobs: int | None = None) -> Iterator[str]:
    """The output of ``claimtrack extract`` for (id, text) pairs, in input order, as pieces of
    whole JSON lines (one document's line, or a chunk's lines joined).

    ``jobs``: worker processes (default: the CPUs available). Small inputs, and ``jobs`` 1, run
    in this process; the output is the same either way.
    """
    jobs = available_cpus() if jobs is None else max(1, jobs)
    if jobs > 1 and len(docs) > 1 and sum(len(t) for _, t in docs) >= PARALLEL_MIN_CHARS:
        yield from _parallel(docs, jobs)
        return
    for doc_id, text in docs:
        yield _encode(doc_id, text)


def _parallel(docs: Sequence[tuple[object, str]], jobs: int) -> Iterator[str]:
    import multiprocessing

    # fork shares the modules (and their compiled patterns) already imported here: no start-up
    # cost per worker; elsewhere the platform's default start method
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    size = max(1, min(CHUNK_DOCS, -(-len(docs) // (jobs * 4))))
    chunks = [list(docs[i:i + size]) for i in range(0, len(docs), size)]
    with ctx.Pool(min(jobs, len(chunks))) as pool:
        yield from pool.imap(_encode_chunk, chunks)
