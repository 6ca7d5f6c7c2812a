"""Content: what is a quotation and what is not (scare quotes, titles of works, stage
directions, sign-offs).

>>> _is_title(["Meet", "the", "Press"], "Meet the Press", "He was on today")
True
"""
from __future__ import annotations

import re


_WORDS = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
# the same words in an ASCII text, in a class the regex engine tests as a bitmap (\W goes
# through Unicode tables at every character)
_WORDS_ASCII = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z0-9]+)*")


def words_rx(s: str) -> re.Pattern:
    """:data:`_WORDS`, or for an ASCII ``s`` (and any text cut from it) the pattern that finds
    the same words faster.

    >>> words_rx("it's 2 o'clock").findall("it's 2 o'clock"), words_rx("Zoë’s").findall("Zoë’s")
    (["it's", '2', "o'clock"], ['Zoë’s'])
    """
    return _WORDS_ASCII if s.isascii() else _WORDS


def count_words(words: re.Pattern, s: str, lo: int, hi: int, most: int) -> int:
    """How many words ``s[lo:hi]`` holds, counted up to ``most`` (``words``: the words pattern).

    >>> count_words(words_rx("a"), "one two three four", 0, 18, 3), count_words(words_rx("a"), "one two", 0, 18, 3)
    (3, 2)
    """
    n = 0
    m = words.search(s, lo, hi) if most > 0 else None
    while m is not None:
        n += 1
        if n == most:
            break
        m = words.search(s, m.end(), hi)
    return n


def ends_with_phrase(rx: re.Pattern, s: str, longest: int) -> bool:
    """``rx.search(s)`` for a pattern of literal phrases that must end ``s`` (``(?:…)\\s*$``,
    none longer than ``longest`` characters), tried only where such a phrase can start: a
    search from the start of ``s`` would try every alternative at every character.

    >>> ends_with_phrase(_SCARE_BEFORE, "what critics call the so-called  ", _SCARE_LONGEST)
    True
    >>> ends_with_phrase(_WORK_BEFORE, "a bestselling book by her", _WORK_LONGEST)
    False
    """
    return rx.search(s, max(0, len(s.rstrip()) - longest)) is not None


_SCARE_BEFORE = re.compile(
    r"(?:so-called|so called|known as|nicknamed|dubbed|named|the name|titled|entitled|headlined|"
    r"the word|the terms?|the phrases?|the slogan|the hashtag|the book|the film|the movie|"
    r"the song|the show|the album)\s*$", re.I)
_SCARE_LONGEST = len("the hashtag")  # its longest phrase ("the phrases" too)


_WORK_BEFORE = re.compile(r"\b(?:book|novel|film|movie|documentary|song|album|memoir|play|show|series|"
                          r"titled|entitled)\s*$", re.I)
_WORK_LONGEST = len("documentary")  # its longest word


#: words after which a quotation is introduced whole, not embedded
_INTRO_WORDS = frozenset("""that said says say added adds told wrote writes asked asks saying
adding stated replied answered declared""".split())


_EMBED_AFTER = re.compile(
    r"\s*(?!(?:he|she|they|i|we|it|said|says|added|adds|asked|wrote|writes|the|a|an|according)\b)[a-z]")


_MINOR = frozenset("a an the and or of in on at to for by with from nor but as vs".split())


def _is_title(words: list[str], quote: str, outside: str) -> bool:
    """Title Case inside running text: a book, film, show or event name ("Meet the Press").
    A Title Case quote inside a Title Case headline is a quote, not a title. ``outside``: the
    sentence with its quotations blanked (to \\x01 or spaces; split into words only for a Title
    Case quote).

    >>> _is_title(["Meet", "the", "Press"], "Meet the Press", "He was on today")
    True
    >>> _is_title(["I", "Represented", "Him"], "I Represented Him", "Clinton As Senator")
    False
    """
    if not words or len(words) > 10 or quote.rstrip()[-1:] in "!?:;":
        return False
    if len(words) == 1 and not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    if words[0].lower() in _PRONOUN_START:
        return False  # "I'm with her," "We're America."
    if not (all(w[0].isupper() or w.lower() in _MINOR or w[0].isdigit() for w in words)
            and sum(w[0].isupper() or w[0].isdigit() for w in words) >= min(2, len(words))):
        return False
    significant = [w for w in _WORDS.findall(outside) if w.lower() not in _MINOR]
    caps = sum(w[0].isupper() for w in significant)
    return len(significant) >= 2 and caps < 0.6 * len(significant)


_PRONOUN_START = frozenset("""i i’m i'm i’ve i've i’ll i'll we we’re we're we’ve we've we’ll
we'll you you’re you're he he’s he's she she’s she's they they’re they're it’s it's let’s let's
this that there here what why how who don’t don't can’t can't""".split())


_STAGE = re.compile(r"^\(?[A-Z][A-Z .\-]*\)?\.?$")  # (CROSSTALK.), (APPLAUSE)


_SIGN_OFF_WORDS = ("Follow", "Contact", "Email", "Reach")  # its first words: a cheap test first
_SIGN_OFF = re.compile(r"(?:Follow|Contact|Email|Reach)\s[^\n]{0,80}?(?:@\w+|on\s+(?:Twitter|X|"
                       r"Facebook|Instagram|Threads|Bluesky))[\s.!]*")
