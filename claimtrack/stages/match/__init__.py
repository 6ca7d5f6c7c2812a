"""Matching new quotes and claims against earlier ones.

Entry points: :func:`match_claims`, :func:`match_quotes`, :func:`compare_texts`; knobs in
:class:`MatchSettings`. Claims are blocked by counted thing, unit and subject, scored by context
(0–1) and related by their intervals on a common unit scale (figures.py, relate.py, units.py); quotes are blocked by word pairs,
scored with rapidfuzz (0–100) and related by words and speaker (quotes.py).
"""
from __future__ import annotations

from claimtrack.stages.match.compare import compare_texts
from claimtrack.stages.match.figures import match_claims
from claimtrack.stages.match.quotes import match_quotes
from claimtrack.stages.match.settings import MatchSettings

__all__ = ["MatchSettings", "compare_texts", "match_claims", "match_quotes"]
