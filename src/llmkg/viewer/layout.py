"""Node positions for the explorer's graph, computed once when the page is written.

Laying out a thousand nodes in the browser takes seconds; computed here (a Fruchterman-Reingold
force layout with numpy) the page opens at once, and the same data always gives the same picture.
"""

from __future__ import annotations

from collections.abc import Iterable

# Edges every model has (its organization, its architecture) would pull all models into two
# knots; they count for little, so the lineage and topical relations shape the picture.
_WEAK = {"developed_by": 0.15, "based_on": 0.15, "related_to": 0.5, "part_of": 0.5}


def positions(
    nodes: list[str], edges: Iterable[tuple[str, str, str]], size: float = 4000.0, iterations: int = 120
) -> dict[str, tuple[float, float]]:
    """{node: (x, y)} in a square of side `size`, for (source, target, relation) edges."""
    import numpy as np

    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    weights = np.zeros((n, n), dtype=np.float32)
    for source, target, relation in edges:
        i, j = index.get(source), index.get(target)
        if i is None or j is None or i == j:
            continue
        weight = _WEAK.get(relation, 1.0)
        weights[i, j] = weights[j, i] = max(weights[i, j], weight)
    rng = np.random.default_rng(7)
    pos = rng.random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / np.sqrt(n))  # the ideal distance between nodes in the unit square
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        # Pairwise distances from squared norms: no n×n×2 array of differences.
        squared = (pos**2).sum(axis=1)
        distance2 = squared[:, None] + squared[None, :] - 2 * pos @ pos.T
        np.clip(distance2, 1e-4, None, out=distance2)
        distance = np.sqrt(distance2)
        # Repulsion between every pair, attraction along the weighted edges.
        force = k * k / distance2 - weights * distance / k
        np.fill_diagonal(force, 0)
        displacement = pos * force.sum(axis=1)[:, None] - force @ pos
        length = np.sqrt((displacement**2).sum(axis=1))
        np.clip(length, 0.01, None, out=length)
        pos += displacement * (temperature / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    extent = float(np.abs(pos).max()) or 1.0
    pos *= size / 2 / extent
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, pos, strict=True)}
