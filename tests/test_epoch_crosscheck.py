"""Agreement with Epoch AI (runs when ../shared/reference or $LLMKG_REFERENCE holds its CSV files)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

import llmkg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))  # the scripts import their shared module, epochdata
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
FULL_LIST_SHARE = 0.75


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


def test_training_compute_for_95_percent_of_the_models_epoch_gives_it_for(report) -> None:  # type: ignore[no-untyped-def]
    measured = report.training_compute
    assert len(measured.target) > 300
    assert measured.share >= 0.95, measured.missing


def test_training_tokens_for_80_percent_of_the_models_epoch_gives_a_dataset_size_for(report) -> None:  # type: ignore[no-untyped-def]
    measured = report.training_tokens
    assert len(measured.target) > 300
    assert measured.share >= 0.80, measured.missing


def test_the_epoch_estimates_in_the_data_are_up_to_date() -> None:
    """Re-running scripts/epoch_fields.py on the shipped data changes nothing."""
    import epoch_fields

    epoch = crosscheck.read_epoch(REFERENCE)
    for path in sorted((ROOT / "data").glob("*.yaml")):
        before, after = epoch_fields.update(path, epoch)
        assert before == after, f"{path.name}: run scripts/epoch_fields.py"


LLAMA_2_70B = r"(- name: Llama 2-70B\n(?:      .*\n)*?)"


def _epoch_block(field_name: str) -> str:
    return rf"      {field_name}:\n        value: \S+\n(?:        .*\n)*?(?=      \S)"


def test_a_disclosed_figure_is_kept_and_epochs_goes_to_disputes(tmp_path: Path) -> None:
    import epoch_fields

    source = (ROOT / "data" / "history.yaml").read_text(encoding="utf-8")
    disclosed = "      training_tokens: {value: 3T, status: disclosed, source: 'arXiv:2307.09288'}\n"
    text, count = re.subn(LLAMA_2_70B + _epoch_block("training_tokens"), rf"\g<1>{disclosed}", source)
    assert count == 1
    for other in (ROOT / "data").glob("*.yaml"):
        if other.name != "history.yaml":
            (tmp_path / other.name).write_text(other.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "history.yaml"
    path.write_text(text, encoding="utf-8")
    epoch = crosscheck.read_epoch(REFERENCE)
    _, after = epoch_fields.update(path, epoch)
    path.write_text(after, encoding="utf-8")
    assert epoch_fields.update(path, epoch)[1] == after  # a second run changes nothing
    kg = llmkg.load(str(tmp_path), cache=False)
    checkpoint = next(c for c in kg["llama-2"].checkpoints if c.name == "Llama 2-70B")
    assert checkpoint.training_tokens.value == 3e12
    assert checkpoint.training_tokens.status == "disclosed"
    assert [(d.field, float(d.value)) for d in checkpoint.disputes] == [("training_tokens", 2e12)]
    assert crosscheck.compare(kg, REFERENCE).unexplained == []


def test_a_stale_epoch_estimate_and_an_unrecorded_difference_are_caught(tmp_path: Path) -> None:
    from llmkg.loader import packaged_data_dir

    for source in packaged_data_dir().glob("*.yaml"):
        text = source.read_text(encoding="utf-8")
        if source.name == "history.yaml":
            compute = (
                "      training_compute: {value: 1.0e+20, status: estimated, estimated_by: Epoch AI,"
                " source: 'https://epoch.ai/data/ai-models'}\n"
            )
            tokens = "      training_tokens: {value: 9T, status: disclosed, source: 'arXiv:2307.09288'}\n"
            text, count = re.subn(LLAMA_2_70B + _epoch_block("training_compute"), rf"\g<1>{compute}", text)
            assert count == 1
            text, count = re.subn(LLAMA_2_70B + _epoch_block("training_tokens"), rf"\g<1>{tokens}", text)
            assert count == 1
        (tmp_path / source.name).write_text(text, encoding="utf-8")
    changed = crosscheck.compare(llmkg.load(str(tmp_path), cache=False), REFERENCE)
    assert any("Llama 2-70B" in item and "training_compute" in item for item in changed.stale)
    assert any("Llama 2-70B" in item and "training_tokens 9e+12" in item for item in changed.unexplained)
