"""Where llmkg's own data lives, and whether a file is part of it."""

from __future__ import annotations

from pathlib import Path

from .errors import DataError, LlmkgError

PACKAGED = "@packaged"  # in --data or $LLMKG_DATA: llmkg's own data, to extend with your own
# The licences' terms (llmkg.licences): beside the code in the source tree and in the wheel alike.
LICENCE_TERMS = Path(__file__).with_name("licences.yaml")


def packaged_data_dir() -> Path:
    """The data shipped with llmkg (inside the wheel, or beside the sources in a checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data", here.parents[1] / "data"):
        if (candidate / "history.yaml").is_file():
            return candidate
    raise DataError("llmkg's packaged data is missing (looked in {path})", path=str(here / "data"))


def is_packaged(file: str) -> bool:
    try:
        return Path(file).resolve().parent == packaged_data_dir().resolve()
    except (OSError, LlmkgError):
        return False
