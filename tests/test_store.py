"""The curated store: atomic commits, crash recovery, locks."""
import json
import os

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from claimtrack.store import SCHEMAS, Curated, LockedError, StoreError, to_arrow


def claims_rows(*ids):
    return [{"claim_id": i, "article_id": "a", "surface": "3", "value": 3.0, "low": 3.0, "high": 3.0,
             "qualifier": "exact", "start": 0, "end": 1, "subject": ["Idlib"]} for i in ids]


def test_commit_appends_partitioned_files_readable_by_pandas_and_duckdb(tmp_path):
    store = Curated(tmp_path)
    store.commit("r1", appends={"claims": to_arrow("claims", claims_rows("c1", "c2"))}, ingest_date="2026-01-01")
    store.commit("r2", appends={"claims": to_arrow("claims", claims_rows("c3"))}, ingest_date="2026-01-02")
    frame = pd.read_parquet(tmp_path / "claims")
    assert sorted(frame["claim_id"]) == ["c1", "c2", "c3"]
    assert list(frame.loc[frame["claim_id"] == "c1", "subject"].iloc[0]) == ["Idlib"]
    n = duckdb.connect().execute(f"select count(*) from read_parquet('{tmp_path}/claims/**/*.parquet')").fetchone()[0]
    assert n == 3
    assert sorted(store.read("claims")["ingest_date"].unique()) == ["2026-01-01", "2026-01-02"]


def test_empty_tables_read_with_their_columns(tmp_path):
    store = Curated(tmp_path)
    frame = store.read("reviews")
    assert frame.empty and list(frame.columns) == ["flag_id", "decision", "reviewer", "note", "decided_at"]
    # an empty append writes a file only while the table has none, so a new table reads
    empty = {t: SCHEMAS[t].empty_table() for t in ("reviews", "claims")}
    store.commit("r0", appends=empty, ingest_date="2026-01-01")
    store.commit("r1", appends=empty, ingest_date="2026-01-02")
    assert len(store.files("reviews")) == 1
    assert pd.read_parquet(tmp_path / "reviews").empty
    assert list(pd.read_parquet(tmp_path / "claims").columns)[:2] == ["claim_id", "article_id"]


def test_commit_that_died_before_its_manifest_is_dropped(tmp_path):
    store = Curated(tmp_path)
    store.commit("r1", appends={"claims": to_arrow("claims", claims_rows("c1"))}, ingest_date="2026-01-01")
    half = tmp_path / "_staging" / "r2" / "claims" / "ingest_date=2026-01-02"
    half.mkdir(parents=True)
    (half / "part-r2.parquet").write_bytes(b"half a file")
    assert sorted(store.read("claims")["claim_id"]) == ["c1"]  # readers never see staging
    assert store.recover() == []
    assert not (tmp_path / "_staging" / "r2").exists()
    assert sorted(store.read("claims")["claim_id"]) == ["c1"]


def test_commit_that_died_after_its_manifest_is_rolled_forward(tmp_path):
    store = Curated(tmp_path)
    staged = tmp_path / "_staging" / "r2" / "claims" / "ingest_date=2026-01-02"
    staged.mkdir(parents=True)
    import pyarrow.parquet as pq
    pq.write_table(to_arrow("claims", claims_rows("c9")), staged / "part-r2.parquet")
    (tmp_path / "_staging" / "r2" / "_COMMIT").write_text(json.dumps(["claims/ingest_date=2026-01-02/part-r2.parquet"]))
    assert store.recover() == ["r2"]
    assert list(store.read("claims")["claim_id"]) == ["c9"]


def test_replace_swaps_a_whole_table(tmp_path):
    store = Curated(tmp_path)
    flags = lambda status: to_arrow("flags", [{"flag_id": "f1", "match_id": "m1", "kind": "claim", "relation": "contradiction",
                                              "new_id": "n", "earlier_id": "e", "detail": "d", "status": status}])
    store.commit("r1", replaces={"flags": flags("open")})
    store.commit("r2", replaces={"flags": flags("dismissed")})
    assert list(pd.read_parquet(tmp_path / "flags")["status"]) == ["dismissed"]


def test_write_error_leaves_tables_untouched(tmp_path):
    store = Curated(tmp_path)
    store.commit("r1", appends={"claims": to_arrow("claims", claims_rows("c1"))}, ingest_date="2026-01-01")
    (tmp_path / "_staging").mkdir(exist_ok=True)
    (tmp_path / "_staging" / "r2").write_text("a file where a folder must go")  # makes staging fail
    with pytest.raises(StoreError, match="left as they were"):
        store.commit("r2", appends={"claims": to_arrow("claims", claims_rows("c2"))}, ingest_date="2026-01-02")
    assert list(store.read("claims")["claim_id"]) == ["c1"]


def test_second_run_lock_refuses_with_a_clear_message(tmp_path):
    store = Curated(tmp_path)
    with store.run_lock():
        with pytest.raises(LockedError, match=f"pid {os.getpid()}"):
            with Curated(tmp_path).run_lock(wait=0.2):
                pass
    with store.run_lock():  # released when the holder is done
        pass


def test_extra_record_fields_become_extra_columns(tmp_path):
    table = to_arrow("quotes", [{"quote_id": "q", "article_id": "a", "text": "t", "start": 0, "end": 1,
                                 "confidence": 0.5}])
    assert table.schema.names[-1] == "confidence"
    assert table.schema.field("start").type == pa.int64()


def test_a_new_commit_under_a_saved_commits_id_finishes_it_first(tmp_path):
    import pyarrow.parquet as pq

    store = Curated(tmp_path)
    staged = tmp_path / "_staging" / "r1" / "claims" / "ingest_date=2026-01-01"
    staged.mkdir(parents=True)
    pq.write_table(to_arrow("claims", claims_rows("c1")), staged / "part-r1.parquet")
    (tmp_path / "_staging" / "r1" / "_COMMIT").write_text(json.dumps(["claims/ingest_date=2026-01-01/part-r1.parquet"]))
    store.commit("r1", appends={"runs": to_arrow("runs", [{"run_id": "r1", "status": "failed"}])})
    assert list(store.read("claims")["claim_id"]) == ["c1"]  # not dropped by the second manifest
    assert list(store.read("runs")["status"]) == ["failed"]


HALF_COMMIT = """
import json, sys, time
from pathlib import Path
from claimtrack.store import Curated
root = Path(sys.argv[1])
with Curated(root).write_lock():
    staged = root / "_staging" / "slow" / "reviews"
    staged.mkdir(parents=True)
    (staged / "part-slow.parquet").write_bytes(Path(sys.argv[2]).read_bytes())
    print("staged", flush=True)
    sys.stdin.readline()  # the test says when to write the manifest
    (root / "_staging" / "slow" / "_COMMIT").write_text(json.dumps(["reviews/part-slow.parquet"]))
"""


def test_recover_waits_for_a_commit_another_process_is_writing(tmp_path):
    """recover() takes the write lock: it must not drop a commit that is still being staged."""
    import subprocess
    import sys
    import threading

    import pyarrow.parquet as pq

    root, row = tmp_path / "curated", tmp_path / "row.parquet"
    pq.write_table(to_arrow("reviews", [{"flag_id": "f1", "decision": "confirmed"}]), row)
    writer = subprocess.Popen([sys.executable, "-c", HALF_COMMIT, str(root), str(row)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "staged"
        recovered: list = []
        thread = threading.Thread(target=lambda: recovered.append(Curated(root).recover()))
        thread.start()  # blocks on the lock: the staged commit has no manifest yet
        thread.join(1.0)  # (a recover that ignored the lock would drop the commit in this second)
        writer.stdin.write("go\n")
        writer.stdin.flush()
        assert writer.wait(60) == 0
        thread.join(60)
        assert recovered == [["slow"]]
        assert list(Curated(root).read("reviews")["flag_id"]) == ["f1"]
    finally:
        if writer.poll() is None:
            writer.kill()


def test_crash_hook_injects_a_full_disk(tmp_path, monkeypatch):
    store = Curated(tmp_path)
    monkeypatch.setenv("CLAIMTRACK_CRASH_AT", "staged:1:enospc")
    with pytest.raises(StoreError, match="disk is full"):
        store.commit("r1", appends={"claims": to_arrow("claims", claims_rows("c1"))}, ingest_date="2026-01-01")
    monkeypatch.delenv("CLAIMTRACK_CRASH_AT")
    assert store.read("claims").empty and not any((tmp_path / "_staging").iterdir())
