"""What sits right around a quote in its sentence and tells whose it is not: a label that a
colon ends after a dash (it opens the next quote), the lower-case word of a clause that a
quoted word sits inside (what follows goes on with the clause), a list's bullet before a label.

>>> _BULLET.match("- City boss Ann Ward:").end()
2
"""
from __future__ import annotations

import re

from claimtrack.stages.extract.quotes.names import Mention


_LABEL_COLON = re.compile(r"\s*:")


def _opens_label(rest: str, mention: Mention) -> bool:
    """Whether the name after a dash is a label that a colon ends: it opens the quote after it,
    not the one before ('"…" - City boss Ann Ward: "…"', a list of quotes in a preview).

    >>> m = Mention("City boss Ann Ward", "Ann Ward", "name")
    >>> _opens_label(" City boss Ann Ward: \x01", m), _opens_label(" City boss Ann Ward, at home", m)
    (True, False)
    """
    at = rest.find(mention.text)
    return at >= 0 and _LABEL_COLON.match(rest, at + len(mention.text)) is not None


_LOWER_WORD_END = re.compile(r"\b[a-z][\w’'-]*\s*$")


def _in_clause(frame: str, b: int) -> bool:
    """Whether the quote ending at ``b`` sits inside a clause, right after one of its
    lower-case words ('scrapping "costly" ID cards', 'a "modest" trade deal'): what
    follows goes on with that clause, so a name and a verb there are not the quote's speaker
    and cue as in '"…," Mr Burton fumed' (a quote that opens its sentence or follows a colon).

    >>> _in_clause("He opposed \x01\x01 ID cards", 13), _in_clause("\x01\x01 Mr Burton fumed", 2)
    (True, False)
    """
    a = b
    while a > 0 and frame[a - 1] == "\x01":
        a -= 1
    return _LOWER_WORD_END.search(frame, max(0, a - 40), a) is not None


_BULLET = re.compile(r"\s*[-–—•*▪]\s+")  # a list line opens with it: "- City boss Ann Ward: …"
