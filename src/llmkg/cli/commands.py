"""The commands: each parses its options, asks one question (llmkg.questions) and hands the answer
to the renderer (llmkg.output); `export`, `view` and `chart` hand their selection to their feature.

Only typer and llmkg's own light modules are imported at the top; a command imports what it needs.
"""

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from .app import app, settings
from .options import (
    Command,
    Format,
    FormatOption,
    LangOption,
    NameArgument,
    examples,
    selection_options,
)

if TYPE_CHECKING:
    from ..output import Answer
    from ..questions import KnowledgeGraph
    from ..questions.selection import Selection


def _graph(ctx: typer.Context) -> "KnowledgeGraph":
    import llmkg

    return llmkg.load(settings(ctx).data)


def _answer(ctx: typer.Context, fmt: Format, answer: "Answer") -> None:
    from ..output import Output

    Output(fmt.value, settings(ctx).lang).show(answer)


def _note(message: str) -> None:
    typer.echo(message, err=True)


def _said(ctx: typer.Context, template: str, **values: object) -> None:
    """A note on stderr in the user's language."""
    from ..i18n import t

    _note(t(template, settings(ctx).lang, **values))


def _chosen(ctx: typer.Context, kg: "KnowledgeGraph", name: str) -> str:
    """The id of the record `name` stands for, saying on stderr when it could mean others too."""
    choice = kg.choose(name)
    if choice.worth_saying:
        _note(choice.note(name, settings(ctx).lang))
    return str(choice.record.id)


@app.command(
    cls=Command,
    short_help="List dated records oldest first, grouped by year.",
    epilog=examples("llmkg timeline 2017 2025", "llmkg timeline 2023 --org google --all"),
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
    kg = _graph(ctx)
    _answer(ctx, fmt, kg.timeline(start, end, kinds=kind, org=org, include_all=show_all))


@app.command(
    cls=Command,
    short_help="Show where a record came from, or what came from it.",
    epilog=examples("llmkg lineage gpt-4o", "llmkg lineage llama-2 --descendants --depth 2"),
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
    kg = _graph(ctx)
    _answer(ctx, fmt, kg.lineage(_chosen(ctx, kg, name), descendants=descendants, depth=depth))


@app.command(
    name="neighbours",
    cls=Command,
    short_help="Show the records around NAME and the relations between them.",
    epilog=examples("llmkg neighbours transformer", "llmkg neighbours gpt-4o --depth 2 --all"),
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
            help="Show the N most notable records of each kind (default: 10; JSON: all).",
        ),
    ] = None,
    show_all: Annotated[bool, typer.Option("--all", "-a", help="Show every record and relation.")] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Show the records around NAME and the relations between them."""
    kg = _graph(ctx)
    rid = _chosen(ctx, kg, name)
    _answer(ctx, fmt, kg.neighbors(rid, depth=depth, relations=relation, per_kind=limit, show_all=show_all))


app.command(name="neighbors", cls=Command, hidden=True, help="Alias of neighbours.")(neighbors)


@app.command(
    cls=Command,
    short_help="Print every field of a record, its relations and its sources.",
    epilog=examples('llmkg show "DeepSeek-R1"', "llmkg show gpt-4o --format json"),
)
def show(ctx: typer.Context, name: NameArgument, fmt: FormatOption = Format.table) -> None:
    """Print every field of a record, its relations and its sources."""
    kg = _graph(ctx)
    _answer(ctx, fmt, kg.show(_chosen(ctx, kg, name)))


@app.command(
    cls=Command,
    short_help="Find records by name, alias, Korean label or summary.",
    epilog=examples("llmkg search trasformer", "llmkg search 트랜스포머 --limit 3"),
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
    _answer(ctx, fmt, _graph(ctx).search(query, limit=limit))


@app.command(
    cls=Command,
    short_help="Show the shortest chain of relations between two records.",
    epilog=examples("llmkg path bert gpt-4o", 'llmkg path "강화 학습" chatgpt'),
)
def path(
    ctx: typer.Context,
    a: Annotated[str, typer.Argument(metavar="A", help="The record where the path starts.")],
    b: Annotated[str, typer.Argument(metavar="B", help="The record where the path ends.")],
    fmt: FormatOption = Format.table,
) -> None:
    """Explain how two records connect: the shortest chain of relations between them."""
    kg = _graph(ctx)
    steps = kg.path(_chosen(ctx, kg, a), _chosen(ctx, kg, b))
    steps.a, steps.b = a, b  # the names as typed, for the note when there is no path
    _answer(ctx, fmt, steps)


@app.command(
    name="licence",
    cls=Command,
    short_help="What a model may be used for, through its lineage's licences.",
    epilog=examples("llmkg licence alpaca", "llmkg licence zephyr --format json", "llmkg licence --check"),
)
def licence(
    ctx: typer.Context,
    name: Annotated[
        Optional[str], typer.Argument(metavar="[NAME]", help="The model: an id, name, alias or Korean label.")
    ] = None,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="List every model whose licence grants more than an upstream one allows."
        ),
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """What a model may be used for: its licence and those of the models it was fine-tuned,
    distilled or derived from, the obligations that flow down, a verdict on commercial use
    (yes, no, conditional or unknown) and any conflict. Not legal advice."""
    from ..errors import UsageError

    kg = _graph(ctx)
    if check == (name is not None):
        raise UsageError("give a model's NAME, or --check for the whole graph")
    _answer(ctx, fmt, kg.licence_conflicts() if check else kg.licence(_chosen(ctx, kg, name or "")))


app.command(name="license", cls=Command, hidden=True, help="Alias of licence.")(licence)


@app.command(
    cls=Command,
    short_help="Count records and relations; how complete the models are.",
    epilog=examples("llmkg stats", "llmkg stats --format json"),
)
def stats(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """Count records by kind and year, edges by relation, and how complete the model records are."""
    _answer(ctx, fmt, _graph(ctx).stats())


@app.command(
    cls=Command,
    short_help="Check the data; print each problem as file:line:column.",
    epilog=examples("llmkg validate", "llmkg validate my-models/"),
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
    from ..checks import check, future_dates
    from ..errors import DataError
    from ..i18n import count, t
    from ..loader import data_paths, read_dataset

    lang = settings(ctx).lang
    files = data_paths(directory or settings(ctx).data)
    dataset, problems = read_dataset(files)
    problems = sorted(problems + check(dataset) + future_dates(dataset))
    for problem in problems:
        typer.echo(problem.say(lang))
    if problems:
        having = len({problem.file for problem in problems})  # the files that have problems
        raise DataError(
            "{found} in {files}", found=count(len(problems), "problem"), files=count(having, "file")
        )
    records, read = count(len(dataset.records), "record"), count(len(files), "file")
    typer.echo(t("ok: {records} in {files}, no problems", lang, records=records, files=read))


def _format_help() -> str:
    from ..exporters import format_names

    return f"{format_names()} (see the README)."


@app.command(
    cls=Command,
    short_help="Write the graph, or a part of it, for graph tools.",
    epilog=examples(
        "llmkg export graphml -o llm-history.graphml",
        "llmkg export mermaid --lineage llama-2",
    ),
)
@selection_options
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Argument(metavar="FORMAT", help=_format_help())],
    output: Annotated[
        Optional[str],
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="File to write (default: standard output); a directory for csv and neo4j.",
        ),
    ] = None,
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
    *,
    selection: "Selection",
) -> None:
    """Write the graph (or a part of it) in a format visualization and graph tools read."""
    from ..exporters import export as run_export
    from ..exporters.options import ExportOptions

    options = ExportOptions(
        target=target, cluster=cluster, rank_by_year=rank_by_year, diagram=diagram, no_clobber=no_clobber
    )
    written = run_export(_graph(ctx), fmt, output, selection, options)
    if written.files:
        _said(
            ctx,
            "wrote {nodes} nodes and {edges} edges to {files}",
            nodes=written.nodes,
            edges=written.edges,
            files=", ".join(written.files),
        )


@app.command(
    cls=Command,
    short_help="Write an offline HTML explorer of the graph and open it.",
    epilog=examples("llmkg view", "llmkg view --lineage llama-2 -o llama.html --no-open"),
)
@selection_options
def view(
    ctx: typer.Context,
    output: Annotated[
        str, typer.Option("--output", "-o", help="The HTML file to write.", metavar="FILE")
    ] = "llmkg.html",
    no_open: Annotated[
        bool, typer.Option("--no-open", help="Only write the file; do not open it in a browser.")
    ] = False,
    lang: LangOption = None,
    *,
    selection: "Selection",
) -> None:
    """Write an interactive explorer (graph, timeline, search, cards) as one offline HTML file and open it."""
    from pathlib import Path

    from ..viewer import open_in_browser, write

    language = lang.value if lang else settings(ctx).lang
    written = write(_graph(ctx), selection, Path(output), language)
    _said(
        ctx,
        "wrote {records} records and {relations} relations to {path} ({size:.1f} MB)",
        records=written.nodes,
        relations=written.edges,
        path=str(written.path),
        size=written.size / 1e6,
    )
    if no_open or not open_in_browser(written.path):
        typer.echo(str(written.path.resolve()))


@app.command(
    cls=Command,
    short_help="Draw the evolutionary tree, parameters, compute or releases.",
    epilog=examples(
        "llmkg chart tree -o tree.svg",
        "llmkg chart params",
        "llmkg chart tree --lineage llama-2 -o llama.png",
    ),
)
@selection_options
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
    file_format: Annotated[
        Optional[str],
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="svg, png or pdf (default: from the file's suffix; needed for a file without one).",
        ),
    ] = None,
    by: Annotated[
        str,
        typer.Option(
            "--by", metavar="GROUPING", help="releases: stack the bars by organization or openness."
        ),
    ] = "openness",
    size: Annotated[
        str, typer.Option("--size", metavar="SIZE", help="tree: slide (16:9, the default) or poster (A1).")
    ] = "slide",
    everything: Annotated[
        bool,
        typer.Option(
            "--all", "-a", help="tree: draw minor models too (by default counted on their ancestors)."
        ),
    ] = False,
    lang: LangOption = None,
    *,
    selection: "Selection",
) -> None:
    """Draw a figure from the data: parameters or compute over time, releases per year, or the
    evolutionary tree of language models."""
    from ..charts import draw

    language = lang.value if lang else settings(ctx).lang
    drawn = draw(_graph(ctx), kind_of_chart, selection, output, language, by, file_format, size, everything)
    if output and drawn:
        _said(ctx, "wrote {what} to {path}", what=drawn, path=output)


@app.command(
    cls=Command,
    short_help="Serve the graph to AI assistants: an MCP server on stdio.",
    epilog=examples("llmkg mcp", "claude mcp add llmkg -- llmkg mcp"),
)
def mcp(ctx: typer.Context) -> None:
    """Serve the graph to AI assistants: a Model Context Protocol (MCP) server on stdin and stdout.

    Each question is a tool (search, show, lineage, timeline, neighbours, path, stats, licence) that
    answers with its command's --format json; each record is also the resource llmkg://record/ID.
    Point an MCP client (Claude Desktop, Claude Code, …) at `llmkg mcp`; stop it with Ctrl-C. Needs
    the mcp extra: pip install 'llmkg[mcp]'.
    """
    from ..mcp import serve

    serve(settings(ctx).data, settings(ctx).lang)
