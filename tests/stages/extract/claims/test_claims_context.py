"""Noun, subject and speaker of claims, on sentences written for the tests."""
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.stages.extract.claims import context, extract_claims


def only(text):
    [c] = extract_claims(text, "t")
    return c


def test_noun_is_the_lowercase_phrase_and_proper_modifiers_go_to_subject():
    c = only("The army keeps 12 observation posts near Aleppo.")
    assert c.noun == "observation posts" and "Aleppo" in c.subject
    c = only("Officials said 300 Iraqi refugees crossed into Jordan.")
    assert c.noun == "refugees" and {"Iraqi", "Jordan"} <= set(c.subject)


def test_noun_phrase_stops_at_a_verb_after_the_plural():
    assert only("As many as 90 boats sank off the coast.").noun == "boats"
    assert only("More than 3 million civilians pouring across the border.").noun == "civilians"


def test_coordinated_noun_phrase_keeps_its_plural_head():
    assert only("The firm will drill 50 oil and gas wells.").noun == "oil and gas wells"


def test_noun_after_of_for_percentages_and_vague_counts():
    assert only("About 40 percent of voters stayed home.").noun == "voters"
    assert only("Dozens of protesters were held.").noun == "protesters"


def test_noun_written_before_the_number():
    assert only("The quake left a death toll of 250 on Monday.").noun == "toll"


def test_demonym_plural_is_the_counted_noun():
    assert only("Some 5 million Venezuelans have left.").noun == "venezuelans"


def test_vague_amount_of_money_takes_the_currency():
    c = only("Tens of millions of dollars were lost.")
    assert c.unit == "USD" and c.qualifier == "vague"


def test_subject_is_limited_to_the_clause():
    text = "Chile reported 120 cases, while Peru reported 80 deaths."
    first, second = extract_claims(text, "t")
    assert "Chile" in first.subject and "Peru" not in first.subject
    assert "Peru" in second.subject and "Chile" not in second.subject


def test_sentence_initial_common_word_is_not_a_subject():
    c = only("Exports rose 12 percent in Norway.")
    assert "Exports" not in c.subject and "Norway" in c.subject


def test_speaker_according_to_at_sentence_start():
    assert only("According to Oxfam, 2 million people need food.").speaker == "Oxfam"


def test_speaker_is_not_repeated_in_subject():
    c = only("At least 12 soldiers died in Herat, General Ahmad Zia said.")
    assert c.speaker == "General Ahmad Zia" and "Herat" in c.subject
    assert all("Ahmad Zia" not in s for s in c.subject)


def test_what_a_percentage_measures_is_named_before_the_verb():
    assert only("Unemployment fell to 4.1 percent in March.").noun == "unemployment"
    assert only("The company's net profit rose 12 percent.").noun == "net profit"
    assert only("It rose 5 percent.").noun is None


def test_coordinated_quantities_keep_their_own_nouns():
    claims = extract_claims("An offensive could send thousands of gunmen and hundreds of thousands of "
                            "civilians across the border.")
    assert [(c.surface, c.noun) for c in claims] == [("thousands", "gunmen"), ("hundreds of thousands", "civilians")]


def test_a_name_after_a_number_word_does_not_keep_the_connector():
    [claim] = extract_claims("Millions of Syrian refugees now live in Turkey.")
    assert "Syrian" in claim.subject and not any(s.startswith("of ") for s in claim.subject)


def test_names_opening_with_al_are_read_in_a_sentence_that_has_them():
    # a sentence with "al-" is read with the pattern that can open a name there; others skip it
    t = "Fighters of al-Qadir Brigade took 12 villages near Homs, said Omar al-Masri."
    assert [n for _, _, n in context.names_in(t, (0, len(t)))] == ["Fighters of al-Qadir Brigade", "Homs",
                                                                   "Omar al-Masri"]
    u = "The rebels took 12 villages near Homs, said Omar Masri."
    assert [n for _, _, n in context.names_in(u, (0, len(u)))] == ["Homs", "Omar Masri"]


_CLAUSE_PIECES = ["Sales rose", " while", " WHILE", " whıle", " whİle", " whereaſ", " But", " but", ", and", ",  And",
                  "; ", " ", "\u00a0", "\n", ",", " costs fell", "butter", " bbut", " 5", " w", " b"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=14).map("".join), st.integers(0, 4))
def test_clause_cuts_are_the_separators_the_full_pattern_finds(text, lead):
    # a sentence with no separator opening at a space is cut with the ";"/"," pattern only
    sent = (min(lead, len(text)), len(text))
    assert context.clause_cuts(text, sent) == [m.span() for m in context._CLAUSE_SPLIT.finditer(text, *sent)]


def test_according_to_read_from_the_sentences_first_letter_and_not_before_it():
    t = "Prices rose. According to the ONS, 5% more homes sold. Raccording to Bob, 3 did."
    first = t.index("According")
    assert context.attribution(t, (first, t.index(" Raccording"))) == "ONS"
    assert context.attribution(t, (first + 1, len(t))) is None  # "ccording" alone opens no attribution


_NAME_PIECES = ["Exports", " exports", " Exports", " rose", ". ", "Turkey", " Ankara", " said", " 5%", "\n",
                " İzmir", " ΟΔΟΣ", " Sales", " sales", "-sales", " The", " Black Sea", " EXPORTS", "x" * 30,
                " " + "y" * 1200]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=16).map("".join), st.integers(0, 3000), st.integers(0, 3000))
def test_names_read_with_the_whole_text_lowered_once_are_the_same(text, lead, tail):
    # a capitalised word opening a sentence is looked up in lower case around it: in the text
    # lowered once (when lowering keeps every offset) or in a window lowered for the sentence
    lowered = context.lower_text(text)
    sent = (min(lead, len(text)), max(min(lead, len(text)), len(text) - tail))
    assert lowered is None or context.names_in(text, sent, lowered) == context.names_in(text, sent)
    assert (lowered is None) == (len(text.lower()) != len(text) or "Σ" in text)
