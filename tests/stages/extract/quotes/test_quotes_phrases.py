"""The role phrase finder gives exactly what the per-role patterns it replaces give."""
from __future__ import annotations

import random
import re

import pytest

from claimtrack.stages.extract.quotes.phrases import plain_folding, RolePhrase


def _patterns(head: tuple[str, ...], whole: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    """The patterns as role_person compiled them for every role."""
    return (re.compile(r"(?i:\b" + r"\s+".join(map(re.escape, head)) + r")\b"),
            re.compile(r"(?i:" + r"\s+".join(map(re.escape, whole)) + r")\b"))


def _agree(text: str, head: tuple[str, ...], whole: tuple[str, ...], lo: int, hi: int) -> None:
    head_rx, whole_rx = _patterns(head, whole)
    rp = RolePhrase(text, head, whole)
    assert list(rp.head_spans(lo, hi)) == [m.span() for m in head_rx.finditer(text, lo, hi)]
    for at in range(len(text) + 1):
        w = whole_rx.match(text, at)
        assert rp.whole_end(at) == (w.end() if w else -1)


@pytest.mark.parametrize("text", [
    "Prime Minister Jo Reyes spoke. Later the prime  minister left.",
    "The PRIME\nMINISTER, the prime ministers and a primeminister met the Prime Minister",
    "Her son, actor Al Reyes, agreed. Later her son said no; her sons and grandson_ too.",
    "The chairman of Acme, Jo Reyes, said the Chairman of Acme would stay.",
    "Zoë’s aide told the aide-de-camp and an aide2 that the Aide was out.",
])
def test_written_roles_found_as_the_patterns_find_them(text):
    for head, whole in [(("prime", "minister"), ("prime", "minister")), (("son",), ("son",)),
                        (("Chairman",), ("Chairman", "of", "Acme")), (("aide",), ("aide",))]:
        _agree(text, head, whole, 0, len(text))
        _agree(text, head, whole, 5, len(text) - 3)


def test_odd_case_folding_and_odd_words_go_to_the_patterns():
    # "ſ" and Kelvin "K" match "s" and "k" under IGNORECASE; "İ" lower-cases to two characters
    assert not plain_folding("the miniſter", ("minister",))
    assert not plain_folding("a \u212aing", ("king",))
    assert not plain_folding("İ the minister", ("minister",))
    assert not plain_folding("the vice-president", ("vice-president",))
    for text in ("the miniſter and the Minister", "İİ the minister", "the \u212aing spoke, the king left"):
        for head in (("minister",), ("king",)):
            _agree(text, head, head, 0, len(text))


def test_random_texts_agree_with_the_patterns():
    rng = random.Random(7)
    pieces = ["the", "The", "THE", "aide", "Aide", "aides", "chief", "Chief", "executive", "Executive",
              " ", "  ", "\n", "\t", ",", ".", "-", "_", "2", "é", "’s", "\u00a0", "ſ", "\u212a"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        lo = rng.randrange(0, len(text) + 1)
        hi = rng.randrange(lo, len(text) + 1)
        for head, whole in [(("aide",), ("aide",)), (("chief", "executive"), ("chief", "executive", "the")),
                            (("the",), ("the", "aide"))]:
            _agree(text, head, whole, lo, hi)
