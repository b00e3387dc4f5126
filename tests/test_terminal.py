"""Tables and trees drawn by Rich in a real (pseudo-)terminal of a given width."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

import llmkg
from conftest import run

pty = pytest.importorskip("pty")
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def in_terminal(columns: int, *args: str) -> list[str]:
    """What `llmkg ARGS` draws on a terminal `columns` wide, as lines without colour codes."""
    from rich.cells import cell_len

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": str(columns), "LINES": "200", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "llmkg", *args], stdout=follower, stderr=subprocess.DEVNULL, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the program is done
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    text = ANSI.sub("", b"".join(chunks).decode()).replace("\r", "")
    lines = [line.rstrip() for line in text.split("\n")]
    assert all(cell_len(line) <= columns for line in lines), "\n".join(lines)
    return [line for line in lines if line.strip()]


def test_narrow_timeline_keeps_dates_and_names_whole() -> None:
    records = json.loads(run("timeline", "2024-05", "2024-06", "-f", "json").stdout)
    lines = in_terminal(60, "timeline", "2024-05", "2024-06")
    text = "\n".join(lines)
    assert all(record["date"] in text for record in records)  # no 2024-05/-06
    for record in records:  # a name is whole, or cut once with an ellipsis: never over two lines
        row = next(line for line in lines if record["date"] in line and line.split()[0] == record["date"])
        cell = row.split(record["date"], 1)[1].strip()
        assert cell.startswith(record["name"]) or ("…" in cell and record["name"].startswith(
            cell.split("…")[0].strip()))  # fmt: skip
    assert len([line for line in lines if re.match(r"\s*\d{4}-\d\d", line)]) == len(records)


def test_at_80_columns_the_headings_are_whole() -> None:
    lines = in_terminal(80, "timeline", "2017", "2025")
    assert "Organizations" in lines[0] and "Parameters" in lines[0]


def test_narrow_lineage_tree_has_one_line_per_record_and_whole_dates() -> None:
    data = json.loads(run("lineage", "gpt-4o", "-f", "json").stdout)
    lines = in_terminal(60, "lineage", "gpt-4o")
    assert len(lines) == 1 + len(data["ancestors"])
    text = "\n".join(lines)
    assert all(f"({a['date']}" in text for a in data["ancestors"] if a["date"])


@pytest.mark.parametrize("args", [["neighbours", "gpt-4o"], ["search", "gemini"], ["path", "bert", "gpt-4o"],
                                  ["show", "gpt-4o"], ["stats"]])  # fmt: skip
def test_narrow_tables_fit_and_keep_names_whole_or_cut_once(args: list[str]) -> None:
    lines = in_terminal(60, *args)
    assert lines
    if args[0] == "search":
        data = json.loads(run(*args, "-f", "json").stdout)
        text = "\n".join(lines)
        assert all(item["name"] in text or "…" in text for item in data)


def test_plain_output_counts_columns_as_rich_does(kg: llmkg.KnowledgeGraph) -> None:
    # plain tables align without importing rich; rich's tables in a terminal must agree with them
    from rich.cells import cell_len

    from llmkg.output import _width

    texts = [t for r in kg.records() for t in [r.name, r.label("ko"), *r.aliases] if t]
    assert any(not t.isascii() for t in texts)
    assert [t for t in texts if _width(t) != cell_len(t)] == []
