"""Rewrite llmkg data files in one canonical layout (key order, quoting, flow style for short entries).

    python scripts/format_data.py data/*.yaml          # rewrite in place
    python scripts/format_data.py --check data/*.yaml  # exit 1 if a file is not formatted

Leading comment lines of a file are kept; everything else is regenerated from the parsed records,
so comments inside records are not kept (put such remarks in a record's `note`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from llmkg import derived, schema
from llmkg.yamlread import read_file, resolve_plain

# Key orders come from the schema, so that a new field is laid out without touching this file.
KEY_ORDER = list(schema.FIELD_ORDER)
CHECKPOINT_ORDER = list(schema.Checkpoint.model_fields)
DISPUTE_ORDER = list(schema.Dispute.model_fields)
RELATION_ORDER = list(schema.RelationEntry.model_fields)
SUMMARY_ORDER = list(schema.Summary.model_fields)
XREF_ORDER = list(schema.XRefs.model_fields)
MEASURE_ORDER = list(schema.Measure.model_fields)
LICENSE_ORDER = list(schema.License.model_fields)
MEASURES = tuple(name for name, spec in derived.specs().items() if spec["style"] == "measure")


class Flow(dict):  # type: ignore[type-arg]
    """A mapping written on one line."""


class FlowList(list):  # type: ignore[type-arg]
    """A list written on one line."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    # PyYAML quotes by YAML 1.1 rules; llmkg reads YAML 1.2, where 2e+12 is a number, not text
    style = "|" if "\n" in value else ("'" if not isinstance(resolve_plain(value), str) else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _float(dumper: yaml.SafeDumper, value: float) -> yaml.Node:
    # FLOP and token figures read best as 3.14e+23, not 314000000000000000000000.0; the
    # mantissa keeps a dot so that YAML 1.1 readers, too, see a float
    if value != value or value in (float("inf"), float("-inf")) or abs(value) < 1e7:
        return dumper.represent_float(value)
    # the shortest mantissa that reads back as the same float: 9.702e+24, not 9.701999999999999e+24
    digits = next(d for d in range(17) if float(f"{value:.{d}e}") == value)
    mantissa, exponent = f"{value:.{digits}e}".split("e")
    mantissa = mantissa.rstrip("0") if "." in mantissa else mantissa + "."
    return dumper.represent_scalar(
        "tag:yaml.org,2002:float",
        f"{mantissa}0e{exponent}" if mantissa.endswith(".") else f"{mantissa}e{exponent}",
    )


_Dumper.add_representer(str, _str)
_Dumper.add_representer(float, _float)
_Dumper.add_representer(Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True))
_Dumper.add_representer(
    FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


def _ordered(mapping: dict[str, Any], order: list[str]) -> dict[str, Any]:
    known = {key: mapping[key] for key in order if key in mapping}
    known.update({key: value for key, value in mapping.items() if key not in known})
    return known


def _short(values: list[Any]) -> bool:
    return all(isinstance(v, str) and len(v) < 40 for v in values) and sum(len(str(v)) for v in values) < 70


def canonical(record: dict[str, Any]) -> dict[str, Any]:
    out = _ordered(record, KEY_ORDER)
    if "date" in out:
        out["date"] = str(out["date"])
    for key in ("aliases", "organizations"):
        if key in out and _short(out[key]):
            out[key] = FlowList(out[key])
    if "names" in out:
        out["names"] = Flow(out["names"])
    if "summary" in out:
        out["summary"] = _ordered(out["summary"], SUMMARY_ORDER)
    if "xrefs" in out:
        xrefs = _ordered(out["xrefs"], XREF_ORDER)
        out["xrefs"] = Flow(xrefs) if sum(len(str(v)) for v in xrefs.values()) < 60 else xrefs
    for key in MEASURES:
        if key in out:
            out[key] = _one_line(_ordered(out[key], MEASURE_ORDER))
    if "license" in out:
        out["license"] = _one_line(_ordered(out["license"], LICENSE_ORDER))
    if "checkpoints" in out:
        out["checkpoints"] = [_checkpoint(c) for c in out["checkpoints"]]
    if "disputes" in out:
        out["disputes"] = [_ordered(d, DISPUTE_ORDER) for d in out["disputes"]]
    if "relations" in out:
        out["relations"] = [_relation(r) for r in out["relations"]]
    return out


def _one_line(mapping: dict[str, Any]) -> dict[str, Any]:
    return Flow(mapping) if len(str(mapping)) < 100 and "note" not in mapping else mapping


def _checkpoint(checkpoint: dict[str, Any]) -> dict[str, Any]:
    out = _ordered(checkpoint, CHECKPOINT_ORDER)
    for key in MEASURES:
        if key in out:
            out[key] = _one_line(_ordered(out[key], MEASURE_ORDER))
    if "xrefs" in out:
        out["xrefs"] = Flow(_ordered(out["xrefs"], XREF_ORDER))
    if "disputes" in out:
        out["disputes"] = [_ordered(d, DISPUTE_ORDER) for d in out["disputes"]]
    simple = set(out) <= {"name", "parameters", "parameters_status", "xrefs", "date"}
    return Flow(out) if simple and len(str(out)) < 100 else out


def _relation(relation: dict[str, Any]) -> dict[str, Any]:
    out = _ordered(relation, RELATION_ORDER)
    if "sources" in out:
        out["sources"] = FlowList(out["sources"])
    return Flow(out) if len(str(out)) < 100 else out


def render(records: list[dict[str, Any]], header: str = "") -> str:
    body = "\n".join(
        yaml.dump([canonical(record)], Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
        for record in records
    )
    return header + body


def header_of(text: str) -> str:
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith("#") or (lines and not line.strip()):
            lines.append(line)
        else:
            break
    return "".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("files", nargs="+", type=Path, help="data files to format")
    parser.add_argument("--check", action="store_true", help="only report files that are not formatted")
    args = parser.parse_args()
    return rewrite(args.files, formatted, args.check, stale="not formatted")


def formatted(path: Path) -> tuple[str, str]:
    """The file's text as it is and in the canonical layout."""
    text = path.read_text(encoding="utf-8")
    return text, render(read_file(path).value, header_of(text))


def rewrite(
    paths: list[Path],
    change: Callable[[Path], tuple[str, str]],
    check: bool,
    stale: str,
    done: str | None = None,
) -> int:
    """Write each file as `change` says it should be (saying `done`, if given), or with `check`
    write nothing and say `stale` of each file that would change; the exit status."""
    changed = 0
    for path in paths:
        before, after = change(path)
        if before != after:
            changed += 1
            if check:
                print(f"{path}: {stale}")
            else:
                path.write_text(after, encoding="utf-8")
                if done:
                    print(f"{path}: {done}")
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
