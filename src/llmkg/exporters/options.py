"""Format-specific export options, checked once so every writer can trust them."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError

GRAPHML_TARGETS = ("generic", "gephi", "cytoscape", "yed")
DOT_CLUSTERS = ("none", "kind", "organization")
MERMAID_DIAGRAMS = ("auto", "flowchart", "timeline")


@dataclass(frozen=True)
class ExportOptions:
    target: str = "generic"  # graphml dialect
    cluster: str = "kind"  # dot: group nodes by kind or first organization
    rank_by_year: bool = False  # dot: one rank per year (lineage views read left to right in time)
    diagram: str = "auto"  # mermaid: flowchart for subgraphs, timeline for year ranges
    no_clobber: bool = False  # refuse to replace an existing file

    def check(self, fmt: str) -> None:
        for value, allowed, option in (
            (self.target, GRAPHML_TARGETS, "--target"),
            (self.cluster, DOT_CLUSTERS, "--cluster"),
            (self.diagram, MERMAID_DIAGRAMS, "--diagram"),
        ):
            if value not in allowed:
                raise UsageError(f"{option} {value!r}: use one of {', '.join(allowed)}")
        if self.target != "generic" and fmt != "graphml":
            raise UsageError("--target applies to graphml only")
        if self.diagram != "auto" and fmt != "mermaid":
            raise UsageError("--diagram applies to mermaid only")
