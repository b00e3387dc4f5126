"""Store: the records and relations of an index, read on demand, and the networkx graph of them.

Record lookups, names and the edges of one record are SQL queries, so answering `show` or
`search` reads a few rows whatever the size of the data. The full `networkx.MultiDiGraph` is
built only when something asks for `graph` (exports, stats, path).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .errors import NotFoundError
from .names import closest, normalize
from .record import RecordView

if TYPE_CHECKING:
    import networkx as nx

    from .index import Index


class Store:
    """Records as nodes (attribute `record`), typed relations as edges keyed by relation name.

    Edges point as written: `gpt-4o --successor_of--> gpt-4-turbo`.
    """

    def __init__(self, index: Index) -> None:
        self.index = index
        self.files = list(index.files)
        self._records: dict[str, RecordView] = {}
        self._graph: nx.MultiDiGraph | None = None

    def __len__(self) -> int:
        return len(self.index)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.index.resolve_key(normalize(name)) is not None

    def __getitem__(self, rid: str) -> RecordView:
        record = self._records.get(rid)
        if record is None:
            data = self.index.record(rid)
            if data is None:
                raise KeyError(rid)
            record = self._records[rid] = RecordView(data)
        return record

    def records(self, kind: str | None = None) -> Iterator[RecordView]:
        for data in self.index.records(kind):
            record = self._records.get(data["id"])
            if record is None:
                record = self._records[data["id"]] = RecordView(data)
            yield record

    def resolve(self, name: str) -> RecordView:
        """The record `name` refers to: an id, name, alias, checkpoint name or Korean label."""
        rid = self.index.resolve_key(normalize(name))
        if rid is None:
            raise NotFoundError(name, self.suggest(name))
        return self[rid]

    def named(self, name: str) -> list[RecordView]:
        """Every record that answers to `name`, the one `resolve` picks first."""
        return [self[rid] for rid in self.index.records_named(normalize(name))]

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        labels: dict[str, str] = {}
        for text, rid in self.index.name_candidates(normalize(name)):
            labels.setdefault(text, rid)
        found = closest(name, labels, limit=limit * 3)
        return list(dict.fromkeys(labels[text] for text in found))[:limit]

    def edges(self, rid: str, direction: str = "out") -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(source, target, data) of the edges leaving (out) or entering (in) `rid`."""
        yield from self.index.edges(rid, direction)

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

    @property
    def graph(self) -> nx.MultiDiGraph:
        """Every record and relation as a networkx MultiDiGraph (built on first use)."""
        if self._graph is None:
            import networkx as nx

            graph = nx.MultiDiGraph()
            for record in self.records():
                graph.add_node(record.id, record=record)
            for source, target, data in self.index.all_edges():
                graph.add_edge(source, target, key=data["relation"], **data)
            self._graph = graph
        return self._graph
