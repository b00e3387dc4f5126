"""Names and ids that only look like another record's (Unicode's confusable skeletons, UTS #39)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BAD, modules_loaded, run
from test_messages import korean_problems

# --- names that look alike --------------------------------------------------------------------

ORG = "- {id: acme, kind: organization, name: Acme AI}\n"
MODEL = "- {{id: {0}, kind: organization, name: {1}, aliases: [{2}]}}\n"


def _names(tmp_path: Path, *records: tuple[str, str, str]) -> list[str]:
    text = ORG + "".join(MODEL.format(*record) for record in records)
    (tmp_path / "data.yaml").write_text(text, encoding="utf-8")
    result = run("validate", str(tmp_path))
    return korean_problems(result.stdout)


def test_a_cyrillic_look_alike_is_reported_at_the_second_records_name(tmp_path: Path) -> None:
    found = _names(tmp_path, ("gpt-4o", "GPT-4o", "gpt4o"), ("gpt-4o-copy", "GРТ-4o", "Copy"))
    assert len(found) == 1, found
    assert found[0].startswith(f"{tmp_path / 'data.yaml'}:3:"), found
    assert "gpt-4o-copy: name 'GРТ-4o' can be confused with 'GPT-4o' of 'gpt-4o'" in found[0]
    assert "U+0420" in found[0] and "U+0422" in found[0] and " — " in found[0]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("GPT-4o", "gpt-4о"),  # a Cyrillic small o, in the case users type
        ("Alpaca", "Αlpaca"),  # a Greek capital alpha
        ("Llama 3", "LIama 3"),  # a capital I for a small l
        ("PaLM", "РаLМ"),  # three Cyrillic capitals and a small a
    ],
)
def test_look_alike_letters_are_found_as_aliases_too(tmp_path: Path, first: str, second: str) -> None:
    found = _names(tmp_path, ("one", first, "One"), ("two", "Two", second))
    assert len(found) == 1 and "can be confused with" in found[0], found


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("T0pp", "top-p"),  # 0 looks like O, not o: UTS #39 does not confuse them
        ("GPT-4", "GPT-4o"),
        ("Gemma", "Gemini"),
        ("트랜스포머", "Transformer"),
    ],
)
def test_names_that_only_resemble_are_not_reported(tmp_path: Path, first: str, second: str) -> None:
    assert _names(tmp_path, ("one", first, "One"), ("two", second, "Two")) == []


def test_a_record_may_have_names_that_look_like_each_other(tmp_path: Path) -> None:
    assert _names(tmp_path, ("gpt-4o", "GPT-4o", "gpt-4о")) == []


def test_loading_refuses_a_look_alike_too() -> None:
    result = run("--data", str(BAD / "confusable_name"), "show", "gpt-4o")
    assert result.code == 1 and "can be confused with 'GPT-4o'" in result.stderr, result.stderr


def test_korean_mode_names_the_look_alike_letters(tmp_path: Path) -> None:
    result = run("--lang", "ko", "validate", str(BAD / "confusable_name"))
    lines = korean_problems(result.stdout)
    assert len(lines) == 1 and "U+0420" in lines[0] and "'GPT-4o'" in lines[0], lines


@pytest.mark.parametrize("command", [["--version"], ["show", "gpt-4o"], ["search", "trasformer"]])
def test_quick_commands_do_not_load_the_confusables(command: list[str], tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "LLMKG_CACHE_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "llmkg", "show", "bert"], env=env, check=True, capture_output=True)
    assert (
        modules_loaded(command, ["confusables", "llmkg.lookalike"], env={"LLMKG_CACHE_DIR": str(tmp_path)})
        == []
    )
