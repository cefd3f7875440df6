"""Parse text that arrives already tokenised (CoNLL, MEANTIME) with the spaCy pipeline, keeping the tokens.

Evaluation data fixes its own tokens; scoring needs our spans on exactly
those tokens. Each sentence becomes a spaCy ``Doc`` built from its words
(spaces guessed from punctuation), runs through the pipeline, and the
sentences of one document are joined into one ``Doc`` so document-level
resolution (surnames, focus country) works as on raw text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", "''"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "US$", "#"}


def guess_spaces(words: Sequence[str]) -> list[bool]:
    spaces = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in NO_SPACE_BEFORE and w not in NO_SPACE_AFTER)
    return spaces


def parse_documents(nlp, documents: Iterable[Sequence[Sequence[str]]], batch_size: int = 64) -> Iterator:
    """One spaCy Doc per document; a document is a list of sentences, each a list of words.

    Token i of the result is word i of the document (sentences concatenated).
    """
    from spacy.tokens import Doc

    def sentences():
        for d, sents in enumerate(documents):
            sents = [s for s in sents if s]
            if not sents:
                yield Doc(nlp.vocab, words=[]), (d, True, 0)
                continue
            for j, words in enumerate(sents):
                yield Doc(nlp.vocab, words=list(words), spaces=guess_spaces(words)), (d, j == len(sents) - 1, len(sents))

    pending = []
    for doc, (_, last, _n) in nlp.pipe(sentences(), as_tuples=True, batch_size=batch_size):
        pending.append(doc)
        if last:
            docs = [p for p in pending if len(p)]
            if not docs:
                yield Doc(nlp.vocab, words=[])
            else:
                # ensure_whitespace: a space between sentences, so their texts do not run together
                yield docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=True)
            pending = []
