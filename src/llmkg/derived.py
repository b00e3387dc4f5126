"""What follows from the fields the schema declares: their order, specs, columns and defaults.

Read when an index is built (it imports the schema, and so pydantic); the index stores the
results (`field_defaults`, `field_specs`, the columns of `records`), so queries never need this.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from . import schema
from .fields import NOT_ATTRIBUTES, Shown, flat_name
from .schema import FIELD_ORDER


def ordered(record: dict[str, Any]) -> dict[str, Any]:
    """A record's fields in field order (schema.FIELD_ORDER)."""
    return {field: record[field] for field in FIELD_ORDER if field in record} | record


def specs() -> dict[str, dict[str, Any]]:
    """How each field of FIELD_ORDER reads (its `Shown`, as JSON), in field order."""
    found = {}
    for field in FIELD_ORDER:
        shown = next((m for m in _metadata(field) if isinstance(m, Shown)), Shown())
        found[field] = {**asdict(shown), "en": shown.heading(field)}
    return found


def heading(field: str) -> str:
    """A field's heading on the card, in English (llmkg.i18n says it in Korean)."""
    return str(specs()[field]["en"])


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


def _info(field: str) -> Any:
    for model in (schema.Model, schema.System, schema.Paper, schema.Dataset, schema.Organization,
                  schema.Concept):  # fmt: skip
        info = model.model_fields.get(field)
        if info is not None:
            return info
    raise KeyError(f"FIELD_ORDER names {field!r}, which no kind of record has")


def _annotation(field: str) -> Any:
    return _info(field).annotation


def _metadata(field: str) -> list[Any]:
    return list(_info(field).metadata)


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
