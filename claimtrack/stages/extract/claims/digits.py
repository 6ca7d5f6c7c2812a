r"""Faster scans for a digit in texts whose digits are all 0-9.

``\d`` in a regex over a str matches every Unicode decimal digit ("٣", "３"), and tests each
character's category to do it; a search that opens with a ``\d`` does that at every position of
the text. ``[0-9]`` is one bit of a table. In a text whose digits are all 0-9 (nearly every
text) the two find the same, so the whole-text scans for digits are compiled both ways
(:class:`DigitRegex`) and use the ``[0-9]`` form there.

>>> rx = DigitRegex(r"[\d+(]\d")
>>> rx.ascii.pattern
'[0-9+(][0-9]'
>>> rx.for_text("a 12").search("a 12").group(), rx.for_text("x ٣٤").search("x ٣٤").group()
('12', '٣٤')
"""
from __future__ import annotations

import re

__all__ = ["DigitRegex", "ascii_digits", "digits_are_ascii"]

# a character outside ASCII that is a decimal digit (the class is tested first: a table bit)
_OTHER_DIGIT = re.compile(r"[^\x00-\x7f](?<=\d)")


def digits_are_ascii(text: str) -> bool:
    """Whether every decimal digit of ``text`` is one of 0-9.

    ``str.isascii`` is free in CPython, and so is nearly a text's copy in Latin-1 (no character
    below U+0100 is a digit but 0-9: "²" and "½" are not decimal digits); other texts are searched
    once for another script's digit.

    >>> digits_are_ascii("£5 and 7"), digits_are_ascii("“5” – ٣ apples"), digits_are_ascii("“5” – 3 apples")
    (True, False, True)
    """
    if text.isascii():
        return True
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return _OTHER_DIGIT.search(text) is None
    return True


def ascii_digits(pattern: str) -> str:
    r"""``pattern`` with each ``\d`` written as the range 0-9 (``[0-9]``, or ``0-9`` inside a class).

    >>> ascii_digits(r"\d(?<![\w.,]\d)\\d[^\d]")
    '[0-9](?<![\\w.,][0-9])\\\\d[^0-9]'
    """
    out = []
    i = 0
    in_class = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            pair = pattern[i:i + 2]
            out.append(("0-9" if in_class else "[0-9]") if pair == r"\d" else pair)
            i += 2
            continue
        out.append(c)
        i += 1
        if c == "[" and not in_class:
            in_class = True
            for literal in ("^", "]"):  # "[^...", "[]...", "[^]...": the "]" right after opens is a character
                if pattern[i:i + 1] == literal:
                    out.append(literal)
                    i += 1
        elif c == "]" and in_class:
            in_class = False
    return "".join(out)


class DigitRegex:
    r"""A regex compiled as written and with ``\d`` as 0-9; :meth:`for_text` picks the one to use."""

    __slots__ = ("unicode", "ascii")

    def __init__(self, pattern: str, flags: int = 0):
        self.unicode = re.compile(pattern, flags)
        self.ascii = re.compile(ascii_digits(pattern), flags)

    def for_text(self, text: str, ascii_only: bool | None = None) -> re.Pattern:
        """The form that finds in ``text`` what the pattern as written finds, fastest (``ascii_only``:
        :func:`digits_are_ascii` of ``text``, when the caller knows it)."""
        if ascii_only is None:
            ascii_only = digits_are_ascii(text)
        return self.ascii if ascii_only else self.unicode
