"""Heads of noun phrases that hold a person's name before a cue with other names after it:
a chain of prepositional phrases ("Ann Lee, of the Centre for X at the University of Y in Z"),
a role set off after a name ("Ann Lee, the leader of the union, ABBR,") and a role after a name
with no closing comma ("Ann Lee, treasurer at Acme Plc told").

>>> _person_comma_role("Ann Lee , treasurer at Acme Plc".split()).name
'Ann Lee'
"""
from __future__ import annotations

from claimtrack.stages.extract.quotes.after import _person_noun
from claimtrack.stages.extract.quotes.lexicon import _ORG_TAIL, person_named, TITLES
from claimtrack.stages.extract.quotes.names import clean_name, _is_name_token, Mention, _name_run_back, _person_like, _possessive, _tokens

_CHAIN_PREPS = frozenset("of from at with in for".split())


_PREPS = frozenset("of at from in for with by to on near outside inside".split())


def _person_before_pps(toks: list[str], k: int) -> Mention | None:
    """The person a chain of prepositional phrases hangs from, when the name run that ends
    ``toks`` (it starts at ``k``) is the object of the last of them: "Ann Lee, of the Centre for
    Road Safety at the University of Kent in Canterbury" -> Ann Lee (not Canterbury),
    "Tom Hale, from Acme's Research Laboratories" -> Tom Hale. A name that is itself the
    object of a preposition ("a letter from Ann Lee of Acme") is not the head. A name no
    lexicon knows as a person's heads a chain only of two links or after a comma ("Hale
    Brothers of Leeds" stays a firm). The mention returned is the person's name run (the
    caller extends it to the cue).

    >>> _person_before_pps("Dr Ann Lee , of the Institute at the University of Kent in Canterbury".split(), 13).name
    'Ann Lee'
    >>> _person_before_pps("Jo Okada of Mitsui Bank in New York".split(), 6).name
    'Jo Okada'
    >>> _person_before_pps("a letter from Ann Lee of Acme".split(), 6) is None
    True
    >>> _person_before_pps("Bank of England".split(), 2) is None
    True
    """
    i = k
    links = 0
    for _ in range(8):
        j = i
        while j > 0 and toks[j - 1].lower() in ("the", "a", "an"):
            j -= 1
        if j > 0 and _possessive(toks[j - 1]):  # "from Panasonic's Hollywood Laboratories"
            j -= 1
            j -= len(_name_run_back(toks[:j]))
            while j > 0 and toks[j - 1].lower() == "the":
                j -= 1
        if j < 2 or toks[j - 1].lower() not in _CHAIN_PREPS:
            return None
        h = j - 2 if toks[j - 2] == "," else j - 1
        links += 1 + (h < j - 1)
        run = _name_run_back(toks[:h])
        if not run:
            return None
        start = h - len(run)
        while start > 1 and toks[start - 1] in ("and", "&") and _is_name_token(toks[start - 2]):
            start -= 1 + len(_name_run_back(toks[:start - 1]))  # "the Centre for Rivers and Society"
        low_before = toks[start - 1].lower() if start > 0 else ""
        if low_before not in _CHAIN_PREPS and low_before not in ("the", "a", "an", "to", "by") and \
                not (start > 0 and _possessive(toks[start - 1])):
            name, female = clean_name(run)
            if name and all(t[:1].isupper() for t in run) and name.split()[-1].lower() not in TITLES and (_person_like(run) or (
                    links > 1 and len(name.split()) >= 2 and person_named(name) and
                    not any(w.lower().rstrip(".") in _ORG_TAIL for w in name.split()))):
                return Mention(" ".join(run), name, "name", female)
            return None
        i = start
    return None


def _named_before_role(head: str, role: str) -> Mention | None:
    """The person a role is set off after, when ``head`` ends "Name, <role>": "Ann Lee, the
    leader of the union" -> Ann Lee (text as written, from the name).

    >>> _named_before_role("In Lima, Ann Lee, the leader of the union", "the leader of the union").name
    'Ann Lee'
    >>> _named_before_role("His partner, the leader of the union", "the leader of the union") is None
    True
    """
    if not head.endswith(role):
        return None
    prefix = head[:len(head) - len(role)].rstrip()
    if not prefix.endswith(","):
        return None
    pt = _tokens(prefix[:-1][-120:])
    run = _name_run_back(pt)
    if not run or not _person_like(run) or (len(run) < len(pt) and pt[-len(run) - 1][:1].isalnum()
                                            and not pt[-len(run) - 1].islower()):
        return None
    if len(run) < len(pt) and pt[-len(run) - 1].lower() in _PREPS:
        return None  # "a letter from Ann Lee, the leader of …"
    name, female = clean_name(run)
    if not name:
        return None
    at = prefix.rfind(run[0])
    return Mention(head[at:], name, "name", female) if at >= 0 else None


_ROLE_DET = frozenset("a an the".split())


def _person_comma_role(toks: list[str]) -> Mention | None:
    """A person's name, a comma, then a role in lower case that runs to the cue with no closing
    comma, as hurried copy writes it: "Ann Lee, corporate treasurer at Acme Plc told" -> Ann Lee
    (not Acme Plc, not the role). The name must read as a person's and open its clause.

    >>> _person_comma_role("Ann Lee , a doctor".split()).name
    'Ann Lee'
    >>> _person_comma_role("In Leeds , finance director at Acme".split()) is None
    True
    >>> _person_comma_role("Ann Lee , who runs Acme".split()) is None
    True
    >>> _person_comma_role("Jo Ray , chair of the Council on Fair Trade".split()).name
    'Jo Ray'
    """
    if "," not in toks:
        return None
    c = len(toks) - 1 - toks[::-1].index(",")
    run = _name_run_back(toks[:c])
    start = c - len(run)
    # (a surname alone when it names no place or body: "Krapels, president of Acme Research")
    if not run or not (_person_like(run) or (len(run) == 1 and run[0].isalpha() and person_named(run[0]))) \
            or (start > 0 and toks[start - 1][:1].isalnum()):
        return None
    k = c + 1
    if k < len(toks) and toks[k].lower() in _ROLE_DET:
        k += 1
    j = k
    # a hyphen may join the role's words ("vice-president"; wire copy breaks it as "vice- president");
    # a title may open it in capitals ("Ann Lee, Chairman of the Council on Trade told")
    while j < len(toks) and j - k < 5 and toks[j].replace("-", "").isalpha() and (
            toks[j].islower() or (j == k and toks[j].lower() in TITLES)) and toks[j] not in _CHAIN_PREPS:
        j += 1
    if j == k or not _person_noun(toks[j - 1]):
        return None
    if j < len(toks):
        if toks[j] not in _CHAIN_PREPS or j + 1 == len(toks) or not all(
                _is_name_token(t) or t in ("the", "of", "and", "&", "for", "in", "at", "on") for t in toks[j + 1:]):
            return None
    name, female = clean_name(run)
    return Mention(" ".join(run), name, "name", female) if name else None
