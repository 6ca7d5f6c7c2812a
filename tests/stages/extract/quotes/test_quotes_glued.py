"""Quotes of several paragraphs whose paragraph breaks were lost (some feeds and archives run
them into one line): '… the ref. "I am sorry."' opens a new paragraph of the same quote, and
every part keeps the speaker. Every sentence was written for this test.
"""
from __future__ import annotations

from claimtrack.stages.extract.quotes import extract_quotes
from claimtrack.stages.extract.quotes.marks import find_spans


def test_glued_break_splits_the_quote() -> None:
    text = 'Tom Reed said: "It was a bad moment. I owe the official an apology. "I have also seen the replay."'
    spans = find_spans(text)
    assert [s.text for s in spans] == ["It was a bad moment. I owe the official an apology.",
                                       "I have also seen the replay."]
    assert spans[0].unclosed and spans[0].group == spans[1].group


def test_every_part_keeps_the_speaker() -> None:
    """Broadcaster page: the colon introduction carries to the glued second paragraph."""
    text = ('Ann Lee, the union leader, said: "We are not going away. This is about safety. '
            '"Members will decide what happens next and we will respect that."')
    assert [q.speaker for q in extract_quotes(text)] == ["Ann Lee", "Ann Lee"]


def test_trailing_attribution_after_glued_parts() -> None:
    """Sports report: a closing "he said" after a glued run names everyone's speaker."""
    text = ('Coach Dan Moss was upset. "I do not know what happened." he said. "It was a shame. '
            'I do not think we touched. "By all accounts it is serious. I saw him after the game."')
    assert [q.speaker for q in extract_quotes(text)] == ["Dan Moss"] * 3


def test_stray_mark_without_a_sentence_end_is_still_dropped() -> None:
    """A second opener with no sentence end before it means the first mark was stray."""
    assert [s.text for s in find_spans('He said "yes and "no to that" in the end.')] == ["no to that"]


def test_a_lone_quote_after_a_sentence_about_a_company_keeps_the_last_speaker() -> None:
    """Tech site: the narration turns to the company for one sentence, then the interviewee
    goes on; the lone quote is his, not the company's."""
    text = ('"Battery life is the hard part," said Dan Moss, the firm\'s founder. Brightloop is now '
            'looking at Europe. "We started in Japan because the handsets there were ready."')
    assert [q.speaker for q in extract_quotes(text)] == ["Dan Moss", "Dan Moss"]


def test_a_lone_quote_after_a_sentence_about_a_named_person_is_that_person() -> None:
    """Broadsheet: a person the article introduced by full name is the subject before the quote."""
    text = ('"It failed," said Ann Lee. Her rival, Tom Reed, disagreed.\n\nReed was defiant. '
            '"We will win this."')
    assert [q.speaker for q in extract_quotes(text)] == ["Ann Lee", "Tom Reed"]
