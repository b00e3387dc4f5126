"""Node-link JSON (networkx's `node_link_data` layout) with the `edges` key written explicitly.

networkx 3.4 renamed the default key from `links` to `edges`; writing `edges` and saying so
(`"edges"` is what `node_link_graph(data, edges="edges")` reads) works with every version.
"""

from __future__ import annotations

import json

from ..credits import ATTRIBUTION, DATA_LICENCE
from .options import ExportOptions
from .sanitize import ExportGraph


def render(graph: ExportGraph, options: ExportOptions) -> str:
    data = {
        "directed": True,
        "multigraph": True,
        "graph": {"name": "llmkg", "license": DATA_LICENCE, "attribution": ATTRIBUTION},
        "nodes": [{"id": rid, **attrs} for rid, attrs in graph.nodes],
        "edges": [
            {"source": source, "target": target, "key": key, **attrs}
            for source, target, key, attrs in graph.edges
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
