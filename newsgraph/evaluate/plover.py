"""`newsgraph eval plover FILE`: score the event coder on PLOVER gold standard records.

The file is a JSON array of records in the PLOVER GSR format: ``text``,
``event`` (type), ``source``/``target`` lists of ``{actorText, code,
sector}``. Each record is one sentence with one gold event. For each record
the coder's event that best matches the gold trigger words is compared:

- type accuracy over all records (no event coded counts as wrong);
- per-type precision/recall/F1 and their macro average over the gold types;
- source and target actor P/R/F1 on the ISO3 ``code``, and on code+sector;
- the same on the codes of either role (``actor_code_f1``): whether the event's parties were found at all, whatever
  side they were put on. It separates role errors, and the reading of joint acts (the guide's SRC/TAR: both parties
  as source; some annotators split them into source and target), from actors not found or resolved wrongly;
- coverage: the share of records where any event was coded;
- where the gold gives the CAMEO code its author had in mind (``cameo``; newsgraph's own sets do, the released dev
  file does not): how many wrong types still have the gold's CAMEO code (same three digits: the same act, mapped to
  another PLOVER type by a convention the sets disagree on, e.g. CAMEO 163 sanctions as SANCTION or COERCE) or only
  its root (first two digits), and type accuracy counting the former as right (``type_or_same_cameo_accuracy``),
  printed beside the exact figure, never instead of it. In the JSON, ``wrong_type_same_cameo_root`` counts every wrong
  type with the gold's root, the same code included; the printed line gives those with the root only.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import click

from ..errors import NewsgraphError
from ..model import ActorRef, Document, Event
from .cli import eval_group
from .metrics import PRF, PerClass, ratio
from .records import json_array

# CAMEO actor codes in the gold data that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def load_records(path: str) -> list[dict[str, Any]]:
    data = json_array(path, "PLOVER records")
    out = []
    for i, rec in enumerate(data):
        if not isinstance(rec, dict) or rec.get("event") in (None, "DOCUMENT") or not isinstance(rec.get("text"), str):
            continue
        out.append(rec)
    if not out:
        raise NewsgraphError(f"{path}: no records with 'text' and 'event'")
    return out


def actor_code(a: ActorRef) -> str | None:
    """The PLOVER GSR 'code' of an actor: ISO3 country, IGO / NGO for international organisations, IMG for armed groups of no one country."""
    if a.kind == "igo" or a.sector == "IGO":
        return "IGO"
    if a.country:
        return a.country
    if a.kind == "group" and a.sector in ("REB", "MIL"):
        return "IMG"  # CAMEO's international militarized group: al-Qaeda, the Islamic State
    if a.sector == "NGO":
        return "NGO"
    return None


def actor_sector(a: ActorRef) -> str:
    """The PLOVER GSR 'sector' of an actor: ours, except that an IGO or NGO, whose code already says what it is, has
    none of its own (the gold leaves it empty, or gives the role of its officials)."""
    code = actor_code(a)
    if code in ("IGO", "NGO") and a.sector in ("IGO", "NGO"):
        return ""
    return a.sector or ""


def gold_actors(value: Any) -> list[tuple[str, str]]:
    if not isinstance(value, list):
        return []
    out = []
    for a in value:
        if isinstance(a, dict) and a.get("code"):
            code = CAMEO_TO_ISO.get(a["code"], a["code"])
            sector = (a.get("sector") or "").strip()
            if sector == "IGO":
                # An international body written with a CAMEO-style code of its own (UNO, IMF, OPC) and sector IGO:
                # the dev file's convention, which actor_code follows, is code IGO.
                code, sector = "IGO", ""
            out.append((code, sector))
    return out


_EVT = re.compile(r"\(EVT:\s*([^)]*)\)")


def gold_trigger_words(rec: dict[str, Any]) -> set[str]:
    markup = (rec.get("textInfo") or {}).get("markup") or ""
    words = set()
    for m in _EVT.finditer(markup):
        words.update(w.lower() for w in re.findall(r"\w+", m.group(1)))
    if not words:
        words.update(w.lower() for w in re.findall(r"\w+", rec.get("eventText") or ""))
    return words


def pick_event(events: list[Event], rec: dict[str, Any]) -> Event | None:
    """The coded event that stands for the record's gold event: the one whose trigger words overlap the gold trigger most."""
    if not events:
        return None
    gold_words = gold_trigger_words(rec)

    def score(e: Event) -> tuple:
        words = {w.lower() for w in re.findall(r"\w+", e.trigger)}
        return (len(words & gold_words), bool(e.source) + bool(e.target), e.confidence, -e.trigger_start)

    return max(events, key=score)


class PloverScore:
    """The figures of `newsgraph eval plover`, added up one record at a time.

    ``add`` takes a gold record and what stands for the prediction: a type (None: nothing coded), source and target
    as (code, sector) pairs, the CAMEO code, and whether anything was coded for the record at all. The coder's events
    (``evaluate``) and a second annotator's records (bench/plover_agreement.py) are scored by this one piece of code.
    """

    def __init__(self) -> None:
        self.types = PerClass()
        self.src, self.tgt, self.src_sec, self.tgt_sec, self.either = PRF(), PRF(), PRF(), PRF(), PRF()
        self.n = self.correct = self.covered = self.with_cameo = self.same_code = self.same_root = 0
        self.gold_labels: set[str] = set()
        self.errors: list[tuple[str, str | None, str, str]] = []

    def add(self, rec: dict[str, Any], pred_type: str | None, pred_source: list[tuple[str, str]],
            pred_target: list[tuple[str, str]], pred_cameo: str = "", covered: bool | None = None) -> None:
        gold_type = rec["event"]
        self.n += 1
        self.gold_labels.add(gold_type)
        self.covered += bool(pred_type) if covered is None else covered
        self.types.add_pair(pred_type, gold_type)
        gold_cameo = str(rec.get("cameo") or "").strip()
        self.with_cameo += bool(gold_cameo)
        if pred_type == gold_type:
            self.correct += 1
        else:
            if gold_cameo and pred_cameo:
                self.same_code += pred_cameo[:3] == gold_cameo[:3]
                self.same_root += pred_cameo[:2] == gold_cameo[:2]
            self.errors.append((gold_type, pred_type, f"{pred_cameo or '-'}/{gold_cameo or '-'}", rec["text"]))
        pred_codes, gold_codes = set(), set()
        for prf, prf_sec, gold_list, pred in (
            (self.src, self.src_sec, gold_actors(rec.get("source")), pred_source),
            (self.tgt, self.tgt_sec, gold_actors(rec.get("target")), pred_target),
        ):
            prf.add_sets({c for c, _ in pred}, {c for c, _ in gold_list})
            prf_sec.add_sets(set(pred), set(gold_list))
            pred_codes.update(c for c, _ in pred)
            gold_codes.update(c for c, _ in gold_list)
        self.either.add_sets(pred_codes, gold_codes)

    def add_coded(self, rec: dict[str, Any], events: list[Event]) -> None:
        """The record against the coder's events for its sentence: the one ``pick_event`` takes stands for them."""
        ev = pick_event(events, rec)
        self.add(rec, ev.type if ev else None, event_actors(ev.source) if ev else [],
                 event_actors(ev.target) if ev else [], (ev.cameo or "") if ev else "", covered=bool(events))

    def figures(self) -> dict[str, Any]:
        n, correct = self.n, self.correct
        figures = {
            "type_accuracy": ratio(correct, n),
            "macro_f1": round(self.types.macro_f1(sorted(self.gold_labels)), 4),
            "source_code_f1": round(self.src.f1, 4),
            "target_code_f1": round(self.tgt.f1, 4),
            "source_code_sector_f1": round(self.src_sec.f1, 4),
            "target_code_sector_f1": round(self.tgt_sec.f1, 4),
            "source_code_precision": round(self.src.precision, 4),
            "source_code_recall": round(self.src.recall, 4),
            "target_code_precision": round(self.tgt.precision, 4),
            "target_code_recall": round(self.tgt.recall, 4),
            "actor_code_f1": round(self.either.f1, 4),
            "coverage": ratio(self.covered, n),
            "n": n,
        }
        if self.with_cameo:
            figures["type_or_same_cameo_accuracy"] = ratio(correct + self.same_code, n)
            figures["wrong_type_same_cameo_code"] = self.same_code
            figures["wrong_type_same_cameo_root"] = self.same_root
        return figures

    def report(self, path: str, show_errors: bool, out) -> dict[str, Any]:
        """Print the per-type table (and the wrong-type records if asked), end with the figures as a JSON line."""
        gold_labels = sorted(self.gold_labels)
        print(f"PLOVER evaluation on {path}: {self.n} records", file=out)
        print(f"{'type':<12} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}", file=out)
        for label in gold_labels:
            p = self.types.get(label)
            print(f"{label:<12} {p.tp + p.fn:>4} {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f}", file=out)
        extra = sorted(set(self.types.by) - set(gold_labels))
        if extra:
            print(f"predicted types absent from the gold: {', '.join(extra)}", file=out)
        if show_errors:
            print("  (CAMEO: predicted/gold)", file=out)
            for g, p, c, t in self.errors:
                print(f"  gold {g:<11} pred {p or '-':<11} {c:<9} {t[:150]}", file=out)
        if self.with_cameo:
            print(f"wrong types with the gold's CAMEO code (a mapping convention, not a misreading): {self.same_code} of "
                  f"{self.n - self.correct}; with its CAMEO root only: {self.same_root - self.same_code}", file=out)
        figures = self.figures()
        print(json.dumps(figures), file=out)
        return figures


def event_actors(actors: list[ActorRef]) -> list[tuple[str, str]]:
    """An event's source or target as the (code, sector) pairs the gold is written in; actors with no code are left out."""
    return [(actor_code(a), actor_sector(a)) for a in actors if actor_code(a)]


def evaluate(path: str, limit: int | None = None, show_errors: bool = False, out=None) -> dict[str, Any]:
    out = out or sys.stdout  # looked up per call, so a caller's redirected stdout is used
    from ..extract import default_resources, extract_many

    records = load_records(path)
    if limit:
        records = records[:limit]
    res = default_resources()
    docs = [Document(text=r["text"]) for r in records]
    score = PloverScore()
    for rec, result in zip(records, extract_many(docs, res)):
        score.add_coded(rec, result.events)
    return score.report(path, show_errors, out)


@eval_group.command("plover")
@click.argument("file")
@click.option("--limit", type=int, default=None, help="Only the first N records.")
@click.option("--errors", "show_errors", is_flag=True, help="List the records whose type was wrong.")
def plover_command(file, limit, show_errors):
    """Score event coding on a PLOVER gold-standard JSON file (e.g. ../shared/eval/plover-gsr-dev.json)."""
    evaluate(file, limit=limit, show_errors=show_errors)
