"""Korean mode says every message in Korean: every problem of `validate` and its hint, and the
errors and warnings around them; English stays as it was."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from conftest import BAD, DATA, run

SRC = Path(__file__).resolve().parents[1] / "src" / "llmkg"
VALID = (DATA / "valid_small" / "data.yaml").read_text(encoding="utf-8")

# --- Korean mode says every problem in Korean ---------------------------------------------------

HANGUL = re.compile(r"[\uac00-\ud7a3]")
LOCATED = re.compile(r"^(?P<file>.+?):\d+:\d+: ")
# A value in quotes or backticks; a quoted value cut short ends at its "…" (no closing quote).
QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|'[^'…]*…")
PATH = re.compile(r"\S*\.ya?ml(?::\d+)?")
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.\[\]-]*")
LETTERS = re.compile(r"[A-Za-z]{3,}")
# Words a Korean message keeps as they are written: names of formats, standards, tools and
# sources, and the placeholders of a form to fill in (arXiv:NNNN.NNNNN).
KEPT = {
    "YAML", "UTF", "NUL", "URL", "URLs", "https", "http", "arXiv", "doi", "NNNN", "NNNNN", "SPDX",
    "README", "ISO", "MiB", "FLOP", "FIFO", "Epoch", "llmkg",
}  # fmt: skip


def identifiers(*roots: Path) -> set[str]:
    """The words a message may quote unquoted: every key and value written in the data (ids, field
    names, names, relation names), and the field names and vocabularies of the schema."""
    from llmkg.schema import FIELD_ORDER
    from llmkg.vocabulary import KINDS, RELATIONS

    words = set(FIELD_ORDER) | set(KINDS) | set(RELATIONS)
    words |= {"en", "ko", "value", "status", "source", "estimated_by", "confidence", "relation", "target"}
    words |= {"evidence", "field", "stated", "reported", "inferred", "disclosed", "estimated", "unknown"}
    for root in roots:
        for path in [root] if root.is_file() else sorted(root.iterdir()):
            words |= set(re.findall(r"[A-Za-z_]+", path.read_text(encoding="utf-8", errors="replace")))
    return words


def english_left(line: str, known: set[str]) -> list[str]:
    """The English words of a Korean message: what is left once its location, the values it quotes
    (in quotes or backticks), file paths and the words of the data are taken out."""
    text = LOCATED.sub("", line, count=1)
    text = PATH.sub(" ", QUOTED.sub(" ", text))
    left = []
    for word in WORD.findall(text):
        parts = [part for part in re.split(r"[.\[\]-]", word) if part]  # training_tokens.value, aliases[0]
        if all(part in known or part in KEPT or not LETTERS.search(part) for part in parts):
            continue
        left.append(word)
    return left


def korean_problems(result_stdout: str) -> list[str]:
    return [line for line in result_stdout.splitlines() if LOCATED.match(line)]


def assert_korean(lines: list[str], known: set[str]) -> None:
    assert lines
    for line in lines:
        assert HANGUL.search(LOCATED.sub("", line, count=1)), line
        assert english_left(line, known) == [], line


def test_the_rule_finds_english_and_spares_values_and_paths() -> None:
    known = {"alpha", "colour"}
    assert english_left("a.yaml:1:2: alpha: unknown key 'colour'", known) == ["unknown", "key"]
    assert english_left("a.yaml:1:2: alpha: 알 수 없는 키 'colour'", known) == []
    assert english_left("x: 첫 정의는 tests/data/a.yaml:3입니다 — `llmkg validate`", known) == []


@pytest.mark.parametrize("fixture", sorted(path.name for path in BAD.iterdir()))
def test_korean_validate_says_every_problem_and_hint_in_korean(fixture: str) -> None:
    result = run("--lang", "ko", "validate", str(BAD / fixture))
    assert result.code == 1, result
    known = identifiers(BAD / fixture)
    assert_korean(korean_problems(result.stdout), known)
    summary = result.stderr.strip().splitlines()
    assert len(summary) == 1 and summary[0].startswith("llmkg: 오류: "), result.stderr
    assert english_left(summary[0], known) == [], summary


def dataset(tmp_path: Path, text: str | bytes) -> Path:
    target = tmp_path / "data.yaml"
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    return tmp_path


HOSTILE = {
    "utf16": VALID.encode("utf-16"),
    "latin1": VALID.replace("Acme AI", "Acmé AI").encode("utf-8").replace("é".encode(), b"\xe9"),
    "nul": VALID.replace("name: Beta", "name: Be\x00ta").encode("utf-8"),
    "escape in a name": VALID.replace("name: Beta", 'name: "Be\\e[31mta"'),
    "bidi override": VALID.replace("name: Beta", 'name: "Beta\\u202e"'),
    "two documents": VALID + "---\n- 1\n",
    "merge key": VALID.replace("  name: Beta\n", "  <<: {a: 1}\n  name: Beta\n"),
    "unknown alias": VALID.replace("name: Beta", "name: *nowhere"),
    "a tag": VALID.replace("name: Beta", "name: !!binary aGk="),
    "a list as key": VALID.replace("name: Beta", "? [a]\n  : b\n  name: Beta"),
    "a number for text": VALID.replace("name: Beta", "name: 12"),
    "a list for a mapping": VALID.replace("summary: {en: A test model.}", "summary: [a]", 1),
    "a mapping for a list": VALID.replace("organizations: [acme]", "organizations: {a: b}", 1),
    "an empty list": VALID.replace("organizations: [acme]", "organizations: []", 1),
    "an empty name": VALID.replace("name: Beta", 'name: ""'),
    "a long name": VALID.replace("name: Beta", f"name: {'B' * 400}"),
    "a bad literal": VALID.replace("openness: open-weights", "openness: ajar", 1),
    "a bad source": VALID.replace("https://example.org/beta", "example.org/beta"),
    "a bad relation": VALID.replace(
        "  name: Beta\n", "  name: Beta\n  relations: [{relation: x, target: alpha}]\n"
    ),
    "a bad dispute": VALID.replace(
        "  name: Beta\n", "  name: Beta\n  disputes: [{field: name, value: B, source: S, note: n}]\n"
    ),
    "a float count": VALID.replace("parameters: 7B", "parameters: 1.5e9", 1),
    "a negative count": VALID.replace("parameters: 7B", "parameters: -3", 1),
    "a huge count": VALID.replace("parameters: 7B", "parameters: 900T", 1),
    "a fractional count": VALID.replace("parameters: 7B", "parameters: 1.0000000001K", 1),
    "a bad count": VALID.replace("parameters: 7B", "parameters: seven", 1),
    "a boolean count": VALID.replace("parameters: 7B", "parameters: true", 1),
    "no count": VALID.replace("parameters: 7B", "parameters: null", 1),
    "an unknown count given": VALID.replace("parameters_status: disclosed", "parameters_status: unknown", 1),
    "an estimate without a note": VALID.replace(
        "parameters_status: disclosed", "parameters_status: estimated", 1
    ),
    "a bad measure": VALID.replace(
        "  notability: major\n",
        "  notability: major\n  training_tokens: {value: .inf, status: estimated, source: https://e.org}\n",
        1,
    ),
    "a bad date": VALID.replace('date: "2021-06"', 'date: "2021-13"'),
    "year 0": VALID.replace('date: "2021-06"', 'date: "0000"'),
    "a date in words": VALID.replace('date: "2021-06"', 'date: "June 2021"'),
    "no sources": VALID.replace("  sources: [https://example.org/beta]\n", ""),
    "no kind": VALID.replace("  kind: model\n", "", 1),
    "a bad kind": VALID.replace("  kind: model\n", "  kind: gadget\n", 1),
    "missing key": VALID.replace("  openness: open-weights\n", "", 1),
    "not a mapping": VALID + "- just text\n",
    "a scalar file": "42\n",
    "deep": VALID + "- " + "[" * 80 + "]" * 80 + "\n",
    "a concept without Korean": VALID
    + "- {id: c, kind: concept, name: C, summary: {en: x}, sources: [arXiv:1706.03762]}\n",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_korean_validate_of_hostile_data_is_korean(tmp_path: Path, case: str) -> None:
    data = dataset(tmp_path, HOSTILE[case])
    english = run("validate", str(data))
    assert english.code == 1, english
    result = run("--lang", "ko", "validate", str(data))
    assert result.code == 1, result
    known = identifiers(DATA / "valid_small") | {"Acm", "Beta", "ajar", "seven", "June", "inf"}
    assert_korean(korean_problems(result.stdout), known)
    # The same problems, at the same places, as in English.
    assert [LOCATED.match(p).group() for p in korean_problems(result.stdout)] == [  # type: ignore[union-attr]
        LOCATED.match(p).group()  # type: ignore[union-attr]
        for p in korean_problems(english.stdout)
    ]


def test_korean_messages_of_special_files_and_paths(tmp_path: Path) -> None:
    import os

    (tmp_path / "data.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "x.yaml").symlink_to("nowhere.yaml")
    os.mkfifo(tmp_path / "y.yaml")
    result = run("--lang", "ko", "validate", str(tmp_path))
    assert result.code == 1
    lines = [line.strip() for line in result.stderr.splitlines()]
    assert_korean([line for line in lines if LOCATED.match(line)], {"nowhere"})
    assert all(HANGUL.search(line) for line in lines), lines
    missing = run("--lang", "ko", "validate", str(tmp_path / "nothing-here"))
    assert missing.code == 2 and HANGUL.search(missing.stderr), missing.stderr
    said = missing.stderr.replace(str(tmp_path / "nothing-here"), "")
    assert english_left(said, set()) == [], missing.stderr


def test_a_future_date_warning_is_korean_in_korean_mode(tmp_path: Path) -> None:
    import datetime as dt

    later = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    data = dataset(tmp_path, VALID.replace('date: "2021-06"', f'date: "{later}"', 1))
    shown = run("--lang", "ko", "--data", str(data), "show", "alpha", "-f", "json")
    assert shown.code == 0
    assert shown.stderr.startswith("llmkg: 경고: beta: ") and HANGUL.search(shown.stderr), shown.stderr
    assert english_left(shown.stderr, {"beta"}) == [], shown.stderr


# Modules whose errors are still written as f-strings, so that Korean mode says them in English.
NOT_YET: set[str] = set()


def _templates() -> set[tuple[str, str]]:
    """(file, template) of every message made in the code: the first argument of each Message(...)
    and of each error raised with a literal text."""
    errors = {"Message", "DataError", "UsageError", "ExportError", "LlmkgError", "DataWarning"}
    found = set()
    for path in SRC.rglob("*.py"):
        if path.relative_to(SRC).as_posix() in NOT_YET:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name) and isinstance(node.value.value, str)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name == "english" and len(node.args) > 1:  # Message.english(their words, our template)
                second = node.args[1]
                if isinstance(second, ast.Constant) and isinstance(second.value, str):
                    found.add((str(path.relative_to(SRC)), second.value))
                continue
            if name not in errors:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.add((str(path.relative_to(SRC)), first.value))
            elif isinstance(first, ast.Name) and first.id in constants:
                found.add((str(path.relative_to(SRC)), constants[first.id]))
            elif name == "Message" or isinstance(first, ast.JoinedStr):
                found.add((str(path.relative_to(SRC)), f"<not a fixed template: line {node.lineno}>"))
    return found


def test_every_message_template_has_a_korean_translation() -> None:
    from llmkg.i18n import korean, korean_messages

    words = korean() | korean_messages()
    templates = _templates()
    assert len(templates) > 100
    untranslated = sorted((file, text) for file, text in templates if text and text not in words)
    assert untranslated == []


def test_every_pydantic_error_a_record_can_raise_has_a_korean_template() -> None:
    from llmkg.i18n import korean, korean_messages

    words = korean() | korean_messages()
    reachable = [
        "string_type", "string_too_short", "string_too_long", "string_pattern_mismatch", "int_type",
        "int_parsing", "int_from_float", "float_type", "float_parsing", "finite_number", "list_type",
        "dict_type", "model_type", "model_attributes_type", "too_short", "too_long", "bool_type",
        "control_character", "literal_error", "missing", "extra_forbidden",
    ]  # fmt: skip
    assert [etype for etype in reachable if f"pydantic:{etype}" not in words] == []


def test_a_problem_says_itself_in_english_as_before_and_in_korean() -> None:
    from llmkg.errors import Problem
    from llmkg.i18n import Message

    problem = Problem(
        "a.yaml",
        3,
        5,
        Message("{rid}: unknown key {key}", rid="alpha", key="'colour'"),
        Message("check the spelling; see the data format in the README"),
    )
    assert (
        str(problem)
        == "a.yaml:3:5: alpha: unknown key 'colour' — check the spelling; see the data format in the README"
    )
    assert problem.message == "alpha: unknown key 'colour'"
    said = problem.say("ko")
    assert said.startswith("a.yaml:3:5: alpha: ") and "'colour'" in said and HANGUL.search(said)
    assert problem.say("en") == str(problem)


def test_the_notes_of_what_was_written_are_korean(tmp_path: Path) -> None:
    from conftest import MINI

    target = tmp_path / "out.json"
    english = run("--data", str(MINI), "export", "json", "-o", str(target))
    assert english.stderr.startswith("wrote ") and english.stderr.rstrip().endswith(str(target))
    korean = run("--lang", "ko", "--data", str(MINI), "export", "json", "-o", str(target))
    assert korean.code == 0 and HANGUL.search(korean.stderr), korean.stderr
    assert english_left(korean.stderr.replace(str(target), ""), set()) == [], korean.stderr


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [
        ("모델 3개", "을(를)", "모델 3개를"),  # a vowel: 를
        ("간선 1개", "과(와)", "간선 1개와"),
        ("레코드", "은(는)", "레코드는"),
        ("파일", "은(는)", "파일은"),  # a final consonant: 은
        ("목록", "이(가)", "목록이"),
        ("파일", "(으)로", "파일로"),  # after a final ㄹ, 로
        ("목록", "(으)로", "목록으로"),
        ("사과", "(이)라는", "사과라는"),
        ("GPT-4", "을(를)", "GPT-4을(를)"),  # how a Latin name is read decides: both forms stay
        ("'gpt-5'", "(이)라는", "'gpt-5'(이)라는"),
    ],
)
def test_a_korean_particle_agrees_with_the_word_filled_in_before_it(
    word: str, particle: str, expected: str
) -> None:
    from llmkg.i18n import t

    assert t("{word}" + particle, "ko", word=word) == expected


def test_the_note_of_a_korean_export_reads_as_korean_is_written(tmp_path: Path) -> None:
    from conftest import MINI

    said = run("--lang", "ko", "--data", str(MINI), "export", "graphml", "-o", str(tmp_path / "g"))
    assert said.code == 0 and re.search(r"노드 \d+개와 간선 \d+개를 썼습니다", said.stderr), said.stderr
