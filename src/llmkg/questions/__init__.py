"""The questions llmkg answers, one module each, and `KnowledgeGraph`, the library API that asks them.

Each module holds its answer type (with its JSON and its table rows), its query, and anything
only it needs: `timeline`, `lineage`, `neighbours`, `path`, `search`, `stats`, `card` (show),
`licence`; `selection` is the part of the graph `export`, `view` and `chart` work on.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..store import Store

if TYPE_CHECKING:
    from ..schema import AnyRecord
    from .card import Show
    from .conflicts import Conflicts
    from .licence import Licence
    from .lineage import Lineage
    from .neighbours import Neighborhood
    from .path import Path
    from .search import Search
    from .stats import Stats
    from .timeline import Timeline


class KnowledgeGraph(Store):
    """What `llmkg.load()` returns: the store of records and relations, with the questions as
    methods. Records are read-only (`llmkg.record.RecordView`); `validated(rid)` gives the
    pydantic object of the schema. Every answer has `.json()`, the command's `--format json`."""

    def validated(self, rid: str) -> AnyRecord:
        from ..schema import record_adapter

        return record_adapter().validate_python(self[rid].fields())

    def show(self, name: str) -> Show:
        from .card import show

        return show(self, name)

    def timeline(
        self,
        start: str | int | None = None,
        end: str | int | None = None,
        kinds: Iterable[str] | None = None,
        org: str | None = None,
        include_all: bool = False,
    ) -> Timeline:
        from .timeline import timeline

        return timeline(self, start, end, kinds=kinds, org=org, include_all=include_all)

    def lineage(self, name: str, descendants: bool = False, depth: int | None = None) -> Lineage:
        from .lineage import lineage

        return lineage(self, name, descendants=descendants, depth=depth)

    def neighbors(
        self,
        name: str,
        depth: int = 1,
        relations: Iterable[str] | None = None,
        per_kind: int | None = None,
        show_all: bool = False,
    ) -> Neighborhood:
        from .neighbours import neighbors

        return neighbors(self, name, depth=depth, relations=relations, per_kind=per_kind, show_all=show_all)

    neighbours = neighbors  # the command's British spelling, kept for callers of 0.1

    def search(self, query: str, limit: int = 10) -> Search:
        from .search import search

        return search(self, query, limit=limit)

    def path(self, a: str, b: str) -> Path:
        from .path import path

        return path(self, a, b)

    def licence(self, name: str) -> Licence:
        from .licence import licence

        return licence(self, name)

    license = licence  # the American spelling, as the command's alias

    def licence_conflicts(self) -> Conflicts:
        from .conflicts import check

        return check(self)

    def stats(self) -> Stats:
        from .stats import stats

        return stats(self)

    def __reduce__(self) -> tuple[Any, ...]:
        raise TypeError("a KnowledgeGraph is backed by an open database and cannot be pickled")
