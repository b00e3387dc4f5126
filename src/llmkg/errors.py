"""The errors llmkg raises. Only the command line turns them into messages and exit codes."""

from __future__ import annotations

from dataclasses import dataclass, field

from .i18n import Message

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

NO_HINT = Message("")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a dataset, located in its file.

    The message and the hint are Messages: English as `str(problem)` shows them, and templates
    with values that `say` says in the user's language."""

    file: str
    line: int
    column: int
    message: Message
    hint: Message = field(default=NO_HINT, compare=False)

    def __str__(self) -> str:
        return self.say("en")

    def say(self, lang: str) -> str:
        """file:line:column: message — hint, in `lang`, on one line."""
        text = f"{self.file}:{self.line}:{self.column}: {self.message.say(lang)}"
        hint = self.hint.say(lang)
        return escape_controls(f"{text} — {hint}" if hint else text)


def shown(value: object, quote: bool = True, limit: int = 60) -> str:
    """A value as a message quotes it: in quotes (repr, which also escapes what a terminal would act
    on; `quote=False` leaves a printable text bare), and cut short so that a huge one cannot flood
    the screen: its first characters, then how many characters the value has."""
    text = str(value)
    if quote or not text.isprintable():
        text = repr(value)
    if len(text) <= limit:
        return text
    return Message("{start}… ({length:,} characters)", start=text[: limit - 12], length=len(str(value)))


def os_reason(error: OSError) -> str:
    """Why the system refused (its strerror), in words the user's language has for the usual ones."""
    import errno

    reason = error.strerror or str(error)
    name = errno.errorcode.get(error.errno or 0, "")
    return Message.english(reason, f"errno:{name}") if name in _KNOWN_ERRNO else reason


_KNOWN_ERRNO = {
    "ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ELOOP", "EIO", "ENOSPC", "EROFS", "EEXIST",
    "ENAMETOOLONG", "EMFILE", "ENFILE", "ENOMEM", "EBUSY", "ETXTBSY", "EFBIG", "EDQUOT", "EXDEV",
}  # fmt: skip


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

    def __init__(self, message: str, problems: list[Problem] | None = None, **values: object) -> None:
        super().__init__(message, **values)
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
            super().__init__(message, name=shown(name), suggestions=", ".join(self.suggestions))
        else:
            super().__init__("no record named {name}", name=shown(name))
