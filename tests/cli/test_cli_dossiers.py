"""``antt dossier ...``: open, assess, correct, close, records, and the officer's to-do list.

Today is 22/11/2026 (the ``antt`` fixture). A SUSPENDED dossier is assessed monthly, due by
the 5th of the next month; RELEASED ones quarterly, with a classification A-D.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

Antt = Callable[..., Any]


def _count(antt: Any, table: str) -> int:
    with antt.connect() as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _person(antt: Antt, name: str = "Nguyễn Văn Đức") -> str:
    r = antt("person", "add", "--name", name, "--born", "02/03/1985", "--json")
    assert r.code == 0, r.err
    return str(r.json["id"])


def _open(antt: Antt, person: str, category: str = "SUSPENDED", *extra: str) -> str:
    r = antt(
        "dossier",
        "open",
        "--person",
        person,
        "--category",
        category,
        "--opened",
        "01/08/2026",
        *extra,
        "--json",
    )
    assert r.code == 0, r.err
    return str(r.json["id"])


def _assess(antt: Antt, dossier: str, period: str = "2026-10", *extra: str) -> Any:
    return antt(
        "dossier",
        "assess",
        dossier,
        "--period",
        period,
        "--written",
        "03/11/2026",
        "--author",
        "Trần Văn Hùng",
        "--content",
        "Chấp hành nghiêm nghĩa vụ trình báo, có việc làm tại xưởng mộc.",
        "--rating",
        "Chấp hành tốt",
        *extra,
    )


def _period(show: Any, label: str) -> dict[str, Any]:
    return next(e for e in show.json["timeline"] if e["period"] == label)


@pytest.fixture
def dossier(post: Antt) -> tuple[str, str]:
    """(person id, SUSPENDED dossier id opened on 01/08/2026)."""
    person = _person(post)
    return person, _open(post, person)


def test_open_prints_the_dossier_and_its_overdue_periods(post: Antt) -> None:
    person = _person(post)
    r = post(
        "dossier",
        "open",
        "--person",
        person,
        "--category",
        "suspended",
        "--opened",
        "01/08/2026",
        "--officer",
        "Trần Văn Hùng",
        "--legal-number",
        "12/2026/HS-ST",
        "--legal-date",
        "20/07/2026",
    )
    assert r.code == 0, r.err
    assert "Đã lưu." in r.out
    assert "Nguyễn Văn Đức — Người được hưởng án treo" in r.out
    assert "Ngày dự kiến kết thúc quản lý  01/08/2028" in r.out
    assert re.search(r"Tháng 08/2026 +hạn 05/09/2026 +Quá hạn", r.out)
    shown = post("dossier", "list", "--json").json[0]
    assert (shown["person_name"], shown["category_code"]) == ("Nguyễn Văn Đức", "SUSPENDED")
    full = post("dossier", "show", shown["id"], "--json").json
    assert full["legal_doc_number"] == "12/2026/HS-ST"
    assert full["officer_name"] == "Trần Văn Hùng"
    assert full["status"] == "open"


def test_open_refused_names_the_fields_and_writes_nothing(post: Antt) -> None:
    person = _person(post)
    before = _count(post, "dossiers")
    r = post(
        "dossier", "open", "--person", person, "--category", "NO_SUCH", "--opened", "01/12/2026"
    )
    assert r.code == 3
    assert "Diện đối tượng quản lý: " in r.err
    assert "Ngày lập hồ sơ" in r.err
    assert _count(post, "dossiers") == before
    # a second open dossier in the same category is refused too
    _open(post, person)
    again = post(
        "dossier", "open", "--person", person, "--category", "SUSPENDED", "--opened", "02/08/2026"
    )
    assert again.code == 3
    assert _count(post, "dossiers") == before + 1


def test_assess_then_show_lists_the_period_as_done(post: Antt, dossier: tuple[str, str]) -> None:
    _person_id, dossier_id = dossier
    r = _assess(post, dossier_id, "2026-10", "--stable-work", "có", "--on-time", "yes")
    assert r.code == 0, r.err
    assert "Đã lưu." in r.out
    assert "03/11/2026, Trần Văn Hùng — Chấp hành tốt" in r.out
    show = post("dossier", "show", dossier_id, "--json")
    entry = _period(show, "2026-10")
    assert entry["status"] == "done"
    assert entry["assessment"]["rating"] == "Chấp hành tốt"
    assert entry["assessment"]["has_stable_work"] is True
    assert entry["assessment"]["reported_on_time"] is True
    assert _period(show, "2026-09")["status"] == "overdue"
    text = post("dossier", "show", dossier_id).out
    assert re.search(r"Tháng 10/2026 +hạn 05/11/2026 +Đã nhận xét", text)
    assert "có việc làm tại xưởng mộc" in text


def test_second_assessment_of_a_period_is_refused(post: Antt, dossier: tuple[str, str]) -> None:
    _person_id, dossier_id = dossier
    assert _assess(post, dossier_id).code == 0
    before = _count(post, "assessments")
    r = _assess(post, dossier_id)
    assert r.code == 3
    assert "Kỳ báo cáo: kỳ tháng 10/2026 đã có bản nhận xét, đánh giá" in r.err
    assert _count(post, "assessments") == before


def test_assess_refuses_a_bad_yes_no_as_usage(post: Antt, dossier: tuple[str, str]) -> None:
    assert _assess(post, dossier[1], "2026-10", "--complied", "maybe").code == 2
    assert _count(post, "assessments") == 0


def test_correct_keeps_the_history(post: Antt, dossier: tuple[str, str]) -> None:
    _person_id, dossier_id = dossier
    first = _assess(post, dossier_id, "2026-10", "--json").json["id"]
    r = post("dossier", "correct", first, "--content", "Đã sửa: chấp hành tốt, chưa có việc làm.")
    assert r.code == 0, r.err
    assert f"Thay thế bản {first}" in r.out
    show = post("dossier", "show", dossier_id, "--json")
    entry = _period(show, "2026-10")
    assert entry["assessment"]["content"] == "Đã sửa: chấp hành tốt, chưa có việc làm."
    assert entry["assessment"]["supersedes_id"] == first
    assert entry["assessment"]["author"] == "Trần Văn Hùng"  # not given: kept
    assert [a["id"] for a in entry["history"]] == [first]
    text = post("dossier", "show", dossier_id).out
    assert "Bản trước (đã được sửa):" in text
    assert "có việc làm tại xưởng mộc" in text and "chưa có việc làm" in text
    # the old version cannot be corrected again; nothing is written
    before = _count(post, "assessments")
    again = post("dossier", "correct", first, "--rating", "Chưa tốt")
    assert again.code == 3
    assert "Bản nhận xét, đánh giá: bản nhận xét, đánh giá này đã được sửa" in again.err
    assert _count(post, "assessments") == before


def test_due_lists_the_overdue_periods(post: Antt, dossier: tuple[str, str]) -> None:
    _person_id, dossier_id = dossier
    _assess(post, dossier_id, "2026-10")
    r = post("dossier", "due", "--json")
    assert r.code == 0, r.err
    mine = [(i["period"], i["status"], i["due_on"]) for i in r.json]
    assert mine == [("2026-08", "overdue", "2026-09-05"), ("2026-09", "overdue", "2026-10-05")]
    assert post("dossier", "due", "--overdue-only", "--json").json == r.json
    text = post("dossier", "due").out
    assert "tính đến ngày 22/11/2026: 2 (quá hạn 2)" in text
    assert (
        "05/09/2026  Quá hạn    Tháng 08/2026  Nguyễn Văn Đức  —  Người được hưởng án treo" in text
    )
    _assess(post, dossier_id, "2026-08")
    assert [i["period"] for i in post("dossier", "due", "--json").json] == ["2026-09"]


def test_close_then_assess_is_refused(post: Antt, dossier: tuple[str, str]) -> None:
    _person_id, dossier_id = dossier
    refused = post("dossier", "close", dossier_id, "--closed", "20/11/2026", "--reason", "other")
    assert refused.code == 3
    assert "Ghi chú khi kết thúc hồ sơ" in refused.err
    assert post("dossier", "show", dossier_id, "--json").json["status"] == "open"
    r = post("dossier", "close", dossier_id, "--closed", "20/11/2026", "--reason", "term_completed")
    assert r.code == 0, r.err
    assert "Đã kết thúc" in r.out and "Hết thời hạn quản lý" in r.out
    before = _count(post, "assessments")
    late = _assess(post, dossier_id, "2026-10")
    assert late.code == 3
    assert "Hồ sơ quản lý: chỉ lập nhận xét, đánh giá cho hồ sơ đang quản lý" in late.err
    assert _count(post, "assessments") == before
    assert post("dossier", "due", "--json").json == []


def test_edit_and_classify(post: Antt) -> None:
    dossier_id = _open(post, _person(post), "RELEASED")
    r = post("dossier", "edit", dossier_id, "--officer", "Lê Văn Nam", "--helper", "Hội Phụ nữ")
    assert r.code == 0, r.err
    assert "Cán bộ phụ trách" in r.out and "Lê Văn Nam" in r.out
    bad = post("dossier", "edit", dossier_id, "--planned-end", "01/01/2026")
    assert bad.code == 3
    assert "Ngày dự kiến kết thúc quản lý" in bad.err
    c = post("dossier", "classify", dossier_id, "--classification", "b", "--json")
    assert c.code == 0, c.err
    shown = post("dossier", "show", dossier_id, "--json").json
    assert (shown["classification"], shown["officer_name"]) == ("B", "Lê Văn Nam")
    assert shown["planned_end"] == "2029-08-01"
    wrong = post("dossier", "classify", dossier_id, "--classification", "E")
    assert wrong.code == 3 and "Xếp loại" in wrong.err
    assert post("dossier", "show", dossier_id, "--json").json["classification"] == "B"


def test_commitment_support_and_violation_show_on_the_dossier(
    post: Antt, dossier: tuple[str, str]
) -> None:
    person, dossier_id = dossier
    c = post(
        "dossier",
        "commit",
        dossier_id,
        "--signed",
        "02/08/2026",
        "--text",
        "Cam kết chấp hành",
        "--form",
        "hcd-05",
        "--json",
    )
    assert c.code == 0, c.err
    assert c.json["form_code"] == "HCD-05"
    s = post(
        "dossier",
        "support",
        dossier_id,
        "--kind",
        "job",
        "--given",
        "15/08/2026",
        "--amount",
        "15.000.000",
        "--provider",
        "Xưởng mộc Phú Lương",
    )
    assert s.code == 0, s.err
    assert "Giới thiệu việc làm, 15.000.000 ₫, Xưởng mộc Phú Lương" in s.out
    v = post(
        "dossier",
        "violation",
        "--person",
        person,
        "--dossier",
        dossier_id,
        "--date",
        "10/09/2026",
        "--kind",
        "administrative",
        "--description",
        "Gây rối trật tự công cộng",
        "--reoffence",
        "--json",
    )
    assert v.code == 0, v.err
    assert v.json["is_reoffence"] is True
    show = post("dossier", "show", dossier_id, "--json").json
    assert [x["id"] for x in show["commitments"]] == [c.json["id"]]
    assert show["supports"][0]["amount_vnd"] == 15_000_000
    assert show["violations"][0]["description"] == "Gây rối trật tự công cộng"
    text = post("dossier", "show", dossier_id).out
    assert "Bản cam kết" in text and "Giúp đỡ, hỗ trợ" in text and "Vi phạm pháp luật" in text


def test_records_refused_write_nothing(post: Antt, dossier: tuple[str, str]) -> None:
    person, dossier_id = dossier
    c = post("dossier", "commit", dossier_id, "--signed", "01/01/2027", "--text", "x")
    assert c.code == 3 and "Ngày ký" in c.err
    s = post("dossier", "support", dossier_id, "--kind", "house", "--given", "01/07/2026")
    assert s.code == 3 and "Loại" in s.err and "Ngày hỗ trợ" in s.err
    v = post(
        "dossier",
        "violation",
        "--person",
        person,
        "--date",
        "10/09/2026",
        "--kind",
        "criminal",
        "--description",
        "Trộm cắp tài sản",
        "--dangerous",
    )
    assert v.code == 3 and "Tái phạm nguy hiểm" in v.err
    for table in ("commitments", "supports", "violations"):
        assert _count(post, table) == 0


def test_list_in_vietnamese_name_order_with_filters(post: Antt) -> None:
    names = ("Trần Văn Bình", "Lê Văn Ánh", "Nguyễn Thị An")
    ids = {name: _open(post, _person(post, name)) for name in names}
    released = _open(post, _person(post, "Phạm Văn Cường"), "RELEASED")
    r = post("dossier", "list", "--category", "suspended", "--json")
    assert [row["person_name"] for row in r.json] == [
        "Nguyễn Thị An",
        "Lê Văn Ánh",
        "Trần Văn Bình",
    ]
    post("dossier", "close", ids["Lê Văn Ánh"], "--closed", "01/11/2026", "--reason", "deceased")
    open_now = post("dossier", "list", "--status", "open", "--json").json
    assert {row["id"] for row in open_now} == {ids["Nguyễn Thị An"], ids["Trần Văn Bình"], released}
    text = post("dossier", "list").out
    assert "  Lê Văn Ánh  —  Người được hưởng án treo  01/08/2026  Đã kết thúc" in text
    unknown = post("dossier", "list", "--category", "NOPE")
    assert unknown.code == 3 and "Diện đối tượng quản lý" in unknown.err


def test_categories_with_their_cadence(post: Antt) -> None:
    r = post("dossier", "categories", "--json")
    assert r.code == 0
    by_code = {c["code"]: c for c in r.json}
    assert by_code["SUSPENDED"]["cadence"] == "monthly"
    assert by_code["RELEASED"]["uses_classification"] is True
    text = post("dossier", "categories").out
    assert "SUSPENDED  Người được hưởng án treo" in text
    assert "nhận xét, đánh giá hằng tháng; hạn chậm nhất ngày 5 của tháng kế tiếp" in text


def test_in_english(post: Antt, dossier: tuple[str, str]) -> None:
    _person_id, dossier_id = dossier
    _assess(post, dossier_id)
    r = _assess(post, dossier_id, "2026-10", "--lang", "en")
    assert r.code == 3
    assert "Period: month 10/2026 already has an assessment" in r.err
    shown = post("dossier", "show", dossier_id, "--lang", "en").out
    assert "Assessments by period" in shown and "Overdue" in shown
