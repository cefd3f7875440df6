"""Which span fills an event's source or target when the parse hides it: a thing sent from a giver, told in the passive;
a pronoun object of a verb joined to an earlier one; a part of things as the subject; people described by what someone
else did to them. Sentences written for these tests (never evaluation text), each class with a case the rule must leave
alone."""

import pytest

from .test_event_roles import _codes, _event, _events


@pytest.mark.parametrize(
    "text, etype, source, target",
    [
        # a thing sent "from" someone "to" someone else, told in the passive, is the giver's: the giver is the source and the
        # "to" phrase the target (before, the giver was coded as the target and the source was empty)
        ("Intelligence from British agencies was passed to French police.", "COOPERATE", {"GBR"}, {"FRA"}),
        ("Loans from China were extended to Zambia last year.", "AID", {"CHN"}, {"ZMB"}),
        ("Food aid from Japan was delivered to Nepal on Monday.", "AID", {"JPN"}, {"NPL"}),
        # must-not: with no "to" phrase, what comes from someone is still whom the act answers
        ("Criticism from the European Union was rejected by Hungary.", "REJECT", {"HUN"}, {"IGO"}),
    ],
)
def test_a_thing_sent_from_a_giver_in_the_passive_is_the_givers(resources, text, etype, source, target):
    e = _event(resources, text, etype)
    assert (_codes(e.source), _codes(e.target)) == (source, target)


@pytest.mark.parametrize(
    "text, etype, target",
    [
        # an object pronoun of a verb joined to an earlier one stands for that verb's object (it cannot be the shared subject)
        ("Algerian police detained 600 Nigerien migrants and beat them.", "ASSAULT", {"NER"}),
        ("Kenyan police arrested a Somali cleric and beat him.", "ASSAULT", {"SOM"}),
        # "its" on the object, after a plural subject that cannot own it, is the earlier object's
        ("Somali pirates seized a Yemeni fishing boat and held its crew for ransom.", "ASSAULT", {"YEM"}),
        # must-not: "him" is no place; "its" after a singular subject may be the subject's own
        ("Kenyan police raided a Somali village and beat him.", "ASSAULT", set()),
        ("The Ethiopian army shelled an Eritrean border town and withdrew its troops.", "RETREAT", set()),
    ],
)
def test_a_pronoun_object_of_a_joined_verb_stands_for_the_earlier_object(resources, text, etype, target):
    assert _codes(_event(resources, text, etype).target) == target


@pytest.mark.parametrize(
    "text, source",
    [
        # a part or a count of things as the subject acts through what its "of" phrase names: here the sender of the things
        ("The last of the tanks sent by Germany arrived in Ukraine.", {"DEU"}),
        ("Two of the drones launched by Iran struck an Israeli base.", {"IRN"}),
        # must-not: a part of people is those people, as before
        ("Two of the Russian soldiers shelled a Ukrainian village.", {"RUS"}),
    ],
)
def test_a_part_of_things_acts_through_what_its_of_phrase_names(resources, text, source):
    events = _events(resources, text)
    assert events and _codes(events[0].source) == source


@pytest.mark.parametrize(
    "text, etype, target",
    [
        # people an act is done to, described by what someone else did to them, are its target, not that someone
        ("The Nigerian army rescued 20 Cameroonian fishermen kidnapped by Boko Haram.", "AID", {"CMR"}),
        ("Iraqi forces freed 40 Turkish hostages held by Islamic State militants.", "RETREAT", {"TUR"}),
        # must-not: a thing or an act so described still stands for its doer or holder
        ("Amnesty denounced the execution of prisoners by Iranian authorities.", "DISAPPROVE", {"IRN"}),
    ],
)
def test_people_described_by_a_participle_are_the_target_not_its_doer(resources, text, etype, target):
    assert _codes(_event(resources, text, etype).target) == target


@pytest.mark.parametrize(
    "text, source",
    [
        # a dateline the parser takes for a second subject, parted from the real one by its dash, is no party
        ("UNITED NATIONS — China on Tuesday vetoed a draft resolution tabled by France and Britain.", {"CHN"}),
        # must-not: subjects a dash sets off inside the sentence are still subjects
        ("Egypt — and its neighbour Sudan — on Monday rejected the plan.", {"EGY", "SDN"}),
    ],
)
def test_a_dateline_taken_for_a_second_subject_is_no_source(resources, text, source):
    assert _codes(_events(resources, text)[0].source) == source


@pytest.mark.parametrize(
    "text, target",
    [
        # a threat held until someone acts is aimed at them, though "the ministry" names no body met before
        ("The Kenya National Union of Teachers warned that its members would walk off the job if the ministry does not "
         "restore the raises.", {"KEN"}),
        ("Nigerian doctors threatened to strike unless the health ministry paid their arrears.", {"NGA"}),
        # must-not: a placed party of the act itself still outranks whom the condition names
        ("Beijing warned it would downgrade ties with Lithuania if a Taiwanese office opened in Vilnius.", {"LTU"}),
    ],
)
def test_a_threat_is_aimed_at_whom_its_condition_falls_on(resources, text, target):
    assert _codes(_event(resources, text, "THREATEN").target) == target


@pytest.mark.parametrize(
    "text, etype, target",
    [
        # a thing protested or asked about stands for who made it: its participle's agent or its possessive
        ("Kenyan students marched against a fee increase announced by the education ministry.", "PROTEST", {"KEN"}),
        ("Kenyan students marched against the education ministry's fee increase.", "PROTEST", {"KEN"}),
        # must-not: whose orders an act was done on is no target of it
        ("The Pakistani telecom regulator blocked the website on the interior ministry's orders.", "COERCE", set()),
    ],
)
def test_a_thing_protested_stands_for_who_made_it(resources, text, etype, target):
    assert _codes(_event(resources, text, etype).target) == target


@pytest.mark.parametrize(
    "text, target",
    [
        # a town or province of the giver's own state that aid is given to is its people: the state is the target
        ("The Quebec government sent $5 million in relief funds to the town of Rimouski on Friday.", {"CAN"}),
        ("The Cebu provincial government lent ten fire trucks to Davao City after the storm.", {"PHL"}),
        ("Canada sent $3 million in flood aid to Alberta.", {"CAN"}),
        # must-not: the capital stands for the state itself, which is no target of its own government
        ("The Ontario government sent $3 million to Ottawa.", set()),
        # a foreign recipient as before
        ("Kenya sent food aid to Somalia on Friday.", {"SOM"}),
    ],
)
def test_aid_to_a_town_at_home_is_aimed_at_the_home_state(resources, text, target):
    assert _codes(_event(resources, text, "AID").target) == target


@pytest.mark.parametrize(
    "text, target",
    [
        # who must do what a threat's condition asks is the one pressed, though no sector noun names it: a body at home
        ("The Denver teachers' union warned on Monday that its members would strike next month if the district does not "
         "restore the raises.", {"USA"}),
        ("Ghanaian nurses threatened to walk out unless the board pays their arrears.", {"GHA"}),
        # must-not: a condition on what happens, with no object, names no one pressed
        ("Nurses in Accra threatened to strike if the weather does not improve.", set()),
        # a named foreign body keeps its own code
        ("French farmers threatened to block roads if the European Commission does not drop the deal.", {"IGO"}),
    ],
)
def test_a_threats_condition_falls_on_its_subject_at_home_whatever_noun_names_it(resources, text, target):
    assert _codes(_event(resources, text, "THREATEN").target) == target
