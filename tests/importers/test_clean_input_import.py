"""Control characters and bidi marks anywhere in a cell, however long, refuse that row with
the column named; the other rows are imported."""

from __future__ import annotations

from sqlalchemy import select

from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.importers import import_file
from antt_desktop.store.models import Household, Person
from tests.conftest import OFFICER, TODAY

HEADERS = ["Họ và tên", "Ngày sinh", "Nghề nghiệp", "Ghi chú"]


def _names(db, model=Person, column="full_name"):
    with db.read() as s:
        return sorted(getattr(p, column) for p in s.execute(select(model)).scalars())


def test_a_control_character_deep_in_a_long_cell_refuses_its_row(db, make_csv, counts):
    clean_rows = [[f"Người Số {i}", "1980", "Làm ruộng", "x" * 300] for i in range(20)]
    hidden = "a" * 4_500 + "\x1b[2J" + "b" * 10  # past the first 4,096 characters
    path = make_csv(
        HEADERS,
        [
            *clean_rows,
            ["Lê Văn Ẩn", "1981", "Buôn bán", hidden],
            ["Lê\u202eVăn Đảo", "1982", "Buôn bán", ""],
            ["Lê Văn Chuông", "1983", "Thợ\x07 may", ""],
        ],
    )
    report = import_file(db, path, kind="persons", actor=OFFICER, today=TODAY, dry_run=False)
    refused = {r.line: [(p.field, p.code) for p in r.problems] for r in report.refused}
    assert refused == {
        22: [("notes", "text.control")],
        23: [("full_name", "text.control")],
        24: [("occupation", "text.control")],
    }
    messages = [describe(p, Translator("vi")) for r in report.refused for p in r.problems]
    assert messages[0].startswith("Ghi chú: có ký tự điều khiển không hợp lệ (vị trí 4501,")
    assert len(_names(db)) == 20  # the clean rows, nothing of the refused ones


def test_an_oversized_note_refuses_its_row(db, make_xlsx):
    path = make_xlsx(HEADERS, [["Lê Văn Dài", "1980", "", "x" * 20_001], ["Lê An", "1980"]])
    report = import_file(db, path, kind="persons", actor=OFFICER, today=TODAY, dry_run=False)
    assert [[(p.field, p.code) for p in r.problems] for r in report.refused] == [
        [("notes", "too_long")]
    ]
    assert _names(db) == ["Lê An"]


def test_a_household_list_refuses_a_bell_in_the_address(db, make_csv):
    path = make_csv(
        ["Số hộ", "Chủ hộ", "Ngày sinh chủ hộ", "Địa chỉ"],
        [["1", "Lê An", "1970", "Số 4\x07"], ["2", "Lê Bình", "1971", "Số 5"]],
        delimiter=";",
    )
    report = import_file(db, path, kind="households", actor=OFFICER, today=TODAY, dry_run=False)
    fields = [p.field for r in report.refused for p in r.problems]
    assert fields == ["household_address"]
    assert _names(db, Household, "number") == ["2"]


def test_the_refused_rows_workbook_holds_formulas_and_controls_as_plain_text(
    db, make_csv, tmp_path
):
    from openpyxl import load_workbook

    from antt_desktop.importers import save_refused

    path = make_csv(
        HEADERS,
        [['=HYPERLINK("http://x.example","Bấm")', "1980", "Thợ\x07 may", "-5"]],
        delimiter=";",
    )
    report = import_file(db, path, kind="persons", actor=OFFICER, today=TODAY, dry_run=False)
    assert len(report.refused) == 1
    saved = save_refused(report, tmp_path / "loi.xlsx", Translator("vi"))
    sheet = load_workbook(saved).active
    name, _born, job, notes, errors = (sheet.cell(row=2, column=i) for i in range(1, 6))
    assert (name.value, name.data_type, name.quotePrefix) == (
        '=HYPERLINK("http://x.example","Bấm")',
        "s",
        True,
    )
    assert job.value == "Thợ\ufffd may"  # a workbook cannot hold the bell; its place is shown
    assert (notes.value, notes.quotePrefix) == ("-5", False)
    assert "Nghề nghiệp: có ký tự điều khiển không hợp lệ (vị trí 4, U+0007)" in errors.value
