"""People named by the text: full names the recogniser mislabels, later mentions by surname,
initials, names that begin with an honorific, regnal names, two titled people joined by "and" (#12)."""
from __future__ import annotations

import pytest

import annals


def actors_of(text: str) -> list[list[str]]:
    return [[a.name for a in e.actors] for e in annals.extract(text + "\n").events]


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("In 1996 Sheikh Rubina Karim signed the river treaty.", {"Sheikh Rubina Karim"}),
        ("In 1996 Prime Ministers K. R. Vanthala and Sheikh Rubina Karim signed the river treaty.",
         {"K. R. Vanthala", "Sheikh Rubina Karim"}),
        ("Under King Idris IV, who succeeded his father Omar III in July 1999, Varnia pursued a new policy.",
         {"Idris IV", "Omar III"}),
        ("In 2019 President Tomas Varga met Marta Bosch in Lisbon.", {"Tomas Varga", "Marta Bosch"}),
        ("In 1953 Elizabeth II visited Canberra.", {"Elizabeth II"}),
        # an initial "A." is no article
        ("On 18 April 1990 Prime Minister A. N. R. Robinson signed the treaty in Caracas.", {"A. N. R. Robinson"}),
    ],
)
def test_resolve_people_name_as_written(text, wanted):
    (names,) = actors_of(text)
    assert wanted <= set(names), names


@pytest.mark.issue(12)
def test_resolve_people_two_titled_people_joined_by_and():
    text = ("In April 2023, Prime Minister Lars Haugen Berg and Commission President Marta van den Bosch "
            "launched the Blue Alliance in Brussels.")
    (names,) = actors_of(text)
    assert {"Lars Haugen Berg", "Marta van den Bosch"} <= set(names), names
    assert "NATO" not in names


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("later", "wanted"),
    [
        ("In 2010 Karim visited Lahore.", {"Sheikh Rubina Karim"}),
        ("In 2011 Harjit Singh and Karim signed a protocol in Dhaka.", {"Harjit Singh", "Sheikh Rubina Karim"}),
    ],
)
def test_resolve_people_later_mentions_take_the_full_name(later, wanted):
    text = "In 1996 Prime Minister Sheikh Rubina Karim signed the river treaty. " + later
    events = actors_of(text)
    assert wanted <= set(events[1]), events[1]
    assert "Karim" not in events[1]


@pytest.mark.issue(12)
def test_resolve_people_a_named_alliance_is_not_nato():
    events = actors_of("In 2004 the Green Alliance and NATO signed a memorandum. In 2009 the Alliance opened an office.")
    assert {"Green Alliance", "NATO"} <= set(events[0]), events[0]
    assert "NATO" in events[1]


def sources_of(text: str) -> list[list[str]]:
    return [[a.name for a in e.actors if a.part == "source"] for e in annals.extract(text + "\n").events]


@pytest.mark.issue(12)
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (("In 2019 President Tomas Varga met Marta Bosch in Lisbon. In Porto, President Ilir Hoxha spoke to Varga "
          "by telephone on Sunday. At a summit in May 2020, the two presidents pledged to cooperate."),
         {"Tomas Varga", "Ilir Hoxha"}),
        (("Under King Idris IV, who succeeded his father Omar III in July 1999, Varnia pursued a new policy. "
          "In July 2016, the king announced a return to the union."), {"Idris IV"}),
        # "The Minister" of a minister's release: the one minister for something the text named
        (("Today, the Minister for Trade and Tourism, Senator Jane Roe, welcomed the decision. Trade with Peru grew."
          "\n\nThe Minister travelled to Lima on 3 May 2023."), {"Jane Roe"}),
        # "the two rivals": the two joined as the subject of the entry before, not its mediator
        (("27 June 2018 – Under Rosa Ortiz's mediation, Juan Pardo and his former deputy Luis Vega sign the Lima "
          "Declaration.\n\n12 September 2018 – The two rivals sign the Quito Accord in Quito."), {"Juan Pardo", "Luis Vega"}),
        # each office of a list is its own holder's, not the next one's
        (("On 2 May 2018 President Rosa Ortiz of Chile, President Juan Pardo of Peru and President Luis Vega of "
          "Bolivia met in Quito. On 3 May 2019 the President of Peru visited Santiago."), {"Juan Pardo"}),
    ],
)
def test_resolve_people_an_office_named_again_is_its_holder(text, wanted):
    assert set(sources_of(text)[-1]) == wanted


@pytest.mark.issue(12)
def test_resolve_people_a_courtesy_title_is_not_part_of_the_name():
    assert "Jim Carr" in sources_of("Today, the Honourable Jim Carr visited Brussels on 21 September 2018.")[0]


@pytest.mark.issue(12)
def test_resolve_people_the_two_leaders_are_the_first_two_of_the_sentence_naming_more():
    text = ("In 1977 President Anwar Sadat and Prime Minister Menachem Begin negotiated at Camp David, hosted by "
            "President Jimmy Carter. On 17 September 1978 the two leaders signed the Camp David Accords.")
    assert set(sources_of(text)[-1]) == {"Anwar Sadat", "Menachem Begin"}


@pytest.mark.issue(12)
@pytest.mark.parametrize("city", ["Phnom Penh", "Rio de Janeiro", "Lisbon"])
def test_resolve_people_a_city_of_several_words_ends_a_name(city):
    """"Mr Bosch in Phnom Penh" is Bosch, met in a city of two words, not a person of four."""
    names = actors_of(f"Marta Bosch became foreign minister of Chile in 2018. In 2019 President Tomas Varga met "
                      f"Mr Bosch in {city}.")
    assert names[-1][:2] == ["Tomas Varga", "Marta Bosch"] and not any(city in n for n in names[-1])


@pytest.mark.issue(12)
def test_resolve_people_a_surname_with_its_government_is_no_state():
    """ "Marta Kovar ... Kovar's government": the government a person leads, not a state called Kovar."""
    text = ("Marta Kovar, who has died aged 70, led Chile through the crisis. Kovar's government turned the request "
            "down in February 1985. On 3 March 1985 Kovar visited Peru.")
    names = actors_of(text)
    assert all("Kovar" not in n or n == "Marta Kovar" for event in names for n in event), names
    assert ["Marta Kovar", "Peru"] in names, names


@pytest.mark.issue(12)
def test_resolve_people_a_name_with_a_middle_name_is_the_person_named_before():
    """ "Marta Kovar" then "Marta Elena Kovar": one person, under the name first given; "Kovar" is she."""
    text = ("Marta Kovar, who has died aged 70, was the president who took Chile out of the pact. Marta Elena Kovar "
            "was born in Valdivia, the daughter of a doctor. She won a seat in the Senate in March 1977. In 1990 "
            "Kovar resigned.")
    names = actors_of(text)
    assert all(n != "Marta Elena Kovar" for event in names for n in event), names
    assert names[0][0] == "Marta Kovar" and ["Marta Kovar"] in names, names


@pytest.mark.issue(12)
def test_resolve_people_a_middle_initial_stays_and_a_later_mention_without_it_is_the_same_person():
    """ "President Tomas F. Varga" is named in full; "Tomas Varga" and "Varga" later are he."""
    names = actors_of("President Tomas F. Varga of Chile visited Peru in May 1961. Tomas Varga met the Pope in "
                      "June 1961. In July 1961 Varga resigned.")
    assert names == [["Tomas F. Varga", "Chile", "Peru"], ["Tomas F. Varga", "Chile"], ["Tomas F. Varga", "Chile"]], names


@pytest.mark.issue(12)
def test_resolve_people_the_president_of_the_republic_is_the_one_named_beside():
    """ "The President of the Republic, Ana Ruiz, received ...": she, not another president of the text,
    and nobody called "Republic"."""
    names = actors_of("President Tomas Varga of Chile signed the accord in 1998. The President of the Republic, "
                      "Ana Ruiz, received the President of Peru, Luis Soto, on 3 July 2024.")
    assert names[-1][0] == "Ana Ruiz", names
    assert all(n not in ("Tomas Varga", "Republic") for n in names[-1]), names


@pytest.mark.issue(12)
@pytest.mark.parametrize(("text", "wanted", "unwanted"), [
    ("In April 1955 Vice-Chancellor Adolf Brandt flew to Moscow.", {"Adolf Brandt"}, {"Vice-Chancellor Adolf Brandt"}),
    (("Talks opened on 12 April 1955. The Lisbon Memorandum that they signed on 15 April 1955 committed Chile to "
     "a neutrality on the Swiss model."), {"Chile"}, {"Lisbon Memorandum"}),
])
def test_resolve_people_a_hyphenated_office_and_a_memorandum_are_no_part_of_a_person(text, wanted, unwanted):
    names = {n for event in actors_of(text) for n in event}
    assert wanted <= names and not (unwanted & names), names


@pytest.mark.issue(12)
def test_resolve_people_no_name_goes_on_across_in():
    """ "signed by Bosch and Varga in Ruiz's presence": three people, not one called "Varga in Ruiz"."""
    names = actors_of("Marta Bosch, Tomas Varga and Ana Ruiz met in 2005. The accord was signed on 12 June 2006 by "
                      "Bosch and Varga in Ruiz's presence.")
    assert {"Marta Bosch", "Tomas Varga"} <= set(names[-1]) and not any(" in " in n for n in names[-1]), names


@pytest.mark.issue(12)
def test_resolve_people_a_surname_listed_with_a_state_is_the_person_and_a_plural_title_holds_both():
    """ "Presidents Ana Ruiz of Chile and Varga met": Varga is the president named before, not a state
    listed with Chile, and both presidents met."""
    text = ("Tomas Varga became president of Peru in 1999. Presidents Ana Ruiz of Chile and Varga met in Geneva on "
            "15 November 2002.")
    (event,) = [e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "2002-11-15"]
    assert {a.name for a in event.actors if a.part == "source"} == {"Ana Ruiz", "Tomas Varga"}
    assert "Varga" not in {a.name for a in event.actors}


@pytest.mark.issue(12)
def test_resolve_people_the_office_a_person_became_is_theirs_later():
    """ "X became president of Chile in 2010": X's government later is Chile's."""
    text = "Ana Ruiz became president of Chile in 2010. On 3 May 2012 Ruiz's government recalled its ambassador from Peru."
    (event,) = [e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "2012-05-03"]
    assert {a.name for a in event.actors if a.part == "source"} == {"Chile"}


@pytest.mark.issue(12)
def test_resolve_people_the_organisation_of_a_persons_office_joins_the_event():
    """ "Ana Ruiz became secretary general of the Andean Community": her later acts name it too."""
    names = actors_of("Ana Ruiz became secretary general of the Andean Community in 2010. On 3 May 2019 Ruiz "
                      "visited Lima.")
    assert "Andean Community" in names[-1], names


@pytest.mark.issue(12)
@pytest.mark.parametrize(("text", "state"), [
    ("Secretary of State Ana Ruiz visited Lima on 1-2 February 2025.", "United States"),
    ("On 3 May 2002 Assistant Secretary of State Tomas Varga visited Seoul.", "United States"),
])
def test_resolve_people_an_office_whose_title_says_its_state(text, state):
    """ "Secretary of State X" is the United States' (the British one is "Secretary of State for ...")."""
    names = actors_of(text)
    assert state in names[0], names


@pytest.mark.issue(12)
def test_resolve_people_a_state_s_office_a_person_became_in_the_possessive():
    """ "X became Chile's prime minister": X holds that office, and "the two prime ministers" are found by it."""
    text = ("Ana Kovar became Chile's prime minister in 2022. Tomas Varga became prime minister of Peru in 2019. "
            "Marta Bosch, a writer, praised them both in 2021.\n\n"
            "The two prime ministers signed a security agreement in Lima on 7 December 2023.")
    (event,) = [e for e in annals.extract(text + "\n", reader="text").events if e.date_value == "2023-12-07"]
    assert {a.name for a in event.actors if a.part == "source"} == {"Ana Kovar", "Tomas Varga"}
    assert {"Chile", "Peru"} <= {a.name for a in event.actors}


def source_sets(text: str) -> list[set[str]]:
    return [{a.name for a in e.actors if a.part == "source"} for e in annals.extract(text + "\n").events]


@pytest.mark.issue(12)
@pytest.mark.parametrize("opener", ["And", "Yet", "But"])
def test_resolve_people_a_sentence_opener_is_no_part_of_a_name(opener):
    text = ("In June 2009 soldiers deposed President Mateo Ruiz Calderon and flew him to Panama.\n\n"
            f"{opener} Ruiz went to Chile on 3 May 2010.")
    assert source_sets(text)[-1] == {"Mateo Ruiz Calderon"}


@pytest.mark.issue(12)
def test_resolve_people_an_inner_name_alone_is_the_person_named_in_full():
    text = ("In June 2009 soldiers deposed President Mateo Ruiz Calderon and flew him to Panama.\n\n"
            "Ruiz went to Peru on 3 May 2012.")
    assert source_sets(text)[-1] == {"Mateo Ruiz Calderon"}


@pytest.mark.issue(12)
def test_resolve_people_a_question_s_auxiliary_is_no_part_of_a_name():
    text = ("President Mateo Ruiz Calderon was deposed on 28 June 2009.\n\n"
            "QUESTION: Has Mr Ruiz been in contact with the Ministry?\n\n"
            "Mr Ruiz returned to the country on 21 September 2009.")
    assert source_sets(text)[-1] == {"Mateo Ruiz Calderon"}


@pytest.mark.issue(12)
@pytest.mark.parametrize("headline", [
    "OBITUARY-Yemen's Sultan Taboos, the quiet broker, dies at 79",
    "Yemen's Sultan Taboos, the quiet broker, dies at 79",
])
def test_resolve_people_a_monarch_named_by_one_name_then_in_full_is_one_person(headline):
    text = (f"{headline}\n\nJanuary 11, 2020\n\nSultan Taboos bin Rahim died on Friday.\n\n"
            "In March 1990 Taboos signed a border treaty with Saudi Arabia.")
    found = source_sets(text)
    assert found[0] == {"Taboos bin Rahim"}
    assert found[-1] == {"Taboos bin Rahim", "Saudi Arabia"}


@pytest.mark.issue(12)
def test_resolve_people_a_bare_surname_keeps_naming_whom_it_named_before_a_namesake_came():
    text = ("On 30 June 2016 Rodrigo Duterte was sworn in as president of the Philippines.\n\n"
            "In March 2018 Duterte announced the withdrawal from the Rome Statute.\n\n"
            "On 30 June 2022 Ferdinand Marcos Jr. took office, with Sara Duterte as vice-president.\n\n"
            "In November 2024 Duterte defended the campaign in the Senate.")
    assert source_sets(text)[-1] == {"Rodrigo Duterte"}


@pytest.mark.issue(12)
def test_resolve_people_a_namesake_named_in_a_sentence_without_a_year_is_no_less_near():
    """Two of one surname: the one named last, in a sentence that gives no year, is not passed over for the
    other because only the other's sentence had a year."""
    text = ("In January 1988 prime ministers Andreas Vardakis and Turgut Ozal agreed to set up a hotline.\n\n"
            "Years later, foreign ministers George Vardakis and Ismail Cem began exchanging letters.\n\n"
            "Vardakis flew to Ankara on 19 January 2000.")
    assert source_sets(text)[-1] == {"George Vardakis"}


@pytest.mark.issue(12)
def test_resolve_people_a_surname_that_is_also_a_place_word_names_a_person():
    """"Park" ends names of places ("Central Park"); first in a name after a title it is a surname."""
    text = "Korea and Japan\n\nPresident Park Min-seo visited Tokyo on 4 May 2010.\n"
    assert source_sets(text)[-1] == {"Park Min-seo"}


@pytest.mark.issue(12)
@pytest.mark.parametrize(("person", "government"), [("Tomas Arrau", "his government"), ("Ana Vidal", "her Government")])
def test_resolve_people_his_government_is_his_state(person, government):
    """"his government signed": the state the person named before leads, not the person."""
    text = (f"Chile and Peru\n\nIn 1990 the President of Chile, {person}, visited Lima.\n\n"
            f"On 3 May 1991 {government} signed a fisheries agreement with Peru.")
    assert source_sets(text)[-1] == {"Chile", "Peru"}


@pytest.mark.issue(12)
def test_resolve_people_after_her_government_she_is_still_the_person():
    text = ("Chile and Peru\n\nIn 1990 the President of Chile, Ana Vidal, visited Lima.\n\n"
            "Her Government was restored in May 1998, when she returned to Santiago on 10 May.")
    assert source_sets(text)[-1] == {"Ana Vidal"}
