"""The charts drawn as text, for a terminal or a pipe: one character per cell, glyphs for openness."""

from __future__ import annotations

import math
import shutil
from typing import TYPE_CHECKING

from ..counts import format_count
from ..i18n import t
from .points import Mark, Releases

if TYPE_CHECKING:
    from .evolution import Node

# Filled for a disclosed figure, hollow for an estimate; one shape per openness.
GLYPHS = {
    ("closed", False): "■",
    ("closed", True): "□",
    ("open-weights", False): "●",
    ("open-weights", True): "○",
    ("open-source", False): "▲",
    ("open-source", True): "△",
}
BAR_GLYPHS = "█▓▒░#=+:-."


def _size() -> tuple[int, int]:
    columns, lines = shutil.get_terminal_size((100, 30))
    return max(60, min(columns, 160)), max(16, min(lines - 6, 40))


def _value(value: float, unit: str) -> str:
    return format_count(int(value)) if unit == "Parameters" else f"1e{round(math.log10(value))}"


def scatter(found: list[Mark], title: str, axis: str, lang: str) -> str:
    """A log-scale scatter of `found` over time, landmark models labelled."""
    width, height = _size()
    margin = 7
    plot = width - margin - 1
    low_x, high_x = min(m.x for m in found), max(m.x for m in found)
    low_y = math.floor(math.log10(min(m.value for m in found)))
    high_y = math.ceil(math.log10(max(m.value for m in found)))
    high_y = max(high_y, low_y + 1)
    span_x = max(high_x - low_x, 1.0)
    grid = [[" "] * plot for _ in range(height)]

    def cell(mark: Mark) -> tuple[int, int]:
        column = round((mark.x - low_x) / span_x * (plot - 1))
        row = round((high_y - math.log10(mark.value)) / (high_y - low_y) * (height - 1))
        return row, column

    for mark in found:
        row, column = cell(mark)
        grid[row][column] = GLYPHS.get((mark.openness, mark.estimated), "*")
    for mark in found:
        if not mark.landmark:
            continue
        row, column = cell(mark)
        start, end = column + 2, column + 2 + len(mark.label)
        if end <= plot and all(ch == " " for ch in grid[row][start - 1 : end + 1]):
            grid[row][start:end] = list(mark.label)
    lines = [t(title, lang).center(width).rstrip()]
    # Each power of ten labels the row nearest to it.
    labels = {
        round((high_y - exponent) / (high_y - low_y) * (height - 1)): _value(10.0**exponent, axis)
        for exponent in range(low_y, high_y + 1)
    }
    for row, cells in enumerate(grid):
        lines.append(f"{labels.get(row, ''):>{margin - 1}} │{''.join(cells)}".rstrip())
    lines.append(" " * (margin - 1) + " └" + "─" * plot)
    ticks = [" "] * plot
    for year in range(math.ceil(low_x), math.floor(high_x) + 1):
        column = round((year - low_x) / span_x * (plot - 1))
        text = str(year)
        if column + len(text) <= plot and all(ch == " " for ch in ticks[max(0, column - 1) : column + 5]):
            ticks[column : column + len(text)] = list(text)
    lines.append(" " * (margin + 1) + "".join(ticks).rstrip())
    legend = [
        f"{glyph} {t(openness, lang)}{' (' + t('estimated', lang) + ')' if estimated else ''}"
        for (openness, estimated), glyph in GLYPHS.items()
        if any(m.openness == openness and m.estimated == estimated for m in found)
    ]
    lines.append(" " * (margin + 1) + "   ".join(legend))
    lines.append(" " * (margin + 1) + _caption(t(axis, lang), len(found), lang))
    return "\n".join(lines)


def _caption(axis: str, count: int, lang: str) -> str:
    return t("{axis}, log scale · {n} models", lang, axis=axis, n=count)


def releases(data: Releases, lang: str) -> str:
    """One stacked bar per year, one glyph per group."""
    width, _height = _size()
    totals = [sum(data.counts[g][i] for g in data.groups) for i in range(len(data.years))]
    room = width - 12
    scale = min(1.0, room / max(max(totals), 1))
    lines = [t("Models released per year", lang)]
    for i, year in enumerate(data.years):
        bar = "".join(
            BAR_GLYPHS[j % len(BAR_GLYPHS)] * round(data.counts[group][i] * scale)
            for j, group in enumerate(data.groups)
        )
        lines.append(f"{year} {bar} {totals[i]}")
    legend = [f"{BAR_GLYPHS[j % len(BAR_GLYPHS)]} {data.labels[g]}" for j, g in enumerate(data.groups)]
    lines.append("   ".join(legend))
    return "\n".join(lines)


def tree(nodes: list[Node], lang: str, subtitle: str) -> str:
    """The evolutionary tree as an outline: each trunk, then its families, each model indented
    under the one it came from, with its year and the minor descendants counted on it."""
    from .evolution import TRUNKS

    lines = [t("Evolutionary tree of language models", lang), subtitle]
    children: dict[str | None, list[Node]] = {}
    by_id = {node.id: node for node in nodes}
    for node in nodes:
        parent = node.parent if node.parent in by_id and by_id[node.parent].trunk == node.trunk else None
        children.setdefault(parent, []).append(node)

    def walk(node: Node, depth: int) -> None:
        folded = f" +{node.folded}" if node.folded else ""
        lead = "  " * depth + ("└ " if depth else "")
        lines.append(f"{int(node.year)}  {lead}{node.label}{folded}")
        for child in sorted(children.get(node.id, []), key=lambda n: (n.year, n.id)):
            walk(child, depth + 1)

    for key, label, _archs in TRUNKS:
        roots = sorted((n for n in children.get(None, []) if n.trunk == key), key=lambda n: (n.year, n.id))
        if roots:
            lines.append("")
            lines.append(t(label, lang))
            for root in roots:
                walk(root, 0)
    return "\n".join(lines)
