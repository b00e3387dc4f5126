"""Write files (exports, the explorer page, charts) so that each is either completely written or
not changed at all.

What the target is decides how it is written, and nothing but a regular file is ever replaced:
- a regular file, or a name not yet taken: a temporary file beside it, renamed over it in one step
  (missing parent directories are created);
- a symbolic link: followed, and its target replaced that way; the link stays;
- a character device (/dev/null) or a FIFO: written through, as a shell redirection would, since
  it cannot be replaced;
- anything else (a directory, a socket, a block device, a link loop): refused.
With `no_clobber`, a new file is created exclusively (a hard link of the complete temporary file),
so two runs cannot both find the name free; a device or FIFO is still written through, as the
shell's noclobber allows.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Union

from .errors import ExportError, os_reason
from .filekind import file_kind

_REPLACE, _STREAM = "replace", "stream"


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual umask-based mode."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _destination(target: Path) -> tuple[Path, str]:
    """The path to write for `target` and how: replaced (a regular file or a new one) or streamed."""
    kind = file_kind(target)
    if kind == "file" or kind == "missing" or kind.startswith("a dangling symbolic link"):
        # A link's final target is what gets replaced (or created, if the link dangles).
        return (Path(os.path.realpath(target)) if os.path.islink(target) else target), _REPLACE
    if kind in ("a character device", "a FIFO (named pipe)"):
        return target, _STREAM
    if kind == "directory":
        raise ExportError("{path} is a directory; give a file name", path=str(target))
    raise ExportError(
        "{path} is {kind}; llmkg writes regular files, character devices (/dev/null) and FIFOs only",
        path=str(target),
        kind=kind,
    )


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(
            "cannot create the directory {path}: {reason}", path=str(path.parent), reason=os_reason(exc)
        ) from None


Content = Union[str, bytes, Iterable[str]]  # an iterable is written chunk by chunk (a streamed export)


def _chunks(text: Content) -> Iterator[bytes]:
    if isinstance(text, str):
        yield text.encode("utf-8")
    elif isinstance(text, bytes):
        yield text
    else:
        for chunk in text:
            yield chunk.encode("utf-8")


def _temporary(target: Path, text: Content) -> str:
    """Write `text` (or bytes, for images) to a new temporary file beside `target`; return its path."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(
            "cannot write in {path}: {reason}", path=str(target.parent), reason=os_reason(exc)
        ) from None
    try:
        with os.fdopen(handle, "wb") as out:
            for chunk in _chunks(text):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(target))
    except BaseException as exc:
        os.unlink(temporary)
        if isinstance(exc, OSError):
            raise ExportError(
                "cannot write {path}: {reason}", path=str(target), reason=os_reason(exc)
            ) from None
        raise
    return temporary


def _refuse_existing(path: Path) -> None:
    if os.path.lexists(path):
        raise ExportError("{path} exists and --no-clobber was given; nothing written", path=str(path))


def refuse_existing(target: Path) -> None:
    """For --no-clobber: refuse when the file `target` stands for (a link's target) exists."""
    path, how = _destination(target)
    if how != _STREAM:
        _refuse_existing(path)


def _create_exclusively(temporary: str, path: Path) -> None:
    """Give the complete temporary file the name `path`, unless that name is taken by then."""
    try:
        os.link(temporary, path)
    except FileExistsError:
        _refuse_existing(path)
        raise
    except OSError:
        # A file system without hard links: create the name exclusively and copy into it.
        with open(temporary, "rb") as source, open(path, "xb") as out:
            try:
                shutil.copyfileobj(source, out)
            except BaseException:
                os.unlink(path)
                raise


def _write_through(target: Path, text: Content) -> None:
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "wb") as out:
            for chunk in _chunks(text):
                out.write(chunk)
    except OSError as exc:
        raise ExportError("cannot write {path}: {reason}", path=str(target), reason=os_reason(exc)) from None


def _discard(*paths: str) -> None:
    for path in paths:
        if os.path.lexists(path):
            os.unlink(path)


def _make_parents_as_typed(target: Path, path: Path) -> None:
    """Create the missing directories of `target` as typed; a symbolic link is followed only into
    directories that exist (making the directories a link points into would write where the
    user never named)."""
    if path == target:
        _make_parent(path)
    elif not path.parent.is_dir():
        raise ExportError(
            "{path} is a symbolic link into {directory}, which does not exist",
            path=str(target),
            directory=str(path.parent),
        )


def write_text(target: Path, text: Content, no_clobber: bool = False) -> str:
    """Write `text` (or bytes) to `target`: replaced in one rename, or written through a device or FIFO."""
    path, how = _destination(target)
    if how == _STREAM:
        _write_through(path, text)
        return str(target)
    if no_clobber:
        _refuse_existing(path)
    _make_parents_as_typed(target, path)
    return install(_temporary(path, text), target, no_clobber)


def temporary_beside(target: Path) -> str:
    """A new, empty temporary file where `target` will be written, for writers that fill a file
    themselves (SQLite); hand it to `install` when it is complete."""
    path, how = _destination(target)
    if how != _STREAM:
        _make_parents_as_typed(target, path)
    where = path.parent if how != _STREAM else Path(tempfile.gettempdir())
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=where)
    except OSError as exc:
        raise ExportError(
            "cannot write in {path}: {reason}", path=str(where), reason=os_reason(exc)
        ) from None
    os.close(handle)
    return temporary


def install(temporary: str, target: Path, no_clobber: bool = False) -> str:
    """Put the complete file `temporary` in place of `target` by the rules of `write_text`."""
    path, how = _destination(target)
    try:
        if how == _STREAM:
            with open(temporary, "rb") as source:
                _write_through(path, source.read())
            return str(target)
        os.chmod(temporary, _mode_for(path))
        if no_clobber:
            _create_exclusively(temporary, path)
        else:
            os.replace(temporary, path)
    except OSError as exc:
        raise ExportError("cannot write {path}: {reason}", path=str(target), reason=os_reason(exc)) from None
    finally:
        _discard(temporary)
    return str(target)


def write_files(directory: Path, files: dict[str, str], no_clobber: bool = False) -> list[str]:
    """Write several files into `directory` (created if missing) as one set: every file is written
    before any is renamed, and if a later rename fails, the files already renamed get their previous
    contents back (kept meanwhile as hard links), so the set is never left half old, half new.
    Only SIGKILL between two renames could still leave a mixed set."""
    kind = file_kind(directory)
    if kind == "missing":
        try:
            directory.mkdir(parents=True)
        except OSError as exc:
            raise ExportError(
                "cannot create {path}: {reason}", path=str(directory), reason=os_reason(exc)
            ) from None
    elif kind == "file":
        raise ExportError("{path} is a file; give a directory for this format", path=str(directory))
    elif kind != "directory":
        raise ExportError(
            "{path} is {kind}; give a directory for this format", path=str(directory), kind=kind
        )
    targets: dict[str, Path] = {}
    for name in files:
        path, how = _destination(directory / name)
        if how == _STREAM:
            raise ExportError(
                "{path} is not a regular file; the files of this format are written together",
                path=str(directory / name),
            )
        if no_clobber:
            _refuse_existing(path)
        targets[name] = path
    temporaries: dict[str, str] = {}
    backups: dict[str, str] = {}
    done: list[str] = []
    try:
        for name, text in files.items():
            temporaries[name] = _temporary(targets[name], text)
        if not no_clobber:
            for name, path in targets.items():
                if os.path.lexists(path):
                    backups[name] = _keep(path)
        for name, path in targets.items():
            if no_clobber:
                _create_exclusively(temporaries[name], path)
            else:
                os.replace(temporaries[name], path)
            done.append(name)
    except BaseException as exc:
        for name in reversed(done):  # put back what was there before
            if name in backups:
                os.replace(backups.pop(name), targets[name])
            else:
                _discard(str(targets[name]))
        if isinstance(exc, OSError):
            raise ExportError(
                "cannot write in {path}: {reason}", path=str(directory), reason=os_reason(exc)
            ) from None
        raise
    finally:
        _discard(*temporaries.values(), *backups.values())
    return [str(directory / name) for name in files]


def _keep(path: Path) -> str:
    """A second name for the file at `path` (a hard link, else a copy), to restore it from."""
    handle, backup = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".old", dir=path.parent)
    os.close(handle)
    try:
        os.unlink(backup)
        os.link(path, backup)
    except OSError:
        shutil.copy2(path, backup)
    return backup
