"""Issue 2's acceptance: the seed articles (read from ../shared) yield the headline events."""

from newsgraph import api


def countries(actors):
    return {a["country"] for a in actors if a["country"]}


def events_of(db, seed_prefix):
    return [e for e in api.events(db=db) if e["doc_id"] and _path(db, e["doc_id"]).split("/")[-1].startswith(seed_prefix)]


_PATHS = {}


def _path(db, doc_id):
    if (db, doc_id) not in _PATHS:
        import duckdb

        con = duckdb.connect(db, read_only=True)
        for did, path in con.execute("select doc_id, source_path from documents").fetchall():
            _PATHS[(db, did)] = path
        con.close()
    return _PATHS[(db, doc_id)]


def find(events, etype, *, both=None, source=None, target=None, evidence=None):
    out = []
    for e in events:
        if e["type"] != etype:
            continue
        if evidence and evidence not in e["evidence"]:
            continue
        if both and not set(both) <= countries(e["source"]) | countries(e["target"]):
            continue
        if source and source not in countries(e["source"]):
            continue
        if target and target not in countries(e["target"]):
            continue
        out.append(e)
    return out


def test_china_venezuela_all_weather_partnership(seed_store):
    evs = events_of(seed_store, "002")
    hits = find(evs, "AGREE", both={"CHN", "VEN"}, evidence="all-weather strategic partnership")
    assert hits, [(e["type"], e["trigger"], e["source"], e["target"]) for e in evs]


def test_russia_venezuela_partnership_signed_in_moscow(seed_store):
    evs = events_of(seed_store, "004")
    hits = find(evs, "AGREE", both={"RUS", "VEN"}, evidence="signed a strategic partnership agreement")
    assert hits
    assert any(h["location"] == "Moscow" or "Moscow" in h["evidence"] for h in hits)


def test_us_sanctions_on_pdvsa(seed_store):
    evs = events_of(seed_store, "000")
    hits = find(evs, "SANCTION", source="USA", target="VEN", evidence="Petroleum Corporation")
    assert hits
    assert hits[0]["cameo"].startswith("16")
    assert hits[0]["factuality"] == "asserted"


def test_rosneft_chief_meets_venezuelan_oil_minister(seed_store):
    evs = events_of(seed_store, "003")
    hits = find(evs, "CONSULT", both={"RUS", "VEN"})
    assert hits, [(e["type"], e["trigger"], e["source"], e["target"]) for e in evs]
    assert any("Sechin" in e["evidence"] or "Rosneft" in e["evidence"] for e in hits)


def test_every_seed_yields_events_with_evidence(seed_store):
    for prefix in ("000", "001", "002", "003", "004"):
        evs = events_of(seed_store, prefix)
        assert len(evs) >= 5, prefix
        for e in evs:
            assert e["evidence"] and e["trigger"]
