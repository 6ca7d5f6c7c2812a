"""Antecedents for "he"/"she" read off the text: the speaker a run of "he said" paragraphs goes
back to, and whether a name is written as a person's anywhere (:func:`_reads_as_person`).

The speaker a run of "he said" paragraphs goes back to: wire copy names someone once ("…,
Energy Minister Subroto said.") and then writes "He told reporters …", "he said" for many
paragraphs, with other names (met, criticised, quoted in passing) in between.

>>> t = 'Prices will hold, Energy Minister Ali Tan said.\\n\\nHe met President Ray Oduya.\\n\\nHe said: "No."'
>>> cue_speaker_back(t, t.index('"No'), False).name
'Ali Tan'
"""
from __future__ import annotations

import re
from itertools import islice

from claimtrack.stages.extract.quotes.context import _speech_subject
from claimtrack.stages.extract.quotes.found import _is_org
from claimtrack.stages.extract.quotes.coref import at_boundary
from claimtrack.stages.extract.quotes.lexicon import _ORG_WORDS, PRONOUNS, gender_of, person_named, TITLES
from claimtrack.stages.extract.quotes.names import Mention
from claimtrack.stages.extract.quotes.sentences import sentence_bounds
from claimtrack.stages.extract.quotes.source import _PERSON_SUFFIX, _role_head

_PLACE_PREP = re.compile(r"\b(?:in|at|from|near)\s+$")


WINDOW = 1200  # characters read back from the quote


def cue_speaker_back(text: str, pos: int, female: bool) -> Mention | None:
    """The latest speaker before ``pos`` named by a sentence's cue that a "he" (``female``
    False) or "she" can stand for, reading back over sentences whose cue's speaker is that
    pronoun (the same chain) and sentences with no cue; None at the first cue of someone or
    something else, or when no cue names a speaker.

    >>> t = 'A Treasury official said rates were right.\\n\\nBut he said: "Wait."'
    >>> cue_speaker_back(t, t.index('"W'), False).text
    'A Treasury official'
    >>> t = 'Acme Ltd said profits fell.\\n\\nHe said: "Wait."'
    >>> cue_speaker_back(t, t.index('"W'), False) is None
    True
    """
    pronoun = "she" if female else "he"
    for s, e in islice(reversed(sentence_bounds(text, max(0, pos - WINDOW), pos, [])), 8):
        m = _speech_subject(text[s:e])
        if m is None:
            continue
        if m.kind == "pronoun":
            if m.text.lower() == pronoun:
                continue  # the same chain: "He told reporters …"
            if m.text.lower() in PRONOUNS:
                return None
        if m.kind == "name" and m.name:
            at = text.rfind(m.text, s, e)
            if at > s and _PLACE_PREP.search(text, max(s, at - 8), at):
                continue  # "economist at Acme Bank in Frankfurt said": a place, not the speaker
            g = m.female if m.female is not None else gender_of(m.name)
            if g is None and m.female is None and not _reads_as_person(text, m.name):
                continue  # "Consumer demand rose, X said.": a cue read off a sentence's subject
            if g in (None, female) and person_named(m.name) and not _is_org(m.name):
                return m
            return None
        if m.kind == "role":
            # (its head, or its last word: "A Department for Health spokeswoman")
            if any(not w.endswith("s") and w not in _ORG_WORDS and _PERSON_SUFFIX.search(w)
                   for w in (_role_head(m.text), m.text.split()[-1].lower())):
                return m
            return None
    return None


_TITLE_ALT = "|".join(sorted({t for t in TITLES if t.isalpha() and len(t) > 2} | {"head", "boss", "member", "founder"}))
_PERSON_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Prof)\.?|\b[a-z]+(?:er|or|ist|ian|man|woman|ee|ent|ant)|"
                            r"\b(?i:" + _TITLE_ALT + r")|\b[a-z]+,)\s+$")
_PERSON_AFTER = re.compile(r"(?:,\s+(?:\d{1,3}\b|a\b|an\b|the\b|who\b|[A-Za-z]+[’']s\b|said\b|says\b|told\b|(?i:"
                           + _TITLE_ALT + r")\b)|\s+(?:said|says|told|tells|added|argued|warned|wrote|asked|"
                           r"insisted|agreed|noted|explained)\b|[’']s\s+(?:wife|husband|son|daughter|mother|father))")


def _reads_as_person(text: str, name: str) -> bool:
    """Whether the article writes ``name`` as a person's somewhere: after a title or a noun
    for a person ("analyst Jo Bae", "Mr Bae"), or before an age, an appositive or a verb of
    saying ("Jo Bae, 45,", "Jo Bae said"); a place or a thing ("Peach Bottom") is not.

    >>> t = "Work at Peach Bottom stopped. Analyst Rha Bae said so."
    >>> _reads_as_person(t, "Rha Bae"), _reads_as_person(t, "Peach Bottom")
    (True, False)
    """
    i = text.find(name)
    while i >= 0:
        j = i + len(name)
        if _PERSON_BEFORE.search(text, max(0, i - 30), i) or _PERSON_AFTER.match(text, j):
            return True
        i = text.find(name, j)
    # "Mr Chidambaram said": the surname alone after an honorific
    return _after_honorific(text, name.split()[-1])


_HONORIFIC_END = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?$")


def _after_honorific(text: str, last: str) -> bool:
    """Whether ``last`` occurs as a word after "Mr", "Mrs", "Ms", "Miss" or "Dr" and white
    space (``\\b(?:Mr|Mrs|Ms|Miss|Dr)\\.?\\s+<last>\\b``, without compiling a pattern per name).

    >>> _after_honorific("He met Mr.  Bae there.", "Bae"), _after_honorific("Bae and Mr Baeza", "Bae")
    (True, False)
    """
    i = text.find(last)
    while i >= 0:
        k = i
        while k > 0 and text[k - 1].isspace():
            k -= 1
        if k < i and at_boundary(text, i + len(last)) and _HONORIFIC_END.search(text, max(0, k - 5), k):
            return True
        i = text.find(last, i + 1)
    return False
