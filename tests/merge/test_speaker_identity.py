"""One speaker however the reports write him: a Japanese report's katakana for his name, an
unnamed speaker described by the office only he holds.  Two people are never made one: a
deputy and his minister, two holders of one office, a katakana name no office or side
confirms."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from communique import pipeline
from communique.extract.gazetteer import load
from communique.merge import merge
from communique.merge.offices import office
from communique.merge.records import MergedRecord
from communique.model import Actor, Evidence, Extraction, Precision, Quote, Report, Role
from communique.store import SQLiteStore


def test_offices_in_either_language() -> None:
    gazetteer = load()
    for title in ("Omani Foreign Minister", "Oman's foreign minister", "Minister of Foreign Affairs",
                  "the foreign minister", "オマーンの外相", "外相", "外務大臣"):
        assert office(title, gazetteer) == "foreign-minister", title
    for title in ("Prime Minister of Thailand", "Thai Prime Minister", "首相"):
        assert office(title, gazetteer) == "prime-minister", title
    for title in ("Deputy Foreign Minister", "former foreign minister", "外務次官", "副大統領",
                  "Vice President", "acting prime minister", "President of the European Commission", "報道官",
                  None):
        assert office(title, gazetteer) is None, title


# -- in the merge ---------------------------------------------------------------------------


def _report(rid: str, day: str, language: str, said: list[tuple[str, str, str]],
            actors: tuple[Actor, ...] = ()) -> tuple[Report, Extraction]:
    """A report of quotes (speaker id, how the report names him, words)."""
    body = "\n".join(f"{who} said \u201c{text}\u201d." for _, who, text in said)
    report = Report(id=rid, source=rid, url=None, outlet=rid, title=rid, published_at=day,
                    published_precision=Precision.DAY, language=language, text=body, raw=b"",
                    content_type="text", encoding="utf-8")
    # the store reads a report's actors and their roles by their evidence in it
    here = (Evidence(report_id=rid, start=0, end=1),)
    actors = tuple(Actor(id=a.id, name_en=a.name_en, name_ja=a.name_ja, kind=a.kind, aliases=a.aliases,
                         roles=tuple(replace(r, evidence=here) for r in a.roles), evidence=here)
                   for a in actors)
    quotes = tuple(
        Quote(id=f"{rid}-q{n}", speaker_id=sid, speaker_text=who, text=text, language=language, direct=True,
              verb="said", said_on=day, said_on_precision=Precision.DAY, hedge=None,
              evidence=(Evidence(report_id=rid, start=body.index(text), end=body.index(text) + len(text)),),
              extractor="test")
        for n, (sid, who, text) in enumerate(said))
    return report, Extraction(report_id=rid, actors=actors, quotes=quotes)


def _person(pid: str, name: str, *roles: tuple[str, str | None]) -> Actor:
    latin = name.isascii()
    return Actor(id=pid, name_en=name if latin else None, name_ja=None if latin else name, kind="person",
                 aliases=(name,), roles=tuple(Role(title=t, title_ja=None if latin else t, affiliation=a)
                                              for t, a in roles))


def _speakers(record: MergedRecord) -> dict[str, str]:
    """quote id -> the speaker of its statement."""
    speaker = {s.id: s.speaker_id for s in record.statements}
    return {q: speaker[s] for q, s in record.statement_of.items()}


_MINISTER = _person("person:nasser-al-harthi", "Nasser al-Harthi", ("Omani Foreign Minister", "oman"))


def test_a_katakana_given_name_with_his_office_and_side_is_the_minister() -> None:
    first = _report("r-en", "2026-02-01", "en", [("person:nasser-al-harthi", "Nasser al-Harthi",
                                                   "The talks were useful and frank.")], (_MINISTER,))
    ja = _person("person:ナセル", "ナセル", ("外相", "oman"))
    second = _report("r-ja", "2026-02-02", "ja", [("person:ナセル", "ナセル外相", "協議は有益だった")], (ja,))
    record = merge(*zip(first, second, strict=True))
    assert _speakers(record)["r-ja-q0"] == "person:nasser-al-harthi"
    assert "person:ナセル" in next(a for a in record.actors if a.id == "person:nasser-al-harthi").member_ids


def test_a_katakana_name_no_office_or_side_confirms_stays_apart() -> None:
    first = _report("r-en", "2026-02-01", "en", [("person:nasser-al-harthi", "Nasser al-Harthi",
                                                   "The talks were useful and frank.")], (_MINISTER,))
    for ja in (_person("person:ナセル", "ナセル", ("外相", None)),  # no side
               _person("person:ナセル", "ナセル", ("外務次官", "oman")),  # another office
               _person("person:ナセル", "ナセル", ("外相", "qatar"))):  # another side
        second = _report("r-ja", "2026-02-02", "ja", [("person:ナセル", "ナセル", "協議は有益だった")], (ja,))
        record = merge(*zip(first, second, strict=True))
        assert _speakers(record)["r-ja-q0"] == "person:ナセル", ja.roles


def test_a_katakana_full_name_of_his_side_is_him() -> None:
    premier = _person("person:hun-sarin", "Hun Sarin", ("Cambodian Prime Minister", "cambodia"))
    first = _report("r-en", "2026-02-01", "en", [("person:hun-sarin", "Hun Sarin", "Peace is near.")],
                    (premier,))
    ja = _person("person:フン-サリン", "フン・サリン", ("首相", "cambodia"))
    second = _report("r-ja", "2026-02-02", "ja", [("person:フン-サリン", "フン・サリン首相", "和平は近い")],
                     (ja,))
    assert _speakers(merge(*zip(first, second, strict=True)))["r-ja-q0"] == "person:hun-sarin"


def test_a_katakana_family_name_of_his_side_is_him_whatever_his_office_is_called() -> None:
    # 「ケニアのオディンガ外務次官」 and "Kenya's Foreign Secretary Amani Odinga": one man
    secretary = _person("person:amani-odinga", "Amani Odinga", ("Foreign Secretary", "kenya"))
    first = _report("r-en", "2026-02-01", "en", [("person:amani-odinga", "Amani Odinga",
                                                   "The ceasefire holds.")], (secretary,))
    ja = _person("person:オディンガ", "オディンガ", ("外務次官", "kenya"))
    second = _report("r-ja", "2026-02-02", "ja",
                     [("person:オディンガ", "オディンガ外務次官", "停戦は維持されている")], (ja,))
    assert _speakers(merge(*zip(first, second, strict=True)))["r-ja-q0"] == "person:amani-odinga"
    # two men of his side with that family name: the katakana names neither
    brother = _person("person:raila-odinga", "Raila Odinga", ("former prime minister", "kenya"))
    first = _report("r-en", "2026-02-01", "en",
                    [("person:amani-odinga", "Amani Odinga", "The ceasefire holds."),
                     ("person:raila-odinga", "Raila Odinga", "Talks must go on.")], (secretary, brother))
    assert _speakers(merge(*zip(first, second, strict=True)))["r-ja-q0"] == "person:オディンガ"


def test_an_unnamed_speaker_described_by_the_office_only_one_person_holds_is_him() -> None:
    first = _report("r-en", "2026-02-01", "en", [("person:nasser-al-harthi", "Nasser al-Harthi",
                                                   "The talks were useful and frank.")], (_MINISTER,))
    second = _report("r-ja", "2026-02-02", "ja", [("anon:oman", "オマーンの外相", "協議は有益だった"),
                                                  ("anon:oman", "オマーンの外交筋", "次回は来月だ")])
    speakers = _speakers(merge(*zip(first, second, strict=True)))
    assert speakers["r-ja-q0"] == "person:nasser-al-harthi"
    assert speakers["r-ja-q1"] == "anon:oman"  # a diplomat: no office only one person holds


def test_an_office_two_people_held_identifies_nobody() -> None:
    former = _person("person:salim-al-rawas", "Salim al-Rawas", ("Omani Foreign Minister", "oman"))
    first = _report("r-en", "2026-02-01", "en", [
        ("person:nasser-al-harthi", "Nasser al-Harthi", "The talks were useful and frank."),
        ("person:salim-al-rawas", "Salim al-Rawas", "I handed over my files.")], (_MINISTER, former))
    second = _report("r-ja", "2026-02-02", "ja", [("anon:oman", "オマーンの外相", "協議は有益だった")])
    assert _speakers(merge(*zip(first, second, strict=True)))["r-ja-q0"] == "anon:oman"
    # a role that ended before the remark is not held then
    ended = _person("person:salim-al-rawas", "Salim al-Rawas", ("Omani Foreign Minister", "oman"))
    ended = Actor(id=ended.id, name_en=ended.name_en, name_ja=None, kind="person", aliases=ended.aliases,
                  roles=(Role(title="Omani Foreign Minister", affiliation="oman", until="2025-12-31"),))
    first = _report("r-en", "2026-02-01", "en", [
        ("person:nasser-al-harthi", "Nasser al-Harthi", "The talks were useful and frank."),
        ("person:salim-al-rawas", "Salim al-Rawas", "I handed over my files.")], (_MINISTER, ended))
    assert _speakers(merge(*zip(first, second, strict=True)))["r-ja-q0"] == "person:nasser-al-harthi"


def test_the_store_exports_the_office_holder_as_the_speaker(tmp_path: Path) -> None:
    said = [("person:nasser-al-harthi", "Omani Foreign Minister Nasser al-Harthi", "The talks were useful.")]
    first = _report("r-en", "2026-02-01", "en", said, (_MINISTER,))  # the report states his office
    second = _report("r-ja", "2026-02-02", "ja", [("anon:oman", "オマーンの外相", "協議は有益だった")])
    with SQLiteStore(tmp_path / "s.db") as store:
        for report, extraction in (first, second):
            pipeline.add_report(store, report)
            store.save_extraction(extraction, ["test"])
            pipeline.merge_report(store, report.id)
        quotes = {q["id"]: q["speaker_id"] for q in pipeline.export_records(store, ["quote"])}
    assert quotes["r-ja-q0"] == "person:nasser-al-harthi"
