"""Issue 4 actor codes on business and trade-press news: data/actors/companies_world.yaml.

The sentences are our own, written for these tests. Countries are the headquarters news usually gives:
Rio Tinto is "Anglo-Australian" but headquartered in London (GBR), BHP in Melbourne (AUS), China Airlines
in Taipei (TWN).
"""

import pytest

from newsgraph.actors import find_mentions
from newsgraph.actors.registry import load_registry
from newsgraph.extract import extract
from newsgraph.model import Document
from newsgraph.nlp import parse

WORLD = "companies_world.yaml:"


def _mentions(resources, text):
    doc = parse(resources.nlp, text)
    return {s.ref.text: s.ref for s in find_mentions(doc, resources.registry, None)}


def test_world_companies_are_valid_and_claim_no_other_actors_alias(resources):
    reg = resources.registry
    ours = [a for a in (reg.get(i) for i in reg.actors) if a.source.startswith(WORLD)]
    assert len(ours) >= 250
    assert all(a.kind == "company" and a.sector == "BUS" and a.country and len(a.country) == 3 for a in ours)
    assert len({a.country for a in ours}) >= 40  # every region, not only the US and Europe
    for a in ours:
        assert a.parent is None or reg.get(a.parent) is not None, (a.id, a.parent)
        for alias in (a.name, *a.aliases):
            assert [x.id for x in reg.find(alias)] == [a.id], alias


def test_the_file_loads_on_its_own_with_state_owned_flags():
    import yaml

    from newsgraph.actors.registry import _data_dir

    recs = yaml.safe_load((_data_dir() / "companies_world.yaml").read_text(encoding="utf-8"))
    assert all(r["state_owned"] in (True, False, None) and r["source"] == "curated" for r in recs)
    assert len({r["id"] for r in recs}) == len(recs)
    assert load_registry(use_cache=False).get("maersk").country == "DNK"


@pytest.mark.parametrize(
    "text,name,actor_id,country",
    [
        ("Rio Tinto shut its Mongolian mine after the strike.", "Rio Tinto", "rio-tinto", "GBR"),
        ("BHP raised its iron ore output forecast on Tuesday.", "BHP", "bhp", "AUS"),
        ("Brazil's Vale resumed shipments from its northern port.", "Brazil's Vale", "vale-sa", "BRA"),
        ("Maersk diverted its container ships around the Cape of Good Hope.", "Maersk", "maersk", "DNK"),
        ("MTN said it would sell its stake in the Afghan unit.", "MTN", "mtn-group", "ZAF"),
        ("Epic Games won its appeal against the app store fees.", "Epic Games", "epic-games", "USA"),
        ("China Airlines ordered ten more long-haul jets.", "China Airlines", "china-airlines", "TWN"),
        ("Safaricom cut the price of mobile data in Nairobi.", "Safaricom", "safaricom", "KEN"),
        ("Codelco lowered its copper production target.", "Codelco", "codelco", "CHL"),
        ("Rheinmetall will build an ammunition plant in Lithuania.", "Rheinmetall", "rheinmetall", "DEU"),
        ("Dangote Refinery bought crude from Ghana.", "Dangote Refinery", "dangote-group", "NGA"),
    ],
)
def test_world_company_mentions_give_the_headquarters_country(resources, text, name, actor_id, country):
    ref = _mentions(resources, text)[name]
    assert (ref.actor_id, ref.country, ref.sector) == (actor_id, country, "BUS")


@pytest.mark.parametrize(
    "text",
    [
        "Vale announced a new dividend.",  # "Vale" alone is a place and a word: only "Vale SA", "Brazil's Vale"
        "Walkers crossed the vale at dawn.",
        "Iran air defences fired at the drones.",  # no "Iran Air" alias: it would take "Iran air defences"
        "Bayer Leverkusen beat Wolfsburg.",  # surnames and clubs: only "Bayer AG"
        "She peeled an orange and drove a Porsche.",
        "China life expectancy rose.",  # "China Life Insurance" only
    ],
)
def test_word_and_name_aliases_do_not_fire(resources, text):
    assert not [r for r in _mentions(resources, text).values() if r.kind == "company"]


def test_a_trade_press_event_carries_the_companys_country(resources):
    events = extract(Document(text="Rio Tinto signed an agreement with BHP to share railway lines in the Pilbara."), resources).events
    agree = [e for e in events if e.type == "AGREE"]
    assert agree, [e.type for e in events]
    assert {(a.country, a.sector) for a in agree[0].source} == {("GBR", "BUS")}
    assert ("AUS", "BUS") in {(a.country, a.sector) for a in agree[0].target}
