"""The records of llmkg as pydantic models: the one place where a record's rules live."""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Annotated, Literal, Union

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import dates
from .counts import parse_count
from .errors import shown
from .fields import Shown
from .i18n import Message
from .vocabulary import RELATIONS

# The order in which a record's fields are written (data files), stored, shown (cards) and
# exported; a test checks that it names every field of every kind, so none can be forgotten.
FIELD_ORDER: tuple[str, ...] = (
    "id", "kind", "name", "aliases", "names", "summary", "date", "organizations", "parameters",
    "parameters_status", "architecture", "openness", "notability", "training_compute", "training_tokens",
    "context_length", "license", "checkpoints", "sources", "xrefs", "note", "disputes", "relations",
)  # fmt: skip

SLUG_PATTERN = r"^[a-z0-9][a-z0-9.-]*$"
_ARXIV = re.compile(r"^arXiv:([0-9]{4}\.[0-9]{4,5}|[a-z-]+(\.[A-Z]{2})?/[0-9]{7})(v[0-9]+)?$")
_DOI = re.compile(r"^doi:10\.[0-9]{4,9}/\S+$")
_HUGGINGFACE = r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)?$"
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$")


# Characters no name or text may hold: C0/C1 controls (terminal escapes, carriage returns), format
# characters (bidirectional overrides such as U+202E, zero-width spaces, soft hyphens), lone
# surrogates and the Unicode line and paragraph separators. They are invisible or rewrite what a
# terminal shows; the zero-width joiner and non-joiner stay allowed, as some scripts spell with them.
_REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Zl", "Zp"}
_JOINERS = {"\u200c", "\u200d"}
_CONTROL_NAMES = {
    "\t": Message("tab"),
    "\n": Message("newline"),
    "\r": Message("carriage return"),
    "\x1b": Message("escape"),
    "\x00": Message("NUL"),
}


def _refuse_controls(value: str, allowed: str = "") -> str:
    if value.isprintable():  # the usual case, checked at C speed
        return value
    for position, char in enumerate(value, 1):
        if char in allowed or char in _JOINERS:
            continue
        if unicodedata.category(char) in _REFUSED_CATEGORIES:
            raise PydanticCustomError(
                "control_character",
                "holds {code} ({what}) at character {position}",
                {
                    "code": f"U+{ord(char):04X}",
                    "what": _CONTROL_NAMES.get(char) or _unicode_name(char),
                    "position": position,
                },
            )
    return value


def _unicode_name(char: str) -> str:
    """The character's Unicode name, as English reads it ("right-to-left override")."""
    name = unicodedata.name(char, "")
    if not name:
        return Message("a control character")
    return Message.english(name.lower(), "Unicode character {name}", name=name)


def _check_label(value: str) -> str:
    return _refuse_controls(value)


def _check_text(value: str) -> str:
    return _refuse_controls(value, allowed="\n")


def _check_source(value: str) -> str:
    _refuse_controls(value)
    if _URL.match(value) or _ARXIV.match(value) or _DOI.match(value):
        return value
    raise ValueError(
        Message(
            "{value} is not a source: use an https:// URL, arXiv:NNNN.NNNNN or doi:10.…", value=shown(value)
        )
    )


def _check_date(value: str) -> str:
    dates.parse(value)
    return value


def _check_relation(value: str) -> str:
    if value not in RELATIONS:
        raise ValueError(
            Message(
                "{value} is not a relation; use one of: {relations}",
                value=shown(value),
                relations=", ".join(RELATIONS),
            )
        )
    return value


def _year_as_text(value: object) -> object:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=100)]
# Long text (summaries, notes) may run over several lines; a label (a name, an alias, a value) is one line.
Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000), AfterValidator(_check_text)]
Label = Annotated[str, StringConstraints(min_length=1, max_length=300), AfterValidator(_check_label)]
Source = Annotated[str, AfterValidator(_check_source)]
DateText = Annotated[str, BeforeValidator(_year_as_text), AfterValidator(_check_date)]
Count = Annotated[int, BeforeValidator(parse_count)]
Openness = Literal["closed", "open-weights", "open-source"]
Notability = Literal["landmark", "major", "minor"]
ParametersStatus = Literal["disclosed", "estimated", "unknown"]
MeasureStatus = Literal["disclosed", "estimated"]
Confidence = Literal["confident", "likely", "speculative"]
Evidence = Literal["stated", "reported", "inferred"]
LicenseId = Annotated[
    str, StringConstraints(pattern=r"^(proprietary|LicenseRef-[A-Za-z0-9.-]+|[A-Za-z0-9][A-Za-z0-9.+-]*)$")
]
RelationName = Annotated[str, AfterValidator(_check_relation)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Names(Strict):
    ko: Label | None = None


class Summary(Strict):
    en: Text | None = None
    ko: Text | None = None


class XRefs(Strict):
    epoch: Label | None = None
    wikidata: Annotated[str, StringConstraints(pattern=r"^Q[1-9][0-9]*$")] | None = None
    arxiv: Annotated[str, StringConstraints(pattern=r"^[0-9]{4}\.[0-9]{4,5}$")] | None = None
    huggingface: Annotated[str, StringConstraints(pattern=_HUGGINGFACE)] | None = None


def _disputable(field: str) -> str:
    """A field that another source's value may be given for: one declared `disputable`."""
    allowed = [name for name, spec in disputable_fields().items() if spec]
    if field not in allowed:
        raise ValueError(
            Message(
                "{value} cannot be disputed; use one of: {fields}",
                value=shown(field),
                fields=", ".join(allowed),
            )
        )
    return field


class Dispute(Strict):
    """A value another source gives for one of this record's facts, and why llmkg differs."""

    field: Annotated[str, AfterValidator(_disputable)]
    value: Label
    source: Label
    note: Text


class RelationEntry(Strict):
    relation: RelationName
    target: Slug
    # How sure a lineage link is: the developer says so (stated), a credible third party does
    # (reported), or only naming and timing suggest it (inferred).
    evidence: Evidence | None = None
    note: Text | None = None
    sources: list[Source] = []


def _positive_number(value: object) -> object:
    """A FLOP or token figure: a number (3.14e23) or a count with a suffix (15T)."""
    if isinstance(value, str):
        return float(parse_count(value))
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < math.inf:
        raise ValueError(
            Message("{value} is not a positive number such as 3.14e23 or 15T", value=shown(value))
        )
    return float(value)


class Measure(Strict):
    """A figure about a model (training compute, training tokens, context length) and its provenance."""

    value: Annotated[float, BeforeValidator(_positive_number)]
    status: MeasureStatus
    source: Source
    estimated_by: Label | None = None  # who estimates it (e.g. Epoch AI), when status is estimated
    confidence: Confidence | None = None  # the estimator's own confidence, e.g. Epoch AI's
    note: Text | None = None

    @model_validator(mode="after")
    def _estimate_names_its_author(self) -> Measure:
        if self.status == "estimated" and not self.estimated_by:
            raise ValueError(
                Message("{field}: an estimate names who estimates it (e.g. Epoch AI)", field="estimated_by")
            )
        return self


class License(Strict):
    """The licence of a model's weights: an SPDX id, LicenseRef-… for a custom one, or proprietary."""

    id: LicenseId
    source: Source
    note: Text | None = None


class Checkpoint(Strict):
    """One size or variant published with a model release (LLaMA-7B within LLaMA)."""

    name: Label
    parameters: Count | None = None
    parameters_status: ParametersStatus | None = None
    date: DateText | None = None
    training_compute: Measure | None = None
    training_tokens: Measure | None = None
    xrefs: XRefs | None = None
    note: Text | None = None
    disputes: list[Dispute] = []


class Record(Strict):
    id: Annotated[Slug, Shown(en="Id")]
    name: Annotated[Label, Shown(style="hidden")]
    aliases: Annotated[list[Label], Shown()] = []
    names: Annotated[Names, Shown(style="korean-name", en="Korean name")] = Names()
    summary: Annotated[Summary, Shown(style="summary")] = Summary()
    date: Annotated[DateText | None, Shown(disputable=True)] = None
    sources: Annotated[list[Source], Shown(style="each")] = []
    xrefs: Annotated[XRefs, Shown(en="Cross-references")] = XRefs()
    note: Annotated[Text | None, Shown()] = None
    disputes: Annotated[list[Dispute], Shown(style="disputes")] = []
    relations: Annotated[list[RelationEntry], Shown(style="relations")] = []

    def label(self, lang: str = "en") -> str:
        return (self.names.ko if lang == "ko" else None) or self.name

    def describe(self, lang: str = "en") -> str | None:
        if lang == "ko":
            return self.summary.ko or self.summary.en
        return self.summary.en

    @model_validator(mode="after")
    def _sourced_and_summarised(self) -> Record:
        if self.kind != "organization":  # type: ignore[attr-defined]
            if not self.sources:
                raise ValueError(
                    Message("{field}: at least one source is required (URL or arXiv id)", field="sources")
                )
            if not self.summary.en:
                raise ValueError(Message("{field}: an English summary is required", field="summary.en"))
        return self


Organizations = Annotated[list[Slug], Shown(style="record", disputable=True)]
Kind = Shown(style="term")


class _Organised(Record):
    organizations: Organizations = []
    notability: Notability | None = None


class Model(_Organised):
    kind: Annotated[Literal["model"], Kind]
    date: Annotated[DateText, Shown(disputable=True)]
    organizations: Annotated[Organizations, Field(min_length=1)]
    parameters: Annotated[Count | None, Shown(style="count", disputable=True)] = None
    parameters_status: Annotated[ParametersStatus, Shown(style="parameters-status")]
    architecture: Annotated[Slug, Shown(style="record")]
    openness: Annotated[Openness, Shown(style="term")]
    notability: Annotated[Notability, Shown(style="term")]
    # tokens seen in pre-training; FLOP; tokens at release
    training_compute: Annotated[
        Measure | None,
        Shown(style="measure", unit="FLOP", number="scientific", coverage=True, disputable=True),
    ] = None
    training_tokens: Annotated[
        Measure | None, Shown(style="measure", unit="tokens", number="count", coverage=True, disputable=True)
    ] = None
    context_length: Annotated[
        Measure | None,
        Shown(style="measure", unit="tokens", number="grouped", coverage=True, disputable=True),
    ] = None
    license: Annotated[License | None, Shown(style="licence", coverage=True, disputable=True)] = None
    checkpoints: Annotated[list[Checkpoint], Shown(style="checkpoints")] = []  # fmt: skip

    @model_validator(mode="after")
    def _parameters_agree_with_status(self) -> Model:
        if self.parameters is None and self.parameters_status != "unknown":
            raise ValueError(
                Message(
                    "{field}: missing, but parameters_status is {status}; write the count or set "
                    "parameters_status: unknown",
                    field="parameters",
                    status=repr(self.parameters_status),
                )
            )
        if self.parameters is not None and self.parameters_status == "unknown":
            raise ValueError(
                Message(
                    "{field}: 'unknown' but parameters are given; use 'disclosed' or 'estimated'",
                    field="parameters_status",
                )
            )
        if self.parameters_status == "estimated" and not self.note:
            raise ValueError(
                Message("{field}: estimated parameters need a note saying who estimates them", field="note")
            )
        return self


class System(_Organised):
    kind: Annotated[Literal["system"], Kind]
    date: DateText
    openness: Openness | None = None


class Paper(_Organised):
    kind: Annotated[Literal["paper"], Kind]
    date: DateText


class Dataset(_Organised):
    kind: Annotated[Literal["dataset"], Kind]


class Organization(Record):
    kind: Annotated[Literal["organization"], Kind]


class Concept(Record):
    kind: Annotated[Literal["concept"], Kind]
    notability: Notability | None = None

    @model_validator(mode="after")
    def _bilingual(self) -> Concept:
        if not self.names.ko:
            raise ValueError(Message("{field}: a concept needs a Korean name", field="names.ko"))
        if not self.summary.ko:
            raise ValueError(Message("{field}: a concept needs a Korean summary", field="summary.ko"))
        return self


AnyRecord = Annotated[
    Union[Model, System, Paper, Dataset, Organization, Concept], Field(discriminator="kind")
]

_ADAPTER: TypeAdapter[AnyRecord] | None = None


def record_adapter() -> TypeAdapter[AnyRecord]:
    global _ADAPTER
    if _ADAPTER is None:
        _ADAPTER = TypeAdapter(AnyRecord)
    return _ADAPTER


def disputable_fields() -> dict[str, bool]:
    """{field: whether another source's value for it may be recorded under `disputes`}."""
    global _DISPUTABLE
    if _DISPUTABLE is None:
        found: dict[str, bool] = {}
        for model in (Model, System, Paper, Dataset, Organization, Concept):
            for name, info in model.model_fields.items():
                shown = [m for m in info.metadata if isinstance(m, Shown)]
                found[name] = found.get(name, False) or any(m.disputable for m in shown)
        _DISPUTABLE = found
    return _DISPUTABLE


_DISPUTABLE: dict[str, bool] | None = None
