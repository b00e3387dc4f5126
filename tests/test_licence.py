"""`llmkg licence`: what a model may be used for through its lineage's licences, on the packaged data
and on planted data, in every format; the terms vocabulary covers every licence id the data uses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import llmkg
from conftest import run
from llmkg.licences import TERM_KINDS, VERDICTS, vocabulary


def licence_json(*args: str) -> dict[str, object]:
    result = run("licence", *args, "--format", "json")
    assert result.code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_the_json_has_the_promised_shape() -> None:
    data = licence_json("alpaca")
    assert {"id", "name", "license", "commercial_use", "chain", "obligations", "conflicts"} <= set(data)
    for link in data["chain"]:  # type: ignore[union-attr]
        assert {"id", "name", "relation", "evidence", "depth", "license", "commercial_use"} <= set(link)
    for obligation in data["obligations"]:  # type: ignore[union-attr]
        assert {"from", "license", "kind", "text", "source"} <= set(obligation)
    for conflict in data["conflicts"]:  # type: ignore[union-attr]
        assert {"id", "upstream", "reason"} <= set(conflict)


def test_alpaca_is_not_for_commercial_use_by_llamas_licence_and_openais_terms() -> None:
    data = licence_json("alpaca")
    assert data["commercial_use"] == "no"
    obligations = data["obligations"]
    assert isinstance(obligations, list)
    from_llama = [o for o in obligations if o["from"] == "llama"]
    assert from_llama and all(o["license"] == "LicenseRef-LLaMA-Noncommercial" for o in from_llama)
    assert any(o["kind"] == "commercial_use" and "non-commercial" in o["text"] for o in from_llama)
    from_openai = [o for o in obligations if o["from"] == "gpt-3.5"]
    assert from_openai and all(o["kind"] == "output_training" for o in from_openai)
    assert any("develop models that compete with OpenAI" in o["text"] for o in from_openai)
    assert all(o["source"].startswith("https://") for o in obligations)
    assert any(c["upstream"] == "gpt-3.5" for c in data["conflicts"])  # type: ignore[union-attr]


def test_zephyr_is_for_commercial_use_through_mistral_7b() -> None:
    data = licence_json("zephyr")
    assert data["commercial_use"] == "yes"
    [mistral] = [link for link in data["chain"] if link["id"] == "mistral-7b"]  # type: ignore[union-attr]
    assert mistral["license"] == "Apache-2.0" and mistral["commercial_use"] == "yes"
    assert data["conflicts"] == []


def test_llama_2_chat_carries_the_700_million_users_clause() -> None:
    data = licence_json("llama-2-chat")
    assert data["commercial_use"] == "conditional"
    caps = [o for o in data["obligations"] if o["kind"] == "user_cap"]  # type: ignore[union-attr]
    assert caps and any("700 million monthly active users" in o["text"] for o in caps)


def test_the_table_says_it_is_not_legal_advice_and_when_a_link_is_weak(kg: llmkg.KnowledgeGraph) -> None:
    result = run("licence", "alpaca")
    assert result.code == 0 and "not legal advice" in result.stderr
    weak = next(
        source
        for source in (r.id for r in kg.records("model"))
        for _s, _t, data in kg.edges(source, "out")
        if data["relation"] in ("fine_tuned_from", "distilled_from", "derived_from")
        and data["evidence"] == "inferred"
    )
    assert "as weak as that link" in run("licence", weak).stderr
    assert "법률 자문이 아닙니다" in run("--lang", "ko", "licence", "alpaca").stderr


@pytest.mark.parametrize("fmt", ["csv", "md", "table"])
def test_every_format_carries_the_verdict(fmt: str) -> None:
    result = run("licence", "alpaca", "--format", fmt)
    assert result.code == 0 and "LicenseRef-LLaMA-Noncommercial" in result.stdout


PLANTED = """
- id: lab
  kind: organization
  name: A Lab
- id: other-lab
  kind: organization
  name: Another Lab
- id: decoder-only
  kind: concept
  name: Decoder-only Transformer
  names: {ko: 디코더 전용 트랜스포머}
  summary: {en: A stack of decoders., ko: 디코더만 쌓은 구조.}
  sources: [arXiv:1706.03762]
- id: base
  kind: model
  name: Base
  date: "2024-01"
  summary: {en: A base model under a non-commercial licence.}
  sources: [https://example.org/base]
  organizations: [lab]
  parameters: 7B
  parameters_status: disclosed
  architecture: decoder-only
  openness: open-weights
  notability: major
  license: {id: CC-BY-NC-4.0, source: 'https://example.org/base'}
- id: tune
  kind: model
  name: Tune
  date: "2024-06"
  summary: {en: A fine-tune published under Apache-2.0.}
  sources: [https://example.org/tune]
  organizations: [other-lab]
  parameters: 7B
  parameters_status: disclosed
  architecture: decoder-only
  openness: open-source
  notability: minor
  license: {id: Apache-2.0, source: 'https://example.org/tune'}
  relations:
    - {relation: fine_tuned_from, target: base, evidence: stated, sources: ['https://example.org/tune']}
"""


def test_check_reports_a_permissive_fine_tune_of_a_non_commercial_base(tmp_path: Path) -> None:
    (tmp_path / "planted.yaml").write_text(PLANTED, encoding="utf-8")
    result = run("--data", str(tmp_path), "licence", "--check", "--format", "json")
    assert result.code == 0, result.stderr
    found = json.loads(result.stdout)
    assert [(c["id"], c["upstream"]) for c in found] == [("tune", "base")]
    assert "CC-BY-NC-4.0" in found[0]["reason"] and "Apache-2.0" in found[0]["reason"]
    data = json.loads(run("--data", str(tmp_path), "licence", "tune", "-f", "json").stdout)
    assert data["commercial_use"] == "no"  # the base's terms flow down
    csv = run("--data", str(tmp_path), "licence", "--check", "--format", "csv")
    assert csv.code == 0 and csv.stdout.splitlines()[1].startswith("tune,base,")


def test_check_on_the_packaged_data_lists_conflicts_one_per_row() -> None:
    result = run("licence", "--check", "--format", "json")
    assert result.code == 0
    found = json.loads(result.stdout)
    assert found and all(set(c) == {"id", "upstream", "reason"} for c in found)
    assert len({(c["id"], c["upstream"], c["reason"]) for c in found}) == len(found)


def test_check_and_each_models_own_answer_find_the_same_conflicts(kg: llmkg.KnowledgeGraph) -> None:
    checked = {(c.id, c.upstream, str(c.reason)) for c in kg.licence_conflicts().found}
    one_by_one = {
        (c.id, c.upstream, str(c.reason))
        for model in kg.records("model")
        for c in kg.licence(model.id).judgement.conflicts
    }
    assert checked == one_by_one


DISTILLED_FROM_A_PRODUCT = """
- {id: lab, kind: organization, name: Lab, sources: ['https://example.org/lab']}
- {id: openai, kind: organization, name: OpenAI, sources: ['https://openai.com']}
- id: decoder-only-transformer
  kind: concept
  name: Decoder-only Transformer
  names: {ko: 디코더 전용 트랜스포머}
  summary: {en: A stack of decoders., ko: 디코더만 쌓은 구조.}
  sources: [arXiv:1706.03762]
- id: teacher-model
  kind: model
  name: Teacher Model
  summary: {en: A closed model.}
  date: '2022-11'
  organizations: [openai]
  parameters_status: unknown
  architecture: decoder-only-transformer
  openness: closed
  notability: minor
  sources: ['https://example.org/teacher']
- id: chat-product
  kind: system
  name: Chat Product
  summary: {en: A chat product built on the closed model.}
  date: '2022-11-30'
  organizations: [openai]
  openness: closed
  sources: ['https://example.org/chat']
  relations:
    - {relation: fine_tuned_from, target: teacher-model, evidence: stated, sources: ['https://example.org/chat']}
- id: student
  kind: model
  name: Student
  summary: {en: An open model trained on the chat product's outputs.}
  date: '2023-03'
  organizations: [lab]
  parameters: 7B
  parameters_status: disclosed
  architecture: decoder-only-transformer
  openness: open-weights
  notability: minor
  license: {id: Apache-2.0, source: 'https://example.org/student'}
  sources: ['https://example.org/student']
  relations:
    - {relation: distilled_from, target: chat-product, evidence: stated, sources: ['https://example.org/student']}
"""


def test_outputs_of_a_product_are_a_conflict_but_its_models_weights_are_not(tmp_path: Path) -> None:
    (tmp_path / "planted.yaml").write_text(DISTILLED_FROM_A_PRODUCT, encoding="utf-8")
    result = run("--data", str(tmp_path), "licence", "--check", "--format", "json")
    assert result.code == 0, result.stderr
    found = [(c["id"], c["upstream"]) for c in json.loads(result.stdout)]
    # trained on the product's outputs (OpenAI's terms); no weights of the model behind it came down
    assert ("student", "chat-product") in found and ("student", "teacher-model") not in found
    data = json.loads(run("--data", str(tmp_path), "licence", "student", "-f", "json").stdout)
    assert data["commercial_use"] == "conditional", data["reasons"]


def test_a_name_or_check_not_both() -> None:
    assert run("licence").code == 2
    assert run("licence", "alpaca", "--check").code == 2
    assert run("licence", "no-such-model").code == 3


def test_every_licence_the_data_uses_has_sourced_terms(kg: llmkg.KnowledgeGraph) -> None:
    known = vocabulary()
    used = {r.license.id for r in kg.records("model") if r.license}
    assert used and used <= set(known), sorted(used - set(known))
    for licence in [*used, "proprietary"]:
        terms = known[licence]
        assert terms.commercial_use in VERDICTS
        for term in terms.terms:
            assert term.kind in TERM_KINDS and term.text and term.source.startswith("https://")
        if terms.commercial_use != "unknown":
            [grant] = terms.of("commercial_use")
            assert grant.value == terms.commercial_use


def test_the_verdict_reaches_show_and_the_exports(kg: llmkg.KnowledgeGraph, tmp_path: Path) -> None:
    import sqlite3
    import xml.etree.ElementTree as ET

    shown = json.loads(run("show", "alpaca", "-f", "json").stdout)
    assert shown["commercial_use"] == "no"
    assert "llmkg licence alpaca" in run("show", "alpaca").stdout
    graphml = tmp_path / "g.graphml"
    assert run("export", "graphml", "-o", str(graphml)).code == 0
    root = ET.parse(graphml).getroot()
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    key = next(k.get("id") for k in root.iter(f"{ns}key") if k.get("attr.name") == "commercial_use")
    alpaca = next(n for n in root.iter(f"{ns}node") if n.get("id") == "alpaca")
    assert [d.text for d in alpaca if d.get("key") == key] == ["no"]
    database = tmp_path / "g.db"
    assert run("export", "sqlite", "-o", str(database)).code == 0
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT commercial_use FROM records WHERE id = 'zephyr'").fetchone() == ("yes",)


@pytest.mark.parametrize("args", [["alpaca"], ["cambrian-1"], ["--check"]])
def test_korean_mode_gives_the_reasons_and_conflicts_in_korean(args: list[str]) -> None:
    english = run("licence", *args)
    korean = run("--lang", "ko", "licence", *args)
    assert english.code == korean.code == 0
    # every English sentence llmkg itself writes is gone (licence ids and model names stay)
    for phrase in ("does not allow", "allows commercial use", "trained on outputs", "asks a derivative",
                   "asks derivatives", "has no licence", "could not be"):  # fmt: skip
        assert phrase not in korean.stdout + korean.stderr, phrase
    assert "상업적 이용" in korean.stdout or "충돌" in korean.stdout
    # the JSON stays English whatever the language: it is the contract
    assert (
        run("--lang", "ko", "licence", *args, "-f", "json").stdout
        == run("licence", *args, "-f", "json").stdout
    )


def test_a_licence_that_could_not_be_determined_says_so() -> None:
    undetermined = [
        r.id for r in llmkg.load().records("model") if r.license and r.license.id == "NOASSERTION"
    ]
    if not undetermined:
        pytest.skip("no model in the data has a licence that could not be determined")
    data = licence_json(undetermined[0])
    assert data["commercial_use"] == "unknown"
    assert any("could not be determined" in str(reason) for reason in data["reasons"])  # type: ignore[union-attr]
    assert "licence not determined" in run("show", undetermined[0]).stdout
