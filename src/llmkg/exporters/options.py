"""Format-specific export options, checked once so every writer can trust them."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from ..errors import UsageError, shown
from ..i18n import Message

if TYPE_CHECKING:
    from ..questions.selection import Selection

GRAPHML_TARGETS = ("generic", "gephi", "cytoscape", "yed")
DOT_CLUSTERS = ("none", "kind", "organization")
MERMAID_DIAGRAMS = ("auto", "flowchart", "timeline")
OPTION_NAMES = {"target": "--target", "cluster": "--cluster", "rank_by_year": "--rank-by-year",
                 "diagram": "--diagram"}  # fmt: skip


@dataclass(frozen=True)
class ExportOptions:
    target: str = "generic"  # graphml dialect
    cluster: str = "kind"  # dot: group nodes by kind or first organization
    rank_by_year: bool = False  # dot: one rank per year (lineage views read left to right in time)
    diagram: str = "auto"  # mermaid: flowchart for subgraphs, timeline for year ranges
    no_clobber: bool = False  # refuse to replace an existing file
    selection: Selection | None = None  # what was selected (a writer may shape its output by it)

    def check(self, fmt: str, applicable: dict[str, tuple[str, ...]]) -> None:
        """Refuse a value no writer knows, and an option given to a format it does not apply to
        (`applicable`: the options each format takes, from the registry)."""
        for value, allowed, option in (
            (self.target, GRAPHML_TARGETS, "--target"),
            (self.cluster, DOT_CLUSTERS, "--cluster"),
            (self.diagram, MERMAID_DIAGRAMS, "--diagram"),
        ):
            if value not in allowed:
                raise UsageError(
                    "{option} {value}: use one of {choices}",
                    option=option,
                    value=shown(value),
                    choices=", ".join(allowed),
                )
        defaults = ExportOptions()
        for field in fields(self):
            name = field.name
            given = getattr(self, name) != getattr(defaults, name)
            if name in OPTION_NAMES and name not in applicable[fmt] and given:
                owners = Message.joined([f for f, options in applicable.items() if name in options], " and ")
                raise UsageError(
                    "{option} applies to {formats} only", option=OPTION_NAMES[name], formats=owners
                )
