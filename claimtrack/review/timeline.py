"""The timeline of a figure: an inline SVG of each claimed value and its interval, by date.

Drawn here (no plotting library, no script): a dot per dated claim (blue the earlier side of the
flag, orange the later one, grey the others), a bar for the interval its wording allows, value
ticks on the left and date ticks below. Date ticks are picked so that their labels never
overlap and no date is written twice: the smallest step (1 day ... 100 years) whose labels fit,
each label naming only what changed since the previous one ("18 Nov 2019", "20 Nov", "Dec").

>>> short_number(2_500_000), short_number(1200), short_number(0.5)
('2.5M', '1.2k', '0.5')
>>> [label for _, label in date_ticks(datetime(2019, 11, 17, tzinfo=timezone.utc).timestamp(),
...                                   datetime(2019, 11, 20, tzinfo=timezone.utc).timestamp(), 560)]
['17 Nov 2019', '18 Nov', '19 Nov']
"""
from __future__ import annotations

import html
import math
from datetime import datetime, timedelta, timezone

from claimtrack.review.text import display_text

EARLIER_COLOUR, LATER_COLOUR, OTHER_COLOUR = "#4a78b5", "#d9822b", "#8a8a8a"
#: an axis label's width per character at font-size 11 (generous: digits and capitals are wide)
CHAR_PX = 6.6
#: the least free space between two date labels
LABEL_GAP_PX = 10
#: at most this many date ticks (a busier axis is harder to read, even when the labels fit)
MAX_DATE_TICKS = 8


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
    if hi - lo <= 0:
        pad = abs(lo) * 0.2 or 1.0
        lo, hi = lo - pad, hi + pad
    raw = (hi - lo) / n
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first, last = math.floor(lo / step) * step, math.ceil(hi / step) * step
    return [float(first + i * step) for i in range(int(round((last - first) / step)) + 1)]


def day(ts) -> str:
    """A date as the page writes it ("17 Sep 2018"), or "date unknown"."""
    if ts is None or ts != ts:
        return "date unknown"
    return f"{ts:%d %b %Y}"


_UNIT_SECONDS = {"day": 86400, "month": 28 * 86400, "year": 365 * 86400}  # at least: a month is 28 days or more
# date steps, smallest first: (unit, count)
_STEPS = [("day", 1), ("day", 2), ("day", 7), ("day", 14), ("month", 1), ("month", 2), ("month", 3),
          ("month", 6), ("year", 1), ("year", 2), ("year", 5), ("year", 10), ("year", 20), ("year", 50), ("year", 100)]


def _tick_dates(start: datetime, end: datetime, unit: str, count: int) -> list[datetime]:
    """Calendar-aligned dates from ``start`` to ``end`` every ``count`` ``unit``s (UTC; days at noon,
    months and years at their first midnight)."""
    out = []
    if unit == "day":  # at noon: the label names the whole day, and a dot of that day sits near it
        noon = timedelta(hours=12)
        m = datetime(start.year, start.month, start.day, tzinfo=timezone.utc)
        if m + noon < start:
            m += timedelta(days=1)
        if count > 1:  # weeks start on Mondays, two-day steps on even days of the epoch
            m += timedelta(days=-(m - datetime(1970, 1, 5, tzinfo=timezone.utc)).days % count)
        while m + noon <= end:
            out.append(m + noon)
            m += timedelta(days=count)
        return out
    if unit == "month":
        index = start.year * 12 + start.month - 1 + (start.day > 1 or start.hour or start.minute or start.second > 0)
        index += -index % count
        while True:
            t = datetime(index // 12, index % 12 + 1, 1, tzinfo=timezone.utc)
            if t > end:
                return out
            out.append(t)
            index += count
    year = start.year + (start > datetime(start.year, 1, 1, tzinfo=timezone.utc))
    year += -year % count
    while year <= end.year and year <= 9999:
        out.append(datetime(year, 1, 1, tzinfo=timezone.utc))
        year += count
    return out


def _labels(dates: list[datetime], unit: str) -> list[str]:
    """Each date written with only what changed since the previous label (the year once per year)."""
    out, last = [], None
    for t in dates:
        if unit == "year":
            out.append(f"{t.year}")
        elif unit == "month":
            out.append(f"{t:%b %Y}" if last is None or t.year != last.year else f"{t:%b}")
        else:
            out.append(f"{t.day} {t:%b %Y}" if last is None or t.year != last.year else f"{t.day} {t:%b}")
        last = t
    return out


def date_ticks(x0: float, x1: float, plot_width: float) -> list[tuple[float, str]]:
    """(time, label) ticks for times ``x0``..``x1`` (seconds) across ``plot_width`` pixels:
    the finest calendar step whose labels, centred on their ticks, neither overlap nor leave
    the plot, with at most ``MAX_DATE_TICKS``; a step with a single tick is taken only when no
    step has two.
    """
    start, end = (datetime.fromtimestamp(x, timezone.utc) for x in (x0, x1))
    scale = plot_width / (x1 - x0)
    single = None
    for unit, count in _STEPS:
        if (x1 - x0) / (_UNIT_SECONDS[unit] * count) > MAX_DATE_TICKS + 1:  # too many ticks: skip the work
            continue
        dates = _tick_dates(start, end, unit, count)
        labels = _labels(dates, unit)
        xs = [(t.timestamp() - x0) * scale for t in dates]
        half = [len(label) * CHAR_PX / 2 for label in labels]
        inside = all(x - h >= -20 and x + h <= plot_width + 20 for x, h in zip(xs, half))  # the frame's margins
        apart = all(xs[i + 1] - xs[i] >= half[i] + half[i + 1] + LABEL_GAP_PX for i in range(len(xs) - 1))
        if not (dates and inside and apart) or len(dates) > MAX_DATE_TICKS:
            continue
        if len(dates) >= 2:
            return [(t.timestamp(), label) for t, label in zip(dates, labels)]
        single = single or [(dates[0].timestamp(), labels[0])]
    return single or []


def _records(rows) -> list[dict]:
    """Rows as dicts: a DataFrame's ``to_dict("records")``, or the list of dicts given."""
    return rows.to_dict("records") if hasattr(rows, "to_dict") else list(rows)


def who_of(row: dict) -> str:
    """Who made a claim, for a history row: the speaker, else the article's author, else its source."""
    for key in ("speaker", "author", "source"):
        text = display_text(row.get(key))
        if text:
            return text
    return ""


def timeline_svg(history, earlier_id: str, later_id: str, width: int = 640, height: int = 190) -> str:
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
    if x1 - x0 < 60 * 86400:  # a span of days: whole days, so each day's label sits over its day
        x0, x1 = x0 - x0 % 86400, x1 - x1 % 86400 + 86400
    span = x1 - x0
    x0, x1 = x0 - span * 0.04, x1 + span * 0.04  # keep the dots off the frame
    ticks = nice_ticks(min(lows), max(highs))
    y0, y1 = ticks[0], ticks[-1]
    plot_width = width - left - right

    def px(x):
        return left + (x - x0) / (x1 - x0) * plot_width

    def py(y):
        return top + (1 - (y - y0) / (y1 - y0)) * (height - top - bottom)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'role="img" aria-label="values claimed over time">',
           f'<rect x="{left}" y="{top}" width="{plot_width}" height="{height - top - bottom}" fill="#fff" stroke="#ccc"/>']
    for v in ticks:
        y = py(v)
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end" fill="#555">{short_number(v)}</text>')
    base = height - bottom
    for x, label in date_ticks(x0, x1, plot_width):
        out.append(f'<line x1="{px(x):.1f}" x2="{px(x):.1f}" y1="{base}" y2="{base + 4}" stroke="#999"/>'
                   f'<text class="date" x="{px(x):.1f}" y="{height - 14}" font-size="11" text-anchor="middle" '
                   f'fill="#555">{label}</text>')
    placed: list[tuple[float, float, float]] = []  # dot labels drawn: left, right, baseline
    for r, x, lo, hi in zip(rows, xs, lows, highs):
        colour = EARLIER_COLOUR if r["claim_id"] == earlier_id else LATER_COLOUR if r["claim_id"] == later_id else OTHER_COLOUR
        radius = 6 if colour != OTHER_COLOUR else 4
        who = who_of(r)
        tip = f"{display_text(r.get('source')) or 'unknown source'}, {day(r['published_at'])}: {display_text(r.get('surface'))}"
        tip = html.escape(tip + (f" ({who})" if who and who != display_text(r.get("source")) else ""))
        out.append(f'<g><title>{tip}</title>'
                   f'<line x1="{px(x):.1f}" x2="{px(x):.1f}" y1="{py(hi):.1f}" y2="{py(lo):.1f}" stroke="{colour}" stroke-width="3" opacity=".45"/>'
                   f'<circle cx="{px(x):.1f}" cy="{py(r["value"]):.1f}" r="{radius}" fill="{colour}"/>')
        if len(rows) <= 12:  # few enough to label each dot with its source (unless labels would collide)
            label = f"{display_text(r.get('source'))[:24] or 'unknown'}: {display_text(r.get('surface'))[:24]}"
            right_half = px(x) > (left + width - right) / 2  # label on the side with room
            size = len(label) * CHAR_PX
            start = px(x) - 9 - size if right_half else px(x) + 9
            box = (start, start + size, py(r["value"]) + 4)
            if any(a < box[1] and box[0] < b and abs(y - box[2]) < 13 for a, b, y in placed):
                out.append("</g>")
                continue
            placed.append(box)
            out.append(f'<text x="{px(x) + (-9 if right_half else 9):.1f}" y="{py(r["value"]) + 4:.1f}" '
                       f'font-size="11" fill="#333" text-anchor="{"end" if right_half else "start"}">'
                       f'{html.escape(label)}</text>')
        out.append("</g>")
    out.append("</svg>")
    return "".join(out)
