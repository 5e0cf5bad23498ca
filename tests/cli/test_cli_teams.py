"""``antt team ...`` and ``antt commendation ...`` through the command line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Antt = Callable[..., Any]
DECISION = "125/QĐ-UBND"


def _count(antt: Any, sql: str) -> int:
    with antt.connect() as conn:
        return conn.execute(sql).fetchone()[0]


@pytest.fixture
def team(post: Antt) -> Antt:
    """A post with a village and its security team (``team.id``)."""
    assert post("area", "add", "--name", "Thôn Đồng Tâm").code == 0
    r = post(
        "team",
        "add",
        "--kind",
        "grassroots_security",
        "--name",
        "Tổ bảo vệ ANTT thôn Đồng Tâm",
        "--founded",
        "01/07/2024",
        "--area",
        "Thôn Đồng Tâm",
        "--json",
    )
    assert r.code == 0, r.err
    post.id = r.json["id"]  # type: ignore[attr-defined]
    return post


def _person(antt: Antt, name: str, phone: str | None = None) -> str:
    extra = ("--phone", phone) if phone else ()
    r = antt("person", "add", "--name", name, *extra, "--json")
    assert r.code == 0, r.err
    return str(r.json["id"])


def test_team_add_show_and_list(team: Antt) -> None:
    shown = team("team", "show", team.id)
    assert shown.code == 0
    assert "Tổ bảo vệ ANTT thôn Đồng Tâm" in shown.out
    assert "Loại tổ            Tổ bảo vệ an ninh, trật tự ở cơ sở" in shown.out
    assert "Địa bàn phụ trách  Thôn Đồng Tâm" in shown.out
    record = team("team", "show", team.id, "--json").json
    assert (record["kind"], record["founded_on"]) == ("grassroots_security", "2024-07-01")
    assert record["areas"] == ["Thôn Đồng Tâm"]
    assert team("team", "add", "--kind", "mediation", "--name", "Tổ hòa giải thôn").code == 0
    every = team("team", "list", "--json").json
    assert [t["name"] for t in every] == ["Tổ bảo vệ ANTT thôn Đồng Tâm", "Tổ hòa giải thôn"]
    mediation = team("team", "list", "--kind", "mediation")
    assert "Tổ hòa giải thôn  (Tổ hòa giải)" in mediation.out
    assert "Đồng Tâm" not in mediation.out


def test_team_add_refuses_bad_kind_unknown_area_and_taken_name(team: Antt) -> None:
    before = _count(team, "SELECT count(*) FROM teams")
    r = team("team", "add", "--kind", "club", "--name", "Tổ mới", "--area", "Thôn Vắng")
    assert r.code == 3
    assert "Loại tổ" in r.err
    assert "Khu dân cư: đơn vị không có khu dân cư 'Thôn Vắng'" in r.err
    taken = team("team", "add", "--kind", "mediation", "--name", "tổ bảo vệ antt thôn đồng tâm")
    assert taken.code == 3
    assert "Tên tổ" in taken.err
    assert _count(team, "SELECT count(*) FROM teams") == before


def test_member_from_the_records_and_a_second_leader_refused(team: Antt) -> None:
    hung = _person(team, "Nguyễn Văn Hùng", "0912345678")
    r = team("team", "member", "add", team.id, "--role", "leader", "--person", hung, "--json")
    assert r.code == 0, r.err
    assert (r.json["name"], r.json["phone"], r.json["role"]) == (
        "Nguyễn Văn Hùng",
        "0912345678",
        "leader",
    )
    shown = team("team", "show", team.id)
    assert "tổ trưởng  Nguyễn Văn Hùng (0912345678)" in shown.out
    before = _count(team, "SELECT count(*) FROM team_members")
    second = team("team", "member", "add", team.id, "--role", "leader", "--name", "Lê Văn Bình")
    assert second.code == 3
    assert "Chức danh trong tổ: tổ đã có tổ trưởng (Nguyễn Văn Hùng)" in second.err
    assert _count(team, "SELECT count(*) FROM team_members") == before


def test_member_by_name_then_membership_ended(team: Antt) -> None:
    r = team(
        "team",
        "member",
        "add",
        team.id,
        "--role",
        "deputy",
        "--name",
        "Lê Văn Bình",
        "--phone",
        "0912 345 678",
        "--joined",
        "01/08/2024",
        "--json",
    )
    assert r.code == 0, r.err
    member = r.json["id"]
    early = team("team", "member", "end", member, "--left", "01/01/2024")
    assert early.code == 3
    assert "Ngày thôi tham gia" in early.err
    assert _count(team, "SELECT count(*) FROM team_members WHERE left_on IS NULL") == 1
    ended = team("team", "member", "end", member, "--left", "01/10/2026")
    assert ended.code == 0, ended.err
    assert "tổ phó  Lê Văn Bình (0912345678; Ngày tham gia: 01/08/2024;" in ended.out
    left = team("team", "show", team.id, "--json").json["members"][0]["left_on"]
    assert left == "2026-10-01"


def test_member_add_refusals_name_their_fields(team: Antt) -> None:
    r = team("team", "member", "add", team.id, "--role", "chief", "--phone", "12345")
    assert r.code == 3
    assert "Chức danh trong tổ" in r.err
    assert "Họ tên thành viên tổ" in r.err
    assert "Số điện thoại" in r.err
    both = team(
        "team", "member", "add", team.id, "--role", "member", "--person", "x", "--name", "y"
    )
    assert both.code == 2
    unknown_team = team("team", "member", "add", "no-such-team", "--role", "member", "--name", "A")
    assert unknown_team.code == 3
    assert _count(team, "SELECT count(*) FROM team_members") == 0


def test_commendation_add_and_list_of_a_decision(team: Antt) -> None:
    shared = (
        "commendation",
        "add",
        "--kind",
        "giay_khen",
        "--issuer",
        "Chủ tịch UBND xã Phú Lương",
        "--decision",
        DECISION,
        "--date",
        "15/11/2026",
    )
    person = _person(team, "Hoàng Văn Cường")
    r = team(
        *shared,
        "--recipient-kind",
        "person",
        "--recipient-id",
        person,
        "--achievement",
        "Tích cực tham gia tuần tra",
        "--golden-book",
        "12",
        "--json",
    )
    assert r.code == 0, r.err
    assert (r.json["recipient_name"], r.json["collective"]) == ("Hoàng Văn Cường", False)
    r = team(
        *shared,
        "--recipient-kind",
        "team",
        "--recipient-id",
        team.id,
        "--achievement",
        "Có thành tích xuất sắc trong phong trào Toàn dân bảo vệ ANTQ",
    )
    assert r.code == 0, r.err
    assert "Quyết định số 125/QĐ-UBND ngày 15/11/2026 của Chủ tịch UBND xã Phú Lương" in r.out
    listed = team("commendation", "list", "--decision", DECISION)
    assert listed.code == 0
    lines = [line.strip() for line in listed.out.splitlines()]
    assert lines[1].startswith("giấy khen — Tổ bảo vệ ANTT thôn Đồng Tâm (tập thể)")
    assert lines[2].startswith("giấy khen — Hoàng Văn Cường (cá nhân): Tích cực tham gia tuần tra")
    assert "Số sổ vàng: 12" in lines[2]
    assert len(team("commendation", "list", "--decision", DECISION, "--json").json) == 2
    nothing = team("commendation", "list", "--decision", "1/QĐ-CA")
    assert "Không tìm thấy kết quả nào." in nothing.out


def test_commendation_refusals_write_nothing(team: Antt) -> None:
    shared = ("commendation", "add", "--issuer", "Chủ tịch UBND xã", "--decision", DECISION)
    r = team(
        *shared,
        "--kind",
        "bang",
        "--date",
        "32/01/2026",
        "--recipient-kind",
        "team",
        "--achievement",
        "x",
    )
    assert r.code == 3
    assert "Hình thức khen thưởng" in r.err
    assert "Ngày ban hành quyết định" in r.err
    assert "Đối tượng được khen thưởng: không được để trống" in r.err
    ok = ("--kind", "giay_khen", "--date", "15/11/2026", "--achievement", "Tích cực")
    first = team(*shared, *ok, "--recipient-kind", "text", "--recipient-name", "Ông Lò Văn Pấng")
    assert first.code == 0, first.err
    twice = team(*shared, *ok, "--recipient-kind", "text", "--recipient-name", "ông lò văn pấng")
    assert twice.code == 3
    assert "đã được khen thưởng theo quyết định số 125/QĐ-UBND" in twice.err
    assert _count(team, "SELECT count(*) FROM commendations") == 1


def test_english_output(team: Antt) -> None:
    team("team", "member", "add", team.id, "--role", "leader", "--name", "Lê Văn Bình")
    shown = team("--lang", "en", "team", "show", team.id)
    assert ["Kind", "of", "team", "Grassroots", "security", "and", "order", "team"] in [
        line.split() for line in shown.out.splitlines()
    ]
    assert "team leader  Lê Văn Bình" in shown.out
    team(
        "commendation",
        "add",
        "--kind",
        "bang_khen",
        "--issuer",
        "Chủ tịch UBND tỉnh",
        "--decision",
        DECISION,
        "--date",
        "15/11/2026",
        "--recipient-kind",
        "team",
        "--recipient-id",
        team.id,
        "--achievement",
        "Xuất sắc",
    )
    listed = team("--lang", "en", "commendation", "list", "--decision", DECISION)
    assert "Decision 125/QĐ-UBND of 15/11/2026, Chủ tịch UBND tỉnh" in listed.out
    assert "diploma of merit — Tổ bảo vệ ANTT thôn Đồng Tâm (collective)" in listed.out
