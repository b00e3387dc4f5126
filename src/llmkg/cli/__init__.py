"""The llmkg command line: `app` (typer) and `main`, its entry point.

`options` holds what commands share (formats, NAME, the selection options), `commands` the
commands themselves, `app` the application and the turning of failures into exit codes.
"""

from . import commands as _commands  # noqa: F401  (registers the commands on the app)
from .app import Stopped, app, main

__all__ = ["Stopped", "app", "main"]
