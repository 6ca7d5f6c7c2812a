"""Filter and unit rules added after studying dev errors (texts written for the tests)."""
import pytest

from claimtrack.stages.extract.claims import extract_claims


def values(text):
    return [c.value for c in extract_claims(text, "t")]


@pytest.mark.parametrize("text", [
    "The chemist mixed poly(3-methyl acrylate) with water.",   # notation glued to a word
    "Crews tested the XR-4PB engine.",                          # letters on both sides: a code
    "Homes in the 60601 ZIP code sold fast.",                   # a postcode
    "Proteins sat in fractions 3 and 4 of the gradient.",       # fractions as labels
    "The upper half of the chart is blank.",                    # a part, not a quantity
    "In the first half of the season nobody scored.",
    "The old valve was replaced by a newer one, engineers said.",  # 'one' standing for a noun
])
def test_not_quantities(text):
    assert values(text) == []


def test_half_and_one_still_count_where_they_are_quantities():
    assert values("Half of the members voted.") == [0.5]
    assert values("Only one engine failed.") == [1.0]


def test_science_percent_units():
    [a, b] = extract_claims("The film held 70 vol% of polymer and 3 wt.% of salt.", "t")
    assert (a.surface, a.unit, b.surface, b.unit) == ("70 vol%", "percent", "3 wt.%", "percent")


def test_glued_unit_after_a_plain_number_is_kept():
    [c] = extract_claims("Each phone has 64GB of storage.", "t")
    assert (c.value, c.unit) == (64.0, "data")


def test_code_rules_leave_ranges_and_conversions_alone():
    [r] = extract_claims("The tracks are worth £40m-£50m.", "t")
    assert (r.qualifier, r.low, r.high) == ("range", 4e7, 5e7)
    rupees, dollars = extract_claims("It raised 54bn rupees($1.2bn).", "t")
    assert (dollars.surface, dollars.value) == ("$1.2bn", 1.2e9)


@pytest.mark.parametrize("text,unit", [
    ("Revenues were 446 mln Canadian dlrs last year.", "CAD"),
    ("Tower Sold For 5 Billion Hong Kong Dollars", "HKD"),
    ("Bank Sells 2 Mln Swiss Francs Of Bonds", "CHF"),
])
def test_named_currencies_wire_style_and_title_case(text, unit):
    [c] = extract_claims(text, "t")
    assert c.unit == unit
