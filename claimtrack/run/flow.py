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

The flow lives inside the package (not in ``flows/``) so that an installed wheel runs it:
``claimtrack run`` and ``claimtrack serve`` import it from here, and ``flows/nightly.py`` (the
deployment-facing wiring the design keeps at the top of the repository) imports it too.

``fetch`` runs only when asked (``fetch=True`` or ``[fetch] enabled = true`` in the config).
``extract`` runs as tasks on the flow's own threads, which hand the batches to worker
processes (one per CPU) when the night is large enough to pay for them; or on a Dask cluster with
``task_runner="dask"`` (a local cluster, or the scheduler at ``dask_address``): only the
extract batches go there, every other stage reads and writes the local folders. With
`MATCH_WHILE_EXTRACTING`, while batches are extracted in other processes, the flow's own thread
matches each chunk of new quotes and claims as soon as the batches that hold it are back ("match"
tasks; `claimtrack.run.matching`: the same matches as matching after extraction).

`quick_check` is the same intake (discover, parse, less what is stored) without Prefect: a night
with nothing new is recorded at once, and otherwise its `Intake` is handed to the flow.
"""
from __future__ import annotations

from claimtrack.run.prefect_server import configure_prefect

configure_prefect()  # before Prefect is first imported: it reads its settings then

import logging  # noqa: E402
import os  # noqa: E402
from contextlib import ExitStack, contextmanager, nullcontext  # noqa: E402
from typing import Any  # noqa: E402

from prefect import flow, task  # noqa: E402
from prefect.cache_policies import NO_CACHE  # noqa: E402
from prefect.client.orchestration import get_client  # noqa: E402
from prefect.futures import as_completed  # noqa: E402
# quote(): Prefect walks every task argument looking for futures to wait on; through a night's
# 130,000 quote and claim records that took longer than matching them (60 s of a first night)
from prefect.utilities.annotations import quote, unmapped  # noqa: E402

from claimtrack.run import pipeline  # noqa: E402
from claimtrack.run.intake import Intake, wants_fetch  # noqa: E402
from claimtrack.run.matching import NightMatch  # noqa: E402
from claimtrack.run.progress import Progress  # noqa: E402
from claimtrack.run.record import PipelineError, new_run  # noqa: E402
from claimtrack.run.summary import summary  # noqa: E402
from claimtrack.run.tables import build_tables  # noqa: E402
from claimtrack.run.validation_worker import gx_imported, validation_worker  # noqa: E402
from claimtrack.stages import fetch as feeds  # noqa: E402
from claimtrack.stages.publish import record_failure  # noqa: E402
from claimtrack.stages.validation_page import write_page  # noqa: E402

PARSE_CHUNK = 2000  # raw files per parse task: progress moves, memory stays flat
#: more new-looking raw files than this: the quick check does not parse them (the flow does, in
#: tasks); it hands the flow what it discovered
QUICK_CHECK_FILES = 2000
#: at most this many new raw files: Great Expectations is imported and run in a worker process,
#: started after discover, on the core that extract and match leave free (unless this process
#: has imported GX already: an earlier run in it); a larger night (whose extract workers use
#: every core, and whose tables would be copied to the worker) imports GX in the run's process,
#: while Prefect's server boots (see `claimtrack.cli.run`)
VALIDATE_ASIDE_FILES = QUICK_CHECK_FILES
#: match each chunk while the workers still extract: the same matches, sooner, but the match
#: state and the two workers then share the memory peak (Reuters first night, loaded machine:
#: 145 s instead of 160 s, 1,538 MB of all processes instead of 1,406 MB, over the 1.5 GB
#: target): off until that peak is brought down; matching then starts after the last batch
MATCH_WHILE_EXTRACTING = False


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
def parse(raw_files, pool=None):
    return pipeline.parse_in(raw_files, pool)


@task(name="extract", cache_policy=NO_CACHE)
def extract(batch, pool=None, submitted=None):
    return pipeline.extract_stage(batch, pool, submitted)


@task(name="match", cache_policy=NO_CACHE)
def match(run, articles, quotes, claims, advance=None):
    return pipeline.match_stage(run, articles, quotes, claims, advance=advance)


@task(name="match", cache_policy=NO_CACHE)
def match_ready(night):
    return night.match_ready()


@task(name="match", cache_policy=NO_CACHE)
def match_rest(night, advance=None):
    if advance is not None:
        advance(night.matched)  # the chunks matched while extracting
    night.advance = advance
    return night.finish()


@task(name="validate", cache_policy=NO_CACHE)
def validate(run, tables, worker=None):
    return worker.validate(run, tables) if worker is not None else pipeline.validate_stage(run, tables)


@task(name="publish", cache_policy=NO_CACHE)
def publish(run, tables, report):
    return pipeline.publish_stage(run, tables, report)  # through pipeline, like every stage call


def batches(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def extract_batches(article_batches: list[list], advance, runner=None, pool=None,
                    night: NightMatch | None = None) -> list[tuple[list, list]]:
    """Extract every batch, on ``runner`` (a Dask runner, already entered) or as tasks on the
    flow's own threads, each handing its batch to a worker process of ``pool`` when given.

    Results come back in batch order; ``advance`` is told as each batch finishes. With
    ``night``, this thread matches while the workers extract: each batch's records are handed
    to it in batch order, and every chunk they complete is matched at once (a "match" task).
    """
    if runner is None and pool is not None:
        # every batch queued in the pool at once: the workers never wait for a task thread to
        # hand them the next one (this thread matching holds the GIL most of the time)
        submitted = [pipeline.submit_extract(b, pool) for b in article_batches]
        futures = extract.map([quote(b) for b in article_batches], pool=unmapped(pool),
                              submitted=[quote(f) for f in submitted])
    elif runner is None:
        futures = extract.map([quote(b) for b in article_batches], pool=unmapped(pool))
    else:
        futures = [runner.submit(extract, parameters={"batch": b}) for b in article_batches]
    index = {id(f): i for i, f in enumerate(futures)}
    results: list = [None] * len(futures)
    fed = 0  # batches handed to ``night`` so far
    for fut in as_completed(futures):
        results[index[id(fut)]] = fut.result()
        advance(len(article_batches[index[id(fut)]]))
        while night is not None and fed < len(results) and results[fed] is not None:
            night.hold(*results[fed])
            fed += 1
        if night is not None and night.ready():
            match_ready(quote(night))
    return results


def extract_all(run, articles: list, batch_size: int, progress: Progress, task_runner: str,
                dask_address: str | None, pool=None) -> tuple[list, list, NightMatch | None]:
    """The night's quotes and claims, in article order, extracted in batches: on Dask, in the
    worker processes of ``pool``, or of a pool started here when the night is large enough; and
    the `NightMatch` that matched them as they came when extraction ran in other processes."""
    quotes, claims, night = [], [], None
    if not articles:
        return quotes, claims, night
    article_batches = batches(articles, batch_size)
    with progress.stage("extract", total=len(articles), unit="articles") as advance:
        if task_runner == "dask":
            with dask_runner(dask_address) as runner:
                night = NightMatch(run, articles) if MATCH_WHILE_EXTRACTING else None
                results = extract_batches(article_batches, advance, runner, night=night)
        else:
            with (nullcontext(pool) if pool is not None else pipeline.extract_pool(len(articles))) as pool:
                night = NightMatch(run, articles) if pool is not None and MATCH_WHILE_EXTRACTING else None
                results = extract_batches(article_batches, advance, pool=pool, night=night)
    for batch_quotes, batch_claims in results:
        quotes += batch_quotes
        claims += batch_claims
    return quotes, claims, night


@contextmanager
def dask_runner(address: str | None):
    """prefect-dask's runner, entered: the scheduler at ``address``, or a local two-worker cluster.

    Local workers are started with this run's Prefect API in their environment, so their task
    runs report to the same server (without it each worker would start a temporary server of
    its own). Workers of an existing cluster need ``PREFECT_API_URL`` set where they run.
    """
    try:  # an optional extra: imported only when asked for
        from prefect_dask import DaskTaskRunner
    except ImportError:
        raise PipelineError("--task-runner dask needs prefect-dask: pip install 'claimtrack[dask]'") from None

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


def take_in(run, intake: Intake, progress: Progress, pool=None) -> Intake:
    """Parse (as tasks) the files ``intake`` discovered, unless the quick check did already; less
    what is stored before. With ``pool`` (the extract workers, started early for a large night)
    the chunks are parsed in its worker processes, on every core; the result is the same."""
    if not intake.parsed:
        articles, bad_files = [], []
        chunks = batches(intake.raw_files, PARSE_CHUNK if pool is None else PARSE_CHUNK // 4)
        with progress.stage("parse", total=intake.new_files, unit="files") as advance:
            if pool is None:
                results = []
                for chunk in chunks:
                    results.append(parse(quote(chunk)))
                    advance(len(chunk))
            else:
                futures = parse.map([quote(c) for c in chunks], pool=unmapped(pool))
                index = {id(f): i for i, f in enumerate(futures)}
                results = [None] * len(futures)
                for fut in as_completed(futures):
                    results[index[id(fut)]] = fut.result()
                    advance(len(chunks[index[id(fut)]]))
            for arts, rejs in results:  # in file order, as one process would give them
                articles += arts
                bad_files += rejs
            intake.settle(run, articles, bad_files)
    intake.raw_files = []  # the raw bytes are no longer needed: keep the peak memory down
    return intake


@flow(name="nightly")
def nightly(raw_dir: str = "data/raw", curated_dir: str = "data/curated", batch_size: int = 500,
            wait: float = 0.0, fetch: bool | None = None, config: str | None = None,
            task_runner: str = "default", dask_address: str | None = None, intake: Any = None) -> dict:
    """One pipeline run: (fetch feeds, then) every new article in ``raw_dir`` into ``curated_dir``.

    ``intake``: what `claimtrack run`'s quick check already discovered or parsed (an `Intake`,
    for this raw folder, just before); a scheduled run passes none.
    """
    if task_runner not in ("default", "dask"):
        raise PipelineError(f"unknown task runner {task_runner!r} (default or dask)")
    progress = Progress()
    intake = intake if isinstance(intake, Intake) else Intake()
    progress.stage_seconds.update(intake.stage_seconds)
    run = new_run(raw_dir, curated_dir, batch_size=batch_size, fetch=fetch, config=config,
                  task_runner=task_runner, dask_address=dask_address)
    run.stage_seconds = progress.stage_seconds  # recorded in the runs row as the stages go
    stage = progress.stage
    with run.curated.run_lock(wait), ExitStack() as workers:
        run.curated.recover()
        tables = report = fetched = None
        try:
            if wants_fetch(fetch, config):
                fetched = fetch_stage(raw_dir, config, progress)
                intake = Intake()  # the fetch brought new files: look again
            if not intake.discovered:
                with stage("discover"):
                    intake.found(*discover(run))
            validator = (workers.enter_context(validation_worker())
                         if validates_aside(intake.new_files) else None)
            # a night of many new files: the extract workers start now and parse them too
            early = task_runner == "default" and not intake.parsed
            with pipeline.extract_pool(intake.new_files if early else 0) as pool:
                articles = take_in(run, intake, progress, pool).articles
                quotes, claims, night = extract_all(run, articles, batch_size, progress, task_runner,
                                                    dask_address, pool)
            with stage("match", total=len(quotes) + len(claims), unit="quotes+claims") as advance:
                if night is not None:  # the chunks not matched while extracting
                    matches = match_rest(quote(night), advance)
                else:
                    matches = match(run, quote(articles), quote(quotes), quote(claims), advance) if quotes or claims else []
            tables = build_tables(run, articles, intake.rejected, quotes, claims, matches)
            # Nothing new: nothing to validate (and no reason to pay for importing GX).
            with stage("validate"):
                report = validate(run, tables, validator) if intake.has_work else None
                if report is not None:  # the page of this night's checks, also when they stop it
                    write_page(report, run.run_id, run.curated.root)
            if report is not None and not report.ok:
                raise PipelineError("validation failed, nothing was published: "
                                    + "; ".join(f.line() for f in report.hard_failures[:3])
                                    + f" (every check: {run.curated.root / 'validation.html'})")
            with stage("publish"):
                row = publish(run, tables, report)
        except Exception as exc:
            message = str(exc) if isinstance(exc, PipelineError) else f"{type(exc).__name__}: {exc}"
            try:
                record_failure(run, message, tables, report)
            except Exception:  # e.g. a full disk: the original error is the one to report
                pass
            raise
    return summary(run, row, tables, report, skipped=intake.skipped, duplicates=intake.duplicates,
                   stage_seconds=progress.stage_seconds, fetched=fetched)
