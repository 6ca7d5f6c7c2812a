"""The parse stage: raw files (.txt, .html, .json, .jsonl, each also gzip-compressed) to ``Article`` records.

Every input either becomes articles or a ``Rejection`` with a reason a human understands; a bad
file never stops the batch. ``Article.text`` is the text the extractors see (navigation,
captions and "Read more" lines removed), so offsets always point into it. Each article also
gets its language (``stages.language``) and, when it states no date, one from its URL, feed or
file name with ``date_source`` saying which (``stages.dates``).

>>> arts, rejected = parse_bytes("a.txt", b"Big news\\n\\nThe mayor said \\"yes.\\"\\n")
>>> arts[0].title, arts[0].text
('Big news', 'The mayor said "yes."')
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from claimtrack.records import Article, Rejection, stable_id
from claimtrack.stages.dates import choose_date, date_from_url, page_published, parse_when
from claimtrack.stages.decode import GZIP_MAGIC, clean_text, decode_text, gunzip
from claimtrack.stages.discover import MAX_FILE_BYTES, RawFile
from claimtrack.stages.language import declared_language, detect_language

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published_at", "date", "published", "datetime")
LANG_FIELDS = ("lang", "language")
GZIP_SUFFIX = ".gz"
# An article shorter than this is a stub or a menu, not news.
MIN_TEXT_CHARS = 20


def article_id_for(text: str) -> str:
    """Stable id of an article: a hash of its whitespace- and case-normalized text.

    >>> article_id_for("A  b\\n") == article_id_for("a b")
    True
    """
    norm = " ".join(unicodedata.normalize("NFKC", text).lower().split())
    return stable_id("article", norm)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# ------------------------------------------------------------------ text layout

# "1. Skip to content", "Skip to main menu": web navigation copied along with the page.
_NAV_LINE = re.compile(r"^\s*(?:\d{1,2}\.\s+)?(?:skip to|jump to|go to)\b.{0,60}$", re.I)
# "Read more: ...", "Related: ...": links to other articles.
_LINK_LINE = re.compile(r"^\s*(?:read more|read also|see also|related|more on this|watch|listen)\s*:", re.I)
# A caption ends with a credit: "...Image: picture-alliance/AA", "Photo: Reuters".
_CREDIT = re.compile(r"(?:image|photo|picture|photograph)s?\s*:\s*[^!?\"“”]{1,80}(?<!\.)$", re.I)
_BYLINE = re.compile(r"^(?:by\s+)?((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)$")
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")


def _parse_date_line(line: str) -> datetime | None:
    """'September 17, 2018' -> 2018-09-17 UTC; anything that is not just a date -> None."""
    if len(line) > 40 or not _YEAR.search(line):
        return None
    return parse_when(line)


def parse_text_layout(text: str) -> dict:
    """Title, author, date and body of a page copied as plain text.

    The layout: optional navigation lines, the title, then (in any order, within a few lines)
    author and date, then standfirst and body. Image captions and "Read more" links are dropped.
    """
    lines = [line.rstrip() for line in text.split("\n")]
    i = 0
    while i < len(lines) and (not lines[i].strip() or _NAV_LINE.match(lines[i])):
        i += 1
    meta: dict = {"title": None, "author": None, "published_at": None}
    # The first line is a title when a blank line and more text follow, and it does not end
    # like a sentence.
    has_body = any(line.strip() for line in lines[i + 2:])
    if (i + 1 < len(lines) and len(lines[i]) <= 200 and not lines[i + 1].strip() and has_body
            and not lines[i].rstrip().endswith((".", "!", "?", ",", ";", ":"))):
        meta["title"] = lines[i].strip()
        i += 1
        # Byline and date come right after the title, before the first paragraph.
        for _ in range(4):
            while i < len(lines) and not lines[i].strip():
                i += 1
            if i >= len(lines):
                break
            line = lines[i].strip()
            when = _parse_date_line(line) if meta["published_at"] is None else None
            byline = _BYLINE.match(line) if meta["author"] is None and len(line) <= 60 else None
            if when is not None:
                meta["published_at"] = when
            elif byline and not _SENTENCE_END.search(line):
                meta["author"] = byline.group(1)
            else:
                break
            i += 1
    body: list[str] = []
    rest = lines[i:]
    for k, line in enumerate(rest):
        stripped = line.strip()
        nxt = rest[k + 1].strip() if k + 1 < len(rest) else ""
        if _NAV_LINE.match(stripped) or _LINK_LINE.match(stripped) or _CREDIT.search(stripped):
            continue
        # Alt text: a short line without final punctuation right above a credited caption.
        if stripped and nxt and _CREDIT.search(nxt) and not _SENTENCE_END.search(stripped):
            continue
        body.append(stripped)
    meta["text"] = re.sub(r"\n{3,}", "\n\n", "\n".join(body)).strip()
    return meta


#: fields a text file may set in a header: its first lines, "Name: value" each, then a blank line
HEADER_FIELDS = {"source": "source", "url": "url", "date": "published_at", "title": "title",
                 "author": "author", "language": "lang"}
_HEADER_LINE = re.compile(r"^(source|url|date|title|author|language)[ \t]*:[ \t]*(.*?)\s*$", re.I)


def split_header(text: str) -> tuple[dict, str]:
    """The header of a text file (``Source:``, ``URL:``, ``Date:``, ``Title:``, ``Author:``,
    ``Language:`` lines, then a blank line) as article fields, and the text after it.

    Only a block made of these lines alone is a header: any other line in it, or no blank line
    after it, and the text is all article. An unreadable ``Date:`` is ignored (the date then
    comes from the URL or the file name).

    >>> fields, rest = split_header("Source: Daily Post\\nDate: 2024-03-05T09:30+01:00\\n\\nThe mayor resigned.")
    >>> fields["source"], fields["published_at"].isoformat(), rest
    ('Daily Post', '2024-03-05T08:30:00+00:00', 'The mayor resigned.')
    """
    lines = text.lstrip("\n").split("\n")
    fields: dict = {}
    for k, line in enumerate(lines):
        if not line.strip():
            if k == 0:
                break
            return fields, "\n".join(lines[k + 1:])
        m = _HEADER_LINE.match(line)
        if m is None:
            break
        name, value = HEADER_FIELDS[m.group(1).lower()], m.group(2)
        if name == "published_at":
            value = parse_when(value)
        elif name == "lang":
            value = declared_language(value)
        if value and name not in fields:
            fields[name] = value
    return {}, text


def parse_text_file(text: str) -> dict:
    """The fields of a plain-text article: its header (if any) over what its layout gives."""
    header, body = split_header(text)
    fields = parse_text_layout(body)
    fields.update(header)
    return fields


# ------------------------------------------------------------------ HTML


def parse_html(html: str) -> dict:
    """Main text and metadata of an HTML page, with trafilatura.

    The date is the publication time the page states in its meta tags or JSON-LD, with its
    time of day and zone; only a page without one falls back to trafilatura's guess.
    """
    import trafilatura  # 0.15 s: only runs that read HTML pay for it
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return {"text": ""}
    published = page_published(tree)
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=False,
                                      date_extraction_params=HTMLDATE_PARAMS)
    if doc is None:
        return {"text": "", "published_at": published}
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    # trafilatura separates paragraphs by one newline; the extractors expect blank lines.
    text = re.sub(r"\n+", "\n\n", (d.get("text") or "").strip())
    guessed = parse_when(d.get("date"))
    if guessed is not None and guessed == date_from_url(d.get("url")):
        guessed = None  # htmldate read it in the URL: it is the URL's date (date_source "url")
    return {"text": text, "title": d.get("title"), "author": d.get("author"),
            "published_at": published or guessed, "url": d.get("url"),
            "source": d.get("sitename") or d.get("hostname")}


#: htmldate's settings: the publication date (not the last change), with its time when the page gives one
HTMLDATE_PARAMS = {"original_date": True, "extensive_search": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


# ------------------------------------------------------------------ JSON


def _str_field(doc: dict, *names: str) -> str | None:
    for name in names:
        value = doc.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return ", ".join(value)  # authors as a list
    return None


def json_doc_fields(doc) -> tuple[dict | None, str | None]:
    """The article fields of one JSON object, or (None, why not)."""
    if not isinstance(doc, dict):
        return None, f"expected a JSON object, got {type(doc).__name__}"
    field = next((f for f in TEXT_FIELDS if f in doc), None)
    if field is None:
        return None, "no 'text', 'body' or 'content' field"
    text = doc[field]
    if not isinstance(text, str):
        return None, f"field {field!r} is {type(text).__name__}, not a string"
    date_field = next((f for f in DATE_FIELDS if doc.get(f) not in (None, "")), None)
    return {
        "text": text,
        "title": _str_field(doc, "title", "headline"),
        "author": _str_field(doc, "author", "authors", "byline"),
        "url": _str_field(doc, "url", "link"),
        "source": _str_field(doc, "source", "publisher", "site"),
        "published_at": parse_when(doc[date_field]) if date_field else None,
        "lang": declared_language(_str_field(doc, *LANG_FIELDS)),
    }, None


# ------------------------------------------------------------------ files


@dataclass(frozen=True, slots=True)
class DateHints:
    """What a raw file says about its date besides its content (see ``stages.dates``)."""

    feed_date: datetime | None = None  # the feed item's publication time, for a fetched page
    file_time: datetime | None = None  # the file's modification time, when the config allows it


def _article(fields: dict, raw_path: str, sha: str, hints: DateHints) -> Article | Rejection:
    # JSON and HTML strings did not pass through the byte decoder: clean them the same way
    # (control characters, "\r", lone surrogates that Parquet cannot store).
    text = clean_text(fields.get("text") or "").strip()
    if len(text) < MIN_TEXT_CHARS:
        return Rejection(raw_path, "no-text", f"no article text found ({len(text)} characters)", sha)
    meta = {k: _clean_field(fields.get(k)) for k in ("source", "url", "title", "author")}
    published_at, date_source = choose_date(fields.get("published_at"), feed_date=hints.feed_date, url=meta["url"],
                                            raw_path=raw_path, file_time=hints.file_time)
    return Article(article_id=article_id_for(text), text=text, published_at=published_at, date_source=date_source,
                   lang=fields.get("lang") or detect_language(text), raw_path=raw_path, raw_sha256=sha, **meta)


def _clean_field(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(clean_text(value).split())[:1000]  # one line, and not a whole page
    return value or None


def parse_raw(raw: RawFile) -> tuple[list[Article], list[Rejection]]:
    """Parse one file found by the discover stage, with what it knows of the file's date."""
    return parse_bytes(raw.raw_path, raw.data, DateHints(raw.feed_date, raw.file_time))


def _suffix(name: str) -> str:
    name = name.rsplit("/", 1)[-1]
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def parse_bytes(raw_path: str, data: bytes, hints: DateHints = DateHints(),
                max_bytes: int = MAX_FILE_BYTES) -> tuple[list[Article], list[Rejection]]:
    """Parse one raw file's bytes; the suffix of ``raw_path`` picks the format.

    ``name.html.gz`` (any supported format, gzip-compressed) is unpacked first, at most
    ``max_bytes`` of it; so is a file of a supported suffix whose bytes are gzip (a page saved
    as the server sent it).
    """
    sha = sha256_bytes(data)
    suffix = _suffix(raw_path)
    packed = suffix == GZIP_SUFFIX
    if packed:
        suffix = _suffix(raw_path[: -len(GZIP_SUFFIX)])
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix + GZIP_SUFFIX if packed else suffix  # ".pdf.gz", or ".gz" alone
        return [], [Rejection(raw_path, "unsupported-format",
                              f"'{shown or 'no suffix'}' is not a supported format "
                              f"({', '.join(SUPPORTED_SUFFIXES)}, each also as .gz)", sha)]
    if packed or data.startswith(GZIP_MAGIC):
        unpacked = gunzip(data, max_bytes)
        if unpacked.data is None:
            return [], [Rejection(raw_path, unpacked.reason or "bad-gzip", unpacked.detail or "", sha)]
        data = unpacked.data
    decoded = decode_text(data)
    if decoded.text is None:
        return [], [Rejection(raw_path, decoded.reason or "unreadable", decoded.detail or "", sha)]
    text = decoded.text
    results: list[Article | Rejection] = []
    if suffix in TEXT_SUFFIXES:
        results.append(_article(parse_text_file(text), raw_path, sha, hints))
    elif suffix in HTML_SUFFIXES:
        results.append(_article(parse_html(text), raw_path, sha, hints))
    elif suffix in JSON_SUFFIXES:
        try:
            doc = json.loads(text)
        except (ValueError, RecursionError) as exc:
            return [], [Rejection(raw_path, "bad-json", f"not valid JSON ({_json_error(exc)})", sha)]
        for k, item in enumerate(doc if isinstance(doc, list) else [doc]):
            fields, why = json_doc_fields(item)
            where = f"item {k + 1}: " if isinstance(doc, list) else ""
            results.append(_article(fields, raw_path, sha, hints) if fields
                           else Rejection(raw_path, "bad-fields", where + why, sha))
    else:
        for lineno, fields, why in _jsonl_docs(text):
            results.append(_article(fields, raw_path, sha, hints) if fields
                           else Rejection(raw_path, "bad-line", f"line {lineno}: {why}", sha))
    articles = [r for r in results if isinstance(r, Article)]
    rejections = [r for r in results if isinstance(r, Rejection)]
    return articles, rejections


def _jsonl_docs(text: str) -> Iterator[tuple[int, dict | None, str | None]]:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield lineno, None, f"not valid JSON ({_json_error(exc)})"
            continue
        fields, why = json_doc_fields(doc)
        yield lineno, fields, why


def _json_error(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg}: line {exc.lineno} column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).split(";")[0][:120]  # e.g. a number with more than 4,300 digits
