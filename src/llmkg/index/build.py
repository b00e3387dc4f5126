"""Write a validated Dataset into an SQLite database: the compiled index and `export sqlite`.

Tables (a stable, documented schema; new columns may be added, none removed):

- `meta(key, value)`: `schema_version`, `llmkg_version`, `fingerprint`, `files` (JSON list),
  `field_defaults` and `field_specs` (how each field reads, from its declaration in schema.py);
- `records`: one row per record, a column per attribute (derived.columns()), plus `year`, the
  source `file` and `line`, and `json`, the whole record as validated;
- `names(record_id, text, key, field)`: every name a record answers to, with its normalized key;
- `edges(source, relation, target, note, sources, derived, evidence)`;
- `sources(record_id, position, source)`;
- `name_search` and `summary_search`: FTS5 trigram indexes over names and summaries (the
  latter also without white space).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .. import dates
from ..derived import columns, ordered
from ..edges import record_edges
from ..fields import flatten
from ..names import name_keys, normalize
from .read import SCHEMA_VERSION

if TYPE_CHECKING:
    from ..dataset import Dataset


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def create_tables(db: sqlite3.Connection) -> list[str]:
    """Create the tables; return the attribute columns of `records`."""
    attributes = [(name, kind) for name, kind in columns() if name not in ("id", "kind")]
    declared = ", ".join(f"{_quote(name)} {kind}" for name, kind in attributes)
    db.executescript(
        f"""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE records (
            position INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, {declared},
            year INTEGER, commercial_use TEXT, file TEXT, line INTEGER, json TEXT NOT NULL);
        CREATE TABLE names (
            position INTEGER PRIMARY KEY, record_id TEXT NOT NULL, text TEXT NOT NULL,
            key TEXT NOT NULL, field TEXT NOT NULL);
        CREATE TABLE edges (
            position INTEGER PRIMARY KEY, source TEXT NOT NULL, relation TEXT NOT NULL,
            target TEXT NOT NULL, note TEXT, sources TEXT, derived INTEGER NOT NULL, evidence TEXT);
        CREATE TABLE sources (record_id TEXT NOT NULL, position INTEGER NOT NULL, source TEXT NOT NULL);
        CREATE VIRTUAL TABLE name_search USING fts5(
            key, content='names', content_rowid='position', tokenize='trigram');
        CREATE VIRTUAL TABLE name_search_vocab USING fts5vocab(name_search, 'row');
        CREATE VIRTUAL TABLE summary_search USING fts5(summary, summary_ko, compact, tokenize='trigram');
        """
    )
    return [name for name, _kind in attributes]


def write(db: sqlite3.Connection, dataset: Dataset, meta: dict[str, str]) -> None:
    """Fill an empty database with `dataset` (one transaction)."""
    attributes = create_tables(db)
    record_columns = ["id", "kind", *attributes, "year", "commercial_use", "file", "line", "json"]
    insert_record = (
        f"INSERT INTO records ({', '.join(map(_quote, record_columns))}) "
        f"VALUES ({', '.join('?' * len(record_columns))})"
    )
    with db:
        db.executemany(insert_record, _record_rows(dataset, attributes, _commercial_use(dataset)))
        db.executemany(
            "INSERT INTO names (record_id, text, key, field) VALUES (?, ?, ?, ?)", _name_rows(dataset)
        )
        db.executemany(
            "INSERT INTO edges (source, relation, target, note, sources, derived, evidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            _edge_rows(dataset),
        )
        db.executemany(
            "INSERT INTO sources (record_id, position, source) VALUES (?, ?, ?)",
            (
                (rid, position, source)
                for rid, record in dataset.records.items()
                for position, source in enumerate(record.sources)
            ),
        )
        db.executescript(
            """
            CREATE INDEX names_key ON names (key);
            CREATE INDEX names_record ON names (record_id);
            CREATE INDEX edges_source ON edges (source);
            CREATE INDEX edges_target ON edges (target);
            CREATE INDEX records_kind ON records (kind, year);
            CREATE INDEX sources_record ON sources (record_id);
            INSERT INTO name_search (name_search) VALUES ('rebuild');
            """
        )
        # `compact` is both summaries without white space, so that 강화학습 finds 강화 학습.
        db.executemany(
            "INSERT INTO summary_search (rowid, summary, summary_ko, compact) VALUES (?, ?, ?, ?)",
            (
                (position, en, ko, "".join(f"{en or ''} {ko or ''}".split()))
                for position, en, ko in db.execute(
                    "SELECT position, summary, summary_ko FROM records"
                ).fetchall()
            ),
        )
        db.executemany(
            "INSERT INTO meta (key, value) VALUES (?, ?)",
            [("schema_version", str(SCHEMA_VERSION)), *meta.items()],
        )


def _commercial_use(dataset: Dataset) -> dict[str, str]:
    """Each model's verdict on commercial use through its lineage's licences (llmkg.licences)."""
    from ..licences import Party, judge_all

    parties = {}
    for rid, record in dataset.records.items():
        if record.kind == "model":
            licence = getattr(record, "license", None)
            names = (*record.aliases, *(c.name for c in getattr(record, "checkpoints", [])))
            parties[rid] = Party(rid, record.name, licence.id if licence else None, record.openness,
                                 tuple(record.organizations), names)  # fmt: skip
    edges = [
        (e.source, e.relation, e.target, e.evidence)
        for r in dataset.records.values()
        for e in record_edges(r)
    ]
    return {rid: judged.commercial_use for rid, judged in judge_all(parties, edges).items()}


def _record_rows(
    dataset: Dataset, attributes: list[str], commercial_use: dict[str, str]
) -> Iterator[tuple[Any, ...]]:
    for rid, record in dataset.records.items():
        data = ordered(record.model_dump(mode="json"))
        flat = flatten(data)
        origin = dataset.origins.get(rid)
        year = dates.parse(record.date).year if record.date else None
        yield (
            rid,
            record.kind,
            *(_cell(flat.get(name)) for name in attributes),
            year,
            commercial_use.get(rid),
            origin.file if origin else None,
            origin.line if origin else None,
            json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        )


def _name_rows(dataset: Dataset) -> Iterator[tuple[str, str, str, str]]:
    for rid, record in dataset.records.items():
        for text, path in name_keys(record):
            yield rid, text, normalize(text), ".".join(str(part) for part in path)


def _edge_rows(dataset: Dataset) -> Iterator[tuple[Any, ...]]:
    seen: set[tuple[str, str, str]] = set()
    for record in dataset.records.values():
        for edge in record_edges(record):
            key = (edge.source, edge.relation, edge.target)
            if edge.target not in dataset.records or key in seen:
                continue
            seen.add(key)
            sources = json.dumps(list(edge.sources)) if edge.sources else None
            derived = int(edge.derived)
            yield edge.source, edge.relation, edge.target, edge.note, sources, derived, edge.evidence
