"""A later figure restates an earlier one only when the earlier text states it: the same figure
or a rounding of it, on the same side of a comparison, of the same kind, and not merely allowed
by a vague magnitude. Figures that may both hold without one stating the other make a pair
``unrelated`` (never ``consistent``), and their match says so."""
import pytest

from claimtrack.stages.match.compare import compare_texts


@pytest.mark.parametrize("earlier, later", [
    # a statistics office's release against a wire's shortening: another tenth of a point
    ("Unemployment in Norland was 4.1% in May, the statistics office said.",
     "Unemployment in Norland was 4.3% in May."),
    # a tabloid toll ten higher is not the broadsheet's rounded toll
    ("The fire at the Vell depot killed 150 people, officials said.",
     "The fire at the Vell depot killed 160 people."),
    # a broadcaster's price against a press release's
    ("Kroon Foods agreed to pay $7.2 billion for the dairy chain.",
     "Kroon Foods agreed to pay $7.5 billion for the dairy chain."),
])
def test_exact_figures_beyond_a_rounding_are_not_a_restatement(earlier, later):
    verdict = compare_texts(earlier, later)
    assert verdict["relation"] != "consistent"
    # the match does not call them the same figure either
    assert all(m["relation"] not in ("repeat", "consistent") for m in verdict["matches"])


@pytest.mark.parametrize("earlier, later", [
    # a science abstract's precise figure, a headline's round one
    ("The survey counted 35.8 million nesting pairs on Arlo island.", "Arlo island has 36 million nesting pairs."),
    # two decimals against one: the coarser figure is a rounding of the finer
    ("Delft Water paid €2.46 billion for the network.", "Delft Water paid €2.5 billion for the network."),
])
def test_a_rounding_of_the_earlier_figure_restates_it(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "consistent"


@pytest.mark.parametrize("earlier, later", [
    # a wire headline keeps the whole number of a precise figure
    ("Kroon Electric said its group net profit should climb 41.7 pct this year.", "KROON ELECTRIC SAYS GROUP NET PROFIT TO CLIMB 41 PCT"),
    # "this year" in the lede is the year the headline names
    ("Norland revenue is expected to rise 14 pct to 80 billion crowns this year from 70 billion in 1986, the finance minister said.",
     "NORLAND SEES 1987 REVENUE UP 14 PCT"),
])
def test_headline_truncations_and_relative_years_still_restate(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "consistent"


def test_the_base_of_a_comparison_is_not_the_new_level():
    # "fell to 4.1% from 4.3%": 4.3% is where it was, not where it is
    earlier = "Unemployment in Norland fell to 4.1% in May from 4.3% in April."
    assert compare_texts(earlier, "Unemployment in Norland fell to 4.3%.")["relation"] != "consistent"
    # a results table's "vs": last year's figure
    table = "Kroon Bank net profit 5 mln dlrs vs 4 mln dlrs."
    assert compare_texts(table, "Kroon Bank net profit 4 mln dlrs.")["relation"] != "consistent"


@pytest.mark.parametrize("earlier, later", [
    # the later text dates the base figure itself
    ("Kroon Bank net profit 5 mln dlrs vs 4 mln dlrs.", "Kroon Bank net profit was 4 mln dlrs a year earlier."),
    # ... or gives it as a base too
    ("The Norland observatory first gave the tremor's strength as 5.6, then lowered it to 5.2.",
     "The Norland observatory lowered the tremor's strength from 5.6 to 5.2."),
    # "from" that compares nothing: gifts from 300 donors are 300 donors
    ("The Arlo hospice received gifts from 300 donors this spring.", "300 donors gave gifts to the Arlo hospice."),
])
def test_a_base_figure_restated_as_a_base_or_with_no_comparison_is_consistent(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "consistent"


def test_a_vague_magnitude_states_no_figure():
    earlier = "Thousands of people marched through Delft on Saturday."
    assert compare_texts(earlier, "About 5,000 people marched through Delft on Saturday.")["relation"] == "unrelated"
    # ... but it does give the bound it means
    assert compare_texts(earlier, "More than 1,000 people marched through Delft on Saturday.")["relation"] == "consistent"


@pytest.mark.parametrize("earlier, later", [
    # a count of people against a length of time
    ("Some 20 firefighters from Arlo took part in the drill.", "The Arlo drill lasted 20 minutes."),
    # a span of hours against a count of homes
    ("The blaze in Vell burned for 12 hours.", "The blaze in Vell destroyed 12 homes."),
    # a count of cars against a length
    ("Kroon Motors sold 300 cars in Delft in May.", "The Kroon Motors queue in Delft was 300 metres long in May."),
])
def test_the_same_numeral_as_another_kind_of_figure_is_not_a_restatement(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "unrelated"


@pytest.mark.parametrize("earlier, later", [
    # the same count in words and in digits
    ("Twenty-five others, including two coaches, were hurt in Arlo.", "25 people were hurt in Arlo."),
    # a rate restates the bare sum it is a rate of
    ("Norland agrees a $15 minimum wage.", "Norland agrees a minimum wage of $15/hour."),
    # a wire headline spells the currency otherwise than its lede: not another kind of figure
    ("Delft Kantonal Bank is issuing a 120 mln Swiss franc bond, lead manager Kroon Bank said.",
     "DELFT KANTONAL BANK ISSUES 120 MLN SFR BOND"),
])
def test_the_same_numeral_written_otherwise_is_still_a_restatement(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "consistent"


@pytest.mark.parametrize("earlier, later, relation", [
    # the extractor's "h" and "s" meet minutes and seconds written out
    ("The Arlo ferry crossing took 2 hours in the storm.", "The Arlo ferry crossing took 120 minutes in the storm.", "consistent"),
    ("The Vell sprinter ran the course in 90 seconds.", "The Vell sprinter ran the course in 1.5 minutes.", "consistent"),
    # milliseconds are not metres
    ("The Delft chip answers in 5 ms, its maker says.", "The Delft chip answers in 5 metres, its maker says.", "unrelated"),
])
def test_hours_seconds_and_milliseconds_convert(earlier, later, relation):
    assert compare_texts(earlier, later)["relation"] == relation


@pytest.mark.parametrize("later, relation", [
    ("Kroon Air passenger numbers rose 25% in March.", "consistent"),
    ("Kroon Air carried 400,000 more passengers in March.", "consistent"),
    # a fall of 20% is the same two figures read from the wrong end
    ("Kroon Air passenger numbers fell 20% in March.", "unrelated"),
])
def test_a_percent_change_runs_from_the_base_of_the_comparison(later, relation):
    earlier = "Kroon Air carried 2 million passengers in March, up from 1.6 million a year earlier."
    assert compare_texts(earlier, later)["relation"] == relation


@pytest.mark.parametrize("earlier, later, relation", [
    # a results headline's quarter against another quarter's
    ("Norland GDP grows 2.1% in third quarter", "Norland GDP grows 2.1% in fourth quarter", "unrelated"),
    # a year against another year, in a broadsheet's sentence
    ("Kroon Motors sold 40,000 cars in Norland in 2019, the company said.",
     "Kroon Motors sold 40,000 cars in Norland in 2021.", "unrelated"),
    # the same quarter in two spellings, and a sentence that names two years, one of them the later's
    ("Norland GDP grows 2.1% in third quarter", "Norland GDP up 2.1% in Q3", "consistent"),
    ("Kroon Motors sold 40,000 cars in Norland in 2019, up from 35,000 in 2018.",
     "Kroon Motors sold 40,000 cars in Norland in 2019.", "consistent"),
])
def test_a_figure_of_another_calendar_period_is_not_a_restatement(earlier, later, relation):
    assert compare_texts(earlier, later)["relation"] == relation
