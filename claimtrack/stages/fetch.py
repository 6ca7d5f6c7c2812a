"""The fetch stage: new items of RSS/Atom feeds, downloaded into ``data/raw/<date>/``.

Off by default. The feeds are listed in a TOML file (``claimtrack.toml``)::

    [fetch]
    enabled = true                      # or pass --fetch to `claimtrack run`
    user_agent = "claimtrack/0.1 (+mailto:desk@example.org)"
    timeout = 20                        # seconds for one whole download
    max_bytes = 5_000_000               # a larger item is skipped
    delay = 2.0                         # seconds between two requests to the same host
    max_items = 100                     # newest items taken from one feed per run
    retries = 2                         # Prefect task retries for transient errors
    respect_robots = true               # skip pages the site's robots.txt disallows

    [[feeds]]
    url = "https://example.org/world/rss.xml"

    [inputs]                            # how the discover stage treats the raw folder
    allow_links_to = ["/srv/archive"]   # folders outside it that symbolic links may point into
    file_time_as_date = false           # an undated file dated by its modification time

Each item's page is saved as it was served (``<host>-<hash>.html``; an item with no link but
with its content in the feed is saved from that), for the parse stage to read like any other
raw file. A hidden state file in the raw folder (``.fetched.jsonl``, one line per item, ignored
by discover) remembers every item fetched or permanently refused, by its feed id and by its
link, so no item is fetched twice, and the item's publication time in the feed: an article
whose page states no date gets that one (``date_source = "feed"``).

Example (reading a feed document; no network)::

    >>> items = parse_feed(b'<rss><channel><item><link>https://x.org/a</link>'
    ...                    b'<guid>tag:x.org,2026:a1</guid><title>A</title></item></channel></rss>',
    ...                    "https://x.org/rss")
    >>> [(i.key, i.link) for i in items]
    [('tag:x.org,2026:a1', 'https://x.org/a')]
"""
from __future__ import annotations

import hashlib
import html
import io
import json
import os
import threading
import time
import tomllib
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

DEFAULT_USER_AGENT = "claimtrack/0.1 (nightly fact-tracking; +https://pypi.org/project/claimtrack/)"
STATE_FILE = ".fetched.jsonl"
HTML_TYPES = ("text/html", "application/xhtml+xml")


class ConfigError(ValueError):
    """A feeds config that cannot be used; the message names the file and the problem."""


class FetchError(RuntimeError):
    """A download that failed. ``transient`` errors (timeouts, 5xx, 429) are worth retrying."""

    def __init__(self, message: str, transient: bool = False):
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True)
class Feed:
    url: str
    name: str | None = None


@dataclass(frozen=True)
class FetchConfig:
    feeds: tuple[Feed, ...] = ()
    enabled: bool = False
    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0
    max_bytes: int = 5_000_000
    delay: float = 2.0
    max_items: int = 100
    retries: int = 2
    retry_delay: float = 10.0
    respect_robots: bool = True


@dataclass(frozen=True)
class InputsConfig:
    """The ``[inputs]`` table: what the discover stage may read besides the raw folder's own files."""
    allow_links_to: tuple[Path, ...] = ()  # folders (resolved) that symbolic links may point into
    file_time_as_date: bool = False        # date an undated file by its modification time


@dataclass(frozen=True)
class FeedItem:
    key: str                    # the feed's own id for the item (guid/id), else its link
    link: str | None
    title: str | None = None
    content: str | None = None  # full HTML in the feed (content:encoded), when there is some
    feed_url: str = ""
    published: str | None = None  # the feed's publication time of the item, ISO 8601 UTC


@dataclass
class FetchReport:
    """What one fetch did, for the run summary."""
    saved: list[str] = field(default_factory=list)
    already_seen: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, why)
    feeds_failed: list[tuple[str, str]] = field(default_factory=list)


# ------------------------------------------------------------------ config


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL; ``FetchError`` otherwise (file:, ftp:, data: ...).

    >>> check_url("https://example.org/rss")
    'https://example.org/rss'
    """
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url!r}")
    return url


def load_config(path: Path | str) -> FetchConfig:
    """The fetch settings and feeds of a TOML file; ``ConfigError`` with one readable line if bad."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text") from None
    settings = data.get("fetch", {})
    if not isinstance(settings, dict):
        raise ConfigError(f"{path}: [fetch] must be a table")
    known = {f for f in FetchConfig.__dataclass_fields__ if f != "feeds"}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting [fetch] {unknown[0]!r} (known: {', '.join(sorted(known))})")
    feeds = []
    for k, entry in enumerate(data.get("feeds", []), 1):
        if isinstance(entry, str):
            entry = {"url": entry}
        if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
            raise ConfigError(f"{path}: feed {k} needs a url")
        try:
            check_url(entry["url"])
        except FetchError as exc:
            raise ConfigError(f"{path}: feed {k}: {exc}") from None
        feeds.append(Feed(entry["url"], entry.get("name")))
    try:
        cfg = FetchConfig(feeds=tuple(feeds), **settings)
    except TypeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    for name in ("timeout", "max_bytes", "max_items"):
        value = getattr(cfg, name)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value <= 0:
            raise ConfigError(f"{path}: [fetch] {name} must be a positive number")
    if not isinstance(cfg.enabled, bool) or not isinstance(cfg.respect_robots, bool):
        raise ConfigError(f"{path}: [fetch] enabled and respect_robots must be true or false")
    for name in ("delay", "retries", "retry_delay"):
        value = getattr(cfg, name)
        if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
            raise ConfigError(f"{path}: [fetch] {name} must be a number >= 0")
    inputs_config(data, path)  # a bad [inputs] table fails here too, before any work
    return cfg


def inputs_config(data: dict, path: Path) -> InputsConfig:
    """The ``[inputs]`` table of a loaded config; relative folders are taken from the config's folder."""
    settings = data.get("inputs", {})
    if not isinstance(settings, dict):
        raise ConfigError(f"{path}: [inputs] must be a table")
    known = set(InputsConfig.__dataclass_fields__)
    unknown = sorted(set(settings) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown setting [inputs] {unknown[0]!r} (known: {', '.join(sorted(known))})")
    folders = settings.get("allow_links_to", [])
    if isinstance(folders, str):
        folders = [folders]
    if not isinstance(folders, list) or not all(isinstance(f, str) and f.strip() for f in folders):
        raise ConfigError(f"{path}: [inputs] allow_links_to must be a list of folders")
    file_time = settings.get("file_time_as_date", False)
    if not isinstance(file_time, bool):
        raise ConfigError(f"{path}: [inputs] file_time_as_date must be true or false")
    base = path.resolve().parent
    return InputsConfig(tuple((base / Path(f).expanduser()).resolve() for f in folders), file_time)


def load_inputs_config(path: Path | str | None) -> InputsConfig:
    """The ``[inputs]`` settings of ``path`` (default ``claimtrack.toml`` if there is one); the
    defaults when there is no config. ``ConfigError`` if it is bad."""
    if path is None:
        path = Path("claimtrack.toml")
        if not path.is_file():
            return InputsConfig()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    return inputs_config(data, path)


# ------------------------------------------------------------------ politeness and downloads


class HostPacer:
    """At most one request per ``delay`` seconds to each host (thread-safe)."""

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.delay, self.clock, self.sleep = delay, clock, sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            now = self.clock()
            at = max(now, self._next.get(host, now))
            self._next[host] = at + self.delay
        if at > now:
            self.sleep(at - now)


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s): urllib would otherwise follow one to ftp:."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_url(urljoin(req.full_url, newurl))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def download(url: str, cfg: FetchConfig, pacer: HostPacer | None = None) -> tuple[bytes, str]:
    """The body and content type at ``url``: http(s) only, one deadline, at most ``max_bytes``."""
    check_url(url)
    if pacer is not None:
        pacer.wait(url)
    request = urllib.request.Request(url, headers={"User-Agent": cfg.user_agent, "Accept-Encoding": "identity"})
    deadline = time.monotonic() + cfg.timeout
    try:
        with _OPENER.open(request, timeout=cfg.timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > cfg.max_bytes:
                raise FetchError(f"{url}: {int(length):,} bytes is over the {cfg.max_bytes:,}-byte limit")
            chunks, size = [], 0
            while chunk := resp.read(64 * 1024):
                size += len(chunk)
                if size > cfg.max_bytes:
                    raise FetchError(f"{url}: more than the {cfg.max_bytes:,}-byte limit")
                if time.monotonic() > deadline:  # a server trickling bytes
                    raise FetchError(f"{url}: took longer than {cfg.timeout:g} s", transient=True)
                chunks.append(chunk)
            return b"".join(chunks), resp.headers.get_content_type()
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code}", transient=exc.code >= 500 or exc.code == 429) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, FetchError):
            raise reason from None
        raise FetchError(f"{url}: {reason}", transient=True) from None
    except (TimeoutError, ConnectionError, OSError) as exc:
        if isinstance(exc, FetchError):
            raise
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}", transient=True) from None


class Robots:
    """robots.txt of each host, read once per fetch with the same limits as any download.

    A missing robots.txt (4xx) allows everything; one that cannot be read (timeout, 5xx) allows
    nothing from that host in this run, as RFC 9309 asks.
    """

    def __init__(self, cfg: FetchConfig, pacer: HostPacer | None = None):
        self.cfg, self.pacer = cfg, pacer
        self._rules: dict[str, urllib.robotparser.RobotFileParser | bool] = {}

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._rules:
            try:
                body, _ = download(site + "/robots.txt", self.cfg, self.pacer)
                rules = urllib.robotparser.RobotFileParser()
                rules.parse(body.decode("utf-8", errors="replace").splitlines())
                self._rules[site] = rules
            except FetchError as exc:
                self._rules[site] = not exc.transient and "HTTP 4" in str(exc)
        rules = self._rules[site]
        return rules if isinstance(rules, bool) else rules.can_fetch(self.cfg.user_agent, url)


# ------------------------------------------------------------------ feeds


def parse_feed(data: bytes, feed_url: str, limit: int | None = None) -> list[FeedItem]:
    """The items of an RSS or Atom document (feedparser), newest first as the feed lists them."""
    import feedparser

    # A stream, never a string: feedparser would fetch a string that looks like a URL.
    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": feed_url})
    if parsed.bozo and not parsed.entries:
        raise FetchError(f"{feed_url}: not an RSS or Atom feed ({parsed.get('bozo_exception')})")
    items = []
    for entry in parsed.entries[:limit]:
        link = entry.get("link")
        link = urljoin(feed_url, link) if link else None
        content = entry.get("content")
        html = content[0].get("value") if content else None
        key = entry.get("id") or link
        if not key:
            continue
        items.append(FeedItem(key=key, link=link, title=entry.get("title"), content=html, feed_url=feed_url,
                              published=_entry_time(entry)))
    return items


def _entry_time(entry) -> str | None:
    """The item's publication time (else its last update) as ISO 8601 UTC; feedparser gives
    both as UTC ``struct_time``."""
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(name)
        if parsed:
            try:
                return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()
            except (TypeError, ValueError):
                continue
    return None


# ------------------------------------------------------------------ state


class FetchState:
    """Items already fetched (or refused for good), kept in ``<raw>/.fetched.jsonl``."""

    def __init__(self, raw_dir: Path | str):
        self.path = Path(raw_dir) / STATE_FILE
        self.keys: set[str] = set()
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut short by a crash: that item is fetched again
                self.keys.update(k for k in (row.get("key"), row.get("link")) if k)

    def seen(self, item: FeedItem) -> bool:
        return item.key in self.keys or (item.link is not None and item.link in self.keys)

    def add(self, item: FeedItem, status: str, path: str | None = None, why: str | None = None) -> None:
        row = {"key": item.key, "link": item.link, "feed": item.feed_url, "status": status, "path": path,
               "why": why, "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
               "published": item.published}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.keys.update(k for k in (item.key, item.link) if k)


def feed_dates(raw_dir: Path | str) -> dict[str, datetime]:
    """The feed's publication time of each page saved by the fetch stage, by file name.

    (A saved page's name is unique to its item, so the folder the raw tree was moved to does not
    matter.) Empty when nothing was fetched into ``raw_dir``.
    """
    dates: dict[str, datetime] = {}
    try:
        lines = (Path(raw_dir) / STATE_FILE).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return dates
    for line in lines:
        try:
            row = json.loads(line)
            when = datetime.fromisoformat(row["published"]) if row.get("published") and row.get("path") else None
        except (ValueError, TypeError, KeyError, AttributeError):
            continue  # a line cut short by a crash, or from an older version
        if when is not None and when.tzinfo is not None:
            dates[os.path.basename(str(row["path"]))] = when
    return dates


# ------------------------------------------------------------------ one item, one feed, all feeds


def item_filename(item: FeedItem) -> str:
    """``<host>-<hash of the key>.html``: stable, so a re-fetch overwrites rather than duplicates."""
    host = (urlsplit(item.link or item.feed_url).hostname or "feed").replace(":", "_")
    return f"{host}-{hashlib.sha256(item.key.encode()).hexdigest()[:16]}.html"


def fetch_item(item: FeedItem, cfg: FetchConfig, out_dir: Path, pacer: HostPacer | None = None) -> Path:
    """Save one item's page (or its in-feed content) under ``out_dir``; returns the path."""
    # feedparser fills ``link`` from an Atom id such as "urn:x:1": the content is the item then
    if item.link and (not item.content or urlsplit(item.link).scheme in ("http", "https")):
        body, ctype = download(item.link, cfg, pacer)
        if ctype not in HTML_TYPES:
            raise FetchError(f"{item.link}: {ctype} is not an HTML page")
    elif item.content:
        # a fragment ("<p>...</p>") as a whole page, so the HTML parser finds the article in it
        title = html.escape(item.title or "")
        body = (f"<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>"
                f"<body><article><h1>{title}</h1>{item.content}</article></body></html>").encode("utf-8")
        if len(body) > cfg.max_bytes:
            raise FetchError(f"{item.key}: content over the {cfg.max_bytes:,}-byte limit")
    else:
        raise FetchError(f"{item.key}: no link and no content")
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / item_filename(item)
    tmp = path.with_name("." + path.name + ".part")  # hidden until complete: discover skips it
    tmp.write_bytes(body)
    os.replace(tmp, path)
    return path


def fetch_feed(feed: Feed, cfg: FetchConfig, pacer: HostPacer | None = None) -> list[FeedItem]:
    body, _ = download(feed.url, cfg, pacer)
    return parse_feed(body, feed.url, limit=cfg.max_items)


def fetch_all(cfg: FetchConfig, raw_dir: Path | str, day: str | None = None,
              get_feed: Callable | None = None, get_item: Callable | None = None,
              on_item: Callable[[], None] | None = None) -> FetchReport:
    """Fetch every new item of every feed into ``raw_dir/<day>/``.

    ``get_feed(feed, cfg, pacer)`` and ``get_item(item, cfg, out_dir, pacer)`` default to
    :func:`fetch_feed` and :func:`fetch_item`; the flow passes Prefect tasks (with retries).
    A feed or an item that fails is reported and skipped: it never stops the run. An item that
    failed for good (404, too large, not HTML) is remembered and not tried again; one that failed
    for a transient reason (timeout, 5xx) is tried again on the next run.
    """
    get_feed = get_feed or fetch_feed
    get_item = get_item or fetch_item
    day = day or datetime.now(timezone.utc).strftime("%Y-%m-%d")
    out_dir = Path(raw_dir) / day
    state = FetchState(raw_dir)
    pacer = HostPacer(cfg.delay)
    robots = Robots(cfg, pacer) if cfg.respect_robots else None
    report = FetchReport()
    for feed in cfg.feeds:
        try:
            items = get_feed(feed, cfg, pacer)
        except Exception as exc:
            report.feeds_failed.append((feed.url, str(exc)))
            continue
        for item in items:
            if state.seen(item):
                report.already_seen += 1
                continue
            if robots is not None and item.link and urlsplit(item.link).scheme in ("http", "https") \
                    and not robots.allowed(item.link):
                report.failed.append((item.link, "disallowed by the site's robots.txt"))
                state.add(item, "refused", why="robots.txt")
                continue
            try:
                path = get_item(item, cfg, out_dir, pacer)
            except Exception as exc:
                report.failed.append((item.link or item.key, str(exc)))
                if not getattr(exc, "transient", False):
                    state.add(item, "refused", why=str(exc)[:300])
                continue
            finally:
                if on_item:
                    on_item()
            state.add(item, "saved", path=str(path))
            report.saved.append(str(path))
    return report
