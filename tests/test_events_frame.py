"""Who did what to whom: parts, object and headline of an event, read from its sentence."""
from __future__ import annotations

import pytest

import annals
from annals.events.tree import Tree
from annals.model import Document, Token


def _event(text: str):
    events = annals.extract(text + "\n", reader="text").events
    assert len(events) == 1, events
    return events[0]


def _parts(event) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for actor in event.actors:
        out.setdefault(actor.part, set()).add(actor.name)
    return out


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Finland joined NATO on 4 April 2023.", {"Finland"}, {"NATO"}),
    ("The agreement was signed by Chile and Peru on 3 May 2001.", {"Chile", "Peru"}, set()),
    ("Chile and Peru signed the agreement on 3 May 2001.", {"Chile", "Peru"}, set()),
])
def test_events_frame_parts(text, source, target):
    parts = _parts(_event(text))
    assert parts.get("source", set()) == source
    assert target <= parts.get("target", set())


def test_events_frame_every_actor_has_a_part():
    event = _event("Finland joined NATO on 4 April 2023.")
    assert all(a.part in ("source", "target", "other") for a in event.actors)
    data = event.to_dict()
    assert data["predicate"]["lemma"] == "join"
    assert all("part" in a for a in data["actors"])


def test_events_frame_object_is_the_named_document():
    event = _event("Chile signed the Framework Document on Trade Cooperation on 3 May 2001.")
    assert event.object is not None
    assert event.object.name == "Framework Document on Trade Cooperation"
    assert event.object.kind == "document"


def test_events_frame_no_object_for_a_visit():
    assert _event("The foreign minister of Chile visited Peru on 3 May 2001.").object is None


@pytest.mark.parametrize(("text", "headline"), [
    # a body named by its maker's name and formed: told of the body
    ("In May 2001 the SCO working group on borders was formed in Beijing.",
     "The Shanghai Cooperation Organization Working Group is formed"),
    # what is counted is no party: "the number of soldiers serving with X" names no one of it
    ("In 2018 Chile increased the number of soldiers serving with UNIFIL in Lebanon.",
     "Chile increases the number of soldiers serving with UNIFIL in Lebanon"),
    # a common noun's phrase, not a name it holds; why it happened is no part of what
    ("On 6 November 2001 President Rosa Ortiz received a Peruvian delegation.", "Rosa Ortiz receives a Peruvian delegation"),
    # a phrase with a possessive takes no article ("the Chile's withdrawal")
    ("Chile's withdrawal took effect on 30 June 2019.", "Chile's withdrawal takes effect"),
    ("Chile became an associate member due to the decision of the Andean Council in November 2002.",
     "Chile becomes an associate member"),
    # an event noun with a fixed object reads as its verb
    ("President Rosa Ortiz has kept the army out of politics since her rise to power in 2003.",
     "Rosa Ortiz rises to power"),
    # one visits a place and attends a meeting
    ("Rosa Ortiz visited Lima and took part in the Andean Forum Council Meeting on 15 July 2009.",
     "Rosa Ortiz attends the Andean Forum Council Meeting"),
    # both sides of a war once; "go to war" as a phrase
    ("= Georgia =\nGeorgia is a state. Georgia fought a short war with Russia in 2008.",
     "Georgia and Russia fight a short war"),
    ("Chile went to war with Peru in 1879.", "Chile and Peru go to war"),
    # a meeting needs no phrase after "meet"; a demonym opening the sentence keeps its capital
    ("Chilean and Peruvian negotiators met in Lima on 3 May 2001.", "Chile and Peru meet"),
    # a thing of the one who acted is its own
    ("Chile's embassy in Lima opened in 1990.", "Chile opens its embassy in Lima"),
    # the parties once, and the sentence's opening capital dropped
    ("Relations between Chile and Peru were restored on 3 May 2001.", "Chile and Peru restore relations"),
    ("Talks between Chile and Peru began on 3 May 2001.", "Chile and Peru begin the talks"),
    ("Finland joined NATO on 4 April 2023.", "Finland joins NATO"),
    # a people that went to the polls voted: its state, no visit, no "the swedes" after the verb
    ("Swedes went to the polls on 14 September 2003.", "Sweden goes to the polls"),
    # what "its" owns is what was done, not its owner again
    ("The International Court of Justice delivered its Judgment at a public sitting on 17 July 2019.",
     "The International Court of Justice delivers its Judgment"),
    ("Chile and Peru signed the Framework Document on Trade Cooperation on 3 May 2001.",
     "Chile and Peru sign the Framework Document on Trade Cooperation"),
])
def test_events_frame_headline_in_the_present(text, headline):
    event = _event(text)
    assert event.headline == headline
    assert len(event.headline) <= 80


@pytest.mark.parametrize(("text", "source"), [
    ("The Chilean offensive in the north began in May 1932.", {"Chile"}),
    ("The war between Peru and Ecuador broke out in July 1941.", {"Peru", "Ecuador"}),
    ("12 May 1999: Chile and Peru sign a border treaty.", {"Chile", "Peru"}),
    ("The accession of Croatia to the union took place on 1 July 2013.", {"Croatia"}),
    ("A team of 40 Peruvian engineers cleared mines in the border area in 2005.", {"Peru"}),
    # who proposes, declares or requests the act the noun names
    ("Chile first proposed talks on the continental shelf in 1967.", {"Chile"}),
    ("President Ana Ruiz declared a ceasefire on 24 July 1977.", {"Ana Ruiz"}),
    ("Peru requested a meeting of the council on 3 May 2001.", {"Peru"}),
    # a bullet's state the tagger took for a common noun before its verb
    ("• 2004 — Iceland joins, raising the membership to nine.", {"Iceland"}),
    # a verb the parser took for a participle on its subject, alone or after "and"
    ("The last British forces left on 31 March 1979.", {"United Kingdom"}),
    (("Chile became independent from Spain, and the last Spanish forces left on 31 March 1826, a date "
      "still marked as a holiday."), {"Spain"}),
])
def test_events_frame_sources_beyond_the_subject(text, source):
    assert _parts(_event(text)).get("source", set()) == source


def test_events_frame_object_from_the_gazetteer_and_the_text():
    event = _event("Chile joined the PfP programme in 1995.")
    assert event.object is not None and event.object.name == "Partnership for Peace"
    event = _event("Chile and Peru signed a bilateral trade agreement in July 2000.")
    assert event.object is not None and event.object.name == "Bilateral Trade Agreement"
    event = _event("Chile attended the NATO summit in Lisbon in November 2010.")
    assert event.object is not None and event.object.name == "Lisbon Summit"


def test_events_frame_they_are_the_parties_named_before():
    text = "= Chile and Peru =\n\nChile and Peru opened talks in 1998. In July 2000, they signed a trade agreement.\n"
    events = [e for e in annals.extract(text, reader="text").events if e.date_value == "2000-07"]
    assert _parts(events[0]).get("source", set()) == {"Chile", "Peru"}


def test_gazetteer_initials_without_their_last_full_stop():
    from annals.resolve.gazetteer import gazetteer

    assert gazetteer().lookup("U.S").name == "United States"


def test_events_frame_his_is_the_person_named_before():
    text = "President Pedro Alvarez of Chile has backed the treaty since his rise to power in 2004."
    assert _parts(_event(text)).get("source", set()) == {"Pedro Alvarez"}


def test_events_frame_it_is_the_state_named_before():
    text = "Chile joined the council in 1992, a year after it declared independence on 9 April 1991."
    events = [e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "1991-04-09"]
    assert _parts(events[0]).get("source", set()) == {"Chile"}
    assert events[0].headline == "Chile declares independence"


def _events(text: str):
    return annals.extract(text + "\n", reader="text").events


def _sources(event) -> set[str]:
    return {a.name for a in event.actors if a.part == "source"}


@pytest.mark.parametrize(("text", "source"), [
    # a relative clause: the name it hangs on, past a parenthesis
    ("Five states signed on, the last to do so being Chile and Peru (then rivals), which joined on 3 May 2001.",
     {"Chile", "Peru"}),
    # "the two countries": the last two states the sentence named before
    ("Chile long opposed Peru's claims, since the two countries fought a border war in 1879.", {"Chile", "Peru"}),
    # a name's apposition is not part of the subject
    ("Brazil, the largest economy in South America, applied in 1991 to join the organisation.", {"Brazil"}),
])
def test_events_frame_source_from_what_the_subject_refers_to(text, source):
    assert _sources(_event(text)) == source


def test_events_frame_quoted_title_and_its_parties():
    event = _event('The "Convention on Fisheries establishing a commission between Norway and Iceland" '
                   "was signed in March 1980.")
    assert event.object is not None
    assert event.object.name == "Convention on Fisheries establishing a commission between Norway and Iceland"
    assert _sources(event) == {"Norway", "Iceland"}


def test_events_frame_it_refers_to_the_object_named_before():
    first, second = _events('The "Convention on Fisheries establishing a commission between Norway and Iceland" '
                            "was signed in March 1980. Since 1995 it has been extended every year.")
    assert second.object == first.object
    assert _sources(second) == {"Norway", "Iceland"}


def test_events_frame_a_bare_noun_refers_to_the_object_named_before():
    first, second = _events("Chile signed the Framework Document on Trade Cooperation on 3 May 2001. "
                            "The document was amended in June 2004.")
    assert first.object is not None
    assert second.object == first.object


@pytest.mark.parametrize(("text", "source", "target"), [
    # a headline's passive: the subject underwent the act
    ("2009 – Niger suspended from the African Union after a coup.", {"African Union"}, {"Niger"}),
    # a body set up: by the organisation it belongs to
    ("1952 – North Atlantic Council set up in Paris.", {"NATO"}, set()),
    ("Kuwait was invaded by Iraq on 2 August 1990.", {"Iraq"}, {"Kuwait"}),
])
def test_events_frame_passive_parts(text, source, target):
    parts = _parts(_event(text))
    assert parts.get("source", set()) == source
    assert target <= parts.get("target", set())


def test_events_frame_a_place_in_a_title_is_no_source():
    event = _event("The Panama Declaration on Fisheries was adopted in 1995.")
    assert event.object is not None and event.object.name == "Panama Declaration on Fisheries"
    assert "Panama" not in _sources(event)


def test_events_frame_a_dateline_is_no_subject():
    event = _event("LIMA, May 3, 2007 (Reuters) -- Peruvian President Alan Garcia began a state visit to Chile "
                   "on 3 May 2007.")
    assert _sources(event) == {"Alan Garcia"}
    assert event.headline == "Alan Garcia visits Chile"


def test_events_frame_a_caption_of_two_people_is_their_meeting():
    events = _events("Relations between the two states have been close for decades.\n\n"
                     "Chancellor Angela Merkel (right) with French President Emmanuel Macron in January 2019 (AFP)\n\n"
                     "Trade grew.")
    assert len(events) == 1
    event = events[0]
    assert event.type == "meeting"
    assert _sources(event) == {"Angela Merkel", "Emmanuel Macron"}
    assert event.headline == "Angela Merkel and Emmanuel Macron meet"


@pytest.mark.parametrize(("text", "source"), [
    ("Chile signed the trade agreement with Peru on 3 May 2001.", {"Chile", "Peru"}),
    # support is no party to the act
    ("Chile signed the trade agreement on 3 May 2001 with the support of President Ricardo Lagos.", {"Chile"}),
])
def test_events_frame_joint_act_partners(text, source):
    assert _sources(_event(text)) == source


@pytest.mark.parametrize(("text", "source"), [
    # with a subject of its own, "by the order" is the means, not the agent
    ("Peru opened a permanent Mission to the OAS in 2003 by the Ministerial Order of 4 March.", {"Peru"}),
    # a region does not act
    ("The Caucasus descended into war in 1991.", set()),
])
def test_events_frame_who_does_not_act(text, source):
    assert _sources(_event(text)) == source


@pytest.mark.parametrize(("text", "headline"), [
    # told of the one it was done to, the headline stays passive
    ("Chile was admitted to the OECD on 7 May 2010.",
     "Chile is admitted to the Organisation for Economic Co-operation and Development"),
    # "the" before the names that take it
    ("The United States and Vietnam normalized relations in July 1995.",
     "The United States and Vietnam normalize relations"),
    # what an application was for
    ("Mongolia applied to join the World Trade Organization in 1991.",
     "Mongolia applies to join the World Trade Organization"),
    # the partner "with" whom it was done is among those who do it: not named twice
    ("Rosa Ortiz and Juan Pardo lead. On 16 March 2023 Ortiz held talks with Pardo, now prime minister, in Lima.",
     "Rosa Ortiz and Juan Pardo hold talks"),
])
def test_events_frame_headline_reads_as_written(text, headline):
    assert _event(text).headline == headline


def test_events_frame_a_body_that_acts_is_an_actor():
    event = _event("The acronym was first used in 2001 by Goldman Sachs.")
    assert _sources(event) == {"Goldman Sachs"}
    assert event.headline.startswith("Goldman Sachs ")


def test_events_frame_the_target_is_not_also_the_source():
    parts = _parts(_event("Gazprom cut gas supplies to Ukraine on 1 January 2006."))
    assert "Ukraine" not in parts.get("source", set())


def test_events_frame_object_after_a_verb_tagged_as_a_noun():
    """The parse as the small model gives it for some chronology entries: "sign" a noun, the
    agreement in apposition to the first party."""
    from annals.events.lexicon import lexicon
    from annals.events.naming import object_of
    from annals.events.tree import Tree
    from annals.model import Document, Token

    text = "Chile and the EEC sign a fisheries agreement."
    rows = [("Chile", "Chile", "PROPN", "NNP", "ROOT", 0), ("and", "and", "CCONJ", "CC", "cc", 0),
            ("the", "the", "DET", "DT", "det", 3), ("EEC", "EEC", "PROPN", "NNP", "compound", 4),
            ("sign", "sign", "NOUN", "NN", "conj", 0), ("a", "a", "DET", "DT", "det", 7),
            ("fisheries", "fishery", "NOUN", "NNS", "compound", 7), ("agreement", "agreement", "NOUN", "NN", "appos", 0),
            (".", ".", "PUNCT", ".", "punct", 0)]
    tokens, at = [], 0
    for word, lemma, pos, tag, dep, head in rows:
        start = text.index(word, at)
        entity = {"Chile": "GPE", "EEC": "ORG"}.get(word, "")
        tokens.append(Token(start, start + len(word), lemma, pos, tag, dep, head, entity))
        at = start + len(word)
    tree = Tree(Document(text, tokens=tuple(tokens)))
    found = object_of(tree, lexicon(), 4, None, "agreement", {"Chile", "European Economic Community"}, None)
    assert found is not None and found.name == "Fisheries Agreement"


def test_events_frame_the_name_parsed_as_the_root_said_what_its_clause_tells():
    """The parse the small model gives some sentences: the name is the root and the verb a clause on
    it ("President X, who had denounced it, announced on 8 May that ..."): X announced; a participle
    of what X underwent ("X, elected in May") leaves X no source."""
    from annals.events.parts import subjects
    from annals.events.tree import Tree
    from annals.model import Document, Token

    def tree_of(text, rows):
        tokens, at = [], 0
        for word, lemma, pos, tag, dep, head in rows:
            start = text.index(word, at)
            tokens.append(Token(start, start + len(word), lemma, pos, tag, dep, head,
                                "PERSON" if word in ("Rosa", "Ortiz") else ""))
            at = start + len(word)
        return Tree(Document(text, tokens=tuple(tokens)))

    said = tree_of("Rosa Ortiz announced on 8 May that Chile would leave.", [
        ("Rosa", "Rosa", "PROPN", "NNP", "compound", 1), ("Ortiz", "Ortiz", "PROPN", "NNP", "ROOT", 1),
        ("announced", "announce", "VERB", "VBN", "acl", 1), ("on", "on", "ADP", "IN", "prep", 2),
        ("8", "8", "NUM", "CD", "nummod", 5), ("May", "May", "PROPN", "NNP", "pobj", 3),
        ("that", "that", "SCONJ", "IN", "mark", 9), ("Chile", "Chile", "PROPN", "NNP", "nsubj", 9),
        ("would", "would", "AUX", "MD", "aux", 9), ("leave", "leave", "VERB", "VB", "ccomp", 2),
        (".", ".", "PUNCT", ".", "punct", 1)])
    assert subjects(said, 2, "statement") == [1]
    elected = tree_of("Rosa Ortiz, elected on 8 May.", [
        ("Rosa", "Rosa", "PROPN", "NNP", "compound", 1), ("Ortiz", "Ortiz", "PROPN", "NNP", "ROOT", 1),
        (",", ",", "PUNCT", ",", "punct", 1), ("elected", "elect", "VERB", "VBN", "acl", 1),
        ("on", "on", "ADP", "IN", "prep", 3), ("8", "8", "NUM", "CD", "nummod", 6),
        ("May", "May", "PROPN", "NNP", "pobj", 4), (".", ".", "PUNCT", ".", "punct", 1)])
    assert subjects(elected, 3, "appointment") != [1]


def test_events_frame_a_meeting_named_with_its_level():
    event = _event("Malta became a member at an Extraordinary Meeting at Ministerial Level in Valletta on 3 May 1992.")
    assert event.object is not None
    assert event.object.name == "Extraordinary Meeting at Ministerial Level"


@pytest.mark.parametrize(("text", "type_", "headline"), [
    # a participle that only gives a thing's date is no predicate
    ("Chile welcomed the resolution of the council dated 12 March 2004.", "decision", None),
    # no one named: the kind of event and where it was held
    ("The summit was held in Lisbon on 19 November 2010.", "summit", "Summit in Lisbon"),
    # a fixed expression keeps its words; a state's troops make the state's deployment
    ("Polish soldiers took part in the stabilisation mission from 2003 until 2008.", "deployment",
     "Poland deploys forces in the stabilisation mission"),
])
def test_events_frame_headline_of_what_happened(text, type_, headline):
    event = _event(text)
    assert event.type == type_
    assert event.headline == headline


def test_events_frame_organisation_document_infers_no_country():
    """A document titled with an organisation alone is about that organisation: the country it names
    most often is not the source of a sentence that names none, and the organisation's own body,
    set up in a passive without agent, was set up by it."""
    text = (
        "A short history of the United Nations\n\n"
        "France hosted several early sessions. France sent delegates to every committee. "
        "France also proposed a new court.\n\n"
        "1948 – Human Rights Council set up in Geneva.\n\n"
        "1950 – a new peacekeeping office opened in Paris.\n"
    )
    events = annals.extract(text, reader="text").events
    by_year = {e.date_value: e for e in events}
    assert _parts(by_year["1948"]).get("source") == {"United Nations"}
    assert "France" not in _parts(by_year["1950"]).get("source", set())


def test_events_frame_the_person_named_after_an_office_of_a_body_acts():
    """"Chairman of the NATO Military Committee Elena Varga visited Chile": she visited, not
    whoever the lists say held that office; a visit is about no body."""
    event = _event("In May 2030, Chairman of the NATO Military Committee Elena Varga visited Chile.")
    assert _parts(event).get("source") == {"Elena Varga"}
    assert event.object is None
    assert event.headline == "Elena Varga visits Chile"


def test_events_frame_headline_names_the_thing_a_participle_tells_of():
    """"the Decision adopted on 4 May 2001 by the Senate": the Senate adopts the Decision."""
    event = _event("Chile raised its contingent in line with the Decision adopted on 4 May 2001 by the Senate.")
    assert event.headline is not None and event.headline.endswith("adopts the Decision")


def test_events_frame_a_joint_act_without_parties_is_the_relationship_parties():
    """In a document about two states' relations, "Talks resumed in 2006" is both states' act."""
    text = ("Chile–Peru relations\n\n"
            "Chile and Peru have shared a border since the nineteenth century. "
            "Annual border talks resumed in 2006.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2006")
    assert event.type == "meeting"
    assert _parts(event).get("source") == {"Chile", "Peru"}


@pytest.mark.parametrize(("text", "name", "headline"), [
    ("Chile opened an embassy in Lima on 3 May 2001.", "Embassy of Chile in Lima", "Chile opens an embassy in Lima"),
    ("Chile set up a permanent mission to NATO in 1997.", "Permanent Mission of Chile to NATO",
     "Chile sets up a permanent mission to NATO"),
    ("In 2010, Peru inaugurated a consulate general office in Houston.", "Consulate General of Peru in Houston",
     "Peru inaugurates a consulate general office in Houston"),
])
def test_events_frame_a_post_named_by_its_kind(text, name, headline):
    """A diplomatic post written in lower case is named by its holder and place, as reference works
    name it; the headline keeps the sentence's words."""
    event = _event(text)
    assert event.object is not None and (event.object.name, event.object.kind) == (name, "institution")
    assert event.headline == headline


@pytest.mark.parametrize(("text", "headline"), [
    ("Michelle Bachelet took office in March 2006.", "Michelle Bachelet takes office"),
    ("Chile took part in the exercise in May 2001.", "Chile takes part in the exercise"),
])
def test_events_frame_headline_of_a_fixed_phrase(text, headline):
    assert _event(text).headline == headline


def test_events_frame_documents_in_the_plural_are_no_body():
    """"affirmed by the Joint Communiques": documents in the plural act for no one; the organisation
    the document is about did it."""
    text = ("A short history of the United Nations\n\n"
            "These principles were affirmed by the Final Declarations of the sessions in 2011.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2011")
    assert all("Declarations" not in a.name for a in event.actors)
    assert _parts(event).get("source") == {"United Nations"}


def test_events_frame_a_parliament_acts_not_also_its_state():
    """"The Irish parliament passed the Act, which freed the ports of the Irish state": the
    parliament is the source; the state it belongs to is only named."""
    event = _event("In 1931 the Irish parliament passed the Maritime Act, which freed the ports of the Irish state.")
    assert _parts(event).get("source") == {"Parliament of Ireland"}
    assert "Ireland" in _parts(event).get("other", set())


def test_events_frame_a_stage_of_the_project_its_section_names():
    """Under a heading that names a project, "the second phase" and "at the first stage" are stages of
    that project."""
    text = ("= Chile and its partners =\n\n== Harbour Demining Project ==\n"
            "The project was run by Chile with two partners. "
            "At the first stage the northern beaches were cleared between 2012 and 2014. "
            "The second phase began in May 2015.\n")
    events = annals.extract(text, reader="text").events
    objects = {e.date_value: e.object.name if e.object else None for e in events}
    assert objects == {"2012/2014": "Harbour Demining Project", "2015-05": "Harbour Demining Project"}


def test_events_frame_an_acronym_inside_a_name():
    """"the Andean Fisheries Partnership (AFP) Framework Agreement": the whole name without its acronym, a document."""
    event = _event("Chile signed the Andean Fisheries Partnership (AFP) Framework Agreement on 6 June 2012.")
    assert event.object is not None
    assert (event.object.name, event.object.kind) == ("Andean Fisheries Partnership Framework Agreement", "document")


def test_events_frame_a_gerund_says_what_began():
    """"Fighting with Peru began on 7 August 2008": a conflict, the document's state and Peru fighting."""
    text = "Chile and Peru\n\nFighting with Peru began on 7 August 2008 in the disputed valley.\n"
    event = annals.extract(text, reader="text").events[0]
    assert event.type == "conflict"
    assert event.headline == "Chile and Peru fight"


def test_events_frame_the_holder_named_after_an_unknown_office():
    """"Quelmarkan Foreign Minister Tomas Arvel visited Lima": an office the lists cannot place, then
    the person who holds it, who visited."""
    event = _event("Quelmarkan Foreign Minister Tomas Arvel visited Lima in May 2013.")
    assert _parts(event).get("source") == {"Tomas Arvel"}


def test_events_frame_an_acronym_no_list_holds_acts_as_a_body():
    """"The CMO opened a liaison office in Lima": an acronym the recogniser takes for an organisation
    is the body that acted, not the document's state."""
    text = "Chile and the sea\n\nThe CMO opened a liaison office in Lima in November 2005.\n"
    event = annals.extract(text, reader="text").events[0]
    assert _parts(event).get("source") == {"CMO"}


def test_events_frame_the_documents_subject_is_marked_inferred():
    """Where the sentence names no one, the document's subject comes in, marked as inferred in the JSON;
    an actor the sentence names is not."""
    text = ("= Chile and the sea =\n\nChile signed the Pacific Fisheries Agreement in May 1993. "
            "The fisheries agreement entered into force in 1994.\n")
    events = {e.date_value: e for e in annals.extract(text, reader="text").events}
    assert [a.to_dict() for a in events["1994"].actors if a.name == "Chile"] == [
        {"name": "Chile", "kind": "country", "part": "source", "inferred": True}]
    assert all("inferred" not in a.to_dict() for a in events["1993-05"].actors)


def test_events_frame_states_found_an_organisation_in_a_city():
    """"Chile and four other states found the Pacific Concord Organisation in Lima": the present of
    "to found", the organisation without the city it is in."""
    event = _event("2 February 1990: Chile and four other states found the Pacific Concord Organisation in Lima.")
    assert event.type == "establishment"
    assert "Pacific Concord Organisation" in _parts(event).get("target", set()) | {
        event.object.name if event.object else ""}
    assert event.headline.startswith("Chile founds the Pacific Concord Organisation")


@pytest.mark.parametrize(("text", "type_", "headline"), [
    ("Crowds marked the anniversary of the war with Peru, which began on 7 August 2008.", "conflict",
     "The war begins"),
    ("Chile recalled the border talks, which started in May 1999.", "meeting", "The border talks start"),
])
def test_events_frame_what_a_relative_clause_tells_of_began(text, type_, headline):
    """"the war with Peru, which began on 7 August 2008": what began is the war the clause tells of."""
    event = _event(text)
    assert (event.type, event.headline) == (type_, headline)


def test_events_frame_a_generic_name_keeps_the_actors_that_name_it():
    """"the Chile–Peru Action Plan": "Action Plan" alone names nothing, so the states stay in the name;
    a name of its own drops them ("the NATO-Chile Individual Partnership Action Plan")."""
    event = _event("3 May 2002: the Chile–Peru Action Plan was adopted in Lima.")
    assert event.object is not None and event.object.name == "Chile–Peru Action Plan"
    event = _event("Chile agreed the NATO-Chile Individual Partnership Action Plan in 2004.")
    assert event.object is not None and event.object.name == "Individual Partnership Action Plan"


@pytest.mark.parametrize(("text", "headline"), [
    ("12 June 2020: Chile became an Enhanced Opportunities Partner.", "Chile becomes an Enhanced Opportunities Partner"),
    ("In 2020 Chile became a NATO partner.", "Chile becomes a NATO partner"),
    ("Chile became NATO's newest member in 2020.", "Chile becomes NATO's newest member"),
    ("Chile became the first member of the club in 2020.", "Chile becomes the first member of the club"),
])
def test_events_frame_headline_says_what_one_became(text, headline):
    """What a state became, as the sentence says it: not the organisation a programme implies."""
    assert _event(text).headline == headline


def test_events_frame_there_was_an_agreement_between_parties():
    """"There was an agreement between NATO and Chile on the plan": both parties agree on it."""
    event = _event("There was an agreement between NATO and Chile on the second IPAP on 7 March 2008.")
    assert _parts(event).get("source") == {"NATO", "Chile"}
    assert event.headline == "NATO and Chile agree on the Individual Partnership Action Plan"


def test_events_frame_an_office_is_no_object():
    """"according to the decree of the President of Chile": the President issued it; it is not named so."""
    event = _event("A commission on trade was set up according to the decree of the President of Chile on 12 May 1997.")
    assert event.object is None or not event.object.name.startswith("President")


def test_events_frame_a_possessive_before_the_subject_refers_to_it():
    """"As part of his working visit to Lima in 2014, President Michelle Bachelet met ...": her visit."""
    event = _event("As part of his working visit to Lima in 2014, President Michelle Bachelet met the Secretary General.")
    assert _parts(event).get("source") == {"Michelle Bachelet"}
    assert event.headline == "Michelle Bachelet visits Lima"


def test_events_frame_a_stage_the_parser_hangs_on_a_noun():
    """"At the first stage 12 hectares of coast were demined in 2013": the stage, however the parser
    attaches it, belongs to the project the section names; a decision about nothing named reads
    without a dangling preposition."""
    text = ("= Chile and its partners =\n\n== Harbour Demining Project ==\n"
            "At the first stage 12 km2 coast was demined between 2012 and 2013.\n")
    event = annals.extract(text, reader="text").events[0]
    assert event.object is not None and event.object.name == "Harbour Demining Project"
    event = _event("A commission was set up according to the decree of the President of Chile on 12 May 1997.")
    assert event.headline is None or not event.headline.endswith((" on", " to", " from"))


def _sources_on(text: str, date: str) -> set[str]:
    events = [e for e in annals.extract(text + "\n", reader="text").events if e.date_value == date]
    assert len(events) == 1, events
    return _parts(events[0]).get("source", set())


_SOURCE_THROUGH_REFERENCE = [
    # "the two sides" with a later state named in the sentence: still the pair of the sentence before
    (("Chile and Peru restored relations in 1991. In March 2010, the two sides signed a memorandum on "
     "fishing, which named the Peru Current as the area."), "2010-03", {"Chile", "Peru"}),
    # a relative clause on a thing: the possessor ("their offices") and who "their" is
    ("Both Chile and Norway upgraded their trade offices, which had opened in May 1995, to embassies.",
     "1995-05", {"Chile", "Norway"}),
    # a thing made by the main clause's subject: the signers' agreement entered into force
    (("Chile and Norway held talks in 1997. In June 1998 they signed a fisheries agreement that entered "
     "into force in January 2000."), "2000-01", {"Chile", "Norway"}),
    # "invited X to attend": the one invited attends, named by a two-word adjective
    ("In 2010 China invited the South African President to attend the summit in Sanya on 14 April 2011.",
     "2011-04-14", {"South Africa"}),
    # "they" before a court the sentence names later: still the two states of the sentence before
    (("Chile published a map in May 1979, and Peru protested in June 1980. In February 2003 they agreed to "
      "refer the question to the International Court of Justice."), "2003-02", {"Chile", "Peru"}),
    # "Its" opening a sentence: the state the sentence before names
    ("Norway sent a frigate to the strait in 2004. Its mission was extended in April 2006.",
     "2006-04", {"Norway"}),
]


@pytest.mark.parametrize(("text", "date", "name"), [
    # what a lower-case document is about is part of its name; a name inside wins
    (("In December 1999, Chile and Peru signed a joint statement on the demarcation of the maritime "
     "border, calling for calm."), "1999-12", "Joint Statement on the Demarcation of the Maritime Border"),
    ("On 6 May 2003 the Commission presents its recommendation concerning Peru, with a view to a vote.",
     "2003-05-06", "Recommendation concerning Peru"),
    # a plural listed by place, each with its date: that place's one
    (("The ministers recalled the declarations from Lima (2004), Quito (2006) and Cusco (2009), in each "
     "of which they pledged cooperation."), "2006", "Quito Declaration"),
    # what enters into force, named by its kind
    ("1 January 1996: The customs union stipulated by the agreement between Chile and Peru enters into force.",
     "1996-01-01", "Customs Union"),
])
def test_events_frame_object_named_by_its_phrase(text, date, name):
    events = [e for e in annals.extract(text + "\n", reader="text").events if e.date_value == date]
    assert len(events) == 1 and events[0].object is not None, events
    assert events[0].object.name == name


def test_events_frame_headline_of_entry_into_force_tells_of_the_thing():
    text = ("Chile and Norway held talks in 1997. In June 1998 they signed a fisheries agreement that "
            "entered into force in January 2000.")
    event = next(e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "2000-01")
    assert event.headline == "The Fisheries Agreement enters into force"


_PARTIES_NO_ONE_SPELLS_OUT = [
    # an agreement no one is named a party to, in a text about two states that names no other
    (("= Chile–Peru relations =\nChile and Peru talk often. In 2004 Peru announced it is leaving the 1998 "
     "fishing agreement."), "1998", {"Chile", "Peru"}),
    # a fight in a text whose title names the two states by their adjectives
    (("= Chilean–Peruvian border dispute =\nChile and Peru quarrelled for decades. It included many "
     "clashes, including the Battle of the Desert in 1979."), "1979", {"Chile", "Peru"}),
    # the states an "of" phrase lists, not what an apposition says they were part of
    (("The three Baltic states of Estonia, Latvia and Lithuania, formerly part of the Soviet Union, "
     "had become members of the council on 10 September 1991."), "1991-09-10", {"Estonia", "Latvia", "Lithuania"}),
]


def test_events_frame_a_series_of_meetings_dated_by_place():
    text = "The President of Chile attended the OAS Summit in Lima in 2012, in Quito in May 2014, and in Bogota in June 2016."
    events = {e.date_value: e for e in annals.extract(text + "\n", reader="text").events}
    assert {d: e.object.name for d, e in events.items()} == {
        "2012": "Lima Summit", "2014-05": "Quito Summit", "2016-06": "Bogota Summit"}
    assert events["2014-05"].headline == "Chile attends the Quito Summit"


def test_events_frame_the_office_of_an_appointment_and_its_headline():
    event = _event("In 2003 Peru appointed Ana Ruiz as its first U.S. envoy.")
    assert event.object is not None and event.object.name == "United States Envoy"
    assert event.headline == "Peru appoints Ana Ruiz"


def test_events_frame_a_bare_capitalised_meeting_takes_the_name_given_before():
    event = _event("China, as the host of the 3rd BRICS Summit [not the 1st BRICS Summit], invited the "
                   "South African President to attend the Summit in Sanya on 14 April 2011.")
    assert event.object is not None and event.object.name == "3rd BRICS Summit"


_SOURCES_A_PAGE_AND_A_PAIR_IMPLY = [
    # a ministry's page: "we" is the state it is about, and a joint act "with" a body takes it in
    (("= Norway and the European Union =\nNorway works with the Union. In 2006, we concluded an "
     "administrative arrangement with the European Defence Agency."), "2006", {"Norway", "European Defence Agency"}),
    # an application is one party's act, though typed as an agreement's
    ("= Norway and the European Union =\nNorway applied in 1962. A second application was submitted in 1967.",
     "1967", {"Norway"}),
    # "the two presidents": the two people named before
    (("Chile and Peru talk often. President Ollanta Humala met President Michelle Bachelet in 2012. At a "
     "summit in Santiago in January 2013, the two presidents pledged to respect the ruling."),
     "2013-01", {"Ollanta Humala", "Michelle Bachelet"}),
]


def test_events_frame_an_organisation_goes_by_its_full_name():
    """The contract's canonical full name, whatever the sentence calls it ("ASEAN")."""
    assert "Association of Southeast Asian Nations" in _parts(_event("In 1977 Japan joined ASEAN."))["target"]
    assert "Southern Common Market" in _parts(_event("In 1996 Chile joined Mercosur as an associate."))["target"]


_SOURCES_THROUGH_A_BODY_OR_AN_ACT = [
    # "the court" after the court was named; a noun the date hangs on, said by the verb's subject
    (("Chile took Peru to the International Court of Justice in 2008. The court held oral hearings in "
     "December 2012."), "2012-12", {"International Court of Justice"}),
    ("President Ollanta Humala said in a televised address on 27 January 2014 that Peru accepted the ruling.",
     "2014-01-27", {"Ollanta Humala"}),
    # a part of a body acts for the body
    ("On 6 May 2015 both houses of the Indian Parliament passed the bill.", "2015-05-06", {"Parliament of India"}),
    # a state's ministry, by its portfolio ("Chile's foreign ministry") or a name of its own
    ("Last Thursday Chile's foreign ministry announced on 10 March 2022 that talks were over.", "2022-03-10",
     {"Ministry of Foreign Affairs of Chile"}),
    ("On 10 March 2022 the Peruvian defence ministry announced an exercise.", "2022-03-10", {"Ministry of Defence of Peru"}),
    ("On 16 October 2002 the State Department said that talks were over.", "2002-10-16",
     {"United States Department of State"}),
]


@pytest.mark.parametrize(("text", "name"), [
    # a list inside a name
    ("On 19 March 1972 the two leaders signed the Treaty of Friendship, Cooperation and Peace in Dhaka.",
     "Treaty of Friendship, Cooperation and Peace"),
    # a pair of parties names a bilateral thing of its own, not a programme known without them
    ("In March 2006 Japan established the Japan–ASEAN Integration Fund.", "Japan–ASEAN Integration Fund"),
    ("In 2005 Chile completed the Chile–NATO Individual Partnership Action Plan.", "Individual Partnership Action Plan"),
])
def test_events_frame_object_names_with_lists_and_pairs(text, name):
    event = _event(text)
    assert event.object is not None and event.object.name == name


_PARTIES_OF_JOINT_ACTS = [
    # a joint act told in the passive with the party it was made "with": that party and the text's own
    (("Norway and the European Union\n\nNorway first applied to join the European Economic Community (EEC) in "
     "April 1962. Instead, a free trade agreement with the EEC was signed on 14 May 1973."),
     "1973-05-14", {"Norway", "European Economic Community"}),
    # "the two sides" may be a state and a body; "all parties" are those the text is about
    (("= Japan–ASEAN relations =\nJapan and ASEAN talk. In 2023 Japan spoke to ASEAN leaders. The two sides "
     "had agreed in Jakarta in September 2023 to upgrade ties."), "2023-09", {"Japan", "Association of Southeast Asian Nations"}),
    ("= Japan–ASEAN relations =\nJapan and ASEAN talk. The agreement was signed by all parties by 14 April 2008.",
     "../2008-04-14", {"Japan", "Association of Southeast Asian Nations"}),
    # a joint act in the passive that names no party, in a text about two: theirs, though one is named
    (("= Japan–ASEAN relations =\nJapan and ASEAN talk. A protocol adding services was signed in 2019 and "
     "took effect for Japan in 2020."), "2019", {"Japan", "Association of Southeast Asian Nations"}),
    # "it entered into force": the agreement's parties, not an actor "it" stands for
    (("The Porto Agreement was signed by the European Communities and Iceland on 2 May 1992, and it "
     "entered into force on 1 January 1994."), "1994-01-01", {"European Communities", "Iceland"}),
]

_TOGETHER_AND_BETWEEN = [
    # a relationship's own act is both parties'
    ("= Japan–ASEAN relations =\nJapan and ASEAN talk. The dialogue was formalised in March 1977.",
     "1977-03", {"Japan", "Association of Southeast Asian Nations"}),
    # states that set something up "with" the subject did it too
    (("= Norway and the EU =\nNorway pays in. Together with Iceland and Liechtenstein, Norway set up the "
     "present scheme in 2004."), "2004", {"Norway", "Iceland", "Liechtenstein"}),
    # talks with no party named are the relationship's (and "they" after them are those talks)
    (("= Chile and the European Union =\nChile and the EU talk often. Negotiations started in 2008, but they "
     "were stopped in 2010 because no progress could be made."), "2008", {"Chile", "European Union"}),
    # "one of the states that founded it": the subject that is one of them
    ("Chile was one of the 12 states that founded the Andean Forum in Lima on 25 May 1969.", "1969-05-25", {"Chile"}),
    # a title that names a pair makes them the text's parties, not also a body it names often
    (("= Chile–Peru timeline =\nThe Andean Force (AF) was set up later. The AF grew. The AF left. The AF came "
     "back. In 1978 the two leaders' envoys signed the Lima Accords."), "1978", {"Chile", "Peru"}),
    # a court that rules is the actor, not what the ruling is about
    (("Chile took the case to the International Court of Justice, which ruled on 5 December 2011 that Peru "
     "had breached the accord."), "2011-12-05", {"International Court of Justice"}),
    # a body named through its owner's short name
    ("On 30 January 2017, the Assembly of the AU readmitted Morocco.", "2017-01-30", {"Assembly of the African Union"}),
    # a relative clause on the subject names no one of it
    (("Chile and Peru went to court. Analysts said Bolivia, which filed its own case against Chile at the "
     "court in April 2013, would be watching."), "2013-04", {"Bolivia"}),
]


_SOURCES_THE_PARSE_HIDES = [
    # who acted "together with" the subject acted too, whatever the act
    ("On 3 May 2018 Chile announced, together with Peru, the end of the talks.", "2018-05-03", {"Chile", "Peru"}),
    (("On 3 May 2018 President Rosa Ortiz of Chile announced, jointly with President Juan Pardo of Peru, a new "
      "fund."), "2018-05-03", {"Rosa Ortiz", "Juan Pardo"}),
    # "A has B detained": A had it done; B, the parser's subject after "has", underwent it
    (("= Chile =\nChile is a state. 26 July 2023 – General Rosa Ortiz, commander of the presidential guard, has "
      "Chile's President Juan Pardo detained in Santiago."), "2023-07-26", {"Rosa Ortiz"}),
    # a capital "with" whom an act was done stands for its state, as it does as the subject
    ("Lima signed a fisheries pact with Santiago in August 2024.", "2024-08", {"Peru", "Chile"}),
    ("Chile held talks with Lima on 3 May 2018.", "2018-05-03", {"Chile", "Peru"}),
    # "they" after a sentence whose subject is two people: those two
    (("= Chile–Peru relations =\nChile and Peru talk. Prime Ministers Rosa Ortiz and Juan Pardo met in Lima in "
      "October 2012. After ten rounds, they initialled the Lima Accord on 19 April 2013."), "2013-04-19",
     {"Rosa Ortiz", "Juan Pardo"}),
    # a passive's subject the parser hung on a chronology entry's date
    ("4 June 2025 – Tomas Vrell, elected the day before, is sworn in as president.", "2025-06-04", {"Tomas Vrell"}),
    # a later mention by a name inside the full name, not its last word
    ("Jorge Luis Ramos Castillo became president of Chile in 2015. On 3 May 2018 President Ramos visited Peru.",
     "2018-05-03", {"Jorge Luis Ramos Castillo"}),
    # a body named with an organisation's short name and a word of its own is that body, not the organisation
    ("The Commonwealth Council met in Lima on 3 May 2018.", "2018-05-03", {"Commonwealth Council"}),
    # a title's pair joined by a dash, the second of two words: both are the text's parties
    (("= Chile–Costa Rica relations =\nThe two countries talk. In 1995 the two countries signed an accord in "
      "Lima."), "1995", {"Chile", "Costa Rica"}),
    # a state's voters act for the state
    ("Peruvian voters rejected the plan in a referendum on 4 May 2003.", "2003-05-04", {"Peru"}),
    # a subject the parser took into the opening date phrase, and not who governed it then
    (("= Chile–Peru relations =\nChile and Peru talk. On 16 February 1994 Chile, then governed by Rosa Ortiz, "
      "closed its ports to ships from Peru."), "1994-02-16", {"Chile"}),
    (("President Rosa Ortiz of Chile and President Juan Pardo of Peru talked. On 12 June 2018 the two presidents "
      "announced by telephone that a deal had been found."), "2018-06-12", {"Rosa Ortiz", "Juan Pardo"}),
    # "the two blocs", "the negotiators": the two organisations the text is about, not the states it listed last
    (("= The African Union and the European Union =\nThe AU was founded by Chad, Mali and Niger. In 2004 the two "
      "blocs signed a framework accord in Cairo."), "2004", {"African Union", "European Union"}),
    (("= The African Union and the European Union =\nThe AU and the EU talk often. On 3 May 2018 the negotiators "
      "reached an agreement in principle in Rome."), "2018-05-03", {"African Union", "European Union"}),
    # a press release's title is under its letterhead; a title's "A–B Agreement" names the two parties
    (("Ministry of Foreign Affairs\nRepublic of Chile\n\nPRESS RELEASE No. 12\n\nSigning of the Andean "
      "Community–European Union Trade Agreement\n\nLima, 4 May 2021\n\nIn 2004 the two blocs signed a framework "
      "accord in Cairo."), "2004", {"Andean Community", "European Union"}),
    # a state's own court, named by its kind in a release about two states: the publisher's state's
    (("Republic of Chile\nMinistry of Defence\n\nPRESS RELEASE\n\nChile and Peru agree on four new sites\n\n"
      "Santiago, 4 May 2021 – Today the ministers met.\n\nThe Supreme Court upheld the agreement in January 2016."),
     "2016-01", {"Supreme Court of Chile"}),
    # a body that acts on "him" or on "his" term is the source, not the man named before
    (("3 May 2016 - Juan Pardo defeats President Luis Ortega in a vote. On 9 May 2016 Ortega rejects the result. "
      "The United Nations Security Council calls on him the next day to accept it."), "2016-05-10",
     {"United Nations Security Council"}),
    # "it" in a clause on the object: the subject of the clause above it, not the state named first
    (("The minister announced in May 2021, during a visit to Peru, that Chile would reopen its embassy in Lima, "
      "which it closed in 1993."), "1993", {"Chile"}),
    # a deal reached "between" states in a clause on it: they made it
    (("The Lima Accord is a fisheries deal that was reached in Quito on 3 May 2015 between Chile and Peru, "
      "Ecuador and Colombia."), "2015-05-03", {"Chile", "Peru", "Ecuador", "Colombia"}),
    # a passive that names no one goes on with the state that acted in the sentence before
    (("= Chile–Peru relations =\nChile and Peru talk. In May 2020 Peru imposed duties on Chilean copper. Duties "
      "on Chilean wine were announced on 27 November 2020."), "2020-11-27", {"Peru"}),
    # a summit named for the two parties a dash joins, told by a participle: both held it
    (("= The African Union =\nThe AU was founded in 2002. At the second AU–Mercosur summit, held in Lima on "
      "3–4 May 2015, leaders agreed to talk."), "2015-05-03/2015-05-04", {"African Union", "Southern Common Market"}),
    # "the leaders of" a list, however it is parsed (a former name in brackets): every state listed
    (("The heads of government of Chile, the Cook Islands, Peru and Upper Volta (now Burkina Faso) met in Lima on 5 "
      "August 1971."), "1971-08-05", {"Chile", "Cook Islands", "Peru", "Burkina Faso"}),
    # "the leaders" at a summit, on a page about an organisation: its leaders
    (("= Chile and the Andean Community =\nChile left the Andean Community in 1976. At the 12th summit in Lima in "
      "May 2015, the leaders declared their intention to admit Chile again."), "2015-05", {"Andean Community"}),
    # a summit only frames what a state did there
    ("At NATO's summit in Lima on 3–4 May 2008, Chile blocked an invitation to Peru.", "2008-05-03/2008-05-04",
     {"Chile"}),
    # "the cabinet in Lima": Peru's cabinet, even where the parser finds the act no subject
    (("= Chile–Peru relations =\n2 August 2019 – The cabinet in Lima votes to remove Chile from its list of "
      "trusted partners."), "2019-08-02", {"Cabinet of Peru"}),
    # a relative clause on a noun in apposition to a name: the name did it
    ("Chile, the newest member, which joined in April 2011, hosted the council.", "2011-04", {"Chile"}),
    # "the war of DATE with X", "X, with which it fought a war": both fought, X a state the text declares so
    ("= Marvenia =\nMarvenia is a small state. The war of 7–12 August 2008 with Oskaria leaves the valley divided.",
     "2008-08-07/2008-08-12", {"Marvenia", "Oskaria"}),
    (("Oskaria is a small state. The Republic of Marvenia keeps good relations with all its neighbours except "
      "Oskaria, with which it fought a short war in 2008."), "2008", {"Marvenia", "Oskaria"}),
    # talks launched with no one named: the parties of the relationship the text tells
    (("= The African Union and the European Union =\nThe AU and the EU talk often. Negotiations on a trade deal "
      "were launched at the Rome summit in June 2009."), "2009-06", {"African Union", "European Union"}),
    # an exercise that brought together two states' troops is theirs
    (("= Chile–Peru relations =\nChile and Peru talk. The Pacific Shield exercise, held from 3 to 8 May 2022, "
      "brought together some 900 Chilean and Peruvian troops."), "2022-05-03/2022-05-08", {"Chile", "Peru"}),
    # a word for a legislature that several states use names the one of the text's states that uses it
    (("= Peru–United States relations =\nPeru and the United States talk. In 1996 Congress wrote the embargo "
      "into law."), "1996", {"United States Congress"}),
    # "the Council" and "Parliament" of a text about the European Union are its own bodies
    (("= Chile and the European Union =\nChile and the EU talk often. In September 1999 the Council adopted "
      "the negotiating directives."), "1999-09", {"Council of the European Union"}),
    (("= The European Union and the African Union =\nThe EU and the AU talk often. Parliament stated in a "
      "resolution adopted in October 2020 that the deal could not be ratified."), "2020-10", {"European Parliament"}),
    # a bare body word placed in a capital is that state's legislature, not a body of an organisation named before
    (("NATO met in Riga in 2006. The Assembly in Yerevan ratified the treaty on 3 May 2019."), "2019-05-03",
     {"National Assembly of Armenia"}),
    # a sentence that opens with "He" and then names another: the person named before, and the other
    (("In 2017 Rosa Ortiz became prime minister of Chile. He and his Peruvian counterpart, Juan Pardo, met in "
      "Davos in January 2018."), "2018-01", {"Rosa Ortiz", "Juan Pardo"}),
    # a conference held with a state is held together with it
    ("On 19 July 2022 the European Union held its first conference with Chile.", "2022-07-19",
     {"European Union", "Chile"}),
    # ... also where the state is named only elsewhere in the text
    (("Peruvian flag rises in Washington\n\nPeru reopened its embassy in Washington. The United States "
      "reopened its own in Lima. In 1996 Congress wrote the embargo into law."), "1996", {"United States Congress"}),
    # "the leaders" after a sentence that names them
    (("The treaty was signed by President Rosa Ortiz and President Juan Pardo on 3 May 2001. The leaders also "
      "signed a protocol on 4 May 2001."), "2001-05-04", {"Rosa Ortiz", "Juan Pardo"}),
    # a state whose name holds a word that would modify ("the United States") is no modifier
    ("The United States and the EU lifted their sanctions on 16 January 2016.", "2016-01-16",
     {"United States", "European Union"}),
    # a subject the parser hung on a comma: the name before the verb under no preposition
    (("On 12 March 2019, the Assembly of the AU, gathering in Kigali for a special session, suspended Sudan "
      "until further notice."), "2019-03-12", {"Assembly of the African Union"}),
    # the two a relationship told in the passive was between
    ("Relations between Chile and Peru were restored on 3 May 2001.", "2001-05-03", {"Chile", "Peru"}),
    # a seat of government stands for its state, as a capital does
    ("On 3 May 2014, the Kremlin announced the withdrawal of its troops.", "2014-05-03", {"Russia"}),
    ("The White House announced new sanctions on 3 May 2014.", "2014-05-03", {"United States"}),
    # a state's ministry is the body that spoke (a body of the state, which merging counts as the state's act)
    ("Russia's foreign ministry said on 3 May 2014 that the talks had failed.", "2014-05-03",
     {"Ministry of Foreign Affairs of Russia"}),
    # capitals of states that the lists of capitals also give to a state that is gone, or by a code beyond ISO
    ("Belgrade and Pristina reached an agreement on 19 April 2013.", "2013-04-19", {"Serbia", "Kosovo"}),
    # a dateline's city is where the report was filed, not who acted
    (("LIMA, May 3, 2018 - Today, the Honourable Rosa Ortiz, Minister of Foreign Affairs, announced new funding "
      "for Bolivia."), "2018-05-03", {"Rosa Ortiz"}),
    # "the country" after an opening phrase: the state named before
    ("Chile declared independence in 1818. In 1945, the country joined the United Nations.", "1945", {"Chile"}),
    # a conjoined clause with a subject of its own does not share the first clause's
    (("= Chile and the European Union =\nChile and the EU talk often. President Rosa Ortiz and Commission "
      "President Juan Pardo met in Brussels. The leaders signed the Strategic Partnership Agreement in 2016, and "
      "the agreement has been provisionally applied since 1 April 2017."),
     "2017-04-01/..", {"Chile", "European Union"}),
    # a body whose name holds a legislature's word is that body, not also a state's parliament
    (("= Chile and the European Union =\nChile and the EU talk often. The European Parliament gave its consent "
      "to the agreement on 15 February 2017."), "2017-02-15", {"European Parliament"}),
    # a war fought with a state is both sides' act
    ("= Georgia =\nGeorgia is a state. Georgia fought a short war with Russia in 2008.", "2008", {"Georgia", "Russia"}),
    ("Chile went to war with Peru in 1879.", "1879", {"Chile", "Peru"}),
    # an accord between two that was reached: the two it was between
    (("The Lima Accord is an accord between Chile and Peru that was reached in Quito on 19 April 2013 in talks "
      "chaired by the OAS."), "2013-04-19", {"Chile", "Peru"}),
    # "the General Assembly" of the organisation named before
    (("Bolivia asked the United Nations to act. On 9 September 2010 the General Assembly adopted a "
      "resolution."), "2010-09-09", {"United Nations General Assembly"}),
    # "the Union" of the union named before
    ("The African Union met in Addis Ababa. On 3 May 2009 the Union suspended Mali.", "2009-05-03", {"African Union"}),
    # a state's court named by its kind after the state's name
    ("Peru's Constitutional Court ruled on 23 December 2015 that the law was void.", "2015-12-23",
     {"Constitutional Court of Peru"}),
    # fighting that breaks out in a text about two states is both sides'
    (("= Chile–Peru relations =\nChile and Peru talk. Fighting broke out on 27 September 2020."), "2020-09-27",
     {"Chile", "Peru"}),
    # who brokered a ceasefire is no party of the war it ended
    (("= Chile–Peru relations =\nChile and Peru talk. The war ended with a Brazilian-brokered ceasefire in "
      "May 1994."), "1994-05", {"Chile", "Peru"}),
    # "The bloc" opening a sentence, several sentences after the bloc was named: the text's organisation
    (("= Mali and ECOWAS =\nECOWAS met. Mali talked. Mali waited. Mali agreed. The bloc lifted its sanctions "
      "on 5 October 2020."), "2020-10-05", {"Economic Community of West African States"}),
    # officials from states, representatives of governments: the states they speak for
    ("Officials from Chile and Peru met in Lima on 3 May 2001.", "2001-05-03", {"Chile", "Peru"}),
    (("= Chile–Peru relations =\nChile and Peru talk. Representatives of the two governments met in Lima on 3 May "
      "2001."), "2001-05-03", {"Chile", "Peru"}),
    # an informal group of states is its members
    ("On 28 August 2025 the E3 notified the Security Council.", "2025-08-28", {"France", "Germany", "United Kingdom"}),
    # a joint act of the text's two parties that the sentence tells without saying who did it
    (("= Chile and the European Union =\nChile and the EU talk often. The Association Agreement has been "
      "provisionally applied since 1 February 2003."), "2003-02-01/..", {"Chile", "European Union"}),
    # a court the text describes before (or after) it names it; its judges act for it
    (("An international maritime court ruled on 4 May 2009 that Chile owns the bay. The "
      "International Tribunal for the Law of the Sea sits in Hamburg."), "2009-05-04",
     {"International Tribunal for the Law of the Sea"}),
    (("Peru went to the International Court of Justice in 2008. The three judges rejected Chile's objection in "
      "March 2010."), "2010-03", {"International Court of Justice"}),
    # a named person's participle tells what the person did
    (("Chilean President Rosa Ortiz, meeting business leaders in Lima on 4 May 2009, said the border was "
      "settled."), "2009-05-04", {"Rosa Ortiz"}),
    # a list of names that the parser ran on from the place before it
    (("President Rosa Ortiz of Chile, President Juan Pardo of Peru and President Ana Lima of Bolivia met in "
      "May. 6 July 2024 – At a summit in Lima, Ortiz, Pardo and Lima sign a border treaty."), "2024-07-06",
     {"Rosa Ortiz", "Juan Pardo", "Ana Lima"}),
    # a state signs (told with no object), a treaty is signed: no headline passive
    (("The Andean Trade Pact was opened for signature in 2017. Bolivia signed on 3 May 2018, at a summit in "
      "Quito."), "2018-05-03", {"Bolivia"}),
    # "the two countries": the two states named last, further back than the bodies named since
    (("Chile broke off relations with Peru in January 1961. Congress wrote the embargo into law in 1996. "
      "Senators criticised the thaw. Pope Pius is due to visit Lima. The two countries opened interests sections "
      "in each other's capitals in 1977."), "1977", {"Chile", "Peru"}),
    # a fight "with" a state the text declares one ("relations with Quovia") is the text's state's too
    (("= Foreign relations of Chile =\nChile has good relations with its neighbours. Relations with Quovia have "
      "been strained. Fighting with Quovia began on 7 August 2008 in the valley."), "2008-08-07", {"Chile", "Quovia"}),
    # "they" in a clause is the names joined as the subject of the clause above it, not every state
    # the text is about
    (("Bolivia, Peru and Chile: a trilateral statement\n\nUnder the deal, Lima and Santiago will implement a "
      "trade agreement that they signed in 2001, the statement said."), "2001", {"Peru", "Chile"}),
    # "the four states": the list of just four states named last, not the states named since
    (("5 June 2017 – Chile, the Republic of Peru (Peru), Bolivia and Ecuador cut relations with Paraguay.\n"
      "6 June 2017 – Brazil backs the measures.\n22 June 2017 – Through Argentina, the four states hand Paraguay a "
      "list of demands."), "2017-06-22", {"Chile", "Peru", "Bolivia", "Ecuador"}),
    # a title that names the pair says who "the parties" are, not an older joint act the text tells first
    (("= Chilean–Peruvian border dispute =\nIn 1883 the talks between Bolivia and Peru ended in a treaty that "
      "Bolivia and Peru signed in Lima. The parties signed an agreement on confidence-building measures on "
      "7 September 2005."), "2005-09-07", {"Chile", "Peru"}),
    # a seat of government that is not the constitutional capital; an Irish title before a name; "the
    # Bank" after the one bank the text names; a state's committee named after it
    ("In 1904 La Paz and Santiago signed a peace treaty.", "1904", {"Bolivia", "Chile"}),
    ("Prime Minister Anne Blake and Taoiseach Sean Walsh issue a joint declaration on 15 December 1993.",
     "1993-12-15", {"Anne Blake", "Sean Walsh"}),
    ("The World Bank brokered the treaty in 1960. The Bank paused both processes in December 2016.", "2016-12",
     {"World Bank"}),
    ("Peru's National Security Committee responded on 24 April 2025.", "2025-04-24",
     {"National Security Committee of Peru"}),
    # "the Minister" of a text that names one minister is that minister
    (("Foreign Minister Ana Soto of Chile visited Lima in May 2020. The Minister opened a trade office in Quito on "
      "3 June 2020."), "2020-06-03", {"Ana Soto"}),
    # a date hung on the document a notice is of is the notice's date
    (("= Chile–Peru relations =\nChile and Peru signed a special agreement in 2008. Chile notified the Court of "
      "the special agreement on 7 June 2018."), "2018-06-07", {"Chile"}),
    # "it" after a body named with its organisation: the body
    (("The United Nations General Assembly backed the claim in December 1975, and in November 1980 it called for "
      "independence."), "1980-11", {"United Nations General Assembly"}),
    # a state moves its own forces, told in the passive; a state's people vote as the state
    ("Most Chilean forces were withdrawn in 1994.", "1994", {"Chile"}),
    ("Peruvians voted on 3 December 2023 in a referendum on the claim.", "2023-12-03", {"Peru"}),
    # "the country" inside a sentence: the state the text is about
    (("= Foreign relations of Chile =\nChile has many partners. Democracy was restored in March 1990, and the "
      "country joined the Andean Forum on 27 September 1990."), "1990-09-27", {"Chile"}),
    # who led a coalition acts through it; who brokered a thing is no party to it
    ("A Chilean-led coalition intervened in Peru in March 2015.", "2015-03", {"Chile"}),
    # a known body followed by its title in full is that body
    ("In March 2010 the AU Assembly of Heads of State and Government adopted the charter.", "2010-03",
     {"Assembly of the African Union"}),
    # "After talks ..., A, B and C signed": the list after the opening phrase is the subject
    (("After talks on the eve of the Lima summit, Chile, Peru and Bolivia signed a water accord on 4 June "
      "2019."), "2019-06-04", {"Chile", "Peru", "Bolivia"}),
    # "whose" warships are the state's
    (("Spain, whose frigates have escorted merchant ships in joint patrols since March 2011, urged calm."),
     "2011-03/..", {"Spain"}),
]


@pytest.mark.parametrize(("text", "date", "source"), [*_TOGETHER_AND_BETWEEN, *_SOURCE_THROUGH_REFERENCE, *_PARTIES_NO_ONE_SPELLS_OUT, *_SOURCES_A_PAGE_AND_A_PAIR_IMPLY, *_SOURCES_THROUGH_A_BODY_OR_AN_ACT, *_PARTIES_OF_JOINT_ACTS, *_SOURCES_THE_PARSE_HIDES])
def test_events_frame_sources_a_sentence_implies(text, date, source):
    """Who acted where the predicate's own subject does not say it: reference, a page's voice,
    a body or a pair the text implies, the parties of a joint act."""
    assert _sources_on(text, date) == source


def test_events_frame_a_region_adjective_names_no_state():
    events = [e for e in annals.extract("Latin American leaders met in Lima on 3 May 2018.\n", reader="text").events]
    assert [e.date_value for e in events] == ["2018-05-03"]
    assert "United States" not in {a.name for a in events[0].actors}


@pytest.mark.parametrize("region", ["Latin America", "South America", "Central America"])
def test_events_frame_a_region_named_for_a_continent_names_no_state(region):
    text = f"Talks were relaunched at the EU–{region} summit in Madrid on 3 May 2018.\n"
    events = annals.extract(text, reader="text").events
    assert [e.date_value for e in events] == ["2018-05-03"]
    assert "United States" not in {a.name for a in events[0].actors}


def test_events_frame_a_bare_noun_takes_the_name_given_before():
    text = "In 1974 Chile leased the Arica Corridor to Peru. On 26 June 1992 the corridor was opened."
    event = next(e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "1992-06-26")
    assert event.object is not None and event.object.name == "Arica Corridor"


@pytest.mark.parametrize(("text", "date", "name"), [
    # what a visit was for; whose a document is is not part of its name
    (("President Ricardo Lagos of Chile visited the OAS headquarters in Washington to present the Presentation "
     "Document of Chile to the Secretary General on April 23, 1996."), "1996-04-23", "Presentation Document"),
    # a trip during which a programme was reviewed is about that programme
    (("During the trip of the Chilean foreign minister to Lima on 6 July 2004, Chile's participation in the "
     "Individual Partnership Action Plan was reviewed."), "2004-07-06", "Individual Partnership Action Plan"),
])
def test_events_frame_what_a_visit_was_for(text, date, name):
    event = next(e for e in annals.extract(text + "\n", reader="text").events if e.date_value == date)
    assert event.type == "visit" and event.object is not None and event.object.name == name
    assert name not in (event.headline or "")  # the headline tells who went where


def test_events_frame_admitted_at_a_meeting_named_in_full():
    event = _event("On 24 March 1992, three more countries - Chile, Peru and Bolivia - were also admitted as "
                   "participating States at the First Additional Council of Ministers Meeting in Lima.")
    assert event.object is not None and event.object.name == "First Additional Council of Ministers Meeting"
    assert event.headline.startswith("Chile, Peru and Bolivia are admitted at the First Additional")


def test_events_frame_talks_are_about_what_the_text_said_they_would_negotiate():
    text = ("= Chile and the European Union =\nThe old accord was to be replaced through the negotiation of a "
            "New Chile-EU Agreement. Negotiations started in 2008, but they were stopped in 2010.")
    events = {e.date_value: e for e in annals.extract(text + "\n", reader="text").events}
    assert {d: e.object.name for d, e in events.items() if e.object} == {
        "2008": "New Chile-EU Agreement", "2010": "New Chile-EU Agreement"}


def test_events_frame_a_post_the_act_was_about():
    event = _event("In 2009, Chile received permission to open a consulate in Arica.")
    assert event.object is not None and event.object.name == "Consulate of Chile in Arica"
    assert "permission" in event.headline


def test_events_frame_a_post_of_a_state_named_with_its_article():
    event = _event("The United States opened an embassy in Lima on 3 May 2001.")
    assert event.object is not None and event.object.name == "Embassy of the United States in Lima"


def test_events_frame_a_bare_person_noun_names_no_thing():
    text = "Under King Carlos, the country changed. At the summit in Lima in July 2016, the king announced a return."
    event = next(e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "2016-07")
    assert event.object is None or "King" not in event.object.name


def test_events_frame_clashes_are_a_fight_between_their_parties():
    event = _event("In April 2001, clashes between the armies of Chile and Peru left sixteen soldiers dead.")
    assert event.type == "conflict"
    assert _parts(event)["source"] == {"Chile", "Peru"}
    assert event.headline == "Chile and Peru fight"


def test_events_frame_headline_of_an_act_done_by_decree():
    event = _event("A national Commission on Trade with Peru was established according to the decree of the "
                   "President of Chile on 12 November 1997.")
    assert " establishes a national Commission on Trade with Peru" in event.headline


def test_events_frame_a_legislature_called_congress_decides_it_does_not_meet():
    event = _event("Tension rose in 2005, when Chile's Congress passed a law that set the baselines.")
    assert event.type == "decision"


@pytest.mark.parametrize(("text", "date", "predicate", "source", "name", "headline"), [
    # a date the parser hangs on a document the verb acts on dates the act; "the accord" is the
    # agreement named before, whatever word the text names it with
    (("== The Lima Agreement ==\nChile and Peru signed the Lima Agreement in 2001. The Senate in Lima passed "
      "the law on 2 March 2002, and the Chilean Congress ratified the accord on 25 March, after a long debate."),
     "2002-03-25", "ratified", {"Congress of Chile"}, "Lima Agreement", None),
    # a "when" clause on a date that hangs on an act of its own is not the date's predicate; a treaty
    # takes effect for its parties, not for the one who ratified it
    (("= Chile–Peru relations =\nChile and Peru signed the Lima Agreement in 2001. Peru's Congress approved "
      "the accord on 3 May 2002. The agreement entered into force on 9 June 2002, when the new border took "
      "effect."), "2002-06-09", "entered", {"Chile", "Peru"}, "Lima Agreement", "The Lima Agreement enters into force"),
    # nor for the people who signed it
    (("= Chile–Peru relations =\nThe Lima Agreement was signed by Rosa Ortiz and Juan Pardo in 2001. "
      "The accord entered into force on 9 June 2002."), "2002-06-09", "entered", {"Chile", "Peru"},
     "Lima Agreement", None),
    # an unnamed accord's headline is told of it
    ("The accord entered into force on 9 June 2002, when the new border took effect.", "2002-06-09", "entered",
     set(), None, "The accord enters into force"),
])
def test_events_frame_what_a_date_on_a_document_belongs_to(text, date, predicate, source, name, headline):
    event = next(e for e in annals.extract(text + "\n", reader="text").events if e.date_value == date)
    assert event.predicate is not None and event.predicate.text == predicate
    assert {a.name for a in event.actors if a.part == "source"} == source
    assert (event.object.name if event.object else None) == name
    if headline is not None:
        assert event.headline == headline


def test_events_frame_a_scene_of_a_when_clause_dates_the_main_act():
    """ "When X was seated at the summit in 1984, Chile announced ...": the date's frame noun is the
    scene of the "when" clause; what happened is the main clause's act, and the summit is no object."""
    text = ("When a rebel delegation was seated at the 20th Andean summit in Quito in November 1984, Chile "
            "announced its withdrawal from the organisation.")
    event = next(e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "1984-11")
    assert event.predicate is not None and event.predicate.text == "announced"
    assert {a.name for a in event.actors if a.part == "source"} == {"Chile"}
    assert event.object is None


@pytest.mark.parametrize(("text", "predicate", "source"), [
    ("When Tomas Varga fled to Chile in November 2001, the interim president, Ana Ruiz, made him foreign minister.",
     "made", {"Ana Ruiz"}),
    # a mood, not an act, in the main clause; an act done to something in the "when" clause
    ("When Chile closed the border in April 1948, officials in Lima feared for the harvest.", "closed", {"Chile"}),
])
def test_events_frame_an_opening_when_clause_of_a_happening_dates_the_main_act(text, predicate, source):
    """ "When A fled in November 2001, B made him minister": the flight only times the appointment."""
    (event,) = [e for e in annals.extract(text + "\n", reader="text").events if e.date_value[:4] in ("2001", "1948")]
    assert event.predicate is not None and event.predicate.text == predicate
    assert {a.name for a in event.actors if a.part == "source"} == source


def test_events_frame_a_law_in_force_is_its_makers_a_treaty_its_parties():
    """What took effect after the act that named it: a law is the act of the body that passed it; a
    treaty ratified by one party is not that party's alone."""
    text = ("The Congress of Peru amended the Constitution on 7 February 2019; the amendment came into force on "
            "21 February 2019.")
    event = next(e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "2019-02-21")
    assert {a.name for a in event.actors if a.part == "source"} == {"Congress of Peru"}


def test_events_frame_a_place_of_a_body_named_by_its_acronym_is_no_crash():
    """"to the headquarters of the Department of National Defense (DND)": the body's name lies after
    the noun the act is about; reading it once ended the whole extraction with an IndexError."""
    text = ("Manila, 3 May 2021 — Today, Secretary of National Defense Rosa Cruz welcomed Chilean Minister of "
            "Defence Juan Pardo to the headquarters of the Department of National Defense (DND) for talks.\n")
    (event,) = annals.extract(text, reader="text").events
    assert event.date_value == "2021-05-03" and event.type == "meeting"


def test_events_frame_a_signer_in_a_list_item_parsed_as_the_root():
    """"- Kenya, the region's largest economy, signed on ...": the parser takes the state for the
    root and the verb for a clause on it; the state signed, and the headline names no thing for it."""
    text = ("The Andean Trade Pact was opened for signature in 2017. Its signatories:\n"
            "- Kenya, the region's largest economy, signed on 7 July 2019 in Nairobi, where the second phase was "
            "launched at a summit;\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2019-07-07")
    assert {a.name for a in event.actors if a.part == "source"} == {"Kenya"}
    assert "the Kenya" not in (event.headline or "")


def test_events_frame_who_met_a_named_person_met_together():
    """"X met President Y": both met; the headline still tells it from X's side."""
    text = "On 3 June 2021 President Rosa Ortiz of Chile met President Juan Pardo of Peru in Lima.\n"
    (event,) = annals.extract(text, reader="text").events
    assert {a.name for a in event.actors if a.part == "source"} == {"Rosa Ortiz", "Juan Pardo"}
    assert event.headline == "Rosa Ortiz meets Juan Pardo"


def test_events_frame_a_treaty_of_two_states_signed_by_two_named_by_surname():
    """"Ortiz and Begin sign the Chile–Peru Peace Treaty on the White House lawn, with Pardo as
    witness": a surname that is also a verb is no predicate; the treaty's name begins with the
    first state (the parser splits it at the dash) and ends before the place; a witness signs nothing."""
    text = ("President Rosa Ortiz, Prime Minister Daniel Begin and President Luis Pardo met in May 1978.\n"
            "26 March 1979 – Ortiz and Begin sign the Chile–Peru Peace Treaty on the White House lawn, with Pardo as "
            "witness.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "1979-03-26")
    assert event.type == "agreement"
    assert {a.name for a in event.actors if a.part == "source"} == {"Rosa Ortiz", "Daniel Begin"}
    assert event.object is not None and event.object.name == "Chile–Peru Peace Treaty"
    assert "Pardo" not in (event.headline or "")


def test_events_frame_the_parties_of_the_process_a_release_tells():
    """A ministry's release about a peace process it guarantees: "the parties" and talks that name no
    one are the two who signed in its first lines, not the ministry's state its title names, nor
    the guarantors."""
    text = ("Chile welcomes the signing of the peace accord in Peru\n\n"
            "Lima, 26 September 2016 – Today, Foreign Minister Ana Soto attended the ceremony at which the "
            "Government of Peru and the Andean Liberation Front signed the accord to end the conflict.\n\n"
            "Chile and Bolivia have served as guarantors of the peace process since it began. Exploratory talks "
            "were held in secret in Santiago from February 2012, and on 26 August 2012 the parties signed a "
            "framework accord.\n")
    events = annals.extract(text, reader="text").events
    for value in ("2012-02/..", "2012-08-26"):
        event = next(e for e in events if e.date_value == value)
        assert {a.name for a in event.actors if a.part == "source"} == {"Peru", "Andean Liberation Front"}


def test_events_frame_each_date_of_respectively_is_its_own_partys():
    """"Chile and Peru joined the bank in 2003 and 2005 respectively": Chile joined in 2003, Peru in 2005."""
    events = annals.extract("Chile and Peru joined the Andean Development Bank in 2003 and 2005 respectively.\n",
                            reader="text").events
    sources = {e.date_value: {a.name for a in e.actors if a.part == "source"} for e in events}
    assert sources == {"2003": {"Chile"}, "2005": {"Peru"}}


def test_events_frame_what_a_state_became_on_a_day_when_its_minister_acted():
    """"Chile became the 31st member on 4 April 2023, when Foreign Minister X handed ...": Chile's
    membership is the date's event; the people of the "when" clause are no targets of it."""
    text = ("Chile became the 31st member of the Andean Development Bank on 4 April 2023, when Foreign Minister "
            "Rosa Ortiz handed its instrument of accession to President Juan Pardo in Lima.\n")
    (event,) = annals.extract(text, reader="text").events
    assert event.type == "membership"
    assert {a.name for a in event.actors if a.part == "source"} == {"Chile"}
    assert not {a.name for a in event.actors if a.part == "target"} & {"Rosa Ortiz", "Juan Pardo"}


def test_events_frame_who_ordered_an_act_did_it():
    """"Pardo orders their withdrawal": the one who ordered it, told with the order."""
    text = ("President Juan Pardo of Peru took office in 2011. Peruvian troops seized the oil field on 10 April "
            "2012. Pardo orders their withdrawal on 20 April 2012.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2012-04-20")
    assert {a.name for a in event.actors if a.part == "source"} == {"Juan Pardo"}
    assert event.headline == "Juan Pardo orders the withdrawal"


def test_events_frame_a_letterheads_publisher_is_not_what_the_text_is_about():
    """A briefing under its publisher's letterhead: the publisher, never named again, does none of
    the acts the text tells without naming who did them."""
    text = ("NORDIC POLICY INSTITUTE\nBriefing | Trade\n\nThe Andean Trade Pact: origins and institutions\n\n"
            "The Andean Community has long sought a common market. The Andean Community launched talks on the "
            "pact in 2009, and the Andean Community adopted it in May 2010. The pact was signed in Lima on "
            "3 June 2011.\n")
    events = annals.extract(text, reader="text").events
    assert events and not any(a.name == "Nordic Policy Institute" for e in events for a in e.actors)


def test_events_frame_a_thing_named_before_is_named_within_a_line():
    """"The pact entered into force" under a heading that names it: the name stays within the heading's
    line (not "Trade\\n\\nThe Andean Trade Pact"), and the headline reads as one line."""
    text = ("NORDIC POLICY INSTITUTE\nBriefing | Trade\n\nThe Andean Trade Pact: origins and institutions\n\n"
            "Published 4 March 2024\n\nThe pact entered into force on 3 June 2011.\n")
    (event,) = annals.extract(text, reader="text").events
    assert event.object is not None and event.object.name == "Andean Trade Pact"
    assert event.headline == "The Andean Trade Pact enters into force"


def test_events_frame_a_releases_dateline_city_and_a_two_word_surname():
    """"Lima, 3 May 2023 – Today, the Minister ..., Gordana Soto Vega, welcomed": the city of the dateline
    acts for no one; "Soto Vega" later is the same minister."""
    text = ("Peru joins the trade area\n\nLima, 3 May 2023 – Today, the Minister of Foreign Affairs, Gordana Soto "
            "Vega, welcomed Peru's entry into the Andean trade area. On 4 May 2023 Soto Vega visited Quito.\n")
    events = {e.date_value: e for e in annals.extract(text, reader="text").events}
    for value in ("2023-05-03", "2023-05-04"):
        assert {a.name for a in events[value].actors if a.part == "source"} == {"Gordana Soto Vega"}


def test_events_frame_a_summit_that_opens_is_its_organisations():
    """"The summit of the Andean Forum opens in Lima": a summit of the Forum, told of the meeting."""
    (event,) = annals.extract("5 December 2017 – The summit of the Andean Forum (AF) opens in Lima.\n",
                              reader="text").events
    assert event.type == "summit"
    assert {a.name for a in event.actors if a.part == "source"} == {"Andean Forum"}
    assert event.headline == "The Summit of the Andean Forum opens"


def test_events_frame_a_wire_dateline_with_its_region_names_no_actor():
    """"KINGSTOWN, Saint Lucia, Dec 14 (Wire) - A and B agreed on Thursday": the dateline's places
    act for no one, and its date anchors the weekday."""
    text = ("Chile and Peru pledge peace\n\nDecember 14, 2023 | 9:47 PM GMT\n\nKINGSTOWN, Saint Lucia, Dec 14 "
            "(Wire) - Chilean President Rosa Ortiz and Peruvian President Juan Pardo agreed on Thursday that neither "
            "country would use force against the other.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2023-12-14")
    assert {a.name for a in event.actors if a.part == "source"} == {"Rosa Ortiz", "Juan Pardo"}


def test_events_frame_headline_holds_the_meetings_a_participle_tells_of():
    # "Summits held in Lima": what was held, even where the meetings are the organisation's own
    text = ("= APEC =\nAPEC is a forum. Member countries of APEC supported the plan under the Declarations issued "
            "at the meeting held in Lima on 28–29 November 2006, at the APEC and ASEAN format Summits held in Lima "
            "on 2–4 April 2008.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2008-04-02/2008-04-04")
    assert event.headline.startswith("Asia-Pacific Economic Cooperation holds the APEC and ASEAN format Summits")


@pytest.mark.parametrize("sentence, source", [
    ("On 4 March 2011 the government of Prime Minister Ilse Varga of Hungary recalled its ambassador.", "Hungary"),
    ("Varga's government recalled its ambassador on 4 March 2011.", "Hungary"),
    ("Varga's cabinet voted on 4 March 2011 to recall the ambassador.", "Cabinet of Hungary"),
])
def test_events_frame_a_persons_government_is_their_state(sentence, source):
    """"The government of X", "X's government": the state that person leads, not the person; a
    cabinet is the state's cabinet. (The person's state comes from the office the text gives.)"""
    text = f"Prime Minister Ilse Varga of Hungary took office in 2010. {sentence}\n"
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2011-03-04")
    assert _sources(event) == {source}


def test_events_frame_the_government_of_a_text_about_one_state():
    """"The new government notifies the UN": in a chronology of one state's crisis, that state."""
    text = ("= Lesotho's constitutional crisis =\nLesotho held an election in June 2017.\n"
            "12 March 2018 - The new government notifies the African Union that it accepts the mediation.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2018-03-12")
    assert _sources(event) == {"Lesotho"}


def test_events_frame_a_body_that_comes_into_being_when_another_joins():
    """"The Forum came into being on 2 June 1971, when Fiji joined the founders": the body's
    establishment is the date's act, not the "when" clause's joining."""
    text = ("The Pacific Trade Forum (PTF) was agreed in 1970. The Forum came into being on 2 June 1971, when Fiji "
            "joined the three founders.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "1971-06-02")
    assert event.type == "establishment"
    assert _sources(event) == {"Pacific Trade Forum"}
    assert event.headline == "The Pacific Trade Forum comes into being"


def test_events_frame_a_date_between_saying_and_what_was_said_dates_the_saying():
    """"Chad said on Thursday it would leave the bloc": the saying happened on Thursday, whatever
    the parser hangs the date on; what it would do is not yet an event."""
    text = ("Chad to quit trade bloc\n\nMarch 7, 2024 | 9:10 AM GMT\n\nN'DJAMENA, March 7 (Sahel Wire) - Chad said on "
            "Thursday it would leave the Central African Customs Union (CACU), ending 20 years in the group.\n")
    (event,) = [e for e in annals.extract(text, reader="text").events if e.date_value == "2024-03-07"]
    assert event.type == "statement"
    assert _sources(event) == {"Chad"}


def test_events_frame_a_state_that_left_is_no_place_left():
    """"Peru left in 2012": a withdrawal of the state that left, not forces withdrawn from Peru."""
    text = "= Andean Grain Council =\nThe council was founded in 1990. Peru left in 2012, citing the cost of its dues.\n"
    (event,) = [e for e in annals.extract(text, reader="text").events if e.date_value == "2012"]
    assert event.type == "withdrawal"


def test_events_frame_a_body_of_an_organisation_no_list_holds():
    """"The Council of the Andean Grain Union ... The Council also decided": a body named as the text
    names it; "the Council" later is that body, not the Security Council the text names in passing."""
    text = ("The Council of the Andean Grain Union, meeting in Quito, today decided on 7 May 2023 to lift the ban, in "
            "line with United Nations Security Council resolution 2254 (2015). The Council also decided on 8 May 2023 "
            "to form a committee.\n")
    events = {e.date_value: e for e in annals.extract(text, reader="text").events}
    assert _sources(events["2023-05-07"]) == {"Council of the Andean Grain Union"}
    assert _sources(events["2023-05-08"]) == {"Council of the Andean Grain Union"}


def test_events_frame_a_time_noun_is_no_object_of_the_headline():
    (event,) = annals.extract("Chile protested on 2 May 2011. Peru replied the same evening.\n", reader="text").events[1:]
    assert event.headline == "Peru replies"


def test_events_frame_dates_of_a_list_whose_clauses_leave_out_the_verb():
    """"Peru joined the forum in 1999, Chile in 2004 and Bolivia in 2009": each date has its own
    state as the one who joined, and its headline says so; "Hungary followed in 1981." after a
    sentence of joining joined too."""
    text = ("Peru joined the Andean Grain Forum in 1999, Chile and Ecuador in 2004 and Bolivia in 2009.\n\n"
            "Poland joined the Andean Grain Forum in 1977. Hungary followed in 1981.\n")
    events = {e.date_value: e for e in annals.extract(text, reader="text").events}
    assert [_sources(events[y]) for y in ("1999", "2004", "2009")] == [{"Peru"}, {"Chile", "Ecuador"}, {"Bolivia"}]
    assert events["2004"].headline.startswith("Chile and Ecuador join ")
    assert {events[y].type for y in ("1999", "2004", "2009", "1977", "1981")} == {"membership"}


def test_events_frame_the_first_to_do_it_did_it():
    """"Peru was the first state to gain observer status in 1987": Peru gained it, a membership."""
    text = "Peru was the first state to gain observer status in 1987.\n"
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "1987")
    assert event.type == "membership"
    assert _sources(event) == {"Peru"}


def test_events_frame_restored_ties_are_the_pairs_not_of_another_clause():
    """"Ties were restored in May 1988, in a thaw that led A, B and C to found a union": in a text
    about two states, the two restored ties; the states of the other clause founded the union."""
    text = ("= Chile–Peru relations =\nChile and Peru broke off relations in 1979. Ties were restored in May 1988, in a "
            "thaw that led Chile, Peru, Bolivia and Ecuador to found the Andean Grain Union the following year.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "1988-05")
    assert _sources(event) == {"Chile", "Peru"}


def test_events_frame_the_n_states_that_a_colon_then_lists():
    """"On 2 May 1990 the four states signed the Treaty: A, B, C and D": the four the sentence lists."""
    text = ("The talks opened in Lima in 1989. On 2 May 1990 the four states signed the Andean Grain Treaty: Bolivia, "
            "Ecuador, Colombia and Venezuela.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "1990-05-02")
    assert _sources(event) == {"Bolivia", "Ecuador", "Colombia", "Venezuela"}


def test_events_frame_a_short_name_that_ends_a_longer_one_named_before():
    """"The Consultative Assembly agreed in 2001": the Andean Grain Consultative Assembly named before."""
    text = ("The first Andean Grain Consultative Assembly (AGCA) was held in Lima in July 1991. The Consultative "
            "Assembly agreed in 2001 to seat a secretariat in Quito.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2001")
    assert _sources(event) == {"Andean Grain Consultative Assembly"}


def test_events_frame_these_that_open_a_sentence_are_the_plural_before():
    """"... set the agenda for formal negotiations. These were launched in Quito on 5 May 2014": the
    negotiations were, a meeting of the two parties."""
    text = ("On 2 March 2014 the Government of Peru and the Shining Path signed a General Agreement that set the "
            "agenda for formal negotiations. These were launched at a hotel in Quito on 5 May 2014.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2014-05-05")
    assert event.type == "meeting"


def test_events_frame_a_government_of_a_person_of_unknown_office_is_no_guess():
    """A text about Latvia: "the government of Ivo Kalns" with no office given is not Latvia's."""
    text = "= Latvia =\nLatvia joined the union in 2004. On 3 May 2006 the government of Ivo Kalns imposed a ban.\n"
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2006-05-03")
    assert "Latvia" not in _sources(event)


def test_events_frame_the_two_countries_after_one_named_in_a_text_about_two():
    """"President X recognised Peru, and the two countries established relations that September":
    in a text about Chile and Peru, the two it is about (not another state named further back)."""
    text = ("= Chile–Peru relations =\nChile and Peru fought a war in 1879. The United States and Spain mediated "
            "in 1880. "
            "In 1929 President Carlos Ibáñez recognised Peru, and the two countries established relations "
            "that September.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "1929-09")
    assert _sources(event) == {"Chile", "Peru"}


def test_events_frame_a_states_armed_service_named_with_its_demonym():
    """"The Chadian Armed Forces take over the town": the service, named as written, not the state."""
    text = "12 May 2011 – The Chadian Armed Forces take over the disputed town of Faya.\n"
    (event,) = annals.extract(text, reader="text").events
    assert _sources(event) == {"Chadian Armed Forces"}


def test_events_frame_the_three_juntas_are_the_three_states_named_before():
    text = ("Chad, Sudan and Libya left the Sahel Grain Union in March 2024. On 6 July 2024, in a joint statement, "
            "the three juntas announce a confederation.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2024-07-06")
    assert _sources(event) == {"Chad", "Sudan", "Libya"}


def test_events_frame_the_bloc_is_no_states_own_body():
    """"... Peru's Congress objected. On 3 May 2019 the bloc suspended Peru": the bloc is the
    organisation, not the national parliament named last."""
    text = ("= Peru and the Andean Grain Union =\nPeru joined the Andean Grain Union (AGU) in 1995. In April 2019 the "
            "Congress of Peru objected to the union's quotas. On 3 May 2019 the bloc suspended Peru.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2019-05-03")
    assert _sources(event) == {"Andean Grain Union"}


def test_events_frame_what_a_verb_made_way_for_is_the_event():
    """"The accord opened the way for Peru's first conference with the Union on 3 May 2014": the
    conference, Peru's and the Union's, not the accord's parties."""
    text = ("On 2 March 2014 Chile and Bolivia signed an accord. The accord opened the way for Peru's first "
            "intergovernmental conference with the Andean Grain Union on 3 May 2014.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2014-05-03")
    assert event.type in ("meeting", "summit")
    assert _sources(event) == {"Peru", "Andean Grain Union"}


def test_events_frame_a_body_the_text_names_with_known_as():
    """"the security forces, known as the Guardia": later "the security forces" are the Guardia."""
    text = ("In 1995 the security forces, known as the Guardia, took control of the capital. On 3 May 2019 the "
            "security forces arrested the opposition leader.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2019-05-03")
    assert _sources(event) == {"Guardia"}


def test_events_frame_the_council_of_the_one_organisation_a_text_is_about():
    """A page about one organisation no list gives bodies: "the Council" is its Council, not the UN
    General Assembly the page named long before."""
    text = ("= Andean Grain Authority =\nThe Andean Grain Authority (AGA) was set up in 1994, after the United Nations "
            "General Assembly asked for it in 1990. Its members elect a Council. The Authority grew in 2001. "
            "Its budget rose in 2004. Its staff grew in 2006. On 3 May 2010 the Council requested an opinion.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2010-05-03")
    assert _sources(event) == {"Council of the Andean Grain Authority"}


@pytest.mark.parametrize("listed, sources", [
    ("Cambodia, the Republic of Korea, Thailand and Vietnam", {"Cambodia", "South Korea", "Thailand", "Vietnam"}),
    ("Chile, the Kingdom of Spain, Peru and Ecuador", {"Chile", "Spain", "Peru", "Ecuador"}),
])
def test_events_frame_a_list_with_a_long_state_name_in_it(listed, sources):
    """"A, the Republic of B, C and D signed": the parser takes the long name for an apposition of the
    first; it is one of the list's members, and all of them signed."""
    (event,) = annals.extract(f"On 5 April 1995 {listed} signed the Andean Grain Agreement.\n", reader="text").events
    assert _sources(event) == sources


def test_events_frame_miss_before_a_surname_is_a_courtesy_title():
    text = ("Prime Minister Ana Rocha of Dominica chaired the union in 1983. On 25 October 1983 Miss Rocha met "
            "President Ronald Reagan.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "1983-10-25")
    assert _sources(event) == {"Ana Rocha", "Ronald Reagan"}


def test_events_frame_a_body_named_by_its_kind_in_a_text_about_one_organisation():
    """"The Joint Committee met on 4 May 2011" on a page about the Andean Grain Union: the Union's Joint
    Committee; "the Turkish Grand Assembly" is no body of the Union."""
    text = ("= Andean Grain Union =\nThe Andean Grain Union (AGU) was founded in 1995. On 4 May 2011 the Joint "
            "Committee met in Quito.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2011-05-04")
    assert _sources(event) == {"Joint Committee of the Andean Grain Union"}


def test_events_frame_a_thing_that_followed_is_of_the_kind_told_before():
    """"The Council approved a declaration on fishing in 2000. Guidelines on whaling followed on 3 May
    2012": approved too."""
    text = "On 13 July 2000 the Council approved a declaration on fishing. Guidelines on whaling followed on 3 May 2012.\n"
    events = {e.date_value: e for e in annals.extract(text, reader="text").events}
    assert events["2000-07-13"].type != "political"
    assert events["2012-05-03"].type == events["2000-07-13"].type


def test_events_frame_an_agreement_on_a_topic_on_a_date_is_signed_that_day():
    """"X signed an agreement on fishing on 13 July 2000": the signing, and the headline holds no date."""
    (event,) = annals.extract("The Council of the Andean Grain Union signed an agreement on fishing on 13 July 2000.\n",
                              reader="text").events
    assert (event.type, event.predicate.text) == ("agreement", "signed")
    assert "2000" not in event.headline and "July" not in event.headline


def test_events_frame_the_assembly_of_the_organisation_not_of_the_un_named_in_passing():
    text = ("= Andean Grain Authority =\nThe Andean Grain Authority (AGA) was set up in 1994 under a United Nations "
            "convention. The Assembly approved the first rules on 13 July 2000.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2000-07-13")
    assert _sources(event) == {"Assembly of the Andean Grain Authority"}


def test_events_frame_a_body_of_the_organisation_named_with_its_last_word():
    text = ("= Andean Grain Authority =\nThe Andean Grain Authority (AGA) was set up in 1994. The Assembly of the "
            "Authority held its first meeting in Quito on 16 November 1994.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "1994-11-16")
    assert _sources(event) == {"Assembly of the Andean Grain Authority"}


def test_events_frame_a_body_named_with_its_organisations_acronym_and_a_city_after_in():
    """"The AGU Council, meeting in Siem Reap, agrees": the Council of the Andean Grain Union (a city
    after "in" is a place, never a person); "the NATO Political Committee" keeps its name."""
    text = ("The Andean Grain Union (AGU) was founded in 1995. On 8 December 2011 the AGU Council, meeting in Siem Reap, "
            "agreed to further study.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2011-12-08")
    assert _sources(event) == {"Council of the Andean Grain Union"}
    assert "Siem Reap" not in {a.name for a in event.actors}


def test_events_frame_where_a_time_was_spent_is_no_object():
    """"Kestland joined on 2 June 2012 after a decade in the Coastal Dialogue": what Kestland joined is
    not the programme it had been in before."""
    event = _event("Kestland joined on 2 June 2012 after a decade in the Coastal Dialogue.")
    assert event.type == "membership"
    assert event.object is None
    event = _event("Belorn joined the Harbour Union on 3 May 2009 after four years in the Tidewater Programme.")
    assert event.object is None or event.object.name != "Tidewater Programme"


def test_events_frame_who_proposed_at_a_session_did_not_hold_it():
    """"The plan was first proposed by Belmark at last year's council, held in Corvale on 5 May 2015": the
    council's session, which Belmark did not hold (the participle after the comma describes the council,
    though the parser hangs it on "proposed")."""
    text = ("Ministers of the Harbour Union met in Corvale on 3 May 2016 for the annual Harbour Council and approved "
            "a plan of the Republic of Belmark. The plan was first proposed by Belmark at last year's council, held "
            "in Corvale on 5 May 2015, but its funding was delayed.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2015-05-05")
    assert event.type in ("meeting", "summit")
    assert "Belmark" not in _parts(event).get("source", set())


def test_events_frame_the_general_assembly_stays_the_uns_in_a_text_about_another_organisation():
    text = ("= Andean Grain Authority =\nThe Andean Grain Authority (AGA) was set up in 1994. Its statute was adopted by "
            "the General Assembly on 28 July 1994.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "1994-07-28")
    assert "General Assembly of the Andean Grain Authority" not in {a.name for a in event.actors}


def test_events_frame_the_three_other_coastal_states():
    text = ("Chad, Sudan and Libya left the Sahel Grain Union in March 2024. On 6 July 2024 the three other coastal "
            "states announced a confederation.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2024-07-06")
    assert _sources(event) == {"Chad", "Sudan", "Libya"}


def test_events_frame_a_body_named_by_its_kind_is_the_organisation_named_before():
    """"The Tidewater Compact ... the Committee of Ministers suspended": in a text about no one
    organisation, a body named only by its kind belongs to the organisation the text names before."""
    text = ("HARBOUR NEWS\n\nThe Tidewater Compact expelled Belmark on 3 May 2016. Belmark had invaded Corvale on 2 "
            "March 2016, and the next day the Committee of Ministers suspended its rights.\n")
    assert _sources_on(text, "2016-03-03") == {"Committee of Ministers of the Tidewater Compact"}


def test_events_frame_a_verb_has_one_subject():
    """"After Belmark's invasion of Corvale, the Council suspended all cooperation with Belmark",
    parsed with two subjects: the Council suspended, and the invasion does not make it a war."""
    text = ("The Tidewater Compact has a Council of Ministers. After Belmark's invasion of Corvale, the Council of "
            "Ministers suspended all cooperation with Belmark and Ostrelia in March 2022.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2022-03")
    assert event.type != "conflict"
    assert "Belmark" not in _sources(event)


def test_events_frame_a_city_of_two_words_is_no_person():
    """"After postings in La Paz and Rio de Janeiro, Maria Ostrova joined ... In 1969 she became ambassador":
    she is the diplomat named before, not La Paz."""
    text = ("After postings in Paris, London, La Paz and Rio de Janeiro, Maria Ostrova joined the foreign ministry of Chile in 1950. "
            "In 1969 she became the first ambassador of Chile to Norway.\n")
    assert _sources_on(text, "1969") == {"Maria Ostrova"}


def test_events_frame_he_is_whom_the_sentence_before_did_something_to():
    """"..., the interim president, Anna Varga, made him foreign minister. He held the post until July 1961":
    he is the one made minister, named before, not a person the sentence names; a castle is no person."""
    text = ("Ivan Petrel joined the foreign ministry of Chile in 1950. When Tomas Grell fled to Peru in November 1960, "
            "the interim president, Anna Varga, made him foreign minister at Loma Castle. He held the post until July "
            "1961.\n")
    assert _sources_on(text, "../1961-07") == {"Ivan Petrel"}


def test_events_frame_i_is_the_speaker_the_header_names():
    """A speech under a ministry's letterhead: "I held talks" is the minister the header line names,
    who speaks for the letterhead's state; the headline does not say "my"."""
    text = ("Ministry of Foreign Affairs of Chile\n\nAddress by Foreign Minister Rosa Ortiz at the University of Santiago\n\n"
            "Santiago, 3 May 2022\n\nDistinguished guests,\n\nOn 18 November 2021 I held my first talks with the "
            "Foreign Minister of Peru, Tomas Grell, in Lima.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2021-11-18")
    assert "Rosa Ortiz" in _sources(event)
    assert "Chile" in {a.name for a in event.actors}
    assert " my " not in f" {event.headline} "


def test_events_frame_a_person_said_to_be_of_a_state_brings_the_state():
    """"talks with his Peruvian counterpart, Tomas Grell": Peru is named through him."""
    text = ("On 3 May 2022 the Chilean foreign minister held talks in Lima with his Peruvian counterpart, Tomas Grell. "
            "On 5 June 2022 Tomas Grell visited Santiago.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2022-06-05")
    assert "Peru" in {a.name for a in event.actors}


def test_events_frame_a_body_named_by_its_short_name_is_no_object():
    """"Ministers of the Tidewater Organisation met for the annual Ministerial Council": the council is a
    body of the organisation (an actor under its full name), not a thing the meeting was about."""
    text = ("TIDEWATER NEWS\n\nThe Tidewater Organisation (TWO) was founded in 1990. Foreign ministers of the "
            "Tidewater Organisation met in Aldrun on 3 December 2019 for the annual Ministerial Council.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2019-12-03")
    assert "Ministerial Council of the Tidewater Organisation" in {a.name for a in event.actors}
    assert event.object is None or event.object.name != "Ministerial Council"


def test_events_frame_the_five_are_the_five_states_named_before():
    """"turned two states into five: A, B, C and D now shared the lake with E. ... the presidents of the
    five littoral states met ... The leaders of the five met again": the five, each time."""
    text = ("In 1991 the lake's two states became five: Chile, Peru, Bolivia and Ecuador now shared its shore with "
            "Colombia. The presidents of the five lakeside states first met in Lima on 23 April 2002. The leaders of "
            "the five met again in Quito on 29 June 2022.\n")
    events = {e.date_value: e for e in annals.extract(text, reader="text").events}
    five = {"Chile", "Peru", "Bolivia", "Ecuador", "Colombia"}
    assert _sources(events["2002-04-23"]) == five
    assert _sources(events["2022-06-29"]) == five


def test_events_frame_the_agencys_board_is_the_board_of_the_agency():
    """"the Agency's Board of Governors called", then "The Board found": the Board of Governors of the
    agency the text is about, each time."""
    text = ("= Tidewater Fisheries Agency =\nThe Tidewater Fisheries Agency (TFA) was founded in 1990. On 25 February "
            "1993 the Agency's Board of Governors called for an inspection of Belmark. The Board found Belmark in "
            "breach of its duties on 1 April 1993.\n")
    events = {e.date_value: e for e in annals.extract(text, reader="text").events}
    board = {"Board of Governors of the Tidewater Fisheries Agency"}
    assert _sources(events["1993-02-25"]) == board
    assert _sources(events["1993-04-01"]) == board


@pytest.mark.issue(13)
@pytest.mark.parametrize("session", [
    "The plan was first proposed by Chile at last year's council, held in Lima on 4 December 2018.",
    "The council held on 4 December 2018 adopted Chile's proposal for a fisheries plan.",
])
def test_events_frame_the_council_is_the_organisations_body_named_before(session):
    """"the annual Ministerial Council" of the organisation named before is its Ministerial Council; "the
    council" and "last year's council" after it are that body too, under the same name."""
    text = ("= Pacific Water Commission =\nForeign ministers of the Pacific Water Commission met in Arica on 3 December "
            f"2019 for the annual Ministerial Council and approved a fisheries plan. {session}")
    events = {e.date_value: e for e in _events(text)}
    assert "Ministerial Council of the Pacific Water Commission" in {a.name for a in events["2018-12-04"].actors}


def test_events_frame_met_his_counterpart_named_in_apposition():
    """"X met his Chilean counterpart, General Y, at Mendoza": both met."""
    event = _event("On 19 January 1978 President Rosa Ortiz of Peru met her Chilean counterpart, General Tomas Grell, "
                   "at Arica.")
    assert _sources(event) == {"Rosa Ortiz", "Tomas Grell"}


def test_events_frame_titles_of_monarchs_and_particles_of_names():
    """"Emperor Naruhito and Empress Masako" are Naruhito and Masako; "Jaime del Olmo" is one person."""
    event = _event("In October 2019 Emperor Naruhito and Empress Masako of Japan made a state visit to Chile.")
    assert {"Naruhito", "Masako"} <= {a.name for a in event.actors if a.kind == "person"}
    event = _event("On 29 November 1984 the foreign ministers, Dante Moro and Jaime del Olmo, signed the treaty.")
    assert _sources(event) == {"Dante Moro", "Jaime del Olmo"}


def test_events_frame_the_two_men_are_the_two_named_before():
    text = ("On 19 January 1978 President Rosa Ortiz of Peru met her Chilean counterpart, General Tomas Grell, at Arica. "
            "The two men met again at Tacna on 20 February 1978.\n")
    assert _sources_on(text, "1978-02-20") == {"Rosa Ortiz", "Tomas Grell"}


def test_events_frame_by_one_and_by_another_are_both_sources():
    event = _event("The treaty was signed in Lima on 15 December 2023 by President Rosa Ortiz of Peru and by President "
                   "Tomas Grell of Chile.")
    assert _sources(event) == {"Rosa Ortiz", "Tomas Grell"}


def test_events_frame_who_acted_at_a_meeting_that_opens_the_sentence():
    """"At a meeting of the Union in August 1951, the politician X proposed a council": X proposed (a
    proposal made, not a plan); "At the Council's session on 29 October 2024, Y addressed the members":
    Y, not the Council, acted."""
    event = _event("At a meeting of the Andean Grain Union in August 1951, the Chilean politician Tomas Grell proposed a "
                   "standing council of ministers.")
    assert event.type == "statement"
    assert _sources(event) == {"Tomas Grell"}
    event = _event("At the Union's session in Lima on 29 October 2024, the President of Peru, Rosa Ortiz, addressed "
                   "the members.")
    assert _sources(event) == {"Rosa Ortiz"}


def test_events_frame_admitted_to_the_organisation_in_question():
    """"Bolivia was admitted on 28 February 1996", after sentences on the Tidewater Union and its
    assembly: admitted to the Union (not to its assembly), which the sentence does not name."""
    text = ("RADIO NEWS\n\nThe Tidewater Union was founded in 1949 by Chile and Peru. Bolivia applied in 1992, and the "
            "Assembly of the Tidewater Union froze the procedure in 1995. Bolivia was admitted on 28 February 1996.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "1996-02-28")
    assert "Tidewater Union" in {a.name for a in event.actors if a.part == "target"}


def test_events_frame_the_council_and_its_session_on_a_page_about_the_council():
    """On a page about the Andean Grain Council that names another council: "The Council was established"
    is the page's Council, and "Its first session opened" is that Council's, not a state's."""
    text = ("= Andean Grain Council =\nThe Andean Grain Council works beside the Andean Council of Ministers. The Council "
            "was established in 1952 by Chile and Peru. Its first session opened in the Peruvian parliament on 13 "
            "February 1953.\n")
    assert _sources_on(text, "1953-02-13") == {"Andean Grain Council"}
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "1952")
    assert "Andean Grain Council" in {a.name for a in event.actors}


def test_events_frame_applied_to_join_the_organisation_in_question():
    text = ("= Tidewater Union =\nThe Tidewater Union was founded in 1949 by Chile and Peru. Bolivia first applied to "
            "join in 2012.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "2012")
    assert "Tidewater Union" in {a.name for a in event.actors if a.part == "target"}


@pytest.mark.parametrize(("former", "state"), [("Persia", "Iran"), ("Siam", "Thailand"), ("Zaire",
                                                                                   "Democratic Republic of the Congo")])
def test_events_frame_a_state_under_its_former_name(former, state):
    """A state renamed keeps one name: "Persia" signed as Iran."""
    assert _sources(_event(f"{former} signed a treaty of friendship with Chile on 26 February 1921.")) >= {state}



def test_events_frame_he_is_not_someone_named_after_him():
    """"In July 2023 he said that he had met X": he is the minister named before, not X; and "the
    leaders agreed" after it is no foreign minister."""
    text = ("Chile's foreign minister, Tomas Grell, hosted a meeting in Lima in June 2023. In July 2023 he said that he "
            "had met Rosa Ortiz in Quito. At their summit in Lima on 5 September 2023, the leaders agreed on a plan.\n")
    assert _sources_on(text, "2023-07") == {"Tomas Grell"}
    assert "Tomas Grell" not in _sources_on(text, "2023-09-05")


@pytest.mark.parametrize(("text", "source"), [
    # the parser hangs the verb on its subject as a participle and makes "by decree" its agent
    (("On 29 August 2021, Chile's President, Arvid Kolm, repealed by decree the law that had imposed a boycott "
     "of Norway."), {"Arvid Kolm"}),
    (("Two weeks later, on 29 August 2021, the UAE's President, Arvid Kolm, repealed by decree the law on the "
     "boycott of Norway."), {"Arvid Kolm"}),
    # the subject taken into the opening date phrase is a title with its holder's name beside it
    ("On 3 May 2019 the President of Chile, Arvid Kolm, visited Norway.", {"Arvid Kolm"}),
])
def test_events_frame_a_titled_holder_acts_whatever_the_parse(text, source):
    """A president named beside the title is who acted, not the state of the boycott nor nobody."""
    events = [e for e in annals.extract(text + "\n", reader="text").events if e.type in ("decision", "visit")]
    assert events
    for event in events:
        assert _parts(event).get("source", set()) == source


def test_events_frame_an_agreement_signed_as_the_means_is_signed_by_who_used_it():
    """ "A and B settled the question by an agreement signed on 4 May": A and B signed it."""
    text = "Chile and Norway settled their last open question, on the Red Lake, by an agreement signed on 4 May 1998."
    (event,) = annals.extract(text + "\n", reader="text").events
    assert _parts(event).get("source") == {"Chile", "Norway"}


@pytest.mark.parametrize(("text", "source"), [
    ("Chile made peace with Peru in 1979.", {"Chile", "Peru"}),
    ("Chile established diplomatic relations with Peru in 1965.", {"Chile", "Peru"}),
    ("Chile followed with similar agreements with Peru in November 2001.", {"Chile", "Peru"}),
    ("President Ana Ruiz of Chile had spoken to President Tomas Varga of Peru by telephone on 3 May 2011.",
     {"Ana Ruiz", "Tomas Varga"}),
    # one "with" whom as a witness or an arbitrator made nothing
    ("On 3 May 1971 Chile and Peru signed in Lima an agreement on the river, with the British Crown as arbitrator.",
     {"Chile", "Peru"}),
    # a bond one side ends is that side's act
    ("Chile broke off relations with Peru in 1979.", {"Chile"}),
    ("Chile severed diplomatic relations with Peru in 1965.", {"Chile"}),
])
def test_events_frame_a_bond_made_with_another_is_made_by_both(text, source):
    """Relations established, peace made, a conversation held "with" or "to" another: both did it."""
    (event,) = annals.extract(text + "\n", reader="text").events
    assert _parts(event).get("source") == source


def test_events_frame_ministers_of_a_list_parsed_as_an_apposition_are_of_every_state():
    """ "The foreign ministers of A, the B, C and D met": each state's minister met, also where the
    parser hung the rest of the list on the phrase as its apposition (the small model's parse of some
    such sentences, built here by hand)."""
    from annals.events.parts import actors_in
    from annals.model import Actor

    text = "The ministers of Chile, the UAE, Peru and Egypt met."
    rows = [("The", "the", "DET", "DT", "det", 1, ""), ("ministers", "minister", "NOUN", "NNS", "nsubj", 11, ""),
            ("of", "of", "ADP", "IN", "prep", 1, ""), ("Chile", "Chile", "PROPN", "NNP", "pobj", 2, "GPE"),
            (",", ",", "PUNCT", ",", "punct", 1, ""), ("the", "the", "DET", "DT", "det", 6, "GPE"),
            ("UAE", "UAE", "PROPN", "NNP", "appos", 1, "GPE"), (",", ",", "PUNCT", ",", "punct", 6, ""),
            ("Peru", "Peru", "PROPN", "NNP", "conj", 6, "GPE"), ("and", "and", "CCONJ", "CC", "cc", 8, ""),
            ("Egypt", "Egypt", "PROPN", "NNP", "conj", 8, "GPE"), ("met", "meet", "VERB", "VBD", "ROOT", 11, ""),
            (".", ".", "PUNCT", ".", "punct", 11, "")]
    tree = _hand_parsed(text, rows)
    names = {"Chile": "Chile", "UAE": "United Arab Emirates", "Peru": "Peru", "Egypt": "Egypt"}
    placed = [(text.index(word), Actor(name, "country")) for word, name in names.items()]
    assert set(actors_in(tree, [1], placed)) == set(names.values())


def test_events_frame_an_election_a_person_led_a_party_to_is_that_persons():
    """ "He led the party to a landslide in the snap election of 14 July 1984": his election, not the
    date's (the "of" phrase names no one); its headline says so without a verb it does not have."""
    text = ("Marta Kovar became leader of the Labour Party in 1983. She led the Labour Party to a landslide in the "
            "snap election of 14 July 1984.")
    (event,) = [e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "1984-07-14"]
    assert _parts(event).get("source") == {"Marta Kovar"}
    assert event.headline == "Marta Kovar: snap election"


def test_events_frame_an_obituary_infers_no_state_it_names_most():
    """A page under a person's name ("OBITUARIES", then "Marta Kovar") is about her, not about the
    state the text names most often: an act with no actor named gets none inferred."""
    text = ("OBITUARIES\n\nMarta Kovar\n\nChilean diplomat who stood up to France\n\n"
            "Marta Kovar, who has died aged 90, argued with France for years. France tested its bombs in the "
            "Pacific, and France refused to stop. France finally gave way.\n\n"
            "A treaty on the ocean floor entered into force on 3 May 1985.\n")
    (event,) = [e for e in annals.extract(text, reader="text").events if e.date_value == "1985-05-03"]
    assert "France" not in {a.name for a in event.actors}


@pytest.mark.parametrize(("text", "predicate", "source"), [
    # a request made of someone: the asking is the act, whoever was asked
    ("Chile asked the World Bank to appoint a neutral expert in January 2005.", "asked", {"Chile"}),
    ("Peru asked the Court to revise the judgment on 2 February 2017.", "asked", {"Peru"}),
])
def test_events_frame_asking_someone_to_act_is_the_askers_act(text, predicate, source):
    (event,) = annals.extract(text + "\n", reader="text").events
    assert event.predicate is not None and event.predicate.text == predicate
    assert _parts(event).get("source") == source


def test_events_frame_an_invitation_to_a_summit_keeps_the_summits_date():
    text = "China invited the Peruvian President to attend the summit in Sanya on 14 April 2011."
    (event,) = annals.extract(text + "\n", reader="text").events
    assert event.type == "summit"



def test_events_frame_a_capitals_offer_made_on_a_date_is_its_states_statement():
    """ "Lima's offer of talks, made in 2020, reached the Council": Peru's offer (a capital's possessive
    acts for its state), dated by the participle on the noun."""
    text = "We also find that Lima's offer of yearly talks, made in 2020, reached the Council through its secretariat."
    (event,) = annals.extract(text + "\n", reader="text").events
    assert event.type == "statement"
    assert _parts(event).get("source") == {"Peru"}


def test_events_frame_headline_says_what_was_done_not_where():
    """ "X supported Y's sovereignty at the Summit": the headline tells what X supported, not the summit
    the object reader found in the verb's place phrase."""
    from annals.events.headline import headline
    from annals.events.lexicon import lexicon
    from annals.events.tree import Tree
    from annals.model import Actor, EventObject
    from annals.pipeline import load, run

    text = "On 20 November 2010 Chile supported Peru's sovereignty at the Lima Summit of the Andes.\n"
    doc = run(load(text, reader="text"), until="parse")
    tree = Tree(doc)
    p = next(i for i, t in enumerate(doc.tokens) if text[t.start:t.end] == "supported")
    placed = [(text.index("Chile"), Actor("Chile", "country")), (text.index("Peru"), Actor("Peru", "country"))]
    summit = EventObject("Lima Summit of the Andes", "Lima Summit of the Andes", "meeting")
    line = headline(tree, lexicon(), p, p, "statement", ["Chile"], [], summit, placed)
    assert line.startswith("Chile supports Peru's sovereignty"), line


def test_events_frame_a_summit_line_on_a_bodys_page_is_the_bodys_summit():
    """A chronology line "Second Summit, Lima." on a page about a body and a state: the body holds it."""
    text = ("= Peru and the Andean River Commission =\n\nThe Andean River Commission (ARC) was founded in 1995. Peru "
            "hosts its secretariat. Peru joined the ARC in 1996. Peru chairs the ARC in 2024.\n\n"
            "5 April 2014: Second Summit, Lima.\n")
    (event,) = [e for e in annals.extract(text, reader="text").events if e.date_value == "2014-04-05"]
    assert _parts(event).get("source") == {"Andean River Commission"}
    assert event.headline.startswith("The Andean River Commission holds")


def test_events_frame_a_gapped_clause_keeps_the_partner_the_first_named_after_its_verb():
    """ "Chile made peace with Peru in 1979 and Bolivia in 1994": Bolivia and Peru made peace in 1994,
    the first clause's partner being the second's too (its subject is replaced, not the partner)."""
    text = "Chile made peace with Peru in 1979 and Bolivia in 1994; Ecuador was the third state to do so."
    events = {e.date_value: e for e in annals.extract(text + "\n", reader="text").events}
    assert _parts(events["1979"]).get("source") == {"Chile", "Peru"}
    assert _parts(events["1994"]).get("source") == {"Bolivia", "Peru"}


@pytest.mark.issue(12)
@pytest.mark.parametrize(("text", "partner"), [
    ("Chile settled its border with Peru in March 1990 and with Bolivia in October 1992.", "Bolivia"),
    ("Chile sent troops to Haiti in 2004 and to Cyprus in 2006.", "Cyprus"),
    # the gap names another body the state joined: an object, not a subject
    ("Chile joined the Commonwealth in 1970 and the United Nations on 15 December 1976.", "United Nations"),
])
def test_events_frame_a_gapped_clause_that_repeats_the_preposition_keeps_the_source(text, partner):
    """"... with Peru in 1990 and with Bolivia in 1992", "joined X in 1970 and Y in 1976": the first clause's
    subject acted again, with another partner; (a place, "in A on 10 May and in B on 14 September", is each one's
    own act)."""
    last = annals.extract(text + "\n", reader="text").events[-1]
    assert _parts(last).get("source") == {"Chile"}
    assert _parts(last).get("target") == {partner}



def test_events_frame_a_report_dated_by_its_month_is_a_statement():
    text = "An annual report of the Council in March 2019 listed new members."
    (event,) = annals.extract(text + "\n", reader="text").events
    assert event.type == "statement"


def test_events_frame_a_document_agreed_in_is_its_agreers_and_no_citys():
    """ "A, B and C agreed on a ceasefire and a timetable in the Geneva Protocol of 5 August 1988": the
    three made the protocol; the city in its name (the seat of a body) made nothing."""
    text = "Chile, Peru and Bolivia agreed on a ceasefire and a timetable in the Geneva Protocol of 5 August 1988."
    (event,) = annals.extract(text + "\n", reader="text").events
    assert _parts(event).get("source") == {"Chile", "Peru", "Bolivia"}


def test_events_frame_a_name_parsed_as_its_verbs_compound_is_its_subject():
    """ "By nine votes to three, the ICJ rules that ...": the parser hangs the name on the verb as a
    compound; the court ruled."""
    text = "15 June 1962 - By nine votes to three, the ICJ rules that the temple lies on territory under Chilean sovereignty."
    (event,) = annals.extract(text + "\n", reader="text").events
    assert _parts(event).get("source") == {"International Court of Justice"}



def test_events_frame_a_visit_told_by_the_meetings_held_meets_the_people():
    """ "X visited Chile and held meetings with President A and Minister B in November 2004": X meets A and
    B (one visits a place, and meets people)."""
    text = ("The Secretary General, Marta Kovar, visited Chile and held meetings with President Ana Ruiz and Foreign "
            "Minister Tomas Varga in November 2004.")
    (event,) = annals.extract(text + "\n", reader="text").events
    assert event.headline == "Marta Kovar meets Ana Ruiz and Tomas Varga"


def test_events_frame_voters_decide_for_the_state_the_text_is_about():
    """A referendum's voters, however the sentence tells them ("two-thirds of voters", "the
    electorate", "turned down by voters"), decide for the one state the text is about."""
    text = ("= Chile and the Andean Community =\nChile joined the Andean Community in 1969. Two-thirds of voters "
            "approved the new treaty in a referendum on 4 May 1970. The electorate rejected a second treaty on "
            "3 June 1975. A third treaty was turned down by voters in March 1980.\n")
    events = {e.date_value: e for e in annals.extract(text, reader="text").events}
    for date in ("1970-05-04", "1975-06-03", "1980-03"):
        assert events[date].type == "decision", date
        assert _parts(events[date]).get("source") == {"Chile"}, date


def test_events_frame_compass_places_and_former_states():
    """"South Georgia" is a place, not Georgia; "the four states" of 1995 after a list of 1957 that
    named South Vietnam are the states of 1995; in a text about one state, "the two governments"
    are it and the other state the text names most."""
    event = _event("British forces retook South Georgia on 25 April 1982.")
    assert {a.name for a in event.actors} == {"United Kingdom"}
    text = ("= Mekong cooperation =\n1957: A committee is set up by Cambodia, Laos, Thailand and South Vietnam.\n"
            "1991: Cambodia asks to rejoin.\n5 April 1995: The four states sign a new agreement.\n")
    assert _sources_on(text, "1995-04-05") == {"Cambodia", "Laos", "Thailand", "Vietnam"}
    assert _sources_on(text, "1957") == {"Cambodia", "Laos", "Thailand", "South Vietnam"}
    # a state that no longer exists keeps its own name, as the Soviet Union does
    assert _sources_on("West German troops arrived in Chile in May 1970.", "1970-05") == {"West Germany"}
    text = ("= Chile and its neighbours =\n== Early years ==\nPeru protested in 1980. Peru sent ships in 1981. "
            "Peru closed the border in 1982.\n== Later years ==\nChile opened an embassy in 1990. On 4 May 1995 the "
            "two governments published a joint plan.")
    assert _sources_on(text, "1995-05-04") == {"Chile", "Peru"}


def test_events_frame_a_state_named_through_its_form_or_its_possessive():
    """"the Kingdom of X and Y concluded": both states, though the parser hangs them under "Kingdom";
    "Its troops moved" in a text whose subject is a body: the state named before; "the three states"
    after two lists of three in one sentence: the nearer list."""
    assert _sources_on("On 10 August 1955 the Kingdom of Chile and Peru concluded a treaty.", "1955-08-10") == {"Chile", "Peru"}
    text = ("= Valley dispute =\nThe United Nations debated the valley in 1990. The United Nations met in 1991. The "
            "United Nations voted in 1992. In 1993 Peru revived its claim. Its troops moved into the valley in 1994, "
            "with the secret consent of the Bolivian president.")
    assert _sources_on(text, "1994") == {"Peru"}
    text = ("Battalions led by Chile, Peru and Brazil arrived in Bolivia, Ecuador and Uruguay in May 2017. On 8 "
            "February 2018 the three states disconnected their power grids from the Andean network.")
    assert _sources_on(text, "2018-02-08") == {"Bolivia", "Ecuador", "Uruguay"}


def test_events_frame_a_leaders_government_in_a_text_about_one_state():
    """"X's government applied": in a text about one state and an organisation, that state, though the
    text never says whose leader X is; in a text about two states, not a guess."""
    text = ("= Chile and the Andean Community =\nChile joined the Andean Community in 1969. Pedro Soto's government "
            "applied again on 14 April 1987.\n")
    assert _sources_on(text, "1987-04-14") == {"Chile"}
    text = ("= Chile and Peru =\nChile and Peru signed a treaty in 1969. Pedro Soto's government asked for talks on "
            "14 April 1987.\n")
    assert "Chile" not in _sources_on(text, "1987-04-14")


def test_events_frame_a_wires_headline_and_a_summits_body():
    """Under a letterhead that names no one, the wire's headline says whom it is about (not a line
    that names only the publisher's own committee): an agreement
    "signed in Lima" that names no party is theirs; "launched at the AU summit" is the AU's."""
    text = ("ANDEAN NEWS WIRE\nWORLD SERVICE | Sunday 10 September 2023\nPrepared for the Pacific Relations Committee\n\n"
            "Chile, Peru raise ties to a new level\n\n"
            "LIMA, Sept 10 (Andean) - The two neighbours agreed on Sunday to raise their ties. Peru joined the World "
            "Trade Organization in 1995. A bilateral trade agreement signed in Lima on 13 July 2000 entered into force "
            "in December 2001, and Peru opened talks with the European Union in 2007. Peru and Chile quarrelled in "
            "2008.\n")
    assert _sources_on(text, "2000-07-13") == {"Chile", "Peru"}
    assert _sources_on("Negotiations were formally launched at the AU summit in Johannesburg on 15 June 2015.",
                       "2015-06-15") == {"African Union"}


def test_events_frame_a_body_named_with_a_towns_word_is_no_meeting():
    """"The Federal Council adopted": "Federal" is a town's name too, but in a body's name it is the
    body's own word, so the act is the body's, not a meeting held in a town ("the Helsinki European
    Council" still is)."""
    event = _event("The Federal Council adopted a new approach on 25 February 2022.")
    assert event.type != "summit" and event.object is None
    event = _event("The Helsinki European Council recognised Turkey on 10 December 1999.")
    assert event.type == "summit"


def test_events_frame_a_peer_and_the_office_beside_him():
    """"Lord Kell" is the name a reader uses for a peer named by his surname alone ("Lord Anton
    Kell" is Anton Kell); "The then Foreign Secretary, Lord Kell," is he, not the Foreign
    Secretary named before him."""
    text = ("Maria Dorn was Foreign Secretary in 2023. The then Foreign Secretary, Lord Kell, met President Pedro "
            "Soto in Davos in January 2024. Lord Kell visited the islands on 19 February 2024.")
    assert _sources_on(text, "2024-01") == {"Lord Kell", "Pedro Soto"}
    assert _sources_on(text, "2024-02-19") == {"Lord Kell"}
    assert _sources_on("Lord Anton Kell visited Chile on 3 May 2001.", "2001-05-03") == {"Anton Kell"}


def test_events_frame_a_bodys_office_by_its_short_name():
    """"the President of the Andean Commission, Maria Dorn," holds that office; "The Commission
    President came" later is she, not a body called "Commission President"."""
    text = ("The talks were opened on 18 March 2024 by the President of the Andean Commission, Maria Dorn. The "
            "Commission President came to Lima on 20 December 2024.")
    assert _sources_on(text, "2024-12-20") == {"Maria Dorn"}


def test_events_frame_a_warship_stands_for_its_navys_state():
    """"the frigate HMS Kell called at Lima": a warship's prefix says whose navy it is."""
    assert _sources_on("On 5 March 2018 the frigate HMS Kell called at Lima.", "2018-03-05") == {"United Kingdom"}


def test_events_frame_office_holders_from_the_list_of_leaders():
    """The list of heads of state and government gives a surname its full name and its state
    ("President Piñera" in 2012 is Sebastián Piñera, of Chile); an office the text never names anyone
    for stays the state's ("invited the Chilean President")."""
    event = _event("President Piñera visited Lima on 3 May 2012.")
    assert _parts(event).get("source") == {"Sebastián Piñera"}
    assert "Chile" in {a.name for a in event.actors}
    assert _sources_on("In 2010 Peru invited the Chilean President to attend the summit in Lima on 14 April 2011.",
                       "2011-04-14") == {"Chile"}


def test_events_frame_an_agreement_made_with_a_partner_told_as_a_participle():
    """"Under a defence agreement concluded with the United States on 5 May 1951": the text's own
    state and the partner the participle names made it."""
    text = ("= Chile =\nChile joined the United Nations in 1945. Under a defence agreement concluded with the United "
            "States on 5 May 1951, American forces came back to the base.")
    assert _sources_on(text, "1951-05-05") == {"Chile", "United States"}


def test_events_frame_the_council_is_the_security_council_where_no_other_is_named():
    """"the Council" several sentences after the Security Council, in a text that names no other
    council, is still the Security Council."""
    text = ("The Security Council put an arms embargo on both countries on 17 May 2000. A mission followed. Chile "
            "objected. Peru agreed. Talks went on. On 23 December 2009 the Council imposed travel bans on Peru.")
    assert _sources_on(text, "2009-12-23") == {"United Nations Security Council"}


def test_events_frame_our_institutions_are_the_writers_states():
    """"Our army", "our navy", "Our Supreme Court" in a letter dated from a city: the state of that
    city, whose army, navy and court they are."""
    text = ("Valparaíso, 14 March 2025\n\nDear Ana,\n\nOur relations with Peru were easy. Our army launched an "
            "offensive on 26 May 1987. On 3 June our navy turned back a flotilla. Our Supreme Court ruled in "
            "October 2006 that the treaty was void.\n")
    assert _sources_on(text, "1987-05-26") == {"Chile"}
    assert _sources_on(text, "1987-06-03") == {"Chile"}
    assert _sources_on(text, "2006-10") == {"Supreme Court of Chile"}


@pytest.mark.issue(12)
@pytest.mark.parametrize(("text", "date", "source"), [
    # a demonym on an armed act or on the arms that carry it names the state that acts
    ("A Peruvian counter-attack took back the post on 9 May 1995.", "1995-05-09", {"Peru"}),
    ("Bolivian gunboats entered the lake on 2 July 1931.", "1931-07-02", {"Bolivia"}),
    ("On 4 March 1969 Soviet artillery shelled the island.", "1969-03-04", {"Soviet Union"}),
])
def test_events_frame_a_demonym_on_an_armed_act_or_its_arms(text, date, source):
    assert _sources_on(text, date) == source


@pytest.mark.issue(16)
def test_events_frame_a_day_of_the_year_the_story_is_in():
    """"on 27 January of that year" in a wire dated decades later is a day of the story's year, one
    expression, one event; "March of the following year" the year after it."""
    text = ("LIMA, 11 September 2023 (Wire) - Envoys left Quito on 29 March 1971, two months after the two "
            "states signed a border pact on 27 January of that year. They met again in March of the following "
            "year.\n")
    dates = {e.date_value for e in annals.extract(text, reader="text").events}
    assert {"1971-01-27", "1972-03"} <= dates
    assert not {d for d in dates if d.startswith("2023-0") or d == "1971"}


@pytest.mark.issue(12)
def test_events_frame_a_numbered_resolution_is_the_bodys_that_the_text_names():
    """"resolution 904 of 2 March 1994" told by no one, in a text that names the Security Council, is the
    Council's act; in a text that names only the General Assembly, the Assembly's; "on 5 May the Council declared",
    the Council parsed as a second object of "on", is the Council's act and no object."""
    text = ("The Security Council met often in those years. Acting under resolution 904 of 2 March 1994, "
            "Norway sent monitors to the border. Resolution 911 of 9 April 1994 required both sides to withdraw.\n")
    assert _sources_on(text, "1994-03-02") == {"United Nations Security Council"}
    assert _sources_on(text, "1994-04-09") == {"United Nations Security Council"}
    text = ("The Security Council sent envoys. Resolution 1602, adopted on 30 May 2005, set up a mission in "
            "the region.\n")
    assert _sources_on(text, "2005-05-30") == {"United Nations Security Council"}
    text = "The General Assembly met in New York. Resolution 49 of 3 May 1994 condemned the blockade.\n"
    assert _sources_on(text, "1994-05-03") == {"United Nations General Assembly"}
    text = ("Chile paid the last instalment in March 2020, and on 5 May 2020 the Security Council, in resolution 2519, "
            "declared the fund closed.\n")
    events = [e for e in annals.extract(text, reader="text").events if e.date_value == "2020-05-05"]
    assert _parts(events[0]).get("source") == {"United Nations Security Council"}
    assert events[0].object is None


@pytest.mark.issue(12)
def test_events_frame_the_community_is_the_organisation_of_that_name():
    """"The community suspended X" after "the Economic Community of Central States": that organisation; not
    "the community of donors"."""
    text = ("The Economic Community of Central States (ECCS) was founded in 1983. The community suspended Chad at a "
            "summit on 30 March 2009.\n")
    assert _sources_on(text, "2009-03-30") == {"Economic Community of Central States"}
    text = ("= Chad and its neighbours =\nThe United Nations Mission in Chad (UNMICH) opened in 2007 and Chad hosted it. The "
            "mission lowered its flag in N'Djamena on 30 March 2010.\n")
    # (the mission is the one named before; its organisation acted through it)
    event = next(e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "2010-03-30")
    assert event.object is not None and event.object.name == "United Nations Mission in Chad"
    assert _parts(event).get("source") == {"United Nations"}
    text = ("The Economic Community of Central States was founded in 1983. In 2009 the community of donors "
            "suspended aid to Chad.\n")
    assert "Economic Community of Central States" not in _sources_on(text, "2009")


@pytest.mark.issue(12)
def test_events_frame_the_people_a_plural_agent_names():
    """"signed ... by the foreign ministers, X and Y": X and Y sign, whatever the parser hung their names on;
    the headline names them and the thing signed, not the words the parser hung on it."""
    text = "The pact was signed in Prague on 4 June 2023 by the foreign ministers, Anton Weber and Piotr Nowak.\n"
    (event,) = annals.extract(text, reader="text").events
    assert _parts(event).get("source") == {"Anton Weber", "Piotr Nowak"}
    assert event.headline == "Anton Weber and Piotr Nowak sign the pact"


@pytest.mark.issue(12)
def test_events_frame_a_bare_parliament_is_the_texts_own_state_named_as_the_text_names_it():
    """"Parliament approved ..., and the first Russian aircraft landed" in a text about Tajikistan: Tajikistan's
    legislature, not Russia's; the text calls it the Majlisi Oli, and so does every mention of it."""
    text = ("= Tajikistan =\nTajikistan hosted foreign troops from 2001. Parliament approved the base in May 2004, and "
            "the first Russian aircraft landed there in June 2004. On 6 June 2005 the Majlisi Oli ratified the treaty. "
            "Tajikistan joined the organisation in 2006, and Tajikistan renewed the lease in 2012.\n")
    assert _sources_on(text, "2004-05") == {"Majlisi Oli"}
    assert _sources_on(text, "2005-06-06") == {"Majlisi Oli"}
    # under a letterhead, a headline of seventeen words that names the state by its adjective
    text = ("THE STEPPE REVIEW\nInterviews | Foreign policy\n\n\"We hosted everyone\": a former Tajik envoy on the "
            "bases, the leases and the bidding of the great powers\n\nA: Parliament approved the base in May 2004, and "
            "the first Russian aircraft landed there in June 2004.\n")
    assert _sources_on(text, "2004-05") == {"Supreme Assembly of Tajikistan"}


@pytest.mark.issue(12)
def test_events_frame_the_office_of_a_body_and_its_holder_named_after_it():
    """"the President of the Court, Sir Anton Weber," holds that office: not the president the text named before."""
    text = ("President Ana Silva of Peru protested in 1985. By an Order of 26 September 1991 the President of the Court, "
            "Sir Anton Weber, recorded the discontinuance of the case.\n")
    assert _sources_on(text, "1991-09-26") == {"Anton Weber"}
    # the parser hangs the subject on the date of an opening "By an Order of ...": still the subject
    text = ("The International Court of Justice took the case in 1984. By an Order of 10 May 1984 the Court, "
            "unanimously, rejected the request of Peru.\n")
    assert _sources_on(text, "1984-05-10") == {"International Court of Justice"}


@pytest.mark.issue(12)
def test_events_frame_the_two_presidents_are_the_two_people_just_named():
    """"the two presidents" after a paragraph naming four people: the two named in the last two sentences."""
    text = ("Ana Silva met Piotr Nowak in 2009. Jan Berg and Eva Lind watched. Anton Weber won the election on 30 "
            "October 2011. Mark Rossi came to the capital on 20 September 2012. That day the two presidents signed a "
            "package of agreements.\n")
    events = [e for e in annals.extract(text, reader="text").events if e.date_text == "That day"]
    assert _parts(events[0]).get("source") == {"Anton Weber", "Mark Rossi"}


@pytest.mark.issue(12)
def test_events_frame_the_short_name_a_body_is_given():
    """"The Executive Board (the Board)" in a text about one organisation: "the Board" later is that body, not
    a Board of the organisation made up from its name."""
    text = ("= The Organisation for Safe Rivers =\nThe Organisation for Safe Rivers was founded in 1990. The Executive "
            "Board (the Board) met on 27 September 2013. The Organisation for Safe Rivers grew. The Organisation for "
            "Safe Rivers moved in 2016. Its staff grew in 2017. On 9 July 2020 the Board requested a report from "
            "Chile.\n")
    assert _sources_on(text, "2020-07-09") == {"Executive Board"}


@pytest.mark.issue(12)
def test_events_frame_a_chamber_acts_for_its_court():
    """"The case went to a chamber of five judges ... the Chamber delivered its judgment": the court's act."""
    text = ("Chile and Peru took the dispute to the International Court of Justice in 1986. The case went to a chamber "
            "of five judges. The United Nations watched. The Chamber delivered its judgment on 11 September 1992.\n")
    assert _sources_on(text, "1992-09-11") == {"International Court of Justice"}


@pytest.mark.issue(12)
def test_events_frame_people_a_plural_names_swallowed_by_an_opening_date():
    """"On 25 May 2023 the two ministers, A and B, signed": the parser hung "ministers" (and the date) on "On"
    (the small model's parse of such a sentence, built here by hand); A and B signed."""
    from annals.events.parts import subjects

    text = "On 25 May 2023 the two ministers, Anton Weber and Piotr Nowak, signed the documents."
    rows = [("On", "on", "ADP", "IN", "prep", 14, ""), ("25", "25", "NUM", "CD", "nummod", 6, "DATE"),
            ("May", "May", "PROPN", "NNP", "preconj", 1, "DATE"), ("2023", "2023", "NUM", "CD", "nummod", 2, "DATE"),
            ("the", "the", "DET", "DT", "det", 6, ""), ("two", "two", "NUM", "CD", "nummod", 6, ""),
            ("ministers", "minister", "NOUN", "NNS", "pobj", 0, ""), (",", ",", "PUNCT", ",", "punct", 6, ""),
            ("Anton", "Anton", "PROPN", "NNP", "compound", 9, "PERSON"),
            ("Weber", "Weber", "PROPN", "NNP", "appos", 6, "PERSON"), ("and", "and", "CCONJ", "CC", "cc", 9, ""),
            ("Piotr", "Piotr", "PROPN", "NNP", "compound", 12, "PERSON"),
            ("Nowak", "Nowak", "PROPN", "NNP", "conj", 9, "PERSON"), (",", ",", "PUNCT", ",", "punct", 6, ""),
            ("signed", "sign", "VERB", "VBD", "ROOT", 14, ""), ("the", "the", "DET", "DT", "det", 16, ""),
            ("documents", "document", "NOUN", "NNS", "dobj", 14, ""), (".", ".", "PUNCT", ".", "punct", 14, "")]
    tree = _hand_parsed(text, rows)
    assert {tree.word(k) for k in subjects(tree, 14, "agreement")} >= {"Weber", "Nowak"}


def _hand_parsed(text: str, rows: list[tuple]) -> Tree:
    """A parse built by hand: (word, lemma, pos, tag, dep, head, entity) a token."""
    tokens, at = [], 0
    for word, lemma, pos, tag, dep, head, ent in rows:
        start = text.index(word, at)
        tokens.append(Token(start, start + len(word), lemma, pos, tag, dep, head, ent))
        at = start + len(word)
    return Tree(Document(text, tokens=tuple(tokens)))


@pytest.mark.issue(12)
def test_events_frame_a_noun_in_a_phrase_on_a_verbs_complement_is_the_verbs_subjects_act():
    """"Lima called its ambassador home for consultations on 18 May": the date's noun hangs on "home", the
    verb's complement (the model's parse, built here by hand), and who called did it."""
    from annals.events.parts import subjects

    text = "Lima called its ambassador home for consultations on 18 May."
    rows = [("Lima", "Lima", "PROPN", "NNP", "nsubj", 1, "GPE"), ("called", "call", "VERB", "VBD", "ROOT", 1, ""),
            ("its", "its", "PRON", "PRP$", "poss", 3, ""), ("ambassador", "ambassador", "NOUN", "NN", "dobj", 1, ""),
            ("home", "home", "NOUN", "NN", "oprd", 1, ""), ("for", "for", "ADP", "IN", "prep", 4, ""),
            ("consultations", "consultation", "NOUN", "NNS", "pobj", 5, ""), ("on", "on", "ADP", "IN", "prep", 6, ""),
            ("18", "18", "NUM", "CD", "nummod", 9, "DATE"), ("May", "May", "PROPN", "NNP", "pobj", 7, "DATE"),
            (".", ".", "PUNCT", ".", "punct", 1, "")]
    tree = _hand_parsed(text, rows)
    assert [tree.word(k) for k in subjects(tree, 6, "meeting")] == ["Lima"]


@pytest.mark.issue(12)
def test_events_frame_a_participle_on_the_event_noun_says_who_made_it():
    """"Agreements of 1975, negotiated by A and B at Helsinki, allowed ...": A and B made them."""
    text = ("Chile and Peru had no ties. Agreements of 1975, negotiated by Anton Weber and Piotr Nowak at Helsinki, "
            "allowed some families to leave.\n")
    assert _sources_on(text, "1975") == {"Anton Weber", "Piotr Nowak"}


@pytest.mark.issue(12)
def test_events_frame_the_heads_of_state_of_the_organisation_a_text_is_about():
    """"The heads of state inaugurated the headquarters" on a page about one organisation: its act; "the
    heads of state of Chile and Peru" are no such thing."""
    text = ("= The Organization of American States =\nThe Organization of American States was founded in 1948. It "
            "grew. The heads of state inaugurated its new headquarters in Washington on 5 December 2014.\n")
    assert _sources_on(text, "2014-12-05") == {"Organization of American States"}
    text = ("= The Organization of American States =\nThe Organization of American States was founded in 1948. It "
            "grew. The heads of state of Chile and Peru signed a treaty in Lima on 5 December 2014.\n")
    assert _sources_on(text, "2014-12-05") != {"Organization of American States"}


@pytest.mark.issue(12)
def test_events_frame_its_ambassador_is_the_state_told_of_before():
    """"Peru took the seat in 1971. Only months later, in March 1972, its ambassador asked ...": Peru's act,
    not that of the state the text is about."""
    text = ("= Chile and the United Nations =\nChile joined in 1945. Chile voted often. Chile hosted a session in 1960. "
            "Peru took its seat on the council on 25 October 1971. Only a few months later, in March 1972, its "
            "ambassador asked the council to hear the case.\n")
    assert _sources_on(text, "1972-03") == {"Peru"}


@pytest.mark.issue(12)
def test_events_frame_a_mission_acts_for_the_organisation_whose_it_is():
    """"UNIFIL handed over its posts", "the African Union Mission in Chad deployed": the organisation acted
    through its mission, which is what the act was about."""
    text = ("The United Nations Interim Force in Lebanon (UNIFIL) was set up in 1978. UNIFIL handed its posts to "
            "the Lebanese army on 3 May 2001.\n")
    events = [e for e in annals.extract(text, reader="text").events if e.date_value == "2001-05-03"]
    assert _parts(events[0]).get("source") == {"United Nations"}
    assert events[0].object is not None and events[0].object.name == "United Nations Interim Force in Lebanon"
    assert _sources_on("The African Union Mission in Chad deployed its first battalion on 3 May 2001.",
                       "2001-05-03") == {"African Union"}


@pytest.mark.issue(12)
def test_events_frame_a_short_body_name_means_one_named_before_it():
    """"The Council approved it on 14 April, and on 2 July the Revolutionary Command Council of Iraq
    rejected it": the first "Council" is the one named before, not the one the sentence names after."""
    text = ("The Security Council met in Geneva. It heard Iraq. The Council approved the plan on 14 April 1994, and "
            "on 2 July 1994 the Revolutionary Command Council of Iraq rejected the border.\n")
    assert _sources_on(text, "1994-04-14") == {"United Nations Security Council"}


@pytest.mark.issue(12)
def test_events_frame_a_date_opening_a_clause_after_and_dates_that_clause():
    """"X adopted it on 3 March, and on 5 April Y approved it": 5 April is Y's act, whatever the parser
    hung the date on."""
    text = "The Assembly adopted the text on 3 March 2001, and on 5 April 2001 Peru's Congress formally approved the treaty.\n"
    events = [e for e in annals.extract(text, reader="text").events if e.date_value == "2001-04-05"]
    assert len(events) == 1 and events[0].predicate is not None and events[0].predicate.lemma == "approve"


@pytest.mark.issue(12)
def test_events_frame_the_director_general_is_the_holder_named_before():
    """"The Director-General, Hans Brekke, wrote ... The Director-General flew to Lima": Brekke
    flew, not the state he went to."""
    text = ("The Director-General, Hans Brekke, wrote to the authorities in May 2001. The Director-General flew to "
            "Lima on 9 March 2002 to see the new ministers.")
    assert _sources_on(text, "2002-03-09") == {"Hans Brekke"}


@pytest.mark.issue(12)
def test_events_frame_people_at_a_body_act_for_it():
    """"Judges at the Special Tribunal for Lebanon acquitted them": the court; a verdict is a decision."""
    event = _event("Judges at the Special Tribunal for Lebanon acquitted two of the accused on 18 August 2020.")
    assert _parts(event).get("source") == {"Special Tribunal for Lebanon"}
    assert event.type == "decision"


@pytest.mark.issue(12)
def test_events_frame_a_titled_one_word_name_is_the_person_as_the_text_names_him():
    """"Foreign Minister Sudarmono announced": Sudarmono, whom no list knows and the text names no further;
    not "a Special Jurisdiction" (a word after a title's first word) nor "the Agency's Director General"."""
    assert _sources_on("On 4 March 1964 Foreign Minister Sudarmono announced a boycott of the talks.",
                       "1964-03-04") == {"Sudarmono"}
    text = ("Chile and Peru agreed on a Special Jurisdiction for Peace on 15 December 2015. Hans Brekke, the Agency's "
            "Director General, visited Lima on 3 May 2016.")
    names = {a.name for e in annals.extract(text + "\n", reader="text").events for a in e.actors}
    assert not names & {"Jurisdiction", "General"}


@pytest.mark.issue(12)
def test_events_frame_a_date_before_an_after_clause_dates_the_main_clause():
    """"In May 2004, after a storm wrecked the port, Chile persuaded Peru to ...": Chile's act, not the storm."""
    event = _event("In June 2010, after the Danish trawler Ostrea saved more than sixty fishermen, Chile urged Peru to "
                   "open a rescue centre.")
    assert event.predicate is not None and event.predicate.lemma == "urge"
    assert _parts(event).get("source") == {"Chile"}


@pytest.mark.issue(12)
def test_events_frame_the_two_states_a_text_names_most_are_its_pair():
    """A text whose title names no state but which names two far more than any other: a joint act whose
    parties it does not name is theirs (not the mediator's state, named in passing)."""
    text = ("= Notes from the borderlands =\n\nChile and Peru quarrelled over the river for decades. Chile built a "
            "dam in 1960, and Peru protested. Peru took the matter to a tribunal, and Chile answered. A former "
            "Bolivian minister mediated. A treaty was signed in Quito on 4 June 1981. Chile ratified it and Peru "
            "followed. The new bridge was opened in 1990 by Chile, and Peru sent its minister.\n")
    assert _sources_on(text, "1981-06-04") == {"Chile", "Peru"}


@pytest.mark.issue(12)
def test_events_frame_an_it_that_stands_for_no_one_names_no_one():
    """"It took the help of a Bolivian minister to produce a treaty, which the two governments signed": "It"
    is no state, and the two governments are the pair told before."""
    text = ("Chile and Peru quarrelled over the river. Chile and Peru then talked. It took the help of a former "
            "Bolivian minister to produce a treaty, which the two governments signed in Quito on 4 June 1981.\n")
    assert _sources_on(text, "1981-06-04") == {"Chile", "Peru"}


@pytest.mark.issue(12)
def test_events_frame_a_states_people_in_arms_after_an_opening_date_are_the_subject():
    """"On 9 May 1985 South African commandos raided Gaborone": the parser takes the commandos into the date
    phrase; they are still who raided, and they are South Africa's."""
    assert _sources_on("On 9 May 1985 South African commandos raided Gaborone and killed twelve people.",
                       "1985-05-09") == {"South Africa"}


@pytest.mark.issue(12)
def test_events_frame_a_judgment_dated_by_of_is_the_courts_decision():
    """"welcomed the judgment of the Court of Arbitration of 14 March 2019": the judgment is the event, the
    court its maker; "The judgment of 27 January 2014" is the court's named before; but "asked the tribunal to
    reconsider its ruling on 5 March" is the asking."""
    event = _event("The ministers welcomed the judgment of the Court of Arbitration of 14 March 2019, which found "
                   "that Chile had breached the treaty.")
    assert event.type == "decision" and _parts(event).get("source") == {"Court of Arbitration"}
    text = ("Chile took Peru to the International Court of Justice in 2008. The hearings were long. The judgment of "
            "27 January 2014 drew a new line.")
    assert _sources_on(text, "2014-01-27") == {"International Court of Justice"}
    event = _event("Chile asked the tribunal to reconsider its ruling on 5 March 2019.")
    assert event.predicate is not None and event.predicate.lemma == "ask"


@pytest.mark.issue(12)
def test_events_frame_a_when_clause_before_the_verb_does_not_take_its_date():
    """"When the storm came, Chile introduced controls on 16 March 2020": the introducing; "When the Council
    chose X in December 1981, few knew him": the choosing, whose clause holds the date."""
    event = _event("When the storm came, Chile introduced controls on its border with Peru on 16 March 2020, and for "
                   "weeks nobody crossed.")
    assert event.predicate is not None and event.predicate.lemma == "introduce"
    assert _parts(event).get("source") == {"Chile"}


@pytest.mark.issue(12)
@pytest.mark.parametrize(("text", "date", "source"), [
    # a document's participle names no signer, whatever the parser hung it on: the parties of its clause
    (("The anniversary is no accident: Chile and Peru first drew a border through the valley in the Treaty of "
     "Lima, signed on February 7, 1855, which placed the river on the Chilean side."), "1855-02-07", {"Chile", "Peru"}),
    # an embassy's speech: "our two governments" are the two states, not the speaker's alone
    (("= Embassy of Chile, Lima =\n\nChile and Peru were neighbours and rivals. Peru and Chile quarrelled over the "
     "river. Our two governments settled the question in a treaty signed in Quito in October 1956.\n"), "1956-10",
     {"Chile", "Peru"}),
])
def test_events_frame_a_documents_signers_are_the_parties_of_its_clause(text, date, source):
    assert _sources_on(text, date) == source


@pytest.mark.issue(12)
def test_events_frame_a_date_after_an_aside_dates_the_verb_before_it():
    """"X and Y inaugurated the first phase, built around the Andes Dam, on 22 January 1998": the inaugurating."""
    text = ("President Ruiz and King Tomas II inaugurated the first phase, built around the 140-metre Andes Dam, on "
            "22 January 1998, and President Vega and the king opened the second at the Lauca Dam on 16 March 2004.")
    event = next(e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "1998-01-22")
    assert event.predicate is not None and event.predicate.lemma == "inaugurate"


@pytest.mark.issue(12)
def test_events_frame_a_headline_leaves_out_the_aside_after_a_comma():
    """"inaugurated the first phase, built around the 140-metre Andes Dam,": the headline says "first phase"."""
    text = ("President Ruiz and King Tomas II inaugurated the first phase, built around the 140-metre Andes Dam, on "
            "22 January 1998, and President Vega and the king opened the second at the Lauca Dam on 16 March 2004.")
    event = next(e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "1998-01-22")
    assert event.headline == "Ruiz and Tomas II inaugurate the first phase"


@pytest.mark.issue(12)
def test_events_frame_the_two_presidents_written_with_a_capital_or_the_same_two():
    """"The two Presidents agreed", "by the same two Presidents": the two presidents named last."""
    text = ("President Ana Ruiz of Chile closed the port on 5 April 1992. On 7 April 1992 the President of Peru, "
            "Jorge Vega, closed the border. The two Presidents agreed by telephone on 9 April 1992 to reopen both. "
            "A protocol was agreed at Arica on 3 September 1993 by the same two Presidents.")
    assert _sources_on(text, "1992-04-09") == {"Ana Ruiz", "Jorge Vega"}
    assert _sources_on(text, "1993-09-03") == {"Ana Ruiz", "Jorge Vega"}


@pytest.mark.issue(12)
def test_events_frame_the_director_general_in_lower_case_is_the_holder():
    """"the director-general" written in lower case, after "Director-General Hans Brekke": Brekke."""
    text = ("Director-General Hans Brekke wrote to the authorities in May 2001. In March 2002 the director-general "
            "flew to Lima to see the new ministers.")
    assert _sources_on(text, "2002-03") == {"Hans Brekke"}


@pytest.mark.issue(12)
def test_events_frame_a_documents_participle_is_about_the_document_before_its_comma():
    """"... in the Treaty of Lima, signed on February 7, 1855": the treaty is what was signed, and the headline
    says so."""
    text = ("The anniversary is no accident: Chile and Peru first drew a border through the valley in the Treaty of "
            "Lima, signed on February 7, 1855, which placed the river on the Chilean side.\n")
    event = next(e for e in annals.extract(text, reader="text").events if e.date_value == "1855-02-07")
    assert event.object is not None and event.object.name == "Treaty of Lima"
    assert event.headline == "Chile and Peru sign the Treaty of Lima"


@pytest.mark.issue(12)
def test_events_frame_staging_a_coup_is_political_not_an_exercise():
    """"X staged a coup": a seizure of power; "staged an exercise" stays an exercise."""
    event = _event("Colonel Pita Nacuva staged a second coup on 25 September 1987.")
    assert event.type == "political" and event.predicate.lemma == "stage"  # (not the tagger's "stag")
    assert _event("The navy staged a joint exercise with Chile on 3 May 2001.").type == "exercise"


@pytest.mark.issue(12)
def test_events_frame_the_leader_of_a_movement_named_after_it_acts_not_the_movement():
    """"President A and the leader of the Andean Liberation Front, Pedro Quispe, signed": A and Quispe; the front
    is only named to say who he is (and is a body: a "Front")."""
    text = ("President Ana Ruiz and the leader of the Andean Liberation Front, Pedro Quispe, signed a peace agreement "
            "in Quito on 7 July 1999.")
    assert _sources_on(text, "1999-07-07") == {"Ana Ruiz", "Pedro Quispe"}
    event = _event(text)
    assert ("Andean Liberation Front", "organization", "other") in {(a.name, a.kind, a.part) for a in event.actors}


@pytest.mark.issue(12)
def test_events_frame_its_fighters_are_the_movement_named_before():
    """"The Andean Liberation Front (ALF) crossed the border in 1991. On 1 May 2000 its fighters seized the port":
    the front's act."""
    text = ("The Andean Liberation Front (ALF) crossed into Peru from Bolivia in March 1991. On 1 May 2000 its "
            "fighters seized the port of Ilo.")
    assert _sources_on(text, "2000-05-01") == {"Andean Liberation Front"}


@pytest.mark.issue(12)
def test_events_frame_a_headline_keeps_what_was_taken_part_in():
    """"Chile participated in peacekeeping operations in Haiti in 2004-2017": the headline says in what; "in
    2004" is no such thing."""
    event = _event("Chile participated in peacekeeping and peace-support operations in Haiti in 2004-2017.")
    assert event.headline == "Chile participates in peacekeeping and peace-support operations in Haiti"
    assert _event("Chile participated in 2004.").headline == "Chile participates"


@pytest.mark.issue(12)
def test_events_frame_a_name_no_list_knows_as_the_subject_acts_not_the_texts_subject():
    """"Séléka fighters took Bangui", "the Houthi movement seized Sanaa" in a text about Chile: the named group
    acted, under the name the text gives it, not Chile; a people ("Belarusians") or a body's short name ("the
    Association") is no such name."""
    text = ("= Chile =\n\nChile is a state. Chile held elections in 2010.\n\n"
            "Séléka fighters took Bangui on 24 March 2013.\n\nThe Houthi movement seized Sanaa in September 2014.\n\n"
            "The Association opened its secretariat in Santiago on 16 January 1987.\n")
    events = _events(text)
    assert [_parts(e).get("source") for e in events[1:3]] == [{"Séléka"}, {"Houthi movement"}]
    assert "Association" not in {a.name for a in events[3].actors}
    # (nor a title that refers back, nor the heads or the government of states)
    for told in ("On 1 January 1984 His Majesty proclaimed the independence of Brunei.",
                 "On 5 June 1998 the Heads of State of the eleven participating states adopted the Charter.",
                 "On 4 February 1980 the new Sandinista government declared the treaty void.",
                 "A Finn won the race in 1990.",
                 "The Arica liaison office opened in 2004."):  # (a post acts for its owner)
        assert not {"Majesty", "Heads", "Sandinista", "Finn", "Finland", "Arica liaison office"} & \
            {a.name for e in _events(told) for a in e.actors}, told


_MALI_CHRONOLOGY = (
    "Mali and its neighbours: a chronology\n\n"
    "4 June 2011: Mali and Senegal sign a transit agreement.\n\n"
    "{entry}\n"
)


@pytest.mark.parametrize(("entry", "lemma", "source"), [
    # the entry's clause parsed alone is one long name; parsed with its date, "arrest" is its verb
    ("6 March 2012: Italian police arrest Omar Farah, an aide to the prime minister, in Rome.", "arrest", {"Italy"}),
    # a capital the parser took for an adjective of the verb after it
    ("5 March 2012: Kigali expels two Canadian diplomats.", "expel", {"Rwanda"}),
])
def test_events_frame_chronology_entry_misparsed_as_a_name_or_a_modifier(entry, lemma, source):
    events = _events(_MALI_CHRONOLOGY.format(entry=entry))
    event = next(e for e in events if e.date_value.startswith("2012"))
    assert event.predicate is not None and event.predicate.lemma == lemma
    assert _sources(event) == source


@pytest.mark.parametrize(("sentence", "source"), [
    ("On 12 August 1951 the Soviet gunboat seized a Swedish fishing boat.", {"Soviet Union"}),
    ("On 14 August 1951 a Danish frigate, the Thetis, escorted the boat home.", {"Denmark"}),
])
def test_events_frame_a_state_s_vessel_acts_for_it(sentence, source):
    text = f"Latvia and the sea\n\nLatvia has long lived from the sea.\n\n{sentence}\n"
    event = next(e for e in _events(text) if e.date_value.startswith("1951"))
    assert _sources(event) == source


@pytest.mark.parametrize(("sentence", "source"), [
    # a name the parser hung in the date's phrase before a verb that has no subject
    ("On 2 May 2019 HMAS Ballarat intercepted her.", {"Australia"}),
    # a state's armed service named with its demonym
    ("On 3 May 2019 the Turkish Navy escorted the convoy.", {"Turkey"}),
    ("On 4 May 2019 a Japanese flotilla sailed from Kure.", {"Japan"}),
])
def test_events_frame_a_state_s_ship_service_or_flotilla_acts_for_it(sentence, source):
    text = f"Piracy off Yemen\n\nYemen has long feared piracy. Pirates seized the Omani dhow Salma in 2017.\n\n{sentence}\n"
    event = next(e for e in _events(text) if e.date_value.startswith("2019"))
    assert _sources(event) == source


@pytest.mark.parametrize(("sentence", "source"), [
    ("In 1954 Soviet planners began a new canal.", {"Soviet Union"}),
    ("Cuban advisers arrived in Luanda in August 1975.", {"Cuba"}),
    ("In May 2001 Swedish mediators brokered a truce.", {"Sweden"}),
])
def test_events_frame_people_who_act_for_their_state(sentence, source):
    text = f"Angola and Cuba\n\nAngola became independent in 1975.\n\n{sentence}\n"
    event = next(e for e in _events(text) if e.evidence_text == sentence)
    assert _sources(event) == source


@pytest.mark.parametrize("sentence", [
    "In June 1998 Chile sent some 300 soldiers to Haiti, and Peru about 200.",
    "In June 1998 Chile sent 1,200 troops, and Peru 600.",
])
def test_events_frame_a_gapped_clause_with_its_own_subject_and_count(sentence):
    text = f"Haiti\n\nHaiti asked for help.\n\n{sentence}\n"
    event = next(e for e in _events(text) if e.date_value == "1998-06")
    assert _sources(event) == {"Chile", "Peru"}


def test_events_frame_a_sentence_rooted_in_its_opening_date_phrase():
    """"On 3 March 2001 President A and President B signed ...": the parser roots the sentence in "On"
    and hangs the verb on the names; the two presidents signed."""
    text = ("Uruguay and Chile\n\nUruguay and Chile are partners.\n\n"
            "On 3 March 2001 President Jorge Batlle and President Ricardo Lagos signed in Montevideo a trade accord.\n")
    event = next(e for e in _events(text) if e.date_value == "2001-03-03")
    assert event.predicate is not None and event.predicate.lemma == "sign"
    assert _sources(event) == {"Jorge Batlle", "Ricardo Lagos"}


def test_events_frame_the_republic_refers_back_to_the_state():
    text = ("Republic of Moldova and Europe\n\nThe Republic of Moldova declared independence in 1991.\n\n"
            "In 1995 the Republic joined the Council of Europe.\n")
    event = next(e for e in _events(text) if e.date_value == "1995")
    assert _sources(event) == {"Moldova"}


def test_events_frame_headline_of_a_passive_told_with_a_pronoun_stays_passive():
    text = "Chile and the IMF\n\nChile declared independence in 1818.\n\nIt was admitted to the IMF in August 1946.\n"
    event = next(e for e in _events(text) if e.date_value == "1946-08")
    assert event.headline == "Chile is admitted to the International Monetary Fund"


def test_events_frame_the_republic_as_a_passive_s_subject_is_the_state():
    text = ("Moldova and Europe\n\nThe Republic of Moldova declared independence in 1991.\n\n"
            "The Republic was admitted to the OSCE on 30 January 1992.\n")
    event = next(e for e in _events(text) if e.date_value == "1992-01-30")
    assert _sources(event) == {"Moldova"}






def test_events_frame_states_among_the_founders_founded_it():
    """"A and B were among the six states that founded X in Lima": A and B founded X, and X keeps its name
    (a body founded in a city is not named after the city, as a summit held there is)."""
    text = ("Chile and Peru\n\nChile and Peru were among the six states that founded the Andean Forum in Lima "
            "on 4 February 1998.\n")
    event = next(e for e in _events(text) if e.date_value == "1998-02-04")
    assert _sources(event) == {"Chile", "Peru"}
    assert event.object is not None and event.object.name == "Andean Forum"


@pytest.mark.parametrize(("line", "fit"), [
    # the last phrase that says where or when goes first, then the one before it
    ("Tomas Arrau meets with Jorge Salas before the Meeting of the Joint Council of the Andean Trade Forum",
     "Tomas Arrau meets with Jorge Salas"),
    # not a phrase inside a name, nor the verb's infinitive
    ("The Council of the Andean Trade Forum decides to continue the talks at its meeting in the capital of Peru",
     "The Council of the Andean Trade Forum decides to continue the talks"),
    # a long name's owner, where nothing else can go
    ("Tomas Arrau visits the Lima Naval Academy and Peacekeeping Training Centre of the Peruvian Armed Forces",
     "Tomas Arrau visits the Lima Naval Academy and Peacekeeping Training Centre"),
    ("Chile signs the Agreement", "Chile signs the Agreement"),
])
def test_events_frame_a_long_headline_loses_its_last_phrases_not_its_words(line, fit):
    from annals.events.headline import fitted
    assert fitted(line) == fit


@pytest.mark.parametrize(("text", "headline"), [
    ("Chile and Peru\n\nOn 4 May 2001 Tomas Arrau visited to the Lima Naval Academy.\n",
     "Tomas Arrau visits the Lima Naval Academy"),
    ("Chile and Peru\n\nChile sent a unit consisting of 40 engineers to Peru on 4 May 2001.\n",
     "Chile sends a unit of 40 engineers to Peru"),
    ("Chile and Peru\n\nOn 4 May 2001 Chile and Peru signed agreements that promised free trade.\n",
     "Chile and Peru sign agreements"),
    ("Chile and Peru\n\nThe island became fully independent on 4 May 2001.\n", "Chile becomes fully independent"),
    # a copula says nothing: the event noun its date is on is the line
    ("Chile and Peru\n\nRelations were tense after the Bolivian invasion of the island on 4 May 2001.\n",
     "The Bolivian invasion of the island"),
    ("Chile and Peru\n\nRelations were tense on 4 May 2001.\n", "Chile and Peru: relations tense"),
])
def test_events_frame_headline_reads_as_written_english(text, headline):
    event = next(e for e in _events(text) if e.date_value == "2001-05-04")
    assert event.headline == headline


def test_events_frame_a_long_headline_loses_to_whom_before_what():
    from annals.events.headline import fitted
    line = "Tomas Arrau submits the Andean Trade Forum Partnership Presentation Document to Jorge Salas"
    assert fitted(line, kept=len("Tomas Arrau submits")) == "Tomas Arrau submits the Andean Trade Forum Partnership Presentation Document"


def test_events_frame_joining_others_in_founding_is_founding_together():
    """"A joined B and C in founding X": A, B and C founded X together."""
    text = "Chile and Peru\n\nIn May 1981 Chile joined Bolivia and Ecuador in founding the Andean Trade Forum.\n"
    event = next(e for e in _events(text) if e.date_value == "1981-05")
    assert _sources(event) == {"Chile", "Bolivia", "Ecuador"}
    assert event.headline == "Chile, Bolivia and Ecuador found the Andean Trade Forum"


def test_events_frame_a_gapped_clause_keeps_its_own_date():
    text = "Chile and Peru\n\nChile made peace with Bolivia in 1979 and Ecuador in 1994.\n"
    events = {e.date_value: e for e in _events(text)}
    assert _sources(events["1979"]) == {"Chile", "Bolivia"}


@pytest.mark.parametrize(("text", "date", "source"), [
    # "A cut ties in May, a year after B took power, and imposed a ban in June": A imposed the ban, though the
    # parser hangs "imposed" on "took".
    (("Chile and Peru\n\nChile cut ties with Peru in May 1990, a year after Tom Rastin took power in Lima, "
     "and imposed a ban on Peruvian fish in June 1990.\n"),
     "1990-06", {"Chile"}),
    # "Talks gained pace after A, who had ..., took office": the parser reads "after A" as a phrase and leaves
    # "took" without a subject; A took office.
    (("Chile and Peru\n\nTalks gained momentum after Ana Ruiz, who had campaigned on ending the isolation, "
     "took office as president of Chile in August 2013.\n"),
     "2013-08", {"Ana Ruiz"}),
    # "In a hall in Oslo, Minister A and his counterpart B signed": the parser joins A to "Oslo" across the comma
    # and leaves "signed" with no subject; A and B signed.
    (("Chile and Peru\n\nOn 4 June 2011, in a hall in Lima, Chile's foreign minister Tomas Arrau and his "
     "Peruvian counterpart Jorge Salas signed the treaty that settles the border.\n"),
     "2011-06-04", {"Tomas Arrau", "Jorge Salas"}),
    # who backed the subject did not act
    (("Chile and Peru\n\nOn 25 March 2008, Chilean troops, backed by soldiers from Bolivia and Peru, "
     "landed on the island.\n"),
     "2008-03-25", {"Chile"}),
    # "Presidents A al-B and C sign": the parser makes "al" and "-" two subjects; the name is one.
    (("Chile and Peru\n\n22 May 1991 - Presidents Karim al-Haddad and Elias Moussa sign the Treaty of "
     "Brotherhood.\n"),
     "1991-05-22", {"Karim al-Haddad", "Elias Moussa"}),
    # "opened by the President of A, X, and the President of B, Y": the parser joins the second "President" to the
    # verb; both opened the talks.
    (("Chile and the EU\n\nThe formal talks were opened in Brussels on 18 March 2004 by the President of the "
     "Republic, Michelle Varas, and the President of the European Commission, Jorge Salas.\n"),
     "2004-03-18", {"Michelle Varas", "Jorge Salas"}),
    # "the two prime ministers, A for X and B for Y, signed": A and B, not the two people named before.
    (("Chile and Peru\n\nPresident Juan Arrau and the rebel commander, Rodrigo Salas, signed the final "
     "agreement on 24 November 2016.\n\nOn 13 December 2019 the two prime ministers, Ana Vidal for Chile "
     "and Luis Mora for Peru, signed in Lima an accord.\n"),
     "2019-12-13", {"Ana Vidal", "Luis Mora"}),
    # "On 16 August 2010 our Minister of Energy, A, and her counterpart, B, signed": the parser roots the sentence
    # in "On", hangs the names on the date and "signed" on B.
    (("Chile and Peru\n\nOn 16 August 2010 our Minister of Energy, Carla Seeper, and her Venezuelan "
     "counterpart, Rafael Ramos, signed in Caracas the unitisation agreement.\n"),
     "2010-08-16", {"Carla Seeper", "Rafael Ramos"}),
    # "its troops captured the Haji Pir pass": the parser reads "Haji Pir" as the subject of a verb "pass"
    (("Chile and Peru\n\nChile answered by crossing the line, and its troops captured the Rio Tambo pass on 28 "
      "August 1965.\n"),
     "1965-08-28", {"Chile"}),
    # "President A of X and President B of Y met": the parser joins B to X, the object of A's "of"
    ("Gabon and Ghana\n\nPresident Paul Mbeki of Gabon and President Tunde Okafor of Ghana met in Geneva in 2002.\n",
     "2002", {"Paul Mbeki", "Tunde Okafor"}),
])
def test_events_frame_sources_where_the_parser_misreads_the_sentence(text, date, source):
    event = next(e for e in _events(text) if e.date_value == date)
    assert _sources(event) == source


@pytest.mark.parametrize(("text", "headline"), [
    # a relative pronoun stands for the noun its clause is on
    (("Chile\n\nThe president was seized by forces loyal to his rival, Ana Ruiz, who had been backed by French "
     "troops from 4 April 2011.\n"), "France backs Ana Ruiz"),
    ("Chile\n\nAna Ruiz, who was sworn in as president on 4 April 2011, visited Lima in May 2011.\n",
     "Ana Ruiz is sworn in"),
    # "The breakthrough came": no one comes a breakthrough
    ("Chile and Peru\n\nThe breakthrough came at the end of August 2011.\n", None),
    ("Fiji\n\nOn 11 April 2009 President Josefa Iloilo reappointed Frank Bainimarama as prime minister.\n",
     "Josefa Iloilo reappoints Frank Bainimarama"),
])
def test_events_frame_headline_of_a_clause_on_a_noun(text, headline):
    lines = [e.headline for e in _events(text)]
    if headline is None:
        assert not any(line and " comes the " in line for line in lines)
    else:
        assert headline in lines


def test_events_frame_a_territory_no_list_knows_acts_of_its_own():
    """"the Belgian region of Wallonia withheld its approval": the region acted, not the text's two parties."""
    text = ("Belgium and Canada\n\nAfter the Belgian region of Wallonia withheld its approval in October 2016, the "
            "signing was postponed.\n")
    event = next(e for e in _events(text) if e.date_value == "2016-10")
    assert _sources(event) == {"Wallonia"}
