"""Who is who in one document: every name under its canonical form.

Built once per document, in three passes:

1. acronyms the text defines: "Partnership for Peace (PfP)";
2. people's full names, their offices ("Javier Solana, the Secretary General
   of NATO", "President Ilham Aliyev"), their terms ("Robert Simmons
   (2004–2010)", "his rise to power in 2003");
3. each sentence's names resolved: "Mr. Solana" and "I. Aliyev" to the full
   name the text gives, "the President of Azerbaijan" to whoever held the
   office on the event's date, "he", "the latter", "the country" to what
   they refer to, acronyms to their long form.
"""
from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from annals.data import load
from annals.model import Actor, Document
from annals.read.capitals import english_word
from annals.resolve.entities import Parse, join_entities
from annals.resolve.gazetteer import Entry, Gazetteer, fold, gazetteer
from annals.resolve.names import Name, find_names, inner_names, surname_key
from annals.resolve.states import declared_states
from annals.time.anchor import is_dateline
from annals.time.edtf import year_of

__all__ = ["DocumentActors", "office_key"]

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z&]{1,9}(?:[-/][A-Z]{1,3})?)\)")
# "The Patriotic Salvation Front, the PSF, was founded": an acronym given in apposition
_APPOSED_ACRONYM = re.compile(r",\s+(?:the\s+)?([A-Z]{2,9})(?=\s*,)")
# Two parties of one joint act: "X and the Y signed", "talks between X and Y".
_AND_THE = re.compile(r"(?:\s*\([^)]{1,12}\))?\s+and\s+(?:the\s+)?")
_PAIR_TITLE = re.compile(r"[A-Z][\w.]*\s?[–—-]\s?[A-Z]")  # "A–B relations", "Belizean–Guatemalan dispute"
_BETWEEN = re.compile(r"\b(?:talks|negotiations|dialogue|agreement|accord|treaty|deal|process)\s+(?:[\w-]+\s+){0,3}?"
                      r"between\s+(?:the\s+)?$")
_JOINT_VERB = re.compile(r"^[^.;]{0,100}?\b(?:signed|agreed|concluded|negotiated|reached|began talks|held talks)\b")
# A city and a comma opening a line, before the line's date: a press release's dateline.
_CITY_DATELINE = re.compile(r"[ \t]*([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?),[ \t]*")
_TENURE = re.compile(r"\s*\((\d{4})\s*[–—-]\s*(\d{4}|present)?\)")
_TERM_START = re.compile(
    r"\b(?:(?:rise|came|come|rose)\s+to\s+power|took\s+office|assumed\s+office|was\s+(?:first\s+)?elected|was\s+appointed)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"\b(?:he|him|his|she|her)\b", re.IGNORECASE)
# "Keynote Address by Foreign Minister X", "Remarks by X": a header that names who speaks as "I"
_SPOKEN_BY = re.compile(r"\b(?:[Aa]ddress|[Ss]peech|[Rr]emarks|[Ss]tatement|[Ll]ecture|[Mm]essage|[Ii]nterview|[Bb]riefing|"
                        r"[Aa]rticle|[Oo]p-[Ee]d|ADDRESS|SPEECH|REMARKS|STATEMENT)\b[^.\n]{0,80}?\b(?:by|BY|of|OF)\s")
_FIRST_SINGULAR = re.compile(r"\b(?:I|[Mm]y|[Mm]e)\b")
# "our army", "our government", "Our Supreme Court": the state of who speaks or writes
_OUR = re.compile(r"\b[Oo]ur\s+(?:own\s+)?(?:(?P<state>army|navy|air\s+force|armed\s+forces|forces|troops|soldiers|"
                  r"government|country|nation|state)|(?P<court>[Ss]upreme\s+[Cc]ourt|[Cc]onstitutional\s+[Cc]ourt)"
                  r"|(?P<legislature>[Pp]arliament))\b")
# "Kandy, 14 March 2025" opening a letter or a release: the city it was written in
_DATELINE = re.compile(r"\s*([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?),\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}),?\s+\d{4}\s*$")
# "his Indian counterpart, X", "India's visiting minister, X": what comes between a state and a person
# of that state
_STATE_PERSON = re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+){0,3}(?:counterpart|minister|envoy|ambassador|president|premier|"
                           r"leader|chancellor|secretary|representative|negotiator|delegate|diplomat|officials?)"
                           r"\s*,\s*(?:the\s+)?")
# "made him prime minister", "gave her the post": someone done to whom the clause does not name
_OBJECT_PRONOUN = re.compile(r"\b(?:him|her(?=\s+(?:as|to|a|an|the|in|on|at|with|for|back)\b|\s*[,.;]))\b(?!self)")
_LATTER = re.compile(r"\bthe\s+(latter|former)\b", re.IGNORECASE)
_IT = re.compile(r"^(?:(?:In|On|By|Since|From|After|Before|During|Later|Then)\b[^,.;:]{0,40},?\s+)?"
                 r"(?P<ref>[Ii]ts?|[Tt]he\s+(?:new\s+)?country|[Tt]he\s+state)\b(?!\s+of\b)")
# An "it" that stands for no one: "It took a mediator to ...", "It was not until 1994 that ...", "It was
# agreed that ..."
_EXPLETIVE_IT = re.compile(r"It\s+(?:(?:took|takes|had\s+taken|has\s+taken|would\s+take|will\s+take)\b|"
                           r"(?:is|was)\s+(?:not\s+|only\s+)?(?:until|then|in|on|at|after|there)\b|"
                           r"(?:is|was|has\s+been|had\s+been)\s+(?:decided|agreed|announced|reported|said|claimed|"
                           r"estimated|expected|hoped|feared|understood|believed|thought)\s+that\b)")
# "the country" inside a sentence ("..., and the country was admitted"): a state named before.
# "its ambassador", "its troops" inside a sentence: the state named before acts through them
_ITS_AGENT = re.compile(r"\b[Ii]ts\s+(?:[a-z]+\s+){0,2}?(?:ambassador|envoy|government|troops|forces|army|navy|air\s+force|"
                        r"foreign\s+minister|president|prime\s+minister|delegation|embassy|diplomats|negotiators|fighters|"
                        r"militia|rebels|warships|leader|leaders)\b")
# The words that tell a state's founding, for "the new state" after them.
_FOUNDING = re.compile(r"\b(?:proclaimed|founded|formed|established|created|independen(?:t|ce)|was born)\b")
# ("the Republic" too, not in "the President of the Republic": an office's words)
_THE_COUNTRY = re.compile(r"(?<!\bof )\b[Tt]he\s+(?:(?:new\s+|young\s+)?(?:country|[Rr]epublic)|(?:new|young)\s+(?:state|federation|nation))\b(?!\s+of\b|['’])")
_LOCATIVE = re.compile(r"\b(?:in|at|to|from|near|into|across|through|of|around)\s+(?:the\s+)?$", re.IGNORECASE)
# Event types that are about the relationship itself: the document's organisation takes part.
_RELATIONSHIP_TYPES = frozenset({"membership", "agreement", "project", "establishment", "summit", "exercise",
                                 "appointment", "withdrawal"})
_JOINT_TYPES = frozenset({"agreement", "meeting"})
_ORG_ANAPHOR = re.compile(r"\b[Tt]he\s+(?:organi[sz]ation|bloc|grouping|treaty\s+organi[sz]ation|"
                          r"regional\s+(?:bloc|body|organi[sz]ation|grouping))\b")
# "the community suspended", "the union admitted": the organisation before or of the text whose name has that word
_ORG_WORD_ANAPHOR = re.compile(r"\b[Tt]he\s+(community|union|league|association|forum|mission)\b(?!\s+of\b)")
_BECAME_VERB = re.compile(r"\s+(?:became|was\s+(?:elected|appointed|named|sworn\s+in\s+as)|took\s+office\s+as)\s+(?:the\s+)?")
_BECAME = re.compile(_BECAME_VERB.pattern + r"(?:new\s+|first\s+)?(?P<office>[a-z][a-z -]{2,30}?)\s+of\s+(?:the\s+)?")
_OWN_OFFICE = re.compile(r"(?:['’]s)?\s+(?:new\s+|first\s+)?(?P<office>[a-z][a-z -]{2,40})")
# "President of the Republic, X", "President of the Court, Sir X" (an honorific the name leaves out)
_OF_FORM = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w-]*,\s*(?:(?:Sir|Dame|Judge|Lord|Lady|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)\s+)?")
_OFFICE_OF = re.compile(r"\s+of\s+the\s+")  # "Chairman of the NATO Military Committee"
_POSITION_OF = re.compile(r"\b(?:position|post|office|role|seat)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_LOWER_OFFICE = re.compile(
    r"\b(?:(?P<org>[A-Z][\w-]*)['’]s\s+|the\s+)(?P<title>special\s+representative|secretary[\s-]general|director[\s-]general|high\s+commissioner|spokesman|spokeswoman|envoy|ambassador)\b"
)
_TITLE_GAP = re.compile(r",?\s*(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Rep|Sen|H\.E)\.?\s+)?")
# "the two countries", "both sides", "they": the states (or bodies) the previous sentences name together
_PLURAL = re.compile(r"\b(?:(?:[Tt]he|[Oo]ur)\s+two\s+(?:countries|nations|states|sides|governments|parties|neighbou?rs|blocs|"
                     r"delegations|organi[sz]ations)|[Bb]oth\s+(?:countries|nations|states|sides|governments|parties|blocs|"
                     r"delegations)|[Tt]he\s+negotiators|[Tt]hey|(?:[Tt]he\s+two|[Bb]oth)\s+of\s+them)\b")
# "both parliaments", "the two legislatures": each of the two states' own legislature
_PLURAL_LEGISLATURES = re.compile(
    r"\b(?:[Bb]oth|[Tt]he\s+two)\s+(?:national\s+)?(parliaments|legislatures|congresses)\b"
    r"|\b[Tt]he\s+(?:national\s+)?([Pp]arliaments|[Ll]egislatures|[Cc]ongresses)\s+of\s+(?:both|the\s+two)\s+"
    r"(?:countries|states|nations|sides|governments)\b")
# "the three governments", "the four states": that many states named before
_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
            "twelve": 12, "trio": 3, "quartet": 4, "quintet": 5}
# ("the three other coastal states": up to two words that qualify the noun)
# ("all five states"; "the five" standing alone: "the leaders of the five met")
_SEVERAL = re.compile(rf"\b(?:[Tt]he|[Aa]ll)\s+({'|'.join(_NUMBERS)})\s+(?:[a-z]+\s+){{0,2}}"
                      r"(?:countries|nations|states|governments|parties|sides|juntas|regimes|administrations|powers|guarantors)\b"
                      rf"|\b[Tt]he\s+({'|'.join(_NUMBERS)})(?=\s*[,.;]|\s+(?:[a-z]+ed|could|would|have|had|were|are|did|"
                      r"met|agreed|signed|began|held|set|made|took|sent|gave)\b)"
                      r"|\b[Tt]he\s+(trio|quartet|quintet)\b(?!\s+of\b)")  # "the ministers of the quartet"
# "the Agency's Board of Governors": an owner's possessive, then a body's name
_POSSESSED_BODY = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w-]*)['’]s\s+((?:[A-Z][a-z]+\s+(?:of\s+)?){0,3}[A-Z][a-z]+)")
_LISTED = re.compile(r"(?:\s*\([^)]{1,12}\))?\s*(?:,|,?\s+and)\s+(?:the\s+)?")
# "the Assembly of the AU": a body's own word before the organisation's name
_BODY_BEFORE = re.compile(r"\b((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)\s+of\s+(?:the\s+)?$")
# "the armed forces, known as the Tatmadaw", "a wider alliance known as OPEC+"
_KNOWN_AS = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+){0,2}?(?P<words>(?:[a-z]+\s+)?[a-z]+),?\s+(?:known|referred\s+to)\s+"
                       r"as\s+(?:the\s+)?(?P<name>[A-Z][\w'’+-]*(?:\s+[A-Z][\w'’+-]*){0,4})")
# "The Executive Council (the Council)": a body's name and the short one the text defines for it
_SHORT_NAME = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+)?[A-Z][\w'’-]*){1,5})\s+\(\s*(?:the\s+)?"
                         r"[\"“]?(?P<short>[A-Z][a-z]+)[\"”]?\s*\)")
# a body that sits for another and acts as it: "the Chamber" of a court
_SITTING_OF = {"Chamber": frozenset({"Court", "Tribunal"})}
# the words that make a body of an organisation named after them ("the Council of the League of Arab States")
_BODY_WORDS = frozenset({"Council", "Assembly", "Commission", "Secretariat", "Committee", "Court", "Parliament",
                         "Conference", "Board", "Chamber"})
# "Russia's foreign ministry", "the Peruvian defence ministry": a state's ministry, by its portfolio
_STATE_MINISTRY = re.compile(r"\b(?P<owner>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:['’]s)?\s+"
                             r"(?P<kind>[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior|[Ff]inance)\s+[Mm]inistry\b")
_MINISTRIES = {"forei": "Ministry of Foreign Affairs", "defen": "Ministry of Defence", "inter": "Ministry of the Interior",
               "finan": "Ministry of Finance"}
# "the cabinet in Tokyo", "the government in Seoul": the cabinet or government of the capital's state
_SEATED_BODY = re.compile(r"\b[Tt]he\s+(cabinet|government)\s+in\s+[A-Z]")
# "the government of Andreas Papandreou", "Jammeh's government", "Sogavare's cabinet": the state
# (its cabinet) that person led
_LED_BY = re.compile(r"\b(?:[Tt]he\s+)?(government|administration|cabinet)\s+of\s+(?:(?:the\s+)?[A-Z][\w.-]*\s+){0,3}?$")
_LEADERS_BODY = re.compile(r"\s+(?:(?:new|first|second|third|caretaker|interim|coalition)\s+)?(government|administration|cabinet)\b")
# "the new government", "The government applied": in a text about one state, that state's
_BARE_GOVERNMENT = re.compile(r"\b[Tt]he\s+(?:(?:new|current|incoming|interim|transitional|caretaker)\s+)?"
                              r"government(?![’']s)\b(?!\s+(?:of|in|and)\b|\s+(?:headquarters|building|forces|troops)\b)")
# "voters approved", "the electorate rejected", "accepted by the people": in a text about one state, that
# state decided (not "voters in Bougainville", "the people of X")
_ELECTORATE = re.compile(r"\b(?:electorate|electors|voters)\b(?!\s+(?:of|in|on|from)\b)"
                         r"|(?<=\b(?:approved|rejected|accepted|endorsed) by )the\s+people\b(?!\s+of\b)"
                         r"|\b[Tt]he\s+people(?=\s+(?:approved|rejected|accepted|endorsed|voted)\b)")
# "in Skopje" after a body's word: the capital it sits in
_SEAT = re.compile(r"\s+in\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)")
# "the Commission", "the Council": the body of that kind that the text named last ("last year's council":
# its session, the body's)
_BARE_BODY = re.compile(r"\b(?:[Tt]he|(?:[Ll]ast|[Tt]his|[Nn]ext)\s+(?:year|month|week)['’]s)\s+(?P<qualifier>(?:General|Security|Executive|Permanent|Joint|Preparatory|Parliamentary|"
                        r"Ministerial|Standing|Consultative|Interim)\s+)?([Cc]ommission|[Cc]ouncil|"
                        r"[Cc]ommittee|[Ss]ecretariat|[Cc]ourt|[Aa]ssembly|Forum|Union|Bank|Association|Community|Board|Chamber)\b(?!\s+(?:of|for)\b|\s+on\s+(?!\d))")  # ("the Forum on 2 May")
# "an international arbitration court", "the tribunal", "the five judges": the one court of the text,
# named before or after
_COMPASS_STATE = re.compile(r"\b[Tt]he\s+(North|South)\b(?![\s-]+[A-Z])(?!\s+of\b)")
_COURT = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+){0,3}?(court|tribunal|judges|arbitrators)\b(?!\s+(?:of|for|on)\b)")
_COURT_WORDS = ("Court", "Tribunal")
_NATIONAL_COURTS = ("Supreme", "Constitutional", "High")  # a state's own courts, named without the state
# "Forum Leaders", "Council members", "Leaders" (capitalised, as a body's own texts write them)
# An alias a common noun makes ("the alliance", "the Allies", "allied leaders"), not a name.
_GENERIC_ALIAS = re.compile(r"(?:[Tt]he\s+)?(?:[A-Z][a-z]+|[a-z]+(?:\s+[a-z]+)*)")
_BODY_PEOPLE = re.compile(r"(?<![A-Za-z] )\b(?:(Forum|Council|Union|Alliance|Community|Commonwealth|Organisation|"
                          r"Organization|Assembly)\s+(?:[Ll]eaders|[Mm]embers|[Mm]inisters)|Leaders)\b")
# "the judgment of 6 June", "its ruling", "the Judgment": a court's act whose maker the phrase does not name
_COURT_ACT = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]his|[Tt]hat|[Aa])\s+(?:separate\s+|final\s+|unanimous\s+)?"
                        r"(?:[Jj]udge?ment|[Rr]uling|[Vv]erdict)\b(?!\s+of\s+(?:the\s+)?[A-Z])")
# "the referendum commission", "the joint boundary committee": the one body the text names with these
# words ("Southern Sudan Referendum Commission")
_DESCRIBED_BODY = re.compile(r"\b[Tt]he\s+((?:[a-z]+\s+){1,3}?)(commission|council|committee|secretariat|assembly|"
                             r"agency|authority|mission|commissions|committees)\b")
_BARE_OFFICE = re.compile(
    r"\b[Tt]he\s+((?i:president|prime\s+minister|secretary[\s-]general|foreign\s+minister|defen[cs]e\s+minister|minister"
    r"|king|queen|emperor|empress|emir|sultan|monarch|chancellor))\b(?!\s+(?:of|for)\b)"
)
# "The leaders signed": the people named in the sentence before
_THE_HOLDERS = re.compile(r"\b[Tt]he\s+(leaders|presidents|prime\s+ministers|foreign\s+ministers|heads\s+of\s+state|"
                          r"heads\s+of\s+government)\b(?!\s+of\b)")
# the offices whose holders each such phrase may mean
_HOLDER_WORDS = {"leaders": ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan",
                             "leader", "head of"),
                 "presidents": ("president",), "prime ministers": ("prime minister",),
                 "foreign ministers": ("foreign minister", "minister of foreign", "foreign secretary"),
                 "heads of state": ("president", "king", "queen", "emir", "sultan", "head of state"),
                 "heads of government": ("prime minister", "premier", "chancellor", "head of government")}
# "the Kamoa regime", "the Kamoa administration": a leader's government, in lower case
_HIS_GOVERNMENT = re.compile(r"\s+(?:government|administration|regime|junta)\b")
# after "his" or "her", "Government" with a capital too ("her Government communicated")
_HER_GOVERNMENT = re.compile(r"\s+(?:[Gg]overnment|administration|regime|junta)\b")
# "it was extended": a thing done to, not an actor
_IT_DONE_TO = re.compile(r"[Ii]t\s+(?:was|were|is|has\s+been|had\s+been|will\s+be)\b")
# "The Fund's " just before a body's name: its owner's possessive
_OWNER_BEFORE = re.compile(r"\b([A-Z][\w-]*)['’]s\s+$")
# the holders of a state's first offices: "the five presidents", not named, mean the five states
_NAMED_NEXT = re.compile(r",\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:for|of)\s+(?:the\s+)?[A-Z]")
_STATES_HOLDERS = frozenset({"presidents", "prime ministers", "premiers", "leaders", "heads of state", "heads of government"})
# "the Commission President", "the Assembly Speaker": the holder of an office of the body named last
_BODY_OFFICE = re.compile(r"\b[Tt]he\s+(Commission|Council|Assembly|Parliament|Court|Committee)\s+"
                          r"(President|Chair(?:man|woman|person)?|Secretary[- ]General|Speaker)\b")
# "the two presidents", "the three prime ministers": the two (three) people of that office named last
_TWO_HOLDERS = re.compile(r"\b(?:[Tt]he\s+(?:same\s+)?(two|three|four|five)|[Bb]oth(?:\s+the)?)\s+(?:rival\s+|former\s+)?(presidents|prime\s+ministers|"
                          r"foreign\s+ministers|ministers|premiers|leaders|heads\s+of\s+state|heads\s+of\s+government|"
                          r"monarchs|kings|rivals|men|women)\b", re.IGNORECASE)  # ("the two Presidents")


@cache
def _listed_holders() -> dict[tuple[str, str | None], list[tuple[int, int | None, str]]]:
    """The list of office holders by office: (first year, last year, name) of each who held it."""
    found: dict[tuple[str, str | None], list[tuple[int, int | None, str]]] = defaultdict(list)
    for person in {p.name: p for p in gazetteer().people.values()}.values():
        for office, of, first, last in person.roles:
            found[office_key(office, of)].append((first, last, person.name))
    return dict(found)


@cache
def _legislatures() -> dict:
    return load("actors/legislatures.yaml")


@cache
def _legislature_words() -> re.Pattern:
    data = _legislatures()
    words = set(data["generic_words"]) | set(data["chambers"]) | set(data["owned_words"])
    for entry in data["countries"].values():
        words.update(entry["words"])
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?!\w)")


class _LegislatureWords:
    def finditer(self, text: str, start: int, end: int):
        return _legislature_words().finditer(text, start, end)


_LEGISLATURE = _LegislatureWords()


def office_key(title: str, of: str | None) -> tuple[str, str | None]:
    """A comparable key for an office: ("secretary general", "NATO")."""
    title = fold(title).replace("-", " ")
    title = re.sub(r"\bsecretaries\b", "secretary", title)
    title = re.sub(r"\brepresentatives\b", "representative", title)
    title = {"foreign minister": "minister of foreign affairs", "defence minister": "minister of defense",
             "defense minister": "minister of defense"}.get(title, title)
    return title, of


@dataclass
class Person:
    name: str
    roles: list[str] = field(default_factory=list)
    tenure: tuple[int, int | None] | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)  # (offset, year)
    state: str | None = None  # whose the text says the person is ("his Indian counterpart, X")



_PAIR_MENTIONS = 4  # the fewest times a text names each of the two states it is about, without a title saying so


def _foreign_long_form(text: str, at: int, letters: list[str]) -> re.Match | None:
    """The first word of the name right before an acronym made in another language, whose letters
    come in another order ("Revolutionary Armed Forces of Colombia – People's Army (FARC-EP)"): a
    run of capitalised words (with connectors and a dash, not "and the") holding most of its letters."""
    base = max(0, at - 160, text.rfind("\n", 0, at) + 1)
    words = list(re.finditer(r"[\w'’]+|[–—]", text[base:at]))
    first, capitalised, previous = None, [], ""
    for word in reversed(words):
        w = word.group()
        if capitalised and w.endswith(("'s", "’s")) and w[:-2].isupper():
            break  # the owner, not the name: "NATO's Euro-Atlantic Centre (EADRCC)"
        if w[0].isupper():
            first = word
            capitalised.append(w)
        elif w not in ("–", "—", "of", "for", "the", "and") or (w == "and" and previous == "the"):
            break  # ("and the" joins two names)
        previous = w
    initials = [w[0] for w in capitalised]
    shared = sum(min(initials.count(c), letters.count(c)) for c in set(letters))
    if first is None or len(capitalised) < 3 or shared * 3 < len(letters) * 2 or shared * 3 < len(initials) * 2:
        return None
    return re.compile(r"\S+").search(text, base + first.start())


def _spelt_long_form(text: str, at: int, acronym: str) -> re.Match | None:
    """The first word of the name right before an acronym made of the first letters of its words,
    some of them more than one ("Caribbean Free Trade Association (CARIFTA)": CARI-F-T-A), each
    capitalised word giving at least one but one at most giving none ("ECOWAS")."""
    base = max(0, at - 160, text.rfind("\n", 0, at) + 1)
    words = list(re.finditer(r"[\w'’]+", text[base:at]))
    run: list[re.Match] = []
    for word in reversed(words):
        if word.group()[0].isupper() or word.group() == "in":  # ("Mission in The Gambia (ECOMIG)": its I)
            run.insert(0, word)
        elif word.group() not in ("of", "for", "and", "the", "on"):
            break
    letters = re.sub(r"[-/]", "", acronym).lower()
    for start in range(len(run) - 2, -1, -1):  # the shortest name that spells it, from three words up
        names = [w.group().lower() for w in run[start:]]
        if len(names) >= 3 and names[0][0] == letters[0] and _spells(names, letters, 0, 0, 1):
            return re.compile(r"\S+").search(text, base + run[start].start())
    return None


def _spells(words: list[str], letters: str, i: int, j: int, skips: int) -> bool:
    """Whether letters[j:] is a prefix of words[i] then of each later word in turn (`skips` words may
    give none; the last gives at least one)."""
    if i == len(words):
        return j == len(letters)
    word = words[i]
    for n in range(min(len(word), len(letters) - j), 0, -1):
        if word[:n] == letters[j:j + n] and _spells(words, letters, i + 1, j + n, skips):
            return True
    return skips > 0 and i < len(words) - 1 and _spells(words, letters, i + 1, j, skips - 1)


def _spelled(name: Name) -> str:
    """A name's canonical form, or for a name of unknown kind that has none, its words as written
    ("Committee of Ministers" of "the Committee of Ministers")."""
    if name.canonical or name.kind != "unknown":
        return name.canonical or ""
    return re.sub(r"^(?:the|The)\s+|['’]s$", "", name.text).strip()


def _title_cased(title: str) -> str:
    """A title in capitals as a name is written ("PACIFIC ISLANDS FORUM" -> "Pacific Islands Forum"), short
    words (acronyms) kept; any other title as it is."""
    if not title.isupper():
        return title
    title = " ".join(w if len(w) <= 3 and w not in ("THE", "AND", "FOR") else w.capitalize() for w in title.split())
    return re.sub(r"\b(The|And|For|Of|On)\b", lambda m: m.group(1).lower(), title)


def _head_word(organisation: str) -> str:
    """The word a body's short name keeps: its last before "of" ("Court" of the International Court of Justice)."""
    return organisation.split(" of ")[0].split()[-1]


def _same_ends(name: str, persons: dict) -> str | None:
    """The one person named before with the same first and last words as `name`, one of the two with
    middle names or initials the other leaves out ("David Russell Lange" and "David Lange")."""
    words = name.split()
    if len(words) < 2:
        return None
    same = [p for p in persons if p != name and len(p.split()) >= 2 and len(p.split()) != len(words)
            and p.split()[0] == words[0] and p.split()[-1] == words[-1]]
    return same[0] if len(same) == 1 else None


class DocumentActors:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.gaz: Gazetteer = gazetteer()
        self.known: dict[str, Entry] = {}
        self.persons: dict[str, Person] = {}
        self.holders: dict[tuple[str, str | None], list[str]] = defaultdict(list)
        self.names: dict[int, list[Name]] = {}
        self.focus: list[Actor] = []
        self.most_named: list[str] = []
        self.named_counts: list[tuple[int, str]] = []  # (times named, state), the most named first
        self.titled = 0  # how many states and bodies the title names
        self.parse = Parse(doc)
        # (sentence, actor name) of organisations that come in only as a programme's parent
        self.implied: set[tuple[int, str]] = set()
        self.last_inferred: frozenset[str] = frozenset()
        self._index_now = -1
        self._lowercase: re.Pattern | None = None
        self._groups: re.Pattern | None = None
        self._organisations: set[str] | None = None
        self._mentions: dict[str, list[int]] | None = None  # the sentences that name each body
        self._all_named: set[str] | None = None
        self._full_names: set[str] | None = None
        self._process: tuple[Actor, ...] | None = None
        self._speaker_found: tuple[Actor | None] | None = None
        self._mentions_of_people: tuple[dict[str, list[int]], dict[str, list[int]]] | None = None
        # what resolved_at found in a sentence span at a year, and each pattern's matches in a span:
        # the events of one sentence share them
        self._placed: dict[tuple, list[tuple[int, Actor]]] = {}
        self._renamed: dict[str, str] | None = None
        self._scans: dict[tuple, list[re.Match]] = {}
        for written, name in declared_states(doc.text, self.gaz).items():
            self.known.setdefault(written, Entry(name, "country"))
        self.called: dict[str, str] = {}  # common words the text gave a body's name to ("the armed forces")
        self.roles: dict[str, Actor] = {}  # a party's part in a case the text names it by ("the Applicant")
        self._acronyms()
        self._known_as()
        self._short_names()
        self._collect()
        self._focus()

    # -- pass 1: acronyms the text defines
    def _acronyms(self) -> None:
        text = self.doc.text
        apposed = list(_APPOSED_ACRONYM.finditer(text))
        for match in [*_ACRONYM.finditer(text), *apposed]:
            acronym = match.group(1)
            letters = [c for c in acronym if c.isupper()]
            # A known acronym other than a country's is taken as known, not as defined here.
            if acronym in self.gaz.exact and (len(letters) < 2 or self.gaz.exact[acronym].kind != "country"):
                continue
            words = list(re.finditer(r"[\w'’-]+", text[max(0, match.start() - 160):match.start()]))
            base = max(0, match.start() - 160)
            need = list(letters)
            first = None
            for word in reversed(words):
                w = word.group()
                if not need:
                    break
                if w[0].isupper():
                    if w[0] == need[-1]:
                        need.pop()
                        first = word
                    elif w.upper() == w and len(w) > 1:
                        # an acronym inside the long form ("PfP Planning and Review Process (PARP)")
                        continue
                    else:
                        break
                elif w not in ("of", "for", "and", "the", "on", "in", "to"):
                    break
            guessed = need or first is None
            if guessed and match in apposed:
                continue  # (in apposition, only an acronym its long form spells out)
            spelt = _spelt_long_form(text, match.start(), acronym) if guessed and acronym not in self.gaz.exact else None
            if spelt is not None:
                first, base, guessed = spelt, 0, False
            elif guessed:
                first = None if acronym in self.gaz.exact else _foreign_long_form(text, match.start(), letters)
                if first is None:
                    continue
                base = 0
            long_form = text[base + first.start():match.start()].strip()
            # "the Sudan People's Liberation Movement/Army (SPLM/A)": the name before the slash
            long_form = re.sub(r"/[\w'’-]+$", "", long_form)
            # (an English name whose hyphened words give two letters is no foreign one: "Euro-Atlantic
            # Disaster Response Coordination Centre (EADRCC)")
            foreign = guessed and [p[0] for w in long_form.split() if w[:1].isupper()
                                   for p in w.split("-") if p[:1].isupper()] != letters
            entry = self.gaz.lookup(long_form)
            if entry is None:
                words_in = long_form.split()
                kind = "organization"
                if any(w in self.gaz.programme_words for w in words_in):
                    kind = "programme"
                # an acronym made in another language is the name readers use ("FARC"); the English
                # words before it are a translation
                name = acronym.split("-")[0] if foreign and len(acronym.split("-")[0]) >= 3 else long_form
                entry = Entry(name, kind, "NATO" if "NATO" in long_form else None)
                self.known[long_form] = entry
            self.known.setdefault(acronym, entry)
            stem = re.split(r"[-/]", acronym)[0]
            if stem != acronym and len(stem) >= 3 and stem not in self.gaz.exact:
                self.known.setdefault(stem, entry)  # "FARC-EP", later "the FARC"

    def _known_as(self) -> None:
        """"the armed forces, known as the Tatmadaw", "a wider alliance known as OPEC+": a body the text
        names, and the common words it is later called by ("the armed forces", "the alliance")."""
        for match in _KNOWN_AS.finditer(self.doc.text):
            name = match.group("name").rstrip(".,;")
            entry = self.gaz.lookup(name)
            if entry is not None and entry.kind != "organization":
                continue
            entry = entry or Entry(name, "organization")
            self.known.setdefault(name, entry)
            words = match.group("words").split()
            self.called.setdefault(" ".join(words), entry.name)
            self.called.setdefault(words[-1], entry.name)  # ("the alliance" for "a wider alliance")

    def _short_names(self) -> None:
        """"The Executive Council (the Council)", "the Permanent Court of Arbitration (the "Court")": the short
        name a body's own name defines, one of its words; "the Council" is then that body. "The Republic of
        India (the Applicant)": a party's part in a case, by which the text then names it."""
        for match in _SHORT_NAME.finditer(self.doc.text):
            name, short = re.sub(r"^The\s+", "", match.group("name")), match.group("short")
            if short in self.gaz.party_roles:
                entry = self.gaz.lookup(name)
                if entry is not None and entry.kind in ("country", "organization"):
                    self.roles.setdefault(short, Actor(entry.name, entry.kind))  # "India (the Applicant)"
                continue
            if short not in name.split() or short == name or short not in _BODY_WORDS:
                continue
            entry = self.gaz.lookup(name)
            entry = entry if entry is not None and entry.kind == "organization" else Entry(name, "organization")
            self.known.setdefault(name, entry)
            self.called.setdefault(short, entry.name)

    def long_form(self, word: str) -> str | None:
        """The long form of an acronym the text defines or the gazetteer knows: "KFOR" -> "Kosovo Force"."""
        capitals = sum(c.isupper() for c in word)
        entry = self.known.get(word) or (self.gaz.exact.get(word) if capitals >= 2 else None)
        return entry.name if entry is not None and entry.name != word else None

    def _masked(self, start: int, end: int) -> list[tuple[int, int]]:
        """The time expressions, and the place names of a news dateline ("OTTAWA, May 3, 2018 -"): a
        dateline says where the report was filed, not who acted."""
        spans = []
        text = self.doc.text
        for m in self.doc.times_in(start, end):
            spans.append((m.start, m.end))
            line = text.rfind("\n", 0, m.start) + 1
            if m.start - line <= 60 and is_dateline(text, m.start, m.end) and "," in text[line:m.start]:
                spans.append((line, m.start))
            place = _CITY_DATELINE.fullmatch(text, line, m.start)
            if place and self.gaz.is_city(place.group(1)) and re.match(r"\s*(?:--|[–—-])\s", text[m.end:m.end + 4]):
                spans.append((line, m.start))  # a release's "Zagreb, 1 January 2023 – Today, ..."
        return spans

    def _sentenceyear_of(self, start: int, end: int) -> int | None:
        for m in self.doc.times_in(start, end):
            if m.edtf:
                year = year_of(m.edtf)
                if year:
                    return year
        return None

    # -- pass 2: people, offices, terms
    def _collect(self) -> None:
        text = self.doc.text
        for index, sentence in enumerate(self.doc.sentences):
            if sentence.kind in ("heading", "table", "infobox"):
                self.names[index] = []
                continue
            names = find_names(text, sentence.start, sentence.end, gaz=self.gaz, known=self.known,
                               masked=self._masked(sentence.start, sentence.end))
            names = join_entities(self.doc, self.parse, sentence.start, sentence.end, names, gaz=self.gaz,
                                  known=self.known, persons=self.persons)
            self.names[index] = names
            year = self._sentenceyear_of(sentence.start, sentence.end)
            for i, name in enumerate(names):
                if name.kind != "person" or name.surname_only:
                    continue
                fuller = [p for p in self.persons if len(p.split()) > len(name.canonical.split()) >= 2
                          and p.endswith(f" {name.canonical}")]
                if len(fuller) == 1:
                    name.canonical = fuller[0]  # "Grlić Radman" after "Gordan Grlić Radman": a two-word surname
                same = _same_ends(name.canonical, self.persons)
                if same is not None:
                    name.canonical = same  # "David Russell Lange" after "David Lange": one person, as first named
                person = self.persons.setdefault(name.canonical, Person(name.canonical))
                if year:
                    person.evidence.append((name.start, year))
                state = self._described_state(names, i)
                if state and person.state is None:
                    person.state = state
                    # ("Thailand's foreign minister, X": the office too)
                    said = self.doc.text[names[i - 1].end:name.start].casefold()
                    office = next((o for o in self.gaz.offices if re.search(rf"\b{re.escape(o.casefold())}\s*,", said)), None)
                    if office and f"{office} of {state}" not in person.roles:
                        person.roles.append(f"{office} of {state}")
                role, key = self._role_of(names, i)
                if role:
                    name.role = role
                    if role not in person.roles:
                        person.roles.append(role)
                    if name.canonical not in self.holders[key]:
                        self.holders[key].append(name.canonical)
                tenure = _TENURE.match(text, name.end)
                if tenure:
                    end = tenure.group(2)
                    person.tenure = (int(tenure.group(1)), int(end) if end and end.isdigit() else None)
            self._successors(names)
            self._term_start(index, names)
        self._one_name_in_full()

    def _one_name_in_full(self) -> None:
        """A person named by one name after a title ("Oman's Sultan Qaboos") whom the text also names in full,
        the full name opening with that one ("Sultan Qaboos bin Said"): one person, under the full name."""
        for short in [p for p in self.persons if " " not in p]:
            fuller = [p for p in self.persons if len(p.split()) >= 2 and p.split()[0] == short]
            if len(fuller) != 1:
                continue
            merged, person = self.persons[fuller[0]], self.persons.pop(short)
            merged.evidence.extend(person.evidence)
            merged.roles.extend(r for r in person.roles if r not in merged.roles)
            merged.tenure, merged.state = merged.tenure or person.tenure, merged.state or person.state
            for names in self.names.values():
                for name in names:
                    if name.kind == "person" and name.canonical == short and not name.surname_only:
                        name.canonical = fuller[0]
            for holders in self.holders.values():
                holders[:] = list(dict.fromkeys(fuller[0] if h == short else h for h in holders))

    def _described_state(self, names: list[Name], i: int) -> str | None:
        """The state a phrase before a person says the person is of: "his Indian counterpart, X",
        "India's visiting minister, X"."""
        if i == 0 or names[i - 1].kind != "country":
            return None
        if not _STATE_PERSON.fullmatch(self.doc.text, names[i - 1].end, names[i].start):
            return None
        entry = self.gaz.lookup(names[i - 1].canonical)
        return entry.name if entry is not None and entry.kind == "country" else None

    def _role_of(self, names: list[Name], i: int) -> tuple[str | None, tuple]:
        """The office a person holds by this sentence: the office named before, or in apposition."""
        text = self.doc.text
        person = names[i]
        gap = text[names[i - 1].end:person.start] if i > 0 else ""
        if i > 0 and names[i - 1].kind in ("office", "country", "organization") and (
                len(gap) <= 2 or (names[i - 1].kind == "office" and _TITLE_GAP.fullmatch(gap))):
            # "NATO Secretary General Javier Solana", "President of Azerbaijan Heydar Aliyev"
            j = i - 1
            # (not across a comma: "President A of Chile, President B" holds no office of Chile)
            while j >= 0 and names[j].kind in ("office", "country", "organization") and (
                    j == i - 1 or (names[j + 1].start - names[j].end <= 8
                                   and re.fullmatch(r"[\s'’s]*(?:of\s+(?:the\s+)?)?", text[names[j].end:names[j + 1].start]))):
                j -= 1
            chain = names[j + 1:i]
            if j >= 0 and names[j].kind == "office" and len(chain) == 1 and chain[0].kind == "office" \
                    and re.fullmatch(r",\s*", text[names[j].end:chain[0].start]):
                chain = [names[j]]  # "the Minister for Trade, Senator X": the office the text gives first
            if i + 1 < len(names) and names[i + 1].kind == "country" and not any(n.kind == "country" for n in chain) \
                    and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[person.end:names[i + 1].start]):
                chain.append(names[i + 1])  # "President Javier Milei of Argentina"
            return self._office(chain)
        if i + 1 < len(names) and names[i + 1].kind == "office":
            between = text[person.end:names[i + 1].start]
            if re.fullmatch(r",\s*(?:the\s+)?", between):
                j = i + 2
                chain = [names[i + 1]]
                while j < len(names) and names[j].kind in ("country", "organization") and (
                    names[j].start - chain[-1].end <= 6 or _OFFICE_OF.fullmatch(self.doc.text, chain[-1].end, names[j].start)):
                    chain.append(names[j])
                    j += 1
                return self._office(chain)
        owner = names[i + 1] if i + 1 < len(names) and names[i + 1].kind in ("country", "organization") else None
        became = _BECAME.match(text, person.end, owner.start) if owner is not None else None
        offices = {fold(o) for o in self.gaz.offices}
        office = became.group("office") if became else None
        if became is None and owner is not None and _BECAME_VERB.fullmatch(text, person.end, owner.start):
            after = _OWN_OFFICE.match(text, owner.end)  # "X became Australia's prime minister"
            words = after.group("office").split() if after else []
            office = next((" ".join(words[:n]) for n in range(len(words), 0, -1) if fold(" ".join(words[:n])) in offices), None)
        if office and fold(office) in offices:
            # "X became president of Chile in 2010": the office he took, which later mentions keep
            title = " ".join(w.capitalize() for w in office.split())
            return f"{title} of {owner.canonical}", office_key(title, owner.canonical)
        return None, ("", None)

    def _office(self, chain: list[Name]) -> tuple[str | None, tuple]:
        offices = [n for n in chain if n.kind == "office"]
        if not offices:
            return None, ("", None)
        # (an office before a courtesy title: "the Minister for Trade, Senator X" is the minister)
        offices = [n for n in offices if n.role not in self.gaz.honorifics] or offices
        title = offices[-1].role
        others = [n for n in chain if n.kind in ("country", "organization")]
        of = others[-1].canonical if others else None
        key = office_key(title, of)
        label = title.replace("Secretaries-General", "Secretary General").replace("Representatives", "Representative")
        return (f"{label} of {of}" if of else label), key

    def _successors(self, names: list[Name]) -> None:
        """A list of office holders where only the first gives a term: the next follow it."""
        people = [self.persons[n.canonical] for n in names if n.kind == "person" and not n.surname_only]
        for before, after in itertools.pairwise(people):
            if before.tenure and before.tenure[1] and after.tenure is None:
                after.tenure = (before.tenure[1], None)

    def _term_start(self, index: int, names: list[Name]) -> None:
        sentence = self.doc.sentences[index]
        match = _TERM_START.search(self.doc.text, sentence.start, sentence.end)
        if not match:
            return
        years = [(m.start, year_of(m.edtf)) for m in self.doc.times_in(match.end(), sentence.end)
                 if m.edtf and year_of(m.edtf) is not None]  # ("took office in May": no year to hold)
        people = [n for n in names if n.kind == "person" and not n.surname_only]
        if years and people and years[0][0] - match.end() < 40:
            person = self.persons[people[0].canonical]
            if person.tenure is None:
                person.tenure = (years[0][1], None)

    def _focus(self) -> None:
        """The country and the organisation the document is about: named in its title
        ("Azerbaijan–NATO relations", "Relations with the Republic of Moldova"), else named most often
        (a country only where the title does not name an organisation alone)."""
        title = _title_cased(self.doc.title or "")
        found: list[Actor] = []
        if title:
            for name in find_names(title, 0, len(title), gaz=self.gaz, known=self.known, masked=[]):
                entry = None
                if name.kind == "organization" and name.parent and all(a.name != name.parent for a in found):
                    found.append(Actor(name.parent, "organization"))  # "X Secretariat": a page about X first
                if name.kind in ("country", "organization"):
                    entry = Entry(name.canonical, name.kind)
                elif name.kind in ("programme", "acronym"):
                    entry = self.known.get(name.canonical) or self.gaz.lookup(name.canonical)
                if entry is not None and entry.kind in ("country", "organization"):
                    found.append(Actor(entry.name, entry.kind))
                elif name.kind == "programme":
                    # "The EU–Mercosur Partnership Agreement": the parties its name holds
                    parts = [Actor(part.canonical, part.kind)
                             for part in find_names(title, name.start, name.end, gaz=self.gaz, known={}, masked=[])
                             if part.kind in ("country", "organization") and part.canonical and part.end <= name.end]
                    found += parts or self._dashed_parties(name.text)
            # "Eritrean–Ethiopian border conflict": states named by their adjectives
            words = re.findall(r"[A-Z][a-z]+", title)
            paired = {f"{a} {b}": (a, b) for a, b in itertools.pairwise(words) if f"{a} {b}" in self.gaz.demonyms}
            taken = {w for pair in paired.values() for w in pair}  # "South African": not also "African"
            # (nor the adjective of a region or a place: "Latin American history", "the Indian Ocean")
            taken |= {w for a, b in itertools.pairwise(words) if f"{a} {b}" in self.gaz.regional for w in (a, b)}
            taken |= {a for a, b in itertools.pairwise(words) if b in self.gaz.place_words}
            for word in [*paired, *(w for w in words if w not in taken)]:
                state = self.gaz.demonyms.get(word)
                if state and all(a.name != state for a in found):
                    found.append(Actor(state, "country"))
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for names in self.names.values():
            for name in names:
                if name.kind in ("country", "organization") and not name.extras:
                    counts[(name.canonical, name.kind)] += 1
                if name.parent:
                    counts[(name.parent, "organization")] += 1
        if (self.doc.title or "").isupper():  # a letterhead
            found = [a for a in found if a.kind != "organization" or self._named_in_body(a.name)]
            if not found and not self._about_a_person():
                found = self._headline_parties(self.doc.title)
        self.titled = len(found)  # (how many the title named: the rest are counted)
        # A title that names only an organisation is about that organisation and its many members:
        # the country named most often is not the document's subject ("Timeline: The Commonwealth").
        kinds = ("organization",) if found and all(a.kind == "organization" for a in found) else (
            "country", "organization")
        if len(found) >= 2:
            kinds = ()  # "Egypt–Israel relations": the pair the title names, not also a body named often
        if not found and self._about_a_person():
            kinds = tuple(k for k in kinds if k != "country")  # an obituary: the state named most is no subject
        for kind in kinds:
            if not any(a.kind == kind for a in found):
                ranked = sorted(((n, c) for (c, k), n in counts.items() if k == kind), reverse=True)
                if ranked and ranked[0][0] >= 3:
                    found.append(Actor(ranked[0][1], kind))
        for actor in found:
            if actor not in self.focus:
                self.focus.append(actor)
        # (the states the text names most, for a pair it implies: "the two governments" in a text
        # about one state's relations with another it names often)
        self.named_counts = sorted(((n, c) for (c, k), n in counts.items() if k == "country"), reverse=True)
        self.most_named = [name for n, name in sorted(((n, c) for (c, k), n in counts.items() if k == "country"),
                                                      reverse=True) if n >= 3]

    def _headline_parties(self, letterhead: str) -> list[Actor]:
        """The states and organisations a wire's headline names, under a letterhead that names none
        ("MERIDIAN NEWS WIRE" / "US, Vietnam raise ties ..."): the first short line without a full stop
        below the letterhead that names a state (not "prepared for the International Relations
        Committee": the publisher's own body)."""
        text = self.doc.text
        at = text.find(letterhead)
        lines = [line.strip() for line in text[at + len(letterhead):].splitlines() if line.strip()][:4]
        for line in lines:
            if len(line.split()) > 20 or line.endswith("."):
                break
            named = [Actor(n.canonical, n.kind) for n in find_names(line, 0, len(line), gaz=self.gaz, known=self.known, masked=[])
                     if n.kind in ("country", "organization") and n.canonical]
            if any(a.kind == "country" for a in named):
                return list(dict.fromkeys(named))
        return []

    def _about_a_person(self) -> bool:
        """Whether the document's title, or the line under a letterhead ("OBITUARIES"), is a person's
        name alone ("David Lange"): a page about a person, whichever state it names most."""
        lines = [line.strip() for line in self.doc.text.splitlines() if line.strip()][:2]
        if len(lines) == 2 and not (lines[0].isupper() or len(lines[0].split()) == 1):
            lines = lines[:1]
        for line in lines:
            names = find_names(line, 0, len(line), gaz=self.gaz, known=self.known, masked=[])
            if len(names) == 1 and names[0].kind == "person" and names[0].start == 0 and names[0].end == len(line):
                return True
        return False

    def _dashed_parties(self, text: str) -> list[Actor]:
        """The parties a dash joins at the head of a name ("Mercosur–European Union Partnership
        Agreement"): the longest run of words next to each dash that names a state or an
        organisation (the first piece's last words, the others' first)."""
        pieces = re.split(r"\s*[–—]\s*|(?<=\w)-(?=[A-Z])", text)
        found: list[Actor] = []
        for i, piece in enumerate(pieces if len(pieces) >= 2 else ()):
            words = piece.split()
            for n in range(len(words), 0, -1):
                entry = self.gaz.lookup(" ".join(words[-n:] if i == 0 else words[:n]))
                if entry is not None and entry.kind in ("country", "organization"):
                    found.append(Actor(entry.name, entry.kind))
                    break
        return found if len(found) >= 2 else []

    def _named_in_body(self, organisation: str) -> bool:
        """Whether the text below its title names an organisation, by a name or by its last word ("the
        Secretariat"): a letterhead's publisher that it never names again is not what it is about
        ("PARLIAMENTARY RESEARCH SERVICE" over a briefing on a trade area)."""
        heading = {i for i, sentence in enumerate(self.doc.sentences)
                   if self.doc.text[sentence.start:sentence.end].strip() == (self.doc.title or "").strip()}
        for i, names in self.names.items():
            if i not in heading and any(n.canonical and (self._entry(n.canonical) or Entry(n.canonical, "")).name
                                        == organisation for n in names):
                return True
        body = self.doc.text[max((self.doc.sentences[i].end for i in heading), default=0):]
        return re.search(rf"\b(?:the|The) {re.escape(organisation.split()[-1])}\b", body) is not None

    # -- pass 3: resolution
    def person_by_surname(self, surname: str, *, initial: str | None, year: int | None, before: int) -> str | None:
        folded = fold(surname_key(surname))
        candidates = [p for p in self.persons.values() if folded in self._surnames(p.name)]
        if initial:
            candidates = [p for p in candidates if p.name[:1] == initial] or candidates
        if not candidates:  # "Lula" for Luiz Inácio Lula da Silva, "Lacalle" for Luis Lacalle Pou
            candidates = [p for p in self.persons.values() if folded in self._inner_names(p.name)]
            if initial:
                candidates = [p for p in candidates if p.name[:1] == initial] or candidates
        if len(candidates) == 1:
            return candidates[0].name
        if not candidates and (given := self._by_given_name(surname)) is not None:
            return given
        if not candidates:
            known = self.gaz.people_named(surname)
            if initial:
                known = [p for p in known if p.name[:1] == initial] or known
            if len(known) == 1:
                return known[0].name
            dated = [p for p in known if year is not None and any(r[2] <= year <= (r[3] or 9999) for r in p.roles)]
            return dated[0].name if len(dated) == 1 else None
        owner = self._surname_owner(folded, candidates, before)
        inside = [p for p in candidates if year and p.tenure and p.tenure[0] <= year <= (p.tenure[1] or 9999)]
        if owner is not None and not inside:
            return owner
        return self._choose(candidates, year=year, before=before)

    def _surname_owner(self, folded: str, candidates: list[Person], before: int) -> str | None:
        """The one person a bare surname named before a namesake came in ("Duterte" for Rodrigo Duterte
        all along, after "Sara Duterte" is named in full): the text keeps its short name for that one."""
        full, bare = self._person_mentions()
        said = [at for at in bare.get(folded, ()) if at < before]
        first = {p.name: min(at for at in full[p.name] if at < before) for p in candidates
                 if any(at < before for at in full.get(p.name, ()))}
        if not said:
            return None
        known = [p for p, at in first.items() if at < said[0]]
        return known[0] if len(known) == 1 and len(first) > 1 else None

    def _person_mentions(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Where the text names each person in full, and each surname alone (folded), in order."""
        if self._mentions_of_people is None:
            full: dict[str, list[int]] = defaultdict(list)
            bare: dict[str, list[int]] = defaultdict(list)
            for names in self.names.values():
                for name in names:
                    if name.kind == "person" and name.canonical:
                        if name.surname_only:
                            bare[fold(surname_key(name.canonical))].append(name.start)
                        else:
                            full[name.canonical].append(name.start)
            self._mentions_of_people = ({k: sorted(v) for k, v in full.items()}, {k: sorted(v) for k, v in bare.items()})
        return self._mentions_of_people

    def _by_given_name(self, word: str) -> str | None:
        """The one person of the text whose given name this is, where no one's surname is ("Abiy" for
        Abiy Ahmed: Ethiopian names, among others, are short for the first name)."""
        folded = fold(word)
        same = [p.name for p in self.persons.values() if len(p.name.split()) >= 2 and fold(p.name.split()[0]) == folded
                and p.name.split()[0] not in self.gaz.surname_first]
        return same[0] if len(same) == 1 else None

    def _surnames(self, name: str) -> set[str]:
        """The forms a later mention of a person may take: the last word ("al-Bashir" as "Bashir"), or the
        first where the surname comes first ("Yoon Suk Yeol" is "Yoon")."""
        words = name.split()
        if len(words) >= 3 and (words[-1].rstrip(".") in self.gaz.name_suffixes or words[-1] in self.gaz.regnal_numbers):
            words = words[:-1]  # "Ferdinand Marcos Jr." is "Marcos", "Lloyd Austin III" "Austin"
        found = {fold(surname_key(words[-1]))}
        if len(words) >= 2 and words[0] in self.gaz.surname_first:
            found.add(fold(words[0]))
        return found

    def _inner_names(self, name: str) -> set[str]:
        """The inner names of a full name, as a later mention is looked up ("Lula")."""
        return {fold(surname_key(w)) for w in inner_names(name)}

    def _choose(self, candidates: list[Person], *, year: int | None, before: int) -> str:
        if year is not None:
            inside = [p for p in candidates if p.tenure and p.tenure[0] <= year <= (p.tenure[1] or 9999)]
            if inside:
                return inside[0].name
            possible = [p for p in candidates if not (p.tenure and (p.tenure[0] > year or (p.tenure[1] or 9999) < year))]
            dated = [(min(abs(y - year) for _, y in p.evidence), i, p) for i, p in enumerate(possible) if p.evidence]
            # (only where each has a year: one named in a sentence without one may be the nearer)
            if dated and len(dated) == len(possible):
                return min(dated)[2].name
            if possible:
                candidates = possible
        named = self._last_named({p.name for p in candidates}, before)
        mentioned = [(max([o for o, _ in p.evidence if o < before] + [named.get(p.name, -1)]), p) for p in candidates]
        return max(mentioned, key=lambda pair: pair[0])[1].name

    def _last_named(self, people: set[str], before: int) -> dict[str, int]:
        """Where the text last names each of `people` in full before offset `before`."""
        full, _ = self._person_mentions()
        return {p: max(at for at in full[p] if at < before) for p in people if any(at < before for at in full.get(p, ()))}

    def holder(self, key: tuple[str, str | None], *, year: int | None, before: int) -> str | None:
        """Who held the office `key` in `year`: by what the text says, else by the gazetteer."""
        names = list(self.holders.get(key, []))
        if key[1] is None:
            names += [n for (title, _), ns in self.holders.items() if title == key[0] for n in ns]
        else:
            names += self.holders.get((key[0], None), [])  # "President Ilham Aliyev" may be it
        names = list(dict.fromkeys(names))
        if names:
            return self._choose([self.persons[n] for n in names], year=year, before=before)
        if year is None or key[1] is None:
            return None
        # (the list fills an office the text names its holder for somewhere; one it never names anyone
        # for stays the state's or the body's: "invited the South African President")
        return next((name for first, last, name in _listed_holders().get(key, ())
                     if first <= year <= (last or 9999) and name.split()[-1] in self.doc.text), None)

    def _the_one_state(self) -> str | None:
        """The one state the text is about, else the one its letterhead names."""
        states = [a.name for a in self.focus if a.kind == "country"]
        states = states if len(states) == 1 else self._publisher_states()
        return states[0] if len(states) == 1 else None

    def _speakers_state(self) -> str | None:
        """The state of who speaks or writes, for "our army": the city of a dateline opening the text,
        else the state a letterhead names, else the one state the text is about."""
        first = next((line for line in self.doc.text.splitlines() if line.strip()), "")
        dateline = _DATELINE.fullmatch(first)
        state = self.gaz.country_of_city(dateline.group(1)) if dateline else None
        if state:
            return state
        states = self._publisher_states()
        if len(states) == 1:
            return states[0]
        states = [a.name for a in self.focus if a.kind == "country"]
        return states[0] if len(states) == 1 else None

    def _ours(self, pair: list[Actor]) -> list[Actor]:
        """"Our two governments" on an embassy's page: the writer's state and the one of the pair the text names
        most (else the state it names most after the writer's)."""
        mine = self._speakers_state()
        if mine is None or any(a.name == mine for a in pair):
            return pair
        counts = {name: n for n, name in self.named_counts}
        other = sorted((a for a in pair if a.kind == "country"), key=lambda a: -counts.get(a.name, 0))[:1] or \
            [Actor(name, "country") for name in self.most_named if name != mine][:1]
        return [Actor(mine, "country"), *other]

    def _speaker(self) -> Actor | None:
        """The one person a header line names as who speaks or writes ("Keynote Address by Foreign
        Minister X"), whom "I" and "my" mean."""
        if self._speaker_found is None:
            self._speaker_found = (None,)
            for index, sentence in enumerate(self.doc.sentences):
                if sentence.start > 800:
                    break
                spoken = _SPOKEN_BY.search(self.doc.text, sentence.start, sentence.end)
                people = [n.canonical for n in self.names.get(index, []) if spoken and n.start >= spoken.end()
                          and n.kind == "person" and n.canonical and not n.surname_only]
                if len(set(people)) == 1:
                    self._speaker_found = (Actor(people[0], "person", self._role(people[0])),)
                    # (a minister's speech under the ministry's letterhead: the letterhead's state)
                    publisher = {n.canonical for i in range(index) for n in self.names.get(i, []) if n.kind == "country"}
                    person = self.persons.get(people[0])
                    if person is not None and person.state is None and len(publisher) == 1:
                        person.state = publisher.pop()
                    break
        return self._speaker_found[0]

    def _recent_person(self, index: int, *, role: str | None = None) -> str | None:
        """The person the sentences before (in the section) name last; where that sentence does
        something to "him" or "her" whom it does not name ("Z made him prime minister"), the one he
        or she is, named before."""
        for i in range(index - 1, max(-1, index - 6), -1):
            if self.doc.sentences[i].section != self.doc.sentences[index].section:
                break
            people = [a.name for a in self.resolved(i, year=None) if a.kind == "person"
                      and (role is None or any(role in r.casefold() for r in self.persons.get(a.name, Person("")).roles))]
            if people and role is None and _OBJECT_PRONOUN.search(self.doc.text, self.doc.sentences[i].start,
                                                                  self.doc.sentences[i].end):
                meant = self._recent_person(i)
                if meant is not None and meant not in people:
                    return meant
            if people:
                return people[0]
        return None

    def _only_holder(self, role: str) -> str | None:
        """The one person of the text whose office has this word, if only one has ("The Minister"
        of a minister's release, named in full under its letterhead)."""
        for fits in (lambda r: r.startswith(role), lambda r: re.search(rf"\b{re.escape(role)}\b", r)):
            # (an office that is this word first: "Minister for Trade", not "Prime Minister")
            holders = [p.name for p in self.persons.values() if any(fits(r.casefold()) for r in p.roles)]
            if holders:
                return holders[0] if len(holders) == 1 else None
        return None

    def _people_before(self, index: int) -> list[str]:
        """The people of the nearest sentence before (in the section) that names two or more."""
        for i in range(index - 1, max(-1, index - 3), -1):
            if self.doc.sentences[i].section != self.doc.sentences[index].section:
                break
            named = list(dict.fromkeys(a.name for a in self.resolved(i, year=None) if a.kind == "person"))
            if len(named) >= 2:
                return named
        return []

    def _two_holders(self, index: int, plural: str, count: int = 2) -> list[str]:
        """The two (`count`) people the sentences before (in the section) name last, those that hold the
        office `plural` names first: "the two presidents" after "President A ... B ... President C"; past
        the section's start where the section names fewer (a register's short entries)."""
        return self._two_holders_in(index, plural, count) or self._two_holders_in(index, plural, count, across=True)

    def _two_holders_in(self, index: int, plural: str, count: int, *, across: bool = False) -> list[str]:
        title = re.sub(r"^heads of", "head of", " ".join(plural.split()).casefold()).removesuffix("s")
        people: list[str] = []
        recent = 0  # how many of them the last two sentences name
        for i in range(index - 1, max(-1, index - 6), -1):
            if self.doc.sentences[i].section != self.doc.sentences[index].section and not across:
                break
            for actor in reversed(self.resolved(i, year=None)):
                if actor.kind == "person" and actor.name not in people:
                    people.append(actor.name)
            recent = len(people) if i >= index - 2 else recent
        holders = [p for p in people if any(title in r.casefold() for r in self.persons.get(p, Person("")).roles)]
        if len(holders) >= count or len(people) == count:
            return (holders if len(holders) >= count else people)[:count]
        if recent == count:
            return people[:count]  # "A won the election. ... B came to the capital. That day the two presidents signed"
        # "Under A's mediation, B and C sign ... The two rivals sign": the two joined as the subject before
        joined = [a.name for a in self._subjects_before(index) if a.kind == "person"]
        if len(joined) == count:
            return joined
        for i in range(index - 1, max(-1, index - 6), -1):  # else the first two of the nearest sentence naming two
            if self.doc.sentences[i].section != self.doc.sentences[index].section and not across:
                break
            named = list(dict.fromkeys(a.name for a in self.resolved(i, year=None) if a.kind == "person"))
            if len(named) >= count:
                return named[:count]
        return []

    def _recent_actor(self, index: int, kind: str, *, skip: tuple[str, ...] = (), word: str | None = None) -> Actor | None:
        """The first actor of `kind` the three sentences before name (`word`: one with that word in its name)."""
        for i in range(index - 1, max(-1, index - 4), -1):
            for actor in self.resolved(i, year=None):
                if actor.kind == kind and actor.name not in skip and (word is None or word in actor.name.casefold().split()):
                    return actor
        return None

    def _founded_state(self, index: int) -> Actor | None:
        """The state whose founding the sentences just before tell ("six emirates proclaimed the United Arab
        Emirates", "X became independent"): the one "the new state" or "the new federation" means, a few
        sentences (or a heading) later."""
        for i in range(index - 1, max(-1, index - 8), -1):
            sentence = self.doc.sentences[i]
            founding = _FOUNDING.search(self.doc.text, sentence.start, sentence.end)
            if founding is None:
                continue
            states = sorted(((o, a) for o, a in self.resolved_at(i, year=None, every=True) if a.kind == "country"),
                            key=lambda p: (abs(p[0] - founding.start()), p[0]))
            if states:
                return states[0][1]
        return None

    def _national_bodies(self, index: int) -> list[str]:
        """The bodies of single states that the sentences before name: legislatures, and bodies named
        after their state ("Cabinet of Japan", "Sudanese Armed Forces")."""
        legislatures = {entry["name"] for entry in _legislatures()["countries"].values()}
        found = []
        for i in range(index - 1, max(-1, index - 4), -1):
            for actor in self.resolved(i, year=None):
                words = actor.name.split()
                owner = re.search(r"\bof (?:the )?(.+)$", actor.name)
                entry = self.gaz.lookup(owner.group(1)) if owner else None
                if actor.kind == "organization" and (actor.name in legislatures or words[0] in self.gaz.demonyms
                                                     or (entry is not None and entry.kind == "country")):
                    found.append(actor.name)
        return found

    def _about(self, name: str) -> bool:
        return any(a.name == name for a in self.focus)

    def _group_names(self) -> re.Pattern:
        """The informal groups of states ("the E3", "the P5+1"), longest first."""
        if self._groups is None:
            words = sorted(self.gaz.groups, key=len, reverse=True)
            self._groups = re.compile(r"(?<![\w+])(?:" + "|".join(map(re.escape, words)) + r")(?![\w+])") if words \
                else re.compile(r"(?!x)x")
        return self._groups

    def _lowercase_aliases(self) -> re.Pattern:
        if self._lowercase is None:
            words = sorted(self.gaz.lowercase, key=len, reverse=True)
            self._lowercase = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b" if words else r"(?!x)x")
        return self._lowercase

    def _next_person(self, index: int) -> str | None:
        """The first person the next sentence names: a news lead names the role, the next paragraph the person."""
        if index + 1 >= len(self.doc.sentences):
            return None
        for name in self.names.get(index + 1, []):
            if name.kind == "person" and not name.surname_only:
                return name.canonical
        return None

    def resolved(self, index: int, *, year: int | None, start: int | None = None, end: int | None = None) -> list[Actor]:
        """The actors of sentence `index` (between offsets `start` and `end` if given), at `year`."""
        return [actor for _, actor in self.resolved_at(index, year=year, start=start, end=end)]

    def resolved_at(
        self, index: int, *, year: int | None, start: int | None = None, end: int | None = None,
        every: bool = False,
    ) -> list[tuple[int, Actor]]:
        """Like `resolved`, with the offset where each actor is first named (`every`: each time)."""
        key = (index, year, start, end)
        if key not in self._placed:
            renamed = self._legislatures_as_named()
            self._placed[key] = [(offset, dataclasses.replace(actor, name=renamed[actor.name]) if actor.name in renamed else actor)
                                 for offset, actor in self._placed_in(index, year=year, start=start, end=end)]
        out = self._placed[key]
        if every:
            return sorted(set(out), key=lambda p: (p[0], p[1].name, p[1].kind))
        seen: list[tuple[int, Actor]] = []
        for offset, actor in sorted(out, key=lambda p: p[0]):
            if all(actor.name != a.name for _, a in seen):
                seen.append((offset, actor))
        return seen

    def _legislatures_as_named(self) -> dict[str, str]:
        """A legislature the text names by a name of its own that the canonical one does not hold ("the
        Jogorku Kenesh"; not a house, "the State Duma"): that name, for every mention of it in the text."""
        if self._renamed is None:
            data = _legislatures()
            shared = set(data["shared_words"]) | set(data.get("houses") or ())
            self._renamed = {}
            for entry in data["countries"].values():
                for word in sorted(entry["words"], key=len, reverse=True):
                    if " " in word and word not in shared and word not in entry["name"] \
                            and re.search(rf"\b{re.escape(word)}\b", self.doc.text):
                        self._renamed[entry["name"]] = word
                        break
        return self._renamed

    def _scan(self, pattern, lo: int, hi: int) -> list[re.Match]:
        """The matches of `pattern` in the document's text between `lo` and `hi`, found once."""
        key = (pattern, lo, hi)
        if key not in self._scans:
            self._scans[key] = list(pattern.finditer(self.doc.text, lo, hi))
        return self._scans[key]

    def _placed_in(self, index: int, *, year: int | None, start: int | None, end: int | None) -> list[tuple[int, Actor]]:
        """Every actor that sentence `index` (or its span `start`-`end`) names or refers to, with its offset."""
        sentence = self.doc.sentences[index]
        text = self.doc.text
        out: list[tuple[int, Actor]] = []
        names = self.names.get(index, [])
        for i, name in enumerate(names):
            if start is not None and not (start <= name.start < end):
                continue
            self._index_now = index
            resolved = self._resolve(name, names, i, year=year)
            led = self._led_body(name, resolved)
            if led is not None:
                at, actor, keep = led
                out.append((at, actor))
                resolved = resolved if keep else []
            for actor in resolved:
                out.append((name.start, actor))
        lo, hi = (sentence.start, sentence.end) if start is None else (start, end)
        for match in self._scan(_BARE_OFFICE, lo, hi):
            who = self.holder(office_key(match.group(1), None), year=year, before=match.start())
            role = " ".join(match.group(1).casefold().replace("-", " ").split())
            who = who or self._recent_person(index, role=role) or self._only_holder(role)
            if who:
                out.append((match.start(), Actor(who, "person", self._role(who))))
        if not any(a.kind == "person" for _, a in out):
            for match in self._scan(_LOWER_OFFICE, lo, hi):
                org = self.gaz.lookup(match.group("org")) if match.group("org") else None
                key = office_key(match.group("title"), org.name if org else None)
                who = self.holder(key, year=year, before=match.start()) or self._next_person(index)
                if who:
                    out.append((match.start(), Actor(who, "person", self._role(who))))
                    break
        for match in self._scan(_BODY_OFFICE, lo, hi):
            body = self._recent_body(index, match.group(1), at=match.start())
            who = self.holder(office_key(match.group(2), body.name), year=year, before=match.start()) if body else None
            if who:
                out.append((match.start(), Actor(who, "person", self._role(who))))
        for match in self._scan(_TWO_HOLDERS, lo, hi):
            if _NAMED_NEXT.match(text, match.end()):
                continue  # "the two prime ministers, A for X and B for Y,": the names the apposition gives
            count = _NUMBERS.get((match.group(1) or "").casefold(), 2)
            people = self._two_holders(index, match.group(2), count)
            for who in people:
                out.append((match.start(), Actor(who, "person", self._role(who))))
            if not people and count > 2 and match.group(2).casefold() in _STATES_HOLDERS:
                # "the five presidents decided", no one of them named: the five states listed before
                states = self._states_before(index, [(o, a) for o, a in out if o < match.start()], count)
                out += [(match.start(), Actor(self.gaz.state_in(a.name, year), "country")) for a in states]
        for match in self._scan(_THE_HOLDERS, lo, hi):
            if any(offset == match.start() for offset, _ in out) or any(a.kind == "person" for _, a in out):
                continue
            # "The leaders also signed": the people the sentence before names, all of them (not where
            # one of them holds an office the phrase does not name: a foreign minister is no leader)
            people = self._people_before(index)
            words = _HOLDER_WORDS.get(" ".join(match.group(1).split()), ())
            if any(r and not any(w in r.casefold() for w in words) for p in people for r in self._roles_of(Actor(p, "person"))):
                continue
            for who in people:
                out.append((match.start(), Actor(who, "person", self._role(who))))
            if not people and " ".join(match.group(1).split()).casefold() in _STATES_HOLDERS:
                # "the heads of state signed", no one named before: the states of the counted group
                # the text spoke of last ("the five presidents decided ... the heads of state signed")
                out += [(match.start(), a) for a in self._group_before(index, year)]
        opening = re.match(r"\s*(?:He|She)\b", text[lo:hi])
        if opening and any(a.kind == "person" for _, a in out) and (start is None or start == lo):
            # "He and his counterpart, X, met": the sentence opens with the person named before
            who = self._recent_person(index)
            if who and all(a.name != who for _, a in out):
                out.append((lo + opening.end() - len(opening.group(0).strip()), Actor(who, "person", self._role(who))))
        speaker = self._speaker()
        if speaker is not None:
            # "I held my first talk with X" in a speech: the speaker its header names
            out += [(match.start(), speaker) for match in self._scan(_FIRST_SINGULAR, lo, hi)]
        for match in self._scan(_OUR, lo, hi):
            state = self._speakers_state()
            if state is None:
                continue
            if match.group("court"):
                words = " ".join(w.capitalize() for w in match.group("court").split())
                # (where the court's own name stands, so that the state's court is the one meant)
                out.append((match.start("court"), Actor(self.gaz.of_state(words, state), "organization")))
            elif match.group("legislature"):
                body = self._legislature("parliament", [Actor(state, "country")], index)
                out.append((match.start(), body or Actor(state, "country")))
            else:
                out.append((match.start(), Actor(state, "country")))
        pronoun = _PRONOUN.search(text, lo, hi)
        # (a person named only after "he" is someone else: "he said that he had met X"; not after "his",
        # which may look ahead: "In his speech on 31 July, King X invited")
        ahead = pronoun is not None and pronoun.group(0).lower() in ("he", "she")
        if pronoun and not any(a.kind == "person" and (offset < pronoun.start() or not ahead) for offset, a in out):
            who = self._recent_person(index)
            state = self._person_state(Actor(who, "person")) if who and pronoun.group(0).lower() in ("his", "her") \
                and _HER_GOVERNMENT.match(text, pronoun.end()) else None
            if state:
                out.append((pronoun.start(), Actor(state, "country")))  # "his government signed": his state's
                later = _PRONOUN.search(text, pronoun.end(), hi)
                if later:  # ("His Government was restored when he returned": he is still the person)
                    out.append((later.start(), Actor(who, "person", self._role(who))))
            elif who:
                # (where the pronoun stands: "The Council calls on him" is not his act)
                out.append((pronoun.start(), Actor(who, "person", self._role(who))))
        for match in self._scan(self._group_names(), lo, hi):
            # "the E3 notified": each of its member states
            out += [(match.start(), Actor(member, "country")) for member in self.gaz.groups[match.group(0)]]
        for match in self._scan(self._lowercase_aliases(), lo, hi):
            entry = self.gaz.lowercase[match.group(0)]
            if _GENERIC_ALIAS.fullmatch(match.group(0)) and entry.name not in self._named_in_full():
                continue  # "the alliance" of a text that never names NATO is an alliance of its own
            out.append((match.start(), Actor(entry.name, entry.kind)))
        for match in self._scan(_ORG_ANAPHOR, lo, hi):
            # (a bloc is no state's own body: not "the Assembly of the Union", Myanmar's parliament)
            national = tuple(self._national_bodies(index))
            previous = self._recent_actor(index, "organization", skip=(("NATO",) if self._about("NATO") else ()) + national)
            previous = previous or next((a for a in self.focus if a.kind == "organization"), None)
            if previous:
                out.append((match.start(), previous))
        for match in self._scan(_ORG_WORD_ANAPHOR, lo, hi):
            if any(offset == match.start() for offset, _ in out):
                continue
            word = match.group(1).casefold()
            named = self._recent_actor(index, "organization", word=word) or next(
                (a for a in self.focus if a.kind == "organization" and word in a.name.casefold().split()), None)
            if named is not None:
                out.append((match.start(), named))
        if self.roles:
            for match in re.finditer(r"\b[Tt]he\s+(" + "|".join(map(re.escape, self.roles)) + r")\b", text[lo:hi]):
                at = lo + match.start()
                if not any(offset == at for offset, _ in out):
                    out.append((at, self.roles[match.group(1)]))  # "the Respondent": the party the text called so
        if self.called:
            for match in re.finditer(r"\b[Tt]he\s+(" + "|".join(map(re.escape, sorted(self.called, key=len, reverse=True)))
                                     + r")\b", text[lo:hi]):
                at = lo + match.start()
                if not any(offset == at for offset, _ in out):
                    # "the armed forces", "the alliance": the body the text named so
                    out.append((at, Actor(self.called[match.group(1)], "organization")))
        for match in self._scan(_LATTER, lo, hi):
            before = [a for offset, a in sorted(out, key=lambda p: p[0]) if offset < match.start()]
            if len(before) < 2 and index > 0:
                before = self.resolved(index - 1, year=None) + before
            if not before:
                continue
            pick = before[-1] if match.group(1).casefold() == "latter" else (before[-2] if len(before) > 1 else None)
            if pick:
                out.append((match.start(), pick))
        opening = _IT.match(text[sentence.start:sentence.end])
        after_phrase = None
        if opening and opening.group("ref").lower().startswith("it") and opening.start("ref") > 0:
            # "In 2001 it was extended": often the thing named before, not a state; but the state or
            # body that the sentence before has for its subject ("Samoa did not accept the ruling. On 3
            # May 1999 it asked ...")
            subject = self._subject_before(index) if opening.group("ref").lower() == "it" else []
            at = sentence.start + opening.start("ref")
            if len(subject) == 1 and subject[0].kind in ("country", "organization") \
                    and not _EXPLETIVE_IT.match(text, at, sentence.end) \
                    and not _IT_DONE_TO.match(text, at, sentence.end):
                after_phrase = (at, subject[0])  # (not "In 2001 it was extended": a thing done)
            opening = None
        if after_phrase is not None:
            out.append(after_phrase)
        if opening and _EXPLETIVE_IT.match(text, sentence.start + opening.start("ref"), sentence.end):
            opening = None  # "It took the help of a mediator to ...", "It was agreed that ...": no one
        if opening and (start is None or start == sentence.start):
            # ("The Council was set up by A and B. Its first session opened": the subject before, a body)
            subject = self._subject_before(index)
            previous = subject[0] if len(subject) == 1 and subject[0].kind == "organization" \
                and opening.group("ref").lower().startswith("it") else self._recent_actor(index, "country")
            if previous:
                # (at the sentence's start for "It", on the noun for "In 1945, the country joined")
                at = sentence.start + (opening.start("ref") if not opening.group("ref").lower().startswith("it") else 0)
                out.append((at, previous))
        for match in self._scan(_ITS_AGENT, lo, hi):
            if (opening and sentence.start + opening.start("ref") == match.start()) \
                    or any(a.kind == "country" and offset < match.start() for offset, a in out):
                continue  # (the sentence's opening, placed above; a state this sentence names first owns it)
            subject = self._subject_before(index)
            state = subject[0] if len(subject) == 1 and subject[0].kind in ("country", "organization") \
                else self._recent_actor(index, "country")
            if state:
                out.append((match.start(), state))  # "the PRC took China's seat. ... its ambassador asked"
        for match in self._scan(_THE_COUNTRY, lo, hi):
            if opening and sentence.start + opening.start("ref") == match.start():
                continue  # (the sentence's opening, placed above)
            # "..., and the country was admitted to the UN": the state named last before it
            before = [a for offset, a in sorted(out, key=lambda p: p[0]) if a.kind == "country" and offset < match.start()]
            # (else the first state the text is about, else the state the sentences before named last)
            about = [a for a in self.focus if a.kind == "country"]
            state = before[-1] if before else about[0] if about else self._recent_actor(index, "country")
            if re.search(r"\b(?:new|young)\s", match.group(0)):
                # "India had recognised the new state": the state just told of, not one this sentence names
                state = self._founded_state(index) or \
                    self._recent_actor(index, "country", skip=tuple(a.name for a in before)) or state
            if state is not None:
                out.append((match.start(), state))
        for match in self._scan(_PLURAL, lo, hi):
            # "the two sides signed ..., the Year of Russia": the parties of the sentences before,
            # unless the sentence names two before the phrase (or, for "they", any at all before it: "In
            # 2003 they put the question to the Court" still means the pair before).
            they = re.fullmatch(r"they|(?:the\s+two|both)\s+of\s+them", match.group(0).lower()) is not None
            named = {a.name for offset, a in out if a.kind in ("country", "organization") and offset < match.start()}
            if not named or (len(named) < 2 and not they):
                states = re.search(r"countries|nations|states|governments", match.group(0)) is not None
                # "A and B met in May. They signed ...": the pair that was the subject before, people too
                pair = self._subjects_before(index) if they else []
                if re.search(r"blocs|organi[sz]ations", match.group(0)):
                    pair = self._recent_pair(index, organisations=True)  # "the two blocs": no states
                elif re.search(r"delegations|negotiators", match.group(0)):
                    # "the negotiators reached an agreement": the two parties of the talks the text tells
                    pair = list(self.process_pair()) or self._parties_about()
                about = [a for a in self.focus if a.kind == "country"]
                if not pair and states and len(named) == 1 and len(about) == 2 and named <= {a.name for a in about}:
                    # "X's president recognised Belize, and the two countries established relations",
                    # in a text about Belize and Guatemala: the two it is about
                    pair = about
                pair = pair or self._recent_pair(index, states=states)
                if match.group(0)[:3].lower() == "our" and states:
                    pair = self._ours(pair)
                for actor in pair:
                    out.append((match.start(), actor))
            break
        for match in self._scan(_SEVERAL, lo, hi):
            # "the three governments signed", "the four states hand Qatar a list": the last three (four)
            # states the text named before the phrase
            wanted = _NUMBERS[(match.group(1) or match.group(2) or match.group(3)).lower()]
            colon = text.find(":", match.end(), hi)
            # ("the twelve states signed the Treaty: A, B, ... and L": the list the sentence gives)
            listed = [a for o, a in sorted(out, key=lambda p: p[0]) if colon >= 0 and o > colon and a.kind == "country"]
            states = list({a.name: a for a in listed}.values()) if len({a.name for a in listed}) == wanted \
                else self._states_before(index, [(o, a) for o, a in out if o < match.start()], wanted)
            if len(states) == wanted:
                # ("the four states" of 1995, after a list of 1957: the states then)
                out += [(match.start(), Actor(self.gaz.state_in(actor.name, year), "country")) for actor in states]
        for match in self._scan(_BARE_BODY, lo, hi):
            if text[match.end():match.end() + 1].isalpha() or any(n.start <= match.start(2) < n.end and n.canonical
                                                                  and len(n.canonical) > len(match.group(2)) for n in names):
                continue
            state = self._seated_in(match.end())
            if state:
                # "the Assembly in Skopje": the legislature of the state whose capital it sits in
                entry = _legislatures()["countries"].get(state)
                if entry is not None and match.group(2).capitalize() in entry["name"].split():
                    out.append((match.start(), Actor(entry["name"], "organization")))
                    continue
            body = self._recent_body(index, match.group(2).capitalize(), (match.group("qualifier") or "").strip(),
                                     at=match.start())
            if body:
                out.append((match.start(), body))
        for match in self._scan(_STATE_MINISTRY, lo, hi):
            # "Russia's foreign ministry", "the Peruvian defence ministry": that state's ministry
            # (the owner's words in full, else its last word: "Last Thursday Russia's")
            last = match.group("owner").rfind(" ") + 1
            for at, owner in ((match.start(), match.group("owner")), (match.start() + last, match.group("owner")[last:])):
                entry = self.gaz.lookup(owner)
                state = entry.name if entry is not None and entry.kind == "country" else self.gaz.demonyms.get(owner)
                if state and getattr(self.gaz.lookup(state), "kind", None) == "country":
                    ministry = _MINISTRIES[match.group("kind").lower()[:5]]
                    out.append((at, Actor(self.gaz.of_state(ministry, state), "organization")))
                    break
        for match in self._scan(_SEATED_BODY, lo, hi):
            state = self._seated_in(match.end(1))
            if state:
                out.append((match.start(), Actor(self.gaz.of_state("Cabinet", state), "organization")
                            if match.group(1) == "cabinet" else Actor(state, "country")))
        for pattern in (_BARE_GOVERNMENT, _ELECTORATE):
            for match in self._scan(pattern, lo, hi):
                before = text[max(lo, match.start() - 30):match.start()].split()
                if pattern is _ELECTORATE and before and before[-1][:1].isupper() and before[-1] not in ("The", "Two-thirds"):
                    continue  # "Norwegian voters": the state its adjective names
                state = self._the_one_state()
                if state and not any(offset == match.start() for offset, _ in out):
                    out.append((match.start(), Actor(state, "country")))
        for match in self._scan(_COMPASS_STATE, lo, hi):
            # "the North announced": the one state the text names whose name begins with that word
            # ("North Korea"), not a region where the text names none or two
            states = {n for n in self._named() if n.startswith(match.group(1) + " ")
                      and getattr(self.gaz.lookup(n), "kind", None) == "country"}
            if len(states) == 1 and not any(offset == match.start() for offset, _ in out):
                out.append((match.start(), Actor(states.pop(), "country")))
        for match in self._scan(_COURT, lo, hi):
            if any(n.start <= match.start(1) < n.end and n.canonical for n in names) \
                    or any(offset == match.start() for offset, _ in out):
                continue
            # the one court or tribunal the text names, before this sentence or after it
            court = self._the_one(lambda name: any(word in name.split() for word in _COURT_WORDS)) \
                or self._court_before(index)
            if court:
                out.append((match.start(), court))
        for match in self._scan(_COURT_ACT, lo, hi):
            # the court or tribunal the text names last (the noun's own place: its maker)
            body = self._recent_body(index, "Court", at=match.start()) or self._recent_body(index, "Tribunal", at=match.start())
            if body is not None and not any(offset == match.start() for offset, _ in out):
                out.append((match.start() + match.group(0).rfind(" ") + 1, body))
        for match in self._scan(_BODY_PEOPLE, lo, hi):
            # "Forum Leaders", "Council members": the body whose people they are; "adopted by Leaders" on
            # a page about an organisation alone: that organisation
            if any(offset == match.start() for offset, _ in out):
                continue
            word = match.group(1)
            orgs = [a for a in self.focus if a.kind == "organization"]
            body = self._recent_body(index, word, at=match.start()) if word else (
                orgs[0] if orgs and not any(a.kind == "country" for a in self.focus) else None)
            if body:
                out.append((match.start(), body))
        for match in self._scan(_DESCRIBED_BODY, lo, hi):
            if any(offset == match.start() for offset, _ in out):
                continue
            body = self._described_body(match.group(1).split(), match.group(2))
            if body:
                out.append((match.start(), body))
        for match in self._scan(_LEGISLATURE, lo, hi):
            if any(n.kind == "organization" and n.canonical and n.start <= match.start() and match.end() <= n.end
                   and n.canonical != match.group(0) for n in names):
                continue  # "the European Parliament": a body's own name, not a state's parliament
            body = self._legislature(match.group(0), [a for _, a in out], index, at=match.start(), names=names)
            if body:
                out.append((match.start(), body))
        for match in self._scan(_PLURAL_LEGISLATURES, lo, hi):
            # "Both parliaments ratified the treaty": the legislature of each of the two states, those the
            # sentence named before the phrase, else the pair the sentences before (or the text) are about;
            # a state's own the sentence names ("..., the Senate of A by 80 votes to 6") is the one it means
            before = list({a.name: a for o, a in out if a.kind == "country" and o < match.start()}.values())
            pair = before if len(before) == 2 else self._recent_pair(index, states=True) or self._two_states_before(index)
            named = [a for _, a in out if a.kind == "organization"]
            # (each at a place of its own in the phrase, so that the phrase keeps both)
            second = match.start(1) if match.group(1) else match.start(2)
            for at, state in zip((match.start(), second), pair if len(pair) == 2 else (), strict=False):
                own = re.compile(rf"(?:{_legislature_words().pattern}) of (?:the )?{re.escape(state.name)}")
                body = next((a for a in named if own.fullmatch(a.name)), None) \
                    or self._legislature("parliament", [state], index)
                if body is not None:
                    out.append((at, body))
        return out

    def process_pair(self) -> tuple[Actor, ...]:
        """The two parties of the process the text tells, where its first joint act names them: "the
        Government of X and the Y signed", "talks between X and Y" (the publisher of a press release,
        which its title names, is not one of them)."""
        if self._process is None:
            self._process = ()
            if len([a for a in self.focus if a.kind in ("country", "organization")]) >= 2 \
                    and _PAIR_TITLE.search(self.doc.title or ""):
                return self._process  # a title that names the pair ("Belizean–Guatemalan dispute") says who
            for i, sentence in enumerate(self.doc.sentences[:12]):
                text = self.doc.text
                placed = [(o, a) for o, a in self.resolved_at(i, year=None, every=True) if a.kind in ("country", "organization")]
                for (o1, a1), (o2, a2) in itertools.pairwise(sorted(placed, key=lambda p: p[0])):
                    if a1.name == a2.name:
                        continue
                    name1 = next((n for n in self.names.get(i, ()) if n.start == o1), None)
                    name2 = next((n for n in self.names.get(i, ()) if n.start == o2), None)
                    if name1 is None or name2 is None or not _AND_THE.fullmatch(text, name1.end, o2) \
                            or self._named_as(name2) != a2.name or self._named_as(name1) != a1.name:
                        continue  # (not the first member of a group: "the P5+1 (China, ...)")
                    if re.search(r",\s*(?:the\s+)?$", text[max(sentence.start, o1 - 4):o1]) \
                            or re.match(r"\s*,", text[name2.end:name2.end + 2]):
                        continue  # one of a list of three or more ("A, B and C signed")
                    before = text[max(sentence.start, o1 - 60):o1]
                    after = text[o2:min(sentence.end, o2 + 140)]
                    if _BETWEEN.search(before) or _JOINT_VERB.search(after):
                        self._process = (a1, a2)
                        return self._process
            self._process = self._named_pair()
        return self._process

    def _named_pair(self) -> tuple[Actor, ...]:
        """The two states a text names far more than any other, about as often as each other (a blog on
        the war between two neighbours, a ministry's page on its relations with one state), where its
        title does not name them."""
        counts = self.named_counts
        if len(counts) < 2 or self.titled >= 2:
            return ()
        (n1, first), (n2, second) = counts[0], counts[1]
        n3 = counts[2][0] if len(counts) > 2 else 0
        if n2 >= _PAIR_MENTIONS and n2 * 5 >= n1 * 2 and n3 * 2 <= n2:
            return (Actor(first, "country"), Actor(second, "country"))
        return ()

    def _named_as(self, name: Name) -> str | None:
        """The canonical name a name of the text stands for (an acronym read out)."""
        if name.kind == "acronym" or name.kind == "programme":
            entry = self._entry(name.canonical or "")
            return entry.name if entry is not None else None
        return name.canonical

    def _states_before(self, index: int, here: list[tuple[int, Actor]], wanted: int) -> list[Actor]:
        """The states a phrase such as "the four states" means: the nearest list of just that many states
        ("Saudi Arabia, the United Arab Emirates (UAE), Bahrain and Egypt"), in this sentence before the
        phrase, then up to seven sentences before it, in its section."""
        for i in range(index, max(-1, index - 8), -1):
            if self.doc.sentences[i].section != self.doc.sentences[index].section:
                break
            listed = self._listed_states(i, self.resolved_at(i, year=None, every=True) if i != index else here, wanted)
            if listed:
                return listed
        for i in range(index, max(-1, index - 8), -1):
            if self.doc.sentences[i].section != self.doc.sentences[index].section:
                break
            # (else the nearest sentence that names just that many states: "A, B, C and D now shared
            # the shore with E" for "the five")
            placed = self.resolved_at(i, year=None, every=True) if i != index else here
            # (after a colon, where the sentence has one: "turned two states into five: A, B, C and D
            # now shared the shore with E")
            colon = self.doc.text.find(":", self.doc.sentences[i].start, self.doc.sentences[i].end)
            named = list({a.name: a for o, a in sorted(placed, key=lambda p: p[0])
                          if a.kind == "country" and o > colon}.values())
            if len(named) == wanted:
                return named
        for i in range(index - 1, -1, -1):
            # (else a list of just that many states anywhere before: "... by Kazakhstan, Kyrgyzstan,
            # Tajikistan, Turkmenistan and Uzbekistan" in an introduction, "the five states" panels later;
            # read from the sentence's names, not its resolved actors, which may ask this again)
            countries = [(n.start, Actor(n.canonical, "country")) for n in self.names.get(i, ())
                         if n.kind == "country" and n.canonical]
            if len(countries) >= wanted:
                listed = self._listed_states(i, countries, wanted)
                if listed:
                    return listed
        return []

    def _group_before(self, index: int, year: int | None) -> list[Actor]:
        """The states of the last counted group of states or of their leaders that the sentences before
        speak of ("the five states", "the four presidents"), within twenty sentences."""
        text = self.doc.text
        for i in range(index - 1, max(-1, index - 20), -1):
            sentence = self.doc.sentences[i]
            counts = [m.group(1) or m.group(2) or m.group(3) for m in _SEVERAL.finditer(text, sentence.start, sentence.end)]
            counts += [m.group(1) for m in _TWO_HOLDERS.finditer(text, sentence.start, sentence.end)
                       if m.group(1) and m.group(2).casefold() in _STATES_HOLDERS]
            for count in reversed(counts):
                wanted = _NUMBERS.get(count.lower(), 0)
                states = self._states_before(i, self.resolved_at(i, year=None, every=True), wanted) if wanted > 2 else []
                if states:
                    return [Actor(self.gaz.state_in(a.name, year), "country") for a in states]
        return []

    def _listed_states(self, i: int, placed: list[tuple[int, Actor]], wanted: int) -> list[Actor]:
        """The last list of just `wanted` states ("A, B and C") that sentence i names."""
        ends = {n.start: n.end for n in self.names.get(i, ())}
        states = sorted({(o, a) for o, a in placed if a.kind == "country" and o in ends}, key=lambda p: p[0])
        run: list[tuple[int, Actor]] = []
        lists: list[list[Actor]] = []  # (the last such list of the sentence: the nearest)
        for offset, actor in states:
            if run and actor in [a for _, a in run]:
                continue  # its acronym in brackets: "the United Arab Emirates (UAE)"
            if run and _LISTED.fullmatch(self.doc.text, ends[run[-1][0]], offset):
                run.append((offset, actor))
            else:
                if len(run) == wanted:
                    lists.append([a for _, a in run])
                run = [(offset, actor)]
        if len(run) == wanted:
            lists.append([a for _, a in run])
        return lists[-1] if lists else []

    def _subjects_before(self, index: int) -> list[Actor]:
        """The two or more actors joined as the subject of the sentence before, in the same section
        ("Prime Ministers A and B met in October"): whom "they" then means."""
        found = self._subject_before(index)
        return found if len(found) >= 2 else []

    def _subject_before(self, index: int) -> list[Actor]:
        """The actors the subject of the sentence before names, in the same section."""
        if index == 0 or self.doc.sentences[index - 1].section != self.doc.sentences[index].section:
            return []
        sentence, tokens = self.doc.sentences[index - 1], self.parse.tokens
        # (the first token at or after its start: a chronology entry's date is not parsed)
        first = bisect.bisect_left(self.parse.starts, sentence.start)
        if first >= len(tokens) or tokens[first].start >= sentence.end:
            return self._opening_name(index - 1)
        last = first
        while last + 1 < len(tokens) and tokens[last + 1].start < sentence.end:
            last += 1
        inside = range(first, last + 1)
        subject = next((i for i in inside if tokens[i].dep in ("nsubj", "nsubjpass")
                        and tokens[tokens[i].head].head == tokens[i].head), None)  # (of the root)
        if subject is None:
            return []
        heads = [subject]
        for i in inside:
            if tokens[i].dep == "conj" and tokens[i].head in heads:
                heads.append(i)
            elif tokens[i].dep == "conj" and tokens[i].ent == "PERSON" and tokens[tokens[i].head].dep == "pobj" \
                    and tokens[tokens[tokens[i].head].head].head in heads:
                heads.append(i)  # ("President A of Ghana and President B of Guinea met": B hung on A's state)
        # (with a name in apposition: "his former deputy Luis Vega")
        named = set(heads) | {i for i in inside if tokens[i].head in heads and tokens[i].dep == "appos"}
        # (and its article: a bare body is placed where "the Council" begins)
        covered = named | {i for i in inside if tokens[i].head in named and tokens[i].dep in ("compound", "flat", "det")}
        found: list[Actor] = []
        for offset, actor in self.resolved_at(index - 1, year=None, every=True):
            if self.parse.token_at(offset) in covered and actor not in found \
                    and actor.kind in ("person", "country", "organization"):
                found.append(actor)
        return found

    def _opening_name(self, index: int) -> list[Actor]:
        """The actor whose name opens sentence `index`, not parsed (it has no date), and is followed by
        a word in lower case: its subject ("The Commonwealth moved slowly. It suspended ...")."""
        sentence, text = self.doc.sentences[index], self.doc.text
        # (after a speaker's label: "HOST: The Commonwealth moved slowly.")
        label = re.match(r"[A-Z][A-Za-z .'-]{0,30}:\s+", text[sentence.start:sentence.end])
        start = sentence.start + (label.end() if label else 0)
        name = next((n for n in self.names.get(index, []) if n.start >= start), None)
        if name is None or not re.fullmatch(r"\W*(?:[Tt]he\s+)?", text[start:name.start]) \
                or not re.match(r"\s+[a-z]", text[name.end:sentence.end]):
            return []
        found = [a for o, a in self.resolved_at(index, year=None, every=True)
                 if o == name.start and a.kind in ("person", "country", "organization")][:1]
        state = self.gaz.capital_of(name.canonical) if not found and name.kind == "place" and name.canonical else None
        entry = self.gaz.lookup(state) if state else None
        return found or ([Actor(entry.name, "country")] if entry is not None and entry.kind == "country" else [])

    def _recent_pair(self, index: int, *, states: bool = False, organisations: bool = False) -> list[Actor]:
        """The countries (or bodies) that the nearest earlier sentence of the section names two or more
        of; for `states` ("the two countries"), countries only, for `organisations` ("the two blocs")
        organisations only, else the two the text is about."""
        for i in range(index - 1, max(-1, index - (7 if states or organisations else 4)), -1):  # (further back)
            if self.doc.sentences[i].section != self.doc.sentences[index].section:
                break
            resolved = self.resolved(i, year=None)
            found = [a for a in resolved if a.kind in ("country", "organization")]
            countries = [a for a in found if a.kind == "country"]
            held = list(dict.fromkeys(s for a in resolved if a.kind == "person" for s in [self.office_state(a)] if s))
            if len(held) >= 2 and len({a.name for a in countries} | set(held)) == len(held):
                # "the two prime ministers, A and B, signed ...; the two sides agreed": the states they lead
                countries = [Actor(name, "country") for name in held]
            bodies = [a for a in dict.fromkeys(found) if a.kind == "organization"]
            if organisations:
                if len(bodies) == 2:
                    return bodies
                continue
            if len(countries) >= 2:
                pair = self._pair_about()
                if states and len(pair) == 2 and not {a.name for a in countries} & {a.name for a in pair}:
                    return pair  # (two states named in passing, "firms of A and B", in a text about two others)
                return countries
            if len(found) >= 2 and not states:
                return found
        kind = "organization" if organisations else "country"
        pair = [a for a in self.focus if a.kind == kind]
        if states and len(pair) == 1:
            # (a text about one state: it and the other state the text names most)
            pair += [Actor(name, "country") for name in self.most_named if name != pair[0].name][:1]
        return pair if (states or organisations) and len(pair) == 2 else []

    def _pair_about(self) -> list[Actor]:
        """The two states the text is about: those its title names, else the two it names far more than any other."""
        about = [a for a in self.focus if a.kind == "country"]
        return about if len(about) == 2 else list(self._named_pair())

    def _two_states_before(self, index: int) -> list[Actor]:
        """The two states the nearest earlier sentence of the text names, where it names just two ("a
        treaty between A and B", a few sections before "both parliaments ratified it")."""
        for i in range(index - 1, max(-1, index - 12), -1):
            countries = list({a.name: a for a in self.resolved(i, year=None) if a.kind == "country"}.values())
            if len(countries) == 2:
                return countries
        return []

    def _parties_about(self) -> list[Actor]:
        """The two states or organisations the text is about, if it is about two."""
        pair = [a for a in self.focus if a.kind in ("country", "organization")]
        return pair if len(pair) == 2 else []

    def _recent_body(self, index: int, word: str, qualifier: str = "", *, at: int | None = None) -> Actor | None:
        """The organisation whose name ends in `word` that the text names last, this sentence first
        (`qualifier`: the word before it, "General" of "the General Assembly"; `at`: where the short
        name stands, which only a name before it can be meant by)."""
        if not qualifier and word in self.called:
            return Actor(self.called[word], "organization")  # "The Executive Council (the Council)"
        if word in _SITTING_OF:
            # "the Chamber" (of five judges) acts for the court or tribunal named last
            sat = next((o for o in self._organisations_before(index) if set(o.split()) & _SITTING_OF[word]), None)
            if sat is not None:
                return Actor(sat, "organization")
        qualified = None  # ("the Council" is rather not the Security Council, named in passing)
        farther = None  # (but it is, where the text names no other council at all)
        # the organisation the text is about, called by its last word ("the Council" on a page about
        # the Nordic Council, whatever other council it named last)
        about = [a for a in self.focus if a.kind == "organization" and word in (a.name.split()[-1], _head_word(a.name))]
        if len(about) == 1 and not qualifier:
            return about[0]
        for i in range(index, max(-1, index - 30), -1):
            for name in reversed(self.names.get(i, [])):
                if at is not None and name.start >= at:
                    continue  # ("The Council endorsed it, and Iraq's Revolutionary Command Council ...": not that one)
                if name.kind in ("organization", "acronym") and name.canonical:
                    body = self._body_of(name)
                    if body is not None and body.name.startswith(f"{word} of "):
                        return body  # "the Council of the League of Arab States"
                    entry = self._entry(name.canonical) if name.kind == "acronym" else None
                    # (a body named by its kind, owned by the organisation named before: as it was resolved)
                    canonical = entry.name if entry is not None else self._possessed_body(name) or \
                        (self._focus_owned(name) if name.kind == "organization" else None) or name.canonical
                    # "the Court": the International Court of Justice, the Court of Justice
                    if canonical.split()[-1] == word or canonical.split(" of ")[0].split()[-1] == word:
                        if not qualifier and re.search(rf"\b(?:General|Security|Executive|Permanent) {word}\b", canonical):
                            if qualified is None and index - i <= 3:
                                qualified = Actor(canonical, "organization")  # (named just before: that one)
                            farther = farther or Actor(canonical, "organization")
                            continue
                        return Actor(canonical, "organization")
        # a body the text is about ("the Secretariat" on the page of the X Forum Secretariat)
        about = [a for a in self.focus if a.kind == "organization" and word in (a.name.split()[-1], _head_word(a.name))]
        if len(about) == 1:
            return about[0]
        if qualified is not None:
            return qualified
        # ("the Assembly" of a text about one organisation no list gives one: its own, not the UN's)
        own = self._focus_body(word, qualifier)
        if own is not None:
            return own
        # "the Commission" in a text about the European Union: the body of that name the
        # organisation the text names last (or is about) has.
        owners = [*self._organisations_before(index), *(a.name for a in self.focus if a.kind == "organization")]
        for owner in owners:
            bodies = [b for b in self.gaz.bodies_of(owner) if b.split()[-1] == word or b.startswith(f"{word} of ")]
            if qualifier:  # "the General Assembly": the one whose name says so
                bodies = [b for b in bodies if f"{qualifier} {word}" in b]
            # "the Council" of the European Union is the Council of the European Union, not the European Council
            named_for = [b for b in bodies if b in (f"{word} of {owner}", f"{word} of the {owner}")]
            if len(bodies) == 1 or len(named_for) == 1:
                return Actor((named_for or bodies)[0], "organization")
        return farther or self._letterhead_body(word)

    def _letterhead_body(self, word: str) -> Actor | None:
        """The body a letterhead names, called by its head word ("the Court" under "INTERNATIONAL COURT OF
        JUSTICE"), where the text names no other of that word."""
        if not (self.doc.title or "").isupper():
            return None
        title = _title_cased(self.doc.title)
        found = [n for n in find_names(title, 0, len(title), gaz=self.gaz, known=self.known, masked=[])
                 if n.kind == "organization" and n.canonical]
        bodies = {e.name for e in (self._entry(n.canonical) or Entry(n.canonical, "organization") for n in found)
                  if word in (e.name.split()[-1], _head_word(e.name))}
        return Actor(bodies.pop(), "organization") if len(bodies) == 1 else None

    def _organisations_before(self, index: int) -> list[str]:
        """The organisations the text names in sentence `index` and the 29 before it, the latest first, an
        acronym under the name it stands for."""
        found = []
        for i in range(index, max(-1, index - 30), -1):
            for name in reversed(self.names.get(i, [])):
                if name.kind in ("organization", "acronym") and name.canonical:
                    entry = self._entry(name.canonical) if name.kind == "acronym" else None
                    found.append(entry.name if entry is not None else name.canonical)
        return found

    def _focus_owned(self, name: Name) -> str | None:
        """A body named by its kind and no owner ("the Committee of Ministers", "the Joint Committee")
        in a text about one organisation: that organisation's ("Committee of Ministers of the Council of
        Europe"), where no list knows the name."""
        canonical = _spelled(name)
        words = canonical.split()
        if not 2 <= len(words) <= 5 or self.gaz.lookup(canonical) is not None or canonical in self.known \
                or not (words[0] in _BODY_WORDS or words[-1] in _BODY_WORDS) \
                or not all(w in _BODY_WORDS or w in self.gaz.body_kind_words for w in words):
            return None
        after = self.doc.text[name.end:name.end + 40]
        before = self.doc.text[max(0, name.start - 30):name.start]
        named = re.search(r"([A-Z][\w-]*)(?:['’]s)?\s+$", before)
        if re.match(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]", after) or (named and named.group(1) not in self.gaz.function_words):
            return None  # ("the Joint Committee of the Andean Union", "the Turkish Assembly": owned as written)
        # (the owner looked for last: the names before are scanned only for a name that is a body's kind)
        owner = self._one_organisation() or self._organisation_before(name.start)
        return f"{canonical} of the {owner}" if owner is not None and owner not in canonical else None

    def _acronym_body(self, name: Name) -> str | None:
        """"The MRC Council": the Council of the Mekong River Commission, a body named with its
        organisation's acronym, where no list knows it."""
        found = re.fullmatch(r"([A-Z]{2,6})\s+((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)", name.canonical or "")
        if found is None or found.group(2).split()[-1] not in _BODY_WORDS or self.gaz.lookup(name.canonical) is not None:
            return None
        entry = self._entry(found.group(1))
        # (not where the organisation goes by its acronym: "the NATO Political Committee" stays)
        return f"{found.group(2)} of the {entry.name}" if entry is not None and entry.kind == "organization" \
            and entry.name != found.group(1) else None

    def _possessed_body(self, name: Name) -> str | None:
        """"The Agency's Board of Governors", "NATO's Military Committee": a body named after its
        organisation's possessive, by the organisation's name, acronym or last word (that of the one
        organisation the text is about)."""
        found = _POSSESSED_BODY.fullmatch(_spelled(name))
        if found is None:
            # (the possessive a name of its own before it: "The Fund's | Board of Governors")
            before = _OWNER_BEFORE.search(self.doc.text, max(0, name.start - 40), name.start)
            found = _POSSESSED_BODY.fullmatch(f"{before.group(1)}'s {_spelled(name)}") if before else None
        if found is None or not ({found.group(2).split()[0], found.group(2).split()[-1]} & _BODY_WORDS):
            return None
        entry = self._entry(found.group(1))
        if entry is not None and entry.kind == "organization":
            owner = entry.name
        else:
            owners = [a.name for a in self.focus if a.kind == "organization" and a.name.split()[-1] == found.group(1)]
            owner = owners[0] if len(owners) == 1 else None
        return f"{found.group(2)} of the {owner}" if owner else None

    def _of_the_focus(self, name: Name) -> str | None:
        """"The Assembly of the Authority" in a text about the International Seabed Authority: a body of
        the organisation the text is about, named with the last word of its name."""
        found = re.fullmatch(r"((?:[A-Z][a-z]+\s+){0,2}[A-Z][a-z]+)\s+of\s+the\s+([A-Z][a-z]+)", name.canonical or "")
        owner = self._one_organisation()
        if found is None or owner is None or found.group(1).split()[-1] not in _BODY_WORDS \
                or owner.split()[-1] != found.group(2):
            return None
        return f"{found.group(1)} of the {owner}"

    def _focus_body(self, word: str, qualifier: str = "") -> Actor | None:
        """"The Council", "the Assembly" in a text about one organisation that no list gives such a body:
        that organisation's ("Council of the International Seabed Authority")."""
        owner = self._one_organisation()
        if owner is None or word in owner.split() or qualifier in ("General", "Security") \
                or any(b.split()[-1] == word or b.startswith(f"{word} of ") for b in self.gaz.bodies_of(owner)):
            return None
        return Actor(f"{qualifier} {word} of the {owner}".strip(), "organization")

    def _organisation_before(self, offset: int) -> str | None:
        """The organisation the text names most often before `offset` (the latest of equals), where
        the text is about none: whose body a body named only by its kind is ("the Council of Europe
        ... the Committee of Ministers")."""
        counts: dict[str, int] = {}
        for index in sorted(self.names):
            for name in self.names[index]:
                if name.start >= offset:
                    break
                entry = self._entry(name.canonical) if name.kind == "acronym" and name.canonical else None
                if name.kind == "organization" and name.canonical and not name.parent:
                    owner = name.canonical
                elif entry is not None and entry.kind == "organization" and not entry.parent:
                    owner = entry.name
                else:
                    continue
                counts[owner] = counts.pop(owner, 0) + 1  # (re-inserted: the latest last among equals)
        ranked = sorted(counts.items(), key=lambda item: item[1])
        return ranked[-1][0] if ranked else None

    def _one_organisation(self) -> str | None:
        """The one organisation the text is about, if it is about exactly one."""
        owners = [a.name for a in self.focus if a.kind == "organization"]
        return owners[0] if len(owners) == 1 else None

    def _seated_court(self, name: Name) -> str | None:
        """"The High Court in Maseru", "the Supreme Court in Lima": that capital's state's court."""
        words = (name.canonical or "").split()
        if len(words) != 2 or words[0] not in _NATIONAL_COURTS or words[1] != "Court":
            return None
        seat = self._seated_in(name.end)
        return self.gaz.of_state(name.canonical, seat) if seat else None

    def _state_body(self, name: Name) -> str | None:
        """A state's court or council named by its kind after the state ("Kosovo's Constitutional Court",
        "the Colombian Constitutional Court"): "Constitutional Court of Kosovo"."""
        words = (name.canonical or "").split()
        of_court = len(words) == 3 and words[:2] in (["Court", "of"], ["Tribunal", "of"])  # ("Italy's Court of Cassation")
        if not 2 <= len(words) <= 4 or (" of " in name.canonical and not of_court) \
                or (words[-1] not in ("Court", "Tribunal", "Council", "Committee") and not of_court) \
                or self.gaz.lookup(name.canonical) is not None:
            return None
        before = self.doc.text[max(0, name.start - 40):name.start]
        owner = re.search(r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:['’]s)?\s+$", before)
        if owner is not None and owner.group(1) in self.gaz.function_words:
            owner = None  # ("The Supreme Court")
        if owner is None:
            # "The Supreme Court upheld" in a text about one state: that state's
            states = [a.name for a in self.focus if a.kind == "country"]
            if len(states) != 1:
                states = self._publisher_states()  # ("The Supreme Court" in one state's press release)
            national = len(words) == 2 and words[0] in _NATIONAL_COURTS and words[1] == "Court"
            return self.gaz.of_state(name.canonical, states[0]) if national and len(states) == 1 else None
        word = owner.group(1)
        entry = self.known.get(word) or self.gaz.lookup(word)  # (an acronym the text defined: "PNG's Supreme Court")
        state = entry.name if entry is not None and entry.kind == "country" else self.gaz.demonyms.get(word)
        return self.gaz.of_state(name.canonical, state) if state else None

    def _led_body(self, name: Name, resolved: list[Actor]) -> tuple[int, Actor, bool] | None:
        """The state (or its cabinet) that a person's government is: "the government of Andreas
        Papandreou" (the state, at "the government", the person kept), "Jammeh's government" (the
        state, in the person's place). None where the person's state is not known."""
        people = [a for a in resolved if a.kind == "person"]
        if len(people) != 1:
            return None
        text = self.doc.text
        owner = name.end if text[name.end - 2:name.end] in ("'s", "’s") \
            else name.end + 2 if text[name.end:name.end + 2] in ("'s", "’s") else None
        after = _LEADERS_BODY.match(text, owner, owner + 40) if owner is not None else None
        before = None if after else _LED_BY.search(text, max(0, name.start - 80), name.start)
        if not (after or before):
            return None
        # (a government says its leader heads a state: in a text about one state and an organisation,
        # that state; not in one about two states, whose other one the text may leave out of its title)
        states = [a.name for a in self.focus if a.kind == "country"]
        one = len(states) == 1 and any(a.kind == "organization" for a in self.focus)
        state = self._person_state(people[0]) or (states[0] if one else None)
        if state is None:
            return None
        word = (after or before).group(1).casefold()
        actor = Actor(self.gaz.of_state("Cabinet", state), "organization") if word == "cabinet" \
            else Actor(state, "country")
        return (name.start, actor, False) if after else (before.start(), actor, True)

    def _beside(self, end: int, start: int) -> bool:
        """Whether only a comma and honorifics stand between two names ("Foreign Secretary, Lord Cameron")."""
        gap = self.doc.text[end:start].strip().removeprefix(",").split()
        return 0 <= start - end <= 24 and all(w in self.gaz.honorifics or w.rstrip(".") in self.gaz.honorifics
                                              for w in gap)

    def _roles_of(self, person: Actor) -> list[str]:
        """A person's offices: as the sentence gives it, as the text gave them, as the list of office
        holders knows them ("Prime Minister of Greece")."""
        roles = [person.role or "", *(self.persons[person.name].roles if person.name in self.persons else [])]
        known = self.gaz.people.get(fold(person.name))
        return roles + ([f"{r[0]} of {r[1]}" for r in known.roles] if known else [])

    def office_state(self, person: Actor) -> str | None:
        """The state whose office a person holds, where an office the text or the list of office
        holders gives names it ("Prime Minister of Greece"), or the text says whose the person is
        ("his Indian counterpart, X")."""
        described = self.persons[person.name].state if person.name in self.persons else None
        if described:
            return described
        for role, entry in self._role_owners(person):
            if entry is not None and entry.kind == "country":
                return entry.name
            if fold(role) in self.gaz.national_offices:
                return self.gaz.national_offices[fold(role)]  # "Secretary of State Marco Rubio"
        return None

    def office_body(self, person: Actor) -> str | None:
        """The organisation whose office a person holds, where an office the text or the list of office
        holders gives names one ("Secretary General of NATO"), and no state's."""
        return next((entry.name for _, entry in self._role_owners(person)
                     if entry is not None and entry.kind == "organization"), None)

    def _role_owners(self, person: Actor):
        """Each of a person's offices with the entry of whom it is of ("Prime Minister of Greece": Greece), if any."""
        for role in self._roles_of(person):
            yield role, (self.gaz.lookup(role.split(" of ", 1)[1]) if " of " in role else None)

    def _governed(self, name: Name, who: str | None) -> str | None:
        """The state a leader's government governs, where the name is followed by "government",
        "administration", "regime" in lower case ("the Kamoa regime", "the Kamoa administration";
        the person may be named in full only later)."""
        if not _HIS_GOVERNMENT.match(self.doc.text, name.end):
            return None
        if who is None:
            who = next((p for p in self.persons if " " in p and p.split()[-1] == name.canonical), None)
        return self._person_state(Actor(who, "person")) if who else None

    def _person_state(self, person: Actor) -> str | None:
        """The state a person's office is of: from the text's roles ("Prime Minister of Greece"), the
        list of office holders, or the one state a text about a single state is about."""
        roles = self._roles_of(person)
        state = self.office_state(person)
        if state is not None:
            return state
        # (a head of state or government the text titles, in a text about one state: that state's)
        states = [a.name for a in self.focus if a.kind == "country"]
        return states[0] if len(states) == 1 and any(role for role in roles) else None

    def _seated_in(self, end: int) -> str | None:
        """The state whose capital the words after `end` place a body in ("the Assembly in Skopje")."""
        seat = _SEAT.match(self.doc.text, end, end + 40)
        state = self.gaz.capital_of(seat.group(1)) if seat else None
        return state if state and getattr(self.gaz.lookup(state), "kind", None) == "country" else None

    def _publisher_states(self) -> list[str]:
        """The states a letterhead above the title names ("Republic of the Philippines / Department of
        National Defense / PRESS RELEASE / title"): the publisher's."""
        title = self.doc.title
        at = self.doc.text.find(title) if title else -1
        if at <= 0:
            return []
        states = []
        for i, sentence in enumerate(self.doc.sentences):
            if sentence.end > at:
                break
            states += [n.canonical for n in self.names.get(i, ()) if n.kind == "country" and n.canonical not in states]
        return states

    def _described_body(self, words: list[str], kind: str) -> Actor | None:
        """The one organisation the text names whose name holds these words, in this order, before
        its kind ("referendum commission": the Southern Sudan Referendum Commission)."""
        wanted = re.compile(rf"\b{re.escape(' '.join(w.capitalize() for w in [*words, kind.rstrip('s')]))}s?\b")
        return self._the_one(lambda name: wanted.search(name) is not None)

    def _named(self) -> set[str]:
        """The canonical names of all the text names by a name of their own (not \"the alliance\")."""
        if self._all_named is None:
            self._all_named = {n.canonical for names in self.names.values() for n in names if n.canonical}
            self._all_named |= {a.name for a in self.focus}
        return self._all_named

    def _named_in_full(self) -> set[str]:
        """The canonical names of the organisations the text names by more than one common word ("NATO",
        "the North Atlantic Treaty Organization", not only "the Allies")."""
        if self._full_names is None:
            self._full_names = {n.canonical for names in self.names.values() for n in names
                                if n.canonical and n.kind in ("organization", "acronym") and fold(n.text) not in self.gaz.common_aliases}
            self._full_names |= {a.name for a in self.focus}
            self._full_names |= {e.name for n in self.names.values() for x in n if x.kind == "acronym" and x.canonical
                                 for e in [self._entry(x.canonical)] if e is not None}
        return self._full_names

    def _court_before(self, index: int) -> Actor | None:
        """The court or tribunal the text named last before sentence `index` ("the judges" of a text that
        names two courts: the one its story is at)."""
        for i in range(index - 1, -1, -1):
            for name in reversed(self.names.get(i, [])):
                if name.kind == "organization" and name.canonical \
                        and any(word in name.canonical.split() for word in _COURT_WORDS):
                    return Actor(name.canonical, "organization")
        return None

    def _the_one(self, fits) -> Actor | None:
        """The one organisation of all the text names (acronyms read out) that `fits`, if only one does."""
        if self._organisations is None:
            self._organisations = set()
            for name in (n for names in self.names.values() for n in names):
                if name.kind in ("organization", "acronym") and name.canonical:
                    entry = self._entry(name.canonical) if name.kind == "acronym" else None
                    if name.kind == "organization" or entry is not None:
                        self._organisations.add(entry.name if entry is not None else name.canonical)
        found = {name for name in self._organisations if fits(name)}
        return Actor(found.pop(), "organization") if len(found) == 1 else None

    def _legislature(self, word: str, named: list[Actor], index: int, *, at: int | None = None,
                     names: list[Name] = ()) -> Actor | None:
        """The legislature a bare word names: that of the country that owns it ("Turkey's parliament",
        "the Turkish parliament", "the parliament of Turkey"), else of the country in the sentence,
        else of the document's."""
        data = _legislatures()
        owner = None
        if at is not None:
            text = self.doc.text
            for name in names:
                if name.kind != "country":
                    continue
                between = text[name.end:at]
                after = text[at + len(word):name.start] if name.start > at else None
                if (name.end <= at and re.fullmatch(r"(?:['’]s)?\s*(?:[A-Z][\w-]*\s+)?", between)) or (
                        after is not None and re.fullmatch(r"\s+of\s+(?:the\s+)?", after)):
                    owner = name.canonical
        if owner is None and at is not None:
            owner = self._seated_in(at + len(word))  # "parliament in Honiara": the state whose capital it sits in
        if owner is None and word in data["owned_words"]:
            return None  # "the assembly" of no state named with it: any assembly
        country = owner or next((a.name for a in named if a.kind == "country"), None)
        own = [a.name for a in self.focus if a.kind == "country"]
        if owner is None and len(own) == 1 and (word in data["generic_words"] or fold(word) == "parliament"):
            country = own[0]  # "Parliament approved ..., and the first American aircraft landed" in a text about one state
        country = country or next((a.name for a in self.focus if a.kind == "country"), None)
        shared = word in data["shared_words"]
        if shared and owner is None:
            # "Congress wrote the embargo into law" in a text about Cuba and the United States: the
            # state of the text whose legislature that word names
            states = [a.name for a in [*named, *self.focus] if a.kind == "country"]
            states += [name.canonical for names in self.names.values() for name in names
                       if name.kind == "country" and name.canonical]  # then any state the text names
            owning = [c for c in dict.fromkeys(states) if word in (data["countries"].get(c) or {}).get("words", ())]
            if owning:
                return Actor(data["countries"][owning[0]]["name"], "organization")
        for name, entry in data["countries"].items():
            if (word in entry["words"] or word in (entry["name"],)) and (owner is None or owner == name) \
                    and not (shared and country not in (None, name)):
                return Actor(entry["name"], "organization")
        if country is None:
            # "Parliament stated" in a text about the European Union: the organisation's own parliament
            for org in (a.name for a in [*named, *self.focus] if a.kind == "organization"):
                bodies = [b for b in self.gaz.bodies_of(org) if b.split()[-1].casefold() == word.casefold()]
                if len(bodies) == 1:
                    return Actor(bodies[0], "organization")
            return None
        if word in data["owned_words"]:  # "Serbia's assembly": the state's legislature, by its name
            entry = data["countries"].get(country)
            return Actor(entry["name"] if entry else self.gaz.of_state(word.capitalize(), country), "organization")
        if word in data["chambers"] or shared:
            return Actor(self.gaz.of_state(word, country), "organization")
        if word in data["generic_words"] or fold(word) == "parliament":
            entry = data["countries"].get(country)
            return Actor(entry["name"] if entry else self.gaz.of_state("Parliament", country), "organization")
        return None
    def _entry(self, name: str) -> Entry | None:
        """A defined or known acronym or name; plural acronyms ("IPAPs") as their singular."""
        entry = self.known.get(name) or self.gaz.lookup(name)
        if entry is None and name.endswith("s") and name[:-1].isupper():
            entry = self.known.get(name[:-1]) or self.gaz.lookup(name[:-1])
        return entry

    def _role(self, person: str) -> str | None:
        found = self.persons.get(person)
        return found.roles[0] if found and found.roles else None

    def _organisation_entity(self, name: Name) -> bool:
        """Whether the parse's recogniser took the name for an organisation."""
        return any(e.label == "ORG" and e.start <= name.start and name.end <= e.end + 2
                   for e in self.parse.entities_in(name.start, name.end))

    def _demonym(self, name: Name) -> bool:
        bare = re.sub(r"['’]s$", "", name.text)
        text = self.doc.text
        dashed = text[name.end:name.end + 1] in "-–—/" or text[max(0, name.start - 1):name.start] in ("-", "–", "—", "/")
        return name.kind == "country" and bare != name.canonical and self.gaz.demonym(bare) is not None and not dashed

    def _the_people_acting(self, name: Name) -> bool:
        """"The Americans held a ceremony", "the Soviets withdrew": a people named with "the" as the subject
        of an act is its state."""
        before = self.doc.text[max(0, name.start - 5):name.start]
        return re.search(r"(?:^|\W)[Tt]he\s+$", before) is not None and self._acts(name, as_modifier=False) is True

    def _acts(self, name: Name, *, as_modifier: bool) -> bool | None:
        return self.parse.political_role(name.start, name.end, self.gaz, as_modifier=as_modifier)

    def _body_of(self, name: Name) -> Actor | None:
        """The body of an organisation named by its office and the organisation's short name ("the
        Assembly of the AU", "the Council of the EU"), where the gazetteer knows it under its full name."""
        found = _BODY_BEFORE.search(self.doc.text, max(0, name.start - 60), name.start)
        if found is None:
            return None
        entry = self._entry(name.canonical) if name.kind == "acronym" else None
        owner = entry.name if entry is not None else name.canonical
        for candidate in (f"{found.group(1)} of the {owner}", f"{found.group(1)} of {owner}"):
            body = self.gaz.lookup(candidate)
            if body is not None and body.kind == "organization":
                return Actor(body.name, "organization")
        if found.group(1).split()[-1] in _BODY_WORDS and name.kind == "organization" and not name.text.isupper():
            # "the Council of the League of Arab States", a body no list holds: named as the text names it
            written = re.sub(r"^[Tt]he\s+|['’]s$", "", name.text)
            word = re.sub(r"^The\s+", "", found.group(1))
            return Actor(f"{word} of the {written}", "organization")
        return None

    def _service_of(self, name: Name) -> str | None:
        """The state whose armed service a name is, told with its demonym ("Turkish Navy": Turkey)."""
        if name.kind != "organization":
            return None
        words = re.sub(r"^[Tt]he\s+|['’]s$", "", name.canonical or "").split(" ", 1)
        return self.gaz.demonym(words[0]) if len(words) == 2 and words[1] in self.gaz.services else None

    def _longer_name(self, name: Name) -> Name | None:
        """The longer name the text gave before for a short one that ends it ("the Consultative
        Meeting" after "the Antarctic Treaty Consultative Meeting")."""
        short = _spelled(name)
        if name.kind not in ("programme", "unknown", "organization") or len(short.split()) < 2 \
                or self.gaz.lookup(short) is not None:
            return None
        for index in range(self._index_now - 1, max(-1, self._index_now - 40), -1):
            for earlier in reversed(self.names.get(index, [])):
                if earlier.kind in ("programme", "organization") and (earlier.canonical or "").endswith(f" {short}"):
                    return earlier
        return None

    def _resolve(self, name: Name, names: list[Name], i: int, *, year: int | None) -> list[Actor]:
        actors: list[Actor] = []
        longer = self._longer_name(name)
        if longer is not None:
            name = dataclasses.replace(name, canonical=longer.canonical, kind=longer.kind, parent=longer.parent)
        if name.canonical in self.gaz.groups:
            return actors  # "the E3": its members, found by `_group_names`
        body = self._body_of(name) if name.kind in ("organization", "acronym") else None
        if body is not None:
            return [body]  # "the Assembly of the AU": the Assembly of the African Union, a body of its own
        seat = re.sub(r"['’]s$", "", name.canonical or "") in self.gaz.capitals
        if (name.kind in ("place", "unknown") or seat) and name.canonical and name.text[:1].isupper():
            # "Moscow expelled", "Ankara's bid", "the Kremlin announced": a capital (or a seat of
            # government) acting for its state
            capital = self.gaz.capital_of(re.sub(r"['’]s$", "", name.canonical if seat else name.text))
            if capital and self._acts(name, as_modifier=False):
                entry = self.gaz.lookup(capital)
                if entry is not None and entry.kind == "country":
                    entry = self.gaz.lookup(self.gaz.seat_in(entry.name, year)) or entry  # ("Moscow" in 1956)
                return [Actor(entry.name, entry.kind)] if entry is not None else []
        if name.kind == "country" and self._demonym(name) and self._acts(name, as_modifier=True) is False:
            return actors  # "a Portuguese colony", "five Australian journalists": not the state
        if name.kind == "country" and self._demonym(name) and name.text.endswith("s") \
                and not self.parse.people_act(name.start, name.end, self.gaz.people_acts) \
                and not self._the_people_acting(name):
            return actors  # "armed Serbs attacked": people, not the state ("Venezuelans voted", "the Americans left": the state)
        if name.kind == "organization" and fold(name.text) in self.gaz.common_aliases and name.canonical not in self._named_in_full():
            return actors  # "the Allies" of a text that never names NATO: the war's allies, not the alliance
        service = self._service_of(name)
        if service is not None:
            return [Actor(service, "country")]  # "the Turkish Navy escorted": Turkey
        led = re.fullmatch(r"(?:the\s+)?([A-Z][\w'’-]+)\s+(?:Government|Administration|Cabinet)", name.canonical or "")
        leader = self.person_by_surname(led.group(1), initial=None, year=year, before=name.start) \
            if name.kind == "organization" and led and self.gaz.lookup(led.group(1)) is None else None
        if leader:
            return [Actor(leader, "person", self._role(leader))]  # "the Albanese Government": its leader's
        # a body named by its state ("Kosovo's Constitutional Court"), by its kind in a text about one
        # organisation ("the Joint Committee"), with its organisation's acronym ("the MRC Council") or
        # with the organisation's last word ("the Assembly of the Authority")
        body = (self._state_body(name) or self._possessed_body(name) or self._focus_owned(name) or self._acronym_body(name)) \
            if name.kind == "organization" else (self._of_the_focus(name) or self._focus_owned(name)
                                                 or self._seated_court(name)) \
            if name.kind == "unknown" else None
        if body:
            actors.append(Actor(body, "organization"))
        elif name.kind in ("country", "organization"):
            actors.append(Actor(name.canonical, name.kind))
        elif name.kind in ("acronym", "programme"):
            entry = self._entry(name.canonical)
            if entry is not None and entry.kind in ("country", "organization"):
                actors.append(Actor(entry.name, entry.kind))
            elif entry is None and name.kind == "acronym" and self._organisation_entity(name):
                return [Actor(name.canonical, "organization")]  # "the NCO opened an office": a body no list holds
            parent = entry.parent if entry is not None else name.parent
            if parent is None and (entry is not None or name.kind == "programme"):
                parent = next((a.name for a in self.focus if a.kind == "organization"), None)
            if parent:
                actors.append(Actor(parent, "organization"))
                if entry is None or entry.kind == "programme":
                    self.implied.add((self._index_now, parent))
            return actors
        elif name.kind == "unknown" and name.canonical and " " not in name.canonical:
            who = self.person_by_surname(name.canonical, initial=None, year=year, before=name.start)
            if who and (any(fold(name.canonical) in self._surnames(p) for p in self.persons)
                        or who == self._by_given_name(name.canonical)):
                actors.append(Actor(who, "person", self._role(who)))
            state = self._governed(name, who)
            if state:
                return [Actor(state, "country")]
        elif name.kind == "place" and name.canonical and not _LOCATIVE.search(self.doc.text[max(0, name.start - 14):name.start]):
            if self.gaz.region(name.canonical):
                actors.append(Actor(name.canonical, "other"))
        elif name.kind == "person":
            who, role = name.canonical, name.role
            if name.surname_only:
                who, role = self.person_by_surname(name.canonical, initial=name.initial, year=year, before=name.start), None
                if who is None and name.role and not name.initial and name.role not in self.gaz.honorifics \
                        and self._plain_surname(name):
                    # "Foreign Minister Subandrio", "President Johnson" in a text that never gives more of
                    # the name: the person by the name the text uses
                    who = name.canonical
                    self.persons.setdefault(who, Person(who, [name.role]))
            state = self._governed(name, who)
            if state:
                return [Actor(state, "country")]
            if who is None:
                return []
            actors.append(Actor(who, "person", role or self._role(who)))
        elif name.kind == "office":
            if _POSITION_OF.search(self.doc.text[max(0, name.start - 30):name.start]):
                return actors  # "create the position of Special Representative": nobody holds it yet
            if i > 0 and names[i - 1].kind == "person" and names[i - 1].role and \
                    re.fullmatch(r",\s*(?:the\s+)?", self.doc.text[names[i - 1].end:name.start]):
                return actors  # "José Lello, President of the Assembly,": the office of the person just named
            following = names[i + 1] if i + 1 < len(names) else None
            chain = [name]
            j = i + 1
            while j < len(names) and names[j].kind in ("country", "organization") and (
                    names[j].start - chain[-1].end <= 6 or _OFFICE_OF.fullmatch(self.doc.text, chain[-1].end, names[j].start)):
                chain.append(names[j])
                j += 1
            k = i - 1
            if k >= 0 and names[k].kind in ("country", "organization") and name.start - names[k].end <= 3:
                chain.insert(0, names[k])
            if j < len(names) and names[j].kind == "person" and names[j].start - chain[-1].end <= 2:
                return actors  # the person named next holds it
            if following is not None and following.kind == "person" and self._beside(name.end, following.start):
                return actors  # ("The then Foreign Secretary, Lord Cameron,": he holds it)
            after = names[i + 2] if i + 2 < len(names) else None
            if following is not None and following.kind in ("unknown", "organization") and after is not None \
                    and after.kind == "person" and _OF_FORM.fullmatch(self.doc.text, name.end, after.start):
                return actors  # "the President of the Republic, X,", "the President of the Court, Sir X,": X holds it
            label, key = self._office(chain)
            who = self.holder(key, year=year, before=name.start)
            if who is None and len(chain) == 1 and " " not in (name.role or label or ""):
                # "The Minister held a meeting" in a release that named one minister: that minister
                word = (name.role or label or "").strip()
                holders = [p.name for p in self.persons.values() if any(word in r.split() for r in p.roles)]
                who = holders[0] if len(holders) == 1 and word else None
            if who:
                actors.append(Actor(who, "person", self._role(who) or label))
            for other in chain:
                if other.kind in ("country", "organization"):
                    actors.append(Actor(other.canonical, other.kind))
        if name.parent:
            actors.append(Actor(name.parent, "organization"))
        if name.kind in ("organization", "programme") and "NATO" in (name.canonical or "") and name.canonical != "NATO":
            actors.append(Actor("NATO", "organization"))
        return actors

    def _plain_surname(self, name: Name) -> bool:
        """Whether a titled one-word name can be a person's name as the text gives it: not a place, a
        known actor, nor the end of a title ("the Agency's Director General")."""
        word = name.canonical or ""
        if self.gaz.is_city(word) or self.gaz.lookup(word) is not None or self.gaz.region(word) or english_word(word):
            return False  # ("a Special Jurisdiction": a word, not a name)
        return not any(title.endswith(f" {word}") for title in self.gaz.offices)

    def aliases(self) -> list[tuple[str, str]]:
        """(canonical name, another name the text uses for it), e.g. ("Javier Solana", "Mr. Solana")."""
        found: dict[tuple[str, str], None] = {}
        for names in self.names.values():
            for name in names:
                surface = re.sub(r"^(?:the|The)\s+", "", re.sub(r"['’]s$", "", name.text).strip())
                canonical = None
                if name.kind in ("country", "organization") and "-" not in surface.replace(name.canonical, ""):
                    canonical = name.canonical
                elif name.kind == "acronym":
                    entry = self.known.get(name.canonical) or self.gaz.lookup(name.canonical)
                    canonical = entry.name if entry is not None and entry.kind != "programme" else None
                elif name.kind == "person" and name.surname_only:
                    same = [p for p in self.persons if fold(name.canonical) in self._surnames(p)]
                    if name.initial:
                        same = [p for p in same if p[:1] == name.initial]
                    canonical = same[0] if len(same) == 1 else None
                if canonical and fold(canonical) != fold(surface):
                    found[(canonical, surface)] = None
        return list(found)

    def for_event(
        self, index: int, *, year: int | None, tenure_year: int | None = None, places: tuple[str, ...] = (),
        type_: str | None = None, date_start: int | None = None,
    ) -> list[Actor]:
        """Actors of an event in sentence `index` (see `event_actors`); the names of those inferred from
        the document's subject, not named by the sentence, are left in `last_inferred`."""
        actors, inferred = self.event_actors(index, year=year, tenure_year=tenure_year, places=places,
                                             type_=type_, date_start=date_start)
        self.last_inferred = inferred
        return actors

    def event_actors(
        self, index: int, *, year: int | None, tenure_year: int | None = None, places: tuple[str, ...] = (),
        type_: str | None = None, date_start: int | None = None,
    ) -> tuple[list[Actor], frozenset[str]]:
        """Actors of an event in sentence `index`, and the names among them that were inferred.

        People whose stated term excludes the date are left out. The document's own country and
        organisation (its focus) come in only where the sentence names no subject of its own: no
        other country (not as a place), organisation or person (other than the focus's own people);
        they are returned as inferred."""
        placed = self.resolved_at(index, year=year)
        actors = [a for _, a in placed]
        if tenure_year is not None:
            kept = []
            for actor in actors:
                person = self.persons.get(actor.name) if actor.kind == "person" else None
                if person and person.tenure:
                    first, last = person.tenure
                    if not (first <= tenure_year <= (last or 9999)):
                        continue
                kept.append(actor)
            actors = kept
        focus = {a.name for a in self.focus}
        inferred: set[str] = set()
        before = {a.name for offset, a in placed if date_start is None or offset < date_start}
        subjects = [a for a in actors if a.name not in focus and a.name in before
                    and self._is_subject(index, a, places, focus)]
        people = [a for a in actors if a.kind == "person" and not self._is_subject(index, a, places, focus)
                  and not any(name in (a.role or "") for name in focus)]
        if len(people) >= 2:
            subjects += people  # a meeting of two people the document does not tie to its subject
        # A joint act that names no party ("Negotiations started", "a dialogue resumed") is, in a
        # document about a relationship, the act of both its parties.
        joint = type_ in _JOINT_TYPES and not subjects
        countries = [a for a in self.focus if a.kind == "country"][:2 if joint else 1]
        for country in countries:
            if country not in actors and not subjects:
                actors.append(country)
                inferred.add(country.name)
        org = next((a for a in self.focus_at(index, year) if a.kind == "organization"), None)
        # Joining or leaving names what is joined: in a document about an organisation, it is that
        # organisation whoever joins ("Tehran applied for full membership").
        joining = type_ in ("membership", "withdrawal")
        if (org is not None and (type_ in _RELATIONSHIP_TYPES or joint) and (not subjects or joining)
                and not any(a.kind == "organization" for a in actors)):
            actors.append(org)
            inferred.add(org.name)
        if type_ == "visit":
            for place in places:
                host = self.gaz.country_of_city(place)
                if host and all(a.name != host for a in actors):
                    actors.append(Actor(host, "country"))
        return actors, frozenset(inferred)

    def organisation_in_question(self, index: int, year: int | None) -> Actor | None:
        """The organisation a joining or a leaving that names none is of: the one the text is about,
        else the one the sentences before (in the section) name last ("Russia was finally admitted
        on 28 February 1996" in a text about the Council of Europe)."""
        about = [a for a in self.focus_at(index, year) if a.kind == "organization"]
        if len(about) == 1:
            return about[0]
        for i in range(index - 1, max(-1, index - 4), -1):
            if self.doc.sentences[i].section != self.doc.sentences[index].section:
                break
            named = [a for a in self.resolved(i, year=None) if a.kind == "organization"]
            if named:
                # (one joins an organisation, not its body: "the Assembly of X froze the procedure")
                body = re.fullmatch(r"(?:[A-Z][\w'’-]*\s+){1,4}of\s+the\s+([A-Z].+)", named[-1].name)
                return Actor(body.group(1), "organization") if body else named[-1]
        return None

    def focus_at(self, index: int, year: int | None) -> list[Actor]:
        """The document's subjects as of a year: an organisation before it took its name is the
        predecessor the text named last by sentence `index` ("the EEC" for 1962 on a page about the
        European Union that names it)."""
        out = []
        for actor in self.focus:
            since = self.gaz.since.get(actor.name)
            if actor.kind == "organization" and year is not None and since is not None and year < since:
                actor = self._named_last(self.gaz.predecessors.get(actor.name, ()), index) or actor
            out.append(actor)
        return out

    def _named_last(self, wanted, index: int) -> Actor | None:
        """The organisation among `wanted` that the text names last by sentence `index`, else first after it."""
        if self._mentions is None:
            self._mentions = defaultdict(list)
            for i in sorted(self.names):
                for name in self.names[i]:
                    canonical = (self._entry(name.canonical) or Entry(name.canonical or "", "")).name \
                        if name.kind == "acronym" else name.canonical
                    if canonical:
                        self._mentions[canonical].append(i)
        named = [(i, name) for name in wanted for i in self._mentions.get(name, ())]
        before = [item for item in named if item[0] <= index]
        found = max(before)[1] if before else min(named)[1] if named else None
        return Actor(found, "organization") if found else None

    def _is_subject(self, index: int, actor: Actor, places: tuple[str, ...], focus: set[str]) -> bool:
        """Whether a sentence's actor is a subject of its own: a country not named as a place, a known
        organisation outside the focus's family (not a programme's owner, not a body of the focus, not
        a body the sentence names for the first time), a person whose office ties them to another
        country or organisation."""
        if actor.kind == "country":
            return actor.name not in places
        if actor.kind == "organization":
            entry = self.known.get(actor.name) or self.gaz.lookup(actor.name)
            family = any(name in actor.name or (entry is not None and entry.parent == name) for name in focus)
            return entry is not None and (index, actor.name) not in self.implied and not family
        if actor.kind == "person":
            tied = [role.split(" of ", 1)[1] for role in self._roles_of(actor) if " of " in role]
            return bool(tied) and not any(name in of for of in tied for name in focus)
        return False
