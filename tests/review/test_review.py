"""Review logic on tables committed directly: decisions, status, context, untrusted text, CLI."""
from __future__ import annotations

import json
import time
import unicodedata
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest

from support import default_signals, press
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import review
from claimtrack.cli import cli
from claimtrack.review import (ReviewError, changed_words, display_text, figure_histories, load_flags, load_views,
                               open_flags, record_decision)
from claimtrack.cli.review_commands import render_view, wrap_parts
from claimtrack.store import Curated, to_arrow

T0 = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)


def figure_history(claims, matches, pair, limit=review.MAX_HISTORY):
    """The history of one flagged pair (``figure_histories`` for a page of one)."""
    return figure_histories(claims, matches, {0: pair}, limit=limit)[0]
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
def test_display_text_drops_every_kind_of_control_sequence(raw):
    assert display_text(raw) == "ab"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab []0;m\\") + ["\x1b", "\x9b", "\x9d", "\x07", "\x00", "\n",
                                                                "\x7f", "\u202e", "é"]), max_size=40))
def test_display_text_never_returns_a_control_character(raw):
    out = display_text(raw)
    assert not any(unicodedata.category(ch) == "Cc" for ch in out)
    assert "\u202e" not in out


def test_display_text_keeps_ordinary_text_and_markup_as_characters():
    assert display_text("Some <b>2</b> million — “quoted” ü\n\tend") == "Some <b>2</b> million — “quoted” ü end"


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
    assert [line.split()[0] for line in res.output.splitlines() if not line.startswith(" ")] == [
        "f-claim", "f-quote", "f-late"]
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

    from claimtrack.review import decisions, export, history, report, text, timeline, views

    for module in (review, decisions, export, history, report, text, timeline, views):
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
                          env=env, dimensions=(40, 90), timeout=60,
                          preexec_fn=default_signals)
    child.logfile_read = io.BytesIO()
    # (a key sent while the prompt is still switching the terminal mode can be lost on a busy machine)
    child.delaybeforesend = 0.3
    child.expect(r"\[1/3\]")
    child.expect(r"\[\?\] help >")
    press(child, "d")
    child.expect(r"\[2/3\]")
    child.expect(r"\[\?\] help >")
    time.sleep(0.5)  # (sendeof bypasses delaybeforesend: let the prompt start reading first)
    child.sendeof()  # Ctrl-D quits like q
    child.expect(pexpect.EOF)
    child.close()
    out = child.logfile_read.getvalue()
    assert child.exitstatus == 0 and b"1 dismissed" in out
    assert b"<script>alert(1)</script>" in out and b"Wire <b>X</b>" in out
    assert not any(b in out for b in (b"\x1b", b"\x9b", b"\xc2\x9b", b"\x07", b"\x00"))
    assert store.read("flags").set_index("flag_id")["status"]["f-claim"] == "dismissed"
    page = (store.root / "report.html").read_text()  # rewritten while the walk went on
    assert 'id="flag-f-claim"' not in page and "f-claim" in page[page.index("Latest decisions"):]


def test_terminal_walk_passes_over_a_flag_decided_meanwhile_by_someone_else(store):
    import io
    import os
    import sys

    import pexpect

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")} | {"NO_COLOR": "1", "TERM": "xterm"}
    child = pexpect.spawn(sys.executable, ["-m", "claimtrack", "review", "--curated", str(store.root)],
                          env=env, dimensions=(40, 100), timeout=60,
                          preexec_fn=default_signals)
    child.logfile_read = io.BytesIO()
    # (a key sent while the prompt is still switching the terminal mode can be lost on a busy machine)
    child.delaybeforesend = 0.3
    child.expect(r"\[1/3\]")
    child.expect(r"\[\?\] help >")
    record_decision(store, "f-quote", "confirmed", "bob")  # the second flag, from another terminal
    press(child, "s")
    child.expect(r"flag f-quote was confirmed meanwhile")
    child.expect(r"\[3/3\]")
    press(child, "q")
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
                          env=env, dimensions=(40, 100), timeout=60,
                          preexec_fn=default_signals)
    child.logfile_read = io.BytesIO()
    # (a key sent while the prompt is still switching the terminal mode can be lost on a busy machine)
    child.delaybeforesend = 0.3
    child.expect(r"\[\?\] help >")
    press(child, "c")
    child.expect(r"\[2/3\]")
    child.expect(r"\[\?\] help >")
    press(child, "n")
    child.expect("note: ")
    time.sleep(0.5)  # (sendintr bypasses delaybeforesend: let the note prompt start reading first)
    child.sendintr()
    child.expect("note cancelled")
    child.expect(r"\[\?\] help >")
    press(child, "q")
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


# ------------------------------------------------------------------ the figure's history, past the cap


def test_history_past_the_cap_with_neither_flagged_claim_dated_keeps_both_and_the_newest_others():
    """More than MAX_HISTORY claims of one figure and two undated flagged ones: this raised
    TypeError (a Timedelta put into an integer Series) before."""
    n = review.MAX_HISTORY + 10
    claims = pd.DataFrame({"claim_id": [f"c{i:03d}" for i in range(n)], "noun": "ships", "unit": None,
                           "subject": [["Suez"]] * n, "value": 1.0,
                           "published_at": [pd.NaT, pd.NaT] + [pd.Timestamp("2020-01-01", tz="UTC")
                                                               + pd.Timedelta(days=i) for i in range(n - 2)]})
    none = pd.DataFrame(columns=["kind", "new_id", "earlier_id"])
    hist = figure_history(claims, none, ["c000", "c001"])
    assert len(hist) == review.MAX_HISTORY
    assert {"c000", "c001"} <= set(hist["claim_id"])
    assert f"c{n - 1:03d}" in set(hist["claim_id"]) and "c002" not in set(hist["claim_id"])  # the newest kept
    assert list(hist["claim_id"][-2:]) == ["c000", "c001"]  # undated last


def test_history_past_the_cap_when_nothing_is_dated():
    n = 30
    claims = pd.DataFrame({"claim_id": [f"c{i:02d}" for i in range(n)], "noun": "ships", "unit": None,
                           "subject": [["Suez"]] * n, "value": 1.0, "published_at": [pd.NaT] * n})
    hist = figure_history(claims, pd.DataFrame(columns=["kind", "new_id", "earlier_id"]), ["c20", "c29"], limit=5)
    assert len(hist) == 5 and {"c20", "c29"} <= set(hist["claim_id"])


# ------------------------------------------------------------------ confidence and why


def set_confidence(store, values: dict[str, tuple[float | None, str | None]]) -> None:
    """Give flags a confidence and evidence (the matcher fills them for new flags)."""
    flags = store.read("flags")
    for fid, (confidence, evidence) in values.items():
        flags.loc[flags["flag_id"] == fid, ["confidence", "evidence"]] = [confidence, evidence]
    store.commit("conf", replaces={"flags": to_arrow("flags", flags)})


def test_flags_are_shown_most_certain_first_and_older_rows_without_confidence_after(store):
    set_confidence(store, {"f-late": (0.95, "holder: UN; measure: civilians at risk; period: September 2018"),
                           "f-quote": (0.6, "speaker: Jan Egeland; words: 7 of 8 shared")})
    assert list(open_flags(load_flags(store))["flag_id"]) == ["f-late", "f-quote", "f-claim"]
    assert [v.flag_id for v in load_views(store)] == ["f-late", "f-quote", "f-claim"]
    res = invoke("review", "list", "--curated", str(store.root))
    lines = res.output.splitlines()
    assert [ln.split()[0] for ln in lines if not ln.startswith(" ")] == ["f-late", "f-quote", "f-claim"]
    assert lines[1] == "    why: same holder UN, measure civilians at risk, period September 2018 (confidence 0.95)"
    assert "0.95" in lines[0] and "why: no evidence recorded" in lines[5]
    from claimtrack.review.report import build_report

    page = build_report(store)
    assert page.index('id="flag-f-late"') < page.index('id="flag-f-quote"') < page.index('id="flag-f-claim"')
    assert "why: same speaker Jan Egeland, words 7 of 8 shared (confidence 0.60)" in page
    rows = [json.loads(line) for line in invoke("review", "list", "--json", "--curated", str(store.root)).output.splitlines()]
    assert [(r["flag_id"], r["confidence"]) for r in rows] == [("f-late", 0.95), ("f-quote", 0.6), ("f-claim", None)]
    assert rows[0]["why"].startswith("why: same holder UN")


def test_why_line_keeps_free_text_evidence_and_drops_control_bytes():
    assert review.why_line("shared subject Idlib\x1b[31m", 0.5) == "why: shared subject Idlib (confidence 0.50)"
    assert review.why_line(float("nan"), float("nan")).startswith("why: no evidence recorded")
    assert review.why_line("", 0.7) == "why: no evidence recorded (confidence 0.70)"


def test_terminal_screen_says_why_and_who_wrote_each_note(store):
    set_confidence(store, {"f-claim": (0.8, "holder: UN; measure: civilians at risk")})
    record_decision(store, "f-claim", None, "ann", "asked the agency", now=T0 + timedelta(days=3))
    text = render_view(load_views(store, flag_ids=["f-claim"])[0], 1, 3, 120, color=False)
    assert "why: same holder UN, measure civilians at risk (confidence 0.80)" in text
    assert "note by ann, 23 Nov 2026 02:00 UTC: asked the agency" in text


# ------------------------------------------------------------------ decisions on the page and in the list


def test_a_decision_rewrites_the_page_beside_the_tables(store):
    page = store.root / "report.html"
    res = invoke("review", "decide", "f-claim", "--confirm", "--note", "two UN figures a day apart",
                 "--reviewer", "ann", "--curated", str(store.root))
    assert res.exit_code == 0 and page.exists()
    html = page.read_text()
    assert 'id="flag-f-claim"' not in html  # no longer among the open flags...
    latest = html[html.index("Latest decisions"):]
    assert "f-claim" in latest and "confirmed by ann" in latest  # ...but listed as decided
    assert "two UN figures a day apart" in latest
    invoke("review", "decide", "f-quote", "--dismiss", "--reviewer", "bob", "--curated", str(store.root))
    html = page.read_text()
    assert 'id="flag-f-quote"' not in html and "dismissed by bob" in html
    assert html.index("dismissed by bob") < html.index("confirmed by ann")  # latest decision first


def test_decided_flags_show_decision_reviewer_time_and_history_instead_of_the_command(store):
    from claimtrack.review.report import build_report

    record_decision(store, "f-claim", None, "bob", "checking with DW", now=T0 + timedelta(days=3))
    record_decision(store, "f-claim", "confirmed", "ann", "DW corrected later", now=T0 + timedelta(days=4))
    page = build_report(store, status="all")
    section = page[page.index('id="flag-f-claim"'):]
    section = section[:section.index("</section>")]
    assert "Decide:" not in section and "--confirm" not in section
    assert 'class="decision confirmed">Confirmed by ann, 24 Nov 2026 02:00 UTC: DW corrected later' in section
    assert "note by bob, 23 Nov 2026 02:00 UTC: checking with DW" in section
    open_section = page[page.index('id="flag-f-quote"'):]
    assert "claimtrack review decide f-quote --confirm" in open_section[:open_section.index("</section>")]


def test_review_list_shows_reviewers_and_notes(store):
    record_decision(store, "f-claim", "dismissed", "ann", "different areas", now=T0 + timedelta(days=3))
    record_decision(store, "f-quote", None, "bob", "asked the agency", now=T0 + timedelta(days=3, hours=1))
    out = invoke("review", "list", "--status", "all", "--curated", str(store.root)).output
    assert "    dismissed by ann, 23 Nov 2026 02:00 UTC: different areas" in out
    assert "asked the agency" not in out  # an open flag's notes on request only
    out = invoke("review", "list", "--notes", "--curated", str(store.root)).output
    assert "    note by bob, 23 Nov 2026 03:00 UTC: asked the agency" in out and "different areas" not in out
    rows = [json.loads(line) for line in invoke("review", "list", "--status", "all", "--json",
                                                "--curated", str(store.root)).output.splitlines()]
    claim_row = next(r for r in rows if r["flag_id"] == "f-claim")
    assert claim_row["reviewer"] == "ann" and claim_row["decided_at"].startswith("2026-11-23T02:00:00")
    assert claim_row["history"] == [{"decision": "dismissed", "reviewer": "ann", "note": "different areas",
                                     "decided_at": claim_row["decided_at"]}]
