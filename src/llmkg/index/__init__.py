"""The compiled index: an SQLite database built from the validated data, reused while it is fresh.

An index is only ever an optimisation, and never trusted: it lives in a directory of the user's
own (created with mode 0700; one that another user owns or may write to is not used), is keyed
by a fingerprint of every data file that an in-place edit cannot keep (path, device, inode, size,
modification and change times), carries a schema version, is written to a temporary file and
renamed into place, and is opened read-only. A file that is not a regular file of ours, is not
an SQLite database, is truncated, or was built from other data or by another schema version is
rebuilt. SQLite reads data, never code: nothing in the file can execute.

A file damaged where these checks do not look (a page in the middle) is found when a query reads
it, and rebuilt then: see `Index` and `_Recovery`.

Builds of one index take a lock (see `_build_lock`), so that concurrent first runs build it once;
what a killed build leaves is removed by a later run (see `_remove_stale`).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..credits import ATTRIBUTION, DATA_LICENCE
from ..version import __version__
from .read import DAMAGE, SCHEMA_VERSION, Index

if TYPE_CHECKING:
    from ..dataset import Dataset

CACHE_ENV = "LLMKG_CACHE_DIR"
NO_CACHE_ENV = "LLMKG_NO_CACHE"
_KEEP = 8
_LOCK_WAIT = 60.0  # seconds a run waits for another run's build before building in memory
_STALE = 600.0  # seconds after which a temporary file no build holds is a killed build's
_BUSY = -1  # _lock: another run held the lock for _LOCK_WAIT seconds
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("llmkg", appauthor=False))


def fingerprint(files: list[Path]) -> str:
    """The data files' identities, as text; any write to a file changes its change time."""
    from ..paths import LICENCE_TERMS

    # The licences' terms come with llmkg and decide each model's verdict on commercial use.
    terms = LICENCE_TERMS.stat()
    parts: list[object] = [__version__, SCHEMA_VERSION, terms.st_size, terms.st_mtime_ns]
    for path in files:
        info = path.stat()
        parts.append([str(path.resolve()), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns,
                      info.st_ctime_ns])  # fmt: skip
    return json.dumps(parts)


def open_index(files: list[Path], use_cache: bool = True) -> Index:
    """The index of `files`: the cached one when it is fresh and ours, else newly built."""
    key = fingerprint(files)
    if not use_cache or os.environ.get(NO_CACHE_ENV):
        return Index(build_in_memory(files, key))
    directory = cache_dir()
    name = f"{zlib.crc32(chr(0).join(str(f.resolve()) for f in files).encode()):08x}"
    where = directory / f"index-{name}.sqlite"
    if not _own_directory(directory):
        return Index(build_in_memory(files, key))
    _remove_stale(directory)
    recovery = _Recovery(files, where)
    cached = _open_cached(where, key)
    if cached is not None:
        index, recovery.identity = cached
        index.recover = recovery
        return index
    db, recovery.identity = _fresh(files, where, key)
    return Index(db, recovery)


Identity = tuple[int, int]  # (device, inode) of an index file


class _Recovery:
    """What an index read from the cache does when a query finds it damaged (`Index._replace`).

    The first time, it takes a good index file from the cache: the one another run has put in
    place of the damaged file since, else one built now (atomically, as any build), which replaces
    the damaged file so that the next run does not meet it; when the cache cannot be written (or
    its build lock not had), an index built in memory. Should the new file fail too, it builds the
    index in memory; after that it gives up, and the error, then no damage of the cache, is raised.
    """

    def __init__(self, files: list[Path], where: Path) -> None:
        self.files = files
        self.where = where
        self.identity: Identity | None = None  # of the file in use; None: the index is in memory
        self.rebuilt = False

    def __call__(self) -> sqlite3.Connection | None:
        if self.identity is None:
            return None
        key = fingerprint(self.files)
        if self.rebuilt:
            self.identity = None
            return build_in_memory(self.files, key)
        self.rebuilt = True
        db, self.identity = _fresh(self.files, self.where, key, damaged=self.identity)
        return db


def _fresh(
    files: list[Path], where: Path, key: str, damaged: Identity | None = None
) -> tuple[sqlite3.Connection, Identity | None]:
    """A good index of `files`, and the identity of its file (None in memory): the cached one if
    it is fresh and not the `damaged` file (another run may have built it while this one waited
    for the build lock), else one built into the cache, else in memory."""
    with _build_lock(where) as held:
        if held:
            cached = _open_cached(where, key)
            if cached is not None:
                index, identity = cached
                if identity != damaged:
                    return index.db, identity
                index.db.close()
            built = _build_file(files, where, key)
            if built is not None:
                return built
    return build_in_memory(files, key), None


@contextlib.contextmanager
def _build_lock(where: Path) -> Iterator[bool]:
    """Hold the build lock of the index `where` (an flock on `index-….lock` beside it) while the
    body runs, so that of concurrent runs that find no good index one builds it and the others
    wait, then open it. Yields False when another run has held the lock for `_LOCK_WAIT` seconds
    (a slow or stuck build: better to build in memory than to hang), else True; where there are
    no flock locks (not POSIX, or a file system without them) every run builds, as before."""
    handle = _lock(where.with_suffix(".lock"))
    try:
        yield handle != _BUSY
    finally:
        if handle is not None and handle != _BUSY:
            os.close(handle)  # which releases the lock


def _lock(path: Path) -> int | None:
    """A descriptor of `path` holding its exclusive flock; _BUSY when another run has held it
    for `_LOCK_WAIT` seconds; None when there are no flock locks here."""
    try:
        import fcntl
    except ImportError:
        return None
    deadline = time.monotonic() + _LOCK_WAIT
    delay = 0.005
    while True:
        try:
            handle = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
        except OSError:
            return None
        try:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        os.close(handle)
                        return _BUSY
                    time.sleep(delay)
                    delay = min(delay * 2, 0.1)
            if _same_file(handle, path):
                return handle
        except OSError:  # no flock on this file system
            os.close(handle)
            return None
        os.close(handle)  # the lock file was removed while this run waited: lock the new one


def _same_file(handle: int, path: Path) -> bool:
    try:
        mine, now = os.fstat(handle), os.lstat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)


def _remove_if_unheld(path: str) -> None:
    """Remove `path` unless another process holds an flock on it (with no flock locks here: unless
    the system refuses to remove a file that is open, as Windows does)."""
    try:
        import fcntl
    except ImportError:
        with contextlib.suppress(OSError):
            os.unlink(path)
        return
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | _NOFOLLOW)
    except OSError:
        return
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if _same_file(handle, Path(path)):
            os.unlink(path)
    except OSError:
        pass  # held: in use
    finally:
        os.close(handle)


def _remove_stale(directory: Path) -> None:
    """Remove the temporary files of builds that were killed: a `.index-*.tmp` older than `_STALE`
    that no build holds. A build holds its temporary file's flock until the file is renamed into
    place, so where there are flock locks the age only covers the instant between creating the
    file and locking it, and builds that do not lock (an older llmkg sharing the directory, or a
    system without flock): ten minutes is well beyond a build of 100,000 records (40 s)."""
    try:
        with os.scandir(directory) as entries:
            names = [entry.name for entry in entries if entry.name.startswith(".index-")]
    except OSError:
        return
    for name in names:
        path = os.path.join(directory, name)
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if name.endswith(".tmp") and stat.S_ISREG(info.st_mode) and time.time() - info.st_mtime > _STALE:
            _remove_if_unheld(path)


def _hold(handle: int) -> None:
    """Take the flock of a new temporary file, which tells `_remove_stale` it is being written."""
    try:
        import fcntl

        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (ImportError, OSError):
        pass


def build_in_memory(files: list[Path], key: str) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    _fill(db, files, key)
    return db


def _fill(db: sqlite3.Connection, files: list[Path], key: str) -> None:
    from ..derived import defaults, specs
    from ..loader import load_dataset
    from .build import write

    dataset = load_dataset([str(path) for path in files])
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    meta = {
        "future_candidates": json.dumps(_future_candidates(dataset)),
        "llmkg_version": __version__,
        "fingerprint": key,
        "files": json.dumps(dataset.files),
        "field_defaults": json.dumps(defaults()),
        "field_specs": json.dumps(specs(), ensure_ascii=False),
        "data_license": DATA_LICENCE,  # the data's licence and credit travel with the database
        "attribution": ATTRIBUTION,
    }
    write(db, dataset, meta)


def _future_candidates(dataset: Dataset) -> list[str]:
    """Records with a date after the day of the build: the only ones that can be in the future
    when the index is used (time only moves on), so `llmkg.load` checks just these."""
    import datetime as dt

    from ..checks import future_records

    return sorted(future_records(dataset.records.values(), dt.date.today()))


def _own_directory(directory: Path) -> bool:
    """True when `directory` exists (creating it 0700) and no other user can write to it."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(directory)
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        return False
    return not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _open_cached(where: Path, key: str) -> tuple[Index, Identity] | None:
    """The index at `where` and its file's identity, when it is ours, whole and built from `key`."""
    try:
        info = os.lstat(where)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or (hasattr(os, "geteuid") and info.st_uid != os.geteuid()):
        return None
    db = None
    try:
        db = sqlite3.connect(f"{where.resolve().as_uri()}?mode=ro", uri=True)
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        if page_size * pages != info.st_size:
            raise sqlite3.DatabaseError("truncated or extended")
        index = Index(db)
        if index.meta.get("schema_version") != str(SCHEMA_VERSION) or index.meta.get("fingerprint") != key:
            raise sqlite3.DatabaseError("built from other data")
        return index, (info.st_dev, info.st_ino)
    except (sqlite3.Error, *DAMAGE):  # any doubt: rebuild
        if db is not None:
            db.close()
        return None


def _build_file(files: list[Path], where: Path, key: str) -> tuple[sqlite3.Connection, Identity] | None:
    """Build into a temporary file beside `where`, rename it into place, open it read-only."""
    try:
        import tempfile  # only a build writes a file

        handle, temporary = tempfile.mkstemp(prefix=".index-", suffix=".tmp", dir=where.parent)
    except OSError:
        return None
    try:
        _hold(handle)
        db = sqlite3.connect(temporary)
        try:
            _fill(db, files, key)
        finally:
            db.close()
        os.chmod(temporary, 0o600)
        info = os.fstat(handle)
        os.replace(temporary, where)
    except (OSError, sqlite3.Error):
        return None  # a read-only or full cache directory only costs speed
    finally:
        with contextlib.suppress(OSError):  # unless it was renamed into place
            os.unlink(temporary)
        os.close(handle)
    _prune(where.parent)
    try:
        return sqlite3.connect(f"{where.resolve().as_uri()}?mode=ro", uri=True), (info.st_dev, info.st_ino)
    except sqlite3.Error:
        return None


def _prune(directory: Path) -> None:
    """Keep the `_KEEP` newest indexes, and the lock files of those (or of indexes being built)."""
    try:
        files = sorted(directory.glob("index-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[_KEEP:]:
            old.unlink(missing_ok=True)
        for lock in directory.glob("index-*.lock"):
            if not lock.with_suffix(".sqlite").exists():
                _remove_if_unheld(str(lock))
        for stale in directory.glob("graph-*.pickle"):  # left by llmkg 0.1
            stale.unlink(missing_ok=True)
    except OSError:
        pass


__all__ = ["CACHE_ENV", "NO_CACHE_ENV", "Index", "cache_dir", "open_index"]
