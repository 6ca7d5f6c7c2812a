"""Whole-text scans that start from the few characters a match can open with, found by ``str.find``.

A regex that opens with a character class makes the engine test every character of the text
against the class (some fifty machine instructions each); ``str.find`` of one character runs at
memory speed. Where a pattern's matches can only open with a handful of characters ("." "!" "?"
and a newline end a sentence; a digit opens a date), the offsets of those characters are found
with ``str.find`` (:func:`char_positions`) and the pattern is tried there only (:func:`matches_at`),
with the same results as ``finditer``.

>>> import re
>>> t = "It rose. Then, at 10.30, it fell!"
>>> [m.group() for m in matches_at(re.compile(r"[.!?](?:\\s|$)"), char_positions(t, ".!?"), t)]
['. ', '!']
"""
from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["ASCII_DIGITS", "char_positions", "digit_offsets", "matches_at", "matches_from", "run_starts"]

ASCII_DIGITS = "0123456789"


def char_positions(text: str, chars: str, start: int = 0, end: int | None = None) -> list[int]:
    """The sorted offsets in ``text[start:end]`` (offsets into ``text``) of every character of ``chars``.

    >>> char_positions("a1b22", "21"), char_positions("a1b22", "21", 2, 4)
    ([1, 3, 4], [3])
    """
    if end is None:
        end = len(text)
    out: list[int] = []
    find = text.find
    for ch in chars:
        i = find(ch, start, end)
        while i >= 0:
            out.append(i)
            i = find(ch, i + 1, end)
    out.sort()
    return out


# the last text digit_offsets was asked about and its answer (held, so its id is never reused)
_LAST_DIGITS: list = [None, []]


def digit_offsets(text: str) -> list[int]:
    """``char_positions(text, ASCII_DIGITS)``, remembered for the last text asked about: the
    numeral scan and the masks read the same text one after the other. (Callers must not change
    the list.)

    >>> digit_offsets("a1b22")
    [1, 3, 4]
    """
    if _LAST_DIGITS[0] is not text:
        _LAST_DIGITS[1] = char_positions(text, ASCII_DIGITS)
        _LAST_DIGITS[0] = text
    return _LAST_DIGITS[1]


def run_starts(offsets: list[int]) -> list[int]:
    """The offsets among sorted ``offsets`` that do not follow another: where each run begins.

    >>> run_starts([1, 3, 4, 5, 9])
    [1, 3, 9]
    """
    return [p for i, p in enumerate(offsets) if not i or offsets[i - 1] != p - 1]


def matches_at(pattern: re.Pattern, positions: Iterable[int], text: str, pos: int = 0,
               endpos: int | None = None) -> list[re.Match]:
    """``list(pattern.finditer(text, pos, endpos))`` when every match opens at one of ``positions``
    (ascending): the pattern is tried there only, and, as ``finditer`` does, never inside the last
    match found. (``pattern`` must not match the empty string.)

    >>> [m.span() for m in matches_at(re.compile(r"\\d+"), [1, 2, 5], "a12b 3")]
    [(1, 3), (5, 6)]
    """
    if endpos is None:
        endpos = len(text)
    out = []
    match = pattern.match
    for p in positions:
        if p < pos:
            continue  # inside the last match, as finditer goes on from its end
        m = match(text, p, endpos)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def matches_from(pattern: re.Pattern, starts: re.Pattern, text: str, pos: int = 0,
                 endpos: int | None = None) -> list[re.Match]:
    """:func:`matches_at` the places where ``starts`` finds a match can begin: the regex engine
    skips to those in C instead of trying ``pattern`` at every position.

    >>> matches_from(re.compile(r"\\d+"), re.compile(r"\\d"), "a 12 b 345")[1].group()
    '345'
    """
    if endpos is None:
        endpos = len(text)
    return matches_at(pattern, map(re.Match.start, starts.finditer(text, pos, endpos)), text, pos, endpos)
