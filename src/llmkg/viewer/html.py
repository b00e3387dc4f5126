"""The explorer page: one HTML file with the graph library, the app and the data inline.

Everything is inline so the file works from file://, offline, as an e-mail attachment or a file
in a repository; nothing is fetched when it opens.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..counts import format_count
from ..i18n import t
from ..vocabulary import KINDS, LINEAGE
from .words import WORDS

if TYPE_CHECKING:
    from ..questions.selection import Selection
    from ..record import RecordView
    from ..store import Store

_MARKER = re.compile(r"/\*@[A-Z]+@\*/")

# Words the page shows that llmkg's Korean vocabulary already translates.
_SHARED_WORDS = (
    *KINDS,
    "Date", "Name", "Kind", "Organizations", "Parameters", "Notability", "Aliases", "Summary",
    "Sources", "Relations", "Architecture", "Openness", "Checkpoints", "Note", "Disputes",
    "Cross-references", "Korean name", "landmark", "major", "minor", "closed", "open-weights",
    "open-source", "disclosed", "estimated", "unknown", "Year", "Id", "published with no licence",
)  # fmt: skip


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _card(kg: Store, record: RecordView) -> dict[str, Any]:
    """The `show --format json` card, with display helpers."""
    from ..questions.card import record_json

    card = record_json(kg, record)
    if card.get("parameters") is not None:
        card["parameters_text"] = format_count(card["parameters"])
    return card


def page_data(kg: Store, chosen: set[str], lang: str) -> dict[str, Any]:
    """Everything the page needs, as plain JSON."""
    from .layout import positions

    ids = sorted(chosen)
    edges = [
        [source, target, data["relation"], data.get("evidence")]
        for rid in ids
        for source, target, data in kg.edges(rid, "out")
        if target in chosen
    ]
    place = positions(ids, ((s, t, r) for s, t, r, _e in edges))
    cards = [_card(kg, kg[rid]) for rid in ids]
    linked = {relation["target"] for card in cards for relation in card["relations"]} - chosen
    linked |= {org for card in cards for org in card.get("organizations", []) if org not in chosen}
    outside = {rid: [kg[rid].name, kg[rid].names.ko] for rid in sorted(linked) if rid in kg}
    words = {word: t(word, "ko") for word in _SHARED_WORDS} | WORDS
    return {
        "lang": lang,
        "words": words,
        "kinds": list(KINDS),
        "lineage": sorted(LINEAGE),
        "records": cards,
        "positions": place,
        "edges": edges,
        "outside": outside,
    }


def _inline_json(data: object) -> str:
    # "<" escaped so no string in the data can close the script element.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def render(kg: Store, selection: Selection, lang: str = "en") -> tuple[str, int, int]:
    """The page for the selected records: (html, nodes, edges)."""
    data = page_data(kg, selection.node_ids(kg), lang)
    page = _asset("page.html")
    parts = {
        "/*@STYLE@*/": _asset("app.css"),
        "/*@CYTOSCAPE@*/": _asset("vendor/cytoscape.min.js"),
        "/*@DATA@*/": _inline_json(data),
        "/*@APP@*/": _asset("app.js"),
    }
    # One pass, so that nothing inserted is scanned for markers again.
    page = _MARKER.sub(lambda m: parts[m.group(0)].replace("</script", "<\\/script"), page)
    return page, len(data["records"]), len(data["edges"])
