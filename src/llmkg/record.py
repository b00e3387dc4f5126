"""A validated record as the queries see it: read-only attribute access over its stored fields.

The compiled index stores each record as the JSON of its validated schema object, every field
present (defaults included). Answering a query wraps that JSON instead of rebuilding pydantic
objects, so `show`, `search` and name resolution never import pydantic. Attribute names and
values are the schema's: `record.names.ko`, `record.parameters`, `record.checkpoints[0].name`.
"""

from __future__ import annotations

from typing import Any


def _wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return RecordView(value)
    if isinstance(value, list):
        return [_wrap(item) for item in value]
    return value


def compact(value: Any) -> Any:
    """`value` without None, empty lists and empty mappings, at any depth (as JSON output wants)."""
    if isinstance(value, dict):
        kept = {key: compact(item) for key, item in value.items()}
        return {key: item for key, item in kept.items() if item is not None and item != [] and item != {}}
    if isinstance(value, list):
        return [compact(item) for item in value]
    return value


class RecordView:
    """Fields of a record (or of one of its parts, such as a checkpoint) as attributes."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]) -> None:
        object.__setattr__(self, "_data", data)

    def __getattr__(self, name: str) -> Any:
        try:
            return _wrap(self._data[name])
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("records are read-only")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RecordView) and other._data == self._data

    def __hash__(self) -> int:
        return hash(self._data.get("id"))

    def __repr__(self) -> str:
        return f"RecordView({self._data.get('id') or self._data!r})"

    def fields(self) -> dict[str, Any]:
        """The stored fields as plain JSON values (a copy)."""
        import copy

        return copy.deepcopy(self._data)

    def model_dump(self, exclude_none: bool = False, **_ignored: object) -> dict[str, Any]:
        """Like pydantic's `model_dump`, for code written against the schema objects."""
        data = self.fields()
        return compact(data) if exclude_none else data

    def label(self, lang: str = "en") -> str:
        names = self._data.get("names") or {}
        korean = names.get("ko") if lang == "ko" else None
        return str(korean or self._data["name"])

    def describe(self, lang: str = "en") -> str | None:
        summary = self._data.get("summary") or {}
        text = (summary.get("ko") or summary.get("en")) if lang == "ko" else summary.get("en")
        return None if text is None else str(text)
