"""The charts drawn with matplotlib, written as SVG (text kept as text), PNG or PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, BinaryIO

from ..i18n import t
from .points import Branch, Mark, Releases

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

OPENNESS_COLOURS = {"closed": "#c2410c", "open-weights": "#2457c5", "open-source": "#15803d"}
GROUP_COLOURS = [
    "#2457c5", "#c2410c", "#15803d", "#7c3aed", "#d97706", "#0d9488", "#db2777", "#6b7280", "#a3a3a3",
]  # fmt: skip
_ko = {
    "Parameters": "파라미터",
    "Training compute (FLOP)": "학습 연산량 (FLOP)",
    "Models released per year": "연도별 공개 모델 수",
    "Parameters of language models over time": "시기별 언어 모델 파라미터 수",
    "Training compute of language models over time": "시기별 언어 모델 학습 연산량",
    "Families of language models": "언어 모델 계보",
    "models": "모델 수",
    "disclosed": "공개됨",
    "estimated": "추정",
}


def word(text: str, lang: str) -> str:
    return _ko.get(text, t(text, lang)) if lang == "ko" else text


def _figure(width: float, height: float, lang: str) -> tuple[Figure, Axes]:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    # Labels stay text in SVG (searchable, selectable); fonts are not turned into paths.
    matplotlib.rcParams["svg.fonttype"] = "none"
    matplotlib.rcParams["pdf.fonttype"] = 42
    matplotlib.rcParams["svg.hashsalt"] = "llmkg"  # the same data gives the same file
    if lang == "ko":
        from .fonts import hangul_font

        matplotlib.rcParams["font.family"] = [hangul_font(), "DejaVu Sans"]
        matplotlib.rcParams["axes.unicode_minus"] = False
    figure, axes = plt.subplots(figsize=(width, height), layout="constrained")
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def _years(axes: Axes) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:.0f}"))


def _save(figure: Figure, output: BinaryIO, fmt: str) -> None:
    from matplotlib import pyplot as plt

    # No creation date in SVG and PDF, so the same data gives the same file.
    metadata: dict[str, Any] | None = {"Date": None} if fmt in ("svg", "pdf") else None
    figure.savefig(output, format=fmt, dpi=150, metadata=metadata)
    plt.close(figure)


def scatter(found: list[Mark], title: str, axis: str, output: BinaryIO, fmt: str, lang: str) -> None:
    figure, axes = _figure(12, 7, lang)
    for openness, colour in OPENNESS_COLOURS.items():
        for estimated in (False, True):
            group = [m for m in found if m.openness == openness and m.estimated == estimated]
            if not group:
                continue
            name = f"{t(openness, lang)}" + (f" ({word('estimated', lang)})" if estimated else "")
            axes.scatter(
                [m.x for m in group],
                [m.value for m in group],
                s=22,
                marker="o",
                facecolors="none" if estimated else colour,
                edgecolors=colour,
                linewidths=1.0,
                alpha=0.85,
                label=name,
            )
    for mark in found:
        if mark.landmark:
            axes.annotate(
                mark.label, (mark.x, mark.value), xytext=(4, 3), textcoords="offset points", fontsize=8
            )
    _years(axes)
    axes.set_yscale("log")
    axes.set_ylabel(word(axis, lang))
    axes.set_xlabel(t("Year", lang))
    axes.set_title(word(title, lang))
    axes.grid(True, which="major", alpha=0.3)
    axes.legend(title=t("Openness", lang), loc="upper left", fontsize=8)
    _save(figure, output, fmt)


def releases(data: Releases, by: str, output: BinaryIO, fmt: str, lang: str) -> None:
    figure, axes = _figure(12, 6, lang)
    bottom = [0] * len(data.years)
    for i, group in enumerate(data.groups):
        colour = OPENNESS_COLOURS.get(group) if by == "openness" else GROUP_COLOURS[i % len(GROUP_COLOURS)]
        axes.bar(data.years, data.counts[group], bottom=bottom, color=colour, label=data.labels[group])
        bottom = [b + c for b, c in zip(bottom, data.counts[group], strict=True)]
    axes.set_xlabel(t("Year", lang))
    axes.set_ylabel(word("models", lang))
    axes.set_title(word("Models released per year", lang))
    axes.legend(title=t("Openness" if by == "openness" else "Organizations", lang), fontsize=8)
    axes.grid(True, axis="y", alpha=0.3)
    _save(figure, output, fmt)


def tree(branches: list[Branch], output: BinaryIO, fmt: str, lang: str) -> None:
    rows = max((b.row for b in branches), default=0) + 1
    figure, axes = _figure(16, max(4.0, 1.2 + rows * 0.24), lang)
    where = {b.id: b for b in branches}
    for branch in branches:
        colour = OPENNESS_COLOURS.get(branch.openness, "#6b7280")
        if branch.parent in where:
            up = where[branch.parent]
            xs, ys = [up.x, up.x, branch.x], [up.row, branch.row, branch.row]
            axes.plot(xs, ys, color=colour, lw=1.1, alpha=0.8)
        axes.scatter([branch.x], [branch.row], s=18, color=colour, zorder=3)
        axes.annotate(
            branch.label, (branch.x, branch.row), xytext=(3, 2), textcoords="offset points", fontsize=6.5
        )
    _years(axes)
    low, high = min(b.x for b in branches), max(b.x for b in branches)
    span = max(high - low, 1.0)
    axes.set_xlim(low - 0.03 * span, high + 0.12 * span)  # room for the last labels
    axes.set_ylim(rows - 0.5, -0.8)
    axes.set_yticks([])
    axes.spines["left"].set_visible(False)
    axes.set_xlabel(t("Year", lang))
    axes.set_title(word("Families of language models", lang))
    axes.grid(True, axis="x", alpha=0.3)
    for openness, colour in OPENNESS_COLOURS.items():
        axes.plot([], [], color=colour, lw=2, label=t(openness, lang))
    axes.legend(title=t("Openness", lang), loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8)
    axes.xaxis.set_ticks_position("both")
    axes.tick_params(axis="x", labeltop=True)
    _save(figure, output, fmt)
