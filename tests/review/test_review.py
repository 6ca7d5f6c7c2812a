"""Review logic on tables committed directly: decisions, status, context, untrusted text, CLI."""
from __future__ import annotations

import json
import unicodedata
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import review
from claimtrack.cli import cli
from claimtrack.review import (ReviewError, changed_words, clean_text, figure_history, load_flags, load_views,
                               open_flags, record_decision)
from claimtrack.cli.review_commands import render_view, wrap_parts
from claimtrack.store import Curated, to_arrow

T0 = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)
ESC_PAYLOAD = "\x1b[31mred\x1b[0m\x1b]0;owned\x07\x1b]8;;http://x\x1b\\link\x9b2J\x07\x00"


def article(aid, source, day, text=""):
    return {"article_id": aid, "source": source, "title": f"{source} story", "url": f"https://example.org/{aid}",
            "published_at": datetime(2018, 9, day, 10, tzinfo=timezone.utc), "text": text}


def claim(cid, aid, surface, value, low, high, sentence, noun="civilians", subject=("Idlib",), unit=None):
    return {"claim_id": cid, "article_id": aid, "surface": surface, "value": value, "low": low, "high": high,
            "qualifier": "approx", "unit": unit, "noun": noun, "subject": list(subject), "speaker": "the UN",
            "sentence": sentence, "start": sentence.find(surface), "end": sentence.find(surface) + len(surface)}


def quote(qid, aid, text, speaker, sentence):
    return {"quote_id": qid, "article_id": aid, "text": text, "speaker": speaker, "sentence": sentence,
            "start": 1, "end": 1 + len(text)}


def flag(fid, kind, relation, new_id, earlier_id, detail, at):
    return {"flag_id": fid, "match_id": "m-" + fid, "kind": kind, "relation": relation, "new_id": new_id,
            "earlier_id": earlier_id, "detail": detail, "flagged_at": at, "status": "open", "run_id": "r1"}


@pytest.fixture
def store(tmp_path):
    """Three flags (one a quote flag) written straight through Curated.commit."""
    cur = Curated(tmp_path / "curated")
    s1 = "More than 3 million civilians are at risk in Idlib, the UN said."
    s2 = "Some 2 million civilians are at risk in Idlib <script>alert(1)</script>" + ESC_PAYLOAD + ", the UN said."
    s3 = "By October 2.5 million civilians were at risk in Idlib."
    q1 = "We will not allow a massacre in Idlib"
    q2 = "We will allow a massacre in Idlib"
    tables = {
        "articles": [article("A1", "DW", 17), article("A2", "Wire <b>X</b>\x1b[2J", 19), article("A3", "Paper", 25)],
        "claims": [claim("c1", "A1", "3 million", 3e6, 3e6, 6e6, s1), claim("c2", "A2", "2 million", 2e6, 1.8e6, 2.2e6, s2),
                   claim("c3", "A3", "2.5 million", 2.5e6, 2.5e6, 2.5e6, s3),
                   claim("c4", "A3", "40", 40, 40, 40, "About 40 schools were hit in Idlib.", noun="schools")],
        "quotes": [quote("q1", "A1", q1, "Jan Egeland", f'"{q1}," Jan Egeland said.'),
                   quote("q2", "A2", q2, "Jan Egeland", f'"{q2}," Egeland said.')],
        "matches": [{"match_id": "m1", "kind": "claim", "new_id": "c2", "earlier_id": "c1", "relation": "contradiction"},
                    {"match_id": "m2", "kind": "claim", "new_id": "c3", "earlier_id": "c2", "relation": "consistent"}],
    }
    appends = {t: to_arrow(t, rows) for t, rows in tables.items()}
    appends["reviews"] = to_arrow("reviews", [])
    flags = [flag("f-late", "claim", "contradiction", "c3", "c1", "third", T0 + timedelta(days=2)),
             flag("f-claim", "claim", "contradiction", "c2", "c1", "DW vs Wire <script>x</script>\x1b[31m", T0),
             flag("f-quote", "quote", "altered", "q2", "q1", 'dropped "not"', T0 + timedelta(days=1))]
    cur.commit("seed", appends=appends, replaces={"flags": to_arrow("flags", flags)}, ingest_date="2026-11-20")
    return cur


# ------------------------------------------------------------------ untrusted text


@pytest.mark.parametrize("raw", [
    "a\x1b[31mb", "a\x1b[1;2;3mb", "a\x1b]0;title\x07b", "a\x1b]8;;http://x\x1b\\b", "a\x9b2Jb", "a\x1bcb",
    "a\x1b(Bb", "a\x00\x07\x08\x7fb", "a\x85\x9cb", "a\u202eb", "a\x1bPq#0\x1b\\b",
])
def test_clean_text_drops_every_kind_of_control_sequence(raw):
    assert clean_text(raw) == "ab"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab []0;m\\") + ["\x1b", "\x9b", "\x9d", "\x07", "\x00", "\n",
                                                                "\x7f", "\u202e", "é"]), max_size=40))
def test_clean_text_never_returns_a_control_character(raw):
    out = clean_text(raw)
    assert not any(unicodedata.category(ch) == "Cc" for ch in out)
    assert "\u202e" not in out


def test_clean_text_keeps_ordinary_text_and_markup_as_characters():
    assert clean_text("Some <b>2</b> million — “quoted” ü\n\tend") == "Some <b>2</b> million — “quoted” ü end"


# ------------------------------------------------------------------ flags, order, context


def test_open_flags_are_oldest_first(store):
    assert list(open_flags(load_flags(store))["flag_id"]) == ["f-claim", "f-quote", "f-late"]


def test_claim_flag_view_highlights_both_figures_with_sources_and_dates(store):
    view = load_views(store, flag_ids=["f-claim"])[0]
    assert (view.earlier.source, view.later.source.startswith("Wire")) == ("DW", True)
    assert (view.earlier.published_at.day, view.later.published_at.day) == (17, 19)
    assert [t for t, hl in view.earlier.parts if hl] == ["3 million"]
    assert [t for t, hl in view.later.parts if hl] == ["2 million"]


def test_quote_flag_view_highlights_the_changed_words(store):
    view = load_views(store, flag_ids=["f-quote"])[0]
    assert [t for t, hl in view.earlier.parts if hl] == ["not"]
    assert not view.earlier.speaker_differs


def test_changed_words_reports_a_changed_number_on_both_sides():
    a, b = "we counted 3 million people", "we counted 2 million people"
    ea, eb = changed_words(a, b)
    assert [a[s:e] for s, e in ea] == ["3"] and [b[s:e] for s, e in eb] == ["2"]


def test_figure_history_follows_matches_and_the_same_noun_and_subject(store):
    claims = store.read("claims").merge(store.read("articles")[["article_id", "published_at", "source"]], on="article_id")
    hist = figure_history(claims, store.read("matches"), ["c1", "c2"])
    assert list(hist["claim_id"]) == ["c1", "c2", "c3"]  # by date; the schools claim is another figure


# ------------------------------------------------------------------ decisions


def test_decision_appends_one_reviews_file_and_updates_status(store):
    record_decision(store, "f-claim", "dismiss", "ann", "same day, different areas")
    assert len(store.files("reviews")) == 2  # the empty seed file and this decision
    flags = store.read("flags").set_index("flag_id")["status"]
    assert flags["f-claim"] == "dismissed" and flags["f-quote"] == "open"
    reviews = store.read("reviews")
    assert reviews[["flag_id", "decision", "reviewer", "note"]].values.tolist() == [
        ["f-claim", "dismissed", "ann", "same day, different areas"]]


def test_latest_decision_wins_even_if_the_clock_stepped_back(store):
    record_decision(store, "f-claim", "confirmed", "ann", now=T0 + timedelta(days=5))
    record_decision(store, "f-claim", "dismissed", "bob", now=T0 + timedelta(days=4))
    record_decision(store, "f-quote", "dismissed", "bob")
    record_decision(store, "f-quote", None, "bob", "on second thought")
    record_decision(store, "f-quote", "confirmed", "bob")
    assert load_flags(store).set_index("flag_id")["status"]["f-claim"] == "dismissed"
    assert len(store.read("reviews")) == 5
    # the status stored in flags is the one latest_status derives from the reviews
    stored = store.read("flags").set_index("flag_id")["status"].sort_index()
    assert stored.tolist() == load_flags(store).set_index("flag_id")["status"].sort_index().tolist()
    assert stored.to_dict() == {"f-claim": "dismissed", "f-late": "open", "f-quote": "confirmed"}


def test_a_note_alone_is_kept_and_leaves_the_status_as_it_was(store):
    record_decision(store, "f-quote", "confirmed", "ann")
    record_decision(store, "f-quote", None, "ann", "asked the agency")
    assert store.read("flags").set_index("flag_id")["status"]["f-quote"] == "confirmed"
    assert load_views(store, status="confirmed")[0].notes == ["asked the agency"]


def test_unknown_flag_or_decision_is_refused_and_nothing_is_written(store):
    with pytest.raises(ReviewError, match="no flag"):
        record_decision(store, "nope", "confirmed", "ann")
    with pytest.raises(ReviewError, match="unknown decision"):
        record_decision(store, "f-claim", "maybe", "ann")
    with pytest.raises(ReviewError, match="nothing to record"):
        record_decision(store, "f-claim", None, "ann", "  ")
    assert store.read("reviews").empty


def test_flag_prefix_must_be_unique_and_long_enough():
    assert review.resolve_flag_id(["abcdef12", "abcxyz34"], "abcdef") == "abcdef12"
    with pytest.raises(ReviewError):
        review.resolve_flag_id(["abcdef12", "abcdef34"], "abcdef")
    with pytest.raises(ReviewError):
        review.resolve_flag_id(["abcdef12"], "abc")


# ------------------------------------------------------------------ command line


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_review_list_prints_open_flags_oldest_first_without_control_bytes(store):
    res = invoke("review", "list", "--curated", str(store.root))
    assert res.exit_code == 0
    assert [line.split()[0] for line in res.output.splitlines()] == ["f-claim", "f-quote", "f-late"]
    assert "\x1b" not in res.output and "<script>x</script>" in res.output


def test_review_list_json_and_status_filter(store):
    record_decision(store, "f-quote", "confirmed", "ann")
    res = invoke("review", "list", "--curated", str(store.root), "--status", "confirmed", "--json")
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert [(r["flag_id"], r["status"]) for r in rows] == [("f-quote", "confirmed")]


def test_review_decide_records_and_reports_errors_in_one_line(store):
    res = invoke("review", "decide", "f-claim", "--dismiss", "--note", "checked", "--reviewer", "ann",
                 "--curated", str(store.root))
    assert res.exit_code == 0 and "dismissed by ann" in res.output
    assert store.read("flags").set_index("flag_id")["status"]["f-claim"] == "dismissed"
    res = CliRunner().invoke(cli, ["review", "decide", "zzz", "--confirm", "--curated", str(store.root)])
    assert res.exit_code == 1 and "no flag 'zzz'" in res.output and "Traceback" not in res.output
    for both_or_none in ([], ["--confirm", "--dismiss"]):
        res = CliRunner().invoke(cli, ["review", "decide", "f-claim", *both_or_none, "--curated", str(store.root)])
        assert res.exit_code == 2 and "either --confirm or --dismiss" in res.output
    assert len(store.read("reviews")) == 1


def test_review_without_a_terminal_points_to_the_script_forms(store):
    res = CliRunner().invoke(cli, ["review", "--curated", str(store.root)])
    assert res.exit_code == 1 and "review decide" in res.output


def test_missing_curated_folder_is_one_line_error(tmp_path):
    res = CliRunner().invoke(cli, ["review", "list", "--curated", str(tmp_path / "nope")])
    assert res.exit_code == 1 and "no curated tables" in res.output


# ------------------------------------------------------------------ terminal layout


def test_render_view_is_side_by_side_and_free_of_article_escapes(store):
    view = load_views(store, flag_ids=["f-claim"])[0]
    text = render_view(view, 1, 3, 120, color=False)
    assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text
    assert any("EARLIER" in line and "LATER" in line for line in text.splitlines())
    assert "*3 million*" in text and "*2 million*" in text  # highlights without colour
    coloured = render_view(view, 1, 3, 120, color=True)
    assert "\x1b[31m" not in coloured and "\x1b]" not in coloured and "\x1b[2J" not in coloured


def test_render_view_stacks_the_sides_on_a_narrow_terminal(store):
    text = render_view(load_views(store, flag_ids=["f-claim"])[0], 1, 1, 60, color=False)
    assert not any("EARLIER" in line and "LATER" in line for line in text.splitlines())
    assert max(len(line) for line in text.splitlines()) <= 60


def test_wrap_parts_keeps_spaces_and_width():
    lines = wrap_parts([("More than ", False), ("3 million", True), (" civilians, (", False), ("x", True), (")", False)], 20)
    assert ["".join(t for t, _ in ln) for ln in lines] == ["More than 3 million", "civilians, (x)"]


def test_doctests_of_review_and_report_modules():
    import doctest

    from claimtrack.review import report

    for module in (review, report):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__


def test_terminal_walk_on_tables_holding_raw_escape_bytes_prints_none_of_them(store):
    """The parse stage already drops control characters; these tables hold them anyway."""
    import io
    import os
    import sys

    import pexpect

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")} | {"NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(sys.executable, ["-m", "claimtrack", "review", "--curated", str(store.root)],
                          env=env, dimensions=(40, 90), timeout=60)
    child.logfile_read = io.BytesIO()
    child.expect(r"\[1/3\]")
    child.expect(r"\[\?\] help >")
    child.send("d")
    child.expect(r"\[2/3\]")
    child.expect(r"\[\?\] help >")
    child.sendeof()  # Ctrl-D quits like q
    child.expect(pexpect.EOF)
    child.close()
    out = child.logfile_read.getvalue()
    assert child.exitstatus == 0 and b"1 dismissed" in out
    assert b"<script>alert(1)</script>" in out and b"Wire <b>X</b>" in out
    assert not any(b in out for b in (b"\x1b", b"\x9b", b"\xc2\x9b", b"\x07", b"\x00"))
    assert store.read("flags").set_index("flag_id")["status"]["f-claim"] == "dismissed"


def test_terminal_walk_passes_over_a_flag_decided_meanwhile_by_someone_else(store):
    import io
    import os
    import sys

    import pexpect

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")} | {"NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(sys.executable, ["-m", "claimtrack", "review", "--curated", str(store.root)],
                          env=env, dimensions=(40, 100), timeout=60)
    child.logfile_read = io.BytesIO()
    child.expect(r"\[1/3\]")
    child.expect(r"\[\?\] help >")
    record_decision(store, "f-quote", "confirmed", "bob")  # the second flag, from another terminal
    child.send("s")
    child.expect(r"flag f-quote was confirmed meanwhile")
    child.expect(r"\[3/3\]")
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert store.read("reviews")["reviewer"].tolist() == ["bob"]


def test_ctrl_c_while_typing_a_note_cancels_only_the_note(store):
    import io
    import os
    import sys

    import pexpect

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")} | {"NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(sys.executable, ["-m", "claimtrack", "review", "--curated", str(store.root)],
                          env=env, dimensions=(40, 100), timeout=60)
    child.logfile_read = io.BytesIO()
    child.expect(r"\[\?\] help >")
    child.send("c")
    child.expect(r"\[2/3\]")
    child.expect(r"\[\?\] help >")
    child.send("n")
    child.expect("note")
    child.sendintr()
    child.expect("note cancelled")
    child.expect(r"\[\?\] help >")
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert store.read("reviews")[["flag_id", "decision"]].values.tolist() == [["f-claim", "confirmed"]]


def test_report_of_all_flags_labels_the_decided_ones(store):
    from claimtrack.review.report import build_report

    record_decision(store, "f-quote", "dismissed", "ann")
    page = build_report(store, status="all")
    assert page.count('<section class="flag"') == 3 and page.count("<b>dismissed</b>") == 1
    assert build_report(store).count('<section class="flag"') == 2


def test_figure_history_is_capped_to_the_claims_nearest_in_time_to_the_flagged_pair():
    days = [1, 2, 10, 11, 12, 30, 31]
    claims = pd.DataFrame([{"claim_id": f"c{d}", "noun": "ships", "unit": None, "subject": ["Suez"], "value": d,
                            "published_at": pd.Timestamp(2020, 1, d, tz="UTC")} for d in days])
    none = pd.DataFrame(columns=["kind", "new_id", "earlier_id"])
    hist = figure_history(claims, none, ["c1", "c11"], limit=4)
    assert list(hist["claim_id"]) == ["c1", "c10", "c11", "c12"]
    assert len(figure_history(claims, none, ["c1", "c11"])) == 7


def test_match_links_count_only_two_hops_out():
    m = pd.DataFrame({"kind": "claim", "new_id": ["b", "c", "d"], "earlier_id": ["a", "b", "c"]})
    assert review.linked_ids(m, {"a"}) == {"a", "b", "c"}
    assert review.linked_ids(m, {"a"}, max_hops=3) == {"a", "b", "c", "d"}
