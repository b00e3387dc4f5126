"""`neighbours`: the records within N edges of one, either way, and the relations among them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..i18n import t
from ..output import Answer, Rows
from ..vocabulary import RELATIONS
from .common import brief, distances, prominence, refuse_unknown

if TYPE_CHECKING:
    from ..record import RecordView
    from ..store import Store

HUB_LIMIT = 10  # records of each kind a table shows by default
HUB_NOTE = (
    "{n} more records and {m} more relations not shown; --all shows them all, --limit N shows N of each kind"
)
# Concepts first: around a hub they say what it is; then what was built, written and collected.
KIND_ORDER = ("concept", "model", "system", "paper", "dataset", "organization")


@dataclass
class Neighbor:
    record: RecordView
    distance: int


@dataclass
class Link:
    source: str
    target: str
    relation: str


@dataclass
class Neighborhood(Answer):
    """The records around `center`, nearest and most notable first, and the relations among them.

    `nodes` and `edges` keep `per_kind` records of each kind (all when it is None); a table shows
    HUB_LIMIT of each kind unless `show_all`, while JSON, read by programs, keeps `per_kind`.
    """

    center: RecordView
    nodes: list[Neighbor]
    edges: list[Link]
    hidden: int = 0  # records left out by `per_kind`
    hidden_edges: int = 0  # relations left out with them
    kg: Store | None = field(default=None, repr=False, compare=False)
    per_kind: int | None = None
    show_all: bool = False
    distance: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    def json(self) -> dict[str, Any]:
        return {
            "center": brief(self.center),
            "nodes": [{**brief(n.record), "distance": n.distance} for n in self.nodes],
            "edges": [{"source": e.source, "target": e.target, "relation": e.relation} for e in self.edges],
        }

    def for_tables(self) -> Neighborhood:
        """What a table shows: HUB_LIMIT records of each kind unless `show_all` or `per_kind`."""
        if self.show_all or self.per_kind is not None:
            return self
        return _trimmed(self, HUB_LIMIT)

    def tables(self, lang: str) -> list[Rows]:
        assert self.kg is not None
        kg, shown = self.kg, self.for_tables()
        nodes = Rows(
            [t(h, lang) for h in ("Distance", "Name", "Kind", "Id")],
            [
                [str(n.distance), n.record.label(lang), t(n.record.kind, lang), n.record.id]
                for n in shown.nodes
            ],
            name="nodes",
            fit=("whole", "name", "whole", "whole"),
            drop=(3, 0),
        )
        edges = Rows(
            [t(h, lang) for h in ("Source", "Relation", "Target")],
            [[kg[e.source].label(lang), t(e.relation, lang), kg[e.target].label(lang)] for e in shown.edges],
            name="edges",
            fit=("name", "whole", "name"),
        )
        return [nodes, edges]

    def notes(self, lang: str, fmt: str) -> list[str]:
        shown = self if fmt == "json" else self.for_tables()
        return [t(HUB_NOTE, lang, n=shown.hidden, m=shown.hidden_edges)] if shown.hidden else []


def neighbors(
    kg: Store,
    name: str,
    depth: int = 1,
    relations: Iterable[str] | None = None,
    per_kind: int | None = None,
    show_all: bool = False,
) -> Neighborhood:
    """Records within `depth` edges of `name` in either direction, and the edges among them.

    Nearest first, then concepts before models, systems, papers, datasets and organizations, then
    the most notable (landmark, major, minor; then the most connected within the neighbourhood).
    With `per_kind`, only that many records of each kind are kept, and the edges among them.
    """
    if depth < 1:
        raise UsageError("--depth must be at least 1")
    if per_kind is not None and per_kind < 1:
        raise UsageError("--limit must be at least 1")
    allowed = set(relations) if relations else None
    refuse_unknown(
        allowed or (), RELATIONS, "unknown relation {relations}; use one of: {choices}", "relations"
    )
    center = kg.resolve(name)
    distance = distances(kg, center.id, depth, allowed)
    links = [
        Link(source, target, data["relation"])
        for rid in distance
        for source, target, data in kg.edges(rid, "out")
        if target in distance and (not allowed or data["relation"] in allowed)
    ]
    degree = Counter(rid for link in links for rid in (link.source, link.target))
    nodes = [Neighbor(kg[rid], d) for rid, d in distance.items() if rid != center.id]
    nodes.sort(
        key=lambda n: (
            n.distance,
            KIND_ORDER.index(n.record.kind),
            prominence(getattr(n.record, "notability", None)),
            -degree[n.record.id],
            n.record.name.casefold(),
            n.record.id,
        )
    )
    links.sort(key=lambda link: (distance[link.source] + distance[link.target], link.source, link.target))
    whole = Neighborhood(center, nodes, links, kg=kg, per_kind=per_kind, show_all=show_all, distance=distance)
    return _trimmed(whole, per_kind) if per_kind is not None and not show_all else whole


def _trimmed(whole: Neighborhood, per_kind: int) -> Neighborhood:
    """`whole` with only the first `per_kind` records of each kind and the relations among them."""
    shown: Counter[str] = Counter()
    kept = []
    for node in whole.nodes:
        shown[node.record.kind] += 1
        if shown[node.record.kind] <= per_kind:
            kept.append(node)
    present = {whole.center.id} | {node.record.id for node in kept}
    within = [link for link in whole.edges if link.source in present and link.target in present]
    return Neighborhood(
        whole.center,
        kept,
        within,
        len(whole.nodes) - len(kept),
        len(whole.edges) - len(within),
        whole.kg,
        per_kind,
        whole.show_all,
        whole.distance,
    )
