"""Result objects → the stable JSON shapes and the rows of tabular output (csv, md, tables)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .counts import format_count
from .fields import FIELD_ORDER
from .i18n import t
from .record import compact

if TYPE_CHECKING:
    from .queries import Hit, Lineage, LineageEntry, Neighborhood, Stats, Step, Timeline
    from .record import RecordView as AnyRecord
    from .store import Choice
    from .store import Store as KnowledgeGraph


@dataclass
class Rows:
    """A table: headers and rows of plain strings, optionally split into titled groups."""

    headers: list[str]
    rows: list[list[str]]
    groups: list[tuple[str, int]] | None = None  # (title, index of the group's first row)
    title: str | None = None
    name: str | None = None  # the table's key in JSON, naming its rows when tables share one CSV
    # How a terminal that is too narrow treats each column: "whole" (dates, ids, numbers: never
    # cut), "name" (one line, cut with an ellipsis at worst) or "prose" (wrapped); and which columns
    # to leave out first, least useful first. Unset: every column is a name, none is dropped.
    fit: tuple[str, ...] | None = None
    drop: tuple[int, ...] = ()


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
    """The `show` shape: every field of the schema (None or [] where the kind lacks it) and every
    relation touching the record. Mappings and list items leave out their empty parts."""
    stored = record.fields()
    data: dict[str, Any] = {}
    for field, default in kg.index.field_defaults.items():
        value = stored.get(field, default)
        if field in ("names", "summary", "xrefs"):
            value = compact(value or {})
        elif field != "disputes":  # a dispute keeps every key, as the 0.1 shape had them
            value = compact(value)
        data[field] = value
    data["relations"] = [
        {"relation": d["relation"], "target": target, "direction": "out", **_evidence(d)}
        for _s, target, d in kg.edges(record.id, "out")
    ] + [
        {"relation": d["relation"], "target": source, "direction": "in", **_evidence(d)}
        for source, _t, d in kg.edges(record.id, "in")
    ]
    return data


def _evidence(data: dict[str, Any]) -> dict[str, Any]:
    return {"evidence": data["evidence"]} if data.get("evidence") else {}


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
            "evidence": e.evidence,
        }

    return {
        "root": {**brief(result.root), "date": result.root.date},
        "ancestors": [entry(e) for e in result.ancestors],
        "descendants": [entry(e) for e in result.descendants],
    }


def neighbors_json(result: Neighborhood) -> dict[str, Any]:
    return {
        "center": brief(result.center),
        "nodes": [{**brief(n.record), "distance": n.distance} for n in result.nodes],
        "edges": [{"source": e.source, "target": e.target, "relation": e.relation} for e in result.edges],
    }


def search_json(hits: list[Hit]) -> list[dict[str, Any]]:
    return [
        {**brief(hit.record), "aliases": list(hit.record.aliases), "score": hit.score, "match": hit.match}
        for hit in hits
    ]


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


def choice_note(choice: Choice, name: str, lang: str, shown: int = 30) -> str:
    """What a typed name was taken for, and what else it could mean (a line for stderr)."""

    def label(record: AnyRecord) -> str:
        return f"{record.label(lang)} ({', '.join(filter(None, [record.date, t(record.kind, lang)]))})"

    names = [record.label(lang) for record in choice.others[:shown]]
    rest = len(choice.others) - len(names)
    others = ", ".join(names) + (t(" and {n} more", lang, n=rest) if rest else "")
    if choice.reason == "family":
        text = t("{name}: no record has this name; the family's newest landmark or major model is {record}",
                 lang, name=name, record=label(choice.record))  # fmt: skip
    else:
        text = t("{name}: {record}", lang, name=name, record=label(choice.record))
    if not others:
        return text
    if choice.record.kind == "organization":
        return text + t("; models named after it: {others}", lang, others=others)
    return text + t("; also in the family: {others}", lang, others=others)


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
    # Date, Name, Kind, Organizations, Parameters, Notability
    return Rows(
        headers, rows, groups, fit=("whole", "name", "whole", "name", "whole", "whole"), drop=(2, 5, 3)
    )


def lineage_rows(result: Lineage, lang: str) -> Rows:
    headers = [t(h, lang) for h in ("Depth", "Relation", "Name", "Date", "Kind", "Id")]
    entries = result.ancestors or result.descendants
    root = result.root
    # The root is depth 0, as in the tree and in JSON's "root": every format names it.
    rows = [["0", "", root.label(lang), root.date or "", t(root.kind, lang), root.id]]
    rows += [
        [
            str(e.depth),
            with_evidence(e.relation, e.evidence, lang),
            e.record.label(lang),
            e.record.date or "",
            t(e.record.kind, lang),
            e.record.id,
        ]
        for e in entries
    ]
    return Rows(headers, rows)


def with_evidence(relation: str, evidence: str | None, lang: str = "en") -> str:
    """`relation`, marked with its evidence when that is weaker than stated."""
    name = t(relation, lang)
    return name if evidence in (None, "stated") else f"{name} ({t(evidence, lang)})"


def neighbors_rows(kg: KnowledgeGraph, result: Neighborhood, lang: str) -> Rows:
    headers = [t(h, lang) for h in ("Distance", "Name", "Kind", "Id")]
    rows = [
        [str(n.distance), n.record.label(lang), t(n.record.kind, lang), n.record.id] for n in result.nodes
    ]
    return Rows(headers, rows, name="nodes", fit=("whole", "name", "whole", "whole"), drop=(3, 0))


def edge_rows(kg: KnowledgeGraph, result: Neighborhood, lang: str) -> Rows:
    headers = [t(h, lang) for h in ("Source", "Relation", "Target")]
    rows = [[kg[e.source].label(lang), t(e.relation, lang), kg[e.target].label(lang)] for e in result.edges]
    return Rows(headers, rows, name="edges", fit=("name", "whole", "name"))


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
    return Rows(headers, rows, fit=("whole", "name", "whole", "whole", "prose"), drop=(4, 3, 2))


def path_rows(steps: list[Step], lang: str) -> Rows:
    headers = [t(h, lang) for h in ("Step", "Relation", "Name", "Kind", "Id")]
    rows: list[list[str]] = []
    for index, step in enumerate(steps):
        relation = ""
        if step.relation:
            name = t(step.relation, lang)
            relation = f"→ {name} →" if step.direction == "forward" else f"← {name} ←"
        rows.append(
            [str(index), relation, step.record.label(lang), t(step.record.kind, lang), step.record.id]
        )
    return Rows(headers, rows, fit=("whole", "whole", "name", "whole", "whole"), drop=(4, 3))


def show_rows(kg: KnowledgeGraph, record: AnyRecord, lang: str) -> Rows:
    """The card of a record as (field, value) rows, in field order (fields.FIELD_ORDER)."""
    data = record_json(kg, record)
    pairs: list[tuple[str, str]] = []
    for field in FIELD_ORDER:
        value = data.get(field)
        if value is None or value == [] or value == {}:
            continue
        shown = _CARD.get(field, _generic)
        pairs.extend(shown(kg, record, field, value, lang))
    return Rows(
        [t("Field", lang), t("Value", lang)], [[t(k, lang), v] for k, v in pairs], title=record.label(lang)
    )


Pairs = list[tuple[str, str]]


def _heading(field: str) -> str:
    return _HEADINGS.get(field) or field.replace("_", " ").capitalize()


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def _generic(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return [(_heading(field), _text(item)) for item in value]
    return [(_heading(field), _text(value))]


def _skip(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    return []


def _term(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    return [(_heading(field), t(str(value), lang))]


def _linked(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    ids = value if isinstance(value, list) else [value]
    return [(_heading(field), ", ".join(kg[rid].label(lang) if rid in kg else rid for rid in ids))]


def _parameters(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    return [(_heading(field), f"{format_count(value)} ({t(record.parameters_status, lang)})")]


def _parameters_status(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    return [] if getattr(record, "parameters", None) is not None else [("Parameters", t(value, lang))]


def _measure(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    tokens = " " + t("tokens", lang)
    unit = {"training_compute": " FLOP", "training_tokens": tokens, "context_length": tokens}
    number = value["value"]
    if field == "training_compute":
        amount = f"{number:.3g}"
    elif field == "context_length":
        amount = f"{int(number):,}"
    else:
        amount = format_count(int(number))
    details = [t(value["status"], lang)]
    if value.get("estimated_by"):
        details.append(t("by {who}", lang, who=value["estimated_by"]))
    if value.get("confidence"):
        details.append(t(value["confidence"], lang))
    text = f"{amount}{unit.get(field, '')} ({', '.join(details)}); {value['source']}"
    return [(_heading(field), _with_note(text, value))]


def _with_note(text: str, value: Any) -> str:
    """A measure's or licence's line, followed by its note when it has one."""
    return text + (f". {value['note']}" if value.get("note") else "")


def _license(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    # SPDX's NONE is easy to misread as "unknown": say what it means.
    name = f"NONE ({t('published with no licence', lang)})" if value["id"] == "NONE" else value["id"]
    text = f"{name}; {value['source']}"
    return [(_heading(field), _with_note(text, value))]


def _summary(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    return [("Summary", record.describe(lang) or "")]


def _korean_name(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    return [("Korean name", value["ko"])] if value.get("ko") else []


def _checkpoints(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    pairs = []
    for checkpoint in value:
        size = format_count(checkpoint.get("parameters"))
        pairs.append(("Checkpoints", checkpoint["name"] + (f" ({size})" if size else "")))
    return pairs


def _disputes(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    pairs = []
    for d in value:
        says = t("{source} says {value}", lang, source=d["source"], value=d["value"])
        pairs.append(("Disputes", f"{t(_heading(d['field']), lang)}: {says}. {d['note']}"))
    return pairs


def _relations(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    pairs = []
    for relation in value:
        other = kg[relation["target"]].label(lang)
        name = with_evidence(relation["relation"], relation.get("evidence"), lang)
        arrow = f"{name} {'→' if relation['direction'] == 'out' else '←'} {other}"
        pairs.append(("Relations", arrow))
    return pairs


def _each(kg: KnowledgeGraph, record: AnyRecord, field: str, value: Any, lang: str) -> Pairs:
    return [(_heading(field), str(item)) for item in value]


_HEADINGS = {"xrefs": "Cross-references", "aliases": "Aliases", "id": "Id"}
_CARD = {
    "name": _skip,
    "kind": _term,
    "names": _korean_name,
    "summary": _summary,
    "organizations": _linked,
    "architecture": _linked,
    "parameters": _parameters,
    "parameters_status": _parameters_status,
    "openness": _term,
    "notability": _term,
    "training_compute": _measure,
    "training_tokens": _measure,
    "context_length": _measure,
    "license": _license,
    "checkpoints": _checkpoints,
    "disputes": _disputes,
    "relations": _relations,
    "sources": _each,
}


def stats_tables(result: Stats, lang: str) -> list[Rows]:
    count = t("Count", lang)
    return [
        Rows(
            [t("Kind", lang), count],
            [[t(k, lang), str(n)] for k, n in result.by_kind.items()],
            title=t("Records by kind", lang),
            name="by_kind",
        ),
        Rows(
            [t("Year", lang), count],
            [[str(y), str(n)] for y, n in result.by_year.items()],
            title=t("Records by year", lang),
            name="by_year",
        ),
        Rows(
            [t("Relation", lang), count],
            [[t(r, lang), str(n)] for r, n in result.by_relation.items()],
            title=t("Edges by relation", lang),
            name="by_relation",
        ),
        Rows(
            [t("Field", lang), count],
            [[t(k, lang), str(n)] for k, n in result.coverage.items()],
            title=t("Model coverage", lang),
            name="coverage",
        ),
        Rows(
            [t("Field", lang), t("Date", lang)],
            [[t("Data through", lang), result.data_through or ""]],
            title=t("Newest record", lang),
            name="data_through",
        ),
    ]
