"""The main text of a report, without what real pages wrap around it.

HTML goes through trafilatura for the main content.  Then, for every input, lines that
are page furniture (cookie banners, "Follow us", share bars, "Also read", subscription
prompts, photo credits) and paragraphs repeated within the report are dropped.  The
result is normalized to paragraphs separated by one blank line; it is the text that
every evidence offset indexes, so cleaning must be deterministic.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import trafilatura
from trafilatura.settings import use_config

from ..errors import InputError
from .titles import choose_title, cut_at_hint, html_site_name, html_title_candidates

# Lines that are page furniture, in English and Japanese.  Matched against a whole
# (short) line, never inside a paragraph of prose.
_BOILERPLATE = re.compile(
    r"""^(?:
      (?:we|this\s+(?:site|website))\s+use[s]?\s+cookies.*
    | .*\b(?:accept|reject|manage)\s+(?:all\s+)?cookies\b.*
    | .*\bcookie\s+(?:policy|settings|preferences|consent)\b.*
    | (?:accept|agree|i\s+agree|ok|got\s+it|reject\s+all|manage\s+preferences)
    | follow\s+us(?:\s+on\s+.*)?
    | share(?:\s+this(?:\s+(?:article|story))?)?(?:\s*(?:on\s+)?(?:facebook|twitter|x|linkedin|whatsapp|email|telegram|line)[\s,|/·]*)*
    | (?:facebook|twitter|x|linkedin|whatsapp|email|telegram|line|copy\s+link)(?:[\s,|/·]+(?:facebook|twitter|x|linkedin|whatsapp|email|telegram|line|copy\s+link))*
    | text\s+size.*
    | (?:also\s+read|read\s+more|related(?:\s+(?:stories|articles|coverage))?|more\s+on\s+this\s+story|recommended|most\s+read|trending)\s*:?.*
    | (?:sign\s+up|subscribe|newsletter|log\s*in|sign\s+in|register)\b.{0,80}
    | advertisement|advertising|sponsored(?:\s+content)?|skip\s+to\s+(?:main\s+)?content
    | (?:photo|image|picture)\s*(?:credit)?\s*:.{0,120}
    | (?:©|copyright\s).{0,160}
    | all\s+rights\s+reserved.{0,80}
    | (?:reporting|writing|editing)\s+by\s.{0,160}
    | .{0,40}cookie.{0,40}(?:同意|使用|利用).*
    | .*(?:同意する|同意します|すべて許可|すべて拒否)
    | (?:シェア(?:する)?|ツイート|ポスト|LINEで送る|印刷|保存)(?:[\s|/・]*(?:シェア(?:する)?|ツイート|ポスト|LINEで送る|印刷|保存|Facebook|X|LINE|はてな))*
    | (?:あわせて読みたい|関連記事|おすすめ記事|人気記事|ランキング|こちらもおすすめ)\s*[:：]?.{0,120}
    | (?:文字サイズ|フォローする|フォローしてください|会員登録|ログイン|有料会員|続きを読む).{0,60}
    | 写真\s*[:：].{0,120}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_MAX_BOILERPLATE_LINE = 160
_PARAGRAPH_SPLIT = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class HtmlContent:
    text: str
    title: str | None
    outlet: str | None
    url: str | None
    date: str | None
    language: str | None


def _config():  # type: ignore[no-untyped-def]
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals do not work off the main thread
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "20")
    return config


_CONFIG = _config()
# Every pattern below runs on untrusted markup, so none may scan from every '<' to the end
# of the input: tags are found with ``[^<>]`` (a scan stops at the next '<'), attributes are
# read from one tag at a time, and ``defused`` markup is what the regular expressions see.
_MAX_TAG = 4096  # a longer "tag" is text to the regular expressions (real tags are far shorter);
# the patterns below write the same bound as {0,4096}
_DATE_TAG = re.compile(r"<(meta|time)\b([^<>]{0,4096})>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""(?<![\w:-])([\w:-]{1,64})\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_DATE_NAMES = {"article:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
               "publish_date", "date"}
_HTML_LANG = re.compile(r"<html\b[^<>]{0,4096}?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def tag_attributes(tag: str) -> dict[str, str]:
    """``name=value`` pairs of one tag's text (lower-case names; the first of a repeated name)."""
    attrs: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(tag):
        value = next((g for g in m.groups()[1:] if g is not None), "")
        attrs.setdefault(m.group(1).lower(), value)
    return attrs


def published_stamp(markup: str) -> str | None:
    """The first publication date a ``<meta>`` or ``<time datetime>`` tag declares (linear time)."""
    for m in _DATE_TAG.finditer(markup):
        attrs = tag_attributes(m.group(2))
        if m.group(1).lower() == "time":
            if attrs.get("datetime"):
                return attrs["datetime"]
            continue
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if name in _DATE_NAMES and attrs.get("content"):
            return attrs["content"]
    return None


_CLOSED_ELEMENTS = ("title", "h1", "script", "style", "textarea")
_META_TAG = re.compile(r"<meta\b([^<>]*)>", re.IGNORECASE)
_UNCLOSED = re.compile(r"<(?![^<>]{0,4096}>)")  # a '<' no '>' closes before the next '<' (_MAX_TAG)


def _canonical_meta(match: re.Match[str]) -> str:
    """A ``<meta>`` tag rewritten as ``name="value"`` pairs: no run of text outside quotes is left
    for an attribute pattern to rescan from each character."""
    pairs = " ".join(f'{name}="{value.replace(chr(34), "&quot;")}"'
                     for name, value in tag_attributes(match.group(1)).items())
    return f"<meta {pairs}>"


def defused(markup: str) -> str:
    """The markup as regular expressions may safely read it, in linear time.

    A ``<`` not closed by a ``>`` before the next ``<`` (or within ``_MAX_TAG`` characters) is
    text, and becomes ``&lt;``; so does the opening of a ``<title>``, ``<h1>``, ``<script>``
    (…) after the last closing tag of its kind.  Then ``<tag[^>]*>`` and ``<title>(.*?)</title>``
    patterns stop at once instead of scanning to the end from every opening.  Well-formed
    pages come through unchanged.
    """
    # the lookahead stops at the next '<' or '>': each character is scanned for one '<' only
    text = _chunked(_UNCLOSED, "&lt;", markup)
    text = _chunked(_META_TAG, _canonical_meta, text)
    for name in _CLOSED_ELEMENTS:
        last = 0
        for m in re.finditer(rf"</{name}\s*>", text, re.IGNORECASE):
            last = m.end()
        opening = re.compile(rf"<(?={name}\b)", re.IGNORECASE)
        if opening.search(text, last):
            text = text[:last] + _chunked(opening, "&lt;", text[last:])
    return text


def _chunked(pattern: re.Pattern[str], repl: Any, text: str, size: int = 1 << 18) -> str:
    """``pattern.sub(repl, text)`` a quarter megabyte at a time, each piece cut just before a '<'
    (none of the patterns above reads past the next '<', so the result is the same): a sub with a
    million matches would otherwise hold a million small strings at once."""
    if len(text) <= size:
        return pattern.sub(repl, text)
    out: list[str] = []
    start = 0
    while start < len(text):
        end = text.find("<", start + size)
        end = len(text) if end == -1 else end
        out.append(pattern.sub(repl, text[start:end]))
        start = end
    return "".join(out)


# trafilatura's cost grows faster than the page on pages of very many elements (its fallback
# extractors compare every paragraph with its neighbours): past FAST_TAGS tags it runs without
# them, past MAX_TAGS it is not run at all and the linear block reader below reads the page.
FAST_TAGS = 8_000
MAX_TAGS = 20_000


# Characters XML cannot hold (C0 controls but tab and line breaks, U+FFFE/U+FFFF, surrogates):
# never text in a page (form feed and vertical tab are spaces in HTML: each becomes one), and
# lxml refuses them with a ValueError when trafilatura copies them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def html_to_text(markup: str, source: str) -> HtmlContent:
    """Extract the main text and metadata of an HTML page, or raise InputError."""
    markup = _NOT_XML.sub(" ", markup)
    tags = markup.count("<")
    text = None
    if tags <= MAX_TAGS:
        try:
            text = trafilatura.extract(
                markup,
                config=_CONFIG,
                fast=tags > FAST_TAGS,
                include_comments=False,
                include_tables=False,
                include_images=False,
                favor_precision=False,
                deduplicate=False,
                with_metadata=False,
            )
        except ValueError:  # lxml refusing what the page holds: the block reader below reads it
            text = None
    if not text or not text.strip():
        # Truncated, unusual or huge markup: fall back to every paragraph-like block.
        text = _fallback_text(markup)
    if not text.strip():
        raise InputError(source, "no article text found in the HTML", "check it is an article page")
    try:
        meta = trafilatura.extract_metadata(markup, extensive=False) if tags <= MAX_TAGS else None
    except ValueError:
        meta = None
    safe = defused(markup)  # what the regular expressions read
    lang = _HTML_LANG.search(safe[:5000])
    stamp = published_stamp(safe)
    site = meta.sitename if meta and meta.sitename else None
    declared = html_site_name(safe)  # trafilatura's sitename may be a guess from the title
    guess = meta.title if meta else None
    candidates = html_title_candidates(safe)
    title = choose_title(list(candidates), site=declared)
    if not declared and site and any(c.startswith(site) and c != site for c in candidates):
        site = None  # the head of the page title, not a site name
    return HtmlContent(
        text=text,
        title=cut_at_hint(title, guess) if title else choose_title([guess], site=declared),
        outlet=declared or site,
        url=(meta.url if meta and meta.url else None),
        date=stamp or (meta.date if meta and meta.date else None),
        language=lang.group(1).lower() if lang else None,
    )


# A block runs to its closing tag or the next block's opening: each match consumes what it
# scanned, and a tag is ``[^<>]`` up to the next '<', so the scan is linear.
_BLOCK = re.compile(r"<(p|h[1-6]|li|blockquote)\b[^<>]*>(.*?)(?=</\1>|<(?:p|h[1-6]|li|div)\b|$)",
                    re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]+>")
_DROP = re.compile(r"<(script|style|nav|footer|header|aside|form)\b.*?(?:</\1>|$)",
                   re.IGNORECASE | re.DOTALL)


def _fallback_text(markup: str) -> str:
    body = _DROP.sub(" ", defused(markup))
    parts = [html_lib.unescape(_TAG.sub("", m.group(2))).strip() for m in _BLOCK.finditer(body)]
    return "\n".join(p for p in parts if p)


def is_boilerplate(line: str) -> bool:
    stripped = line.strip().strip("|·•-–—>›»")
    if not stripped:
        return True
    if len(stripped) > _MAX_BOILERPLATE_LINE:
        return False
    return bool(_BOILERPLATE.match(stripped.strip()))


def normalize_paragraph(paragraph: str) -> str:
    """One paragraph on one line: collapse inner whitespace, keep the characters as given."""
    paragraph = unicodedata.normalize("NFC", paragraph)
    paragraph = paragraph.replace("\u00a0", " ").replace("\u200b", "")
    paragraph = re.sub(r"[ \t\r\f\v]+", " ", paragraph)
    return _LINE_BREAK.sub(_join_lines, paragraph).strip()


_LINE_BREAK = re.compile(r"(.?)[ \t\r\f\v]*\n[ \t\r\f\v]*(.?)")
_CJK_CHAR = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")


def _join_lines(match: re.Match[str]) -> str:
    """A wrapped line joins with a space, or with nothing between two Japanese characters."""
    before, after = match.group(1), match.group(2)
    glue = "" if _CJK_CHAR.match(before or " ") and _CJK_CHAR.match(after or " ") else " "
    return f"{before}{glue}{after}"


def clean_text(text: str, *, single_newline_paragraphs: bool = False) -> str:
    """Drop furniture lines and repeated paragraphs; paragraphs joined by a blank line.

    ``single_newline_paragraphs`` treats every line as a paragraph (trafilatura output);
    otherwise paragraphs are separated by blank lines and lines inside them are joined.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if single_newline_paragraphs:
        chunks = text.split("\n")
    else:
        chunks = [p for chunk in _PARAGRAPH_SPLIT.split(text) for p in _unwrap(chunk)]
    kept: list[str] = []
    seen: set[str] = set()
    for chunk in chunks:
        lines = [ln for ln in chunk.split("\n") if not is_boilerplate(ln)]
        paragraph = normalize_paragraph("\n".join(lines))
        if not paragraph:
            continue
        key = re.sub(r"\W+", "", paragraph.casefold())
        if key in seen and len(key) >= 20:
            continue  # a paragraph repeated within one report (a CMS glitch, a pull quote)
        seen.add(key)
        kept.extend(_split_long(paragraph))
    return "\n\n".join(kept)


# No paragraph fed to the extractors is longer than this: their cost grows with the square of a
# run-on sentence, so a megabyte without a full stop would take hours.  Real paragraphs stay whole
# (the longest in the development sets is 2,573 characters).
MAX_PARAGRAPH = 5000


def _split_long(paragraph: str) -> list[str]:
    """A paragraph over ``MAX_PARAGRAPH`` characters as several: cut after the last sentence end in
    each window, else at the last space, else (a run of letters without one) at the window's end."""
    if len(paragraph) <= MAX_PARAGRAPH:
        return [paragraph]
    pieces: list[str] = []
    start = 0
    while len(paragraph) - start > MAX_PARAGRAPH:
        end = start + MAX_PARAGRAPH
        cut = max(paragraph.rfind(mark, start, end) for mark in (". ", "! ", "? ", "。", "！", "？"))
        if cut > start + MAX_PARAGRAPH // 2:
            cut += 1
        else:
            cut = paragraph.rfind(" ", start, end)
            if cut <= start + MAX_PARAGRAPH // 2:
                cut = end
        pieces.append(paragraph[start:cut].strip())
        start = cut
        while start < len(paragraph) and paragraph[start] == " ":
            start += 1
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


_FINAL = re.compile(r"[.!?。！？」』”\"')）]\s*$")


def _unwrap(chunk: str) -> list[str]:
    """Split a block of lines into paragraphs: wrapped lines join, the rest stand alone.

    A line break ends a paragraph after a sentence end (。 . ! ? or a closing quote) and after
    a short line such as a heading or a dateline; a long line without a sentence end was
    wrapped.  Text written one paragraph per line, as Japanese text files often are, keeps
    every line; hard-wrapped English joins back into its paragraphs.
    """
    lines = chunk.split("\n")
    if len(lines) == 1:
        return lines
    widest = max(len(line.strip()) for line in lines)
    paragraphs: list[list[str]] = [[]]
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        paragraphs[-1].append(line)
        stripped = line.strip()
        # A block of short lines (a header: date, byline, outlet) is a list, unless the next
        # line carries on in lower case.
        short = len(stripped) < min(50, max(0.6 * widest, 40)) and not after.lstrip()[:1].islower()
        if _FINAL.search(stripped) or short:
            paragraphs.append([])
    return ["\n".join(p) for p in paragraphs if p]


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """A leading ``---`` block of ``key: value`` lines (Markdown front matter)."""
    match = re.match(r"\A\ufeff?---[ \t]*\n(.*?)\n---[ \t]*\n", text, re.DOTALL)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[match.end():]


def strip_markdown(text: str) -> str:
    """Markdown to plain prose: headings, emphasis, links and images reduced to their text.

    Link text stops at the next bracket and a link target at the next parenthesis, and
    emphasis spans at most 300 characters, so no pattern rescans the rest of the
    text from every ``[`` or ``*`` (linear time on any input).
    """
    text = re.sub(r"!\[([^\[\]\n]*)\]\([^()\n]*\)", "", text)
    text = re.sub(r"\[([^\[\]\n]+)\]\([^()\n]*\)", r"\1", text)
    text = re.sub(r"^[ \t]{0,3}#{1,6}[ \t]*", "", text, flags=re.MULTILINE)
    text = re.sub(r"^[ \t]{0,3}>[ \t]?", "", text, flags=re.MULTILINE)
    text = re.sub(r"(\*\*|__)(.{1,300}?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]{1,300}?)(?<!\s)\*(?![\w*])", r"\1", text)
    return text

