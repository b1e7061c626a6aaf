"""A report's title is its headline, never page furniture.

The headline comes from the page's metadata when it names one (a feed item's or a record's
``title``, front matter, JSON-LD ``headline``, ``og:title``, ``<title>`` without its
" | Site" suffix, the ``<h1>``), else from a first line of the text that reads as a
headline.  Section names, navigation, breadcrumbs, share bars, bylines, photo credits,
bare dates and clocks, URLs and site names are furniture: they are never a title, and
when they come before the headline they are dropped from the cleaned text.  A report
whose text starts with prose has no headline: its title is ``None``.

The furniture vocabulary is data (``communique/data/furniture.json``); this module holds
the few mechanisms that use it.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

_TITLE_MAX = 200
_SCAN_LINES = 12  # how far down the text a headline may be preceded by furniture


@dataclass(frozen=True, slots=True, kw_only=True)
class Furniture:
    """The vocabulary of ``furniture.json``, compiled."""

    section_words: frozenset[str]
    phrases: frozenset[str]
    pattern: re.Pattern[str]
    separators: tuple[str, ...]
    outlets: frozenset[str]
    version: int


@cache
def furniture() -> Furniture:
    """The furniture vocabulary shipped with communique."""
    raw = json.loads(resources.files("communique.data").joinpath("furniture.json").read_text("utf-8"))
    alternatives = "|".join(f"(?:{p})" for p in raw["patterns"])
    return Furniture(
        section_words=frozenset(_key(w) for w in raw["section_words"]),
        phrases=frozenset(_key(p) for p in raw["phrases"]),
        pattern=re.compile(f"(?:{alternatives})", re.IGNORECASE),
        separators=tuple(raw["site_suffix_separators"]),
        outlets=frozenset(_key(o) for o in raw["outlets"]),
        version=int(raw["version"]),
    )


_EDGE = "\"'“”‘’«»|·•●■◆▶►▼>›»❯<‹«-–—:：;,、。.…*#_~/\\\u3000 \t"
_NAV_SPLIT = re.compile(r"\s*(?:[|｜»›❯>＞/／·•▶►]|\s-\s|\s–\s)\s*")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _norm(line: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", line).split())


def _spaced(line: str) -> str:
    """The line as written, with its whitespace collapsed (a title keeps its characters)."""
    return " ".join(line.split())


def _key(line: str) -> str:
    return _norm(line).casefold().strip(_EDGE)


def _is_section_run(line: str) -> bool:
    """Every segment is a section word: "World", "Home » International » News", "NewsPolitics"."""
    words = furniture().section_words
    segments = [s for s in _NAV_SPLIT.split(_norm(line)) if s.strip(_EDGE)]
    if not segments:
        return False
    for segment in segments:
        key = _key(segment)
        if key in words:
            continue
        parts = [_key(p) for p in _CAMEL.split(segment.strip(_EDGE))]  # run-together menu items
        if len(parts) > 1 and all(p in words for p in parts):
            continue
        if all(_key(p) in words for p in segment.split()):  # "Home World", "UK News"
            continue
        if _is_stamp(segment):  # "2025年6月7日 10:32 | 無料公開"
            continue
        return False
    return True


def _is_breadcrumb(line: str) -> bool:
    """Short segments joined by navigation marks: "Home » International » News", "トップ > 国際"."""
    norm = _norm(line)
    marks = len(re.findall(r"[»›❯>＞]", norm))
    segments = [s.strip() for s in re.split(r"[»›❯>＞]", norm) if s.strip()]
    if not marks or not segments or "<" in norm:
        return False
    if marks == 1 and not any(_key(s) in furniture().section_words for s in segments):
        return False
    return (all(len(s) <= 40 and not re.search(r"[、。]|[,.]\s", s) for s in segments[:-1])
            and len(segments[-1]) <= 120)


_SITE_WORDS = re.compile(
    r"(?:News|Times|Post|Daily|Herald|Journal|Today|Tribune|Gazette|Shimbun|Observer|Chronicle|Wire)$"
)


def _is_site_name(line: str) -> bool:
    """A masthead: up to three capitalised words ending in a news word ("MondialNews", "Harbor Herald")."""
    words = _norm(line).split()
    if len(words) == 1 and re.fullmatch(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+", words[0]):
        return True  # one run-together brand name: "ArcaMax"
    return (0 < len(words) <= 3 and all(w[:1].isupper() for w in words)
            and bool(_SITE_WORDS.search(words[-1])) and not re.search(r"[,.:;!?]", line))


def is_furniture(line: str, *, site: str | None = None) -> bool:
    """Whether a whole line is page furniture rather than words of the report."""
    norm = _norm(line)
    key = _key(norm)
    if not key:
        return True
    if len(norm) > 240:
        return False
    data = furniture()
    if key in data.phrases or _is_section_run(norm) or _is_breadcrumb(norm) or _is_site_name(norm):
        return True
    if site and key == _key(site):
        return True
    from .clean import is_boilerplate  # cookie banners, share bars, prompts (clean.py imports this module)

    if is_boilerplate(line):
        return True
    if key in data.outlets or _is_stamp(norm):
        return True
    return bool(data.pattern.fullmatch(norm.strip(" \u3000|·•-–—")))


_STAMP_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september "
    "oct october nov november dec december mon monday tue tues tuesday wed wednesday thu thur thurs "
    "thursday fri friday sat saturday sun sunday am pm a p m jst gmt utc et est edt ct cdt pt pst pdt "
    "bst cet cest ist kst hkt sgt aest aedt msk z t st nd rd th updated update published posted last "
    "first modified created date on at of the min mins minute minutes read hour hours hr hrs ago day "
    "days week weeks yesterday today just now "
    "年 月 日 時 分 秒 午前 午後 曜日 更新 最終更新 配信 公開 掲載 投稿 前 時間 令和 平成 日時 日付 "
    "月曜日 火曜日 水曜日 木曜日 金曜日 土曜日 日曜日 月曜 火曜 水曜 木曜 金曜 土曜 日曜 "
    "火 水 木 金 土".split()
)
_STAMP_TOKEN = re.compile(r"[^\W\d_]+")


def _is_stamp(line: str) -> bool:
    """A date or a clock and nothing else: "12:50 JST, April 19, 2025", "2025年6月14日(土曜日)"."""
    if not re.search(r"\d", line) and not re.search(r"\b(?:ago|yesterday|today)\b", line, re.I):
        return False
    return all(token in _STAMP_WORDS for token in _STAMP_TOKEN.findall(line.casefold()))


_SENTENCE_END = re.compile(r"(?:[.。](?:[\"'”’」』)）])?)$")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St|Dr)\.$")
_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
# A lead sentence opening: "WASHINGTON (Reuters) -", "TOKYO, July 17 (AP) —", "【ワシントン共同】".
_LEAD_OPENING = re.compile(
    r"^(?:[A-Z][A-Z .'-]{2,40}(?:,[^()\n]{1,40})?\s*\([^)]{2,40}\)\s*[-–—:]|"
    r"【[^】]{0,16}(?:共同|時事|ロイター|AFP|AP|新華社|聯合|発|[=＝]|\d)[^】]{0,16}】|"
    r"(?:By|BY)\s+[A-Z][\w.'’-]+\s+[A-Z][\w.'’-]+\s+[A-Z]{3,})"
)


_JA_LEAD = re.compile(r"[\[［【][^\]］】]{0,12}(?:ロイター|共同|時事|新華社|聯合)[^\]］】]{0,4}[\]］】]")
_WHOLE_QUOTE = re.compile(r"「[^「」]*」|『[^『』]*』|“[^“”]*”|\"[^\"]*\"")
_BULLET = re.compile(r"^(?:[-*•・●■◆▶►▪–—]\s|\d{1,2}[.)]\s)")


def looks_like_headline(line: str, *, site: str | None = None) -> bool:
    """A line that reads as a headline: short, not a sentence of prose, not furniture."""
    norm = _norm(line)
    if not norm or len(norm) > _TITLE_MAX or is_furniture(norm, site=site):
        return False
    if _LEAD_OPENING.match(norm) or _BULLET.match(norm) or _WHOLE_QUOTE.fullmatch(norm):
        return False
    if re.search(r"[»›❯＞]|\s>\s|<[a-z/]", norm) or _JA_LEAD.search(norm[:40]):
        return False
    if _JA.search(norm):
        if norm.endswith("。") or len(_JA.findall(norm)) < 6 or _is_name_label(norm):
            return False
        return len(norm) <= 100 and not _looks_like_ja_prose(norm)
    words = _WORD.findall(norm)
    if len(words) < 3 or not re.search(r"[A-Za-z]", norm):
        return False
    if _SENTENCE_END.search(norm) and not _ABBREVIATION_END.search(norm):
        return False
    if norm[0].islower() or _is_summary_line(words):
        return False
    return not norm.endswith((",", ";", ":"))


_SUMMARY_WORDS = 20  # a headline is rarely longer: news headlines run 6 to 15 words


def _is_summary_line(words: list[str]) -> bool:
    """A long line in sentence case: a standfirst, summary or photo caption above the text,
    not its headline.  A headline that long is written in title case (the long ones of the
    development set are: "Akazawa Eyes Tariff Deal with U.S. at Summit Meeting in June; ...")."""
    lower = [w for w in words if len(w) > 3 and w[0].islower()]
    return len(words) > _SUMMARY_WORDS and len(lower) >= 3


def _looks_like_ja_prose(line: str) -> bool:
    """A Japanese line of running text: two sentences, or a long line ending like a clause."""
    if "。" in line.rstrip("。"):
        return True
    return len(line) > 60 and bool(re.search(r"(?:です|ます|でした|ました|した|する|れる)[、。]?$", line))


_SITE_SHAPED = re.compile(
    r"^(?:[\w.'’&!-]+(?:\s+[\w.'’&!-]+){0,3}|[\w-]+(?:\.[\w-]+)+)$"
)


def strip_site_suffix(title: str, site: str | None = None) -> str:
    """A page title without the site's name: "Headline | Site", "Headline - Reuters", "見出し：日経"."""
    title = _spaced(title)
    data = furniture()
    site_key = _key(site) if site else None
    for _ in range(2):  # "Headline - Section | Site"
        cut = False
        for sep in data.separators:
            head, found, tail = title.rpartition(sep)
            if not found or len(_key(head)) < (2 if sep.strip() in ("|", "｜") else 6):
                continue
            tail_key = _key(tail)
            named = tail_key in data.outlets or (site_key is not None and tail_key == site_key)
            piped = sep.strip() in ("|", "｜") and len(tail) <= 40
            sitey = sep.strip() in ("-", "–", "—", "::") and bool(
                re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", tail.strip()) or tail_key in data.section_words
            )
            if piped and _is_section_run(head) and looks_like_headline(tail):
                title, cut = tail.strip(), True  # "Live | Talks resume in Lima"
                break
            if named or piped or sitey:
                title, cut = head.strip(), True
                break
        if not cut:
            break
    if site_key:  # "Site | Headline", "Site: Headline"
        for sep in (*data.separators, ": "):
            head, found, tail = title.partition(sep)
            if found and _key(head) == site_key and len(_key(tail)) >= 6:
                title = tail.strip()
                break
    title = re.sub(r"\s*[(（]\s*\d+\s*/\s*\d+\s*(?:ページ|page)?\s*[)）]\s*$", "", title, flags=re.I)
    source = re.search(r"\s*[(（]([^()（）]{2,60})[)）]\s*$", title)  # "…（TBS NEWS DIG Powered by JNN）"
    if source and len(_key(title[: source.start()])) >= 6:
        inner = _key(source.group(1))
        if inner in data.outlets or "powered by" in inner or (site_key is not None and inner == site_key):
            title = title[: source.start()]
    return title


def usable_title(title: str | None, *, site: str | None = None) -> str | None:
    """A title the page's metadata gives, cleaned of its site suffix, unless it is furniture."""
    if not title:
        return None
    cleaned = strip_site_suffix(html_lib.unescape(title), site)
    if not cleaned or len(cleaned) > 2 * _TITLE_MAX or is_furniture(cleaned, site=site):
        return None
    return cleaned


@dataclass(frozen=True, slots=True, kw_only=True)
class Head:
    """The top of a text: the headline found there, and what precedes the article."""

    title: str | None
    header: str  # furniture lines dropped from the top (kept for dates and outlets)
    body: str  # the text from the headline (or the first line of the article) on


def split_head(text: str, *, site: str | None = None, known_title: str | None = None) -> Head:
    """Drop the furniture lines at the top of ``text`` and find a headline among the first lines.

    Lines before the headline that are furniture go to ``header``.  The first line that is not
    furniture is the headline when it reads as one (or when it is ``known_title``); otherwise
    the text has no headline there and starts with that line.  A date stamp run into the start
    of a line (" date 2025-04-19 Headline") is furniture too.
    """
    lines = text.split("\n")
    offset = 0
    dropped: list[str] = []
    known = _squash(known_title) if known_title else None
    for index, line in enumerate(lines[:_SCAN_LINES]):
        if not line.strip():
            offset += len(line) + 1
            continue
        rest = _STAMP_PREFIX.sub("", line, count=1)
        if rest != line:  # a date stamp glued to the front of the line
            dropped.append(line[: len(line) - len(rest)])
            offset += len(line) - len(rest)
            line = rest
        following = [ln for ln in lines[index + 1:index + 4] if ln.strip()]
        if known and _squash(line) == known:
            break
        if _is_speaker_label(line, following[:1]):
            break  # the line names who says the quote below it: words of the report
        if (is_furniture(line, site=site) or _is_prefixed_repeat(line, following[:1])
                or _is_alt_text(line, following[:1])):
            dropped.append(line)
            offset += len(line) + 1
            continue
        split = _headline_and_clock(line) if known is None else None
        if split:  # "Headline 2025年09月14日 22時05分": the clock goes below the headline
            after = text[offset + len(line):]
            return Head(title=split[0], header="\n".join(dropped), body=f"{split[0]}\n{split[1]}{after}")
        wrapped = bool(following) and _WRAPPED.match(following[0]) is not None  # a sentence runs on
        if known is None and not wrapped and looks_like_headline(line, site=site):
            return Head(title=_spaced(line), header="\n".join(dropped), body=text[offset:])
        break
    else:
        if offset >= len(text):
            return Head(title=None, header="", body=text)
    return Head(title=None, header="\n".join(dropped), body=text[offset:])


_CLOCK = re.compile(r"\d{1,2}\s*(?::|時)\s*\d{2}")
_DATED = re.compile(r"\d{4}|月\s*\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def _headline_and_clock(line: str) -> tuple[str, str] | None:
    """A headline with the page's date and clock run onto its end, split in two."""
    tokens = line.strip().split(" ")
    for cut in range(len(tokens) - 1, max(len(tokens) - 8, 0), -1):
        head, tail = " ".join(tokens[:cut]), " ".join(tokens[cut:])
        if _CLOCK.search(tail) and _DATED.search(tail) and _is_stamp(tail) and looks_like_headline(head):
            while cut > 1 and _is_stamp(" ".join(tokens[cut - 1:])):  # the longest clock suffix
                cut -= 1
            return " ".join(tokens[:cut]), " ".join(tokens[cut:])
    return None


_WRAPPED = re.compile(r"\s*(?!by\b)[a-z]")
_STAMP_PREFIX = re.compile(
    r"^\s*(?:date\s*:?\s*)?\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?\s+(?=\S)", re.I
)
_TITLE_WORD = re.compile(
    r"(?:大臣|長官|大統領|首相|総理|報道官|外相|担当相|再生相|議長|代表|知事|副首相|主席|書記長|委員長|氏|さん)$"
)


def _is_name_label(norm: str) -> bool:
    """A name with its office and nothing else, as under a photo: "赤沢経済再生担当大臣"."""
    return (len(norm) <= 20 and not re.search(r"[\u3040-\u309f、。「」]", norm)
            and bool(_TITLE_WORD.search(norm)))


def _is_speaker_label(line: str, following: list[str]) -> bool:
    """A name and title on a line of its own with the quote below it: "赤沢亮正 経済再生担当大臣" / 「…」."""
    norm = _norm(line)
    return (bool(following) and _norm(following[0]).startswith(("「", "『"))
            and len(norm) <= 24 and bool(_TITLE_WORD.search(norm)) and not re.search(r"[、。「」]", norm))


def _stem(word: str) -> str:
    return re.sub(r"['’]s$", "", word.casefold())


def _is_alt_text(line: str, following: list[str]) -> bool:
    """An image's text, told apart by the caption below it that says most of the same words."""
    if not following or not is_furniture(following[0]):
        return False
    words = {_stem(w) for w in _WORD.findall(line) if len(w) > 2}
    caption = {_stem(w) for w in _WORD.findall(following[0])}
    return len(words) >= 4 and len(words & caption) >= 0.6 * len(words)


def _is_prefixed_repeat(line: str, following: list[str]) -> bool:
    """Section words run into the headline that the next line repeats: "Home World <headline>"."""
    line_key, next_key = _key(line), _key(following[0] if following else "")
    if len(next_key) < 10 or not line_key.endswith(next_key) or line_key == next_key:
        return False
    prefix = line_key[: -len(next_key)].strip()
    return bool(prefix) and all(word in furniture().section_words for word in prefix.split())


def _squash(value: str | None) -> str:
    return re.sub(r"\W+", "", unicodedata.normalize("NFKC", value or "").casefold())


# -- HTML metadata ----------------------------------------------------------------------------
# Linear in the markup whatever it is (not only the defused copy the cleaner passes): a tag is
# at most _MAX_TAG characters with no '<' or '>' inside, a quoted value left open runs to the
# tag's end, and an element's content is found by looking for its closing tag once (a missing
# one ends the search) -- never a scan to the end of the page from every opening.
_MAX_TAG = 4096
_META = re.compile(rf"<meta\b([^<>]{{0,{_MAX_TAG}}})>", re.I)
_ATTR = re.compile(r"""(?<![\w:-])([\w:-]{1,64})\s*=\s*(?:"([^"]*)"?|'([^']*)'?)""")
_TAG = re.compile(r"<[^<>]*>")
_ELEMENTS = ("script", "title", "h1")
_OPENING = {name: re.compile(rf"<{name}\b([^<>]{{0,{_MAX_TAG}}})>", re.I) for name in _ELEMENTS}
_CLOSING = {name: re.compile(rf"</{name}\s*>", re.I) for name in _ELEMENTS}


def _elements(markup: str, name: str) -> Iterator[tuple[str, str]]:
    """(attributes, content) of each ``<name ...>...</name>`` in ``markup``, first to last."""
    pos = 0
    while (opening := _OPENING[name].search(markup, pos)) is not None:
        closing = _CLOSING[name].search(markup, opening.end())
        if closing is None:
            return  # no closing tag after this point: no later element is closed either
        yield opening.group(1), markup[opening.end():closing.start()]
        pos = closing.end()


def _metas(markup: str) -> Iterator[dict[str, str]]:
    for tag in _META.finditer(markup[:200_000]):
        yield {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
               for m in _ATTR.finditer(tag.group(1))}


def html_title_candidates(markup: str) -> list[str]:
    """Headlines a page names, best first: og:title, twitter:title, JSON-LD headline, <title>, <h1>."""
    metas: dict[str, str] = {}
    for attrs in _metas(markup):
        name = (attrs.get("property") or attrs.get("name") or "").lower()
        if name in ("og:title", "twitter:title", "title") and attrs.get("content"):
            metas.setdefault(name, attrs["content"])
    found = [metas[k] for k in ("og:title", "twitter:title") if k in metas]
    for attributes, block in _elements(markup[:400_000], "script"):
        if "application/ld+json" in attributes.lower():
            found += _ld_headlines(block)
    found += [metas["title"]] if "title" in metas else []
    for _attributes, title in _elements(markup[:200_000], "title"):
        found.append(title)
        break
    headings = _elements(markup, "h1")
    found += [_TAG.sub("", h) for _attributes, h in (next(headings, ("", "")), next(headings, ("", ""))) if h]
    cleaned = [_spaced(html_lib.unescape(c)) for c in found]
    return [c for c in cleaned if c]


def html_site_name(markup: str) -> str | None:
    """The site name a page declares (``og:site_name``, ``application-name``), if any."""
    for attrs in _metas(markup):
        name = (attrs.get("property") or attrs.get("name") or "").lower()
        if name in ("og:site_name", "application-name") and attrs.get("content"):
            return _spaced(html_lib.unescape(attrs["content"]))
    return None


_SITE_TAIL = re.compile(r"\s+[-–—|｜]\s+(?:[A-Z0-9][\w.&'’!-]*\s?){1,4}$")


def cut_at_hint(title: str | None, hint: str | None) -> str | None:
    """``title`` without a site-shaped tail where ``hint`` (a guess made elsewhere) ends."""
    if (title and hint and len(hint) < len(title) and title.startswith(hint)
            and _SITE_TAIL.fullmatch(title[len(hint):])):
        return hint
    return title


def _ld_headlines(block: str) -> list[str]:
    try:
        data = json.loads(block.strip())
    except ValueError:
        return []
    out: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and k.endswith(("Article", "Posting", "Report")) for k in kinds):
                headline = item.get("headline") or item.get("name")
                if isinstance(headline, str):
                    out.append(headline)
            stack.extend(v for k, v in item.items() if k == "@graph")
    return out


def choose_title(candidates: list[str | None], *, site: str | None = None) -> str | None:
    """The first candidate that is a usable headline, cut where another candidate ends.

    "Talks resume - Daily Planet" with an ``<h1>`` "Talks resume" is "Talks resume": the page
    itself says where its headline stops.
    """
    usable = [t for t in (usable_title(c, site=site) for c in candidates) if t]
    if not usable:
        return None
    first = usable[0]
    for other in usable[1:]:
        if len(other) < len(first) and first.startswith(other) and len(other) >= 0.4 * len(first):
            rest = first[len(other):]
            if re.match(r"\s*(?:[|｜:：/]|\s[-–—]\s)", rest):
                return other
    return first


def opening_words(text: str | None, words: int = 8) -> str:
    """The first words of a text in quote marks, to name a report that has no headline."""
    opening = " ".join((text or "").split())
    if _JA.search(opening[:40]):
        first = opening[:24] + ("…" if len(opening) > 24 else "")
    else:
        tokens = opening.split(" ")
        first = " ".join(tokens[:words]) + ("…" if len(tokens) > words else "")
    return f"“{first}”"


def untitled_name(outlet: str | None, published_at: str | None, text: str | None) -> str:
    """How a listing names a report without a headline: outlet, date and its first words."""
    when = (published_at or "")[:10] or "undated"
    return f"{outlet or 'unknown outlet'}, {when}: {opening_words(text)}"
