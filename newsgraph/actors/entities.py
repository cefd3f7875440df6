"""Typed named-entity spans (PER, ORG, LOC, MISC) from actor resolution plus spaCy's NER.

Evaluation on NER data (CoNLL-2003, MEANTIME) needs what the actor layer
found expressed as typed spans. The registry decides where it knows the
name (its kind gives the type, and its alias gives the boundary); spaCy's
entities fill in what it does not know; then two document-level passes
that NER systems commonly use:

- a surname or other later short form of a person named in full earlier in
  the document is that person (spaCy's small model often misses or
  mislabels a bare surname);
- the same capitalised string gets the same type everywhere in a document
  (a name labelled ORG in one sentence is ORG in the others), except a
  maker's name before a model number ("the Airbus A380").

spaCy's entities are cleaned first: time zones and currency codes are
dropped and stock indices typed MISC (``resolve.not_an_actor``), titles
before a name are left out of it ("Spokeswoman Sandy Angers"), and spans
lose leading articles and quotes and keep a legal-form suffix ("Apple Inc.").

Schemes differ in how they type adjectives of states: CoNLL-2003 tags
"Venezuelan" as MISC, MEANTIME tags it LOC.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .registry import Registry
from .resolve import Span, find_mentions, fold, is_model_designation, name_after_title, not_an_actor

SPACY_TO_COARSE = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
KIND_TO_COARSE = {
    "person": "PER",
    "state": "LOC",
    "company": "ORG",
    "organisation": "ORG",
    "igo": "ORG",
    "government": "ORG",
    "media": "ORG",
    "group": "ORG",
}
DETERMINERS = {"the", "a", "an"}
# Legal-form suffixes that belong to a company's name ("Apple Inc.", "Chrysler LLC", "EADS N.V.").
CORPORATE_SUFFIXES = {"inc", "corp", "co", "ltd", "llc", "plc", "ag", "nv", "n.v", "sa", "s.a", "se", "gmbh", "bv", "spa", "s.p.a", "oao", "pjsc", "ojsc"}
# Last words that make a name an organisation's, whatever spaCy says ("Douglas Aircraft", "Morgan Motors").
ORGANISATION_HEADS = {"company", "corporation", "corp", "inc", "ltd", "llc", "plc", "group", "bank", "airlines", "airways", "aircraft", "motors", "holdings", "industries", "university", "institute", "foundation", "association", "agency", "ministry"}
OPENING_MARKS = {"``", "\"", "'", "\u201c", "\u2018", "(", "["}


@dataclass(frozen=True, slots=True)
class EntitySpan:
    start: int  # token offsets in the doc, end exclusive
    end: int
    label: str  # PER | ORG | LOC | MISC
    how: str  # registry | spacy | surname | propagated


def _label_of(span: Span, scheme: str) -> str | None:
    kind = span.ref.kind
    if span.how in ("adjective", "demonym"):
        return "LOC" if scheme == "meantime" and span.how == "adjective" else "MISC"
    if span.how == "metonym":
        # The capital is a place ("talks in Caracas"); a seat of power ("the Kremlin", "Miraflores") names the institution.
        if scheme == "meantime":
            return "LOC"  # MEANTIME types "the White House" and "the Kremlin" as locations
        capital = span.actor.capital if span.actor is not None else None
        return "LOC" if capital and fold(span.ref.text or "") in fold(capital) else "ORG"
    if kind == "person":
        return "PER"
    return KIND_TO_COARSE.get(kind or "", "ORG")


def named_entities(doc, registry: Registry, when: dt.date | None = None, scheme: str = "conll", spans: list[Span] | None = None) -> list[EntitySpan]:
    """Typed entity spans of a parsed doc, sorted, non-overlapping."""
    if spans is None:
        spans = find_mentions(doc, registry, when)
    out: dict[int, EntitySpan] = {}
    taken: set[int] = set()
    ents = list(doc.ents)
    for s in spans:
        if s.how == "provisional":
            continue  # provisional spans are spaCy's entities: typed from spaCy's label below
        label = _label_of(s, scheme)
        if label is None:
            continue
        start, end = s.start, s.end
        # A spaCy entity of the same type that extends the registry's alias ("Boeing Co.", "Rosneft Oil Company") gives the boundary.
        for e in ents:
            if e.start <= start and end <= e.end and (e.start, e.end) != (start, end) and SPACY_TO_COARSE.get(e.label_) == label:
                if not any(k in taken for k in range(e.start, e.end)) and not any(o.start < e.end and e.start < o.end and o is not s and o.how != "provisional" for o in spans):
                    start, end = _strip_det(doc, e.start, e.end)
                    start, end = min(start, s.start), max(end, s.end)
                break
        start, end = _strip_det(doc, start, end)
        if label == "ORG":
            end = _with_suffix(doc, end)
        if start >= end or any(k in taken for k in range(start, end)):
            continue
        out[start] = EntitySpan(start, end, label, "registry")
        taken.update(range(start, end))
    for e in ents:
        label = SPACY_TO_COARSE.get(e.label_)
        if scheme == "meantime" and e.label_ == "NORP" and len(e) == 1 and e[0].tag_ in ("JJ", "NNP"):
            label = "LOC"  # MEANTIME types "European", "Canadian" (premodifiers) as locations
        if label is None:
            continue
        start, end = _strip_det(doc, e.start, e.end)
        if start >= end or any(k in taken for k in range(start, end)):
            continue
        if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in doc[start:end]):
            continue
        if label in ("PER", "ORG"):
            why = not_an_actor(doc, start, end)
            if why in ("code", "title"):
                continue  # "16:00 UTC", "$99 (USD)": not a name; "State" of "Secretary of State": part of a title
            if why in ("index", "product"):
                label = "MISC"  # "the Dow Jones", "the FTSE 100": a financial index, not an organisation; "Merey crude"
            if why == "place":
                label = "LOC"  # "the port of Jose", "the US Gulf Coast"
            name_at = name_after_title(doc, start, end, "PERSON" if label == "PER" else label)
            if label != "MISC" and name_at > start:
                start, label = name_at, "PER"  # "Spokeswoman Sandy Angers", "Mr Justice Anthony Mann"
            elif label == "PER" and end - start >= 2 and doc[end - 1].lower_.rstrip(".") in ORGANISATION_HEADS:
                label = "ORG"  # "Douglas Aircraft": a company named after a person
        if label == "ORG":
            end = _with_suffix(doc, end)
            if any(k in taken for k in range(start, end)):
                continue
        if label == "ORG" and end < len(doc) and is_model_designation(doc[end]):
            continue  # "Airbus A380": the maker's name is part of a product's name
        out[start] = EntitySpan(start, end, label, "spacy")
        taken.update(range(start, end))
    _propagate(doc, out, taken)
    return sorted(out.values(), key=lambda x: x.start)


def _with_suffix(doc, end: int) -> int:
    """The end of an organisation's name, taking in a legal-form suffix right after it ("Apple" + "Inc.")."""
    if end < len(doc) and doc[end].lower_.rstrip(".,") in CORPORATE_SUFFIXES and (doc[end].text[:1].isupper() or doc[end].text[-1:] == "."):
        return end + 1
    return end


def _strip_det(doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].text in OPENING_MARKS):
        start += 1  # leading articles and opening quotes are not part of a name
    while end > start and ((doc[end - 1].is_punct and doc[end - 1].text not in (".",)) or doc[end - 1].tag_ == "POS"):
        end -= 1  # trailing punctuation and possessive "'s" are not part of a name
    return start, end


def _propagate(doc, out: dict[int, EntitySpan], taken: set[int]) -> None:
    """Surnames of people named earlier, and document-wide label consistency for repeated names."""
    people: dict[str, str] = {}
    for e in out.values():
        if e.label == "PER" and e.end - e.start >= 2:
            people.setdefault(fold(doc[e.end - 1].text), "PER")
    # A one-word entity that is the surname of a person named in full earlier is that person ("Jobs", "Mulally").
    for start, e in list(out.items()):
        if e.end - e.start == 1 and e.label != "PER" and e.how == "spacy" and fold(doc[e.start].text) in people:
            if any(o.label == "PER" and o.end <= e.start and fold(doc[o.end - 1].text) == fold(doc[e.start].text) for o in out.values()):
                out[start] = EntitySpan(e.start, e.end, "PER", "surname")
    # Labels to spread, read after the surname fix so a surname spaCy mislabelled elsewhere does not spread its wrong label.
    names: dict[tuple[str, ...], str] = {}
    for e in sorted(out.values(), key=lambda x: x.start):
        words = tuple(fold(t.text) for t in doc[e.start : e.end])
        names.setdefault(words, "PER" if len(words) == 1 and words[0] in people else e.label)
    i, n = 0, len(doc)
    while i < n:
        if i in taken or not doc[i].text[:1].isupper() or doc[i].is_stop:
            i += 1
            continue
        best = None
        for words, label in names.items():
            k = len(words)
            if k >= 1 and i + k <= n and not any(j in taken for j in range(i, i + k)):
                if tuple(fold(t.text) for t in doc[i : i + k]) == words and (best is None or k > best[0]):
                    best = (k, label)
        if best is None and fold(doc[i].text) in people and doc[i].pos_ == "PROPN":
            best = (1, "PER")
        if best is not None:
            k, label = best
            # A single word at the start of a sentence is too often an ordinary capitalised word;
            # a maker's name before a model number names a product ("the Airbus A380", "Boeing 737s").
            before_model = label == "ORG" and i + k < n and is_model_designation(doc[i + k])
            if not (k == 1 and doc[i].is_sent_start and doc[i].pos_ != "PROPN") and not before_model:
                out[i] = EntitySpan(i, i + k, label, "propagated")
                taken.update(range(i, i + k))
                i += k
                continue
        i += 1
