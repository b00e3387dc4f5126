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
    from llmkg.charts.evolution import choose

    texts = svg_texts(chart(tmp_path, "tree", "--lineage", "llama-2"))
    nodes, _hidden = choose(kg, Selection(lineage="llama-2").node_ids(kg), "en")
    assert {"llama-2", "llama-3"} <= {node.id for node in nodes}
    for node in nodes:
        assert node.label in texts


def test_tree_from_a_year_starts_there(kg: llmkg.KnowledgeGraph) -> None:
    from llmkg.charts.evolution import choose

    nodes, _hidden = choose(kg, Selection(year_from=2018).node_ids(kg), "en")
    assert nodes and min(node.year for node in nodes) >= 2018


def test_releases_by_organization_rolls_parts_up_and_names_the_biggest(
    tmp_path: Path, kg: llmkg.KnowledgeGraph
) -> None:
    texts = svg_texts(chart(tmp_path, "releases", "--by", "organization"))
    assert "Google" in texts  # Google Brain, Google Research and DeepMind count for Google
    assert not {"Google Brain", "Google Research", "DeepMind"} & set(texts)


def test_a_year_that_is_not_over_is_marked(tmp_path: Path, kg: llmkg.KnowledgeGraph) -> None:
    newest = max(r.date for r in kg.records("model"))
    texts = svg_texts(chart(tmp_path, "releases"))
    if not newest.endswith("12-31"):
        assert f"{newest[:4]}*" in texts
        assert any(newest in text for text in texts)


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


def _overlapping(boxes: list[tuple[str, tuple[float, float, float, float]]]) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes overlap by more than half a pixel."""
    found = []
    for index, (first, a) in enumerate(boxes):
        for second, b in boxes[index + 1 :]:
            if a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5:
                found.append((first, second))
    return found


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_whole_tree_is_a_landscape_slide_naming_every_landmark_with_no_label_over_another(
    kg: llmkg.KnowledgeGraph, lang: str
) -> None:
    from llmkg.charts import evolution, style, tree

    nodes, _hidden = evolution.choose(kg, Selection().node_ids(kg), lang, evolution.NOTABLE)
    fig, layout = tree.figure(nodes, lang, "slide", "subtitle")
    width, height = fig.get_size_inches()
    assert width / height == pytest.approx(16 / 9, rel=0.01)
    boxes = style.text_boxes(fig)
    assert _overlapping(boxes) == []
    drawn = {text for text, _box in boxes}
    landmarks = [r for r in kg.records("model") if r.notability == "landmark"]
    assert landmarks and all(r.label(lang) in drawn for r in landmarks)
    trunks = {node.trunk for node in nodes if node.notability == "landmark"}
    assert {"decoder", "encoder", "encoder-decoder"} <= trunks
    assert layout.font >= 6.0  # readable at slide size
    years = [column.label for column in layout.columns]
    assert [y for y in years if "–" not in y] == sorted(y for y in years if "–" not in y)
    first, last = layout.columns[0].first, layout.columns[-1].last
    covered = {year for column in layout.columns for year in range(column.first, column.last + 1)}
    assert covered == set(range(first, last + 1))  # every year ticked, alone or in a run of empty years


@pytest.mark.parametrize("kind", ["params", "compute"])
def test_scatter_labels_never_overlap_and_the_trend_is_stated(kg: llmkg.KnowledgeGraph, kind: str) -> None:
    from llmkg.charts import points, scatter, style

    measure = "parameters" if kind == "params" else "training_compute"
    marks = points.marks(kg, set(kg.index.ids()), measure, "en")
    axis = "Parameters" if kind == "params" else "Training compute (FLOP)"
    fig = scatter.figure(marks, "title", axis, "en")
    boxes = style.text_boxes(fig)
    assert _overlapping(boxes) == []
    caption = next(text for text, _box in boxes if text.startswith("Trend since 2017"))
    trend = scatter.fit(marks)
    assert trend is not None and f"×{trend.per_year:.1f} a year" in caption
    assert 0 < trend.doubling_months < 60
    # The axis starts where the models are, not at the earliest outlier.
    assert scatter.axis_start(marks) >= 2013


def test_a_chart_without_a_suffix_takes_format(tmp_path: Path) -> None:
    target = tmp_path / "figure"
    result = run("chart", "releases", "-o", str(target), "--format", "svg")
    assert result.code == 0, result.stderr
    assert target.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    result = run("chart", "releases", "-o", str(tmp_path / "figure2"))
    assert result.code == 2 and "--format" in result.stderr


def test_a_chart_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    result = run("chart", "releases", "-o", "/dev/full", "--format", "svg")
    assert result.code == 1
    assert "No space left on device" in result.stderr and "Traceback" not in result.stderr


def test_a_tree_with_more_models_than_a_slide_holds_draws_the_most_telling_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    from llmkg.charts import ROOM

    data = tmp_path / "data"
    generator = Path(__file__).resolve().parents[1] / "scripts" / "synthetic_data.py"
    subprocess.run([sys.executable, str(generator), "2000", str(data)], check=True, capture_output=True)
    target = tmp_path / "tree.svg"
    result = run("--data", str(data), "chart", "tree", "-o", str(target))
    assert result.code == 0, result.stderr
    assert f"room for {ROOM['slide']} models" in result.stderr
    assert f"wrote {ROOM['slide']} models" in result.stderr
    texts = svg_texts(target)
    assert any(text.strip().startswith("+") for text in texts)  # the others are counted, not dropped
