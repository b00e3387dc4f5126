"""Exports: one registry mapping a format name to its writer, behind one sanitiser."""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ExportError, UsageError
from .atomic import atomic_writer
from .sanitize import sanitize

if TYPE_CHECKING:
    from ..graph import KnowledgeGraph
    from .select import Selection

# format name -> module in this package with a `write(graph, stream)` function
WRITERS = {
    "graphml": "graphml",
}


@dataclass
class Written:
    nodes: int
    edges: int


def export(kg: KnowledgeGraph, fmt: str, output: str | None, selection: Selection) -> Written:
    """Write the selected part of `kg` as `fmt` to `output` (a file, written atomically) or stdout."""
    if fmt not in WRITERS:
        raise UsageError(f"unknown export format {fmt!r}; use one of: {', '.join(WRITERS)}")
    writer = importlib.import_module(f"{__name__}.{WRITERS[fmt]}")
    graph = sanitize(kg, selection.node_ids(kg))
    try:
        if output is None or output == "-":
            writer.write(graph, sys.stdout)
        else:
            with atomic_writer(output) as stream:
                writer.write(graph, stream)
    except (TypeError, ValueError) as exc:
        raise ExportError(f"{fmt} export failed: {exc}") from None
    return Written(len(graph.nodes), len(graph.edges))
