"""Cues: the words that tie a quotation to its source ("said", "told", "according to", ":").

>>> [m.group() for m in CUE.finditer("She told reporters, according to aides, that he wrote it.")]
['told', 'according to', 'wrote']
>>> [m.group() for m in CUE.finditer("Fees rose 5 per cent, per the rules, and per Reuters.")]
['per', 'per']
"""
from __future__ import annotations

import re

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


#: a cue inside a frame of text
CUE = re.compile(r"\b(?:according\s+to|per(?=\s+(?-i:(?:the|a|an|his|her|its|their|our)\s|[A-Z]))|"
                 + _trie_regex(_WORDLIST) + r")\b", re.I)
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
