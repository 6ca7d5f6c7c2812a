"""Two figures of different periods never contradict in ``compare`` (sentences written for
these tests, in the styles of several outlets)."""
import pytest

from claimtrack.stages.match.compare import compare_texts

OTHER_PERIOD = [
    # wire copy: an explicit year against "last year"
    ("The plant in Dalby built 180,000 cars in 1999.", "Last year the plant in Dalby built just 110,000 cars."),
    # broadsheet: two years
    ("In 2003 only 40% of emails sent to the firm were spam.",
     "By the end of 2004, 75% of emails sent to the firm were spam."),
    # company results: the year against one of its quarters
    ("Vehicle sales in 2004 were 6.8 million, the carmaker said.",
     "Fourth-quarter vehicle sales were 1.75 million, the carmaker said."),
    # tabloid: last year against this year
    ("Ticket sales at the zoo hit 2 million last year.", "This year ticket sales at the zoo reached just 900,000."),
]

SAME_PERIOD = [
    # broadcaster web page: the same year in both
    ("The 2019 flood left more than 3,000 families homeless in Arlo.",
     "About 1,000 families were left homeless by the 2019 flood in Arlo."),
    # no period named in either
    ("The flood left more than 3,000 families homeless in Arlo.", "About 1,000 families are homeless in Arlo."),
    # a period in one text only
    ("The flood left more than 3,000 families homeless in Arlo.",
     "In 2019 the flood left about 1,000 families homeless in Arlo."),
]


@pytest.mark.parametrize("earlier,later", OTHER_PERIOD)
def test_figures_of_other_periods_do_not_conflict(earlier, later):
    out = compare_texts(earlier, later)
    assert out["relation"] != "contradiction"
    assert all(m["relation"] != "contradiction" for m in out["matches"])


@pytest.mark.parametrize("earlier,later", SAME_PERIOD)
def test_figures_of_one_period_still_conflict(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "contradiction"


def test_a_month_is_not_a_name_that_moves():
    # wire copy: two series, each up one month and down the other; the month is no holder
    earlier = "Export orders rose 1.4 billion dlrs in June after dropping 31.2 pct in May."
    later = "Home orders fell 12 pct in June after climbing by 4.3 pct in May."
    assert compare_texts(earlier, later)["relation"] != "contradiction"


def test_a_name_that_moves_both_ways_still_conflicts():
    assert compare_texts("Arlo shares rise in early trade", "Arlo shares fall in early trade")["relation"] == "contradiction"
