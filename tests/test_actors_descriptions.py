"""Issue 4 (actor resolution for event coding): actors named by a title, a description, a shared country name or a
pronoun, on sentences written for these tests (people and organisations the registry does not list).

Each case asserts the ISO code and sector the resolver gives the phrase headed by one word, or that a phrase names
no actor; the must-not cases guard the rules from reaching too far.
"""

import pytest

from newsgraph.actors import ArgResolver, find_mentions
from newsgraph.evaluate.plover import actor_code
from newsgraph.nlp import parse


def _resolve(resources, text, word, nth=0):
    """(code, sector) of each actor the phrase headed by the ``nth`` occurrence of ``word`` denotes."""
    doc = parse(resources.nlp, text)
    spans = find_mentions(doc, resources.registry, None)
    r = ArgResolver(doc, spans, None, resources.registry)
    tok = [t for t in doc if t.text == word][nth]
    return [(actor_code(a), a.sector) for a in r.actors_for(tok)]


def _mentions(resources, text):
    doc = parse(resources.nlp, text)
    return [(doc[s.start : s.end].text, s.ref.country) for s in find_mentions(doc, resources.registry, None)]


@pytest.mark.parametrize(
    "text, word, expected",
    [
        # a titled person the registry lacks: the nationality word's state, the title's sector
        ("Ghanaian Trade Minister Kofi Boateng criticised Togo on Friday.", "Boateng", [("GHA", "GOV")]),
        ("Bolivian army commander Jaime Ortiz met the rebels on Monday.", "Ortiz", [("BOL", "MIL")]),
        ("Bolivian Supreme Court judge Jaime Ortiz ordered the release of the miners.", "Ortiz", [("BOL", "JUD")]),
        ("Police in Harare arrested opposition leader Tendai Mukoko on Sunday.", "Mukoko", [("ZWE", "OPP")]),
        # an unnamed official or leader: the adjective's state
        ("A senior Kazakh official accused Kyrgyzstan of diverting the river.", "official", [("KAZ", "GOV")]),
        ("The Guinean junta leader dismissed the French ambassador.", "leader", [("GIN", "GOV")]),
        # "the junta" is the state named before, not the story's most-named one
        ("Niger expelled Benin's envoy after Beninese officials and Benin's press criticised the junta's plan.", "junta",
         [("NER", "GOV")]),
        # capitalised adjectives opening a sentence are no names
        ("Mutinous soldiers seized the airport in Niamey on Thursday.", "soldiers", [("NER", "MIL")]),
        ("Renegade troops looted the market in Bangui.", "troops", [("CAF", "MIL")]),
        # unnamed organisations
        ("A local rights group in Bolivia accused the police of torture.", "group", [("BOL", "HRI")]),
        ("Human rights groups condemned the trial in Cairo.", "groups", [("NGO", "NGO")]),
        ("International aid agencies working in Somalia suspended their flights.", "agencies", [("NGO", "NGO")]),
        ("Malawian charities sent maize to Mozambique.", "charities", [("MWI", "NGO")]),
        ("State television in Bolivia said the army had arrested ten miners.", "television", [("BOL", "MED")]),
        ("Striking dockworkers blocked the port of Durban in South Africa.", "dockworkers", [("ZAF", "LAB")]),
        ("A miners' union in Peru called a national strike.", "union", [("PER", "LAB")]),
        ("Police in Kenya detained two rights activists overnight.", "activists", [("KEN", "HRI")]),
        ("The ruling party in Gabon expelled two senior members.", "party", [("GAB", "PTY")]),
        ("Indigenous leaders in Bolivia blocked the highway.", "leaders", [("BOL", "CVL")]),
        # officials are placed by where the phrase says they are, never by the story's state alone
        ("Election officials in Malawi rejected the complaint.", "officials", [("MWI", "GOV")]),
        ("Riot police in Lima dispersed the students.", "police", [("PER", "COP")]),
        # an officer is police unless an armed service's word says whose
        ("Sudanese army officers arrested the governor on Monday.", "officers", [("SDN", "MIL")]),
        ("Nigerian naval officers boarded the tanker off Bonny.", "officers", [("NGA", "MIL")]),
        ("Kenyan police officers arrested two traders.", "officers", [("KEN", "COP")]),
        ("Two Kenyan officers were shot at a roadblock.", "officers", [("KEN", "COP")]),
        ("Mali closed its border with Niger. The interior ministry said smugglers had attacked a post.", "ministry", [("MLI", "GOV")]),
        ("A spokesman for the Ethiopian foreign ministry rejected the report.", "spokesman", [("ETH", "GOV")]),
        # a backer named before "-backed" is not the group, nor what the story is about
        ("Moscow-backed separatists shelled the port of Mariupol in Ukraine.", "separatists", [("UKR", "REB")]),
        ("Iranian-funded militias attacked the base in Syria.", "militias", [("SYR", "MIL")]),
        # bare Congo is the DRC, unless the Republic of the Congo is named otherwise
        ("Angola accused Congo of sheltering the rebels.", "Congo", [("COD", None)]),
        ("Brazzaville expelled a Gabonese diplomat. Congo also closed the border with Gabon.", "Congo", [("COG", None)]),
        ("Kinshasa recalled its ambassador. Congo accused Rwanda of arming the rebels.", "Congo", [("COD", None)]),
        # bare Korea is the South unless only the North is named
        ("Korean police detained two Chinese fishing crews.", "police", [("KOR", "COP")]),
        ("North Korea tested a missile on Friday. Korean state media praised the launch.", "media", [("PRK", "MED")]),
    ],
)
def test_titles_descriptions_and_shared_names(resources, text, word, expected):
    assert _resolve(resources, text, word) == expected


@pytest.mark.parametrize(
    "text, word, nth, expected",
    [
        # "It" is the previous sentence's main subject, not a reported clause's
        ("Armenia said Turkey had closed the border. It then recalled its ambassador from Ankara.", "It", 0, [("ARM", None)]),
        # ... also when the name list holds that subject only as a modifier ("Kenyan", "Armenia's")
        ("The Ghanaian government accused Togo of arming the smugglers. It also recalled its ambassador.", "It", 0, [("GHA", "GOV")]),
        ("Armenia's defence ministry said Azerbaijan had shelled a village. It also accused Turkey of hiring mercenaries.", "It", 0,
         [("ARM", "GOV")]),
        # but never a person: "It" after the president's accusation is the other state
        ("Kenyan President William Ruto accused Uganda of arming the rebels. It denied the charge.", "It", 0, [("UGA", None)]),
        # ... and "they" likewise, capitalised plural included
        ("Rebels in Mali said government soldiers had burned their camps. They vowed to retaliate.", "They", 0, [("MLI", "REB")]),
        # an object pronoun is not its own verb's subject
        ("Zambia voted peacefully on Sunday. African Union observers praised it on Monday.", "it", 0, [("ZMB", None)]),
        ("Farmers in Peru said the police had beaten them.", "them", 0, [("PER", "CVL")]),
        # "the country's": the state named before, not the subject of the verb the phrase is the object of
        ("Ukraine said its air defences were overwhelmed. Russia attacked the country's army on Monday.", "army", 0, [("UKR", "MIL")]),
        ("Peru's congress voted to impeach the president. The country's top court later annulled the vote.", "court", 0, [("PER", "JUD")]),
        # definite descriptions taking up a diplomat or a legislature named before
        ("Canadian Ambassador Laura Whitcombe criticised the vote. Venezuela expelled the envoy on Friday.", "envoy", 0,
         [("CAN", "GOV")]),
        ("The Polish parliament condemned the Russian strikes and Russia's threats. Lawmakers also demanded sanctions on Moscow.",
         "Lawmakers", 0, [("POL", "LEG")]),
    ],
)
def test_pronouns_and_descriptions_take_up_the_right_phrase(resources, text, word, nth, expected):
    assert _resolve(resources, text, word, nth) == expected


def test_a_nationality_adjective_on_a_thing_or_a_title_alone_makes_no_person(resources):
    # "Uzbek cotton" names the state's cotton: no person, no title sector
    assert _resolve(resources, "Uzbek cotton was banned by the retailers.", "cotton") == [("UZB", None)]
    # a description with its own adjective is placed by it, not by the diplomat named before
    assert _resolve(resources, "Canadian Ambassador Laura Whitcombe spoke. Venezuela expelled the Cuban envoy.", "envoy") == [("CUB", "GOV")]
    # diplomats serve abroad: the embassy in Nairobi is not Kenya's; unplaced officials are nobody's
    assert _resolve(resources, "The embassy in Nairobi condemned the attack.", "embassy") == []
    assert _resolve(resources, "Officials condemned the attack on the convoy in Kenya.", "Officials") == []
    # no envoy named before: nothing to take up
    assert _resolve(resources, "Venezuela expelled the envoy on Friday.", "envoy") == []


def test_a_state_name_before_a_geographic_feature_is_no_actor(resources):
    assert ("Congo", "COD") not in _mentions(resources, "Barges on the Congo River carried fuel to the towns, Angola said.")
    assert not [m for m in _mentions(resources, "Vietnam sent ships into the South China Sea.") if m[1] == "CHN"]
    assert ("Congo", "COD") in _mentions(resources, "Uganda pledged to pull its troops out of eastern Congo.")


def test_names_that_open_a_sentence_are_kept_when_not_a_listed_modifier(resources):
    # "Kayapo" is a people's name, not one of the lexicon's capitalised modifiers: it stays a name (now a people the
    # registry places in Brazil)
    assert [m for m in _mentions(resources, "Kayapo chiefs demanded that the loggers leave.") if m[0] == "Kayapo"]
    assert ("Mutinous", None) not in _mentions(resources, "Mutinous soldiers seized the airport in Niamey.")


def test_a_wire_dateline_is_where_the_story_was_filed_not_an_actor(resources):
    from newsgraph.extract import extract
    from newsgraph.model import Document

    text = "WASHINGTON — Russia accused Ukraine of attacking a pipeline on Monday."
    assert _resolve(resources, text, "WASHINGTON") == []
    events = [e for e in extract(Document(text=text), resources).events if e.type == "DISAPPROVE"]
    assert events and {actor_code(a) for a in events[0].source} == {"RUS"}
    assert _resolve(resources, "MOMBASA, Kenya (AP) — Dockworkers blocked the port on Monday.", "Kenya") == []
    assert _resolve(resources, "MOMBASA, Kenya (AP) — Dockworkers blocked the port on Monday.", "Dockworkers") == [("KEN", "LAB")]
    # a body or a state in capitals opening a sentence before a dash is no dateline
    assert _resolve(resources, "NATO - the alliance - accused Russia of attacking a pipeline.", "NATO") == [("IGO", "IGO")]
    assert _resolve(resources, "CHINA - the world's biggest buyer - accused Australia of dumping wine.", "CHINA") == [("CHN", None)]


def test_an_unknown_organisation_is_placed_by_the_town_its_name_opens_with(resources):
    # "Detroit Federation of Teachers": a town in the gazetteer opens the name
    assert _resolve(resources, "The Detroit Federation of Teachers endorsed the mayor on Monday.", "Federation") == [("USA", "EDU")]
    # "... of Curitiba" ends it
    assert _resolve(resources, "The Metalworkers Union of Curitiba called a strike on Monday.", "Union")[0][0] == "BRA"
    # a name that is only the town is no organisation placed by itself; an unknown name with no town stays unplaced
    assert _resolve(resources, "Zorblax Holdings endorsed the mayor on Monday.", "Holdings")[0][0] is None

