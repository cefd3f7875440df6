"""Sources and framing: outlet identity, descriptors, targeted tone, coverage, the commands, and eval stance."""

import json

import pytest
from click.testing import CliRunner

from newsgraph import api
from newsgraph.cli import main
from newsgraph.framing.outlets import identify_outlet, outlet_from_text, outlet_index
from newsgraph.framing.stance import stance
from newsgraph.framing.tone import find_loaded, score_text

from .conftest import EXAMPLES, ROOT, SEEDS


def seed_text(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# ---------------------------------------------------------------- outlet identity


def test_outlet_from_the_texts_own_signs(seeds_dir):
    memo = outlet_from_text(seed_text("001"))
    assert (memo.name, memo.how) == ("Middle East Monitor", "tagline")
    assert memo.evidence == "Creating new perspectives since 2009"
    ibn = outlet_from_text(seed_text("004"))
    assert ibn.name == "Inter Bellum News" and ibn.how in ("name-line", "domain-line")
    # unknown stays unknown: "according to Xinhua" in the body names a source, not the outlet
    assert outlet_from_text(seed_text("002")) is None
    assert outlet_from_text(seed_text("003")) is None


def test_outlet_names_are_normalised_and_ordered():
    assert identify_outlet("x", meta_outlet="MEMO").name == "Middle East Monitor"
    assert identify_outlet("x", meta_outlet="Some Local Paper").name == "Some Local Paper"  # kept, not guessed
    by_url = identify_outlet("x", url="https://www.breitbart.com/latin-america/2023/03/07/x/")
    assert (by_url.name, by_url.source, by_url.how) == ("Breitbart News", "metadata", "url-domain")
    assert identify_outlet("Creating new perspectives since 2009\n\nBody.", given="Mine").source == "given"
    cr = outlet_from_text("Body of the article.\n\nCopyright © 2024 Foo Media Group. All rights reserved.")
    assert (cr.name, cr.how) == ("Foo Media Group", "copyright")
    assert outlet_from_text("By Jane Doe, Reuters\n\nBody.").name == "Reuters"
    assert outlet_from_text("By Jane Doe, Caracas\n\nBody.") is None  # a place, not an outlet
    idx = outlet_index()
    assert all(o.name for o in idx.outlets) and idx.for_url("https://english.news.cn/x").name == "Xinhua"


def test_ingested_seeds_record_outlet_and_how(seed_store):
    import duckdb

    con = duckdb.connect(seed_store, read_only=True)
    rows = {p.split("/")[-1][:3]: (o, s, h, e) for p, o, s, h, e in con.execute(
        "SELECT d.source_path, d.outlet, d.outlet_source, o.how, o.evidence FROM documents d JOIN document_outlets o USING (doc_id)").fetchall()}
    assert rows["001"][:3] == ("Middle East Monitor", "text", "tagline")
    assert rows["004"][:2] == ("Inter Bellum News", "text")
    assert rows["002"][0] is None and rows["003"][0] is None


# ---------------------------------------------------------------- lexicon and tone


def test_loaded_terms_and_tone_words():
    assert "socialist regime" in find_loaded("the Venezuelan socialist regime’s oil minister")
    assert "drug kingpin" in find_loaded("accused him of being a drug kingpin")
    assert score_text("the socialist regime").tone < 0 < score_text("an all-weather strategic partnership").tone


def test_loaded_terms_found_by_the_precomputed_tables_as_by_a_plain_search():
    """find_loaded looks words up in a table of each one-word term and its plural, and phrases by their padded
    forms; a plain search of the lexicon, written out here, finds the same terms in the same order."""
    import random
    import re

    from newsgraph.framing.tone import lexicons

    lex = lexicons()

    def plain(text):
        low = " " + re.sub(r"[^\w'\-]+", " ", re.sub(r"'s\b", "", text.lower().replace("\u2019", "'"))) + " "
        found = []
        for p in lex.phrases:
            if p in lex.loaded and f" {p} " in low:
                found.append(p)
                low = low.replace(f" {p} ", " " + "_" * len(p) + " ")
        for w in low.split():
            if w in lex.loaded and " " not in w:
                found.append(w)
            elif w.endswith("s") and w[:-1] and w[:-1] in lex.loaded and " " not in w[:-1]:
                found.append(w[:-1])
        return found

    rng = random.Random(11)
    pool = [*lex.loaded, *(t + "s" for t in lex.loaded), *(t.title() for t in lex.loaded), "regime\u2019s", "s", "ss",
            "the", "oil", "talks", "(", ").", "Caracas", "non-aligned", "'s"]
    texts = [" ".join(rng.choice(pool) for _ in range(rng.randint(1, 25))) for _ in range(3000)]
    hits = 0
    for text in texts:
        assert find_loaded(text) == plain(text), text
        hits += bool(plain(text))
    assert hits > 1000


def test_targeted_tone_differs_by_target_in_one_sentence(resources):
    s = "Maduro praised China while condemning the United States for its sanctions."
    assert stance(s, "China").label == "positive"
    assert stance(s, "United States").label == "negative"


# ---------------------------------------------------------------- seeds: framing of Maduro's government


def _by_file(framing_out):
    return {o["outlet"].split("(")[-1][:3] if o["outlet"].startswith("unknown") else o["outlet"]: o for o in framing_out["outlets"]}


def test_003_calls_maduros_government_a_socialist_regime_and_002_does_not(seed_store):
    out = _by_file(api.framing(db=seed_store, actor="Maduro"))
    forms_003 = {d["form"]: d for d in out["003"]["descriptors"]}
    assert "socialist regime" in forms_003 and forms_003["socialist regime"]["count"] >= 3
    assert "Venezuela (GOV)" in forms_003["socialist regime"]["of"]
    assert "maduro regime" in forms_003
    assert out["003"]["loaded_terms"].get("socialist regime", 0) >= 3
    forms_002 = {d["form"] for d in out["002"]["descriptors"]}
    assert not any("regime" in f for f in forms_002)
    assert not out["002"]["loaded_terms"]


def test_tone_toward_maduros_government_lower_in_003_than_002_with_evidence(seed_store):
    out = _by_file(api.framing(db=seed_store, actor="Maduro"))
    t3, t2 = out["003"]["tone"], out["002"]["tone"]
    assert t3["mean"] < 0 < t2["mean"]
    assert t3["mean"] < t2["mean"] - 0.2
    assert t3["negative"] > t3["positive"]
    evidence = [e["evidence"] for e in t3["most_negative"]]
    assert evidence and all(e in seed_text("003") for e in evidence)
    assert any("regime" in " ".join(e["words"]) for e in t3["most_negative"])
    assert any("all-weather" in e["evidence"] for e in t2["most_positive"])


def test_descriptors_of_other_actors_in_003(seed_store):
    import duckdb

    con = duckdb.connect(seed_store, read_only=True)
    rows = con.execute("SELECT actor_id, form, kind FROM descriptors d JOIN documents USING (doc_id) WHERE source_path LIKE '%003_%'").fetchall()
    assert ("hezbollah", "terrorist organization", "apposition") in rows
    assert ("tareck-el-aissami", "drug kingpin", "label") in rows
    assert [a for a, f, _ in rows if "key ideological ally" in f] == ["RUS"]


# ---------------------------------------------------------------- sources, coverage, commands


def test_sources_and_coverage_on_seeds(seed_store):
    rows = {r["outlet"]: r for r in api.sources(db=seed_store)}
    assert rows["Middle East Monitor"]["documents"] == 1 and rows["Middle East Monitor"]["known_from"] == {"tagline": 1}
    assert sum(1 for k in rows if k.startswith("unknown (")) == 3  # unknown outlets are never pooled
    assert all(r["top_actors"] for r in rows.values())
    assert rows["unknown (003_d1967a26fcb8027f.txt)"]["loaded_terms"].get("socialist regime", 0) >= 3
    cov = api.coverage(db=seed_store, actor="Russia")
    assert cov and all(set(c["reported_by"]).isdisjoint(c["not_reported_by"]) for c in cov)
    assert all(len(c["reported_by"]) + len(c["not_reported_by"]) == len(rows) for c in cov)


@pytest.fixture(scope="module")
def example_db(tmp_path_factory, resources):
    db = str(tmp_path_factory.mktemp("fr") / "ex.duckdb")
    r = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    assert r.exit_code == 0, r.output
    return db


def test_commands_json_and_table(example_db):
    r = CliRunner().invoke(main, ["sources", "--db", example_db, "--format", "json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert {"Orinoco Press Service", "The Free Hemisphere Review", "Meridian Wire"} <= {d["outlet"] for d in data}
    r = CliRunner().invoke(main, ["framing", "Maduro", "--db", example_db, "--format", "json"])
    assert r.exit_code == 0, r.output
    f = json.loads(r.output)
    by = {o["outlet"]: o for o in f["outlets"]}
    # 01-03 report one event from three outlets with opposite slants
    assert by["The Free Hemisphere Review"]["tone"]["mean"] < by["Orinoco Press Service"]["tone"]["mean"]
    assert by["The Free Hemisphere Review"]["loaded_terms"]
    for fmt in ("table", "csv", "jsonl"):
        for cmd in (["sources"], ["framing", "Russia"], ["coverage", "--actor", "Russia"]):
            r = CliRunner().invoke(main, [*cmd, "--db", example_db, "--format", fmt])
            assert r.exit_code == 0, (cmd, fmt, r.output)
    r = CliRunner().invoke(main, ["framing", " ", "--db", example_db])
    assert r.exit_code == 1 and "name an actor" in r.output


def test_eval_stance_last_line_json(tmp_path, resources):
    r = CliRunner().invoke(main, ["eval", "stance", str(ROOT / "bench" / "data" / "stance_eval.jsonl"), "--limit", "12"])
    assert r.exit_code == 0, r.output
    figures = json.loads(r.output.strip().splitlines()[-1])
    assert {"accuracy", "macro_f1", "n"} <= set(figures) and figures["n"] == 12
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x", "target": "y", "stance": "angry"}\n')
    r = CliRunner().invoke(main, ["eval", "stance", str(bad)])
    assert r.exit_code == 1 and "bad.jsonl:1" in r.output


def test_stance_set_is_balanced_and_varied():
    items = [json.loads(line) for line in (ROOT / "bench" / "data" / "stance_eval.jsonl").read_text().splitlines() if line.strip()]
    assert len(items) >= 80
    counts = {s: sum(i["stance"] == s for i in items) for s in ("positive", "neutral", "negative")}
    assert min(counts.values()) >= 0.28 * len(items)
    assert len({i["target"] for i in items}) >= 30


def test_html_json_ld_publisher_is_normalised(tmp_path):
    from newsgraph.ingest import Defaults
    from newsgraph.ingest.readers import read_html

    page = ('<!DOCTYPE html><html><head><title>Deal signed</title><script type="application/ld+json">'
            '{"@context":"https://schema.org","@type":"NewsArticle","headline":"Deal signed","datePublished":"2025-05-08",'
            '"publisher":{"@type":"Organization","name":"Breitbart"}}</script></head><body><article><h1>Deal signed</h1>'
            "<p>Russia and Venezuela signed a strategic partnership agreement in Moscow on Wednesday, officials said.</p>"
            "<p>More text about the oil sector and energy cooperation between the two countries, which analysts called significant.</p>"
            "</article></body></html>")
    (doc,) = list(read_html(page, "page.html", Defaults()))
    assert (doc.outlet, doc.outlet_source) == ("Breitbart News", "metadata")


def test_coverage_uses_stored_clusters_when_present(corpus_store, tmp_path):
    import shutil
    from collections import Counter

    import duckdb

    from newsgraph.framing.report import coverage
    from newsgraph.store import Store

    # the seeds and the demo corpus, merged at ingest: coverage is one group per cluster the merge stage stored
    con = duckdb.connect(corpus_store, read_only=True)
    members = Counter(r[0] for r in con.execute("SELECT cluster_id FROM cluster_members").fetchall())
    docs = dict(con.execute("SELECT cluster_id, count(DISTINCT doc_id) FROM cluster_members GROUP BY cluster_id").fetchall())
    con.close()
    with Store(corpus_store, read_only=True) as store:
        groups = coverage(store)
    assert members and {g["group"] for g in groups} == {"cluster"}
    assert {g["cluster"]: g["reports"] for g in groups} == dict(members)
    assert all(1 <= len(g["reported_by"]) <= docs[g["cluster"]] for g in groups)
    assert any(docs[g["cluster"]] > 1 for g in groups)  # some event is reported by several articles
    # without clusters (a store not merged): groups by type and dyad
    db = str(tmp_path / "unmerged.duckdb")
    shutil.copy(corpus_store, db)
    con = duckdb.connect(db)
    con.execute("DELETE FROM cluster_members")
    con.close()
    with Store(db, read_only=True) as store:
        groups = coverage(store)
    assert groups and {g["group"] for g in groups} == {"dyad"}


def test_outlet_text_signs_datelines_and_empty_copyright():
    assert outlet_from_text("CARACAS (Reuters) - Venezuela said on Monday it would resume exports.").name == "Reuters"
    assert outlet_from_text("BEIJING, Sept 13 (Xinhua) -- Chinese President Xi Jinping met Maduro.").how == "dateline"
    assert outlet_from_text("CARACAS (Maduro) - not an outlet") is None
    assert outlet_from_text("Copyright ©\n") is None
    assert outlet_from_text("Body.\n\n© 2025 The Associated Press. All rights reserved.").name == "Associated Press"


def test_framing_on_a_store_without_framing_tables_says_what_to_do(seed_store, tmp_path):
    import shutil

    import duckdb

    db = str(tmp_path / "old.duckdb")
    shutil.copy(seed_store, db)
    con = duckdb.connect(db)
    con.execute("DROP TABLE descriptors")
    con.close()
    r = CliRunner().invoke(main, ["framing", "Maduro", "--db", db])
    assert r.exit_code == 1 and "before framing" in r.output


def test_a_leaders_government_only_while_they_led_it(example_db):
    trump = {o["outlet"] for o in api.framing(db=example_db, actor="Trump")["outlets"]}
    biden = {o["outlet"] for o in api.framing(db=example_db, actor="Biden")["outlets"]}
    assert trump and biden and not (trump & biden)  # the demo corpus's 2025 and 2023-24 articles
    assert api.framing(db=example_db, actor="Trump", include_government=False)["actor"]["government_of"] == []


def test_vader_is_skipped_only_where_it_would_score_zero():
    import random

    from newsgraph.framing.tone import _has_valence, analyzer

    sia = analyzer()
    words = ["the", "talks", "good", "GOOD!", "bad,", "no", "not", "very", ":)", "(great)", "kind", "of", "oil", "x", "...",
             "regime", "deal", "'ok'", "crisis", "Caracas", "\u00e9t\u00e9", "\U0001f600", "-", "'s"]
    rng = random.Random(3)
    texts = ["", "   ", "the oil talks in Caracas", "good", "GOOD", ":)", "(great)!"]
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(400)]
    skipped = 0
    for text in texts:
        if not _has_valence(sia, text):
            skipped += 1
            assert sia.polarity_scores(text)["compound"] == 0.0, text
    assert 0 < skipped < len(texts)
    assert not _has_valence(sia, "the oil talks in Caracas") and _has_valence(sia, "(great)!") and _has_valence(sia, ":)")


def test_subtrees_from_the_head_array_are_spacys(resources):
    """Framing lists a phrase's words and a word's dependents from the HEAD array: the words of Token.subtree
    and Token.children, for every token of real articles, and no recursion limit on a deep parse.
    The other values it reads from the arrays (heads, labels, text, lower case, tags, punctuation, sentences)
    are the Tokens' own."""
    from pathlib import Path

    from newsgraph.framing.analyze import _joined
    from newsgraph.nlp import doc_arrays, parse_many

    corpus = Path(__file__).resolve().parent.parent / "examples" / "corpus"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.md"))[:6]]
    for doc in parse_many(resources.nlp, texts):
        w = doc_arrays(doc)  # framing reads the doc's view directly (every value checked in tests/test_nlp.py)
        for tok in doc:
            i = tok.i
            assert w.words_text(*w.sent_bounds(i)).strip() == tok.sent.text.strip(), (i, tok.text)  # a tone's evidence
            assert w.subtree(i) == [t.i for t in tok.subtree] and w.children(i) == [t.i for t in tok.children], (i, tok.text)
            if i + 3 <= len(doc):  # a tone scope's words: their own spacing where adjacent, else one space
                assert _joined(w, [i, i + 1]) == doc[i : i + 2].text + " ", i
                assert _joined(w, [i, i + 2]) == doc[i].text + " " + doc[i + 2].text + " ", i
    from spacy.tokens import Doc

    n = 3000  # a chain: each word the head of the next
    deep = Doc(resources.nlp.vocab, words=["w"] * n, heads=[max(0, k - 1) for k in range(n)], deps=["dep"] * n)
    w = doc_arrays(deep)
    assert w.subtree(0) == list(range(n)) and w.subtree(n - 10) == list(range(n - 10, n))
