"""`export sqlite`: the compiled index itself, as a database file with a documented schema.

The database is copied from the open index with SQLite's backup API (so it is exactly what llmkg
queries), narrowed to the selection when one is given, and renamed into place.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExportError
from .atomic import _check_target, _mode_for

if TYPE_CHECKING:
    from ..store import Store


def write_database(kg: Store, node_ids: set[str], target: Path, no_clobber: bool = False) -> str:
    _check_target(target, no_clobber)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(handle)
    except OSError as exc:
        raise ExportError(f"cannot write in {target.parent}: {exc.strerror or exc}") from None
    try:
        copy = sqlite3.connect(temporary)
        try:
            kg.index.db.backup(copy)
            if len(node_ids) < len(kg):
                _keep_only(copy, node_ids)
            copy.execute("VACUUM")
        finally:
            copy.close()
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except (OSError, sqlite3.Error) as exc:
        raise ExportError(f"cannot write {target}: {getattr(exc, 'strerror', None) or exc}") from None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return str(target)


def _keep_only(db: sqlite3.Connection, node_ids: set[str]) -> None:
    with db:
        db.execute("CREATE TEMP TABLE chosen (id TEXT PRIMARY KEY)")
        db.executemany("INSERT INTO chosen VALUES (?)", ((rid,) for rid in node_ids))
        db.executescript(
            """
            DELETE FROM records WHERE id NOT IN (SELECT id FROM chosen);
            DELETE FROM names WHERE record_id NOT IN (SELECT id FROM chosen);
            DELETE FROM sources WHERE record_id NOT IN (SELECT id FROM chosen);
            DELETE FROM edges WHERE source NOT IN (SELECT id FROM chosen)
                OR target NOT IN (SELECT id FROM chosen);
            INSERT INTO name_search (name_search) VALUES ('rebuild');
            DELETE FROM summary_search WHERE rowid NOT IN (SELECT position FROM records);
            """
        )
