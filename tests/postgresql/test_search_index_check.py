"""The search index check on a server beyond what the store's tests reach with four people:
the full check's stretches of primary keys and the quick check's picks among more records
than it samples."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store import postgresql_search_check, search_index_check
from antt_desktop.store.database import Database

FAMILIES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")


@pytest.fixture
def people(write: Any) -> list[str]:
    with write() as ctx:
        return [
            add_person(ctx, PersonInput(full_name=f"{family} Văn Đức")).person.id
            for family in FAMILIES
        ]


def _stale(db: Database, refs: list[str]) -> None:
    with db.write() as s:
        for ref in refs:
            s.execute(
                text(
                    "UPDATE search_fts SET name = 'ai do'"
                    " WHERE rowid = (SELECT docid FROM search_docs WHERE ref = :r)"
                ),
                {"r": ref},
            )


def test_the_full_check_reads_every_stretch(
    people: list[str], db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgresql_search_check, "STRETCH", 3)  # 11 people: 4 stretches
    last = max(people)  # the last stretch's, in key order
    _stale(db, [last])
    steps: list[tuple[int, int]] = []
    with db.read() as s:
        problems = search_index_check.verify(s.connection(), lambda *step: steps.append(step))
    assert problems == [f"person {last} is out of date in the search index"]
    assert steps[-1] == (len(people), len(people))
    assert [done for done, _total in steps[:4]] == [3, 6, 9, 11]


def test_the_quick_check_picks_among_more_records_than_it_samples(
    people: list[str], db: Database
) -> None:
    gone = people[0]
    with db.write() as s:  # deleted the way the program deletes: its entry leaves too
        s.execute(
            text(
                "DELETE FROM search_fts WHERE rowid IN"
                " (SELECT docid FROM search_docs WHERE ref = :r)"
            ),
            {"r": gone},
        )
        s.execute(text("DELETE FROM search_docs WHERE ref = :r"), {"r": gone})
        s.execute(text("UPDATE persons SET deleted = 1 WHERE id = :r"), {"r": gone})
    _stale(db, people[1:])  # every live entry out of date: each one picked is named
    with db.read() as s:
        picked = postgresql_search_check.sample(s.connection(), "person", 4)
        problems = search_index_check.verify_sample(s.connection(), size=4)
    assert 1 <= len(picked) == len(set(picked)) <= 4 and gone not in picked
    stale = [p for p in problems if p.endswith("is out of date in the search index")]
    assert 1 <= len(stale) <= 4 and len(set(stale)) == len(stale)
    assert {p.split()[1] for p in stale} <= set(people[1:])
