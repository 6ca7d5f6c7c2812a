"""The typed records that flow between stages.

Each record is a plain dataclass whose fields are the columns of one table in DESIGN.md
(``asdict(record)`` is a table row). Extractors and matchers are pure functions that return
lists of these; only ``claimtrack.store`` turns them into Parquet.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from datetime import datetime
from operator import attrgetter

#: qualifier values of a numeric claim (DESIGN.md, claims table)
QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range", "vague")
#: relation values of a match, per kind
CLAIM_RELATIONS = ("repeat", "consistent", "update", "contradiction")
QUOTE_RELATIONS = ("repeat", "altered", "misattributed")
#: relations a human must review: these become flags
FLAGGED_RELATIONS = ("contradiction", "altered", "misattributed")
FLAG_STATUSES = ("open", "confirmed", "dismissed")


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, deterministic id from its parts.

    >>> stable_id("a", 1) == stable_id("a", 1)
    True
    """
    h = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8"))  # map: no generator frame per id
    return h.hexdigest()[:length]


_sha256 = hashlib.sha256


def span_id(article_id: str, kind: str, start: int, end: int) -> str:
    """``stable_id(article_id, kind, start, end)``, the id of a quote or claim, written out: the
    extractors make one per record, and the generic join over ``map(str, parts)`` and the
    16-character slice of 64 hex digits cost more than the hash of so short a string (the
    f-string writes each part as ``str`` does; eight bytes are sixteen hex digits).

    >>> span_id("bbc-1", "c", 10, 14) == stable_id("bbc-1", "c", 10, 14)
    True
    """
    return _sha256(f"{article_id}\x1f{kind}\x1f{start}\x1f{end}".encode()).digest()[:8].hex()


def as_row(record) -> dict:
    """A record as a table row: a shallow dict of its fields.

    ``dataclasses.asdict`` deep-copies every field, which costs seconds on a night's records.

    >>> as_row(Rejection("a.txt", "empty", "the file is empty"))["reason"]
    'empty'
    """
    known = _ROW_GETTERS.get(type(record))
    if known is None:  # once per record type: ``fields()`` costs more than reading the values
        names = tuple(f.name for f in fields(record))
        known = _ROW_GETTERS[type(record)] = (names, attrgetter(*names) if len(names) > 1
                                               else (lambda r, n=names[0]: (getattr(r, n),)))
    names, get = known
    return dict(zip(names, get(record)))


#: per record type: its field names, and a C-level getter of their values in that order
_ROW_GETTERS: dict[type, tuple[tuple[str, ...], object]] = {}


@dataclass(slots=True)
class Article:
    """One parsed article. ``text`` is exactly what the extractors saw: offsets point into it."""

    article_id: str
    text: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published_at: datetime | None = None  # UTC, tz-aware, or None
    raw_path: str | None = None
    raw_sha256: str | None = None
    # where published_at came from: "article" (the text or page says it), "url", "file-name",
    # "feed", "file-time" (the raw file's mtime); None when nothing gave a date
    date_source: str | None = None
    lang: str | None = None  # ISO 639-1 code of the text's language, None if unknown


@dataclass(slots=True)
class Quote:
    """A direct quotation and who said it.

    ``text`` excludes the quotation marks; ``start``/``end`` are character offsets of that text
    in the article (``article.text[start:end] == text``). ``speaker`` is the fullest name the
    article gives (pronouns resolved where possible), followed by the role the article writes before
    it ("Jennifer Palmieri, Clinton's communications director" for "Clinton's communications
    director, Jennifer Palmieri"); ``speaker_mention`` the words as written.
    """

    quote_id: str
    article_id: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_mention: str | None = None
    cue: str | None = None
    sentence: str | None = None
    partial: bool = False  # a fragment quoted inside indirect speech
    # how the speaker was found: "name" (named in this quote's own attribution), "role" (a role or
    # organisation: "a spokesperson for X"), "pronoun" (he/she/they resolved to an earlier name),
    # "context" (carried from a neighbouring sentence or paragraph); None when there is no speaker
    speaker_via: str | None = None


@dataclass(slots=True)
class Claim:
    """A numeric claim: a quantity as written, its value, and the interval the wording allows.

    ``low <= value <= high`` always holds. ``subject`` lists the places, organisations and
    people the sentence ties the number to.
    """

    claim_id: str
    article_id: str
    surface: str
    value: float
    low: float
    high: float
    qualifier: str  # one of QUALIFIERS
    start: int
    end: int
    unit: str | None = None
    noun: str | None = None
    subject: list[str] = field(default_factory=list)
    speaker: str | None = None
    sentence: str | None = None
    sentence_start: int = -1  # offset of ``sentence`` in the text (-1: unknown)
    # the claim frame: whose figure it is, what it counts, when, and where or for which part
    holder: str | None = None   # the entity that holds the figure ("Texaco", "Turkey")
    measure: str | None = None  # what is counted or measured, with its verb ("net profit", "trapped")
    period: str | None = None   # the reference period or as-of date ("1986-Q4", "2019-11", "week to March 20")
    scope: str | None = None    # a region or segment the figure is limited to ("Idlib", "retail")


@dataclass(slots=True)
class Match:
    """A new quote or claim related to an earlier one."""

    match_id: str
    kind: str  # "claim" or "quote"
    new_id: str
    earlier_id: str
    score: float
    relation: str  # CLAIM_RELATIONS or QUOTE_RELATIONS
    detail: str
    confidence: float | None = None  # 0-1: how sure the matcher is that both sides are the same thing
    evidence: str | None = None      # what made them the same thing ("holder: Texaco; measure: net profit")


@dataclass(slots=True)
class Rejection:
    """An input that was not ingested, and why."""

    raw_path: str
    reason: str  # short machine-friendly reason: "empty", "binary", "bad-json", ...
    detail: str  # one line a human understands
    raw_sha256: str | None = None
