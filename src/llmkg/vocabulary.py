"""The closed vocabularies of llmkg: kinds, relations and the kinds each relation may join."""

from __future__ import annotations

from typing import Final

KINDS: Final = ("model", "system", "paper", "dataset", "organization", "concept")
DATED_KINDS: Final = frozenset({"model", "system", "paper"})

_ANY = frozenset(KINDS)
_BUILT = frozenset({"model", "system"})

# relation -> (kinds allowed as source, kinds allowed as target)
RELATIONS: Final[dict[str, tuple[frozenset[str], frozenset[str]]]] = {
    "successor_of": (_BUILT | {"dataset"}, _BUILT | {"dataset"}),
    "fine_tuned_from": (_BUILT, _BUILT),
    "distilled_from": (_BUILT, _BUILT),
    "derived_from": (_BUILT | {"dataset"}, _BUILT | {"dataset"}),
    "based_on": (_BUILT, frozenset({"concept"})),
    "evolved_from": (frozenset({"concept"}), frozenset({"concept"})),
    "developed_by": (_ANY - {"organization"}, frozenset({"organization"})),
    "introduced_in": (
        frozenset({"concept", "model", "system", "dataset"}),
        frozenset({"paper", "model", "system"}),
    ),
    "uses": (_BUILT | {"concept"}, _BUILT | {"concept", "dataset"}),
    "part_of": (
        frozenset({"concept", "model", "system", "organization"}),
        frozenset({"concept", "system", "organization"}),
    ),
    "is_a": (_BUILT | {"concept"}, frozenset({"concept"})),
    "addresses": (_BUILT | {"concept", "paper"}, frozenset({"concept"})),
    "trained_on": (_BUILT, frozenset({"dataset"})),
    "application_of": (frozenset({"concept", "system"}), _BUILT | {"concept"}),
    "limitation_of": (frozenset({"concept"}), _BUILT | {"concept"}),
    "related_to": (_ANY, _ANY),
}

# Lineage relations point from the newer thing to what it came from.
LINEAGE: Final = frozenset(
    {"successor_of", "fine_tuned_from", "distilled_from", "derived_from", "based_on", "evolved_from"}
)

# Relations llmkg derives from record fields rather than from `relations:` entries.
FIELD_RELATIONS: Final = {"organizations": "developed_by", "architecture": "based_on"}

# How each relation reads from the other end, naming the role of the record it comes from:
# GPT-4 Turbo --successor_of--> GPT-4 shows on GPT-4's card as "succeeded by ← GPT-4 Turbo".
INVERSE: Final = {
    "successor_of": "succeeded by",
    "fine_tuned_from": "fine-tuned into",
    "distilled_from": "distilled into",
    "derived_from": "derived into",
    "based_on": "basis of",
    "evolved_from": "evolved into",
    "developed_by": "developer of",
    "introduced_in": "introduces",
    "uses": "used by",
    "part_of": "has part",
    "is_a": "has kind",
    "addresses": "addressed by",
    "trained_on": "training data of",
    "application_of": "has application",
    "limitation_of": "has limitation",
    "related_to": "related to",
}
INVERSE_LINEAGE: Final = {relation: INVERSE[relation] for relation in LINEAGE}  # for trees of descendants
