"""`newsgraph eval quantities FILE` and `newsgraph eval meantime-numbers DIR`: score quantity extraction.

**quantities FILE**: a JSON list of ``{"text": ..., "quantities": [{"value":
"800000000.0", "unit": "$", "normalized_unit": "dollar", ...}]}``. A predicted
quantity is correct when its normalised value matches (relative tolerance
1e-6; a gold range "a-b" is matched by a predicted range) and its normalised
unit, mapped onto the file's naming (USD -> dollar, percent -> percentage,
barrels/day -> barrel per day, a count of tankers -> the head noun "tankers";
plural and singular compare equal), matches. P/R/F1 for value+unit and for
value alone, one-to-one matching per record. ``--extractor quantulum3``
scores quantulum3 0.10.0 on the same file, for comparison.

**meantime-numbers DIR**: MEANTIME's ``VALUE`` mentions (MONEY, PERCENT,
QUANTITY) in the CAT XML files under DIR. The text is rebuilt from the
tokens (joined by spaces, sentences by newlines); predicted spans are mapped to
tokens. Span P/R/F1, strict (same tokens) and relaxed (overlapping). MEANTIME
gives no normalised value, so value accuracy is measured where the gold span
itself states the value arithmetically (a numeral, optionally a currency sign
before it and a scale word or percent sign after: "$ 40 billion", "17 %",
"30,000"), over relaxed matches.
"""

from __future__ import annotations

import glob
import json
import math
import os
import re
import sys
import xml.etree.ElementTree as ET
from typing import Any

import click

from ..errors import NewsgraphError
from ..model import Quantity
from .cli import eval_group
from .metrics import PRF, ratio
from .records import json_array

# newsgraph's normalised units -> the naming of the quantities file
UNIT_NAMES = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "CNY": "yuan", "RUB": "rouble", "JPY": "yen", "INR": "rupee",
    "VES": "bolivar", "AUD": "australian dollar", "CAD": "canadian dollar", "HKD": "hong kong dollar",
    "percent": "percentage", "percentage points": "percentage point", "barrels/day": "barrel per day", "boe/day": "barrel of oil equivalent per day",
    "barrels": "barrel", "tonnes": "tonne", "tonnes/year": "tonne per year", "cubic metres": "cubic metre",
    "cubic metres/day": "cubic metre per day", "cubic metres/year": "cubic metre per year", "cubic feet": "cubic foot",
    "cubic feet/day": "cubic foot per day", "cubic feet/year": "cubic foot per year", "multiple": "times",
}
# quantulum3's unit names -> the same naming (for --extractor quantulum3)
QUANTULUM_NAMES = {
    "united states dollar": "dollar", "chinese yuan": "yuan", "russian ruble": "rouble", "japanese yen": "yen", "euro": "euro",
    "pound sterling": "pound sterling", "metric ton": "tonne", "tonne": "tonne", "cubic metre": "cubic metre", "count": "times",
    "barrel": "barrel", "barrel per day": "barrel per day", "percentage": "percentage", "dollar": "dollar",
}
REL_TOL = 1e-6


def file_unit(q: Quantity) -> str | None:
    u = q.normalized_unit
    if u is None:
        return None
    if u.startswith("count:"):
        return u[len("count:"):]
    return UNIT_NAMES.get(u, u)


def _unit_key(u: str | None) -> str:
    words = []
    for w in (u or "").lower().replace("metres", "metre").replace("meters", "metre").split():
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            w = w[:-1]
        words.append(w)
    return " ".join(words)


def parse_gold_value(v: Any) -> tuple[float, float | None]:
    """ "800000000.0" -> (8e8, None); "15-20" -> (15, 20)."""
    if isinstance(v, (int, float)):
        return float(v), None
    s = str(v).strip()
    m = re.fullmatch(r"(-?[\d.eE+]+)\s*-\s*([\d.eE+]+)", s)
    if m:
        return float(m.group(1)), float(m.group(2))
    return float(s), None


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12)


def value_matches(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    lo, hi = gold["value"]
    if hi is not None:
        return _close(pred["value"], lo) and _close(pred["value_max"], hi)
    return pred["value_max"] is None and _close(pred["value"], lo)


def _match(preds: list[dict], golds: list[dict], with_unit: bool, pairs: list | None = None) -> tuple[int, list[dict], list[dict]]:
    used: set[int] = set()
    missed = []
    for g in golds:
        hit = None
        for i, p in enumerate(preds):
            if i in used or not value_matches(p, g):
                continue
            if with_unit and _unit_key(p["unit"]) != _unit_key(g["unit"]):
                continue
            hit = i
            break
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            if pairs is not None:
                pairs.append((preds[hit], g))
    spurious = [p for i, p in enumerate(preds) if i not in used]
    return len(used), spurious, missed


def load_cases(path: str) -> list[dict[str, Any]]:
    data = json_array(path, "{'text', 'quantities'} records")
    out = []
    for i, rec in enumerate(data):
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not isinstance(rec.get("quantities", []), list):
            raise NewsgraphError(f"{path}: record {i} lacks 'text' (string) or 'quantities' (list)")
        golds = []
        for j, q in enumerate(rec.get("quantities") or []):
            try:
                gold = {"value": parse_gold_value(q["value"]), "unit": q.get("normalized_unit") or q.get("unit"), "surface": q.get("surface")}
                for k in ("subject", "measure", "time_text"):
                    if k in q:
                        gold[k] = q[k]
                golds.append(gold)
            except (KeyError, ValueError, TypeError):
                raise NewsgraphError(f"{path}: record {i}, quantity {j}: 'value' must be a number or a range 'a-b'") from None
        out.append({"text": rec["text"], "gold": golds})
    return out


def _prediction(q: Quantity) -> dict[str, Any]:
    return {"value": q.normalized_value, "value_max": q.value_max, "unit": file_unit(q), "text": q.text,
            "subject": q.subject, "measure": q.measure, "time_text": q.time_text}


def predict_newsgraph(text: str) -> list[dict[str, Any]]:
    from ..quantities import extract_quantities

    return [_prediction(q) for q in extract_quantities(text)]


def predict_attached(text: str) -> list[dict[str, Any]]:
    """The whole pipeline (parse, actors, attachment): for gold records that say whose and what a number measures."""
    from ..extract import extract
    from ..model import Document

    return [_prediction(q) for q in extract(Document(text=text)).quantities]


def subject_ok(pred: list, gold: str) -> bool:
    g = gold.lower()
    return any((a.country or "").lower() == g or g in a.name.lower() or g in (a.text or "").lower() for a in pred)


def measure_ok(pred: str | None, gold: str) -> bool:
    from ..claims import measure_key

    return bool(pred) and measure_key(gold) in measure_key(pred)


def predict_quantulum(text: str) -> list[dict[str, Any]]:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        try:
            found = parser.parse(text)
        except Exception:
            return []
    out = []
    for q in found:
        name = q.unit.name if q.unit else ""
        out.append({"value": float(q.value) if q.value is not None else None, "value_max": None,
                    "unit": QUANTULUM_NAMES.get(name, name), "text": q.surface})
    return out


EXTRACTORS = {"newsgraph": predict_newsgraph, "quantulum3": predict_quantulum}


def evaluate_file(path: str, extractor: str = "newsgraph", show_errors: bool = False, out=None) -> dict[str, Any]:
    out = out or sys.stdout  # looked up per call, so click's test runner captures it
    cases = load_cases(path)
    attached = extractor == "newsgraph" and any("subject" in g or "measure" in g for c in cases for g in c["gold"])
    predict = predict_attached if attached else EXTRACTORS[extractor]
    strict, loose = PRF(), PRF()
    exact_records = 0
    pairs: list = []
    for c in cases:
        preds = [p for p in predict(c["text"]) if p["value"] is not None]
        tp, fp, fn = _match(preds, c["gold"], with_unit=True, pairs=pairs)
        strict.add(tp, len(fp), len(fn))
        tpv, fpv, fnv = _match(preds, c["gold"], with_unit=False)
        loose.add(tpv, len(fpv), len(fnv))
        if not fp and not fn:
            exact_records += 1
        elif show_errors:
            print(f"  {c['text']}", file=out)
            for g in fn:
                print(f"      missed   {g['surface'] or ''!r} {g['value']} {g['unit']}", file=out)
            for p in fp:
                print(f"      spurious {p['text']!r} {p['value']} {p['value_max'] or ''} {p['unit']}", file=out)
    n = len(cases)
    n_gold = strict.tp + strict.fn
    print(f"Quantities ({extractor}) on {path}: {n} records, {n_gold} gold quantities", file=out)
    print(f"  value+unit  P {strict.precision:.3f}  R {strict.recall:.3f}  F1 {strict.f1:.3f}", file=out)
    print(f"  value only  P {loose.precision:.3f}  R {loose.recall:.3f}  F1 {loose.f1:.3f}", file=out)
    print(f"  records with every quantity right and nothing spurious: {exact_records}/{n}", file=out)
    figures = {**strict.as_dict(), **loose.as_dict("value_"), "record_accuracy": ratio(exact_records, n), "n": n,
               "n_gold": n_gold, "extractor": extractor}
    if attached:
        # attachment, over the quantities found with the right value and unit
        for key, ok in (("subject", lambda p, g: subject_ok(p["subject"], g)), ("measure", lambda p, g: measure_ok(p["measure"], g)),
                        ("time_text", lambda p, g: (p["time_text"] or None) == (g or None))):
            scored = [(p, g) for p, g in pairs if key in g]
            right = sum(1 for p, g in scored if ok(p, g[key]))
            figures[f"{key}_accuracy"] = ratio(right, len(scored))
            figures[f"n_{key}"] = len(scored)
            print(f"  {key:<10} right for {right}/{len(scored)} found quantities", file=out)
            if show_errors:
                for p, g in scored:
                    if not ok(p, g[key]):
                        shown = [a.name for a in p[key]] if key == "subject" else p[key]
                        print(f"      {key} of {g['surface']!r}: gold {g[key]!r}, predicted {shown!r}", file=out)
    print(json.dumps(figures), file=out)
    return figures


# ------------------------------------------------------------------ MEANTIME

_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6}
_CURRENCY_TOKENS = {"$", "us$", "€", "£", "#", "¥", "usd", "eur", "gbp"}


def value_from_span_tokens(tokens: list[str]) -> float | None:
    """The value a gold span states arithmetically ("$ 40 billion", "17 %", "30,000"), else None.

    Independent of the extractor on purpose: only a currency sign, one numeral, a scale word and a percent sign.
    """
    toks = [t for t in tokens if t]
    while toks and toks[0].lower() in _CURRENCY_TOKENS | {"us", "gb"}:
        toks = toks[1:]
    if toks and toks[-1].lower() in ("%", "percent"):
        toks = toks[:-1]
    scale = 1.0
    if toks and toks[-1].lower() in _SCALE_WORDS:
        scale = _SCALE_WORDS[toks[-1].lower()]
        toks = toks[:-1]
    if len(toks) != 1:
        return None
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(bn|m)?", toks[0].lower())
    if not m:
        return None
    v = float((m.group(1) + (m.group(2) or "")).replace(",", ""))
    if m.group(3):
        v *= _SCALE_WORDS[m.group(3)]
    return v * scale


def read_cat_document(path: str) -> tuple[str, list[tuple[int, int]], list[dict[str, Any]], list[int]]:
    """Text rebuilt from a CAT XML file, each token's character span, the VALUE mentions as token index sets,
    and each token's sentence number."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        raise NewsgraphError(f"{path}: not a CAT XML file ({e})") from None
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    sentences: list[int] = []
    index: dict[str, int] = {}
    pos = 0
    last_sentence = None
    for tok in root.iter("token"):
        sent = tok.get("sentence")
        if parts:
            sep = "\n" if sent != last_sentence else " "
            parts.append(sep)
            pos += 1
        text = tok.text or ""
        index[tok.get("t_id")] = len(spans)
        spans.append((pos, pos + len(text)))
        sentences.append(int(sent or 0))
        parts.append(text)
        pos += len(text)
        last_sentence = sent
    values = []
    markables = root.find("Markables")
    for v in (markables if markables is not None else root).iter("VALUE"):
        ids = sorted(index[a.get("t_id")] for a in v.iter("token_anchor") if a.get("t_id") in index)
        if ids:
            values.append({"tokens": set(ids), "type": v.get("type"), "words": []})
    text = "".join(parts)
    for val in values:
        val["words"] = [text[spans[i][0] : spans[i][1]] for i in sorted(val["tokens"])]
    return text, spans, values, sentences


def _tokens_of(start: int, end: int, spans: list[tuple[int, int]]) -> set[int]:
    return {i for i, (a, b) in enumerate(spans) if a < end and start < b}


def score_meantime_numbers(meantime_dir: str, bare_numbers: bool = True, max_sentence: int | None = 5,
                           show_errors: bool = False, out=None) -> dict[str, Any]:
    """Span F1 (strict and relaxed) and value accuracy of newsgraph's quantities on MEANTIME's VALUE mentions.

    MEANTIME annotates numbers only near the top of each article (416 of its 418 VALUE mentions are in
    sentences 0-5: title, date line and the first four sentences), so by default both gold and predictions
    are scored in sentences 0..``max_sentence``; None scores whole documents (precision then counts every
    unannotated number further down as spurious).
    """
    from ..quantities import extract_quantities

    files = sorted(glob.glob(os.path.join(meantime_dir, "**", "*.xml"), recursive=True))
    if not files:
        raise NewsgraphError(f"{meantime_dir}: no CAT XML files (expected e.g. meantime-en/intra_cross-doc_annotation/corpus_*/*.xml)")
    strict, relaxed = PRF(), PRF()
    by_type: dict[str, PRF] = {}
    valued = correct_values = outside = 0
    errors = []
    for path in files:
        text, spans, golds, sentences = read_cat_document(path)
        preds = []
        for q in extract_quantities(text, bare_numbers=bare_numbers):
            toks = _tokens_of(q.start, q.end, spans)
            if toks and (max_sentence is None or sentences[min(toks)] <= max_sentence):
                preds.append((toks, q))
        if max_sentence is not None:
            outside += sum(1 for g in golds if sentences[min(g["tokens"])] > max_sentence)
            golds = [g for g in golds if sentences[min(g["tokens"])] <= max_sentence]
        strict.add_sets([frozenset(t) for t, _ in preds], [frozenset(g["tokens"]) for g in golds])
        used: set[int] = set()
        for g in golds:
            hit = next((i for i, (t, _) in enumerate(preds) if i not in used and t & g["tokens"]), None)
            prf = by_type.setdefault(g["type"] or "?", PRF())
            if hit is None:
                relaxed.add(fn=1)
                prf.add(fn=1)
                if show_errors:
                    errors.append(f"  missed   {g['type']:<8} {' '.join(g['words'])!r}  ({os.path.basename(path)[:40]})")
                continue
            used.add(hit)
            relaxed.add(tp=1)
            prf.add(tp=1)
            gold_value = value_from_span_tokens(g["words"])
            if gold_value is not None:
                valued += 1
                q = preds[hit][1]
                if q.normalized_value is not None and math.isclose(q.normalized_value, gold_value, rel_tol=REL_TOL):
                    correct_values += 1
                elif show_errors:
                    errors.append(f"  value    {' '.join(g['words'])!r} gold {gold_value:g} predicted {q.normalized_value} ({q.text!r})")
        for i, (t, q) in enumerate(preds):
            if i not in used:
                relaxed.add(fp=1)
                if show_errors:
                    errors.append(f"  spurious {q.text!r}  ({os.path.basename(path)[:40]})")
    figures = {
        **relaxed.as_dict(),
        **strict.as_dict("strict_"),
        "value_accuracy": ratio(correct_values, valued),
        "n_valued": valued,
        "n": relaxed.tp + relaxed.fn,
        "n_predicted": relaxed.tp + relaxed.fp,
        "documents": len(files),
        "bare_numbers": bare_numbers,
        "max_sentence": max_sentence,
        "gold_outside_region": outside,
        "recall_by_type": {k: round(v.recall, 4) for k, v in sorted(by_type.items())},
    }
    if out is not None:
        region = f"sentences 0-{max_sentence}" if max_sentence is not None else "whole documents"
        print(f"MEANTIME numbers in {meantime_dir}: {len(files)} documents, {figures['n']} gold VALUE mentions in {region}"
              f" ({outside} outside)", file=out)
        print(f"  relaxed span  P {relaxed.precision:.3f}  R {relaxed.recall:.3f}  F1 {relaxed.f1:.3f}", file=out)
        print(f"  strict span   P {strict.precision:.3f}  R {strict.recall:.3f}  F1 {strict.f1:.3f}", file=out)
        print(f"  value accuracy {figures['value_accuracy']:.3f} over {valued} matched spans whose text states the value", file=out)
        print(f"  recall by type: {figures['recall_by_type']}", file=out)
        for e in errors:
            print(e, file=out)
    return figures


@eval_group.command("quantities")
@click.argument("file")
@click.option("--extractor", type=click.Choice(sorted(EXTRACTORS)), default="newsgraph", show_default=True, help="Score newsgraph, or quantulum3 for comparison.")
@click.option("--errors", "show_errors", is_flag=True, help="List the records with missed or spurious quantities.")
def quantities_command(file, extractor, show_errors):
    """Score quantity extraction on a JSON list of {"text", "quantities": [{"value", "unit", "normalized_unit"}]} (e.g. tests/data/quantities_cases.json)."""
    evaluate_file(file, extractor=extractor, show_errors=show_errors)


@eval_group.command("meantime-numbers")
@click.argument("directory")
@click.option("--units-only", is_flag=True, help="Do not return numbers without a unit (MEANTIME annotates bare numbers too).")
@click.option("--max-sentence", type=int, default=5, show_default=True, help="Score sentences 0..N only (MEANTIME annotates numbers near the top); -1 for whole documents.")
@click.option("--errors", "show_errors", is_flag=True, help="List missed, spurious and wrongly valued numbers.")
def meantime_numbers_command(directory, units_only, max_sentence, show_errors):
    """Score numbers on MEANTIME's VALUE mentions (e.g. ../shared/eval/meantime-en/intra_cross-doc_annotation)."""
    figures = score_meantime_numbers(directory, bare_numbers=not units_only, max_sentence=None if max_sentence < 0 else max_sentence,
                                     show_errors=show_errors, out=sys.stdout)
    click.echo(json.dumps(figures))
