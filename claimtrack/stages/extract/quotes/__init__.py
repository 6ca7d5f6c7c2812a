"""Quote extraction: quotation marks -> cue -> speaker -> coreference (Citron-style, rules only).

Entry point: :func:`extract_quotes`. Modules, in the order of Citron's stages:
``marks`` (quotation-mark spans), ``sentences`` (sentence bounds that never split a quote);
content: ``content`` (scare quotes, titles, sign-offs), ``transcript`` (speaker labels);
cue: ``cues`` (verbs of saying); source: ``source`` (the speaker a cue governs; ``leads``: the
datelines and adverbials that open a sentence before its subject), ``speakers``
(names, appositives, pronouns, role nouns before a cue), ``after`` (the speaker after a cue:
"said X, a title"), ``names`` (name runs, titles), ``roles`` (role noun phrases); coreference:
``context`` (continuations), ``coref`` (fullest names), ``pronouns`` (he/she/it/they) with
``subjects`` (who the sentences before a quote are about), ``groups`` (the body an "it" or a
"they" stands for) and ``anaphors`` (a role or an epithet to the person named with it); ``lexicon`` holds the word classes they share and ``found``
the working record; ``attribute`` runs them in order.

>>> [(q.text, q.speaker, q.cue) for q in extract_quotes('"We will win," Jane Smith said.')]
[('We will win,', 'Jane Smith', 'said')]
"""
from __future__ import annotations

from claimtrack.stages.extract.quotes.attribute import attribute_document
from claimtrack.records import Quote, span_id

__all__ = ["extract_quotes"]


def extract_quotes(text: str, article_id: str = "") -> list[Quote]:
    """Every direct quotation in ``text`` with its speaker, in text order.

    Total: any string gives a list (possibly empty), never an exception. Offsets satisfy
    ``text[q.start:q.end] == q.text``.
    """
    if not isinstance(text, str) or not text:
        return []
    out = []
    for f in attribute_document(text):
        out.append(Quote(
            quote_id=span_id(article_id, "q", f.start, f.end),
            article_id=article_id,
            text=text[f.start:f.end],
            start=f.start,
            end=f.end,
            speaker=f.speaker,
            speaker_mention=f.mention,
            cue=f.cue,
            sentence=f.sentence,
            partial=f.partial,
            speaker_via=f.via,
        ))
    return out
