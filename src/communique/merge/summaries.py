"""The wording a merged event shows for what happened: the one most of its reports give, and
among equally common ones the most telling (no import of the merger: a briefing asks for it)."""

from __future__ import annotations

import re
from collections import Counter


def commonest_summary(texts: Counter[str]) -> str:
    """The wording most members give for what happened; among equally common ones, one that says
    what the deal is over one naming only the paper it was put on ("a joint statement",
    「関連文書」), and a whole phrase over one cut short ("a ceasefire following a meeting
    hosted"), then the least."""
    if not texts:
        return ""
    return min(texts.items(), key=lambda kv: (-kv[1], bool(_PAPER_ONLY.fullmatch(kv[0].strip())),
                                              bool(_CUT_SHORT.search(kv[0])), kv[0]))[0]


_PAPER_ONLY = re.compile(
    r"(?i:(?:(?:a|an|the|their|its|two|three|several)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:joint\s+)?(?:statements?|declarations?|communiqu[eé]s?|documents?|memorand(?:um|a|ums)"
    r"(?:\s+of\s+understanding)?|papers?))|(?:関連|合意|共同)?(?:文書|声明|宣言)")
_CUT_SHORT = re.compile(r"(?i:\s(?:held|signed|hosted|in|at|of|the|a|an|to|and|which|that|on|by|with))$")
