# Two commands for a fresh machine with Python 3.11:
#   make demo   -- create .venv, install, ingest examples/corpus into newsgraph.duckdb, print the events
#   make test   -- create .venv if needed, run the tests
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install install-ray demo test bench bench-web clean

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "newsgraph needs Python 3.11 (set PYTHON=/path/to/python3.11)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsgraph ingest examples/corpus
	$(BIN)/newsgraph events

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The optional Ray engine: its tests skip without it and run with it.
install-ray: $(STAMP)
	$(BIN)/pip install --quiet -c requirements.lock -c requirements-ray.lock -e '.[test,ray]'

# Speed, memory and query latencies on generated articles (see bench/scale.py; BENCHMARKS.md has the figures).
bench: $(STAMP)
	$(BIN)/python bench/scale.py

# The web UI and API over a generated store of 1,000,000 events: latency per page and a 50-client load test.
bench-web: $(STAMP)
	$(BIN)/python bench/web_load.py

clean:
	rm -rf $(VENV) newsgraph.duckdb *.egg-info
