"""Where the actors the coder did not attach stand, as dependency paths from the trigger: counts only, so it can be run
on blind sets.

    python bench/plover_attach_paths.py FILE [FILE ...] [--top N]

For each record whose picked event misses a gold source or target code that some actor mention of the sentence
carries (``found-not-attached`` in bench/plover_actor_errors.py), the path from the event's trigger to that mention's
head: the dependency labels up from the trigger to their lowest common ancestor, then down to the mention
("^" marks the turn; "nsubj" alone is the trigger's own subject; "^nsubj" the subject of its head; "-" a mention in
another sentence). Also, for each role, whether the coder had put nothing in it or something else. Labels only, no
words. And ``home-target-missed``: empty targets where the gold target's code is the source's own, by event type, the
trigger's part of speech and the relations it governs. The last line is a JSON object of the counts over all files.
"""

from __future__ import annotations

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


def gold_codes(value) -> set[str]:
    return {CAMEO_TO_ISO.get(a["code"], a["code"]) for a in (value if isinstance(value, list) else [])
            if isinstance(a, dict) and a.get("code")}


def path(trigger, head) -> str:
    if trigger.sent.start != head.sent.start:
        return "-"
    up = [trigger, *trigger.ancestors]
    down = [head, *head.ancestors]
    common = next(t for t in up if t in down)
    ups = [t.dep_ for t in up[: up.index(common)]]
    downs = [t.dep_ for t in reversed(down[: down.index(common)])]
    if not ups:
        return "/".join(downs) or "self"
    return "/".join(ups) + "^" + "/".join(downs)


def main() -> None:
    args = sys.argv[1:]
    show = "--show" in args  # the records themselves: only for files you may read
    if show:
        args.remove("--show")
    top = 30
    if "--top" in args:
        i = args.index("--top")
        top = int(args[i + 1])
        del args[i : i + 2]
    res = default_resources()
    paths = {"source": Counter(), "target": Counter()}
    filled = {"source": Counter(), "target": Counter()}
    home: Counter = Counter()
    for path_name in args:
        records = load_records(path_name)
        docs = list(res.nlp.pipe([r["text"] for r in records]))
        for rec, doc, result in zip(records, docs, extract_many([Document(text=r["text"]) for r in records], res)):
            ev = pick_event(result.events, rec)
            if ev is None:
                continue
            trig = next((t for t in doc if t.idx <= ev.trigger_start < t.idx + len(t.text)), None)
            if trig is None:
                continue
            mentions = [(actor_code(s.ref), doc[s.start : s.end].root) for s in find_mentions(doc, res.registry, None)]
            for role in ("source", "target"):
                pred = {actor_code(a) for a in getattr(ev, role) if actor_code(a)}
                for code in gold_codes(rec.get(role)) - pred:
                    heads = [h for c, h in mentions if c == code]
                    if not heads:
                        continue
                    best = min((path(trig, h) for h in heads), key=lambda p: (p == "-", p.count("/") + p.count("^")))
                    paths[role][best] += 1
                    if show:
                        print(f"  {role} {best} pred={sorted(pred)} gold={code} {ev.type}/{rec['event']} trig={trig.text!r}: {rec['text'][:220]}")
                    filled[role]["empty" if not pred else "other-code"] += 1
                    if role == "target" and not pred and code in {actor_code(a) for a in ev.source}:
                        # the story's own state as the target ("police arrested three men"): by type and by what the
                        # trigger governs
                        kids = sorted({c.dep_ for c in trig.children if c.dep_ in ("dobj", "nsubjpass", "prep", "xcomp", "ccomp")})
                        home[f"{ev.type} {trig.pos_} {'+'.join(kids) or '-'}"] += 1
    out = {"home-target-missed": dict(home.most_common(top))} | {role: {"role-was": dict(filled[role]), "paths": dict(paths[role].most_common(top))} for role in paths}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
