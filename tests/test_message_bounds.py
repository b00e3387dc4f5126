"""Counts said in correct English (and Korean), and what the user typed cut to a bounded length."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BAD, MINI, run
from test_messages import HANGUL, english_left

# --- counts and plurals ----------------------------------------------------------------------


def test_validate_counts_the_files_that_have_problems_with_plurals(tmp_path: Path) -> None:
    good = "- {{id: org{0}, kind: organization, name: Org {0}}}\n"
    for n in range(5):
        (tmp_path / f"f{n}.yaml").write_text(good.format(n), encoding="utf-8")
    (tmp_path / "f5.yaml").write_text(
        "- {id: bad, kind: organization, name: Bad, colour: red}\n", encoding="utf-8"
    )
    result = run("validate", str(tmp_path))
    assert result.code == 1
    assert result.stderr == "llmkg: error: 1 problem in 1 file\n"
    several = run("validate", str(BAD / "several_problems"))
    assert several.stderr == "llmkg: error: 3 problems in 2 files\n"
    korean = run("--lang", "ko", "validate", str(BAD / "several_problems"))
    assert korean.stderr == "llmkg: 오류: 파일 2개에서 문제 3개\n"


def test_the_ok_line_counts_in_correct_english_and_korean(tmp_path: Path) -> None:
    (tmp_path / "one.yaml").write_text("- {id: acme, kind: organization, name: Acme}\n", encoding="utf-8")
    assert run("validate", str(tmp_path)).stdout == "ok: 1 record in 1 file, no problems\n"
    (tmp_path / "two.yaml").write_text("- {id: b, kind: organization, name: B}\n", encoding="utf-8")
    assert run("validate", str(tmp_path)).stdout == "ok: 2 records in 2 files, no problems\n"
    korean = run("--lang", "ko", "validate", str(tmp_path))
    assert korean.code == 0 and HANGUL.search(korean.stdout) and "2개" in korean.stdout
    assert english_left(korean.stdout, set()) == [], korean.stdout


# --- what the user typed is cut short ---------------------------------------------------------

HUGE = "x" * 100_000


@pytest.mark.parametrize(
    "args",
    [
        ["show", HUGE],
        ["search", HUGE],
        ["lineage", HUGE],
        ["neighbours", "gpt-3", "-r", HUGE],
        ["timeline", "-k", HUGE],
        ["timeline", HUGE],
        ["timeline", "--org", HUGE],
        ["export", HUGE],
        ["path", "gpt-3", HUGE],
    ],
)
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_huge_name_is_echoed_cut_short_with_its_length(args: list[str], lang: str) -> None:
    result = run("--lang", lang, "--data", str(MINI), *args)
    assert result.code in (0, 2, 3), result.stderr[:300]
    assert len(result.stderr) < 500, result.stderr[:600]
    assert ("100,000 characters" if lang == "en" else "100,000자") in result.stderr, result.stderr


def test_a_short_name_is_echoed_whole() -> None:
    result = run("--data", str(MINI), "show", "gpt-5o")
    assert "no record named 'gpt-5o'" in result.stderr
