from hypothesis import given
from hypothesis import strategies as st

from communique.ingest.clean import clean_text, is_boilerplate, split_front_matter, strip_markdown

FURNITURE = [
    "We use cookies to improve your experience.",
    "Accept all cookies",
    "Manage preferences",
    "Follow us on X",
    "Share on Facebook",
    "Facebook Twitter LinkedIn Email",
    "Text size",
    "Also read: Putin meets envoys in the Kremlin",
    "Sign up for our daily briefing",
    "Advertisement",
    "Photo: Reuters",
    "© 2025 Example News. All rights reserved.",
    "Cookieの使用について。当サイトはCookieを使用します。同意する",
    "シェアする",
    "あわせて読みたい:ゼレンスキー大統領が演説",
    "文字サイズ",
    "写真:ロイター",
]
PROSE = [
    "Peskov said publishing details of the talks would not be constructive.",
    "The Kremlin said it would share its view on the proposals later.",
    "Share prices fell in Moscow after the talks, analysts said.",
    "Follow-up talks are planned in Miami, officials said.",
    "ペスコフ報道官は、交渉内容の公表は建設的ではないと述べた。",
]


def test_furniture_lines_are_boilerplate():
    for line in FURNITURE:
        assert is_boilerplate(line), line


def test_prose_is_kept():
    for line in PROSE:
        assert not is_boilerplate(line), line


def test_repeated_paragraphs_are_dropped_and_order_kept():
    text = ("First paragraph of the story.\n\nSecond paragraph here.\n\n"
            "First paragraph of the story.\n\nThird.")
    assert clean_text(text) == "First paragraph of the story.\n\nSecond paragraph here.\n\nThird."


def test_lines_inside_a_paragraph_are_joined():
    assert clean_text("A sentence that\nwraps.\n\n\n\nNext  one.") == "A sentence that wraps.\n\nNext one."


def test_front_matter():
    fields, body = split_front_matter("---\ntitle: Talks resume\noutlet: Daily\n---\nBody text.\n")
    assert fields == {"title": "Talks resume", "outlet": "Daily"}
    assert body == "Body text.\n"


def test_strip_markdown():
    md = "# Title\n\nThe **envoy** met [Putin](https://x.example) and said *nothing*."
    assert strip_markdown(md) == "Title\n\nThe envoy met Putin and said nothing."


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80), max_size=8))
def test_cleaning_is_idempotent(paragraphs):
    once = clean_text("\n\n".join(paragraphs))
    assert clean_text(once) == once


def test_one_paragraph_per_line_text_keeps_its_lines():
    text = "見出しの行\n本文の一文目です。二文目です。\n小見出し\n次の段落の本文です。"
    assert clean_text(text) == (
        "見出しの行\n\n本文の一文目です。二文目です。\n\n小見出し\n\n次の段落の本文です。")


def test_hard_wrapped_english_joins_back():
    text = ("The envoys met the Russian president in the Kremlin on Tuesday for talks\n"
            "that lasted about five hours, an aide to the president told reporters\n"
            "afterwards.\nA new paragraph starts here after the sentence end.")
    assert clean_text(text) == (
        "The envoys met the Russian president in the Kremlin on Tuesday for talks that lasted "
        "about five hours, an aide to the president told reporters afterwards.\n\n"
        "A new paragraph starts here after the sentence end.")
