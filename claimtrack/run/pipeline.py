"""The stage calls of one run, as plain functions over records and DataFrames.

The flow (`claimtrack.run.flow`) wires them as Prefect tasks; `claimtrack run`'s quick check
calls the same intake functions before Prefect starts (`claimtrack.run.intake`). Each touches
disk only through ``claimtrack.store.Curated``, so a test can call any stage on its own.
"""
from __future__ import annotations

import logging
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

import pandas as pd

from claimtrack.records import Article, Claim, Match, Quote
from claimtrack.run.intake import discover_stage, new_articles, new_rejections, parse_stage
from claimtrack.run.matching import ARTICLE_META, MATCH_CHUNK, MATCH_COLUMNS, NightMatch, articles_meta  # noqa: F401
from claimtrack.run.record import PipelineError, Run, new_run
from claimtrack.run.tables import build_tables
from claimtrack.stages.extract import available_cpus, extract_articles
from claimtrack.stages.publish import publish_stage, record_failure
from claimtrack.stages.validate import run_suites, validation_frames
from claimtrack.store import ID_COLUMNS
from claimtrack.workers import worker_context

# Every stage call in one namespace, for a caller (a test, a bench, a notebook) that runs the
# stages by hand as ``pipeline.X``: the intake, record, tables and publish ones are re-exported.
__all__ = ["PipelineError", "Run", "new_run", "discover_stage", "parse_stage", "new_articles", "new_rejections",
           "parse_in", "submit_extract", "extract_stage", "extract_pool", "match_stage", "build_tables", "validate_stage", "publish_stage",
           "record_failure"]

# ------------------------------------------------------------------ parse, extract


def parse_in(raw_files, pool=None) -> tuple[list[Article], list]:
    """`parse_stage` here, or in a worker of ``pool`` (the extract workers, see `extract_pool`)."""
    if pool is None:
        return parse_stage(raw_files)
    try:
        return pool.submit(parse_stage, raw_files).result()
    except BrokenProcessPool as exc:  # as in extract_stage: the chunk is parsed here, never lost
        logging.getLogger("claimtrack").warning("parse workers failed (%s): parsing in this process", exc)
        return parse_stage(raw_files)



def submit_extract(articles: list[Article], pool) -> Future:
    """Queue a batch in ``pool`` now; `extract_stage` takes its result."""
    return pool.submit(extract_articles, articles)


def extract_stage(articles: list[Article], pool=None, submitted: Future | None = None) -> tuple[list[Quote], list[Claim]]:
    """Quotes and claims of a batch: here, or in a worker of ``pool`` (see `extract_pool`); or the
    result of its ``submitted`` job (`submit_extract`)."""
    if pool is None and submitted is None:
        return extract_articles(articles)
    try:
        return (submitted or pool.submit(extract_articles, articles)).result()
    except BrokenProcessPool as exc:  # a worker died (out of memory, killed, a main module
        # that starts work when imported): the batch is done here instead, never lost
        logging.getLogger("claimtrack").warning("extract workers failed (%s): extracting in this process", exc)
        return extract_articles(articles)


#: a run with fewer new articles than this extracts them in its own process: starting workers
#: (a fresh interpreter importing the extractors, about 0.5 s) costs more than a second core saves
EXTRACT_POOL_MIN_ARTICLES = 1500


@contextmanager
def extract_pool(n_articles: int, workers: int | None = None):
    """Worker processes for the extract stage, or ``None`` when one process is enough.

    Extraction is pure Python, so Prefect's thread pool runs it on one core; the workers are
    started by the one rule of `claimtrack.workers` (in a run: from the fork server).
    """
    workers = workers or available_cpus()
    if workers < 2 or n_articles < EXTRACT_POOL_MIN_ARTICLES:
        yield None
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=worker_context()) as pool:
        yield pool


# ------------------------------------------------------------------ match


def match_stage(run: Run, articles: list[Article], quotes: list[Quote], claims: list[Claim],
                chunk: int = MATCH_CHUNK, advance=None) -> list[Match]:
    """Relate new quotes and claims to everything stored before and to earlier new articles.

    Only the columns the matchers read are loaded from the stored tables. The new items are
    matched in publication order, ``chunk`` at a time, each chunk against the history plus the
    chunks before it: exactly as if the articles had arrived over several runs. Each new claim
    meets only the most recent earlier claims of its block (the batch's own first), so a chunk's
    cost grows with its size, not its square; chunks bound the memory of a large backfill and
    move the progress bar, while every chunk re-reads the history it needs (a 19,000-article
    first night: 25-29 s in chunks of 2,000, 12-15 s in chunks of 20,000).
    ``advance(n)`` is called after each chunk, for progress. (`NightMatch.add` gives the same
    matches batch by batch, while extraction runs: see `claimtrack.run.matching`.)
    """
    night = NightMatch(run, articles, chunk=chunk, advance=advance)
    return night.all_at_once("quotes", quotes) + night.all_at_once("claims", claims)


# ------------------------------------------------------------------ validate


def validate_stage(run: Run, tables: dict[str, pd.DataFrame]):
    """The validation report of a night's tables (`claimtrack.stages.validate`), with the ids
    already stored and the texts of every article a new row cites."""
    stored_ids = {t: run.curated.column_array(t, col) for t, col in ID_COLUMNS.items() if t != "flags"}
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    cited = set(tables["quotes"].get("article_id", [])) | set(tables["claims"].get("article_id", []))
    if cited - set(texts):  # rows citing stored articles: read just those texts
        stored = run.curated.read("articles", columns=["article_id", "text"])
        stored = stored[stored["article_id"].isin(cited - set(texts))]
        texts.update(zip(stored["article_id"], stored["text"]))
    frames = validation_frames(tables, stored_ids, texts)
    report = run_suites(frames)
    _name_raw_files(run, report, tables["articles"])
    return report


def _name_raw_files(run: Run, report, new_articles_frame: pd.DataFrame) -> None:
    """Give each example row of a failed check the raw file its article came from."""
    wanted = {r["article_id"] for f in report.failures for r in f.rows if r.get("article_id") and not r.get("raw_path")}
    if not wanted:
        return
    paths = dict(zip(new_articles_frame.get("article_id", []), new_articles_frame.get("raw_path", [])))
    if wanted - set(paths):
        stored = run.curated.read("articles", columns=["article_id", "raw_path"])
        paths.update(zip(stored["article_id"], stored["raw_path"]))
    for f in report.failures:
        for r in f.rows:
            if r.get("article_id") and not r.get("raw_path"):
                r["raw_path"] = paths.get(r["article_id"])
