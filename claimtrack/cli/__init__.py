"""The ``claimtrack`` command line.

Heavy imports (Prefect, Great Expectations) happen inside the commands that need them, so
``claimtrack extract`` and ``claimtrack compare`` start in a fraction of a second.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from claimtrack.cli.errors import UserError
from claimtrack.cli.options import pipeline_options


def read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict]:
    """Rows of a JSON Lines file; a bad line is a UserError naming the line."""
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from None
    rows = []
    with fh:
        try:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise UserError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
                if not isinstance(row, dict):
                    raise UserError(f"{path}:{lineno}: expected a JSON object")
                missing = [k for k in required if k not in row]
                if missing:
                    raise UserError(f"{path}:{lineno}: missing field {missing[0]!r}")
                rows.append(row)
        except UnicodeDecodeError:
            raise UserError(f"{path}: not UTF-8 text") from None
    return rows


def write_jsonl(path: Path | None, rows) -> None:
    """Write rows to ``path`` (atomically) or to stdout when ``path`` is None."""
    write_lines(path, (json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows))


def write_lines(path: Path | None, lines) -> None:
    """Write text pieces to ``path`` atomically (a failed or interrupted write leaves no file
    behind), or to stdout when ``path`` is None."""
    if path is None:
        for line in lines:
            sys.stdout.write(line)
        return
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(lines)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:  # interrupted: leave no half-written file behind
        tmp.unlink(missing_ok=True)
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimtrack")
def cli() -> None:
    """Track quotes and numeric claims in news, and flag contradictions."""


@cli.command()
@click.option("--input", "input_path", required=True, type=click.Path(path_type=Path),
              help='JSON Lines, one {"id": ..., "text": ...} per line.')
@click.option("--output", "output_path", type=click.Path(path_type=Path), default=None,
              help="Where to write JSON Lines (default: stdout).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for large inputs (default: the CPUs available; 1: no workers).")
def extract(input_path: Path, output_path: Path | None, jobs: int | None) -> None:
    """Extract quotes and numeric claims from each document."""
    from claimtrack.stages.extract import extract_lines

    docs = read_jsonl(input_path, ("id", "text"))
    for doc in docs:
        if not isinstance(doc["text"], str):
            raise UserError(f"{input_path}: document {doc['id']!r}: 'text' must be a string")
    write_lines(output_path, extract_lines([(doc["id"], doc["text"]) for doc in docs], jobs))


@cli.command()
@click.option("--input", "input_path", required=True, type=click.Path(path_type=Path),
              help='JSON Lines, one {"id", "earlier", "later"} per line.')
@click.option("--output", "output_path", type=click.Path(path_type=Path), default=None,
              help="Where to write JSON Lines (default: stdout).")
def compare(input_path: Path, output_path: Path | None) -> None:
    """Relate the numbers of a later text to an earlier one: contradiction, consistent or unrelated."""
    from claimtrack.stages.match import compare_texts

    pairs = read_jsonl(input_path, ("id", "earlier", "later"))
    out = []
    for pair in pairs:
        if not isinstance(pair["earlier"], str) or not isinstance(pair["later"], str):
            raise UserError(f"{input_path}: pair {pair['id']!r}: 'earlier' and 'later' must be strings")
        verdict = compare_texts(pair["earlier"], pair["later"])
        out.append({"id": pair["id"], **verdict})
    write_jsonl(output_path, out)


def print_summary(result: dict) -> None:
    """The end-of-run summary: a short table, then the rejections and where the tables are."""
    rows = [("articles ingested", result["articles"]), ("files rejected", result["rejected"]),
            ("quotes", result["quotes"]), ("claims", result["claims"]),
            ("matches", result["matches"]), ("new flags", result["flags"])]
    click.echo(f"claimtrack run {result['run_id']}: {result['status']} in {result['seconds']:.1f} s")
    for label, n in rows:
        click.echo(f"  {label:<18} {n:>8,}")
    if result.get("skipped_known_files"):
        click.echo(f"  {'already ingested':<18} {result['skipped_known_files']:>8,} files skipped")
    if result.get("duplicate_articles"):
        click.echo(f"  {'duplicates':<18} {result['duplicate_articles']:>8,} articles seen before")
    for r in result["rejections"][:20]:
        click.echo(f"  rejected {r['raw_path']}: {r['reason']} ({r['detail']})")
    if len(result["rejections"]) > 20:
        click.echo(f"  ... and {len(result['rejections']) - 20} more rejected (see the rejected table)")
    click.echo(f"  validation: {result['validation'] or 'skipped (nothing new)'}")
    click.echo(f"  tables: {result['curated']}/<table>  (pandas.read_parquet, or DuckDB read_parquet('.../**/*.parquet'))")


@cli.command()
@pipeline_options
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1),
              help="Articles per extract task.")
@click.option("--wait", default=0.0, show_default=True, type=click.FloatRange(0),
              help="Seconds to wait for another run on the same tables to finish (0: refuse at once).")
def run(raw_dir: Path, curated_dir: Path, batch_size: int, wait: float, fetch: bool | None,
        config_path: Path | None, task_runner: str, dask_address: str | None) -> None:
    """Run the pipeline once, now, on every new article."""
    if not raw_dir.is_dir():
        if not fetch:
            raise UserError(f"raw folder {raw_dir} does not exist (pass --raw DIR)")
        raw_dir.mkdir(parents=True, exist_ok=True)
    if curated_dir.exists() and not curated_dir.is_dir():
        raise UserError(f"{curated_dir} is not a folder (pass --curated DIR)")
    if config_path is not None and not config_path.is_file():
        raise UserError(f"config {config_path} does not exist (pass --config FILE)")
    if fetch and config_path is None and not Path("claimtrack.toml").is_file():
        raise UserError("--fetch needs a feeds config: claimtrack.toml here, or --config FILE")
    if dask_address and task_runner != "dask":
        raise UserError("--dask-address needs --task-runner dask")
    from claimtrack.stages.fetch import ConfigError, load_config

    if config_path is not None or fetch:
        try:
            load_config(config_path or "claimtrack.toml")  # a bad config fails now, in one line
        except ConfigError as exc:
            raise UserError(str(exc)) from None
    from claimtrack.run.prefect_server import TemporaryServer, configure_prefect

    configure_prefect()
    # Without a long-lived server, a run needs Prefect's temporary one: start it first, so that it
    # boots while this process imports and looks for new files. (A night with nothing new stops it.)
    own_server = not os.environ.get("PREFECT_API_URL") or os.environ["PREFECT_API_URL"] == TemporaryServer.url()
    server = TemporaryServer.for_this_process() if own_server else TemporaryServer()
    from claimtrack.run.pipeline import PipelineError
    from claimtrack.run.progress import stage_line
    from claimtrack.store import StoreError
    from flows.nightly import nightly, nothing_new, validates_aside, wants_fetch

    quiet_tracebacks()
    parameters = {"batch_size": batch_size, "fetch": fetch, "config": str(config_path) if config_path else None,
                  "task_runner": task_runner, "dask_address": dask_address}
    try:
        result = new_files = None
        # Nothing to do and no long-lived server to report to: say so without running the flow.
        if own_server and not wants_fetch(fetch, parameters["config"]):
            result, new_files = nothing_new(str(raw_dir), str(curated_dir), wait=wait, **parameters)
        if result is None:
            # while the server boots (GX: unless the flow will validate in a worker process)
            preload_run_modules(gx=not validates_aside(new_files))
            server.ready()
            with server.settings():
                result = nightly(raw_dir=str(raw_dir), curated_dir=str(curated_dir), wait=wait, **parameters)
        elif not server.reused:
            server.stop()  # started for this run, which turned out to have nothing to do
    except PipelineError as exc:
        raise UserError(f"run failed: {exc}; fix what it names (the runs table has the details) "
                        "and run again") from None
    except (StoreError, ConfigError) as exc:
        raise UserError(f"run failed: {exc}") from None
    except Exception as exc:
        if os.environ.get("CLAIMTRACK_DEBUG"):
            raise
        first_line = (str(exc).strip().splitlines() or [""])[0][:300]
        raise UserError(f"run failed: {type(exc).__name__}: {first_line}; the tables were left as they were "
                        "(the runs table records the failure): fix the cause and run again "
                        "(CLAIMTRACK_DEBUG=1 shows the traceback)") from None
    print_summary(result)
    if result.get("fetched"):
        f = result["fetched"]
        click.echo(f"  fetched: {f['saved']} new items, {f['already_seen']} seen before, {len(f['failed'])} failed"
                   + "".join(f"\n  fetch failed {url}: {why}" for url, why in (f["failed"] + f["feeds_failed"])[:10]))
    click.echo("  " + stage_line(result["stage_seconds"]))


def preload_run_modules(gx: bool = True) -> None:
    """Import what a flow run imports on first use (Great Expectations, the matchers, the report
    page, Prefect's run engines and the encoder of its flow parameters), while Prefect's
    temporary server is still booting."""
    import importlib

    from claimtrack.stages.validate import import_gx

    if gx:
        import_gx()
    for name in ("claimtrack.stages.match", "claimtrack.review.report", "prefect.flow_engine", "prefect.task_engine",
                 "fastapi.encoders", "prefect.utilities.visualization"):
        try:
            importlib.import_module(name)
        except ImportError:  # a Prefect that moved its engines: they are imported when used
            pass


def quiet_tracebacks() -> None:
    """Prefect prints a failed flow's traceback on the console; the CLI prints one line instead.

    Only console handlers are filtered: the Prefect API (and its UI) still gets the full log.
    """
    import logging

    class NoConsoleErrors(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return record.levelno < logging.ERROR or not record.name.startswith("prefect")

    from prefect.logging.configuration import setup_logging

    setup_logging()  # idempotent; makes sure Prefect's console handler exists before we filter it
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.StreamHandler):
            handler.addFilter(NoConsoleErrors())
    logging.getLogger("great_expectations").setLevel(logging.WARNING)
    # Prefect's background senders say at exit that they are still sending ("Still processing
    # items: 1 items remaining..."): noise after the run's own last line; they still send.
    for name in ("EventsWorker", "APILogWorker"):
        logging.getLogger(name).setLevel(logging.ERROR)


def main(argv: list[str] | None = None) -> int:
    try:
        cli.main(args=argv, prog_name="claimtrack", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("claimtrack: aborted", err=True)
        return 130
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except KeyboardInterrupt:
        click.echo("claimtrack: interrupted", err=True)
        return 130
    except Exception as exc:  # a bug: still one line, with a way to see the traceback
        if os.environ.get("CLAIMTRACK_DEBUG"):
            raise
        first_line = (str(exc).strip().splitlines() or [""])[0][:300]
        click.echo(f"claimtrack: internal error: {type(exc).__name__}: {first_line} "
                   "(set CLAIMTRACK_DEBUG=1 to see the traceback)", err=True)
        return 2
    return 0


def entry() -> None:
    """The ``claimtrack`` command: `main`, then a quick exit.

    After a run, Python's own shutdown tears down every object that Prefect, pandas and Great
    Expectations left behind, one by one: 1-4 s here, after the work is committed and reported.
    The shutdown's useful parts still happen, in order (other threads finish, then the exit
    handlers: Prefect sends its last logs and events, the temporary server stops, temporary
    folders are removed), and the process then ends without the teardown.
    """
    import atexit
    import threading

    code = main()
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


# Commands that live in their own modules (each imports only click at load time).
from claimtrack.cli.export_command import export  # noqa: E402
from claimtrack.cli.review_commands import report, review  # noqa: E402
from claimtrack.cli.serve_command import serve  # noqa: E402

cli.add_command(review)
cli.add_command(report)
cli.add_command(export)
cli.add_command(serve)
