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

import bisect
import datetime as dt
import re

from ..actors.resolve import ArgResolver, dedupe
from ..model import ActorRef, Quantity
from ..nlp import VERBAL_POS, DocArrays, doc_arrays

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
    w = doc_arrays(doc)  # words by index, the view the resolver reads: no Token per word passed
    starts = w.sent_starts
    dates = w.entities("DATE")

    for q in quantities:
        words = w.char_words(q.start, q.end)
        if words is None or words[1] <= words[0]:
            continue
        start, end = words
        si = bisect.bisect_right(starts, start) - 1
        sent = (starts[si], starts[si + 1] if si + 1 < len(starts) else w.n)
        q.sentence = si
        q.evidence = w.words_text(*sent).strip()
        try:
            _attach_one(q, w, start, end, sent, resolver, dates)
        except Exception as e:  # a parse shape the rules did not foresee
            warnings.append(f"quantity {q.text!r} at {q.start}: not attached ({type(e).__name__}: {e})")
    return warnings


def _np_text(w: DocArrays, tok: int) -> str:
    """The noun phrase a word heads, without relative clauses and long tails."""
    left = w.left_edge(tok)
    right = tok
    for c in w.rights(tok):
        if w.dep[c] in ("prep", "relcl", "acl", "punct", "cc", "conj", "appos", "advcl"):
            break
        right = w.right_edge(c)
    while left < tok and w.dep[left] in ("det", "punct", "predet"):
        left += 1
    return w.words_text(left, right + 1)


def _measure_text(w: DocArrays, tok: int) -> str:
    words = [c for c in w.children(tok) if w.dep[c] == "compound" and c < tok and w.pos[c] != "PROPN" and w.ent_type[c] == ""]
    words = [c for c in words if not w.like_num[c]]
    return " ".join([*(w.lower[c] for c in words), w.lower[tok]])


def _is_actor(tok: int, r: ArgResolver) -> bool:
    s = r.span_of(tok)
    return s is not None and s.how != "adjective"


def _governor(w: DocArrays, anchor: int, start: int, end: int) -> int | None:
    """The verb that governs the quantity's phrase, climbing through prepositions and noun heads (six steps at most);
    the climb ends at the sentence's root, which governs it when it is a verb, even one among the quantity's words."""
    t = anchor
    for _ in range(6):
        if w.pos[t] in VERBAL_POS and not start <= t < end:
            return t
        if w.head[t] == t:
            return t if w.pos[t] in VERBAL_POS else None
        t = w.head[t]
    return None


def _following_relcl(w: DocArrays, start: int, end: int, sent: tuple[int, int]) -> int | None:
    """A relative clause starting right after the quantity, whatever noun the parser hung it on."""
    dep = w.dep
    for t in range(*sent):
        if dep[t] == "relcl" and w.left_edge(t) == end:
            return t
    for t in w.children(w.span_root(start, end)):
        if dep[t] == "relcl":
            return t
    return None


def _subject_of(w: DocArrays, verb: int, r: ArgResolver) -> tuple[list[ActorRef], str | None]:
    """The actors of a verb's subject, inherited through xcomp/advcl/conj; plural pronouns from the previous sentence."""
    v = verb
    for _ in range(4):
        passive = any(w.dep[c] in ("auxpass", "nsubjpass") for c in w.children(v))
        if passive:
            for c in w.children(v):
                if w.dep[c] == "agent":
                    for p in w.children(c):
                        if w.dep[p] == "pobj":
                            return r.actors_for(p), _np_text(w, p)
        for c in w.children(v):
            if w.dep[c] == "nsubj":
                refs = r.actors_for(c)
                if not refs and w.lower[c] in ("they", "them"):
                    refs, text = _plural_antecedent(w, c, r)
                    return refs, text
                return refs, _np_text(w, c)
        if w.dep[v] in ("xcomp", "advcl", "conj", "pcomp", "acl"):
            v = w.head[v]
            continue
        break
    return [], None


def _plural_antecedent(w: DocArrays, pron: int, r: ArgResolver) -> tuple[list[ActorRef], str | None]:
    """ "they": the plural subject of this or the previous sentence that names actors ("Russian companies ... they")."""
    sents = [w.sent_bounds(pron)]
    while len(sents) < 3 and sents[-1][0] > 0:
        sents.append(w.sent_bounds(sents[-1][0] - 1))
    for s0, s1 in sents:
        for t in reversed(range(s0, min(s1, pron))):
            if w.dep[t] in ("nsubj", "nsubjpass") and w.tag[t] in ("NNS", "NNPS"):
                refs = r.actors_for(t)
                if refs:
                    return refs, _np_text(w, t)
    return [], None


def _owner(w: DocArrays, tok: int, r: ArgResolver) -> list[ActorRef]:
    """Whose noun: possessives and premodifiers ("its oil production", "Chinese loans", "Venezuela's exports"), "of X"."""
    out: list[ActorRef] = []
    # a possessive owns the noun more surely than other premodifiers ("the IMF estimated Venezuela's inflation")
    for deps in (("poss",), ("amod", "compound", "nmod")):
        for c in w.children(tok):
            # "its"/"their" name the clause's subject far more often than the pronoun resolver's pick: the caller uses that
            if w.dep[c] in deps and c < tok and not w.like_num[c] and w.pos[c] != "PRON":
                out.extend(r.actors_for(c))
        if out:
            break
    if not out:
        for c in w.children(tok):
            if w.dep[c] == "prep" and w.lower[c] in ("of", "from", "by"):
                for p in w.children(c):
                    if w.dep[p] == "pobj" and _is_actor(p, r):
                        out.extend(r.actors_for(p))
    return dedupe(out)


def _first_actor_in(w: DocArrays, tok: int, r: ArgResolver, depth: int = 6) -> list[ActorRef]:
    """The first actor named in a phrase (breadth first), skipping adjectives ("Venezuelan oil" is not Venezuela)."""
    refs = r.actors_for(tok)  # the phrase's head with its own modifiers: "the Venezuelan socialist regime"
    if refs:
        return refs
    frontier = list(w.children(tok))
    for _ in range(depth):
        nxt = []
        for t in frontier:
            if _is_actor(t, r) or w.pos[t] == "PRON":
                refs = r.actors_for(t)
                if refs:
                    return refs
            nxt.extend(w.children(t))
        frontier = nxt
        if not frontier:
            break
    return []


def _counterpart(w: DocArrays, heads: list[int], r: ArgResolver, skip: range) -> tuple[list[ActorRef], str | None]:
    for h in heads:
        for c in w.children(h):
            if c in skip:
                continue
            if w.dep[c] == "prep" and w.lower[c] in COUNTERPART_PREPS:
                for p in w.children(c):
                    # not the quantity itself ("increase production to 1 million bpd") nor a time ("on Monday")
                    if w.dep[p] == "pobj" and p not in skip and w.ent_type[p] not in ("DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL"):
                        refs = _first_actor_in(w, p, r)
                        return refs, f"{w.text(c)} {_np_text(w, p)}"
            if w.dep[c] in OBJ and w.pos[h] in VERBAL_POS and _is_actor(c, r):
                return r.actors_for(c), _np_text(w, c)
    return [], None


def _time(w: DocArrays, gov: int | None, start: int, end: int, sent: tuple[int, int], dates: list[tuple[int, int]]) -> str | None:
    """The DATE phrase of the quantity's clause nearest to it, with its preposition ("by January 2023").

    ``dates``: the (start, end) words of the Doc's DATE entities, in order.
    """
    scope = set(w.subtree(gov)) if gov is not None else range(*sent)
    best = None
    for e0, e1 in dates:
        if e0 < sent[0] or e1 > sent[1]:
            continue
        if e0 < end and start < e1:
            continue
        if w.span_root(e0, e1) not in scope:
            continue
        dist = start - e1 if e1 <= start else e0 - end
        if best is None or dist < best[0]:
            best = (dist, e0, e1)
    if best is None:
        return None
    _, e0, e1 = best
    root = w.span_root(e0, e1)
    head = w.head[root]
    if w.dep[root] == "pobj" and w.dep[head] == "prep" and w.lower[head] in TIME_PREPS and head == e0 - 1:
        return f"{w.text(head)} {w.words_text(e0, e1)}"
    return w.words_text(e0, e1)


def _factuality(w: DocArrays, gov: int | None, sent: tuple[int, int]) -> str:
    if gov is None:
        return "asserted"
    t = gov
    for _ in range(6):  # six steps up; at the root the climb stays there
        lemma = w.lemma[t]
        kids = w.children(t)
        if any(w.dep[c] == "neg" for c in kids):
            return "denied"
        if lemma in THREAT:
            return "threatened"
        if lemma in INTENT:
            return "intended"
        if any(w.dep[c] == "mark" and w.lower[c] in ("if", "unless") for c in kids):
            return "hypothetical"
        if lemma in REPORTED:
            return "reported"
        t = w.head[t]
    if "according" in w.lower[sent[0] : sent[1]]:
        return "reported"
    return "asserted"


def _material(w: DocArrays, q: Quantity, start: int, end: int) -> str | None:
    for t in range(start, end):
        if w.lower[t] in MATERIALS:
            return "oil" if w.lower[t] == "crude" else w.lower[t]
    if q.normalized_unit and q.normalized_unit.startswith("barrels"):
        return "oil"
    return None


REFERRING_DETERMINERS = {"the", "these", "those", "both", "all", "its", "their", "his", "her", "our"}


def is_claim(q: Quantity) -> bool:
    """A quantity worth a row in the claims table: attached to an actor or an event, and not a mere reference."""
    return q.kind != "reference" and bool(q.subject or q.counterpart or q.event_id)


def _attach_one(q: Quantity, w: DocArrays, start: int, end: int, sent: tuple[int, int], r: ArgResolver, dates: list) -> None:
    """``[start, end)``: the quantity's words; ``sent``: its sentence's bounds."""
    dep, pos, lemma, lower, head = w.dep, w.pos, w.lemma, w.lower, w.head
    h = w.span_root(start, end)
    if q.kind == "count" and start > 0 and lower[start - 1] in REFERRING_DETERMINERS:
        # "the two leaders", "both countries", "these five aircraft": a reference to things already named, not a measurement
        q.kind = "reference"
    inside = range(start, end)
    measure_tok = None
    anchor = h
    # the number modifies a noun: "$10 million bounty", "25% tariffs", "five joint ventures" (the noun is in the span)
    if dep[h] in ("nummod", "compound", "amod", "quantmod", "npadvmod", "nmod") and head[h] not in inside and pos[head[h]] in ("NOUN", "PROPN") and head[h] > h:
        measure_tok = anchor = head[h]
    # carriers pass the number on: "worth of loans", "$17 billion in loans"
    for holder in (anchor, h):
        if measure_tok is not None and lemma[measure_tok] not in CARRIERS:
            break
        for c in w.children(holder):
            if dep[c] == "prep" and lower[c] in ("of", "in") and c not in inside:
                pobj = next((p for p in w.children(c) if dep[p] == "pobj" and pos[p] in ("NOUN", "PROPN") and not w.like_num[p]), None)
                if pobj is not None and not _is_actor(pobj, r) and w.ent_type[pobj] not in ("DATE", "TIME"):
                    measure_tok = pobj
                    break
        else:
            continue
        break
    if measure_tok is not None and lemma[measure_tok] in CARRIERS:
        measure_tok = None
    # "inflation at 400%", "exports of 1 million bpd", "production of 700,000 bpd": the noun the phrase hangs on
    if measure_tok is None and dep[anchor] == "pobj" and lower[head[anchor]] in ("at", "of") and pos[head[head[anchor]]] == "NOUN":
        noun = head[head[anchor]]
        if lemma[noun] not in CARRIERS and not _is_actor(noun, r) and noun not in inside:
            measure_tok = noun
    if q.kind == "count" and pos[h] in ("NOUN", "PROPN"):
        measure_tok = anchor = h  # "five joint ventures": the counted noun is the measure

    relcl = _following_relcl(w, start, end, sent)
    gov = relcl if relcl is not None else _governor(w, anchor, start, end)
    if relcl is None and dep[anchor] == "relcl":
        gov = anchor

    measure = _measure_text(w, measure_tok) if measure_tok is not None else None
    verb_measure = None
    if gov is not None:
        # the verb's other argument names the measure: "raise its oil production back to 732,000 bpd", "exports fell to ..."
        if measure is None and relcl is None:
            for deps in (OBJ, SUBJ):
                arg = next((c for c in w.children(gov) if dep[c] in deps and c not in inside and c != anchor), None)
                if arg is not None and pos[arg] == "NOUN" and not _is_actor(arg, r) and lemma[arg] not in CARRIERS:
                    measure_tok = arg
                    measure = _measure_text(w, arg)
                    # "Chevron's ventures produced 240,000 bpd": the verb names the measure, the subject its owner
                    nominal = NOMINALISED.get(lemma[gov])
                    if deps is SUBJ and nominal and lemma[gov] not in ("raise", "cut") and dep[anchor] in OBJ:
                        measure = nominal
                    elif deps is SUBJ:
                        # "a Russian cargo ship unloaded 25,000 tonnes of wheat": the commodity, not the ship
                        commodity = next((p for t in inside if lower[t] == "of" for p in w.children(t) if dep[p] == "pobj" and p in inside), None)
                        if commodity is not None:
                            measure = lower[commodity]
                    break
        # or the verb itself: "they produce 80,000 barrels" -> production; "promised ... it would produce" -> production
        verbs = [gov] + ([t for t in w.subtree(gov) if pos[t] == "VERB" and t != gov] if relcl is not None else [])
        for v in verbs:
            nom = NOMINALISED.get(lemma[v])
            if nom and lemma[v] not in ("raise", "cut"):
                verb_measure = nom
                break
    if measure is None:
        measure = verb_measure
    material = _material(w, q, start, end)
    if measure and material and material not in measure and measure in ("production", "output", "exports", "imports", "shipments", "supply", "sales", "deliveries", "purchases", "reserves", "stocks", "inventories"):
        measure = f"{material} {measure}"
    if measure:
        q.measure = measure
    if q.change is None and gov is not None and relcl is None:
        verb = lemma[gov]
        prep = next((lower[t] for t in (head[anchor], head[h]) if dep[t] == "prep" and lower[t] in ("to", "by")), None)
        if prep and q.kind != "count" and verb in ("raise", "rise", "increase", "cut", "reduce", "fall", "drop", "grow", "boost", "lower", "decline", "climb", "slash", "bring"):
            q.change = f"{verb} {prep}"

    # whose measure
    subject: list[ActorRef] = []
    subject_text = None
    origin: list[ActorRef] = []
    if measure_tok is not None:
        subject = _owner(w, measure_tok, r)
        if subject:
            subject_text = _np_text(w, measure_tok)
        # an adjective says where the thing comes from ("Venezuelan oil", "Russian assets"); the verb's subject,
        # when it names an actor, is whose measure it is ("Turkey bought $1.5 billion of Venezuelan gold")
        if subject and not any(dep[c] == "poss" for c in w.children(measure_tok)) and gov is not None and relcl is None:
            verb_subject, verb_text = _subject_of(w, gov, r)
            if verb_subject and {a.country for a in verb_subject} != {a.country for a in subject}:
                origin, subject, subject_text = subject, verb_subject, verb_text
    if not subject and gov is not None:
        subject, subject_text = _subject_of(w, gov, r)
    q.subject = dedupe(subject)
    q.subject_text = subject_text if q.subject else None

    # towards whom
    heads = [measure_tok, anchor, gov] if relcl is None else [gov, measure_tok]
    cp, cp_text = _counterpart(w, [x for x in heads if x is not None], r, inside)
    own = {(a.actor_id, a.sector) for a in q.subject}
    q.counterpart = [a for a in cp if (a.actor_id, a.sector) not in own]
    q.counterpart_text = cp_text
    if not q.counterpart and origin:
        q.counterpart = [a for a in dedupe(origin) if (a.actor_id, a.sector) not in own]
        q.counterpart_text = _np_text(w, measure_tok)
    q.time_text = _time(w, gov, start, end, sent, dates)
    q.date, q.date_precision = resolve_time_text(q.time_text)
    q.factuality = _factuality(w, gov, sent)
