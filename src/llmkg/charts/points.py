"""What the scatter and bar charts show, as plain values: the marks, the bars."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..dates import parse
from ..i18n import t

if TYPE_CHECKING:
    from ..record import RecordView
    from ..store import Store

OPENNESS = ("closed", "open-weights", "open-source")
TOP_ORGANIZATIONS = 8


def when(record: RecordView) -> float:
    """The record's date as a fractional year (2024-05-13 → about 2024.36)."""
    assert record.date is not None
    day = parse(record.date).earliest
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


@dataclass
class Mark:
    id: str
    label: str
    x: float
    value: float
    estimated: bool
    openness: str
    landmark: bool


def marks(kg: Store, chosen: set[str], measure: str, lang: str) -> list[Mark]:
    """One mark per model with `measure` (parameters or training_compute)."""
    found = []
    for record in kg.records("model"):
        if record.id not in chosen:
            continue
        if measure == "parameters":
            value = getattr(record, "parameters", None)
            estimated = getattr(record, "parameters_status", None) == "estimated"
        else:
            figure = getattr(record, measure, None)
            value = figure.value if figure is not None else None
            estimated = figure is not None and figure.status == "estimated"
        if value is None:
            continue
        found.append(
            Mark(
                record.id,
                record.label(lang),
                when(record),
                float(value),
                estimated,
                getattr(record, "openness", None) or "closed",
                getattr(record, "notability", None) == "landmark",
            )
        )
    return sorted(found, key=lambda m: (m.x, m.id))


@dataclass
class Releases:
    years: list[int]
    groups: list[str]  # stack order, bottom first
    labels: dict[str, str]
    counts: dict[str, list[int]]  # group -> count per year
    partial: str | None = None  # the newest date, when the last year is not over
    early: tuple[int, int] | None = None  # the years the first bar holds, when it holds several


def releases(kg: Store, chosen: set[str], by: str, lang: str) -> Releases:
    """Models per year, grouped by openness or by organization. An organization counts for the
    one it is part of ("Google Brain" for Google), as `timeline --org` counts it; a model made by
    several counts for the one of them with the most models. Years before the models become
    common (fewer than EARLY_SHARE of them) share one bar."""
    models = [r for r in kg.records("model") if r.id in chosen and r.date]
    if by == "openness":
        group_of = {r.id: getattr(r, "openness", "closed") for r in models}
        groups = [g for g in OPENNESS if g in group_of.values()]
        labels = {g: t(g, lang) for g in groups}
    else:
        roots = {r.id: [top_organization(kg, org) for org in getattr(r, "organizations", [])] for r in models}
        size = Counter(org for orgs in roots.values() for org in set(orgs))
        first = {
            rid: min(orgs, key=lambda o: (-size[o], o)) if orgs else "other" for rid, orgs in roots.items()
        }
        ranked = sorted(Counter(first.values()).items(), key=lambda item: (-item[1], item[0]))
        top = [org for org, _n in ranked[:TOP_ORGANIZATIONS] if org != "other"]
        group_of = {rid: org if org in top else "other" for rid, org in first.items()}
        groups = top + (["other"] if "other" in group_of.values() else [])
        labels = {g: _organization_label(kg, g, models, lang) for g in top}
        rest = {org for org in first.values() if org not in top and org != "other"}
        labels["other"] = t("others ({n} organizations)", lang, n=len(rest))
    when = {r.id: parse(r.date).year for r in models}
    years = sorted(set(when.values()))
    if years:
        years = list(range(years[0], years[-1] + 1))
    cut = _first_common_year(list(when.values()))
    if years and cut > years[0] + 1:
        when = {rid: max(year, cut - 1) for rid, year in when.items()}  # one bar for the early years
        early = (years[0], cut - 1)
        years = list(range(cut - 1, years[-1] + 1))
    else:
        early = None
    counts = {g: [0] * len(years) for g in groups}
    for r in models:
        counts[group_of[r.id]][years.index(when[r.id])] += 1
    newest = max((parse(r.date) for r in models), key=lambda d: (d.earliest, d.latest), default=None)
    partial = (
        str(newest) if newest is not None and (newest.latest.month, newest.latest.day) != (12, 31) else None
    )
    return Releases(years, groups, labels, counts, partial, early)


EARLY_SHARE = 0.02


def _first_common_year(years: list[int]) -> int:
    """The first year from which all but EARLY_SHARE of the models come."""
    ordered = sorted(years)
    return ordered[min(int(len(ordered) * EARLY_SHARE), len(ordered) - 1)] if ordered else 0


def _organization_label(kg: Store, org: str, models: list[RecordView], lang: str) -> str:
    """An organization's name; one that made no model itself is named with the part of it that
    made most: "High-Flyer (DeepSeek)"."""
    name = kg[org].label(lang) if org in kg else org
    own = Counter(
        o for r in models for o in getattr(r, "organizations", []) if top_organization(kg, o) == org
    )
    if own and org not in own:
        part = own.most_common(1)[0][0]
        return f"{name} ({kg[part].label(lang)})"
    return name


def top_organization(kg: Store, org: str) -> str:
    """The organization `org` is part of, at the top (Google for Google Brain), or `org`."""
    seen = {org}
    while True:
        parents = sorted(
            t for _s, t, d in kg.edges(org, "out") if d["relation"] == "part_of" and t not in seen
        )
        parents = [p for p in parents if kg[p].kind == "organization"]
        if not parents:
            return org
        org = parents[0]
        seen.add(org)
