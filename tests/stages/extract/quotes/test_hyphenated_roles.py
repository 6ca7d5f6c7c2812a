"""A hyphenated role after a name ("Name, vice-president of Org said", no closing comma, as hurried
wire copy writes it) keeps the person as the speaker, also when the line break left "vice- president"."""
import pytest

from claimtrack.stages.extract.quotes import extract_quotes


@pytest.mark.parametrize("role", ["vice-president", "vice- president", "co-founder"])
def test_a_hyphenated_role_without_a_closing_comma_keeps_the_person(role):
    text = (f"Acme hopes to sell 8,000 cars in Asia this year, Tom Hale, {role} of Acme Overseas Trading "
            "Corporation said.\n\n\"The weak dollar makes our prices attractive,\" he told a briefing.")
    [quote] = extract_quotes(text, "t")
    assert quote.speaker == "Tom Hale"
