"""Write results as a table (Rich in a terminal, plain aligned text otherwise), json, csv or md."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable
from typing import IO, TYPE_CHECKING, Any

from .views import Rows

if TYPE_CHECKING:
    from .queries import Lineage

FORMATS = ("table", "json", "csv", "md")


def plain_output(stream: IO[str]) -> bool:
    """True when output must carry no colour or box drawing: not a terminal, or NO_COLOR set."""
    return bool(os.environ.get("NO_COLOR")) or not stream.isatty()


class Output:
    """Where and how a command writes its result."""

    def __init__(self, fmt: str = "table", lang: str = "en", stream: IO[str] | None = None) -> None:
        self.fmt = fmt
        self.lang = lang
        self.stream = stream or sys.stdout
        self.plain = plain_output(self.stream)

    def emit(
        self,
        data: Callable[[], Any],
        tables: Callable[[], list[Rows]],
        view: Callable[[], None] | None = None,
    ) -> None:
        """The one place where --format is decided: JSON of `data`, a terminal `view` (a tree, a
        card) for table format when the command has one, else `tables` as table, csv or md."""
        if self.fmt == "json":
            self.json(data())
        elif self.fmt == "table" and view is not None:
            view()
        else:
            self.tables(tables())

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

    def tree(self, lineage: Lineage, label: Any) -> None:
        """The lineage as a tree: each record under the relative it came from (or led to)."""
        from .views import with_evidence
        from .vocabulary import INVERSE_LINEAGE

        entries = lineage.ancestors or lineage.descendants

        def relation(entry: Any) -> str:
            name = INVERSE_LINEAGE[entry.relation] if lineage.descendants else entry.relation
            return with_evidence(name, entry.evidence, self.lang)

        children: dict[str, list[Any]] = {}
        for entry in sorted(entries, key=lambda e: e.depth):
            children.setdefault(entry.via, []).append(entry)
        root_text = label(lineage.root)
        if self.plain:
            lines = [root_text]

            def walk(node: str, indent: int) -> None:
                for entry in children.get(node, []):
                    lines.append("    " * indent + f"{relation(entry)}: {label(entry.record)}")
                    walk(entry.record.id, indent + 1)

            walk(lineage.root.id, 1)
            self.stream.write("\n".join(lines) + "\n")
            return
        from rich.text import Text
        from rich.tree import Tree

        console = self.console()
        deepest = max((entry.depth for entry in entries), default=0)
        widest = max((e.depth * 4 + _width(f"{relation(e)}: {label(e.record)}") for e in entries), default=0)
        if widest > console.width:
            # Rich's tree indents four columns a generation; a long chain in a narrow terminal
            # would wrap every line. Indent less, keep each record on one line, cut at the edge.
            step = max(1, min(3, (console.width - 40) // max(deepest, 1)))
            console.print(Text(root_text, style="bold"), no_wrap=True, overflow="ellipsis")

            def line(node: str) -> None:
                for entry in children.get(node, []):
                    head = " " * (step * (entry.depth - 1)) + "└ "
                    text = Text(head)
                    text.append(f"{relation(entry)}: ", style="dim")
                    full = label(entry.record)
                    if text.cell_len + _width(full) > console.width:
                        # Cut the name, not the date: "Encoder-decoder arch… (2014-06-03)".
                        date = f" ({entry.record.date})" if entry.record.date else ""
                        room = console.width - text.cell_len - _width(date)
                        name = Text(entry.record.label(self.lang))
                        name.truncate(max(room, 1), overflow="ellipsis")
                        full = name.plain + date
                    text.append(full)
                    console.print(text, no_wrap=True, overflow="ellipsis")
                    line(entry.record.id)

            line(lineage.root.id)
            return
        view = Tree(Text(root_text, style="bold"))

        def grow(branch: Any, node: str) -> None:
            for entry in children.get(node, []):
                text = Text(f"{relation(entry)}: ", style="dim", no_wrap=True, overflow="ellipsis")
                text.append(label(entry.record), style="")
                grow(branch.add(text), entry.record.id)

        grow(view, lineage.root.id)
        console.print(view)

    def card(self, table: Rows) -> None:
        """One record's fields, as a panel in a terminal or `Field: value` lines otherwise."""
        if self.fmt != "table":
            self.tables([table])
            return
        if self.plain:
            width = max((_width(row[0]) for row in table.rows), default=0)
            lines = [table.title or ""]
            lines += [f"{row[0]}{' ' * (width - _width(row[0]))}  {row[1]}" for row in table.rows]
            self.stream.write("\n".join(lines) + "\n")
            return
        from rich.panel import Panel
        from rich.table import Table

        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold")
        grid.add_column(overflow="fold")
        previous = None
        for field, value in table.rows:
            grid.add_row("" if field == previous else field, _escape(value))
            previous = field
        self.console().print(Panel(grid, title=_escape(table.title or ""), title_align="left"))


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
    from rich.cells import cell_len

    return cell_len(text)


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
