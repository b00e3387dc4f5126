"""`path`: the shortest chain of relations joining two records, chosen by a stated rule.

Hops are read from the index as the search needs them (no networkx graph is built). A hop through
an organization ("both made by OpenAI") or a loose `related_to` explains less than a lineage link
or a typed relation, so it costs more. Among chains of equal cost the one with fewer hops wins,
then, step by step from the start, the one whose relation comes first in RELATION_PREFERENCE,
then the one reaching the more notable record, then the record whose id sorts first: the answer is
a function of the data alone, whatever the order in which the index returns edges.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import shown
from ..i18n import t
from ..output import Answer, Rows
from ..vocabulary import RELATIONS
from .common import LINEAGE_ORDER, brief, prominence

if TYPE_CHECKING:
    from ..record import RecordView
    from ..store import Store

HOP_COST = {"developed_by": 2.0, "related_to": 1.5}  # every other relation costs 1
RELATION_PREFERENCE = (*LINEAGE_ORDER, *(r for r in RELATIONS if r not in LINEAGE_ORDER))


@dataclass
class Step:
    record: RecordView
    relation: str | None  # the relation joining the previous step to this one
    direction: str | None  # "forward": previous --relation--> this; "backward": this --relation--> previous


class Path(list[Step], Answer):
    """The steps from A to B (a list; empty when they are not connected)."""

    def __init__(self, steps: list[Step], a: str = "", b: str = "") -> None:
        super().__init__(steps)
        self.a = a
        self.b = b

    @property
    def steps(self) -> list[Step]:
        return list(self)

    def json(self) -> list[dict[str, Any]]:
        return [{**brief(s.record), "relation": s.relation, "direction": s.direction} for s in self.steps]

    def tables(self, lang: str) -> list[Rows]:
        if not self.steps:
            return []
        headers = [t(h, lang) for h in ("Step", "Relation", "Name", "Kind", "Id")]
        rows: list[list[str]] = []
        for index, step in enumerate(self.steps):
            relation = ""
            if step.relation:
                name = t(step.relation, lang)
                relation = f"→ {name} →" if step.direction == "forward" else f"← {name} ←"
            rows.append(
                [str(index), relation, step.record.label(lang), t(step.record.kind, lang), step.record.id]
            )
        return [Rows(headers, rows, fit=("whole", "whole", "name", "whole", "whole"), drop=(4, 3))]

    def notes(self, lang: str, fmt: str) -> list[str]:
        if self.steps:
            return []
        a, b = shown(self.a, quote=False), shown(self.b, quote=False)  # as typed, cut short if huge
        return [t("no path between {a} and {b}", lang, a=a, b=b)]


def _rank(relation: str) -> int:
    return (
        RELATION_PREFERENCE.index(relation) if relation in RELATION_PREFERENCE else len(RELATION_PREFERENCE)
    )


def _hops(kg: Store, node: str) -> dict[str, tuple[float, str, str]]:
    """{neighbour: (cost, relation, direction)} of the records one edge from `node`, either way:
    the cheapest cost over the edges joining them, and the relation shown for the hop (of the
    cheapest edges, the preferred relation, then an edge pointing from `node`)."""
    found: dict[str, list[tuple[str, str]]] = {}
    for _source, target, data in kg.edges(node, "out"):
        found.setdefault(target, []).append((data["relation"], "forward"))
    for source, _target, data in kg.edges(node, "in"):
        found.setdefault(source, []).append((data["relation"], "backward"))
    hops = {}
    for other, edges in found.items():
        cost = min(HOP_COST.get(relation, 1.0) for relation, _d in edges)
        cheapest = [e for e in edges if HOP_COST.get(e[0], 1.0) == cost]
        relation, direction = min(cheapest, key=lambda e: (_rank(e[0]), e[1] != "forward"))
        hops[other] = (cost, relation, direction)
    return hops


def path(kg: Store, a: str, b: str) -> Path:
    """The cheapest chain of relations joining `a` and `b` (in either direction); no steps if none."""
    start, goal = kg.resolve(a), kg.resolve(b)
    # Dijkstra over (cost, hops, the steps' tie-break keys): extending two chains of the same cost
    # and length by the same hop keeps their order, so the first chain to reach a record is its best.
    queue: list[tuple[float, int, tuple[Any, ...], str, tuple[tuple[str, str, str], ...]]] = [
        (0.0, 0, (), start.id, ())
    ]
    done: set[str] = set()
    notability: dict[str, int] = {}
    while queue:
        cost, hops, keys, node, chain = heapq.heappop(queue)
        if node in done:
            continue
        done.add(node)
        if node == goal.id:
            steps = [Step(start, None, None)]
            records = kg.many([rid for rid, _r, _d in chain])
            steps += [Step(r, relation, d) for r, (_rid, relation, d) in zip(records, chain, strict=True)]
            return Path(steps, a, b)
        nexts = {other: hop for other, hop in _hops(kg, node).items() if other not in done}
        missing = [rid for rid in nexts if rid not in notability]
        if missing:
            for rid, level in kg.index.notability(missing).items():
                notability[rid] = prominence(level)
        for other, (step_cost, relation, direction) in nexts.items():
            key = (_rank(relation), notability.get(other, 3), other)
            entry = (cost + step_cost, hops + 1, (*keys, key), other, (*chain, (other, relation, direction)))
            heapq.heappush(queue, entry)
    return Path([], a, b)
