"""`stats`: records by kind and year, edges by relation, model coverage and the newest date."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import dates
from ..i18n import t
from ..output import Answer, Rows
from ..vocabulary import KINDS, LINEAGE

if TYPE_CHECKING:
    from ..store import Store


@dataclass
class Stats(Answer):
    by_kind: dict[str, int]
    by_year: dict[int, int]
    by_relation: dict[str, int]
    coverage: dict[str, int]  # model counts: total, with_sources, with_parameters, …
    # The newest date as written, so a reader knows where the data ends; a day outranks its month.
    data_through: str | None = None

    def json(self) -> dict[str, Any]:
        return {
            "by_kind": self.by_kind,
            "by_year": {str(year): n for year, n in self.by_year.items()},
            "by_relation": self.by_relation,
            "coverage": self.coverage,
            "data_through": self.data_through,
        }

    def tables(self, lang: str) -> list[Rows]:
        count = t("Count", lang)
        return [
            Rows(
                [t("Kind", lang), count],
                [[t(k, lang), str(n)] for k, n in self.by_kind.items()],
                title=t("Records by kind", lang),
                name="by_kind",
            ),
            Rows(
                [t("Year", lang), count],
                [[str(y), str(n)] for y, n in self.by_year.items()],
                title=t("Records by year", lang),
                name="by_year",
            ),
            Rows(
                [t("Relation", lang), count],
                [[t(r, lang), str(n)] for r, n in self.by_relation.items()],
                title=t("Edges by relation", lang),
                name="by_relation",
            ),
            Rows(
                [t("Field", lang), count],
                [[t(k, lang), str(n)] for k, n in self.coverage.items()],
                title=t("Model coverage", lang),
                name="coverage",
            ),
            Rows(
                [t("Field", lang), t("Date", lang)],
                [[t("Data through", lang), self.data_through or ""]],
                title=t("Newest record", lang),
                name="data_through",
            ),
        ]


def stats(kg: Store) -> Stats:
    """Counted from the index's tables; only the model records are read whole."""
    by_kind = kg.index.counted("kind")
    by_year = kg.index.counted("year")
    by_relation = kg.index.counted("relation")
    lineage_children = kg.index.sources_of(sorted(LINEAGE - {"based_on"}))
    models = list(kg.records("model"))
    coverage = {
        "models": len(models),
        "with_sources": sum(bool(m.sources) for m in models),
        "with_parameters": sum(getattr(m, "parameters", None) is not None for m in models),
        "with_lineage": sum(m.id in lineage_children for m in models),
        "with_korean_name": sum(bool(m.names.ko) for m in models),
        "with_korean_summary": sum(bool(m.summary.ko) for m in models),
        "with_epoch_xref": sum(
            bool(m.xrefs.epoch) or any(c.xrefs and c.xrefs.epoch for c in getattr(m, "checkpoints", []))
            for m in models
        ),
    }
    for name, spec in kg.index.field_specs.items():
        if spec["coverage"]:
            coverage[f"with_{name}"] = sum(getattr(m, name, None) is not None for m in models)
    dated = [dates.parse(date) for date in kg.index.dates()]
    newest = max(dated, key=lambda d: (d.earliest, d.latest), default=None)
    return Stats(
        {kind: by_kind.get(kind, 0) for kind in KINDS},
        dict(sorted(by_year.items())),
        dict(sorted(by_relation.items(), key=lambda item: (-item[1], item[0]))),
        coverage,
        str(newest) if newest else None,
    )
