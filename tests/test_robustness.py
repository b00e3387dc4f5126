"""Bad input, hostile input, pipes, signals, files and caches: clear messages, bounded cost, no damage."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import BAD, DATA, MINI, run

VALID = (DATA / "valid_small" / "data.yaml").read_text(encoding="utf-8")
LLMKG = [sys.executable, "-m", "llmkg"]


def dataset(tmp_path: Path, text: str, name: str = "data.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("parameters: 7B", "parameters: 0", "must be positive, not 0"),
        ("parameters: 7B", "parameters: -7B", "is not a parameter count"),
        ("parameters: 7B", "parameters: 200T", "more than 100T"),
        ("parameters: 7B", "parameters: 1.5e9", "is a float"),
        ("organizations: [acme]", "organizations: acme", "valid list"),
        ('date: "2020-01-01"', "date: [2020]", "date"),
        ("summary: {en: A test model.}", "summary: A test model.", "summary"),
    ],
)
def test_wrong_values_and_types_are_located(tmp_path: Path, old: str, new: str, words: str) -> None:
    assert old in VALID
    text = VALID.replace(old, new, 1)
    result = run("validate", str(dataset(tmp_path, text)))
    assert result.code == 1
    changed = line_of(text, new.splitlines()[0].strip())
    located = [line for line in result.stdout.splitlines() if f"data.yaml:{changed}:" in line]
    assert located and words in located[0], result.stdout
    assert " — " in located[0]  # every message says how to fix it


def test_korean_names_collide_across_unicode_forms(tmp_path: Path) -> None:
    composed = "트랜스포머"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    text = VALID.replace("name: Alpha\n", f"name: Alpha\n  names: {{ko: {composed}}}\n", 1)
    text = text.replace("name: Beta\n", f"name: Beta\n  aliases: [{decomposed}]\n", 1)
    result = run("validate", str(dataset(tmp_path, text)))
    assert result.code == 1
    assert "is already used by 'alpha'" in result.stdout


def test_extra_data_may_not_redefine_packaged_records(tmp_path: Path) -> None:
    extra = VALID.replace("id: alpha", "id: gpt-4o").replace("[alpha]", "[gpt-4o]")
    extra = extra.replace("target: alpha", "target: gpt-4o").replace("id: acme", "id: acme-extra")
    extra = extra.replace("[acme]", "[acme-extra]").replace("id: decoder-only", "id: decoder-only-extra")
    extra = extra.replace("architecture: decoder-only", "architecture: decoder-only-extra")
    extra = extra.replace("name: Decoder-only Transformer", "name: Decoder stack (extra)")
    extra = extra.replace("디코더 전용 트랜스포머", "추가 디코더")
    result = run("--data", "@packaged", "--data", str(dataset(tmp_path, extra)), "stats")
    assert result.code == 1
    assert "'gpt-4o' is already defined by llmkg's packaged data" in result.stderr


def test_extra_data_adds_to_the_packaged_data(tmp_path: Path) -> None:
    extra = VALID.replace("id: acme", "id: acme-extra").replace("[acme]", "[acme-extra]")
    extra = extra.replace("name: Acme AI", "name: Acme Extra").replace(
        "architecture: decoder-only", "architecture: dec"
    )
    extra = extra.replace("id: decoder-only", "id: dec").replace(
        "name: Decoder-only Transformer", "name: Dec"
    )
    extra = extra.replace("디코더 전용 트랜스포머", "추가 디코더")
    extra = extra.replace("id: alpha", "id: alpha-extra").replace("target: alpha", "target: alpha-extra")
    extra = extra.replace("id: beta", "id: beta-extra").replace("name: Alpha", "name: Alpha X")
    extra = extra.replace("name: Beta", "name: Beta X")
    result = run(
        "--data", "@packaged", "--data", str(dataset(tmp_path, extra)), "lineage", "beta-extra", "-f", "json"
    )
    assert result.code == 0, result.stderr
    assert "alpha-extra" in result.stdout


# --- bounded cost -----------------------------------------------------------------------------


def timed(*args: str) -> tuple[float, object]:
    started = time.perf_counter()
    result = run(*args)
    return time.perf_counter() - started, result


def test_a_200_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(200 * 2**20)  # sparse: costs no disk
    elapsed, result = timed("validate", str(tmp_path))
    assert result.code == 1 and "200 MiB; the limit is 32 MiB" in result.stdout  # type: ignore[attr-defined]
    assert elapsed < 5


def test_a_one_megabyte_line_is_read_or_refused_briefly(tmp_path: Path) -> None:
    aliases = ", ".join(f"alias{n:06d}" for n in range(90_000))  # over 1 MB on one line
    text = VALID.replace("name: Beta\n", f"name: Beta\n  aliases: [{aliases}]\n", 1)
    assert max(len(line) for line in text.splitlines()) > 2**20
    elapsed, result = timed("--data", str(dataset(tmp_path, text)), "show", "alias089999", "-f", "json")
    assert result.code == 0 and '"id": "beta"' in result.stdout  # type: ignore[attr-defined]
    assert elapsed < 10
    huge_note = VALID.replace("name: Beta\n", f"name: Beta\n  note: {'x' * 2**20}\n", 1)
    refused = run("validate", str(dataset(tmp_path, huge_note)))
    assert refused.code == 1 and "at most 20000 characters" in refused.stdout
    assert len(refused.stdout) < 1000  # the message names the value without repeating a megabyte of it


def test_a_record_with_100000_aliases_is_handled(tmp_path: Path) -> None:
    aliases = "\n".join(f"    - alias number {n}" for n in range(100_000))
    text = VALID.replace("name: Beta\n", f"name: Beta\n  aliases:\n{aliases}\n", 1)
    elapsed, result = timed("--data", str(dataset(tmp_path, text)), "show", "alias number 99999")
    assert result.code == 0 and "Beta" in result.stdout  # type: ignore[attr-defined]
    assert elapsed < 30


def test_an_alias_bomb_and_deep_nesting_are_refused_quickly(tmp_path: Path) -> None:
    lines = ['- &a0 {id: lol, kind: concept, name: ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]}']
    lines += [f"- &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    (tmp_path / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "deep.yaml").write_text("[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    elapsed, result = timed("validate", str(tmp_path))
    assert result.code == 1
    assert "bomb.yaml" in result.stdout and "expands to more than" in result.stdout  # type: ignore[attr-defined]
    assert "deep.yaml" in result.stdout and "nesting" in result.stdout  # type: ignore[attr-defined]
    assert elapsed < 5


# --- pipes, signals, files --------------------------------------------------------------------


def test_a_closed_pipe_ends_quietly() -> None:
    done = subprocess.run(
        f"{' '.join(LLMKG)} --data {MINI} timeline --all | head -1; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.stdout.startswith("Date")
    assert done.returncode == 0
    assert "Error" not in done.stderr and "Traceback" not in done.stderr


SLOW_QUERY = """
import sys, time
import llmkg.questions.timeline as queries
def slow(*args, **kwargs):
    print("ready", file=sys.stderr, flush=True)
    time.sleep(60)
queries.timeline = slow
from llmkg.cli import main
main(sys.argv[1:])
"""


def _start_and_signal(script: str, args: list[str], signum: int) -> subprocess.CompletedProcess[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stderr is not None
    assert process.stderr.readline().strip() == "ready"
    process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=60)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def test_ctrl_c_exits_130_with_one_line() -> None:
    done = _start_and_signal(SLOW_QUERY, ["--data", str(MINI), "timeline"], signal.SIGINT)
    assert done.returncode == 130
    assert done.stderr.strip().splitlines() == ["llmkg: interrupted"]


SLOW_WRITE = """
import os, sys, time
def slow_fsync(fd):
    print("ready", file=sys.stderr, flush=True)
    time.sleep(60)
os.fsync = slow_fsync
from llmkg.cli import main
main(sys.argv[1:])
"""


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_an_export_killed_mid_write_keeps_the_old_file_and_leaves_no_temporary(
    tmp_path: Path, signum: int, code: int
) -> None:
    target = tmp_path / "graph.graphml"
    target.write_text("previous", encoding="utf-8")
    done = _start_and_signal(
        SLOW_WRITE, ["--data", str(MINI), "export", "graphml", "-o", str(target)], signum
    )
    assert done.returncode == code, done.stderr
    assert target.read_text(encoding="utf-8") == "previous"
    assert sorted(os.listdir(tmp_path)) == ["graph.graphml"]


def test_no_clobber_refuses_to_replace(tmp_path: Path) -> None:
    target = tmp_path / "graph.graphml"
    target.write_text("previous", encoding="utf-8")
    result = run("--data", str(MINI), "export", "graphml", "-o", str(target), "--no-clobber")
    assert result.code == 1 and "--no-clobber" in result.stderr
    assert target.read_text(encoding="utf-8") == "previous"
    fresh = run("--data", str(MINI), "export", "graphml", "-o", str(tmp_path / "new.graphml"), "--no-clobber")
    assert fresh.code == 0


def test_an_unwritable_location_is_an_export_error() -> None:
    result = run("--data", str(MINI), "export", "graphml", "-o", "/proc/llmkg-test.graphml")
    assert result.code == 1 and result.stderr.startswith("llmkg: error: cannot write")
    assert "Traceback" not in result.stderr


# --- the cache --------------------------------------------------------------------------------


def _cache_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("index-*.sqlite"))


@pytest.mark.parametrize("damage", [b"", b"garbage \x00\xff not a pickle", "truncate"])
def test_a_damaged_cache_is_rebuilt_not_trusted(tmp_path: Path, damage: object) -> None:
    env = {"LLMKG_CACHE_DIR": str(tmp_path)}
    first = run("--data", str(MINI), "lineage", "gpt-4o", env=env)
    [cache] = _cache_files(tmp_path)
    content = cache.read_bytes()
    cache.write_bytes(content[: len(content) // 2] if damage == "truncate" else damage)  # type: ignore[arg-type]
    again = run("--data", str(MINI), "lineage", "gpt-4o", env=env)
    assert again.code == 0 and again.stdout == first.stdout
    assert cache.read_bytes()[:16] == b"SQLite format 3\x00"  # rebuilt whole
    assert cache.stat().st_size == len(content)


def test_the_cache_follows_changes_to_the_data(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    data = dataset(tmp_path / "d", VALID)
    env = {"LLMKG_CACHE_DIR": str(tmp_path / "cache")}
    assert "Alpha" in run("--data", str(data), "show", "alpha", env=env).stdout
    (data / "data.yaml").write_text(VALID.replace("name: Alpha\n", "name: Alpha Renamed\n"), encoding="utf-8")
    assert "Alpha Renamed" in run("--data", str(data), "show", "alpha", env=env).stdout


def test_concurrent_runs_share_the_cache_safely(tmp_path: Path) -> None:
    env = {**os.environ, "LLMKG_CACHE_DIR": str(tmp_path)}
    processes = [
        subprocess.Popen(
            [*LLMKG, "--data", str(MINI), "lineage", "gpt-4o"], env=env, stdout=subprocess.PIPE, text=True
        )
        for _ in range(6)
    ]
    outputs = [p.communicate(timeout=120)[0] for p in processes]
    assert [p.returncode for p in processes] == [0] * 6
    assert len(set(outputs)) == 1 and "GPT-3" in outputs[0]
    assert len(_cache_files(tmp_path)) == 1
    assert not list(tmp_path.glob(".index-*"))  # no temporary files left behind


# --- exit codes, for every command -------------------------------------------------------------


CASES = {
    "timeline": (["timeline", "2018", "2020"], ["timeline", "--kind", "gadget"], None),
    "lineage": (["lineage", "gpt-4o"], ["lineage", "gpt-4o", "--depth", "0"], ["lineage", "nope"]),
    "neighbours": (
        ["neighbours", "transformer"],
        ["neighbours", "transformer", "--relation", "likes"],
        ["neighbours", "nope"],
    ),
    "show": (["show", "bert"], ["show", "bert", "--format", "xml"], ["show", "nope"]),
    "search": (["search", "bert"], ["search", "bert", "--limit", "0"], None),
    "path": (["path", "bert", "gpt-2"], ["path", "bert"], ["path", "bert", "nope"]),
    "stats": (["stats"], ["stats", "--format", "pdf"], None),
    "export": (["export", "json"], ["export", "pdf"], ["export", "json", "--root", "nope"]),
    "validate": (["validate"], ["validate", "--strict"], None),
}


@pytest.mark.parametrize("command", sorted(CASES))
def test_exit_codes_for_every_command(command: str) -> None:
    ok, usage, not_found = CASES[command]
    assert run("--data", str(MINI), *ok).code == 0
    assert run("--data", str(MINI), *usage).code == 2
    if not_found:
        assert run("--data", str(MINI), *not_found).code == 3
    invalid = run("--data", str(BAD / "dangling_reference"), *ok)
    assert invalid.code == 1
    assert "Traceback" not in invalid.stdout + invalid.stderr
