"""The licences model records name, with their terms, and what a model's lineage lets its users do.

`licences.yaml`, which comes with llmkg, holds every licence id the data uses (SPDX ids,
`LicenseRef-…`, `proprietary`, `NONE`): its name, the URL of its text, whether it allows
commercial use (yes, no, conditional), and its terms, each quoted from the licence with where it
was read. For `proprietary`, the developers' terms of use that restrict training on outputs. Any
record with a known id is judged by these terms, the user's own records (`--data`) included.

`judge` reads a model's licence together with those of the models it was fine-tuned, distilled
or derived from (a successor inherits no weights, so `successor_of` is not followed): the
verdict on commercial use is the most restrictive along the chain, the obligations are every
term that flows down, and a conflict is a licence that grants more than an upstream one allows.
It knows nothing of the store, so the index can record every model's verdict when it is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

INHERITED = ("fine_tuned_from", "distilled_from", "derived_from")
VERDICTS = ("yes", "conditional", "unknown", "no")  # from the least to the most restrictive
TERM_KINDS = ("commercial_use", "attribution", "share_alike", "naming", "use_restrictions", "user_cap",
              "output_training")  # fmt: skip
_PREFIX = re.compile(r"[“\"]([^”\"]+)[”\"] at the beginning")


@dataclass(frozen=True)
class Term:
    kind: str
    text: str
    source: str
    value: str | None = None  # yes | no | conditional, for the commercial_use term


@dataclass(frozen=True)
class Terms:
    id: str
    name: str
    url: str | None
    commercial_use: str
    terms: tuple[Term, ...]
    note: str | None = None
    developers: dict[str, tuple[Term, ...]] = field(default_factory=dict)  # proprietary: terms of use

    def of(self, kind: str) -> list[Term]:
        return [term for term in self.terms if term.kind == kind]

    def name_prefix(self) -> str | None:
        """What a derivative's name must begin with, when the licence says so ("Llama")."""
        for term in self.of("naming"):
            found = _PREFIX.search(term.text)
            if found:
                return found.group(1)
        return None


def _terms(items: list[dict[str, Any]]) -> tuple[Term, ...]:
    return tuple(Term(t["kind"], t["text"], t["source"], t.get("value")) for t in items)


@cache
def vocabulary() -> dict[str, Terms]:
    """Every licence llmkg knows, by id."""
    import yaml

    from .paths import LICENCE_TERMS

    text = LICENCE_TERMS.read_text(encoding="utf-8")
    loaded = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    found = {}
    for entry in loaded:
        developers = {
            org: _terms(about.get("terms", [])) for org, about in (entry.get("developers") or {}).items()
        }
        found[entry["id"]] = Terms(
            entry["id"], entry["name"], entry.get("url"), str(entry.get("commercial_use", "unknown")),
            _terms(entry.get("terms", [])), entry.get("note"), developers,
        )  # fmt: skip
    return found


@dataclass(frozen=True)
class Party:
    """A model as the licences see it."""

    id: str
    name: str
    licence: str | None
    openness: str | None
    organizations: tuple[str, ...] = ()
    names: tuple[str, ...] = ()  # its aliases and checkpoint names, which a naming rule may be met by

    @property
    def effective_licence(self) -> str | None:
        """Its licence; a closed model without one is proprietary: its weights are not released."""
        return self.licence or ("proprietary" if self.openness == "closed" else None)


@dataclass(frozen=True)
class Link:
    """An upstream model, reached from `via` by `relation`, `depth` steps from the model judged."""

    party: Party
    relation: str
    evidence: str | None
    depth: int
    via: str
    through_outputs: bool = False  # reached past a distillation: no weights of it came down

    @property
    def as_outputs(self) -> bool:
        """Whether only this model's outputs, not its weights, stand behind the model judged."""
        return self.relation == "distilled_from" or self.through_outputs


@dataclass(frozen=True)
class Obligation:
    source_id: str  # the model whose licence or terms it comes from
    licence: str
    kind: str
    text: str
    source: str


@dataclass(frozen=True)
class Reason:
    """A sentence with its values apart, so it can be said in any language (llmkg.i18n has the
    Korean of each template); `str()` is the English."""

    template: str
    values: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return self.template.format(**dict(self.values))


def reason(template: str, **values: str) -> Reason:
    return Reason(template, tuple(values.items()))


@dataclass(frozen=True)
class Conflict:
    id: str
    upstream: str
    reason: Reason


@dataclass
class Judgement:
    commercial_use: str
    reasons: list[Reason]  # why, for conditional and no; what is missing, for unknown
    obligations: list[Obligation]
    conflicts: list[Conflict]
    verdicts: dict[str, str]  # each party's own verdict, by id


def verdict_of(party: Party, relation: str | None = None) -> tuple[str, Reason | None]:
    """(verdict, reason) for one party: its licence's commercial use, or for a closed model whose
    outputs were distilled, what its developer's terms say of outputs."""
    licence = party.effective_licence
    name = party.name
    if licence is None:
        return "unknown", reason("{name} has no licence recorded", name=name)
    terms = vocabulary().get(licence)
    if terms is None:
        said = "the terms of {licence} ({name}) are not known to llmkg"
        return "unknown", reason(said, licence=licence, name=name)
    if relation == "distilled_from" and licence == "proprietary":
        restricted = _developer_terms(terms, party, "output_training")
        if restricted:
            return "conditional", reason(
                "trained on outputs of {name}, whose developer's terms restrict using them", name=name
            )
        return "unknown", reason("the terms of use of {name}'s developer are not known to llmkg", name=name)
    if licence == "NOASSERTION":
        return "unknown", reason("the licence of {name} could not be determined", name=name)
    if terms.commercial_use == "unknown":
        said = "the text of {licence} ({name}) could not be read"
        return "unknown", reason(said, licence=licence, name=name)
    template = {
        "no": "{licence} ({name}) does not allow commercial use",
        "conditional": "{licence} ({name}) allows commercial use on conditions",
    }.get(terms.commercial_use)
    return terms.commercial_use, reason(template, licence=licence, name=name) if template else None


def _developer_terms(terms: Terms, party: Party, kind: str) -> list[Term]:
    return [t for org in party.organizations for t in terms.developers.get(org, ()) if t.kind == kind]


def judge(model: Party, chain: list[Link]) -> Judgement:
    """What `model` may be used for, given its licence and those of its upstream `chain`: the most
    restrictive verdict of them all, with the reasons that make it so."""
    # A proprietary model behind a distillation (GPT-3.5 behind ChatGPT, whose outputs trained
    # Vicuna) passes on only its developer's terms on outputs, as the teacher itself does.
    judged = [
        (model, None),
        *((link.party, "distilled_from" if link.through_outputs else link.relation) for link in chain),
    ]
    verdicts: dict[str, str] = {}
    found: list[tuple[str, Reason | None]] = []
    obligations: list[Obligation] = []
    for party, relation in judged:
        verdict, reason = verdict_of(party, relation)
        verdicts.setdefault(party.id, verdict)
        found.append((verdict, reason))
        obligations += _obligations(party, relation)
    worst = max((verdict for verdict, _reason in found), key=VERDICTS.index)
    reasons = list(dict.fromkeys(said for verdict, said in found if verdict == worst and said))
    conflicts = [conflict for link in chain for conflict in _conflicts(model, link, verdicts)]
    return Judgement(worst, reasons, _unique(obligations), _unique(conflicts), verdicts)


def _obligations(party: Party, relation: str | None) -> list[Obligation]:
    licence = party.effective_licence
    terms = vocabulary().get(licence) if licence else None
    if licence is None or terms is None:
        return []
    if licence == "proprietary":
        if relation != "distilled_from":
            return []  # no weights came from it: only its outputs' terms can flow down
        chosen = _developer_terms(terms, party, "output_training")
    else:
        chosen = [t for t in terms.terms if not (t.kind == "commercial_use" and t.value == "yes")]
    return [Obligation(party.id, licence, t.kind, t.text, t.source) for t in chosen]


def _conflicts(model: Party, link: Link, verdicts: dict[str, str]) -> list[Conflict]:
    """What `model`'s licence grants beyond what `link`'s model allows. A developer licensing a
    model built on its own earlier one is free to (DeepSeek-R1 under MIT on DeepSeek-V3): no
    conflict. Training on outputs concerns only the model that was trained on them."""
    upstream = link.party
    if set(model.organizations) & set(upstream.organizations):
        return []
    found: list[Reason] = []
    own = model.effective_licence
    theirs = upstream.effective_licence
    terms = vocabulary().get(theirs) if theirs else None
    if terms is None:
        return []
    own_verdict = verdicts.get(model.id, "unknown")
    weights = not (link.as_outputs and theirs == "proprietary")
    if weights and own_verdict in ("yes", "conditional") and terms.commercial_use == "no" and own != theirs:
        found.append(
            reason("{own} allows commercial use, but {upstream}'s {theirs} does not", own=str(own),
                   upstream=upstream.name, theirs=str(theirs))
        )  # fmt: skip
    if (
        weights
        and terms.of("share_alike")
        and own is not None
        and own != theirs
        and model.licence is not None
    ):
        found.append(
            reason("{upstream}'s {theirs} asks derivatives to keep its terms, but this model is under {own}",
                   upstream=upstream.name, theirs=str(theirs), own=str(own))
        )  # fmt: skip
    restricted = (
        terms.of("output_training")
        if theirs != "proprietary"
        else _developer_terms(terms, upstream, "output_training")
    )
    if link.relation == "distilled_from" and link.via == model.id and restricted:
        found.append(
            reason(
                "trained on outputs of {upstream}, whose terms restrict using outputs to train other models",
                upstream=upstream.name,
            )
        )  # fmt: skip
    prefix = terms.name_prefix()
    if weights and prefix and not any(_begins(name, prefix) for name in (model.name, *model.names)):
        found.append(
            reason("{upstream}'s {theirs} asks a derivative's name to begin with “{prefix}”",
                   upstream=upstream.name, theirs=str(theirs), prefix=prefix)
        )  # fmt: skip
    return [Conflict(model.id, upstream.id, said) for said in found]


def _begins(name: str, prefix: str) -> bool:
    def squeeze(text: str) -> str:
        return "".join(ch for ch in text.casefold() if ch.isalnum())

    return squeeze(name).startswith(squeeze(prefix))


def _unique(items: list[Any]) -> list[Any]:
    return list(dict.fromkeys(items))


def judge_all(
    parties: dict[str, Party], edges: list[tuple[str, str, str, str | None]]
) -> dict[str, Judgement]:
    """The judgement of every model in `parties`, from the (source, relation, target, evidence)
    edges among them."""
    upstream: dict[str, list[tuple[str, str, str | None]]] = {}
    for source, relation, target, evidence in edges:
        if relation in INHERITED and source in parties and target in parties:
            upstream.setdefault(source, []).append((target, relation, evidence))
    return {rid: judge(party, chain_of(rid, parties, upstream)) for rid, party in parties.items()}


def chain_of(
    rid: str, parties: dict[str, Party], upstream: dict[str, list[tuple[str, str, str | None]]]
) -> list[Link]:
    """Every model `rid` came from along fine_tuned_from, distilled_from and derived_from, nearest
    first (each once, at the depth it is first reached)."""
    links: list[Link] = []
    seen = {rid}
    outputs_only = {rid: False}  # whether the way to a model passes a distillation
    frontier = [rid]
    depth = 0
    while frontier:
        depth += 1
        following = []
        for child in frontier:
            for target, relation, evidence in sorted(upstream.get(child, [])):
                if target not in seen:
                    seen.add(target)
                    past = outputs_only[child]
                    outputs_only[target] = past or relation == "distilled_from"
                    links.append(Link(parties[target], relation, evidence, depth, child, past))
                    following.append(target)
        frontier = following
    return links
