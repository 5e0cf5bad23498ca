"""Sync metadata is stamped in one place for every write, and tombstones replace deletes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from antt_desktop.services.people import PersonInput, add_person, edit_person
from antt_desktop.store.models import Assessment, LocalNode, Person
from antt_desktop.store.stamping import AppendOnlyError, HardDeleteError


def test_new_row_gets_a_full_stamp(db, write) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        person = add_person(ctx, PersonInput(full_name="Lê Văn Tám")).person
        pid = person.id
    with db.read() as s:
        node = s.get(LocalNode, 1)
        p = s.get(Person, pid)
        assert p.owner_node == node.node_id
        hlc, replica, counter = p.created_stamp
        assert replica == node.replica_id
        assert p.version_vector == {node.replica_id: counter}
        assert p.field_stamps == {}
        assert p.hlc == hlc
        assert p.local_seq == node.seq  # the latest write took the latest sequence number


def test_edit_stamps_only_the_changed_fields(db, write) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        pid = add_person(ctx, PersonInput(full_name="Lê Văn Tám")).person.id
    with db.read() as s:
        before = s.get(Person, pid)
        seq_before, hlc_before = before.local_seq, before.hlc
    with write() as ctx:
        edit_person(ctx, pid, {"occupation": "Làm ruộng"})
    with db.read() as s:
        p = s.get(Person, pid)
        assert set(p.field_stamps) == {"occupation"}
        assert p.local_seq > seq_before
        assert p.hlc > hlc_before
        node = s.get(LocalNode, 1)
        assert p.version_vector[node.replica_id] == p.field_stamps["occupation"][2]


def test_no_change_no_stamp(db, write) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        pid = add_person(ctx, PersonInput(full_name="Lê Văn Tám")).person.id
    with db.read() as s:
        seq = s.get(Person, pid).local_seq
    with write() as ctx:
        edit_person(ctx, pid, {"full_name": "  Lê   Văn Tám "})  # same after normalising
    with db.read() as s:
        assert s.get(Person, pid).local_seq == seq


def test_hard_delete_is_refused(db, write) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        pid = add_person(ctx, PersonInput(full_name="Lê Văn Tám")).person.id
    with pytest.raises(HardDeleteError), write() as ctx:
        ctx.session.delete(ctx.session.get(Person, pid))
        ctx.session.flush()
    with db.read() as s:
        assert s.get(Person, pid) is not None


def test_append_only_rows_cannot_change(db, write) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from antt_desktop.store.models import Dossier

    with write() as ctx:
        pid = add_person(ctx, PersonInput(full_name="Lê Văn Tám")).person.id
        dossier = Dossier(
            unit_id=ctx.local_unit().id,
            person_id=pid,
            category_code="DRUG_USER",
            opened_on=date(2026, 1, 5),
            status="open",
        )
        ctx.session.add(dossier)
        ctx.session.flush()
        ctx.session.add(
            Assessment(
                dossier_id=dossier.id,
                period="2026-01",
                period_start=date(2026, 1, 1),
                written_on=date(2026, 2, 2),
                author="Cán bộ",
                content="Chấp hành tốt",
            )
        )
    with pytest.raises(AppendOnlyError), write() as ctx:
        a = ctx.session.execute(select(Assessment)).scalar_one()
        a.content = "Sửa lén"
        ctx.session.flush()
    with db.read() as s:
        assert s.execute(select(Assessment.content)).scalar_one() == "Chấp hành tốt"
