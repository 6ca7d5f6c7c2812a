"""The first word of a quotation is someone's speech, not a subject of the narration: a
capitalised opener ("Doping", "Hopefully") never becomes the person a later "she" or "the
30-year-old" stands for."""
import pytest

from claimtrack.stages.extract.quotes import extract_quotes


@pytest.mark.parametrize("opener", ["Doping", "Fraud", "Sabotage"])
def test_a_quotation_opener_is_not_the_person_a_later_pronoun_means(opener):
    text = ("Anna Marsh has called for drug cheats to be treated as criminals.\n\n"
            'The world record holder believes more must be done to rid the sport of the "whispers and doubts" that greet any fast time. '
            f'"{opener} in sport is a crime and should be treated as one," the 27-year-old told the Weekend Courier. '
            '"It robs other athletes."\n\n'
            "Marsh's comments come as several stars face scrutiny. "
            '"A positive test should mean a long ban," she added.')
    speakers = [q.speaker for q in extract_quotes(text, "t")]
    assert opener not in speakers
    assert speakers[-1] == "Anna Marsh"
