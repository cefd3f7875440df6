"""Event types of newspaper-style sentences in which an act is named by a noun that another verb agrees, announces or
orders, written for these tests (never evaluation text)."""

import pytest

from newsgraph.extract import extract
from newsgraph.model import Document

from .test_event_types_press import _assert_coded, _coded


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # sanctions agreed (or agreed on) are imposed by those who agree them, as approved or adopted ones are
        ("Foreign ministers of the bloc agreed a fresh round of sanctions against Belarus on Tuesday.", "SANCTION", "163", "AGREE"),
        ("G7 finance ministers agreed on new sanctions against North Korea in Tokyo.", "SANCTION", "163", "AGREE"),
        # agreed "to" another's sanctions, or their relief agreed: assent, no sanction
        ("Slovakia agreed to the new sanctions after a long debate.", "AGREE", None, "SANCTION"),
        ("Washington agreed sanctions relief for Caracas in exchange for elections.", "AGREE", None, "SANCTION"),
    ],
)
def test_sanctions_agreed(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # a truce agreed (transitive) is the ceasefire the parties settle on (CAMEO 0871)
        ("Sudan and South Sudan agreed a permanent ceasefire in Addis Ababa on Friday.", "RETREAT", "0871", "AGREE"),
        # agreed "to" one: assent to a proposal
        ("The rebels agreed to a ceasefire proposed by the African Union.", "AGREE", None, "RETREAT"),
        # a halt, pause or end to hostilities, announced, ordered or declared, is a ceasefire
        ("The Taliban announced a three-day halt to offensive operations against Afghan forces.", "RETREAT", "0871", None),
        ("Moscow ordered an end to hostilities with Georgia on Tuesday.", "RETREAT", "0871", None),
        ("The Houthis declared a suspension of attacks on Saudi Arabia.", "RETREAT", "0871", None),
    ],
)
def test_ceasefires_agreed_and_halts_declared(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


@pytest.mark.parametrize(
    "text",
    [
        # a halt to trade or to a firm's work is no ceasefire
        "Russia announced a halt to grain exports to Egypt on Monday.",
        "Glencore announced a halt to mining operations in Zambia.",
    ],
)
def test_other_halts_are_no_ceasefire(resources, text):
    assert ("RETREAT", "0871") not in _coded(resources, text)


def test_a_state_miner_is_a_company(resources):
    # "state miner" names a state's mining company (BUS), not its workers (LAB), when the parser finds no name beside it
    events = extract(Document(text="Ghana's state gold miner signed a supply deal with China on Monday."), resources).events
    sources = [a for e in events for a in e.source if a.country == "GHA"]
    assert sources and all(a.sector == "BUS" for a in sources), [(e.type, e.source) for e in events]
    events = extract(Document(text="Striking gold miners blocked the road to the mine in Ghana on Monday."), resources).events
    assert all(a.sector != "BUS" for e in events for a in e.source), [(e.type, e.source) for e in events]


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # an investigation authorised, approved or commissioned is opened by whoever lets it go ahead (CAMEO 090)
        ("Judges of the regional court authorised an investigation into the massacre of villagers in Mali.", "INVESTIGATE", "090", None),
        ("Nigeria's senate approved an inquiry into the oil subsidy payments.", "INVESTIGATE", "090", None),
        # a licence or waiver denied was never granted: a request refused (REJECT), not one revoked (SANCTION 172)
        ("Kenya's mining regulator denied a Canadian gold company a licence to prospect in Kakamega.", "REJECT", "120", "SANCTION"),
        ("The Treasury revoked the licence of a Turkish bank to clear payments for Iran.", "SANCTION", "172", "REJECT"),
        # forces that deploy themselves, at a government's request: foreign troops sent to help (AID 074)
        ("About 800 Fijian soldiers deployed to the Solomon Islands on Monday at the request of its government.", "AID", "074", "DEMAND"),
        ("Russian troops redeployed near the Ukrainian border on Tuesday.", "MOBILIZE", "154", None),
    ],
)
def test_investigations_licences_denied_and_forces_deploying(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # going on despite an order, ruling or ban defies it (CAMEO 128), stated now whatever the tense
        ("The Czech government will keep mining coal at Most despite an order from the EU court to halt work.", "REJECT", "128", "THREATEN"),
        ("Israel continued building settlements despite a UN resolution.", "REJECT", "128", None),
        # a sum advanced is lent (AID 071), in any currency
        ("The Gauteng provincial government advanced 300 million rand to Johannesburg's bus operator.", "AID", "071", None),
        ("Qatar lent 2 billion riyals to Egypt's central bank on Monday.", "AID", "071", None),
    ],
)
def test_defiance_and_sums_advanced(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


@pytest.mark.parametrize(
    "text",
    [
        "The company kept mining despite heavy rain.",  # no order defied
        "Shares in the bank advanced 3 percent on Monday.",  # no sum given
        "Chinese troops advanced 30 kilometres into Indian territory.",
    ],
)
def test_no_defiance_no_sum_advanced(resources, text):
    assert not any(t == "REJECT" or (t == "AID" and c == "071") for t, c in _coded(resources, text))


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # land titles granted or recognised are rights conceded (CAMEO 0833)
        ("Peru's government granted land titles to six Ashaninka communities on Monday.", "CONCEDE", "0833", None),
        ("Bolivia's congress approved a law recognising the Guarani people's collective title to their ancestral lands.", "CONCEDE", "0833", "SUPPORT"),
    ],
)
def test_land_titles_granted(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


def test_a_sports_title_is_no_right(resources):
    assert ("CONCEDE", "0833") not in _coded(resources, "Kenya's athletics federation gave the world title to the runner from Eldoret.")


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # two parties breaking ground together on a plant cooperate (CAMEO 061)
        ("Chile's Codelco and China's Tsingshan broke ground on Monday on a lithium plant in Antofagasta.", "COOPERATE", "061", None),
        # the position of a boat passed to another state's police is intelligence shared (CAMEO 064)
        ("Acting on a tip, Peruvian police passed Chilean authorities the position of a speedboat carrying cocaine.", "COOPERATE", "064", None),
    ],
)
def test_ground_broken_together_and_positions_passed(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("Tesla broke ground on a factory in Mexico on Monday.", "COOPERATE"),  # one firm: no partner
        ("The EU passed a common position on migration to the parliament.", "COOPERATE"),  # a stance, no whereabouts
        ("Kenya and Uganda broke new ground in talks on the pipeline.", "SANCTION"),  # progress, no talks broken off
        ("Sudan broke the deadlock in talks with South Sudan on oil fees.", "SANCTION"),
    ],
)
def test_no_ground_broken_together_no_talks_broken(resources, text, wrong):
    assert all(t != wrong for t, _ in _coded(resources, text))
