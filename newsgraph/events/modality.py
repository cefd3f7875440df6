"""Modality of an event mention: is it asserted, reported, negated, intended, threatened, hypothetical, obliged?

Read off the dependency parse around the trigger: negation, modal and future
auxiliaries, the verbs and adjectives that govern it ("plans to", "is ready
to", "threatened to", "refused to"), conditional clauses, and the reporting
frame ("El Aissami said ...", "according to Reuters").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..actors.resolve import ArgResolver, is_group_noun, sector_nouns
from ..model import ActorRef
from ..nlp import FUTURE_AUX, VERBAL_POS, DocArrays, doc_arrays, span_text

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
# "denied that it had stopped buying", "denied attacking the convoy": the speaker says the act did not happen
DENIAL_VERBS = {"deny", "refute", "rebut", "disavow"}
# "denied reports that ...", "rejected claims that troops had shelled ...", "dismissed allegations that ...": the content
# of a claim its object names, which the speaker denies
DISMISSAL_VERBS = DENIAL_VERBS | {"dismiss", "reject", "dispute"}
CLAIM_NOUNS = {"report", "claim", "allegation", "accusation", "charge", "rumour", "rumor", "suggestion", "speculation", "assertion",
               "story", "account"}
# "Ethiopia accused Sudan of arming the rebels", "blamed the rebels for attacking ...": the act is the accuser's account
ALLEGING_VERBS = {"accuse", "blame", "charge", "indict", "suspect", "allege"}
# the prepositions of what someone is held to account for ("accused X of ...", "blamed X for ...", "charged over ...")
ACCOUNTING_PREPS = {"over", "for", "of", "with"}
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
    condition: bool = False  # "... if X does Y" hung on the event itself: a hostile act held out on it is a threat
    disputed: bool = False  # denied by someone else's word ("X denied reports that ..."), not refused by its doer


def analyse(tok: int, sent, r: ArgResolver, forced: str | None = None) -> Modality:
    """The modality of the event at ``tok`` (a word index into the doc's ``DocArrays``) in sentence ``sent``."""
    w = doc_arrays(sent.doc)
    attribution, reporter, reported_clause = _attribution(w, tok, sent, r)
    m = Modality("asserted", attribution, reporter)
    if forced:
        m.factuality = forced
        return m
    aux = {w.lower[c] for c in w.children(tok) if w.dep[c] in ("aux", "auxpass")}
    m.negated = any(w.dep[c] == "neg" for c in w.children(tok)) and not any(w.dep[c] == "advmod" and w.lower[c] in DEGREE_WORDS for c in w.children(tok))
    if any(w.dep[c] == "mark" and w.lower[c] in HYPOTHETICAL_MARKS for c in w.children(tok)):
        m.factuality = "hypothetical"  # "if it does not recognise ...": a condition, not a refusal that happened
        return m
    if m.negated:
        m.factuality = "denied"
        return m
    if aux & OBLIGATION_AUX or (("have" in aux or "has" in aux) and any(w.lower[c] == "to" for c in w.children(tok) if w.dep[c] == "aux")):
        m.obligation = True
        m.factuality = "hypothetical"
        return m
    h = tok
    for _ in range(4):
        denier = _denial_of(w, h)
        if denier is not None:
            m.factuality, m.disputed = "denied", True
            subj = next((c for c in w.children(denier) if w.dep[c] == "nsubj"), None)
            if subj is not None:  # who denies it says so
                m.reporter = r.actors_for(subj)
                m.attribution = _who(w, r, subj, m.reporter)
            return m
        if w.dep[h] not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acomp") or w.head[h] == h:
            break
        parent = w.head[h]
        lemma = w.lemma[parent]
        if w.dep[h] in ("xcomp", "pcomp") and any(w.dep[c] == "neg" for c in w.children(parent)):
            m.factuality = "denied"
            return m
        if lemma in THREAT_VERBS:
            m.factuality = "threatened"
            return m
        if w.dep[h] == "xcomp" and (lemma in INTENT_VERBS or lemma in READY_ADJECTIVES):
            m.factuality = "intended"
            return m
        if w.dep[h] in ("xcomp", "ccomp") and lemma in PERMISSION_VERBS:
            m.factuality = "hypothetical"
            return m
        if w.dep[h] == "advcl" and any(w.dep[c] == "mark" and w.lower[c] in HYPOTHETICAL_MARKS for c in w.children(h)):
            m.factuality = "hypothetical"
            return m
        if w.dep[h] == "conj" and w.tag[parent] == "VB" and w.tag[h] in ("VBD", "VBZ", "VBP"):
            # "said he would not sign the bill and dropped its tax increases": a finite verb joined to a bare one under an
            # auxiliary is a clause of its own, with neither its auxiliaries nor its negation
            break
        if w.dep[h] == "conj":
            aux |= {w.lower[c] for c in w.children(parent) if w.dep[c] in ("aux", "auxpass")}
            if any(w.dep[c] == "neg" for c in w.children(parent)) and not any(w.dep[c] == "neg" for c in w.children(tok)):
                m.factuality = "denied"  # a coordinated verb with a negation of its own has its own polarity
                return m
        h = parent
    if aux & OBLIGATION_AUX:
        # "should unite and fight ...", "must stop and withdraw ...": a verb joined to an obliged one is obliged too
        m.obligation = True
        m.factuality = "hypothetical"
        return m
    # "will withdraw unless ...", "could revoke the licence unless ...": a condition that makes the act a threat
    marks = {w.lower[g] for c in w.children(tok) if w.dep[c] == "advcl" for g in w.children(c) if w.dep[g] == "mark"}
    m.ultimatum = "unless" in marks
    m.condition = "if" in marks
    if any(w.dep[c] == "mark" and w.lower[c] in HYPOTHETICAL_MARKS for c in w.children(tok)):
        m.factuality = "hypothetical"
    elif aux & FUTURE_AUX and _thing_subject(w, tok, r):
        m.factuality = "hypothetical"  # "the loan will help Pakistan pay its debts": a forecast, no one's intention
    elif aux & FUTURE_AUX or any(w.lower[c] == "going" for c in w.children(tok)):
        m.factuality = "intended"
    elif "would" in aux:
        # future in the past of reported speech ("they said they would meet") is an intention
        m.factuality = "intended" if reported_clause else "hypothetical"
    elif aux & MODAL_AUX:
        m.factuality = "hypothetical"
    elif attribution:
        m.factuality = "reported"
    return m


def _thing_subject(w: DocArrays, tok: int, r: ArgResolver) -> bool:
    """Is the subject of the verb at ``tok`` (or of the verb it is joined to) a thing, which can intend nothing: a common
    noun that names no actor, no people and no group ("the loan", "any money that reaches Caracas", "the pipeline")?"""
    subj = next((c for c in w.children(tok) if w.dep[c] == "nsubj"), None)
    if subj is None and w.dep[tok] == "conj":
        subj = next((c for c in w.children(w.head[tok]) if w.dep[c] == "nsubj"), None)
    if subj is None or w.pos[subj] != "NOUN":
        return False
    return w.lemma[subj] not in sector_nouns() and not is_group_noun(w, subj) and not r.actors_for(subj)


def _attribution(w: DocArrays, tok: int, sent, r: ArgResolver) -> tuple[str | None, list[ActorRef], bool]:
    """(who says so, their actors, whether the event is inside the reported clause)."""
    h = tok
    # a clause a reporting verb states is reported speech even when the parser lost who says it ("Ending a standoff, the
    # governor said he would sit down with ...", the name hung on "standoff"): its "would" is a future in the past
    reported = False
    for _ in range(5):
        if w.head[h] == h:
            break
        if w.dep[h] == "pcomp" and w.dep[w.head[h]] == "prep" and w.lower[w.head[h]] in ACCOUNTING_PREPS:
            accuser = accounting_verb(w, w.head[h])
            subj = next((c for c in w.children(accuser) if w.dep[c] == "nsubj"), None) if w.lemma[accuser] in ALLEGING_VERBS else None
            if subj is not None:
                actors = r.actors_for(subj)
                return _who(w, r, subj, actors), actors, False
            break
        if w.dep[h] in ("ccomp", "parataxis", "xcomp", "conj", "advcl") or (w.dep[h] == "dobj" and w.lemma[w.head[h]] == "announce"):
            parent = w.head[h]
            if w.lemma[parent] in REPORTING_VERBS and parent != tok:
                subj = next((c for c in w.children(parent) if w.dep[c] in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    actors = r.actors_for(subj)
                    return _who(w, r, subj, actors), actors, w.dep[h] in ("ccomp", "parataxis")
                reported = reported or w.dep[h] in ("ccomp", "parataxis")
            h = parent
        else:
            break
    root = w.span_root(sent.start, sent.end)
    if w.lemma[root] in REPORTING_VERBS and root != tok and _is_ancestor(w, root, tok):  # tok in root's subtree
        subj = next((c for c in w.children(root) if w.dep[c] in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            actors = r.actors_for(subj)
            return _who(w, r, subj, actors), actors, True
    for t in range(sent.start, sent.end) if "according" in span_text(sent).lower() else ():  # a word of the sentence only if in its text
        if w.lower[t] == "according" and t + 1 < w.n and w.lower[t + 1] == "to":
            pobj = next((c for c in w.children(t + 1) if w.dep[c] == "pobj"), None)
            if pobj is not None:
                actors = r.actors_for(pobj)
                return _who(w, r, pobj, actors), actors, False
    return None, [], reported


def accounting_verb(w: DocArrays, prep: int) -> int:
    """The verb a phrase of ``ACCOUNTING_PREPS`` gives the reason of: its head, or the head of the object it hangs on
    ("accused Sudan of ...", "blamed the rebels for ...": the parser may hang the phrase on the accused)."""
    v = w.head[prep]
    if w.dep[v] in ("dobj", "obj", "attr", "oprd") and w.pos[v] not in VERBAL_POS:
        v = w.head[v]
    return v


def _denial_of(w: DocArrays, h: int) -> int | None:
    """The verb that denies the clause headed by ``h``, if one does: "denied that it had stopped ...", "denied attacking
    ...", "rejected claims that troops had shelled ...", "dismissed reports that ..."; not one itself negated ("did not
    deny that ..." grants it). The denied words follow the verb: a clause before it that the parser hangs on it ("X
    accused Y of ...; Z denies that ...", "X blamed Y ..., a charge Z denies") is the other side's account, which
    happened."""
    parent = w.head[h]
    if parent == h or h < parent:
        return None
    if w.dep[h] in ("ccomp", "xcomp", "pcomp") and w.lemma[parent] in DENIAL_VERBS:
        verb = parent
    elif (w.dep[h] in ("acl", "ccomp") and w.lemma[parent] in CLAIM_NOUNS and w.dep[parent] in ("dobj", "nsubjpass")
          and w.lemma[w.head[parent]] in DISMISSAL_VERBS):
        verb = w.head[parent]
    else:
        return None
    return None if any(w.dep[c] == "neg" for c in w.children(verb)) else verb


def _who(w: DocArrays, r: ArgResolver, tok: int, actors: list[ActorRef]) -> str:
    """The reporter's name, or the words of the text when the phrase names no one: a description placed in a state by
    the resolver ("The court said", "Police in Caracas said": the court, not the state, says so)."""
    described = tok in r.guessed or (w.pos[tok] == "NOUN" and actors[:1] and actors[0].kind == "state")
    return actors[0].name if actors and not described else _np(w, tok)


def _np(w: DocArrays, tok: int) -> str:
    return w.words_text(w.left_edge(tok), tok + 1)


def _is_ancestor(w: DocArrays, anc: int, tok: int) -> bool:
    """``doc[anc].is_ancestor(doc[tok])``: is ``anc`` on the chain of heads above ``tok``?"""
    k = tok
    for _ in range(w.n):
        if w.head[k] == k:
            return False
        k = w.head[k]
        if k == anc:
            return True
    return False
