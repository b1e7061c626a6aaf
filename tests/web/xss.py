"""Hostile report data for the XSS tests: payloads in report text, titles, outlets and URLs of sample-like
reports about the sample story, so that they reach the briefing, the record's views and the report pages.

Every payload that would run sets ``document.title`` to PWNED (the probe the browser test reads)."""

from __future__ import annotations

import json
from pathlib import Path

PROBE = "document.title='PWNED'"

PAYLOADS = [
    f"<script>{PROBE}</script>",
    f"<SCRIPT>{PROBE}</SCRIPT>",
    f"<script src=data:text/javascript,{PROBE}></script>",
    f"<img src=x onerror=\"{PROBE}\">",
    f"<img src=x onerror={PROBE}>",
    f"<svg onload=\"{PROBE}\">",
    f"<svg><script>{PROBE}</script></svg>",
    f"<body onload=\"{PROBE}\">",
    f"<iframe src=\"javascript:{PROBE}\"></iframe>",
    f"<iframe srcdoc=\"<script>{PROBE}</script>\"></iframe>",
    f"\"><script>{PROBE}</script>",
    f"'><script>{PROBE}</script>",
    f"\" onmouseover=\"{PROBE}\" x=\"",
    f"' onfocus='{PROBE}' autofocus x='",
    f"\" autofocus onfocus=\"{PROBE}",
    f"</title><script>{PROBE}</script>",
    f"</textarea><script>{PROBE}</script>",
    f"</style><script>{PROBE}</script>",
    f"</summary></details><script>{PROBE}</script>",
    f"</mark><img src=x onerror={PROBE}>",
    f"<details open ontoggle=\"{PROBE}\">",
    f"<input autofocus onfocus=\"{PROBE}\">",
    f"<video><source onerror=\"{PROBE}\"></video>",
    f"<audio src=x onerror=\"{PROBE}\">",
    f"<object data=\"javascript:{PROBE}\"></object>",
    f"<embed src=\"javascript:{PROBE}\">",
    f"<a href=\"javascript:{PROBE}\">click</a>",
    f"<a href=\"jav&#x09;ascript:{PROBE}\">tab</a>",
    f"<a href=\"&#106;avascript:{PROBE}\">entity</a>",
    f"<form action=\"javascript:{PROBE}\"><button>go</button></form>",
    f"<button formaction=\"javascript:{PROBE}\">x</button>",
    f"<meta http-equiv=\"refresh\" content=\"0;url=javascript:{PROBE}\">",
    "<base href=\"https://evil.example/\">",
    "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">",
    "<style>@import 'https://evil.example/x.css';</style>",
    f"<math><mtext></p><script>{PROBE}</script></mtext></math>",
    f"<noscript><p title=\"</noscript><img src=x onerror={PROBE}>\">",
    f"<!--<img src=\"--><img src=x onerror={PROBE}//\">",
    f"<scr<script>ipt>{PROBE}</scr</script>ipt>",
    "<img src=\"x\" onerror=\"&#100;ocument.title='PWNED'\">",
    f"<marquee onstart=\"{PROBE}\">m</marquee>",
    f"<select autofocus onfocus=\"{PROBE}\"></select>",
    f"<textarea autofocus onfocus=\"{PROBE}\"></textarea>",
    f"<div style=\"background:url(javascript:{PROBE})\">s</div>",
    "<img src=x:x onerror=eval(atob('ZG9jdW1lbnQudGl0bGU9J1BXTkVEJw=='))>",
    f"<svg><animate onbegin=\"{PROBE}\" attributeName=x dur=1s>",
    f"<svg><a xlink:href=\"javascript:{PROBE}\"><text x=20 y=20>x</text></a></svg>",
    f"<isindex type=image src=1 onerror=\"{PROBE}\">",
    f"<table background=\"javascript:{PROBE}\"><td>t</td></table>",
    f"<object data=\"data:text/html,<script>{PROBE}</script>\"></object>",
    f"[click](javascript:{PROBE})",
    f"{{{{ {PROBE} }}}}",
    f"${{{PROBE}}}",
    "\u202e<b>reversed</b>\u202c",
    f"<ScRiPt >{PROBE}</ScRiPt >",
    f"<img/src=x/onerror={PROBE}>",
    f"<svg/onload={PROBE}>",
    f"<keygen autofocus onfocus=\"{PROBE}\">",
]

URLS = [
    f"javascript:{PROBE}",
    f"JaVaScRiPt:{PROBE}",
    f" javascript:{PROBE}",
    f"data:text/html,<script>{PROBE}</script>",
    f"vbscript:{PROBE}",
    f"https://news.example/a\"><script>{PROBE}</script>",
    f"https://news.example/b' onmouseover='{PROBE}",
    "//evil.example/protocol-relative",
    f"https://news.example/c?q=<img src=x onerror={PROBE}>",
    "file:///etc/passwd",
]

SPEAKERS = [("Dmitry Peskov", "Kremlin spokesman"), ("Donald Trump", "U.S. President"),
            ("Volodymyr Zelenskyy", "Ukrainian President"), ("Steve Witkoff", "U.S. special envoy")]


REPORTS = 20


def records() -> list[dict[str, str]]:
    """Sample-like reports (one story: envoys, the Kremlin, the peace plan); each payload is in the text, the
    title and the outlet of one of them, and each of :data:`URLS` is the URL of one."""
    out = []
    for i in range(REPORTS):
        mine = PAYLOADS[i::REPORTS]
        speaker, title = SPEAKERS[i % len(SPEAKERS)]
        day = 1 + i % 9
        text = (
            f"MOSCOW, Dec {day}, 2025 (Test Wire) - U.S. envoy Steve Witkoff met Russian President "
            f"Vladimir Putin in the Kremlin on Tuesday for talks on the 28-point peace plan {mine[0]}.\n\n"
            f"\"We are ready to continue the work on the plan {mine[-1]},\" {title} {speaker} told reporters "
            f"after the meeting.\n\n"
            f"Ukraine rejected the demand to cede territory, officials said. Note {i}: " + " ".join(mine)
        )
        out.append({
            "title": f"Envoys meet in Moscow {' '.join(mine)} (report {i})",
            "outlet": f"Outlet {i} {' '.join(mine)}",
            "published_at": f"2025-12-0{day}T10:00:00Z",
            "language": "en",
            "text": text,
            "url": URLS[i] if i < len(URLS) else f"https://news{i}.example/story/{i}",
        })
    return out


def write_corpus(folder: Path) -> Path:
    path = folder / "hostile.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records()), encoding="utf-8")
    return path
