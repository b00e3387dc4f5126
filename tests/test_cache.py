"""The cache: damage is found where the index is read and rebuilt once; a first build is shared."""

from __future__ import annotations

import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import MINI, run

# Every b-tree of the index: the tables, their indexes, the full-text indexes' shadow tables and
# the schema itself (whose first 100 bytes, the file header, are left intact).
TREES = [
    "meta",
    "records",
    "names",
    "edges",
    "sources",
    "sqlite_autoindex_meta_1",
    "sqlite_autoindex_records_1",
    "names_key",
    "names_record",
    "edges_source",
    "edges_target",
    "records_kind",
    "sources_record",
    "name_search_data",
    "name_search_idx",
    "name_search_docsize",
    "name_search_config",
    "summary_search_data",
    "summary_search_idx",
    "summary_search_content",
    "summary_search_docsize",
    "summary_search_config",
    "sqlite_schema",
]

COMMANDS = [
    ["search", "trasformer", "--format", "json"],  # names through the trigram index
    ["search", "la model", "--format", "json"],  # summaries: a short word by LIKE, a long one by MATCH
    ["timeline", "2017", "2020", "--format", "json"],
    ["lineage", "gpt-4o", "--format", "json"],
    ["stats", "--format", "json"],
    ["neighbours", "transformer", "--format", "json"],
    ["path", "bert", "gpt-2", "--format", "json"],
    ["show", "gpt-4o", "--format", "json"],
]
TABLES = ["meta", "records", "names", "edges", "sources"]


def _index(cache: Path) -> Path:
    [index] = cache.glob("index-*.sqlite")
    return index


def _pages(index: Path) -> dict[str, list[tuple[int, str]]]:
    """{b-tree: [(page number, page type)]} of an index file."""
    db = sqlite3.connect(f"{index.as_uri()}?mode=ro", uri=True)
    try:
        found: dict[str, list[tuple[int, str]]] = {}
        for name, number, kind in db.execute("SELECT name, pageno, pagetype FROM dbstat ORDER BY pageno"):
            found.setdefault(name, []).append((number, kind))
        return found
    finally:
        db.close()


def _damaged(index: Path, trees: list[str]) -> bytes:
    """The index file with 300 random bytes written over the cells of every page of `trees`: the
    file's size and header unchanged, as a bad sector or a stray write would leave it."""
    db = sqlite3.connect(f"{index.as_uri()}?mode=ro", uri=True)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    pages = _pages(index)
    data = bytearray(index.read_bytes())
    for tree in trees:
        noise = random.Random(tree)
        for number, kind in pages[tree]:
            start = (number - 1) * page_size
            header = start + (100 if number == 1 else 0)
            cells = (
                start + 4
                if kind == "overflow"
                else start + int.from_bytes(data[header + 5 : header + 7], "big")
            )
            at = min(max(cells, start + page_size // 2 - 150), start + page_size - 300)
            data[at : at + 300] = noise.randbytes(300)
    assert len(data) == index.stat().st_size and data[:100] == index.read_bytes()[:100]
    return bytes(data)


def _tables(database: Path) -> dict[str, list[tuple[Any, ...]]]:
    db = sqlite3.connect(database)
    try:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return {table: sorted(map(tuple, db.execute(f"SELECT * FROM {table}"))) for table in TABLES}
    finally:
        db.close()


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The indexes built while the test runs: "file" (into the cache) or "memory"."""
    import llmkg.index

    built: list[str] = []
    fill = llmkg.index._fill

    def counted(db: sqlite3.Connection, *args: Any) -> None:
        built.append("file" if db.execute("PRAGMA database_list").fetchone()[2] else "memory")
        fill(db, *args)

    monkeypatch.setattr(llmkg.index, "_fill", counted)
    return built


def test_the_damage_tests_cover_every_b_tree_of_the_index(tmp_path: Path) -> None:
    assert run("--data", str(MINI), "show", "bert", env={"LLMKG_CACHE_DIR": str(tmp_path)}).code == 0
    assert sorted(_pages(_index(tmp_path))) == sorted(TREES)


@pytest.mark.parametrize("tree", TREES)
def test_damage_in_any_table_is_found_rebuilt_once_and_answered(
    tmp_path: Path, tree: str, builds: list[str]
) -> None:
    env = {"LLMKG_CACHE_DIR": str(tmp_path / "cache")}
    expected = [run("--data", str(MINI), *command, env=env).stdout for command in COMMANDS]
    assert run("--data", str(MINI), "export", "sqlite", "-o", str(tmp_path / "good.db"), env=env).code == 0
    index = _index(tmp_path / "cache")
    damaged = _damaged(index, [tree])
    builds.clear()
    for command, answer in zip(COMMANDS, expected, strict=True):
        index.write_bytes(damaged)  # each command meets the damage afresh
        before = len(builds)
        result = run("--data", str(MINI), *command, env=env)
        assert "Traceback" not in result.stderr and result.code == 0, (command, result.stderr)
        assert result.stdout == answer, command
        assert len(builds) - before <= 1, command  # rebuilt at most once
    index.write_bytes(damaged)
    result = run("--data", str(MINI), "export", "sqlite", "-o", str(tmp_path / "x.db"), env=env)
    assert result.code == 0, result.stderr
    assert _tables(tmp_path / "x.db") == _tables(tmp_path / "good.db")  # a whole copy, not the damage
    assert builds, "the damage was found"
    assert builds[-1] == "file"  # rebuilt into the cache ...
    assert index.read_bytes() != damaged and _tables(index) == _tables(tmp_path / "good.db")  # ... whole


def _answers(kg: Any) -> list[Any]:
    return [
        kg.search("trasformer").json(),
        kg.search("la model").json(),
        kg.timeline(2017, 2020).json(),
        kg.lineage("gpt-4o").json(),
        kg.stats().json(),
        kg.neighbors("transformer").json(),
        kg.path("bert", "gpt-2").json(),
        kg.show("gpt-4o").json(),
        [record.id for record in kg.records()],
    ]


@pytest.mark.parametrize("how", ["overwritten", "truncated", "zeroed", "moved away", "renamed over"])
def test_an_index_damaged_while_a_program_uses_it_is_rebuilt(
    tmp_path: Path, how: str, builds: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import llmkg

    expected = json.dumps(_answers(llmkg.load(str(MINI), cache=False)))
    cache = tmp_path / "cache"
    monkeypatch.setenv("LLMKG_CACHE_DIR", str(cache))
    llmkg.load(str(MINI))
    kg = llmkg.load(str(MINI))  # opened from the cache
    index = _index(cache)
    if how == "overwritten":
        index.write_bytes(_damaged(index, TREES))
    elif how == "truncated":
        os.truncate(index, index.stat().st_size // 2)
    elif how == "zeroed":  # replaced in place by another file of the same size
        index.write_bytes(index.read_bytes()[:100] + bytes(index.stat().st_size - 100))
    elif how == "moved away":  # damaged, and the cache directory is gone: built in memory
        index.write_bytes(_damaged(index, TREES))
        cache.rename(tmp_path / "moved")
        cache.write_text("not a directory")
    else:  # another file renamed into its place: the program reads on from the file it opened
        (cache / "other").write_bytes(os.urandom(index.stat().st_size))
        os.replace(cache / "other", index)
    builds.clear()
    assert json.dumps(_answers(kg)) == expected
    if how == "moved away":
        assert builds == ["memory"]
    elif how == "renamed over":
        assert builds == []
        assert json.dumps(_answers(llmkg.load(str(MINI)))) == expected  # the next load rebuilds
        assert builds == ["file"]
    else:
        assert builds == ["file"]  # rebuilt once, into the cache
        assert _tables(index)["records"]


def test_rows_read_one_by_one_go_on_from_where_they_were_after_a_rebuild(
    tmp_path: Path, builds: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import llmkg

    monkeypatch.setenv("LLMKG_CACHE_DIR", str(tmp_path))
    expected = [record.id for record in llmkg.load(str(MINI), cache=False).records()]
    llmkg.load(str(MINI))
    kg = llmkg.load(str(MINI))
    index = _index(tmp_path)
    builds.clear()
    ids, names = [], []
    for number, data in enumerate(kg.index.records()):
        ids.append(data["id"])
        if number == 2:  # damaged while the rows are read; another query finds it first
            index.write_bytes(_damaged(index, TREES))
            names.append(kg.resolve("gpt-4o").name)
    assert ids == expected and names == ["GPT-4o"]
    assert builds == ["file"]


# --- concurrent first runs and killed builds ---------------------------------------------------

fcntl = pytest.importorskip("fcntl") if os.name == "posix" else None
posix_only = pytest.mark.skipif(fcntl is None, reason="builds are serialized with flock on POSIX only")

# A cold run that counts the index builds it makes, and starts its command when told to, so that
# every run looks for the index before any has built it.
_COLD_RUN = """
import os, sys, time
from pathlib import Path
import llmkg.index
from llmkg.cli import main

builds, go = Path(sys.argv[1]), Path(sys.argv[2])
fill = llmkg.index._fill

def counted(*args):
    with open(builds, "a") as out:
        out.write(f"{os.getpid()}\\n")
    fill(*args)

llmkg.index._fill = counted
Path(f"{go}.{os.getpid()}").touch()
while not go.exists():
    time.sleep(0.005)
main(sys.argv[3:])
"""


@posix_only
def test_concurrent_first_runs_build_the_index_once(tmp_path: Path) -> None:
    cache, builds, go = tmp_path / "cache", tmp_path / "builds", tmp_path / "go"
    command = ["--data", str(MINI), "lineage", "gpt-4o", "--format", "json"]
    expected = run(*command, env={"LLMKG_NO_CACHE": "1"}).stdout
    env = {**os.environ, "LLMKG_CACHE_DIR": str(cache)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _COLD_RUN, str(builds), str(go), *command],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(8)
    ]
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("go.*"))) < 8 and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * 8, [err for _out, err in outputs]
    assert [out for out, _err in outputs] == [expected] * 8
    assert len(builds.read_text().split()) == 1  # one build; the others waited and read it
    assert len(list(cache.glob("index-*.sqlite"))) == 1
    assert not list(cache.glob(".index-*"))


@posix_only
def test_a_killed_builds_temporary_file_is_removed_by_a_later_run(tmp_path: Path) -> None:
    assert fcntl is not None
    env = {"LLMKG_CACHE_DIR": str(tmp_path)}
    assert run("--data", str(MINI), "show", "bert", env=env).code == 0
    killed, building, held = (
        tmp_path / f".index-{name}.tmp" for name in ("killed01", "building", "held0001")
    )
    for path in (killed, building, held):
        path.write_bytes(b"SQLite format 3\x00" + bytes(4080))
    long_ago = time.time() - 86_400
    for path in (killed, held):
        os.utime(path, (long_ago, long_ago))
    with open(held, "rb") as handle:  # an old file its builder still holds: still being written
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        assert run("--data", str(MINI), "show", "bert", env=env).code == 0  # a warm run
        assert held.exists()
    assert not killed.exists()  # old, and no one holds it
    assert building.exists()  # too new to judge: a build may have just created it
    assert run("--data", str(MINI), "show", "bert", env=env).code == 0
    assert not held.exists() and building.exists()


@posix_only
def test_a_build_waits_a_bounded_time_for_the_lock_then_builds_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[str]
) -> None:
    import llmkg.index

    assert fcntl is not None
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    env = {"LLMKG_CACHE_DIR": str(tmp_path / "cache")}
    assert run("--data", str(data), "show", "bert", env=env).code == 0
    index = _index(tmp_path / "cache")
    before = index.read_bytes()
    history = data / "history.yaml"
    history.write_text(history.read_text(encoding="utf-8").replace("name: BERT\n", "name: BERT-x\n", 1))
    monkeypatch.setattr(llmkg.index, "_LOCK_WAIT", 0.5)
    builds.clear()
    with open(index.with_suffix(".lock"), "rb") as handle:  # another run is building, and slow
        fcntl.flock(handle, fcntl.LOCK_EX)
        started = time.monotonic()
        result = run("--data", str(data), "show", "bert", env=env)
        waited = time.monotonic() - started
    assert result.code == 0 and "BERT-x" in result.stdout
    assert 0.5 <= waited < 30
    assert builds == ["memory"] and index.read_bytes() == before  # the cache was left to the builder


@posix_only
def test_a_lock_file_removed_while_a_run_waits_for_it_is_not_trusted(tmp_path: Path) -> None:
    import threading

    import llmkg.index

    assert fcntl is not None
    lock = tmp_path / "index-00000000.lock"
    lock.touch()
    holder = os.open(lock, os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)
    got: list[int | None] = []
    waiter = threading.Thread(target=lambda: got.append(llmkg.index._lock(lock)))
    waiter.start()
    time.sleep(0.2)  # the waiter has opened the file and waits for its lock
    llmkg.index._prune(tmp_path)  # no index: the lock file goes, unless someone holds it
    assert lock.exists()
    os.unlink(lock)  # as _prune does once no one holds it
    os.close(holder)
    waiter.join(10)
    [handle] = got
    assert handle is not None and handle >= 0
    assert os.fstat(handle).st_ino == os.stat(lock).st_ino  # it locked the lock file now in place
    os.close(handle)
    llmkg.index._prune(tmp_path)
    assert not lock.exists()  # an orphan lock file no one holds is removed
