"""Briefings as Markdown, a self-contained HTML page, or JSON.

HTML safety: every piece of text from the record (titles, outlets, quotes, evidence) goes
through :func:`html.escape`; links are written only for http(s) URLs; the page carries a
Content-Security-Policy that allows no script at all, and contains none.  Markdown escapes
the characters that would turn report text into markup or raw HTML.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

from .model import Briefing, Reference, Sentence

FORMATS = ("md", "html", "json")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def render(briefing: Briefing, fmt: str, *, show_dropped: bool = False) -> str:
    """The briefing as Markdown, HTML or JSON.  Sentences the checker dropped are always in the
    JSON; in Markdown and HTML they are listed only with ``show_dropped``."""
    if fmt == "md":
        return markdown(briefing, show_dropped=show_dropped)
    if fmt == "html":
        return page(briefing, show_dropped=show_dropped)
    if fmt == "json":
        return json.dumps(briefing.to_dict(), ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _sep(briefing: Briefing) -> str:
    return "" if briefing.language == "ja" else " "


def safe_url(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() or ch in "<>\"'`" for ch in url.strip()):
        return None
    return url.strip()


def _points_label(b: Briefing) -> str:
    return b.label("points") if len(b.points) >= 3 else b.label(f"points_{len(b.points)}")


def _date(value: str | None) -> str:
    return (value or "")[:10] or "?"


# -- Markdown --------------------------------------------------------------------------------
def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_sentence(sentence: Sentence) -> str:
    marks = "".join(f"[{n}]" for n in sentence.refs)
    return md_escape(sentence.text) + marks


def markdown(b: Briefing, *, show_dropped: bool = False) -> str:
    out = [f"# {_md_sentence(b.headline)}", ""]
    out += [_md_sentence(s) for s in b.lead] + [""]
    for section in b.sections:
        out += [f"## {md_escape(section.title)}", ""]
        out += [_md_sentence(s) for s in section.sentences] or [md_escape(section.note)]
        out.append("")
    if b.points:
        out += [f"## {_points_label(b)}", "", b.label("points_intro"), ""]
        out += [f"- {_md_sentence(s)}" for s in b.points] + [""]
    if b.perspective:
        out += [f"## {b.label('perspective')}", ""]
        out += [_md_sentence(s) for s in b.perspective] + [""]
    out += [_md_sentence(b.as_of_line), ""]
    if b.conflicts:
        out += [f"## {b.label('conflicts')}", ""]
        out += [f"- {_md_sentence(s)}" for s in b.conflicts] + [""]
    if b.dropped and show_dropped:
        out += [f"## {b.label('dropped')}", ""]
        out += [
            f"- ({md_escape(d.where)}) {md_escape(d.text)} — {md_escape('; '.join(d.reasons))}"
            for d in b.dropped
        ] + [""]
    out += [b.label("references"), ""]
    for ref in b.references:
        out += _md_reference(ref, b.label("copies"))
    return "\n".join(out).rstrip() + "\n"


def _md_reference(ref: Reference, copies_label: str) -> list[str]:
    url = safe_url(ref.url)
    title, outlet = md_escape(ref.title or "(no title)"), md_escape(ref.outlet or "?")
    line = f"{ref.number}. {title} — {outlet}, {_date(ref.published_at)}"
    lines = [line + (f" — <{url}>" if url else "")]
    if ref.copies:
        lines.append(
            f"   - {copies_label}: "
            + "; ".join(
                md_escape(c.outlet or "?") + (f" <{u}>" if (u := safe_url(c.url)) else "") for c in ref.copies
            )
        )
    return lines


# -- HTML ------------------------------------------------------------------------------------
_STYLE = """
body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;max-width:46rem;
margin:2rem auto;padding:0 1rem;line-height:1.7;color:#1d1d1f}
h1{font-size:1.5rem;line-height:1.4}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.cite{position:relative;font-size:.75em;vertical-align:super;text-decoration:none;color:#0b57d0}
.cite .ev{display:none;position:absolute;left:0;top:1.4em;z-index:2;width:22rem;padding:.5rem .7rem;
background:#fffbe6;border:1px solid #d9c46a;border-radius:4px;color:#333;font-size:.8rem;line-height:1.5;
white-space:normal}
.cite:hover .ev,.cite:focus .ev{display:block}
.asof{font-weight:600}.copies{font-size:.85em;color:#555}.dropped{color:#8a1c1c}
"""


def _e(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def _html_sentence(b: Briefing, sentence: Sentence) -> str:
    by_ref: dict[int, list[str]] = {}
    for citation in sentence.citations:
        for ev in citation.evidence:
            n = next((r for r in citation.refs if _ref_for(b, ev.report_id) == r), None)
            if n is not None:
                by_ref.setdefault(n, []).append(ev.context or ev.text)
    marks = "".join(
        f'<a class="cite" href="#ref-{n}" title="{_e(" / ".join(texts))}">[{n}]'
        f'<span class="ev">{_e(_ref_label(b, n))}<br>{"<br>".join(_e(t) for t in texts)}</span></a>'
        for n, texts in sorted(by_ref.items())
    )
    return f'<span class="s">{_e(sentence.text)}</span>{marks}'


def _ref_for(b: Briefing, report_id: str) -> int | None:
    for ref in b.references:
        if ref.report_id == report_id or any(c.report_id == report_id for c in ref.copies):
            return ref.number
    return None


def _ref_label(b: Briefing, number: int) -> str:
    ref = next((r for r in b.references if r.number == number), None)
    return f"{ref.outlet or '?'}, {_date(ref.published_at)}" if ref else ""


def page(b: Briefing, *, show_dropped: bool = False) -> str:
    sep = _sep(b)

    def para(sentences: tuple[Sentence, ...]) -> str:
        return f"<p>{sep.join(_html_sentence(b, s) for s in sentences)}</p>" if sentences else ""

    body = [f"<h1>{_html_sentence(b, b.headline)}</h1>", para(b.lead)]
    for section in b.sections:
        body.append(f"<h2>{_e(section.title)}</h2>")
        body.append(para(section.sentences) or f"<p>{_e(section.note)}</p>")
    if b.points:
        body.append(f"<h2>{_e(_points_label(b))}</h2><p>{_e(b.label('points_intro'))}</p><ul>")
        body += [f"<li>{_html_sentence(b, s)}</li>" for s in b.points]
        body.append("</ul>")
    if b.perspective:
        body.append(f"<h2>{_e(b.label('perspective'))}</h2>{para(b.perspective)}")
    body.append(f'<p class="asof">{_html_sentence(b, b.as_of_line)}</p>')
    if b.conflicts:
        body.append(f"<h2>{_e(b.label('conflicts'))}</h2><ul>")
        body += [f"<li>{_html_sentence(b, s)}</li>" for s in b.conflicts]
        body.append("</ul>")
    if b.dropped and show_dropped:
        body.append(f'<h2>{_e(b.label("dropped"))}</h2><ul class="dropped">')
        body += [f"<li>({_e(d.where)}) {_e(d.text)} — {_e('; '.join(d.reasons))}</li>" for d in b.dropped]
        body.append("</ul>")
    body.append(f"<h2>{_e(b.label('references'))}</h2><ol>")
    for ref in b.references:
        body.append(_html_reference(ref, b.label("copies")))
    body.append("</ol>")
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(b.language)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="referrer" content="no-referrer">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_e(b.headline.text)}</title><style>{_STYLE}</style></head>\n<body>\n"
        + "\n".join(x for x in body if x)
        + "\n</body></html>\n"
    )


def _link(text: str | None, url: str | None) -> str:
    safe = safe_url(url)
    if safe is None:
        return _e(text or "(no title)")
    return f'<a href="{_e(safe)}" rel="noopener noreferrer nofollow">{_e(text or safe)}</a>'


def _html_reference(ref: Reference, copies_label: str) -> str:
    line = (
        f'<li id="ref-{ref.number}" value="{ref.number}">{_link(ref.title, ref.url)} — '
        f"{_e(ref.outlet or '?')}, {_e(_date(ref.published_at))}"
    )
    if ref.copies:
        line += (
            f'<div class="copies">{_e(copies_label)}: '
            + "; ".join(_link(c.outlet or c.title, c.url) for c in ref.copies)
            + "</div>"
        )
    return line + "</li>"
