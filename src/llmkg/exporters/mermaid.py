"""Mermaid: a flowchart for subgraphs (lineage, neighbourhood), a timeline diagram for year ranges.

Every label is quoted and its special characters written as Mermaid entity codes, so brackets,
colons, quotes and pipes in names cannot break the diagram. Mermaid refuses diagrams with more than
500 edges by default, so a larger selection is an error that suggests a narrower one.
"""

from __future__ import annotations

from collections import defaultdict

from ..credits import credit
from ..errors import ExportError
from .options import ExportOptions
from .sanitize import ExportGraph
from .style import hex_colour

MAX_EDGES = 500
_ENTITIES = {
    '"': "#quot;",
    "#": "#35;",
    ":": "#58;",
    ";": "#59;",
    "<": "#lt;",
    ">": "#gt;",
    "[": "#91;",
    "]": "#93;",
    "(": "#40;",
    ")": "#41;",
    "{": "#123;",
    "}": "#125;",
    "|": "#124;",
    "`": "#96;",
    "\n": " ",
}


def escape(text: str) -> str:
    return "".join(_ENTITIES.get(ch, ch) for ch in text)


def render(graph: ExportGraph, options: ExportOptions) -> str:
    """The diagram `options.diagram` names; "auto" is a timeline for a selection by dates alone
    (a span of history), else a flowchart (a family, a neighbourhood)."""
    return _timeline(graph) if _diagram(options) == "timeline" else _flowchart(graph)


def _diagram(options: ExportOptions) -> str:
    if options.diagram != "auto":
        return options.diagram
    chosen = options.selection
    if chosen is None:
        return "flowchart"
    by_dates = chosen.year_from is not None or chosen.year_to is not None
    return "timeline" if by_dates and not (chosen.root or chosen.lineage) else "flowchart"


def _flowchart(graph: ExportGraph) -> str:
    if len(graph.edges) > MAX_EDGES:
        raise ExportError(
            "the selection has {edges} edges; Mermaid draws at most {most}: "
            "narrow it with --root NAME --depth N, --lineage NAME, --from/--to or --kind",
            edges=len(graph.edges),
            most=MAX_EDGES,
        )
    short = {rid: f"n{index}" for index, (rid, _attrs) in enumerate(graph.nodes)}
    lines = ["flowchart BT", _credit_comment()]
    for rid, attrs in graph.nodes:
        label = str(attrs["label"]) + (f" ({attrs['date']})" if attrs.get("date") else "")
        lines.append(f'  {short[rid]}["{escape(label)}"]')
    for source, target, _key, attrs in graph.edges:
        # A lineage link weaker than stated is drawn dotted.
        arrow = "-.->" if attrs.get("evidence") in ("reported", "inferred") else "-->"
        lines.append(f'  {short[source]} {arrow}|"{escape(str(attrs["label"]))}"| {short[target]}')
    kinds = sorted({str(attrs["kind"]) for _rid, attrs in graph.nodes})
    for kind in kinds:
        lines.append(f"  classDef {kind} fill:{hex_colour(kind)},color:#fff")
        members = ",".join(short[rid] for rid, attrs in graph.nodes if attrs["kind"] == kind)
        lines.append(f"  class {members} {kind}")
    return "\n".join(lines) + "\n"


def _timeline(graph: ExportGraph) -> str:
    by_year: dict[int, list[str]] = defaultdict(list)
    for _rid, attrs in graph.nodes:
        if isinstance(attrs.get("year"), int):
            by_year[int(attrs["year"])].append(str(attrs["label"]))
    if not by_year:
        raise ExportError("a Mermaid timeline needs dated records; the selection has none")
    lines = ["timeline", _credit_comment(), "  title History of language models"]
    for year, labels in sorted(by_year.items()):
        lines.append(f"  {year} : " + " : ".join(escape(label) for label in sorted(labels)))
    return "\n".join(lines) + "\n"


def _credit_comment() -> str:
    """The data's licence and credit as a Mermaid comment (data/LICENSE.md); "%%" cannot occur in it."""
    return "  %% " + credit().replace("%", " percent")
