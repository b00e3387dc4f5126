"""Agreement with Epoch AI (runs when ../shared/reference or $LLMKG_REFERENCE holds its CSV files)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

import llmkg

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("crosscheck", ROOT / "scripts" / "crosscheck.py")
assert spec and spec.loader
crosscheck = importlib.util.module_from_spec(spec)
sys.modules["crosscheck"] = crosscheck
spec.loader.exec_module(crosscheck)

REFERENCE = crosscheck.reference_dir()
pytestmark = pytest.mark.skipif(
    not (REFERENCE / crosscheck.NOTABLE).exists(),
    reason=f"Epoch AI reference data not found at {REFERENCE}; set LLMKG_REFERENCE to run the cross-check",
)


@pytest.fixture(scope="module")
def report(kg: llmkg.KnowledgeGraph) -> object:
    return crosscheck.compare(kg, REFERENCE)


def test_every_disagreement_with_epoch_is_fixed_or_recorded(report) -> None:  # type: ignore[no-untyped-def]
    assert report.unexplained == []
    assert report.stale == []


def test_every_epoch_cross_reference_names_a_real_epoch_model_once(report) -> None:  # type: ignore[no-untyped-def]
    assert report.unknown_names == []
    assert report.duplicate_names == []
    assert report.compared > 400


def test_at_least_95_percent_of_epochs_notable_language_models_are_covered(report) -> None:  # type: ignore[no-untyped-def]
    assert len(report.target) > 400
    assert report.coverage >= 0.95, report.missing


# The share of Epoch's full database (language models 2017–2025) linked today; it may only rise.
FULL_LIST_SHARE = 0.72


def test_the_share_of_epochs_full_list_of_language_models_linked_does_not_fall(report) -> None:  # type: ignore[no-untyped-def]
    if not (REFERENCE / crosscheck.ALL_MODELS).exists():
        pytest.skip(f"Epoch AI's full database ({crosscheck.ALL_MODELS}) not found at {REFERENCE}")
    assert len(report.all_target) > 900
    linked = set(report.covered) & set(report.all_target)
    assert len(linked) >= FULL_LIST_SHARE * len(report.all_target), sorted(set(report.all_target) - linked)


def test_an_unexplained_difference_is_caught(kg: llmkg.KnowledgeGraph, tmp_path: Path) -> None:
    """The check can fail: shift GPT-3's date by a year in a copy of the data and it must notice."""
    from llmkg.loader import packaged_data_dir

    for source in packaged_data_dir().glob("*.yaml"):
        text = source.read_text(encoding="utf-8")
        if source.name == "history.yaml":
            text, count = re.subn(
                r"(- id: gpt-3\n(?:  .*\n)*?  date: )'2020-05-28'", r"\g<1>'2021-05-28'", text
            )
            assert count == 1
        (tmp_path / source.name).write_text(text, encoding="utf-8")
    changed = crosscheck.compare(llmkg.load(str(tmp_path), cache=False), REFERENCE)
    assert any("2021-05-28" in item for item in changed.unexplained)
