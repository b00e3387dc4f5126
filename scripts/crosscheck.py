"""Compare llmkg's records with Epoch AI's model databases, and measure coverage.

    python scripts/crosscheck.py [--reference DIR] [--verbose]

DIR holds Epoch AI's CSV files (default: $LLMKG_REFERENCE, else ../shared/reference next to the
repository). Every record or checkpoint whose `xrefs.epoch` names an Epoch model is compared:
dates within 45 days, parameters within 6 %, and at least one organization in common. A
difference is explained when the record (or checkpoint) carries a dispute on that field whose
value is Epoch's current value. Exit status 1 if any difference is unexplained.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import llmkg
from llmkg import dates
from llmkg.counts import parse_count
from llmkg.errors import NotFoundError

NOTABLE = "epoch_notable_ai_models.csv"
ALL_MODELS = "epoch_all_ai_models.csv"
DATE_DAYS = 45
PARAMETER_SHARE = 0.06
COVERAGE_FROM, COVERAGE_TO = "2017-01-01", "2025-12-31"


def reference_dir(given: str | None = None) -> Path:
    if given:
        return Path(given)
    if os.environ.get("LLMKG_REFERENCE"):
        return Path(os.environ["LLMKG_REFERENCE"])
    return Path(__file__).resolve().parents[1].parent / "shared" / "reference"


def read_epoch(directory: Path) -> dict[str, dict[str, str]]:
    """Epoch rows by stripped model name; the notable-models file wins over the full database."""
    rows: dict[str, dict[str, str]] = {}
    for name in (ALL_MODELS, NOTABLE):
        path = directory / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                clean = {key.strip(): (value or "").strip() for key, value in row.items() if key}
                clean["_file"] = name
                rows[clean["Model"]] = clean
    return rows


def language_names(directory: Path, name: str = NOTABLE) -> list[str]:
    """Epoch's language models published 2017–2025 in one of its files: a coverage target."""
    path = directory / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            row["Model"].strip()
            for row in csv.DictReader(handle)
            if "Language" in (row["Domain"] or "")
            and COVERAGE_FROM <= (row["Publication date"] or "") <= COVERAGE_TO
        ]


def notable_language_names(directory: Path) -> list[str]:
    """Epoch's notable language models published 2017–2025: the main coverage target."""
    return language_names(directory, NOTABLE)


@dataclass
class Holder:
    """A record, or one of its checkpoints, that names an Epoch model."""

    record: Any
    checkpoint: Any | None
    epoch: str

    @property
    def label(self) -> str:
        return f"{self.record.id}" + (f" [{self.checkpoint.name}]" if self.checkpoint else "")

    @property
    def date(self) -> str | None:
        return (self.checkpoint.date if self.checkpoint else None) or self.record.date

    @property
    def parameters(self) -> int | None:
        if self.checkpoint is not None and self.checkpoint.parameters is not None:
            return int(self.checkpoint.parameters)
        return getattr(self.record, "parameters", None)

    def disputes(self, field_name: str) -> list[Any]:
        found = [d for d in self.record.disputes if d.field == field_name]
        if self.checkpoint is not None:
            found += [d for d in self.checkpoint.disputes if d.field == field_name]
        return found


def holders(kg: llmkg.KnowledgeGraph) -> list[Holder]:
    found = []
    for record in kg.records():
        if record.xrefs.epoch:
            found.append(Holder(record, None, record.xrefs.epoch))
        for checkpoint in getattr(record, "checkpoints", []):
            if checkpoint.xrefs and checkpoint.xrefs.epoch:
                found.append(Holder(record, checkpoint, checkpoint.xrefs.epoch))
    return found


@dataclass
class Report:
    compared: int = 0
    unknown_names: list[str] = field(default_factory=list)
    duplicate_names: list[str] = field(default_factory=list)
    unexplained: list[str] = field(default_factory=list)
    explained: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    unmapped_organizations: set[str] = field(default_factory=set)
    target: list[str] = field(default_factory=list)
    covered: list[str] = field(default_factory=list)
    # Epoch's full database (notable or not): the wider, secondary coverage target
    all_target: list[str] = field(default_factory=list)

    @property
    def missing(self) -> list[str]:
        return sorted(set(self.target) - set(self.covered))

    @property
    def coverage(self) -> float:
        return len(set(self.covered) & set(self.target)) / len(self.target) if self.target else 1.0

    @property
    def all_coverage(self) -> float:
        linked = set(self.covered) & set(self.all_target)
        return len(linked) / len(self.all_target) if self.all_target else 1.0

    @property
    def ok(self) -> bool:
        return not (self.unexplained or self.unknown_names or self.duplicate_names or self.stale)


def _days_outside(ours: str, theirs: str) -> int:
    span = dates.parse(ours)
    other = dt.date.fromisoformat(theirs)
    if span.earliest <= other <= span.latest:
        return 0
    return min(abs((other - span.earliest).days), abs((other - span.latest).days))


def _dispute_value_matches(field_name: str, value: str, epoch_value: str) -> bool:
    if field_name == "date":
        return value.strip() == epoch_value
    if field_name == "parameters":
        given, theirs = _count(value), float(epoch_value)
        return given is not None and abs(given - theirs) <= 0.01 * theirs
    return True


def _count(text: str) -> float | None:
    """A parameter count written as 7B, 7000000000 or 7000000000.0."""
    try:
        return float(parse_count(text.replace(",", "")))
    except ValueError:
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None


def _settle(report: Report, holder: Holder, field_name: str, difference: str, epoch_value: str) -> None:
    disputes = holder.disputes(field_name)
    if not disputes:
        report.unexplained.append(f"{holder.label}: {difference} (Epoch: {holder.epoch!r})")
    elif not any(_dispute_value_matches(field_name, d.value, epoch_value) for d in disputes):
        report.stale.append(
            f"{holder.label}: {difference}; its {field_name} dispute gives "
            f"{', '.join(repr(d.value) for d in disputes)}, Epoch now says {epoch_value!r}"
        )
    else:
        report.explained.append(f"{holder.label}: {difference}")


def compare(kg: llmkg.KnowledgeGraph, directory: Path) -> Report:
    epoch = read_epoch(directory)
    report = Report(
        target=notable_language_names(directory), all_target=language_names(directory, ALL_MODELS)
    )
    seen: dict[str, str] = {}
    for holder in holders(kg):
        row = epoch.get(holder.epoch)
        if row is None:
            report.unknown_names.append(
                f"{holder.label}: xrefs.epoch {holder.epoch!r} is not an Epoch model name"
            )
            continue
        if holder.epoch in seen:
            report.duplicate_names.append(
                f"{holder.epoch!r} is named by {seen[holder.epoch]} and {holder.label}"
            )
        seen[holder.epoch] = holder.label
        report.covered.append(holder.epoch)
        report.compared += 1
        if holder.date and row["Publication date"]:
            days = _days_outside(holder.date, row["Publication date"])
            if days > DATE_DAYS:
                difference = f"date {holder.date} vs {row['Publication date']} ({days} days)"
                _settle(report, holder, "date", difference, row["Publication date"])
        ours = holder.parameters
        if ours and row["Parameters"]:
            theirs = float(row["Parameters"])
            if theirs > 0 and abs(ours - theirs) / theirs > PARAMETER_SHARE:
                difference = f"parameters {ours:,} vs {theirs:,.0f}"
                _settle(report, holder, "parameters", difference, row["Parameters"])
        mapped = set()
        for name in filter(None, (part.strip() for part in row["Organization"].split(","))):
            try:
                mapped.add(kg.resolve(name).id)
            except NotFoundError:
                report.unmapped_organizations.add(name)
        ours_orgs = set(getattr(holder.record, "organizations", []))
        # FAIR matches Meta AI, Google Brain matches Google: compare with what each is part of
        if mapped and not kg.closure(mapped, "part_of") & kg.closure(ours_orgs, "part_of"):
            difference = f"organizations {sorted(ours_orgs)} vs Epoch {row['Organization']!r}"
            _settle(report, holder, "organizations", difference, row["Organization"])
    return report


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reference", help="directory with Epoch AI's CSV files")
    parser.add_argument("--verbose", action="store_true", help="also list explained differences")
    args = parser.parse_args()
    directory = reference_dir(args.reference)
    if not (directory / NOTABLE).exists():
        print(f"no Epoch AI data in {directory} (set --reference or LLMKG_REFERENCE)", file=sys.stderr)
        return 2
    report = compare(llmkg.load(cache=False), directory)
    covered = len(set(report.covered) & set(report.target))
    share = f"{covered}/{len(report.target)} covered ({report.coverage:.1%})"
    print(f"Epoch notable language models 2017–2025: {share}")
    if report.all_target:
        linked = len(set(report.covered) & set(report.all_target))
        print(
            f"Epoch's full database, language models 2017–2025: {linked}/{len(report.all_target)}"
            f" linked ({report.all_coverage:.1%})"
        )
    print(f"records and checkpoints compared with Epoch: {report.compared}")
    print(f"differences explained by a dispute: {len(report.explained)}")
    sections = [
        ("unexplained differences", report.unexplained),
        ("disputes whose value no longer matches Epoch", report.stale),
        ("xrefs.epoch naming no Epoch model", report.unknown_names),
        ("Epoch names used twice", report.duplicate_names),
        ("not covered", report.missing),
        ("Epoch organization names with no llmkg organization", sorted(report.unmapped_organizations)),
    ]
    if args.verbose:
        sections.insert(0, ("explained differences", report.explained))
    for title, items in sections:
        print(f"\n{title}: {len(items)}")
        for item in items:
            print(f"  {item}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
