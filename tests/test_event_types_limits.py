"""A limit, cap, quota or ceiling set on others is a rule: giving one up concedes (CAMEO 0832), as withdrawing a levy or
repealing a decree does; freezing one keeps it, and a trade limit dropped is CAMEO 085's. Sentences written for these
tests."""

import pytest

from newsgraph.extract import extract
from newsgraph.model import Document


@pytest.mark.parametrize(
    "text, etype",
    [
        ("Kenya's parliament abolished the cap on rents in Nairobi.", "CONCEDE"),
        ("Mexico's senate repealed the quota on foreign teachers at state schools.", "CONCEDE"),
        # said of the future, an intent to ease it (the intent recode of a concession)
        ("Kenya's transport ministry said on Monday it would shelve a new weight limit for lorries crossing the border.", "AGREE"),
    ],
)
def test_dropped_limits_concede(resources, text, etype):
    types = [e.type for e in extract(Document(text=text), resources).events]
    assert etype in types, (text, types)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Japan froze its spending ceiling for the defence budget.", "CONCEDE"),
        ("Mexico dropped its quota on US corn.", "CONCEDE"),  # easing a trade restriction: RETREAT 085
    ],
)
def test_kept_limits_and_trade_limits(resources, text, absent):
    assert absent not in [e.type for e in extract(Document(text=text), resources).events], text
