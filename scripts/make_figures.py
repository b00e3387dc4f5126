"""Redraw the figures the README shows: `python scripts/make_figures.py` (writes docs/*.svg)."""

from __future__ import annotations

import sys
from pathlib import Path

from llmkg.cli import main

DOCS = Path(__file__).resolve().parents[1] / "docs"

FIGURES = {
    "tree.svg": ["chart", "tree"],
    "params.svg": ["chart", "params"],
    "tree-llama-2.svg": ["chart", "tree", "--lineage", "llama-2"],
}


def run() -> int:
    DOCS.mkdir(exist_ok=True)
    for name, args in FIGURES.items():
        try:
            main([*args, "-o", str(DOCS / name)])
        except SystemExit as done:
            if done.code:
                return int(done.code)
    return 0


if __name__ == "__main__":
    sys.exit(run())
