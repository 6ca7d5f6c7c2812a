"""Units carried between figures: a figure written without its unit takes the unit of the figure
it is compared with ("rose to 4.5 pct from 4.2"), of the figure "to" or "or" joins it to ("110 to
130 mln dlrs"), or of the last scaled figure of its sentence ("15.6 billion dlrs in 1986 and 10.6
billion in 1985").

>>> from claimtrack.stages.extract.claims.numbers import scan
>>> t = "Shr 1.20 dlrs vs 1.10"
>>> ms = scan(t); carry_units(t, ms); [m.unit for m in ms]
['USD', 'USD']
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.claims.units import is_money

# the second figure of a comparison leaves its unit to the first, as news writes it: "12.4 billion
# dlrs in May from 14.8 billion", "rose to 3.5 pct from 3.1", "Shr 1.40 dlrs vs 1.30", "1.4m
# tonnes, down from 1.6m": what joins them is "from", "with", "against" or "vs", after a time
# phrase at most; the two are of one size (a change "fell 5 pct from 200" is no level of 200 pct);
# a range is left alone (a span read across a unit, "two months to 3.06 billion", is no bound to copy)
_ELIDED_BETWEEN = re.compile(
    r"(?:\s+(?:in|on|at|during|for|by|last|this|a|of)\s+[^,;:()!?]{1,24}?)?,?\s+"
    r"(?:(?:up|down|compared|as)\s+)?(?:from|with|against|versus|vs\.?)\s+(?:(?:an?|the)\s+(?:revised\s+|previous\s+)?)?",
    re.I)
# ... and the second figure ends its phrase: no noun of its own follows ("12 points against 40 rivals"),
# only punctuation, the end of a line, or a word that opens the next phrase (one list for this and
# for _SCALED_AFTER: what ends a figure's phrase does not depend on how its unit was left out)
_PHRASE_NEXT = (r"in|on|at|a|an|the|last|this|next|during|earlier|previously|and|or|but|while|when|whereas|"
                r"according|it|he|she|they|to|from|by|for|over|is|was|are|were|has|had|have|will|would|could")
_ELIDED_AFTER = re.compile(r"\s*(?:[,.;:)\]]|\Z|\n|\s+(?:" + _PHRASE_NEXT + r")\b)")


def carry_units(text: str, mentions: list) -> None:
    """Give a figure written without a unit the unit of the figure it is compared with, when the
    text joins the two as above; and the unit and scale of the next figure when "to", "or" or "and"
    joins them without making a range ("roughly 2.5 to three pct", "110 to 130 mln dlrs", "a 30
    or 40 point win": one unit written once for both). Sets ``unit`` (and ``value``, ``low``,
    ``high``, ``scale`` for a shared scale) on the mentions (``.numbers.Mention``) in place.

    >>> from claimtrack.stages.extract.claims.numbers import scan
    >>> t = "Profit fell to 12.4 billion dlrs in May from 14.8 billion; it rose 5 pct from 200."
    >>> ms = scan(t); carry_units(t, ms); [(t[m.start:m.end], m.unit) for m in ms]
    [('12.4 billion dlrs', 'USD'), ('14.8 billion', 'USD'), ('5 pct', 'percent'), ('200', None)]
    >>> t = "It saves 110 to 130 mln dlrs."
    >>> ms = scan(t); carry_units(t, ms); [(m.value, m.unit) for m in ms]
    [(110000000.0, 'USD'), (130000000.0, 'USD')]
    """
    prev = None
    for men in mentions:
        if men.drop is not None:
            continue
        # (a pair more than 40 characters apart is never joined as above: most pairs, tested first)
        if prev is not None and men.start - prev.end <= 40:
            if men.unit is None:
                if men.scale == 1.0 and prev.scale != 1.0:
                    _elided_scale(text, prev, men)
                if prev.unit is not None and prev.unit not in ("fraction", "times") and prev.kind != "range" and \
                        not men.cur and men.kind in ("digits", "words") and prev.value > 0 and \
                        0.2 <= men.value / prev.value <= 5 and _ELIDED_BETWEEN.fullmatch(text, prev.end, men.start) \
                        and _ELIDED_AFTER.match(text, men.end):
                    men.unit = prev.unit
            elif prev.unit is None and men.unit != "fraction":
                _share(text, prev, men)
            if prev.unit is None and men.scale != 1.0 and men.unit is None:
                _share(text, prev, men)
        prev = men
    _carry_scaled(text, mentions)
    if _VS in text:
        _table_currency(text, mentions)


# a figure with a scale word and nothing after it ("... 11.2 billion dlrs in 1984 and 9.8 billion in
# 1983", "52.3 mln visits last year to 54.1 mln this year", "2.5 billion dlrs of the 7.5 billion"):
# news writes the unit once per sentence for a run of such figures; the last earlier figure of the
# sentence with a scale word and a unit gives it. What may follow it: the end of its phrase, or a
# word for a sum of money or a quantity that is no count of things ("a 7.08 billion deficit")
_SCALED_AFTER = re.compile(r"\s*(?:[,.;:)\]]|\Z|\s+(?:" + _PHRASE_NEXT + r"|"
                           r"(?:budget|trade|current\s+account|net|pension|annual|monthly|quarterly)?\s*(?:deficits?|surplus(?:es)?|"
                           r"allocation|quota|budget|turnover|revenues?|profits?|loss(?:es)?|debts?|ceiling|target|"
                           r"requirements?|outlays?|funds?|reserves?|spending|investments?|capital|sales|output|exports|imports)\b))")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")


def _carry_scaled(text: str, mentions: list) -> None:
    """Give a scaled figure with no unit and no noun the unit of the last scaled figure with a unit
    earlier in its sentence, within a hundred times of it (see the note above ``_SCALED_AFTER``).

    >>> from claimtrack.stages.extract.claims.numbers import scan
    >>> t = "Imports hit 11.2 billion dlrs in 1984 and 9.8 billion in 1983. It had 4 mln shares."
    >>> ms = scan(t); carry_units(t, ms); [(m.value, m.unit) for m in ms if m.scale != 1.0]
    [(11200000000.0, 'USD'), (9800000000.0, 'USD'), (4000000.0, None)]
    >>> t = "Profit was 77m euros ($100m), up from 38m."
    >>> ms = scan(t); carry_units(t, ms); [(m.value, m.unit) for m in ms]
    [(77000000.0, 'EUR'), (100000000.0, 'USD'), (38000000.0, 'EUR')]
    """
    src = None
    for men in mentions:
        if men.drop is not None:
            continue
        if men.unit is not None:
            if men.scale != 1.0 and men.unit not in ("fraction", "times", "percent"):
                # a conversion in brackets gives no unit: "77m euros ($100m), up from 38m"
                o = text.rfind("(", max(0, men.start - 30), men.start)
                if o < 0 or ")" in text[o:men.start]:
                    src = men
            continue
        if src is None or men.scale == 1.0 or men.cur or men.kind not in ("digits", "words", "range") or \
                men.value <= 0 or src.value <= 0 or not 0.01 <= men.value / src.value <= 100:
            continue
        if _SENTENCE_BREAK.search(text, src.end, men.start) is None and _SCALED_AFTER.match(text, men.end):
            men.unit = src.unit


def _elided_scale(text: str, a, b) -> None:
    """Give ``b``, the second figure of a comparison, the scale word of ``a`` when it writes none and
    is of a size with ``a``'s numeral ("fell to 13.6 billion dlrs from 15.1", "Turnover 47.9 mln vs
    45.3": 15.1 billion, 45.3 mln); a figure written in full ("1.2 mln vs 950,000") keeps its value.

    >>> from claimtrack.stages.extract.claims.numbers import scan
    >>> t = "Sales rose to 4.5 mln stg from 3.9. Its readers rose to 1.2 mln from 950,000."
    >>> ms = scan(t); carry_units(t, ms); [(m.value, m.unit) for m in ms]
    [(4500000.0, 'GBP'), (3900000.0, 'GBP'), (1200000.0, None), (950000.0, None)]
    """
    if b.kind != "digits" or b.cur or a.kind == "range" or a.value <= 0 or b.value <= 0 or \
            not text[b.start:b.num_end].replace(".", "").isdigit() or \
            not 0.2 <= b.value * a.scale / a.value <= 5 or \
            not _ELIDED_BETWEEN.fullmatch(text, a.end, b.start) or not _ELIDED_AFTER.match(text, b.end):
        return
    b.value = float(f"{b.value * a.scale:.15g}")
    b.low, b.high = b.low * a.scale, b.high * a.scale
    b.scale = a.scale


def _share(text: str, a, b) -> None:
    """Give ``a`` the unit and scale of ``b`` when "to", "or" or "and" joins them (see :func:`carry_units`):
    "sizes of 500 and 2,000 dlrs", "at 64 and 71 mln tonnes"."""
    if not a.cur and a.kind in ("digits", "words") and a.value > 0 and a.scale == 1.0 and b.kind != "range" and \
            b.value > 0 and a.value < b.value / b.scale and _SHARED_BETWEEN.fullmatch(text, a.end, b.start):
        if b.scale != 1.0:
            a.value = float(f"{a.value * b.scale:.15g}")
            a.low, a.high = a.low * b.scale, a.high * b.scale
            a.scale = b.scale
        a.unit = b.unit


_SHARED_BETWEEN = re.compile(r"\s+(?:to|or|and)\s+")


# the results table of wire copy: one line a row, a label and this period's figure "vs" last year's
# ("Net 4.5 mln vs 3.2 mln", "Net loss 603,430 vs profit 4,295", "Turnover 825.0 mln vs 791.6 mln",
# a segment's "North America 34.7 mln vs 37.2 mln"). A table that has a money row (one of
# _MONEY_ROW) writes money on every row with no unit of its own, except the rows that count shares
# ("Avg shrs 4,500,000"); the table's currency is the one its other rows write ("Shr 20 cts",
# "Pretax profit 8.1 mln stg"), and the wire's own dollar when none does.
_VS = " vs"
_MONEY_ROW = re.compile(
    r"(?:(?:oper(?:ating)?|group|parent|pre-?tax|net|total|gross|other|trading|investment)\s+)*"
    r"(?:net|shr|revs?|revenues?|sales|turnover|assets|deposits|loans|backlog|tax|income|earnings|profit|loss|"
    r"interest\s+payable|minorities|minority\s+interests?|extraordinary\s+(?:debit|credit)|pretax|pre-tax|operating|trading)"
    r"\b", re.I)
_COUNT_ROW = re.compile(r".*\b(?:avg|average|outstanding|shrs|shares|units|out)\b", re.I)
# a row's label: words up to its first figure (a sign or bracket may open the figure)
_ROW_LABEL = re.compile(r"[A-Za-z][A-Za-z.&/' -]{0,50}?\s+(?:(?:loss|profit)\s+)?[-(]?\Z")
# the currency a row's sub-unit is a hundredth of ("Shr 20 cts" in a table that names no currency)
_SUB_UNIT = {"cent": "USD", "pence": "GBP"}


def _table_currency(text: str, mentions: list) -> None:
    r"""Give the money rows of a results table their currency (see the note above ``_MONEY_ROW``).

    >>> from claimtrack.stages.extract.claims.numbers import scan
    >>> t = "Shr 20 cts vs 15 cts\nNet 4.5 mln vs 3.2 mln\nAvg shrs 2.1 mln vs 2.0 mln"
    >>> ms = scan(t); carry_units(t, ms); [m.unit for m in ms]
    ['cent', 'cent', 'USD', 'USD', None, None]
    """
    rows = []
    currency = sub = None
    money = False
    line = -1
    label = None
    for men in mentions:
        if men.drop is not None:
            continue
        start = text.rfind("\n", 0, men.start) + 1
        if start != line:
            line, label = start, _row_label(text, start)
            money = money or (label is not None and _MONEY_ROW.match(label) is not None)
        if label is None or _COUNT_ROW.match(label):
            continue
        if men.unit is None:
            if men.kind in ("digits", "range") and not men.cur:
                rows.append(men)
        elif is_money(men.unit):
            if men.unit in _SUB_UNIT:  # a hundredth names its currency only when nothing else does
                sub = sub or _SUB_UNIT[men.unit]
            else:
                currency = currency or men.unit.split("/")[0]
    if money:
        for men in rows:
            men.unit = currency or sub or "USD"


def _row_label(text: str, line: int) -> str | None:
    """The label of the table row starting at ``text[line]``, or None when the line is no row: a
    short line, words up to its first digit, and "vs" after that."""
    end = text.find("\n", line)
    if end < 0:
        end = len(text)
    if end - line > 120:
        return None
    first = line
    while first < end and not text[first].isdigit():
        first += 1
    if first == end or _ROW_LABEL.match(text, line, first) is None or re.search(r"\bvs\b", text[first:end]) is None:
        return None
    return text[line:first]
