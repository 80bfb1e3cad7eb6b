"""annals.merge: which tellings are one event, decided by frame and date, whatever the order."""
from __future__ import annotations

import itertools

import pytest

from annals.merge import (
    Telling,
    candidate_types,
    choose_date,
    cluster,
    compatible,
    content_words,
    cued_types,
    near,
    same_event,
    same_object,
)


def telling(document, date, type_, sources, *, text="", targets=(), obj=None, others=(), states=None):
    sources = frozenset(sources)
    actors = sources | frozenset(targets) | frozenset(others)
    return Telling(document, date, type_, actors, frozenset(), content_words(text), sources,
                   frozenset(sources if states is None else states), frozenset(targets), obj)


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("1994-03-09", "1994-03", True),              # a day inside its month
    ("1994-03-09", "1994-03/..", True),           # "joined on 9 March 1994" / "a member since March 1994"
    ("2008-08-07", "2008-08-07/2008-08-12", True),  # "began on 7 August" / "7 to 12 August 2008"
    ("2008-08-12", "2008-08-07/2008-08-12", True),  # its end
    ("2008-08-09", "2008-08-07/2008-08-12", False),
    ("1994", "1995-05-04", False),
    ("1995/..", "1995-06/2000", True),
    ("XXXX-05-04", "1999-05-04", True),
])
def test_merge_compatible_dates(a, b, expected):
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("2004", "2005-11", True),              # a year and a month within a year
    ("2018-12-04", "2019-12-03", False),    # two exact days a year apart: two meetings
    ("2018-12-04", "2018-12-14", True),     # a slip of a digit
    ("2001", "2004", False),
])
def test_merge_near_dates(a, b, expected):
    assert near(a, b) is expected


def test_merge_two_states_acts_are_two_events():
    azerbaijan = telling(1, "1994", "membership", {"azerbaijan"}, targets={"pfp"}, text="Azerbaijan joined the PfP")
    moldova = telling(2, "1994-03-16", "membership", {"moldova"}, targets={"pfp"}, text="Moldova joined the PfP")
    assert same_event(moldova, azerbaijan) == (False, False)


def test_merge_open_span_and_its_first_day_are_one_event():
    member = telling(1, "1994-03/..", "membership", {"slovakia"}, obj="partnership for peace",
                     text="Slovakia has been a member of the programme since March 1994")
    joined = telling(2, "1994-03-09", "membership", {"slovakia"}, obj="partnership for peace",
                     text="Slovakia joined the programme on 9 March 1994")
    assert same_event(joined, member) == (True, False)


def test_merge_different_objects_are_two_events():
    ipap = telling(1, "2005-05", "agreement", {"georgia"}, obj="individual partnership action plan")
    sofa = telling(2, "2005-05-27", "agreement", {"georgia"}, obj="status of forces agreement")
    assert same_event(sofa, ipap) == (False, False)


def test_merge_same_words_on_another_exact_day_is_another_event():
    text = "The council met in Brussels with the ministers of the member states"
    first = telling(1, "2018-12-04", "meeting", {"council"}, text=text)
    second = telling(2, "2019-12-03", "meeting", {"council"}, text=text)
    assert same_event(second, first) == (False, False)


def test_merge_near_contradicting_date_of_one_object_is_a_conflict():
    opened = telling(1, "2005-11", "establishment", {"azerbaijan"}, obj="saloglu trust fund")
    told = telling(2, "2004", "establishment", {"nato", "azerbaijan"}, obj="saloglu trust fund")
    assert same_event(told, opened) == (True, True)


def test_merge_choose_date_is_order_free():
    assert choose_date(["2004", "2005-11"])[0] == choose_date(["2005-11", "2004"])[0] == "2005-11"
    assert choose_date(["1999-05-04", "1999-05-05"])[0] == choose_date(["1999-05-05", "1999-05-04"])[0]


def test_merge_cluster_is_the_same_in_every_order():
    tellings = [
        telling(1, "1994-05-04", "agreement", {"azerbaijan"}, obj="pfp framework document", text="signed"),
        telling(2, "1994-05", "agreement", {"azerbaijan"}, obj="pfp framework document", text="signed it"),
        telling(3, "1994", "agreement", {"azerbaijan", "nato"}, obj="pfp framework document", text="signing"),
        telling(4, "1994-05-04", "agreement", {"armenia"}, obj="pfp framework document", text="signed"),
        telling(5, "1997", "agreement", {"azerbaijan"}, obj="pfp framework document", text="signed"),
    ]
    keys = [(str(t.document), t.date) for t in tellings]
    expected = None
    for order in itertools.permutations(range(len(tellings))):
        groups = cluster([tellings[i] for i in order], [keys[i] for i in order])
        named = sorted(sorted(keys[order[i]] for i in group) for group in groups)
        expected = expected or named
        assert named == expected
    assert [("1", "1994-05-04"), ("2", "1994-05"), ("3", "1994")] in expected
    assert [("4", "1994-05-04")] in expected


def test_merge_cluster_no_chain_of_yearly_conflicts():
    text = "the annual review of the partnership was held with the alliance"
    tellings = [telling(i, f"{2000 + i}", "meeting", {"georgia"}, obj="annual review", text=text) for i in range(4)]
    groups = cluster(tellings, [(t.date,) for t in tellings])
    assert all(len({tellings[i].date for i in group}) <= 2 for group in groups)


def test_merge_one_thing_done_on_one_day_by_who_each_names():
    """The treaty signed by the presidents, the treaty signed by the state: one signing."""
    presidents = telling(1, "2001-05-02", "agreement", {"president a", "king b"}, obj="treaty of lindmark",
                         others={"ostrelia"}, states=set())
    state = telling(2, "2001-05-02", "agreement", {"ostrelia"}, obj="treaty of lindmark")
    assert same_event(state, presidents) == (True, False)
    other_day = telling(3, "2001-06-02", "agreement", {"ostrelia"}, obj="treaty of lindmark")
    assert same_event(other_day, presidents) == (False, False)


def test_merge_an_inferred_actor_is_shared_within_its_document_only():
    """The document's subject, added where a sentence names no one, does not make two documents'
    tellings one event; in one document, and for a copy of the same sentence, it does."""
    words = "the fisheries agreement entered into force"
    a = Telling("a.txt", "1994", "agreement", frozenset(), frozenset(), content_words(words),
                object="fisheries agreement", assumed=frozenset({"chile"}), states=frozenset({"chile"}))
    b = Telling("b.txt", "1994", "agreement", frozenset({"chile"}), frozenset(), content_words("it took effect"),
                frozenset({"chile"}), frozenset({"chile"}))
    assert same_event(a, b) == (False, False)
    assert same_event(a, a._replace(document="c.txt")) == (True, False)  # a copy of the sentence
    later = a._replace(words=content_words("the fisheries agreement began to apply"))
    assert same_event(a, later) == (True, False)  # the same document's subject
    assert same_event(a, later._replace(document="d.txt")) == (False, False)


def test_merge_an_inferred_state_still_keeps_another_states_event_apart():
    """Inferred or named, Georgia's act is never Kazakhstan's."""
    words = content_words("soldiers served with the assistance force")
    georgia = Telling("g.txt", "2010", "deployment", frozenset({"isaf"}), frozenset(), words,
                      assumed=frozenset({"georgia"}), states=frozenset({"georgia"}), countries=frozenset({"georgia"}))
    kazakhstan = georgia._replace(document="k.txt", assumed=frozenset({"kazakhstan"}),
                                  states=frozenset({"kazakhstan"}), countries=frozenset({"kazakhstan"}))
    assert same_event(georgia, kazakhstan) == (False, False)


def test_merge_within_a_document_an_act_and_the_span_it_began():
    """"Chile joined the OECD on 11 May 2010" and, later in the same article, "Chile has been a member
    of the OECD since 2010": one event; the same article's "since 2012" is not."""
    joined = telling("a.txt", "2010-05-11", "membership", {"chile"}, text="Chile joined the OECD", targets={"oecd"})
    since = telling("a.txt", "2010/..", "membership", {"chile"}, text="Chile has been a member of the OECD since",
                    targets={"oecd"})
    assert same_event(since, joined) == (True, False)
    assert same_event(since._replace(date="2012/.."), joined) == (False, False)
    assert same_event(since._replace(date="2010"), joined) == (False, False)  # two points: only the same date


def test_merge_an_assumed_party_named_by_the_other_telling_of_one_thing():
    """"2 May 2001: the Treaty was signed" in a text about Chile, and "2 May 2001: signing of the Treaty
    with Chile" in a text about Peru: each names the other's assumed party and the same treaty."""
    chile = Telling("chile.txt", "2001-05-02", "agreement", frozenset(), frozenset(),
                    content_words("the treaty was signed in Arica"), object="treaty of arica",
                    assumed=frozenset({"chile"}), states=frozenset({"chile"}), countries=frozenset({"chile"}))
    peru = Telling("peru.txt", "2001-05-02", "agreement", frozenset({"chile"}), frozenset(),
                   content_words("signing of the treaty with chile"), frozenset(), frozenset({"peru"}),
                   object="treaty of arica", countries=frozenset({"chile", "peru"}), assumed=frozenset({"peru"}))
    assert same_event(peru, chile) == (True, False)
    assert same_event(peru, chile._replace(object="treaty of lima")) == (False, False)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("text", "expected"), [
    ("Kesh has been a member", {"kesh", "member"}),         # "has" is a stop word, not "ha"
    ("Border talks were held", {"border", "talk", "held"}),  # a plural folded
    ("the negotiations", {"talk"}),                          # one word for one thing
    ("Ostrelia's parliament", {"ostrelia", "parliament"}),
    ("the process", {"process"}),
])
def test_merge_content_words(text, expected):
    assert content_words(text) == expected


@pytest.mark.issue(13)
@pytest.mark.parametrize(("a", "b", "expected"), [
    ("border talks", "border negotiations", True),
    ("council", "council for maritime cooperation", True),
    ("treaty of lindmark", "border treaty", True),
    ("halvard liaison office", "nco liaison office", True),
    ("treaty of lindmark", "treaty of aldrun", False),
    ("cooperation agreement", "border treaty", False),
])
def test_merge_same_object(a, b, expected):
    assert {same_object(a, b), same_object(b, a)} == {expected}  # either way round


@pytest.mark.issue(13)
@pytest.mark.parametrize(("type_a", "type_b", "obj_a", "obj_b", "expected"), [
    ("summit", "meeting", "border talks", "border negotiations", True),  # one round told in two registers
    ("summit", "meeting", None, None, True),
    ("decision", "agreement", "treaty of lindmark", "treaty of lindmark", True),  # a ratification
    ("decision", "agreement", None, None, False),
    ("political", "agreement", "treaty of lindmark", "treaty of lindmark", True),  # "ended with the signing of"
    ("political", "agreement", None, None, False),
    ("visit", "meeting", None, None, False),
])
def test_merge_kindred_types(type_a, type_b, obj_a, obj_b, expected):
    a = telling("a.txt", "1999-09-15", type_a, {"varnia"}, targets={"ostrelia"}, obj=obj_a, text="talks opened")
    b = telling("b.txt", "1999-09-15", type_b, {"varnia"}, targets={"ostrelia"}, obj=obj_b, text="negotiations open")
    assert same_event(a, b)[0] is expected
    assert same_event(b, a)[0] is expected


@pytest.mark.issue(13)
def test_merge_an_object_named_as_the_others_target():
    """"joined the Council" and "joined the Council for Maritime Cooperation": one act."""
    named = telling("a.txt", "1992", "membership", {"ostrelia"}, targets={"#1"})._replace(
        target_words=content_words("Council for Maritime Cooperation"))
    told = telling("b.txt", "1992-06", "membership", {"ostrelia"}, obj="council")
    assert same_event(told, named) == (True, False)
    other = telling("c.txt", "1992-06", "membership", {"ostrelia"}, obj="partnership for peace")
    assert same_event(other, named) == (False, False)


@pytest.mark.issue(13)
def test_merge_an_assumed_actor_named_by_the_other_in_the_same_words_on_the_same_day():
    """The offices page infers the organisation; another document names it: the same opening."""
    inferred = Telling("a.txt", "2004", "establishment", frozenset(), frozenset(),
                       content_words("The Tarvo liaison office opened in 2004."), assumed=frozenset({"nco"}))
    named = telling("b.txt", "2004", "establishment", {"nco"}, text="The NCO liaison office in Tarvo opened in 2004.")
    assert same_event(inferred, named) == (True, False)
    unlike = named._replace(words=content_words("The NCO opened a training centre in 2004."))
    assert same_event(inferred, unlike) == (False, False)


@pytest.mark.issue(13)
def test_merge_states_each_page_infers_do_not_part_one_persons_act():
    """A minister's visit on two states' pages (each page's own state inferred) is one visit; told in
    other words (another city), it is not."""
    words = "Foreign Minister Anselm Druve visited Tarvo"
    kesh = telling("kesh.txt", "2013-05", "visit", {"druve"}, text=words + " in May, the first visit in years",
                   states=set())._replace(countries=frozenset({"kesh"}), assumed=frozenset({"kesh"}),
                                          persons=frozenset({"druve"}))
    ostrelia = kesh._replace(document="ostrelia.txt", date="2013-05-22", words=content_words(words),
                             countries=frozenset({"ostrelia"}), assumed=frozenset({"ostrelia"}))
    assert same_event(ostrelia, kesh) == (True, False)
    elsewhere = ostrelia._replace(words=content_words("Foreign Minister Anselm Druve visited Halvard"))
    assert same_event(elsewhere, kesh) == (False, False)


@pytest.mark.issue(13)
def test_merge_a_generic_telling_whose_words_name_the_act():
    """"A member since 2 June 1998, Calvora ..." (typed generic) is Calvora's joining on that day; told
    without a word of joining, or by another source, it is not."""
    since = telling("page.txt", "1998-06-02/..", "political", {"calvora"},
                    text="A member since 2 June 1998, Calvora had its seat suspended")
    joined = telling("page.txt", "1998-06-02", "membership", {"calvora"},
                     text="Calvora and Tesmar joined on 2 June 1998")
    assert same_event(since, joined) == (True, False)
    assert same_event(joined, since) == (True, False)
    later = telling("news.txt", "1998-06", "membership", {"calvora"}, text="Calvora joins the organisation")
    assert same_event(since, later)[0] is True
    followed = since._replace(words=content_words("Calvora followed in 1998"))
    assert same_event(followed, joined) == (False, False)
    other = telling("news.txt", "1998-06", "membership", {"tesmar"}, text="Tesmar joins the organisation")
    assert same_event(since, other) == (False, False)
    elsewhere = telling("news.txt", "1999", "membership", {"calvora"}, text="Calvora joins the organisation")
    assert same_event(since, elsewhere) == (False, False)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("words", "expected"), [
    ("A member since 1998", {"membership"}),
    ("the treaty was ratified", {"agreement"}),
    ("Calvora followed in 1998", set()),
])
def test_merge_cued_types(words, expected):
    assert cued_types(content_words(words)) == expected


@pytest.mark.issue(13)
def test_merge_candidate_types_take_the_generic_type_and_what_it_names():
    typed = telling("a.txt", "1998", "membership", {"calvora"})
    assert "political" in candidate_types(typed)
    generic = telling("a.txt", "1998", "political", {"calvora"}, text="A member since 1998")
    assert candidate_types(generic) == {"political", "membership"}


@pytest.mark.issue(13)
def test_merge_an_organisations_page_infers_what_was_joined():
    """On the organisation's own page "Calvora ... joined on 2 June 1998" joins that organisation (its
    inferred subject): one event with "Calvora joins the Ostmark Union" in June 1998; on another
    body's page, or where what the page infers is a state, it is not."""
    text = "Calvora, Tesmar, Belk and Orris joined on 2 June 1998, Fenmark in 2003"
    page = telling("union.txt", "1998-06-02", "membership", {"calvora"}, text=text)._replace(
        assumed=frozenset({"ostmark union"}))
    named = telling("calvora.txt", "1998-06", "membership", {"calvora"}, targets={"ostmark union"},
                    text="June: Calvora joins the Ostmark Union")
    assert same_event(page, named) == (True, False)
    assert same_event(named, page) == (True, False)
    other_body = page._replace(assumed=frozenset({"river council"}))
    assert same_event(other_body, named) == (False, False)
    a_state = page._replace(assumed=frozenset({"ostmark union"}), countries=frozenset({"calvora", "ostmark union"}))
    assert same_event(a_state, named) == (False, False)


@pytest.mark.issue(13)
def test_merge_one_bodys_founding_whoever_else_each_names():
    """"The Andean Water Council was founded by Chile and Peru" and "the Andean Water Council is founded;
    Bolivia attends as an observer": one founding, though the states each names have none in common;
    "Chile's first plan was approved" and "Bolivia agreed its plan" on the same day are two acts."""
    founders = telling("history.txt", "1991-09-18", "establishment", {"chile", "peru"}, obj="andean water council",
                       others={"andean water council"}, text="The Andean Water Council was founded in Lima")._replace(
        countries=frozenset({"chile", "peru"}), bodies=frozenset({"andean water council"}))
    observer = telling("bolivia.txt", "1991-09-18", "establishment", set(), obj="andean water council",
                       others={"bolivia"}, text="The Andean Water Council is founded; Bolivia attends as an observer"
                       )._replace(countries=frozenset({"bolivia"}))
    assert same_event(observer, founders) == (True, False)
    assert same_event(founders, observer) == (True, False)
    plan = telling("chile.txt", "2005-05-14", "agreement", {"council"}, obj="individual partnership action plan",
                   others={"chile"}, text="the Council approved Chile's plan", states=set())._replace(
        countries=frozenset({"chile"}), bodies=frozenset({"council"}))
    other = telling("bolivia.txt", "2005-05-14", "agreement", {"bolivia"}, obj="individual partnership action plan",
                    text="Bolivia agreed its plan with the Council")._replace(countries=frozenset({"bolivia"}))
    assert same_event(other, plan) == (False, False)


@pytest.mark.issue(13)
def test_merge_a_bodys_session_told_by_its_chair_and_by_the_body():
    """"Chile chairs the Pacific Council" and "the Pacific Council held on 4 December adopted Peru's
    proposal": one session; Chile's own act named by no one else on that day is not."""
    chair = telling("chile.txt", "2018-12-04", "summit", {"chile"}, targets={"pacific council"},
                    obj="pacific council", text="Chile chairs the annual Pacific Council in Lima")._replace(
        countries=frozenset({"chile"}), bodies=frozenset({"pacific council"}))
    body = telling("peru.txt", "2018-12-04", "meeting", {"pacific council"}, others={"peru"}, states=set(),
                   text="The council held on 4 December adopted Peru's proposal for a training centre")._replace(
        countries=frozenset({"peru"}), bodies=frozenset({"pacific council"}))
    assert same_event(body, chair) == (True, False)
    peru = telling("news.txt", "2018-12-04", "meeting", {"peru"}, text="Peru proposed a training centre")._replace(
        countries=frozenset({"peru"}))
    assert same_event(peru, chair) == (False, False)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("date", "text", "expected"), [
    ("2020-06", "A joint border crossing at Tumbes opened in June 2020", True),
    ("2020-06-17", "A joint border crossing at Tumbes opened", True),
    ("2020", "A joint border crossing at Tumbes opened in 2020", False),          # a year: too wide
    ("2020-07", "A joint border crossing at Tumbes opened in July 2020", False),  # another month
    ("2020-06", "A bridge at Tumbes opened in June 2020", False),                  # few words in common
])
def test_merge_a_telling_that_names_no_one(date, text, expected):
    named = telling("a.txt", "2020-06-17", "establishment", {"chile", "peru"},
                    text="Chile and Peru open a joint border crossing at Tumbes")
    bare = Telling("b.txt", date, "establishment", frozenset(), frozenset(), content_words(text))
    assert same_event(bare, named)[0] is expected
    assert same_event(named, bare)[0] is expected


@pytest.mark.issue(13)
def test_merge_one_act_on_one_day_by_one_source():
    """"Fighting with Chile began on 7 August 2008" and "the war with Chile, which began on 7 August
    2008": one act, though few words are in common; on another day, or with another object, not."""
    fighting = telling("a.txt", "2008-08-07", "conflict", {"chile"}, text="Fighting with Chile began in the valley")
    war = telling("b.txt", "2008-08-07", "conflict", {"chile"},
                  text="Thousands of people gathered in the capital on Tuesday to mark the tenth anniversary of "
                       "the war with Chile, which began and lasted five days")
    assert same_event(war, fighting) == (True, False)
    assert same_event(war._replace(date="2008-08-09"), fighting) == (False, False)
    assert same_event(war._replace(object="selm offensive"), fighting._replace(object="coastal blockade")) == \
        (False, False)


@pytest.mark.issue(13)
@pytest.mark.parametrize(("date", "type_", "expected"), [
    ("1999-09-15", "summit", True),
    ("1999-09-15", "meeting", False),  # another type: half the words are wanted
    ("1999-09", "summit", False),      # a month: likewise
])
def test_merge_a_telling_that_names_no_one_on_the_same_day(date, type_, expected):
    named = telling("a.txt", "1999-09-15", "summit", {"chile"}, obj="border talks",
                    text="Border talks with Chile opened in Arica")
    bare = Telling("b.txt", date, type_, frozenset(), frozenset(),
                   content_words("Negotiations opened on 15 September 1999 and lasted nineteen months"))
    assert same_event(bare, named)[0] is expected


@pytest.mark.issue(13)
def test_merge_one_war_between_the_same_states():
    """A war between two states told at its year and its day on one state's page, and at its span on
    the other's (each page's own state only inferred): one war, whatever words each uses; not with a
    third state, nor on an incompatible date, nor one state's act alone."""
    def war(document, date, named, inferred, text):
        states = frozenset(named) | frozenset(inferred)
        return Telling(document, date, "conflict", frozenset(named), frozenset(), content_words(text),
                       frozenset(named), states, countries=states, assumed=frozenset(inferred))

    year = war("a.txt", "2008", {"chile", "peru"}, (), "Chile has ties with all except Peru, with which it fought a war")
    day = war("a.txt", "2008-08-07", {"peru"}, {"chile"}, "Fighting with Peru began in the disputed valley")
    span = war("b.txt", "2008-08-07/2008-08-12", {"chile"}, {"peru"}, "The war with Chile leaves 412 soldiers dead")
    assert same_event(day, year) == (True, False)
    assert same_event(span, day) == (True, False)
    assert same_event(span, year) == (True, False)
    assert same_event(span._replace(date="2009-03"), day) == (False, False)
    bolivia = war("c.txt", "2008-08-07", {"bolivia"}, {"peru"}, "The war with Bolivia began")
    assert same_event(bolivia, span) == (False, False)
    alone = span._replace(countries=frozenset({"peru"}), states=frozenset({"peru"}), actors=frozenset(),
                          sources=frozenset())
    assert same_event(alone, day)[0] is False


@pytest.mark.issue(13)
def test_merge_a_bodys_session_whose_pages_add_their_own_state_as_a_bystander():
    """"The annual OTS Council meets in Baku" on Chile's page (Chile only inferred, not acting) and
    "OTS ministers met in Baku, where Peru presented its plan" (Peru named, not acting): one session of
    the OTS's body; not where no source is shared, nor where the page's own state acts."""
    from annals.resolve.gazetteer import fold
    from annals.store.regroup import frame_telling

    ids = {"ots": "#1", "ots council": "#2", "peru": "#3", "chile": "#4"}

    def identity(key):
        return ids.get(key, key)

    page = frame_telling("a.txt", "2019-12-03", "meeting", [("OTS Council", "organization", "source", False),
                                                          ("Chile", "country", "other", True)],
                         "The annual OTS Council meets in Baku", None, identity)
    report = frame_telling("b.txt", "2019-12-03", "meeting", [("OTS", "organization", "source", False),
                                                             ("Peru", "country", "other", False)],
                           "OTS ministers met in Baku on Tuesday, where Peru presented its plan", None, identity)
    assert "#1" in page.sources and "#1" in page.actors  # the body's name names its organisation
    assert same_event(page, report) == (True, False)
    assert same_event(report, page) == (True, False)
    alone = frame_telling("a.txt", "2019-12-03", "meeting", [("OTS Council", "organization", "source", False)],
                          "The annual OTS Council meets in Baku", None, lambda key: fold(key))
    assert not alone.sources & report.sources  # an acronym the corpus does not know names nothing more
    acting = page._replace(states=frozenset({"#4"}))  # the page's own state acting: still another state's act
    assert same_event(acting, report)[0] is False
    other_source = report._replace(sources=frozenset({"#3"}), actors=frozenset({"#3"}), states=frozenset())
    assert same_event(page, other_source)[0] is False
    # a visit: whom a person visited may be the page's own state, not a bystander
    assert same_event(page._replace(type="visit"), report._replace(type="visit"))[0] is False


@pytest.mark.issue(13)
def test_merge_a_bodys_session_chaired_by_one_state_and_held_by_the_body():
    """"Chile chairs the Pacific Council in Lima" (the Council what Chile's act was done to) and "the
    council held on 4 December adopted Peru's proposal" (the Council acting, Peru only named): one
    session, though they name different states; not where the body met a state ("the Pacific Council
    met Peru"), nor where a person is what both name."""
    chair = telling("chile.txt", "2018-12-04", "meeting", {"chile"}, targets={"pacific council"},
                    text="Chile chairs the annual Pacific Council in Lima")._replace(countries=frozenset({"chile"}))
    body = telling("peru.txt", "2018-12-04", "meeting", {"pacific council"}, others={"peru"}, states=set(),
                   text="The council held on 4 December adopted Peru's proposal for a training centre")._replace(
        countries=frozenset({"peru"}))
    assert same_event(body, chair) == (True, False)
    assert same_event(chair, body) == (True, False)
    met = body._replace(targets=frozenset({"peru"}))
    assert same_event(met, chair) == (False, False)
    person = chair._replace(targets=frozenset({"rosa ortiz"}), actors=chair.actors | {"rosa ortiz"},
                            persons=frozenset({"rosa ortiz"}))
    envoy = body._replace(sources=frozenset({"rosa ortiz"}), actors=body.actors | {"rosa ortiz"},
                          persons=frozenset({"rosa ortiz"}))
    assert same_event(envoy, person)[0] is False


@pytest.mark.issue(13)
def test_merge_a_body_named_with_its_organisations_acronym_or_its_name():
    """"The PWC Ministerial Council" and "the Ministerial Council of the Pacific Water Commission" are one
    body where the corpus knows the acronym: "Chile chairs the PWC Ministerial Council" and "the
    Ministerial Council of the Pacific Water Commission, held on 4 December, adopted Peru's proposal" are
    one session; an acronym the corpus does not know names no more than itself."""
    from annals.store.regroup import frame_telling, owned_body

    ids = {"pwc": "#1", "pacific water commission": "#1", "chile": "#2", "peru": "#3"}

    def identity(key):
        return ids.get(key, key)

    chair = frame_telling("chile.txt", "2018-12-04", "meeting", [("Chile", "country", "source", False),
                                                                ("PWC Ministerial Council", "organization", "target",
                                                                 False)],
                          "Chile chairs the annual PWC Ministerial Council in Lima", None, identity)
    body = frame_telling("news.txt", "2018-12-04", "meeting",
                         [("Ministerial Council of the Pacific Water Commission", "organization", "source", False),
                          ("Peru", "country", "other", False)],
                         "The plan was first proposed by Peru at last year's council, held in Lima", None, identity)
    assert owned_body("PWC Ministerial Council", "organization", identity) == \
        owned_body("Ministerial Council of the Pacific Water Commission", "organization", identity) == \
        "ministerial council of #1"
    assert same_event(body, chair) == (True, False)
    assert owned_body("XYZ Ministerial Council", "organization", identity) is None
    assert owned_body("Ministerial Council of the Andean Union", "organization", identity) is None
    assert owned_body("Chile", "country", identity) is None
