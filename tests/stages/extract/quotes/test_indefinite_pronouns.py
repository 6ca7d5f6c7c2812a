"""An indefinite pronoun that opens a sentence ("None", "Nobody", "Everyone") names no one: a later
"he said" never resolves to it."""
import pytest

from claimtrack.stages.extract.quotes import extract_quotes


@pytest.mark.parametrize("text", [
    # sports report
    'Several players impressed. None more so than the winger.\n\n"I felt sharp," he said.',
    # broadsheet
    'Nobody expected the result in the marginal seat. "It was special," she said.',
    # tabloid
    'Everyone in the pub went quiet. "I could not believe it," he said.',
    # wire
    'Neither side could agree on the terms, a source close to the talks said. "It is stuck," he said.',
])
def test_a_pronoun_after_an_indefinite_pronoun_is_not_resolved_to_it(text):
    [quote] = extract_quotes(text, "t")
    assert quote.speaker not in {"None", "Nobody", "Everyone", "Neither"}


def test_the_person_named_after_the_indefinite_pronoun_still_speaks():
    text = 'Wales had heroes everywhere. None shone more than the fly-half Tom Price, 22. "It was special," he said.'
    [quote] = extract_quotes(text, "t")
    assert quote.speaker == "Tom Price"
