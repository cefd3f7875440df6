"""The event list's two-step paging (ids over events alone, then full rows) against the plain one-query definition.

A synthetic store with many events per day (ties broken by event id), undated events that take their
document's publication date, documents without a date, and actors by id and by state.
"""

import datetime as dt
import random

import pytest

from newsgraph.store import Store, event_filters, set_event_days
from newsgraph.web import data


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("pages") / "pages.duckdb")
    rnd = random.Random(7)
    with Store(db) as s:
        docs, events, actors = [], [], []
        day0 = dt.date(2020, 1, 1)
        for i in range(60):
            published = None if i % 13 == 0 else day0 + dt.timedelta(days=rnd.randrange(12))
            docs.append((f"d{i:03}", f"https://x.invalid/{i}", f"Outlet {i % 4}", "given", f"T{i}", published, "given",
                         None, None, None, "en", "x", i, "text", 1, 5, None))
            for j in range(5):
                eid = f"e{rnd.randrange(10**6):06}-{i}-{j}"
                date = None if rnd.random() < 0.35 else day0 + dt.timedelta(days=rnd.randrange(12))
                etype = rnd.choice(["AGREE", "ACCUSE", "SANCTION"])
                a = rnd.choice([("VEN", "Venezuela", "VEN"), ("pdvsa", "PDVSA", "VEN"), ("CHN", "China", "CHN"), ("eni", "Eni", "ITA")])
                events.append((eid, f"d{i:03}", etype, None, None, "000", date, "day" if date else "published", None,
                               rnd.choice(["asserted", "reported"]), None, f"Evidence {eid} about {a[1]}", 0, 9, "t", 0, 1,
                               rnd.choice([0.5, 0.7, None]), None, 0, "[]", "[]", "[]", None, None))
                actors.append((eid, f"d{i:03}", "source", 0, a[0], a[1], a[2], None, "state", a[1], False, None))
        con = s.con
        for table, rows in (("documents", docs), ("events", events), ("event_actors", actors)):
            cols = [list(c) for c in zip(*rows)]
            con.execute(f"INSERT INTO {table} SELECT {', '.join(f'unnest(${k + 1})' for k in range(len(cols)))}", cols)
        set_event_days(con)  # the actor rows' event days, as the store writes them
    with Store(db, read_only=True) as s:
        yield s


def reference(s, sort, descending, page, size, **filters):
    """The page as one query over events joined with documents: the definition the two-step paging must match."""
    where, params = event_filters(filters.get("actor_ids"), None, filters.get("types"), filters.get("since"), filters.get("until"),
                                  outlet=filters.get("outlet"), factuality=filters.get("factuality"), evidence_words=filters.get("q"))
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    base = f"FROM events e JOIN documents d USING (doc_id){clause}"
    total = s.con.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    order = data.SORTS[sort] + (" DESC" if descending else "") + " NULLS LAST, e.event_id"
    ids = [r[0] for r in s.con.execute(f"SELECT e.event_id {base} ORDER BY {order} LIMIT ? OFFSET ?", params + [size, (page - 1) * size]).fetchall()]
    return total, ids


FILTERS = [
    {},
    {"actor_ids": ["VEN"]},  # the state and its people and companies (by country)
    {"actor_ids": ["eni"]},
    {"types": ["SANCTION"], "factuality": "reported"},
    {"since": dt.date(2020, 1, 4), "until": dt.date(2020, 1, 8)},
    {"outlet": "Outlet 2"},
    {"q": "about China"},
    {"actor_ids": ["CHN"], "since": dt.date(2020, 1, 6)},
    {"actor_ids": ["pdvsa", "eni"], "until": dt.date(2020, 1, 9)},
]


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("sort", ["date", "type", "outlet", "confidence"])
@pytest.mark.parametrize("descending", [False, True])
def test_every_page_matches_the_one_query_definition(store, filters, sort, descending):
    size = 13
    total, _ = reference(store, sort, descending, 1, size, **filters)
    assert sort != "date" or filters or total == 300
    seen = []
    for page in range(1, -(-total // size) + 2):  # every page, and one past the end
        got = data.events_page(store, sort=sort, descending=descending, page=page, size=size, **filters)
        want_total, want_ids = reference(store, sort, descending, page, size, **filters)
        assert got["total"] == want_total == total
        assert [e["id"] for e in got["events"]] == want_ids, (page, filters)
        seen += want_ids
    assert len(seen) == len(set(seen)) == total


def test_rows_carry_their_document(store):
    page = data.events_page(store, outlet="Outlet 1", size=50)
    assert page["events"] and all(e["outlet"] == "Outlet 1" and e["url"].startswith("https://x.invalid/") for e in page["events"])
    days = [e["date"] or e["published"] for e in page["events"]]
    assert days == sorted(days, key=lambda d: (d is None, d or ""))


def test_requests_share_one_open_store_that_closes_when_idle(tmp_path):
    from newsgraph.web.pool import SharedStore

    db = str(tmp_path / "pool.duckdb")
    with Store(db):
        pass
    pool = SharedStore(db, idle_s=0.3)
    a, b = pool.cursor(), pool.cursor()
    assert pool.is_open and a.con is not b.con
    assert a.con.execute("SELECT count(*) FROM events").fetchone() == (0,)
    pool.release(a)
    import time

    time.sleep(0.6)
    assert pool.is_open  # b is still in use
    pool.release(b)
    deadline = time.monotonic() + 5
    while pool.is_open and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not pool.is_open
    with Store(db) as w:  # the read-only handle is gone: a writer gets the store
        w.con.execute("INSERT INTO meta VALUES ('x', 'y')")
    c = pool.cursor()
    assert c.con.execute("SELECT value FROM meta WHERE key = 'x'").fetchone() == ("y",)  # reopened: sees the write
    pool.release(c)
    pool.close()
    assert not pool.is_open
