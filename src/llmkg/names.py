"""Name normalisation and closest-match suggestions, shared by resolution and checks."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .schema import AnyRecord


def normalize(text: str) -> str:
    """Case-, punctuation- and Unicode-form-insensitive key: 'GPT-4o', 'gpt 4o' → 'gpt4o'.

    A '+' is kept (as 'plus'), because it names a different model: Command R+ is not Command R.
    """
    folded = unicodedata.normalize("NFKC", text).casefold().replace("+", "plus")
    return "".join(ch for ch in folded if ch.isalnum())


def begins_with(text: str, key: str) -> bool:
    """True when `text` is longer than the normalized `key` and begins with it as a whole word:
    'Grok-1', 'Llama 2', 'Qwen2.5' and 'DeepSeekMath' begin with grok, llama, qwen and deepseek;
    'Gemma' does not begin with 'gem'."""
    folded = unicodedata.normalize("NFKC", text)
    built, end = "", 0
    while end < len(folded) and len(built) < len(key):
        built += normalize(folded[end])
        end += 1
    rest = folded[end:]
    if built != key or not rest.strip():
        return False
    last, following = folded[end - 1], rest[0]
    return not following.isalpha() or (last.islower() and following.isupper())


def closest(query: str, choices: Iterable[str], limit: int = 5, cutoff: float = 60.0) -> list[str]:
    """The choices most like `query`, best first."""
    from rapidfuzz import fuzz, process, utils

    unique = list(dict.fromkeys(choices))
    found = process.extract(
        query,
        unique,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=limit,
        score_cutoff=cutoff,
    )
    return [choice for choice, _score, _index in found]


def label_parts(label: str) -> list[str]:
    """A label and, when it is written "term(gloss)", each part: 강화 학습(RLHF) → 강화 학습, RLHF."""
    head, sep, rest = label.partition("(")
    if not sep or not rest.endswith(")") or not head.strip():
        return [label]
    return [label, head.strip(), rest[:-1].strip()]


def name_keys(record: AnyRecord) -> list[tuple[str, tuple[object, ...]]]:
    """Every name a record answers to, with where it is written."""
    keys: list[tuple[str, tuple[object, ...]]] = [
        (record.id, ("id",)),
        (record.name, ("name",)),
    ]
    keys += [(alias, ("aliases", i)) for i, alias in enumerate(record.aliases)]
    if record.names.ko:
        keys.append((record.names.ko, ("names", "ko")))
    for i, checkpoint in enumerate(getattr(record, "checkpoints", [])):
        keys.append((checkpoint.name, ("checkpoints", i, "name")))
    return keys
