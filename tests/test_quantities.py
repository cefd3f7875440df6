"""Quantities: money, oil volumes, percentages, with qualifiers, normalised."""

import re
from pathlib import Path

import pytest

from newsgraph.quantities import extract_quantities

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "corpus"


@pytest.mark.parametrize(
    "text,value,unit,qualifier",
    [
        ("Beijing extended about $50 billion worth of loans.", 50e9, "USD", "about"),
        ("at least $17 billion in loans and credit lines", 17e9, "USD", "at least"),
        ("a $10 million bounty for information", 10e6, "USD", None),
        ("a loan of US$17bn from Moscow", 17e9, "USD", None),
        ("a credit of 50 billion yuan", 50e9, "CNY", None),
        ("a fine of €300 million", 300e6, "EUR", None),
        ("output of 732,000 barrels per day", 732_000, "barrels/day", None),
        ("around 80,000 barrels of oil per day", 80_000, "barrels/day", "about"),
        ("2 million bpd by 2022", 2e6, "barrels/day", None),
        ("a cargo of 1.8 million barrels", 1.8e6, "barrels", None),
        ("25,000 tonnes of wheat", 25_000, "tonnes", None),
        ("25% tariffs on buyers", 25, "percent", None),
        ("rose 54 percent", 54, "percent", None),
    ],
)
def test_forms(text, value, unit, qualifier):
    qs = extract_quantities(text)
    assert qs, text
    q = qs[0]
    assert q.normalized_value == pytest.approx(value)
    assert q.normalized_unit == unit
    assert q.qualifier == qualifier
    assert text[q.start : q.end] == q.text


def test_no_numbers_no_quantities():
    assert extract_quantities("Venezuela and Russia signed an agreement in 2019.") == []


@pytest.mark.parametrize(
    "text,value,value_max,unit,qualifier",
    [
        ("lawmakers approved a $50 billion package", 50e9, None, "USD", None),  # quantulum3 gives "a $50 billi"
        ("Moscow lent US$50bn", 50e9, None, "USD", None),  # quantulum3 gives "dollar barn newton"
        ("it could cost half a billion dollars", 5e8, None, "USD", None),  # quantulum3 gives 1.5e9
        ("a target of 2 million bpd", 2e6, None, "barrels/day", None),  # quantulum3 gives "base pair day"
        ("19.7 million barrels of crude in storage", 19.7e6, None, "barrels", None),
        ("5 billion cubic metres of gas", 5e9, None, "cubic metres", None),
        ("2.8 billion cubic feet per day", 2.8e9, None, "cubic feet/day", None),
        ("4 million tonnes of ore a year", 4e6, None, "tonnes/year", None),
        ("demand of 103 mb/d", 103e6, None, "barrels/day", None),
        ("between 1.2 and 1.5 million bpd", 1.2e6, 1.5e6, "barrels/day", None),
        ("fuel prices jumped 15-20%", 15, 20, "percent", None),
        ("$1.5 billion to $2 billion", 1.5e9, 2e9, "USD", None),
        ("0.5 percentage points", 0.5, None, "percentage points", None),
        ("exports rose 9 times", 9, None, "multiple", None),
        ("output grew threefold", 3, None, "multiple", None),
        ("sanctioned 14 tankers", 14, None, "count:tankers", None),
        ("Two Chinese tankers docked", 2, None, "count:tankers", None),
        ("Hundreds of migrants crossed", 100, None, "count:migrants", "at least"),
        ("more than 100 entities", 100, None, "count:entities", "more than"),
        ("Almost 40% of revenue", 40, None, "percent", "nearly"),
        ("up to $60 billion", 60e9, None, "USD", "up to"),
        ("1 trillion bolivars", 1e12, None, "VES", None),
        ("AU$ 52.5 million", 52.5e6, None, "AUD", None),
    ],
)
def test_news_forms(text, value, value_max, unit, qualifier):
    q = extract_quantities(text)[0]
    assert (q.normalized_value, q.value_max, q.normalized_unit, q.qualifier) == (pytest.approx(value), pytest.approx(value_max), unit, qualifier)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text,changes",
    [
        ("production rose to 850,000 bpd", ["rise to"]),
        ("exports were cut by 30%", ["cut by"]),
        ("output fell by 200,000 bpd to 600,000 bpd", ["fall by", None]),
    ],
)
def test_changes(text, changes):
    assert [q.change for q in extract_quantities(text)] == changes


@pytest.mark.parametrize(
    "text,values",
    [
        ("the stake was cut from 60% to 40%", [60, 40]),
        ("it fell from 60 to 40 percent", [60, 40]),
        ("holding 500 and 1,000 songs", [500, 1000]),
        ("raised from US$ 55 billion to US$ 110 billion", [55e9, 110e9]),
    ],
)
def test_two_numbers_are_not_a_range(text, values):
    qs = extract_quantities(text)
    assert [q.normalized_value for q in qs] == values
    assert all(q.value_max is None for q in qs)


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 the United States recognised the opposition.",
        "The summit took place on March 10, 2022 at 12:16 pm in Moscow.",
        "Maduro marked the 10th anniversary of Chavez's death.",
        "The Boeing 787 Dreamliner made its maiden flight.",
        "The Airbus A380 landed.",
        "It was signed in the 2010s.",
    ],
)
def test_not_quantities(text):
    assert extract_quantities(text, bare_numbers=True) == []


def test_quantulum3_fallback_only_for_units_the_patterns_lack():
    qs = extract_quantities("The jet flew 17,446 kilometers with a 60GB drive.")
    assert [(q.text, q.normalized_unit) for q in qs] == [("17,446 kilometers", "kilometre"), ("60GB", "gigabyte")]
    assert extract_quantities("The jet flew 17,446 kilometers.", fallback=False) == []


def test_bare_numbers_only_on_request():
    assert extract_quantities("The index closed at 9505.96.") == []
    assert [q.normalized_value for q in extract_quantities("The index closed at 9505.96.", bare_numbers=True)] == [9505.96]


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("Production fell by about a third.", 1 / 3, "fraction"),
        ("Debt service takes a quarter of oil revenue.", 0.25, "fraction"),
        ("About half of the workers left.", 0.5, "fraction"),
        ("two-thirds of the oil", 2 / 3, "fraction"),
        ("stocks rose half a percent", 0.5, "percent"),
    ],
)
def test_fractions(text, value, unit):
    q = extract_quantities(text)[0]
    assert (q.normalized_value, q.normalized_unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text", ["in the first half of 2024", "the third round of talks", "in the second quarter", "a half-hour meeting"])
def test_not_fractions(text):
    assert extract_quantities(text) == []


@pytest.mark.parametrize("text", ["9" * 5000, "Boeing 787 " * 1000, "1," * 3000, "five " * 3000, "€$%" * 1000, ""])
def test_pathological_input_is_fast(text):
    import time

    t = time.perf_counter()
    extract_quantities(text, bare_numbers=True)
    assert time.perf_counter() - t < 3.0


@pytest.mark.parametrize(
    "text,value,unit",
    [("Some two dozen vessels are anchored.", 24, "count:vessels"), ("About 7 million Venezuelans have left.", 7e6, "count:venezuelans")],
)
def test_dozens_and_demonyms(text, value, unit):
    q = extract_quantities(text)[0]
    assert (q.normalized_value, q.normalized_unit) == (value, unit)


def test_number_regions_found_on_the_lower_cased_text_are_those_of_the_text():
    """_regions searches the lower-cased text case-sensitively when given it: same regions as re.IGNORECASE on the
    text, on number words in any case, long s and Kelvin sign included (lowered() refuses the unsafe ones)."""
    import sys

    from newsgraph import gated_re
    from newsgraph.quantities import extract as qx

    texts = ["No numbers here. SEVEN ships. Forty-two. \u212aelvin. He left.\nThirty\n\nnone. 3rd try",
             "\u017fix days. \u0130stanbul: TWO. x2y. Hundreds left", "Seventeen.Eighteen! twelve? nine"]
    texts += [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md"))[:10]]
    for text in texts:
        low = gated_re.lowered(text)
        assert qx._regions(text, low) == qx._regions(text), text[:60]
    assert qx._regions(texts[0], gated_re.lowered(texts[0]))  # it finds some
    # the lower-cased text keeps \\w and \\d where the text has them, so \\b and \\d mean the same on both
    w, d = re.compile(r"\w"), re.compile(r"\d")
    for c in map(chr, range(sys.maxunicode + 1)):
        low = c.lower()
        if len(low) == 1:
            assert bool(w.match(c)) == bool(w.match(low)) and bool(d.match(c)) == bool(d.match(low)), hex(ord(c))


def test_sentence_pattern_takes_runs_whole_with_the_same_matches_as_one_character_at_a_time():
    """The sentences quantities are looked for in: the pattern takes a run of ordinary characters at once; its
    matches are those of the pattern that took one character per repetition, on odd texts and random ones."""
    import random

    from newsgraph.quantities import extract as qx

    one_at_a_time = re.compile(r"(?:[^.!?\n]|[.!?]+(?=[^\s.!?]))+(?:[.!?]+|\n|$)")
    texts = ["", "\n", "...", "Prices rose 3.5% in May. Oil fell!! Then?\n\nU.S. output: 2.1m b/d.", "a.b. c!? d\n", "no end",
             "Ends with newline\n", "!!! x", "x !!!", " . . . "]
    rnd = random.Random(4)
    texts += ["".join(rnd.choice("ab .!?\n\t,1") for _ in range(rnd.randint(0, 16))) for _ in range(20000)]
    for text in texts:
        assert [m.span() for m in qx._SENTENCE.finditer(text)] == [m.span() for m in one_at_a_time.finditer(text)], repr(text)
