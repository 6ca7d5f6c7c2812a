"""The fast forms of the whole-text scans find what the rules as written find: the digit scans
compiled with 0-9 (digits.DigitRegex; texts with another script's digits keep the patterns as
written), the scans started from characters str.find finds (scans.py: sentences, masks, the
science test), the comma-thousands test, number words, and the athletics test searched branch
by branch."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.stages.extract.claims import context, digits, filters, numbers, periods, scans, words

_SCANS = [numbers._NUM_START, periods._OTHER_FIGURE_START]


def test_another_scripts_digit_keeps_the_pattern_as_written():
    assert digits.digits_are_ascii("Shares rose 5% to £3.20 – “a record”")
    assert not digits.digits_are_ascii("The fare is ٣٠ riyals")  # Arabic-Indic digits
    assert not digits.digits_are_ascii("定価１２００円")  # full-width digits
    rx = numbers._NUM_START
    assert rx.for_text("paid ١٢") is rx.unicode and rx.for_text("paid 12") is rx.ascii


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


_WORD_PIECES = ["one", "someone", "two", "twenty", "a", "an", " ", " and ", "-", "hundred", "thousand", "half",
                "halves", "quarter", "tens of", "millions", "dozen", "é", "_", "5", "nine", "ninth", "often", "ten",
                "thirds", ",", ".", "twelve", "between", "network", "million", "trillion", "gazillion", "shall",
                "behalf", "halt"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=12).map("".join))
def test_number_words_are_found_where_the_words_pattern_finds_them(low):
    found = [(m.span(), m.group()) for m in words._word_matches(low)]
    assert found == [(m.span(), m.group()) for m in words.WORDS_RE.finditer(low)]


_FIND_PIECES = ["Call ", "+44 20 7946 0958", "(020) 7946 0958", "12/03/2019", "2-2", "15-22", "3.5", " 5 mm", "5mm",
                "7 K", "9 nm", "٣", "1234.", "12345-", "(0)",
                "Mr. Smith", "! ", "? ", "\n", ". Then ", ".\n\n", "“Yes.” He", " 1987", "(", "+"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_FIND_PIECES), max_size=12).map("".join))
def test_scans_from_str_find_positions_find_what_the_regex_search_finds(text):
    # sentences, masks and the science test start from characters str.find finds (scans.py)
    assert [m.span() for m in scans.matches_at(context._SENT_END, scans.char_positions(text, ".!?\n"), text)] == \
        [m.span() for m in context._SENT_END.finditer(text)]
    masks = [m.span() for m in scans.matches_from(filters._MASK, filters._MASK_START, text)
             if m.group(1) is None or int(m.group(2)) <= int(m.group(1))]
    assert [sp for sp in filters.masked_spans(text) if text[sp[0]:sp[0] + 2] != "&#"] == masks
    assert numbers.is_science(text) == (numbers._SCIENCE.search(text) is not None if any(
        c in text for c in numbers._SCIENCE_MARKS) else numbers._SCIENCE_DIGIT.search(text) is not None)


def _period_start_as_one_class(follow):
    # the period-start rule as first written: one class of first characters, then a look-behind
    # per first character (the oracle for periods._PERIOD_START, which dispatches by a literal)
    firsts = "".join(sorted({c for a in follow for c in (a, a.upper())}))
    pairs = []
    for a, nxt in follow.items():
        first = f"[{a}{a.upper()}]" if a != a.upper() else a
        pairs.append(f"(?<={first})(?=" + "|".join(periods._char_class(b) + periods._char_class(c)
                                                    for b, c in nxt.items()) + ")")
    return re.compile("[" + firsts + "\u017f](?<!\\w.)(?:(?<=\u017f)|(?=[^\\x00-\\x7f]|[\\s\\S][^\\x00-\\x7f])|"
                      + "|".join(pairs) + ")")


_PERIOD_ONE_CLASS = _period_start_as_one_class(periods._PERIOD_NEXT)
_PERIOD_PIECES = ["Net rose ", "in March 1987", " from a year ago", "today", "Today", "the week ended Feb 22", "3 months",
                  "Six mths", "ſ", "\u00a0", "é", "Q4", " fourth quarter", "last year", "the", "to ", "At end-May",
                  "x", "_", "1", "9 ", "daily", " "]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PERIOD_PIECES), max_size=10).map("".join))
def test_period_starts_are_where_the_rule_as_first_written_finds_them(text):
    assert [m.span() for m in periods._PERIOD_START.finditer(text)] == \
        [m.span() for m in _PERIOD_ONE_CLASS.finditer(text)]


_MONTH_BEFORE_AS_WRITTEN = re.compile(r"\b" + periods._MONTH_WORD + r"\s*$")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["in ", "March", "Mar", "Sept", "Sep", ".", " ", "X", "é", "May", "or", "4", "\n"]),
                max_size=6).map("".join))
def test_a_month_before_a_figure_is_found_as_the_rule_was_written(text):
    assert (periods._MONTH_BEFORE.search(text) is not None) == (_MONTH_BEFORE_AS_WRITTEN.search(text) is not None)


_NUM_PIECES = ["US$", "$", " ", ".", "5", "12", "1,000", "20 000", "\u00a0", "½", "The ", "Rs", "&#x20AC;", "&pound;", "Â£",
               "HK$", "Y=", "PS", "x", ",", "/", "-", "-1/2", "٣", "nm", " K", "=", "<", "±", "m−1", "≈", "μ", "a"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NUM_PIECES), max_size=16).map("".join))
def test_numerals_and_the_science_test_find_what_the_patterns_find_over_the_whole_text(text):
    # numerals are tried only near the digits str.find finds (numbers._num_starts), the science
    # marks only at and just before each mark
    commas = "," in text and numbers._COMMA_THOUSANDS.search(text)
    num_re = numbers._NUM_RE_COMMAS if commas else numbers.NUM_RE
    assert [(m.span(), m.groupdict()) for m in numbers._num_matches(text)] == \
        [(m.span(), m.groupdict()) for m in num_re.finditer(text)]
    assert numbers.is_science(text) == (numbers._SCIENCE.search(text) is not None if any(
        c in text for c in numbers._SCIENCE_MARKS) else numbers._SCIENCE_DIGIT.search(text) is not None)


def _without_guards(pattern):
    # the numeral pattern as first written: no look-ahead before the currency codes and the grouped forms
    pattern = re.sub(r"\(\?=\[[^\]]*\]\)\(\?P<cur>", "(?P<cur>", pattern)
    pattern = re.sub(r"\(\?P<digits>\(\?=\\d\{1,3\}\[[^\]]*\]\\d\)\(\?:", "(?P<digits>", pattern)
    return re.compile(pattern.replace(r")|\d+)?", r"|\d+)?", 1))


_UNGUARDED = [(rx, _without_guards(rx.pattern)) for rx in (numbers.NUM_RE, numbers._NUM_RE_COMMAS)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NUM_PIECES + ["1 2", "123 456", "1\u2009000", "1,00", "CHF", "€", "–"]), max_size=12)
       .map("".join))
def test_the_numeral_patterns_guards_only_skip_what_cannot_match(text):
    for guarded, written in _UNGUARDED:
        assert guarded.pattern != written.pattern
        for pos in range(len(text)):
            a, b = guarded.match(text, pos), written.match(text, pos)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))
