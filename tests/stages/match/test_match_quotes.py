"""match_quotes on hand-made quotes: repeat, altered, misattributed, short quotes, ordering."""
from __future__ import annotations

from dataclasses import asdict

import pandas as pd

from claimtrack.stages.match import match_quotes
from claimtrack.stages.match.detail import word_changes
from claimtrack.stages.match.quotes import normalise, same_speaker
from claimtrack.records import QUOTE_RELATIONS, Quote, stable_id


def quote(qid, article, text, speaker, date, source="Wire"):
    row = asdict(Quote(quote_id=qid, article_id=article, text=text, start=0, end=len(text),
                       speaker=speaker, speaker_mention=speaker, cue="said",
                       sentence=f'"{text}," {speaker} said.'))
    row["published_at"] = pd.Timestamp(date, tz="UTC") if date else pd.NaT
    row["source"] = source
    row["title"] = None
    return row


def frame(*rows):
    df = pd.DataFrame(list(rows))
    df["published_at"] = pd.to_datetime(df["published_at"], utc=True)
    return df


SAID = "the whole harbour district will be rebuilt within three years"
HISTORY = frame(
    quote("q1", "A1", SAID + ".", "Mayor Lena Ostrova", "2024-02-01", source="Harbour Times"),
    quote("q2", "A1", "We will see.", "Mayor Lena Ostrova", "2024-02-01", source="Harbour Times"),
)


def rel(matches):
    return [(m.relation, m.earlier_id) for m in matches]


def test_same_words_same_speaker_is_a_repeat():
    new = frame(quote("n1", "B1", "The whole harbour district will be rebuilt within three years",
                      "Ostrova", "2024-02-03"))
    matches = match_quotes(new, HISTORY)
    assert rel(matches) == [("repeat", "q1")]
    assert matches[0].match_id == stable_id("quote", "n1", "q1") and matches[0].score == 100


def test_changed_number_is_altered_and_the_detail_names_the_change():
    new = frame(quote("n2", "B2", "the whole harbour district will be rebuilt within five years",
                      "Lena Ostrova", "2024-02-04", source="Coast Daily"))
    matches = match_quotes(new, HISTORY)
    assert rel(matches) == [("altered", "q1")]
    d = matches[0].detail
    assert "Harbour Times, 1 Feb 2024" in d and "Coast Daily, 4 Feb 2024" in d
    assert "“three” became “five”" in d


def test_dropped_not_is_altered():
    hist = frame(quote("q3", "A3", "we will not raise the port fees this year or next year", "Ostrova", "2024-01-01"))
    new = frame(quote("n3", "B3", "we will raise the port fees this year or next year", "Ostrova", "2024-01-05"))
    matches = match_quotes(new, hist)
    assert rel(matches) == [("altered", "q3")]
    assert "dropped “not”" in matches[0].detail


def test_same_words_from_another_speaker_is_misattributed():
    new = frame(quote("n4", "B4", SAID, "Governor Paul Brandt", "2024-02-05"))
    matches = match_quotes(new, HISTORY)
    assert rel(matches) == [("misattributed", "q1")]
    assert "the words of Mayor Lena Ostrova are given to Governor Paul Brandt" in matches[0].detail


def test_an_office_and_a_short_first_name_are_not_misattributions():
    # "Harbour Commissioner" names an office that Ostrova may hold: the same words are a repeat
    office = frame(quote("n7", "B7", SAID, "Harbour Commissioner", "2024-02-05"))
    assert rel(match_quotes(office, HISTORY)) == [("repeat", "q1")]
    # "Len" is a short form of "Lena": one person
    short = frame(quote("n8", "B8", SAID, "Len Ostrova", "2024-02-05"))
    assert rel(match_quotes(short, HISTORY)) == [("repeat", "q1")]
    # another first name with the same surname is another person
    other = frame(quote("n9", "B9", SAID, "Mark Ostrova", "2024-02-05"))
    assert rel(match_quotes(other, HISTORY)) == [("misattributed", "q1")]
    assert same_speaker("Harbour Commissioner Lena Ostrova", "Lena Ostrova") is True


def test_unknown_speaker_repeats_but_is_never_altered():
    same = frame(quote("n5", "B5", SAID, None, "2024-02-05"))
    assert rel(match_quotes(same, HISTORY)) == [("repeat", "q1")]
    changed = frame(quote("n6", "B6", SAID.replace("three", "five"), None, "2024-02-05"))
    assert match_quotes(changed, HISTORY) == []


def test_short_common_quotes_never_match():
    new = frame(quote("n7", "B7", "We will see", "Governor Paul Brandt", "2024-02-05"),
                quote("n8", "B8", "We will see.", "Mayor Lena Ostrova", "2024-02-06"))
    assert match_quotes(new, HISTORY) == []


def test_different_statements_do_not_match():
    new = frame(quote("n9", "B9", "the harbour district needs new investors before anything is rebuilt",
                      "Ostrova", "2024-02-05"))
    assert match_quotes(new, HISTORY) == []


def test_fragment_of_an_earlier_quote_is_a_repeat():
    new = frame(quote("n10", "B10", "will be rebuilt within three years", "Ostrova", "2024-02-05"))
    assert rel(match_quotes(new, HISTORY)) == [("repeat", "q1")]


def test_order_within_new_and_same_article():
    a = quote("w1", "S1", "our ferries will run every hour from the first of May", "Transport Chief Ida Moll", "2024-03-01")
    b = quote("w2", "S1", "our ferries will run every hour from the first of June", "Transport Chief Ida Moll", "2024-03-01")
    c = quote("w3", "S2", "our ferries will run every hour from the first of May", "Ida Moll", "2024-03-02")
    got = {(m.new_id, m.earlier_id, m.relation) for m in match_quotes(frame(a, b, c), pd.DataFrame())}
    # w2 never meets w1 (same article); w3 repeats w1 and alters w2's words
    assert got == {("w3", "w1", "repeat"), ("w3", "w2", "altered")}
    assert all(r in QUOTE_RELATIONS for _, _, r in got)


def test_empty_frames():
    assert match_quotes(pd.DataFrame(), pd.DataFrame()) == []
    assert match_quotes(frame(quote("e1", "E1", SAID, "Ostrova", None)), pd.DataFrame()) == []


def test_helpers():
    assert normalise("“Rebuilt,” she said: 3,000 homes!") == "rebuilt she said 3,000 homes"
    assert same_speaker("Lena Ostrova", "Mayor Lena Ostrova") is True
    assert same_speaker("Ostrova", "Brandt") is False
    assert same_speaker(None, "Brandt") is None
    assert same_speaker("the mayor", "Governor Paul Brandt") is None  # a role is not a name
    assert word_changes("a b c d", "a x c d") == ["“b” became “x”"]


def test_a_changed_spelling_is_a_repeat_not_an_alteration():
    hist = frame(quote("q5", "A5", "we must emphasise that the harbour will be rebuilt this year", "Ostrova",
                       "2024-01-01"))
    new = frame(quote("n9", "B9", "We must emphasize that the harbor will be rebuilt this year", "Ostrova",
                      "2024-01-03"))
    assert rel(match_quotes(new, hist)) == [("repeat", "q5")]
