"""The HTML review report: flags side by side, most certain first, each figure with a timeline.

One self-contained page: inline CSS, inline SVG plots (``timeline``), no scripts, no fonts or
images from anywhere. Every string that comes from an article or a reviewer (sentences, sources,
titles, speakers, details, notes, reviewer names) is cleaned of control characters and
HTML-escaped; a Content-Security-Policy forbids scripts as a second line of defence. Links are
kept only for http(s) URLs.

Each flag shows why it was raised (its evidence and confidence), and its decisions and notes
with who made them and when; a decided flag shows its decision instead of the command to decide
it. The page of open flags ends with the latest decided flags, so a decision recorded since the
last run is visible at once (``refresh_report`` rewrites the page after each decision).

>>> page = render_report([], {}, {"open": 0})
>>> page.startswith("<!doctype html>") and "<script" not in page
True
"""
from __future__ import annotations

import html
import logging
import os
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from claimtrack.review.decisions import Decision, decision_histories
from claimtrack.review.history import figure_histories, linked_in, match_graph
from claimtrack.review.status import latest_status
from claimtrack.review.text import display_segments, display_text
from claimtrack.review.timeline import _records, day, timeline_svg, who_of
from claimtrack.review.views import FlagView, Side, flag_views, open_flags
from claimtrack.store import Curated

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:1em 1.5em;color:#1d1d1f;background:#fafafa}
h1{font-size:1.6em;margin:.3em 0}.summary{color:#555}
section.flag{background:#fff;border:1px solid #ddd;border-radius:6px;margin:1.2em 0;padding:.8em 1.1em}
section.flag h2{font-size:1.1em;margin:.2em 0}.rel{text-transform:uppercase;letter-spacing:.04em;color:#a33}
.detail{margin:.3em 0 .2em;color:#333}.why{margin:0 0 .7em;color:#555;font-size:.9em}
.id{font-family:ui-monospace,monospace;color:#777;font-size:.9em}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.side{border-left:4px solid #4a78b5;padding:.2em .8em;background:#f4f7fb}.side.later{border-color:#d9822b;background:#fdf6ee}
.side h3{margin:0;font-size:.8em;text-transform:uppercase;color:#666}.meta{font-size:.9em;color:#444;margin:.2em 0}
blockquote{margin:.4em 0;white-space:pre-wrap;word-wrap:break-word}
mark{background:#ffe066;padding:0 .1em;font-weight:600}.speaker.differs{background:#ffe066}
figure{margin:.8em 0 0}figcaption{font-size:.9em;color:#444}
table.history{border-collapse:collapse;font-size:.85em;margin-top:.3em;width:100%}
table.history td,table.history th{border-top:1px solid #e3e3e3;padding:.15em .4em;text-align:left;vertical-align:top}
tr.flagged{background:#fff8dc}.howto{font-size:.85em;color:#666}
.decision{font-weight:600;margin:.6em 0 .2em}.decision.confirmed{color:#1a7f37}.decision.dismissed{color:#777}
ol.log{font-size:.9em;color:#444;margin:.2em 0;padding-left:1.4em}
section.decided ul{font-size:.9em;padding-left:1.2em}
code{font-family:ui-monospace,monospace}
"""


def esc(value) -> str:
    """Cleaned and HTML-escaped text of an untrusted value.

    >>> esc('<img src=x onerror="alert(1)">\\x1b[31m')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(display_text(value), quote=True)


def _marked(parts: list[tuple[str, bool]]) -> str:
    return "".join(f"<mark>{html.escape(t)}</mark>" if hl else html.escape(t) for t, hl in display_segments(parts))


def _link(url, label: str) -> str:
    url = display_text(url)
    if url.lower().startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}" rel="noopener noreferrer">{label}</a>'
    return label


def side_html(side: Side, role: str) -> str:
    title = esc(side.title) if side.title else ""
    meta = f"<b>{esc(side.source) or 'unknown source'}</b>, {day(side.published_at)}"
    if title:
        meta += f" · {_link(side.url, title)}"
    speaker = esc(side.speaker) or "speaker unknown"
    cls = "speaker differs" if side.speaker_differs else "speaker"
    return (f'<div class="side {role}"><h3>{role}</h3><p class="meta">{meta}</p>'
            f"<blockquote>{_marked(side.parts)}</blockquote>"
            f'<p class="meta">said by <span class="{cls}">{speaker}</span></p></div>')


MAX_TABLE_ROWS = 25


def history_table(history, flagged: set[str], limit: int = MAX_TABLE_ROWS) -> str:
    """Who said what, when: the flagged claims and the latest others, ``limit`` rows at most.

    "who" is the speaker, else the article's author, else its source.
    """
    records = _records(history)
    keep = {i for i, r in enumerate(records) if r["claim_id"] in flagged}
    keep |= set(range(len(records) - 1, -1, -1)[: max(0, limit - len(keep))])
    left_out = len(records) - len(keep)
    rows = []
    for r in (records[i] for i in sorted(keep)):
        sentence = display_text(r.get("sentence"))
        surface = display_text(r.get("surface"))
        at = sentence.find(surface) if surface else -1
        said = (html.escape(sentence[:at]) + f"<mark>{html.escape(surface)}</mark>" + html.escape(sentence[at + len(surface):])
                if at >= 0 else html.escape(sentence or surface))
        cls = ' class="flagged"' if r["claim_id"] in flagged else ""
        rows.append(f"<tr{cls}><td>{day(r.get('published_at'))}</td><td>{esc(r.get('source'))}</td>"
                    f"<td>{html.escape(who_of(r))}</td><td>{said}</td></tr>")
    more = f'<tr><td colspan="4">… and {left_out} earlier claims</td></tr>' if left_out else ""
    return ('<table class="history"><thead><tr><th>when</th><th>source</th><th>who</th><th>what</th></tr></thead>'
            f"<tbody>{''.join(rows)}{more}</tbody></table>")


def quote_table(versions: pd.DataFrame, flagged: set[str]) -> str:
    """Every version of a quote, by date: who was quoted saying what, where."""
    rows = []
    for r in versions.to_dict("records"):
        cls = ' class="flagged"' if r["quote_id"] in flagged else ""
        speaker = esc(r.get("speaker")) if r.get("speaker") == r.get("speaker") else ""
        rows.append(f"<tr{cls}><td>{day(r.get('published_at'))}</td><td>{esc(r.get('source'))}</td>"
                    f"<td>{speaker or 'unknown'}</td><td>\u201c{esc(r.get('text'))}\u201d</td></tr>")
    return ('<figure><figcaption>Every version of this quote, by date.</figcaption><table class="history"><thead>'
            '<tr><th>when</th><th>source</th><th>quoted as</th><th>words</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></figure>")


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def decision_html(view: FlagView) -> str:
    """The decision (or how to make one) and the flag's log of decisions and notes, with authors."""
    decided = view.decision if view.status != "open" else None
    if decided is not None:
        head = f'<p class="decision {esc(decided.decision)}">{esc(_sentence_case(decided.line()))}</p>'
    elif view.status != "open":  # a status without a recorded decision (tables written by hand)
        head = f'<p class="decision">{esc(_sentence_case(view.status))}</p>'
    else:
        head = (f'<p class="howto">Decide: <code>claimtrack review decide {esc(view.flag_id)} --confirm</code> '
                f"or <code>--dismiss</code></p>")
    log = [d for d in view.history if d is not decided]
    if not log:
        return head
    items = "".join(f"<li>{esc(d.line())}</li>" for d in log)
    return f'{head}<ol class="log" aria-label="decisions and notes">{items}</ol>'


def flag_html(view: FlagView, history=None, versions: pd.DataFrame | None = None) -> str:
    status = f" · <b>{esc(view.status)}</b>" if view.status != "open" else ""
    head = (f'<h2><span class="rel">{esc(view.relation)}</span> · {esc(view.kind)}{status} '
            f'<span class="id">flag {esc(view.flag_id)}</span></h2>'
            f'<p class="detail">{esc(view.detail)}</p><p class="why">{esc(view.why)}</p>')
    sides = f'<div class="sides">{side_html(view.earlier, "earlier")}{side_html(view.later, "later")}</div>'
    figure = ""
    if history is not None and len(history):
        history = _records(history)
        noun = next((display_text(r["noun"]) for r in history if r.get("noun") is not None and r["noun"] == r["noun"]),
                    "this figure")
        figure = (f"<figure>{timeline_svg(history, view.earlier.item_id, view.later.item_id)}"
                  f"<figcaption>Every value claimed for {html.escape(noun)} over time "
                  f"({len(history)} claim{'s' if len(history) != 1 else ''}; blue: earlier, orange: later, "
                  f"bars: the interval the wording allows).</figcaption>"
                  f"{history_table(history, {view.earlier.item_id, view.later.item_id})}</figure>")
    if versions is not None and len(versions) > 2:  # more than the two shown side by side
        figure += quote_table(versions, {view.earlier.item_id, view.later.item_id})
    return (f'<section class="flag" id="flag-{esc(view.flag_id)}">{head}{sides}{figure}'
            f"{decision_html(view)}</section>")


def decided_html(decided: list[dict]) -> str:
    """The latest decided flags, one line each (on the page of open flags)."""
    if not decided:
        return ""
    items = "".join(f'<li><span class="id">flag {esc(d["flag_id"])}</span> · {esc(d["relation"])} · '
                    f'{esc(d["detail"])}<br><b>{esc(d["decision"].line())}</b></li>' for d in decided)
    return (f'<section class="decided"><h2>Latest decisions</h2><ul>{items}</ul>'
            '<p class="howto">All of them: <code>claimtrack report --status all</code> or '
            '<code>claimtrack review list --status all</code></p></section>')


def render_report(views: list[FlagView], histories: dict, counts: dict[str, int],
                  generated_at: datetime | None = None, status: str = "open",
                  versions: dict[str, pd.DataFrame] | None = None, total: int | None = None,
                  decided: list[dict] | None = None) -> str:
    """The whole page (a pure function of its inputs); ``total``: how many flags ``views`` was cut
    from; ``decided``: the latest decided flags to list after the open ones."""
    generated_at = generated_at or datetime.now(timezone.utc)
    summary = ", ".join(f"{n} {s}" for s, n in counts.items())
    if total is not None and total > len(views):
        summary += (f". This page shows the {len(views)} most certain of {total}; "
                    f"`claimtrack review list` lists them all")
    what = "open" if status == "open" else "all" if status in (None, "all") else html.escape(status)
    versions = versions or {}
    body = "".join(flag_html(v, histories.get(v.flag_id), versions.get(v.flag_id)) for v in views) or f"<p>No {what} flags.</p>"
    return ("<!doctype html>\n"
            f'<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>claimtrack: {len(views)} {'' if what == 'all' else what + ' '}flag{'s' if len(views) != 1 else ''}</title><style>{STYLE}</style></head>"
            f"<body><h1>claimtrack: {what} flags</h1>"
            f'<p class="summary">Flags: {html.escape(summary)}. Most certain first. '
            f"Generated {generated_at:%d %b %Y %H:%M} UTC.</p>"
            f"{body}{decided_html(decided or [])}</body></html>\n")


#: flags on one page: a first night on a big archive can raise tens of thousands, and a page of
#: them all would take many minutes to build and be unreadable; the rest are one command away
MAX_FLAGS_ON_PAGE = 200
#: decided flags listed at the end of the page of open flags, latest decision first
DECIDED_ON_PAGE = 20
#: the page beside the tables: written by each run and rewritten by each decision
REPORT_NAME = "report.html"
#: how many open flags that page shows (as the run writes it)
REPORT_FLAGS = 50

#: the columns of the stored claims that the page shows (sides, timelines, history tables)
CLAIM_COLUMNS = ["claim_id", "article_id", "surface", "value", "low", "high", "unit", "noun", "subject",
                 "speaker", "sentence", "start"]
QUOTE_COLUMNS = ["quote_id", "article_id", "text", "speaker", "sentence"]
ARTICLE_COLUMNS = ["article_id", "source", "title", "url", "author", "published_at", "text"]


def latest_decided(flags: pd.DataFrame, histories: dict[str, list[Decision]], limit: int = DECIDED_ON_PAGE) -> list[dict]:
    """The decided flags (status confirmed or dismissed), latest decision first, with that decision."""
    out = []
    for f in flags[flags["status"] != "open"].to_dict("records"):
        decision = next((d for d in reversed(histories.get(f["flag_id"], [])) if d.decision), None)
        if decision is not None:
            out.append(f | {"decision": decision})
    far_past = datetime.min.replace(tzinfo=timezone.utc)
    out.sort(key=lambda f: (f["decision"].decided_at or far_past, f["flag_id"]), reverse=True)
    return out[:limit]


def build_report(curated: Curated, status: str = "open", limit: int | None = MAX_FLAGS_ON_PAGE) -> str:
    """Read the tables and render the page for the flags with ``status`` ("all" for every flag),
    the ``limit`` most certain of them (None: every one).

    Each table is read once, only the columns the page shows; rows are picked from it in memory
    (the whole history of a figure, the versions of a quote, both sides of each flag).
    """
    def rows(table: pa.Table, column: str, values) -> pd.DataFrame:
        return table.filter(pc.is_in(table[column], value_set=pa.array(list(values), type=pa.string()))).to_pandas()

    reviews = curated.read("reviews")
    flags = latest_status(curated.read("flags"), reviews)
    counts = {s: int((flags["status"] == s).sum()) for s in ("open", "confirmed", "dismissed")}
    chosen = open_flags(flags, status)
    total = len(chosen)
    shown = chosen if limit is None else chosen.head(limit)
    kinds = shown["kind"].tolist()
    pairs = {fid: [e, n] for fid, e, n in zip(shown["flag_id"].tolist(), shown["earlier_id"].tolist(),
                                                shown["new_id"].tolist())}
    claim_pairs = {fid: pair for (fid, pair), kind in zip(pairs.items(), kinds) if kind == "claim"}
    quote_pairs = {fid: pair for (fid, pair), kind in zip(pairs.items(), kinds) if kind == "quote"}
    ids = set(shown["new_id"]) | set(shown["earlier_id"])

    matches = curated.read("matches", columns=["kind", "new_id", "earlier_id"]) if claim_pairs or quote_pairs else None
    claims_table = curated.read_arrow("claims", columns=CLAIM_COLUMNS)
    claims_table = claims_table.select([c for c in CLAIM_COLUMNS if c in claims_table.column_names])
    history = claim_graph = None
    if claim_pairs:
        # the claims of the flagged figures: linked through claim matches, or with a seed's noun
        seeds = {i for pair in claim_pairs.values() for i in pair}
        claim_graph = match_graph(matches[matches["kind"] == "claim"])
        linked = linked_in(claim_graph, seeds)
        seed_nouns = rows(claims_table.select(["claim_id", "noun"]), "claim_id", seeds)["noun"].dropna().unique()
        keep = pc.or_kleene(pc.is_in(claims_table["noun"], value_set=pa.array(list(seed_nouns), type=pa.string())),
                            pc.is_in(claims_table["claim_id"], value_set=pa.array(list(linked), type=pa.string())))
        history = claims_table.filter(keep).to_pandas()
    view_claims = rows(claims_table, "claim_id", ids) if ids else claims_table.slice(0, 0).to_pandas()
    quotes_table = curated.read_arrow("quotes", columns=QUOTE_COLUMNS)
    view_quotes = rows(quotes_table, "quote_id", ids) if ids else quotes_table.slice(0, 0).to_pandas()
    quote_links: dict[str, set[str]] = {}
    versions_of = None
    if quote_pairs:
        quote_graph = match_graph(matches[matches["kind"] == "quote"])
        quote_links = {fid: linked_in(quote_graph, set(pair)) for fid, pair in quote_pairs.items()}
        versions_of = rows(quotes_table.select(["quote_id", "article_id", "text", "speaker"]), "quote_id",
                           set().union(*quote_links.values()))
    article_ids = set(view_claims["article_id"]) | set(view_quotes["article_id"])
    for frame in (history, versions_of):
        if frame is not None:
            article_ids |= set(frame["article_id"])
    articles_table = curated.read_arrow("articles", columns=ARTICLE_COLUMNS)
    articles = rows(articles_table, "article_id", article_ids) if article_ids else articles_table.slice(0, 0).to_pandas()
    meta = articles[["article_id", "source", "author", "published_at"]]

    cited = set(view_claims["article_id"]) | set(view_quotes["article_id"])
    views = flag_views(shown, view_claims, view_quotes, articles[articles["article_id"].isin(list(cited))], reviews)
    histories: dict = {}
    if history is not None:
        history = history.merge(meta, on="article_id", how="left")
        histories = figure_histories(history, None, claim_pairs, records=True, graph=claim_graph)
    versions: dict[str, pd.DataFrame] = {}
    if versions_of is not None:
        versions_of = versions_of.merge(meta, on="article_id", how="left")
        for fid, linked in quote_links.items():
            versions[fid] = versions_of[versions_of["quote_id"].isin(linked)].sort_values(
                ["published_at", "quote_id"], kind="stable", na_position="last")
    decided = latest_decided(flags, decision_histories(reviews)) if status == "open" else None
    return render_report(views, histories, counts, status=status, versions=versions, total=total, decided=decided)


def write_report(curated: Curated, output: Path | str, status: str = "open",
                 limit: int | None = MAX_FLAGS_ON_PAGE) -> Path:
    """Write the page to ``output`` atomically (a reader never sees half a page)."""
    output = Path(output)
    page = build_report(curated, status, limit)
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(page, encoding="utf-8")
        os.replace(tmp, output)
    finally:
        tmp.unlink(missing_ok=True)
    return output


def refresh_report(curated: Curated) -> Path | None:
    """Rewrite the page beside the tables (``REPORT_NAME``, as a run writes it) after a decision.

    The decision is already committed: a page that cannot be written is logged, never raised.
    """
    try:
        return write_report(curated, curated.root / REPORT_NAME, limit=REPORT_FLAGS)
    except Exception as exc:  # noqa: BLE001
        logging.getLogger("claimtrack").warning("the review report was not rewritten: %s", exc)
        return None
