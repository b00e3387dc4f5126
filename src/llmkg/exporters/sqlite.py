"""`export sqlite`: the compiled index itself, as a database file with a documented schema.

The database is copied from the open index with SQLite's backup API (so it is exactly what llmkg
queries), narrowed to the selection when one is given, and renamed into place.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExportError
from .atomic import install, refuse_existing, temporary_beside

if TYPE_CHECKING:
    from ..store import Store


def write_database(kg: Store, node_ids: set[str], target: Path, no_clobber: bool = False) -> str:
    if no_clobber:
        refuse_existing(target)
    temporary = temporary_beside(target)
    try:
        copy = sqlite3.connect(temporary)
        try:
            kg.index.db.backup(copy)
            if len(node_ids) < len(kg):
                _keep_only(copy, node_ids)
            copy.execute("VACUUM")
        finally:
            copy.close()
    except sqlite3.Error as exc:
        os.unlink(temporary)
        raise ExportError(f"cannot write {target}: {exc}") from None
    except BaseException:
        os.unlink(temporary)
        raise
    return install(temporary, target, no_clobber)


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
