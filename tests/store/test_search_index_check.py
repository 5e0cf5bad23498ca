"""The search index checked whole (``antt check --full``) and by sample (the quick check):
each finds a stale entry, a missing one, one without its text and one whose record is gone;
the sample finds an entry outside it only through the counts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from antt_desktop.domain.text import fold
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store import search_documents, search_index_check
from antt_desktop.store.database import Database

NAMES = ("Nguyễn Văn Đức", "Trần Thị Hòa", "Lê Thị Thủy", "Phạm Đức Khỏe")
Check = Callable[[Any], list[str]]
BOTH = pytest.mark.parametrize(
    "check", [search_index_check.verify, search_index_check.verify_sample], ids=["full", "sample"]
)


@pytest.fixture
def people(write: Any) -> list[str]:
    with write() as ctx:
        return [add_person(ctx, PersonInput(full_name=name)).person.id for name in NAMES]


def _problems(db: Database, check: Check, *damage: str) -> list[str]:
    with db.write() as s:
        for sql in damage:
            s.execute(text(sql))
    with db.read() as s:
        return check(s.connection())


@BOTH
def test_a_sound_index_passes(people: list[str], db: Database, check: Check) -> None:
    assert _problems(db, check) == []


@BOTH
def test_a_stale_and_a_missing_entry(people: list[str], db: Database, check: Check) -> None:
    duc, hoa = people[:2]
    problems = _problems(
        db,
        check,
        f"UPDATE search_fts SET name = 'ai do' WHERE rowid ="
        f" (SELECT docid FROM search_docs WHERE ref = '{duc}')",
        f"DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_docs WHERE ref = '{hoa}')",
        f"DELETE FROM search_docs WHERE ref = '{hoa}'",
    )
    assert f"person {duc} is out of date in the search index" in problems
    assert f"person {hoa} is missing from the search index" in problems


@BOTH
def test_an_entry_whose_record_is_gone(people: list[str], db: Database, check: Check) -> None:
    # a plain UPDATE (not the ORM's flush): the record's entry stays in the index
    problems = _problems(db, check, f"UPDATE persons SET deleted = 1 WHERE id = '{people[0]}'")
    assert f"index entry {people[0]} points at no live record" in problems


def test_an_entry_without_its_text_is_named_by_the_full_check(
    people: list[str], db: Database
) -> None:
    thuy = people[2]
    problems = _problems(
        db,
        search_index_check.verify,
        "DELETE FROM search_fts WHERE rowid ="
        f" (SELECT docid FROM search_docs WHERE ref = '{thuy}')",
    )
    assert problems == [
        "1 index entries have no text",
        f"person {thuy} is missing from the search index",
    ]


def test_the_sample_sees_beyond_itself_only_through_the_counts(
    people: list[str], db: Database
) -> None:
    def none_sampled(conn: Any) -> list[str]:
        return search_index_check.verify_sample(conn, size=0)

    stale = (
        "UPDATE search_fts SET name = 'ai do' WHERE rowid = (SELECT min(docid) FROM search_docs)"
    )
    assert _problems(db, none_sampled, stale) == []  # the quick check's limit: --full finds it
    assert _problems(db, search_index_check.verify)
    gone = f"DELETE FROM search_docs WHERE ref = '{people[3]}'"
    assert _problems(db, none_sampled, gone) == [
        "search index: 3 person entries for 4 live person records"
    ]


#: Column values that fold in every way folding can go: other names, punctuation, a
#: decomposed mark, runs of spaces, empty and missing parts, the scan's own separator.
AWKWARD = {
    "full_name": "Nguyễn  Văn\tĐức",
    "other_names": "Đức-Anh, (Tý)",
    "phone": "0912 345 678",
    "permanent_address": "Xo\u0301m Ca\u0302y Thi\u0323, xã Phong Quang",
    "current_address": "",
    "occupation": None,
    "notes": "ghi\x1fchú  ",
}


def _straightforward(conn: Any) -> list[str]:
    """Every live person's entry compared field by field with :func:`person_document`,
    the way the check did before it compared in SQL, in the order the check names them
    (SQLite: the rowids'; a server has none: the order the records were last written)."""
    found = []
    order = "rowid" if conn.dialect.name == "sqlite" else "local_seq, id"
    records = conn.execute(
        text(
            "SELECT id, full_name, other_names, phone, permanent_address, current_address,"
            f" occupation, notes FROM persons WHERE deleted = 0 ORDER BY {order}"
        )
    ).mappings()
    for record in records:
        have = conn.execute(
            text(
                "SELECT f.name, f.ident, f.address, f.notes FROM search_docs d"
                " JOIN search_fts f ON f.rowid = d.docid WHERE d.ref = :r"
            ),
            {"r": record["id"]},
        ).first()
        if have is None:
            found.append(f"person {record['id']} is missing from the search index")
        elif tuple(have) != search_documents.person_document(dict(record)):
            found.append(f"person {record['id']} is out of date in the search index")
    return found


def test_the_full_check_finds_what_a_field_by_field_comparison_finds(
    people: list[str], db: Database
) -> None:
    duc, hoa, thuy, khoe = people
    sets = ", ".join(f"{column} = :{column}" for column in AWKWARD)
    with db.write() as s:
        for ref in people:
            s.execute(text(f"UPDATE persons SET {sets} WHERE id = :id"), {**AWKWARD, "id": ref})
        search_documents.rebuild(s.connection())
    with db.read() as s:
        assert search_index_check.verify(s.connection()) == []
        assert _straightforward(s.connection()) == []

    entry = "WHERE rowid = (SELECT docid FROM search_docs WHERE ref = '{}')"
    # no ident at all: NULL in FTS5, empty on a server (its column is NOT NULL)
    no_ident = "NULL" if db.engine.dialect.name == "sqlite" else "''"
    problems = _problems(
        db,
        search_index_check.verify,
        # each a change a glance would miss: a trailing space, the separator the scan puts
        # between the columns, text moved from one column to the next, an empty ident
        f"UPDATE search_fts SET address = address || ' ' {entry.format(duc)}",
        f"UPDATE search_fts SET name = name || '\x1f' || address, address = '' {entry.format(hoa)}",
        f"UPDATE search_fts SET notes = 'ghi chu', address = address || ' ghi'"
        f" {entry.format(thuy)}",
        f"UPDATE search_fts SET ident = {no_ident} {entry.format(khoe)}",
    )
    with db.read() as s:
        assert problems == _straightforward(s.connection())
    assert problems == [
        f"person {ref} is out of date in the search index" for ref in (duc, hoa, thuy, khoe)
    ]


def test_the_scan_folds_a_pair_of_columns_as_the_document_does() -> None:
    """The full check folds word by word, from UTF-8 bytes: the same text as folding the
    pair joined, whatever separates the words (every kind of Unicode space included)."""
    spaces = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
    texts = [
        "Nguyễn  Văn\tĐức",
        "Xo\u0301m Ca\u0302y Thi\u0323,xã Phong-Quang",
        f"ghi{spaces}chú \u0301a  ",
        " \u0323 ",
        "ǅ½²",
        "",
    ]
    folds = search_index_check._ScanFolds()
    for first in [*texts, None]:
        for second in [*texts, None]:
            joined = " ".join(t for t in (first, second) if t)
            expected = fold(joined)
            as_bytes = [None if t is None else t.encode() for t in (first, second)]
            assert folds.pair(*as_bytes) == expected, (first, second)


def test_a_full_text_index_out_of_step_with_its_text_is_named(
    people: list[str], db: Database
) -> None:
    duc = people[0]
    problems = _problems(
        db,
        search_index_check.verify,
        f"UPDATE persons SET full_name = 'Nguyễn Văn Lộc' WHERE id = '{duc}'",
        "UPDATE search_fts_content SET c0 = 'nguyen van loc'"
        f" WHERE id = (SELECT docid FROM search_docs WHERE ref = '{duc}')",
    )
    assert len(problems) == 1 and problems[0].startswith("search_fts integrity-check:")
