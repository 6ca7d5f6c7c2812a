"""Inputs as archives and newsrooms keep them: gzip-compressed files, text files with a header,
dates from the URL, the file name or the feed, and each article's language. Real files on disk,
read by the real discover and parse stages."""
from __future__ import annotations

import gzip
import json
import os
from datetime import datetime, timezone

import pytest

from claimtrack.stages.discover import MAX_FILE_BYTES, discover
from claimtrack.stages.parse import DateHints, parse_bytes, parse_raw, split_header

WIRE = ("LONDON, March 4 (Wire) - The port authority said on Tuesday that 14 ships were held "
        "outside the harbour after the storm, and that 300 dock workers had been sent home.\n\n"
        '"We expect the backlog to clear by Friday," a spokeswoman said.\n')
TABLOID = ("FURIOUS residents last night slammed the council after bin collections were axed for "
           "the THIRD week running.\n\nMum-of-two Kerry Dale, 34, said: \"It's a disgrace.\"\n")
PAGE = """<!doctype html><html lang="en"><head><title>Ferry strike ends | Coast News</title>
<meta property="og:site_name" content="Coast News">
<link rel="canonical" href="https://coastnews.example/2023/06/02/ferry-strike-ends">
{meta}</head><body><article><h1>Ferry strike ends after four days</h1>
<p>Ferry crews voted on Thursday to end a four-day strike that stranded 2,000 travellers on the
islands, the union said.</p><p>"Our members have accepted the offer," the union's regional
secretary told reporters at the harbour.</p><p>Services will resume on Saturday morning.</p>
</article></body></html>"""


def _read(folder, **kwargs):
    found, rejected, _ = discover(folder, set(), **kwargs)
    articles = []
    for raw in found:
        arts, bad = parse_raw(raw)
        articles += arts
        rejected += bad
    return articles, rejected


def _by_name(items):
    return {os.path.basename(i.raw_path): i for i in items}


# ------------------------------------------------------------------ gzip


def test_gzip_files_of_every_format_are_read(tmp_path):
    docs = [{"title": f"Story {k}", "text": WIRE.replace("14 ships", f"{k} ships"), "date": "2024-02-0%dT10:00Z" % k}
            for k in (1, 2)]
    files = {
        "wire.txt.gz": WIRE.encode(),
        "page.html.gz": PAGE.format(meta="").encode(),
        "story.json.gz": json.dumps(docs[0]).encode(),
        "feed.jsonl.gz": "\n".join(json.dumps(d) for d in docs[1:]).encode() + b"\n",
        "served.html": gzip.compress(PAGE.format(meta="").replace("Ferry crews", "Ferry staff").encode()),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data if name == "served.html" else gzip.compress(data))
    articles, rejected = _read(tmp_path)
    assert rejected == []
    got = _by_name(articles)
    assert sorted(got) == sorted(files)
    assert "14 ships were held" in got["wire.txt.gz"].text
    assert got["page.html.gz"].title == "Ferry strike ends after four days"
    assert got["page.html.gz"].source == "Coast News"
    assert "Ferry staff voted" in got["served.html"].text  # a page saved as the server sent it (gzip)
    assert got["story.json.gz"].published_at == datetime(2024, 2, 1, 10, tzinfo=timezone.utc)
    assert "2 ships" in got["feed.jsonl.gz"].text


def test_a_damaged_gzip_file_is_rejected_with_a_reason(tmp_path):
    packed = gzip.compress(WIRE.encode() * 20)
    (tmp_path / "cut.txt.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "garbled.html.gz").write_bytes(packed[:10] + bytes(200))
    (tmp_path / "photo.png.gz").write_bytes(gzip.compress(b"\x89PNG...."))
    (tmp_path / "feed.gz").write_bytes(gzip.compress(WIRE.encode()))  # no format inside the name
    articles, rejected = _read(tmp_path)
    assert articles == []
    why = {os.path.basename(r.raw_path): (r.reason, r.detail) for r in rejected}
    assert why["cut.txt.gz"] == ("bad-gzip", "a damaged gzip file: it ends too early (cut short)")
    assert why["garbled.html.gz"][0] == "bad-gzip" and why["garbled.html.gz"][1].startswith("a damaged gzip file: ")
    assert why["photo.png.gz"][0] == "unsupported-format" and "'.png.gz'" in why["photo.png.gz"][1]
    assert why["feed.gz"][0] == "unsupported-format" and why["feed.gz"][1].startswith("'.gz' is not a supported")


def test_a_gzip_bomb_is_stopped_at_the_size_limit(tmp_path):
    # 200 MB of text packs into about 200 KB: read whole, it would take the memory of a night
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as fh:
        block = b"The council said the road was closed. " * 27_000  # about 1 MB
        for _ in range(200):
            fh.write(block)
    assert bomb.stat().st_size < MAX_FILE_BYTES / 20
    articles, rejected = _read(tmp_path)
    assert articles == []
    [r] = rejected
    assert r.reason == "too-large"
    assert r.detail.startswith("unpacks to more than the 20 MB limit for one file")


# ------------------------------------------------------------------ text header


def test_a_text_header_sets_source_url_date_title_author_and_language():
    text = ("Source: Valley Gazette\nURL: https://valleygazette.example/news/bins\n"
            "Date: 2024-03-05 18:45 -05:00\nTitle: Bin collections axed again\nAuthor: Pat Moss\n"
            "Language: en-GB\n\n" + TABLOID)
    [art], rejected = parse_bytes("raw/bins.txt", text.encode())
    assert rejected == []
    assert (art.source, art.url, art.title, art.author, art.lang) == (
        "Valley Gazette", "https://valleygazette.example/news/bins", "Bin collections axed again", "Pat Moss", "en")
    # 18:45 in New York on 5 March is 23:45 UTC the same day: the zone is kept, the day is right
    assert art.published_at == datetime(2024, 3, 5, 23, 45, tzinfo=timezone.utc)
    assert art.date_source == "article"
    assert art.text.startswith("FURIOUS residents") and "Source:" not in art.text


def test_only_a_block_of_header_lines_before_a_blank_line_is_a_header():
    # a transcript whose first line happens to have a colon: not a header, every line is kept
    transcript = "Date: to be confirmed\nHost: Welcome back to the programme.\n\nGuest: Thank you."
    assert split_header(transcript) == ({}, transcript)
    no_blank = "Source: Daily Post\nThe mayor resigned on Monday after 12 years in office."
    assert split_header(no_blank) == ({}, no_blank)
    # an unreadable date is left out; the other fields still count
    fields, rest = split_header("Source: Daily Post\nDate: sometime last week\n\nThe mayor resigned.")
    assert fields == {"source": "Daily Post"} and rest == "The mayor resigned."


def test_a_header_title_and_the_layout_of_the_text_work_together():
    text = "Source: Hill Radio\n\nFlood warning for the valley\n\nRiver levels rose by 2 metres overnight, the agency said.\n"
    [art], _ = parse_bytes("raw/flood.txt", text.encode())
    assert art.source == "Hill Radio" and art.title == "Flood warning for the valley"
    assert art.text == "River levels rose by 2 metres overnight, the agency said."


# ------------------------------------------------------------------ dates


def test_an_html_date_keeps_its_time_of_day_and_zone():
    meta = '<meta property="article:published_time" content="2019-11-20T01:50Z">'
    [art], _ = parse_bytes("raw/page.html", PAGE.format(meta=meta).encode())
    assert art.published_at == datetime(2019, 11, 20, 1, 50, tzinfo=timezone.utc)
    assert art.date_source == "article"
    # the same instant written in New York's zone on the evening before
    meta = '<meta property="article:published_time" content="2019-11-19T20:50:00-05:00">'
    [art], _ = parse_bytes("raw/page.html", PAGE.format(meta=meta).encode())
    assert art.published_at == datetime(2019, 11, 20, 1, 50, tzinfo=timezone.utc)


def test_an_html_date_from_json_ld_when_there_is_no_meta_tag():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
          '{"@type": "WebPage", "datePublished": "2010-01-01"},'
          '{"@type": "NewsArticle", "headline": "Ferry strike ends", "datePublished": "2023-06-02T07:15:00+01:00"}]}'
          '</script>')
    [art], _ = parse_bytes("raw/page.html", PAGE.format(meta=ld).encode())
    assert art.published_at == datetime(2023, 6, 2, 6, 15, tzinfo=timezone.utc)
    assert art.date_source == "article"


def test_an_undated_page_is_dated_by_its_url_and_a_placeholder_date_is_no_date():
    meta = '<meta property="article:published_time" content="0001-01-01T00:00:00Z">'  # a CMS template
    [art], _ = parse_bytes("raw/page.html", PAGE.format(meta=meta).encode())
    assert art.url == "https://coastnews.example/2023/06/02/ferry-strike-ends"
    assert (art.published_at, art.date_source) == (datetime(2023, 6, 2, tzinfo=timezone.utc), "url")


@pytest.mark.parametrize("url, day", [
    ("https://www.example.com/2019/11/20/politics/vote/index.html", "2019-11-20"),
    ("https://www.example.co.uk/world/2019/nov/20/election-result", "2019-11-20"),
    ("https://example.org/news/2021-07-04-parade-draws-crowds", "2021-07-04"),
    ("https://example.org/archive/20180917/putin", "2018-09-17"),
    ("https://www.example.com/news/world-20191120", None),       # an article number
    ("https://example.org/news/2019/11/storm-191120070028.html", None),  # a month is not a day
    ("https://example.org/2019/02/30/typo", None),               # no such day
    ("https://example.org/story?id=2019-11-20", None),           # the query is not the path
])
def test_dates_in_urls(url, day):
    [art], _ = parse_bytes("raw/x.json", json.dumps({"text": WIRE, "url": url}).encode())
    assert (art.published_at.date().isoformat() if art.published_at else None) == day
    assert art.date_source == ("url" if day else None)


def test_an_undated_text_file_is_dated_by_its_name_else_left_undated(tmp_path):
    (tmp_path / "2018-09-17-port-strike.txt").write_text(WIRE)
    (tmp_path / "20200105_tabloid.txt").write_text(TABLOID)
    (tmp_path / "notes.txt").write_text(WIRE.replace("14 ships", "15 ships"))
    got = _by_name(_read(tmp_path)[0])
    assert (got["2018-09-17-port-strike.txt"].published_at, got["2018-09-17-port-strike.txt"].date_source) == (
        datetime(2018, 9, 17, tzinfo=timezone.utc), "file-name")
    assert got["20200105_tabloid.txt"].published_at == datetime(2020, 1, 5, tzinfo=timezone.utc)
    # no date anywhere: null, never the time of the copy
    assert (got["notes.txt"].published_at, got["notes.txt"].date_source) == (None, None)


def test_the_file_time_dates_a_file_only_when_asked(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(WIRE)
    when = datetime(2022, 8, 1, 9, 30, tzinfo=timezone.utc)
    os.utime(path, (when.timestamp(), when.timestamp()))
    [art] = _read(tmp_path)[0]
    assert art.published_at is None
    [art] = _read(tmp_path, file_times=True)[0]
    assert (art.published_at, art.date_source) == (when, "file-time")


def test_the_article_date_comes_before_the_feed_date_and_the_feed_before_the_url():
    feed = datetime(2023, 6, 2, 5, 0, tzinfo=timezone.utc)
    [art], _ = parse_bytes("raw/coastnews-1.html", PAGE.format(meta="").encode(), DateHints(feed_date=feed))
    assert (art.published_at, art.date_source) == (feed, "feed")
    meta = '<meta property="article:published_time" content="2023-06-02T04:10:00Z">'
    [art], _ = parse_bytes("raw/coastnews-1.html", PAGE.format(meta=meta).encode(), DateHints(feed_date=feed))
    assert (art.published_at.hour, art.date_source) == (4, "article")


# ------------------------------------------------------------------ language


def test_each_article_gets_its_language_or_none_when_unsure(tmp_path):
    (tmp_path / "en.txt").write_text(WIRE)
    (tmp_path / "es.txt").write_text(
        "MADRID, 4 mar (Agencia) - El Gobierno aprobó el martes un plan para contratar a 2.000 médicos "
        "en los hospitales rurales, según informó el ministerio en un comunicado.\n")
    (tmp_path / "de.json").write_text(json.dumps({"text": (
        "Die Stadtverwaltung hat am Dienstag mitgeteilt, dass die Brücke über den Fluss wegen Bauarbeiten "
        "für zwei Wochen gesperrt wird. Pendler sollen auf die Bahn ausweichen.")}))
    (tmp_path / "table.txt").write_text("Shr 1.20 vs 1.10\nNet 4.5 mln vs 3.9 mln\nRevs 88 mln vs 80 mln\n")
    (tmp_path / "declared.jsonl").write_text(json.dumps({"text": "Shr 2.10 vs 1.90 Net 7 mln", "lang": "EN"}) + "\n")
    got = {name: art.lang for name, art in _by_name(_read(tmp_path)[0]).items()}
    assert got == {"en.txt": "en", "es.txt": "es", "de.json": "de", "table.txt": None, "declared.jsonl": "en"}


# ------------------------------------------------------------------ the whole run


def test_a_night_stores_dates_sources_and_languages_and_reads_the_inputs_config(tmp_path):
    """A real flow run with a claimtrack.toml: allowed links are read, other links rejected, and
    the articles table holds published_at with its date_source and lang."""
    import pandas as pd

    from claimtrack.run.flow import nightly

    raw, curated, archive, private = (tmp_path / n for n in ("raw", "curated", "archive", "private"))
    for folder in (raw, archive, private):
        folder.mkdir()
    (raw / "2021-07-04-parade.txt").write_text(WIRE)
    (raw / "bins.txt.gz").write_bytes(gzip.compress(("Source: Valley Gazette\nDate: 2024-03-05T23:45Z\n\n" + TABLOID).encode()))
    (archive / "undated.txt").write_text(WIRE.replace("14 ships", "9 ships"))
    when = datetime(2022, 8, 1, 9, 30, tzinfo=timezone.utc)
    os.utime(archive / "undated.txt", (when.timestamp(), when.timestamp()))
    (raw / "from-archive.txt").symlink_to(archive / "undated.txt")
    (private / "key.txt").write_text("a private file that is not news at all, and must stay out")
    (raw / "key.txt").symlink_to(private / "key.txt")
    config = tmp_path / "claimtrack.toml"
    config.write_text('[inputs]\nallow_links_to = ["archive"]\nfile_time_as_date = true\n')

    nightly(raw_dir=str(raw), curated_dir=str(curated), config=str(config))
    articles = pd.read_parquet(curated / "articles").set_index("raw_path")
    got = {os.path.basename(p): (row.published_at.isoformat() if not pd.isna(row.published_at) else None,
                                 row.date_source, row.lang) for p, row in articles.iterrows()}
    assert got == {
        "2021-07-04-parade.txt": ("2021-07-04T00:00:00+00:00", "file-name", "en"),
        "bins.txt.gz": ("2024-03-05T23:45:00+00:00", "article", "en"),
        "from-archive.txt": ("2022-08-01T09:30:00+00:00", "file-time", "en"),
    }
    rejected = pd.read_parquet(curated / "rejected")
    assert rejected[["reason"]].assign(name=rejected["raw_path"].map(os.path.basename)).values.tolist() == [
        ["outside-raw", "key.txt"]]


def test_the_articles_suite_checks_date_source_and_lang(tmp_path):
    """Great Expectations, for real: only the known date sources and two-letter codes pass; null passes."""
    from claimtrack.records import Article
    from claimtrack.run import pipeline

    run = pipeline.new_run(tmp_path / "raw", tmp_path / "curated")
    when = datetime(2024, 3, 5, tzinfo=timezone.utc)
    articles = [Article("a1", WIRE, published_at=when, date_source="url", lang="en", raw_path="r/1.txt", title="A"),
                Article("a2", TABLOID, raw_path="r/2.txt", title="B"),  # undated, language unknown
                Article("a3", WIRE + " More.", published_at=when, date_source="guess", lang="english",
                        raw_path="r/3.txt", title="C")]
    tables = pipeline.build_tables(run, articles, [], [], [], [])
    report = pipeline.validate_stage(run, tables)
    failed = {(f.expectation, f.column, f.unexpected, f.severity) for f in report.failures if f.table == "articles"}
    assert failed == {("expect_column_values_to_be_in_set", "date_source", 1, "critical"),
                      ("expect_column_values_to_match_regex", "lang", 1, "critical")}
    assert not report.ok
    tables = pipeline.build_tables(run, articles[:2], [], [], [], [])
    assert [f for f in pipeline.validate_stage(run, tables).failures if f.table == "articles"] == []
