"""Speaker mentions next to a cue: names with titles and appositives, pronouns, role nouns.

Each finder looks at plain text on one side of a cue and returns a :class:`Mention` or None.

>>> speaker_before("Turkish President Recep Tayyip Erdogan").name
'Recep Tayyip Erdogan'
>>> speaker_before("“We will win,” Hugh Hill, a doctor,").name
'Hugh Hill'
>>> speaker_after(" the spokesman.").text
'the spokesman'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimtrack.stages.extract.quotes.cues import CUE, _trie_regex

PRONOUNS = frozenset("he she they it i we you who which".split())
#: titles and offices that precede a name and are not part of it
TITLES = frozenset("""mr mrs ms miss dr prof rev sen sens rep reps gov lt col gen sgt capt cmdr adm
maj cpl pvt det insp supt hon pres st del amb msgr fr president vice secretary senator representative governor
mayor chairman chairwoman chairperson chair chief minister prime foreign deputy ambassador judge
justice general colonel captain sergeant lieutenant commissioner director attorney sheriff
officer coach manager speaker leader leaders spokesman spokeswoman spokesperson candidate nominee
congressman congresswoman councilman councilwoman councillor councilor assemblyman assemblywoman
professor doctor pastor father sister brother king queen prince princess lord lady sir dame
chancellor premier emir sheikh pope cardinal bishop archbishop rabbi imam ceo cfo coo founder
editor executive analyst economist inspector superintendent commander admiral marshal trooper
agent detective former acting interim then mr. rep. sen. gov. republican democrat democratic gop
independent libertarian progressive conservative liberal activist author writer reporter columnist
correspondent host anchor comedian actor actress singer rapper star retired
mp mep msp witness campaigner prosecutor lawyer barrister solicitor historian scientist researcher
striker midfielder defender goalkeeper boss businessman businesswoman billionaire entrepreneur
novelist poet playwright filmmaker director producer designer nurse surgeon physician reverend rt
honourable honorable""".split())  # "Labour MP Jess Phillips", "Witness Tom Hill"
#: capitalised words that start a sentence or a date, not a name
_NOT_NAME = frozenset("""the a an but and or so yet as in on at by for from with to of if when while
after before since though although because then yesterday today tonight earlier later also
still even now last next this that these those there here it its his her their our my your
only among amid across against around behind beyond despite inside outside throughout toward
maybe perhaps would could should will can did does do is are was were has have had why what how
where who whom whose which yes no not never please thanks thank
towards upon within without via per like unlike except during under over into onto
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december meanwhile however instead indeed asked told
said says speaking writing according some many most several few both each every all no not
one two three four five six seven eight nine ten mr mrs ms dr you i i’m i'm we’re we're you’re
you're they’re they're it’s it's i’ve i've we’ve we've i’d i'd i’ll i'll given possibly usually
traditionally additionally currently previously clearly obviously finally recently unfortunately
fortunately ultimately importantly interestingly similarly likewise moreover furthermore
nevertheless nonetheless overall early""".split())
_PARTICLES = frozenset("""de van von der den bin al la le du des da del della di dos das ibn abu ben
y""".split())  # "Compagnie Francaise des Petroles", "Ortega y Gasset"
_SUFFIX = frozenset("jr jr. sr sr. ii iii iv".split())
_DETERMINERS = frozenset("""the a an one another his her their its our my your this that these
those some many several two three four both each other""".split())
# words that cannot end a role noun phrase (verbs, prepositions, adverbs)
_NOT_ROLE_END = frozenset("""is was are were be been being has have had do does did will would can
could should may might must not also just then than that which who whom of in on at by for from
to with as and or but if so very more most much about into over after before under while when
where there here it he she they we i you me him her them us really later again only still even
yes no own""".split())

_ABBR = ("Mr|Mrs|Ms|Dr|Prof|Rev|Sen|Sens|Rep|Reps|Gov|Lt|Col|Gen|Sgt|Capt|Cmdr|Adm|Maj|Cpl|Pvt|"
         "Det|Insp|Supt|Hon|Pres|St|Jr|Sr|Ft|Mt|Sec|Atty|Gens|Del|Amb|Msgr|Fr|Sgt")
_TOKEN = re.compile(r"(?:" + _ABBR + r")\.|[A-Z]\.(?:[A-Z]\.)*|[^\W\d_][\w’'\-]*|\d[\w.,\-]*|[^\w\s]")
#: words between a speaker and the cue: "Smith also said", "officials haven't said"
_ADVERBS = frozenset("""also later then previously recently once has had have would will may might
could should did does do is was were are reportedly repeatedly simply just often again earlier
first never not only always still even further already flatly bluntly publicly privately now
quickly finally openly explicitly frequently famously memorably angrily proudly confidently began
continued went on to""".split())
_NOT_ADVERB_LY = frozenset("family ally rally assembly supply anomaly monopoly bully belly".split())


def _strip_adverbs(left: str) -> str:
    """``left`` without the adverbs and auxiliaries that end it.

    >>> _strip_adverbs("Smith has also repeatedly")
    'Smith'
    >>> _strip_adverbs("officials haven’t")
    'officials'
    """
    end = len(left)
    while True:
        stripped = left[:end].rstrip()
        cut = max(stripped.rfind(" "), stripped.rfind("\n"), stripped.rfind("\t"))
        word = stripped[cut + 1:]
        low = word.lower()
        if not word:
            return stripped
        if low in _ADVERBS or (word.islower() and (
                (low.endswith("ly") and len(low) > 3 and low not in _NOT_ADVERB_LY)
                or low.endswith("n’t") or low.endswith("n't"))):
            if cut < 0:
                return ""
            end = cut
            continue
        return stripped


_PAREN_TAIL = re.compile(r"\s*\([^()]{0,60}\)\s*$")
_NAME_TOKEN = re.compile(r"(?:[A-Z][\w’'\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|O’\w+|O'\w+|Mc\w+)$")


@dataclass(slots=True)
class Mention:
    """A speaker mention: ``text`` as written, ``name`` with titles removed (None for roles and
    pronouns), ``kind`` one of "name", "pronoun", "role"."""

    text: str
    name: str | None
    kind: str
    female: bool | None = None  # from a title or pronoun, when the words tell


#: capitalised reporting verbs in headline style ("Clinton Said …") are not part of a name
_CAP_CUES = frozenset("""said says told tells asked asks added adds wrote writes joked jokes praised
thanked warned warns claims claimed slams slammed blasts blasted rips ripped urges urged calls
called admits admitted denies denied vows vowed""".split())


def _is_name_token(tok: str) -> bool:
    low = tok.lower().rstrip(".")
    if tok in _PARTICLES:
        return True
    if low in _CAP_CUES or low.endswith("’s") or low.endswith("'s"):
        return False
    return bool(_NAME_TOKEN.match(tok)) and any(c.isalpha() for c in tok)


def clean_name(tokens: list[str]) -> tuple[str | None, bool | None]:
    """Cached :func:`_clean_name` (the same runs recur across a feed)."""
    return _clean_name(tuple(tokens))


@lru_cache(maxsize=8192)
def _clean_name(tokens: tuple[str, ...]) -> tuple[str | None, bool | None]:
    """Drop leading titles, sentence words and nationalities; return (name, female?).

    >>> _clean_name(tuple("Turkish President Recep Tayyip Erdogan".split()))
    ('Recep Tayyip Erdogan', None)
    >>> _clean_name(("Mrs.", "Clinton"))
    ('Clinton', True)
    >>> _clean_name(tuple("Federal Open Markets Committee".split()))
    ('Federal Open Markets Committee', None)
    >>> _clean_name(("Ms", "King")), _clean_name(("Prince", "Harry"))
    (('King', True), ('Harry', False))
    """
    female = None
    toks = [t for t in tokens if t]
    # strip everything up to the last title word that is not the last word ("Secretary of
    # State Hillary Clinton", but "Charlie King" and "Mr. King" keep their King)
    last_title = -1
    personal = False
    k = 0
    while k < len(toks):
        low = toks[k].lower().rstrip(".")
        # a gendered title before the name ("Ms King": the last word is her name, not a title)
        if female is None and k < len(toks) - 1:
            if low in _FEMALE_TITLES:
                female = True
            elif low in _MALE_TITLES:
                female = False
        if k < len(toks) - 1 and (low in TITLES or low + "." in TITLES):
            last_title = k
            personal = personal or low in _PERSON_TITLES
            if k + 2 < len(toks) - 1 and toks[k + 1].lower() == "of":
                last_title = k = k + 2
        k += 1
    if last_title >= 0:
        toks = toks[last_title + 1:]
    while toks and (toks[0].lower().rstrip(".") in _NOT_NAME or _GERUND_CAP.match(toks[0])):
        toks = toks[1:]
    while toks and toks[-1].lower() in _SUFFIX and len(toks) > 1:
        toks = toks[:-1]
    # "Merrill Lynch Capital Markets Mario Balletto": an organisation run into a name
    cut = max((k for k, t in enumerate(toks[:-1]) if t.lower().rstrip(".") in _ORG_TAIL), default=-1)
    if cut >= 0 and toks[-1].lower().rstrip(".") not in _ORG_TAIL:  # not "… Markets Committee"
        toks = toks[cut + 1:]
    if toks and toks[-1][-1:] in "’'":
        toks[-1] = toks[-1].rstrip("’'")  # "Ouisa Davis' commentary"
    if not toks or not toks[-1] or toks[-1] in _PARTICLES or toks[-1].lower().rstrip(".") in _STATES:
        return None, female
    if sum(t.isupper() and len(t) > 1 and "." not in t for t in toks) >= 2:
        return None, female  # an all-caps headline, not a name
    if len(toks) == 1 and toks[0].lower().rstrip(".") in TITLES and not personal:
        return None, female
    return " ".join(toks), female


_ORG_TAIL = frozenset("""inc corp co ltd llc plc group bank markets securities capital partners
associates holdings fund funds company corporation institute university association council
committee agency department ministry office times post journal news network""".split())
_FEMALE_TITLES = frozenset("""mrs ms miss congresswoman chairwoman spokeswoman queen princess lady
dame sister councilwoman assemblywoman""".split())
_MALE_TITLES = frozenset("""mr congressman chairman spokesman king prince lord sir father brother
councilman assemblyman""".split())


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


def _name_run_back(toks: list[str]) -> list[str]:
    """The run of name-like tokens at the end of ``toks`` (titles and initials included)."""
    k = len(toks)
    while k > 0 and (_is_name_token(toks[k - 1]) or toks[k - 1].lower() in TITLES):
        k -= 1
    run = toks[k:]
    while run and run[0] in _PARTICLES:
        run = run[1:]
    return run


def _role_back(toks: list[str]) -> list[str] | None:
    """A role noun phrase at the end of ``toks``: determiner + up to 4 words ("the spokesman")."""
    if not toks or toks[-1].lower() in _NOT_ROLE_END or not toks[-1][:1].isalpha():
        return None
    lo = len(toks) - 7
    k = len(toks) - 1
    while k > max(-1, lo):
        t = toks[k]
        if not (t[:1].isalpha() or t[:1].isdigit() or t == "-"):
            return None
        low = t.lower()
        if low in _DETERMINERS or low.endswith("’s") or low.endswith("'s") or t[:1].isdigit():
            if k == len(toks) - 1:
                return None
            if low.endswith(("’s", "'s")) and t[:1].islower():
                # "the group’s president", "the oil company’s spokesman": the determiner too
                j = k
                while j > 0 and k - j < 2 and toks[j - 1][:1].islower() and toks[j - 1].isalpha() \
                        and toks[j - 1].lower() not in _NOT_ROLE_END and toks[j - 1].lower() not in _DETERMINERS:
                    j -= 1
                if j > 0 and toks[j - 1].lower() in _DETERMINERS:
                    return toks[j - 1:]
            return toks[k:]
        if k < len(toks) - 1 and low in _NOT_ROLE_END:
            if k > 0 and _role_joint(toks[k - 1], low, toks[k + 1]):
                lo -= 3  # "the former first lady and senator", "a Department for Education aide"
            else:
                return None
        k -= 1
    return None


#: prepositions that tie a role noun to what it belongs to ("a spokesman for the campaign")
_ROLE_PREPS = frozenset("of for at on from with in to within".split())


def _role_joint(prev: str, word: str, nxt: str) -> bool:
    """A word that joins the parts of one role phrase: "and" between two lower-case nouns,
    "for"/"of" inside a capitalised organisation name.

    >>> _role_joint("lady", "and", "senator"), _role_joint("Department", "for", "Education")
    (True, True)
    >>> _role_joint("Smith", "and", "aides")
    False
    """
    if word == "and":
        return prev.isalpha() and prev.islower() and prev not in _NOT_ROLE_END and \
            nxt[:1].isalpha() and nxt.lower() not in _NOT_ROLE_END and nxt.lower() not in _ROLE_STOP_VERBS
    if word in ("for", "of", "to"):
        return prev[:1].isupper() and nxt[:1].isupper() and prev.isalpha()
    return False


_PLURAL_ROLES = frozenset("""officials officers leaders members executives analysts economists
experts aides advisers advisors sources spokesmen lawmakers investigators prosecutors researchers
scientists doctors lawyers authorities ministers diplomats""".split())
_OF = frozenset("of at from for with".split())
_GERUND_CAP = re.compile(r"^(?:[A-Z][a-z]{3,}ing|Having|Being|Doing|Going|Making|Taking|Getting|"
                         r"Seeing|Saying|Asking|Adding|Using|Giving|Trying|Facing)$")


def _person_like(run: list[str]) -> bool:
    """A name run that reads as a person: a personal title, or a known first name."""
    from claimtrack.stages.extract.quotes.coref import gender_of  # a small cycle: coref uses clean_name

    if any(t.lower().rstrip(".") in _PERSON_TITLES for t in run):
        return True
    name, _ = clean_name(run)
    return gender_of(name) is not None


_PERSON_TITLES = frozenset("""mr mrs ms miss dr sen rep gov lt col gen sgt capt prof rev del amb
president senator governor mayor secretary judge justice""".split())


_ROLE_OPENERS = TITLES | {"head", "vice", "senior", "managing", "general", "official", "partner"}
_ROLE_INNER = frozenset("of for at and in".split())


def _person_before_role(toks: list[str]) -> Mention | None:
    """A person's name then an office in lower case with no commas, as wire copy writes it:
    "Dr Ann Lee head of exploration" -> Ann Lee (the name must read as a person's).

    >>> _person_before_role("Dr Ann Lee head of exploration".split()).name
    'Ann Lee'
    >>> _person_before_role("Acme Oil head office".split()) is None
    True
    >>> _person_before_role("another Ray spokesman".split()), _person_before_role("Ann Ray aide".split())
    (None, None)
    """
    k = len(toks)
    while k > 0 and len(toks) - k < 6 and toks[k - 1].isalpha() and toks[k - 1][:1].islower() and \
            (toks[k - 1].lower() not in _NOT_ROLE_END or toks[k - 1].lower() in _ROLE_INNER):
        k -= 1
    if k == len(toks) or k == 0 or toks[k].lower() not in _ROLE_OPENERS or \
            toks[-1].lower() in _ROLE_INNER or toks[-1].lower() in ("office", "offices"):
        return None
    run = _name_run_back(toks[:k])
    if not run or not _person_like(run):
        return None
    # a first and last name, not after a determiner ("another Ryan spokesperson"), and an
    # office of two words or more unless a personal title tells ("Acme Hardie chairwoman")
    titled = any(t.lower().rstrip(".") in _PERSON_TITLES for t in run)
    if sum(t[:1].isupper() and t.lower().rstrip(".") not in TITLES for t in run) < 2 or \
            (k > len(run) and toks[k - len(run) - 1].lower() in _DETERMINERS) or \
            (len(toks) - k < 2 and not titled):
        return None
    name, female = clean_name(run)
    if not name:
        return None
    return Mention(" ".join(toks[k - len(run):]), name, "name", female)


def _name_mention(toks: list[str], run: list[str]) -> Mention | None:
    """A Mention for the name run ending ``toks``; "Mr. Morgan of the Sierra Club" keeps the
    person, "Bank of America" the whole organisation."""
    k = len(toks) - len(run)
    j = k
    if j > 0 and toks[j - 1].lower() in ("the",):
        j -= 1
    if j > 0 and toks[j - 1].lower() in _OF:
        head = _name_run_back(toks[:j - 1])
        if head and toks[j - 1].lower() == "of" and not _person_like(head):
            run = head + toks[j - 1:k] + run  # an organisation: "Bank of America"
            text = " ".join(run)
            return Mention(text, text, "name", None)
        if head and _person_like(head):
            run = head
        elif not head:
            # "Dr Ann Lee head of exploration at Acme": wire copy with no commas
            person = _person_before_role(toks[:j - 1])
            if person is not None:
                return person
    name, female = clean_name(run)
    if not name:
        # "the Prime Minister", "The President": an office with no name is a role
        if run and run[0].lower() != "the" and k > 0 and toks[k - 1].lower() == "the":
            run = toks[k - 1:]
        if len(run) > 1 and run[0].lower() == "the" and all(t.lower().rstrip(".") in TITLES for t in run[1:]):
            return Mention(" ".join(run), None, "role", female)
        return None
    return Mention(" ".join(run), name, "name", female)


_PREPS = frozenset("of at from in for with by to on near outside inside".split())
#: AP-style state abbreviations, as in "John Smith, 59, of Ashton, Md."
_STATES = frozenset("""ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn
miss mo mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn tex vt va wash w.va wis
wyo d.c""".split())


_RELATIVE_START = re.compile(r"\s*(?:which|who|whose|whom|that|where)\b")


def _appositive(left: str) -> Mention | None:
    """The speaker of "Hugh Hill, a doctor," / "Donna Reed, 59, of Ashton, Md., who …," /
    "His partner, Lawrence B. Cummings," (``left`` ends with the comma before the cue)."""
    body = left[:-1]
    role = None
    for _ in range(6):
        c = body.rfind(",")
        if c < 0:
            break
        head, inside = body[:c], body[c + 1:]
        if any(q in inside for q in "\"“”\x01"):
            break
        m = speaker_before(head)
        if (m is None or m.kind == "name" and m.name and m.name.split()[-1] in TITLES) and role is None:
            # "Acme Steel chairwoman, Ann Lee,": an organisation's office, then the name
            htoks = _tokens(head)
            if htoks and htoks[-1].islower() and htoks[-1] in TITLES:
                itoks = _tokens(inside)
                run = _name_run_back(itoks)
                if len(run) >= 2 and len(run) == len(itoks):
                    name, female = clean_name(run)
                    if name:
                        return Mention(head.strip() + left[c:-1], name, "name", female)
        if m is not None:
            before = _tokens(head[:len(head) - len(m.text)] if head.endswith(m.text) else "")
            while before and before[-1].lower() in ("the", "a", "an"):
                before.pop()
            after_prep = bool(before) and before[-1].lower() in _PREPS
            if m.kind == "name" and not after_prep and (m.name or "").lower().rstrip(".") not in _STATES:
                return Mention(m.text + left[c:-1], m.name, m.kind, m.female)
            if m.kind == "name" and after_prep and role is None:
                # "the festival's director in Leeds, Ann Lee,": a role ending in a place or an
                # organisation, then the person's name
                prefix = head[:len(head) - len(m.text)] if head.endswith(m.text) else ""
                prefix = prefix.rstrip()
                prefix = prefix[:len(prefix) - len(before[-1])] if prefix.endswith(before[-1]) else ""
                pm = speaker_before(prefix) if prefix.strip() else None
                if pm is not None and pm.kind == "role":
                    m = Mention(head[head.rfind(pm.text):] if pm.text in head else m.text, None, "role")
            if m.kind == "pronoun":
                return Mention(m.text + left[c:-1], None, "pronoun", m.female)
            if m.kind == "role" and role is None:
                # "His former partner, Lawrence B. Cummings,": the name is the appositive
                # (also after "the": "The Bishop of Leeds, the Rt Rev Dr Tom Wright,")
                itoks = _tokens(inside)
                if len(itoks) > 2 and itoks[0].lower() == "the" and itoks[1][:1].isupper():
                    itoks = itoks[1:]
                run = _name_run_back(itoks)
                if run and len(run) == len(itoks):
                    name, female = clean_name(run)
                    if name:
                        return Mention(m.text + left[c:-1], name, "name", female)
                # "A spokesman for the firm, which makes soap,": the role, not the clause
                rel = _RELATIVE_START.match(inside)
                role = Mention(m.text + (left[c:-1] if rel is None else ""), None, "role")
        body = head
    return role


def speaker_before(left: str) -> Mention | None:
    """The speaker at the end of ``left`` (the text just before a cue).

    >>> speaker_before("In turn, Putin").name
    'Putin'
    >>> speaker_before("she").kind
    'pronoun'
    >>> speaker_before("Mr. Morgan of the Sierra Club").name
    'Morgan'
    """
    left = _strip_adverbs(left[-300:])
    left = _PAREN_TAIL.sub("", left).rstrip()
    if not left:
        return None
    if left.endswith(","):
        return _appositive(left)
    toks = _tokens(left[-160:])
    if _PARTICIPLE_NEAR_END.search(left, max(0, len(left) - 90)):
        reduced = _reduced_before(toks)
        if reduced is not None:
            return reduced
    if not toks:
        return None
    last = toks[-1]
    low = last.lower()
    if low in PRONOUNS:
        if low in ("who", "which"):
            # "Smith, who ..., said": the antecedent comes before the relative pronoun
            head = left[: len(left) - len(last)].rstrip().rstrip(",").rstrip()
            m = speaker_before(head)
            if m is not None:
                return m
            return Mention(last, None, "pronoun")
        fem = True if low == "she" else False if low == "he" else None
        return Mention(last, None, "pronoun", fem)
    if low.endswith("’s") or low.endswith("'s") or low.endswith("s’") or low.endswith("s'"):
        return None  # a possessive: the cue word is a noun ("Clinton's remark")
    if last[:1].isupper():
        run = _name_run_back(toks)
        if run:
            k = len(toks) - len(run)
            # "Sens. Tom Carper, Dianne Feinstein and Ben Cardin": every name of a list
            # (not one person's offices: "Acme president and chief executive Jo Ray")
            if k > 1 and toks[k - 1].lower() == "and" and not (
                    toks[k - 2].islower() and toks[k - 2] in TITLES):
                j, names = k - 1, [run]
                while j > 0:
                    prev = _name_run_back(toks[:j])
                    if not prev:
                        break
                    names.insert(0, prev)
                    j -= len(prev)
                    if j > 0 and toks[j - 1] == ",":
                        j -= 1
                        continue
                    break
                if len(names) > 1:
                    cleaned = [clean_name(n)[0] for n in names]
                    if all(cleaned):
                        text = ", ".join(" ".join(n) for n in names[:-1]) + " and " + " ".join(run)
                        return Mention(text, ", ".join(cleaned[:-1]) + " and " + cleaned[-1], "group")
            # "Officials at Homeland Security", "the finance ministers of the G20": the head
            j = k
            if j > 0 and toks[j - 1].lower() == "the":
                j -= 1
            if j > 1 and toks[j - 1].lower() in ("of", "at", "for") and toks[j - 2][:1].isalpha():
                head = toks[:j - 1]
                role = _role_back(head)
                if role is None and head and head[-1].lower().endswith("s") and head[-1][:1].isupper() \
                        and head[-1].lower() in _PLURAL_ROLES:
                    role = [head[-1]]
                if role:
                    return Mention(" ".join(role + toks[j - 1:]), None, "role")
            return _name_mention(toks, run)
        return None
    if last[:1].islower():
        person = _person_before_role(toks)
        if person is not None:
            return person
    role = _role_back(toks)
    if role:
        # "the finance ministers of the G20 economies": keep the head before "of"
        # "A spokesman for the campaign", "a source close to the talks": the head before
        # the preposition is the speaker
        k = len(toks) - len(role)
        if k > 1 and toks[k - 1].lower() in _ROLE_PREPS:
            j = k - 1
            if toks[j].lower() == "to" and toks[j - 1].lower() == "close":
                j -= 1
            # (or a bare plural: "Notes of the meeting", "officials at the agency")
            head = (_role_back(toks[:j]) or _bare_plural_back(toks[:j])) if j > 0 else None
            if head:
                role = head + toks[j:]
        return Mention(" ".join(role), None, "role")
    if low in ("one", "another") and (len(toks) == 1 or not toks[-2][:1].isalpha()):
        return Mention(last, None, "role")  # '"…," one said.'

    plural = _bare_plural_back(toks)
    return Mention(" ".join(plural), None, "role") if plural else None


#: participles that open a reduced relative clause after a record or a group
_PARTICIPLES = frozenset("""released issued published filed obtained conducted commissioned
prepared compiled leaked unsealed submitted posted sent written seen reviewed presented produced
carried signed made cited quoted circulated distributed funded sponsored""".split())
_PARTICIPLE_NEAR_END = re.compile(r"\b(?:" + _trie_regex(sorted(_PARTICIPLES)) + r")\b")
_TIME_LEAD = frozenset("on in last this early late earlier".split())
#: heads that can be the source of words (for a record named by a capitalised first word)
RECORD_NOUNS = frozenset("""records record documents document disclosures disclosure filings filing
data figures statistics numbers notes minutes emails email e-mails messages texts transcripts
transcript files papers logs reports report polls poll surveys survey study studies results audio
video footage recording recordings tapes memo memos letters letter receipts documentation
analysis audit review investigation complaint indictment evidence archives cables research
findings testimony""".split())


def _reduced_tail(toks: list[str], i: int) -> int:
    """End of a reduced relative clause that starts at ``toks[i]``: a participle with an agent
    ("filed by the EPA") and/or a time ("released last year"); ``i`` when there is none.

    >>> t = "report released by the EPA last week found".split()
    >>> t[1:_reduced_tail(t, 1)]
    ['released', 'by', 'the', 'EPA', 'last', 'week']
    >>> t = "report released the names".split()
    >>> _reduced_tail(t, 1)
    1
    """
    if toks[i].lower() not in _PARTICIPLES:
        return i
    j = i + 1
    if j < len(toks) and toks[j].lower() in ("out", "up") and toks[i].lower() == "carried":
        j += 1
    found = False
    if j < len(toks) and toks[j] == "by":
        k = j + 1
        if k < len(toks) and toks[k].lower() == "the":
            k += 1
        n = 0
        while k < len(toks) and n < 6 and (_NAME_TOKEN.match(toks[k]) or (
                n and toks[k] in ("of", "for", "and", "on") and k + 1 < len(toks)
                and toks[k + 1][:1].isupper())):
            if toks[k].lower() in _TIME_WORDS:
                break
            k += 1
            n += 1
        # the agent ends the clause: "by the EPA last week", "by Acme found" (not "by
        # Paris-based research firm Acme", "by the Acme news agency")
        if n and "-" not in toks[k - 1] and (k >= len(toks) or _ends_agent(toks[k])):
            j, found = k, True
    k = j
    if k < len(toks) and toks[k].lower() in _TIME_LEAD:
        k += 1
    if k < len(toks) and toks[k].lower() in _TIME_WORDS and (k > j or toks[k][:1].isupper()
                                                          or toks[k].lower() in ("today", "yesterday")):
        j, found = k + 1, True
    return j if found else i


def _ends_agent(tok: str) -> bool:
    """A token that can follow the agent of a reduced relative: punctuation, a time, a verb."""
    low = tok.lower()
    return not tok[:1].isalpha() or low in _TIME_LEAD or low in _TIME_WORDS or \
        low.endswith("ed") or low in _ROLE_STOP_VERBS or CUE.fullmatch(tok) is not None


def _reduced_before(toks: list[str]) -> Mention | None:
    """A record or group with a reduced relative clause right before a cue: "Research
    conducted by the EPA last year", "notes released Monday" (a role, as written).

    >>> _reduced_before("Research carried out by the EPA last year".split()).text
    'Research carried out by the EPA last year'
    >>> _reduced_before("Jo Park said".split()) is None
    True
    """
    for i in range(len(toks) - 1, max(0, len(toks) - 12), -1):
        if toks[i].lower() in _PARTICIPLES and _reduced_tail(toks, i) == len(toks):
            head = speaker_before(" ".join(toks[:i]))
            if head is None:
                return None
            words = head.text.split()
            if head.kind == "role" or (head.kind == "name" and len(words) == 1
                                       and words[0].lower() in RECORD_NOUNS):
                return Mention(head.text + " " + " ".join(toks[i:]), None, "role")
            return None
    return None


_ACRONYM = re.compile(r"[A-Z]{2,5}$")


def _bare_plural_back(toks: list[str]) -> list[str] | None:
    """A bare plural at the end of ``toks``: "officials", "other law enforcement officials",
    "52 percent of registered voters".

    >>> _bare_plural_back(["Then", "local", "officials"]), _bare_plural_back(["Notes"])
    (['local', 'officials'], ['Notes'])
    """
    if not toks:
        return None
    low = toks[-1].lower()
    if low.endswith("s") and not low.endswith("ss") and low not in _NOT_ROLE_END and len(low) > 3 \
            and toks[-1][:1].isalpha():
        k = len(toks) - 1
        while k > 0 and len(toks) - k < 4 and toks[k - 1][:1].islower() and toks[k - 1].isalpha() \
                and toks[k - 1].lower() not in _NOT_ROLE_END:
            if toks[k - 1].endswith("ed") and k > 1 and toks[k - 2].lower() not in _NOT_NAME and (
                    toks[k - 2][:1].isupper() or toks[k - 2].lower() in PRONOUNS):
                return toks[k:]  # "Protesters carried signs": a verb, not "elected officials"
            k -= 1
        if k > 1 and toks[k - 1].lower() == "of":
            # "52 percent of registered voters", "most of the protesters"
            head = _role_back(toks[:k - 1])
            if head:
                return head + toks[k - 1:]
        if k > 0 and _ACRONYM.match(toks[k - 1]):
            k -= 1  # "FBI notes", "EU officials"
        if k == 0 or not toks[k - 1][:1].islower() or toks[k - 1].lower() in ("and", "but", "that"):
            return toks[k:]
    return None


_TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday
tonight recently later earlier then once week month year morning afternoon evening night weekend
january february march april june july august september october november december""".split())
_AFTER_DETERMINERS = _DETERMINERS - {"this", "that", "these", "those", "two", "three",
                                     "four", "both", "each", "many", "some", "several"}
_ROLE_STOP_VERBS = frozenset("""makes says has gets takes gives goes sees uses puts calls tells adds
notes writes argues claims is was are were will would said told sent made took gave got went came
saw wrote put set left held brought thought found kept met ran read began became spoke reads
closes shows finds""".split())
# after a verb in -s, these start its object: "The article closes with …", "the letter reads:"
_OBJECT_START = frozenset("""the a an his her their its our my your this that these those with to
on at in for about from by""".split())


def speaker_after(right: str, subject: bool = False) -> Mention | None:
    """The speaker at the start of ``right`` (the text just after a cue), as in "said Erdogan",
    or the subject at the start of a sentence (``subject=True``).

    >>> speaker_after(" Turkish President Recep Tayyip Erdogan, adding").name
    'Recep Tayyip Erdogan'
    >>> speaker_after(" Clinton press secretary Brian Fallon issues a statement").name
    'Brian Fallon'
    """
    toks = _tokens(right[:160])
    k = 0
    # "said Monday", "said on Tuesday": skip a short time phrase
    while k < len(toks) and k < 3 and (toks[k].lower() in _TIME_WORDS or (
            toks[k].lower() in ("on", "in", "at", "during", "last", "this", "early", "late") and
            k + 1 < len(toks) and toks[k + 1].lower() in _TIME_WORDS)):
        k += 1
    toks = toks[k:]
    if not toks:
        return None
    first = toks[0]
    low = first.lower()
    # "said it was" has no speaker "it"; as a sentence subject, "it" and "they" speak
    if low in PRONOUNS and low not in ("who", "which", "you") and (subject or low != "it"):
        fem = True if low == "she" else False if low == "he" else None
        return Mention(first, None, "pronoun", fem)
    if low in (_DETERMINERS if subject else _AFTER_DETERMINERS) or low.endswith("’s") \
            or low.endswith("'s"):
        role = [first]
        pp = False
        for i, t in enumerate(toks[1:10], 1):
            tl = t.lower()
            # one prepositional phrase after the head: "a spokesman for the campaign",
            # "one source on the panel", "a source close to the talks" (not "on Monday")
            if not pp and len(role) > 1 and (role[-1][:1].islower() or role[-1].lower() in TITLES) \
                    and i + 1 < len(toks) and \
                    not low.endswith(("’s", "'s")) and \
                    (tl in _ROLE_PREPS - {"to"} or (tl == "to" and role[-1] == "close")) and \
                    (toks[i + 1].lower() in _DETERMINERS or toks[i + 1][:1].isupper()) and \
                    toks[i + 1].lower() not in _TIME_WORDS:
                pp = True
                role.append(t)
                continue
            if tl in _NOT_ROLE_END and i + 1 < len(toks) and _role_joint(role[-1], tl, toks[i + 1]) \
                    and (tl != "and" or not toks[i + 1].endswith(("ed", "ly"))):
                role.append(t)  # "The candidate’s son and top adviser", "the Alliance for Schools"
                continue
            if len(role) > 1 and tl in _PARTICIPLES:
                # "a county audit released last month", "research conducted by the EOC"
                j = _reduced_tail(toks, i)
                if j > i:
                    role.extend(toks[i:j])
                    pp = True  # its capitalised words are the agent, not the speaker's name
                    break
            if not t[:1].isalnum() or tl in _NOT_ROLE_END or tl in _ROLE_STOP_VERBS or \
                    (len(role) > 1 and (tl.endswith("ed") or tl.endswith("ly"))):
                break
            # "The article closes with": a verb in -s after a lower-case noun (not after a
            # possessive: "the club’s rules" is the thing owned)
            if len(role) > 1 and tl.endswith("s") and role[-1][:1].islower() and t[:1].islower() and \
                    not role[-1].endswith(("’s", "'s")) and role[-1] not in _ROLE_PREPS and \
                    (i + 1 >= len(toks) or not toks[i + 1][:1].isalpha()
                     or toks[i + 1].lower() in _OBJECT_START):
                break
            role.append(t)
        if len(role) == 1 and low in ("one", "another"):
            return Mention(first, None, "role")  # '"…," said another.'
        if len(role) > 1:
            while len(role) > 2 and (role[-1] in _ROLE_PREPS or role[-1] in _DETERMINERS):
                role.pop()  # a dangling "for the"
            # a capitalised tail is a name with a title: "the Rev. Al Sharpton"
            if role[-1][:1].isupper() and not pp:
                run = []
                for t in role[1:]:
                    if _is_name_token(t) or t.lower() in TITLES or (run and t in ("for", "of", "to")):
                        run.append(t)
                    else:
                        run = []
                name, female = clean_name(run)
                if name:
                    return Mention(" ".join(role), name, "name", female)
            return Mention(" ".join(role), None, "role")
        return None
    if first[:1].islower() and first.isalpha():
        # "says psychologist Vaile Wright", "said Democratic strategist Joe Trippi"
        j = 0
        while j < len(toks) and j < 3 and toks[j][:1].islower() and toks[j].isalpha() \
                and toks[j].lower() not in _NOT_ROLE_END:
            j += 1
        if 0 < j < len(toks) and toks[j][:1].isupper():
            m = speaker_after(" ".join(toks[j:]))
            if m is not None and m.kind == "name":
                return Mention(" ".join(toks[:j]) + " " + m.text, m.name, "name", m.female)
        return None
    if first[:1].isupper():
        i = 0
        run: list[str] = []
        while i < len(toks):
            while i < len(toks) and (_is_name_token(toks[i]) or toks[i].lower() in TITLES):
                run.append(toks[i])
                i += 1
                # "Alliance to Reclaim Our Schools": an organisation's name runs on
                if i + 1 < len(toks) and toks[i] in ("to", "for", "and") and \
                        _is_name_token(toks[i + 1]) and not _person_like(run):
                    run.append(toks[i])
                    i += 1
                # "Secretary of State Hillary Clinton"
                if i + 2 < len(toks) and toks[i].lower() == "of" and run[-1].lower() in TITLES \
                        and toks[i + 1][:1].isupper() and _is_name_token(toks[i + 2]):
                    run += toks[i:i + 2]
                    i += 2
            # "Clinton press secretary Brian Fallon": lower-case office words, then the name;
            # "Clinton’s campaign manager Robby Mook", "Labour’s Jess Phillips": past a possessor
            j = i
            if run and j + 1 < len(toks) and toks[j][:1].isupper() and toks[j][-2:] in ("’s", "'s"):
                j += 1
                while j < len(toks) and j - i < 4 and toks[j][:1].islower() and toks[j].isalpha():
                    j += 1
                if j < len(toks) and _is_name_token(toks[j]) and toks[j][:1].isupper() and \
                        (j == i + 1 or toks[j - 1].lower() in TITLES):
                    run = []
                    i = j
                    continue
                j = i
            while j < len(toks) and j - i < 3 and toks[j][:1].islower() and toks[j].isalpha():
                j += 1
            if j > i and j < len(toks) and toks[j - 1].lower() in TITLES and toks[j][:1].isupper():
                run = []
                i = j
                continue
            break
        name, female = clean_name(run)
        if name:
            return Mention(" ".join(toks[:i]), name, "name", female)
    return None
