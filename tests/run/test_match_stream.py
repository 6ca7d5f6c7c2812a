"""Matching batch by batch while extraction runs gives the matches of matching all at once."""
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest

from claimtrack.records import Article
from claimtrack.run import pipeline
from claimtrack.run.matching import NightMatch
from claimtrack.stages.extract import extract_articles
from claimtrack.stages.parse import article_id_for
from support.nights import nightly_in_process
from support.tables import RUNNER_TABLES, runner_tables

# One story told over a week by several kinds of outlet: repeats, a changed figure, a quote
# given again and altered (texts written for this test).
STORY = [
    "Storm Lena cut power to 42,000 homes in Northfield on Monday, the utility said. \"Crews will "
    "work through the night,\" said the utility's chief executive, Marta Olsen.",
    "NORTHFIELD (Wire) - About 42,000 homes were without power after Storm Lena, the utility said on Tuesday.",
    "Power cuts: 55,000 homes in Northfield lost power in Storm Lena, the regional council said on Wednesday.",
    "\"Crews will work through the night and the weekend,\" said the utility's chief executive, Marta Olsen.",
    "Northfield council said repairs after Storm Lena would cost 3 million euros, up from 2 million euros.",
    "The utility said 12 substations were damaged. \"We have never seen a storm like it,\" said Per Lund, a lineman.",
    "Storm Lena: 42,000 homes lost power in Northfield, the utility said, and 12 substations were damaged.",
    "\"We have never seen a storm like this one,\" said Marta Olsen, the utility's chief executive, on Friday.",
]


def night(texts, first_day):
    day = datetime(2025, 11, first_day, 8, tzinfo=timezone.utc)
    return [Article(article_id_for(t), t, source="Test wire", title=f"Storm {k}", published_at=day + timedelta(hours=6 * k),
                    raw_path=f"raw/{k}.txt", date_source="content", lang="en")
            for k, t in enumerate(texts)]


def key(m):
    return (m.kind, m.new_id, m.earlier_id, m.relation, m.score, m.detail, m.confidence, m.evidence)


def fed_in_batches(run, articles, batch, chunk):
    """The flow's way: batches extracted elsewhere, handed over in order."""
    matcher = NightMatch(run, articles, chunk=chunk)
    for i in range(0, len(articles), batch):
        matcher.add(*extract_articles(articles[i:i + batch]))
    return matcher


def store_first_night(tmp_path):
    run = pipeline.new_run(tmp_path / "raw", tmp_path / "curated")
    earlier = night(STORY[:3], 1)
    quotes, claims = extract_articles(earlier)
    matches = pipeline.match_stage(run, earlier, quotes, claims)
    pipeline.publish_stage(run, pipeline.build_tables(run, earlier, [], quotes, claims, matches), None)
    return run


def test_batches_matched_as_they_come_give_the_matches_of_all_at_once(tmp_path):
    store_first_night(tmp_path)  # a history to match against, too
    run = pipeline.new_run(tmp_path / "raw", tmp_path / "curated")
    articles = night(STORY[3:] + STORY[:2], 3)
    quotes, claims = extract_articles(articles)
    assert len(quotes) >= 3 and len(claims) >= 6
    for chunk in (1, 2, 3, 1000):
        expected = pipeline.match_stage(run, articles, quotes, claims, chunk=chunk)
        assert any(m.relation in ("contradiction", "altered", "update") for m in expected)
        for batch in (1, 2, 4):
            matcher = fed_in_batches(run, articles, batch, chunk)
            got = matcher.finish()
            assert [key(m) for m in got] == [key(m) for m in expected], (chunk, batch)
            assert matcher.matched == len(quotes) + len(claims)


def test_chunks_matched_before_the_night_is_over(tmp_path):
    run = pipeline.new_run(tmp_path / "raw", tmp_path / "curated")
    articles = night(STORY, 1)
    matcher = NightMatch(run, articles, chunk=2)
    quotes, claims = extract_articles(articles[:3])
    matcher.hold(quotes, claims)
    assert matcher.ready() and matcher.matched == 0
    matcher.match_ready()
    assert 0 < matcher.matched <= len(quotes) + len(claims)
    assert not matcher.ready()


def test_a_chunk_whose_columns_infer_other_dtypes_is_matched_again_all_at_once(tmp_path):
    """A chunk with no quote speaker at all reads that column as object, the night as str."""
    run = pipeline.new_run(tmp_path / "raw", tmp_path / "curated")
    texts = ["\"The bridge is closed until March,\" the notice on the gate read, in red letters.",
             "\"The bridge is closed until April,\" said the mayor, Ines Ruiz, on Tuesday."]
    articles = night(texts, 1)
    quotes, claims = extract_articles(articles)
    assert [q.speaker is None for q in quotes] == [True, False]
    expected = pipeline.match_stage(run, articles, quotes, claims, chunk=1)
    matcher = fed_in_batches(run, articles, 1, 1)
    got = matcher.finish()
    assert matcher.redone == ["quotes"]
    assert [key(m) for m in got] == [key(m) for m in expected]
    assert pd.DataFrame({"s": [None]})["s"].dtype != pd.DataFrame({"s": ["Ines Ruiz"]})["s"].dtype


@pytest.mark.slow
def test_the_flow_matching_while_workers_extract_writes_the_same_tables(default_night, tmp_path, monkeypatch):
    """Chunks of two items, articles one per batch: most chunks are matched during extraction;
    the raw files are parsed in the extract workers too."""
    from claimtrack.run import matching

    from claimtrack.run import flow

    raw, one_process, _ = default_night  # extracted in this process, then matched all at once
    monkeypatch.setattr(pipeline, "EXTRACT_POOL_MIN_ARTICLES", 1)
    monkeypatch.setattr(flow, "MATCH_WHILE_EXTRACTING", True)
    monkeypatch.setattr(matching, "MATCH_CHUNK", 2)
    fed = []
    real_ready = NightMatch.match_ready
    monkeypatch.setattr(NightMatch, "match_ready", lambda self: (fed.append(self.matched), real_ready(self))[1])
    parsed_in = []
    real_parse_in = pipeline.parse_in
    monkeypatch.setattr(pipeline, "parse_in", lambda files, pool=None: (parsed_in.append(pool is not None),
                                                                        real_parse_in(files, pool))[1])
    nightly_in_process(raw, tmp_path / "streamed", batch_size=1)
    assert fed, "no chunk was matched while extracting"
    assert parsed_in and all(parsed_in), "the raw files were not parsed in the workers"
    one, streamed = runner_tables(one_process), runner_tables(tmp_path / "streamed")
    for table in RUNNER_TABLES:
        assert one[table].equals(streamed[table]), table
    assert len(one["matches"]) > 0
