"""GraphML with typed keys declared for="node" / for="edge" (Gephi, Cytoscape, yEd).

No graph-level keys (Gephi rejects them). `--target yed` adds yFiles' own node and edge graphics,
the only way yEd shows labels and colours.
"""

from __future__ import annotations

from xml.etree import ElementTree as ET

from .options import ExportOptions
from .sanitize import TYPE_NAMES, ExportGraph, as_text
from .style import hex_colour

NS = "http://graphml.graphdrawing.org/xmlns"
Y = "http://www.yworks.com/xml/graphml"


def render(graph: ExportGraph, options: ExportOptions) -> str:
    yed = options.target == "yed"
    attributes = {
        "xmlns": NS,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": f"{NS} {NS}/1.0/graphml.xsd",
    }
    if yed:
        attributes["xmlns:y"] = Y
        attributes["xsi:schemaLocation"] = f"{NS} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"
    root = ET.Element("graphml", attributes)
    keys: dict[tuple[str, str], str] = {}
    for domain, types in (("node", graph.node_types), ("edge", graph.edge_types)):
        for index, (name, kind) in enumerate(types.items()):
            key = f"{domain[0]}{index}"
            keys[(domain, name)] = key
            ET.SubElement(
                root, "key", {"id": key, "for": domain, "attr.name": name, "attr.type": TYPE_NAMES[kind]}
            )
    if yed:
        ET.SubElement(root, "key", {"id": "ng", "for": "node", "yfiles.type": "nodegraphics"})
        ET.SubElement(root, "key", {"id": "eg", "for": "edge", "yfiles.type": "edgegraphics"})
    body = ET.SubElement(root, "graph", {"id": "llmkg", "edgedefault": "directed"})
    for rid, attrs in graph.nodes:
        node = ET.SubElement(body, "node", {"id": rid})
        for name, value in attrs.items():
            ET.SubElement(node, "data", {"key": keys[("node", name)]}).text = as_text(value)
        if yed:
            shape = ET.SubElement(ET.SubElement(node, "data", {"key": "ng"}), "y:ShapeNode")
            label = str(attrs["label"])
            ET.SubElement(shape, "y:Geometry", {"width": str(max(60, 8 * len(label))), "height": "30"})
            ET.SubElement(shape, "y:Fill", {"color": hex_colour(str(attrs["kind"])), "transparent": "false"})
            ET.SubElement(shape, "y:NodeLabel").text = label
            ET.SubElement(shape, "y:Shape", {"type": "roundrectangle"})
    for index, (source, target, _key, attrs) in enumerate(graph.edges):
        edge = ET.SubElement(body, "edge", {"id": f"e{index}", "source": source, "target": target})
        for name, value in attrs.items():
            ET.SubElement(edge, "data", {"key": keys[("edge", name)]}).text = as_text(value)
        if yed:
            line = ET.SubElement(ET.SubElement(edge, "data", {"key": "eg"}), "y:PolyLineEdge")
            ET.SubElement(line, "y:Arrows", {"source": "none", "target": "standard"})
            ET.SubElement(line, "y:EdgeLabel").text = str(attrs["label"])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
