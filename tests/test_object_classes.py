"""Object classes (newsgraph/data/events/object_classes.yaml): named noun classes that trigger senses refer to as
"@name" in their objects and unless lists, expanded once at load. Sentences are written for these tests."""

from pathlib import Path

import pytest
import yaml

from newsgraph.errors import DataFileError
from newsgraph.events.lexicon import default_lexicon, load_lexicon, load_object_classes
from newsgraph.extract import extract
from newsgraph.model import Document

ROOT = Path(__file__).resolve().parent.parent
TRIGGERS = ROOT / "newsgraph" / "data" / "events" / "triggers.yaml"
CLASSES = ROOT / "newsgraph" / "data" / "events" / "object_classes.yaml"


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_class_may_include_another_and_a_marker_may_end_in_one(tmp_path):
    classes = _write(tmp_path, "classes.yaml", "boats: [ferry, barge]\nvessels: ['@boats', tanker]\n")
    triggers = _write(tmp_path, "triggers.yaml", """
- lemmas: [seize]
  pos: VERB
  objects: ["@vessels", cash]
  unless: ["*prep:to:@boats"]
  type: COERCE
  cameo: "1711"
""")
    assert load_object_classes(classes)["vessels"] == {"ferry", "barge", "tanker"}
    sense = load_lexicon(triggers, synonyms=False, classes=classes).senses[0]
    assert sense.objects == {"ferry", "barge", "tanker", "cash"}
    assert sense.unless == {"*prep:to:ferry", "*prep:to:barge"}


@pytest.mark.parametrize("classes, triggers, message", [
    ("a: ['@b']\nb: ['@a']\n", None, "includes itself"),
    ("a: ['@nowhere']\n", None, "unknown class"),
    ("a: []\n", None, "non-empty list"),
    ("a: [x]\n", '- {lemmas: [seize], type: COERCE, objects: ["@b"]}\n', "sense 1 objects: unknown object class '@b'"),
])
def test_a_bad_class_reference_names_the_file_and_the_fault(tmp_path, classes, triggers, message):
    c = _write(tmp_path, "classes.yaml", classes)
    t = _write(tmp_path, "triggers.yaml", triggers or "- {lemmas: [seize], type: COERCE}\n")
    with pytest.raises(DataFileError, match=message):
        load_lexicon(t, synonyms=False, classes=c)


def test_every_shipped_class_is_used_and_expands_to_plain_words():
    """No dead class, and no "@" left in any sense after loading: the coder matches plain word sets."""
    text = TRIGGERS.read_text(encoding="utf-8")
    classes = yaml.safe_load(CLASSES.read_text(encoding="utf-8"))
    used = {n for n in classes if f"@{n}\"" in text or f"'@{n}'" in text
            or any(f"@{n}" in map(str, v) for v in classes.values())}
    assert used == set(classes)
    for s in default_lexicon().senses:
        assert not any("@" in w for w in set(s.objects or ()) | s.unless), s.lemmas


def _events(resources, text):
    return [(e.type, e.cameo, e.trigger) for e in extract(Document(text=text), resources).events]


@pytest.mark.parametrize("text, expected", [
    # @cargo: what a vessel or truck carries is seized, intercepted or traded whatever it is packed in
    ("Kenyan police seized three containers of counterfeit medicine at the border post.", ("COERCE", "1711", "seized containers")),
    ("Iran intercepted a consignment of weapons bound for Yemen.", ("COERCE", "1711", "intercepted consignment")),
    # @money: a sum of money, in any currency
    ("Kenyan customs officers seized $3 million in cash from a Tanzanian businessman.", ("COERCE", "1711", "seized million")),
    ("Nigerian police seized 40 million naira from a Ghanaian businessman.", ("COERCE", "1711", "seized naira")),
    # @vessels: every kind of boat
    ("The Indian navy sank a Pakistani barge off the coast of Gujarat.", ("FIGHT", "190", "sank barge")),
    # @rules: a rule, regulation or ordinance is scrapped as a bill or a policy is
    ("The Nigerian government scrapped the rules on foreign currency accounts.", ("CONCEDE", "0832", "scrapped rules")),
    # @small_arms: arms are seized as surely as they are handed in
    ("Kenyan police seized weapons and ammunition from Somali smugglers.", ("COERCE", "1711", "seized weapons")),
    ("Kenyan police seized a large cache of pistols from Somali smugglers.", ("COERCE", "1711", "seized pistols")),
    ("Somali rebels handed in their pistols to Kenyan monitors.", ("RETREAT", "0873", "handed in")),
    # @suspects: whoever a state's courts want is handed over, whatever the paper calls him
    ("Peru handed over a notorious drug kingpin to US agents.", ("COOPERATE", "063", "handed over kingpin")),
    # @records: a shipping manifest is shared as a file is
    ("Ghana shared cargo manifests with Togolese investigators.", ("COOPERATE", "064", "shared manifests")),
    # @vehicles: given as relief, burned in a riot
    ("The Indian charity donated 20 ambulances to the Nepalese health ministry.", ("AID", "070", "donated ambulances")),
    # @licences: a certificate is restored as a licence is
    ("The Kenyan ministry restored the broadcasting certificate of a Somali radio station.", ("CONCEDE", "081", "restored certificate")),
    # @cargo released: seized goods let go
    ("Tanzanian port authorities released 12 impounded containers of textiles on Friday.", ("RETREAT", "0842", "released containers")),
    # @assemblies: staying away from a sitting is a boycott
    ("Ugandan opposition MPs stayed away from the assembly during the budget vote.", ("PROTEST", "143", "stayed")),
    # @vessels in a marker, and classes in unless: people put aboard a ferry are removed; troops or the rescued are not
    ("Greek police put 80 Syrian asylum seekers aboard a boat back to Turkey.", ("COERCE", "174", "put")),
    # @explosives: set off as detonated
    ("Rebels set off a roadside bomb near a Malian army convoy.", ("ASSAULT", "183", "set off bomb")),
    # @gunfire: any fire traded
    ("Armenian and Azerbaijani forces traded shellfire along the border.", ("FIGHT", "190", "traded shellfire")),
    # @vessels blocked at sea: restricting movement, whatever the boat carries
    ("Turkish patrol ships blocked a Greek fishing boat in the Aegean.", ("COERCE", "191", "blocked boat")),
    # a marker ending in a class: sifting through any kind of record
    ("Nigerian auditors sifted through the evidence in the oil ministry's ledgers.", ("INVESTIGATE", "091", "sifted")),
    # @civilians: the same people taken, freed, evacuated or sheltered
    ("Somali gunmen seized 12 Kenyan passengers from a bus near Mandera.", ("ASSAULT", "181", "seized passengers")),
    ("Somali militants freed 20 Kenyan farmers.", ("RETREAT", "0841", "freed farmers")),
    ("Kenyan troops evacuated 300 Somali students from the border town.", ("AID", "073", "evacuated students")),
    # @envoys
    ("Ghana recalled its consul from Nigeria.", ("SANCTION", "161", "recalled consul")),
    ("Kenya recalled its charge d'affaires from Somalia.", ("SANCTION", "161", "recalled d'affaires")),
    # @grains: every staple, for trade as for relief
    ("Nigeria exported 2 million tonnes of sorghum to Niger last year.", ("COOPERATE", "061", "exported sorghum")),
    # @requests: whatever was asked or put forward is what is ignored or pushed back
    ("Iran ignored the Iraqi proposal for a joint border commission.", ("REJECT", "120", "ignored proposal")),
    ("Ethiopia pushed back Egypt's initiative on the Nile dam.", ("REJECT", "120", "pushed initiative")),
    # a marker ending in a class: put aboard any aircraft, or onto a flight, is a removal
    ("Thai police escorted the Cambodian activist onto a plane to Phnom Penh.", ("COERCE", "174", "escorted")),
    ("The Ugandan journalist was bundled aboard a plane to Kampala by Kenyan police.", ("COERCE", "174", "bundled")),
])
def test_a_class_member_meets_every_sense_that_names_the_class(resources, text, expected):
    assert expected in _events(resources, text)


@pytest.mark.parametrize("text, expected, not_expected", [
    # the sum is what was frozen, the aid is what it was: halting aid (162), not freezing assets (163)
    ("Britain froze $30 million in military aid to Uganda.", ("SANCTION", "162", "froze aid"), "163"),
    # ignoring a law is defying a norm (128), not turning down a request (120): rules are not in the ignore sense's class
    ("The Kenyan government ignored the law and deported the Ugandan activist.", ("REJECT", "128", "ignored law"), "120"),
])
def test_a_class_does_not_reach_senses_that_do_not_name_it(resources, text, expected, not_expected):
    events = _events(resources, text)
    assert expected in events
    assert not any(cameo == not_expected for _, cameo, _ in events)


def test_scrapping_things_that_are_not_rules_is_no_concession(resources):
    """Only the rules class was added to scrapping: old ships, or weights of drugs, are no rules or sums."""
    assert not any(t == "CONCEDE" for t, _, _ in _events(resources, "The Nigerian government scrapped the old ships of the Nigerian navy."))
    events = _events(resources, "Kenyan police seized 25 pounds of heroin from a Ugandan trader.")
    assert ("COERCE", "1711", "seized heroin") in events  # a pound here is a weight, not a currency


def test_an_escort_is_a_removal_only_onto_a_plane_and_never_for_a_visiting_leader(resources):
    assert not any(c == "174" for _, c, _ in _events(resources, "Kenyan police escorted the Ugandan president onto his plane after the summit."))
    assert not any(c == "174" for _, c, _ in _events(resources, "The Nigerian army escorted the Cameroonian refugees to their camp."))


def test_an_adverb_before_the_predicate_adjective_keeps_the_multiword_trigger(resources):
    """"held X fully responsible": the adverb makes the parser hang the adjective as a clause, not a small clause; it
    is still what the verb's sense asks for. An adjective no sense lists ("fully open") makes no event."""
    assert ("DISAPPROVE", "112", "held responsible") in _events(resources, "Kenya held Somalia fully responsible for the attack.")
    assert ("DISAPPROVE", "112", "held accountable") in _events(resources, "Kenya held Somalia directly accountable for the attack.")
    assert _events(resources, "The Kenyan minister held the briefing fully open to Somali journalists.") == []


@pytest.mark.parametrize("text", [
    "The Malaysian navy put 300 marines aboard a warship bound for Sabah.",  # troops: a deployment
    "Malaysian rescuers put the injured Indonesian fishermen aboard a helicopter.",  # the rescued
    "Kenyan workers stayed away from the office because of the floods.",  # an office is no sitting
    "The Kenyan government set off for talks in Mogadishu.",  # setting off on a journey
    "The Pakistani telecom regulator blocked the X platform on government orders.",  # a website, not an oil platform
])
def test_class_senses_keep_out_what_their_unless_classes_name(resources, text):
    assert not any(c in ("174", "143", "183", "191") for _, c, _ in _events(resources, text))


def test_a_sense_met_by_the_object_head_beats_one_met_by_its_modifier(resources):
    """"handed over a drug kingpin": the aid sense lists drugs (medicines), the extradition sense lists wanted people;
    the head noun says what was handed over. A shipment of aid released stays aid (its contents are the head)."""
    assert not any(t == "AID" for t, _, _ in _events(resources, "Peru handed over a notorious drug kingpin to US agents."))
    assert ("AID", "070", "released aid") in _events(resources, "Egypt released a shipment of aid to Gaza.")


def test_a_named_object_meets_a_sense_through_the_kind_beside_it(resources):
    """"the Ocean Star, a Liberian-flagged tanker": the apposition says what the name is. A common noun's apposition is
    not taken ("the deal, a blow to the opposition" names no thing of the deal's kind)."""
    text = "The Ocean Star, a Liberian-flagged tanker, was boarded by Iranian commandos in the Strait of Hormuz."
    assert any(t == "COERCE" and c == "1711" for t, c, _ in _events(resources, text))
    assert not any(t == "COERCE" for t, _, _ in _events(resources, "Iranian officials boarded a flight to Geneva, a city they rarely visit."))
