"""`llmkg mcp`: the server started as a subprocess and driven with the MCP SDK's own stdio client.

The tools must give what the commands give with `--format json`, so each answer is compared with
the command line's. Without the `mcp` package (the `mcp` extra, also in `test`) these tests skip;
in CI (the CI environment variable set) they fail instead, as the readers' tests do.

Until cli/commands.py has the `mcp` command, the server runs as `python -m llmkg.mcp`, which
takes the same global options; once it has it, as `python -m llmkg [OPTIONS] mcp`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

import pytest

from conftest import MINI
from readers import require

EXPECTED_TOOLS = {"search", "show", "lineage", "timeline", "neighbours", "path", "stats", "licence"}
# The calls made in one session, in order: an unknown name, then a good one (still answered).
CALLS: dict[str, tuple[str, dict[str, Any]]] = {
    "show": ("show", {"name": "gpt-4o"}),
    "lineage": ("lineage", {"name": "gpt-4o"}),
    "path": ("path", {"source": "bert", "target": "gpt-4o"}),
    "search": ("search", {"query": "trasformer", "limit": 5}),
    "timeline": ("timeline", {"start": 2017, "end": "2019", "kind": ["model"], "org": "google"}),
    "neighbours": ("neighbours", {"name": "transformer", "depth": 2, "limit": 3}),
    "stats": ("stats", {}),
    "licence": ("licence", {"name": "alpaca"}),
    "unknown name": ("show", {"name": "gpt-4oo"}),
    "after the error": ("show", {"name": "bert"}),
    "bad year": ("timeline", {"start": "20x7"}),
    "bad depth": ("lineage", {"name": "gpt-4o", "depth": 0}),
    "family": ("show", {"name": "gemini"}),
}
# The same questions asked of the command line.
COMMANDS: dict[str, list[str]] = {
    "show": ["show", "gpt-4o"],
    "path": ["path", "bert", "gpt-4o"],
    "search": ["search", "trasformer", "--limit", "5"],
    "timeline": ["timeline", "2017", "2019", "--kind", "model", "--org", "google"],
    "neighbours": ["neighbours", "transformer", "--depth", "2", "--limit", "3"],
    "stats": ["stats"],
    "licence": ["licence", "alpaca"],
    "family": ["show", "gemini"],
}


def _require_sdk() -> None:
    require(importlib.util.find_spec("mcp") is not None, "the mcp package", "pip install 'llmkg[mcp]'")


def _has_command() -> bool:
    import typer.main

    from llmkg.cli import app

    group = typer.main.get_command(app)
    return "mcp" in getattr(group, "commands", {})


def server_command(*options: str) -> list[str]:
    """`python -m llmkg OPTIONS mcp`, or the module's own entry until the command exists."""
    if _has_command():
        return [sys.executable, "-m", "llmkg", *options, "mcp"]
    return [sys.executable, "-m", "llmkg.mcp", *options]


def cli(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    options = ["--data", str(data)] if data else []
    command = [sys.executable, "-m", "llmkg", *options, *args]
    return subprocess.run(command, capture_output=True, text=True, env=dict(os.environ))


def cli_json(*args: str, data: Path | None = None) -> Any:
    done = cli(*args, "--format", "json", data=data)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def cli_error(*args: str) -> str:
    """The message of a command that fails, as it prints it after `llmkg: error: `."""
    done = cli(*args)
    assert done.returncode != 0 and done.stderr.startswith("llmkg: error: "), done.stderr
    return done.stderr.removeprefix("llmkg: error: ").strip()


def answer_json(result: Any) -> Any:
    """A tool's answer: its structured content (a list comes wrapped as {"result": [...]}), which
    the first text block must repeat exactly."""
    assert not result.is_error, result.content
    structured = result.structured_content
    data = structured["result"] if set(structured) == {"result"} else structured
    assert json.loads(result.content[0].text) == data
    return data


def notes(result: Any) -> list[str]:
    """What the command line would have said on stderr: the text blocks after the JSON."""
    return [block.text for block in result.content[1:]]


async def _session(command: list[str], env: dict[str, str], errlog: IO[str]) -> dict[str, Any]:
    from mcp import ClientSession, StdioServerParameters
    from mcp.client.stdio import stdio_client
    from mcp.shared.exceptions import MCPError

    server = StdioServerParameters(command=command[0], args=command[1:], env=env)
    found: dict[str, Any] = {}
    async with stdio_client(server, errlog=errlog) as (read, write), ClientSession(read, write) as session:
        found["initialize"] = await session.initialize()
        found["tools"] = (await session.list_tools()).tools
        for key, (name, arguments) in CALLS.items():
            found[key] = await session.call_tool(name, arguments)
        found["templates"] = (await session.list_resource_templates()).resource_templates
        found["resource"] = await session.read_resource("llmkg://record/gpt-4o")
        try:
            await session.read_resource("llmkg://record/gpt-4oo")
        except MCPError as error:
            found["resource error"] = error
    return found


@pytest.fixture(scope="module")
def exchange(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One session with the server on the packaged data: every call in CALLS, and a resource."""
    _require_sdk()
    import anyio

    env = {"LLMKG_CACHE_DIR": str(tmp_path_factory.getbasetemp() / "cache")}
    log = tmp_path_factory.mktemp("mcp") / "stderr.txt"
    with log.open("w", encoding="utf-8") as errlog:
        found = anyio.run(_session, server_command(), env, errlog)
    found["stderr"] = log.read_text(encoding="utf-8")
    return found


def test_the_server_offers_a_described_read_only_tool_per_question(exchange: dict[str, Any]) -> None:
    assert exchange["initialize"].server_info.name == "llmkg"
    assert "sources" in exchange["initialize"].instructions
    tools = {tool.name: tool for tool in exchange["tools"]}
    assert set(tools) >= EXPECTED_TOOLS
    for tool in tools.values():
        assert tool.description and tool.annotations.read_only_hint, tool.name
        for name, schema in tool.input_schema["properties"].items():
            assert schema.get("description"), (tool.name, name)
    assert tools["show"].input_schema["required"] == ["name"]
    assert set(tools["timeline"].input_schema["properties"]) == {"start", "end", "kind", "org", "all"}
    assert tools["lineage"].input_schema["properties"]["depth"]["anyOf"][0]["minimum"] == 1


def test_show_gives_the_record_with_its_sources(exchange: dict[str, Any]) -> None:
    record = answer_json(exchange["show"])
    assert record["id"] == "gpt-4o" and record["date"] == "2024-05-13"
    assert record["sources"] and any(relation.get("evidence") for relation in record["relations"])
    assert record == cli_json(*COMMANDS["show"])
    assert notes(exchange["show"]) == []


def test_lineage_reaches_the_transformer(exchange: dict[str, Any]) -> None:
    lineage = answer_json(exchange["lineage"])
    assert lineage["root"]["id"] == "gpt-4o"
    assert "transformer" in {ancestor["id"] for ancestor in lineage["ancestors"]}
    assert all(ancestor["evidence"] for ancestor in lineage["ancestors"])


def test_path_runs_from_the_first_record_to_the_second(exchange: dict[str, Any]) -> None:
    steps = answer_json(exchange["path"])
    assert steps[0]["id"] == "bert" and steps[-1]["id"] == "gpt-4o"
    assert steps == cli_json(*COMMANDS["path"])
    # "bert" could mean others too: the note the command line prints on stderr comes along.
    assert cli(*COMMANDS["path"]).stderr.strip() in notes(exchange["path"])


@pytest.mark.parametrize("question", ["search", "timeline", "neighbours", "stats", "licence"])
def test_a_tool_gives_the_json_of_its_command(exchange: dict[str, Any], question: str) -> None:
    assert answer_json(exchange[question]) == cli_json(*COMMANDS[question])


def test_a_family_name_is_chosen_as_the_command_line_chooses_it_with_its_note(
    exchange: dict[str, Any],
) -> None:
    result = exchange["family"]
    assert answer_json(result) == cli_json(*COMMANDS["family"])  # the JSON keeps its shape
    note = cli(*COMMANDS["family"]).stderr.strip()
    assert note.startswith("gemini: ") and notes(result) == [note]


def test_an_unknown_name_is_an_error_with_suggestions_and_the_server_goes_on(
    exchange: dict[str, Any],
) -> None:
    error = exchange["unknown name"]
    assert error.is_error
    text = error.content[0].text
    assert text == cli_error("show", "gpt-4oo")
    assert text.startswith("no record named 'gpt-4oo'; did you mean: gpt-4o, ")
    assert answer_json(exchange["after the error"])["id"] == "bert"


def test_bad_arguments_are_error_results(exchange: dict[str, Any]) -> None:
    bad_year = exchange["bad year"]
    assert bad_year.is_error and bad_year.content[0].text == cli_error("timeline", "20x7")
    bad_depth = exchange["bad depth"]
    assert bad_depth.is_error and "depth" in bad_depth.content[0].text


def test_each_record_is_a_resource(exchange: dict[str, Any]) -> None:
    assert [template.uri_template for template in exchange["templates"]] == ["llmkg://record/{id}"]
    [contents] = exchange["resource"].contents
    assert contents.mime_type == "application/json"
    assert json.loads(contents.text) == cli_json(*COMMANDS["show"])
    assert "no record named 'gpt-4oo'; did you mean: gpt-4o" in str(exchange["resource error"])


def test_the_server_logs_on_stderr(exchange: dict[str, Any]) -> None:
    assert exchange["stderr"].startswith("llmkg: serving ")
    assert "Traceback" not in exchange["stderr"]


# --- the raw protocol: stdout, the data options, the language, the end ------------------------


class Server:
    """The server as a subprocess spoken to in JSON-RPC lines, read with a timeout."""

    def __init__(self, command: list[str], env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, **(env or {})},
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)

    def send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"jsonrpc": "2.0", **message}) + "\n")
        self.process.stdin.flush()

    def receive(self) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(self.lines.get(timeout=60))  # every line is JSON-RPC
        assert message["jsonrpc"] == "2.0"
        return message

    def call(self, number: int, tool: str, **arguments: Any) -> dict[str, Any]:
        self.send({"id": number, "method": "tools/call", "params": {"name": tool, "arguments": arguments}})
        response = self.receive()
        assert response["id"] == number
        result: dict[str, Any] = response["result"]
        return result

    def start(self) -> None:
        client = {"name": "test", "version": "0"}
        params = {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": client}
        self.send({"id": 0, "method": "initialize", "params": params})
        assert self.receive()["result"]["serverInfo"]["name"] == "llmkg"
        self.send({"method": "notifications/initialized"})

    def close(self) -> tuple[int, str]:
        assert self.process.stdin is not None and self.process.stderr is not None
        self.process.stdin.close()
        code = self.process.wait(timeout=60)
        self.reader.join(timeout=10)
        return code, self.process.stderr.read()


@pytest.mark.parametrize("given", ["option", "environment"])
def test_stdout_carries_only_protocol_and_the_data_is_chosen_as_for_every_command(given: str) -> None:
    _require_sdk()
    if given == "option":
        server = Server(server_command("--data", str(MINI)))
    else:
        server = Server(server_command(), env={"LLMKG_DATA": str(MINI)})
    server.start()
    stats = server.call(1, "stats")
    assert stats["structuredContent"] == cli_json("stats", data=MINI)
    assert server.call(2, "show", name="no such thing")["isError"]
    assert server.call(3, "show", name="bert")["structuredContent"]["id"] == "bert"
    code, stderr = server.close()  # the client closes stdin: the server ends, quietly
    assert code == 0, stderr
    assert server.lines.empty() and "Traceback" not in stderr


def test_messages_are_in_the_language_of_lang() -> None:
    _require_sdk()
    server = Server(server_command("--data", str(MINI), "--lang", "ko"))
    server.start()
    error = server.call(1, "show", name="no such thing")
    assert error["isError"] and "레코드가 없습니다" in error["content"][0]["text"]
    english = server.call(2, "stats")["structuredContent"]
    assert english == cli_json("stats", data=MINI)  # JSON is the same in every language
    code, stderr = server.close()
    assert code == 0 and "레코드" in stderr, stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(
    ("signum", "code", "word"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")]
)
def test_a_signal_stops_the_server_at_once(signum: int, code: int, word: str) -> None:
    _require_sdk()
    server = Server(server_command("--data", str(MINI)))
    server.start()  # serving: the SDK's thread is reading stdin
    server.process.send_signal(signum)
    assert server.process.wait(timeout=10) == code
    assert server.process.stderr is not None
    assert server.process.stderr.read().splitlines()[-1] == f"llmkg: {word}"


_WITHOUT_SDK = """
import runpy, sys
sys.modules["mcp"] = None  # as if the package were not installed
sys.argv = sys.argv[1:]
runpy.run_module(sys.argv[0], run_name="__main__")
"""


def test_without_the_sdk_the_server_says_how_to_install_it() -> None:
    module_and_options = server_command("--data", str(MINI))[2:]  # after `python -m`
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_SDK, *module_and_options], capture_output=True, text=True
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and "pip install 'llmkg[mcp]'" in done.stderr, done.stderr
