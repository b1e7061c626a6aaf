import json

from communique.ingest import SourceOptions, build_report, expand
from communique.model import Document, Skipped

from ..conftest import ARTICLE_EN

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Desk</title>
  <entry>
    <title>Envoys land in Miami</title>
    <link href="https://atom.example/miami"/>
    <updated>2025-12-04T09:00:00Z</updated>
    <content type="html">&lt;p&gt;The envoys landed in Miami on Thursday for talks with the
    Ukrainian delegation, officials said.&lt;/p&gt;&lt;p&gt;Share on Facebook&lt;/p&gt;</content>
  </entry>
</feed>
"""


def _items(path):
    return list(expand(str(path), SourceOptions()))


def test_atom_feed_items_carry_feed_metadata(tmp_path):
    path = tmp_path / "desk.atom"
    path.write_text(ATOM, encoding="utf-8")
    [doc] = _items(path)
    assert isinstance(doc, Document)
    report, _warning = build_report(doc)
    assert report.title == "Envoys land in Miami"
    assert report.outlet == "Atom Desk"
    assert report.url == "https://atom.example/miami"
    assert report.published_at == "2025-12-04T09:00:00+00:00"
    assert "Share on Facebook" not in report.text
    assert report.text.startswith("Envoys land in Miami\n\nThe envoys landed in Miami on Thursday")


def test_json_file_with_a_list_of_records(tmp_path):
    path = tmp_path / "two.json"
    path.write_text(json.dumps([
        {"text": ARTICLE_EN, "title": "One", "language": "en", "published_at": "2025-12-02"},
        {"html": "<p>Second story body, long enough to be a paragraph of news.</p>", "title": "Two"},
        {"title": "no body"},
    ]), encoding="utf-8")
    items = _items(path)
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Skipped"]
    assert items[0].source.endswith("two.json#0")
    assert 'neither "text" nor "html"' in items[2].reason


def test_folder_is_recursive_and_names_unsupported_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE_EN, encoding="utf-8")
    (tmp_path / "b.md").write_text("---\ntitle: Front matter title\noutlet: MD Times\n---\n\n"
                                   + ARTICLE_EN.split("\n\n", 1)[1], encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    items = _items(tmp_path)
    kinds = sorted((type(i).__name__, i.source.rsplit("/", 1)[-1]) for i in items)
    assert kinds == [("Document", "a.txt"), ("Document", "b.md"), ("Skipped", "image.png")]
    md = next(i for i in items if isinstance(i, Document) and i.source.endswith("b.md"))
    report, _ = build_report(md)
    assert report.title == "Front matter title" and report.outlet == "MD Times"
    assert report.published_at == "2025-12-02"


def test_skipped_is_data_with_a_hint(tmp_path):
    [item] = _items(tmp_path / "nothing-here")
    assert isinstance(item, Skipped)
    assert item.message().startswith(f"{tmp_path / 'nothing-here'}: no such file or folder; ")
