"""Cytoscape.js `elements` JSON (also what Cytoscape desktop reads as .cyjs)."""

from __future__ import annotations

import json

from ..credits import ATTRIBUTION, DATA_LICENCE
from .options import ExportOptions
from .sanitize import ExportGraph
from .style import hex_colour


def render(graph: ExportGraph, options: ExportOptions) -> str:
    nodes = [
        {"data": {"id": rid, **attrs, "color": hex_colour(str(attrs["kind"]))}} for rid, attrs in graph.nodes
    ]
    edges = [
        {"data": {"id": f"e{index}", "source": source, "target": target, **attrs}}
        for index, (source, target, _key, attrs) in enumerate(graph.edges)
    ]
    about = {"name": "llmkg", "license": DATA_LICENCE, "attribution": ATTRIBUTION}
    return (
        json.dumps(
            {"data": about, "elements": {"nodes": nodes, "edges": edges}}, ensure_ascii=False, indent=1
        )
        + "\n"
    )
