"""Flags as a reviewer sees them: both sides, the words to look at, why each was raised, its decisions.

``open_flags`` orders flags the way the report and ``claimtrack review`` show them: the most
certain first (``confidence``, 0-1, set by the matcher), flags without a confidence (older rows)
after those, and within equal confidence the oldest first. ``why_line`` turns a flag's
``evidence`` ("holder: Texaco; measure: net profit") into the one line that says why it was raised.

>>> why_line("holder: Texaco; measure: net profit; period: Q3 1987", 0.92)
'why: same holder Texaco, measure net profit, period Q3 1987 (confidence 0.92)'
>>> why_line(None, None)
'why: no evidence recorded for this flag'
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd
import pyarrow.dataset as ds

from claimtrack.review.decisions import Decision, decision_histories
from claimtrack.review.status import latest_status
from claimtrack.review.text import changed_words, display_text, segments
from claimtrack.stages.match.quotes import same_speaker
from claimtrack.store import Curated


@dataclass
class Side:
    """One of the two items a flag relates: where it was said, by whom, and the words to look at."""

    item_id: str
    article_id: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    speaker: str | None = None
    speaker_differs: bool = False
    sentence: str = ""
    highlights: list[tuple[int, int]] = field(default_factory=list)  # spans of ``sentence``
    figure: str | None = None  # a claim's surface ("more than 3 million")
    text: str | None = None  # a quote's words, or a claim's sentence

    @property
    def parts(self) -> list[tuple[str, bool]]:
        return segments(self.sentence, self.highlights)

    @property
    def who(self) -> str | None:
        """Who made the claim: the speaker, else the article's author, else its source."""
        return self.speaker or self.author or self.source


@dataclass
class FlagView:
    """A flag with both sides, why it was raised and what reviewers decided, ready to show."""

    flag_id: str
    kind: str
    relation: str
    detail: str
    status: str
    flagged_at: datetime | None
    earlier: Side
    later: Side
    history: list[Decision] = field(default_factory=list)  # oldest first
    confidence: float | None = None
    evidence: str | None = None

    @property
    def notes(self) -> list[str]:
        """The notes alone (see ``history`` for who wrote them and when)."""
        return [d.note for d in self.history if d.note]

    @property
    def decision(self) -> Decision | None:
        """The decision that set the current status (None while open)."""
        return next((d for d in reversed(self.history) if d.decision), None)

    @property
    def why(self) -> str:
        return why_line(self.evidence, self.confidence)


def _present(value):
    """None for the missing values pandas hands back (None, NaN, NaT)."""
    return None if value is None or value is pd.NaT or (isinstance(value, float) and value != value) else value


def _when(value) -> datetime | None:
    value = _present(value)
    return value.to_pydatetime() if hasattr(value, "to_pydatetime") else value


def why_line(evidence, confidence) -> str:
    """One line from a flag's ``evidence`` ("key: value; key: value") and ``confidence``."""
    evidence, confidence = display_text(_present(evidence)), _present(confidence)
    items = []
    for part in (p.strip() for p in evidence.split(";")):
        key, sep, value = part.partition(":")
        if part:
            items.append(f"{key.strip()} {value.strip()}" if sep and key.strip() and value.strip() else part)
    sure = f"confidence {float(confidence):.2f}" if confidence is not None else "confidence not recorded"
    if not items:
        if confidence is None:
            return "why: no evidence recorded for this flag"
        return f"why: no evidence recorded ({sure})"
    same = "same " if all(":" in p for p in evidence.split(";") if p.strip()) else ""
    return f"why: {same}{', '.join(items)} ({sure})"


def load_flags(curated: Curated) -> pd.DataFrame:
    """The flags table with ``status`` from the latest review decision (the reviews are the truth)."""
    return latest_status(curated.read("flags"), curated.read("reviews"))


def open_flags(flags: pd.DataFrame, status: str | None = "open") -> pd.DataFrame:
    """Flags with ``status`` (None or "all": every one), most certain first.

    By ``confidence`` (highest first; flags without one after those), then oldest first, then by
    flag id, so the order is stable.
    """
    out = flags if status in (None, "all") else flags[flags["status"] == status]
    out = out.assign(_rank=-pd.to_numeric(out["confidence"], errors="coerce")) if "confidence" in out \
        else out.assign(_rank=float("nan"))
    out = out.sort_values(["_rank", "flagged_at", "flag_id"], kind="stable", na_position="last")
    return out.drop(columns="_rank").reset_index(drop=True)


def _locate(sentence: str, needle: str, start=None, text: str | None = None) -> tuple[int, int] | None:
    """Where ``needle`` (a claim's surface, starting at ``start`` in ``text``) sits in ``sentence``."""
    if not needle or not sentence:
        return None
    hits = [m.start() for m in re.finditer(re.escape(needle), sentence)]
    if not hits:
        return None
    if len(hits) > 1 and text and start is not None:
        at = text.rfind(sentence, 0, int(start) + 1)
        if at >= 0 and int(start) - at in hits:
            return int(start) - at, int(start) - at + len(needle)
    return hits[0], hits[0] + len(needle)


def _side(item_id: str, item: dict | None, article: dict | None) -> Side:
    side = Side(item_id=item_id)
    if item is None:
        side.sentence = "(this item is no longer in the tables)"
        return side
    side.article_id = _present(item.get("article_id"))
    side.speaker = _present(item.get("speaker"))
    if article is not None:
        side.source = _present(article.get("source"))
        side.title = _present(article.get("title"))
        side.url = _present(article.get("url"))
        side.author = _present(article.get("author"))
        side.published_at = _when(article.get("published_at"))
    return side


def flag_views(flags: pd.DataFrame, claims: pd.DataFrame, quotes: pd.DataFrame,
               articles: pd.DataFrame, reviews: pd.DataFrame | None = None) -> list[FlagView]:
    """Each flag with its two sides: sentences, the figure or changed words highlighted, sources,
    dates, and its decision history from ``reviews``.

    ``articles`` needs article_id, source, title, url, published_at (author when available, and
    ``text`` to place a figure that occurs twice in its sentence).
    """
    by_claim = {r["claim_id"]: r for r in claims.to_dict("records")} if len(claims) else {}
    by_quote = {r["quote_id"]: r for r in quotes.to_dict("records")} if len(quotes) else {}
    by_article = {r["article_id"]: r for r in articles.to_dict("records")} if len(articles) else {}
    histories = decision_histories(reviews) if reviews is not None else {}
    views = []
    for f in flags.to_dict("records"):
        items = by_claim if f["kind"] == "claim" else by_quote
        e_item, n_item = items.get(f["earlier_id"]), items.get(f["new_id"])
        e_art = by_article.get(e_item["article_id"]) if e_item else None
        n_art = by_article.get(n_item["article_id"]) if n_item else None
        earlier, later = _side(f["earlier_id"], e_item, e_art), _side(f["new_id"], n_item, n_art)
        if f["kind"] == "claim":
            for side, item, art in ((earlier, e_item, e_art), (later, n_item, n_art)):
                if item is None:
                    continue
                side.figure = _present(item.get("surface"))
                side.sentence = _present(item.get("sentence")) or side.figure or ""
                side.text = side.sentence
                span = _locate(side.sentence, side.figure or "", _present(item.get("start")),
                               _present(art.get("text")) if art else None)
                side.highlights = [span] if span else []
        elif e_item is not None and n_item is not None:
            e_text, n_text = _present(e_item.get("text")) or "", _present(n_item.get("text")) or ""
            e_spans, n_spans = changed_words(e_text, n_text)
            for side, item, text, spans in ((earlier, e_item, e_text, e_spans), (later, n_item, n_text, n_spans)):
                sentence = _present(item.get("sentence")) or ""
                at = sentence.find(text) if text else -1
                if at < 0:  # the quote as extracted, in quotation marks
                    sentence, at = f"\u201c{text}\u201d", 1
                side.sentence, side.text = sentence, text
                side.highlights = [(at + a, at + b) for a, b in spans]
            differs = same_speaker(earlier.speaker, later.speaker) is False
            earlier.speaker_differs = later.speaker_differs = differs
        else:
            for side, item in ((earlier, e_item), (later, n_item)):
                if item is not None:
                    side.sentence = _present(item.get("sentence")) or _present(item.get("text")) or ""
                    side.text = _present(item.get("text")) or side.sentence
        confidence = _present(f.get("confidence"))
        views.append(FlagView(flag_id=f["flag_id"], kind=f["kind"], relation=f["relation"],
                              detail=_present(f.get("detail")) or "", status=_present(f.get("status")) or "open",
                              flagged_at=_when(f.get("flagged_at")), earlier=earlier, later=later,
                              history=histories.get(f["flag_id"], []),
                              confidence=float(confidence) if confidence is not None else None,
                              evidence=_present(f.get("evidence"))))
    return views


def load_views(curated: Curated, status: str | None = "open", flag_ids: list[str] | None = None) -> list[FlagView]:
    """``flag_views`` for the flags with ``status`` (most certain first), reading only the rows they cite."""
    flags = open_flags(load_flags(curated), status)
    if flag_ids is not None:
        flags = flags[flags["flag_id"].isin(flag_ids)]
    ids = list(set(flags["new_id"]) | set(flags["earlier_id"]))
    claims = curated.read("claims", filter=ds.field("claim_id").isin(ids)) if ids else curated.read("claims").head(0)
    quotes = curated.read("quotes", filter=ds.field("quote_id").isin(ids)) if ids else curated.read("quotes").head(0)
    art_ids = list(set(claims["article_id"]) | set(quotes["article_id"]))
    articles = curated.read("articles", filter=ds.field("article_id").isin(art_ids)) if art_ids \
        else curated.read("articles").head(0)
    return flag_views(flags, claims, quotes, articles, curated.read("reviews"))
