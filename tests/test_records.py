"""`records.as_row`: a record as its table row, the shape every table is built from."""
import dataclasses
from datetime import datetime, timezone

from claimtrack.records import Article, Claim, Match, Quote, Rejection, as_row, span_id, stable_id


def test_as_row_is_every_field_in_field_order_for_each_record_type():
    when = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)
    article = Article("a1", "The port handled 4.1 million containers in 2025, it said.", source="Harbour Gazette",
                      published_at=when)
    records = [
        article,
        Quote("q1", "a1", "We are full", 10, 21, speaker="Ana Lima", speaker_via="name"),
        Claim("c1", "a1", "4.1 million containers", 4.1e6, 4.05e6, 4.15e6, "approx", 17, 39,
              unit="containers", subject=["port"], holder="port"),
        Match("m1", "claim", "c2", "c1", 0.9, "contradiction", "12 then 15"),
        Rejection("raw/b.txt", "empty", "the file is empty"),
    ]
    for _ in range(2):  # the second call per type uses what the first one learnt
        for record in records:
            expected = [(f.name, getattr(record, f.name)) for f in dataclasses.fields(record)]
            assert list(as_row(record).items()) == expected
    # the values themselves, not copies (a night's rows would otherwise cost seconds)
    assert as_row(article)["published_at"] is when and as_row(records[2])["subject"] is records[2].subject


def test_span_id_is_the_stable_id_of_article_kind_and_offsets():
    # the extractors' record ids must not change when the id is written out for speed
    for article_id, kind, start, end in (("bbc-business-001", "q", 0, 12), ("", "c", 1234, 1240),
                                         ("wire/ünï", "c", 7, 7), ("x\x1fy", "q", 3, 90)):
        assert span_id(article_id, kind, start, end) == stable_id(article_id, kind, start, end)
    assert len(span_id("a", "c", 1, 2)) == 16
    assert span_id("a", "c", 1, 2) != span_id("a", "q", 1, 2)
