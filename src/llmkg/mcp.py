"""`llmkg mcp`: the questions as the tools of a Model Context Protocol server on stdin and stdout.

A tool is one function in `TOOLS` (`@tool`): its docstring is the description an assistant picks
it by, its typed arguments (after `ask`) the tool's input schema, and it asks one question of the
`KnowledgeGraph`, turning names into records with `ask.chosen` as the command line does. Its
answer's JSON, exactly the command's `--format json`, goes back as structured content (a list
wrapped as `{"result": [...]}`, as the protocol wants an object) and as text; what the command
line says on stderr (what a name was taken for, how many more `--all` shows) follows as more text.
An llmkg error (an unknown name, a bad year) is an error result with the command line's message.

The SDK (the `mcp` package, installed by the `mcp` extra) is imported only inside the functions
that start and run the server, so no other command pays for it. The index is opened once, when
the server starts, and every call is answered on the thread that opened it.
"""

from __future__ import annotations

import inspect
import json
import sys
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field

from .errors import EXIT_INTERRUPTED, EXIT_TERMINATED, LlmkgError, NotFoundError, UsageError, escape_controls
from .i18n import LANGS, t
from .output import Answer
from .vocabulary import KINDS

if TYPE_CHECKING:
    from mcp.server.mcpserver import MCPServer
    from mcp.types import CallToolResult

    from .questions import KnowledgeGraph

NO_SDK = "the MCP server needs the mcp package (version 2): pip install 'llmkg[mcp]'"
SERVING = "serving {n} records over the Model Context Protocol on stdin and stdout"
INSTRUCTIONS = """\
llmkg is a sourced knowledge graph of the history of language models: models, systems, papers, \
datasets, organizations and concepts, joined by typed relations. Every record carries its sources \
(`show`); every lineage link its evidence (`stated` by the developer, `reported` by a third party or \
`inferred` from naming and timing) and source. Cite them. Names are matched as the llmkg command line \
matches them (ids, names, aliases, Korean labels; case and punctuation ignored); when unsure of a \
name, `search` first. Answers are the JSON of `llmkg COMMAND --format json`."""


class Ask:
    """One tool call: the graph, the language of the notes, and the notes the call gathers."""

    def __init__(self, kg: KnowledgeGraph, lang: str = "en") -> None:
        self.kg = kg
        self.lang = lang
        self.notes: list[str] = []

    def chosen(self, name: str) -> str:
        """The id of the record `name` stands for (as the command line chooses it), noting when it
        could mean others too."""
        choice = self.kg.choose(name)
        if choice.worth_saying:
            self.notes.append(choice.note(name, self.lang))
        return str(choice.record.id)


TOOLS: list[Callable[..., Answer]] = []


def tool(ask: Callable[..., Answer]) -> Callable[..., Answer]:
    """Make `ask` a tool of the server, named after the function."""
    TOOLS.append(ask)
    return ask


Name = Annotated[
    str,
    Field(
        description="A record: an id, name, alias, checkpoint name or Korean label, case and punctuation "
        "ignored ('gpt-4o', 'GPT4o', 'Llama 2', '트랜스포머'). A family's or an organization's name "
        "('llama', 'mistral') gives its newest major model or the organization, with a note."
    ),
]


@tool
def search(
    ask: Ask,
    query: Annotated[
        str,
        Field(
            description="Words to look for in names, aliases, Korean labels and summaries; typos are fine."
        ),
    ],
    limit: Annotated[int, Field(ge=1, description="At most this many results.")] = 10,
) -> Answer:
    """Find records by name, alias, Korean label or summary, best first, typos tolerated (`llmkg
    search`). Each hit has its id, name, kind, aliases, a score (100 an exact name, 70-97 a similar
    name, 40-65 a match in a summary only) and what matched. Use it to find the id of a model,
    paper, organization or concept before asking the other tools about it."""
    return ask.kg.search(query, limit=limit)


@tool
def show(ask: Ask, name: Name) -> Answer:
    """Every field of one record (`llmkg show`): kind, name, date, organizations, parameters,
    architecture, openness, licence, summary in English and Korean, checkpoints, where sources
    disagree (`disputes`), its `sources`, and every relation touching it with the relation's
    evidence grade and source."""
    return ask.kg.show(ask.chosen(name))


@tool
def lineage(
    ask: Ask,
    name: Name,
    descendants: Annotated[
        bool,
        Field(description="What came from the record (fine-tunes, successors) instead of its ancestors."),
    ] = False,
    depth: Annotated[
        int | None, Field(ge=1, description="Follow at most this many generations (default: all).")
    ] = None,
) -> Answer:
    """Where a record came from, generation by generation, back to the Transformer, attention, the
    LSTM and the RNN (or, with `descendants`, what came from it) (`llmkg lineage`). Each relative
    has its depth, the relation (successor_of, fine_tuned_from, based_on, …) and the link's
    evidence: `stated` by the developer, `reported` by a third party or `inferred`."""
    return ask.kg.lineage(ask.chosen(name), descendants=descendants, depth=depth)


@tool
def timeline(
    ask: Ask,
    start: Annotated[
        int | str | None,
        Field(description="The first year (2017) or date (2023-03, 2023-03-14) to include."),
    ] = None,
    end: Annotated[
        int | str | None,
        Field(description="The last year or date to include."),
    ] = None,
    kind: Annotated[
        list[str] | None,
        Field(
            description=f"Only records of these kinds: {', '.join(KINDS)} (default: all but organization)."
        ),
    ] = None,
    org: Annotated[
        str | None,
        Field(description="Only records of this organization and its parts ('google' includes DeepMind)."),
    ] = None,
    all: Annotated[  # the command's --all
        bool,
        Field(description="Include minor records too (by default only landmark and major ones)."),
    ] = False,
) -> Answer:
    """Dated records (models, systems, papers) oldest first between two years or dates (`llmkg
    timeline`), with their date, organizations, parameter count and notability. By default only
    landmark and major records; a note says how many more `all` would list."""
    return ask.kg.timeline(start, end, kinds=kind, org=org, include_all=all)


@tool
def neighbours(
    ask: Ask,
    name: Name,
    depth: Annotated[int, Field(ge=1, description="Look up to this many edges away (default 1).")] = 1,
    limit: Annotated[
        int | None,
        Field(
            ge=1,
            description="Keep the N most notable records of each kind (default: all; a well-connected "
            "record has hundreds of neighbours at depth 2).",
        ),
    ] = None,
) -> Answer:
    """The records within `depth` edges of a record, in either direction, and the typed relations
    among them (`llmkg neighbours`): the concepts a model uses, the organization that made it,
    the papers that introduced it, the models built on a concept. Nearest and most notable first."""
    return ask.kg.neighbors(ask.chosen(name), depth=depth, per_kind=limit)


@tool
def path(
    ask: Ask,
    source: Annotated[str, Field(description="The record where the path starts (a name, as for show).")],
    target: Annotated[str, Field(description="The record where the path ends.")],
) -> Answer:
    """How two records connect: the shortest chain of relations from `source` to `target`
    (`llmkg path`), lineage and typed relations preferred to "made by the same organization". Each
    step has the record, the relation and its direction; empty, with a note, when none joins them."""
    steps = ask.kg.path(ask.chosen(source), ask.chosen(target))
    steps.a, steps.b = source, target  # the names as given, for the note when there is no path
    return steps


@tool
def licence(ask: Ask, name: Name) -> Answer:
    """What one model may be used for (`llmkg licence`): its licence and those of every model it
    was fine-tuned, distilled or derived from (`chain`, each link with its relation and evidence
    grade), the terms that flow down (`obligations`, each quoted from the licence with its
    source), a verdict on `commercial_use` (yes, no, conditional or unknown, with `reasons`) and
    any `conflicts`. Not legal advice: say so, and say when a link is only inferred."""
    return ask.kg.licence(ask.chosen(name))


@tool
def stats(ask: Ask) -> Answer:
    """What the graph holds (`llmkg stats`): records by kind and by year, edges by relation, how
    many models have each field, and the newest date in the data (`data_through`)."""
    return ask.kg.stats()


def message(error: LlmkgError, lang: str) -> str:
    """The error's message as the command line says it, in `lang`."""
    text = t(error.template, lang, **error.values) if lang != "en" else str(error)
    return escape_controls(text)


def answer(
    ask: Callable[..., Answer], kg: KnowledgeGraph, lang: str, arguments: dict[str, Any]
) -> CallToolResult:
    """The result of one call of the tool `ask`: its answer, or its error as an error result."""
    from mcp.types import CallToolResult, TextContent

    call = Ask(kg, lang)
    try:
        found = ask(call, **arguments)
    except LlmkgError as error:
        return CallToolResult(content=[TextContent(type="text", text=message(error, lang))], is_error=True)
    data = found.json()
    notes = [*call.notes, *found.notes(lang, "json")]
    texts = [json.dumps(data, ensure_ascii=False), *notes]
    return CallToolResult(
        content=[TextContent(type="text", text=text) for text in texts],
        structured_content=data if isinstance(data, dict) else {"result": data},
    )


def server(kg: KnowledgeGraph, lang: str = "en") -> MCPServer[Any]:
    """An MCP server answering from `kg`, with a tool per function in TOOLS and each record as
    the resource llmkg://record/{id}."""
    from mcp.server.mcpserver import MCPServer
    from mcp.server.mcpserver.exceptions import ResourceNotFoundError
    from mcp.types import ToolAnnotations

    from .questions.card import Show
    from .version import __version__

    app: MCPServer[Any] = MCPServer(
        name="llmkg", version=__version__, instructions=INSTRUCTIONS, log_level="WARNING"
    )
    reading = ToolAnnotations(
        read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False
    )
    for ask in TOOLS:
        app.add_tool(
            _callable(ask, kg, lang),
            name=ask.__name__,
            description=inspect.cleandoc(ask.__doc__ or ""),
            annotations=reading,
        )

    @app.resource(
        "llmkg://record/{id}",
        name="record",
        description="One record as `llmkg show ID --format json` gives it: every field, relation and source.",
        mime_type="application/json",
    )
    async def record(id: str) -> str:  # `id`: the template's variable
        try:
            found = kg[id]  # an id exactly, as a URI names one record
        except KeyError:
            raise ResourceNotFoundError(message(NotFoundError(id, kg.suggest(id)), lang)) from None
        return json.dumps(Show(found, kg).json(), ensure_ascii=False)

    return app


def _callable(ask: Callable[..., Answer], kg: KnowledgeGraph, lang: str) -> Callable[..., Any]:
    """`ask` as the SDK calls a tool: its arguments after `ask`, with their types resolved, and
    run on the event loop's thread (the thread the index was opened in; SQLite wants it so)."""
    from mcp.types import CallToolResult

    hints = typing.get_type_hints(ask, include_extras=True)
    parameters = [
        parameter.replace(annotation=hints[parameter.name])
        for parameter in list(inspect.signature(ask).parameters.values())[1:]
    ]

    async def call(**arguments: Any) -> CallToolResult:
        return answer(ask, kg, lang, arguments)

    call.__name__ = call.__qualname__ = ask.__name__
    call.__signature__ = inspect.Signature(parameters, return_annotation=CallToolResult)  # type: ignore[attr-defined]
    call.__annotations__ = {p.name: p.annotation for p in parameters} | {"return": CallToolResult}
    return call


def serve(data: list[str] | str | None = None, lang: str = "en") -> None:
    """Load the data (as every command does: `data`, else $LLMKG_DATA, else the packaged data),
    then answer MCP requests on stdin and stdout until the client closes stdin. Logs go to stderr.

    Raises UsageError when the SDK is not installed, and what `llmkg.load` raises."""
    try:
        import mcp.server.mcpserver  # noqa: F401
    except ImportError:
        raise UsageError(NO_SDK) from None
    import llmkg

    kg = llmkg.load(data)
    app = server(kg, lang)
    _stop_on_signals()
    sys.stderr.write(f"llmkg: {t(SERVING, lang, n=f'{len(kg):,}')}\n")
    sys.stderr.flush()
    app.run("stdio")


def _stop_on_signals() -> None:
    """Ctrl-C or SIGTERM ends the server at once, with the command line's message and exit status.
    Otherwise the SDK's thread reading stdin would hold the process until stdin closes; and there
    is nothing to clean up: the index is only read."""
    import os
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return

    def stop(signum: int, _frame: object) -> None:
        interrupted = signum == signal.SIGINT
        os.write(2, f"llmkg: {'interrupted' if interrupted else 'terminated'}\n".encode())
        os._exit(EXIT_INTERRUPTED if interrupted else EXIT_TERMINATED)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop)


def main(argv: list[str] | None = None) -> None:
    """`python -m llmkg.mcp [--data DIR]... [--lang en|ko]`: `llmkg mcp` without the command
    line. An error is one line on stderr and the command line's exit status."""
    import argparse
    import os

    parser = argparse.ArgumentParser(
        prog="python -m llmkg.mcp", description="Run the llmkg MCP server on stdin and stdout."
    )
    parser.add_argument("--data", action="append", metavar="DIR", help="as `llmkg --data`")
    parser.add_argument("--lang", choices=LANGS, default=os.environ.get("LLMKG_LANG") or "en")
    options = parser.parse_args(argv)
    try:
        serve(options.data, options.lang)
    except LlmkgError as error:
        sys.stderr.write(f"llmkg: {t('error', options.lang)}: {message(error, options.lang)}\n")
        raise SystemExit(error.exit_code) from None
    except KeyboardInterrupt:
        sys.stderr.write("llmkg: interrupted\n")
        raise SystemExit(EXIT_INTERRUPTED) from None


if __name__ == "__main__":
    main()
