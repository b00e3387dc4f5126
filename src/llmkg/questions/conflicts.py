"""`licence --check`: every model whose licence grants more than an upstream licence allows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..i18n import t
from ..licences import INHERITED, Conflict, judge_all
from ..output import Answer, Rows
from .licence import NOT_LEGAL_ADVICE, conflict_json, conflict_rows, party

if TYPE_CHECKING:
    from ..store import Store


@dataclass
class Conflicts(Answer):
    found: list[Conflict]

    def json(self) -> list[dict[str, str]]:
        return [conflict_json(c) for c in self.found]

    def tables(self, lang: str) -> list[Rows]:
        return [conflict_rows(self.found, lang)]

    def notes(self, lang: str, fmt: str) -> list[str]:
        return [t("{n} conflicts", lang, n=len(self.found)), t(NOT_LEGAL_ADVICE, lang)]


def check(kg: Store) -> Conflicts:
    """Every model whose licence grants more than an upstream licence allows, one row each."""
    models = {record.id: party(record) for record in kg.records("model")}
    # A model may be trained on a product's outputs (Vicuna on ChatGPT's): systems are upstream
    # parties too, as they are for `licence NAME`, but only models are judged.
    parties = {**{record.id: party(record) for record in kg.records("system")}, **models}
    edges = [
        (source, data["relation"], target, data.get("evidence"))
        for source, target, data in kg.index.all_edges()
        if data["relation"] in INHERITED
    ]
    judgements = judge_all(parties, edges)
    found = [c for rid in sorted(judgements) if rid in models for c in judgements[rid].conflicts]
    return Conflicts(found)
