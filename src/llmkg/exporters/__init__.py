"""Exports: one registry mapping a format name to its writer, behind one sanitiser.

A writer renders the whole export in memory (the graph is small); only then is anything written,
atomically, so a failing export never leaves a partial or half-replaced file.
"""

from __future__ import annotations

import dataclasses
import importlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ExportError, UsageError
from .atomic import write_files, write_text
from .options import ExportOptions
from .sanitize import sanitize

if TYPE_CHECKING:
    from ..store import Store as KnowledgeGraph
    from .select import Selection


@dataclass(frozen=True)
class Writer:
    module: str
    function: str = "render"
    directory: bool = False  # writes several files into the directory given by -o
    description: str = ""


WRITERS = {
    "graphml": Writer("graphml", description="GraphML for Gephi, Cytoscape and yEd (--target)"),
    "gexf": Writer("gexf", description="GEXF 1.3 with dates, for Gephi's timeline"),
    "json": Writer("nodelink", description="node-link JSON (networkx, D3)"),
    "cytoscape": Writer("cytoscape", description="Cytoscape.js elements JSON"),
    "dot": Writer("dot", description="Graphviz DOT (--cluster, --rank-by-year)"),
    "mermaid": Writer("mermaid", description="Mermaid flowchart or timeline (--diagram)"),
    "csv": Writer("tables", "render_files", True, "nodes.csv and edges.csv in a directory"),
    "neo4j": Writer("tables", "render_neo4j_files", True, "nodes.csv and edges.csv for neo4j-admin import"),
    "turtle": Writer("turtle", description="RDF Turtle (needs llmkg[rdf])"),
    "sqlite": Writer("sqlite", "write_database", description="an SQLite database (the documented index)"),
}


class _Stream:
    """A writer's chunks, with the first one already made, so that its errors come before any
    file is touched."""

    def __init__(self, chunks: Iterator[str]) -> None:
        self._chunks = chunks
        self._first = next(chunks, "")

    def __iter__(self) -> Iterator[str]:
        yield self._first
        yield from self._chunks


@dataclass
class Written:
    nodes: int
    edges: int
    files: list[str]


def export(
    kg: KnowledgeGraph,
    fmt: str,
    output: str | None,
    selection: Selection,
    options: ExportOptions | None = None,
) -> Written:
    """Write the selected part of `kg` as `fmt` to `output` (a file or, for csv/neo4j, a directory)."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise UsageError(f"unknown export format {fmt!r}; use one of: {', '.join(WRITERS)}")
    options = options or ExportOptions()
    options.check(fmt)
    if fmt == "mermaid" and options.diagram == "auto":
        by_years = selection.year_from is not None or selection.year_to is not None
        wanted = "timeline" if by_years and not (selection.root or selection.lineage) else "flowchart"
        options = dataclasses.replace(options, diagram=wanted)
    if writer.directory and (output is None or output == "-"):
        raise UsageError(f"{fmt} writes two files: give a directory with -o DIR")
    if fmt == "sqlite":
        if output is None or output == "-":
            raise UsageError("sqlite writes a database file: give it with -o FILE")
        from .sqlite import write_database

        chosen = selection.node_ids(kg)
        written = write_database(kg, chosen, Path(output), options.no_clobber)
        edges = kg.index.db.execute("SELECT count(*) FROM edges").fetchone()[0]
        if len(chosen) < len(kg):
            edges = sum(1 for s, t, _d in kg.index.all_edges() if s in chosen and t in chosen)
        return Written(len(chosen), int(edges), [written])
    graph = sanitize(kg, selection.node_ids(kg))
    render = getattr(importlib.import_module(f"{__name__}.{writer.module}"), writer.function)
    try:
        rendered = render(graph, options)
        if not isinstance(rendered, (str, bytes, dict)):  # a writer that streams: fail before writing
            rendered = _Stream(rendered)
    except (TypeError, ValueError) as exc:
        raise ExportError(f"{fmt} export failed: {exc}") from None
    if writer.directory:
        assert output is not None
        files = write_files(Path(output), rendered, options.no_clobber)
    elif output is None or output == "-":
        for chunk in [rendered] if isinstance(rendered, str) else rendered:
            sys.stdout.write(chunk)
        files = []
    else:
        files = [write_text(Path(output), rendered, options.no_clobber)]
    return Written(len(graph.nodes), len(graph.edges), files)
