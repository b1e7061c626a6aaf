"""Japanese extraction, case by case (tables in the spirit of spaCy's Japanese tests).

Every sentence here is written for these tests.  Plus Hypothesis properties of the date
normalizer: 年月日, 令和, full-width digits, relative expressions.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.extract import ja
from communique.extract.gazetteer import load
from communique.extract.ja.dates_ja import find_dates, normalize, reference_date
from communique.extract.ja.sentences import split
from communique.model import Precision, Report

PUBLISHED = "2025-12-04T10:00:00+09:00"


def _report(body: str, published: str | None = PUBLISHED) -> Report:
    text = "見出し\n\n" + body
    return Report(id=Report.make_id(None, text), source="test", url=None, outlet=None, title="見出し",
                  published_at=published, published_precision=Precision.DATETIME, language="ja",
                  text=text, raw=text.encode(), content_type="text", encoding="utf-8")


def _quotes(body: str) -> dict[str, str | None]:
    extraction = ja.extract(_report(body), load())
    return {q.text: q.speaker_id for q in extraction.quotes}


# --- dates -------------------------------------------------------------------------

DATE_CASES = [
    # (expression, reference date, value, precision)
    ("12月3日", "2025-12-04", "2025-12-03", "day"),
    ("2025年12月8日時点", "2025-12-09", "2025-12-08", "day"),
    ("今月初め", "2025-12-08", "2025-12-01", "part_of_month"),
    ("先月下旬", "2025-12-01", "2025-11-21", "part_of_month"),
    ("11月", "2025-12-04", "2025-11-01", "month"),
    ("3日", "2025-12-04", "2025-12-03", "day"),
    ("28日", "2025-12-01", "2025-11-28", "day"),  # well ahead of the 1st: last month
    ("2日夜", "2025-12-04", "2025-12-02", "day"),
    ("令和7年12月3日", "2025-12-04", "2025-12-03", "day"),
    ("令和元年", "2025-12-04", "2019-01-01", "year"),
    ("１２月３日", "2025-12-04", "2025-12-03", "day"),
    ("２０２５年１１月", "2025-12-04", "2025-11-01", "month"),
    ("先週8日", "2025-12-15", "2025-12-08", "day"),
    ("昨日", "2025-12-04", "2025-12-03", "day"),
    ("火曜日", "2025-12-04", "2025-12-02", "day"),
    ("12月3日", "2026-01-05", "2025-12-03", "day"),  # December read in January: last year
    ("12月初め", "2025-12-08", "2025-12-01", "part_of_month"),
]


@pytest.mark.parametrize(("expression", "ref", "value", "precision"), DATE_CASES)
def test_dates(expression: str, ref: str, value: str, precision: str) -> None:
    got = normalize(expression, date.fromisoformat(ref))
    assert (got[0], got[1].value) == (value, precision)


@pytest.mark.parametrize("text", ["14日から2日間", "数カ月にわたり", "同意する", "毎月の会合"])
def test_not_dates_or_durations(text: str) -> None:
    found = [d.text for d in find_dates(text, date(2025, 12, 15))]
    assert "2日" not in found and "月" not in "".join(found).replace("14日", "")


def test_a_photo_credits_year_dates_nothing() -> None:
    """「(2025年 共同/山田太郎)」 closes a caption: the year the photo was taken, not an event's."""
    text = "両国の首脳は署名式に臨んだ(2025年 共同/山田太郎)。両国は2025年に国交を結んだ（2024年、東京）。"
    assert [d.text for d in find_dates(text, None)] == ["2025年", "2024年"]


def test_reference_date_is_japan_time() -> None:
    assert reference_date("2025-11-21T22:15:00+00:00") == date(2025, 11, 22)
    assert reference_date("2025-12-03") == date(2025, 12, 3)
    assert reference_date(None) is None


FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
KANJI = "〇一二三四五六七八九"


def _kanji_number(n: int) -> str:
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else KANJI[tens] + "十")) + (KANJI[ones] if ones else "")


days = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


@given(days, st.booleans())
def test_full_dates_round_trip(day: date, fullwidth: bool) -> None:
    text = f"{day.year}年{day.month}月{day.day}日"
    if fullwidth:
        text = text.translate(FULLWIDTH)
    assert normalize(text, None) == (day.isoformat(), Precision.DAY)


@given(st.dates(min_value=date(2019, 5, 1), max_value=date(2090, 12, 31)), st.booleans())
def test_reiwa_dates(day: date, kanji: bool) -> None:
    year = day.year - 2018
    if kanji:
        era_year = "元" if year == 1 else _kanji_number(year)
        text = f"令和{era_year}年{_kanji_number(day.month)}月{_kanji_number(day.day)}日"
    else:
        text = f"令和{'元' if year == 1 else year}年{day.month}月{day.day}日"
    assert normalize(text, None) == (day.isoformat(), Precision.DAY)


@given(days, st.integers(min_value=0, max_value=9))
def test_bare_day_is_recent(ref: date, back: int) -> None:
    """A bare 「N日」 within the last ten days resolves to that day."""
    day = ref - timedelta(days=back)
    value, precision = normalize(f"{day.day}日", ref)
    assert (value, precision) == (day.isoformat(), Precision.DAY)


@given(days, st.integers(min_value=1, max_value=12))
def test_month_without_year_is_near(ref: date, month: int) -> None:
    value, precision = normalize(f"{month}月", ref)
    assert precision is Precision.MONTH and value is not None
    resolved = date.fromisoformat(value)
    assert resolved.month == month and -320 <= (resolved + timedelta(days=14) - ref).days <= 45


# --- sentences -------------------------------------------------------------------------

SENTENCE_CASES = [
    ("彼は「一つ目だ。二つ目だ」と述べた。次の文。", 2),
    ("「閉じない括弧。次の文。", 2),
    ("ロシア(露)は応じた。米国は?", 2),
    ("見出しだけ", 1),
]


@pytest.mark.parametrize(("text", "count"), SENTENCE_CASES)
def test_sentences_do_not_break_inside_brackets(text: str, count: int) -> None:
    sentences, _ = split(text)
    assert len(sentences) == count
    assert all(text[s.start:s.end] == s.text for s in sentences)


# --- quotes: (text, quote, expected speaker) --------------------------------------------

QUOTE_CASES = [
    ("トランプ大統領は3日、「会談は良かった」と述べた。", "会談は良かった", "donald-trump"),
    ("トランプ米大統領は「まだ分からない」と語った。", "まだ分からない", "donald-trump"),
    ("クレムリン報道官のドミトリー・ペスコフ氏は「拒否はしていない」と説明した。", "拒否はしていない",
     "dmitry-peskov"),
    ("ペスコフ氏は会見を開いた。同報道官は「作業は続く」と強調した。", "作業は続く", "dmitry-peskov"),
    ("ゼレンスキー大統領は演説した。そのうえで、「尊厳が必要だ」と訴えた。", "尊厳が必要だ",
     "volodymyr-zelensky"),
    ("ロシア側は、詳細の公表は「建設的ではない」として控えた。", "建設的ではない", "russia"),
    ("プーチン大統領からは「合意したい」という印象を受けたとされる。", "合意したい", "vladimir-putin"),
    ("EUの外交筋からは「望みを並べた文書だ」との見方も出た。", "望みを並べた文書だ", "anon:european-union"),
    ("「妥協はない」と、ウシャコフ大統領補佐官は述べた。", "妥協はない", "yuri-ushakov"),
    ("米国の特使スティーブ・ウィトコフ氏は「進展があった」と投稿した。", "進展があった", "steve-witkoff"),
    ("ウィットコフ特使は「多くの進展があった」と語った。", "多くの進展があった", "steve-witkoff"),
    ("トランプ大統領が口にした「二人必要だ」という表現は象徴的だ。", "二人必要だ", "donald-trump"),
    ("トランプ大統領は、ゼレンスキー氏が提案に「まだ読んでいない」ことに「失望した」と述べた。",
     "失望した", "donald-trump"),
    ("ルビオ国務長官は、話し合いは「生産的だった」と述べた。", "生産的だった", "marco-rubio"),
]


# Shapes of real Japanese reports: people the gazetteer does not list, later mentions by
# surname, broadcast captions, requests, questions, clauses that only look like speakers.
REAL_SHAPE_CASES = [
    # 「しかし、その後X国防相が…と否定」: the clause's own subject denies, not the one before
    ("山川首相は、安全保障会議を開くと表明。しかし、その後谷川防衛相が会議の予定はないと否定した。",
     "会議の予定はない", "person:谷川"),
    # 「一方Xも、」: the country opening the sentence speaks, not the one of the sentence before
    ("ロシア側は、停戦の「重大な違反」があったと明らかにした。一方ウクライナも、停戦を「守り続ける」としながら、"
     "反撃していると主張した。", "守り続ける", "ukraine"),
    ("フランスの外相は「協議を続ける」と述べた。ドイツの外務省も「対話を支持する」と発表した。",
     "対話を支持する", "germany"),
    ("山川一郎経済再生担当大臣は8日、「交渉は最終局面だ」と記者団に語った。", "交渉は最終局面だ",
     "person:山川一郎"),
    ("山川一郎経済再生相は訪米した。山川氏は「手応えはある」と述べた。", "手応えはある", "person:山川一郎"),
    ("山澤一郎外相は会見した。山沢外相は「懸念は伝えた」と述べた。", "懸念は伝えた", "person:山澤一郎"),
    ("ロドリゲス通商代表は「協議は前進した」と強調した。", "協議は前進した", "person:ロドリゲス"),
    ("ネタニヤフ首相は会見した。一方で「撤退はしない」として、ハマス側が求める停戦を拒んだ。", "撤退はしない",
     "benjamin-netanyahu"),
    ("トランプ大統領は、中国と「大きな取引で合意」したと述べた。", "大きな取引で合意", "donald-trump"),
    ("山川一郎大臣は、「協力の道を探るよう」石破総理から指示を受けた。", "協力の道を探るよう",
     "shigeru-ishiba"),
    ("カタールの外務省は「仲介は行き詰まっている」との声明を出した。", "仲介は行き詰まっている", "qatar"),
    ("中国外務省の林剣報道官は会見した。林報道官は「断固反対する」と述べた。", "断固反対する", "lin-jian"),
    ("記者団から「辞任するのか」と問われた石破首相は「ありません」と答えた。", "ありません",
     "shigeru-ishiba"),
    ("山川一郎外相が中東歴訪を始めた。ドーハで外相と会談し、「支援の用意がある」と伝えた。",
     "支援の用意がある", "person:山川一郎"),
    ("川村花子キャスターは「会場は静かです」と伝えた。", "会場は静かです", "person:川村花子"),
    ("山川一郎外相は「懸念を伝え」「見直しを求めた」などと述べた。", "懸念を伝え", "person:山川一郎"),
    ("トランプ氏は記者団に「大きな好機」だと強調した。", "大きな好機", "donald-trump"),
    ("ロイター通信によると、トランプ大統領は6日、「大きな前進」があったとの認識を示した。", "大きな前進",
     "donald-trump"),
    ("山田一郎経済再生相が帰国した。\n\n「交渉は順調です」（山田大臣）", "交渉は順調です", "person:山田一郎"),
    ("山川一郎経済再生相が会見した。\n\n山川一郎経済再生相:\n\n来週にも訪米する予定です。\n\n会見は短かった。",
     "来週にも訪米する予定です。", "person:山川一郎"),
    ("カタール外務省報道官は、米政権が「停戦を支持している」との印象を抱いたとした。", "停戦を支持している",
     "qatar"),
    ("中国の何立峰副首相は「重要な一歩だ」と述べた。何副首相はまた「対話を続ける」と語った。", "対話を続ける",
     "person:何立峰"),
    ("中国の趙立新副首相は「協力を深めたい」と述べた。", "協力を深めたい", "person:趙立新"),
    ("山川一郎外相は、米側が規則を「速やかに直す」と説明したと明らかにした。時期は「常識の範囲だ」と述べた。",
     "常識の範囲だ", "person:山川一郎"),
    ("山川一郎外相は、米側が規則を「速やかに直す」と説明したと明らかにした。", "速やかに直す",
     "united-states"),
    ("山川一郎外相は会見した。両国が来週に声明を出すとし「大きな一歩だ」と話した。", "大きな一歩だ",
     "person:山川一郎"),
    ("中国の李成鋼（りせいこう）商務省国際貿易交渉代表は「合意に達した」と述べた。", "合意に達した",
     "person:李成鋼"),
    ("党首討論が開かれた。\n(山田代表)「説明が足りない」\n(石破総理)「丁寧に説明してきた」",
     "丁寧に説明してきた", "shigeru-ishiba"),
    ("高市早苗首相に質問が集中した。\n\n「国会で決めたい」。首相は討論会でこう述べた。", "国会で決めたい",
     "sanae-takaichi"),
    ("山川一郎総裁は「物価は上がり続ける」「対応が要る」 との見解を示した。", "物価は上がり続ける",
     "person:山川一郎"),
    ("決算は減益だった。\n\nそれでも「改善を積み上げる」(山田一郎副社長CFO)と自信をのぞかせた。",
     "改善を積み上げる", "person:山田一郎"),
    ("上田一郎渉外広報本部長は「前提で仮置きしている」と説明した。", "前提で仮置きしている",
     "person:上田一郎"),
    ("ミライ社長は「国内生産は守る」と述べた。", "国内生産は守る", "anon:ミライ"),
    ("ルビオ国務長官は会見した。トランプ氏も出席した。同長官は「前進した」と述べた。", "前進した",
     "marco-rubio"),
    # another country's minister after one named before: not him, an unnamed speaker of that country
    ("ラブロフ外相は「協議は続く」と述べた。\n\n仲介するオマーンの外相も「一定の前進があった」と語った。",
     "一定の前進があった", "anon:oman"),
    ("ラブロフ外相は「協議は続く」と述べた。\n\n仲介するミドリアの外相も「一定の前進があった」と語った。",
     "一定の前進があった", "anon:unknown"),
]


NOT_QUOTE_CASES = [
    # (body, bracket content that is nobody's words)
    ("記者団から「辞任するのか」と問われた石破首相は「ありません」と答えた。", "辞任するのか"),
    ("山川氏は会談を振り返った。トランプ氏の「テレビの印象」との違いも指摘した。", "テレビの印象"),
    ("山川一郎経済再生相は会見した。\n\nトランプ氏は「交渉上手だ」\n\n山川氏は「手強い相手だ」と述べた。",
     "交渉上手だ"),
    ("山川一郎経済再生相は会見した。\n\n【映像】山川大臣「交渉は順調だ」", "交渉は順調だ"),
    ("中国商務省の王受文次官は、米中が「第1段階の合意」に達したと表明した。", "第1段階の合意"),
    ("山川一郎外相は会見した。しかし「日本側の失策だ」との声もある。", "日本側の失策だ"),
    ("山川一郎氏 高市首相は「とても立派な政治家」\n\n山川一郎氏は記者会見を開いた。", "とても立派な政治家"),
    ("「公正」とは何を意味するかとの質問に、トランプ大統領は「時期尚早だ」と答えた。", "公正"),
]


def test_a_bloc_speaks_only_where_the_text_says_so() -> None:
    body = ("欧州の主要国は和平案への懸念を強めている。会談は長引いた。\n\n"
            "「戦争は望まない」\n\nプーチン大統領は、欧州が戦争を望むなら「すぐに応じる」と述べた。")
    quotes = _quotes(body)
    assert quotes.get("戦争は望まない") is None
    assert quotes["すぐに応じる"] == "vladimir-putin"


PIECES = [
    "山川一郎外相は会見した。",
    "同氏は「交渉は『最終段階』に入った」と述べた。",
    "「手応え」と「不安」が残る。",
    "山川氏は「期限は守る」と強調し、「譲歩はしない」と語った。",
    "トランプ大統領「大きな前進だ」",
    "「閉じない括弧。",
    "記者団から「辞めるのか」と問われた。",
    "一方、「静かな外交」を続ける考えを示した。",
]


@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8), st.booleans())
def test_direct_quotes_are_whole_brackets(pieces: list[str], paragraphs: bool) -> None:
    body = ("\n\n" if paragraphs else "").join(pieces)
    report = _report(body)
    for quote in ja.extract(report, load()).quotes:
        start, end = quote.evidence[0].start, quote.evidence[0].end
        assert report.text[start:end] == quote.text
        if quote.direct:
            assert report.text[start - 1] in "「『" and report.text[end] in "」』", quote.text
            assert quote.text.count("『") == quote.text.count("』")


def test_kanji_names_need_a_name() -> None:
    body = "習近平（シージンピン）国家主席は会談した。金融相は「市場を注視する」と述べた。"
    ids = {a.id for a in ja.extract(_report(body), load()).actors}
    assert "xi-jinping" in ids
    assert not {i for i in ids if i.startswith("person:")}


@pytest.mark.parametrize(("body", "quote", "speaker"), REAL_SHAPE_CASES)
def test_real_shapes(body: str, quote: str, speaker: str) -> None:
    assert _quotes(body).get(quote, "<missing>") == speaker


@pytest.mark.parametrize(("body", "content"), NOT_QUOTE_CASES)
def test_not_anyones_words(body: str, content: str) -> None:
    assert content not in _quotes(body)


def test_broadcast_caption_gives_the_speaker() -> None:
    body = ("山川一郎経済再生担当大臣は会見に臨んだ。林官房長官は「総理が判断した」と説明した。\n\n"
            "山川一郎 経済再生担当大臣\n「全力で取り組みます。結果を出したい」\n「信頼関係を作りたい」\n\n"
            "アメリカ　トランプ大統領\n「素晴らしい日だ」")
    quotes = _quotes(body)
    assert quotes["総理が判断した"] == "person:林"
    assert quotes["全力で取り組みます。結果を出したい"] == "person:山川一郎"
    assert quotes["信頼関係を作りたい"] == "person:山川一郎"
    assert quotes["素晴らしい日だ"] == "donald-trump"


def test_same_minister_is_a_mention() -> None:
    quote = ja.extract(_report("茂木敏充外相は会見した。同相は「対話を続ける」と述べた。"), load()).quotes[0]
    assert (quote.speaker_id, quote.speaker_text) == ("toshimitsu-motegi", "同相")


def test_people_outside_the_gazetteer_are_actors() -> None:
    body = "山川一郎経済再生相は9日、ロドリゲス通商代表と会談した。山川氏は「前進した」と語った。"
    actors = {a.id: a for a in ja.extract(_report(body), load()).actors}
    assert actors["person:山川一郎"].name_ja == "山川一郎"
    assert actors["person:ロドリゲス"].name_ja == "ロドリゲス"
    assert len(actors["person:山川一郎"].evidence) == 2


@pytest.mark.parametrize(("body", "quote", "speaker"), QUOTE_CASES)
def test_quote_speakers(body: str, quote: str, speaker: str) -> None:
    assert _quotes(body).get(quote, "<missing>") == speaker


def test_headline_quote() -> None:
    text = "トランプ大統領「次の一手は不透明」 会談後の本音\n\nトランプ大統領は3日、記者団に語った。"
    report = Report(id="r-headline", source="t", url=None, outlet=None, title=None, published_at=PUBLISHED,
                    published_precision=Precision.DATETIME, language="ja", text=text, raw=b"",
                    content_type="text", encoding="utf-8")
    quotes = {q.text: q.speaker_id for q in ja.extract(report, load()).quotes}
    assert quotes["次の一手は不透明"] == "donald-trump"


TERM_CASES = [
    "米国の「28項目」案が流出した。",
    "モスクワ会談の「手応え」と「不透明感」が焦点だ。",
    "「尊厳ある和平」をどう確保するかが課題だ。",
    "ロシアは「第5条」に近い仕組みを警戒している。",
    "「有志連合」の枠組みで支える考えだ。",
]


@pytest.mark.parametrize("body", TERM_CASES)
def test_terms_are_nobodys_words(body: str) -> None:
    assert not [q for q, s in _quotes(body).items() if len(q) <= 6]


INDIRECT_CASES = [
    ("ゼレンスキー大統領は10日、修正案を米国に送ったと明らかにした。", "修正案を米国に送った",
     "volodymyr-zelensky"),
    ("ペスコフ氏によると、協議は専門家レベルで続くという。", "協議は専門家レベルで続く", "dmitry-peskov"),
    # outlets as sources; a named speaker after the outlet speaks; nested reports; nominal forms
    ("ロイター通信によると、停戦の第1段階は6週間続く。", "停戦の第1段階は6週間続く", "media:ロイター通信"),
    ("地元テレビによれば、政府当局者は攻撃が続いたと訴えた。", "攻撃が続いた", "anon:unknown"),
    ("米ニュースサイト、ポリティコは15日、政府当局者が合意は近いと述べたと伝えた。", "合意は近い",
     "anon:unknown"),
    ("山川一郎外相は、協議の枠組みを設けることで合意したことを明らかにした。",
     "協議の枠組みを設けることで合意した", "person:山川一郎"),
    ("山川一郎外相は、詳細は来週に説明する考えを示した。", "詳細は来週に説明する", "person:山川一郎"),
    ("中国商務省は、輸出規制の強化を1年間延期すると発表した。", "輸出規制の強化を1年間延期する", "china"),
    ("米国と中国は14日、ローマで貿易協議を始めた。中国国営新華社通信が伝えた。",
     "米国と中国は14日、ローマで貿易協議を始めた", "media:新華社通信"),
    ("米紙ワシントン・ポスト電子版は14日、特使が近く幹部と協議する計画があると伝えた。",
     "特使が近く幹部と協議する計画がある", "media:ワシントン-ポスト"),
    ("地元メディアは、政府が16日に承認するとの見通しを伝えた。", "政府が16日に承認する",
     "media:地元メディア"),
    ("山川一郎外相によると両国は貿易拡大を話し合った。", "両国は貿易拡大を話し合った", "person:山川一郎"),
    ("ロイター通信は15日、首相が午後に記者会見を開くと報じた。", "首相が午後に記者会見を開く",
     "media:ロイター通信"),
    ("プーチン大統領は演説した。一方で、撤退しなければ、ロシアは目標を力で達成すると警告した。",
     "目標を力で達成する", "vladimir-putin"),
    ("ラブロフ外相は会見した。\n\n仲介するオマーンの外相も、双方に隔たりがあるとの認識を示した。",
     "双方に隔たりがある", "anon:oman"),
]


@pytest.mark.parametrize(("body", "clause", "speaker"), INDIRECT_CASES)
def test_indirect_speech(body: str, clause: str, speaker: str) -> None:
    extraction = ja.extract(_report(body), load())
    found = [q for q in extraction.quotes if not q.direct and clause in q.text]
    assert found and found[0].speaker_id == speaker


def test_hedge_keeps_who_relays() -> None:
    extraction = ja.extract(_report("ウクライナ政府の関係者によると、修正案は20項目からなるという。"), load())
    quote = extraction.quotes[0]
    assert quote.speaker_id == "anon:ukraine" and quote.hedge and "関係者" in quote.hedge


# --- events, proposals, positions --------------------------------------------------------

EVENT_CASES = [
    # the companion of 「との電話会談について」 and the principal who speaks of it
    ("石破茂首相は3日夜、トランプ米大統領との電話会談について記者団に説明した。", "phone_call", "2025-12-03",
     {"shigeru-ishiba", "donald-trump"}),
    # the subject carried from the sentence before, on a line of its own
    ("訪米を終えたゼレンスキー大統領が、4日に帰国した。\n3日午前、トランプ大統領と約50分間会談した。",
     "meeting", "2025-12-03", {"volodymyr-zelensky", "donald-trump"}),
    # the countries of a compound of one-letter names; a non-past verb that is said is still to come
    ("米中は近く貿易協議を行うことで合意した。", "planned_meeting", None, {"united-states", "china"}),
    ("何立峰副首相が9日からスイスを訪問し、ベッセント財務長官と会談すると発表した。", "planned_meeting",
     "2025-12-09", {"person:何立峰", "scott-bessent"}),
    # a list whose members are set apart by titles and an office in brackets
    ("赤沢氏は4日、トランプ米大統領やベセント財務長官、米通商代表部(USTR)のグリア代表と会談した。", "meeting",
     "2025-12-04", {"person:赤沢", "donald-trump", "jamieson-greer"}),
    # those who attended, named before the noun; those listed after 「協議は…行われ」
    ("米中両政府は4日、米国のベッセント財務長官と中国の何立峰副首相らが出席して初めての協議をスイスで行った。",
     "meeting", "2025-12-04", {"scott-bessent", "person:何立峰"}),
    ("協議は3日に行われ、米国からはベッセント財務長官、中国は何立峰副首相らが出席した。", "meeting",
     "2025-12-03", {"scott-bessent", "person:何立峰"}),
    # 「協議には…らが参加」: those who took part
    ("今回の協議には、米国からウィトコフ特使、ロシアからプーチン大統領らが参加している。", "meeting", None,
     {"steve-witkoff", "vladimir-putin"}),
    ("ロシアのプーチン大統領は2日、モスクワで米国のウィトコフ特使と会談した。", "meeting", "2025-12-02",
     {"vladimir-putin", "steve-witkoff"}),
    ("ゼレンスキー大統領は8日、ロンドンでスターマー首相と会談する予定だ。", "planned_meeting", "2025-12-08",
     {"volodymyr-zelensky", "keir-starmer"}),
    ("ウィトコフ氏は会談後、電話でトランプ大統領に報告した。", "phone_call", None,
     {"steve-witkoff", "donald-trump"}),
    ("28項目の和平案が11月に流出した。", "leak", "2025-11-01", set()),
]


@pytest.mark.parametrize(("body", "kind", "day", "participants"), EVENT_CASES)
def test_events(body: str, kind: str, day: str | None, participants: set[str]) -> None:
    events = [e for e in ja.extract(_report(body), load()).events if e.kind == kind]
    assert events, f"no {kind} event"
    assert events[0].date == day
    assert participants <= set(events[0].participant_ids)


POSITION_CASES = [
    ("ペスコフ報道官は「米国の和平案の一部は受け入れ、一部は受け入れがたい」と述べた。", "russia",
     "partly_accept"),
    ("プーチン大統領は、欧州の対案は受け入れがたいと述べた。", "vladimir-putin", "reject"),
]


@pytest.mark.parametrize(("body", "holder", "stance"), POSITION_CASES)
def test_positions(body: str, holder: str, stance: str) -> None:
    positions = ja.extract(_report(body), load()).positions
    assert (holder, stance) in {(p.holder_id, p.stance) for p in positions}


@pytest.mark.parametrize("body", ["赤沢氏は今月中に2回目の協議の実施を目指す方針を示した。",
                                  "何立峰副首相は、米中が貿易問題を協議する枠組みを設けることで合意した。"])
def test_a_meeting_aimed_at_or_a_framework_is_no_meeting(body: str) -> None:
    events = ja.extract(_report(body), load()).events
    assert not [e for e in events if e.kind in ("meeting", "planned_meeting")]


@pytest.mark.parametrize(("body", "clause"), [
    ("ハマスは声明で、代表団がカイロに到着したと明らかにした。", "代表団がカイロに到着した"),
    ("ハマスは18日、エジプトなどが示した停戦案に同意したと明らかにした。",
     "エジプトなどが示した停戦案に同意した"),
])
def test_the_reported_clause_starts_after_its_setting(body: str, clause: str) -> None:
    assert [q.text for q in ja.extract(_report(body), load()).quotes if not q.direct] == [clause]


def _stances(body: str) -> set[tuple[str, str, str]]:
    extraction = ja.extract(_report(body), load())
    names = {p.id: p.name for p in extraction.proposals}
    return {(p.holder_id, names.get(p.target_id or "", ""), p.stance) for p in extraction.positions}


def test_a_plans_author_in_a_relative_clause_is_not_the_one_concerned() -> None:
    stances = _stances("中国がまとめたとされる12項目の停戦案が明らかになり、"
                       "ベトナムの関係者の間で懸念が広がった。")
    assert ("china", "中国の12項目停戦案", "oppose") not in stances
    assert ("vietnam", "中国の12項目停戦案", "oppose") in stances


def test_the_one_whose_reaction_it_is() -> None:
    stances = _stances("中国が示した当初の「12項目」の停戦案は、ベトナムの反発を招いた。")
    assert {holder for holder, _plan, stance in stances if stance == "oppose"} == {"vietnam"}


def test_a_one_letter_author_and_a_counter_called_a_proposal() -> None:
    stances = _stances("英国は独自の対案を示した。ロシアは米提案の一部を受け入れた。"
                       "プーチン大統領は英側の提案は受け入れがたいと述べた。")
    assert ("russia", "米提案", "partly_accept") in stances
    assert ("vladimir-putin", "英国の対案", "reject") in stances


def test_evidence_is_exact_and_ids_are_stable() -> None:
    body = "トランプ大統領は3日、「会談は良かった」と述べた。プーチン大統領は2日、ウィトコフ特使と会談した。"
    report = _report(body)
    first, second = ja.extract(report, load()), ja.extract(report, load())
    assert [q.id for q in first.quotes] == [q.id for q in second.quotes]
    for item in (*first.quotes, *first.events):
        ev = item.evidence[0]
        assert ev.report_id == report.id and 0 <= ev.start < ev.end <= len(report.text)
    assert all(report.text[q.evidence[0].start:q.evidence[0].end] == q.text for q in first.quotes)
    assert set(first.extractors) == {"quotes.ja.v12", "events.ja.v18", "proposals.ja.v3", "positions.ja.v5",
                                     "actors.ja.v4"}


@pytest.mark.parametrize("body", ["", "「", "」」「『", "。。。", "あ" * 20000, "「" * 500 + "述べた"])
def test_odd_input_does_not_crash(body: str) -> None:
    ja.extract(_report(body), load())


def test_a_date_in_a_clause_that_modifies_a_noun_is_not_when_the_words_were_said() -> None:
    # 「3日発足した新政権」: the day the government took office, not the day of the remark
    body = "ペスコフ大統領報道官は、3日発足した新政権が「和平を強く支持している」との見方を示した。"
    said = {q.text: q.said_on for q in ja.extract(_report(body), load()).quotes}
    assert "和平を強く支持している" in said and said["和平を強く支持している"] != "2025-12-03"
    body = "ペスコフ大統領報道官は3日に発表した声明で「和平を強く支持している」と述べた。"
    said = {q.text: q.said_on for q in ja.extract(_report(body), load()).quotes}
    assert said.get("和平を強く支持している") == "2025-12-03"


def test_a_remark_is_dated_by_the_local_day_not_its_time_in_another_zone() -> None:
    body = "茂木敏充外相は米東部時間2日夜（日本時間3日午前）、記者団に「対話を続ける」と述べた。"
    said = {q.text: q.said_on for q in ja.extract(_report(body), load()).quotes}
    assert said == {"対話を続ける": "2025-12-02"}


def test_an_unnamed_official_marked_with_mo_speaks_for_himself() -> None:
    """「米政府高官も「…」と評価した」 after Araghchi's words: the US official's, not Araghchi's (and
    米政府 being a name already does not hide its 高官)."""
    found = _quotes("イランのメディアによると、アラグチ外相は「過去3回より真剣に行われた」と述べた。"
                    "米ニュースサイト「アクシオス」によれば、米政府高官も「結果に勇気づけられている」と評価した。")
    assert found["結果に勇気づけられている"] == "anon:united-states"
    assert found["過去3回より真剣に行われた"] == "abbas-araghchi"


def test_words_after_both_leaders_as_topic_are_not_the_topic_before_s() -> None:
    """「大統領は「…」と強調したほか、両首脳は「…」などとして」: the second words are the two leaders',
    not the president's named before them."""
    found = _quotes("仲介したトランプ大統領は「世界に平和をもたらすことが願いだ」と強調したほか、"
                    "両国の両首脳は「このようなことを成し遂げた人は他にいない」などとして称えた。")
    assert found["世界に平和をもたらすことが願いだ"] == "donald-trump"
    assert found.get("このようなことを成し遂げた人は他にいない") != "donald-trump"


def test_the_day_a_sentence_opens_with_dates_the_words_not_a_day_inside_it() -> None:
    """「首相は3日、前日に交わした合意について「…」と強調した」: said on the 3rd; the 2nd is when the
    agreement the clause names was signed."""
    body = ("茂木敏充外相は3日、前日に米ホワイトハウスで交わした隣国との和平合意について、"
            "「両国の鉄道がつながる」として意義を強調した。")
    said = {q.text: q.said_on for q in ja.extract(_report(body), load()).quotes}
    assert said == {"両国の鉄道がつながる": "2025-12-03"}


def test_a_clause_that_points_to_words_elsewhere_holds_none() -> None:
    """「トランプ氏によると、大統領はこのようにコメントした」: what he said is elsewhere, not here."""
    body = "トランプ氏によると、ロシア大統領は達成された結果についてこのようにコメントした。"
    assert not ja.extract(_report(body), load()).quotes


def test_a_place_by_the_border_is_no_question_of_territory() -> None:
    """「国境地帯に建設される回廊について懸念」 is about a corridor near the border, not the line of it."""
    body = "イランのペゼシュキアン大統領は、両国の国境地帯に建設される回廊について、懸念を示した。"
    assert not [p for p in ja.extract(_report(body), load()).positions if p.issue == "territory"]
    body = "イランのペゼシュキアン大統領は、国境線の画定について懸念を示した。"
    assert [p.issue for p in ja.extract(_report(body), load()).positions] == ["territory"]
