"""How actors and places are named in a briefing, in Japanese or English.

Names and titles come from the gazetteer (then from the record's own actor records, then
from the id): in Japanese the ``ja_title_form`` (トランプ大統領), introduced on first mention
by the country it belongs to (ロシアのペスコフ大統領報道官); in English the title before the
name when it is short (Kremlin Press Secretary Dmitry Peskov), "President of Russia" turned
into "Russian President", and the surname afterwards.  Nothing here knows any one story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..extract import places
from ..extract.en.lexicon import FAMILY_FIRST
from ..extract.gazetteer import Entry, Gazetteer, key
from ..model import Role

_WORD = re.compile(r"[A-Za-z]{3,}|[\u4e00-\u9fff]{2}")
_STOP = frozenset({"the", "and", "for", "president", "special", "envoy", "secretary", "minister"})
_ACTOR_TITLE_WORDS = ("President", "Prime Minister", "Chancellor", "King", "Emperor", "Premier")
_THE_ORGS = frozenset("kremlin pentagon vatican taliban houthis quartet".split())
_THE_COUNTRY = ("United ", "Republic", "Kingdom", "Netherlands", "Philippines", "Holy See", "Emirates")


def _is_acronym(text: str) -> bool:
    return text.replace(".", "").isupper() and " " not in text


def _ascii(text: str) -> bool:
    return all(ord(ch) < 128 for ch in text)


_JA_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


def _japanese(text: str) -> bool:
    """Whether a text is written in Japanese script ("China’s chief negotiator", curly
    apostrophe and all, is not)."""
    return _JA_SCRIPT.search(text) is not None


def _humanize(actor_id: str) -> str:
    return " ".join(w.capitalize() for w in actor_id.replace("_", "-").split("-") if w)


_COMMENTATOR = re.compile(
    r"\b(?:analyst|expert|professor|researcher|scholar|commentator|economist|strategist|fellow|pundit|"
    r"historian|columnist)s?\b|\bformer\b|\bex-|\binstitute\b|\bthink[- ]tank\b|\buniversity\b|"
    r"\bfoundation\b|\bcent(?:er|re) for\b|アナリスト|専門家|教授|研究員|評論家|エコノミスト|解説委員|"
    r"研究所|大学|シンクタンク|^元|^前", re.I)


_MEDIA = re.compile(
    r"(?:通信|通信社|新聞|放送|テレビ|ニュース|タイムズ|ポスト|ジャーナル)$|"
    r"^(?:Reuters|AFP|AP|Associated Press|Agence France-Presse|Xinhua|TASS|Kyodo|Jiji|Bloomberg|CNN|BBC|"
    r"Axios|Fox News|CNBC|NHK|Al Jazeera|Yonhap)$|\b(?:News|Times|Post|Journal|Gazette|Herald|News Agency)$")


class Names:
    """Display names for one briefing: the first mention of an actor is the full form."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        actors: Mapping[str, Mapping[str, Any]],
        lang: str,
        as_of: str,
        texts: Iterable[str] = (),
    ) -> None:
        self.gazetteer = gazetteer
        self.actors = actors
        self.lang = lang
        self.as_of = as_of
        self._mentioned: set[str] = set()
        self._texts = list(texts)
        self._story_words: set[str] | None = None
        self._japanese: str | None = None
        self._roles: dict[str, Role | None] = {}  # each actor's role and country, asked for again and again
        self._countries: dict[str, str | None] = {}
        self._readings: dict[str, str | None] = {}  # actor id -> a katakana namesake's id (Japanese)

    @property
    def _words(self) -> set[str]:
        """The story's words, to choose the relevant one of several roles (read on first use)."""
        if self._story_words is None:
            self._story_words = set()
            for text in self._texts:
                self._story_words |= {w.casefold() for w in _WORD.findall(text)}
        return self._story_words

    @property
    def _japanese_text(self) -> str:
        """The Japanese reports' text, to tell how they shorten a name (joined on first use)."""
        if self._japanese is None:
            self._japanese = "\n".join(text for text in self._texts if _JA_SCRIPT.search(text[:200]))
        return self._japanese

    # -- lookups ----------------------------------------------------------------------------
    def entry(self, actor_id: str) -> Entry | None:
        return self.gazetteer.get(actor_id)

    def kind(self, actor_id: str) -> str:
        if actor_id.startswith("anon:"):
            return "anonymous"
        entry = self.entry(actor_id)
        if entry:
            return entry.kind
        return str((self.actors.get(actor_id) or {}).get("kind") or "person")

    def current_role(self, actor_id: str) -> Role | None:
        if actor_id not in self._roles:
            self._roles[actor_id] = self._current_role(actor_id)
        return self._roles[actor_id]

    def _current_role(self, actor_id: str) -> Role | None:
        entry = self.entry(actor_id)
        if entry is None:
            raw = (self.actors.get(actor_id) or {}).get("roles") or ()
            for role in raw:
                title = role.get("title")
                en = title.get("en") if isinstance(title, dict) else title
                ja = title.get("ja") if isinstance(title, dict) else None
                if en and _japanese(str(en)):  # a Japanese title given as the only one
                    en, ja = None, ja or en
                if ja:  # 「(ホーリーフォン)副首相」: the reading of the name is no part of the title
                    ja = re.sub(r"^[(（][^)）]*[)）]", "", str(ja)) or None
                if en or ja:
                    return Role(title=str(en or ""), title_ja=ja, affiliation=role.get("affiliation"))
            return None
        return self._relevant_role(entry)

    def _relevant_role(self, entry: Entry) -> Role | None:
        """Of the roles held on the as-of day, the one whose distinctive title words (those the
        actor's other current roles lack) occur most in the story's reports; ties: listed first."""
        current = [
            role
            for role in entry.roles
            if (role.since or "")[:10] <= self.as_of and (role.until is None or role.until[:10] > self.as_of)
        ]
        if len(current) <= 1 or not self._words:
            return current[0] if current else None
        titles = [{w.casefold() for w in _WORD.findall(f"{r.title} {r.title_ja or ''}")} for r in current]

        def score(i: int) -> int:
            others = set().union(*(t for j, t in enumerate(titles) if j != i))
            return len((titles[i] - others - _STOP) & self._words)

        return current[max(range(len(current)), key=lambda i: (score(i), -i))]

    def is_media(self, actor_id: str) -> bool:
        """A news outlet or agency (Reuters, 毎日新聞, ロイター通信): it reports, it is no party."""
        raw = self.actors.get(actor_id) or {}
        name = raw.get("name")
        names = [n for n in (name.values() if isinstance(name, dict) else [name]) if n]
        names += [str(a) for a in raw.get("aliases") or () if a]
        return any(_MEDIA.search(str(n)) for n in names)

    def is_commentator(self, actor_id: str) -> bool:
        """An analyst, expert or scholar: someone who comments on the story, not a party to it."""
        role = self.current_role(actor_id)
        titles = f"{role.title} {role.title_ja or ''}" if role else ""
        return bool(_COMMENTATOR.search(titles))

    def country(self, actor_id: str) -> str | None:
        """The country (or bloc) an actor belongs to, through its current role."""
        if actor_id not in self._countries:
            self._countries[actor_id] = self._country(actor_id)
        return self._countries[actor_id]

    def _country(self, actor_id: str) -> str | None:
        if actor_id.startswith("anon:"):
            return self.side(actor_id[5:])
        kind = self.kind(actor_id)
        if kind in ("country", "bloc"):
            return actor_id
        role = self.current_role(actor_id)
        if role and (country := self._affiliation_country(role.affiliation)):
            return country
        entry = self.entry(actor_id)
        if entry and entry.country:
            return entry.country
        raw = self.actors.get(actor_id) or {}
        if raw.get("country"):
            return str(raw["country"])
        if entry is None:  # someone the gazetteer does not know: the one country their titles name
            roles = raw.get("roles") or ()
            named = {c for r in roles if (c := self._affiliation_country(r.get("affiliation")))}
            if len(named) == 1:
                return named.pop()
        return None

    def _affiliation_country(self, affiliation: object) -> str | None:
        if not affiliation:
            return None
        if self.kind(str(affiliation)) in ("country", "bloc"):
            return str(affiliation)
        entry = self.entry(str(affiliation))
        return entry.country if entry and entry.country else None

    def side(self, actor_id: str) -> str:
        """The party an actor speaks for: a country or bloc when known, else the actor itself."""
        return self.country(actor_id) or actor_id

    def linked(self, actor_id: str) -> set[str]:
        """The actor and everything its name may be introduced with (country, affiliation)."""
        out = {actor_id}
        if actor_id.startswith("anon:"):
            out.add(actor_id[5:])
        role = self.current_role(actor_id)
        if role and role.affiliation:
            out.add(role.affiliation)
        country = self.country(actor_id)
        if country:
            out.add(country)
        return out

    def prominence(self, actor_id: str) -> int:
        """3 head of state or government, 2 other office holder, 1 person, 0 anything else."""
        if self.kind(actor_id) != "person":
            return 0
        role = self.current_role(actor_id)
        if role is None:
            return 1
        title = role.title
        leader = any(w in title for w in _ACTOR_TITLE_WORDS) and not any(
            w in title for w in ("Vice", "Deputy", "Press", "Office", "Aide")
        )
        return 3 if leader and self.kind(role.affiliation or "") == "country" else 2

    # -- names ------------------------------------------------------------------------------
    def mentioned(self) -> frozenset[str]:
        """The actors named so far (full form given): to take a draft's mentions back."""
        return frozenset(self._mentioned)

    def forget(self, mentioned: frozenset[str]) -> None:
        """Back to :meth:`mentioned` as it was: the actors named since are named in full again."""
        self._mentioned = set(mentioned)

    def mention(self, actor_id: str) -> str:
        """The full form the first time an actor is named in a briefing, the short form after."""
        if actor_id in self._mentioned:
            return self.short(actor_id)
        self._mentioned.add(actor_id)
        return self.full(actor_id)

    def mention_all(self, actor_ids: list[str]) -> list[str]:
        """Mentions of several actors; in Japanese a country named for one is not repeated for the next."""
        out = []
        previous = None
        for actor_id in actor_ids:
            country = self.country(actor_id)
            first = actor_id not in self._mentioned
            text = self.mention(actor_id)
            if self.lang == "ja" and first and country and country == previous and country != actor_id:
                prefix = self._ja_short(country) + "の"
                text = text[len(prefix) :] if text.startswith(prefix) else text
            out.append(text)
            previous = country
        return out

    def full(self, actor_id: str) -> str:
        return self._ja_full(actor_id) if self.lang == "ja" else self._en_full(actor_id)

    def short(self, actor_id: str) -> str:
        return self._ja_short(actor_id) if self.lang == "ja" else self._en_short(actor_id)

    def side_label(self, actor_id: str) -> str:
        if self.lang == "ja":
            return self._ja_short(actor_id) + "側"
        return self._en_short(actor_id)

    def _raw_name(self, actor_id: str, lang: str) -> str | None:
        raw = self.actors.get(actor_id) or {}
        name = raw.get("name")
        if isinstance(name, dict):
            found = name.get(lang) or None
        else:
            found = str(name) if name and (lang == "en") == _ascii(str(name)) else None
        if found is None and lang == "ja":
            reading = self._reading(actor_id)
            found = self._raw_name(reading, "ja") if reading else None
        return found

    def _reading(self, actor_id: str) -> str | None:
        """The record's one person of the same side named only in katakana whose given and family
        names read as this person's Latin ones (Hun Manet: 「フン・マネット」 of a Japanese report the
        record kept apart): how a Japanese briefing writes him.  None when none or two do."""
        if actor_id in self._readings:
            return self._readings[actor_id]
        from ..merge.romaji import is_katakana, katakana_skeleton, skeleton

        found: set[str] = set()
        latin = self._raw_name(actor_id, "en")
        words = latin.split() if latin and _ascii(latin) else []
        country = self.country(actor_id) if len(words) >= 2 else None
        if country is not None:
            def bones(text: str) -> str:
                return text.replace("f", "h")

            wanted = (bones(skeleton(words[0])), bones(skeleton(words[-1])))
            for other, raw in self.actors.items():
                name = raw.get("name")
                ja = name.get("ja") if isinstance(name, dict) else None
                en = name.get("en") if isinstance(name, dict) else None
                if other == actor_id or en or not ja or not is_katakana(ja) or self.kind(other) != "person":
                    continue
                parts = [bones(katakana_skeleton(p)) for p in re.split(r"[・＝=\s]+", ja) if p]
                if len(parts) >= 2 and (parts[0], parts[-1]) == wanted and sum(map(len, wanted)) >= 3 \
                        and self.country(other) == country:
                    found.add(other)
        self._readings[actor_id] = found.pop() if len(found) == 1 else None
        return self._readings[actor_id]

    def _en_name(self, actor_id: str) -> str:
        """An actor's name for English text: as an English report gives it, else the Latin id that
        links it across languages (person:he-lifeng -> He Lifeng, for 何立峰), else as written."""
        bare = actor_id.split(":", 1)[-1]
        if self.kind(actor_id) == "person" and _ascii(bare) and "-" in bare:
            return self._raw_name(actor_id, "en") or _humanize(bare)
        return self._raw_name(actor_id, "en") or self._raw_name(actor_id, "ja") or _humanize(actor_id)

    # Japanese
    def _ja_short(self, actor_id: str) -> str:
        if actor_id.startswith("anon:"):
            return self._ja_short(actor_id[5:]) + "の関係者"
        entry = self.entry(actor_id)
        if entry is None:
            name = self._raw_name(actor_id, "ja") or self._raw_name(actor_id, "en") or _humanize(actor_id)
            if self.kind(actor_id) != "person":
                return name
            return self._ja_short_name(name) + "氏"
        if entry.kind != "person":
            return entry.short_ja or entry.name_ja or entry.name_en
        role = self.current_role(actor_id)
        if entry.ja_title_form and (role is not None or not entry.roles):
            rest = entry.ja_title_form.replace(entry.short_ja or entry.name_ja or "", "")
            if role is not None and role.title_ja and rest[:1] in ("前", "元"):
                return (entry.short_ja or entry.name_ja or entry.name_en) + role.title_ja  # still in office
            return entry.ja_title_form
        return (entry.short_ja or entry.name_ja or entry.name_en) + "氏"

    def _ja_short_name(self, name: str) -> str:
        """A katakana name's last word (ルブラン of ドミニク・ルブラン), but the whole name when the
        Japanese reports write it whole again and again and never its last word alone
        (「フン・マネット首相」: フン is his family name)."""
        if "・" not in name:
            return name
        last = name.split("・")[-1]
        whole = self._japanese_text.count(name)
        alone = self._japanese_text.count(last) - whole
        return name if whole >= 2 and alone == 0 else last

    def _ja_full(self, actor_id: str) -> str:
        if actor_id.startswith("anon:"):
            return self._ja_short(actor_id)
        entry = self.entry(actor_id)
        if entry is None:
            name = self._raw_name(actor_id, "ja") or self._raw_name(actor_id, "en") or _humanize(actor_id)
            role = self.current_role(actor_id)
            country = self.country(actor_id)
            if self.kind(actor_id) != "person":
                return name
            prefix = self._ja_short(country) + "の" if country and country != actor_id else ""
            if role and role.title_ja:
                return f"{prefix}{role.title_ja}、{name}氏" if prefix else f"{role.title_ja}の{name}氏"
            return f"{prefix}{name}氏"
        if entry.kind != "person":
            name = entry.name_ja or entry.name_en
            short = entry.short_ja
            if short and short != name and _ascii(short) and short not in name:
                return f"{name}({short})"
            return short or name
        role = self.current_role(actor_id)
        country = self.country(actor_id)
        prefix = self._ja_short(country) + "の" if country and country != actor_id else ""
        short = self._ja_short(actor_id)
        if short.endswith("氏"):
            named = (entry.name_ja or entry.name_en) + "氏"
            if role and role.title_ja:
                return f"{prefix}{role.title_ja}、{named}" if prefix else f"{role.title_ja}の{named}"
            return prefix + named
        if prefix and prefix[:-1] in short:
            return short
        return prefix + short

    # English
    def _en_short(self, actor_id: str) -> str:
        if actor_id.startswith("anon:"):
            return "an unnamed " + self._en_bare(actor_id[5:], short=True) + " source"
        entry = self.entry(actor_id)
        if entry is None:
            name = self._en_name(actor_id)
            if self.kind(actor_id) == "person":
                words = name.split()
                if len(words) in (2, 3) and words[0].lower() in FAMILY_FIRST:
                    return name  # "Li Chenggang": the family name comes first; "Chenggang" names nobody
                return words[-1]
            return name
        if entry.kind == "person":
            return entry.short_en or entry.name_en
        return self._the(entry, entry.short_en or entry.name_en)

    def _en_bare(self, actor_id: str, short: bool) -> str:
        entry = self.entry(actor_id)
        if entry is None:
            return self._raw_name(actor_id, "en") or _humanize(actor_id)
        return (entry.short_en if short else None) or entry.name_en

    def _the(self, entry: Entry, form: str) -> str:
        if form.lower().startswith("the "):
            return form
        if entry.kind == "country":
            needs = any(w in form for w in _THE_COUNTRY) or form in ("US", "UK", "UAE")
        elif entry.kind in ("organization", "bloc"):
            if _is_acronym(form):
                needs = len(form.replace(".", "")) <= 3  # the EU, the UN; NATO
            else:  # the Kremlin, the European Union; Hamas, Hezbollah (a name, no common noun)
                needs = " " in form or form.lower() in _THE_ORGS
        else:
            needs = False
        return "the " + form if needs else form

    def _en_full(self, actor_id: str) -> str:
        if actor_id.startswith("anon:"):
            return self._en_short(actor_id)
        entry = self.entry(actor_id)
        if entry is None:
            name = self._en_name(actor_id)
            role = self.current_role(actor_id)
            if role and role.title and self.kind(actor_id) == "person":
                return self._titled(role.title, name)
            return name
        if entry.kind != "person":
            name = self._the(entry, entry.name_en)
            if entry.short_en and entry.short_en != entry.name_en and _is_acronym(entry.short_en):
                return f"{name} ({entry.short_en})"
            return name
        role = self.current_role(actor_id)
        if role is None or not role.title:
            return entry.name_en
        return self._titled(role.title, entry.name_en)

    def _titled(self, title: str, name: str) -> str:
        if " of " in title:
            office, _, of = title.partition(" of ")
            of = of[4:] if of.lower().startswith("the ") else of
            found = self.gazetteer.lookup(of)
            if found is not None:
                if found.kind == "country":
                    short = found.short_en or found.name_en
                    adjective = short if _is_acronym(short) else (found.demonyms_en or (short,))[0]
                else:
                    adjective = found.short_en or found.name_en
                return f"{adjective} {office} {name}"
        if len(title.split()) <= 4:
            return f"{title} {name}"
        head = re.split(r" (?:for|to|on) ", title, maxsplit=1)[0]
        if head != title and len(head.split()) <= 3:  # "Special Envoy for Peace Missions" -> Special Envoy
            return f"{head} {name}"
        return f"{name} ({title})"

    # -- places -----------------------------------------------------------------------------
    def place(self, place: str | None) -> str | None:
        """A place in the briefing's language: the shared places data, then the gazetteer."""
        if not place:
            return None
        found = places.load().resolve(place)
        if found and places.load().get(found).venue:  # type: ignore[union-attr]
            return places.load().located(found, self.lang)  # "Lancaster House in London"
        if _ascii(place) == (self.lang == "en"):
            return place  # already written in this language
        if found:
            return places.load().name(found, self.lang)
        entry = self.gazetteer.lookup(place)
        name = (entry.name_ja if self.lang == "ja" else entry.name_en) if entry else None
        if name:
            return name
        # a place only known in Japanese script is not written into an English sentence
        return None if self.lang == "en" else place


def name_forms(gazetteer: Gazetteer, lang: str) -> dict[str, str]:
    """Every name, short name and alias of a language -> actor id (metonyms left out), longest first."""
    forms: dict[str, str] = {}
    for entry in gazetteer.entries.values():
        if lang == "ja":
            candidates = (entry.name_ja, entry.short_ja, *entry.aliases_ja, entry.ja_title_form)
        else:
            candidates = (entry.name_en, entry.short_en, *entry.aliases_en)
        for form in candidates:
            if form and len(key(form)) > 1:
                forms.setdefault(form, entry.id)
    return dict(sorted(forms.items(), key=lambda kv: (-len(kv[0]), kv[0])))
