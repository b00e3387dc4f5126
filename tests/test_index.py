"""The compiled index: never trusted, always fresh, and the one list of fields reaching every output."""

from __future__ import annotations

import ast
import json
import os
import pickle
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import DATA, MINI, modules_loaded, run

SRC = Path(__file__).parents[1] / "src" / "llmkg"
EVERY_FIELD = DATA / "every_field"


class _Planted:
    """Unpickling this creates the file named in `path`: what a planted cache file would do."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (open, (self.path, "w"))


def _answers(env: dict[str, str]) -> list[str]:
    commands = [
        ["show", "gpt-4o", "--format", "json"],
        ["lineage", "gpt-4o", "--format", "json"],
        ["search", "trasformer", "--format", "json"],
        ["timeline", "2019", "2020", "--format", "json"],
    ]
    out = []
    for command in commands:
        result = run("--data", str(MINI), *command, env=env)
        assert result.code == 0, result.stderr
        out.append(result.stdout)
    return out


@pytest.mark.parametrize("planted", ["pickle", "random", "empty"])
def test_planted_cache_files_change_nothing_and_run_nothing(tmp_path: Path, planted: str) -> None:
    cache = tmp_path / "cache"
    env = {"LLMKG_CACHE_DIR": str(cache)}
    expected = _answers(env)
    files = [p for p in cache.iterdir() if p.is_file()]
    assert files, "the first run writes an index"
    witness = tmp_path / "pwned"
    for path in files:
        if planted == "pickle":
            path.write_bytes(pickle.dumps(_Planted(str(witness))))
        elif planted == "random":
            path.write_bytes(os.urandom(8192))
        else:
            path.write_bytes(b"")
    assert _answers(env) == expected
    assert not witness.exists()


def test_no_pickle_shelve_or_marshal_in_the_package() -> None:
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not {n.split(".")[0] for n in names} & {"pickle", "shelve", "marshal"}, path


def test_an_in_place_edit_with_size_and_mtime_restored_is_picked_up(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    source = (DATA / "valid_small" / "data.yaml").read_text(encoding="utf-8")
    target = data / "data.yaml"
    target.write_text(source, encoding="utf-8")
    env = {"LLMKG_CACHE_DIR": str(tmp_path / "cache")}
    assert "Alpha" in run("--data", str(data), "show", "alpha", env=env).stdout
    before = target.stat()
    edited = source.replace("name: Alpha\n", "name: Alpho\n", 1)
    assert len(edited) == len(source)
    with open(target, "r+", encoding="utf-8") as handle:  # same inode, same size
        handle.write(edited)
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size and target.stat().st_mtime_ns == before.st_mtime_ns
    assert "Alpho" in run("--data", str(data), "show", "alpha", env=env).stdout


def test_the_cache_directory_is_private_and_a_shared_one_is_not_used(tmp_path: Path) -> None:
    private = tmp_path / "private"
    assert run("--data", str(MINI), "show", "bert", env={"LLMKG_CACHE_DIR": str(private)}).code == 0
    assert private.stat().st_mode & 0o777 == 0o700
    [index] = private.glob("index-*.sqlite")
    assert index.stat().st_mode & 0o077 == 0
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    result = run("--data", str(MINI), "show", "bert", env={"LLMKG_CACHE_DIR": str(shared)})
    assert result.code == 0 and "BERT" in result.stdout
    assert list(shared.iterdir()) == []  # nothing written where others may write


def test_the_index_is_opened_read_only(tmp_path: Path) -> None:
    import llmkg

    os.environ["LLMKG_CACHE_DIR"] = str(tmp_path)
    kg = llmkg.load(str(MINI))
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        kg.index.db.execute("DELETE FROM records")


def _imports(path: Path, package: str) -> set[str]:
    """The llmkg modules `path` imports, anywhere in it (type-checking imports included)."""
    module = ".".join(path.relative_to(SRC.parent).with_suffix("").parts)
    if module.endswith(".__init__"):
        module = module.removesuffix(".__init__")
        here = module
    else:
        here = module.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = here
            for _ in range(max(node.level - 1, 0)):
                base = base.rsplit(".", 1)[0]
            target = (
                (base + ("." + node.module if node.module else "")) if node.level else (node.module or "")
            )
            if target.startswith(package):
                found.add(target)
                for alias in node.names:  # `from . import queries` imports a module
                    if (
                        (SRC.parent / (target + "." + alias.name).replace(".", "/"))
                        .with_suffix(".py")
                        .exists()
                    ):
                        found.add(target + "." + alias.name)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith(package)}
    found.discard(module)
    return found


def test_the_package_has_no_import_cycles() -> None:
    import networkx as nx

    graph = nx.DiGraph()
    for path in SRC.rglob("*.py"):
        module = ".".join(path.relative_to(SRC.parent).with_suffix("").parts).removesuffix(".__init__")
        graph.add_node(module)
        for target in _imports(path, "llmkg"):
            if target != "llmkg":  # the package's own __init__ only re-exports lazily
                graph.add_edge(module, target)
    cycles = list(nx.simple_cycles(graph))
    assert cycles == [], cycles


@pytest.mark.parametrize("command", [["--version"], ["show", "gpt-4o"], ["search", "trasformer"]])
def test_quick_commands_import_neither_networkx_nor_pydantic(command: list[str], tmp_path: Path) -> None:
    env = {**os.environ, "LLMKG_CACHE_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "llmkg", "show", "bert"], env=env, check=True, capture_output=True)
    heavy = ["networkx", "pydantic", "yaml", "matplotlib"]
    heavy += ["mcp", "llmkg.mcp"]  # the MCP SDK, and the server, load only for `llmkg mcp`
    assert modules_loaded(command, heavy, env={"LLMKG_CACHE_DIR": str(tmp_path)}) == []


# --- one list of fields -------------------------------------------------------------------------


def _schema_fields() -> set[str]:
    from llmkg import schema

    kinds = (schema.Model, schema.System, schema.Paper, schema.Dataset, schema.Organization, schema.Concept)
    return {name for model in kinds for name in model.model_fields}


def test_field_order_names_every_field_of_the_schema_once() -> None:
    from llmkg.schema import FIELD_ORDER

    assert len(FIELD_ORDER) == len(set(FIELD_ORDER))
    assert set(FIELD_ORDER) == _schema_fields()


def test_the_fixture_fills_every_model_field() -> None:
    import llmkg
    from llmkg import schema

    kg = llmkg.load(str(EVERY_FIELD), cache=False)
    alpha = kg.validated("alpha")
    unset = [name for name in schema.Model.model_fields if getattr(alpha, name) in (None, [], {})]
    assert unset == []
    assert set(schema.Checkpoint.model_fields) == set(alpha.checkpoints[0].model_dump(exclude_none=True))


def _flat_names() -> set[str]:
    """The attribute names every export must carry, derived from the validated record."""
    import llmkg
    from llmkg.fields import flatten

    kg = llmkg.load(str(EVERY_FIELD), cache=False)
    return set(flatten(kg.validated("alpha").model_dump(mode="json", exclude_none=True))) - {"id"}


def test_every_field_reaches_show_json() -> None:
    result = run("--data", str(EVERY_FIELD), "show", "alpha", "--format", "json")
    data = json.loads(result.stdout)
    assert _schema_fields() <= set(data)
    assert data["training_compute"]["value"] == 3.5e22 and data["license"]["id"] == "Apache-2.0"
    assert data["checkpoints"][0]["training_tokens"]["value"] == 1.5e12
    [relation] = [r for r in data["relations"] if r["relation"] == "fine_tuned_from"]
    assert relation["evidence"] == "stated"


def test_every_field_reaches_the_graphml_and_json_exports(tmp_path: Path) -> None:
    graphml = tmp_path / "x.graphml"
    assert run("--data", str(EVERY_FIELD), "export", "graphml", "-o", str(graphml)).code == 0
    root = ET.parse(graphml).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    keys = {k.get("id"): k.get("attr.name") for k in root.iterfind("g:key", ns)}
    [alpha] = [n for n in root.iterfind(".//g:node", ns) if n.get("id") == "alpha"]
    written = {keys[d.get("key")] for d in alpha.iterfind("g:data", ns)}
    assert _flat_names() <= written
    nodelink = tmp_path / "x.json"
    assert run("--data", str(EVERY_FIELD), "export", "json", "-o", str(nodelink)).code == 0
    [node] = [n for n in json.loads(nodelink.read_text())["nodes"] if n["id"] == "alpha"]
    assert _flat_names() <= set(node)


def test_every_field_reaches_export_sqlite(tmp_path: Path) -> None:
    target = tmp_path / "llm.db"
    result = run("--data", str(EVERY_FIELD), "export", "sqlite", "-o", str(target))
    assert result.code == 0, result.stderr
    db = sqlite3.connect(target)
    db.row_factory = sqlite3.Row
    row = dict(db.execute("SELECT * FROM records WHERE id = 'alpha'").fetchone())
    assert _flat_names() <= set(row)
    assert row["training_compute"] == 3.5e22 and row["license"] == "Apache-2.0"
    assert json.loads(row["json"])["context_length"]["value"] == 8192
    assert (
        db.execute(
            "SELECT evidence FROM edges WHERE source = 'alpha' AND relation = 'fine_tuned_from'"
        ).fetchone()[0]
        == "stated"
    )


def test_export_sqlite_is_the_documented_schema_and_opens_in_the_sqlite3_shell(tmp_path: Path) -> None:
    import shutil

    target = tmp_path / "llm.db"
    assert run("export", "sqlite", "-o", str(target)).code == 0
    db = sqlite3.connect(target)
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"meta", "records", "names", "edges", "sources"} <= tables
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for table in ("meta", "records", "names", "edges", "sources"):
        columns = [c[1] for c in db.execute(f"PRAGMA table_info({table})") if c[1] != "position"]
        for column in columns[:8]:
            assert f"`{column}`" in readme, f"README does not document {table}.{column}"
    shell = shutil.which("sqlite3")
    if shell is None:
        if os.environ.get("CI"):
            pytest.fail("the sqlite3 shell is not installed")
        pytest.skip("the sqlite3 shell is not installed")
    out = subprocess.run(
        [shell, str(target), "SELECT name FROM records WHERE id = 'gpt-4o'"], capture_output=True, text=True
    )
    assert out.stdout.strip() == "GPT-4o"


def test_export_sqlite_narrows_to_the_selection(tmp_path: Path) -> None:
    target = tmp_path / "l2.db"
    assert run("export", "sqlite", "--lineage", "llama-2", "-o", str(target)).code == 0
    db = sqlite3.connect(target)
    ids = {rid for (rid,) in db.execute("SELECT id FROM records")}
    assert "llama-2" in ids and "gpt-4o" not in ids
    dangling = db.execute(
        "SELECT count(*) FROM edges WHERE source NOT IN (SELECT id FROM records) "
        "OR target NOT IN (SELECT id FROM records)"
    ).fetchone()[0]
    assert dangling == 0
    assert run("export", "sqlite").code == 2  # a database is not written to a terminal
