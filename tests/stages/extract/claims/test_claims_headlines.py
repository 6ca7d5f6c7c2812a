"""Headline-style text (title case, wire all-caps) parses like body text; nouns; sentence offsets."""
import pytest

from claimtrack.stages.extract.claims import extract_claims


def only(text):
    [c] = extract_claims(text, "t")
    return c


@pytest.mark.parametrize("text,surface,value", [
    ("Chipmaker To Pay $1 Billion For Rival", "$1 Billion", 1e9),
    ("City Raises $2.5 Million In Bonds", "$2.5 Million", 2.5e6),
    ("Exports Hit 3 Trillion Yen", "3 Trillion Yen", 3e12),
    ("Deal Worth 4 Bn Dollars Collapses", "4 Bn Dollars", 4e9),
    ("Group Posts Loss Of 300 Mln Stg", "300 Mln Stg", 3e8),
    ("Ten Thousand Farmers March On Capital", "Ten Thousand", 1e4),
    ("Rainfall Reaches 12 Thousand Tonnes", "12 Thousand Tonnes", 1.2e4),
    ("STEEL OUTPUT FALLS TO 15.2 MLN TONNES", "15.2 MLN TONNES", 1.52e7),
    ("TRADE GAP WIDENS TO 3.1 BLN DLRS", "3.1 BLN DLRS", 3.1e9),
])
def test_title_case_scale_and_unit_words(text, surface, value):
    c = only(text)
    assert (c.surface, c.value) == (surface, value)


def test_title_case_count_after_a_capitalised_verb_is_kept_with_its_noun():
    c = only("Factories Add 215,000 Jobs In March")
    assert (c.value, c.noun) == (215000.0, "jobs")
    assert "Jobs" not in c.subject  # the counted noun is no name
    assert only("Carmaker Cuts 1,200 Jobs").noun == "jobs"


def test_title_case_keeps_date_and_name_rules():
    assert [c.value for c in extract_claims("Sales Jump 8 Percent On March 3 After 2019 Slump")] == [8.0]
    assert [c.value for c in extract_claims("Airline Orders 50 Boeing 737 Jets")] == [50.0]


def test_headline_line_inside_a_text_and_body_text_unchanged():
    text = "Output Tops 2 Million Barrels\nThe firm said Million Dollar Homes sold 5 units."
    got = [(c.surface, c.value) for c in extract_claims(text)]
    assert got == [("2 Million Barrels", 2e6), ("5", 5.0)]


def test_byline_is_not_a_headline():
    assert extract_claims("By Jane Roe, 45, Staff Reporter") == []


def test_headline_subjects_split_at_small_words():
    c = only("Acme To Pay $3 Billion For Zenith")
    assert "Acme" in c.subject and "Zenith" in c.subject
    assert not any(" To " in s or " For " in s for s in c.subject)


def test_preposition_or_adverb_is_never_the_noun():
    assert only("Output ran 50,000 bpd above the quota.").noun != "above"
    assert only("They pumped 20,000 barrels below the cap.").noun != "below"
    assert only("Prices rose 5 percent sharply.").noun != "sharply"


def test_measured_noun_is_the_head_of_the_subject():
    assert only("Total interest on the state loan was 412 mln dlrs.").noun == "loan interest"
    assert only("The price of copper rose 5 percent.").noun == "copper price"
    assert only("The number of migrants rose to 3,000.").noun == "migrants"
    assert only("Exports to Chile fell 4 percent.").noun == "exports"


def test_sentence_start_locates_the_figure_in_its_sentence():
    text = "Markets were calm. Later the index fell 3 percent. Nothing else moved."
    c = only(text)
    assert c.sentence == "Later the index fell 3 percent."
    assert text[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence
    assert c.sentence[c.start - c.sentence_start:].startswith("3 percent")


def test_measured_head_skips_a_chain_of_prepositional_phrases():
    assert only("Wages per hour in mining fell 0.6 percent.").noun == "wages"
    assert only("Sales of new family cars in Peru fell 6 percent.").noun == "sales"
    assert only("Trading in bonds and options fell 4 percent.").noun == "bonds and options"
    # a coordinated clause is not a coordinated subject
    claims = extract_claims("Its car output fell to 5,000 and truck production eased to 3,000.", "t")
    assert [c.noun for c in claims] == ["car output", "truck production"]


def test_period_word_after_the_amount_is_an_adverb_before_a_noun_a_modifier():
    assert only("The unit lost 300,000 dlrs quarterly.").noun == "unit"  # not "quarterly"
    assert only("The group owns 12 weekly newspapers.").noun == "weekly newspapers"


def test_headline_with_a_camel_case_product_name_is_a_headline():
    c = only("Gadget Maker Sells 10 Million eReaders In A Year")
    assert (c.value, c.noun) == (1e7, "ereaders")


def test_headline_subjects_drop_verbs_scale_words_and_the_noun():
    money, mines = extract_claims("Acme Says Zenith Will Pay $200 Billion For 12 Mines", "t")
    assert {"Acme", "Zenith"} <= set(money.subject)
    assert not {"Says", "Will", "Pay", "Billion"} & set(money.subject)
    assert mines.noun == "mines" and "Mines" not in mines.subject


def test_headline_verb_top_after_a_plural_is_no_rank():
    c = only("Flu Cases Top 5,000")
    assert (c.value, c.noun, c.subject) == (5000.0, "flu cases", [])
    c = only("Sales Tops $1 Billion")
    assert (c.qualifier, c.noun) == ("at_least", "sales")
    assert extract_claims("It was a top 10 hit.") == []


def test_participle_alone_is_not_the_counted_noun():
    assert only("Two Dozen Killed In Attack").noun is None
    assert only("The rebels have 200 armed men.").noun == "armed men"


def test_capitalised_scale_words_in_body_text():
    c = only("The audit found a $3 TRILLION gap in the plan.")
    assert (c.surface, c.value) == ("$3 TRILLION", 3e12)
    six, money = extract_claims("Six banks made $51 Billion in profit (the rest lost money).", "t")
    assert (money.surface, money.value) == ("$51 Billion", 5.1e10)
    assert "Billion" not in six.subject
    assert extract_claims("Homes in Thousand Oaks sold well.") == []


def test_channel_names_with_number_words_on_title_lines():
    assert extract_claims("Comedy Night Returns (BBC Three)") == []
    assert extract_claims("Drama Series Moves To Sky One") == []


def test_chart_top_10_after_a_plural_stays_a_rank():
    assert [c.value for c in extract_claims("Three of the acts in the digital sales top 10 are new.")] == [3.0]
