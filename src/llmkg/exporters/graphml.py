"""GraphML, with typed keys declared for="node" / for="edge", for Gephi, Cytoscape and yEd."""

from __future__ import annotations

from typing import IO
from xml.etree import ElementTree as ET

from .sanitize import ExportGraph

NS = "http://graphml.graphdrawing.org/xmlns"
_TYPES = {str: "string", int: "long", bool: "boolean"}


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def write(graph: ExportGraph, out: IO[str]) -> None:
    root = ET.Element(
        "graphml",
        {
            "xmlns": NS,
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:schemaLocation": f"{NS} {NS}/1.0/graphml.xsd",
        },
    )
    keys: dict[tuple[str, str], str] = {}
    for domain, types in (("node", graph.node_types), ("edge", graph.edge_types)):
        for index, (name, kind) in enumerate(types.items()):
            key = f"{domain[0]}{index}"
            keys[(domain, name)] = key
            ET.SubElement(
                root, "key", {"id": key, "for": domain, "attr.name": name, "attr.type": _TYPES[kind]}
            )
    body = ET.SubElement(root, "graph", {"id": "llmkg", "edgedefault": "directed"})
    for rid, attrs in graph.nodes:
        node = ET.SubElement(body, "node", {"id": rid})
        for name, value in attrs.items():
            ET.SubElement(node, "data", {"key": keys[("node", name)]}).text = _text(value)
    for index, (source, target, _key, attrs) in enumerate(graph.edges):
        edge = ET.SubElement(body, "edge", {"id": f"e{index}", "source": source, "target": target})
        for name, value in attrs.items():
            ET.SubElement(edge, "data", {"key": keys[("edge", name)]}).text = _text(value)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
