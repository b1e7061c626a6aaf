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
from functools import cache

import numpy as np

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


SEED = 7
_U32 = np.uint32
# the MurmurHash3 32-bit finaliser: (shift, multiplier, shift, multiplier, shift)
_FMIX32 = (_U32(16), _U32(0x85EBCA6B), _U32(13), _U32(0xC2B2AE35), _U32(16))


@cache
def _permutations(num_perm: int = NUM_PERM, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """The ``num_perm`` hash functions h -> a*h + b (mod 2^32, ``a`` odd: a bijection) of the
    signature, drawn from numpy's legacy generator seeded with ``seed``: every ``a``, then every
    ``b``, as the "affine32" MinHash of ``datasketch`` 2 (the version the lock file pins, which
    earlier versions of this module called) draws them, so that the bands stored by those
    versions are the bands of the same text now."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=_U32) * _U32(2) + _U32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=_U32)
    return a, b


def _fmix32(values: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    values = values ^ (values >> s1)
    values = values * m1
    values = values ^ (values >> s2)
    values = values * m2
    return values ^ (values >> s3)


def signature(shingle_set: set[bytes]) -> np.ndarray:
    """The MinHash signature of a report's shingles (``NUM_PERM`` unsigned 32-bit values): each
    shingle hashed to 32 bits (the first four bytes of its SHA-1, little-endian) and mixed (the
    MurmurHash3 finaliser), and for each hash function of :func:`_permutations` the least value
    over the shingles; every value 2^32 - 1 for no shingle.  Computed here in a few numpy
    operations rather than by ``datasketch``, whose import loads scipy (about 60 MB of memory and
    most of a second) for this one computation."""
    a, b = _permutations()
    if not shingle_set:
        return np.full(NUM_PERM, (1 << 32) - 1, dtype=_U32)
    sha1 = hashlib.sha1
    digests = b"".join([sha1(s).digest()[:4] for s in shingle_set])
    mixed = _fmix32(np.frombuffer(digests, dtype="<u4").astype(_U32))
    with np.errstate(over="ignore"):
        return (mixed[:, None] * a + b).min(axis=0)  # uint32 arithmetic: it wraps, mod 2^32


def band_hashes(signature_values: np.ndarray) -> list[tuple[int, int]]:
    """(band number, 63-bit hash of that band's rows): the LSH keys of one report."""
    values = np.asarray(signature_values, dtype=np.uint64)
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
