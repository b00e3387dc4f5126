"""Timeline, lineage, neighbours, path, search and stats over a KnowledgeGraph.

Each query returns plain result objects; rendering them is render.py's job.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from . import dates
from .errors import UsageError
from .names import label_parts, normalize
from .vocabulary import KINDS, LINEAGE, RELATIONS

if TYPE_CHECKING:
    from .record import RecordView as AnyRecord
    from .store import Store as KnowledgeGraph

SHOWN_BY_DEFAULT = ("landmark", "major")
# When two records are joined by several lineage relations, name the most specific.
_LINEAGE_ORDER = (
    "fine_tuned_from",
    "distilled_from",
    "derived_from",
    "successor_of",
    "evolved_from",
    "based_on",
)


def sort_key(record: AnyRecord) -> tuple[object, ...]:
    """Oldest first; undated last; then by name."""
    if record.date:
        when = dates.parse(record.date)
        return (0, when.earliest, when.precision != "day", record.name.casefold())
    return (1, None, False, record.name.casefold())


def _date_bound(text: str | int | None, end: bool) -> dates.PartialDate | None:
    if text is None:
        return None
    try:
        return dates.parse(str(text))
    except ValueError as exc:
        raise UsageError(f"{'END' if end else 'START'}: {exc}") from None


# --- timeline ---------------------------------------------------------------------------------


@dataclass
class Timeline:
    records: list[AnyRecord]
    hidden: int  # how many more records --all would show
    start: str | None = None
    end: str | None = None


def timeline(
    kg: KnowledgeGraph,
    start: str | int | None = None,
    end: str | int | None = None,
    kinds: Iterable[str] | None = None,
    org: str | None = None,
    include_all: bool = False,
) -> Timeline:
    """Dated records between START and END (years or dates, inclusive), oldest first.

    By default only landmark and major records are listed; `hidden` counts the rest.
    """
    low, high = _date_bound(start, False), _date_bound(end, True)
    if low and high and low.earliest > high.latest:
        raise UsageError("START {start} is after END {end}", start=start, end=end)
    wanted = set(kinds) if kinds else set(KINDS) - {"organization"}
    unknown = wanted - set(KINDS)
    if unknown:
        raise UsageError(
            "unknown kind {kinds}; use one of: {choices}",
            kinds=", ".join(sorted(unknown)),
            choices=", ".join(KINDS),
        )
    orgs = _organization_and_parts(kg, org) if org else None
    chosen: list[str] = []
    hidden = 0
    # The index's columns decide which records qualify; only those shown are read whole.
    years = (low.year if low else None, high.year if high else None)
    for rid, date, notability, organizations in kg.index.dated(sorted(wanted), *years):
        when = dates.parse(date)
        if (low and when.latest < low.earliest) or (high and when.earliest > high.latest):
            continue
        if orgs is not None and not orgs & set(organizations):
            continue
        if include_all or notability in SHOWN_BY_DEFAULT:
            chosen.append(rid)
        else:
            hidden += 1
    shown = sorted(kg.many(chosen), key=sort_key)
    return Timeline(shown, hidden, str(start) if start else None, str(end) if end else None)


def _organization_and_parts(kg: KnowledgeGraph, name: str) -> set[str]:
    """The organization `name` and every organization that is part of it, transitively."""
    root = kg.resolve(name)
    if root.kind != "organization":
        raise UsageError("{name} is a {kind}, not an organization", name=repr(name), kind=root.kind)
    return kg.closure({root.id}, "part_of", "in")


# --- lineage ----------------------------------------------------------------------------------


@dataclass
class LineageEntry:
    record: AnyRecord
    depth: int
    relation: str  # the relation joining this record to `via`
    via: str  # the id this record hangs from in the tree (the root, or a nearer relative)
    evidence: str | None = None  # stated, reported or inferred (vocabulary.EVIDENCE)


@dataclass
class Lineage:
    root: AnyRecord
    ancestors: list[LineageEntry] = field(default_factory=list)
    descendants: list[LineageEntry] = field(default_factory=list)


def lineage(kg: KnowledgeGraph, name: str, descendants: bool = False, depth: int | None = None) -> Lineage:
    """Where a record came from (its ancestors), or with `descendants` what came from it.

    The tree keeps only the direct steps: when GPT-4o is based on the decoder-only Transformer
    and so is its ancestor GPT, the shortcut edge is dropped so the chain reads generation by
    generation (a transitive reduction). `depth` counts those steps.
    """
    if depth is not None and depth < 1:
        raise UsageError("--depth must be at least 1")
    root = kg.resolve(name)
    entries = _lineage_entries(kg, root.id, "in" if descendants else "out", depth)
    result = Lineage(root)
    if descendants:
        result.descendants = sorted(entries, key=lambda e: (e.depth, sort_key(e.record)))
    else:
        result.ancestors = sorted(entries, key=lambda e: sort_key(e.record))
    return result


def _lineage_entries(
    kg: KnowledgeGraph, root: str, direction: str, max_depth: int | None
) -> list[LineageEntry]:
    from .dag import transitive_reduction

    relatives: dict[str, set[str]] = {root: set()}
    labels: dict[tuple[str, str], dict[str, str | None]] = {}  # relation -> evidence
    todo = [root]
    while todo:
        node = todo.pop()
        for source, target, data in kg.edges(node, direction):
            if data["relation"] not in LINEAGE:
                continue
            near, far = (source, target) if direction == "out" else (target, source)
            labels.setdefault((near, far), {})[data["relation"]] = data.get("evidence")
            if far not in relatives:
                relatives[far] = set()
                todo.append(far)
            relatives[near].add(far)
    direct = transitive_reduction(relatives)
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
            relation = next(r for r in _LINEAGE_ORDER if r in labels[(node, far)])
            evidence = labels[(node, far)][relation]
            entries.append(LineageEntry(kg[far], seen[far], relation, node, evidence))
            queue.append(far)
    return entries


# --- neighbours -------------------------------------------------------------------------------


@dataclass
class Neighbor:
    record: AnyRecord
    distance: int


@dataclass
class Link:
    source: str
    target: str
    relation: str


@dataclass
class Neighborhood:
    center: AnyRecord
    nodes: list[Neighbor]
    edges: list[Link]
    hidden: int = 0  # records left out by `per_kind`
    hidden_edges: int = 0  # relations left out with them


# Concepts first: around a hub they say what it is; then what was built, written and collected.
_NEIGHBOUR_KINDS = ("concept", "model", "system", "paper", "dataset", "organization")


def neighbors(
    kg: KnowledgeGraph,
    name: str,
    depth: int = 1,
    relations: Iterable[str] | None = None,
    per_kind: int | None = None,
) -> Neighborhood:
    """Records within `depth` edges of `name` in either direction, and the edges among them.

    Nearest first, then concepts before models, systems, papers, datasets and organizations, then
    the most notable (landmark, major, minor; then the most connected within the neighbourhood).
    With `per_kind`, only that many records of each kind are kept, and the edges among them.
    """
    if depth < 1:
        raise UsageError("--depth must be at least 1")
    if per_kind is not None and per_kind < 1:
        raise UsageError("--limit must be at least 1")
    allowed = set(relations) if relations else None
    if allowed:
        unknown = allowed - set(RELATIONS)
        if unknown:
            raise UsageError(
                "unknown relation {relations}; use one of: {choices}",
                relations=", ".join(sorted(unknown)),
                choices=", ".join(RELATIONS),
            )
    center = kg.resolve(name)
    distance = {center.id: 0}
    queue = deque([center.id])
    while queue:
        node = queue.popleft()
        if distance[node] >= depth:
            continue
        for direction in ("out", "in"):
            for source, target, data in kg.edges(node, direction):
                if allowed and data["relation"] not in allowed:
                    continue
                other = target if direction == "out" else source
                if other not in distance:
                    distance[other] = distance[node] + 1
                    queue.append(other)
    links = [
        Link(source, target, data["relation"])
        for rid in distance
        for source, target, data in kg.edges(rid, "out")
        if target in distance and (not allowed or data["relation"] in allowed)
    ]
    degree = Counter(rid for link in links for rid in (link.source, link.target))
    nodes = [Neighbor(kg[rid], d) for rid, d in distance.items() if rid != center.id]
    nodes.sort(
        key=lambda n: (
            n.distance,
            _NEIGHBOUR_KINDS.index(n.record.kind),
            _PROMINENCE.get(getattr(n.record, "notability", None) or "", 3),
            -degree[n.record.id],
            n.record.name.casefold(),
        )
    )
    hidden = hidden_edges = 0
    if per_kind is not None:
        shown: Counter[str] = Counter()
        kept = []
        for node in nodes:
            shown[node.record.kind] += 1
            if shown[node.record.kind] <= per_kind:
                kept.append(node)
        hidden = len(nodes) - len(kept)
        nodes = kept
        present = {center.id} | {node.record.id for node in nodes}
        within = [link for link in links if link.source in present and link.target in present]
        hidden_edges = len(links) - len(within)
        links = within
    links.sort(key=lambda link: (distance[link.source] + distance[link.target], link.source, link.target))
    return Neighborhood(center, nodes, links, hidden, hidden_edges)


# --- path -------------------------------------------------------------------------------------


@dataclass
class Step:
    record: AnyRecord
    relation: str | None  # the relation joining the previous step to this one
    direction: str | None  # "forward": previous --relation--> this; "backward": this --relation--> previous


# Hops through an organisation ("both made by OpenAI") or a loose `related_to` explain less than
# a lineage or a typed relation, so a path prefers the latter when lengths are close.
_PATH_COST = {"developed_by": 2.0, "related_to": 1.5}


def _hop_cost(_u: str, _v: str, edges: dict[str, dict[str, object]]) -> float:
    return min(_PATH_COST.get(str(data["relation"]), 1.0) for data in edges.values())


def path(kg: KnowledgeGraph, a: str, b: str) -> list[Step]:
    """The shortest chain of relations joining `a` and `b` (in either direction); [] if none."""
    import networkx as nx

    start, goal = kg.resolve(a), kg.resolve(b)
    try:
        ids = nx.shortest_path(kg.graph.to_undirected(as_view=True), start.id, goal.id, weight=_hop_cost)
    except nx.NetworkXNoPath:
        return []
    steps = [Step(start, None, None)]
    for previous, current in pairwise(ids):
        forward = kg.graph.get_edge_data(previous, current) or {}
        backward = kg.graph.get_edge_data(current, previous) or {}
        if forward:
            steps.append(Step(kg[current], _preferred(forward), "forward"))
        else:
            steps.append(Step(kg[current], _preferred(backward), "backward"))
    return steps


def _preferred(edges: dict[str, dict[str, object]]) -> str:
    for relation in _LINEAGE_ORDER:
        if relation in edges:
            return relation
    return sorted(edges)[0]


# --- search -----------------------------------------------------------------------------------


@dataclass
class Hit:
    record: AnyRecord
    score: int
    match: str = "name"  # "name": a name, alias, Korean label or checkpoint; "summary": only a summary


# Scores, 0-100, in bands, so that any match on a name outranks a match found only in a summary:
_EXACT = 100.0  # the query is one of the record's names, ignoring case and punctuation
_PART = 98.0  # ... or one part of a "term (gloss)" name: 강화 학습(RLHF) for "RLHF"
_FUZZY = (70.0, 97.0)  # a name like the query (typos, words missing)
_SUMMARY = (40.0, 65.0)  # no name matches; some or all of the query's words are in a summary


def search(kg: KnowledgeGraph, query: str, limit: int = 10) -> list[Hit]:
    """Records ranked by how well their names, aliases, Korean labels and summaries match."""
    from rapidfuzz import fuzz, process, utils

    if limit < 1:
        raise UsageError("--limit must be at least 1")
    query = query.strip()
    if not query:
        raise UsageError("the search query is empty")
    key = normalize(query)
    labels: list[str] = []
    owners: list[str] = []
    for text, rid in kg.index.name_candidates(key):
        labels.append(text)
        owners.append(rid)
    best: dict[str, float] = {rid: _EXACT for rid in kg.index.records_named(key)}
    for text, rid in zip(labels, owners, strict=True):
        if rid not in best and key in {normalize(part) for part in label_parts(text)}:
            best[rid] = _PART
    low, high = _FUZZY
    for text, score, index in process.extract(
        query, labels, scorer=fuzz.WRatio, processor=utils.default_process, limit=None, score_cutoff=low
    ):
        whole = normalize(text)
        if len(whole) * 5 < len(key) * 3:
            # WRatio scores a short name found inside a longer query as a near match ("AWS" in
            # "scaling laws"); a plain ratio, which counts the missing letters, is fairer.
            score = fuzz.ratio(query, text, processor=utils.default_process)
            if score < low:
                continue
        # Between equally similar names, one that holds the whole query, best at its start, wins:
        # "Open-weights model" before "weights" for "open weights".
        score += 3 if whole.startswith(key) else 2 if key in whole else 0
        rid = owners[index]
        best[rid] = max(best.get(rid, 0.0), min(float(score), high))
    by_name = set(best)
    words = [word for word in query.casefold().split() if len(word) > 1]
    if words:
        floor, top = _SUMMARY
        for rid, found in kg.index.summary_matches(words).items():
            if rid not in by_name:
                best[rid] = floor + (top - floor) * found / len(words)
    # Rank by score, then prominence; only the records that can reach the top `limit` are read.
    by_score = sorted(best.items(), key=lambda item: -item[1])
    cutoff = round(by_score[limit - 1][1]) if len(by_score) >= limit else -1
    contenders = [(rid, score) for rid, score in by_score if round(score) >= cutoff]
    notability = kg.index.notability([rid for rid, _score in contenders])
    ranked = sorted(
        contenders,
        key=lambda item: (-round(item[1]), _PROMINENCE.get(notability.get(item[0]) or "", 3), item[0]),
    )
    shown = ranked[:limit]
    records = kg.many([rid for rid, _score in shown])
    return [
        Hit(record, round(score), "name" if rid in by_name else "summary")
        for record, (rid, score) in zip(records, shown, strict=True)
    ]


_PROMINENCE = {"landmark": 0, "major": 1, "minor": 2}


# --- stats ------------------------------------------------------------------------------------


@dataclass
class Stats:
    by_kind: dict[str, int]
    by_year: dict[int, int]
    by_relation: dict[str, int]
    coverage: dict[str, int]  # model counts: total, with_sources, with_parameters, …
    # The newest date as written, so a reader knows where the data ends; a day outranks its month.
    data_through: str | None = None


def stats(kg: KnowledgeGraph) -> Stats:
    by_kind = Counter(record.kind for record in kg.records())
    by_year = Counter(dates.parse(r.date).year for r in kg.records() if r.date)
    by_relation = Counter(data for _u, _v, data in kg.graph.edges(data="relation"))
    models = list(kg.records("model"))
    lineage_parents = {
        source
        for source, _target, relation in kg.graph.edges(data="relation")
        if relation in LINEAGE - {"based_on"}
    }
    coverage = {
        "models": len(models),
        "with_sources": sum(bool(m.sources) for m in models),
        "with_parameters": sum(getattr(m, "parameters", None) is not None for m in models),
        "with_lineage": sum(m.id in lineage_parents for m in models),
        "with_korean_name": sum(bool(m.names.ko) for m in models),
        "with_korean_summary": sum(bool(m.summary.ko) for m in models),
        "with_epoch_xref": sum(
            bool(m.xrefs.epoch) or any(c.xrefs and c.xrefs.epoch for c in getattr(m, "checkpoints", []))
            for m in models
        ),
    }
    dated = [dates.parse(r.date) for r in kg.records() if r.date]
    newest = max(dated, key=lambda d: (d.earliest, d.latest), default=None)
    for measure in ("training_compute", "training_tokens", "context_length", "license"):
        coverage[f"with_{measure}"] = sum(getattr(m, measure, None) is not None for m in models)
    return Stats(
        {kind: by_kind.get(kind, 0) for kind in KINDS},
        dict(sorted(by_year.items())),
        dict(sorted(by_relation.items(), key=lambda item: (-item[1], item[0]))),
        coverage,
        str(newest) if newest else None,
    )
