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
