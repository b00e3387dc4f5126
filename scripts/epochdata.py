"""Epoch AI's model databases as llmkg's scripts read them: where the CSV files are, their rows by
model name, which records name an Epoch model, and what Epoch says of a model's training compute
and training tokens.

Shared by scripts/crosscheck.py (which compares) and scripts/epoch_fields.py (which fills fields).
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NOTABLE = "epoch_notable_ai_models.csv"
ALL_MODELS = "epoch_all_ai_models.csv"
# A newer copy of the notable models' rows dated 2026 (language only, fewer columns; SOURCES.md).
NOTABLE_2026 = "epoch_notable_2026_language.csv"
SOURCES = {
    NOTABLE: "https://epoch.ai/data/notable-ai-models",
    NOTABLE_2026: "https://epoch.ai/data/notable-ai-models",
    ALL_MODELS: "https://epoch.ai/data/ai-models",
}
ESTIMATOR = "Epoch AI"
CONFIDENCE = {"Confident": "confident", "Likely": "likely", "Speculative": "speculative"}
# Two figures for the same quantity agree when they are this close (relative difference).
COMPUTE_SHARE = 0.10
TOKEN_SHARE = 0.06


def reference_dir(given: str | None = None) -> Path:
    """Where Epoch's CSV files are: `given`, else $LLMKG_REFERENCE, else the nearest
    shared/reference beside the repository or beside one of its parent directories."""
    if given:
        return Path(given)
    if os.environ.get("LLMKG_REFERENCE"):
        return Path(os.environ["LLMKG_REFERENCE"])
    repository = Path(__file__).resolve().parents[1]
    for parent in repository.parents:
        candidate = parent / "shared" / "reference"
        if (candidate / NOTABLE).exists():
            return candidate
    return repository.parent / "shared" / "reference"


def read_epoch(directory: Path) -> dict[str, dict[str, str]]:
    """Epoch rows by stripped model name; the notable-models file wins over the full database."""
    rows: dict[str, dict[str, str]] = {}
    columns: list[str] = []
    for name in (ALL_MODELS, NOTABLE, NOTABLE_2026):
        path = directory / name
        if not path.exists():
            continue
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                clean = {key.strip(): (value or "").strip() for key, value in row.items() if key}
                columns = columns or list(clean)
                clean = {column: "" for column in columns} | clean  # the 2026 extract has fewer columns
                clean["_file"] = name
                rows[clean["Model"]] = clean
    return rows


@dataclass
class Holder:
    """A record, or one of its checkpoints, that names an Epoch model."""

    record: Any
    checkpoint: Any | None
    epoch: str

    @property
    def label(self) -> str:
        return f"{self.record.id}" + (f" [{self.checkpoint.name}]" if self.checkpoint else "")

    @property
    def date(self) -> str | None:
        return (self.checkpoint.date if self.checkpoint else None) or self.record.date

    @property
    def parameters(self) -> int | None:
        if self.checkpoint is not None and self.checkpoint.parameters is not None:
            return int(self.checkpoint.parameters)
        return getattr(self.record, "parameters", None)

    def measure(self, field_name: str) -> Any | None:
        """training_compute or training_tokens of the checkpoint, or of the record itself."""
        return getattr(self.checkpoint if self.checkpoint is not None else self.record, field_name, None)

    def disputes(self, field_name: str) -> list[Any]:
        found = [d for d in self.record.disputes if d.field == field_name]
        if self.checkpoint is not None:
            found += [d for d in self.checkpoint.disputes if d.field == field_name]
        return found


def holders(kg: Any) -> list[Holder]:
    found = []
    for record in kg.records():
        if record.xrefs.epoch:
            found.append(Holder(record, None, record.xrefs.epoch))
        for checkpoint in getattr(record, "checkpoints", []):
            if checkpoint.xrefs and checkpoint.xrefs.epoch:
                found.append(Holder(record, checkpoint, checkpoint.xrefs.epoch))
    return found


@dataclass(frozen=True)
class Figure:
    """What Epoch gives for one quantity of one model."""

    value: float
    confidence: str | None
    source: str
    note: str | None = None


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return value if value > 0 else None


def _confidence(row: dict[str, str]) -> str | None:
    return CONFIDENCE.get(row.get("Confidence", ""))


def compute(row: dict[str, str]) -> Figure | None:
    """Epoch's training compute in FLOP, if it gives one."""
    value = _number(row.get("Training compute (FLOP)", ""))
    if value is None:
        return None
    return Figure(value, _confidence(row), SOURCES[row["_file"]])


def dataset_size(row: dict[str, str]) -> float | None:
    """Epoch's training dataset size (its column is named differently in its two files)."""
    return _number(
        row.get("Training dataset size (total)") or row.get("Training dataset size (datapoints)") or ""
    )


# Datapoints that are not text tokens: images, pairs, prompts, questions, examples, residues.
_NOT_TOKENS = re.compile(
    r"\bimages?\b|image-text|text-image|\bpairs\b|\bprompts\b|\bquestions?\b|\bexamples\b|"
    r"\bresidues\b|amino|\bentities\b|search logs|\bvideos?\b|\bframes\b",
    re.IGNORECASE,
)
# Benchmarks whose published sizes are token counts, used for many passes: WikiText-2 (2M),
# Penn Treebank (929k), WikiText-103 (103M). Their size alone is not the tokens a model saw.
_BENCHMARK_SIZES = {2_000_000.0, 929_000.0, 103_000_000.0, 2_088_628.0}


# Rows whose dataset size the rules below would take for tokens but whose notes, read by hand,
# show otherwise (reason given). Keyed by Epoch model name.
NOT_TOKENS = {
    "GPT-4": "its notes compute words (13T tokens × 0.75 / 2 epochs), from a secondhand report",
    "GPT-4 (Mar 2023)": "its notes compute words (13T tokens × 0.75 / 2 epochs), from a secondhand report",
    "GPT-4 (Jun 2023)": "its notes compute words (13T tokens × 0.75 / 2 epochs), from a secondhand report",
    "GloVe (6B)": "the figure matches none of the corpus token counts in Epoch's notes",
    "GloVe (32B)": "the figure matches none of the corpus token counts in Epoch's notes",
    "Mnemonic Reader": "the size of SQuAD in questions",
    "PhraseCond": "a count of questions",
    "S-Norm": "a count of question-document pairs",
    "DCN+": "the size of SQuAD in questions",
    "MemoReader": "a count of questions",
    "MT-DNN": "a count of task examples",
    "Theseus 6/768": "a count of task examples",
    "Retrieval-Augmented Generator": "a count of question-answer examples",
    "SimCSE": "a count of sentences",
    "Fusion in Encoder": "a count of question-answer pairs",
    "LMSI-Palm": "a count of generated reasoning paths",
    "Med-PaLM 2": "a count of question-answer examples",
    "FinGPT-13B": "a count of examples",
    "OntoProtein": "protein and ontology tokens with knowledge-graph triples",
    "CLIP (ResNet-50)": "a count of image-text pairs",
    "CLIP (ViT L/14@336px)": "a count of image-text pairs",
    "BLIP-2 (Q-Former)": "a count of image-text pairs",
    "Ferret (13B)": "image-grounded examples",
    "Perceiver IO (optical flow)": "optical-flow datapoints",
    "Hybrid H3-2.7B": "Epoch's epoch count (509) belongs to another model; 400B tokens is the whole run",
    "NPLM": "the figure is not the 800,000 training words its notes give",
    "NPLM (Brown)": "the figure is the AP News corpus's, not the Brown corpus's 800,000 training words",
    "Word2Vec (small)": "the figure is ten times the one billion words its notes give",
    "Word2Vec (large)": "the figure is ten times the 33 billion words its notes give",
}
# Rows whose notes give words and whose figure is Epoch's conversion of them at 4/3 tokens per word.
WORDS_CONVERTED = {
    "GPT-2 (1.5B)",
    "ERNIE-GEN (large)",
    "Meena",
    "DeBERTa",
    "LUKE",
    "LaMDA",
    "Big Transformer for Back-Translation",
}

# Word-level language models, whose tokens are words: the words Epoch counts are their tokens.
WORD_LEVEL = {
    "Neural LM",
    "NPLM (AP News)",
    "RNN LM",
    "LSTM LM",
    "DistBelief NNLM",
    "RNN for 1B words",
    "DL scaling LM",
}


_AMOUNT = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(k|M|B|G|T|million|billion|trillion)?\s*(tokens?|words?)\b", re.IGNORECASE
)
_SCALE = {"k": 1e3, "m": 1e6, "b": 1e9, "g": 1e9, "t": 1e12, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _words_of(notes: str, size: float) -> bool:
    """Whether the notes give `size` as a count of words and not of tokens: newer entries turn a
    developer's tokens into words ("737B tokens = 552750M words", "13T*0.75/2 = 4.9T words")."""
    counts: dict[str, list[float]] = {"token": [], "word": []}
    for number, scale, unit in _AMOUNT.findall(notes):
        value = float(number.replace(",", "")) * _SCALE.get(scale.lower(), 1.0)
        counts[unit.lower().rstrip("s")].append(value)

    def near(values: list[float]) -> bool:
        return any(abs(value - size) <= 0.03 * size for value in values)

    return near(counts["word"]) and not near(counts["token"])


def tokens(row: dict[str, str]) -> tuple[Figure | None, str]:
    """The tokens a language model saw in training, as Epoch's dataset size and epochs give them,
    and why not when they do not: Epoch's dataset size is counted in words for older entries
    (tagged [WORDS]) and in images, pairs or examples for some others."""
    size = dataset_size(row)
    if size is None:
        return None, "Epoch gives no dataset size"
    notes = row.get("Dataset size notes", "")
    name = row.get("Model", "")
    if name in NOT_TOKENS:
        return None, f"Epoch's figure is not tokens: {NOT_TOKENS[name]}"
    converted = name in WORDS_CONVERTED or name in WORD_LEVEL
    domain = row.get("Domain", "")
    if domain and "Language" not in domain and "token" not in notes.lower():
        return None, "not a language model in Epoch"
    if "[WORDS]" in notes.upper():
        return None, "Epoch counts this dataset in words"
    if _NOT_TOKENS.search(notes) and "token" not in notes.lower():
        return None, "Epoch counts this dataset in datapoints that are not tokens"
    if not converted and _words_of(notes, size):
        return None, "Epoch's figure is the words its notes turn the tokens into"
    if (
        not converted
        and re.search(r"\bwords?\b", notes, re.IGNORECASE)
        and not re.search(r"tokens?|4/3|1\.33|0\.75", notes, re.IGNORECASE)
    ):
        return None, "Epoch's notes give words, not tokens"
    epochs = _number(row.get("Epochs", ""))
    if epochs is None and size in _BENCHMARK_SIZES:
        return None, "a benchmark trained on for an unknown number of epochs"
    notes_out = []
    if name in WORD_LEVEL:
        notes_out.append("A word-level model: the words Epoch AI counts are its tokens.")
    elif converted:
        notes_out.append("Epoch AI converts the words its notes give at 4/3 tokens per word.")
    value = size
    if epochs is not None and abs(epochs - 1) > 0.005:
        value = size * epochs
        notes_out.append(f"Epoch AI gives a dataset of {size:.4g} tokens, seen for {epochs:g} epochs.")
    base = row.get("Base model", "")
    if base:
        notes_out.append(
            f"Epoch AI lists it as trained from {base}; the figure may be that model's"
            " or only the further training."
        )
    return Figure(value, _confidence(row), SOURCES[row["_file"]], " ".join(notes_out) or None), ""


def agree(ours: float, theirs: float, share: float) -> bool:
    return abs(ours - theirs) <= share * theirs
