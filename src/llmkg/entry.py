"""The console script: import the command line, turning a Ctrl-C that lands during start-up
into the same one-line message and exit status 130 as one that lands later.

`llmkg --version` and `llmkg --help` are answered here, before the command-line framework is
imported, so that they take hardly longer than starting Python: the help text is the framework's
own, kept in help_text.py (tests check that it is current; scripts/update_help.py rewrites it).
"""

from __future__ import annotations

import os
import sys


def _answer(text: str) -> None:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    except OSError as error:
        sys.stderr.write(f"llmkg: error: cannot write output: {error.strerror or error}\n")
        _quiet_stdout()
        raise SystemExit(1) from None
    _quiet_stdout()
    raise SystemExit(0)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that Python's own flush at exit has nothing left to fail on."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    arguments = sys.argv[1:]
    if arguments == ["--version"]:
        from . import __version__

        _answer(f"llmkg {__version__}\n")
    if arguments in (["--help"], ["-h"]):
        from .help_text import TOP_LEVEL

        _answer(TOP_LEVEL)
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("llmkg: interrupted\n")
        raise SystemExit(130) from None
    run()
