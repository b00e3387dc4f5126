"""Parameter counts: written as 117M, 1.5B, 175B, 1.6T (or a plain integer), kept as integers."""

from __future__ import annotations

import re

from .errors import shown
from .i18n import Message

MAX_PARAMETERS = 100 * 10**12
_SUFFIX = {"K": 10**3, "M": 10**6, "B": 10**9, "T": 10**12}
# ASCII digits and the suffix right after them: "７B" or "7 B" are refused, not read as 7B.
_COUNT = re.compile(r"^([0-9]+(?:\.[0-9]+)?)([KMBT])$")
_NOT_A_NUMBER = Message("a parameter count must be a number such as 7B or 175B")


def parse_count(value: object) -> int:
    """An integer parameter count from `value`; ValueError saying how to write it otherwise (its
    argument a Message)."""
    if isinstance(value, bool) or value is None:
        raise ValueError(_NOT_A_NUMBER)
    if isinstance(value, float):
        raise ValueError(Message("{value} is a float, not a count", value=shown(value)))
    if isinstance(value, int):
        count = value
    elif isinstance(value, str):
        match = _COUNT.match(value)
        if not match:
            raise ValueError(
                Message(
                    "{value} is not a parameter count; write it as 117M, 1.5B, 175B or 1.6T",
                    value=shown(value),
                )
            )
        from decimal import Decimal

        exact = Decimal(match.group(1)) * _SUFFIX[match.group(2)]
        if exact != exact.to_integral_value():
            raise ValueError(Message("{value} is not a whole number of parameters", value=shown(value)))
        count = int(exact)
    else:
        raise ValueError(_NOT_A_NUMBER)
    if count <= 0:
        raise ValueError(Message("a parameter count must be positive, not {count}", count=count))
    if count > MAX_PARAMETERS:
        raise ValueError(
            Message("{value} is more than 100T parameters; check the unit", value=shown(value, quote=False))
        )
    return count


def format_count(count: int | None) -> str:
    """A short human form: 117M, 1.5B, 175B, 1.6T."""
    if count is None:
        return ""
    for suffix, unit in (("T", 10**12), ("B", 10**9), ("M", 10**6), ("K", 10**3)):
        if count >= unit:
            text = f"{count / unit:.1f}".rstrip("0").rstrip(".")
            if float(text) * unit != count and count / unit < 10:
                text = f"{count / unit:.2f}".rstrip("0").rstrip(".")
            return f"{text}{suffix}"
    return str(count)
