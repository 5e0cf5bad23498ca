"""The check functions of teams: what the team and team member dialogs show as the officer
types is what saving would refuse, found without writing anything."""

from __future__ import annotations

from datetime import date

import pytest

from antt_desktop.services import teams as tm
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import add_area
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import Team, TeamMember
from tests.helpers.checks import accepted_alike, refused_alike


@pytest.fixture
def post(write):
    """Thôn 1 and Thôn 2; the grassroots team of Thôn 1 led by Thắng (a resident, joined
    01/07/2024), with Yến who left on 01/03/2026; a mediation team with no area."""
    with write() as ctx:
        one = add_area(ctx, name="Thôn 1").id
        two = add_area(ctx, name="Thôn 2").id
        thang = add_person(ctx, PersonInput(full_name="Bùi Văn Thắng")).person.id
        team = tm.add_team(ctx, "grassroots_security", "Tổ bảo vệ ANTT thôn 1", None, [one]).id
        mediation = tm.add_team(ctx, "mediation", "Tổ hòa giải").id
        leader = tm.add_team_member(
            ctx, team, role="leader", person_id=thang, joined_on="01/07/2024"
        ).id
        yen = tm.add_team_member(ctx, team, role="member", name="Hà Thị Yến").id
        tm.end_membership(ctx, yen, "01/03/2026")
        return {"one": one, "two": two, "thang": thang, "team": team, "mediation": mediation} | {
            "leader": leader,
            "yen": yen,
        }


# name → (check, write, the input from the post's ids, the problems as (field, code))
REFUSED = {
    "new team: no such kind, a name taken but for accents and case, a bad day and area": (
        tm.check_add_team,
        tm.add_team,
        lambda p: (("ninja", " tổ bảo vệ antt THÔN 1 ", "32/13/2024", ["nowhere"]), {}),
        [
            ("team_kind", "choice"),
            ("team_name", "team.name_taken"),
            ("founded_on", "date.invalid"),
            ("team_areas", "area.unknown"),
        ],
    ),
    "new team: no name, founded tomorrow": (
        tm.check_add_team,
        tm.add_team,
        lambda p: (("mediation", "  ", "23/11/2026"), {}),
        [("team_name", "required"), ("founded_on", "date.future")],
    ),
    "new team: a name too long": (
        tm.check_add_team,
        tm.add_team,
        lambda p: (("mediation", "x" * 201), {}),
        [("team_name", "too_long")],
    ),
    "edit: another team's name, active neither yes nor no": (
        tm.check_edit_team,
        tm.edit_team,
        lambda p: ((p["mediation"], {"name": "Tổ bảo vệ ANTT thôn 1", "active": "có"}), {}),
        [("team_name", "team.name_taken"), ("team_active", "choice")],
    ),
    "edit: a field teams do not have": (
        tm.check_edit_team,
        tm.edit_team,
        lambda p: ((p["team"], {"leader": "Thắng", "name": ""}), {}),
        [("leader", "field.unknown")],
    ),
    "areas: one unknown, named twice": (
        tm.check_set_team_areas,
        tm.set_team_areas,
        lambda p: ((p["team"], [p["one"], "nowhere", "nowhere"]), {}),
        [("team_areas", "area.unknown")],
    ),
    "member: a second leader with a bad phone, joining tomorrow": (
        tm.check_add_team_member,
        tm.add_team_member,
        lambda p: (
            (p["team"],),
            {"role": "leader", "name": "Lò Văn Páo", "phone": "12345", "joined_on": "23/11/2026"},
        ),
        [
            ("phone", "phone.format"),
            ("joined_on", "date.future"),
            ("team_role", "team.leader_exists"),
        ],
    ),
    "member: a resident already in the team": (
        tm.check_add_team_member,
        tm.add_team_member,
        lambda p: ((p["team"],), {"role": "member", "person_id": p["thang"]}),
        [("member_person_id", "team.already_member")],
    ),
    "member: no such role, no name": (
        tm.check_add_team_member,
        tm.add_team_member,
        lambda p: ((p["team"],), {"role": "captain", "name": " "}),
        [("team_role", "choice"), ("member_name", "required")],
    ),
    "member: an unknown resident": (
        tm.check_add_team_member,
        tm.add_team_member,
        lambda p: ((p["mediation"],), {"role": "member", "person_id": "nobody"}),
        [("member_person_id", "person.unknown")],
    ),
    "leaving: already left": (
        tm.check_end_membership,
        tm.end_membership,
        lambda p: ((p["yen"], "01/06/2026"), {}),
        [("left_on", "team.membership_ended")],
    ),
    "leaving: before joining": (
        tm.check_end_membership,
        tm.end_membership,
        lambda p: ((p["leader"], "30/06/2024"), {}),
        [("left_on", "team.left_before_joined")],
    ),
    "leaving: no day": (
        tm.check_end_membership,
        tm.end_membership,
        lambda p: ((p["leader"], ""), {}),
        [("left_on", "required")],
    ),
}


@pytest.mark.parametrize(("check", "act", "typed", "expected"), REFUSED.values(), ids=list(REFUSED))
def test_a_check_finds_what_the_write_refuses_and_writes_nothing(
    post, db, read, write, check, act, typed, expected
):
    args, kwargs = typed(post)
    problems = refused_alike(db, read, write, check, act, *args, **kwargs)
    assert [(p.field, p.code) for p in problems] == expected


def test_a_team_the_checks_accept_is_set_up_changed_and_given_areas(post, db, read, write):
    check, act = tm.check_add_team, tm.add_team
    typed = ("people_security", " Tổ ANTT  thôn 2 ", "01/02/2025", [post["two"], post["two"]])
    new = accepted_alike(db, read, write, check, act, *typed)
    check, act = tm.check_edit_team, tm.edit_team
    accepted_alike(db, read, write, check, act, post["mediation"], {"active": False})
    check, act = tm.check_set_team_areas, tm.set_team_areas
    accepted_alike(db, read, write, check, act, post["team"], [post["one"], post["two"]])
    with read() as ctx:
        saved = ctx.session.get(Team, new.id)
        assert (saved.name, saved.founded_on) == ("Tổ ANTT thôn 2", date(2025, 2, 1))
        assert [a.name for a in tm.team_areas(ctx.session, new.id)] == ["Thôn 2"]
        assert [a.name for a in tm.team_areas(ctx.session, post["team"])] == ["Thôn 1", "Thôn 2"]
        assert ctx.session.get(Team, post["mediation"]).active is False


def test_members_the_checks_accept_join_and_leave(post, db, read, write):
    check, act = tm.check_add_team_member, tm.add_team_member
    typed = {"role": "deputy", "name": "Lò Văn Páo", "phone": "0987.654 321"}
    deputy = accepted_alike(db, read, write, check, act, post["team"], **typed)
    check, act = tm.check_end_membership, tm.end_membership
    accepted_alike(db, read, write, check, act, post["leader"], "20/11/2026")
    with read() as ctx:
        assert [(m.role, m.name, m.phone) for m in tm.team_members(ctx.session, post["team"])] == [
            ("deputy", "Lò Văn Páo", "0987654321")
        ]
        assert ctx.session.get(TeamMember, post["leader"]).left_on == date(2026, 11, 20)
        assert ctx.session.get(TeamMember, deputy.id).joined_on is None


def test_areas_given_once_as_a_generator_are_all_saved(post, write, read):
    # the write checks, then saves, the same areas: it must not read the generator up twice
    with write() as ctx:
        team = tm.add_team(ctx, "fire_watch", "Tổ PCCC", None, (a for a in [post["two"]]))
        tm.set_team_areas(ctx, post["team"], (a for a in [post["two"]]))
    with read() as ctx:
        assert [a.name for a in tm.team_areas(ctx.session, team.id)] == ["Thôn 2"]
        assert [a.name for a in tm.team_areas(ctx.session, post["team"])] == ["Thôn 2"]


@pytest.mark.parametrize(
    ("check", "typed", "options"),
    [
        (tm.check_edit_team, ("nowhere", {"name": "Tổ 1"}), {}),
        (tm.check_set_team_areas, ("nowhere", []), {}),
        (tm.check_add_team_member, ("nowhere",), {"role": "member", "name": "An"}),
        (tm.check_end_membership, ("nowhere", "01/01/2026"), {}),
    ],
)
def test_a_check_of_a_record_that_is_not_there_says_so_as_the_write_does(
    read, check, typed, options
):
    with pytest.raises(NotFound), read() as ctx:
        check(ctx, *typed, **options)
