"""Matching new quotes and claims against earlier ones.

Entry points: :func:`match_claims`, :func:`match_quotes`, :func:`compare_texts`.
"""
from __future__ import annotations

import pandas as pd

from claimtrack.records import Match


def match_claims(new: pd.DataFrame, history: pd.DataFrame) -> list[Match]:
    """Relate each new claim to earlier claims (placeholder until the matcher lands)."""
    return []


def match_quotes(new: pd.DataFrame, history: pd.DataFrame) -> list[Match]:
    """Relate each new quote to earlier quotes (placeholder until the matcher lands)."""
    return []


def compare_texts(earlier: str, later: str) -> dict:
    """Verdict for one pair of texts: {"relation": ..., "matches": [...]}."""
    return {"relation": "unrelated", "matches": []}
