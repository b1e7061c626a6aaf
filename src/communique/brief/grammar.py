"""Is a reported clause a clause?  English indirect speech as extraction cut it is sometimes a
noun phrase or a fragment ("his demand for a review of tariffs", "without mentioning what he
said"); "X said that" + such words is no sentence.  spaCy's small English pipeline (the one the
English extractor uses for names, here with its tagger and parser) reads the words: a clause has
a root verb with a subject and a finite verb (itself or an auxiliary).  Loaded once, on first
use, only by English briefings that have indirect speech to give.

The answers are remembered (:func:`known`, :func:`remember`): the store keeps them
(``clause_checks``, under :data:`CHECKER`), so a later briefing of the same record loads no
parser at all, and the texts still unknown are parsed together (:func:`check_all`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..extract.en.spacy_model import MODEL  # the name alone: not the extractor that uses it

CHECKER = f"{MODEL}/clause-1"  # a new rule or model: a new name, and the stored answers are asked again
_known: dict[str, bool] = {}

_REPORTING = frozenset("said says say reported reports told tells added adds announced wrote".split())


def _parser() -> Any:
    from ..extract.en.spacy_model import english  # noqa: PLC0415 - heavy: only when a briefing needs it

    return english()


def is_clause(text: str) -> bool:
    """The words form a clause: "the two sides had agreed on a framework" (yes), "the 25% tariffs
    to be imposed on Aug. 1" (no)."""
    if text not in _known:
        _known[text] = _clause(_parser()(text, disable=["ner"]))
    return _known[text]


def check_all(texts: Iterable[str]) -> None:
    """Parse the texts not answered yet, together (one batch, not one call each)."""
    unknown = list(dict.fromkeys(t for t in texts if t not in _known))
    if unknown:
        for text, doc in zip(unknown, _parser().pipe(unknown, batch_size=64, disable=["ner"]), strict=True):
            _known[text] = _clause(doc)


def known() -> dict[str, bool]:
    """Every answer given so far (to keep in the store)."""
    return dict(_known)


def remember(answers: Mapping[str, bool]) -> None:
    """Answers found before (read from the store)."""
    _known.update(answers)


def _clause(doc: Any) -> bool:
    if len(doc) and doc[0].text[:1].isupper() and doc[0].pos_ in ("ADP", "SCONJ"):
        return False  # "During the phone talks, when ...": a sentence of the report, not what was said
    for root in (t for t in doc if t.dep_ == "ROOT"):
        finite = root.morph.get("VerbForm") == ["Fin"] or any(
            c.dep_ in ("aux", "auxpass") and c.morph.get("VerbForm") == ["Fin"] for c in root.children)
        subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children)
        # "media said on Wednesday, June 11": an attribution with nothing said is no content
        bare_report = root.text.lower() in _REPORTING and not any(
            c.dep_ in ("ccomp", "xcomp", "dobj", "parataxis") for c in root.children)
        if root.pos_ in ("VERB", "AUX") and finite and subject and not bare_report:
            return True
    return False
