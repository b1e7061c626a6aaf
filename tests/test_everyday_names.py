"""Issue 13, the user's own names: a gazetteer file merged over the built-in one, validated,
managed with ``communique actors``; the built-in list and the user's stay separate."""

import json

import pytest

from communique.extract import gazetteer, user_names
from communique.store import SQLiteStore

from .everyday import write_reports

AKAZAWA = {
    "id": "ryosei-akazawa", "kind": "person",
    "name": {"en": "Ryosei Akazawa", "ja": "赤沢亮正"}, "short": {"en": "Akazawa", "ja": "赤沢"},
    "roles": [{"title": {"en": "Minister for Economic Revitalization", "ja": "経済再生相"},
               "affiliation": "japan", "from": "2024-10"}],
    "country": "japan",
}


@pytest.fixture
def names(tmp_path, monkeypatch):
    """$COMMUNIQUE_GAZETTEER pointing at a file of the test's own (not created yet)."""
    path = tmp_path / "names.json"
    monkeypatch.setenv(user_names.ENV, str(path))
    gazetteer.load.cache_clear()
    yield path
    monkeypatch.delenv(user_names.ENV)
    gazetteer.load.cache_clear()


def _actors(db):
    with SQLiteStore(db) as store:
        from communique import pipeline

        return {r["id"]: r for r in pipeline.export_records(store, ["actor"])}


def test_without_the_users_names_the_minister_is_unknown_and_english_prints_japanese(run, tmp_path):
    paths = write_reports(tmp_path / "in", ("trade1.txt", "trade-ja.txt"))
    db = tmp_path / "t.db"
    assert run("ingest", "--db", db, *paths)[0] == 0
    assert "ryosei-akazawa" not in _actors(db)  # not in the built-in gazetteer
    code, out, _err = run("actors", "unknown", "--db", db, "--json")
    rows = json.loads(out)
    akazawa = [r for r in rows if "Ryosei Akazawa" in r["aliases"]]
    assert code == 0 and akazawa  # listed with the spellings of each language, to confirm in one step
    assert "赤沢亮正" in akazawa[0]["aliases"] and akazawa[0]["name_ja"] == "赤沢亮正"


def test_the_users_names_make_one_party_named_in_each_language(run, tmp_path, names):
    names.write_text(json.dumps({"version": 1, "entries": [AKAZAWA]}, ensure_ascii=False), encoding="utf-8")
    paths = write_reports(tmp_path / "in", ("trade1.txt", "trade2.txt", "trade-ja.txt"))
    db = tmp_path / "t.db"
    assert run("ingest", "--db", db, *paths)[0] == 0
    actors = _actors(db)
    assert actors["ryosei-akazawa"]["name"] == {"en": "Ryosei Akazawa", "ja": "赤沢亮正"}
    assert not [a for a in actors if a.startswith("person:") and "akazawa" in a.casefold() or "赤沢" in a]
    code, out, _err = run("brief", "--db", db, "--lang", "en")
    assert code == 0 and "経済再生相 赤沢" not in out  # (Japanese evidence may still be quoted as such)
    assert not [line for line in out.splitlines() if line.startswith(("赤沢", "経済再生相"))]
    assert "Minister for Economic Revitalization Ryosei Akazawa" in out


def test_actors_add_confirm_writes_only_the_users_file(run, tmp_path, names):
    builtin = gazetteer.builtin_entries()
    paths = write_reports(tmp_path / "in", ("trade1.txt", "trade-ja.txt"))
    db = tmp_path / "t.db"
    assert run("ingest", "--db", db, *paths)[0] == 0
    code, out, _err = run("actors", "unknown", "--db", db, "--json")
    person = next(r["id"] for r in json.loads(out) if "Ryosei Akazawa" in r["aliases"])
    code, _out, err = run("actors", "add", "--db", db, "--confirm", person, "--title-ja", "経済再生相",
                          "--title", "Minister for Economic Revitalization", "--affiliation", "japan")
    assert code == 0 and f"to {names}" in err and "communique extract --all" in err
    entry = json.loads(names.read_text(encoding="utf-8"))["entries"][0]
    assert entry["name"] == {"en": "Ryosei Akazawa", "ja": "赤沢亮正"} and entry["short"]["ja"] == "赤沢"
    assert gazetteer.builtin_entries() == builtin  # the built-in list is untouched
    code, out, _err = run("actors", "show", "赤沢")
    assert code == 0 and json.loads(out)["source"] == "user"
    code, out, _err = run("actors", "list", "--user", "--json")
    assert [r["id"] for r in json.loads(out)] == ["ryosei-akazawa"]
    code, out, _err = run("actors", "list", "--json")
    sources = {r["id"]: r["source"] for r in json.loads(out)}
    assert sources["ryosei-akazawa"] == "user" and sources["volodymyr-zelensky"] == "built-in"


def test_actors_add_by_hand(run, names):
    code, _out, err = run("actors", "add", "Kaja Kallas", "--ja", "カヤ・カラス", "--alias", "カラス",
                          "--kind", "person", "--title", "High Representative",
                          "--affiliation", "european-union")
    assert code == 0, err
    assert gazetteer.load().lookup("カラス").id == "kaja-kallas"


def test_check_lists_every_problem(run, names):
    names.write_text(json.dumps({"entries": [
        {"id": "Bad Id", "kind": "person", "name": {"en": "X"}},
        {"id": "someone", "kind": "human", "name": {"en": "Some One"}, "nmae": 1},
        {"id": "nameless", "kind": "person"},
        {"id": "akazawa", "kind": "person", "name": {"en": "Zelensky"},
         "roles": [{"title": {"en": "Minister"}, "from": "last year"}]},
    ]}), encoding="utf-8")
    code, out, err = run("actors", "check")
    assert code == 1 and "4 entries, 6 problem(s)" in err
    assert "entries[0] (Bad Id): the id must be lower-case" in out
    assert "kind 'human' is not one of" in out and "unknown field(s) nmae" in out
    assert "entries[2] (nameless): no name" in out
    assert "'Zelensky' already names the built-in entry 'volodymyr-zelensky'" in out
    assert "roles[0].from 'last year' is not YYYY" in out
    code, _out, err = run("ingest", "--db", names.parent / "x.db", names)  # extraction will not run on it
    assert code == 1 and len(err.strip().splitlines()) == 1 and "actors check" in err


def test_a_broken_file_is_one_line_with_its_place(run, tmp_path, names):
    names.write_text('{"entries": [\n  {"id": "x",}\n]}', encoding="utf-8")
    code, _out, err = run("actors", "check")
    assert code == 1 and "not valid JSON at line 2" in err and err.count("\n") == 1


def test_yaml_and_the_gazetteer_option(run, tmp_path):
    path = tmp_path / "names.yaml"
    path.write_text("entries:\n  - id: ryosei-akazawa\n    kind: person\n"
                    "    name: {en: Ryosei Akazawa, ja: 赤沢亮正}\n", encoding="utf-8")
    code, out, _err = run("actors", "show", "赤沢亮正", "--gazetteer", path)
    assert code == 0 and json.loads(out)["id"] == "ryosei-akazawa"
    code, _out, _err = run("actors", "show", "赤沢亮正")  # the option held for that command only
    assert code == 2


def test_a_missing_named_file_is_an_error(run, tmp_path):
    code, _out, err = run("actors", "list", "--gazetteer", tmp_path / "nope.json")
    assert code == 1 and "no such gazetteer file" in err
