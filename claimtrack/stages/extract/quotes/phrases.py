"""A role's words found in a text without compiling a pattern per role.

:func:`~claimtrack.stages.extract.quotes.anaphors.role_person` looks for a role phrase ("prime
minister") written in any case with any white space between its words: the pattern
``(?i:\\bprime\\s+minister)\\b``. Compiled once per distinct role, those patterns cost more than
the search itself (a role is asked for in one article or two). For a phrase of plain ASCII letters
in a text where case folding is plain, the same matches are found here with ``str.find`` on the
lower-cased text; :func:`plain_folding` says when that holds, else the caller compiles.

>>> text = "The Prime  Minister spoke; prime ministers agree."
>>> list(phrase_spans(text, text.lower(), ("prime", "minister"), 0, len(text)))
[(4, 19)]
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

#: the characters that ``re.IGNORECASE`` matches to an ASCII letter besides the letters
#: themselves ("İ", "ı", "ſ", Kelvin "K"); "İ" is also the one character whose lower case is
#: two characters long, which would shift positions in the lower-cased text
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


def plain_folding(text: str, words: tuple[str, ...]) -> bool:
    """Whether :func:`phrase_spans` and :func:`phrase_end` find what the patterns would:
    ``words`` are ASCII letters only and ``text`` holds no character that folds oddly.

    >>> plain_folding("The Prime Minister", ("prime", "minister")), plain_folding("x", ("vice-president",))
    (True, False)
    >>> plain_folding("Kelvin \u212a", ("prime",))
    False
    """
    if not words or not all(w.isascii() and w.isalpha() for w in words):
        return False
    return text.isascii() or not any(c in text for c in _ODD_FOLDS)


def _is_word_char(c: str) -> bool:
    """A ``\\w`` character (a letter, a digit or "_")."""
    return c.isalnum() or c == "_"


def phrase_end(text: str, low: str, words: tuple[str, ...], at: int, end: int) -> int:
    """Where the words, in any case and with white space between them, end when they start at
    ``at`` and end on a word boundary at or before ``end`` (``re.match`` of
    ``(?i:w1\\s+w2…)\\b`` at ``at`` with ``endpos=end``); -1 when they do not. ``low`` is
    ``text.lower()``; :func:`plain_folding` must hold.

    >>> t = "Chief  Executive, chief executives"
    >>> phrase_end(t, t.lower(), ("chief", "executive"), 0, len(t)), phrase_end(t, t.lower(), ("chief", "executive"), 18, len(t))
    (16, -1)
    """
    k = at
    for n, w in enumerate(words):
        if n:
            j = k
            while j < end and text[j].isspace():
                j += 1
            if j == k:
                return -1  # no white space between two words
            k = j
        if k + len(w) > end or not low.startswith(w, k):
            return -1
        k += len(w)
    # (the last word ends in a letter: a boundary unless a word character follows)
    return k if k == end or not _is_word_char(text[k]) else -1


def phrase_spans(text: str, low: str, words: tuple[str, ...], lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each match in ``text[lo:hi]`` of ``(?i:\\bw1\\s+w2…)\\b``, as
    ``finditer(text, lo, hi)`` gives them (a word boundary at ``lo`` reads the character before
    it). ``low`` is ``text.lower()``; :func:`plain_folding` must hold; ``words`` are lower case.

    >>> t = "aide Aide, the aides"
    >>> list(phrase_spans(t, t.lower(), ("aide",), 0, len(t))), list(phrase_spans(t, t.lower(), ("aide",), 1, 9))
    ([(0, 4), (5, 9)], [(5, 9)])
    """
    first = words[0]
    i = low.find(first, lo, hi)
    while i >= 0:
        # (the first word opens with a letter: a boundary unless a word character precedes)
        e = phrase_end(text, low, words, i, hi) if i == 0 or not _is_word_char(text[i - 1]) else -1
        if e >= 0:
            yield i, e
            i = low.find(first, e, hi)
        else:
            i = low.find(first, i + 1, hi)


@lru_cache(maxsize=1024)
def _role_patterns(words: tuple[str, ...], phrase: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """The role's head words and its whole phrase as patterns (compiled once per role): for
    roles or texts that :func:`plain_folding` turns away."""
    head = re.compile(r"(?i:\b" + r"\s+".join(re.escape(w) for w in words) + r")\b")
    whole = re.compile(r"(?i:" + r"\s+".join(re.escape(w) for w in phrase) + r")\b")
    return head, whole


class RolePhrase:
    """Where a role's head words (``(?i:\\bw1\\s+w2…)\\b``) and its whole phrase
    (``(?i:p1\\s+p2…)\\b``, matched at a place) occur in one text: found with ``str.find`` when
    :func:`plain_folding` holds, else with the patterns compiled for the role.

    >>> t = "Her son, actor Al Reyes, agreed. Later her son said no."
    >>> rp = RolePhrase(t, ("son",), ("son",))
    >>> list(rp.head_spans(0, len(t))), rp.whole_end(4)
    ([(4, 7), (43, 46)], 7)
    """

    def __init__(self, text: str, head: tuple[str, ...], whole: tuple[str, ...]) -> None:
        self._text = text
        if plain_folding(text, head + whole):
            self._low = text.lower()
            self._head = tuple(w.lower() for w in head)
            self._whole = tuple(w.lower() for w in whole)
            self._rx = None
        else:
            self._rx = _role_patterns(head, whole)

    def head_spans(self, lo: int, hi: int) -> Iterator[tuple[int, int]]:
        """(start, end) of each match of the head words in ``text[lo:hi]``, in order."""
        if self._rx is None:
            return phrase_spans(self._text, self._low, self._head, lo, hi)
        return (r.span() for r in self._rx[0].finditer(self._text, lo, hi))

    def whole_end(self, at: int) -> int:
        """Where the whole phrase ends when it starts at ``at`` (-1: it does not start there)."""
        if self._rx is None:
            return phrase_end(self._text, self._low, self._whole, at, len(self._text))
        w = self._rx[1].match(self._text, at)
        return w.end() if w is not None else -1
