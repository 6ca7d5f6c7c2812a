"""Verdict for one pair of texts (placeholder until the claim extractor lands)."""
from __future__ import annotations


def compare_texts(earlier: str, later: str) -> dict:
    """Verdict for one pair of texts: {"relation": ..., "matches": [...]}."""
    return {"relation": "unrelated", "matches": []}
