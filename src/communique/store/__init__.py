"""Where the record lives.  SQLite (embedded, the default); PostgreSQL for teams.

``open_store`` takes a file path (SQLite) or a ``postgresql://`` URL (PostgreSQL 15 or newer, see
:mod:`communique.store.postgresql`); both stores have the same interface.
"""

from __future__ import annotations

import os
from pathlib import Path

from .sqlite import SQLiteStore

DEFAULT_DB = "communique.db"
URL_SCHEMES = ("postgresql://", "postgres://")


def default_path() -> str:
    """``$COMMUNIQUE_DB`` when set, else ``./communique.db``."""
    return os.environ.get("COMMUNIQUE_DB") or DEFAULT_DB


def is_url(target: str | Path | None) -> bool:
    """Whether a --db value names a PostgreSQL database (``postgresql://…``) rather than a file."""
    return isinstance(target, str) and target.startswith(URL_SCHEMES)


def open_store(path: str | Path | None = None) -> SQLiteStore:
    """The store at ``path`` (a SQLite file, or a ``postgresql://`` URL); ``default_path()`` if None."""
    target = path or default_path()
    if is_url(target):
        from .postgresql import PostgresStore

        return PostgresStore(str(target))
    return SQLiteStore(target)


__all__ = ["SQLiteStore", "default_path", "is_url", "open_store"]
