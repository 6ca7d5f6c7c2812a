"""Decisions on flags: recording one, and each flag's history of decisions and notes.

``record_decision`` is the one writer: it appends a row to the append-only ``reviews`` table and
swaps in ``flags`` with the new ``status`` in one atomic commit under the write lock (a pipeline
run publishing at the same time re-applies the latest reviews, so neither loses the other's work).
A note on its own is a row with decision None: the flag's status does not change.

>>> normalise_decision("Confirm"), normalise_decision(None)
('confirmed', None)
>>> Decision("confirmed", "ann", None, datetime(2026, 12, 7, 1, 5, tzinfo=timezone.utc)).line()
'confirmed by ann, 07 Dec 2026 01:05 UTC'
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pandas as pd

from claimtrack.review.text import display_text
from claimtrack.store import Curated, to_arrow

#: what a reviewer can decide; a note on its own is stored with decision None (status unchanged)
DECISIONS = ("confirmed", "dismissed")
_ALIASES = {"confirm": "confirmed", "confirmed": "confirmed", "dismiss": "dismissed", "dismissed": "dismissed"}
COMMIT_PREFIX = "review-"
_STAMP = "%Y%m%dT%H%M%S%fZ"


class ReviewError(ValueError):
    """A decision that cannot be recorded (unknown flag, bad decision); the message says why."""


@dataclass(frozen=True)
class Decision:
    """One row of ``reviews``: a decision (or None: a note alone), who made it, the note, when."""

    decision: str | None
    reviewer: str | None
    note: str | None
    decided_at: datetime | None

    def line(self) -> str:
        """One line for a terminal or a page (text still to be escaped for HTML)."""
        what = self.decision or "note"
        who = display_text(self.reviewer) or "unknown reviewer"
        when = f"{self.decided_at:%d %b %Y %H:%M} UTC" if self.decided_at is not None else "time unknown"
        line = f"{what} by {who}, {when}"
        return line + (f": {display_text(self.note)}" if self.note else "")


def _present(value):
    """None for the missing values pandas hands back (None, NaN, NaT)."""
    return None if value is None or value is pd.NaT or (isinstance(value, float) and value != value) else value


def decision_histories(reviews: pd.DataFrame) -> dict[str, list[Decision]]:
    """Each flag's decisions and notes, oldest first (the last decision is its status)."""
    out: dict[str, list[Decision]] = {}
    if reviews is None or reviews.empty:
        return out
    for r in reviews.sort_values("decided_at", kind="stable").to_dict("records"):
        when = _present(r.get("decided_at"))
        out.setdefault(r["flag_id"], []).append(Decision(
            decision=_present(r.get("decision")), reviewer=_present(r.get("reviewer")), note=_present(r.get("note")),
            decided_at=when.to_pydatetime() if hasattr(when, "to_pydatetime") else when))
    return out


def resolve_flag_id(flag_ids, given: str) -> str:
    """The flag id ``given`` names: itself, or a unique prefix of at least 6 characters.

    >>> resolve_flag_id(["abcdef123", "abcdef999"], "abcdef1")
    'abcdef123'
    """
    ids = set(flag_ids)
    if given in ids:
        return given
    hits = sorted(i for i in ids if len(given) >= 6 and i.startswith(given))
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise ReviewError(f"flag id {given!r} is ambiguous: it starts {len(hits)} flags")
    raise ReviewError(f"no flag {given!r} (see `claimtrack review list --status all`)")


def normalise_decision(decision: str | None) -> str | None:
    """'confirm'/'confirmed' -> 'confirmed', 'dismiss'/'dismissed' -> 'dismissed', None -> None (a note)."""
    if decision is None:
        return None
    try:
        return _ALIASES[decision.strip().lower()]
    except KeyError:
        raise ReviewError(f"unknown decision {decision!r} (use confirm or dismiss)") from None


def record_decision(curated: Curated, flag_id: str, decision: str | None, reviewer: str | None = None,
                    note: str | None = None, now: datetime | None = None) -> dict:
    """Append one review row and swap in ``flags`` with the latest status, in one atomic commit.

    ``decision`` None records a note alone (the flag's status does not change). Returns the row.
    Raises ReviewError for an unknown flag or decision, StoreError when the folder is busy or full.
    """
    decision = normalise_decision(decision)
    note = note.strip() if isinstance(note, str) and note.strip() else None
    if decision is None and note is None:
        raise ReviewError("nothing to record: give a decision or a note")
    now = now or datetime.now(timezone.utc)
    with curated.write_lock():
        curated.recover()
        flags = curated.read("flags")
        flag_id = resolve_flag_id(flags["flag_id"], flag_id)
        last = latest_decision_time(curated)
        if last is not None and last >= now:
            # the latest decision must sort last even if the clock stepped back
            now = last + timedelta(microseconds=1)
        row = {"flag_id": flag_id, "decision": decision, "reviewer": reviewer, "note": note, "decided_at": now}
        if decision is not None:
            # the same status latest_status() derives from the reviews (this row is the latest),
            # without reading every earlier decision file
            flags.loc[flags["flag_id"] == flag_id, "status"] = decision
        commit_id = COMMIT_PREFIX + now.strftime(_STAMP) + "-" + uuid.uuid4().hex[:8]
        curated.commit(commit_id, appends={"reviews": to_arrow("reviews", [row])},
                       replaces={"flags": to_arrow("flags", flags)})
    return row


def latest_decision_time(curated: Curated) -> datetime | None:
    """When the latest decision was made, from the reviews file names alone (no file is opened).

    Decision files are named ``part-review-<UTC time>-<random>.parquet`` by ``record_decision``.
    """
    prefix = "part-" + COMMIT_PREFIX
    names = [p.name for p in curated.files("reviews") if p.name.startswith(prefix)]
    if not names:
        return None
    stamp = max(names)[len(prefix):].split("-")[0]
    try:
        return datetime.strptime(stamp, _STAMP).replace(tzinfo=timezone.utc)
    except ValueError:
        return None
