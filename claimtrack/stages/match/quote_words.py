"""Which word changes between two versions of a quote carry meaning.

A reviewer wants an "altered" flag only when a word that carries meaning changed: a negation,
a number, a name, a content word, a tense. Not when the two versions differ in spelling
("emphasise"/"emphasize", "acces"/"access", "amore"/"a more"), contractions ("do not"/"don't"),
an article or a verb's agreement ("a"/"the", "are"/"is"), a bracketed insertion ("(the
letter)"), an ellipsis standing for dropped words, or because one is a shorter excerpt of the
other (a fragment quoted mid-sentence, or a sentence quoted from after its opening "But" or "And").

>>> meaningful_changes("We will not raise fees.", "We will raise fees.").changes
[('not', '')]
>>> meaningful_changes("We don't want a trade war ... we do not", "We do not want a trade war").changes
[]
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

ELLIPSIS = "…"
BREAK = "¶"  # a sentence break inside a quote
# a sentence ends at . ! ? before a capital (not after a title or initial: "Mr. Smith", "U.S. Treasury")
_BREAK_RE = re.compile(r"(?<![A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bCo)(?<!\bInc)"
                       r"(?<!\bCorp)(?<!\bGen)(?<!\bGov)(?<!\bSen)(?<!\bRep)(?<!\bNo)[.!?]+[\"”’']?\s+(?=[\"“‘']?[A-Z])")
_ELLIPSIS_RE = re.compile(r"\.\s?\.\s?\.+|…")
_BRACKETS = re.compile(r"\([^()]{0,80}\)|\[[^\[\]]{0,80}\]")
# an editor's letters joined to a word ("30 min[ute]", "[t]he") complete it: keep them, drop the brackets
_IN_WORD = re.compile(r"(?<=[A-Za-z])\[([A-Za-z']{1,15})\]|\[([A-Za-z']{1,15})\](?=[A-Za-z])")
# a double quote between two letters is a mangled apostrophe ("don"t")
_BROKEN_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[\"”“](?=[A-Za-z])")
_TOKEN = re.compile(r"¶|…|\d[\d,.]*\d|\d|[a-z]+(?:'[a-z]+)*")
_CONTRACTIONS = {"won't": "will not", "can't": "can not", "cannot": "can not", "shan't": "shall not",
                 "ain't": "is not", "it's": "it is", "that's": "that is", "there's": "there is",
                 "what's": "what is", "let's": "let us", "he's": "he is", "she's": "she is"}
_SUFFIXES = (("n't", " not"), ("'re", " are"), ("'ll", " will"), ("'ve", " have"), ("'m", " am"),
             ("'d", " would"))
# abbreviations a news desk writes either way (dots are already gone: "u.s." reads "u s")
_ABBREVIATIONS = {("u", "s"): ("united", "states"), ("u", "k"): ("united", "kingdom"),
                  ("u", "n"): ("united", "nations")}
_SHORT_FORMS = {"mln": "million", "bln": "billion", "pct": "percent", "dlrs": "dollars", "dlr": "dollar",
                "govt": "government", "per cent": "percent"}
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
# changing one of these for another of its group, adding or dropping one, leaves the meaning:
# articles, and a verb's agreement with its subject ("the media are"/"the media is")
_TRIVIAL_GROUPS = ({"a", "an", "the"}, {"is", "are"}, {"was", "were"}, {"has", "have"}, {"does", "do"})
_TRIVIAL = frozenset().union(*_TRIVIAL_GROUPS)
_ARTICLES = frozenset({"a", "an", "the"})
# one or two of these added or dropped is grammar or a typo ("it will vetoed", "and on the"), not
# meaning; negations, modals, pronouns and every other word are never in it
_GRAMMAR = _ARTICLES | frozenset("""be been being to of on in at for with by from that and it here there so as
is are was were has have""".split())
# words whose one-letter slip is not a typo of each other ("the"/"they", "no"/"not")
_FUNCTION = frozenset("""the they them then than that this these those there their here her hers his him
not no nor now new can cannot will would may might must shall should could is its it in on one of off
our out we were was are as at an and any all""".split())
_SPELLING = 80.0  # rapidfuzz ratio of two words that are one word spelt two ways
# words that open a sentence only to tie it to the one before (the coordinating conjunctions
# and, but, or, yet, so; the conjunctive adverbs and discourse markers of the same job), so
# a quote that starts after them quotes less of the sentence, not other words. Not "for"
# (mostly a preposition: "For ten years ..."), not "nor" (a negation), not "then"
# ("then-president"), and no adverb of time, degree or stance ("never", "only", "actually").
# Some double as a degree or time word ("well over", "so many", "yet another", "now banned"):
# a quote cut after one of those still quotes less, and never the reverse of what was said.
_CONNECTIVES = frozenset("""and but or yet so also still now well however besides moreover furthermore
meanwhile nevertheless nonetheless anyway indeed therefore thus hence plus""".split())
_MAX_CONNECTIVES = 2  # "and so", "but now": more than two is not one sentence's opening


@lru_cache(maxsize=1 << 15)
def quote_tokens(text: str) -> tuple[str, ...]:
    """The words of a quote as compared: lower case, contractions expanded, bracketed insertions
    and punctuation dropped, hyphenated words split, ellipses kept as one "…" token, small number
    words and common abbreviations written one way.

    >>> quote_tokens("We don\\"t (yet) know... the U.S. extra-territorial plan, one mln dlrs")
    ('we', 'do', 'not', 'know', '…', 'the', 'united', 'states', 'extra', 'territorial', 'plan', 'one', 'million', 'dollars')
    >>> quote_tokens("[T]he climb took 30 min[ute]s [sic]")
    ('the', 'climb', 'took', '30', 'minutes')
    >>> quote_tokens("Mr. Lee spoke. Then U.S. Steel left!")
    ('mr', 'lee', 'spoke', '¶', 'then', 'united', 'states', 'steel', 'left')
    """
    text = _BROKEN_APOSTROPHE.sub("'", text.replace("’", "'").replace("‘", "'"))
    text = _BRACKETS.sub(" ", _IN_WORD.sub(lambda m: m.group(1) or m.group(2), text))
    text = _BREAK_RE.sub(f" {BREAK} ", text)
    text = _ELLIPSIS_RE.sub(f" {ELLIPSIS} ", text).lower().replace("-", " ")
    words: list[str] = []
    for w in _TOKEN.findall(text):
        if w in _CONTRACTIONS:
            words += _CONTRACTIONS[w].split()
            continue
        for end, full in _SUFFIXES:
            if w.endswith(end) and len(w) > len(end):
                w = w[: -len(end)] + full
                break
        words += w.replace("'s", "").split() if w.endswith("'s") else w.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = tuple(words[i:i + 2])
        if pair in _ABBREVIATIONS:
            out += _ABBREVIATIONS[pair]
            i += 2
            continue
        w = words[i]
        out.append(_SHORT_FORMS.get(w) or w.replace(",", ""))
        i += 1
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Comparison:
    """What two versions of a quote share and how they differ in meaning.

    ``changes`` are (earlier words, later words) pairs, "" for an addition or a deletion;
    ``shared`` counts the words both versions have in the same order.
    """

    shared: int
    changes: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # why other differences did not count
    inner: int = 0  # changes inside the quote (not words one version adds or lacks at an edge)

    @property
    def changed_words(self) -> int:
        return sum(max(len(a.split()), len(b.split())) for a, b in self.changes)


def _spelling_only(a: list[str], b: list[str]) -> bool:
    """One word spelt two ways: the same letters run together ("amore"/"a more"), or each word
    replaced one for one by a close spelling without digits.

    >>> _spelling_only(["amore"], ["a", "more"]), _spelling_only(["acces"], ["access"]), _spelling_only(["year"], ["day"])
    (True, True, False)
    """
    if "".join(a) == "".join(b):
        return True
    if len(a) != len(b):
        return False
    return all(not any(c.isdigit() for c in x + y) and (
        (min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= _SPELLING)
        # one letter left out or doubled ("wil"/"will"), unless both are words of their own
        or (min(len(x), len(y)) >= 3 and abs(len(x) - len(y)) == 1 and _one_letter(x, y)
            and not (x in _FUNCTION and y in _FUNCTION))) for x, y in zip(a, b))


def _one_letter(x: str, y: str) -> bool:
    """Whether the longer word is the shorter with one letter added.

    >>> _one_letter("wil", "will"), _one_letter("no", "now"), _one_letter("cat", "cart")
    (True, True, True)
    """
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _trivial_swap(a: list[str], b: list[str]) -> bool:
    """Articles or agreement forms swapped ("a"/"the", "are"/"is"), one or two grammar words
    added or dropped ("it will vetoed"/"it will be vetoed"), or a small number written in words
    and in digits ("three"/"3").

    >>> _trivial_swap([], ["be"]), _trivial_swap(["not"], []), _trivial_swap(["were"], ["are"])
    (True, False, False)
    """
    if not a or not b:
        return len(a + b) <= 2 and all(w in _GRAMMAR for w in a + b)
    if len(a) != len(b):
        return False
    return all(x == y or _NUMBER_WORDS.get(x, x) == _NUMBER_WORDS.get(y, y)
               or any(x in g and y in g for g in _TRIVIAL_GROUPS) for x, y in zip(a, b))


def meaningful_changes(earlier: str, later: str, earlier_excerpt: bool | None = None,
                       later_excerpt: bool | None = None) -> Comparison:
    """Compare two versions of a quote word by word and keep the changes that carry meaning.

    ``*_excerpt``: whether that version is a fragment cut out of a longer statement (quoted
    mid-sentence); by default, a version that starts in lower case. Words one version lacks at
    its start or end are not a change when that version is an excerpt (or when the other has a
    sentence break or an ellipsis there): it quotes less, not differently. Nor are one or two
    words one version lacks at its very start when they only tie the sentence to the one before
    (``_CONNECTIVES``: "And", "But", "So", "Yet", "However", "Well" ...), after whole sentences
    or none: the shorter version starts its excerpt after the connective. Not at the end: no
    sentence ends on a connective, so a word lacking there is cut from what follows.

    >>> meaningful_changes("I would like one mln barrels a year.", "I would like one mln barrels a day").changes
    [('year', 'day')]
    >>> meaningful_changes("If we stop, fine, we will get offers", "If we stop...we will get offers").changes
    []
    >>> meaningful_changes("Prices rose. We will not cut jobs this year.", "We will not cut jobs this year.").changes
    []
    >>> meaningful_changes("This rise should be small enough in the U.S.", "small enough in the United States").changes
    []
    >>> meaningful_changes("But we still enjoy the work.", "We still enjoy the work.").ignored
    ['excerpt']
    >>> meaningful_changes("Never again will we trust them.", "Again will we trust them.").changes
    [('never', '')]
    """
    a, b = quote_tokens(earlier), quote_tokens(later)
    if earlier_excerpt is None:
        earlier_excerpt = _starts_lower(earlier)
    if later_excerpt is None:
        later_excerpt = _starts_lower(later)
    sm = SequenceMatcher(a=a, b=b, autojunk=False)
    ops = sm.get_opcodes()
    shared = sum(1 for op, i1, i2, _, _ in ops if op == "equal" for w in a[i1:i2] if w not in (ELLIPSIS, BREAK))
    changes, ignored, inner = [], [], 0
    for k, (op, i1, i2, j1, j2) in enumerate(ops):
        if op == "equal":
            continue
        old, new = list(a[i1:i2]), list(b[j1:j2])
        first, last = k == 0, k == len(ops) - 1
        if set(old + new) <= {BREAK}:
            ignored.append("punctuation")
            continue
        if (first or last) and (not old or not new) and (
                _whole_sentences(old or new, first) or (first and _opening_connectives(old or new))):
            # whole sentences one version leaves out, or the words that only join its first
            # sentence to what came before: it quotes less of the same statement
            ignored.append("excerpt")
            continue
        # words one side lacks where the other has an ellipsis: an elision, not a change
        if ELLIPSIS in old or ELLIPSIS in new or _near_ellipsis(a, i1, i2) or _near_ellipsis(b, j1, j2):
            ignored.append("ellipsis")
            continue
        if (first or last) and (not old or not new):
            # an edge one version lacks: an excerpt quotes less of the same statement
            short_is_excerpt = later_excerpt if not new else earlier_excerpt
            if short_is_excerpt:
                ignored.append("excerpt")
                continue
        if (first or last) and old and new and (earlier_excerpt or later_excerpt):
            # an excerpt's cut may fall mid-word group ("the U.S." / "U.S.") at its edge: only
            # the side that continues past the cut has the extra words
            if _edge_overlap(old, new, first):
                ignored.append("excerpt")
                continue
        if _trivial_swap(old, new):
            ignored.append("article or agreement")
            continue
        if old and new and _spelling_only(old, new):
            ignored.append("spelling")
            continue
        changes.append((" ".join(old), " ".join(new)))
        inner += not ((first or last) and (not old or not new))
    return Comparison(shared=shared, changes=changes, ignored=ignored, inner=inner)


def _starts_lower(text: str) -> bool:
    m = re.search(r"[A-Za-z]", text or "")
    return bool(m) and m.group().islower()


def _whole_sentences(span: list[str], first: bool) -> bool:
    """Whether the words one version lacks at its start (``first``) or end are whole sentences."""
    return bool(span) and (span[-1] == BREAK if first else span[0] == BREAK)


def _opening_connectives(span: list[str]) -> bool:
    """Whether words one version lacks at its start are whole sentences (or none) and then one
    or two connectives that open the next sentence.

    >>> _opening_connectives(["but"]), _opening_connectives(["we", "won", "¶", "and", "so"])
    (True, True)
    >>> _opening_connectives(["not"]), _opening_connectives(["we", "won", "and"]), _opening_connectives(["¶"])
    (False, False, False)
    """
    k = len(span)
    while k > 0 and span[k - 1] in _CONNECTIVES:
        k -= 1
    return 0 < len(span) - k <= _MAX_CONNECTIVES and (k == 0 or span[k - 1] == BREAK)


def _near_ellipsis(tokens: tuple[str, ...], i1: int, i2: int) -> bool:
    """Whether an ellipsis stands right before or after tokens[i1:i2]."""
    return (i1 > 0 and tokens[i1 - 1] == ELLIPSIS) or (i2 < len(tokens) and tokens[i2] == ELLIPSIS)


def _edge_overlap(old: list[str], new: list[str], first: bool) -> bool:
    """At an excerpt's edge, one replaced side ends (or starts) with all of the other's words."""
    short, long_ = (old, new) if len(old) < len(new) else (new, old)
    if not short:
        return True
    return (long_[-len(short):] == short) if first else (long_[:len(short)] == short)
