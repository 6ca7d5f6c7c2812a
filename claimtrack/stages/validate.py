"""The validate stage: Great Expectations suites (``expectations/<table>.json``, installed as
``claimtrack/expectations``) on every table about to be written.

Cross-table rules (a quote points at a stored article, offsets lie inside its text, an id is not
already stored) become derived boolean columns first, so that each rule is one plain GX
expectation that a reviewer can read in the suite's JSON. A failing expectation of severity
``critical`` stops the publish; ``warning`` ones are only reported.
"""
from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from claimtrack.records import CLAIM_RELATIONS, QUOTE_RELATIONS

def _suites_dir() -> Path:
    """The suites: installed, the package data ``claimtrack/expectations``; in a checkout (an
    editable install), ``expectations/`` at the top of the repository, where DESIGN keeps them."""
    packaged = Path(__file__).resolve().parents[1] / "expectations"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "expectations"


DEFAULT_SUITES = _suites_dir()


#: example rows kept per failed check: the row's own id, its article and the raw file it came from
EXAMPLE_ROWS = 3
EXAMPLE_KEYS = ("quote_id", "claim_id", "match_id", "flag_id", "article_id", "raw_path")


@dataclass
class Failure:
    """One failed (``critical``) or warned (``warning``) expectation of one table.

    >>> f = Failure("quotes", "expect_column_values_to_not_be_null", "speaker", "warning", 2,
    ...             rows=[{"quote_id": "q1", "article_id": "a1", "raw_path": "raw/a.txt"}])
    >>> f.describe()
    'warning quotes.speaker expect_column_values_to_not_be_null: 2 rows, e.g. quote_id q1, article_id a1, raw_path raw/a.txt'
    """

    table: str
    expectation: str
    column: str | None
    severity: str
    unexpected: int
    examples: list = field(default_factory=list)  # unexpected values (GX's partial list)
    rows: list[dict] = field(default_factory=list)  # example rows: EXAMPLE_KEYS present in the table

    def line(self) -> str:
        col = f" on {self.column}" if self.column else ""
        ex = f" (e.g. {', '.join(map(str, self.examples[:3]))})" if self.examples else ""
        return f"{self.table}: {self.expectation}{col} failed for {self.unexpected} row(s){ex}"

    def describe(self) -> str:
        """One line for the run's summary: severity, table.column, check, count, example rows."""
        where = f"{self.table}.{self.column}" if self.column else self.table
        rows = "; ".join(", ".join(f"{k} {v}" for k, v in row.items() if v is not None) for row in self.rows)
        if not rows and self.examples:
            rows = "values " + ", ".join(map(str, self.examples[:EXAMPLE_ROWS]))
        return (f"{self.severity} {where} {self.expectation}: {self.unexpected} row{'s' * (self.unexpected != 1)}"
                + (f", e.g. {rows}" if rows else ""))


@dataclass
class ValidationReport:
    checked: dict[str, int] = field(default_factory=dict)  # table -> expectations evaluated
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.severity == "critical" for f in self.failures)

    @property
    def hard_failures(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == "critical"]

    def summary(self) -> str:
        n = sum(self.checked.values())
        hard = len(self.hard_failures)
        soft = len(self.failures) - hard
        return f"{n} expectations on {len(self.checked)} tables: {hard} failed, {soft} warnings"

    def to_json(self) -> str:
        return json.dumps({"ok": self.ok, "summary": self.summary(), "checked": self.checked,
                           "failures": [f.__dict__ | {"examples": [str(e) for e in f.examples[:5]],
                                                      "rows": [{k: str(v) for k, v in r.items()} for r in f.rows]}
                                        for f in self.failures]})


# ------------------------------------------------------------------ derived columns (pure)


def _span_columns(frame: pd.DataFrame, texts: dict[str, str], text_col: str) -> pd.DataFrame:
    out = frame.copy()
    lengths, exists, matches = [], [], []
    for aid, start, end, text in zip(*(out[c].tolist() for c in ("article_id", "start", "end", text_col))):
        body = texts.get(aid)
        exists.append(body is not None)
        lengths.append(len(body) if body is not None else -1)
        matches.append(body is not None and 0 <= int(start) <= int(end) <= len(body)
                       and body[int(start):int(end)] == text)
    out["article_exists"] = exists
    out["article_length"] = lengths
    out["span_matches"] = matches
    return out


def _in(column: pd.Series, ids) -> list[bool]:
    """Membership of each value in ``ids``: a set, or an Arrow array (looked up by Arrow's hash
    table, no Python set of the whole history built). Not by pandas' ``isin`` on str columns,
    which makes an Arrow scalar of every value in ``ids`` (11 s for 130,000 ids)."""
    values = column.tolist()
    if isinstance(ids, (set, frozenset)):
        return [i in ids for i in values]
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        found = pc.is_in(pa.array(values, type=ids.type), value_set=ids)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):  # values of another type: never stored
        ids = set(ids.to_pylist())
        return [i in ids for i in values]
    return found.fill_null(False).to_pylist()


def _union(*parts):
    """The union of id collections (sets or Arrow arrays): an Arrow array if any part is one and
    every value is a string or null, else a set."""
    import pyarrow as pa

    if any(isinstance(p, pa.Array) for p in parts):
        try:
            return pa.concat_arrays([p.cast(pa.string()) if isinstance(p, pa.Array)
                                     else pa.array(list(p), type=pa.string()) for p in parts])
        except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
            pass
    return set().union(*(p.to_pylist() if isinstance(p, pa.Array) else p for p in parts))


def validation_frames(new: dict[str, pd.DataFrame], stored_ids: dict[str, set],
                      article_texts: dict[str, str]) -> dict[str, pd.DataFrame]:
    """The frames GX checks: each new table plus the derived columns its suite refers to.

    ``stored_ids`` holds the ids already in the curated tables ("articles", "quotes", "claims",
    "matches"), as sets or Arrow arrays; ``article_texts`` maps article_id to text for every article a new row may cite.
    """
    frames: dict[str, pd.DataFrame] = {}
    id_col = {"articles": "article_id", "quotes": "quote_id", "claims": "claim_id", "matches": "match_id"}
    for table, frame in new.items():
        f = frame.copy()
        if table in id_col:
            f[f"{id_col[table]}_is_new"] = [not found for found in _in(f[id_col[table]], stored_ids.get(table, set()))]
        if table == "articles":
            f["text_length"] = f["text"].fillna("").str.len()
        elif table == "quotes":
            f = _span_columns(f, article_texts, "text")
        elif table == "claims":
            f = _span_columns(f, article_texts, "surface")
            f["value_finite"] = [isinstance(v, float) and math.isfinite(v) for v in f["value"].astype(float).tolist()]
        elif table == "matches":
            known = _union(stored_ids.get("quotes", set()), stored_ids.get("claims", set()),
                           set(new.get("quotes", pd.DataFrame(columns=["quote_id"]))["quote_id"].tolist()),
                           set(new.get("claims", pd.DataFrame(columns=["claim_id"]))["claim_id"].tolist()))
            f["new_exists"] = _in(f["new_id"], known)
            f["earlier_exists"] = _in(f["earlier_id"], known)
            f["distinct_ids"] = f["new_id"] != f["earlier_id"]
            allowed = {"claim": set(CLAIM_RELATIONS), "quote": set(QUOTE_RELATIONS)}
            f["relation_fits_kind"] = [r in allowed.get(k, set()) for k, r in zip(f["kind"].tolist(), f["relation"].tolist())]
        elif table == "flags":
            known = _union(stored_ids.get("matches", set()),
                           set(new.get("matches", pd.DataFrame(columns=["match_id"]))["match_id"].tolist()))
            f["match_exists"] = _in(f["match_id"], known)
        frames[table] = f
    return frames


# ------------------------------------------------------------------ Great Expectations (I/O edge)


def load_suite(table: str, suites_dir: Path = DEFAULT_SUITES):
    import great_expectations as gx

    path = Path(suites_dir) / f"{table}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("id", None)
    return gx.ExpectationSuite(**data)


def suite_columns(suite, frame: pd.DataFrame) -> list[str]:
    """The columns of ``frame`` that ``suite`` checks, in frame order.

    GX fingerprints every batch (hashing it, or pickling it when a column holds lists): on a
    night's tables with their article texts and sentences that took longer than the checks.
    A column the suite names but the frame lacks is left to GX to report.
    """
    named = {getattr(e, key, None) for e in suite.expectations for key in ("column", "column_A", "column_B")}
    named |= {c for e in suite.expectations for c in (getattr(e, "column_list", None) or ())}
    return [c for c in frame.columns if c in named]


def _gx_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """GX is ~6x faster on datetime64[ns] than pandas 3's default [us]; list columns it cannot hash."""
    out = frame.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col]):
            out[col] = out[col].astype("datetime64[ns, UTC]")
        elif out[col].dtype == object and len(out) and isinstance(out[col].iloc[0], (list, tuple)):
            out[col] = out[col].map(lambda v: "; ".join(map(str, v)) if v is not None else None)
    return out.reset_index(drop=True)


def import_gx():
    """Great Expectations, imported (3–9 s here: callers with time to spare import it early)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations

    return great_expectations


#: how GX reports a suite that failed: counts and the first few unexpected values
SUMMARY = {"result_format": "SUMMARY", "partial_unexpected_count": 5}


def run_suites(frames: dict[str, pd.DataFrame], suites_dir: Path = DEFAULT_SUITES) -> ValidationReport:
    """Validate each frame against its suite in an in-memory GX context.

    Every expectation of every suite runs on every frame. A suite is run first for its verdicts
    alone (GX's ``BOOLEAN_ONLY``: it computes no lists of unexpected values, about half the cost);
    a suite with any failing expectation is run again with counts and examples for the report.
    All frames go through one data asset and batch definition: GX rewrites its whole project
    configuration each time one is added.
    """
    import logging

    gx = import_gx()

    # GX sets INFO on some of its own loggers ("Created temporary directory ..." on every run).
    for name in ("great_expectations", "great_expectations.data_context.types.base"):
        logging.getLogger(name).setLevel(logging.WARNING)

    context = gx.get_context(mode="ephemeral")
    # the project setting ``progress_bars: {globally: false}`` of great_expectations.yml, in code
    context.variables.progress_bars = {"globally": False}
    batches = context.data_sources.add_pandas("claimtrack").add_dataframe_asset(name="tables") \
        .add_batch_definition_whole_dataframe("table")
    report = ValidationReport()
    for table, frame in frames.items():
        suite = load_suite(table, suites_dir)
        batch = batches.get_batch(batch_parameters={"dataframe": _gx_frame(frame[suite_columns(suite, frame)])})
        result = batch.validate(suite, result_format="BOOLEAN_ONLY")
        if not result.success:
            result = batch.validate(suite, result_format=SUMMARY)
        report.checked[table] = len(result.results)
        for r in result.results:
            if not r.success:
                report.failures.append(_failure(table, r, frame))
    return report


def _failure(table: str, result, frame: pd.DataFrame) -> Failure:
    """A failed expectation's result, with a few of the frame's rows it failed on."""
    exp = result.expectation_config.to_domain_obj()  # the Expectation, with its typed fields
    res = result.result or {}
    info = result.exception_info
    err = info.get("exception_message") if isinstance(info, dict) else None
    column = getattr(exp, "column", None)
    if column is None and getattr(exp, "column_A", None) is not None:
        column = f"{exp.column_A}/{exp.column_B}"
    keys = [k for k in EXAMPLE_KEYS if k in frame.columns]
    rows = [{k: frame.iloc[i][k] for k in keys} for i in (res.get("partial_unexpected_index_list") or [])[:EXAMPLE_ROWS]
            if isinstance(i, int) and 0 <= i < len(frame)] if keys else []
    severity = getattr(exp.severity, "value", exp.severity) or "critical"
    return Failure(table=table, expectation=exp.expectation_type, column=column, severity=str(severity).lower(),
                   unexpected=int(res.get("unexpected_count") or 0),
                   examples=list(res.get("partial_unexpected_list") or ([err] if err else [])), rows=rows)
