"""The working record of one quote during attribution, and how a speaker is set on it.

>>> f = Found(0, 5, "")
>>> _set(f, Mention("Jo Park", "Jo Park", "name"), "said"); (f.speaker, _via(f))
('Jo Park', 'name')
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from claimtrack.stages.extract.quotes.lexicon import is_place, _ORG_WORDS
from claimtrack.stages.extract.quotes.names import Mention

@dataclass(slots=True)
class Found:
    """A quote with its attribution, before it becomes a :class:`~claimtrack.records.Quote`."""

    start: int
    end: int
    sentence: str
    speaker: str | None = None
    mention: str | None = None
    cue: str | None = None
    partial: bool = False
    kind: str | None = None  # mention kind: name, pronoun, role
    female: bool | None = None
    standalone: bool = False
    keep: bool = True
    group: int = -1
    para: int = 0
    para_start: int = 0
    para_end: int = 0
    unclosed: bool = False
    sent_start: int = 0
    sent_end: int = 0
    after: bool = False  # attributed by a cue right after the quote
    carried: bool = False  # the speaker came from a neighbouring sentence or paragraph
    via: str | None = None  # Quote.speaker_via, set by :func:`_set_via` once names are resolved


def _speaker_of(m: Mention) -> str | None:
    """The speaker column for a mention: a name, a group of names, a role as written."""
    if m.kind in ("name", "group"):
        return m.name
    return m.text if m.kind == "role" else None


def _set(f: Found, m: Mention, cue: str | None, carried: bool = False) -> None:
    f.mention, f.cue, f.kind, f.female = m.text, cue, m.kind, m.female
    f.speaker = _speaker_of(m)
    f.carried = carried


def _copy(dst: Found, src: Found, carried: bool = False) -> None:
    """``src``'s attribution on ``dst``: carried (from another sentence or paragraph) when
    ``carried`` or when ``src`` itself had it carried; else the same clause governs both."""
    dst.speaker, dst.mention, dst.cue = src.speaker, src.mention, src.cue
    dst.kind, dst.female = src.kind, src.female
    dst.carried = carried or src.carried


def _via(f: Found) -> str | None:
    """How the speaker was found (``Quote.speaker_via``): "context" when carried from a
    neighbouring sentence or paragraph, else by the kind of the quote's own attribution:
    "pronoun" (resolved to a name), "role" (a role noun phrase or an organisation), "name".

    >>> _via(Found(0, 1, "", speaker="Jo Park", kind="name"))
    'name'
    >>> _via(Found(0, 1, "", speaker="the ministry", kind="role")), _via(Found(0, 1, "", kind="pronoun"))
    ('role', None)
    """
    if not f.speaker:
        return None
    if f.carried:
        return "context"
    if f.kind == "pronoun":
        return "pronoun"
    if f.kind == "role" or (f.kind == "name" and _org_head(f.speaker)):
        return "role"
    return "name"


def _org_head(name: str) -> bool:
    """A proper name headed by an organisation word ("Acme Bank", "Reuters"); unlike
    :func:`_is_org` not a place: "Jo Park" and "Ann Hall" are people.

    >>> _org_head("Hallam City Council"), _org_head("Jo Park")
    (True, False)
    """
    return name.rsplit(None, 1)[-1].lower().rstrip(".") in _ORG_WORDS


@lru_cache(maxsize=4096)
def _is_org(name: str) -> bool:
    """An organisation or a place rather than a person: no "he" or "she" refers to it."""
    return name.rsplit(None, 1)[-1].lower().rstrip(".") in _ORG_WORDS or is_place(name) or \
        any(c.isdigit() for c in name)
