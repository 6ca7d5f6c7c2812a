"""The discover stage: the raw files not yet ingested, by content hash.

A file whose bytes were ingested (or rejected) before is skipped, whatever its name, so a re-run
adds nothing twice and a renamed copy is not read again. A file that changed is read again; the
articles it holds are then deduplicated by ``article_id``.
"""
from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from claimtrack.records import Rejection

#: Larger files are rejected unread. A news article is 2-100 KB, so 20 MB is a feed of thousands
#: of them; past that a file is almost surely not news (a dump, a video, a log), and it would be
#: held in memory whole, decoded and run through the extractors in one piece.
MAX_FILE_BYTES = 20 * 1024 * 1024


#: sha256 of the files this process has read, by (path, inode, size, mtime): `claimtrack run`
#: looks for new files before it starts the flow, and the flow's discover stage then reads only
#: the files that changed (the same file, unchanged, is skipped as known without reading it).
_HASHED: dict[tuple[str, int, int, int], str] = {}


@dataclass(frozen=True, slots=True)
class RawFile:
    raw_path: str  # as the user sees it: the raw folder joined with the relative path
    data: bytes
    sha256: str


def discover(raw_dir: Path | str, known_sha256: set[str], max_bytes: int = MAX_FILE_BYTES
             ) -> tuple[list[RawFile], list[Rejection], int]:
    """New raw files under ``raw_dir`` (sorted by path), rejections, and the count skipped as known.

    Hidden files and folders (``.git``, ``.DS_Store``) are ignored; symbolic links to files are
    followed, links to folders are not (they could loop) and are reported. A file whose bytes
    were already seen in this walk (a copy, or a link to a file here) is skipped as known.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp()); _ = (d / "a.txt").write_text("Some news.")
    >>> found, rejected, skipped = discover(d, set())
    >>> [f.raw_path.endswith("a.txt") for f in found], rejected, skipped
    ([True], [], 0)
    """
    root = Path(raw_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"raw folder {root} does not exist or is not a folder")
    found: list[RawFile] = []
    rejected: list[Rejection] = []
    seen = set(known_sha256)
    skipped = 0
    # os.scandir, not pathlib: a night's folder holds tens of thousands of files, and each
    # DirEntry answers is_symlink/is_file/stat from one system call (pathlib: several, plus
    # building a Path per file)
    for dirpath, entries in _folders(str(root), rejected):
        shown_dir = str(Path(dirpath))  # as pathlib writes it ("./raw" -> "raw"), once per folder
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
                if not entry.is_file():
                    rejected.append(Rejection(shown, "not-a-file", "not a regular file (a device, socket or pipe)"))
                    continue
                st = entry.stat()
                if st.st_size > max_bytes:
                    rejected.append(Rejection(shown, "too-large", _too_large(st.st_size, max_bytes)))
                    continue
                stamp = (path, st.st_ino, st.st_size, st.st_mtime_ns)
                if _HASHED.get(stamp) in seen:  # hashed earlier in this process, unchanged since
                    skipped += 1
                    continue
                with open(path, "rb") as fh:  # never more than the limit, even if the file grows
                    data = fh.read(max_bytes + 1)
            except OSError as exc:
                rejected.append(Rejection(shown, "unreadable", f"cannot read the file: {exc.strerror or exc}"))
                continue
            if len(data) > max_bytes:
                rejected.append(Rejection(shown, "too-large", _too_large(len(data), max_bytes)))
                continue
            sha = hashlib.sha256(data).hexdigest()
            _HASHED[stamp] = sha
            if sha in seen:
                skipped += 1
                continue
            seen.add(sha)
            found.append(RawFile(shown, data, sha))
    return found, rejected, skipped


def _folders(top: str, rejected: list[Rejection]) -> Iterator[tuple[str, list[os.DirEntry]]]:
    """Each folder from ``top`` down (a folder before its subfolders, names in order) with the
    entries in it that are not folders. Hidden names are skipped; a symbolic link to a folder is
    rejected, not followed (it could loop); a folder that cannot be listed is passed over."""
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
            rejected.append(Rejection(printable(entry.path), "linked-folder",
                                      "a symbolic link to a folder is not followed (it could loop): "
                                      "link or copy the files instead"))
        else:
            subfolders.append(entry.path)
    yield top, files
    for folder in subfolders:
        yield from _folders(folder, rejected)


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
