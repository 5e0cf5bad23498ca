"""``antt initiative ...`` and ``antt indicator ...``: what the officer types and sees."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from antt_desktop.services.context import SYSTEM, Ctx
from antt_desktop.services.units import add_area

SCORES_98 = (
    "leadership=18",
    "propaganda=14",
    "forces=14",
    "crime=23",
    "management=17",
    "results=12",
)


def _count(antt: Any, table: str) -> int:
    with antt.connect() as conn:
        return conn.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0]


def _add_areas(antt: Any, *names: str) -> None:
    with antt.open_db("truongcong") as db, db.write() as session:
        ctx = Ctx(session, SYSTEM, date(2026, 11, 22))
        for name in names:
            add_area(ctx, name=name)


def _score_options(*scores: str) -> list[str]:
    return [word for s in scores for word in ("--score", s)]


@pytest.fixture
def camera(post) -> str:  # type: ignore[no-untyped-def]
    """A camera initiative launched 15/03/2024 with 1,5 tỷ đồng xã hội hóa and 372 cameras."""
    _add_areas(post, "Thôn Đồng Tâm", "Thôn Bắc Sơn")
    r = post(
        "initiative",
        "add",
        "--name",
        "Camera giám sát an ninh trật tự",
        "--type",
        "CAMERA",
        "--launched",
        "15/03/2024",
        "--decision-number",
        "844/QĐ-UBND",
        "--decision-date",
        "01/03/2024",
        "--members",
        "40",
        "--area",
        "thon dong tam",
        "--area",
        "Thôn Bắc Sơn",
        "--funding",
        "1.500.000.000:community:Nhân dân đóng góp",
        "--funding",
        "200.000.000:state_budget",
        "--asset",
        "Mắt camera:372",
        "--json",
    )
    assert r.code == 0, r.err
    return str(r.json["id"])


def test_add_then_show_prints_funding_assets_and_areas(post, camera) -> None:  # type: ignore[no-untyped-def]
    shown = post("initiative", "show", camera)
    assert shown.code == 0, shown.err
    assert "Camera giám sát an ninh trật tự  [" in shown.out
    assert "Xã hội hóa          1.500.000.000 ₫" in shown.out
    assert "Ngân sách nhà nước  200.000.000 ₫" in shown.out
    assert "Tổng kinh phí       1.700.000.000 ₫" in shown.out
    assert "Mắt camera  372" in shown.out
    assert "Thôn Bắc Sơn, Thôn Đồng Tâm" in shown.out
    assert "844/QĐ-UBND" in shown.out
    record = post("initiative", "show", camera, "--json").json
    assert record["funding_total"] == 1_700_000_000
    assert record["funding_by_source"] == {"community": 1_500_000_000, "state_budget": 200_000_000}
    assert record["assets"] == [{"kind": "Mắt camera", "count": 372}]
    assert record["member_count"] == 40
    assert record["latest_evaluation"] is None


def test_add_refused_names_each_field_and_writes_nothing(post) -> None:  # type: ignore[no-untyped-def]
    r = post(
        "initiative",
        "add",
        "--name",
        "Tổ liên gia an toàn PCCC",
        "--type",
        "FIRE_WATCH",
        "--launched",
        "01/01/2027",
        "--funding",
        "50.000.000:xa_hoi_hoa",
        "--asset",
        "Bình chữa cháy",
    )
    assert r.code == 3
    assert "Ngày triển khai" in r.err
    assert "Nguồn kinh phí" in r.err and "(dòng 1)" in r.err
    assert _count(post, "initiatives") == 0
    assert _count(post, "initiative_funding") == 0


def test_edit_replaces_a_repeated_list_and_empties_another(post, camera) -> None:  # type: ignore[no-untyped-def]
    r = post(
        "initiative",
        "edit",
        camera,
        "--asset",
        "Mắt camera:400",
        "--asset",
        "Màn hình giám sát:4",
        "--funding",
        "",
        "--members",
        "45",
        "--json",
    )
    assert r.code == 0, r.err
    shown = post("initiative", "show", camera, "--json").json
    assert shown["assets"] == [
        {"kind": "Mắt camera", "count": 400},
        {"kind": "Màn hình giám sát", "count": 4},
    ]
    assert shown["funding"] == [] and shown["funding_total"] == 0
    assert shown["member_count"] == 45
    assert [a["name"] for a in shown["areas"]] == ["Thôn Bắc Sơn", "Thôn Đồng Tâm"]


def test_edit_refuses_an_unknown_area_and_changes_nothing(post, camera) -> None:  # type: ignore[no-untyped-def]
    r = post("initiative", "edit", camera, "--area", "Thôn Không Có", "--members", "99")
    assert r.code == 3
    assert "Khu dân cư" in r.err and "Thôn Không Có" in r.err
    shown = post("initiative", "show", camera, "--json").json
    assert shown["member_count"] == 40
    assert len(shown["areas"]) == 2


def test_status_ended_then_list_filters(post, camera) -> None:  # type: ignore[no-untyped-def]
    refused = post("initiative", "status", camera, "--status", "ended")
    assert refused.code == 3
    assert "Ngày kết thúc" in refused.err
    assert post("initiative", "list", "--status", "ended", "--json").json == []
    r = post("initiative", "status", camera, "--status", "ended", "--ended", "30/09/2026")
    assert r.code == 0, r.err
    assert "Đã kết thúc" in r.out
    ended = post("initiative", "list", "--status", "ended", "--json").json
    assert [i["id"] for i in ended] == [camera]
    assert ended[0]["type_name"] == "Camera giám sát an ninh trật tự"
    listed = post("initiative", "list", "--type", "CAMERA")
    assert "Camera giám sát an ninh trật tự  (" in listed.out
    assert post("initiative", "list", "--status", "active", "--json").json == []
    unknown = post("initiative", "list", "--type", "NO_SUCH")
    assert unknown.code == 3 and "Loại mô hình" in unknown.err


def test_list_orders_names_as_the_window_does(post) -> None:  # type: ignore[no-untyped-def]
    for name in ("Tổ tự quản số 10", "Đội xung kích", "Tổ tự quản số 2", "Dân phòng"):
        r = post(
            "initiative",
            "add",
            "--name",
            name,
            "--type",
            "SELF_MANAGED",
            "--launched",
            "01/01/2025",
        )
        assert r.code == 0, r.err
    listed = post("initiative", "list", "--json").json
    # "Đ" after "D", numbers by value: the initiatives page's own order
    assert [i["name"] for i in listed] == [
        "Dân phòng",
        "Đội xung kích",
        "Tổ tự quản số 2",
        "Tổ tự quản số 10",
    ]


def test_types_lists_the_catalogue(post) -> None:  # type: ignore[no-untyped-def]
    r = post("initiative", "types")
    assert r.code == 0
    assert "CAMERA" in r.out and "Tái hòa nhập cộng đồng" in r.out
    codes = [t["code"] for t in post("initiative", "types", "--json").json]
    assert "BASE_SECURITY" in codes


def test_activity_shows_in_the_totals_since_launch(post, camera) -> None:  # type: ignore[no-untyped-def]
    r = post(
        "initiative",
        "activity",
        camera,
        "--date",
        "10/10/2026",
        "--kind",
        "weapon_collection",
        "--participants",
        "120",
        "--guns",
        "2",
        "--bullets",
        "35",
        "--json",
    )
    assert r.code == 0, r.err
    assert (r.json["guns"], r.json["bullets"], r.json["participants"]) == (2, 35, 120)
    post("initiative", "activity", camera, "--date", "12/10/2026", "--kind", "patrol")
    shown = post("initiative", "show", camera)
    assert "Số buổi tổ chức" in shown.out
    assert "Vận động giao nộp vũ khí, vật liệu nổ  1" in shown.out
    assert "Súng " in shown.out
    totals = post("initiative", "show", camera, "--json").json["activities"]
    assert totals["sessions"] == 2
    assert (totals["participants"], totals["guns"], totals["bullets"]) == (120, 2, 35)


def test_activity_before_launch_is_refused(post, camera) -> None:  # type: ignore[no-untyped-def]
    r = post("initiative", "activity", camera, "--date", "01/01/2024", "--kind", "meeting")
    assert r.code == 3
    assert "Ngày thực hiện" in r.err and "15/03/2024" in r.err
    assert _count(post, "activities") == 0


def test_evaluate_98_of_110_meets_the_standard(post, camera) -> None:  # type: ignore[no-untyped-def]
    r = post(
        "initiative",
        "evaluate",
        camera,
        "--date",
        "20/11/2026",
        "--rubric",
        "ANCS_2021",
        *_score_options(*SCORES_98),
        "--decision-number",
        "15/QĐ-UBND",
    )
    assert r.code == 0, r.err
    assert "98/110 — đạt chuẩn" in r.out
    shown = post("initiative", "show", camera)
    assert "98/110 — đạt chuẩn" in shown.out
    latest = post("initiative", "show", camera, "--json").json["latest_evaluation"]
    assert (latest["total"], latest["max_total"], latest["meets_standard"]) == (98, 110, True)
    low = post(
        "initiative",
        "evaluate",
        camera,
        "--date",
        "21/11/2026",
        "--rubric",
        "ANCS_2021",
        *_score_options(*(s.split("=")[0] + "=10" for s in SCORES_98)),
    )
    assert "60/110 — không đạt chuẩn" in low.out
    assert post("initiative", "show", camera, "--json").json["latest_evaluation"]["total"] == 60


def test_score_above_the_criterion_maximum_is_refused(post, camera) -> None:  # type: ignore[no-untyped-def]
    r = post(
        "initiative",
        "evaluate",
        camera,
        "--date",
        "20/11/2026",
        "--rubric",
        "ANCS_2021",
        *_score_options(*SCORES_98[:3], "crime=30", *SCORES_98[4:]),
    )
    assert r.code == 3
    assert "Điểm chấm" in r.err
    assert "Phòng ngừa, đấu tranh với tội phạm, tệ nạn" in r.err
    assert "phải từ 0 đến 25 (đã nhập 30)" in r.err
    assert _count(post, "evaluations") == 0


def test_rubric_prints_criteria_with_their_maximum(post) -> None:  # type: ignore[no-untyped-def]
    r = post("initiative", "rubric", "ANCS_2021")
    assert r.code == 0
    assert "Phòng ngừa, đấu tranh với tội phạm, tệ nạn: 25" in r.out
    assert "80/110" in r.out
    record = post("initiative", "rubric", "ANCS_2021", "--json").json
    assert record["max_total"] == 110
    assert {"code": "crime", "name": record["criteria"][3]["name"], "max": 25} in record["criteria"]
    every = post("initiative", "rubric", "--json").json
    assert [r["code"] for r in every] == ["ANCS_2021", "KDC_ANTT"]
    unknown = post("initiative", "rubric", "NO_SUCH")
    assert unknown.code == 3
    assert "Bộ tiêu chí chấm điểm" in unknown.err and "NO_SUCH" in unknown.err


def test_indicator_compare_prints_the_change_the_way_reports_do(post) -> None:  # type: ignore[no-untyped-def]
    assert (
        post("indicator", "set", "--period", "2025", "--name", "crime_tips", "--value", "7").code
        == 0
    )
    r = post(
        "indicator", "set", "--period", "2026", "--name", "crime_tips", "--value", "4", "--json"
    )
    assert r.code == 0, r.err
    assert (r.json["period"], r.json["value"]) == ("2026", 4)
    compared = post(
        "indicator", "compare", "--name", "crime_tips", "--before", "2025", "--after", "2026"
    )
    assert compared.code == 0, compared.err
    assert "Tin báo, tố giác về tội phạm (2025 → 2026): giảm 42,9% (4/7)" in compared.out
    data = post(
        "indicator",
        "compare",
        "--name",
        "crime_tips",
        "--before",
        "2025",
        "--after",
        "2026",
        "--json",
    ).json
    assert (data["direction"], data["before"]["value"], data["after"]["value"]) == ("down", 7, 4)
    listed = post("indicator", "list", "--period", "2026")
    assert "Tin báo, tố giác về tội phạm  4" in listed.out
    assert post("indicator", "list", "--period", "2026", "--json").json["values"] == {
        "crime_tips": 4
    }


def test_indicator_set_again_corrects_the_count(post) -> None:  # type: ignore[no-untyped-def]
    post("indicator", "set", "--period", "2026-Q3", "--name", "criminal_cases", "--value", "5")
    post("indicator", "set", "--period", "2026-Q3", "--name", "criminal_cases", "--value", "3")
    assert _count(post, "indicator_snapshots") == 1
    listed = post("indicator", "list", "--period", "2026-Q3", "--json").json
    assert listed["values"] == {"criminal_cases": 3}


def test_indicator_refusals_write_nothing(post) -> None:  # type: ignore[no-untyped-def]
    r = post("indicator", "set", "--period", "2027", "--name", "crime_tips", "--value", "-2")
    assert r.code == 3
    assert "Kỳ báo cáo" in r.err and "Số liệu" in r.err
    assert _count(post, "indicator_snapshots") == 0
    unknown = post("indicator", "compare", "--name", "thefts", "--before", "2025", "--after", "26")
    assert unknown.code == 3
    assert "Chỉ tiêu" in unknown.err and "'26'" in unknown.err
    missing = post(
        "indicator", "compare", "--name", "crime_tips", "--before", "2024", "--after", "2025"
    )
    assert missing.code == 3
    assert "Chưa có số liệu" in missing.err and "2024, 2025" in missing.err
    empty = post("indicator", "list", "--period", "2026")
    assert "Chưa có số liệu nào của kỳ 2026." in empty.out


def test_english_output(post, camera) -> None:  # type: ignore[no-untyped-def]
    post(
        "initiative",
        "evaluate",
        camera,
        "--date",
        "20/11/2026",
        "--rubric",
        "ANCS_2021",
        *_score_options(*SCORES_98),
    )
    shown = post("--lang", "en", "initiative", "show", camera)
    assert "Security camera network (CAMERA)" in shown.out
    assert "Community contributions  1,500,000,000 VND" in shown.out
    assert "98/110 — meets the standard" in shown.out
    refused = post(
        "--lang", "en", "initiative", "activity", camera, "--date", "x", "--kind", "patrol"
    )
    assert refused.code == 3
    assert "Date held: 'x' is not a date" in refused.err
