"""Word lists the Japanese rules read: titles, speech nouns, request and question verbs.

Rules as data: a new title or reporting shape found in real reports is one entry here
(with a case in tests/extract/test_ja_cases.py), not a new branch in the code.
"""

from __future__ import annotations

# Titles written after a name (赤沢亮正経済再生担当大臣, 林報道官, 高柳キャスター).
PERSON_TITLE_SUFFIXES = (
    "氏", "さん", "師", "大統領", "首相", "相", "官", "特使", "代表", "顧問", "書記", "書記長",
    "議長", "総長", "委員長", "大使", "次官", "司令官", "局長", "国王", "皇太子", "首長", "主席",
    "総統", "議員", "知事", "市長", "総裁", "理事", "教皇", "補佐官", "報道官", "長官", "委員",
    "外相", "参謀総長", "総司令官", "大臣", "副大臣", "総理", "幹事長", "会長", "社長", "党首",
    "団長", "事務局長", "教授", "弁護士", "最高経営責任者", "部長", "本部長", "課長", "室長", "所長",
    "副社長", "専務", "常務", "頭取", "理事長", "会頭",
)
# Titles of a company's officers: a katakana word before them is the company (トヨタ社長), not a name.
CORPORATE_TITLES = ("社長", "副社長", "会長", "頭取", "専務", "常務", "最高経営責任者")
KATAKANA_TITLES = ("キャスター", "アナウンサー", "リポーター", "コメンテーター", "アナリスト", "エコノミスト")

# Bodies every government has: カタールの外務省 is Qatar's, not the one the bare word lists.
GENERIC_BODIES = ("外務省", "防衛省", "国防省", "財務省", "商務省", "参謀本部", "大統領府", "首相府",
                  "首相官邸")

# 「…」という／との + these nouns report words (発言, 見方 …).
SPEECH_NOUNS = (
    "見方", "考え", "認識", "印象", "表現", "発言", "言葉", "立場", "見解", "声", "主張", "方針", "意向",
    "姿勢", "懸念", "批判", "警告", "指摘", "説明", "趣旨", "メッセージ", "思い", "意見", "感触", "見通し",
    "判断", "評価", "声明", "報告", "期待", "不満", "感想", "内容", "談話", "コメント", "受け止め",
)

# Of those, the nouns that are the words themselves: Xが「…」という発言 is X's.
SAYING_NOUNS = ("発言", "表現", "言葉", "声明", "主張", "談話", "コメント", "メッセージ", "投稿", "警告",
                "批判")

# 「…」と問われ: a question put to the speaker, nobody's statement.
QUESTION_VERBS = ("質問", "問い", "問われ", "聞かれ", "尋ねられ", "ただされ", "質され")

# 「…よう」Xから指示を受けた: X said it.
REQUEST_NOUNS = ("指示", "要請", "要求", "求め", "言われ", "命じ", "呼びかけ", "促され", "伝えられ", "注文")

# Chinese and Korean names written in kanji (何立峰副首相, 王毅外相, 李在明大統領): a surname
# from this list, one or two given-name characters, then one of the full titles below.
CJK_SURNAMES = frozenset(
    "王李張劉陳楊黄趙周呉徐孫馬朱胡郭何林羅高鄭梁謝宋唐許鄧韓馮曹彭曽蕭董潘袁蔡蒋余于杜葉程魏蘇呂丁"
    "任廖毛習汪秦傅温薛閻段雷侯龍史陶黎賀顧郝孔邵銭厳戴孟薄賈崔金朴尹姜兪沈盧柳玄卓洪范方姚譚鄒熊陸"
    "白康文")
CJK_TITLES = (
    "国家主席", "副主席", "主席", "副首相", "首相", "副総理", "総理", "外相", "外交部長", "報道官", "次官",
    "副部長", "部長", "大臣", "大統領", "委員長", "総書記", "書記", "大使", "国防相", "商務相", "財務相",
    "首席", "長官", "主任", "司令官", "議長", "代表", "総裁", "副総裁", "行政長官", "官房長官", "氏",
)
# Characters that begin a title, never a given name (王外相 is 王 + 外相, not 王外 + 相).
TITLE_STARTS = frozenset("外副首国報次大主総議委書特代元前駐長官相氏党政会社団教弁知市局司理顧補参財商")

# News outlets named as a source (ロイター通信によると, 米紙は…と報じた): words ending so.
MEDIA_SUFFIXES = ("通信社", "通信", "新聞", "テレビ", "放送", "メディア", "タイムズ", "ポスト", "ジャーナル")
# Outlets written in kanji, which no suffix rule can delimit (中国国営新華社通信).
KANJI_MEDIA = ("新華社通信", "新華社", "共同通信", "時事通信", "聯合ニュース", "中央テレビ", "国営テレビ",
               "国営メディア", "国営通信", "朝日新聞", "読売新聞", "毎日新聞", "日本経済新聞", "産経新聞",
               "東京新聞", "人民日報", "環球時報")
