"""`chart tree`: the evolutionary tree drawn with matplotlib on a 16:9 slide (or a poster).

The layout (charts/evolution.py) decides where everything goes; this module draws it: a band
and a heading per trunk, a column and a tick per year, each model's marker coloured by openness
and its label, landmarks in bold, a curve from each model to the one it came from (dashed when
the link is only reported or inferred), folded minor descendants as "+N".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, BinaryIO

from ..i18n import t
from .evolution import Layout, lay_out
from .style import INK, MUTED, OPENNESS_COLOURS, POSTER, SLIDE, measure, save_figure, set_up
from .style import figure as new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .evolution import Node

TRUNK_COLOURS = {
    "decoder": "#eef2fb",
    "encoder-decoder": "#eef7f1",
    "encoder": "#fbf0f5",
    "recurrent": "#f6f2fb",
    "early": "#f3f4f6",
}
HEADING_COLOURS = {
    "decoder": "#2a4a8c",
    "encoder-decoder": "#1f6b45",
    "encoder": "#8c2a5b",
    "recurrent": "#5b3f8c",
    "early": "#4b5160",
}
# Inches around the plotting area: title and top ticks above, bottom ticks and legend below.
_LEFT, _RIGHT, _TOP, _BOTTOM = 0.3, 0.3, 0.88, 0.62


def figure(nodes: list[Node], lang: str, size: str = "slide", subtitle: str = "") -> tuple[Figure, Layout]:
    """The tree of `nodes` as a figure, and the layout it was drawn from."""
    set_up(lang)
    page_width, page_height = POSTER if size == "poster" else SLIDE
    font = 11.0 if size == "poster" else 8.0
    plot_width = page_width - _LEFT - _RIGHT
    plot_height = page_height - _TOP - _BOTTOM
    tick_size = font * 0.85
    layout = lay_out(
        nodes,
        measure,
        plot_width,
        plot_height,
        font=font,
        smallest=5.0,
        folded_label=lambda n: f" +{n}",
        tick_width=measure("2026", tick_size) * 1.35,
    )
    # A tree that fits is spread over the whole height; one that does not makes the page taller.
    height = max(plot_height, layout.rows * layout.row_height)
    fig = new_figure(page_width, height + _TOP + _BOTTOM)
    axes = fig.add_axes(
        (
            _LEFT / page_width,
            _BOTTOM / (height + _TOP + _BOTTOM),
            plot_width / page_width,
            height / (height + _TOP + _BOTTOM),
        )
    )
    rows_shown = float(layout.rows)
    axes.set_xlim(0, plot_width)
    axes.set_ylim(rows_shown - 0.5, -0.5)
    axes.set_axis_off()
    _bands(axes, layout, lang)
    _years(axes, layout, tick_size, rows_shown)
    _links(axes, layout)
    _models(axes, layout)
    _legend(fig, lang, font, page_width)
    fig.text(
        _LEFT / page_width,
        1 - 0.3 / (height + _TOP + _BOTTOM),
        t("Evolutionary tree of language models", lang),
        fontsize=font * 1.9,
        fontweight="bold",
        color=INK,
        va="center",
    )
    if subtitle:
        fig.text(
            _LEFT / page_width,
            1 - 0.58 / (height + _TOP + _BOTTOM),
            subtitle,
            fontsize=font * 1.05,
            color=MUTED,
            va="center",
        )
    return fig, layout


def draw(nodes: list[Node], output: BinaryIO, fmt: str, lang: str, size: str, subtitle: str) -> Layout:
    fig, layout = figure(nodes, lang, size, subtitle)
    save_figure(fig, output, fmt)
    return layout


def _bands(axes: Axes, layout: Layout, lang: str) -> None:
    for trunk in layout.trunks:
        top, bottom = trunk.heading_row - 0.5, trunk.first_row + trunk.rows - 0.5
        axes.axhspan(top, bottom, color=TRUNK_COLOURS[trunk.key], zorder=0, lw=0)
        axes.text(
            0.05,
            trunk.heading_row,
            t(trunk.label, lang),
            fontsize=layout.font * 1.05,
            fontweight="bold",
            color=HEADING_COLOURS[trunk.key],
            va="center",
            ha="left",
            zorder=4,
        )


def _years(axes: Axes, layout: Layout, size: float, rows: float) -> None:
    for column in layout.columns:
        axes.axvline(column.start, color="#ffffff", lw=1.2, zorder=1)
        middle = (column.start + column.end) / 2
        label = column.label
        for y, va in ((-0.5, "bottom"), (rows - 0.5, "top")):
            axes.text(
                middle,
                y,
                label,
                fontsize=size,
                color=MUTED,
                ha="center",
                va=va,
                zorder=4,
                clip_on=False,
            )


def _links(axes: Axes, layout: Layout) -> None:
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    by_id = {node.id: node for node in layout.nodes}
    for node in layout.nodes:
        parent = by_id.get(node.parent) if node.parent else None
        if parent is None:
            continue
        x0, y0, x1, y1 = parent.x, parent.row, node.x, node.row
        bend = max((x1 - x0) / 2, 0.05)
        path = Path(
            [(x0, y0), (x0 + bend, y0), (x1 - bend, y1), (x1, y1)],
            [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4],
        )
        weak = node.evidence in ("reported", "inferred")
        axes.add_patch(
            PathPatch(
                path,
                fill=False,
                lw=0.7,
                alpha=0.75,
                zorder=2,
                color="#8b93a5",
                linestyle=(0, (2.5, 1.8)) if weak else "solid",
            )
        )


def _models(axes: Axes, layout: Layout) -> None:
    marker_gap = layout.font * 0.6 / 72
    for node in layout.nodes:
        colour = OPENNESS_COLOURS.get(node.openness, "#6b7280")
        landmark = node.notability == "landmark"
        axes.plot(
            [node.x],
            [node.row],
            marker="o",
            markersize=layout.font * (0.62 if landmark else 0.48),
            color=colour,
            markeredgecolor="white",
            markeredgewidth=0.5,
            zorder=5,
        )
        size = layout.font * (1.1 if landmark else 1.0)
        # The label sits on its band's colour, so the lines behind it do not cut through the letters.
        label = axes.text(
            node.x + marker_gap,
            node.row,
            node.label,
            fontsize=size,
            va="center_baseline",
            ha="left",
            color=INK,
            fontweight="bold" if landmark else "normal",
            zorder=6,
            bbox={
                "boxstyle": "square,pad=0.05",
                "facecolor": TRUNK_COLOURS[node.trunk],
                "edgecolor": "none",
                "alpha": 0.85,
            },
        )
        if node.folded:
            # Drawn right after the label, in grey: the minor descendants not drawn.
            axes.annotate(
                f" +{node.folded}",
                xy=(1, 0),
                xycoords=label,
                va="bottom",
                ha="left",
                fontsize=layout.font * 0.9,
                color=MUTED,
                zorder=6,
            )


def _legend(fig: Figure, lang: str, font: float, page_width: float) -> None:
    from matplotlib.lines import Line2D

    handles = [
        Line2D([], [], marker="o", lw=0, color=colour, markersize=font * 0.55, label=t(openness, lang))
        for openness, colour in OPENNESS_COLOURS.items()
    ]
    handles += [
        Line2D([], [], color="#8b93a5", lw=0.9, label=t("lineage stated by the developer", lang)),
        Line2D(
            [],
            [],
            color="#8b93a5",
            lw=0.9,
            linestyle=(0, (2.5, 1.8)),
            label=t("lineage reported or inferred", lang),
        ),
        Line2D([], [], lw=0, label=t("+N: minor descendants not drawn (--all draws them)", lang)),
    ]
    fig.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(_LEFT / page_width, 0.005),
        ncol=len(handles),
        frameon=False,
        fontsize=font * 0.95,
        handlelength=1.6,
        columnspacing=1.2,
    )
