"""Titles are headlines, never page furniture: tables of cases in English and Japanese.

The lines imitate the shapes real pages and feeds put above an article (section names,
navigation, share bars, bylines, clocks, photo credits, site names); the words are ours.
"""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.ingest import build_report
from communique.ingest.titles import (
    choose_title,
    html_title_candidates,
    is_furniture,
    looks_like_headline,
    opening_words,
    split_head,
    strip_site_suffix,
    untitled_name,
    usable_title,
)
from communique.model import Document

FURNITURE_EN = [
    "World",
    "All news",
    "NewsPolitics",
    "World News",
    "BUSINESS",
    "General",
    "Skip to main content",
    "Get all your news in one place.",
    "Share current article via Email",
    "Share this story on WhatsApp",
    "Home » International » News",
    "Home > World > Asia Pacific > Trade",
    "Politics ❯ Trade ❯ Tariffs",
    "Updated 18 hours ago",
    "Updated: 12 June 2025 09:15 BST",
    "1 Min Read",
    "4 min read",
    "13 hours ago",
    "Reuters Staff",
    "Northwind Staff Lena Ortiz and Paul Grady",
    "Harbor City News Desk | Oslo | Updated: 12-06-2025 09:15 IST",
    "By Lena Ortiz",
    "By Lena Ortiz and Paul Grady, Northwind Times",
    "Photo: Kenji Mori/Kyodo",
    "(Photo by Ana Ruiz/Getty Images)",
    "Delegates arrive for the second day of talks. (Photo by Ana Ruiz/Getty Images)",
    "Two envoys shake hands before the meeting (Credit: AFP)",
    "The trade minister speaks to reporters in Lima on June 3. (The Northwind Times)",
    "The trade minister speaks to reporters in Lima. Image: Reuters/Anna Berg",
    "Ministers pose for a group photo at the summit venue in Lima, Peru, June 3, 2025.",
    "The minister at the airport on Tuesday. © Kyodo",
    "ADVERTISEMENT",
    "Now Reading:",
    "Hot word :",
    "Breaking:",
    "Continue reading",
    "19 Comments",
    "Related coverage:",
    "12:50 JST, May 3, 2025",
    "Tuesday, June 10, 2025",
    "June 10, 2025 at 16:08 JST",
    "3:05 PM – Thursday, June 12, 2025",
    "2025-06-10",
    "2025-06-10T09:15:00Z",
    "https://news.example.com/world/trade-talks",
    "www.example.org",
    "trade-talks-0612.jpg",
    "THE JAPAN TIMES",
    "Japan Today",
    "Published by Marta Ruiz 15 de junio, 2025",
    "Skip to playerSkip to main content",
    "Published",
    "193",
]

FURNITURE_JA = [
    "ニュース",
    "国際",
    "速報",
    "政治・経済",
    "写真：共同",
    "写真:ロイター",
    "（共同）",
    "2025年6月14日(土曜日)",
    "２０２５年６月１４日（土）",
    "2025年6月14日 10時05分 更新",
    "令和7年6月14日",
    "6月14日 18時30分",
    "3時間前",
    "最終更新 6/14 18:30",
    "ホーム > 国際 > アジア",
    "NHKニュース|国際 2025年6月14日",
    "スポンサーリンク",
    "もっと詳しく",
    "【写真を見る】",
    "会談に臨む両国の閣僚＝14日、リマ（共同）",
    "記者団の取材に応じる外相＝14日午後、外務省",
    "会見する外相(ロイター＝共同)",
    "この写真には衝撃的な内容が含まれます。ご了承の上でご覧ください。",
    "日本経済新聞",
]

HEADLINES_EN = [
    "Ostrova Presses Rail Unions on Wage Offer at Port Vell Talks; Transport Minister Says"
    " a Deal Could Come Before the Holiday Weekend",
    "Trade ministers agree to extend tariff truce for 90 days",
    "Japan's top negotiator heads to Washington for a fourth round",
    "World leaders back Lima accord on fisheries",
    "Share prices jump as tariff talks resume",
    "Updated forecasts show growth slowing in Asia",
    "Photo finish: negotiators seal deal hours before deadline",
    "By the numbers: what the tariff deal means for carmakers",
    "Live: talks in Geneva enter their second day",
    "Business groups urge speedy deal on steel quotas",
    "U.S., Japan sign trade pact; autos tariff cut to 15%",
    "Will the truce hold? Five questions after Geneva",
]

HEADLINES_JA = [
    "日米、関税協議で大筋合意 自動車は15%に",
    "【速報】ペルー外相が辞任を表明",
    "国際会議、リマで開幕 60カ国が参加",
    "写真家の森氏、報道写真賞を受賞",
    "首相「交渉は最終局面」 来週にも訪米へ",
    "米中、閣僚協議の枠組み設置で一致=高関税は90日停止",
]

NOT_HEADLINES = [
    # a summary line above the text: long and in sentence case (the headline is elsewhere)
    "Harbor state's governor Lena Ostrova met with union leaders and the transport minister"
    " in Port Vell to discuss progress in the rail strike talks",
    "The ministers met for three hours on Tuesday, officials said.",
    "TOKYO (Reuters) - Japan's trade negotiator said on Friday that talks would go on",
    "LIMA, June 3 (Northwind) - Fisheries ministers from 60 countries",
    "- Talks to resume on Monday",
    "外相は14日、リマで記者団に「合意は近い」と語った。",
    "【リマ共同】各国の閣僚は14日、漁業資源の保護で合意した",
    "「合意は近い。最後まで粘り強く交渉したい」",
    "the talks went on late into the night",
    "Minister",
    "赤沢経済再生担当大臣",
    "北川一郎 外務副大臣",
]


@pytest.mark.parametrize("line", FURNITURE_EN + FURNITURE_JA)
def test_furniture_is_furniture_and_never_a_headline(line):
    assert is_furniture(line), line
    assert not looks_like_headline(line), line


@pytest.mark.parametrize("line", HEADLINES_EN + HEADLINES_JA)
def test_headlines_read_as_headlines(line):
    assert not is_furniture(line), line
    assert looks_like_headline(line), line


@pytest.mark.parametrize("line", NOT_HEADLINES)
def test_prose_and_fragments_are_not_headlines(line):
    assert not looks_like_headline(line), line


def test_the_site_name_is_furniture_when_known():
    assert is_furniture("Bayside Lantern", site="Bayside Lantern")
    assert not is_furniture("Bayside Lantern")
    assert is_furniture("Harbor City Herald")  # a masthead shape
    assert is_furniture("NorthwindNews")


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Talks resume in Lima | Northwind Times", None, "Talks resume in Lima"),
        ("Talks resume in Lima - Reuters", None, "Talks resume in Lima"),
        ("Talks resume in Lima – Harbor City Herald", "Harbor City Herald", "Talks resume in Lima"),
        ("Talks resume in Lima - news.example.com", None, "Talks resume in Lima"),
        ("Harbor City Herald: Talks resume in Lima", "Harbor City Herald", "Talks resume in Lima"),
        ("Talks resume - officials say little", None, "Talks resume - officials say little"),
        ("Japan, U.S. sign deal - with caveats", None, "Japan, U.S. sign deal - with caveats"),
        ("関税協議が決着：日本経済新聞", None, "関税協議が決着"),
        ("外相が辞任を表明 | 国際 | 北西新報", None, "外相が辞任を表明"),
        ("外相が辞任を表明（1/2ページ）", None, "外相が辞任を表明"),
        ("外相が辞任を表明（北西テレビ Powered by NWN） - Yahoo!ニュース", None, "外相が辞任を表明"),
        ("外相が辞任を表明（共同通信）", None, "外相が辞任を表明"),
        ("外相が辞任を表明（リマ）", None, "外相が辞任を表明（リマ）"),
        ("Envoys meet in Lima | AP News", None, "Envoys meet in Lima"),
        ("ガザ停戦、発表か…仲介国が会見へ", None, "ガザ停戦、発表か…仲介国が会見へ"),  # kept as given
    ],
)
def test_site_suffix(title, site, expected):
    assert strip_site_suffix(title, site) == expected


def test_metadata_titles_that_are_furniture_are_refused():
    assert usable_title("World") is None
    assert usable_title("ニュース") is None
    assert usable_title("Home | Northwind Times") is None
    assert usable_title("Northwind Times", site="Northwind Times") is None
    assert usable_title("Envoys meet in Lima &amp; agree") == "Envoys meet in Lima & agree"
    assert choose_title(["World", None, "Envoys meet in Lima | Northwind"]) == "Envoys meet in Lima"


def test_another_candidate_says_where_the_headline_stops():
    assert choose_title(["Talks resume in Lima - Bayside Lantern", "Talks resume in Lima"]) == (
        "Talks resume in Lima")
    assert choose_title(["Talks resume in Lima - with caveats", "Talks resume"]) == (
        "Talks resume in Lima - with caveats")


def test_html_candidates_in_order():
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": "Envoys agree on a fisheries accord in Lima"})
    markup = (
        '<html><head><meta property="og:title" content="World">'
        f'<script type="application/ld+json">{ld}</script>'
        "<title>World | Northwind Times</title></head>"
        "<body><h1>Envoys agree on a fisheries accord in Lima</h1></body></html>"
    )
    candidates = html_title_candidates(markup)
    assert candidates[0] == "World"
    assert choose_title(list(candidates)) == "Envoys agree on a fisheries accord in Lima"


# -- the top of a text ------------------------------------------------------------------------
BODY_EN = "The ministers met for three hours on Tuesday, officials said."
BODY_JA = "【リマ共同】各国の閣僚は14日、漁業資源の保護で合意した。"


HL_EN = "Trade ministers agree to extend tariff truce"
HL_JA = "日米、関税協議で大筋合意 自動車は15%に"
TOPS = [
    (f"World\nSkip to main content\n{HL_EN}\n", HL_EN),
    (f"ADVERTISEMENT\n\n{HL_EN}\n\n", HL_EN),
    (f"Home » World » Asia\nNow Reading:\n{HL_EN}\n", HL_EN),
    (f" date 2025-06-10 {HL_EN}\n", HL_EN),
    (f"Home World {HL_EN}\n{HL_EN}\n", HL_EN),
    (f"Envoys shake hands before the meeting (Credit: AFP)\n{HL_EN}\n", HL_EN),
    ("Japan Today\nThe trade minister greets envoys at the summit in Lima\n"
     "The trade minister greets envoys at the summit in Lima on Saturday. Image: Reuters/Anna Berg\n"
     f"politics\n\n{HL_EN}\n", HL_EN),
    (f"Current News\n\n/\n\nNorthwindMax\n\n{HL_EN}\n", HL_EN),
    (f"logo\n{HL_EN}\n\n{HL_EN}\n", HL_EN),
    (f"We use cookies to improve your experience.\nAccept all cookies\nFollow us on X\n{HL_EN}\n", HL_EN),
    ("Lima’s envoys seated side by side\nLima envoys seated side by side before the talks © Northwind/X\n"
     f"Published\n193\n{HL_EN}\n", HL_EN),
    (f"ニュース\n国際\n2025年6月14日(土曜日)\n{HL_JA}\n", HL_JA),
    (f"2025年6月14日 10:32 | 無料公開\nトップ > 国際\n{HL_JA}\n", HL_JA),
    (f"スポンサーリンク\n会談に臨む両国の閣僚＝14日、リマ（共同）\n{HL_JA}\n", HL_JA),
]


@pytest.mark.parametrize(("top", "title"), TOPS)
def test_furniture_before_the_headline_is_dropped(top, title):
    body = BODY_JA if title[0] == "日" else BODY_EN
    head = split_head(top + body)
    assert head.title == title
    assert head.body.startswith(title) or head.body.lstrip().startswith(title)
    assert head.body.endswith(body)


@pytest.mark.parametrize(
    "text",
    [
        BODY_EN + "\nA second paragraph follows.",
        "- Talks to resume on Monday\n- Quotas unchanged\n" + BODY_EN,
        BODY_JA + "\n次の段落です。",
        "Trade ministers from sixty countries agreed to extend the truce, a move that could ease\n"
        "pressure on exporters, officials said.",
    ],
)
def test_text_that_starts_with_the_article_has_no_headline(text):
    head = split_head(text)
    assert head.title is None
    assert head.body == text


def test_furniture_then_prose_keeps_the_prose_and_no_title():
    head = split_head("THE JAPAN TIMES\nJune 10, 2025 at 16:08 JST\n" + BODY_EN)
    assert head.title is None
    assert head.body == BODY_EN
    assert "June 10, 2025" in head.header  # kept aside for the publication date


@pytest.mark.parametrize(
    ("line", "title", "clock"),
    [
        ("米中、閣僚協議を再開=関税停止の延長焦点 2025年06月14日 22時05分",
         "米中、閣僚協議を再開=関税停止の延長焦点", "2025年06月14日 22時05分"),
        ("Envoys agree truce in Lima 12:50 JST, April 19, 2025", "Envoys agree truce in Lima",
         "12:50 JST, April 19, 2025"),
        ("Markets close higher at 15:00", "Markets close higher at 15:00", None),
        ("Talks to resume in Lima on June 10", "Talks to resume in Lima on June 10", None),
    ],
)
def test_a_clock_run_onto_the_headline_goes_below_it(line, title, clock):
    head = split_head(line + "\n" + BODY_EN)
    assert head.title == title
    if clock:
        assert head.body == f"{title}\n{clock}\n{BODY_EN}"


def test_a_speaker_label_over_a_quote_is_words_of_the_report():
    text = "赤沢亮正 経済再生担当大臣\n「合意は近い。最後まで粘り強く交渉したい」\n" + BODY_JA
    head = split_head(text)
    assert head.title is None
    assert head.body == text


def test_a_known_title_only_drops_furniture():
    text = "World\nTrade ministers agree to extend tariff truce\n" + BODY_EN
    head = split_head(text, known_title="Trade ministers agree to extend tariff truce")
    assert head.title is None
    assert head.body == "Trade ministers agree to extend tariff truce\n" + BODY_EN


# -- whole reports ----------------------------------------------------------------------------
def _report(text: str, **meta):  # type: ignore[no-untyped-def]
    kind = meta.pop("content_type", "text")
    doc = Document(source="case.txt", raw=text.encode("utf-8"), content_type=kind, **meta)
    report, _warning = build_report(doc)
    return report


def test_plain_text_report_title_text_and_date():
    text = ("World\nSkip to main content\nTuesday, June 10, 2025\n"
            "Trade ministers agree to extend tariff truce\nBy Lena Ortiz\n\n"
            "The ministers met for three hours on Tuesday, officials said. The truce now runs to\n"
            "September, and quotas stay as they are.\n\nA second paragraph closes the report.\n")
    report = _report(text)
    assert report.title == "Trade ministers agree to extend tariff truce"
    assert report.text.startswith("Trade ministers agree to extend tariff truce\n\nBy Lena Ortiz\n\n")
    for sentence in ("The ministers met for three hours on Tuesday, officials said.",
                     "The truce now runs to September, and quotas stay as they are.",
                     "A second paragraph closes the report."):
        assert sentence in report.text
    assert "Skip to main content" not in report.text
    assert report.published_at == "2025-06-10"  # from a header line dropped from the text


def test_japanese_report_title():
    text = ("ニュース\n国際\n2025年6月14日(土曜日)\n日米、関税協議で大筋合意 自動車は15%に\n"
            "【ワシントン共同】日米両政府は13日、関税協議で大筋合意した。自動車の関税は15%になる。\n")
    report = _report(text)
    assert report.title == "日米、関税協議で大筋合意 自動車は15%に"
    assert report.text.startswith("日米、関税協議で大筋合意 自動車は15%に\n\n【ワシントン共同】")
    assert report.published_at == "2025-06-14"


def test_a_report_without_a_headline_has_no_title():
    report = _report("THE JAPAN TIMES\n\n" + BODY_EN + "\n\nA second paragraph closes the report.")
    assert report.title is None
    assert report.text.startswith(BODY_EN)


def test_a_furniture_record_title_gives_way_to_the_headline_in_the_text():
    report = _report("Trade ministers agree to extend tariff truce\n\n" + BODY_EN, title="World")
    assert report.title == "Trade ministers agree to extend tariff truce"


def test_a_feed_title_loses_its_site_suffix():
    report = _report(BODY_EN + "\n\nA second paragraph.", title="Truce extended for 90 days - Reuters")
    assert report.title == "Truce extended for 90 days"
    assert report.text.startswith("Truce extended for 90 days\n\n" + BODY_EN)


def test_html_page_with_furniture_og_title_uses_the_json_ld_headline():
    ld = json.dumps({"@type": "NewsArticle", "headline": "Envoys agree on a fisheries accord in Lima"})
    markup = (
        '<html lang="en"><head><meta property="og:title" content="World">'
        f'<script type="application/ld+json">{ld}</script><title>World</title></head><body><article>'
        "<p>Fisheries ministers from sixty countries agreed on Tuesday to cut quotas for three years, "
        "officials said after the talks in Lima.</p><p>The accord takes effect in January.</p>"
        "</article></body></html>"
    )
    report = _report(markup, content_type="html")
    assert report.title == "Envoys agree on a fisheries accord in Lima"
    assert report.text.startswith("Envoys agree on a fisheries accord in Lima\n\n")


def test_html_headline_from_the_text_when_the_metadata_has_none():
    markup = ("<html><head><title>World</title></head><body><article><p>Envoys agree on quotas in Lima</p>"
              "<p>Fisheries ministers from sixty countries agreed on Tuesday to cut quotas for three years, "
              "officials said.</p><p>The accord takes effect in January.</p></article></body></html>")
    report = _report(markup, content_type="html")
    assert report.title == "Envoys agree on quotas in Lima"
    assert report.text.startswith("Envoys agree on quotas in Lima\n\nFisheries ministers")


def test_untitled_names():
    assert opening_words("The ministers met for three hours on Tuesday, officials said.") == (
        "“The ministers met for three hours on Tuesday,…”")
    assert untitled_name("Northwind", "2025-06-10T09:00:00+00:00", BODY_EN).startswith(
        "Northwind, 2025-06-10: “The ministers")
    assert untitled_name(None, None, BODY_JA) == (
        "unknown outlet, undated: “【リマ共同】各国の閣僚は14日、漁業資源の保護で…”")


def test_listing_names_an_untitled_report_by_outlet_date_and_first_words(tmp_path):
    from communique import pipeline

    (tmp_path / "a.txt").write_text("THE JAPAN TIMES\n\n" + BODY_EN + "\n\nA second paragraph.\n", "utf-8")
    with pipeline.open_store(str(tmp_path / "t.db")) as store:
        pipeline.ingest(store, [str(tmp_path / "a.txt")], extract=False)
        rows = pipeline.report_rows(store)
    assert rows[0]["title"] is None
    assert rows[0]["name"].endswith(": “The ministers met for three hours on Tuesday,…”")


@pytest.mark.parametrize(
    ("page_title", "title"),
    [
        ("Envoys agree on quotas in Lima - Bayside Lantern", "Envoys agree on quotas in Lima"),
        ("Envoys agree on quotas in Lima | Bayside Lantern", "Envoys agree on quotas in Lima"),
        ("Japan, U.S. sign fisheries deal - with caveats", "Japan, U.S. sign fisheries deal - with caveats"),
    ],
)
def test_html_title_tag_without_a_declared_site(page_title, title):
    markup = (f"<html><head><title>{page_title}</title></head><body><article><p>Fisheries ministers "
              "from sixty countries agreed on Tuesday to cut quotas for three years, officials said.</p>"
              "</article></body></html>")
    report = _report(markup, content_type="html")
    assert report.title == title
    assert report.outlet in (None, "Bayside Lantern")


def test_an_aggregator_feed_item_title_loses_its_source_suffix(tmp_path):
    from communique.ingest import SourceOptions, expand

    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Aggregator</title><item>'
            "<title>Envoys agree on quotas in Lima - Bayside Lantern</title>"
            "<link>https://bayside.example/a</link>"
            '<source url="https://bayside.example">Bayside Lantern</source>'
            "<description>&lt;p&gt;Fisheries ministers from sixty countries agreed on Tuesday to cut quotas "
            "for three years, officials said.&lt;/p&gt;</description></item></channel></rss>")
    (tmp_path / "feed.xml").write_text(feed, "utf-8")
    options = SourceOptions(follow_links=False)
    docs = [d for d in expand(str(tmp_path / "feed.xml"), options) if isinstance(d, Document)]
    assert [d.title for d in docs] == ["Envoys agree on quotas in Lima"]


LINES = st.sampled_from(
    FURNITURE_EN[:12] + FURNITURE_JA[:8] + HEADLINES_EN[:4] + HEADLINES_JA[:3] + NOT_HEADLINES[:5]
    + ["", "  "]
)


@given(st.lists(LINES, max_size=8), st.sampled_from([BODY_EN, BODY_JA]))
def test_the_top_only_loses_furniture(lines, body):
    text = "\n".join([*lines, body])
    head = split_head(text)
    if head.title is None:
        assert text.endswith(head.body)
        dropped = text[: len(text) - len(head.body)]
        assert all(is_furniture(line) or not line.strip() or _repeats_below(line, text)
                   for line in dropped.split("\n")), dropped
    else:
        assert head.title in text
        assert head.body.startswith(head.title)
    assert head.body.endswith(body)


def _repeats_below(line: str, text: str) -> bool:  # "Home World <headline>" above "<headline>"
    return any(other.strip() and line.strip().endswith(other.strip()) and other.strip() != line.strip()
               for other in text.split("\n"))
