"""A record's fields as flat, typed attributes: the columns of the index and of every export.

The schema (schema.py) declares each field once; this module derives from it, by rule, the flat
name and type of every attribute, so a new field reaches the SQLite columns, GraphML/GEXF keys,
CSV columns and the other formats without being listed anywhere else:

- a plain field keeps its name (`parameters`, `openness`);
- a part of a nested field is `field_part` (`training_compute_status`, `license_source`), except
  the part that carries the field's value, which takes the field's own name (`summary.en` is
  `summary`, `training_compute.value` is `training_compute`, `license.id` is `license`); `names.ko`
  is `name_ko` and the cross-references keep their own names (`epoch`, `wikidata`);
- a list of plain values stays a list (exports join it with `|`); a list of mappings
  (checkpoints, disputes) is kept as JSON text;
- `relations` are edges, not attributes.

`flatten` works on the stored JSON of a record and needs no pydantic; `columns` reads the schema
and is used only when an index is built.
"""

from __future__ import annotations

import json
from typing import Any

# The order in which a record's fields are written (data files), shown (cards) and exported;
# tests check that it names every field of every kind, so a new field cannot be forgotten.
FIELD_ORDER: tuple[str, ...] = (
    "id", "kind", "name", "aliases", "names", "summary", "date", "organizations", "parameters",
    "parameters_status", "architecture", "openness", "notability", "training_compute", "training_tokens",
    "context_length", "license", "checkpoints", "sources", "xrefs", "note", "disputes", "relations",
)  # fmt: skip

NOT_ATTRIBUTES = frozenset({"relations"})  # stored as edges
_VALUE_PARTS = frozenset({"en", "value", "id"})
_PREFIXES = {"names": "name", "xrefs": ""}


def flat_name(field: str, part: str | None = None) -> str:
    if part is None or part in _VALUE_PARTS:
        return field
    prefix = _PREFIXES.get(field, field)
    return f"{prefix}_{part}" if prefix else part


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """The attributes of one stored record (None where a field is empty), in field order."""
    flat: dict[str, Any] = {}
    ordered = [field for field in FIELD_ORDER if field in record]
    ordered += [field for field in record if field not in FIELD_ORDER]
    for field in ordered:
        value = record[field]
        if field in NOT_ATTRIBUTES:
            continue
        if isinstance(value, dict):
            for part, inner in value.items():
                flat[flat_name(field, part)] = inner
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            flat[field] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        else:
            flat[field] = value
    return flat


def columns() -> list[tuple[str, str]]:
    """(name, SQLite type) of every attribute any kind of record can have, in field order."""

    found: dict[str, str] = {}
    for field in FIELD_ORDER:
        if field in NOT_ATTRIBUTES:
            continue
        annotation = _annotation(field)
        nested = _model_of(annotation)
        if nested is not None:
            for part, info in nested.model_fields.items():
                found.setdefault(flat_name(field, part), _sql_type(info.annotation))
        else:
            found.setdefault(field, _sql_type(annotation))
    return list(found.items())


def defaults() -> dict[str, Any]:
    """What each field of FIELD_ORDER reads as on a kind of record that lacks it: [] or None."""
    import typing

    return {
        field: [] if any(typing.get_origin(m) is list for m in _members(_annotation(field))) else None
        for field in FIELD_ORDER
    }


def _annotation(field: str) -> Any:
    from . import schema

    for model in (schema.Model, schema.System, schema.Paper, schema.Dataset, schema.Organization,
                  schema.Concept):  # fmt: skip
        info = model.model_fields.get(field)
        if info is not None:
            return info.annotation
    raise KeyError(f"FIELD_ORDER names {field!r}, which no kind of record has")


def _members(annotation: Any) -> list[Any]:
    import typing

    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _members(typing.get_args(annotation)[0])
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        return [m for arg in typing.get_args(annotation) for m in _members(arg)]
    return [annotation]


def _model_of(annotation: Any) -> Any:
    from pydantic import BaseModel

    for member in _members(annotation):
        if isinstance(member, type) and issubclass(member, BaseModel):
            return member
    return None


def _sql_type(annotation: Any) -> str:
    import typing

    for member in _members(annotation):
        if member is type(None):
            continue
        if typing.get_origin(member) in (list, tuple):
            return "TEXT"  # JSON
        if member is bool or member is int:
            return "INTEGER"
        if member is float:
            return "REAL"
    return "TEXT"
