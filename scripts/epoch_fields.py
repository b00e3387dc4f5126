"""Fill training compute and training tokens from Epoch AI's databases.

    python scripts/epoch_fields.py [--reference DIR] [--check] [data/*.yaml]

For every model record or checkpoint whose `xrefs.epoch` names an Epoch model, writes
`training_compute` (Epoch's "Training compute (FLOP)") and `training_tokens` (Epoch's training
dataset size, times its epochs, when its notes show the size is in tokens) with status estimated,
estimated_by Epoch AI and Epoch's confidence. A value with status disclosed (taken from the
developer's own paper or model card) is never replaced; when Epoch's figure differs from it, Epoch's
goes to `disputes`. An estimate by someone other than Epoch is left alone. Running it twice changes
nothing. Files are rewritten in the canonical layout of scripts/format_data.py.

With --check nothing is written; exit status 1 if a file would change.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import epochdata
from format_data import header_of, render, rewrite

from llmkg.counts import parse_count
from llmkg.yamlread import read_file

FIELDS = {"training_compute": epochdata.COMPUTE_SHARE, "training_tokens": epochdata.TOKEN_SHARE}


def epoch_figures(row: dict[str, str]) -> dict[str, epochdata.Figure | None]:
    return {"training_compute": epochdata.compute(row), "training_tokens": epochdata.tokens(row)[0]}


def _estimate(figure: epochdata.Figure) -> dict[str, Any]:
    measure: dict[str, Any] = {
        "value": float(f"{figure.value:.4g}"),
        "status": "estimated",
        "source": figure.source,
        "estimated_by": epochdata.ESTIMATOR,
    }
    if figure.confidence:
        measure["confidence"] = figure.confidence
    if figure.note:
        measure["note"] = figure.note
    return measure


def _number(value: Any) -> float | None:
    """A figure as written by hand: 3.14e+23, 2000000000000 or 2T (None if it is malformed,
    which `llmkg validate` reports)."""
    try:
        return float(parse_count(value)) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None


def _is_ours(measure: dict[str, Any]) -> bool:
    """A value this script wrote (and may rewrite): Epoch's own estimate."""
    return measure.get("status") == "estimated" and measure.get("estimated_by") == epochdata.ESTIMATOR


def _dispute(holder: dict[str, Any], field_name: str, figure: epochdata.Figure, kept: float) -> None:
    disputes = holder.setdefault("disputes", [])
    value = f"{figure.value:.4g}"
    for dispute in disputes:
        if dispute.get("field") == field_name and dispute.get("source") == epochdata.ESTIMATOR:
            dispute["value"] = value
            return
    confidence = f" ({figure.confidence})" if figure.confidence else ""
    disputes.append(
        {
            "field": field_name,
            "value": value,
            "source": epochdata.ESTIMATOR,
            "note": f"Epoch AI's estimate{confidence}; the developer's own figure, {kept:.4g}, is kept.",
        }
    )


def _drop_dispute(holder: dict[str, Any], field_name: str) -> None:
    """An Epoch dispute on a field now filled with Epoch's own value says nothing any more."""
    if "disputes" in holder:
        holder["disputes"] = [
            d
            for d in holder["disputes"]
            if not (d.get("field") == field_name and d.get("source") == epochdata.ESTIMATOR)
        ]
        if not holder["disputes"]:
            del holder["disputes"]


def fill(holder: dict[str, Any], row: dict[str, str]) -> None:
    for field_name, figure in epoch_figures(row).items():
        current = holder.get(field_name)
        if current is not None and not _is_ours(current):
            if figure is not None and current.get("status") == "disclosed":
                kept = _number(current.get("value"))
                if kept is not None and not epochdata.agree(kept, figure.value, FIELDS[field_name]):
                    _dispute(holder, field_name, figure, kept)
            continue
        if figure is None:
            holder.pop(field_name, None)
        else:
            holder[field_name] = _estimate(figure)
            _drop_dispute(holder, field_name)


def holders_in(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for record in records:
        if record.get("kind") != "model":
            continue
        if (record.get("xrefs") or {}).get("epoch"):
            found.append(record)
        for checkpoint in record.get("checkpoints") or []:
            if (checkpoint.get("xrefs") or {}).get("epoch"):
                found.append(checkpoint)
    return found


def update(path: Path, epoch: dict[str, dict[str, str]]) -> tuple[str, str]:
    """The file's text as it is and as it should be."""
    text = path.read_text(encoding="utf-8")
    records = read_file(path).value or []
    for holder in holders_in(records):
        row = epoch.get(holder["xrefs"]["epoch"])
        if row is not None:
            fill(holder, row)
    return text, render(records, header_of(text))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="*", type=Path, help="data files (default: every data/*.yaml)")
    parser.add_argument("--reference", help="directory with Epoch AI's CSV files")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file would change")
    args = parser.parse_args()
    directory = epochdata.reference_dir(args.reference)
    if not (directory / epochdata.NOTABLE).exists():
        print(f"no Epoch AI data in {directory} (set --reference or LLMKG_REFERENCE)", file=sys.stderr)
        return 2
    epoch = epochdata.read_epoch(directory)
    files = args.files or sorted((Path(__file__).resolve().parents[1] / "data").glob("*.yaml"))
    return rewrite(
        files, lambda path: update(path, epoch), args.check, "Epoch AI fields not up to date", "updated"
    )


if __name__ == "__main__":
    sys.exit(main())
