"""KnowledgeGraph: the store of records and relations, with the queries as methods (the library API)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .store import Store

if TYPE_CHECKING:
    from . import queries
    from .schema import AnyRecord


class KnowledgeGraph(Store):
    """What `llmkg.load()` returns. Records are read-only (`llmkg.record.RecordView`);
    `validated(rid)` gives the pydantic object of the schema."""

    def validated(self, rid: str) -> AnyRecord:
        from .schema import record_adapter

        return record_adapter().validate_python(self[rid].fields())

    def timeline(
        self,
        start: str | int | None = None,
        end: str | int | None = None,
        kinds: Iterable[str] | None = None,
        org: str | None = None,
        include_all: bool = False,
    ) -> queries.Timeline:
        from . import queries

        return queries.timeline(self, start, end, kinds=kinds, org=org, include_all=include_all)

    def lineage(self, name: str, descendants: bool = False, depth: int | None = None) -> queries.Lineage:
        from . import queries

        return queries.lineage(self, name, descendants=descendants, depth=depth)

    def neighbors(
        self,
        name: str,
        depth: int = 1,
        relations: Iterable[str] | None = None,
        per_kind: int | None = None,
    ) -> queries.Neighborhood:
        from . import queries

        return queries.neighbors(self, name, depth=depth, relations=relations, per_kind=per_kind)

    neighbours = neighbors  # the command's British spelling, kept for callers of 0.1

    def search(self, query: str, limit: int = 10) -> list[queries.Hit]:
        from . import queries

        return queries.search(self, query, limit=limit)

    def path(self, a: str, b: str) -> list[queries.Step]:
        from . import queries

        return queries.path(self, a, b)

    def stats(self) -> queries.Stats:
        from . import queries

        return queries.stats(self)

    def __reduce__(self) -> tuple[Any, ...]:
        raise TypeError("a KnowledgeGraph is backed by an open database and cannot be pickled")
