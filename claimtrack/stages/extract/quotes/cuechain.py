"""The speaker a run of "he said" paragraphs goes back to: wire copy names someone once ("…,
Energy Minister Subroto said.") and then writes "He told reporters …", "he said" for many
paragraphs, with other names (met, criticised, quoted in passing) in between.

>>> t = 'Prices will hold, Energy Minister Ali Tan said.\\n\\nHe met President Ray Oduya.\\n\\nHe said: "No."'
>>> cue_speaker_back(t, t.index('"No'), False).name
'Ali Tan'
"""
from __future__ import annotations

from claimtrack.stages.extract.quotes.context import _speech_subject
from claimtrack.stages.extract.quotes.found import _is_org
from claimtrack.stages.extract.quotes.lexicon import PRONOUNS, gender_of, person_named
from claimtrack.stages.extract.quotes.names import Mention
from claimtrack.stages.extract.quotes.sentences import sentence_bounds
from claimtrack.stages.extract.quotes.source import _PERSON_SUFFIX, _role_head

WINDOW = 2000  # characters read back from the quote


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
    for s, e in reversed(sentence_bounds(text, max(0, pos - WINDOW), pos, [])):
        m = _speech_subject(text[s:e])
        if m is None:
            continue
        if m.kind == "pronoun":
            if m.text.lower() == pronoun:
                continue  # the same chain: "He told reporters …"
            if m.text.lower() in PRONOUNS:
                return None
        if m.kind == "name" and m.name:
            g = m.female if m.female is not None else gender_of(m.name)
            if g in (None, female) and person_named(m.name) and not _is_org(m.name):
                return m
            return None
        if m.kind == "role":
            head = _role_head(m.text)
            if not head.endswith("s") and _PERSON_SUFFIX.search(head):
                return m
            return None
    return None
