"""The match stage's plumbing: a night's new quotes and claims, in publication order and in
chunks, against what is stored; all at once (`NightMatch.all_at_once`, what ``match_stage``
runs) or fed batch by batch while extraction is still running (`NightMatch.add`).

Why feed it: a large night extracts in worker processes on every core but one process, this
one, waits; and matching is single-threaded. Chunk ``k`` of the night needs only the quotes and
claims of the articles before it (publication order), so it can be matched as soon as the
batches that hold them are back, while the workers extract the rest. The matches are exactly
those of the all-at-once path: the same chunks, the same rows in the same order, the same
history before each. The one thing a chunk built on its own could change is a column's dtype
(pandas infers it from the rows it sees: a column with no value in one chunk is ``object``,
``str`` in the whole night); `finish` checks that every chunk had the same dtypes and, if not,
matches that table again all at once.

>>> NightMatch.__name__
'NightMatch'
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import pyarrow as pa
import pyarrow.dataset as ds

from claimtrack.records import Article, Match, as_row
from claimtrack.run.record import Run
from claimtrack.stages.match import MatchSettings, match_claims, match_quotes

ARTICLE_META = ["article_id", "published_at", "source", "title", "raw_path", "date_source", "lang"]
#: columns of the stored quotes/claims the matchers read (the rest stays on disk)
MATCH_COLUMNS = {
    "quotes": ["quote_id", "article_id", "text", "speaker", "sentence", "speaker_mention", "speaker_via", "partial"],
    "claims": ["claim_id", "article_id", "surface", "value", "low", "high", "qualifier", "unit", "noun",
               "subject", "sentence", "holder", "measure", "period", "scope"],
}
#: new quotes/claims matched at once; later chunks see earlier ones as history (see match_stage)
MATCH_CHUNK = 20_000
MATCHERS = {"quotes": match_quotes, "claims": match_claims}


def _with_meta(items: pd.DataFrame, meta: pd.DataFrame) -> pd.DataFrame:
    return items.merge(meta, on="article_id", how="left", suffixes=("", "_article"))


def articles_meta(articles: list[Article]) -> pd.DataFrame:
    return pd.DataFrame([{k: getattr(a, k) for k in ARTICLE_META} for a in articles],
                        columns=ARTICLE_META).astype({"published_at": "datetime64[us, UTC]"})


class _Stream:
    """One table's new records on their way through the matcher, a chunk at a time."""

    def __init__(self, table: str) -> None:
        self.table = table
        self.records: list = []  # every record fed, in arrival order (for the all-at-once path)
        self.pending: list = []  # records not matched yet, in publication order
        self.history: pd.DataFrame | None = None
        self.last_part: pd.DataFrame | None = None  # joins the history before the next chunk
        self.dtypes: list[pd.Series] = []
        self.matches: list[Match] = []


class NightMatch:
    """A night's match stage (see the module docstring).

    ``articles``: the night's new articles in publication order; records must be fed in that
    order (a batch's records after the batch before it), each article's records together.
    ``advance(n)`` is told of each chunk matched.
    """

    def __init__(self, run: Run, articles: Sequence[Article], chunk: int | None = None,
                 advance: Callable[[int], None] | None = None) -> None:
        self.run = run
        self.chunk = chunk or MATCH_CHUNK
        self.advance = advance
        self.order = {a.article_id: i for i, a in enumerate(articles)}  # publication order of the night
        self.meta_new = articles_meta(list(articles))
        self._stored_meta: pd.DataFrame | None = None
        self.streams = {t: _Stream(t) for t in MATCHERS}
        self.redone: list[str] = []  # tables matched again all at once (their chunks' dtypes differed)
        self.matched = 0  # quotes+claims matched so far

    # ------------------------------------------------------------ what both paths share

    def history_meta(self) -> pd.DataFrame:
        if self._stored_meta is None:
            self._stored_meta = self.run.curated.read("articles", columns=ARTICLE_META)
            self._stored_meta["published_at"] = pd.to_datetime(self._stored_meta["published_at"], utc=True)
        return self._stored_meta

    def window_filter(self, table: str):
        """Claims can only relate to claims of the last ``update_window``: read just their rows.

        (Rows of undated articles are kept, as the matcher keeps them; with an undated new
        article, or for quotes, every row is read.)
        """
        meta_new = self.meta_new
        if table != "claims" or meta_new["published_at"].isna().any() or not self.run.curated.files("claims"):
            return None
        cutoff = meta_new["published_at"].min() - MatchSettings().update_window
        meta = self.history_meta()
        recent = meta.loc[meta["published_at"].isna() | (meta["published_at"] >= cutoff), "article_id"]
        if len(recent) == len(meta):
            return None
        return ds.field("article_id").isin(pa.array(recent.tolist(), type=pa.string()))

    def new_frame(self, records: list) -> pd.DataFrame:
        """New records as the matchers read them: with their article's meta, in publication order."""
        new = _with_meta(pd.DataFrame([as_row(r) for r in records]), self.meta_new)
        return (new.assign(_order=new["article_id"].map(self.order)).sort_values(["_order", "start"], kind="stable")
                .drop(columns="_order").reset_index(drop=True))

    def stored(self, table: str, new: pd.DataFrame) -> pd.DataFrame:
        """The stored rows a night's first chunk is matched against (none: ``new``'s columns)."""
        history = self.run.curated.read(table, columns=MATCH_COLUMNS[table], filter=self.window_filter(table))
        return _with_meta(history, self.history_meta()) if len(history) else new.iloc[:0]

    # ------------------------------------------------------------ all at once

    def all_at_once(self, table: str, records: list) -> list[Match]:
        """Every chunk of ``records`` in turn, each against the history and the chunks before it."""
        if not records:
            return []
        matcher, chunk = MATCHERS[table], self.chunk
        new = self.new_frame(records)
        history = self.stored(table, new)
        out: list[Match] = []
        for start in range(0, len(new), chunk):
            part = new.iloc[start:start + chunk].reset_index(drop=True)
            out += matcher(part, history)
            if self.advance is not None:
                self.advance(len(part))  # progress: quotes+claims matched so far
            if start + chunk < len(new):
                history = pd.concat([history, part[[c for c in history.columns if c in part.columns]]],
                                    ignore_index=True)
        return out

    # ------------------------------------------------------------ fed batch by batch

    def add(self, quotes: list, claims: list) -> None:
        """Take the next batch's records and match every chunk now complete."""
        self.hold(quotes, claims)
        self.match_ready()

    def hold(self, quotes: list, claims: list) -> None:
        """Take the next batch's records, matching nothing yet."""
        for table, records in (("quotes", quotes), ("claims", claims)):
            self.streams[table].records += records
            self.streams[table].pending += records

    def ready(self) -> bool:
        """Is a chunk complete (would `match_ready` match one)?"""
        return any(len(s.pending) >= self.chunk for s in self.streams.values())

    def match_ready(self) -> None:
        """Match every chunk complete so far."""
        for stream in self.streams.values():
            if len(stream.pending) >= self.chunk:
                self._match_ready(stream, final=False)

    def finish(self) -> list[Match]:
        """Match what is left; every match of the night, quotes' first (as `match_stage` gives them)."""
        out: list[Match] = []
        for stream in self.streams.values():
            self._match_ready(stream, final=True)
            if any(not d.equals(stream.dtypes[0]) for d in stream.dtypes[1:]):
                self.redone.append(stream.table)  # see the module docstring
                stream.matches = self.all_at_once(stream.table, stream.records)
            out += stream.matches
        return out

    def _match_ready(self, stream: _Stream, final: bool) -> None:
        if not stream.pending:
            return
        order = self.order
        # whole articles arrive in publication order: sorting what is pending gives the next
        # rows of the whole night's order (the same stable sort as `new_frame`'s)
        stream.pending.sort(key=lambda r: (order[r.article_id], r.start))
        while len(stream.pending) >= self.chunk or (final and stream.pending):
            rows, stream.pending = stream.pending[:self.chunk], stream.pending[self.chunk:]
            part = self.new_frame(rows)
            if stream.history is None:
                stream.history = self.stored(stream.table, part)
            elif stream.last_part is not None:
                part_cols = stream.last_part.columns
                stream.history = pd.concat([stream.history,
                                            stream.last_part[[c for c in stream.history.columns if c in part_cols]]],
                                           ignore_index=True)
            stream.matches += MATCHERS[stream.table](part, stream.history)
            stream.dtypes.append(part.dtypes)
            stream.last_part = part
            self.matched += len(part)
            if self.advance is not None:
                self.advance(len(part))
