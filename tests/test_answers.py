"""Answers are a function of the data and the arguments alone; they read as meant in both languages;
search ranks what people mean first."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import llmkg
from conftest import modules_loaded, run

# Every listing command, with arguments that give it plenty to order.
LISTINGS = [
    ["timeline", "2017", "2026", "--all"],
    ["lineage", "gpt-4o"],
    ["lineage", "llama-2", "--descendants"],
    ["neighbours", "transformer", "--depth", "2"],
    ["search", "transformer", "--limit", "30"],
    ["path", "bert", "gpt-4o"],
    ["path", "eliza", "deepseek-r1"],
    ["stats"],
    ["show", "gpt-4"],
    ["licence", "alpaca"],
    ["licence", "--check"],
]


def _json_under_seed(args: list[str], seed: str, cache: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "llmkg", *args, "--format", "json"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": seed, "LLMKG_CACHE_DIR": cache},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("args", LISTINGS, ids=lambda args: " ".join(args))
def test_the_same_question_gets_the_same_answer_under_any_hash_seed(
    args: list[str], tmp_path_factory
) -> None:  # type: ignore[no-untyped-def]
    cache = str(tmp_path_factory.getbasetemp() / "seeded-cache")
    answers = {seed: _json_under_seed(args, seed, cache) for seed in ("0", "1", "7", "12345")}
    assert len(set(answers.values())) == 1, f"{args} differs between hash seeds"


def test_a_path_between_equal_chains_is_chosen_by_the_stated_rule(kg: llmkg.KnowledgeGraph) -> None:
    from llmkg.questions.path import HOP_COST, RELATION_PREFERENCE

    steps = kg.path("bert", "gpt-4o")
    assert steps[0].record.id == "bert" and steps[-1].record.id == "gpt-4o"
    # No other chain is cheaper, and the first step's relation is the most preferred of the
    # cheapest first steps.
    cost = sum(HOP_COST.get(step.relation or "", 1.0) for step in steps[1:])
    assert cost <= 3.0
    assert steps[1].relation in RELATION_PREFERENCE


def test_path_and_stats_read_the_index_without_networkx() -> None:
    assert run("stats").code == 0  # the index is built (which needs pydantic) before the probe
    for args in (["path", "bert", "gpt-4o"], ["stats"], ["licence", "alpaca"]):
        assert modules_loaded(args, ["networkx", "pydantic"]) == [], args


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("deepseek-r1", "증류 모델 ← DeepSeek-R1-Distill"),  # what was distilled from it, not its source
        ("deepseek-r1", "미세 조정 원본 → DeepSeek-V3"),
        ("gpt-4", "후속작 ← GPT-4 Turbo"),  # its successor, not its predecessor
        ("gpt-4", "전작 → GPT-3.5"),
        ("openai", "개발한 것 ← GPT-4"),
    ],
)
def test_the_korean_card_names_the_role_of_the_record_at_the_other_end(name: str, line: str) -> None:
    result = run("--lang", "ko", "show", name)
    assert result.code == 0 and line in result.stdout


def test_every_relation_has_a_korean_word_both_ways() -> None:
    from llmkg.i18n import t
    from llmkg.vocabulary import INVERSE, RELATIONS

    assert set(INVERSE) == set(RELATIONS)
    words = [*RELATIONS, *INVERSE.values()]
    assert [word for word in words if t(word, "ko") == word] == []
    korean = [t(word, "ko") for word in INVERSE.values()]
    assert len(set(korean)) == len(korean)  # no two inverse roles read alike


# What people type, and what they mean first (the packaged data).
MEANT = {
    "who invented RLHF": "rlhf",
    "mixture of experts": "mixture-of-experts",
    "gpt4o": "gpt-4o",
    "GPT 4o": "gpt-4o",
    "llama 3": "llama-3",
    "trasformer": "transformer",
    "transfomer": "transformer",
    "attention is all you need": "attention-is-all-you-need",
    "deepseek r1": "deepseek-r1",
    "what is a reasoning model": "reasoning-model",
    "open weights": "open-weights-model",
    "chain of thought": "chain-of-thought",
    "model context protocol": "model-context-protocol",
    "트랜스포머": "transformer",
    "강화 학습": "reinforcement-learning",
    "인간 피드백 기반 강화 학습": "rlhf",
    "사고의 사슬": "chain-of-thought",
    "환각": "hallucination",
    "전문가 혼합": "mixture-of-experts",
    "딥시크": "deepseek",
}


@pytest.mark.parametrize(("query", "meant"), MEANT.items())
def test_search_puts_what_was_meant_first(kg: llmkg.KnowledgeGraph, query: str, meant: str) -> None:
    assert kg.search(query, limit=1)[0].record.id == meant


def test_meaningful_words_outrank_filler_and_compact_names_prefer_what_extends_them(
    kg: llmkg.KnowledgeGraph,
) -> None:
    top = [hit.record.id for hit in kg.search("reasoning model open weights", limit=3)]
    assert "reasoning-model" in top or "open-weights-model" in top
    assert not {"megatron-lm", "model-soups"} & set(top)
    hits = kg.search("gpt4o", limit=5)
    ranked = [hit.record.id for hit in hits]
    assert ranked.index("gpt-4o-mini") < (ranked.index("gpt") if "gpt" in ranked else len(ranked))
    by_name = [hit for hit in kg.search("mixture of experts", limit=10) if hit.score >= 97]
    assert [hit.record.id for hit in by_name] == ["mixture-of-experts"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcdeé 한글-1", max_size=40), st.text(alphabet="abcdeé 한글-1", max_size=40))
def test_search_similarity_is_rapidfuzzs_indel_similarity(a: str, b: str) -> None:
    from rapidfuzz.distance import Indel

    from llmkg.questions.search import ratio

    total = len(a) + len(b)
    expected = 100.0 if total == 0 else 100.0 * (total - Indel.distance(a, b)) / total
    assert ratio(a, b) == pytest.approx(expected)


def test_a_search_with_a_misspelling_does_not_load_rapidfuzz() -> None:
    # its import alone costs more than the whole comparison of a search's candidates
    assert run("search", "trasformer").code == 0  # the index is built (which needs pydantic) before
    assert modules_loaded(["search", "trasformer"], ["rapidfuzz", "networkx", "pydantic"]) == []


def test_a_note_comes_after_the_table_it_speaks_of(kg: llmkg.KnowledgeGraph) -> None:
    # in a terminal both streams reach one screen: "N more with --all" must follow the table
    import io

    from llmkg.output import Output

    screen = io.StringIO()
    Output(stream=screen, notes=screen).show(kg.neighbours("transformer", depth=2))
    text = screen.getvalue()
    assert "--all" in text
    assert text.index("--all") > text.index("Transformer")
