"""The sentence a reviewer reads for each match: both sources, both dates, what differs.

>>> import pandas as pd
>>> e = {"source": "DW", "published_at": pd.Timestamp("2018-09-17", tz="UTC"),
...      "surface": "3 million", "noun": "civilians",
...      "sentence": "Idlib, where more than 3 million civilians are at risk."}
>>> n = {"source": "X", "published_at": pd.Timestamp("2018-09-19", tz="UTC"),
...      "surface": "2 million", "noun": "civilians",
...      "sentence": "Some 2 million civilians are at risk in Idlib."}
>>> claim_detail("contradiction", "below", e, n)
'DW, 17 Sep 2018: more than 3 million civilians are at risk; X, 19 Sep 2018: some 2 million civilians are at risk in Idlib — the later figure is below the earlier lower bound (2 days apart).'
"""
from __future__ import annotations

import difflib
import math
import re
from functools import lru_cache

import pandas as pd

from claimtrack.stages.match.nouns import locate

_CLAUSE_END = re.compile(r"[.;:!?,](?=\s|$)|[()\"“”]|\s[-–—]\s")
_PHRASE_WORDS = 8
# the words before a figure that say how exact it is: kept in the phrase ("more than 3 million")
_QUALIFIER_WORDS = ("more than", "over", "about", "some", "nearly", "almost", "around", "up to",
                    "at least", "at most", "fewer than", "less than", "roughly", "approximately",
                    "an estimated", "estimated", "under", "below", "above", "as many as",
                    "as much as", "close to", "just over", "just under", "well over", "upwards of",
                    "tops", "topped", "exceeds", "exceeded", "surpassed", "greater than", "higher than",
                    "lower than", "in excess of")
_QUALIFIER_SET = frozenset(_QUALIFIER_WORDS)


def _text(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    s = str(value).strip()
    return s or None


def when(ts) -> str:
    """'17 Sep 2018', or 'undated'."""
    if ts is None or ts is pd.NaT:
        return "undated"
    try:
        ts = pd.Timestamp(ts)
    except (TypeError, ValueError):
        return "undated"
    if pd.isna(ts):
        return "undated"
    return f"{ts.day} {ts.strftime('%b %Y')}"


def who(row: dict) -> str:
    """The article's source, else its title in quotes, else 'unnamed source'."""
    source = _text(row.get("source"))
    if source:
        return source
    title = _text(row.get("title"))
    if title:
        return f"“{title[:60]}”"
    return "unnamed source"


def phrase(surface: str, sentence: str | None, noun: str | None = None,
           qualifier: str | None = None) -> str:
    """The figure with its qualifier, and the words after it up to the end of its clause (<= 8).

    >>> phrase("3.5 million", "return some of the 3.5 million Syrian refugees in Turkey to these areas.")
    '3.5 million Syrian refugees in Turkey to these areas'
    """
    surface = _text(surface) or ""
    sentence = _text(sentence) or ""
    at = locate(sentence, surface, qualifier)
    if at < 0:
        tail = ""
    else:
        rest = sentence[at + len(surface):]
        cut = _CLAUSE_END.search(rest)
        tail = rest[:cut.start()] if cut else rest
        tail = " ".join(tail.split()[:_PHRASE_WORDS])
    noun = _text(noun)
    if not tail and noun:
        tail = noun
    lead = ""
    if at > 0:
        # the longest qualifier that the (up to) three words before the figure end with
        before = sentence[:at].lower().split()[-3:]
        for k in range(len(before)):
            if " ".join(before[k:]) in _QUALIFIER_SET:
                lead = " ".join(before[k:])
                break
    out = f"{lead} {surface} {tail}".strip()
    if out[:1].isupper() and at == 0:
        out = out[0].lower() + out[1:]
    return out


def _days(gap_seconds: float | None) -> str:
    """How far apart the two reports are; a new report dated before the stored one (an old
    story ingested late) says so.

    >>> _days(2 * 86400), _days(-23 * 3600)
    (' (2 days apart)', ' (23 hours apart; the new report is dated earlier)')
    """
    if gap_seconds is None or not math.isfinite(gap_seconds):
        return ""
    late = "; the new report is dated earlier" if gap_seconds < 0 else ""
    gap_seconds = abs(gap_seconds)
    days = gap_seconds / 86400
    if days < 1:
        hours = round(gap_seconds / 3600)
        return f" ({hours} hour{'s' if hours != 1 else ''} apart{late})"
    d = round(days)
    return f" ({d} day{'s' if d != 1 else ''} apart{late})"


def _gap(e: dict, n: dict) -> float | None:
    try:
        a, b = pd.Timestamp(e.get("published_at")), pd.Timestamp(n.get("published_at"))
    except (TypeError, ValueError):
        return None
    if pd.isna(a) or pd.isna(b):
        return None
    return (b - a).total_seconds()


_WHY = {
    ("contradiction", "below"): "the later figure is below the earlier lower bound",
    ("contradiction", "above"): "the later figure is above the earlier upper bound",
    ("update", "below"): "the figure was revised down since",
    ("update", "above"): "the figure has risen since",
    ("consistent", "overlap"): "the figures agree within the rounding their wording allows",
    ("repeat", "overlap"): "the same figure, repeated",
    ("consistent", "sum"): "the earlier figures for its parts add up to the later one",
    ("consistent", "list"): "the later figure counts the names the earlier text lists",
    ("unrelated", "respectively"): "the earlier text gives this figure to another name (“respectively”)",
    ("contradiction", "direction"): "the same change, but one says it rose and the other that it fell",
    ("contradiction", "edge"): "the later bound excludes the very figure the earlier text gives",
    ("contradiction", "result"): "the same sum, but one calls it a profit and the other a loss",
}


def claim_detail(relation: str, side: str, earlier: dict, new: dict) -> str:
    """One sentence naming both sources and dates, both figures, and how they relate."""
    left = f"{who(earlier)}, {when(earlier.get('published_at'))}: " + phrase(
        earlier.get("surface"), earlier.get("sentence"), earlier.get("noun"), earlier.get("qualifier"))
    right = f"{who(new)}, {when(new.get('published_at'))}: " + phrase(
        new.get("surface"), new.get("sentence"), new.get("noun"), new.get("qualifier"))
    why = _WHY.get((relation, side), relation)
    return f"{left}; {right} — {why}{_days(_gap(earlier, new))}."


def word_changes(earlier: str, later: str, limit: int = 4) -> list[str]:
    """The words that differ between two quotes, as short human phrases.

    >>> word_changes("we will not give up on the region", "we will give up on the whole region")
    ['dropped “not”', 'added “whole”']
    """
    a, b = earlier.split(), later.split()
    norm = lambda ws: [re.sub(r"[^\w%$.-]", "", w.lower()).strip(".") for w in ws]  # noqa: E731
    sm = difflib.SequenceMatcher(a=norm(a), b=norm(b), autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        old, new = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if op == "replace":
            out.append(f"“{old}” became “{new}”")
        elif op == "delete":
            out.append(f"dropped “{old}”")
        else:
            out.append(f"added “{new}”")
    if len(out) > limit:
        out = out[:limit] + [f"{len(out) - limit} more change(s)"]
    return out


def _short(text: str, n: int = 90) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def quote_detail(relation: str, earlier: dict, new: dict, changes: list[str] | None = None) -> str:
    """One sentence for a quote match: both sources, dates, speakers and what changed.

    ``changes`` (from :func:`word_changes`) defaults to the word differences of the two texts.
    """
    if changes is None:
        changes = word_changes(earlier.get("text", ""), new.get("text", ""))
    e_sp = _text(earlier.get("speaker")) or "an unnamed speaker"
    n_sp = _text(new.get("speaker")) or "an unnamed speaker"
    left = f"{who(earlier)}, {when(earlier.get('published_at'))}: {e_sp}: “{_short(earlier.get('text', ''))}”"
    right = f"{who(new)}, {when(new.get('published_at'))}: {n_sp}: “{_short(new.get('text', ''))}”"
    if relation == "misattributed":
        why = f"the words of {e_sp} are given to {n_sp}"
        if changes:
            why += "; also " + ", ".join(changes)
    elif relation == "altered":
        why = "the words differ: " + (", ".join(changes) if changes else "punctuation only")
    else:
        why = "the same words, repeated"
    return f"{left}; {right} — {why}."


# ---- the same sentence for the matcher's rows, memoised (one side appears in many matches)

#: the columns of a claim row that :func:`fast_detail` reads, in order
_DETAIL_COLUMNS = ("claim_id", "surface", "noun", "qualifier", "sentence", "published_at", "source",
                   "title")


def _hashable(v):
    return None if v is None or v is pd.NaT or (isinstance(v, float) and v != v) else v

@lru_cache(maxsize=1 << 14)
def _when(ts) -> str:
    """detail.when, memoised (the claims of one article share a publication time)."""
    return when(ts)

@lru_cache(maxsize=1 << 17)
def _side_text(values: tuple) -> str:
    row = dict(zip(_DETAIL_COLUMNS[1:], values))
    return f"{who(row)}, {_when(row['published_at'])}: " + phrase(
        row["surface"], row["sentence"], row["noun"], row["qualifier"])

def fast_detail(relation: str, side: str, earlier: tuple, new: tuple, gap_seconds: float) -> str:
    """detail.claim_detail for rows given as ``_DETAIL_COLUMNS`` tuples, with each side's text
    memoised (an earlier claim appears in many matches, a date in many claims).
    tests/test_match_claims.py checks that both give the same sentence."""
    left = _side_text(tuple([_hashable(v) for v in earlier[1:]]))
    right = _side_text(tuple([_hashable(v) for v in new[1:]]))
    why = _WHY.get((relation, side), relation)
    return f"{left}; {right} — {why}{_days(gap_seconds)}."
