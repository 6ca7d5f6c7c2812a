"""The reviewer's workflow end to end: real flow runs, a real pseudo-terminal, a real headless browser.

The articles' quotes and sentences carry a <script>, an <img onerror=...> and terminal escapes:
none of them may take effect in the terminal or in the report.
"""
from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pandas as pd
import pexpect
import pytest

from support import default_signals, press

from claimtrack.review import load_flags, open_flags
from claimtrack.store import Curated

# Each bit would change the page title (script, img onerror) or the terminal (colour, window title).
PAYLOAD = ("<script>document.title=/PWNED/.source</script>"
           "<img src=x onerror=document.title=/HACKED/.source>\x1b[31m\x1b]0;owned\x07")
SHOWN_AS_TEXT = "<script>document.title=/PWNED/.source</script>"


def write_article(raw: Path, name: str, date: str, source: str, title: str, paragraphs: list[str]) -> None:
    (raw / name).write_text(json.dumps({"title": title, "source": source, "date": date,
                                        "text": "\n\n".join(paragraphs)}), encoding="utf-8")


def earlier_and_later(raw: Path) -> None:
    """Two articles two days apart: two figures contradicted and a quote with a dropped "not"."""
    write_article(raw, "earlier.json", "2018-09-17T10:00:00Z", "Daily Post", "Idlib offensive feared", [
        "Aid agencies warned on Monday about a looming offensive in northern Syria.",
        "More than 3 million civilians are at risk in Idlib, the United Nations said.",
        f'"We will not allow a massacre of the people living in Idlib province {PAYLOAD} under any '
        'circumstances," said Jan Egeland, the UN humanitarian adviser.',
        "At least 40 schools were damaged in Aleppo last month, officials said."])
    write_article(raw, "later.json", "2018-09-19T10:00:00Z", "Evening <b>Wire</b>", f"Idlib talks {PAYLOAD}", [
        "Diplomats met again on Wednesday to discuss northern Syria.",
        f"Some 2 million civilians are at risk in Idlib {PAYLOAD}, the United Nations said.",
        f'"We will allow a massacre of the people living in Idlib province {PAYLOAD} under any '
        'circumstances," said Jan Egeland, the UN humanitarian adviser.',
        "Only 10 schools were damaged in Aleppo last month, officials said."])


def run_flow(raw: Path, curated: Path) -> dict:
    from claimtrack.run.flow import nightly

    return nightly(raw_dir=str(raw), curated_dir=str(curated))


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """Raw and curated folders after one real flow run over the two articles (copied per test)."""
    base = tmp_path_factory.mktemp("review-e2e")
    raw, curated = base / "raw", base / "curated"
    raw.mkdir()
    earlier_and_later(raw)
    result = run_flow(raw, curated)
    assert result["status"] == "succeeded" and result["articles"] == 2
    return raw, curated


@pytest.fixture
def workspace_copy(first_run, tmp_path):
    raw, curated = first_run
    shutil.copytree(raw, tmp_path / "raw")
    shutil.copytree(curated, tmp_path / "curated")
    return tmp_path / "raw", tmp_path / "curated"


def flags_by_relation(curated: Path) -> dict[str, dict]:
    flags = load_flags(Curated(curated))
    return {f"{r['relation']}:{r['detail'][:60]}": r for r in flags.to_dict("records")}


def test_the_flow_flags_both_contradictions_and_the_altered_quote(first_run):
    _, curated = first_run
    flags = load_flags(Curated(curated))
    assert sorted(flags["relation"]) == ["altered", "contradiction", "contradiction"]
    assert set(flags["status"]) == {"open"}


# ------------------------------------------------------------------ the terminal walk


def spawn_review(curated: Path, color: bool) -> pexpect.spawn:
    """``claimtrack review`` in a pseudo-terminal; everything it prints collects in ``child.logfile_read``."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    if not color:
        env["NO_COLOR"] = "1"
    child = pexpect.spawn(sys.executable, ["-m", "claimtrack", "review", "--curated", str(curated),
                                          "--reviewer", "ann"], env=env, dimensions=(50, 140), timeout=90,
                          preexec_fn=default_signals)
    child.logfile_read = io.BytesIO()
    # (a key sent while the prompt is still switching the terminal mode can be lost on a busy machine)
    child.delaybeforesend = 0.3
    return child


KEYS = re.escape("[q] quit  [?] help >")


def test_interactive_walk_saves_each_decision_at_once_even_if_the_process_is_killed(workspace_copy):
    _, curated = workspace_copy
    order = list(open_flags(load_flags(Curated(curated)))["flag_id"])  # the walk's order: most certain first
    child = spawn_review(curated, color=False)
    child.expect(r"\[1/3\]")
    child.expect(KEYS)
    press(child, "n")
    child.expect("note")
    child.sendline("asked the agency")
    child.expect("note saved")
    child.expect(KEYS)
    press(child, "c")
    child.expect(r"confirmed \(saved\)")
    child.expect(r"\[2/3\]")
    child.expect(KEYS)
    press(child, "d")
    child.expect(r"dismissed \(saved\)")
    child.expect(r"\[3/3\]")
    child.expect(KEYS)
    out = child.logfile_read.getvalue()
    child.kill(signal.SIGKILL)  # a crash while the third flag is on screen
    child.wait()
    status = load_flags(Curated(curated)).set_index("flag_id")["status"]
    assert [status[f] for f in order] == ["confirmed", "dismissed", "open"]
    reviews = pd.read_parquet(curated / "reviews")
    assert sorted(reviews["decision"].fillna("note")) == ["confirmed", "dismissed", "note"]
    assert set(reviews["reviewer"]) == {"ann"} and "asked the agency" in set(reviews["note"])
    # the article's markup shows as text; no escape byte reaches the terminal at all without colour
    assert SHOWN_AS_TEXT.encode() in out
    assert b"\x1b" not in out and b"\x9b" not in out and b"\x07" not in out


def test_interactive_colour_output_has_only_our_own_styles_and_quit_decides_nothing(workspace_copy):
    _, curated = workspace_copy
    page_time = (curated / "report.html").stat().st_mtime_ns
    child = spawn_review(curated, color=True)
    child.expect(KEYS)
    press(child, "s")
    child.expect(r"\[2/3\]")
    child.expect(KEYS)
    press(child, "q")
    child.expect(pexpect.EOF)
    out = child.logfile_read.getvalue()
    child.close()
    assert child.exitstatus == 0
    ours = re.findall(rb"\x1b\[[0-9;]*m", out)
    assert ours and set(ours) <= {b"\x1b[0m", b"\x1b[1m", b"\x1b[7m", b"\x1b[33m"}  # bold, reverse, yellow
    assert b"\x1b" not in re.sub(rb"\x1b\[[0-9;]*m", b"", out)  # the article's red and title change are gone
    assert pd.read_parquet(curated / "reviews").empty
    assert set(load_flags(Curated(curated))["status"]) == {"open"}
    assert (curated / "report.html").stat().st_mtime_ns == page_time  # nothing decided: the run's page stays


# ------------------------------------------------------------------ decisions across runs


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimtrack", *args], capture_output=True, text=True, timeout=120)


def test_dismissed_stays_dismissed_and_confirmed_stays_confirmed_across_a_second_run(workspace_copy):
    raw, curated = workspace_copy
    flags = flags_by_relation(curated)
    idlib = next(f for k, f in flags.items() if "civilians" in k)
    schools = next(f for k, f in flags.items() if "schools" in k)
    assert cli("review", "decide", idlib["flag_id"], "--dismiss", "--note", "different areas",
               "--curated", str(curated)).returncode == 0
    assert cli("review", "decide", schools["flag_id"][:8], "--confirm", "--curated", str(curated)).returncode == 0
    # a third article: it repeats the lower Idlib figure (a new flag of its own) and is otherwise new
    write_article(raw, "third.json", "2018-09-21T10:00:00Z", "Morning Star", "Idlib again", [
        "Talks resumed on Friday in Geneva.",
        "Some 2 million civilians are at risk in Idlib, the United Nations said again."])
    result = run_flow(raw, curated)
    assert result["status"] == "succeeded" and result["articles"] == 1
    after = load_flags(Curated(curated)).set_index("flag_id")
    stored = pd.read_parquet(curated / "flags").set_index("flag_id")
    assert stored.index.is_unique
    assert after.loc[idlib["flag_id"], "status"] == stored.loc[idlib["flag_id"], "status"] == "dismissed"
    assert after.loc[schools["flag_id"], "status"] == stored.loc[schools["flag_id"], "status"] == "confirmed"
    assert len(pd.read_parquet(curated / "reviews")) == 2
    listed = cli("review", "list", "--curated", str(curated)).stdout.split()
    assert idlib["flag_id"] not in listed and schools["flag_id"] not in listed
    all_listed = cli("review", "list", "--status", "all", "--curated", str(curated)).stdout
    assert idlib["flag_id"] in all_listed and schools["flag_id"] in all_listed


def test_each_decision_rewrites_the_runs_page_and_confirmed_flags_export_as_claim_reviews(workspace_copy):
    _, curated = workspace_copy
    page = curated / "report.html"
    flags = flags_by_relation(curated)
    idlib = next(f for k, f in flags.items() if "civilians" in k)
    quote = next(f for k, f in flags.items() if k.startswith("altered"))
    assert f'id="flag-{idlib["flag_id"]}"' in page.read_text()  # the run's page lists it as open
    res = cli("review", "decide", idlib["flag_id"], "--confirm", "--reviewer", "ann", "--note",
              "UN figures two days apart", "--curated", str(curated))
    assert res.returncode == 0, res.stderr
    html = page.read_text()
    assert f'id="flag-{idlib["flag_id"]}"' not in html and "confirmed by ann" in html
    assert cli("review", "decide", quote["flag_id"], "--confirm", "--reviewer", "bob",
               "--curated", str(curated)).returncode == 0
    listed = cli("review", "list", "--status", "all", "--curated", str(curated)).stdout
    assert "confirmed by ann" in listed and "UN figures two days apart" in listed and "confirmed by bob" in listed
    res = cli("export", "--curated", str(curated))
    assert res.returncode == 0, res.stderr
    reviews = {r["identifier"]: r for r in json.loads(res.stdout)}
    assert set(reviews) == {idlib["flag_id"], quote["flag_id"]}
    claim = reviews[idlib["flag_id"]]
    assert claim["claimReviewed"].startswith("Some 2 million civilians are at risk in Idlib")
    assert claim["itemReviewed"]["appearance"]["publisher"]["name"] == "Evening <b>Wire</b>"  # JSON, not HTML
    assert claim["itemReviewed"]["datePublished"].startswith("2018-09-19")
    assert claim["reviewRating"]["ratingExplanation"] == "UN figures two days apart"
    assert reviews[quote["flag_id"]]["itemReviewed"]["author"]["name"] == "Jan Egeland"
    assert reviews[quote["flag_id"]]["reviewRating"]["alternateName"] == "Altered quote"
    assert "\x1b" not in res.stdout and "\x07" not in res.stdout
    assert "</script" not in res.stdout  # safe inside a <script type="application/ld+json"> as it is


# ------------------------------------------------------------------ the report in a real browser


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("no headless browser: install Debian's chromium (apt-get install -y chromium)")


def browse(page: Path, tmp_path: Path, *mode: str) -> subprocess.CompletedProcess:
    args = [chromium(), "--headless", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path / 'chromium-profile'}",
            "--virtual-time-budget=3000", *mode, page.as_uri()]
    if os.geteuid() == 0:
        args.insert(2, "--no-sandbox")
    res = subprocess.run(args, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    return res


def decode_png(data: bytes) -> tuple[int, int, set[bytes]]:
    """Width, height and the set of RGB colours of an 8-bit, non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, ihdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", data[pos + 8:pos + 8 + n])
        elif kind == b"IDAT":
            idat.append(data[pos + 8:pos + 8 + n])
        pos += 12 + n
    w, h, depth, ctype, _, _, interlace = ihdr
    assert depth == 8 and interlace == 0 and ctype in (2, 6)
    bpp = 3 if ctype == 2 else 4
    raw, stride = zlib.decompress(b"".join(idat)), w * bpp
    prev, colours = bytearray(stride), set()
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):  # undo the PNG row filters
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        colours.update(bytes(line[i:i + 3]) for i in range(0, stride, bpp))
        prev = line
    return w, h, colours


@pytest.fixture
def report_page(workspace_copy, tmp_path) -> Path:
    _, curated = workspace_copy
    out = tmp_path / "report.html"
    res = cli("report", "--curated", str(curated), "--output", str(out))
    assert res.returncode == 0, res.stderr
    return out


def test_browser_harness_does_see_a_script_run(tmp_path):
    """The control: the same payload, unescaped, does change the title in this browser."""
    page = tmp_path / "unsafe.html"
    page.write_text(f"<!doctype html><html><head><title>safe</title></head><body><p>{PAYLOAD}</p></body></html>")
    dom = browse(page, tmp_path, "--dump-dom").stdout
    assert re.search(r"<title>(PWNED|HACKED)</title>", dom)


def test_report_in_a_real_browser_runs_nothing_and_shows_the_markup_as_text(report_page, tmp_path):
    dom = browse(report_page, tmp_path, "--dump-dom").stdout
    assert re.search(r"<title>claimtrack: 3 open flags</title>", dom)
    assert "PWNED</title>" not in dom and "HACKED</title>" not in dom
    assert "<script" not in dom.lower() and "<img" not in dom.lower()  # no element came from an article
    assert dom.count(SHOWN_AS_TEXT.replace("<", "&lt;").replace(">", "&gt;")) >= 3  # shown as text instead
    assert "\x1b" not in dom and "\x07" not in dom
    assert dom.count("<svg") == 2 and dom.count("<section") == 3  # a timeline per contradicted figure


def test_report_screenshot_shows_highlights_and_timelines(report_page, tmp_path):
    shot = tmp_path / "report.png"
    browse(report_page, tmp_path, "--window-size=1000,900", f"--screenshot={shot}")
    keep = os.environ.get("CLAIMTRACK_SCREENSHOT_DIR")  # to look at it: set this to a folder
    if keep:
        shutil.copy(shot, Path(keep) / "report.png")
        shutil.copy(report_page, Path(keep) / "report.html")
    w, h, colours = decode_png(shot.read_bytes())
    assert (w, h) == (1000, 900)
    assert bytes.fromhex("ffe066") in colours  # the highlighted figures (<mark>)
    assert bytes.fromhex("4a78b5") in colours and bytes.fromhex("d9822b") in colours  # earlier/later dots
