"""Every export format, read back by the parser of the tool it is for."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import networkx as nx
import pytest

import llmkg
from conftest import DATA, MINI, run
from readers import program, read_with_node, render_mermaid

TRICKY = DATA / "tricky"
Y = "{http://www.yworks.com/xml/graphml}"


def export(tmp_path: Path, data: Path, fmt: str, *options: str, name: str | None = None) -> Path:
    target = tmp_path / (name or f"graph.{fmt}")
    result = run("--data", str(data), "export", fmt, "-o", str(target), *options)
    assert result.code == 0, result.stderr
    return target


def counts(kg: llmkg.KnowledgeGraph) -> tuple[int, int]:
    return kg.graph.number_of_nodes(), kg.graph.number_of_edges()


# --- GraphML ----------------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["generic", "gephi", "cytoscape", "yed"])
def test_graphml_reads_the_same_in_networkx_and_graphology(
    tmp_path: Path, mini: llmkg.KnowledgeGraph, target: str
) -> None:
    path = export(tmp_path, MINI, "graphml", "--target", target)
    ours = nx.read_graphml(path)
    theirs = read_with_node("graphml", path)
    assert (len(theirs["nodes"]), len(theirs["edges"])) == counts(mini)
    assert (ours.number_of_nodes(), ours.number_of_edges()) == counts(mini)
    yfiles_geometry = {"x", "y", "shape_type"}  # networkx reads yEd's graphics too
    for rid in ("gpt-3", "rnn", "openai"):
        for name, value in ours.nodes[rid].items():
            if name not in yfiles_geometry:
                assert theirs["nodes"][rid][name] == value, (rid, name)
    assert theirs["nodes"]["gpt-3"]["parameters"] == 175_000_000_000
    relations = {(s, t, a["relation"], a["interaction"]) for s, t, a in theirs["edges"]}
    assert ("gpt-4o", "gpt-3", "successor_of", "successor_of") in relations


def test_graphml_for_yed_carries_yfiles_labels(tmp_path: Path, mini: llmkg.KnowledgeGraph) -> None:
    root = ET.parse(export(tmp_path, MINI, "graphml", "--target", "yed")).getroot()
    labels = [label.text for label in root.iter(f"{Y}NodeLabel")]
    assert sorted(labels) == sorted(record.name for record in mini.records())
    assert len(list(root.iter(f"{Y}EdgeLabel"))) == mini.graph.number_of_edges()


def test_graphml_with_awkward_names_reads_back(tmp_path: Path) -> None:
    path = export(tmp_path, TRICKY, "graphml")
    theirs = read_with_node("graphml", path)
    assert theirs["nodes"]["model.one"]["label"] == 'Model:One "quoted" [v1] | pipe'
    assert theirs["nodes"]["model.one"]["aliases"] == "back\\slash|Model #1"


# --- GEXF -------------------------------------------------------------------------------------


def test_gexf_keeps_start_dates_for_gephis_timeline(tmp_path: Path, mini: llmkg.KnowledgeGraph) -> None:
    path = export(tmp_path, MINI, "gexf")
    root = ET.parse(path).getroot()
    ns = {"g": "http://gexf.net/1.3", "viz": "http://gexf.net/1.3/viz"}
    graph = root.find("g:graph", ns)
    assert graph is not None and graph.get("timeformat") == "date" and graph.get("mode") == "dynamic"
    starts = {node.get("id"): node.get("start") for node in root.iterfind(".//g:node", ns)}
    assert starts["gpt-3"] == "2020-05-28"
    assert starts["tiny-bert-variant"] == "2019-03-01"  # 2019-03 starts on its first day
    assert starts["rnn"] == "1986-01-01" and starts["openai"] is None
    assert all(node.find("viz:color", ns) is not None for node in root.iterfind(".//g:node", ns))
    ours = nx.read_gexf(path)
    assert (ours.number_of_nodes(), ours.number_of_edges()) == counts(mini)
    assert ours.nodes["gpt-3"]["start"] == "2020-05-28"
    theirs = read_with_node("gexf", path)
    assert (len(theirs["nodes"]), len(theirs["edges"])) == counts(mini)
    assert theirs["nodes"]["gpt-3"]["date"] == "2020-05-28"  # graphology-gexf drops `start`; the date stays
    assert theirs["nodes"]["gpt-3"]["parameters"] == 175_000_000_000
    assert theirs["nodes"]["gpt-3"]["size"] > theirs["nodes"]["gpt"]["size"]


# --- JSON -------------------------------------------------------------------------------------


def test_node_link_json_uses_the_edges_key(tmp_path: Path, mini: llmkg.KnowledgeGraph) -> None:
    data = json.loads(export(tmp_path, MINI, "json").read_text(encoding="utf-8"))
    assert "edges" in data and "links" not in data
    graph = nx.node_link_graph(data, edges="edges")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == counts(mini)
    assert graph.nodes["gpt-3"]["parameters"] == 175_000_000_000


def test_cytoscape_json_loads_in_cytoscape_js(tmp_path: Path, mini: llmkg.KnowledgeGraph) -> None:
    theirs = read_with_node("cytoscape", export(tmp_path, MINI, "cytoscape"))
    assert (len(theirs["nodes"]), len(theirs["edges"])) == counts(mini)
    assert theirs["nodes"]["gpt-3"]["label"] == "GPT-3"
    assert {e[2]["interaction"] for e in theirs["edges"]} >= {"successor_of", "developed_by"}


# --- DOT --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options", [[], ["--cluster", "organization"], ["--cluster", "none", "--rank-by-year"]]
)
def test_dot_renders_with_graphviz_and_every_node_is_drawn(tmp_path: Path, options: list[str]) -> None:
    dot = program("dot", "Debian package graphviz")
    path = export(tmp_path, TRICKY, "dot", *options)
    done = subprocess.run([dot, "-Tsvg", str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    titles = {html.unescape(t) for t in re.findall(r"<title>(.*?)</title>", done.stdout)}
    assert {"lab", "arch", "model.one", "model-two"} <= titles
    assert "Model:One &quot;quoted&quot; [v1] | pipe" in done.stdout


# --- Mermaid ----------------------------------------------------------------------------------


def test_mermaid_flowchart_renders_with_every_node(tmp_path: Path) -> None:
    text = export(tmp_path, TRICKY, "mermaid").read_text(encoding="utf-8")
    assert text.startswith("flowchart")
    svg, error = render_mermaid(text)
    assert error == ""
    for index in range(4):
        assert f"flowchart-n{index}-" in svg
    assert "Model:One" in html.unescape(svg)


def test_mermaid_lineage_flowchart_of_the_real_data_renders(tmp_path: Path) -> None:
    target = tmp_path / "gpt4o.mmd"
    result = run("export", "mermaid", "--lineage", "gpt-4o", "-o", str(target))
    assert result.code == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    svg, error = render_mermaid(text)
    assert error == ""
    assert len(re.findall(r"^  n\d+\[", text, re.M)) == len(set(re.findall(r"flowchart-(n\d+)-", svg)))


def test_mermaid_timeline_for_a_year_range_renders(tmp_path: Path) -> None:
    text = export(tmp_path, TRICKY, "mermaid", "--from", "2015", "--to", "2022").read_text(encoding="utf-8")
    assert text.startswith("timeline")
    svg, error = render_mermaid(text)
    assert error == ""
    for year in ("2016", "2020", "2021"):
        assert year in svg


def test_mermaid_refuses_more_than_500_edges_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "all.mmd"
    result = run("export", "mermaid", "-o", str(target))
    assert result.code == 1
    assert "500" in result.stderr and "--root" in result.stderr
    assert not target.exists() and list(tmp_path.iterdir()) == []


# --- CSV and Neo4j ----------------------------------------------------------------------------


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_csv_writes_nodes_and_edges(tmp_path: Path, mini: llmkg.KnowledgeGraph) -> None:
    out = tmp_path / "csv"
    result = run("--data", str(MINI), "export", "csv", "-o", str(out))
    assert result.code == 0, result.stderr
    nodes, edges = _rows(out / "nodes.csv"), _rows(out / "edges.csv")
    assert (len(nodes), len(edges)) == counts(mini)
    assert {n["id"] for n in nodes} >= {e["source"] for e in edges} | {e["target"] for e in edges}


def test_neo4j_csv_headers_follow_neo4j_admin_import(tmp_path: Path, mini: llmkg.KnowledgeGraph) -> None:
    out = tmp_path / "neo4j"
    assert run("--data", str(MINI), "export", "neo4j", "-o", str(out)).code == 0
    nodes, edges = _rows(out / "nodes.csv"), _rows(out / "edges.csv")
    node_header, edge_header = list(nodes[0]), list(edges[0])
    assert node_header[0] == "id:ID" and node_header[-1] == ":LABEL"
    assert edge_header[:3] == [":START_ID", ":END_ID", ":TYPE"]
    typed = r"^[a-z_]+:(string|long|int|boolean|double)$"
    assert all(re.match(typed, column) for column in node_header[1:-1] + edge_header[3:])
    assert "year:long" in node_header and "parameters:long" in node_header
    assert (len(nodes), len(edges)) == counts(mini)
    ids = {row["id:ID"] for row in nodes}
    assert all(row[":START_ID"] in ids and row[":END_ID"] in ids for row in edges)
    assert {row[":LABEL"] for row in nodes} == {"Model", "System", "Paper", "Organization", "Concept"}
    assert "SUCCESSOR_OF" in {row[":TYPE"] for row in edges}


def test_directory_formats_need_a_directory() -> None:
    result = run("--data", str(MINI), "export", "csv")
    assert result.code == 2 and "-o DIR" in result.stderr


# --- Turtle -----------------------------------------------------------------------------------


def test_turtle_parses_the_same_in_rdflib_and_raptor(tmp_path: Path) -> None:
    rdflib = pytest.importorskip("rdflib", reason="rdflib is the optional extra llmkg[rdf]")
    rapper = program("rapper", "Debian package raptor2-utils")
    path = export(tmp_path, TRICKY, "turtle", name="graph.ttl")
    graph = rdflib.Graph().parse(path, format="turtle")
    done = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    raptor_count = int(re.search(r"returned (\d+) triples", done.stderr).group(1))  # type: ignore[union-attr]
    assert raptor_count == len(graph) > 20
    xsd = rdflib.XSD
    dates = {str(o): o.datatype for _s, _p, o in graph.triples((None, rdflib.DCTERMS.date, None))}
    assert dates == {"2016": xsd.gYear, "2020-02": xsd.gYearMonth, "2021-07-01": xsd.date}
    same = {str(o) for _s, _p, o in graph.triples((None, rdflib.OWL.sameAs, None))}
    assert same == {"http://www.wikidata.org/entity/Q42"}
    schema_same = {
        str(o) for _s, _p, o in graph.triples((None, rdflib.URIRef("https://schema.org/sameAs"), None))
    }
    assert schema_same == {"https://arxiv.org/abs/2005.14165", "https://huggingface.co/org/model-one"}


# --- selections -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "cytoscape", "dot", "mermaid", "turtle"])
def test_every_format_takes_the_same_subgraph_options(tmp_path: Path, fmt: str) -> None:
    if fmt == "turtle":
        pytest.importorskip("rdflib", reason="rdflib is the optional extra llmkg[rdf]")
    result = run("--data", str(MINI), "export", fmt, "--lineage", "gpt-3", "--kind", "model")
    assert result.code == 0, result.stderr
    for rid in ("gpt-2", "gpt-4o"):
        assert rid in result.stdout or rid.upper() in result.stdout.upper()
    assert "bert" not in result.stdout.lower()


def test_lineage_selection_holds_ancestors_and_descendants(tmp_path: Path) -> None:
    data = json.loads(run("--data", str(MINI), "export", "json", "--lineage", "gpt-3").stdout)
    assert {n["id"] for n in data["nodes"]} == {
        "gpt-3",
        "gpt-2",
        "gpt",
        "decoder-only-transformer",
        "transformer",
        "lstm",
        "rnn",
        "gpt-4o",
        "chatgpt",
    }


# --- the data's licence travels with it -------------------------------------------------------


def _credit_read_back(tmp_path: Path, fmt: str) -> str:
    """The credit text as the format's own reader sees it."""
    path = export(tmp_path, MINI, fmt, name=f"graph.{fmt}")
    if fmt == "graphml":
        g = "{http://graphml.graphdrawing.org/xmlns}"
        return ET.parse(path).getroot().findtext(f"{g}graph/{g}desc") or ""
    if fmt == "gexf":
        return (
            ET.parse(path).getroot().findtext("{http://gexf.net/1.3}meta/{http://gexf.net/1.3}description")
            or ""
        )
    if fmt == "json":
        graph = json.loads(path.read_text(encoding="utf-8"))["graph"]
        return f"{graph['license']} {graph['attribution']}"
    if fmt == "cytoscape":
        data = json.loads(path.read_text(encoding="utf-8"))["data"]
        return f"{data['license']} {data['attribution']}"
    if fmt == "dot":
        dot = program("dot", "Debian package graphviz")
        done = subprocess.run([dot, "-Tcanon", str(path)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout
    if fmt == "sqlite":
        import sqlite3

        with sqlite3.connect(path) as db:
            return " ".join(
                value
                for (value,) in db.execute(
                    "SELECT value FROM meta WHERE key IN ('data_license', 'attribution')"
                )
            )
    rdflib = pytest.importorskip("rdflib", reason="rdflib is the optional extra llmkg[rdf]")
    graph = rdflib.Graph().parse(path, format="turtle")
    return " ".join(str(o) for _s, _p, o in graph.triples((None, rdflib.DCTERMS.license, None))) + " ".join(
        str(o) for _s, _p, o in graph.triples((None, rdflib.DCTERMS.rights, None))
    )


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "cytoscape", "dot", "sqlite", "turtle"])
def test_every_export_with_room_for_it_carries_the_data_licence_and_credit(tmp_path: Path, fmt: str) -> None:
    text = _credit_read_back(tmp_path, fmt)
    assert "CC" in text and "4.0" in text, text[:300]
    assert "Epoch AI" in text, text[:300]
