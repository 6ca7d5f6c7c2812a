"""``claimtrack export``: confirmed flags as schema.org ClaimReview JSON-LD, parsed back and checked."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.review import record_decision
from claimtrack.store import Curated, to_arrow

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)


def article(aid, source, day, title, url=None, author=None):
    return {"article_id": aid, "source": source, "title": title, "url": url, "author": author, "text": "",
            "published_at": datetime(2026, 3, day, 6, 30, tzinfo=timezone.utc)}


def flag(fid, kind, relation, new_id, earlier_id, detail):
    return {"flag_id": fid, "match_id": "m-" + fid, "kind": kind, "relation": relation, "new_id": new_id,
            "earlier_id": earlier_id, "detail": detail, "flagged_at": T0, "status": "open", "run_id": "r1"}


@pytest.fixture
def desk(tmp_path):
    """A wire story, a broadsheet follow-up and a council press release, with one flag of each kind
    confirmed, one dismissed and one left open."""
    cur = Curated(tmp_path / "curated")
    tables = {
        "articles": [article("A1", "Harbour Wire", 1, "Ferry strike enters second day", "https://wire.example/ferry"),
                     article("A2", "The Coastal Times", 2, "Strike talks stall", "https://times.example/strike",
                             author="Priya Nair"),
                     article("A3", "Port Council", 3, "Statement on the ferry dispute", "ftp://council.example/x")],
        "claims": [
            {"claim_id": "c1", "article_id": "A1", "surface": "1,200 workers", "value": 1200.0, "low": 1200.0,
             "high": 1200.0, "noun": "workers", "speaker": "the Seafarers Union", "subject": ["ferry"],
             "sentence": "Some 1,200 workers walked out, the Seafarers Union said."},
            {"claim_id": "c2", "article_id": "A2", "surface": "300 workers", "value": 300.0, "low": 300.0,
             "high": 300.0, "noun": "workers", "speaker": None, "subject": ["ferry"],
             "sentence": "Only 300 workers joined the strike on Monday."}],
        "quotes": [
            {"quote_id": "q1", "article_id": "A1", "text": "We will not sign a deal that cuts pay",
             "speaker": "Mara Quinn", "sentence": '"We will not sign a deal that cuts pay," Mara Quinn said.'},
            {"quote_id": "q2", "article_id": "A2", "text": "We will sign a deal that cuts pay",
             "speaker": "Mara Quinn", "sentence": '"We will sign a deal that cuts pay," Mara Quinn said.'},
            {"quote_id": "q3", "article_id": "A3", "text": "We will not sign a deal that cuts pay",
             "speaker": "Councillor Tom Baird", "sentence": '"We will not sign a deal that cuts pay," said Councillor Tom Baird.'}],
    }
    flags = [flag("f-contra", "claim", "contradiction", "c2", "c1", "Harbour Wire said 1,200 workers; The Coastal Times 300"),
             flag("f-alt", "quote", "altered", "q2", "q1", 'dropped "not"'),
             flag("f-mis", "quote", "misattributed", "q3", "q1", "Mara Quinn's words given to Councillor Tom Baird"),
             flag("f-dis", "claim", "contradiction", "c1", "c2", "dismissed one"),
             flag("f-open", "quote", "altered", "q3", "q2", "still open")]
    appends = {t: to_arrow(t, rows) for t, rows in tables.items()} | {"reviews": to_arrow("reviews", [])}
    cur.commit("seed", appends=appends, replaces={"flags": to_arrow("flags", flags)}, ingest_date="2026-03-03")
    record_decision(cur, "f-contra", None, "lena", "first draft", now=T0 + timedelta(hours=1))
    record_decision(cur, "f-contra", "confirmed", "lena", "The union's own count was 1,200; the paper's 300 "
                    "was an early police estimate.", now=T0 + timedelta(hours=2))
    record_decision(cur, "f-alt", "confirmed", "omar", now=T0 + timedelta(hours=3))
    record_decision(cur, "f-mis", "confirmed", "lena", "The councillor quoted her.", now=T0 + timedelta(hours=4))
    record_decision(cur, "f-dis", "dismissed", "omar", "not the same strike", now=T0 + timedelta(hours=5))
    return cur


def export(*args) -> tuple[int, str, str]:
    res = CliRunner().invoke(cli, ["export", *args])
    return res.exit_code, res.stdout, res.stderr


def test_export_writes_one_claim_review_per_confirmed_flag(desk, tmp_path):
    out = tmp_path / "reviews.json"
    code, _, err = export("--curated", str(desk.root), "--output", str(out))
    assert code == 0 and "wrote 3 ClaimReviews" in err
    reviews = json.loads(out.read_text())
    assert [r["identifier"] for r in reviews] == ["f-contra", "f-alt", "f-mis"]  # by decision time
    assert all(r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview" for r in reviews)
    contra, alt, mis = reviews

    assert contra["claimReviewed"] == "Only 300 workers joined the strike on Monday."  # the later side
    item = contra["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "The Coastal Times"}  # no speaker: the source
    assert item["datePublished"] == "2026-03-02T06:30:00Z"
    assert item["appearance"] == {"@type": "NewsArticle", "url": "https://times.example/strike",
                                  "headline": "Strike talks stall", "datePublished": "2026-03-02T06:30:00Z",
                                  "publisher": {"@type": "Organization", "name": "The Coastal Times"}}
    assert contra["citation"]["url"] == "https://wire.example/ferry"  # the earlier report
    assert contra["reviewRating"] == {"@type": "Rating", "alternateName": "Contradicted by an earlier report",
                                      "ratingExplanation": "The union's own count was 1,200; the paper's 300 "
                                                           "was an early police estimate."}
    assert contra["author"] == {"@type": "Person", "name": "lena"}
    assert contra["datePublished"] == "2026-03-02T10:00:00Z"  # decided_at
    assert "url" not in contra  # no review page given

    assert alt["claimReviewed"] == "We will sign a deal that cuts pay"
    assert alt["itemReviewed"]["author"] == {"@type": "Person", "name": "Mara Quinn"}
    assert alt["reviewRating"]["alternateName"] == "Altered quote"
    assert alt["reviewRating"]["ratingExplanation"] == 'dropped "not"'  # no note: the flag's detail
    assert alt["author"]["name"] == "omar" and alt["datePublished"] == "2026-03-02T11:00:00Z"

    assert mis["itemReviewed"]["author"] == {"@type": "Person", "name": "Councillor Tom Baird"}
    assert mis["reviewRating"]["alternateName"] == "Misattributed quote"
    assert mis["reviewRating"]["ratingExplanation"] == "The councillor quoted her."
    assert "url" not in mis["itemReviewed"]["appearance"]  # only http(s) links are exported
    assert mis["itemReviewed"]["appearance"]["publisher"]["name"] == "Port Council"


def test_export_as_json_lines_with_review_urls_and_nothing_unconfirmed(desk):
    code, out, _ = export("--curated", str(desk.root), "--jsonl", "--url", "https://desk.example/checks/{flag_id}")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [r["identifier"] for r in rows] == ["f-contra", "f-alt", "f-mis"]
    assert rows[0]["url"] == "https://desk.example/checks/f-contra"
    record_decision(desk, "f-alt", "dismissed", "omar", "on reflection, a translation")  # the latest decision wins
    _, out, _ = export("--curated", str(desk.root), "--jsonl")
    assert [json.loads(line)["identifier"] for line in out.splitlines()] == ["f-contra", "f-mis"]


def test_export_errors_are_one_line(desk, tmp_path):
    code, _, err = export("--curated", str(tmp_path / "nope"))
    assert code == 1 and "no curated tables" in err and "Traceback" not in err
    code, _, err = export("--curated", str(desk.root), "--url", "https://x/{id}")
    assert code == 1 and "{flag_id}" in err
    code, _, err = export("--curated", str(desk.root), "--output", str(tmp_path / "no" / "r.json"))
    assert code == 1 and "does not exist" in err


def test_export_with_nothing_confirmed_is_an_empty_array(tmp_path):
    from claimtrack.store import SCHEMAS

    cur = Curated(tmp_path / "c")
    cur.commit("init", replaces={"flags": SCHEMAS["flags"].empty_table()})
    code, out, err = export("--curated", str(cur.root))
    assert code == 0 and json.loads(out) == [] and "no confirmed flags" in err



def test_export_can_be_pasted_into_a_script_element_as_it_is(desk):
    """Publishers embed ClaimReview in <script type="application/ld+json">: a "</script>" in any
    text must not end that element, and the parsed text must stay as written."""
    evil = "Checked </script><script>alert(1)</script> & done"
    record_decision(desk, "f-alt", "confirmed", "omar", evil, now=T0 + timedelta(hours=6))
    for args in ([], ["--jsonl"]):
        code, out, _ = export("--curated", str(desk.root), *args)
        assert code == 0 and "<" not in out and ">" not in out and "&" not in out
        rows = json.loads(out) if not args else [json.loads(line) for line in out.splitlines()]
        assert next(r for r in rows if r["identifier"] == "f-alt")["reviewRating"]["ratingExplanation"] == evil
