"""Rows of the framing tables (descriptors, mention_tone, document_outlets) for one DocResult; Store.write inserts them."""

from __future__ import annotations

import json

from ..model import DocResult


def framing_rows(r: DocResult, descs: list, tones: list, outlets: list) -> None:
    d = r.document
    for x in r.descriptors:
        a = x.actor
        descs.append((d.doc_id, x.start, x.end, x.sentence, x.text, x.form, x.kind, a.actor_id, a.name, a.country, a.sector, a.kind, x.via,
                      json.dumps(x.loaded, ensure_ascii=False)))
    for t in r.tones:
        a = t.actor
        tones.append((d.doc_id, t.start, t.end, t.sentence, t.text, a.actor_id, a.name, a.country, a.sector, a.kind, t.via,
                      t.tone, t.label, json.dumps(t.words, ensure_ascii=False), json.dumps(t.loaded, ensure_ascii=False), t.evidence))
    outlets.append((d.doc_id, d.outlet, d.outlet_source, r.outlet_how, r.outlet_evidence))
