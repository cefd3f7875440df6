"""The relation graph and the queries over clusters: timelines, dyad time series, relations at a date.

Everything here counts *distinct events* (clusters), not mentions: five
outlets reporting one treaty add one cooperation event to the dyad, with
``num_mentions`` 5.

Nodes are actors at the level outlets agree on: a state (ISO 3166 alpha-3),
with the people, ministries and companies of that state folded into it
("Maduro", "PDVSA" and "Caracas" all count for VEN); an actor with no country
(an IGO, an unregistered name) is its own node.

The cooperation-conflict score of a dyad over a period is the sum of the
Goldstein (1992) weights (-10 .. +10, ``data/ontology/cameo.yaml``, the CAMEO
mapping GDELT uses) of the distinct events between the pair in that period;
``mean_goldstein`` is that sum over the number of events. Positive is
cooperative, negative conflictual. Each edge of one relation kind
(cooperation: AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT;
conflict: REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE,
COERCE, ASSAULT; from ``plover.yaml``) counts its events. Denied and
hypothetical events ("refused to recognise", "if it imposes sanctions") did
not happen and are left out of the graph.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from typing import Any

from .merge import _EVENT_ROWS, SYMMETRIC_TYPES, _rows, actor_key, clusters_in_memory
from .store import CLUSTER_DAY

SECTOR_NAMES = {"OPP": "opposition", "REB": "rebels", "INS": "insurgents", "CVL": "civilians", "NGO": "NGOs", "MED": "media", "REL": "religious"}
NOT_HAPPENED = frozenset({"denied", "hypothetical"})
PERIODS = ("month", "quarter", "year")


# ------------------------------------------------------------------ loading clusters


def load_clusters(store, as_of: dt.date | None = None, touching: Sequence[tuple[Sequence[str], Sequence[str]]] = (),
                  since: dt.date | None = None, until: dt.date | None = None, keep: Callable[[dict], bool] | None = None,
                  limit: int | None = None, members: bool = True) -> list[dict[str, Any]]:
    """Every cluster as a public record with its members, oldest first.

    ``as_of``: only documents published on or before that date count, and the
    clusters are formed from them alone (what an analyst would have seen then).

    ``since``/``until``: only clusters whose day (``event_day``) is in that range. ``keep``: only the
    clusters it accepts; ``limit``: the first that many. ``touching`` says which clusters ``keep`` can
    accept at all, so that a timeline or a dyad over a million events reads its own clusters from a merged
    store and not all of them: (node keys, actor ids) pairs, and a cluster is read when, for each pair, one
    of its reports has a participant with one of the keys or one of the ids (a timeline gives one pair, a
    dyad two). ``members=False`` leaves the reports out, and from a merged store every field ``dyad_series`` does
    not read (evidence, outlets, counts other than mentions, ...).
    """
    con = store.con

    def wanted(c: dict) -> bool:
        day = event_day(c)
        if since is not None and (day or "") < since.isoformat():
            return False
        if until is not None and not (day and day <= until.isoformat()):
            return False
        return keep is None or keep(c)

    if as_of is not None:
        rows = _rows(con, _EVENT_ROWS + " WHERE d.published <= ?", [as_of])
    elif not store.has_table("cluster_members") or con.execute(
        # every member is a stored event (merge_store writes members of stored events only, and event ids are
        # unique in both tables), so equal counts mean every event is in a cluster: two counts, not an anti-join
        "SELECT (SELECT count(*) FROM events) <> (SELECT count(*) FROM cluster_members)"
    ).fetchone()[0]:  # a store not yet merged (read-only, or written by an older newsgraph): merge in memory
        rows = _rows(con, _EVENT_ROWS)
    else:
        return _stored_clusters(store, touching, since, until, wanted, limit, members)
    out = [c for c in _sorted([_public(c, [_member_from_mention(m) for m in c["members"]]) for c in clusters_in_memory(rows)]) if wanted(c)]
    return out[:limit] if limit is not None else out


# The columns a dyad series reads (see dyad_series), all that is read when the reports are not
_SERIES_COLUMNS = ("cluster_id", "type", "relation", "goldstein", "date", "first_seen", "source_json", "target_json", "factuality", "num_mentions")


def _stored_clusters(store, touching, since, until, wanted, limit, members) -> list[dict[str, Any]]:
    con = store.con
    # The candidates as (cluster_id, day). For a timeline or a dyad they come from the key table (cluster_keys, see
    # store.py), whose rows are sorted by key: one equality test per key lets DuckDB skip the row groups of other keys
    # (an IN list of keys far apart in that order would not). A dyad intersects its two sides.
    where, params = [], []
    for cond, value in (("day >= ?", since), ("day <= ?", until)):
        if value is not None:
            where.append(cond)
            params.append(value)
    dates = "".join(f" AND {w}" for w in where)
    chunk = None if limit is None else limit + 20  # a few spare: the exact filter drops some candidates (a group's state key)
    # with a limit and one side (a timeline), each key's oldest ``first`` rows are enough for the oldest ``first``
    # clusters of all its keys: a bound on the rows each key brings before they are merged
    first = " ORDER BY day NULLS LAST, cluster_id LIMIT ?" if chunk is not None and len(touching) == 1 else ""
    if touching:
        keys_table = store.source("cluster_keys")
        sides, side_params = [], []
        for keys, ids in touching:
            wanted_keys = sorted(set(keys) | set(ids)) or [None]  # node keys and actor ids are both keys there
            sides.append(" UNION ALL ".join([f"(SELECT cluster_id, day FROM {keys_table} WHERE key = ?{dates}{first})"] * len(wanted_keys)))
            side_params += [[k, *params] for k in wanted_keys]
        candidates = "SELECT DISTINCT * FROM (" + " INTERSECT ".join(f"({side})" for side in sides) + ")"
    else:
        candidates = f"SELECT * FROM (SELECT cluster_id, {CLUSTER_DAY} AS day FROM clusters c) WHERE true{dates}"
        side_params = [params]
    # without the reports (a dyad series) the cluster's long texts are left unread: over thousands of clusters
    # spread through a million, reading a column means decompressing all of it
    columns = "*" if members else ", ".join(_SERIES_COLUMNS)
    out: list[dict[str, Any]] = []
    offset = 0
    while True:  # with a limit: the oldest candidates a chunk at a time (ids first, then their rows), until enough are kept
        if chunk is None:
            rows = _rows(con, f"SELECT {columns} FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM ({candidates}))",
                         [p for ps in side_params for p in ps])
        else:
            bound = [p for ps in side_params for p in (ps + [offset + chunk] if first else ps)]
            ids = [r[0] for r in con.execute(f"SELECT cluster_id FROM ({candidates}) ORDER BY day NULLS LAST, cluster_id LIMIT ? OFFSET ?",
                                             bound + [chunk, offset]).fetchall()]
            rows = _rows(con, f"SELECT {columns} FROM clusters WHERE list_contains(?, cluster_id)", [ids]) if ids else []
        out += [c for c in map(_public, rows, [[]] * len(rows)) if wanted(c)]
        if chunk is None or len(out) >= limit or len(rows) < chunk:
            break
        offset += chunk
    out = _sorted(out)[:limit] if limit is not None else _sorted(out)
    if members and out:  # the reports of the clusters returned only
        by_cluster = _members_by_cluster(con, [c["cluster_id"] for c in out] if touching or where or chunk is not None else None)
        for c in out:
            c["members"] = by_cluster.get(c["cluster_id"], [])
            c["main"] = any(m["main"] for m in c["members"])
    return out


_MEMBER_COLUMNS = ("SELECT cm.cluster_id, cm.event_id, cm.doc_id, cm.is_main, cm.salience, e.evidence, e.trigger, e.trigger_start, e.date, "
                   "e.date_precision, e.factuality, e.type, e.cameo, d.outlet, d.url, d.published, d.title")


def _members_by_cluster(con, cluster_ids: list[str] | None) -> dict[str, list[dict]]:
    """The reports of these clusters (of every cluster: None), each cluster's in order of publication.

    For some clusters, each table is read by its own list of ids and the rows joined here: DuckDB joins the three
    tables first and filters after (some 80 ms over a million events), but filters one table in 10 ms."""
    if cluster_ids is None:
        rows = _rows(con, _MEMBER_COLUMNS + " FROM cluster_members cm JOIN events e USING (event_id) JOIN documents d ON d.doc_id = cm.doc_id")
    else:
        rows = _rows(con, "SELECT cluster_id, event_id, doc_id, is_main, salience FROM cluster_members WHERE list_contains(?, cluster_id)", [cluster_ids])
        events = {r["event_id"]: r for r in _rows(con, "SELECT event_id, evidence, trigger, trigger_start, date, date_precision, factuality, type, cameo "
                                                         "FROM events WHERE list_contains(?, event_id)", [[r["event_id"] for r in rows]])}
        docs = {r["doc_id"]: r for r in _rows(con, "SELECT doc_id, outlet, url, published, title FROM documents WHERE list_contains(?, doc_id)",
                                               [sorted({r["doc_id"] for r in rows})])}
        rows = [{**r, **events[r["event_id"]], **docs[r["doc_id"]]} for r in rows if r["event_id"] in events and r["doc_id"] in docs]
    rows.sort(key=lambda r: (r["published"] is None, r["published"] or dt.date.min, r["doc_id"], r["trigger_start"] is None, r["trigger_start"] or 0))
    by_cluster: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_cluster[r["cluster_id"]].append(_member(r))
    return by_cluster


def _iso(v):
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def _member(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "event_id": r["event_id"], "doc_id": r["doc_id"], "outlet": r.get("outlet"), "url": r.get("url"),
        "published": _iso(r.get("published")), "title": r.get("title"), "type": r.get("type"), "cameo": r.get("cameo"),
        "date": _iso(r.get("date")), "date_precision": r.get("date_precision"), "factuality": r.get("factuality"),
        "trigger": r.get("trigger"), "evidence": r.get("evidence"), "main": bool(r.get("is_main")),
    }


def _member_from_mention(m) -> dict[str, Any]:
    return _member({**m.row, "is_main": m.is_main})


def _public(c: dict[str, Any], members: list[dict]) -> dict[str, Any]:
    """A cluster row as the public record; columns left unread (see _SERIES_COLUMNS) come out empty."""
    get = c.get
    return {
        "cluster_id": c["cluster_id"],
        "type": c["type"], "mode": get("mode"), "context": get("context"), "cameo": get("cameo"),
        "relation": get("relation"), "quad_class": get("quad_class"), "goldstein": get("goldstein"),
        "date": _iso(c["date"]), "date_precision": get("date_precision"),
        "date_lo": _iso(get("date_lo")), "date_hi": _iso(get("date_hi")),
        "source": _json(c["source_json"], []), "target": _json(c["target_json"], []),
        "factuality": c["factuality"], "canonical_event_id": get("canonical_event_id"), "evidence": get("evidence"),
        "num_mentions": c["num_mentions"], "num_sources": get("num_sources"), "num_docs": get("num_docs"),
        "outlets": _json(get("outlets_json"), []),
        "first_seen": _iso(c["first_seen"]), "last_seen": _iso(get("last_seen")),
        "disagreements": _json(get("disagreements_json"), {}),
        "main": any(m["main"] for m in members),
        "members": members,
    }


def _json(text: str | None, empty: list | dict) -> Any:
    """A JSON column's value; an empty list or dict (a new one) for NULL, without parsing (a dyad reads thousands of rows)."""
    return json.loads(text) if text else type(empty)()


def event_day(c: dict[str, Any]) -> str | None:
    """The day a cluster is filed under: its date, else the first publication that reported it."""
    return c.get("date") or c.get("first_seen")


def _sorted(cs: list[dict]) -> list[dict]:
    return sorted(cs, key=lambda c: (event_day(c) or "9999", c["cluster_id"]))


# ------------------------------------------------------------------ actors and dyads


def keys_of(actors: Iterable[dict]) -> list[str]:
    out = []
    for a in actors:
        k = actor_key(a)
        if k and k not in out:
            out.append(k)
    return out


def dyads_of(c: dict[str, Any]) -> set[tuple[str, str]]:
    """Unordered actor pairs an event is between: source x target, or among the parties of a joint act."""
    s, t = keys_of(c["source"]), keys_of(c["target"])
    pairs = {tuple(sorted((a, b))) for a in s for b in t if a != b}
    if not t or c["type"] in SYMMETRIC_TYPES:
        pairs |= {tuple(sorted(p)) for p in combinations(s, 2) if p[0] != p[1]}
    return pairs


def node_key(actor: str) -> list[str]:
    """Graph node keys for a user's actor argument (id, name or alias): the country of a person, ministry or company."""
    from .actors import default_registry

    if "/" in actor:  # a key as the graph prints it: VEN/OPP
        return [actor.upper()]
    found = default_registry().find(actor)
    if not found:
        return [actor.upper()] if len(actor) == 3 else [f"name:{actor.strip().lower()}"]
    return sorted({actor_key({"country": a.country, "sector": a.sector, "actor_id": a.id, "name": a.name}) for a in found})


def node_labels(clusters: Iterable[dict]) -> dict[str, str]:
    """Readable names for node keys: the state's own name where an actor is the state, else the first name seen."""
    import pycountry

    labels: dict[str, str] = {}
    own: set[str] = set()  # keys named by the state's own registry entry
    for c in clusters:
        for a in c["source"] + c["target"]:
            k = actor_key(a)
            if k and (k not in labels or (a.get("actor_id") == k and k not in own)):
                labels[k] = a.get("name") or k
                if a.get("actor_id") == k:
                    own.add(k)
    for k in list(labels):
        code, _, sector = k.partition("/")
        if len(code) == 3 and code.isupper() and (k not in own or sector):
            country = pycountry.countries.get(alpha_3=code)
            base = labels.get(code) if code in own else (getattr(country, "common_name", None) or country.name if country else code)
            labels[k] = f"{base} ({SECTOR_NAMES.get(sector, sector)})" if sector else base
    return labels


def happened(c: dict[str, Any]) -> bool:
    return (c.get("factuality") or "asserted") not in NOT_HAPPENED


def _in_window(c: dict, since: dt.date | None, until: dt.date | None) -> bool:
    day = event_day(c)
    if day is None:
        return since is None and until is None
    if since and day < since.isoformat():
        return False
    if until and day > until.isoformat():
        return False
    return True


# ------------------------------------------------------------------ queries


def relations(clusters: list[dict], at: dt.date | None = None, since: dt.date | None = None,
              window_days: int = 365) -> list[dict[str, Any]]:
    """One row per dyad and relation kind: distinct events, mentions, span, Goldstein sum, and the dyad's net score.

    ``at``: relations as they stood on that date, from events in the ``window_days`` before it.
    ``since``: only events on or after that date.
    """
    until = at
    if at is not None and since is None and window_days:
        since = at - dt.timedelta(days=window_days)
    labels = node_labels(clusters)
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    net: dict[tuple[str, str], float] = defaultdict(float)
    for c in clusters:
        if not happened(c) or not c.get("relation") or not _in_window(c, since, until):
            continue
        for a, b in dyads_of(c):
            e = edges.setdefault((a, b, c["relation"]), {
                "a": a, "b": b, "a_name": labels.get(a, a), "b_name": labels.get(b, b), "relation": c["relation"],
                "events": 0, "mentions": 0, "goldstein": 0.0, "first": None, "last": None, "types": defaultdict(int), "evidence": [],
            })
            e["events"] += 1
            e["mentions"] += c["num_mentions"]
            g = c.get("goldstein") or 0.0
            e["goldstein"] += g
            net[(a, b)] += g
            day = event_day(c)
            if day:
                e["first"] = min(e["first"] or day, day)
                e["last"] = max(e["last"] or day, day)
            e["types"][c["type"]] += 1
            e["evidence"].append({"cluster_id": c["cluster_id"], "date": day, "type": c["type"], "cameo": c["cameo"],
                                  "num_sources": c["num_sources"], "evidence": c["evidence"], "event_id": c["canonical_event_id"]})
    out = []
    for (a, b, _), e in edges.items():
        e["goldstein"] = round(e["goldstein"], 2)
        e["score"] = round(net[(a, b)], 2)
        e["types"] = dict(sorted(e["types"].items()))
        out.append(e)
    out.sort(key=lambda e: (-e["events"], e["a"], e["b"], e["relation"]))
    return out


def dyad_score(rel_rows: list[dict], a: str, b: str) -> float | None:
    for r in rel_rows:
        if {r["a"], r["b"]} == {a, b}:
            return r["score"]
    return None


def period_of(day: str, by: str) -> str:
    if by == "year":
        return day[:4]
    if by == "quarter":
        return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"
    return day[:7]


def dyad_series(clusters: list[dict], a_keys: list[str], b_keys: list[str], by: str = "month") -> list[dict[str, Any]]:
    """Cooperation and conflict between two actors per period: distinct events, mentions, Goldstein sum and mean."""
    if by not in PERIODS:
        raise ValueError(f"--by must be one of {', '.join(PERIODS)}")
    rows: dict[str, dict[str, Any]] = {}
    A, B = set(a_keys), set(b_keys)
    for c in clusters:
        if not happened(c) or not c.get("relation"):
            continue
        if not any((x in A and y in B) or (x in B and y in A) for x, y in dyads_of(c)):
            continue
        day = event_day(c)
        if not day:
            continue
        p = period_of(day, by)
        r = rows.setdefault(p, {"period": p, "cooperation": 0, "conflict": 0, "events": 0, "mentions": 0, "score": 0.0, "clusters": []})
        r[c["relation"]] += 1
        r["events"] += 1
        r["mentions"] += c["num_mentions"]
        r["score"] += c.get("goldstein") or 0.0
        r["clusters"].append(c["cluster_id"])
    out = []
    for p in sorted(rows):
        r = rows[p]
        r["score"] = round(r["score"], 2)
        r["mean_goldstein"] = round(r["score"] / r["events"], 2) if r["events"] else None
        out.append(r)
    return out


def timeline(clusters: list[dict], keys: list[str], actor_ids: list[str] | None = None) -> list[dict[str, Any]]:
    """The distinct events an actor (or its state) took part in, oldest first."""
    K, ids = set(keys), set(actor_ids or [])
    return [c for c in clusters if takes_part(c, K, ids)]


def takes_part(c: dict[str, Any], keys: set[str], actor_ids: set[str]) -> bool:
    """Whether one of the actors of a cluster has one of these node keys or ids."""
    return any(actor_key(a) in keys or (a.get("actor_id") in actor_ids) for a in c["source"] + c["target"])


def to_networkx(clusters: list[dict], **kw):
    """The relation graph as a networkx MultiGraph: one edge per dyad and relation kind (key), scalar attributes only."""
    import networkx as nx

    g = nx.MultiGraph()
    labels = node_labels(clusters)
    for e in relations(clusters, **kw):
        for k in (e["a"], e["b"]):
            if k not in g:
                g.add_node(k, label=labels.get(k, k), country=k.split("/")[0] if len(k.split("/")[0]) == 3 and k.isupper() else "")
        g.add_edge(e["a"], e["b"], key=e["relation"], relation=e["relation"], events=e["events"], mentions=e["mentions"],
                   goldstein=float(e["goldstein"]), score=float(e["score"]), first=e["first"] or "", last=e["last"] or "",
                   types=",".join(f"{t}:{n}" for t, n in e["types"].items()),
                   clusters=",".join(x["cluster_id"] for x in e["evidence"]))
    return g


def with_clusters_as_of(rows: list[dict[str, Any]], clusters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event records with their cluster fields taken from ``clusters`` (the as-of view), not from the full store."""
    by_event = {}
    for c in clusters:
        for m in c["members"]:
            by_event[m["event_id"]] = (c, m)
    for r in rows:
        c, m = by_event.get(r["id"], (None, None))
        r["cluster_id"] = c["cluster_id"] if c else None
        r["num_sources"] = c["num_sources"] if c else None
        r["num_mentions"] = c["num_mentions"] if c else None
        r["main"] = m["main"] if m else None
    return rows
