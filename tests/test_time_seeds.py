"""Issue 5's acceptance on the seed articles (read from ../shared, never copied here)."""

import pytest

from newsgraph.time import publication_date

from .test_seeds import events_of

# Each seed's publication date as newsgraph states it: (source, earliest, latest, words the reason must contain).
# An estimate is an interval; the true dates were checked by hand to fall inside.
EXPECTED = {
    "000": ("estimated", "2020-11-27", "2020-12-31", ["January last year", "sanctions on PDVSA", "November 27"]),
    "001": ("text", "2022-03-10", "2022-03-10", ["dateline", "March 10, 2022"]),
    "002": ("estimated", "2010-01-01", None, ["the 2010s", "nothing in the text bounds it from above"]),
    "003": ("estimated", "2023-02-26", "2023-03-12", ["10th anniversary", "Chávez", "weekday"]),
    "004": ("estimated", "2025-02-01", "2025-05-08", ["80th anniversary", "still to come", "presidential election", "February"]),
}


def _seed_text(seeds_dir, prefix):
    (path,) = sorted(seeds_dir.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_publication_date_and_reason(seeds_dir, prefix):
    source, earliest, latest, words = EXPECTED[prefix]
    p = publication_date(None, None, _seed_text(seeds_dir, prefix))
    assert p.source == source, p
    if source == "text":
        assert p.date.isoformat() == earliest
    else:
        assert (p.earliest.isoformat(), p.latest.isoformat() if p.latest else None) == (earliest, latest), p
        assert p.date == p.earliest
    for w in words:
        assert w in p.reason, (w, p.reason)


def _published(db, prefix):
    import duckdb

    con = duckdb.connect(db, read_only=True)
    rows = con.execute("select source_path, published, published_source, published_earliest, published_latest from documents").fetchall()
    con.close()
    (row,) = [r for r in rows if r[0].split("/")[-1].startswith(prefix)]
    return row[1:]


def test_chevron_license_revoked_in_february_of_the_dct_year(seed_store):
    published, _source, earliest, latest = _published(seed_store, "004")
    hits = [e for e in events_of(seed_store, "004") if "Chevron" in e["evidence"] and "revoked" in e["trigger"]]
    assert hits
    e = hits[0]
    assert (e["date_text"], e["date_precision"], e["date_value"]) == ("February", "month", f"{published.year}-02")
    assert e["date"] == f"{published.year}-02-01" and e["date_end"] == f"{published.year}-02-28"
    # both ends of the estimated publication interval agree on it, so it keeps month precision
    assert earliest.year == latest.year and latest.month > 2


def test_since_january_last_year_is_january_of_the_year_before_the_dct(seed_store):
    published, *_ = _published(seed_store, "000")
    hits = [e for e in events_of(seed_store, "000") if e["date_text"] == "since January last year"]
    assert hits, [(e["trigger"], e["date_text"]) for e in events_of(seed_store, "000")]
    e = hits[0]
    assert e["date_value"] == f"{published.year - 1}-01"
    assert e["date"] == f"{published.year - 1}-01-01" and e["date_precision"] == "range"


def test_events_without_a_date_in_their_clause_take_the_publication_date_flagged(seed_store):
    for prefix in ("001", "004"):
        published, _source, _earliest, latest = _published(seed_store, prefix)
        plain = [e for e in events_of(seed_store, prefix) if e["date_text"] is None]
        assert [e for e in plain if e["date_precision"] == "published"]
        for e in plain:
            # or undated: an event told as background ("after ...", "since ..."), which the publication date does not date
            if e["date_precision"] is None:
                assert e["date"] is None and e["date_end"] is None, e
                continue
            assert e["date_precision"] == "published" and e["date"] == published.isoformat()
            assert e["date_end"] == (latest or published).isoformat()


def test_no_event_date_finer_than_an_estimated_publication_date_allows(seed_store):
    # "on Wednesday" in 004 cannot be a day when the publication date is only known to within months
    wed = [e for e in events_of(seed_store, "004") if e["date_text"] == "Wednesday"]
    assert wed and all(e["date_precision"] == "range" and e["date"] < e["date_end"] for e in wed)
