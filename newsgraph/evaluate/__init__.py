"""Evaluation: `newsgraph eval ...` commands that score newsgraph against annotated data and print figures.

One module per kind of data (plover, timeml, conll, meantime, quantities, merge,
stance); shared scoring arithmetic lives in ``metrics``. Each command prints a
human-readable report and, as its last line, one JSON object with the figures.
"""
