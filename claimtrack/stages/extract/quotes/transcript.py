"""Transcript turns: "PENCE: Well, …" lines and labels inside quotation marks.

>>> _label_speaker("MR. O'NEILL").name
"O'Neill"
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from claimtrack.stages.extract.quotes.content import _WORDS
from claimtrack.stages.extract.quotes.found import Found, _set
from claimtrack.stages.extract.quotes.marks import Span
from claimtrack.stages.extract.quotes.lexicon import TITLES
from claimtrack.stages.extract.quotes.names import clean_name, Mention

_LABEL = re.compile(r"([A-Z][A-Z.\-’' ]{1,30}[A-Z.]):\s+")


_LINE_LABEL = re.compile(r"^[ \t]*([A-Z](?:[A-Z.’'\- ]{0,30}[A-Z.])?):[ \t]+(\S[^\n]*?)[ \t]*$", re.M)


_LABEL_STOP = frozenset("""note notes editor editor’s editor's clarification correction corrections
update updated updates readers reader watch read more photo photos video videos related source
sources advertisement breaking exclusive warning disclaimer credit credits spoiler alert letters
q a question answer live summary background context and or the caption image file dear""".split())  # "DEAR READER:" salutes, it names no speaker


def _label_speaker(label: str) -> Mention | None:
    """The speaker of a transcript label ("PENCE", "MR. O'NEILL", "SECRETARY CLINTON"); a role
    for a part in the conversation ("HOST").

    >>> _label_speaker("MR. O'NEILL").name, _label_speaker("EDITOR'S NOTE"), _label_speaker("HOST").text
    ("O'Neill", None, 'Host')
    """
    words = label.split()
    if not words or len(words) > 3 or any(w.lower().strip(".") in _LABEL_STOP for w in words):
        return None
    toks = [w if not w.isupper() or len(w) <= 1 else w[0] + w[1:].lower() for w in words]
    toks = [re.sub(r"(?<=[’'])([a-z])", lambda m: m.group(1).upper(), t) for t in toks]  # O'Neill
    name, female = clean_name(toks)
    if not name:
        if all(t.lower().strip(".") in _ROLE_LABELS for t in toks):
            return Mention(" ".join(toks), None, "role", female)  # "HOST:", "MODERATOR:"
        return None
    return Mention(label, name, "name", female)


#: labels that name a part in a conversation rather than a person ("HOST:", "CALLER:")
_ROLE_LABELS = TITLES | frozenset("""moderator interviewer presenter caller panelist panellist
questioner narrator announcer audience member voice""".split())
#: labels of an interview's turns that name nobody: they count as turns, but say no speaker
_TURN_LABELS = frozenset("q a question answer".split())


def _line_labels(text: str) -> Iterator[re.Match]:
    """The matches of ``_LINE_LABEL.finditer(text)``, tried only at the start of each line that
    holds a colon (a match starts a line and ends within it: the search tested its ``^`` at
    every character of the text).

    >>> [m.group(1) for m in _line_labels("HOST: Hello\\nno label: here\\nQ: Why?\\n")]
    ['HOST', 'Q']
    """
    i = text.find(":")
    while i >= 0:
        m = _LINE_LABEL.match(text, text.rfind("\n", 0, i) + 1)
        if m is not None:
            yield m
        j = text.find("\n", i)
        if j < 0:
            return
        i = text.find(":", j + 1)


def _transcript_lines(text: str, spans: list[Span]) -> list[Found]:
    """Unquoted transcript turns ("PENCE: Well, look, …"), when a text has two or more."""
    if ":" not in text:
        return []
    hits = []
    turns = 0
    for m in _line_labels(text):
        mention = _label_speaker(m.group(1))
        if mention is not None and _WORDS.search(m.group(2)):
            hits.append((m, mention))
        elif m.group(1).lower() in _TURN_LABELS:
            turns += 1  # "Q: …": a turn of an interview
    if not hits or len(hits) + turns < 2:
        return []
    # paragraph numbers as find_spans counts them (non-blank lines)
    line_starts = [pm.start() for pm in re.finditer(r"[^\n]*\S[^\n]*", text)]
    opens = [sp.open_at for sp in spans]
    out = []
    for m, mention in hits:
        a, b = m.start(2), m.end(2)
        k = bisect_left(opens, m.start())
        if k < len(opens) and opens[k] < b:
            continue  # the line holds quotation marks: the quote path reads it
        para = bisect_right(line_starts, a) - 1
        ps = line_starts[para] if para >= 0 else 0
        f = Found(a, b, text[ps:b], para=para, para_start=ps, para_end=b, sent_start=ps, sent_end=b,
                  standalone=True)
        _set(f, mention, ":")
        out.append(f)
    return out
