"""KnowledgeGraph: the records as a networkx MultiDiGraph, plus name resolution."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import networkx as nx

from .edges import record_edges
from .errors import NotFoundError
from .names import closest, name_keys, normalize

if TYPE_CHECKING:
    from . import queries
    from .loader import Dataset
    from .schema import AnyRecord


class KnowledgeGraph:
    """Records as nodes (attribute `record`), typed relations as edges keyed by relation name.

    Edges point as written: `gpt-4o --successor_of--> gpt-4-turbo`.
    """

    def __init__(self, dataset: Dataset) -> None:
        self.files = list(dataset.files)
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        self._names: dict[str, str] = {}
        for rid, record in dataset.records.items():
            self.graph.add_node(rid, record=record)
            for text, _path in name_keys(record):
                self._names.setdefault(normalize(text), rid)
        for record in dataset.records.values():
            for edge in record_edges(record):
                if edge.target in dataset.records and not self.graph.has_edge(
                    edge.source, edge.target, key=edge.relation
                ):
                    self.graph.add_edge(
                        edge.source,
                        edge.target,
                        key=edge.relation,
                        relation=edge.relation,
                        note=edge.note,
                        sources=list(edge.sources),
                        derived=edge.derived,
                        evidence=edge.evidence,
                    )

    def __len__(self) -> int:
        return int(self.graph.number_of_nodes())

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalize(name) in self._names

    def __getitem__(self, rid: str) -> AnyRecord:
        record: AnyRecord = self.graph.nodes[rid]["record"]
        return record

    def records(self, kind: str | None = None) -> Iterator[AnyRecord]:
        for _rid, record in self.graph.nodes(data="record"):
            if kind is None or record.kind == kind:
                yield record

    def resolve(self, name: str) -> AnyRecord:
        """The record `name` refers to: an id, name, alias, checkpoint name or Korean label."""
        rid = self._names.get(normalize(name))
        if rid is None:
            raise NotFoundError(name, self.suggest(name))
        return self[rid]

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        labels: dict[str, str] = {}
        for record in self.records():
            for text, _path in name_keys(record):
                labels.setdefault(text, record.id)
        found = closest(name, labels, limit=limit * 3)
        return list(dict.fromkeys(labels[text] for text in found))[:limit]

    def closure(self, start: Iterable[str], relation: str, direction: str = "out") -> set[str]:
        """`start` and every record reached by following `relation` edges in `direction`, transitively.

        closure({"google-brain"}, "part_of") is Google Brain and everything it is part of;
        closure({"google"}, "part_of", "in") is Google and all of its parts.
        """
        found = set(start)
        todo = list(found)
        while todo:
            for source, target, data in self.edges(todo.pop(), direction):
                other = target if direction == "out" else source
                if data["relation"] == relation and other not in found:
                    found.add(other)
                    todo.append(other)
        return found

    def edges(self, rid: str, direction: str = "out") -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(source, target, data) of the edges leaving (out) or entering (in) `rid`."""
        if direction == "out":
            yield from ((u, v, d) for u, v, d in self.graph.out_edges(rid, data=True))
        else:
            yield from ((u, v, d) for u, v, d in self.graph.in_edges(rid, data=True))

    # The queries, as methods, for use from Python; see llmkg.queries for what each returns.
    def timeline(
        self,
        start: str | int | None = None,
        end: str | int | None = None,
        kinds: Iterable[str] | None = None,
        org: str | None = None,
        include_all: bool = False,
    ) -> queries.Timeline:
        from .queries import timeline

        return timeline(self, start, end, kinds=kinds, org=org, include_all=include_all)

    def lineage(self, name: str, descendants: bool = False, depth: int | None = None) -> queries.Lineage:
        from .queries import lineage

        return lineage(self, name, descendants=descendants, depth=depth)

    def neighbours(
        self, name: str, depth: int = 1, relations: Iterable[str] | None = None
    ) -> queries.Neighbourhood:
        from .queries import neighbours

        return neighbours(self, name, depth=depth, relations=relations)

    def search(self, query: str, limit: int = 10) -> list[queries.Hit]:
        from .queries import search

        return search(self, query, limit=limit)

    def path(self, a: str, b: str) -> list[queries.Step]:
        from .queries import path

        return path(self, a, b)

    def stats(self) -> queries.Stats:
        from .queries import stats

        return stats(self)
