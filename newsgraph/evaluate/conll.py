"""`newsgraph eval conll FILE`: named-entity exact-span F1 on a CoNLL-2003 format file.

The file has one token per line, whitespace-separated columns, the NER tag
last (CoNLL-2003: token, POS, chunk, tag); a blank line ends a sentence and a
``-DOCSTART-`` line starts a document. Tags are IOB1 (CoNLL-2003's own:
``I-X`` everywhere, ``B-X`` only between two adjacent entities of one type)
or IOB2 (``B-X`` at every entity start); both decode to the same spans.

Scoring is the standard conlleval one: an entity counts only if both its
boundaries and its type match exactly; precision, recall and F1 per type
(PER, ORG, LOC, MISC) and micro-averaged overall.

``--system spacy`` scores spaCy's small model alone (its labels mapped to the
four CoNLL types), the baseline the actor registry and resolution must beat.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..errors import DataFileError
from .cli import eval_group
from .metrics import PRF

TYPES = ("PER", "ORG", "LOC", "MISC")
_TAG = re.compile(r"^(O|[BIES]-[A-Za-z_]+)$")


@dataclass
class ConllDocument:
    sentences: list[list[str]] = field(default_factory=list)  # words
    tags: list[list[str]] = field(default_factory=list)  # one tag per word
    line: int = 1  # where the document starts in the file


def read_conll(path: str | Path) -> list[ConllDocument]:
    """Documents of a CoNLL-2003 format file; a malformed line raises DataFileError with its line number."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(str(path), "no such file") from None
    except UnicodeDecodeError as e:
        raise DataFileError(str(path), f"not valid UTF-8 at byte {e.start}") from None
    docs: list[ConllDocument] = []
    doc = ConllDocument()
    words: list[str] = []
    tags: list[str] = []

    def end_sentence() -> None:
        nonlocal words, tags
        if words:
            doc.sentences.append(words)
            doc.tags.append(tags)
        words, tags = [], []

    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            end_sentence()
            continue
        cols = line.split()
        if cols[0] == "-DOCSTART-":
            end_sentence()
            if doc.sentences:
                docs.append(doc)
            doc = ConllDocument(line=n)
            continue
        if len(cols) < 2:
            raise DataFileError(str(path), f"expected 'token ... tag' columns, got {line!r}", n)
        tag = cols[-1]
        if not _TAG.match(tag):
            raise DataFileError(str(path), f"last column {tag!r} is not an IOB tag (O, B-TYPE or I-TYPE)", n)
        words.append(cols[0])
        tags.append(tag)
    end_sentence()
    if doc.sentences:
        docs.append(doc)
    if not docs:
        raise DataFileError(str(path), "no tokens: not a CoNLL-format file")
    return docs


def spans_from_tags(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) spans from IOB1, IOB2 or IOBES tags (end exclusive)."""
    out: list[tuple[int, int, str]] = []
    start, typ = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        begins = prefix in ("B", "S") or (prefix in ("I", "E") and t != typ)
        if typ is not None and (tag == "O" or begins):
            out.append((start, i, typ))
            start, typ = None, None
        if tag != "O" and begins:
            start, typ = i, t
        if prefix in ("E", "S") and typ is not None:
            out.append((start, i + 1, typ))
            start, typ = None, None
    return out


def predict(doc, registry, system: str, scheme: str = "conll") -> list[tuple[int, int, str]]:
    """Typed spans over the doc's tokens from newsgraph (registry + resolution) or spaCy alone."""
    from ..actors.entities import SPACY_TO_COARSE, _strip_det, named_entities

    if system == "spacy":
        out = []
        for e in doc.ents:
            label = SPACY_TO_COARSE.get(e.label_)
            if label:
                s, t = _strip_det(doc, e.start, e.end)
                if s < t:
                    out.append((s, t, label))
        return out
    return [(e.start, e.end, e.label) for e in named_entities(doc, registry, None, scheme=scheme)]


def score(gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]], types=TYPES) -> dict[str, PRF]:
    by = {t: PRF() for t in types}
    overall = PRF()
    for t in types:
        by[t].add_sets([s for s in pred if s[2] == t], [s for s in gold if s[2] == t])
    overall.add_sets([s for s in pred if s[2] in types], [s for s in gold if s[2] in types])
    by["overall"] = overall
    return by


def documents_as_tokens(docs: list[ConllDocument]) -> Iterator[list[list[str]]]:
    for d in docs:
        yield d.sentences


def evaluate(path: str, system: str = "newsgraph", show_errors: bool = False, out=None) -> dict:
    from ..extract import default_resources
    from .pretokenized import parse_documents

    out = out or sys.stdout
    docs = read_conll(path)
    res = default_resources()
    totals = {t: PRF() for t in (*TYPES, "overall")}
    errors: list[str] = []
    n_tokens = n_sents = 0
    for cdoc, parsed in zip(docs, parse_documents(res.nlp, documents_as_tokens(docs))):
        tags = [t for s in cdoc.tags for t in s]
        n_tokens += len(tags)
        n_sents += len(cdoc.sentences)
        gold = spans_from_tags(tags)
        pred = predict(parsed, res.registry, system)
        for k, prf in score(gold, pred).items():
            totals[k].add(prf.tp, prf.fp, prf.fn)
        if show_errors:
            g, p = set(gold), set(pred)
            for s in sorted(g - p):
                errors.append(f"  missed {s[2]:<4} {parsed[s[0]:s[1]].text}")
            for s in sorted(p - g):
                errors.append(f"  extra  {s[2]:<4} {parsed[s[0]:s[1]].text}")
    print(f"CoNLL NER evaluation ({system}) on {path}: {len(docs)} documents, {n_sents} sentences, {n_tokens} tokens", file=out)
    print(f"{'type':<8} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}", file=out)
    for k in (*TYPES, "overall"):
        p = totals[k]
        print(f"{k:<8} {p.tp + p.fn:>5} {p.tp + p.fp:>5} {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f}", file=out)
    for e in errors:
        print(e, file=out)
    figures = {**totals["overall"].as_dict(), "system": system, "documents": len(docs), "tokens": n_tokens}
    for t in TYPES:
        figures[f"f1_{t}"] = round(totals[t].f1, 4)
        figures[f"precision_{t}"] = round(totals[t].precision, 4)
        figures[f"recall_{t}"] = round(totals[t].recall, 4)
    print(json.dumps(figures), file=out)
    return figures


@eval_group.command("conll")
@click.argument("file")
@click.option("--system", type=click.Choice(["newsgraph", "spacy"]), default="newsgraph", show_default=True, help="spacy: spaCy's NER alone, the baseline.")
@click.option("--errors", "show_errors", is_flag=True, help="List missed and extra entities.")
def conll_command(file, system, show_errors):
    """Named-entity exact-span F1 (PER, ORG, LOC, MISC, overall) on a CoNLL-2003 format FILE."""
    evaluate(file, system=system, show_errors=show_errors)
