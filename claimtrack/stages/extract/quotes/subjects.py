"""Who the sentences before a quote are about: their subjects (and the speakers of their cues),
latest first, which "he"/"she", "it"/"they" and a definite role ("the minister") can stand for.

>>> t = 'Jo Reyes spoke. Then Ann Lee left. "No," he said.'
>>> [m.text for _, m in _sentence_sources(t, 0, 35)]
['Ann Lee', 'Jo Reyes']
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.quotes.context import _speech_subject
from claimtrack.stages.extract.quotes.lexicon import gender_of
from claimtrack.stages.extract.quotes.sentences import sentence_bounds
from claimtrack.stages.extract.quotes.source import _colon_subject, _subject


_OWN_CLAUSE = re.compile(r"(?:[Hh]e|[Ss]he)\s+(?:\w+\s+){0,2}?\w+(?:\s+\w+)?\s*[:,]?")
#: a paragraph that opens with "He"/"She" goes on about someone in the paragraph before
_PRONOUN_OPENS = re.compile(r"(?:He|She)\s")


def _subject_mentions(text: str, para_start: int, pos: int, floor: int = -1):
    """(position, mention) of the subjects of the sentences before ``pos`` in its paragraph
    (the paragraph before when the quote opens its own, or when only its own short clause comes
    before it: 'He said: "…"' opening a paragraph) that start after ``floor``, latest first.

    >>> t = 'Jo Reyes spoke. Then Ann Lee left. "No," he said.'
    >>> [(s, m.text) for s, m in _subject_mentions(t, 0, 35)], [s for s, _ in _subject_mentions(t, 0, 35, 16)]
    ([(16, 'Ann Lee'), (0, 'Jo Reyes')], [])
    """
    lead = text[para_start:pos].strip(" \t\"“”‘’'«»„`")
    if not lead or _OWN_CLAUSE.fullmatch(lead) or _PRONOUN_OPENS.match(lead):
        k = para_start - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        para_start = text.rfind("\n", 0, k + 1) + 1
    lo = max(para_start, pos - 800, floor)
    for s, e in reversed(sentence_bounds(text, lo, pos, [])):
        if s <= floor:
            return  # (its subject is not read: the caller has someone at or after it)
        # its subject, then the speaker of its cue when another ("Such sums hurt start-ups,
        # said Mr Walsh.", "While Bangkok grows, Mr Prater predicts …")
        m = _subject(text[s:e])
        if m is not None:
            yield s, m
        if m is not None and m.kind == "name" and (m.female is not None or gender_of(m.name or "") is not None):
            continue  # (a subject whose sex is known answers for its sentence)
        said = _speech_subject(text[s:e])
        if said is not None and said.kind in ("name", "role") and (m is None or said.text != m.text) and (
                said.kind == "role" or said.female is not None or gender_of(said.name or "") is not None):
            yield s, said  # (a name only with a title or a first name that tells: "Mr Walsh")



def _sentence_sources(text: str, para_start: int, pos: int):
    """(position, mention) for each sentence before ``pos`` (its paragraph, or the one before
    when the quote opens its own), latest first: the speaker of its cue, else its subject."""
    if not text[para_start:pos].strip(" \t\"“”‘’'«»„`"):
        k = para_start - 1
        while k >= 0 and text[k].isspace():
            k -= 1
        para_start = text.rfind("\n", 0, k + 1) + 1
    for s, e in reversed(sentence_bounds(text, max(para_start, pos - 800), pos, [])):
        m = _colon_subject(text[s:e])
        if m is not None:
            yield s, m


#: marks that open a quotation: its first word is no subject of the narration
_QUOTE_OPENERS = "\"“‘'"
