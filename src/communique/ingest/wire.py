"""Wire copies: the same agency story republished by several sites.

Each report gets a MinHash signature over word shingles (character shingles for
Japanese).  The signature is cut into bands; reports that share a band are candidates
(locality-sensitive hashing, with the bands kept in the store so the index never has to
sit in memory).  A candidate joins the wire group only if the exact shingle containment
of the smaller text in the larger is high: copies with a paragraph added or dropped
still group, while different stories on the same events, which share a quote or two,
do not.

The exact comparison runs on each report's shingles hashed once, when it is stored
(:func:`hashes`: sorted 64-bit hashes, kept in the store), so a new report never re-reads
and re-shingles the texts of its candidates.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS  # candidates from Jaccard ~0.4 upward
CONTAINMENT_THRESHOLD = 0.6
MIN_SHINGLES = 20  # fewer shingles than this: too short to call anything a copy
_WORD = re.compile(r"\w+")
_NOT_CJK = re.compile(r"[^\u3040-\u30ff\u4e00-\u9fff\w]")


# Shingles come from the first 300,000 characters: far more than any article, and a bound on the
# time and memory a huge report costs (its copies share its beginning all the same).
MAX_SHINGLED = 300_000


def shingles(text: str, language: str) -> set[bytes]:
    normalized = unicodedata.normalize("NFKC", text[:MAX_SHINGLED]).casefold()
    if language in ("ja", "zh"):
        chars = _NOT_CJK.sub("", normalized)
        return {chars[i : i + 7].encode() for i in range(max(1, len(chars) - 6))}
    words = _WORD.findall(normalized)
    return {" ".join(words[i : i + 5]).encode() for i in range(max(1, len(words) - 4))}


def signature(shingle_set: set[bytes]) -> MinHash:
    from datasketch import MinHash  # imported on use: it loads scipy, which only ingest needs

    minhash = MinHash(num_perm=NUM_PERM, seed=7)
    minhash.update_batch(sorted(shingle_set))
    return minhash


def band_hashes(minhash: MinHash) -> list[tuple[int, int]]:
    """(band number, 63-bit hash of that band's rows): the LSH keys of one report."""
    values = np.asarray(minhash.hashvalues, dtype=np.uint64)
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        keys.append((band, struct.unpack(">q", digest)[0] >> 1))
    return keys


def hashes(shingle_set: set[bytes]) -> np.ndarray:
    """The shingles as sorted distinct 64-bit hashes: what the store keeps of a report for the
    exact comparison (two distinct shingles of two reports share a hash with odds of about one
    in 10^13, so a comparison on hashes decides as one on the shingles themselves)."""
    joined = b"".join(hashlib.blake2b(s, digest_size=8).digest() for s in shingle_set)
    return np.unique(np.frombuffer(joined, dtype="<u8"))


def to_blob(hashed: np.ndarray) -> bytes:
    return np.asarray(hashed, dtype="<u8").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8")


def shared(a: np.ndarray, b: np.ndarray) -> int:
    """How many hashes two sorted distinct hash arrays have in common."""
    if not len(a) or not len(b):
        return 0
    return int(np.intersect1d(a, b, assume_unique=True).size)


def containment(a: set[bytes] | np.ndarray, b: set[bytes] | np.ndarray) -> float:
    if not len(a) or not len(b):
        return 0.0
    common = len(a & b) if isinstance(a, set) and isinstance(b, set) else shared(_array(a), _array(b))
    return common / min(len(a), len(b))


def is_copy(a: set[bytes] | np.ndarray, b: set[bytes] | np.ndarray) -> bool:
    """Same wire story: the smaller text is mostly inside the larger, and both are sizeable."""
    return min(len(a), len(b)) >= MIN_SHINGLES and containment(a, b) >= CONTAINMENT_THRESHOLD


def same_text(a: np.ndarray, b: np.ndarray) -> bool:
    """Near-identical texts (the same article read twice): Jaccard similarity of at least 0.9."""
    if min(len(a), len(b)) < 0.9 * max(len(a), len(b)):
        return False  # the Jaccard similarity is at most the ratio of the sizes
    common = shared(a, b)
    return common >= 0.9 * (len(a) + len(b) - common)


def _array(value: set[bytes] | np.ndarray) -> np.ndarray:
    return hashes(value) if isinstance(value, set) else value
