"""Validate a parsed document's records against the schema, turning pydantic errors into Problems."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import Problem, shown
from .i18n import Message, has, term
from .vocabulary import KINDS

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from .dataset import Dataset, Origin
    from .yamlread import Document

_SHAPE_HINT = Message("a data file is a YAML list of records, each a mapping with id, kind and name")


def add_document(dataset: Dataset, document: Document) -> list[Problem]:
    """Add the document's valid records to `dataset`; return the problems of the others."""
    from pydantic import ValidationError

    from .dataset import Origin
    from .schema import record_adapter

    value = document.value
    if value is None:
        return [Problem(document.path, 1, 1, Message("the file is empty"), _SHAPE_HINT)]
    if not isinstance(value, list):
        line, column = document.position(())
        found = (
            Message("a mapping")
            if isinstance(value, dict)
            else Message("a {type}", type=type(value).__name__)
        )
        message = Message("the file holds {found}, not a list", found=found)
        return [Problem(document.path, line, column, message, _SHAPE_HINT)]
    adapter = record_adapter()
    problems: list[Problem] = []
    for index, item in enumerate(value):
        origin = Origin(document.path, document, index)
        if not isinstance(item, dict):
            problems.append(
                origin.problem((), Message("record {n} is not a mapping", n=index + 1), _SHAPE_HINT)
            )
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
            Message(
                "id {id} is already defined by llmkg's packaged data ({file}:{line}); nothing was loaded",
                id=repr(rid),
                file=first.file,
                line=first.line,
            ),
            Message(
                "extra data may add records but not redefine packaged ones: give this record another id, "
                "or copy the packaged data, change it there and use only that directory"
            ),
        )
    return origin.problem(
        ("id",),
        Message(
            "duplicate id {id}; first defined at {file}:{line}",
            id=repr(rid),
            file=first.file,
            line=first.line,
        ),
        Message("ids are unique across all data files: rename one or merge them"),
    )


def _explain(origin: Origin, item: dict[str, Any], error: ErrorDetails) -> Problem:
    loc = tuple(error["loc"])
    if loc and loc[0] in KINDS:
        loc = loc[1:]
    loc = tuple(part for part in loc if not _is_validator_tag(part))
    where = _dotted(loc)
    kind = item.get("kind")
    value = error.get("input")
    label = shown(item.get("id", "?"), quote=False)
    etype = error["type"]
    message: Message
    if etype == "extra_forbidden":
        message = Message("{label}: unknown key {key}", label=label, key=repr(where))
        hint = Message("check the spelling; see the data format in the README")
    elif etype == "missing":
        message = Message("{label}: missing required key {key}", label=label, key=repr(where))
        what: str
        if isinstance(kind, str) and kind in KINDS:
            what = term(kind)
        else:
            what = shown(kind, quote=False) if kind else Message("record")
        hint = Message("add {key}: to this {kind}", key=where, kind=what)
    elif etype == "union_tag_invalid":
        message = Message("{label}: unknown kind {kind}", label=label, kind=shown(item.get("kind")))
        hint = Message("kind is one of: {kinds}", kinds=", ".join(KINDS))
        loc = ("kind",)
    elif etype == "union_tag_not_found":
        message = Message("{label}: missing key 'kind'", label=label)
        hint = Message("kind is one of: {kinds}", kinds=", ".join(KINDS))
    elif etype == "string_pattern_mismatch" and _field_name(loc) in _ID_FIELDS:
        message = Message(
            "{label}: {field} {value} is not a valid id", label=label, field=where, value=shown(value)
        )
        hint = Message(
            "ids are lowercase slugs: letters a-z, digits, '.' and '-', starting with a letter or digit"
        )
    elif etype == "value_error":
        reason = _reason(error)
        field, _, rest = reason.partition(": ")
        if not loc and rest and " " not in field:  # a rule of the record about one field: "field: …"
            where, loc = field, ((field,) if field in item else ())
            message = Message("{label}: {reason}", label=label, reason=reason)
        else:
            message = Message("{label}: {field}: {reason}", label=label, field=where, reason=reason)
        hint = _FIELD_HINTS.get(_field_name((where,)), _README)
    elif etype == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        message = Message(
            "{label}: {field} {value} is not allowed", label=label, field=where, value=shown(value)
        )
        hint = Message("use one of {expected}", expected=_choices(expected))
    else:
        hint = _TYPE_HINTS.get(etype) or _FIELD_HINTS.get(_field_name(loc), _README)
        if isinstance(value, (str, int, float, bool)) or value is None:
            message = Message(
                "{label}: {field} {value}: {reason}",
                label=label,
                field=where,
                value=shown(value),
                reason=_reason(error),
            )
        else:
            message = Message("{label}: {field}: {reason}", label=label, field=where, reason=_reason(error))
    return origin.problem(loc, message, hint)


def _reason(error: ErrorDetails) -> str:
    """What pydantic says is wrong, as a Message: our own validator's (raised as ValueError with a
    Message), else pydantic's English with its error type's translation."""
    context = error.get("ctx") or {}
    raised = context.get("error")
    if isinstance(raised, ValueError) and raised.args and isinstance(raised.args[0], Message):
        return raised.args[0]
    text = error["msg"]
    if error["type"] == "value_error":
        text = text.removeprefix("Value error, ")
    key = f"pydantic:{error['type']}"
    if has(key, "ko"):
        return Message.english(text, key, **context)
    return Message.english(text, "the value is not valid: {reason}", reason=repr(text))


def _choices(expected: str) -> str:
    """pydantic's list of the values a literal allows ("'a', 'b' or 'c'"), joined in the user's language."""
    import re

    values = re.findall(r"'(?:[^'\\]|\\.)*'", expected)
    if len(values) < 2 or ", ".join(values[:-1]) + f" or {values[-1]}" != expected:
        return expected
    return Message.english(expected, "{choices} or {last}", choices=", ".join(values[:-1]), last=values[-1])


_README = Message("see the data format in the README")
_TYPE_HINTS = {
    "list_type": Message("write a YAML list, e.g. [a, b] or one '- item' per line"),
    "dict_type": Message("write a mapping, e.g. {en: ..., ko: ...}"),
    "model_type": Message("write a mapping of keys to values"),
    "string_type": Message("write text; quote it if YAML reads it as a number, date or boolean"),
    "string_too_short": Message("write a non-empty value or leave the key out"),
    "string_too_long": Message("shorten the text"),
    "control_character": Message(
        "remove it: names and text may not hold terminal escapes, carriage returns, "
        "tabs or invisible formatting characters (newlines only in summaries and notes)"
    ),
}
_FIELD_HINTS = {
    "date": Message("write YYYY, YYYY-MM or YYYY-MM-DD, quoted"),
    "parameters": Message("write the count with a suffix, e.g. 117M, 7B, 1.6T"),
    "sources": Message("use https:// URLs, arXiv:NNNN.NNNNN or doi:10.…"),
    "note": Message("add a note saying who estimates the figure, with its source in sources"),
    "summary.en": Message("add summary: {en: ...}"),
    "summary.ko": Message("add a Korean summary: summary: {ko: ...}"),
    "names.ko": Message("add names: {ko: ...}"),
    "parameters_status": Message("use disclosed, estimated or unknown"),
    "relation": Message("see the relation vocabulary in the README"),
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
