"""Result objects → the stable JSON shapes and the rows of tabular output (csv, md, tables)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .counts import format_count
from .i18n import t

if TYPE_CHECKING:
    from .graph import KnowledgeGraph
    from .queries import Hit, Lineage, LineageEntry, Neighbourhood, Stats, Step, Timeline
    from .schema import AnyRecord


@dataclass
class Rows:
    """A table: headers and rows of plain strings, optionally split into titled groups."""

    headers: list[str]
    rows: list[list[str]]
    groups: list[tuple[str, int]] | None = None  # (title, index of the group's first row)
    title: str | None = None


def brief(record: AnyRecord) -> dict[str, Any]:
    return {"id": record.id, "name": record.name, "kind": record.kind}


def item(record: AnyRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "kind": record.kind,
        "name": record.name,
        "date": record.date,
        "organizations": list(getattr(record, "organizations", [])),
        "parameters": getattr(record, "parameters", None),
        "notability": getattr(record, "notability", None),
    }


def record_json(kg: KnowledgeGraph, record: AnyRecord) -> dict[str, Any]:
    """The `show` shape: every field of the record and every relation touching it."""
    relations = [
        {"relation": data["relation"], "target": target, "direction": "out"}
        for _s, target, data in kg.edges(record.id, "out")
    ] + [
        {"relation": data["relation"], "target": source, "direction": "in"}
        for source, _t, data in kg.edges(record.id, "in")
    ]
    data = {
        "id": record.id,
        "kind": record.kind,
        "name": record.name,
        "aliases": list(record.aliases),
        "names": record.names.model_dump(exclude_none=True),
        "summary": record.summary.model_dump(exclude_none=True),
        "date": record.date,
        "organizations": list(getattr(record, "organizations", [])),
        "parameters": getattr(record, "parameters", None),
        "parameters_status": getattr(record, "parameters_status", None),
        "architecture": getattr(record, "architecture", None),
        "openness": getattr(record, "openness", None),
        "notability": getattr(record, "notability", None),
        "sources": list(record.sources),
        "xrefs": record.xrefs.model_dump(exclude_none=True),
        "relations": relations,
        "note": record.note,
        "checkpoints": [
            checkpoint.model_dump(exclude_none=True, exclude_defaults=True)
            for checkpoint in getattr(record, "checkpoints", [])
        ],
        "disputes": [dispute.model_dump() for dispute in record.disputes],
    }
    return data


def timeline_json(result: Timeline) -> list[dict[str, Any]]:
    return [item(record) for record in result.records]


def lineage_json(result: Lineage) -> dict[str, Any]:
    def entry(e: LineageEntry) -> dict[str, Any]:
        return {
            "id": e.record.id,
            "name": e.record.name,
            "kind": e.record.kind,
            "date": e.record.date,
            "depth": e.depth,
            "relation": e.relation,
        }

    return {
        "root": {**brief(result.root), "date": result.root.date},
        "ancestors": [entry(e) for e in result.ancestors],
        "descendants": [entry(e) for e in result.descendants],
    }


def neighbours_json(result: Neighbourhood) -> dict[str, Any]:
    return {
        "center": brief(result.center),
        "nodes": [{**brief(n.record), "distance": n.distance} for n in result.nodes],
        "edges": [{"source": e.source, "target": e.target, "relation": e.relation} for e in result.edges],
    }


def search_json(hits: list[Hit]) -> list[dict[str, Any]]:
    return [{**brief(hit.record), "aliases": list(hit.record.aliases), "score": hit.score} for hit in hits]


def path_json(steps: list[Step]) -> list[dict[str, Any]]:
    return [{**brief(step.record), "relation": step.relation, "direction": step.direction} for step in steps]


def stats_json(result: Stats) -> dict[str, Any]:
    return {
        "by_kind": result.by_kind,
        "by_year": {str(year): n for year, n in result.by_year.items()},
        "by_relation": result.by_relation,
        "coverage": result.coverage,
        "data_through": result.data_through,
    }


# --- rows -------------------------------------------------------------------------------------


def _orgs(kg: KnowledgeGraph, record: AnyRecord, lang: str, limit: int | None = None) -> str:
    names = [kg[o].label(lang) for o in getattr(record, "organizations", []) if o in kg]
    if limit is not None and len(names) > limit:
        names = [*names[:limit], f"+{len(names) - limit}"]
    return ", ".join(names)


def timeline_rows(kg: KnowledgeGraph, result: Timeline, lang: str) -> Rows:
    headers = [t(h, lang) for h in ("Date", "Name", "Kind", "Organizations", "Parameters", "Notability")]
    rows: list[list[str]] = []
    groups: list[tuple[str, int]] = []
    year = None
    for record in result.records:
        assert record.date is not None
        if record.date[:4] != year:
            year = record.date[:4]
            groups.append((year, len(rows)))
        rows.append(
            [
                record.date,
                record.label(lang),
                t(record.kind, lang),
                _orgs(kg, record, lang, limit=2),
                format_count(getattr(record, "parameters", None)),
                t(getattr(record, "notability", None) or "", lang),
            ]
        )
    return Rows(headers, rows, groups)


def lineage_rows(result: Lineage, lang: str) -> Rows:
    headers = [t(h, lang) for h in ("Depth", "Relation", "Name", "Date", "Kind", "Id")]
    entries = result.ancestors or result.descendants
    rows = [
        [
            str(e.depth),
            e.relation,
            e.record.label(lang),
            e.record.date or "",
            t(e.record.kind, lang),
            e.record.id,
        ]
        for e in entries
    ]
    return Rows(headers, rows)


def neighbours_rows(kg: KnowledgeGraph, result: Neighbourhood, lang: str) -> Rows:
    headers = [t(h, lang) for h in ("Distance", "Name", "Kind", "Id")]
    rows = [
        [str(n.distance), n.record.label(lang), t(n.record.kind, lang), n.record.id] for n in result.nodes
    ]
    return Rows(headers, rows)


def edge_rows(kg: KnowledgeGraph, result: Neighbourhood, lang: str) -> Rows:
    headers = [t(h, lang) for h in ("Source", "Relation", "Target")]
    rows = [[kg[e.source].label(lang), e.relation, kg[e.target].label(lang)] for e in result.edges]
    return Rows(headers, rows)


def search_rows(hits: list[Hit], lang: str) -> Rows:
    headers = [t(h, lang) for h in ("Score", "Name", "Kind", "Id", "Aliases")]
    rows = [
        [
            str(h.score),
            h.record.label(lang),
            t(h.record.kind, lang),
            h.record.id,
            ", ".join(h.record.aliases[:4]),
        ]
        for h in hits
    ]
    return Rows(headers, rows)


def path_rows(steps: list[Step], lang: str) -> Rows:
    headers = [t(h, lang) for h in ("Step", "Relation", "Name", "Kind", "Id")]
    rows: list[list[str]] = []
    for index, step in enumerate(steps):
        relation = ""
        if step.relation:
            relation = f"→ {step.relation} →" if step.direction == "forward" else f"← {step.relation} ←"
        rows.append(
            [str(index), relation, step.record.label(lang), t(step.record.kind, lang), step.record.id]
        )
    return Rows(headers, rows)


def show_rows(kg: KnowledgeGraph, record: AnyRecord, lang: str) -> Rows:
    """The card of a record as (field, value) rows, in reading order."""
    data = record_json(kg, record)
    pairs: list[tuple[str, str]] = [("Id", record.id), ("Kind", t(record.kind, lang))]
    if record.names.ko:
        pairs.append(("Korean name", record.names.ko))
    if record.aliases:
        pairs.append(("Aliases", ", ".join(record.aliases)))
    if record.date:
        pairs.append(("Date", record.date))
    if data["organizations"]:
        pairs.append(("Organizations", _orgs(kg, record, lang)))
    if data["parameters_status"]:
        count = format_count(data["parameters"])
        status = t(data["parameters_status"], lang)
        pairs.append(("Parameters", f"{count} ({status})" if count else status))
    if data["architecture"] and data["architecture"] in kg:
        pairs.append(("Architecture", kg[data["architecture"]].label(lang)))
    for key in ("openness", "notability"):
        if data[key]:
            pairs.append((key.capitalize(), t(data[key], lang)))
    if record.describe(lang):
        pairs.append(("Summary", record.describe(lang) or ""))
    for checkpoint in getattr(record, "checkpoints", []):
        size = format_count(checkpoint.parameters)
        pairs.append(("Checkpoints", f"{checkpoint.name}" + (f" ({size})" if size else "")))
    if record.note:
        pairs.append(("Note", record.note))
    for dispute in record.disputes:
        pairs.append(("Disputes", f"{dispute.field}: {dispute.source} says {dispute.value}. {dispute.note}"))
    for relation in data["relations"]:
        other = kg[relation["target"]].label(lang)
        arrow = f"{relation['relation']} {'→' if relation['direction'] == 'out' else '←'} {other}"
        pairs.append(("Relations", arrow))
    if data["xrefs"]:
        pairs.append(("Cross-references", ", ".join(f"{k}: {v}" for k, v in data["xrefs"].items())))
    pairs.extend(("Sources", source) for source in record.sources)
    return Rows(
        [t("Field", lang), t("Value", lang)], [[t(k, lang), v] for k, v in pairs], title=record.label(lang)
    )


def stats_tables(result: Stats, lang: str) -> list[Rows]:
    count = t("Count", lang)
    return [
        Rows(
            [t("Kind", lang), count],
            [[t(k, lang), str(n)] for k, n in result.by_kind.items()],
            title=t("Records by kind", lang),
        ),
        Rows(
            [t("Year", lang), count],
            [[str(y), str(n)] for y, n in result.by_year.items()],
            title=t("Records by year", lang),
        ),
        Rows(
            [t("Relation", lang), count],
            [[r, str(n)] for r, n in result.by_relation.items()],
            title=t("Edges by relation", lang),
        ),
        Rows(
            [t("Field", lang), count],
            [[k, str(n)] for k, n in result.coverage.items()],
            title=t("Model coverage", lang),
        ),
        Rows(
            [t("Field", lang), t("Date", lang)],
            [[t("Data through", lang), result.data_through or ""]],
            title=t("Newest record", lang),
        ),
    ]
