"""Where the record lives.  SQLite (embedded, the default); PostgreSQL for teams."""

from __future__ import annotations

import os
from pathlib import Path

from .sqlite import SQLiteStore

DEFAULT_DB = "communique.db"


def default_path() -> str:
    """``$COMMUNIQUE_DB`` when set, else ``./communique.db``."""
    return os.environ.get("COMMUNIQUE_DB") or DEFAULT_DB


def open_store(path: str | Path | None = None) -> SQLiteStore:
    return SQLiteStore(path or default_path())


__all__ = ["SQLiteStore", "default_path", "open_store"]
