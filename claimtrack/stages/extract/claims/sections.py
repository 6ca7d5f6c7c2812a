"""The period a results table's section header gives the lines under it.

Wire results tables give the headline's period first, then each further period under a header
line of its own::

    ACME INC <ACM> 4TH QTR NET        (headline: the quarter)
    Shr 30 cts vs 36 cts              (the quarter)
    Year                              (header)
    Shr 1.10 dlrs vs 1.02 dlrs        (the year)

A line under "Year", "Six mths" or "Nine months" is about that span, not the headline's quarter,
so its period must come from the header above it: the nearest line before it that is not a table
row, when that line is a short period label.

>>> text = "Shr 30 cts vs 36 cts\\n\\nYear\\n\\nShr 1.10 dlrs vs 1.02 dlrs\\n"
>>> section_period(text, 0) is None, section_period(text, text.index("Shr 1.10"))
(True, 'year')
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.claims.frame import is_table_line
from claimtrack.stages.extract.claims.periods import period_of

__all__ = ["section_period", "fill_section_periods"]

#: a header names a span and little else: "Year", "Six mths", "1st half", "Nine months to Sept 30"
_HEADER = re.compile(r"^(?:(?:fiscal|financial|full|current|prior)\s+)?"
                     r"(?:year|yr|qtr|quarter|half|(?:\w+\s+)?(?:mths|months|weeks|wks)|\w+\s+(?:qtr|quarter|half))"
                     r"\b[\w\s,./-]{0,30}$", re.I)
#: a results row with one figure ("Shr 13 cts vs nil", "Dividend 10 cts")
_ROW_VS = re.compile(r"\bvs\b")
_ROW_LINE = re.compile(r"[A-Z][\w./-]*(?:\s+[\w./-]+){0,4}\s+\d[\d,.]*(?:\s+\w+)?$")


def _is_row(line: str) -> bool:
    """A row of a results table: "vs" as a word, or a label and a figure, the whole line
    (searched only where it can match: "vs" when the line has it, the label at its start when
    the line has the seven words or fewer that _ROW_LINE's pieces and the spaces between them
    allow: most sentences have more).

    >>> _is_row("Net 5 mln vs 4 mln"), _is_row("Revs 12.5 mln"), _is_row("The firm earned 5 mln.")
    (True, True, False)
    """
    return ("vs" in line and _ROW_VS.search(line) is not None) or (
        len(line.split(None, 7)) <= 7 and _ROW_LINE.match(line) is not None)
#: how far back a header is looked for (a results table is a few dozen lines)
_LOOK_BACK = 3000


def section_period(text: str, line_start: int) -> str | None:
    """The period the section header above the table line at ``line_start`` names (``period_of``
    of the header, or "year" / "quarter" for a bare "Year" / "Qtr"); None for the first section
    (whose period is the headline's) or when the line is not under a header.

    >>> section_period("Net 5 mln vs 4 mln\\n\\nSix mths\\nNet 9 mln vs 7 mln", 29)
    '6M'
    >>> section_period("The company said net rose.\\nNet 5 mln vs 4 mln", 27) is None
    True
    """
    if not text or line_start <= 0:
        return None
    before = text[max(0, line_start - _LOOK_BACK):line_start]
    for line in reversed(before.splitlines()):
        line = line.strip()
        if not line:
            continue
        if len(line.split()) > 6 or line.endswith(".") or not _HEADER.match(line):
            if is_table_line(line) or _is_row(line):
                continue  # another row of the same section
            return None
        words = line.lower().split()
        if words[-1] in ("qtr", "quarter") and len(words) <= 2 and period_of(line) is None:
            return None  # "Qtr": the headline's own quarter
        return period_of(line) or ("year" if {"year", "yr"} & set(words) else " ".join(words))
    return None


def fill_section_periods(claims: list, text: str) -> list:
    r"""Give each table-line claim with no period of its own the period of its section header
    (in place; returns the list).

    >>> from claimtrack.records import Claim
    >>> text = "Net 5 mln vs 4 mln\n\nYear\n\nNet 9 mln vs 7 mln"
    >>> c = Claim("c", "a", "9 mln", 9e6, 9e6, 9e6, "exact", 30, 35, noun="net", subject=[],
    ...           sentence="Net 9 mln vs 7 mln", sentence_start=text.index("Net 9"))
    >>> fill_section_periods([c], text)[0].period
    'year'
    """
    for c in claims:
        if c.period is None and c.sentence_start is not None and c.sentence_start > 0 and (
                is_table_line(c.sentence) or _is_row(c.sentence or "")):
            c.period = section_period(text, c.sentence_start)
    return claims
