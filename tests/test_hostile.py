"""Hostile input and faults: full disks, special files, odd digits, control characters, misleading
messages and dates in the future. Each case says what it is and exits with the README's status."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, MINI, run

VALID = (DATA / "valid_small" / "data.yaml").read_text(encoding="utf-8")
LLMKG = [sys.executable, "-m", "llmkg"]
FULL = Path("/dev/full")


def dataset(tmp_path: Path, text: str, name: str = "data.yaml") -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def llmkg(
    *args: str, stdout: object = subprocess.PIPE, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LLMKG, *args], stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=timeout, check=False
    )


# --- a full disk on standard output -----------------------------------------------------------


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "args",
    [
        ["--data", str(MINI), "show", "gpt-4o"],
        ["--version"],
        ["--help"],
        ["--data", str(MINI), "validate"],
        ["--data", str(MINI), "export", "json"],
        ["--data", str(MINI), "timeline", "--all", "-f", "json"],
    ],
)
def test_a_full_disk_on_stdout_is_one_line_and_status_1(args: list[str]) -> None:
    with FULL.open("w") as full:
        done = llmkg(*args, stdout=full)
    assert done.returncode == 1, done.stderr
    assert done.stderr == "llmkg: error: cannot write output: No space left on device\n"


# --- digits ---------------------------------------------------------------------------------


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ('date: "2021-06"', 'date: "２０２１-０６"', "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ('date: "2021-06"', 'date: "١٩٩٩"', "is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ('date: "2021-06"', 'date: "0000"', "has no year 0"),
        ('date: "2021-06"', 'date: "0000-02-29"', "has no year 0"),
    ],
)
def test_other_digit_systems_and_year_0_are_located_errors(
    tmp_path: Path, old: str, new: str, words: str
) -> None:
    assert old in VALID
    text = VALID.replace(old, new, 1)
    result = run("validate", str(dataset(tmp_path, text)))
    assert result.code == 1, result.stdout
    changed = line_of(text, new.splitlines()[0].strip())
    located = [line for line in result.stdout.splitlines() if f"data.yaml:{changed}:" in line]
    assert located and words in located[0], result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("value", ["７B", "0x10", "0o17", '"7 B"', '" 7B"', "7b", "1.5 T"])
def test_parameter_counts_take_ascii_digits_and_a_suffix_only(tmp_path: Path, value: str) -> None:
    text = VALID.replace("parameters: 7B", f"parameters: {value}", 1)
    result = run("validate", str(dataset(tmp_path, text)))
    assert result.code == 1
    assert f"data.yaml:{line_of(text, f'parameters: {value}')}:" in result.stdout
    assert "is not a parameter count" in result.stdout


@pytest.mark.parametrize("value", ["７T", ".inf", ".nan", "0x10", "-1e20"])
def test_measures_are_finite_positive_ascii_numbers(tmp_path: Path, value: str) -> None:
    measure = f"training_tokens: {{value: {value}, status: disclosed, source: https://example.org/a}}"
    text = VALID.replace("  notability: major\n", f"  notability: major\n  {measure}\n", 1)
    result = run("validate", str(dataset(tmp_path, text)))
    assert result.code == 1
    assert f"data.yaml:{line_of(text, measure)}:" in result.stdout, result.stdout
    assert "training_tokens.value" in result.stdout


@pytest.mark.parametrize(
    ("field", "value"),
    [("arxiv", '"２００５.14165"'), ("wikidata", "Q１２"), ("huggingface", "ｍeta/llama")],
)
def test_identifiers_take_ascii_digits_only(tmp_path: Path, field: str, value: str) -> None:
    text = VALID.replace("  notability: major\n", f"  notability: major\n  xrefs: {{{field}: {value}}}\n", 1)
    result = run("validate", str(dataset(tmp_path, text)))
    assert result.code == 1 and f"xrefs.{field}" in result.stdout, result.stdout


# --- control characters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("name", '"Be\\e[31mta"', "U+001B (escape)"),
        ("name", '"Beta\\u202e"', "U+202E (right-to-left override)"),
        ("name", '"Be\\nta"', "U+000A (newline)"),
        ("aliases", '["B\\rX"]', "U+000D (carriage return)"),
        ("aliases", '["B\\u200bX"]', "U+200B (zero width space)"),
        ("names", '{ko: "베\\u2066타"}', "U+2066"),
        ("summary", '{en: "A test\\u0007 model."}', "U+0007"),
        ("summary", '{en: "A\\r\\ntest model."}', "U+000D (carriage return)"),
        ("note", '"tab\\there"', "U+0009 (tab)"),
        ("sources", '["https://example.org/\\u202ebeta"]', "U+202E"),
        ("disputes", '[{field: date, value: "2021\\x85", source: Epoch AI, note: n}]', "U+0085"),
    ],
)
def test_control_characters_are_refused_where_they_are(
    tmp_path: Path, field: str, value: str, code: str
) -> None:
    head, beta = VALID.split("- id: beta\n")
    rows = beta.splitlines()
    existing = [n for n, row in enumerate(rows) if row.startswith(f"  {field}: ")]
    if existing:
        rows[existing[0]] = f"  {field}: {value}"
    else:
        rows.insert(1, f"  {field}: {value}")
    text = head + "- id: beta\n" + "\n".join(rows) + "\n"
    result = run("validate", str(dataset(tmp_path, text)))
    assert result.code == 1, result.stdout
    line = text.splitlines().index(f"  {field}: {value}") + 1
    located = [row for row in result.stdout.splitlines() if f"data.yaml:{line}:" in row]
    assert located and code in located[0] and "remove it" in located[0], result.stdout
    assert all(row.isprintable() for row in result.stdout.splitlines()), "a message echoed it raw"


def test_newlines_are_allowed_in_summaries_and_notes(tmp_path: Path) -> None:
    text = VALID.replace("  name: Beta\n", '  name: Beta\n  note: "Two\\nlines."\n', 1)
    text = text.replace("summary: {en: A test model.}", 'summary: {en: "A test\\nmodel.", ko: "둘\\n줄"}')
    result = run("validate", str(dataset(tmp_path, text)))
    assert result.code == 0, result.stdout


def test_a_hostile_id_is_escaped_in_messages(tmp_path: Path) -> None:
    text = VALID.replace("- id: beta\n", '- id: "be\\e]0;owned\\ata"\n', 1)
    result = run("validate", str(dataset(tmp_path, text)))
    assert result.code == 1
    assert "\x1b" not in result.stdout + result.stderr
    assert "is not a valid id" in result.stdout


# --- special files where .yaml files are expected ---------------------------------------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dangling(path: Path) -> None:
    path.symlink_to("nowhere.yaml")


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def _directory(path: Path) -> None:
    path.mkdir()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
@pytest.mark.parametrize(
    ("make", "what"),
    [
        (_fifo, "a FIFO (named pipe)"),
        (_dangling, "a dangling symbolic link (to nowhere.yaml)"),
        (_loop, "a symbolic link loop"),
        (_directory, "a directory"),
    ],
)
def test_a_special_file_among_the_data_is_named_never_skipped(
    tmp_path: Path, make: object, what: str
) -> None:
    dataset(tmp_path, VALID)
    make(tmp_path / "x.yaml")  # type: ignore[operator]
    for args in (["validate", str(tmp_path)], ["--data", str(tmp_path), "stats"]):
        done = llmkg(*args, timeout=30)  # a FIFO opened for reading would hang here
        assert done.returncode == 1, done.stderr
        assert f"x.yaml:1:1: not a regular file: {what} — " in done.stderr, done.stderr
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("make", "what"),
    [
        (None, "a character device"),
        (_fifo, "a FIFO (named pipe)"),
        (_dangling, "a dangling symbolic link (to nowhere.yaml)"),
        (_loop, "a symbolic link loop"),
    ],
)
def test_a_special_file_as_data_is_named_never_read(tmp_path: Path, make: object, what: str) -> None:
    target = Path("/dev/zero") if make is None else tmp_path / "x.yaml"
    if make is not None:
        make(target)  # type: ignore[operator]
    elif not target.exists():
        pytest.skip("needs /dev/zero")
    done = llmkg("--data", str(target), "stats", timeout=30)
    assert done.returncode == 1, done.stderr
    assert f"not a regular file or directory: {what}" in done.stderr


def test_read_file_never_blocks_on_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.yaml")
    script = "import sys, pathlib, llmkg.yamlread as y; y.read_file(pathlib.Path(sys.argv[1]))"
    done = subprocess.run(  # in a child, so that a blocking open fails the test instead of hanging it
        [sys.executable, "-c", script, str(tmp_path / "x.yaml")], capture_output=True, text=True, timeout=20
    )
    assert "YamlProblem" in done.stderr and "not a regular file: a FIFO" in done.stderr


def test_hidden_files_are_ignored(tmp_path: Path) -> None:
    dataset(tmp_path, VALID)
    (tmp_path / ".#data.yaml").symlink_to("user@host.1234:1700000000")  # an editor's lock file
    assert run("validate", str(tmp_path)).code == 0


def test_a_hostile_file_name_is_escaped(tmp_path: Path) -> None:
    dataset(tmp_path, "- 1\n", name="\x1b[2Jx.yaml")
    result = run("validate", str(tmp_path))
    assert result.code == 1
    assert "\\x1b[2Jx.yaml:1:" in result.stdout and "\x1b" not in result.stdout


# --- exports never replace what is not a regular file ----------------------------------------


def export(*args: str) -> object:
    return run("--data", str(MINI), "export", *args)


def test_an_export_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to("real.json")
    result = export("json", "-o", str(tmp_path / "link.json"))
    assert result.code == 0, result.stderr  # type: ignore[attr-defined]
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "real.json").read_text(encoding="utf-8").startswith("{")
    (tmp_path / "dangling.json").symlink_to("made.json")
    assert export("json", "-o", str(tmp_path / "dangling.json")).code == 0  # type: ignore[attr-defined]
    assert (tmp_path / "dangling.json").is_symlink() and (tmp_path / "made.json").is_file()


def test_an_export_through_a_dangling_link_makes_no_directory_the_user_did_not_name(tmp_path: Path) -> None:
    (tmp_path / "dangling.json").symlink_to("sub/made.json")
    result = export("json", "-o", str(tmp_path / "dangling.json"))
    assert result.code == 1 and "does not exist" in result.stderr  # type: ignore[attr-defined]
    assert not (tmp_path / "sub").exists()
    assert export("json", "-o", str(tmp_path / "new" / "made.json")).code == 0  # type: ignore[attr-defined]
    assert (tmp_path / "new" / "made.json").is_file()  # a path as typed still gets its directories


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_an_export_to_a_fifo_is_written_through(tmp_path: Path) -> None:
    import stat
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    done = llmkg("--data", str(MINI), "export", "json", "-o", str(fifo), timeout=30)
    reader.join(10)
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert received and received[0].startswith(b"{") and received[0].rstrip().endswith(b"}")


def _device(path: Path, minor: int) -> None:
    import stat

    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, minor))  # 1:3 is null, 1:7 full
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs root")


def test_an_export_to_a_character_device_is_written_through(tmp_path: Path) -> None:
    import stat

    _device(tmp_path / "null", 3)
    _device(tmp_path / "full", 7)
    assert export("json", "-o", str(tmp_path / "null")).code == 0  # type: ignore[attr-defined]
    full = export("json", "-o", str(tmp_path / "full"), "--no-clobber")
    assert full.code == 1  # type: ignore[attr-defined]
    assert f"cannot write {tmp_path / 'full'}: No space left on device" in full.stderr  # type: ignore[attr-defined]
    for name in ("null", "full"):
        assert stat.S_ISCHR(os.lstat(tmp_path / name).st_mode), f"{name} was replaced"
    assert sorted(os.listdir(tmp_path)) == ["full", "null"]  # no temporary file left


def test_an_export_onto_other_special_files_is_refused(tmp_path: Path) -> None:
    import socket

    (tmp_path / "loop.json").symlink_to("loop.json")
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock"))
        for name, what in (("loop.json", "a symbolic link loop"), ("sock", "a socket")):
            result = export("json", "-o", str(tmp_path / name))
            assert result.code == 1 and f"is {what}" in result.stderr  # type: ignore[attr-defined]
        assert (tmp_path / "loop.json").is_symlink() and (tmp_path / "sock").is_socket()
    finally:
        server.close()


def test_no_clobber_creates_the_file_exclusively(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from llmkg import atomic
    from llmkg.errors import ExportError

    target = tmp_path / "out.json"
    original = atomic._temporary

    def racing(path: Path, text: str) -> str:
        temporary = original(path, text)
        target.write_text("theirs", encoding="utf-8")  # another run takes the name meanwhile
        return temporary

    monkeypatch.setattr(atomic, "_temporary", racing)
    with pytest.raises(ExportError, match="exists and --no-clobber"):
        atomic.write_text(target, "ours", no_clobber=True)
    assert target.read_text(encoding="utf-8") == "theirs"
    assert os.listdir(tmp_path) == ["out.json"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_the_two_csv_files_are_never_left_a_mixed_pair(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    from llmkg import atomic

    atomic.write_files(tmp_path, {"nodes.csv": "old nodes", "edges.csv": "old edges"})
    replace = os.replace

    def failing(source: str, destination: object) -> None:
        if str(destination).endswith("edges.csv"):
            raise failure
        replace(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "replace", failing)
    with pytest.raises((atomic.ExportError, KeyboardInterrupt)):
        atomic.write_files(tmp_path, {"nodes.csv": "new nodes", "edges.csv": "new edges"})
    monkeypatch.undo()
    assert (tmp_path / "nodes.csv").read_text(encoding="utf-8") == "old nodes"
    assert (tmp_path / "edges.csv").read_text(encoding="utf-8") == "old edges"
    assert sorted(os.listdir(tmp_path)) == ["edges.csv", "nodes.csv"]


def test_no_clobber_on_the_csv_pair_leaves_nothing_half_made(tmp_path: Path) -> None:
    from llmkg import atomic
    from llmkg.errors import ExportError

    (tmp_path / "edges.csv").write_text("theirs", encoding="utf-8")
    with pytest.raises(ExportError, match="exists and --no-clobber"):
        atomic.write_files(tmp_path, {"nodes.csv": "n", "edges.csv": "e"}, no_clobber=True)
    assert os.listdir(tmp_path) == ["edges.csv"]


# --- messages that said the wrong thing --------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom", "named"),
    [
        ("utf-16", True, "UTF-16 (little-endian)"),
        ("utf-16-be", False, "UTF-16 (big-endian)"),
        ("utf-16-le", False, "UTF-16 (little-endian)"),
        ("utf-32", True, "UTF-32 (little-endian)"),
    ],
)
def test_a_utf16_file_is_named_so(tmp_path: Path, encoding: str, bom: bool, named: str) -> None:
    (tmp_path / "data.yaml").write_bytes(VALID.encode(encoding))
    result = run("validate", str(tmp_path))
    assert result.code == 1
    assert f"data.yaml:1:1: the file is {named}, not UTF-8 — save it as UTF-8" in result.stdout
    assert "iconv -f " in result.stdout


def test_a_nul_byte_is_located_on_one_line(tmp_path: Path) -> None:
    text = VALID.replace("name: Beta", "name: Be\x00ta")
    (tmp_path / "data.yaml").write_bytes(text.encode("utf-8"))
    result = run("validate", str(tmp_path))
    line = text.splitlines().index("  name: Be\x00ta") + 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'data.yaml'}:{line}:11: the file holds a NUL byte, which YAML does not allow"
        " — remove it"
    ]


def test_too_many_plain_values_is_not_blamed_on_aliases(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from llmkg import yamlread

    monkeypatch.setattr(yamlread, "MAX_VALUES", 1_000)
    text = "".join(f"- {{id: r{n}, kind: concept}}\n" for n in range(300))
    with pytest.raises(yamlread.YamlProblem) as caught:
        yamlread.parse_text("data.yaml", text)
    assert "holds more than 1,000 values, the limit for one file" in str(caught.value)
    assert "split the data" in str(caught.value) and "alias" not in str(caught.value)
    # the list and 5 values a record: the 200th record crosses the limit, and reading stops there
    assert caught.value.problem.line == (1_000 - 1) // 5 + 1


def test_a_million_plain_records_are_refused_for_their_number_soon(tmp_path: Path) -> None:
    import time

    with (tmp_path / "data.yaml").open("w", encoding="utf-8") as out:
        out.writelines(f"- {{id: r{n}, kind: concept}}\n" for n in range(1_000_000))
    started = time.perf_counter()
    result = run("validate", str(tmp_path))
    elapsed = time.perf_counter() - started
    assert result.code == 1 and "more than 1,000,000 values, the limit for one file" in result.stdout
    assert "alias" not in result.stdout
    assert elapsed < 30


def test_the_dependants_of_an_invalid_record_take_one_line(tmp_path: Path) -> None:
    text = VALID.replace("  name: Acme AI\n", "  name: Acme AI\n  colour: red\n", 1)
    part_of = "relations: [{relation: part_of, target: acme}]"
    text += "".join(f"- {{id: org{n}, kind: organization, name: Org {n}, {part_of}}}\n" for n in range(150))
    result = run("validate", str(dataset(tmp_path, text)))
    assert result.code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2, lines
    assert "acme: unknown key 'colour'" in lines[0]
    assert "152 reference(s) to 'acme', which is invalid, from alpha, beta, org0 and 149 more" in lines[1]
    assert "unknown id" not in result.stdout


def test_a_lineage_cycle_reads_the_same_on_every_run(tmp_path: Path) -> None:
    concept = "- {{id: {0}, kind: concept, name: {0}, names: {{ko: {0}}}, summary: {{en: x, ko: y}}, "
    concept += "sources: [arXiv:1706.03762], relations: [{1}]}}\n"
    edges = {"na": ["nb"], "nb": ["nc"], "nc": ["nd", "na"], "nd": ["ne"], "ne": ["nf", "nb"], "nf": ["na"]}
    edges.update({f"m{n}": [f"m{n - 1}"] for n in range(1, 80)} | {"m0": []})
    text = (
        VALID.rstrip("\n")
        + "\n"
        + "".join(
            concept.format(rid, ", ".join(f"{{relation: evolved_from, target: {t}}}" for t in targets))
            for rid, targets in edges.items()
        )
    )
    dataset(tmp_path, text)
    reports = set()
    for seed in range(6):
        done = subprocess.run(
            [*LLMKG, "validate", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        )
        reports.add(done.stdout)
    assert len(reports) == 1, reports
    assert "lineage cycle: na → nb → nc → na" in reports.pop()


# --- dates in the future ----------------------------------------------------------------------


def _dated(tmp_path: Path, date: str) -> Path:
    return dataset(tmp_path, VALID.replace('date: "2021-06"', f'date: "{date}"', 1))


def test_a_date_up_to_tomorrow_is_accepted_everywhere(tmp_path: Path) -> None:
    import datetime as dt

    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    data = _dated(tmp_path, tomorrow)
    assert run("validate", str(data)).code == 0
    shown = run("--data", str(data), "show", "beta", "-f", "json")
    assert shown.code == 0 and shown.stderr == ""


def test_a_later_date_fails_validate_but_other_commands_warn_and_carry_on(tmp_path: Path) -> None:
    import datetime as dt

    later = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    data = _dated(tmp_path, later)
    checked = run("validate", str(data))
    assert checked.code == 1 and f"beta: date {later} is in the future" in checked.stdout
    for _ in range(2):  # the second run answers from the cache and still warns
        shown = run("--data", str(data), "show", "alpha", "-f", "json")
        assert shown.code == 0 and '"id": "alpha"' in shown.stdout
        assert shown.stderr.startswith(f"llmkg: warning: beta: date {later} is in the future")
        assert shown.stderr.count("\n") == 1


def test_future_dates_take_today_and_a_day_of_tolerance(tmp_path: Path) -> None:
    import datetime as dt

    from llmkg.checks import check, future_dates, future_warnings
    from llmkg.loader import data_paths, read_dataset

    text = VALID.replace('date: "2021-06"', 'date: "2030-01-02"', 1)
    text = text.replace(
        "  notability: major\n", '  notability: major\n  checkpoints: [{name: A1, date: "2030-01-03"}]\n', 1
    )
    dataset_, problems = read_dataset(data_paths(str(dataset(tmp_path, text))))
    assert problems == [] and check(dataset_) == []
    assert future_dates(dataset_, today=dt.date(2030, 1, 2)) == []
    late = future_dates(dataset_, today=dt.date(2030, 1, 1))
    assert [p.message for p in late] == ["alpha: date 2030-01-03 is in the future"]
    assert len(future_dates(dataset_, today=dt.date(2029, 12, 31))) == 2
    assert len(future_warnings(dataset_.records.values(), today=dt.date(2029, 12, 31))) == 2
