"""The sample-article expectations of the pipeline issue, on sentences written for the test."""
from claimtrack.stages.extract.claims import extract_claims

TEXT = (
    "Rivals met in Sochi on September 17, 2018, after talks in Tehran on September 7.\n"
    "The region of Idlib is the last stronghold where more than 3 million civilians are at risk.\n"
    "About 60 percent of Idlib is held by one faction.\n"
    "The army has 12 observation posts around Idlib.\n"
    "Ankara wants to send home some of the 3.5 million Syrian refugees in Turkey.\n"
)


def by_surface(claims):
    return {c.surface: c for c in claims}


def test_sample_claims():
    claims = by_surface(extract_claims(TEXT, "a1"))
    c = claims["3 million"]
    assert (c.value, c.qualifier, c.noun) == (3e6, "at_least", "civilians")
    assert "Idlib" in c.subject
    assert c.low == 3e6 and c.high > 3e6
    r = claims["3.5 million"]
    assert (r.value, r.qualifier, r.noun) == (3.5e6, "exact", "refugees")
    assert "Syrian" in r.subject and "Turkey" in r.subject
    p = claims["60 percent"]
    assert (p.value, p.unit, p.qualifier) == (60, "percent", "approx")
    assert p.low < 60 < p.high
    assert claims["12"].value == 12 and claims["12"].noun == "observation posts"


def test_sample_dates_are_not_claims():
    surfaces = {c.surface for c in extract_claims(TEXT, "a1")}
    assert not surfaces & {"17", "2018", "7", "September 17", "September 7"}


def test_claim_ids_and_offsets():
    for c in extract_claims(TEXT, "a1"):
        assert TEXT[c.start:c.end] == c.surface
        assert c.low <= c.value <= c.high
        assert c.sentence and c.surface in c.sentence
