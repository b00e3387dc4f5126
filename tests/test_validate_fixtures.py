"""Each broken dataset under tests/data/bad/ gets its own located, actionable message (exit 1)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import BAD, DATA, run

# fixture directory -> (text on the offending line of the fixture, words the message must contain)
CASES = {
    "malformed_yaml": ("name: Alpha: the first", "not valid YAML"),
    "unknown_key": ("colour: blue", "unknown key 'colour'"),
    "dangling_reference": ("target: gamma", "unknown id 'gamma'"),
    "lineage_cycle": ("target: beta", "lineage cycle: alpha → beta → alpha"),
    "child_before_parent": (
        "relation: fine_tuned_from, target: alpha",
        "beta (2020-05) is dated before alpha (2021-03-01)",
    ),
    "lineage_without_evidence": ("relation: fine_tuned_from, target: alpha", "'alpha' has no evidence"),
    "stated_without_source": ("evidence: stated", "is stated but gives no source"),
    "duplicate_alias": ("aliases: [alpha-one]", "'alpha-one' is already used by 'alpha'"),
    "bad_relation_kind": ("target: acme", "trained_on cannot join a model to an organization"),
    "future_date": ('date: "2999-01-01"', "2999-01-01 is in the future"),
    "bad_parameters": ("parameters: 1.5e9", "is a float, not a count — write the count with a suffix"),
    "bad_id": ("id: Alpha Model", "'Alpha Model' is not a valid id"),
    "duplicate_key": ("name: Alpha Again", "duplicate key 'name'"),
    "python_tag": ("!!python/object", "!!python/object/apply:os.system is not allowed"),
    "bad_date": ('date: "2023-02-30"', "'2023-02-30' does not exist"),
    "tabs": ("\tnotability", "tabs"),
    "not_a_list": ("id: alpha", "not a list"),
    "confusable_name": ("name: GРТ-4o", "name 'GРТ-4o' can be confused with 'GPT-4o' of 'gpt-4o'"),
}


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_bad_dataset_is_reported_at_its_file_and_line(case: str) -> None:
    marker, words = CASES[case]
    fixture = BAD / case / "data.yaml"
    result = run("validate", str(BAD / case))
    assert result.code == 1, result
    assert "Traceback" not in result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if re.match(r".+:\d+:\d+: ", line)]
    assert problems, result.stdout
    expected_line = _line_of(fixture, marker)
    located = [p for p in problems if f"data.yaml:{expected_line}:" in p]
    assert located, f"no problem at line {expected_line}: {problems}"
    assert any(words in p for p in located), located


def test_an_empty_file_is_reported() -> None:
    result = run("validate", str(BAD / "empty_file"))
    assert result.code == 1
    assert "data.yaml:1:1: the file is empty" in result.stdout


def test_duplicate_ids_across_files_name_both_places() -> None:
    result = run("validate", str(BAD / "duplicate_id"))
    assert result.code == 1
    assert re.search(r"b\.yaml:1:3: duplicate id 'alpha'; first defined at .*a\.yaml:\d+", result.stdout)


def test_estimated_parameters_without_a_note_are_reported() -> None:
    result = run("validate", str(BAD / "estimated_without_note"))
    assert result.code == 1
    assert "estimated parameters need a note" in result.stdout


def test_validate_reports_every_problem_of_several_datasets_in_one_run_sorted() -> None:
    result = run("validate", str(BAD / "several_problems"), str(BAD / "malformed_yaml"))
    assert result.code == 1
    problems = [line for line in result.stdout.splitlines() if re.match(r".+:\d+:\d+: ", line)]
    assert len(problems) == 4
    messages = " ".join(problems)
    for words in ("not valid YAML", "unknown key 'colour'", "unknown id 'gamma'", "must be positive, not 0"):
        assert words in messages
    keys = [(p.split(":")[0], int(p.split(":")[1])) for p in problems]
    assert keys == sorted(keys)


def test_a_valid_dataset_passes_with_a_one_line_summary() -> None:
    result = run("validate", str(DATA / "valid_small"))
    assert result.code == 0
    assert result.stdout.strip() == "ok: 4 records in 1 file, no problems"


def test_commands_refuse_invalid_data_with_exit_1_and_the_problems() -> None:
    result = run("--data", str(BAD / "dangling_reference"), "timeline")
    assert result.code == 1
    assert "unknown id 'gamma'" in result.stderr
    assert result.stdout == ""
