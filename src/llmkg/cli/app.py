"""The command-line application: the typer app and its global options, and `main`, where every
failure becomes a message and an exit code (in the user's language).

Only typer and llmkg's own light modules are imported at the top, so that `llmkg --version`,
`--help` and shell completion never load networkx, pydantic or YAML.
"""

import functools
import os
import sys
import threading
import warnings
from dataclasses import dataclass
from typing import Annotated, Any, Optional, TextIO

import typer
from typer.core import TyperGroup

from ..errors import (
    EXIT_DATA,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    EXIT_USAGE,
    DataWarning,
    LlmkgError,
    escape_controls,
)
from ..version import __version__
from .options import Lang, examples

# The language of the messages of this run (warnings, interruptions): English until the options
# of `llmkg` itself are parsed.
_said_in = ["en"]


class _Group(TyperGroup):
    """The command group; an error leaving a command learns the language to be reported in."""

    def invoke(self, ctx: Any) -> Any:
        # The options of `llmkg` itself are parsed by now, even when the command is unknown.
        given = ctx.params.get("lang") or "en"
        lang = str(getattr(given, "value", given))
        _said_in[0] = lang
        try:
            return super().invoke(ctx)
        except Exception as error:
            if lang != "en":
                if isinstance(error, LlmkgError):
                    error.lang = lang  # type: ignore[attr-defined]
                elif callable(getattr(error, "show", None)) and hasattr(error, "format_message"):
                    error.show = functools.partial(_show_usage_error, error, lang)  # type: ignore[attr-defined]
            raise


def _show_usage_error(error: Any, lang: str, file: object = None) -> None:
    """A parser's usage error (unknown option, bad value, missing argument) in `lang`."""
    from ..i18n import t

    context = getattr(error, "ctx", None)
    if context is not None:
        typer.echo(f"{t('Usage:', lang)} {context.get_usage().partition(' ')[2]}", err=True)
        help_command = f"{context.command_path} {context.help_option_names[0]}"
        typer.echo(t("Try '{command}' for help.", lang, command=help_command) + "\n", err=True)
    typer.echo(f"{t('error', lang)}: {_usage_message(error, lang)}", err=True)


def _usage_message(error: Any, lang: str) -> str:
    from ..i18n import t

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
    epilog=examples(
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


def settings(ctx: typer.Context) -> Settings:
    """The global options, as given before the command."""
    found = ctx.find_object(Settings)
    return found if found is not None else Settings(None, "en")


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


def _report(error: LlmkgError) -> None:
    from ..i18n import t

    lang = getattr(error, "lang", "en")
    message = t(error.template, lang, **error.values) if lang != "en" else str(error)
    typer.echo(f"llmkg: {t('error', lang)}: {escape_controls(message)}", err=True)
    problems = getattr(error, "problems", [])
    for problem in problems[:50]:
        typer.echo(f"  {problem.say(lang)}", err=True)
    if len(problems) > 50:
        more = t("… and {n} more; run `llmkg validate` to see them all", lang, n=len(problems) - 50)
        typer.echo(f"  {more}", err=True)


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


# The global options that take a value, so the command's name can be found after them.
_VALUED = {"--data", "--lang"}


def _only_the_command_asked(whole: typer.Typer, argv: list[str]) -> typer.Typer:
    """The app with only the command the arguments name, when they name one: typer builds each
    registered command from its function's signature on every run (a tenth of a second's work
    for all of them), and a run needs one. Anything else — no command, an unknown one (whose
    message lists the others), completion — gets the whole app."""
    position = 0
    while position < len(argv) and argv[position].startswith("-"):
        option = argv[position].split("=", 1)[0]
        if option not in _VALUED and option != "--version":
            return whole  # --help, --install-completion and the like see every command
        position += 1 if "=" in argv[position] or option == "--version" else 2
    if position >= len(argv):
        return whole
    asked = argv[position]
    chosen = [c for c in whole.registered_commands if (c.name or c.callback.__name__) == asked]  # type: ignore[union-attr]
    if not chosen:
        return whole
    narrow = typer.Typer()
    narrow.__dict__.update(whole.__dict__)
    narrow.registered_commands = chosen
    return narrow


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn every failure into a message and an exit code."""
    import signal

    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, _on_signal)
    _said_in[0] = "en"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", DataWarning)
            warnings.showwarning = _show_warning
            code = _only_the_command_asked(app, sys.argv[1:] if argv is None else argv)(
                args=argv, prog_name="llmkg", standalone_mode=False
            )
    except LlmkgError as error:
        _report(error)
        code = error.exit_code
    except typer.Exit as done:
        code = done.exit_code
    except (KeyboardInterrupt, typer.Abort):
        typer.echo(f"llmkg: {_said('interrupted')}", err=True)
        code = EXIT_INTERRUPTED
    except Stopped as stop:
        interrupted = stop.signum == signal.SIGINT
        typer.echo(f"llmkg: {_said('interrupted' if interrupted else 'terminated')}", err=True)
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
    """A warning about the data is one line on stderr, like an error, in the user's language; others
    show as Python's do."""
    if issubclass(category, DataWarning):
        from ..i18n import say

        text = message.args[0] if isinstance(message, Warning) and message.args else message
        said = say(text, _said_in[0])
        typer.echo(f"llmkg: {_said('warning')}: {escape_controls(str(said))}", err=True)
    else:
        _show_other_warning(message, category, filename, lineno, file, line)


def _said(text: str) -> str:
    """`text` in the language of this run."""
    from ..i18n import t

    return t(text, _said_in[0])


def _failed_output(error: OSError) -> int:
    """A write that failed (a full disk, a closed terminal): one line, exit 1, nothing more written."""
    from ..errors import os_reason
    from ..i18n import say

    what = str(error.filename) if error.filename else _said("cannot write output")
    reason = say(os_reason(error), _said_in[0])
    _silence_stdout()
    try:
        sys.stderr.write(f"llmkg: {_said('error')}: {what}: {reason}\n")
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
