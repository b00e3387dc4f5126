"""docs/architecture.md is true: its layer table names every module, and imports go down it."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

from test_index import SRC, _imports

PAGE = Path(__file__).parents[1] / "docs" / "architecture.md"


def _layers() -> list[tuple[str, list[str]]]:
    """(layer, module patterns) from the table between the <!-- layers --> markers, top first."""
    text = PAGE.read_text(encoding="utf-8")
    table = text.split("<!-- layers -->", 1)[1].split("<!-- /layers -->", 1)[0]
    layers = []
    for line in table.strip().splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        layers.append((cells[0], re.findall(r"`([^`]+)`", cells[1])))
    return layers


def _module_files() -> list[str]:
    return sorted(str(p.relative_to(SRC)) for p in SRC.rglob("*.py"))


def _layer_of(file: str, layers: list[tuple[str, list[str]]]) -> int:
    found = [i for i, (_name, globs) in enumerate(layers) if any(fnmatch.fnmatch(file, g) for g in globs)]
    assert len(found) == 1, f"{file} is in {len(found)} layers of docs/architecture.md"
    return found[0]


def _file_of(module: str) -> str:
    relative = module.removeprefix("llmkg").lstrip(".").replace(".", "/")
    if (SRC / relative / "__init__.py").exists():
        return f"{relative}/__init__.py" if relative else "__init__.py"
    return f"{relative}.py"


def test_every_module_is_in_exactly_one_layer() -> None:
    layers = _layers()
    assert len(layers) >= 8
    for file in _module_files():
        _layer_of(file, layers)


def test_imports_go_down_the_layers() -> None:
    layers = _layers()
    upward = []
    for file in _module_files():
        mine = _layer_of(file, layers)
        # `from . import dates` names the package too; its __init__ only re-exports lazily.
        for target in _imports(SRC / file, "llmkg") - {"llmkg"}:
            theirs = _layer_of(_file_of(target), layers)
            if theirs < mine:
                upward.append(f"{file} ({layers[mine][0]}) imports {target} ({layers[theirs][0]})")
    assert upward == []


def test_the_page_names_only_modules_that_exist() -> None:
    files = _module_files()
    for _layer, patterns in _layers():
        for pattern in patterns:
            assert fnmatch.filter(files, pattern), f"docs/architecture.md names {pattern}, which is not there"


def _files_naming(word: str) -> list[str]:
    pattern = re.compile(rf"\b{re.escape(word)}\b")
    return sorted(
        str(p.relative_to(SRC))
        for p in SRC.rglob("*")
        if p.suffix in (".py", ".js", ".html") and pattern.search(p.read_text(encoding="utf-8"))
    )


def test_a_field_is_declared_in_one_place() -> None:
    """Fields with no feature of their own are named only where they are declared: everything
    else (card, explorer, stats, exports, index, formatter) reads the declaration."""
    for field in ("context_length", "training_tokens"):
        assert _files_naming(field) == ["schema.py"], field


def test_a_question_is_one_module_with_its_answer_and_one_method() -> None:
    import inspect

    import llmkg.output
    from llmkg.questions import KnowledgeGraph

    helpers = ("__init__", "common", "selection")
    modules = sorted(p.stem for p in (SRC / "questions").glob("*.py") if p.stem not in helpers)
    for name in modules:
        module = __import__(f"llmkg.questions.{name}", fromlist=["*"])
        answers = [
            value
            for value in vars(module).values()
            if inspect.isclass(value)
            and issubclass(value, llmkg.output.Answer)
            and value.__module__ == module.__name__
        ]
        assert len(answers) == 1, (name, answers)
    functions = inspect.getmembers(KnowledgeGraph, inspect.isfunction)
    methods = {name for name, _ in functions if not name.startswith("_")}
    asked = {"show", "timeline", "lineage", "neighbors", "search", "path", "stats"}
    assert asked <= methods
