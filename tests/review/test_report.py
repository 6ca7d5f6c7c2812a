"""The HTML report as text: escaping, self-containment, links, the timeline plot, the command."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from html.parser import HTMLParser

import pandas as pd
import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.review.report import build_report, nice_ticks, render_report, timeline_svg
from claimtrack.review import FlagView, Side

EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&\x1b[31m\x1b]0;t\x07'


class Elements(HTMLParser):
    """Every start tag and attribute of a page, as a browser's tokenizer sees them."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def parse(page: str) -> list[tuple[str, dict]]:
    p = Elements()
    p.feed(page)
    return p.tags


def evil_view(url="javascript:alert(3)") -> FlagView:
    def side(item, sentence):
        return Side(item_id=item, source="Src " + EVIL, title="T " + EVIL, url=url, speaker="Sp " + EVIL,
                    published_at=datetime(2018, 9, 17, tzinfo=timezone.utc), sentence=sentence, highlights=[(0, 9)])

    return FlagView(flag_id="f1", kind="claim", relation="contradiction", detail="D " + EVIL, status="open",
                    flagged_at=None, earlier=side("c1", "3 million " + EVIL), later=side("c2", "2 million " + EVIL),
                    notes=["N " + EVIL])


def history() -> pd.DataFrame:
    return pd.DataFrame([
        {"claim_id": "c1", "published_at": pd.Timestamp("2018-09-17", tz="UTC"), "value": 3e6, "low": 3e6, "high": 6e6,
         "surface": "3 million", "source": "S1 " + EVIL, "speaker": None, "noun": "civilians", "sentence": "3 million " + EVIL},
        {"claim_id": "c2", "published_at": pd.Timestamp("2018-09-19", tz="UTC"), "value": 2e6, "low": 1.8e6, "high": 2.2e6,
         "surface": "2 million", "source": "S2", "speaker": "UN " + EVIL, "noun": "civilians", "sentence": "x"},
        {"claim_id": "c0", "published_at": None, "value": 1.0, "low": 1.0, "high": 1.0,
         "surface": "1", "source": "S0", "speaker": None, "noun": "civilians", "sentence": "undated"},
    ])


def test_untrusted_text_never_becomes_markup_or_control_bytes():
    page = render_report([evil_view()], {"f1": history()}, {"open": 1})
    tags = {t for t, _ in parse(page)}
    assert not tags & {"script", "img", "iframe", "object", "embed", "a"}  # the javascript: link was dropped
    assert not any(k.startswith("on") for _, attrs in parse(page) for k in attrs)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", page)


def test_page_is_self_contained_and_forbids_scripts():
    page = render_report([evil_view("https://example.org/a?b=1&c=<2>")], {"f1": history()}, {"open": 1})
    csp = next(a["content"] for t, a in parse(page) if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "script-src" not in csp
    links = [a["href"] for t, a in parse(page) if t == "a"]
    assert links == ["https://example.org/a?b=1&c=<2>"] * 2  # http(s) links kept, attribute-escaped
    assert not re.search(r"(src|href)=\"(?!https://example\.org)", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page


def test_highlighted_figure_is_marked():
    page = render_report([evil_view()], {}, {"open": 1})
    assert page.count("<mark>3 million</mark>") == 1 and page.count("<mark>2 million</mark>") == 1


def test_timeline_has_a_dot_per_dated_claim_and_colours_the_flagged_pair():
    svg = timeline_svg(history(), "c1", "c2")
    assert svg.count("<circle") == 2  # the undated claim is in the table, not the plot
    assert 'fill="#4a78b5"' in svg and 'fill="#d9822b"' in svg
    ys = {float(y) for y in re.findall(r'cy="([\d.]+)"', svg)}
    assert len(ys) == 2  # 3 million above 2 million: different heights
    assert "<title>S1 &lt;script&gt;" in svg
    page = render_report([evil_view()], {"f1": history()}, {"open": 1})
    assert page.count("<tr") == 4  # header + three claims, the undated one included


def test_nice_ticks_cover_the_range():
    ticks = nice_ticks(1.8e6, 6e6)
    assert ticks[0] <= 1.8e6 and ticks[-1] >= 6e6 and 3 <= len(ticks) <= 7


def test_empty_report_says_so(tmp_path):
    from claimtrack.store import Curated, SCHEMAS

    cur = Curated(tmp_path / "c")
    cur.commit("init", appends={t: SCHEMAS[t].empty_table() for t in ("claims", "quotes", "articles", "matches", "reviews")},
               replaces={"flags": SCHEMAS["flags"].empty_table()}, ingest_date="2026-11-25")
    page = build_report(cur)
    assert "No open flags." in page and "<title>claimtrack: 0 open flags</title>" in page


def test_report_command_writes_the_page_and_reports_bad_paths_in_one_line(tmp_path):
    from claimtrack.store import Curated, SCHEMAS

    cur = Curated(tmp_path / "c")
    cur.commit("init", replaces={"flags": SCHEMAS["flags"].empty_table()})
    out = tmp_path / "r.html"
    res = CliRunner().invoke(cli, ["report", "--curated", str(cur.root), "--output", str(out)])
    assert res.exit_code == 0 and out.read_text().startswith("<!doctype html>")
    res = CliRunner().invoke(cli, ["report", "--curated", str(cur.root), "--output", str(tmp_path / "no" / "r.html")])
    assert res.exit_code == 1 and "does not exist" in res.output
    res = CliRunner().invoke(cli, ["report", "--curated", str(tmp_path / "missing")])
    assert res.exit_code == 1 and "no curated tables" in res.output


@pytest.mark.parametrize("status", ["open", "all"])
def test_report_status_option_is_accepted(tmp_path, status):
    from claimtrack.store import Curated, SCHEMAS

    cur = Curated(tmp_path / "c")
    cur.commit("init", replaces={"flags": SCHEMAS["flags"].empty_table()})
    res = CliRunner().invoke(cli, ["report", "--curated", str(cur.root), "--output", str(tmp_path / "r.html"),
                                   "--status", status])
    assert res.exit_code == 0


def test_history_table_keeps_the_flagged_claims_and_the_latest_others():
    from claimtrack.review.report import history_table

    rows = [{"claim_id": f"c{i}", "published_at": pd.Timestamp("2018-01-01", tz="UTC") + pd.Timedelta(days=i),
             "surface": str(i), "sentence": f"{i} people", "source": "S", "speaker": None} for i in range(40)]
    table = history_table(pd.DataFrame(rows), {"c0", "c1"}, limit=5)
    assert table.count("<tr") == 1 + 5 + 1  # header, five claims, "and 35 earlier claims"
    assert "<mark>0</mark>" in table and "<mark>1</mark>" in table and "<mark>39</mark>" in table
    assert "and 35 earlier claims" in table and "<mark>20</mark>" not in table


def test_a_quote_flag_lists_every_version_of_the_quote_when_there_are_more_than_two():
    from claimtrack.review.report import flag_html

    view = evil_view()
    view.kind, view.relation = "quote", "misattributed"
    versions = pd.DataFrame([{"quote_id": f"q{i}", "published_at": pd.Timestamp("2018-09-1%d" % i, tz="UTC"),
                              "source": f"S{i}", "speaker": "Sp " + EVIL, "text": "Words " + EVIL} for i in range(3)])
    section = flag_html(view, None, versions)
    assert "Every version of this quote" in section and section.count("<tr") == 4
    assert "<script" not in section and "&lt;script&gt;" in section
    assert "Every version" not in flag_html(view, None, versions.head(2))


def test_page_shows_at_most_the_limit_and_says_how_many_there_are():
    from claimtrack.review.report import render_report

    page = render_report([], {}, {"open": 5000, "confirmed": 0, "dismissed": 0}, total=5000)
    assert "shows the oldest 0 of 5000" in page and "claimtrack review list" in page
