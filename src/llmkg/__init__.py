"""llmkg: a knowledge graph of the history of language models.

>>> import llmkg
>>> kg = llmkg.load()
>>> [step.record.name for step in kg.lineage("gpt-4o").ancestors][:2]
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (llmkg --version is this module)

from .version import __version__  # noqa: E402  (after TYPE_CHECKING, which it does not need)

__all__ = ["KnowledgeGraph", "__version__", "load"]

if TYPE_CHECKING:
    from .questions import KnowledgeGraph


def load(data: list[str] | str | None = None, *, cache: bool = True) -> KnowledgeGraph:
    """Load and validate the data (packaged by default; or directories/files; or $LLMKG_DATA).

    Raises llmkg.errors.DataError listing every problem when the data is invalid. A date later
    than tomorrow is not such a problem here (it depends on the clock): each one is reported as a
    llmkg.errors.DataWarning, and `llmkg validate` refuses it.
    """
    from .index import open_index
    from .loader import data_paths
    from .questions import KnowledgeGraph

    kg = KnowledgeGraph(open_index(data_paths(data), use_cache=cache))
    future = kg.index.future_candidates
    if future:  # records dated after the index was built: warn about those now in the future
        import warnings

        from .checks import future_warnings
        from .errors import DataWarning

        for message in future_warnings(kg[rid] for rid in future):
            warnings.warn(message, DataWarning, stacklevel=2)
    return kg


def __getattr__(name: str) -> object:
    if name == "KnowledgeGraph":
        from .questions import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module 'llmkg' has no attribute {name!r}")
