"""Read the compiled index: records, names, edges and search candidates, each by one SQL query.

Every query runs through `Index._read` (or `Index._rows` for the ones read as they are needed),
the one place where a damaged index is noticed: see `Index`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

SCHEMA_VERSION = 6  # of the tables build.py writes; an index of another version is rebuilt
EdgeData = dict[str, Any]
T = TypeVar("T")

# What reading a damaged file raises: SQLite's "database disk image is malformed" and its other
# errors (a truncated file, a broken full-text index, text that is not UTF-8), or stored values
# that no longer parse (JSON, numbers).
DAMAGE = (sqlite3.DatabaseError, ValueError, KeyError, TypeError)
Recover = Callable[[], "sqlite3.Connection | None"]


def _edge_data(row: sqlite3.Row | tuple[Any, ...]) -> EdgeData:
    _source, relation, _target, note, sources, derived, evidence = row
    return {
        "relation": relation,
        "note": note,
        "sources": json.loads(sources) if sources else [],
        "derived": bool(derived),
        "evidence": evidence,
    }


_RAREST = 8  # trigrams of a query used to find candidate names
_SUMMARY_COLUMNS = ("summary", "summary_ko", "compact")
_FULL_TEXT = ("name_search", "summary_search")
_COMMON = 2_000  # a trigram in more names than this hardly tells them apart
_EDGE_COLUMNS = "source, relation, target, note, sources, derived, evidence"


class Index:
    """A read-only view of one index database.

    A cached index file can be damaged after it was checked (a bad sector, a stray write, a
    truncation, even while a command reads it), and SQLite notices only when a query reads the
    damaged page. So every query runs through `_read` or `_rows`: on the first error a damaged
    file raises, `recover` (given by `open_index`) hands over a good database (the index rebuilt
    into the cache, or in memory), the damaged one is closed and the query runs again; a query
    read row by row goes on from the row it had reached (every such query has a total order,
    and a rebuilt index holds the same rows). Without `recover`, or when it has nothing more to
    offer, the error is raised. Checking the whole file when it is opened (`PRAGMA quick_check`)
    was measured and not chosen: it reads every page, 9 ms of CPU on the packaged data's 9 MB
    index against 0.2 ms for what `show` reads, and it grows with the data; and it passes
    damaged text (not UTF-8) that a query then fails on.
    """

    def __init__(self, db: sqlite3.Connection, recover: Recover | None = None) -> None:
        self.db = db
        self.recover = recover
        self.meta = self._read(lambda db: dict(db.execute("SELECT key, value FROM meta")))
        self.files: list[str] = json.loads(self.meta.get("files", "[]"))
        # every field of fields.FIELD_ORDER, with what it reads as on a kind that lacks it
        self.field_defaults: dict[str, Any] = json.loads(self.meta["field_defaults"])
        # how each field reads (fields.Shown of its declaration in schema.py), in field order
        self.field_specs: dict[str, dict[str, Any]] = json.loads(self.meta["field_specs"])
        # ids of records dated after the build day (index/__init__._future_candidates)
        self.future_candidates: list[str] = json.loads(self.meta.get("future_candidates", "[]"))

    def _read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        """`query`'s answer, asked again of a good database when this one is found damaged."""
        while True:
            db = self.db
            try:
                return query(db)
            except DAMAGE as error:
                if not self._replace(db, error):
                    raise

    def _rows(self, sql: str, values: Sequence[Any], convert: Callable[[Any], T]) -> Iterator[T]:
        """The rows of `sql`, converted, as they are read; after a damaged database is replaced,
        the query runs again and goes on after the rows already given."""
        given = 0
        while True:
            db = self.db
            try:
                for number, row in enumerate(db.execute(sql, values)):
                    if number >= given:
                        item = convert(row)
                        given += 1
                        yield item
                return
            except DAMAGE as error:
                if not self._replace(db, error):
                    raise

    def _all(self, sql: str, values: Sequence[Any] = (), convert: Callable[[Any], Any] = tuple) -> list[Any]:
        """Every row of `sql`, converted, by `_read`."""
        return self._read(lambda db: [convert(row) for row in db.execute(sql, values)])

    def _replace(self, failed: sqlite3.Connection, error: Exception) -> bool:
        """Whether `failed` is replaced by a good database (or already was): read again."""
        if failed is not self.db:  # another query has replaced it (and closed it)
            return True
        if isinstance(error, sqlite3.ProgrammingError) or self.recover is None:
            return False  # a mistake in a query, or an index that cannot be rebuilt
        db = self.recover()
        if db is None:
            return False
        self.db = db
        failed.close()
        return True

    def __len__(self) -> int:
        return self._read(lambda db: int(db.execute("SELECT count(*) FROM records").fetchone()[0]))

    def record(self, rid: str) -> dict[str, Any] | None:
        def query(db: sqlite3.Connection) -> dict[str, Any] | None:
            row = db.execute("SELECT json FROM records WHERE id = ?", (rid,)).fetchone()
            return None if row is None else dict(json.loads(row[0]))

        return self._read(query)

    def records_with_ids(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """The stored records with these ids, by one query."""
        sql = "SELECT id, json FROM records WHERE id IN (SELECT value FROM json_each(?))"
        return self._read(
            lambda db: {rid: json.loads(text) for rid, text in db.execute(sql, (json.dumps(ids),))}
        )

    def records(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        if kind is None:
            return self._rows("SELECT json FROM records ORDER BY position", (), _record)
        return self._rows("SELECT json FROM records WHERE kind = ? ORDER BY position", (kind,), _record)

    def dated(
        self,
        kinds: list[str],
        first_year: int | None = None,
        last_year: int | None = None,
        with_organizations: bool = True,
    ) -> Iterator[tuple[str, str, str | None, list[str]]]:
        """(id, date, notability, organizations) of the dated records of `kinds` in the years
        (organizations left empty unless asked for: reading them costs a JSON decode a row)."""
        return self._rows(
            "SELECT id, date, notability, organizations FROM records WHERE date IS NOT NULL "
            f"AND kind IN ({','.join('?' * len(kinds))}) AND year BETWEEN ? AND ? ORDER BY position",
            (
                *kinds,
                first_year if first_year is not None else -1,
                last_year if last_year is not None else 99999,
            ),
            lambda row: (row[0], row[1], row[2], json.loads(row[3]) if with_organizations and row[3] else []),
        )

    def summary_rows(self) -> dict[str, tuple[str, str | None, str | None]]:
        """{id: (kind, date, notability)} of every record, in file order, by one query."""
        rows = self._all("SELECT id, kind, date, notability FROM records ORDER BY position")
        return {rid: (kind, date, notability) for rid, kind, date, notability in rows}

    def commercial_use(self) -> dict[str, str]:
        """{model id: its verdict on commercial use} (see llmkg.licences), as built."""
        rows = self._all("SELECT id, commercial_use FROM records WHERE commercial_use IS NOT NULL")
        return {str(rid): str(verdict) for rid, verdict in rows}

    def commercial_use_of(self, rid: str) -> str | None:
        rows = self._all("SELECT commercial_use FROM records WHERE id = ?", (rid,))
        return str(rows[0][0]) if rows and rows[0][0] is not None else None

    def ids(self) -> list[str]:
        return [rid for (rid,) in self._all("SELECT id FROM records ORDER BY position")]

    def resolve_key(self, key: str) -> str | None:
        """The record a normalized name belongs to (the first record that declares it)."""
        rows = self._all("SELECT record_id FROM names WHERE key = ? ORDER BY position LIMIT 1", (key,))
        return str(rows[0][0]) if rows else None

    def records_named(self, key: str) -> list[str]:
        """Every record one of whose names has the normalized key `key`, first declared first."""
        rows = self._all(
            "SELECT record_id, min(position) AS first FROM names WHERE key = ? GROUP BY record_id "
            "ORDER BY first",
            (key,),
        )
        return [str(rid) for rid, _first in rows]

    def names_starting(self, key: str, limit: int = 2_000) -> list[tuple[str, str, str, str]]:
        """(text, record id, kind, field) of the names whose normalized key begins with `key` and is
        longer; `field` is where the name is written (`name`, `aliases.0`, `names.ko`, …)."""
        rows = self._all(
            "SELECT names.text, names.record_id, records.kind, names.field FROM names JOIN records "
            "ON records.id = names.record_id WHERE names.key > ? AND names.key < ? "
            "ORDER BY names.position LIMIT ?",
            (key, key + "\U0010ffff", limit),
        )
        return [(str(text), str(rid), str(kind), str(field)) for text, rid, kind, field in rows]

    def edges(self, rid: str, direction: str = "out") -> list[tuple[str, str, EdgeData]]:
        column = "source" if direction == "out" else "target"
        sql = f"SELECT {_EDGE_COLUMNS} FROM edges WHERE {column} = ? ORDER BY position"
        return self._all(sql, (rid,), _edge)

    def records_by_id(self) -> Iterator[dict[str, Any]]:
        """Every stored record, in id order, read as it is needed (exports)."""
        return self._rows("SELECT json FROM records ORDER BY id", (), _record)

    def edges_by_ends(self) -> Iterator[tuple[str, str, EdgeData]]:
        """Every edge ordered by source, target and relation (exports)."""
        return self._rows(f"SELECT {_EDGE_COLUMNS} FROM edges ORDER BY source, target, relation", (), _edge)

    def all_edges(self) -> Iterator[tuple[str, str, EdgeData]]:
        return self._rows(f"SELECT {_EDGE_COLUMNS} FROM edges ORDER BY position", (), _edge)

    def edge_count(self) -> int:
        return int(self._all("SELECT count(*) FROM edges")[0][0])

    def counted(self, column: str) -> dict[Any, int]:
        """{value: how many} of a column: records by `kind` or `year` (dated records), edges by
        `relation`."""
        sql = {
            "kind": "SELECT kind, count(*) FROM records GROUP BY kind",
            "year": "SELECT year, count(*) FROM records WHERE date IS NOT NULL GROUP BY year",
            "relation": "SELECT relation, count(*) FROM edges GROUP BY relation",
        }[column]
        return dict(self._all(sql))

    def sources_of(self, relations: list[str]) -> set[str]:
        """The records that are the source of an edge of one of `relations`."""
        sql = f"SELECT DISTINCT source FROM edges WHERE relation IN ({','.join('?' * len(relations))})"
        return {str(rid) for (rid,) in self._all(sql, relations)}

    def dates(self) -> list[str]:
        """The date of every dated record."""
        return [str(date) for (date,) in self._all("SELECT date FROM records WHERE date IS NOT NULL")]

    def copy_to(self, target: sqlite3.Connection) -> None:
        """Copy the whole database into `target` (`export sqlite`), which must then pass SQLite's
        quick check and the full-text indexes' integrity checks (a copy is written, so these can
        run on it): the copy of a damaged index is made again from a good one."""

        def copy(db: sqlite3.Connection) -> None:
            db.backup(target)
            if target.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                raise sqlite3.DatabaseError("database disk image is malformed")
            with target:
                for table in _FULL_TEXT:
                    target.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")

        self._read(copy)

    def name_candidates(self, key: str, limit: int = 300) -> list[tuple[str, str]]:
        """(text, record id) of names sharing the most trigrams with the normalized `key`."""
        if len(key) < 3:
            rows = self._all(
                "SELECT text, record_id FROM names WHERE key LIKE ? ESCAPE '\\' ORDER BY position LIMIT ?",
                (_like_escaped(key) + "%", limit),
            )
            return [(str(text), str(rid)) for text, rid in rows]
        grams = {key[i : i + 3] for i in range(len(key) - 2)}
        # Grams that nearly every name shares ("mod", "gpt" in a big dataset) say little and make
        # ranking slow: keep the rarest, which is where a name differs from its neighbours.
        frequency: dict[str, int] = dict(
            self._all(
                f"SELECT term, doc FROM name_search_vocab WHERE term IN ({','.join('?' * len(grams))})",
                sorted(grams),
            )
        )
        known = sorted((g for g in grams if g in frequency), key=lambda g: (frequency[g], g))
        if not known:
            return []
        rare = [gram for gram in known if frequency[gram] <= _COMMON][:_RAREST]
        if rare:  # rank the names sharing the most rare grams first
            sql = "WHERE name_search MATCH ? ORDER BY rank LIMIT ?"
            query = " OR ".join(_phrase(gram) for gram in rare)
        else:  # every gram is common: names with all of the rarest few, unranked (ranking is slow)
            sql = "WHERE name_search MATCH ? LIMIT ?"
            query = " AND ".join(_phrase(gram) for gram in known[:3])
        rows = self._all(
            "SELECT names.text, names.record_id FROM name_search JOIN names "
            f"ON names.position = name_search.rowid {sql}",
            (query, limit),
        )
        return [(str(text), str(rid)) for text, rid in rows]

    def names_of(self, rid: str) -> list[str]:
        return [str(text) for (text,) in self._all("SELECT text FROM names WHERE record_id = ?", (rid,))]

    def names_containing(self, word: str, limit: int = 2_000) -> list[tuple[str, str]]:
        """(text, record id) of the names whose normalized key contains `word` (normalized)."""
        from ..names import normalize

        key = normalize(word)
        if not key:
            return []
        if len(key) >= 3:
            rows = self._all(
                "SELECT names.text, names.record_id FROM name_search JOIN names "
                "ON names.position = name_search.rowid WHERE name_search MATCH ? LIMIT ?",
                (_phrase(key), limit),
            )
        else:
            rows = self._all(
                "SELECT text, record_id FROM names WHERE key LIKE ? ESCAPE '\\' LIMIT ?",
                ("%" + _like_escaped(key) + "%", limit),
            )
        return [(str(text), str(rid)) for text, rid in rows]

    def summaries_with(self, words: list[str], limit: int) -> dict[str, str]:
        """{record id: its summaries, English and Korean} of the records whose summaries contain
        any of `words` (at most `limit` records a word)."""
        found: dict[str, str] = {}
        for word in words:
            if len(word) >= 3:  # the trigram index finds substrings of three characters or more
                condition, values = "summary_search MATCH ?", [_phrase(word)]
            else:
                pattern = "%" + _like_escaped(word) + "%"
                condition = " OR ".join(f"summary_search.{c} LIKE ? ESCAPE '\\'" for c in _SUMMARY_COLUMNS)
                values = [pattern] * len(_SUMMARY_COLUMNS)
            rows = self._all(
                "SELECT records.id, coalesce(summary_search.summary, '') || ' ' || "
                "coalesce(summary_search.summary_ko, '') FROM summary_search JOIN records ON "
                f"records.position = summary_search.rowid WHERE {condition} LIMIT ?",
                [*values, limit],
            )
            for rid, text in rows:
                found[str(rid)] = str(text)
        return found

    def notability(self, ids: list[str]) -> dict[str, str | None]:
        """The notability of the records with these ids, by one query."""
        rows = self._all(
            "SELECT id, notability FROM records WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        return dict(rows)


def _record(row: tuple[str]) -> dict[str, Any]:
    return dict(json.loads(row[0]))


def _edge(row: tuple[Any, ...]) -> tuple[str, str, EdgeData]:
    return row[0], row[2], _edge_data(row)


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _like_escaped(text: str) -> str:
    """`text` matched literally inside a LIKE pattern (with ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
