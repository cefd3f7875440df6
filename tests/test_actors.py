"""Actor registry and mention resolution on short texts."""

import datetime as dt

import pytest

from newsgraph.actors import ArgResolver, find_mentions, load_registry
from newsgraph.errors import DataFileError
from newsgraph.nlp import parse


def mentions(resources, text, when=None):
    doc = parse(resources.nlp, text)
    return doc, find_mentions(doc, resources.registry, when)


def test_every_iso_state_is_registered(resources):
    import pycountry

    reg = resources.registry
    assert all(c.alpha_3 in reg.actors for c in pycountry.countries)
    assert reg.get("RUS").name == "Russia" and reg.get("VEN").name == "Venezuela"


@pytest.mark.parametrize(
    "text,expect",
    [
        ("Caracas rejected the offer.", ("VEN", "GOV", "metonym")),
        ("The Kremlin said talks went well.", ("RUS", "GOV", "metonym")),
        ("Beijing extended a loan.", ("CHN", "GOV", "metonym")),
        ("Officials in Washington said so.", ("USA", "GOV", "metonym")),
        ("Venezuelans voted on Sunday.", ("VEN", "CVL", "demonym")),
        ("The U.S. imposed sanctions.", ("USA", None, "alias")),
        ("Venezuela exported oil.", ("VEN", None, "alias")),
    ],
)
def test_states_by_name_metonym_and_demonym(resources, text, expect):
    _, spans = mentions(resources, text)
    s = spans[0]
    assert (s.ref.country, s.ref.sector, s.how) == expect


def test_pronoun_us_is_not_the_united_states(resources):
    _, spans = mentions(resources, "They told us that the deal was off.")
    assert not [s for s in spans if s.ref.country == "USA"]


def test_accents_and_case_do_not_matter_for_names_but_do_for_acronyms(resources):
    _, a = mentions(resources, "Nicolas Maduro met Nicolás Maduro's ministers.")
    people = [s.ref.actor_id for s in a if s.ref.kind == "person"]
    assert len(people) == 2 and len(set(people)) == 1 and not people[0].startswith("~")


def test_adjective_and_head_noun_give_country_and_sector(resources):
    doc, spans = mentions(resources, "The Venezuelan president met a Russian company.")
    r = ArgResolver(doc, spans, None, resources.registry)
    pres = r.actors_for(doc[2])
    comp = r.actors_for(doc[6])
    assert (pres[0].country, pres[0].sector) == ("VEN", "GOV")
    assert (comp[0].country, comp[0].sector) == ("RUS", "BUS")


def test_coordination_and_possessive(resources):
    doc, spans = mentions(resources, "Caracas and Beijing praised Venezuela's oil minister.")
    r = ArgResolver(doc, spans, None, resources.registry)
    subj = r.actors_for(doc[0])
    assert [a.country for a in subj] == ["VEN", "CHN"]
    minister = next(t for t in doc if t.text == "minister")
    m = r.actors_for(minister)
    assert (m[0].country, m[0].sector) == ("VEN", "GOV")


def test_unknown_people_and_orgs_are_provisional_not_dropped(resources):
    doc, spans = mentions(resources, "Russian oil executive Boris Zlatovsky met officials of Orinoco Tankers Ltd. in Caracas.")
    prov = {s.ref.name: s.ref for s in spans if s.ref.provisional}
    assert "Boris Zlatovsky" in prov
    assert prov["Boris Zlatovsky"].country == "RUS" and prov["Boris Zlatovsky"].actor_id.startswith("~")


def test_dated_roles(resources):
    trump = resources.registry.find("Donald Trump")[0]
    assert trump.country_sector_at(dt.date(2019, 6, 1)) == ("USA", "GOV")
    assert trump.country_sector_at(dt.date(2025, 6, 1)) == ("USA", "GOV")
    assert trump.country_sector_at(dt.date(2022, 6, 1))[1] != "GOV"


def test_user_actor_file_extends_and_bad_file_names_itself(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("- id: orinoco-tankers\n  name: Orinoco Tankers\n  kind: company\n  country: VEN\n  sector: BUS\n  aliases: [OrinocoT]\n")
    reg = load_registry([f])
    assert reg.find("OrinocoT")[0].country == "VEN"
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: x\n  name: X\n  country: Venezuela\n")
    with pytest.raises(DataFileError) as e:
        load_registry([bad])
    assert str(bad) in str(e.value) and "ISO 3166" in str(e.value)


def test_token_strings_read_from_arrays_match_the_tokens(resources):
    """find_mentions reads each token's text, folded text, index key and spacing from the doc's arrays."""
    from newsgraph.actors.registry import fold, lead_key
    from newsgraph.actors.resolve import _Words

    doc = parse(resources.nlp, "Nicolás Maduro met Rosneft's chief in Caracas;  the Organisation of\u00a0Petroleum-Exporting Countries  agreed.")
    words = _Words(doc)
    assert words.text == [t.text for t in doc]
    assert words.folded == [fold(t.text) for t in doc]
    assert words.lead == [lead_key(fold(t.text)) for t in doc]
    assert words.space == [bool(t.whitespace_) for t in doc]
    assert "nicolas" in words.folded and "organization" in words.folded


def test_actor_ref_copy_is_a_shallow_copy_with_changes():
    import dataclasses

    from newsgraph.model import ActorRef

    ref = ActorRef(name="Venezuela", actor_id="VEN", country="VEN", sector="GOV", kind="state", text="Caracas", provisional=False)
    same = ref.copy()
    assert same == ref and same is not ref
    changed = ref.copy(sector="MIL", text="the army")
    assert changed == dataclasses.replace(ref, sector="MIL", text="the army") and ref.sector == "GOV"
    with pytest.raises(TypeError):
        ref.copy(colour="red")
