"""Modality of an event mention: is it asserted, reported, negated, intended, threatened, hypothetical, obliged?

Read off the dependency parse around the trigger: negation, modal and future
auxiliaries, the verbs and adjectives that govern it ("plans to", "is ready
to", "threatened to", "refused to"), conditional clauses, and the reporting
frame ("El Aissami said ...", "according to Reuters").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..actors.resolve import ArgResolver
from ..model import ActorRef
from ..nlp import span_text

REPORTING_VERBS = {"say", "report", "tell", "claim", "state", "note", "add", "reveal", "confirm", "announce", "write", "insist",
                   "allege", "explain", "emphasize", "emphasise", "stress", "declare", "tweet", "post", "reiterate", "conclude",
                   "quote", "assert", "indicate", "acknowledge", "admit", "argue", "maintain", "predict", "suggest"}
INTENT_VERBS = {"plan", "intend", "aim", "want", "seek", "hope", "expect", "prepare", "decide", "vow", "pledge", "promise",
                "agree", "offer", "propose", "consider", "try", "attempt", "move", "wish", "mean", "resolve", "volunteer", "swear"}
READY_ADJECTIVES = {"ready", "willing", "prepared", "determined", "set", "eager", "keen", "poised", "due", "likely", "about"}
THREAT_VERBS = {"threaten", "warn"}
# "the license allows Chevron to ship crude": what one is allowed to do has not happened
PERMISSION_VERBS = {"allow", "permit", "authorize", "authorise", "let", "enable", "entitle", "license", "licence"}
# "had not taken back migrants quickly enough": the act happened, not as much as someone wanted; no refusal
DEGREE_WORDS = {"enough", "sufficiently", "fully"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
OBLIGATION_AUX = {"must", "should", "ought"}
MODAL_AUX = {"may", "might", "could", "can", "ca"}


@dataclass
class Modality:
    factuality: str  # asserted | reported | threatened | intended | denied | hypothetical
    attribution: str | None = None  # who says so, as a name or the words of the text
    reporter: list[ActorRef] = field(default_factory=list)  # the actors of the reporting subject
    obligation: bool = False  # "X must/should ...": someone demands it of X
    negated: bool = False  # "does not recognize", also inside a condition
    ultimatum: bool = False  # "... unless X does Y": a condition that makes an intention a threat


def analyse(tok, sent, r: ArgResolver, forced: str | None = None) -> Modality:
    attribution, reporter, reported_clause = _attribution(tok, sent, r)
    m = Modality("asserted", attribution, reporter)
    if forced:
        m.factuality = forced
        return m
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    m.negated = any(c.dep_ == "neg" for c in tok.children) and not any(c.dep_ == "advmod" and c.lower_ in DEGREE_WORDS for c in tok.children)
    if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in tok.children):
        m.factuality = "hypothetical"  # "if it does not recognise ...": a condition, not a refusal that happened
        return m
    if m.negated:
        m.factuality = "denied"
        return m
    if aux & OBLIGATION_AUX or (("have" in aux or "has" in aux) and any(c.lower_ == "to" for c in tok.children if c.dep_ == "aux")):
        m.obligation = True
        m.factuality = "hypothetical"
        return m
    h = tok
    for _ in range(4):
        if h.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acomp") or h.head is h:
            break
        parent = h.head
        lemma = parent.lemma_.lower()
        if h.dep_ in ("xcomp", "pcomp") and any(c.dep_ == "neg" for c in parent.children):
            m.factuality = "denied"
            return m
        if lemma in THREAT_VERBS:
            m.factuality = "threatened"
            return m
        if h.dep_ == "xcomp" and (lemma in INTENT_VERBS or lemma in READY_ADJECTIVES):
            m.factuality = "intended"
            return m
        if h.dep_ in ("xcomp", "ccomp") and lemma in PERMISSION_VERBS:
            m.factuality = "hypothetical"
            return m
        if h.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in h.children):
            m.factuality = "hypothetical"
            return m
        if h.dep_ == "conj":
            aux |= {c.lower_ for c in parent.children if c.dep_ in ("aux", "auxpass")}
            if any(c.dep_ == "neg" for c in parent.children) and not any(c.dep_ == "neg" for c in tok.children):
                m.factuality = "denied"  # a coordinated verb with a negation of its own has its own polarity
                return m
        h = parent
    if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in tok.children):
        m.factuality = "hypothetical"
    elif aux & FUTURE_AUX or any(c.lower_ == "going" for c in tok.children):
        m.factuality = "intended"
        m.ultimatum = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children) for c in tok.children)
    elif "would" in aux:
        # future in the past of reported speech ("they said they would meet") is an intention
        m.factuality = "intended" if reported_clause else "hypothetical"
    elif aux & MODAL_AUX:
        m.factuality = "hypothetical"
    elif attribution:
        m.factuality = "reported"
    return m


def _attribution(tok, sent, r: ArgResolver) -> tuple[str | None, list[ActorRef], bool]:
    """(who says so, their actors, whether the event is inside the reported clause)."""
    h = tok
    for _ in range(5):
        if h.head is h:
            break
        if h.dep_ in ("ccomp", "parataxis", "xcomp", "conj", "advcl") or (h.dep_ == "dobj" and h.head.lemma_.lower() == "announce"):
            parent = h.head
            if parent.lemma_.lower() in REPORTING_VERBS and parent.i != tok.i:
                subj = next((c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    actors = r.actors_for(subj)
                    return (actors[0].name if actors else _np(subj)), actors, h.dep_ in ("ccomp", "parataxis")
            h = parent
        else:
            break
    root = sent.root
    if root.lemma_.lower() in REPORTING_VERBS and root.i != tok.i and root.is_ancestor(tok):  # tok in root's subtree
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            actors = r.actors_for(subj)
            return (actors[0].name if actors else _np(subj)), actors, True
    for t in sent if "according" in span_text(sent).lower() else ():  # a word of the sentence only if in its text
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                actors = r.actors_for(pobj)
                return (actors[0].name if actors else _np(pobj)), actors, False
    return None, [], False


def _np(tok) -> str:
    return tok.doc[tok.left_edge.i : tok.i + 1].text
