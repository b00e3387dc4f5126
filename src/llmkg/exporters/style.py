"""How nodes look in formats that carry styling: a colour per kind, a size from parameter counts."""

from __future__ import annotations

import math

# colour-blind-safe palette (Okabe–Ito)
KIND_COLOURS: dict[str, tuple[int, int, int]] = {
    "model": (0, 114, 178),
    "system": (213, 94, 0),
    "paper": (0, 158, 115),
    "dataset": (204, 121, 167),
    "organization": (230, 159, 0),
    "concept": (86, 180, 233),
}


def colour(kind: str) -> tuple[int, int, int]:
    return KIND_COLOURS.get(kind, (128, 128, 128))


def hex_colour(kind: str) -> str:
    return "#{:02X}{:02X}{:02X}".format(*colour(kind))


def size(parameters: object) -> float:
    """10 for records without a parameter count; 10 + 4 per decade above one million."""
    if isinstance(parameters, int) and parameters > 0:
        return round(10 + 4 * max(0.0, math.log10(parameters) - 6), 2)
    return 10.0
