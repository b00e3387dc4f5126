"""`chart params` and `chart compute`: a measure over time on a log scale, one mark per model.

- The time axis spends its width where the models are: it starts at the year before which
  fewer than EARLY_SHARE of the models fall; earlier models are drawn in a narrow strip at the
  left, in order, behind a break in the axis, so an outlier from 2000 does not stretch it.
- Landmark models are labelled beside their marks by charts/labels.py's placement, which keeps
  every label off the others, the legend and the caption (adjustText, tried first, took 20 s for
  600 marks and still left labels under the legend: it moves labels by forces, with no guarantee).
- A trend is fitted by ordinary least squares of log10(value) on the date over the models since
  TREND_FROM, and its growth per year and doubling time are written on the chart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from ..i18n import t
from .labels import Label
from .labels import place as place_labels
from .points import Mark
from .style import GRID, INK, MUTED, OPENNESS_COLOURS, save_figure, set_up
from .style import figure as new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

EARLY_SHARE = 0.02
MOST_LABELS = 60
TREND_FROM = 2017.0  # the Transformer era
STRIP = 0.9  # years of axis the early models share
# Epoch AI's published figure for the same measure ("Training compute of frontier AI models grows
# by 4-5x per year", https://epoch.ai/blog/training-compute-of-frontier-ai-models-grows-by-4-5x-per-year):
# "notable language models overall ... have grown as fast as 9x/year between June 2017 and May 2024".
TREND_CAPTION = (
    "Trend since {year}: ×{growth:.1f} a year, doubling every {months:.0f} months (least squares, {n} models)"
)
EPOCH_COMPUTE_TREND = "Epoch AI: notable language models ×9 a year, June 2017 – May 2024"


@dataclass
class Trend:
    slope: float  # log10 per year
    intercept: float
    start: float
    end: float
    count: int

    @property
    def per_year(self) -> float:
        return float(10**self.slope)

    @property
    def doubling_months(self) -> float:
        return 12 * math.log10(2) / self.slope if self.slope > 0 else math.inf


def fit(marks: list[Mark], since: float = TREND_FROM) -> Trend | None:
    """Least squares of log10(value) on the fractional year, over the marks since `since`."""
    points = [(m.x, math.log10(m.value)) for m in marks if m.x >= since]
    if len(points) < 3:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return Trend(slope, mean_y - slope * mean_x, min(x for x, _ in points), max(x for x, _ in points), n)


def axis_start(marks: list[Mark]) -> float:
    """The first year of the main time axis: where all but the earliest EARLY_SHARE begin."""
    years = sorted(m.x for m in marks)
    cut = years[min(int(len(years) * EARLY_SHARE), len(years) - 1)]
    return float(math.floor(cut))


def figure(marks: list[Mark], title: str, axis: str, lang: str) -> Figure:
    set_up(lang)
    fig = new_figure(12, 7)
    axes = fig.add_axes((0.075, 0.1, 0.9, 0.8))
    start = axis_start(marks)
    early = sorted((m for m in marks if m.x < start), key=lambda m: (m.x, m.id))
    place = {m.id: m.x for m in marks if m.x >= start}
    for index, mark in enumerate(early):  # evenly in the strip, oldest first
        place[mark.id] = start - STRIP + STRIP * (index + 0.5) / len(early) - 0.1
    _marks(axes, marks, place, lang)
    trend = fit(marks)
    compared = axis == "Training compute (FLOP)"
    caption = _trend(axes, trend, start, lang, compared) if trend is not None else None
    end = max(m.x for m in marks)
    axes.set_xlim(start - (STRIP + 0.25 if early else 0.3), math.floor(end) + 1.05)
    axes.set_yscale("log")
    _year_ticks(axes, start, end, early)
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(True, which="major", alpha=0.3)
    axes.set_ylabel(t(axis, lang))
    axes.set_xlabel(t("Year", lang))
    axes.set_title(t(title, lang), loc="left", fontsize=13, fontweight="bold", color=INK)
    # Above the plot, beside the title: inside it, the legend would hide the marks under it.
    legend = axes.legend(
        title=t("Openness", lang),
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        ncol=3,
        fontsize=8,
        title_fontsize=8,
        frameon=False,
    )
    # A slide has room for a few dozen names: beyond MOST_LABELS landmarks, the largest are named.
    landmarks = sorted((m for m in marks if m.landmark), key=lambda m: -m.value)[:MOST_LABELS]
    named = [Label(place[m.id], m.value, m.label, bold=True) for m in landmarks]
    clear = [legend] + ([caption] if caption is not None else [])
    place_labels(fig, axes, named, [(place[m.id], m.value) for m in marks], clear)
    return fig


def draw(marks: list[Mark], title: str, axis: str, output: BinaryIO, fmt: str, lang: str) -> None:
    save_figure(figure(marks, title, axis, lang), output, fmt)


def _marks(axes: Axes, marks: list[Mark], place: dict[str, float], lang: str) -> None:
    for openness, colour in OPENNESS_COLOURS.items():
        for estimated in (False, True):
            group = [m for m in marks if m.openness == openness and m.estimated == estimated]
            if not group:
                continue
            name = t(openness, lang) + (f" ({t('estimated', lang)})" if estimated else "")
            axes.scatter(
                [place[m.id] for m in group],
                [m.value for m in group],
                s=22,
                marker="o",
                facecolors="none" if estimated else colour,
                edgecolors=colour,
                linewidths=1.0,
                alpha=0.85,
                label=name,
                zorder=3,
            )


def _trend(axes: Axes, trend: Trend, start: float, lang: str, compared: bool) -> Any:
    first = max(trend.start, start)
    xs = [first, trend.end]
    ys = [10 ** (trend.intercept + trend.slope * x) for x in xs]
    axes.plot(xs, ys, color=INK, lw=1.2, alpha=0.6, linestyle=(0, (5, 3)), zorder=2)
    text = t(
        TREND_CAPTION,
        lang,
        year=round(TREND_FROM),
        growth=trend.per_year,
        months=trend.doubling_months,
        n=trend.count,
    )
    if compared:
        text += "\n" + t(EPOCH_COMPUTE_TREND, lang)
    return axes.text(
        0.99,
        0.02,
        text,
        transform=axes.transAxes,
        ha="right",
        va="bottom",
        fontsize=8.5,
        color=INK,
        bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": GRID},
    )


def _year_ticks(axes: Axes, start: float, end: float, early: list[Mark]) -> None:
    years = list(range(int(start), math.floor(end) + 1))
    ticks = [year + 0.0 for year in years]
    labels = [str(year) for year in years]
    if early:
        ticks.insert(0, start - STRIP / 2 - 0.1)
        labels.insert(0, f"{int(early[0].x)}–{int(early[-1].x) % 100:02d}")
        # A break in the axis between the strip of early models and the years.
        axes.axvline(start - 0.1, color=MUTED, lw=0.8, linestyle=(0, (1, 2)), zorder=1)
    axes.set_xticks(ticks, labels, fontsize=8)
