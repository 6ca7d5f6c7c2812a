"""The discover stage: the raw files not yet ingested, by content hash.

A file whose bytes were ingested (or rejected) before is skipped, whatever its name, so a re-run
adds nothing twice and a renamed copy is not read again. A file that changed is read again; the
articles it holds are then deduplicated by ``article_id``.
"""
from __future__ import annotations

import errno
import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from claimtrack.records import Rejection
from claimtrack.stages.fetch import feed_dates

#: Larger files are rejected unread. A news article is 2-100 KB, so 20 MB is a feed of thousands
#: of them; past that a file is almost surely not news (a dump, a video, a log), and it would be
#: held in memory whole, decoded and run through the extractors in one piece.
MAX_FILE_BYTES = 20 * 1024 * 1024


#: sha256 of the files this process has read, by (absolute path, inode, size, mtime): `claimtrack
#: run` looks for new files before it starts the flow, and the flow's discover stage then reads
#: only the files that changed (the same file, unchanged, is skipped as known without reading it).
#: With a ``stamp_file`` the same index is kept on disk from one run to the next.
_HASHED: dict[tuple[str, int, int, int], str] = {}

#: a file modified this close to the walk may still be being written: not stored in the
#: ``stamp_file`` (it is hashed again next time), as git treats "racily clean" files
RACY_NS = 2 * 10**9


@dataclass(frozen=True, slots=True)
class RawFile:
    raw_path: str  # as the user sees it: the raw folder joined with the relative path
    data: bytes
    sha256: str
    feed_date: datetime | None = None  # the feed's publication time of a page the fetch stage saved
    file_time: datetime | None = None  # the modification time, when it may date the file (file_times=True)


def discover(raw_dir: Path | str, known_sha256: set[str], max_bytes: int = MAX_FILE_BYTES,
             stamp_file: Path | None = None, allow_links_to: tuple[Path, ...] = (),
             file_times: bool = False) -> tuple[list[RawFile], list[Rejection], int]:
    """New raw files under ``raw_dir`` (sorted by path), rejections, and the count skipped as known.

    Hidden files and folders (``.git``, ``.DS_Store``) are ignored. A symbolic link is followed
    only when its target lies inside the raw folder or inside one of the ``allow_links_to``
    folders (``[inputs]`` in claimtrack.toml); any other link (to ``/etc/passwd``, to a home
    folder) is rejected as ``outside-raw``, unread. A link to a folder is walked only into an
    allowed folder (each real folder once, so a loop ends); one to a folder inside the raw folder
    is reported as ``linked-folder`` (its files are read where they are). A file whose bytes were
    already seen in this walk (a copy, or a link to a file here) is skipped as known.

    Each file found carries its feed's publication time when the fetch stage saved it, and, with
    ``file_times``, its modification time (the parse stage's dates of last resort).

    ``stamp_file``: where the hashes of the files are kept between runs, by path, inode, size and
    modification time (nanoseconds), as git's index and rsync do. A nightly run then reads only
    new and changed files instead of every file of the history (3.7 s for Reuters' 19,000 files
    when they are no longer in the page cache, against 0.3 s to look at them). A missing or
    unreadable stamp file only costs the time: every file is read again.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("Some news.")
    >>> found, rejected, skipped = discover(d, set())
    >>> [f.raw_path.endswith("a.txt") for f in found], rejected, skipped
    ([True], [], 0)
    """
    root = Path(raw_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"raw folder {root} does not exist or is not a folder")
    if stamp_file is not None:
        _load_stamps(stamp_file)
    walk_started_ns = time.time_ns()
    allowed = (os.path.realpath(root),) + tuple(os.path.realpath(a) for a in allow_links_to)
    fed = feed_dates(root)
    found: list[RawFile] = []
    rejected: list[Rejection] = []
    seen = set(known_sha256)
    skipped = 0
    stamps: dict[tuple[str, int, int, int], str] = {}  # every file of this walk, for the stamp file
    hashed_now = 0
    # walk the absolute path (the stamps' key, whatever the spelling of --raw), show the user's
    absolute = os.path.abspath(root)
    # os.scandir, not pathlib: a night's folder holds tens of thousands of files, and each
    # DirEntry answers is_symlink/is_file/stat from one system call (pathlib: several, plus
    # building a Path per file)

    def as_given(path: str) -> str:  # as pathlib writes it: "./raw/x" -> "raw/x"
        return str(Path(str(root) + path[len(absolute):]))

    for dirpath, entries in _folders(absolute, rejected, as_given, allowed, set()):
        shown_dir = as_given(dirpath)  # once per folder
        for entry in entries:
            path = entry.path
            shown = printable(os.path.join(shown_dir, entry.name))
            try:
                if entry.is_symlink() and not os.path.exists(path):
                    target = printable(os.readlink(path))
                    why = ("a loop of symbolic links" if _loops(Path(path))
                           else f"symbolic link to {target}, which does not exist")
                    rejected.append(Rejection(shown, "broken-link", why))
                    continue
                target = None
                if entry.is_symlink():
                    target = os.path.realpath(path)
                    if not _inside(target, allowed):
                        rejected.append(Rejection(shown, "outside-raw", _outside(target)))
                        continue
                if not entry.is_file():
                    rejected.append(Rejection(shown, "not-a-file", "not a regular file (a device, socket or pipe)"))
                    continue
                st = entry.stat()
                if st.st_size > max_bytes:
                    rejected.append(Rejection(shown, "too-large", _too_large(st.st_size, max_bytes)))
                    continue
                stamp = (path, st.st_ino, st.st_size, st.st_mtime_ns)
                sha = _HASHED.get(stamp)
                if sha is not None:
                    stamps[stamp] = sha
                if sha in seen:  # hashed before (this process, or an earlier run), unchanged since
                    skipped += 1
                    continue
                # never more than the limit, even if the file grows; a link is read at the target
                # checked above, and a file is not followed if it has become a link since
                fd = os.open(target or path, os.O_RDONLY | (0 if target else os.O_NOFOLLOW))
                with open(fd, "rb") as fh:
                    data = fh.read(max_bytes + 1)
            except OSError as exc:
                rejected.append(Rejection(shown, "unreadable", f"cannot read the file: {exc.strerror or exc}"))
                continue
            if len(data) > max_bytes:
                rejected.append(Rejection(shown, "too-large", _too_large(len(data), max_bytes)))
                continue
            sha = hashlib.sha256(data).hexdigest()
            _HASHED[stamp] = stamps[stamp] = sha
            hashed_now += 1
            if sha in seen:
                skipped += 1
                continue
            seen.add(sha)
            found.append(RawFile(shown, data, sha, feed_date=fed.get(entry.name),
                                 file_time=datetime.fromtimestamp(st.st_mtime, timezone.utc) if file_times else None))
    if stamp_file is not None and hashed_now:
        _save_stamps(stamp_file, stamps, walk_started_ns - RACY_NS)
    return found, rejected, skipped


def _load_stamps(stamp_file: Path) -> None:
    """Add the stamps kept on disk to this process's index (nothing, if the file is unusable)."""
    import pyarrow.feather as feather

    try:
        table = feather.read_table(stamp_file)
        columns = [table.column(name).to_pylist() for name in ("path", "inode", "size", "mtime_ns", "sha256")]
    except (OSError, KeyError, ValueError, TypeError):  # missing, or not a stamp file: every file is read again
        return
    for path, inode, size, mtime_ns, sha in zip(*columns):
        _HASHED[(os.fsdecode(path), inode, size, mtime_ns)] = sha


def _save_stamps(stamp_file: Path, stamps: dict[tuple[str, int, int, int], str], settled_before_ns: int) -> None:
    """Write the stamps of the files found in this walk, atomically; files modified after
    ``settled_before_ns`` are left out. A failure to write is not an error: it only costs time."""
    import pyarrow as pa
    import pyarrow.feather as feather

    kept = [(key, sha) for key, sha in stamps.items() if key[3] < settled_before_ns]
    table = pa.table({
        "path": pa.array([os.fsencode(k[0]) for k, _ in kept], pa.binary()),  # names are bytes on Linux
        "inode": pa.array([k[1] for k, _ in kept], pa.uint64()),
        "size": pa.array([k[2] for k, _ in kept], pa.int64()),
        "mtime_ns": pa.array([k[3] for k, _ in kept], pa.int64()),
        "sha256": pa.array([sha for _, sha in kept], pa.string()),
    })
    tmp = stamp_file.with_name(stamp_file.name + ".tmp")
    try:
        stamp_file.parent.mkdir(parents=True, exist_ok=True)
        feather.write_feather(table, tmp, compression="uncompressed")
        tmp.replace(stamp_file)
    except OSError:
        tmp.unlink(missing_ok=True)


def _folders(top: str, rejected: list[Rejection], as_given, allowed: tuple[str, ...],
             visited: set[str]) -> Iterator[tuple[str, list[os.DirEntry]]]:
    """Each folder from ``top`` down (a folder before its subfolders, names in order) with the
    entries in it that are not folders. Hidden names are skipped; a folder that cannot be listed
    is passed over. A symbolic link to a folder is walked only when it leads into an allowed
    folder other than the raw folder itself, and each real folder only once (no loop)."""
    real = os.path.realpath(top)
    if real in visited:
        return
    visited.add(real)
    try:
        with os.scandir(top) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError:
        return
    subfolders, files = [], []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir()
        except OSError:
            is_folder = False
        if not is_folder:
            files.append(entry)
        elif entry.is_symlink():
            target = os.path.realpath(entry.path)
            shown = printable(as_given(entry.path))
            if not _inside(target, allowed):
                rejected.append(Rejection(shown, "outside-raw", _outside(target)))
            elif _inside(target, allowed[:1]):
                rejected.append(Rejection(shown, "linked-folder",
                                          "a symbolic link to a folder inside the raw folder is not followed "
                                          "(its files are read where they are)"))
            else:
                subfolders.append(entry.path)
        else:
            subfolders.append(entry.path)
    yield top, files
    for folder in subfolders:
        yield from _folders(folder, rejected, as_given, allowed, visited)


def _inside(target: str, folders: tuple[str, ...]) -> bool:
    """Whether the real path ``target`` is one of ``folders`` (real paths) or lies under one."""
    return any(target == f or target.startswith(f.rstrip(os.sep) + os.sep) for f in folders)


def _outside(target: str) -> str:
    return (f"symbolic link to {printable(target)}, outside the raw folder: not followed "
            "(to allow its folder, add it to [inputs] allow_links_to in claimtrack.toml)")


def printable(path: str) -> str:
    """A path as valid text: bytes of a name that are not UTF-8 become ``\\xNN`` escapes.

    (Linux names are bytes; Parquet strings must be UTF-8.)

    >>> printable("caf\\udce9.txt")
    'caf\\\\xe9.txt'
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _loops(path: Path) -> bool:
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 raises this for a symlink loop
        return True
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _too_large(size: int, max_bytes: int) -> str:
    mb = 1024 * 1024
    return f"{size / mb:.1f} MB is larger than the {max_bytes / mb:.0f} MB limit for one file"
