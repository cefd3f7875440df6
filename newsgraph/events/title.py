"""The headline as a sentence of its own.

A document's main event is what its headline and lead report (issue 7), and
some stories state it only in the headline: "Thousands protest in Nairobi
against fuel tax" over a lead about tear gas. The title is parsed and coded
like any sentence of the text. Most headlines repeat the lead, which names the
actors in full and dates the event, so a title event is kept only when the
text codes no event of the same type between compatible actors, and its lead
(first ``LEAD_SENTENCES``) no event between the same actors at all: a
headline's compressed verb ("Washington targets Cardón refinery", "New US
sanctions hit ...") is a weaker type signal than the lead's full clause. One
report, one event. A kept title event has ``sentence == TITLE_SENTENCE`` and its
evidence, trigger offsets and text are those of the title, not of the body.
"""

from __future__ import annotations

import hashlib

from ..actors import ArgResolver, find_mentions
from ..model import Document, Event

TITLE_SENTENCE = -1  # Event.sentence of an event coded from the document's title
LEAD_SENTENCES = 1  # the lede: the sentence that tells the headline's story in full


def title_events(document: Document, title_doc, resources, body_events: list[Event]) -> list[Event]:
    """Events the title reports that ``body_events`` (the text's) do not already hold."""
    when = document.published
    spans = find_mentions(title_doc, resources.registry, when, document.text)
    resolver = ArgResolver(title_doc, spans, when, resources.registry)
    out = []
    for e in resources.coder.code(title_doc, resolver, document.doc_id, when, []):
        if any(same_report(e, b) for b in body_events) or any(same_actors(e, b) for b in body_events if b.sentence < LEAD_SENTENCES):
            continue
        e.sentence = TITLE_SENTENCE
        e.id = hashlib.sha1(f"{document.doc_id}:title:{e.trigger_start}:{e.type}".encode()).hexdigest()[:16]
        out.append(e)
    return out


def same_report(a: Event, b: Event) -> bool:
    """One event told twice in one document: same PLOVER type, and actor sets that share an actor or leave one side open."""
    from ..merge import type_key  # merge imports the event ontology; imported here to keep events/ below merge

    if type_key(a.type) != type_key(b.type):
        return False
    ka, kb = _keys(a), _keys(b)
    return not ka or not kb or bool(ka & kb)


def same_actors(title: Event, lead: Event) -> bool:
    """The lead tells of the title's actors (or the title names none): the lead's event is the headline's."""
    kt = _keys(title)
    return not kt or bool(kt & _keys(lead))


def _keys(e: Event) -> set[str]:
    """Actor keys at the level of the country: within one story, "Nairobi protest" (KEN) and "protesters in
    Nairobi" (KEN/CVL) are one set of people told twice, which merging across stories cannot assume."""
    from ..merge import actor_key

    return {k.split("/")[0] for k in (actor_key(x.to_dict()) for x in e.source + e.target) if k}
