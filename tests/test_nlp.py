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


def test_span_text_is_the_spans_own_text(resources):
    from newsgraph.nlp import span_text

    text = "CARACAS -\n\nVenezuela  signed an agreement with Russia.  It was\u00a0welcomed in Beijing!\n\nNo more.\n"
    doc = next(parse_many(resources.nlp, [text]))
    spans = list(doc.sents) + [doc[2:7], doc[0:1], doc[len(doc) - 2 :], doc[3:3]]
    for span in spans:
        assert span_text(span) == span.text
