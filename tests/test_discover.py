"""The discover stage finds raw files by content: a second look in the same process (the run's
quick check, then the flow) skips unchanged files and still sees every change."""
from __future__ import annotations

import os

from claimtrack.discover import discover


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


def test_the_flow_reuses_what_the_quick_check_parsed_once(tmp_path, monkeypatch):
    from claimtrack import pipeline

    (tmp_path / "a.txt").write_text("Ferry strike ends\n\nThe ferry strike ended after 12 days, the union said.\n")
    found, _, _ = discover(tmp_path, set())
    ahead, _ = pipeline.parse_stage(found, keep=True)

    def broken(*args):
        raise ValueError("parsed twice")

    monkeypatch.setattr(pipeline, "parse_bytes", broken)
    again, rejected = pipeline.parse_stage(found)
    assert again == ahead and rejected == []
    # taken out once used: a later parse reads the file again
    _, rejected = pipeline.parse_stage(found)
    assert [r.reason for r in rejected] == ["parse-error"]
