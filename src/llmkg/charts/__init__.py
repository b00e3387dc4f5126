"""`llmkg chart`: figures drawn from the data (matplotlib for files, text for the terminal).

Both libraries are imported only here, when a chart is drawn, so no other command pays for them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, BinaryIO

from ..errors import UsageError

if TYPE_CHECKING:
    from ..questions.selection import Selection
    from ..store import Store

KINDS = ("params", "compute", "releases", "tree")
SUFFIXES = (".svg", ".png", ".pdf")
GROUPINGS = ("openness", "organization")

_TITLES = {
    "params": ("parameters", "Parameters of language models over time", "Parameters"),
    "compute": (
        "training_compute",
        "Training compute of language models over time",
        "Training compute (FLOP)",
    ),
}


def _check(kind: str, output: str | None, by: str) -> None:
    if kind not in KINDS:
        raise UsageError(f"unknown chart {kind!r}; use one of: {', '.join(KINDS)}")
    if output is not None and Path(output).suffix.lower() not in SUFFIXES:
        raise UsageError(f"{output}: give a file ending in {', '.join(SUFFIXES)}")
    if by not in GROUPINGS:
        raise UsageError(f"--by {by!r}: use one of {', '.join(GROUPINGS)}")
    if by != "openness" and kind != "releases":
        raise UsageError("--by applies to the releases chart only")


def draw(kg: Store, kind: str, selection: Selection, output: str | None, lang: str, by: str) -> str | None:
    """Draw chart `kind` of the selection to `output` (or as text on standard output).

    Returns what was drawn, or None when the selection has nothing to draw (which is said).
    """
    from . import points

    _check(kind, output, by)
    chosen = selection.node_ids(kg)
    target = Path(output) if output else None
    fmt = target.suffix.lower()[1:] if target is not None else ""
    if kind in _TITLES:
        measure, title, axis = _TITLES[kind]
        found = points.marks(kg, chosen, measure, lang)
        if not found:
            what = "a parameter count" if kind == "params" else "a training compute figure"
            _say(f"no model in the selection has {what} yet; nothing drawn")
            return None
        if target is None:
            from . import text

            print(text.scatter(found, title, axis, lang))
        else:
            _write(target, lambda out: _figures().scatter(found, title, axis, out, fmt, lang))
        return f"{len(found)} models"
    if kind == "releases":
        data = points.releases(kg, chosen, by.replace("organization", "organizations"), lang)
        if not data.years:
            _say("no model in the selection; nothing drawn")
            return None
        if target is None:
            from . import text

            print(text.releases(data, lang))
        else:
            _write(target, lambda out: _figures().releases(data, by, out, fmt, lang))
        return f"{sum(map(sum, data.counts.values()))} models in {len(data.years)} years"
    branches = points.tree(kg, chosen, lang)
    if not branches:
        _say("no family (records linked by lineage) in the selection; nothing drawn")
        return None
    if target is None:
        from . import text

        print(text.tree(branches, lang))
    else:
        _write(target, lambda out: _figures().tree(branches, out, fmt, lang))
    return f"{len(branches)} records in {len({b.row for b in branches})} branches"


def _figures() -> ModuleType:
    from . import figures

    return figures


def _say(message: str) -> None:
    print(f"llmkg: {message}", file=sys.stderr)


def _write(target: Path, render: Callable[[BinaryIO], None]) -> None:
    """Render in memory, then replace `target` in one step: it is never half-written."""
    import io

    from ..atomic import write_text

    buffer = io.BytesIO()
    render(buffer)
    write_text(target, buffer.getvalue())
