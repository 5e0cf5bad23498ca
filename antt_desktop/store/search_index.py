"""Accent-insensitive full-text index (SQLite FTS5) over people and households.

The index holds a *folded* copy of names, phone numbers, addresses and notes
(``domain.text.fold``: no diacritics, đ→d, lower case), so "Hoà", "Hòa", "hoa" and
decomposed input all meet. ID numbers are not in it: they are sealed (store/field_crypto.py)
and found, whole, by their blind index (:func:`id_number_hits`).
The index is kept in step with the records by :mod:`search_documents` (its tables, each
record's document, the entries of every write and of the bulk loaders); this module
searches it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, text

from antt_desktop.domain.text import search_terms
from antt_desktop.store.models import Person

WEIGHTS = "10.0, 8.0, 2.0, 1.0"
#: The columns a reader without READ_SENSITIVE may search (not ``ident``: phone numbers).
PUBLIC_COLUMNS = ("name", "address", "notes")


def id_number_is(number: str) -> ColumnElement[bool]:
    """``Person.id_number == number`` by the blind index (an index lookup, not a scan that
    opens every sealed number; nothing matches without the fields key)."""
    return Person.id_number_bidx == func.antt_bidx(number)


def id_number_in(numbers: Iterable[str]) -> ColumnElement[bool]:
    """``Person.id_number.in_(numbers)`` by the blind index."""
    return Person.id_number_bidx.in_([func.antt_bidx(n) for n in numbers])


@dataclass(frozen=True)
class IndexHit:
    kind: str
    ref: str
    rank: float


def match_expression(query: str) -> str | None:
    """FTS5 query for the folded words of ``query``, each as a prefix ("ng v duc")."""
    terms = search_terms(query)
    if not terms:
        return None
    return " ".join(f'"{t}"*' for t in terms)


def _words_match(terms: list[str], folded_name: str) -> bool:
    """Every term is the start of a different word of the name ("ng v duc")."""
    words = folded_name.split()
    used: set[int] = set()
    for term in terms:
        for i, word in enumerate(words):
            if i not in used and word.startswith(term):
                used.add(i)
                break
        else:
            return False
    return True


def _given_rows(
    conn: Connection, given: str, others: list[str], limit: int, unit_id: str | None
) -> list[Any]:
    """People with this folded given name whose other name words start with ``others``,
    in Vietnamese order. The (given_folded, sort_key, name_folded) index answers it alone:
    the LIKE tests run inside SQLite on index entries, not row by row in Python."""
    params: dict[str, Any] = {"g": given, "unit": unit_id, "limit": limit}
    tests = []
    for i, term in enumerate(dict.fromkeys(others)):
        # a term the given name itself starts with must start another word too
        times = others.count(term) + (1 if given.startswith(term) else 0)
        params[f"w{i}"] = f"% {term}%" * times
        tests.append(f" AND (' ' || name_folded) LIKE :w{i}")
    unit = " AND unit_id = :unit" if unit_id else ""
    result = conn.execute(
        text(
            "SELECT sort_key, id, name_folded FROM persons WHERE given_folded = :g"
            f"{''.join(tests)} AND deleted = 0{unit} ORDER BY sort_key LIMIT :limit"
        ),
        params,
    )
    # plain tuples: the caller sorts them, and comparing SQLAlchemy rows is ten times slower
    return [tuple(r) for r in result.all()]


def _word_start_rows(conn: Connection, terms: list[str], limit: int) -> list[str]:
    """People whose folded name starts with the first term and has later words starting
    with the others ("ng v d"), the first ``limit`` in the full-text index's order.

    Names starting with a common first word ("ng": 112,000 of the district's, of which two
    thousand match "ng v d") are read off the index of words (:func:`_scan`, a few
    thousand entries at most) rather than the name index, which would test them all
    (70–130 ms a keystroke); the names of a rarer one off the name index, in its order
    (the index of words would look through every address holding the word: "xom c")."""
    params: dict[str, Any] = {"lo": terms[0], "hi": terms[0] + "\uffff", "limit": limit * 2}
    common = conn.execute(
        text(
            "SELECT count(*) FROM (SELECT 1 FROM persons"
            " WHERE name_folded >= :lo AND name_folded < :hi LIMIT :n) AS named"
        ),
        {**params, "n": _NAMES_TESTED},
    ).scalar_one()
    fts5 = conn.dialect.name == "sqlite"  # the index of words is FTS5's (a server: none)
    if common >= _NAMES_TESTED and fts5 and _scannable(terms):

        def named(name: str) -> bool:  # the full name and other names, folded
            return name.startswith(terms[0]) and _words_match(terms, name)

        expr = f"{{name}} : (^{' '.join(_prefixes(terms))})"
        scanned = _scan(conn, expr, limit, "person", None, accept=named)
        if scanned is not None:
            return [ref for _kind, ref in scanned]
    tests = "".join(f" AND (' ' || name_folded) LIKE :w{i}" for i in range(1, len(terms)))
    params |= {f"w{i}": f"% {t}%" for i, t in enumerate(terms) if i}
    found = conn.execute(
        text(
            "SELECT id, name_folded FROM persons WHERE name_folded >= :lo AND name_folded < :hi"
            f"{tests} AND deleted = 0 ORDER BY name_folded LIMIT :limit"
        ),
        params,
    ).all()
    return [ref for ref, folded in found if _words_match(terms, folded)][:limit]


#: FTS5 keeps the entries of every 1-, 2- and 3-letter word start (``prefix = '1 2 3'``):
#: those it reads in order and stops at a LIMIT; a longer prefix ("nguye") is answered by
#: merging the entries of every word it starts before the first row (100–300 ms for a
#: word of every address). :func:`_scan` reads the 3-letter start and tests the rest.
_PREFIX_INDEXED = 3
#: How many people whose given name starts with a word :func:`_given_starts` reads.
_GIVEN_READ = 2000
#: How many names starting with a word :func:`_word_start_rows` would test one by one.
_NAMES_TESTED = 10_000
#: How many entries :func:`_scan` reads before it leaves the search to FTS5 itself (each
#: costs a look at its text: 5–10 µs).
_SCAN_CAP = 600
_SCAN_BATCH = 200
#: How many entries of a longer prefix's first three letters FTS5 merges at a keystroke's
#: cost (a few milliseconds); past that :func:`_scan` is tried first.
_MERGED_CHEAPLY = 5000
#: A term whose 3-letter start has more entries than this is not ranked by bm25, which
#: reads every entry of each term (its document count) before the first row.
_RANKABLE = 2500
_WORD = re.compile(r"[0-9a-z]+")


def _scannable(terms: Sequence[str]) -> bool:
    """Terms FTS5 reads as one word each (letters and digits only)."""
    return all(_WORD.fullmatch(t) for t in terms)


def _prefixes(terms: Sequence[str]) -> list[str]:
    """The terms as FTS5 prefix phrases of at most their first three letters."""
    return [f'"{t[:_PREFIX_INDEXED]}"*' for t in terms]


def _words_start(terms: Sequence[str], columns: Sequence[int]) -> tuple[list[str], dict[str, str]]:
    """SQL tests, one a term, that the term starts a word of the entry's ``columns`` (0 name,
    1 ident, 2 address, 3 notes of FTS5's content table ``c``), as FTS5 finds a prefix.

    The text is folded (lower-case ASCII letters, digits and punctuation), so "a letter
    or digit" is ``[0-9a-z]`` as unicode61 splits it; a letter fold keeps (rare in a
    Vietnamese district's records: ``ø``) separates words here but not in FTS5, so such a
    word may match here where FTS5 would not."""
    joined = " || ' ' || ".join(f"coalesce(c.c{i}, '')" for i in columns)
    tests = [f"(' ' || {joined}) GLOB :w{i}" for i in range(len(terms))]
    return tests, {f"w{i}": f"*[^0-9a-z]{t}*" for i, t in enumerate(terms)}


def _scan(
    conn: Connection,
    expr: str,
    limit: int,
    kind: str | None,
    unit_id: str | None,
    *,
    where: tuple[list[str], dict[str, str]] = ([], {}),
    accept: Callable[[str], bool] | None = None,
    capped: bool = True,
    rates: list[float] | None = None,
) -> list[tuple[str, str]] | None:
    """The first ``limit`` (kind, ref) in the full-text index's order among the matches of
    ``expr`` (the terms' first three letters: read in order, stopping at ``limit``) that
    the SQL test ``where`` on the content table ``c`` and ``accept`` on the folded name
    take, or None when it would read more than :data:`_SCAN_CAP` matches to settle it
    (judged from those read so far, a batch at a time; not when ``capped`` is False). Then
    ``rates`` gets the share of the matches read that each test of ``where`` took."""
    tests, tested = where
    params: dict[str, Any] = {"q": expr, "cap": _SCAN_CAP if capped else -1, **tested}
    stretch = ""
    if unit_id:
        stretch = " AND f.rowid BETWEEN :lo AND :hi"
        params["lo"], params["hi"] = _unit_stretch(conn, unit_id)
    rows = conn.execute(
        text(
            f"SELECT f.rowid, {'c.c0' if accept else 'NULL'}{''.join(', ' + t for t in tests)}"
            " FROM search_fts f"
            " JOIN search_fts_content c ON c.id = f.rowid WHERE search_fts MATCH :q"
            f"{stretch} LIMIT :cap"
        ),
        params,
    )
    unit = " AND unit_id = :unit" if unit_id else ""
    of_kind = " AND kind = :kind" if kind else ""
    found: list[tuple[str, str]] = []
    read = 0
    passed = [0] * len(tests)
    try:
        # a small first batch: a scan that cannot settle it is seen at once
        while batch := rows.fetchmany(size := _SCAN_BATCH if read else _SCAN_BATCH // 4):
            read += len(batch)
            docids = []
            for docid, name, *flags in batch:
                for i, flag in enumerate(flags):
                    passed[i] += flag
                if all(flags) and (accept is None or accept(name)):
                    docids.append(docid)
            if docids:
                marks = ",".join(str(int(d)) for d in docids)
                docs = conn.exec_driver_sql(
                    f"SELECT docid, kind, ref FROM search_docs WHERE docid IN ({marks})"
                    f"{of_kind}{unit}",
                    {"kind": kind, "unit": unit_id},
                ).all()
                by_docid = {d: (k, r) for d, k, r in docs}
                found += [by_docid[d] for d in docids if d in by_docid]
                if len(found) >= limit:
                    return found[:limit]
            more = len(batch) == size  # else every match was read
            if more and capped and read * limit > _SCAN_CAP * max(len(found), 1):
                if rates is not None:
                    rates[:] = [n / read for n in passed]
                return None  # at this rate it would read more than the cap: give up now
        return None if capped and read >= _SCAN_CAP else found  # cut short, or all read
    finally:
        rows.close()


def _name_hits(
    conn: Connection, terms: list[str], limit: int, unit_id: str | None
) -> list[IndexHit]:
    """People found by name through plain B-tree indexes: the typed words as the start of
    the folded full name ("nguyen thi chi"), or one typed word as the given name and the
    others as starts of other words ("trang nguyen", "ng v duc").

    The name prefix is read in the index's own order (``name_folded``), so a prefix as short
    as "ng" stops after ``limit`` entries instead of sorting a third of the district."""
    unit = " AND unit_id = :unit" if unit_id else ""
    phrase = " ".join(terms)
    prefix_rows = (
        conn.execute(
            text(
                "SELECT id FROM persons WHERE name_folded >= :lo AND name_folded < :hi"
                f" AND deleted = 0{unit} ORDER BY name_folded LIMIT :limit"
            ),
            {"lo": phrase, "hi": phrase + "\uffff", "limit": limit, "unit": unit_id},
        )
        .scalars()
        .all()
    )
    if len(terms) > 1 and len(prefix_rows) >= limit:
        return [IndexHit("person", ref, -1.0) for ref in prefix_rows]  # nothing else fits
    rows: list[Any] = []
    for i, given in enumerate(terms):
        if len(given) >= 2 and given not in terms[:i]:
            others = terms[:i] + terms[i + 1 :]
            rows += _given_rows(conn, given, others, limit * 2, unit_id)
    by_given = [ref for _sort, ref, folded in sorted(rows) if _words_match(terms, folded)]
    # One word: people with exactly that given name first ("hoa" → Trần Thị Hòa before
    # Hoàng Văn An); several words: the name as typed from the family name first.
    ordered = [*by_given, *prefix_rows] if len(terms) == 1 else [*prefix_rows, *by_given]
    return [IndexHit("person", ref, -1.0) for ref in dict.fromkeys(ordered)][:limit]


def _given_starts(
    conn: Connection, term: str, limit: int, unit_id: str | None, name_hits: list[IndexHit]
) -> list[IndexHit]:
    """``name_hits`` followed by people whose given name starts with ``term`` ("pho":
    Phong, Phó), in Vietnamese order, read off the given-name index (at most
    :data:`_GIVEN_READ` of its entries: a post's few among a district's are not looked for
    further)."""
    found = {h.ref for h in name_hits}
    unit = " AND unit_id = :unit" if unit_id else ""
    refs = conn.execute(
        text(
            "SELECT id FROM (SELECT id, deleted, unit_id FROM persons"
            " WHERE given_folded >= :lo AND given_folded < :hi"
            " ORDER BY given_folded, sort_key LIMIT :scanned)"
            f" WHERE deleted = 0{unit} LIMIT :limit"
        ),
        {
            "lo": term,
            "hi": term + "\uffff",
            "scanned": _GIVEN_READ,
            "unit": unit_id,
            "limit": limit + len(found),
        },
    ).scalars()
    more = [IndexHit("person", ref, -1.0) for ref in refs if ref not in found]
    return [*name_hits, *more][:limit]


def _by_name(
    conn: Connection, terms: list[str], limit: int, unit_id: str | None, ranked: bool
) -> tuple[list[IndexHit], bool]:
    """People found by name, and whether that settles the search: several words that name
    people are a name search (a ranked full-text search of "Nguyễn Thị Ly" over every
    address of the province would add nothing the reader looks for); one word may also be
    a middle name, an area or a note, unless names alone fill the list."""
    name_hits = _name_hits(conn, terms, limit, unit_id)
    if name_hits and (len(terms) > 1 or len(name_hits) >= limit):
        return name_hits, True
    if len(terms) > 1 and not ranked and unit_id is None:
        # "ng v", "ng v d": letters typed as the starts of a name's words. The list
        # shows only ``limit`` of the matches: when names alone fill it, those (the
        # likeliest meant) are taken without a full-text search of prefixes this common.
        # Fewer: they come first, before the matches of addresses and notes.
        starts = [IndexHit("person", ref, -1.0) for ref in _word_start_rows(conn, terms, limit)]
        return starts, len(starts) >= limit
    return name_hits, False


#: How a whole ID number is typed: 12 digits (CCCD) or 9 (the old CMND), spaces allowed.
_WHOLE_ID = re.compile(r"^\s*(\d[\d ]{7,14}\d)\s*$")


def id_number_hits(conn: Connection, query: str, unit_id: str | None = None) -> list[IndexHit]:
    """The live people whose ID number or old ID number is ``query`` exactly, by the blind
    index (nothing without the fields key: ``antt_bidx`` gives NULL then)."""
    found = _WHOLE_ID.match(query)
    if found is None:
        return []
    number = found.group(1).replace(" ", "")
    if len(number) not in (9, 12):
        return []
    unit = " AND unit_id = :unit" if unit_id else ""
    rows = conn.execute(
        text(
            "SELECT id FROM persons WHERE id_number_bidx = antt_bidx(:n)"
            f" AND deleted = 0{unit} UNION SELECT id FROM persons"
            f" WHERE legacy_id_bidx = antt_bidx(:n) AND deleted = 0{unit}"
        ),
        {"n": number, "unit": unit_id},
    )
    return [IndexHit("person", ref, -100.0) for ref in rows.scalars()]


def search(
    conn: Connection,
    query: str,
    *,
    limit: int = 20,
    kind: str | None = None,
    unit_id: str | None = None,
    ranked: bool = True,
    sensitive: bool = True,
) -> list[IndexHit]:
    """Best matches first (``ranked``), or the first ``limit`` matches in no given order
    when the caller sorts them itself: a list in Vietnamese order needs no bm25 over every
    resident whose name starts with "h".

    People typed by name are found through the name indexes (fast even when the words are
    as common as "Nguyễn Thị"); a whole ID number (or old ID number) through its blind
    index, for ``sensitive`` readers only (the start of one finds nothing: the numbers are
    sealed); anything else — addresses, phone numbers, notes, households, partial given
    names — through the FTS5 index, ranked by bm25 with names weighted most. Without
    ``sensitive`` (a reader who may not see ID numbers) the identity column (phones) is left
    out of a person's match; a household's identity column is its number, which anyone may
    search. Such a reader gets people first, then households — unless several words name
    people, which settles the search (no household) for every role alike.
    """
    terms = search_terms(query)
    if not terms:
        return []
    if sensitive and kind in (None, "person"):
        by_id = id_number_hits(conn, query, unit_id)
        if by_id:
            return by_id[:limit]
    # A term as common as "xom" or "thi" is not ranked (bm25 would read every entry of
    # half the district's records): names found through the name indexes come first, then
    # the other matches in the index's order.
    counts: dict[str, int] = {}  # entries of the terms' first three letters (counted once)
    # (FTS5's counts: a server ranks with its own query, postgresql_search)
    server = conn.dialect.name == "postgresql"
    common = ranked and not server and not _rankable(conn, terms, counts)
    ranked = ranked and not common
    name_hits: list[IndexHit] = []
    if kind in (None, "person") and not any(t.isdigit() for t in terms):
        name_hits, settled = _by_name(conn, terms, limit, unit_id, ranked)
        if settled:  # the same for every role: a person's name adds no household
            return name_hits
        if common and len(terms) == 1 and len(name_hits) < limit:
            name_hits = _given_starts(conn, terms[0], limit, unit_id, name_hits)
    if sensitive or kind == "household":
        return _fts_hits(conn, terms, limit, kind, unit_id, ranked, name_hits, sensitive, counts)
    people = _fts_hits(conn, terms, limit, "person", unit_id, ranked, name_hits, False, counts)
    if kind == "person" or len(people) >= limit:  # no room left: no household search
        return people
    # A reader without sensitive values: people first (phones left out), then households.
    households = _fts_hits(conn, terms, limit, "household", unit_id, ranked, [], True, counts)
    return [*people, *households][:limit]


def _fts_hits(
    conn: Connection,
    terms: list[str],
    limit: int,
    kind: str | None,
    unit_id: str | None,
    ranked: bool,
    name_hits: list[IndexHit],
    sensitive: bool,
    counts: dict[str, int] | None = None,
) -> list[IndexHit]:
    """``name_hits`` followed by the full-text matches of ``terms`` not among them: ranked
    by bm25 when ``ranked`` and every term is rare enough to rank (:func:`_rankable`),
    otherwise in the index's order (the first ``limit``, read without ranking)."""
    if conn.dialect.name == "postgresql":  # no FTS5 there: its own query (same shape)
        from antt_desktop.store import postgresql_search

        public = not sensitive and kind == "person"
        hits = postgresql_search.fts_hits(conn, terms, limit, kind, unit_id, ranked, public)
        found = {h.ref for h in name_hits}
        rest = [IndexHit(k, r, rank) for k, r, rank in hits if r not in found]
        return [*name_hits, *rest][:limit]
    found = {h.ref for h in name_hits}
    columns = not sensitive and kind == "person"
    counts = {} if counts is None else counts
    longer = [t for t in terms if len(t) > _PREFIX_INDEXED]
    if not ranked and _scannable(terms) and _more_than(conn, longer, _MERGED_CHEAPLY, counts):
        searched = (0, 2, 3) if columns else (0, 1, 2, 3)
        tests = _words_start(terms, searched)
        rates: list[float] = []
        wanted = limit + len(found)
        scanned = _scan(
            conn, " ".join(_prefixes(terms)), wanted, kind, unit_id, where=tests, rates=rates
        )
        # "thon dong": "thon" is rare among the "tho…" words, "dong" common among "don…".
        # FTS5 merges the entries of the rare one (few), the others are tested.
        rare = {
            t
            for t, rate in zip(terms, rates, strict=False)
            if len(t) > _PREFIX_INDEXED and rate < 0.5
        }
        if scanned is None and rare and rare != set(longer):
            expr = " ".join(f'"{t}"*' if t in rare else _prefixes([t])[0] for t in terms)
            scanned = _scan(conn, expr, wanted, kind, unit_id, where=tests, capped=False)
        if scanned is not None:
            rest = [IndexHit(k, r, 0.0) for k, r in scanned if r not in found]
            return [*name_hits, *rest][:limit]
    expr = " ".join(f'"{t}"*' for t in terms)
    if columns:
        expr = f"{{{' '.join(PUBLIC_COLUMNS)}}} : ({expr})"
    where = ["search_fts MATCH :q"]
    # ``limit`` beyond the names already found, which the query cannot leave out itself
    params: dict[str, Any] = {"q": expr, "limit": limit + len(found)}
    if kind:
        where.append("d.kind = :kind")
        params["kind"] = kind
    if unit_id:
        where += ["d.unit_id = :unit", "search_fts.rowid BETWEEN :lo AND :hi"]
        params["unit"] = unit_id
        params["lo"], params["hi"] = _unit_stretch(conn, unit_id)
    # bm25 only to rank: computing it reads every entry of each term (its document count),
    # which an unranked LIMIT otherwise stops long before
    rank = f"bm25(search_fts, {WEIGHTS})" if ranked else "0.0"
    sql = (
        f"SELECT d.kind, d.ref, {rank} AS rank"
        " FROM search_fts JOIN search_docs d ON d.docid = search_fts.rowid"
        f" WHERE {' AND '.join(where)}{' ORDER BY rank' if ranked else ''} LIMIT :limit"
    )
    rest = [
        IndexHit(k, r, float(rank))
        for k, r, rank in conn.execute(text(sql), params)
        if r not in found
    ]
    return [*name_hits, *rest][:limit]


def _more_than(conn: Connection, terms: Iterable[str], most: int, counts: dict[str, int]) -> bool:
    """Whether the first three letters of one of ``terms`` start words of more than
    ``most`` entries, so that FTS5 would read that many for it (and more for the term).

    Counted in order off the prefix index and stopping past the larger threshold (a
    millisecond at most), once a search: ``counts`` keeps them."""
    upto = max(_RANKABLE, _MERGED_CHEAPLY) + 1
    for start in dict.fromkeys(t[:_PREFIX_INDEXED] for t in terms):
        if start not in counts:
            counts[start] = conn.execute(
                text(
                    "SELECT count(*) FROM (SELECT 1 FROM search_fts"
                    " WHERE search_fts MATCH :q LIMIT :n)"
                ),
                {"q": f'"{start}"*', "n": upto},
            ).scalar_one()
        if counts[start] > most:
            return True
    return False


def _unit_stretch(conn: Connection, unit_id: str) -> tuple[int, int]:
    """The first and last index entry of a post's records (two lookups in the index of
    revision 0031): a search within one post of a district reads that stretch of the
    full-text index only. (0, -1) when the post has none."""
    lo, hi = conn.execute(
        text(
            "SELECT (SELECT min(docid) FROM search_docs WHERE unit_id = :u),"
            " (SELECT max(docid) FROM search_docs WHERE unit_id = :u)"
        ),
        {"u": unit_id},
    ).one()
    return (0, -1) if lo is None else (int(lo), int(hi))


def _rankable(conn: Connection, terms: list[str], counts: dict[str, int]) -> bool:
    """Whether bm25 can rank the matches of ``terms`` at a keystroke's cost (it reads every
    entry of each term, its document count, before the first row)."""
    return not _more_than(conn, terms, _RANKABLE, counts)
