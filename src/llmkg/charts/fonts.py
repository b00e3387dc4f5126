"""A font with Hangul for Korean labels, found among the fonts matplotlib knows."""

from __future__ import annotations

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


def hangul_font() -> str:
    """The family name of the first installed font in HANGUL_FONTS."""
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    for name in HANGUL_FONTS:
        if name in installed:
            return name
    raise UsageError(
        "no font with Hangul found for --lang ko; install Noto Sans CJK "
        "(Debian/Ubuntu: apt-get install fonts-noto-cjk), then remove matplotlib's font cache"
    )
