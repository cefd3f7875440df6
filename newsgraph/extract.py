"""extract(doc) -> DocResult: the pure per-document function every engine runs.

It depends only on the document and on read-only resources loaded once per
process (the spaCy pipeline, the actor registry, the trigger lexicon), so the
same call gives the same result in-process, in a process pool or on Ray.
"""

from __future__ import annotations

import atexit
import bisect
import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .actors import ArgResolver, Registry, default_registry, find_mentions
from .events.coder import EventCoder
from .events.lexicon import Lexicon, default_lexicon
from .events.title import title_events
from .framing import frame
from .language import is_english
from .model import DocResult, Document, Mention
from .nlp import DocArrays, doc_arrays, doc_text, load_pipeline, parse_together, release_arrays, span_chars
from .quantities import attach_quantities, extract_quantities
from .time.events import USER_DATA_DATES, USER_DATA_INTERVAL


@dataclass
class Resources:
    """Read-only things extract needs; load once, share across documents."""

    nlp: object
    registry: Registry
    lexicon: Lexicon
    coder: EventCoder

    @classmethod
    def load(cls, actor_files: tuple[str, ...] = ()) -> Resources:
        lexicon = default_lexicon()
        return cls(nlp=load_pipeline(), registry=default_registry(tuple(actor_files)), lexicon=lexicon, coder=EventCoder(lexicon))


_DEFAULT: Resources | None = None


def default_resources() -> Resources:
    """The process's shared resources, loaded on first need; the objects alive then are frozen (``freeze_loaded``)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Resources.load()
        freeze_loaded()
    return _DEFAULT


def freeze_loaded() -> None:
    """Take the objects alive now (the spaCy pipeline, the registry, the lexicons: ~110,000 objects the cyclic
    collector tracks) out of the garbage collector's full collections, for the rest of the process.

    They live as long as the process and are never garbage, but every full collection walked them: 70-100 ms
    of CPU, about every second pass over 45 documents, 2.5-3.5% of their parse; frozen, a full collection takes
    3-8 ms. Garbage that exists now is collected first; objects made later are collected as before. The price: an
    object alive now that later becomes cyclic garbage is only freed at exit, and ``gc.get_objects``/``get_referrers``
    do not list frozen objects.

    The frozen objects go back to the collector at exit (``gc.unfreeze``, registered once): the interpreter's last
    collections skip frozen objects, so objects in reference cycles (DuckDB's module, types and functions among
    them) would never be freed, and DuckDB's binding library (nanobind) counts what is still alive when it
    unloads and prints "nanobind: leaked ... instances" for each. Nothing leaked while the process ran; unfrozen
    before the interpreter shuts down, they are freed as without the freeze and nothing is printed."""
    global _UNFREEZE_AT_EXIT
    gc.collect()
    gc.freeze()
    if not _UNFREEZE_AT_EXIT:
        atexit.register(gc.unfreeze)
        _UNFREEZE_AT_EXIT = True


_UNFREEZE_AT_EXIT = False


def extract(document: Document, resources: Resources | None = None) -> DocResult:
    res = resources or default_resources()
    if not is_english(document.language):
        return _not_coded(document)
    text, *title = next(parse_together(res.nlp, [(document.text, document.title) if document.title else (document.text,)]))
    return _extract_parsed(document, text, res, title[0] if title else None)


def _not_coded(document: Document) -> DocResult:
    """A document in another language is stored, with its language, but not coded with an English model."""
    return DocResult(document=document, warnings=[f"language '{document.language}': not coded (newsgraph codes English)"])


def extract_many(documents: Iterable[Document], resources: Resources | None = None, batch_size: int = 16) -> Iterator[DocResult]:
    """Stream results for many documents, parsing in batches with nlp.pipe."""
    res = resources or default_resources()
    docs = list(documents)
    # a text and its title in the same batches: a batch of titles alone costs the pipeline's per-batch overhead again
    parsed = parse_together(res.nlp, ((d.text, d.title) if d.title else (d.text,) for d in docs if is_english(d.language)), batch_size=batch_size)
    for document in docs:
        if is_english(document.language):
            text, *title = next(parsed)
            yield _extract_parsed(document, text, res, title[0] if title else None)
        else:
            yield _not_coded(document)


def _extract_parsed(document: Document, parsed, res: Resources, title=None) -> DocResult:
    when = document.published
    if document.published_source == "estimated":
        # event dates relative to an estimated publication date must not look more precise than the estimate
        parsed.user_data[USER_DATA_INTERVAL] = (document.published_earliest, document.published_latest)
    spans = find_mentions(parsed, res.registry, when)
    resolver = ArgResolver(parsed, spans, when, res.registry)
    # quantulum3's fallback finds other units (km, GB) but costs ~6 ms a document; news events need money, volumes, shares, counts
    quantities = extract_quantities(document.text, fallback=False)
    warnings = attach_quantities(quantities, parsed, resolver, when)
    events = res.coder.code(parsed, resolver, document.doc_id, when, quantities)
    dated = parsed.user_data.get(USER_DATA_DATES, {})
    arrays = doc_arrays(parsed)
    for e in events:
        for q in e.quantities:
            if q.event_id is None:
                q.event_id = e.id
        full = dated.get(_token_at(arrays, e.trigger_start))
        if full is not None:
            e.date_end, e.date_value = full.end, full.value
    if title is not None:
        events += title_events(document, title, res, events)  # the headline's event when the text does not code it
    sent_starts = list(arrays.sent_starts)  # framing keeps this list: a copy, not the view's
    mentions = []
    # offsets from the doc's arrays and text from the parsed text: Span.start_char/end_char/text build a Token
    # object per word, for every mention
    text = doc_text(parsed)
    idx, length = arrays.idx, arrays.length
    for s in spans:
        start, end = span_chars(parsed, s.start, s.end, idx, length)
        mentions.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                actor=s.ref,
                how=s.how,
                sentence=bisect.bisect_right(sent_starts, s.start) - 1,
            )
        )
    result = DocResult(
        document=document,
        mentions=mentions,
        events=events,
        quantities=quantities,
        n_sentences=len(sent_starts),
        n_entities=arrays.n_entities,
        warnings=warnings,
    )
    frame(result, parsed, spans, resolver, sent_starts)  # outlet identity, descriptors, targeted tone
    release_arrays(parsed)
    if title is not None:
        release_arrays(title)
    return result


def _token_at(arrays: DocArrays, char: int) -> int | None:
    """The word covering character ``char`` (``doc.char_span(char, char + 1, alignment_mode="expand").start``), or None
    when it falls in whitespace between words or past the text."""
    words = arrays.char_words(char, char + 1)
    return words[0] if words is not None and words[1] > words[0] else None
