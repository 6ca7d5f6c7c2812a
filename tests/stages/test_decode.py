"""`clean_text`: what every article's text and metadata go through before the extractors see them."""
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.stages.decode import _BREAKS, _NOISE, _SURROGATE, ESCAPE_SEQUENCE, clean_text


def reference_clean(text: str) -> str:
    """The cleaning rule written out in full: every step on every text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS)
    text = _SURROGATE.sub("\ufffd", _NOISE.sub("", ESCAPE_SEQUENCE.sub("", text)))
    return unicodedata.normalize("NFC", text)


def test_plain_wire_copy_is_left_as_it_is():
    text = "LONDON, March 3 - Output rose 2.5 pct in February, the office said.\n\nShr 1.20 vs 1.10"
    assert clean_text(text) == text


def test_each_kind_of_damage_is_cleaned():
    assert clean_text("Profit\r\nrose\x0c12 pct") == "Profit\nrose\n12 pct"
    assert clean_text("\x1b[31mAlert:\x1b[0m 40 homes\x00 flooded") == "Alert: 40 homes flooded"
    assert clean_text("caf\u0065\u0301 prices\u2028up 3%") == "caf\u00e9 prices\nup 3%"  # NFC, line break
    assert clean_text("bad \ud800 half") == "bad \ufffd half"
    assert clean_text("mojibake\x93quote\x94") == "mojibakequote"


# the characters that matter here, mixed with ordinary letters, digits and accents
_CHARS = st.sampled_from(list("ab 1\n.\"é\u0301") + ["\r", "\r\n", "\x0c", "\x0b", "\x00", "\x1b", "[", "]", "31m",
                                                    "\x07", "\x85", "\x9b", "\x9d", "\x9c", "\u2028", "\u2029",
                                                    "\ud800", "\x7f", "\x80", "\t"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHARS, max_size=40).map("".join))
def test_clean_text_equals_the_full_rule_on_any_text(text):
    assert clean_text(text) == reference_clean(text)
