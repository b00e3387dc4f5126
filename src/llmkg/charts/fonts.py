"""A font with Hangul for Korean labels: an installed Korean font if there is one, else the one
llmkg depends on (Noto Sans KR, SIL Open Font License, from the package pylopdf-fonts-ko).

Fonts are registered with matplotlib by file, at run time, so nothing depends on matplotlib's
font cache: a font installed after matplotlib built its cache is found by a fresh look at the
system's font directories, and the bundled font needs no installation at all.
"""

from __future__ import annotations

from functools import cache

from ..errors import UsageError

# Tried in this order: Noto Sans CJK (Debian/Ubuntu fonts-noto-cjk, Fedora google-noto-sans-cjk),
# then the Korean fonts macOS and Windows ship.
HANGUL_FONTS = (
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "Source Han Sans KR",
    "NanumGothic",
    "Apple SD Gothic Neo",
    "AppleGothic",
    "Malgun Gothic",
    "Noto Sans CJK JP",
)


_FILE_HINTS = ("cjk", "kr", "nanum", "gothic", "malgun", "hangul", "hans")


@cache
def hangul_font() -> str:
    """The family name of a font with Hangul, registered with matplotlib."""
    from matplotlib import font_manager

    known = {font.name for font in font_manager.fontManager.ttflist}
    for name in HANGUL_FONTS:
        if name in known:
            return name
    # A font installed since matplotlib built its cache: look at the files whose names suggest one.
    for path in font_manager.findSystemFonts():
        if not any(hint in path.casefold() for hint in _FILE_HINTS):
            continue
        family = _family_of(path)
        if family in HANGUL_FONTS:
            font_manager.fontManager.addfont(path)
            return family
    return bundled_font()


def bundled_font() -> str:
    """Register the Noto Sans KR that comes with llmkg's dependencies; its family name."""
    from matplotlib import font_manager

    try:
        import pylopdf_fonts_ko
    except ImportError:
        raise UsageError(
            "no font with Hangul found for --lang ko; reinstall llmkg (it depends on pylopdf-fonts-ko, "
            "which carries Noto Sans KR) or install Noto Sans CJK "
            "(Debian/Ubuntu: apt-get install fonts-noto-cjk)"
        ) from None
    path = str(pylopdf_fonts_ko.sans_path())
    font_manager.fontManager.addfont(path)
    return _family_of(path) or "Noto Sans KR"


def _family_of(path: str) -> str | None:
    from matplotlib import font_manager

    try:
        return str(font_manager.FontProperties(fname=path).get_name())
    except (OSError, RuntimeError, ValueError):
        return None
