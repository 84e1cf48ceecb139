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
    """Raised where a stage cannot go on (a broken rule file, a corrupt baseline); carries the InputError,
    or every one found where a stage checks all its input before stopping (all broken rule files, each
    with all its problems, as a linter reports them), `error` being the first."""

    def __init__(self, error: InputError, *more: InputError):
        self.errors = (error, *more)
        super().__init__("\n".join(str(each) for each in self.errors))

    @property
    def error(self) -> InputError:
        return self.errors[0]
