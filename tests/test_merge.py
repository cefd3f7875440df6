"""Cross-document merging: compatibility rules, order independence, incremental = fresh, salience, eval merge."""

import datetime as dt
import json
import random
from pathlib import Path

import duckdb
import pytest

from newsgraph import api
from newsgraph.merge import Mention, cluster_mentions, date_interval, incompatible, mention_from_row

from .conftest import EXAMPLES, ROOT

D = dt.date


def row(event_id, doc_id, type="AGREE", source=("VEN",), target=("RUS",), date=D(2025, 5, 8), precision="published",
        published=D(2025, 5, 8), factuality="asserted", quantities=(), evidence="Venezuela and Russia signed a treaty.",
        outlet=None, cameo="057"):
    def actor(c):  # "VEN", or "TUR/REB": an armed group of that country
        country, _, sector = c.partition("/")
        return {"name": c, "actor_id": c, "country": country, "sector": sector or None, "kind": "group" if sector else "state"}
    return {
        "event_id": event_id, "doc_id": doc_id, "type": type, "mode": None, "context": None, "cameo": cameo,
        "date": date, "date_precision": precision, "date_text": None, "factuality": factuality, "attribution": None,
        "evidence": evidence, "trigger": "signed", "sentence": 0, "confidence": 0.6,
        "source_json": json.dumps([actor(c) for c in source]), "target_json": json.dumps([actor(c) for c in target]),
        "quantities_json": json.dumps([{"normalized_unit": q[0], "normalized_value": q[1], "text": str(q[1]), "qualifier": q[2] if len(q) > 2 else None}
                                       for q in quantities]),
        "outlet": outlet or f"outlet-{doc_id}", "url": None, "published": published, "title": None,
    }


def m(*args, main=False, **kw) -> Mention:
    out = mention_from_row(row(*args, **kw))
    out.is_main = main
    return out


def test_date_intervals_follow_precision():
    assert date_interval(D(2025, 5, 8), "published", D(2025, 5, 8)) == (D(2025, 5, 1), D(2025, 5, 8))
    assert date_interval(D(2025, 5, 7), "day", D(2025, 5, 8)) == (D(2025, 5, 7), D(2025, 5, 7))
    assert date_interval(D(2025, 5, 1), "month", None) == (D(2025, 5, 1), D(2025, 5, 31))
    assert date_interval(D(2025, 2, 1), "quarter", None) == (D(2025, 1, 1), D(2025, 3, 31))
    assert date_interval(D(2025, 6, 1), "year", None) == (D(2025, 1, 1), D(2025, 12, 31))
    assert date_interval(None, None, None) == (None, None)


def test_compatible_reports_of_one_event():
    a = m("a", "d1", precision="day", date=D(2025, 5, 7))
    b = m("b", "d2", source=("RUS", "VEN"), target=())  # "Russia and Venezuela signed" published the next day
    assert incompatible(a, b) is None
    c = m("c", "d3", precision="month", date=D(2025, 5, 1), published=D(2025, 6, 2))  # "in May", told a month later
    assert incompatible(a, c) is None


def test_what_keeps_events_apart():
    base = m("a", "d1", type="SANCTION", source=("USA",), target=("VEN",), precision="day", date=D(2025, 4, 8))
    assert incompatible(base, m("b", "d2", type="SANCTION", source=("USA",), target=("VEN",), precision="day", date=D(2025, 5, 6))) == "date"
    assert incompatible(base, m("c", "d2", type="SANCTION", source=("USA",), target=("IRN",), precision="day", date=D(2025, 4, 8))) == "actors"
    assert incompatible(base, m("d", "d2", type="SANCTION", source=("VEN",), target=("USA",), precision="day", date=D(2025, 4, 8))) == "direction"
    assert incompatible(base, m("e", "d2", type="THREATEN", source=("USA",), target=("VEN",))) == "type"
    threat = m("f", "d2", type="SANCTION", source=("USA",), target=("VEN",), factuality="threatened", precision="day", date=D(2025, 4, 8))
    assert incompatible(base, threat) == "factuality"
    loan1 = m("g", "d1", type="AID", source=("CHN",), target=("PAK",), quantities=[("USD", 2e9)])
    assert incompatible(loan1, m("h", "d2", type="AID", source=("CHN",), target=("PAK",), quantities=[("USD", 5e9)])) == "quantity"
    assert incompatible(loan1, m("i", "d2", type="AID", source=("CHN",), target=("PAK",), quantities=[("USD", 2.1e9)])) is None
    assert incompatible(m("j", "d1", date=None, published=None), m("k", "d2", date=None, published=None)) == "undated"


def test_related_types_merge_only_when_reports_agree_strongly():
    # "Qatar and Bahrain agreed to restore ties" / "Doha and Manama restored relations", the same day
    agreed = m("a", "d1", type="AGREE", source=("QAT", "BHR"), target=(), precision="day", date=D(2025, 10, 14), main=True)
    restored = m("b", "d2", type="SUPPORT", source=("BHR", "QAT"), target=(), precision="day", date=D(2025, 10, 14), main=True)
    assert incompatible(agreed, restored) is None
    assert incompatible(agreed, m("b2", "d2", type="SUPPORT", source=("BHR", "QAT"), target=(), main=True, date=D(2025, 10, 15), published=D(2025, 10, 15))) is None
    # the same types as background (not the main events) with only a publication date: not enough
    assert incompatible(agreed, m("c", "d3", type="SUPPORT", source=("BHR", "QAT"), target=(), date=D(2025, 10, 15), published=D(2025, 10, 15))) == "type"
    # strong agreement does not bridge unrelated types, other actors or other dates
    assert incompatible(agreed, m("d", "d4", type="SANCTION", source=("BHR", "QAT"), target=(), precision="day", date=D(2025, 10, 14), main=True)) == "type"
    assert incompatible(agreed, m("e", "d5", type="SUPPORT", source=("QAT", "SAU"), target=(), precision="day", date=D(2025, 10, 14), main=True)) == "type"
    assert incompatible(agreed, m("f", "d6", type="SUPPORT", source=("BHR", "QAT"), target=(), precision="day", date=D(2025, 11, 20), main=True)) == "date"
    # within one story two related types stay two events
    assert incompatible(agreed, m("g", "d1", type="SUPPORT", source=("BHR", "QAT"), target=(), precision="day", date=D(2025, 10, 14), main=True)) == "type"


def test_a_pledge_of_aid_and_the_aid_sent_merge_on_strong_agreement_only():
    pledged = m("a", "d1", type="AGREE", source=("JPN",), target=("MAR",), precision="day", date=D(2025, 9, 8), main=True)
    sent = m("b", "d2", type="AID", source=("JPN",), target=("MAR",), date=D(2025, 9, 9), published=D(2025, 9, 9), main=True)
    assert incompatible(pledged, sent) is None
    assert incompatible(pledged, m("c", "d3", type="AID", source=("JPN",), target=("MAR",), date=D(2025, 9, 9), published=D(2025, 9, 9))) == "type"
    # a second tranche four weeks later is another event
    assert incompatible(pledged, m("d", "d4", type="AID", source=("JPN",), target=("MAR",), precision="day", date=D(2025, 10, 6), main=True)) == "date"
    # AID is not in the accord family: aid sent and ties restored never meet
    assert incompatible(sent, m("e", "d5", type="SUPPORT", source=("JPN",), target=("MAR",), date=D(2025, 9, 9), published=D(2025, 9, 9), main=True)) == "type"


def test_an_intention_coded_as_agree_is_a_said_commitment_not_an_unrealised_event():
    """'Japan pledged $10 million' (AGREE, asserted) and 'Japan said it would give 1.5 billion yen' (AGREE recoded from
    an intended AID): one commitment. Unrealised events of other types still differ from realised ones."""
    pledged = m("a", "d1", type="AGREE", source=("JPN",), target=("MAR",), precision="day", date=D(2025, 9, 8), main=True)
    would_give = m("b", "d2", type="AGREE", source=("JPN",), target=("MAR",), precision="day", date=D(2025, 9, 8), main=True,
                   factuality="intended")
    sent = m("c", "d3", type="AID", source=("JPN",), target=("MAR",), date=D(2025, 9, 9), published=D(2025, 9, 9), main=True)
    assert incompatible(pledged, would_give) is None
    assert incompatible(would_give, sent) is None  # on strong agreement, as for the asserted pledge
    maybe = m("d", "d4", type="AID", source=("JPN",), target=("MAR",), date=D(2025, 9, 9), published=D(2025, 9, 9), main=True,
              factuality="hypothetical")
    assert incompatible(sent, maybe) == "factuality"
    planned_aid = m("e", "d5", type="AID", source=("JPN",), target=("MAR",), date=D(2025, 9, 9), published=D(2025, 9, 9), main=True,
                    factuality="intended")
    assert incompatible(sent, planned_aid) == "factuality"


def test_a_floor_or_a_ceiling_is_not_a_different_number():
    def aid(eid, *qs):
        return m(eid, eid, type="AID", source=("JPN",), target=("MAR",), quantities=list(qs))

    ten = aid("a", ("USD", 1e7))
    assert incompatible(ten, aid("b", ("USD", 1e6, "at least"))) is None  # "millions of dollars"
    assert incompatible(ten, aid("c", ("USD", 5e6, "more than"))) is None
    assert incompatible(ten, aid("d", ("USD", 2e7, "up to"))) is None
    assert incompatible(ten, aid("e", ("USD", 5e6, "up to"))) == "quantity"
    assert incompatible(ten, aid("f", ("USD", 2e7, "at least"))) == "quantity"
    assert incompatible(ten, aid("g", ("USD", 5e6))) == "quantity"
    assert incompatible(ten, aid("h", ("USD", 1.1e7, "about"))) is None


def test_a_group_named_where_another_report_names_its_host_state():
    # "Turkish jets strike PKK targets in northern Iraq" / "Turkey bombs Kurdish militant bases in Iraq"
    pkk = m("a", "d1", type="ASSAULT", source=("TUR",), target=("TUR/REB",), precision="day", date=D(2025, 11, 3), main=True)
    iraq = m("b", "d2", type="ASSAULT", source=("TUR",), target=("IRQ",), precision="day", date=D(2025, 11, 3), main=True)
    assert incompatible(pkk, iraq) is None
    # weak agreement (background reports, publication dates only): the targets differ
    weak = m("c", "d3", type="ASSAULT", source=("TUR",), target=("IRQ",), date=D(2025, 11, 4), published=D(2025, 11, 4))
    assert incompatible(m("a2", "d1", type="ASSAULT", source=("TUR",), target=("TUR/REB",), date=D(2025, 11, 4), published=D(2025, 11, 4)), weak) == "actors"
    # two states, or a different attacker, are never looked past
    assert incompatible(iraq, m("d", "d4", type="ASSAULT", source=("TUR",), target=("SYR",), precision="day", date=D(2025, 11, 3), main=True)) == "actors"
    assert incompatible(pkk, m("e", "d5", type="ASSAULT", source=("IRN",), target=("IRQ",), precision="day", date=D(2025, 11, 3), main=True)) == "actors"
    # the opposition acting on the government is not the government acting on the opposition
    opp = m("f", "d6", type="ACCUSE", source=("VEN/OPP",), target=("VEN",), precision="day", date=D(2025, 4, 8), main=True)
    gov = m("g", "d7", type="ACCUSE", source=("VEN",), target=("VEN/OPP",), precision="day", date=D(2025, 4, 8), main=True)
    assert incompatible(opp, gov) is not None
    # clustering finds the pair through its blocking keys (they share no participant key as such)
    protest_civ = m("h", "d8", type="PROTEST", source=("KEN/CVL",), target=(), precision="day", date=D(2025, 6, 25), main=True)
    protest_state = m("i", "d9", type="PROTEST", source=("KEN",), target=(), date=D(2025, 6, 26), published=D(2025, 6, 26), main=True)
    groups = {frozenset(x.event_id for x in members) for _, _, members in cluster_mentions([protest_civ, protest_state, pkk, iraq])}
    assert groups == {frozenset({"h", "i"}), frozenset({"a", "b"})}
    # a domestic report ("Kenyan police dispersed crowds protesting": KEN -> KEN) has no direction to contradict
    # "Kenyans protested against the government" (KEN/CVL -> KEN), and one report may name no target at all
    domestic = m("j", "d10", type="PROTEST", source=("KEN",), target=("KEN",), date=D(2025, 6, 26), published=D(2025, 6, 26), main=True)
    against_gov = m("k", "d11", type="PROTEST", source=("KEN/CVL",), target=("KEN",), precision="day", date=D(2025, 6, 25), main=True)
    assert incompatible(domestic, against_gov) is None
    assert incompatible(domestic, protest_civ) is None
    # but not without strong agreement (neither is its story's main event)
    assert incompatible(m("j2", "d12", type="PROTEST", source=("KEN",), target=("KEN",), date=D(2025, 6, 26), published=D(2025, 6, 26)),
                        m("h2", "d13", type="PROTEST", source=("KEN/CVL",), target=(), date=D(2025, 6, 26), published=D(2025, 6, 26))) == "actors"


def test_clustering_is_a_function_of_the_set():
    ms = [
        m("a1", "d1", precision="day", date=D(2025, 5, 7)),
        m("a2", "d2"),
        m("a3", "d3", source=("RUS", "VEN"), target=()),
        m("b1", "d4", type="SANCTION", source=("USA",), target=("VEN",), evidence="The US imposed sanctions on Venezuela."),
        m("b2", "d5", type="SANCTION", source=("USA",), target=("VEN",), evidence="Washington sanctioned Venezuela's oil sector."),
        m("c1", "d6", date=D(2025, 6, 20), published=D(2025, 6, 20)),  # a later signing between the same pair
    ]
    expected = {frozenset(x.event_id for x in members) for _, _, members in cluster_mentions(ms)}
    assert expected == {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2"}), frozenset({"c1"})}
    for seed in range(5):
        shuffled = ms[:]
        random.Random(seed).shuffle(shuffled)
        assert {frozenset(x.event_id for x in members) for _, _, members in cluster_mentions(shuffled)} == expected


def test_a_vague_report_does_not_chain_two_events():
    # two signings a day-precision week apart, and one undated-in-text report that fits both
    ms = [m("x1", "d1", precision="day", date=D(2025, 5, 2)), m("x2", "d2", precision="day", date=D(2025, 5, 8)),
          m("x3", "d3", published=D(2025, 5, 8))]
    groups = [sorted(x.event_id for x in members) for _, _, members in cluster_mentions(ms)]
    assert ["x1", "x2"] not in groups and not any(len(g) == 3 for g in groups)


# ------------------------------------------------------------------ over a real store


def _clusters_of(db):
    con = duckdb.connect(db, read_only=True)
    rows = con.execute("SELECT cluster_id, list(event_id ORDER BY event_id) FROM cluster_members GROUP BY cluster_id").fetchall()
    recs = con.execute("SELECT * EXCLUDE (component_id) FROM clusters ORDER BY cluster_id").fetchall()
    con.close()
    return {cid: tuple(members) for cid, members in rows}, recs


@pytest.fixture(scope="module")
def fresh_db(corpus_store):
    return corpus_store


def test_incremental_merging_equals_a_fresh_run(fresh_db, tmp_path, resources, seeds_dir):
    db = str(tmp_path / "incremental.duckdb")
    files = sorted(EXAMPLES.glob("*.md"))
    # a different order, in three ingests, one report of the Moscow treaty (02) before the other two (01, 03)
    api.ingest([str(f) for f in [files[1]] + files[4:]], db=db, resources=resources)
    api.ingest([str(seeds_dir)], db=db, resources=resources)
    api.ingest([str(f) for f in [files[0], files[2], files[3]]], db=db, resources=resources)
    assert _clusters_of(db) == _clusters_of(fresh_db)
    api.merge(db=db, rebuild=True)
    assert _clusters_of(db) == _clusters_of(fresh_db)


def test_a_run_that_merges_as_it_goes_equals_one_merge(fresh_db, tmp_path, resources, seeds_dir, monkeypatch):
    # a long run merges every MERGE_EVERY_EVENTS stored events; here after nearly every batch
    from newsgraph.store import Store

    monkeypatch.setattr(api, "MERGE_EVERY_EVENTS", 5)
    calls = []
    real = api._merge_new
    monkeypatch.setattr(api, "_merge_new", lambda store: calls.append(1) or real(store))
    db = str(tmp_path / "stepwise.duckdb")
    api.ingest([str(EXAMPLES), str(seeds_dir)], db=db, resources=resources, batch_size=2)
    assert len(calls) > 3  # merged during the run, not only at its end
    assert _clusters_of(db) == _clusters_of(fresh_db)
    with Store(db, read_only=True) as st:
        assert st.con.execute("SELECT count(*) FROM events WHERE event_id NOT IN (SELECT event_id FROM cluster_members)").fetchone()[0] == 0


def test_three_outlets_one_treaty(fresh_db):
    treaty = [c for c in api.clusters(db=fresh_db, type="AGREE") if len({m["outlet"] for m in c["members"]}) >= 3]
    assert treaty, "the Moscow treaty reported by three outlets should be one cluster"
    c = treaty[0]
    assert c["num_sources"] >= 3 and c["num_mentions"] >= 3
    assert {"Orinoco Press Service", "Meridian Wire", "The Free Hemisphere Review"} <= set(c["outlets"])
    assert {a["country"] for a in c["source"] + c["target"]} >= {"VEN", "RUS"}
    assert c["first_seen"] <= c["last_seen"]


def test_events_carry_cluster_fields_and_salience(fresh_db):
    rows = api.events(db=fresh_db)
    assert rows and all(r["cluster_id"] and r["num_sources"] >= 1 and r["num_mentions"] >= 1 for r in rows)
    by_doc = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], []).append(r)
    for doc_rows in by_doc.values():
        assert sum(1 for r in doc_rows if r["main"]) == 1  # exactly one main event per document
    # the OFAC story's main event is the sanctions it reports, not the background it recalls
    ofac = [r for r in rows if r["main"] and r["outlet"] == "Harbor & Barrel Energy Report"]
    assert ofac and ofac[0]["type"] == "SANCTION"


def test_as_of_sees_only_what_was_published(fresh_db):
    before = api.clusters(db=fresh_db, as_of="2025-05-07")
    assert before and all(m["published"] and m["published"] <= "2025-05-07" for c in before for m in c["members"])
    events_then = api.events(db=fresh_db, as_of="2025-05-07")
    assert len(events_then) == sum(c["num_mentions"] for c in before)
    assert {e["cluster_id"] for e in events_then} == {c["cluster_id"] for c in before}
    assert len(before) < len(api.clusters(db=fresh_db))


def test_eval_merge_on_the_written_set(tmp_path):
    from newsgraph.evaluate.merge import evaluate

    path = ROOT / "bench" / "data" / "merge_eval.jsonl"
    articles = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    events = {}
    for a in articles:
        for e in a["events"]:
            events.setdefault(e, set()).add(a["outlet"])
    assert sum(1 for outlets in events.values() if 3 <= len(outlets) <= 6) >= 8
    out = tmp_path / "report.txt"
    with open(out, "w") as f:
        figures = evaluate(str(path), out=f)
    last = json.loads(out.read_text().strip().splitlines()[-1])
    assert {"pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_f1", "n"} <= set(last)
    # Issue 7's target: P and R >= 0.90 (BENCHMARKS.md: P 1.00, R 0.91 on all 64 articles; the misses are two
    # articles whose main event the coder gets wrong: "refinery hit by US sanctions" as FIGHT, "thanked Japan for aid")
    assert figures["pairwise_precision"] >= 0.9
    assert figures["pairwise_recall"] >= 0.9
    assert figures["main_event_coverage"] >= 0.95  # titles are coded: a story told only in its headline has a main event


def test_cluster_record_counts_and_disagreements():
    from newsgraph.merge import cluster_record, salience_by_doc

    ms = [
        m("q1", "d1", type="AID", source=("RUS",), target=("EGY",), precision="day", date=D(2025, 8, 19), quantities=[("USD", 3e9)], outlet="A",
          published=D(2025, 8, 19)),
        m("q2", "d2", type="AID", source=("RUS",), target=("EGY",), precision="day", date=D(2025, 8, 18), quantities=[("USD", 3.2e9)],
          factuality="reported", outlet="B", published=D(2025, 8, 20)),
        m("q3", "d3", type="AID", source=("RUS",), target=("EGY",), outlet="B", date=D(2025, 8, 21), published=D(2025, 8, 21)),
    ]
    salience_by_doc(ms)
    [(comp, cid, members)] = cluster_mentions(ms)
    rec = cluster_record(cid, comp, members)
    assert rec["num_mentions"] == 3 and rec["num_sources"] == 2 and rec["num_docs"] == 3
    assert rec["date_precision"] == "day" and rec["first_seen"] == D(2025, 8, 19) and rec["last_seen"] == D(2025, 8, 21)
    dis = json.loads(rec["disagreements_json"])
    assert dis["dates"] == ["2025-08-18", "2025-08-19"]
    assert dis["quantities"] == {"USD": [3e9, 3.2e9]}
    assert dis["factuality"] == ["asserted", "reported"]
    assert rec["relation"] == "cooperation" and rec["goldstein"] is not None


def test_merge_and_export_commands(corpus_store, tmp_path):
    import shutil

    from click.testing import CliRunner

    from newsgraph.cli import main

    db = tmp_path / "copy.duckdb"
    shutil.copy(corpus_store, db)
    before = _clusters_of(str(db))
    r = CliRunner().invoke(main, ["merge", "--db", str(db), "--rebuild"])
    assert r.exit_code == 0 and "clusters in the store" in r.output
    assert _clusters_of(str(db)) == before
    r = CliRunner().invoke(main, ["export", "--db", str(db), "--format", "gdelt", "--out", str(tmp_path / "no" / "such" / "x.tsv")])
    assert r.exit_code == 1 and "does not exist" in r.output


# ------------------------------------------------------------------ bounded memory at archive scale


def _random_mentions(n, seed):
    rnd = random.Random(seed)
    states = ["USA", "VEN", "RUS", "CHN", "IRN", "TUR/REB"]
    out = []
    for i in range(n):
        src = tuple(rnd.sample(states, rnd.choice([0, 1, 1, 2])))
        tgt = tuple(rnd.sample([s for s in states if s not in src], rnd.choice([0, 1, 1])))
        day = D(2025, 5, 1) + dt.timedelta(days=rnd.randrange(40))
        prec = rnd.choice(["day", "published", "month", "range", None])
        date = None if prec is None else day
        out.append(m(f"e{i:03d}", f"d{rnd.randrange(n // 3)}", type=rnd.choice(["AGREE", "AID", "COOPERATE", "SANCTION"]),
                     source=src, target=tgt, date=date, precision=prec, published=None if rnd.random() < 0.05 else day + dt.timedelta(days=2),
                     evidence=rnd.choice(["Venezuela and Russia signed a treaty.", "The US imposed sanctions.", "China lent money."]),
                     main=rnd.random() < 0.3))
    return out


def _reference_pairs(ms):
    """The pairs blocking must offer, computed the slow way: every pair of mentions, tested one by one."""
    from newsgraph.merge import DAY_TOLERANCE, block_keys

    tol = dt.timedelta(days=DAY_TOLERANCE)
    want = set()
    for i, a in enumerate(ms):
        for j in range(i + 1, len(ms)):
            b = ms[j]
            blocks = {(f, k) for f in a.families for k in block_keys(a)} & {(f, k) for f in b.families for k in block_keys(b)}
            if a.doc_id == b.doc_id and a.type_key == b.type_key:
                want.add((i, j))
            elif a.lo is not None and b.lo is not None and blocks and a.lo <= b.hi + tol and b.lo <= a.hi + tol:
                want.add((i, j))
            elif (a.lo is None or b.lo is None) and a.is_main and b.is_main and set(a.families) & set(b.families) and a.participants & b.participants:
                want.add((i, j))
    return want


def test_candidate_pairs_come_once_each_and_miss_none():
    from newsgraph.merge import candidate_pairs

    for seed in range(3):
        ms = _random_mentions(150, seed)
        got = [(min(i, j), max(i, j)) for i, j in candidate_pairs(ms)]
        assert len(got) == len(set(got)), "a pair was offered twice"
        assert set(got) == _reference_pairs(ms)


def test_many_reports_of_one_event_make_one_cluster():
    # more reports than the links each mention keeps (MAX_EDGES): the kept links still join them all
    from newsgraph.merge import MAX_EDGES

    ms = [m(f"r{i:03d}", f"d{i}", precision="day", date=D(2025, 5, 7), main=True) for i in range(3 * MAX_EDGES)]
    [(_, _, members)] = cluster_mentions(ms)
    assert len(members) == 3 * MAX_EDGES


def test_a_long_chain_of_daily_events_stays_apart():
    # the same dyad and type every day for two months (a war, a daily shelling): one component, and no
    # cluster may hold reports dated more than a day apart
    ms = [m(f"w{d:02d}{k}", f"d{d}-{k}", type="SANCTION", source=("USA",), target=("VEN",), precision="day",
            date=D(2025, 3, 1) + dt.timedelta(days=d), evidence="The US imposed new sanctions on Venezuela.")
          for d in range(60) for k in range(3)]
    out = cluster_mentions(ms)
    assert len({comp for comp, _, _ in out}) == 1
    for _, _, members in out:
        days = [x.date for x in members]
        assert (max(days) - min(days)).days <= 1
    assert sum(len(x) for _, _, x in out) == len(ms)


def test_type_partitions_cover_the_ontology_once():
    from newsgraph.events.lexicon import load_ontology
    from newsgraph.merge import merge_families, type_key, type_partitions

    groups = type_partitions()
    names = [t for g in groups for t in g]
    assert sorted(names) == sorted(load_ontology().types)  # each type name in exactly one group
    where = {t: n for n, g in enumerate(groups) for t in g}
    assert where["AGREE"] == where["AID"] == where["COOPERATE"]  # linked through the accord and aid families
    assert where["SANCTION"] != where["AGREE"]
    for t in names:  # types sharing a merge family are always in one group
        for u in names:
            if set(merge_families(type_key(t))) & set(merge_families(type_key(u))):
                assert where[t] == where[u]


def test_slim_mentions_make_the_same_cluster_records():
    from newsgraph.merge import cluster_record

    rows = [row("s1", "d1", precision="day", date=D(2025, 5, 7)), row("s2", "d2", source=("RUS", "VEN"), target=()),
            row("s3", "d3", quantities=[("USD", 1e9)])]
    records = []
    for slim in (False, True):
        ms = [mention_from_row(r, slim=slim, interned={} if slim else None) for r in rows]
        [(comp, cid, members)] = cluster_mentions(ms)
        rec = cluster_record(cid, comp, members)
        rec.pop("members")
        records.append(rec)
    assert records[0] == records[1]


def test_compatibility_is_symmetric_and_clusters_ignore_input_order():
    # the store returns rows in no fixed order (parallel scans), so neither may depend on which report comes first
    from newsgraph.merge import compatible_score

    ms = _random_mentions(120, 7)
    for i, a in enumerate(ms):
        for b in ms[i + 1:]:
            assert (incompatible(a, b) is None) == (incompatible(b, a) is None)
            assert compatible_score(a, b) == compatible_score(b, a)
    expected = sorted(sorted(x.event_id for x in members) for _, _, members in cluster_mentions(ms))
    assert any(len(g) > 1 for g in expected)
    for seed in range(3):
        shuffled = ms[:]
        random.Random(seed).shuffle(shuffled)
        assert sorted(sorted(x.event_id for x in members) for _, _, members in cluster_mentions(shuffled)) == expected
