"""llmkg: a knowledge graph of the history of language models.

>>> import llmkg
>>> kg = llmkg.load()
>>> [step.record.name for step in kg.lineage("gpt-4o").ancestors][:2]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["KnowledgeGraph", "__version__", "load"]

if TYPE_CHECKING:
    from .graph import KnowledgeGraph


def load(data: list[str] | str | None = None, *, cache: bool = True) -> KnowledgeGraph:
    """Load and validate the data (packaged by default; or directories/files; or $LLMKG_DATA).

    Raises llmkg.errors.DataError listing every problem when the data is invalid.
    """
    from .cache import load_graph
    from .graph import KnowledgeGraph
    from .loader import data_paths, load_dataset

    files = data_paths(data)
    if cache:
        return load_graph(files)
    return KnowledgeGraph(load_dataset([str(path) for path in files]))


def __getattr__(name: str) -> object:
    if name == "KnowledgeGraph":
        from .graph import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module 'llmkg' has no attribute {name!r}")
