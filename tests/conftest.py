from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

import llmkg
from llmkg.cli import main

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini"
BAD = DATA / "bad"


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    """Run the real command-line entry point (as the console script does), capturing its output."""
    runner = CliRunner()
    with runner.isolation(env=env) as (out, err, _mixed):
        try:
            main(list(args))
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 1
        else:  # pragma: no cover - main always exits
            code = 0
        sys.stdout.flush()
        sys.stderr.flush()
        return Result(code, out.getvalue().decode(), err.getvalue().decode())


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LLMKG_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))
    monkeypatch.delenv("LLMKG_DATA", raising=False)
    monkeypatch.delenv("LLMKG_LANG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def mini() -> llmkg.KnowledgeGraph:
    return llmkg.load(str(MINI), cache=False)


@pytest.fixture(scope="session")
def kg() -> llmkg.KnowledgeGraph:
    """The packaged dataset."""
    return llmkg.load(cache=False)


# How hard the property tests push: 100 examples each by default, 1,000 in CI.
settings.register_profile("ci", max_examples=1000)
settings.register_profile("dev", max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


_PROBE = """
import json, sys
wanted, args = json.loads(sys.argv[1]), sys.argv[2:]
sys.argv = ["llmkg", *args]
from llmkg.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nLOADED=" + json.dumps(sorted(m for m in wanted if m in sys.modules)))
"""


def modules_loaded(args: list[str], modules: list[str], env: dict[str, str] | None = None) -> list[str]:
    """Which of `modules` a run of `llmkg ARGS` in a fresh interpreter imported."""
    import json
    import subprocess

    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(modules), *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    marker = done.stderr.rsplit("LOADED=", 1)
    assert len(marker) == 2, done.stderr
    loaded: list[str] = json.loads(marker[1])
    return loaded
