"""The validation page: every check of a night's validation on one self-contained HTML page
(``validation.html`` beside ``report.html``), readable offline.

Great Expectations' Data Docs load their styles and scripts from public CDNs and show unstyled
without the network; this page has no outside reference at all.

>>> from claimtrack.stages.validate import Failure, ValidationReport
>>> page = render_page(ValidationReport({"quotes": 9}, [Failure("quotes", "expect_x", "speaker", "warning", 2)]), "r1")
>>> "quotes.speaker" in page and "http" not in page
True
"""
from __future__ import annotations

import contextlib
import html
import logging
import os
from pathlib import Path

from claimtrack.stages.validate import ValidationReport

PAGE_NAME = "validation.html"

_STYLE = """body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:70em;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4em;text-align:left;
vertical-align:top}th{background:#f4f4f4}.critical{color:#a00;font-weight:600}.warning{color:#a60}
.ok{color:#070}code{font-size:90%}"""


def render_page(report: ValidationReport, run_id: str) -> str:
    """The page's HTML: a verdict, the checks per table, then one row per failed or warned check."""
    e = html.escape
    verdict = ("<p class=ok>Every critical check passed: the tables were published.</p>" if report.ok else
               "<p class=critical>A critical check failed: nothing was published.</p>")
    checked = "".join(f"<tr><td>{e(t)}</td><td>{n}</td></tr>" for t, n in report.checked.items())
    rows = []
    for f in report.failures:
        examples = "<br>".join(e(", ".join(f"{k} {v}" for k, v in r.items() if v is not None)) for r in f.rows) \
            or e(", ".join(map(str, f.examples[:3])))
        rows.append(f"<tr><td class={e(f.severity)}>{e(f.severity)}</td><td>{e(f.table)}.{e(f.column or '')}</td>"
                    f"<td><code>{e(f.expectation)}</code></td><td>{f.unexpected:,}</td><td>{examples}</td></tr>")
    failures = ("<table><tr><th>severity</th><th>table.column</th><th>check</th><th>rows</th><th>examples "
                "(row, article, raw file)</th></tr>" + "".join(rows) + "</table>") if rows else \
        "<p class=ok>No check failed or warned.</p>"
    return (f"<!doctype html><html lang=en><meta charset=utf-8><title>claimtrack validation {e(run_id)}</title>"
            f"<style>{_STYLE}</style><h1>Validation of run {e(run_id)}</h1>{verdict}<p>{e(report.summary())}</p>"
            f"<h2>Failed and warned checks</h2>{failures}<h2>Checks per table</h2>"
            f"<table><tr><th>table</th><th>expectations</th></tr>{checked}</table></html>\n")


def write_page(report: ValidationReport, run_id: str, folder: Path) -> Path | None:
    """Write the page into ``folder`` (atomically: a reader never sees half a page). A page that
    cannot be written (a full disk) never fails the run: it is logged, and the run goes on to
    its own verdict (whose commit then reports the disk)."""
    path = Path(folder) / PAGE_NAME
    tmp = path.with_name(f".{PAGE_NAME}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(render_page(report, run_id), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):  # no half-written page left behind (if there is one)
            tmp.unlink(missing_ok=True)
        logging.getLogger("claimtrack").warning("the validation page was not written: %s", exc.strerror or exc)
        return None
    return path
