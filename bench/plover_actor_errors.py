"""Error analysis of the event coder's source/target actor codes on a PLOVER file.

    python bench/plover_actor_errors.py FILE [--only-errors] [--summary]

For each record: gold vs predicted source and target codes (the event the
scorer picks), and for every missed gold code and every spurious predicted
code a reason:

- ``not-in-registry``: no actor mention in the sentence carries the gold code
  (the registry does not know the actor, or nothing links it to a country);
- ``unplaced``: the event's role holds an actor with no code (the resolver
  found the actor but gave it no country: "the Young Doctors Association in
  Lahore", "JOS - The Plateau State Government ..."); the line names each such
  actor's words, kind and how the mention was found;
- ``found-not-attached``: some mention in the sentence has the gold code, but
  the coder did not take it as this role's argument;
- ``in-other-role``: the gold code was coded in the other role only (source/target swapped);
- ``wrong-country``: the mention of the gold actor text was resolved, but to another code;
- ``no-event``: no event was coded for the record;
- ``spurious``: a predicted code the gold does not have.

The last line is a JSON object counting the reasons per role.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.actors import find_mentions
from newsgraph.evaluate.plover import CAMEO_TO_ISO, actor_code, load_records, pick_event
from newsgraph.extract import default_resources, extract_many
from newsgraph.model import Document


def gold_list(value) -> list[tuple[str, str]]:
    out = []
    for a in value if isinstance(value, list) else []:
        if isinstance(a, dict) and a.get("code"):
            out.append((CAMEO_TO_ISO.get(a["code"], a["code"]), a.get("actorText") or ""))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--only-errors", action="store_true")
    ap.add_argument("--summary", action="store_true", help="print only the counts")
    args = ap.parse_args()
    records = load_records(args.file)
    res = default_resources()
    parsed = list(res.nlp.pipe([r["text"] for r in records]))
    results = extract_many([Document(text=r["text"]) for r in records], res)
    reasons: dict[str, Counter] = {"source": Counter(), "target": Counter()}
    for rec, doc, result in zip(records, parsed, results):
        ev = pick_event(result.events, rec)
        spans = find_mentions(doc, res.registry, None)
        mention_codes: dict[str, str | None] = {}
        for s in spans:
            mention_codes[doc[s.start : s.end].text.lower()] = actor_code(s.ref)
        sentence_codes = {c for c in mention_codes.values() if c}
        how_found = {s.ref.name: s.how for s in spans}
        lines = []
        pred = {}
        unplaced: dict[str, list[str]] = {}
        for role in ("source", "target"):
            pred[role] = {actor_code(a) for a in (getattr(ev, role) if ev else []) if actor_code(a)}
            # actors in the role the resolver gave no country: their words, kind, and how their mention was found
            unplaced[role] = [f"{a.text or a.name!r} {a.kind} {how_found.get(a.name, '-')}"
                              for a in (getattr(ev, role) if ev else []) if not actor_code(a)]
        for role, other in (("source", "target"), ("target", "source")):
            gold = gold_list(rec.get(role))
            gcodes = {c for c, _ in gold}
            for code, text in gold:
                if code in pred[role]:
                    continue
                if ev is None:
                    why = "no-event"
                elif code in pred[other] and code not in {c for c, _ in gold_list(rec.get(other))}:
                    why = "in-other-role"
                elif unplaced[role]:
                    why = "unplaced(" + "; ".join(unplaced[role]) + ")"
                elif code in sentence_codes:
                    why = "found-not-attached"
                else:
                    hit = next((c for t, c in mention_codes.items() if t and (t in text.lower() or text.lower() in t)), None)
                    why = f"wrong-country({hit})" if hit else "not-in-registry"
                reasons[role][why.split("(")[0]] += 1
                lines.append(f"    {role} MISS {code:<4} {text!r:<40} {why}")
            for code in sorted(pred[role] - gcodes):
                texts = [a.text for a in getattr(ev, role) if actor_code(a) == code]
                reasons[role]["spurious"] += 1
                lines.append(f"    {role} EXTRA {code:<4} {texts}")
        if args.summary or (args.only_errors and not lines):
            continue
        gs = sorted({c for c, _ in gold_list(rec.get("source"))})
        gt = sorted({c for c, _ in gold_list(rec.get("target"))})
        print(f"{rec.get('id')} gold {rec['event']} {gs}->{gt}  pred {ev.type if ev else '-'} {sorted(pred['source'])}->{sorted(pred['target'])}"
              f"  trigger={ev.trigger if ev else '-'!r}")
        print(f"    {rec['text'][:220]}")
        print(f"    mentions: {[(doc[s.start:s.end].text, actor_code(s.ref), s.how) for s in spans]}")
        for line in lines:
            print(line)
    print(json.dumps({role: dict(c) for role, c in reasons.items()}))


if __name__ == "__main__":
    main()
