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

import datetime as dt
import hashlib

from ..actors.resolve import ArgResolver, dedupe
from ..model import ActorRef, Event, Quantity
from ..quantities import quantities_for_event
from ..time import EventDates
from .lexicon import Lexicon, Sense, load_ontology

REPORTING_VERBS = {"say", "report", "tell", "claim", "state", "note", "add", "reveal", "confirm", "announce", "write", "insist", "allege", "explain", "emphasize", "emphasise", "stress", "declare", "tweet", "post"}
INTENT_VERBS = {"plan", "intend", "aim", "want", "seek", "hope", "expect", "prepare", "decide", "vow", "pledge", "promise", "agree", "offer", "propose", "consider", "try", "attempt", "move", "wish"}
THREAT_VERBS = {"threaten", "warn"}
# participles that name who receives the thing: "a license granted to Chevron", "loans extended to Caracas"
TRANSFER_PARTICIPLES = {"grant", "give", "issue", "award", "extend", "send", "provide", "offer", "deliver", "lend", "sell", "sign", "hold", "own"}
HALT_VERBS = {"stop", "halt", "cease", "suspend", "end", "quit", "abandon", "discontinue"}
COOPERATIVE_TYPES = {"COOPERATE", "AID", "CONSULT", "AGREE", "SUPPORT"}
HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
FUTURE_AUX = {"will", "shall", "'ll"}
MODAL_AUX = {"may", "might", "could", "would", "should", "can"}

SUBJ_DEPS = ("nsubj", "csubj")
OBJ_DEPS = ("dobj", "obj", "attr", "oprd")


def _event_id(doc_id: str, start: int, etype: str) -> str:
    return hashlib.sha1(f"{doc_id}:{start}:{etype}".encode()).hexdigest()[:16]


class _Candidate:
    __slots__ = ("tok", "sense", "source", "target", "suppressed", "inner", "objects")

    def __init__(self, tok, sense: Sense, objects):
        self.tok = tok
        self.sense = sense
        self.objects = objects
        self.source: list[ActorRef] = []
        self.target: list[ActorRef] = []
        self.suppressed = False
        self.inner: list[_Candidate] = []


class EventCoder:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        ont = load_ontology()
        self.cues = ont.context_cues()

    # ------------------------------------------------------------ public
    def code(self, doc, resolver: ArgResolver, doc_id: str, published: dt.date | None, quantities: list[Quantity]) -> list[Event]:
        events: list[Event] = []
        self._dates = EventDates(doc, published)
        for si, sent in enumerate(doc.sents):
            cands = self._candidates(sent)
            if not cands:
                continue
            self._resolver = resolver
            for c in cands:
                self._roles(c, resolver)
            self._fold_governed(cands)
            found = [self._event(c, sent, si, resolver, doc_id, published, quantities) for c in cands if not c.suppressed and self._enough(c)]
            events.extend(_drop_subsumed(found))
        return events

    # ------------------------------------------------------------ triggers
    def _candidates(self, sent) -> list[_Candidate]:
        out: list[_Candidate] = []
        consumed: set[int] = set()
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX"):
                pos = "VERB"
            elif tok.pos_ in ("NOUN", "PROPN"):
                pos = "NOUN"
            else:
                continue
            senses = self.lex.by_lemma.get((tok.lemma_.lower(), pos)) or self.lex.by_lemma.get((tok.lower_, pos))
            if not senses and pos == "NOUN" and tok.pos_ == "NOUN":
                # the tagger sometimes calls a verb a noun ("the US sanctions PDVSA"): only nouns as nouns here
                continue
            if not senses:
                continue
            objects = self._object_lemmas(tok, pos)
            for sense in senses:
                if sense.objects is not None and not (sense.objects & objects.keys()):
                    continue
                if sense.particle and not any(c.dep_ == "prt" and c.lower_ == sense.particle for c in tok.children):
                    continue
                c = _Candidate(tok, sense, objects)
                out.append(c)
                if pos == "VERB":
                    consumed.update(t.i for t in objects.values())
                break
        # nominal triggers that are the object of a verb trigger are part of that event
        return [c for c in out if not (c.sense.pos == "NOUN" and c.tok.i in consumed)]

    def _object_lemmas(self, tok, pos: str) -> dict[str, object]:
        """Lemmas of the trigger's object phrase: head, modifiers, and of/in/for objects (two levels)."""
        found: dict[str, object] = {}
        if pos == "VERB":
            heads = [c for c in tok.children if c.dep_ in OBJ_DEPS or c.dep_ == "nsubjpass"]
            # "agreed on a deal", "talks with": objects of a prep directly on the verb
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "to", "in", "of"):
                    heads.extend(p for p in c.children if p.dep_ == "pobj")
                if c.dep_ == "prt":  # "step up sanctions"
                    continue
        else:
            heads = []
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    heads.extend(p for p in c.children if p.dep_ == "pobj")
                if c.dep_ in ("compound", "amod"):
                    heads.append(c)

        def add(t, depth: int) -> None:
            found.setdefault(t.lemma_.lower(), t)
            found.setdefault(t.lower_, t)
            for c in t.children:
                if c.dep_ in ("compound", "amod"):
                    found.setdefault(c.lemma_.lower(), t)
                elif c.dep_ == "conj":
                    add(c, depth)
                elif depth < 2 and c.dep_ == "prep" and c.lower_ in ("of", "in", "for"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            add(p, depth + 1)

        for h in heads:
            add(h, 0)
        return found

    # ------------------------------------------------------------ roles
    def _roles(self, c: _Candidate, r: ArgResolver) -> None:
        tok, sense = c.tok, c.sense
        if sense.pos == "VERB":
            c.source, c.target = self._verb_roles(tok, sense, c.objects, r)
        else:
            c.source, c.target = self._noun_roles(tok, sense, c.objects, r)
        keys = {(a.actor_id, a.sector) for a in c.source}
        c.target = [a for a in c.target if (a.actor_id, a.sector) not in keys]

    def _verb_roles(self, tok, sense: Sense, objects, r: ArgResolver):
        passive = any(ch.dep_ in ("auxpass", "nsubjpass") for ch in tok.children)
        source: list[ActorRef] = []
        target: list[ActorRef] = []
        for ch in tok.children:
            if ch.dep_ == "agent":
                for p in ch.children:
                    if p.dep_ == "pobj":
                        source.extend(r.actors_for(p))
            elif ch.dep_ in SUBJ_DEPS and not passive:
                source.extend(r.actors_for(ch))
            elif ch.dep_ == "prep" and ch.lower_ in sense.source_preps and not source:
                for p in ch.children:
                    if p.dep_ == "pobj":
                        source.extend(r.actors_for(p))
        if not source:
            source = self._inherited_subject(tok, r)
        if sense.reverse:
            giver: list[ActorRef] = []
            for h in [tok, *objects.values()]:
                for ch in h.children:
                    if ch.dep_ == "prep" and ch.lower_ in sense.source_preps:
                        giver.extend(a for p in ch.children if p.dep_ == "pobj" for a in r.actors_for(p))
            return dedupe(giver), dedupe(source)
        # objects: the direct object (or the passive subject) if it is an actor
        obj_heads = [ch for ch in tok.children if ch.dep_ in OBJ_DEPS or (passive and ch.dep_ == "nsubjpass")]
        for o in obj_heads:
            target.extend(r.actors_for(o))
        if not target:
            target = self._prep_targets([tok, *obj_heads, *objects.values()], sense.preps, r)
        if not target:
            # "revoked Chevron's license", "a license granted to Chevron": actors inside the object phrase
            for o in obj_heads:
                target.extend(self._actors_in(o, r))
        if sense.symmetric:
            target.extend(a for a in self._prep_targets([tok, *obj_heads], ("between",), r) if a not in target)
        return dedupe(source), dedupe(target)

    def _noun_roles(self, tok, sense: Sense, objects, r: ArgResolver):
        source: list[ActorRef] = []
        target: list[ActorRef] = []
        # possessives and premodifiers: "U.S. sanctions", "Washington's sanctions", "Chinese loans"
        for ch in tok.children:
            if ch.dep_ in ("poss", "compound", "amod", "nmod") and ch.i < tok.i:
                source.extend(r.actors_for(ch))
        heads = [tok, *objects.values()]
        for h in heads:
            for ch in h.children:
                if ch.dep_ == "prep" and ch.lower_ in sense.source_preps:
                    for p in ch.children:
                        if p.dep_ == "pobj":
                            source.extend(r.actors_for(p))
        pair = self._prep_targets(heads, ("between",), r)
        if pair:
            source.extend(pair)
        target = self._prep_targets(heads, tuple(p for p in sense.preps if p != "between"), r)
        if not source:
            source = self._governing_subject(tok, r)
        return dedupe(source), dedupe(target)

    def _prep_targets(self, heads, preps, r: ArgResolver) -> list[ActorRef]:
        out: list[ActorRef] = []
        if not preps:
            return out
        for h in heads:
            for ch in h.children:
                if ch.dep_ == "prep" and ch.lower_ in preps:
                    for p in ch.children:
                        if p.dep_ == "pobj":
                            out.extend(r.actors_for(p))
                    if out:
                        return out
                # "countries purchasing Venezuelan oil": the participle's object names the target
        return out

    def _actors_in(self, head, r: ArgResolver) -> list[ActorRef]:
        """The first actor named inside a phrase, not descending into its subordinate clauses."""
        stack = [c for c in head.children][::-1]
        while stack:
            t = stack.pop()
            if t.dep_ in ("advcl", "relcl", "acl", "parataxis", "ccomp", "appos") and t.head.i == head.i and head.pos_ in ("VERB", "AUX"):
                continue
            if t.dep_ in ("advcl", "relcl", "parataxis"):
                continue
            if t.dep_ == "acl" and t.lemma_.lower() not in TRANSFER_PARTICIPLES:
                continue  # "measures used against Iran" says nothing about this event's target
            span = r.span_of(t)
            if span is not None and span.how != "adjective":
                return r.actors_for(t)
            stack.extend(list(t.children)[::-1])
        return []

    def _inherited_subject(self, tok, r: ArgResolver) -> list[ActorRef]:
        """Subject of an xcomp/conj/advcl verb comes from the verb it hangs on; a relative clause's from its noun."""
        h = tok
        for _ in range(4):
            if h.dep_ in ("xcomp", "conj", "advcl", "pcomp") and h.head is not h:
                h = h.head
                passive = any(ch.dep_ in ("auxpass", "nsubjpass") for ch in h.children)
                for ch in h.children:
                    if ch.dep_ in SUBJ_DEPS or (ch.dep_ == "nsubjpass" and not passive):
                        return r.actors_for(ch)
                    if ch.dep_ == "agent":
                        return [a for p in ch.children if p.dep_ == "pobj" for a in r.actors_for(p)]
            elif h.dep_ in ("relcl", "acl") and h.head is not h:
                return r.actors_for(h.head)
            else:
                break
        return []

    def _governing_subject(self, tok, r: ArgResolver) -> list[ActorRef]:
        """For a nominal event with no actor of its own, the subject of the verb it depends on."""
        h = tok
        for _ in range(4):
            if h.head is h:
                return []
            h = h.head
            if h.pos_ in ("VERB", "AUX"):
                for ch in h.children:
                    if ch.dep_ in SUBJ_DEPS:
                        return r.actors_for(ch)
                return self._inherited_subject(h, r)
        return []

    # ------------------------------------------------------------ folding
    def _fold_governed(self, cands: list[_Candidate]) -> None:
        """'threatened to impose tariffs', 'agreed to aid', 'refused to recognise': one event, not two."""
        by_tok = {c.tok.i: c for c in cands}
        for c in cands:
            if not c.sense.governs:
                continue
            for ch in c.tok.children:
                inner = by_tok.get(ch.i)
                if inner is None or ch.dep_ not in ("xcomp", "ccomp", "advcl", "dobj", "pobj", "prep"):
                    continue
                inner.suppressed = True
                c.inner.append(inner)
                if not c.target:
                    c.target = inner.target
                if not c.source:
                    c.source = inner.source
            if not c.target:
                for ch in c.tok.children:
                    if ch.dep_ in ("xcomp", "ccomp"):
                        found = [a for a in self._actors_in(ch, self._resolver) if (a.actor_id, a.sector) not in {(x.actor_id, x.sector) for x in c.source}]
                        if found:
                            c.target = found
                            break
            # a threat/agreement to act through a noun object: "threatened sanctions on X"
            for o in c.objects.values():
                inner = by_tok.get(o.i)
                if inner is not None and inner is not c:
                    inner.suppressed = True
                    c.inner.append(inner)
                    if not c.target:
                        c.target = inner.target

    def _enough(self, c: _Candidate) -> bool:
        needs = c.sense.needs or ("pair" if c.sense.pos == "NOUN" else None)
        if needs == "target":
            return bool(c.target)
        if needs == "pair":
            return bool(c.source and c.target) or len(c.source) >= 2
        return bool(c.source or c.target)

    # ------------------------------------------------------------ event
    def _event(self, c: _Candidate, sent, si: int, r: ArgResolver, doc_id: str, published, quantities: list[Quantity]) -> Event:
        tok, sense = c.tok, c.sense
        mode, context, cameo = sense.mode, sense.context, sense.cameo
        etype = sense.type
        if etype in COOPERATIVE_TYPES and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in HALT_VERBS:
            # "PetroChina stopped importing crude from Venezuela": cooperation reduced, not cooperation
            etype, mode, cameo = "SANCTION", "discontinue", ("162" if etype == "AID" else "160")
        for inner in c.inner:
            context = context or inner.sense.context
            if etype == "THREATEN":
                if inner.sense.type == "SANCTION":
                    cameo, mode, context = "1312", mode or "restrict", inner.sense.context or "economic"
                elif inner.sense.type in ("ASSAULT", "FIGHT", "MOBILIZE"):
                    cameo, mode, context = "138", mode or "violence", "military"
        if context is None:
            context = self._cue_context(sent)
        factuality, attribution = self._factuality(tok, sense, sent, r)
        lo, hi = self._clause_bounds(tok, c.inner)
        qs = quantities_for_event(quantities, tok, lo, hi)
        confidence = sense.confidence
        if not c.source or not c.target:
            confidence *= 0.85
        if any(a.provisional for a in c.source + c.target):
            confidence *= 0.9
        start = tok.idx
        date, precision, date_text = self._dates.for_trigger(tok)
        return Event(
            id=_event_id(doc_id, start, etype),
            doc_id=doc_id,
            type=etype,
            mode=mode,
            context=context,
            cameo=cameo,
            source=c.source,
            target=c.target,
            evidence=sent.text.strip(),
            evidence_start=sent.start_char + (len(sent.text) - len(sent.text.lstrip())),
            evidence_end=sent.start_char + len(sent.text.rstrip()),
            trigger=self._trigger_text(tok, c.objects if sense.objects else {}),
            trigger_start=start,
            trigger_end=tok.idx + len(tok.text),
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

    def _trigger_text(self, tok, objects) -> str:
        words = [tok]
        words.extend(c for c in tok.children if c.dep_ == "prt")
        hit = [o for lemma, o in objects.items()]
        if hit:
            words.append(min(hit, key=lambda o: abs(o.i - tok.i)))
        words = sorted(set(words), key=lambda t: t.i)
        return " ".join(t.text for t in words)

    def _clause_bounds(self, tok, inner) -> tuple[int, int]:
        toks = list(tok.subtree)
        for c in inner:
            toks.extend(c.tok.subtree)
        return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)

    def _cue_context(self, sent) -> str | None:
        counts: dict[str, int] = {}
        for t in sent:
            ctx = self.cues.get(t.lemma_.lower())
            if ctx:
                counts[ctx] = counts.get(ctx, 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else None

    def _location(self, tok) -> str | None:
        for ch in tok.children:
            if ch.dep_ == "prep" and ch.lower_ in ("in", "at"):
                for p in ch.children:
                    if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC"):
                        return p.text if not p.ent_iob_ == "B" else p.doc[p.i : p.i + 1 + sum(1 for _ in p.rights if _.ent_iob_ == "I")].text
        return None

    # ------------------------------------------------------------ factuality
    def _factuality(self, tok, sense: Sense, sent, r: ArgResolver) -> tuple[str, str | None]:
        attribution = self._attribution(tok, sent, r)
        if sense.factuality:
            return sense.factuality, attribution
        if any(c.dep_ == "neg" for c in tok.children):
            return "denied", attribution
        h = tok
        for _ in range(4):
            if h.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "acomp") or h.head is h:
                break
            parent = h.head
            lemma = parent.lemma_.lower()
            if h.dep_ in ("xcomp", "pcomp") and any(c.dep_ == "neg" for c in parent.children):
                return "denied", attribution
            if lemma in THREAT_VERBS:
                return "threatened", attribution
            if h.dep_ == "xcomp" and lemma in INTENT_VERBS:
                return "intended", attribution
            if h.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in h.children):
                return "hypothetical", attribution
            h = parent
        aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in tok.children):
            return "hypothetical", attribution
        if aux & MODAL_AUX:
            return "hypothetical", attribution
        if aux & FUTURE_AUX or any(c.lower_ == "going" for c in tok.children):
            return "intended", attribution
        if attribution:
            return "reported", attribution
        return "asserted", attribution

    def _attribution(self, tok, sent, r: ArgResolver) -> str | None:
        """Who says so: the subject of a reporting verb governing the event, or 'according to X'."""
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
                        return actors[0].name if actors else _np(subj)
                h = parent
            else:
                break
        # reporting verb as the sentence root with the event in a parataxis/ccomp elsewhere
        root = sent.root
        if root.lemma_.lower() in REPORTING_VERBS and root.i != tok.i and tok.i in {t.i for t in root.subtree}:
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                actors = r.actors_for(subj)
                return actors[0].name if actors else _np(subj)
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
                to = t.doc[t.i + 1]
                pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                actors = r.actors_for(pobj)
                return actors[0].name if actors else _np(pobj)
        return None


def _actor_keys(actors: list[ActorRef]) -> set[str]:
    return {a.actor_id or a.name for a in actors}


def _drop_subsumed(events: list[Event]) -> list[Event]:
    """One sentence, one event per happening: "arrived ... for a state visit" is one CONSULT, not two.

    An event is dropped when another event of the same type in the sentence has
    all of its actors (source and target, either role) and more confidence or more actors.
    """
    keep = []
    for e in events:
        mine = _actor_keys(e.source) | _actor_keys(e.target)
        subsumed = False
        for o in events:
            if o is e or o.type != e.type:
                continue
            theirs = _actor_keys(o.source) | _actor_keys(o.target)
            if mine <= theirs and (len(theirs) > len(mine) or (o.confidence, -o.trigger_start) > (e.confidence, -e.trigger_start)):
                subsumed = True
                break
        if not subsumed:
            keep.append(e)
    return keep


def _np(tok) -> str:
    return tok.doc[tok.left_edge.i : tok.i + 1].text
