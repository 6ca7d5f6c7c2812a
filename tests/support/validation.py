"""Two small nights for the validate stage, written for the tests: a first night to stand as
history (``first_night``, the ``history`` fixture) and a good second night that repeats its
quote (altered) and its figure (contradiction).
"""
from __future__ import annotations

from datetime import datetime, timezone

from claimtrack.records import Article, Claim, Match, Quote
from claimtrack.run import pipeline

TEXT_1 = 'The mayor said 40 people were hurt. "We will rebuild the bridge," she said.'
TEXT_2 = 'Officials now say 55 people were hurt. "We will not rebuild the bridge," the mayor said.'
WHEN = datetime(2026, 1, 5, tzinfo=timezone.utc)


def _quote(qid, aid, text, body, speaker="Ann Lee"):
    start = body.index(text)
    return Quote(quote_id=qid, article_id=aid, text=text, start=start, end=start + len(text), speaker=speaker,
                 cue="said", sentence=body)


def _claim(cid, aid, surface, value, body):
    start = body.index(surface)
    return Claim(claim_id=cid, article_id=aid, surface=surface, value=value, low=value, high=value,
                 qualifier="exact", start=start, end=start + len(surface), unit=None, noun="people",
                 subject=["bridge"], sentence=body)


def night(run, articles, quotes, claims, matches, rejections=()):
    """The tables a run would publish for these records."""
    return pipeline.build_tables(run, list(articles), list(rejections), list(quotes), list(claims), list(matches))


def first_night(tmp_path):
    """Publish a first night into ``tmp_path / "curated"``: article a1 with a quote and a claim."""
    run = pipeline.new_run(tmp_path / "raw", tmp_path / "curated")
    a1 = Article("a1", TEXT_1, source="Daily", title="Bridge", published_at=WHEN, raw_path="r/a1.txt")
    tables = night(run, [a1], [_quote("q1", "a1", "We will rebuild the bridge,", TEXT_1)],
                   [_claim("c1", "a1", "40", 40.0, TEXT_1)], [])
    report = pipeline.validate_stage(run, tables)
    assert report.ok and not report.failures
    pipeline.publish_stage(run, tables, report)
    return tmp_path


def second_night(tmp_path):
    """The good second night: article a2 repeats a quote (altered) and a figure (contradiction)."""
    run = pipeline.new_run(tmp_path / "raw", tmp_path / "curated")
    a2 = Article("a2", TEXT_2, source="Herald", title="Bridge again", published_at=WHEN.replace(day=6),
                 raw_path="r/a2.txt")
    quotes = [_quote("q2", "a2", "We will not rebuild the bridge,", TEXT_2)]
    claims = [_claim("c2", "a2", "55", 55.0, TEXT_2)]
    matches = [Match("m1", "quote", "q2", "q1", 0.9, "altered", "the quote lost a word"),
               Match("m2", "claim", "c2", "c1", 0.8, "contradiction", "55 against 40 people hurt")]
    return run, [a2], quotes, claims, matches


def failures(report) -> set[tuple[str, str, str]]:
    """(table, expectation, column) of every failed expectation in a validation report."""
    return {(f.table, f.expectation, f.column) for f in report.failures}
