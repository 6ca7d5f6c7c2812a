"""compare_texts: the pipeline's own relate logic on a pair of texts (short texts written here)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from claimtrack.stages.match import compare_texts
from claimtrack.stages.match.compare import coverage, decide
from claimtrack.stages.match.nouns import can_contradict, is_increment, is_margin_or_ratio


def rel(earlier, later):
    return compare_texts(earlier, later)["relation"]


def test_lower_figure_for_the_same_thing_is_a_contradiction_with_detail():
    out = compare_texts("Aid groups say more than 3 million civilians are at risk in Ravenna.",
                        "Some 2 million civilians are at risk in Ravenna, aid groups say.")
    assert out["relation"] == "contradiction"
    m = out["matches"][0]
    assert m["relation"] == "contradiction"
    assert "more than 3 million civilians" in m["detail"] and "below the earlier lower bound" in m["detail"]


def test_restated_figures_are_consistent():
    assert rel("The storm killed 14 people in Dalton on Sunday, officials said.",
               "Officials said 14 people died in Dalton on Sunday.") == "consistent"
    assert rel("Turnout reached 62 percent in Elmira.", "Turnout in Elmira reached about 62 pct.") == "consistent"


def test_unsupported_figure_or_new_topic_is_unrelated():
    assert rel("The storm killed 14 people in Dalton on Sunday.",
               "The mayor of Dalton will open 3 new schools next year.") == "unrelated"
    assert rel("Ships in the port were idle on Monday.", "Ships were idle.") == "consistent"
    assert rel("", "Ships were idle.") == "unrelated"


def test_an_increment_is_not_a_contradiction():
    assert rel("The flood killed 40 people in Arlo.",
               "Another 12 people were killed in Arlo on Tuesday.") == "unrelated"


def test_parts_add_up_to_the_later_total():
    out = compare_texts("Five cases were found in Arlo and three cases in Bemis.",
                        "Eight cases were found in Arlo and Bemis.")
    assert out["relation"] == "consistent"
    assert "add up to the later one" in out["matches"][0]["detail"]


def test_different_places_do_not_contradict():
    assert rel("In Ravenna 3 million civilians are at risk.",
               "In Ostia 1 million civilians are at risk.") != "contradiction"


def test_guards():
    assert is_increment("Another 12 people died.", "12")
    assert is_margin_or_ratio("It warmed 0.9 ± 0.1 degrees.", "0.1")
    assert not can_contradict({"noun": "states", "sentence": "It fell in 41 states.", "surface": "41"},
                              {"noun": "swing states", "sentence": "It fell in 7 swing states.", "surface": "7"},
                              "below")
    assert coverage("Police arrested three men in Arlo.", "Three men arrested in Arlo") == (1.0, 0)
    assert decide(["agree"], 0.2) == "unrelated"


def test_compare_cli_output_and_no_heavy_imports(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"id": "p1", "earlier": "More than 3 million civilians are at risk in Ravenna.",
                                 "later": "Some 2 million civilians are at risk in Ravenna."}) + "\n")
    out = tmp_path / "out.jsonl"
    code = (
        "import sys\n"
        "from claimtrack.cli import main\n"
        f"rc = main(['compare', '--input', {str(pairs)!r}, '--output', {str(out)!r}])\n"
        "heavy = [m for m in ('prefect', 'great_expectations') if m in sys.modules]\n"
        "print(rc, heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0 []"
    row = json.loads(out.read_text())
    assert row["id"] == "p1" and row["relation"] == "contradiction"


@pytest.mark.parametrize("earlier,later", [
    ("Exports stopped for five months.", "Exports stopped 40 million years ago."),
])
def test_time_references_never_contradict(earlier, later):
    assert rel(earlier, later) != "contradiction"


# ---- numeric reasoning rules (texts written for these tests)

def test_units_are_converted_before_relating():
    assert rel("The bridge in Arlo is 100 feet tall, engineers said.",
               "Engineers said the bridge in Arlo is 30.5 meters tall.") == "consistent"
    assert rel("The bridge in Arlo is 100 feet tall, engineers said.",
               "Engineers said the bridge in Arlo is 60 meters tall.") == "contradiction"
    assert rel("Half of the voters in Arlo backed the plan.",
               "50% of the voters in Arlo backed the plan.") == "consistent"


def test_fahrenheit_change_meets_celsius_change():
    assert rel("Summers in Arlo have warmed by 9 degrees Fahrenheit.",
               "Summers in Arlo have warmed by 5 °C.") == "consistent"


def test_a_coarse_figure_is_a_rounding_of_a_precise_one():
    assert rel("The lake in Arlo has warmed by 0.8 °C since 1900.",
               "The lake in Arlo has warmed by 1C since 1900.") != "contradiction"
    assert rel("The lake in Arlo has warmed by 0.5 °C since 1900.",
               "The lake in Arlo has warmed by 1.5C since 1900.") == "contradiction"


def test_a_later_bound_must_follow_from_the_earlier_figure():
    low = "The fund in Arlo holds over $500 million, its manager said."
    high = "The fund in Arlo holds over $600 million, its manager said."
    assert rel(low, high) == "unrelated"
    assert rel(high, low) == "consistent"


def test_bounds_in_the_same_direction_never_conflict():
    assert rel("At least 6 people died in the Arlo flood.",
               "At least 56 people died in the Arlo flood.") != "contradiction"


def test_parts_of_different_nouns_add_up():
    assert rel("Two guards and three visitors were injured in Arlo.",
               "Five people were injured in Arlo.") == "consistent"
    assert rel("Two guards and three visitors were injured in Arlo.",
               "Six people were injured in Arlo.") != "consistent"


def test_equal_numbers_of_different_casualties_do_not_support_each_other():
    assert rel("The blast in Arlo killed seven officers and wounded 60 others.",
               "The blast in Arlo killed 60 people.") == "unrelated"


def test_opposite_directions_of_one_change_conflict():
    out = compare_texts("Ferry bookings in Arlo fell 0.7% in March.", "Ferry bookings in Arlo rose 0.7% in March.")
    assert out["relation"] == "contradiction"
    assert "rose" in out["matches"][0]["detail"] and "fell" in out["matches"][0]["detail"]
    assert rel("Ferry bookings in Arlo fell 0.7% in March.", "Ferry bookings in Arlo dropped 0.7% in March.") == "consistent"


def test_another_month_is_not_a_restatement():
    assert rel("Arlo lost 5,000 jobs in May.", "Arlo lost 5,000 jobs in June.") == "unrelated"
    assert rel("Arlo lost 5,000 jobs in May.", "In May, Arlo lost 5,000 jobs.") == "consistent"


def test_an_amount_of_a_thing_does_not_contradict_its_size():
    assert rel("Arlo's 510 km canal was finished in May.",
               "The storm in Arlo destroyed 25 miles of canal in May.") != "contradiction"
    assert can_contradict({"sentence": "The 510 km canal opened.", "surface": "510 km", "unit": "km"},
                          {"sentence": "The 300 km canal opened.", "surface": "300 km", "unit": "km"}, "below")


def test_a_rebuttal_of_the_same_figure_is_a_contradiction():
    assert rel("Arlo council says its budget has a $2 billion hole.",
               "No, the Arlo council budget does not have a $2 billion hole.") == "contradiction"
    # a denial of something else, or no denial at all, is not
    assert rel("Arlo council says its budget has a $2 billion hole.",
               "No, the mayor of Bemis did not resign over a $9 million loan.") != "contradiction"
    assert rel("Arlo council says its budget has a $2 billion hole.",
               "The Arlo council budget has a $2 billion hole.") == "consistent"


def test_a_figure_derived_from_two_earlier_ones_is_supported():
    assert rel("The Arlo bank raised its rate from 5% to 5.25% on Monday.",
               "The Arlo bank raised its rate by 0.25 percentage points on Monday.") == "consistent"
    assert rel("Sales in Arlo grew from 280 million to 415 million last year.",
               "Sales in Arlo grew 48% last year.") == "consistent"
    assert rel("Sales in Arlo grew from 280 million to 415 million last year.",
               "Sales in Arlo grew 60% last year.") == "unrelated"


def test_a_ratio_meets_its_share_in_percent():
    assert rel("Four in 10 voters in Arlo backed the plan.", "40% of voters in Arlo backed the plan.") == "consistent"
    assert rel("One in three voters in Arlo backed the plan.", "33% of voters in Arlo backed the plan.") == "consistent"
    assert rel("Four in 10 voters in Arlo backed the plan.", "70% of voters in Arlo backed the plan.") != "consistent"
