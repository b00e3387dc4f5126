"""Write files so that each is either completely written or not changed at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import ExportError


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual umask-based mode."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _check_target(target: Path, no_clobber: bool) -> None:
    if target.is_dir():
        raise ExportError(f"{target} is a directory; give a file name")
    if no_clobber and target.exists():
        raise ExportError(f"{target} exists and --no-clobber was given; nothing written")
    if not target.parent.is_dir():
        raise ExportError(f"{target.parent}: no such directory")


def _temporary(target: Path, text: str | bytes) -> str:
    """Write `text` (or bytes) to a new temporary file beside `target`; return its path."""
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"cannot write in {target.parent}: {exc.strerror or exc}") from None
    try:
        if isinstance(text, bytes):
            with os.fdopen(handle, "wb") as binary:
                binary.write(text)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
        os.chmod(temporary, _mode_for(target))
    except BaseException as exc:
        os.unlink(temporary)
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
        raise
    return temporary


def write_text(target: Path, text: str | bytes, no_clobber: bool = False) -> str:
    """Replace `target` with `text` (or bytes, for images) in one rename."""
    _check_target(target, no_clobber)
    temporary = _temporary(target, text)
    try:
        os.replace(temporary, target)
    except BaseException as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
        raise
    return str(target)


def write_files(directory: Path, files: dict[str, str], no_clobber: bool = False) -> list[str]:
    """Write several files into `directory` (created if missing): all are written before any is renamed."""
    if directory.exists() and not directory.is_dir():
        raise ExportError(f"{directory} is a file; give a directory for this format")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot create {directory}: {exc.strerror or exc}") from None
    targets = {name: directory / name for name in files}
    for target in targets.values():
        _check_target(target, no_clobber)
    temporaries: dict[str, str] = {}
    try:
        for name, text in files.items():
            temporaries[name] = _temporary(targets[name], text)
        for name, temporary in temporaries.items():
            os.replace(temporary, targets[name])
    except OSError as exc:
        raise ExportError(f"cannot write in {directory}: {exc.strerror or exc}") from None
    finally:
        for temporary in temporaries.values():
            if os.path.exists(temporary):
                os.unlink(temporary)
    return [str(target) for target in targets.values()]
