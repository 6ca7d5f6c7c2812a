"""The reviewer's side of the flags: what is open, what each flag is about, and decisions.

Pure functions at the core (``open_flags``, ``flag_views``, ``figure_history``, ``clean_text``,
``segments``) and one writer, ``record_decision``, which appends a row to the append-only
``reviews`` table and swaps in ``flags`` with the new ``status`` in one atomic commit under the
write lock (a pipeline run publishing at the same time re-applies the latest reviews, so neither
loses the other's work).

Article text is untrusted: ``clean_text`` drops terminal control sequences (ANSI CSI, OSC, DCS,
8-bit C1 forms), every other control character and the bidi overrides that can reorder what a
reader sees. The terminal and the HTML report show only cleaned text (and the report escapes it).

>>> clean_text("3 million\\x1b[31m at risk\\x1b]0;pwned\\x07 in Idlib")
'3 million at risk in Idlib'
>>> segments("Some 2 million civilians", [(5, 14)])
[('Some ', False), ('2 million', True), (' civilians', False)]
"""
from __future__ import annotations

import difflib
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from claimtrack.stages.decode import ESCAPE_SEQUENCE

if TYPE_CHECKING:  # pandas is imported by the functions that need it
    import pandas as pd

    from claimtrack.store import Curated

#: what a reviewer can decide; a note on its own is stored with decision None (status unchanged)
DECISIONS = ("confirmed", "dismissed")
_ALIASES = {"confirm": "confirmed", "confirmed": "confirmed", "dismiss": "dismissed", "dismissed": "dismissed"}


class ReviewError(ValueError):
    """A decision that cannot be recorded (unknown flag, bad decision); the message says why."""


# ------------------------------------------------------------------ untrusted text

# Bidi embeddings/overrides/isolates and their terminators ("trojan source" reordering).
_BIDI = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"))


def clean_text(value) -> str:
    """Text safe to print: no control sequences or control characters; whitespace runs as one space.

    >>> clean_text("a\\tb\\n\\u202eevil\\x00\\x9b31m!")
    'a b evil!'
    >>> clean_text(None)
    ''
    """
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return " ".join(_strip_controls(str(value)).split())


# The control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) are dropped, but
# for the whitespace ones (tab, line feed, vertical tab, form feed, carriage return): a space.
_CONTROLS = {c: None for c in (*range(0x20), *range(0x7F, 0xA0))} | dict.fromkeys(map(ord, "\t\n\r\f\v"), " ")
assert all(unicodedata.category(chr(c)) == "Cc" for c in _CONTROLS)
_UNSAFE = _BIDI | _CONTROLS


def _strip_controls(text: str) -> str:
    return ESCAPE_SEQUENCE.sub("", text).translate(_UNSAFE)


def segments(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """``text`` cut into (piece, highlighted) pairs at ``spans`` (overlaps merged, empty pieces dropped).

    >>> segments("abcdef", [(4, 6), (0, 1), (1, 2)])
    [('ab', True), ('cd', False), ('ef', True)]
    """
    merged: list[list[int]] = []
    for a, b in sorted((max(0, a), min(len(text), b)) for a, b in spans):
        if a >= b:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    out, pos = [], 0
    for a, b in merged:
        if a > pos:
            out.append((text[pos:a], False))
        out.append((text[a:b], True))
        pos = b
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def clean_segments(parts: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """``clean_text`` applied to each piece, keeping the spaces between pieces.

    >>> clean_segments([("a \\x1b[1m", False), ("2", True), ("\\nb", False)])
    [('a ', False), ('2', True), (' b', False)]
    """
    out = []
    for text, hl in parts:
        text = _strip_controls(text)
        lead = " " if text[:1].isspace() else ""
        trail = " " if text[-1:].isspace() and len(text.strip()) else ""
        body = clean_text(text)
        piece = (lead + body + trail) if body else (" " if lead else "")
        if piece:
            out.append((piece, hl))
    return out


# ------------------------------------------------------------------ flags and their context


@dataclass
class Side:
    """One of the two items a flag relates: where it was said, by whom, and the words to look at."""

    item_id: str
    article_id: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published_at: datetime | None = None
    speaker: str | None = None
    speaker_differs: bool = False
    sentence: str = ""
    highlights: list[tuple[int, int]] = field(default_factory=list)  # spans of ``sentence``
    figure: str | None = None  # a claim's surface ("more than 3 million")

    @property
    def parts(self) -> list[tuple[str, bool]]:
        return segments(self.sentence, self.highlights)


@dataclass
class FlagView:
    """A flag with both sides, ready to show."""

    flag_id: str
    kind: str
    relation: str
    detail: str
    status: str
    flagged_at: datetime | None
    earlier: Side
    later: Side
    notes: list[str] = field(default_factory=list)


def load_flags(curated: "Curated") -> "pd.DataFrame":
    """The flags table with ``status`` from the latest review decision (the reviews are the truth)."""
    from claimtrack.review.status import latest_status

    flags = curated.read("flags")
    return latest_status(flags, curated.read("reviews"))


def open_flags(flags: "pd.DataFrame", status: str | None = "open") -> "pd.DataFrame":
    """Flags with ``status`` (None: all), oldest first (ties by flag id, so the order is stable)."""
    out = flags if status in (None, "all") else flags[flags["status"] == status]
    return out.sort_values(["flagged_at", "flag_id"], kind="stable").reset_index(drop=True)


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


_WORD = re.compile(r"\S+")


def _norm_word(word: str) -> str:
    return re.sub(r"[^\w$%]", "", word.lower())


def changed_words(earlier: str, later: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of the words that differ between two versions of a quote (in each of them).

    >>> a, b = changed_words("We will not allow a massacre", "We will allow a massacre")
    >>> ["We will not allow a massacre"[s:e] for s, e in a], b
    (['not'], [])
    """
    wa, wb = list(_WORD.finditer(earlier or "")), list(_WORD.finditer(later or ""))
    sm = difflib.SequenceMatcher(a=[_norm_word(w.group()) for w in wa],
                                 b=[_norm_word(w.group()) for w in wb], autojunk=False)
    ea, eb = [], []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        ea += [wa[i].span() for i in range(i1, i2)]
        eb += [wb[j].span() for j in range(j1, j2)]
    return ea, eb


def _value(row, key):
    if row is None:
        return None
    v = row.get(key)
    if v is None or (isinstance(v, float) and v != v):
        return None
    try:
        import pandas as pd

        if v is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    return v


def _side(item_id: str, item: dict | None, article: dict | None) -> Side:
    side = Side(item_id=item_id)
    if item is None:
        side.sentence = "(this item is no longer in the tables)"
        return side
    side.article_id = _value(item, "article_id")
    side.speaker = _value(item, "speaker")
    if article is not None:
        side.source = _value(article, "source")
        side.title = _value(article, "title")
        side.url = _value(article, "url")
        ts = _value(article, "published_at")
        side.published_at = ts.to_pydatetime() if hasattr(ts, "to_pydatetime") else ts
    return side


def flag_views(flags: "pd.DataFrame", claims: "pd.DataFrame", quotes: "pd.DataFrame",
               articles: "pd.DataFrame", reviews: "pd.DataFrame | None" = None) -> list[FlagView]:
    """Each flag with its two sides: sentences, the figure or changed words highlighted, sources, dates.

    ``articles`` needs article_id, source, title, url, published_at (and ``text`` when available,
    to place a figure that occurs twice in its sentence).
    """
    by_claim = {r["claim_id"]: r for r in claims.to_dict("records")} if len(claims) else {}
    by_quote = {r["quote_id"]: r for r in quotes.to_dict("records")} if len(quotes) else {}
    by_article = {r["article_id"]: r for r in articles.to_dict("records")} if len(articles) else {}
    notes: dict[str, list[str]] = {}
    if reviews is not None and len(reviews):
        for r in reviews.sort_values("decided_at", kind="stable").to_dict("records"):
            if _value(r, "note"):
                notes.setdefault(r["flag_id"], []).append(str(r["note"]))
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
                side.figure = _value(item, "surface")
                side.sentence = _value(item, "sentence") or side.figure or ""
                span = _locate(side.sentence, side.figure or "", _value(item, "start"),
                               _value(art, "text") if art else None)
                side.highlights = [span] if span else []
        elif e_item is not None and n_item is not None:
            e_text, n_text = _value(e_item, "text") or "", _value(n_item, "text") or ""
            e_spans, n_spans = changed_words(e_text, n_text)
            for side, item, text, spans in ((earlier, e_item, e_text, e_spans), (later, n_item, n_text, n_spans)):
                sentence = _value(item, "sentence") or ""
                at = sentence.find(text) if text else -1
                if at < 0:  # the quote as extracted, in quotation marks
                    sentence, at = f"\u201c{text}\u201d", 1
                side.sentence = sentence
                side.highlights = [(at + a, at + b) for a, b in spans]
            from claimtrack.stages.match.quotes import same_speaker

            differs = same_speaker(earlier.speaker, later.speaker) is False
            earlier.speaker_differs = later.speaker_differs = differs
        else:
            for side, item in ((earlier, e_item), (later, n_item)):
                if item is not None:
                    side.sentence = _value(item, "sentence") or _value(item, "text") or ""
        ts = _value(f, "flagged_at")
        views.append(FlagView(flag_id=f["flag_id"], kind=f["kind"], relation=f["relation"],
                              detail=_value(f, "detail") or "", status=_value(f, "status") or "open",
                              flagged_at=ts.to_pydatetime() if hasattr(ts, "to_pydatetime") else ts,
                              earlier=earlier, later=later, notes=notes.get(f["flag_id"], [])))
    return views


def load_views(curated: "Curated", status: str | None = "open", flag_ids: list[str] | None = None) -> list[FlagView]:
    """``flag_views`` for the flags with ``status`` (oldest first), reading only the rows they cite."""
    import pyarrow.dataset as ds

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


# ------------------------------------------------------------------ decisions


def normalise_decision(decision: str | None) -> str | None:
    """'confirm'/'confirmed' -> 'confirmed', 'dismiss'/'dismissed' -> 'dismissed', None -> None (a note)."""
    if decision is None:
        return None
    try:
        return _ALIASES[decision.strip().lower()]
    except KeyError:
        raise ReviewError(f"unknown decision {decision!r} (use confirm or dismiss)") from None


def record_decision(curated: "Curated", flag_id: str, decision: str | None, reviewer: str | None = None,
                    note: str | None = None, now: datetime | None = None) -> dict:
    """Append one review row and swap in ``flags`` with the latest status, in one atomic commit.

    ``decision`` None records a note alone (the flag's status does not change). Returns the row.
    Raises ReviewError for an unknown flag or decision, StoreError when the folder is busy or full.
    """
    from claimtrack.store import to_arrow

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


COMMIT_PREFIX = "review-"
_STAMP = "%Y%m%dT%H%M%S%fZ"


def latest_decision_time(curated: "Curated") -> datetime | None:
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


# ------------------------------------------------------------------ the figure over time


def _subjects(value) -> set[str]:
    if value is None or isinstance(value, float):
        return set()
    return {str(s).lower() for s in list(value) if s}


#: hops through the match graph that still count as "the same figure": a claim's own matches and
#: theirs. Further out, chains of "consistent" links drift to other quantities (and a hub claim
#: matched by thousands would pull in everything).
LINK_HOPS = 2
#: at most this many claims per figure (the flagged two and those nearest in time to them)
MAX_HISTORY = 200


def linked_ids(matches: "pd.DataFrame", seeds, max_hops: int = LINK_HOPS) -> set[str]:
    """Ids within ``max_hops`` match links of ``seeds`` (either direction).

    >>> import pandas as pd
    >>> m = pd.DataFrame({"new_id": ["b", "c", "d"], "earlier_id": ["a", "b", "c"]})
    >>> sorted(linked_ids(m, {"a"}))
    ['a', 'b', 'c']
    """
    seen = set(seeds)
    frontier = set(seeds)
    new, earlier = matches["new_id"], matches["earlier_id"]
    for _ in range(max_hops):
        if not frontier or not len(matches):
            break
        keys = list(frontier)
        step = set(earlier[new.isin(keys)]) | set(new[earlier.isin(keys)])
        frontier = step - seen
        seen |= frontier
    return seen


def figure_history(claims: "pd.DataFrame", matches: "pd.DataFrame", claim_ids: list[str],
                   limit: int = MAX_HISTORY) -> "pd.DataFrame":
    """Every claim about the same figure as ``claim_ids``: linked to them by claim matches (up to
    ``LINK_HOPS`` links away), or with the same noun and unit and a shared subject. Sorted by
    date; past ``limit`` claims, those nearest in time to the flagged ones are kept.

    ``claims`` needs the claims columns plus ``published_at``/``source`` of their article.
    """
    import pandas as pd

    if claims.empty:
        return claims
    cm = matches[matches["kind"] == "claim"] if len(matches) and "kind" in matches else matches
    linked = claims["claim_id"].isin(linked_ids(cm, set(claim_ids))) if len(cm) else claims["claim_id"].isin(claim_ids)
    seeds = claims[claims["claim_id"].isin(claim_ids)]
    same = pd.Series(False, index=claims.index)
    for seed in seeds.to_dict("records"):
        noun, unit, subj = seed.get("noun"), seed.get("unit"), _subjects(seed.get("subject"))
        if not isinstance(noun, str) or not noun:
            continue
        mask = claims["noun"].fillna("").str.lower() == noun.lower()
        mask &= claims["unit"].fillna("") == (unit if isinstance(unit, str) else "")
        if subj:
            mask &= claims["subject"].map(lambda s: bool(_subjects(s) & subj))
        same |= mask
    out = claims[linked | same]
    if len(out) > limit:
        out = out.loc[_nearest_in_time(out, claim_ids, limit)]
    return out.sort_values(["published_at", "claim_id"], kind="stable", na_position="last").reset_index(drop=True)


def _nearest_in_time(claims: "pd.DataFrame", claim_ids, limit: int) -> "pd.Index":
    """The index labels of the ``limit`` claims nearest in time to ``claim_ids`` (those first)."""
    import pandas as pd

    when = pd.to_datetime(claims["published_at"], utc=True)
    anchor = when[claims["claim_id"].isin(claim_ids)].max()
    distance = (when - anchor).abs() if anchor == anchor else pd.Series(0, index=claims.index)
    distance[claims["claim_id"].isin(claim_ids)] = pd.Timedelta(0)
    return distance.sort_values(kind="stable", na_position="last").index[:limit]


def match_graph(matches: "pd.DataFrame") -> dict[str, set[str]]:
    """Each id's neighbours through ``matches`` (either direction), for `linked_in`."""
    graph: dict[str, set[str]] = {}
    for new, earlier in zip(matches["new_id"].tolist(), matches["earlier_id"].tolist()):
        graph.setdefault(new, set()).add(earlier)
        graph.setdefault(earlier, set()).add(new)
    return graph


def linked_in(graph: dict[str, set[str]], seeds, max_hops: int = LINK_HOPS) -> set[str]:
    """`linked_ids` through a `match_graph` (built once for many lookups).

    >>> import pandas as pd
    >>> g = match_graph(pd.DataFrame({"new_id": ["b", "c", "d"], "earlier_id": ["a", "b", "c"]}))
    >>> sorted(linked_in(g, {"a"})), sorted(linked_in(g, {"a"}, max_hops=3))
    (['a', 'b', 'c'], ['a', 'b', 'c', 'd'])
    """
    seen = set(seeds)
    frontier = set(seeds)
    for _ in range(max_hops):
        if not frontier or not graph:
            break
        step: set[str] = set()
        for key in frontier:
            step |= graph.get(key, set())
        frontier = step - seen
        seen |= frontier
    return seen


def figure_histories(claims: "pd.DataFrame", matches: "pd.DataFrame", pairs: dict,
                     limit: int = MAX_HISTORY, records: bool = False) -> dict:
    """``figure_history(claims, matches, pair)`` for each ``pairs[key]``, keyed alike, in one pass.

    The claims are indexed once (by id, and by lower-cased noun and unit) and the match links
    followed through one `match_graph`, so each pair costs lookups of its own figure's claims
    instead of scans of every claim and match (a page of 50 flags on a year of news: 0.35 s ->
    a few ms). ``records``: each history as a list of row dicts (``DataFrame.to_dict("records")``).
    """
    import pandas as pd

    if claims.empty:
        return {key: [] if records else claims for key in pairs}
    cm = matches[matches["kind"] == "claim"] if len(matches) and "kind" in matches else matches
    graph = match_graph(cm) if len(cm) else {}
    ids = claims["claim_id"].tolist()
    nouns, units, subjects = claims["noun"].tolist(), claims["unit"].tolist(), claims["subject"].to_numpy()
    positions: dict[str, list[int]] = {}
    for p, i in enumerate(ids):
        positions.setdefault(i, []).append(p)
    by_figure: dict[tuple, list[int]] = {}
    for p, key in enumerate(zip(claims["noun"].fillna("").str.lower().tolist(), claims["unit"].fillna("").tolist())):
        by_figure.setdefault(key, []).append(p)
    subject_sets: dict[int, set[str]] = {}

    def subjects_of(p: int) -> set[str]:
        if p not in subject_sets:
            subject_sets[p] = _subjects(subjects[p])
        return subject_sets[p]

    if isinstance(claims["published_at"].dtype, pd.DatetimeTZDtype):  # as integers: no Timestamp per row
        when = claims["published_at"].dt.tz_convert("UTC").dt.tz_localize(None).to_numpy()
        published = [None if missing else t for missing, t in zip(pd.isna(when).tolist(), when.view("int64").tolist())]
    else:
        published = claims["published_at"].tolist()

    def order(p: int):  # sort_values(["published_at", "claim_id"], kind="stable", na_position="last")
        when, cid = published[p], ids[p]
        when_na, cid_na = when is None or when != when, cid is None or cid != cid
        return when_na, 0 if when_na else when, cid_na, "" if cid_na else cid

    chosen = {}
    for key, pair in pairs.items():
        member: set[int] = set()
        for i in linked_in(graph, set(pair)):
            member.update(positions.get(i, ()))
        for p in sorted(q for i in set(pair) for q in positions.get(i, ())):
            noun, unit = nouns[p], units[p]
            if not isinstance(noun, str) or not noun:
                continue
            subj = subjects_of(p)
            member.update(q for q in by_figure.get((noun.lower(), unit if isinstance(unit, str) else ""), ())
                          if not subj or subjects_of(q) & subj)
        rows = sorted(member)
        if len(rows) > limit:  # as figure_history cuts it: in order of distance, then sorted (stable)
            when = pd.DataFrame({"published_at": claims["published_at"].iloc[rows].array,
                                 "claim_id": claims["claim_id"].iloc[rows].array}, index=rows)
            rows = list(_nearest_in_time(when, list(pair), limit))
        chosen[key] = sorted(rows, key=order)
    if not records:
        return {key: claims.iloc[rows].reset_index(drop=True) for key, rows in chosen.items()}
    used = sorted(set().union(*chosen.values()))
    record_of = dict(zip(used, claims.iloc[used].to_dict("records")))
    return {key: [record_of[p] for p in rows] for key, rows in chosen.items()}
