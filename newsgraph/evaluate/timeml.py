"""`newsgraph eval timeml PATH`: score time expression finding and normalisation on TimeML files, TempEval-3 style.

PATH is a .tml file or a folder searched recursively for them (or, with no
.tml inside, for MEANTIME's CAT .xml files, read by ``read_cat``). Each file has
its document creation time in ``<DCT><TIMEX3 value=.../></DCT>`` and inline
``<TIMEX3>`` gold annotations in ``<TEXT>``. The tagger runs on the plain
text of ``<TEXT>`` with the DCT, and is scored as TempEval-3 did:

- strict span P/R/F1 (same character offsets), relaxed span P/R/F1 (any
  overlap, each gold and system expression matched at most once);
- value accuracy over relaxed-matched pairs;
- value F1: a system expression counts when it overlaps a gold one and has
  its value (precision over system expressions, recall over gold ones);
- type accuracy over relaxed-matched pairs.

By default tense comes from lexical cues only (a few seconds for the dev
set); ``--parse`` takes the future tense from the spaCy parse as event
dating in the pipeline does (about a minute).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from ..errors import NewsgraphError
from ..time.timex import find_timexes
from .cli import eval_group
from .metrics import PRF, ratio

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class TimeMLDoc:
    path: str
    dct: dt.date | None
    text: str
    gold: list[GoldTimex]
    skip: tuple[int, int] | None = None  # a span not scored (the creation time written in a CAT document's text)
    scored_until: int | None = None  # text after this offset was not annotated


def read_tml(path: str | Path) -> TimeMLDoc:
    raw = Path(path).read_text(encoding="utf-8", errors="replace")
    dct = None
    m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if m:
        attrs = dict(_ATTR.findall(m.group(1)))
        try:
            dct = dt.date.fromisoformat(attrs.get("value", "")[:10])
        except ValueError:
            dct = None
    t = re.search(r"<TEXT>(.*)</TEXT>", raw, re.DOTALL)
    if not t:
        raise NewsgraphError(f"{path}: no <TEXT> element; not a TimeML file")
    body = t.group(1)
    out: list[str] = []
    pos = 0
    n = 0
    gold: list[GoldTimex] = []
    open_timex: tuple[int, dict] | None = None
    for tm in _TAG.finditer(body):
        piece = html.unescape(body[pos : tm.start()])
        out.append(piece)
        n += len(piece)
        pos = tm.end()
        closing, name = tm.group(1), tm.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (n, dict(_ATTR.findall(tm.group(3))))
        elif open_timex:
            start, attrs = open_timex
            text = "".join(out)[start:n]
            gold.append(GoldTimex(start, n, text, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    out.append(html.unescape(body[pos:]))
    return TimeMLDoc(str(path), dct, "".join(out), gold)


ANNOTATED_SENTENCES = 6


def read_cat(path: str | Path) -> TimeMLDoc:
    """A MEANTIME/NewsReader CAT XML document: tokens joined by spaces (a line per sentence), TIMEX3 by token anchors.

    The creation time is the TIMEX3 with functionInDocument="CREATION_TIME";
    it is written in the text (the date line under the title), so it is left
    out of the gold, and the system's expressions overlapping it are ignored.
    """
    import xml.etree.ElementTree as ET

    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise NewsgraphError(f"{path}: not an XML file ({e})") from None
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentence_ends: dict[int, int] = {}
    n, sent = 0, None
    for tok in root.iter("token"):
        if sent is not None and tok.get("sentence") != sent:
            parts.append("\n")
            n += 1
        elif parts:
            parts.append(" ")
            n += 1
        sent = tok.get("sentence")
        word = tok.text or ""
        sentence_ends[int(sent or 0)] = n + len(word)
        offsets[tok.get("t_id")] = (n, n + len(word))
        parts.append(word)
        n += len(word)
    text = "".join(parts)
    # MEANTIME annotates time expressions in the first sentences only (title, date line and four more: 0-5)
    scored_until = max((end for i, end in sentence_ends.items() if i < ANNOTATED_SENTENCES), default=len(text))
    dct, dct_span, gold = None, None, []
    for tx in root.iter("TIMEX3"):
        anchors = [offsets[a.get("t_id")] for a in tx.iter("token_anchor") if a.get("t_id") in offsets]
        if tx.get("functionInDocument") == "CREATION_TIME":
            try:
                dct = dt.date.fromisoformat((tx.get("value") or "")[:10])
            except ValueError:
                dct = None
            if anchors:
                dct_span = (min(a for a, _ in anchors), max(b for _, b in anchors))
            continue
        if not anchors:
            continue  # a value the annotators inferred with no words of its own
        start, end = min(a for a, _ in anchors), max(b for _, b in anchors)
        gold.append(GoldTimex(start, end, text[start:end], tx.get("type") or "", tx.get("value") or ""))
    return TimeMLDoc(str(path), dct, text, sorted(gold, key=lambda g: g.start), dct_span, scored_until)


def read_any(path: Path) -> TimeMLDoc:
    return read_cat(path) if path.suffix.lower() == ".xml" else read_tml(path)


def tml_files(path: str) -> list[Path]:
    """The .tml files (TimeML) or, failing those, the .xml files (MEANTIME CAT) at a path."""
    p = Path(path)
    if p.is_file():
        return [p]
    if not p.is_dir():
        raise NewsgraphError(f"{path}: no such file or folder")
    files = sorted(p.rglob("*.tml")) or sorted(p.rglob("*.xml"))
    if not files:
        raise NewsgraphError(f"{path}: no .tml or CAT .xml files found")
    return files


def _match(gold: list[GoldTimex], system) -> list[tuple[GoldTimex, object]]:
    """Relaxed one-to-one matching: each gold expression pairs with the overlapping system one of largest overlap."""
    pairs = []
    used = set()
    for g in gold:
        best, best_ov = None, 0
        for i, s in enumerate(system):
            if i in used:
                continue
            ov = min(g.end, s.end) - max(g.start, s.start)
            if ov > best_ov:
                best, best_ov = i, ov
        if best is not None:
            used.add(best)
            pairs.append((g, system[best]))
    return pairs


def _same_value(gold: str, sys_value: str | None) -> bool:
    return sys_value is not None and gold.strip().upper() == sys_value.strip().upper()


def evaluate(path: str, show_errors: bool = False, out=None, use_parser: bool = False) -> dict:
    out = out or sys.stdout
    files = tml_files(path)
    nlp = None
    if use_parser:
        from ..nlp import load_pipeline

        nlp = load_pipeline()
    strict, relaxed, value = PRF(), PRF(), PRF()
    n_matched = n_value_ok = n_type_ok = 0
    n_gold = n_sys = 0
    for f in files:
        doc = read_any(f)
        if nlp is not None:
            from ..nlp import parse
            from ..time.events import parser_tense

            system = find_timexes(doc.text, doc.dct, tense_of=parser_tense(parse(nlp, doc.text)))
        else:
            system = find_timexes(doc.text, doc.dct)
        if doc.skip:
            system = [t for t in system if t.end <= doc.skip[0] or t.start >= doc.skip[1]]
        if doc.scored_until is not None:
            system = [t for t in system if t.start < doc.scored_until]
        n_gold += len(doc.gold)
        n_sys += len(system)
        strict.add_sets([(s.start, s.end) for s in system], [(g.start, g.end) for g in doc.gold])
        pairs = _match(doc.gold, system)
        relaxed.add(tp=len(pairs), fp=len(system) - len(pairs), fn=len(doc.gold) - len(pairs))
        ok = sum(1 for g, s in pairs if _same_value(g.value, s.value))
        value.add(tp=ok, fp=len(system) - ok, fn=len(doc.gold) - ok)
        n_matched += len(pairs)
        n_value_ok += ok
        n_type_ok += sum(1 for g, s in pairs if g.type == s.type)
        if show_errors:
            matched_sys = {id(s) for _, s in pairs}
            matched_gold = {id(g) for g, _ in pairs}
            for g, s in pairs:
                if not _same_value(g.value, s.value):
                    print(f"  value  {Path(f).name} dct={doc.dct} {g.text!r} gold={g.value} sys={s.text!r}={s.value}", file=out)
            for g in doc.gold:
                if id(g) not in matched_gold:
                    print(f"  missed {Path(f).name} {g.text!r} {g.type} {g.value}", file=out)
            for s in system:
                if id(s) not in matched_sys:
                    print(f"  extra  {Path(f).name} {s.text!r} {s.type} {s.value}", file=out)
    print(f"TimeML evaluation on {path}: {len(files)} files, {n_gold} gold and {n_sys} system time expressions", file=out)
    print(f"{'':<16} {'P':>6} {'R':>6} {'F1':>6}", file=out)
    for label, prf in (("strict span", strict), ("relaxed span", relaxed), ("value", value)):
        print(f"{label:<16} {prf.precision:6.3f} {prf.recall:6.3f} {prf.f1:6.3f}", file=out)
    print(f"value accuracy over relaxed matches: {ratio(n_value_ok, n_matched)}  type accuracy: {ratio(n_type_ok, n_matched)}", file=out)
    figures = {
        "strict_span_f1": round(strict.f1, 4),
        "relaxed_span_f1": round(relaxed.f1, 4),
        "value_accuracy": ratio(n_value_ok, n_matched),
        "value_f1": round(value.f1, 4),
        "type_accuracy": ratio(n_type_ok, n_matched),
        **strict.as_dict("strict_span_"),
        **relaxed.as_dict("relaxed_span_"),
        **value.as_dict("value_"),
        "files": len(files),
        "n": n_gold,
        "n_system": n_sys,
    }
    print(json.dumps(figures), file=out)
    return figures


@eval_group.command("timeml")
@click.argument("path")
@click.option("--errors", "show_errors", is_flag=True, help="List value errors, misses and extra expressions.")
@click.option("--parse", "use_parser", is_flag=True, help="Take tense from the spaCy parse, as event dating does (slower).")
def timeml_command(path, show_errors, use_parser):
    """Score time expressions on TimeML files (e.g. ../shared/eval/timeml-dev): span P/R/F1, value accuracy, value F1."""
    evaluate(path, show_errors=show_errors, use_parser=use_parser)
