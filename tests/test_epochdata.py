"""How Epoch AI's dataset sizes become training-token counts (scripts/epochdata.py), on rows written
here: the reference files themselves are not needed."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import epochdata


def row(size: str, notes: str, **more: str) -> dict[str, str]:
    return {
        "Model": "Some LM",
        "Domain": "Language",
        "Training dataset size (datapoints)": size,
        "Dataset size notes": notes,
        "_file": epochdata.NOTABLE,
        **more,
    }


@pytest.mark.parametrize(
    ("size", "notes"),
    [
        ("552750000000", "737B tokens = 552750M words"),  # Persimmon-8B's row
        (
            "4900000000000",
            "If total number of tokens seen was 13T … dataset size roughly is 13T*0.75/2 = 4.9T words.",
        ),
        ("300000000000", "395B tokens ~= 300B words"),
    ],
)
def test_a_size_the_notes_give_in_words_is_not_taken_for_tokens(size: str, notes: str) -> None:
    figure, why = epochdata.tokens(row(size, notes))
    assert figure is None and "words" in why


@pytest.mark.parametrize(
    ("size", "notes"),
    [
        ("737000000000", "We train the model … on 737B tokens uniformly sampled"),
        ("34513333333", "155GB * 167M words per GB * 4/3 tokens per word on average = 34513333333 tokens"),
        ("5200000000000", "a total of 4,587,781,981,546(4.5T) words, and 5.2T tokens."),
    ],
)
def test_a_size_the_notes_give_in_tokens_is_kept(size: str, notes: str) -> None:
    figure, _why = epochdata.tokens(row(size, notes))
    assert figure is not None and figure.value == float(size)
