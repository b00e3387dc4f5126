"""`licence`: what a model may be used for, given its own licence and those of the models it was
fine-tuned, distilled or derived from.

The judging is llmkg.licences'; this module reads the records and their lineage from the store
and says the answer. It is not legal advice, and a conclusion drawn along a link that is only
reported or inferred is only as sure as that link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..i18n import t
from ..licences import INHERITED, Conflict, Judgement, Link, Party, Reason, chain_of, judge
from ..output import Answer, Rows

if TYPE_CHECKING:
    from ..record import RecordView
    from ..store import Store

NOT_LEGAL_ADVICE = (
    "This is not legal advice: it reads the licences' terms along the lineage llmkg records; check the "
    "licences themselves before you rely on it."
)
WEAK_LINK = "A link of this chain is only {evidence}: the conclusion is as weak as that link."


def party(record: RecordView) -> Party:
    licence = getattr(record, "license", None)
    return Party(
        record.id,
        record.name,
        licence.id if licence is not None else None,
        getattr(record, "openness", None),
        tuple(getattr(record, "organizations", [])),
        (*record.aliases, *(c.name for c in getattr(record, "checkpoints", []))),
    )


@dataclass
class Licence(Answer):
    record: RecordView
    judgement: Judgement
    chain: list[Link] = field(default_factory=list)

    @property
    def weakest(self) -> str | None:
        grades = [link.evidence for link in self.chain]
        return next((grade for grade in ("inferred", "reported") if grade in grades), None)

    def json(self) -> dict[str, Any]:
        verdicts = self.judgement.verdicts
        own = party(self.record).effective_licence
        return {
            "id": self.record.id,
            "name": self.record.name,
            "license": own,
            "commercial_use": self.judgement.commercial_use,
            "reasons": [str(said) for said in self.judgement.reasons],
            "chain": [
                {
                    "id": link.party.id,
                    "name": link.party.name,
                    "relation": link.relation,
                    "evidence": link.evidence,
                    "depth": link.depth,
                    "via": link.via,
                    "license": link.party.effective_licence,
                    "commercial_use": verdicts.get(link.party.id, "unknown"),
                }
                for link in self.chain
            ],
            "obligations": [
                {
                    "from": o.source_id,
                    "license": o.licence,
                    "kind": o.kind,
                    "text": o.text,
                    "source": o.source,
                }
                for o in self.judgement.obligations
            ],
            "conflicts": [conflict_json(c) for c in self.judgement.conflicts],
            "weakest_evidence": self.weakest,
            "not_legal_advice": NOT_LEGAL_ADVICE,
        }

    def tables(self, lang: str) -> list[Rows]:
        data = self.json()
        reasons = [said_in(said, lang) for said in self.judgement.reasons]
        verdict = "; ".join([t(data["commercial_use"], lang), *reasons])
        summary = Rows(
            [t("Field", lang), t("Value", lang)],
            [
                [t("License", lang), data["license"] or t("unknown", lang)],
                [t("Commercial use", lang), verdict],
            ],
            title=self.record.label(lang),
            name="summary",
        )
        chain = Rows(
            [t(h, lang) for h in ("Depth", "Relation", "Name", "License", "Commercial use", "Evidence")],
            [
                [
                    str(c["depth"]),
                    t(c["relation"], lang),
                    c["name"],
                    c["license"] or "",
                    t(c["commercial_use"], lang),
                    t(c["evidence"], lang) if c["evidence"] else "",
                ]
                for c in data["chain"]
            ],
            title=t("Upstream models", lang),
            name="chain",
            fit=("whole", "whole", "name", "name", "whole", "whole"),
        )
        obligations = Rows(
            [t(h, lang) for h in ("Required by", "License", "Kind", "Text", "Source")],
            [
                [o["from"], o["license"], t(o["kind"], lang), o["text"], o["source"]]
                for o in data["obligations"]
            ],
            title=t("Obligations", lang),
            name="obligations",
            fit=("whole", "name", "whole", "prose", "prose"),
        )
        tables = [summary, chain, obligations]
        if self.judgement.conflicts:
            tables.append(conflict_rows(self.judgement.conflicts, lang))
        return tables

    def notes(self, lang: str, fmt: str) -> list[str]:
        found = [t(NOT_LEGAL_ADVICE, lang)]
        if self.weakest:
            found.append(t(WEAK_LINK, lang, evidence=t(self.weakest, lang)))
        return found


def said_in(said: Reason, lang: str) -> str:
    return t(said.template, lang, **dict(said.values))


def conflict_json(conflict: Conflict) -> dict[str, str]:
    return {"id": conflict.id, "upstream": conflict.upstream, "reason": str(conflict.reason)}


def conflict_rows(conflicts: list[Conflict], lang: str) -> Rows:
    return Rows(
        [t(h, lang) for h in ("Id", "Upstream", "Reason")],
        [[c.id, c.upstream, said_in(c.reason, lang)] for c in conflicts],
        title=t("Conflicts", lang),
        name="conflicts",
        fit=("whole", "whole", "prose"),
    )


def licence(kg: Store, name: str) -> Licence:
    record = kg.resolve(name)
    parties = {record.id: party(record)}
    upstream: dict[str, list[tuple[str, str, str | None]]] = {}
    todo = [record.id]
    while todo:
        node = todo.pop()
        for _source, target, data in kg.edges(node, "out"):
            if data["relation"] not in INHERITED or target not in kg:
                continue
            upstream.setdefault(node, []).append((target, data["relation"], data.get("evidence")))
            if target not in parties:
                parties[target] = party(kg[target])
                todo.append(target)
    chain = chain_of(record.id, parties, upstream)
    return Licence(record, judge(parties[record.id], chain), chain)
