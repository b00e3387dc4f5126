"""Find the data, parse every YAML file keeping file:line for each record, and build a Dataset."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DataError, LlmkgError, Problem, UsageError
from .filekind import ODD_FILE_HINT, file_kind
from .yamlread import Document, YamlProblem, read_file

if TYPE_CHECKING:
    from .schema import AnyRecord

DATA_ENV = "LLMKG_DATA"
PACKAGED = "@packaged"  # in --data or $LLMKG_DATA: llmkg's own data, to extend with your own
YAML_SUFFIXES = (".yaml", ".yml")


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

    def problem(self, path: tuple[Any, ...], message: str, hint: str = "") -> Problem:
        line, column = self.at(*path)
        return Problem(self.file, line, column, message, hint)


@dataclass
class Dataset:
    """Validated records in file order, with where each was written."""

    records: dict[str, AnyRecord] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    rejected: dict[str, Origin] = field(default_factory=dict)  # ids of records that failed the schema


def packaged_data_dir() -> Path:
    """The data shipped with llmkg (inside the wheel, or beside the sources in a checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parents[1] / "data"):
        if (candidate / "history.yaml").is_file():
            return candidate
    raise DataError(f"llmkg's packaged data is missing (looked in {here / 'data'})")


def data_paths(data: list[str] | str | None = None) -> list[Path]:
    """The data files to read: from `data` (dirs or files), else $LLMKG_DATA, else the packaged data."""
    if isinstance(data, str):
        data = [data]
    if not data:
        env = os.environ.get(DATA_ENV, "")
        data = [part for part in env.split(os.pathsep) if part]
    roots = [
        packaged_data_dir() if item == PACKAGED else Path(item).expanduser() for item in data or [PACKAGED]
    ]
    files: list[Path] = []
    odd: list[Problem] = []  # special files are named, never skipped silently nor opened
    for root in roots:
        kind = file_kind(root)
        if kind == "directory":
            try:
                # Names starting with '.' are hidden: editors keep lock files (often dangling
                # symbolic links) and backups there.
                entries = sorted(
                    p for p in root.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith(".")
                )
            except OSError as exc:
                raise DataError(f"{root}: cannot list the directory: {exc.strerror or exc}") from None
            found = []
            for entry in entries:
                entry_kind = file_kind(entry)
                if entry_kind == "file":
                    found.append(entry)
                elif entry_kind != "missing":  # one removed since it was listed is simply gone
                    what = "a directory" if entry_kind == "directory" else entry_kind
                    odd.append(Problem(str(entry), 1, 1, f"not a regular file: {what}", ODD_FILE_HINT))
            if not found and not odd:
                raise UsageError(f"{root}: no .yaml files in this directory")
            files.extend(found)
        elif kind == "file":
            files.append(root)
        elif kind == "missing":
            raise UsageError(f"{root}: no such file or directory")
        else:
            odd.append(Problem(str(root), 1, 1, f"not a regular file or directory: {kind}", ODD_FILE_HINT))
    if odd:
        raise DataError(f"{len(odd)} data path(s) cannot be read", odd)
    return files


def is_packaged(file: str) -> bool:
    try:
        return Path(file).resolve().parent == packaged_data_dir().resolve()
    except (OSError, LlmkgError):
        return False


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def read_dataset(files: list[Path]) -> tuple[Dataset, list[Problem]]:
    """Parse and validate every file; return the valid records and every problem found."""
    from . import validation

    dataset = Dataset()
    problems: list[Problem] = []
    for path in files:
        name = display_path(path)
        dataset.files.append(name)
        try:
            document = read_file(path)
        except YamlProblem as exc:
            problems.append(exc.problem)
            continue
        problems.extend(document.problems)
        problems.extend(validation.add_document(dataset, document))
    return dataset, problems


def load_dataset(data: list[str] | str | None = None) -> Dataset:
    """The dataset, or DataError listing every problem if it is not valid."""
    from .checks import check

    dataset, problems = read_dataset(data_paths(data))
    problems.extend(check(dataset))
    if problems:
        raise DataError(f"the data has {len(problems)} problem(s)", problems)
    return dataset
