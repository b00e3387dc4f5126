"""GraphML export, read back by networkx and by an independent parser (python-igraph)."""

from __future__ import annotations

import os
from pathlib import Path
from xml.etree import ElementTree as ET

import networkx as nx
import pytest

from conftest import MINI, run

NS = {"g": "http://graphml.graphdrawing.org/xmlns"}


def export(tmp_path: Path, *options: str) -> Path:
    target = tmp_path / "graph.graphml"
    result = run("--data", str(MINI), "export", "graphml", "-o", str(target), *options)
    assert result.code == 0, result.stderr
    assert f"to {target}" in result.stderr
    return target


def test_graphml_reads_back_in_networkx_with_every_node_edge_and_attribute(tmp_path: Path, mini) -> None:  # type: ignore[no-untyped-def]
    graph = nx.read_graphml(export(tmp_path))
    assert graph.number_of_nodes() == mini.graph.number_of_nodes()
    assert graph.number_of_edges() == mini.graph.number_of_edges()
    gpt3 = graph.nodes["gpt-3"]
    assert gpt3["label"] == "GPT-3" and gpt3["kind"] == "model"
    assert gpt3["date"] == "2020-05-28" and gpt3["year"] == 2020
    assert gpt3["parameters"] == 175_000_000_000
    assert gpt3["organizations"] == "openai"
    for _u, _v, data in graph.edges(data=True):
        assert data["label"] == data["relation"] == data["interaction"]
    assert graph.nodes["rnn"]["name_ko"] == "순환 신경망"


def test_graphml_reads_back_in_igraph_with_the_same_counts_and_values(tmp_path: Path, mini) -> None:  # type: ignore[no-untyped-def]
    igraph = pytest.importorskip("igraph", reason="python-igraph is a test dependency; install '.[test]'")
    graph = igraph.Graph.Read_GraphML(str(export(tmp_path)))
    assert graph.vcount() == mini.graph.number_of_nodes()
    assert graph.ecount() == mini.graph.number_of_edges()
    by_id = {v["id"]: v for v in graph.vs}
    assert by_id["gpt-3"]["label"] == "GPT-3"
    assert int(by_id["gpt-3"]["parameters"]) == 175_000_000_000
    relations = {(graph.vs[e.source]["id"], graph.vs[e.target]["id"], e["relation"]) for e in graph.es}
    assert ("gpt-4o", "gpt-3", "successor_of") in relations
    assert ("chatgpt", "gpt-3", "fine_tuned_from") in relations


def test_graphml_keys_are_typed_declared_per_domain_and_never_none(tmp_path: Path) -> None:
    root = ET.parse(export(tmp_path)).getroot()
    keys = root.findall("g:key", NS)
    assert {k.get("for") for k in keys} == {"node", "edge"}
    types = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in keys}
    assert types[("node", "year")] == "long" and types[("node", "parameters")] == "long"
    assert types[("edge", "derived")] == "boolean"
    for domain, name in (("node", "label"), ("edge", "label"), ("edge", "relation"), ("edge", "interaction")):
        assert (domain, name) in types
    values = [d.text for d in root.iter(f"{{{NS['g']}}}data")]
    assert values and all(v not in (None, "", "None") for v in values)
    assert not root.findall("g:graph/g:data", NS)  # no graph-level data


def test_subgraph_by_root_and_depth_and_by_years(tmp_path: Path) -> None:
    near = nx.read_graphml(export(tmp_path, "--root", "gpt-3", "--depth", "1"))
    assert set(near) == {"gpt-3", "gpt-2", "gpt-4o", "chatgpt", "openai", "decoder-only-transformer"}
    years = nx.read_graphml(export(tmp_path, "--from", "2019", "--to", "2020", "--kind", "model"))
    assert set(years) == {"gpt-2", "gpt-3", "tiny-bert-variant"}


def test_export_to_stdout_and_unknown_format() -> None:
    result = run("--data", str(MINI), "export", "graphml")
    assert result.code == 0 and result.stdout.startswith("<?xml")
    bad = run("--data", str(MINI), "export", "pdf")
    assert bad.code == 2 and "graphml" in bad.stderr


def test_a_failing_export_leaves_the_previous_file_and_no_temporary_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from llmkg.exporters import graphml

    target = tmp_path / "graph.graphml"
    target.write_text("previous", encoding="utf-8")

    def broken(graph, options):  # type: ignore[no-untyped-def]
        raise ValueError("disk on fire")

    monkeypatch.setattr(graphml, "render", broken)
    result = run("--data", str(MINI), "export", "graphml", "-o", str(target))
    assert result.code == 1 and "disk on fire" in result.stderr
    assert target.read_text(encoding="utf-8") == "previous"
    assert os.listdir(tmp_path) == ["graph.graphml"]


def test_a_write_failing_midway_keeps_the_previous_file_and_removes_the_temporary(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "graph.graphml"
    target.write_text("previous", encoding="utf-8")

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    result = run("--data", str(MINI), "export", "graphml", "-o", str(target))
    assert result.code == 1 and "No space left on device" in result.stderr
    assert target.read_text(encoding="utf-8") == "previous"
    assert os.listdir(tmp_path) == ["graph.graphml"]


@pytest.mark.parametrize(("fmt", "name"), [("graphml", "g.graphml"), ("csv", ""), ("json", "g.json")])
def test_export_creates_missing_directories_and_refuses_a_directory(
    tmp_path: Path, fmt: str, name: str
) -> None:
    target = tmp_path / "new" / "dir" / name
    created = run("--data", str(MINI), "export", fmt, "-o", str(target))
    assert created.code == 0, created.stderr
    assert (target / "nodes.csv" if fmt == "csv" else target).is_file()
    (tmp_path / "plain").write_text("x", encoding="utf-8")
    blocked = run("--data", str(MINI), "export", fmt, "-o", str(tmp_path / "plain" / "sub" / (name or "d")))
    assert blocked.code == 1 and "Not a directory" in blocked.stderr, blocked.stderr
    assert (tmp_path / "plain").read_text(encoding="utf-8") == "x"
    if fmt == "csv":
        return
    onto_dir = run("--data", str(MINI), "export", fmt, "-o", str(tmp_path))
    assert onto_dir.code == 1 and "is a directory" in onto_dir.stderr


def test_lineage_evidence_reaches_graphml_and_weak_links_are_drawn_dashed(tmp_path: Path) -> None:
    graph = nx.read_graphml(export(tmp_path))
    evidence = {(u, v, d["relation"]): d.get("evidence") for u, v, d in graph.edges(data=True)}
    assert evidence["gpt-4o", "gpt-3", "successor_of"] == "inferred"
    assert evidence["gpt-3", "gpt-2", "successor_of"] == "stated"
    dot = run("--data", str(MINI), "export", "dot").stdout
    assert '"gpt-4o" -> "gpt-3" [label="successor_of", style="dashed"];' in dot
    assert '"gpt-3" -> "gpt-2" [label="successor_of"];' in dot
    mermaid = run("--data", str(MINI), "export", "mermaid", "--lineage", "gpt-4o").stdout
    assert '-.->|"successor_of"|' in mermaid and '-->|"successor_of"|' in mermaid
