"""The discover stage finds raw files by content: a second look in the same process (the run's
quick check, then the flow) skips unchanged files and still sees every change."""
from __future__ import annotations

import os

from claimtrack.stages.discover import discover


def test_a_second_look_skips_unchanged_files_and_sees_changed_ones(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Ten ships were idle on Monday.")
    b.write_text("Twelve ships were idle on Tuesday.")
    found, _, _ = discover(tmp_path, set())
    known = {f.sha256 for f in found}
    assert len(found) == 2

    found, _, skipped = discover(tmp_path, known)
    assert (found, skipped) == ([], 2)

    b.write_text("Twelve ships were idle on Wednesday.")  # a new size
    stat = a.stat()
    a.write_text("Six ships were idle on Monday.")  # the same size as before
    os.utime(a, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    found, _, skipped = discover(tmp_path, known)
    assert sorted(os.path.basename(f.raw_path) for f in found) == ["a.txt", "b.txt"]
    assert skipped == 0


def test_a_renamed_copy_is_known_by_its_bytes(tmp_path):
    (tmp_path / "a.txt").write_text("Ten ships were idle on Monday.")
    found, _, _ = discover(tmp_path, set())
    (tmp_path / "a.txt").rename(tmp_path / "copy.txt")
    again, _, skipped = discover(tmp_path, {f.sha256 for f in found})
    assert (again, skipped) == ([], 1)


def _age(path, seconds=3600):
    """Make ``path`` look written ``seconds`` ago (a file of an earlier night)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


def _new_process():
    """Forget what this process hashed, as the next night's `claimtrack run` starts with nothing."""
    from claimtrack.stages import discover as module

    module._HASHED.clear()


def test_the_next_run_reads_only_new_and_changed_files(tmp_path):
    raw, stamps = tmp_path / "raw", tmp_path / "curated" / "_cache" / "raw_files.arrow"
    raw.mkdir()
    a, b = raw / "a.txt", raw / "b.txt"
    a.write_text("Ten ships were idle on Monday.")
    b.write_text("Twelve ships were idle on Tuesday.")
    _age(a), _age(b)
    found, _, _ = discover(raw, set(), stamp_file=stamps)
    known = {f.sha256 for f in found}
    assert stamps.is_file()

    _new_process()
    stat = a.stat()
    a.write_text("Six ships were idle on Monday.")  # same size, and its old time put back:
    os.utime(a, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # only reading it would tell
    (raw / "c.txt").write_text("Nine ships were idle on Friday.")
    found, _, skipped = discover(raw, known, stamp_file=stamps)
    # a and b are known by their stamps, unread; c is new
    assert ([os.path.basename(f.raw_path) for f in found], skipped) == (["c.txt"], 2)

    _new_process()
    os.utime(a, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # a real edit moves the time
    found, _, _ = discover(raw, known, stamp_file=stamps)
    assert sorted(os.path.basename(f.raw_path) for f in found) == ["a.txt", "c.txt"]


def test_a_file_written_just_before_the_run_is_read_again_next_time(tmp_path):
    # its stamp could be the same after one more write in the same instant (git's "racily clean")
    raw, stamps = tmp_path / "raw", tmp_path / "raw_files.arrow"
    raw.mkdir()
    a = raw / "a.txt"
    a.write_text("Ten ships were idle on Monday.")
    found, _, _ = discover(raw, set(), stamp_file=stamps)

    _new_process()
    stat = a.stat()
    a.write_text("Six ships were idle on Monday.")
    os.utime(a, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again, _, _ = discover(raw, {f.sha256 for f in found}, stamp_file=stamps)
    assert [f.data for f in again] == [b"Six ships were idle on Monday."]


def test_a_damaged_stamp_file_only_costs_time(tmp_path):
    raw, stamps = tmp_path / "raw", tmp_path / "raw_files.arrow"
    raw.mkdir()
    (raw / "a.txt").write_text("Ten ships were idle on Monday.")
    stamps.write_bytes(b"not an arrow file")
    found, rejected, _ = discover(raw, set(), stamp_file=stamps)
    assert len(found) == 1 and rejected == []
