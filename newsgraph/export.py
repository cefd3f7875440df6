"""`newsgraph export`: the store in the formats other tools read.

| format  | what is written | read it with |
|---|---|---|
| csv     | one row per event mention (the public event fields, actors flattened, cluster fields) | any spreadsheet |
| jsonl   | one public event record per line (as `newsgraph events --format jsonl`) | jq, pandas |
| parquet | the csv columns, written by DuckDB's own `COPY ... (FORMAT parquet)` | DuckDB, pandas, Spark |
| graphml | the relation graph (networkx MultiGraph: one edge per dyad and relation kind) | Gephi, networkx, igraph |
| gexf    | the same graph in GEXF | Gephi |
| ftm     | FollowTheMoney entities, one JSON object per line: actors (Person, Company, PublicBody, Organization, LegalEntity), Article per document, Event per cluster, UnknownLink between source and target, Sanction for SANCTION events, Documentation linking article and event | Aleph, `ftm` tools, the followthemoney library |
| gdelt   | one row per cluster in the 61 columns of the GDELT 2.0 event table, tab-separated, with a header row | GDELT tooling, DuckDB `read_csv(..., delim='\\t')` |

GDELT 2.0 column mapping (columns not listed are left empty: newsgraph has no
geocoding, ethnicity, religion or tone):

- GlobalEventID: the first 15 hex digits of the cluster id as an integer
- Day, MonthYear, Year, FractionDate: the cluster's date (else first publication), as GDELT writes them
- Actor1*/Actor2*: the first source / target actor. Actor1Code = ISO3 country + CAMEO sector
  ("VENGOV"); Actor1Name upper-cased name; Actor1CountryCode ISO3; Actor1Type1Code sector
- IsRootEvent: 1 when the event is the main event (headline and lead) of a report, else 0
- EventCode: the CAMEO code; EventBaseCode its first 3 digits; EventRootCode its first 2
- QuadClass: CAMEO root 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4
- GoldsteinScale: the CAMEO code's Goldstein weight (data/ontology/cameo.yaml)
- NumMentions: mentions in the cluster; NumSources: distinct outlets; NumArticles: distinct documents
- DATEADDED: first publication date as YYYYMMDDHHMMSS (time 000000)
- SOURCEURL: URL of the first report (else its doc id)
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from .errors import NewsgraphError

FORMATS = ("csv", "jsonl", "parquet", "graphml", "gexf", "ftm", "gdelt")

GDELT_COLUMNS = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{f}" for n in (1, 2) for f in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                                "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{p}Geo_{f}" for p in ("Actor1", "Actor2", "Action") for f in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
assert len(GDELT_COLUMNS) == 61

EVENT_COLUMNS = [
    "id", "date", "date_precision", "date_text", "type", "mode", "context", "cameo", "source", "source_countries",
    "target", "target_countries", "factuality", "attribution", "quantities", "trigger", "evidence", "confidence",
    "cluster_id", "num_sources", "num_mentions", "main", "outlet", "url", "published", "title", "doc_id",
]


def export(store, fmt: str, out: str, as_of: dt.date | None = None) -> int:
    """Write ``fmt`` to ``out``; returns the number of rows, entities or edges written."""
    if fmt not in FORMATS:
        raise NewsgraphError(f"--format {fmt!r}: use one of {', '.join(FORMATS)}")
    parent = Path(out).resolve().parent
    if not parent.is_dir():
        raise NewsgraphError(f"{out}: folder {parent} does not exist")
    if fmt in ("csv", "jsonl", "parquet"):
        rows = store.events(published_until=as_of)
        if as_of is not None:
            from .graph import load_clusters, with_clusters_as_of

            rows = with_clusters_as_of(rows, load_clusters(store, as_of=as_of))
        if fmt == "jsonl":
            with open(out, "w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            return len(rows)
        flat = [flatten_event(r) for r in rows]
        if fmt == "csv":
            write_csv(out, flat, EVENT_COLUMNS)
        else:
            write_parquet(out, flat)
        return len(flat)
    from .graph import load_clusters

    clusters = load_clusters(store, as_of=as_of)
    if fmt in ("graphml", "gexf"):
        import networkx as nx

        from .graph import to_networkx

        g = to_networkx(clusters)
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(g, out)
        return g.number_of_edges()
    if fmt == "gdelt":
        rows = [gdelt_row(c) for c in clusters]
        write_csv(out, rows, GDELT_COLUMNS, delimiter="\t")
        return len(rows)
    entities = ftm_entities(clusters)
    with open(out, "w", encoding="utf-8") as f:
        for e in entities:
            f.write(json.dumps(e, ensure_ascii=False) + "\n")
    return len(entities)


# ------------------------------------------------------------------ tables


def _actors_text(actors: list[dict]) -> str:
    return "; ".join(a.get("name") or "" for a in actors)


def flatten_event(r: dict[str, Any]) -> dict[str, Any]:
    flat = {k: r.get(k) for k in EVENT_COLUMNS}
    flat["source"] = _actors_text(r["source"])
    flat["target"] = _actors_text(r["target"])
    flat["source_countries"] = ";".join(sorted({a["country"] for a in r["source"] if a.get("country")}))
    flat["target_countries"] = ";".join(sorted({a["country"] for a in r["target"] if a.get("country")}))
    flat["quantities"] = "; ".join(q["text"] for q in r["quantities"])
    return flat


def write_csv(out: str, rows: list[dict], columns: list[str], delimiter: str = ",") -> None:
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore", delimiter=delimiter)
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if r.get(k) is None else r[k]) for k in columns})


PARQUET_TYPES = {"date": "DATE", "published": "DATE", "confidence": "DOUBLE", "num_sources": "INTEGER", "num_mentions": "INTEGER", "main": "BOOLEAN"}


def write_parquet(out: str, rows: list[dict]) -> None:
    """Parquet through DuckDB's own writer (no pyarrow needed): rows into an in-memory table, then COPY."""
    import duckdb

    con = duckdb.connect()
    try:
        cols = ", ".join(f'"{c}" {PARQUET_TYPES.get(c, "VARCHAR")}' for c in EVENT_COLUMNS)
        con.execute(f"CREATE TABLE events ({cols})")
        if rows:
            con.executemany(f"INSERT INTO events VALUES ({','.join('?' * len(EVENT_COLUMNS))})",
                            [[r.get(c) for c in EVENT_COLUMNS] for r in rows])
        path = out.replace("'", "''")
        con.execute(f"COPY events TO '{path}' (FORMAT parquet)")
    finally:
        con.close()


# ------------------------------------------------------------------ GDELT 2.0


def _num_id(cluster_id: str) -> int:
    return int(re.sub(r"[^0-9a-f]", "", cluster_id)[:15] or "0", 16)


def _actor_cols(n: int, actors: list[dict]) -> dict[str, Any]:
    if not actors:
        return {}
    a = actors[0]
    country, sector = a.get("country") or "", a.get("sector") or ""
    code = (country + sector) or (a.get("actor_id") or "").upper()
    return {f"Actor{n}Code": code, f"Actor{n}Name": (a.get("name") or "").upper(), f"Actor{n}CountryCode": country,
            f"Actor{n}Type1Code": sector, f"Actor{n}KnownGroupCode": "IGO" if a.get("kind") == "igo" else ""}


def gdelt_row(c: dict[str, Any]) -> dict[str, Any]:
    from .graph import event_day

    day = event_day(c)
    d = dt.date.fromisoformat(day) if day else None
    cameo = c.get("cameo") or ""
    root = cameo[:2]
    quad = ""
    if root.isdigit():
        r = int(root)
        quad = 1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4
    first = c["members"][0] if c["members"] else {}
    row = {
        "GlobalEventID": _num_id(c["cluster_id"]),
        "Day": d.strftime("%Y%m%d") if d else "",
        "MonthYear": d.strftime("%Y%m") if d else "",
        "Year": d.year if d else "",
        "FractionDate": f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}" if d else "",
        "IsRootEvent": int(c.get("main", False)),
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": root,
        "QuadClass": quad,
        "GoldsteinScale": c.get("goldstein") if c.get("goldstein") is not None else "",
        "NumMentions": c["num_mentions"],
        "NumSources": c["num_sources"],
        "NumArticles": c.get("num_docs") or len({m["doc_id"] for m in c["members"]}),
        "DATEADDED": (c["first_seen"] or "").replace("-", "") + "000000" if c.get("first_seen") else "",
        "SOURCEURL": first.get("url") or first.get("doc_id") or "",
    }
    row.update(_actor_cols(1, c["source"]))
    row.update(_actor_cols(2, c["target"]))
    return row


# ------------------------------------------------------------------ FollowTheMoney

FTM_SCHEMA = {"person": "Person", "company": "Company", "government": "PublicBody", "organisation": "Organization",
              "igo": "Organization", "group": "Organization", "media": "Organization", "state": "LegalEntity"}


def _iso2(code: str | None) -> str | None:
    if not code:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_3=code)
    return c.alpha_2.lower() if c else None


def _is_alias(text: str | None, name: str | None) -> bool:
    """A name-like surface form worth keeping as an alias ("Caracas", "Maduro"), not "he" or "the two sides"."""
    if not text or text == name or not text[0].isupper() or len(text) < 3:
        return False
    return text.split()[0].lower() not in {"he", "she", "it", "its", "his", "her", "they", "their", "the", "this", "that", "both", "a", "an", "any"}


class FtmEntity:
    """A FollowTheMoney entity as its JSON form (id, schema, properties): written without the library, validated with it in the tests."""

    def __init__(self, schema: str, *key: str):
        self.schema = schema
        self.id = hashlib.sha1(":".join(("newsgraph",) + key).encode("utf-8")).hexdigest()
        self.properties: dict[str, list[str]] = {}

    def add(self, prop: str, values) -> None:
        if values is None:
            return
        for v in values if isinstance(values, (list, tuple, set)) else [values]:
            if v is None or v == "":
                continue
            v = str(v)
            have = self.properties.setdefault(prop, [])
            if v not in have:
                have.append(v)

    def first(self, prop: str) -> str | None:
        vals = self.properties.get(prop)
        return vals[0] if vals else None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "schema": self.schema, "properties": {k: v for k, v in self.properties.items() if v}}


def ftm_entities(clusters: list[dict]) -> list[dict[str, Any]]:
    """FollowTheMoney entity dicts for actors, articles, events and their links (schema names and properties of FtM 4)."""
    entities: dict[str, FtmEntity] = {}

    def put(e: FtmEntity) -> FtmEntity:
        return entities.setdefault(e.id, e)

    def actor(a: dict) -> str | None:
        key = a.get("actor_id") or (a.get("name") or "").strip().lower()
        if not key:
            return None
        e = FtmEntity(FTM_SCHEMA.get(a.get("kind") or "", "LegalEntity"), "actor", key)
        if e.id not in entities:
            e.add("name", a.get("name"))
            e.add("country", _iso2(a.get("country")))
            if a.get("actor_id"):
                e.add("notes", f"newsgraph actor id: {a['actor_id']}")
            put(e)
        if _is_alias(a.get("text"), a.get("name")):
            entities[e.id].add("alias", a["text"])
        return e.id

    def article(m: dict) -> str:
        e = FtmEntity("Article", "doc", m["doc_id"])
        if e.id not in entities:
            e.add("title", m.get("title") or m["doc_id"])
            e.add("publisher", m.get("outlet"))
            e.add("sourceUrl", m.get("url"))
            e.add("publishedAt", m.get("published"))
            e.add("contentHash", m["doc_id"])
            put(e)
        return e.id

    for c in clusters:
        src = [x for x in (actor(a) for a in c["source"]) if x]
        tgt = [x for x in (actor(a) for a in c["target"]) if x]
        docs = sorted({article(m) for m in c["members"]})
        day = c.get("date") or c.get("first_seen")
        ev = FtmEntity("Event", "cluster", c["cluster_id"])
        names = lambda ids: ", ".join(entities[i].first("name") or "" for i in ids)  # noqa: E731
        ev.add("name", f"{c['type']}: {names(src) or '?'} -> {names(tgt) or '?'}")
        ev.add("summary", c.get("evidence"))
        ev.add("date", day)
        ev.add("keywords", [c["type"], f"CAMEO {c['cameo']}" if c.get("cameo") else None])
        ev.add("organizer", src)
        ev.add("involved", src + tgt)
        ev.add("country", [_iso2(a.get("country")) for a in c["source"] + c["target"]])
        ev.add("publisher", c.get("outlets"))
        ev.add("sourceUrl", [m["url"] for m in c["members"] if m.get("url")])
        ev.add("recordId", c["cluster_id"])
        put(ev)
        for d in docs:
            link = FtmEntity("Documentation", "doc-event", d, ev.id)
            link.add("document", d)
            link.add("entity", ev.id)
            link.add("role", "reports")
            put(link)
        for s in src:
            for t in tgt:
                if s == t:
                    continue
                if c["type"] == "SANCTION" and (c.get("factuality") or "asserted") in ("asserted", "reported"):
                    sanc = FtmEntity("Sanction", "sanction", c["cluster_id"], s, t)
                    sanc.add("entity", t)
                    sanc.add("authority", entities[s].first("name"))
                    sanc.add("startDate", day)
                    sanc.add("summary", c.get("evidence"))
                    sanc.add("proof", docs)
                    put(sanc)
                link = FtmEntity("UnknownLink", "link", c["cluster_id"], s, t)
                link.add("subject", s)
                link.add("object", t)
                link.add("role", f"{c['type']} ({c['relation']})" if c.get("relation") else c["type"])
                link.add("date", day)
                link.add("summary", c.get("evidence"))
                link.add("proof", docs)
                put(link)
    return [e.to_dict() for e in entities.values()]


def default_out(fmt: str) -> str:
    ext = {"gdelt": "tsv", "ftm": "ftm.json"}.get(fmt, fmt)
    return os.path.join(os.getcwd(), f"newsgraph.{ext}")
