"""What a text states, not what it asks. A question ("A $40 billion rescue for the mills?",
"Will the bridge cost more than £5bn?") puts a figure up for doubt; it does not assert it. A
later text can therefore neither restate nor contradict a figure the earlier text only asks
about, and a figure the later text only asks about is no claim of its own. ``compare`` reads
both texts without their questions.

The sentences are the claim extractor's own (claims.context.sentence_spans), so a question is
cut exactly where the figures' sentences are. A question quoted inside a statement ('"Who
could have foreseen 300 deaths?" he asked.') ends with the statement's full stop and stays.

>>> statements("Will the bridge cost more than £5bn? It will cost £3bn, the council said.")
'It will cost £3bn, the council said.'
>>> statements("Seen the flood ? Call our newsdesk on 0161 496 0000 .")
'Call our newsdesk on 0161 496 0000 .'
"""
from __future__ import annotations

from claimtrack.stages.extract.claims.context import sentence_spans

# what may close a question after its mark: quotes and brackets ('"... £5bn?"', "(... 300?)")
_CLOSERS = "\"'”’)]» \t"


def is_question(sentence: str) -> bool:
    """Whether a sentence ends with a question mark (closing quotes and brackets aside).

    >>> is_question("Is inflation heading for 5%?"), is_question('"Why 300?"'), is_question("It rose 5%.")
    (True, True, False)
    """
    return sentence.rstrip(_CLOSERS).endswith("?")


def statements(text: str) -> str:
    """``text`` without the sentences that ask (:func:`is_question`): what it asserts. A text
    with no question comes back unchanged.

    >>> statements("A $40 billion rescue for the mills?")
    ''
    >>> statements("Why are the trains so late? 4 reasons")
    '4 reasons'
    """
    if not text or "?" not in text:
        return text
    kept = [text[a:b] for a, b in sentence_spans(text) if not is_question(text[a:b])]
    return " ".join(kept)
