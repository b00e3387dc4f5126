"""A Hangul font inside the explorer's page, for machines that have none.

The page names its fonts from the system's first (app.css); where none of them has Hangul (a
Linux machine without CJK fonts, a bare container), Korean would show as empty boxes. So the page
also carries, as its last fallback, the Noto Sans KR that llmkg depends on for its charts, cut
down to the Hangul the page itself shows: a browser loads it only for characters no other font
has. Subsetting uses fontTools, which matplotlib already requires.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from typing import Any

FAMILY = "llmkg Hangul"


def _is_hangul(ch: str) -> bool:
    code = ord(ch)
    return (
        0xAC00 <= code <= 0xD7A3  # syllables
        or 0x1100 <= code <= 0x11FF  # jamo
        or 0x3130 <= code <= 0x318F  # compatibility jamo
    )


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(data, (list, tuple)):
        for item in data:
            yield from _strings(item)


def hangul_in(data: Any) -> str:
    """Every Hangul character in the strings of `data` (the page's JSON), each once, in order."""
    return "".join(sorted({ch for text in _strings(data) for ch in text if _is_hangul(ch)}))


def font_face(text: str) -> str:
    """A CSS @font-face rule for FAMILY with the bundled font cut to `text`'s characters, inline;
    empty when there is no Hangul to draw."""
    if not text:
        return ""
    try:
        import pylopdf_fonts_ko
        from fontTools import subset
    except ImportError:  # a broken install: the page still draws with the system's fonts
        return ""

    options = subset.Options()
    options.name_IDs = ["*"]  # keep the licence and the font's own names with the font
    options.notdef_outline = True
    options.hinting = False  # a quarter smaller; screens draw the outlines well without
    font = subset.load_font(str(pylopdf_fonts_ko.sans_path()), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    encoded = base64.b64encode(out.getvalue()).decode("ascii")
    return (
        "@font-face { font-family: '" + FAMILY + "'; font-style: normal; font-weight: 400; "
        "src: url(data:font/otf;base64," + encoded + ") format('opentype'); }"
    )
