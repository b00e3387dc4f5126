"""Coverage-guided fuzzing of the YAML reader, the schema validation and the cross-record checks.

    pip install atheris
    python fuzz/fuzz_loader.py -max_total_time=600 fuzz/corpus

Any exception other than llmkg's own located problems is a finding: atheris stops, prints the
traceback and writes the input that caused it (crash-*) to the current directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from llmkg.checks import check
    from llmkg.errors import Problem
    from llmkg.loader import Dataset
    from llmkg.validation import add_document
    from llmkg.yamlread import YamlProblem, decode, parse_text


def one_input(raw: bytes) -> None:
    try:
        text = decode("fuzz.yaml", raw)
        document = parse_text("fuzz.yaml", text)
    except YamlProblem as problem:
        assert problem.problem.line >= 1 and problem.problem.column >= 1
        return
    dataset = Dataset()
    problems: list[Problem] = add_document(dataset, document) + check(dataset)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message


def main() -> None:
    seeds = Path(__file__).resolve().parents[1] / "tests" / "data"
    corpus = Path(sys.argv[-1]) if len(sys.argv) > 1 and not sys.argv[-1].startswith("-") else None
    if corpus is not None and not any(corpus.glob("*")):
        corpus.mkdir(parents=True, exist_ok=True)
        for index, seed in enumerate(sorted(seeds.rglob("*.yaml"))):
            (corpus / f"seed-{index:03d}").write_bytes(seed.read_bytes())
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
