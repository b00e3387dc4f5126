"""`search`: records ranked by how well their names, aliases, Korean labels and summaries match."""

from __future__ import annotations

import functools
import math
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import UsageError, shown
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
        message = t("no record matches {query}", lang, query=shown(self.query))
        return [message + (t("; the closest names: {names}", lang, names=closest) if closest else "")]


def search(kg: Store, query: str, limit: int = 10) -> Search:
    """The records best matching `query`, at most `limit` of them."""
    return Search(hits(kg, query, limit), query, kg)


@dataclass
class Hit:
    record: RecordView
    score: int
    match: str = "name"  # "name": a name, alias, Korean label or checkpoint; "summary": only a summary


# How a query's words count: filler (question words, articles) not at all, generic words (model,
# language …) a little, every other word fully. A query of filler only counts all its words.
FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "with",
        "by",
        "from",
        "about",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "does",
        "do",
        "did",
        "who",
        "whom",
        "whose",
        "what",
        "which",
        "when",
        "where",
        "why",
        "how",
        "invented",
        "invent",
        "created",
        "create",
        "made",
        "make",
        "introduced",
        "first",
        "that",
        "this",
        "these",
        "those",
    ]
)
GENERIC = frozenset(
    [
        "model",
        "models",
        "language",
        "languages",
        "large",
        "llm",
        "llms",
        "neural",
        "network",
        "networks",
        "ai",
        "system",
        "systems",
    ]
)
GENERIC_WEIGHT = 0.35
SUMMARY_ROWS = 5_000  # records read per word from the summaries' index, at most


@functools.lru_cache(maxsize=65_536)
def words(text: str) -> tuple[str, ...]:
    """The words of `text`: lower-cased runs of letters and digits ("+" spelt "plus", as in names).
    Cached: a search reads the same names and query many times over."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("+", " plus ")
    found, current = [], []
    for ch in folded:
        if ch.isalnum():
            current.append(ch)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return tuple(found)


def weighted(query: str) -> list[tuple[str, float]]:
    """The query's distinct words with their weights."""
    unique = list(dict.fromkeys(words(query)))
    pairs = [(w, 0.0 if w in FILLER else GENERIC_WEIGHT if w in GENERIC else 1.0) for w in unique]
    return pairs if any(weight for _w, weight in pairs) else [(w, 1.0) for w in unique]


def ratio(a: str, b: str) -> float:
    """Indel similarity in percent, 2 × LCS / (len a + len b) × 100, computed the same way here and
    in the explorer so both rank alike."""
    total = len(a) + len(b)
    if total == 0:
        return 100.0
    return 200.0 * _common_subsequence(a, b) / total


def ratio_at_least(a: str, b: str, floor: float) -> float:
    """`ratio(a, b)`, or 0 without computing it when the lengths alone keep it under `floor` (a
    common subsequence is at most as long as the shorter text)."""
    total = len(a) + len(b)
    if total and 200.0 * min(len(a), len(b)) / total < floor:
        return 0.0
    return ratio(a, b)


def _common_subsequence(a: str, b: str) -> int:
    """The length of the longest common subsequence of `a` and `b`, bit-parallel (Allison and
    Dix 1986; Hyyrö 2004): one step of integer arithmetic per character of `b`. Names are short,
    so this costs less than importing a library for it (rapidfuzz's import alone takes 10 ms);
    tests compare it with rapidfuzz's Indel distance."""
    if not a or not b:
        return 0
    masks: dict[str, int] = {}
    for position, character in enumerate(a):
        masks[character] = masks.get(character, 0) | (1 << position)
    full = (1 << len(a)) - 1
    row = full
    for character in b:
        matched = row & masks.get(character, 0)
        row = ((row + matched) | (row - matched)) & full
    return len(a) - bin(row).count("1")


def name_score(query: str, key: str, terms: list[tuple[str, float]], name: str) -> float:
    """How well one name matches the query (0: not at all), by the first rules that apply:

    100  the name is the query (ignoring case, spaces and punctuation);
    98   one part of a "term (gloss)" name is: 강화 학습(RLHF) for "rlhf";
    92–97  the name begins with the query ("gpt4o" → GPT-4o mini), more the closer in length;
    70–97  the name is spelt like the query (Indel similarity of 80 % or more);
    88–96  the name holds every weighted word of the query (a query word matches a word of the
         name that equals it or begins with it), more the more of the name's words they are
         ("RLHF" before "RLAIF vs. RLHF: Scaling …");
    70–88  … or a third of their weight or more, a misspelt word (five letters or more, 85 %
         similar) counting by its similarity, scaled the same way.
    """
    name_key = normalize(name)
    if name_key == key:
        return 100.0
    if key in {normalize(part) for part in label_parts(name)}:
        return 98.0
    score = 0.0
    # "llama3" begins Llama 3.1, not LLaMA-33B: a number in the query is a whole number.
    if (
        len(key) >= 3
        and name_key.startswith(key)
        and not (key[-1].isdigit() and name_key[len(key)].isdigit())
    ):
        score = max(score, 92.0 + 5.0 * len(key) / len(name_key))
    similar = ratio_at_least(" ".join(words(query)), " ".join(words(name)), 80.0)
    if similar >= 80.0:
        score = max(score, 70.0 + (similar - 80.0) * 27.0 / 20.0)
    total = sum(weight for _w, weight in terms)
    tokens = words(name)
    if total > 0 and tokens:
        qualities = [(weight, [_quality(word, t) for t in tokens]) for word, weight in terms if weight]
        matched = sum(weight * max(each) for weight, each in qualities)
        coverage = matched / total
        hit = sum(1 for i in range(len(tokens)) if any(each[i] for _weight, each in qualities))
        precision = hit / len(tokens)
        if coverage >= 1.0:
            score = max(score, 88.0 + 8.0 * precision)
        elif coverage >= 0.34:
            score = max(score, 70.0 + 18.0 * coverage * (0.5 + 0.5 * precision))
    return min(score, 97.0)


@functools.lru_cache(maxsize=65_536)
def _quality(word: str, token: str) -> float:
    """How well a query word matches a word of a name: 1 when it is the word or begins it, its
    similarity (0.85 or more) when it is a misspelling of it, else 0. Cached: the words of names
    repeat ("model", "language")."""
    if token == word or (len(word) >= 3 and token.startswith(word)):
        return 1.0
    if len(word) >= 5:
        similar = ratio_at_least(word, token, 85.0)
        if similar >= 85.0:
            return similar / 100.0
    return 0.0


def summary_score(terms: list[tuple[str, float]], text: str) -> float:
    """40–65 by the weight of the query's words found in the summaries (0: none)."""
    total = sum(weight for _w, weight in terms)
    if total <= 0:
        return 0.0
    folded = unicodedata.normalize("NFKC", text).lower()
    compact = "".join(folded.split())
    found = sum(weight for word, weight in terms if weight and (word in folded or word in compact))
    return 40.0 + 25.0 * found / total if found else 0.0


def rounded(score: float) -> int:
    """Half up, as the explorer rounds (Python's round() would round half to even)."""
    return math.floor(score + 0.5)


def hits(kg: Store, query: str, limit: int = 10) -> list[Hit]:
    """Records ranked by how well their names, aliases, Korean labels and summaries match: the best
    name of each record by `name_score`, else its summaries by `summary_score`; ties go to the
    more notable record (landmark, major, minor), then to the id that sorts first."""
    if limit < 1:
        raise UsageError("--limit must be at least 1")
    query = query.strip()
    if not query:
        raise UsageError("the search query is empty")
    key = normalize(query)
    terms = weighted(query)
    best: dict[str, float] = {}
    for text, rid in _name_candidates(kg, key, terms):
        score = name_score(query, key, terms, text)
        if score >= 70.0 and score > best.get(rid, 0.0):
            best[rid] = score
    by_name = set(best)
    strong = sum(1 for score in best.values() if score >= 70.0)
    if strong < limit:  # summaries (40–65) can reach the list only when names leave room
        for rid, text in kg.index.summaries_with([w for w, weight in terms if weight], SUMMARY_ROWS).items():
            if rid not in by_name:
                score = summary_score(terms, text)
                if score:
                    best[rid] = score
    ranked = sorted(best.items(), key=lambda item: -rounded(item[1]))
    cutoff = rounded(ranked[limit - 1][1]) if len(ranked) >= limit else -1
    contenders = [(rid, score) for rid, score in ranked if rounded(score) >= cutoff]
    notability = kg.index.notability([rid for rid, _score in contenders])
    contenders.sort(key=lambda item: (-rounded(item[1]), prominence(notability.get(item[0])), item[0]))
    shown = contenders[:limit]
    records = kg.many([rid for rid, _score in shown])
    return [
        Hit(record, rounded(score), "name" if rid in by_name else "summary")
        for record, (rid, score) in zip(records, shown, strict=True)
    ]


def _name_candidates(kg: Store, key: str, terms: list[tuple[str, float]]) -> list[tuple[str, str]]:
    """(name, record id) of every name that could score: those sharing the query's rarest
    trigrams, beginning with it, named exactly by it, or holding one of its weighted words."""
    found: dict[tuple[str, str], None] = {}
    for rid in kg.index.records_named(key):
        for text in kg.index.names_of(rid):
            found[(text, rid)] = None
    for pair in kg.index.name_candidates(key):
        found[pair] = None
    for text, rid, _kind, _field in kg.index.names_starting(key):
        found[(text, rid)] = None
    for word, weight in terms:
        if weight:
            for pair in kg.index.names_containing(word):
                found[pair] = None
    return list(found)
