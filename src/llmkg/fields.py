"""How a field reads (`Shown`, declared with each field in schema.py) and how a record's fields
become flat attributes; llmkg.derived works out the rest from the schema.

Each field is declared once, in schema.py: its type and rules, and beside them a `Shown` saying
how it reads (its style, unit and number style, its heading) and what it counts for (`stats`
coverage, `disputes`). From that declaration follow:

- flat attribute names: a plain field keeps its name (`parameters`, `openness`); a part of a nested
  field is `field_part` (`training_compute_status`, `license_source`), except the part that carries
  the field's value, which takes the field's own name (`summary.en` is `summary`,
  `training_compute.value` is `training_compute`, `license.id` is `license`); `names.ko` is
  `name_ko` and the cross-references keep their own names (`epoch`, `wikidata`); a list of plain
  values stays a list (exports join it with `|`); a list of mappings (checkpoints, disputes) is kept
  as JSON text; `relations` are edges, not attributes;
- the columns of the index and of `export sqlite`, and so every export's attributes;
- the field specs the card, `stats`, the data formatter and the explorer read (stored in the index,
  so that reading them needs no pydantic).

This module needs no pydantic (queries and exports use it); llmkg.derived, which reads the
schema, is used when an index is built.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

STYLES = (
    "text", "hidden", "term", "record", "count", "measure", "licence", "summary", "korean-name",
    "parameters-status", "checkpoints", "disputes", "relations", "each",
)  # fmt: skip


@dataclass(frozen=True)
class Shown:
    """How a field reads and what it counts for, declared with the field in schema.py.

    style: which card formatter draws it (STYLES); unit: what its number counts (FLOP, tokens);
    number: "scientific" (3.14e+23), "grouped" (128,000) or "count" (175B); coverage: `stats`
    counts the models that have it (with_FIELD); disputable: another source's value for it may be
    recorded under `disputes`; en: its heading, when not the field's name in words (the words
    in other languages are llmkg.i18n's, like every word llmkg says).
    """

    style: str = "text"
    unit: str | None = None
    number: str | None = None
    coverage: bool = False
    disputable: bool = False
    en: str | None = None

    def heading(self, field: str) -> str:
        return self.en or field.replace("_", " ").capitalize()


NOT_ATTRIBUTES = frozenset({"relations"})  # stored as edges
_VALUE_PARTS = frozenset({"en", "value", "id"})
_PREFIXES = {"names": "name", "xrefs": ""}


def flat_name(field: str, part: str | None = None) -> str:
    if part is None or part in _VALUE_PARTS:
        return field
    prefix = _PREFIXES.get(field, field)
    return f"{prefix}_{part}" if prefix else part


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """The attributes of one stored record (None where a field is empty), in the record's order
    (the index stores every record in field order)."""
    flat: dict[str, Any] = {}
    for field, value in record.items():
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
