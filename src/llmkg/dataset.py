"""The validated records of a set of data files, with where each was written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import NO_HINT, Problem
from .i18n import Message

if TYPE_CHECKING:
    from .schema import AnyRecord
    from .yamlread import Document


@dataclass
class Origin:
    """Where a record was written: its file and the position of each of its parts."""

    file: str
    document: Document
    index: int

    def at(self, *path: Any) -> tuple[int, int]:
        return self.document.position((self.index, *path))

    @property
    def line(self) -> int:
        return self.at()[0]

    def problem(self, path: tuple[Any, ...], message: Message, hint: Message = NO_HINT) -> Problem:
        line, column = self.at(*path)
        return Problem(self.file, line, column, message, hint)


@dataclass
class Dataset:
    """Validated records in file order, with where each was written."""

    records: dict[str, AnyRecord] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    rejected: dict[str, Origin] = field(default_factory=dict)  # ids of records that failed the schema
