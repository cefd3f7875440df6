"""The relation graph, the queries over it, and the exports opened by their consumers."""

import csv
import json

import duckdb
import pytest
from click.testing import CliRunner

from newsgraph import api
from newsgraph.cli import main
from newsgraph.export import GDELT_COLUMNS


def invoke(*args):
    r = CliRunner().invoke(main, [str(a) for a in args])
    assert r.exit_code == 0, r.output
    return r.output


def _edges(rows, a, b):
    return {r["relation"]: r for r in rows if {r["a"], r["b"]} == {a, b}}


def test_venezuela_edges_on_seeds_and_examples(corpus_store):
    rows = api.relations(db=corpus_store)
    for other, kind in (("CHN", "cooperation"), ("RUS", "cooperation"), ("USA", "conflict")):
        edges = _edges(rows, "VEN", other)
        assert kind in edges, f"no {kind} edge VEN-{other}"
        e = edges[kind]
        assert e["events"] >= 2 and e["events"] == len(e["evidence"])
        assert all(ev["cluster_id"] and ev["evidence"] and ev["event_id"] for ev in e["evidence"])
        net = e["score"]
        assert (net > 0) if kind == "cooperation" else (net < 0), f"VEN-{other} score {net}"
        assert e["events"] > edges.get("conflict" if kind == "cooperation" else "cooperation", {"events": 0})["events"]


def test_edges_count_events_not_mentions(corpus_store):
    rus = _edges(api.relations(db=corpus_store), "VEN", "RUS")["cooperation"]
    assert rus["mentions"] > rus["events"]  # the treaty reported three times counts once


def test_relations_at_and_since(corpus_store):
    early = api.relations(db=corpus_store, at="2024-01-01")
    assert all(r["last"] <= "2024-01-01" for r in early)
    late = api.relations(db=corpus_store, since="2025-01-01")
    assert late and all(r["first"] >= "2025-01-01" for r in late)
    assert not _edges(api.relations(db=corpus_store, as_of="2025-05-07"), "VEN", "RUS").get("cooperation", {}).get("evidence") or all(
        ev["date"] <= "2025-05-08" for ev in _edges(api.relations(db=corpus_store, as_of="2025-05-07"), "VEN", "RUS")["cooperation"]["evidence"])


def test_dyad_series_and_timeline(corpus_store):
    by_q = api.dyad(db=corpus_store, a="Venezuela", b="United States", by="quarter")
    assert by_q and all(r["period"][4:6] == "-Q" for r in by_q)
    assert sum(r["conflict"] for r in by_q) > sum(r["cooperation"] for r in by_q)
    by_y = api.dyad(db=corpus_store, a="VEN", b="USA", by="year")
    assert sum(r["events"] for r in by_y) == sum(r["events"] for r in by_q)
    tl = api.timeline(db=corpus_store, actor="Rosneft")
    assert tl and all(any(a.get("country") == "RUS" or a.get("actor_id") == "rosneft" for a in c["source"] + c["target"]) for c in tl)
    out = invoke("timeline", "Venezuela", "--db", corpus_store, "--format", "json")
    assert json.loads(out)
    out = invoke("dyad", "VEN", "CHN", "--db", corpus_store, "--by", "year", "--format", "csv")
    assert out.startswith("period,")
    assert "cooperation" in invoke("relations", "--db", corpus_store, "--at", "2025-06-01")


def test_timeline_and_dyad_read_only_their_clusters_and_match_the_full_scan(corpus_store):
    """Narrowed in SQL (keys, ids, dates, a limit) and filtered exactly after: the same as filtering every cluster."""
    from newsgraph import graph
    from newsgraph.store import Store

    with Store(corpus_store, read_only=True) as s:
        every = graph.load_clusters(s)
    assert len(every) > 20
    checked = 0
    for actor in ("Venezuela", "Rosneft", "PDVSA", "United States", "China", "Maduro"):
        ids, _ = api.resolve_actor_filter(actor)
        want = graph.timeline(every, graph.node_key(actor), ids)
        got = api.timeline(db=corpus_store, actor=actor)
        assert [c["cluster_id"] for c in got] == [c["cluster_id"] for c in want]
        assert got == want  # members included
        assert api.timeline(db=corpus_store, actor=actor, limit=3) == want[:3]
        days = sorted({graph.event_day(c) for c in want if graph.event_day(c)})
        if len(days) > 2:
            lo, hi = days[1], days[-2]
            window = [c for c in want if lo <= (graph.event_day(c) or "") <= hi]
            assert api.timeline(db=corpus_store, actor=actor, since=lo, until=hi) == window
        checked += bool(want)
    assert checked >= 4
    for a, b in (("VEN", "USA"), ("Venezuela", "China"), ("Rosneft", "PDVSA"), ("RUS", "CHN")):
        assert api.dyad(db=corpus_store, a=a, b=b) == graph.dyad_series(every, graph.node_key(a), graph.node_key(b))


def test_narrowing_reads_an_actors_own_events_when_its_stored_key_differs(corpus_store):
    """An actor coded under another country or sector than the registry now gives (the registry changed since)."""
    from newsgraph import graph
    from newsgraph.store import Store

    with Store(corpus_store, read_only=True) as s:
        every = graph.load_clusters(s)
        ids = {a["actor_id"] for c in every for a in c["source"] + c["target"] if a.get("actor_id") == "pdvsa"}
        assert ids
        keys = {"ZZZ"}  # a key no stored actor has: only the ids can match
        want = [c for c in every if graph.takes_part(c, keys, ids)]
        got = graph.load_clusters(s, touching=[(sorted(keys), sorted(ids))], keep=lambda c: graph.takes_part(c, keys, ids))
        assert want and got == want
        assert graph.load_clusters(s, touching=[(sorted(keys), sorted(ids))], keep=lambda c: graph.takes_part(c, keys, ids), limit=2) == want[:2]


def test_events_clusters_flag(corpus_store):
    rows = json.loads(invoke("events", "--clusters", "--db", corpus_store, "--format", "json"))
    assert rows and all({"cluster_id", "num_sources", "num_mentions", "members", "outlets", "disagreements"} <= set(r) for r in rows)
    events = json.loads(invoke("events", "--db", corpus_store, "--format", "json"))
    assert sum(r["num_mentions"] for r in rows) == len(events)
    assert "events (clusters)" in invoke("events", "--clusters", "--db", corpus_store)


@pytest.fixture(scope="module")
def exports(corpus_store, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    paths = {}
    for fmt, ext in (("csv", "csv"), ("jsonl", "jsonl"), ("parquet", "parquet"), ("graphml", "graphml"), ("gexf", "gexf"),
                     ("ftm", "ftm.json"), ("gdelt", "tsv")):
        paths[fmt] = out / f"x.{ext}"
        invoke("export", "--db", corpus_store, "--format", fmt, "--out", paths[fmt])
    return paths


def test_graphml_and_gexf_open_in_networkx(exports):
    import networkx as nx

    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        g = reader(exports[fmt])
        assert g.number_of_edges() > 0 and "VEN" in g
        kinds = {d["relation"] for _, _, d in g.edges("VEN", data=True)}
        assert kinds == {"cooperation", "conflict"}


def test_parquet_csv_jsonl_hold_every_event(exports, corpus_store):
    n = len(api.events(db=corpus_store))
    con = duckdb.connect()
    assert con.execute(f"SELECT count(*) FROM read_parquet('{exports['parquet']}')").fetchone()[0] == n
    assert con.execute(f"SELECT count(DISTINCT cluster_id) FROM read_parquet('{exports['parquet']}')").fetchone()[0] == len(api.clusters(db=corpus_store))
    with open(exports["csv"], encoding="utf-8") as f:
        assert len(list(csv.DictReader(f))) == n
    lines = exports["jsonl"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == n and "cluster_id" in json.loads(lines[0])


def test_ftm_entities_validate(exports):
    model = pytest.importorskip(
        "followthemoney", reason="followthemoney (extra 'ftm') needs PyICU built from source; .ci/run installs it when it can"
    ).model

    entities = [json.loads(line) for line in exports["ftm"].read_text(encoding="utf-8").splitlines()]
    ids = {e["id"] for e in entities}
    schemata = {e["schema"] for e in entities}
    assert {"Event", "Article", "Documentation", "UnknownLink", "Sanction"} <= schemata
    for e in entities:
        proxy = model.get_proxy(e)
        assert model.get(e["schema"]).validate(e) is None, e
        for prop, values in proxy.properties.items():
            if proxy.schema.get(prop).type.name == "entity":
                assert set(values) <= ids, (e["schema"], prop)  # every link points at an exported entity


def test_gdelt_table_loads_with_its_columns(exports, corpus_store):
    cur = duckdb.connect().execute(f"SELECT * FROM read_csv('{exports['gdelt']}', delim='\t', header=true, all_varchar=true)")
    assert [d[0] for d in cur.description] == GDELT_COLUMNS
    rows = cur.fetchall()
    assert len(rows) == len(api.clusters(db=corpus_store))
    col = {c: i for i, c in enumerate(GDELT_COLUMNS)}
    treaty = [r for r in rows if r[col["EventRootCode"]] == "05" or r[col["EventRootCode"]] == "03"]
    assert any(int(r[col["NumSources"]]) >= 3 for r in treaty)  # the Moscow treaty: three outlets and the undated seed
    assert all(r[col["QuadClass"]] in ("1", "2", "3", "4") for r in rows if r[col["EventCode"]])
