"""A change and a level are not two figures for one thing in ``compare`` (sentences written for
these tests, in the styles of several outlets)."""
import pytest

from claimtrack.stages.match.compare import compare_texts
from claimtrack.stages.match.compare_derive import change_amount

CHANGE_AND_LEVEL = [
    # rich list, tabloid: a rise against a fortune
    ("The singer is third on the list with £800m - up £40m on the year.",
     "The composer's fortune rose to £700m on the year."),
    # results release: an increase against a total
    ("Group vehicle sales were 6.8 million, an increase of 62,000 vehicles.",
     "Group vehicle sales were 1.75 million vehicles."),
    # wire: a percentage change against a share held
    ("Sales outside western Europe rose 16.5%.", "The carmaker owns a 44% stake in its partner."),
]

ONE_KIND = [
    # two changes of one thing: still a conflict
    ("Retail sales rose 2.1% in March, the statistics office said.", "Retail sales rose 0.4% in March."),
    # two levels of one thing: still a conflict
    ("The flood left more than 3,000 families homeless in Arlo.", "About 1,000 families are homeless in Arlo."),
]


@pytest.mark.parametrize("earlier,later", CHANGE_AND_LEVEL)
def test_change_and_level_do_not_conflict(earlier, later):
    assert compare_texts(earlier, later)["relation"] != "contradiction"


@pytest.mark.parametrize("earlier,later", ONE_KIND)
def test_two_changes_or_two_levels_still_conflict(earlier, later):
    assert compare_texts(earlier, later)["relation"] == "contradiction"


@pytest.mark.parametrize("sentence,surface,expected", [
    ("Shares fell by 3% on Monday.", "3%", True),
    ("Output is down 2.5 pct from a year ago.", "2.5 pct", True),
    ("There was a drop of 400 jobs at the plant.", "400 jobs", True),
    ("Inflation climbed to 4.2% in June.", "4.2%", False),
    ("The band picked up three awards.", "three", False),
    ("The council set up two new funds.", "two", False),
    ("Some 300 people were at the meeting.", "300", False),
])
def test_change_amount(sentence, surface, expected):
    assert change_amount(sentence, surface) is expected
