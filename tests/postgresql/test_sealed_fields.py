"""Sealed fields on a server: the server keeps only the sealed text (it never holds the
key), the desk holding the fields key reads the number, one without it the mask, and an ID
number is found by its blind index computed on the desk."""

from __future__ import annotations

import psycopg
from sqlalchemy import select

from antt_desktop.services.context import Ctx
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store import search_index
from antt_desktop.store.database import Database, open_database
from antt_desktop.store.field_crypto import ID_MASK
from antt_desktop.store.models import Person
from tests.conftest import OFFICER, TODAY

NUMBER = "001190012345"


def _add(db: Database) -> str:
    with db.write() as session:
        made = add_person(
            Ctx(session, OFFICER, TODAY),
            PersonInput(full_name="Trần Thị Hòa", id_number=NUMBER),
        )
    return str(made.person.id)


def test_the_server_keeps_the_number_sealed_and_the_desk_opens_it(db: Database) -> None:
    pid = _add(db)
    url = db.engine.url.render_as_string(hide_password=False)
    with psycopg.connect(url.replace("+psycopg", "")) as conn:
        stored, last3 = conn.execute(
            "SELECT id_number, id_last3 FROM persons WHERE id = %s", (pid,)
        ).fetchone()  # type: ignore[misc]
    assert NUMBER not in stored and stored.startswith("\x01")  # the server sees no digits
    assert last3 == "345"
    with db.read() as session:
        assert session.execute(select(Person.id_number).where(Person.id == pid)).scalar() == NUMBER
        found = session.execute(
            select(Person.id).where(search_index.id_number_is(NUMBER))
        ).scalars()
        assert list(found) == [pid]


def test_a_desk_without_the_fields_key_sees_the_mask(db: Database) -> None:
    pid = _add(db)
    url = db.engine.url.render_as_string(hide_password=False)
    locked = open_database(url, write=False, local_dir=db.path.parent)
    try:
        with locked.read() as session:
            shown = session.execute(select(Person.id_number).where(Person.id == pid)).scalar()
            found = session.execute(
                select(Person.id).where(search_index.id_number_is(NUMBER))
            ).scalars()
            assert list(found) == []  # no key: the blind index finds nothing
    finally:
        locked.close()
    assert shown == ID_MASK + "345"
