"""Write a file so that it is either completely written or not changed at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from ..errors import ExportError


@contextmanager
def atomic_writer(path: str | Path, mode: str = "w") -> Iterator[IO[str]]:
    """Yield a file in the target's directory; rename it over `path` only if the block succeeds."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target} is a directory; give a file name")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise ExportError(f"{directory}: no such directory")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise ExportError(f"cannot write in {directory}: {exc.strerror or exc}") from None
    try:
        os.chmod(temporary, _mode_for(target))
        with os.fdopen(handle, mode, encoding="utf-8", newline="") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual umask-based mode."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
