"""Confirmed flags as schema.org ``ClaimReview`` objects (JSON-LD), the form fact-checkers publish.

One ``ClaimReview`` per confirmed flag, with the field names of https://schema.org/ClaimReview
(and of Google's fact-check markup, which reads the same properties):

- ``claimReviewed``: the later side's words (a claim's sentence, a quote's words);
- ``itemReviewed``: a ``Claim`` with its ``author`` (the speaker, else the source), its
  ``datePublished`` and its ``appearance`` (a ``NewsArticle``: url, headline, datePublished,
  publisher = the source); the earlier report it contradicts or alters is the review's
  ``citation``;
- ``reviewRating``: a ``Rating`` whose ``alternateName`` says what the reviewer confirmed
  ("Contradicted by an earlier report", "Altered quote", "Misattributed quote") and whose
  ``ratingExplanation`` is the reviewer's note (the flag's detail when there is no note);
- ``author``: the reviewer who confirmed it; ``datePublished``: when they did;
  ``reviewBody``: the flag's detail; ``identifier``: the flag id; ``url``: the review page,
  when a ``url_template`` is given ("https://desk.example.org/checks/{flag_id}").

No rating value is given: a flag is confirmed or not, there is no scale to place it on.
Missing values are left out rather than written as null.

>>> rating_name("altered"), author_type("the United Nations"), author_type("Jan Egeland")
('Altered quote', 'Organization', 'Person')
"""
from __future__ import annotations

from datetime import datetime, timezone

from claimtrack.review.decisions import Decision
from claimtrack.review.text import display_text
from claimtrack.review.views import FlagView, Side, load_views
from claimtrack.store import Curated

CONTEXT = "https://schema.org"
RATING_NAMES = {"contradiction": "Contradicted by an earlier report", "altered": "Altered quote",
                "misattributed": "Misattributed quote"}
# A name that ends in one of these words (or starts with "the") is an organisation, not a person.
_ORGANISATION_WORDS = frozenset("""agency army association authority bank board bureau church club commission
committee company corp corporation council court department office fund government group inc institute
ltd ministry nations navy organisation organization party police service university union parliament
senate congress""".split())


def rating_name(relation: str) -> str:
    """What a confirmed flag of ``relation`` says about the later report, in a reader's words."""
    return RATING_NAMES.get(relation, display_text(relation).capitalize() or "Flagged")


def author_type(name: str) -> str:
    """'Organization' for "the UN", "Acme Corp", "Ministry of Health"; else 'Person'."""
    words = name.lower().replace(".", " ").split()
    if not words:
        return "Person"
    if words[0] == "the" or words[-1] in _ORGANISATION_WORDS or words[0] in _ORGANISATION_WORDS:
        return "Organization"
    return "Person"


def _iso(when: datetime | None) -> str | None:
    if when is None:
        return None
    when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _drop_empty(obj: dict) -> dict:
    return {k: v for k, v in obj.items() if v not in (None, "", {}, [])}


def appearance(side: Side) -> dict:
    """Where and when one side appeared, as a ``NewsArticle``."""
    url = display_text(side.url)
    source = display_text(side.source)
    return _drop_empty({"@type": "NewsArticle", "url": url if url.lower().startswith(("http://", "https://")) else None,
                        "headline": display_text(side.title), "datePublished": _iso(side.published_at),
                        "publisher": _drop_empty({"@type": "Organization", "name": source}) if source else None})


def claim_review(view: FlagView, decision: Decision, url_template: str | None = None) -> dict:
    """One confirmed flag as a ``ClaimReview`` (a JSON-ready dict)."""
    later = view.later
    words = display_text(later.text or later.sentence)
    said_by = display_text(later.speaker) or display_text(later.source)
    note = next((d.note for d in reversed(view.history) if d.note), None)
    reviewer = display_text(decision.reviewer)
    return _drop_empty({
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "identifier": view.flag_id,
        "url": url_template.format(flag_id=view.flag_id) if url_template else None,
        "claimReviewed": words,
        "itemReviewed": _drop_empty({
            "@type": "Claim",
            "author": {"@type": author_type(said_by), "name": said_by} if said_by else None,
            "datePublished": _iso(later.published_at),
            "appearance": appearance(later),
        }),
        "citation": appearance(view.earlier),
        "author": {"@type": "Person", "name": reviewer} if reviewer else None,
        "datePublished": _iso(decision.decided_at),
        "reviewBody": display_text(view.detail),
        "reviewRating": _drop_empty({"@type": "Rating", "alternateName": rating_name(view.relation),
                                     "ratingExplanation": display_text(note) or display_text(view.detail)}),
    })


def claim_reviews(views: list[FlagView], url_template: str | None = None) -> list[dict]:
    """``claim_review`` of each confirmed view, by the time it was confirmed (oldest first)."""
    out = []
    for view in views:
        decision = view.decision
        if view.status == "confirmed" and decision is not None and decision.decision == "confirmed":
            out.append((decision.decided_at, view.flag_id, claim_review(view, decision, url_template)))
    far_past = datetime.min.replace(tzinfo=timezone.utc)
    return [review for _, _, review in sorted(out, key=lambda t: (t[0] or far_past, t[1]))]


def export_reviews(curated: Curated, url_template: str | None = None) -> list[dict]:
    """The confirmed flags of ``curated`` as ClaimReview objects."""
    return claim_reviews(load_views(curated, "confirmed"), url_template)
