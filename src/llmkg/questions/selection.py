"""The part of the graph `export`, `view` and `chart` work on: a neighbourhood, a family, a range
of dates, some kinds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import dates
from ..errors import UsageError
from ..vocabulary import KINDS
from .common import date_bound, distances, refuse_unknown

if TYPE_CHECKING:
    from ..store import Store


NOTABILITY = ("landmark", "major", "minor")


@dataclass(frozen=True)
class Selection:
    """Which records: around `root` (within `depth` edges), of the family of `lineage`, dated
    between `year_from` and `year_to` (years or YYYY-MM[-DD], inclusive, a partial date counting
    when it overlaps) with the undated records they link to, of `kinds`, of `notability`."""

    root: str | None = None
    depth: int = 2
    lineage: str | None = None
    year_from: int | str | None = None
    year_to: int | str | None = None
    kinds: list[str] | None = None
    notability: list[str] | None = None

    @property
    def everything(self) -> bool:
        return self == Selection(depth=self.depth)

    def node_ids(self, kg: Store) -> set[str]:
        """The ids of the selected records."""
        low, high = date_bound(self.year_from, "--from"), date_bound(self.year_to, "--to")
        if low and high and low.earliest > high.latest:
            raise UsageError("--from {start} is after --to {end}", start=self.year_from, end=self.year_to)
        refuse_unknown(self.kinds or (), KINDS, "unknown kind {kinds}; use one of: {choices}", "kinds")
        refuse_unknown(
            self.notability or (), NOTABILITY, "unknown notability {values}; use one of: {choices}", "values"
        )
        rows = kg.index.summary_rows()  # id -> (kind, date, notability), without reading records
        chosen = set(rows)
        if self.root is not None:
            chosen = set(distances(kg, kg.resolve(self.root).id, self.depth))
        if self.lineage is not None:
            chosen &= _family(kg, self.lineage)
        if low or high:
            chosen = _in_dates(kg, chosen, rows, low, high)
        if self.kinds:
            chosen = {rid for rid in chosen if rows[rid][0] in self.kinds}
        if self.notability:
            chosen = {rid for rid in chosen if rows[rid][2] in self.notability}
        return chosen


def _in_dates(
    kg: Store,
    chosen: set[str],
    rows: dict[str, tuple[str, str | None, str | None]],
    low: dates.PartialDate | None,
    high: dates.PartialDate | None,
) -> set[str]:
    """Records dated in the range, and the undated records (organizations, concepts) they link to."""
    dated = set()
    for rid in chosen:
        date = rows[rid][1]
        if not date:
            continue
        when = dates.parse(date)
        if (low and when.latest < low.earliest) or (high and when.earliest > high.latest):
            continue
        dated.add(rid)
    linked = {
        other for rid in dated for other in _adjacent(kg, rid) if other in chosen and not rows[other][1]
    }
    return dated | linked


def _adjacent(kg: Store, rid: str) -> list[str]:
    """The records one edge away from `rid`, either way (read from the index, not the full graph)."""
    return [t for _s, t, _d in kg.edges(rid, "out")] + [s for s, _t, _d in kg.edges(rid, "in")]


def _family(kg: Store, name: str) -> set[str]:
    """A record with all its ancestors and descendants along lineage relations."""
    from .lineage import lineage

    up, down = lineage(kg, name), lineage(kg, name, descendants=True)
    return {up.root.id} | {e.record.id for e in up.ancestors} | {e.record.id for e in down.descendants}
