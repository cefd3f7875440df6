"""Headlines coded as sentences of their own (events/title.py), the coder's fallback to a word's next sense,
and related-type merging (AGREE / SUPPORT) through a real store, incrementally and fresh."""

import datetime as dt
import json

from newsgraph import api
from newsgraph.events.title import TITLE_SENTENCE
from newsgraph.extract import extract, extract_many
from newsgraph.model import Document


def test_a_story_told_only_in_its_headline_gets_the_headline_event(resources):
    title = "Kenya expels Ugandan diplomat"
    text = "The decision caps weeks of tension along the shared border. Officials gave no further details."
    r = extract(Document(text=text, title=title, published=dt.date(2025, 3, 4)), resources)
    heads = [e for e in r.events if e.sentence == TITLE_SENTENCE]
    assert heads, [(e.type, e.trigger) for e in r.events]
    e = heads[0]
    assert e.evidence == title and (e.evidence_start, e.evidence_end) == (0, len(title))
    assert title[e.trigger_start:e.trigger_end] in e.trigger
    assert {a.country for a in e.source} == {"KEN"}
    assert e.date == dt.date(2025, 3, 4) and e.date_precision == "published"
    assert e.id not in {x.id for x in r.events if x is not e}


def test_a_headline_the_lead_repeats_adds_no_event(resources):
    title = "Chile and Peru sign fishing accord"
    text = ("Chile and Peru signed an agreement on Tuesday to share data on anchovy stocks off their coasts. "
            "The accord runs for five years.")
    with_title = extract(Document(text=text, title=title, published=dt.date(2025, 3, 5)), resources).events
    without = extract(Document(text=text, published=dt.date(2025, 3, 5)), resources).events
    assert without and not any(e.sentence == TITLE_SENTENCE for e in with_title)
    assert [e.id for e in with_title] == [e.id for e in without]


def test_extract_many_pairs_each_title_with_its_own_text(resources):
    docs = [
        Document(text="Officials gave no further details.", title="Kenya expels Ugandan diplomat", published=dt.date(2025, 3, 4)),
        Document(text="No title here. Officials gave no further details on Monday."),
        Document(text="Talks will resume next month.", title="Argentina asks IMF for new loan", published=dt.date(2025, 3, 4)),
    ]
    results = list(extract_many(docs, resources))
    heads = [[e.evidence for e in r.events if e.sentence == TITLE_SENTENCE] for r in results]
    assert heads[0] == ["Kenya expels Ugandan diplomat"] and heads[1] == [] and heads[2] == ["Argentina asks IMF for new loan"]
    single = [extract(d, resources) for d in docs]
    assert [[e.to_dict() for e in r.events] for r in results] == [[e.to_dict() for e in r.events] for r in single]


def test_a_word_falls_back_to_its_next_sense_when_the_first_lacks_actors(resources):
    def coded(text):
        return [(e.type, sorted(f"{a.country}/{a.sector}" for a in e.source), sorted(a.country for a in e.target))
                for e in extract(Document(text=text, published=dt.date(2025, 6, 26)), resources).events]

    # no one protested *to* anyone: not a complaint (needs a target) but a demonstration by the people of the place
    # (its target is the state of the place, as for curfews and bans: see tests/test_event_arguments.py)
    assert ("PROTEST", ["KEN/CVL"], ["KEN"]) in coded("Thousands of people protested in Nairobi on Wednesday.")
    # a protest lodged with another state is still the complaint
    assert coded("China protested to Japan over the visit.")[0][0] == "DISAPPROVE"


ARTICLES = [
    # one reconciliation told as an agreement, a restoration and a signed accord; one air strike told two ways
    ("r1", "Sahel Ledger", "2025-09-09", "Ghana and Togo agree to reopen embassies",
     "Ghana and Togo agreed on Tuesday to restore full diplomatic relations after a two-year rift. Embassies will reopen in March."),
    ("r2", "Lagoon Times", "2025-09-10", "Accra and Lome restore ties",
     "Accra and Lome restored diplomatic relations on September 9, the two foreign ministries said in a joint statement."),
    ("s1", "Hill Courier", "2025-09-15", "Pakistani jets strike Taliban hideouts",
     "Pakistani warplanes struck hideouts of the Pakistani Taliban near the border on Monday, the army said."),
    ("s2", "Frontier Post Weekly", "2025-09-16", "Pakistan bombs targets in Afghanistan",
     "Pakistan bombed targets in eastern Afghanistan on September 15, Afghan officials said. Kabul condemned the raid."),
]


def _jsonl(path, rows):
    path.write_text("".join(json.dumps({"id": i, "outlet": o, "published": p, "title": t, "text": x}) + "\n" for i, o, p, t, x in rows),
                    encoding="utf-8")
    return str(path)


def _clusters(db):
    return sorted(sorted(m["outlet"] for m in c["members"]) for c in api.clusters(db=db))


def test_related_types_merge_the_same_incrementally_as_fresh(tmp_path, resources):
    fresh = str(tmp_path / "fresh.duckdb")
    api.ingest([_jsonl(tmp_path / "all.jsonl", ARTICLES)], db=fresh, resources=resources)
    step = str(tmp_path / "step.duckdb")
    api.ingest([_jsonl(tmp_path / "a.jsonl", [ARTICLES[1], ARTICLES[2]])], db=step, resources=resources)
    api.ingest([_jsonl(tmp_path / "b.jsonl", [ARTICLES[0], ARTICLES[3]])], db=step, resources=resources)
    assert _clusters(step) == _clusters(fresh)
    mains = {e["outlet"]: e["cluster_id"] for e in api.events(db=fresh) if e["main"]}
    assert mains["Sahel Ledger"] == mains["Lagoon Times"]
    assert mains["Hill Courier"] == mains["Frontier Post Weekly"]
    assert mains["Sahel Ledger"] != mains["Hill Courier"]
