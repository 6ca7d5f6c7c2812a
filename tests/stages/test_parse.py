"""Parsing raw files: every input becomes articles or a rejection with a reason."""
import json

from claimtrack.stages.parse import parse_bytes, parse_text_layout

WEB_COPY = """1. Skip to content
  2. Skip to main menu

Mayor opens new bridge over the river

Jane Example
March 3, 2021

The city opened its new bridge on Wednesday after two years of work.

A crowd on the bridge
A crowd gathers on the new bridgeImage: City Press/J. Smith

"It is a great day," the mayor said.

Read more: Five bridges you should see

The bridge cost 40 million euros.
"""


def test_web_copy_layout_gives_title_author_date_and_clean_text():
    meta = parse_text_layout(WEB_COPY)
    assert meta["title"] == "Mayor opens new bridge over the river"
    assert meta["author"] == "Jane Example"
    assert meta["published_at"].isoformat() == "2021-03-03T00:00:00+00:00"
    assert meta["text"].startswith("The city opened its new bridge")
    assert "Skip to" not in meta["text"]
    assert "Image:" not in meta["text"] and "A crowd on the bridge" not in meta["text"]
    assert "Read more" not in meta["text"]
    assert '"It is a great day," the mayor said.' in meta["text"]


def test_plain_body_without_title_keeps_every_line():
    meta = parse_text_layout("The council met on Monday. It voted to raise taxes by 2 percent.\n")
    assert meta["title"] is None
    assert meta["text"] == "The council met on Monday. It voted to raise taxes by 2 percent."


def test_sample_article_metadata(tmp_path):
    from conftest import SAMPLE

    [article], rejected = parse_bytes(str(SAMPLE), SAMPLE.read_bytes())
    assert rejected == []
    assert article.title == "Putin and Erdogan hold critical meeting on Syria"
    assert article.author == "Chase Winter"
    assert article.published_at.date().isoformat() == "2018-09-17"
    assert "Image:" not in article.text and "Skip to content" not in article.text
    assert "more than 3 million civilians" in article.text


def test_html_page_uses_main_text_and_metadata():
    html = b"""<html><head><title>Site | Storm hits coast</title>
    <meta name="author" content="Sam Writer">
    <meta property="article:published_time" content="2022-05-01T08:00:00Z"></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Storm hits coast</h1>
    <p>More than 20,000 homes lost power when the storm reached the coast on Sunday night.</p>
    <p>"We have never seen wind like this," said the harbour master, Ann Lee.</p></article>
    <footer>Copyright notice</footer></body></html>"""
    [article], rejected = parse_bytes("storm.html", html)
    assert rejected == []
    assert article.title == "Storm hits coast"
    assert article.author == "Sam Writer"
    assert article.published_at.isoformat().startswith("2022-05-01")
    assert "More than 20,000 homes" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text


def test_json_article_fields():
    doc = {"id": "x1", "title": "Budget", "body": "The budget grew by 3 percent this year, officials said.",
           "published_at": "2020-01-02T10:00:00+01:00", "url": "https://example.org/b", "source": "Example News"}
    [article], rejected = parse_bytes("b.json", json.dumps(doc).encode())
    assert rejected == []
    assert article.text.startswith("The budget grew")
    assert article.published_at.isoformat() == "2020-01-02T09:00:00+00:00"  # stored in UTC
    assert (article.source, article.url, article.title) == ("Example News", "https://example.org/b", "Budget")


def test_jsonl_keeps_good_lines_and_rejects_bad_ones():
    lines = [json.dumps({"text": "First article text, long enough to keep."}),
             "{not json",
             json.dumps({"text": 42}),
             json.dumps({"title": "no text here"}),
             json.dumps({"content": "Second article text, long enough to keep."})]
    articles, rejected = parse_bytes("feed.jsonl", "\n".join(lines).encode())
    assert [a.text[:6] for a in articles] == ["First ", "Second"]
    assert [r.reason for r in rejected] == ["bad-line"] * 3
    assert [r.detail.split(":")[0] for r in rejected] == ["line 2", "line 3", "line 4"]


def test_bad_files_are_rejected_with_reasons():
    cases = {
        "empty.txt": (b"", "empty"),
        "picture.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary"),
        "broken.json": (b'{"text": "unterminated', "bad-json"),
        "nested.json": (b"[" * 100000 + b"]" * 100000, "bad-json"),
        "report.docx": (b"PK\x03\x04....", "unsupported-format"),
        "tiny.txt": (b"Hi.", "no-text"),
    }
    for name, (data, reason) in cases.items():
        articles, rejected = parse_bytes(name, data)
        assert articles == [], name
        assert [r.reason for r in rejected] == [reason], name
        assert rejected[0].detail, name


def test_legacy_encodings_are_read():
    latin1 = "Le café a coûté 3 euros, a déclaré le patron du café.".encode("latin-1")
    [article], _ = parse_bytes("fr.txt", latin1)
    assert "café a coûté" in article.text
    utf16 = "The café cost 3 euros, the owner of the café said.".encode("utf-16")
    [article], _ = parse_bytes("u16.txt", utf16)
    assert article.text.startswith("The café cost")


def test_article_id_is_stable_across_whitespace_and_files():
    a, _ = parse_bytes("a.txt", b"The same story about the council vote.\n")
    b, _ = parse_bytes("b.json", json.dumps({"text": "The same  story about\nthe council vote."}).encode())
    assert a[0].article_id == b[0].article_id


def test_terminal_escape_sequences_are_removed_whole():
    body = "The council met for the last time before the summer break and talked about the park. " * 3
    text = 'The mayor said "\x1b[31mwe will\x1b[0m win" \x1b]0;owned\x07today.\n' + body
    [article], _ = parse_bytes("esc.txt", text.encode())
    assert article.text == 'The mayor said "we will win" today.\n' + body.strip()
    from claimtrack.stages.extract import extract_text

    assert extract_text(article.text)[1] == []  # no "31m" debris read as a quantity
