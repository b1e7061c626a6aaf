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


HINT = "the optional Japanese parser (GiNZA) is not installed: pip install 'communique[ja-parse]'"


@cache
def _nlp() -> Any:
    """GiNZA, or None when the optional extra ``ja-parse`` is not installed (the rules' answer stands)."""
    try:
        import spacy

        return spacy.load("ja_ginza", exclude=["ner", "compound_splitter", "bunsetu_recognizer"])
    except (ImportError, OSError):
        import warnings

        warnings.warn(f"{HINT}; Japanese quotes the rules cannot settle keep no speaker", stacklevel=3)
        return None


def settle(doc: Doc, sentence: Sentence, bracket: Bracket) -> Mention | None:
    """The subject of the verb that governs the quote, if it is a known mention."""
    nlp = _nlp()
    if nlp is None:
        return None
    PARSED["sentences"] += 1
    parsed = nlp(sentence.text)
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
