"""The ``claimtrack`` command line.

Heavy imports (Prefect, Great Expectations) happen inside the commands that need them, so
``claimtrack extract`` and ``claimtrack compare`` start in a fraction of a second.
"""
from __future__ import annotations

import atexit
import json
import logging
import os
import stat
import sys
import time
from pathlib import Path

import click

from claimtrack.cli.errors import UserError
from claimtrack.cli.options import pipeline_options


def process_age() -> float:
    """Seconds since this process started (Linux: from /proc; elsewhere since this module loaded).

    >>> process_age() >= time.monotonic() - _LOADED  # the process is older than this module
    True
    """
    try:
        with open("/proc/self/stat", "rb") as fh:
            start_ticks = int(fh.read().rsplit(b")", 1)[1].split()[19])  # field 22: starttime
        return max(0.0, time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _LOADED


_LOADED = time.monotonic()


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
    """Write text pieces to ``path``, or to stdout when ``path`` is None.

    A regular file (or a new one) is written atomically: a failed or interrupted write leaves
    the old file, or none, behind. Anything else (``/dev/null``, a terminal, a FIFO) is written
    in place: replacing it with a file would break it (as root, ``/dev/null`` itself). A symbolic
    link is written through to the file it names, never replaced by a file.
    """
    if path is None:
        for line in lines:
            sys.stdout.write(line)
        return
    target = Path(os.path.realpath(path))  # through symbolic links, as a shell's ">" writes
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise UserError(f"cannot write {path}: it is a folder")
        try:
            with open(target, "w", encoding="utf-8") as fh:
                fh.writelines(lines)
        except OSError as exc:
            raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
        return
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.writelines(lines)
        if mode is not None:
            os.chmod(tmp, stat.S_IMODE(mode))  # the file keeps its permissions
        tmp.replace(target)
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
    wall = result.get("wall_seconds", result["seconds"])
    startup = f" (start-up {wall - result['seconds']:.1f} s)" if wall - result["seconds"] >= 0.05 else ""
    click.echo(f"claimtrack run {result['run_id']}: {result['status']} in {wall:.1f} s{startup}")
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
    for line in result.get("checks", []):
        click.echo(f"    {line}")
    if result.get("validation"):
        click.echo(f"    every check: {result['curated']}/validation.html")
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
    # the first line at once (the arguments are good): a first night can take a while before
    # its first stage reports
    click.echo(f"claimtrack run: taking in {raw_dir} -> {curated_dir}", err=True)
    from claimtrack.run.prefect_server import TemporaryServer, configure_prefect

    configure_prefect()
    # Without a long-lived server, a run needs Prefect's temporary one: start it first, so that it
    # boots while this process imports and looks for new files. (A night with nothing new stops it.)
    own_server = not os.environ.get("PREFECT_API_URL") or os.environ["PREFECT_API_URL"] == TemporaryServer.url()
    server = TemporaryServer.for_this_process() if own_server else TemporaryServer()
    from claimtrack.run.intake import quick_check, wants_fetch
    from claimtrack.run.progress import stage_line
    from claimtrack.run.record import PipelineError, new_run
    from claimtrack.store import StoreError

    parameters = {"batch_size": batch_size, "fetch": fetch, "config": str(config_path) if config_path else None,
                  "task_runner": task_runner, "dask_address": dask_address}
    try:
        result, intake = None, None
        # Nothing to do and no long-lived server to report to: say so without running the flow.
        if own_server and not wants_fetch(fetch, parameters["config"]):
            result, intake = quick_check(new_run(raw_dir, curated_dir, **parameters), wait=wait)
        if result is None:
            # imported now: Prefect (1-5 s) is needed only by a night with work
            from claimtrack.run.flow import nightly, validates_aside
            from claimtrack.run.prefect_server import preload_run_modules, quiet_tracebacks
            from claimtrack.stages.validate import import_gx

            quiet_tracebacks()
            # while the server boots (GX: unless the flow will validate in a worker process)
            preload_run_modules()
            if not validates_aside(intake.new_files if intake else None):
                import_gx()
            server.ready()
            with server.settings():
                result = nightly(raw_dir=str(raw_dir), curated_dir=str(curated_dir), wait=wait, intake=intake,
                                 **parameters)
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
    result["wall_seconds"] = process_age()  # the whole command, start-up included
    print_summary(result)
    if result.get("fetched"):
        f = result["fetched"]
        click.echo(f"  fetched: {f['saved']} new items, {f['already_seen']} seen before, {len(f['failed'])} failed"
                   + "".join(f"\n  fetch failed {url}: {why}" for url, why in (f["failed"] + f["feeds_failed"])[:10]))
    click.echo("  " + stage_line(result["stage_seconds"]))


def main(argv: list[str] | None = None) -> int:
    try:
        # not standalone: click returns an Exit's status (`server status`: 1) instead of exiting
        code = cli.main(args=argv, prog_name="claimtrack", standalone_mode=False)
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
    return code if isinstance(code, int) else 0


#: the exit status `entry` leaves with, once the exit handlers have run (None: not leaving yet)
_EXIT_CODE: int | None = None


def _skip_teardown() -> None:
    """The last exit handler: end the process without tearing down every module (see `entry`)."""
    if _EXIT_CODE is None:  # `main` called from Python (tests): a normal exit
        return
    logging.shutdown()  # handlers registered before this one will not run: flush the logs here
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(_EXIT_CODE)


# Registered when the command line is first imported, before Prefect, pandas or GX register
# theirs: exit handlers run last-registered first, so this one runs after all of them.
atexit.register(_skip_teardown)


def entry() -> None:
    """The ``claimtrack`` command: `main`, then a quick exit.

    After a run, Python's own shutdown tears down every object that Prefect, pandas and Great
    Expectations left behind, one by one: 1-4 s here, after the work is committed and reported.
    The exit goes through Python's shutdown for its useful parts, in order (other threads
    finish, then the exit handlers: Prefect sends its last logs and events, the temporary
    server stops, temporary folders are removed); the last handler (`_skip_teardown`) then ends
    the process without the teardown.
    """
    global _EXIT_CODE
    _EXIT_CODE = main()
    sys.exit(_EXIT_CODE)


# Commands that live in their own modules (each imports only click at load time).
from claimtrack.cli.export_command import export  # noqa: E402
from claimtrack.cli.review_commands import report, review  # noqa: E402
from claimtrack.cli.serve_command import serve  # noqa: E402
from claimtrack.cli.server_command import server  # noqa: E402

cli.add_command(review)
cli.add_command(report)
cli.add_command(export)
cli.add_command(serve)
cli.add_command(server)
