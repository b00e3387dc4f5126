"""CPU time and peak memory of llmkg's commands, side by side with what they are measured against.

    python scripts/benchmark.py                       # the packaged data
    python scripts/benchmark.py --synthetic 1000 --synthetic 10000 --synthetic 100000
    python scripts/benchmark.py --view                # also the explorer's draw time in Chromium

Run it in the environment llmkg is installed in. Every command runs in its own process; its CPU
time (user + system) and peak resident memory come from the kernel (`wait4`), so the numbers do not
depend on how busy the machine is as much as wall time does. Each figure is the median of --runs
runs after one run that warms the index and the OS file cache. The baselines are measured in the
same run: `python -c pass`, `python -c "import typer, networkx"`, and a do-it-yourself script that
reads the exported GraphML with networkx and walks the lineage. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent

DIY = """
import sys
import networkx as nx
graph = nx.read_graphml(sys.argv[1])
lineage = {"successor_of", "fine_tuned_from", "distilled_from", "derived_from", "based_on", "evolved_from"}
seen, todo = {sys.argv[2]}, [sys.argv[2]]
while todo:
    for _s, parent, data in graph.out_edges(todo.pop(), data=True):
        if data.get("relation") in lineage and parent not in seen:
            seen.add(parent)
            todo.append(parent)
print(len(seen))
"""

PARSE = """
import sys, yaml
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""


@dataclass
class Measure:
    cpu: float  # seconds, user + system
    peak_mb: float
    code: int = 0  # the exit code: 2 when a command refuses its input


def llmkg_command() -> list[str]:
    script = Path(sys.executable).with_name("llmkg")
    return [str(script)] if script.exists() else [sys.executable, "-m", "llmkg"]


def once(command: list[str], env: dict[str, str], allowed: tuple[int, ...] = (0, 3)) -> Measure:
    with open(os.devnull, "wb") as sink:
        process = subprocess.Popen(command, env=env, stdout=sink, stderr=sink)
        _pid, status, usage = os.wait4(process.pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code not in allowed:
        raise SystemExit(f"failed ({code}): {' '.join(command)}")
    return Measure(usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code)


def measure(command: list[str], env: dict[str, str], runs: int, warm: bool = True) -> Measure:
    if warm:
        once(command, env)
    results = [once(command, env) for _ in range(runs)]
    return Measure(
        statistics.median(r.cpu for r in results), max(r.peak_mb for r in results), results[-1].code
    )


@dataclass
class Row:
    data: str
    label: str
    result: Measure
    versus: str = ""
    ratio: float | None = None
    target: str = ""
    ok: bool | None = None


def data_files(data: list[str]) -> list[str]:
    if not data:
        from llmkg.paths import packaged_data_dir

        data = [str(packaged_data_dir())]
    found = []
    for item in data:
        path = Path(item)
        found += sorted(str(p) for p in path.glob("*.yaml")) if path.is_dir() else [str(path)]
    return found


def bench_dataset(name: str, data: list[str], probe: dict[str, str], runs: int, cache: str) -> list[Row]:
    llmkg = llmkg_command()
    env = {**os.environ, "LLMKG_CACHE_DIR": cache}
    cold_env = {**env, "LLMKG_NO_CACHE": "1"}
    data_args = [arg for path in data for arg in ("--data", path)]
    files = sorted(
        str(p) for path in data for p in (Path(path).glob("*.yaml") if Path(path).is_dir() else [Path(path)])
    )
    packaged = name == "packaged"
    rows: list[Row] = []
    py_pass = measure([sys.executable, "-c", "pass"], env, runs)
    base = measure([sys.executable, "-c", "import typer, networkx"], env, runs)
    rows.append(Row(name, "python -c pass", py_pass))
    rows.append(Row(name, 'python -c "import typer, networkx"', base))

    work = tempfile.mkdtemp(prefix="llmkg-bench-")
    graphml = str(Path(work) / "graph.graphml")
    subprocess.run([*llmkg, *data_args, "export", "graphml", "-o", graphml], env=env, check=True,
                   capture_output=True)  # fmt: skip
    diy = measure([sys.executable, "-c", DIY, graphml, probe["lineage"]], env, runs)
    rows.append(Row(name, "do-it-yourself: read GraphML with networkx, walk the lineage", diy))

    def add(
        args: list[str], limit: float | None, against: Measure, against_name: str, memory: float | None = None
    ) -> None:
        result = measure([*llmkg, *data_args, *args], env, runs)
        ratio = result.cpu / against.cpu
        ok = None
        target = ""
        if limit is not None:
            ok = ratio <= limit
            target = f"≤ {limit:g}× {against_name}"
        if memory is not None:
            ok = (ok is not False) and result.peak_mb <= memory
            target += f"{', ' if target else ''}≤ {memory:g} MB"
        beats_diy = result.cpu < diy.cpu
        target += f"{'; ' if target else ''}{'faster' if beats_diy else 'SLOWER'} than do-it-yourself"
        ok = (ok is not False) and beats_diy
        rows.append(Row(name, f"llmkg {' '.join(args)}", result, against_name, ratio, target, ok))

    if packaged:
        add(["--version"], 3.0, py_pass, "python -c pass")
        add(["--help"], 3.0, py_pass, "python -c pass")
    quick = 0.6 if packaged else 1.0
    memory = None if packaged else 150.0
    add(["show", probe["show"]], quick, base, "import typer, networkx", memory)
    add(["search", probe["search"]], quick, base, "import typer, networkx", memory)
    add(["lineage", probe["lineage"]], 1.0, base, "import typer, networkx", memory)
    if packaged:
        add(["timeline", "2017", "2025"], quick, base, "import typer, networkx")
    parse = measure([sys.executable, "-c", PARSE, *files], env, 1, warm=False)
    rows.append(Row(name, "PyYAML C loader: parse the data files", parse))
    cold_runs = 1 if len(files) > 2 else runs
    cold = measure([*llmkg, *data_args, "show", probe["show"]], cold_env, cold_runs, warm=False)
    at_scale = len(data_files(data)) > 10  # the 100,000-record targets; elsewhere, for comparison
    label = f"llmkg show {probe['show']} (cold: build the index)"
    ratio = cold.cpu / parse.cpu
    if at_scale:
        rows.append(Row(name, label, cold, "parse", ratio, "≤ 2× parse", ratio <= 2))
    else:
        rows.append(Row(name, label, cold, "parse", ratio))
    big = 1000.0
    for args in (["validate"], ["export", "graphml", "-o", str(Path(work) / "out.graphml")]):
        result = measure([*llmkg, *data_args, *args], env, 1, warm=False)
        label = f"llmkg {' '.join(args[:2])}"
        if at_scale:
            rows.append(Row(name, label, result, target=f"≤ {big:g} MB", ok=result.peak_mb <= big))
        else:
            rows.append(Row(name, label, result))
    rows += bench_pictures(name, data_args, env, work)
    shutil.rmtree(work, ignore_errors=True)
    return rows


def bench_pictures(name: str, data_args: list[str], env: dict[str, str], work: str) -> list[Row]:
    """The explorer page and the charts: one run each (they are seconds, not milliseconds). `view`
    refuses more than 20,000 records at once (exit 2) and says how to select a part: that refusal is
    measured too, as what a user of 50,000 records meets."""
    import_mpl = measure([sys.executable, "-c", "import matplotlib.pyplot, networkx"], env, 1)
    rows = [Row(name, 'python -c "import matplotlib.pyplot, networkx"', import_mpl)]
    pictures = [
        ["view", "-o", str(Path(work) / "llm.html"), "--no-open"],
        ["chart", "tree", "-o", str(Path(work) / "tree.png")],
        ["chart", "params", "-o", str(Path(work) / "params.png")],
    ]
    for args in pictures:
        result = once([*llmkg_command(), *data_args, *args], env, allowed=(0, 2))
        label = f"llmkg {' '.join(args[:2] if args[0] == 'chart' else args[:1])}"
        if result.code == 2:
            label += " (refused: select a part)"
        ratio = result.cpu / import_mpl.cpu
        within = result.peak_mb <= 2048
        rows.append(Row(name, label, result, "import matplotlib, networkx", ratio, "≤ 2 GiB", within))
    return rows


def view_time(runs: int) -> list[float]:
    """Milliseconds from navigation to the whole graph drawn, in headless Chromium (real time)."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        return []
    work = Path(tempfile.mkdtemp(prefix="llmkg-view-"))
    page = work / "llm.html"
    subprocess.run([*llmkg_command(), "view", "-o", str(page), "--no-open"], check=True, capture_output=True)
    times = []
    for run in range(runs):
        done = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={work / str(run)}",
             "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=180,
        )  # fmt: skip
        found = [part for part in done.stdout.split('data-drawn-ms="')[1:2]]
        if found:
            times.append(float(found[0].split('"')[0]))
    size = page.stat().st_size
    shutil.rmtree(work, ignore_errors=True)
    print(f"view: {size / 1e6:.1f} MB file; drawn in {', '.join(f'{t:.0f}' for t in times)} ms")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (default 5)")
    parser.add_argument("--synthetic", type=int, action="append", default=[], metavar="N",
                        help="also measure on N generated records (repeatable)")  # fmt: skip
    parser.add_argument("--no-packaged", action="store_true", help="skip the packaged data")
    parser.add_argument("--view", action="store_true", help="also time the explorer page in Chromium")
    args = parser.parse_args()
    cache = tempfile.mkdtemp(prefix="llmkg-bench-cache-")
    rows: list[Row] = []
    try:
        if not args.no_packaged:
            probe = {"show": "gpt-4o", "search": "trasformer", "lineage": "gpt-4o"}
            rows += bench_dataset("packaged", [], probe, args.runs, cache)
        for count in args.synthetic:
            directory = Path(tempfile.mkdtemp(prefix=f"llmkg-synthetic-{count}-"))
            # In a process of its own, so that this one stays small: a child's peak memory counts
            # what it shared with this process before it started.
            generator = [sys.executable, str(HERE / "synthetic_data.py"), str(count), str(directory)]
            subprocess.run(generator, check=True, capture_output=True)
            deep = max(11, (count * 8 // 10) // 12 * 12 + 11)
            probe = {"show": f"model-{deep}", "search": "synthetic modle 4711", "lineage": f"model-{deep}"}
            runs = args.runs if count < 50_000 else max(1, args.runs // 2)
            rows += bench_dataset(f"{count:,} records", [str(directory)], probe, runs, cache)
            shutil.rmtree(directory, ignore_errors=True)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    print(f"{machine}, median of {args.runs} runs (CPU = user + system)\n")
    print("| data | command | CPU s | peak MB | ratio | target | met |")
    print("| --- | --- | ---: | ---: | ---: | --- | --- |")
    for row in rows:
        ratio = f"{row.ratio:.2f}× {row.versus}" if row.ratio is not None else ""
        met = "" if row.ok is None else ("yes" if row.ok else "**no**")
        cells = [row.data, f"`{row.label}`", f"{row.result.cpu:.3f}", f"{row.result.peak_mb:.0f}", ratio]
        print("| " + " | ".join([*cells, row.target, met]) + " |")
    if args.view:
        view_time(3)


if __name__ == "__main__":
    main()
