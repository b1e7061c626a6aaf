"""One person whatever the spelling: a name another report writes with a letter once instead of
twice ("Li Chengang" for "Li Chenggang") is the same person, shown under the fuller spelling;
names that differ otherwise stay two people."""

from __future__ import annotations

from communique.extract.gazetteer import load
from communique.merge.actors import merge_actor, spelling_variant
from communique.model import Actor


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
