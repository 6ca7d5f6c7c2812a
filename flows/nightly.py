"""The ``nightly`` flow: the stage table of DESIGN.md, one Prefect task per stage.

| stage    | in                                   | out                                     |
|----------|--------------------------------------|-----------------------------------------|
| discover | data/raw/                            | raw files not yet ingested (by hash)    |
| parse    | raw files                            | articles; bad files -> rejected         |
| extract  | articles, in batches                 | quotes and numeric claims               |
| match    | new quotes/claims + all earlier ones | matches (flags for a human)             |
| validate | every table about to be written      | Great Expectations results              |
| publish  | validated tables                     | Parquet under data/curated/, a runs row |
"""
from __future__ import annotations

from claimtrack.prefect_env import configure_prefect

configure_prefect()

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402

from claimtrack import pipeline  # noqa: E402
from claimtrack.pipeline import PipelineError  # noqa: E402


@task(name="discover", cache_policy=NO_CACHE)
def discover(run):
    return pipeline.discover_stage(run)


@task(name="parse", cache_policy=NO_CACHE)
def parse(run, raw_files):
    articles, rejected = pipeline.parse_stage(raw_files)
    stored = run.curated.column_values("articles", "article_id")
    articles, duplicates = pipeline.new_articles(articles, stored)
    return articles, rejected, duplicates


@task(name="extract", cache_policy=NO_CACHE)
def extract(batch):
    return pipeline.extract_stage(batch)


@task(name="match", cache_policy=NO_CACHE)
def match(run, articles, quotes, claims):
    return pipeline.match_stage(run, articles, quotes, claims)


@task(name="validate", cache_policy=NO_CACHE)
def validate(run, tables):
    return pipeline.validate_stage(run, tables)


@task(name="publish", cache_policy=NO_CACHE)
def publish(run, tables, report):
    return pipeline.publish_stage(run, tables, report)


def batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


@flow(name="nightly")
def nightly(raw_dir: str = "data/raw", curated_dir: str = "data/curated", batch_size: int = 500,
            wait: float = 0.0) -> dict:
    """One pipeline run: every new article in ``raw_dir`` into the tables under ``curated_dir``."""
    run = pipeline.new_run(raw_dir, curated_dir, batch_size=batch_size)
    with run.curated.run_lock(wait):
        run.curated.recover()
        tables = report = None
        try:
            raw_files, rejected, skipped = discover(run)
            articles, bad_files, duplicates = parse(run, raw_files)
            rejected = pipeline.new_rejections(rejected + bad_files, run.curated.read("rejected"))
            quotes, claims = [], []
            for batch_quotes, batch_claims in extract.map(batches(articles, batch_size)).result():
                quotes += batch_quotes
                claims += batch_claims
            matches = match(run, articles, quotes, claims)
            tables = pipeline.build_tables(run, articles, rejected, quotes, claims, matches)
            # Nothing new: nothing to validate (and no reason to pay for importing GX).
            report = validate(run, tables) if articles or rejected else None
            if report is not None and not report.ok:
                raise PipelineError("validation failed, nothing was published: "
                                    + "; ".join(f.line() for f in report.hard_failures[:3]))
            row = publish(run, tables, report)
        except Exception as exc:
            message = str(exc) if isinstance(exc, PipelineError) else f"{type(exc).__name__}: {exc}"
            try:
                pipeline.record_failure(run, message, tables, report)
            except Exception:  # e.g. a full disk: the original error is the one to report
                pass
            raise
    return pipeline.summary(run, row, tables, report, skipped=skipped, duplicates=duplicates)
