"""Word search over stored reports, in English and Japanese.

Each report's title and text are indexed as words in the store's ``report_words`` table (FTS5 on
SQLite, a tsvector of the same words on PostgreSQL):
Japanese runs split by Sudachi (the extractors' analyser, in its finest mode so that 和平 is
found inside 和平協議), everything else by FTS5's unicode61 tokenizer (so "EU" is a word, which
the trigram index cannot find).  Reports are indexed when a search first needs them.

A query is words and "quoted phrases"; every one must occur (AND).  A word that names an actor
(the gazetteer, the user's names, or an actor in the merged record) also matches the actor's
other spellings in both languages (Zelensky, Zelenskiy, ゼレンスキー).  Results are ranked by
BM25 (or by date, newest first) and carry a snippet around the first match.

    from communique.store import search
    for hit in search.search(store, 'Zelensky "peace plan"', limit=10):
        print(hit.id, hit.name, hit.snippet)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

from ..errors import UsageError
from .sqlite import SQLiteStore

_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f々〆ヵヶー]+")
_WORD = re.compile(r"\w+")
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_MAX_SUDACHI = 10_000  # characters per call, well under Sudachi's input limit


@cache
def _sudachi() -> Any:
    from ..sudachi import dictionary

    return dictionary().create()


def words(text: str) -> list[str]:
    """The words of a text as the index holds them: NFKC, lower case, Japanese split by Sudachi."""
    text = unicodedata.normalize("NFKC", text).casefold()
    out: list[str] = []
    last = 0
    for run in _CJK_RUN.finditer(text):
        out.extend(_WORD.findall(text[last:run.start()]))
        out.extend(_japanese(run.group()))
        last = run.end()
    out.extend(_WORD.findall(text[last:]))
    return out


def _japanese(run: str) -> list[str]:
    from sudachipy import SplitMode

    tokens: list[str] = []
    for start in range(0, len(run), _MAX_SUDACHI):
        for m in _sudachi().tokenize(run[start:start + _MAX_SUDACHI], SplitMode.A):
            surface = m.surface().strip()
            if surface:
                tokens.append(surface)
    return tokens


def sync(store: SQLiteStore) -> int:
    """Index every report not indexed yet (new, or changed since); returns how many."""
    if getattr(store, "dialect", "sqlite") == "postgresql":
        return _sync_postgresql(store)
    # the indexed reports are asked of the index's table of document sizes (FTS5 keeps one row per
    # document there): asking the index itself reads every indexed text (0.06 s on 36,000 reports).
    # Its rows are stored reports' (a trigger deletes a report's with it, or with its change), so as
    # many rows as reports means none is missing: two counts (100,000 reports: 3 ms, against 35 ms)
    if store.db.execute("SELECT (SELECT count(*) FROM reports) - (SELECT count(*) FROM report_words_docsize)"
                        ).fetchone()[0] == 0:
        return 0
    missing = [r[0] for r in store.db.execute(
        "SELECT rowid FROM reports WHERE rowid NOT IN (SELECT id FROM report_words_docsize)")]
    if not missing:
        return 0
    rows = []
    for i in range(0, len(missing), 500):
        chunk = missing[i:i + 500]
        rows += store.db.execute(f"SELECT rowid, title, text FROM reports WHERE rowid IN "
                                 f"({','.join('?' * len(chunk))}) ORDER BY rowid", chunk).fetchall()
    with store.transaction() as db:
        db.executemany("INSERT INTO report_words (rowid, title, text) VALUES (?, ?, ?)",
                       [(r[0], " ".join(words(r[1] or "")), " ".join(words(r[2]))) for r in rows])
    return len(rows)


# -- PostgreSQL: the same words in a tsvector (report_words.words, migration 0006 there) ----------
_MAX_POSITION = 16383  # PostgreSQL's last word position: later words are found, phrases there not
_MAX_POSITIONS = 256  # positions kept per word (PostgreSQL's own limit)
_MAX_LEXEME = 2000  # bytes; longer "words" (no real word is) are left out of the index
_MAX_VECTOR = 900_000  # bytes of distinct words and positions, under the tsvector's 1 MB


def _quoted(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _plain(word: str) -> str:
    """A word without its diacritics (as FTS5's remove_diacritics does on SQLite), Japanese kept."""
    if _CJK_RUN.search(word) or word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _index_words(text: str) -> list[str]:
    return [w for w in (_plain(w) for w in words(text)) if w]


def tsvector(title: str, text: str) -> str:
    """A report's words as a tsvector literal, the words exactly as :func:`words` gives them:
    title words weigh A, text words D, and a gap between them, so no phrase runs across."""
    found: dict[str, list[str]] = {}
    size = 0
    position = 1
    for part, weight in ((_index_words(title), "A"), (_index_words(text), "")):
        for word in part:
            places = found.get(word)
            if places is None:
                if len(word.encode()) > _MAX_LEXEME or size > _MAX_VECTOR:
                    position += 1
                    continue
                places = found[word] = []
                size += len(word.encode()) + 8
            where = f"{min(position, _MAX_POSITION)}{weight}"
            if len(places) < _MAX_POSITIONS and (not places or places[-1] != where):
                places.append(where)
                size += 2
            position += 1
        position += 1
    return " ".join(f"{_quoted(w)}:{','.join(p)}" for w, p in found.items())


def _tsquery(terms: list[Term]) -> str:
    """Every term (AND), each in any of its spellings (OR), a spelling's words in a row (<->)."""
    def phrase(text: str) -> str:
        return " <-> ".join(_quoted(w) for w in _index_words(text))

    parts = []
    for term in terms:
        alternatives = sorted({phrase(s) for s in term.spellings if _index_words(s)})
        parts.append("(" + " | ".join(f"({a})" for a in alternatives) + ")")
    return " & ".join(parts)


def _sync_postgresql(store: SQLiteStore) -> int:
    rows = store.db.execute(
        "SELECT id, title, text FROM reports WHERE id NOT IN (SELECT report_id FROM report_words)"
    ).fetchall()
    if not rows:
        return 0
    with store.transaction() as db:
        db.executemany("INSERT OR IGNORE INTO report_words (report_id, words) VALUES (?, ?::tsvector)",
                       [(r[0], tsvector(r[1] or "", r[2])) for r in rows])
    return len(rows)


@dataclass(frozen=True, slots=True)
class Term:
    """One query term: its spellings (the words as given, plus an actor's other names)."""

    given: str
    spellings: tuple[str, ...]
    actor_id: str | None = None


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str | None
    name: str
    outlet: str | None
    published_at: str | None
    language: str
    url: str | None
    score: float
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)  # spans of ``snippet`` that match

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["highlights"] = [list(span) for span in self.highlights]
        return out

    def marked(self, start: str, end: str) -> str:
        """The snippet with each match between ``start`` and ``end``."""
        pieces, last = [], 0
        for a, b in self.highlights:
            pieces += [self.snippet[last:a], start, self.snippet[a:b], end]
            last = b
        pieces.append(self.snippet[last:])
        return "".join(pieces)


def parse(query: str, store: SQLiteStore | None = None) -> list[Term]:
    """Words and "quoted phrases" of a query, each with the other spellings of the actor it names."""
    terms = []
    for match in _TERM.finditer(query):
        given = (match.group(1) if match.group(1) is not None else match.group(2)).strip()
        if not words(given):
            continue
        actor_id, spellings = _spellings(given, store)
        terms.append(Term(given=given, spellings=spellings, actor_id=actor_id))
    return terms


def _spellings(given: str, store: SQLiteStore | None) -> tuple[str | None, tuple[str, ...]]:
    """The actor a term names by one of its own names (not a metonym: "Moscow" stays a city), and
    every spelling the gazetteer and the stored record know for it."""
    import json

    from ..extract.gazetteer import key, load

    wanted = key(given)
    names: list[str] = [given]
    actor_id = None
    entry = load().lookup(given)
    if entry is not None:
        own = [n for n in (entry.name_en, entry.name_ja, entry.short_en, entry.short_ja,
                           *entry.aliases_en, *entry.aliases_ja) if n]
        if any(key(n) == wanted for n in own):
            actor_id = entry.id
            names += own
    if store is not None:
        # people only: the record's aliases of countries and groups include phrases ("Europe's leaders")
        for row in store.db.execute("SELECT id, name_en, name_ja, aliases FROM merged_actors "
                                    "WHERE kind = 'person' UNION ALL SELECT id, name_en, name_ja, aliases "
                                    "FROM actors WHERE kind = 'person'"):
            forms = [f for f in (row[1], row[2], *json.loads(row[3] or "[]"))
                     if f and len(f) > 1 and not f.startswith("同")]  # 同氏, 同大統領 point back, name no one
            if row[0] == actor_id or any(key(f) == wanted for f in forms):
                actor_id = actor_id or row[0]
                names += forms
    return actor_id, tuple(dict.fromkeys(n for n in names if words(n)))


def _fts_query(terms: list[Term]) -> str:
    def phrase(text: str) -> str:
        return '"' + " ".join(words(text)).replace('"', '""') + '"'

    parts = []
    for term in terms:
        alternatives = sorted({phrase(s) for s in term.spellings})
        parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
    return " AND ".join(parts)


def search(store: SQLiteStore, query: str, *, limit: int = 20, sort: str = "relevance") -> list[Hit]:
    """Reports in which every word or phrase of ``query`` occurs (a name in any of its spellings)."""
    from ..ingest.titles import untitled_name

    terms = parse(query, store)
    if not terms:
        raise UsageError(f"search {query!r}", "has no words to look for",
                         'give a word or a "quoted phrase"')
    if sort not in ("relevance", "date"):
        raise UsageError(f"--sort {sort}", "unknown order", "use relevance or date")
    sync(store)
    if getattr(store, "dialect", "sqlite") == "postgresql":
        # ts_rank with title words weighing 3 times text words (as bm25's weights on SQLite),
        # divided by 1 + the log of the report's length; higher is better, as -bm25 is
        order = "score DESC" if sort == "relevance" else "coalesce(r.published_at, '') DESC, score DESC"
        rows = store.db.execute(
            "SELECT r.id, r.title, r.outlet, r.published_at, r.language, r.url, r.text, "
            "-ts_rank('{0.3333, 0.0, 0.0, 1.0}', w.words, q.query, 1) AS rank, "
            "ts_rank('{0.3333, 0.0, 0.0, 1.0}', w.words, q.query, 1) AS score "
            "FROM (SELECT ?::tsquery AS query) q, report_words w JOIN reports r ON r.id = w.report_id "
            f"WHERE w.words @@ q.query ORDER BY {order}, r.id LIMIT ?",
            (_tsquery(terms), limit),
        ).fetchall()
    else:
        rows = _ranked(store, _fts_query(terms), limit, sort)
    hits = []
    for row in rows:
        snippet, spans = snippet_of(row["text"], terms)
        hits.append(Hit(id=row["id"], title=row["title"],
                        name=row["title"] or untitled_name(row["outlet"], row["published_at"], row["text"]),
                        outlet=row["outlet"], published_at=row["published_at"], language=row["language"],
                        url=row["url"], score=round(-float(row["rank"]), 3), snippet=snippet,
                        highlights=spans))
    return hits


_BM25 = "bm25(report_words, 3.0, 1.0)"  # title words weigh 3 times text words


def _ranked(store: SQLiteStore, match: str, limit: int, sort: str) -> list[Any]:
    """The reports ``match`` finds on SQLite, best first (BM25, or newest first), ties by report
    id; only the ``limit`` shown are read whole.  By relevance the order is taken from the index
    alone: joining every match to its report first read each one's row (a common word in 100,000
    reports: 0.11-0.19 s against 0.04).  Where reports of one score straddle the limit (copies
    of one text score alike), the report ids decide among those, as the whole order would."""
    db = store.db
    if sort == "relevance":
        window = 20 * limit + 1  # a heap of this many costs the index little more than of ``limit``
        top = [(r[0], r[1]) for r in db.execute(
            f"SELECT rowid, {_BM25} AS rank FROM report_words WHERE report_words MATCH ? "
            "ORDER BY rank LIMIT ?", (match, window))]
        picked = top[:limit]
        if len(top) > limit and top[limit][1] == top[limit - 1][1]:  # a score straddles the limit
            cut = top[limit - 1][1]
            better = [r for r in picked if r[1] < cut]
            if len(top) < window or top[-1][1] != cut:  # all of the cut's score are in the window
                rowids = [r[0] for r in top if r[1] == cut]
                tied = db.execute(f"SELECT rowid FROM reports WHERE rowid IN ({','.join('?' * len(rowids))}) "
                                  "ORDER BY id LIMIT ?", (*rowids, limit - len(better))).fetchall()
                picked = better + [(r[0], cut) for r in tied]
            else:
                tied = db.execute(
                    f"SELECT r.rowid FROM (SELECT rowid AS rid, {_BM25} AS rank FROM report_words "
                    "WHERE report_words MATCH ?) w JOIN reports r ON r.rowid = w.rid WHERE w.rank = ? "
                    "ORDER BY r.id LIMIT ?", (match, cut, limit - len(better))).fetchall()
                picked = better + [(r[0], cut) for r in tied]
                if len(picked) < limit:  # the cut's score not met again: the whole order, as before
                    return _ranked_joined(store, match, limit, "rank")
    else:
        picked = [(r[0], r[1]) for r in db.execute(
            f"SELECT r.rowid, {_BM25} AS rank FROM report_words "
            "JOIN reports r ON r.rowid = report_words.rowid WHERE report_words MATCH ? "
            "ORDER BY coalesce(r.published_at, '') DESC, rank, r.id LIMIT ?",
            (match, limit))]
    if not picked:
        return []
    rank = dict(picked)
    full = {row[0]: row for row in db.execute(
        "SELECT rowid, id, title, outlet, published_at, language, url, text FROM reports WHERE rowid IN "
        f"({','.join('?' * len(picked))})", list(rank))}
    rows = [{**dict(zip(("id", "title", "outlet", "published_at", "language", "url", "text"),
                        full[rowid][1:], strict=True)), "rank": rank[rowid]} for rowid, _ in picked]
    if sort == "relevance":
        rows.sort(key=lambda r: (r["rank"], r["id"]))
    return rows


def _ranked_joined(store: SQLiteStore, match: str, limit: int, order: str) -> list[Any]:
    return store.db.execute(
        "SELECT r.id, r.title, r.outlet, r.published_at, r.language, r.url, r.text, "
        f"{_BM25} AS rank FROM report_words JOIN reports r ON r.rowid = report_words.rowid "
        f"WHERE report_words MATCH ? ORDER BY {order}, r.id LIMIT ?", (match, limit)).fetchall()


def snippet_of(text: str, terms: list[Term], width: int = 160) -> tuple[str, list[tuple[int, int]]]:
    """A window of ``text`` around the first match, and the spans in it that match any term."""
    flat = " ".join(text.split())
    folded = unicodedata.normalize("NFKC", flat).casefold()
    if len(folded) != len(flat):  # NFKC changed the length: match on the text as it is
        folded = flat.casefold()
    patterns = []
    for term in terms:
        for spelling in term.spellings:
            parts = [re.escape(w) for w in words(spelling)]
            if parts:
                patterns.append(r"\s*".join(parts))
    pattern = re.compile("|".join(sorted(patterns, key=len, reverse=True)))
    found = [(m.start(), m.end()) for m in pattern.finditer(folded) if m.end() > m.start()]
    if not found:
        return flat[:width] + ("…" if len(flat) > width else ""), []
    first = found[0][0]
    start = max(0, first - width // 3)
    if start > 0:
        space = flat.rfind(" ", start - 20, first)
        start = space + 1 if space >= start - 20 and space != -1 else start
    end = min(len(flat), start + width)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(flat) else ""
    spans = [(a - start + len(prefix), b - start + len(prefix)) for a, b in found if a >= start and b <= end]
    return prefix + flat[start:end] + suffix, spans
