"""Quantities: money, oil volumes, percentages, with qualifiers, normalised."""

import pytest

from newsgraph.quantities import extract_quantities


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
