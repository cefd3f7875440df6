import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = ROOT / "examples" / "corpus"

_CACHE_DIR: str | None = None


def pytest_configure(config):
    """The tests' compiled registry caches go to a directory of their own, never the user's ~/.cache/newsgraph
    (subprocesses the tests start inherit it through the environment)."""
    global _CACHE_DIR
    if "NEWSGRAPH_CACHE_DIR" not in os.environ:
        _CACHE_DIR = tempfile.mkdtemp(prefix="newsgraph-test-cache-")
        os.environ["NEWSGRAPH_CACHE_DIR"] = _CACHE_DIR


def pytest_unconfigure(config):
    if _CACHE_DIR:
        os.environ.pop("NEWSGRAPH_CACHE_DIR", None)
        shutil.rmtree(_CACHE_DIR, ignore_errors=True)


@pytest.fixture(scope="session")
def resources():
    from newsgraph.extract import default_resources

    return default_resources()


@pytest.fixture(scope="session")
def seeds_dir():
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS} (set NEWSGRAPH_SHARED)")
    return SEEDS


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, seeds_dir, resources):
    """The five seed articles ingested once into a store shared by the tests that read it."""
    from newsgraph import api

    db = str(tmp_path_factory.mktemp("seeds") / "seeds.duckdb")
    report = api.ingest([str(seeds_dir)], db=db, resources=resources)
    assert report.stored == 5 and report.failed == 0
    return db


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory, seeds_dir, resources):
    """The seeds plus the demo corpus in one store, merged (the corpus stage runs inside ingest)."""
    from newsgraph import api

    db = str(tmp_path_factory.mktemp("corpus") / "corpus.duckdb")
    report = api.ingest([str(EXAMPLES), str(seeds_dir)], db=db, resources=resources)
    assert report.failed == 0 and report.clusters > 0
    return db
