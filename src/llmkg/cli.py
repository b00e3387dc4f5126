"""The llmkg command line: parse options, call a query, render the result; errors become exit codes.

Only typer and llmkg's own light modules are imported at the top, so that `llmkg --version`,
`--help` and shell completion never load networkx, pydantic or YAML.
"""

import functools
import os
import sys
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Optional, TextIO

import typer
from typer.core import TyperCommand, TyperGroup

from . import __version__
from .errors import (
    EXIT_DATA,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    DataError,
    DataWarning,
    LlmkgError,
    escape_controls,
)

if TYPE_CHECKING:
    from .exporters.select import Selection
    from .graph import KnowledgeGraph
    from .record import RecordView as AnyRecord
    from .render import Output


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    md = "md"


class Lang(str, Enum):
    en = "en"
    ko = "ko"


class _Command(TyperCommand):
    """A command whose usage line names its arguments plainly: `show [OPTIONS] NAME`, not `{NAME}`."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [piece.strip("{}") for piece in super().collect_usage_pieces(ctx)]


def _examples(*lines: str) -> str:
    # "\b" keeps the help formatter from joining the examples into one paragraph.
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


class _Group(TyperGroup):
    """The command group; an error leaving a command learns the language to be reported in."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as error:
            # The options of `llmkg` itself are parsed by now, even when the command is unknown.
            given = ctx.params.get("lang") or "en"
            lang = str(getattr(given, "value", given))
            if lang != "en":
                if isinstance(error, LlmkgError):
                    error.lang = lang  # type: ignore[attr-defined]
                elif callable(getattr(error, "show", None)) and hasattr(error, "format_message"):
                    error.show = functools.partial(_show_usage_error, error, lang)  # type: ignore[attr-defined]
            raise


def _show_usage_error(error: Any, lang: str, file: object = None) -> None:
    """A parser's usage error (unknown option, bad value, missing argument) in `lang`."""
    from .i18n import t

    context = getattr(error, "ctx", None)
    if context is not None:
        typer.echo(f"{t('Usage:', lang)} {context.get_usage().partition(' ')[2]}", err=True)
        help_command = f"{context.command_path} {context.help_option_names[0]}"
        typer.echo(t("Try '{command}' for help.", lang, command=help_command) + "\n", err=True)
    typer.echo(f"{t('error', lang)}: {_usage_message(error, lang)}", err=True)


def _usage_message(error: Any, lang: str) -> str:
    from .i18n import t

    param = getattr(error, "param", None)
    hint = None
    if param is not None:
        argument = param.param_type_name == "argument"
        hint = param.make_metavar(error.ctx) if argument and error.ctx else "/".join(param.opts)
    kind = type(error).__name__
    if kind == "NoSuchOption":
        text = t("unknown option {option}", lang, option=error.option_name)
        if error.possibilities:
            text += t("; did you mean: {options}?", lang, options=", ".join(sorted(error.possibilities)))
        return str(text)
    if kind == "MissingParameter":
        return t("missing {what}", lang, what=hint or "")
    if kind == "BadParameter" and param is not None:
        choices = getattr(param.type, "choices", None)
        if choices:
            values = ", ".join(str(getattr(c, "value", c)) for c in choices)
            return t("invalid value for {option}; use one of: {choices}", lang, option=hint, choices=values)
        if "not a valid" in str(error.message):
            return t("invalid value for {option}: a whole number", lang, option=hint)
        if getattr(param.type, "min", None) is not None:
            return t("invalid value for {option}: at least {low}", lang, option=hint, low=param.type.min)
    message = str(error.format_message())
    if message.startswith("No such command"):
        return t("unknown command {command}", lang, command=message.partition(" command ")[2].rstrip("."))
    return t("invalid use: {message}", lang, message=message)


app = typer.Typer(
    name="llmkg",
    cls=_Group,
    help="Explore a knowledge graph of the history of language models, from ELIZA to DeepSeek-R1.",
    epilog=_examples(
        "llmkg timeline 2017 2025",
        "llmkg lineage gpt-4o",
        "llmkg --lang ko show 환각",
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@dataclass
class Settings:
    data: list[str] | None
    lang: str


def _version(value: bool) -> None:
    if value:
        typer.echo(f"llmkg {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        Optional[list[str]],
        typer.Option(
            "--data",
            metavar="DIR",
            help="Read the data from DIR (a directory of .yaml files, or one file) instead of the "
            "packaged data; repeat to combine. Default: $LLMKG_DATA, else the packaged data.",
        ),
    ] = None,
    lang: Annotated[
        Lang,
        typer.Option(
            "--lang",
            envvar="LLMKG_LANG",
            metavar="LANG",
            help="Language of names, summaries, headings and messages: en or ko (Korean).",
        ),
    ] = Lang.en,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    ctx.obj = Settings(data, lang.value)


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", metavar="FORMAT", help="Output format: table, json, csv or md."),
]
NameArgument = Annotated[
    str, typer.Argument(metavar="NAME", help="The record: an id, name, alias or Korean label.")
]


def _settings(ctx: typer.Context) -> Settings:
    settings = ctx.find_object(Settings)
    return settings if settings is not None else Settings(None, "en")


def _graph(ctx: typer.Context) -> "KnowledgeGraph":
    import llmkg

    return llmkg.load(_settings(ctx).data)


def _output(ctx: typer.Context, fmt: Format) -> "Output":
    from .render import Output

    return Output(fmt.value, _settings(ctx).lang)


def _label(lang: str) -> "Callable[[AnyRecord], str]":
    from .i18n import t

    def label(record: "AnyRecord") -> str:
        detail = ", ".join(filter(None, [record.date, t(record.kind, lang)]))
        return f"{record.label(lang)} ({detail})"

    return label


HUB_LIMIT = 10  # records of each kind `neighbours` shows by default
HUB_NOTE = (
    "{n} more records and {m} more relations not shown; --all shows them all, --limit N shows N of each kind"
)


def _note(message: str) -> None:
    typer.echo(message, err=True)


def _chosen(kg: "KnowledgeGraph", name: str, lang: str) -> str:
    """The id of the record `name` stands for, saying on stderr when it could mean others too."""
    from .views import choice_note

    choice = kg.choose(name)
    if choice.others or choice.reason != "name":
        _note(choice_note(choice, name, lang))
    return str(choice.record.id)


@app.command(
    cls=_Command,
    short_help="List dated records oldest first, grouped by year.",
    epilog=_examples("llmkg timeline 2017 2025", "llmkg timeline 2023 --org google --all"),
)
def timeline(
    ctx: typer.Context,
    start: Annotated[
        Optional[str],
        typer.Argument(metavar="[START]", help="First year (or YYYY-MM / YYYY-MM-DD) to include."),
    ] = None,
    end: Annotated[
        Optional[str],
        typer.Argument(metavar="[END]", help="Last year (or YYYY-MM / YYYY-MM-DD) to include."),
    ] = None,
    kind: Annotated[
        Optional[list[str]],
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="Only records of this kind (model, system, paper, dataset, concept); repeatable.",
        ),
    ] = None,
    org: Annotated[
        Optional[str],
        typer.Option("--org", "-o", metavar="ORG", help="Only records of this organization (and its parts)."),
    ] = None,
    show_all: Annotated[
        bool,
        typer.Option("--all", "-a", help="Include minor records (by default only landmark and major ones)."),
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """List dated records oldest first, grouped by year."""
    from . import views
    from .i18n import t

    kg = _graph(ctx)
    result = kg.timeline(start, end, kinds=kind, org=org, include_all=show_all)
    out = _output(ctx, fmt)
    out.emit(lambda: views.timeline_json(result), lambda: [views.timeline_rows(kg, result, out.lang)])
    if result.hidden and not show_all:
        _note(t("{n} more with --all", out.lang, n=result.hidden))


@app.command(
    cls=_Command,
    short_help="Show where a record came from, or what came from it.",
    epilog=_examples("llmkg lineage gpt-4o", "llmkg lineage llama-2 --descendants --depth 2"),
)
def lineage(
    ctx: typer.Context,
    name: NameArgument,
    descendants: Annotated[
        bool,
        typer.Option("--descendants", "-d", help="Show what came from NAME instead of where it came from."),
    ] = False,
    depth: Annotated[
        Optional[int],
        typer.Option("--depth", "-n", min=1, metavar="N", help="Follow at most N generations."),
    ] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Show where a record came from (or, with --descendants, what came from it)."""
    from . import views
    from .i18n import t

    kg = _graph(ctx)
    out = _output(ctx, fmt)
    result = kg.lineage(_chosen(kg, name, out.lang), descendants=descendants, depth=depth)
    out.emit(
        lambda: views.lineage_json(result),
        lambda: [views.lineage_rows(result, out.lang)],
        lambda: out.tree(result, _label(out.lang)),
    )
    if fmt is Format.table and not (result.ancestors or result.descendants):
        _note(t("no lineage recorded", out.lang))


@app.command(
    name="neighbours",
    cls=_Command,
    short_help="Show the records around NAME and the relations between them.",
    epilog=_examples("llmkg neighbours transformer", "llmkg neighbours gpt-4o --depth 2 --all"),
)
def neighbors(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(metavar="NAME", help="The record at the centre: an id, name, alias or Korean label."),
    ],
    depth: Annotated[
        int, typer.Option("--depth", "-n", min=1, metavar="N", help="Look up to N edges away.")
    ] = 1,
    relation: Annotated[
        Optional[list[str]],
        typer.Option(
            "--relation",
            "-r",
            metavar="RELATION",
            help="Follow only this relation (e.g. uses, is_a); repeatable.",
        ),
    ] = None,
    limit: Annotated[
        Optional[int],
        typer.Option(
            "--limit",
            "-l",
            min=1,
            metavar="N",
            help=f"Show the N most notable records of each kind (default: {HUB_LIMIT}; JSON: all).",
        ),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", "-a", help="Show every record and relation.")] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Show the records around NAME and the relations between them."""
    from . import views
    from .i18n import t

    kg = _graph(ctx)
    out = _output(ctx, fmt)
    # A hub has hundreds of neighbours: a table shows the most notable of each kind unless asked;
    # JSON, read by programs, keeps everything unless --limit is given.
    per_kind = None if show_all else limit or (None if fmt is Format.json else HUB_LIMIT)
    rid = _chosen(kg, name, out.lang)
    result = kg.neighbors(rid, depth=depth, relations=relation, per_kind=per_kind)
    if result.hidden:
        _note(t(HUB_NOTE, out.lang, n=result.hidden, m=result.hidden_edges))
    out.emit(
        lambda: views.neighbors_json(result),
        lambda: [views.neighbors_rows(kg, result, out.lang), views.edge_rows(kg, result, out.lang)],
    )


app.command(name="neighbors", cls=_Command, hidden=True, help="Alias of neighbours.")(neighbors)


@app.command(
    cls=_Command,
    short_help="Print every field of a record, its relations and its sources.",
    epilog=_examples('llmkg show "DeepSeek-R1"', "llmkg show gpt-4o --format json"),
)
def show(
    ctx: typer.Context,
    name: NameArgument,
    fmt: FormatOption = Format.table,
) -> None:
    """Print every field of a record, its relations and its sources."""
    from . import views

    kg = _graph(ctx)
    out = _output(ctx, fmt)
    record = kg[_chosen(kg, name, out.lang)]
    out.emit(
        lambda: views.record_json(kg, record),
        lambda: [views.show_rows(kg, record, out.lang)],
        lambda: out.card(views.show_rows(kg, record, out.lang)),
    )


@app.command(
    cls=_Command,
    short_help="Find records by name, alias, Korean label or summary.",
    epilog=_examples("llmkg search trasformer", "llmkg search 트랜스포머 --limit 3"),
)
def search(
    ctx: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            metavar="QUERY", help="Words to look for in names, aliases, Korean labels and summaries."
        ),
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-l", min=1, metavar="N", help="Show at most N results.")
    ] = 10,
    fmt: FormatOption = Format.table,
) -> None:
    """Find records by name, alias, Korean label or summary (typos tolerated)."""
    from . import views
    from .i18n import t

    kg = _graph(ctx)
    hits = kg.search(query, limit=limit)
    out = _output(ctx, fmt)
    out.emit(lambda: views.search_json(hits), lambda: [views.search_rows(hits, out.lang)])
    if not hits:
        closest = ", ".join(kg[rid].label(out.lang) for rid in kg.suggest(query))
        message = t("no record matches {query}", out.lang, query=repr(query))
        _note(message + (t("; the closest names: {names}", out.lang, names=closest) if closest else ""))


@app.command(
    cls=_Command,
    short_help="Show the shortest chain of relations between two records.",
    epilog=_examples("llmkg path bert gpt-4o", 'llmkg path "강화 학습" chatgpt'),
)
def path(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(metavar="A", help="The record where the path starts.")],
    b: Annotated[str, typer.Argument(metavar="B", help="The record where the path ends.")],
    fmt: FormatOption = Format.table,
) -> None:
    """Explain how two records connect: the shortest chain of relations between them."""
    from . import views
    from .i18n import t

    kg = _graph(ctx)
    out = _output(ctx, fmt)
    steps = kg.path(_chosen(kg, a, out.lang), _chosen(kg, b, out.lang))
    if not steps:
        _note(t("no path between {a} and {b}", out.lang, a=a, b=b))
    if steps or fmt is Format.json:
        out.emit(lambda: views.path_json(steps), lambda: [views.path_rows(steps, out.lang)])


@app.command(
    cls=_Command,
    short_help="Count records and relations; how complete the models are.",
    epilog=_examples("llmkg stats", "llmkg stats --format json"),
)
def stats(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """Count records by kind and year, edges by relation, and how complete the model records are."""
    from . import views

    result = _graph(ctx).stats()
    out = _output(ctx, fmt)
    out.emit(lambda: views.stats_json(result), lambda: views.stats_tables(result, out.lang))


@app.command(
    cls=_Command,
    short_help="Check the data; print each problem as file:line:column.",
    epilog=_examples("llmkg validate", "llmkg validate my-models/"),
)
def validate(
    ctx: typer.Context,
    directory: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="[DIR]...", help="Data directories or files to check (default: the data in use)."
        ),
    ] = None,
) -> None:
    """Check the data and print every problem as file:line:column: message — hint."""
    from .checks import check, future_dates
    from .loader import data_paths, read_dataset

    files = data_paths(directory or _settings(ctx).data)
    dataset, problems = read_dataset(files)
    problems = sorted(problems + check(dataset) + future_dates(dataset))
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        raise DataError(f"{len(problems)} problem(s) in {len(files)} file(s)")
    typer.echo(f"ok: {len(dataset.records)} records in {len(files)} file(s), no problems")


RootOption = Annotated[
    Optional[str], typer.Option("--root", metavar="NAME", help="Only the records around NAME.")
]
DepthOption = Annotated[
    int, typer.Option("--depth", "-n", min=1, metavar="N", help="With --root: up to N edges away.")
]
LineageOption = Annotated[
    Optional[str],
    typer.Option("--lineage", metavar="NAME", help="Only NAME, its ancestors and its descendants."),
]
FromOption = Annotated[
    Optional[int], typer.Option("--from", metavar="YEAR", help="Only records dated in or after YEAR.")
]
ToOption = Annotated[
    Optional[int], typer.Option("--to", metavar="YEAR", help="Only records dated in or before YEAR.")
]
KindOption = Annotated[
    Optional[list[str]],
    typer.Option("--kind", "-k", metavar="KIND", help="Only records of this kind; repeatable."),
]
LangOption = Annotated[
    Optional[Lang],
    typer.Option(
        "--lang", metavar="LANG", help="Language of the labels: en or ko (default: the global --lang)."
    ),
]


@app.command(
    cls=_Command,
    short_help="Write the graph, or a part of it, for graph tools.",
    epilog=_examples(
        "llmkg export graphml -o llm-history.graphml",
        "llmkg export mermaid --lineage llama-2",
    ),
)
def export(
    ctx: typer.Context,
    fmt: Annotated[
        str,
        typer.Argument(
            metavar="FORMAT",
            help="graphml, gexf, json, cytoscape, dot, mermaid, csv, neo4j, turtle or sqlite "
            "(see the README).",
        ),
    ],
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="File to write (default: standard output); a directory for csv and neo4j.",
        ),
    ] = None,
    root: RootOption = None,
    depth: DepthOption = 2,
    family: LineageOption = None,
    year_from: FromOption = None,
    year_to: ToOption = None,
    kind: KindOption = None,
    target: Annotated[
        str,
        typer.Option(
            "--target",
            metavar="DIALECT",
            help="graphml dialect: generic, gephi, cytoscape or yed (labels for yEd).",
        ),
    ] = "generic",
    cluster: Annotated[
        str,
        typer.Option("--cluster", metavar="GROUPING", help="dot: group nodes by kind, organization or none."),
    ] = "kind",
    rank_by_year: Annotated[
        bool, typer.Option("--rank-by-year", help="dot: one rank per year, oldest on the left.")
    ] = False,
    diagram: Annotated[
        str,
        typer.Option(
            "--diagram",
            metavar="DIAGRAM",
            help="mermaid: flowchart, timeline, or auto (timeline for --from/--to alone).",
        ),
    ] = "auto",
    no_clobber: Annotated[
        bool, typer.Option("--no-clobber", help="Refuse to replace a file that already exists.")
    ] = False,
) -> None:
    """Write the graph (or a part of it) in a format visualization and graph tools read."""
    from .exporters import export as run_export
    from .exporters.options import ExportOptions

    kg = _graph(ctx)
    selection = _selection(root, depth, family, year_from, year_to, kind)
    options = ExportOptions(
        target=target, cluster=cluster, rank_by_year=rank_by_year, diagram=diagram, no_clobber=no_clobber
    )
    written = run_export(kg, fmt, output, selection, options)
    if written.files:
        _note(f"wrote {written.nodes} nodes and {written.edges} edges to {', '.join(written.files)}")


@app.command(
    cls=_Command,
    short_help="Write an offline HTML explorer of the graph and open it.",
    epilog=_examples("llmkg view", "llmkg view --lineage llama-2 -o llama.html --no-open"),
)
def view(
    ctx: typer.Context,
    output: Annotated[
        str, typer.Option("--output", "-o", help="The HTML file to write.", metavar="FILE")
    ] = "llmkg.html",
    no_open: Annotated[
        bool, typer.Option("--no-open", help="Only write the file; do not open it in a browser.")
    ] = False,
    root: RootOption = None,
    depth: DepthOption = 2,
    family: LineageOption = None,
    year_from: FromOption = None,
    year_to: ToOption = None,
    kind: KindOption = None,
    lang: LangOption = None,
) -> None:
    """Write an interactive explorer (graph, timeline, search, cards) as one offline HTML file and open it."""
    from pathlib import Path

    from .viewer import open_in_browser, write

    selection = _selection(root, depth, family, year_from, year_to, kind)
    language = lang.value if lang else _settings(ctx).lang
    written = write(_graph(ctx), selection, Path(output), language)
    _note(
        f"wrote {written.nodes} records and {written.edges} relations to {written.path} "
        f"({written.size / 1e6:.1f} MB)"
    )
    if no_open or not open_in_browser(written.path):
        typer.echo(str(written.path.resolve()))


@app.command(
    cls=_Command,
    short_help="Draw parameters, compute, releases per year or the family tree.",
    epilog=_examples("llmkg chart params", "llmkg chart tree --lineage llama-2 -o llama.png"),
)
def chart(
    ctx: typer.Context,
    kind_of_chart: Annotated[
        str, typer.Argument(metavar="KIND", help="params, compute, releases or tree (see the README).")
    ],
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write FILE.svg, .png or .pdf (default: a text chart)."
        ),
    ] = None,
    by: Annotated[
        str,
        typer.Option(
            "--by", metavar="GROUPING", help="releases: stack the bars by organization or openness."
        ),
    ] = "openness",
    root: RootOption = None,
    depth: DepthOption = 2,
    family: LineageOption = None,
    year_from: FromOption = None,
    year_to: ToOption = None,
    kind: KindOption = None,
    lang: LangOption = None,
) -> None:
    """Draw a figure from the data: parameters or compute over time, releases per year, the family tree."""
    from .charts import draw

    selection = _selection(root, depth, family, year_from, year_to, kind)
    language = lang.value if lang else _settings(ctx).lang
    drawn = draw(_graph(ctx), kind_of_chart, selection, output, language, by)
    if output and drawn:
        _note(f"wrote {drawn} to {output}")


def _selection(
    root: Optional[str],
    depth: int,
    family: Optional[str],
    year_from: Optional[int],
    year_to: Optional[int],
    kinds: Optional[list[str]],
) -> "Selection":
    """The part of the graph the selection options of export, view and chart name."""
    from .exporters.select import Selection

    return Selection(
        root=root, depth=depth, lineage=family, year_from=year_from, year_to=year_to, kinds=kinds
    )


def _report(error: LlmkgError) -> None:
    from .i18n import t

    lang = getattr(error, "lang", "en")
    message = t(error.template, lang, **error.values) if lang != "en" else str(error)
    typer.echo(f"llmkg: {t('error', lang)}: {escape_controls(message)}", err=True)
    problems = getattr(error, "problems", [])
    for problem in problems[:50]:
        typer.echo(f"  {problem}", err=True)
    if len(problems) > 50:
        typer.echo(f"  … and {len(problems) - 50} more; run `llmkg validate` to see them all", err=True)


class Stopped(BaseException):
    """Ctrl-C or SIGTERM, raised where the program is so that clean-up (temporary files) still runs.

    A BaseException of its own, so that no library turns it into something else on the way out
    (typer, for one, turns KeyboardInterrupt into a silent exit).
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, _frame: object) -> None:
    raise Stopped(signum)


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn every failure into a message and an exit code."""
    import signal

    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, _on_signal)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", DataWarning)
            warnings.showwarning = _show_warning
            code = app(args=argv, prog_name="llmkg", standalone_mode=False)
    except LlmkgError as error:
        _report(error)
        code = error.exit_code
    except typer.Exit as done:
        code = done.exit_code
    except (KeyboardInterrupt, typer.Abort):
        typer.echo("llmkg: interrupted", err=True)
        code = EXIT_INTERRUPTED
    except Stopped as stop:
        interrupted = stop.signum == signal.SIGINT
        typer.echo(f"llmkg: {'interrupted' if interrupted else 'terminated'}", err=True)
        code = EXIT_INTERRUPTED if interrupted else EXIT_TERMINATED
    except BrokenPipeError:
        # The reader went away (`llmkg timeline --all | head -1`): stop quietly.
        _silence_stdout()
        code = 0
    except OSError as error:
        code = _failed_output(error)
    except Exception as error:
        # Usage errors of the command-line parser: they know how to show themselves.
        show = getattr(error, "show", None)
        if show is None:
            raise
        show()
        code = getattr(error, "exit_code", EXIT_USAGE) or EXIT_USAGE
    try:
        sys.stdout.flush()  # here, not at interpreter exit, where a failure could only be ignored
    except BrokenPipeError:
        _silence_stdout()
    except OSError as error:
        code = _failed_output(error)
    sys.exit(code if isinstance(code, int) else 0)


_show_other_warning = warnings.showwarning


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    """A warning about the data is one line on stderr, like an error; others show as Python's do."""
    if issubclass(category, DataWarning):
        typer.echo(f"llmkg: warning: {escape_controls(str(message))}", err=True)
    else:
        _show_other_warning(message, category, filename, lineno, file, line)


def _failed_output(error: OSError) -> int:
    """A write that failed (a full disk, a closed terminal): one line, exit 1, nothing more written."""
    what = str(error.filename) if error.filename else "cannot write output"
    _silence_stdout()
    try:
        sys.stderr.write(f"llmkg: error: {what}: {error.strerror or error}\n")
        sys.stderr.flush()
    except OSError:
        pass  # stderr is failing too: the exit status is all that is left
    return EXIT_DATA


def _silence_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered goes nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # not a real file (tests capture output in memory)
