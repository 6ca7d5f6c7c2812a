"""Sentence bounds inside one paragraph, never splitting inside a quotation.

>>> text = 'Mr. Smith spoke. "We won. Again," he said. Then he left.'
>>> [text[a:b] for a, b in sentence_bounds(text, 0, len(text), [(17, 34)])]
['Mr. Smith spoke.', '"We won. Again," he said.', 'Then he left.']
"""
from __future__ import annotations

import re
from bisect import bisect_left
from operator import methodcaller

# a full stop (or ! ? …), optional closing marks/brackets, space, then something that can
# start a sentence
# (also a closing mark glued to the next sentence: 'capable.”Editor’s note: …')
_AFTER_STOP = (r"[.!?…]*(?:(?:''|[\"”’'»)\]])*(?=\s+(?:''|``|[\"“‘'«(\[])?[A-Z0-9])"
               r"|(?:''|[\"”»])(?=[A-Z][a-z]))")
_BOUNDARY = re.compile(r"[.!?…]" + _AFTER_STOP)
# the boundaries of a text are the matches of ``_BOUNDARY.finditer``: found with one pattern per
# stop that opens it (a literal, which the regex engine skips to in a tight loop: the leading
# character class cost it over 40 instructions at every character), merged in order, and a
# match that starts inside an earlier one left out. (A match takes the whole run of stops it
# starts in: one that starts inside it is the same boundary, and ends where it ends.)
_BOUNDARY_AT_DOT = re.compile(r"\." + _AFTER_STOP)
_BOUNDARY_AT_OTHER = tuple((stop, re.compile(re.escape(stop) + _AFTER_STOP)) for stop in "!?…")
_ABBREV = frozenset("""mr mrs ms dr st jr sr rep reps sen sens gov gen lt col sgt capt cmdr adm maj
prof rev hon pres supt det insp cpl pvt vs etc no nos inc corp co ltd bros mt ft jan feb mar
apr jun jul aug sep sept oct nov dec u.s u.k u.n d.c a.m p.m e.g i.e st ave blvd fig vol
op ph ed al del amb msgr fr gens sec atty""".split())
_LASTWORD = re.compile(r"([\w.]++)$")  # (possessive: see source._LAST_WORD)
_INITIALS = re.compile(r"^(?:[a-z]\.)+[a-z]$")  # G.K. Butterfield
# a capitalised name (1-4 words) and a verb of saying right after a quote ending in ? ! or .
_ATTRIBUTION_NEXT = re.compile(
    r"\s+(?:[A-Z][\w’'.\-]*\s+){1,4}(?:also\s+|then\s+|later\s+)?"
    r"(?:said|says|asked|asks|added|adds|told|wrote|writes|replied|recalled|continued|"
    r"exclaimed|shouted|yelled|wondered|declared|insisted|explained|argued|warned|joked|"
    r"tweeted|responded|noted|answered|cried|demanded|quipped|[a-z]{3,}ed)\b")


_start = methodcaller("start")  # (a match's position, as a sort key)


def _boundaries(text: str, start: int, end: int) -> list[re.Match]:
    """The matches in ``text[start:end]`` of the patterns for each stop, by position (those
    inside an earlier one included): the full stops', then those of any other stop the text
    holds.

    >>> [m.group() for m in _boundaries('No. "Yes!" Ok. ', 0, 15)]
    ['.', '!"']
    """
    found = list(_BOUNDARY_AT_DOT.finditer(text, start, end))
    merge = False
    for stop, rx in _BOUNDARY_AT_OTHER:
        if stop in text:  # (most texts hold no "!" and no "…")
            n = len(found)
            found.extend(rx.finditer(text, start, end))
            merge = merge or len(found) > n
    if merge:
        found.sort(key=_start)
    return found


def sentence_bounds(text: str, start: int, end: int,
                    protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``; no split inside ``protected``."""
    out = []
    s = start
    starts = [a for a, _ in protected]  # sorted, not overlapping
    after = start
    for m in _boundaries(text, start, end):
        at, b = m.span()
        if at < after:
            continue  # (inside the boundary before: not a match of _BOUNDARY.finditer)
        after = b
        if starts:
            k = bisect_left(starts, b) - 1
            if k >= 0 and b < protected[k][1]:
                continue
        stop = text[at]
        # the word before the stop: an abbreviation or an initial does not end a sentence
        if stop == ".":
            w = _LASTWORD.search(text, max(start, at - 12), at)
            if w:
                word = w.group(1).lower().strip(".")
                if word in _ABBREV or (len(word) == 1 and word.isalpha()) or ("." in word and _INITIALS.match(word)):
                    continue
        if text[b - 1] in _CLOSING_MARKS:
            nxt = _ATTRIBUTION_NEXT.match(text, b, min(end, b + 80))
            if nxt and (stop in "?!" or text[nxt.end():nxt.end() + 1] in (".", ",", "")):
                continue  # '"Why?" Trump asked.': the attribution belongs to the quote
        out.append((s, b))
        s = b
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        out.append((s, end))
    return out


_CLOSING_MARKS = "\"”’'»"  # a quote closing right at a stop may have its attribution next
