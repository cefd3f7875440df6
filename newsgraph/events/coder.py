"""The event coder: PLOVER events from the dependency parse, driven by the trigger lexicon.

For each sentence: find trigger words (verbs and nouns whose lemma and
arguments match a sense in ``data/events/triggers.yaml``), take source and
target from syntax (subject, passive agent, objects, prepositional roles,
possessives and premodifiers of nominal events), fold clausal complements
into their governing event ("threatened to impose tariffs" is one THREATEN),
and judge factuality and attribution from negation, modals, governing verbs
and reporting frames.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib

from ..actors.entities import ORGANISATION_HEADS as ENTITY_ORGANISATION_HEADS
from ..actors.resolve import MILITARY_RANKS, ORGANISATION_HEADS, PARTITIVE_NOUNS, PRONOUNS_PERSON, PRONOUNS_PLURAL, PRONOUNS_THING, ArgResolver, brokered_by, dedupe, is_group_noun, names_a_currency, provisional_id, sector_nouns, singular
from ..datelines import DATELINE_DASHES
from ..model import ActorRef, Event, Quantity
from ..nlp import VERBAL_POS, DocArrays, doc_arrays, span_text
from ..quantities import quantities_for_event
from ..time import EventDates
from ..time.events import BACKGROUND_MARKS, background_clause
from .lexicon import Lexicon, Sense, load_ontology
from .modality import ACCOUNTING_PREPS, REPORTING_VERBS, THREAT_VERBS, Modality, accounting_verb, analyse

# parts of a whole in a series, as a subject ("the first of the tanks", "the last of the convoys"); counts are PARTITIVE_NOUNS
ORDINAL_PARTS = {"first", "last", "second", "latest", "final"}
# verbs of handing people or places over to a court, a state or custody ("hand" and "turn" with "over")
HANDOVER_VERBS = {"hand", "transfer", "extradite", "surrender", "repatriate", "turn"}
# participles that name who receives the thing: "a license granted to Chevron", "loans extended to Caracas"
TRANSFER_PARTICIPLES = {"grant", "give", "issue", "award", "extend", "send", "provide", "offer", "deliver", "lend", "sell", "sign", "hold", "own"}
# participles that tie a thing to whose it is ("froze bank accounts linked to Ben Ali", "trees belonging to farmers")
OWNING_PARTICIPLES = {"belong", "link", "tie", "connect"}
HALT_VERBS = {"stop", "halt", "cease", "suspend", "end", "quit", "abandon", "discontinue"}
COOPERATIVE_TYPES = {"COOPERATE", "AID", "CONSULT", "AGREE", "SUPPORT"}
# types whose action falls on the people of a place (imposing or lifting a curfew, martial law or a ban,
# protesting, withdrawing from a town): with nobody named, the place's state is the target. Not violence:
# where a battle happens says little about whom it is against.
PLACE_AFFECTING_TYPES = {"COERCE", "PROTEST", "CONCEDE", "RETREAT", "THREATEN"}

# types whose object may be the doer's own forces, moved, offered or pulled back rather than acted on ("ordered ten
# battalions to the border with Colombia", "offered its troops to Lebanon", "withdrew its soldiers from ..."): those
# forces are not the target, the place or party they go to is
INSTRUMENT_TYPES = {"MOBILIZE", "RETREAT", "AID", "AGREE", "COOPERATE", "THREATEN"}
# types that give something to whom their to-phrase names: a town at home given aid is a party, not a venue
GIVING_TYPES = {"AID", "COOPERATE"}

# weapons that stand as the subject of violence when no attacker is named ("a car bomb killed ...")
ATTACK_INSTRUMENTS = {"bomb", "bombing", "explosion", "blast", "device", "mine", "minefield", "landmine", "rocket", "missile", "shell",
                      "mortar", "grenade", "ied", "attack", "ambush", "airstrike", "strike", "shelling", "gunfire"}

# of those, the ones planted or thrown where they strike, whose place is the attack's when no one claims it ("killed in a car
# bomb explosion in Beirut")
HIDDEN_WEAPONS = {"bomb", "bombing", "explosion", "blast", "device", "mine", "landmine", "grenade", "ied", "attack", "ambush"}

# crowds whose violence is a riot, not an attack or a coercive act
RIOTERS = {"rioter", "mob", "looter", "protester", "protestor", "demonstrator", "crowd", "youth"}
# modifiers that make any crowd rioters ("rioting youths", "rampaging fans", "angry villagers")
RIOTING = {"rioting", "rampaging", "marauding", "angry", "irate", "enraged", "furious"}  # not "riot": "riot police"
# sectors of organised groups, whose youths or men beating someone are no crowd out of control
ORGANISED_SECTORS = {"POL", "PTY", "REB", "MIL", "COP", "SPY"}
# sectors of people who are not armed forces or officials: what they occupy, they occupy in protest
CIVILIAN_SECTORS = {"CVL", "EDU", "LAB", "OPP", "REL", "MED", "AGR"}
CROWD_SECTORS = {"CVL", "EDU", "LAB"}
TROOP_WORDS = {"troop", "troops", "soldier", "force", "battalion", "brigade", "contingent"}
BORDER_WORDS = {"border", "frontier", "boundary"}
VOW_WORDS = {"vow", "pledge", "promise", "swear"}
ORDER_WORDS = {"tell", "order", "instruct", "direct", "authorise", "authorize"}

# people who attack without a name or a side: "armed men", "a suicide bomber", "unknown assailants"
NAMELESS_ATTACKERS = {"man", "bomber", "attacker", "assailant", "kidnapper", "abductor", "hijacker", "gunman", "sniper", "arsonist"}

# what makes violence conventional warfare (CAMEO 19) rather than unconventional (CAMEO 18)
ARMED_FORCES = {"troop", "soldier", "army", "force", "navy", "warship", "battalion", "brigade", "military", "marine", "aircraft",
                "warplane", "helicopter", "gunship", "jet", "tank", "artillery"}
HEAVY_WEAPONS = {"artillery", "tank", "missile", "mortar", "warplane", "gunship", "airstrike", "shelling", "shell", "bombardment"}
# who is shot or killed when violence falls on the unarmed: one-sided violence (ASSAULT), not battle (FIGHT), even by soldiers
# ("security forces opened fire on protesters", "troops shot dead six priests", "agents killed a journalist")
# the sector lexicon's (sector_nouns.yaml) words for the unarmed and for the armed, and the people it does not list
# (no sector: a man, a teenager, a shopper; office holders, whose sector's nouns also name bodies and buildings)
UNARMED_SECTORS = {"CVL", "EDU", "REL", "LAB", "MED", "HRI", "OPP", "JUD", "LEG"}
ARMED_SECTORS = {"MIL", "REB", "COP"}
UNLISTED_CIVILIANS = {"crowd", "monk", "nun", "photographer", "man", "boy", "girl", "person", "shopper", "patient", "supporter",
                      "bystander", "politician", "candidate", "critic", "opponent", "suspect", "lawyer", "attorney", "vendor",
                      "businessman", "businesswoman", "pastor", "teenager", "mayor", "president", "minister", "diplomat", "trader",
                      "year-old"}  # "a handcuffed 17-year-old was punched"
# gatherings of protesters or mourners: violence on one falls on its people ("opened fire on the sit-in", "fired on a
# funeral procession"); victims only, not people a role may stand for (PEOPLE_WORDS)
UNARMED_GATHERINGS = frozenset({"sit-in", "rally", "demonstration", "march", "vigil", "procession", "funeral", "gathering"})
UNLISTED_ARMED = {"combatant", "sniper"}
# civilians of the lexicon that violence meets as often in a clash as in one-sided violence: neither side's word
CLASHING_CIVILIANS = {"youth", "thug", "rioter", "looter", "mob"}


@functools.cache
def victim_words() -> tuple[frozenset[str], frozenset[str]]:
    """(civilian, armed) victim nouns: who is shot or killed when violence falls on the unarmed is one-sided violence
    (ASSAULT), not battle (FIGHT), even by soldiers ("security forces opened fire on protesters", "troops shot dead six
    priests", "agents killed a journalist"); armed victims, and battle, keep it fighting ("killed two rebel commanders",
    "killed three Albanians in a gunbattle")."""
    nouns = sector_nouns()
    civilian = {n for n, sector in nouns.items() if sector in UNARMED_SECTORS and n not in CLASHING_CIVILIANS} | UNLISTED_CIVILIANS
    armed = {n for n, sector in nouns.items() if sector in ARMED_SECTORS} | UNLISTED_ARMED
    return frozenset(civilian), frozenset(armed)


CIVILIAN_VICTIMS, ARMED_VICTIMS = victim_words()  # derived at import: the sets the rules below extend
# people named by what they are, of no sector: whom an act falls on, with no name or place, is of the state it happens in
# (not customers, clients or investors: an exporter's or a fund's are as often abroad)
PEOPLE_WORDS = CIVILIAN_VICTIMS | {"consumer", "homeowner", "tenant", "motorist", "employee", "borrower", "depositor", "parent",
                                   "individual", "youngster", "teen", "commuter", "pedestrian", "cyclist", "rider", "traveller",
                                   "traveler", "holidaymaker", "beachgoer", "churchgoer", "concertgoer", "spectator", "fan", "diner",
                                   "pensioner", "retiree", "widow", "orphan", "infant", "baby", "toddler", "minor", "juvenile",
                                   "landowner", "householder", "household", "occupant", "squatter", "evacuee", "survivor", "victim", "wife",
                                   "husband", "son", "daughter", "mother", "father", "relative"}
# verbs of telling someone something: whom a participle of them addresses is whom the act it goes on from is aimed at
ADDRESS_VERBS = {"tell", "assure", "inform", "reassure", "remind", "notify"}
# verbs of letting someone do something: whom a participle of them lets act is whom a concession benefits ("repealed the
# clause, clearing the way for opposition groups to register", "lifted the ban, allowing the party to campaign")
ENABLING_VERBS = {"allow", "let", "enable", "permit", "clear", "pave"}
# verbs whose complement is a bare infinitive with its own subject: "let the tanker sail", "made them sign", "helped
# farmers replant" (the parser makes it a ccomp, the subject its nsubj: the verb's object, as in "allowed them to leave")
BARE_INFINITIVE_VERBS = {"let", "make", "help", "have", "see", "watch", "hear"}
# a length of time given to do something: "gave the ambassador 72 hours to leave", "a week to comply or face sanctions"
TIME_UNITS = {"minute", "hour", "day", "week", "month", "year"}
# verbs of serving a body: a person's relative clause of them ties the person to it ("diplomats who worked for the embassy")
SERVICE_VERBS = {"work", "serve", "fight", "belong", "spy", "report"}
# what an authority grants at home: whose licence, permit, contract or funding it withdraws is of its own state, though a
# sanction is as often aimed abroad ("revoked the permits of four workshops", "pulled funding from the clinic")
GRANTED_THINGS = {"licence", "license", "permit", "contract", "funding", "grant", "subsidy", "accreditation", "registration",
                  "franchise", "lease", "tender", "certificate", "authorisation", "authorization", "approval"}
# verbs of demanding: the clause of a participle of them says whom a protest presses ("on strike, demanding that X ...")
DEMANDING_VERBS = {"demand", "insist", "urge"}
# verbs of blaming someone, whose object a protest's participle of them aims the protest at
BLAMING_VERBS = {"accuse", "blame"}
# words that open a clause an inquiry looks into ("investigating how officials awarded ...", "examining whether ...")
WH_WORDS = {"how", "why", "whether", "if"}
INQUIRY_PREPS = {"into", "over", "about", "on", "through"}
# kinds of body a name may be told by ("forestry firm CMPC", "the transport company GTT")
NAMED_KIND_SECTORS = {"BUS", "NGO", "LAB"}
# a state's own institutions and public occasions: acted on with no owner named ("boycotted Sunday's general election",
# "agreed to postpone the demonstration", "promised to revise the traffic rule", "cut off mobile phone services"), they are of the state where the act
# happens; only for acts one does on what is one's own or at home (not a judgement of them: "the US condemned the election")
HOME_INSTITUTIONS = {"election", "vote", "referendum", "ballot", "by-election", "runoff", "primary", "demonstration", "rally", "march",
                     "protest", "sit-in", "rule", "law", "regulation", "ordinance", "bylaw", "by-law", "decree", "constitution",
                     "service", "internet"}
HOME_ACT_TYPES = {"PROTEST", "COERCE", "AGREE", "CONCEDE", "RETREAT"}
# what marks a party as not of the state where the act happens ("investigated three foreign cement distributors")
FOREIGN_WORDS = {"foreign", "international", "overseas", "multinational", "offshore", "expatriate", "visiting"}
BATTLE_WORDS = {"gunbattle", "firefight", "clash", "battle", "fighting", "crossfire", "skirmish", "offensive", "shootout"}
UNCONVENTIONAL_WORDS = {"bomb", "bomber", "bombing", "suicide", "guerrilla", "militia", "militiaman", "militant", "gunman", "terrorist",
                        "insurgent", "explosive", "roadside", "saboteur", "pirate", "bandit"}

# sources whose force on non-combatants is repression (CAMEO 175)
STATE_FORCE_SECTORS = {"MIL", "COP", "SPY", "POL", "GOV"}

# acts only authorities do: investigating, arresting, expelling
AUTHORITY_TYPES = {"INVESTIGATE", "COERCE"}

# verbs that hold someone to account for an act ("were charged over the beating of ...", "was praised for its support"),
# and the prepositions that name the act: the one held to account did it
ACCOUNTING_VERBS = {"charge", "accuse", "convict", "indict", "arrest", "detain", "sentence", "jail", "imprison", "prosecute", "try",
                    "blame", "fine", "punish", "sanction", "sue", "praise", "criticise", "criticize", "condemn", "censure", "commend",
                    "honour", "honor", "reward", "thank", "fault", "suspend", "sack", "fire", "dismiss", "expel", "investigate", "question"}
# verbs whose subject perceives, reports, suffers, escapes or looks into an act, never does it: "residents fled the
# fighting", "ignoring a spate of killings", "witnessed the shooting", "survived the attack", "filmed the beating"
WITNESS_VERBS = {"witness", "see", "watch", "hear", "film", "photograph", "record", "document", "report", "describe", "recount",
                 "recall", "remember", "mourn", "fear", "ignore", "overlook", "survive", "escape", "flee", "endure", "suffer",
                 "investigate", "probe", "examine", "cover", "monitor", "track", "count", "tally"}
# "detained three employees for questioning", "arrested and held for trial": what is done to whoever is held, not an act
# held against them
HELD_FOR = {"questioning", "interrogation", "trial", "investigation", "deportation", "extradition", "treatment", "screening"}
# "accusing them of spreading misinformation about the war": an act a phrase is about is a topic, no one's doing
TOPIC_PREPS = {"about", "regarding", "concerning"}

# types of concessions and agreements, made to the other side of the talks that led to them
CONCESSION_TYPES = {"CONCEDE", "AGREE", "RETREAT"}
# types that press someone to act: a protest or threat kept up until someone does ("on strike until the government pays");
# not a refusal, aimed at what it refuses ("refused to recognise Maduro's victory until the electoral council releases ...")
PRESSING_TYPES = {"PROTEST", "THREATEN"}

# types that answer what happened before them: a concession to pressure (not a mobilisation: "went on alert after
# China launched drills" is coded with no target)
REACTION_TYPES = {"CONCEDE"}

# types whose venue is no party: talks, agreements and joint exercises are held somewhere, not done to the place
VENUE_TYPES = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT"}

# the head words of bodies' names (the entity finder's and the resolver's), which no person's name ends with
BODY_HEADS = ENTITY_ORGANISATION_HEADS | ORGANISATION_HEADS

# verbs of opening a way or a place, which let a party in rather than send it away
OPENING_VERBS = {"open", "reopen", "re-open", "unseal", "unblock"}

# prepositions that say where an act happens
LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside"}

# prepositions whose phrases say when, per whom, or what is absent or set apart ("without US approval", "unlike China"),
# never who acts or is acted on
NON_ROLE_PREPS = {"according", "before", "after", "since", "until", "during", "following", "amid", "despite", "ahead", "without", "unlike"}

# conjunctions of clauses that say when an act happened ("after Hamas gunmen attacked ...")
# (the background ones, ``BACKGROUND_MARKS``, and "till", "once"; not "as", "while": "mobilised as fighting with X entered a second day")
TEMPORAL_MARKS = BACKGROUND_MARKS | {"till", "once"}

# nouns framing an act as a reaction ("in protest against X", "in response to X", "in solidarity with X"): their object is
# whom the act answers
FRAME_NOUNS = {"protest", "response", "retaliation", "reaction", "solidarity", "defiance", "dispute", "row", "standoff", "stand-off", "feud",
               "quarrel", "spat", "showdown"}

# adverbs that make a verb the joint work of its parties ("will jointly build a fibre network")
JOINT_ADVERBS = {"jointly", "collaboratively", "cooperatively"}
# the alternative an ultimatum holds out ("withdraw or face air strikes", "or risk expulsion", "or be removed from office")
ULTIMATUM_VERBS = {"face", "risk"}
ULTIMATUM_PASSIVES = {"remove", "arrest", "expel", "sack", "fire", "jail", "prosecute", "deport", "punish", "ban", "fine", "sanction",
                      "dismiss", "evict", "oust", "suspend", "disqualify", "attack", "destroy", "kill", "shut", "close", "dissolve"}

# acts done by speaking: joined to a reported clause, they are often the reporter's own ("He said Venezuela had been
# hostile and accused the government of ...")
SPEECH_ACT_TYPES = {"DISAPPROVE", "ACCUSE", "THREATEN", "DEMAND", "REQUEST"}
# auxiliaries that mark a reported clause's back-shifted tense ("had been", "would meet")
BACKSHIFT_AUX = {"had", "would", "could", "might", "has", "have"}

# verbs whose clause a speaker states of itself: the pronoun that opens it, or a phrase its possessive opens, is the
# speaker's own side ("the army said its soldiers had killed five rebels", "the president said he would visit Kenya",
# "'We will retaliate,' the ministry warned"); not verbs that direct others ("ruled that he must pay", "demanded that
# he resign")
SPEAKER_VERBS = REPORTING_VERBS | THREAT_VERBS | {"vow", "pledge", "promise", "deny", "signal", "hint", "decide", "confirm"}
SPEAKER_PRONOUNS = {"he", "she", "it", "they", "we", "i"}
SPEAKER_POSSESSIVES = {"his", "her", "its", "their", "our", "my"}
# nouns by which such a clause names its speaker again, by the kinds of actor each names ("the EU's foreign policy chief
# said the bloc would impose ...", "Saudi Arabia's energy minister said the kingdom would ...")
SPEAKER_NOUNS = {"bloc": ("igo",), "alliance": ("igo",), "kingdom": ("state",), "country": ("state",), "nation": ("state",),
                 "republic": ("state",), "company": ("company",), "firm": ("company",), "group": ("group", "organisation"),
                 "movement": ("group", "organisation"), "organisation": ("organisation", "igo"), "organization": ("organisation", "igo")}

# prepositions of time whose gerund is done by the subject of the verb the phrase hangs on ("after meeting", "on
# arriving", "before leaving"; not "without consulting", which did not happen)
ADJUNCT_PREPS = {"after", "before", "upon", "on", "since", "while", "when"}

# the types of hostile acts and measures: whom one falls on is not who is criticised for it ("condemned the invasion of X")
HOSTILE_ACT_TYPES = {"SANCTION", "COERCE", "ASSAULT", "FIGHT", "THREATEN"}

# verbs whose infinitive is done by their subject even when they have an object ("promised Kenya to deliver ...");
# other verbs with an object hand the infinitive to it ("persuaded Hamas to accept ..."). Verbs of going whose object is
# the place gone to or left are among them: the infinitive is the traveller's purpose ("visited Havana to meet ...",
# "left Kabul to join ...")
SUBJECT_CONTROL_VERBS = {"promise", "vow", "pledge", "swear", "threaten", "visit", "tour", "enter", "reach", "leave"}
# a diplomat summoned "to protest", "to demand an explanation", "to lodge a complaint": the summoner's purpose, a protest
# to the one summoned (who does what they are summoned "to explain", "to attend")
SUMMON_VERBS = {"summon", "convene"}
SUMMONER_PURPOSES = {"protest", "complain", "demand", "express", "convey", "lodge", "deliver", "hand", "register", "voice", "object",
                     "condemn", "denounce", "warn", "reject"}

# things that carry or measure goods: what they hold is what is sent ("two cargo planes of tents")
LADEN_VERBS = {"load", "carry", "pack", "fill", "laden", "stack", "cram", "bear", "stuff"}
CONTAINER_NOUNS = {"plane", "planeload", "aircraft", "flight", "truck", "truckload", "lorry", "convoy", "ship", "shipload", "boatload",
                   "vessel", "cargo", "consignment", "batch", "load", "shipment", "tonne", "ton", "stock", "stockpile", "crate",
                   "container", "bag", "sack", "kit", "carton", "package", "parcel", "tranche", "delivery"}

# verbs of a carrier's arrival: whom or where it reaches is whom what it carries goes to
ARRIVAL_VERBS = {"reach", "arrive", "land", "dock"}

# purposes of troops sent abroad that make them aid rather than a show of force
HELP_VERBS = {"help", "assist", "aid", "support", "stabilise", "stabilize", "protect", "reinforce", "bolster", "train"}
# what a host asks for when troops come "at the request of" / "at the invitation of" its government
REQUEST_NOUNS = {"request", "invitation", "behest", "appeal"}
# a concession's participle naming whom it yields to ("stepped down, yielding to weeks of protests by parents ...")
YIELD_VERBS = {"yield", "bow", "give", "cave", "bend", "accede", "heed", "succumb", "relent", "concede", "respond", "submit"}

# nouns whose infinitive states a purpose ("in a bid to", "in an effort to", "in order to")
PURPOSE_NOUNS = {"bid", "effort", "order", "aim", "drive", "quest", "push", "goal", "hope", "intention", "objective"}

# links from a governing trigger down to the event it governs
FOLD_DEPS = {"xcomp", "ccomp", "advcl", "dobj", "pobj", "prep", "acl", "pcomp", "conj", "relcl", "advmod", "npadvmod", "attr", "oprd", "nsubjpass", "compound"}

SUBJ_DEPS = ("nsubj", "csubj")
# spaCy labels "to X" after verbs of giving "dative" rather than "prep": both are prepositional roles
PREP_DEPS = ("prep", "dative")
OBJ_DEPS = ("dobj", "obj", "attr", "oprd")
# personal pronouns as the object or a passive's subject: people ("arrested him", "they were freed"), whom a sense for
# people takes as it takes a person's name ("*person"); a plural one only when the sentence names no plural noun
# before it that it may stand for (``_antecedent``: "compiled the figures and released them" releases figures)
PERSONAL_PRONOUNS = {"him", "her", "them", "us", "me", "he", "she", "they", "we"}
PLURAL_PRONOUNS = {"them", "they"}
ADVERB_PARTICLES = frozenset({"forward", "ahead", "back", "on", "through", "away"})
# findings of fault (CAMEO 116, find guilty or liable): the party found at fault is the target
FINDING_CAMEOS = frozenset({"116"})
# possessive pronouns that make an object the doer's own ("*own:X" markers)
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her", "our"})
CONTENT_POS = (*VERBAL_POS, "NOUN", "PROPN")


def _event_id(doc_id: str, start: int, etype: str) -> str:
    return hashlib.sha1(f"{doc_id}:{start}:{etype}".encode()).hexdigest()[:16]


def _slot_nouns(w, prep) -> list[int]:
    """The nouns a preposition takes: its objects, and the object of a participle the parser took for a verb ("gave in to
    striking students", "apologised to protesting farmers": the participle describes the noun right after it)."""
    out = [p for p in w.children(prep) if w.dep[p] == "pobj"]
    out += [o for p in w.children(prep) if w.dep[p] == "pcomp" and w.tag[p] == "VBG" and w.n > p + 1 and w.head[p + 1] == p
            and w.dep[p + 1] == "dobj" and w.pos[p + 1] == "NOUN" for o in [p + 1]]
    # "fired tear gas at students marching on parliament", "cracked down on traders defying the ban": the parser makes the
    # noun the subject of the participle that describes it, and the participle the preposition's object (not "with":
    # "held talks, with soldiers guarding the venue" is a circumstance, whose doer is no party to the act)
    if w.lower[prep] not in ("with", "without"):
        out += [s for p in w.children(prep) if w.dep[p] == "pcomp" and w.tag[p] == "VBG" for s in w.children(p)
                if w.dep[s] == "nsubj" and s < p and w.pos[s] in ("NOUN", "PROPN")]
    return out


class _Candidate:
    __slots__ = ("tok", "sense", "source", "target", "guessed_target", "suppressed", "inner", "objects", "fallbacks", "first_sense",
                 "widened")

    def __init__(self, tok, sense: Sense, objects):
        self.tok = tok
        self.sense = sense
        self.objects = objects
        self.source: list[ActorRef] = []
        self.target: list[ActorRef] = []
        self.guessed_target = False  # the target came only from the last-resort search (``_first_actor_after``)
        self.suppressed = False
        self.inner: list[_Candidate] = []
        self.fallbacks: list[Sense] = []  # the word's later senses that fit too, tried when this one lacks its actors
        self.first_sense = sense  # the best-fitting sense, before any fallback
        self.widened = False  # the sense fitted only through the object's WordNet hypernyms (``EventCoder._by_hypernyms``)


class _Words:
    """The words of one document that can start an event: verbs and nouns whose lemma (lower-cased) or lower-case
    form the trigger lexicon lists, and verbs heading a ccomp, parataxis or acl (obligations). Words are indices
    into the doc's ``DocArrays``."""

    def __init__(self, w: DocArrays, listed: set[str]):
        pos, lemma, lower, dep = w.pos, w.lemma, w.lower, w.dep
        self._listed = [i for i in range(w.n) if pos[i] in CONTENT_POS and (lemma[i] in listed or lower[i] in listed)]
        self._clause_verbs = [i for i in range(w.n) if pos[i] in VERBAL_POS and dep[i] in ("ccomp", "parataxis", "acl")]
        # "... or face sanctions", "... or risk expulsion", "... or be removed from office"
        self._faces = [i for i in range(w.n) if pos[i] in VERBAL_POS and (lemma[i] in ULTIMATUM_VERBS or (lemma[i] in ULTIMATUM_PASSIVES and w.tag[i] == "VBN"))]
        # "will jointly build a fibre network": the verbs joint work is said of; "have started running their jointly owned
        # plant": a participle that describes the object of a verb says the verb's work is joint
        self._joint = sorted({_joint_work(w, w.head[i]) for i in range(w.n) if lower[i] in JOINT_ADVERBS and dep[i] == "advmod"
                              and pos[w.head[i]] in VERBAL_POS})

    @staticmethod
    def _in(positions: list[int], sent) -> list[int]:
        lo, hi = bisect.bisect_left(positions, sent.start), bisect.bisect_left(positions, sent.end)
        return positions[lo:hi]

    def listed(self, sent) -> list[int]:
        return self._in(self._listed, sent)

    def clause_verbs(self, sent) -> list[int]:
        return self._in(self._clause_verbs, sent)

    def faces(self, sent) -> list:
        return self._in(self._faces, sent)

    def joint(self, sent) -> list:
        return self._in(self._joint, sent)


class _SentenceWords:
    """The lemmas of one sentence, all of them and those of its nouns and adjectives, each set built on first use."""

    def __init__(self, w: DocArrays, sent):
        self._w, self._sent = w, sent

    @functools.cached_property
    def lemmas(self) -> set[str]:
        return {self._w.lemma[t] for t in range(self._sent.start, self._sent.end)}

    @functools.cached_property
    def unnamed(self) -> set[str]:
        """The lemmas of its words other than names: "Shell's Nigerian unit" names no shell, "Tank Street" no tank."""
        w = self._w
        return {w.lemma[t] for t in range(self._sent.start, self._sent.end) if w.pos[t] != "PROPN"}

    @functools.cached_property
    def nouns(self) -> set[str]:
        w = self._w
        return {w.lemma[t] for t in range(self._sent.start, self._sent.end) if w.pos[t] in ("NOUN", "ADJ")}


class EventCoder:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.ontology = load_ontology()
        self.cues = self.ontology.context_cues()
        # the event behind "X must <do something>" when <do something> is no trigger of its own
        self.obligation_sense = Sense(lemmas=(), pos="VERB", type="OBLIGATION", cameo=None, needs="any", confidence=0.5)
        # the event behind "X gave Y ten days to withdraw or face air strikes" (CAMEO 139, give ultimatum)
        self.ultimatum_sense = Sense(lemmas=(), pos="VERB", type="THREATEN", cameo="139", needs="any", factuality="threatened", governs=True,
                                     confidence=0.55)
        # whatever two parties do jointly ("will jointly build", "were jointly marketing cigars"), when no trigger says more
        self.joint_sense = Sense(lemmas=(), pos="VERB", type="COOPERATE", cameo="060", symmetric=True, preps=("with",), needs="pair",
                                 confidence=0.5)
        self._listed = {lemma for lemma, _pos in lexicon.by_lemma}
        # spaCy splits "build-up" and "cease-fire" into three tokens, the last one the head: its word is listed too, and
        # the whole word looked up (``_hyphenated``)
        self._listed |= {lemma.rsplit("-", 1)[1] for lemma in self._listed if "-" in lemma}

    # ------------------------------------------------------------ public
    def code(self, doc, resolver: ArgResolver, doc_id: str, published: dt.date | None, quantities: list[Quantity]) -> list[Event]:
        events: list[Event] = []
        self._dates = EventDates(doc, published)
        self._doc = doc
        self._w = doc_arrays(doc)  # words are indices into it from here on
        self._words = _Words(self._w, self._listed)
        self._resolver = resolver
        for si, sent in enumerate(doc.sents):
            self._sent = sent
            self._restore_stranded_verb(sent)
            self._restore_vowed_act(sent)
            cands = self._candidates(sent)
            cands += self._obligations(sent, cands)
            cands += self._ultimatums(sent, cands)
            self._awaited_conditions(cands)
            fired = {c.tok for c in cands}
            cands += [_Candidate(v, self.joint_sense, {}) for v in self._words.joint(sent) if v not in fired]
            if not cands:
                continue
            for c in cands:
                self._roles(c, resolver)
                while c.fallbacks and (not self._enough(c) or (c.guessed_target and (c.sense.needs == "target" or (c.sense.needs == "pair" and c.sense.symmetric)))):
                    # "Thousands protested in Nairobi": not the complaint sense (needs a target, and a place found only
                    # by the last-resort search is no one complained to or about), the demonstration one; "staged naval
                    # drills ..., on the same day an American carrier group sailed in": no partner, a show of force
                    c.sense = c.fallbacks.pop(0)
                    self._roles(c, resolver)
            self._fold_governed(cands)
            coded = [c for c in cands if not c.suppressed and self._enough(c)]
            # nothing in the sentence codes: its main verb still does when its subject names a doer the resolver cannot
            # place ("Dockworkers at the port walked off the job": no actor rather than a guessed one), else when a named
            # party does an act that is sure without the one it is aimed at, placed by no one ("Ontario's health ministry
            # has pulled funding from <a site the registry lacks>": its target stays empty rather than the event lost)
            # ... and when only subordinate clauses code ("Authorities imposed a curfew after protesters set fire to
            # parliament"), the main verb is still what the sentence reports
            for last_resort in (self._unplaced_doer, self._sure_but_aimless):
                if any(self._main_clause(c.tok) for c in coded):
                    break
                rescued = [c for c in cands if not c.suppressed and c not in coded and last_resort(c)][:1]
                coded += rescued
                for c in rescued:  # no sense found its actors, so the best-fitting one stands ("traded gunfire")
                    if c.sense is not c.first_sense:
                        c.sense = c.first_sense
                        self._roles(c, resolver)
            if any(c.sense.synonym_of or c.widened for c in coded):
                # a WordNet synonym (trigger_synonyms.yaml) and a sense met only by an object's hypernym
                # (noun_hypernyms.tsv) are fallbacks: they code only sentences no hand trigger codes by its own lists
                coded = [c for c in coded if not (c.sense.synonym_of or c.widened)] or coded
            found = [self._event(c, cands, sent, si, resolver, doc_id, published, quantities) for c in coded]
            events.extend(_drop_subsumed(found, {id(e) for e, c in zip(found, coded) if c.sense.symmetric}, self._separate_acts(coded, found)))
        return events

    def _restore_stranded_verb(self, sent) -> None:
        """"Ontario's premier hosted ministers from Japan ...", "Australia's treasury designated Wagner Group ...": a sentence
        the parser read as one noun phrase, its verb a past participle tagged as a modifier (amod) of the noun after it.
        A sentence has a verb: where its root is a noun and a listed verb's past form stands as such a modifier right after
        a noun, that form is the verb, the noun after it its object and the noun phrase before it its subject (climbing out
        of "of" phrases: an Office, not what it is the Office of; the parser may hang the subject's own words on the
        object). Not after a determiner or an adjective ("the designated terrorist groups" is a noun phrase), nor after a
        compound part. Rare, so the sentence's root is looked up only for such a participle."""
        w = self._w
        for p in self._words.listed(sent):
            h = w.head[p]
            if not (w.dep[p] == "amod" and w.tag[p] in ("VBD", "VBN") and h > p and w.pos[h] in ("NOUN", "PROPN") and p > sent.start):
                continue
            s = p - 1
            if w.pos[s] not in ("NOUN", "PROPN") or w.dep[s] in ("compound", "amod", "npadvmod"):
                continue
            root = w.span_root(sent.start, sent.end)
            if w.pos[root] in VERBAL_POS:
                return
            while w.head[s] != s and w.head[s] < p and w.dep[s] in ("pobj", "prep"):
                s = w.head[s]
            # (the noun root's other dependents stay on it: "in May", "at Queen's Park"; the object's words before
            # the subject are the subject's: "Ontario's" of "Ontario's premier hosted ministers")
            for ch in [ch for ch in w.children(h) if ch < s]:
                w.reattach(ch, s, w.dep[ch])
            w.reattach(p, p, "ROOT")
            w.reattach(s, p, "nsubj")
            w.reattach(h, p, "dobj")
            return

    def _restore_vowed_act(self, sent) -> None:
        """"have sworn to fight until they win", "pledged to rebuild the bridge before the rains": the parser may hang a vow's
        to-infinitive as an adverbial clause (advcl) when a clause of time follows. What one vows, promises or swears to do
        is the vow's content, never its purpose: the infinitive is its complement (xcomp), which the intent and threat
        readings look for."""
        w = self._w
        for t in self._words.listed(sent):
            h = w.head[t]
            if (w.dep[t] == "advcl" and h < t and w.lemma[h] in VOW_WORDS and w.pos[h] == "VERB" and _to_infinitive(w, t)
                    and not any(w.dep[ch] in ("nsubj", "nsubjpass", "mark") for ch in w.children(t))):
                w.reattach(t, h, "xcomp")

    def _separate_acts(self, coded: list[_Candidate], found: list[Event]) -> set[frozenset[int]]:
        """Pairs (of ids) of the events of two coordinated verbs with a direct object and a target each, and different CAMEO codes:
        "Ghana recalled its ambassador to Nigeria and expelled the Nigerian envoy" reports two acts, not one happening
        told twice (which "arrived in Delhi for a state visit" is)."""
        w = self._w
        by_tok = {c.tok: e for c, e in zip(coded, found)}
        pairs = set()
        for c, e in zip(coded, found):
            t, h = c.tok, w.head[c.tok]
            if (w.dep[t] == "conj" and h in by_tok and w.pos[t] == "VERB" and w.pos[h] == "VERB" and by_tok[h].cameo != e.cameo
                    and e.target and by_tok[h].target and all(any(w.dep[ch] == "dobj" for ch in w.children(v)) for v in (t, h))):
                pairs.add(frozenset((id(e), id(by_tok[h]))))
        return pairs

    # ------------------------------------------------------------ triggers
    def _obligations(self, sent, cands: list[_Candidate]) -> list[_Candidate]:
        """'Y said X must drop barriers': Y's DEMAND on X, whatever the verb (CAMEO 10)."""
        w = self._w
        fired = {c.tok for c in cands}
        out = []
        for tok in self._words.clause_verbs(sent):  # VERB or AUX, a ccomp, parataxis or acl
            if tok in fired:
                continue
            if not any(w.dep[c] == "aux" and w.lower[c] in ("must", "should") for c in w.children(tok)):
                continue
            if any(w.dep[c] in ("nsubj", "nsubjpass") and w.lower[c] in ("this", "that", "it") for c in w.children(tok)):
                continue  # "said this must be done without adopting any policy hostile to Venezuela": a course of action, obliging no one named
            out.append(_Candidate(tok, self.obligation_sense, {}))
        return out

    def _ultimatums(self, sent, cands: list[_Candidate]) -> list[_Candidate]:
        """'NATO gave the Bosnian Serbs ten days to withdraw or face air strikes', 'told them to leave or face arrest': an
        ultimatum (CAMEO 139) by whoever sets it, to whom it is set; what they would face is no event of its own."""
        w = self._w
        out: list[_Candidate] = []
        by_tok = {c.tok: c for c in cands}
        for t in self._words.faces(sent):
            # spaCy hangs the "or" on the first conjunct ("to hold elections or face sanctions") or on "face"
            if w.dep[t] != "conj" or not any(
                    w.dep[c] == "cc" and w.lower[c] == "or" and c < t for c in (*w.children(t), *w.children(w.head[t]))):
                continue
            inside = set(w.subtree(t))
            for c in cands:
                if c.tok in inside:
                    c.suppressed = True
            # the alternative hangs on the act demanded, which hangs on the verb that sets the ultimatum
            demanded = w.head[t]
            setter = w.head[demanded]
            deps = ("xcomp", "ccomp", "advcl")
            if w.dep[demanded] in ("relcl", "acl") and w.dep[setter] == "dobj" and w.lemma[setter] in TIME_UNITS:
                # "has given the ministry 14 days to pay or face a strike": the parser hangs the infinitive on the time
                # given, the time on the verb that sets the ultimatum
                setter, deps = w.head[setter], ("relcl", "acl")
            # an infinitive set by someone ("gave them ten days to leave"); "said China must drop barriers or face tariffs"
            # is the obligation's DEMAND
            if (w.dep[demanded] not in deps or setter == demanded or w.pos[setter] not in VERBAL_POS
                    or not _to_infinitive(w, demanded)):
                continue
            c = by_tok.get(setter)
            if c is not None:
                c.sense = c.first_sense = self.ultimatum_sense
                c.fallbacks = []
            else:
                out.append(_Candidate(setter, self.ultimatum_sense, {}))
        return out

    def _awaited_conditions(self, cands: list[_Candidate]) -> None:
        """"vowed to fight until they gain control of the villages", "will not negotiate until the state reinstates the
        teachers": a clause of "until" in the present tense, in a story told in the past, is what an act waits on, a
        condition yet to be met (English puts the future of a time clause in the present), no event of its own, as the
        alternative of an ultimatum is none. One in the past tense happened ("beat him until a neighbour intervened")."""
        w = self._w
        for c in cands:
            t = c.tok
            if w.pos[t] not in VERBAL_POS or w.dep[t] != "advcl":
                continue
            kids = w.children(t)
            if not any(w.dep[k] == "mark" and w.lower[k] == "until" for k in kids):
                continue
            if w.tag[t] in ("VBP", "VBZ") or any(w.dep[k] in ("aux", "auxpass") and w.tag[k] in ("VBP", "VBZ") for k in kids):
                inside = set(w.subtree(t))
                for d in cands:
                    if d.tok in inside:
                        d.suppressed = True

    def _candidates(self, sent) -> list[_Candidate]:
        w = self._w
        out: list[_Candidate] = []
        consumed: set[int] = set()
        for tok in self._words.listed(sent):  # verbs and nouns whose lemma or form the lexicon lists
            pos, senses = self._trigger(tok)
            if not senses:
                continue
            objects, markers, unless = self._sense_context(tok, pos)
            fitting = [sense for sense in senses if _misfit(w, tok, sense, objects, markers, unless) is None]
            widened = False
            if not fitting and pos == "VERB" and w.lemma[tok] in self.lex.again:
                # "ready to reopen talks": a listed "re" verb none of whose own senses fits is its verb done again
                fitting = [s for s in self.lex.again[w.lemma[tok]] if _misfit(w, tok, s, objects, markers, unless) is None]
            if not fitting:  # "with mortars" may be all there is: no object, a phrase a marker names
                fitting = self._by_hypernyms(tok, pos, senses, objects, unless | markers)
                widened = bool(fitting)
            if len(fitting) > 1 and pos == "VERB" and not widened:
                # a sense met by the direct object itself comes before one met only through a prepositional phrase:
                # "rushed reinforcements to the Line of Control" is about the reinforcements, not a credit line
                # and one met by the object's head noun before one met only by a modifier: a "drug kingpin" handed
                # over is a person, not a drug
                direct, heads = _direct_object_lemmas(w, tok), _direct_object_lemmas(w, tok, modifiers=False)
                # and among senses met by the head nouns, the one met by the first of the objects joined by "and": "sent
                # 800 police officers and 40 armoured trucks" is sending police, with their trucks; a container and
                # its contents are one object ("released a shipment of aid" is as much about the aid)
                def conjunct(t: int) -> int:
                    for _ in range(6):
                        if w.head[t] == tok or w.head[t] == t or w.dep[t] == "conj":
                            break
                        t = w.head[t]
                    return t

                def first_head(s) -> int:
                    met = [conjunct(objects[k]) for k in s.objects & heads if k in objects] if s.objects else []
                    return min(met, default=w.n)
                fitting.sort(key=lambda s: (0, -1) if s.particle else (0, first_head(s)) if s.objects and s.objects & heads
                             else (1, 0) if s.objects and s.objects & direct else (2, 0) if s.objects else (3, 0))
            if fitting:
                c = _Candidate(tok, fitting[0], objects)
                c.fallbacks = fitting[1:]
                c.widened = widened
                out.append(c)
                if pos == "VERB" and not c.sense.synonym_of and not widened:  # a fallback takes no hand noun's event
                    consumed.update(t for t in objects.values())
        # nominal triggers that are the object of a verb trigger are part of that event
        return [c for c in out if not (c.sense.pos == "NOUN" and c.tok in consumed)]

    def _trigger(self, tok) -> tuple[str | None, list[Sense] | None]:
        """The listed word ``tok`` as a trigger: its part of speech (``_trigger_pos``) and its senses as that. A word the
        tagger made a noun that the lexicon lists as a verb only is a verb when the parser gave it a verb's dependents, an
        auxiliary or a direct object ("two men on a motorcycle beat a reporter", "has been trucking sorghum to ..."): the
        tagger's slip, which the parse does not share."""
        w = self._w
        pos = _trigger_pos(w, tok)
        if pos is None:
            return None, None
        senses = self._senses(tok, pos)
        if not senses and pos == "NOUN" and w.pos[tok] == "NOUN" and any(w.dep[c] in ("aux", "dobj") for c in w.children(tok)):
            return "VERB", self._senses(tok, "VERB")
        return pos, senses

    def _senses(self, tok, pos: str) -> list[Sense] | None:
        """The senses of the listed word ``tok`` as ``pos``: of the whole hyphenated word before its last part ("test-fired
        a rocket" is no firing at anyone), else of its lemma, else of its form. A word the tagger made a noun looks up
        nouns only ("the US sanctions PDVSA": the tagger sometimes calls a verb a noun)."""
        w, by_lemma = self._w, self.lex.by_lemma
        return (next((by_lemma[(h, pos)] for h in _hyphenated(w, tok) if (h, pos) in by_lemma), None)
                or by_lemma.get((w.lemma[tok], pos)) or by_lemma.get((w.lower[tok], pos)))

    def _sense_context(self, tok, pos: str) -> tuple[dict[str, object], set[str], set[str]]:
        """What the senses of ``tok`` are checked against (``_misfit``): its object phrase's lemmas, a verb's markers,
        and the words a sense's ``unless`` list may name."""
        w = self._w
        objects = self._object_lemmas(tok, pos)
        markers = _markers(w, tok, objects) if pos == "VERB" else set()
        if pos == "VERB" and any((s := self._resolver.span_of(c)) is not None and s.how == "demonym"
                                 for c in w.children(tok) if w.dep[c] in (*OBJ_DEPS, "nsubjpass")):
            markers.add("*people")  # "released six Americans", "four Britons were freed": people named by their nation
        # "blocked access to the dollar system": where the object leads says what it is, a road or a market
        unless = objects.keys() | _to_phrase_lemmas(w, objects.values())
        if pos == "VERB":
            # and whom the verb gives to: "gave residents 48 hours to leave" is an evacuation, as "told residents to leave" is
            unless = unless | {w.lemma[c] for c in w.children(tok) if w.dep[c] == "dative"}
        if pos == "NOUN" and w.dep[tok] == "compound":
            # "joint war games", "war crimes": a noun that modifies another names a kind of that thing, and the
            # sense's figurative list holds the heads that make it no event of its own
            unless = unless | {w.lemma[w.head[tok]]}
        return objects, markers, unless

    def _by_hypernyms(self, tok, pos: str, senses: list[Sense], objects: dict[str, object], unless: set[str]) -> list[Sense]:
        """The senses of ``tok`` that fit once its object nouns stand in for their WordNet hypernyms, for a listed word
        no sense of which fits: "held a summit" meets the sense listing "meeting", "seized a frigate" the one listing
        "warship" (data/events/noun_hypernyms.tsv). Only senses that failed on their objects alone are retried (their
        particle is there, their ``unless`` list excludes nothing, and excludes no hypernym either: a sense made for
        talks does not take a "grudge" as a kind of "hostility" if it names hostility as what it is not). Only the
        nouns the object phrase is about are widened, not their modifiers ("a drug kingpin" is no drug), and not names;
        so are the nouns of the verb's prepositional phrases and its subject, as markers ("*prep:with:artillery",
        "*subj:soldier" for "paratroopers crossed into ..."). A list of three
        words or more must also name another word the noun stands near (the table's third column): it is then about
        things like the noun. The nearest hypernym wins among several senses; the hypernyms join ``objects`` (the
        event's trigger text names the object that met the sense)."""
        w = self._w
        by_lemma, hypernyms, kinds = self.lex.by_lemma, self.lex.hypernyms, self.lex.noun_kinds
        nouns = [(key, t) for key, t in objects.items() if w.pos[t] == "NOUN" and key == w.lemma[t] and (key, "NOUN") not in by_lemma]
        # a verb's prepositional phrases ("*prep:in:meeting") and its subject ("*subj:soldier": "paratroopers crossed into
        # the town" as "soldiers crossed" would), each as the marker that names it
        phrases = [(f"*prep:{w.lower[c]}:", t) for c in w.children(tok) if w.dep[c] == "prep" for t in w.children(c)
                   if w.dep[t] == "pobj" and w.pos[t] == "NOUN" and (w.lemma[t], "NOUN") not in by_lemma] if pos == "VERB" else []
        if pos == "VERB":
            phrases += [("*subj:", t) for t in w.children(tok) if w.dep[t] == "nsubj" and w.pos[t] == "NOUN" and (w.lemma[t], "NOUN") not in by_lemma]
        if not any(hypernyms(key) for key, _t in nouns) and not any(hypernyms(w.lemma[t]) for _c, t in phrases):
            return []  # most unfit words: no object noun the table knows
        if pos == "VERB":
            about = _direct_object_lemmas(w, tok, modifiers=False)
        else:  # "the seizure of a frigate", "talks on the accord"
            pobjs = [p for c in w.children(tok) if w.dep[c] == "prep" and w.lower[c] in ("of", "on") for p in w.children(c) if w.dep[p] == "pobj"]
            about = {w.lemma[t] for p in pobjs for t in (p, *w.conjuncts(p))}
        wide: dict[str, tuple[int, object]] = {}  # hypernym -> (how far up, the object noun it stands for)
        near: set[str] = set()  # the object words those nouns stand near
        # the object nouns themselves, not what is said of them further down ("restoring the blackmail in the talks on
        # independence"); and not an event noun of the lexicon, which codes its own event ("began a visit to Colombo"
        # is the visit's, with its destination)
        for key, t in nouns:
            if key in about:
                above, kin = kinds(key)
                near |= kin
                for rank, h in enumerate(above):
                    if h not in wide or rank < wide[h][0]:
                        wide[h] = (rank, t)
        # a prepositional phrase's noun as a sense's marker names it: "took part in a conclave" meets "*prep:in:meeting"
        # as "in a meeting" would
        for marker, t in phrases:
            above, kin = kinds(w.lemma[t])
            near.update(f"{marker}{v}" for v in kin)
            for rank, h in enumerate(above):
                key = f"{marker}{h}"
                if key not in wide or rank < wide[key][0]:
                    wide[key] = (rank, t)
        keys = wide.keys()
        # the sense's list must be about things like the noun: besides the hypernym, another word the noun stands near
        # ("reopened the bus terminal" is no kind of reopening a media "station", listed with newspapers and channels);
        # a list of one or two words is its own context
        fitting = sorted((s for s in senses if s.objects is not None and s.objects & keys and not s.unless & (unless | keys)
                          and (len(s.objects) < 3 or len(s.objects & (keys | near)) >= 2)
                          and (not s.particle or _particle(w, tok, s.particle) is not None)),
                         key=lambda s: min(wide[h][0] for h in s.objects & keys))
        if fitting:
            for h, (_rank, t) in wide.items():
                objects.setdefault(h, t)
        return fitting

    def _object_lemmas(self, tok, pos: str) -> dict[str, object]:
        """Lemmas of the trigger's object phrase: head, modifiers, and of/in/for objects (two levels)."""
        w = self._w
        found: dict[str, object] = {}
        if pos == "VERB":
            # a noun predicate of the object counts too: "took two aid workers hostage"
            # and an adjective complement: "said sorry to the families"
            heads = [c for c in w.children(tok) if w.dep[c] in OBJ_DEPS or w.dep[c] == "nsubjpass" or (w.dep[c] == "xcomp" and w.pos[c] == "NOUN")
                     or (w.dep[c] == "acomp" and w.pos[c] == "ADJ")]
            if not heads:
                heads = _shared_objects(w, tok)  # "seized and burned the trucks": the pair's object is each verb's
            modified = _modified_object(w, tok)
            if modified is not None and not heads:
                heads = [modified]  # "Azerbaijan paraded tanks": the noun the parser hung the verb on
            # "allowed U.N. inspectors to return": the subject of an infinitive complement is the verb's object; so is
            # that of a small clause, whose adjective or adverb counts too ("found the company guilty", "let the
            # inspectors back")
            for c in w.children(tok):
                if w.dep[c] == "advcl" and w.pos[c] == "ADJ" and heads:
                    # an adverb before the adjective makes the parser hang it as a clause: "held Somalia fully responsible"
                    heads.append(c)
                if w.dep[c] != "ccomp":
                    continue
                small = w.pos[c] in ("ADJ", "ADV")
                if small or _infinitive(w, tok, c):
                    heads.extend(s for s in w.children(c) if w.dep[s] == "nsubj")
                if small:
                    heads.append(c)
            # "agreed on a deal", "talks with": objects of a prep directly on the verb
            named = []  # "reopened the King Hussein crossing": see below
            for c in w.children(tok):
                # "placed X under investigation", "spoke by telephone with"
                if w.dep[c] == "prep" and w.lower[c] in ("on", "to", "in", "of", "under", "by"):
                    # not a frame: "blocked the gate in protest at the plan" blocks no protest
                    heads.extend(p for p in w.children(c) if w.dep[p] == "pobj" and not (w.lower[c] == "in" and w.lemma[p] in FRAME_NOUNS))
                elif w.tag[c] == "VBG" and c - 1 > tok and w.pos[c - 1] == "PROPN":
                    named.append(c)
                if w.dep[c] == "prt":  # "step up sanctions"
                    continue
        else:
            heads = []
            for c in w.children(tok):
                # "the ban on exports of chips", "a $2 billion deposit": what the act is about and how much
                if w.dep[c] == "prep" and w.lower[c] in ("of", "on"):
                    heads.extend(p for p in w.children(c) if w.dep[p] == "pobj")
                if w.dep[c] in ("compound", "amod", "nummod"):
                    heads.append(c)

        def add(t, depth: int) -> None:
            if w.ent_type[t] in ("DATE", "TIME"):  # "in March" names no protest march ("10 days of war games" keeps its games)
                found.setdefault("*date", t)
            else:
                found.setdefault(w.lemma[t], t)
                found.setdefault(w.lower[t], t)
                for whole in _hyphenated(w, t):  # "staged a sit-in": spaCy splits it, its head is "in"
                    found.setdefault(whole, t)
                a = _antecedent(w, t)
                if a is not None:  # "seized three tankers and released them": what "them" stands for is the object
                    found.setdefault(w.lemma[a], t)
            for c in w.children(t):
                if w.dep[c] in ("compound", "amod", "nmod"):
                    # "cut internet and phone services": a coordinated modifier the parser makes nmod, and its conjuncts
                    found.setdefault(w.lemma[c], t)
                    for whole in _hyphenated(w, c):  # "a fact-finding mission": the modifier's whole word
                        found.setdefault(whole, t)
                    for m in w.children(c):
                        if w.dep[m] == "conj" and m < t:
                            found.setdefault(w.lemma[m], t)
                elif w.dep[c] == "conj":
                    add(c, depth)
                elif w.dep[c] in ("cc", "prep") and w.lower[c] in ("but", "except", "save") and w.pos[t] in ("PRON", "DET", "NUM"):
                    # "shut all but two of its border crossings": the parser hangs the rest of the phrase on "but"
                    for p in w.children(c):
                        if w.dep[p] == "pobj":
                            add(p, depth)
                elif w.dep[c] == "appos" and w.pos[t] == "PROPN" and w.pos[c] == "NOUN":
                    # a name with its kind beside it: "boarded the Ocean Star, a Liberian-flagged tanker"
                    found.setdefault(w.lemma[c], t)
                elif depth < 2 and w.dep[c] == "prep" and w.lower[c] in ("of", "in", "for", "on"):  # "the ban on oil exports"
                    for p in w.children(c):
                        if w.dep[p] == "pobj":
                            add(p, depth + 1)
            if depth < 2 and w.lemma[t] in CONTAINER_NOUNS:  # "sent three planes loaded with tents"
                for o in _contents(w, t):
                    add(o, depth + 1)

        for h in heads:
            add(h, 0)
        if pos == "VERB":
            for c in named:
                # "reopened the King Hussein crossing (to trucks)": the tagger takes the noun after a name for a
                # participle, the name for the object or the participle's subject; the "-ing" word is the object's noun
                n = c - 1
                if (w.dep[c] in ("advcl", "ccomp", "acl", "xcomp")
                        and (w.head[n] == tok and w.dep[n] in OBJ_DEPS or w.head[n] == c and w.dep[n] == "nsubj")
                        and any(w.dep[d] == "det" and w.lower[d] == "the" for d in w.children(n))
                        and not any(w.dep[d] in (*OBJ_DEPS, "aux", "auxpass") for d in w.children(c))):
                    if n not in heads:
                        add(n, 0)
                    found.setdefault(w.lower[c], c)
        return found

    # ------------------------------------------------------------ roles
    def _roles(self, c: _Candidate, r: ArgResolver) -> None:
        w = self._w
        tok, sense = c.tok, c.sense
        if sense.pos == "VERB":
            c.source, c.target, c.guessed_target = self._verb_roles(tok, sense, c.objects, r)
        else:
            c.source, c.target = self._noun_roles(tok, sense, c.objects, r)
            c.guessed_target = False
        if not c.source and sense.type == "PROTEST":
            # "Thousands protest in Nairobi": the protesters of the place, found before the event is judged to have an actor
            c.source = self._protesters_by_place(self._sent, r)
        if sense.pos == "VERB" and not any(_coded(a) for a in c.source):
            c.source = self._placed_subject(tok, r) or c.source
        c.target = _other_than_source(c.target, c.source)
        if not c.target and sense.type in GIVING_TYPES:
            # "the Alberta government sent $2 million to the town of Slave Lake": a town or province at home that aid is
            # given to is its people, not the giver's own state named by place
            c.target = self._home_locality(tok, c, r)
        if sense.type in INSTRUMENT_TYPES:
            # (not forces an "against" phrase names: "announced a unilateral ceasefire against Turkish forces" is aimed at
            # the other side, whatever state its source speaks for)
            opposed = {a.actor_id for h in (tok, *c.objects.values()) for p in w.children(h) if w.dep[p] == "prep" and w.lower[p] == "against"
                       for q in w.children(p) if w.dep[q] == "pobj" for a in r.actors_for(q)}
            c.target = [a for a in c.target if a.actor_id in opposed or not _own_forces(a, c.source)]
        if sense.type == "MOBILIZE":
            # "The Nigerian Army deployed two battalions to Bokkos", "put troopers on alert across metro Phoenix": forces
            # moved or readied at home are aimed at no one there (a place stands for its state, which is their own)
            home = {a.country for a in c.source if a.country}
            c.target = [a for a in c.target if not (a.sector is None and a.country in home)]
        if not c.source and sense.type in ("ASSAULT", "FIGHT"):
            c.source = self._unclaimed_attack(tok, r)
        if not c.source and sense.type in AUTHORITY_TYPES and sense.pos == "VERB" and any(w.dep[ch] == "auxpass" for ch in w.children(tok)):
            # "a US national has been put under investigation in Italy", "was arrested in Kenya": with no agent, the
            # authorities of where it happened (as event data codes them)
            found = next((f for h in [tok, *c.objects.values()] for f in [r.located_in(h)] if f), [])
            if found:
                found[0].sector = "GOV"
                c.source = found
                c.target = _other_than_source(c.target, c.source) or c.target
        if not c.target and sense.type in PLACE_AFFECTING_TYPES:
            # "extended the curfew in Abidjan", "blocked roads in Algiers": with no one named, the event is aimed
            # at the state where it happens (a state acting at home included)
            for h in [tok, *c.objects.values()]:
                c.target = r.located_in(h)
                if c.target:
                    break
        if not c.target and w.dep[tok] == "advcl" and w.tag[tok] == "VBG" and w.pos[w.head[tok]] == "VERB":
            # "The last Syrian soldiers left Lebanon, ending a 29-year presence", "shelled the town, killing 20": a
            # participle that goes on from an act falls on whom that act's object names
            c.target = _other_than_source([a for ch in w.children(w.head[tok]) if w.dep[ch] in OBJ_DEPS for a in r.actors_for(ch)], c.source)
        # a target found only by the last-resort search yields to the phrases below that say whom the act answers
        # ("Yielding to the protesters ..., the president resigned, sending his letter ... from Singapore")
        open_target, guessed = not c.target or c.guessed_target, c.target
        if open_target and sense.type in CONCESSION_TYPES:
            # "called off the strike after deliberations with the Nigerian government": a concession or agreement
            # reached in talks is made to the other side of the talks
            c.target = _other_than_source(self._talks_partner(tok, r), c.source) or c.target
        if open_target and sense.type == "CONCEDE":
            # "stepped down, yielding to weeks of protests by parents of the missing students": to whom it yields
            c.target = _other_than_source([a for ch in w.children(tok) if w.dep[ch] == "advcl" and w.lemma[ch] in YIELD_VERBS
                                           for p in w.children(ch) if w.dep[p] == "prep" and w.lower[p] == "to"
                                           for o in w.children(p) if w.dep[o] == "pobj" for a in self._pressing(o, r)], c.source) or c.target
        if (not c.target or c.guessed_target) and sense.type in REACTION_TYPES:
            # "backed down after students had boycotted classes": a concession answers whoever pressed for it
            c.target = _other_than_source(self._provoker(tok, r), c.source) or c.target
        if (not c.target or c.guessed_target) and sense.type in PRESSING_TYPES:
            # "went on hunger strike, vowing to refuse food until the government frees political prisoners": a protest or a
            # threat held until someone acts is aimed at them
            c.target = _other_than_source(self._until_subject(tok, r), c.source) or c.target
        if c.target is not guessed:
            c.guessed_target = False
        # (a joint act's other side is its target; with one side named alone and no other found, as any act's)
        if (c.guessed_target or not any(_coded(a) for a in c.target)) and (
                not sense.symmetric or not (c.target or _joint_subject(c.source, sense))):
            # "arrested three men": the party the act falls on, placed by no one, before a guess or an unplaced name;
            # "vetoed the bill, telling Democratic lawmakers it would ...": whom the actor tells of it
            found = self._unplaced_party(c, r) or (self._addressee(tok, c.source, r) if not sense.symmetric else [])
            if found:
                c.target, c.guessed_target = found, False
        if not c.target and sense.home:
            # "Iraq's government is prepared to impose martial law": at home, unless a place or party is named
            c.target = [r.located_ref(a.country) for a in c.source[:1] if a.country]

    def _home_locality(self, tok, c: _Candidate, r: ArgResolver) -> list[ActorRef]:
        """The locality of the source's own state that the act's to-phrase names - a town, city or province the
        resolver placed by the gazetteer ("to the town of Slave Lake", "lent trucks to Mandaue City"); not the state
        itself nor its capital, which stand for the state ("sent aid to Canada", "to Ottawa")."""
        w = self._w
        home = next((a.country for a in c.source if a.country), None)
        if home is None:
            return []
        for h in (tok, *c.objects.values()):
            for p in w.children(h):
                if w.dep[p] not in ("prep", "dative") or w.lower[p] != "to":  # ("lent ten trucks to X": the parser's dative)
                    continue
                for o in w.children(p):
                    if w.dep[o] != "pobj":
                        continue
                    # "the town of Slave Lake": the place its of-phrase names
                    places = [o, *(q for f in w.children(o) if w.dep[f] == "prep" and w.lower[f] == "of"
                                   for q in w.children(f) if w.dep[q] == "pobj")]
                    for x in places:
                        span = r.span_of(x)
                        if span is not None and span.how == "place" and span.ref.country == home:
                            ref = r.located_ref(home)
                            ref.text = w.words_text(w.left_edge(o), w.right_edge(o) + 1)
                            return [ref]
        return []

    def _addressee(self, tok, source: list[ActorRef], r: ArgResolver) -> list[ActorRef]:
        """Whom the doer addresses, or lets act, in a participle that goes on from the act or from its infinitive
        ("pledged to lift the ban, telling leaders of the opposition party that ...", "vetoed the bill, telling lawmakers
        ...", "repealed the clause, clearing the way for opposition groups to register"): the act is aimed at them."""
        w = self._w
        heads = [tok, *(x for x in w.children(tok) if w.dep[x] == "xcomp")]
        for h in heads:
            for p in w.children(h):
                if (w.dep[p] == "advcl" and w.tag[p] == "VBG" and w.lemma[p] in ADDRESS_VERBS | ENABLING_VERBS
                        and not any(w.dep[s] in ("nsubj", "nsubjpass") for s in w.children(p))):
                    objects = [o for o in w.children(p) if w.dep[o] in ("dobj", "dative")]
                    # "clearing the way for opposition groups to register": for whom the way is cleared
                    # (or, as the parser often has it, the subject of the clause on "way": "for opposition groups to register")
                    objects += [q for o in objects if w.lemma[o] == "way" for f in w.children(o)
                                for q in ([x for x in w.children(f) if w.dep[x] == "pobj"] if w.dep[f] == "prep" and w.lower[f] == "for"
                                          else [x for x in w.children(f) if w.dep[x] == "nsubj"] if w.dep[f] in ("relcl", "acl") else [])]
                    # not "telling reporters": a statement to the press is aimed at no one
                    found = _other_than_source([a for o in objects for a in r.actors_for(o) if a.sector != "MED"], source)
                    if any(_coded(a) for a in found):
                        return found
        return []

    def _placed_subject(self, tok, r: ArgResolver) -> list[ActorRef]:
        """The doer of an active verb (or of the verb its infinitive or conjunct hangs on) that no one placed - a name the
        registry lacks, a noun of the sector lexicon, people named by what they are - placed as the resolver places
        "police in Kabul": by the place its own phrase names ("Rotary clubs in Pune donated ..."), by a place in its own
        name ("The Fresno County Farm Bureau has thrown its backing ..."), or, opening the story after its dateline, by
        the dateline's state ("PRETORIA - The Special Investigating Unit has opened ...", not a person's name). Not a
        pronoun, nor a name another state's word places abroad."""
        w = self._w
        top = tok
        for _ in range(3):
            # ("has begun investigating", "... and pledged", "..., the chamber said, heaping praise on ...")
            if (any(w.dep[ch] in SUBJ_DEPS or w.dep[ch] == "nsubjpass" for ch in w.children(top))
                    or not (w.dep[top] in ("xcomp", "conj") or (w.dep[top] == "advcl" and w.tag[top] == "VBG"))):
                break
            top = w.head[top]
        if any(w.dep[ch] in ("auxpass", "nsubjpass") for ch in w.children(top)):
            return []
        out: list[ActorRef] = []
        for s in (s for ch in w.children(top) if w.dep[ch] == "nsubj" for s in _undated(w, r, ch)):
            for k in (s, *w.conjuncts(s)):
                if w.pos[k] not in ("NOUN", "PROPN"):
                    continue
                span = r.span_of(k)
                if span is not None and not (span.ref.provisional and span.ref.country is None):
                    continue  # placed (or not a name at all: "Islamic State"'s adjective)
                if w.lemma[k] in NAMELESS_ATTACKERS:
                    continue  # "Hooded men set fire to ...": an unclaimed attack's (``_unclaimed_attack``)
                person = w.lemma[k] in PEOPLE_WORDS or is_group_noun(w, k)
                name = span is not None or (w.pos[k] == "PROPN" and w.ent_type[k] in ("", "ORG", "NORP", "FAC", "GPE"))
                if not (person or name) or any(w.lower[x] in FOREIGN_WORDS for x in range(w.left_edge(k), k)):
                    continue
                code = next((a.country for a in r.located_in(k)), None)
                if code is None:
                    # a place among its own words ("the Durban Chamber of Commerce", "Seattle City Councilmember X")
                    first = span.start if span is not None else w.left_edge(k)
                    code = next((p.ref.country for x in range(min(first, w.left_edge(k)), k) for p in [r.span_of(x)]
                                 if p is not None and p is not span and p.how in ("place", "metonym") and p.ref.country), None)
                # (not a person's name, who may be a visitor: ``_guess_country`` leaves an active subject unplaced; a name the
                # NER did not take is a body's when "the" opens it or a word of bodies heads it: "The Special Investigating Unit")
                body = (person or (span is not None and span.ref.kind != "person")
                        or any(w.dep[d] == "det" and w.lower[d] == "the" for d in w.children(k)) or w.lower[k] in BODY_HEADS)
                if (code is None and body
                        and (w.left_edge(k) - 1 in r.dateline or (w.left_edge(k) - 2 in r.dateline and w.is_punct[w.left_edge(k) - 1]))):
                    code = r.dateline_country()
                if code is None:
                    continue
                if span is not None:
                    out.append(span.ref.copy(country=code))
                else:
                    # (a party of its own, not the state: "... pledged to restore water to households in Mufulira" still
                    # falls on the town's people)
                    text = w.words_text(w.left_edge(k), k + 1)
                    out.append(ActorRef(name=text, actor_id=provisional_id(text), country=code, sector=r.nouns.get(w.lemma[k]),
                                        kind="group" if person else "organisation", text=text, provisional=True))
        return dedupe(out)

    def _unplaced_party(self, c: _Candidate, r: ArgResolver) -> list[ActorRef]:
        """'Police arrested three men', 'the regulator slapped a penalty on a tier-one lender', 'rejected a call by
        environmental groups': a party in the act's own argument slot (its object, or the object of one of the sense's
        prepositions on the trigger or on its object) that nothing places - people named by what they are, a noun of the
        sector lexicon the resolver leaves unplaced - is of the source's state, where the act happens (as event data
        codes it); so is a name the registry lacks that an authority acts on ("launched a probe into Norfolk Southern",
        "fined Minera Escondida"): whom one grants asylum, frees or sues is as often foreign. The slot reaches the object of
        the trigger's infinitive ("threatened to revoke ..."), the owner of a thing in it ("the permits of four workshops"),
        the subject of an inquiry's or a demand's clause, and the other side of a protest's dispute."""
        w = self._w
        tok, sense = c.tok, c.sense
        home = next((a.country for a in c.source if a.country), None)
        if home is None:
            return []
        passive = any(w.dep[ch] in ("auxpass", "nsubjpass") for ch in w.children(tok))
        heads = []
        if sense.pos == "VERB":
            heads += [ch for ch in w.children(tok) if w.dep[ch] in ("dobj", "obj", "dative") or (passive and w.dep[ch] == "nsubjpass")]
        # "threatened to revoke the licences of ...": the object of the act the trigger's infinitive names
        # (or its open complement: "promised to revise the traffic rule", "agreed to postpone the demonstration")
        infinitives = {o for o in c.objects.values() if w.pos[o] == "VERB" and o != tok}
        if sense.pos == "VERB" and not c.guessed_target:  # (not over a guess: "refused to hand over two suspects wanted by the ICC")
            infinitives |= {x for x in w.children(tok) if w.dep[x] == "xcomp" and w.pos[x] == "VERB"}
        heads += [ch for o in sorted(infinitives) for ch in w.children(o) if w.dep[ch] in ("dobj", "obj", "dative") and ch not in heads]
        # (what one presses or calls for is what is asked, not who is: "pressing for judicial commissions")
        preps = {p for p in sense.preps if p not in LOCATIVE_PREPS and not (p == "for" and sense.type in ("DEMAND", "REQUEST"))}
        if sense.type == "INVESTIGATE":
            preps |= INQUIRY_PREPS  # "combing through the books of ...", "a probe over the deaths of ...": what is looked into
        for h in (tok, *c.objects.values()):
            heads += [p for ch in w.children(h) if w.dep[ch] == "prep" and w.lower[ch] in preps for p in _slot_nouns(w, ch)]
        # "revoked the permits of four fireworks workshops", "combing through the books of the county water district": a
        # thing in the slot, no party itself, stands for whose it is
        things = [h for h in heads if w.pos[h] == "NOUN" and r.span_of(h) is None and not r.nouns.get(w.lemma[h]) and w.lemma[h] not in PEOPLE_WORDS]
        heads += [q for h in things for p in w.children(h) if w.dep[p] == "prep" and w.lower[p] == "of" for q in w.children(p) if w.dep[q] == "pobj"]
        # ... or, for a protest, threat, demand or meeting, who made it, by its participle's agent or its possessive
        # ("marched against a fee increase announced by the education ministry", "against the education ministry's fee
        # increase", "asked for a meeting with the education department's regional office"); not for other acts ("blocked
        # the platform on the interior ministry's orders": whose orders they were is no target)
        if sense.type in PRESSING_TYPES or sense.type in ("DEMAND", "REQUEST", "CONSULT"):
            heads += [q for h in things for v in w.children(h) if w.dep[v] == "acl" and w.tag[v] == "VBN"
                      for ag in w.children(v) if w.dep[ag] == "agent" for q in w.children(ag) if w.dep[q] == "pobj"]
            heads += [d for h in things for d in w.children(h) if w.dep[d] == "poss" and w.pos[d] in ("NOUN", "PROPN")]
        # ... or whom "their" stands for, named before it in the sentence ("growers in Mackay ... when the state government
        # rejected their call"): placed or not, they are whose it is
        owners = [a for h in things for d in w.children(h) if w.dep[d] == "poss" and w.lower[d] == "their"
                  for a in [next((k for k in range(d - 1, w.sent_start(d) - 1, -1) if w.tag[k] == "NNS"), None)] if a is not None]
        heads += owners
        # ... or whom its participle says it was taken from ("hand back 212 motorcycles impounded from commercial riders",
        # "returned land seized from farmers")
        heads += [q for h in things for v in w.children(h) if w.dep[v] == "acl" and w.tag[v] == "VBN"
                  for p in w.children(v) if w.dep[p] == "prep" and w.lower[p] == "from" for q in w.children(p) if w.dep[q] == "pobj"]
        # (a name the registry lacks that one presses to act, as one an authority acts on, is placed at home)
        pressed = sense.type in PRESSING_TYPES or sense.type == "DEMAND"
        # "opened an inquiry into price-fixing by five fuel distributors": an act in the slot falls on whoever did it (its
        # by-phrase, which the parser may hang on the active verb)
        acts = [h for h in heads if w.pos[h] == "NOUN"] + ([] if passive or sense.pos != "VERB" else [tok])
        heads += [p for h in acts for ch in w.children(h) if w.dep[ch] == "prep" and w.lower[ch] == "by"
                  for p in w.children(ch) if w.dep[p] == "pobj"]
        # "examining whether Viva Energy delayed a restart", "looking into claims that a county land officer sold ...": an
        # inquiry into what a clause says someone did is aimed at them, named or not
        clauses = []
        if sense.type in AUTHORITY_TYPES:
            acts = acts + ([tok] if sense.pos == "NOUN" else [])  # "an investigation into how ...": the trigger's own clause
            clauses += [cl for h in acts for cl in w.children(h) if w.dep[cl] in ("ccomp", "acl")
                        and any(w.dep[m] == "mark" and w.lower[m] in ("whether", "if", "that") for m in w.children(cl))]
            # "opened an investigation into how officials awarded the contract": the clause the inquiry's phrase takes
            clauses += [cl for h in acts for p in w.children(h) if w.dep[p] == "prep" and w.lower[p] in INQUIRY_PREPS for cl in w.children(p)
                        if w.dep[cl] == "pcomp" and any(w.dep[m] in ("advmod", "mark") and w.lower[m] in WH_WORDS for m in w.children(cl))]
        if pressed:
            # "went on hunger strike, demanding that prison authorities let ...", "blocked the road, demanding that the power
            # company restore supply": a protest, or a demand, is aimed at whom it demands act
            demands = [tok] if sense.type == "DEMAND" else [v for v in w.children(tok) if w.dep[v] == "advcl" and w.lemma[v] in DEMANDING_VERBS]
            clauses += [cl for v in demands for cl in w.children(v) if w.dep[cl] == "ccomp"
                        and not any(w.dep[m] == "mark" and w.lower[m] in WH_WORDS for m in w.children(cl))]
        said = [s for cl in clauses for s in w.children(cl) if w.dep[s] in ("nsubj", "nsubjpass")]
        if sense.type == "PROTEST":
            # "residents torched tyres and stoned police vehicles, accusing officers of ignoring a spate of killings": a
            # protest is aimed at whom its participle of accusing blames
            said += [o for v in w.children(tok) if w.dep[v] == "advcl" and w.tag[v] == "VBG" and w.lemma[v] in BLAMING_VERBS
                     and not any(w.dep[x] in ("nsubj", "nsubjpass") for x in w.children(v)) for o in w.children(v) if w.dep[o] in ("dobj", "obj")]
        said += [a for s in said for a in w.children(s) if w.dep[a] == "appos"]  # "whether supermarket chains Coles and ..."
        if sense.type in PRESSING_TYPES:
            # "walked off the job ..., forcing airlines to cancel flights, in a dispute with the government": the other side of
            # the dispute the act is in (the parser may hang it on a participle that goes on from the act)
            hosts = [tok, *(v for v in w.children(tok) if w.dep[v] == "advcl" and w.tag[v] == "VBG"
                            and not any(w.dep[x] in ("nsubj", "nsubjpass") for x in w.children(v)))]
            sides = [(w.lower[g], q) for v in hosts for p in w.children(v) if w.dep[p] == "prep" and w.lower[p] == "in"
                     for f in w.children(p) if w.dep[f] == "pobj" and w.lemma[f] in FRAME_NOUNS
                     for g in w.children(f) if w.dep[g] == "prep" and w.lower[g] in ("with", "against", "at", "over") for q in w.children(g) if w.dep[q] == "pobj"]
            said += [q for prep, q in sides if prep in ("with", "against")]
            # "in protest at the port authority's plan", "in a row over the ministry's decision": a thing protested stands for
            # whose it is (its owner only: "in protest at the isolation of their jailed leader" is at no one named)
            said += [d for _, q in sides if w.pos[q] == "NOUN" and r.span_of(q) is None and not r.nouns.get(w.lemma[q])
                     for d in w.children(q) if w.dep[d] == "poss" and w.pos[d] in ("NOUN", "PROPN")]
        conditions = []
        if sense.type in PRESSING_TYPES:
            # "warned that its members would walk off the job if the district does not restore the raises", "vowed to stay
            # until the university reverses the increase": a threat or protest held until someone acts is aimed at them,
            # named or not ("the district" here is no body named before: the one the condition falls on)
            conditions = [s for h in (tok, *(x for x in w.children(tok) if w.dep[x] in ("xcomp", "ccomp")))
                          for cl in w.children(h) if w.dep[cl] == "advcl"
                          and any(w.dep[m] == "mark" and w.lower[m] in ("if", "unless", "until") for m in w.children(cl))
                          for s in w.children(cl) if w.dep[s] in ("nsubj", "nsubjpass") and w.pos[s] == "NOUN"]
            said += conditions
        heads += said
        # whom a sanction falls on may be anywhere; whose licence or funding is withdrawn is of the source's own state
        # a court's judgement is an authority's act on whom it judges ("a Lusaka court convicted opposition leader X")
        authority = sense.type in AUTHORITY_TYPES or (sense.type == "DISAPPROVE" and any(a.sector == "JUD" for a in c.source))
        granted = sense.type == "SANCTION" and (w.lemma[tok] in GRANTED_THINGS or any(w.lemma[h] in GRANTED_THINGS for h in heads))
        placeable = sense.type != "SANCTION" or granted
        out: list[ActorRef] = []
        for h in heads:
            for k in (h, *w.conjuncts(h)):
                # "a handcuffed 17-year-old": the tagger makes the last part of the hyphenated word an adjective
                person = any(x in PEOPLE_WORDS for x in _hyphenated(w, k))
                if w.pos[k] not in ("NOUN", "PROPN") and not person:
                    continue
                found = r.actors_for(k)
                foreign = any(w.lower[x] in FOREIGN_WORDS for x in range(w.left_edge(k), k))
                # (what the act itself is done to, not what it answers: "bowing to weeks of protests"; placed, if at all, at home:
                # "banned the march planned in Quito")
                if (w.pos[k] == "NOUN" and w.lemma[k] in HOME_INSTITUTIONS and sense.type in HOME_ACT_TYPES and not foreign
                        and w.dep[k] in ("dobj", "obj", "nsubjpass") and all(a.kind == "state" and a.country == home for a in found)):
                    # "boycotted Sunday's general election": the state's own (no state named as such, which a government
                    # acting at home would not act on)
                    ref = r.located_ref(home)
                    ref.kind, ref.text = "organisation", w.words_text(w.left_edge(k), k + 1)
                    out.append(ref)
                    continue
                if any(_coded(a) for a in found):
                    if (h in said or h in owners) and h not in conditions:  # (a placed one is ``_condition_subject``'s)
                        out.extend(found)
                    continue
                # "expelled two diplomats who worked for the Bolivian embassy": whom the party's own clause ties it to
                tied = [a for rc in w.children(k) if w.dep[rc] in ("relcl", "acl") and w.lemma[rc] in SERVICE_VERBS for p in w.children(rc)
                        if w.dep[p] == "prep" and w.lower[p] in ("for", "with", "in") for q in w.children(p) if w.dep[q] == "pobj"
                        for a in r.actors_for(q) if _coded(a)]
                if tied:
                    out.extend(tied)
                    continue
                # (not its clause: "arrested 17 men suspected of smuggling fertiliser from Niger"; but "including the city of
                # Kherson", "working for London-listed X" are of the phrase)
                end = min([w.left_edge(x) for x in w.children(k) if x > k and (w.dep[x] == "relcl" or (w.dep[x] == "acl" and w.tag[x] == "VBN"))]
                          + [w.right_edge(k) + 1])
                if any(s is not None and s.ref.country not in (None, home) for x in range(w.left_edge(k), end) for s in [r.span_of(x)]):
                    continue  # "employees of London-listed gold miner Acacia Mining": the phrase places it elsewhere
                if found:
                    if authority or (pressed and (h in said or sense.type == "DEMAND")):
                        out.extend(a.copy(country=home) for a in found if a.provisional)
                    continue
                sector = None if r.names_a_condition(k) else r.nouns.get(w.lemma[k]) or r.nouns.get(w.lower[k])  # not "a state of emergency"
                # "a dispute with city transport company GTT": a name the resolver did not take, told by its kind (not a
                # name that is a sector noun: "the West Bank")
                kind = None if w.pos[k] != "PROPN" or found else next(
                    (r.nouns.get(w.lemma[d]) for d in w.children(k) if w.dep[d] == "compound" and w.pos[d] == "NOUN"
                     and r.nouns.get(w.lemma[d]) in NAMED_KIND_SECTORS), None)
                sector = kind or sector
                if sector is None and (w.lemma[k] in PEOPLE_WORDS or person):
                    sector = "CVL"  # "arrested three men", "punched a handcuffed 17-year-old"
                elif sector is None and w.pos[k] == "NOUN" and w.lower[k] in MILITARY_RANKS:
                    sector = "MIL"  # "opened an investigation into the colonel who ordered ...": a rank names an officer
                if (sector is None and not found and ((w.pos[k] == "PROPN" and authority) or sense.type == "DISAPPROVE")
                        and any(s is not None and s.ref.country == home for d in w.children(k) if w.dep[d] == "compound" for s in [r.span_of(d)])):
                    # "combing through the books of the Martin County Water District": a body the resolver did not take,
                    # named after a place at home, that an authority acts on (not a thing: "the Hardin County sewer plant");
                    # one accused or sued is a party, though a noun of no sector names it ("accused a Monterrey steelmaker")
                    ref = r.located_ref(home)
                    ref.kind, ref.text = "organisation", w.words_text(w.left_edge(k), k + 1)
                    out.append(ref)
                    continue
                if (sector is None and not found and not foreign and h in conditions and w.pos[k] == "NOUN" and w.dep[h] == "nsubj"
                        and any(w.dep[d] == "det" and w.lower[d] == "the" for d in w.children(k))
                        and any(w.dep[o] in ("dobj", "obj", "dative", "ccomp") for o in w.children(w.head[h]))):
                    # "would walk off the job if the district does not restore the raises": who must do what the condition
                    # asks is the one pressed, though the lexicon gives its noun no sector (a body of the source's own
                    # state, as for "the ministry"); not a condition on what happens ("if the looting resumed": no object;
                    # the parser may take a plural object for a clause: "restore the step raises it froze")
                    ref = r.located_ref(home)
                    ref.kind, ref.text = "organisation", w.words_text(w.left_edge(k), k + 1)
                    out.append(ref)
                    continue
                anaphor = [w.lower[d] for d in w.children(k)] == ["the"] and h not in conditions
                # not "the company" alone, which stands for one named before (the resolver found no one), nor whom a
                # sanction falls on (as often abroad)
                # (a common noun the tagger took for a name: "has given the health ministry 14 days"; not a part of a name:
                # "the west bank of the Dnipro")
                common = w.pos[k] == "NOUN" or (w.pos[k] == "PROPN" and w.text(k).islower() and not any(
                    w.dep[d] == "compound" and w.pos[d] == "PROPN" for d in w.children(k)))
                if (sector and (common or person or kind) and not anaphor and placeable
                        and not any(w.dep[d] == "poss" and w.pos[d] == "PRON" for d in w.children(k))
                        and not any(w.lower[x] in FOREIGN_WORDS for x in range(w.left_edge(k), k))):
                    ref = r.located_ref(home)
                    ref.sector, ref.kind, ref.text = sector, "group", w.words_text(w.left_edge(k), k + 1)
                    out.append(ref)
                elif (granted and not sector and not found and not foreign and not anaphor and w.lemma[k] not in GRANTED_THINGS
                      and w.ent_type[k] not in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL")):  # not "for six months"
                    # "pulled provincial funding from the Kensington Market site", "cut its grant to the Munich Kammerspiele":
                    # whose funding or licence a government withdraws, of no kind the lexicon knows, is of its own state too
                    ref = r.located_ref(home)
                    ref.kind, ref.text = "organisation", w.words_text(w.left_edge(k), k + 1)
                    out.append(ref)
        if sense.type in INSTRUMENT_TYPES:
            out = [a for a in out if not _own_forces(a, c.source)]  # "began sending 10,000 troops"
        return _other_than_source(dedupe(out), c.source)

    def _verb_roles(self, tok, sense: Sense, objects, r: ArgResolver):
        w = self._w
        passive = any(w.dep[ch] in ("auxpass", "nsubjpass") for ch in w.children(tok))
        # "Freed on bail by a Lagos magistrate, the journalist walked out ...", "Backed by Russian air power, Syrian troops
        # ...": a past participle opening a clause, with no subject of its own, is a passive whose subject is the clause's
        opening = (not passive and w.tag[tok] == "VBN" and w.dep[tok] == "advcl" and tok < w.head[tok]
                   and not any(w.dep[ch] in ("nsubj", "nsubjpass", "aux", "auxpass") for ch in w.children(tok)))
        # "former president Rodrigo Duterte, now detained at Scheveningen", "a tanker seized by Iran": a past participle that
        # describes a noun is a passive whose subject is that noun
        # (not where the parser found no other verb: "Hundreds of Vietnamese protested outside ...", "fighters of the Renamo
        # movement handed in their weapons" hang the sentence's verb on its subject)
        reduced = (not passive and w.tag[tok] == "VBN" and w.dep[tok] == "acl" and w.pos[w.head[tok]] in ("NOUN", "PROPN")
                   and not any(w.dep[ch] in ("nsubj", "nsubjpass", "aux", "auxpass") for ch in w.children(tok))
                   and _argument_of_verb(w, w.head[tok]))
        passive = passive or opening or reduced
        source: list[ActorRef] = []
        target: list[ActorRef] = []
        # "A longtime ally of Moscow, Belarus on Monday recognised ...": of two subjects the parser gives, the one next to
        # the verb is the subject, the other a fronted description of it
        subjects = [ch for ch in w.children(tok) if w.dep[ch] in SUBJ_DEPS]
        # (or a dateline the resolver did not take for one, parted by its dash: "UNITED NATIONS — China on Tuesday vetoed ...")
        fronted = {e for e in subjects[:-1] if any(w.text(i) == "," for i in range(w.right_edge(e) + 1, subjects[-1]))
                   or (w.left_edge(e) == w.sent_start(e) and any(w.text(i) in DATELINE_DASHES for i in range(e + 1, subjects[-1])))}
        modified = _modified_object(w, tok)  # "Switzerland froze bank accounts": the name the parser made an adverb
        for ch in w.children(tok):
            if ch in fronted:
                continue
            if modified is not None and w.dep[ch] == "npadvmod" and ch < tok and not subjects:
                source.extend(r.actors_for(ch))
            elif w.dep[ch] == "agent":
                for p in w.children(ch):
                    if w.dep[p] == "pobj":
                        source.extend(r.actors_for(p))
            elif w.dep[ch] in SUBJ_DEPS and not passive:
                source.extend(a for h in _undated(w, r, ch) for a in self._acting_for(h, r))
                if w.pos[ch] == "NOUN" and w.lower[ch].endswith("ing") and not r.actors_for(ch):
                    # "Meeting in Addis Ababa, the African Union's Peace and Security Council told ...": the parser makes the
                    # fronted participle the subject and hangs the real one, after the comma, on its phrase as an apposition
                    source.extend(a for x in w.subtree(ch) if w.dep[x] == "appos" and w.left_edge(x) > 0 and w.text(w.left_edge(x) - 1) == ","
                                  for a in r.actors_for(x))
                # "Egypt's foreign minister Sameh Shoukry and his Ethiopian counterpart met": the parser hangs the second
                # subject on the first one's apposed name
                source.extend(a for p in w.children(ch) if w.dep[p] == "appos" for k in w.conjuncts(p) if k > p for a in r.actors_for(k))
            elif w.dep[ch] == "prep" and w.lower[ch] in sense.source_preps and not source and not sense.reverse:
                # (a reverse sense's giver is its source phrase, below; its subject, perhaps inherited, the target)
                for p in w.children(ch):
                    if w.dep[p] == "pobj":
                        source.extend(r.actors_for(p))
        if passive and not source:
            # "were beaten and tortured by police officers": conjoined passives share the agent
            kin = [ch for ch in w.children(tok) if w.dep[ch] == "conj"] + ([w.head[tok]] if w.dep[tok] == "conj" else [])
            source = [a for k in kin for ag in w.children(k) if w.dep[ag] == "agent"
                      for p in w.children(ag) if w.dep[p] == "pobj" for a in r.actors_for(p)]
        if passive and not source:
            # "was designated a terrorist group by Canada", "was declared persona non grata by Moscow": the parser hangs
            # the agent on the passive's predicate noun (or its "as" phrase)
            preds = [ch for ch in w.children(tok) if w.dep[ch] in OBJ_DEPS]
            preds += [q for ch in w.children(tok) if w.dep[ch] == "prep" and w.lower[ch] == "as" for q in w.children(ch) if w.dep[q] == "pobj"]
            # "was received in Tashkent by Uzbek President ...", "was arrested in Paris by French police": or on the place
            preds += [q for ch in w.children(tok) if w.dep[ch] == "prep" and w.lower[ch] in LOCATIVE_PREPS for q in w.children(ch)
                      if w.dep[q] == "pobj" and w.pos[q] == "PROPN"]
            source = [a for o in preds for ag in w.children(o) if w.dep[ag] in ("prep", "agent") and w.lower[ag] == "by"
                      for p in w.children(ag) if w.dep[p] == "pobj" for a in r.actors_for(p)]
        if passive and not source:
            # "were wounded in the shelling of Kharkiv by Russian forces", "died in an attack claimed by ...": the doer of the
            # act the passive happened in; "drones shipped by Turkey have been handed over to ...": the thing's sender
            source = [a for ch in w.children(tok) if w.dep[ch] == "prep" and w.lower[ch] in ("in", "during")
                      for p in w.children(ch) if w.dep[p] == "pobj" and w.pos[p] == "NOUN" for a in self._doer_of(p, r)]
            source = source or [a for ch in w.children(tok) if w.dep[ch] == "nsubjpass" and w.pos[ch] == "NOUN" and r.span_of(ch) is None
                                and not r.nouns.get(w.lemma[ch]) for t in (ch, *_contents(w, ch)) for a in self._doer_of(t, r)]
        sent_from = []
        if passive and not source and any(w.dep[p] in PREP_DEPS and w.lower[p] == "to" for p in w.children(tok)):
            # "Tips from Colombian police were relayed to their Ecuadorean counterparts", "Loans from China were extended to
            # Zambia": a thing sent from someone to someone else is the giver's, who is the source; it is not whom the act
            # is aimed at (its "to" phrase is)
            sent_from = [ch for ch in w.children(tok) if w.dep[ch] == "nsubjpass" and w.pos[ch] == "NOUN" and w.lemma[ch] not in PEOPLE_WORDS
                         and not r.nouns.get(w.lemma[ch]) and not is_group_noun(w, ch)]
            source = [a for ch in sent_from for p in w.children(ch) if w.dep[p] == "prep" and w.lower[p] == "from"
                      for q in w.children(p) if w.dep[q] == "pobj" for a in r.actors_for(q)]
            sent_from = sent_from if source else []
        mobilised = passive and not source and sense.type == "MOBILIZE"
        if mobilised:
            # "police were put on full alert", "troops were moved to the border": with no one named who gave the
            # order, the forces mobilised are the actor, not the target
            source = [a for ch in w.children(tok) if w.dep[ch] == "nsubjpass" for a in (r.actors_for(ch) or self._speaker_for(ch, r))]
            source = source or (r.actors_for(w.head[tok]) if reduced else [])
        speaker = _speaker_conjunct(w, tok) if not source and sense.type in SPEECH_ACT_TYPES else None
        if speaker is not None:
            # the reporter's own act: its subject or no one, never the reported clause's subject
            source = [a for ch in w.children(speaker) if w.dep[ch] in SUBJ_DEPS for a in r.actors_for(ch)]
        elif not source and not opening and not reduced:
            source = self._inherited_subject(tok, r)
        if not source and not passive:
            top = tok
            while w.dep[top] in ("xcomp", "conj", "acomp") and w.head[top] != top:
                top = w.head[top]
            if w.dep[top] in ("ROOT", "conj") and not any(w.dep[ch] in ("nsubj", "nsubjpass", "csubj", "expl") for ch in w.children(top)):
                source = self._nearest_actor_before(top, r)
        if sense.reverse:
            giver: list[ActorRef] = []
            for h in [tok, *objects.values()]:
                for ch in w.children(h):
                    if w.dep[ch] == "prep" and w.lower[ch] in sense.source_preps:
                        giver.extend(a for p in w.children(ch) if w.dep[p] == "pobj" for a in r.actors_for(p))
            if not giver:
                # "came under heavy Azerbaijani artillery fire", "drew Chinese criticism": the act received is a noun, and
                # what names it before it names its doer, as for a nominal event ("U.S. sanctions"); not a place that
                # names it ("came under Kharkiv shelling" says where)
                giver = [a for o in objects.values() if o != tok and w.pos[o] == "NOUN" for ch in w.children(o)
                         if w.dep[ch] in ("amod", "compound", "poss", "nmod") and ch < o
                         and not (w.dep[ch] == "compound" and (s := r.span_of(ch)) is not None and s.how in ("metonym", "place"))
                         for a in r.actors_for(ch)]
                giver = [a for a in giver if a not in source]
            return dedupe(giver), dedupe(source), False
        # objects: an indirect object ("give Morocco 1.5 billion yen", "sent Kyiv weapons"), the recipient, first;
        # then the direct object (or the passive subject) if it is an actor
        obj_heads = ([ch for ch in w.children(tok) if w.dep[ch] == "dative" and w.pos[ch] in ("NOUN", "PROPN")]
                     + [ch for ch in w.children(tok) if w.dep[ch] in OBJ_DEPS or (passive and not mobilised and w.dep[ch] == "nsubjpass" and ch not in sent_from)]
                     + ([ch for ch in w.children(w.head[tok]) if w.dep[ch] in ("nsubj", "nsubjpass")] if opening else [])
                     + ([w.head[tok]] if reduced and not mobilised else [])
                     + ([modified] if modified is not None else []))
        if w.dep[tok] == "relcl":
            # "the M23 rebels, whom the army had attacked near Goma", "a trawler that the coastguard fired on": the relative
            # pronoun, or the noun a preposition left at the clause's end is missing, stands for the noun the clause describes
            obj_heads = [w.head[tok] if w.tag[o] in ("WP", "WDT") else o for o in obj_heads]
            if not obj_heads and not passive and any(w.dep[p] == "prep" and w.lower[p] in sense.preps and not any(
                    w.dep[q] in ("pobj", "pcomp") for q in w.children(p)) for p in w.children(tok)):
                obj_heads = [w.head[tok]]
        if not obj_heads and not passive:
            obj_heads = _shared_objects(w, tok)  # "have beaten and detained dozens of protesters"
        if not obj_heads and not passive:
            # "condemned as a provocation Romania's expulsion of ...": the object shifted after the verb's "as" phrase, which
            # the parser makes an apposition of that phrase's noun
            obj_heads = [a for p in w.children(tok) if w.dep[p] == "prep" and w.lower[p] == "as" for q in w.children(p)
                         if w.dep[q] == "pobj" for a in w.children(q) if w.dep[a] == "appos" and a > q]
        guessed: list[ActorRef] = []
        for o in obj_heads:
            recipient = self._recipient_of(o, r)
            if recipient:
                # "Japanese aid to Myanmar was suspended", "cut Russian gas supplies to Ukraine": the thing's recipient is
                # the target, and its owner, when no one else acts, the source
                target.extend(recipient)
                if not source:
                    source = r.actors_for(o)
                continue
            # an object known only by the story's country ("contributed troops to ...") yields to a named target;
            # an act with its doer ("denounced the execution of prisoners by Iranian authorities") is aimed at the doer
            # (not for the noun a reduced relative describes: "fishermen detained by Uganda" - its by-phrase is the act's own doer)
            found = (self._earlier_object(tok, o, r)
                     or (r.span_of(o) is None and not (reduced and o == w.head[tok]) and not _people_noun(w, r, o) and self._doer_of(o, r))
                     or r.actors_for(o))
            if not found and sense.type not in INSTRUMENT_TYPES:
                # "the Ukrainian army said Russian forces had shelled its positions": what the act falls on is the speaker's
                found = self._speaker_for(o, r, owned=True)
            if sense.type in INSTRUMENT_TYPES:
                # "China sent 34 warships around the island", "drafted in 300 officers": forces no one names the owner of
                # (placed only by the story's country) are the sender's own
                found = [a for a in found if not _own_forces(a, source) and not (source and o in r.guessed and a.sector in ("MIL", "COP"))]
            # "Lula reaffirmed Brazil's support for India's bid": an object that is the source's own (dropped from the
            # target anyway) leaves the search for the target open
            found = _other_than_source(found, source)
            (guessed if o in r.guessed else target).extend(found)
        if target and not any(_coded(a) for a in target):
            # "extradited drug lord Joaquin Guzman to the United States": an object nobody places (an unknown person, a
            # nameless body) leaves room for the party the act goes to
            # (and the object's noun the tagger took for a participle: "reopened the Rafah crossing into Gaza", whose phrases the
            # parser hangs on it: ``_object_lemmas``)
            named = [o for o in objects.values() if w.tag[o] == "VBG" and w.head[o] == tok and w.dep[o] in ("advcl", "ccomp", "acl", "xcomp")]
            target.extend(self._prep_targets([tok, *obj_heads, *named], sense.preps, r))
        elif target and _hands_over(w, tok):
            # "handed over the former army commander to the tribunal in The Hague", "transferred two suspects to the custody
            # of the UN court": whoever is handed over is what is given; the act is aimed at whom they go to
            # (the parser may hang the "to" phrase on the particle or on what is handed: "handed back the Benin Bronzes to Nigeria")
            over = _particle(w, tok, "over") or _particle(w, tok, "back")
            target = [a for a in self._prep_targets([tok, *([over] if over is not None else []), *obj_heads], ("to",), r) if _coded(a)] or target
        elif target and sense.preps[:1] == ("from",):
            # "seized control of YPF from Spain's Repsol": taking something from someone is aimed at whom it is taken from
            # (a "from" phrase on the verb, its object or the object's "of" name, "the town of Tal Afar from Islamic State
            # fighters", not deeper: "a proposal for a withdrawal from Kuwait"; and not the source's own place: "expelled
            # the inspectors from its nuclear facilities at Yongbyon")
            named = [n for o in obj_heads for p in w.children(o) if w.dep[p] == "prep" and w.lower[p] == "of"
                     for q in w.children(p) if w.dep[q] == "pobj" for n in (q, *(a for a in w.children(q) if w.dep[a] == "appos"))]
            target = _other_than_source(self._prep_targets([tok, *obj_heads, *named], ("from",), r), source) or target
        if not target:
            particle = _particle(w, tok, sense.particle) if sense.particle else None
            heads = [tok, *([particle] if particle is not None else []), *obj_heads, *objects.values()]
            target = self._prep_targets(heads, sense.preps, r)  # "pulled out of Lebanon": through the particle
        if not target:
            # "filed a case at the International Court of Justice against Colombia": the parser hangs the act's own phrase
            # on the noun of the place phrase before it
            venues = [p for ch in w.children(tok) if w.dep[ch] == "prep" and w.lower[ch] in LOCATIVE_PREPS
                      for p in w.children(ch) if w.dep[p] == "pobj"]
            target = self._prep_targets(venues, tuple(p for p in sense.preps if p not in LOCATIVE_PREPS and p != "of"), r)
        if not target:
            # "investigating crimes by Croatian extremists", "prevented a demonstration staged by students": an act
            # named as the object is aimed at whoever did it
            # (not the act's own doer: "the sanctions imposed on Iran by the United States were lifted", where the doer
            # of the measure is the source, and the measure's own clause says whom it is aimed at, below)
            # (not people the act is done to: "rescued 20 schoolgirls kidnapped by Boko Haram" is aimed at the schoolgirls)
            for o in obj_heads:
                if not _people_noun(w, r, o):
                    target.extend(_other_than_source(self._doer_of(o, r), source))
        if not target:
            # "revoked Chevron's license", "a license granted to Chevron": actors inside the object phrase
            for o in obj_heads:
                target.extend(self._actors_in(o, r, venue_free=sense.type in VENUE_TYPES, act=tok))
        if not target:
            # "lifted the tariffs it slapped on Australia's barley", "returned the tanker it seized from Britain": a measure or
            # a thing whose own clause says whom it was laid on or taken from is aimed at them (a clause of a verb that
            # sanctions or coerces)
            laid = [v for o in obj_heads for v in w.children(o) if w.dep[v] in ("relcl", "acl") and w.pos[v] == "VERB"
                    and any(s.type in ("SANCTION", "COERCE") for s in self.lex.by_lemma.get((w.lemma[v], "VERB"), ()))]
            if laid:
                target = _other_than_source(self._prep_targets(laid, ("on", "against", "from"), r), source)
        if not target and sense.type == "AID":
            target = _other_than_source(self._reached_by(tok, r), source)
        if not target:
            # "refused to hand over Osama bin Laden to the United States": the act's infinitive of handing someone over is
            # aimed, as the handover is, at whom they would go to
            handing = [v for v in {*objects.values(), *(x for x in w.children(tok) if w.dep[x] == "xcomp")}
                       if v != tok and w.pos[v] == "VERB" and _hands_over(w, v)]
            target = [a for v in handing for a in self._prep_targets(
                [v, *(p for p in (_particle(w, v, "over"), _particle(w, v, "back")) if p is not None),
                 *(o for o in w.children(v) if w.dep[o] in OBJ_DEPS)], ("to",), r) if _coded(a)]
            target = _other_than_source(target, source)
        pair: list[ActorRef] = []
        if sense.symmetric or sense.type == "FIGHT":
            # before the last-resort search: "talks were held in Hanoi between Vietnam and China" are the pair's, as is
            # "Fighting between government troops and rebels has killed ..."
            pair = self._prep_targets([tok, *obj_heads, *objects.values()], ("between",), r)
            if source:
                target.extend(a for a in pair if a not in target)
            elif pair:
                # "a visit aimed at boosting cooperation between Caracas and Beijing": the pair acts, whatever the
                # search inside the object phrase found of it
                source = pair
                target = [a for a in target if a not in pair]
        guessed_target = False
        if not target and not _joint_subject(source, sense) and not (pair and source == pair):
            after = self._first_actor_after(tok, source, r, sense.type)
            if guessed and after and all(a.kind == "state" and a.sector is None for a in after) and {a.country for a in after} <= {g.country for g in guessed}:
                # "gunmen shot the mayor in Veracruz": a place of the state the story placed the object in only says where
                # it happened; the object is still whom the act fell on, with its own words and sector
                after = []
            target = after or guessed
            guessed_target = bool(target)
        if sense.type == "DISAPPROVE" and target:
            # "condemned the invasion of Ukraine", "denounced the sanctions against Russia": whom a criticised attack or
            # measure falls on is not the one criticised; its doer is, when the phrase names one ("Russia's invasion")
            victims = self._victims(obj_heads, r)
            target = [a for a in target if (a.actor_id, a.country) not in victims]
            guessed_target = guessed_target and bool(target)
        return dedupe(source), dedupe(target), guessed_target

    def _earlier_object(self, tok, o, r: ArgResolver) -> list[ActorRef]:
        """'detained 600 migrants and beat them', 'seized a Yemeni fishing boat and held its crew': an object pronoun of a
        verb joined to an earlier one whose subject it shares stands for that verb's object (an object pronoun is never its
        own clause's subject), as does "its" on the object when the shared subject is plural (and so not what "its" owns);
        the earlier object's number must agree with the pronoun's."""
        w = self._w
        if w.dep[tok] != "conj" or any(w.dep[s] in SUBJ_DEPS or w.dep[s] == "nsubjpass" for s in w.children(tok)):
            return []
        first = w.head[tok]
        if w.lower[o] in ("them", "him", "her", "it") and w.tag[o] == "PRP":
            plural, person = w.lower[o] == "them", w.lower[o] in ("him", "her")
        elif (w.pos[o] == "NOUN" and any(w.dep[d] == "poss" and w.lower[d] == "its" for d in w.children(o))
              and any(w.dep[s] == "nsubj" and (w.tag[s] in ("NNS", "NNPS") or any(w.dep[c] == "conj" for c in w.children(s)))
                      for s in w.children(first))):
            plural, person = False, False
        else:
            return []
        for x in (x for x in w.children(first) if w.dep[x] in ("dobj", "obj") and w.pos[x] in ("NOUN", "PROPN")):
            if (w.tag[x] in ("NNS", "NNPS") or any(w.dep[c] == "conj" for c in w.children(x))) != plural:
                continue
            # ("him", "her": a person, named or told by a noun of people: "arrested a Somali cleric and beat him")
            found = [a for a in r.actors_for(x) if _coded(a) and (not person or a.kind == "person" or bool(r.nouns.get(w.lemma[x]))
                                                                 or w.lemma[x] in PEOPLE_WORDS)]
            if found:
                return found
        return []

    def _victims(self, heads, r: ArgResolver) -> set[tuple[str | None, str | None]]:
        """The (actor id, country) of whom the hostile acts or measures ``heads`` name fall on: the of/against/on phrase of
        a noun the lexicon codes as a hostile act ("the invasion of Ukraine", "the blockade on Gaza") or of "measures",
        or of the participle describing it ("the measures taken against Russia"), less anyone a modifier or a by-phrase
        names as its doer ("Russia's attack on Ukraine", "the torture of detainees by Egyptian police")."""
        w = self._w
        out: set[tuple[str | None, str | None]] = set()
        for o in heads:
            if w.pos[o] != "NOUN" or not (w.lemma[o] == "measure" or any(
                    s.type in HOSTILE_ACT_TYPES for s in self.lex.by_lemma.get((w.lemma[o], "NOUN"), ()))):
                continue
            doers = {(a.actor_id, a.country) for c in w.children(o) if w.dep[c] in ("poss", "compound", "amod", "nmod") and c < o
                     for a in r.actors_for(c)}
            doers |= {(a.actor_id, a.country) for a in self._doer_of(o, r)}  # "the torture of detainees by Egyptian police"
            # the noun's own phrase, or that of the participle that describes it ("the measures taken against Russia")
            preps = [p for p in w.children(o) if w.dep[p] == "prep" and w.lower[p] in ("of", "against", "on", "upon")]
            preps += [p for v in w.children(o) if w.dep[v] == "acl" and w.tag[v] == "VBN" for p in w.children(v)
                      if w.dep[p] == "prep" and w.lower[p] in ("against", "on", "upon")]
            out.update((a.actor_id, a.country) for p in preps for q in w.children(p) if w.dep[q] == "pobj"
                       for a in r.actors_for(q) if (a.actor_id, a.country) not in doers)
        return out

    def _noun_roles(self, tok, sense: Sense, objects, r: ArgResolver):
        w = self._w
        source: list[ActorRef] = []
        target: list[ActorRef] = []
        # possessives and premodifiers: "U.S. sanctions", "Washington's sanctions", "Chinese loans"
        for ch in w.children(tok):
            if w.dep[ch] in ("poss", "compound", "amod", "nmod") and ch < tok:
                span = r.span_of(ch)
                if span is not None and span.how in ("metonym", "place") and w.dep[ch] == "compound":
                    continue  # "the Algiers peace agreement": the place names the agreement
                source.extend(r.actors_for(ch))
        heads = [tok, *objects.values()]
        for h in heads:
            for ch in w.children(h):
                if w.dep[ch] == "prep" and w.lower[ch] in sense.source_preps:
                    for p in w.children(ch):
                        if w.dep[p] == "pobj":
                            source.extend(r.actors_for(p))
        # "heavy fighting has broken out between X and Y", "talks resumed between X and Y": the pair hangs on the verb
        # whose subject the event is
        happening = [w.head[tok]] if w.dep[tok] == "nsubj" and w.pos[w.head[tok]] == "VERB" else []
        pair = self._prep_targets(heads, ("between",), r) or self._prep_targets(happening, ("between",), r)
        if pair:
            source.extend(pair)
        target = self._prep_targets(heads, tuple(p for p in sense.preps if p != "between"), r)
        if not target and source and not sense.reverse:
            # "the killing of five soldiers by Pakistani troops", "Iran's seizure of a British tanker": with the doer
            # given, the "of" phrase is who or what the act falls on (not one's own forces: "Israel's withdrawal of
            # its troops")
            own = {a.country for a in source}
            target = [a for a in self._prep_targets([tok], ("of",), r) if not (a.sector == "MIL" and a.country in own)]
        if not source:
            # "The bombing at the airport's gate, claimed by Islamic State, ...": the act's doer
            source = self._doer_of(tok, r) or self._governing_subject(tok, r)
        link, went = w.head[tok], w.head[w.head[tok]]
        if not target and w.pos[went] in VERBAL_POS and (
                (w.dep[tok] in OBJ_DEPS and w.dep[link] == "advcl" and w.tag[link] == "VBG")
                or (w.dep[tok] == "pobj" and w.lower[link] in ("for", "on"))):
            # "crossed into Pakistan on Saturday, beginning a two-day visit", "flew to Beijing for his first foreign trip":
            # a visit or talks begun on a journey, or that it was made for, are aimed where the journey went
            target = _other_than_source(self._prep_targets([went], ("to", "into"), r), source)
        return dedupe(source), dedupe(target)

    def _acting_for(self, subj, r: ArgResolver) -> list[ActorRef]:
        """Who acts through a subject: the actor it names; for a thing or an act, whoever did it ("a roadside bomb
        planted by al-Shabaab fighters tore through ...", "The bombing, claimed by Islamic State, killed ...") or owns it
        ("the Edhi Foundation's boats ferried food"); for a reported clause's pronoun, its speaker (``_speaker_for``)."""
        w = self._w
        thing = r.span_of(subj) is None and w.pos[subj] == "NOUN" and not r.nouns.get(w.lemma[subj])
        doer = self._doer_of(subj, r) if thing else []
        found = (doer or r.actors_for(subj) or self._doer_of(subj, r) or (self._owner_of(subj, r) if thing else [])
                 or self._speaker_for(subj, r))
        if not found and r.span_of(subj) is None and (w.lemma[subj] in PARTITIVE_NOUNS | ORDINAL_PARTS or w.pos[subj] == "NUM"):
            # "The first of 31 Abrams tanks sent by the United States have arrived": a part or a count of things acts
            # through what its "of" phrase names (the resolver already reads "two of the soldiers" so)
            found = [a for c in w.children(subj) if w.dep[c] == "prep" and w.lower[c] == "of"
                     for p in w.children(c) if w.dep[p] == "pobj" for a in self._acting_for(p, r)]
        return found

    def _speaker_for(self, subj, r: ArgResolver, owned: bool = False) -> list[ActorRef]:
        """The subject of a clause a speaker states of itself, when it names no one by itself: a pronoun ("the Tanzanian
        president told reporters he would visit Kenya") or a phrase a possessive pronoun opens ("the Ugandan army said its
        soldiers had killed five rebels", "the foreign minister said his government rejected ...") stands for the
        speaker, the subject of the verb the clause is the complement of; the phrase's own noun, when the sector lexicon
        has it, gives the sector ("its soldiers": the army's country, MIL). With ``owned``, for an object or a passive's
        subject: only a phrase a possessive opens ("said Russian forces had shelled its positions": the army's; not "said
        they had arrested him"), and not "their" after a plural subject, whose own it likelier is."""
        w = self._w
        possessive = next((d for d in w.children(subj) if w.dep[d] == "poss" and w.lower[d] in SPEAKER_POSSESSIVES), None)
        kinds = SPEAKER_NOUNS.get(w.lemma[subj]) if [w.lower[d] for d in w.children(subj)] == ["the"] and not owned else None
        if not (possessive is not None or kinds or (w.pos[subj] == "PRON" and w.lower[subj] in SPEAKER_PRONOUNS and not owned)):
            return []
        clause = w.head[subj]
        if w.dep[clause] not in ("ccomp", "parataxis") or w.head[clause] == clause:
            return []
        if any(w.dep[a] == "aux" and w.lower[a] in ("must", "should", "ought") for a in w.children(clause)):
            return []  # "'He must resign,' the opposition leader said": whom an obligation presses is someone else
        if owned and (possessive is None or (w.lower[possessive] == "their" and any(
                w.dep[s] in ("nsubj", "nsubjpass") and s != subj and (w.tag[s] in ("NNS", "NNPS") or any(w.dep[c] == "conj" for c in w.children(s)))
                for s in w.children(clause)))):
            return []
        verb = w.head[clause]
        if w.lemma[verb] not in SPEAKER_VERBS or w.pos[verb] not in VERBAL_POS:
            return []
        # "told the minister he must resign": a clause told to someone named may be about them
        if any(w.dep[o] in ("dobj", "dative") and any(a.sector != "MED" for a in r.actors_for(o)) for o in w.children(verb)):
            return []
        speaker = next((c for c in w.children(verb) if w.dep[c] == "nsubj"), None)
        if speaker is not None and w.pos[speaker] == "PRON":
            return []
        # "the army said it had killed 30 militants, adding that its troops had freed 12 hostages": a verb of speech with no
        # subject of its own is said by the subject of the verb it goes on from
        found = (self._acting_for(speaker, r) if speaker is not None
                 else self._inherited_subject(verb, r) if w.dep[verb] in ("advcl", "conj", "acl") else [])
        if kinds:
            # "the kingdom": the state of whoever speaks for it
            return [a.copy(sector=None, kind="state", text=w.text(subj)) if kinds == ("state",) else a.copy(text=w.text(subj))
                    for a in found if (a.kind in kinds or (kinds == ("state",) and a.country and a.kind != "person"))][:1]
        # "its soldiers" of a state's body are its forces; a rebel group's commanders are the group's
        sector = r.nouns.get(w.lemma[subj]) if possessive is not None else None
        return [a.copy(sector=sector, text=w.text(subj)) if sector and a.sector in (None, "GOV") else a.copy(text=w.text(subj))
                for a in found]

    def _pressing(self, noun, r: ArgResolver) -> list[ActorRef]:
        """Who is behind the pressure a noun names: "the miners", "protests by the miners", "weeks of protests by ..."."""
        w = self._w
        unplaced: list[ActorRef] = []
        for _ in range(3):
            found = self._doer_of(noun, r) or r.actors_for(noun) or self._owner_of(noun, r)  # who does it, else who it is
            if any(_coded(a) for a in found):
                return found
            unplaced = unplaced or found  # "the issuing of post-Brexit licences by the British government": go on down
            noun = next((o for p in w.children(noun) if w.dep[p] == "prep" and w.lower[p] in ("of", "from")
                         for o in w.children(p) if w.dep[o] == "pobj"), None)
            if noun is None:
                break
        return unplaced

    def _until_subject(self, tok, r: ArgResolver) -> list[ActorRef]:
        """The subject of the until-clause of ``tok`` or of a participle or infinitive that goes on from it (two steps)."""
        w = self._w
        frontier = [(tok, 0)]
        while frontier:
            h, depth = frontier.pop()
            for ch in w.children(h):
                if w.dep[ch] != "advcl" and w.dep[ch] != "xcomp":
                    continue
                if w.dep[ch] == "advcl" and any(w.dep[m] == "mark" and w.lower[m] == "until" for m in w.children(ch)):
                    found = [a for s in w.children(ch) if w.dep[s] in ("nsubj", "nsubjpass") for a in r.actors_for(s)]
                    if found:
                        return found
                elif depth < 2:
                    frontier.append((ch, depth + 1))
        return []

    def _talks_partner(self, tok, r: ArgResolver) -> list[ActorRef]:
        """Whom talks named in an after/following phrase of ``tok`` were held with."""
        w = self._w
        for ch in w.children(tok):
            if w.dep[ch] == "prep" and w.lower[ch] in ("after", "following"):
                for p in w.children(ch):
                    senses = self.lex.by_lemma.get((w.lemma[p], "NOUN")) or []
                    if w.dep[p] == "pobj" and any(s.type == "CONSULT" for s in senses):
                        return self._prep_targets([p], ("with",), r)
        return []

    def _provoker(self, tok, r: ArgResolver) -> list[ActorRef]:
        """Who did what an act followed: the subject of its after-clause ("after students had boycotted classes"), or
        the doer of its after-phrase's act ("after weeks of protests by teachers", "following Iraq's invasion")."""
        w = self._w
        # "resigned and fled the country after weeks of protests led by students": the phrase may hang on a verb joined
        # to the act that shares its subject
        heads = [tok, *(v for v in w.children(tok) if w.dep[v] == "conj" and w.pos[v] == "VERB"
                        and not any(w.dep[s] in ("nsubj", "nsubjpass") for s in w.children(v)))]
        report = w.head[tok]
        if w.dep[tok] == "ccomp" and tok < report and w.lemma[report] in REPORTING_VERBS:
            # "Alberta's government has backed down on the plan, the energy minister announced, after ranchers campaigned
            # against it": the parser hangs what came before on the report that follows the act
            heads.append(report)
        for ch in (c for h in heads for c in w.children(h)):
            if w.dep[ch] == "advcl" and any(w.dep[m] == "mark" and w.lower[m] in ("after", "following") for m in w.children(ch)):
                found = [a for s in w.children(ch) if w.dep[s] == "nsubj" for a in r.actors_for(s)]
                if found:
                    return found
            if w.dep[ch] == "prep" and w.lower[ch] in ("after", "following"):
                found = [a for p in w.children(ch) if w.dep[p] == "pobj" and w.pos[p] == "NOUN" for a in self._pressing(p, r)]
                if found:
                    return found
        return []

    def _reached_by(self, tok, r: ArgResolver) -> list[ActorRef]:
        """Whom aid reaches when the act describes what carries it ("trucks carrying flour from the WFP reached displaced
        families in Marib", "a convoy of trucks carrying medicine arrived in Gaza"): the object of the verb of arrival
        whose subject is the carrier (or the container it is part of: "a convoy of trucks"), or the place it arrives in."""
        w = self._w
        if w.dep[tok] == "acl" and w.pos[w.head[tok]] in ("NOUN", "PROPN"):
            carrier = w.head[tok]
            if w.dep[carrier] == "pobj" and w.lower[w.head[carrier]] == "of" and w.lemma[w.head[w.head[carrier]]] in CONTAINER_NOUNS:
                carrier = w.head[w.head[carrier]]
            verbs = [w.head[carrier]] if w.dep[carrier] == "nsubj" else []
        else:
            # "Lorries carrying tents ... arrived in Idlib": the parser may make the participle the verb, arrival its conjunct
            verbs = [v for v in w.children(tok) if w.dep[v] == "conj" and not any(w.dep[x] in ("nsubj", "nsubjpass") for x in w.children(v))
                     ] if any(w.dep[s] == "nsubj" and w.lemma[s] in CONTAINER_NOUNS for s in w.children(tok)) else []
        verbs = [v for v in verbs if w.lemma[v] in ARRIVAL_VERBS]
        heads = [o for v in verbs for o in w.children(v) if w.dep[o] in ("dobj", "obj")]
        heads += [q for v in verbs for p in w.children(v) if w.dep[p] == "prep" and w.lower[p] in ("in", "at", "to")
                  for q in w.children(p) if w.dep[q] == "pobj"]
        # ("reached villages in northern Mali": people or places no one names are of where they are)
        return [a for h in heads for k in (h, *w.conjuncts(h)) for a in (r.actors_for(k) or r.located_in(k))]

    def _prep_targets(self, heads, preps, r: ArgResolver) -> list[ActorRef]:
        w = self._w
        out: list[ActorRef] = []
        if not preps:
            return out
        located: list[ActorRef] = []
        framed: list[ActorRef] = []
        rank = {p: i for i, p in enumerate(preps)}
        for h in heads:
            if w.lower[h] in NON_ROLE_PREPS:
                continue
            # the sense lists its prepositions by priority: "complained over the raids to the UN" is about the raids
            for ch in sorted(w.children(h), key=lambda c: (rank.get(w.lower[c], len(rank)), c)):
                if w.dep[ch] in PREP_DEPS and w.lower[ch] in preps:
                    for p in _slot_nouns(w, ch):
                        # "filed a complaint with the European Commission | against Aena": a phrase of the act the sense
                        # ranks higher, which the parser hung on this phrase's noun
                        # (not where: "rioted at a jail in Dili" is about no one in Dili)
                        found = [a for f in w.children(p) if w.dep[f] == "prep" and w.lower[f] not in LOCATIVE_PREPS
                                 and rank.get(w.lower[f], len(rank)) < rank[w.lower[ch]]
                                 for q in w.children(f) if w.dep[q] == "pobj" for a in r.actors_for(q)]
                        # "protested against abuses by the police"; "support for India's bid", "in protest against the
                        # government's tax increase": the act's doer, else whoever owns it (named, not "its")
                        found = found or r.actors_for(p) or self._doer_of(p, r) or self._owner_of(p, r)
                        after = w.right_edge(ch) + 1
                        if not found and after < w.n and w.head[after] == h and w.dep[after] in ("prep", "agent") and w.lower[after] == "by" and w.pos[p] == "NOUN":
                            # "opened an inquiry into price-fixing | by five distributors": the doer's phrase the parser
                            # hung on the verb, right after the act it names
                            found = [a for q in w.children(after) if w.dep[q] == "pobj" for a in r.actors_for(q)]
                        if not found and not framed and w.lemma[p] in FRAME_NOUNS:
                            # "blocked roads in protest against the government's tax", "in response to X": the frame's
                            # object, when no phrase of the act itself names anyone ("ceased its operations in
                            # Venezuela in response to U.S. sanctions")
                            # "in protest at the slow issuing of licences by the British government": down the "of" chain
                            # (its phrase may hang on the verb instead: "blockaded the ports in protest | at the issuing")
                            frames = [f for f in w.children(p) if w.dep[f] in PREP_DEPS and w.lower[f] in ("against", "to", "at", "over", "with", "for")]
                            frames = frames or [f for f in w.children(h) if w.dep[f] == "prep" and f == w.right_edge(ch) + 1 and w.lower[f] in ("against", "at", "over")]
                            framed = [a for f in frames for q in w.children(f) if w.dep[q] == "pobj" for a in self._pressing(q, r)][:1] or framed
                        out.extend(found)
                        if not found and not located and r.nouns.get(w.lemma[p]):
                            # "troops to a peace-keeping force in Liberia": the place the unnamed party is in
                            located = r.located_in(p)
                    if out:
                        return out
        return out or framed or located

    def _recipient_of(self, noun, r: ArgResolver) -> list[ActorRef]:
        """Whom a thing (not an actor, nor a group of people) goes to: "aid to Myanmar", "gas supplies to Ukraine"."""
        w = self._w
        if r.span_of(noun) is not None or r.nouns.get(w.lemma[noun]) or w.pos[noun] != "NOUN":
            return []
        return [a for ch in w.children(noun) if w.dep[ch] == "prep" and w.lower[ch] == "to" for p in w.children(ch) if w.dep[p] == "pobj" for a in r.actors_for(p)]

    def _doer_of(self, noun, r: ArgResolver) -> list[ActorRef]:
        """The agent of an act named by a noun: "violations by the security forces", "a rally staged by students"."""
        w = self._w
        for ch in w.children(noun):
            if w.dep[ch] == "prep" and w.lower[ch] == "by":
                return [a for p in w.children(ch) if w.dep[p] == "pobj" for a in r.actors_for(p)]
            if w.dep[ch] == "acl" and w.tag[ch] == "VBN":
                agents = [a for ag in w.children(ch) if w.dep[ag] == "agent" for p in w.children(ag) if w.dep[p] == "pobj" for a in r.actors_for(p)]
                if agents:
                    # "gas fields operated by Petrobras and Repsol": the parser may join the second name to the participle
                    agents += [a for k in w.children(ch) if w.dep[k] == "conj" and w.pos[k] in ("PROPN", "NOUN") for a in r.actors_for(k)]
                    return dedupe(agents)
        return []

    def _owner_of(self, noun, r: ArgResolver) -> list[ActorRef]:
        """The named possessor of a thing that is no actor itself: "India's bid", "the government's increase"."""
        w = self._w
        if w.pos[noun] != "NOUN" or r.span_of(noun) is not None:
            return []
        return [a for ch in w.children(noun) if w.dep[ch] == "poss" and w.pos[ch] != "PRON" for a in r.actors_for(ch)]

    def _actors_in(self, head, r: ArgResolver, venue_free: bool = False, own: list[ActorRef] | None = None, act: int | None = None) -> list[ActorRef]:
        """The first actor named inside a phrase, not descending into its subordinate clauses (nor, with
        ``venue_free``, into where the phrase's talks or exercises are held); with ``own``, not those actors' own
        armed forces; not into the ``act`` itself ("Switzerland froze bank accounts": the parser may hang the verb and
        its subject on the object)."""
        w = self._w
        stack = [c for c in w.children(head) if c != act][::-1]
        while stack:
            t = stack.pop()
            if venue_free and w.dep[t] == "prep" and w.lower[t] in LOCATIVE_PREPS:
                # "opened negotiations in the Togolese capital Lome", "held two days of talks in Rio de Janeiro"; but the
                # partner's phrase the parser hung on the venue is the act's ("discussed the crossings at Cucuta with
                # Venezuela's Nicolas Maduro")
                stack.extend(f for p in w.children(t) if w.dep[p] == "pobj" for f in w.children(p) if w.dep[f] == "prep" and w.lower[f] == "with")
                continue
            if w.dep[t] in ("prep", "npadvmod") and (w.lower[t] in NON_ROLE_PREPS or w.lemma[t] in ("day", "week", "month", "year")):
                continue  # "days before Russia began its invasion", "according to Xinhua"
            if w.dep[t] in ("advcl", "relcl", "acl", "parataxis", "ccomp", "appos") and w.head[t] == head and w.pos[head] in VERBAL_POS:
                continue
            if w.dep[t] in ("advcl", "relcl", "parataxis"):
                continue
            if w.dep[t] == "acl" and (w.lemma[t] not in TRANSFER_PARTICIPLES | OWNING_PARTICIPLES or _people_noun(w, r, w.head[t])):
                continue  # "measures used against Iran" says nothing about this event's target; "hostages held by ..." are not owned
            span = r.span_of(t)
            if span is not None and brokered_by(self._doc, span.end):
                continue  # "resumed African Union-brokered talks"
            # a named actor, or one a noun of its sector names ("rejected an offer of talks from the Afghan government",
            # "denounced the government's new law"), not one placed only by the story's country
            if (span is not None and span.how != "adjective") or (span is None and w.pos[t] == "NOUN" and r.nouns.get(w.lemma[t])):
                found = [a for a in r.actors_for(t) if not (own and _own_forces(a, own))]
                if found and t not in r.guessed:
                    return found
            stack.extend(list(w.children(t))[::-1])
        return []

    def _unclaimed_attack(self, tok, r: ArgResolver) -> list[ActorRef]:
        """'A roadside bomb near Samarra killed three soldiers', 'killed by an explosive device outside the Iraqi city of
        Basra': violence whose doer is a weapon is coded, as event data does, to the state where it happened."""
        w = self._w
        doers = [ch for ch in w.children(tok) if w.dep[ch] == "nsubj"]
        doers += [p for ch in w.children(tok) if w.dep[ch] == "agent" for p in w.children(ch) if w.dep[p] == "pobj"]
        if any(w.dep[ch] == "auxpass" for ch in w.children(tok)):
            # "was killed in a car bomb explosion in Beirut", "were wounded by a roadside bomb": the weapon of a passive
            # (not an attack whose doer is named: "wounded in the bombing of a checkpoint by al-Shabaab"; not shelling or an
            # air strike, which come from the other side: "wounded in the shelling of Kharkiv")
            doers += [p for ch in w.children(tok) if w.dep[ch] == "prep" and w.lower[ch] in ("in", "by") for p in w.children(ch)
                      if w.dep[p] == "pobj" and w.lemma[p] in HIDDEN_WEAPONS and not any(w.lower[b] == "by" for b in range(p, w.right_edge(p) + 1))]
        if not doers and w.dep[tok] in ("advcl", "conj") and w.pos[w.head[tok]] in VERBAL_POS:
            # "A suicide bomber rammed a car into the checkpoint, killing five constables": the participle's doer is the
            # subject of the act it goes on from
            doers = [ch for ch in w.children(w.head[tok]) if w.dep[ch] == "nsubj"]
        for d in doers:
            # "kidnapped by armed men", "a suicide bomber blew himself up": nameless attackers are placed the same way
            if (w.lemma[d] in ATTACK_INSTRUMENTS | NAMELESS_ATTACKERS
                    or any(w.lemma[c] in ATTACK_INSTRUMENTS for c in w.children(d) if w.dep[c] == "compound")):
                # the actor's words are the doer's ("two men on motorbikes"), wherever the place came from
                found = r.located_in(d) or r.located_in(tok, named_by=d)
                if not found:
                    focus = r.focus_country()
                    found = [r.located_ref(focus, named_by=d)] if focus else []
                for a in found:
                    # people are CAMEO's unidentified armed forces of the place, not its state (whose force would be
                    # conventional warfare); a weapon stands for no one
                    a.sector = "UAF" if w.lemma[d] in NAMELESS_ATTACKERS else None
                return found
        return []

    def _first_actor_after(self, tok, source: list[ActorRef], r: ArgResolver, etype: str | None = None) -> list[ActorRef]:
        """Last resort for a target, as pattern-based coders do: the first actor named after the trigger inside
        its own phrase ("withdraw inspectors and workers from Iraq", "calling for independence from Iraq"), not
        the source, not in when/according-to phrases, relative clauses or reporting frames."""
        w = self._w
        keys = {(a.actor_id, a.sector) for a in source}
        blocked: set[int] = set()
        subtree = w.subtree(tok)  # walked twice (the list is the view's own: not changed here)
        for t in subtree:
            if t in blocked:
                continue
            own_frame = w.head[t] == tok and w.dep[t] in ("nsubj", "nsubjpass", "csubj", "agent", "parataxis", "punct", "mark")
            # "..., saying they would negotiate only with the United States": a reason or claim added by the actor, not
            # the act's own phrase
            # "opened negotiations in the Togolese capital Lome", "signed a treaty at the Vatican": where the act happens,
            # not whom it is aimed at (the sense's own prepositions were tried before this search); but the victims of
            # one-sided violence and coercion are people of where it happens ("killed a cleric in Basra")
            on_act = w.head[t] == tok or (w.head[w.head[t]] == tok and w.dep[w.head[t]] in OBJ_DEPS)
            # (or deeper, on a thing of the act's own phrase: "signed a memorandum of understanding in Jakarta", "exchanged
            # gunfire for several hours near Beni", "Meeting behind closed doors in Doha")
            locative = ((on_act or _where_of_act(w, r, w.head[t], tok)) and w.dep[t] == "prep" and w.lower[t] in LOCATIVE_PREPS
                        and etype not in ("ASSAULT", "COERCE"))
            # "in the days after Hamas gunmen attacked ...": when, not to whom
            # "... on the same day an American carrier group sailed into the Gulf": a clause of its own that a time phrase
            # opens is when, too
            temporal = ((w.dep[t] == "advcl" and any(w.dep[m] == "mark" and w.lower[m] in TEMPORAL_MARKS for m in w.children(t)))
                        or (w.dep[t] in ("advcl", "ccomp") and _time_clause(w, t)))
            # "resigned on Friday ... and flew to Miami": a verb joined to the act with no object is another act
            joined = (w.head[t] == tok and w.dep[t] == "conj" and w.pos[t] == "VERB"
                      and not any(w.dep[o] in OBJ_DEPS or w.dep[o] == "agent" for o in w.children(t)))
            # "..., with leader Kim Jong Un watching from a balcony": a clause with its own subject after a preposition
            # says what went on around the act
            # (not "looking into whether the campaign took illegal donations": what is looked into)
            absolute = (w.dep[t] == "pcomp" and w.lower[w.head[t]] in ("with", "without")
                        and any(w.dep[s] in ("nsubj", "nsubjpass") for s in w.children(t)))
            # "Macron warned that Paris would impose tariffs on Brazil": the reported clause's doer is the speaker's own state
            # or government, who acts, not whom it is aimed at
            # (a clause of its own verb: not "found the city liable")
            own_side = (etype in SPEECH_ACT_TYPES and w.dep[t] in ("nsubj", "nsubjpass") and w.dep[w.head[t]] == "ccomp" and w.head[w.head[t]] == tok
                        and w.pos[w.head[t]] in ("VERB", "AUX") and bool(found := r.actors_for(t)) and all(_speaks_for(a, source) for a in found))
            # "rescued 20 schoolgirls kidnapped by Boko Haram": who did something to the people the act is done to (its
            # object, placed or guessed) describes them; the act is aimed at them
            described = (w.dep[t] == "agent" and w.dep[w.head[t]] == "acl" and w.head[w.head[w.head[t]]] == tok
                         and w.dep[w.head[w.head[t]]] in OBJ_DEPS and _people_noun(w, r, w.head[w.head[t]]))
            if (own_frame or locative or temporal or joined or absolute or own_side or described or _reporting_participle(w, t) or w.dep[t] in ("relcl", "appos")
                    or (w.dep[t] in ("prep", "npadvmod") and w.lower[t] in NON_ROLE_PREPS)):
                blocked.update(x for x in w.subtree(t))
        for t in subtree:
            if t <= tok or t in blocked:
                continue
            span = r.span_of(t)
            if span is None or span.start != t or brokered_by(self._doc, span.end) or names_a_currency(self._doc, span):
                continue  # "reduce their exposure to the US dollar" is aimed at no one
            head = self._doc[span.start : span.end].root.i  # "the United States and Israel": coordination hangs on the head
            found = [a for a in r.actors_for(head) if (a.actor_id, a.sector) not in keys]
            if not found and span.how == "adjective":
                found = [a for a in [span.ref.copy()] if (a.actor_id, a.sector) not in keys]
            if found:
                return found
        return []

    def _nearest_actor_before(self, tok, r: ArgResolver) -> list[ActorRef]:
        """When the parse gives a finite verb no subject at all, the closest actor named before it in the sentence; all
        those named between the last comma and the verb when there are several ("After years of deadlock, Ethiopia and
        Eritrea signed ...", which the parser joins to the opening phrase)."""
        w = self._w
        start = w.sent_start(tok)
        comma = next((t for t in reversed(range(start, tok)) if w.text(t) == ","), None)
        if comma is not None:
            # each name there, and each noun phrase by its head, for a noun an adjective places ("Kyrgyz border
            # commanders and their Tajik counterparts")
            between = dedupe([a for t in range(comma + 1, tok) for s in [r.span_of(t)]
                              if (s is not None and s.start == t and s.how != "adjective")
                              or (w.pos[t] == "NOUN" and (w.dep[t] == "conj" or not comma < w.head[t] < tok))
                              for a in r.actors_for(t)])
            if len(between) > 1:
                return between
        for t in reversed(range(start, tok)):
            span = r.span_of(t)
            if span is not None and span.how != "adjective":
                return r.actors_for(t)
        return []

    def _inherited_subject(self, tok, r: ArgResolver) -> list[ActorRef]:
        """Subject of an xcomp/conj/advcl verb comes from the verb it hangs on; a relative clause's from its noun."""
        w = self._w
        h = tok
        for _ in range(4):
            if w.dep[h] in ("xcomp", "conj", "advcl", "pcomp", "acomp") and w.head[h] != h:
                link, was = w.dep[h], h
                h = w.head[h]
                # "'He has done nothing wrong,' Home Secretary Yvette Cooper said, leaping to the defence of ...": a participle
                # after the reporting verb that follows a quote is the speaker's, though the parser hangs both on the quote
                # (only after a quotation: in "Dockworkers walked off the job, the union said, halting container traffic" the
                # workers halt it)
                speaker = (next((p for p in w.children(h) if w.dep[p] in ("parataxis", "ccomp") and w.lemma[p] in REPORTING_VERBS and h < p < was
                                 and any(w.tag[q] in ("''", "``") for q in range(h, p))), None)
                           if link == "advcl" and w.tag[was] == "VBG" and h < was else None)
                found = [a for p in ([speaker] if speaker is not None else []) for ch in w.children(p) if w.dep[ch] == "nsubj" for a in r.actors_for(ch)]
                if found:
                    return found
                if link == "pcomp" and w.dep[h] == "prep" and w.lower[h] in ACCOUNTING_PREPS and (found := self._answerable(h, r)):
                    return found  # "Ethiopia accused Sudan of arming the rebels": Sudan arms them
                # "After meeting the Chinese foreign minister, the Indian envoy said ...", "On returning to Kenya, he was
                # arrested": a gerund a preposition of time opens before the clause shares the grammatical subject of the
                # clause's verb (a passive's too); after the verb the parser may hang the phrase on a complement's verb
                # ("let the tanker sail from Bandar Abbas, two months after seizing it")
                adjunct = (link == "pcomp" and w.dep[h] == "prep" and w.lower[h] in ADJUNCT_PREPS and w.pos[w.head[h]] in VERBAL_POS
                           and h < w.head[h])
                if adjunct or (link == "pcomp" and w.dep[h] == "prep" and w.lower[h] in ("by", "through") and w.pos[w.head[h]] in VERBAL_POS):
                    h = w.head[h]  # "violated the ceasefire by opening fire on ...": the means shares the act's subject
                passive = not adjunct and any(w.dep[ch] in ("auxpass", "nsubjpass") for ch in w.children(h))
                if (link == "xcomp" and w.pos[h] in VERBAL_POS and w.lemma[h] not in SUBJECT_CONTROL_VERBS
                        and not (w.lemma[h] in SUMMON_VERBS and w.lemma[was] in SUMMONER_PURPOSES)):
                    # "Egypt persuaded Hamas to accept a ceasefire", "helped Ukraine to repel ...": the object does what it is
                    # brought to do; "Iraq was forced by the UN to destroy its missiles": a passive's subject does (not
                    # forces placed only by the story's country: "sent troops to patrol ...")
                    controllers = [ch for ch in w.children(h) if (w.dep[ch] == "dobj" and ch < was and ch not in r.guessed)
                                   or (passive and w.dep[ch] == "nsubjpass")]
                    found = [a for c in controllers for a in r.actors_for(c)]
                    if found:
                        return found
                if link == "conj" and passive:
                    # "the prime minister has been indicted by the court and will resign": coordinated verbs share
                    # the grammatical subject, not the first verb's agent
                    shared = [a for ch in w.children(h) if w.dep[ch] == "nsubjpass" for a in r.actors_for(ch)]
                    if shared:
                        return shared
                for ch in w.children(h):
                    if (w.dep[ch] in SUBJ_DEPS or (w.dep[ch] == "nsubjpass" and not passive)) and (subjects := _undated(w, r, ch)):
                        return [a for s in subjects for a in (r.actors_for(s) or self._speaker_for(s, r))]
                    if w.dep[ch] == "agent":
                        return [a for p in w.children(ch) if w.dep[p] == "pobj" for a in r.actors_for(p)]
            elif w.dep[h] in ("relcl", "acl") and w.head[h] != h:
                actors = r.actors_for(w.head[h])
                if actors:
                    return actors
                if w.dep[h] == "acl" and w.pos[w.head[h]] == "NOUN":
                    # "King Gyanendra's decision to reinstate parliament", "Iran's offer to ship fuel": whoever owns the
                    # decision, plan or offer is who acts
                    owner = [a for ch in w.children(w.head[h]) if w.dep[ch] == "poss" for a in r.actors_for(ch)]
                    # "the decision by the European Union to sanction ...", "a bid by Moscow to annex ...": its doer
                    owner = owner or self._doer_of(w.head[h], r)
                    if owner:
                        return owner
                # "the PKK issued a declaration demanding ...": the noun's verb's subject
                noun = w.head[h]
                if w.dep[noun] in ("dobj", "attr") and w.head[noun] != noun:
                    for ch in w.children(w.head[noun]):
                        if w.dep[ch] in SUBJ_DEPS:
                            return r.actors_for(ch)
                break
            else:
                break
        return []

    def _governing_subject(self, tok, r: ArgResolver) -> list[ActorRef]:
        """For a nominal event with no actor of its own, the subject of the verb it depends on."""
        w = self._w
        h = tok
        held = None  # the preposition of accounting ("for", "over", ...) the act hangs under
        for _ in range(4):
            if w.head[h] == h:
                return []
            link, h = h, w.head[h]
            if w.dep[link] == "prep" and w.lower[link] in TOPIC_PREPS:
                return []
            if w.dep[link] == "prep" and w.lower[link] in ACCOUNTING_PREPS:
                held = link
            if w.pos[h] in VERBAL_POS and w.dep[h] != "prep":  # "following", "including" are prepositions here
                if held is not None and (found := self._answerable(held, r)):
                    return found
                if w.lemma[h] in WITNESS_VERBS and w.dep[link] in ("dobj", "nsubjpass", "prep", "pobj"):
                    return []  # "residents fled the fighting", "police are ignoring the killings": not whose act it is
                subjects = [ch for ch in w.children(h) if w.dep[ch] in SUBJ_DEPS]
                if subjects:
                    # "COLOMBO — Prime Minister Narendra Modi began a state visit to Sri Lanka": not the dateline the parser
                    # took for a second subject
                    return next((found for ch in subjects for s in _undated(w, r, ch) if (found := r.actors_for(s) or self._speaker_for(s, r))), [])
                return self._inherited_subject(h, r)
        return []

    def _answerable(self, prep, r: ArgResolver) -> list[ActorRef]:
        """Whom a verb of accounting holds to account for (or credits with) what its for/over/of/with phrase names: the
        object of an active verb ("Amnesty condemned the army for the killings", "accused Sudan of backing rebels",
        "thanked Japan for its aid"), the subject of a passive ("five officers were charged over the beating"), not who
        holds it against them. The phrase hangs on the verb or on its object."""
        w = self._w
        if w.lower[prep] == "for" and any(w.dep[p] in ("pobj", "pcomp") and w.lower[p] in HELD_FOR for p in w.children(prep)):
            return []
        obj, v = w.head[prep], accounting_verb(w, prep)  # (the parser may hang "for" on "rebels": "blamed the rebels for ...")
        if w.lemma[v] not in ACCOUNTING_VERBS or w.pos[v] not in VERBAL_POS:
            return []
        passive = any(w.dep[ch] in ("auxpass", "nsubjpass") for ch in w.children(v))
        return [a for ch in w.children(v) if (w.dep[ch] == "nsubjpass" if passive else (w.dep[ch] == "dobj" and obj in (v, ch)))
                for a in r.actors_for(ch)]

    # ------------------------------------------------------------ folding
    def _fold_governed(self, cands: list[_Candidate]) -> None:
        """'threatened to impose tariffs', 'agreed to aid', 'refused to recognise', 'rejected an appeal for
        deploying troops', 'staged rallies to demand reforms': one event, not two.

        An event whose trigger lies in the complement of a governing trigger (through complement,
        purpose, object and prepositional links, at most three steps down) is folded into it.
        """
        w = self._w
        by_tok = {c.tok: c for c in cands}
        for c in cands:
            if not c.sense.governs:
                continue
            for inner in self._governed(c, by_tok):
                inner.suppressed = True
                c.inner.append(inner)
                if not any(_coded(a) for a in c.target):
                    # a demand is on whoever must act; an agreement or threat concerns the act's target
                    # (not the demander itself: "Zambia appealed for assistance" gives the aid noun Zambia as its source);
                    # it outranks a target nobody places ("offered to station Patriot batteries in Poland")
                    # and a finding is against whoever did what it finds ("ruled that Poland had breached EU law": Poland)
                    asked = (_other_than_source(inner.source, c.source) if c.sense.type in ("DEMAND", "REQUEST") or c.sense.cameo in FINDING_CAMEOS
                             else [])
                    # (one asked whom nobody places yields to a placed party of the act: "asked the High Court to order the
                    # Foreign Office to ...")
                    asked = asked if any(_coded(a) for a in asked) else []
                    c.target = asked or _other_than_source(inner.target, c.source or inner.source) or c.target
                if not c.source and c.sense.cameo not in FINDING_CAMEOS:  # (the one found at fault finds nothing)
                    # (not whom the governing act falls on: "Israel was urged to halt settlement construction")
                    taken = {(a.actor_id, a.sector) for a in c.target}
                    c.source = [a for a in inner.source if (a.actor_id, a.sector) not in taken]
            if not c.target and c.sense.type == "THREATEN":
                c.target = self._condition_subject(c)
            if not c.target:
                # a noun's complement clause hangs on it as acl: "Greece's demand that Germany pay reparations"
                clauses = ("xcomp", "ccomp", "acl") if c.sense.pos == "NOUN" else ("xcomp", "ccomp")
                for ch in w.children(c.tok):
                    if w.dep[ch] in clauses:
                        # "demanding that the Turkish government provide ...": the complement's subject first
                        subj = [a for s in w.children(ch) if w.dep[s] in ("nsubj", "nsubjpass") for a in self._resolver.actors_for(s)]
                        if c.sense.type in INSTRUMENT_TYPES:
                            # "warned that the People's Liberation Army would crush any attempt to make Taiwan
                            # independent": the speaker's own forces carry the threat out, they are not its target
                            subj = [a for a in subj if not _own_forces(a, c.source)]
                        found = _other_than_source(subj or self._actors_in(ch, self._resolver, own=c.source), c.source)
                        if found:
                            c.target = found
                            break

        for c in cands:
            if (c.target and not (c.guessed_target and c.sense.type == "PROTEST")) or c.suppressed:
                continue
            # "police opened fire to disperse demonstrators": an act with no one named is aimed at whoever its
            # purpose clause acts on (the purpose stays an event of its own); "rallied outside parliament, denouncing the
            # government's decision": a protest is aimed at whom its participle of speech names (before a target found
            # only by the last-resort search)
            for ch in w.children(c.tok):
                inner = by_tok.get(ch)
                if inner is None or not inner.target:
                    continue
                purpose = (not c.target and w.dep[ch] in ("advcl", "xcomp")
                           and _to_infinitive(w, ch))
                participle = (c.sense.type == "PROTEST" and inner.sense.type in SPEECH_ACT_TYPES | {"REJECT"} and not inner.guessed_target
                              and w.dep[ch] == "advcl"
                              and w.tag[ch] == "VBG" and not any(w.dep[s] in ("nsubj", "nsubjpass") for s in w.children(ch)))
                if purpose or participle:
                    found = _other_than_source(inner.target, c.source)
                    if found:
                        c.target, c.guessed_target = found, False
                        break

    def _condition_subject(self, c: _Candidate) -> list[ActorRef]:
        """'Russia threatened to stop talks if the United States goes ahead': a threat is aimed at whoever
        must meet (or avoid) its condition, the subject of its if/unless clause."""
        w = self._w
        keys = {(a.actor_id, a.sector) for a in c.source}
        heads = [c.tok, *(ch for ch in w.children(c.tok) if w.dep[ch] in ("xcomp", "ccomp"))]
        for h in heads:
            for cl in w.children(h):
                if w.dep[cl] != "advcl" or not any(w.dep[m] == "mark" and w.lower[m] in ("if", "unless") for m in w.children(cl)):
                    continue
                for subj in w.children(cl):
                    if w.dep[subj] in ("nsubj", "nsubjpass"):
                        found = [a for a in self._resolver.actors_for(subj) if (a.actor_id, a.sector) not in keys]
                        if found:
                            return found
        return []

    def _governed(self, c: _Candidate, by_tok: dict) -> list[_Candidate]:
        w = self._w
        out = []
        frontier = [(ch, 1) for ch in w.children(c.tok)]
        frontier += [(o, 1) for o in c.objects.values() if o != c.tok]
        seen = {c.tok}
        while frontier:
            t, depth = frontier.pop()
            if t in seen or depth > 3:
                continue
            seen.add(t)
            if w.dep[t] not in FOLD_DEPS or _reporting_participle(w, t):
                continue  # "rejected the offer, saying they would negotiate only with ...": a claim, not the complement
            if w.dep[t] == "ccomp" and t < c.tok and w.head[t] == c.tok:
                continue  # "The EU has lifted sanctions on X, ministers agreed": a report fronted, not a complement
            if background_clause(w, t):
                continue  # "halted gas deliveries after they refused to pay": what came before or after, an event of its own
            inner = by_tok.get(t)
            if inner is not None and inner is not c and not inner.suppressed:
                out.append(inner)
                continue  # what the inner event governs is its own business
            frontier.extend((ch, depth + 1) for ch in w.children(t))
        return out

    def _enough(self, c: _Candidate) -> bool:
        w = self._w
        if w.dep[c.tok] in ("acl", "xcomp", "advcl") and w.pos[w.head[c.tok]] == "NOUN" and w.lemma[w.head[c.tok]] in PURPOSE_NOUNS:
            return False  # "in a bid to halt exports": a purpose, not a happening
        if w.dep[c.tok] == "acl" and w.tag[c.tok] in ("VBG", "VBN") and not c.source:
            return False  # "countries purchasing Venezuelan oil", "measures used against Iran": a description, not an event
        needs = c.sense.needs or ("pair" if c.sense.pos == "NOUN" else None)
        if needs == "target":
            return bool(c.target)
        if needs == "pair":
            return bool(c.source and c.target) or len(c.source) >= 2
        return bool(c.source or c.target)

    def _main_clause(self, t) -> bool:
        """Is ``t`` the sentence's main verb, one joined to it, or the act a report at the root states ("..., the agency
        said")?"""
        w = self._w
        h = w.head[t]
        return (w.dep[t] == "ROOT" or (w.dep[t] == "conj" and w.dep[h] == "ROOT")
                or (w.dep[t] in ("ccomp", "parataxis") and w.dep[h] == "ROOT" and w.lemma[h] in REPORTING_VERBS))

    def _sure_but_aimless(self, c: _Candidate) -> bool:
        """``c`` is a main-clause verb (or the act a report at the root states: "..., the agency said") of a hand
        trigger whose senses all wanted a target or pair they did not find, though a named party does it; and the act
        is sure without its target: its best sense is confirmed by the direct object itself ("pulled funding from"), or
        it is a speech act with an object ("accused him of taking bribes") - not "offered few details about the
        financing", not "welcomed the news" (no visit)."""
        w, t = self._w, c.tok
        if not self._main_clause(t) or w.pos[t] != "VERB" or c.first_sense.synonym_of or not any(_coded(a) for a in c.source):
            return False
        sense = c.first_sense
        if sense.objects:
            return bool(sense.objects & _direct_object_lemmas(w, t))
        return sense.type in SPEECH_ACT_TYPES and any(w.dep[o] in OBJ_DEPS for o in w.children(t))

    def _unplaced_doer(self, c: _Candidate) -> bool:
        """``c`` is a main-clause verb whose subject is a doer by its very word - a group noun of the sector
        lexicon ("dockworkers", "authorities", "rebels", "the state government"; in "hundreds of demonstrators"
        the noun after "of") - though no actor was resolved; a sense made for two parties needs two such subjects, and
        a verb with a direct object codes only by a sense its object or particle confirms ("traded gunfire", not
        "traded stories")."""
        w, t = self._w, c.tok
        if c.source or c.target or w.pos[t] != "VERB" or not (w.dep[t] == "ROOT" or (w.dep[t] == "conj" and w.dep[w.head[t]] == "ROOT")):
            return False
        sense = c.first_sense
        if sense.needs == "target" or (not (sense.objects or sense.particle) and any(w.dep[ch] == "dobj" for ch in w.children(t))):
            return False  # "The city council cut the school budget": a sense made for a target codes nothing without one
        doers = 0
        for ch in w.children(t):
            if w.dep[ch] not in ("nsubj", "nsubjpass"):
                continue
            for head in (ch, *(h for h in w.conjuncts(ch))):
                words = [head, *(o for p in w.children(head) if w.dep[p] == "prep" and w.lower[p] == "of" for o in w.children(p) if w.dep[o] == "pobj")]
                doers += any(is_group_noun(w, x) for x in words)
        return doers >= (2 if sense.needs == "pair" else 1)

    # ------------------------------------------------------------ event
    def _event(self, c: _Candidate, cands: list[_Candidate], sent, si: int, r: ArgResolver, doc_id: str, published,
               quantities: list[Quantity]) -> Event:
        """The event of candidate ``c``; ``cands`` are all of its sentence's candidates."""
        w = self._w
        tok, sense = c.tok, c.sense
        mode, context, cameo = sense.mode, sense.context, sense.cameo
        etype = sense.type
        words = _SentenceWords(w, sent)  # its lemma sets are built on first use, once for all the checks below
        if sense.military and self._military(words, c.source, tok):
            etype = sense.military.get("type", etype)
            cameo = sense.military.get("cameo", cameo)
            mode = sense.military.get("mode", mode)
            context = "military"
            if self._civilian_victims(tok, words):
                # the soldiers' violence falls on the unarmed: one-sided (ASSAULT), as the sense codes it by default;
                # when a state's forces use it, it is repression (CAMEO 175: "security forces opened fire on protesters")
                etype, cameo, mode, context = sense.type, sense.cameo, sense.mode, sense.context
                if etype == "ASSAULT" and any(a.sector in STATE_FORCE_SECTORS or (a.kind == "state" and not a.sector) for a in c.source):
                    cameo, mode, context = "175", None, None
        doers = [tok, *([w.head[tok]] if w.dep[tok] in ("advcl", "conj", "xcomp") else [])]
        # the crowd may be the apposition of a dateline the parser made the subject ("DHAKA — Protesters in Dhaka set
        # fire to ..."); a party's or an army's youths or men beating someone are no crowd out of control
        if (etype in ("COERCE", "ASSAULT", "FIGHT") and not any(a.sector in ORGANISED_SECTORS for a in c.source)
                and any(w.dep[ch] == "nsubj" and (_rioters(w, ch) or any(w.dep[a] == "appos" and _rioters(w, a) for a in w.children(ch)))
                        for d in doers for ch in w.children(d))):
            # "rioters set fire to churches", "protesters attacked the police station", "rioters rampaged through the
            # town, burning offices", "rioting youths clashed with police": violent protest (CAMEO 145)
            etype, cameo, mode, context = "PROTEST", "145", "riot", None
        elif etype == "PROTEST" and cameo == "145" and c.source and all(a.kind == "group" and a.sector in ("REB", "MIL") for a in c.source):
            # "al-Shabaab fighters stormed a hotel": an armed group storming a place attacks it, it does not riot
            etype, cameo, mode, context = "ASSAULT", "180", None, None
        if cameo in ("191", "192") and c.source and all(a.sector in CIVILIAN_SECTORS for a in c.source):
            # "students occupied the parliament grounds", "villagers blockaded the flow station": an occupation or a
            # blockade by civilians obstructs, it is no seizure of territory nor a state's restriction of movement (CAMEO 144)
            etype, cameo, mode, context = "PROTEST", "144", "obstruct", None
        elif cameo == "144" and c.source and all(a.sector in ("MIL", "COP") for a in c.source):
            # "the navy blockaded the port", "police sealed the roads into the town": a state's forces closing a way
            # restrict movement (CAMEO 191), they do not protest
            etype, cameo, mode, context = "COERCE", "191", "restrict", "military" if any(a.sector == "MIL" for a in c.source) else None
        if cameo == "114" and w.lemma[tok] in ("protest", "demonstrate") and c.source and all(a.sector in CROWD_SECTORS for a in c.source):
            # "hundreds of Vietnamese protested outside the Chinese embassy over the oil rig": people protesting
            # demonstrate (CAMEO 141); a government protesting complains (CAMEO 114)
            etype, cameo, mode, context = "PROTEST", "141", "demo", None
        if (cameo in ("174", "1722", "0872") and any(a.kind == "igo" or a.sector in ("IGO", "NGO") for a in c.target)
                and c.source and not any(a.kind == "igo" or a.sector in ("IGO", "NGO") for a in c.source)
                and w.lemma[tok] not in OPENING_VERBS):  # (not "reopened the crossing to UN aid trucks": that lets them in)
            # "expelled the UN resident coordinator", "barred UNRWA from operating", "suspended the operations of MSF": an
            # international body or aid agency sent away or stopped is a state's expulsion of a foreign presence (CAMEO
            # 1663), not a deportation, a party ban or a withdrawal of one's own
            etype, cameo, mode, context = "SANCTION", "1663", "expel", "human_security"
        if (cameo == "081" and c.target and all(a.kind == "company" or a.sector == "BUS" for a in c.target)
                and "licence" not in (c.sense.objects or ())):
            # "the U.S. Treasury eased restrictions on Belaruskali": restrictions on a business are economic (CAMEO 085);
            # a licence or permit given back is the regulator's own administrative act whoever holds it ("reinstated the
            # operating permit of a shipping firm": CAMEO 081)
            etype, cameo, mode, context = "RETREAT", "085", "ease", "economic"
        if etype == "AID" and cameo == "070" and any(k in TROOP_WORDS for k in c.objects) and self._to_border(tok):
            # "rushed 400 troops to its border with Cambodia": troops sent to a frontier are mobilised, not given (CAMEO 154)
            etype, cameo, mode, context = "MOBILIZE", "154", "troops", "military"
        if etype == "AGREE" and w.lemma[tok] in VOW_WORDS and any(
                i.sense.type in ("ASSAULT", "FIGHT", "COERCE", "SANCTION") and w.dep[i.tok] == "xcomp"
                and (w.head[i.tok] == tok or _vowed_aspect(w, w.head[i.tok], tok)) for i in c.inner):
            # "police vowed to crush any protests": a promise of force is a threat (CAMEO 138), and so is one to keep using it
            # ("vowed to keep fighting"); "vowed to pull American liquor
            # off the shelves": of a boycott or sanction, a threat too (CAMEO 1312, set below)
            etype, cameo, mode, context = "THREATEN", "138", "violence", None
        if etype == "DEMAND" and w.lemma[tok] in ORDER_WORDS and any(
                i.sense.type in ("ASSAULT", "FIGHT") and w.dep[i.tok] == "xcomp" and w.head[i.tok] == tok for i in c.inner):
            # "told police to shoot rioters who attack police stations": force ordered against a third party is a threat
            # of it (CAMEO 138), the order's addressee is only the instrument
            etype, cameo, mode, context = "THREATEN", "138", "violence", None
        if etype == "AGREE" and w.lemma[tok] in VOW_WORDS and self._hostile_condition(tok, cands):
            # "vowed to pull American liquor off the shelves if Washington goes ahead with its tariffs": what is vowed
            # answers a hostile act, a retaliation held out (CAMEO 130), not a promise
            etype, cameo, mode = "THREATEN", "130", None
        if etype == "MOBILIZE" and (self._peacekeeping_purpose(tok) or ((self._helping_purpose(tok) or (self._on_request(tok) and not self._to_border(tok))) and _abroad(c.source, c.target))):
            # "dispatched 50 soldiers to Solomon Islands to help police restore order": troops sent to help another state
            # "at the request of Malawi's government, Zambia sent 500 soldiers": sent abroad because the host asked, to help
            # "sent 300 soldiers to Liberia to bolster the peacekeeping force": troops sent to keep the peace are aid (CAMEO 074)
            etype, cameo, mode, context = "AID", "074", None, "peacekeeping"
        act = tok  # the word the trigger is told by
        if (etype == "DEMAND" and w.dep[tok] == "advcl" and w.tag[tok] == "VBG" and w.lemma[tok] in DEMANDING_VERBS | {"call"}
                and w.pos[w.head[tok]] == "VERB" and w.lemma[w.head[tok]] not in SPEAKER_VERBS and not any(o.tok == w.head[tok] for o in cands)
                and ((c.source and all(a.sector in CROWD_SECTORS for a in c.source))
                     or any(w.dep[n] == "nsubj" and sector_nouns().get(w.lemma[n]) in CROWD_SECTORS for n in w.children(w.head[tok])))):
            # "students padlocked the rector's office, demanding ...", "marchers streamed across the bridge, calling for
            # ...": what a crowd does to press a demand, in words the lexicon has no protest sense of, is its protest
            # (CAMEO 141); the demand is its purpose, told by the act
            etype, cameo, mode, context, act = "PROTEST", "141", "demo", None, w.head[tok]
        if etype in COOPERATIVE_TYPES and w.dep[tok] == "xcomp" and w.lemma[w.head[tok]] in HALT_VERBS:
            # "PetroChina stopped importing crude from Venezuela": cooperation reduced, not cooperation
            etype, mode, cameo = "SANCTION", "discontinue", ("162" if etype == "AID" else "160")
        for inner in c.inner:
            context = context or inner.sense.context
            if etype == "THREATEN":
                if inner.sense.type == "SANCTION":
                    cameo, mode, context = "1312", mode or "restrict", inner.sense.context or "economic"
                elif inner.sense.type == "COERCE" and (inner.sense.cameo or "").startswith("172") and cameo == "130":
                    # "threatened to revoke the licences of 14 operators": an administrative sanction held out (CAMEO 132),
                    # a curfew or a party ban by its own code ("warned he would impose a curfew": 1723 held out is 1323)
                    cameo, mode = "132" + inner.sense.cameo[3:], mode or "restrict"
                elif inner.sense.type in ("ASSAULT", "FIGHT", "MOBILIZE"):
                    cameo, mode, context = "138", mode or "violence", "military"
        if context is None:
            context = self._cue_context(sent)
        m = analyse(tok, sent, r, forced=sense.factuality)
        if etype in SPEECH_ACT_TYPES and m.factuality == "reported" and _speaker_conjunct(w, tok) is not None:
            m.factuality, m.attribution, m.reporter = "asserted", None, []  # the speaker's own act, not one reported
        source = c.source
        if not source and m.reporter and _first_person_subject(w, tok):
            source = m.reporter  # "'We have held a working meeting with ...,' El Aissami said": the speaker
        if not source and etype == "PROTEST":
            source = self._protesters_by_place(sent, r)
        etype, mode, cameo, source, target, factuality = self._recode(etype, mode, cameo, source, c.target, m, sense)
        attribution = m.attribution
        lo, hi = self._clause_bounds(tok, c.inner)
        token = self._doc[tok]  # the other stages' interface: a Token
        qs = quantities_for_event(quantities, token, lo, hi)
        confidence = sense.confidence
        if not source or not target:
            confidence *= 0.85
        if not source and not target:
            confidence *= 0.8  # a doer named by its sector's noun and placed nowhere (``_unplaced_doer``)
        if any(a.provisional for a in source + target):
            confidence *= 0.9
        if c.widened:
            confidence *= 0.9  # its object met the sense only as a kind of what the sense lists
        if background_clause(w, tok):
            confidence *= 0.9  # "Mali expelled the envoy after French officials criticised the junta": the cause, told as background
        # the offsets are the word the trigger text names: ``act`` ("padlocked" for a crowd's protest told by its act)
        start = w.idx[act - 2] if _hyphenated(w, act) else w.idx[act]  # "build-up" starts at "build"
        date, precision, date_text = self._dates.for_trigger(token)
        text = span_text(sent)
        return Event(
            id=_event_id(doc_id, start, etype),
            doc_id=doc_id,
            type=etype,
            mode=mode,
            context=context,
            cameo=cameo,
            source=source,
            target=target,
            evidence=text.strip(),
            evidence_start=sent.start_char + (len(text) - len(text.lstrip())),
            evidence_end=sent.start_char + len(text.rstrip()),
            trigger=(w.text(act) if act != tok else
                     self._trigger_text(tok, {k: o for k, o in c.objects.items() if k in sense.objects} if sense.objects else {}, c.inner)),
            trigger_start=start,
            trigger_end=w.idx[act] + w.length[act],
            date=date,
            date_precision=precision,
            date_text=date_text,
            factuality=factuality,
            attribution=attribution,
            quantities=qs,
            confidence=confidence,
            location=self._location(tok),
            sentence=si,
        )

    def _trigger_text(self, tok, objects, inner=()) -> str:
        w = self._w
        # the acts folded into this one are part of what states it: "warned ... would impose tariffs"
        words = [tok, *(i.tok for i in inner if not self._in_relative_clause(i.tok, tok))]
        words.extend(c for c in w.children(tok) if w.dep[c] == "prt")
        hit = list(objects.values())  # the object words that met the sense ("attacked ... on the oil issue")
        if hit:
            words.append(min(hit, key=lambda o: abs(o - tok)))
        words = sorted(set(words), key=lambda t: t)
        return " ".join(w.words_text(t - 2, t + 1) if _hyphenated(w, t) else w.text(t) for t in words)  # "staged sit-in"

    def _in_relative_clause(self, t: int, top: int) -> bool:
        """Is ``t`` inside a clause that describes a noun below ``top`` ("sanctions on any company that invests"): a
        folded act that names who is meant, not what is done, so it is no part of the trigger's words?"""
        w = self._w
        for _ in range(12):
            if t == top or w.head[t] == t:
                return False
            if w.dep[t] in ("relcl", "acl"):
                return True
            t = w.head[t]
        return False

    def _clause_bounds(self, tok, inner) -> tuple[int, int]:
        w = self._w
        # a subtree's first and last tokens are its left and right edges (also in the rare non-projective parse)
        heads = [tok, *(c.tok for c in inner)]
        lefts = [w.left_edge(h) for h in heads]
        rights = [w.right_edge(h) for h in heads]
        return min(w.idx[t] for t in lefts), max(w.idx[t] + w.length[t] for t in rights)

    def _to_border(self, tok) -> bool:
        """The verb's "to" phrase (or its object's) is a border or frontier."""
        w = self._w
        heads = [tok, *(ch for ch in w.children(tok) if w.dep[ch] in ("dobj", "obj"))]
        return any(w.dep[p] == "prep" and w.lower[p] in ("to", "toward", "towards") and w.lemma[q] in BORDER_WORDS
                   for h in heads for p in w.children(h) for q in w.children(p) if w.dep[q] == "pobj")

    def _protesters_by_place(self, sent, r: ArgResolver) -> list[ActorRef]:
        """Unnamed protesters ("prisoners rioted in Dili", "students throughout Indonesia") are civilians
        of the state where they protest, as event data conventionally codes them."""
        for t in range(sent.start, sent.end):
            span = r.span_of(t)
            if span is not None and span.ref.kind == "state" and span.how in ("alias", "metonym", "demonym", "place"):
                ref = span.ref.copy()
                ref.sector = "CVL"
                return [ref]
        return []

    def _military(self, words: _SentenceWords, source: list[ActorRef], tok=None) -> bool:
        """Conventional warfare? A military or police source or subject, or heavy weapons in the sentence; never the
        victims ("killed two soldiers"), and bombs, guerrillas and militias make it unconventional."""
        w = self._w
        subj = [ch for ch in w.children(tok) if w.dep[ch] in ("nsubj", "agent")] if tok is not None else []
        doers = {w.lemma[t] for s in subj for t in w.subtree(s)}
        if doers & UNCONVENTIONAL_WORDS:
            return False
        if doers & (ARMED_FORCES | HEAVY_WEAPONS):
            return True  # "American warplanes struck facilities used by allied militias": the doer's arms decide
        if words.nouns & UNCONVENTIONAL_WORDS:
            return False
        if any(a.sector in ("MIL", "COP") or (a.kind == "state" and a.sector in (None, "GOV")) for a in source):
            return True  # a state's own use of force: "Turkey bombed bases in Iraq"
        return bool(words.unnamed & HEAVY_WEAPONS)

    def _civilian_victims(self, tok, words: _SentenceWords) -> bool:
        """Are those a violent verb falls on unarmed people: its object, passive subject or "on"/"at" phrase (on the verb
        or its object: "opened fire on protesters") a civilian noun or a named person, and no battle or heavy weapons
        in the sentence?"""
        w = self._w
        heads = [c for c in w.children(tok) if w.dep[c] in ("dobj", "obj", "nsubjpass")]
        # and the objects joined to them, on which the parser may hang the phrase: "fired tear gas and live rounds | at protesters"
        heads += [c for h in heads for c in w.children(h) if w.dep[c] == "conj"]
        victims = list(heads)
        preps = ("on", "at", "into") if w.pos[tok] in VERBAL_POS else ("of", "on", "at")  # "the shooting of a teenager"
        for h in (tok, *heads):
            for p in w.children(h):
                if w.dep[p] == "prep" and w.lower[p] in preps:
                    victims.extend(q for q in w.children(p) if w.dep[q] == "pobj")
                    # "at protesters marching on the palace": the parser makes the participle the phrase's object, its
                    # people the participle's subject
                    victims.extend(s for q in w.children(p) if w.dep[q] == "pcomp" for s in w.children(q) if w.dep[s] == "nsubj")
        victims += [c for v in victims for c in w.children(v) if w.dep[c] == "conj"]
        # "fired into crowds of protesters": the crowd's people
        victims += [q for v in victims if w.lemma[v] in ("crowd", "group", "hundreds", "dozens", "scores", "thousands") for p in w.children(v)
                    if w.dep[p] == "prep" and w.lower[p] == "of" for q in w.children(p) if w.dep[q] == "pobj"]
        if w.dep[tok] == "advcl" and not any(w.pos[v] in ("NOUN", "PROPN") for v in victims) and w.head[tok] != tok:
            # "opened fire on protesters, killing nine": a participle that goes on from an act falls on whom that act did
            return self._civilian_victims(w.head[tok], words)
        civilians, armed = victim_words()
        civilian = False
        for v in victims:
            described = {w.lemma[v]} | {w.lemma[c] for c in w.children(v) if w.dep[c] in ("compound", "amod", "appos")}
            if described & armed:
                return False
            if (w.lemma[v] in civilians or w.lemma[v] in UNARMED_GATHERINGS or w.ent_type[v] == "PERSON"
                    or any(h in civilians or h in UNARMED_GATHERINGS for h in _hyphenated(w, v))):
                civilian = True
        if not civilian:
            return False
        return not (words.lemmas & BATTLE_WORDS or words.unnamed & HEAVY_WEAPONS)

    def _hostile_condition(self, tok, cands: list[_Candidate]) -> bool:
        """Is what the verb vows done on a condition ("if"/"unless" clause of its complement) that names a hostile act
        (an event candidate of the sentence, ``cands``, of a conflict type: "if Washington goes ahead with its tariffs",
        "if attacked")?"""
        w = self._w
        for x in w.children(tok):
            if w.dep[x] != "xcomp":
                continue
            for a in w.children(x):
                if w.dep[a] != "advcl" or not any(w.dep[m] == "mark" and w.lower[m] in ("if", "unless") for m in w.children(a)):
                    continue
                clause = set(w.subtree(a))
                if any(c.tok in clause and self.ontology.relation(c.sense.type) == "conflict" for c in cands):
                    return True
        return False

    def _helping_purpose(self, tok) -> bool:
        """Does the verb have a purpose clause of helping ("to help police restore order", "to assist the army")?"""
        w = self._w
        return any(w.dep[ch] in ("advcl", "xcomp") and w.lemma[ch] in HELP_VERBS and _to_infinitive(w, ch)
                   for ch in w.children(tok))

    def _on_request(self, tok) -> bool:
        """Is the verb done "at the request of" / "at the invitation of" / "on the request of" someone (REQUEST_NOUNS)?"""
        w = self._w
        return any(w.dep[ch] == "prep" and w.lower[ch] in ("at", "on", "upon") and any(
            w.dep[p] == "pobj" and w.lemma[p] in REQUEST_NOUNS for p in w.children(ch)) for ch in w.children(tok))

    def _peacekeeping_purpose(self, tok) -> bool:
        """Does the verb's purpose clause ("to join/lead/bolster ...") name a peacekeeping force (plover.yaml's
        peacekeeping cues)?"""
        cues = [str(w).lower() for w in (self.ontology.contexts.get("peacekeeping") or {}).get("cues", []) or []]
        w = self._w
        for ch in w.children(tok):
            if w.dep[ch] in ("advcl", "xcomp") and _to_infinitive(w, ch):
                # as written ("peace-keeping") and word by word, so a cue before a comma counts ("to lead a stabilisation
                # force, months after ...")
                text = (" " + w.words_text(w.left_edge(ch), w.right_edge(ch) + 1).lower() + " "
                        + " ".join(w.lower[t] for t in range(w.left_edge(ch), w.right_edge(ch) + 1)) + " ")
                if any(f" {w} " in text or f" {w}s " in text for w in cues):
                    return True
        return False

    def _cue_context(self, sent) -> str | None:
        w = self._w
        counts: dict[str, int] = {}
        for t in range(sent.start, sent.end):
            ctx = self.cues.get(w.lemma[t])
            if ctx:
                counts[ctx] = counts.get(ctx, 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else None

    def _location(self, tok) -> str | None:
        w = self._w
        for ch in w.children(tok):
            if w.dep[ch] == "prep" and w.lower[ch] in ("in", "at"):
                for p in w.children(ch):
                    if w.dep[p] == "pobj" and w.ent_type[p] in ("GPE", "LOC", "FAC"):
                        return w.text(p) if not w.ent_iob[p] == "B" else w.words_text(p, p + 1 + sum(1 for _ in w.rights(p) if w.ent_iob[_] == "I"))
        return None

    # ------------------------------------------------------------ recoding by modality
    def _recode(self, etype: str, mode, cameo, source, target, m: Modality, sense: Sense):
        """Code the speech act PLOVER codes: an intention as AGREE/THREATEN, an obligation as the
        reporter's DEMAND, a refused cooperation as REJECT (data/ontology/modality.yaml)."""
        table = self.ontology.modality
        rel = self.ontology.relation(etype)
        factuality = m.factuality
        if (m.obligation or etype == "OBLIGATION") and etype not in ("DEMAND", "REQUEST", "THREATEN"):
            spec = table["obligation"]
            obliged = source or target
            return spec["type"], None, spec["cameo"].get(etype, spec["cameo"]["default"]), dedupe(m.reporter), obliged, ("reported" if m.attribution else "asserted")
        # "could withdraw MTN's licence unless the company paid", "could freeze budget support if the law is enforced": a
        # hostile act held out on a condition is a threat, as "will withdraw unless ..." is
        if factuality == "hypothetical" and (m.ultimatum or m.condition) and rel == "conflict" and etype not in ("THREATEN", "DEMAND", "REQUEST", "REJECT"):
            spec = table["intent"]["conflict"]
            return spec["type"], (spec.get("mode") or {}).get(etype), spec["cameo"].get(etype, spec["cameo"]["default"]), source, target, "threatened"
        if factuality == "intended" and etype == "MOBILIZE" and not m.ultimatum and source and all(
                a.country and a.country in {s.country for s in source} for a in target):
            # "police said they would deploy 1,000 officers around the stadium": forces readied at home threaten no one
            return etype, mode, cameo, source, target, factuality
        if factuality == "intended" and sense is self.joint_sense:
            # "Vodacom and Safaricom will jointly build a network": joint work announced by the partners is their cooperation
            return etype, mode, cameo, source, target, factuality
        if factuality == "intended" and rel in ("cooperation", "conflict") and etype not in ("AGREE", "THREATEN", "DEMAND", "REQUEST", "REJECT"):
            spec = table["intent"]["conflict" if m.ultimatum else rel]  # "will withdraw unless ..." is a threat
            new_mode = (spec.get("mode") or {}).get(etype)
            return spec["type"], new_mode, spec["cameo"].get(etype, spec["cameo"]["default"]), source, target, factuality
        if (factuality == "denied" or m.negated) and rel == "cooperation" and not sense.reverse and not m.disputed:
            # (an act someone else denies happened is not its doer's refusal: "denied reports that it had agreed to ...")
            spec = table["refusal"]
            kept = factuality if factuality == "hypothetical" else ("reported" if m.attribution else "asserted")
            return spec["type"], None, spec["cameo"].get(etype, spec["cameo"]["default"]), source, target, kept
        return etype, mode, cameo, source, target, factuality


def _other_than_source(target: list[ActorRef], source: list[ActorRef]) -> list[ActorRef]:
    """The targets that are not the source itself, nor its own state named by place ("signed ... in Moscow",
    "the president promised to democratize Serbia"); a union, rebel group or party acting on its own
    government keeps it ("the PKK demanded that the Turkish government ...")."""
    # the same actor and sector named by another phrase is another body of one state ("Ontario's premier tore into
    # Toronto's city council", "the governor vetoed the legislature's bill"): a target still, unless the two phrases
    # could name one body (the same head noun, a name, a pronoun, no text)
    keys = {(a.actor_id, a.sector) for a in source}
    heads = {_head_word(a) for a in source}
    heads.discard(None)
    # countries whose government (or the state itself) is the source: neither the state nor its government is the target
    governments = {a.country for a in source if a.country and a.kind in ("state", "government") and a.sector in (None, "GOV")}
    # countries one of whose officials or bodies is the source ("Montreal's mayor asked Ottawa for $500 million", "the
    # party spurned an invitation from the Punjab government"): the state named as such is not the target, a government
    # body is
    officials = {a.country for a in source if a.country and a.sector == "GOV"}
    named = len(heads) == len(source)  # every source named by a phrase of its own
    return [a for a in target if (named and a.sector is not None and _head_word(a) not in (None, *heads))
            or ((a.actor_id, a.sector) not in keys
                and not (a.kind == "state" and ((a.sector in (None, "GOV") and a.country in governments)
                                                or (a.sector is None and a.country in officials))))]


PRONOUNS = PRONOUNS_PERSON | PRONOUNS_PLURAL | PRONOUNS_THING


def _head_word(a: ActorRef) -> str | None:
    """The common noun that heads the phrase naming an actor ("Toronto's city council" -> council); None for a name
    ("Jerusalem", "the Kremlin"), a pronoun or an actor not named in the sentence."""
    words = (a.text or "").split()
    if len(words) == 1 and words[0].istitle() and singular(words[0].lower()) in sector_nouns():
        return words[0].lower()  # "Forces loyal to the army clashed with a local militia": a common noun opening the sentence
    if len(words) < 2 or not words[-1].islower() or words[-1] in PRONOUNS:
        return None
    return words[-1]


def _people_noun(w: DocArrays, r: ArgResolver, t: int) -> bool:
    """A noun that names people or a body by what they are ("schoolgirls", "hostages", "soldiers"), not a thing or an act."""
    return w.pos[t] == "NOUN" and (w.lemma[t] in PEOPLE_WORDS or bool(r.nouns.get(w.lemma[t])) or is_group_noun(w, t))


def _rioters(w: DocArrays, t: int) -> bool:
    """Is the phrase at ``t`` a crowd out of control: "rioters", "a mob", "rioting youths"?"""
    # a capitalised plural after a dateline is sometimes tagged a proper noun with itself as lemma ("— Rioters torched")
    return w.lemma[t] in RIOTERS or (w.lower[t].endswith("s") and singular(w.lower[t]) in RIOTERS) or any(w.dep[m] in ("amod", "compound") and w.lower[m] in RIOTING for m in w.children(t))


def _reporting_participle(w: DocArrays, t: int) -> bool:
    """'..., saying they would negotiate only with the United States', 'adding that ...': a claim the actor adds."""
    return w.dep[t] in ("advcl", "conj") and w.tag[t] == "VBG" and w.lemma[t] in REPORTING_VERBS


def _speaks_for(a: ActorRef, source: list[ActorRef]) -> bool:
    """Is ``a`` the state or government of a source that speaks for it (the state itself, its government or one of its
    officials)?"""
    return bool(a.country) and a.kind in ("state", "government") and a.sector in (None, "GOV") and any(
        s.country == a.country and s.sector in (None, "GOV") and (s.kind in ("state", "government") or s.sector == "GOV") for s in source)


def _coded(a: ActorRef) -> bool:
    """Does the actor stand for a country or an international body (what event data codes an actor by)?"""
    return bool(a.country) or a.kind == "igo" or a.sector in ("IGO", "NGO")


def _own_forces(a: ActorRef, source: list[ActorRef]) -> bool:
    """Is ``a`` the armed forces or police of a state whose government (or the state itself, its forces or police, or
    one of its officials) is the source? Armed groups are no state's own forces."""
    # a person of the state with no other sector is taken as speaking for it ("He ordered the army to be ready")
    # a person is no forces moved ("leapt to the defence of Police Commissioner Sir Mark Rowley"); nor does a state's
    # civilian, journalist or company command any ("the mother of a slain journalist forgave the paramilitary commander")
    return a.kind not in ("group", "person") and a.sector in ("MIL", "COP") and bool(a.country) and any(
        s.country == a.country and ((s.kind == "state" and s.sector in (None, *STATE_FORCE_SECTORS)) or s.sector in ("GOV", "MIL", "COP")
                                    or (s.kind == "person" and not s.sector))
        for s in source)


def _particle(w: DocArrays, tok: int, word: str):
    """The verb's particle ``word`` ("pull out"), also where the parser took it for a preposition ("pulled out of"); never
    a phrase before the verb ("In 1995, Canberra gave Vietnam ..." gives nothing in), and where it hung the particle on
    a number right after it ("took over 14 farms", "handed over 30 rifles": "over 14" read as more than fourteen)."""
    found = next((c for c in w.children(tok) if w.dep[c] in ("prt", "prep", "advmod") and w.lower[c] == word and c > tok), None)
    if found is None and tok + 1 < w.n and w.lower[tok + 1] == word and w.tag[tok + 1] == "RP" and w.dep[tok + 1] == "quantmod":
        return tok + 1
    return found


def _joint_subject(source: list[ActorRef], sense: Sense) -> bool:
    """'Indian and Chinese troops clashed', 'Ethiopian and Eritrean troops exchanged fire': two sides named together as
    the subject of a mutual act are each other's counterpart, and no one named later in the sentence is its target."""
    return (sense.symmetric or sense.type == "FIGHT") and len({a.country or a.actor_id for a in source}) >= 2


def _hyphenated(w: DocArrays, i: int) -> tuple[str, ...]:
    """The whole hyphenated word ``i`` ends ("build-up", "cease-fires" -> "cease-fire"), when the tokenizer split it."""
    if i < 2 or w.text(i - 1) != "-" or w.space[i - 1] or w.space[i - 2]:
        return ()
    first = w.lower[i - 2]
    return (f"{first}-{w.lemma[i]}", f"{first}-{w.lower[i]}")


def _speaker_conjunct(w: DocArrays, tok: int) -> int | None:
    """The reporting verb a subjectless verb belongs to when the parser joined it to the reported clause instead: in
    "He said Venezuela had been hostile and accused the government of ...", "accused" has the tense of "said", not the
    back-shifted tense of "had been", so he accused. Only for verbs with no auxiliary or subject of their own."""
    if w.dep[tok] != "conj" or w.tag[tok] not in ("VBD", "VBZ"):
        return None
    if any(w.dep[c] in ("nsubj", "nsubjpass", "aux", "auxpass") for c in w.children(tok)):
        return None
    clause = w.head[tok]
    report = w.head[clause]
    if (w.dep[clause] != "ccomp" or report == clause or w.lemma[report] not in REPORTING_VERBS or w.tag[report] != w.tag[tok]
            or not any(w.dep[c] == "aux" and w.lower[c] in BACKSHIFT_AUX for c in w.children(clause))):
        return None
    return report if any(w.dep[c] in SUBJ_DEPS for c in w.children(report)) else None


# links that keep a noun inside the phrase of a verb's argument
ARGUMENT_LINKS = {"nsubj", "nsubjpass", "dobj", "obj", "pobj", "prep", "dative", "attr", "oprd", "conj", "appos", "poss"}


def _argument_of_verb(w: DocArrays, noun: int) -> bool:
    """Is the noun inside an argument of a verb (its subject, object or prepositional phrase, at any depth), and not in a
    fragment the parser found no verb for ("Hundreds of Vietnamese protested ..." with "protested" hung on the noun)?"""
    for _ in range(12):
        if w.dep[noun] not in ARGUMENT_LINKS or w.head[noun] == noun:
            return False
        noun = w.head[noun]
        if w.pos[noun] in VERBAL_POS:
            return True
    return False


def _undated(w: DocArrays, r: ArgResolver, subj: int) -> list[int]:
    """The subject itself, or what stands for it when the parser took a dateline (the resolver's ``dateline_words``)
    for the subject: in "NAIROBI — Kenya and Ethiopia agreed ...", the apposition after the dateline (none if nothing
    is apposed: "SEOUL — About 22,000 drivers walked off")."""
    if subj not in r.dateline:
        return [subj]
    return [c for c in w.children(subj) if w.dep[c] == "appos" and c not in r.dateline]


TIME_NOUNS = {"day", "week", "month", "year", "night", "morning", "afternoon", "evening", "time", "moment", "hour", "hours", "days", "weeks"}

# prepositions whose phrase, hung on the act, says where or for how long it went on: a place phrase inside it is where too
SETTING_PREPS = LOCATIVE_PREPS | {"behind", "beside", "inside", "within"}


def _where_of_act(w: DocArrays, r: ArgResolver, h: int, tok: int) -> bool:
    """Is ``h`` a thing of the act's own phrase, a place phrase on which says where the act happened: the object's "of"
    noun ("a memorandum of understanding | in Jakarta"), the noun of a place or duration phrase of the act ("behind closed
    doors | in Doha", "for several hours | near Beni"), down a chain of such links? Not a party ("rebels in Syria", "a
    force in Liberia", which the place places), nor a topic ("talks on the war in Syria")."""
    for _ in range(5):
        if h != tok and w.dep[h] == "acl" and w.tag[h] == "VBN":
            h = w.head[h]  # "under the peace deal signed | in Helsinki": where the thing was made
        if h == tok or w.pos[h] != "NOUN" or r.span_of(h) is not None or r.nouns.get(w.lemma[h]) or w.lemma[h] in PEOPLE_WORDS:
            return False
        up = w.head[h]
        if w.dep[h] in OBJ_DEPS:
            return up == tok
        if w.dep[h] != "pobj" or w.dep[up] != "prep":
            return False
        prep = w.lower[up]
        if not (prep == "of" or prep in SETTING_PREPS or (prep in ("for", "over") and w.lemma[h] in TIME_NOUNS)):
            return False
        h = w.head[up]
        if h == tok:
            return prep != "of"
    return False


def _time_clause(w: DocArrays, clause: int) -> bool:
    """Is ``clause`` a clause with a subject of its own that a time phrase opens ("on the same day an American carrier
    group sailed ...")? The parser hangs the time phrase on the clause or, just before it, on the act."""
    subj = next((c for c in w.children(clause) if w.dep[c] in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    before = w.left_edge(subj) - 1
    return ((before >= 0 and w.dep[before] == "pobj" and w.lower[before] in TIME_NOUNS)
            or any(w.dep[p] == "prep" and p < subj and any(w.dep[o] == "pobj" and w.lower[o] in TIME_NOUNS for o in w.children(p))
                   for p in w.children(clause)))


def _shared_objects(w: DocArrays, tok: int) -> list[int]:
    """The objects of the next verb when two verbs share them ("beaten and detained dozens of protesters"): the verb has
    no object or phrase of its own before the conjunct (a phrase after it, "..., according to a rights group", the
    parser often hangs on the first verb: it is the pair's), and its conjunct follows at once, with no subject of its own."""
    for c in w.children(tok):
        if w.dep[c] == "conj" and w.pos[c] == "VERB" and c - tok <= 3 and not any(w.dep[s] in ("nsubj", "nsubjpass") for s in w.children(c)):
            if any(w.dep[p] in ("prep", "dative", "ccomp", "xcomp") and p < c for p in w.children(tok)):
                return []
            return [o for o in w.children(c) if w.dep[o] in OBJ_DEPS]
    return []


def _abroad(source: list[ActorRef], target: list[ActorRef]) -> bool:
    """Does the act go from one country to another?"""
    mine = {a.country for a in source if a.country}
    return bool(mine) and any(a.country and a.country not in mine for a in target)


def _first_person_subject(w: DocArrays, tok: int) -> bool:
    """Is the event's subject 'I' or 'we' (directly, or of the verb it hangs on)?"""
    h = tok
    for _ in range(3):
        subj = next((c for c in w.children(h) if w.dep[c] in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return w.lower[subj] in ("we", "i")
        if w.dep[h] in ("xcomp", "conj", "advcl") and w.head[h] != h:
            h = w.head[h]
        else:
            break
    return False


def _direct_object_lemmas(w: DocArrays, tok: int, modifiers: bool = True) -> set[str]:
    """Lemmas and forms of the verb's direct objects (or passive subject), their modifiers (unless ``modifiers`` is
    false) and conjuncts; for a container or measure ("two cargo planes of tents", "its entire stock of howitzers"),
    what it holds too."""
    out: set[str] = set()
    todo = [c for c in w.children(tok) if w.dep[c] in OBJ_DEPS or w.dep[c] == "nsubjpass"]
    while todo:
        t = todo.pop()
        out.update((w.lemma[t], w.lower[t], *_hyphenated(w, t)))
        todo.extend(_contents(w, t))
        for c in w.children(t):
            if w.dep[c] in ("compound", "amod") and modifiers:
                out.add(w.lemma[c])
            elif w.dep[c] == "conj":
                todo.append(c)
    return out


def _hands_over(w: DocArrays, tok: int) -> bool:
    """'handed over', 'turned over', 'transferred', 'extradited', 'surrendered': a verb of handing someone over; 'handed
    back' (what was taken: "handed back 20 Benin Bronzes to Nigeria") too."""
    return w.lemma[tok] in HANDOVER_VERBS and (w.lemma[tok] not in ("hand", "turn") or _particle(w, tok, "over") is not None
                                               or (w.lemma[tok] == "hand" and _particle(w, tok, "back") is not None))


def _contents(w: DocArrays, t: int) -> list[int]:
    """What a container or measure holds: "a second batch of drones" -> drones; "three planes loaded with tents", "trucks
    carrying sorghum" -> tents, sorghum."""
    if w.lemma[t] not in CONTAINER_NOUNS:
        return []
    out = [o for p in w.children(t) if w.dep[p] == "prep" and w.lower[p] == "of" for o in w.children(p) if w.dep[o] == "pobj"]
    for a in w.children(t):
        if w.dep[a] == "acl" and w.lemma[a] in LADEN_VERBS:
            out.extend(o for c in w.children(a) if w.dep[c] == "dobj" or (w.dep[c] == "prep" and w.lower[c] == "with")
                       for o in ((c,) if w.dep[c] == "dobj" else w.children(c)) if w.dep[o] in ("dobj", "pobj"))
    return out


def _markers(w: DocArrays, tok: int, objects) -> set[str]:
    """Synthetic object keys a sense may require (or avoid, in ``unless``): "*prep:for" (a "for" phrase on the verb),
    "*prep:under:fire" (that phrase with that noun, on the verb or its object), "*to-do" (an infinitive complement),
    "*to:leave" (that infinitive's verb),
    "*subj:bomb" (the subject's noun or compound), "*own:rifle" (an object with a possessive pronoun), "*that:breach" (a finite complement clause's verb), "*participle:hold" (a participle after the object),
    "*none" (no object),
    "*place" (the object is a place name), "*person" (the object or passive subject is a person's name; "*people", a
    nation's people, comes from the resolver in ``_sense_context``), "*modifier" (the verb is a participle describing a noun: "striking
    doctors"), "*naming" (an object predicate: "called the
    blockade a crime", "what he called the criminal blockade"), "*prt:forward" (a particle: "push forward")."""
    out = {f"*prep:{w.lower[c]}" for c in w.children(tok) if w.dep[c] == "prep"}
    # a for-to clause is what the verb asks for, as a "for" phrase is: "called for the minister to resign" (the parser
    # makes "for" the marker of an adverbial clause, not a preposition of the verb)
    if any(w.dep[c] == "advcl" and _to_infinitive(w, c) and any(w.dep[m] == "mark" and w.lower[m] == "for" for m in w.children(c))
           for c in w.children(tok)):
        out.add("*prep:for")
    # a phrase's own noun: "*prep:under:fire" ("came under fire"); "*to-do": an infinitive complement ("told Malawi
    # to devalue", "was told by the IMF to devalue")
    # or its compound ("came under artillery fire": "*prep:under:artillery")
    out.update(f"*prep:{w.lower[c]}:{w.lemma[n]}" for c in w.children(tok) if w.dep[c] == "prep" for o in w.children(c) if w.dep[o] == "pobj"
               for n in (o, *(m for m in w.children(o) if w.dep[m] == "compound")))
    # a gerund as the phrase's complement: "*prep:on:*gerund" ("insists on buying gas from Russia": its own course, not
    # a thing demanded of another)
    out.update(f"*prep:{w.lower[c]}:*gerund" for c in w.children(tok) if w.dep[c] == "prep" for o in w.children(c)
               if w.dep[o] == "pcomp" and w.tag[o] == "VBG")
    # a date as the phrase's noun: "*prep:until:*date" ("gave Saddam until January 15 to pull out")
    out.update(f"*prep:{w.lower[c]}:*date" for c in w.children(tok) if w.dep[c] == "prep" for o in w.children(c) if w.dep[o] == "pobj"
               and w.ent_type[o] == "DATE")
    # a two-word preposition the parser nests ("walked out | of prison"): the inner phrase with its noun
    # and one hung on the verb's adverbial particle ("walked away | from the table", "walked out | of talks")
    out.update(f"*prep:{w.lower[p]}:{w.lemma[o]}" for c in w.children(tok)
               if (w.dep[c] == "prep" and not any(w.dep[o] == "pobj" for o in w.children(c))) or (w.dep[c] in ("advmod", "prt") and w.lower[c] in ADVERB_PARTICLES)
               for p in w.children(c) if w.dep[p] == "prep" for o in w.children(p) if w.dep[o] == "pobj")
    infinitives = [c for c in w.children(tok) if w.dep[c] in ("xcomp", "ccomp") and _infinitive(w, tok, c)]
    # "gave the ambassador 72 hours to leave": the time given, and the infinitive the parser hangs on it or on the verb
    spans = [o for o in w.children(tok) if w.dep[o] == "dobj" and w.lemma[o] in TIME_UNITS]
    if spans:
        infinitives += [c for h in (tok, *spans) for c in w.children(h) if w.dep[c] in ("advcl", "relcl", "acl")
                        and _to_infinitive(w, c)]
    if any(w.dep[c] == "xcomp" for c in infinitives):
        out.add("*to-do")
    # "*to:leave": the infinitive's verb, and those joined to it ("ordered the office to shut down and its staff to leave")
    out.update(f"*to:{w.lemma[v]}" for c in infinitives for v in (c, *(j for j in w.children(c) if w.dep[j] == "conj")))
    heads = [c for c in w.children(tok) if w.dep[c] in OBJ_DEPS]
    modified = _modified_object(w, tok)
    if modified is not None:
        heads.append(modified)
    # the object's own phrase, noun and all, where the parser hung it ("ordered Prime TV off the air")
    out.update(f"*prep:{w.lower[c]}:{w.lemma[o]}" for h in heads for c in w.children(h) if w.dep[c] == "prep"
               for o in w.children(c) if w.dep[o] == "pobj")
    # "*halt:to:offensive": an object noun with its own phrase's noun or modifier, for an object that names an act by
    # what it does to another ("announced a halt to offensive operations" halts the offensive; a halt to exports does not)
    out.update(f"*{w.lemma[h]}:{w.lower[c]}:{w.lemma[n]}" for h in heads if w.pos[h] == "NOUN" for c in w.children(h)
               if w.dep[c] == "prep" for o in w.children(c) if w.dep[o] == "pobj"
               for n in (o, *(m for m in w.children(o) if w.dep[m] in ("compound", "amod"))))
    # "*own:rifle": an object a possessive pronoun makes the doer's own ("handed over their rifles" gives up the group's
    # own weapons; "handed over rifles to the army" may be arms supplied)
    out.update(f"*own:{w.lemma[h]}" for h in heads for c in w.children(h) if w.dep[c] == "poss" and w.lower[c] in OWN_POSSESSIVES)
    # "*that:breach": the verb of a finite complement clause that is not denied ("ruled that Poland had breached EU law";
    # not "ruled that it had not breached")
    out.update(f"*that:{w.lemma[c]}" for c in w.children(tok) if w.dep[c] == "ccomp" and c > tok and not _infinitive(w, tok, c)
               and any(w.dep[s] in ("nsubj", "nsubjpass") for s in w.children(c)) and not any(w.dep[n] == "neg" for n in w.children(c)))
    # "*participle:hold": a past participle after the object that describes it ("released 40 containers held since March",
    # "returned the tanker seized in May"): what was done to the thing before
    out.update(f"*participle:{w.lemma[c]}" for h in heads for c in w.children(h) if w.dep[c] == "acl" and w.tag[c] == "VBN")
    # a reason the parser hung on the object ("attacked the president over his plan"): "*prep:over" as on the verb
    if any(w.dep[c] == "prep" and w.lower[c] == "over" for h in heads for c in w.children(h)):
        out.add("*prep:over")
    # "*subj:bomb": the subject of a verb whose subject undergoes it ("a car bomb exploded"), with its compounds
    # and for a relative clause's "that" or "which", the noun the clause is about ("a car bomb that exploded")
    subjects = [s for c in w.children(tok) if w.dep[c] == "nsubj"
                for s in ((w.head[tok],) if w.tag[c] in ("WDT", "WP") and w.dep[tok] == "relcl" else (c,))]
    # and a subject that is a part or a batch of something, that thing too: "the first contingent of peacekeeping troops
    # arrived", "the first of 31 tanks arrived" ("*subj:troop", "*subj:peacekeeping", "*subj:tank")
    subjects += [o for s in subjects if w.pos[s] in ("NOUN", "NUM", "ADJ", "PRON") for p in w.children(s)
                 if w.dep[p] == "prep" and w.lower[p] == "of" for o in w.children(p) if w.dep[o] == "pobj"]
    out.update(f"*subj:{w.lemma[n]}" for s in subjects for n in (s, *(m for m in w.children(s) if w.dep[m] == "compound")))
    if not heads:
        out.add("*none")
    if any(w.ent_type[c] == "PERSON" or (w.lower[c] in PERSONAL_PRONOUNS and _of_people(w, _antecedent(w, c)))
           for c in w.children(tok) if w.dep[c] in (*OBJ_DEPS, "nsubjpass")):
        out.add("*person")  # "freed Olivier Grondeau", "Grondeau was freed by Iran", "freed him", "they were deported"
    if w.dep[tok] == "amod" and modified is None:
        out.add("*modifier")  # a participle that describes a noun ("striking doctors"), no act of its own
    if any(w.dep[c] == "oprd" for c in heads):
        out.add("*naming")
    # the tagger calls some particles adverbs ("push forward reform")
    out.update(f"*prt:{w.lower[c]}" for c in w.children(tok) if w.dep[c] == "prt" or (w.dep[c] == "advmod" and w.lower[c] in ADVERB_PARTICLES))
    # "*adv:together": an adverb on the verb ("patrolled together", "trained jointly")
    out.update(f"*adv:{w.lower[c]}" for c in w.children(tok) if w.dep[c] == "advmod")
    if any(w.ent_type[t] in ("GPE", "LOC", "FAC") for t in objects.values()):
        out.add("*place")
    return out


def _to_infinitive(w: DocArrays, v: int) -> bool:
    """Is the verb ``v`` a to-infinitive ("to leave")?"""
    return any(w.dep[a] == "aux" and w.lower[a] == "to" for a in w.children(v))


# verbs of going on with an act: "vowed to keep fighting", "pledged to continue the strikes" vow the act itself
ASPECT_VERBS = frozenset({"keep", "continue", "resume"})


def _vowed_aspect(w: DocArrays, v: int, vow: int) -> bool:
    """Is ``v`` "keep", "continue" or "resume" as the complement of the vow ``vow`` ("vowed to keep fighting")?"""
    return w.lemma[v] in ASPECT_VERBS and w.dep[v] == "xcomp" and w.head[v] == vow


def _infinitive(w: DocArrays, tok: int, c: int) -> bool:
    """Is the complement ``c`` of the verb ``tok`` an infinitive: "to" leave, or a bare infinitive with its own subject
    after a verb that takes one ("let the tanker sail", "made them sign"; not "said they sail", a finite clause)?"""
    if _to_infinitive(w, c):
        return True
    return (w.lemma[tok] in BARE_INFINITIVE_VERBS and w.dep[c] == "ccomp" and w.tag[c] in ("VB", "VBP")
            and any(w.dep[s] == "nsubj" for s in w.children(c)) and not any(w.dep[a] in ("aux", "mark") for a in w.children(c)))


def _modified_object(w: DocArrays, tok: int) -> int | None:
    """"Azerbaijan paraded tanks through Baku", "Switzerland froze bank accounts linked to ...": a past-tense verb the parser
    hung as a modifier on the noun after it (a modifier would be a participle, not a past tense), with its subject, or the
    name the parser made an adverb, before it: that noun is the verb's object."""
    noun = w.head[tok]
    if (w.dep[tok] == "amod" and w.tag[tok] == "VBD" and noun > tok and w.pos[noun] in ("NOUN", "PROPN")
            and any(w.dep[c] in ("nsubj", "npadvmod") and c < tok for c in w.children(tok))):
        return noun
    return None


def _joint_work(w: DocArrays, v: int) -> int:
    """The verb whose work a joint adverb on ``v`` makes joint: ``v`` itself, or for a participle that describes a
    verb's direct object, that verb when the parties it is said of do it together ("A and B started running their jointly
    owned unit"; not "A bought a jointly owned refinery from B")."""
    if w.dep[v] in ("amod", "acl") and w.tag[v] == "VBN":
        noun = w.head[v]
        verb = w.head[noun]
        if w.dep[noun] == "dobj" and w.pos[verb] in VERBAL_POS:
            doer = verb
            for _ in range(2):  # "have started running": the subject of the verb the complement hangs on
                subj = [c for c in w.children(doer) if w.dep[c] == "nsubj"]
                if subj:
                    if any(w.dep[c] == "conj" for c in w.children(subj[0])):
                        return verb
                    break
                if w.dep[doer] != "xcomp":
                    break
                doer = w.head[doer]
    return v


def _trigger_pos(w: DocArrays, tok: int) -> str | None:
    """A listed word as a trigger: "VERB" for a verb or auxiliary, "NOUN" for a noun or name (not one in a date: "in
    March" is no protest march), else None."""
    if w.pos[tok] in VERBAL_POS:
        return "VERB"
    if w.pos[tok] in ("NOUN", "PROPN") and w.ent_type[tok] not in ("DATE", "TIME"):
        return "NOUN"
    return None


def _misfit(w: DocArrays, tok: int, sense: Sense, objects, markers: set[str], unless: set[str]) -> str | None:
    """Why ``sense`` does not fit the trigger ``tok`` (``EventCoder._sense_context`` gives the rest), as the first
    check it fails: "objects" (it wants an object its list lacks), "unless" (its list names the object or a marker),
    "particle" (its particle is missing); None when it fits."""
    if not (sense.objects is None or sense.objects & objects.keys() or sense.objects & markers):
        return "objects"
    if sense.unless & (unless | markers):
        return "unless"
    if sense.particle and _particle(w, tok, sense.particle) is None:
        return "particle"
    return None


def _antecedent(w: DocArrays, t: int) -> int | None:
    """For "them" or "they", the nearest plural common noun before it in its sentence that it may stand for ("seized
    three tankers and released them": tankers), else None."""
    if w.lower[t] not in PLURAL_PRONOUNS:
        return None
    start = w.sent_start(t)
    return next((k for k in range(t - 1, start - 1, -1) if w.tag[k] == "NNS"), None)


def _of_people(w: DocArrays, antecedent: int | None) -> bool:
    """Does a personal pronoun with this ``_antecedent`` stand for people: none in its sentence (a singular pronoun, or
    "them" told of before), or a noun for people ("holding three crewmen ... ready to free them")?"""
    if antecedent is None:
        return True
    word = w.lower[antecedent]
    return w.lemma[antecedent] in PEOPLE_WORDS or word.endswith("men") or is_group_noun(w, antecedent)


def _to_phrase_lemmas(w: DocArrays, heads) -> set[str]:
    """Lemmas (and their compounds and adjectives) of the "to" phrases of the object phrase's nouns: "access to the
    dollar system" gives dollar and system."""
    out: set[str] = set()
    for h in set(heads):
        if w.pos[h] not in ("NOUN", "PROPN"):
            continue
        for p in w.children(h):
            if w.dep[p] == "prep" and w.lower[p] == "to":
                for o in w.children(p):
                    if w.dep[o] == "pobj":
                        out.add(w.lemma[o])
                        out.update(w.lemma[m] for m in w.children(o) if w.dep[m] in ("compound", "amod"))
    return out


def _actor_keys(actors: list[ActorRef]) -> set[str]:
    return {a.actor_id or a.name for a in actors}


def _drop_subsumed(events: list[Event], joint: set[int] = frozenset(), separate: set[frozenset[int]] = frozenset()) -> list[Event]:
    """One sentence, one event per happening: "arrived ... for a state visit" is one CONSULT, not two.

    An event is dropped when another event of the same type in the sentence has
    all of its actors (source and target, either role) and more confidence or more actors;
    not when the other has them in the other roles ("Russia expelled Latvian diplomats after
    Latvia expelled the Russian ambassador": two acts, one answering the other), unless either
    is a joint act (``joint``: ids of events of symmetric senses, whose sides may be named either way); nor when the two
    are ``separate`` acts (pairs of ids: coordinated verbs with objects of their own).
    """
    keep = []
    for e in events:
        mine = _actor_keys(e.source) | _actor_keys(e.target)
        subsumed = False
        for o in events:
            if (o is e or o.type != e.type or (_reciprocal(e, o) and id(e) not in joint and id(o) not in joint)
                    or frozenset((id(e), id(o))) in separate):
                continue
            theirs = _actor_keys(o.source) | _actor_keys(o.target)
            if mine <= theirs and (len(theirs) > len(mine) or (o.confidence, -o.trigger_start) > (e.confidence, -e.trigger_start)):
                subsumed = True
                break
        if not subsumed:
            keep.append(e)
    return keep


def _reciprocal(e: Event, o: Event) -> bool:
    """Does ``o`` have ``e``'s source as its target and ``e``'s target as its source, and no actor in the same role?"""
    es, et, os_, ot = (_actor_keys(x) for x in (e.source, e.target, o.source, o.target))
    return bool(es & ot and et & os_) and not (es & os_ or et & ot)
