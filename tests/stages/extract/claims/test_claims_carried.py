"""A figure written without its unit takes it from its neighbours (claims.carried): the rows of a
wire results table write money with no currency, and the table's other rows name it."""
from claimtrack.stages.extract.claims import extract_claims


def _units(text):
    return [(text[c.start:c.end], c.unit) for c in extract_claims(text)]


def test_money_rows_of_a_results_table_are_in_the_wire_dollar_when_no_row_names_a_currency():
    text = ("Halvorsen Tool Corp 4th qtr net\n"
            "Shr loss 14 cts vs profit three cts\n"
            "Net loss 1,234,000 vs profit 456,000\n"
            "Revs 12.3 mln vs 11.1 mln\n"
            "Avg shrs 4,500,000 vs 4,400,000\n")
    assert _units(text) == [
        ("14 cts", "cent"), ("three cts", "cent"),
        ("1,234,000", "USD"), ("456,000", "USD"),
        ("12.3 mln", "USD"), ("11.1 mln", "USD"),
        # a row that counts shares is no money
        ("4,500,000", None), ("4,400,000", None),
    ]


def test_a_table_takes_the_currency_one_of_its_rows_names_before_a_sub_unit():
    text = ("Year to March 31\n"
            "Shr 41.2 cents vs 38.0\n"
            "Pre-tax 120.5 mln rand vs 101.3 mln\n"
            "Net 80.1 mln vs 70.4 mln\n"
            "Overseas 12.2 mln vs 9.8 mln\n")
    units = dict(_units(text))
    assert units["80.1 mln"] == units["70.4 mln"] == "ZAR"
    # a segment's row, with a label of its own, is money in the table's currency too
    assert units["12.2 mln"] == units["9.8 mln"] == "ZAR"
    assert units["41.2 cents"] == "cent"


def test_a_british_table_in_pence_is_in_sterling():
    text = "Shr 12.1p vs 10.2p\nTurnover 702.6 mln vs 646.7 mln\nTax 18.4 mln vs 15.2 mln\n"
    assert [u for s, u in _units(text) if "mln" in s] == ["GBP"] * 4


def test_lines_that_only_look_like_rows_get_no_currency_without_a_money_row():
    # a scores line has a label, figures and "vs", but nothing in the text is money
    assert _units("Final scores\nHawks 102 vs Bulls 99\nKnicks 88 vs Nets 91\n") == [
        ("102", None), ("99", None), ("88", None), ("91", None)]


def test_the_second_figure_of_a_comparison_takes_the_scale_word_it_leaves_out():
    text = "Deposits rose to 4.68 billion dlrs from 4.29.\nTurnover 47.9 mln vs 45.3\nNet 1.2 mln vs 950,000\n"
    assert [(text[c.start:c.end], c.value) for c in extract_claims(text)] == [
        ("4.68 billion dlrs", 4.68e9), ("4.29", 4.29e9),
        ("47.9 mln", 47.9e6), ("45.3", 45.3e6),
        # written in full: its own value
        ("1.2 mln", 1.2e6), ("950,000", 950000)]
