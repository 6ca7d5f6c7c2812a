"""The fetch stage against a real HTTP server on 127.0.0.1: feeds, pages, limits, state."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest

from claimtrack.stages import fetch as feeds
from claimtrack.stages.parse import parse_bytes

PAGE = """<!doctype html><html><head><title>{title}</title>
<meta property="og:title" content="{title}"><meta name="author" content="Ana Lima">
<meta property="article:published_time" content="2026-11-{day}T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>
<p>The harbour authority said on Tuesday that {n} ships were waiting to unload grain at the northern port.</p>
<p>"We expect the queue to clear within a week," said port director Maria Ruiz, adding that two more cranes were on order.</p>
<p>Traders said the delays had pushed local wheat prices up by about 4 percent since the start of the month.</p>
</article><footer>Contact us</footer></body></html>"""


def rss(base: str, items: list[tuple[str, str]]) -> str:
    entries = "".join(f"<item><title>{t}</title><link>{link}</link><guid>{base}/id/{t}</guid></item>"
                      for t, link in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Port news</title>{entries}</channel></rss>'


ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Desk</title><id>urn:desk</id><updated>2026-11-20T00:00:00Z</updated>
<entry><id>urn:desk:1</id><title>Inline</title><updated>2026-11-20T00:00:00Z</updated>
<content type="html">&lt;p&gt;The city council said on Monday that 120 new buses would enter service next spring, replacing vehicles more than fifteen years old.&lt;/p&gt;</content>
</entry></feed>"""


class Site:
    """Routes -> (status, content type, body); records every request path and User-Agent."""

    def __init__(self):
        self.routes: dict[str, tuple[int, str, bytes]] = {}
        self.hits: list[tuple[str, str]] = []
        self.fail_next: dict[str, int] = {}

    def handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.hits.append((self.path, self.headers.get("User-Agent", "")))
                if site.fail_next.get(self.path, 0) > 0:
                    site.fail_next[self.path] -= 1
                    status, ctype, body = 503, "text/plain", b"busy"
                else:
                    status, ctype, body = site.routes.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler


@pytest.fixture
def site():
    s = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), s.handler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield s
    server.shutdown()
    server.server_close()


def publish(site: Site, n_pages: int = 2, extra: list[tuple[str, str]] = ()):
    items = []
    for k in range(n_pages):
        path = f"/news/story-{k}.html"
        site.routes[path] = (200, "text/html; charset=utf-8",
                             PAGE.format(title=f"Grain ships wait {k}", day=10 + k, n=40 + k).encode())
        items.append((f"story-{k}", site.base + path))
    site.routes["/rss.xml"] = (200, "application/rss+xml", rss(site.base, items + list(extra)).encode())
    site.routes["/atom.xml"] = (200, "application/atom+xml", ATOM.encode())


def config(site: Site, **kw) -> feeds.FetchConfig:
    settings = {"delay": 0.0, "retry_delay": 0.0, "user_agent": "claimtrack-test/1.0"} | kw
    return feeds.FetchConfig(feeds=(feeds.Feed(site.base + "/rss.xml"), feeds.Feed(site.base + "/atom.xml")),
                             **settings)


def test_new_items_are_saved_as_html_that_parses_into_articles(site, tmp_path):
    publish(site)
    report = feeds.fetch_all(config(site), tmp_path, day="2026-11-25")
    assert len(report.saved) == 3 and not report.failed and not report.feeds_failed
    saved = sorted((tmp_path / "2026-11-25").iterdir())
    assert [p.suffix for p in saved] == [".html"] * 3
    texts = []
    for p in saved:
        articles, rejections = parse_bytes(str(p), p.read_bytes())
        assert not rejections
        texts.append(articles[0].text)
    assert any("ships were waiting to unload grain" in t for t in texts)
    assert any("120 new buses" in t for t in texts)  # the Atom entry's in-feed content
    assert {ua for _, ua in site.hits} == {"claimtrack-test/1.0"}


def test_no_item_is_fetched_twice_even_from_a_second_feed(site, tmp_path):
    publish(site)
    cfg = config(site)
    feeds.fetch_all(cfg, tmp_path, day="2026-11-25")
    pages_before = [p for p, _ in site.hits if p.startswith("/news/")]
    # the next night: one more story; the old ones are still listed
    publish(site, n_pages=3)
    report = feeds.fetch_all(cfg, tmp_path, day="2026-11-26")
    pages_after = [p for p, _ in site.hits if p.startswith("/news/")]
    assert sorted(pages_after[len(pages_before):]) == ["/news/story-2.html"]
    assert report.already_seen == 3 and len(report.saved) == 1
    assert [p.name for p in (tmp_path / "2026-11-26").iterdir()] == [report.saved[0].rsplit("/", 1)[1]]
    # the same link listed under another id in another feed is not fetched either
    site.routes["/other.xml"] = (200, "application/rss+xml",
                                 rss(site.base, [("dup", site.base + "/news/story-0.html")]).encode())
    again = feeds.fetch_all(feeds.FetchConfig(feeds=(feeds.Feed(site.base + "/other.xml"),), delay=0),
                            tmp_path, day="2026-11-26")
    assert again.saved == [] and again.already_seen == 1


def test_size_cap_non_html_and_non_http_links_are_refused_for_good(site, tmp_path):
    site.routes["/big.html"] = (200, "text/html", b"<p>" + b"x" * 50_000 + b"</p>")
    site.routes["/data.pdf"] = (200, "application/pdf", b"%PDF-1.4")
    publish(site, n_pages=1, extra=[("big", site.base + "/big.html"), ("pdf", site.base + "/data.pdf"),
                                    ("local", "file:///etc/passwd"), ("gone", site.base + "/gone.html")])
    cfg = config(site, max_bytes=20_000)
    report = feeds.fetch_all(cfg, tmp_path, day="2026-11-25")
    why = dict(report.failed)
    assert "byte limit" in why[site.base + "/big.html"]
    assert "not an HTML page" in why[site.base + "/data.pdf"]
    local = [w for url, w in why.items() if url.startswith("file:")]
    assert len(local) == 1 and "not an http(s) URL" in local[0]
    assert "HTTP 404" in why[site.base + "/gone.html"]
    assert len(report.saved) == 2  # story-0 and the Atom entry
    assert not any("passwd" in p.name for p in (tmp_path / "2026-11-25").iterdir())
    hits = len(site.hits)
    report = feeds.fetch_all(cfg, tmp_path, day="2026-11-26")
    assert report.failed == [] and report.saved == []
    asked = [p for p, _ in site.hits[hits:] if p != "/robots.txt"]
    assert sorted(asked) == ["/atom.xml", "/rss.xml"]  # refused items are not asked for again


def test_transient_failure_is_retried_next_run_not_recorded(site, tmp_path):
    publish(site, n_pages=1)
    site.fail_next["/news/story-0.html"] = 1
    first = feeds.fetch_all(config(site), tmp_path, day="2026-11-25")
    assert [url for url, _ in first.failed] == [site.base + "/news/story-0.html"]
    second = feeds.fetch_all(config(site), tmp_path, day="2026-11-25")
    assert len(second.saved) == 1 and second.failed == []


def test_a_dead_feed_is_reported_and_the_others_still_fetched(site, tmp_path):
    publish(site, n_pages=1)
    cfg = feeds.FetchConfig(feeds=(feeds.Feed(site.base + "/missing.xml"), feeds.Feed(site.base + "/rss.xml")),
                            delay=0)
    report = feeds.fetch_all(cfg, tmp_path, day="2026-11-25")
    assert [url for url, _ in report.feeds_failed] == [site.base + "/missing.xml"]
    assert len(report.saved) == 1


def test_host_pacer_spaces_requests_to_one_host_only():
    now = [100.0]
    slept = []
    pacer = feeds.HostPacer(2.0, clock=lambda: now[0], sleep=lambda s: slept.append(s))
    pacer.wait("https://a.example/1")
    pacer.wait("https://b.example/1")
    pacer.wait("https://a.example/2")
    assert slept == [2.0]
    now[0] += 5
    pacer.wait("https://a.example/3")
    assert slept == [2.0]


def test_config_file_is_checked(tmp_path):
    path = tmp_path / "claimtrack.toml"
    path.write_text('[fetch]\nenabled = true\ndelay = 1.5\n\n[[feeds]]\nurl = "https://example.org/rss"\n')
    cfg = feeds.load_config(path)
    assert cfg.enabled and cfg.delay == 1.5 and cfg.feeds == (feeds.Feed("https://example.org/rss"),)
    path.write_text('[[feeds]]\nurl = "ftp://example.org/rss"\n')
    with pytest.raises(feeds.ConfigError, match="not an http"):
        feeds.load_config(path)
    path.write_text('[fetch]\ntimout = 3\n')
    with pytest.raises(feeds.ConfigError, match="unknown setting"):
        feeds.load_config(path)
    path.write_text('[fetch\n')
    with pytest.raises(feeds.ConfigError, match="not valid TOML"):
        feeds.load_config(path)


def test_flow_fetches_with_prefect_retries_then_ingests(site, tmp_path):
    """The whole flow with fetch on: a 503 is retried by Prefect within the run."""
    from claimtrack.run.flow import nightly

    publish(site, n_pages=2)
    site.fail_next["/news/story-1.html"] = 1
    cfg = tmp_path / "claimtrack.toml"
    cfg.write_text(f'[fetch]\ndelay = 0\nretry_delay = 0\n\n[[feeds]]\nurl = "{site.base}/rss.xml"\n')
    raw, curated = tmp_path / "raw", tmp_path / "curated"
    raw.mkdir()
    result = nightly(raw_dir=str(raw), curated_dir=str(curated), fetch=True, config=str(cfg))
    assert result["fetched"]["saved"] == 2 and result["fetched"]["failed"] == []
    assert [p for p, _ in site.hits].count("/news/story-1.html") == 2  # failed once, retried once
    articles = pd.read_parquet(curated / "articles")
    assert len(articles) == 2 and articles["text"].str.contains("ships were waiting").all()
    assert "fetch" in result["stage_seconds"]
    # the next run fetches nothing new and ingests nothing new
    again = nightly(raw_dir=str(raw), curated_dir=str(curated), fetch=True, config=str(cfg))
    assert again["fetched"]["saved"] == 0 and again["status"] == "nothing-new"


def test_the_example_config_in_the_repository_loads_and_is_off():
    from support import REPO

    cfg = feeds.load_config(REPO / "claimtrack.example.toml")
    assert cfg.enabled is False and len(cfg.feeds) >= 1
    assert all(f.url.startswith("https://") for f in cfg.feeds)


def test_pages_disallowed_by_robots_txt_are_not_fetched(site, tmp_path):
    publish(site, n_pages=2)
    site.routes["/robots.txt"] = (200, "text/plain", b"User-agent: *\nDisallow: /news/story-1\n")
    report = feeds.fetch_all(config(site), tmp_path, day="2026-11-25")
    assert [url for url, _ in report.failed] == [site.base + "/news/story-1.html"]
    assert "robots.txt" in report.failed[0][1]
    paths = [p for p, _ in site.hits]
    assert "/news/story-0.html" in paths and "/news/story-1.html" not in paths
    assert paths.count("/robots.txt") == 1  # read once per host and run
    off = feeds.fetch_all(config(site, respect_robots=False), tmp_path / "other", day="2026-11-25")
    assert len(off.saved) == 3


UNDATED_PAGE = """<!doctype html><html><head><title>Bridge closed</title></head><body><article>
<h1>Bridge closed {k}</h1><p>The river bridge will close for {n} weeks from Monday for repairs, the highways
agency said, and drivers should expect delays of up to 20 minutes.</p></article></body></html>"""


def test_a_fetched_page_without_a_date_gets_the_feeds_date(site, tmp_path):
    from claimtrack.stages.discover import discover
    from claimtrack.stages.parse import parse_raw

    items = ""
    for k, when in ((0, "Tue, 19 Nov 2019 20:50:00 -0500"), (1, None)):
        site.routes[f"/local/bridge-{k}.html"] = (200, "text/html", UNDATED_PAGE.format(k=k, n=k + 3).encode())
        pub = f"<pubDate>{when}</pubDate>" if when else ""
        items += f"<item><title>b{k}</title><link>{site.base}/local/bridge-{k}.html</link>{pub}</item>"
    site.routes["/local.xml"] = (200, "application/rss+xml",
                                 f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode())
    report = feeds.fetch_all(feeds.FetchConfig(feeds=(feeds.Feed(site.base + "/local.xml"),), delay=0,
                                               respect_robots=False), tmp_path, day="2019-11-21")
    assert len(report.saved) == 2
    found, rejected, _ = discover(tmp_path, set())
    assert rejected == []
    articles = [art for raw in found for art in parse_raw(raw)[0]]
    by_title = {a.title: (a.published_at, a.date_source) for a in articles}
    # the feed's time, zone and all: 20:50 in New York is 01:50 UTC the next day
    assert by_title["Bridge closed 0"] == (pd.Timestamp("2019-11-20T01:50Z").to_pydatetime(), "feed")
    # no date in the page, the feed, the URL or the file name: no date (not the fetch day)
    assert by_title["Bridge closed 1"] == (None, None)


def test_the_inputs_table_of_the_config_is_checked(tmp_path, monkeypatch):
    path = tmp_path / "claimtrack.toml"
    path.write_text('[inputs]\nallow_links_to = ["archive", "/srv/news"]\nfile_time_as_date = true\n')
    inputs = feeds.load_inputs_config(path)
    assert inputs.allow_links_to == ((tmp_path / "archive").resolve(), feeds.Path("/srv/news").resolve())
    assert inputs.file_time_as_date is True
    feeds.load_config(path)  # the fetch settings load beside it
    for bad, message in (('[inputs]\nallow_links_to = "/a"\nfollow = true\n', "unknown setting"),
                         ('[inputs]\nallow_links_to = [1]\n', "list of folders"),
                         ('[inputs]\nfile_time_as_date = "yes"\n', "true or false")):
        path.write_text(bad)
        with pytest.raises(feeds.ConfigError, match=message):
            feeds.load_inputs_config(path)
        with pytest.raises(feeds.ConfigError, match=message):
            feeds.load_config(path)
    monkeypatch.chdir(tmp_path)  # no --config: claimtrack.toml of the working folder, if there is one
    path.unlink()
    assert feeds.load_inputs_config(None) == feeds.InputsConfig()
    path.write_text('[inputs]\nfile_time_as_date = true\n')
    assert feeds.load_inputs_config(None).file_time_as_date is True
