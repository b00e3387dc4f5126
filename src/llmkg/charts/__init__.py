"""`llmkg chart`: figures drawn from the data (matplotlib for files, text for the terminal).

One module per chart: `scatter` (params, compute), `bars` (releases), `tree` (the evolutionary
tree, laid out by `evolution`); `points` gathers what the scatter and bars show, `style` what
every figure shares, `fonts` the Hangul font, `labels` where scatter labels go, `text` the terminal
versions. matplotlib and numpy are imported only here, when a chart is drawn, so no other command
pays for them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..errors import UsageError
from ..i18n import Message, t

if TYPE_CHECKING:
    from ..questions.selection import Selection
    from ..store import Store

KINDS = ("params", "compute", "releases", "tree")
FORMATS = ("svg", "png", "pdf")
GROUPINGS = ("openness", "organization")
SIZES = ("slide", "poster")
# How many models a page has room to name: the packaged history's landmark and major models
# (about 190) fit a slide; beyond that, names get too small to read and drawing gets slow.
ROOM = {"slide": 300, "poster": 1200}
ROOM_NOTE = "the {size} has room for {room:,} models: {n:,} more are counted on their ancestors (+N)"

_SCATTERS = {
    "params": ("parameters", "Parameters of language models over time", "Parameters"),
    "compute": (
        "training_compute",
        "Training compute of language models over time",
        "Training compute (FLOP)",
    ),
}


def _format(output: str | None, fmt: str | None) -> str:
    """The file format: --format, else the output's suffix; a path with neither is refused."""
    if fmt is not None:
        if fmt not in FORMATS:
            raise UsageError(
                "--format {value}: use one of {choices}", value=repr(fmt), choices=", ".join(FORMATS)
            )
        return fmt
    if output is None:
        return ""
    suffix = Path(output).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise UsageError(
            "{path}: give a file ending in .svg, .png or .pdf, or say the format with --format svg|png|pdf",
            path=output,
        )
    return suffix


def _check(kind: str, by: str, size: str) -> None:
    if kind not in KINDS:
        raise UsageError(
            "unknown chart {kind}; use one of: {choices}", kind=repr(kind), choices=", ".join(KINDS)
        )
    if by not in GROUPINGS:
        raise UsageError("--by {value}: use one of {choices}", value=repr(by), choices=", ".join(GROUPINGS))
    if by != "openness" and kind != "releases":
        raise UsageError("--by applies to the releases chart only")
    if size not in SIZES:
        raise UsageError("--size {value}: use one of {choices}", value=repr(size), choices=", ".join(SIZES))


def draw(
    kg: Store,
    kind: str,
    selection: Selection,
    output: str | None,
    lang: str,
    by: str = "openness",
    fmt: str | None = None,
    size: str = "slide",
    everything: bool = False,
) -> str | None:
    """Draw chart `kind` of the selection to `output` (or as text on standard output).

    Returns what was drawn, or None when the selection has nothing to draw (which is said).
    """
    _check(kind, by, size)
    fmt = _format(output, fmt)
    chosen = selection.node_ids(kg)
    target = Path(output) if output else None
    if kind in _SCATTERS:
        return _scatter(kg, kind, chosen, target, fmt, lang)
    if kind == "releases":
        return _releases(kg, chosen, by, target, fmt, lang)
    return _tree(kg, selection, chosen, target, fmt, lang, size, everything)


def _scatter(kg: Store, kind: str, chosen: set[str], target: Path | None, fmt: str, lang: str) -> str | None:
    from . import points

    measure, title, axis = _SCATTERS[kind]
    found = points.marks(kg, chosen, measure, lang)
    if not found:
        what = Message("a parameter count") if kind == "params" else Message("a training compute figure")
        _say(lang, "no model in the selection has {what} yet; nothing drawn", what=what)
        return None
    if target is None:
        from . import text

        print(text.scatter(found, title, axis, lang))
    else:
        from . import scatter

        _write(target, lambda out: scatter.draw(found, title, axis, out, fmt, lang))
    return Message("{n:,} models", n=len(found))


def _releases(kg: Store, chosen: set[str], by: str, target: Path | None, fmt: str, lang: str) -> str | None:
    from . import points

    data = points.releases(kg, chosen, by.replace("organization", "organizations"), lang)
    if not data.years:
        _say(lang, "no model in the selection; nothing drawn")
        return None
    if target is None:
        from . import text

        print(text.releases(data, lang))
    else:
        from . import bars

        _write(target, lambda out: bars.draw(data, by, out, fmt, lang))
    return Message(
        "{n:,} models in {years} years", n=sum(map(sum, data.counts.values())), years=len(data.years)
    )


def _tree(
    kg: Store,
    selection: Selection,
    chosen: set[str],
    target: Path | None,
    fmt: str,
    lang: str,
    size: str,
    everything: bool,
) -> str | None:
    from . import evolution

    # The whole history shows landmark and major models, the minor ones counted on their
    # ancestors; a selection (a family, a neighbourhood) shows all of its models.
    whole = not (selection.notability or everything or selection.root or selection.lineage)
    notability = evolution.NOTABLE if whole else None
    room = ROOM[size] if target is not None else None
    nodes, _hidden = evolution.choose(kg, chosen, lang, notability, most=room)
    if not nodes:
        _say(lang, "no dated model in the selection; nothing drawn")
        return None
    if room is not None and len(nodes) == room:
        wanted = sum(1 for r in kg.records("model") if r.id in chosen and r.date
                     and (notability is None or r.notability in notability))  # fmt: skip
        if wanted > room:
            page = Message("slide") if size == "slide" else Message("poster")
            _say(lang, ROOM_NOTE, size=page, room=room, n=wanted - room)
    folded = sum(node.folded for node in nodes)
    through = _newest_date(kg, chosen)
    parts = [t("landmark and major models" if notability else "every model of the selection", lang)]
    if folded:
        parts.append(t("{n} minor models counted on their ancestors (+N)", lang, n=folded))
    parts.append(t("data through {date}", lang, date=through))
    subtitle = " · ".join(parts)
    if target is None:
        from . import text

        print(text.tree(nodes, lang, subtitle))
    else:
        from . import tree

        _write(target, lambda out: (tree.draw(nodes, out, fmt, lang, size, subtitle), None)[1])
    return Message("{n:,} models", n=len(nodes))


def _newest_date(kg: Store, chosen: set[str]) -> str:
    from ..dates import parse

    rows = kg.index.summary_rows()
    found = [parse(date) for rid, (_kind, date, _n) in rows.items() if rid in chosen and date]
    return str(max(found, key=lambda d: (d.earliest, d.latest)))


def _say(lang: str, template: str, **values: object) -> None:
    print(f"llmkg: {t(template, lang, **values)}", file=sys.stderr)


def _write(target: Path, render: Callable[[BinaryIO], None]) -> None:
    """Render in memory, then replace `target` in one step: it is never half-written."""
    import io

    from ..atomic import write_text

    buffer = io.BytesIO()
    render(buffer)
    write_text(target, buffer.getvalue())
