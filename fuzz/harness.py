"""One atheris (libFuzzer) harness for every reader: NEWSGRAPH_FUZZ_TARGET names which (see fuzz/targets.py).

    NEWSGRAPH_FUZZ_TARGET=jsonl python fuzz/harness.py CORPUS_DIR -runs=5000 -max_len=4096

fuzz/run.py runs every target for a bounded number of runs and prints the counts.
"""

import os
import sys

import atheris

with atheris.instrument_imports(include=["newsgraph"]):
    import targets  # noqa: F401  (imports newsgraph's readers, instrumented for coverage)

TARGET = targets.TARGETS[os.environ.get("NEWSGRAPH_FUZZ_TARGET", "text")]


def test_one_input(data: bytes) -> None:
    TARGET(data)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
