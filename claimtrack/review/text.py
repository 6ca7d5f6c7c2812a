"""Article text made safe to show, and the words to highlight in it.

Article text is untrusted: ``display_text`` drops terminal control sequences (ANSI CSI, OSC, DCS,
8-bit C1 forms), every other control character and the bidi overrides that can reorder what a
reader sees, and folds whitespace into single spaces, so the result fits on one line of a
terminal or a table cell. (The parse stage's ``claimtrack.stages.decode.clean_text`` has another
contract: it keeps line breaks and normalises text for the extractors.) The terminal and the HTML
report show only ``display_text`` output, and the report escapes it as well.

>>> display_text("3 million\\x1b[31m at risk\\x1b]0;pwned\\x07 in Idlib")
'3 million at risk in Idlib'
>>> segments("Some 2 million civilians", [(5, 14)])
[('Some ', False), ('2 million', True), (' civilians', False)]
"""
from __future__ import annotations

import difflib
import re
import unicodedata

from claimtrack.stages.decode import ESCAPE_SEQUENCE

# Bidi embeddings/overrides/isolates and their terminators ("trojan source" reordering).
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"))
# The control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) are dropped, but
# for the whitespace ones (tab, line feed, vertical tab, form feed, carriage return): a space.
_CONTROLS = {c: None for c in (*range(0x20), *range(0x7F, 0xA0))} | dict.fromkeys(map(ord, "\t\n\r\f\v"), " ")
assert all(unicodedata.category(chr(c)) == "Cc" for c in _CONTROLS)
_UNSAFE = _BIDI | _CONTROLS


def display_text(value) -> str:
    """Text safe to print on one line: no control sequences or characters; whitespace runs as one space.

    >>> display_text("a\\tb\\n\\u202eevil\\x00\\x9b31m!")
    'a b evil!'
    >>> display_text(None), display_text(float("nan"))
    ('', '')
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return " ".join(_strip_controls(str(value)).split())


def _strip_controls(text: str) -> str:
    return ESCAPE_SEQUENCE.sub("", text).translate(_UNSAFE)


def segments(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, highlighted) pairs at ``spans`` (overlaps merged, empty pieces dropped).

    >>> segments("abcdef", [(4, 6), (0, 1), (1, 2)])
    [('ab', True), ('cd', False), ('ef', True)]
    """
    merged: list[list[int]] = []
    for a, b in sorted((max(0, a), min(len(text), b)) for a, b in spans):
        if a >= b:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, pos = [], 0
    for a, b in merged:
        if a > pos:
            out.append((text[pos:a], False))
        out.append((text[a:b], True))
        pos = b
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def display_segments(parts: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """``display_text`` applied to each piece, keeping the spaces between pieces.

    >>> display_segments([("a \\x1b[1m", False), ("2", True), ("\\nb", False)])
    [('a ', False), ('2', True), (' b', False)]
    """
    out = []
    for text, hl in parts:
        text = _strip_controls(text)
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() and len(text.strip()) else ""
        body = display_text(text)
        piece = (lead + body + trail) if body else (" " if lead else "")
        if piece:
            out.append((piece, hl))
    return out


_WORD = re.compile(r"\S+")


def _norm_word(word: str) -> str:
    return re.sub(r"[^\w$%]", "", word.lower())


def changed_words(earlier: str, later: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of the words that differ between two versions of a quote (in each of them).

    >>> a, b = changed_words("We will not allow a massacre", "We will allow a massacre")
    >>> ["We will not allow a massacre"[s:e] for s, e in a], b
    (['not'], [])
    """
    wa, wb = list(_WORD.finditer(earlier or "")), list(_WORD.finditer(later or ""))
    sm = difflib.SequenceMatcher(a=[_norm_word(w.group()) for w in wa],
                                 b=[_norm_word(w.group()) for w in wb], autojunk=False)
    ea, eb = [], []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        ea += [wa[i].span() for i in range(i1, i2)]
        eb += [wb[j].span() for j in range(j1, j2)]
    return ea, eb
