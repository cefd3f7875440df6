"""Event types and CAMEO codes of newspaper-style sentences, written for these tests (never evaluation text).

Each table is one class of the coder's sense choice: the type a sense gives, the CAMEO code it maps to, and the
recodings that follow from who acts on whom.
"""

import pytest

from newsgraph.extract import extract
from newsgraph.model import Document


def _coded(resources, text):
    return [(e.type, e.cameo) for e in extract(Document(text=text), resources).events]


def _assert_coded(resources, text, etype, cameo, wrong):
    """``etype`` (with ``cameo``, unless None) among the text's events, and no event of type ``wrong`` (unless None)."""
    coded = _coded(resources, text)
    assert any(t == etype and (cameo is None or c == cameo) for t, c in coded), (text, coded)
    assert wrong is None or all(t != wrong for t, _ in coded), (text, coded)


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # a licence or permit given back is eased (CAMEO 081), whoever holds it: a company too (not the 085 of economic
        # sanctions)
        ("Kenya's energy regulator has reinstated the operating permit of a Mombasa fuel importer.", "CONCEDE", "081", "RETREAT"),
        # restrictions eased on a business stay economic (CAMEO 085)
        ("The U.S. Treasury eased restrictions on the Belarusian potash producer Belaruskali.", "RETREAT", "085", None),
        # inspectors' accreditation withdrawn sends the inspectors away (CAMEO 166), no licence revoked
        ("Iran has withdrawn the accreditation of two inspectors from the International Atomic Energy Agency.", "SANCTION", "166", "COERCE"),
        # held out, a coercive administrative measure is CAMEO 132, a curfew 1323
        ("The governor of Kano warned that he would impose a curfew on the city if the riots continued.", "THREATEN", "1323", None),
        ("Kenya's president threatened to ban the opposition party on Monday.", "THREATEN", "1322", None),
    ],
)
def test_licences_and_administrative_sanctions(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # a guard or militia called up is mobilised (CAMEO 154), not called on
        ("The governor of Ohio called up the National Guard on Tuesday.", "MOBILIZE", "154", "DEMAND"),
        ("Mali's junta called up the militia in the north on Friday.", "MOBILIZE", "154", "DEMAND"),
        # a quantity of goods seized is goods seized (CAMEO 1711)
        ("Nigerian customs officers seized 300 tonnes of rice belonging to a Lagos importer.", "COERCE", "1711", None),
        ("Police in Lahore seized 40 bags of flour from a hoarder's warehouse.", "COERCE", "1711", None),
        # electricity sold across a border is trade (CAMEO 061)
        ("Ethiopia began exporting 200 megawatts to Kenya's power utility KPLC on Monday.", "COOPERATE", "061", None),
        ("Uganda sells electricity to Rwanda under a ten-year contract.", "COOPERATE", "061", None),
        # sitting with someone, as sitting down with them, is meeting them
        ("Two Kenyan officers sat for three hours with Somali elders, listening to their complaints.", "CONSULT", "040", None),
    ],
)
def test_mobilising_seizing_trading_meeting(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # fire on a gathering of protesters or mourners falls on its people: violent repression, not battle
        ("Kenyan police opened fire on a sit-in outside the county offices in Kisumu on Monday.", "ASSAULT", "175", "FIGHT"),
        ("Kenyan soldiers opened fire on a funeral procession in Mandera.", "ASSAULT", "175", "FIGHT"),
        # on armed men it stays fighting
        ("Kenyan soldiers opened fire on al-Shabaab fighters near Mandera.", "FIGHT", None, "ASSAULT"),
        # a company named Shell is no heavy weapon: what rebels or saboteurs blow up of its is an attack (CAMEO 183),
        # not conventional war; saboteurs, pirates and bandits are irregulars, as guerrillas and militias are
        ("Rebels blew up a section of a Shell pipeline near Warri on Friday.", "ASSAULT", "183", "FIGHT"),
        ("Saboteurs blew up a section of the pipeline near Bodo, forcing Shell's Nigerian unit to halt output.", "ASSAULT", "183", "FIGHT"),
        ("Nigerian troops shelled rebel positions near Warri on Friday.", "FIGHT", None, None),
    ],
)
def test_force_on_gatherings_and_by_irregulars(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # a joint undertaking left, or an investment taken out, cuts ties that were (CAMEO 160)
        ("Shell is pulling out of its joint ventures with Gazprom, the company said on Monday.", "SANCTION", "160", "REJECT"),
        ("Norway's wealth fund said on Friday it had divested from Barrick Gold.", "SANCTION", "160", None),
        # a bid or takeover pulled is an offer declined
        ("China Harbour pulled out of the bid for the Lamu port on Monday.", "REJECT", "120", "SANCTION"),
        # the internet switched back on is access given back (CAMEO 0811); off, it is cut (1721)
        ("Ethiopian authorities switched mobile internet back on across the Amhara region on Tuesday.", "CONCEDE", "0811", None),
        ("Ethiopian authorities switched off mobile internet across the Amhara region on Tuesday.", "COERCE", "1721", "CONCEDE"),
        # a business concession is a lease, no yielding; the running of a port contracted out is economic cooperation
        ("The Oyo State government handed management of the port to a Lagos firm under a 25-year concession.", "COOPERATE", "061", "CONCEDE"),
        ("The Kenyan government made a major concession to the striking teachers on Friday.", "CONCEDE", "080", None),
    ],
)
def test_ties_cut_access_given_back_and_business_concessions(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # peacekeepers arriving, or a batch of them, are peacekeepers deployed (CAMEO 074), no visit
        ("The first contingent of Kenyan peacekeepers arrived in Haiti on Tuesday.", "AID", "074", "CONSULT"),
        ("Two battalions of Kenyan peacekeeping troops arrived in Haiti on Tuesday.", "AID", "074", "CONSULT"),
        ("The Kenyan foreign minister arrived in Addis Ababa on Tuesday.", "CONSULT", "042", "AID"),
        # several states' forces exercising or patrolling together cooperate militarily (CAMEO 062)
        ("Kenya and Tanzania began a trilateral naval exercise with Uganda off Mombasa on Monday.", "COOPERATE", "062", "MOBILIZE"),
        ("Troops from Ghana and Togo patrolled together along the border near Aflao this week.", "COOPERATE", "062", "MOBILIZE"),
        ("Kenyan and Ugandan soldiers trained jointly at Isiolo in March.", "COOPERATE", "062", None),
        # alone, a patrol near someone's islands is a show of force (CAMEO 150)
        ("Chinese warships patrolled near the Senkaku islands on Monday.", "MOBILIZE", "150", "COOPERATE"),
    ],
)
def test_peacekeepers_arriving_and_forces_together(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # troops sent to lead or join a stabilisation force keep the peace (CAMEO 074), the cue before a comma too
        ("Rwanda sent 2,000 soldiers to Mozambique on Monday to lead a regional stabilisation force, months after insurgents "
         "overran the port of Palma.", "AID", "074", "MOBILIZE"),
        # of two things sent, the first named is what the act is about: police sent with their trucks are deployed
        ("The Jalisco state government sent 500 police officers and 30 armoured trucks to Lagos de Moreno on Sunday.",
         "MOBILIZE", None, "AID"),
        # a container and its contents are one object: a shipment of aid released is aid released
        ("Kenya released a shipment of maize aid to Somalia on Monday.", "AID", None, None),
        # a dissident taken in by an embassy is sheltered (CAMEO 075)
        ("The Swedish embassy in Minsk took in the dissident writer Ales Bialiatski for three weeks.", "AID", "075", None),
    ],
)
def test_purpose_first_object_and_shelter(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # aid agencies ordered out of a region are expelled, as foreign missions are
        ("Ethiopia ordered nine foreign aid groups, among them Oxfam, out of Tigray on Friday.", "SANCTION", None, None),
        # a listed verb whose irregular past the tagger leaves as its own lemma
        ("Presidential spokesman Juan Perez on Tuesday leapt to the defence of Kenya's finance minister.", "SUPPORT", "052", None),
        # relief carried from an agency is that agency's aid (CAMEO 073)
        ("Trucks carrying maize and beans from the World Food Programme reached displaced families in Baidoa on Friday.", "AID", "073", None),
    ],
)
def test_expelled_agencies_irregular_pasts_and_relief_carried(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


def test_irregular_pasts_of_listed_verbs_are_forms():
    from newsgraph.events.lexicon import verb_forms

    assert "leapt" in verb_forms("leap") and "sprang" in verb_forms("spring") and "tore" in verb_forms("tear")


@pytest.mark.parametrize(
    "text, etype, cameo, wrong",
    [
        # a step taken back, or one's course reversed, is a concession (CAMEO 0832)
        ("The Nairobi county assembly voted on Tuesday to let hawkers trade in the city centre, reversing course after weeks "
         "of protests.", "CONCEDE", "0832", None),
        ("Kenya's treasury scrapped the removal of the maize subsidy on Monday.", "CONCEDE", "0832", None),
    ],
)
def test_steps_taken_back(resources, text, etype, cameo, wrong):
    _assert_coded(resources, text, etype, cameo, wrong)


def test_a_rate_cut_reversed_is_no_concession(resources):
    assert ("CONCEDE", "0832") not in _coded(resources, "Kenya's central bank reversed its rate cut on Monday.")
