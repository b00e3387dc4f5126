"""`chart releases`: models released per year, stacked by openness or by organization; a year
that is not over yet is hatched and its tick says up to which date it counts."""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from ..i18n import t
from .points import Releases
from .style import GROUP_COLOURS, MUTED, OPENNESS_COLOURS, save_figure, set_up
from .style import figure as new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def figure(data: Releases, by: str, lang: str) -> Figure:
    set_up(lang)
    fig = new_figure(12, 6)
    axes = fig.add_axes((0.07, 0.12, 0.9, 0.78))
    bottom = [0] * len(data.years)
    last = len(data.years) - 1
    for i, group in enumerate(data.groups):
        colour = OPENNESS_COLOURS.get(group) if by == "openness" else GROUP_COLOURS[i % len(GROUP_COLOURS)]
        bars = axes.bar(data.years, data.counts[group], bottom=bottom, color=colour, label=data.labels[group])
        if data.partial and bars:
            bars[last].set_hatch("////")
            bars[last].set_edgecolor("white")
        bottom = [b + c for b, c in zip(bottom, data.counts[group], strict=True)]
    labels = [str(year) for year in data.years]
    if data.early:
        labels[0] = f"{data.early[0]}–{data.early[1] % 100:02d}"
    if data.partial:
        labels[last] += "*"
        note = t(
            "* {year} up to {date}: the year is not over", lang, year=data.years[last], date=data.partial
        )
        fig.text(0.07, 0.02, note, fontsize=8.5, color=MUTED)
    axes.set_xticks(data.years, labels, fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_xlabel(t("Year", lang))
    axes.set_ylabel(t("models", lang))
    axes.set_title(t("Models released per year", lang), loc="left", fontsize=13, fontweight="bold")
    title = t("Openness" if by == "openness" else "Organizations", lang)
    axes.legend(title=title, fontsize=8, title_fontsize=8, loc="upper left", frameon=False)
    axes.grid(True, axis="y", alpha=0.3)
    return fig


def draw(data: Releases, by: str, output: BinaryIO, fmt: str, lang: str) -> None:
    save_figure(figure(data, by, lang), output, fmt)
