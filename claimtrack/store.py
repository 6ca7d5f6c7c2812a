"""The curated tables on disk: Parquet datasets with atomic, crash-safe commits.

Layout under the curated root (each table readable with ``pandas.read_parquet(root / table)``
and DuckDB's ``read_parquet('root/table/**/*.parquet')``)::

    articles/ingest_date=2026-11-25/part-<run_id>.parquet     large tables: hive partitions
    quotes/…  claims/…  matches/…                               by ingest date, a file per run
    rejected/part-<run_id>.parquet  runs/part-<run_id>.parquet  small append-only tables
    reviews/part-<decision id>.parquet                          one file per decision
    flags/flags.parquet                                         rewritten whole (it holds status)

A commit writes every new file into ``_staging/<commit>/`` first, then writes a ``_COMMIT``
manifest, then renames the files into place (``runs`` last). A process killed before the
manifest leaves the tables untouched; one killed after it is rolled forward by ``recover()``,
which every writer calls first. Each table only ever gains or swaps whole files, so a reader
always sees a table either as it was before a commit or as it is after it.

Locks are ``flock`` locks on ``.run.lock`` and ``.write.lock`` in the root: the kernel drops
them when their process dies, so a killed run never leaves the folder locked. ``recover()`` and
``commit()`` take the write lock themselves (it is re-entrant within a process), so a recovery
never races a commit another process is writing.

Crash testing: ``CLAIMTRACK_CRASH_AT=<point>`` makes the process SIGKILL itself at a named point
of a commit: ``staged:<k>`` (the k-th file is written to staging), ``manifest`` (the manifest is
in place, nothing moved yet) or ``moved:<k>`` (the k-th file of a commit is moved into place).
``<point>:enospc`` raises "No space left on device" there instead. Unset, it costs one lookup.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import signal
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

UTC_TS = pa.timestamp("us", tz="UTC")

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", pa.string()), ("source", pa.string()), ("url", pa.string()),
        ("title", pa.string()), ("author", pa.string()), ("published_at", UTC_TS),
        ("ingested_at", UTC_TS), ("run_id", pa.string()), ("raw_path", pa.string()),
        ("raw_sha256", pa.string()), ("text", pa.string()),
        ("date_source", pa.string()), ("lang", pa.string()),
    ]),
    "quotes": pa.schema([
        ("quote_id", pa.string()), ("article_id", pa.string()), ("text", pa.string()),
        ("speaker", pa.string()), ("speaker_mention", pa.string()), ("cue", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()), ("sentence", pa.string()),
        ("partial", pa.bool_()), ("run_id", pa.string()), ("speaker_via", pa.string()),
    ]),
    "claims": pa.schema([
        ("claim_id", pa.string()), ("article_id", pa.string()), ("surface", pa.string()),
        ("value", pa.float64()), ("low", pa.float64()), ("high", pa.float64()),
        ("qualifier", pa.string()), ("unit", pa.string()), ("noun", pa.string()),
        ("subject", pa.list_(pa.string())), ("speaker", pa.string()), ("sentence", pa.string()),
        ("start", pa.int64()), ("end", pa.int64()), ("run_id", pa.string()), ("sentence_start", pa.int64()),
        ("holder", pa.string()), ("measure", pa.string()), ("period", pa.string()), ("scope", pa.string()),
    ]),
    "matches": pa.schema([
        ("match_id", pa.string()), ("kind", pa.string()), ("new_id", pa.string()),
        ("earlier_id", pa.string()), ("score", pa.float64()), ("relation", pa.string()),
        ("detail", pa.string()), ("run_id", pa.string()),
        ("confidence", pa.float64()), ("evidence", pa.string()),
    ]),
    "flags": pa.schema([
        ("flag_id", pa.string()), ("match_id", pa.string()), ("kind", pa.string()),
        ("relation", pa.string()), ("new_id", pa.string()), ("earlier_id", pa.string()),
        ("detail", pa.string()), ("flagged_at", UTC_TS), ("status", pa.string()),
        ("run_id", pa.string()), ("confidence", pa.float64()), ("evidence", pa.string()),
    ]),
    "reviews": pa.schema([
        ("flag_id", pa.string()), ("decision", pa.string()), ("reviewer", pa.string()),
        ("note", pa.string()), ("decided_at", UTC_TS),
    ]),
    "rejected": pa.schema([
        ("raw_path", pa.string()), ("reason", pa.string()), ("detail", pa.string()),
        ("raw_sha256", pa.string()), ("run_id", pa.string()), ("rejected_at", UTC_TS),
    ]),
    "runs": pa.schema([
        ("run_id", pa.string()), ("started_at", UTC_TS), ("finished_at", UTC_TS),
        ("status", pa.string()), ("raw_dir", pa.string()), ("articles", pa.int64()),
        ("rejected", pa.int64()), ("quotes", pa.int64()), ("claims", pa.int64()),
        ("matches", pa.int64()), ("flags", pa.int64()), ("validation", pa.string()),
        ("error", pa.string()), ("parameters", pa.string()),
    ]),
}
TABLES = tuple(SCHEMAS)
#: the column that identifies a row of each table with one (a stable hash of what the row says)
ID_COLUMNS = {"articles": "article_id", "quotes": "quote_id", "claims": "claim_id", "matches": "match_id",
              "flags": "flag_id"}
PARTITIONED = ("articles", "quotes", "claims", "matches")
PARTITION_COLUMN = "ingest_date"
REPLACED_WHOLE = ("flags",)
STAGING = "_staging"
MANIFEST = "_COMMIT"


class StoreError(RuntimeError):
    """A storage problem a user can act on (disk full, permissions, a held lock)."""


class LockedError(StoreError):
    pass


def _crash_point(name: str) -> None:
    """The crash-test hook (see the module docstring): die, or fail as a full disk would."""
    at = os.environ.get("CLAIMTRACK_CRASH_AT")
    if not at:
        return
    if at == name:
        os.kill(os.getpid(), signal.SIGKILL)
    if at == name + ":enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class _Held:
    """One lock file held by this process: a thread lock plus the flock, and a depth count."""

    def __init__(self) -> None:
        self.thread_lock = threading.RLock()
        self.depth = 0
        self.fh = None


_HELD: dict[str, _Held] = {}
_HELD_GUARD = threading.Lock()


def columns(table: str) -> list[str]:
    """The stored columns of ``table``, in schema order.

    >>> columns("reviews")
    ['flag_id', 'decision', 'reviewer', 'note', 'decided_at']
    """
    return list(SCHEMAS[table].names)


def to_arrow(table: str, rows: list[dict] | pd.DataFrame) -> pa.Table:
    """Rows as an Arrow table with the table's schema; extra columns are kept after it."""
    schema = SCHEMAS[table]
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(rows)
    arrays, fields = [], []
    for fld in schema:
        if fld.name in frame.columns:
            arrays.append(pa.array(_arrow_values(frame[fld.name], fld.type), type=fld.type))
        else:
            arrays.append(pa.nulls(len(frame), type=fld.type))
        fields.append(fld)
    for name in frame.columns:
        if name not in schema.names and name != PARTITION_COLUMN:
            col = pa.array(frame[name].tolist())
            arrays.append(col)
            fields.append(pa.field(name, col.type))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _arrow_values(series: pd.Series, typ: pa.DataType):
    if pa.types.is_timestamp(typ):
        return pd.to_datetime(series, utc=True).astype("datetime64[us, UTC]")
    if not pa.types.is_floating(typ):
        # pandas' own conversion (None and NaN become null, as below), without a Python list
        try:
            return pa.array(series, type=typ, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
            pass
    values = series.tolist()
    return [None if (v is None or (isinstance(v, float) and v != v and not pa.types.is_floating(typ)))
            else v for v in values]


class Curated:
    """The curated folder: reads, locks and atomic commits."""

    def __init__(self, root: Path | str):
        self.root = Path(root)

    # ---------------------------------------------------------------- reading

    def files(self, table: str) -> list[Path]:
        base = self.root / table
        if not base.is_dir():
            return []
        return sorted(p for p in base.rglob("*.parquet")
                      if not any(part.startswith((".", "_")) for part in p.relative_to(base).parts))

    def read(self, table: str, columns: list[str] | None = None, filter=None) -> pd.DataFrame:
        """The whole table as a DataFrame (an empty frame with the schema if it has no files)."""
        return self.read_arrow(table, columns, filter).to_pandas(types_mapper=None)

    def read_arrow(self, table: str, columns: list[str] | None = None, filter=None,
                   files: list[Path] | None = None) -> pa.Table:
        """`read`, as an Arrow table (``files``: the table's files, when the caller has listed them)."""
        files = self.files(table) if files is None else files
        schema = SCHEMAS[table]
        if files:
            schema = pa.unify_schemas([schema] + [pq.read_schema(f) for f in files],
                                      promote_options="permissive")
            if table in PARTITIONED:
                schema = schema.append(pa.field(PARTITION_COLUMN, pa.string()))
            dataset = ds.dataset([str(f) for f in files], schema=schema, format="parquet",
                                 partitioning=ds.partitioning(pa.schema([(PARTITION_COLUMN, pa.string())]),
                                                              flavor="hive") if table in PARTITIONED else None,
                                 partition_base_dir=str(self.root / table))
            result = dataset.to_table(columns=columns, filter=filter)
        else:
            result = schema.empty_table()
            if columns is not None:
                result = result.select([c for c in columns if c in schema.names])
        return result

    def column_array(self, table: str, column: str) -> pa.Array:
        """One column of the whole table as an Arrow array, nulls dropped (for ``pyarrow.compute.is_in``:
        a Python set of 100,000 stored ids costs more to build than the lookups it answers)."""
        return pc.drop_null(self.read_arrow(table, columns=[column]).column(0).combine_chunks())

    def column_values(self, table: str, column: str) -> set:
        """All values of one column (e.g. the ids already stored)."""
        if not self.files(table):
            return set()
        frame = self.read(table, columns=[column])
        return set(frame[column].dropna().tolist())

    # ---------------------------------------------------------------- locking

    @contextmanager
    def _flock(self, name: str, wait: float, what: str, reentrant: bool) -> Iterator[None]:
        """An exclusive lock on ``root/name``, waiting up to ``wait`` seconds for it.

        Threads of one process take turns (a thread lock); processes take turns with ``flock``.
        A ``reentrant`` lock may be taken again by the thread that holds it.
        """
        path = self.root / name
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            key = os.path.realpath(path)
        except OSError as exc:
            raise StoreError(f"cannot use {self.root}: {exc.strerror or exc}") from exc
        with _HELD_GUARD:
            held = _HELD.setdefault(key, _Held())
        deadline = time.monotonic() + wait
        got = held.thread_lock.acquire(timeout=wait) if wait > 0 else held.thread_lock.acquire(blocking=False)
        if got and held.depth and not reentrant:
            held.thread_lock.release()
            got = False
        if not got:
            raise LockedError(f"{what} is busy: pid {os.getpid()} (this process) holds {path}; "
                              "try again when it has finished")
        try:
            if held.depth == 0:
                held.fh = self._acquire_file(path, deadline, what)
            held.depth += 1
            try:
                yield
            finally:
                held.depth -= 1
                if held.depth == 0:
                    held.fh.close()  # closing the file drops the flock
                    held.fh = None
        finally:
            held.thread_lock.release()

    @staticmethod
    def _acquire_file(path: Path, deadline: float, what: str):
        try:
            fh = open(path, "a+")
        except OSError as exc:
            raise StoreError(f"cannot open the lock file {path}: {exc.strerror or exc}") from exc
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    fh.seek(0)
                    holder = fh.read().strip() or "another process"
                    fh.close()
                    raise LockedError(f"{what} is busy: {holder} holds {path}; "
                                      "try again when it has finished") from None
                time.sleep(0.1)
        # The kernel drops a flock when its process dies, so a crashed run never leaves the
        # folder locked; the pid written here is only for the message.
        try:
            fh.seek(0)
            fh.truncate()
            fh.write(f"pid {os.getpid()}")
            fh.flush()
        except OSError:
            pass  # a full disk must not stop us taking the lock
        return fh

    def run_lock(self, wait: float = 0.0):
        """Held for a whole pipeline run: a second run on the same folder waits or refuses."""
        return self._flock(".run.lock", wait, f"{self.root} (a claimtrack run)", reentrant=False)

    def write_lock(self, wait: float = 60.0):
        """Held briefly around each commit, by runs and by review decisions alike."""
        return self._flock(".write.lock", wait, f"{self.root} (a write)", reentrant=True)

    # ---------------------------------------------------------------- writing

    def recover(self) -> list[str]:
        """Finish commits that wrote their manifest, drop those that did not. Returns their ids.

        Takes the write lock, so it never touches a commit another process is still writing.
        """
        staging = self.root / STAGING
        done: list[str] = []
        if not staging.is_dir():
            return done
        with self.write_lock():
            for commit_dir in sorted(staging.iterdir()):
                manifest = commit_dir / MANIFEST
                if manifest.is_file():
                    for k, rel in enumerate(json.loads(manifest.read_text(encoding="utf-8")), 1):
                        src = commit_dir / rel
                        if src.exists():  # absent: moved before a crash
                            dst = self.root / rel
                            dst.parent.mkdir(parents=True, exist_ok=True)
                            os.replace(src, dst)
                        _crash_point(f"moved:{k}")
                    done.append(commit_dir.name)
                shutil.rmtree(commit_dir, ignore_errors=True)
        return done

    def commit(self, commit_id: str, appends: Mapping[str, pa.Table] | None = None,
               replaces: Mapping[str, pa.Table] | None = None, ingest_date: str | None = None) -> list[str]:
        """Atomically add ``appends`` (a new file per table) and swap in ``replaces`` (whole tables).

        Takes the write lock (callers that read before they write should hold it already).
        Returns the paths written, relative to the root.
        """
        appends, replaces = dict(appends or {}), dict(replaces or {})
        planned: list[tuple[str, pa.Table]] = []
        for table, data in appends.items():
            if data.num_rows == 0 and self.files(table):
                continue  # nothing new; an empty file is written only so a new table is readable
            if table in PARTITIONED:
                if ingest_date is None:
                    raise ValueError("partitioned tables need an ingest_date")
                rel = f"{table}/{PARTITION_COLUMN}={ingest_date}/part-{commit_id}.parquet"
            else:
                rel = f"{table}/part-{commit_id}.parquet"
            planned.append((rel, data))
        for table, data in replaces.items():
            planned.append((f"{table}/{table}.parquet", data))
        # runs last: a run's row appears only once everything it reports is in place
        planned.sort(key=lambda item: item[0].startswith("runs/"))
        if not planned:
            return []  # every append was empty for a table that already has files
        staging = self.root / STAGING / commit_id
        with self.write_lock():
            if staging.is_dir():  # an earlier attempt under this id: finish or drop it, never merge
                try:
                    self.recover()
                except OSError as exc:
                    raise StoreError(f"could not finish an earlier commit in {staging}: "
                                     f"{exc.strerror or exc}{_hint(exc)}") from exc
            try:
                for k, (rel, data) in enumerate(planned, 1):
                    path = staging / rel
                    path.parent.mkdir(parents=True, exist_ok=True)
                    with open(path, "wb") as fh:
                        pq.write_table(data, fh, compression="zstd")
                        fh.flush()
                        os.fsync(fh.fileno())  # on disk before the manifest says it is there
                    _crash_point(f"staged:{k}")
                tmp = staging / (MANIFEST + ".tmp")
                with open(tmp, "w", encoding="utf-8") as fh:
                    json.dump([rel for rel, _ in planned], fh)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, staging / MANIFEST)  # the commit point
                _crash_point("manifest")
            except OSError as exc:
                try:  # the manifest first: a half-deleted commit must never look saved
                    (staging / MANIFEST).unlink(missing_ok=True)
                except OSError:
                    pass
                shutil.rmtree(staging, ignore_errors=True)
                raise StoreError(f"could not write to {self.root}: {exc.strerror or exc}{_hint(exc)}; "
                                 "the tables were left as they were") from exc
            try:
                self.recover()
            except OSError as exc:
                raise StoreError(f"commit {commit_id} is saved in {staging} but could not be moved into "
                                 f"place: {exc.strerror or exc}{_hint(exc)}; the next run or review "
                                 "finishes it") from exc
        return [rel for rel, _ in planned]


def _hint(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return " (the disk is full: free some space and run again)"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return " (check the folder's permissions, or pass another --curated folder)"
    return ""
