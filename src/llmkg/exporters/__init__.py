"""Exports: one registry of formats, each a writer module behind one sanitiser.

The registry says, for each format, what its writer reads (the sanitised graph, or the index
itself), what it writes (one file or standard output, a directory of files, or a file it fills
itself) and which format options apply; `export`'s help, its errors and its checks all come from
it. A writer renders the whole export before anything is written, atomically, so a failing export
never leaves a partial or half-replaced file.
"""

from __future__ import annotations

import dataclasses
import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import ExportError, UsageError, shown

if TYPE_CHECKING:
    from ..questions.selection import Selection
    from ..store import Store
    from .options import ExportOptions


class Writer(NamedTuple):  # a NamedTuple: every command's start-up reads this registry
    module: str
    description: str
    writes: str = "text"  # "text": a file or stdout; "files": a directory of files; "file": a file only
    reads: str = "graph"  # "graph": the sanitised ExportGraph; "index": the Selected records of the index
    options: tuple[str, ...] = ()  # the ExportOptions fields that apply (besides no_clobber)
    function: str = "render"


WRITERS = {
    "graphml": Writer("graphml", "GraphML for Gephi, Cytoscape and yEd (--target)", options=("target",)),
    "gexf": Writer("gexf", "GEXF 1.3 with dates, for Gephi's timeline"),
    "json": Writer("nodelink", "node-link JSON (networkx, D3)"),
    "cytoscape": Writer("cytoscape", "Cytoscape.js elements JSON"),
    "dot": Writer("dot", "Graphviz DOT (--cluster, --rank-by-year)", options=("cluster", "rank_by_year")),
    "mermaid": Writer("mermaid", "Mermaid flowchart or timeline (--diagram)", options=("diagram",)),
    "csv": Writer("tables", "nodes.csv and edges.csv in a directory", "files", function="render_files"),
    "neo4j": Writer(
        "tables", "nodes.csv and edges.csv for neo4j-admin import", "files", function="render_neo4j_files"
    ),
    "turtle": Writer("turtle", "RDF Turtle (needs llmkg[rdf])"),
    "sqlite": Writer("sqlite", "an SQLite database (the documented index)", "file", "index"),
}


def format_names() -> str:
    """The formats, as a sentence: "graphml, gexf, … or sqlite"."""
    names = list(WRITERS)
    return ", ".join(names[:-1]) + f" or {names[-1]}"


class Selected:
    """The selected records of the index, for writers that read it directly."""

    def __init__(self, kg: Store, ids: set[str]) -> None:
        self.kg = kg
        self.ids = ids

    def edge_count(self) -> int:
        if len(self.ids) == len(self.kg):
            return self.kg.index.edge_count()
        return sum(1 for s, t, _d in self.kg.index.all_edges() if s in self.ids and t in self.ids)


class _Stream:
    """A writer's chunks, with the first one already made, so that its errors come before any
    file is touched."""

    def __init__(self, chunks: Iterator[str]) -> None:
        self._chunks = chunks
        self._first = next(chunks, "")

    def __iter__(self) -> Iterator[str]:
        yield self._first
        yield from self._chunks


class Written(NamedTuple):
    nodes: int
    edges: int
    files: list[str]


def export(
    kg: Store,
    fmt: str,
    output: str | None,
    selection: Selection,
    options: ExportOptions | None = None,
) -> Written:
    """Write the selected part of `kg` as `fmt` to `output` (a file, a directory, or standard output)."""
    # Imported here: the registry above is read by every command's help, the writing only by export.
    from ..atomic import write_files, write_text
    from .options import ExportOptions
    from .sanitize import sanitize

    writer = WRITERS.get(fmt)
    if writer is None:
        raise UsageError(
            "unknown export format {format}; use one of: {choices}",
            format=shown(fmt),
            choices=", ".join(WRITERS),
        )
    options = dataclasses.replace(options or ExportOptions(), selection=selection)
    options.check(fmt, {name: known.options for name, known in WRITERS.items()})
    to_stdout = output is None or output == "-"
    if writer.writes == "files" and to_stdout:
        raise UsageError("{format} writes two files: give a directory with -o DIR", format=fmt)
    if writer.writes == "file" and to_stdout:
        raise UsageError("{format} writes a database file: give it with -o FILE", format=fmt)
    ids = selection.node_ids(kg)
    source: Any = sanitize(kg, ids) if writer.reads == "graph" else Selected(kg, ids)
    render = getattr(importlib.import_module(f"{__name__}.{writer.module}"), writer.function)
    try:
        rendered = render(source, options)
        if not isinstance(rendered, (str, bytes, dict)) and not callable(rendered):
            rendered = _Stream(rendered)  # a writer that streams: fail before writing
    except (TypeError, ValueError) as exc:
        raise ExportError("{format} export failed: {reason}", format=fmt, reason=_reason(exc)) from None
    nodes, edges = (
        (len(source.nodes), len(source.edges)) if writer.reads == "graph" else (len(ids), source.edge_count())
    )
    if writer.writes == "files":
        assert output is not None
        files = write_files(Path(output), rendered, options.no_clobber)
    elif writer.writes == "file":
        assert output is not None
        files = [_fill(Path(output), rendered, options.no_clobber)]
    elif to_stdout:
        for chunk in [rendered] if isinstance(rendered, str) else rendered:
            sys.stdout.write(chunk)
        files = []
    else:
        assert output is not None
        files = [write_text(Path(output), rendered, options.no_clobber)]
    return Written(nodes, edges, files)


def _reason(error: Exception) -> str:
    """What a failed writer said: its own message (in the user's language when it is an llmkg
    error), or the library's words."""
    if isinstance(error, ExportError) and error.values:
        from ..i18n import Message

        return Message.english(str(error), error.template, **error.values)
    return str(error)


def _fill(target: Path, fill: Callable[[str], None], no_clobber: bool) -> str:
    """Let a writer fill a temporary file beside `target`, then put it in place."""
    from ..atomic import install, refuse_existing, temporary_beside

    if no_clobber:
        refuse_existing(target)
    temporary = temporary_beside(target)
    try:
        fill(temporary)
    except ExportError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ExportError("cannot write {path}: {reason}", path=str(target), reason=_reason(exc)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return install(temporary, target, no_clobber)
