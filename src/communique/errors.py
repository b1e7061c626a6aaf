"""One error hierarchy.  Every message names the input, what failed, and what to do next."""

from __future__ import annotations


class CommuniqueError(Exception):
    """Base class.  ``str(err)`` is a complete one-line message for the user."""

    def __init__(self, subject: str, problem: str, hint: str = "") -> None:
        self.subject = subject
        self.problem = problem
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        text = f"{self.subject}: {self.problem}"
        return f"{text}; {self.hint}" if self.hint else text


class InputError(CommuniqueError):
    """An input could not be read or was rejected (it is skipped, not fatal)."""


class FetchError(InputError):
    """A URL could not be fetched, or was refused for safety."""


class StoreError(CommuniqueError):
    """The database could not be opened, migrated or written."""


class UsageError(CommuniqueError):
    """The command was called wrongly."""
