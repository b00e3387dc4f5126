"""The errors llmkg raises. Only the command line turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass, field

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a dataset, located in its file."""

    file: str
    line: int
    column: int
    message: str
    hint: str = field(default="", compare=False)

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.message}"
        return escape_controls(f"{text} — {self.hint}" if self.hint else text)


def escape_controls(text: str) -> str:
    """`text` with anything a terminal would act on (escapes, carriage returns, newlines,
    bidirectional overrides) written as a Python escape, so that a message stays one plain line."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


class DataWarning(UserWarning):
    """Something in the data that `llmkg validate` refuses but other commands can live with."""


class LlmkgError(Exception):
    """Base of every error llmkg reports to its user.

    The message may be a template with `{names}` filled from `values`, so that the command line
    can say it in the user's language (llmkg.i18n translates the template, not the filled text).
    """

    exit_code = EXIT_DATA

    def __init__(self, message: str = "", **values: object) -> None:
        self.template = message
        self.values = values
        super().__init__(message.format(**values) if values else message)


class DataError(LlmkgError):
    """The dataset cannot be read or is invalid."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = sorted(problems or [])


class ExportError(LlmkgError):
    """An export could not be written."""


class UsageError(LlmkgError):
    """An option or argument has a value llmkg cannot use."""

    exit_code = EXIT_USAGE


class NotFoundError(LlmkgError):
    """A name matches no record."""

    exit_code = EXIT_NOT_FOUND

    def __init__(self, name: str, suggestions: list[str] | None = None) -> None:
        self.name = name
        self.suggestions = suggestions or []
        if self.suggestions:
            message = "no record named {name}; did you mean: {suggestions}?"
            super().__init__(message, name=repr(name), suggestions=", ".join(self.suggestions))
        else:
            super().__init__("no record named {name}", name=repr(name))
