"""The Korean labels and summaries follow docs/korean-style.md.

The glossary, the transliterations to avoid and the records allowed a Hangul label are read from
the tables in that file, so the guide and this test cannot drift apart. The data is the packaged
data, or $LLMKG_DATA when set (e.g. to check another copy of data/).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import llmkg
from llmkg.loader import data_paths
from llmkg.yamlread import read_file

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "korean-style.md"
# Read now: conftest removes $LLMKG_DATA around each test.
DATA = os.environ.get("LLMKG_DATA") or None

HANGUL = re.compile(r"[\uac00-\ud7a3]")
WORD_CHAR = re.compile(r"[\uac00-\ud7a3A-Za-z0-9]")
CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Rule:
    term: str  # the English term or name the row is about
    use: str  # what to write instead
    avoid: tuple[str, ...]
    fine: tuple[str, ...]


def _section(text: str, number: int) -> str:
    match = re.search(rf"^## {number}\..*?(?=^## |\Z)", text, re.M | re.S)
    assert match, f"{GUIDE.name} has no section {number}"
    return match.group(0)


def _rows(section: str) -> Iterator[list[str]]:
    for line in section.splitlines():
        if line.startswith("|") and not re.match(r"^\|[-|\s]+\|$", line):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            yield cells


def _rules(section: str) -> list[Rule]:
    rows = list(_rows(section))
    assert rows and len(rows[0]) == 4, "a rules table has four columns: term, use, not, fine"
    return [
        Rule(cells[0], cells[1], tuple(CODE.findall(cells[2])), tuple(CODE.findall(cells[3])))
        for cells in rows[1:]
    ]


GUIDE_TEXT = GUIDE.read_text(encoding="utf-8")
GLOSSARY = _rules(_section(GUIDE_TEXT, 2))
NAMES_SECTION = _section(GUIDE_TEXT, 3)
TRANSLITERATIONS = _rules(NAMES_SECTION.split("Particles follow")[1])
KOREAN_LABELS = {
    CODE.findall(cells[0])[0]: cells[1]
    for cells in list(_rows(NAMES_SECTION.split("Particles follow")[0]))[1:]
}


def offences(text: str, rules: list[Rule]) -> list[tuple[str, str]]:
    """(form, term) for each avoided form that starts a word in text and is not a fine longer word.

    Where avoided forms overlap (오픈 웨이트 holds 오픈 and 웨이트), only the longest is named.
    """
    spans = []
    for rule in rules:
        for form in rule.avoid:
            for match in re.finditer(re.escape(form), text):
                start = match.start()
                if start and WORD_CHAR.match(text[start - 1]):
                    continue  # inside a longer word
                if any(text.startswith(fine, start) for fine in rule.fine):
                    continue
                spans.append((start, match.end(), form, rule.term))
    kept: list[tuple[int, int, str, str]] = []
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if not any(span[0] < other[1] and other[0] < span[1] for other in kept):
            kept.append(span)
    return [(form, term) for _start, _end, form, term in sorted(kept)]


@pytest.fixture(scope="module")
def kg() -> llmkg.KnowledgeGraph:
    return llmkg.load(DATA, cache=False)


@pytest.fixture(scope="module")
def file_of() -> dict[str, str]:
    """Which data file each record is in, to name it in messages."""
    where = {}
    for path in data_paths(DATA):
        for record in read_file(path).value or []:
            if isinstance(record, dict) and "id" in record:
                where[str(record["id"])] = path.name
    return where


def korean_texts(kg: llmkg.KnowledgeGraph) -> Iterator[tuple[str, str, str]]:
    for record in kg.records():
        if record.names.ko:
            yield record.id, "names.ko", record.names.ko
        if record.summary.ko:
            yield record.id, "summary.ko", record.summary.ko


def _report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems[:200])


# --- the guide itself -------------------------------------------------------------------------


def test_the_guide_tables_are_read() -> None:
    assert len(GLOSSARY) >= 40 and len(TRANSLITERATIONS) >= 30 and len(KOREAN_LABELS) >= 10
    for rule in GLOSSARY + TRANSLITERATIONS:
        assert not offences(rule.use, [rule]), rule  # the word to use is not one to avoid
    for term in (
        "feed-forward",
        "attention",
        "fine-tuning",
        "pre-training",
        "reasoning",
        "thought, thinking",
        "inference (running a model)",
        "parameter",
        "token",
        "context window",
        "open weights, open (model)",
        "distillation",
        "alignment",
    ):
        assert term in {rule.term for rule in GLOSSARY}, term


def test_the_checker_finds_words_only_where_they_start() -> None:
    names = TRANSLITERATIONS
    assert offences("딥시크가 공개한 모델", names) == [("딥시크", "DeepSeek")]
    assert offences("애플리케이션과 메타데이터", names) == []
    assert offences("애플의 모델", names) == [("애플", "Apple")]
    assert offences("드라마", names) == []  # 라마 inside a word
    assert ("퍼플렉서티", "perplexity") in offences("퍼플렉서티를 낮췄다", GLOSSARY)
    assert offences("오픈소스로 공개한 오픈 도메인 챗봇", GLOSSARY) == []
    assert ("오픈", "open weights, open (model)") in offences("오픈 모델", GLOSSARY)


# --- the data ----------------------------------------------------------------------------------


LABEL = re.compile(r"^(?P<ko>[^()]*[\uac00-\ud7a3][^()]*?)(?:\((?P<en>[^()]*)\))?$")


def test_labels_are_korean_first_with_ascii_in_brackets(
    kg: llmkg.KnowledgeGraph, file_of: dict[str, str]
) -> None:
    problems = []
    for record in kg.records():
        label = record.names.ko
        if not label:
            continue
        where = f"{file_of.get(record.id, '?')}: {record.id}: {label!r}"
        if not HANGUL.search(label):
            if label != record.name:
                problems.append(f"{where}: a label without Korean is the record's name ({record.name!r})")
            continue
        match = LABEL.match(label)
        if not match:
            problems.append(f"{where}: Korean term first, one bracket at the end: 게이트 순환 유닛(GRU)")
        elif match["ko"].endswith(" ") or match["ko"] != match["ko"].strip():
            problems.append(f"{where}: no space before the bracket or at either end")
        elif match["en"] is not None and (not match["en"].isascii() or not match["en"].strip()):
            problems.append(f"{where}: the bracket holds the English term or acronym, not Korean")
    assert not problems, _report(problems)


def test_only_korean_names_have_hangul_labels(kg: llmkg.KnowledgeGraph, file_of: dict[str, str]) -> None:
    problems = []
    for record in kg.records():
        label = record.names.ko
        if record.kind == "concept" or not label or not HANGUL.search(label):
            continue
        if KOREAN_LABELS.get(record.id) != label:
            problems.append(
                f"{file_of.get(record.id, '?')}: {record.id}: {label!r}: a name stays in its own script "
                "(drop the label, keep a Korean spelling in aliases), unless the guide lists it"
            )
    for rid, label in KOREAN_LABELS.items():
        if rid in kg and kg[rid].names.ko != label:
            problems.append(f"{rid}: the guide gives the label {label!r}, the data {kg[rid].names.ko!r}")
    assert not problems, _report(problems)


def test_one_korean_word_per_english_term(kg: llmkg.KnowledgeGraph, file_of: dict[str, str]) -> None:
    problems = [
        f"{file_of.get(rid, '?')}: {rid}: {field}: {form!r} — write {use!r} for {term!r}"
        for rid, field, text in korean_texts(kg)
        for form, term in offences(text, GLOSSARY)
        for use in [next(rule.use for rule in GLOSSARY if rule.term == term)]
    ]
    assert not problems, _report(problems)


def test_names_are_not_transliterated(kg: llmkg.KnowledgeGraph, file_of: dict[str, str]) -> None:
    problems = [
        f"{file_of.get(rid, '?')}: {rid}: {field}: {form!r} — write the name ({term})"
        for rid, field, text in korean_texts(kg)
        for form, term in offences(text, TRANSLITERATIONS)
    ]
    assert not problems, _report(problems)


def test_summaries_use_the_plain_written_style(kg: llmkg.KnowledgeGraph, file_of: dict[str, str]) -> None:
    problems = []
    for record in kg.records():
        text = record.summary.ko
        if not text:
            continue
        where = f"{file_of.get(record.id, '?')}: {record.id}"
        text = text.strip()
        if not text.endswith("다."):
            problems.append(f"{where}: ends {text[-12:]!r}; the last sentence ends in -다.")
        for match in re.finditer(r"([\uac00-\ud7a3])\.(?=\s|$)", text):
            if match.group(1) != "다":
                problems.append(f"{where}: a sentence ends {text[max(0, match.start() - 8) : match.end()]!r}")
        for polite in ("습니다", "입니다", "해요", "세요", "했음", "하였음"):
            if polite in text:
                problems.append(f"{where}: {polite!r} — the plain -다 style")
    assert not problems, _report(problems)
