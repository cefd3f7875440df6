"""The press phrasebook (the last section of newsgraph/data/events/triggers.yaml): news idioms, phrasal verbs and light
verbs, on sentences written for these tests from general knowledge of news English (never evaluation text).

Each positive case names the PLOVER type, where it matters the CAMEO code, and a country that must be among the
sources and one among the targets; each must-not case is the everyday or figurative use of a polysemous entry.
"""

import pytest

from newsgraph.extract import extract
from newsgraph.model import Document


def _events(resources, text):
    return extract(Document(text=text), resources).events


def _countries(actors):
    return {a.country for a in actors}


# (text, type, cameo or None, source country or None, target country or None)
POSITIVE = [
    # AGREE
    ("Russia gave the green light to the pipeline project with Turkey.", "AGREE", "030", "RUS", "TUR"),
    ("Pakistan signed on to the initiative backed by China.", "AGREE", "030", "PAK", None),
    ("India okayed the proposal from Nepal.", "AGREE", "030", "IND", "NPL"),
    ("Serbia entered into an agreement with Kosovo.", "AGREE", "057", "SRB", None),
    ("Germany made overtures to Russia.", "AGREE", "030", "DEU", "RUS"),
    ("Turkey offered to mediate between Russia and Ukraine.", "AGREE", "039", "TUR", None),
    # CONSULT
    ("Blinken flew to Beijing on Sunday.", "CONSULT", "042", "USA", "CHN"),
    ("Modi jetted off to Washington on Tuesday.", "CONSULT", "042", "IND", "USA"),
    ("Biden dialled Netanyahu on Friday.", "CONSULT", "041", "USA", "ISR"),
    ("Washington reached out to Tehran.", "CONSULT", "040", "USA", "IRN"),
    ("Qatar played mediator between Israel and Hamas.", "CONSULT", "045", "QAT", None),
    # SUPPORT
    ("Germany came out in favour of the French plan.", "SUPPORT", "051", "DEU", None),
    ("Egypt and Ethiopia buried the hatchet on Tuesday.", "SUPPORT", "050", "EGY", None),
    ("Canada vouched for the Indian diplomat.", "SUPPORT", "052", "CAN", "IND"),
    ("Russia extended recognition to the breakaway regions of Georgia.", "SUPPORT", "054", "RUS", None),
    # COOPERATE
    ("Japan joined hands with India on the project.", "COOPERATE", "060", "JPN", "IND"),
    # AID
    ("Germany stumped up 2 billion euros for Ukraine.", "AID", "071", "DEU", "UKR"),
    ("Japan gifted ten ambulances to Ghana.", "AID", "070", "JPN", "GHA"),
    # CONCEDE
    ("The Kenyan finance minister tendered his resignation on Monday.", "CONCEDE", "0831", "KEN", None),
    ("Turkey dropped its objection to Sweden's membership of NATO.", "CONCEDE", "080", "TUR", None),
    # RETREAT
    ("The United States unfroze Iranian assets.", "RETREAT", "085", "USA", "IRN"),
    ("Russia halted its offensive against Ukraine.", "RETREAT", "087", "RUS", "UKR"),
    # SANCTION
    ("Russia declared the British diplomat persona non grata.", "SANCTION", "166", "RUS", "GBR"),
    ("The United States hit Russia with sanctions.", "SANCTION", "163", "USA", "RUS"),
    ("ECOWAS suspended Niger from the bloc.", "SANCTION", "160", None, "NER"),
    # THREATEN
    ("Israel vowed revenge against Hamas.", "THREATEN", "130", "ISR", None),
    ("China rattled its sabre over Taiwan.", "THREATEN", "138", "CHN", "TWN"),
    # DISAPPROVE
    ("Russia branded the American move a provocation.", "DISAPPROVE", "111", "RUS", None),
    ("The European Union voiced concern over the arrests in Georgia.", "DISAPPROVE", "111", None, None),
    ("India took issue with the report from Canada.", "DISAPPROVE", "111", "IND", None),
    ("China pointed the finger at the United States.", "DISAPPROVE", "112", "CHN", "USA"),
    # INVESTIGATE
    ("The UN sent a fact-finding mission to Myanmar.", "INVESTIGATE", "090", None, "MMR"),
    # REJECT
    ("Turkey blocked the accession of Sweden.", "REJECT", "120", "TUR", "SWE"),
    ("Iran balked at the demands of the United States.", "REJECT", "120", "IRN", None),
    ("Hungary held up the aid package for Ukraine.", "REJECT", "120", "HUN", None),
    # DEMAND
    ("The UN pleaded for access to Gaza.", "DEMAND", "020", None, None),
    ("Biden leaned on Netanyahu to agree to a truce.", "DEMAND", "100", "USA", "ISR"),
    ("The United States piled pressure on Israel to allow aid into Gaza.", "DEMAND", "100", "USA", "ISR"),
    # PROTEST
    ("The opposition in Bangladesh boycotted the election.", "PROTEST", "143", "BGD", None),
    ("Protesters in Tehran burned the flag of the United States.", "PROTEST", "141", "IRN", None),
    # MOBILIZE
    ("China flexed its military muscle near Taiwan.", "MOBILIZE", "150", "CHN", "TWN"),
    ("North Korea launched a ballistic missile into the sea.", "MOBILIZE", "150", "PRK", None),
    # COERCE
    ("Egyptian police picked up the activist in Cairo.", "COERCE", "173", "EGY", None),
    ("The Russian authorities took the American journalist into custody.", "COERCE", "173", "RUS", None),
    ("Bahrain stripped the critic of his citizenship.", "COERCE", "172", "BHR", None),
    # ASSAULT
    ("The Syrian army used chemical weapons against the rebels.", "ASSAULT", "2041", "SYR", None),
    # FIGHT
    ("The Ukrainian army retook the town from Russian forces.", "FIGHT", "192", "UKR", None),
    ("Israel launched rockets into Lebanon.", "FIGHT", "190", "ISR", "LBN"),
    # second round
    ("China put forward a peace plan for Ukraine.", "AGREE", "030", "CHN", None),
    ("Zelensky received a phone call from Biden.", "CONSULT", "041", "USA", "UKR"),
    ("Lavrov led a delegation to Beijing.", "CONSULT", "042", "RUS", "CHN"),
    ("Egypt bought fighter jets from France.", "COOPERATE", "062", "EGY", "FRA"),
    ("Russia called back its troops from the border with Ukraine.", "RETREAT", "0872", "RUS", None),
    ("Iran backed out of the deal with Britain.", "REJECT", "120", "IRN", None),
    ("Activists in Kenya chained themselves to the gates of parliament.", "PROTEST", "144", "KEN", None),
    ("The Chinese government clamped down on dissent.", "COERCE", "170", "CHN", None),
    ("Greece pushed back migrants to Turkey.", "COERCE", "174", "GRC", None),
    ("Ukraine downed a Russian drone.", "FIGHT", "195", "UKR", "RUS"),
    ("The Ukrainian army fended off an attack by Russian forces.", "FIGHT", "190", "UKR", None),
    ("Indian police launched a manhunt for the militants.", "INVESTIGATE", "091", "IND", None),
    # third round
    ("Trump cut a deal with China on trade.", "AGREE", "057", "USA", "CHN"),
    ("Egypt made peace with Israel in 1979.", "AGREE", "037", "EGY", "ISR"),
    ("Biden assured Zelensky of American support.", "SUPPORT", "051", "USA", "UKR"),
    ("The Arab League readmitted Syria to the bloc.", "SUPPORT", "050", None, "SYR"),
    ("Washington turned up the heat on Tehran.", "DEMAND", "100", "USA", "IRN"),
    ("Biden took a dig at Putin.", "DISAPPROVE", "111", "USA", "RUS"),
    ("The president of Peru called out the army.", "MOBILIZE", "154", "PER", None),
    ("Russian troops crossed the border into Ukraine.", "FIGHT", "192", "RUS", "UKR"),
    ("Armenia went to war with Azerbaijan in 2020.", "FIGHT", "190", "ARM", "AZE"),
    # fourth round
    ("Chinese coast guard vessels harassed Philippine fishing boats.", "COERCE", None, "CHN", "PHL"),
    ("Erdogan purged the army of critics.", "COERCE", "170", "TUR", None),
    # fifth round
    ("Russia returned 20 Ukrainian children.", "RETREAT", "0841", "RUS", "UKR"),
    ("China retaliated against the EU with tariffs on brandy.", "SANCTION", "163", "CHN", None),
    ("Iranian authorities hanged the protester.", "ASSAULT", "186", "IRN", None),
    ("The junta in Niger revoked military agreements with France.", "SANCTION", "160", "NER", "FRA"),
    ("Trump tore up the nuclear deal with Iran.", "SANCTION", "160", "USA", "IRN"),
    ("Azerbaijan seized control of Nagorno-Karabakh.", "FIGHT", "192", "AZE", None),
    # sixth round: what is investigated
    ("The ICC is investigating war crimes in Ukraine.", "INVESTIGATE", "094", None, "UKR"),
    ("The UN probed the torture of detainees in Libya.", "INVESTIGATE", "092", None, "LBY"),
    ("The UN rapped Israel over the settlements.", "DISAPPROVE", "111", None, "ISR"),
    ("A suicide blast rocked a mosque in Peshawar.", "ASSAULT", "183", None, None),
    # eighth round
    ("Colombia handed over the drug lord to the United States.", "COOPERATE", "063", "COL", "USA"),
    ("Russia moved nuclear weapons to Belarus.", "MOBILIZE", "154", "RUS", "BLR"),
    ("The EU welcomed Israel's decision to allow aid into Gaza.", "SUPPORT", "051", None, "ISR"),
    ("The US rushed air defence systems to Israel.", "AID", "072", "USA", "ISR"),
    # ninth round
    ("Iran gave assurances to the IAEA.", "AGREE", "030", "IRN", None),
    ("Israel retaliated with airstrikes on Gaza.", "FIGHT", "190", "ISR", "PSE"),
    ("Italy turned away migrant boats.", "COERCE", "174", "ITA", None),
    ("Xi hosted a state banquet for Putin.", "CONSULT", "043", "CHN", "RUS"),
    # tenth round
    ("Russia regretted the decision of the United States to withdraw.", "DISAPPROVE", "110", "RUS", "USA"),
    ("Israel retreated from its demand for a buffer zone.", "CONCEDE", "080", "ISR", None),
    ("Iran vowed to retaliate against Israel.", "THREATEN", None, "IRN", "ISR"),
    ("Iran retaliated against Israel.", "FIGHT", "190", "IRN", "ISR"),
    # second press round (s13-press2): trade, police and court, parliamentary, labour and regional idiom; nominal events
    ("The Indian firm announced a tie-up with a Japanese carmaker.", "COOPERATE", "061", "IND", "JPN"),
    ("India and Japan inked a currency swap.", "COOPERATE", "061", "IND", None),
    ("Tata entered into a joint venture with Airbus.", "COOPERATE", "061", None, None),
    ("The Chinese firm pulled out of the project in Pakistan.", "REJECT", "120", "CHN", None),
    ("Exxon walked away from the deal with Russia.", "REJECT", "120", None, "RUS"),
    ("The United States pulled out of the nuclear deal with Iran.", "SANCTION", "160", "USA", "IRN"),
    ("Iran pulled out of the talks with Britain.", "SANCTION", "164", "IRN", "GBR"),
    ("Kenya slapped the British bank with a fine.", "COERCE", "172", "KEN", None),
    ("The Kenyan president put the minister on leave.", "COERCE", "172", "KEN", None),
    ("Indian police slapped sedition charges on the activist.", "COERCE", "173", "IND", None),
    ("Police in Karachi booked the politician under the terrorism act.", "COERCE", "173", "PAK", None),
    ("The court in Lahore sent the former prime minister on judicial remand.", "COERCE", "173", "PAK", None),
    ("Police in Harare bundled the activist into a car.", "COERCE", "173", "ZWE", None),
    ("The arrest of the opposition leader by Ugandan police sparked protests.", "COERCE", "173", "UGA", None),
    ("India issued a lookout notice for the Nigerian businessman.", "COERCE", "173", "IND", "NGA"),
    ("India imposed prohibitory orders in Delhi.", "COERCE", "1721", "IND", None),
    ("The court in Johannesburg denied bail to the suspect.", "REJECT", "1243", "ZAF", None),
    ("The opposition in Pakistan moved a no-confidence motion against the prime minister.", "DISAPPROVE", "111", "PAK", None),
    ("Nigeria kicked against the policy of Britain.", "DISAPPROVE", "111", "NGA", "GBR"),
    ("The opposition in Ghana knocked the government.", "DISAPPROVE", "111", "GHA", None),
    ("The opposition in Kenya took a jibe at the government.", "DISAPPROVE", "111", "KEN", None),
    ("Teachers in Nigeria embarked on an indefinite strike.", "PROTEST", "143", "NGA", None),
    ("Workers in South Africa staged a stayaway.", "PROTEST", "143", "ZAF", None),
    ("A walkout by Kenyan doctors paralysed hospitals.", "PROTEST", "143", "KEN", None),
    ("Farmers in India blocked the highway in protest.", "PROTEST", "144", "IND", None),
    ("Activists in India courted arrest.", "PROTEST", "140", "IND", None),
    ("The union in Kenya issued a strike notice.", "THREATEN", "133", "KEN", None),
    ("India sounded a warning to Pakistan.", "THREATEN", "130", "IND", "PAK"),
    ("The union in Kenya issued a 7-day notice to the government.", "DEMAND", "100", "KEN", None),
    ("The NIA took over the probe into the blast.", "INVESTIGATE", "090", None, None),
    ("China rolled over its loan to Pakistan.", "AID", "071", "CHN", "PAK"),
    ("The UAE chipped in with 1 billion dollars for Pakistan.", "AID", "071", "ARE", "PAK"),
    ("The Pakistani prime minister undertook a visit to China.", "CONSULT", "042", "PAK", "CHN"),
    ("Herdsmen butchered 20 villagers in Benue.", "ASSAULT", "180", None, None),
    ("Troops in Borno dislodged the insurgents.", "FIGHT", "190", None, None),
    ("The Ukrainian army beat back the Russian assault.", "FIGHT", "190", "UKR", None),
    ("Indian troops foiled an infiltration bid by Pakistan.", "FIGHT", "190", "IND", None),
    ("The Indian government put the Chinese NGO under the scanner.", "INVESTIGATE", "090", "IND", None),
    ("India made a pitch for a seat on the Security Council.", "DEMAND", "100", "IND", None),
    ("The Senate in Nigeria junked the bill.", "REJECT", "120", "NGA", None),
    ("The Supreme Court of India pulled up the police.", "DISAPPROVE", "111", "IND", None),
    ("Workers in India raised slogans against the government.", "PROTEST", "141", "IND", None),
    ("Turkey froze out Israel.", "SANCTION", "160", "TUR", "ISR"),
    ("The ED attached the property of the minister of India.", "COERCE", "1711", None, None),
    ("Gunmen pumped bullets into the politician in Karachi.", "ASSAULT", "180", None, None),
    ("India and Japan signed on the dotted line.", "AGREE", "057", "IND", None),
    ("The militants in Nigeria renounced violence.", "RETREAT", "087", "NGA", None),
    ("The United States put boots on the ground in Syria.", "MOBILIZE", "154", "USA", None),
    ("India went to bat for Japan.", "SUPPORT", "052", "IND", "JPN"),
    ("Kenya sent a congratulatory message to Ghana.", "SUPPORT", "051", "KEN", "GHA"),
    ("India conveyed condolences to Nepal.", "SUPPORT", "051", "IND", "NPL"),
    ("China provided budgetary support to Pakistan.", "AID", "071", "CHN", "PAK"),
    ("The IMF released a tranche to Pakistan.", "AID", "071", None, "PAK"),
    ("The Indian foreign minister called up his Chinese counterpart.", "CONSULT", "041", "IND", "CHN"),
]


def check_entry(resources, text, etype, cameo, source, target):
    """A positive case of a phrasebook (this one, tests/test_object_phrasebook.py's): an event of the type (and CAMEO
    code, if given) with the source and target countries, if given."""
    events = _events(resources, text)
    hits = [e for e in events if e.type == etype and (cameo is None or e.cameo == cameo)]
    assert hits, [(e.type, e.cameo, e.trigger) for e in events]
    if source:
        assert any(source in _countries(e.source) for e in hits), [(e.source, e.target) for e in hits]
    if target:
        assert any(target in _countries(e.target) for e in hits), [(e.source, e.target) for e in hits]


def check_everyday_use(resources, text, wrong):
    """A must-not case of a phrasebook: the everyday use has no event of the type ``wrong``."""
    assert wrong not in [e.type for e in _events(resources, text)]


@pytest.mark.parametrize("text,etype,cameo,source,target", POSITIVE)
def test_phrasebook_entry(resources, text, etype, cameo, source, target):
    check_entry(resources, text, etype, cameo, source, target)


# (text, a type it must not have): the everyday or figurative use of a polysemous entry
MUST_NOT = [
    ("Apple released its quarterly results on Thursday.", "RETREAT"),
    ("The student handed in his homework.", "CONCEDE"),
    ("The mayor of Paris cut the ribbon at the new bridge.", "SANCTION"),
    ("Inflation in Germany eased to 3.2% in March.", "RETREAT"),
    ("The lake in Finland froze over in January.", "SANCTION"),
    ("Microsoft made an offer for Activision.", "AGREE"),
    ("Germany's economy lost ground to France.", "CONCEDE"),
    ("The central bank of Japan pumped billions into the economy.", "AID"),
    ("Rising prices in Britain put pressure on households.", "DEMAND"),
    ("The decision puts pressure on the Bank of England.", "DEMAND"),
    ("Storms knocked out power in Florida.", "FIGHT"),
    ("The Brazilian company took out a loan from a German bank.", "FIGHT"),
    ("The chef in Rome grilled the fish.", "INVESTIGATE"),
    ("The United Nations voiced concern over the drought in Somalia.", "DISAPPROVE"),
    ("Pakistan stopped work on the dam.", "PROTEST"),
    ("The talks in Geneva stalled in May.", "REJECT"),
    ("India launched a rocket carrying a lunar probe.", "MOBILIZE"),
    ("The company dropped its claim against Apple.", "CONCEDE"),
    ("The court in Nairobi dismissed the case against the former minister.", "CONCEDE"),
    ("China's leaders said all countries should unite and fight against bullying.", "THREATEN"),
    ("President Maduro insists on standing by his ally Russia.", "DEMAND"),
    ("Italy's economy reached a record high.", "AGREE"),
    ("The Kenyan runner flew to London for the marathon.", "FIGHT"),
    ("The Dutch company put forward its chief executive as a candidate.", "AGREE"),
    ("Rescuers in Turkey launched a search for survivors of the earthquake.", "INVESTIGATE"),
    ("The Nigerian doctors treated the patients with antibiotics.", "COERCE"),
    ("The Indian firm opened a new file on its website.", "INVESTIGATE"),
    ("The refugees from Syria crossed the border into Turkey.", "FIGHT"),
    ("The accountant in Berlin reconciled the figures for Germany.", "SUPPORT"),
    ("Iran registered 500 new cases of dengue on Monday.", "INVESTIGATE"),
    ("The coach added Smith from Brazil to the list of players for the match.", "SANCTION"),
    ("The German company purged its customer data.", "COERCE"),
    ("The Democrats in the United States seized control of the Senate.", "FIGHT"),
    ("Firefighters in Greece gained control of the blaze.", "FIGHT"),
    ("Children in Gaza returned to school.", "RETREAT"),
    ("The fans in London hanged a banner from the bridge.", "ASSAULT"),
    # found by reading the entries again for their everyday senses
    ("The candidates in the Brazilian election traded blows in the debate.", "ASSAULT"),
    ("The French president went on the offensive against his critics.", "FIGHT"),
    ("Ukrainians in Kyiv bear the cost of the war.", "AID"),
    ("The Dutch crew repaired the breach in the dike.", "SUPPORT"),
    ("The Turkish factory released toxins into the river.", "ASSAULT"),
    ("Protesters in Hong Kong held shields against the police.", "ASSAULT"),
    ("The Italian tourists went on a shopping spree in Milan.", "ASSAULT"),
    ("The king of Nepal was deposed in 2008.", "INVESTIGATE"),
    ("The Indian engineers launched a new search engine.", "INVESTIGATE"),
    ("The British army trained Ukrainian soldiers.", "MOBILIZE"),
    ("The American company closed its business in Russia.", "PROTEST"),
    ("A gas explosion shook the factory in Texas.", "ASSAULT"),
    ("Putin welcomed the Chinese delegation to Moscow.", "SUPPORT"),
    ("Venezuela's opposition denounced the deal with Russia.", "SANCTION"),
    ("The Swiss bank gave guarantees on the loan.", "AGREE"),
    ("Russia retaliated by expelling Western diplomats.", "FIGHT"),
    # second press round (s13-press2)
    ("The car was tied up in traffic in London.", "COOPERATE"),
    ("Russia and Ukraine agreed a prisoner swap.", "COOPERATE"),
    ("The striker chipped in with two goals for Arsenal.", "AID"),
    ("Australia walked away from the match with a draw.", "REJECT"),
    ("She was put on maternity leave by the Kenyan ministry.", "COERCE"),
    ("The minister from India booked a flight to London.", "COERCE"),
    ("India sent aid to the prisoners in Nepal.", "COERCE"),
    ("The Ukrainian army embarked on air strikes against Russia.", "PROTEST"),
    ("The striker from Ghana knocked the ball into the net.", "DISAPPROVE"),
    ("The BJP routed the Congress in the election in India.", "FIGHT"),
    ("The air force of India issued strike orders.", "THREATEN"),
    ("The ministry in Kenya issued a tender notice.", "DEMAND"),
    ("The new Indian film hit the streets in May.", "PROTEST"),
    ("The arrest warrant for Putin angered Russia.", "COERCE"),
    ("India attached great importance to its ties with Japan.", "COERCE"),
    ("China pumped money into the economy of Pakistan.", "ASSAULT"),
    ("The Indian driver pulled up the car at the border with Nepal.", "DISAPPROVE"),
    ("The Indian firm froze out its rivals.", "SANCTION"),
    ("The Italian shoe firm sent boots to Kenya.", "MOBILIZE"),
    ("Ukraine called up 10,000 reservists.", "CONSULT"),
    ("The Indian firm released its quarterly results.", "AID"),
]


@pytest.mark.parametrize("text,wrong", MUST_NOT)
def test_phrasebook_everyday_use_is_no_event(resources, text, wrong):
    check_everyday_use(resources, text, wrong)


def test_a_missile_launched_at_a_target_is_an_attack_and_one_into_the_sea_a_show_of_force(resources):
    attack = _events(resources, "Hezbollah launched rockets at Israel.")
    assert any(e.type == "FIGHT" for e in attack), [(e.type, e.trigger) for e in attack]
    test = _events(resources, "North Korea launched two missiles into the sea off its east coast.")
    assert not any(e.type == "FIGHT" for e in test), [(e.type, e.trigger) for e in test]


def test_press_phrasebook_section_is_last_and_marked():
    from importlib import resources as ir

    text = ir.files("newsgraph").joinpath("data", "events", "triggers.yaml").read_text(encoding="utf-8")
    head = "Press phrasebook: written from general knowledge of news English, without reading any evaluation record"
    assert text.count(head) == 1
    assert text.index(head) > text.index("FIGHT (CAMEO 19) and ASSAULT (CAMEO 18, 20)")
