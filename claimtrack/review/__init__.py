"""The reviewer's side of the flags, one module per concern.

- ``text``: article text made safe to show (``display_text``), highlight segments, changed words;
- ``views``: flags as a reviewer sees them (``FlagView``: both sides, why, decisions), their order;
- ``decisions``: recording a decision or a note (``record_decision``) and each flag's history;
- ``status``: a flag's status from the latest decision (shared with the run);
- ``history``: every claim about a flagged figure, over time (``figure_histories``);
- ``timeline`` and ``report``: the HTML page; ``export``: confirmed flags as ClaimReview JSON-LD.

The names most callers need are importable from here.

>>> from claimtrack.review import display_text
>>> display_text("two\\n lines")
'two lines'
"""
from __future__ import annotations

from claimtrack.review.decisions import (DECISIONS, Decision, ReviewError, decision_histories, latest_decision_time,
                                         normalise_decision, record_decision, resolve_flag_id)
from claimtrack.review.history import LINK_HOPS, MAX_HISTORY, figure_histories, linked_ids, linked_in, match_graph
from claimtrack.review.status import latest_status
from claimtrack.review.text import changed_words, display_segments, display_text, segments
from claimtrack.review.views import FlagView, Side, flag_views, load_flags, load_views, open_flags, why_line

__all__ = ["DECISIONS", "Decision", "ReviewError", "decision_histories", "latest_decision_time", "normalise_decision",
           "record_decision", "resolve_flag_id", "LINK_HOPS", "MAX_HISTORY", "figure_histories", "linked_ids",
           "linked_in", "match_graph", "latest_status", "changed_words", "display_segments", "display_text",
           "segments", "FlagView", "Side", "flag_views", "load_flags", "load_views", "open_flags", "why_line"]
