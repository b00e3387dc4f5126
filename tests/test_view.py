"""`llmkg view`: the explorer page of the packaged data, opened in headless Chromium."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import quote

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
    dom, console = browse(page.as_uri() + "#volcano")
    assert console == []
    assert "NONE (published with no licence)" in card(dom)
    dom, console = browse(page.as_uri() + "?lang=ko#volcano")
    assert console == [] and "NONE (라이선스 없이 공개됨)" in card(dom)


SEARCHES = [
    "trasformer",
    "트랜스포머",
    "llama2",
    "GPT 4o",
    "gpt4o",
    "who invented RLHF",
    "mixture of experts",
    "reasoning model open weights",
    "강화 학습",
    "claude opus",
    "scaling laws",
    "어텐션",
]


@pytest.mark.parametrize("query", SEARCHES)
def test_search_in_the_page_ranks_as_the_command_line_does(
    page: Path, kg: llmkg.KnowledgeGraph, query: str
) -> None:
    dom, console = browse(page.as_uri() + "?q=" + quote(query))
    assert console == []
    shown = re.findall(r'<li[^>]*><a href="#([^"]+)">', results(dom))
    assert shown == [hit.record.id for hit in kg.search(query, limit=12)]


def test_the_first_view_is_the_tree_with_every_landmark_and_major_model(
    page: Path, kg: llmkg.KnowledgeGraph
) -> None:
    dom, console = browse(page.as_uri())
    assert console == []
    assert 'data-view="tree"' in dom
    listed = dom.split('<ol id="tree-labels">', 1)[1].split("</ol>", 1)[0]
    notable = [r for r in kg.records("model") if r.notability in ("landmark", "major")]
    for record in notable:
        assert f'href="#{record.id}"' in listed, record.id
    minor = [r for r in kg.records("model") if r.notability == "minor"]
    assert not any(f'href="#{record.id}"' in listed for record in minor)


@pytest.mark.parametrize("view", ["tree", "graph", "timeline", "scatter"])
def test_a_deep_link_opens_each_view(page: Path, view: str) -> None:
    dom, console = browse(page.as_uri() + f"?view={view}#deepseek-r1")
    assert console == []
    assert f'data-view="{view}"' in dom
    assert re.search(rf'<div id="{view}"(?![^>]*hidden)', dom), f"#{view} is hidden"
    assert 'data-id="deepseek-r1"' in card(dom)
    if view == "scatter":
        assert "<circle" in dom and 'data-id="deepseek-r1"' in dom.split('<div id="scatter"', 1)[1]


def test_the_korean_card_says_no_relation_by_its_raw_name(page: Path, kg: llmkg.KnowledgeGraph) -> None:
    from llmkg.vocabulary import RELATIONS

    for rid in ("hallucination", "deepseek-r1", "transformer"):
        dom, console = browse(page.as_uri() + f"?lang=ko#{rid}")
        assert console == []
        text = re.sub(r"<[^>]+>", " ", card(dom))  # the words shown, not the attributes
        assert not [relation for relation in RELATIONS if relation in text], rid
        assert "관계" in text


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


def _hangul_face(text: str) -> str:
    found = re.search(r"@font-face \{ font-family: 'llmkg Hangul';.*?\}", text)
    assert found, "the page carries no Hangul font"
    return found.group(0)


def test_the_page_carries_a_hangul_font_with_every_hangul_character_it_shows(page: Path) -> None:
    # On a machine with no Hangul font (a bare Linux, CI's Chromium) the Korean page would show boxes.
    import base64
    import io

    from fontTools.ttLib import TTFont

    text = page.read_text(encoding="utf-8")
    face = _hangul_face(text)
    encoded = re.search(r"base64,([A-Za-z0-9+/=]+)\)", face)
    assert encoded
    font = TTFont(io.BytesIO(base64.b64decode(encoded.group(1))))
    covered = set(font.getBestCmap())
    shown = {ch for ch in html.unescape(text) if "\uac00" <= ch <= "\ud7a3"}
    assert len(shown) > 500 and {ord(ch) for ch in shown} <= covered
    assert len(encoded.group(1)) < 1_000_000  # cut to what the page shows, not the whole font
    assert '"llmkg Hangul"' in text.split("font-family:", 2)[2].split(";", 1)[0]  # the stack names it


def test_chromium_loads_the_pages_hangul_font(page: Path, tmp_path: Path) -> None:
    probe = tmp_path / "font.html"
    probe.write_text(
        "<!doctype html><meta charset=utf-8><style>"
        + _hangul_face(page.read_text(encoding="utf-8"))
        + "</style><p id=t style=\"font-family:'llmkg Hangul'\">언어 모델의 역사</p><script>"
        "document.fonts.load(\"16px 'llmkg Hangul'\", '언어 모델').then((faces) => {"
        "document.body.dataset.loaded = faces.map((f) => f.family + ':' + f.status).join(','); });"
        "</script>",
        encoding="utf-8",
    )
    dom, console = browse(probe.as_uri())
    assert console == []
    assert 'data-loaded="llmkg Hangul:loaded"' in dom
