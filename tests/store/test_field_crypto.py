"""The sealed-value format (store/field_crypto.py) and the upgrade of a database whose
sensitive values are still plain: the first login holding the fields key seals them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import select

from antt_desktop.services import search
from antt_desktop.services.context import Ctx
from antt_desktop.services.people_rows import person_details
from antt_desktop.store.field_crypto import FieldCipher, FieldUnreadable
from antt_desktop.store.models import Person
from tests.conftest import CHIEF, TODAY, connect_unlocked, make_post, open_post


def test_a_sealed_value_opens_only_where_it_was_sealed() -> None:
    cipher = FieldCipher(os.urandom(32))
    sealed = cipher.seal("001090012345", "persons", "id_number", "p1")
    assert sealed is not None and sealed[0] == 1 and b"001090012345" not in sealed
    # version, key id, nonce, 12 bytes of text, the tag
    assert len(sealed) == 1 + 4 + 12 + 12 + 16
    assert cipher.open(sealed, "persons", "id_number", "p1") == "001090012345"
    for where in (("persons", "id_number", "p2"), ("persons", "legacy_id", "p1")):
        with pytest.raises(FieldUnreadable):
            cipher.open(sealed, *where)
    damaged = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(FieldUnreadable):
        cipher.open(damaged, "persons", "id_number", "p1")
    with pytest.raises(FieldUnreadable):
        FieldCipher(os.urandom(32)).open(sealed, "persons", "id_number", "p1")
    # the same number seals differently each time; its blind index is the same
    assert cipher.seal("001090012345", "persons", "id_number", "p1") != sealed
    assert cipher.blind("001090012345") == cipher.blind("001090012345")
    assert cipher.blind("001090012345") != FieldCipher(os.urandom(32)).blind("001090012345")


def _plain_person(path: Path) -> str:
    """A resident written the way a version before the fields key wrote them: plain."""
    conn = connect_unlocked(path)
    try:
        unit, owner = conn.execute(
            "SELECT id, (SELECT node_id FROM local_node) FROM units"
        ).fetchone()
        conn.execute(
            "INSERT INTO persons (id, owner_node, version_vector, created_stamp, field_stamps,"
            " hlc, local_seq, deleted, unit_id, full_name, name_folded, given_folded, sort_key,"
            " nationality, id_number, ethnic_code, id_last3)"
            " VALUES ('p-old', ?, '{}', '[]', '{}', 0, 0, 0, ?, 'Đỗ Văn Cũ', 'do van cu', 'cu',"
            " 'cu', 'Việt Nam', '001080000777', '01', '777')",
            (owner, unit),
        )
        conn.execute("PRAGMA user_version = 1")  # what revision 0025 leaves when it finds some
        conn.commit()
    finally:
        conn.close()
    return "p-old"


def test_the_first_login_with_the_fields_key_seals_what_the_upgrade_left_plain(
    tmp_path: Path,
) -> None:
    path = tmp_path / "post.sqlite3"
    make_post(path)
    person_id = _plain_person(path)
    with open_post(path) as db, db.read() as session:
        ctx = Ctx(session, CHIEF, TODAY)
        assert person_details(ctx, person_id).id_number == "001080000777"
        assert [h.id for h in search.search(ctx, "001080000777")] == [person_id]
        assert session.execute(select(Person.ethnic_code)).scalar_one() == "01"
    conn = connect_unlocked(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
        kinds = conn.execute(
            "SELECT typeof(id_number), typeof(ethnic_code) FROM persons"
        ).fetchone()
    finally:
        conn.close()
    assert kinds == ("blob", "blob")
