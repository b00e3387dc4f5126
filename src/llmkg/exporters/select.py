"""Choose the part of the graph to export: a neighbourhood, a year range, some kinds."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..vocabulary import KINDS

if TYPE_CHECKING:
    from ..store import Store as KnowledgeGraph


@dataclass(frozen=True)
class Selection:
    root: str | None = None
    depth: int = 2
    lineage: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    kinds: list[str] | None = None

    def node_ids(self, kg: KnowledgeGraph) -> set[str]:
        """The ids of the records to export."""
        if self.year_from is not None and self.year_to is not None and self.year_from > self.year_to:
            raise UsageError(f"--from {self.year_from} is after --to {self.year_to}")
        unknown = set(self.kinds or []) - set(KINDS)
        if unknown:
            raise UsageError(f"unknown kind {', '.join(sorted(unknown))}; use one of: {', '.join(KINDS)}")
        chosen = set(kg.index.ids())
        if self.root is not None:
            chosen = _within(kg, kg.resolve(self.root).id, self.depth)
        if self.lineage is not None:
            chosen &= _family(kg, self.lineage)
        if self.year_from is not None or self.year_to is not None:
            chosen = self._in_years(kg, chosen)
        if self.kinds:
            chosen = {rid for rid in chosen if kg[rid].kind in self.kinds}
        return chosen

    def _in_years(self, kg: KnowledgeGraph, chosen: set[str]) -> set[str]:
        """Records dated in the range, and the undated records (organizations, concepts) they link to."""
        low, high = self.year_from or 0, self.year_to or 9999
        dated = {rid for rid in chosen if kg[rid].date and low <= int(kg[rid].date[:4]) <= high}
        linked = {
            other for rid in dated for other in _adjacent(kg, rid) if other in chosen and not kg[other].date
        }
        return dated | linked


def _adjacent(kg: KnowledgeGraph, rid: str) -> list[str]:
    """The records one edge away from `rid`, either way (read from the index, not the full graph)."""
    return [t for _s, t, _d in kg.edges(rid, "out")] + [s for s, _t, _d in kg.edges(rid, "in")]


def _within(kg: KnowledgeGraph, start: str, depth: int) -> set[str]:
    seen = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        if seen[node] >= depth:
            continue
        for other in _adjacent(kg, node):
            if other not in seen:
                seen[other] = seen[node] + 1
                queue.append(other)
    return set(seen)


def _family(kg: KnowledgeGraph, name: str) -> set[str]:
    """A record with all its ancestors and descendants along lineage relations."""
    from ..queries import lineage

    up, down = lineage(kg, name), lineage(kg, name, descendants=True)
    return {up.root.id} | {e.record.id for e in up.ancestors} | {e.record.id for e in down.descendants}
