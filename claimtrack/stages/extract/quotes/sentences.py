"""Sentence bounds inside one paragraph, never splitting inside a quotation.

>>> text = 'Mr. Smith spoke. "We won. Again," he said. Then he left.'
>>> [text[a:b] for a, b in sentence_bounds(text, 0, len(text), [(17, 34)])]
['Mr. Smith spoke.', '"We won. Again," he said.', 'Then he left.']
"""
from __future__ import annotations

import re
from bisect import bisect_left

# a full stop (or ! ? …), optional closing marks/brackets, space, then something that can
# start a sentence
# (also a closing mark glued to the next sentence: 'capable.”Editor’s note: …')
# (one leading character class, so that the regex engine can skip to the next stop quickly: written
# "[.!?…][.!?…]*", as "[.!?…]+" is a repeat, which the engine does not skip to)
_BOUNDARY = re.compile(r"[.!?…][.!?…]*(?:(?:''|[\"”’'»)\]])*(?=\s+(?:''|``|[\"“‘'«(\[])?[A-Z0-9])"
                       r"|(?:''|[\"”»])(?=[A-Z][a-z]))")
# the same boundaries in an ASCII text (its classes without the marks an ASCII text cannot hold:
# a bitmap test at every character)
_BOUNDARY_ASCII = re.compile(r"[.!?][.!?]*(?:(?:''|[\"')\]])*(?=\s+(?:''|``|[\"'(\[])?[A-Z0-9])"
                             r"|(?:''|\")(?=[A-Z][a-z]))")
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


def sentence_bounds(text: str, start: int, end: int,
                    protected: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``; no split inside ``protected``."""
    out = []
    s = start
    starts = [a for a, _ in protected]  # sorted, not overlapping
    for m in (_BOUNDARY_ASCII if text.isascii() else _BOUNDARY).finditer(text, start, end):
        b = m.end()
        k = bisect_left(starts, b) - 1
        if k >= 0 and b < protected[k][1]:
            continue
        # the word before the stop: an abbreviation or an initial does not end a sentence
        if text[m.start()] == ".":
            w = _LASTWORD.search(text, max(start, m.start() - 12), m.start())
            if w:
                word = w.group(1).lower().strip(".")
                if word in _ABBREV or (len(word) == 1 and word.isalpha()) or ("." in word and _INITIALS.match(word)):
                    continue
        nxt = _ATTRIBUTION_NEXT.match(text, b, min(end, b + 80)) if text[b - 1] in "\"”’'»" else None
        if nxt and (text[m.start()] in "?!" or text[nxt.end():nxt.end() + 1] in (".", ",", "")):
            continue  # '"Why?" Trump asked.': the attribution belongs to the quote
        out.append((s, b))
        s = b
        while s < end and text[s].isspace():
            s += 1
    if s < end:
        out.append((s, end))
    return out
