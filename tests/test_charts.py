"""`llmkg chart`: figures of the packaged data, read back as XML (SVG) and by their headers (PNG, PDF)."""

from __future__ import annotations

import struct
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

import llmkg
from conftest import modules_loaded, run
from llmkg.questions.selection import Selection

SVG = "{http://www.w3.org/2000/svg}"


def chart(tmp_path: Path, *args: str, name: str = "chart.svg") -> Path:
    target = tmp_path / name
    result = run("chart", *args, "-o", str(target))
    assert result.code == 0, result.stderr
    assert target.is_file()
    return target


def svg_texts(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return ["".join(node.itertext()) for node in root.iter(f"{SVG}text")]


def landmarks_with_parameters(kg: llmkg.KnowledgeGraph) -> list[llmkg.schema.AnyRecord]:
    return [r for r in kg.records("model") if r.notability == "landmark" and r.parameters]  # type: ignore[union-attr]


def test_params_svg_keeps_labels_as_text(tmp_path: Path, kg: llmkg.KnowledgeGraph) -> None:
    texts = svg_texts(chart(tmp_path, "params"))
    for record in landmarks_with_parameters(kg):
        assert record.name in texts, record.name
    assert "Parameters of language models over time" in texts


def test_params_png_has_the_figure_size(tmp_path: Path) -> None:
    data = chart(tmp_path, "params", name="params.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (12 * 150, 7 * 150)  # 12 × 7 inches at 150 dpi


def test_pdf_output(tmp_path: Path) -> None:
    assert chart(tmp_path, "releases", name="r.pdf").read_bytes().startswith(b"%PDF-")


def test_korean_labels_use_a_font_with_every_glyph(tmp_path: Path, kg: llmkg.KnowledgeGraph) -> None:
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    from llmkg.charts.fonts import hangul_font

    path = chart(tmp_path, "tree", "--lineage", "llama-2", "--lang", "ko")
    texts = svg_texts(path)
    korean = [r.names.ko for r in kg.records() if r.names.ko and r.names.ko in texts]
    assert korean, "no Korean label drawn"
    family = hangul_font()
    assert family in path.read_text(encoding="utf-8")
    font = FT2Font(
        font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
    )
    charmap = font.get_charmap()
    missing = {
        ch
        for text in [*korean, "언어 모델 계보"]
        for ch in text
        if ord(ch) not in charmap and not ch.isspace()
    }
    assert not missing, f"tofu: {missing}"


def test_tree_of_a_lineage_draws_its_family(tmp_path: Path, kg: llmkg.KnowledgeGraph) -> None:
    from llmkg.charts.points import tree

    texts = svg_texts(chart(tmp_path, "tree", "--lineage", "llama-2"))
    branches = tree(kg, Selection(lineage="llama-2").node_ids(kg), "en")
    assert {"llama-2", "llama-3"} <= {b.id for b in branches}
    for branch in branches:
        assert branch.label in texts


def test_tree_from_a_year_starts_there(kg: llmkg.KnowledgeGraph) -> None:
    from llmkg.charts.points import tree

    branches = tree(kg, Selection(year_from=2018).node_ids(kg), "en")
    assert branches and min(b.x for b in branches) >= 2018


def test_releases_by_organization_names_the_biggest(tmp_path: Path, kg: llmkg.KnowledgeGraph) -> None:
    from collections import Counter

    texts = svg_texts(chart(tmp_path, "releases", "--by", "organization"))
    [(top, _n)] = Counter(r.organizations[0] for r in kg.records("model")).most_common(1)  # type: ignore[union-attr]
    assert kg[top].name in texts


def test_compute_draws_or_says_there_is_nothing_yet(tmp_path: Path, kg: llmkg.KnowledgeGraph) -> None:
    target = tmp_path / "compute.svg"
    result = run("chart", "compute", "-o", str(target))
    assert result.code == 0, result.stderr
    with_compute = [r for r in kg.records("model") if getattr(r, "training_compute", None)]
    if with_compute:
        assert target.is_file()
    else:
        assert not target.exists()
        assert "training compute" in result.stderr


def test_a_text_chart_without_output(kg: llmkg.KnowledgeGraph) -> None:
    result = run("chart", "params", "--from", "2020")
    assert result.code == 0, result.stderr
    assert "■ closed" in result.stdout and "2023" in result.stdout and "│" in result.stdout
    result = run("chart", "tree", "--lineage", "gpt-4o")
    assert "GPT-4 Turbo" in result.stdout and "└ " in result.stdout
    result = run("chart", "releases")
    assert "2024" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["chart", "pie"], "unknown chart"),
        (["chart", "params", "-o", "x.txt"], ".svg"),
        (["chart", "params", "--by", "organization"], "--by applies"),
        (["chart", "releases", "--by", "colour"], "--by 'colour'"),
    ],
)
def test_bad_chart_options_are_usage_errors(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [["--version"], ["show", "gpt-4o"], ["search", "llama"]])
def test_other_commands_do_not_import_the_plotting_libraries(args: list[str]) -> None:
    assert modules_loaded(args, ["matplotlib", "numpy"]) == []


def test_the_probe_sees_a_chart_import_matplotlib(tmp_path: Path) -> None:
    target = str(tmp_path / "p.svg")
    assert modules_loaded(["chart", "params", "-o", target], ["matplotlib", "numpy"]) == [
        "matplotlib",
        "numpy",
    ]
