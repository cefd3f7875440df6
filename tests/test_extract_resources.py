"""The process's shared resources: loaded once, then frozen out of the garbage collector's full collections."""

import gc
import subprocess
import sys
import weakref

from .conftest import ROOT


def test_what_is_loaded_is_frozen_and_later_garbage_is_still_collected(resources):
    from newsgraph.extract import default_resources

    assert default_resources() is resources
    assert gc.get_freeze_count() > 50_000  # the pipeline, the registry and the lexicons
    tracked = {id(o) for o in gc.get_objects()}  # the collector's generations; frozen objects are not in them
    assert id(resources.registry.__dict__) not in tracked and id(resources.lexicon.__dict__) not in tracked

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a  # a reference cycle made after the freeze
    gone = weakref.ref(a)
    del a, b
    gc.collect()
    assert gone() is None


def _exit_output(code: str) -> str:
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=str(ROOT), check=False)
    assert run.returncode == 0, run.stderr
    return run.stdout + run.stderr


def test_a_process_with_duckdb_exits_without_leak_warnings_after_the_freeze():
    code = ("import duckdb; con = duckdb.connect(); con.execute('select 1').fetchall()\n"
            "from newsgraph.extract import default_resources; import gc\n"
            "default_resources(); assert gc.get_freeze_count() > 0\n")
    assert "leaked" not in _exit_output(code)


def test_frozen_objects_left_frozen_at_exit_are_what_makes_duckdb_print_leaks():
    # why the freeze is undone at exit: without it, the interpreter's last collections skip DuckDB's module objects
    code = "import duckdb, gc; duckdb.connect().execute('select 1').fetchall(); gc.collect(); gc.freeze()\n"
    assert "nanobind: leaked" in _exit_output(code)
    assert "leaked" not in _exit_output(code + "gc.unfreeze()\n")
