"""Store: the records and relations of an index, read on demand, and the networkx graph of them.

Record lookups, names and the edges of one record are SQL queries, so answering `show` or
`search` reads a few rows whatever the size of the data. The full `networkx.MultiDiGraph` is
built only when something asks for `graph` (exports, stats, path).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import NotFoundError, shown
from .names import begins_with, closest, normalize
from .record import RecordView

if TYPE_CHECKING:
    import networkx as nx

    from .index import Index


@dataclass
class Choice:
    """The record a typed name stands for, why, and the other records it could have meant."""

    record: RecordView
    reason: str  # "name": one of its names; "organization": the start of an organization's
    # name ("mistral" for Mistral AI); "family": only the start of several records' names
    others: list[RecordView] = field(default_factory=list)  # sharing the name, or of the family

    @property
    def worth_saying(self) -> bool:
        """Whether the user should hear what the name was taken for (it could mean others too)."""
        return bool(self.others) or self.reason != "name"

    def note(self, name: str, lang: str, listed: int = 30) -> str:
        """What a typed name was taken for, and what else it could mean (a line for stderr)."""
        from .i18n import t

        def label(record: RecordView) -> str:
            return f"{record.label(lang)} ({', '.join(filter(None, [record.date, t(record.kind, lang)]))})"

        names = [record.label(lang) for record in self.others[:listed]]
        rest = len(self.others) - len(names)
        name = shown(name, quote=False)  # as typed, cut short if it is huge
        others = ", ".join(names) + (t(" and {n} more", lang, n=rest) if rest else "")
        if self.reason == "family":
            text = t(_FAMILY_NOTE, lang, name=name, record=label(self.record))
        else:
            text = t("{name}: {record}", lang, name=name, record=label(self.record))
        if not others:
            return text
        if self.record.kind == "organization":
            return text + t("; models named after it: {others}", lang, others=others)
        return text + t("; also in the family: {others}", lang, others=others)


_FAMILY_KINDS = ("model", "system")
_FAMILY_NOTE = "{name}: no record has this name; the family's newest landmark or major model is {record}"
_NOTABLE = ("landmark", "major")


class Store:
    """Records as nodes (attribute `record`), typed relations as edges keyed by relation name.

    Edges point as written: `gpt-4o --successor_of--> gpt-4-turbo`.
    """

    def __init__(self, index: Index) -> None:
        self.index = index
        self.files = list(index.files)
        self._records: dict[str, RecordView] = {}
        self._graph: nx.MultiDiGraph | None = None

    def __len__(self) -> int:
        return len(self.index)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.index.resolve_key(normalize(name)) is not None

    def __getitem__(self, rid: str) -> RecordView:
        record = self._records.get(rid)
        if record is None:
            data = self.index.record(rid)
            if data is None:
                raise KeyError(rid)
            record = self._records[rid] = RecordView(data)
        return record

    def many(self, ids: list[str]) -> list[RecordView]:
        """The records with these ids (each must exist), read by one query, in the order given."""
        missing = [rid for rid in ids if rid not in self._records]
        if missing:
            for rid, data in self.index.records_with_ids(missing).items():
                self._records[rid] = RecordView(data)
        return [self[rid] for rid in ids]

    def present(self, ids: list[str]) -> list[RecordView]:
        """The records of those ids that exist (ids of nothing are skipped), read by one query."""
        missing = [rid for rid in ids if rid not in self._records]
        if missing:
            for rid, data in self.index.records_with_ids(missing).items():
                self._records[rid] = RecordView(data)
        return [self._records[rid] for rid in ids if rid in self._records]

    def records(self, kind: str | None = None) -> Iterator[RecordView]:
        for data in self.index.records(kind):
            record = self._records.get(data["id"])
            if record is None:
                record = self._records[data["id"]] = RecordView(data)
            yield record

    def resolve(self, name: str) -> RecordView:
        """The record `name` refers to: an id, name, alias, checkpoint name or Korean label, else
        the organization or family it begins (see `choose`)."""
        return self.choose(name).record

    def choose(self, name: str) -> Choice:
        """The record `name` stands for, and the others it could mean.

        1. A record one of whose names is `name` (ignoring case and punctuation); the others are
           the records sharing that name and, when the record is a model, system or organization
           and `name` has no digit (a family's name, such as "gemini" or "llama"), the models and
           systems whose names begin with it.
        2. Else an organization whose name begins with `name` as a whole word: "mistral" is
           Mistral AI, as "deepseek" is DeepSeek.
        3. Else, when models or systems have names beginning with `name` as a whole word
           ("grok": Grok-1, Grok 2, …), the family's newest landmark or major model (or its newest
           member when none is), the others being the rest of the family.
        """
        key = normalize(name)
        if not key:
            raise NotFoundError(name, self.suggest(name))
        named = self.index.records_named(key)
        if named:
            record = self[named[0]]
            others = [self[rid] for rid in named[1:]]
            # The family is read only when it is shown: a model, system or organization named
            # without a digit (which would name one release).
            if record.kind in (*_FAMILY_KINDS, "organization") and not any(ch.isdigit() for ch in key):
                others += self._family(self.index.names_starting(key), key, exclude=set(named))
            return Choice(record, "name", others)
        starting = self.index.names_starting(key)
        family = self._family(starting, key, exclude=set())
        for text, rid, kind, _field in starting:
            if kind == "organization" and begins_with(text, key):
                return Choice(self[rid], "organization", family)
        if family:
            notable = [r for r in family if r.kind == "model" and r.notability in _NOTABLE]
            pick = max(notable or family, key=lambda r: (r.date or "", r.name.casefold()))
            return Choice(pick, "family", [r for r in family if r.id != pick.id])
        raise NotFoundError(name, self.suggest(name))

    def _family(
        self, starting: list[tuple[str, str, str, str]], key: str, exclude: set[str]
    ) -> list[RecordView]:
        """Of the names `starting` with `key`, the models and systems whose name (not an alias:
        "Meta Llama 3" is no Meta) begins with `key` as a word, newest first."""
        found: dict[str, RecordView] = {}
        for text, rid, kind, written in starting:
            if written == "name" and kind in _FAMILY_KINDS and rid not in exclude and begins_with(text, key):
                found[rid] = self[rid]
        return sorted(found.values(), key=lambda r: (r.date or "", r.name.casefold()), reverse=True)

    def suggest(self, name: str, limit: int = 5) -> list[str]:
        labels: dict[str, str] = {}
        for text, rid in self.index.name_candidates(normalize(name)):
            labels.setdefault(text, rid)
        found = closest(name, labels, limit=limit * 3)
        return list(dict.fromkeys(labels[text] for text in found))[:limit]

    def edges(self, rid: str, direction: str = "out") -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(source, target, data) of the edges leaving (out) or entering (in) `rid`."""
        yield from self.index.edges(rid, direction)

    def closure(self, start: Iterable[str], relation: str, direction: str = "out") -> set[str]:
        """`start` and every record reached by following `relation` edges in `direction`, transitively.

        closure({"google-brain"}, "part_of") is Google Brain and everything it is part of;
        closure({"google"}, "part_of", "in") is Google and all of its parts.
        """
        found = set(start)
        todo = list(found)
        while todo:
            for source, target, data in self.edges(todo.pop(), direction):
                other = target if direction == "out" else source
                if data["relation"] == relation and other not in found:
                    found.add(other)
                    todo.append(other)
        return found

    @property
    def graph(self) -> nx.MultiDiGraph:
        """Every record and relation as a networkx MultiDiGraph (built on first use)."""
        if self._graph is None:
            import networkx as nx

            graph = nx.MultiDiGraph()
            for record in self.records():
                graph.add_node(record.id, record=record)
            for source, target, data in self.index.all_edges():
                graph.add_edge(source, target, key=data["relation"], **data)
            self._graph = graph
        return self._graph
