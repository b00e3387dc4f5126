"""Two CSV files, nodes.csv and edges.csv: plain (`csv`) or with neo4j-admin import headers (`neo4j`).

Import into Neo4j 5 with:
    neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv llmkg
"""

from __future__ import annotations

import csv
import io

from .options import ExportOptions
from .sanitize import TYPE_NAMES, ExportGraph, as_text

NEO4J_IMPORT = "neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv llmkg"


def _csv(header: list[str], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def render_files(graph: ExportGraph, options: ExportOptions) -> dict[str, str]:
    node_names = list(graph.node_types)
    edge_names = list(graph.edge_types)
    nodes = [[rid, *(as_text(attrs.get(name)) for name in node_names)] for rid, attrs in graph.nodes]
    edges = [
        [source, target, *(as_text(attrs.get(name)) for name in edge_names)]
        for source, target, _key, attrs in graph.edges
    ]
    return {
        "nodes.csv": _csv(["id", *node_names], nodes),
        "edges.csv": _csv(["source", "target", *edge_names], edges),
    }


def render_neo4j_files(graph: ExportGraph, options: ExportOptions) -> dict[str, str]:
    """neo4j-admin headers: :ID, :LABEL, :START_ID, :END_ID, :TYPE and typed property columns."""
    node_names = [name for name in graph.node_types if name != "kind"]
    edge_names = [name for name in graph.edge_types if name != "relation"]
    node_header = ["id:ID", *(f"{n}:{TYPE_NAMES[graph.node_types[n]]}" for n in node_names), ":LABEL"]
    edge_header = [
        ":START_ID",
        ":END_ID",
        ":TYPE",
        *(f"{n}:{TYPE_NAMES[graph.edge_types[n]]}" for n in edge_names),
    ]
    nodes = [
        [rid, *(as_text(attrs.get(name)) for name in node_names), str(attrs["kind"]).capitalize()]
        for rid, attrs in graph.nodes
    ]
    edges = [
        [source, target, str(attrs["relation"]).upper(), *(as_text(attrs.get(name)) for name in edge_names)]
        for source, target, _key, attrs in graph.edges
    ]
    return {"nodes.csv": _csv(node_header, nodes), "edges.csv": _csv(edge_header, edges)}
