"""Read one YAML file into plain Python values, with the line and column of every value.

Built on PyYAML's event stream (libyaml's C parser when present) instead of its constructor, so that:
- nothing but plain scalars, lists and mappings is ever built (tags such as !!python/object are refused);
- values are resolved by the YAML 1.2 core schema: 2024-05-13 stays the string it was written as,
  `no` stays a string, `1.5e9` is a float (and then refused as a parameter count), and `0x10`
  stays a string (no llmkg number is written in hexadecimal or octal);
- duplicate keys in a mapping are reported instead of silently keeping the last one;
- nesting depth, file size and alias expansion are bounded ("billion laughs" is refused);
- building is iterative, so deep nesting cannot exhaust the Python stack.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import NO_HINT, Problem, os_reason, shown
from .filekind import ODD_FILE_HINT, describe_mode, file_kind
from .i18n import Message, has, term

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 1_000_000  # written in one file; the packaged history.yaml holds about 42,000
MAX_NODES = 2_000_000  # once YAML aliases are expanded

Path_ = tuple[Any, ...]
Position = tuple[int, int]

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_DUPLICATE = object()
_CORE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


@dataclass
class Document:
    """A parsed file: its value and where each part of it was written."""

    path: str
    value: Any
    positions: dict[Path_, Position | int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    reread: Path | None = None  # where to read the positions again, once `compact` dropped them

    def position(self, at: Path_) -> Position:
        """The position of `at`, or of its nearest located parent."""
        if len(at) > 1 and self.reread is not None and at not in self.positions:
            self._restore()
        while at:
            if at in self.positions:
                return _unpacked(self.positions[at])
            at = at[:-1]
        return _unpacked(self.positions.get((), (1, 1)))

    def compact(self, source: Path) -> None:
        """Forget the value and every position but each record's own, packed into one int.

        Once a file's records are validated, positions inside records are needed only to report
        a cross-record problem, which is rare; they are read again from `source` if one is
        reported. At 100,000 records they would otherwise take most of a gigabyte.
        """
        self.value = None
        self.positions = {path: _packed(where) for path, where in self.positions.items() if len(path) <= 1}
        self.reread = source

    def _restore(self) -> None:
        assert self.reread is not None
        source, self.reread = self.reread, None
        # If the file cannot be read again (it changed since), problems are reported at the record.
        with contextlib.suppress(OSError, YamlProblem):
            self.positions = read_file(source).positions


def _packed(where: Position | int) -> int:
    return where if isinstance(where, int) else where[0] << 20 | min(where[1], (1 << 20) - 1)


def _unpacked(where: Position | int) -> Position:
    return where if isinstance(where, tuple) else (where >> 20, where & ((1 << 20) - 1))


class YamlProblem(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def resolve_plain(text: str) -> Any:
    """The value of an unquoted scalar under the YAML 1.2 core schema, without timestamps and
    without its 0o/0x integers: no count in llmkg is written in octal or hexadecimal, so `0x10`
    stays the text it was written as and is refused where a number is expected."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text) and any(ch.isdigit() for ch in text):
        return float(text)
    lowered = text.lower()
    if lowered in {".inf", "+.inf"}:
        return math.inf
    if lowered == "-.inf":
        return -math.inf
    if lowered == ".nan":
        return math.nan
    return text


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32", "little"),
    (b"\x00\x00\xfe\xff", "UTF-32", "big"),
    (b"\xff\xfe", "UTF-16", "little"),
    (b"\xfe\xff", "UTF-16", "big"),
)
_RESAVE = "save it as UTF-8 (in the editor's encoding menu, or: iconv -f {encoding} -t UTF-8 FILE > NEW)"
_SPLIT = Message("split the data into several files")
# What YAML does not allow in a stream (YAML 1.1, section 5.1): C0 and C1 controls but tab,
# newline, carriage return and NEL; surrogates; U+FFFE and U+FFFF.
_NOT_YAML = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _wide_encoding(raw: bytes) -> tuple[str, str] | None:
    """The UTF-16 or UTF-32 encoding `raw` is in and its byte order ("little" or "big"), from its
    byte-order mark or its NUL bytes."""
    for bom, name, order in _BOMS:
        if raw.startswith(bom):
            return name, order
    head = raw[:4096]
    if len(head) >= 4 and head.count(0) * 3 > len(head):  # ASCII text in UTF-16: every other byte NUL
        odd_nuls = head[1::2].count(0)
        return ("UTF-16", "little") if odd_nuls > head[0::2].count(0) else ("UTF-16", "big")
    return None


def decode(path: str, raw: bytes) -> str:
    """UTF-8 text without its BOM, or a located problem naming the bad byte."""
    wide = _wide_encoding(raw)
    if wide is not None:
        encoding, order = wide
        if order == "little":
            named = Message("{encoding} (little-endian)", encoding=encoding)
        else:
            named = Message("{encoding} (big-endian)", encoding=encoding)
        raise YamlProblem(
            Problem(
                path,
                1,
                1,
                Message("the file is {encoding}, not UTF-8", encoding=named),
                Message(_RESAVE, encoding=encoding),
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            Problem(
                path,
                line,
                column,
                Message("not valid UTF-8 (byte {byte})", byte=f"0x{raw[exc.start]:02x}"),
                Message("save the file as UTF-8"),
            )
        ) from None
    text = text[1:] if text.startswith("\ufeff") else text
    bad = _NOT_YAML.search(text)
    if bad is not None:
        start = bad.start()
        line = text.count("\n", 0, start) + 1
        column = start - (text.rfind("\n", 0, start) + 1) + 1
        char = bad.group()
        what = (
            Message("a NUL byte")
            if char == "\x00"
            else Message("the control character {code}", code=f"U+{ord(char):04X}")
        )
        raise YamlProblem(
            Problem(
                path,
                line,
                column,
                Message("the file holds {what}, which YAML does not allow", what=what),
                Message("remove it"),
            )
        )
    return text


def _not_regular(name: str, what: str) -> YamlProblem:
    return YamlProblem(Problem(name, 1, 1, Message("not a regular file: {what}", what=what), ODD_FILE_HINT))


def _unreadable(name: str, error: OSError) -> YamlProblem:
    message = Message("cannot read the file: {reason}", reason=os_reason(error))
    return YamlProblem(Problem(name, 1, 1, message, Message("check the path")))


def read_file(path: Path) -> Document:
    """Parse `path`; raise YamlProblem with a location if it cannot be used."""
    name = str(path)
    kind = file_kind(path)
    if kind != "file":
        raise _not_regular(name, Message("no such file") if kind == "missing" else kind)
    try:
        # Non-blocking, in case the path became a FIFO since it was examined: opening one for
        # reading would otherwise wait for a writer forever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _unreadable(name, exc) from None
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise _not_regular(name, describe_mode(info.st_mode))
            if info.st_size > MAX_FILE_BYTES:
                message = Message(
                    "file is {size:.0f} MiB; the limit is {limit} MiB",
                    size=info.st_size / 2**20,
                    limit=MAX_FILE_BYTES // 2**20,
                )
                raise YamlProblem(Problem(name, 1, 1, message, _SPLIT))
            raw = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise _unreadable(name, exc) from None
    if len(raw) > MAX_FILE_BYTES:  # it grew while being read
        message = Message("file is over {limit} MiB", limit=MAX_FILE_BYTES // 2**20)
        raise YamlProblem(Problem(name, 1, 1, message, _SPLIT))
    return parse_text(name, decode(name, raw))


def parse_text(name: str, text: str) -> Document:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return _build(name, yaml.parse(text, Loader=loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = Message("not valid YAML: {problem}", problem=_parser_says(exc.problem or exc.context))
        hint = Message("check the indentation and quoting at this place")
        if "mapping values are not allowed" in (exc.problem or ""):
            hint = Message("quote a value that contains ': ' (for example name: \"A: B\")")
        if "\t" in (exc.problem or "") or _tab_at(text, line):
            hint = Message("indent with spaces; YAML does not allow tabs for indentation")
        raise YamlProblem(Problem(name, line, column, message, hint)) from None
    except yaml.YAMLError as exc:
        message = Message("not valid YAML: {problem}", problem=_parser_says(str(exc)))
        raise YamlProblem(Problem(name, 1, 1, message)) from None


def _parser_says(text: str | None) -> str:
    """The YAML parser's own words: translated where llmkg knows them (libyaml's), quoted when not."""
    text = str(text)
    return (
        term(text) if has(text, "ko") else Message.english(text, "the parser says {words}", words=repr(text))
    )


def _position(event: Any) -> Position:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _tab_at(text: str, line: int) -> bool:
    lines = text.splitlines()
    return 0 < line <= len(lines) and lines[line - 1].lstrip(" ").startswith("\t")


@dataclass
class _Frame:
    container: Any
    path: Path_
    anchor: str | None
    size: int = 1
    key: Any = None
    key_pending: bool = True
    keys: dict[str, int] = field(default_factory=dict)


def _build(name: str, events: Iterator[Any]) -> Document:
    """The document the YAML `events` describe, with every value's position, within the limits."""
    builder = _Builder(name)
    for event in events:
        builder.take(event)
    return builder.doc


class _Builder:
    """Builds a document from libyaml's events, one event at a time (`take`)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.doc = Document(name, None)
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.written = 0  # values as written in the file
        self.nodes = 0  # values once aliases are expanded
        self.documents = 0

    def take(self, event: Any) -> None:
        import yaml

        if isinstance(event, yaml.DocumentStartEvent):
            self.document(event)
        elif isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            self.open(event, [] if isinstance(event, yaml.SequenceStartEvent) else {})
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            self.close(event)
        elif isinstance(event, yaml.AliasEvent):
            self.alias(event)

    # --- the events ----------------------------------------------------------------------------

    def document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self.fail(
                event.start_mark,
                Message("the file holds more than one YAML document"),
                Message("remove the '---' separator; one file holds one list of records"),
            )

    def scalar(self, event: Any) -> None:
        self.check_tag(event)
        is_key = self.expects_key()
        plain = event.implicit[0] and not event.tag
        if is_key and plain and event.value == "<<":
            raise self.fail(
                event.start_mark,
                Message("YAML merge keys (<<) are not supported"),
                Message("write the keys out in each record instead of merging them from an anchor"),
            )
        if not is_key:
            self.doc.positions.setdefault(self.child_path(), _position(event))
        tag = event.tag or ""
        value: Any = event.value
        if (plain and not is_key) or tag.endswith((":int", ":float", ":bool", ":null")):
            value = resolve_plain(event.value)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self.count(event)
        self.add(value, 1, event)

    def open(self, event: Any, container: Any) -> None:
        self.check_tag(event)
        if len(self.stack) >= MAX_DEPTH:
            raise self.fail(
                event.start_mark,
                Message("nesting deeper than {depth} levels", depth=MAX_DEPTH),
                Message("llmkg records are at most a few levels deep"),
            )
        if self.expects_key():
            raise self.fail(event.start_mark, Message("a mapping key must be a plain string"))
        path = self.child_path()
        self.doc.positions.setdefault(path, _position(event))
        self.count(event)
        self.stack.append(_Frame(container, path, event.anchor))

    def close(self, event: Any) -> None:
        frame = self.stack.pop()
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.container, frame.size)
        self.add(frame.container, 0, event)
        if self.stack:
            self.stack[-1].size += frame.size

    def alias(self, event: Any) -> None:
        if event.anchor not in self.anchors:
            raise self.fail(
                event.start_mark,
                Message("unknown alias {alias}", alias=f"*{event.anchor}"),
                Message("define &anchor first"),
            )
        value, size = self.anchors[event.anchor]
        self.count(event, size)
        self.add(value, size, event)

    # --- the steps -----------------------------------------------------------------------------

    def fail(self, mark: Any, message: Message, hint: Message = NO_HINT) -> YamlProblem:
        return YamlProblem(Problem(self.name, mark.line + 1, mark.column + 1, message, hint))

    def expects_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1].container, dict) and self.stack[-1].key_pending

    def child_path(self) -> Path_:
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            return (*top.path, len(top.container))
        return (*top.path, top.key)

    def check_tag(self, event: Any) -> None:
        tag = getattr(event, "tag", None)
        if tag and tag != "!" and tag not in _CORE_TAGS:
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise self.fail(
                event.start_mark,
                Message("YAML tag {tag} is not allowed", tag=shown),
                Message("remove the tag; llmkg reads plain strings, numbers, lists and mappings only"),
            )

    def count(self, event: Any, size: int = 1) -> None:
        self.written += 1
        self.nodes += size
        if self.written > MAX_VALUES:
            raise self.fail(
                event.start_mark,
                Message(
                    "the file holds more than {limit:,} values, the limit for one file", limit=MAX_VALUES
                ),
                _SPLIT,
            )
        if self.nodes > MAX_NODES:
            raise self.fail(
                event.start_mark,
                Message(
                    "the document expands to more than {limit:,} values through YAML aliases", limit=MAX_NODES
                ),
                Message("remove YAML aliases (*name) that repeat large parts of the file"),
            )

    def add(self, value: Any, size: int, event: Any) -> None:
        """Put `value` where the open container expects it: an item, a key, or a key's value."""
        if not self.stack:
            self.doc.value = value
            return
        top = self.stack[-1]
        top.size += size
        if isinstance(top.container, list):
            top.container.append(value)
        elif top.key_pending:
            self.add_key(top, value, event)
        else:
            if top.key is not _DUPLICATE:
                top.container[top.key] = value
            top.key_pending = True

    def add_key(self, top: _Frame, value: Any, event: Any) -> None:
        if isinstance(value, (dict, list)):
            raise self.fail(event.start_mark, Message("a mapping key must be a plain string"))
        key = value if isinstance(value, str) else str(value)
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        top.key_pending = False
        if key in top.keys:
            first = Message(
                "duplicate key {key} (first written on line {line})", key=shown(key), line=top.keys[key]
            )
            hint = Message("keep one of the two; this one is ignored")
            self.doc.problems.append(Problem(self.name, line, column, first, hint))
            top.key = _DUPLICATE
            return
        top.keys[key] = line
        top.key = key
        self.doc.positions[tuple([*top.path, key])] = (line, column)
