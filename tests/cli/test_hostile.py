"""A hostile raw folder: every file is ingested correctly or rejected with a clear reason.

The corpus is generated here (no binary blobs in the repository). ``test_hostile_files_parse``
checks each file's bytes on their own, fast; ``test_cli_run_over_the_hostile_folder`` runs the
real ``claimtrack run`` over the whole folder (with symlinks, a FIFO, a 50 MB file, odd names)
and checks the tables: each file is an article or a `rejected` row, the run goes on, no
traceback reaches the user, every quote and claim cuts back out of ``articles.text``, and a
second run adds nothing.

Decided here: a file over ``MAX_FILE_BYTES`` (20 MB) is rejected unread as too-large (see
``claimtrack.stages.discover``); a text file with a few control characters or damaged bytes is read
(the noise dropped, damage as U+FFFD), one with many is binary.
"""
from __future__ import annotations

import codecs
import gzip
import json
import math
import os
import random
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from claimtrack.stages.discover import MAX_FILE_BYTES, discover, printable
from claimtrack.stages.parse import parse_bytes
from support.nights import run_in_process
from support.tables import runs_rows, table_state

GOOD = ('Officials said 40 people were hurt when the storm hit the coast on Monday.\n\n'
        '"We lost everything," said a fisherman, Omar Haddad. Repairs will cost 3 million euros.')


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    expect: str  # "ingest" or a rejection reason
    articles: int = 1  # articles expected when ingested
    contains: str | None = None  # text an ingested article must contain
    also_rejected: tuple[str, ...] = ()  # rejection reasons expected next to the articles


def _random_bytes(n: int) -> bytes:
    return random.Random(7).randbytes(n)


def story(tag: str) -> str:
    """GOOD with a first sentence of its own, so no two files hold the same article."""
    return f"The {tag} report came first. " + GOOD


def cases() -> list[Case]:
    text = GOOD
    long_line = ("The council said 12 people were hurt and 3 roads closed. " * 2000)[:100_000]
    many_quotes = ('He said "yes. She said "no. "" " \u201cOpen \u201cagain \u201d shut\u201d\u201d. '
                   "It's 'odd' isn't 'it. ") * 40
    numbers = ("The debt reached 1e308 dollars, then 10^400 dollars, or 1e400, or 10**400, "
               f"and {'9' * 400} people, 1.7976931348623157e308 euros and 0.{'0' * 400}1 percent. "
               "It grew by -1e308 percent, NaN and inf percent, officials said.")
    return [
        Case("empty.txt", b"", "empty"),
        Case("blank.txt", b" \n\t\r\n  ", "empty"),
        Case("random.txt", _random_bytes(4096), "binary"),
        Case("photo.txt", b"\x89PNG\r\n\x1a\n" + _random_bytes(500), "binary"),
        # a gzip file under a text suffix (a page saved as the server sent it) is unpacked and read
        Case("archive.json", gzip.compress(json.dumps({"text": "Packed. " + text}).encode()), "ingest",
             contains="Packed."),
        Case("bomb.txt.gz", gzip.compress(b" " * (MAX_FILE_BYTES + 1)), "too-large"),
        Case("cut.html.gz", gzip.compress(text.encode())[:-12], "bad-gzip"),
        Case("report.pdf", b"%PDF-1.4\n" + _random_bytes(200), "unsupported-format"),
        Case("damaged-utf8.txt", ("Le café a coûté 3 euros. " + text).encode()[:40] + b"\xff\xfe\xc3("
             + ("Le café a coûté 3 euros. " + text).encode()[40:], "ingest", contains="café a coûté"),
        Case("utf16-bom.txt", ("Le café a coûté 3 euros. " + story("BOM")).encode("utf-16"), "ingest", contains="café a coûté"),
        Case("utf16le-nobom.txt", ("Le café a coûté 3 euros. " + story("LE")).encode("utf-16-le"), "ingest",
             contains="café a coûté"),
        Case("utf16be-nobom.txt", ("Le café a coûté 3 euros. " + story("BE")).encode("utf-16-be"), "ingest",
             contains="café a coûté"),
        Case("latin1.txt", ("Le café a coûté 3 euros. " + story("Latin-1")).encode("latin-1"), "ingest", contains="café a coûté"),
        Case("bom-crlf.txt", codecs.BOM_UTF8 + ("Storm hits\r\n\r\n" + story("CRLF").replace("\n", "\r\n")).encode(),
             "ingest", contains="Omar Haddad"),
        Case("old-mac.txt", story("Mac").replace("\n", "\r").encode(), "ingest", contains="Omar Haddad"),
        Case("one-line.txt", long_line.encode(), "ingest", contains=long_line[:200]),
        Case("deep.json", b'{"a": ' * 100_000 + b"1" + b"}" * 100_000, "bad-json"),
        Case("deep-list.json", b"[" * 200_000, "bad-json"),
        Case("truncated.json", json.dumps({"title": "Storm", "text": text}).encode()[:60], "bad-json"),
        Case("huge-number.json", b'{"text": "' + text.encode()[:60] + b'", "date": 1' + b"0" * 5000 + b"}", "bad-json"),
        Case("wrong-types.json", json.dumps({"text": 42, "title": ["a"], "date": {"y": 1}}).encode(), "bad-fields"),
        Case("mixed-list.json", json.dumps([{"text": story("list"), "title": 7, "date": 1e308, "author": {"a": 1}},
                                            "just a string", None, {"body": ["not", "text"]}]).encode(),
             "ingest", contains="Omar Haddad", also_rejected=("bad-fields",) * 3),
        Case("odd-values.json", b'{"text": "' + story("odd").replace("\n", "\\n").replace('"', '\\"').encode()
             + b'\\u0000\\ud800 end\\r\\n", "date": 1e400, "title": NaN, "url": "\\udfff"}', "ingest",
             contains="Omar Haddad"),
        Case("feed.jsonl", "\n".join([json.dumps({"text": "First: " + text}), "{broken", "[1, 2]",
                                      json.dumps({"content": "Second: " + text, "date": "not a date"}),
                                      "\xff", json.dumps({"text": "short"}), ""]).encode("utf-8"),
             "ingest", articles=2, contains="Omar Haddad", also_rejected=("bad-line", "bad-line", "bad-line", "no-text")),
        Case("no-body.html", b"<html><head><title>Nothing here</title></head></html>", "no-text"),
        Case("all-script.html", b"<html><body><script>var s = 'Officials said 40 people were hurt';</script>"
             + b"<script>document.write(s)</script><style>p{}</style></body></html>", "no-text"),
        Case("broken.html", ("<html><body><article><p>" + story("HTML") + "<div><p>unclosed <b>bold").encode(), "ingest",
             contains="Omar Haddad"),
        Case("quotes.txt", many_quotes.encode(), "ingest", contains='He said "yes.'),
        Case("numbers.txt", numbers.encode(), "ingest", contains="10^400"),
        Case("controls.txt", ("Storm\x07 hits\n\n" + story("control")[:60] + "\x00\x1b[31m" + story("control")[60:] + "\x7f\x0c").encode(),
             "ingest", contains="Omar Haddad"),
        Case("rtl.txt", ("قال الوزير إن 40 شخصا أصيبوا في العاصفة يوم الاثنين. \u201cهذا يوم حزين\u201d قال.\n\n"
                         "\u202eReversed\u202c text and \u200fעברית 12\u200f. " + story("RTL")).encode(), "ingest",
             contains="\u202eReversed"),
        Case("emoji.txt", ('The mayor 👩🏽‍⚖️ said "we won 🎉" after 3 👍🏼 votes. 🏳️‍🌈 ' + story("emoji")).encode(), "ingest",
             contains="👩🏽‍⚖️"),
        Case("name with spaces ü 日本 🌊.txt", ("Spaced name. " + text).encode(), "ingest", contains="Spaced name."),
        Case("tiny.txt", b"Hi.", "no-text"),
        Case("notes.md", text.encode(), "unsupported-format"),
    ]


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_hostile_files_parse(case):
    articles, rejected = parse_bytes(case.name, case.data)
    if case.expect == "ingest":
        assert len(articles) == case.articles, [r.detail for r in rejected]
        assert sorted(r.reason for r in rejected) == sorted(case.also_rejected), rejected
        for art in articles:
            assert art.text == art.text.strip() and len(art.text) >= 20
            assert not any(ord(c) < 32 and c not in "\t\n" for c in art.text), "control characters kept"
            assert not any(0xD800 <= ord(c) <= 0xDFFF for c in art.text + (art.title or "") + (art.url or ""))
            assert "\r" not in art.text
        if case.contains:
            assert any(case.contains in a.text for a in articles), [a.text[:80] for a in articles]
    else:
        assert articles == []
        assert [r.reason for r in rejected] == [case.expect]
        assert rejected[0].detail and "\n" not in rejected[0].detail


def test_unreadable_file_is_rejected_and_the_rest_is_read():
    """chmod 000 stops nobody when the tests run as root, so as root discover runs in a forked
    child that has dropped to the 'nobody' user (uid 65534) before it reads."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="claimtrack-unreadable-"))
    try:
        os.chmod(folder, 0o755)
        (folder / "ok.txt").write_text(GOOD)
        (folder / "secret.txt").write_text(GOOD + " Secret.")
        os.chmod(folder / "secret.txt", 0)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: drop privileges, discover, report through the pipe
            status = 1
            try:
                if os.geteuid() == 0:
                    os.setgroups([])
                    os.setgid(65534)
                    os.setuid(65534)
                found, rejected, _ = discover(folder, set())
                os.write(write_end, json.dumps([[f.raw_path for f in found],
                                                [[r.raw_path, r.reason, r.detail] for r in rejected]]).encode())
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as fh:
            out = fh.read()
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
        found, rejected = json.loads(out)
        assert [Path(p).name for p in found] == ["ok.txt"]
        assert [(Path(p).name, reason) for p, reason, _ in rejected] == [("secret.txt", "unreadable")]
        assert "Permission denied" in rejected[0][2]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def build_folder(tmp_path: Path) -> tuple[Path, dict[str, Case], dict[str, str]]:
    """The raw folder: every case as a file, plus what only a file system can hold."""
    raw = tmp_path / "raw"
    raw.mkdir()
    by_path: dict[str, Case] = {}
    for case in cases():
        (raw / case.name).write_bytes(case.data)
        by_path[str(raw / case.name)] = case
    other: dict[str, str] = {}  # path -> expected reason, or "ingest"
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "target.txt").write_text("Linked story. " + GOOD)
    (raw / "good-link.txt").symlink_to(outside / "target.txt")  # it leaves the raw folder: not followed
    other[str(raw / "good-link.txt")] = "outside-raw"
    (raw / "passwd.txt").symlink_to("/etc/passwd")
    other[str(raw / "passwd.txt")] = "outside-raw"
    (raw / "zz-inside-link.txt").symlink_to(raw / "bom-crlf.txt")  # inside: followed, the same bytes: skipped
    (raw / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    other[str(raw / "dangling.txt")] = "broken-link"
    (raw / "loop-a.txt").symlink_to(raw / "loop-b.txt")
    (raw / "loop-b.txt").symlink_to(raw / "loop-a.txt")
    other[str(raw / "loop-a.txt")] = other[str(raw / "loop-b.txt")] = "broken-link"
    (raw / "linked-folder").symlink_to(outside, target_is_directory=True)
    other[str(raw / "linked-folder")] = "outside-raw"
    os.mkfifo(raw / "pipe.txt")  # reading it would block for ever: it must not be read
    other[str(raw / "pipe.txt")] = "not-a-file"
    (raw / "folder.txt").mkdir()  # a folder named like a file: its files are read
    (raw / "folder.txt" / "inside.txt").write_text("Inside a folder. " + GOOD)
    other[str(raw / "folder.txt" / "inside.txt")] = "ingest"
    latin1_name = os.fsdecode(b"caf\xe9 na\xefve.txt")  # a name that is not UTF-8
    (raw / latin1_name).write_text("Latin-1 name. " + GOOD)
    other[printable(str(raw / latin1_name))] = "ingest"
    (raw / "zz-copy-of-latin1.txt").write_bytes((raw / "latin1.txt").read_bytes())  # same bytes: skipped
    (raw / ".hidden.txt").write_text("Hidden. " + GOOD)  # hidden: ignored
    with open(raw / "huge.txt", "wb") as fh:  # 50 MB of real text
        block = (GOOD + "\n\n").encode() * 1000
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            fh.write(block)
    assert (raw / "huge.txt").stat().st_size > MAX_FILE_BYTES
    other[str(raw / "huge.txt")] = "too-large"
    return raw, by_path, other


@pytest.mark.slow
def test_cli_run_over_the_hostile_folder(tmp_path, claimtrack_cli):
    raw, by_path, other = build_folder(tmp_path)
    curated = tmp_path / "curated"
    done = claimtrack_cli.run(raw, curated)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr + done.stdout
    assert "claimtrack run" in done.stdout and "files rejected" in done.stdout

    articles = pd.read_parquet(curated / "articles")
    rejected = pd.read_parquet(curated / "rejected")
    by_article = articles.groupby("raw_path").size().to_dict()
    reasons = rejected.groupby("raw_path")["reason"].apply(sorted).to_dict()
    assert rejected["detail"].str.len().min() > 10 and not rejected["detail"].str.contains("Traceback").any()

    tried = 0
    for path, case in by_path.items():
        tried += 1
        if case.expect == "ingest":
            assert by_article.get(path) == case.articles, (case.name, reasons.get(path))
            assert reasons.get(path, []) == sorted(case.also_rejected), case.name
            if case.contains:
                texts = articles.loc[articles["raw_path"] == path, "text"]
                assert texts.str.contains(case.contains, regex=False).any(), case.name
        else:
            assert path not in by_article, case.name
            assert reasons.get(path) == [case.expect], (case.name, reasons.get(path))
    for path, expect in other.items():
        tried += 1
        if expect == "ingest":
            assert by_article.get(path) == 1, (path, reasons.get(path))
        else:
            assert reasons.get(path) == [expect], (path, reasons.get(path))
    assert rejected.loc[rejected["raw_path"] == str(raw / "huge.txt"), "detail"].iloc[0].startswith(
        "50.0 MB is larger than the 20 MB limit")
    # the copy was skipped as already-seen bytes, the hidden file ignored: neither is anywhere
    for skipped in ("zz-copy-of-latin1.txt", ".hidden.txt", "zz-inside-link.txt"):
        assert str(raw / skipped) not in by_article and str(raw / skipped) not in reasons
    accounted = set(by_article) | set(reasons)
    assert accounted == set(by_path) | set(other), accounted ^ (set(by_path) | set(other))

    # Data: every quote and claim cuts back out of the text stored with its article.
    texts = dict(zip(articles["article_id"], articles["text"]))
    quotes, claims = pd.read_parquet(curated / "quotes"), pd.read_parquet(curated / "claims")
    assert len(quotes) > 0 and len(claims) > 0
    for q in quotes.itertuples():
        assert texts[q.article_id][q.start:q.end] == q.text, q
    for c in claims.itertuples():
        assert texts[c.article_id][c.start:c.end] == c.surface, c
        assert math.isfinite(c.value) and c.low <= c.value <= c.high, c
    print(f"hostile inputs tried: {tried} (+3 skipped on purpose)")

    # A second run over the same folder: nothing new, nothing rejected twice.
    before = table_state(curated)
    run_in_process(raw, curated)
    assert table_state(curated) == before
    assert runs_rows(curated)["status"].tolist() == ["succeeded", "nothing-new"]
