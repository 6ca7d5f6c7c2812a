"""Bodies: a definite description of an organisation ("the union", "the bank", "the newspaper")
to the organisation the article named with it before.

News names a body once in full and then refers back to it by its head noun or by its kind:
"the Harbour Workers' Union … the union said", "Acme Bank … the bank said", "Norland Mining Corp
… the company said", "the Daily Courier … the newspaper said". The body meant is the latest one
named before of that head noun or kind, preferring one that was the subject of a sentence or of a
verb of saying (the body the story is about) over one met in passing.

>>> t = 'The Harbour Workers\\' Union called a strike. "We will not back down," the union said.'
>>> body_named(t, "the union", 60)
"Harbour Workers' Union"
>>> t = 'Norland Mining Corp said output rose. Shares of Vale Steel Inc fell. The company said more.'
>>> body_named(t, "The company", 80)
'Norland Mining Corp'
"""
from __future__ import annotations

import re
from functools import lru_cache

from claimtrack.stages.extract.quotes.coref import find_word
from claimtrack.stages.extract.quotes.lexicon import gender_of, is_country, is_place, TITLES

#: legal forms and words that end a firm's name ("Norland Mining Corp", "Acme Holdings")
CORPORATE = frozenset("""Inc Inc. Corp Corp. Co Co. Ltd Ltd. Plc PLC plc LLC AG SA NV N.V. S.A. GmbH
SpA BV AB ASA Oy Bhd Corporation Company Limited Incorporated Holdings Industries Group""".split())

#: words that make a name a newspaper's ("the Westland Herald", "the Daily Courier")
NEWSPAPER = frozenset("""Times Post Journal Herald Gazette Tribune Telegraph Guardian Observer
Mirror Chronicle Courier Daily Shimbun Zeitung Bulletin Examiner Inquirer Dispatch""".split())

#: words that make a name a broadcaster's ("Radio Westland", "Norland Television")
BROADCAST = frozenset("Radio Television TV Broadcasting Broadcast".split())

#: words that make a name an airline's ("Westland Airways", "Air Norland")
AIRLINE = frozenset("Airlines Airways Air Airline Aviation".split())

#: words that make a name a bank's ("Bank of Westland", "Norland Bancorp")
BANK = frozenset("Bank Banque Banco Bancorp Banking".split())

#: the kinds of body a head noun can refer back to, besides names holding the head noun itself
KIND = {
    "company": CORPORATE, "firm": CORPORATE, "concern": CORPORATE,
    "corporation": CORPORATE, "conglomerate": CORPORATE, "maker": CORPORATE,
    "manufacturer": CORPORATE, "producer": CORPORATE, "retailer": CORPORATE, "insurer": CORPORATE,
    "newspaper": NEWSPAPER, "paper": NEWSPAPER, "daily": NEWSPAPER, "weekly": NEWSPAPER, "tabloid": NEWSPAPER,
    "broadcaster": BROADCAST, "station": BROADCAST, "network": BROADCAST, "channel": BROADCAST,
    "airline": AIRLINE, "carrier": AIRLINE,
    "bank": BANK, "lender": BANK,
}

#: head nouns of bodies whose names hold the head noun ("the Harbour Workers' Union" -> union)
HEADS = frozenset("""union ministry department agency commission committee council board bureau
institute university college school hospital court party association federation confederation
exchange authority fund foundation trust society club league alliance coalition chamber
administration church museum embassy bank company corporation group newspaper airline office
service organisation organization assembly parliament senate congress""".split()) | frozenset(KIND)

#: a definite description of a body: "the union", "The bank", "the state-owned company"
_DESCRIPTION = re.compile(r"(?i:the)\s+(?:[a-z][a-z\-]*\s+){0,2}?([a-z]+)")

_WORD = re.compile(r"[A-Z](?:\.[A-Z])+\.|[A-Za-z][\w’'.&\-]*[\w’']|[A-Za-z]|&")  # "W.R.", "Ann", "&"

#: words that join the parts of one name ("Bank of Westland", "Food and Drink Federation")
_JOINS = frozenset("of for and & de du des la le the on".split())

#: words before a name that are not part of it
_LEAD = frozenset("The A An In On At For By From With To But And Or As If When While After Under".split())

#: a verb of saying or reporting that makes a body the subject of its sentence
_SAYS = re.compile(r">?(?:\s*<[^>\n]{1,15}>)?(?:\s*,[^.;\"“”\n]{0,90},)?\s+(?:\w+\s+)?(?:said|says|told|tells|added|announced|reported|"
                   r"stated|warned|reports|announces|denied|confirmed|claimed|argued|disclosed|estimated|forecast)\b")

_SENTENCE_END = frozenset('.!?\n"“”:;')


def description_head(role: str) -> str | None:
    """The head noun of a definite description of a body, else None: "the union" -> union,
    "the state-owned bank" -> bank; not "the minister", "a bank" or "the bank's chief".

    >>> description_head("the union"), description_head("The state-owned bank"), description_head("the minister")
    ('union', 'bank', None)
    >>> description_head("a bank"), description_head("the bank's chief"), description_head("the Tory party")
    (None, None, None)
    """
    m = _DESCRIPTION.fullmatch(role.strip())
    if m is None:
        return None
    head = m.group(1)
    return head if head in HEADS else None


def _name_around(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The bounds of the capitalised name holding the word at ``text[lo:hi]``: capitalised words
    and the words that join them ("Bank of Westland"), not a leading "The" or preposition.

    >>> t = "Talks with the Reserve Bank of Westland ended."
    >>> s, e = _name_around(t, 23, 27); t[s:e]
    'Reserve Bank of Westland'
    """
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, max(0, lo - 80), min(len(text), hi + 60))]
    k = next(i for i, (a, _) in enumerate(words) if a == lo)
    i = k
    while i > 0 and _joined(text, words[i - 1][1], words[i][0]):
        w = text[words[i - 1][0]:words[i - 1][1]]
        if w[-2:] in ("'s", "’s") and text[words[i][0]:words[i][1]] not in CORPORATE:
            break  # "the singer's Westland Radio": a possessor is not part of the name
        if w[:1].isupper() and w not in _LEAD:
            i -= 1
        elif w in _JOINS and i > 1 and _joins_left(text[words[i - 2][0]:words[i - 2][1]], w) \
                and _joined(text, words[i - 2][1], words[i - 1][0]):
            i -= 2
        else:
            break
    j = k
    while j + 1 < len(words) and _joined(text, words[j][1], words[j + 1][0]):
        w = text[words[j + 1][0]:words[j + 1][1]]
        if w[:1].isupper() and w not in _LEAD:
            j += 1
            continue
        # "of Westland", "of the Westland Bank"
        n = j + 2 if w in _JOINS else -1
        if n > 0 and n < len(words) and text[words[n][0]:words[n][1]] == "the" and n + 1 < len(words):
            n += 1
        if 0 < n < len(words) and text[words[n][0]].isupper() and _joined(text, words[n - 1][1], words[n][0]):
            j = n
            continue
        break
    return words[i][0], words[j][1]


def _joins_left(word: str, join: str) -> bool:
    """Whether ``word`` before the joining word ``join`` belongs to the name after it: any
    capitalised word before "and" ("Food and Drink"), a body's head noun before "of"/"for"
    ("Bank of Westland", "Ministry for Trade"; not "Shares of Acme").

    >>> _joins_left("Bank", "of"), _joins_left("Shares", "of"), _joins_left("Food", "and")
    (True, False, True)
    """
    if not word[:1].isupper() or word in _LEAD:
        return False
    return join in ("and", "&") or word.lower() in HEADS or word in BANK or word in CORPORATE


def _joined(text: str, a: int, b: int) -> bool:
    """Whether only spaces (no punctuation) separate two words."""
    gap = text[a:b]
    return 0 < len(gap) <= 2 and gap.strip() == ""


def _subject(text: str, start: int, end: int) -> int:
    """How the name at ``text[start:end]`` stands in its sentence: 2 when a verb of saying
    follows it, 1 when it opens the sentence (after "the" and lower-case words: "The official
    Westland Herald"), else 0.

    >>> t = "Acme Corp said so. Shares of Vale Inc fell. Vale Inc fell."
    >>> _subject(t, 0, 9), _subject(t, 29, 37), _subject(t, 44, 52)
    (2, 0, 1)
    """
    if _SAYS.match(text, end) is not None:
        return 2
    k = start - 1
    while k >= 0:
        while k >= 0 and text[k] in " \t<":
            k -= 1
        if k < 0 or text[k] in _SENTENCE_END:
            return 1
        j = k
        while j >= 0 and (text[j].isalpha() or text[j] in "-’'"):
            j -= 1
        word = text[j + 1:k + 1]
        if not word or not (word.islower() or word == "The") or start - j > 40:
            return 0
        k = j
    return 1


@lru_cache(maxsize=None)
def _literals(head: str) -> tuple[str, ...]:
    """The strings whose every occurrence :func:`_bodies` reads for ``head``: the words of its
    kind, the head noun capitalised ("Bank") and as written ("bank", which "Bundesbank" holds).

    >>> _literals("union")
    ('Union', 'union')
    """
    return tuple(sorted({w.rstrip(".") for w in KIND.get(head, ())})) + (head.capitalize(), head)


_TOKEN_CHARS = frozenset("’'.&-")


def _candidates(text: str, head: str) -> list[int]:
    """Where the words start that hold one of :func:`_literals` (found by ``str.find``: the
    scan stays in C, not in a loop over every word of the article), in text order.

    >>> t = "The Bundesbank and Acme Bank; the bank."
    >>> [t[i:i + 4] for i in _candidates(t, "bank")]
    ['Bund', 'Bank', 'bank']
    """
    starts = set()
    for lit in _literals(head):
        i = text.find(lit)
        while i >= 0:
            j = i
            while j > 0 and (text[j - 1].isalnum() or text[j - 1] in _TOKEN_CHARS):
                j -= 1
            starts.add(j)
            i = text.find(lit, i + len(lit))
    return sorted(starts)


@lru_cache(maxsize=64)
def _bodies(text: str, head: str) -> tuple[tuple[int, str, int], ...]:
    """(position, name, :func:`_subject` rank) of every body in ``text`` that "the ``head``" can refer to:
    a name holding the head noun ("Harbour Workers' Union", "Bundesbank"), a name of its kind
    ("Norland Mining Corp" for "the company") or a name before the head noun written in lower
    case ("the Westland Courier newspaper")."""
    kind = KIND.get(head, frozenset())
    cap = head.capitalize()
    out = []
    for at in _candidates(text, head):
        m = _WORD.match(text, at)
        if m is None:
            continue
        w = m.group()
        if not w[:1].isupper():
            if w == head and m.start() > 1 and text[m.start() - 1] == " " and text[m.start() - 2].isalnum():
                ps, pe = _prev_word(text, m.start())
                word = text[ps:pe]
                # (not an adjective made of a name: "the Paris-based firm")
                proper = word[:1].isupper() and word not in _LEAD and not _HYPHEN_LOWER.search(word)
                s, e = _name_around(text, ps, pe) if proper else (ps, ps)
                if s < e and not _INDEFINITE_END.search(text, max(0, s - 8), s):
                    out.append((s, text[s:m.end()], _subject(text, s, m.end())))  # "the Norland Courier newspaper"
            continue
        bare = w.rstrip(".’'")
        if bare in kind or bare in (cap, cap + "s") or (len(bare) > len(head) + 2 and bare.lower().endswith(head)
                                                        and bare[1:].islower()):
            s, e = _name_around(text, m.start(), m.end())
            name = text[s:e]
            if name in CORPORATE or name in NEWSPAPER or name.lower() == head or " " not in name and bare in kind:
                continue  # a legal form or a kind word alone ("Group", "Daily") names nothing
            if bare in kind and not _heads_name(text, s, e, m.start(), m.end()):
                continue  # a kind word inside another body's name ("Westland Television Council")
            if " and " in name:  # "Citizens Bank and Canal Bank": two bodies, one is meant
                s, name = _and_part(text, s, name, m.start())
            num = _NUMBER_AFTER.match(text, e)
            if num is not None:  # "Radio 4", "Channel 5"
                name += num.group()
            if not out or out[-1][0] != s:  # (once: "Acme Mining Corp Ltd")
                out.append((s, name, _subject(text, s, e)))
    if kind is CORPORATE:
        out += _short_forms(text, out)
    return tuple(sorted(out))


def _short_forms(text: str, bodies: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """Later mentions of a firm by its name without the legal form ("Norland Mining" for
    "Norland Mining Corp") or by its first word alone ("Norland"), when that word is no place
    and never written in lower case; as (position, full name, :func:`_subject` rank).

    >>> t = "Norland Mining Corp bought Vale Inc. Norland said it would pay cash."
    >>> _short_forms(t, [(0, "Norland Mining Corp", 2), (27, "Vale Inc", 0)])
    [(37, 'Norland Mining Corp', 2)]
    """
    out = []
    seen = set()
    for at, name, _ in bodies:
        words = name.split()
        while len(words) > 1 and words[-1] in CORPORATE:
            words.pop()
        shorts = [" ".join(words)]
        first = words[0]
        if len(words) > 1 and len(first) > 3 and first.isalpha() and not is_place(first) \
                and not is_country(first) and find_word(text, first.lower()) < 0:
            shorts.append(first)
        for short in shorts:
            if short == name or short in seen or len(short) < 3:
                continue
            seen.add(short)
            i = text.find(short)
            while i >= 0:
                e = i + len(short)
                if (i == 0 or not text[i - 1].isalnum()) and (e >= len(text) or not (text[e].isalnum() or text[e] in "-")) \
                        and not text[e:e + 2].strip()[:1].isupper():
                    out.append((i, name, _subject(text, i, e)))
                i = text.find(short, e)
    return out


_NUMBER_AFTER = re.compile(r" \d{1,3}(?![\w,.]\d)\b")

_HYPHEN_LOWER = re.compile(r"-[a-z]")

_INDEFINITE_END = re.compile(r"\b(?:an?|another|one)\s+$", re.I)


def _and_part(text: str, s: int, name: str, at: int) -> tuple[int, str]:
    """Of a name run "A Bank and B Bank" holding two bodies of one head noun, the part holding
    the word found at ``at``; the whole name when only one part ends like a body.

    >>> _and_part("Citizens Bank and Canal Bank", 0, "Citizens Bank and Canal Bank", 9)
    (0, 'Citizens Bank')
    >>> _and_part("Food and Drink Federation", 0, "Food and Drink Federation", 15)
    (0, 'Food and Drink Federation')
    """
    parts = name.split(" and ")
    if sum(p.split()[-1][:1].isupper() and len(p.split()) > 1 for p in parts) < 2:
        return s, name
    lo = s
    for p in parts:
        if lo <= at < lo + len(p):
            return lo, p
        lo += len(p) + 5
    return s, name


def _heads_name(text: str, s: int, e: int, a: int, b: int) -> bool:
    """Whether the word at ``text[a:b]`` in the name ``text[s:e]`` tells what the name names:
    its last word ("Westland Herald", "Acme Mining Corp"), its first ("Radio Westland", "Air
    Norland"), the word before "of" ("Bank of Westland") or before another legal form ("Acme
    Corp Ltd"); not a word inside ("Viewers Standards Council").

    >>> t = "the Viewers Standards Council and Radio Westland"
    >>> _heads_name(t, 4, 29, 12, 21), _heads_name(t, 34, 48, 34, 39)
    (False, True)
    """
    if a == s or b == e:
        return True
    nxt = text[b:e].split(None, 1)[0]
    return nxt in ("of", "for") or nxt in CORPORATE


def _prev_word(text: str, at: int) -> tuple[int, int]:
    """Bounds of the word that ends at the space before ``text[at]``."""
    e = at - 1
    s = e
    while s > 0 and (text[s - 1].isalnum() or text[s - 1] in "’'-."):
        s -= 1
    return s, e


#: how far back a body's name is looked for (characters)
_WINDOW = 4000


def body_named(text: str, role: str, pos: int) -> str | None:
    """The name of the body that ``role`` ("the union") refers back to at ``pos``: of the bodies
    named before ``pos`` with its head noun or of its kind, the latest one named as the subject
    of a sentence or of a verb of saying, else the latest one; None when the article names none.

    >>> t = "Acme Bank cut rates. Ann Lee, an economist, said the bank was right."
    >>> body_named(t, "the bank", 50)
    'Acme Bank'
    >>> body_named("The bank cut rates.", "the bank", 18) is None
    True
    """
    head = description_head(role)
    if head is None:
        return None
    best = None  # (rank, position, name): a body said something > opened a sentence > other
    for at, name, rank in _bodies(text, head):
        if at >= pos:
            break
        if at < pos - _WINDOW or name.lower() == role.lower():
            continue
        if best is None or rank >= best[0]:
            best = (rank, at, name)
    if best is None:
        return None
    _, at, name = best
    # someone new of that head noun since ("a group led by …"), or another body that spoke
    # since ("… Acme Corp. Vale Mining said …"): the description may mean either
    if _introduced_since(text, head, at, pos) or _rival_since(text, name, at + len(name), pos):
        return None
    return name


def _introduced_since(text: str, head: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` introduces someone new with ``head``: "a group", "another bank".

    >>> _introduced_since("Acme Bank grew. A rival bank fell.", "bank", 0, 34)
    True
    """
    i = text.find(head, lo, hi)
    while i >= 0:
        m = _INTRODUCED.search(text, max(lo, i - 40), i)
        if m is not None and _subject(text, m.start(), i + len(head)):
            return True  # (not a predicate: "… to make Acme a holding company")
        i = text.find(head, i + 1, hi)
    return False


_INTRODUCED = re.compile(r"\b(?i:an?|another|one)\s+(?:[a-z][\w\-]*\s+){0,3}$")

#: a verb of saying, then the capitalised name run right before one (and a word or two between)
_CUE_WORD = re.compile(r"\b(?:said|says|told|added|announced|reported|stated|claimed|warned)\b")


def _name_before_cue(text: str, lo: int, cue: int) -> list[str]:
    """The capitalised words (up to 5) that end ``text[lo:cue]`` on one line, over a lower-case
    word or two ("Vale Mining last month" -> Vale Mining); [] when none.

    >>> t = "Then Vale Mining last month said so"
    >>> _name_before_cue(t, 0, 28), _name_before_cue("it was said", 0, 7)
    (['Then', 'Vale', 'Mining'], [])
    """
    line = text[max(lo, cue - 90):cue]
    toks = line[line.rfind("\n") + 1:].split(" ")
    if not toks or toks[-1] != "":
        return []  # (no space before the cue)
    toks.pop()
    for _ in range(2):
        if toks and toks[-1].isalpha() and toks[-1].islower():
            toks.pop()
    run: list[str] = []
    while toks and len(run) < 5 and toks[-1][:1].isupper() and _PLAIN_WORD.fullmatch(toks[-1]):
        run.insert(0, toks.pop())
    return run


_PLAIN_WORD = re.compile(r"[A-Z][\w&’'\-]*")


def _holds(name: str, head: str) -> bool:
    """Whether a name holds the head noun ("Harbour Workers' Union", "Bundesbank" for bank).

    >>> _holds("Bundesbank", "bank"), _holds("Acme Corp", "company")
    (True, False)
    """
    return any(w.lower().rstrip(".’'").endswith(head) for w in name.split())


def _rival_since(text: str, name: str, lo: int, hi: int) -> bool:
    """Whether another body than ``name`` is the subject of a verb of saying in ``text[lo:hi]``:
    a name in capitals ("NBC said") or of several words, none a person's first name or a title
    ("Vale Mining last month claimed"; a bank need not be called one: "JP Ledger said … the bank
    said" may mean either); one word alone or a person is no rival.

    >>> _rival_since("Acme Corp fell. NBC said so.", "Acme Corp", 9, 27)
    True
    >>> _rival_since("Acme Corp fell. Ann Lee said so. Acme said more.", "Acme Corp", 9, 48)
    False
    """
    mine = {w.lower() for w in name.split()}
    for cue in _CUE_WORD.finditer(text, lo, hi):
        run = _name_before_cue(text, lo, cue.start())
        while run and (run[0] in _LEAD or run[0].lower().rstrip(".") in TITLES):
            run = run[1:]
        if not run or {w.lower() for w in run} <= mine or run[-1].lower() in mine:
            continue
        # (a first name the lexicon knows, without the census lists it reads only when needed)
        if gender_of(run[0]) is not None or any(w.lower().rstrip(".") in TITLES for w in run):
            continue
        if len(run) == 1 and run[0].isupper() and 2 <= len(run[0]) <= 6:
            return True
        if len(run) >= 2:
            return True
    return False


def body_speaker(text: str, role: str, pos: int) -> str | None:
    """The speaker column for a body referred to as ``role`` at ``pos``: its name, followed by
    the description as written when the name does not hold its head noun (so the reader and the
    matcher both see what the article called it); None when no body is named before.

    >>> t = "The Harbour Workers' Union struck. Acme Corp fell. Later the union said no."
    >>> body_speaker(t, "the union", 60), body_speaker(t, "The company", 60)
    ("Harbour Workers' Union", 'Acme Corp, the company')
    """
    name = body_named(text, role, pos)
    if name is None:
        return None
    if _holds(name, description_head(role)):
        return name
    return f"{name}, {role[0].lower()}{role[1:]}"
