"""Issue 4: conflictual event types (THREATEN .. REJECT) in newspaper wording, on sentences written for these tests.

Each test has the construction that must be coded and a near miss that must not.
"""

from newsgraph.extract import extract
from newsgraph.model import Document


def _events(resources, text):
    return [(e.type, e.cameo) for e in extract(Document(text=text), resources).events]


def _has(resources, text, etype, cameo=None):
    events = _events(resources, text)
    assert any(t == etype and (cameo is None or c == cameo) for t, c in events), events


def _lacks(resources, text, etype, cameo=None):
    events = _events(resources, text)
    assert not any(t == etype and (cameo is None or c == cameo) for t, c in events), events


def test_walking_away_from_the_table_breaks_off_talks(resources):
    _has(resources, "Zambia's mineworkers union walked out of talks with the Zambian government after an hour.", "SANCTION", "164")
    _has(resources, "The Kenya National Union of Teachers walked away from the bargaining table with the Kenyan government.", "SANCTION", "164")
    # walking away from a crash or out of a prison breaks off no talks
    _lacks(resources, "The Kenyan driver walked away from the wreckage of his car in Nairobi.", "SANCTION")


def test_arson_is_violence_and_by_rioters_a_riot(resources):
    _has(resources, "Boko Haram fighters torched a mosque in Borno overnight, police said.", "ASSAULT", "1712")
    _has(resources, "Janjaweed militiamen burned the homes of 30 farming families in Darfur.", "ASSAULT", "1712")
    _has(resources, "Angry Nigerian youths torched a police station in Lagos after a motorcyclist died in custody.", "PROTEST", "145")
    _has(resources, "Rioters set ablaze a police post in the Kenyan city of Kisumu.", "PROTEST", "145")
    # a demolition by the authorities is coercion, not an attack
    _has(resources, "Israeli bulldozers demolished 40 Palestinian homes in East Jerusalem on Monday.", "COERCE", "171")
    _lacks(resources, "Israeli bulldozers demolished 40 Palestinian homes in East Jerusalem on Monday.", "ASSAULT")


def test_hunger_strikes_and_sick_outs(resources):
    _has(resources, "Four jailed Egyptian dissidents have refused food for three weeks, their families said.", "PROTEST", "142")
    _has(resources, "Kenyan activist Boniface Mwangi began an indefinite fast to press the Kenyan government.", "PROTEST", "142")
    # refusing an offer is a rejection, not a hunger strike
    _lacks(resources, "Egypt refused the Israeli offer of talks on Monday.", "PROTEST")


def test_charged_with_a_crime_is_legal_action(resources):
    _has(resources, "Turkish prosecutors charged the mayor of Istanbul with corruption on Tuesday.", "COERCE", "173")
    # charging that something happened is an accusation
    _has(resources, "The Kenyan opposition charged that the Kenyan government had rigged the vote.", "DISAPPROVE")
    _lacks(resources, "The Kenyan opposition charged that the Kenyan government had rigged the vote.", "COERCE")


def test_clamped_a_curfew(resources):
    _has(resources, "Nepalese authorities clamped a curfew on Kathmandu after two nights of rioting.", "COERCE", "1723")


def test_expelling_an_envoy_is_a_sanction(resources):
    _has(resources, "Kenya expelled the British high commissioner on Tuesday.", "SANCTION", "166")
    # expelling migrants is a deportation
    _lacks(resources, "Algeria expelled 300 Nigerien migrants on Tuesday.", "SANCTION")


def test_force_on_non_combatants_is_violence_not_combat(resources):
    _has(resources, "Syrian security forces opened fire on protesters in Deraa, killing 12 people.", "ASSAULT", "175")
    _has(resources, "Nigerian soldiers killed three villagers in a raid on the town, residents said.", "ASSAULT")
    # forces fighting forces, or people killed in an exchange of fire, is combat
    _has(resources, "Russian troops shelled Ukrainian positions near Bakhmut overnight.", "FIGHT")
    _lacks(resources, "Serbian forces killed three Albanian villagers in a gunbattle near the border, officials said.", "ASSAULT")


def test_calling_for_sanctions_against_rallies_opposition(resources):
    _has(resources, "Archbishop Desmond Tutu called for sanctions against Nigeria after the executions.", "DISAPPROVE", "113")
    _has(resources, "Turkish President Recep Tayyip Erdogan urged a boycott of French goods on Monday.", "DISAPPROVE", "113")
    # calling for sanctions to be lifted is a demand, not opposition
    _lacks(resources, "The European Union called on Russia to lift its sanctions on Polish apples.", "DISAPPROVE")


def test_sworn_to_fight_is_a_threat_sworn_in_is_nothing(resources):
    _has(resources, "The Taliban have sworn to fight until foreign troops leave Afghanistan.", "THREATEN")
    assert _events(resources, "Joe Biden was sworn in as president of the United States on Wednesday.") == []


def test_pausing_or_cutting_aid_and_ending_contracts(resources):
    _has(resources, "The UK has paused aid to Rwanda over its backing for M23 rebels.", "SANCTION", "162")
    _has(resources, "The World Food Programme cut food vouchers for Sudanese refugees in Chad.", "SANCTION", "162")
    _lacks(resources, "The UK has paused aid to Rwanda over its backing for M23 rebels.", "AID")
    _has(resources, "Kenya's Nairobi County voted to end its contract with China Road and Bridge Corporation.", "SANCTION", "160")
    # ending a war or a strike ends no contract
    _lacks(resources, "Kenyan doctors ended their strike against the Kenyan government on Monday.", "SANCTION")


def test_ordering_forces_out_is_an_expulsion(resources):
    _has(resources, "Mali's junta ordered French troops out of the country by the end of the year.", "SANCTION", "166")
    # ordering troops to a border mobilises them
    _lacks(resources, "Mali's junta ordered troops to the border with Burkina Faso.", "SANCTION")


def test_international_bodies_expelled_or_barred(resources):
    _has(resources, "Burkina Faso's junta expelled the UN resident coordinator on Friday.", "SANCTION")
    _has(resources, "Israel's Knesset barred UNRWA from operating on Israeli territory.", "SANCTION", "1663")
    # a party banned is a ban
    _has(resources, "Myanmar's junta banned the National League for Democracy on Tuesday.", "COERCE", "1722")


def test_penalties_are_administrative_sanctions(resources):
    _has(resources, "The Central Bank of Nigeria slapped a $2 million penalty on Zenith Bank for breaching currency rules.", "COERCE", "172")
    _has(resources, "The United States slapped sanctions on Zenith Bank on Monday.", "SANCTION")


def test_investigations_in_south_asian_and_audit_wording(resources):
    _has(resources, "India's Central Bureau of Investigation registered a case against former minister A. Raja.", "INVESTIGATE", "091")
    _has(resources, "India's National Human Rights Commission took suo motu cognisance of the death of a prisoner in Tamil Nadu.", "INVESTIGATE")
    _has(resources, "The UN Human Rights Council set up a fact-finding mission into the crackdown by Iranian security forces.", "INVESTIGATE")
    _has(resources, "Nigerian auditors are combing through the books of the Nigerian National Petroleum Corporation.", "INVESTIGATE")
    # infections counted are no police case
    _lacks(resources, "India registered 500 new cases of dengue on Monday.", "INVESTIGATE")


def test_verbal_attacks_court_and_defiance(resources):
    _has(resources, "Kenya's opposition leader Raila Odinga laid into Kenyan President William Ruto on Sunday.", "DISAPPROVE", "111")
    _has(resources, "Prince Harry hauled the Daily Mail's publisher into the High Court on Monday.", "DISAPPROVE", "115")
    _has(resources, "Kenya's parliament voted to keep the tax, defying Kenyan President William Ruto.", "REJECT", "128")
    _lacks(resources, "Defying the rain, thousands of Kenyan protesters marched on parliament.", "REJECT")
    _has(resources, "The British Treasury knocked back a plea from Tata Steel for subsidies.", "REJECT")


def test_asking_for_a_meeting(resources):
    _has(resources, "The Kenya Medical Practitioners Union wants an urgent audience with Kenyan President William Ruto.", "DEMAND", "106")


def test_beatings_abductions_seizures(resources):
    _has(resources, "A Kenyan police officer punched a Kenyan protester during the arrest.", "ASSAULT")
    _has(resources, "Russia pummelled Ukraine's energy grid with drones and missiles overnight.", "FIGHT")
    _has(resources, "Nigerian gunmen seized more than 280 pupils in Kaduna state.", "ASSAULT", "181")
    _has(resources, "Idaho State Police seized 60 pounds of fentanyl from a Mexican driver.", "COERCE", "1711")
    _has(resources, "A Pakistani Taliban suicide bomber rammed an explosives-laden car into a Pakistani police checkpoint.", "ASSAULT", "1831")
    _has(resources, "Chinese coastguard vessels hemmed in a Philippine patrol boat near Scarborough Shoal.", "COERCE", "191")
    _has(resources, "Nigeria's Department of State Services whisked away a Nigerian reporter from his home.", "COERCE", "173")
    # kicking off a campaign is no kick
    _lacks(resources, "Kenyan President William Ruto kicked off his campaign in Nairobi on Monday.", "ASSAULT")


def test_shows_of_force_and_police_surges(resources):
    _has(resources, "Minnesota Governor Tim Walz activated 400 members of the Minnesota National Guard.", "MOBILIZE")
    _has(resources, "The New York Police Department is flooding the subway with 1,000 extra officers.", "MOBILIZE", "153")
    _has(resources, "Scotland Yard drafted in 1,500 extra officers for the marches in London.", "MOBILIZE")
    _has(resources, "North Korea rolled out its newest missiles at a military parade in Pyongyang.", "MOBILIZE", "150")
    _has(resources, "Two Russian warships sailed through the English Channel in a show of strength.", "MOBILIZE", "150")
    _has(resources, "The Pakistan Army test-fired a guided rocket on Saturday.", "MOBILIZE", "150")
    _lacks(resources, "The Pakistan Army test-fired a guided rocket on Saturday.", "FIGHT")
    # a show of support is no show of force
    _lacks(resources, "Thousands of Kenyans marched in Nairobi in a show of support for Kenyan President William Ruto.", "MOBILIZE")


def test_breaking_a_ceasefire_is_fighting(resources):
    _has(resources, "Indian troops broke the ceasefire along the Line of Control on Sunday, the Pakistani army said.", "FIGHT", "196")
    # breaking up a rally is no ceasefire violation
    _lacks(resources, "Indonesian police broke up the rally in Jakarta.", "FIGHT")


def test_a_police_beating_is_no_combat(resources):
    _has(resources, "A Fresno police officer punched a handcuffed Mexican teenager during an arrest.", "ASSAULT")
    _lacks(resources, "A Fresno police officer punched a handcuffed Mexican teenager during an arrest.", "FIGHT")


def test_blockades_restrict_movement(resources):
    _has(resources, "Papua New Guinea's defence force tightened its blockade of Bougainville on Monday.", "COERCE", "191")
    _has(resources, "Israel imposed a naval blockade on Gaza in 2007.", "COERCE", "191")
    # sanctions stay sanctions
    _has(resources, "The United States imposed sanctions on Venezuela's oil company on Monday.", "SANCTION")


def test_stopping_an_aid_agency_is_an_expulsion(resources):
    _has(resources, "Ethiopia suspended the operations of Medecins Sans Frontieres for three months.", "SANCTION", "1663")
    # an agency suspending its own operations withdraws
    _has(resources, "Medecins Sans Frontieres suspended its operations in Sudan after an attack on its staff.", "RETREAT")
    _lacks(resources, "Medecins Sans Frontieres suspended its operations in Sudan after an attack on its staff.", "SANCTION")


def test_ultimatum_with_a_passive_alternative(resources):
    _has(resources, "Fiji's military commander Frank Bainimarama gave Prime Minister Laisenia Qarase until noon on Monday to meet his "
                    "demands or be removed from office.", "THREATEN", "139")
    # no alternative held out, no ultimatum
    _lacks(resources, "Fiji's military commander Frank Bainimarama gave Prime Minister Laisenia Qarase until noon on Monday to meet his "
                      "demands.", "THREATEN")


def test_a_deployment_planned_at_home_is_no_threat(resources):
    _has(resources, "The Metropolitan Police said it would deploy more than 1,000 officers around Tottenham on Saturday.", "MOBILIZE")
    # forces to be sent abroad are a threat
    _has(resources, "Russia said it would deploy nuclear missiles to Belarus.", "THREATEN")


def test_a_vow_answering_a_hostile_act_is_a_threat(resources):
    _has(resources, "British Columbia Premier David Eby vowed to pull American liquor off government store shelves if Washington goes "
                    "ahead with its tariffs on Canadian lumber.", "THREATEN")
    # a promise on a friendly or neutral condition stays a promise
    _has(resources, "Iran promised to resume talks with the European Union if the talks are held in Oman.", "AGREE")
    _lacks(resources, "Iran promised to resume talks with the European Union if the talks are held in Oman.", "THREATEN")


def test_a_blockade_named_by_its_critic_is_no_blockade_by_the_critic(resources):
    _lacks(resources, "Venezuela's ambassador to the UN, Samuel Moncada, condemned what he called the criminal blockade of Cuba.", "COERCE")


def test_an_armed_group_storming_a_place_attacks_it(resources):
    _has(resources, "Al-Shabaab fighters stormed a hotel in the Somali capital Mogadishu on Friday, killing at least 15 people.", "ASSAULT", "180")
    # protesters storming a building riot
    _has(resources, "Angry Kenyan protesters stormed the parliament building in Nairobi on Tuesday.", "PROTEST", "145")


def test_a_folded_act_is_part_of_the_trigger(resources):
    events = extract(Document(text="Donald Trump warned on Monday that Washington would impose crippling tariffs on Turkey."), resources).events
    threat = [e for e in events if e.type == "THREATEN"]
    assert threat and "impose" in threat[0].trigger and threat[0].trigger.startswith("warned"), [(e.type, e.trigger) for e in events]
    # an event that folds nothing keeps its own words
    events = extract(Document(text="Donald Trump warned Turkey on Monday."), resources).events
    assert all("impose" not in e.trigger for e in events)


def test_ordering_force_against_others_is_a_threat(resources):
    _has(resources, "Kenyan Interior Cabinet Secretary Kipchumba Murkomen told Kenyan police to shoot rioters who attack police stations.", "THREATEN", "138")
    # ordering an arrest, or a policy, stays a demand
    _has(resources, "Kenyan President William Ruto told Kenyan police to arrest the rioters.", "DEMAND")
    _lacks(resources, "Kenyan President William Ruto told Kenyan police to arrest the rioters.", "THREATEN")


def test_a_way_closed_by_state_forces_restricts_movement(resources):
    # a navy or police closing a port or roads restricts movement (CAMEO 191); civilians doing it obstruct (CAMEO 144)
    _has(resources, "The Israeli navy blockaded the port of Gaza.", "COERCE", "191")
    _has(resources, "Kenyan police sealed off the roads into Kisumu on Friday.", "COERCE", "191")
    _has(resources, "French farmers blockaded the port of Calais with tractors.", "PROTEST", "144")
    _lacks(resources, "French farmers blockaded the port of Calais with tractors.", "COERCE")
