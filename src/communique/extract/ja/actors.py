"""Actor mentions in Japanese text: gazetteer names, titles and honorifics, later mentions.

Found, in order of trust: gazetteer names (longest first, never inside a longer katakana
word) extended over titles before and after the name (``トランプ米大統領``,
``クレムリン報道官のドミトリー・ペスコフ氏``); collectives (``ロシア側``, ``欧州の主要国``);
people Sudachi tags 人名 or katakana names followed by 氏 or a title (unknown people get
``person:<name>``); anonymous sources (``EUの外交筋`` -> ``anon:european-union``); and
anaphors (``同氏``, ``同報道官``) resolved to the latest person with that title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..gazetteer import Gazetteer
from .lexicon import (
    CORPORATE_TITLES,
    GENERIC_BODIES,
    KANJI_MEDIA,
    KATAKANA_TITLES,
    MEDIA_SUFFIXES,
    PERSON_TITLE_SUFFIXES,
)
from .names import cjk_names

_SUFFIX_RE = re.compile("(?:" + "|".join(sorted(set(PERSON_TITLE_SUFFIXES), key=len, reverse=True)) + ")$")
_READING = re.compile(r"[（(][\u3041-\u309f\u30a1-\u30fa\u30fc・]{2,16}[）)]")
_TITLE_RUN = re.compile(r"[\u4e00-\u9fff々A-ZＡ-Ｚ・=＝（）()]{1,24}")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")
_KATA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}(?:[・=＝][\u30a1-\u30fa\u30fc]{2,})*")
_ASCII_WORD = re.compile(r"[A-Z][A-Za-z0-9]{1,7}|[Ａ-Ｚ][Ａ-Ｚａ-ｚ０-９]{1,7}")
ABBREVIATIONS = {"米": "united-states", "露": "russia", "ロ": "russia", "英": "united-kingdom",
                 "仏": "france", "独": "germany", "宇": "ukraine", "欧": "europe", "中": "china",
                 "日": "japan", "韓": "south-korea"}
_COLLECTIVE_ABBR = re.compile(r"(?<![\u30a1-\u30fa\u30fc\u4e00-\u9fff])(米|露|ロ|英|仏|独|宇|欧)側")
_COLLECTIVE_PHRASES = {
    "欧州の主要国": "european-union", "ヨーロッパの主要国": "european-union", "欧州主要国": "european-union",
    "欧州各国": "european-union", "ヨーロッパ各国": "european-union", "欧州首脳": "european-union",
    "欧州の首脳": "european-union",
    "ヨーロッパの首脳": "european-union", "英仏独": "e3", "欧米": "the-west",
}
_ANON_ANCHOR = re.compile(
    r"(?:複数の)?(?:政府)?(?:高官|当局者|関係者|外交筋|消息筋|情報筋|外交官|筋)(?:の一人)?")
_ANAPHOR = re.compile(
    r"同(氏|[\u4e00-\u9fff]{0,8}?(?:大統領|首相|相|報道官|特使|長官|補佐官|代表|書記|議長|総長|大臣|総理))")
_PERSON_KINDS = {"person"}


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor: ``text[start:end]`` is the whole phrase, titles included."""

    start: int
    end: int
    actor_id: str
    kind: str  # person | country | organization | bloc | collective | anonymous
    name: str  # the name as written (no titles)
    title: str = ""  # title after the name (大統領, 報道官, 氏 …)
    title_before: str = ""  # title before the name (クレムリン報道官の …)
    via: str = "gazetteer"  # gazetteer | sudachi | katakana | collective | anonymous | anaphor
    metonym: bool = False  # a place name standing for a government (モスクワ)


@dataclass(frozen=True, slots=True)
class Matcher:
    by_first: dict[str, list[tuple[str, str, bool]]]  # first char -> (form, id, metonym)
    kinds: dict[str, str]


_MATCHERS: dict[int, tuple[Gazetteer, Matcher]] = {}


def matcher(gazetteer: Gazetteer) -> Matcher:
    """The surface-form index of a gazetteer (built once per gazetteer object)."""
    cached = _MATCHERS.get(id(gazetteer))
    if cached is not None and cached[0] is gazetteer:
        return cached[1]
    forms: dict[str, tuple[str, bool]] = {}
    kinds: dict[str, str] = {}
    for entry in sorted(gazetteer.entries.values(), key=lambda e: e.id):
        kinds[entry.id] = entry.kind
        names = (entry.name_ja, entry.short_ja, *entry.aliases_ja)
        for form in names:
            if form and form not in forms:
                forms[form] = (entry.id, False)
        for form in _attr(entry, "metonyms_ja"):
            forms.setdefault(form, (entry.id, True))
    by_first: dict[str, list[tuple[str, str, bool]]] = {}
    for form, (actor_id, metonym) in forms.items():
        by_first.setdefault(form[0], []).append((form, actor_id, metonym))
    for items in by_first.values():
        items.sort(key=lambda item: -len(item[0]))
    built = Matcher(by_first, kinds)
    _MATCHERS[id(gazetteer)] = (gazetteer, built)
    return built


def _attr(entry: Any, name: str) -> tuple[str, ...]:
    value = getattr(entry, name, ())
    return tuple(value) if isinstance(value, (tuple, list)) else ()


def is_katakana(ch: str) -> bool:
    return bool(_KATAKANA.match(ch))


def _is_kanji(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "々"




def title_after(text: str, end: int) -> str:
    """The longest run of title words right after a name (``米大統領``, ``報道官``, ``氏``).

    A reading in brackets before the title belongs to it: ``習近平（シージンピン）国家主席``.
    """
    reading = _READING.match(text, end)
    if reading:
        title = title_after(text, reading.end())
        return reading.group() + title if title else ""
    run = _TITLE_RUN.match(text, end)
    if not run:
        return next((t for t in KATAKANA_TITLES if text.startswith(t, end)), "")
    value = run.group()
    for cut in range(len(value), 0, -1):
        if _SUFFIX_RE.search(value[:cut]):
            return value[:cut]
    return ""


def title_before(text: str, start: int) -> str:
    """A title right before a name, with or without の (``クレムリン報道官の``, ``特使``)."""
    end = start - 1 if start and text[start - 1] == "の" else start
    i = end
    while i > 0 and (_is_kanji(text[i - 1]) or is_katakana(text[i - 1]) or text[i - 1] in "・()（）"):
        i -= 1
    candidate = text[i:end]
    if candidate and _SUFFIX_RE.search(candidate) and candidate not in ("氏",):
        return text[i:start]
    return ""


def find_mentions(text: str, gazetteer: Gazetteer, person_spans: list[tuple[int, int]],
                  words: set[int] | None = None) -> list[Mention]:
    """Every actor mention in ``text``, sorted by position, non-overlapping.

    ``words`` are the starts of ordinary words (not names) Sudachi found, for the kanji-name rule.
    """
    built = matcher(gazetteer)
    mentions: list[Mention] = []
    taken = [False] * (len(text) + 1)
    _gazetteer_pass(text, built, mentions, taken)
    _ascii_pass(text, gazetteer, built, mentions, taken)
    _collective_pass(text, mentions, taken)
    _cjk_pass(text, words or set(), mentions, taken)
    _media_pass(text, mentions, taken)
    _person_pass(text, person_spans, mentions, taken)
    _unify_people(mentions)
    mentions.sort(key=lambda m: m.start)
    _foreign_bodies(text, mentions)
    mentions.sort(key=lambda m: m.start)
    _anonymous_pass(text, mentions, taken)
    mentions.sort(key=lambda m: m.start)
    _anaphor_pass(text, mentions, taken)
    mentions.sort(key=lambda m: m.start)
    _both_sides_pass(text, mentions, taken)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _antecedent(text: str, out: list[Mention], start: int, wanted: str) -> Mention | None:
    """The person 同氏 / 同報道官 points back to: the latest main-clause subject, else the latest person."""
    fallback = None
    for i in range(len(out) - 1, -1, -1):
        mention = out[i]
        if mention.start >= start or mention.kind != "person":
            continue
        if wanted != "氏" and wanted not in mention.title + mention.title_before:
            continue
        fallback = fallback or mention
        marker = re.match(r"(?:は|も|によると|によれば|が)", text[mention.end:mention.end + 4])
        if not marker:
            continue
        if marker.group() == "が":
            sentence_start = max(text.rfind("。", 0, mention.start), text.rfind("\n", 0, mention.start)) + 1
            if re.search(r"は[、,]?", text[sentence_start:mention.start]) and any(
                    o.start >= sentence_start and o.end < mention.start and text.startswith("は", o.end)
                    for o in out):
                continue  # a subject inside a clause reported by the sentence's topic
        return mention
    return fallback


def _both_sides_pass(text: str, out: list[Mention], taken: list[bool]) -> None:
    """双方 / 両国: the first of the two countries last named together speaks for both."""
    for match in re.finditer(r"双方|両国|両政府", text):
        start, end = match.span()
        if not _free(taken, start, end):
            continue
        countries = [m for m in out if m.end <= start and m.kind in ("country", "collective")]
        pair = None
        for a, b in zip(countries, countries[1:], strict=False):
            if a.actor_id != b.actor_id and (b.start == a.end + 1 and text[a.end] == "と" or pair is None
                                             and b.start - a.end <= 80):
                pair = a
        if pair is None:
            continue
        out.append(Mention(start, end, pair.actor_id, "collective", match.group(), via="collective"))
        _take(taken, start, end)


def _free(taken: list[bool], start: int, end: int) -> bool:
    return not any(taken[start:end])


def _take(taken: list[bool], start: int, end: int) -> None:
    for k in range(start, end):
        taken[k] = True


def _gazetteer_pass(text: str, built: Matcher, out: list[Mention], taken: list[bool]) -> None:
    n = len(text)
    i = 0
    while i < n:
        candidates = built.by_first.get(text[i])
        hit = None
        if candidates:
            for form, actor_id, metonym in candidates:
                if text.startswith(form, i) and _boundary_ok(text, i, i + len(form), built.kinds[actor_id]):
                    hit = (form, actor_id, metonym)
                    break
        if hit is None:
            i += 1
            continue
        form, actor_id, metonym = hit
        kind = built.kinds[actor_id]
        start, end = i, i + len(form)
        title = ""
        if kind in _PERSON_KINDS:
            # a given name written before the listed surname: スティーヴ・ウィトコフ
            while start > 1 and text[start - 1] in "・=＝" and is_katakana(text[start - 2]):
                k = start - 1
                while k > 0 and is_katakana(text[k - 1]):
                    k -= 1
                start = k
            title = title_after(text, end)
            if len(form) <= 2 and not title and all(_is_kanji(c) for c in form):
                i += 1
                continue  # 習, 頼, 小泉 … only with a title
        elif text.startswith("側", end):
            title, kind = "側", "collective"
        before = title_before(text, start) if kind in _PERSON_KINDS else ""
        out.append(Mention(start, end + len(title), actor_id, kind, text[start:end], title, before,
                           "gazetteer", metonym))
        _take(taken, start, end + len(title))
        i = end + len(title)


def _boundary_ok(text: str, start: int, end: int, kind: str) -> bool:
    """A katakana name must not be part of a longer katakana word (タイ in タイトル)."""
    if is_katakana(text[start]) and start and is_katakana(text[start - 1]):
        return False
    if is_katakana(text[end - 1]) and end < len(text) and is_katakana(text[end]):
        return False
    return not (text[end - 1].isascii() and end < len(text) and text[end].isascii() and text[end].isalnum())


def _ascii_pass(text: str, gazetteer: Gazetteer, built: Matcher, out: list[Mention],
                taken: list[bool]) -> None:
    for match in _ASCII_WORD.finditer(text):
        start, end = match.span()
        glued = start and text[start - 1].isalnum() and text[start - 1].isascii()
        if not _free(taken, start, end) or glued:
            continue
        entry = gazetteer.lookup(match.group())
        if entry is None or entry.kind == "person":
            continue
        kind = entry.kind
        # NATO=北大西洋条約機構 / EU=ヨーロッパ連合: the gloss belongs to the mention
        gloss = re.match(r"[=＝][^\s、。はがのとも]{1,12}?(?=[はがのとも、。])", text[end:])
        if gloss:
            end += gloss.end()
        out.append(Mention(start, end, entry.id, kind, match.group()))
        _take(taken, start, end)
        for other in list(out):
            if other is not out[-1] and start <= other.start < end:
                out.remove(other)


def _collective_pass(text: str, out: list[Mention], taken: list[bool]) -> None:
    for phrase, actor_id in _COLLECTIVE_PHRASES.items():
        for match in re.finditer(re.escape(phrase), text):
            start, end = match.span()
            for other in [m for m in out if start <= m.start < end]:
                out.remove(other)
            if any(m.start < start < m.end for m in out):
                continue
            out.append(Mention(start, end, actor_id, "collective", phrase, via="collective"))
            _take(taken, start, end)
    for match in _COLLECTIVE_ABBR.finditer(text):
        if _free(taken, match.start(), match.end()):
            out.append(Mention(match.start(), match.end(), ABBREVIATIONS[match.group(1)], "collective",
                               match.group(1), "側", via="collective"))
            _take(taken, match.start(), match.end())


def _person_pass(text: str, spans: list[tuple[int, int]], out: list[Mention], taken: list[bool]) -> None:
    """Unknown people: Sudachi 人名 spans and katakana names followed by 氏 or a title.

    A title may stand after one space when it ends the line (the broadcast caption
    ``赤沢亮正 経済再生担当大臣``).
    """
    candidates = list(spans)
    for match in _KATA_NAME.finditer(text):
        if title_after(text, match.end()) or _spaced_title(text, match.end()):
            candidates.append(match.span())
    seen: set[tuple[int, int]] = set()
    for start, end in sorted(candidates):
        if (start, end) in seen or not _free(taken, start, end):
            continue
        seen.add((start, end))
        title = title_after(text, end)
        gap = 0
        if not title:
            title = _spaced_title(text, end)
            gap = 1
        if not title:
            continue
        name = text[start:end]
        if title in CORPORATE_TITLES and is_katakana(name[0]) and (start, end) not in spans:
            # トヨタ社長: the officer of a company the report does not name
            out.append(Mention(start, end + gap + len(title), f"anon:{_slug(name)}", "anonymous",
                               name + title, title, via="anonymous"))
            _take(taken, start, end + gap + len(title))
            continue
        out.append(Mention(start, end + gap + len(title), f"person:{_slug(name)}", "person", name, title,
                           title_before(text, start), "sudachi"))
        _take(taken, start, end + gap + len(title))


def _cjk_pass(text: str, words: set[int], out: list[Mention], taken: list[bool]) -> None:
    """Chinese and Korean names in kanji with a title (何立峰副首相, 何副首相)."""
    for start, end, title_start, title in cjk_names(text, words):
        stop = title_start + len(title)
        if not _free(taken, start, stop):
            continue
        name = text[start:end]
        out.append(Mention(start, stop, f"person:{name}", "person", name, text[end:stop],
                           title_before(text, start), "sudachi"))
        _take(taken, start, stop)


def _media_pass(text: str, out: list[Mention], taken: list[bool]) -> None:
    """News outlets as sources: ``ロイター通信``, ``イスラエルメディア``, ``米紙`` -> ``media:<name>``;
    a katakana name with no title right before ``によると`` or ``は15日、`` (``アクシオスによると``)
    is a body that speaks -> ``org:<name>``."""
    for match in (*_MEDIA.finditer(text), *_MEDIA_KANJI.finditer(text)):
        start, end = match.span(1)
        inside = [m for m in out if start <= m.start and m.end <= end]
        if inside and all(m.kind == "country" and (m.end - m.start <= 2 or m.metonym) for m in inside):
            for m in inside:  # 米紙ワシントン・ポスト: 米 is part of the outlet's name
                out.remove(m)
            taken[start:end] = [False] * (end - start)
        if _free(taken, start, end):
            name = _OUTLET_FRILLS.sub("", match.group(1)) or match.group(1)
            outlet = match.re is _MEDIA_KANJI or name.endswith((*MEDIA_SUFFIXES, "紙"))
            prefix = "media" if outlet else "org"
            out.append(Mention(start, end, f"{prefix}:{_slug(name)}", "organization", name, via="media"))
            _take(taken, start, end)


def _spaced_title(text: str, end: int) -> str:
    """``赤沢亮正 経済再生担当大臣`` at the end of a line: the title after one space."""
    if end >= len(text) or text[end] not in " \u3000":
        return ""
    title = title_after(text, end + 1)
    after = end + 1 + len(title)
    return title if title and (after == len(text) or text[after] == "\n") else ""


def _slug(name: str) -> str:
    return name.replace("・", "-").replace("=", "-").replace("＝", "-")


_VARIANTS = str.maketrans("澤邊邉齋齊髙﨑濱德廣", "沢辺辺斎斉高崎浜徳広")


def _unify_people(out: list[Mention]) -> None:
    """One id per person: ``赤沢氏`` / ``赤澤大臣`` join ``赤沢亮正``, ``林報道官`` joins the listed
    ``林剣`` named earlier, ``ベセント`` joins ``スコット・ベセント``, when exactly one fuller
    name in the report fits."""
    names = {m.name.translate(_VARIANTS): m.actor_id for m in out if m.kind == "person"}
    remap: dict[str, str] = {}
    for short, actor_id in names.items():
        if not actor_id.startswith("person:"):
            continue
        fuller = {other_id for name, other_id in names.items() if len(name) > len(short) and (
            name.startswith(short) and not is_katakana(short[0])
            or name.endswith(("・" + short, "=" + short, "＝" + short)))}
        if len(fuller) == 1:
            remap[actor_id] = fuller.pop()
    for k, mention in enumerate(out):
        if mention.actor_id in remap:
            out[k] = replace(mention, actor_id=remap[mention.actor_id])


def _foreign_bodies(text: str, out: list[Mention]) -> None:
    """``カタールの外務省`` / ``カタール外務省`` is Qatar's ministry, not the one the bare word lists."""
    for k in range(len(out) - 1, 0, -1):
        body, country = out[k], out[k - 1]
        if body.kind != "organization" or text[body.start:body.end] not in GENERIC_BODIES:
            continue
        gap = text[country.end:body.start]
        if country.kind == "country" and gap in ("", "の"):
            out[k - 1:k + 1] = [Mention(country.start, body.end, country.actor_id, "organization",
                                        text[country.start:body.end], via="gazetteer")]
    for k, country in enumerate(out):
        found = _BODY.match(text, country.end)
        if country.kind == "country" and found and _free_of(out, k, found.end()):
            out[k] = Mention(country.start, found.end(), country.actor_id, "organization",
                             text[country.start:found.end()], via="gazetteer")  # 中国商務省
    for k, body in enumerate(out):
        spokesman = _SPOKESMAN.match(text, body.end)
        if body.kind == "organization" and spokesman and not (k + 1 < len(out) and out[k + 1].start
                                                              < spokesman.end()):
            out[k] = replace(body, end=spokesman.end(), title="報道官")  # 中国外務省の報道官


_MEDIA = re.compile(
    r"(?<![\u30a1-\u30fa\u30fc\u4e00-\u9fffA-Za-z・])("
    r"(?:(?:米|英|仏|独|露|中|韓|地元)紙)?(?:"
    r"[A-ZＡ-Ｚ]{2,5}(?:通信|テレビ)"
    r"|[\u30a1-\u30fa\u30fc・]{2,16}(?:" + "|".join(MEDIA_SUFFIXES) + ")"
    r")(?:電子版)?"
    r"|(?:米|英|仏|独|露|中|韓|地元)(?:紙|メディア)"
    r"|[\u30a1-\u30fa\u30fc・]{3,16}(?=によると|によれば|によりますと|は\d{1,2}日、))")
_BODY = re.compile(r"の?(?:" + "|".join(GENERIC_BODIES) + ")")


def _free_of(out: list[Mention], k: int, end: int) -> bool:
    """No mention after ``out[k]`` starts before ``end``."""
    return not (k + 1 < len(out) and out[k + 1].start < end)


_OUTLET_FRILLS = re.compile(r"^(?:(?:中国|ロシア|北朝鮮)?国営|(?:米|英|仏|独|露|中|韓|地元)紙(?=.))|電子版$")
_MEDIA_KANJI = re.compile(r"((?:(?:中国|ロシア|北朝鮮)?国営)?(?:" + "|".join(KANJI_MEDIA) + r")(?:電子版)?)")
_SPOKESMAN = re.compile(r"の?報道官(?!の)")


def _anonymous_pass(text: str, out: list[Mention], taken: list[bool]) -> None:
    ends = {m.end: m for m in out}
    for match in _ANON_ANCHOR.finditer(text):
        start, end = match.span()
        while start < end and not _free(taken, start, start + 1):
            start += 1  # 「米政府高官」: 米政府 is a mention already, 高官 its official
        if start == end or not _free(taken, start, end) or not _ANON_ANCHOR.fullmatch(text, start, end):
            continue
        anchor = text[start:end]
        if anchor == "筋" or anchor == "関係者" and start and text[start - 1] in "の":
            pass
        k = start
        if k and text[k - 1] == "の":
            k -= 1
        owner = ends.get(k) or ends.get(start)
        if owner is None and anchor in ("筋",):
            continue
        if owner is not None and owner.kind in ("person",):
            continue
        _anonymous(text, out, taken, owner.start if owner else start, end, owner)


def _anonymous(text: str, out: list[Mention], taken: list[bool], begin: int, end: int,
               owner: Mention | None) -> None:
    """An unnamed speaker of the owner's side (「EUの外交筋」, 「オマーンの外相」), replacing the owner's
    own mention; of no known side without one."""
    if owner is not None:
        out.remove(owner)
    affiliation = owner.actor_id if owner else "unknown"
    out.append(Mention(begin, end, f"anon:{affiliation}", "anonymous", text[begin:end], via="anonymous"))
    _take(taken, begin, end)


def _anaphor_pass(text: str, out: list[Mention], taken: list[bool]) -> None:
    for match in _ANAPHOR.finditer(text):
        start, end = match.span()
        if not _free(taken, start, end):
            continue
        wanted = match.group(1)
        target = _antecedent(text, out, start, wanted)
        if target is None:
            continue
        out.append(Mention(start, end, target.actor_id, "person", match.group(), wanted, via="anaphor"))
        _take(taken, start, end)
        out.sort(key=lambda m: m.start)
    for match in _BARE_TITLE.finditer(text):
        start, end = match.span()
        holders = {m.actor_id for m in out if m.kind == "person" and m.end <= start
                   and match.group() in m.title + m.title_before}
        if start and text[start - 1] == "の":  # 「オマーンの外相も」: that country's own minister, not the
            # one named before: an unnamed speaker of that country (of none the gazetteer knows)
            owner = next((m for m in out if m.end == start - 1), None)
            run = _OWNER_RUN.search(text, max(0, start - 13), start - 1)
            begin = owner.start if owner else (run.start() if run else start)
            if _free(taken, owner.end if owner else begin, end) and (owner is None or owner.kind != "person"):
                _anonymous(text, out, taken, begin, end, owner)
            continue
        if len(holders) == 1 and _free(taken, start, end):  # 首相は: the one prime minister named before
            title = match.group()
            out.append(Mention(start, end, holders.pop(), "person", title, title, via="anaphor"))
            _take(taken, start, end)
    out.sort(key=lambda m: m.start)


_OWNER_RUN = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fa\u30fc・]{1,12}$")  # the name before 「の外相」
_BARE_TITLE = re.compile(r"(?<![\u4e00-\u9fff\u30a1-\u30fa\u30fcA-Za-z・々])"
                         r"(?:首相|大統領|総理|総裁|官房長官|外相|国務長官|報道官)(?=は|が|も|によると)")
