"""The validate stage runs every expectation of every suite for real: a good night passes, and
each kind of bad row fails exactly the expectations it breaks (with counts and examples)."""
from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from claimtrack.run import pipeline
from claimtrack.records import Article, Claim, Match, Quote, Rejection
from claimtrack.stages.validate import DEFAULT_SUITES, run_suites, validation_frames
from support.validation import TEXT_2, WHEN, _claim, _quote, failures, night, second_night


def test_a_good_night_passes_every_expectation_of_every_suite(history):
    run, *parts = second_night(history)
    tables = night(run, *parts, rejections=[Rejection("r/x.bin", "binary", "not text")])
    report = pipeline.validate_stage(run, tables)
    assert report.ok and report.failures == []
    suites = {p.stem: len(json.loads(p.read_text())["expectations"]) for p in DEFAULT_SUITES.glob("*.json")}
    assert report.checked == {t: suites[t] for t in ("articles", "quotes", "claims", "matches", "rejected", "flags")}
    assert json.loads(report.to_json())["ok"] is True


def test_bad_articles_fail_their_expectations(history):
    run, articles, *rest = second_night(history)
    tables = night(run, articles, *rest)
    good = tables["articles"].iloc[0].to_dict()
    bad = pd.DataFrame([
        good | {"article_id": "a1", "title": None},  # already stored
        good | {"article_id": None, "text": "x", "published_at": pd.Timestamp("1850-01-01", tz="UTC")},
        good | {"article_id": "a3", "text": None, "title": None},
        good | {"article_id": "a4", "text": "", "raw_path": None, "run_id": None, "title": None},
        good | {"article_id": "a4", "title": None},  # a duplicate id
    ]).astype({"published_at": "datetime64[us, UTC]"})
    tables["articles"] = pd.concat([tables["articles"], bad], ignore_index=True)
    report = pipeline.validate_stage(run, tables)
    assert failures(report) == {
        ("articles", "expect_column_values_to_not_be_null", "article_id"),
        ("articles", "expect_column_values_to_be_unique", "article_id"),
        ("articles", "expect_column_values_to_be_in_set", "article_id_is_new"),
        ("articles", "expect_column_values_to_not_be_null", "text"),
        ("articles", "expect_column_values_to_be_between", "text_length"),
        ("articles", "expect_column_values_to_not_be_null", "raw_path"),
        ("articles", "expect_column_values_to_not_be_null", "run_id"),
        ("articles", "expect_column_values_to_be_between", "published_at"),
        ("articles", "expect_column_values_to_not_be_null", "title"),
    }
    by = {(f.expectation, f.column): f for f in report.failures}
    assert by[("expect_column_values_to_be_unique", "article_id")].unexpected == 2
    assert by[("expect_column_values_to_be_between", "text_length")].unexpected == 2
    assert by[("expect_column_values_to_not_be_null", "title")].severity == "warning"
    assert by[("expect_column_values_to_be_between", "published_at")].severity == "warning"
    assert by[("expect_column_values_to_not_be_null", "text")].severity == "critical"
    assert not report.ok


def test_bad_quotes_and_claims_fail_their_expectations(history):
    run, articles, quotes, claims, matches = second_night(history)
    qs = [_quote("q1", "a2", "We will not rebuild the bridge,", TEXT_2),  # id already stored
          Quote("q3", "a9", "words", 0, 5),  # no such article
          Quote("q4", "a2", "Officials", -1, 8, speaker=None),  # starts before the text
          Quote("q5", "a2", "Officials", 5, 5, speaker=None),  # empty span
          Quote("q6", "a2", "tail", len(TEXT_2) - 2, len(TEXT_2) + 2, speaker=None),  # past the end
          Quote("q7", "a2", "nothing like it", 0, 15, speaker=None),  # the span holds other words
          Quote(None, "a2", None, 0, 9, speaker=None),  # no id, no text
          Quote("q8", "a2", "Officials", 0, 9, speaker=None)]
    qs.append(qs[-1])  # a duplicate id
    cs = [_claim("c1", "a2", "55", 55.0, TEXT_2),  # already stored
          Claim("c3", "a9", "2", 2.0, 2.0, 2.0, "exact", 0, 1),  # no such article
          Claim("c4", "a2", "55", float("nan"), 55.0, 55.0, "exact", TEXT_2.index("55"), TEXT_2.index("55") + 2),
          Claim("c5", "a2", "55", math.inf, 55.0, math.inf, "exact", TEXT_2.index("55"), TEXT_2.index("55") + 2),
          Claim("c6", "a2", "55", 55.0, 60.0, 50.0, "sometimes", TEXT_2.index("55"), TEXT_2.index("55") + 2),
          Claim(None, "a2", "Of", 1.0, 1.0, 1.0, "exact", -1, 1)]
    cs.append(cs[1])  # a duplicate id
    tables = night(run, articles, quotes + qs, claims + cs, matches)
    report = pipeline.validate_stage(run, tables)
    q = {c for t, e, c in failures(report) if t == "quotes"}
    assert q == {"quote_id", "quote_id_is_new", "article_exists", "start", "end/start", "article_length/end",
                 "span_matches", "text", "speaker"}
    assert {(e, c) for t, e, c in failures(report) if t == "quotes" and c == "quote_id"} == {
        ("expect_column_values_to_not_be_null", "quote_id"), ("expect_column_values_to_be_unique", "quote_id")}
    c = {(e, col) for t, e, col in failures(report) if t == "claims"}
    assert c == {
        ("expect_column_values_to_not_be_null", "claim_id"), ("expect_column_values_to_be_unique", "claim_id"),
        ("expect_column_values_to_be_in_set", "claim_id_is_new"), ("expect_column_values_to_be_in_set", "article_exists"),
        ("expect_column_values_to_be_between", "start"),
        ("expect_column_pair_values_a_to_be_greater_than_b", "article_length/end"),
        ("expect_column_values_to_be_in_set", "span_matches"), ("expect_column_values_to_not_be_null", "value"),
        ("expect_column_values_to_be_in_set", "value_finite"),
        ("expect_column_pair_values_a_to_be_greater_than_b", "value/low"),
        ("expect_column_pair_values_a_to_be_greater_than_b", "high/value"),
        ("expect_column_values_to_be_in_set", "qualifier"),
    }
    by = {(f.table, f.expectation, f.column): f for f in report.failures}
    assert by[("claims", "expect_column_values_to_be_in_set", "qualifier")].examples == ["sometimes"]
    assert by[("claims", "expect_column_values_to_be_in_set", "value_finite")].unexpected == 2
    assert by[("quotes", "expect_column_values_to_be_in_set", "span_matches")].unexpected == 6
    assert by[("quotes", "expect_column_values_to_not_be_null", "speaker")].severity == "warning"
    assert "span_matches" in "; ".join(f.line() for f in report.hard_failures)


def test_bad_matches_flags_and_rejections_fail_their_expectations(history):
    run, articles, quotes, claims, matches = second_night(history)
    ms = [Match("m3", "claim", "c2", "c2", 0.5, "repeat", "itself"),  # the same id twice
          Match("m4", "claim", "zz", "c1", 0.5, "repeat", "x"),  # a new id that exists nowhere
          Match("m5", "claim", "c2", "zz", 0.5, "repeat", "x"),  # an earlier id that exists nowhere
          Match("m6", "claim", "c2", "c1", 0.5, "altered", "x"),  # a quote relation on a claim
          Match("m7", "table", "c2", "c1", 0.5, "odd", None),  # a kind and relation nobody knows, no detail
          Match(None, "claim", "c2", "c1", None, "repeat", "x")]  # no id, no score
    ms += [ms[0]]
    tables = night(run, articles, quotes, claims, matches + ms, [Rejection(None, None, None)])
    flags = tables["flags"]
    extra = flags.iloc[[0, 0, 0]].copy()
    extra["flag_id"] = [None, "f-x", "f-x"]
    extra["relation"] = ["repeat", "altered", "altered"]
    extra["status"] = ["open", "maybe", "open"]
    extra["match_id"] = ["m-none", "m1", "m1"]
    extra["detail"] = [None, "d", "d"]
    tables["flags"] = pd.concat([flags, extra], ignore_index=True)
    report = pipeline.validate_stage(run, tables)
    m = {(e, c) for t, e, c in failures(report) if t == "matches"}
    assert m == {
        ("expect_column_values_to_not_be_null", "match_id"), ("expect_column_values_to_be_unique", "match_id"),
        ("expect_column_values_to_be_in_set", "kind"), ("expect_column_values_to_be_in_set", "relation"),
        ("expect_column_values_to_be_in_set", "relation_fits_kind"), ("expect_column_values_to_be_in_set", "new_exists"),
        ("expect_column_values_to_be_in_set", "earlier_exists"), ("expect_column_values_to_be_in_set", "distinct_ids"),
        ("expect_column_values_to_not_be_null", "detail"), ("expect_column_values_to_not_be_null", "score"),
    }
    f = {(e, c) for t, e, c in failures(report) if t == "flags"}
    assert f == {
        ("expect_column_values_to_not_be_null", "flag_id"), ("expect_column_values_to_be_unique", "flag_id"),
        ("expect_column_values_to_be_in_set", "relation"), ("expect_column_values_to_be_in_set", "status"),
        ("expect_column_values_to_be_in_set", "match_exists"), ("expect_column_values_to_not_be_null", "detail"),
    }
    r = {c for t, e, c in failures(report) if t == "rejected"}
    assert r == {"raw_path", "reason", "detail"}
    assert not any(t in ("articles", "quotes", "claims") for t, _, _ in failures(report))


def test_a_stored_match_id_is_not_new(history):
    run, articles, quotes, claims, matches = second_night(history)
    tables = night(run, articles, quotes, claims, matches)
    stored = {"matches": {"m1"}, "quotes": {"q1"}, "claims": {"c1"}, "articles": {"a1"}}
    texts = dict(zip(tables["articles"]["article_id"], tables["articles"]["text"]))
    report = run_suites(validation_frames(tables, stored, texts))
    assert failures(report) == {("matches", "expect_column_values_to_be_in_set", "match_id_is_new")}
    assert report.failures[0].examples == [False] and report.failures[0].unexpected == 1


def test_a_missing_column_is_a_failure_not_a_pass(history):
    run, *parts = second_night(history)
    tables = night(run, *parts)
    tables["rejected"] = pd.DataFrame({"raw_path": ["a"], "reason": ["b"]})  # no detail column
    report = pipeline.validate_stage(run, tables)
    assert {(t, c) for t, _, c in failures(report)} == {("rejected", "detail")}
    assert not report.ok


def test_a_night_without_quotes_warns_about_nothing(history):
    run = pipeline.new_run(history / "raw", history / "curated")
    body = "Fares will rise by 8 percent in May."
    a3 = Article("a3", body, source="Wire", title="Fares", published_at=WHEN.replace(day=7), raw_path="r/a3.txt")
    tables = night(run, [a3], [], [_claim("c3", "a3", "8", 8.0, body)], [])
    report = pipeline.validate_stage(run, tables)
    assert report.failures == [], [f.describe() for f in report.failures]


def test_a_failed_check_names_its_table_count_and_example_rows_with_their_raw_file(history):
    run, articles, quotes, claims, matches = second_night(history)
    quotes[0].speaker = None  # a warning: a quote nobody is known to have said
    claims[0].start += 1  # critical: the span no longer holds the surface
    report = pipeline.validate_stage(run, night(run, articles, quotes, claims, matches))
    lines = {f.table + "." + (f.column or ""): f.describe() for f in report.failures}
    speaker = lines["quotes.speaker"]
    assert speaker.startswith("warning quotes.speaker expect_column_values_to_not_be_null: 1 row, e.g. ")
    assert "quote_id q2" in speaker and "article_id a2" in speaker and "raw_path r/a2.txt" in speaker
    assert any(line.startswith("critical claims.") and "claim_id c2" in line and "r/a2.txt" in line
               for line in lines.values())
    stored = json.loads(report.to_json())["failures"]
    assert {"quote_id": "q2", "article_id": "a2", "raw_path": "r/a2.txt"} in [r for f in stored for r in f["rows"]]


def test_the_validation_page_lists_each_check_and_needs_no_network(history, tmp_path):
    from claimtrack.stages.validation_page import write_page

    run, articles, quotes, claims, matches = second_night(history)
    quotes[0].speaker = None
    report = pipeline.validate_stage(run, night(run, articles, quotes, claims, matches))
    page = write_page(report, run.run_id, tmp_path / "out").read_text(encoding="utf-8")
    assert "quotes.speaker" in page and "r/a2.txt" in page and run.run_id in page
    assert "http" not in page and "<script" not in page and "<link" not in page  # nothing to fetch


def test_a_validation_page_that_cannot_be_written_is_only_logged(history, tmp_path, caplog):
    from claimtrack.stages.validation_page import write_page

    run, articles, quotes, claims, matches = second_night(history)
    report = pipeline.validate_stage(run, night(run, articles, quotes, claims, matches))
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    assert write_page(report, run.run_id, blocked) is None
    assert "validation page was not written" in caplog.text
