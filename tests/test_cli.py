"""The command line on the fixture dataset: every command in table and JSON form, exit codes, help."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer

from conftest import MINI, run
from llmkg.cli import app

ROOT = Path(__file__).parents[1]

BOX = set("─│┌┐└┘├┤┬┴┼━┃╭╮╯╰")


def mini(*args: str, **kwargs: object) -> object:
    return run("--data", str(MINI), *args, **kwargs)  # type: ignore[arg-type]


def test_every_command_and_option_has_help_text() -> None:
    group = typer.main.get_command(app)
    ctx = typer.Context(group)
    assert group.help
    missing = []
    for param in group.params:
        if not getattr(param, "help", None):
            missing.append(f"llmkg {param.name}")
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if not command.help:
            missing.append(name)
        for param in command.get_params(ctx):
            if not getattr(param, "help", None):
                missing.append(f"{name} {param.name}")
    assert missing == []


def test_version_and_help() -> None:
    import llmkg

    assert run("--version").stdout.strip() == f"llmkg {llmkg.__version__}"
    result = run("--help")
    assert result.code == 0
    for command in (
        "timeline",
        "lineage",
        "neighbours",
        "show",
        "search",
        "path",
        "export",
        "validate",
        "stats",
    ):
        assert command in result.stdout


def test_timeline_table_groups_by_year_and_says_how_many_more_all_shows() -> None:
    result = mini("timeline", "2017", "2025")
    assert result.code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Date", "Name", "Kind", "Organizations", "Parameters", "Notability"]
    assert "[2018]" in lines and "[2024]" in lines
    assert lines.index("[2018]") < lines.index("[2024]")
    assert "tiny" not in result.stdout.lower()
    assert "more with --all" in result.stderr


def test_timeline_json_is_the_documented_shape_oldest_first() -> None:
    data = json.loads(mini("timeline", "2017", "2025", "--format", "json").stdout)
    assert [set(item) for item in data] == [
        {"id", "kind", "name", "date", "organizations", "parameters", "notability"}
    ] * len(data)
    assert [item["date"] for item in data] == sorted(item["date"] for item in data)
    gpt3 = next(item for item in data if item["id"] == "gpt-3")
    assert gpt3["parameters"] == 175_000_000_000 and gpt3["organizations"] == ["openai"]


def test_timeline_csv_and_markdown() -> None:
    rows = list(csv.reader(io.StringIO(mini("timeline", "--all", "-f", "csv").stdout)))
    assert rows[0][0] == "Date" and len(rows) == 1 + 13
    md = mini("timeline", "-f", "md").stdout
    assert "### 2018" in md and "| GPT-2 |" in md


def test_lineage_tree_and_json() -> None:
    table = mini("lineage", "GPT4o")
    assert table.code == 0
    lines = table.stdout.splitlines()
    assert lines[0].startswith("GPT-4o (2024-05-13")
    assert lines[1].strip().startswith("successor_of (inferred): GPT-3")  # weaker than stated: marked
    assert lines[2].strip().startswith("successor_of: GPT-2")  # stated: unmarked
    assert lines[-1].strip().startswith("evolved_from (inferred): Recurrent neural network")
    data = json.loads(mini("lineage", "gpt-4o", "--format", "json").stdout)
    assert set(data) == {"root", "ancestors", "descendants"}
    assert data["root"]["id"] == "gpt-4o"
    assert set(data["ancestors"][0]) >= {"id", "name", "kind", "date", "depth", "relation", "evidence"}
    evidence = {a["id"]: a["evidence"] for a in data["ancestors"]}
    assert evidence["gpt-3"] == "inferred" and evidence["gpt-2"] == "stated"
    # the architecture field's based_on edge is stated by the record's own sources
    assert evidence["decoder-only-transformer"] == "stated"
    assert data["ancestors"][0]["id"] == "rnn"  # oldest first
    down = json.loads(mini("lineage", "gpt-3", "--descendants", "-f", "json").stdout)
    assert {d["id"] for d in down["descendants"]} == {"chatgpt", "gpt-4o"}


def test_lineage_descendant_tree_reads_from_the_older_side() -> None:
    out = mini("lineage", "transformer", "--descendants", "--depth", "1").stdout
    assert "evolved into: Decoder-only Transformer" in out  # stated
    assert "evolved into (inferred): Encoder-only Transformer" in out
    assert "GPT" not in out.replace("Transformer", "")


def test_neighbours_table_and_json_and_alias() -> None:
    result = mini("neighbours", "transformer", "--relation", "evolved_from", "--depth", "2")
    assert result.code == 0 and "Recurrent neural network" in result.stdout
    data = json.loads(mini("neighbors", "transformer", "-f", "json").stdout)
    assert set(data) == {"center", "nodes", "edges"}
    assert data["center"]["id"] == "transformer"
    assert {n["distance"] for n in data["nodes"]} == {1}
    assert {"source": "transformer", "target": "lstm", "relation": "evolved_from"} in data["edges"]


def test_show_card_and_json() -> None:
    card = mini("show", "gpt 3")
    assert card.code == 0
    assert "175B (disclosed)" in card.stdout and "arXiv:2005.14165" in card.stdout
    data = json.loads(mini("show", "gpt-3", "-f", "json").stdout)
    documented = [
        "id",
        "kind",
        "name",
        "aliases",
        "names",
        "summary",
        "date",
        "organizations",
        "parameters",
        "parameters_status",
        "architecture",
        "openness",
        "notability",
        "sources",
        "xrefs",
        "relations",
    ]
    assert set(documented) <= set(data)  # keys may be added, never removed
    assert data["parameters"] == 175_000_000_000
    relations = [(r["relation"], r["target"], r["direction"]) for r in data["relations"]]
    assert ("successor_of", "gpt-2", "out") in relations
    assert ("successor_of", "gpt-3", "in") not in relations
    assert ("successor_of", "gpt-4o", "in") in relations
    assert all(r["evidence"] in ("stated", "reported", "inferred") for r in data["relations"]
               if r["relation"] in ("successor_of", "fine_tuned_from"))  # fmt: skip


def test_show_says_what_a_licence_of_none_means() -> None:
    # SPDX's NONE (weights published with no licence) must not read as "unknown" on the card.
    data = json.loads(run("show", "volcano", "-f", "json").stdout)
    assert data["license"]["id"] == "NONE" and data["license"]["source"].startswith("https://")
    assert "NONE (published with no licence)" in run("show", "volcano").stdout
    assert "NONE (라이선스 없이 공개됨)" in run("--lang", "ko", "show", "volcano").stdout
    assert "NONE" not in run("show", "glove").stdout.split("License")[1].split("\n")[0]


def test_search_table_and_json() -> None:
    data = json.loads(mini("search", "trasformer", "-f", "json").stdout)
    assert data[0]["id"] == "transformer"
    assert set(data[0]) == {"id", "name", "kind", "aliases", "score", "match"}
    assert data[0]["match"] == "name"
    assert mini("search", "trasformer", "--limit", "1").stdout.count("\n") == 2  # header + one row


def test_path_table_and_json() -> None:
    data = json.loads(mini("path", "ChatGPT", "GPT-2", "-f", "json").stdout)
    assert [(s["id"], s["relation"]) for s in data] == [
        ("chatgpt", None),
        ("gpt-3", "fine_tuned_from"),
        ("gpt-2", "successor_of"),
    ]
    assert set(data[0]) == {"id", "name", "kind", "relation", "direction"}
    assert "fine_tuned_from" in mini("path", "chatgpt", "gpt-2").stdout


def test_stats_table_and_json() -> None:
    data = json.loads(mini("stats", "-f", "json").stdout)
    assert data["by_kind"]["model"] == 6 and data["by_year"]["2018"] == 4
    assert data["coverage"]["models"] == 6
    assert "Records by kind" in mini("stats").stdout


def test_korean_output() -> None:
    result = mini("--lang", "ko", "timeline")
    assert "챗GPT" in result.stdout and "이정표" in result.stdout and "날짜" in result.stdout
    assert "--all" in result.stderr
    env = mini("show", "transformer", env={"LLMKG_LANG": "ko"})
    assert "트랜스포머" in env.stdout and "어텐션만으로" in env.stdout


@pytest.mark.parametrize(
    "command", [["timeline", "--all"], ["lineage", "gpt-4o"], ["show", "gpt-4o"], ["stats"]]
)
def test_output_to_a_pipe_has_no_colour_box_drawing_or_80_column_wrapping(command: list[str]) -> None:
    out = mini(*command).stdout
    assert "\x1b[" not in out
    assert not BOX & set(out)
    wide = mini("show", "gpt-4o", env={"COLUMNS": "40"}).stdout
    assert "OpenAI's omni model for text, audio and images." in wide  # one unbroken line


def test_exit_codes() -> None:
    unknown = mini("show", "gpt-5o")
    assert unknown.code == 3
    assert "no record named 'gpt-5o'" in unknown.stderr and "gpt-4o" in unknown.stderr
    assert mini("lineage", "nothing-like-it").code == 3
    assert mini("timeline", "--format", "yaml").code == 2
    assert mini("timeline", "2025", "2017").code == 2
    assert mini("lineage", "gpt-4o", "--depth", "0").code == 2
    assert mini("frobnicate").code == 2
    assert run("--data", "/nonexistent/llmkg", "stats").code == 2
    for result in (unknown, mini("frobnicate")):
        assert "Traceback" not in result.stderr


def test_empty_results_exit_0() -> None:
    result = mini("timeline", "1900", "1901")
    assert result.code == 0
    assert json.loads(mini("timeline", "1900", "1901", "-f", "json").stdout) == []


def test_llmkg_data_environment_variable_selects_the_data() -> None:
    result = run("show", "tiny bert variant", env={"LLMKG_DATA": str(MINI)})
    assert result.code == 0 and "Tiny BERT variant" in result.stdout


def test_the_fast_help_text_is_current() -> None:
    import importlib.util

    from llmkg.help_text import TOP_LEVEL

    spec = importlib.util.spec_from_file_location("update_help", ROOT / "scripts" / "update_help.py")
    assert spec and spec.loader
    updater = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(updater)
    assert updater.current_help() == TOP_LEVEL, "run python scripts/update_help.py"


@pytest.mark.parametrize("flag", ["--version", "--help", "-h"])
def test_version_and_help_answer_without_the_framework(flag: str) -> None:
    import subprocess
    import sys

    probe = (
        "import sys\nsys.argv = ['llmkg', " + repr(flag) + "]\nfrom llmkg.entry import main\n"
        "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
        "sys.stderr.write(f'CODE={code} TYPER={\"typer\" in sys.modules}')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stderr.endswith("CODE=0 TYPER=False"), done.stderr
    assert done.stdout.startswith("llmkg " if flag == "--version" else "Usage: llmkg")


COMMANDS = ("timeline", "lineage", "neighbours", "show", "search", "path", "stats", "validate", "export",
            "view", "chart")  # fmt: skip


def test_top_level_help_names_every_command_uncut_and_llmkg_lang_once() -> None:
    out = run("--help", env={"COLUMNS": "80"}).stdout
    listing = out[out.index("Commands:") :]
    for command in COMMANDS:
        line = next(line for line in listing.splitlines() if line.split()[:1] == [command])
        assert not line.endswith("..."), line
        assert line.rstrip().endswith("."), line  # the whole description on one line
    assert out.count("LLMKG_LANG") == 1
    assert "Examples:" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_command_help_shows_examples_and_plain_placeholders(command: str) -> None:
    out = run(command, "--help", env={"COLUMNS": "80"}).stdout
    assert "<" not in out and "{" not in out, out  # no <str>, <int range>, {name}
    examples = out[out.index("Examples:") :].splitlines()[1:]
    assert examples and all(line.strip().startswith(f"llmkg {command}") for line in examples if line.strip())


def test_lineage_csv_and_markdown_carry_the_root_like_the_tree_and_json() -> None:
    data = json.loads(mini("lineage", "gpt-4o", "-f", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(mini("lineage", "gpt-4o", "-f", "csv").stdout)))
    assert [(r["Id"], r["Depth"]) for r in rows if r["Depth"] == "0"] == [(data["root"]["id"], "0")]
    assert {r["Id"] for r in rows} == {data["root"]["id"]} | {a["id"] for a in data["ancestors"]}
    md = mini("lineage", "gpt-4o", "-f", "md").stdout
    assert "| 0 |  | GPT-4o | 2024-05-13 | model | gpt-4o |" in md
    down = list(csv.DictReader(io.StringIO(mini("lineage", "gpt-3", "-d", "-f", "csv").stdout)))
    assert down[0]["Id"] == "gpt-3" and len(down) == 3


def test_csv_of_several_tables_keeps_every_row_and_column() -> None:
    data = json.loads(mini("neighbours", "gpt-3", "-f", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(mini("neighbours", "gpt-3", "-f", "csv").stdout)))
    assert {r["Id"] for r in rows if r["table"] == "nodes"} == {n["id"] for n in data["nodes"]}
    label = {n["id"]: n["name"] for n in data["nodes"]} | {data["center"]["id"]: data["center"]["name"]}
    edges = {(r["Source"], r["Relation"], r["Target"]) for r in rows if r["table"] == "edges"}
    assert edges == {(label[e["source"]], e["relation"], label[e["target"]]) for e in data["edges"]}
    stats = json.loads(mini("stats", "-f", "json").stdout)
    table = list(csv.DictReader(io.StringIO(mini("stats", "-f", "csv").stdout)))
    assert {(r["Kind"], int(r["Count"])) for r in table if r["table"] == "by_kind"} == set(
        stats["by_kind"].items()
    )
    assert {(r["Relation"], int(r["Count"])) for r in table if r["table"] == "by_relation"} == set(
        stats["by_relation"].items()
    )


def _show(name: str) -> tuple[dict[str, object], str]:
    result = run("show", name, "-f", "json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout), result.stderr


def test_a_family_name_says_which_record_it_showed_and_lists_the_others() -> None:
    for name, family in (("gemini", "Gemini 1.5"), ("llama", "Llama 2"), ("gpt", "GPT-4")):
        record, note = _show(name)
        assert str(record["name"]) in note and family in note, note
    assert _show("gpt-4o")[1] == ""  # a full name is no family: nothing to say


def test_company_names_give_the_company_and_family_names_the_flagship() -> None:
    import re

    import llmkg

    mistral, note = _show("mistral")
    deepseek, _ = _show("deepseek")
    assert (mistral["kind"], deepseek["kind"]) == ("organization", "organization")
    assert mistral["id"] == "mistral-ai" and "Mistral 7B" in note
    grok, note = _show("grok")
    assert grok["kind"] == "model" and grok["notability"] in ("landmark", "major")
    kg = llmkg.load()
    family = [r for r in kg.records("model") if re.match(r"grok\b", r.name, re.IGNORECASE)]
    newest = max((r for r in family if r.notability in ("landmark", "major")), key=lambda r: r.date)
    assert grok["id"] == newest.id
    assert all(r.name in note for r in family if r.id != grok["id"])
    assert run("lineage", "grok").code == 0 and run("lineage", "mistral").code == 0


def test_search_without_a_match_says_so_on_stderr() -> None:
    result = run("search", "zzqxv")
    assert result.code == 0 and "no record matches 'zzqxv'" in result.stderr
    assert json.loads(run("search", "zzqxv", "-f", "json").stdout) == []


def test_a_hub_shows_its_most_notable_neighbours_of_each_kind_and_says_how_to_see_all() -> None:
    from collections import Counter

    from llmkg.questions.neighbours import HUB_LIMIT

    everything = json.loads(run("neighbours", "transformer", "-f", "json").stdout)
    table = run("neighbours", "transformer", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    nodes = [r for r in rows if r["table"] == "nodes"]
    kinds = Counter(r["Kind"] for r in nodes)
    assert max(kinds.values()) == HUB_LIMIT and len(nodes) < len(everything["nodes"])
    assert nodes[0]["Kind"] == "concept"  # concepts first
    hidden = len(everything["nodes"]) - len(nodes)
    assert f"{hidden} more records" in table.stderr and "--all" in table.stderr
    shown = {r["Id"] for r in nodes} | {"transformer"}
    ids = {n["name"]: n["id"] for n in everything["nodes"]} | {"Transformer": "transformer"}
    assert all({ids[r["Source"]], ids[r["Target"]]} <= shown for r in rows if r["table"] == "edges")
    complete = run("neighbours", "transformer", "--all", "-f", "csv")
    assert complete.stderr.count("more records") == 0
    assert sum(r["table"] == "nodes" for r in csv.DictReader(io.StringIO(complete.stdout))) == len(
        everything["nodes"]
    )
    limited = json.loads(run("neighbours", "transformer", "--limit", "2", "-f", "json").stdout)
    assert max(Counter(n["kind"] for n in limited["nodes"]).values()) == 2
    # the notable ones stay: every landmark model next to the Transformer outranks a minor one
    models = [r["Id"] for r in nodes if r["Kind"] == "model"]
    import llmkg

    kg = llmkg.load()
    rank = {"landmark": 0, "major": 1, "minor": 2}
    assert [rank[kg[m].notability] for m in models] == sorted(rank[kg[m].notability] for m in models)


ENGLISH = ["successor_of", "fine_tuned_from", "evolved_from", "based_on", "developed_by", "uses",
           "succeeded by", "fine-tuned into", "evolved into", "(inferred)", "(reported)", "Distance",
           "Relation", "Depth", "Records by kind", "with_sources", "models", "Error", "error"]  # fmt: skip


def _hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


@pytest.mark.parametrize(
    "command",
    [["show", "gpt-4o"], ["show", "gpt-3"], ["lineage", "gpt-4o"], ["lineage", "transformer", "-d"],
     ["lineage", "gpt-4o", "-f", "csv"], ["neighbours", "gpt-3"], ["neighbours", "gpt-3", "-f", "md"],
     ["path", "chatgpt", "gpt-2"], ["stats"]],
)  # fmt: skip
def test_korean_mode_leaves_no_english_word_of_llmkg_own(command: list[str]) -> None:
    result = mini("--lang", "ko", *command)
    assert result.code == 0
    words = set(result.stdout.replace(",", " ").replace("|", " ").split())
    phrases = [w for w in ENGLISH if (w in words if " " not in w else w in result.stdout)]
    assert phrases == [], result.stdout
    if command[0] == "show":  # every field name of the card is Korean
        fields = [line.split("  ")[0] for line in result.stdout.splitlines()[1:] if line.strip()]
        assert all(_hangul(field) or field == "ID" for field in fields if field), fields


def test_korean_messages_for_unknown_names_and_bad_options_and_json_stays_english() -> None:
    unknown = mini("--lang", "ko", "show", "gpt-5o")
    assert unknown.code == 3 and "레코드가 없습니다" in unknown.stderr and "gpt-4o" in unknown.stderr
    assert "no record" not in unknown.stderr
    bad = [["timeline", "--format", "yaml"], ["lineage", "gpt-4o", "--depth", "0"], ["show"],
           ["neighbours", "gpt-3", "--dept", "2"], ["neighbours", "gpt-3", "-r", "nope"],
           ["timeline", "-k", "gadget"]]  # fmt: skip
    for args, code in ((args, 2) for args in bad):
        result = mini("--lang", "ko", *args)
        assert result.code == code and "오류" in result.stderr, result.stderr
        assert "Error" not in result.stderr and "error:" not in result.stderr and "Usage" not in result.stderr
        assert mini(*args).code == code and "rror" in mini(*args).stderr  # English stays English
    for command in (["show", "gpt-4o"], ["lineage", "gpt-4o"], ["neighbours", "gpt-3"], ["stats"]):
        assert mini("--lang", "ko", *command, "-f", "json").stdout == mini(*command, "-f", "json").stdout


def test_every_relation_kind_evidence_and_card_field_has_a_korean_word() -> None:
    from llmkg.derived import heading as _heading
    from llmkg.i18n import t
    from llmkg.questions.stats import stats
    from llmkg.schema import FIELD_ORDER
    from llmkg.vocabulary import INVERSE_LINEAGE, KINDS, RELATIONS

    words = [*RELATIONS, *INVERSE_LINEAGE.values(), *KINDS, "stated", "reported", "inferred"]
    words += [_heading(field) for field in FIELD_ORDER if field not in ("name", "names", "parameters_status")]
    import llmkg

    words += list(stats(llmkg.load(str(MINI), cache=False)).coverage)
    assert [word for word in words if t(word, "ko") == word and word != "Id"] == []
