"""Queries on the small fixture dataset (tests/data/mini), through the Python API."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import llmkg
from llmkg.errors import NotFoundError, UsageError


@pytest.mark.parametrize("name", ["GPT4o", "gpt 4o", "gpt-4o", "GPT-4O", "  gpt_4o "])
def test_names_resolve_ignoring_case_and_punctuation(mini: llmkg.KnowledgeGraph, name: str) -> None:
    assert mini.resolve(name).id == "gpt-4o"


def test_korean_labels_resolve_in_either_unicode_form(mini: llmkg.KnowledgeGraph) -> None:
    assert mini.resolve("트랜스포머").id == "transformer"
    assert mini.resolve(unicodedata.normalize("NFD", "트랜스포머")).id == "transformer"


def test_checkpoint_names_resolve_to_their_release(mini: llmkg.KnowledgeGraph) -> None:
    assert mini.resolve("GPT-2 (1.5B)").id == "gpt-2"


def test_unknown_names_raise_with_close_suggestions(mini: llmkg.KnowledgeGraph) -> None:
    with pytest.raises(NotFoundError) as caught:
        mini.resolve("gpt-5o")
    assert caught.value.exit_code == 3
    assert "gpt-4o" in caught.value.suggestions


def test_timeline_lists_landmark_and_major_oldest_first_and_counts_the_rest(
    mini: llmkg.KnowledgeGraph,
) -> None:
    result = mini.timeline(2017, 2025)
    ids = [r.id for r in result.records]
    assert ids == ["gpt", "bert", "gpt-2", "gpt-3", "chatgpt", "gpt-4o"]
    full = mini.timeline(2017, 2025, include_all=True)
    assert len(full.records) == len(ids) + result.hidden
    assert "tiny-bert-variant" in [r.id for r in full.records]


def test_timeline_filters_by_kind_and_organization_including_its_parts(mini: llmkg.KnowledgeGraph) -> None:
    assert [r.id for r in mini.timeline(kinds=["system"]).records] == ["chatgpt"]
    google = [r.id for r in mini.timeline(org="Google", include_all=True).records]
    assert google == [
        "attention-is-all-you-need",
        "bert",
        "tiny-bert-variant",
    ]  # Google Brain is part of Google


def test_timeline_refuses_reversed_ranges_and_unknown_kinds(mini: llmkg.KnowledgeGraph) -> None:
    with pytest.raises(UsageError):
        mini.timeline(2025, 2017)
    with pytest.raises(UsageError):
        mini.timeline(kinds=["gadget"])
    with pytest.raises(UsageError):
        mini.timeline("20x7")


def test_partial_dates_fall_inside_ranges_that_overlap_them(mini: llmkg.KnowledgeGraph) -> None:
    ids = [r.id for r in mini.timeline("2019-03-15", "2019-03-20", include_all=True).records]
    assert ids == ["tiny-bert-variant"]  # dated 2019-03


def test_lineage_reads_generation_by_generation_back_to_rnn(mini: llmkg.KnowledgeGraph) -> None:
    result = mini.lineage("gpt-4o")
    chain = [e.record.id for e in sorted(result.ancestors, key=lambda e: e.depth)]
    assert chain == ["gpt-3", "gpt-2", "gpt", "decoder-only-transformer", "transformer", "lstm", "rnn"]
    # oldest first, as the JSON contract says
    assert result.ancestors[0].record.id == "rnn"
    # the shortcut gpt-4o --based_on--> decoder-only-transformer is implied by the chain and dropped
    decoder = next(e for e in result.ancestors if e.record.id == "decoder-only-transformer")
    assert (decoder.via, decoder.relation, decoder.depth) == ("gpt", "based_on", 4)


def test_lineage_depth_and_descendants(mini: llmkg.KnowledgeGraph) -> None:
    assert [e.record.id for e in mini.lineage("gpt-4o", depth=2).ancestors] == ["gpt-2", "gpt-3"]
    down = mini.lineage("gpt-3", descendants=True)
    assert {(e.record.id, e.relation) for e in down.descendants} == {
        ("chatgpt", "fine_tuned_from"),
        ("gpt-4o", "successor_of"),
    }
    assert down.ancestors == []
    with pytest.raises(UsageError):
        mini.lineage("gpt-3", depth=0)


def test_neighbours_by_depth_and_relation(mini: llmkg.KnowledgeGraph) -> None:
    near = mini.neighbours("transformer")
    assert {n.record.id for n in near.nodes} == {
        "lstm",
        "self-attention",
        "attention-is-all-you-need",
        "decoder-only-transformer",
        "encoder-only-transformer",
    }
    assert all(n.distance == 1 for n in near.nodes)
    evolved = mini.neighbours("transformer", depth=2, relations=["evolved_from"])
    assert {n.record.id: n.distance for n in evolved.nodes} == {
        "lstm": 1,
        "decoder-only-transformer": 1,
        "encoder-only-transformer": 1,
        "rnn": 2,
    }
    assert {e.relation for e in evolved.edges} == {"evolved_from"}
    with pytest.raises(UsageError):
        mini.neighbours("transformer", relations=["likes"])


def test_path_explains_the_connection_with_directions(mini: llmkg.KnowledgeGraph) -> None:
    steps = mini.path("chatgpt", "gpt-2")
    assert [(s.record.id, s.relation, s.direction) for s in steps] == [
        ("chatgpt", None, None),
        ("gpt-3", "fine_tuned_from", "forward"),
        ("gpt-2", "successor_of", "forward"),
    ]
    back = mini.path("gpt-2", "chatgpt")
    assert [s.direction for s in back][1:] == ["backward", "backward"]


def test_path_between_unconnected_records_is_empty(tmp_path: object) -> None:
    from conftest import DATA

    kg = llmkg.load(str(DATA / "valid_small"), cache=False)
    assert kg.path("alpha", "beta")  # connected
    assert kg.path("alpha", "alpha")[0].record.id == "alpha"


@pytest.mark.parametrize(
    ("query", "expected"), [("trasformer", "transformer"), ("챗GPT", "chatgpt"), ("LSTM", "lstm")]
)
def test_search_tolerates_typos_and_finds_korean_labels(
    mini: llmkg.KnowledgeGraph, query: str, expected: str
) -> None:
    hits = mini.search(query)
    assert hits[0].record.id == expected
    assert hits == sorted(hits, key=lambda h: -h.score)


def test_search_reaches_summaries(mini: llmkg.KnowledgeGraph) -> None:
    assert "gpt-3" in [h.record.id for h in mini.search("few-shot learner")]


def test_stats_agree_with_the_graph(mini: llmkg.KnowledgeGraph) -> None:
    result = mini.stats()
    assert sum(result.by_kind.values()) == len(mini)
    assert sum(result.by_relation.values()) == mini.graph.number_of_edges()
    assert result.coverage["models"] == result.by_kind["model"] == len(list(mini.records("model")))
    assert result.coverage["with_lineage"] == 4  # gpt-2, gpt-3, gpt-4o, tiny-bert-variant


@given(st.lists(st.tuples(st.integers(0, 14), st.integers(0, 14)), max_size=60))
def test_transitive_reduction_agrees_with_networkx(pairs: list[tuple[int, int]]) -> None:
    import networkx as nx

    from llmkg.dag import transitive_reduction

    edges = {(f"n{min(a, b)}", f"n{max(a, b)}") for a, b in pairs if a != b}  # acyclic: low to high
    successors: dict[str, set[str]] = {f"n{i}": set() for i in range(15)}
    for source, target in edges:
        successors[source].add(target)
    graph = nx.DiGraph(list(edges))
    graph.add_nodes_from(successors)
    expected = nx.transitive_reduction(graph)
    reduced = transitive_reduction(successors)
    assert {(u, v) for u, vs in reduced.items() for v in vs} == set(expected.edges)


# What someone typing each query means (the packaged data).
EVERYDAY_QUERIES = {
    "gpt4": "gpt-4",
    "llama 2": "llama-2",
    "트랜스포머": "transformer",
    "attention": "attention-mechanism",
    "어텐션": "attention-mechanism",
    "rlhf": "rlhf",
    "trasformer": "transformer",
    "강화 학습": "reinforcement-learning",
    "chatgpt": "chatgpt",
    "mixture of experts": "mixture-of-experts",
    "moe": "mixture-of-experts",
    "환각": "hallucination",
    "claude 3": "claude-3",
    "tokenizer": "tokenization",
    "scaling laws": "scaling-laws",
    "rag": "retrieval-augmented-generation",
    "open weights": "open-weights-model",
    "언어 모델": "language-model",
    "kv cache": "kv-cache",
    "deepseek r1": "deepseek-r1",
}


def test_everyday_queries_rank_what_people_mean_first(kg: llmkg.KnowledgeGraph) -> None:
    top = {query: kg.search(query, limit=1)[0].record.id for query in EVERYDAY_QUERIES}
    assert top == EVERYDAY_QUERIES


@pytest.mark.parametrize("query", [*EVERYDAY_QUERIES, "hallucination", "distillation", "o1"])
def test_a_name_match_always_outranks_a_summary_only_match(kg: llmkg.KnowledgeGraph, query: str) -> None:
    hits = kg.search(query, limit=30)
    matches = [hit.match for hit in hits]
    assert matches == sorted(matches), matches  # every "name" before every "summary"
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(h.score > s.score for h in hits if h.match == "name" for s in hits if s.match == "summary")


def test_related_names_follow_the_best_one(kg: llmkg.KnowledgeGraph) -> None:
    assert "rlhf" in [hit.record.id for hit in kg.search("강화 학습", limit=3)]
    assert "amazon" not in [hit.record.id for hit in kg.search("scaling laws", limit=10)]  # "AWS"
    assert kg.search("트랜스포머", limit=2)[1].record.id == "transformer-2017"


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [("Grok-1", "grok", True), ("Llama 2", "llama", True), ("Qwen2.5", "qwen", True),
     ("DeepSeekMath", "deepseek", True), ("Gemma", "gem", False), ("Grok", "grok", False),
     ("Mixtral", "mistral", False), ("Mistral AI", "mistral", True)],
)  # fmt: skip
def test_a_family_name_begins_a_name_as_a_whole_word(text: str, key: str, expected: bool) -> None:
    from llmkg.names import begins_with

    assert begins_with(text, key) is expected
