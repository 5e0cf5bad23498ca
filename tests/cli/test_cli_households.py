"""``antt area ...`` and ``antt household ...`` through the command line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

Antt = Callable[..., Any]
SIGN_AREA = ("household", "sign-area", "--area", "Thôn Đồng Tâm", "--year", "2026")


def _count(antt: Any, sql: str) -> int:
    with antt.connect() as conn:
        return conn.execute(sql).fetchone()[0]


def _person(antt: Antt, name: str, born: str = "1980") -> str:
    r = antt("person", "add", "--name", name, "--born", born, "--json")
    assert r.code == 0, r.err
    return str(r.json["id"])


def _household(antt: Antt, number: str, *extra: str) -> dict[str, Any]:
    r = antt("household", "add", "--number", number, *extra, "--json")
    assert r.code == 0, r.err
    return dict(r.json)


@pytest.fixture
def village(post: Antt) -> Antt:
    """A post with one village, Thôn Đồng Tâm."""
    assert post("area", "add", "--name", "Thôn Đồng Tâm").code == 0
    return post


def test_area_add_then_household_with_head_shows_the_head(village: Antt) -> None:
    head = _person(village, "Nguyễn Văn Đức", "02/03/1985")
    r = village(
        "household",
        "add",
        "--number",
        "12",
        "--head",
        head,
        "--area",
        "thon dong tam",
        "--address",
        "Xóm Trên",
    )
    assert r.code == 0, r.err
    assert "Đã lưu." in r.out
    shown = village("household", "show", "12")
    assert shown.code == 0
    assert "Số hộ 12" in shown.out
    assert "Nguyễn Văn Đức  (Chủ hộ; 02/03/1985)" in shown.out
    assert "Khu dân cư  Thôn Đồng Tâm" in shown.out
    record = village("household", "show", "12", "--json").json
    assert record["head_name"] == "Nguyễn Văn Đức"
    assert record["area"] == "Thôn Đồng Tâm"
    assert [(m["id"], m["relation_to_head"]) for m in record["members"]] == [(head, "Chủ hộ")]
    by_id = village("household", "show", record["id"], "--json").json
    assert by_id["number"] == "12"


def test_area_list_counts_households_and_area_add_refuses_bad_input(village: Antt) -> None:
    r = village("area", "add", "--name", "Tổ dân phố 3", "--kind", "to_dan_pho", "--json")
    assert r.code == 0 and r.json["kind"] == "to_dan_pho"
    _household(village, "1", "--area", "Thôn Đồng Tâm")
    listed = village("area", "list", "--json").json
    assert [(a["name"], a["households"]) for a in listed] == [
        ("Thôn Đồng Tâm", 1),
        ("Tổ dân phố 3", 0),
    ]
    assert "Tổ dân phố 3  (tổ dân phố; 0 hộ)" in village("area", "list").out
    before = _count(village, "SELECT count(*) FROM areas")
    bad = village("area", "add", "--name", "Xóm Mới", "--kind", "lang")
    assert bad.code == 3
    assert "Loại khu dân cư" in bad.err
    again = village("area", "add", "--name", "Thôn  Đồng Tâm")
    assert again.code == 3
    assert _count(village, "SELECT count(*) FROM areas") == before


def test_household_add_refuses_a_taken_number_and_an_unknown_area(village: Antt) -> None:
    _household(village, "7")
    before = _count(village, "SELECT count(*) FROM households")
    taken = village("household", "add", "--number", "7")
    assert taken.code == 3
    assert "Số hộ: số hộ 7 đã được sử dụng" in taken.err
    unknown = village("household", "add", "--number", "8", "--area", "Thôn Không Có")
    assert unknown.code == 3
    assert "Khu dân cư" in unknown.err
    assert _count(village, "SELECT count(*) FROM households") == before


def test_household_list_by_number_and_area(village: Antt) -> None:
    village("area", "add", "--name", "Thôn Trung")
    head = _person(village, "Trần Văn Hải")
    for number in ("10", "2"):
        _household(village, number, "--area", "Thôn Đồng Tâm")
    _household(village, "5", "--area", "Thôn Trung", "--head", head)
    everything = village("household", "list", "--json").json
    assert [h["number"] for h in everything] == ["2", "5", "10"]
    in_area = village("household", "list", "--area", "Thôn Trung")
    assert in_area.code == 0
    assert "5  (Chủ hộ: Trần Văn Hải; Thôn Trung; 1 nhân khẩu)" in in_area.out
    assert "  10  " not in in_area.out


def test_member_add_move_remove_and_head(village: Antt) -> None:
    duc, hoa, an = (
        _person(village, n) for n in ("Nguyễn Văn Đức", "Trần Thị Hoa", "Nguyễn Văn An")
    )
    _household(village, "1", "--head", duc)
    _household(village, "2")
    added = village("household", "member", "add", "1", hoa, "--relation", "Vợ", "--json")
    assert added.code == 0, added.err
    assert [m["relation_to_head"] for m in added.json["members"]] == ["Chủ hộ", "Vợ"]
    village("household", "member", "add", "1", an, "--relation", "Con")
    moved = village("household", "member", "move", an, "--to", "2", "--relation", "Con")
    assert moved.code == 0
    assert "Nguyễn Văn An  (Con; 1980)" in moved.out
    assert len(village("household", "show", "1", "--json").json["members"]) == 2
    head = village("household", "head", "1", hoa, "--former-relation", "Chồng", "--json")
    assert head.code == 0, head.err
    assert head.json["head_person_id"] == hoa
    relations = {m["id"]: m["relation_to_head"] for m in head.json["members"]}
    assert relations == {hoa: "Chủ hộ", duc: "Chồng"}
    removed = village("household", "member", "remove", "1", duc, "--json")
    assert [m["id"] for m in removed.json["members"]] == [hoa]


def test_member_commands_refuse_and_write_nothing(village: Antt) -> None:
    duc, hoa = _person(village, "Nguyễn Văn Đức"), _person(village, "Trần Thị Hoa")
    _household(village, "1", "--head", duc)
    no_relation = village("household", "member", "add", "1", hoa)
    assert no_relation.code == 3
    assert "Quan hệ với chủ hộ" in no_relation.err
    as_head = village("household", "member", "remove", "1", duc)
    assert as_head.code == 3
    assert "Nhân khẩu: Nguyễn Văn Đức là chủ hộ của hộ số 1" in as_head.err
    nowhere = village("household", "member", "add", "99", hoa, "--relation", "Vợ")
    assert nowhere.code == 3
    assert "Hộ gia đình: không có hộ gia đình '99'" in nowhere.err
    members = "SELECT count(*) FROM persons WHERE household_id IS NOT NULL"
    assert _count(village, members) == 1


def test_poverty_status_by_year(village: Antt) -> None:
    _household(village, "4")
    r = village("household", "poverty", "4", "--year", "2026", "--status", "near_poor")
    assert r.code == 0, r.err
    assert "2026: hộ cận nghèo" in r.out
    village("household", "poverty", "4", "--year", "2026", "--status", "poor")
    shown = village("household", "show", "4", "--json").json
    assert shown["poverty"] == [{"year": 2026, "status": "poor"}]
    bad = village("household", "poverty", "4", "--year", "2026", "--status", "rich")
    assert bad.code == 3
    assert "Diện hộ nghèo, cận nghèo" in bad.err
    assert _count(village, "SELECT count(*) FROM household_year_status") == 1


def test_pledge_signed_by_the_head_then_a_second_one_is_refused(village: Antt) -> None:
    head = _person(village, "Nguyễn Văn Đức")
    _household(village, "12", "--head", head)
    r = village(
        "household",
        "pledge",
        "12",
        "--year",
        "2026",
        "--signed",
        "15/01/2026",
        "--officer",
        "Lê Văn Tâm",
        "--cultured-family",
        "yes",
        "--json",
    )
    assert r.code == 0, r.err
    assert r.json["signer_name"] == "Nguyễn Văn Đức"
    assert (r.json["status"], r.json["cultured_family"]) == ("signed", True)
    shown = village("household", "show", "12")
    assert "2026: đã ký; Ngày ký: 15/01/2026" in shown.out
    assert "Gia đình văn hóa: có" in shown.out
    again = village("household", "pledge", "12", "--year", "2026", "--signed", "20/02/2026")
    assert again.code == 3
    assert "Năm: hộ số 12 đã có bản cam kết năm 2026" in again.err
    assert _count(village, "SELECT count(*) FROM pledges") == 1
    pledge = village("household", "show", "12", "--json").json["pledges"][0]
    assert pledge["signed_on"] == "2026-01-15"


def test_pledge_violated_and_its_refusals(village: Antt) -> None:
    _household(village, "3", "--head", _person(village, "Lê Thị Mai"))
    _household(village, "4", "--head", _person(village, "Phạm Văn Hùng"))
    signed = village("household", "pledge", "3", "--year", "2026", "--signed", "15/01/2026")
    assert signed.code == 0
    pledge_id = village("household", "show", "3", "--json").json["pledges"][0]["id"]
    no_notes = village("household", "pledge-violated", pledge_id, "--notes", " ")
    assert no_notes.code == 3
    assert "Nội dung vi phạm cam kết" in no_notes.err
    r = village("household", "pledge-violated", pledge_id, "--notes", "Đánh bạc", "--json")
    assert r.code == 0, r.err
    assert (r.json["status"], r.json["violation_notes"]) == ("violated", "Đánh bạc")
    refused = village("household", "pledge", "4", "--year", "2026", "--status", "refused", "--json")
    assert refused.code == 0, refused.err
    not_signed = village("household", "pledge-violated", refused.json["id"], "--notes", "x")
    assert not_signed.code == 3
    assert "Kết quả ký cam kết" in not_signed.err
    with village.connect() as conn:
        statuses = conn.execute("SELECT status FROM pledges ORDER BY status").fetchall()
    assert [status for (status,) in statuses] == ["refused", "violated"]


def test_sign_area_counts_created_already_and_skipped(village: Antt) -> None:
    for number in ("1", "2", "3"):
        head = _person(village, f"Chủ Hộ Số {number}")
        _household(village, number, "--area", "Thôn Đồng Tâm", "--head", head)
    _household(village, "9", "--area", "Thôn Đồng Tâm")
    village("household", "pledge", "1", "--year", "2026", "--signed", "10/01/2026")
    r = village(*SIGN_AREA, "--signed", "20/01/2026", "--officer", "Lê Văn Tâm")
    assert r.code == 0, r.err
    lines = [line.split() for line in r.out.splitlines()]
    assert ["Số", "hộ", "đã", "ký", "mới", "2"] in lines
    assert ["Số", "hộ", "đã", "có", "cam", "kết", "1"] in lines
    assert "Bỏ qua do chưa có chủ hộ  1" in r.out
    assert "Các hộ bị bỏ qua (số hộ): 9" in r.out
    assert _count(village, "SELECT count(*) FROM pledges WHERE year = 2026") == 3
    again = village(*SIGN_AREA, "--signed", "21/01/2026", "--json")
    assert (again.json["created"], again.json["already_pledged"]) == (0, 3)
    assert [h["number"] for h in again.json["skipped_without_head"]] == ["9"]


def test_sign_area_refuses_a_date_outside_the_year(village: Antt) -> None:
    _household(village, "1", "--area", "Thôn Đồng Tâm", "--head", _person(village, "Lê Văn A"))
    r = village(*SIGN_AREA, "--signed", "20/12/2025")
    assert r.code == 3
    assert "Ngày ký" in r.err
    assert _count(village, "SELECT count(*) FROM pledges") == 0


def test_coverage_matches_the_records(village: Antt) -> None:
    village("area", "add", "--name", "Thôn Trung")
    for number in ("1", "2", "3"):
        _household(village, number, "--area", "Thôn Đồng Tâm")
    for number in ("4", "5"):
        _household(village, number, "--area", "Thôn Trung")
    for number in ("1", "2", "4"):
        pledge = ("household", "pledge", number, "--year", "2026", "--signed", "10/01/2026")
        assert village(*pledge, "--signer", "Đại diện hộ").code == 0
    village("household", "pledge", "3", "--year", "2026", "--status", "refused")
    pledge_4 = village("household", "show", "4", "--json").json["pledges"][0]["id"]
    village("household", "pledge-violated", pledge_4, "--notes", "Tàng trữ pháo nổ")
    r = village("household", "coverage", "--year", "2026", "--json")
    assert r.code == 0, r.err
    rows = {row["area"]: row for row in r.json}
    assert rows["Thôn Đồng Tâm"]["households"] == 3
    assert (rows["Thôn Đồng Tâm"]["pledged"], rows["Thôn Đồng Tâm"]["refused"]) == (2, 1)
    assert rows["Thôn Đồng Tâm"]["percent"] == 66.7
    # household 4 signed, then broke its pledge: it counts as signed, named apart
    assert (rows["Thôn Trung"]["violated"], rows["Thôn Trung"]["percent"]) == (1, 50.0)
    total = r.json[-1]
    assert total["is_total"] and (total["households"], total["pledged"]) == (5, 2)
    text = village("household", "coverage", "--year", "2026").out
    assert "Kết quả ký cam kết an toàn về ANTT năm 2026" in text
    assert "2/3 = 66,7%" in text
    assert "Tổng số" in text and "3/5 = 60,0%" in text
    bad = village("household", "coverage", "--year", "20x6")
    assert bad.code == 3
    assert "Năm" in bad.err


def test_unknown_household_and_english_output(village: Antt) -> None:
    missing = village("household", "show", "404")
    assert missing.code == 3
    assert "Hộ gia đình" in missing.err
    _household(village, "12", "--head", _person(village, "Nguyễn Văn Đức"))
    village("household", "poverty", "12", "--year", "2026", "--status", "poor")
    r = village("--lang", "en", "household", "show", "12")
    assert r.code == 0
    assert "Household number 12" in r.out
    assert "Household members (1):" in r.out
    assert "2026: poor" in r.out
    refused = village("--lang", "en", "household", "add", "--number", "12")
    assert refused.code == 3
    assert "Household number: household number 12 is already used in this unit" in refused.err
