"""Under which terms llmkg's data may be reused, and whom a reuser must credit (data/LICENSE.md):
one place, carried by every export that has room for it and by the explorer's page."""

from __future__ import annotations

DATA_LICENCE = "CC-BY-4.0"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = (
    "llmkg contributors, the llmkg knowledge graph of the history of language models, CC BY 4.0. "
    'Contains data from Epoch AI, "Notable AI Models" and "AI Models" (https://epoch.ai/data), CC BY 4.0.'
)


def credit() -> str:
    """The licence and the credit, in one line: what a file's description says."""
    return f"Licence: {DATA_LICENCE} ({DATA_LICENCE_URL}). Credit: {ATTRIBUTION}"
