"""extract(doc) -> DocResult: the pure per-document function every engine runs.

It depends only on the document and on read-only resources loaded once per
process (the spaCy pipeline, the actor registry, the trigger lexicon), so the
same call gives the same result in-process, in a process pool or on Ray.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .actors import ArgResolver, Registry, default_registry, find_mentions
from .events.coder import EventCoder
from .events.lexicon import Lexicon, default_lexicon
from .framing import frame
from .model import DocResult, Document, Mention
from .nlp import load_pipeline, parse, parse_many
from .quantities import extract_quantities


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
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Resources.load()
    return _DEFAULT


def extract(document: Document, resources: Resources | None = None) -> DocResult:
    res = resources or default_resources()
    return _extract_parsed(document, parse(res.nlp, document.text), res)


def extract_many(documents: Iterable[Document], resources: Resources | None = None, batch_size: int = 16) -> Iterator[DocResult]:
    """Stream results for many documents, parsing in batches with nlp.pipe."""
    res = resources or default_resources()
    docs = list(documents)
    for parsed, document in zip(parse_many(res.nlp, (d.text for d in docs), batch_size=batch_size), docs):
        yield _extract_parsed(document, parsed, res)


def _extract_parsed(document: Document, parsed, res: Resources) -> DocResult:
    when = document.published
    spans = find_mentions(parsed, res.registry, when)
    resolver = ArgResolver(parsed, spans, when, res.registry)
    quantities = extract_quantities(document.text)
    events = res.coder.code(parsed, resolver, document.doc_id, when, quantities)
    sent_starts = [s.start for s in parsed.sents]
    mentions = []
    for s in spans:
        span = parsed[s.start : s.end]
        mentions.append(
            Mention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
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
        n_entities=len(parsed.ents),
    )
    frame(result, parsed, spans, resolver, sent_starts)  # outlet identity, descriptors, targeted tone
    return result
