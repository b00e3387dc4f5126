"""The one renderer: a command's answer as a table (Rich in a terminal, plain aligned text
otherwise), JSON, CSV or Markdown, and its notes on stderr.

A question (llmkg.questions) returns an `Answer`: its JSON, its tables, and optionally a terminal
view (a tree, a card) and notes. `Output.show` is the one place where `--format` is decided.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from typing import IO, Any


@dataclass
class Rows:
    """A table: headers and rows of plain strings, optionally split into titled groups."""

    headers: list[str]
    rows: list[list[str]]
    groups: list[tuple[str, int]] | None = None  # (title, index of the group's first row)
    title: str | None = None
    name: str | None = None  # the table's key in JSON, naming its rows when tables share one CSV
    # How a terminal that is too narrow treats each column: "whole" (dates, ids, numbers: never
    # cut), "name" (one line, cut with an ellipsis at worst) or "prose" (wrapped); and which columns
    # to leave out first, least useful first. Unset: every column is a name, none is dropped.
    fit: tuple[str, ...] | None = None
    drop: tuple[int, ...] = ()


@dataclass
class Branch:
    """A line of a terminal tree: `lead` (dim, e.g. the relation) then `text`; in a terminal too
    narrow for it, `name` is cut with an ellipsis and `tail` (a date) kept whole."""

    text: str
    lead: str = ""
    name: str = ""
    tail: str = ""
    children: list[Branch] = field(default_factory=list)


@dataclass
class Card:
    """One record's fields as (heading, value) lines under a title."""

    title: str
    lines: list[tuple[str, str]]


class Answer:
    """What a question returns to the renderer. Subclasses give `json` and `tables`, and may give
    a terminal `view` (drawn for the table format instead of the tables) and `notes` for stderr."""

    def json(self) -> Any:
        raise NotImplementedError

    def tables(self, lang: str) -> list[Rows]:
        raise NotImplementedError

    def view(self, lang: str) -> Branch | Card | None:
        return None

    def notes(self, lang: str, fmt: str) -> list[str]:
        return []


def plain_output(stream: IO[str]) -> bool:
    """True when output must carry no colour or box drawing: not a terminal, or NO_COLOR set."""
    return bool(os.environ.get("NO_COLOR")) or not stream.isatty()


class Output:
    """Where and how a command writes its answer."""

    def __init__(
        self,
        fmt: str = "table",
        lang: str = "en",
        stream: IO[str] | None = None,
        notes: IO[str] | None = None,
    ) -> None:
        self.fmt = fmt
        self.lang = lang
        self.stream = stream or sys.stdout
        self.note_stream = notes or sys.stderr
        self.plain = plain_output(self.stream)

    def show(self, answer: Answer) -> None:
        """The one place where --format is decided: JSON, a terminal view (a tree, a card) for the
        table format when the answer has one, else its tables as table, csv or md; then its notes."""
        if self.fmt == "json":
            self.json(answer.json())
        else:
            view = answer.view(self.lang) if self.fmt == "table" else None
            if isinstance(view, Branch):
                self.tree(view)
            elif isinstance(view, Card):
                self.card(view)
            else:
                self.tables(answer.tables(self.lang))
        self.stream.flush()
        for note in answer.notes(self.lang, self.fmt):
            self.note(note)

    def note(self, message: str) -> None:
        self.note_stream.write(message + "\n")

    # --- data formats -------------------------------------------------------------------------

    def json(self, data: Any) -> None:
        self.stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def tables(self, tables: list[Rows]) -> None:
        """Write one or more tables in the chosen format (not json)."""
        if self.fmt == "csv":
            self._csv(tables)
        elif self.fmt == "md":
            self.stream.write("\n\n".join(_markdown(table) for table in tables) + "\n")
        elif self.plain:
            self.stream.write("\n\n".join(_plain(table) for table in tables) + "\n")
        else:
            self._rich_tables(tables)

    def _csv(self, tables: list[Rows]) -> None:
        import csv

        writer = csv.writer(self.stream, lineterminator="\n")
        if len(tables) == 1:
            writer.writerow(tables[0].headers)
            writer.writerows(tables[0].rows)
            return
        # Several tables make one rectangular CSV: a `table` column naming each row's table, then
        # the union of the tables' columns in order; a row leaves the other tables' columns empty.
        columns = list(dict.fromkeys(header for table in tables for header in table.headers))
        writer.writerow(["table", *columns])
        for number, table in enumerate(tables, 1):
            name = table.name or table.title or str(number)
            for row in table.rows:
                cells = dict(zip(table.headers, row, strict=True))
                writer.writerow([name, *(cells.get(column, "") for column in columns)])

    # --- terminal views -----------------------------------------------------------------------

    def console(self) -> Any:
        from rich.console import Console

        return Console(file=self.stream, highlight=False)

    def _rich_tables(self, tables: list[Rows]) -> None:

        console = self.console()
        for table in tables:
            kept = list(range(len(table.headers)))
            # Too wide for the terminal even with names cut short: leave out the least useful
            # columns first; what still does not fit is names cut with an ellipsis.
            for column in table.drop:
                if _squeezed_width(table, kept) <= console.width or len(kept) <= 2:
                    break
                kept.remove(column)
            console.print(self._rich_table(table, kept, console.width))

    def _rich_table(self, table: Rows, kept: list[int], width: int) -> Any:
        from rich import box
        from rich.table import Table

        view = Table(title=table.title, box=box.SIMPLE_HEAD, title_justify="left", title_style="bold")
        fit = table.fit or ("name",) * len(table.headers)
        natural = {i: max([_width(table.headers[i]), *(_width(row[i]) for row in table.rows)]) for i in kept}
        # Whole columns get their full width; names and prose share the rest, the widest cut first.
        room = width - 3 * len(kept) - 1 - sum(natural[i] for i in kept if fit[i] == "whole")
        cap = _cap([natural[i] for i in kept if fit[i] != "whole"], room)
        for index in kept:
            header = table.headers[index]
            if fit[index] == "whole":
                view.add_column(header, no_wrap=True, min_width=natural[index])
            elif fit[index] == "prose":
                view.add_column(header, overflow="fold", max_width=cap)
            else:
                view.add_column(header, no_wrap=True, overflow="ellipsis", max_width=cap)
        starts = {start: title for title, start in table.groups or []}
        for number, row in enumerate(table.rows):
            if number in starts:
                if number:
                    view.add_section()
                view.add_row(f"[bold cyan]{starts[number]}[/]", *[""] * (len(kept) - 1))
            view.add_row(*(_escape(row[index]) for index in kept))
        return view

    def tree(self, root: Branch) -> None:
        """A tree: each branch under the one it hangs from, indented by generation."""
        if self.plain:
            lines = [root.text]

            def walk(node: Branch, indent: int) -> None:
                for child in node.children:
                    lines.append("    " * indent + f"{child.lead}{child.text}")
                    walk(child, indent + 1)

            walk(root, 1)
            self.stream.write("\n".join(lines) + "\n")
            return
        from rich.text import Text
        from rich.tree import Tree

        console = self.console()
        depths = list(_depths(root))
        deepest = max((depth for depth, _node in depths), default=0)
        widest = max((depth * 4 + _width(f"{node.lead}{node.text}") for depth, node in depths), default=0)
        if widest > console.width:
            # Rich's tree indents four columns a generation; a long chain in a narrow terminal
            # would wrap every line. Indent less, keep each branch on one line, cut at the edge.
            step = max(1, min(3, (console.width - 40) // max(deepest, 1)))
            console.print(Text(root.text, style="bold"), no_wrap=True, overflow="ellipsis")
            for depth, node in depths:
                text = Text(" " * (step * (depth - 1)) + "└ ")
                text.append(node.lead, style="dim")
                full = node.text
                if text.cell_len + _width(full) > console.width and node.name:
                    # Cut the name, not the date: "Encoder-decoder arch… (2014-06-03)".
                    room = console.width - text.cell_len - _width(node.tail)
                    name = Text(node.name)
                    name.truncate(max(room, 1), overflow="ellipsis")
                    full = name.plain + node.tail
                text.append(full)
                console.print(text, no_wrap=True, overflow="ellipsis")
            return
        view = Tree(Text(root.text, style="bold"))

        def grow(branch: Any, node: Branch) -> None:
            for child in node.children:
                text = Text(child.lead, style="dim", no_wrap=True, overflow="ellipsis")
                text.append(child.text, style="")
                grow(branch.add(text), child)

        grow(view, root)
        console.print(view)

    def card(self, card: Card) -> None:
        """One record's fields, as a panel in a terminal or `Field: value` lines otherwise."""
        if self.plain:
            width = max((_width(row[0]) for row in card.lines), default=0)
            lines = [card.title]
            lines += [f"{row[0]}{' ' * (width - _width(row[0]))}  {row[1]}" for row in card.lines]
            self.stream.write("\n".join(lines) + "\n")
            return
        from rich.panel import Panel
        from rich.table import Table

        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column(overflow="fold")
        previous = None
        for heading, value in card.lines:
            grid.add_row("" if heading == previous else heading, _escape(value))
            previous = heading
        self.console().print(Panel(grid, title=_escape(card.title), title_align="left"))


def _depths(root: Branch, depth: int = 1) -> Any:
    """(depth, branch) of every branch below `root`, in drawing order."""
    for child in root.children:
        yield depth, child
        yield from _depths(child, depth + 1)


def _cap(widths: list[int], room: int) -> int | None:
    """The largest width such that `widths`, each cut to it, fit in `room`; None when all fit."""
    if sum(widths) <= room:
        return None
    cap = max(widths, default=0)
    while cap > 6 and sum(min(w, cap) for w in widths) > room:
        cap -= 1
    return cap


_SHORT = {"name": 18, "prose": 12}  # how narrow a name or prose column may reasonably get


def _squeezed_width(table: Rows, kept: list[int]) -> int:
    """About how wide the table is drawn with its names and prose cut short (3 cells of padding
    and rule a column)."""
    fit = table.fit or ("name",) * len(table.headers)
    total = 0
    for index in kept:
        natural = max([_width(table.headers[index]), *(_width(row[index]) for row in table.rows)])
        total += min(natural, _SHORT.get(fit[index], natural)) + 3
    return total


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _width(text: str) -> int:
    """Terminal columns of `text`: East Asian wide characters take two, combining marks none (as
    rich counts them; computed here so that plain output need not import rich)."""
    if text.isascii():
        return len(text)
    import unicodedata

    def columns(c: str) -> int:
        return 0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1

    return sum(map(columns, text))


def _plain(table: Rows) -> str:
    """Columns aligned with spaces (East Asian wide characters counted as two), no box drawing."""
    widths = [_width(h) for h in table.headers]
    for row in table.rows:
        widths = [max(w, _width(cell)) for w, cell in zip(widths, row, strict=True)]

    def line(cells: list[str]) -> str:
        padded = [cell + " " * (w - _width(cell)) for cell, w in zip(cells, widths, strict=True)]
        return "  ".join(padded).rstrip()

    out = [table.title] if table.title else []
    out.append(line(table.headers))
    starts = {start: title for title, start in table.groups or []}
    for index, row in enumerate(table.rows):
        if index in starts:
            out.append(f"[{starts[index]}]")
        out.append(line(row))
    return "\n".join(out)


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _markdown(table: Rows) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(_md_cell(cell) for cell in cells) + " |"

    header = [line(table.headers), "|" + "|".join(" --- " for _ in table.headers) + "|"]
    out = [f"## {table.title}", ""] if table.title else []
    if not table.groups:
        return "\n".join(out + header + [line(row) for row in table.rows])
    bounds = [start for _title, start in table.groups] + [len(table.rows)]
    for (title, start), end in zip(table.groups, bounds[1:], strict=True):
        out += [f"### {title}", "", *header, *(line(row) for row in table.rows[start:end]), ""]
    return "\n".join(out).rstrip()
