"""`show`: one record — its JSON (every field of the schema), and its card.

The card is built once, here, as lines of typed pieces that `show` draws in the terminal and the
explorer draws in the page, so the two cannot drift:

    {"text": "…"}                         literal text
    {"word": "estimated"}                 a word of llmkg's vocabulary, said in the reader's language
                                          (with "values" to fill in: {"word": "by {who}", "values": …})
    {"field": "date"}                     a field's heading, said in the reader's language
    {"record": "gpt-4", "en": …, "ko": …}  a link to another record, by its name in either language
    {"url": "https://…", "text": "…"}     a source
    {"en": "…", "ko": "…"}                text written in both languages (a summary)
    {"chain": "alpaca"}                   where the verdict on commercial use comes from (the terminal
                                          names `llmkg licence`, the page lists the upstream models)

A line is (heading, pieces); a heading is a field's, said by its spec (schema.py's `Shown`).
Which pieces a field becomes depends on its style: one formatter per style, so a new field of an
existing style needs no code here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..counts import format_count
from ..i18n import t
from ..output import Answer, Card, Rows
from ..record import compact
from ..vocabulary import INVERSE

if TYPE_CHECKING:
    from ..record import RecordView
    from ..store import Store

Piece = dict[str, Any]
Line = tuple[str, list[Piece]]  # (field whose heading it is, pieces)


@dataclass
class Show(Answer):
    record: RecordView
    kg: Store = field(repr=False, compare=False)

    def json(self) -> dict[str, Any]:
        return record_json(self.kg, self.record)

    def tables(self, lang: str) -> list[Rows]:
        card = self.view(lang)
        return [
            Rows([t("Field", lang), t("Value", lang)], [list(line) for line in card.lines], title=card.title)
        ]

    def view(self, lang: str) -> Card:
        specs = self.kg.index.field_specs
        lines = [
            (heading(specs, name, lang), text(pieces, lang, specs))
            for name, pieces in card_lines(self.kg, self.record)
        ]
        return Card(self.record.label(lang), lines)


def show(kg: Store, name: str) -> Show:
    return Show(kg.resolve(name), kg)


def record_json(kg: Store, record: RecordView) -> dict[str, Any]:
    """The `show` shape: every field of the schema (None or [] where the kind lacks it) and every
    relation touching the record. Mappings and list items leave out their empty parts."""
    stored = record.fields()
    data: dict[str, Any] = {}
    for name, default in kg.index.field_defaults.items():
        value = stored.get(name, default)
        if name in ("names", "summary", "xrefs"):
            value = compact(value or {})
        elif name != "disputes":  # a dispute keeps every key, as the 0.1 shape had them
            value = compact(value)
        data[name] = value
    data["commercial_use"] = kg.index.commercial_use_of(record.id)  # through its lineage's licences
    data["relations"] = [
        {"relation": d["relation"], "target": target, "direction": "out", **_evidence(d)}
        for _s, target, d in kg.edges(record.id, "out")
    ] + [
        {"relation": d["relation"], "target": source, "direction": "in", **_evidence(d)}
        for source, _t, d in kg.edges(record.id, "in")
    ]
    return data


def _evidence(data: dict[str, Any]) -> dict[str, Any]:
    return {"evidence": data["evidence"]} if data.get("evidence") else {}


# --- the card ------------------------------------------------------------------------------------


def card_lines(kg: Store, record: RecordView) -> list[Line]:
    """The record's card: a line (or several) per field with a value, in field order."""
    data = record_json(kg, record)
    specs = kg.index.field_specs
    lines: list[Line] = []
    for name, spec in specs.items():
        value = data.get(name)
        if value is None or value == [] or value == {}:
            continue
        lines.extend(_FORMATTERS[spec["style"]](kg, record, name, value, spec))
    if data.get("commercial_use"):
        # The verdict through the licences of the models it came from; `llmkg licence` tells why.
        after = [i + 1 for i, (name, _pieces) in enumerate(lines) if name in ("license", "openness")]
        verdict = [{"word": data["commercial_use"]}, {"text": " — "}, {"chain": record.id}]
        lines.insert(max(after, default=len(lines)), ("commercial_use", verdict))
    return lines


def heading(specs: dict[str, dict[str, Any]], name: str, lang: str) -> str:
    """A field's heading in `lang`: its spec's English heading, in llmkg's words."""
    spec = specs.get(name) or {}
    return t(spec.get("en") or name.replace("_", " ").capitalize(), lang)


def text(pieces: list[Piece], lang: str, specs: dict[str, dict[str, Any]]) -> str:
    """The pieces as plain text in `lang`, as the terminal shows them."""
    out = []
    for piece in pieces:
        if "word" in piece:
            out.append(t(piece["word"], lang, **piece.get("values", {})))
        elif "field" in piece:
            out.append(heading(specs, piece["field"], lang))
        elif "chain" in piece:
            out.append(t("llmkg licence {id} says why", lang, id=piece["chain"]))
        elif "record" in piece:
            out.append((lang == "ko" and piece.get("ko")) or piece["en"])
        elif "url" in piece or "text" in piece:
            out.append(piece["text"])
        else:
            out.append((lang == "ko" and piece.get("ko")) or piece.get("en") or "")
    return "".join(out)


def _plain(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(value)


def _link(kg: Store, rid: str) -> Piece:
    if rid not in kg:
        return {"text": rid}
    other = kg[rid]
    return {"record": rid, "en": other.name, "ko": other.names.ko}


def _source(source: str) -> Piece:
    return {"url": source_url(source), "text": source}


def source_url(source: str) -> str:
    """A source as a link: arXiv ids and DOIs become their pages."""
    if source.startswith("arXiv:"):
        return "https://arxiv.org/abs/" + source.removeprefix("arXiv:")
    if source.startswith("doi:"):
        return "https://doi.org/" + source.removeprefix("doi:")
    return source


def _with_note(pieces: list[Piece], value: dict[str, Any]) -> list[Piece]:
    """A measure's or licence's pieces, followed by its note when it has one."""
    return pieces + ([{"text": f". {value['note']}"}] if value.get("note") else [])


Formatter = Callable[["Store", "RecordView", str, Any, dict[str, Any]], list[Line]]


def _text_line(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    return [(name, [{"text": _plain(value)}])]


def _hidden(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    return []


def _term(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    return [(name, [{"word": str(value)}])]


def _records(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    pieces: list[Piece] = []
    for index, rid in enumerate(value if isinstance(value, list) else [value]):
        pieces += ([{"text": ", "}] if index else []) + [_link(kg, rid)]
    return [(name, pieces)]


def _count(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    status = getattr(record, f"{name}_status", None)
    tail: list[Piece] = [{"text": " ("}, {"word": status}, {"text": ")"}] if status else []
    return [(name, [{"text": format_count(value)}, *tail])]


def _parameters_status(
    kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]
) -> list[Line]:
    # The status reads with the count; alone, it says why there is none ("unknown").
    counted = name.removesuffix("_status")
    return [] if getattr(record, counted, None) is not None else [(counted, [{"word": value}])]


def _number(value: float, style: str | None) -> str:
    if style == "scientific":
        return f"{value:.3g}"
    if style == "grouped":
        return f"{int(value):,}"
    return format_count(int(value))


def _measure(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    amount = _number(value["value"], spec.get("number"))
    unit: list[Piece] = [{"text": " "}, {"word": spec["unit"]}] if spec.get("unit") else []
    details: list[Piece] = [{"word": value["status"]}]
    if value.get("estimated_by"):
        details += [{"text": ", "}, {"word": "by {who}", "values": {"who": value["estimated_by"]}}]
    if value.get("confidence"):
        details += [{"text": ", "}, {"word": value["confidence"]}]
    pieces = [{"text": amount}, *unit, {"text": " ("}, *details, {"text": "); "}, _source(value["source"])]
    return [(name, _with_note(pieces, value))]


def _licence(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    # SPDX's NONE and NOASSERTION are easy to confuse (no licence; a licence not determined): say which.
    meaning = {"NONE": "published with no licence", "NOASSERTION": "licence not determined"}.get(value["id"])
    if meaning:
        shown: list[Piece] = [{"text": f"{value['id']} ("}, {"word": meaning}, {"text": ")"}]
    else:
        shown = [{"text": value["id"]}]
    return [(name, _with_note([*shown, {"text": "; "}, _source(value["source"])], value))]


def _summary(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    english = record.describe("en") or ""
    return [(name, [{"en": english, "ko": record.describe("ko") or english}])]


def _korean_name(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    return [(name, [{"text": value["ko"]}])] if value.get("ko") else []


def _checkpoints(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    lines: list[Line] = []
    for checkpoint in value:
        size = format_count(checkpoint.get("parameters"))
        lines.append((name, [{"text": checkpoint["name"] + (f" ({size})" if size else "")}]))
    return lines


def _disputes(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    lines: list[Line] = []
    for d in value:
        says = {"word": "{source} says {value}", "values": {"source": d["source"], "value": d["value"]}}
        lines.append((name, [{"field": d["field"]}, {"text": ": "}, says, {"text": f". {d['note']}"}]))
    return lines


def _relations(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    lines: list[Line] = []
    for relation in value:
        # Each line names the role of the record at the other end: an incoming relation reads as
        # its inverse (GPT-4's card: "succeeded by ← GPT-4 Turbo"; in Korean 후속작, not 전작).
        out = relation["direction"] == "out"
        word = relation["relation"] if out else INVERSE[relation["relation"]]
        arrow = "→" if out else "←"
        evidence = relation.get("evidence")
        weaker = (
            [{"text": " ("}, {"word": evidence}, {"text": ")"}] if evidence not in (None, "stated") else []
        )
        pieces = [
            {"word": word, "relation": word},
            *weaker,
            {"text": f" {arrow} "},
            _link(kg, relation["target"]),
        ]
        lines.append((name, pieces))
    return lines


def _each(kg: Store, record: RecordView, name: str, value: Any, spec: dict[str, Any]) -> list[Line]:
    return [(name, [_source(str(item))]) for item in value]


_FORMATTERS: dict[str, Formatter] = {
    "text": _text_line,
    "hidden": _hidden,
    "term": _term,
    "record": _records,
    "count": _count,
    "measure": _measure,
    "licence": _licence,
    "summary": _summary,
    "korean-name": _korean_name,
    "parameters-status": _parameters_status,
    "checkpoints": _checkpoints,
    "disputes": _disputes,
    "relations": _relations,
    "each": _each,
}

__all__ = ["Show", "card_lines", "heading", "record_json", "show", "text"]
