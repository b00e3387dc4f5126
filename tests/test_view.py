"""`llmkg view`: the explorer page of the packaged data, opened in headless Chromium."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

import llmkg
from conftest import run
from llmkg.questions.selection import Selection
from readers import browse


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("view") / "llm.html"
    result = run("view", "-o", str(target), "--no-open")
    assert result.code == 0, result.stderr
    assert result.stdout.strip() == str(target.resolve())
    return target


def inline_data(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    found = re.search(r'<script id="llmkg-data" type="application/json">(.*?)</script>', text, re.S)
    assert found
    data: dict[str, object] = json.loads(found.group(1))
    return data


def card(dom: str) -> str:
    return dom.split('<aside id="card"', 1)[1].split("</aside>", 1)[0]


def results(dom: str) -> str:
    return dom.split('<ul id="results"', 1)[1].split("</ul>", 1)[0]


def test_the_page_is_one_offline_file_under_10_mb(page: Path, kg: llmkg.KnowledgeGraph) -> None:
    text = page.read_text(encoding="utf-8")
    assert len(text.encode()) < 10_000_000
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", text), "nothing may be fetched"
    assert "Cytoscape Consortium" in text  # the vendored library's licence header travels with it
    data = inline_data(page)
    assert {r["id"] for r in data["records"]} == {r.id for r in kg.records()}  # type: ignore[attr-defined, index]


def test_a_deep_link_opens_the_card_with_its_date_and_parent(page: Path, kg: llmkg.KnowledgeGraph) -> None:
    dom, console = browse(page.as_uri() + "#gpt-4o")
    assert console == []
    shown = card(dom)
    record = kg["gpt-4o"]
    assert 'data-id="gpt-4o"' in shown
    assert f">{record.name}</h2>" in shown
    assert record.date and record.date in shown
    parents = [e.record for e in kg.lineage("gpt-4o", depth=1).ancestors if e.depth == 1]
    assert parents
    for parent in parents:
        assert f'href="#{parent.id}">{html.escape(parent.name, quote=False)}</a>' in shown
    for source in record.sources:
        assert html.escape(source, quote=False) in shown


def test_lang_ko_shows_the_korean_card(page: Path, kg: llmkg.KnowledgeGraph) -> None:
    dom, console = browse(page.as_uri() + "?lang=ko#hallucination")
    assert console == []
    record = kg["hallucination"]
    assert '<html lang="ko"' in dom
    shown = card(dom)
    assert record.names.ko and f">{html.escape(record.names.ko)}</h2>" in shown
    assert record.summary.ko and html.escape(record.summary.ko, quote=False) in shown
    assert "언어 모델의 역사" in dom


def test_a_licence_of_none_is_explained_on_the_card(page: Path) -> None:
    dom, console = browse(page.as_uri() + "#word2vec")
    assert console == []
    assert "NONE (published with no licence)" in card(dom)
    dom, console = browse(page.as_uri() + "?lang=ko#word2vec")
    assert console == [] and "NONE (라이선스 없이 공개됨)" in card(dom)


@pytest.mark.parametrize("query", ["trasformer", "트랜스포머", "llama2", "GPT 4o"])
def test_search_finds_what_the_command_line_finds(page: Path, kg: llmkg.KnowledgeGraph, query: str) -> None:
    dom, console = browse(page.as_uri() + "?q=" + query)
    assert console == []
    best = kg.search(query, limit=1)[0].record
    assert f'href="#{best.id}"' in results(dom)


def test_the_whole_graph_draws_and_says_when(page: Path) -> None:
    # How long it takes is measured by scripts/benchmark.py --view, not asserted here.
    dom, console = browse(page.as_uri(), virtual_time=False)
    assert console == []
    found = re.search(r'data-drawn-ms="(\d+)"', dom)
    assert found, "the graph was never drawn"
    assert int(found.group(1)) > 0


def test_a_selection_keeps_only_its_records(tmp_path: Path, kg: llmkg.KnowledgeGraph) -> None:
    target = tmp_path / "llama.html"
    result = run("view", "--lineage", "llama-2", "-o", str(target), "--no-open")
    assert result.code == 0, result.stderr
    ids = {r["id"] for r in inline_data(target)["records"]}  # type: ignore[attr-defined]
    assert ids == Selection(lineage="llama-2").node_ids(kg)
    assert "llama-2" in ids and "gpt-4o" not in ids


def test_view_reports_bad_input_in_one_line(tmp_path: Path) -> None:
    result = run("view", "--lineage", "no-such-model", "-o", str(tmp_path / "x.html"), "--no-open")
    assert result.code == 3 and "no record named" in result.stderr
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = run("view", "-o", str(tmp_path / "a-file" / "x.html"), "--no-open")
    assert result.code == 1 and result.stderr.count("\n") == 1
