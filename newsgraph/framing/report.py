"""Corpus views over the store: outlets (sources), how outlets frame one actor, and who covered which events.

All functions take an open read-only ``Store`` and return JSON-ready data.
A document whose outlet is unknown is its own source, named
``unknown (FILE)``: unknown outlets are never pooled together or guessed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from ..errors import NewsgraphError
from ..store import Store

EVIDENCE_PER_SIDE = 3
LEADER_OFFICES = ("head_of_state", "head_of_government")  # a person whose government "the X regime" can mean  # most negative and most positive sentences shown per outlet


def _iso(v):
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def outlet_key(outlet: str | None, source_path: str | None, doc_id: str) -> str:
    if outlet:
        return outlet
    return f"unknown ({os.path.basename(source_path) if source_path else doc_id[:12]})"


def _doc_outlets(store: Store) -> dict[str, str]:
    rows = store.con.execute("SELECT doc_id, outlet, source_path FROM documents").fetchall()
    return {d: outlet_key(o, p, d) for d, o, p in rows}


# ---------------------------------------------------------------- sources


def sources(store: Store, top_actors: int = 5) -> list[dict[str, Any]]:
    """Outlets with document counts, date range, how the outlet was known, events, the actors they cover most
    (with mean tone) and the loaded terms they use most in naming actors."""
    outlets = _doc_outlets(store)
    docs = store.con.execute("SELECT doc_id, published, outlet_source, n_events FROM documents").fetchall()
    how = dict(store.con.execute("SELECT doc_id, how FROM document_outlets").fetchall()) if store.has_table("document_outlets") else {}
    agg: dict[str, dict[str, Any]] = {}
    for doc_id, published, src, n_events in docs:
        o = agg.setdefault(outlets[doc_id], {"outlet": outlets[doc_id], "documents": 0, "first_published": None, "last_published": None,
                                             "events": 0, "known_from": Counter(), "doc_ids": []})
        o["documents"] += 1
        o["events"] += n_events or 0
        o["doc_ids"].append(doc_id)
        o["known_from"][how.get(doc_id) or src or "unknown"] += 1
        if published:
            o["first_published"] = min(filter(None, [o["first_published"], published]))
            o["last_published"] = max(filter(None, [o["last_published"], published]))
    mention_rows = store.con.execute(
        "SELECT doc_id, coalesce(actor_id, name), any_value(name), count(*) FROM mentions WHERE NOT coalesce(provisional, false) GROUP BY 1, 2"
    ).fetchall()
    tone_rows = store.con.execute("SELECT doc_id, actor_id, tone FROM mention_tone").fetchall() if store.has_table("mention_tone") else []
    actor_counts: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, str] = {}
    for doc_id, aid, name, n in mention_rows:
        actor_counts[outlets.get(doc_id, doc_id)][aid] += n
        names[aid] = name
    tones: dict[tuple[str, str], list[float]] = defaultdict(list)
    for doc_id, aid, tone in tone_rows:
        tones[(outlets.get(doc_id, doc_id), aid)].append(tone)
    loaded: dict[str, Counter] = defaultdict(Counter)  # outlet -> loaded terms in its descriptors of any actor
    if store.has_table("descriptors"):
        for doc_id, terms in store.con.execute("SELECT doc_id, loaded_json FROM descriptors WHERE loaded_json <> '[]'").fetchall():
            loaded[outlets.get(doc_id, doc_id)].update(json.loads(terms))
    out = []
    for key, o in sorted(agg.items(), key=lambda kv: (-kv[1]["documents"], kv[0])):
        top = []
        for aid, n in actor_counts[key].most_common(top_actors):
            t = tones.get((key, aid), [])
            top.append({"actor_id": aid, "name": names.get(aid, aid), "mentions": n, "mean_tone": round(sum(t) / len(t), 3) if t else None})
        out.append({**o, "first_published": _iso(o["first_published"]), "last_published": _iso(o["last_published"]),
                    "known_from": dict(o["known_from"]), "top_actors": top, "loaded_terms": dict(loaded[key].most_common(top_actors))})
    return out


# ---------------------------------------------------------------- framing


def actor_targets(actor: str, include_government: bool = True) -> dict[str, Any]:
    """What ``actor`` (id, name or alias) matches: registry ids, and for a state, or a person who has led one,
    that country's government ("the Maduro regime", "Caracas", "the socialist regime")."""
    from ..actors import default_registry

    reg = default_registry()
    found = reg.find(actor)
    ids = [a.id for a in found]
    periods: list[dict[str, Any]] = []  # the government, and for a leader only while they led it
    for a in found if include_government else ():
        if a.kind == "state" and a.country:
            periods.append({"country": a.country, "start": None, "end": None})
        elif a.kind == "person":
            for r in a.roles:
                if r.office in LEADER_OFFICES and (r.country or a.country):
                    periods.append({"country": r.country or a.country, "start": _iso(r.start), "end": _iso(r.end)})
    return {"query": actor, "actor_ids": ids, "names": [a.name for a in found], "government_of": sorted({p["country"] for p in periods}),
            "government_periods": periods, "text": None if found else actor}


def _match_sql(targets: dict[str, Any], alias: str = "", via: bool = True) -> tuple[str, list]:
    """SQL condition (and parameters) for rows about the targets; ``via`` also matches rows reached through a mention of them."""
    p = alias
    conds, params = [], []
    if targets["actor_ids"]:
        conds.append(f"{p}actor_id IN (SELECT unnest(?))")
        params.append(targets["actor_ids"])
        if via:
            conds.append(f"{p}via IN (SELECT unnest(?))")
            params.append(targets["actor_ids"])
    for g in targets.get("government_periods", ()):
        # documents without a date are kept: the text may well be about that time
        conds.append(f"({p}actor_id = ? AND {p}sector = 'GOV' AND {p}doc_id IN (SELECT doc_id FROM documents WHERE published IS NULL"
                     " OR (published >= coalesce(CAST(? AS DATE), DATE '0001-01-01') AND published < coalesce(CAST(? AS DATE), DATE '9999-12-31'))))")
        params += [g["country"], g["start"], g["end"]]
    if targets["text"]:
        conds.append(f"({p}name ILIKE ? OR {p}text ILIKE ?)")
        params += [f"%{targets['text']}%", f"%{targets['text']}%"]
    return "(" + " OR ".join(conds) + ")" if conds else "false", params


def framing(store: Store, actor: str, include_government: bool = True, max_descriptors: int = 25) -> dict[str, Any]:
    """Outlets side by side for one actor: descriptors (counted), loaded terms, tone with evidence, events reported."""
    if not (store.has_table("descriptors") and store.has_table("mention_tone")):
        raise NewsgraphError(f"{store.path}: this store was made before framing was stored; ingest the articles into a new store")
    targets = actor_targets(actor, include_government)
    outlets = _doc_outlets(store)
    where, params = _match_sql(targets)
    per: dict[str, dict[str, Any]] = {}

    def slot(key: str) -> dict[str, Any]:
        return per.setdefault(key, {"outlet": key, "documents": set(), "descriptors": {}, "loaded_terms": Counter(),
                                    "tone": [], "events": []})

    for doc_id, text, form, kind, aid, name, sector, via, loaded, sentence in store.con.execute(
        f"SELECT doc_id, text, form, kind, actor_id, name, sector, via, loaded_json, sentence FROM descriptors WHERE {where} ORDER BY doc_id, start_char", params
    ).fetchall():
        o = slot(outlets.get(doc_id, doc_id))
        o["documents"].add(doc_id)
        d = o["descriptors"].setdefault(form, {"form": form, "count": 0, "kinds": set(), "of": set(), "loaded": set(), "examples": []})
        d["count"] += 1
        d["kinds"].add(kind)
        d["of"].add(f"{name} ({sector})" if sector else name)
        d["loaded"].update(json.loads(loaded or "[]"))
        if len(d["examples"]) < 2:
            d["examples"].append({"text": text, "doc_id": doc_id, "sentence": sentence})
        for t in json.loads(loaded or "[]"):
            o["loaded_terms"][t] += 1
    for doc_id, text, aid, name, sector, via, tone, label, words, evidence, sentence in store.con.execute(
        f"SELECT doc_id, text, actor_id, name, sector, via, tone, label, words_json, evidence, sentence FROM mention_tone WHERE {where} ORDER BY doc_id, start_char", params
    ).fetchall():
        o = slot(outlets.get(doc_id, doc_id))
        o["documents"].add(doc_id)
        o["tone"].append({"mention": text, "actor": f"{name} ({sector})" if sector else name, "tone": tone, "label": label,
                          "words": json.loads(words or "[]"), "evidence": evidence, "doc_id": doc_id, "sentence": sentence})
    ev_where, ev_params = _match_sql(targets, "ea.", via=False)
    for row in store.con.execute(
        f"""SELECT DISTINCT e.event_id, e.doc_id, e.type, e.date, e.evidence, e.source_json, e.target_json, e.factuality
            FROM events e JOIN event_actors ea USING (event_id) WHERE {ev_where} ORDER BY e.doc_id, e.event_id""",
        ev_params,
    ).fetchall():
        event_id, doc_id, typ, date, evidence, src, tgt, fact = row
        o = slot(outlets.get(doc_id, doc_id))
        o["documents"].add(doc_id)
        o["events"].append({"id": event_id, "type": typ, "date": _iso(date), "factuality": fact,
                            "source": [a["name"] for a in json.loads(src or "[]")], "target": [a["name"] for a in json.loads(tgt or "[]")],
                            "evidence": evidence, "doc_id": doc_id})
    out = []
    for key, o in sorted(per.items()):
        tones = o["tone"]
        values = [t["tone"] for t in tones]
        scored = sorted(tones, key=lambda t: t["tone"])
        descs = sorted(o["descriptors"].values(), key=lambda d: (-d["count"], d["form"]))[:max_descriptors]
        out.append({
            "outlet": key,
            "documents": len(o["documents"]),
            "descriptors": [{**d, "kinds": sorted(d["kinds"]), "of": sorted(d["of"]), "loaded": sorted(d["loaded"])} for d in descs],
            "loaded_terms": dict(o["loaded_terms"].most_common()),
            "tone": {
                "mentions": len(values),
                "mean": round(sum(values) / len(values), 4) if values else None,
                "positive": sum(t["label"] == "positive" for t in tones),
                "neutral": sum(t["label"] == "neutral" for t in tones),
                "negative": sum(t["label"] == "negative" for t in tones),
                "most_negative": [t for t in scored[:EVIDENCE_PER_SIDE] if t["tone"] < 0],
                "most_positive": [t for t in scored[::-1][:EVIDENCE_PER_SIDE] if t["tone"] > 0],
            },
            "events": o["events"],
        })
    return {"actor": targets, "outlets": out, "coverage": coverage(store, actor=actor, targets=targets)}


# ---------------------------------------------------------------- coverage


def _event_clusters(store: Store) -> dict[str, str] | None:
    """event_id -> cluster id, when the store holds the merge stage's cross-document clusters."""
    if not store.has_table("cluster_members"):
        return None
    return dict(store.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall()) or None


def _actor_key(a: dict[str, Any]) -> str:
    return a.get("country") or a.get("actor_id") or a.get("name") or "?"


def coverage(store: Store, actor: str | None = None, targets: dict[str, Any] | None = None,
             clusters: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """Which outlets reported each event and which did not.

    Events are grouped by cross-document cluster when clusters are given or
    stored (see ``_event_clusters``), otherwise by PLOVER type and directed
    dyad (source and target as country code, or actor id for actors without
    one). For each group: the outlets that reported it, all other outlets
    (``not_reported_by``), and among those the ones that mention both sides of
    the dyad somewhere (``silent_while_covering_both``: they could have).
    """
    outlets = _doc_outlets(store)
    all_outlets = sorted(set(outlets.values()))
    clusters = clusters if clusters is not None else _event_clusters(store)
    where, params = "", []
    if actor:
        targets = targets or actor_targets(actor)
        w, params = _match_sql(targets, "ea.", via=False)
        where = f"WHERE e.event_id IN (SELECT ea.event_id FROM event_actors ea WHERE {w})"
    rows = store.con.execute(f"SELECT e.event_id, e.doc_id, e.type, e.source_json, e.target_json, e.evidence FROM events e {where}", params).fetchall()
    groups: dict[tuple, dict[str, Any]] = {}
    for event_id, doc_id, typ, src, tgt, evidence in rows:
        srcs = json.loads(src or "[]") or [{}]
        tgts = json.loads(tgt or "[]") or [{}]
        dyads = [(typ, _actor_key(s) if s else None, _actor_key(t) if t else None) for s in srcs for t in tgts]
        if clusters and event_id in clusters:
            keys = [("cluster", clusters[event_id], None, None, None)]  # one group per merged event, whatever each report coded
        else:
            keys = [("dyad", None, *d) for d in dyads]
        for key in set(keys):
            g = groups.setdefault(key, {"group": key[0], "cluster": key[1], "type": key[2], "source": key[3], "target": key[4],
                                        "reports": 0, "reported_by": set(), "example": evidence, "_dyads": Counter()})
            g["reports"] += 1
            g["reported_by"].add(outlets.get(doc_id, doc_id))
            g["_dyads"].update(dyads)
    for g in groups.values():  # a cluster is shown by the type and dyad most of its reports have
        if g["group"] == "cluster" and g["_dyads"]:
            g["type"], g["source"], g["target"] = g["_dyads"].most_common(1)[0][0]
        del g["_dyads"]
    mentioned: dict[str, set[str]] = defaultdict(set)  # outlet -> country codes / actor ids it mentions
    for doc_id, aid, country in store.con.execute("SELECT DISTINCT doc_id, actor_id, country FROM mentions").fetchall():
        o = outlets.get(doc_id, doc_id)
        mentioned[o].update(x for x in (aid, country) if x)
    out = []
    for g in sorted(groups.values(), key=lambda g: (-len(g["reported_by"]), -g["reports"], str(g["type"]), str(g["source"]), str(g["target"]))):
        missing = [o for o in all_outlets if o not in g["reported_by"]]
        both = [o for o in missing if g["source"] in mentioned[o] and g["target"] in mentioned[o]]
        out.append({**g, "reported_by": sorted(g["reported_by"]), "not_reported_by": missing, "silent_while_covering_both": both})
    return out
