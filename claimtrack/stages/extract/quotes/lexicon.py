"""Word classes the speaker finders share: titles, words that are never names, first names by
gender, places, times, record and organisation heads. A module of its own so that the name
finders (``names``, ``speakers``) and coreference (``coref``) both read it without importing
each other.

>>> gender_of("Hillary Clinton"), is_place("Wall Street"), "thursday" in _TIME_WORDS
(True, True, True)
"""
from __future__ import annotations

from functools import lru_cache

import names as census_names


PRONOUNS = frozenset("he she they it i we you who which".split())


#: titles and offices that precede a name and are not part of it
TITLES = frozenset("""mr mrs ms miss dr prof rev sen sens rep reps gov lt col gen sgt capt cmdr adm
maj cpl pvt det insp supt hon pres st del amb msgr fr president vice secretary undersecretary senator representative governor
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
nevertheless nonetheless overall early more whatever whoever whenever wherever whichever whether
just once unless until almost already otherwise often sometimes anyway thus hence therefore nor
any none nobody nothing everyone everybody everything someone somebody something anyone anybody
anything neither either""".split())  # indefinite pronouns: "None more so than X." names no one


_PARTICLES = frozenset("""de van von der den bin al la le du des da del della di dos das ibn abu ben
y""".split())  # "Compagnie Maritime des Iles", "Ortega y Gasset"


_SUFFIX = frozenset("jr jr. sr sr. ii iii iv".split())


_DETERMINERS = frozenset("""the a an one another his her their its our my your this that these
those some many several two three four both each other""".split())


# words that cannot end a role noun phrase (verbs, prepositions, adverbs)
_NOT_ROLE_END = frozenset("""is was are were be been being has have had do does did will would can
could should may might must not also just then than that which who whom of in on at by for from
to with as and or but if so very more most much about into over after before under while when
where there here it he she they we i you me him her them us really later again only still even
yes no own""".split())


#: capitalised reporting verbs in headline style ("Clinton Said …") are not part of a name
_CAP_CUES = frozenset("""said says told tells asked asks added adds wrote writes joked jokes praised
thanked warned warns claims claimed slams slammed blasts blasted rips ripped urges urged calls
called admits admitted denies denied vows vowed""".split())


_ORG_TAIL = frozenset("""inc corp co ltd llc plc group bank markets securities capital partners
associates holdings fund funds company corporation institute university association council
committee agency department ministry office times post journal news network commission
authority board federation foundation""".split())


_FEMALE_TITLES = frozenset("""mrs ms miss congresswoman chairwoman spokeswoman queen princess lady
dame sister councilwoman assemblywoman""".split())


_MALE_TITLES = frozenset("""mr congressman chairman spokesman king prince lord sir father brother
councilman assemblyman""".split())


_PERSON_TITLES = frozenset("""mr mrs ms miss dr sen rep gov lt col gen sgt capt prof rev del amb
president senator governor mayor secretary judge justice""".split())


#: AP-style state abbreviations, as in "John Smith, 59, of Ashton, Md."
_STATES = frozenset("""ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn
miss mo mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn tex vt va wash w.va wis
wyo d.c""".split())


#: participles that open a reduced relative clause after a record or a group
_PARTICIPLES = frozenset("""released issued published filed obtained conducted commissioned
prepared compiled leaked unsealed submitted posted sent written seen reviewed presented produced
carried signed made cited quoted circulated distributed funded sponsored""".split())


#: heads that can be the source of words (for a record named by a capitalised first word)
RECORD_NOUNS = frozenset("""records record documents document disclosures disclosure filings filing
data figures statistics numbers notes minutes emails email e-mails messages texts transcripts
transcript files papers logs reports report polls poll surveys survey study studies results audio
video footage recording recordings tapes memo memos letters letter receipts documentation
analysis audit review investigation complaint indictment evidence archives cables research
findings testimony""".split())


_TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today yesterday
tonight recently later earlier then once week month year morning afternoon evening night weekend
january february march april june july august september october november december""".split())


_ROLE_STOP_VERBS = frozenset("""makes says has gets takes gives goes sees uses puts calls tells adds
notes writes argues claims is was are were will would said told sent made took gave got went came
saw wrote put set left held brought thought found kept met ran read began became spoke reads
closes shows finds""".split())


_SPEAKING_NOUNS = frozenset("""report reports statement statements survey study poll polls article
piece letter email emails memo ad ads spot complaint lawsuit document documents campaign committee
group panel board agency court ruling filing order bill platform book column editorial story
video tweet post speech interview transcript notes note indictment analysis review paper
website site page network newspaper magazine commission party police army team host chief staff
aide aides source sources spokesman spokeswoman son sons daughter daughters wife husband mother
father brother sister friend friends man woman men women boy girl child children people person
family parents critics activists protesters students residents citizens fans crowd audience
officials police audit audits testimony filings disclosures minutes investigation investigations
inquiry inquiries probe analyst analysts expert experts groups panels boards agencies committees
union unions""".split())


_ORG_WORDS = frozenset("""house party committee department campaign post times news agency office
service bureau council court university institute association union foundation center centre
group company corp inc bank fund organization organisation ministry commission network club
board team administration government police army senate congress parliament republicans
democrats journal tribune press reuters report survey workers voters employees union inquiry
trust authority labour tory tories conservatives liberals dems
ltd plc llc gmbh""".split())  # a firm's legal form ends its name: "Northwind Ltd" is an "it"


# common first names, for the gender of a name when no title or pronoun tells
_FEMALE = frozenset("""mary patricia jennifer linda elizabeth barbara susan jessica sarah karen
nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela
emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather
diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan
andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean
abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa
diana natalie brittany charlotte marie kayla alexis lori hillary hilary chelsea ivanka melania
michelle nikki elaine sheila theresa angela marine ursula kamala nancy condoleezza madeleine
jill tulsi elise kellyanne huma hope kate claire jane anne fiona nicola priti yvette harriet
katie kathy cathy sue susie wendy tina tracy tracey stacy stacey lucy molly holly sally polly
jenny jennie jessie josie rosie ella ellie chloe sophie zoe amelia ava mia lily ruby isla freya
eleanor alison allison caroline carole kristen kirsten kristin erin leah rebekah naomi miriam
esther eva gina nina lena lesley paula pauline louise joanne joanna beth bethany
meghan meagan maggie peggy annie vicky vickie becky bonnie jackie jacqui  marion maureen
colleen kathleen eileen irene sheryl shelley gemma lynn lynne lydia hazel ruth ashlee""".split())


_MALE = frozenset("""james robert john michael david william richard joseph thomas charles
christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler
aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith
roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe
bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell
bobby mason philip louis barack bernie bill mike mitt ted marco chris newt rudy rand jeb ben
vladimir recep tayyip xi emmanuel boris tony gordon nigel jeremy rishi keir angela hugh tim
reince jared eric rex jim tom dick harry bob ron rick tommy jimmy johnny ken ed sam mohammed muhammad
ahmed mahmoud mario luigi carlos luis jorge pedro javier diego pablo miguel antonio francisco
hans klaus juergen dieter wolfgang pierre jean jacques francois nicolas sergei dmitry ivan
yuri alexei mikhail viktor jake luke matt nick nathan dan danny andy andrew drew greg jeff
josh zach max simon neil nigel graham ian alan colin craig stuart stewart derek duncan
martin kevin kenny leo oliver harry charlie liam connor callum ross rory owen evan
gavin glenn glen hank howard lloyd marcus mitch norman  phil ray reggie rob robbie rodney
ronnie russ seth shane spencer stan steve stevie todd trevor troy vince  warren wes
chuck clint curtis dale darren dave  doug  eddie fred   hugo jerome jon""".split()) - _FEMALE


_PLACE_WORDS = frozenset("""street avenue road square states kingdom nations republic city county
state province island islands river valley mountains park hall center centre airport station
bridge society club america europe africa asia columbia korea arabia emirates zealand africa
coast bay beach heights village town""".split())


_PLACE_FIRST = frozenset("""new los san santa las saint st. fort port mount lake north south east west
upper lower greater""".split())


#: capitalised words that name a body, a building or a place and never a person's name: a run
#: holding one ("Senate Farm Appropriations", "Westminster Cathedral", "Holy Land") is no "he"
_NOT_PERSON_WORDS = _ORG_WORDS | _PLACE_WORDS | frozenset("""church cathedral chapel abbey mosque
temple synagogue cabinet assembly parliament senate congress appropriations agriculture treasury
ministry exchequer land lands army navy force forces sea ocean lake mountain hills palace castle
school college academy museum gallery theatre theater stadium hospital prison airlines airways
motors industries holdings systems technologies communications energy oil gas petroleum
electric airport media index exchange stock bourse market markets securities""".split())


def person_named(name: str) -> bool:
    """A name that a "he" or "she" can stand for: a known first name, or no word of it names a
    body or a place.

    >>> person_named("Holy Land"), person_named("Farm Appropriations Committee"), person_named("Lee")
    (False, False, True)
    >>> person_named("Frank Church"), person_named("Whatever")
    (True, False)
    """
    words = [w.lower().strip(".,’'") for w in name.split()]
    if not words or words[0] in _NOT_NAME:
        return False
    if gender_of(name) is not None:
        return True
    return not any(w in _NOT_PERSON_WORDS for w in words) and not is_place(name)


def is_place(name: str) -> bool:
    """A name that ends like a place or an institution, never a "he" or "she".

    >>> is_place("Wall Street"), is_place("New York"), is_place("Ann Lee")
    (True, True, False)
    """
    words = name.lower().split()
    return words[-1] in _PLACE_WORDS or (len(words) == 2 and words[0] in _PLACE_FIRST) or is_country(name)


def gender_of(name: str | None) -> bool | None:
    """True for a female first name, False for male, None when unknown.

    >>> gender_of("Hillary Clinton"), gender_of("Donald Trump"), gender_of("Clinton")
    (True, False, None)
    >>> gender_of("Imelda Reyes"), gender_of("Bernard Laporte"), gender_of("Li Wei")
    (True, False, None)
    """
    if not name:
        return None
    first = name.split()[0].lower().rstrip(".")
    if first in _FEMALE:
        return True
    if first in _MALE:
        return False
    if " " not in name.strip():
        return None  # one word is as likely a surname ("Clinton") as a first name
    female_shares, male_shares = _census_first_names()
    female, male = float(female_shares.get(first, "0")), float(male_shares.get(first, "0"))
    # a name the census gives to both sexes counts only when one is four times as common; a
    # name borne by fewer than 1 in 10,000 ("Li" of "Li Wei", a surname first) tells nothing
    if female + male < 0.01:
        return None
    if female > 4 * male:
        return True
    if male > 4 * female:
        return False
    return None


@lru_cache(maxsize=1)
def _census_first_names() -> tuple[dict[str, str], dict[str, str]]:
    """First name -> the share of women, and of men, who bear it (as written: a share is read
    as a number only for the names asked about), from the US census lists that the ``names``
    package ships (5,500 names), read once when a name first needs them."""
    return _name_shares(census_names.FILES["first:female"]), _name_shares(census_names.FILES["first:male"])


def _name_shares(path: str) -> dict[str, str]:
    """Name (lower case) -> share (as written) from one census list, whose lines read "MARY
    2.629  2.629  1". Each worker reads the lists once, and that cost it about 1% of
    extracting 300 articles: the file is read whole, and no share is converted up front.

    >>> import os, tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".first", delete=False) as fh:
    ...     _ = fh.write("MARY   2.629  2.629  1\\nANNA   0.5  3.1  2\\n\\nODD\\n")
    >>> _name_shares(fh.name)
    {'mary': '2.629', 'anna': '0.5'}
    >>> os.remove(fh.name)
    """
    with open(path, encoding="ascii") as fh:
        lines = fh.read().lower().split("\n")  # (ASCII: lower case is the names' lower case)
    return {parts[0]: parts[1] for parts in map(str.split, lines) if len(parts) >= 2}


#: offices that are never a surname: a name run ending in one is a role ("Aviation Minister",
#: "Health Secretary"), unlike "Charlie King" or "Ann Bishop"
OFFICES = frozenset("""minister ministers secretary spokesman spokeswoman spokesperson chairman
chairwoman chairperson ceo cfo coo commissioner ambassador president governor senator
congressman congresswoman director superintendent premier chancellor""".split())

#: words that name a time or a page's furniture and never a person or an organisation:
#: "Thursday", "TV", "Video", "Watch" (May, June, April and August are also first or last names)
_NEVER_SPEAKER = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march september october november december today yesterday tonight tomorrow weekend
tv video videos photo photos picture pictures image images watch audio podcast update updated
updates breaking exclusive gallery graphic graphics map maps chart charts explainer factbox
timeline newsletter subscribe advertisement sponsored footage""".split())

#: countries (and a few regions spoken of like one), as places: "authorities in China" are the
#: speaker, not China; no "he" or "she" is a country
COUNTRIES = frozenset(c.strip() for c in """afghanistan, albania, algeria, andorra, angola,
argentina, armenia, australia, austria, azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus,
belgium, belize, benin, bhutan, bolivia, bosnia, botswana, brazil, brunei, bulgaria, burkina faso,
burundi, cambodia, cameroon, canada, chad, chile, china, colombia, comoros, congo, costa rica,
croatia, cuba, cyprus, czech republic, czechia, denmark, djibouti, dominica, ecuador, egypt,
el salvador, eritrea, estonia, eswatini, ethiopia, fiji, finland, france, gabon, gambia, georgia,
germany, ghana, greece, grenada, guatemala, guinea, guyana, haiti, honduras, hungary, iceland,
india, indonesia, iran, iraq, ireland, israel, italy, jamaica, japan, jordan, kazakhstan, kenya,
kiribati, kosovo, kuwait, kyrgyzstan, laos, latvia, lebanon, lesotho, liberia, libya,
liechtenstein, lithuania, luxembourg, madagascar, malawi, malaysia, maldives, mali, malta,
mauritania, mauritius, mexico, moldova, monaco, mongolia, montenegro, morocco, mozambique,
myanmar, burma, namibia, nauru, nepal, netherlands, holland, new zealand, nicaragua, niger,
nigeria, north korea, south korea, korea, north macedonia, macedonia, norway, oman, pakistan,
palau, palestine, panama, papua new guinea, paraguay, peru, philippines, poland, portugal, qatar,
romania, russia, rwanda, samoa, san marino, saudi arabia, senegal, serbia, seychelles,
sierra leone, singapore, slovakia, slovenia, somalia, south africa, south sudan, spain,
sri lanka, sudan, suriname, sweden, switzerland, syria, taiwan, tajikistan, tanzania, thailand,
togo, tonga, trinidad, tunisia, turkey, turkmenistan, tuvalu, uganda, ukraine,
united arab emirates, uae, united kingdom, uk, britain, great britain, england, scotland, wales,
united states, us, usa, america, uruguay, uzbekistan, vanuatu, vatican, venezuela, vietnam,
yemen, zambia, zimbabwe, gaza, crimea, tibet, hong kong, europe, africa, asia""".split(","))


#: the states of the US, written out: "in Greenbelt, Maryland," is a place in an appositive
US_STATES = frozenset(c.strip() for c in """alabama, alaska, arizona, arkansas, california,
colorado, connecticut, delaware, florida, georgia, hawaii, idaho, illinois, indiana, iowa, kansas,
kentucky, louisiana, maine, maryland, massachusetts, michigan, minnesota, mississippi, missouri,
montana, nebraska, nevada, new hampshire, new jersey, new mexico, new york, north carolina,
north dakota, ohio, oklahoma, oregon, pennsylvania, rhode island, south carolina, south dakota,
tennessee, texas, utah, vermont, virginia, washington, west virginia, wisconsin, wyoming,
d.c""".split(","))


def never_speaker(name: str | None) -> bool:
    """A "name" whose every word is a time or a page word: never a speaker.

    >>> never_speaker("Thursday"), never_speaker("TV"), never_speaker("Human Rights Watch"), never_speaker("May")
    (True, True, False, False)
    """
    if not name:
        return True
    return all(w.lower().strip(".,’'") in _NEVER_SPEAKER for w in name.split())


def is_country(name: str | None) -> bool:
    """A country (or "the US"), spoken of as a place or a state.

    >>> is_country("China"), is_country("the United States"), is_country("Jo China")
    (True, True, False)
    """
    if not name:
        return False
    low = name.lower().strip(" .,")
    if low.startswith("the "):
        low = low[4:]
    return low.replace(".", "") in COUNTRIES


_PARTY_NOUNS = frozenset("democrat republican tory conservative socialist".split())


#: nouns for one person of a nation, as sports and foreign news refer back to someone just named
#: ("the Argentine", "the Frenchman"): a lexical class, not a list of people
DEMONYMS = frozenset("""american argentine argentinian australian austrian belarusian belgian brazilian
briton bulgarian cameroonian canadian chilean chinese colombian croat croatian cuban cypriot czech
dane dutchman egyptian englishman englishwoman estonian ethiopian filipino finn frenchman
frenchwoman georgian german ghanaian greek hungarian icelander indian indonesian iranian iraqi
irishman irishwoman israeli italian ivorian jamaican japanese kenyan korean latvian lithuanian
malaysian mexican moroccan nigerian norwegian pakistani paraguayan peruvian pole portuguese
romanian russian scot scotsman scotswoman senegalese serb serbian slovak slovakian slovenian
spaniard swede swiss syrian thai tunisian turk ukrainian uruguayan venezuelan welshman
welshwoman zambian zimbabwean""".split())


def demonym_epithet(phrase: str | None) -> bool:
    """One person named by nation, "the Argentine", "the Frenchman": the person just named (not
    "the Americans", "an Italian" or "the German government").

    >>> demonym_epithet("the Argentine"), demonym_epithet("The Frenchman"), demonym_epithet("the Americans")
    (True, True, False)
    >>> demonym_epithet("an Italian"), demonym_epithet("the German government")
    (False, False)
    """
    words = (phrase or "").split()
    return len(words) == 2 and words[0].lower() == "the" and words[1][:1].isupper() and \
        words[1].lower() in DEMONYMS


def party_epithet(phrase: str) -> bool:
    """A party member named by party and home state or country, as wire copy refers back to a
    politician just named: "the Texas Democrat", "the New Jersey Democrat", "the Republican".

    >>> party_epithet("the Texas Democrat"), party_epithet("New Jersey Democrat"), party_epithet("the Republican")
    (True, True, True)
    >>> party_epithet("Ann Democrat"), party_epithet("the Democrats")
    (False, False)
    """
    words = phrase.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or words[-1].lower() not in _PARTY_NOUNS or not words[-1][:1].isupper():
        return False
    where = " ".join(words[:-1]).lower()
    return not where or where in US_STATES or where.rstrip(".") in _STATES or is_country(where.title())
