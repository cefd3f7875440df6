"""Claims: what each source says a number is — and where sources disagree.

A claim is a stored quantity attached to an actor or an event: (subject,
measure, value, unit, time, qualifier, source document, evidence). Claims
are compared across documents by a key:

- **subject**: the first subject actor, as its country when it is a state or
  speaks for one (Venezuela, "the Maduro regime" and "Caracas" all compare as
  VEN; a company keeps its own id);
- **measure**: the measure's words, lower-cased and singular ("loans" = "loan");
- **time**: the resolved date and precision when there is one, else the time
  phrase with the year of publication ("in march ~2024": relative phrases mean
  different times in different years), else "~YEAR" of publication (a
  present-tense figure is a figure as of the article's year);
- **unit** (USD is never compared with CNY: no exchange rates), the **kind of
  statement** (a level, a change "by", a target or promise, a threat).

Two claims of one key from different documents disagree when the intervals
their values allow do not overlap: exact figures ±1%, "about" ±10%, "at least"
/ "more than" open above, "up to" / "less than" open below, "nearly" just
under, ranges as written.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

EXACT_TOLERANCE = 0.01
ABOUT_TOLERANCE = 0.10
STATE_SECTORS = {None, "", "GOV", "MIL", "LEG", "JUD", "ELI"}
MEASURE_SYNONYMS = {"output": "production", "credit": "loan", "lending": "loan"}


def subject_key(actors: Sequence[dict[str, Any]]) -> str | None:
    if not actors:
        return None
    keys = []
    for a in actors:
        if a.get("country") and (a.get("kind") in ("state", "government") or a.get("sector") in STATE_SECTORS and a.get("kind") in ("person", "state", "government", None)):
            keys.append(a["country"])
        else:
            keys.append(a.get("actor_id") or a.get("name"))
    return "+".join(sorted(set(k for k in keys if k)))


def measure_key(measure: str | None) -> str | None:
    if not measure:
        return None
    words = []
    for w in measure.lower().split():
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        words.append(MEASURE_SYNONYMS.get(w, w))
    return " ".join(words)


def statement_kind(row: dict[str, Any]) -> str:
    change = row.get("change") or ""
    if change.endswith(" by"):
        return "change"
    fact = row.get("factuality") or "asserted"
    if fact == "intended":
        return "target"
    if fact in ("threatened", "hypothetical", "denied"):
        return fact
    return "level"


def time_key(row: dict[str, Any]) -> str:
    if row.get("date"):
        return f"{row['date']}/{row.get('date_precision') or ''}"
    pub = row.get("published")
    year = f"~{str(pub)[:4]}" if pub else "~"
    if row.get("time_text"):
        # a relative phrase ("in March", "last year") means different times in articles of different years
        return " ".join(row["time_text"].lower().split()) + " " + year
    return year


def interval(row: dict[str, Any]) -> tuple[float, float]:
    v = row.get("value")
    if v is None:
        return (-math.inf, math.inf)
    hi = row.get("value_max")
    if hi is not None:
        return (v, hi)
    q = row.get("qualifier")
    if q in ("at least", "more than"):
        return (v, math.inf)
    if q in ("up to", "less than"):
        return (-math.inf, v)
    if q == "nearly":
        return (v * (1 - ABOUT_TOLERANCE), v)
    tol = ABOUT_TOLERANCE if q == "about" else EXACT_TOLERANCE
    return (v - abs(v) * tol, v + abs(v) * tol)


def compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    (a0, a1), (b0, b1) = interval(a), interval(b)
    return a0 <= b1 and b0 <= a1


def claim_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored claim row as the public JSON record."""
    subject = json.loads(row.get("subject_json") or "[]")
    counterpart = json.loads(row.get("counterpart_json") or "[]")
    rec = {
        "subject": subject,
        "subject_text": row.get("subject_text"),
        "measure": row.get("measure"),
        "value": row.get("value"),
        "value_max": row.get("value_max"),
        "unit": row.get("unit"),
        "qualifier": row.get("qualifier"),
        "change": row.get("change"),
        "time_text": row.get("time_text"),
        "date": row.get("date"),
        "date_precision": row.get("date_precision"),
        "factuality": row.get("factuality"),
        "counterpart": counterpart,
        "counterpart_text": row.get("counterpart_text"),
        "text": row.get("text"),
        "kind": row.get("kind"),
        "evidence": row.get("evidence"),
        "start_char": row.get("start_char"),
        "end_char": row.get("end_char"),
        "event_id": row.get("event_id"),
        "doc_id": row.get("doc_id"),
        "outlet": row.get("outlet"),
        "url": row.get("url"),
        "title": row.get("title"),
        "published": row.get("published"),
    }
    rec["key"] = {
        "subject": subject_key(subject),
        "measure": measure_key(rec["measure"]),
        "time": time_key(rec),
        "unit": rec["unit"],
        "statement": statement_kind(rec),
    }
    return rec


def flag_disagreements(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Mark each claim that another document contradicts, listing the contradicting claims with their sources."""
    groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        k = r["key"]
        r["disagreement"] = False
        r["disagrees_with"] = []
        if k["subject"] and k["measure"] and r["value"] is not None:
            groups[(k["subject"], k["measure"], k["time"], k["unit"], k["statement"])].append(r)
    for members in groups.values():
        if len({m["doc_id"] for m in members}) < 2:
            continue
        for a in members:
            for b in members:
                if a is b or a["doc_id"] == b["doc_id"] or compatible(a, b):
                    continue
                a["disagreement"] = True
                a["disagrees_with"].append({k: b[k] for k in ("value", "value_max", "unit", "qualifier", "text", "outlet", "url", "doc_id", "evidence")})
    return records


def _actor_match(actors: Iterable[dict[str, Any]], ids: Sequence[str] | None, text: str | None) -> bool:
    for a in actors:
        if ids and (a.get("actor_id") in ids or a.get("country") in ids):
            return True
        if text and (text.lower() in (a.get("name") or "").lower() or text.lower() in (a.get("text") or "").lower()):
            return True
    return False


def select(records: list[dict[str, Any]], actor_ids: Sequence[str] | None = None, actor_text: str | None = None,
           measure: str | None = None, disagreements_only: bool = False) -> list[dict[str, Any]]:
    """Claims about an actor (as subject or counterpart), of a measure (words contained), optionally only contested ones.

    Disagreements are flagged over all stored claims first, so filtering never hides the other side.
    """
    out = []
    mk = measure_key(measure) if measure else None
    for r in flag_disagreements(records):
        if (actor_ids or actor_text) and not (
            _actor_match(r["subject"], actor_ids, actor_text) or _actor_match(r["counterpart"], actor_ids, actor_text)
        ):
            continue
        if mk and mk not in (r["key"]["measure"] or ""):
            continue
        if disagreements_only and not r["disagreement"]:
            continue
        out.append(r)
    return out


def format_value(r: dict[str, Any]) -> str:
    def num(v: float) -> str:
        for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(v) >= scale:
                return f"{v / scale:g} {word}"
        return f"{v:,.10g}"

    if r.get("value") is None:
        return ""
    s = num(r["value"])
    if r.get("value_max") is not None:
        s += "–" + num(r["value_max"])
    if r.get("qualifier"):
        s = f"{r['qualifier']} {s}"
    if r.get("change"):
        s = f"{r['change']} {s}"
    return f"{s} {r.get('unit') or ''}".strip()


CSV_COLUMNS = ["subject", "measure", "value", "value_max", "unit", "qualifier", "change", "time_text", "date", "factuality",
               "counterpart", "text", "disagreement", "disagrees_with", "outlet", "published", "url", "doc_id", "evidence"]


def print_claims(rows: list[dict[str, Any]], fmt: str, actors_text, console_factory) -> None:
    """Claims as table, csv, json or jsonl (the uniform --format of the CLI)."""
    from .output import echo_csv, echo_json

    if echo_json(rows, fmt):
        return
    if fmt == "csv":
        echo_csv([{**r, "subject": actors_text(r["subject"]), "counterpart": actors_text(r["counterpart"]),
                   "disagrees_with": "; ".join(f"{format_value(o)} ({o.get('outlet') or o['doc_id'][:8]})" for o in r["disagrees_with"])}
                  for r in rows], CSV_COLUMNS)
        return
    from rich.table import Table

    con = console_factory()
    t = Table(show_lines=False, header_style="bold", pad_edge=False, box=None)
    t.add_column("subject", min_width=14, max_width=28)
    t.add_column("measure", max_width=22, overflow="ellipsis")
    t.add_column("value", no_wrap=True)
    t.add_column("time", no_wrap=True, max_width=18, overflow="ellipsis")
    t.add_column("fact.", no_wrap=True, max_width=10, overflow="ellipsis")
    t.add_column("towards", max_width=24, overflow="ellipsis")
    t.add_column("outlet", no_wrap=True, max_width=18, overflow="ellipsis")
    t.add_column("!", no_wrap=True)
    t.add_column("evidence", no_wrap=True, overflow="ellipsis", max_width=max(20, con.width - 150))
    for r in rows:
        flag = "≠" if r["disagreement"] else ""
        t.add_row(actors_text(r["subject"], short=True) or (r.get("subject_text") or ""), r.get("measure") or "", format_value(r),
                  r.get("time_text") or (f"~{r['published'][:4]}" if r.get("published") else ""), r.get("factuality") or "",
                  actors_text(r["counterpart"], short=True) or (r.get("counterpart_text") or ""), r.get("outlet") or r["doc_id"][:8],
                  flag, " ".join((r.get("evidence") or "").split()))
        for o in r["disagrees_with"]:
            t.add_row("", "", f"≠ {format_value(o)}", "", "", "", o.get("outlet") or o["doc_id"][:8], "", " ".join((o.get("evidence") or "").split()))
    con.print(t)
    n_dis = sum(1 for r in rows if r["disagreement"])
    con.print(f"{len(rows)} claims, {n_dis} contradicted by another source")
