"""One pipeline path: `claimtrack run`'s quick check and the flow share the intake stages, and
the flow takes what the quick check found through an explicit `Intake` (issue 15)."""
from __future__ import annotations

import pandas as pd
import pytest

from claimtrack.run import intake as intake_module
from claimtrack.run.intake import Intake, quick_check
from claimtrack.run.record import new_run
from claimtrack.run.tables import build_tables
from claimtrack.stages.publish import publish_stage

FERRY = "Ferry strike ends\n\nThe ferry strike ended after 12 days, the union said.\n"
BRIDGE = "Bridge to reopen\n\nThe bridge will reopen on Monday after 3 weeks of repairs, the council said.\n"


@pytest.fixture
def stored(workspace):
    """A curated folder with one earlier run (nothing in it), and one new raw file."""
    raw, curated = workspace
    publish_stage(new_run(raw, curated), build_tables(new_run(raw, curated), [], [], [], [], []), None)
    (raw / "ferry.txt").write_text(FERRY)
    return raw, curated


def test_a_first_run_is_left_to_the_flow(workspace):
    raw, curated = workspace
    result, intake = quick_check(new_run(raw, curated))
    assert result is None and not intake.discovered


def test_the_quick_check_parses_new_files_once_and_hands_them_over(stored):
    raw, curated = stored
    result, intake = quick_check(new_run(raw, curated))
    assert result is None and intake.parsed and intake.has_work
    assert [a.title for a in intake.articles] == ["Ferry strike ends"]
    assert set(intake.stage_seconds) == {"discover", "parse"}
    assert repr(intake) == "<Intake of 1 new raw files>"


def test_too_many_new_files_are_discovered_but_left_to_the_flow_to_parse(stored):
    raw, curated = stored
    (raw / "bridge.txt").write_text(BRIDGE)
    result, intake = quick_check(new_run(raw, curated), max_files=1)
    assert result is None and intake.new_files == 2 and not intake.parsed


def test_nothing_new_is_recorded_without_the_flow(stored):
    raw, curated = stored
    (raw / "ferry.txt").unlink()
    result, intake = quick_check(new_run(raw, curated))
    assert result["status"] == "nothing-new" and not intake.has_work
    assert list(pd.read_parquet(curated / "runs")["status"]) == ["nothing-new", "nothing-new"]


@pytest.mark.slow
def test_the_flow_takes_the_quick_checks_intake_without_parsing_again(stored, monkeypatch):
    from claimtrack.run.flow import nightly

    raw, curated = stored
    _, intake = quick_check(new_run(raw, curated))

    def parsed_twice(*args):
        raise AssertionError("parsed twice")

    monkeypatch.setattr(intake_module, "parse_raw", parsed_twice)
    result = nightly(raw_dir=str(raw), curated_dir=str(curated), intake=intake)
    assert result["status"] == "succeeded" and result["articles"] == 1 and result["rejected"] == 0
    assert list(pd.read_parquet(curated / "articles")["title"]) == ["Ferry strike ends"]


def test_an_intake_is_opaque_to_prefects_parameter_encoder():
    """Prefect records a flow's parameters; an Intake (a night of raw bytes) is recorded as a
    placeholder, not encoded."""
    from claimtrack.run.flow import nightly

    assert nightly.serialize_parameters({"intake": Intake()}) == {"intake": "<Intake>"}
