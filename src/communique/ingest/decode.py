"""Bytes to text, in whatever common encoding real pages and files use.

Order of trust: a byte-order mark; then strict UTF-8; then the charset the document
declares (HTML ``<meta charset>``, an XML declaration, an HTTP header); then
charset-normalizer's detection.  Text that is nearly all UTF-8 with a few bad bytes is
decoded with replacement characters and reported, rather than misread as another encoding.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""(?:<meta[^>]+charset\s*=\s*["']?|<\?xml[^>]+encoding\s*=\s*["'])([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_ALIASES = {"x-sjis": "shift_jis", "sjis": "shift_jis", "windows-31j": "cp932", "x-euc-jp": "euc_jp"}
# Japanese encodings are decoded with their Microsoft supersets, which read every
# valid Shift_JIS / EUC-JP byte the same way and also the vendor characters real pages use.
_SUPERSETS = {"shift_jis": "cp932", "euc_jp": "euc_jis_2004", "iso8859_1": "cp1252", "ascii": "cp1252"}


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str = ""


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables and other non-text bytes."""
    head = data[:4096]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        # UTF-16 without a BOM has a NUL in every other byte of ASCII text.
        evens, odds = head[0::2], head[1::2]
        return not (evens.count(0) > 0.4 * len(evens) or odds.count(0) > 0.4 * len(odds))
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls > 0.05 * len(head)


def _normalize(name: str) -> str | None:
    name = name.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return _SUPERSETS.get(canonical.replace("-", "_"), canonical)


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    if header:
        found = re.search(r"charset=([A-Za-z0-9_.:-]+)", header, re.IGNORECASE)
        if found:
            return _normalize(found.group(1))
    match = _DECLARED.search(data[:4096])
    return _normalize(match.group(1).decode("ascii")) if match else None


def decode(data: bytes, source: str, header_charset: str | None = None) -> Decoded:
    """Decode ``data`` or raise :class:`InputError` saying why it is not text."""
    if not data.strip():
        raise InputError(source, "empty input", "check the file or URL has content")
    if not data.strip(b"\x00 \t\r\n\x0b\x0c"):
        raise InputError(source, "only NUL bytes, not text", "give a text, HTML, JSON or feed file")
    if looks_binary(data):
        raise InputError(source, "binary data, not text", "give a text, HTML, JSON or feed file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name.replace("-sig", ""))
            except UnicodeError:  # an odd byte count, or a BOM before bytes of another encoding
                if name == "utf-8-sig":
                    data = data[len(bom):]  # decided below, like a file without a BOM
                    break
                text = data.decode(name, errors="replace")
                bad = text.count("\ufffd")
                if bad > max(3, len(text) // 100):
                    raise InputError(source, f"broken {name.upper()} (a byte-order mark, then "
                                     "bytes that are not that encoding)",
                                     "convert it to UTF-8 (e.g. iconv -f <encoding> -t utf-8)") from None
                return Decoded(text, name, f"{bad} broken {name.upper()} character(s) replaced "
                               "with U+FFFD")
    wide = _utf16_without_bom(data)
    if wide:
        try:
            return Decoded(data.decode(wide), "utf-16", "UTF-16 without a byte-order mark")
        except UnicodeError:
            pass
    if data.startswith(b"\x1b$B") or b"\x1b$B" in data[:4096]:
        try:
            return Decoded(data.decode("iso2022_jp_ext"), "iso2022_jp")
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data, header_charset)
    if declared and declared not in ("utf_8", "utf-8"):
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeError, LookupError, ValueError):  # "undefined", or bytes it cannot read
            pass
    bad = _invalid_utf8_bytes(data)
    # UTF-8 with a few broken bytes still has valid multi-byte sequences; a legacy
    # encoding (cp1252, Shift_JIS) has none, and goes to detection instead.
    if bad and bad <= max(3, len(data) // 200) and _has_utf8_multibyte(data):
        return Decoded(
            data.decode("utf-8", errors="replace"),
            "utf-8",
            f"{bad} invalid UTF-8 byte(s) replaced with U+FFFD; re-save the input as UTF-8 "
            "for an exact copy",
        )
    best = from_bytes(data[: 1 << 20]).best()
    if best is None or best.encoding is None:
        raise InputError(
            source,
            "could not tell the text encoding",
            "convert it to UTF-8 (e.g. iconv -f <encoding> -t utf-8)",
        )
    encoding = _normalize(best.encoding) or best.encoding
    try:
        return Decoded(data.decode(encoding, errors="replace"), encoding)
    except (UnicodeError, LookupError):
        raise InputError(source, "could not tell the text encoding",
                         "convert it to UTF-8 (e.g. iconv -f <encoding> -t utf-8)") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" for text whose every other byte is NUL (ASCII-range UTF-16)."""
    head = data[:4096]
    if len(head) < 4 or b"\x00" not in head:
        return None
    evens, odds = head[0::2], head[1::2]
    if odds.count(0) > 0.6 * len(odds) and evens.count(0) < 0.1 * len(evens):
        return "utf-16-le"
    if evens.count(0) > 0.6 * len(evens) and odds.count(0) < 0.1 * len(odds):
        return "utf-16-be"
    return None


def check_text(text: str, source: str) -> tuple[str, str]:
    """(text, warning): text of NUL characters, or mostly of them, is refused; a few are dropped."""
    nuls = text.count("\x00")
    if not nuls:
        return text, ""
    if nuls * 10 > len(text) or not text.replace("\x00", "").strip():
        raise InputError(source, f"{nuls:,} NUL characters in {len(text):,}: not text",
                         "give a text, HTML, JSON or feed file (UTF-16 needs its byte-order mark)")
    return text.replace("\x00", ""), f"{nuls} NUL character(s) removed"


def _invalid_utf8_bytes(data: bytes) -> int:
    decoded = data.decode("utf-8", errors="replace")
    return decoded.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")


def _has_utf8_multibyte(data: bytes) -> bool:
    return any(ord(ch) > 127 for ch in data.decode("utf-8", errors="ignore"))
