"""Cues: the words that tie a quotation to its source ("said", "told", "according to", ":").

>>> [m.group() for m in CUE.finditer("She told reporters, according to aides, that he wrote it.")]
['told', 'according to', 'wrote']
>>> [m.group() for m in CUE.finditer("Fees rose 5 per cent, per the rules, and per Reuters.")]
['per', 'per']
"""
from __future__ import annotations

import re
import string

# verbs of saying, with their inflections; multiword cues first
_VERBS = r"""
say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|write|writes|wrote|writing|
argue|argues|argued|arguing|warn|warns|warned|warning|ask|asks|asked|asking|explain|explains|
explained|explaining|note|notes|noted|noting|continue|continues|continued|continuing|
declare|declares|declared|declaring|state|states|stated|insist|insists|insisted|insisting|
claim|claims|claimed|claiming|recall|recalls|recalled|recalling|reply|replies|replied|replying|
respond|responds|responded|responding|tweet|tweets|tweeted|tweeting|post|posted|
announce|announces|announced|announcing|acknowledge|acknowledges|acknowledged|acknowledging|
admit|admits|admitted|admitting|concede|concedes|conceded|conceding|complain|complains|
complained|complaining|conclude|concludes|concluded|observe|observes|observed|remark|remarks|
remarked|predict|predicts|predicted|predicting|promise|promises|promised|promising|vow|vows|
vowed|vowing|urge|urges|urged|urging|suggest|suggests|suggested|suggesting|joke|jokes|joked|
joking|quip|quips|quipped|boast|boasts|boasted|boasting|counter|counters|countered|shout|shouts|
shouted|shouting|yell|yells|yelled|cry|cries|cried|exclaim|exclaims|exclaimed|muse|mused|
sigh|sighed|scoff|scoffed|snap|snapped|retort|retorted|testify|testified|testifies|
report|reports|reported|reads|describe|describes|described|describing|call|calls|called|
calling|dub|dubbed|label|labeled|labelled|lament|laments|lamented|praise|praised|accuse|
accused|accusing|criticize|criticized|criticise|criticised|mock|mocked|mocking|confirm|
confirms|confirmed|deny|denies|denied|agree|agrees|agreed|wonder|wonders|wondered|
proclaim|proclaimed|assert|asserts|asserted|maintain|maintains|maintained|contend|contends|
contended|emphasize|emphasized|emphasise|emphasised|stress|stresses|stressed|pledge|pledged|
threaten|threatened|demand|demands|demanded|mutter|muttered|whisper|whispered|thunder|
thundered|chant|chanted|chanting|sang|sing|sings|preach|preached|plead|pleaded|beg|begged|
boom|boomed|gush|gushed|rail|railed|fume|fumed|blast|blasted|slam|slammed|hit\ back|
went\ on|goes\ on|put\ it|puts\ it|chimed\ in|chime\ in|summed\ up|spoke|speaks|speaking|
charge|charged|charges|allege|alleged|alleges|reason|reasoned|concur|concurred|
elaborate|elaborated|offer|offered|recount|recounted|caution|cautioned|insist|added|
show|shows|showed|reveal|reveals|revealed|comment|comments|commented|commenting|
point\ out|points\ out|pointed\ out|pointing\ out|reckon|reckons|reckoned|reiterate|reiterates|
reiterated|disclose|discloses|disclosed|echoed|hinted|emailed|texted|blogged
"""
_WORDLIST = sorted({v.strip().replace("\\ ", " ") for v in _VERBS.replace("\n", "").split("|")
                    if v.strip()})


def _trie_regex(words: list[str]) -> str:
    """One regex alternation shaped as a prefix tree: much faster than a flat list of words.

    >>> re.fullmatch(_trie_regex(["said", "says", "sang"]), "says") is not None
    True
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


def _cue_regex(words: list[str], heads: dict[str, list[str]]) -> re.Pattern:
    """``\\b(?:<heads>|<trie of words>)\\b`` (re.I), grouped by first letter behind one character
    class of those letters (every character re.I folds to one: "ſ", "İ" ...): the regex engine
    skips to them in C, where a leading ``\\b`` made it try the whole tree at every position.
    ``heads``: patterns that come before the words of their first letter.

    The letters' branches sit in groups of :data:`_LETTER_GROUP`, each behind a lookbehind for
    the group's letters: a word that opens no cue (most words) fails one lookbehind per group
    and per letter of its group, not one per letter (the regex engine tries every branch).

    >>> [m.group() for m in _cue_regex(["said", "told"], {}).finditer("Ann said, Bo TOLD, untold")]
    ['said', 'TOLD']
    """
    firsts = sorted({w[0] for w in words} | set(heads))
    alts = []
    for c in firsts:
        tails = [w[1:] for w in words if w[0] == c]
        body = heads.get(c, []) + ([_trie_regex(tails)] if tails else [])
        alts.append(f"(?<={re.escape(c)})(?:{'|'.join(body)})")
    groups = []
    for k in range(0, len(firsts), _LETTER_GROUP):
        letters, branches = firsts[k:k + _LETTER_GROUP], alts[k:k + _LETTER_GROUP]
        groups.append(branches[0] if len(branches) == 1 else
                      f"(?<=[{''.join(map(re.escape, letters))}])(?:{'|'.join(branches)})")
    # the characters re.I matches to an ASCII letter are ASCII letters, "İ", "ı", "ſ" and "K"
    folds = "".join(ch for ch in string.ascii_letters + "\u0130\u0131\u017f\u212a"
                    if any(re.fullmatch("(?i)" + re.escape(c), ch) for c in firsts))
    return re.compile("(?-i:[" + folds + r"])(?<!\w.)(?:" + "|".join(groups) + r")\b", re.I)


#: first letters per lookbehind group in :func:`_cue_regex` (about the square root of the
#: number of letters: as many groups as letters in a group)
_LETTER_GROUP = 5


#: a cue inside a frame of text
CUE = _cue_regex(_WORDLIST, {"a": [r"ccording\s+to"],
                             "p": [r"er(?=\s+(?-i:(?:the|a|an|his|her|its|their|our)\s|[A-Z]))"]})
#: cues whose source follows them, as a preposition's object ("according to the report",
#: "per the rules"); "per" only before a determiner or a name, never "per cent", "per share"
SOURCE_AFTER = frozenset({"according to", "per"})
#: cues that name something rather than report speech when their subject is not a person
NAMING = frozenset({"call", "calls", "called", "calling", "dub", "dubbed", "label", "labeled",
                    "labelled", "describe", "describes", "described", "describing", "reads"})
#: cues of records, not of people: "court filings show" (people "reveal", records too)
RECORD_CUES = frozenset("show shows showed".split())
#: cue words that are more often nouns: they need a name or pronoun before them
NOUNLIKE = frozenset("""post posts state states note notes report reports claim claims call calls
offer reason counter charge charges promise promises pledge demand demands stress remark remarks
cry cries sigh tweet tweets read reads comment comments""".split())


def norm_cue(cue: str) -> str:
    """The cue as a table value: lower case, single spaces.

    >>> norm_cue("According  to")
    'according to'
    """
    return " ".join(cue.lower().split())
