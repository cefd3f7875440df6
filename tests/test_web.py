"""The web UI and JSON API, driven through the real app (FastAPI TestClient) over a real store."""

import json

import duckdb
import pytest
from fastapi.testclient import TestClient

from newsgraph import api
from newsgraph.web import create_app

from .conftest import EXAMPLES

HOSTILE = """---
title: "<script>alert('t')</script> Hostile headline"
outlet: "Evil <img src=x onerror=alert(1)> Outlet"
url: "javascript:alert(2)"
published: 2024-02-02
---
Russia and Venezuela signed an agreement <script>alert(3)</script> in Moscow on Tuesday, officials said.
The <b onmouseover="alert(4)">Venezuelan</b> government condemned the sanctions imposed by Washington.
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory, resources):
    d = tmp_path_factory.mktemp("web")
    (d / "hostile.md").write_text(HOSTILE)
    db = str(d / "web.duckdb")
    report = api.ingest([str(EXAMPLES), str(d / "hostile.md")], db=db, resources=resources)
    assert report.failed == 0
    return TestClient(create_app(db)), db


@pytest.mark.parametrize("path", ["/", "/events", "/events?type=SANCTION", "/actors/VEN", "/docs", "/openapi.json"])
def test_pages_load(client, path):
    c, _ = client
    r = c.get(path)
    assert r.status_code == 200, r.text[:300]


def test_every_page_has_a_json_twin_with_the_same_data(client):
    c, _ = client
    o = c.get("/api/overview").json()
    assert o["documents"] == 11 and o["events"] > 30 and o["events_by_type"]
    html = c.get("/").text
    assert f"<strong>{o['events']}</strong> events" in html
    page = c.get("/api/events", params={"type": "SANCTION", "size": 5}).json()
    assert page["total"] >= 1 and all(e["type"] == "SANCTION" for e in page["events"])
    e = page["events"][0]
    one = c.get(f"/api/events/{e['id']}").json()
    assert one["id"] == e["id"] and one["evidence_parts"]
    assert e["evidence"] in "".join(p["text"] for p in one["evidence_parts"])
    actor = c.get("/api/actors/VEN").json()
    assert actor["name"] == "Venezuela" and actor["events"] > 5 and actor["timeline"]
    schema = c.get("/openapi.json").json()
    assert {"/api/overview", "/api/events", "/api/events/{event_id}", "/api/actors/{actor_id}"} <= set(schema["paths"])


def test_filters_sort_and_pages(client):
    c, _ = client
    all_ = c.get("/api/events", params={"size": 500}).json()
    p1 = c.get("/api/events", params={"size": 5, "page": 1, "sort": "date", "order": "desc"}).json()
    p2 = c.get("/api/events", params={"size": 5, "page": 2, "sort": "date", "order": "desc"}).json()
    assert p1["total"] == all_["total"] and p1["pages"] == -(-all_["total"] // 5)
    assert not {e["id"] for e in p1["events"]} & {e["id"] for e in p2["events"]}
    dates = [e["date"] or e["published"] for e in p1["events"] + p2["events"]]
    assert dates == sorted(dates, reverse=True)
    q = c.get("/api/events", params={"q": "Moscow"}).json()
    assert q["total"] and all("moscow" in e["evidence"].lower() for e in q["events"])
    f = c.get("/api/events", params={"factuality": "reported"}).json()
    assert all(e["factuality"] == "reported" for e in f["events"])
    assert c.get("/api/events", params={"sort": "evidence; DROP TABLE events"}).status_code == 422
    assert c.get("/api/events", params={"since": "yesterday-ish"}).status_code == 422


def test_article_markup_is_shown_as_text_never_run(client):
    c, db = client
    ev = c.get("/api/events", params={"q": "signed an agreement", "size": 50}).json()["events"]
    hostile = [e for e in ev if "<script>" in e["evidence"]]
    assert hostile
    pages = [c.get(f"/events/{hostile[0]['id']}").text, c.get("/events", params={"q": "alert"}).text, c.get("/").text]
    for html in pages:
        assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html
        assert "javascript:alert" not in html.replace("javascript:alert(2)", "")  or 'href="javascript:' not in html
        assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in pages[0]
    assert "script-src 'self'" in c.get("/").headers["content-security-policy"]


@pytest.mark.parametrize("path", [
    "/events/..%2F..%2F..%2Fetc%2Fpasswd", "/api/events/' OR '1'='1", "/actors/..%2Fnewsgraph.duckdb",
    "/api/actors/VEN'; DROP TABLE events; --", "/static/..%2F..%2Fstore.py", "/static/../app.py",
])
def test_hostile_parameters_reach_neither_files_nor_sql(client, path):
    c, db = client
    r = c.get(path)
    assert r.status_code in (404, 422)
    assert "root:" not in r.text and "import " not in r.text
    con = duckdb.connect(db, read_only=True)
    assert con.execute("select count(*) from events").fetchone()[0] > 0
    con.close()


def test_hostile_filter_values_are_just_text(client):
    c, _ = client
    for value in ["' OR 1=1 --", "%", "_", "VEN\"); DROP TABLE events;--", "../../etc/passwd"]:
        for key in ("actor", "q", "outlet", "type"):
            r = c.get("/api/events", params={key: value})
            assert r.status_code == 200, (key, value, r.text[:200])
            # wildcards are literal: only "%" itself can match ("25% tariffs" is in the corpus)
            assert r.json()["total"] == 0 or (key == "q" and value == "%")


def test_read_only_server_refuses_writes(client):
    c, db = client
    before = duckdb.connect(db, read_only=True).execute("select count(*) from documents").fetchone()[0]
    for method, path in [("post", "/api/events"), ("put", "/api/events/x"), ("delete", "/api/events/x"), ("post", "/api/ingest"), ("post", "/")]:
        r = c.request(method.upper(), path, content=json.dumps({"text": "x"}))
        assert r.status_code in (404, 405), (method, path, r.status_code)
    after = duckdb.connect(db, read_only=True).execute("select count(*) from documents").fetchone()[0]
    assert before == after


def test_allow_ingest_goes_through_the_same_ingest_path(tmp_path, resources):
    db = str(tmp_path / "rw.duckdb")
    c = TestClient(create_app(db, allow_ingest=True))
    files = [
        ("files", ("../../etc/evil name.md", b"---\noutlet: Upload Wire\npublished: 2024-03-04\n---\nRussia and Venezuela signed an energy agreement in Moscow.", "text/markdown")),
        ("files", ("broken.jsonl", b'{"text": "China sent oil to Cuba."}\n{oops\n', "application/json")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    r = c.post("/api/ingest", files=files, data={"text": "The U.S. Treasury imposed sanctions on PDVSA.", "outlet": "Pasted Times", "published": "2019-01-28"})
    assert r.status_code == 207, r.text
    out = r.json()
    assert (out["read"], out["stored"], out["failed"]) == (3, 3, 2)
    assert {(e["file"], e["line"]) for e in out["errors"]} == {("broken.jsonl", 2), ("empty.txt", None)}
    assert not list((tmp_path / "etc").glob("*")) if (tmp_path / "etc").exists() else True
    outlets = {e["outlet"] for e in c.get("/api/events", params={"size": 100}).json()["events"]}
    assert {"Upload Wire", "Pasted Times"} <= outlets
    page = c.get("/ingest")
    assert page.status_code == 200 and 'enctype="multipart/form-data"' in page.text
    assert c.post("/api/ingest", data={"text": "  "}).status_code == 422


def test_dyad_network_sources_pages_and_twins(client):
    c, _ = client
    d = c.get("/api/dyad", params={"a": "VEN", "b": "USA", "by": "year"}).json()
    assert d["periods"] and all({"period", "score", "events"} <= set(p) for p in d["periods"])
    assert sum(p["events"] for p in d["periods"]) >= len({e["cluster_id"] for e in d["events"]}) > 0
    html = c.get("/dyad", params={"a": "VEN", "b": "USA", "by": "year"}).text
    assert "<svg" in html and all(f'id="p-{p["period"]}"' in html for p in d["periods"])
    assert c.get("/api/dyad", params={"a": "VEN", "b": "USA", "by": "decade"}).status_code == 422
    net = c.get("/api/network").json()["relations"]
    assert any({r["a"], r["b"]} == {"VEN", "RUS"} and r["relation"] == "cooperation" for r in net)
    page = c.get("/network").text
    assert 'href="/dyad?a=' in page and "<line" in page
    src = c.get("/api/sources").json()
    assert {"Orinoco Press Service", "The Free Hemisphere Review"} <= {s["outlet"] for s in src}
    fr = c.get("/api/framing", params={"actor": "Maduro"}).json()
    assert len(fr["outlets"]) >= 3
    assert "How outlets frame an actor" in c.get("/sources", params={"actor": "Maduro"}).text
