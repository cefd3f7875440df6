"""Issue 6: numbers in the seed articles attached to the right actors and time, and claims compared across sources."""

import datetime as dt

import pytest

from newsgraph import api
from newsgraph.claims import claim_record, compatible, flag_disagreements


def countries(actors):
    return {a["country"] for a in actors if a.get("country")}


def names(actors):
    return " ".join(a["name"] for a in actors)


@pytest.fixture(scope="module")
def seed_claims(seed_store):
    return api.claims(db=seed_store)


def one(claims, value, unit):
    found = [c for c in claims if c["unit"] == unit and c["value"] == pytest.approx(value)]
    assert len(found) == 1, [(c["text"], c["value"], c["unit"]) for c in claims]
    return found[0]


def test_venezuela_production_january_2023(seed_claims):
    c = one(seed_claims, 732_000, "barrels/day")
    assert "VEN" in countries(c["subject"])
    assert c["measure"] == "oil production"
    assert c["time_text"] == "by January 2023"
    assert (c["date"], c["date_precision"]) == ("2023-01-01", "month")
    assert c["factuality"] == "asserted"


def test_two_million_bpd_promised_to_opec_by_2022(seed_claims):
    c = one(seed_claims, 2e6, "barrels/day")
    assert "VEN" in countries(c["subject"])
    assert any(a["actor_id"] and "OPEC" in (a.get("text") or a["name"]) or "Petroleum Exporting" in a["name"] for a in c["counterpart"])
    assert c["measure"] == "oil production"
    assert c["time_text"] == "by 2022" and c["date"] == "2022-01-01"
    assert c["factuality"] == "intended"  # a promise, not a figure of output


def test_80000_bpd_from_russian_joint_ventures(seed_claims):
    c = one(seed_claims, 80_000, "barrels/day")
    assert c["qualifier"] == "about"
    assert "RUS" in countries(c["subject"])
    assert c["measure"] == "oil production"


def test_chinese_loans_in_the_2010s(seed_claims):
    c = one(seed_claims, 50e9, "USD")
    assert c["qualifier"] == "about"
    assert countries(c["subject"]) == {"CHN"}
    assert countries(c["counterpart"]) == {"VEN"}
    assert c["measure"] == "loans"
    assert c["time_text"] == "in the 2010s" and c["date_precision"] == "decade"
    assert c["event_id"]  # the loan event carries it too


def test_russian_and_rosneft_loans_since_2006(seed_claims):
    c = one(seed_claims, 17e9, "USD")
    assert c["qualifier"] == "at least"
    assert "Rosneft" in names(c["subject"]) and "RUS" in countries(c["subject"])
    assert countries(c["counterpart"]) == {"VEN"}
    assert c["measure"] == "loans"
    assert c["time_text"] == "since 2006" and c["date"] == "2006-01-01"
    assert c["factuality"] == "reported"  # "estimates indicated"


def test_bounty_on_el_aissami(seed_claims):
    c = one(seed_claims, 10e6, "USD")
    assert c["measure"] == "bounty"
    assert countries(c["subject"]) == {"USA"}
    assert "Aissami" in names(c["counterpart"])


def test_tariffs_threatened(seed_claims):
    c = one(seed_claims, 25, "percent")
    assert c["measure"] == "tariffs"
    assert countries(c["subject"]) == {"USA"}
    assert c["factuality"] == "threatened"


def test_seed_events_carry_their_quantities(seed_store):
    evs = api.events(db=seed_store)
    qs = {q["text"] for e in evs for q in e["quantities"]}
    assert "25%" in qs and "about $50 billion" in qs


def test_claims_filters(seed_claims, seed_store):
    prod = api.claims(db=seed_store, actor="Venezuela", measure="production")
    assert {c["value"] for c in prod} == {732_000, 2e6}
    assert all("VEN" in countries(c["subject"]) | countries(c["counterpart"]) for c in api.claims(db=seed_store, actor="VEN"))
    assert api.claims(db=seed_store, disagreements=True) == []


def _rec(doc, value, qualifier=None, unit="barrels/day", time_text="in January 2023", outlet=None, value_max=None):
    import json

    return claim_record({
        "doc_id": doc, "subject_json": json.dumps([{"name": "Venezuela", "actor_id": "VEN", "country": "VEN", "sector": None, "kind": "state"}]),
        "counterpart_json": "[]", "measure": "oil production", "value": value, "value_max": value_max, "unit": unit,
        "qualifier": qualifier, "time_text": time_text, "factuality": "asserted", "outlet": outlet or doc, "text": str(value),
    })


def test_disagreement_flagged_with_both_sources():
    recs = flag_disagreements([_rec("a", 700_000, outlet="Reuters"), _rec("b", 800_000, outlet="Xinhua"), _rec("c", 720_000, "about")])
    a, b, c = recs
    assert a["disagreement"] and b["disagreement"]
    assert [o["outlet"] for o in a["disagrees_with"]] == ["Xinhua"]
    assert [o["outlet"] for o in b["disagrees_with"]] == ["Reuters"]
    assert not c["disagreement"] or {o["doc_id"] for o in c["disagrees_with"]} <= {"b"}


def test_no_disagreement_across_time_units_or_same_document():
    recs = flag_disagreements([_rec("a", 700_000), _rec("b", 800_000, time_text="in January 2022"),
                               _rec("c", 9e5, unit="barrels"), _rec("a", 900_000)])
    assert not any(r["disagreement"] for r in recs[1:3])


def test_qualifiers_make_values_compatible():
    assert compatible(_rec("a", 17e9, "at least", "USD"), _rec("b", 20e9, unit="USD"))
    assert not compatible(_rec("a", 17e9, "at least", "USD"), _rec("b", 10e9, unit="USD"))
    assert compatible(_rec("a", 1.5e6, value_max=2e6), _rec("b", 1.8e6))
    assert compatible(_rec("a", 50e9, "about", "USD"), _rec("b", 52e9, unit="USD"))


def test_disagreement_end_to_end(tmp_path, resources):

    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Venezuela's oil production reached 700,000 barrels per day in January 2023, the ministry said.\n")
    (d / "b.txt").write_text("Venezuela's oil production reached 850,000 barrels per day in January 2023, according to OPEC.\n")
    db = str(tmp_path / "x.duckdb")
    api.ingest([str(d)], db=db, published=dt.date(2023, 3, 1), resources=resources)
    rows = api.claims(db=db, disagreements=True)
    assert {r["value"] for r in rows} == {700_000, 850_000}
    assert all(len(r["disagrees_with"]) == 1 for r in rows)


def test_claims_cli_formats(seed_store):
    import csv
    import io
    import json

    from click.testing import CliRunner

    from newsgraph.cli import main

    run = lambda *a: CliRunner().invoke(main, ["claims", "--db", seed_store, *a])  # noqa: E731
    r = run("--format", "json", "--measure", "loans")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert {row["value"] for row in rows} == {50e9, 17e9}
    assert all({"subject", "measure", "value", "unit", "time_text", "qualifier", "doc_id", "evidence", "disagreement"} <= row.keys() for row in rows)
    r = run("--format", "csv", "--actor", "Venezuela")
    assert r.exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(r.output)))) >= 4
    r = run("--format", "jsonl")
    assert all(json.loads(line) for line in r.output.splitlines())
    r = run()
    assert r.exit_code == 0 and "claims," in r.output and "732,000 barrels/day" in r.output
    r = CliRunner().invoke(main, ["claims", "--db", "/nonexistent/x.duckdb"])
    assert r.exit_code == 1 and "no such store" in r.output


def test_a_root_verb_among_the_quantitys_words_governs_it(resources):
    """The climb to a quantity's governing verb ends at the sentence's root, which governs when it is a verb, even
    one the quantity's words take in (a count's words may run over a linking verb: "2,000 never became refugees").
    Before, the climb never saw the root (a Token's ``head is t`` is never true), so such a number had no governor
    and its negation was lost."""
    from newsgraph.extract import extract
    from newsgraph.model import Document

    def count(text):
        found = [q for q in extract(Document(text=text), resources).quantities if q.kind == "count"]
        assert len(found) == 1, [(q.text, q.kind) for q in found]
        return found[0]

    denied = count("Nearly 2,000 never became refugees.")
    assert denied.text == "Nearly 2,000 never became refugees" and denied.measure == "refugees"
    assert denied.factuality == "denied"
    assert count("Nearly 2,000 became refugees.").factuality == "asserted"
    assert count("Officials said nearly 2,000 refugees had crossed the border.").factuality == "reported"  # a verb above: unchanged
