"""GraphML with typed keys declared for="node" / for="edge" (Gephi, Cytoscape, yEd).

No graph-level keys (Gephi rejects them). `--target yed` adds yFiles' own node and edge graphics,
the only way yEd shows labels and colours. The file is written as a stream of lines: at 100,000
records an element tree (or networkx's writer, which needs the whole networkx graph) would hold
gigabytes before the first byte is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.sax.saxutils import escape, quoteattr

from ..credits import credit
from .options import ExportOptions
from .sanitize import TYPE_NAMES, ExportGraph, as_text
from .style import hex_colour

NS = "http://graphml.graphdrawing.org/xmlns"
Y = "http://www.yworks.com/xml/graphml"


def _tag(name: str, attributes: dict[str, str], close: bool = False) -> str:
    text = " ".join(f"{key}={quoteattr(value)}" for key, value in attributes.items())
    return f"<{name}{' ' + text if text else ''}{'/' if close else ''}>"


def render(graph: ExportGraph, options: ExportOptions) -> Iterator[str]:
    yed = options.target == "yed"
    attributes = {
        "xmlns": NS,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": f"{NS} {NS}/1.0/graphml.xsd",
    }
    if yed:
        attributes["xmlns:y"] = Y
        attributes["xsi:schemaLocation"] = f"{NS} http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"
    yield '<?xml version="1.0" encoding="UTF-8"?>\n' + _tag("graphml", attributes) + "\n"
    keys: dict[tuple[str, str], str] = {}
    for domain, types in (("node", graph.node_types), ("edge", graph.edge_types)):
        for index, (name, kind) in enumerate(types.items()):
            key = f"{domain[0]}{index}"
            keys[(domain, name)] = key
            declared = {"id": key, "for": domain, "attr.name": name, "attr.type": TYPE_NAMES[kind]}
            yield "  " + _tag("key", declared, close=True) + "\n"
    if yed:
        yield '  <key id="ng" for="node" yfiles.type="nodegraphics"/>\n'
        yield '  <key id="eg" for="edge" yfiles.type="edgegraphics"/>\n'
    yield '  <graph id="llmkg" edgedefault="directed">\n'
    yield f"    <desc>{escape(credit())}</desc>\n"  # the data's licence and credit (data/LICENSE.md)
    for rid, attrs in graph.nodes:
        parts = [f"    {_tag('node', {'id': rid})}"]
        parts += [
            f'<data key="{keys[("node", name)]}">{escape(as_text(value))}</data>'
            for name, value in attrs.items()
        ]
        if yed:
            label = str(attrs["label"])
            parts.append(
                '<data key="ng"><y:ShapeNode>'
                f'<y:Geometry width="{max(60, 8 * len(label))}" height="30"/>'
                f'<y:Fill color="{hex_colour(str(attrs["kind"]))}" transparent="false"/>'
                f"<y:NodeLabel>{escape(label)}</y:NodeLabel>"
                '<y:Shape type="roundrectangle"/></y:ShapeNode></data>'
            )
        yield "".join(parts) + "</node>\n"
    for index, (source, target, _key, attrs) in enumerate(graph.edges):
        parts = [f"    {_tag('edge', {'id': f'e{index}', 'source': source, 'target': target})}"]
        parts += [
            f'<data key="{keys[("edge", name)]}">{escape(as_text(value))}</data>'
            for name, value in attrs.items()
        ]
        if yed:
            parts.append(
                '<data key="eg"><y:PolyLineEdge><y:Arrows source="none" target="standard"/>'
                f"<y:EdgeLabel>{escape(str(attrs['label']))}</y:EdgeLabel></y:PolyLineEdge></data>"
            )
        yield "".join(parts) + "</edge>\n"
    yield "  </graph>\n</graphml>\n"
