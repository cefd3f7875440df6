"""Issue 4's seed check: events listed by reading the five seed articles (type, who, to whom, factuality).

Each row names the seed, the PLOVER type, countries that must be among the
sources and among the targets (or, for joint events, among either), words of
the evidence sentence, and where it matters the factuality, a quantity or the
CAMEO code. The list was written from the articles, not from the coder's output.
"""

import pytest

from .test_seeds import countries, events_of

# (seed, type, sources, targets, either, evidence words, extra checks)
EXPECTED = [
    # 000 — Chinese outlet, late 2020
    ("000", "COOPERATE", {"VEN"}, {"CHN"}, set(), "resumed direct oil shipments to China", {"factuality": "reported"}),
    ("000", "THREATEN", {"USA"}, set(), set(), "once again threatened", {}),
    ("000", "SANCTION", {"USA"}, {"VEN"}, set(), "imposed sanctions on Venezuela’s Petroleum Corporation", {"target_sector": "BUS"}),
    ("000", "SANCTION", {"USA"}, {"VEN"}, set(), "arms embargo", {}),
    ("000", "SANCTION", {"CHN"}, {"VEN"}, set(), "PetroChina stopped importing", {"factuality": "reported"}),
    ("000", "COOPERATE", {"VEN"}, {"CHN"}, set(), "send oil to China", {}),
    # 001 — Middle East Monitor-style, 2022-03-10
    ("001", "SUPPORT", {"VEN"}, {"RUS"}, set(), "Venezuela backs Russia", {}),
    ("001", "CONSULT", {"VEN"}, {"RUS"}, set(), "arrived to Moscow", {"mode": "visit"}),
    ("001", "THREATEN", {"USA"}, {"VEN"}, set(), "threatened to wage war", {}),
    ("001", "REJECT", {"VEN"}, {"USA"}, set(), "will not submit to US demands", {}),
    ("001", "DISAPPROVE", {"VEN"}, set(), set(), "has condemned the punitive measures", {}),
    ("001", "REJECT", {"VEN"}, set(), set(), "abstained during the UN General Assembly vote", {}),
    ("001", "SANCTION", {"USA"}, {"VEN"}, set(), "embargo on oil from Venezuela was imposed", {}),
    # 002 — Chinese state-media-style, Maduro's September 2023 visit
    ("002", "AGREE", set(), set(), {"CHN", "VEN"}, "all-weather strategic partnership", {}),
    ("002", "CONSULT", set(), set(), {"CHN", "VEN"}, "following a meeting with his visiting Venezuelan counterpart", {}),
    ("002", "AGREE", set(), set(), {"CHN", "VEN"}, "agreed to upgrade bilateral relations", {}),
    ("002", "AID", {"CHN"}, {"VEN"}, set(), "extended about $50 billion worth of loans", {"quantity": 50e9}),
    ("002", "SANCTION", {"USA"}, {"CHN", "VEN"}, set(), "slapped numerous sanctions", {}),
    ("002", "CONSULT", {"VEN"}, {"CHN"}, set(), "arrived in Beijing", {"mode": "visit"}),
    # 003 — hawkish US outlet, March 2023
    ("003", "CONSULT", set(), set(), {"RUS", "VEN"}, "met with Sechin", {"factuality": "reported"}),
    ("003", "AGREE", {"RUS"}, {"VEN"}, set(), "agreed to aid in boosting", {}),
    ("003", "DISAPPROVE", {"USA"}, {"VEN"}, set(), "accused El Aisammi of being a drug kingpin", {"quantity": 10e6}),
    ("003", "CONSULT", {"RUS"}, {"CUB"}, set(), "Sechin visited Havana", {}),
    ("003", "RETREAT", {"RUS"}, {"VEN"}, set(), "Rosneft ceased its operations in Venezuela", {}),
    ("003", "AID", {"RUS"}, {"VEN"}, set(), "continued to provide aid", {}),
    ("003", "AID", {"IRN"}, {"VEN"}, set(), "received aid from Iran", {}),
    ("003", "AGREE", set(), set(), {"RUS", "VEN"}, "signed a new set of “strategic cooperation” agreements", {}),
    ("003", "AID", {"RUS"}, {"VEN"}, set(), "at least $17 billion in loans", {"quantity": 17e9}),
    ("003", "AGREE", set(), set(), {"RUS", "VEN"}, "vowed to deepen their", {}),
    ("003", "AGREE", {"VEN"}, set(), set(), "Maduro had promised OPEC", {}),
    # 004 — Inter Bellum News, May 2025
    ("004", "AGREE", set(), set(), {"RUS", "VEN"}, "signed a strategic partnership agreement", {}),
    ("004", "SANCTION", {"USA"}, {"VEN"}, set(), "withdrew recognition of Maduro’s government", {"mode": "withdraw"}),
    ("004", "SUPPORT", {"USA"}, {"VEN"}, set(), "recognizing the opposition", {"target_sector": "OPP"}),
    ("004", "SUPPORT", {"USA"}, {"VEN"}, set(), "has recognized Edmundo Gonzales", {"target_sector": "OPP"}),
    ("004", "RETREAT", {"USA"}, set(), set(), "eased some sanctions", {}),
    ("004", "SANCTION", {"USA"}, {"USA"}, set(), "revoked a license granted to energy giant Chevron", {"target_sector": "BUS"}),
    ("004", "THREATEN", {"USA"}, set(), set(), "threatened to impose 25% tariffs", {"quantity": 25, "not_type_in_sentence": "SANCTION"}),
]


def _match(e, etype, sources, targets, either, words):
    if e["type"] != etype or words not in e["evidence"]:
        return False
    src, tgt = countries(e["source"]), countries(e["target"])
    return sources <= src and targets <= tgt and either <= src | tgt


@pytest.mark.parametrize("seed,etype,sources,targets,either,words,extra", EXPECTED, ids=[f"{r[0]}-{r[1]}-{r[5][:30]}" for r in EXPECTED])
def test_seed_event(seed_store, seed, etype, sources, targets, either, words, extra):
    evs = events_of(seed_store, seed)
    hits = [e for e in evs if _match(e, etype, sources, targets, either, words)]
    near = [(e["type"], e["trigger"], countries(e["source"]), countries(e["target"])) for e in evs if words in e["evidence"]]
    assert hits, f"no {etype} {sources}->{targets} in sentence with {words!r}; coded there: {near}"
    e = hits[0]
    if "factuality" in extra:
        assert e["factuality"] == extra["factuality"]
    if "mode" in extra:
        assert e["mode"] == extra["mode"]
    if "target_sector" in extra:
        assert any(a["sector"] == extra["target_sector"] for a in e["target"])
    if "quantity" in extra:
        assert any(abs(q["normalized_value"] - extra["quantity"]) < 1e-6 * max(1, extra["quantity"]) for q in e["quantities"])
    if "not_type_in_sentence" in extra:
        same = [x for x in evs if x["evidence"] == e["evidence"]]
        assert extra["not_type_in_sentence"] not in {x["type"] for x in same}


def test_at_least_25_listed():
    assert len(EXPECTED) >= 25


def test_negated_recognition_is_not_recognition(seed_store):
    """'does not recognize' is never a SUPPORT (recognition) event."""
    for seed in ("000", "001", "002", "003", "004"):
        for e in events_of(seed_store, seed):
            if e["type"] == "SUPPORT" and "not recognize" in e["evidence"]:
                pytest.fail(f"negated recognition coded as SUPPORT: {e['evidence']}")


def test_every_event_has_ontology_fields_and_evidence_offsets(seed_store):
    import duckdb

    con = duckdb.connect(seed_store, read_only=True)
    texts = dict(con.execute("select doc_id, text from documents").fetchall())
    for seed in ("000", "001", "002", "003", "004"):
        for e in events_of(seed_store, seed):
            assert e["type"] and e["cameo"] and e["factuality"] and 0 < e["confidence"] <= 1
            text = texts[e["doc_id"]]
            assert text[e["evidence_start"] : e["evidence_end"]] == e["evidence"]
            assert text[e["trigger_start"] : e["trigger_end"]] in e["trigger"].split()
