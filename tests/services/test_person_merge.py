"""Merging two records of one person (gộp hồ sơ trùng): what the survivor keeps, what is
refused and that a refusal writes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import merge_rows
from antt_desktop.services.context import Actor
from antt_desktop.services.dossier_records import ViolationInput, add_violation
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.memberships import add_member
from antt_desktop.services.people import PersonInput, add_person, edit_person
from antt_desktop.services.person_merge import check_merge_people, merge_people, plan_merge
from antt_desktop.services.teams import add_team, add_team_member
from antt_desktop.store import person_refs
from antt_desktop.store.models import (
    AuditEntry,
    Dossier,
    Household,
    Person,
    PersonCorrection,
    TeamMember,
    Violation,
)
from tests.importers.conftest import cccd

VIEWER = Actor("xem", "viewer")


def _person(ctx: Any, **values: Any) -> str:
    return str(add_person(ctx, PersonInput(**values)).person.id)


@pytest.fixture
def twins(write: Any) -> tuple[str, str]:
    """Nguyễn Văn Hùng typed twice: once with a phone, once with the ID number and a birth
    date, a dossier, a violation, a team membership and the headship of a household."""
    with write() as ctx:
        kept = _person(ctx, full_name="Nguyễn Văn Hùng", phone="0912345678", sex="M")
        other = _person(
            ctx,
            full_name="Nguyen Van Hung",
            born="12/03/1990",
            id_number=cccd(1990),
            phone="0987654321",
            occupation="Thợ hàn",
        )
        edit_person(ctx, other, {"notes": "nhập lần hai"})
        household = add_household(ctx, HouseholdInput(number="HN-7", head_person_id=other))
        dossier = open_dossier(
            ctx, DossierInput(person_id=other, category_code="DRUG_USER", opened_on="01/02/2026")
        )
        add_violation(
            ctx,
            ViolationInput(
                person_id=other,
                dossier_id=dossier.id,
                occurred_on="01/05/2026",
                kind="administrative",
                description="Gây rối trật tự công cộng",
            ),
        )
        team = add_team(ctx, "grassroots_security", "Tổ an ninh thôn 1")
        add_team_member(ctx, team.id, role="member", person_id=other)
        assert household.id
    return kept, other


def test_every_foreign_key_to_people_is_handled_by_the_merge() -> None:
    """A new column naming a person must say here how a merge moves it."""
    assert person_refs.schema_references() == set(person_refs.REFERENCES)


def test_the_survivor_keeps_everything_of_both_records(
    twins: tuple[str, str], write: Any, read: Any, db: Any
) -> None:
    kept, other = twins
    with write() as ctx:
        plan = merge_people(ctx, kept, other)
    assert plan.moving["dossiers"] == 1 and plan.moving["violations"] == 1
    with db.read() as s:
        survivor = s.get(Person, kept)
        absorbed = s.get(Person, other)
        # the survivor's own values win; its blanks are filled from the other record
        assert survivor.full_name == "Nguyễn Văn Hùng"
        assert survivor.phone == "0912345678"
        assert (survivor.born, survivor.birth_year) == ("1990-03-12", 1990)
        assert survivor.id_number == cccd(1990)
        assert survivor.occupation == "Thợ hàn"
        household = s.scalars(select(Household).where(Household.number == "HN-7")).one()
        assert survivor.household_id == household.id
        assert household.head_person_id == kept
        # the absorbed record stays as a tombstone naming the survivor
        assert absorbed.deleted and absorbed.merged_into == kept and absorbed.id_number is None
        assert s.scalars(select(Dossier.person_id)).all() == [kept]
        assert s.scalars(select(Violation.person_id)).all() == [kept]
        assert s.scalars(select(TeamMember.person_id)).all() == [kept]
        history = s.scalars(select(PersonCorrection).where(PersonCorrection.person_id == kept))
        fields = {(c.field, c.new_value, c.reason) for c in history}
        assert ("born", "12/03/1990", "Gộp hồ sơ trùng") in fields
        assert ("id_number", cccd(1990), "Gộp hồ sơ trùng") in fields
        assert ("notes", "nhập lần hai", None) in fields  # the other record's own history
        for table, column in person_refs.REFERENCES:
            assert not s.execute(
                select(1)
                .select_from(Person.metadata.tables[table])
                .where(Person.metadata.tables[table].c[column] == other)
            ).first(), table
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert entry.action == "merge" and entry.entity_id == kept and other in entry.detail


def test_a_refused_merge_says_why_in_vietnamese_and_writes_nothing(
    twins: tuple[str, str], write: Any, read: Any, db_state: Any
) -> None:
    kept, other = twins
    with write() as ctx:
        third = _person(ctx, full_name="Nguyễn Văn Hùng", id_number=cccd(1990, serial=2))
        fourth = _person(ctx, full_name="Nguyễn Văn Hùng")
        open_dossier(
            ctx, DossierInput(person_id=fourth, category_code="DRUG_USER", opened_on="01/03/2026")
        )
    vi = Translator("vi")
    before = db_state()
    cases = {
        (kept, kept): "không thể gộp một hồ sơ với chính nó",
        (kept, "khong-co"): "không có nhân khẩu mã khong-co",
        (third, other): "hai hồ sơ có số định danh khác nhau",
        (fourth, other): "cả hai hồ sơ đều đang có hồ sơ quản lý loại",
    }
    for (a, b), words in cases.items():
        with read() as ctx:
            found = check_merge_people(ctx, a, b)
        assert any(words in describe(p, vi) for p in found), (words, found)
        with pytest.raises(ValidationFailed), write() as ctx:
            merge_people(ctx, a, b)
    assert db_state() == before
    with pytest.raises(PermissionDenied), write(actor=VIEWER) as ctx:
        merge_people(ctx, kept, other)
    after = db_state()
    refusal = sorted(set(after.pop("audit_entries")) - set(before["audit_entries"]))
    assert after == {k: v for k, v in before.items() if k != "audit_entries"}
    assert len(refusal) == 1 and "'refused'" in refusal[0]  # only the refusal is recorded


def test_people_of_two_households_are_not_merged_until_one_moves(
    twins: tuple[str, str], write: Any, read: Any
) -> None:
    kept, other = twins
    with write() as ctx:
        home = add_household(ctx, HouseholdInput(number="HN-9"))
        add_member(ctx, home.id, kept, "Con")
    with read() as ctx:
        found = check_merge_people(ctx, kept, other)
    assert [describe(p, Translator("vi")) for p in found] == [
        "Hồ sơ trùng: hai hồ sơ thuộc hai hộ khác nhau (hộ số HN-9 và hộ số HN-7); hãy chuyển"
        " người này về đúng hộ trước, rồi mới gộp"
    ]


def test_the_plan_shows_what_moves_without_writing(
    twins: tuple[str, str], read: Any, db_state: Any
) -> None:
    kept, other = twins
    before = db_state()
    with read() as ctx:
        plan = plan_merge(ctx, kept, other)
    assert db_state() == before
    assert plan.filled["id_number"] == cccd(1990) and "phone" not in plan.filled
    assert plan.moving == {
        "dossiers": 1,
        "violations": 1,
        "team_members": 1,
        "households": 1,
        "person_corrections": 1,
    }


def test_likely_duplicates_pair_the_same_name_and_birth_date_or_the_old_card_number(
    write: Any, read: Any
) -> None:
    with write() as ctx:
        lan = _person(ctx, full_name="Đinh Thị Lan", born="05/06/1988")
        lan2 = _person(ctx, full_name="ĐINH THI LAN", born="05/06/1988")
        _person(ctx, full_name="Đinh Thị Lan", born="1989")  # another year: another woman
        tu = _person(ctx, full_name="Hà Văn Tú", id_number=cccd(1990, serial=7))
        tu2 = _person(ctx, full_name="Hà Tú", legacy_id=cccd(1990, serial=7))
    with read() as ctx:
        pairs = merge_rows.likely_duplicates(ctx)
        only_tu = merge_rows.likely_duplicates(ctx, person_id=tu2)
    found = {(frozenset((p.first_id, p.second_id)), p.reason) for p in pairs}
    assert found == {
        (frozenset((lan, lan2)), merge_rows.SAME_NAME_BORN),
        (frozenset((tu, tu2)), merge_rows.SAME_ID),
    }
    assert [p.reason for p in only_tu] == [merge_rows.SAME_ID]
