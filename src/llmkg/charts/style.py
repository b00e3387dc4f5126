"""What every figure shares: matplotlib set up for deterministic files with text kept as text, the
fonts (Hangul in Korean), the colours, text measured as it will be drawn, saving."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from matplotlib.figure import Figure

OPENNESS_COLOURS = {"closed": "#c2410c", "open-weights": "#2457c5", "open-source": "#15803d"}
GROUP_COLOURS = [
    "#2457c5", "#c2410c", "#15803d", "#7c3aed", "#d97706", "#0d9488", "#db2777", "#6b7280", "#a3a3a3",
]  # fmt: skip
INK, MUTED, GRID = "#1f2430", "#5f6675", "#e3e5ea"
SLIDE = (13.333, 7.5)  # inches: a 16:9 slide
POSTER = (33.11, 23.39)  # inches: A1, landscape


def set_up(lang: str) -> None:
    """matplotlib without a display, writing the same file for the same data, with a font that
    has every glyph the labels need."""
    import logging

    import matplotlib

    matplotlib.use("Agg")
    # A Korean font without a bold face is drawn in its regular face; matplotlib's notice of that
    # is not the user's business.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    # Labels stay text in SVG (searchable, selectable); fonts are not turned into paths.
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["pdf.fonttype"] = 42
    matplotlib.rcParams["svg.hashsalt"] = "llmkg"  # the same data gives the same file
    matplotlib.rcParams["font.family"] = families(lang)
    matplotlib.rcParams["axes.unicode_minus"] = lang != "ko"


def families(lang: str) -> list[str]:
    if lang == "ko":
        from .fonts import hangul_font

        return [hangul_font(), "DejaVu Sans"]
    return ["DejaVu Sans"]


def figure(width: float, height: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height))
    FigureCanvasAgg(fig)  # a renderer to measure text with, and to draw PNGs
    return fig


@cache
def _text_to_path() -> Any:
    from matplotlib.textpath import TextToPath

    return TextToPath()


def measure(text: str, size: float, weight: str = "normal") -> float:
    """The width of `text` drawn at `size` points in the current font, in inches (text widths
    scale with the size, so each text is measured once)."""
    return _width_at_ten(text, weight, tuple(families_in_use())) * size / 10


def families_in_use() -> list[str]:
    import matplotlib

    return list(matplotlib.rcParams["font.family"])


@cache
def _width_at_ten(text: str, weight: str, families: tuple[str, ...]) -> float:
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(family=list(families), size=10, weight=weight)
    width, _height, _descent = _text_to_path().get_text_width_height_descent(text, prop, ismath=False)
    return float(width) / 72


def save_figure(fig: Figure, output: BinaryIO, fmt: str) -> None:
    # No creation date in SVG and PDF, so the same data gives the same file.
    metadata: dict[str, Any] | None = {"Date": None} if fmt in ("svg", "pdf") else None
    fig.savefig(output, format=fmt, dpi=150, metadata=metadata)


def text_boxes(fig: Figure) -> list[tuple[str, tuple[float, float, float, float]]]:
    """(text, (x0, y0, x1, y1) in pixels) of every visible non-empty text of the figure, as
    matplotlib's renderer draws it: what a test checks for overlaps."""
    from matplotlib.text import Text

    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = []
    for text in fig.findobj(Text):  # Text only: a legend's TextArea wraps a Text found on its own
        content = text.get_text()
        if not content or not text.get_visible():
            continue
        box = text.get_window_extent(renderer)
        boxes.append((content, (box.x0, box.y0, box.x1, box.y1)))
    return boxes
