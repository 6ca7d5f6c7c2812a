"""Quotation-mark spans: where the quoted words are, before anyone asks who said them.

Handles straight ("), curly (“ ”), low-high („ “), guillemets (« »), NYT-style ('' … '' and
`` … '') and single-quote styles (‘ … ’, and straight ' … ' in documents with no double
marks at all). Apostrophes (Ecuador"s, rock 'n' roll, don't, the players' union) are not marks.
A quote still open at the end of a paragraph ends there (``unclosed``): that is the
multi-paragraph convention, and also how a stray opening mark loses only its own paragraph.

>>> [s.text for s in find_spans('He said "yes," and left.', )]
['yes,']
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field

#: double marks; '' and `` are two-character NYT-style marks
_DOUBLE_MARKS = ('"', "“", "”", "„", "«", "»", "``", "''")
_SINGLE = re.compile(r"[‘’']")
_WORDCH = re.compile(r"\w")
# characters after which a straight mark opens a quote
_OPEN_BEFORE = frozenset(" \t\r\f\v([{—–-/\u00a0:")
# characters a closing single quote may be followed by
_AFTER_CLOSE_SINGLE = frozenset(" \t\r\f\v,.;:!?)]}—–-\"”\u00a0")
# words that start with an apostrophe: 'n', 'em, 'til, '90s
_APOS_WORD = re.compile(r"(?:n|em|til|cause|tis|twas|bout|round|ol|cos|nother|s|\d\d?s?)\b", re.I)


_LOOKAHEAD = 24  # marks examined for the close of one single quote (keeps long lines linear)


@dataclass(slots=True)
class Span:
    """One quoted segment. ``start``/``end`` bound the words (marks and edge spaces excluded);
    ``open_at``/``close_at`` are the mark positions (``close_at`` = paragraph end if unclosed)."""

    start: int
    end: int
    open_at: int
    close_at: int
    para: int  # index of the paragraph (line) it is in
    para_start: int
    para_end: int
    kind: str = "double"  # or "single"
    unclosed: bool = False
    group: int = -1  # spans of one multi-paragraph quote share a group
    text: str = ""
    #: position just after the closing mark (paragraph end when unclosed); set once, as
    #: attribution reads it many times per quote
    outer_end: int = field(init=False)

    def __post_init__(self) -> None:
        self.outer_end = self.close_at if self.unclosed else self.close_at + (2 if self.kind == "nyt" else 1)


def _direction(para: str, i: int, mark: str) -> str | None:
    """'open', 'close' or None (an apostrophe or a stray mark) for the mark at ``para[i]``."""
    n = len(mark)
    prev = para[i - 1] if i > 0 else ""
    nxt = para[i + n] if i + n < len(para) else ""
    prev_space = prev == "" or prev in _OPEN_BEFORE or prev.isspace()
    next_space = nxt == "" or nxt.isspace()
    if mark in ("„", "«", "``"):
        return "open"
    if mark == "»":
        return "close"
    if mark == "“":
        # typo repair: an opening glyph at the paragraph end, or glued to the previous word
        # and followed by a space, closes
        if not para[i + 1:].strip():
            return "close"
        if not prev_space and next_space:
            return "close"
        return "open"
    if mark == "”":
        if prev_space and not next_space and (nxt.isalnum() or nxt in "‘'$(…"):
            return "open"
        return "close"
    # straight " and '': direction from context
    if prev.isalpha() and nxt.isalpha():
        return None  # Ecuador"s: an apostrophe typed as a double mark
    if prev_space:
        if next_space:
            return None  # a mark standing alone between spaces
        return "open"
    return "close"


_GLUED_BREAK = re.compile(r"[.!?…]\s+$")


def _double_spans(para: str, marks: list[tuple[int, str]]) -> list[tuple[int, int, bool, str]]:
    """(open_at, close_at, unclosed, kind) of the outermost double-quoted spans in one paragraph,
    given its double marks (``marks``: (position in ``para``, mark), as :func:`_double_marks`
    finds them).

    >>> _double_spans('He said "no" and "yes', [(8, '"'), (11, '"'), (17, '"')])
    [(8, 11, False, 'double'), (17, 21, True, 'double')]
    """
    out = []
    stack: list[tuple[int, int]] = []  # (position, mark length)
    for at, mark in marks:
        d = _direction(para, at, mark)
        if d == "open":
            if stack and mark == '"' and para[stack[-1][0]] == '"':
                # straight marks do not nest: a second opener means the first was stray, or,
                # after the end of a sentence, that the first quote's paragraph break was lost
                # ('… the ref. "I am sorry."': two paragraphs of one quote on one line)
                pos, ln = stack.pop()
                if not stack and _GLUED_BREAK.search(para, max(0, at - 3), at):
                    out.append((pos, at, True, "nyt" if ln == 2 else "double"))
            stack.append((at, len(mark)))
        elif d == "close" and stack:
            pos, ln = stack.pop()
            if not stack:
                out.append((pos, at, False, "nyt" if ln == 2 else "double"))
    if stack:
        pos, ln = stack[0]
        out.append((pos, len(para), True, "nyt" if ln == 2 else "double"))
    return out


def _single_spans(para: str, taken: list[tuple[int, int]], straight: bool) -> list[tuple[int, int]]:
    """(open_at, close_at) of single-quoted spans outside ``taken`` regions; unclosed ones dropped."""
    marks = []
    for m in _SINGLE.finditer(para):
        i = m.start()
        if any(a <= i < b for a, b in taken):
            continue
        ch = m.group()
        if ch == "'" and not straight:
            continue
        marks.append((i, ch))
    out = []
    k = 0
    while k < len(marks):
        i, ch = marks[k]
        prev = para[i - 1] if i > 0 else ""
        nxt = para[i + 1] if i + 1 < len(para) else ""
        is_open = (ch in "‘'" and (prev == "" or prev in _OPEN_BEFORE or prev in "\"“" or prev.isspace())
                   and (nxt.isalnum() or nxt in "$(")
                   and not _APOS_WORD.match(para, i + 1))
        if not is_open:
            k += 1
            continue
        # candidate closers up to the next opener-looking mark
        cands = []
        j = k + 1
        while j < len(marks) and j <= k + _LOOKAHEAD:
            c, cch = marks[j]
            cprev = para[c - 1]
            cnext = para[c + 1] if c + 1 < len(para) else ""
            if cch in "’'" and not cprev.isspace() and (cnext == "" or cnext in _AFTER_CLOSE_SINGLE):
                if not (cprev in "nN" and c >= 2 and para[c - 2] in "'’"):  # 'n'
                    cands.append(j)
            j += 1
        if not cands:
            k += 1
            continue
        best = cands[0]
        for cj in cands:
            c = marks[cj][0]
            cprev = para[c - 1]
            cnext = para[c + 1] if c + 1 < len(para) else ""
            # prefer a closer after sentence punctuation or before punctuation/end over
            # a plural possessive (the players' union)
            if cprev in ",.!?;:" or cnext == "" or cnext in ",.;:!?)—–-":
                best = cj
                break
            if cprev not in "sS":
                best = cj
                break
        out.append((i, marks[best][0]))
        k = best + 1
    return out


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(start, line) of each non-empty line of ``text`` (split in C, where a regex for a run of
    non-newlines tested every character in turn).

    >>> list(_lines("ab\\n\\n c\\n"))
    [(0, 'ab'), (4, ' c')]
    """
    pos = 0
    for line in text.split("\n"):
        if line:
            yield pos, line
        pos += len(line) + 1


def _double_marks(text: str) -> list[tuple[int, str]]:
    """(position, mark) of every double mark of ``text``, in order: each mark found with
    str.find, a scan in C far cheaper than a regex testing a class at every character (no two
    marks overlap: a pair is of one character, read left to right as a regex would).

    >>> _double_marks("``No''  “Yes”")
    [(0, '``'), (4, "''"), (8, '“'), (12, '”')]
    """
    out = []
    for mark in _DOUBLE_MARKS:
        i = text.find(mark)
        while i >= 0:
            out.append((i, mark))
            i = text.find(mark, i + len(mark))
    out.sort()
    return out


def find_spans(text: str) -> list[Span]:
    """Every quoted segment of ``text``, in order, with multi-paragraph quotes grouped.

    >>> s = find_spans('“One,\\n“two,” she said.')
    >>> [(x.text, x.unclosed, x.group) for x in s]
    [('One,', True, 0), ('two,', False, 0)]
    """
    spans: list[Span] = []
    # the double marks of the whole text in one scan (no mark spans a line break), handed to
    # the paragraphs that hold them: most paragraphs hold none
    doubles = _double_marks(text)
    at = [p for p, _ in doubles]
    has_double = bool(doubles)
    pi = -1
    for ps, para in _lines(text):
        if para.isspace():
            continue
        pi += 1  # counts non-blank paragraphs, so that "next paragraph" skips blank lines
        lo, hi = bisect_left(at, ps), bisect_left(at, ps + len(para))
        regions = _double_spans(para, [(p - ps, mark) for p, mark in doubles[lo:hi]]) if lo < hi else []
        if "‘" in para or (not has_double and "'" in para):
            taken = [(a, b + 1) for a, b, _, _ in regions]
            for a, b in _single_spans(para, taken, straight=not has_double):
                regions.append((a, b, False, "single"))
            regions.sort()
        for a, b, unclosed, kind in regions:
            mlen = 2 if kind == "nyt" else 1
            s, e = a + mlen, b
            while s < e and para[s].isspace():
                s += 1
            while e > s and para[e - 1].isspace():
                e -= 1
            if s >= e or not _WORDCH.search(para, s, e):
                continue
            spans.append(Span(ps + s, ps + e, ps + a, ps + b, pi, ps, ps + len(para), kind,
                              unclosed, -1, para[s:e]))
    # group multi-paragraph quotes: an unclosed span continues into a paragraph that opens
    # with a quotation mark
    g = 0
    for k, sp in enumerate(spans):
        if sp.group < 0:
            sp.group = g
            g += 1
        if sp.unclosed and k + 1 < len(spans):
            nx = spans[k + 1]
            if nx.para == sp.para + 1 and not text[nx.para_start:nx.open_at].strip() or \
                    nx.para == sp.para and nx.open_at == sp.close_at:  # (a break lost in one line)
                nx.group = sp.group
    return spans
