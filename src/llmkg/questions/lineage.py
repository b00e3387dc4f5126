"""`lineage`: where a record came from (its ancestors), or what came from it (its descendants)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..dag import transitive_reduction
from ..errors import UsageError
from ..i18n import t
from ..output import Answer, Branch, Rows
from ..vocabulary import INVERSE_LINEAGE, LINEAGE
from .common import LINEAGE_ORDER, brief, record_label, sort_key

if TYPE_CHECKING:
    from ..record import RecordView
    from ..store import Store


@dataclass
class LineageEntry:
    record: RecordView
    depth: int
    relation: str  # the relation joining this record to `via`
    via: str  # the id this record hangs from in the tree (the root, or a nearer relative)
    evidence: str | None = None  # stated, reported or inferred (vocabulary.EVIDENCE)


@dataclass
class Lineage(Answer):
    root: RecordView
    ancestors: list[LineageEntry] = field(default_factory=list)
    descendants: list[LineageEntry] = field(default_factory=list)

    def json(self) -> dict[str, Any]:
        def entry(e: LineageEntry) -> dict[str, Any]:
            return {
                "id": e.record.id,
                "name": e.record.name,
                "kind": e.record.kind,
                "date": e.record.date,
                "depth": e.depth,
                "relation": e.relation,
                "evidence": e.evidence,
            }

        return {
            "root": {**brief(self.root), "date": self.root.date},
            "ancestors": [entry(e) for e in self.ancestors],
            "descendants": [entry(e) for e in self.descendants],
        }

    def tables(self, lang: str) -> list[Rows]:
        headers = [t(h, lang) for h in ("Depth", "Relation", "Name", "Date", "Kind", "Id")]
        root = self.root
        # The root is depth 0, as in the tree and in JSON's "root": every format names it.
        rows = [["0", "", root.label(lang), root.date or "", t(root.kind, lang), root.id]]
        rows += [
            [
                str(e.depth),
                with_evidence(e.relation, e.evidence, lang),
                e.record.label(lang),
                e.record.date or "",
                t(e.record.kind, lang),
                e.record.id,
            ]
            for e in self.ancestors or self.descendants
        ]
        return [Rows(headers, rows)]

    def view(self, lang: str) -> Branch:
        """The lineage as a tree: each record under the relative it came from (or led to)."""
        branches = {self.root.id: Branch(record_label(self.root, lang))}
        for entry in sorted(self.ancestors or self.descendants, key=lambda e: e.depth):
            name = INVERSE_LINEAGE[entry.relation] if self.descendants else entry.relation
            record = entry.record
            branch = Branch(
                record_label(record, lang),
                lead=f"{with_evidence(name, entry.evidence, lang)}: ",
                name=record.label(lang),
                tail=f" ({record.date})" if record.date else "",
            )
            branches[entry.via].children.append(branch)
            branches[record.id] = branch
        return branches[self.root.id]

    def notes(self, lang: str, fmt: str) -> list[str]:
        empty = not (self.ancestors or self.descendants)
        return [t("no lineage recorded", lang)] if fmt == "table" and empty else []


def with_evidence(relation: str, evidence: str | None, lang: str = "en") -> str:
    """`relation`, marked with its evidence when that is weaker than stated."""
    name = t(relation, lang)
    return name if evidence in (None, "stated") else f"{name} ({t(evidence, lang)})"


def lineage(kg: Store, name: str, descendants: bool = False, depth: int | None = None) -> Lineage:
    """Where a record came from (its ancestors), or with `descendants` what came from it.

    The tree keeps only the direct steps: when GPT-4o is based on the decoder-only Transformer
    and so is its ancestor GPT, the shortcut edge is dropped so the chain reads generation by
    generation (a transitive reduction). `depth` counts those steps.
    """
    if depth is not None and depth < 1:
        raise UsageError("--depth must be at least 1")
    root = kg.resolve(name)
    entries = _entries(kg, root.id, "in" if descendants else "out", depth)
    result = Lineage(root)
    if descendants:
        result.descendants = sorted(entries, key=lambda e: (e.depth, sort_key(e.record)))
    else:
        result.ancestors = sorted(entries, key=lambda e: sort_key(e.record))
    return result


def relatives(
    kg: Store, root: str, direction: str
) -> tuple[dict[str, set[str]], dict[tuple[str, str], dict[str, str | None]]]:
    """Every record reached from `root` along lineage edges in `direction` ("out": ancestors),
    as {record: the relatives one edge further}, and the relations (with evidence) of each pair."""
    found: dict[str, set[str]] = {root: set()}
    labels: dict[tuple[str, str], dict[str, str | None]] = {}  # relation -> evidence
    todo = [root]
    while todo:
        node = todo.pop()
        for source, target, data in kg.edges(node, direction):
            if data["relation"] not in LINEAGE:
                continue
            near, far = (source, target) if direction == "out" else (target, source)
            labels.setdefault((near, far), {})[data["relation"]] = data.get("evidence")
            if far not in found:
                found[far] = set()
                todo.append(far)
            found[near].add(far)
    return found, labels


def _entries(kg: Store, root: str, direction: str, max_depth: int | None) -> list[LineageEntry]:
    found, labels = relatives(kg, root, direction)
    direct = transitive_reduction(found)
    entries = []
    seen = {root: 0}
    queue = deque([root])
    while queue:
        node = queue.popleft()
        if max_depth is not None and seen[node] >= max_depth:
            continue
        for far in sorted(direct[node], key=lambda rid: sort_key(kg[rid])):
            if far in seen:
                continue
            seen[far] = seen[node] + 1
            relation = next(r for r in LINEAGE_ORDER if r in labels[(node, far)])
            evidence = labels[(node, far)][relation]
            entries.append(LineageEntry(kg[far], seen[far], relation, node, evidence))
            queue.append(far)
    return entries
