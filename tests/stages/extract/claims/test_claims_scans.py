"""The fast forms of the whole-text scans find what the rules as written find: the digit scans
compiled with 0-9 (digits.DigitRegex; texts with another script's digits keep the patterns as
written), the comma-thousands test, and the athletics test searched branch by branch."""
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.stages.extract.claims import digits, filters, numbers, periods

_SCANS = [numbers._NUM_START, numbers._SCIENCE_DIGIT, filters._MASK_START,
          periods._OTHER_FIGURE_START]


def test_another_scripts_digit_keeps_the_pattern_as_written():
    assert digits.digits_are_ascii("Shares rose 5% to £3.20 – “a record”")
    assert not digits.digits_are_ascii("The fare is ٣٠ riyals")  # Arabic-Indic digits
    assert not digits.digits_are_ascii("定価１２００円")  # full-width digits
    rx = filters._MASK_START
    assert rx.for_text("call ١٢/٣") is rx.unicode and rx.for_text("call 12/3") is rx.ascii


def test_a_currency_code_before_a_figure_still_opens_a_number():
    # the start scan tests a capital against the codes' tails: "A$", "Rs", "US$", "HK$", "RMB"
    cases = {"It cost A$4.50.": ("A$4.50", "AUD"), "Tickets at Rs 299 each.": ("Rs 299", "INR"),
             "A US$5 fee.": ("US$5", "USD"), "Paid HK$ 20.": ("HK$ 20", "HKD"), "Only RMB 30.": ("RMB 30", "CNY")}
    for text, want in cases.items():
        assert [(text[m.start:m.end], m.unit) for m in numbers.scan(text)] == [want]


_ALPHABET = st.sampled_from(list("0123456789 ,./-+()$£AUSRDKm%x") + ["٣", "１", "\u00a0", "US$", "Rs "])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_both_forms_find_the_same_starts_in_a_text_of_ascii_digits(text):
    for rx in _SCANS:
        written = [m.span() for m in rx.unicode.finditer(text)]
        if digits.digits_are_ascii(text):
            assert [m.span() for m in rx.ascii.finditer(text)] == written
        assert [m.span() for m in rx.for_text(text).finditer(text)] == written


def test_a_text_that_groups_thousands_with_commas_never_groups_them_with_a_space():
    def values(t):
        return [m.value for m in numbers.scan(t)]
    assert values("Fares rose to 20 000 yen.") == [20000.0]
    assert values("Fares rose to 1,500 yen and then 20 000 yen.") == [1500.0, 20.0, 0.0]
    assert values("Fares of 1,50 yen and 20 000 yen.")[-1] == 20000.0  # "1,50" groups no thousands


_TRACK_PIECES = ["She won the ", "800", "4.88", "m", " metres", "metres", " ", "\n", " hurdles", " world title", " final",
                 "Men's ", "women's ", "Indoor ", "Olympic", " 60m", " high jump", "shot put", "Hurdlers", "athletics",
                 " sold 2.5m copies", "mm", "2m"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TRACK_PIECES), max_size=10).map("".join))
def test_is_track_finds_what_the_rule_as_one_pattern_finds(text):
    assert numbers.is_track(text) == (numbers.TRACK_TEXT.search(text) is not None)


def test_no_character_of_latin_1_is_a_digit_but_0_to_9():
    # (digits_are_ascii trusts a text it can write in Latin-1)
    assert [chr(c) for c in range(256) if chr(c).isdecimal()] == list("0123456789")
    assert digits.digits_are_ascii("café £5 ½") and not digits.digits_are_ascii("café ٣")
