"""The unit lookup's dispatch by first character (pattern_starts.first_chars, a reader of our own for the
regex syntax of the unit table, no private `re` internals) sends each lookup to the right rows."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.stages.extract.claims import pattern_starts, units


def test_every_unit_row_has_a_known_first_character_set():
    assert all(f for f in units._FIRST), [p for (p, _), f in zip(units._UNIT_TABLE, units._FIRST) if not f]


def test_no_row_opens_with_a_space_or_hyphen_so_the_lookup_takes_them_for_good():
    # (the dispatch test below compares the possessive prefix with the table as written)
    assert units._NO_ROW_OPENS_SPACED and units.UNIT_PREFIX.startswith(r"[\s\u00a0]?+")


def test_first_characters_of_the_syntax_the_table_uses():
    assert pattern_starts.first_chars(r"(?:sq(?:uare)?\.?\s?|square\s+)(?:km)|km2") == frozenset("sk")
    assert pattern_starts.first_chars(r"[kMGT]?Hz|hertz") == frozenset("kMGTHh")
    assert pattern_starts.first_chars(r"s(?![\w])|°\s?C") == frozenset("s°")
    # unknown or any: None, and the lookup then tries every row
    assert pattern_starts.first_chars(r"\s?km") is None and pattern_starts.first_chars(r"(?i:km)") is None
    assert pattern_starts.first_chars(r"[^a]b") is None and pattern_starts.first_chars(r".x") is None


_FULL = re.compile(r"[\s\u00a0]?(?:-\s?)?(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, _) in
                                                         enumerate(units._UNIT_TABLE)) + r")(?![\w%])")
_WORDS = [w for p, _ in units._UNIT_TABLE for w in re.findall(r"[A-Za-z°%μ]+", p) if len(w) <= 12]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(_WORDS), st.sampled_from(["", " ", "-", " - ", "  ", "--", "- -"]),
       st.sampled_from(["", " of", "s", "/h", "2"]))
def test_the_dispatch_finds_what_the_whole_table_finds(word, gap, tail):
    text = "5" + gap + word + tail
    full = _FULL.match(text, 1)
    got = units._unit_regex_for(text[1:].lstrip(" -")[:1] or " ").match(text, 1)
    assert (full and (full.lastgroup, full.end())) == (got and (got.lastgroup, got.end()))
