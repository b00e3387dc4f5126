"""A cache of the built KnowledgeGraph, so that commands skip parsing and validating YAML.

The cache is keyed by llmkg's version and each data file's path, size and modification time.
It is only ever an optimisation: a missing, stale, truncated or garbage cache file is ignored and
rebuilt, writes are atomic (temporary file + rename), and concurrent runs each write a whole file.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .graph import KnowledgeGraph

CACHE_ENV = "LLMKG_CACHE_DIR"
NO_CACHE_ENV = "LLMKG_NO_CACHE"
_KEEP = 8


@dataclass
class _Entry:
    key: tuple[object, ...]
    graph: KnowledgeGraph


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("llmkg", appauthor=False))


def fingerprint(files: list[Path]) -> tuple[object, ...]:
    from . import __version__

    parts: list[object] = [__version__, sys.version_info[:2]]
    for path in files:
        stat = path.stat()
        parts.append((str(path.resolve()), stat.st_size, stat.st_mtime_ns))
    return tuple(parts)


def load_graph(files: list[Path]) -> KnowledgeGraph:
    """The graph of `files`, from the cache when it is fresh, else built (and cached)."""
    from .graph import KnowledgeGraph
    from .loader import load_dataset

    if os.environ.get(NO_CACHE_ENV):
        return KnowledgeGraph(load_dataset([str(f) for f in files]))
    key = fingerprint(files)
    where = cache_dir() / f"graph-{hashlib.sha256(repr(key[2:]).encode()).hexdigest()[:16]}.pickle"
    cached = _read(where, key)
    if cached is not None:
        return cached
    graph = KnowledgeGraph(load_dataset([str(f) for f in files]))
    _write(where, _Entry(key, graph))
    return graph


def _read(where: Path, key: tuple[object, ...]) -> KnowledgeGraph | None:
    # Unpickling creates many small objects at once; the cyclic collector would scan them
    # repeatedly for nothing (they are all live), which costs about half the load time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with where.open("rb") as handle:
            entry = pickle.load(handle)
    except Exception:  # any unreadable cache is rebuilt, never trusted
        return None
    finally:
        if collecting:
            gc.enable()
    if isinstance(entry, _Entry) and entry.key == key:
        return entry.graph
    return None


def _write(where: Path, entry: _Entry) -> None:
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".graph-", suffix=".tmp", dir=where.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(entry, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, where)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        _prune(where.parent)
    except OSError:
        pass  # a read-only or full cache directory only costs speed


def _prune(directory: Path) -> None:
    files = sorted(directory.glob("graph-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[_KEEP:]:
        old.unlink(missing_ok=True)
