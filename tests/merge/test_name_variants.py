"""One person whatever the spelling: a name another report writes with a letter once instead of
twice ("Li Chengang" for "Li Chenggang") is the same person, shown under the fuller spelling;
so are transliterations of one name (Esmaeil and Esmail, Tabaqchi and Tabaghchi); names a
consonant or a suffix apart stay two people."""

from __future__ import annotations

from communique.extract.gazetteer import load
from communique.merge import merge
from communique.merge.actors import canonical_id, merge_actor, name_variant, same_name, spelling_variant
from communique.model import Actor, Evidence, Extraction, Precision, Quote, Report, Role


def test_a_letter_written_once_is_the_same_person() -> None:
    known = ["person:li-chenggang", "person:li-qiang", "person:wang-wentao"]
    assert spelling_variant("person:li-chengang", known) == "person:li-chenggang"
    assert spelling_variant("person:li-jiang", known) is None  # another letter: another person
    assert spelling_variant("person:li-chenggang", known) is None  # itself
    # two people it could be: neither
    assert spelling_variant("person:ana-molla", ["person:anna-mola", "person:ana-mola"]) is None


def test_a_family_name_particle_written_with_or_without_its_hyphen_is_the_same_person() -> None:
    known = ["person:omar-el-farouk", "person:omar-haddad"]
    assert spelling_variant("person:omar-elfarouk", known) == "person:omar-el-farouk"
    assert spelling_variant("person:omar-el-faruk", known) is None  # another letter: another person


def test_the_fuller_spelling_names_the_person_whatever_the_order() -> None:
    gazetteer = load()

    def actor(name: str) -> Actor:
        return Actor(id="person:li-chenggang", name_en=name, name_ja=None, kind="person")

    one = merge_actor(merge_actor(None, actor("Li Chengang"), "person:li-chenggang", gazetteer, None),
                      actor("Li Chenggang"), "person:li-chenggang", gazetteer, None)
    other = merge_actor(merge_actor(None, actor("Li Chenggang"), "person:li-chenggang", gazetteer, None),
                        actor("Li Chengang"), "person:li-chenggang", gazetteer, None)
    assert one.name_en == other.name_en == "Li Chenggang"


def test_transliterations_of_one_name_are_one_person() -> None:
    # a given name a vowel apart, the family name the same
    assert same_name("person:esmaeil-karbasi", "person:esmail-karbasi")
    assert same_name("person:ismail-karbasi", "person:esmail-karbasi")
    assert same_name("person:hamid-navabi", "person:hamed-navabi")
    # a family name a vowel or an h apart (gh and q alike), the given name the same
    assert same_name("person:dariush-tabaqchi", "person:dariush-tabaghchi")
    assert same_name("person:dariush-tabaqhchi", "person:dariush-tabaqchi")
    assert same_name("person:dariush-rezaei", "person:dariush-rezai")
    # honorifics before the name and a patronymic within it are no part of it
    assert same_name("person:sayyid-nasser-bin-salem-alharthi", "person:nasser-al-harthi")


def test_names_a_consonant_or_a_suffix_apart_are_two_people() -> None:
    assert not same_name("person:ali-karimi", "person:ali-karami")  # a vowel for another in a family name
    assert not same_name("person:omar-haddad", "person:amir-haddad")  # two vowels apart
    assert not same_name("person:ali-akbar", "person:ali-akbari")  # a suffix: another family
    assert not same_name("person:hossein-navabi", "person:hosseini-navabi")
    assert not same_name("person:esmaeil-karbasi", "person:esmail-kerbasi")  # both names written otherwise
    assert not same_name("person:nasser-harthi", "person:nasser-hartho")
    assert not same_name("person:ali-rahman", "person:ali-raman")  # an h after a vowel is a letter of its own
    assert not same_name("person:ellen-marsh", "person:allen-marsh")  # a Western given name is spelt one way
    # given names written after a fixed family name (pinyin, Korean): a vowel apart is another name
    assert not same_name("person:wang-xiaohong", "person:wang-xiahong")
    assert not same_name("person:kim-yong-chol", "person:kim-yong-chul")


def test_a_variant_names_the_one_person_it_can_be() -> None:
    known = ["person:esmaeil-karbasi", "person:dariush-karbasi"]
    assert name_variant("person:esmail-karbasi", known) == "person:esmaeil-karbasi"
    assert name_variant("person:esmail-karbasi", [*known, "person:ismail-karbasi"]) is None  # two it could be


def test_a_gazetteer_persons_transliteration_is_him() -> None:
    gazetteer = load()
    person = next(e for e in gazetteer.entries.values() if e.id == "abbas-araghchi")
    assert canonical_id("person:seyyed-abbas-araqachi", gazetteer) == person.id
    assert canonical_id("person:abbas-araqhchi", gazetteer) == person.id

def _report(rid: str, who: Actor, text: str) -> tuple[Report, Extraction]:
    body = f"{who.name_en} said \u201c{text}\u201d."
    report = Report(id=rid, source=rid, url=None, outlet=rid, title=rid, published_at="2026-02-01",
                    published_precision=Precision.DAY, language="en", text=body, raw=b"",
                    content_type="text", encoding="utf-8")
    start = body.index(text)
    quote = Quote(id=f"{rid}-q", speaker_id=who.id, speaker_text=who.name_en or "", text=text, language="en",
                  direct=True, verb="said", said_on="2026-02-01", said_on_precision=Precision.DAY, hedge=None,
                  evidence=(Evidence(report_id=rid, start=start, end=start + len(text)),), extractor="test")
    return report, Extraction(report_id=rid, actors=(who,), quotes=(quote,))


def test_transliterated_speakers_share_their_remarks_in_the_merge() -> None:
    one = Actor(id="person:esmaeil-karbasi", name_en="Esmaeil Karbasi", name_ja=None, kind="person",
                roles=(Role(title="Foreign Ministry spokesperson"),))
    other = Actor(id="person:esmail-karbasi", name_en="Esmail Karbasi", name_ja=None, kind="person",
                  roles=(Role(title="Iranian foreign ministry spokesman", affiliation="iran"),))
    first = _report("r-1", one, "The round was difficult but useful.")
    second = _report("r-2", other, "The round was difficult but useful.")
    record = merge(*zip(first, second, strict=True))
    assert {s.speaker_id for s in record.statements} == {"person:esmaeil-karbasi"}
    assert len(record.statements) == 1  # one remark
    merged = next(a for a in record.actors if a.id == "person:esmaeil-karbasi")
    assert "iran" in {r.affiliation for r in merged.roles}  # his side, from the other spelling's role
