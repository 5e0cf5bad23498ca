"""Teams: kinds from the catalogue, areas covered, members and the one active leader."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import teams as tm
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import add_area
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import AuditEntry, Team, TeamArea, TeamMember


def _count(ctx, cls):
    return ctx.session.execute(select(func.count()).select_from(cls)).scalar_one()


def _refused(exc_info):
    return [(p.field, p.code) for p in exc_info.value.problems]


@pytest.fixture
def setup(write):
    """Two areas, a resident with a phone, and a grassroots security team for Thôn 1."""
    with write() as ctx:
        one = add_area(ctx, name="Thôn 1")
        two = add_area(ctx, name="Thôn 2")
        resident = add_person(ctx, PersonInput(full_name="Bùi Văn Thắng", phone="0912 345 678"))
        team = tm.add_team(
            ctx, "grassroots_security", " Tổ bảo vệ ANTT  thôn 1 ", "01/07/2024", [one.id]
        )
        return {"one": one.id, "two": two.id, "person": resident.person.id, "team": team.id}


def test_team_is_saved_with_its_areas(setup, read):
    with read() as ctx:
        team = ctx.session.get(Team, setup["team"])
        assert (team.kind, team.name, team.founded_on, team.active) == (
            "grassroots_security",
            "Tổ bảo vệ ANTT thôn 1",
            date(2024, 7, 1),
            True,
        )
        assert [a.name for a in tm.team_areas(ctx.session, team.id)] == ["Thôn 1"]
        assert [t.id for t in tm.teams(ctx.session, team.unit_id)] == [team.id]
        assert "grassroots_security" in tm.team_kinds(ctx.session)
        assert ctx.session.execute(
            select(AuditEntry.action).where(AuditEntry.entity_id == team.id)
        ).scalars().all() == ["create", "edit"]


@pytest.mark.parametrize(
    ("kind", "name", "founded_on", "areas", "expected"),
    [
        ("football", "Tổ A", None, (), [("team_kind", "choice")]),
        ("mediation", "  ", None, (), [("team_name", "required")]),
        ("mediation", "tổ bảo vệ antt thôn 1", None, (), [("team_name", "team.name_taken")]),
        ("mediation", "Tổ A", "01/01/2027", (), [("founded_on", "date.future")]),
        ("mediation", "Tổ A", "2024", (), [("founded_on", "date.format")]),
        ("mediation", "Tổ A", None, ("nowhere",), [("team_areas", "area.unknown")]),
    ],
)
def test_bad_team_is_refused_and_nothing_written(
    setup, write, kind, name, founded_on, areas, expected
):
    with write() as ctx:
        before = (_count(ctx, Team), _count(ctx, TeamArea), _count(ctx, AuditEntry))
        with pytest.raises(ValidationFailed) as exc:
            tm.add_team(ctx, kind, name, founded_on, areas)
        assert _refused(exc) == expected
        assert (_count(ctx, Team), _count(ctx, TeamArea), _count(ctx, AuditEntry)) == before


def test_edit_team_and_its_areas(setup, write, read):
    with write() as ctx:
        tm.edit_team(ctx, setup["team"], {"name": "Tổ bảo vệ ANTT thôn 1 và 2", "active": True})
        assert [a.name for a in tm.set_team_areas(ctx, setup["team"], [setup["two"]])] == ["Thôn 2"]
    with write() as ctx:  # adding Thôn 1 back revives its row instead of making a twin
        tm.set_team_areas(ctx, setup["team"], [setup["one"], setup["two"]])
    with read() as ctx:
        assert ctx.session.get(Team, setup["team"]).name == "Tổ bảo vệ ANTT thôn 1 và 2"
        assert [a.name for a in tm.team_areas(ctx.session, setup["team"])] == ["Thôn 1", "Thôn 2"]
        assert _count(ctx, TeamArea) == 2
    with write() as ctx:
        for call, expected in (
            (lambda: tm.edit_team(ctx, setup["team"], {"kind": "army"}), [("team_kind", "choice")]),
            (
                lambda: tm.edit_team(ctx, setup["team"], {"leader": "x"}),
                [("leader", "field.unknown")],
            ),
            (
                lambda: tm.set_team_areas(ctx, setup["team"], ["nowhere"]),
                [("team_areas", "area.unknown")],
            ),
        ):
            with pytest.raises(ValidationFailed) as exc:
                call()
            assert _refused(exc) == expected
        assert ctx.session.get(Team, setup["team"]).kind == "grassroots_security"
        assert len(tm.team_areas(ctx.session, setup["team"])) == 2
        with pytest.raises(NotFound):
            tm.edit_team(ctx, "no-team", {})


def test_members_known_and_free_text(setup, write, read):
    with write() as ctx:
        leader = tm.add_team_member(
            ctx, setup["team"], role="leader", person_id=setup["person"], joined_on="01/07/2024"
        )
        tm.add_team_member(
            ctx, setup["team"], role="member", name="Ma Văn Ân", phone="+84 987 654 321"
        )
        tm.add_team_member(ctx, setup["team"], role="deputy", name="Hà Thị Yến")
    with read() as ctx:
        saved = ctx.session.get(TeamMember, leader.id)
        assert (saved.name, saved.phone, saved.person_id, saved.joined_on) == (
            "Bùi Văn Thắng",
            "0912345678",
            setup["person"],
            date(2024, 7, 1),
        )
        assert [(m.role, m.name, m.phone) for m in tm.team_members(ctx.session, setup["team"])] == [
            ("leader", "Bùi Văn Thắng", "0912345678"),
            ("deputy", "Hà Thị Yến", None),
            ("member", "Ma Văn Ân", "+84987654321"),
        ]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"role": "captain", "name": "Ma Văn Ân"}, [("team_role", "choice")]),
        ({"role": "member"}, [("member_name", "required")]),
        ({"role": "member", "person_id": "nobody"}, [("member_person_id", "person.unknown")]),
        ({"role": "member", "name": "Ma Văn Ân", "phone": "12345"}, [("phone", "phone.format")]),
        (
            {"role": "member", "name": "Ma Văn Ân", "joined_on": "32/01/2025"},
            [("joined_on", "date.invalid")],
        ),
        ({"role": "leader", "name": "Ma Văn Ân"}, [("team_role", "team.leader_exists")]),
    ],
)
def test_bad_member_is_refused_and_nothing_written(setup, write, fields, expected):
    with write() as ctx:
        tm.add_team_member(ctx, setup["team"], role="leader", name="Lục Văn Sáng")
    with write() as ctx:
        with pytest.raises(ValidationFailed) as exc:
            tm.add_team_member(ctx, setup["team"], **fields)
        assert _refused(exc) == expected
        assert _count(ctx, TeamMember) == 1


def test_one_active_leader_then_a_new_one_after_the_old_leaves(setup, write, read):
    with write() as ctx:
        old = tm.add_team_member(
            ctx, setup["team"], role="leader", name="Lục Văn Sáng", joined_on="01/07/2024"
        )
        tm.add_team_member(ctx, setup["team"], role="member", person_id=setup["person"])
    with write() as ctx:
        with pytest.raises(ValidationFailed) as exc:
            tm.add_team_member(ctx, setup["team"], role="leader", name="Hà Thị Yến")
        assert _refused(exc) == [("team_role", "team.leader_exists")]
        assert exc.value.problems[0].params == {"name": "Lục Văn Sáng"}
        with pytest.raises(ValidationFailed) as exc:
            tm.add_team_member(ctx, setup["team"], role="deputy", person_id=setup["person"])
        assert _refused(exc) == [("member_person_id", "team.already_member")]
    with write() as ctx:
        tm.end_membership(ctx, old.id, "30/09/2026")
        tm.add_team_member(ctx, setup["team"], role="leader", name="Hà Thị Yến")
    with read() as ctx:
        assert [m.name for m in tm.team_members(ctx.session, setup["team"])] == [
            "Hà Thị Yến",
            "Bùi Văn Thắng",
        ]
        everyone = tm.team_members(ctx.session, setup["team"], include_former=True)
        assert [(m.name, m.left_on) for m in everyone if m.role == "leader"] == [
            ("Hà Thị Yến", None),
            ("Lục Văn Sáng", date(2026, 9, 30)),
        ]


def test_end_membership_refusals(setup, write):
    with write() as ctx:
        member = tm.add_team_member(
            ctx, setup["team"], role="member", name="Ma Văn Ân", joined_on="01/03/2025"
        )
    with write() as ctx:
        for left_on, expected in (
            ("28/02/2025", [("left_on", "team.left_before_joined")]),
            ("01/01/2027", [("left_on", "date.future")]),
            (None, [("left_on", "required")]),
        ):
            with pytest.raises(ValidationFailed) as exc:
                tm.end_membership(ctx, member.id, left_on)
            assert _refused(exc) == expected
        assert ctx.session.get(TeamMember, member.id).left_on is None
        tm.end_membership(ctx, member.id, date(2026, 1, 15))
    with write() as ctx:
        with pytest.raises(ValidationFailed) as exc:
            tm.end_membership(ctx, member.id, "20/01/2026")
        assert _refused(exc) == [("left_on", "team.membership_ended")]
        assert ctx.session.get(TeamMember, member.id).left_on == date(2026, 1, 15)


def test_leader_refusal_reads_in_vietnamese(setup, write):
    with write() as ctx:
        tm.add_team_member(ctx, setup["team"], role="leader", name="Lục Văn Sáng")
        with pytest.raises(ValidationFailed) as exc:
            tm.add_team_member(ctx, setup["team"], role="leader", name="Hà Thị Yến")
    assert describe(exc.value.problems[0], Translator("vi")) == (
        "Chức danh trong tổ: tổ đã có tổ trưởng (Lục Văn Sáng); cần cho thôi tham gia tổ trước"
    )
