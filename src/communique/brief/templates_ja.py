"""Japanese sentence templates.  Deterministic, and nothing in them belongs to one story.

Every function takes display strings (names already in their Japanese form, dates already
formatted) and returns one sentence or heading.  Hedged claims take 報道によりますと (events)
or とされます / 伝えられています (positions, statements).  A quote that exists only in another
language is shown as written, marked as the original (（原文英語）).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

LANG = "ja"
HEDGE = "報道によりますと、"

LABELS = {
    "contested_date": "(日付は報道により異なる)",
    "points": "今後の焦点:三つのポイント",
    "points_2": "今後の焦点:二つのポイント",
    "points_1": "今後の焦点",
    "points_intro": (
        "記録から読み取れる今後の焦点を、次の規則で整理します(未決着の提案、対立する立場、次の日程)。"
    ),
    "perspective": "読者が押さえておきたい視点",
    "conflicts": "報道による違い",
    "references": "Reference(s):",
    "copies": "同じ配信記事の転載",
    "nothing_new": "この期間に新しい記録はありません。",
    "dropped": "検証で除外された文",
    "as_of": "時点",
    "proposals": "提案の経緯",
    "schedule": "今後の日程",
    "meetings": "協議の経過",
    "a_report": "ある報道",
}
_KIND = {
    "meeting": "会談",
    "phone_call": "電話会談",
    "planned_meeting": "会談",
    "leak": "流出",
    "proposal": "提案",
    "counter_proposal": "対案の提示",
    "statement": "声明",
    "agreement": "合意",
}
_STANCE_PHRASE = {
    "accept": "受け入れる姿勢",
    "partly_accept": "一部は受け入れ、一部は受け入れがたいとする姿勢",
    "reject": "受け入れない姿勢",
    "demand": "要求",
    "support": "支持する姿勢",
    "oppose": "反対する姿勢",
}
_STANCE_NOUN = {
    "accept": "受け入れ",
    "partly_accept": "一部受け入れ",
    "reject": "拒否",
    "demand": "要求",
    "support": "支持",
    "oppose": "反対",
    "unclear": "態度保留",
}
# a stance as a verb: the 連用形 that links clauses, and the て-form that ends the sentence
_STANCE_VERB = {
    "accept": ("受け入れ", "受け入れて"),
    "partly_accept": ("一部を受け入れ", "一部を受け入れて"),
    "reject": ("拒否し", "拒否して"),
    "demand": ("条件を示し", "条件を示して"),
    "support": ("支持し", "支持して"),
    "oppose": ("反対し", "反対して"),
    "unclear": ("態度を明らかにせず", "態度を明らかにしないで"),
}


def stances_clause(pairs: Sequence[tuple[str, str]]) -> str:
    """「A国が反対し、B国が一部を受け入れて」: holders and their stances as linked verbs, the
    last in the て-form (the caller ends the sentence: います / いるとされます / いて)."""
    groups: dict[str, list[str]] = {}
    for holder, stance in pairs:  # holders of one stance together: 「AとBが条件を示し」
        groups.setdefault(stance, []).append(holder)
    items = list(groups.items())
    parts = [f"{'と'.join(hs)}が{_STANCE_VERB.get(st, (st, st))[0]}" for st, hs in items[:-1]]
    st, hs = items[-1]
    parts.append(f"{'と'.join(hs)}が{_STANCE_VERB.get(st, (st, st))[1]}")
    return "、".join(parts)


_TITLE_STANCE = {
    "accept": "{t}を受け入れ",
    "partly_accept": "{t}を一部受け入れ",
    "reject": "{t}を拒否",
    "demand": "{t}で要求",
    "support": "{t}を支持",
    "oppose": "{t}に反対",
    "unclear": "{t}で態度保留",
}
ISSUES = {
    "nato-membership": "NATO加盟問題",
    "security-guarantees": "安全の保証",
    "territory": "領土問題",
    "elections": "選挙の実施",
    "sanctions": "制裁",
    "army-size": "軍の規模",
    "ceasefire": "停戦",
    "tariffs": "関税",
    "frozen-assets": "凍結資産",
    "prisoners": "捕虜の交換",
    "reparations": "賠償",
    "troops": "部隊の駐留",
    "market-access": "市場開放",
    "quotas": "輸入枠",
    "subsidies": "補助金",
    "investment": "投資",
    "export-controls": "輸出規制",
    "energy": "エネルギー",
    "nuclear-plant": "原子力発電所",
}
_CONFLICT_ATTR = {
    "duration": "長さ",
    "length": "長さ",
    "date": "日付",
    "points": "項目数",
    "wording": "文言",  # "<speaker>の発言の文言": the item label already says 発言
    "participants": "参加者",
    "speaker": "発言者",
    "place": "場所",
    "number": "数値",
    "count": "数",
}
_LANG_NAME = {
    "en": "英語",
    "ja": "日本語",
    "ru": "ロシア語",
    "uk": "ウクライナ語",
    "fr": "フランス語",
    "de": "ドイツ語",
    "zh": "中国語",
    "ko": "韓国語",
}


# -- pieces -------------------------------------------------------------------------------
def date(iso: str | None, precision: str | None, year: str) -> str | None:
    if not iso or precision in (None, "unknown"):
        return None
    y, m, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    prefix = "" if iso[:4] == year else f"{y}年"
    if precision in ("day", "datetime"):
        return f"{prefix}{m}月{d}日"
    if precision == "part_of_month":
        return f"{prefix}{m}月{'上旬' if d <= 10 else '中旬' if d <= 20 else '下旬'}"
    if precision == "month":
        return f"{prefix}{m}月"
    return f"{y}年"


def full_date(iso: str) -> str:
    return f"{int(iso[:4])}年{int(iso[5:7])}月{int(iso[8:10])}日"


def month(iso: str) -> str:
    return f"{int(iso[:4])}年{int(iso[5:7])}月"


def join(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "と" + items[-1]


def quote(text: str, lang: str) -> str:
    text = text.strip().rstrip("。")
    mark = "" if lang == LANG else f"（原文{_LANG_NAME.get(lang, lang)}）"
    return f"「{text}」{mark}"


def shown(text: str) -> str:
    """The verbatim part of a quote as it is shown (for the verifier)."""
    return text.strip().rstrip("。")


# 間接話法を後日の要約に載せるとき: 「今月中に協議する」(4月の発言) は「同月中に」
BACKSHIFT = (
    (re.compile(r"今月"), "同月"),
    (re.compile(r"今週"), "同じ週"),
    (re.compile(r"来週"), "翌週"),
    (re.compile(r"先週"), "前週"),
    (re.compile(r"来月"), "翌月"),
    (re.compile(r"先月"), "前月"),
    (re.compile(r"きょう|今日(?!的)"), "同日"),
    (re.compile(r"あす|明日"), "翌日"),
    (re.compile(r"きのう|昨日"), "前日"),
)


def capitalize(text: str) -> str:
    return text


def issue(slug: str) -> str:
    if slug in ISSUES:
        return ISSUES[slug]
    if not slug.isascii():
        return slug
    return f"{slug.replace('-', ' ')}(英語の論点名)"


def proposal(name: str, mentions: Sequence[str], author: str | None) -> str:
    """A proposal's Japanese name: as Japanese reports call it, else built from its English name."""
    good = [
        re.sub(r"[「」『』]", "", m).strip()
        for m in mentions
        if 2 <= len(m.strip()) <= 24 and not m.isascii()
    ]
    if good:
        counts = Counter(good)
        return sorted(counts, key=lambda m: (-counts[m], len(m), m))[0]
    if not name.isascii():
        return name
    match = re.search(r"(\d+)[- ](?:point|item)", name)
    low = name.lower()
    noun = "枠組み" if "framework" in low else "計画案"
    if match:
        return f"{int(match.group(1))}項目の{noun}"
    if "counter" in low:
        return f"{author}の対案" if author else "対案"
    if "framework" in low:
        return "修正された枠組み" if re.search(r"refined|revised|updated", low) else "枠組み"
    if author and re.search(r"\b(?:plan|draft|proposal|initiative)$", low):
        return f"{author}の計画案"  # "the X plan": the author's plan, named in Japanese
    return f"{name}(英語報道での呼称)"


def event_short(kind: str, place: str | None) -> str:
    return event_label(kind, place)


def event_label(kind: str, place: str | None, when: str | None = None) -> str:
    noun = _KIND.get(kind, kind)
    where = f"{place}での" if place else ""
    return f"{when}の{where}{noun}" if when else f"{where}{noun}"


# -- sentences ----------------------------------------------------------------------------
def statement(
    speaker: str,
    when: str | None,
    shown_quote: str,
    *,
    direct: bool,
    same_lang: bool,
    hedge: str | None,
    lead_in: str = "",
    verb: str | None = None,  # (the verb of the English wording: 「述べました」 whatever it was)
) -> str:
    when_part = f"{when}、" if when else ""
    if direct or not same_lang:
        body = f"{speaker}は{when_part}{shown_quote}と"
        verb = "述べたと伝えられています。" if hedge else "述べました。"
    else:  # reported speech is the outlet's wording: said without 「」, as the outlet says it
        content = shown_quote.removeprefix("「").removesuffix("」").rstrip("。")
        body = f"{speaker}は{when_part or '、'}{content}と"
        # 「詳細は12日に説明すると説明しました」 would say it twice: 述べました then
        said = "述べ" if re.search(r"説明(?:する|した|します|しました)$", content) else "説明し"
        verb = f"{said}たと伝えられています。" if hedge else f"{said}ました。"
    return f"{lead_in}{body}{verb}"


def statement_pair(speaker: str, when: str | None, first: str, second: str, *, hedge: str | None,
                   lead_in: str = "") -> str:
    """同じ日の同じ話し手の二つの発言: 「Xは5月15日、「A」と述べ、「B」とも述べました。」"""
    when_part = f"{when}、" if when else ""
    verb = "とも述べたと伝えられています。" if hedge else "とも述べました。"
    return f"{lead_in}{speaker}は{when_part}{first}と述べ、{second}{verb}"


def duration(hours: float, approx: str) -> str:
    """「約4時間」「2時間以上」「5時間近く」「2時間半」."""
    whole, half = int(hours), hours - int(hours) >= 0.5
    if hours * 2 != int(hours * 2):  # 「約50分間」「1時間40分」
        minutes = round((hours - whole) * 60)
        words = f"{minutes}分間" if not whole else f"{whole}時間{minutes}分"
    else:
        words = f"{whole}時間" + ("半" if half else "") if whole else "30分"
    return {"more": f"{words}以上", "nearly": f"{words}近く", "about": f"約{words}"}.get(approx, words)


def by_day(when: str) -> str:
    """日付を伝える報道のない会談: 最初に伝えた報道の日まで(「10月26日までに」)。"""
    return f"{when}までに"


def event(
    kind: str,
    when: str | None,
    place: str | None,
    actors: Sequence[str],
    *,
    hedge: str | None,
    future: bool,
    subject: str | None = None,
    countries: bool = False,
    manner: str | None = None,
    terms: str | None = None,
    mediators: Sequence[str] = (),
    duration: str | None = None,
) -> str | None:
    del terms  # an agreement's terms are the English report's own words: not in a Japanese sentence
    head = HEDGE if hedge else ""
    when_part = f"{when}、" if when else ""
    at = f"{place}で" if place else ""
    if mediators and kind in ("meeting", "agreement"):  # 仲介役: 「オマーンの仲介でマスカットで」
        at = f"{join(mediators)}の仲介で{at}" if not place else f"{join(mediators)}の仲介により{at}"
    if duration and kind == "meeting":
        at += f"{duration}にわたり"  # 「ローマで約4時間にわたり会談しました」
    first, rest = (actors[0], list(actors[1:])) if actors else ("", [])
    if kind == "meeting":
        if not actors:
            return None
        if rest and manner == "indirect":  # 仲介国を通じた協議: 双方は直接会っていない
            return f"{head}{when_part}{join(actors)}は{at}間接協議を行いました。"
        if rest and countries:  # 「中国は米国と会談しました」ではなく、両国の協議として
            return f"{head}{when_part}{join(actors)}は{at}協議を行いました。"
        if rest:
            return f"{head}{when_part}{first}は{at}{join(rest)}と会談しました。"
        return f"{head}{when_part}{first}は{at}会談を行いました。"
    if kind == "agreement":
        if not rest:
            return None  # 相手のいない「合意」は書かない
        what = (subject or "").strip().rstrip("。")
        if manner == "signed":
            return f"{head}{when_part}{join(actors)}は{at}合意文書に署名しました。"
        if what and re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", what) and len(what) <= 60:
            return f"{head}{when_part}{join(actors)}は{at}{what}で合意しました。"
        return f"{head}{when_part}{join(actors)}は{at}合意しました。"
    if kind == "phone_call":
        if not rest:
            return None
        return f"{head}{when_part}{first}は{join(rest)}と電話で会談しました。"
    if kind == "planned_meeting":
        on = f"{when}に" if when else ""
        if not actors:
            if not (on or at):
                return None
            return f"{head}{on}{at}会談が予定されて" + ("います。" if future else "いました。")
        verb = "会談する予定です。" if future else "会談する予定でした。"
        return f"{head}{join(actors)}は{on}{at}{verb}"
    if kind == "leak":
        if not subject:
            return None  # 「提案の内容が流出」: no content
        return f"{head}{when_part}{subject}の内容が流出しました。"
    if kind in ("proposal", "counter_proposal"):
        if not actors:
            return None
        return f"{head}{when_part}{first}が{subject or _KIND[kind]}を示しました。"
    return None


def position(holder: str, target: str, stance: str, *, hedge: str | None, is_issue: bool = False) -> str:
    if stance not in _STANCE_PHRASE:
        body = f"{holder}の{target}に対する立場は明確になっていません"
        return body + ("とされます。" if hedge else "。")
    body = f"{holder}は{target}について、{_STANCE_PHRASE[stance]}を示して"
    return body + ("いるとされます。" if hedge else "います。")


def stance_noun(stance: str) -> str:
    return _STANCE_NOUN.get(stance, stance)


def stance_change(holder: str, target: str, old: str, new: str) -> str:
    return f"{target}に対する{holder}の立場は、{stance_noun(old)}から{stance_noun(new)}に変わりました。"


def proposal_reported(name: str, authors: Sequence[str], when: str | None, *, hedge: str | None) -> str:
    """提案者と、記録の報道が伝え始めた日(「最初に報じられた」は記録に無い報道を知らない)。"""
    on = f"{when}以降に報じられた" if when else ""
    subject = f"{join(authors)}が" if authors else ""
    return f"{HEDGE if hedge else ''}{on}{name}は、{subject}示したものです。" if on else \
        f"{HEDGE if hedge else ''}{name}は、{subject}示したものです。"


def proposal_positions(name: str, pairs: Sequence[tuple[str, str]], *, hedge: str | None = None) -> str:
    return f"{name}をめぐっては、{stances_clause(pairs)}" + ("いるとされます。" if hedge else "います。")


def lead_context(topic: str, when: str) -> str:
    return f"{when}に入っても、{topic}をめぐる動きが続いています。"


def headline(speaker: str, shown_quote: str, label: str | None) -> str:
    return f"{speaker}{shown_quote} {label}後" if label else f"{speaker}{shown_quote}"


# -- section titles -----------------------------------------------------------------------
def event_title(label: str) -> str:
    return label


def party_title(side: str, target: str | None, stance: str | None) -> str:
    if target and stance in _TITLE_STANCE:
        return f"{side}:{_TITLE_STANCE[stance].format(t=target)}"
    return f"{side}の発言"


def since_title(when: str) -> str:
    return f"{when}以降の変化"


# -- points, perspective, as-of, conflicts --------------------------------------------------
def point_open(target: str, pairs: Sequence[tuple[str, str]]) -> str:
    if len(pairs) == 1 and pairs[0][1] == "partly_accept":
        return (
            f"{target}について、{pairs[0][0]}は一部を受け入れるにとどまり、受け入れがたい点が残っていること。"
        )
    return f"{target}をめぐっては、{stances_clause(pairs)}おり、各当事者の立場はまだそろっていないこと。"


def point_clash(target: str, pairs: Sequence[tuple[str, str]]) -> str:
    return f"{target}では、{stances_clause(pairs)}おり、主張が正面からぶつかっていること。"


def point_next(actors: Sequence[str], when: str | None, place: str | None) -> str:
    on = f"{when}に" if when else ""
    at = f"{place}で" if place else ""
    if not actors:
        return f"{on}{at}予定されている会談で、具体的な進展があるかどうか。"
    return f"{join(actors)}が{on}{at}予定している会談で、具体的な進展があるかどうか。"


def point_unclear(label: str) -> str:
    return f"{label}の後、次の協議の日程はまだ報じられていないこと。"


def perspective_intro(target: str) -> str:
    return f"記録の中で各当事者の立場が最も分かれている論点は、{target}です。"


def as_of_open(when: str, target: str) -> str:
    return f"{when}時点で、{target}をめぐる各当事者の立場はまだそろっていません。"


def as_of_latest(when: str, label: str, kind: str | None = None) -> str:
    """The latest event of its kind (see templates_en.as_of_latest)."""
    noun = _KIND.get(kind, kind) if kind else "動き"
    return f"{when}時点で記録にある最新の{noun}は、{label}です。"


def remark(speaker: str) -> str:
    return f"{speaker}の発言"


def conflict_subject(attribute: str | None, item_label: str | None, topic: str) -> str:
    attr = _CONFLICT_ATTR.get(attribute or "")
    if item_label and attr:
        return f"{item_label}の{attr}"
    if item_label:
        return f"{item_label}({topic})" if topic.isascii() else f"{item_label}の{topic}"
    return topic


def conflict(subject: str, variants: Sequence[tuple[str, str]]) -> str:
    parts = "、".join(f"{outlets}は{value}" for outlets, value in variants)
    return f"{subject}については報道によって内容が異なり、{parts}と伝えています。"


def new_conflict(subject: str) -> str:
    return f"{subject}について、報道の食い違いが新たに生じています。"


def outlets(names: Sequence[str]) -> str:
    return "、".join(names)
