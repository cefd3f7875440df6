"""Read actors back from a store: who is mentioned how often, and where (for `newsgraph actors` / `actor`)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..store import Store
from .registry import Actor, Registry

_SENT_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n")


def actor_counts(store: Store, registry: Registry | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """One row per actor mentioned in the store, most mentioned first."""
    sql = """
        SELECT actor_id, any_value(name) AS name, any_value(kind) AS kind, mode(country) AS country,
               mode(sector) AS sector, bool_or(provisional) AS provisional,
               count(*) AS mentions, count(DISTINCT doc_id) AS documents
        FROM mentions WHERE actor_id IS NOT NULL
        GROUP BY actor_id ORDER BY mentions DESC, name"""
    params: list[Any] = []
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    cur = store.con.execute(sql, params)
    cols = [c[0] for c in cur.description]
    rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    for r in rows:
        actor = registry.get(r["actor_id"]) if registry else None
        if actor is not None:
            # The registry's own country and sector, not the per-mention ones ("Caracas" is VEN GOV, "Venezuelans" VEN CVL).
            r["name"], r["kind"], r["country"], r["sector"] = actor.name, actor.kind, actor.country, actor.sector
        r["source"] = actor.source if actor is not None else ("provisional: named in the text, not in the registry" if r["provisional"] else None)
    return rows


def mentions_of(store: Store, actor_ids: list[str], limit: int | None = None) -> list[dict[str, Any]]:
    """Every mention of these actors with its sentence and document, in date order."""
    sql = """
        SELECT m.doc_id, m.start_char, m.end_char, m.text, m.how, m.sentence, m.actor_id, m.country, m.sector,
               d.title, d.outlet, d.published, d.url, d.text AS doc_text
        FROM mentions m JOIN documents d USING (doc_id)
        WHERE m.actor_id IN (SELECT unnest(?))
        ORDER BY d.published NULLS LAST, m.doc_id, m.start_char"""
    params: list[Any] = [list(actor_ids)]
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    cur = store.con.execute(sql, params)
    cols = [c[0] for c in cur.description]
    out = []
    for row in cur.fetchall():
        r = dict(zip(cols, row))
        text = r.pop("doc_text") or ""
        r["sentence_text"] = sentence_around(text, r["start_char"], r["end_char"])
        if isinstance(r["published"], dt.date):
            r["published"] = r["published"].isoformat()
        out.append(r)
    return out


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence containing text[start:end]: from the previous sentence end (or line break) to the next."""
    left = 0
    for m in _SENT_END.finditer(text, 0, start):
        left = m.end()
    m = _SENT_END.search(text, end)
    right = m.start() + 1 if m and m.group(0)[0] != "\n" else (m.start() if m else len(text))
    return " ".join(text[left:right].split())


def actor_record(actor: Actor) -> dict[str, Any]:
    """A registry actor as a JSON-ready dict: names, provenance and roles over time."""
    return {
        "actor_id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "aliases": list(actor.aliases),
        "short": list(actor.short),
        "adjectives": list(actor.adjectives),
        "demonyms": list(actor.demonyms),
        "metonyms": list(actor.metonyms),
        "parent": actor.parent,
        "capital": actor.capital,
        "source": actor.source,
        "provisional": False,
        "roles": [
            {
                "title": r.title,
                "office": r.office,
                "country": r.country,
                "sector": r.sector,
                "start": r.start.isoformat() if r.start else None,
                "end": r.end.isoformat() if r.end else None,
            }
            for r in sorted(actor.roles, key=lambda r: r.start or dt.date.min)
        ],
    }
