"""A small night is validated by a worker process that imported Great Expectations while the
night was extracted and matched: it finds exactly what the run's own process finds."""
from __future__ import annotations

import os
import signal

import pandas as pd
import pytest

from claimtrack.run import pipeline
from claimtrack.run.validation_worker import validation_worker
from test_validate import failures, history, night, second_night  # noqa: F401  (history: a fixture)


def bad_night(history_dir):
    run, articles, *rest = second_night(history_dir)
    tables = night(run, articles, *rest)
    good = tables["articles"].iloc[0].to_dict()
    bad = pd.DataFrame([good | {"article_id": "a1"}, good | {"article_id": "a9", "text": None}])
    tables["articles"] = pd.concat([tables["articles"], bad.astype(tables["articles"].dtypes.to_dict())],
                                   ignore_index=True)
    return run, tables


@pytest.mark.slow
def test_the_worker_finds_what_this_process_finds(history):
    run, tables = bad_night(history)
    with validation_worker() as worker:
        aside = worker.validate(run, tables)
    here = pipeline.validate_stage(run, tables)
    assert not aside.ok and failures(aside) == failures(here)
    assert ("articles", "expect_column_values_to_be_in_set", "article_id_is_new") in failures(aside)
    assert aside.to_json() == here.to_json()


def test_a_worker_that_died_leaves_the_validation_to_this_process(history):
    run, tables = bad_night(history)
    with validation_worker() as worker:
        os.kill(worker._process.pid, signal.SIGKILL)
        worker._process.join()
        report = worker.validate(run, tables)
    assert failures(report) == failures(pipeline.validate_stage(run, tables))


@pytest.mark.slow
def test_an_error_in_the_validation_is_raised_in_the_run(history):
    run, tables = bad_night(history)
    del tables["quotes"]
    with validation_worker() as worker, pytest.raises(KeyError, match="quotes"):
        worker.validate(run, tables)
