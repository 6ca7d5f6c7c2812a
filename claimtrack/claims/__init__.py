"""Numeric-claim extraction: numbers -> qualifiers -> units -> context (noun, subject, speaker).

Entry point: :func:`extract_claims`.
"""
from __future__ import annotations

from claimtrack.records import Claim, Quote


def extract_claims(text: str, article_id: str = "", quotes: list[Quote] | None = None) -> list[Claim]:
    """Every numeric claim in ``text`` (placeholder until the extractor lands)."""
    return []
