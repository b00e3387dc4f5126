"""Graphviz DOT: every id quoted, labels escaped, clusters by kind or organization, rank by year."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from ..credits import credit
from .options import ExportOptions
from .sanitize import ExportGraph
from .style import hex_colour


def quote(text: str) -> str:
    """A DOT double-quoted string: safe for ids with colons, dots, spaces or quotes."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _node_line(rid: str, attrs: Mapping[str, object]) -> str:
    label = str(attrs["label"])
    if attrs.get("date"):
        label += f"\n{attrs['date']}"
    fill = hex_colour(str(attrs["kind"]))
    return f"{quote(rid)} [label={quote(label)}, fillcolor={quote(fill)}];"


def render(graph: ExportGraph, options: ExportOptions) -> str:
    lines = [
        "digraph llmkg {",
        f"  comment={quote(credit())};",  # the data's licence and credit (data/LICENSE.md)
        '  graph [rankdir="RL", fontname="Helvetica"];'
        if options.rank_by_year
        else '  graph [fontname="Helvetica"];',
        '  node [shape="box", style="rounded,filled", fontname="Helvetica", fontcolor="white"];',
        '  edge [fontname="Helvetica", fontsize="9"];',
    ]
    groups: dict[str, list[tuple[str, Mapping[str, object]]]] = defaultdict(list)
    for rid, attrs in graph.nodes:
        if options.cluster == "kind":
            group = str(attrs["kind"])
        elif options.cluster == "organization":
            group = str(attrs.get("organizations", "")).split("|")[0]
        else:
            group = ""
        groups[group].append((rid, attrs))
    for index, (group, members) in enumerate(sorted(groups.items())):
        indent = "  "
        if group:
            lines.append(f"  subgraph {quote(f'cluster_{index}')} {{")
            lines.append(f"    label={quote(group)};")
            indent = "    "
        lines.extend(indent + _node_line(rid, attrs) for rid, attrs in members)
        if group:
            lines.append("  }")
    if options.rank_by_year:
        years: dict[int, list[str]] = defaultdict(list)
        for rid, attrs in graph.nodes:
            if isinstance(attrs.get("year"), int):
                years[int(attrs["year"])].append(rid)
        for _year, same_year in sorted(years.items()):
            lines.append("  { rank=same; " + " ".join(quote(rid) + ";" for rid in same_year) + " }")
    for source, target, _key, attrs in graph.edges:
        # A lineage link weaker than stated is drawn dashed.
        dashed = ', style="dashed"' if attrs.get("evidence") in ("reported", "inferred") else ""
        lines.append(f"  {quote(source)} -> {quote(target)} [label={quote(str(attrs['label']))}{dashed}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
