"""Cross-record rules: references, relation kinds, lineage cycles and evidence, time order, unique
names; and dates in the future, which only `validate` treats as errors."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from . import dates
from .dataset import Dataset
from .edges import Edge, record_edges
from .errors import NO_HINT, Problem, shown
from .i18n import Message, term
from .names import closest, name_keys, normalize
from .vocabulary import LINEAGE, RELATIONS

if TYPE_CHECKING:
    from .record import RecordView
    from .schema import AnyRecord as Validated

    AnyRecord = Validated | RecordView

# A date up to one day ahead is already today somewhere on Earth (or on a clock set a little fast).
FUTURE_TOLERANCE = dt.timedelta(days=1)


def check(dataset: Dataset) -> list[Problem]:
    """Every cross-record problem of `dataset`, sorted by file and line.

    Dates in the future are not among them (see `future_dates`): whether a date is in the future
    depends on the machine's clock, and a wrong clock must not make the whole dataset unusable."""
    edges = [edge for record in dataset.records.values() for edge in record_edges(record)]
    problems = [
        *_references(dataset, edges),
        *_duplicate_names(dataset),
        *_lookalike_names(dataset),
        *_lineage_cycles(dataset, edges),
        *_lineage_evidence(dataset, edges),
        *_time_order(dataset, edges),
    ]
    return sorted(problems)


def _problem(dataset: Dataset, edge: Edge, message: Message, hint: Message = NO_HINT) -> Problem:
    return dataset.origins[edge.source].problem(edge.path, message, hint)


def _references(dataset: Dataset, edges: list[Edge]) -> list[Problem]:
    problems = []
    records = dataset.records
    to_rejected: dict[str, list[Edge]] = {}
    for edge in edges:
        target = records.get(edge.target)
        if target is None and edge.target in dataset.rejected:
            to_rejected.setdefault(edge.target, []).append(edge)
            continue
        if target is None:
            near = closest(edge.target, records, limit=3)
            hint = (
                Message("did you mean {ids}?", ids=", ".join(near))
                if near
                else Message("define a record with this id")
            )
            message = Message(
                "{source}: {relation} points to unknown id {target}",
                source=edge.source,
                relation=edge.relation,
                target=repr(edge.target),
            )
            problems.append(_problem(dataset, edge, message, hint))
            continue
        source_kinds, target_kinds = RELATIONS[edge.relation]
        source_kind = records[edge.source].kind
        if source_kind not in source_kinds or target.kind not in target_kinds:
            message = Message(
                "{source}: {relation} cannot join {a_source_kind} to {a_target_kind} ({target})",
                source=edge.source,
                relation=edge.relation,
                a_source_kind=_a(source_kind),
                a_target_kind=_a(target.kind),
                source_kind=term(source_kind),
                target_kind=term(target.kind),
                target=repr(edge.target),
            )
            hint = Message(
                "{relation} goes from {source_kinds} to {target_kinds}",
                relation=edge.relation,
                source_kinds=Message.joined([term(kind) for kind in sorted(source_kinds)], "/"),
                target_kinds=Message.joined([term(kind) for kind in sorted(target_kinds)], "/"),
            )
            problems.append(_problem(dataset, edge, message, hint))
    # A record that failed its own checks is reported there; its dependants take one line, not
    # one "unknown id" each, which would bury the cause.
    for rid, pointing in to_rejected.items():
        first, origin = (
            min(pointing, key=lambda e: dataset.origins[e.source].at(*e.path)),
            dataset.rejected[rid],
        )
        sources = sorted({edge.source for edge in pointing})
        listed = ", ".join(sources[:3])
        if len(sources) > 3:
            listed = Message("{ids} and {n} more", ids=listed, n=len(sources) - 3)
        message = Message(
            "{n} reference(s) to {id}, which is invalid, from {sources}",
            n=len(pointing),
            id=shown(rid),
            sources=listed,
        )
        hint = Message("fix {id} first ({file}:{line})", id=shown(rid), file=origin.file, line=origin.line)
        problems.append(_problem(dataset, first, message, hint))
    return problems


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def future_dates(dataset: Dataset, today: dt.date | None = None) -> list[Problem]:
    """The dates (of records and checkpoints) later than tomorrow: errors for `validate`."""
    limit = (today or dt.date.today()) + FUTURE_TOLERANCE
    return sorted(
        dataset.origins[record.id].problem(
            path,
            Message("{id}: date {date} is in the future", id=record.id, date=date),
            Message("no date may be later than {limit}; check the year", limit=limit),
        )
        for record, path, date in _future(dataset.records.values(), limit)
    )


def future_warnings(records: Iterable[AnyRecord], today: dt.date | None = None) -> list[Message]:
    """The same dates as one-line warnings, for commands that carry on despite them."""
    limit = (today or dt.date.today()) + FUTURE_TOLERANCE
    return [
        Message(
            "{id}: date {date} is in the future (later than {limit}); "
            "`llmkg validate` reports it as an error",
            id=record.id,
            date=date,
            limit=limit,
        )
        for record, _path, date in _future(records, limit)
    ]


def future_records(records: Iterable[AnyRecord], after: dt.date) -> set[str]:
    """The ids of the records with a date (or a checkpoint's date) later than `after`."""
    return {record.id for record, _path, _date in _future(records, after)}


def _future(records: Iterable[AnyRecord], limit: dt.date) -> Iterable[tuple[AnyRecord, tuple[Any, ...], str]]:
    for record in records:
        written: list[tuple[tuple[Any, ...], str | None]] = [(("date",), record.date)]
        for index, checkpoint in enumerate(getattr(record, "checkpoints", [])):
            written.append((("checkpoints", index, "date"), checkpoint.date))
        for path, date in written:
            # The year alone rules out almost every date without parsing it.
            if date and int(date[:4]) >= limit.year and dates.parse(date).earliest > limit:
                yield record, path, date


def _duplicate_names(dataset: Dataset) -> list[Problem]:
    owner: dict[str, tuple[str, str]] = {}
    problems = []
    for rid, record in dataset.records.items():
        for text, path in name_keys(record):
            key = normalize(text)
            if not key:
                continue
            first = owner.setdefault(key, (rid, text))
            if first[0] != rid:
                origin = dataset.origins[first[0]]
                message = Message(
                    "{id}: name {name} is already used by {other} ({other_name}, {file}:{line})",
                    id=rid,
                    name=repr(text),
                    other=repr(first[0]),
                    other_name=repr(first[1]),
                    file=origin.file,
                    line=origin.line,
                )
                hint = Message(
                    "names, aliases and Korean labels must be unique, ignoring case and punctuation"
                )
                problems.append(dataset.origins[rid].problem(path, message, hint))
    return problems


def _lookalike_names(dataset: Dataset) -> list[Problem]:
    """Names, aliases, Korean labels and ids that look like another record's (the same skeleton,
    UTS #39) without being the same name, reported at the later record. A record's own names may
    look alike; names equal once case and punctuation are ignored are `_duplicate_names`'."""
    from .names import lookalike_keys

    owner: dict[tuple[int, str], tuple[str, str]] = {}
    problems = []
    for rid, record in dataset.records.items():
        for text, path in name_keys(record):
            for which, key in enumerate(lookalike_keys(text)):
                first = owner.setdefault((which, key), (rid, text)) if key else (rid, text)
                if first[0] == rid or normalize(first[1]) == normalize(text):
                    continue
                origin = dataset.origins[first[0]]
                message = Message(
                    "{id}: name {name} can be confused with {other_name} of {other} ({file}:{line})",
                    id=rid,
                    name=repr(text),
                    other_name=repr(first[1]),
                    other=repr(first[0]),
                    file=origin.file,
                    line=origin.line,
                )
                problems.append(dataset.origins[rid].problem(path, message, _lookalike_hint(text)))
                break  # one problem for a name
    return problems


def _lookalike_hint(text: str) -> Message:
    from .names import lookalike_letters

    letters = [
        Message(
            "{char} ({code} {name})",
            char=char,
            code=f"U+{ord(char):04X}",
            name=unicodedata.name(char, "?"),
        )
        for char in lookalike_letters(text)
    ]
    if not letters:
        return Message("names that look alike are taken for one another: give it a name no one can mistake")
    return Message(
        "it is written with letters that look like others: {letters}; write it in the letters of the name "
        "it looks like, or give it a name no one can mistake",
        letters=Message.joined(letters),
    )


def _lineage_cycles(dataset: Dataset, edges: list[Edge]) -> list[Problem]:
    import networkx as nx

    graph = nx.DiGraph()
    first_edge: dict[tuple[str, str], Edge] = {}
    for edge in edges:
        if edge.relation in LINEAGE and edge.target in dataset.records:
            graph.add_edge(edge.source, edge.target)
            first_edge.setdefault((edge.source, edge.target), edge)
    problems = []
    for component in nx.strongly_connected_components(graph):
        if len(component) == 1:
            node = next(iter(component))
            if not graph.has_edge(node, node):
                continue
        # The same cycle from the same record on every run: networkx walks a component in the
        # order of a set, which changes with Python's string hashing.
        members = nx.DiGraph(sorted(graph.subgraph(component).edges()))
        cycle = nx.find_cycle(members, source=min(component))
        turn = cycle.index(min(cycle))
        cycle = cycle[turn:] + cycle[:turn]
        edge = first_edge[cycle[0]]
        text = " → ".join([u for u, _v in cycle] + [cycle[0][0]])
        problems.append(
            _problem(
                dataset,
                edge,
                Message("lineage cycle: {cycle}", cycle=text),
                Message("lineage points from newer to older; remove one edge"),
            )
        )
    return problems


def _lineage_evidence(dataset: Dataset, edges: list[Edge]) -> list[Problem]:
    """Every written lineage link says how sure it is, and a stated or reported one says who says so."""
    problems = []
    for edge in edges:
        if edge.derived or edge.relation not in LINEAGE:
            continue
        if edge.evidence is None:
            problems.append(
                _problem(
                    dataset,
                    edge,
                    Message(
                        "{source}: {relation} {target} has no evidence",
                        source=edge.source,
                        relation=edge.relation,
                        target=repr(edge.target),
                    ),
                    Message(
                        "add evidence: stated (the developer says so), reported (a credible third party "
                        "does) or inferred (naming and timing only)"
                    ),
                )
            )
        elif edge.evidence != "inferred" and not edge.sources:
            problems.append(
                _problem(
                    dataset,
                    edge,
                    Message(
                        "{source}: {relation} {target} is {evidence} but gives no source",
                        source=edge.source,
                        relation=edge.relation,
                        target=repr(edge.target),
                        evidence=edge.evidence,
                    ),
                    Message("add sources: the paper, model card or announcement that says so"),
                )
            )
    return problems


def _time_order(dataset: Dataset, edges: list[Edge]) -> list[Problem]:
    problems = []
    records = dataset.records
    for edge in edges:
        if edge.relation not in LINEAGE or edge.target not in records:
            continue
        child, parent = records[edge.source].date, records[edge.target].date
        if child and parent and dates.parse(child).latest < dates.parse(parent).earliest:
            problems.append(
                _problem(
                    dataset,
                    edge,
                    Message(
                        "{source} ({child}) is dated before {target} ({parent}), "
                        "which it is {relation_words}",
                        source=edge.source,
                        child=child,
                        target=edge.target,
                        parent=parent,
                        relation_words=edge.relation.replace("_", " "),
                        relation=edge.relation,
                    ),
                    Message("check both dates, or the direction of the relation"),
                )
            )
    return problems
