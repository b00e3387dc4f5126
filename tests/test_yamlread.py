from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from llmkg.yamlread import MAX_DEPTH, MAX_NODES, YamlProblem, parse_text, read_file


def test_positions_are_recorded_for_every_value() -> None:
    doc = parse_text("f.yaml", "- id: a\n  name: A\n  sources:\n    - x\n    - y\n")
    assert doc.value == [{"id": "a", "name": "A", "sources": ["x", "y"]}]
    assert doc.position((0, "name")) == (2, 3)
    assert doc.position((0, "sources", 1)) == (5, 7)
    assert doc.position((0, "missing")) == (1, 3)


def test_dates_stay_strings_and_yaml11_booleans_stay_words() -> None:
    doc = parse_text("f.yaml", "a: 2024-05-13\nb: no\nc: 2017\nd: 1.5e9\ne: true\nf: ~\n")
    assert doc.value == {"a": "2024-05-13", "b": "no", "c": 2017, "d": 1.5e9, "e": True, "f": None}


def test_duplicate_keys_are_reported_and_the_first_value_kept() -> None:
    doc = parse_text("f.yaml", "- id: a\n  name: A\n  name: B\n")
    assert doc.value[0]["name"] == "A"
    [problem] = doc.problems
    assert (problem.line, problem.column) == (3, 3)
    assert "duplicate key 'name'" in problem.message and "line 2" in problem.message


def test_python_tags_are_refused_without_constructing_anything() -> None:
    with pytest.raises(YamlProblem, match="python/object"):
        parse_text("f.yaml", "- !!python/object/apply:os.system ['touch /tmp/llmkg-pwned']\n")
    assert not Path("/tmp/llmkg-pwned").exists()


def test_a_billion_laughs_is_refused_quickly_and_in_bounded_memory() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(YamlProblem, match=f"{MAX_NODES:,}"):
        parse_text("bomb.yaml", "\n".join(lines) + "\n")
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 5
    assert peak < 200 * 2**20


def test_deep_nesting_is_refused_without_recursion() -> None:
    # libyaml stops at its own limit; the pure-Python parser at ours: either way a located refusal.
    with pytest.raises(YamlProblem, match="nesting"):
        parse_text("deep.yaml", "[" * 10_000 + "]" * 10_000)
    with pytest.raises(YamlProblem, match=f"deeper than {MAX_DEPTH}"):
        parse_text("deep.yaml", "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))


def test_a_bom_is_accepted_and_invalid_utf8_is_located(tmp_path: Path) -> None:
    good = tmp_path / "bom.yaml"
    good.write_bytes(b"\xef\xbb\xbf- id: a\n")
    assert read_file(good).value == [{"id": "a"}]
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(b"- id: a\n- name: caf\xe9\n")
    with pytest.raises(YamlProblem) as caught:
        read_file(bad)
    assert (caught.value.problem.line, caught.value.problem.column) == (2, 12)
    assert "UTF-8" in caught.value.problem.message


def test_several_documents_in_one_file_are_refused() -> None:
    with pytest.raises(YamlProblem, match="more than one YAML document"):
        parse_text("f.yaml", "- a\n---\n- b\n")
