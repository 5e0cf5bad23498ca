"""What a write transaction changed, read off its session after the commit: the views
refresh from this instead of guessing."""

from __future__ import annotations

from sqlalchemy import text

from antt_desktop.services.context import Ctx
from antt_desktop.services.people import PersonInput, add_person, edit_person
from antt_desktop.store import changes
from antt_desktop.store.changes import Changes
from antt_desktop.store.database import Database
from tests.conftest import OFFICER, TODAY


def _write(db: Database, call):  # type: ignore[no-untyped-def]
    with db.write() as session:
        result = call(Ctx(session, OFFICER, TODAY))
    return result, Changes.of(session)


def test_a_new_person_is_reported_with_its_id_and_nothing_else(db: Database) -> None:
    person, changed = _write(db, lambda ctx: add_person(ctx, PersonInput(full_name="Lê Văn Tám")))

    assert ("persons", person.person.id) in changed.rows
    assert changed.ids("persons") == {person.person.id}
    assert changed.touches("persons") and not changed.touches("households", "dossiers")


def test_an_edit_reports_the_row_and_an_unchanged_save_reports_nothing(db: Database) -> None:
    made, _ = _write(db, lambda ctx: add_person(ctx, PersonInput(full_name="Lê Văn Tám")))
    pid = made.person.id

    _, edited = _write(db, lambda ctx: edit_person(ctx, pid, {"occupation": "Làm ruộng"}))
    _, same = _write(db, lambda ctx: edit_person(ctx, pid, {"full_name": " Lê  Văn Tám "}))

    assert edited.ids("persons") == {pid}
    assert not same.touches("persons")


def test_a_bulk_writer_names_what_it_wrote_and_changes_combine(db: Database) -> None:
    with db.write() as session:
        changes.note(session, "households")
        changes.note(session, "persons", ["p1", "p2"])
    bulk = Changes.of(session)

    assert bulk.ids("households") is None  # the table as a whole
    assert bulk.ids("persons") == {"p1", "p2"}
    both = bulk | Changes(frozenset({("teams", "t1")}))
    assert both.tables == {"households", "persons", "teams"}


def test_reads_record_nothing(db: Database) -> None:
    with db.read() as session:
        session.execute(text("SELECT count(*) FROM persons"))
    assert not Changes.of(session)
