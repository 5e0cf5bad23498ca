"""Several desks on one server database: writes from two desks at once lose nothing (each
takes the next sequence number and the audit chain's next link, as on one SQLite file),
and a desk reads what another committed."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import func, select, text

from antt_desktop.services import edit_guard
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.edit_guard import EditedMeanwhile
from antt_desktop.services.households import HouseholdInput, add_household, edit_household
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import add_area
from antt_desktop.store import audit
from antt_desktop.store.database import Database, open_database
from antt_desktop.store.models import Area, Household
from tests.postgresql.at_once import at_once

OFFICER = Actor("canbo1", "officer")
EACH = 12


def _second_desk(db: Database) -> Database:
    url = db.engine.url.render_as_string(hide_password=False)
    return open_database(url, local_dir=db.path.parent)


def test_two_desks_writing_at_once_lose_nothing(db: Database) -> None:
    other = _second_desk(db)
    start = threading.Barrier(2)

    def desk(database: Database, name: str) -> None:
        start.wait()
        for i in range(EACH):
            with database.write() as session:
                add_area(Ctx(session, OFFICER, date(2026, 11, 22)), name=f"{name} {i}")

    failures = at_once(lambda: desk(db, "Bàn A tổ"), lambda: desk(other, "Bàn B tổ"))
    other.close()
    assert failures == []
    with db.read() as session:
        seqs = session.execute(select(Area.local_seq).where(Area.name.like("Bàn %"))).scalars()
        seqs = list(seqs)
        node_seq = session.execute(text("SELECT seq FROM local_node")).scalar_one()
        assert len(seqs) == 2 * EACH
        assert len(set(seqs)) == 2 * EACH  # no two writes took the same number
        assert max(seqs) <= node_seq
        assert audit.verify_chain(session) == []  # every link of the chain follows the last


def test_a_desk_reads_what_another_committed(db: Database) -> None:
    other = _second_desk(db)
    try:
        with other.write() as session:
            add_area(Ctx(session, OFFICER, date(2026, 11, 22)), name="Tổ dân phố số 9")
        with db.read() as session:
            found = session.execute(
                select(func.count()).select_from(Area).where(Area.name == "Tổ dân phố số 9")
            ).scalar_one()
        assert found == 1
    finally:
        other.close()


def _waiting_on_a_lock(db: Database) -> bool:
    """Whether another connection to the database waits for a lock now."""
    with db.engine.connect() as conn:
        found = conn.execute(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        ).scalar_one()
    return bool(found)


def test_two_desks_saving_the_record_both_opened_one_is_told_nothing_is_lost(
    db: Database,
) -> None:
    """Both desks opened household 7. Desk A's save has checked and written but not yet
    committed when desk B saves: B's save waits for A's (writes take turns), then finds the
    record changed and is refused naming A; A's address stays."""
    day = date(2026, 11, 22)
    with db.write() as session:
        ctx = Ctx(session, OFFICER, day)
        head = add_person(ctx, PersonInput(full_name="Đỗ Văn Hải")).person.id
        household = add_household(ctx, HouseholdInput(number="7", head_person_id=head)).id
    with db.read() as session:
        opened = edit_guard.opened(Ctx(session, OFFICER, day), "household", household)
    other = _second_desk(db)
    a_written = threading.Event()
    outcome: dict[str, object] = {}

    def desk_b() -> None:
        a_written.wait(timeout=60)
        try:
            with other.write() as session:
                ctx = Ctx(session, Actor("canbo2", "officer"), day)
                edit_guard.check_unchanged(ctx, [opened])
                edit_household(ctx, household, {"address": "Bàn B"})
            outcome["b"] = "saved"
        except BaseException as exc:  # reported below: a thread's outcome is the test's
            outcome["b"] = exc

    b = threading.Thread(target=desk_b)
    b.start()
    with db.write() as session:
        ctx = Ctx(session, OFFICER, day)
        edit_guard.check_unchanged(ctx, [opened])
        edit_household(ctx, household, {"address": "Bàn A"})
        session.flush()
        a_written.set()
        waited = threading.Event()
        for _ in range(600):  # until B waits for A (at most 30 s), then commit
            if _waiting_on_a_lock(db):
                break
            waited.wait(0.05)
        else:
            pytest.fail("desk B never waited for desk A")
    b.join(timeout=60)
    other.close()
    refusal = outcome["b"]
    assert isinstance(refusal, EditedMeanwhile), refusal
    assert refusal.change.username == "canbo1"
    assert refusal.change.fields == ("address",)
    with db.read() as session:
        assert session.get(Household, household).address == "Bàn A"
