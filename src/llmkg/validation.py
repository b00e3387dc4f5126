"""Validate a parsed document's records against the schema, turning pydantic errors into Problems."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import Problem
from .vocabulary import KINDS

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from .dataset import Dataset, Origin
    from .yamlread import Document

_SHAPE_HINT = "a data file is a YAML list of records, each a mapping with id, kind and name"


def add_document(dataset: Dataset, document: Document) -> list[Problem]:
    """Add the document's valid records to `dataset`; return the problems of the others."""
    from pydantic import ValidationError

    from .dataset import Origin
    from .schema import record_adapter

    value = document.value
    if value is None:
        return [Problem(document.path, 1, 1, "the file is empty", _SHAPE_HINT)]
    if not isinstance(value, list):
        line, column = document.position(())
        found = "a mapping" if isinstance(value, dict) else f"a {type(value).__name__}"
        return [Problem(document.path, line, column, f"the file holds {found}, not a list", _SHAPE_HINT)]
    adapter = record_adapter()
    problems: list[Problem] = []
    for index, item in enumerate(value):
        origin = Origin(document.path, document, index)
        if not isinstance(item, dict):
            problems.append(origin.problem((), f"record {index + 1} is not a mapping", _SHAPE_HINT))
            continue
        try:
            record = adapter.validate_python(item)
        except ValidationError as exc:
            problems.extend(_explain(origin, item, error) for error in exc.errors())
            rid = item.get("id")
            if isinstance(rid, str) and rid:
                dataset.rejected.setdefault(rid, origin)
            continue
        first = dataset.origins.get(record.id)
        if first is not None:
            problems.append(_duplicate(origin, record.id, first))
            continue
        dataset.records[record.id] = record
        dataset.origins[record.id] = origin
    return problems


def _duplicate(origin: Origin, rid: str, first: Origin) -> Problem:
    from .paths import is_packaged

    if is_packaged(first.file) and not is_packaged(origin.file):
        return origin.problem(
            ("id",),
            f"id {rid!r} is already defined by llmkg's packaged data ({first.file}:{first.line}); "
            "nothing was loaded",
            "extra data may add records but not redefine packaged ones: give this record another id, "
            "or copy the packaged data, change it there and use only that directory",
        )
    return origin.problem(
        ("id",),
        f"duplicate id {rid!r}; first defined at {first.file}:{first.line}",
        "ids are unique across all data files: rename one or merge them",
    )


def _explain(origin: Origin, item: dict[str, Any], error: ErrorDetails) -> Problem:
    loc = tuple(error["loc"])
    if loc and loc[0] in KINDS:
        loc = loc[1:]
    loc = tuple(part for part in loc if not _is_validator_tag(part))
    where = _dotted(loc)
    kind = item.get("kind")
    value = error.get("input")
    label = _show(item.get("id", "?"), quote=False)
    etype = error["type"]
    if etype == "extra_forbidden":
        message, hint = (
            f"{label}: unknown key {where!r}",
            "check the spelling; see the data format in the README",
        )
    elif etype == "missing":
        message, hint = f"{label}: missing required key {where!r}", f"add {where}: to this {kind or 'record'}"
    elif etype == "union_tag_invalid":
        message = f"{label}: unknown kind {item.get('kind')!r}"
        hint = "kind is one of: " + ", ".join(KINDS)
        loc = ("kind",)
    elif etype == "union_tag_not_found":
        message, hint = f"{label}: missing key 'kind'", "kind is one of: " + ", ".join(KINDS)
    elif etype == "string_pattern_mismatch" and _field_name(loc) in _ID_FIELDS:
        message = f"{label}: {where} {_show(value)} is not a valid id"
        hint = "ids are lowercase slugs: letters a-z, digits, '.' and '-', starting with a letter or digit"
    elif etype == "value_error":
        text = _strip_prefix(error["msg"])
        field, _, rest = text.partition(": ")
        if not loc and rest and " " not in field:
            where, text = field, rest
            loc = (field,) if field in item else ()
        message, hint = f"{label}: {where}: {text}", _FIELD_HINTS.get(_field_name((where,)), _README)
    elif etype == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        message, hint = f"{label}: {where} {_show(value)} is not allowed", f"use one of {expected}"
    else:
        shown = f" {_show(value)}" if isinstance(value, (str, int, float, bool)) or value is None else ""
        hint = _TYPE_HINTS.get(etype) or _FIELD_HINTS.get(_field_name(loc), _README)
        message = f"{label}: {where}{shown}: {error['msg']}"
    return origin.problem(loc, message, hint)


def _show(value: Any, quote: bool = True, limit: int = 60) -> str:
    """A value as it appears in a message: quoted, and cut short so a huge one cannot flood the screen."""
    text = str(value)
    if quote or not text.isprintable():  # repr escapes what would otherwise reach the terminal raw
        text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 12]}… ({len(text):,} characters)"


_README = "see the data format in the README"
_TYPE_HINTS = {
    "list_type": "write a YAML list, e.g. [a, b] or one '- item' per line",
    "dict_type": "write a mapping, e.g. {en: ..., ko: ...}",
    "model_type": "write a mapping of keys to values",
    "string_type": "write text; quote it if YAML reads it as a number, date or boolean",
    "string_too_short": "write a non-empty value or leave the key out",
    "string_too_long": "shorten the text",
    "control_character": "remove it: names and text may not hold terminal escapes, carriage returns, "
    "tabs or invisible formatting characters (newlines only in summaries and notes)",
}
_FIELD_HINTS = {
    "date": "write YYYY, YYYY-MM or YYYY-MM-DD, quoted",
    "parameters": "write the count with a suffix, e.g. 117M, 7B, 1.6T",
    "sources": "use https:// URLs, arXiv:NNNN.NNNNN or doi:10.…",
    "note": "add a note saying who estimates the figure, with its source in sources",
    "summary.en": "add summary: {en: ...}",
    "summary.ko": "add a Korean summary: summary: {ko: ...}",
    "names.ko": "add names: {ko: ...}",
    "parameters_status": "use disclosed, estimated or unknown",
    "relation": "see the relation vocabulary in the README",
}


_ID_FIELDS = {"id", "target", "organizations", "architecture"}


def _field_name(loc: tuple[Any, ...]) -> str:
    """The innermost named field of a location: ('relations', 0, 'target') → 'target'."""
    names = [part for part in loc if isinstance(part, str)]
    if not names:
        return ""
    last = names[-1]
    return last if last in {"summary.en", "summary.ko", "names.ko"} else last.split(".")[-1].split("[")[0]


def _is_validator_tag(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part or part.startswith("function-"))


def _dotted(loc: tuple[Any, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "record"


def _strip_prefix(message: str) -> str:
    return message.removeprefix("Value error, ")
