"""Ingest: documents from files, folders, URLs and feeds become cleaned :class:`Report` s.

The HTML cleaner, the feed reader and the fetcher load when one of their names is first used
(PEP 562), not when a command that only reads the store imports the package.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .build import build_report
    from .sources import SourceOptions, expand

__all__ = ["SourceOptions", "build_report", "expand"]
_WHERE = {"build_report": ".build", "SourceOptions": ".sources", "expand": ".sources"}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_WHERE[name], __name__), name)
    globals()[name] = value
    return value
