"""gated_re: the gated finditer finds exactly what re's finditer finds, on every time pattern and on odd text."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from newsgraph import gated_re
from newsgraph.time import timex

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "corpus"

# Text that puts pattern starts at awkward places: inside words, after digits and punctuation, at the very
# start and end, in other cases, next to the characters re.IGNORECASE folds onto ASCII letters.
ODD = [
    "May",
    "mayday in May 2021; Maybe may.",
    "x2024 2024x 1999-12-31 12/31/99 (March 3, 2024) MARCH 3 2024 march3",
    "the 1990s, the '90s, the nineties; mid-1990s. Late-2023",
    "on Tuesday, Jan. 6, 2021 at 10:30 a.m. EST; noon Friday; 23:15 GMT",
    "three years ago, a year earlier, the week before, two-and-a-half decades",
    "Q3 2022, 2022 Q3, third-quarter, the year-ago quarter; the first half of 2020",
    "\u0130n May \u212aelvin \u017fpring \u0131n June: last \u017fummer, this \u212aay",
    "yesterday's\nmorning\n\nnext\tweek, every Monday, daily, the past few years",
    "",
]


def _texts():
    texts = list(ODD)
    for p in sorted(EXAMPLES.glob("*"))[:20]:
        if p.is_file():
            texts.append(p.read_text(encoding="utf-8", errors="replace"))
    rng = random.Random(7)
    words = " ".join(texts).split()
    for _ in range(40):  # shuffled words: patterns meet each other's words in new orders
        texts.append(" ".join(rng.choice(words) for _ in range(200)))
    return texts


def _found(matches):
    return [(m.span(), m.groupdict()) for m in matches]


@pytest.mark.parametrize("name,rx", [(n, g.rx) for n, g in timex._COMPILED], ids=[n for n, _ in timex._COMPILED])
def test_gated_finditer_equals_finditer_on_time_patterns(name, rx):
    gated = gated_re.GatedPattern(rx)
    for text in _texts():
        assert _found(gated.finditer(text, gated_re.lowered(text))) == _found(rx.finditer(text)), (name, text[:80])
        assert _found(gated.finditer(text)) == _found(rx.finditer(text)), (name, text[:80])


def test_most_time_patterns_get_a_gate_and_required_words():
    gated = [g for _, g in timex._COMPILED]
    assert sum(g.gate is not None for g in gated) >= len(gated) * 3 // 4
    assert dict(timex._COMPILED)["quarter"].required[0] == ("quarter",)
    season = dict(timex._COMPILED)["season"]  # six-character starts: "spring", "summer", "early ", "the sp", ...
    assert all(season.gate.match(w) for w in ("spring", "Summer", "the spring", "THE  autumn", "\u017fpring", "the\u00a0fall"))
    assert not any(season.gate.match(w) for w in ("sx", "the", "these springs", "theory", "the salt"))


def test_patterns_that_cannot_be_gated_fall_back():
    assert gated_re.gate_for(re.compile(r"(?<!\$)\d+")) is None  # no leading \b, and a digit may follow a letter
    assert gated_re.gate_for(re.compile(r"(?<![\w$])\d+")) is not None  # not after a word character: a word start
    assert gated_re.gate_for(re.compile(r"\b\s*x")) is None  # can start with a non-word character
    assert gated_re.gate_for(re.compile(r"\b(?:a)?")) is None  # can match nothing
    rx = re.compile(r"\b(?:early |late )?(?:spring|summer)\b", re.IGNORECASE)
    g = gated_re.GatedPattern(rx)
    assert g.gate is not None and ("pring", "ummer") in g.required  # re's parser factors out the common "s"
    text = "EARLY SUMMER, late spring and springs"
    assert _found(g.finditer(text, gated_re.lowered(text))) == _found(rx.finditer(text))
    assert list(g.finditer("winter", gated_re.lowered("winter"))) == []


def test_fold_table_is_every_character_ignorecase_maps_to_an_ascii_letter():
    every = "".join(map(chr, range(0x110000)))
    for letter in "abcdefghijklmnopqrstuvwxyz":
        folds = set(re.findall(letter, every, re.IGNORECASE))
        assert folds == set(letter + letter.upper() + gated_re._EXTRA_FOLDS.get(letter, "")), letter
    assert gated_re.lowered("\u017fpring") is None  # str.lower() keeps the long s: no keyword skipping on such text


QUANTITY_PATTERNS = ["_MONEY_PREFIX", "_MONEY_RANGE", "_MONEY_SUFFIX", "_VOLUME", "_PERCENT", "_MULTIPLE", "_COUNT",
                     "_FRACTION", "_VAGUE_MONEY", "_BARE"]
MONEY = ["China lent Venezuela about $50 billion and Russia $17 billion-$20 bn; 3 million barrels per day, 25%",
         "between 1.5 and 2 percent, two-fold, three times more, half a percent, a third of the 1,200 workers",
         "Hundreds of millions of dollars, US$ 4.5bn, 300 tonnes of wheat, 12 cubic meters of gas, 40 people"]


@pytest.mark.parametrize("name", QUANTITY_PATTERNS)
def test_gated_finditer_equals_finditer_between_pos_and_endpos(name):
    from newsgraph.quantities import extract as qx

    rx = getattr(qx, name)
    gated = gated_re.GatedPattern(rx)
    for text in MONEY + _texts()[:30]:
        low = gated_re.lowered(text)
        regions = qx._regions(text) + [(0, len(text)), (5, max(5, len(text) - 7)), (len(text) // 2, len(text) * 2)]
        for a, b in regions:
            assert _found(gated.finditer(text, low, a, b)) == _found(rx.finditer(text, a, b)), (name, a, b, text[:80])


def test_gated_set_candidates_give_finditer_matches_on_time_and_quantity_patterns():
    from newsgraph.quantities import extract as qx

    patterns = [g for _, g in timex._COMPILED] + [gated_re.GatedPattern(getattr(qx, n)) for n in QUANTITY_PATTERNS]
    gates = gated_re.GatedSet(patterns)
    narrowed = sum(bool(p.starts) for p in patterns)
    assert narrowed >= len(patterns) // 2
    for text in ODD + MONEY + _texts()[:30] + ["\u00e9t\u00e9 May 3, 2021", "the\u2009spring of 2020; Q\u00b9"]:
        low = gated_re.lowered(text)
        candidates = gates.candidates(text)
        for g, starts in zip(patterns, candidates):
            assert starts is None or starts == sorted(set(starts))
            assert _found(g.finditer(text, low, candidates=starts)) == _found(g.rx.finditer(text)), (g.pattern[:40], text[:80])
            a, b = len(text) // 3, len(text) - 5
            assert _found(g.finditer(text, low, a, b, candidates=starts)) == _found(g.rx.finditer(text, a, b)), (g.pattern[:40], text[:80])
        if "September" in text:  # the gates narrow: far fewer candidates than word starts times patterns
            assert sum(len(c or ()) for c in candidates) < len(text.split()) * len(patterns) // 4
    # patterns with no gate of their own that begin at \b are narrowed too, at word starts and word ends
    loose = {n: c for (n, g), c in zip(timex._COMPILED, gates.candidates("then on  Monday, the year; the '90s, 2020 Q3"))
             if g.gate is None}
    assert loose["rel_wd"] == [5, 7, 9] and loose["the_year"] == [7, 17] and loose["decade"] == [27, 32]  # 7: "  " after "on"


def test_required_strings_remembered_per_text_give_the_same_matches():
    """One ``found`` dict per text, shared by every time and quantity pattern over the whole text and over its
    regions, as timex and quantities use it: same matches as re."""
    from newsgraph.quantities import extract as qx

    patterns = [g for _, g in timex._COMPILED] + [gated_re.GatedPattern(getattr(qx, n)) for n in QUANTITY_PATTERNS]
    gates = gated_re.GatedSet(patterns)
    for text in ODD + MONEY + _texts()[:30]:
        low = gated_re.lowered(text)
        found: dict = {}
        regions = qx._regions(text) + [(0, len(text)), (3, max(3, len(text) - 4))]
        for g, starts in zip(patterns, gates.candidates(text)):
            assert _found(g.finditer(text, low, candidates=starts, found=found)) == _found(g.rx.finditer(text)), (g.pattern[:40], text[:80])
            for a, b in regions:
                assert _found(g.finditer(text, low, a, b, found=found)) == _found(g.rx.finditer(text, a, b)), (g.pattern[:40], a, b, text[:80])
        # what is remembered is what str.find says
        if low is None:
            assert not found
        for key, hit in found.items():  # a string: in the whole text; (string, start, end): in that part
            assert hit == (key in low if isinstance(key, str) else low.find(*key) >= 0), key


def test_gated_set_remembers_windows_across_texts_without_changing_candidates():
    """The window -> patterns memo is kept from text to text: a set that has seen other texts first gives the
    same candidates as a fresh one, and a full memo is cleared, not grown."""
    from newsgraph.quantities import extract as qx

    patterns = [g for _, g in timex._COMPILED] + [gated_re.GatedPattern(getattr(qx, n)) for n in QUANTITY_PATTERNS]
    used = gated_re.GatedSet(patterns)
    texts = ODD + MONEY + _texts()[:20]
    for text in texts:
        used.candidates(text)
    assert used._seen_start  # windows were remembered
    for text in reversed(texts):
        assert used.candidates(text) == gated_re.GatedSet(patterns).candidates(text), text[:80]
    limit = gated_re.WINDOW_MEMO
    try:
        gated_re.WINDOW_MEMO = 5
        used.candidates(texts[-1])
        assert used._seen_start and all(w in texts[-1] for w in [*used._seen_start, *used._seen_end])  # only this text's windows
    finally:
        gated_re.WINDOW_MEMO = limit


def test_loose_gates_for_patterns_that_may_begin_inside_a_word_or_with_a_symbol():
    """Amounts begin with "$", "€" or a currency code that may follow a letter ("bus$5" holds "us$5"): no word-start
    gate covers them, a loose gate does, and finditer through it finds exactly what re's finditer finds."""
    from newsgraph.quantities import extract as qx

    cases = [
        (r"(?:\b(?i:about|some)\s+)?(?P<cur>US\s?\$|\$|€|(?:USD|EUR)\b\s?)\s?(?<![\w.,:])\d+(?:\.\d+)?", re.IGNORECASE),
        (r"(?<![\w.,:])(?:\d+|\.\d+)\s?%", 0),
        (r"\b(?i:half|one)\s+(?:a\s+)?(?:million|billion)|\d+k", 0),
    ]
    texts = ["bus$5, about $ 7.5 and SOME €3; usd 40, eur12 and EUR 9; x$1 .5% 3.25% a3% 40k half a million ONE billion",
             "\u00e9\u20ac5 \u0130US$3 \u017fome $2 \u212a$1", *MONEY, *_texts()[:25]]
    for pattern, flags in cases:
        rx = re.compile(pattern, flags)
        assert gated_re.gate_for(rx) is None and gated_re.loose_gate_for(rx) is not None, pattern
        g = gated_re.GatedPattern(rx)
        for text in texts:
            assert _found(g.finditer(text)) == _found(rx.finditer(text)), (pattern, text[:80])
            assert _found(g.finditer(text, None, 3, len(text) - 2)) == _found(rx.finditer(text, 3, len(text) - 2)), (pattern, text[:80])
    assert gated_re.loose_gate_for(re.compile(r"\s*\$\d")) is None  # may begin with any space: not covered
    assert gated_re.loose_gate_for(re.compile(r"\$?")) is None  # can match nothing
    # every quantity pattern gets a gate, and the loose ones try far fewer positions than a region has characters
    text = MONEY[0]
    for name in QUANTITY_PATTERNS:
        g = gated_re.GatedPattern(getattr(qx, name))
        assert g.scan is not None, name
        assert len(list(g.scan.finditer(text))) < len(text) // 4, name


def test_gated_set_keeps_one_object_per_distinct_set_of_patterns():
    """The prefix tables and the window memos map tens of thousands of keys to a few hundred sets of patterns: equal
    sets are one object (fewer objects for the garbage collector to walk), and the candidates are the same."""
    patterns = [g for _, g in timex._COMPILED]
    used = gated_re.GatedSet(patterns)
    for text in ODD + MONEY + _texts()[:20]:
        assert used.candidates(text) == gated_re.GatedSet(patterns).candidates(text), text[:80]
    for table in (used._at_start, used._at_end, used._seen_start, used._seen_end, used._by_char):
        values = list(table.values())
        assert values
        assert len({id(v) for v in values}) == len(set(values))  # equal sets are the same object
    assert len(timex._GATES._at_start) > 10 * len({id(v) for v in timex._GATES._at_start.values()})
