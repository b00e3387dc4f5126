"""Generated datasets, valid and broken: the loader returns a dataset that keeps every invariant, or
raises an LlmkgError whose problems are located — never any other exception.

Examples per test: 100 by default, 1,000 with HYPOTHESIS_PROFILE=ci (as .ci/run sets).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import networkx as nx
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA, MINI
from llmkg.edges import record_edges
from llmkg.errors import DataError, LlmkgError
from llmkg.loader import load_dataset, packaged_data_dir
from llmkg.vocabulary import LINEAGE
from llmkg.yamlread import parse_text

FIELDS = [
    "id", "kind", "name", "aliases", "names", "summary", "date", "organizations", "parameters",
    "parameters_status", "architecture", "openness", "notability", "checkpoints", "sources", "xrefs",
    "note", "disputes", "relations", "relation", "target", "en", "ko", "epoch",
]  # fmt: skip
BASES = [
    (MINI / "history.yaml").read_text(encoding="utf-8"),
    (MINI / "concepts.yaml").read_text(encoding="utf-8"),
    (DATA / "valid_small" / "data.yaml").read_text(encoding="utf-8"),
]
SHIPPED: list[dict[str, Any]] = parse_text(
    "history.yaml", (packaged_data_dir() / "history.yaml").read_text("utf-8")
).value
SHIPPED_CONCEPTS: list[dict[str, Any]] = parse_text(
    "concepts.yaml", (packaged_data_dir() / "concepts.yaml").read_text("utf-8")
).value

fuzz = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def outcome(files: dict[str, str]) -> None:
    """Load the files; check the invariants if they load, the locations if they do not."""
    with tempfile.TemporaryDirectory() as directory:
        for name, text in files.items():
            Path(directory, name).write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            dataset = load_dataset([directory])
        except DataError as error:
            assert error.problems, "a DataError must list its problems"
            for problem in error.problems:
                assert problem.file.endswith(tuple(files)) and problem.line >= 1 and problem.column >= 1
                assert problem.message
            return
        except LlmkgError:
            return
    records = dataset.records
    assert len(records) == len(set(records)) == len(dataset.origins)
    lineage = nx.DiGraph()
    for record in records.values():
        for edge in record_edges(record):
            assert edge.target in records, f"{record.id} -> {edge.target} does not resolve"
            if edge.relation in LINEAGE:
                lineage.add_edge(edge.source, edge.target)
    assert nx.is_directed_acyclic_graph(lineage)


@st.composite
def mutated_text(draw: st.DrawFn) -> str:
    """A real data file with characters deleted, inserted or replaced."""
    text = draw(st.sampled_from(BASES))
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["delete", "insert", "replace"]))
        piece = draw(
            st.text(
                alphabet=st.sampled_from(list(":-[]{}#&*!|>'\"\t\n ,?%@`~0123456789aZ한\ufeff")), max_size=6
            )
        )
        if op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif op == "insert":
            text = text[:at] + piece + text[at:]
        else:
            text = text[:at] + piece + text[at + len(piece) :]
    return text


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
    st.sampled_from(["model", "concept", "2024-02-30", "7B", "1.5e9", "gpt-4o", "successor_of", "-1B"]),
)  # fmt: skip
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=20,
)


@st.composite
def random_records(draw: st.DrawFn) -> str:
    """Lists of mappings with real and made-up keys and values of every type."""
    records = draw(
        st.lists(
            st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), values, max_size=10), max_size=8
        )
    )
    return yaml.safe_dump(records, allow_unicode=True)


@st.composite
def mutated_shipped(draw: st.DrawFn) -> dict[str, str]:
    """Real records from the shipped data, with fields dropped, retyped or pointed elsewhere."""
    sample = draw(st.lists(st.sampled_from(SHIPPED), min_size=1, max_size=25, unique_by=lambda r: r["id"]))
    concepts = draw(st.lists(st.sampled_from(SHIPPED_CONCEPTS), max_size=10, unique_by=lambda r: r["id"]))
    ids = [r["id"] for r in sample + concepts]
    records = [dict(r) for r in sample]
    for record in records:
        change = draw(st.sampled_from(["keep", "keep", "drop", "retype", "retarget", "redate", "rename"]))
        key = draw(st.sampled_from(sorted(record)))
        if change == "drop":
            del record[key]
        elif change == "retype":
            record[key] = draw(values)
        elif change == "retarget" and record.get("relations"):
            record["relations"] = [{**r, "target": draw(st.sampled_from(ids))} for r in record["relations"]]
        elif change == "redate":
            record["date"] = draw(st.sampled_from(["1900", "2099-01-01", "2023-02-29", "2024-13", "2021"]))
        elif change == "rename":
            record["id"] = draw(st.sampled_from(ids))
    return {
        "history.yaml": yaml.safe_dump(records, allow_unicode=True),
        "concepts.yaml": yaml.safe_dump(concepts, allow_unicode=True) if concepts else "[]\n",
    }


@fuzz
@given(mutated_text())
def test_mutated_files_load_or_fail_with_locations(text: str) -> None:
    outcome({"data.yaml": text})


@fuzz
@given(random_records())
def test_random_records_load_or_fail_with_locations(text: str) -> None:
    outcome({"data.yaml": text})


@fuzz
@given(mutated_shipped())
def test_mutated_copies_of_the_shipped_data_load_or_fail_with_locations(files: dict[str, str]) -> None:
    outcome(files)


@fuzz
@given(st.binary(max_size=400))
def test_arbitrary_bytes_load_or_fail_with_locations(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        Path(directory, "data.yaml").write_bytes(raw)
        try:
            load_dataset([directory])
        except DataError as error:
            assert all(p.line >= 1 and p.column >= 1 for p in error.problems)
