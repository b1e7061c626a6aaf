import codecs

import pytest

from communique.errors import InputError
from communique.ingest.decode import decode, looks_binary

JA = "クレムリンのペスコフ報道官は「一部は受け入れられた」と述べた。和平交渉は続く見通しだ。" * 3
EN = "The envoy said the talks were \u201creasonably good\u201d and would continue \u2014 next week."

CASES = [
    ("utf-8", JA.encode("utf-8"), JA),
    ("utf-8 with BOM", codecs.BOM_UTF8 + JA.encode("utf-8"), JA),
    ("utf-16 with BOM", JA.encode("utf-16"), JA),
    ("utf-16-le with BOM", codecs.BOM_UTF16_LE + EN.encode("utf-16-le"), EN),
    ("shift_jis", JA.encode("shift_jis"), JA),
    ("euc-jp", JA.encode("euc_jp"), JA),
    ("iso-2022-jp", JA.encode("iso2022_jp"), JA),
    ("cp1252", (EN * 3).encode("cp1252"), EN * 3),
]


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_decodes_common_encodings(name, data, expected):
    assert decode(data, "x").text == expected


def test_declared_charset_in_html_is_used():
    page = '<html><head><meta charset="Shift_JIS"></head><body><p>' + JA + "</p></body></html>"
    decoded = decode(page.encode("shift_jis"), "page.html")
    assert JA in decoded.text
    assert decoded.encoding in ("cp932", "shift_jis")


def test_invalid_utf8_bytes_are_replaced_and_reported():
    data = ("Zelensky said “peace” " * 20).encode("utf-8") + b"\xff\xfe broken" + b" more text" * 10
    decoded = decode(data, "bad.txt")
    assert "\ufffd" in decoded.text
    assert "invalid UTF-8" in decoded.warning


@pytest.mark.parametrize("data", [b"", b"   \n\t "])
def test_empty_is_an_error(data):
    with pytest.raises(InputError, match="empty"):
        decode(data, "empty.txt")


def test_binary_is_an_error():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    assert looks_binary(png)
    with pytest.raises(InputError, match="binary"):
        decode(png, "image.txt")


def test_utf16_without_bom_is_not_binary():
    assert not looks_binary(EN.encode("utf-16-le"))
