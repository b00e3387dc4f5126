"""Transitive reduction of a small directed acyclic graph, without importing networkx.

`llmkg lineage` reduces the few dozen relatives of one record; networkx does the same
(`networkx.transitive_reduction`, which the tests compare this with) but importing it costs more
than the whole command may take.
"""

from __future__ import annotations

from collections.abc import Mapping


def transitive_reduction(successors: Mapping[str, set[str]]) -> dict[str, set[str]]:
    """The edges u → w of the DAG `successors` that no longer path from u to w implies."""
    reachable: dict[str, set[str]] = {}  # node -> every node one edge or more away
    for start in successors:
        if start in reachable:
            continue
        stack = [(start, iter(successors.get(start, ())))]
        reachable[start] = set()
        while stack:  # depth first, iteratively: lineage chains can be longer than Python's stack
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                if stack:
                    reachable[stack[-1][0]] |= reachable[node]
                continue
            reachable[node].add(child)
            if child not in reachable:
                reachable[child] = set()
                stack.append((child, iter(successors.get(child, ()))))
            else:
                reachable[node] |= reachable[child]

    reduced: dict[str, set[str]] = {}
    for node, direct in successors.items():
        implied: set[str] = set()
        for child in direct:
            implied |= reachable[child]
        reduced[node] = set(direct) - implied
    return reduced
