"""MEANTIME (NewsReader CAT XML) reader, and `newsgraph eval meantime DIR`: entity mentions by type.

The reader is generic so other evaluators can reuse it: ``read_meantime``
yields ``MeantimeDocument`` objects with the tokens (and their character
offsets in a reconstructed text), every markable (``ENTITY_MENTION``,
``TIMEX3``, ``VALUE``, ``EVENT_MENTION``, ``ENTITY``, ...) with its attributes
and token ids, and the ``REFERS_TO`` links from mentions to entities, from
which ``entity_mentions`` derives each mention's type (PER, ORG, LOC, PRO,
FIN, MIX).

Scoring. MEANTIME marks every mention of an entity (names, nominals,
pronouns) with the extent of the whole noun phrase ("U.S. automaker
Chrysler", "Australian Prime Minister John Howard"). What newsgraph's
actor layer predicts are names, so by default the gold set is the *named*
mentions (syntactic type NAM and PRE.NAM) of PER, ORG and LOC. Two matches
are reported:

- ``exact``: same type, same tokens (a leading determiner dropped on both
  sides);
- ``head`` (the headline figure, ``f1``): same type, the predicted span lies
  inside the gold extent and contains its head token. MEANTIME leaves the
  ``head`` attribute empty, so the head is the last token before the first
  post-modifier (",", "(", "of", "'s", a relative pronoun) of the extent.

Only the title and first sentences of each MEANTIME article are annotated
in full (the rest carries only cross-document links), so gold and predicted
mentions are both restricted to that part (``annotated_until``).
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..errors import DataFileError
from .cli import eval_group
from .metrics import PRF

ENTITY_TYPES = ("PER", "ORG", "LOC")
NAMED = ("NAM", "PRE.NAM")


@dataclass(slots=True)
class Token:
    t_id: str
    sentence: int
    number: int  # position in the document, from 0
    text: str
    start: int = 0  # character offsets in MeantimeDocument.text
    end: int = 0


@dataclass(slots=True)
class Markable:
    tag: str  # ENTITY_MENTION, TIMEX3, VALUE, EVENT_MENTION, ENTITY, SIGNAL, ...
    m_id: str
    attrs: dict[str, str]
    t_ids: list[str]  # token ids, in document order; empty for instances such as ENTITY


@dataclass(slots=True)
class EntityMention:
    m_id: str
    tokens: list[int]  # token positions (Token.number), sorted
    syntactic_type: str
    ent_type: str | None  # the type of the entity it refers to


@dataclass
class MeantimeDocument:
    path: str
    doc_id: str
    name: str
    url: str | None
    tokens: list[Token] = field(default_factory=list)
    markables: dict[str, Markable] = field(default_factory=dict)
    refers_to: dict[str, str] = field(default_factory=dict)  # mention m_id -> entity m_id
    text: str = ""

    @property
    def creation_time(self) -> str | None:
        for m in self.markables.values():
            if m.tag == "TIMEX3" and m.attrs.get("functionInDocument") == "CREATION_TIME":
                return m.attrs.get("value")
        return None

    def sentences(self) -> list[list[str]]:
        out: list[list[str]] = []
        last = None
        for t in self.tokens:
            if t.sentence != last:
                out.append([])
                last = t.sentence
            out[-1].append(t.text)
        return out

    def positions(self, t_ids: Iterable[str]) -> list[int]:
        index = self._index()
        return sorted(index[t] for t in t_ids if t in index)

    def _index(self) -> dict[str, int]:
        idx = getattr(self, "_tindex", None)
        if idx is None:
            idx = {t.t_id: i for i, t in enumerate(self.tokens)}
            self._tindex = idx
        return idx

    def markables_of(self, tag: str) -> list[Markable]:
        return [m for m in self.markables.values() if m.tag == tag and m.t_ids]

    def annotated_until(self) -> int:
        """Last sentence of the document-level annotation.

        MEANTIME annotates entities fully only in the title and first
        sentences; later sentences carry only the cross-document layer
        (mentions without a syntactic type), so scores are computed up to here.
        """
        last = -1
        for m in self.markables_of("ENTITY_MENTION"):
            if m.attrs.get("syntactic_type"):
                last = max([last, *(self.tokens[p].sentence for p in self.positions(m.t_ids))])
        return last

    def entity_mentions(self) -> list[EntityMention]:
        out = []
        for m in self.markables_of("ENTITY_MENTION"):
            ent = self.markables.get(self.refers_to.get(m.m_id, ""))
            out.append(EntityMention(m.m_id, self.positions(m.t_ids), m.attrs.get("syntactic_type") or "", ent.attrs.get("ent_type") if ent else None))
        return out


def read_document(path: str | Path) -> MeantimeDocument:
    path = Path(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise DataFileError(str(path), f"not well-formed XML: {e}", e.position[0] if e.position else None) from None
    if root.tag != "Document":
        raise DataFileError(str(path), f"root element is <{root.tag}>, not a MEANTIME <Document>")
    doc = MeantimeDocument(str(path), root.get("doc_id") or path.stem, root.get("doc_name") or path.stem, root.get("url"))
    pieces: list[str] = []
    pos = 0
    last_sentence = None
    for i, t in enumerate(root.iter("token")):
        sentence = int(t.get("sentence") or 0)
        text = t.text or ""
        if pieces:
            sep = "\n" if sentence != last_sentence else " "
            pieces.append(sep)
            pos += 1
        doc.tokens.append(Token(t.get("t_id") or str(i + 1), sentence, i, text, pos, pos + len(text)))
        pieces.append(text)
        pos += len(text)
        last_sentence = sentence
    doc.text = "".join(pieces)
    markables = root.find("Markables")
    for m in markables if markables is not None else ():
        m_id = m.get("m_id")
        if m_id is None:
            continue
        t_ids = [a.get("t_id") for a in m.iter("token_anchor")]
        prior = doc.markables.get(m_id)
        if prior is not None and prior.tag == m.tag:
            # The cross-document layer repeats some markables by m_id with no content: merge, never overwrite.
            prior.attrs.update({k: v for k, v in m.attrib.items() if v})
            prior.t_ids.extend(t for t in t_ids if t not in prior.t_ids)
            continue
        doc.markables[m_id] = Markable(m.tag, m_id, dict(m.attrib), t_ids)
    relations = root.find("Relations")
    for rel in relations.iter("REFERS_TO") if relations is not None else ():
        target = rel.find("target")
        if target is None:
            continue
        for s in rel.findall("source"):
            doc.refers_to[s.get("m_id")] = target.get("m_id")
    return doc


def read_meantime(path: str | Path) -> Iterator[MeantimeDocument]:
    """Every MEANTIME document under ``path`` (a file or a folder searched recursively), in path order."""
    path = Path(path)
    if path.is_file():
        yield read_document(path)
        return
    if not path.is_dir():
        raise DataFileError(str(path), "no such file or folder")
    files = sorted(path.rglob("*.xml"))
    if not files:
        raise DataFileError(str(path), "no .xml files (expected MEANTIME CAT XML, e.g. intra_cross-doc_annotation/corpus_*/*.xml)")
    for f in files:
        yield read_document(f)


# ---------------------------------------------------------------- scoring

POSTMODIFIER_STARTS = {",", "(", "of", "'s", "who", "which", "that", "-LRB-", "in", "at", "from", "for", "and"}
DETERMINERS = {"the", "a", "an"}


def gold_head(words: list[str]) -> int:
    """Index (within the extent) of the head token: the last token before the first post-modifier."""
    for i, w in enumerate(words):
        if i > 0 and w.lower() in POSTMODIFIER_STARTS:
            return i - 1
    return len(words) - 1


def _strip(words: list[str], positions: list[int]) -> list[int]:
    while positions and words[positions[0]].lower() in DETERMINERS:
        positions = positions[1:]
    return positions


def evaluate(path: str, system: str = "newsgraph", show_errors: bool = False, out=None) -> dict:
    from ..extract import default_resources
    from .conll import predict
    from .pretokenized import parse_documents

    out = out or sys.stdout
    docs = list(read_meantime(path))
    res = default_resources()
    exact = {t: PRF() for t in (*ENTITY_TYPES, "overall")}
    head = {t: PRF() for t in (*ENTITY_TYPES, "overall")}
    errors: list[str] = []
    n_gold = 0
    for mdoc, parsed in zip(docs, parse_documents(res.nlp, (d.sentences() for d in docs))):
        words = [t.text for t in mdoc.tokens]
        until = mdoc.annotated_until()
        limit = sum(1 for t in mdoc.tokens if t.sentence <= until)
        gold = []
        for m in mdoc.entity_mentions():
            if m.syntactic_type in NAMED and m.ent_type in ENTITY_TYPES and m.tokens and m.tokens[-1] < limit:
                toks = _strip(words, m.tokens)
                if toks and toks == list(range(toks[0], toks[-1] + 1)):
                    gold.append((toks[0], toks[-1] + 1, m.ent_type))
        gold = sorted(set(gold))
        n_gold += len(gold)
        pred = sorted({p for p in predict(parsed, res.registry, system, scheme="meantime") if p[2] in ENTITY_TYPES and p[1] <= limit})
        for t in (*ENTITY_TYPES, "overall"):
            g = [x for x in gold if t == "overall" or x[2] == t]
            p = [x for x in pred if t == "overall" or x[2] == t]
            exact[t].add_sets(p, g)
            _head_match(head[t], p, g, words)
        if show_errors:
            matched = _head_pairs(pred, gold, words)
            for g in gold:
                if g not in matched.values():
                    errors.append(f"  missed {g[2]} {' '.join(words[g[0]:g[1]])}")
            for p in pred:
                if p not in matched:
                    errors.append(f"  extra  {p[2]} {' '.join(words[p[0]:p[1]])}")
    print(f"MEANTIME named entity mentions ({system}) in {path}: {len(docs)} documents, {n_gold} gold named mentions", file=out)
    print(f"{'type':<8} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'exactF1':>8}", file=out)
    for t in (*ENTITY_TYPES, "overall"):
        h, e = head[t], exact[t]
        print(f"{t:<8} {h.tp + h.fn:>5} {h.tp + h.fp:>5} {h.precision:6.3f} {h.recall:6.3f} {h.f1:6.3f} {e.f1:8.3f}", file=out)
    for e in errors:
        print(e, file=out)
    figures = {**head["overall"].as_dict(), "match": "head", "system": system, "documents": len(docs)}
    for t in ENTITY_TYPES:
        figures[f"f1_{t}"] = round(head[t].f1, 4)
    figures.update(exact["overall"].as_dict("exact_"))
    for t in ENTITY_TYPES:
        figures[f"exact_f1_{t}"] = round(exact[t].f1, 4)
    if system == "newsgraph":
        # MEANTIME's numeric VALUE spans, scored by the quantities evaluator; its report first, its figures prefixed
        import io

        from .quantities import score_meantime_numbers

        buf = io.StringIO()
        numbers = score_meantime_numbers(path, out=buf)
        print(buf.getvalue().rstrip("\n").rsplit("\n", 1)[0], file=out)
        figures.update({f"numbers_{k}": v for k, v in numbers.items() if not isinstance(v, (dict, list))})
    print(json.dumps(figures), file=out)
    return figures


def _head_pairs(pred, gold, words) -> dict:
    """One-to-one pairing of predicted and gold spans under the head rule.

    Exact matches pair first; then each remaining gold mention, smallest
    extent first (nested mentions such as "Chrysler CEO Robert Nardelli" /
    "Robert Nardelli" share a head), takes the first unpaired prediction of
    its type inside its extent that covers its head.
    """
    pairs: dict = {}
    gold_set = set(gold)
    for p in pred:
        if p in gold_set:
            pairs[p] = p
    used = set(pairs.values())
    for g in sorted(gold, key=lambda g: (g[1] - g[0], g[0])):
        if g in used:
            continue
        h = g[0] + gold_head(words[g[0] : g[1]])
        for p in pred:
            if p not in pairs and p[2] == g[2] and g[0] <= p[0] and p[1] <= g[1] and p[0] <= h < p[1]:
                pairs[p] = g
                used.add(g)
                break
    return pairs


def _head_match(prf: PRF, pred, gold, words) -> None:
    tp = len(_head_pairs(pred, gold, words))
    prf.add(tp, len(pred) - tp, len(gold) - tp)


@eval_group.command("meantime")
@click.argument("path")
@click.option("--system", type=click.Choice(["newsgraph", "spacy"]), default="newsgraph", show_default=True, help="spacy: spaCy's NER alone, the baseline.")
@click.option("--errors", "show_errors", is_flag=True, help="List missed and extra mentions.")
def meantime_command(path, system, show_errors):
    """Named entity mentions (PER, ORG, LOC) on MEANTIME CAT XML files under PATH."""
    evaluate(path, system=system, show_errors=show_errors)
