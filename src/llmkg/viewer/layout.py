"""Where the explorer draws each record, computed once when the page is written, so the page
opens at once and the same data always gives the same picture.

- The tree: the evolutionary tree of charts/evolution.py, twice: landmark and major models as on
  the slide (the first view), and every model, the minor ones tucked into the gaps between them
  (shown when the minor models are asked for).
- The network: a force layout of every record (Fruchterman–Reingold in igraph, whose grid keeps
  each step near linear in the number of records: no n × n matrix is ever built).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..store import Store

PIXELS = 96.0  # per inch: the page draws the tree's inches at CSS pixel size
TREE_WIDTH = 12.5  # inches of time axis in the page: about a laptop screen
FONT = 8.25  # points: the page's 11 px labels

# Edges every model has (its organization, its architecture) would pull all models into two
# knots; they count for little, so the lineage and topical relations shape the picture.
_WEAK = {"developed_by": 0.15, "based_on": 0.15, "related_to": 0.5, "part_of": 0.5}


def measure(text: str, size: float, weight: str = "normal") -> float:
    """About how wide the browser draws `text` at `size` points, in inches: half an em for most
    letters, a whole em for East Asian wide ones."""
    ems = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.56 for ch in text)
    return ems * size / 72 * (1.08 if weight == "bold" else 1.0)


def tree(kg: Store, chosen: set[str], lang: str) -> dict[str, Any]:
    """Both tree layouts of the selected models, in pixels."""
    from ..charts import evolution

    notable, _hidden = evolution.choose(kg, chosen, lang, evolution.NOTABLE)
    every, _hidden = evolution.choose(kg, chosen, lang, None)
    return {
        "compact": _tree_json(
            evolution.lay_out(notable, measure, TREE_WIDTH, 1e9, font=FONT, tick_width=0.45)
        ),
        "full": _tree_json(
            evolution.lay_out(
                every,
                measure,
                TREE_WIDTH,
                1e9,
                font=FONT,
                tick_width=0.45,
                first=lambda node: node.notability in evolution.NOTABLE,
            )
        ),
        "trunks": {key: label for key, label, _archs in evolution.TRUNKS},
    }


def _tree_json(layout: Any) -> dict[str, Any]:
    row = layout.row_height * PIXELS
    return {
        "nodes": {
            node.id: [
                round(node.x * PIXELS, 1),
                round(node.row * row, 1),
                node.folded,
                node.parent,
                node.evidence,
            ]
            for node in layout.nodes
        },
        "trunks": [
            [t.key, round(t.heading_row * row, 1), round((t.first_row + t.rows) * row, 1)]
            for t in layout.trunks
        ],
        "columns": [[c.label, round(c.start * PIXELS, 1), round(c.end * PIXELS, 1)] for c in layout.columns],
        "width": round(layout.width * PIXELS, 1),
        "height": round(layout.rows * row, 1),
        "row": round(row, 2),
    }


def network(
    nodes: list[str], edges: Iterable[tuple[str, str, str]], size: float = 4000.0
) -> dict[str, list[float]]:
    """{record: [x, y]} in a square of side `size`, for (source, target, relation) edges."""
    import random

    import igraph

    if not nodes:
        return {}
    if len(nodes) == 1:
        return {nodes[0]: [0.0, 0.0]}
    index = {node: i for i, node in enumerate(nodes)}
    weights: dict[tuple[int, int], float] = {}
    for source, target, relation in edges:
        i, j = index.get(source), index.get(target)
        if i is None or j is None or i == j:
            continue
        pair = (min(i, j), max(i, j))
        weights[pair] = max(weights.get(pair, 0.0), _WEAK.get(relation, 1.0))
    graph = igraph.Graph(n=len(nodes), edges=list(weights))
    # The same starting positions every time: the same picture. Spread over a square as wide as
    # the layout will be, so that igraph's grid sorts the records into many cells from the start.
    start = random.Random(7)
    side = len(nodes) ** 0.5
    seed = [[start.random() * side, start.random() * side] for _ in nodes]
    layout = graph.layout_fruchterman_reingold(
        weights=list(weights.values()) or None, niter=300, seed=seed, grid="auto"
    )
    xs = [x for x, _y in layout.coords]
    ys = [y for _x, y in layout.coords]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    extent = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    scale = size / 2 / extent
    return {
        node: [round((x - cx) * scale, 1), round((y - cy) * scale, 1)]
        for node, (x, y) in zip(nodes, layout.coords, strict=True)
    }
