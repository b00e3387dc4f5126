"""Packaging and start-up: the data ships in the wheel; --version and --help stay light."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import modules_loaded
from llmkg.loader import packaged_data_dir

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_version_and_help_import_neither_networkx_nor_pydantic(args: list[str]) -> None:
    assert modules_loaded(args, ["networkx", "pydantic", "yaml", "rapidfuzz"]) == []


def test_the_console_script_runs() -> None:
    script = Path(sys.executable).with_name("llmkg")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "llmkg"]
    done = subprocess.run([*command, "lineage", "gpt-4o", "--format", "json"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert '"ancestors"' in done.stdout


def test_the_wheel_contains_the_data_files(tmp_path: Path) -> None:
    if not (ROOT / "pyproject.toml").exists():
        pytest.skip("not running from a source checkout")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    [wheel] = tmp_path.glob("llmkg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for data_file in sorted((ROOT / "data").glob("*.yaml")):
            member = f"llmkg/data/{data_file.name}"
            assert member in names
            assert archive.read(member) == data_file.read_bytes()
        # The explorer's page, app and vendored graph library with its licence.
        viewer = ROOT / "src" / "llmkg" / "viewer"
        for path in ("page.html", "app.js", "app.css", "vendor/cytoscape.min.js", "vendor/LICENSE.cytoscape"):
            assert archive.read(f"llmkg/viewer/{path}") == (viewer / path).read_bytes()


def test_the_installed_package_finds_its_data() -> None:
    assert (packaged_data_dir() / "history.yaml").is_file()
    assert (packaged_data_dir() / "concepts.yaml").is_file()
