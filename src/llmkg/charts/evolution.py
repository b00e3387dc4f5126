"""The evolutionary tree of language models, laid out: trunks by architecture, time across, each
model on a lane of its trunk, near the model it came from, with no two labels overlapping.

Pure Python (no matplotlib): `chart tree` draws the layout with matplotlib, and the explorer
opens on the same layout. Sizes are in inches and points; a caller measures its own text.

- Trunks: each model's architecture decides its trunk (decoder-only, encoder–decoder,
  encoder-only, recurrent and state-space lines, and the neural language models before them).
- Time: every year is a column, at least as wide as its tick and wider by the room its labels
  need, so the crowded recent years get the room; a run of years without a model shares one
  narrow column ("2001–09"), so early outliers do not stretch the axis.
- Lanes: models are placed oldest first; a model takes the lane of the model it came from when
  its label fits there, else the free lane nearest to it, so a family reads along a line.
- Folding: unless asked for, minor models are not drawn; each is counted on its nearest drawn
  ancestor ("+14"), so the tree says how much it leaves out and where.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..dates import parse
from ..questions.common import LINEAGE_ORDER

if TYPE_CHECKING:
    from ..record import RecordView
    from ..store import Store

FAMILY_RELATIONS = ("fine_tuned_from", "distilled_from", "derived_from", "successor_of")
NOTABLE = ("landmark", "major")

# Trunks, top to bottom, and the architectures (concept ids) each holds.
TRUNKS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("decoder", "Decoder-only Transformers", ("decoder-only-transformer",)),
    ("encoder-decoder", "Encoder–decoder Transformers", ("transformer",)),
    ("encoder", "Encoder-only Transformers", ("encoder-only-transformer", "dual-encoder")),
    (
        "recurrent",
        "Recurrent, state-space and hybrid",
        (
            "state-space-model",
            "hybrid-ssm-transformer",
            "linear-attention-rnn",
            "diffusion-language-model",
        ),
    ),
    (
        "early",
        "Before the Transformer: RNN, LSTM and other neural LMs",
        (
            "rnn",
            "lstm",
            "gru",
            "feedforward-neural-network",
            "cnn",
            "neural-network",
        ),
    ),
)
_TRUNK_OF = {arch: key for key, _label, archs in TRUNKS for arch in archs}


def fractional_year(date: str) -> float:
    """A date as a fractional year, at the middle of what it names (2024 → 2024.5, 2024-05 → May)."""
    when = parse(date)
    first, last = when.earliest, when.latest
    middle = first.toordinal() + (last.toordinal() - first.toordinal()) / 2
    start = first.replace(month=1, day=1).toordinal()
    days = first.replace(year=first.year + 1, month=1, day=1).toordinal() - start
    return first.year + (middle - start) / days


@dataclass
class Node:
    id: str
    label: str
    year: float  # fractional year
    trunk: str
    openness: str
    notability: str
    parent: str | None = None  # the drawn model it came from
    relation: str | None = None
    evidence: str | None = None
    folded: int = 0  # minor descendants not drawn, counted here
    lane: int = 0  # within its trunk
    x: float = 0.0  # inches from the left of the plotting area
    row: int = 0  # over all trunks, top first
    width: float = 0.0  # of its label, in inches


@dataclass
class Trunk:
    key: str
    label: str
    heading_row: int  # the row its heading is written on, above its lanes
    first_row: int
    rows: int


@dataclass
class Column:
    """A year, or a run of years without a model, on the time axis (x in inches)."""

    first: int
    last: int  # inclusive
    start: float
    end: float

    @property
    def label(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last % 100:02d}"


@dataclass
class Layout:
    nodes: list[Node]
    trunks: list[Trunk]
    columns: list[Column]
    width: float  # of the plotting area, inches
    rows: int
    font: float  # label size, points
    row_height: float  # inches
    hidden: int = 0  # minor models not drawn and not counted on a drawn ancestor
    notes: list[str] = field(default_factory=list)

    def x_of(self, year: float) -> float:
        """Where a fractional year falls on the time axis (inches)."""
        for column in self.columns:
            if year < column.last + 1 or column is self.columns[-1]:
                share = (year - column.first) / (column.last + 1 - column.first)
                return column.start + (column.end - column.start) * min(max(share, 0.0), 1.0)
        return self.width


Measure = Callable[[str, float, str], float]  # (text, size in points, weight) -> width in inches


def choose(
    kg: Store, chosen: set[str], lang: str, notability: Iterable[str] | None = None, most: int | None = None
) -> tuple[list[Node], int]:
    """The models to draw (of `notability`; all when None) with their parents among them, and how
    many others were left out without being counted on a drawn ancestor. With `most`, at most
    that many are drawn (a page has room for so many names): landmarks first, then the models
    with the most models descending from them; the others are counted on their drawn ancestors."""
    models = {r.id: r for r in kg.records("model") if r.id in chosen and r.date}
    wanted = set(notability) if notability is not None else None
    shown = {rid for rid, r in models.items() if wanted is None or r.notability in wanted}
    parents = {rid: _parent(kg, rid, models) for rid in models}
    if most is not None and len(shown) > most:
        shown = _most_telling(shown, models, parents, most)
    nodes: dict[str, Node] = {}
    for rid in sorted(shown, key=lambda r: (fractional_year(models[r].date), r)):
        record = models[rid]
        nodes[rid] = Node(
            rid,
            record.label(lang),
            fractional_year(record.date),
            trunk_of(kg, record),
            getattr(record, "openness", None) or "closed",
            record.notability,
        )
    hidden = 0
    for rid in models:
        ancestor, relation, evidence, weakest = _drawn_ancestor(rid, parents, shown)
        if rid in shown:
            if ancestor is not None:
                node = nodes[rid]
                node.parent, node.relation, node.evidence = ancestor, relation, weakest or evidence
        elif ancestor is not None:
            nodes[ancestor].folded += 1
        else:
            hidden += 1
    return list(nodes.values()), hidden


def _most_telling(
    shown: set[str],
    models: dict[str, RecordView],
    parents: dict[str, tuple[str, str, str | None] | None],
    most: int,
) -> set[str]:
    """The `most` models of `shown` that tell the history best: by notability, then by how many
    models came directly from them, then oldest first, then by id (the same data, the same tree)."""
    children: dict[str, int] = {}
    for step in parents.values():
        if step is not None:
            children[step[0]] = children.get(step[0], 0) + 1
    rank = {level: index for index, level in enumerate(("landmark", "major", "minor"))}

    def order(rid: str) -> tuple[int, int, float, str]:
        record = models[rid]
        return (rank.get(record.notability or "minor", 3), -children.get(rid, 0),
                fractional_year(record.date), rid)  # fmt: skip

    return set(sorted(shown, key=order)[:most])


def _parent(kg: Store, rid: str, models: dict[str, RecordView]) -> tuple[str, str, str | None] | None:
    """The model `rid` came from (the most specific relation, then the newest parent), if any."""
    found = [
        (target, data["relation"], data.get("evidence"))
        for _s, target, data in kg.edges(rid, "out")
        if data["relation"] in FAMILY_RELATIONS and target in models and target != rid
    ]
    if not found:
        return None
    return min(found, key=lambda f: (LINEAGE_ORDER.index(f[1]), -fractional_year(models[f[0]].date), f[0]))


def _drawn_ancestor(
    rid: str, parents: dict[str, tuple[str, str, str | None] | None], shown: set[str]
) -> tuple[str | None, str | None, str | None, str | None]:
    """The nearest drawn ancestor of `rid`: (id, relation of the first step, its evidence, the
    weakest evidence along the way when a step was skipped)."""
    seen = {rid}
    step = parents.get(rid)
    first = step
    weakest: str | None = None
    while step is not None:
        target, _relation, evidence = step
        if target in shown:
            assert first is not None
            return target, first[1], first[2], weakest
        if target in seen:
            break
        seen.add(target)
        if evidence in ("reported", "inferred"):
            weakest = evidence if weakest != "inferred" else weakest
        step = parents.get(target)
    return None, None, None, None


def trunk_of(kg: Store, record: RecordView) -> str:
    """The trunk of a model: its architecture's, or the first of its architecture's ancestors'."""
    return _trunk_of_concept(kg, getattr(record, "architecture", None))


def _trunk_of_concept(kg: Store, architecture: str | None) -> str:
    cache: dict[str | None, str] = kg.__dict__.setdefault("_trunks", {})
    if architecture not in cache:
        cache[architecture] = _trunk_search(kg, architecture)
    return cache[architecture]


def _trunk_search(kg: Store, architecture: str | None) -> str:
    todo = [architecture]
    seen: set[str] = set()
    while todo:
        concept = todo.pop(0)
        if not concept or concept in seen:
            continue
        if concept in _TRUNK_OF:
            return _TRUNK_OF[concept]
        seen.add(concept)
        todo += [t for _s, t, d in kg.edges(concept, "out") if d["relation"] in ("evolved_from", "is_a")]
    return "recurrent"


def lay_out(
    nodes: list[Node],
    measure: Measure,
    width: float,
    height: float,
    font: float = 9.0,
    smallest: float = 5.5,
    folded_label: Callable[[int], str] = lambda n: f" +{n}",
    tick_width: float = 0.4,
    first: Callable[[Node], bool] | None = None,
) -> Layout:
    """Place `nodes` in a plotting area `width` × `height` inches, the labels as large as fit
    (from `font` down to `smallest` points); a tree that does not fit at the smallest size is
    laid out taller than `height` (its `rows` × `row_height` say how tall). A year's column is
    at least `tick_width` wide. With `first`, the nodes it accepts are placed before the others,
    which then fill the gaps left on the lanes (or new lanes below): the explorer places landmark
    and major models as the slide does, then tucks the minor ones in between."""
    size = font
    while True:
        layout = _place(nodes, measure, width, size, folded_label, tick_width, first)
        if layout.rows * layout.row_height <= height or size <= smallest:
            return layout
        size = max(smallest, size - 0.5)


def _place(
    nodes: list[Node],
    measure: Measure,
    width: float,
    font: float,
    folded_label: Callable[[int], str],
    tick_width: float,
    first: Callable[[Node], bool] | None = None,
) -> Layout:
    row_height = font * 1.25 / 72
    pad = font * 0.9 / 72  # between a label and the next marker on its lane
    marker = font * 0.6 / 72  # the marker's room before its label
    for node in nodes:
        text = node.label + (folded_label(node.folded) if node.folded else "")
        landmark = node.notability == "landmark"
        node.width = marker + measure(
            text, font * (1.1 if landmark else 1.0), "bold" if landmark else "normal"
        )
    layout = Layout(nodes, [], _columns(nodes, width, tick_width), width, 0, font, row_height)
    for node in nodes:
        node.x = layout.x_of(node.year)
    by_id = {node.id: node for node in nodes}
    row = 0
    for key, label, _archs in TRUNKS:
        members = [n for n in nodes if n.trunk == key]
        if not members:
            continue
        lanes: list[list[tuple[float, float]]] = []  # the spans taken on each lane
        tiers = (
            [members]
            if first is None
            else [[n for n in members if first(n)], [n for n in members if not first(n)]]
        )
        for tier in tiers:
            for node in sorted(tier, key=lambda n: (n.x, n.id)):
                parent = by_id.get(node.parent) if node.parent else None
                home = parent.lane if parent is not None and parent.trunk == key else None
                span = (node.x, node.x + node.width + pad)
                node.lane = _free_lane(lanes, span, home)
                if node.lane == len(lanes):
                    lanes.append([])
                bisect.insort(lanes[node.lane], span)
        for node in members:
            node.row = row + 1 + node.lane
        layout.trunks.append(Trunk(key, label, row, row + 1, max(len(lanes), 1)))
        row += max(len(lanes), 1) + 1  # the heading's row, then the lanes
    layout.rows = row
    return layout


def _free_lane(lanes: list[list[tuple[float, float]]], span: tuple[float, float], home: int | None) -> int:
    """The lane a label taking `span` goes on: `home` if free there, else the nearest lane free
    there (the upper one first), else a new lane. Each lane's spans are kept sorted, so trying
    a lane takes log time."""
    if home is None:
        return next((lane for lane, taken in enumerate(lanes) if _fits(taken, span)), len(lanes))
    for distance in range(len(lanes)):
        for lane in (home - distance, home + distance):
            if 0 <= lane < len(lanes) and _fits(lanes[lane], span):
                return lane
    return len(lanes)


def _fits(taken: list[tuple[float, float]], span: tuple[float, float]) -> bool:
    """Whether `span` overlaps none of the sorted, disjoint `taken` spans."""
    at = bisect.bisect_left(taken, span)
    before = taken[at - 1] if at else None
    after = taken[at] if at < len(taken) else None
    return (before is None or before[1] <= span[0]) and (after is None or span[1] <= after[0])


def _columns(nodes: list[Node], width: float, tick_width: float) -> list[Column]:
    """The time axis: each year from the first drawn to the last, a run of two or more years
    without a model as one column; widths as the module's docstring says."""
    if not nodes:
        return []
    first, last = int(min(n.year for n in nodes)), int(max(n.year for n in nodes))
    counts = {year: 0 for year in range(first, last + 1)}
    for node in nodes:
        counts[int(node.year)] += 1
    spans: list[tuple[int, int]] = []
    for year in range(first, last + 1):
        previous = spans[-1] if spans else None
        if previous and counts[year] == 0 and counts[previous[1]] == 0 and counts[previous[0]] == 0:
            spans[-1] = (previous[0], year)  # one more year without a model in the same run
        else:
            spans.append((year, year))
    # The last label's width is kept free at the right, so the newest model's name fits.
    tail = max((n.width for n in nodes if int(n.year) == last), default=0.0)
    usable = max(width - tail, width * 0.6)
    # A column's share of what is left after the ticks: the room its labels need.
    demand = {year: 0.0 for year in counts}
    for node in nodes:
        demand[int(node.year)] += node.width
    weights = [sum(demand[y] for y in range(a, b + 1)) for a, b in spans]
    spare = max(usable - tick_width * len(spans), 0.0)
    total = sum(weights) or 1.0
    columns, x = [], 0.0
    for (a, b), weight in zip(spans, weights, strict=True):
        step = tick_width + spare * weight / total
        columns.append(Column(a, b, x, x + step))
        x += step
    return columns
