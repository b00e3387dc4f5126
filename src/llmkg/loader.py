"""Find the data, parse every YAML file keeping file:line for each record, and build a Dataset."""

from __future__ import annotations

import os
from pathlib import Path

from .dataset import Dataset
from .errors import DataError, Problem, UsageError, os_reason, shown
from .filekind import ODD_FILE_HINT, file_kind
from .i18n import Message
from .paths import PACKAGED, packaged_data_dir

DATA_ENV = "LLMKG_DATA"
YAML_SUFFIXES = (".yaml", ".yml")


def data_paths(data: list[str] | str | None = None) -> list[Path]:
    """The data files to read: from `data` (dirs or files), else $LLMKG_DATA, else the packaged data."""
    files: list[Path] = []
    odd: list[Problem] = []  # special files are named, never skipped silently nor opened
    for root in _roots(data):
        kind = file_kind(root)
        if kind == "directory":
            found, strange = _directory(root)
            files.extend(found)
            odd.extend(strange)
        elif kind == "file":
            files.append(root)
        elif kind == "missing":
            raise UsageError(
                "{path}: no such file or directory", path=shown(str(root), quote=False, limit=300)
            )
        else:
            what = Message("not a regular file or directory: {kind}", kind=kind)
            odd.append(Problem(str(root), 1, 1, what, ODD_FILE_HINT))
    if odd:
        raise DataError("{n} data path(s) cannot be read", odd, n=len(odd))
    return files


def _roots(data: list[str] | str | None) -> list[Path]:
    """The directories and files named by `data`, else by $LLMKG_DATA, else the packaged data."""
    if isinstance(data, str):
        data = [data]
    if not data:
        env = os.environ.get(DATA_ENV, "")
        data = [part for part in env.split(os.pathsep) if part]
    return [
        packaged_data_dir() if item == PACKAGED else Path(item).expanduser() for item in data or [PACKAGED]
    ]


def _directory(root: Path) -> tuple[list[Path], list[Problem]]:
    """The data files of a directory, and its entries that are not regular files."""
    try:
        # Names starting with '.' are hidden: editors keep lock files (often dangling symbolic
        # links) and backups there.
        entries = sorted(
            p for p in root.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith(".")
        )
    except OSError as exc:
        raise DataError(
            "{path}: cannot list the directory: {reason}", path=str(root), reason=os_reason(exc)
        ) from None
    found, odd = [], []
    for entry in entries:
        kind = file_kind(entry)
        if kind == "file":
            found.append(entry)
        elif kind != "missing":  # one removed since it was listed is simply gone
            what = Message("a directory") if kind == "directory" else kind
            message = Message("not a regular file: {what}", what=what)
            odd.append(Problem(str(entry), 1, 1, message, ODD_FILE_HINT))
    if not found and not odd:
        raise UsageError("{path}: no .yaml files in this directory", path=str(root))
    return found, odd


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def read_dataset(files: list[Path]) -> tuple[Dataset, list[Problem]]:
    """Parse and validate every file; return the valid records and every problem found."""
    from . import validation
    from .yamlread import YamlProblem, read_file

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
        document.compact(path)
    return dataset, problems


def load_dataset(data: list[str] | str | None = None) -> Dataset:
    """The dataset, or DataError listing every problem if it is not valid."""
    from .checks import check

    dataset, problems = read_dataset(data_paths(data))
    problems.extend(check(dataset))
    if problems:
        raise DataError("the data has {n} problem(s)", problems, n=len(problems))
    return dataset
