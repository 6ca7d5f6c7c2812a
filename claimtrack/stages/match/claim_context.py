"""The words around a figure: what a claim's neighbourhood says it counts.

The matcher scores two claims by how alike the content words next to their figures are
(figures.score_pairs), and lets two figures without a counted noun contradict only when those
words agree (:func:`bare_context_ok`). Pure functions of the sentence, memoised per claim.

>>> context_words("Rescuers said 40 people were reported dead in the valley.", "40")
'rescuers people reported dead valley'
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from claimtrack.stages.match.nouns import _CASUALTY, _GENERIC, direction, locate, noun_attached
from claimtrack.stages.match.settings import MatchSettings

_CASUALTY_KEYS = frozenset(_CASUALTY.values())
_CASUALTY_RE = r"\b(?:" + "|".join(sorted(_CASUALTY)) + r")\b"

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")

_DIGIT = re.compile(r"\d")

_JOIN = re.compile(r";|\b(?:and|or|but|while|whereas)\b", re.I)

_STOP = frozenset("""a an the of in on at to for from by with and or but as is are was were be been
being has have had it its this that these those there their they he she his her we our you your
i which who whom whose what when where while than then so such some about around over under
more less most least nearly almost roughly approximately up down into out said says say would
could will may might also not no new last first per""".split())

_CONTEXT_WIDTH = 6

def context_words(sentence: str | None, surface: str | None, noun: str | None = None,
                  subject=None, qualifier: str | None = None) -> str:
    """Up to six content words on each side of the figure (stop words, subjects and the
    words of neighbouring figures left out).

    Subject names are left out because the subject overlap is scored on its own.

    >>> context_words("The quake killed 300 people and left 4,000 homeless in Napo.", "300")
    'quake killed people'
    >>> context_words("58% of Canadians say rents are far too high", "58%", subject=["Canadians"])
    'rents far too high'
    """
    sentence = sentence if isinstance(sentence, str) else ""
    surface = surface if isinstance(surface, str) else ""
    return " ".join(_context_list(sentence, surface, noun if isinstance(noun, str) else None,
                                  _as_tuple(subject), qualifier))

def _context_list(sentence: str, surface: str, noun: str | None, subject: tuple, qualifier) -> list[str]:
    """The words of :func:`context_words` (``subject``: a tuple of names)."""
    if subject:
        names = {w.lower() for name in subject for w in _WORD.findall(name)}

        def content(text: str) -> list[str]:
            return [w for w in map(str.lower, _WORD.findall(text)) if w not in _STOP and w not in names]
    else:
        def content(text: str) -> list[str]:
            return [w for w in map(str.lower, _WORD.findall(text)) if w not in _STOP]

    at = locate(sentence, surface, qualifier)
    if at < 0:
        words = content(sentence)
    else:
        # stop at the neighbouring figures: their words describe them, not this one
        # and at a conjunction: "40 people were reported dead and more than 900 ..."
        left = sentence[:at]
        last_digit = _DIGIT.search(left[::-1])  # the last digit before the figure
        if last_digit is not None:
            left = left[len(left) - last_digit.start():]
        right = sentence[at + len(surface):]
        next_digit = _DIGIT.search(right)
        if next_digit is not None:
            right = right[:next_digit.start()]
        words = (content(_JOIN.split(left)[-1])[-_CONTEXT_WIDTH:]
                 + content(_JOIN.split(right, maxsplit=1)[0])[:_CONTEXT_WIDTH])
    if not words and noun is not None:
        words = content(noun)
    return words

# "vs" links two figures of a results line; it says nothing about what either counts, and two
# bare "vs 3.2 mln" figures would otherwise look alike
_COMPARISON_WORDS = frozenset({"vs", "versus", "against", "compared"})

@lru_cache(maxsize=1 << 18)
def _context(sentence, surface, noun, subject: tuple, qualifier) -> str:
    """:func:`context_words` memoised per claim (a history claim is scored again each night),
    without comparison words."""
    words = _context_list(sentence or "", surface or "", noun, subject, qualifier)
    return " ".join(w for w in words if w not in _COMPARISON_WORDS)

def _as_tuple(value) -> tuple:
    if isinstance(value, (list, tuple, np.ndarray)):
        return tuple(v for v in value if isinstance(v, str))
    return ()

def _text(value):
    return value if isinstance(value, str) else None

def _is_bare(concept: str, earlier: dict, new: dict) -> bool:
    """A figure pair whose counted thing is unknown or only loosely tied to the figures: no noun,
    a generic one, or a noun that is not attached to both figures (casualty keys are: they come
    from the words next to the figure)."""
    key = concept.split("|", 1)[0]
    if key in _GENERIC:
        return True
    if key in _CASUALTY_KEYS:
        return False
    return not all(noun_attached(_text(c.get("sentence")), _text(c.get("surface")), _text(c.get("noun")),
                                 _text(c.get("qualifier"))) for c in (earlier, new))

def opposite_change(earlier: dict, later: dict) -> bool:
    """Whether two figures measure changes in opposite directions (nouns.direction).

    >>> opposite_change({"sentence": "Sales fell 2% in May.", "surface": "2%", "qualifier": "exact"},
    ...                 {"sentence": "Sales rose 2% in May.", "surface": "2%", "qualifier": "exact"})
    True
    """
    a = direction(_text(earlier.get("sentence")), _text(earlier.get("surface")), _text(earlier.get("qualifier")))
    b = direction(_text(later.get("sentence")), _text(later.get("surface")), _text(later.get("qualifier")))
    return bool(a) and bool(b) and a != b

def bare_context_ok(ctx_a: str, ctx_b: str, settings: MatchSettings) -> bool:
    """Whether two figures without a counted noun are described alike enough to contradict.

    >>> bare_context_ok("pumping before earthquake", "pumped before the earthquake", MatchSettings())
    True
    >>> bare_context_ok("take", "tremor take repair cost", MatchSettings())
    False
    """
    return fuzz.token_sort_ratio(ctx_a, ctx_b) >= 100 * settings.min_bare_context
