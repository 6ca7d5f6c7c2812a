"""Fixtures of the run's tests: a night that several runner tests compare against."""
from __future__ import annotations

import pytest

from support.nights import nightly_in_process, write_articles


@pytest.fixture(scope="session")
def default_night(tmp_path_factory):
    """The sample article, ARTICLES' three stories and a broken JSON Lines file, run once through
    the flow with the default runner and ``batch_size=1``: (raw, curated, the flow's result).
    Tests compare other runners against it and must not write into either folder."""
    raw = write_articles(tmp_path_factory.mktemp("default-night") / "raw")
    curated = raw.parent / "curated"
    return raw, curated, nightly_in_process(raw, curated, batch_size=1)
