"""The console script: import the command line, turning a Ctrl-C that lands during start-up
into the same one-line message and exit status 130 as one that lands later."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        sys.stderr.write("llmkg: interrupted\n")
        raise SystemExit(130) from None
    run()
