"""One sanitiser in front of every writer: flat, typed, None-free node and edge attributes.

Every node and edge gets a `label`; every edge a `relation` and an `interaction` (Cytoscape's
name for it). Lists are joined with `|`. A value that is missing is left out, never written as
None. Each attribute has exactly one type across the whole export.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import dates
from ..fields import flatten

if TYPE_CHECKING:
    from ..store import Store

Scalar = str | int | float | bool

SEPARATOR = "|"
# the type names that GraphML, GEXF and neo4j-admin headers share
TYPE_NAMES = {str: "string", int: "long", bool: "boolean", float: "double"}


def as_text(value: object) -> str:
    """A sanitised value as text: booleans as true/false, as every format here expects."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


@dataclass
class ExportGraph:
    nodes: list[tuple[str, dict[str, Scalar]]] = field(default_factory=list)
    edges: list[tuple[str, str, str, dict[str, Scalar]]] = field(default_factory=list)  # source, target, key
    node_types: dict[str, type] = field(default_factory=dict)
    edge_types: dict[str, type] = field(default_factory=dict)


def _flat(value: Any) -> Scalar | None:
    if value is None or value == [] or value == "":
        return None
    if isinstance(value, (list, tuple)):
        return SEPARATOR.join(str(item).replace(SEPARATOR, "/") for item in value)
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


def _typed(attrs: dict[str, Any], types: dict[str, type]) -> dict[str, Scalar]:
    clean: dict[str, Scalar] = {}
    for name, raw in attrs.items():
        value = _flat(raw)
        if value is None:
            continue
        kind = type(value)
        if types.setdefault(name, kind) is not kind:
            raise TypeError(f"attribute {name!r} has two types: {types[name].__name__} and {kind.__name__}")
        clean[name] = value
    return clean


def sanitize(kg: Store, node_ids: set[str]) -> ExportGraph:
    out = ExportGraph()
    # Records are read from the index one at a time (not through the store's cache), so an
    # export of 100,000 records holds only their flat attributes.
    verdicts = kg.index.commercial_use()  # through each model's lineage's licences
    for data in kg.index.records_by_id():
        rid = data["id"]
        if rid not in node_ids:
            continue
        # every field of the schema, flattened by fields.flatten; `label` and `year` for the tools
        flat = flatten(data)
        del flat["id"]
        attrs: dict[str, Any] = {
            "label": data["name"],
            "kind": flat.pop("kind"),
            "year": dates.parse(data["date"]).year if data.get("date") else None,
            **flat,
            "commercial_use": verdicts.get(rid),
        }
        out.nodes.append((rid, _typed(attrs, out.node_types)))
    for source, target, data in kg.index.edges_by_ends():
        if source in node_ids and target in node_ids:
            attrs = {
                "label": data["relation"],
                "relation": data["relation"],
                "interaction": data["relation"],
                "note": data["note"],
                "sources": data["sources"],
                "derived": data["derived"],
                "evidence": data.get("evidence"),
            }
            out.edges.append((source, target, data["relation"], _typed(attrs, out.edge_types)))
    return out
