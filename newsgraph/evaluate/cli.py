"""`newsgraph eval KIND ...`: one subcommand per evaluator module."""

from __future__ import annotations

import click

from ..errors import NewsgraphError
from ..output import fail


class _EvalGroup(click.Group):
    """Every evaluator's bad file or data ends as one 'error:' line and exit status 1, handled here once."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except NewsgraphError as e:
            fail(str(e))


@click.group("eval", cls=_EvalGroup)
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
