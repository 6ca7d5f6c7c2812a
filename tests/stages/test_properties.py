"""Property-based tests (hypothesis): any input in, valid records out, never an exception.

For the extractors (``claimtrack.stages.extract.extract_text``) every quote and claim must cut back out
of the text at its offsets, claims must have finite values with ``low <= value <= high`` and a
known qualifier, and ids must be unique within a text (the validate stage refuses a batch
otherwise). For the parser any bytes under any supported name become articles or rejections.

Two text strategies: arbitrary Unicode, and "news-like" text assembled from the pieces the
extractors look for (numbers in every notation, units, quote marks, cues, names), which reaches
far deeper into the rules than random characters do.
"""
from __future__ import annotations

import math
import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimtrack.stages.decode import decode_text
from claimtrack.stages.extract import extract_text
from claimtrack.stages.parse import SUPPORTED_SUFFIXES, parse_bytes
from claimtrack.records import QUALIFIERS

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = [
    # numbers, in the notations news and hostile input use
    "1", "3", "40", "12.5", "1,200", "3.4 million", "2bn", "1e308", "10^400", "1e-400", "0", "-5", "+7",
    "9" * 40, "1.7976931348623157e308", "½", "¾", "٣", "٤٠", "１２", "nan", "inf", "1/3", "50-60", "10 to 20",
    "between 5 and 7", "nearly", "about", "more than", "at least", "up to", "some", "dozens of", "half",
    "first", "2019", "1990s", "March 3", "3pm", "No. 1", "Covid-19", "G7",
    # units and nouns
    " percent", "%", " per cent", " people", " euros", "$", "€", "£", " km", " tonnes", " deaths",
    " points", " million", " billion", " years", "-year-old", " per",
    # quotation marks and speech
    '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "«", "»", "„", " said", " told reporters", " says",
    " according to", ", he said.", " she added", ":", " -- ", " — ",
    # names, words, punctuation, layout
    " the mayor", " Anna Berg", " Mr. Smith", " Dr.", " U.S.", " he", " she", " they", " It", " the council",
    " and", " of", " in", " was", ".", ",", ";", "?", "!", "(", ")", "[", "]", " ", "  ", "\n", "\n\n", "\t",
    # the awkward
    "\u00a0", "\u200b", "\u202e", "\u2028", "\ufeff", "é", "e\u0301", "🎉", "👩🏽‍⚖️", "ﬁ", "ǅ", "\ufffd",
]

news_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=4)), max_size=60).map("".join)
any_text = st.text(max_size=400)


def check_records(text: str) -> None:
    quotes, claims = extract_text(text, "art")
    assert isinstance(quotes, list) and isinstance(claims, list)
    for q in quotes:
        assert 0 <= q.start < q.end <= len(text), (q.start, q.end, len(text))
        assert text[q.start:q.end] == q.text, (q.text, text[q.start:q.end])
        assert q.article_id == "art"
    for c in claims:
        assert 0 <= c.start < c.end <= len(text), (c.start, c.end, len(text))
        assert text[c.start:c.end] == c.surface, (c.surface, text[c.start:c.end])
        assert all(isinstance(v, float | int) and math.isfinite(v) for v in (c.value, c.low, c.high)), c
        assert c.low <= c.value <= c.high, c
        assert c.qualifier in QUALIFIERS, c.qualifier
        assert c.article_id == "art"
    assert len({q.quote_id for q in quotes}) == len(quotes), "duplicate quote ids"
    assert len({c.claim_id for c in claims}) == len(claims), "duplicate claim ids"


@SETTINGS
@given(any_text)
@example("")
@example("\n\n\n")
@example('"')
@example('He said "')
@example("The debt reached 1e308 dollars, then 10^400 dollars and 1e400 euros.")
@example(f"It cost {'9' * 400} euros.")
def test_extractors_on_any_text(text):
    check_records(text)


@SETTINGS
@given(news_like)
def test_extractors_on_news_like_text(text):
    check_records(text)


@SETTINGS
@given(st.binary(max_size=600), st.sampled_from(SUPPORTED_SUFFIXES + (".bin", "")))
def test_parser_on_any_bytes(data, suffix):
    articles, rejected = parse_bytes("doc" + suffix, data)
    for art in articles:
        assert art.text and art.text == art.text.strip()
        assert "\r" not in art.text and not any(ord(c) < 32 and c not in "\t\n" for c in art.text)
        art.text.encode("utf-8")  # storable: no lone surrogates
    for rej in rejected:
        assert rej.reason and rej.detail and rej.reason.replace("-", "").isalpha()
    decoded = decode_text(data)
    assert (decoded.text is None) == (decoded.reason is not None)


printable_json = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=30)
    | st.sampled_from(["2020-01-02", "not a date", "1e400", "\ud800"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "body", "content", "title", "date", "published_at", "author", "authors",
                         "url", "source"]) | st.text(string.ascii_lowercase, max_size=5), children, max_size=5),
    max_leaves=12)


@SETTINGS
@given(printable_json)
def test_parser_on_any_json_document(doc):
    import json

    data = json.dumps(doc).encode("utf-8", "surrogatepass")
    for name in ("doc.json", "doc.jsonl"):
        articles, rejected = parse_bytes(name, data)
        for art in articles:
            art.text.encode("utf-8")
            for value in (art.title, art.author, art.url, art.source):
                assert value is None or (isinstance(value, str) and value.encode("utf-8"))
        assert all(r.detail for r in rejected)
