"""Sensitive fields sealed under the fields key (store/field_crypto.py): what the database
holds for anyone with only the SQLCipher key, what a viewer and a chief find, values moved
to another record, and a new key (the rotation of the keys branch)."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from antt_desktop.security.roles import Actor
from antt_desktop.services import drafts, search
from antt_desktop.services.context import Ctx
from antt_desktop.services.dossier_records import ViolationInput, add_violation
from antt_desktop.services.dossiers import edit_dossier
from antt_desktop.services.people import edit_person
from antt_desktop.services.people_rows import person_details
from antt_desktop.services.photos import photo_of, set_photo
from antt_desktop.store import photos, resealing
from antt_desktop.store.database import Database
from antt_desktop.store.field_crypto import FieldCipher, FieldUnreadable
from antt_desktop.store.models import Draft, Person
from antt_desktop.store.search_index import id_number_is
from tests.cli.conftest import CHIEF
from tests.conftest import connect_unlocked
from tests.pictures import portrait
from tests.privacy.conftest import ID_NUMBER, MASKED

RISK = "Hay tụ tập ở quán Cây Đa, nghi dùng ma túy đá"
VIOLATION = "Tàng trữ trái phép chất ma túy tại chợ Đồng Xuân"
VIEWER = Actor("xem1", "viewer")
#: The chief the ``db`` fixture's post is made with.
CHIEF_OF_DB = Actor("admin", "chief")
TODAY = date(2026, 11, 22)


def _fill(write: Callable[..., Any], ids: dict[str, str]) -> bytes:
    picture = portrait(120, 160)
    with write() as ctx:
        edit_dossier(ctx, ids["dossier"], {"risk_notes": RISK})
        add_violation(
            ctx,
            ViolationInput(
                person_id=ids["person"],
                dossier_id=ids["dossier"],
                occurred_on="01/10/2026",
                kind="administrative",
                description=VIOLATION,
            ),
        )
        set_photo(ctx, ids["person"], picture)
        edit_person(ctx, ids["person"], {"legacy_id": "012345679"}, reason="Nhập sai số CMND")
    return picture


def _dump(path: Path) -> bytes:
    """Every value of every table (FTS shadow tables too), as a raw SELECT reads them."""
    conn = connect_unlocked(path)
    out: list[bytes] = []
    try:
        tables = [
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, bytes):
                        out.append(value)
                    elif value is not None:
                        out.append(str(value).encode())
    finally:
        conn.close()
    return b"\n".join(out)


def test_the_file_opened_with_the_database_key_alone_holds_no_sensitive_value(
    db: Database, write: Callable[..., Any], sensitive_person: dict[str, str]
) -> None:
    picture = _fill(write, sensitive_person)
    db.close()
    dump = _dump(db.path)
    for secret in (ID_NUMBER, "012345678", "012345679", RISK, VIOLATION):
        assert secret.encode() not in dump
    # no JPEG, the photo included (its first 32 bytes: two random ones appear in ciphertext)
    assert b"JFIF" not in dump and picture[:32] not in dump
    conn = connect_unlocked(db.path)
    try:
        kinds = conn.execute(
            "SELECT typeof(id_number), typeof(legacy_id), typeof(ethnic_code),"
            " typeof(religion_code), id_last3 FROM persons WHERE id = ?",
            (sensitive_person["person"],),
        ).fetchone()
        (risk,) = conn.execute("SELECT typeof(risk_notes) FROM dossiers").fetchone()
        (text,) = conn.execute("SELECT typeof(description) FROM violations").fetchone()
    finally:
        conn.close()
    # sealed values are BLOBs; the last three digits stay plain on purpose (the mask)
    assert kinds == ("blob", "blob", "blob", "blob", "345")
    assert (risk, text) == ("blob", "blob")


def test_a_viewer_reads_nothing_sensitive_through_the_program(
    post: Callable[..., Any],
) -> None:
    person = post(
        "person", "add", "--name", "Nguyễn Văn Đức", "--born", "12/03/1990", "--sex", "M",
        "--id-number", ID_NUMBER, "--legacy-id", "012345678", "--json",
    ).json  # fmt: skip
    with post.open_db() as chief, chief.write() as session:
        set_photo(Ctx(session, Actor(CHIEF, "chief"), TODAY), person["id"], portrait(120, 160))
    assert post("user", "add", "xem1", "--role", "viewer").code == 0
    with post.open_db("xem1") as viewer, viewer.read() as session:
        assert viewer.fields is None  # the viewer's login holds no fields key
        row = session.execute(select(Person.id_number, Person.legacy_id)).one()
        # even the program's own functions, asked directly, give the mask and a blank
        assert tuple(row) == (MASKED, None)
        ctx = Ctx(session, VIEWER, TODAY)
        assert search.search(ctx, ID_NUMBER) == []
        assert search.search(ctx, "012345678") == []
        sha = session.execute(select(Person.photo_sha256)).scalar_one()
        assert sha is not None and photos.get(session, sha) is None  # the store's own reader
        shown = person_details(ctx, person["id"])
        assert shown.id_number == MASKED and shown.legacy_id is None
        assert {"id_number", "legacy_id", "photo_sha256"} <= set(shown.withheld)
    assert post("--user", "xem1", "search", ID_NUMBER).out.strip() == "Không tìm thấy kết quả nào."


def test_an_officer_finds_a_person_by_the_whole_id_number_only(
    db: Database, read: Callable[..., Any], sensitive_person: dict[str, str]
) -> None:
    with read() as ctx:
        assert [h.id for h in search.search(ctx, ID_NUMBER)] == [sensitive_person["person"]]
        assert [h.id for h in search.search(ctx, "012345678")] == [sensitive_person["person"]]
        assert search.search(ctx, ID_NUMBER[:6]) == []  # the start of a number finds nobody
        assert person_details(ctx, sensitive_person["person"]).id_number == ID_NUMBER


def test_a_sealed_value_moved_to_another_record_does_not_open(
    db: Database, write: Callable[..., Any], sensitive_person: dict[str, str]
) -> None:
    with write() as ctx:
        from antt_desktop.services.people import PersonInput, add_person

        other = add_person(ctx, PersonInput(full_name="Trần Thị Hòa", born="1992")).person.id
    with db.write() as session:  # what anyone with the database key could do
        session.connection().exec_driver_sql(
            "UPDATE persons SET id_number = (SELECT id_number FROM persons WHERE id = ?),"
            " id_last3 = '345' WHERE id = ?",
            (sensitive_person["person"], other),
        )
    with db.read() as session:
        ctx = Ctx(session, CHIEF_OF_DB, TODAY)
        with pytest.raises(FieldUnreadable) as refused:
            person_details(ctx, other)
    assert refused.value.code == "fields.unreadable.id_number"
    assert refused.value.params["row"] == other


def test_a_new_key_keeps_every_value_and_the_old_key_opens_nothing(
    db: Database, write: Callable[..., Any], sensitive_person: dict[str, str]
) -> None:
    _fill(write, sensitive_person)
    with db.read() as session:
        picture = photo_of(Ctx(session, CHIEF_OF_DB, TODAY), sensitive_person["person"])
    typing = drafts.DraftInput("d1", "m:Editor", "Sửa hồ sơ", {"risk_notes": "Hay tụ tập"})
    drafts.keep(db, CHIEF_OF_DB, typing)  # a risk note being typed: sealed like a saved one
    old = db.fields_key
    assert old is not None
    new = os.urandom(32)
    with db.write() as session:
        changed = resealing.reseal(session, old, new)
    assert changed >= 6  # person, dossier, violation, correction, photo, draft
    assert db.fields_key == new
    [draft] = drafts.mine(db, CHIEF_OF_DB)
    assert draft.fields == {"risk_notes": "Hay tụ tập"}
    with db.read() as session:
        stored = session.execute(select(Draft.fields)).scalar_one()
    assert "Hay" not in str(stored)
    with db.read() as session:
        ctx = Ctx(session, CHIEF_OF_DB, TODAY)
        assert person_details(ctx, sensitive_person["person"]).legacy_id == "012345679"
        assert photo_of(ctx, sensitive_person["person"]) == picture
        assert (
            session.execute(select(Person.id).where(id_number_is(ID_NUMBER))).scalar_one()
            == sensitive_person["person"]
        )
        stored = session.execute(
            select(Person.id, Person.id_number_sealed).where(
                Person.id == sensitive_person["person"]
            )
        ).one()
    with pytest.raises(FieldUnreadable):
        FieldCipher(old).open(stored[1], "persons", "id_number", stored[0])
    assert FieldCipher(new).open(stored[1], "persons", "id_number", stored[0]) == ID_NUMBER


def test_person_show_prints_the_full_number_and_a_moved_value_is_refused_by_name(
    post: Callable[..., Any],
) -> None:
    person = post(
        "person", "add", "--name", "Nguyễn Văn Đức", "--born", "12/03/1990", "--sex", "M",
        "--id-number", ID_NUMBER, "--json",
    ).json  # fmt: skip
    other = post("person", "add", "--name", "Lê Thị Thủy", "--born", "1991", "--json").json
    shown = post("person", "show", person["id"])
    assert shown.code == 0 and ID_NUMBER in shown.out
    found = post("search", ID_NUMBER)
    assert found.code == 0 and "Nguyễn Văn Đức" in found.out
    with post.open_db() as database, database.write() as session:
        session.connection().exec_driver_sql(
            "UPDATE persons SET id_number = (SELECT id_number FROM persons WHERE id = ?)"
            " WHERE id = ?",
            (person["id"], other["id"]),
        )
    moved = post("person", "show", other["id"])
    assert moved.code == 3
    assert "Traceback" not in moved.err
    assert "số định danh cá nhân của bản ghi" in moved.err and "không mở được" in moved.err
