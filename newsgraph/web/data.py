"""Queries behind the web pages. Every value reaches SQL as a bound parameter; column names for sorting come from a fixed map."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..store import Store, event_filters, event_row_to_dict

PAGE_SIZE = 50
SORTS = {  # public sort key -> SQL expression (never user text)
    "date": "coalesce(e.date, d.published)",
    "type": "e.type",
    "outlet": "d.outlet",
    "confidence": "e.confidence",
}


def overview(store: Store) -> dict[str, Any]:
    con = store.con
    docs, first, last, outlets = con.execute(
        "SELECT count(*), min(published), max(published), count(DISTINCT outlet) FROM documents"
    ).fetchone()
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]
    by_type = [{"type": t, "events": n} for t, n in con.execute("SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC, type").fetchall()]
    by_outlet = [
        {"outlet": o, "documents": n}
        for o, n in con.execute("SELECT coalesce(outlet, '(unknown)'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
    ]
    latest = events_page(store, sort="date", descending=True, page=1, size=10)["events"]
    return {
        "documents": docs,
        "events": n_events,
        "outlets": outlets,
        "first_published": first.isoformat() if first else None,
        "last_published": last.isoformat() if last else None,
        "events_by_type": by_type,
        "documents_by_outlet": by_outlet,
        "latest_events": latest,
    }


def events_page(
    store: Store,
    actor_ids: list[str] | None = None,
    actor_text: str | None = None,
    types: list[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    outlet: str | None = None,
    factuality: str | None = None,
    q: str | None = None,
    sort: str = "date",
    descending: bool = False,
    page: int = 1,
    size: int = PAGE_SIZE,
) -> dict[str, Any]:
    where, params = event_filters(actor_ids, actor_text, types, since, until, outlet=outlet, factuality=factuality, evidence_words=q)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    base = f"FROM events e JOIN documents d USING (doc_id){clause}"
    total = store.con.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    order = SORTS.get(sort, SORTS["date"]) + (" DESC" if descending else "") + " NULLS LAST, e.event_id"
    page = max(1, int(page))
    size = max(1, min(int(size), 500))
    cur = store.con.execute(
        f"SELECT e.*, d.outlet, d.url, d.published, d.title {base} ORDER BY {order} LIMIT ? OFFSET ?",
        params + [size, (page - 1) * size],
    )
    cols = [c[0] for c in cur.description]
    rows = [event_row_to_dict(dict(zip(cols, r))) for r in cur.fetchall()]
    return {"total": total, "page": page, "size": size, "pages": max(1, -(-total // size)), "events": rows}


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    cur = store.con.execute(
        "SELECT e.*, d.outlet, d.url, d.published, d.title FROM events e JOIN documents d USING (doc_id) WHERE e.event_id = ?", [event_id]
    )
    row = cur.fetchone()
    if row is None:
        return None
    return event_row_to_dict(dict(zip([c[0] for c in cur.description], row)))


def actor(store: Store, actor_id: str, registry=None) -> dict[str, Any] | None:
    con = store.con
    seen = con.execute(
        "SELECT any_value(name), any_value(country), any_value(kind), count(DISTINCT event_id) FROM event_actors WHERE actor_id = ?", [actor_id]
    ).fetchone()
    reg = registry.get(actor_id) if registry is not None else None
    if (seen is None or not seen[3]) and reg is None:
        return None
    info: dict[str, Any] = {"actor_id": actor_id, "name": (reg.name if reg else seen[0]), "country": (reg.country if reg else seen[1]),
                            "kind": (reg.kind if reg else seen[2]), "sector": reg.sector if reg else None, "events": seen[3] if seen else 0}
    if reg is not None:
        info["aliases"] = list(reg.aliases)
        info["roles"] = [{"title": r.title, "office": r.office, "country": r.country, "sector": r.sector,
                          "start": r.start.isoformat() if r.start else None, "end": r.end.isoformat() if r.end else None} for r in reg.roles]
        info["source"] = reg.source
    # partners and adversaries: counterpart actors in the same events, by relation
    rows = con.execute(
        """SELECT o.actor_id, any_value(o.name), any_value(o.country), e.type, count(DISTINCT e.event_id)
           FROM event_actors me JOIN event_actors o ON o.event_id = me.event_id AND o.actor_id IS DISTINCT FROM me.actor_id
           JOIN events e ON e.event_id = me.event_id
           WHERE me.actor_id = ? GROUP BY o.actor_id, e.type ORDER BY 5 DESC LIMIT 200""",
        [actor_id],
    ).fetchall()
    info["counterparts"] = [{"actor_id": a, "name": n, "country": c, "type": t, "events": k} for a, n, c, t, k in rows]
    timeline = events_page(store, actor_ids=[actor_id], sort="date", page=1, size=200)
    info["events"] = timeline["total"]  # the same definition as the timeline: a state counts its government, companies, people
    info["timeline"] = timeline["events"]
    return info


def cluster_event(store: Store, cluster_id: str) -> dict[str, Any] | None:
    """The canonical event of a merged cluster, with its number of reports and sources."""
    row = store.con.execute("SELECT canonical_event_id, num_mentions, num_sources FROM clusters WHERE cluster_id = ?", [cluster_id]).fetchone()
    if row is None:
        return None
    e = event(store, row[0])
    if e is not None:
        e["cluster_id"], e["num_mentions"], e["num_sources"] = cluster_id, row[1], row[2]
    return e
