"""Which characters a match of a regular expression can begin with, read from the pattern.

The unit table (:mod:`.units`) and the number scanner (:mod:`.numbers`) use it to send each lookup
to the few alternatives that can match at all: Python's ``re`` tries the branches of an alternation
one by one. A small reader of the regex syntax those tables use, no private ``re`` internals.

>>> sorted(first_chars(r"km|kg|mi"))
['k', 'm']
"""
from __future__ import annotations

_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_CLASS_ESCAPES = frozenset("sSwWdD")


def first_chars(pattern: str) -> frozenset[str] | None:
    r"""The characters a match of ``pattern`` can begin with; None when any character may, or when
    the pattern uses syntax this reader does not know (then every table row is tried: the same
    results, only slower).

    Used to send each unit lookup to the few table rows that can match at all: Python's re
    tries the branches of an alternation one by one. A small reader of the regex syntax that
    the unit table uses (literals, escapes, classes, groups, look-arounds, quantifiers).

    >>> sorted(first_chars(r"(?:kilo|k)?m(?![\w])|mi"))
    ['k', 'm']
    >>> first_chars(r"\s?km") is None, first_chars(r"[^a]b") is None
    (True, True)
    """
    try:
        chars, nullable, end = _first_alt(pattern, 0)
    except (IndexError, ValueError):
        return None
    if chars is None or nullable or end != len(pattern):
        return None
    return frozenset(chars)


def _first_alt(p: str, i: int) -> tuple[set | None, bool, int]:
    """First characters of the alternation starting at ``p[i]``, up to its closing ")" (or the end)."""
    chars: set | None = set()
    nullable = False
    while True:
        f, n, i = _first_seq(p, i)
        chars = None if chars is None or f is None else chars | f
        nullable = nullable or n
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        return chars, nullable, i


def _first_seq(p: str, i: int) -> tuple[set | None, bool, int]:
    """First characters of a sequence (one branch), and whether it can match the empty string."""
    chars: set | None = set()
    nullable = True
    while i < len(p) and p[i] not in "|)":
        f, n, i = _first_item(p, i)
        if i < len(p) and p[i] in "?*+{":
            if p[i] == "{":
                close = p.index("}", i)
                n = n or p[i + 1:close].split(",")[0] in ("", "0")
                i = close + 1
            else:
                n = n or p[i] in "?*"
                i += 1
            if i < len(p) and p[i] in "?+":  # lazy or possessive
                i += 1
        if nullable:
            chars = None if chars is None or f is None else chars | f
            nullable = n
    return chars, nullable, i


def _first_item(p: str, i: int) -> tuple[set | None, bool, int]:
    """One atom at ``p[i]``: (its first characters or None, whether it can be empty, next index)."""
    c = p[i]
    if c == "(":
        if p.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):  # a look-around: zero width
            _, _, j = _first_alt(p, i + (4 if p[i + 2] == "<" else 3))
            return set(), True, j + 1
        if p.startswith("(?:", i):
            start = i + 3
        elif p.startswith("(?P<", i):
            start = p.index(">", i) + 1
        elif p.startswith("(?", i):
            raise ValueError("flags or another group kind")
        else:
            start = i + 1
        f, n, j = _first_alt(p, start)
        if j >= len(p) or p[j] != ")":
            raise ValueError("unclosed group")
        return f, n, j + 1
    if c == "[":
        j = i + 1
        known = p[j] != "^"  # a negated class may begin with almost anything
        j += not known
        out: set = set()
        first = True
        while first or p[j] != "]":
            first = False
            ch = p[j]
            if ch == "\\":
                known = known and p[j + 1] not in _CLASS_ESCAPES  # "[\s-]": many characters
                ch, j = p[j + 1], j + 2
            else:
                j += 1
            if p[j] == "-" and p[j + 1] != "]":
                hi = p[j + 1]
                known = known and hi != "\\" and ord(hi) - ord(ch) <= 200
                out.update(chr(x) for x in range(ord(ch), ord(hi) + 1) if known)
                j += 2
            else:
                out.add(ch)
        return (out if known else None), False, j + 1
    if c == "\\":
        e = p[i + 1]
        if e in _ZERO_WIDTH_ESCAPES:
            return set(), True, i + 2
        if e in _CLASS_ESCAPES or e.isalnum():
            return None, False, i + 2  # \s, \w, \d, \n ...: many characters
        return {e}, False, i + 2
    if c in "^$":
        return set(), True, i + 1
    if c == ".":
        return None, False, i + 1
    return {c}, False, i + 1
