"""The ``nightly`` flow: the stage table of DESIGN.md, one Prefect task per stage.

| stage    | in                                   | out                                     |
|----------|--------------------------------------|-----------------------------------------|
| fetch    | feed URLs from claimtrack.toml (opt) | new files under data/raw/<date>/        |
| discover | data/raw/                            | raw files not yet ingested (by hash)    |
| parse    | raw files                            | articles; bad files -> rejected         |
| extract  | articles, in batches                 | quotes and numeric claims               |
| match    | new quotes/claims + all earlier ones | matches (flags for a human)             |
| validate | every table about to be written      | Great Expectations results              |
| publish  | validated tables                     | Parquet under data/curated/, a runs row |

``fetch`` runs only when asked (``fetch=True`` or ``[fetch] enabled = true`` in the config).
``extract`` runs as tasks on the flow's own threads, which hand the batches to worker
processes (one per CPU) when the night is large enough to pay for them; or on a Dask cluster with
``task_runner="dask"`` (a local cluster, or the scheduler at ``dask_address``): only the
extract batches go there, every other stage reads and writes the local folders.
"""
from __future__ import annotations

from claimtrack.run.prefect_server import configure_prefect

configure_prefect()

from contextlib import ExitStack, contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
# quote(): Prefect walks every task argument looking for futures to wait on; through a night's
# 130,000 quote and claim records that took longer than matching them (60 s of a first night)
from prefect.utilities.annotations import quote, unmapped  # noqa: E402

from claimtrack.stages import fetch as feeds  # noqa: E402
from claimtrack.run import pipeline  # noqa: E402
from claimtrack.run.pipeline import PipelineError  # noqa: E402
from claimtrack.run.progress import Progress  # noqa: E402
from claimtrack.run.validation_worker import gx_imported, validation_worker  # noqa: E402

PARSE_CHUNK = 2000  # raw files per parse task: progress moves, memory stays flat
#: more new-looking raw files than this: go straight to the flow (the quick check parses them to
#: see whether they hold only articles stored before; the flow then reuses what it parsed)
QUICK_CHECK_FILES = 2000
#: at most this many new raw files: Great Expectations is imported and run in a worker process,
#: started after discover, on the core that extract and match leave free (unless this process
#: has imported GX already: an earlier run in it); a larger night (whose extract workers use
#: every core, and whose tables would be copied to the worker) imports GX in the run's process,
#: while Prefect's server boots (see `claimtrack.cli.run`)
VALIDATE_ASIDE_FILES = QUICK_CHECK_FILES


def validates_aside(new_files: int | None) -> bool:
    """Will a night of ``new_files`` new raw files (``None``: not counted) validate in a worker?"""
    return new_files is not None and 0 < new_files <= VALIDATE_ASIDE_FILES and not gx_imported()


def _transient(task, task_run, state) -> bool:
    """Retry a download only when a retry can help (a timeout, a 5xx), not a 404 or a size cap."""
    try:
        state.result()
    except Exception as exc:
        return getattr(exc, "transient", False)
    return False


@task(name="fetch-feed", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=10, retry_condition_fn=_transient)
def fetch_feed(feed, cfg, pacer):
    return feeds.fetch_feed(feed, cfg, pacer)


@task(name="fetch-item", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=10, retry_condition_fn=_transient)
def fetch_item(item, cfg, out_dir, pacer):
    return feeds.fetch_item(item, cfg, out_dir, pacer)


@task(name="discover", cache_policy=NO_CACHE)
def discover(run):
    return pipeline.discover_stage(run)


@task(name="parse", cache_policy=NO_CACHE)
def parse(raw_files):
    return pipeline.parse_stage(raw_files)


@task(name="extract", cache_policy=NO_CACHE)
def extract(batch, pool=None):
    return pipeline.extract_stage(batch, pool)


@task(name="match", cache_policy=NO_CACHE)
def match(run, articles, quotes, claims, advance=None):
    return pipeline.match_stage(run, articles, quotes, claims, advance=advance)


@task(name="validate", cache_policy=NO_CACHE)
def validate(run, tables, worker=None):
    return worker.validate(run, tables) if worker is not None else pipeline.validate_stage(run, tables)


@task(name="publish", cache_policy=NO_CACHE)
def publish(run, tables, report):
    return pipeline.publish_stage(run, tables, report)


def batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def extract_batches(article_batches: list[list], advance, runner=None, pool=None) -> list[tuple[list, list]]:
    """Extract every batch, on ``runner`` (a Dask runner, already entered) or as tasks on the
    flow's own threads, each handing its batch to a worker process of ``pool`` when given.

    Results come back in batch order; ``advance`` is told as each batch finishes.
    """
    if runner is None:
        futures = extract.map([quote(b) for b in article_batches], pool=unmapped(pool))
    else:
        futures = [runner.submit(extract, parameters={"batch": b}) for b in article_batches]
    index = {id(f): i for i, f in enumerate(futures)}
    results: list = [None] * len(futures)
    for fut in as_completed(futures):
        results[index[id(fut)]] = fut.result()
        advance(len(article_batches[index[id(fut)]]))
    return results


@contextmanager
def dask_runner(address: str | None):
    """prefect-dask's runner, entered: the scheduler at ``address``, or a local two-worker cluster.

    Local workers are started with this run's Prefect API in their environment, so their task
    runs report to the same server (without it each worker would start a temporary server of
    its own). Workers of an existing cluster need ``PREFECT_API_URL`` set where they run.
    """
    import logging
    import os

    try:
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise PipelineError("--task-runner dask needs prefect-dask: pip install 'claimtrack[dask]'") from None
    from prefect.client.orchestration import get_client

    logging.getLogger("distributed").setLevel(logging.WARNING)  # no INFO line per worker event
    if address:
        runner = DaskTaskRunner(address=address)
    else:
        # Loopback only, no dashboard: a local cluster must not listen on every interface.
        runner = DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True,
                                                "host": "127.0.0.1", "dashboard_address": None})
    saved = os.environ.get("PREFECT_API_URL")
    with get_client(sync_client=True) as client:
        os.environ["PREFECT_API_URL"] = str(client.api_url).rstrip("/")
    try:
        with runner:
            yield runner
    finally:
        if saved is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = saved


def fetch_stage(raw_dir: str, config: str | None, progress: Progress) -> feeds.FetchReport:
    cfg = feeds.load_config(config or "claimtrack.toml")
    options = {"retries": cfg.retries, "retry_delay_seconds": cfg.retry_delay}
    with progress.stage("fetch", total=None, unit="items") as advance:
        report = feeds.fetch_all(cfg, raw_dir, get_feed=fetch_feed.with_options(**options),
                                 get_item=fetch_item.with_options(**options), on_item=lambda: advance(1))
    progress.log(f"fetch: {len(report.saved)} new items saved, {report.already_seen} seen before, "
                 f"{len(report.failed)} failed, {len(report.feeds_failed)} feeds failed")
    return report


def wants_fetch(fetch: bool | None, config: str | None) -> bool:
    """``fetch`` when given; otherwise the config's ``[fetch] enabled`` (off without a config)."""
    if fetch is not None:
        return fetch
    path = Path(config or "claimtrack.toml")
    return path.is_file() and feeds.load_config(path).enabled


def nothing_new(raw_dir: str, curated_dir: str, wait: float = 0.0, **parameters) -> tuple[dict | None, int | None]:
    """A run with nothing to do, recorded without starting Prefect: its summary, or ``None`` when
    there is work; and the number of new raw files (``None``: not looked at, a first run).

    Without a long-lived Prefect server, `claimtrack run` looks here first (while Prefect's
    temporary server boots): a night with no new file (and no fetch) writes the same
    ``nothing-new`` runs row as the flow would, in well under a second, and the server is stopped
    unused. What it parsed to decide is kept for the flow's parse stage. Scheduled runs
    (``claimtrack serve``) always go through the flow: their server is already up.
    """
    progress = Progress(log=lambda line: None)
    run = pipeline.new_run(raw_dir, curated_dir, **parameters)
    if not run.curated.files("runs"):
        return None, None  # a first run: the flow creates the tables
    with run.curated.run_lock(wait):
        run.curated.recover()
        with progress.stage("discover"):
            raw_files, rejected, skipped = pipeline.discover_stage(run)
        if len(raw_files) > QUICK_CHECK_FILES:
            return None, len(raw_files)
        with progress.stage("parse"):
            # files holding only articles stored before (copies) are read again on every run
            articles, bad_files = pipeline.parse_stage(raw_files, keep=True)
            articles, duplicates = pipeline.new_articles(articles, run.curated.column_values("articles", "article_id"))
            if articles or pipeline.new_rejections(rejected + bad_files, run.curated.read("rejected")):
                return None, len(raw_files)
            pipeline.forget_parsed_ahead()
        tables = pipeline.build_tables(run, [], [], [], [], [])
        run.stage_seconds = progress.stage_seconds
        row = pipeline.publish_stage(run, tables, None)
    return pipeline.summary(run, row, tables, None, skipped=skipped, duplicates=duplicates,
                            stage_seconds=progress.stage_seconds), len(raw_files)


@flow(name="nightly")
def nightly(raw_dir: str = "data/raw", curated_dir: str = "data/curated", batch_size: int = 500,
            wait: float = 0.0, fetch: bool | None = None, config: str | None = None,
            task_runner: str = "default", dask_address: str | None = None) -> dict:
    """One pipeline run: (fetch feeds, then) every new article in ``raw_dir`` into ``curated_dir``."""
    if task_runner not in ("default", "dask"):
        raise PipelineError(f"unknown task runner {task_runner!r} (default or dask)")
    progress = Progress()
    run = pipeline.new_run(raw_dir, curated_dir, batch_size=batch_size, fetch=fetch, config=config,
                           task_runner=task_runner, dask_address=dask_address)
    stage = progress.stage
    with run.curated.run_lock(wait), ExitStack() as workers:
        run.curated.recover()
        tables = report = fetched = None
        try:
            if wants_fetch(fetch, config):
                fetched = fetch_stage(raw_dir, config, progress)
            with stage("discover"):
                raw_files, rejected, skipped = discover(run)
            validator = (workers.enter_context(validation_worker())
                         if validates_aside(len(raw_files)) else None)
            articles, bad_files = [], []
            with stage("parse", total=len(raw_files), unit="files") as advance:
                for chunk in batches(raw_files, PARSE_CHUNK):
                    arts, rejs = parse(quote(chunk))
                    articles += arts
                    bad_files += rejs
                    advance(len(chunk))
                articles, duplicates = pipeline.new_articles(
                    articles, run.curated.column_values("articles", "article_id") if articles else set())
                rejected = pipeline.new_rejections(rejected + bad_files, run.curated.read("rejected"))
            del raw_files  # the raw bytes are no longer needed: keep the peak memory down
            quotes, claims = [], []
            if articles:
                article_batches = batches(articles, batch_size)
                with stage("extract", total=len(articles), unit="articles") as advance:
                    if task_runner == "dask":
                        with dask_runner(dask_address) as runner:
                            results = extract_batches(article_batches, advance, runner)
                    else:
                        with pipeline.extract_pool(len(articles)) as pool:
                            results = extract_batches(article_batches, advance, pool=pool)
                for batch_quotes, batch_claims in results:
                    quotes += batch_quotes
                    claims += batch_claims
            with stage("match", total=len(quotes) + len(claims), unit="quotes+claims") as advance:
                matches = match(run, quote(articles), quote(quotes), quote(claims), advance) if quotes or claims else []
            tables = pipeline.build_tables(run, articles, rejected, quotes, claims, matches)
            # Nothing new: nothing to validate (and no reason to pay for importing GX).
            with stage("validate"):
                report = validate(run, tables, validator) if articles or rejected else None
            if report is not None and not report.ok:
                raise PipelineError("validation failed, nothing was published: "
                                    + "; ".join(f.line() for f in report.hard_failures[:3]))
            run.stage_seconds = progress.stage_seconds  # recorded in the runs row
            with stage("publish"):
                row = publish(run, tables, report)
        except Exception as exc:
            message = str(exc) if isinstance(exc, PipelineError) else f"{type(exc).__name__}: {exc}"
            try:
                run.stage_seconds = progress.stage_seconds
                pipeline.record_failure(run, message, tables, report)
            except Exception:  # e.g. a full disk: the original error is the one to report
                pass
            raise
    return pipeline.summary(run, row, tables, report, skipped=skipped, duplicates=duplicates,
                            stage_seconds=progress.stage_seconds, fetched=fetched)
