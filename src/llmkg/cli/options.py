"""The command line's shared pieces: the output formats, languages, the NAME argument, and the
selection options that `export`, `view` and `chart` take from one definition (`selection_options`).
"""

import functools
import inspect
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperCommand

if TYPE_CHECKING:
    from ..questions.selection import Selection


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class Lang(str, Enum):
    en = "en"
    ko = "ko"


class Command(TyperCommand):
    """A command whose usage line names its arguments plainly: `show [OPTIONS] NAME`, not `{NAME}`."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [piece.strip("{}") for piece in super().collect_usage_pieces(ctx)]


def examples(*lines: str) -> str:
    # "\b" keeps the help formatter from joining the examples into one paragraph.
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", metavar="FORMAT", help="Output format: table, json, csv or md."),
]
NameArgument = Annotated[
    str, typer.Argument(metavar="NAME", help="The record: an id, name, alias or Korean label.")
]
LangOption = Annotated[
    Optional[Lang],
    typer.Option(
        "--lang", metavar="LANG", help="Language of the labels: en or ko (default: the global --lang)."
    ),
]

# The selection options, in the order --help lists them: (name, annotation, default).
_DATE_HELP = "(YYYY, YYYY-MM or YYYY-MM-DD)"
_SELECTION: list[tuple[str, Any, Any]] = [
    ("root", Annotated[Optional[str], typer.Option(
        "--root", metavar="NAME", help="Only the records around NAME.")], None),
    ("depth", Annotated[int, typer.Option(
        "--depth", "-n", min=1, metavar="N", help="With --root: up to N edges away.")], 2),
    ("lineage", Annotated[Optional[str], typer.Option(
        "--lineage", metavar="NAME", help="Only NAME, its ancestors and its descendants.")], None),
    ("year_from", Annotated[Optional[str], typer.Option(
        "--from", metavar="DATE", help=f"Only records dated in or after DATE {_DATE_HELP}.")], None),
    ("year_to", Annotated[Optional[str], typer.Option(
        "--to", metavar="DATE", help=f"Only records dated in or before DATE {_DATE_HELP}.")], None),
    ("kinds", Annotated[Optional[list[str]], typer.Option(
        "--kind", "-k", metavar="KIND", help="Only records of this kind; repeatable.")], None),
    ("notability", Annotated[Optional[list[str]], typer.Option(
        "--notability", metavar="LEVEL", help="Only landmark, major or minor records; repeatable.")], None),
]  # fmt: skip


def selection_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give `command` the selection options; it receives them as one `selection` (a Selection).

    The options are declared once, here, and added to the command's signature, which is what
    typer reads, so every command that selects records offers the same options, spelt the same.
    """
    signature = inspect.signature(command)
    kept = [parameter for name, parameter in signature.parameters.items() if name != "selection"]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)
        for name, annotation, default in _SELECTION
    ]

    @functools.wraps(command)
    def with_selection(*args: Any, **values: Any) -> None:
        from ..questions.selection import Selection

        chosen = {name: values.pop(name) for name, _annotation, _default in _SELECTION}
        command(*args, selection=Selection(**chosen), **values)

    with_selection.__signature__ = signature.replace(parameters=[*kept, *added])  # type: ignore[attr-defined]
    annotations = {k: v for k, v in command.__annotations__.items() if k != "selection"}
    with_selection.__annotations__ = annotations | {name: annotation for name, annotation, _d in _SELECTION}
    return with_selection


__all__ = [
    "Command",
    "Format",
    "FormatOption",
    "Lang",
    "LangOption",
    "NameArgument",
    "Selection",
    "examples",
    "selection_options",
]
