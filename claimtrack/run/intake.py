"""A night's intake: the new raw files (discover), their articles and rejections (parse), less
what is stored already; and the `Intake` that carries them from `claimtrack run`'s quick check
into the flow, so that nothing is discovered or parsed twice.

Only the intake stages are imported here (no extractor, matcher or Great Expectations): the
quick check answers a night with nothing new in well under a second.

>>> intake = Intake()
>>> intake.discovered, intake.parsed
(False, False)
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from claimtrack.records import Article, Rejection
from claimtrack.run.progress import Progress
from claimtrack.run.summary import summary
from claimtrack.run.tables import build_tables
from claimtrack.stages import fetch as feeds
from claimtrack.stages.discover import RawFile, discover
from claimtrack.stages.fetch import load_inputs_config
from claimtrack.stages.parse import parse_raw
from claimtrack.stages.publish import publish_stage

def wants_fetch(fetch: bool | None, config: str | None) -> bool:
    """``fetch`` when given; otherwise the config's ``[fetch] enabled`` (off without a config)."""
    if fetch is not None:
        return fetch
    path = Path(config or "claimtrack.toml")
    return path.is_file() and feeds.load_config(path).enabled


#: the discover stage's index of raw files already hashed (a cache: deleting it costs only time)
STAMP_FILE = "_cache/raw_files.arrow"


def discover_stage(run) -> tuple[list[RawFile], list[Rejection], int]:
    """New raw files (not stored by content hash), rejections, and the count skipped as known."""
    known = run.curated.column_values("articles", "raw_sha256") | run.curated.column_values("rejected", "raw_sha256")
    inputs = load_inputs_config(run.parameters.get("config"))  # [inputs] of claimtrack.toml
    return discover(run.raw_dir, known, stamp_file=run.curated.root / STAMP_FILE,
                    allow_links_to=inputs.allow_links_to, file_times=inputs.file_time_as_date)


def parse_stage(raw_files: list[RawFile]) -> tuple[list[Article], list[Rejection]]:
    """Articles and rejections of the raw files; a file that fails to parse is a rejection."""
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for raw in raw_files:
        try:
            arts, rejs = parse_raw(raw)
        except Exception as exc:  # one bad file never takes the batch down
            arts, rejs = [], [Rejection(raw.raw_path, "parse-error",
                                        f"could not parse: {type(exc).__name__}: {exc}"[:300], raw.sha256)]
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


class Intake:
    """What discover and parse found, handed from the quick check to the flow.

    A plain object on purpose (not a dataclass): Prefect records a flow's parameters on its
    server, and skips an object it cannot encode (it records ``"<Intake>"``) instead of walking
    a night of raw bytes.
    """

    __slots__ = ("raw_files", "rejected", "skipped", "articles", "duplicates", "stage_seconds")

    def __init__(self) -> None:
        self.raw_files: list[RawFile] | None = None  # None: not discovered yet
        self.rejected: list[Rejection] = []
        self.skipped = 0
        self.articles: list[Article] | None = None  # None: not parsed yet
        self.duplicates = 0
        self.stage_seconds: dict[str, float] = {}

    def __repr__(self) -> str:
        return f"<Intake of {len(self.raw_files or [])} new raw files>"

    @property
    def discovered(self) -> bool:
        return self.raw_files is not None

    @property
    def parsed(self) -> bool:
        return self.articles is not None

    @property
    def new_files(self) -> int | None:
        return None if self.raw_files is None else len(self.raw_files)

    def found(self, raw_files: list[RawFile], rejected: list[Rejection], skipped: int) -> "Intake":
        """Record what discover found."""
        self.raw_files, self.rejected, self.skipped = raw_files, rejected, skipped
        return self

    def settle(self, run, articles: list[Article], bad_files: list[Rejection]) -> "Intake":
        """Record what parse gave, less the articles and rejections stored before."""
        stored_ids = run.curated.column_values("articles", "article_id") if articles else set()
        self.articles, self.duplicates = new_articles(articles, stored_ids)
        self.rejected = new_rejections(self.rejected + bad_files, run.curated.read("rejected"))
        return self

    @property
    def has_work(self) -> bool:
        """Anything to take in (valid only once parsed)."""
        return bool(self.articles or self.rejected)


def quick_check(run, wait: float = 0.0, max_files: int = 2000) -> tuple[dict | None, Intake]:
    """`claimtrack run`'s look for new work before Prefect starts: the same discover and parse
    as the flow's, without Prefect.

    Returns the run's summary when there was nothing new (its ``nothing-new`` runs row is
    written, as the flow would), else ``None``; and the `Intake` to hand to the flow (parsed,
    unless more than ``max_files`` files are new: the flow parses those in tasks). A first run
    (no runs table yet) is left to the flow entirely: the Intake is empty.
    """
    intake = Intake()
    if not run.curated.files("runs"):
        return None, intake
    progress = Progress(log=lambda line: None)
    with run.curated.run_lock(wait):
        run.curated.recover()
        with progress.stage("discover"):
            intake.found(*discover_stage(run))
        if intake.new_files <= max_files:
            with progress.stage("parse"):
                intake.settle(run, *parse_stage(intake.raw_files))
        intake.stage_seconds = dict(progress.stage_seconds)
        if not intake.parsed or intake.has_work:
            return None, intake
        tables = build_tables(run, [], [], [], [], [])
        run.stage_seconds = progress.stage_seconds
        row = publish_stage(run, tables, None)
    return summary(run, row, tables, None, skipped=intake.skipped, duplicates=intake.duplicates,
                   stage_seconds=progress.stage_seconds), intake
