"""`llmkg view`: an interactive explorer written as one self-contained HTML file."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..questions.selection import Selection
    from ..store import Store


@dataclass
class Written:
    path: Path
    nodes: int
    edges: int
    size: int


def write(kg: Store, selection: Selection, output: Path, lang: str = "en") -> Written:
    """Write the explorer page for the selected records to `output` (replaced in one step)."""
    from ..atomic import write_text
    from .html import render

    page, nodes, edges = render(kg, selection, lang)
    write_text(output, page)
    return Written(output, nodes, edges, len(page.encode("utf-8")))


def has_display() -> bool:
    """Whether a browser window could appear: always on macOS and Windows, with X11 or Wayland elsewhere."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_in_browser(path: Path) -> bool:
    """Open the page in the default browser; False when there is none to open it."""
    import webbrowser

    if not has_display():
        return False
    try:
        return webbrowser.open(path.resolve().as_uri())
    except webbrowser.Error:
        return False
