"""What the list of teams, a team's page and the team editor read (team_rows)."""

from __future__ import annotations

from datetime import date

import pytest

from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import team_rows as tr
from antt_desktop.services import teams as tm
from antt_desktop.services.context import Actor
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import add_area
from antt_desktop.store.errors import NotFound

VIEWER = Actor("xem1", "viewer")
#: An account whose role the program does not know may read nothing.
STRANGER = Actor("la1", "visitor")


@pytest.fixture
def post(write):
    """Tổ bảo vệ ANTT số 2 and số 10 (grassroots security), Tổ an ninh nhân dân (people's
    security) and Tổ hòa giải (mediation, no longer working). Số 10 covers both areas and
    has a leader from the records, a member by name and a member who left."""
    with write() as ctx:
        two = add_area(ctx, name="Tổ dân phố số 2", kind="to_dan_pho").id
        ten = add_area(ctx, name="Tổ dân phố số 10", kind="to_dan_pho").id
        hung = add_person(ctx, PersonInput(full_name="Nguyễn Văn Hùng", phone="0912345678"))
        t10 = tm.add_team(
            ctx, "grassroots_security", "Tổ bảo vệ ANTT số 10", "01/07/2024", [ten, two]
        )
        t2 = tm.add_team(ctx, "grassroots_security", "Tổ bảo vệ ANTT số 2", None, [two])
        people = tm.add_team(ctx, "people_security", "Tổ an ninh nhân dân", None)
        mediation = tm.add_team(ctx, "mediation", "Tổ hòa giải", None)
        tm.edit_team(ctx, mediation.id, {"active": False})
        tm.add_team_member(
            ctx, t10.id, role="leader", person_id=hung.person.id, joined_on="01/07/2024"
        )
        tm.add_team_member(ctx, t10.id, role="member", name="Lê Thị Mai", joined_on="02/07/2024")
        left = tm.add_team_member(ctx, t10.id, role="member", name="Đỗ Văn Bảo")
        tm.end_membership(ctx, left.id, "01/10/2026")
        tm.add_team_member(ctx, t2.id, role="member", name="Phan Văn Tài")
        return {
            "t10": t10.id,
            "t2": t2.id,
            "people": people.id,
            "mediation": mediation.id,
            "left": left.id,
            "two": two,
            "ten": ten,
        }


def _names(ctx, **options):
    return [r.name for r in tr.team_rows(ctx, tr.team_ids(ctx, tr.TeamFilter(**options)), "vi")]


def test_the_list_shows_kind_areas_members_and_leader(post, read):
    with read() as ctx:
        rows = tr.team_rows(ctx, tr.team_ids(ctx, tr.TeamFilter()), "vi")
        english = tr.team_rows(ctx, [post["people"]], "en")
    assert [(r.name, r.kind_name, r.areas, r.members, r.leader) for r in rows] == [
        ("Tổ an ninh nhân dân", "Tổ an ninh nhân dân", (), 0, None),
        # "số 2" before "số 10", in the names of teams and of the areas they cover
        (
            "Tổ bảo vệ ANTT số 2",
            "Tổ bảo vệ an ninh, trật tự ở cơ sở",
            ("Tổ dân phố số 2",),
            1,
            None,
        ),
        (
            "Tổ bảo vệ ANTT số 10",
            "Tổ bảo vệ an ninh, trật tự ở cơ sở",
            ("Tổ dân phố số 2", "Tổ dân phố số 10"),
            2,  # the member who left is not counted
            "Nguyễn Văn Hùng",
        ),
    ]
    assert rows[2].founded_on == date(2024, 7, 1)
    assert english[0].kind_name == "People's security team"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"kind": "mediation"}, []),  # no longer working
        ({"kind": "mediation", "active": None}, ["Tổ hòa giải"]),
        ({"active": False}, ["Tổ hòa giải"]),
        ({"search": "bao ve 10"}, ["Tổ bảo vệ ANTT số 10"]),
        (
            {"sort": "members", "descending": True},
            ["Tổ bảo vệ ANTT số 10", "Tổ bảo vệ ANTT số 2", "Tổ an ninh nhân dân"],
        ),
        # by kind: "Tổ an ninh..." before "Tổ bảo vệ...", but "Grassroots" before "People's"
        ({"sort": "kind"}, ["Tổ an ninh nhân dân", "Tổ bảo vệ ANTT số 2", "Tổ bảo vệ ANTT số 10"]),
        (
            {"sort": "kind", "lang": "en"},
            ["Tổ bảo vệ ANTT số 2", "Tổ bảo vệ ANTT số 10", "Tổ an ninh nhân dân"],
        ),
    ],
)
def test_the_list_filters_and_sorts(post, read, options, expected):
    with read() as ctx:
        assert _names(ctx, **options) == expected


def test_the_command_line_lists_this_posts_working_teams_in_the_same_order(post, read):
    with read() as ctx:
        assert [t.name for t in tr.teams_of_post(ctx, "vi")] == _names(ctx)
        assert [t.name for t in tr.teams_of_post(ctx, "vi", kind="people_security")] == [
            "Tổ an ninh nhân dân"
        ]


def test_a_team_page_holds_its_areas_and_members(post, read):
    with read() as ctx:
        page = tr.team_page(ctx, post["t10"], "vi")
        everyone = tr.team_page(ctx, post["t10"], "en", include_former=True)
    assert (page.name, page.kind, page.active, page.founded_on) == (
        "Tổ bảo vệ ANTT số 10",
        "grassroots_security",
        True,
        date(2024, 7, 1),
    )
    # areas by name as team_areas gives them (the list above orders numbers by value)
    assert [a.name for a in page.areas] == ["Tổ dân phố số 10", "Tổ dân phố số 2"]
    assert [(m.name, m.role, m.phone) for m in page.members] == [
        ("Nguyễn Văn Hùng", "leader", "0912345678"),
        ("Lê Thị Mai", "member", None),
    ]
    assert everyone.kind_name == "Grassroots security and order team"
    assert [(m.name, m.left_on) for m in everyone.members][-1] == ("Đỗ Văn Bảo", date(2026, 10, 1))


def test_a_membership_reads_back_and_unknown_teams_are_not_found(post, read):
    with read() as ctx:
        member = tr.team_member(ctx, post["left"])
        assert (member.team_id, member.name, member.left_on) == (
            post["t10"],
            "Đỗ Văn Bảo",
            date(2026, 10, 1),
        )
        with pytest.raises(NotFound):
            tr.team_page(ctx, "no-such-team", "vi")
        with pytest.raises(NotFound):
            tr.team_member(ctx, "no-such-member")


def test_the_editor_offers_only_kinds_a_team_may_have(read, post):
    with read() as ctx:
        usable = tr.team_kind_names(ctx, "vi", schema_only=True)
        every = tr.team_kind_names(ctx, "en")
    assert [k.code for k in usable] == list(tm.SCHEMA_KINDS)
    assert usable[0].name == "Tổ bảo vệ an ninh, trật tự ở cơ sở"
    assert every[2].name == "Mediation team"


def test_a_viewer_reads_teams_as_an_officer_does(post, read):
    # nothing a team shows is sensitive: names, roles, phones and dates
    with read() as ctx:
        officer = tr.team_page(ctx, post["t10"], "vi", include_former=True)
    with read(VIEWER) as ctx:
        assert tr.team_page(ctx, post["t10"], "vi", include_former=True) == officer


@pytest.mark.parametrize(
    "call",
    [
        lambda ctx, p: tr.team_ids(ctx, tr.TeamFilter()),
        lambda ctx, p: tr.team_rows(ctx, [p["t10"]], "vi"),
        lambda ctx, p: tr.teams_of_post(ctx, "vi"),
        lambda ctx, p: tr.team_page(ctx, p["t10"], "vi"),
        lambda ctx, p: tr.team_member(ctx, p["left"]),
        lambda ctx, p: tr.team_kind_names(ctx, "vi"),
    ],
)
def test_a_role_that_may_not_read_records_is_refused(post, read, call):
    with read(STRANGER) as ctx, pytest.raises(PermissionDenied):
        call(ctx, post)
