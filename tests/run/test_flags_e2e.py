"""Matching through the real flow: later articles against the DW sample of 17 September 2018.

The flow runs once for the module; the tests only read its tables (the one that runs again
works on a copy)."""
import json
import shutil

import pandas as pd
import pytest

from support import SAMPLE
from support.nights import nightly_in_process


def later(raw, name, text, date, source="Example Wire"):
    (raw / name).write_text(json.dumps({"text": text, "date": date, "source": source, "title": name}))


@pytest.fixture(scope="module")
def flags_night(tmp_path_factory):
    """The sample article and five later ones (one a re-sent copy), ingested in one run (publication order decides):
    the raw folder and the curated folder."""
    raw = tmp_path_factory.mktemp("flags-night") / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    later(raw, "fewer.json", "Aid groups warned on Wednesday that some 2 million civilians are at risk in Idlib "
          "if the offensive goes ahead.", "2018-09-19T09:00:00Z")
    later(raw, "same.json", "Turkey, which hosts 3.5 million Syrian refugees, wants many of them to go home.",
          "2018-09-19T10:00:00Z")
    later(raw, "altered.json", 'At the summit Erdogan said that "the entire world has eyes focused on our meeting '
          'tomorrow."', "2018-09-20T08:00:00Z")
    # the wire sends the story again an hour later with a line added: the same altered quote
    later(raw, "resent.json", 'At the summit Erdogan said that "the entire world has eyes focused on our meeting '
          'tomorrow." The Kremlin did not comment.', "2018-09-20T09:30:00Z")
    later(raw, "misattributed.json", '"The entire world has eyes focused on our meeting today," Putin said in Sochi.',
          "2018-09-20T09:00:00Z", source="Another Paper")
    curated = raw.parent / "curated"
    nightly_in_process(raw, curated)
    return raw, curated


@pytest.fixture
def history_and_later(flags_night):
    """The curated folder of ``flags_night`` (read only)."""
    return flags_night[1]


def rows_for(curated, table, article_name):
    """Rows of quotes/claims belonging to the later article stored from ``article_name``."""
    articles = pd.read_parquet(curated / "articles")
    aid = articles.loc[articles["raw_path"].str.endswith(article_name), "article_id"].iloc[0]
    frame = pd.read_parquet(curated / table)
    return frame[frame["article_id"] == aid]


def relations_of(curated, table, article_name):
    ids = set(rows_for(curated, table, article_name)[f"{table[:-1]}_id"])
    matches = pd.read_parquet(curated / "matches")
    return matches[matches["new_id"].isin(ids)]


def test_lower_figure_for_the_same_civilians_is_a_contradiction_flag(history_and_later):
    curated = history_and_later
    matches = relations_of(curated, "claims", "fewer.json")
    contradiction = matches[matches["relation"] == "contradiction"]
    assert len(contradiction) == 1
    claims = pd.read_parquet(curated / "claims").set_index("claim_id")
    assert claims.loc[contradiction["earlier_id"].iloc[0], "value"] == 3_000_000
    detail = contradiction["detail"].iloc[0]
    assert "3 million" in detail and "2 million" in detail and "2018" in detail
    flags = pd.read_parquet(curated / "flags")
    flag = flags[flags["match_id"] == contradiction["match_id"].iloc[0]]
    assert list(flag["status"]) == ["open"] and list(flag["relation"]) == ["contradiction"]


def test_repeated_refugee_figure_is_a_repeat_and_not_flagged(history_and_later):
    curated = history_and_later
    matches = relations_of(curated, "claims", "same.json")
    assert set(matches["relation"]) & {"repeat", "consistent"}
    assert not set(matches["relation"]) & {"contradiction"}
    flags = pd.read_parquet(curated / "flags")
    assert not flags["match_id"].isin(matches["match_id"]).any()


def test_changed_word_in_erdogans_quote_is_an_altered_flag(history_and_later):
    curated = history_and_later
    matches = relations_of(curated, "quotes", "altered.json")
    assert list(matches["relation"]) == ["altered"]
    assert "tomorrow" in matches["detail"].iloc[0] and "today" in matches["detail"].iloc[0]
    assert matches["match_id"].isin(pd.read_parquet(curated / "flags")["match_id"]).all()


def test_a_resent_copy_of_the_altered_quote_is_matched_but_not_flagged_twice(history_and_later):
    curated = history_and_later
    resent = relations_of(curated, "quotes", "resent.json")
    first = relations_of(curated, "quotes", "altered.json")
    assert "altered" in set(resent["relation"])  # the match is stored: the copy changed the words too
    flags = pd.read_parquet(curated / "flags")
    altered = flags[(flags["relation"] == "altered")
                    & flags["earlier_id"].isin(first["earlier_id"])]
    assert list(altered["match_id"]) == list(first["match_id"])  # one flag, on the first copy


def test_erdogans_words_given_to_putin_are_misattributed(history_and_later):
    curated = history_and_later
    matches = relations_of(curated, "quotes", "misattributed.json")
    assert "misattributed" in set(matches["relation"])
    flags = pd.read_parquet(curated / "flags")
    assert set(flags.loc[flags["match_id"].isin(matches["match_id"]), "relation"]) == {"misattributed"}


def test_a_second_run_adds_no_matches_or_flags(flags_night, tmp_path):
    raw, curated = flags_night[0], tmp_path / "curated"
    shutil.copytree(flags_night[1], curated)
    before = {t: len(pd.read_parquet(curated / t)) for t in ("matches", "flags", "claims", "quotes")}
    assert nightly_in_process(raw, curated)["status"] == "nothing-new"
    assert {t: len(pd.read_parquet(curated / t)) for t in before} == before


def test_the_run_writes_the_review_report_beside_the_tables(history_and_later):
    page = (history_and_later / "report.html").read_text(encoding="utf-8")
    assert "contradiction" in page and "misattributed" in page and "altered" in page
    assert "2 million" in page and "3 million" in page
