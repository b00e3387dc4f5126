from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from llmkg import dates
from llmkg.counts import format_count, parse_count
from llmkg.schema import record_adapter


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("117M", 117_000_000),
        ("1.5B", 1_500_000_000),
        ("175B", 175_000_000_000),
        ("1.6T", 1_600_000_000_000),
        ("174.6B", 174_600_000_000),
        (340_000_000, 340_000_000),
    ],
)
def test_parameter_counts_parse_to_integers(text: Any, count: int) -> None:
    assert parse_count(text) == count
    assert isinstance(parse_count(text), int)


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (1.5e9, "float"),
        ("1.5e9", "not a parameter count"),
        (0, "positive"),
        (-7, "positive"),
        ("200T", "100T"),
        ("7b", "not a parameter count"),
        (True, "number"),
        ("1.0000000001K", "whole"),
    ],
)
def test_bad_parameter_counts_are_refused_with_a_reason(value: Any, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_count(value)


@given(st.integers(min_value=1, max_value=100 * 10**12))
def test_integer_counts_round_trip(count: int) -> None:
    assert parse_count(count) == count
    shown = format_count(count)
    assert shown  # never empty
    if shown[-1] in "KMBT":
        # the short form is within 5% of the exact count
        assert abs(parse_count(shown) - count) / count < 0.05 if "." not in shown or len(shown) < 12 else True


@pytest.mark.parametrize(
    ("text", "precision"), [("2017", "year"), ("2017-06", "month"), ("2017-06-12", "day")]
)
def test_partial_dates_keep_their_precision(text: str, precision: str) -> None:
    parsed = dates.parse(text)
    assert parsed.precision == precision
    assert str(parsed) == text


def test_partial_dates_span_their_period() -> None:
    assert str(dates.parse("2024-02").latest) == "2024-02-29"
    assert str(dates.parse("2023").earliest) == "2023-01-01"


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13", "23-01-01", "2023/01/01", "2023-1-1"])
def test_impossible_or_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        dates.parse(text)


def _model(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "alpha",
        "kind": "model",
        "name": "Alpha",
        "date": "2020-01-01",
        "summary": {"en": "A model."},
        "sources": ["https://example.org/alpha"],
        "organizations": ["acme"],
        "parameters": "7B",
        "parameters_status": "disclosed",
        "architecture": "decoder-only",
        "openness": "open-weights",
        "notability": "major",
    }
    record.update(changes)
    return {k: v for k, v in record.items() if v is not None}


def test_a_valid_model_validates_with_integer_parameters() -> None:
    model = record_adapter().validate_python(_model())
    assert model.parameters == 7_000_000_000
    assert model.date == "2020-01-01"


def test_a_year_written_as_a_number_stays_a_year() -> None:
    assert record_adapter().validate_python(_model(date=2020)).date == "2020"


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"colour": "blue"}, "colour"),
        ({"parameters": None}, "parameters"),
        ({"parameters_status": "unknown"}, "parameters_status"),
        ({"parameters_status": "estimated"}, "note"),
        ({"sources": []}, "source"),
        ({"sources": ["not a url"]}, "not a source"),
        ({"id": "Alpha"}, "id"),
        ({"openness": "public"}, "openness"),
        ({"kind": "gadget"}, "kind"),
        ({"relations": [{"relation": "likes", "target": "beta"}]}, "likes"),
    ],
)
def test_invalid_records_are_refused(changes: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment):
        record_adapter().validate_python(_model(**changes))


def test_concepts_need_korean_names_and_summaries() -> None:
    concept = {
        "id": "rnn",
        "kind": "concept",
        "name": "RNN",
        "summary": {"en": "x"},
        "sources": ["arXiv:1706.03762"],
    }
    with pytest.raises(ValidationError, match=r"names\.ko"):
        record_adapter().validate_python(concept)
    concept["names"] = {"ko": "순환 신경망"}
    with pytest.raises(ValidationError, match=r"summary\.ko"):
        record_adapter().validate_python(concept)
    concept["summary"] = {"en": "x", "ko": "순환 신경망."}
    assert record_adapter().validate_python(concept).names.ko == "순환 신경망"
