"""What each chart shows, as plain values: the marks, the bars, the branches of the tree."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..dates import parse
from ..i18n import t

if TYPE_CHECKING:
    from ..record import RecordView
    from ..store import Store

OPENNESS = ("closed", "open-weights", "open-source")
# Lineage between built things; `based_on` (a model on its architecture) is not a family branch.
FAMILY_RELATIONS = frozenset({"successor_of", "fine_tuned_from", "distilled_from", "derived_from"})
TOP_ORGANIZATIONS = 8


def when(record: RecordView) -> float:
    """The record's date as a fractional year (2024-05-13 → about 2024.36)."""
    assert record.date is not None
    day = parse(record.date).earliest
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


@dataclass
class Mark:
    id: str
    label: str
    x: float
    value: float
    estimated: bool
    openness: str
    landmark: bool


def marks(kg: Store, chosen: set[str], measure: str, lang: str) -> list[Mark]:
    """One mark per model with `measure` (parameters or training_compute)."""
    found = []
    for record in kg.records("model"):
        if record.id not in chosen:
            continue
        if measure == "parameters":
            value = getattr(record, "parameters", None)
            estimated = getattr(record, "parameters_status", None) == "estimated"
        else:
            figure = getattr(record, measure, None)
            value = figure.value if figure is not None else None
            estimated = figure is not None and figure.status == "estimated"
        if value is None:
            continue
        found.append(
            Mark(
                record.id,
                record.label(lang),
                when(record),
                float(value),
                estimated,
                getattr(record, "openness", None) or "closed",
                getattr(record, "notability", None) == "landmark",
            )
        )
    return sorted(found, key=lambda m: (m.x, m.id))


@dataclass
class Releases:
    years: list[int]
    groups: list[str]  # stack order, bottom first
    labels: dict[str, str]
    counts: dict[str, list[int]]  # group -> count per year


def releases(kg: Store, chosen: set[str], by: str, lang: str) -> Releases:
    models = [r for r in kg.records("model") if r.id in chosen]
    if by == "openness":
        group_of = {r.id: getattr(r, "openness", "closed") for r in models}
        groups = [g for g in OPENNESS if g in group_of.values()]
        labels = {g: t(g, lang) for g in groups}
    else:
        first = {r.id: getattr(r, "organizations", ["?"])[0] for r in models}
        top = [org for org, _n in Counter(first.values()).most_common(TOP_ORGANIZATIONS)]
        group_of = {rid: org if org in top else "other" for rid, org in first.items()}
        groups = top + (["other"] if "other" in group_of.values() else [])
        labels = {g: kg[g].label(lang) if g in kg else g for g in top}
        labels["other"] = "기타" if lang == "ko" else "others"
    years = sorted({parse(r.date).year for r in models if r.date})
    if years:
        years = list(range(years[0], years[-1] + 1))
    counts = {g: [0] * len(years) for g in groups}
    for r in models:
        counts[group_of[r.id]][years.index(parse(r.date).year)] += 1
    return Releases(years, groups, labels, counts)


@dataclass
class Branch:
    """A record in the tree, its row, and the branch it hangs from."""

    id: str
    label: str
    x: float
    row: int
    openness: str
    depth: int
    parent: str | None = None
    children: list[str] = field(default_factory=list)


def tree(kg: Store, chosen: set[str], lang: str) -> list[Branch]:
    """The families among the selected models and systems, laid out in rows.

    Each record hangs from its most recent parent; the child that carries the longest line
    continues its parent's row, every other child starts a new row below, so a family reads as a
    trunk with branches, in time order.
    """
    built = {r.id: r for r in kg.records() if r.id in chosen and r.kind in ("model", "system") and r.date}
    parent: dict[str, str] = {}
    for rid in built:
        parents = [
            target
            for _s, target, data in kg.edges(rid, "out")
            if data["relation"] in FAMILY_RELATIONS and target in built and target != rid
        ]
        if parents:
            parent[rid] = max(parents, key=lambda p: (when(built[p]), p))
    children: dict[str, list[str]] = {rid: [] for rid in built}
    for child, mother in parent.items():
        children[mother].append(child)
    size: dict[str, int] = {}

    def weight(rid: str) -> int:
        if rid not in size:
            size[rid] = 1 + sum(weight(c) for c in children[rid])
        return size[rid]

    family = [when(built[r]) for r in built if r in parent or children[r]]
    # Labels are about this many years wide per character at the figure's width (16 in, 6.5 pt).
    per_character = 0.0035 * (max(family) - min(family)) if family else 0.0
    roots = sorted((r for r in built if r not in parent and children[r]), key=lambda r: (when(built[r]), r))
    placed: list[Branch] = []
    next_row = 0

    def place(rid: str, row: int, depth: int) -> None:
        nonlocal next_row
        record = built[rid]
        placed.append(
            Branch(rid, record.label(lang), when(record), row, getattr(record, "openness", None) or "closed",
                   depth, parent.get(rid), sorted(children[rid], key=lambda c: (when(built[c]), c)))
        )  # fmt: skip
        kids = placed[-1].children
        if not kids:
            return
        trunk: str | None = max(kids, key=lambda c: (weight(c), -when(built[c])))
        assert trunk is not None
        if when(built[trunk]) - when(record) < per_character * len(record.label(lang)):
            trunk = None  # too close: the parent's label would run into it, so it gets a row too
        else:
            place(trunk, row, depth + 1)
        for kid in kids:
            if kid != trunk:
                next_row += 1
                place(kid, next_row, depth + 1)

    for root in roots:
        place(root, next_row, 0)
        next_row += 1
    return placed
