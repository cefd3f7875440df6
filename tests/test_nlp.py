"""Paragraph-wise parsing keeps the text and offsets of the whole document."""

from newsgraph.nlp import TEXT_KEY, doc_text, parse_many


def test_parsed_documents_keep_their_exact_text(resources):
    texts = [
        "CARACAS, May 7 (Wire) -\n\nVenezuela signed an agreement.\r\n\r\nRussia welcomed it.\n",
        "One paragraph only, no line break",
        "\n\nLeading breaks\n\n\nand a   wide gap\n",
        "",
    ]
    docs = list(parse_many(resources.nlp, texts, batch_size=2))
    assert len(docs) == len(texts)
    for text, doc in zip(texts, docs):
        assert doc.text == text  # spaCy's own join of the tokens
        assert doc.user_data[TEXT_KEY] == text and doc_text(doc) == text
        for tok in doc:
            assert text[tok.idx : tok.idx + len(tok.text)] == tok.text


def test_a_texts_parse_does_not_depend_on_its_batch(resources, monkeypatch):
    """parse_many puts the paragraphs of up to batch_size texts (and BATCH_CHARS characters) through the pipeline as
    one batch: each text's Doc (words, tags, lemmas, parse, entities, tensor) is the same whether it is parsed alone
    or among others."""
    from newsgraph import nlp
    from pathlib import Path

    corpus = Path(__file__).resolve().parent.parent / "examples" / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.md"))[:4]]
    texts += ["Short one.", "", "CARACAS -\n\nVenezuela signed.\n\n\nRussia and China welcomed it.\n"]
    alone = [next(parse_many(resources.nlp, [t])).to_bytes() for t in texts]
    for batch_size in (2, 64):
        assert [d.to_bytes() for d in parse_many(resources.nlp, texts, batch_size=batch_size)] == alone, batch_size
    monkeypatch.setattr(nlp, "BATCH_CHARS", 3000)  # batches cut by size: some of one text, some of several
    assert [d.to_bytes() for d in parse_many(resources.nlp, texts, batch_size=64)] == alone
    assert list(parse_many(resources.nlp, [], batch_size=64)) == []
    # a document's text and title parsed in the same batches (parse_together): the Docs each would be alone
    from newsgraph.nlp import parse_together

    titles = ["Venezuela signs deal with Russia", "", "Two\n\nparagraphs of title"]
    items = [(texts[0], titles[0]), (texts[4],), (texts[1], titles[1]), (texts[6], titles[2])]
    together = list(parse_together(resources.nlp, items, batch_size=3))
    assert [len(t) for t in together] == [2, 1, 2, 2]
    assert [d.to_bytes() for t in together for d in t] == [next(parse_many(resources.nlp, [x])).to_bytes() for item in items for x in item]


def test_span_text_is_the_spans_own_text(resources):
    from newsgraph.nlp import span_text

    text = "CARACAS -\n\nVenezuela  signed an agreement with Russia.  It was\u00a0welcomed in Beijing!\n\nNo more.\n"
    doc = next(parse_many(resources.nlp, [text]))
    spans = list(doc.sents) + [doc[2:7], doc[0:1], doc[len(doc) - 2 :], doc[3:3]]
    for span in spans:
        assert span_text(span) == span.text


def test_offsets_and_texts_read_from_the_arrays_are_the_spans_own(resources):
    """Mentions, mention tones and registry matches take a span's text and offsets from the doc's arrays and the
    parsed text instead of Span.text / start_char / end_char (which build a Token per word): the same values."""
    from newsgraph.actors.resolve import _Words as NameWords
    from newsgraph.nlp import doc_arrays, span_chars

    text = "CARACAS -\n\nVenezuela  signed an agreement with Russia.  It was\u00a0welcomed in Beijing!\n\nNo more.\n\t\tEnd \n"
    doc = next(parse_many(resources.nlp, [text]))
    names, w = NameWords(doc), doc_arrays(doc)
    for i in range(len(doc)):
        for j in range(i, min(len(doc), i + 7) + 1):
            span = doc[i:j]
            assert names.span_text(i, j) == span.text, (i, j)
            assert span_chars(doc, i, j, w.idx, w.length) == (span.start_char, span.end_char), (i, j)
            start, end = span_chars(doc, i, j, w.idx, w.length)
            assert text[start:end] == span.text, (i, j)


def test_pieces_are_joined_into_the_doc_from_docs_builds(resources):
    """``joined`` builds the whole Doc from the paragraphs' arrays instead of ``Doc.from_docs``: the same Doc
    (serialised bytes: words, spacing, tags, lemmas, morphology, parse, entities, tensor) and the same tree."""
    from spacy.tokens import Doc

    from newsgraph.nlp import joined, paragraphs

    texts = [
        "CARACAS, May 7 (Wire) -\n\nVenezuela signed an agreement with Russia's Rosneft.\r\n\r\nThe U.S. Treasury said it would act.\n",
        "\n\nLeading breaks\n\n\nand a   wide gap, \u00e9t\u00e9 \u2014 caf\u00e9\n\t\n",
        "One paragraph only",
    ]
    for text in texts:
        pieces = list(resources.nlp.pipe(paragraphs(text)))
        want, got = Doc.from_docs(pieces, ensure_whitespace=False), joined(pieces)
        assert got.to_bytes() == want.to_bytes(), text[:40]
        assert [(t.head.i, t.left_edge.i, t.right_edge.i, t.is_sent_start) for t in got] == [
            (t.head.i, t.left_edge.i, t.right_edge.i, t.is_sent_start) for t in want
        ]
        assert got.text == text
    # pieces carrying what from_docs also carries over go to from_docs itself
    pieces = list(resources.nlp.pipe(paragraphs(texts[0])))
    pieces[1].spans["marked"] = [pieces[1][0:2]]
    got, want = joined(pieces), Doc.from_docs(pieces, ensure_whitespace=False)
    assert got.to_bytes() == want.to_bytes() and [(s.start, s.end) for s in got.spans["marked"]] == [(s.start, s.end) for s in want.spans["marked"]]


def test_doc_arrays_read_what_spacys_tokens_and_spans_say(resources):
    """The coder, the resolver and framing walk DocArrays by word index instead of Tokens: every value they read
    (labels, lemmas, tags, entities, heads, dependents, subtrees, edges, conjuncts, sentence starts, flags, span roots
    and texts) must equal spaCy's own, on real articles (non-projective parses included) and odd text."""
    from pathlib import Path

    from newsgraph.nlp import doc_arrays, parse

    corpus = Path(__file__).resolve().parent.parent / "examples" / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.md"))[:5]]
    texts += ["", "Hi", "\n\n", "CARACAS -\n\nVenezuela  signed, and Russia and China welcomed, a deal.\t\tEnd \n"]
    checked = 0
    for doc in parse_many(resources.nlp, texts):
        w = doc_arrays(doc)
        assert doc_arrays(doc) is w and w.n == len(doc)  # one view per doc
        for t in doc:
            i = t.i
            assert (w.head[i], w.dep[i], w.lower[i], w.lemma[i], w.lemma_exact[i]) == (t.head.i, t.dep_, t.lower_, t.lemma_.lower(), t.lemma_), i
            assert (w.pos[i], w.tag[i], w.ent_type[i], w.ent_iob[i], w.text(i)) == (t.pos_, t.tag_, t.ent_type_, t.ent_iob_, t.text), i
            assert (w.like_num[i], w.is_title[i], w.is_punct[i], w.is_space[i]) == (t.like_num, t.is_title, t.is_punct, t.is_space), i
            assert w.children(i) == [c.i for c in t.children] and w.subtree(i) == [c.i for c in t.subtree], i
            assert w.lefts(i) == [c.i for c in t.lefts] and w.rights(i) == [c.i for c in t.rights], i
            assert (w.left_edge(i), w.right_edge(i), w.sent_start(i)) == (t.left_edge.i, t.right_edge.i, t.sent.start), i
            assert w.sent_bounds(i) == (t.sent.start, t.sent.end) and w.sent_starts[w.sent_index(i)] == t.sent.start, i
            assert w.conjuncts(i) == [c.i for c in t.conjuncts], i
            for j in range(i + 1, min(len(doc), i + 6) + 1):
                assert w.span_root(i, j) == doc[i:j].root.i and w.words_text(i, j) == doc[i:j].text, (i, j)
            checked += 1
        assert w.sent_starts == [s.start for s in doc.sents] and w.n_entities == len(doc.ents)
        assert w.words == [t.text for t in doc]
    assert checked > 1000
    # a proper noun keeps its capitals in spaCy's lemma: the view gives both forms
    w = doc_arrays(parse(resources.nlp, "Nicolás Maduro met officials in Caracas."))
    assert "Caracas" in w.lemma_exact and "caracas" in w.lemma and "Caracas" not in w.lemma


def test_the_word_at_a_character_is_the_one_char_span_expands_to(resources):
    """extract finds each event's trigger word by a bisection over the words' offsets instead of Doc.char_span: the
    same word at every character of the text (inside words, on spaces and blank lines, past the end), or None."""
    from newsgraph.extract import _token_at
    from newsgraph.nlp import doc_arrays

    texts = ["CARACAS -\n\nVenezuela  signed, and Russia and China welcomed, a deal.\t\tEnd \n", "  a  b \n\n c  ", "x", ""]
    seen = set()
    for doc in parse_many(resources.nlp, texts):
        w = doc_arrays(doc)
        for c in range(len(doc_text(doc)) + 2):
            span = doc.char_span(c, c + 1, alignment_mode="expand")
            want = span.start if span is not None and len(span) else None
            assert _token_at(w, c) == want, (doc_text(doc), c)
            seen.add(want is None)
            for k in range(1, 8):  # quantity attachment: the words a character range touches
                span = doc.char_span(c, c + k, alignment_mode="expand")
                assert w.char_words(c, c + k) == (None if span is None else (span.start, span.end)), (doc_text(doc), c, k)
    assert seen == {True, False}


def test_entities_of_a_label_read_from_the_arrays_are_doc_ents(resources):
    """Quantity attachment takes the DATE entities from the doc's arrays instead of Doc.ents (a Span per entity)."""
    from pathlib import Path

    from newsgraph.nlp import doc_arrays

    corpus = Path(__file__).resolve().parent.parent / "examples" / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.md"))[:4]]
    texts += ["On May 7, 2019 Venezuela and Russia's Rosneft signed a $2 billion deal in Caracas.", ""]
    labels = set()
    for doc in parse_many(resources.nlp, texts):
        w = doc_arrays(doc)
        for label in {e.label_ for e in doc.ents} | {"DATE", "NOPE"}:
            assert w.entities(label) == [(e.start, e.end) for e in doc.ents if e.label_ == label], label
            labels.add(label)
    assert {"DATE", "GPE", "ORG", "MONEY"} <= labels
