"""`timeline`: dated records between two dates, oldest first, grouped by year."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import dates
from ..counts import format_count
from ..errors import UsageError
from ..i18n import t
from ..output import Answer, Rows
from ..vocabulary import KINDS
from .common import (
    SHOWN_BY_DEFAULT,
    date_bound,
    organization_and_parts,
    organizations_text,
    refuse_unknown,
    sort_key,
)

if TYPE_CHECKING:
    from ..record import RecordView
    from ..store import Store


@dataclass
class Timeline(Answer):
    records: list[RecordView]
    hidden: int  # how many more records --all would show
    start: str | None = None
    end: str | None = None
    kg: Store | None = None
    include_all: bool = False

    def json(self) -> list[dict[str, Any]]:
        return [item(record) for record in self.records]

    def tables(self, lang: str) -> list[Rows]:
        assert self.kg is not None
        headers = [t(h, lang) for h in ("Date", "Name", "Kind", "Organizations", "Parameters", "Notability")]
        rows: list[list[str]] = []
        groups: list[tuple[str, int]] = []
        year = None
        self.kg.present(
            sorted({o for r in self.records for o in getattr(r, "organizations", [])})
        )  # one read
        for record in self.records:
            assert record.date is not None
            if record.date[:4] != year:
                year = record.date[:4]
                groups.append((year, len(rows)))
            rows.append(
                [
                    record.date,
                    record.label(lang),
                    t(record.kind, lang),
                    organizations_text(self.kg, record, lang, limit=2),
                    format_count(getattr(record, "parameters", None)),
                    t(getattr(record, "notability", None) or "", lang),
                ]
            )
        # Date, Name, Kind, Organizations, Parameters, Notability
        fit = ("whole", "name", "whole", "name", "whole", "whole")
        return [Rows(headers, rows, groups, fit=fit, drop=(2, 5, 3))]

    def notes(self, lang: str, fmt: str) -> list[str]:
        return [t("{n} more with --all", lang, n=self.hidden)] if self.hidden and not self.include_all else []


def item(record: RecordView) -> dict[str, Any]:
    """A record as `timeline --format json` lists it."""
    return {
        "id": record.id,
        "kind": record.kind,
        "name": record.name,
        "date": record.date,
        "organizations": list(getattr(record, "organizations", [])),
        "parameters": getattr(record, "parameters", None),
        "notability": getattr(record, "notability", None),
    }


def timeline(
    kg: Store,
    start: str | int | None = None,
    end: str | int | None = None,
    kinds: Iterable[str] | None = None,
    org: str | None = None,
    include_all: bool = False,
) -> Timeline:
    """Dated records between START and END (years or dates, inclusive), oldest first.

    By default only landmark and major records are listed; `hidden` counts the rest.
    """
    low, high = date_bound(start, "START"), date_bound(end, "END")
    if low and high and low.earliest > high.latest:
        raise UsageError("START {start} is after END {end}", start=start, end=end)
    wanted = set(kinds) if kinds else set(KINDS) - {"organization"}
    refuse_unknown(wanted, KINDS, "unknown kind {kinds}; use one of: {choices}", "kinds")
    orgs = organization_and_parts(kg, org) if org else None
    chosen: list[str] = []
    hidden = 0
    # The index's columns decide which records qualify; only those shown are read whole.
    years = (low.year if low else None, high.year if high else None)
    # The query keeps the years; a record needs its date read only in a year a bound cuts through
    # (START 2023-03 cuts 2023, START 2023 cuts no year).
    cut_years = {bound.year for bound in (low, high) if bound is not None and bound.month is not None}
    for rid, date, notability, organizations in kg.index.dated(sorted(wanted), *years, orgs is not None):
        if cut_years and int(date[:4]) in cut_years:
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
    return Timeline(shown, hidden, str(start) if start else None, str(end) if end else None, kg, include_all)
