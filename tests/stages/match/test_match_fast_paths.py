"""The matcher's bulk paths give what the plain per-row code gives."""
import collections

import pandas as pd
import pyarrow as pa

from claimtrack.stages.match import claim_blocks, claim_context, claim_entities
from claimtrack.stages.match.detail import phrase


def test_arrow_subject_lists_explode_like_python_lists():
    # history read from Parquet may hold Arrow lists: the one per-row path reads them as lists
    cells = [["Acme Corp", "the Treasury"], None, [], ["Bolt", None], [None], [""], [" The  Riverside "]]
    table = pa.table({"subject": pa.array(cells, type=pa.list_(pa.string()))})
    as_arrow = table.to_pandas(types_mapper=lambda t: pd.ArrowDtype(t) if pa.types.is_list(t) else None)["subject"]
    as_objects = table.to_pandas()["subject"]
    arrow, plain = claim_blocks._subjects(as_arrow), claim_blocks._subjects(as_objects)
    assert arrow.tolist() == plain.tolist() == ["acme corp", "treasury", "", "", "bolt", "", "", "", "riverside"]
    assert arrow.index.tolist() == plain.index.tolist()


def test_headline_word_counts_match_title_words():
    titles = ["ACME <ACM> RAISES DIVIDEND", "Acme raises its dividend again", "Bolt's 3RD-QTR net falls",
              "...", "", "-'quake toll RISES to 300", "O'Neill & Co. sets buyback"]
    wanted = set().union(*(claim_entities.title_words(t) for t in titles)) | {"absent"}
    expected = collections.Counter(w for t in titles for w in claim_entities.title_words(t) & wanted)
    assert claim_entities._title_word_counts(titles, wanted) == dict(expected)


def test_context_words_stop_at_figures_and_conjunctions():
    sentence = "Rescuers said 40 people were reported dead and more than 900 injured in the quake on Monday."
    assert claim_context.context_words(sentence, "more than 900", qualifier="at_least") == "injured quake monday"
    assert claim_context.context_words(sentence, "40") == "rescuers people reported dead"
    assert claim_context.context_words("No figure here at all.", "12", noun="tonnes") == "figure here all"
    assert claim_context.context_words("", "12", noun="tonnes of grain") == "tonnes grain"


def test_phrase_takes_the_longest_qualifier():
    assert phrase("300", "The storm left well over 300 people homeless.") == "well over 300 people homeless"
    assert phrase("300", "It had over 300 members.") == "over 300 members"
    assert phrase("300", "It had 300 members.") == "300 members"
