"""The HTML review report: open flags side by side, each figure with a timeline of its values.

One self-contained page: inline CSS, inline SVG plots drawn here, no scripts, no fonts or
images from anywhere. Every string that comes from an article (sentences, sources, titles,
speakers, details) is cleaned of control characters and HTML-escaped; a Content-Security-Policy
forbids scripts as a second line of defence. Links are kept only for http(s) URLs.

>>> page = render_report([], {}, {"open": 0})
>>> page.startswith("<!doctype html>") and "<script" not in page
True
>>> short_number(2_500_000), short_number(1200), short_number(0.5)
('2.5M', '1.2k', '0.5')
"""
from __future__ import annotations

import html
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from claimtrack.review import FlagView, Side, clean_segments, clean_text

if TYPE_CHECKING:
    import pandas as pd

    from claimtrack.store import Curated

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:1em 1.5em;color:#1d1d1f;background:#fafafa}
h1{font-size:1.6em;margin:.3em 0}.summary{color:#555}
section.flag{background:#fff;border:1px solid #ddd;border-radius:6px;margin:1.2em 0;padding:.8em 1.1em}
section.flag h2{font-size:1.1em;margin:.2em 0}.rel{text-transform:uppercase;letter-spacing:.04em;color:#a33}
.detail{margin:.3em 0 .7em;color:#333}.id{font-family:ui-monospace,monospace;color:#777;font-size:.9em}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.side{border-left:4px solid #4a78b5;padding:.2em .8em;background:#f4f7fb}.side.later{border-color:#d9822b;background:#fdf6ee}
.side h3{margin:0;font-size:.8em;text-transform:uppercase;color:#666}.meta{font-size:.9em;color:#444;margin:.2em 0}
blockquote{margin:.4em 0;white-space:pre-wrap;word-wrap:break-word}
mark{background:#ffe066;padding:0 .1em;font-weight:600}.speaker.differs{background:#ffe066}
figure{margin:.8em 0 0}figcaption{font-size:.9em;color:#444}
table.history{border-collapse:collapse;font-size:.85em;margin-top:.3em;width:100%}
table.history td,table.history th{border-top:1px solid #e3e3e3;padding:.15em .4em;text-align:left;vertical-align:top}
tr.flagged{background:#fff8dc}.notes{font-size:.9em;color:#444}.howto{font-size:.85em;color:#666}
code{font-family:ui-monospace,monospace}
"""
EARLIER_COLOUR, LATER_COLOUR, OTHER_COLOUR = "#4a78b5", "#d9822b", "#8a8a8a"


def esc(value) -> str:
    """Cleaned and HTML-escaped text of an untrusted value.

    >>> esc('<img src=x onerror="alert(1)">\\x1b[31m')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    """
    return html.escape(clean_text(value), quote=True)


def short_number(v: float) -> str:
    """A compact label for an axis tick."""
    a = abs(v)
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if a >= size:
            return f"{v / size:.3g}{suffix}"
    return f"{v:.3g}"


def nice_ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    """Round axis ticks covering [lo, hi] (steps of 1, 2, 2.5 or 5 times a power of ten).

    >>> nice_ticks(2_000_000, 6_000_000)
    [2000000.0, 3000000.0, 4000000.0, 5000000.0, 6000000.0]
    >>> nice_ticks(5, 5)
    [4.0, 4.5, 5.0, 5.5, 6.0]
    """
    import math

    if hi - lo <= 0:
        pad = abs(lo) * 0.2 or 1.0
        lo, hi = lo - pad, hi + pad
    raw = (hi - lo) / n
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first, last = math.floor(lo / step) * step, math.ceil(hi / step) * step
    return [float(first + i * step) for i in range(int(round((last - first) / step)) + 1)]


def day(ts) -> str:
    if ts is None or ts != ts:
        return "date unknown"
    return f"{ts:%d %b %Y}"


def _marked(parts: list[tuple[str, bool]]) -> str:
    return "".join(f"<mark>{html.escape(t)}</mark>" if hl else html.escape(t) for t, hl in clean_segments(parts))


def _link(url, label: str) -> str:
    url = clean_text(url)
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


def _records(rows: "pd.DataFrame | list[dict]") -> list[dict]:
    """Rows as dicts: a DataFrame's ``to_dict("records")``, or the list of dicts given."""
    return rows.to_dict("records") if hasattr(rows, "to_dict") else list(rows)


def timeline_svg(history: "pd.DataFrame | list[dict]", earlier_id: str, later_id: str, width: int = 640, height: int = 190) -> str:
    """An inline SVG: each claimed value (dot) and the interval its wording allows (bar) by date."""
    rows = [r for r in _records(history) if r.get("published_at") is not None
            and r["published_at"] == r["published_at"]]
    if not rows:
        return ""
    left, right, top, bottom = 64, 16, 12, 34
    xs = [r["published_at"].timestamp() for r in rows]
    lows = [min(r["low"], r["value"]) for r in rows]
    highs = [max(r["high"], r["value"]) for r in rows]
    x0, x1 = min(xs), max(xs)
    if x1 - x0 < 86400:
        x0, x1 = x0 - 86400, x1 + 86400
    span = x1 - x0
    x0, x1 = x0 - span * 0.06, x1 + span * 0.06  # keep the dots off the frame
    ticks = nice_ticks(min(lows), max(highs))
    y0, y1 = ticks[0], ticks[-1]

    def px(x):
        return left + (x - x0) / (x1 - x0) * (width - left - right)

    def py(y):
        return top + (1 - (y - y0) / (y1 - y0)) * (height - top - bottom)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="values claimed over time">',
           f'<rect x="{left}" y="{top}" width="{width - left - right}" height="{height - top - bottom}" fill="#fff" stroke="#ccc"/>']
    for v in ticks:
        y = py(v)
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#555">{short_number(v)}</text>')
    for x, anchor in ((min(xs), "start"), (max(xs), "end")):  # the date span
        label = day(datetime.fromtimestamp(x, timezone.utc))
        out.append(f'<text x="{px(x):.1f}" y="{height - 12}" font-size="11" text-anchor="{anchor}" fill="#555">{label}</text>')
    for r, x, lo, hi in zip(rows, xs, lows, highs):
        colour = EARLIER_COLOUR if r["claim_id"] == earlier_id else LATER_COLOUR if r["claim_id"] == later_id else OTHER_COLOUR
        radius = 6 if colour != OTHER_COLOUR else 4
        tip = f"{esc(r.get('source')) or 'unknown source'}, {day(r['published_at'])}: {esc(r.get('surface'))}"
        if r.get("speaker") == r.get("speaker") and r.get("speaker"):
            tip += f" ({esc(r['speaker'])})"
        out.append(f'<g><title>{tip}</title>'
                   f'<line x1="{px(x):.1f}" x2="{px(x):.1f}" y1="{py(hi):.1f}" y2="{py(lo):.1f}" stroke="{colour}" stroke-width="3" opacity=".45"/>'
                   f'<circle cx="{px(x):.1f}" cy="{py(r["value"]):.1f}" r="{radius}" fill="{colour}"/>')
        if len(rows) <= 12:  # few enough to label each dot with its source
            label = f"{clean_text(r.get('source'))[:24] or 'unknown'}: {clean_text(r.get('surface'))[:24]}"
            right_half = px(x) > (left + width - right) / 2  # label on the side with room
            out.append(f'<text x="{px(x) + (-9 if right_half else 9):.1f}" y="{py(r["value"]) + 4:.1f}" '
                       f'font-size="11" fill="#333" text-anchor="{"end" if right_half else "start"}">'
                       f'{html.escape(label)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)


MAX_TABLE_ROWS = 25


def history_table(history: "pd.DataFrame | list[dict]", flagged: set[str], limit: int = MAX_TABLE_ROWS) -> str:
    """Who said what, when: the flagged claims and the latest others, ``limit`` rows at most."""
    records = _records(history)
    keep = {i for i, r in enumerate(records) if r["claim_id"] in flagged}
    keep |= set(range(len(records) - 1, -1, -1)[: max(0, limit - len(keep))])
    left_out = len(records) - len(keep)
    rows = []
    for r in (records[i] for i in sorted(keep)):
        sentence = clean_text(r.get("sentence"))
        surface = clean_text(r.get("surface"))
        at = sentence.find(surface) if surface else -1
        said = (html.escape(sentence[:at]) + f"<mark>{html.escape(surface)}</mark>" + html.escape(sentence[at + len(surface):])
                if at >= 0 else html.escape(sentence or surface))
        speaker = esc(r.get("speaker")) if r.get("speaker") == r.get("speaker") else ""
        cls = ' class="flagged"' if r["claim_id"] in flagged else ""
        rows.append(f"<tr{cls}><td>{day(r.get('published_at'))}</td><td>{esc(r.get('source'))}</td>"
                    f"<td>{speaker}</td><td>{said}</td></tr>")
    more = f'<tr><td colspan="4">… and {left_out} earlier claims</td></tr>' if left_out else ""
    return ('<table class="history"><thead><tr><th>when</th><th>source</th><th>who</th><th>what</th></tr></thead>'
            f"<tbody>{''.join(rows)}{more}</tbody></table>")


def quote_table(versions: "pd.DataFrame", flagged: set[str]) -> str:
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


def flag_html(view: FlagView, history: "pd.DataFrame | list[dict] | None", versions: "pd.DataFrame | None" = None) -> str:
    status = f" · <b>{esc(view.status)}</b>" if view.status != "open" else ""
    head = (f'<h2><span class="rel">{esc(view.relation)}</span> · {esc(view.kind)}{status} '
            f'<span class="id">flag {esc(view.flag_id)}</span></h2>'
            f'<p class="detail">{esc(view.detail)}</p>')
    sides = f'<div class="sides">{side_html(view.earlier, "earlier")}{side_html(view.later, "later")}</div>'
    figure = ""
    if history is not None and len(history):
        history = _records(history)
        noun = next((clean_text(r["noun"]) for r in history if r["noun"] is not None and r["noun"] == r["noun"]),
                    "this figure")
        figure = (f"<figure>{timeline_svg(history, view.earlier.item_id, view.later.item_id)}"
                  f"<figcaption>Every value claimed for {html.escape(noun)} over time "
                  f"({len(history)} claim{'s' if len(history) != 1 else ''}; blue: earlier, orange: later, "
                  f"bars: the interval the wording allows).</figcaption>"
                  f"{history_table(history, {view.earlier.item_id, view.later.item_id})}</figure>")
    if versions is not None and len(versions) > 2:  # more than the two shown side by side
        figure += quote_table(versions, {view.earlier.item_id, view.later.item_id})
    notes = "".join(f"<li>{esc(n)}</li>" for n in view.notes)
    notes = f'<ul class="notes">{notes}</ul>' if notes else ""
    howto = (f'<p class="howto">Decide: <code>claimtrack review decide {esc(view.flag_id)} --confirm</code> '
             f"or <code>--dismiss</code></p>")
    return f'<section class="flag" id="flag-{esc(view.flag_id)}">{head}{sides}{figure}{notes}{howto}</section>'


def render_report(views: list[FlagView], histories: dict[str, "pd.DataFrame | list[dict]"], counts: dict[str, int],
                  generated_at: datetime | None = None, status: str = "open",
                  versions: dict[str, "pd.DataFrame"] | None = None, total: int | None = None) -> str:
    """The whole page (a pure function of its inputs); ``total``: how many flags ``views`` was cut from."""
    generated_at = generated_at or datetime.now(timezone.utc)
    summary = ", ".join(f"{n} {s}" for s, n in counts.items())
    if total is not None and total > len(views):
        summary += (f". This page shows the oldest {len(views)} of {total}; "
                    f"`claimtrack review list` lists them all")
    what = "open" if status == "open" else "all" if status in (None, "all") else html.escape(status)
    versions = versions or {}
    body = "".join(flag_html(v, histories.get(v.flag_id), versions.get(v.flag_id)) for v in views) or f"<p>No {what} flags.</p>"
    return ("<!doctype html>\n"
            f'<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>claimtrack: {len(views)} {'' if what == 'all' else what + ' '}flag{'s' if len(views) != 1 else ''}</title><style>{STYLE}</style></head>"
            f"<body><h1>claimtrack: {what} flags</h1>"
            f'<p class="summary">Flags: {html.escape(summary)}. Oldest first. Generated {generated_at:%d %b %Y %H:%M} UTC.</p>'
            f"{body}</body></html>\n")


#: flags on one page: a first night on a big archive can raise tens of thousands, and a page of
#: them all would take many minutes to build and be unreadable; the rest are one command away
MAX_FLAGS_ON_PAGE = 200


#: the columns of the stored claims that the page shows (sides, timelines, history tables)
CLAIM_COLUMNS = ["claim_id", "article_id", "surface", "value", "low", "high", "unit", "noun", "subject",
                 "speaker", "sentence", "start"]
QUOTE_COLUMNS = ["quote_id", "article_id", "text", "speaker", "sentence"]
ARTICLE_COLUMNS = ["article_id", "source", "title", "url", "published_at", "text"]


def build_report(curated: "Curated", status: str = "open", limit: int | None = MAX_FLAGS_ON_PAGE) -> str:
    """Read the tables and render the page for the flags with ``status`` ("all" for every flag),
    the oldest ``limit`` of them (None: every one).

    Each table is read once, only the columns the page shows; rows are picked from it in memory
    (the whole history of a figure, the versions of a quote, both sides of each flag).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    from claimtrack.review.status import latest_status
    from claimtrack.review import figure_histories, flag_views, linked_ids, open_flags

    def rows(table: pa.Table, column: str, values) -> "pd.DataFrame":
        return table.filter(pc.is_in(table[column], value_set=pa.array(list(values), type=pa.string()))).to_pandas()

    reviews = curated.read("reviews")
    flags = latest_status(curated.read("flags"), reviews)
    counts = {s: int((flags["status"] == s).sum()) for s in ("open", "confirmed", "dismissed")}
    chosen = open_flags(flags, status)
    total = len(chosen)
    shown = chosen if limit is None else chosen[chosen["flag_id"].isin(list(chosen["flag_id"][:limit]))]
    kinds = shown["kind"].tolist()
    pairs = {fid: [e, n] for fid, e, n in zip(shown["flag_id"].tolist(), shown["earlier_id"].tolist(),
                                                shown["new_id"].tolist())}
    claim_pairs = {fid: pair for (fid, pair), kind in zip(pairs.items(), kinds) if kind == "claim"}
    quote_pairs = {fid: pair for (fid, pair), kind in zip(pairs.items(), kinds) if kind == "quote"}
    ids = set(shown["new_id"]) | set(shown["earlier_id"])

    matches = curated.read("matches", columns=["kind", "new_id", "earlier_id"]) if claim_pairs or quote_pairs else None
    claims_table = curated.read_arrow("claims", columns=CLAIM_COLUMNS)
    claims_table = claims_table.select([c for c in CLAIM_COLUMNS if c in claims_table.column_names])
    history = None
    if claim_pairs:
        # the claims of the flagged figures: linked through claim matches, or with a seed's noun
        seeds = {i for pair in claim_pairs.values() for i in pair}
        claim_matches = matches[matches["kind"] == "claim"]
        linked = linked_ids(claim_matches, seeds)
        # only the matches inside the flagged figures' components matter from here on
        claim_matches = claim_matches[claim_matches["new_id"].isin(linked) | claim_matches["earlier_id"].isin(linked)]
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
        quote_matches = matches[matches["kind"] == "quote"]
        quote_links = {fid: linked_ids(quote_matches, set(pair)) for fid, pair in quote_pairs.items()}
        versions_of = rows(quotes_table.select(["quote_id", "article_id", "text", "speaker"]), "quote_id",
                           set().union(*quote_links.values()))
    article_ids = set(view_claims["article_id"]) | set(view_quotes["article_id"])
    for frame in (history, versions_of):
        if frame is not None:
            article_ids |= set(frame["article_id"])
    articles_table = curated.read_arrow("articles", columns=ARTICLE_COLUMNS)
    articles = rows(articles_table, "article_id", article_ids) if article_ids else articles_table.slice(0, 0).to_pandas()
    meta = articles[["article_id", "source", "published_at"]]

    cited = set(view_claims["article_id"]) | set(view_quotes["article_id"])
    views = flag_views(shown, view_claims, view_quotes, articles[articles["article_id"].isin(list(cited))], reviews)
    histories: dict[str, pd.DataFrame] = {}
    if history is not None:
        history = history.merge(meta, on="article_id", how="left")
        histories = figure_histories(history, claim_matches, claim_pairs, records=True)
    versions: dict[str, pd.DataFrame] = {}
    if versions_of is not None:
        versions_of = versions_of.merge(meta, on="article_id", how="left")
        for fid, linked in quote_links.items():
            versions[fid] = versions_of[versions_of["quote_id"].isin(linked)].sort_values(
                ["published_at", "quote_id"], kind="stable", na_position="last")
    return render_report(views, histories, counts, status=status, versions=versions, total=total)


def write_report(curated: "Curated", output: Path | str, status: str = "open",
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
