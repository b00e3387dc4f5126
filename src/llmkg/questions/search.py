"""`search`: records ranked by how well their names, aliases, Korean labels and summaries match."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..i18n import t
from ..names import label_parts, normalize
from ..output import Answer, Rows
from .common import brief, prominence

if TYPE_CHECKING:
    from ..record import RecordView
    from ..store import Store


class Search(list["Hit"], Answer):
    """The hits, best first (a list), with the query they answer."""

    def __init__(self, hits: list[Hit], query: str = "", kg: Store | None = None) -> None:
        super().__init__(hits)
        self.query = query
        self.kg = kg

    @property
    def hits(self) -> list[Hit]:
        return list(self)

    def json(self) -> list[dict[str, Any]]:
        return [
            {**brief(hit.record), "aliases": list(hit.record.aliases), "score": hit.score, "match": hit.match}
            for hit in self.hits
        ]

    def tables(self, lang: str) -> list[Rows]:
        headers = [t(h, lang) for h in ("Score", "Name", "Kind", "Id", "Aliases")]
        rows = [
            [
                str(h.score),
                h.record.label(lang),
                t(h.record.kind, lang),
                h.record.id,
                ", ".join(h.record.aliases[:4]),
            ]
            for h in self.hits
        ]
        return [Rows(headers, rows, fit=("whole", "name", "whole", "whole", "prose"), drop=(4, 3, 2))]

    def notes(self, lang: str, fmt: str) -> list[str]:
        if self.hits or self.kg is None:
            return []
        closest = ", ".join(self.kg[rid].label(lang) for rid in self.kg.suggest(self.query))
        message = t("no record matches {query}", lang, query=repr(self.query))
        return [message + (t("; the closest names: {names}", lang, names=closest) if closest else "")]


def search(kg: Store, query: str, limit: int = 10) -> Search:
    """The records best matching `query`, at most `limit` of them."""
    return Search(hits(kg, query, limit), query, kg)


@dataclass
class Hit:
    record: RecordView
    score: int
    match: str = "name"  # "name": a name, alias, Korean label or checkpoint; "summary": only a summary


# Scores, 0-100, in bands, so that any match on a name outranks a match found only in a summary:
_EXACT = 100.0  # the query is one of the record's names, ignoring case and punctuation
_PART = 98.0  # ... or one part of a "term (gloss)" name: 강화 학습(RLHF) for "RLHF"
_FUZZY = (70.0, 97.0)  # a name like the query (typos, words missing)
_SUMMARY = (40.0, 65.0)  # no name matches; some or all of the query's words are in a summary


def hits(kg: Store, query: str, limit: int = 10) -> list[Hit]:
    """Records ranked by how well their names, aliases, Korean labels and summaries match."""
    from rapidfuzz import fuzz, process, utils

    if limit < 1:
        raise UsageError("--limit must be at least 1")
    query = query.strip()
    if not query:
        raise UsageError("the search query is empty")
    key = normalize(query)
    labels: list[str] = []
    owners: list[str] = []
    for text, rid in kg.index.name_candidates(key):
        labels.append(text)
        owners.append(rid)
    best: dict[str, float] = {rid: _EXACT for rid in kg.index.records_named(key)}
    for text, rid in zip(labels, owners, strict=True):
        if rid not in best and key in {normalize(part) for part in label_parts(text)}:
            best[rid] = _PART
    low, high = _FUZZY
    for text, score, index in process.extract(
        query, labels, scorer=fuzz.WRatio, processor=utils.default_process, limit=None, score_cutoff=low
    ):
        whole = normalize(text)
        if len(whole) * 5 < len(key) * 3:
            # WRatio scores a short name found inside a longer query as a near match ("AWS" in
            # "scaling laws"); a plain ratio, which counts the missing letters, is fairer.
            score = fuzz.ratio(query, text, processor=utils.default_process)
            if score < low:
                continue
        # Between equally similar names, one that holds the whole query, best at its start, wins:
        # "Open-weights model" before "weights" for "open weights".
        score += 3 if whole.startswith(key) else 2 if key in whole else 0
        rid = owners[index]
        best[rid] = max(best.get(rid, 0.0), min(float(score), high))
    by_name = set(best)
    words = [word for word in query.casefold().split() if len(word) > 1]
    if words:
        floor, top = _SUMMARY
        for rid, found in kg.index.summary_matches(words).items():
            if rid not in by_name:
                best[rid] = floor + (top - floor) * found / len(words)
    # Rank by score, then prominence; only the records that can reach the top `limit` are read.
    by_score = sorted(best.items(), key=lambda item: -item[1])
    cutoff = round(by_score[limit - 1][1]) if len(by_score) >= limit else -1
    contenders = [(rid, score) for rid, score in by_score if round(score) >= cutoff]
    notability = kg.index.notability([rid for rid, _score in contenders])
    ranked = sorted(
        contenders,
        key=lambda item: (-round(item[1]), prominence(notability.get(item[0])), item[0]),
    )
    shown = ranked[:limit]
    records = kg.many([rid for rid, _score in shown])
    return [
        Hit(record, round(score), "name" if rid in by_name else "summary")
        for record, (rid, score) in zip(records, shown, strict=True)
    ]
