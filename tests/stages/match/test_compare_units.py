"""Figures in different units of the same kind meet on one scale: speeds and spans of hours."""
import pytest

from claimtrack.stages.match.compare import compare_texts


@pytest.mark.parametrize("earlier, later, relation", [
    # a broadsheet in miles per hour, a European wire in km/h: the same speed
    ("The new train reached a top speed of 100 mph during the trial near Leeds.",
     "The new train reached a top speed of 160 km/h during the trial near Leeds.", "consistent"),
    # the same number in another unit is another speed
    ("The new train reached a top speed of 100 mph during the trial near Leeds.",
     "The new train reached a top speed of 100 km/h during the trial near Leeds.", "contradiction"),
    # a tabloid's gusts in mph against a forecaster's kph
    ("Gusts of 90mph battered the coast of Cornwall overnight.",
     "Gusts of 250kph battered the coast of Cornwall overnight.", "contradiction"),
    # a shipping report in knots against km/h: 20 knots is 37 km/h
    ("The ferry crossed at 20 knots before the storm, the operator said.",
     "The ferry crossed at 37 km/h before the storm, the operator said.", "consistent"),
    # a strike of 48 hours is a strike of two days
    ("Rail workers will hold a 48-hour strike from Monday, the union said.",
     "Rail workers will hold a two-day strike from Monday, the union said.", "consistent"),
])
def test_a_figure_in_another_unit_of_the_same_kind_is_converted(earlier, later, relation):
    assert compare_texts(earlier, later)["relation"] == relation


@pytest.mark.parametrize("earlier, later, relation", [
    # a wire's "barrels a day" and a broadsheet's "barrels of crude a day": the extractor reads
    # only the first as a daily rate; the same figure is the same output
    ("Norland pumps 2 million barrels a day, the oil ministry said.",
     "Norland pumps 2 million barrels of crude a day, the oil ministry said.", "consistent"),
    # another figure is not paired across the two readings (no conflict on a rate against a total)
    ("Norland pumps 2 million barrels a day, the oil ministry said.",
     "Norland pumps 3 million barrels of crude a day, the oil ministry said.", "unrelated"),
])
def test_a_daily_rate_of_barrels_meets_the_same_figure_in_barrels(earlier, later, relation):
    assert compare_texts(earlier, later)["relation"] == relation
