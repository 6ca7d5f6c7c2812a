"""Counts written without a numeral, and "one" as a determiner, in `claimtrack compare`.
Sentences written for these tests."""
import pytest

from claimtrack.stages.match.compare import compare_texts
from claimtrack.stages.match.compare_words import _count_words


@pytest.mark.parametrize("earlier, later", [
    ("Both tankers were badly damaged in the collision off Arlo, the coastguard said.",
     "Two tankers badly damaged in collision off Arlo"),
    ("A pair of car bombs exploded outside the Bemis police station on Friday.",
     "Two car bombs exploded outside the Bemis police station"),
    ("Twin blasts rocked the Korlo market district overnight, police said.",
     "Two blasts rocked the Korlo market district, police say"),
    ("Half a dozen homes on Mill Lane in Arlo were flooded.", "Six homes on Mill Lane in Arlo were flooded."),
])
def test_a_count_in_words_supports_the_same_count_in_digits_or_numerals(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "consistent"


def test_a_count_in_words_does_not_support_another_count():
    assert compare_texts("Both tankers were badly damaged in the collision off Arlo.",
                         "Three tankers were badly damaged off Arlo.")["relation"] != "consistent"


def test_count_words_are_not_read_inside_other_words():
    assert _count_words("The pairing of twinkling lights; a couple's home") == []


@pytest.mark.parametrize("earlier, later", [
    # a part of a set against the set (broadsheet arts page, hospital bulletin)
    ("The novelist, who has written more than 100 books in a 40-year career, was honoured in Arlo.",
     "Twelve of her books are on sale in Arlo during the fair."),
    ("Twelve patients were taken to Arlo General after the crash, a spokeswoman said.",
     "Three of the patients were said to be in a serious state at Arlo General."),
])
def test_a_part_of_a_set_never_contradicts_the_set(earlier, later):
    assert compare_texts(earlier, later)["relation"] != "contradiction"
    assert compare_texts(later, earlier)["relation"] != "contradiction"


def test_two_parts_taken_the_same_way_still_conflict():
    out = compare_texts("Three of the patients were said to be in a serious state at Arlo General, a spokeswoman said.",
                        "Five of the patients were said to be in a serious state at Arlo General.")
    assert out["relation"] == "contradiction"


@pytest.mark.parametrize("earlier, later", [
    # a share of a whole (broadsheet, wire, science abstract)
    ("Of the 40 MPs on the committee, 10 voted against the bill.", "A quarter of the committee's MPs voted against the bill"),
    ("Half of the 300 staff at the Dunmore plant will lose their jobs.", "150 Dunmore plant staff to lose jobs"),
    ("In a cohort of 1,200 patients, 18% developed complications.", "Complications developed in 216 of 1,200 patients"),
])
def test_a_share_of_a_whole_is_supported(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "consistent"


def test_another_share_of_the_whole_is_not_supported():
    assert compare_texts("Half of the 300 staff at the Dunmore plant will lose their jobs.",
                         "120 Dunmore plant staff to lose jobs")["relation"] != "consistent"


@pytest.mark.parametrize("earlier, later", [
    ("Unemployment in Spain rose from 12% to 14%.", "Unemployment in Spain up two percentage points"),
    ("The Bank of Canada raised its key rate from 1.75% to 2%.", "Bank of Canada raises key rate by 25 basis points"),
])
def test_the_words_of_a_unit_are_no_content_of_their_own(earlier, later):
    # "percentage points", "basis points" belong to the figure, which is judged as a figure
    assert compare_texts(earlier, later)["relation"] == "consistent"


@pytest.mark.parametrize("earlier, later", [
    ("Unemployment in Spain rose to 14% in March.", "Spanish unemployment rises to 14%"),
    ("One in five adults in Wales smokes, the survey found.", "20% of Welsh adults smoke"),
    ("U.S. employers added 250,000 jobs in May.", "American employers added 250,000 jobs in May"),
])
def test_a_country_and_its_adjective_are_one_word(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "consistent"


@pytest.mark.parametrize("earlier, later", [
    # wire copy: one survey, two regions
    ("Business failures in the Atlantic states fell 8.2 pct in February, Dunmore said.",
     "Business failures in the Pacific states fell 6.8 pct, Dunmore said."),
    # broadcaster: two films in one chart
    ("Comedy Arlo Nights took $12.7m on its opening weekend.", "The drama Bemis Road took $9.4m on its opening weekend."),
])
def test_figures_of_two_holders_named_only_in_their_own_text_do_not_conflict(earlier, later):
    assert compare_texts(earlier, later)["relation"] != "contradiction"


def test_a_holder_named_in_both_texts_still_conflicts():
    out = compare_texts("Norbank to pay up to $3 billion to end a loans inquiry",
                        "Norbank Group to pay $3.2 billion to end loans inquiry")
    assert out["relation"] == "contradiction"


@pytest.mark.parametrize("earlier, later", [
    # broadsheet: "one" + a noun the earlier text names ("a" / "the" / "their" X)
    ("Their van has passed the Dunmore toll plaza without paying more than 900 times, the agency said.",
     "One van has passed the Dunmore toll plaza 900 times without paying"),
    # broadcaster web page: an unnamed source restated as "one ... says"
    ("'The Arlo ferry is a lifeline,' said Mary Kell, chief executive of the Arlo Ferry Trust.",
     "The Arlo ferry is 'a lifeline', one chief executive says"),
    # transcript: the pronoun "one" counts nothing
    ("Even if the Arlo verdict is lawful, you may still decide that it is an unjust verdict.",
     "He says even if the Arlo verdict is lawful, it may be an unjust one"),
    # tabloid: "at one point" is a time, not a score
    ("Kemp was offered the part of the detective's partner, his agent said.",
     "Kemp was offered the part of the detective's partner at one point"),
])
def test_one_as_an_article_or_pronoun_asks_nothing_of_the_earlier_text(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "consistent"


@pytest.mark.parametrize("earlier, later", [
    # wire copy: "one X" with no X in the earlier text adds a thing of its own
    ("The Arlo warehouse fire was put out by Tuesday night, a spokeswoman said.",
     "One firefighter was hurt in the Arlo warehouse fire"),
    # "one" against another count of the same thing is still a conflict
    ("Two firefighters were in a serious condition at Arlo General, a spokeswoman said.",
     "One firefighter was in a serious condition at Arlo General"),
    # sports page transcript: "one more year" counts years
    ("Kemp said he wanted to stay at Arlo Town, his agent told reporters.",
     "'I want to stay at Arlo Town for one more year,' Kemp said"),
])
def test_one_with_a_noun_of_its_own_or_against_another_count_is_not_a_restatement(earlier, later):
    assert compare_texts(earlier, later)["relation"] != "consistent"


@pytest.mark.parametrize("earlier, later", [
    # wire copy: names with ages in apposition
    ("Ann Lee, 16, and Tom Ward, 17, were charged as adults on Monday, police said.",
     "Two teenagers charged as adults, police say"),
    # broadsheet arts page: a tour's dates
    ("The Arlo Quartet will play Leeds, Glasgow and Cardiff on its spring tour.",
     "The Arlo Quartet will play three cities on its spring tour"),
    # press release
    ("Acme Foods will sell its shares in Dunmore Bank and Korlo Bank this year.", "Acme Foods to sell its shares in two banks this year"),
])
def test_a_count_of_the_names_a_list_gives_is_supported(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "consistent"


@pytest.mark.parametrize("earlier, later", [
    # another count than the list's
    ("Ann Lee and Tom Ward were charged as adults on Monday, police said.", "Three teenagers charged as adults"),
    # things without names are not counted from a list of names (phone review)
    ("Acme and Bemis showed new phones at the Arlo show.", "Two cameras were shown at the Arlo show"),
    # the list does not stand in for a figure the earlier text gives for the same thing
    ("Ann Lee and Tom Ward said three houses burned on Mill Lane in Arlo.", "Two houses burned on Mill Lane in Arlo"),
])
def test_a_list_does_not_support_another_count(earlier, later):
    assert compare_texts(earlier, later)["relation"] != "consistent"


@pytest.mark.parametrize("earlier, later, relation", [
    # court report (wire copy)
    ("Ann Lee and Tom Ward were jailed for 21 months and 18 months, respectively, at Arlo Crown Court.",
     "Ann Lee was jailed for 18 months at Arlo Crown Court", "unrelated"),
    ("Ann Lee and Tom Ward were jailed for 21 months and 18 months, respectively, at Arlo Crown Court.",
     "Tom Ward was jailed for 18 months at Arlo Crown Court", "consistent"),
    # science abstract
    ("Response rates in the Arlo and Bemis cohorts were 42% and 37%, respectively.",
     "The response rate in the Bemis cohort was 42%", "unrelated"),
])
def test_respectively_gives_each_figure_to_its_own_name(earlier, later, relation):
    assert compare_texts(earlier, later)["relation"] == relation
