"""Attach each quantity to what it measures: whose measure, of what, towards whom, when, how sure.

Over the spaCy parse and the resolved actor mentions of one document:

- the **measure** is the noun the number modifies ("a $10 million bounty",
  "25% tariffs"), the noun it is "worth of" / "in" ("$50 billion worth of
  loans", "$17 billion in loans"), the object or subject of the verb that
  governs it ("raise its oil production back to 732,000 bpd", "exports fell
  to ..."), or the verb itself made a noun ("they produce 80,000 barrels" ->
  production);
- the **subject** is the measure's owner ("its oil production", "Chinese
  loans") or else the governing verb's subject ("Beijing extended ...");
- the **counterpart** is whom it is directed at: "to Venezuela", "on
  countries ...", "for ... his arrest", the object of "promised OPEC";
- the **time** is the date phrase of the quantity's clause, kept as text
  (``time_text``) and resolved only when it is an absolute year, month or
  decade (the time layer may fill ``date`` later);
- **factuality** from the governing verbs: promised -> intended, threatened,
  estimates indicated -> reported, not -> denied, if -> hypothetical.

A relative clause that the parser hangs on the wrong noun ("the 2 million
bpd [Maduro had promised OPEC it would produce by 2022]") is taken for the
quantity it directly follows.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.attrs import LOWER

from ..actors.resolve import ArgResolver, dedupe
from ..model import ActorRef, Quantity
from ..nlp import span_text

NOMINALISED = {
    "produce": "production", "pump": "production", "output": "production", "export": "exports", "import": "imports",
    "ship": "shipments", "sell": "sales", "buy": "purchases", "purchase": "purchases", "invest": "investment",
    "spend": "spending", "owe": "debt", "pay": "payments", "earn": "revenue", "borrow": "borrowing", "lend": "loans",
    "loan": "loans", "deliver": "deliveries", "supply": "supply", "refine": "refining", "process": "refining",
    "hold": "holdings", "employ": "employees", "kill": "deaths", "arrest": "arrests", "detain": "detentions",
    "sanction": "sanctions", "fine": "fine", "raise": "increase", "cut": "cut", "lose": "losses", "cost": "cost",
}
# nouns that only carry the number on to the thing measured: "$50 billion worth of loans"
CARRIERS = {"worth", "amount", "total", "value", "sum", "tune", "figure", "level", "volume", "quantity", "package"}
MATERIALS = {"oil", "crude", "gas", "lng", "diesel", "gasoline", "fuel", "coal", "wheat", "gold", "iron", "steel"}
COUNTERPART_PREPS = ("to", "on", "against", "for", "with", "into")
TIME_PREPS = {"in", "by", "since", "until", "till", "from", "during", "before", "after", "through", "as", "of", "on", "at", "for"}
THREAT = {"threaten", "warn"}
INTENT = {"promise", "pledge", "plan", "aim", "target", "vow", "intend", "expect", "want", "seek", "propose", "offer", "hope", "commit", "forecast", "project"}
REPORTED = {"say", "report", "estimate", "indicate", "claim", "tell", "allege", "suggest", "show", "according", "state", "announce"}
SUBJ = ("nsubj", "nsubjpass", "csubj")
OBJ = ("dobj", "obj", "dative", "iobj")

_YEAR = re.compile(r"\b((?:1[89]|20)\d\d)\b")
_DECADE = re.compile(r"\b((?:1[89]|20)\d)0s\b")
_MONTH_YEAR = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def resolve_time_text(text: str | None) -> tuple[dt.date | None, str | None]:
    """An absolute month, year or decade in a time phrase -> (first day, precision); relative phrases -> (None, None).

    Only what the phrase states without a reference date: "by January 2023" -> 2023-01-01/month,
    "since 2006" -> 2006-01-01/year, "in the 2010s" -> 2010-01-01/decade. "last year" waits for the time layer.
    """
    if not text:
        return None, None
    m = _MONTH_YEAR.search(text)
    if m:
        return dt.date(int(m.group(2)), _MONTHS.index(m.group(1).lower()[:3]) + 1, 1), "month"
    m = _DECADE.search(text)
    if m:
        return dt.date(int(m.group(1)) * 10, 1, 1), "decade"
    years = _YEAR.findall(text)
    if len(years) == 1:
        return dt.date(int(years[0]), 1, 1), "year"
    return None, None


def quantities_for_event(quantities: list[Quantity], trigger, lo: int, hi: int) -> list[Quantity]:
    """The quantities an event states: those inside the trigger's clause (character bounds [lo, hi))."""
    return [q for q in quantities if lo <= q.start and q.end <= hi]


def attach_quantities(quantities: list[Quantity], doc, resolver: ArgResolver, published: dt.date | None = None) -> list[str]:
    """Fill subject, counterpart, measure, time and factuality of each quantity, in place.

    Returns warnings: a quantity whose attachment failed stays unattached (and is said so) rather than
    costing its document.
    """
    warnings: list[str] = []
    if not quantities:
        return warnings
    sents = list(doc.sents)
    starts = [s.start for s in sents]
    dates = [e for e in doc.ents if e.label_ == "DATE"]  # Span.ents walks the whole Doc's entities on each call: once here
    import bisect

    for q in quantities:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        si = bisect.bisect_right(starts, span.start) - 1
        sent = sents[si]
        q.sentence = si
        q.evidence = span_text(sent).strip()
        try:
            _attach_one(q, span, sent, resolver, dates)
        except Exception as e:  # a parse shape the rules did not foresee
            warnings.append(f"quantity {q.text!r} at {q.start}: not attached ({type(e).__name__}: {e})")
    return warnings


def _np_text(tok) -> str:
    """The noun phrase a token heads, without relative clauses and long tails."""
    left = tok.left_edge.i
    right = tok.i
    for c in tok.rights:
        if c.dep_ in ("prep", "relcl", "acl", "punct", "cc", "conj", "appos", "advcl"):
            break
        right = c.right_edge.i
    while left < tok.i and tok.doc[left].dep_ in ("det", "punct", "predet"):
        left += 1
    return tok.doc[left : right + 1].text


def _measure_text(tok) -> str:
    words = [c for c in tok.children if c.dep_ in ("compound",) and c.i < tok.i and c.pos_ != "PROPN" and c.ent_type_ == ""]
    words = [w for w in words if not w.like_num]
    return " ".join([*(w.lower_ for w in words), tok.lower_])


def _is_actor(tok, r: ArgResolver) -> bool:
    s = r.span_of(tok)
    return s is not None and s.how != "adjective"


def _governor(anchor, span):
    """The verb that governs the quantity's phrase, climbing through prepositions and noun heads."""
    t = anchor
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.i not in range(span.start, span.end):
            return t
        if t.head is t:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
    return None


def _following_relcl(span, sent):
    """A relative clause starting right after the quantity, whatever noun the parser hung it on."""
    for t in sent:
        if t.dep_ == "relcl" and t.left_edge.i == span.end:
            return t
    for t in span.root.children:
        if t.dep_ == "relcl":
            return t
    return None


def _subject_of(verb, r: ArgResolver) -> tuple[list[ActorRef], str | None]:
    """The actors of a verb's subject, inherited through xcomp/advcl/conj; plural pronouns from the previous sentence."""
    v = verb
    for _ in range(4):
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)
        if passive:
            for c in v.children:
                if c.dep_ == "agent":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return r.actors_for(p), _np_text(p)
        for c in v.children:
            if c.dep_ == "nsubj":
                refs = r.actors_for(c)
                if not refs and c.lower_ in ("they", "them"):
                    refs, text = _plural_antecedent(c, r)
                    return refs, text
                return refs, _np_text(c)
        if v.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acl") and v.head is not v:
            v = v.head
            continue
        break
    return [], None


def _plural_antecedent(pron, r: ArgResolver) -> tuple[list[ActorRef], str | None]:
    """ "they": the plural subject of this or the previous sentence that names actors ("Russian companies ... they")."""
    doc = pron.doc
    sents = [pron.sent]
    while len(sents) < 3 and sents[-1].start > 0:
        sents.append(doc[sents[-1].start - 1].sent)
    for s in sents:
        for t in reversed([t for t in s if t.i < pron.i]):
            if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS"):
                refs = r.actors_for(t)
                if refs:
                    return refs, _np_text(t)
    return [], None


def _owner(tok, r: ArgResolver) -> list[ActorRef]:
    """Whose noun: possessives and premodifiers ("its oil production", "Chinese loans", "Venezuela's exports"), "of X"."""
    out: list[ActorRef] = []
    # a possessive owns the noun more surely than other premodifiers ("the IMF estimated Venezuela's inflation")
    for deps in (("poss",), ("amod", "compound", "nmod")):
        for c in tok.children:
            # "its"/"their" name the clause's subject far more often than the pronoun resolver's pick: the caller uses that
            if c.dep_ in deps and c.i < tok.i and not c.like_num and c.pos_ != "PRON":
                out.extend(r.actors_for(c))
        if out:
            break
    if not out:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "by"):
                for p in c.children:
                    if p.dep_ == "pobj" and _is_actor(p, r):
                        out.extend(r.actors_for(p))
    return dedupe(out)


def _first_actor_in(tok, r: ArgResolver, depth: int = 6) -> list[ActorRef]:
    """The first actor named in a phrase (breadth first), skipping adjectives ("Venezuelan oil" is not Venezuela)."""
    refs = r.actors_for(tok)  # the phrase's head with its own modifiers: "the Venezuelan socialist regime"
    if refs:
        return refs
    frontier = list(tok.children)
    for _ in range(depth):
        nxt = []
        for t in frontier:
            if _is_actor(t, r) or t.pos_ == "PRON":
                refs = r.actors_for(t)
                if refs:
                    return refs
            nxt.extend(t.children)
        frontier = nxt
        if not frontier:
            break
    return []


def _counterpart(heads, r: ArgResolver, skip: set[int]) -> tuple[list[ActorRef], str | None]:
    for h in heads:
        if h is None:
            continue
        for c in h.children:
            if c.i in skip:
                continue
            if c.dep_ == "prep" and c.lower_ in COUNTERPART_PREPS:
                for p in c.children:
                    # not the quantity itself ("increase production to 1 million bpd") nor a time ("on Monday")
                    if p.dep_ == "pobj" and p.i not in skip and p.ent_type_ not in ("DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL"):
                        refs = _first_actor_in(p, r)
                        return refs, f"{c.text} {_np_text(p)}"
            if c.dep_ in OBJ and h.pos_ in ("VERB", "AUX") and _is_actor(c, r):
                return r.actors_for(c), _np_text(c)
    return [], None


def _time(gov, span, sent, dates: list) -> str | None:
    """The DATE phrase of the quantity's clause nearest to it, with its preposition ("by January 2023").

    ``dates``: the Doc's DATE entities, in order.
    """
    scope = {t.i for t in gov.subtree} if gov is not None else {t.i for t in sent}
    best = None
    for ent in dates:
        if ent.start < sent.start or ent.end > sent.end:
            continue
        if ent.start < span.end and span.start < ent.end:
            continue
        if ent.root.i not in scope:
            continue
        dist = span.start - ent.end if ent.end <= span.start else ent.start - span.end
        if best is None or dist < best[0]:
            best = (dist, ent)
    if best is None:
        return None
    ent = best[1]
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in TIME_PREPS and head.i == ent.start - 1:
        return f"{head.text} {ent.text}"
    return ent.text


def _factuality(gov, sent) -> str:
    t = gov
    if t is None:
        return "asserted"
    seen = 0
    while t is not None and seen < 6:
        lemma = t.lemma_.lower()
        if any(c.dep_ == "neg" for c in t.children):
            return "denied"
        if lemma in THREAT:
            return "threatened"
        if lemma in INTENT:
            return "intended"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return "hypothetical"
        if lemma in REPORTED:
            return "reported"
        if t.head is t:
            break
        t = t.head
        seen += 1
    if (sent.to_array([LOWER])[:, 0] == sent.doc.vocab.strings["according"]).any():  # a word "according", without a Token per word
        return "reported"
    return "asserted"


def _material(q: Quantity, span) -> str | None:
    for t in span:
        if t.lower_ in MATERIALS:
            return "oil" if t.lower_ == "crude" else t.lower_
    if q.normalized_unit and q.normalized_unit.startswith("barrels"):
        return "oil"
    return None


REFERRING_DETERMINERS = {"the", "these", "those", "both", "all", "its", "their", "his", "her", "our"}


def is_claim(q: Quantity) -> bool:
    """A quantity worth a row in the claims table: attached to an actor or an event, and not a mere reference."""
    return q.kind != "reference" and bool(q.subject or q.counterpart or q.event_id)


def _attach_one(q: Quantity, span, sent, r: ArgResolver, dates: list) -> None:
    h = span.root
    if q.kind == "count" and span.start > 0 and span.doc[span.start - 1].lower_ in REFERRING_DETERMINERS:
        # "the two leaders", "both countries", "these five aircraft": a reference to things already named, not a measurement
        q.kind = "reference"
    inside = set(range(span.start, span.end))
    measure_tok = None
    anchor = h
    # the number modifies a noun: "$10 million bounty", "25% tariffs", "five joint ventures" (the noun is in the span)
    if h.dep_ in ("nummod", "compound", "amod", "quantmod", "npadvmod", "nmod") and h.head.i not in inside and h.head.pos_ in ("NOUN", "PROPN") and h.head.i > h.i:
        measure_tok = anchor = h.head
    # carriers pass the number on: "worth of loans", "$17 billion in loans"
    for holder in (anchor, h):
        if measure_tok is not None and measure_tok.lemma_.lower() not in CARRIERS:
            break
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "in") and c.i not in inside:
                pobj = next((p for p in c.children if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") and not p.like_num), None)
                if pobj is not None and not _is_actor(pobj, r) and pobj.ent_type_ not in ("DATE", "TIME"):
                    measure_tok = pobj
                    break
        else:
            continue
        break
    if measure_tok is not None and measure_tok.lemma_.lower() in CARRIERS:
        measure_tok = None
    # "inflation at 400%", "exports of 1 million bpd", "production of 700,000 bpd": the noun the phrase hangs on
    if measure_tok is None and anchor.dep_ == "pobj" and anchor.head.lower_ in ("at", "of") and anchor.head.head.pos_ == "NOUN":
        noun = anchor.head.head
        if noun.lemma_.lower() not in CARRIERS and not _is_actor(noun, r) and noun.i not in inside:
            measure_tok = noun
    if q.kind == "count" and h.pos_ in ("NOUN", "PROPN"):
        measure_tok = anchor = h  # "five joint ventures": the counted noun is the measure

    relcl = _following_relcl(span, sent)
    gov = relcl if relcl is not None else _governor(anchor, span)
    if relcl is None and anchor.dep_ == "relcl":
        gov = anchor

    measure = _measure_text(measure_tok) if measure_tok is not None else None
    verb_measure = None
    if gov is not None:
        # the verb's other argument names the measure: "raise its oil production back to 732,000 bpd", "exports fell to ..."
        if measure is None and relcl is None:
            for deps in (OBJ, SUBJ):
                arg = next((c for c in gov.children if c.dep_ in deps and c.i not in inside and c.i != anchor.i), None)
                if arg is not None and arg.pos_ == "NOUN" and not _is_actor(arg, r) and arg.lemma_.lower() not in CARRIERS:
                    measure_tok = arg
                    measure = _measure_text(arg)
                    # "Chevron's ventures produced 240,000 bpd": the verb names the measure, the subject its owner
                    nominal = NOMINALISED.get(gov.lemma_.lower())
                    if deps is SUBJ and nominal and gov.lemma_.lower() not in ("raise", "cut") and anchor.dep_ in OBJ:
                        measure = nominal
                    elif deps is SUBJ:
                        # "a Russian cargo ship unloaded 25,000 tonnes of wheat": the commodity, not the ship
                        commodity = next((p for t in span if t.lower_ == "of" for p in t.children if p.dep_ == "pobj" and p.i in inside), None)
                        if commodity is not None:
                            measure = commodity.lower_
                    break
        # or the verb itself: "they produce 80,000 barrels" -> production; "promised ... it would produce" -> production
        verbs = [gov] + ([t for t in gov.subtree if t.pos_ == "VERB" and t.i != gov.i] if relcl is not None else [])
        for v in verbs:
            nom = NOMINALISED.get(v.lemma_.lower())
            if nom and v.lemma_.lower() not in ("raise", "cut"):
                verb_measure = nom
                break
    if measure is None:
        measure = verb_measure
    material = _material(q, span)
    if measure and material and material not in measure and measure in ("production", "output", "exports", "imports", "shipments", "supply", "sales", "deliveries", "purchases", "reserves", "stocks", "inventories"):
        measure = f"{material} {measure}"
    if measure:
        q.measure = measure
    if q.change is None and gov is not None and relcl is None:
        lemma = gov.lemma_.lower()
        prep = next((t.lower_ for t in (anchor.head, h.head) if t.dep_ == "prep" and t.lower_ in ("to", "by")), None)
        if prep and q.kind != "count" and lemma in ("raise", "rise", "increase", "cut", "reduce", "fall", "drop", "grow", "boost", "lower", "decline", "climb", "slash", "bring"):
            q.change = f"{lemma} {prep}"

    # whose measure
    subject: list[ActorRef] = []
    subject_text = None
    origin: list[ActorRef] = []
    if measure_tok is not None:
        subject = _owner(measure_tok, r)
        if subject:
            subject_text = _np_text(measure_tok)
        # an adjective says where the thing comes from ("Venezuelan oil", "Russian assets"); the verb's subject,
        # when it names an actor, is whose measure it is ("Turkey bought $1.5 billion of Venezuelan gold")
        if subject and not any(c.dep_ == "poss" for c in measure_tok.children) and gov is not None and relcl is None:
            verb_subject, verb_text = _subject_of(gov, r)
            if verb_subject and {a.country for a in verb_subject} != {a.country for a in subject}:
                origin, subject, subject_text = subject, verb_subject, verb_text
    if not subject and gov is not None:
        subject, subject_text = _subject_of(gov, r)
    q.subject = dedupe(subject)
    q.subject_text = subject_text if q.subject else None

    # towards whom
    skip = {t.i for t in span}
    heads = [measure_tok, anchor, gov] if relcl is None else [gov, measure_tok]
    cp, cp_text = _counterpart([x for x in heads if x is not None], r, skip)
    own = {(a.actor_id, a.sector) for a in q.subject}
    q.counterpart = [a for a in cp if (a.actor_id, a.sector) not in own]
    q.counterpart_text = cp_text
    if not q.counterpart and origin:
        q.counterpart = [a for a in dedupe(origin) if (a.actor_id, a.sector) not in own]
        q.counterpart_text = _np_text(measure_tok)
    q.time_text = _time(gov, span, sent, dates)
    q.date, q.date_precision = resolve_time_text(q.time_text)
    q.factuality = _factuality(gov, sent)
