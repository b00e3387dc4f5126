"""Median wall time of common llmkg commands, next to the cost of importing typer and networkx.

    python scripts/benchmark.py [--runs 10]

Run it in the environment llmkg is installed in. The first run of each command warms the cache
(and the OS file cache) and is not counted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def llmkg_command() -> list[str]:
    script = Path(sys.executable).with_name("llmkg")
    return [str(script)] if script.exists() else [sys.executable, "-m", "llmkg"]


def median_seconds(command: list[str], runs: int, env: dict[str, str]) -> float:
    subprocess.run(command, env=env, capture_output=True, check=True)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, env=env, capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=10, help="timed runs per command (default 10)")
    args = parser.parse_args()
    cache = tempfile.mkdtemp(prefix="llmkg-bench-")
    env = {**os.environ, "LLMKG_CACHE_DIR": cache}
    cold = {**env, "LLMKG_NO_CACHE": "1"}
    llmkg = llmkg_command()
    cases = [
        ("python -c 'import typer, networkx'", [sys.executable, "-c", "import typer, networkx"], env),
        ("llmkg --version", [*llmkg, "--version"], env),
        ("llmkg --help", [*llmkg, "--help"], env),
        ("llmkg lineage gpt-4o", [*llmkg, "lineage", "gpt-4o"], env),
        ("llmkg timeline 2017 2025", [*llmkg, "timeline", "2017", "2025"], env),
        ("llmkg search trasformer", [*llmkg, "search", "trasformer"], env),
        ("llmkg lineage gpt-4o (no cache)", [*llmkg, "lineage", "gpt-4o"], cold),
        ("llmkg validate", [*llmkg, "validate"], env),
    ]
    print(f"median of {args.runs} runs, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    try:
        for label, command, environment in cases:
            print(f"{median_seconds(command, args.runs, environment) * 1000:8.0f} ms  {label}")
    finally:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
