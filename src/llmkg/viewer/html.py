"""The explorer page: one HTML file with the graph library, the app and the data inline.

Everything is inline so the file works from file://, offline, as an e-mail attachment or a file
in a repository; nothing is fetched when it opens. The page carries each record's card as the
typed pieces `show` draws (questions/card.py), every Korean word from llmkg.i18n, the search's
rules as data (questions/search.py), and the layouts (viewer/layout.py): it repeats no list of
fields, words or rules of its own.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..credits import ATTRIBUTION, DATA_LICENCE_URL
from ..i18n import korean
from ..licences import INHERITED
from ..vocabulary import KINDS, LINEAGE
from .hangul import font_face, hangul_in

if TYPE_CHECKING:
    from ..questions.selection import Selection
    from ..record import RecordView
    from ..store import Store

_MARKER = re.compile(r"/\*@[A-Z]+@\*/")
MOST_RECORDS = 20_000  # a bigger page takes minutes to write and is too slow to use


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _record(kg: Store, record: RecordView) -> dict[str, Any]:
    """What the page needs of one record: what it filters, draws and searches by, and its card."""
    from ..questions.card import card_lines

    compute = getattr(record, "training_compute", None)
    return {
        "id": record.id,
        "kind": record.kind,
        "name": record.name,
        "ko": record.names.ko,
        "aliases": list(record.aliases),
        "checkpoints": [c.name for c in getattr(record, "checkpoints", [])],
        "date": record.date,
        "notability": getattr(record, "notability", None),
        "openness": getattr(record, "openness", None),
        "organizations": list(getattr(record, "organizations", [])),
        "parameters": getattr(record, "parameters", None),
        "parameters_estimated": getattr(record, "parameters_status", None) == "estimated",
        "compute": compute.value if compute is not None else None,
        "compute_estimated": compute is not None and compute.status == "estimated",
        "summary": {"en": record.describe("en"), "ko": record.summary.ko},
        "card": card_lines(kg, record),
    }


def page_data(kg: Store, chosen: set[str], lang: str) -> dict[str, Any]:
    """Everything the page needs, as plain JSON."""
    from ..questions.search import FILLER, GENERIC, GENERIC_WEIGHT
    from .layout import network, tree

    ids = sorted(chosen)
    edges = [
        [source, target, data["relation"], data.get("evidence")]
        for rid in ids
        for source, target, data in kg.edges(rid, "out")
        if target in chosen
    ]
    records = [_record(kg, record) for record in kg.many(ids)]
    linked = {
        p["record"] for r in records for _f, pieces in r["card"] for p in pieces if "record" in p
    } - chosen
    outside = {rid: [kg[rid].name, kg[rid].names.ko] for rid in sorted(linked) if rid in kg}
    return {
        "lang": lang,
        "words": korean(),
        "fields": {name: spec["en"] for name, spec in kg.index.field_specs.items()}
        | {"commercial_use": "Commercial use"},
        "inherited": list(INHERITED),
        "kinds": list(KINDS),
        "lineage": sorted(LINEAGE),
        "records": records,
        "edges": edges,
        "outside": outside,
        "tree": tree(kg, chosen, lang),
        "network": network(ids, ((s, t, r) for s, t, r, _e in edges)),
        "search": {"filler": sorted(FILLER), "generic": sorted(GENERIC), "generic_weight": GENERIC_WEIGHT},
    }


def _inline_json(data: object) -> str:
    # "<" escaped so no string in the data can close the script element.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def render(kg: Store, selection: Selection, lang: str = "en") -> tuple[str, int, int]:
    """The page for the selected records: (html, nodes, edges)."""
    from ..errors import UsageError

    chosen = selection.node_ids(kg)
    if len(chosen) > MOST_RECORDS:
        raise UsageError(
            "the selection has {n:,} records; the explorer draws at most {most:,}: "
            "choose a part with --root NAME --depth N, --lineage NAME, --from/--to, --kind or --notability",
            n=len(chosen),
            most=MOST_RECORDS,
        )
    data = page_data(kg, chosen, lang)
    page = _asset("page.html")
    parts = {
        "/*@STYLE@*/": font_face(hangul_in([data, page])) + "\n" + _asset("app.css"),
        "/*@CYTOSCAPE@*/": _asset("vendor/cytoscape.min.js"),
        "/*@DATA@*/": _inline_json(data),
        "/*@APP@*/": _asset("app.js"),
        "/*@LICENSE@*/": html.escape(DATA_LICENCE_URL),
        "/*@CREDIT@*/": html.escape(ATTRIBUTION),
    }
    # One pass, so that nothing inserted is scanned for markers again.
    page = _MARKER.sub(lambda m: parts[m.group(0)].replace("</script", "<\\/script"), page)
    return page, len(data["records"]), len(data["edges"])
