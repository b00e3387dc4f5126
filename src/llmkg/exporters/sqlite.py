"""`export sqlite`: the compiled index itself, as a database file with a documented schema.

The database is copied from the open index with SQLite's backup API (so it is exactly what llmkg
queries; the copy of a damaged index is made again from the rebuilt one), narrowed to the
selection when one is given, into the temporary file that the export then puts in place.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import ExportError

if TYPE_CHECKING:
    from . import Selected
    from .options import ExportOptions


def render(selected: Selected, options: ExportOptions) -> Callable[[str], None]:
    """A function that writes the selected records' database into a given (temporary) file."""

    def fill(temporary: str) -> None:
        try:
            copy = sqlite3.connect(temporary)
            try:
                selected.kg.index.copy_to(copy)
                if len(selected.ids) < len(selected.kg):
                    _keep_only(copy, selected.ids)
                copy.execute("VACUUM")
            finally:
                copy.close()
        except sqlite3.Error as exc:
            raise ExportError(str(exc)) from None

    return fill


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
