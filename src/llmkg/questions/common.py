"""What several questions share: the order of records in time, date bounds, prominence, the records
within some edges of one, the refusal of an unknown choice."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import dates
from ..errors import UsageError, shown
from ..i18n import term

if TYPE_CHECKING:
    from ..record import RecordView
    from ..store import Store

SHOWN_BY_DEFAULT = ("landmark", "major")
PROMINENCE = {"landmark": 0, "major": 1, "minor": 2}  # lower is more prominent; unset is 3
# When two records are joined by several lineage relations, name the most specific.
LINEAGE_ORDER = (
    "fine_tuned_from",
    "distilled_from",
    "derived_from",
    "successor_of",
    "evolved_from",
    "based_on",
)


def prominence(notability: str | None) -> int:
    return PROMINENCE.get(notability or "", 3)


def sort_key(record: RecordView) -> tuple[object, ...]:
    """Oldest first; undated last; then by name."""
    if record.date:
        when = dates.parse(record.date)
        return (0, when.earliest, when.precision != "day", record.name.casefold())
    return (1, None, False, record.name.casefold())


def date_bound(text: str | int | None, what: str) -> dates.PartialDate | None:
    """A START or END given as a year or a date; UsageError naming `what` when it is neither."""
    if text is None:
        return None
    try:
        return dates.parse(str(text))
    except ValueError as exc:
        raise UsageError(
            "{what}: {reason}", what=what, reason=exc.args[0] if exc.args else str(exc)
        ) from None


def record_label(record: RecordView, lang: str) -> str:
    """A record's name with its date and kind: "GPT-4 (2023-03-14, model)"."""
    from ..i18n import t

    detail = ", ".join(filter(None, [record.date, t(record.kind, lang)]))
    return f"{record.label(lang)} ({detail})"


def brief(record: RecordView) -> dict[str, object]:
    """The smallest JSON of a record: its id, name and kind."""
    return {"id": record.id, "name": record.name, "kind": record.kind}


def organizations_text(kg: Store, record: RecordView, lang: str, limit: int | None = None) -> str:
    """The record's organizations by name, at most `limit` of them and "+N" for the rest."""
    names = [
        organization.label(lang) for organization in kg.present(list(getattr(record, "organizations", [])))
    ]
    if limit is not None and len(names) > limit:
        names = [*names[:limit], f"+{len(names) - limit}"]
    return ", ".join(names)


def organization_and_parts(kg: Store, name: str) -> set[str]:
    """The organization `name` and every organization that is part of it, transitively."""
    root = kg.resolve(name)
    if root.kind != "organization":
        raise UsageError("{name} is a {kind}, not an organization", name=shown(name), kind=term(root.kind))
    return kg.closure({root.id}, "part_of", "in")


def refuse_unknown(given: Iterable[str], known: Iterable[str], template: str, field: str) -> None:
    """UsageError from `template` ("unknown kind {kinds}; use one of: {choices}") naming in `field`
    the values of `given` that are not `known`, when there are any."""
    choices = list(known)
    unknown = set(given) - set(choices)
    if unknown:
        values = shown(", ".join(sorted(unknown)), quote=False)
        raise UsageError(template, **{field: values, "choices": ", ".join(choices)})


def distances(kg: Store, center: str, depth: int, allowed: set[str] | None = None) -> dict[str, int]:
    """Every record within `depth` edges of `center`, either way (only along `allowed` relations
    when given), with its distance; read from the index edge by edge, not from the full graph."""
    distance = {center: 0}
    queue = deque([center])
    while queue:
        node = queue.popleft()
        if distance[node] >= depth:
            continue
        for direction in ("out", "in"):
            for source, target, data in kg.edges(node, direction):
                if allowed and data["relation"] not in allowed:
                    continue
                other = target if direction == "out" else source
                if other not in distance:
                    distance[other] = distance[node] + 1
                    queue.append(other)
    return distance
