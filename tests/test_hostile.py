"""Hostile input and faults: full disks, special files, odd digits, control characters, misleading
messages and dates in the future. Each case says what it is and exits with the README's status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, MINI

VALID = (DATA / "valid_small" / "data.yaml").read_text(encoding="utf-8")
LLMKG = [sys.executable, "-m", "llmkg"]
FULL = Path("/dev/full")


def dataset(tmp_path: Path, text: str, name: str = "data.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def llmkg(
    *args: str, stdout: object = subprocess.PIPE, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LLMKG, *args], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=timeout, check=False
    )


# --- a full disk on standard output -----------------------------------------------------------


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "args",
    [
        ["--data", str(MINI), "show", "gpt-4o"],
        ["--version"],
        ["--help"],
        ["--data", str(MINI), "validate"],
        ["--data", str(MINI), "export", "json"],
        ["--data", str(MINI), "timeline", "--all", "-f", "json"],
    ],
)
def test_a_full_disk_on_stdout_is_one_line_and_status_1(args: list[str]) -> None:
    with FULL.open("w") as full:
        done = llmkg(*args, stdout=full)
    assert done.returncode == 1, done.stderr
    assert done.stderr == "llmkg: error: cannot write output: No space left on device\n"
