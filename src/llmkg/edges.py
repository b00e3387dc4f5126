"""The typed edges a record states, from its relations and from its fields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .vocabulary import FIELD_RELATIONS, LINEAGE

if TYPE_CHECKING:
    from .schema import AnyRecord


@dataclass(frozen=True)
class Edge:
    source: str
    relation: str
    target: str
    note: str | None
    sources: tuple[str, ...]
    path: tuple[Any, ...]  # where in the record it was written
    derived: bool  # stated by a field (organizations, architecture) rather than `relations:`
    # How sure a lineage link is (stated, reported, inferred); None for other relations. A field's
    # lineage edge (architecture -> based_on) counts as stated: the record's own sources give it.
    evidence: str | None = None


def record_edges(record: AnyRecord) -> Iterator[Edge]:
    for field_name, relation in FIELD_RELATIONS.items():
        value = getattr(record, field_name, None)
        evidence = "stated" if relation in LINEAGE else None
        if isinstance(value, str):
            yield Edge(record.id, relation, value, None, (), (field_name,), True, evidence)
        elif isinstance(value, list):
            for index, target in enumerate(value):
                yield Edge(record.id, relation, target, None, (), (field_name, index), True, evidence)
    for index, entry in enumerate(record.relations):
        yield Edge(
            record.id,
            entry.relation,
            entry.target,
            entry.note,
            tuple(entry.sources),
            ("relations", index, "target"),
            False,
            entry.evidence,
        )
