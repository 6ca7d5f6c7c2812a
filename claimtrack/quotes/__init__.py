"""Quote extraction: quotation marks -> cue -> speaker -> coreference.

Entry point: :func:`extract_quotes`.
"""
from __future__ import annotations

from claimtrack.records import Quote


def extract_quotes(text: str, article_id: str = "") -> list[Quote]:
    """Every direct quotation in ``text`` with its speaker (placeholder until the extractor lands)."""
    return []
