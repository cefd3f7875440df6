"""Event types of newspaper-style sentences: demands the parser hides (a for-to clause, "insisted on", a demand delivered
in a note) and weapons given up, written for these tests (never evaluation text)."""

import pytest

from newsgraph.extract import extract
from newsgraph.model import Document

from .test_event_types_press import _assert_coded, _coded


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # a for-to clause is what is called for, as a "for" phrase is; the act called for is folded into the demand
        ("Kenyan opposition leaders called for the interior minister to resign after the shootings in Nakuru.", "DEMAND", "100", "CONCEDE"),
        ("Nigerian unions called for the central bank to reverse its rate rise on Monday.", "DEMAND", "100", None),
        # what is clamoured or lobbied for is asked, not done: no resignation
        ("Protesters in Lima clamoured for President Boluarte to resign.", "DEMAND", "100", "CONCEDE"),
        # holding out for a thing is demanding it
        ("Teachers in Lagos insisted on a meeting with the state governor before ending their strike.", "DEMAND", "100", None),
        ("Ukraine insists on the full withdrawal of Russian troops from its territory.", "DEMAND", "100", None),
        # a demand delivered in a note is that demand (with its own parties), not a protest note
        ("Poland's demand that Russia return the plane's wreckage was delivered in a diplomatic note on Monday.", "DEMAND", None, "DISAPPROVE"),
    ],
)
def test_demands_the_parser_hides(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


@pytest.mark.parametrize(
    "text",
    [
        # insisting that something is so, or on one's innocence, asserts it: no demand on anyone
        "The Russian defence ministry insisted that its troops had not shelled the town.",
        "The former Zambian minister insisted on his innocence throughout the trial in Lusaka.",
    ],
)
def test_insisting_that_is_no_demand(resources, text):
    assert all(t != "DEMAND" for t, _ in _coded(resources, text)), _coded(resources, text)


def test_a_protest_note_stays_a_protest(resources):
    # guard: a note of protest delivered is the protest (CAMEO 114)
    text = "Japan delivered a protest note to China over the coastguard incursions near the Senkaku islands."
    _assert_coded(resources, text, "DISAPPROVE", "114", None)


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # an armed group handing over its own weapons gives them up (CAMEO 0873)
        ("About 2,000 FARC fighters handed over their weapons to the United Nations mission in 2017.", "RETREAT", "0873", "AID"),
        ("Hundreds of Mai-Mai militiamen handed over their rifles at a camp in South Kivu on Sunday.", "RETREAT", "0873", "AID"),
    ],
)
def test_own_weapons_handed_over(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


def test_weapons_handed_to_another_are_no_disarmament(resources):
    # guard: a state handing over weapons it supplies is military aid, no disarmament
    coded = _coded(resources, "The United States handed over 30 armoured vehicles and rifles to the Lebanese army on Tuesday.")
    assert ("RETREAT", "0873") not in coded, coded


def test_trainees_training_under_instructors(resources):
    # trainees training under another side's instructors: that side trains them (COOPERATE, the instructors' side the
    # source), no aid the trainees give
    events = extract(Document(text="Somali soldiers are training under Turkish officers at a base in Mogadishu."), resources).events
    coded = [(e.type, [a.country for a in e.source], [a.country for a in e.target]) for e in events]
    assert ("COOPERATE", ["TUR"], ["SOM"]) in coded, coded
    assert all(t != "AID" for t, _, _ in coded), coded


def test_a_trainer_training_others_still_aids(resources):
    # guard: the trainer as subject gives aid (CAMEO 07)
    _assert_coded(resources, "The United States trained Ukrainian soldiers in Germany last spring.", "AID", None, "COOPERATE")


@pytest.mark.parametrize(
    "text, etype, cameo",
    [
        # verbs the lexicon lacked beside their listed synonyms
        ("The Indian government loaned $500 million to Sri Lanka for fuel imports.", "AID", None),
        ("Militiamen ransacked the offices of the electoral commission in Bangui.", "COERCE", "171"),
        ("Nigeria's president lambasted the ECOWAS commission over the sanctions on Niger.", "DISAPPROVE", None),
        ("Union leaders bargained with the Ford management until dawn in Detroit.", "CONSULT", "046"),
    ],
)
def test_verbs_beside_their_synonyms(resources, text, etype, cameo):
    _assert_coded(resources, text, etype, cameo, None)


def test_a_ruling_that_a_party_broke_a_law_finds_it_at_fault(resources):
    # a ruling that a party broke a law finds it at fault (CAMEO 116): the court the source, the party the target
    text = "Kenya's High Court ruled that the interior ministry had violated the constitution by deporting the journalist."
    events = extract(Document(text=text), resources).events
    coded = [(e.type, e.cameo, [a.sector for a in e.source], [a.sector for a in e.target]) for e in events]
    assert ("DISAPPROVE", "116", ["JUD"], ["GOV"]) in coded, coded


@pytest.mark.parametrize(
    "text",
    [
        # a ruling that a party did not break it finds no fault
        "The East African Court of Justice ruled that Uganda had not breached the treaty.",
        # a finding that is no breach of anything
        "The court ruled that the election would go ahead in March.",
    ],
)
def test_rulings_that_find_no_fault(resources, text):
    assert ("DISAPPROVE", "116") not in _coded(resources, text), _coded(resources, text)


def test_insisting_on_ones_own_course_is_no_demand(resources):
    # insisting on doing something (a gerund) holds to one's own course: no demand on anyone
    coded = _coded(resources, "Hungary insists on buying gas from Russia through the TurkStream pipeline.")
    assert all(t != "DEMAND" for t, _ in coded), coded


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # goods an authority held or impounded, let go: property returned (CAMEO 0842), even when they are food
        ("Kenyan customs released 25 containers of maize held at Mombasa since June to a Nairobi miller.", "RETREAT", "0842", "AID"),
        ("Port officials in Lagos released 12 trucks of rice impounded over unpaid duties.", "RETREAT", "0842", "AID"),
        # food released to the needy is aid
        ("The Indian government released 50,000 tonnes of rice to the flood-hit districts of Assam.", "AID", None, None),
    ],
)
def test_held_goods_released_are_returned(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


def test_forgiving_a_private_person(resources):
    # forgiving is the forgiver's act, whoever is forgiven (a private person no registry places), as apologising is
    text = "A Rwandan survivor told reporters that she had forgiven him."
    _assert_coded(resources, text, "SUPPORT", "056", None)
    text = "Kenyan Senator Gloria Orwoba said on Monday she had forgiven the blogger who insulted her."
    _assert_coded(resources, text, "SUPPORT", "056", None)


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # another's forces ordered to leave the country are expelled (CAMEO 166), not deployed
        ("Niger's junta ordered French troops to leave the country by the end of the year.", "SANCTION", "166", "MOBILIZE"),
        # guard: forces ordered to a place are deployed
        ("Russia ordered 10,000 troops to the border with Ukraine.", "MOBILIZE", "154", "SANCTION"),
        # a measure or text others propose, blocked, is rejected (CAMEO 120)
        ("Hungary blocked the EU's new sanctions package against Russia.", "REJECT", "120", None),
        ("Slovakia blocked the bloc's budget deal for a second week.", "REJECT", "120", None),
    ],
)
def test_orders_to_leave_and_blocked_measures(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


def test_own_troops_told_to_leave_are_not_expelled(resources):
    # guard: one's own forces told to leave are withdrawn, not expelled
    assert ("SANCTION", "166") not in _coded(resources, "France ordered its troops to leave Niger."), _coded(resources, "France ordered its troops to leave Niger.")


def test_a_sum_deposited_is_economic_aid_to_the_bank_s_state(resources):
    # a sum of money given, lent or deposited is economic aid (CAMEO 071), to whoever holds the bank it is put in
    events = extract(Document(text="The UAE deposited $2 billion in Egypt's central bank last week."), resources).events
    coded = [(e.type, e.cameo, [a.country for a in e.target]) for e in events]
    assert ("AID", "071", ["EGY"]) in coded, coded
