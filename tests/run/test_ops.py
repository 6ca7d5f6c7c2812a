"""Operations: progress output, the run summary, runs rows with parameters and stage times."""
from __future__ import annotations

import json
import re

import pandas as pd

from claimtrack.cli import main
from claimtrack.run.progress import Progress, stage_line


def test_progress_logs_plain_lines_off_a_terminal():
    lines = []
    ticks = iter([0.0, 11.0, 12.0, 20.0, 30.0])  # start, three advances, end
    import claimtrack.run.progress as progress_module

    real = progress_module.time.perf_counter
    progress_module.time.perf_counter = lambda: next(ticks)
    try:
        p = Progress(tty=False, log=lines.append, every=10.0)
        with p.stage("extract", total=300, unit="articles") as advance:
            advance(100)   # t=11: a progress line (10 s since the start)
            advance(100)   # t=12: too soon for another
            advance(100)   # done: only the end line
    finally:
        progress_module.time.perf_counter = real
    assert lines == ["extract: 300 articles", "extract: 100/300 articles (9/s)",
                     "extract: done in 30.0 s, 10 articles/s"]
    assert p.stage_seconds == {"extract": 30.0}


def test_progress_on_a_terminal_draws_a_bar_and_still_times_the_stage():
    lines = []
    p = Progress(tty=True, log=lines.append)
    with p.stage("parse", total=2, unit="files") as advance:
        advance(1)
        advance(1)
    with p.stage("publish"):
        pass
    assert lines == []  # the bar is drawn by rich, not logged
    assert list(p.stage_seconds) == ["parse", "publish"]
    assert stage_line({"parse": 0.04, "publish": 1.26}) == "stages: parse 0.0 s, publish 1.3 s"


def test_cli_run_then_nothing_new_is_quick_and_says_so(sample_raw, capsys, monkeypatch):
    raw, curated = sample_raw
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["run", "--raw", str(raw), "--curated", str(curated), "--batch-size", "7"]) == 0
    out = capsys.readouterr().out
    assert ": succeeded in" in out and "stages: discover" in out and "publish" not in out.split("stages:")[0]
    # a copy of the same article: read again (its bytes differ), found to be a duplicate
    (raw / "copy.txt").write_bytes((raw / "dw-2018-09-17-putin-erdogan-sochi.txt").read_bytes() + b"\n")

    import claimtrack.run.flow

    called = []
    monkeypatch.setattr(claimtrack.run.flow, "nightly", lambda **kw: called.append(kw))
    assert main(["run", "--raw", str(raw), "--curated", str(curated)]) == 0
    out = capsys.readouterr().out
    assert called == []  # answered without starting the Prefect flow
    assert ": nothing-new in" in out and "skipped (nothing new)" in out
    assert re.search(r"duplicates\s+1 articles seen before", out)
    runs = pd.read_parquet(curated / "runs").sort_values("started_at")
    assert list(runs["status"]) == ["succeeded", "nothing-new"]
    first, second = (json.loads(p) for p in runs["parameters"])
    assert first["batch_size"] == 7 and first["task_runner"] == "default" and first["fetch"] is None
    assert second["batch_size"] == 500
    stages = json.loads(runs["stage_seconds"].iloc[0])
    assert {"discover", "parse", "extract", "match", "validate"} <= set(stages)
    assert all(v >= 0 for v in stages.values())


def test_new_file_after_a_run_goes_through_the_flow(sample_raw, capsys, monkeypatch):
    raw, curated = sample_raw
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert main(["run", "--raw", str(raw), "--curated", str(curated)]) == 0
    (raw / "new.txt").write_text("Bridge reopens\n\nMay 2, 2024\n\nThe bridge reopened on Thursday after "
                                 "repairs costing 12 million euros, the transport minister said.\n")
    assert main(["run", "--raw", str(raw), "--curated", str(curated)]) == 0
    assert re.search(r"articles ingested\s+1\n", capsys.readouterr().out)
    assert len(pd.read_parquet(curated / "articles")) == 2


def test_fetch_without_a_config_is_a_one_line_error(workspace, capsys, tmp_path, monkeypatch):
    raw, curated = workspace
    monkeypatch.chdir(tmp_path)
    assert main(["run", "--raw", str(raw), "--curated", str(curated), "--fetch"]) == 1
    assert capsys.readouterr().err.strip() == \
        "claimtrack: error: --fetch needs a feeds config: claimtrack.toml here, or --config FILE"
    (tmp_path / "bad.toml").write_text('[[feeds]]\nurl = "file:///etc/passwd"\n')
    assert main(["run", "--raw", str(raw), "--curated", str(curated), "--config", "bad.toml"]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("claimtrack: error: bad.toml: feed 1: not an http(s) URL") and "\n" not in err
    assert not curated.exists()


def _articles(*dated_texts):
    from datetime import datetime, timezone

    from claimtrack.stages.parse import article_id_for
    from claimtrack.records import Article

    return [Article(article_id_for(text), text, source="Test wire", title=f"Story {k}",
                    published_at=datetime.fromisoformat(day).replace(tzinfo=timezone.utc), raw_path=f"{k}.txt")
            for k, (day, text) in enumerate(dated_texts)]


FLOOD = [("2025-03-01", "The flood displaced 3,000 residents of Riverton, the mayor's office said on Saturday."),
         ("2025-03-04", "The flood displaced 3,000 residents of Riverton, relief workers said on Tuesday."),
         ("2025-03-05", "The flood displaced 7,500 residents of Riverton, the regional governor said on Wednesday.")]


def test_match_in_chunks_finds_what_one_batch_finds(tmp_path):
    """New items are matched a chunk at a time; later chunks still see the earlier ones."""
    from claimtrack.run import pipeline
    from claimtrack.stages.extract import extract_articles

    articles = _articles(*FLOOD)
    quotes, claims = extract_articles(articles)
    assert len(claims) == 3
    run = pipeline.new_run(tmp_path / "raw", tmp_path / "curated")
    whole = pipeline.match_stage(run, articles, quotes, claims, chunk=10_000)
    chunked = pipeline.match_stage(run, articles, quotes, claims, chunk=1)
    assert len(whole) >= 2  # the repeat, and the later, different figure
    key = lambda m: (m.new_id, m.earlier_id, m.relation, m.score)  # noqa: E731
    assert sorted(map(key, chunked)) == sorted(map(key, whole))


def test_match_reads_only_claims_inside_the_update_window(tmp_path, monkeypatch):
    from claimtrack.run import pipeline
    from claimtrack.stages.extract import extract_articles
    from claimtrack.store import Curated

    raw, curated = tmp_path / "raw", tmp_path / "curated"
    raw.mkdir()
    old = "Wildfire smoke\n\nJune 2, 2019\n\nThe wildfire forced 2,000 residents of Pine Hollow to leave, officials said.\n"
    recent = "Wildfire smoke\n\nFebruary 20, 2025\n\nThe wildfire forced 2,000 residents of Pine Hollow to leave, officials said again.\n"
    (raw / "old.txt").write_text(old)
    (raw / "recent.txt").write_text(recent)
    from claimtrack.run.flow import nightly

    nightly(raw_dir=str(raw), curated_dir=str(curated))
    stored = pd.read_parquet(curated / "claims")
    assert len(stored) == 2
    read_rows = []
    real_read = Curated.read

    def spy(self, table, columns=None, filter=None):
        frame = real_read(self, table, columns=columns, filter=filter)
        if table == "claims":
            read_rows.append(len(frame))
        return frame

    monkeypatch.setattr(Curated, "read", spy)
    articles = _articles(FLOOD[0])
    quotes, claims = extract_articles(articles)
    pipeline.match_stage(pipeline.new_run(raw, curated), articles, quotes, claims)
    assert read_rows == [1]  # the 2025 claim; the 2019 one is outside the 365-day window


def test_docstring_examples_of_the_ops_modules_hold():
    import doctest

    import claimtrack.stages.fetch
    import claimtrack.run.progress

    for module in (claimtrack.stages.fetch, claimtrack.run.progress):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__
