"""When an article was published, and where that date came from.

An article's own date (its page's meta tags, a JSON field, a date line or header of a text
file) comes first. Without one, the date is taken from what the input says about it, in this
order, and ``date_source`` records which:

- ``"feed"``: the feed item's publication time (the fetch stage keeps it for each saved page);
- ``"url"``: a day in the article's URL (``/2019/11/20/``, ``/2019-11-20/``, ``/2019/nov/20/``);
- ``"file-name"``: a day at the start of or inside the file name (``2018-09-17-putin.txt``);
- ``"file-time"``: the raw file's modification time, only when the config asks for it
  (``[inputs] file_time_as_date = true``): it is usually the time of the copy, not of the
  publication, so by default an undated file stays undated (``published_at`` and
  ``date_source`` null) rather than carry a date that looks real and is not.

A date that cannot be a publication date (before 1900, or more than two days in the future:
templates print "0001-01-01") counts as no date. Times keep their zone and become UTC:
``2019-11-20T01:50Z`` stays 20 November, ``2019-11-19T20:50-05:00`` becomes the same instant.

>>> when, source = choose_date(None, url="https://example.org/2019/11/20/storm.html")
>>> when.isoformat(), source
('2019-11-20T00:00:00+00:00', 'url')
>>> choose_date(None, raw_path="raw/notes.txt")
(None, None)
"""
from __future__ import annotations

import json
import re
import warnings
from datetime import datetime, timedelta, timezone

from dateutil import parser as dateparser

DATE_SOURCES = ("article", "feed", "url", "file-name", "file-time")
EARLIEST = datetime(1900, 1, 1, tzinfo=timezone.utc)
#: a publication date this far past the present is a template or a typo, not news
FUTURE_SLACK = timedelta(days=2)

#: two defaults that differ in year, month and day (see parse_when)
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# 2019/11/20, 2019-11-20, 2019_11_20 (one separator throughout); not inside a longer number
_SEPARATED = re.compile(r"(?<![\d])((?:19|20)\d\d)([/_.-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?![\d])")
# 2019/nov/20 (The Guardian's style) and 2019-november-20
_MONTH_NAME = re.compile(r"(?<![\d])((?:19|20)\d\d)([/_-])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\2"
                         r"(0?[1-9]|[12]\d|3[01])(?![\d])", re.I)
# 20191120 only at the start of a name or path segment: an 8-digit article id can look like a
# day ("/news/world-20191120" is BBC article number 20,191,120)
_COMPACT = re.compile(r"(?:^|(?<=/))((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/_.-])")
# what ISO 8601 must start with to be read as such: a whole day (isoparse takes "2019" as 1 January)
_ISO_DAY = re.compile(r"\s*\d{4}-\d\d-\d\d|\s*\d{8}(?:T|\s*$)")
#: zone abbreviations of English-language news datelines (dateutil knows only UTC and GMT)
_ZONES = {name: offset * 3600 for name, offset in (
    ("UTC", 0), ("GMT", 0), ("Z", 0), ("BST", 1), ("CET", 1), ("CEST", 2), ("EET", 2), ("EEST", 3),
    ("MSK", 3), ("EST", -5), ("EDT", -4), ("CST", -6), ("CDT", -5), ("MST", -7), ("MDT", -6),
    ("PST", -8), ("PDT", -7), ("AEST", 10), ("AEDT", 11), ("JST", 9), ("HKT", 8), ("SGT", 8))}

#: meta tags that carry a page's publication time, best first (Open Graph, schema.org
#: microdata, Dublin Core, and what publishers' CMSs write)
PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished",
                  "parsely-pub-date", "sailthru.date", "pubdate", "publishdate", "publish-date",
                  "publication_date", "dc.date.issued", "dcterms.issued", "dc.date", "date",
                  "dcterms.created", "originalpublicationdate", "article.published")
_JSONLD_ARTICLE = re.compile(r"article|posting|report|blog", re.I)


def plausible(when: datetime | None, now: datetime | None = None) -> datetime | None:
    """``when`` if it can be a publication date, else None.

    >>> plausible(datetime(1, 1, 1, tzinfo=timezone.utc)) is None
    True
    """
    if when is None:
        return None
    now = now or datetime.now(timezone.utc)
    return when if EARLIEST <= when <= now + FUTURE_SLACK else None


def as_utc(when: datetime) -> datetime:
    """A naive time is taken as UTC; an aware one is converted (raises OverflowError at the
    ends of the calendar: callers catch it)."""
    return when.replace(tzinfo=timezone.utc) if when.tzinfo is None else when.astimezone(timezone.utc)


def parse_when(value) -> datetime | None:
    """A date or time as found in a file: ISO 8601, RFC 2822, "17 September 2018", epoch seconds.

    >>> parse_when("2019-11-20T01:50Z").isoformat()
    '2019-11-20T01:50:00+00:00'
    >>> parse_when("Wed, 20 Nov 2019 02:50:00 +0100").isoformat()
    '2019-11-20T01:50:00+00:00'
    """
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:  # epoch seconds
            return datetime.fromtimestamp(float(value), tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    if _ISO_DAY.match(value):
        try:
            return as_utc(dateparser.isoparse(value.strip()))
        except (ValueError, OverflowError, TypeError):
            pass
    # Free text: parsed twice with two different defaults, so that a date missing its day,
    # month or year ("November 2019") is not completed with today's.
    try:
        with warnings.catch_warnings():  # an unknown zone name: the time is read as UTC
            warnings.simplefilter("ignore")
            first = dateparser.parse(value[:100], default=_DEFAULTS[0], tzinfos=_ZONES)
            second = dateparser.parse(value[:100], default=_DEFAULTS[1], tzinfos=_ZONES)
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date():
        return None
    try:
        return as_utc(first)
    except (OverflowError, ValueError):
        return None


def _day(year: str, month: int, day: str) -> datetime | None:
    try:
        return datetime(int(year), month, int(day), tzinfo=timezone.utc)
    except ValueError:  # 2019/02/30
        return None


def day_in(name: str) -> datetime | None:
    """The first calendar day written in ``name`` (a URL path or a file name), else None.

    >>> day_in("/world/2019/nov/20/storm").date().isoformat()
    '2019-11-20'
    >>> day_in("2018-09-17-putin-erdogan.txt").date().isoformat()
    '2018-09-17'
    >>> day_in("/news/world-20191120") is None  # an article number, not a day
    True
    """
    found = []
    for m in _SEPARATED.finditer(name):
        found.append((m.start(), _day(m.group(1), int(m.group(3)), m.group(4))))
    for m in _MONTH_NAME.finditer(name):
        found.append((m.start(), _day(m.group(1), _MONTHS[m.group(3).lower()[:3]], m.group(4))))
    for m in _COMPACT.finditer(name):
        found.append((m.start(), _day(m.group(1), int(m.group(2)), m.group(3))))
    days = [when for _, when in sorted(found, key=lambda f: f[0]) if when is not None]
    return plausible(days[0]) if days else None


def date_from_url(url: str | None) -> datetime | None:
    """The day in a URL's path (not its host or query).

    >>> date_from_url("https://www.example.com/2019/11/20/us/storm/index.html").day
    20
    """
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url.strip(), flags=re.I).split("?")[0].split("#")[0]
    return day_in(path)


def date_from_file_name(raw_path: str | None) -> datetime | None:
    """The day in a raw file's name (its folders are not used: the fetch stage names them by
    the day of the fetch, not of the publication)."""
    if not raw_path:
        return None
    return day_in(raw_path.replace("\\", "/").rsplit("/", 1)[-1])


def choose_date(article_date: datetime | None, *, feed_date: datetime | None = None, url: str | None = None,
                raw_path: str | None = None, file_time: datetime | None = None
                ) -> tuple[datetime | None, str | None]:
    """The publication time and its ``date_source``, from the best evidence there is."""
    for when, source in ((article_date, "article"), (feed_date, "feed")):
        if plausible(when) is not None:
            return when, source
    for when, source in ((date_from_url(url), "url"), (date_from_file_name(raw_path), "file-name"),
                         (plausible(file_time), "file-time")):
        if when is not None:
            return when, source
    return None, None


# ------------------------------------------------------------------ HTML pages


def page_published(tree) -> datetime | None:
    """The publication time a page states in its ``<head>`` (meta tags, then JSON-LD), with its
    time of day and zone; ``tree`` is an lxml HTML tree. None when the page states none.

    trafilatura (htmldate) reduces a page's date to the day, and sometimes picks another date
    on the page; what the publisher wrote in these tags is the reference.
    """
    metas: dict[str, str] = {}
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content") or meta.get("datetime")
        if key in PUBLISHED_META and content and key not in metas:
            metas[key] = content
    for key in PUBLISHED_META[:3]:  # the explicit publication tags
        when = plausible(parse_when(metas.get(key)))
        if when is not None:
            return when
    when = _jsonld_published(tree)
    if when is not None:
        return when
    for key in PUBLISHED_META[3:]:
        when = plausible(parse_when(metas.get(key)))
        if when is not None:
            return when
    return None


def _jsonld_published(tree) -> datetime | None:
    """``datePublished`` of the page's JSON-LD, an article's before any other object's."""
    best, other = None, None
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for obj in _objects(data):
            when = plausible(parse_when(obj.get("datePublished")))
            if when is None:
                continue
            kind = obj.get("@type")
            kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
            if _JSONLD_ARTICLE.search(kind):
                best = best or when
            else:
                other = other or when
    return best or other


def _objects(data, depth: int = 0):
    """Every JSON object in a JSON-LD document (lists and ``@graph`` included), a few levels deep."""
    if depth > 6:
        return
    if isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (dict, list)):
                yield from _objects(value, depth + 1)
    elif isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
