"""The search index checked against the records (``antt check``): the quick check's sample
and counts, the full check's comparison of every entry with its record's text in SQL (a
stretch of rowids at a time, Python only folding each record's columns from a cache), and
FTS5's own integrity-check where SQLite's ``integrity_check`` does not run it already.

On a PostgreSQL server (no rowid, no Python inside the server) the records are read a
stretch of primary keys at a time beside their entries' text and compared on the desk, the
quick check's records picked by key (:mod:`postgresql_search_check`); the problems found
and their wording are the same.

The index itself — its documents, its upkeep and the queries — is :mod:`search_index`.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, text

from antt_desktop.domain.text import fold
from antt_desktop.store import postgresql_search_check
from antt_desktop.store.search_documents import (
    _PERSON_COLS,
    _join,
    household_document,
    person_document,
)

#: ``progress(done, total)`` of a long verification.
Progress = Callable[[int, int], None]
#: How many live records the quick check compares with what the index holds.
SAMPLE = 300
_STORED = (
    "SELECT d.ref, f.name, f.ident, f.address, f.notes FROM search_docs d"
    " JOIN search_fts f ON f.rowid = d.docid"
)


def _expected_for(conn: Connection, kind: str, refs: Sequence[str]) -> dict[str, Any]:
    """The documents the index should hold for these live records (by ref)."""
    if not refs:
        return {}
    marks = ",".join(f":r{i}" for i in range(len(refs)))
    params = {f"r{i}": r for i, r in enumerate(refs)}
    if kind == "person":
        rows = conn.execute(
            text(f"SELECT {_PERSON_COLS} FROM persons WHERE deleted = 0 AND id IN ({marks})"),
            params,
        )
        return {r["id"]: person_document(dict(r)) for r in rows.mappings()}
    rows = conn.execute(
        text(
            "SELECT h.id, h.unit_id, h.number, h.address, h.notes, p.full_name AS head"
            " FROM households h LEFT JOIN persons p ON p.id = h.head_person_id"
            f" WHERE h.deleted = 0 AND h.id IN ({marks})"
        ),
        params,
    )
    return {r["id"]: household_document(dict(r), r["head"]) for r in rows.mappings()}


def _compare(kind: str, ref: str, have: Sequence[str] | None, doc: Sequence[str]) -> list[str]:
    if have is None:
        return [f"{kind} {ref} is missing from the search index"]
    if tuple(have) != tuple(doc):
        return [f"{kind} {ref} is out of date in the search index"]
    return []


def _counts(conn: Connection) -> list[str]:
    """The index's entries against the live records, kind by kind (index lookups only)."""
    problems = []
    for kind, table in (("person", "persons"), ("household", "households")):
        live = conn.execute(text(f"SELECT count(*) FROM {table} WHERE deleted = 0")).scalar_one()
        held = conn.execute(
            text("SELECT count(*) FROM search_docs WHERE kind = :k"), {"k": kind}
        ).scalar_one()
        if live != held:
            problems.append(f"search index: {held} {kind} entries for {live} live {kind} records")
    return problems


def _picks(top: int | None, size: int) -> list[int]:
    """``size`` random rowids up to ``top`` (all of them when there are no more): rowids
    picked, not rows, since a ``random()`` ORDER BY would read every row of the district."""
    if not top:
        return []
    if top <= size:
        return list(range(1, top + 1))
    return sorted(random.sample(range(1, top + 1), size))


def verify_sample(conn: Connection, size: int = SAMPLE) -> list[str]:
    """The quick check: the index's entry counts against the live records, and ``size``
    random live records of each kind (and as many random index entries) compared with what
    the index holds."""
    problems = _counts(conn)
    for kind, table in (("person", "persons"), ("household", "households")):
        refs = _sampled(conn, kind, table, size)
        expected = _expected_for(conn, kind, refs)
        stored = _stored_for(conn, refs)
        for ref, doc in expected.items():
            problems += _compare(kind, ref, stored.get(ref), doc)
    # and the other way: random index entries point at live records
    picks = _picks(conn.execute(text("SELECT max(docid) FROM search_docs")).scalar(), size)
    marks = ",".join(f":p{i}" for i in range(len(picks)))
    if picks:
        entries = conn.execute(
            text(f"SELECT kind, ref FROM search_docs WHERE docid IN ({marks})"),
            {f"p{i}": p for i, p in enumerate(picks)},
        ).all()
        for kind in ("person", "household"):
            refs = [ref for k, ref in entries if k == kind]
            live = _expected_for(conn, kind, refs)
            problems += [
                f"index entry {ref} points at no live record" for ref in refs if ref not in live
            ]
    return problems


def _sampled(conn: Connection, kind: str, table: str, size: int) -> Sequence[str]:
    """``size`` random live records of ``kind`` (all of them when there are no more)."""
    if conn.dialect.name == "postgresql":  # no rowid there: picks by primary key
        return postgresql_search_check.sample(conn, kind, size)
    picks = _picks(conn.execute(text(f"SELECT max(rowid) FROM {table}")).scalar(), size)
    marks = ",".join(f":p{i}" for i in range(len(picks))) or "NULL"
    return (
        conn.execute(
            text(f"SELECT id FROM {table} WHERE deleted = 0 AND rowid IN ({marks})"),
            {f"p{i}": p for i, p in enumerate(picks)},
        )
        .scalars()
        .all()
    )


def _stored_for(conn: Connection, refs: Sequence[str]) -> dict[str, tuple[str, ...]]:
    if not refs:
        return {}
    marks = ",".join(f":r{i}" for i in range(len(refs)))
    rows = conn.execute(
        text(f"{_STORED} WHERE d.ref IN ({marks})"), {f"r{i}": r for i, r in enumerate(refs)}
    )
    return {ref: tuple(doc) for ref, *doc in rows}


def fts_problems(conn: Connection) -> list[str]:
    """FTS5's own check of its inverted index against the text it holds (SQLite's work
    alone: it may run on another thread beside :func:`verify`)."""
    if conn.dialect.name == "postgresql":  # no FTS5: the server computes the words itself
        return []
    try:
        conn.execute(text("INSERT INTO search_fts(search_fts) VALUES ('integrity-check')"))
    except Exception as exc:
        return [f"search_fts integrity-check: {exc}"]
    return []


def verify(conn: Connection, progress: Progress | None = None, *, fts: bool = True) -> list[str]:
    """Problems found comparing the whole index with the tables (empty when in step):
    :func:`fts_problems` (unless ``fts`` is False: the caller runs it), then every live
    record beside its entry, then entries whose record is not live.

    The comparison runs in SQL (:data:`_SCAN`), a stretch of rowids at a time: each live
    record joined to its entry's text, the entry's folded text compared with the record's
    columns folded in Python (one call per record, the folds cached: a
    district's addresses and names repeat). The few records it picks out are compared again
    the straightforward way (:func:`person_document`, :func:`household_document`), which
    names what is wrong; so the problems are those a record-by-record comparison finds. The
    entries of each kind the scan met are counted: an entry whose record is not live is
    looked for only when the index holds more entries of a kind than that.

    On a PostgreSQL server the records are read a stretch of primary keys at a time
    (:func:`_server_scan`); the problems are named in the order the records were last
    written there (SQLite's: the rowids')."""
    problems = fts_problems(conn) if fts else []
    held: dict[str, int] = {
        kind: count
        for kind, count in conn.exec_driver_sql(
            "SELECT kind, count(*) FROM search_docs GROUP BY kind"
        )
    }
    scan = _server_scan if conn.dialect.name == "postgresql" else _rowid_scan
    found, textless, met = scan(conn, progress)
    problems += found
    if textless:
        problems.insert(0, f"{textless} index entries have no text")
    for kind, table in (("person", "persons"), ("household", "households")):
        if held.get(kind, 0) == met[kind]:
            continue  # every entry of the kind is a live record's (refs are unique)
        stray = conn.exec_driver_sql(
            f"SELECT d.ref FROM search_docs d WHERE d.kind = ? AND NOT EXISTS"
            f" (SELECT 1 FROM {table} r WHERE r.id = d.ref AND r.deleted = 0)",
            (kind,),
        )
        problems += [f"index entry {ref} points at no live record" for (ref,) in stray]
    return problems


def _rowid_scan(
    conn: Connection, progress: Progress | None
) -> tuple[list[str], int, dict[str, int]]:
    """SQLite's comparison (:data:`_SCAN`, a stretch of rowids at a time): the problems of
    the live records' entries, how many entries have no text, and how many entries of each
    kind the records met."""
    problems: list[str] = []
    tops = {
        table: conn.exec_driver_sql(f"SELECT max(rowid) FROM {table}").scalar() or 0
        for table in ("persons", "households")
    }
    total, seen, textless = sum(tops.values()), 0, 0
    folds = _ScanFolds()
    dbapi: Any = conn.connection.dbapi_connection
    dbapi.create_function("antt_search_doc", 6, folds.document, deterministic=True)
    met: dict[str, int] = {}
    try:
        for kind, table in (("person", "persons"), ("household", "households")):
            sql, suspects = _SCAN[kind], []
            met[kind] = 0
            for low in range(1, tops[table] + 1, _SCAN_ROWIDS):
                count, found = conn.exec_driver_sql(sql, (low, low + _SCAN_ROWIDS - 1)).one()
                met[kind] += count
                suspects += json.loads(found)
                seen += min(_SCAN_ROWIDS, tops[table] - low + 1)
                if progress is not None:
                    progress(seen, total)
            found_here, without_text = _recheck(conn, kind, suspects)
            problems += found_here
            textless += without_text
    finally:
        folds.clear()
    if progress is not None:
        progress(total, total)
    return problems, textless, met


def _server_scan(
    conn: Connection, progress: Progress | None
) -> tuple[list[str], int, dict[str, int]]:
    """:func:`_rowid_scan` on a PostgreSQL server: the records a stretch of primary keys
    at a time beside their entries' text (:func:`postgresql_search_check.stretches`), each
    entry compared on the desk with its record's columns folded (:class:`_TextFolds`); the
    records it picks out rechecked in the order they were last written."""
    kinds = ("person", "household")
    totals = {kind: postgresql_search_check.live_records(conn, kind) for kind in kinds}
    total, seen, textless = sum(totals.values()), 0, 0
    problems: list[str] = []
    met: dict[str, int] = {}
    folds = _TextFolds()
    pair = folds.pair
    try:
        for kind in kinds:
            suspects: list[str] = []
            met[kind] = 0
            for stretch in postgresql_search_check.stretches(conn, kind):
                for ref, n1, n2, a1, a2, o1, o2, ident, of_kind, has_text, *have in stretch:
                    met[kind] += of_kind == kind
                    if not has_text or have != [pair(n1, n2), ident, pair(a1, a2), pair(o1, o2)]:
                        suspects.append(ref)
                seen += len(stretch)
                if progress is not None:
                    progress(min(seen, total), total)
            ordered = postgresql_search_check.in_write_order(conn, kind, suspects)
            found_here, without_text = _recheck(conn, kind, ordered)
            problems += found_here
            textless += without_text
    finally:
        folds.clear()
    if progress is not None:
        progress(total, total)
    return problems, textless, met


#: How many rowids of a table :func:`verify` compares in one statement (a progress step).
_SCAN_ROWIDS = 20_000
#: How many folded texts :func:`verify` keeps (a district holds ~160,000 different names,
#: addresses and notes; a name or an address folded again costs more than keeping it), and
#: how many folded words (a few thousand: a text not kept is folded word by word).
_FOLDS_KEPT = 1 << 18
_WORDS_KEPT = 1 << 16
#: What separates a record's three folded columns in :data:`_SCAN` (never in folded text:
#: so the three compare equal together only when each does).
_SEP = "\x1f"


def _blobs(*columns: str) -> str:
    # as UTF-8 bytes: handing Python bytes costs half of handing it Vietnamese text
    return ", ".join(f"CAST({column} AS BLOB)" for column in columns)


#: The record's columns the index folds, in pairs (name, address, notes), each pair joined
#: as :func:`person_document` / :func:`household_document` join them; and its ``ident``.
_SCAN_SOURCES = {
    "person": (
        _blobs(
            "r.full_name",
            "r.other_names",
            "r.permanent_address",
            "r.current_address",
            "r.occupation",
            "r.notes",
        ),
        "coalesce(r.phone, '')",
        "persons r",
    ),
    "household": (
        _blobs("p.full_name", "NULL", "r.address", "NULL", "r.notes", "NULL"),
        "coalesce(r.number, '')",
        "households r LEFT JOIN persons p ON p.id = r.head_person_id",
    ),
}


class _ScanFolds:
    """What :data:`_SCAN` compares an entry's text with: a record's three pairs of columns
    (UTF-8 bytes, NULL as None) each joined and folded as its document is, separated by
    :data:`_SEP`; cached by pair and, for a pair not kept, by word (folding works character
    by character, so a text folds as its whitespace-separated words folded and joined)."""

    def __init__(self) -> None:
        self.word = lru_cache(maxsize=_WORDS_KEPT)(fold.__wrapped__)
        self.pair = lru_cache(maxsize=_FOLDS_KEPT)(self._pair)

    def _pair(self, first: bytes | None, second: bytes | None) -> str:
        joined = _join(*(part.decode() for part in (first, second) if part is not None))
        return " ".join(filter(None, map(self.word, joined.split())))

    def document(self, *pairs: bytes | None) -> str:
        n1, n2, a1, a2, o1, o2 = pairs
        pair = self.pair
        return f"{pair(n1, n2)}{_SEP}{pair(a1, a2)}{_SEP}{pair(o1, o2)}"

    def clear(self) -> None:
        self.word.cache_clear()
        self.pair.cache_clear()


class _TextFolds:
    """:class:`_ScanFolds`' pairs from text (a server hands the columns over as text): a
    pair of columns joined and folded as its document is, cached by pair and by word."""

    def __init__(self) -> None:
        self.word = lru_cache(maxsize=_WORDS_KEPT)(fold.__wrapped__)
        self.pair = lru_cache(maxsize=_FOLDS_KEPT)(self._pair)

    def _pair(self, first: str | None, second: str | None) -> str:
        return " ".join(filter(None, map(self.word, _join(first, second).split())))

    def clear(self) -> None:
        self.word.cache_clear()
        self.pair.cache_clear()


#: Per kind: how many of the live records in a stretch of rowids have an entry of their
#: kind, and (a JSON array) those whose entry is missing, has no text or may differ. The
#: entry's text is read from FTS5's own content table (columns c0..c3: name, ident,
#: address, notes; what the index's ``integrity-check`` checks the index against).
_SCAN = {
    kind: (
        f"SELECT count(*) FILTER (WHERE d.kind = '{kind}'),"
        " json_group_array(r.id) FILTER (WHERE f.c0 IS NULL"
        f" OR f.c1 IS NOT {ident}"
        " OR (f.c0 || char(31) || f.c2 || char(31) || f.c3)"
        f" IS NOT antt_search_doc({joined}))"
        f" FROM {records} LEFT JOIN search_docs d ON d.ref = r.id"
        " LEFT JOIN search_fts_content f ON f.id = d.docid"
        " WHERE r.rowid BETWEEN ? AND ? AND r.deleted = 0"
    )
    for kind, (joined, ident, records) in _SCAN_SOURCES.items()
}


def _recheck(conn: Connection, kind: str, refs: list[str]) -> tuple[list[str], int]:
    """The problems of these live records' entries found record by record, in their
    order, and how many of their entries have no text."""
    pairs = _person_pairs if kind == "person" else _household_pairs
    by_ref: dict[str, list[str]] = {}
    textless = 0
    for start in range(0, len(refs), 500):
        for batch in pairs(conn, refs=refs[start : start + 500]):
            for ref, docid, have, doc in batch:
                textless += docid is not None and have is None
                by_ref[ref] = _compare(kind, ref, have, doc)
    return [problem for ref in refs for problem in by_ref.get(ref, [])], textless


#: A live record's columns, then its index entry's docid and text (NULL: none).
_BESIDE = (
    "SELECT r.*, d.docid, f.name, f.ident, f.address, f.notes FROM ({records}) r"
    " LEFT JOIN search_docs d ON d.ref = r.id LEFT JOIN search_fts f ON f.rowid = d.docid"
)
_Pair = tuple[str, Any, tuple[str, ...] | None, tuple[str, str, str, str]]


def _pairs(
    conn: Connection,
    records: str,
    document: Callable[[dict[str, Any]], Any],
    size: int,
    refs: Sequence[str] = (),
) -> Iterable[list[_Pair]]:
    rows = conn.exec_driver_sql(_BESIDE.format(records=records), tuple(refs))
    width = len(rows.keys()) - 5
    names = list(rows.keys())[:width]
    while batch := rows.fetchmany(size):
        yield [
            (
                r[0],
                r[width],
                None if r[width + 1] is None else tuple(r[width + 1 :]),
                document(dict(zip(names, r[:width], strict=True))),
            )
            for r in batch
        ]


def _among(column: str, refs: Sequence[str]) -> str:
    """The records' condition that keeps only ``refs`` (none: every record)."""
    return f" AND {column} IN ({','.join('?' * len(refs))})" if refs else ""


def _person_pairs(
    conn: Connection, size: int = 5000, refs: Sequence[str] = ()
) -> Iterable[list[_Pair]]:
    records = f"SELECT {_PERSON_COLS} FROM persons WHERE deleted = 0{_among('id', refs)}"
    return _pairs(conn, records, person_document, size, refs)


def _household_pairs(
    conn: Connection, size: int = 5000, refs: Sequence[str] = ()
) -> Iterable[list[_Pair]]:
    records = (
        "SELECT h.id, h.unit_id, h.number, h.address, h.notes, p.full_name AS head"
        " FROM households h LEFT JOIN persons p ON p.id = h.head_person_id"
        f" WHERE h.deleted = 0{_among('h.id', refs)}"
    )
    return _pairs(conn, records, lambda r: household_document(r, r["head"]), size, refs)
