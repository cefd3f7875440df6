"""`newsgraph eval KIND ...`: one subcommand per evaluator module."""

from __future__ import annotations

import click


@click.group("eval")
def eval_group() -> None:
    """Score newsgraph on annotated data; the last line printed is a JSON object of figures."""


# Each evaluator module registers its command on eval_group when imported.
# Keep one import per line (parallel work adds lines here).
from . import plover  # noqa: E402,F401
from . import quantities  # noqa: E402,F401

from . import conll  # noqa: E402,F401
from . import meantime  # noqa: E402,F401

from . import timeml  # noqa: E402,F401

from . import stance  # noqa: E402,F401

from . import merge  # noqa: E402,F401
