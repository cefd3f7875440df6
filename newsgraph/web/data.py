"""Queries behind the web pages. Every value reaches SQL as a bound parameter; column names for sorting come from a fixed map."""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..store import Store, actor_condition, event_filters, event_row_to_dict

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
    """One page of events, filtered and sorted, with the number of events that match.

    Over a million events the cost is in joining documents and in carrying whole rows through the sort, so
    this works in two steps: the page's event ids are found over the narrow columns of ``events`` alone
    (filters on the document go through semi-joins, see store.event_filters), then only those rows are
    read in full with their documents.
    """
    page = max(1, int(page))
    size = max(1, min(int(size), 500))
    offset = (page - 1) * size
    by_day = sort == "date" or sort not in SORTS
    if by_day and (actor_ids or actor_text) and not (types or outlet or factuality or q):  # the actor page's timeline
        ids, total = _actor_page_by_day(store, actor_ids, actor_text, since, until, descending, offset, size)
        return {"total": total, "page": page, "size": size, "pages": max(1, -(-total // size)), "events": events_by_id(store, ids)}
    where, params = event_filters(actor_ids, actor_text, types, since, until, outlet=outlet, factuality=factuality, evidence_words=q)
    # filters that reach into other tables (actors, the documents' outlet and dates) are evaluated once, not in each step
    through_others = bool(actor_ids or actor_text or outlet or since or until)
    with _matching(store, where, params, materialize=through_others) as (table, where, params):
        if by_day:
            ids, total = _page_by_day(store, table, where, params, descending, offset, size)
        else:
            ids, total = _page_by_column(store, table, where, params, sort, descending, offset, size)
    return {"total": total, "page": page, "size": size, "pages": max(1, -(-total // size)), "events": events_by_id(store, ids)}


def _where(where: list[str], *more: str) -> str:
    conds = where + list(more)
    return (" WHERE " + " AND ".join(conds)) if conds else ""


@contextmanager
def _matching(store: Store, where: list[str], params: list, materialize: bool) -> Iterator[tuple[str, list[str], list]]:
    """The events to page through: ``events`` with its conditions, or a temporary table of the matching events'
    ids, documents, dates and sort columns (this request's own: each request has its own cursor)."""
    if not materialize:
        yield "events", where, params
        return
    store.con.execute("CREATE OR REPLACE TEMP TABLE page_events AS SELECT e.event_id, e.doc_id, e.date, e.type, e.confidence "
                      "FROM events e" + _where(where), params)
    try:
        yield "page_events", [], []
    finally:
        store.con.execute("DROP TABLE IF EXISTS page_events")


def _page_by_day(store: Store, table: str, where: list[str], params: list, descending: bool, offset: int, size: int) -> tuple[list[str], int]:
    """Event ids of one page in order of the day an event is filed under (its date, else its document's publication date).

    The page is among the first ``k = offset + size`` events; they are found in three small steps instead of
    one sort of every event joined with its document: the k-th date among dated events (a scan of one
    column), the dated events up to that date, and the undated events of the documents published up to it
    (a few documents, then a probe of their events).
    """
    con = store.con
    k = offset + size
    direction, op = ("DESC", ">=") if descending else ("ASC", "<=")
    total = con.execute(f"SELECT count(*) FROM {table} e" + _where(where), params).fetchone()[0]
    if offset >= total:
        return [], total
    kth = con.execute(f"SELECT e.date FROM {table} e{_where(where, 'e.date IS NOT NULL')} ORDER BY e.date {direction} LIMIT 1 OFFSET ?",
                      params + [k - 1]).fetchone()
    day = kth[0] if kth else None  # None: fewer than k dated events, all of them are candidates
    bound = [f"e.date {op} ?"] if day else []
    dated = con.execute(f"SELECT e.date, e.event_id FROM {table} e{_where(where, 'e.date IS NOT NULL', *bound)} "
                        f"ORDER BY e.date {direction}, e.event_id LIMIT ?", params + ([day] if day else []) + [k]).fetchall()
    docs = f"SELECT doc_id FROM documents WHERE published {op} ?" if day else "SELECT doc_id FROM documents"
    undated = con.execute(f"SELECT d.published, e.event_id FROM {table} e JOIN documents d ON d.doc_id = e.doc_id"
                          f"{_where(where, 'e.date IS NULL', f'e.doc_id IN ({docs})')} "
                          f"ORDER BY d.published {direction} NULLS LAST, e.event_id LIMIT ?",
                          params + ([day] if day else []) + [k]).fetchall()
    sign = -1 if descending else 1
    rows = sorted(dated + undated, key=lambda r: (r[0] is None, sign * r[0].toordinal() if r[0] else 0, r[1]))
    return [r[1] for r in rows[offset:k]], total


def _actor_page_by_day(store: Store, actor_ids: list[str] | None, actor_text: str | None, since: dt.date | None, until: dt.date | None,
                       descending: bool, offset: int, size: int) -> tuple[list[str], int]:
    """Event ids of one page of an actor's events by day, in the order of ``_page_by_day``, from the actor's rows in
    event_actors alone: each holds its event's day, so the page needs no semi-join of the actor's events (180,000 for
    the most frequent actor of a million events) against every event."""
    cond, params = actor_condition(actor_ids, actor_text)
    for op, value in ((">=", since), ("<=", until)):  # an event's day, as event_filters defines it
        if value:
            cond += f" AND ea.day {op} ?"
            params.append(value)
    matching = f"SELECT ea.event_id, any_value(ea.day) AS day FROM {store.source('event_actors')} ea WHERE {cond} GROUP BY ea.event_id"
    rows = store.con.execute(f"SELECT event_id, count(*) OVER () FROM ({matching}) "
                             f"ORDER BY day {'DESC' if descending else 'ASC'} NULLS LAST, event_id LIMIT ? OFFSET ?", params + [size, offset]).fetchall()
    total = rows[0][1] if rows else store.con.execute(f"SELECT count(*) FROM ({matching})", params).fetchone()[0]
    return [r[0] for r in rows], total


def _page_by_column(store: Store, table: str, where: list[str], params: list, sort: str, descending: bool, offset: int, size: int) -> tuple[list[str], int]:
    key = SORTS[sort]
    join = " JOIN documents d ON d.doc_id = e.doc_id" if key.startswith("d.") else ""
    sql = (f"SELECT e.event_id FROM {table} e{join}{_where(where)} "
           f"ORDER BY {key}{' DESC' if descending else ''} NULLS LAST, e.event_id LIMIT ? OFFSET ?")
    ids = [r[0] for r in store.con.execute(sql, params + [size, offset]).fetchall()]
    return ids, store.con.execute(f"SELECT count(*) FROM {table} e" + _where(where), params).fetchone()[0]


def events_by_id(store: Store, ids: list[str]) -> list[dict[str, Any]]:
    """Full event records with their documents' fields, in the order of ``ids``.

    The ids go in as bound values of an IN list (one placeholder each), which DuckDB filters while scanning
    instead of hash-joining a million rows.
    """
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    cur = store.con.execute(f"SELECT * FROM events WHERE event_id IN ({marks})", ids)
    cols = [c[0] for c in cur.description]
    rows = {r[0]: dict(zip(cols, r)) for r in cur.fetchall()}
    doc_ids = sorted({r["doc_id"] for r in rows.values()})
    marks = ", ".join("?" * len(doc_ids))
    docs = {d[0]: d[1:] for d in store.con.execute(f"SELECT doc_id, outlet, url, published, title FROM documents WHERE doc_id IN ({marks})", doc_ids).fetchall()}
    out = []
    for i in ids:
        row = rows.get(i)
        if row is None:
            continue
        row["outlet"], row["url"], row["published"], row["title"] = docs.get(row["doc_id"], (None, None, None, None))
        out.append(event_row_to_dict(row))
    return out


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    cur = store.con.execute(
        "SELECT e.*, d.outlet, d.url, d.published, d.title FROM events e JOIN documents d USING (doc_id) WHERE e.event_id = ?", [event_id]
    )
    row = cur.fetchone()
    if row is None:
        return None
    return event_row_to_dict(dict(zip([c[0] for c in cur.description], row)))


def actor(store: Store, actor_id: str, registry=None) -> dict[str, Any] | None:
    aggregates = actor_aggregates(store)
    seen = aggregates.seen.get(actor_id)
    reg = registry.get(actor_id) if registry is not None else None
    if seen is None and reg is None:
        return None
    info: dict[str, Any] = {"actor_id": actor_id, "name": (reg.name if reg else seen[0]), "country": (reg.country if reg else seen[1]),
                            "kind": (reg.kind if reg else seen[2]), "sector": reg.sector if reg else None, "events": seen[3] if seen else 0}
    if reg is not None:
        info["aliases"] = list(reg.aliases)
        info["roles"] = [{"title": r.title, "office": r.office, "country": r.country, "sector": r.sector,
                          "start": r.start.isoformat() if r.start else None, "end": r.end.isoformat() if r.end else None} for r in reg.roles]
        info["source"] = reg.source
    info["counterparts"] = [{"actor_id": a, "name": n, "country": c, "type": t, "events": k}
                            for a, n, c, t, k in aggregates.counterparts.get(actor_id, ())]
    timeline = events_page(store, actor_ids=[actor_id], sort="date", page=1, size=200)
    info["events"] = timeline["total"]  # the same definition as the timeline: a state counts its government, companies, people
    info["timeline"] = timeline["events"]
    return info


# ------------------------------------------------------------------ per-actor aggregates
COUNTERPARTS = 200  # per actor, the most frequent (counterpart, event type) pairs


@dataclass
class ActorAggregates:
    """What the actor page shows that depends on all of an actor's events: a pass over the store for every actor.

    For the most frequent actor of a million events (some 180,000 events) its counterparts alone take over a
    second to count, so they are counted once for all actors and kept while the store is unchanged.
    """

    version: tuple
    seen: dict[str, tuple]  # actor_id -> (name, country, kind, distinct events)
    counterparts: dict[str, list[tuple]]  # actor_id -> [(actor_id, name, country, type, distinct events)], most first
    cpu_s: float = 0.0


_AGGREGATES: dict[str, ActorAggregates] = {}
_AGGREGATES_LOCK = threading.Lock()


def store_version(path: str) -> tuple:
    """Changes whenever the store's files do (the DuckDB file and its write-ahead log, or a Parquet store's folders)."""
    if os.path.isdir(path):
        files = [os.path.join(path, t) for t in sorted(os.listdir(path))]
    else:
        files = [path, path + ".wal"]
    out = []
    for f in files:
        try:
            st = os.stat(f)
            out.append((f, st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((f, None, None))
    return tuple(out)


def actor_aggregates(store: Store) -> ActorAggregates:
    """The store's per-actor aggregates, computed on first use and again after the store changes.

    One computation at a time: requests that arrive meanwhile wait for it rather than start their own.
    """
    version = store_version(store.path)
    cached = _AGGREGATES.get(store.path)
    if cached is not None and cached.version == version:
        return cached
    with _AGGREGATES_LOCK:
        cached = _AGGREGATES.get(store.path)
        if cached is not None and cached.version == version:
            return cached
        cpu = time.process_time()
        con = store.con
        seen = {a: (n, c, k, e) for a, n, c, k, e in con.execute(
            "SELECT actor_id, any_value(name), any_value(country), any_value(kind), count(DISTINCT event_id) "
            "FROM event_actors WHERE actor_id IS NOT NULL GROUP BY actor_id").fetchall()}
        counterparts: dict[str, list[tuple]] = {}
        for me, other, name, country, etype, n in con.execute(
            """WITH pairs AS (
                 SELECT me.actor_id AS me, o.actor_id AS other, any_value(o.name) AS name, any_value(o.country) AS country,
                        e.type, count(DISTINCT e.event_id) AS n
                 FROM event_actors me JOIN event_actors o ON o.event_id = me.event_id AND o.actor_id IS DISTINCT FROM me.actor_id
                 JOIN events e ON e.event_id = me.event_id
                 WHERE me.actor_id IS NOT NULL GROUP BY ALL)
               SELECT * FROM pairs QUALIFY row_number() OVER (PARTITION BY me ORDER BY n DESC, other NULLS LAST, type) <= ?
               ORDER BY me, n DESC, other NULLS LAST, type""", [COUNTERPARTS]).fetchall():
            counterparts.setdefault(me, []).append((other, name, country, etype, n))
        cached = ActorAggregates(version, seen, counterparts, cpu_s=time.process_time() - cpu)
        _AGGREGATES[store.path] = cached
        return cached


def cluster_event(store: Store, cluster_id: str) -> dict[str, Any] | None:
    """The canonical event of a merged cluster, with its number of reports and sources."""
    row = store.con.execute("SELECT canonical_event_id, num_mentions, num_sources FROM clusters WHERE cluster_id = ?", [cluster_id]).fetchone()
    if row is None:
        return None
    e = event(store, row[0])
    if e is not None:
        e["cluster_id"], e["num_mentions"], e["num_sources"] = cluster_id, row[1], row[2]
    return e
