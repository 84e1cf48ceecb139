"""Input errors: what is wrong with a user's file, reported as one line and never as a traceback."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputError:
    path: str
    message: str
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        location = self.path if self.line is None else f"{self.path}:{self.line}"
        if self.field:
            location = f"{location}: {self.field}"
        return f"{location}: {self.message}"


class InputProblem(Exception):
    """Raised where a stage cannot go on (a broken rule file, a corrupt baseline); carries the InputError."""

    def __init__(self, error: InputError):
        super().__init__(str(error))
        self.error = error
