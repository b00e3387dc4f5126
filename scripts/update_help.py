"""Rewrite src/llmkg/help_text.py, the `llmkg --help` text that the console script prints without
importing the command-line framework.

    python scripts/update_help.py          # after changing a command or its description
    ruff format src/llmkg/help_text.py     # then lay it out as the rest of the code
"""

from __future__ import annotations

from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src" / "llmkg" / "help_text.py"


def current_help() -> str:
    """`llmkg --help` as the framework prints it, 80 columns wide."""
    import os

    from typer.testing import CliRunner

    from llmkg.cli import app

    os.environ["COLUMNS"] = "80"
    result = CliRunner().invoke(app, ["--help"], prog_name="llmkg", env={"COLUMNS": "80", "TERM": "dumb"})
    return result.stdout


def module_text(help_text: str) -> str:
    lines = "".join(f"    {line!r}\n" for line in help_text.splitlines(keepends=True))
    return (
        '"""The text of `llmkg --help` (written by scripts/update_help.py; tests check it is current)."""\n\n'
        f"TOP_LEVEL = (\n{lines})\n"
    )


def main() -> None:
    TARGET.write_text(module_text(current_help()), encoding="utf-8")
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
