"""The GiNZA dependency parser, loaded lazily once and asked about single sentences.

Only sentences whose speaker the rules cannot settle come here (a few per report): GiNZA
parses about a thousand tokens a second, Sudachi alone about a million.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .actors import Mention
from .document import Doc
from .sentences import Bracket, Sentence

PARSED = {"sentences": 0}  # how many sentences went to the parser (for the benchmark)


@cache
def _nlp() -> Any:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy comes with ginza
        raise RuntimeError("the Japanese parser needs GiNZA: pip install 'communique[ja]'") from exc
    nlp = spacy.load("ja_ginza", exclude=["ner", "compound_splitter", "bunsetu_recognizer"])
    return nlp


def settle(doc: Doc, sentence: Sentence, bracket: Bracket) -> Mention | None:
    """The subject of the verb that governs the quote, if it is a known mention."""
    PARSED["sentences"] += 1
    parsed = _nlp()(sentence.text)
    offset = sentence.start
    close = bracket.close - offset
    verb = None
    for token in parsed:
        if token.idx >= close and token.pos_ in ("VERB", "NOUN") and token.dep_ in ("ROOT", "advcl", "acl"):
            verb = token
            break
    if verb is None:
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "obl") and c.idx < bracket.open - offset]
    for subject in reversed(subjects):
        position = offset + subject.idx
        for mention in doc.mentions_in(sentence.start, sentence.end):
            if mention.start <= position < mention.end:
                return mention
    return None
