"""The shipped dataset: valid, complete for the course page, and connected as the story needs."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest

import llmkg
from conftest import run
from llmkg.loader import data_paths, read_dataset
from llmkg.vocabulary import LINEAGE


def test_the_shipped_data_validates_with_zero_problems() -> None:
    result = run("validate")
    assert result.code == 0, result.stdout[-2000:]
    assert result.stdout.startswith("ok: ")
    dataset, problems = read_dataset(data_paths())
    assert problems == [] and len(dataset.records) > 900


# Everything the course page (shared/seed/llm-overview.ko.md) names, with the dates it gives that
# primary sources confirm. Where the page is wrong (DeepSeek's "2025-01-10"), the record says so.
SEED_DATED = {
    "eliza": "1966",
    "lstm": "1997",
    "stanford-corenlp": "2010",
    "word2vec": "2013",
    "attention-is-all-you-need": "2017",
    "transformer": "2017",
    "gpt": "2018-06",
    "bert": "2018-10",
    "gpt-2": "2019",
    "gpt-3": "2020",
    "openai-api": "2020",
    "lamda": "2021",
    "clip": "2021",
    "chatgpt": "2022-11-30",
    "gpt-4": "2023-03",
    "gpt-4-turbo": "2023-11",
    "gpt-4o": "2024-05-13",
    "deepseek-v2": "2024-05",
    "deepseek-v3": "2024-12-26",
    "deepseek-r1": "2025-01-20",
}
SEED_CONCEPTS = [
    "large-language-model",
    "natural-language-processing",
    "transformer",
    "attention-mechanism",
    "self-attention",
    "encoder-decoder",
    "decoder-only-transformer",
    "encoder-only-transformer",
    "long-term-dependency-problem",
    "parallel-processing",
    "rnn",
    "lstm",
    "cnn",
    "transfer-learning",
    "pre-training",
    "fine-tuning",
    "unsupervised-learning",
    "tokenization",
    "prompt",
    "next-token-prediction",
    "natural-language-understanding",
    "natural-language-generation",
    "world-knowledge",
    "contextual-reasoning",
    "text-classification",
    "sentiment-analysis",
    "question-answering",
    "text-summarization",
    "machine-translation",
    "text-completion",
    "named-entity-recognition",
    "data-collection-and-preprocessing",
    "model-training",
    "evaluation-and-optimization",
    "deployment",
    "training-pipeline",
    "chatbot",
    "content-generation",
    "translation-summarization-analysis",
    "question-answering-system",
    "education",
    "software-development",
    "research-assistance",
    "multimodal",
    "large-action-model",
    "hallucination",
    "bias",
    "lack-of-understanding",
    "data-dependency",
    "computational-cost",
    "ethical-issues",
    "explainability",
    "artificial-general-intelligence",
    "mixture-of-experts",
    "word-embedding",
    "rule-based-system",
    "pattern-matching",
    "deep-learning",
]


@pytest.mark.parametrize(("rid", "prefix"), sorted(SEED_DATED.items()))
def test_every_dated_thing_on_the_course_page_is_in_the_graph(
    kg: llmkg.KnowledgeGraph, rid: str, prefix: str
) -> None:
    record = kg.resolve(rid)
    assert record.id == rid
    assert record.date and record.date.startswith(prefix)
    assert record.sources


@pytest.mark.parametrize("rid", SEED_CONCEPTS)
def test_every_concept_on_the_course_page_is_bilingual_and_sourced(
    kg: llmkg.KnowledgeGraph, rid: str
) -> None:
    concept = kg[rid]
    assert concept.kind == "concept"
    assert concept.names.ko and concept.summary.ko and concept.summary.en and concept.sources


def test_the_course_page_parameter_counts(kg: llmkg.KnowledgeGraph) -> None:
    assert kg["gpt"].parameters == 117_000_000
    assert kg["gpt-2"].parameters == 1_500_000_000
    assert kg["gpt-3"].parameters == 175_000_000_000
    assert kg["gpt-4"].parameters_status in {"unknown", "estimated"}  # never disclosed by OpenAI


def test_the_deepseek_date_on_the_course_page_is_explained(kg: llmkg.KnowledgeGraph) -> None:
    app = kg["deepseek-chat-app"]
    assert app.kind == "system" and app.date.startswith("2025-01")
    assert "2025-01-10" in (app.note or "") + " ".join(d.note + d.value for d in app.disputes)
    assert {"mixture-of-experts"} <= {t for _s, t, d in kg.edges("deepseek-v3") if d["relation"] == "uses"}


def _ancestors(kg: llmkg.KnowledgeGraph, name: str) -> list[str]:
    return [e.record.id for e in sorted(kg.lineage(name).ancestors, key=lambda e: e.depth)]


def test_gpt4o_descends_from_rnn_through_the_gpt_line(kg: llmkg.KnowledgeGraph) -> None:
    chain = _ancestors(kg, "gpt-4o")
    expected = [
        "gpt-4-turbo",
        "gpt-4",
        "gpt-3.5",
        "gpt-3",
        "gpt-2",
        "gpt",
        "decoder-only-transformer",
        "transformer",
        "lstm",
        "rnn",
    ]
    positions = [chain.index(rid) for rid in expected]
    assert positions == sorted(positions), chain


def test_chatgpt_comes_from_gpt35_and_bert_from_the_transformer_encoder(kg: llmkg.KnowledgeGraph) -> None:
    assert _ancestors(kg, "chatgpt")[0] == "gpt-3.5"
    bert = _ancestors(kg, "bert")
    assert bert.index("encoder-only-transformer") < bert.index("transformer")
    descendants = {e.record.id for e in kg.lineage("bert", descendants=True).descendants}
    assert {"roberta", "albert", "distilbert", "electra", "deberta"} <= descendants


def test_deepseek_v2_v3_r1_read_as_a_chain(kg: llmkg.KnowledgeGraph) -> None:
    chain = _ancestors(kg, "deepseek-r1")
    assert chain.index("deepseek-v3") < chain.index("deepseek-v2")


@pytest.mark.parametrize(
    ("model", "ancestor"),
    [
        ("llama-3.1", "llama"),
        ("code-llama", "llama-2"),
        ("vicuna", "llama"),
        ("zephyr", "mistral-7b"),
        ("solar-10.7b", "mistral-7b"),
        ("gemini-1.5", "palm"),
        ("claude-3", "claude"),
        ("qwen3", "qwen"),
        ("mixtral-8x22b", "mistral-7b"),
        ("falcon-180b", "falcon-40b"),
        ("bloomz", "bloom"),
        ("flan-t5", "t5"),
        ("gemma-3", "gemma"),
        ("phi-4", "phi-1"),
        ("exaone-3.0", "exaone-1.0"),
        ("hyperclova-x", "hyperclova"),
        ("deepseek-r1-distill", "deepseek-r1"),
        ("instructgpt", "gpt-3"),
    ],
)
def test_families_read_as_chains(kg: llmkg.KnowledgeGraph, model: str, ancestor: str) -> None:
    assert ancestor in _ancestors(kg, model)


@pytest.mark.parametrize(
    "name",
    ["Qwen2", "Falcon 180B", "Claude 3.5 Sonnet", "HyperCLOVA X", "Mixtral", "KoGPT", "EXAONE 3.0", "SOLAR"],
)
def test_models_users_look_up_are_there(kg: llmkg.KnowledgeGraph, name: str) -> None:
    assert kg.search(name)[0].score >= 90


def test_every_model_has_a_source_an_architecture_concept_and_an_organization(
    kg: llmkg.KnowledgeGraph,
) -> None:
    for model in kg.records("model"):
        assert model.sources, model.id
        assert kg[model.architecture].kind == "concept", model.id
        assert all(kg[o].kind == "organization" for o in model.organizations), model.id
        if model.parameters_status == "estimated":
            assert model.note, model.id


def test_enough_concepts_each_bilingual_and_related(kg: llmkg.KnowledgeGraph) -> None:
    concepts = list(kg.records("concept"))
    assert len(concepts) >= 120
    for concept in concepts:
        assert concept.names.ko and concept.summary.ko
        assert kg.graph.degree(concept.id) > 0, concept.id


def test_the_timeline_stays_readable_by_default(kg: llmkg.KnowledgeGraph) -> None:
    default = kg.timeline(2017, 2025)
    full = kg.timeline(2017, 2025, include_all=True)
    assert 60 <= len(default.records) <= len(full.records) // 2
    assert default.hidden == len(full.records) - len(default.records)


def open_models_of(kg: llmkg.KnowledgeGraph) -> list[Any]:
    """The models whose weights can be downloaded: the ones that owe a licence."""
    return [m for m in kg.records("model") if m.openness in ("open-weights", "open-source")]


def test_the_readme_counts_match_the_data(kg: llmkg.KnowledgeGraph) -> None:
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    stats = kg.stats()

    def number(pattern: str) -> int:
        match = re.search(pattern, readme)
        assert match, pattern
        return int(match.group(1).replace(",", ""))

    assert number(r"([\d,]+) records joined by") == len(kg)
    assert number(r"joined by ([\d,]+) typed edges") == kg.graph.number_of_edges()
    for kind in ("model", "system", "paper", "dataset", "organization", "concept"):
        assert number(rf"([\d,]+) {kind}s\b") == stats.by_kind[kind], kind
    disputes = sum(
        len(r.disputes) + sum(len(c.disputes) for c in getattr(r, "checkpoints", [])) for r in kg.records()
    )
    assert number(r"`disputes` \(([\d,]+) of them\)") <= disputes
    open_models = open_models_of(kg)
    licensed = [m for m in open_models if m.license is not None]
    assert number(r"`license` \(([\d,]+) of the") == len(licensed)
    assert number(r"`license` \([\d,]+ of the\s+([\d,]+) open-weights") == len(open_models)
    assert number(r"`NONE` on ([\d,]+) whose weights") == sum(m.license.id == "NONE" for m in licensed)
    graded = [
        e.evidence for r in kg.records() for e in getattr(r, "relations", None) or [] if e.relation in LINEAGE
    ]
    assert number(r"`stated` by the developer\s+\(([\d,]+)\)") == graded.count("stated")
    assert number(r"`reported` by a credible third party\s+\(([\d,]+)\)") == graded.count("reported")
    assert number(r"`inferred` from naming and timing\s+\(([\d,]+)\)") == graded.count("inferred")


def test_the_data_files_are_in_the_canonical_layout() -> None:
    import importlib.util
    from pathlib import Path

    from llmkg.loader import packaged_data_dir
    from llmkg.yamlread import read_file

    script = Path(__file__).resolve().parents[1] / "scripts" / "format_data.py"
    spec = importlib.util.spec_from_file_location("format_data", script)
    assert spec and spec.loader
    formatter = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(formatter)
    for path in sorted(packaged_data_dir().glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert formatter.render(read_file(path).value, formatter.header_of(text)) == text, (
            f"{path.name} is not formatted: run python scripts/format_data.py data/*.yaml"
        )


def test_every_lineage_step_of_gpt_4o_says_how_sure_it_is() -> None:
    result = run("lineage", "gpt-4o", "--format", "json")
    assert result.code == 0, result
    ancestors = json.loads(result.stdout)["ancestors"]
    assert len(ancestors) >= 5
    assert {a["evidence"] for a in ancestors} <= {"stated", "reported", "inferred"}
    assert all(a["evidence"] for a in ancestors), [a["id"] for a in ancestors if not a["evidence"]]


def test_lineage_evidence_is_graded_and_sourced_in_the_packaged_data() -> None:
    dataset, _problems = read_dataset(data_paths())
    seen: Counter[str | None] = Counter()
    for record in dataset.records.values():
        for entry in record.relations:
            if entry.relation in LINEAGE:
                seen[entry.evidence] += 1
                if entry.evidence != "inferred":
                    assert entry.sources, (record.id, entry.relation, entry.target)
    assert None not in seen
    # the grading is real: not everything is stated, and most links have their developer's word
    assert seen["inferred"] > 0 and seen["stated"] > seen["inferred"] + seen["reported"]


@pytest.mark.parametrize(
    "query", ["인간 피드백 기반 강화 학습", "인간피드백기반강화학습", "인간 피드백 기반 강화학습", "RLHF"]
)
def test_korean_search_ignores_spacing(query: str) -> None:
    result = run("search", query, "--format", "json", "--limit", "3")
    assert result.code == 0, result
    hits = json.loads(result.stdout)
    assert hits[0]["id"] == "rlhf" and hits[0]["score"] == 100, hits


def test_a_query_word_written_solid_finds_a_spaced_summary(kg: llmkg.KnowledgeGraph) -> None:
    # no name says 교차엔트로피; summaries write it spaced or solid, and both must be found
    spaced = [r.id for r in kg.records() if r.summary.ko and "교차 엔트로피" in r.summary.ko]
    assert spaced
    found = {hit.record.id for hit in kg.search("교차엔트로피", limit=50)}
    assert set(spaced) <= found


def test_korean_labels_follow_one_spacing_convention_and_plain_style(kg: llmkg.KnowledgeGraph) -> None:
    solid = ("미세조정", "사전학습", "강화학습", "언어모델")
    for record in kg.records():
        for text in filter(None, (record.names.ko, record.summary.ko)):
            assert not any(word in text for word in solid), (record.id, text)
            assert "습니다" not in text and "입니다" not in text, (record.id, text)


def test_stats_state_where_the_data_ends() -> None:
    import calendar
    import datetime as dt
    import json

    import yaml

    def span(text: str) -> tuple[dt.date, dt.date]:
        parts = [int(p) for p in text.split("-")]
        year, month = parts[0], parts[1] if len(parts) > 1 else None
        if len(parts) == 3:
            day = dt.date(*parts)
            return day, day
        first = dt.date(year, month or 1, 1)
        last_month = month or 12
        return first, dt.date(year, last_month, calendar.monthrange(year, last_month)[1])

    written = [
        str(record["date"])
        for path in data_paths()
        for record in yaml.safe_load(path.read_text(encoding="utf-8"))
        if record.get("date") is not None
    ]
    newest = max(written, key=span)
    result = run("stats", "--format", "json")
    assert result.code == 0
    assert json.loads(result.stdout)["data_through"] == newest
    assert newest in run("stats").stdout


def test_every_open_model_records_a_licence_or_says_why_not(kg: llmkg.KnowledgeGraph) -> None:
    # The openness rule (README, "The data"): an open model has the licence its weights are under;
    # SPDX's NONE where they were published with none, NOASSERTION (with the note saying what was
    # tried) where no developer page stating it could be read. Never silence.
    missing = [m.id for m in open_models_of(kg) if m.license is None]
    assert missing == []
    undetermined = [m for m in open_models_of(kg) if m.license.id == "NOASSERTION"]
    assert all(m.note and "licen" in m.note for m in undetermined), [m.id for m in undetermined]
    # An open model is never recorded as proprietary: that is what `closed` is for.
    assert [m.id for m in open_models_of(kg) if m.license.id == "proprietary"] == []


def test_a_closed_model_links_no_weights_on_a_model_hub(kg: llmkg.KnowledgeGraph) -> None:
    # A Hugging Face repository holding the model's weights makes it open-weights.
    linked = [m.id for m in kg.records("model") if m.openness == "closed" and m.xrefs.huggingface]
    assert linked == []


# The OSI-approved licences (opensource.org/licenses) that open models in the data use or may use.
OSI_APPROVED = {
    "0BSD",
    "AFL-3.0",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ECL-2.0",
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "LGPL-2.1-only",
    "LGPL-3.0-only",
    "MIT",
    "MPL-2.0",
    "OSL-3.0",
    "UPL-1.0",
    "Unlicense",
}


def test_open_source_means_an_osi_approved_licence(kg: llmkg.KnowledgeGraph) -> None:
    # The openness rule at the top of history.yaml, applied the same way to every model: weights under
    # an open-data licence (PDDL, CC BY-SA) or none at all are open-weights, not open-source.
    misfiled = {
        m.id: m.license.id if m.license else None
        for m in kg.records("model")
        if m.openness == "open-source" and (m.license is None or m.license.id not in OSI_APPROVED)
    }
    assert misfiled == {}


def test_each_licence_has_one_spelling(kg: llmkg.KnowledgeGraph) -> None:
    # LicenseRef-Llama-2-Community and LicenseRef-llama-2-community would split one licence in two.
    ids = {m.license.id for m in kg.records("model") if m.license is not None}
    by_folded: dict[str, set[str]] = {}
    for license_id in ids:
        by_folded.setdefault(license_id.lower().replace("_", "-"), set()).add(license_id)
    assert [sorted(v) for v in by_folded.values() if len(v) > 1] == []


def test_most_landmark_and_major_models_since_2023_have_a_context_length(kg: llmkg.KnowledgeGraph) -> None:
    recent = [r for r in kg.records("model") if r.notability in ("landmark", "major") and r.date >= "2023"]
    with_context = [r for r in recent if r.context_length is not None]
    assert len(recent) > 50
    assert len(with_context) >= 0.8 * len(recent), sorted(r.id for r in recent if r.context_length is None)
    assert all(r.context_length.status == "disclosed" or r.context_length.estimated_by for r in with_context)
