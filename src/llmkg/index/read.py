"""Read the compiled index: records, names, edges and search candidates, each by one SQL query."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

SCHEMA_VERSION = 5  # of the tables build.py writes; an index of another version is rebuilt
EdgeData = dict[str, Any]


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
_COMMON = 2_000  # a trigram in more names than this hardly tells them apart
_EDGE_COLUMNS = "source, relation, target, note, sources, derived, evidence"


class Index:
    """A read-only view of one index database."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.meta = dict(db.execute("SELECT key, value FROM meta"))
        self.files: list[str] = json.loads(self.meta.get("files", "[]"))
        # every field of fields.FIELD_ORDER, with what it reads as on a kind that lacks it
        self.field_defaults: dict[str, Any] = json.loads(self.meta["field_defaults"])
        # how each field reads (fields.Shown of its declaration in schema.py), in field order
        self.field_specs: dict[str, dict[str, Any]] = json.loads(self.meta["field_specs"])
        # ids of records dated after the build day (index/__init__._future_candidates)
        self.future_candidates: list[str] = json.loads(self.meta.get("future_candidates", "[]"))

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM records").fetchone()[0])

    def record(self, rid: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT json FROM records WHERE id = ?", (rid,)).fetchone()
        return None if row is None else json.loads(row[0])

    def records_with_ids(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """The stored records with these ids, by one query."""
        rows = self.db.execute(
            "SELECT id, json FROM records WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),)
        )
        return {rid: json.loads(text) for rid, text in rows}

    def records(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        if kind is None:
            rows = self.db.execute("SELECT json FROM records ORDER BY position")
        else:
            rows = self.db.execute("SELECT json FROM records WHERE kind = ? ORDER BY position", (kind,))
        for (text,) in rows:
            yield json.loads(text)

    def dated(
        self, kinds: list[str], first_year: int | None = None, last_year: int | None = None
    ) -> Iterator[tuple[str, str, str | None, list[str]]]:
        """(id, date, notability, organizations) of the dated records of `kinds` in the years."""
        rows = self.db.execute(
            "SELECT id, date, notability, organizations FROM records WHERE date IS NOT NULL "
            f"AND kind IN ({','.join('?' * len(kinds))}) AND year BETWEEN ? AND ? ORDER BY position",
            (
                *kinds,
                first_year if first_year is not None else -1,
                last_year if last_year is not None else 99999,
            ),
        )
        for rid, date, notability, organizations in rows:
            yield rid, date, notability, json.loads(organizations) if organizations else []

    def summary_rows(self) -> dict[str, tuple[str, str | None, str | None]]:
        """{id: (kind, date, notability)} of every record, in file order, by one query."""
        rows = self.db.execute("SELECT id, kind, date, notability FROM records ORDER BY position")
        return {rid: (kind, date, notability) for rid, kind, date, notability in rows}

    def ids(self) -> list[str]:
        return [rid for (rid,) in self.db.execute("SELECT id FROM records ORDER BY position")]

    def resolve_key(self, key: str) -> str | None:
        """The record a normalized name belongs to (the first record that declares it)."""
        row = self.db.execute(
            "SELECT record_id FROM names WHERE key = ? ORDER BY position LIMIT 1", (key,)
        ).fetchone()
        return None if row is None else str(row[0])

    def records_named(self, key: str) -> list[str]:
        """Every record one of whose names has the normalized key `key`, first declared first."""
        rows = self.db.execute(
            "SELECT record_id, min(position) AS first FROM names WHERE key = ? GROUP BY record_id "
            "ORDER BY first",
            (key,),
        )
        return [str(rid) for rid, _first in rows]

    def names_starting(self, key: str, limit: int = 2_000) -> list[tuple[str, str, str, str]]:
        """(text, record id, kind, field) of the names whose normalized key begins with `key` and is
        longer; `field` is where the name is written (`name`, `aliases.0`, `names.ko`, …)."""
        rows = self.db.execute(
            "SELECT names.text, names.record_id, records.kind, names.field FROM names JOIN records "
            "ON records.id = names.record_id WHERE names.key > ? AND names.key < ? "
            "ORDER BY names.position LIMIT ?",
            (key, key + "\U0010ffff", limit),
        )
        return [(str(text), str(rid), str(kind), str(field)) for text, rid, kind, field in rows]

    def edges(self, rid: str, direction: str = "out") -> list[tuple[str, str, EdgeData]]:
        column = "source" if direction == "out" else "target"
        rows = self.db.execute(
            f"SELECT {_EDGE_COLUMNS} FROM edges WHERE {column} = ? ORDER BY position", (rid,)
        )
        return [(row[0], row[2], _edge_data(row)) for row in rows]

    def records_by_id(self) -> Iterator[dict[str, Any]]:
        """Every stored record, in id order, read as it is needed (exports)."""
        for (text,) in self.db.execute("SELECT json FROM records ORDER BY id"):
            yield json.loads(text)

    def edges_by_ends(self) -> Iterator[tuple[str, str, EdgeData]]:
        """Every edge ordered by source, target and relation (exports)."""
        for row in self.db.execute(f"SELECT {_EDGE_COLUMNS} FROM edges ORDER BY source, target, relation"):
            yield row[0], row[2], _edge_data(row)

    def all_edges(self) -> Iterator[tuple[str, str, EdgeData]]:
        for row in self.db.execute(f"SELECT {_EDGE_COLUMNS} FROM edges ORDER BY position"):
            yield row[0], row[2], _edge_data(row)

    def name_candidates(self, key: str, limit: int = 300) -> list[tuple[str, str]]:
        """(text, record id) of names sharing the most trigrams with the normalized `key`."""
        if len(key) < 3:
            rows = self.db.execute(
                "SELECT text, record_id FROM names WHERE key LIKE ? ESCAPE '\\' ORDER BY position LIMIT ?",
                (_like_escaped(key) + "%", limit),
            )
            return [(str(text), str(rid)) for text, rid in rows]
        grams = {key[i : i + 3] for i in range(len(key) - 2)}
        # Grams that nearly every name shares ("mod", "gpt" in a big dataset) say little and make
        # ranking slow: keep the rarest, which is where a name differs from its neighbours.
        frequency = dict(
            self.db.execute(
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
        rows = self.db.execute(
            "SELECT names.text, names.record_id FROM name_search JOIN names "
            f"ON names.position = name_search.rowid {sql}",
            (query, limit),
        )
        return [(str(text), str(rid)) for text, rid in rows]

    def names_of(self, rid: str) -> list[str]:
        return [
            str(text) for (text,) in self.db.execute("SELECT text FROM names WHERE record_id = ?", (rid,))
        ]

    def names_containing(self, word: str, limit: int = 2_000) -> list[tuple[str, str]]:
        """(text, record id) of the names whose normalized key contains `word` (normalized)."""
        from ..names import normalize

        key = normalize(word)
        if not key:
            return []
        if len(key) >= 3:
            rows = self.db.execute(
                "SELECT names.text, names.record_id FROM name_search JOIN names "
                "ON names.position = name_search.rowid WHERE name_search MATCH ? LIMIT ?",
                (_phrase(key), limit),
            )
        else:
            rows = self.db.execute(
                "SELECT text, record_id FROM names WHERE key LIKE ? ESCAPE '\\' LIMIT ?",
                ("%" + _like_escaped(key) + "%", limit),
            )
        return [(str(text), str(rid)) for text, rid in rows]

    def summaries_with(self, words: list[str], limit: int) -> dict[str, str]:
        """{record id: its summaries, English and Korean} of the records whose summaries contain
        any of `words` (at most `limit` records a word)."""
        found: dict[str, str] = {}
        for word in words:
            if len(word) >= 3:
                condition, values = "summary_search MATCH ?", [_phrase(word)]
            else:
                pattern = "%" + _like_escaped(word) + "%"
                condition = " OR ".join(f"summary_search.{c} LIKE ? ESCAPE '\\'" for c in _SUMMARY_COLUMNS)
                values = [pattern] * len(_SUMMARY_COLUMNS)
            rows = self.db.execute(
                "SELECT records.id, coalesce(summary_search.summary, '') || ' ' || "
                "coalesce(summary_search.summary_ko, '') FROM summary_search JOIN records ON "
                f"records.position = summary_search.rowid WHERE {condition} LIMIT ?",
                [*values, limit],
            )
            for rid, text in rows:
                found[str(rid)] = str(text)
        return found

    def summary_matches(self, words: list[str]) -> dict[str, int]:
        """How many of `words` each record's summaries contain (case-insensitive)."""
        found: dict[str, int] = {}
        for word in words:
            if len(word) >= 3:  # the trigram index finds substrings of three characters or more
                condition, values = "summary_search MATCH ?", [_phrase(word)]
            else:
                pattern = "%" + _like_escaped(word) + "%"
                condition = " OR ".join(f"summary_search.{c} LIKE ? ESCAPE '\\'" for c in _SUMMARY_COLUMNS)
                values = [pattern] * len(_SUMMARY_COLUMNS)
            rows = self.db.execute(
                "SELECT records.id FROM summary_search JOIN records ON records.position = "
                f"summary_search.rowid WHERE {condition}",
                values,
            )
            for (rid,) in rows:
                found[rid] = found.get(rid, 0) + 1
        return found

    def notability(self, ids: list[str]) -> dict[str, str | None]:
        """The notability of the records with these ids, by one query."""
        rows = self.db.execute(
            "SELECT id, notability FROM records WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),),
        )
        return dict(rows)


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _like_escaped(text: str) -> str:
    """`text` matched literally inside a LIKE pattern (with ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
