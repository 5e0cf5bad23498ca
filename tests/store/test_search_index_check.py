"""The search index checked whole (``antt check --full``) and by sample (the quick check):
each finds a stale entry, a missing one, one without its text and one whose record is gone;
the sample finds an entry outside it only through the counts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import text

from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store import search_index
from antt_desktop.store.database import Database

NAMES = ("Nguyễn Văn Đức", "Trần Thị Hòa", "Lê Thị Thủy", "Phạm Đức Khỏe")
Check = Callable[[Any], list[str]]
BOTH = pytest.mark.parametrize(
    "check", [search_index.verify, search_index.verify_sample], ids=["full", "sample"]
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
    problems = _problems(
        db,
        check,
        "PRAGMA foreign_keys = OFF",
        f"UPDATE persons SET deleted = 1 WHERE id = '{people[0]}'",
    )
    assert f"index entry {people[0]} points at no live record" in problems


def test_an_entry_without_its_text_is_named_by_the_full_check(
    people: list[str], db: Database
) -> None:
    thuy = people[2]
    problems = _problems(
        db,
        search_index.verify,
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
        return search_index.verify_sample(conn, size=0)

    stale = (
        "UPDATE search_fts SET name = 'ai do' WHERE rowid = (SELECT min(docid) FROM search_docs)"
    )
    assert _problems(db, none_sampled, stale) == []  # the quick check's limit: --full finds it
    assert _problems(db, search_index.verify)
    gone = f"DELETE FROM search_docs WHERE ref = '{people[3]}'"
    assert _problems(db, none_sampled, gone) == [
        "search index: 3 person entries for 4 live person records"
    ]
