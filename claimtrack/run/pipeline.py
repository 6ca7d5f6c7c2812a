"""The stages of one nightly run as plain functions; ``flows/nightly.py`` wires them as tasks.

Each function takes and returns records or DataFrames and touches disk only through
``claimtrack.store.Curated``, so a test can call any stage on its own.
"""
from __future__ import annotations

import json
import logging
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from claimtrack.stages.discover import RawFile, discover
from claimtrack.stages.extract import extract_articles
from claimtrack.stages.parse import parse_bytes
from claimtrack.records import FLAGGED_RELATIONS, Article, Claim, Match, Quote, Rejection, as_row, stable_id
from claimtrack.review.status import latest_status
from claimtrack.store import SCHEMAS, Curated, to_arrow


class PipelineError(RuntimeError):
    """A run that stopped before publishing; the message says why and what to do."""


@dataclass
class Run:
    run_id: str
    raw_dir: Path
    curated: Curated
    started_at: datetime
    parameters: dict = field(default_factory=dict)

    @property
    def ingest_date(self) -> str:
        return self.started_at.strftime("%Y-%m-%d")


def new_run(raw_dir: Path | str, curated_dir: Path | str, **parameters) -> Run:
    now = datetime.now(timezone.utc)
    run_id = now.strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:8]
    return Run(run_id, Path(raw_dir), Curated(curated_dir), now, parameters)


# ------------------------------------------------------------------ discover + parse


#: the discover stage's index of raw files already hashed (a cache: deleting it costs only time)
STAMP_FILE = "_cache/raw_files.arrow"


def discover_stage(run: Run) -> tuple[list[RawFile], list[Rejection], int]:
    known = run.curated.column_values("articles", "raw_sha256") | run.curated.column_values("rejected", "raw_sha256")
    return discover(run.raw_dir, known, stamp_file=run.curated.root / STAMP_FILE)


#: files parsed by `claimtrack run`'s quick look for new work, by (path, sha256), kept for the
#: flow's parse stage that follows in the same process (which takes them out again)
_PARSED_AHEAD: dict[tuple[str, str], tuple[list[Article], list[Rejection]]] = {}


def forget_parsed_ahead() -> None:
    """Drop what a quick check parsed (it found nothing new: no flow will ask for it)."""
    _PARSED_AHEAD.clear()


def parse_stage(raw_files: list[RawFile], keep: bool = False) -> tuple[list[Article], list[Rejection]]:
    """Articles and rejections of the raw files; ``keep``: remember each file's result for the
    next call in this process (the quick check before the flow), which then does not parse it again."""
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for raw in raw_files:
        key = (raw.raw_path, raw.sha256)
        if key in _PARSED_AHEAD:
            arts, rejs = _PARSED_AHEAD.pop(key)
        else:
            try:
                arts, rejs = parse_bytes(raw.raw_path, raw.data)
            except Exception as exc:  # one bad file never takes the batch down
                arts, rejs = [], [Rejection(raw.raw_path, "parse-error",
                                            f"could not parse: {type(exc).__name__}: {exc}"[:300], raw.sha256)]
            if keep:
                _PARSED_AHEAD[key] = (arts, rejs)
        articles.extend(arts)
        rejections.extend(rejs)
    return articles, rejections


def new_articles(articles: list[Article], stored_ids: set[str]) -> tuple[list[Article], int]:
    """Articles not stored yet (first copy wins), in publication order; and how many were dropped."""
    seen = set(stored_ids)
    fresh = []
    for art in articles:
        if art.article_id not in seen:
            seen.add(art.article_id)
            fresh.append(art)
    far_future = datetime.max.replace(tzinfo=timezone.utc)
    fresh.sort(key=lambda a: (a.published_at or far_future, a.raw_path or ""))
    return fresh, len(articles) - len(fresh)


def new_rejections(rejections: list[Rejection], stored: pd.DataFrame) -> list[Rejection]:
    """Rejections not recorded before (the same file, reason and detail)."""
    key = lambda r: (r.raw_path, r.reason, r.detail)  # noqa: E731
    seen = set(zip(stored.get("raw_path", []), stored.get("reason", []), stored.get("detail", [])))
    out = []
    for r in rejections:
        if key(r) not in seen:
            seen.add(key(r))
            out.append(r)
    return out


# ------------------------------------------------------------------ extract


def extract_stage(articles: list[Article], pool=None) -> tuple[list[Quote], list[Claim]]:
    """Quotes and claims of a batch: here, or in a worker of ``pool`` (see `extract_pool`)."""
    if pool is None:
        return extract_articles(articles)
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pool.submit(extract_articles, articles).result()
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

    Extraction is pure Python, so Prefect's thread pool runs it on one core. The workers come
    from a fork server: a clean interpreter that imports the extractors once and forks each
    worker from itself, so no worker inherits the threads Prefect runs in this process (forking
    a process with threads can deadlock the child on a lock some thread held).
    """
    from claimtrack.stages.extract import available_cpus

    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = workers or available_cpus()
    if (workers < 2 or n_articles < EXTRACT_POOL_MIN_ARTICLES
            or "forkserver" not in multiprocessing.get_all_start_methods()):
        yield None
        return

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["claimtrack.stages.extract"])
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        yield pool


# ------------------------------------------------------------------ match

ARTICLE_META = ["article_id", "published_at", "source", "title", "raw_path", "date_source", "lang"]


def _with_meta(items: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    return items.merge(meta, on="article_id", how="left", suffixes=("", "_article"))


def articles_meta(articles: list[Article]) -> pd.DataFrame:
    return pd.DataFrame([{k: getattr(a, k) for k in ARTICLE_META} for a in articles],
                        columns=ARTICLE_META).astype({"published_at": "datetime64[us, UTC]"})


#: columns of the stored quotes/claims the matchers read (the rest stays on disk)
MATCH_COLUMNS = {
    "quotes": ["quote_id", "article_id", "text", "speaker", "sentence", "speaker_mention", "speaker_via", "partial"],
    "claims": ["claim_id", "article_id", "surface", "value", "low", "high", "qualifier", "unit", "noun",
               "subject", "sentence"],
}
#: new quotes/claims matched at once; later chunks see earlier ones as history (see match_stage)
MATCH_CHUNK = 20_000


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
    ``advance(n)`` is called after each chunk, for progress.
    """
    from claimtrack.stages.match import match_claims, match_quotes

    order = {a.article_id: i for i, a in enumerate(articles)}  # publication order of the batch
    meta_new = articles_meta(articles)
    stored_meta = None

    def history_meta() -> pd.DataFrame:
        nonlocal stored_meta
        if stored_meta is None:
            stored_meta = run.curated.read("articles", columns=ARTICLE_META)
            stored_meta["published_at"] = pd.to_datetime(stored_meta["published_at"], utc=True)
        return stored_meta

    def window_filter(table: str):
        """Claims can only relate to claims of the last ``update_window``: read just their rows.

        (Rows of undated articles are kept, as the matcher keeps them; with an undated new
        article, or for quotes, every row is read.)
        """
        if table != "claims" or meta_new["published_at"].isna().any() or not run.curated.files("claims"):
            return None
        import pyarrow as pa
        import pyarrow.dataset as ds

        from claimtrack.stages.match import MatchSettings

        cutoff = meta_new["published_at"].min() - MatchSettings().update_window
        meta = history_meta()
        recent = meta.loc[meta["published_at"].isna() | (meta["published_at"] >= cutoff), "article_id"]
        if len(recent) == len(meta):
            return None
        return ds.field("article_id").isin(pa.array(recent.tolist(), type=pa.string()))

    def run_matcher(records, table, matcher) -> list[Match]:
        if not records:
            return []
        new = _with_meta(pd.DataFrame([as_row(r) for r in records]), meta_new)
        new = (new.assign(_order=new["article_id"].map(order)).sort_values(["_order", "start"], kind="stable")
               .drop(columns="_order").reset_index(drop=True))
        history = run.curated.read(table, columns=MATCH_COLUMNS[table], filter=window_filter(table))
        history = _with_meta(history, history_meta()) if len(history) else new.iloc[:0]
        out: list[Match] = []
        for start in range(0, len(new), chunk):
            part = new.iloc[start:start + chunk].reset_index(drop=True)
            out += matcher(part, history)
            if advance is not None:
                advance(len(part))  # progress: quotes+claims matched so far
            if start + chunk < len(new):
                history = pd.concat([history, part[[c for c in history.columns if c in part.columns]]],
                                    ignore_index=True)
        return out

    return run_matcher(quotes, "quotes", match_quotes) + run_matcher(claims, "claims", match_claims)


def flags_for(matches: list[Match], flagged_at: datetime, run_id: str) -> list[dict]:
    return [{"flag_id": stable_id("flag", m.kind, m.new_id, m.earlier_id), "match_id": m.match_id,
             "kind": m.kind, "relation": m.relation, "new_id": m.new_id, "earlier_id": m.earlier_id,
             "detail": m.detail, "flagged_at": flagged_at, "status": "open", "run_id": run_id,
             "confidence": m.confidence, "evidence": m.evidence}
            for m in matches if m.relation in FLAGGED_RELATIONS]


# ------------------------------------------------------------------ tables


def build_tables(run: Run, articles: list[Article], rejections: list[Rejection], quotes: list[Quote],
                 claims: list[Claim], matches: list[Match]) -> dict[str, pd.DataFrame]:
    """The new rows of each table, as DataFrames with the table's columns."""
    now = datetime.now(timezone.utc)
    tag = {"run_id": run.run_id}
    art_rows = [as_row(a) | {"ingested_at": now} | tag for a in articles]
    tables = {
        "articles": pd.DataFrame(art_rows, columns=[f.name for f in fields(Article)] + ["ingested_at", "run_id"]),
        "quotes": pd.DataFrame([as_row(q) | tag for q in quotes]),
        "claims": pd.DataFrame([as_row(c) | tag for c in claims]),
        "matches": pd.DataFrame([as_row(m) | tag for m in matches]),
        "rejected": pd.DataFrame([as_row(r) | tag | {"rejected_at": now} for r in rejections]),
    }
    for name, cols in (("quotes", ["quote_id", "article_id", "text", "start", "end"]),
                       ("claims", ["claim_id", "article_id", "surface", "value", "low", "high", "qualifier", "start", "end"]),
                       ("matches", ["match_id", "kind", "new_id", "earlier_id", "relation", "detail", "score"]),
                       ("rejected", ["raw_path", "reason", "detail"])):
        if tables[name].empty:
            tables[name] = pd.DataFrame(columns=cols)
    all_flags = pd.concat([run.curated.read("flags").drop(columns=["ingest_date"], errors="ignore"),
                           pd.DataFrame(flags_for(matches, now, run.run_id))], ignore_index=True)
    all_flags = all_flags.drop_duplicates("flag_id", keep="first") if not all_flags.empty else all_flags
    tables["flags"] = latest_status(all_flags, run.curated.read("reviews"))
    return tables


def validate_stage(run: Run, tables: dict[str, pd.DataFrame]):
    from claimtrack.stages.validate import run_suites, validation_frames

    id_columns = {"articles": "article_id", "quotes": "quote_id", "claims": "claim_id", "matches": "match_id"}
    stored_ids = {t: run.curated.column_array(t, col) for t, col in id_columns.items()}
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    cited = set(tables["quotes"].get("article_id", [])) | set(tables["claims"].get("article_id", []))
    if cited - set(texts):  # rows citing stored articles: read just those texts
        stored = run.curated.read("articles", columns=["article_id", "text"])
        stored = stored[stored["article_id"].isin(cited - set(texts))]
        texts.update(zip(stored["article_id"], stored["text"]))
    frames = validation_frames(tables, stored_ids, texts)
    return run_suites(frames)


def run_row(run: Run, status: str, tables: dict[str, pd.DataFrame] | None, report=None,
            error: str | None = None) -> dict:
    counts = {t: 0 for t in ("articles", "rejected", "quotes", "claims", "matches", "flags")}
    if tables is not None:
        for t in counts:
            if t == "flags":
                counts[t] = int((tables["flags"]["run_id"] == run.run_id).sum()) if not tables["flags"].empty else 0
            else:
                counts[t] = len(tables[t])
    return {"run_id": run.run_id, "started_at": run.started_at, "finished_at": datetime.now(timezone.utc),
            "status": status, "raw_dir": str(run.raw_dir), **counts,
            "validation": report.to_json() if report is not None else None, "error": error,
            "parameters": json.dumps(run.parameters, default=str),
            # seconds per stage, set by the flow as it goes (absent when a stage is called alone)
            "stage_seconds": json.dumps({k: round(v, 3) for k, v in getattr(run, "stage_seconds", {}).items()})}


def publish_stage(run: Run, tables: dict[str, pd.DataFrame], report) -> dict:
    """Write every table and the run's row in one atomic commit."""
    status = "succeeded" if any(len(tables[t]) for t in ("articles", "rejected")) else "nothing-new"
    row = run_row(run, status, tables, report)
    appends = {t: to_arrow(t, tables[t]) for t in ("articles", "quotes", "claims", "matches", "rejected")}
    appends["runs"] = to_arrow("runs", [row])
    # An empty reviews file is written only while the table has none, so that every table reads.
    appends["reviews"] = SCHEMAS["reviews"].empty_table()
    with run.curated.write_lock():
        run.curated.recover()
        # Reviews may have been decided while this run worked: take the latest ones now.
        flags = latest_status(tables["flags"], run.curated.read("reviews"))
        run.curated.commit(run.run_id, appends=appends, replaces={"flags": to_arrow("flags", flags)},
                           ingest_date=run.ingest_date)
    if status != "nothing-new" or not (run.curated.root / REPORT_NAME).exists():
        write_review_report(run)
    return row


REPORT_NAME = "report.html"
#: the run's page shows the oldest open flags; `claimtrack report --limit 0` writes them all
REPORT_FLAGS = 50


def write_review_report(run: Run) -> Path | None:
    """The HTML page of open flags beside the tables; a page that fails to build never fails
    the run (the tables are already published), it is only logged."""
    from claimtrack.review.report import write_report

    try:
        return write_report(run.curated, run.curated.root / REPORT_NAME, limit=REPORT_FLAGS)
    except Exception as exc:  # noqa: BLE001
        logging.getLogger("claimtrack").warning("the review report was not written: %s", exc)
        return None


def record_failure(run: Run, error: str, tables=None, report=None) -> dict:
    """Record a failed run in ``runs`` (only that row: every other table stays as it was)."""
    row = run_row(run, "failed", tables, report, error=error)
    with run.curated.write_lock():
        run.curated.commit(run.run_id, appends={"runs": to_arrow("runs", [row])}, ingest_date=run.ingest_date)
    return row


def summary(run: Run, row: dict, tables: dict[str, pd.DataFrame], report, skipped: int = 0,
            duplicates: int = 0, stage_seconds: dict | None = None, fetched=None) -> dict:
    """What a run did, for the command line and for the flow's return value."""
    rejected = tables["rejected"]
    return {
        "stage_seconds": dict(stage_seconds or {}),
        "fetched": None if fetched is None else {
            "saved": len(fetched.saved), "already_seen": fetched.already_seen,
            "failed": fetched.failed[:20], "feeds_failed": fetched.feeds_failed},
        "run_id": run.run_id, "status": row["status"], "curated": str(run.curated.root),
        **{t: row[t] for t in ("articles", "rejected", "quotes", "claims", "matches", "flags")},
        "skipped_known_files": skipped, "duplicate_articles": duplicates,
        "rejections": [dict(zip(("raw_path", "reason", "detail"), r))
                       for r in zip(rejected.get("raw_path", []), rejected.get("reason", []), rejected.get("detail", []))],
        "validation": report.summary() if report is not None else None,
        "seconds": (row["finished_at"] - run.started_at).total_seconds(),
    }
