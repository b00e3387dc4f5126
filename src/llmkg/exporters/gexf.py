"""GEXF 1.3 for Gephi: dated nodes carry `start`, so Gephi's timeline slider replays the history.

Colours (by kind) and sizes (by parameter count) go in the viz namespace. Lists are joined with
`|` (GEXF list types are read inconsistently), partial dates start at their first day.
"""

from __future__ import annotations

from collections.abc import Mapping
from xml.etree import ElementTree as ET

from .. import dates
from ..credits import credit
from .options import ExportOptions
from .sanitize import TYPE_NAMES, ExportGraph, as_text
from .style import colour, size

NS = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"


def _start(attrs: Mapping[str, object]) -> str | None:
    date = attrs.get("date")
    return dates.parse(str(date)).earliest.isoformat() if date else None


def render(graph: ExportGraph, options: ExportOptions) -> str:
    root = ET.Element(
        "gexf",
        {
            "xmlns": NS,
            "xmlns:viz": VIZ,
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xsi:schemaLocation": f"{NS} {NS}/gexf.xsd",
            "version": "1.3",
        },
    )
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "llmkg"
    description = f"A knowledge graph of the history of language models. {credit()}"
    ET.SubElement(meta, "description").text = description
    body = ET.SubElement(
        root, "graph", {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"}
    )
    ids: dict[tuple[str, str], str] = {}
    for domain, types in (("node", graph.node_types), ("edge", graph.edge_types)):
        declared = ET.SubElement(body, "attributes", {"class": domain, "mode": "static"})
        for index, (name, kind) in enumerate(types.items()):
            if name == "label":
                continue  # GEXF has its own label attribute
            ids[(domain, name)] = str(index)
            ET.SubElement(declared, "attribute", {"id": str(index), "title": name, "type": TYPE_NAMES[kind]})
    starts: dict[str, str | None] = {}
    nodes = ET.SubElement(body, "nodes")
    for rid, attrs in graph.nodes:
        starts[rid] = _start(attrs)
        node = ET.SubElement(nodes, "node", {"id": rid, "label": str(attrs["label"])})
        if starts[rid]:
            node.set("start", str(starts[rid]))
        values = ET.SubElement(node, "attvalues")
        for name, value in attrs.items():
            if name != "label":
                ET.SubElement(values, "attvalue", {"for": ids[("node", name)], "value": as_text(value)})
        red, green, blue = colour(str(attrs["kind"]))
        ET.SubElement(node, "viz:color", {"r": str(red), "g": str(green), "b": str(blue)})
        ET.SubElement(node, "viz:size", {"value": str(size(attrs.get("parameters")))})
    edges = ET.SubElement(body, "edges")
    for index, (source, target, _key, attrs) in enumerate(graph.edges):
        edge = ET.SubElement(
            edges,
            "edge",
            {"id": f"e{index}", "source": source, "target": target, "label": str(attrs["label"])},
        )
        known = [start for start in (starts.get(source), starts.get(target)) if start]
        if known:
            edge.set("start", max(known))  # an edge exists once both of its ends do
        values = ET.SubElement(edge, "attvalues")
        for name, value in attrs.items():
            if name != "label":
                ET.SubElement(values, "attvalue", {"for": ids[("edge", name)], "value": as_text(value)})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
