"""The discover stage: the raw files not yet ingested, by content hash.

A file whose bytes were ingested (or rejected) before is skipped, whatever its name, so a re-run
adds nothing twice and a renamed copy is not read again. A file that changed is read again; the
articles it holds are then deduplicated by ``article_id``.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from claimtrack.records import Rejection

#: larger files are rejected unread: no single news article is this big
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class RawFile:
    raw_path: str  # as the user sees it: the raw folder joined with the relative path
    data: bytes
    sha256: str


def discover(raw_dir: Path | str, known_sha256: set[str], max_bytes: int = MAX_FILE_BYTES
             ) -> tuple[list[RawFile], list[Rejection], int]:
    """New raw files under ``raw_dir`` (sorted by path), rejections, and the count skipped as known.

    Hidden files and folders (``.git``, ``.DS_Store``) are ignored; symbolic links are followed
    when they point at a readable file.
    """
    root = Path(raw_dir)
    if not root.is_dir():
        raise FileNotFoundError(f"raw folder {root} does not exist or is not a folder")
    found: list[RawFile] = []
    rejected: list[Rejection] = []
    skipped = 0
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath) / name
            shown = str(path)
            try:
                if path.is_symlink() and not path.exists():
                    rejected.append(Rejection(shown, "broken-link", f"symbolic link to {os.readlink(path)} which does not exist"))
                    continue
                if not path.is_file():
                    rejected.append(Rejection(shown, "not-a-file", "not a regular file (a device, socket or pipe)"))
                    continue
                size = path.stat().st_size
                if size > max_bytes:
                    rejected.append(Rejection(shown, "too-large",
                                              f"{size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:.0f} MB limit for one file"))
                    continue
                data = path.read_bytes()
            except OSError as exc:
                rejected.append(Rejection(shown, "unreadable", f"cannot read the file: {exc.strerror or exc}"))
                continue
            sha = hashlib.sha256(data).hexdigest()
            if sha in known_sha256:
                skipped += 1
                continue
            found.append(RawFile(shown, data, sha))
    return found, rejected, skipped
