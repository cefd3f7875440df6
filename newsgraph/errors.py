"""Errors a user can act on: each names the file (and line) and says what was wrong."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base class: an error with a message meant for the user."""


class _AtPlace(NewsgraphError):
    """An error about a place in a file: printed as ``path:line: message`` (or ``path: message``)."""

    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"

    def __reduce__(self):  # errors travel back from worker processes and Ray actors
        return (type(self), (self.path, self.message, self.line))


class InputError(_AtPlace):
    """One input (file, or line of a file) could not be read as an article."""


class StoreError(NewsgraphError):
    """The store could not be opened or written."""


class DataFileError(_AtPlace):
    """A data file (registry, lexicon, ontology) is invalid."""
