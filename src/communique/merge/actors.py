"""One actor whatever the spelling or the language.

Gazetteer ids are already language-independent (Zelensky, Zelenskiy, ゼレンスキー all
become ``volodymyr-zelensky`` in extraction).  What is left: ``person:<name>`` ids the
extractors made for people the gazetteer does not know, which are linked to a gazetteer
id when the name is one of its spellings, and otherwise merged by normalized name
(titles and honorifics dropped).  Roles are gathered with their evidence and dated by the
report that stated them; a role that changed keeps both.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import cache, lru_cache

from ..extract.gazetteer import Gazetteer, key
from ..model import Actor, Evidence, Role
from .pinyin import pinyin_name
from .records import MergedActor
from .romaji import katakana_person, romanized_name

_HONORIFIC = re.compile(r"(氏|さん|様|大統領|首相|長官|報道官|補佐官|特使)$")
_TITLE_EN = re.compile(r"^(mr|mrs|ms|dr|sir|president|minister|secretary|envoy|spokesman|spokeswoman)\s+")


def name_key(name: str) -> str:
    """Normalized name: NFKC, case-folded, spacing unified, honorifics and titles dropped."""
    k = key(name)
    k = _HONORIFIC.sub("", k.replace(" ", "")) if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", k) else k
    return _TITLE_EN.sub("", k)


def canonical_id(actor_id: str | None, gazetteer: Gazetteer) -> str | None:
    """The id every spelling of one actor shares."""
    if not actor_id:
        return actor_id
    # a function of the id and the gazetteer alone, asked for the same few people dozens of times
    # per report: kept for the gazetteer it was worked out with (a reloaded one starts afresh)
    held = _CANONICAL.get(id(gazetteer))
    if held is None or held[0] is not gazetteer:
        held = _CANONICAL[id(gazetteer)] = (gazetteer, {})
        while len(_CANONICAL) > 4:  # gazetteers reloaded (tests): the oldest forgotten
            del _CANONICAL[next(iter(_CANONICAL))]
    known = held[1]
    if actor_id in known:
        return known[actor_id]
    found = _canonical_id(actor_id, gazetteer)
    if len(known) >= CANONICAL_CACHE:
        del known[next(iter(known))]  # the oldest answer: a bound whatever the store holds
    known[actor_id] = found
    return found


CANONICAL_CACHE = 8192  # actor ids whose canonical id is kept (per gazetteer)
_CANONICAL: dict[int, tuple[Gazetteer, dict[str, str | None]]] = {}


def _canonical_id(actor_id: str, gazetteer: Gazetteer) -> str | None:
    if actor_id in gazetteer:
        return actor_id
    if actor_id.startswith("person:"):
        name = actor_id[len("person:") :]
        entry = gazetteer.lookup(name) or gazetteer.lookup(name.replace("-", " "))
        if entry is not None:
            return entry.id
        bare = name_key(name.replace("-", " "))
        if found := katakana_person(bare, gazetteer):  # ベセント: the gazetteer's ベッセント
            return found
        if found := gazetteer_variant(actor_id, gazetteer):  # Abbas Araqhchi: Abbas Araghchi
            return found
        # 赤沢亮正 -> ryosei-akazawa and 何立峰 -> he-lifeng, as English reports name them
        latin = pinyin_name(bare) or romanized_name(bare)
        return "person:" + (latin or bare.replace(" ", "-"))
    if actor_id.startswith("anon:"):
        return "anon:" + (canonical_id(actor_id[5:], gazetteer) or actor_id[5:])
    entry = gazetteer.lookup(actor_id.replace("-", " "))
    return entry.id if entry is not None else actor_id


def by_family_name(person_id: str, known: Iterable[str]) -> str | None:
    """A person named by family name alone (``person:akazawa``, from 「赤沢大臣」) is the one
    person of that family name already in the record (``person:ryosei-akazawa``), if only one."""
    if not person_id.startswith("person:") or "-" in person_id:
        return None
    family = person_id[len("person:"):]
    found = {k for k in known if k != person_id and k.startswith("person:") and k.endswith("-" + family)}
    return found.pop() if len(found) == 1 else None


def spelling_variant(person_id: str, known: Iterable[str]) -> str | None:
    """The one person already in the record whose name differs from a new one's only by a letter
    written once or twice (``person:li-chengang`` for ``person:li-chenggang``, Mohamed and
    Mohammed) or by a hyphen in the family name (``person:badr-al-busaidi``,
    ``person:badr-albusaidi``): a misspelling, not a new person.  None when there is no such
    person or several."""
    if not person_id.startswith("person:"):
        return None
    key = _single_letters(person_id)
    found = {k for k in known if k != person_id and k.startswith("person:") and _single_letters(k) == key}
    return found.pop() if len(found) == 1 else None


def _single_letters(person_id: str) -> str:
    """The spelling key: letters written twice written once, and the family name's particle
    joined or not ("al-Busaidi", "Albusaidi"): only the first hyphen is kept."""
    given, _, rest = person_id.partition("-")
    return re.sub(r"(.)\1+", r"\1", f"{given}-{rest.replace('-', '')}" if rest else given)


# Words before a name that are no part of it ("Sayyid Badr", "Seyyed Abbas", "Dr. Ali")
HONORIFICS = frozenset(("sayyid", "sayyed", "sayed", "seyyed", "seyed", "syed", "sheikh", "shaikh",
                         "sheik", "dr", "hojatoleslam", "ayatollah"))
_PATRONYM = frozenset(("bin", "ibn", "bint"))  # "Badr bin Hamad Albusaidi": his father's name
_VOWELS = frozenset("aeiou")
# vowels written for one another in transliterations of one given name (Esmail and Ismail,
# Hamid and Hamed, Mahdi and Mehdi); not o and u (Yuko and Yoko are two names)
_VOWEL_SWAPS = frozenset(("ei", "ie", "ae", "ea"))


def name_parts(person_id: str) -> tuple[str, str] | None:
    """A person id's given name and family name as transliteration keys, or None (one name
    only): honorifics before the name and a patronymic within it dropped ("Sayyid Badr bin
    Hamad Albusaidi" is badr + albusaidi), the family name's particles joined to it
    ("al-Busaidi"), letters written twice written once, and gh written as q (Baghaei, Baqaei)."""
    name = person_id[len("person:"):] if person_id.startswith("person:") else person_id
    tokens = [t for t in re.split(r"[-\s]+", unicodedata.normalize("NFKD", name).casefold()) if t]
    tokens = ["".join(ch for ch in t if ch.isascii() and ch.isalpha()) for t in tokens]
    if not all(tokens):
        return None  # not written in Latin letters
    while len(tokens) > 2 and tokens[0] in HONORIFICS:
        tokens = tokens[1:]
    for i in range(1, len(tokens) - 2):
        if tokens[i] in _PATRONYM:
            tokens = tokens[:i] + tokens[i + 2:]
            break
    if len(tokens) < 2:
        return None
    return _translit(tokens[0]), _translit("".join(tokens[1:]))


def _translit(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word.replace("gh", "q"))


# Family names written first (Li Qiang, Kim Yo-jong, Nguyen Van An): the name after them is the
# given name, whose spellings are fixed (Wang Xiaohong and Wang Xiahong are two people)
_EAST_ASIAN_FAMILY = frozenset(_translit(w) for w in (
    "li lee wang zhang liu chen yang zhao huang zhou wu xu sun hu zhu gao lin he guo ma luo liang "
    "song zheng xie han tang feng yu dong xiao cheng cao yuan deng fu shen zeng peng lu su jiang cai "
    "jia ding wei xue ye yan pan du dai xia zhong tian ren fan fang shi yao tan liao zou xiong jin "
    "hao kong bai cui kang mao qiu qin gu hou shao meng long wan duan lei qian yin yi chang qiao lai "
    "gong wen kim park pak choi choe jung jeong kang cho yoon yun jang lim shin moon yoo ryu nguyen "
    "tran le pham hoang huynh vo dang bui ngo").split())


def same_name(a: str, b: str) -> bool:
    """Whether two person ids name one person as transliterations of one name do: the same given
    name with a family name one vowel or one h apart (Araqchi, Araqachi; Araghchi, Araqhchi), or
    the same family name with a given name one vowel apart (Esmaeil, Esmail; Ismail, Esmail).
    A given name and a family name both written otherwise, or a consonant changed, are another
    person's (Karimi and Karami, Omar and Amir)."""
    pa, pb = name_parts(a), name_parts(b)
    if pa is None or pb is None:
        return False
    (given_a, family_a), (given_b, family_b) = pa, pb
    if given_a in _EAST_ASIAN_FAMILY or given_b in _EAST_ASIAN_FAMILY:
        return False  # pinyin and Korean spellings are fixed: a vowel apart is another name
    if given_a == given_b:
        return family_a == family_b or _near(family_a, family_b, "h", swaps=False)
    if _western(given_a) or _western(given_b):
        return False  # a Western given name has one spelling: Ellen and Allen are two people
    return family_a == family_b and _near(given_a, given_b, "", swaps=True)


def _western(given: str) -> bool:
    """A given name of the English lexicon's lists (as a transliteration key)."""
    return given in _western_names()


@cache
def _western_names() -> frozenset[str]:
    from ..extract.en.lexicon import FEMALE_NAMES, MALE_NAMES, UNISEX_NAMES

    return frozenset(_translit(n) for n in (*MALE_NAMES, *FEMALE_NAMES, *UNISEX_NAMES))


def _near(a: str, b: str, extra: str, *, swaps: bool) -> bool:
    """One edit apart: a vowel (or a letter of ``extra``, after a consonant) written or left out
    within the word (not at its end), or with ``swaps`` one vowel for another of its usual
    alternates; words of four letters or more."""
    if min(len(a), len(b)) < 4 or a == b:
        return False
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return swaps and len(diff) == 1 and diff[0][0] + diff[0][1] in _VOWEL_SWAPS
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return False
    i = next((i for i, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    if i == len(short):
        return False  # a letter added at the end is a suffix: Akbar and Akbari, Hossein and Hosseini
    if long_[i] in extra and (i == 0 or long_[i - 1] in _VOWELS):
        return False  # an h that marks no consonant (qh, kh, sh) is a letter of the name: Rahman, Raman
    return long_[:i] + long_[i + 1:] == short and (long_[i] in _VOWELS or long_[i] in extra)


def name_variant(person_id: str, known: Iterable[str]) -> str | None:
    """The one person already in the record whose name is a transliteration of a new one's
    (:func:`same_name`); None when there is no such person or several."""
    found = {k for k in known if k != person_id and k.startswith("person:") and same_name(person_id, k)}
    return found.pop() if len(found) == 1 else None


def gazetteer_variant(person_id: str, gazetteer: Gazetteer) -> str | None:
    """The one gazetteer person a name is a transliteration of (:func:`same_name` with one of the
    English names it lists), else None."""
    parts = name_parts(person_id)
    if parts is None:
        return None
    held = _GAZETTEER_NAMES.get(id(gazetteer))
    if held is None or held[0] is not gazetteer:
        index: dict[str, list[tuple[str, str]]] = {}
        for entry in gazetteer.entries.values():
            if entry.kind != "person":
                continue
            for form in {entry.name_en, entry.short_en, *entry.aliases_en} - {None, ""}:
                form_id = "person:" + key(str(form)).replace(" ", "-")
                if (form_parts := name_parts(form_id)) is not None:
                    for part in form_parts:
                        index.setdefault(part, []).append((form_id, entry.id))
        held = (gazetteer, index)
        _GAZETTEER_NAMES[id(gazetteer)] = held
    index = held[1]
    found = {entry_id for part in parts for form_id, entry_id in index.get(part, ())
             if same_name(person_id, form_id)}
    return found.pop() if len(found) == 1 else None


_GAZETTEER_NAMES: dict[int, tuple[Gazetteer, dict[str, list[tuple[str, str]]]]] = {}


def given_and_family(person_id: str) -> tuple[str, str] | None:
    """The given name and family name of a person id as written (honorifics dropped), for
    looking up the record's people of either: ``person:sayyid-badr-al-busaidi`` -> badr, busaidi."""
    tokens = person_id[len("person:"):].split("-")
    while len(tokens) > 2 and tokens[0].casefold() in HONORIFICS:
        tokens = tokens[1:]
    return (tokens[0], tokens[-1]) if len(tokens) >= 2 else None


def language_of(actor_id: str | None, gazetteer: Gazetteer) -> str | None:
    """The language an actor speaks in public, when the gazetteer says (for wording conflicts)."""
    if not actor_id:
        return None
    entry = gazetteer.get(actor_id)
    if entry is None:
        return None
    country = entry.country or (entry.id if entry.kind == "country" else None)
    return _LANGUAGE_OF_COUNTRY.get(country or "")


_LANGUAGE_OF_COUNTRY = {
    "united-states": "en",
    "united-kingdom": "en",
    "canada": "en",
    "australia": "en",
    "ireland": "en",
    "new-zealand": "en",
    "japan": "ja",
}


def country_of(actor_id: str, gazetteer: Gazetteer) -> str | None:
    entry = gazetteer.get(actor_id)
    if entry is None:
        return None
    return entry.id if entry.kind == "country" else entry.country


def merge_actor(
    existing: MergedActor | None, actor: Actor, canonical: str, gazetteer: Gazetteer, dated: str | None
) -> MergedActor:
    """Fold one report's actor into the merged actor (new roles dated by ``dated``)."""
    entry = gazetteer.get(canonical)
    base = existing or MergedActor(
        id=canonical,
        name_en=entry.name_en if entry else actor.name_en,
        name_ja=entry.name_ja if entry else actor.name_ja,
        kind=entry.kind if entry else actor.kind,
        aliases=(),
        roles=entry.roles if entry else (),
        member_ids=(),
        evidence=(),
    )
    names = [n for n in (actor.name_en, actor.name_ja, *actor.aliases) if n]
    # the same actor whatever order the reports come in: the gazetteer's names first, the
    # rest in sorted order; the extracted roles sorted; one name chosen by content
    seen = set(base.aliases) | set(names)
    known = [n for n in (entry.name_en, entry.name_ja) if n and n in seen] if entry else []
    aliases = tuple(dict.fromkeys((*known, *sorted(seen - set(known)))))
    mentions = {_mention_key(m): m for m in base.mentions}
    for role in actor.roles:
        mention = replace(
            role,
            since=role.since or (dated[:10] if dated else None),
            evidence=_union((), role.evidence or tuple(actor.evidence)),
        )
        k = _mention_key(mention)
        if k in mentions:
            known_mention = mentions[k]
            mention = replace(
                known_mention,
                since=_earliest(known_mention.since, mention.since),
                evidence=_union(known_mention.evidence, mention.evidence),
            )
        mentions[k] = mention
    roles = list(entry.roles) if entry else []
    for mention in sorted(mentions.values(), key=_role_order):
        roles = _add_role(roles, mention, (), None)
    return MergedActor(
        id=canonical,
        name_en=_fuller(base.name_en, actor.name_en) if not entry else base.name_en or actor.name_en,
        name_ja=_fuller(base.name_ja, actor.name_ja) if not entry else base.name_ja or actor.name_ja,
        kind=base.kind,
        aliases=aliases,
        roles=tuple(roles),
        member_ids=tuple(sorted({*base.member_ids, actor.id})),
        evidence=_union(base.evidence, actor.evidence),
        mentions=tuple(sorted(mentions.values(), key=_role_order)),
    )


@lru_cache(maxsize=4096)
def _title_key(title: str) -> str:
    """:func:`key` of a title: a merged actor's roles are compared with each role a report names,
    report after report, and the titles are few."""
    return key(title)


def _add_role(roles: list[Role], role: Role, evidence: Iterable[Evidence], dated: str | None) -> list[Role]:
    title_key = _title_key(role.title or role.title_ja or "")
    for i, known in enumerate(roles):
        known_keys = (_title_key(known.title or ""), _title_key(known.title_ja or ""))
        same_title = title_key and title_key in known_keys
        if same_title and (known.affiliation or role.affiliation) in (role.affiliation, known.affiliation):
            roles[i] = Role(
                title=_first(known.title, role.title) or "",
                affiliation=_first(known.affiliation, role.affiliation),
                title_ja=_first(known.title_ja, role.title_ja),
                since=_earliest(known.since, role.since or (dated[:10] if dated else None)),
                until=_first(known.until, role.until),
                evidence=_union(known.evidence, role.evidence or tuple(evidence)),
            )
            return roles
    roles.append(
        Role(
            title=role.title,
            affiliation=role.affiliation,
            title_ja=role.title_ja,
            since=role.since or (dated[:10] if dated else None),
            until=role.until,
            evidence=role.evidence or tuple(evidence),
        )
    )
    return roles


def _first(a: str | None, b: str | None) -> str | None:
    """One of two values whatever the order they came in (the smaller; an empty one loses)."""
    return min((x for x in (a, b) if x), default=None) if (a or b) else (a if a is not None else b)


def _fuller(a: str | None, b: str | None) -> str | None:
    """The fuller of two names whatever the order they came in ("Rustem Umerov" over "Umerov",
    "Li Chenggang" over its misspelling "Li Chengang"; of two as long, the smaller)."""
    return min((x for x in (a, b) if x), key=lambda x: (-len(x), x), default=None) if (a or b) else (
        a if a is not None else b)


def _role_order(role: Role) -> tuple[str, str, str, str, str]:
    return (role.since or "", role.title or "", role.title_ja or "", role.affiliation or "", role.until or "")


def _mention_key(role: Role) -> tuple[str, str, str, str]:
    return (role.title or "", role.title_ja or "", role.affiliation or "", role.until or "")


def _earliest(a: str | None, b: str | None) -> str | None:
    return min((x for x in (a, b) if x), default=None)


ROLE_EVIDENCE = 12  # spans kept per role (the first by report and offset): a role named in a
# thousand reports is not rewritten with a thousand spans each time one more names it


def _union(a: tuple[Evidence, ...], b: Iterable[Evidence]) -> tuple[Evidence, ...]:
    spans = dict.fromkeys((*a, *b))
    if len(spans) <= ROLE_EVIDENCE:
        return tuple(sorted(spans, key=lambda e: (e.report_id, e.start, e.end)))
    return tuple(sorted(spans, key=lambda e: (e.report_id, e.start, e.end))[:ROLE_EVIDENCE])
