"""The external tools exports are read back with: Node.js parsers, Graphviz, Chromium + Mermaid, Raptor.

On a developer machine a missing tool skips its test with the reason. In CI (the CI environment
variable is set, as .ci/run does) a missing tool is a failure: the proof must actually run there.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

JS = Path(__file__).parent / "js"
MERMAID_JS = JS / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--allow-file-access-from-files",
    "--virtual-time-budget=30000",
]


def require(available: bool, what: str, install: str) -> None:
    if available:
        return
    message = f"{what} is not installed ({install})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must install it")
    pytest.skip(message)


def program(name: str, install: str) -> str:
    found = shutil.which(name)
    require(found is not None, name, install)
    assert found is not None
    return found


def node_packages() -> str:
    node = program("node", "install Node.js")
    require((JS / "node_modules" / "graphology").is_dir(), "the Node.js readers", "run `npm ci` in tests/js")
    return node


def read_with_node(fmt: str, path: Path) -> dict[str, Any]:
    """{'nodes': {id: attributes}, 'edges': [[source, target, attributes]]} as the JS parser saw them."""
    node = node_packages()
    done = subprocess.run(
        [node, str(JS / "read_graph.mjs"), fmt, str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    require(False, "Chromium", "Debian package chromium")
    raise AssertionError("unreachable")


def render_mermaid(text: str) -> tuple[str, str]:
    """Render a Mermaid diagram with the mermaid package in headless Chromium: (svg, error)."""
    browser = chromium()
    require(MERMAID_JS.is_file(), "the mermaid package", "run `npm ci` in tests/js")
    data = json.dumps(text).replace("<", "\\u003c")
    page = (
        '<!doctype html><html><head><meta charset="utf-8"><title>pending</title>'
        f'<script src="{MERMAID_JS.as_uri()}"></script></head>'
        '<body><div id="out"></div><pre id="error"></pre><script>'
        f"const text = {data};"
        'mermaid.initialize({startOnLoad: false, securityLevel: "strict", maxEdges: 500});'
        'mermaid.parse(text).then(() => mermaid.render("diagram", text)).then((r) => {'
        '  document.getElementById("out").innerHTML = r.svg; document.title = "rendered"; })'
        '.catch((e) => { document.getElementById("error").textContent = String((e && e.message) || e);'
        '  document.title = "failed"; });'
        "</script></body></html>"
    )
    with tempfile.TemporaryDirectory() as work:
        html = Path(work) / "page.html"
        html.write_text(page, encoding="utf-8")
        done = subprocess.run(
            [
                browser,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={Path(work) / 'profile'}",
                "--dump-dom",
                html.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=180,
        )
    dom = done.stdout
    assert "<title>" in dom, f"Chromium printed no page (exit {done.returncode}): {done.stderr[-2000:]}"
    error = dom.split('<pre id="error">', 1)[1].split("</pre>", 1)[0]
    svg = dom.split('<div id="out">', 1)[1].split('<pre id="error">', 1)[0]
    return svg, error


def browse(url: str, virtual_time: bool = True) -> tuple[str, list[str]]:
    """Open `url` in headless Chromium once its scripts ran: (the DOM, the console messages).

    Without `virtual_time` the page runs in real time, so the times it records are real.
    """
    browser = chromium()
    flags = [flag for flag in CHROMIUM_FLAGS if virtual_time or not flag.startswith("--virtual-time")]
    with tempfile.TemporaryDirectory() as work:
        done = subprocess.run(
            [
                browser,
                *flags,
                f"--user-data-dir={Path(work) / 'profile'}",
                "--enable-logging=stderr",
                "--v=0",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=180,
        )
    assert "<html" in done.stdout, f"Chromium printed no page (exit {done.returncode}): {done.stderr[-2000:]}"
    console = [line for line in done.stderr.splitlines() if ":CONSOLE" in line]
    return done.stdout, console
