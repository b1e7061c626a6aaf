"""One Sudachi dictionary per process.

Sudachi's core dictionary takes about 60 MB once loaded; extraction, event typing, name
romanisation and search each need a tokenizer.  They share the one dictionary here and each
keeps its own tokenizer (tokenizers are cheap, and one is never shared between the web app's
threads and extraction).
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def dictionary() -> Any:
    from sudachipy import Dictionary  # noqa: PLC0415 - heavy: loaded only when Japanese text is read

    return Dictionary(dict="core")
