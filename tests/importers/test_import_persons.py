"""Importing residents from .xlsx and .csv lists: what gets saved, refused and reported."""

from __future__ import annotations

import json
import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.i18n.translator import Translator
from antt_desktop.importers import ImportCancelled, import_file, persons, reading, save_refused
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import AuditEntry, Person
from tests.conftest import OFFICER, TODAY
from tests.importers.conftest import cccd

HEADERS = [
    "STT",
    "Họ và tên",
    "Ngày sinh",
    "Giới tính",
    "Số định danh",
    "Dân tộc",
    "Tôn giáo",
    "Thôn",
    "Địa chỉ",
    "Nghề nghiệp",
    "Số điện thoại",
    "Ghi chú",
    "Cột lạ",
]


def run(db, path, *, dry_run=False, kind="persons"):
    return import_file(db, path, kind=kind, actor=OFFICER, today=TODAY, dry_run=dry_run)


def people(db) -> dict[str, Person]:
    with db.read() as session:
        return {p.full_name: p for p in session.execute(select(Person)).scalars()}


def refusals(report):
    return [(r.line, [(p.field, p.code) for p in r.problems]) for r in report.refused]


def test_a_vietnamese_list_is_imported_column_by_column(db, make_xlsx, areas, counts):
    path = make_xlsx(
        HEADERS,
        [
            [
                1,
                "Nguyễn Văn An",
                datetime(1985, 3, 15),
                "Nam",
                cccd(1985),
                "Kinh",
                "Không",
                "thôn đông",
                "Số 5 ngõ 12",
                "Làm ruộng",
                "0912345678",
                "Hộ nghèo",
                "x",
            ],
            [
                2,
                "Trần Thị Bình",
                1990,
                "Nữ",
                cccd(1990, "F", 2),
                "02",
                "Phật giáo",
                "TỔ DÂN PHỐ SỐ 3",
                None,
                None,
                None,
                None,
                None,
            ],
        ],
    )

    report = run(db, path)

    assert (report.total, report.imported, report.refused, report.duplicates) == (2, 2, [], [])
    assert report.ignored_columns == ("STT", "Cột lạ")
    saved = people(db)
    an, binh = saved["Nguyễn Văn An"], saved["Trần Thị Bình"]
    assert (an.born, an.sex, an.id_number, an.ethnic_code, an.religion_code) == (
        "1985-03-15",
        "M",
        cccd(1985),
        "01",
        "00",
    )
    assert (an.current_area_id, an.current_address, an.occupation, an.phone, an.notes) == (
        areas.dong,
        "Số 5 ngõ 12",
        "Làm ruộng",
        "0912345678",
        "Hộ nghèo",
    )
    assert (binh.born, binh.sex, binh.ethnic_code, binh.religion_code, binh.current_area_id) == (
        "1990",
        "F",
        "02",
        "01",
        areas.to3,
    )
    assert sorted(report.imported_ids) == sorted([an.id, binh.id])


@pytest.mark.parametrize(
    "headers",
    [
        ["HO VA TEN", "NGAY SINH", "GIOI TINH", "SO CCCD"],
        ["Họ tên (*)", "Năm sinh", "Nam/Nữ", "Căn cước công dân"],
        ["Full name", "Date of birth", "Sex", "ID number"],
        ["  họ và TÊN ", "Ngày sinh (dd/mm/yyyy)", "giới tính", "Số định danh cá nhân"],
    ],
)
def test_headers_are_recognised_in_vietnamese_without_accents_or_in_english(db, make_xlsx, headers):
    path = make_xlsx(headers, [["Lê Văn Cường", "02/09/1975", "M", cccd(1975, serial=7)]])

    report = run(db, path)

    assert (report.imported, report.ignored_columns, report.refused) == (1, (), [])
    person = people(db)["Lê Văn Cường"]
    assert (person.born, person.sex, person.id_number) == ("1975-09-02", "M", cccd(1975, serial=7))


def test_id_numbers_excel_turned_into_numbers_get_their_zeros_back(db, make_xlsx):
    hanoi, hcm = cccd(1985, serial=1), cccd(1986, serial=2, province="079")
    path = make_xlsx(
        ["Họ và tên", "Ngày sinh", "Số CCCD"],
        [
            ["Người Hà Nội", 1985, int(hanoi)],  # 1085000001: 10 digits left
            ["Người Sài Gòn", 1986, int(hcm)],  # 79086000002: 11 digits left
            ["Người Thanh Hóa", 1987, float(cccd(1987, serial=3, province="038"))],
        ],
    )

    report = run(db, path)

    assert (report.imported, report.refused) == (3, [])
    saved = people(db)
    assert saved["Người Hà Nội"].id_number == hanoi
    assert saved["Người Sài Gòn"].id_number == hcm
    assert saved["Người Thanh Hóa"].id_number == "038087000003"


def test_birth_dates_may_be_excel_dates_years_or_text(db, make_xlsx):
    path = make_xlsx(
        ["Họ và tên", "Ngày sinh"],
        [
            ["Ngày Excel", datetime(1979, 12, 1)],
            ["Năm số", 1960],
            ["Năm số thực", 1961.0],
            ["Năm chữ", "1962"],
            ["Tháng năm", "3/1963"],
            ["Ngày chữ", "5/4/1964"],
            ["Ngày ISO", "1965-06-07"],
        ],
    )

    run(db, path)

    born = {name: p.born for name, p in people(db).items()}
    assert born == {
        "Ngày Excel": "1979-12-01",
        "Năm số": "1960",
        "Năm số thực": "1961",
        "Năm chữ": "1962",
        "Tháng năm": "1963-03",
        "Ngày chữ": "1964-04-05",
        "Ngày ISO": "1965-06-07",
    }


def test_a_dry_run_writes_nothing_but_reports_what_the_import_does(db, make_xlsx, counts):
    path = make_xlsx(
        ["Họ và tên", "Ngày sinh", "Số định danh"],
        [
            ["Phạm Văn Dũng", "1980", cccd(1980, serial=1)],
            ["Phạm Văn Dũng", "1980", None],
            ["Không hợp lệ", "31/02/1990", None],
            ["Trùng số", "1980", cccd(1980, serial=1)],
        ],
    )
    before = counts()

    trial = run(db, path, dry_run=True)

    assert counts() == before
    real = run(db, path)
    assert trial.dry_run and not real.dry_run
    for name in ("total", "imported", "duplicates", "refused", "warnings", "ignored_columns"):
        assert getattr(trial, name) == getattr(real, name), name
    assert (real.total, real.imported, len(real.refused)) == (4, 2, 2)
    assert counts().persons == before.persons + 2
    assert "chưa ghi dữ liệu" in trial.render(Translator("vi"))


def test_the_same_id_number_twice_in_the_file_refuses_the_second_row(db, make_csv):
    number = cccd(1970, serial=5)
    path = make_csv(
        ["Họ và tên", "Năm sinh", "Số định danh"],
        [["Hoàng Văn Em", 1970, number], ["Hoàng Văn Em", 1970, number]],
    )

    report = run(db, path)

    assert report.imported == 1
    assert refusals(report) == [(3, [("id_number", "import.duplicate_in_file")])]
    assert report.refused[0].problems[0].params == {"value": number, "line": 2}
    assert [p.id_number for p in people(db).values()] == [number]


def test_someone_already_registered_is_reported_as_a_duplicate_not_added_again(
    db, write, make_xlsx, counts
):
    number = cccd(1968, "F", 9)
    with write() as ctx:
        existing = add_person(
            ctx, PersonInput(full_name="Đỗ Thị Gấm", born="1968", sex="F", id_number=number)
        ).person
    before = counts()
    path = make_xlsx(
        ["Họ và tên", "Năm sinh", "Số định danh"],
        [["Đỗ Thị Gấm", 1968, int(number)], ["Người Mới", 1990, None]],
    )

    report = run(db, path)

    assert (report.imported, report.refused) == (1, [])
    assert [(d.line, d.value, d.existing_id, d.existing_name) for d in report.duplicates] == [
        (2, number, existing.id, "Đỗ Thị Gấm")
    ]
    assert counts().persons == before.persons + 1
    assert "dòng 2: Số định danh cá nhân: " + number + " đã được đăng ký cho Đỗ Thị Gấm" in (
        report.render(Translator("vi"))
    )


def test_refused_rows_give_their_line_the_field_and_the_reason_in_vietnamese(
    db, make_xlsx, areas, counts
):
    before = counts()
    path = make_xlsx(
        ["Họ và tên", "Ngày sinh", "Giới tính", "Số định danh", "Dân tộc", "Thôn"],
        [
            ["Hợp Lệ", "01/01/1990", "Nam", None, "Kinh", "Thôn Đông"],
            ["Sai Số", "01/01/1990", "Nam", "0010900001", None, None],
            ["Sinh Sau", "01/01/2030", None, None, None, None],
            ["Giới Lạ", None, "Khác", None, None, None],
            ["Thôn Lạ", None, None, None, "Ngoài danh mục", "Thôn Tây"],
            [None, "1990", None, None, None, None],
        ],
        title="DANH SÁCH NHÂN KHẨU THÔN ĐÔNG",
    )  # the header is on line 2

    report = run(db, path)

    assert report.imported == 1 and counts().persons == before.persons + 1
    assert refusals(report) == [
        (4, [("id_number", "id_number.length")]),
        (5, [("born", "date.future")]),
        (6, [("sex", "import.sex_unknown")]),
        (7, [("ethnic_code", "catalogue.unknown"), ("area", "area.unknown")]),
        (8, [("full_name", "required")]),
    ]
    text = report.render(Translator("vi")).splitlines()
    assert "  dòng 4: Số định danh cá nhân: phải có đúng 12 chữ số (đã nhập 10)" in text
    assert "  dòng 6: Giới tính: 'Khác' không phải là giới tính; hãy ghi Nam hoặc Nữ" in text
    assert "  dòng 8: Họ và tên: không được để trống" in text
    english = report.render(Translator("en")).splitlines()
    assert "  line 4: Personal ID number: must have exactly 12 digits (entered 10)" in english


def test_refused_rows_saved_to_a_workbook_can_be_fixed_and_imported_again(db, make_xlsx, tmp_path):
    path = make_xlsx(
        ["STT", "Họ và tên", "Ngày sinh", "Số định danh"],
        [
            [1, "Đúng Rồi", datetime(1990, 1, 2), cccd(1990, serial=1)],
            [2, "Cần Sửa", datetime(1991, 3, 4), "0010910002"],
        ],
    )
    first = run(db, path)

    out = save_refused(first, tmp_path / "loi.xlsx")

    sheet = load_workbook(out).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows == [
        ("STT", "Họ và tên", "Ngày sinh", "Số định danh", "Lỗi"),
        (
            2,
            "Cần Sửa",
            datetime(1991, 3, 4),
            "0010910002",
            "Số định danh cá nhân: phải có đúng 12 chữ số (đã nhập 10)",
        ),
    ]
    sheet.cell(2, 4).value = cccd(1991, serial=2)
    sheet.parent.save(out)

    second = run(db, out)

    assert (second.imported, second.refused, second.ignored_columns) == (1, [], ("STT",))
    assert people(db)["Cần Sửa"].id_number == cccd(1991, serial=2)


def test_text_that_looks_like_a_formula_is_saved_back_as_text(db, make_csv, tmp_path):
    path = make_csv(["Họ và tên", "Ngày sinh"], [['=HYPERLINK("http://x")', "31/02/1990"]])
    report = run(db, path)

    out = save_refused(report, tmp_path / "loi.xlsx", Translator("en"))

    sheet = load_workbook(out).active
    assert [c.value for c in sheet[1]] == ["Họ và tên", "Ngày sinh", "Errors"]
    assert sheet.cell(2, 1).value == '=HYPERLINK("http://x")'
    assert sheet.cell(2, 1).data_type == "s"


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("cp1258", ";"), ("utf-8-sig", ","), ("utf-8-sig", ";"), ("utf-8", ",")],
)
def test_csv_lists_in_windows_1258_or_utf8_with_bom_are_read(db, make_csv, encoding, delimiter):
    path = make_csv(
        ["Họ và tên", "Ngày sinh", "Giới tính", "Địa chỉ"],
        [["Nguyễn Thị Thủy Tiên", "15/03/1985", "Nữ", "Xóm Đồi, thôn Ngọc Hà"]],
        encoding=encoding,
        delimiter=delimiter,
    )

    report = run(db, path)

    assert (report.imported, report.ignored_columns) == (1, ())
    person = people(db)["Nguyễn Thị Thủy Tiên"]
    assert (person.born, person.sex, person.current_address) == (
        "1985-03-15",
        "F",
        "Xóm Đồi, thôn Ngọc Hà",
    )


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.truncate(size)
    return path


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("big.xlsx", lambda p: _sparse(p, 21 * 1024 * 1024), "import.file_too_large"),
        ("junk.xlsx", lambda p: p.write_bytes(b"\x00\x01garbage" * 100), "import.not_xlsx"),
        (
            "not-a-book.xlsx",
            lambda p: zipfile.ZipFile(p, "w").writestr("a.txt", "x"),
            "import.not_xlsx",
        ),
        ("junk.csv", lambda p: p.write_bytes(bytes(range(256)) * 4), "import.not_csv"),
        ("old.xls", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0"), "import.file_type"),
        ("empty.csv", lambda p: p.write_bytes(b"\r\n\r\n"), "import.empty"),
    ],
)
def test_hostile_or_broken_files_are_refused_whole_and_nothing_is_written(
    db, tmp_path, counts, name, content, code
):
    path = tmp_path / name
    content(path)
    before = counts()

    with pytest.raises(ValidationFailed) as refused:
        run(db, path)

    assert [(p.field, p.code) for p in refused.value.problems] == [("file", code)]
    assert counts() == before


def test_a_workbook_renamed_to_csv_is_refused(db, make_xlsx, counts):
    book = make_xlsx(["Họ và tên"], [["Ai Đó"]])
    before = counts()

    with pytest.raises(ValidationFailed) as refused:
        run(db, book.rename(book.with_suffix(".csv")))

    assert refused.value.problems == [Problem("file", "import.not_csv")]
    assert counts() == before


def test_too_many_rows_are_refused(db, make_csv, counts, monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    path = make_csv(["Họ và tên"], [[f"Người {i}"] for i in range(4)])
    before = counts()

    with pytest.raises(ValidationFailed) as refused:
        run(db, path)

    assert refused.value.problems == [Problem("file", "import.too_many_rows", {"max": 3})]
    assert counts() == before


def test_a_list_without_a_full_name_column_is_refused(db, make_xlsx, counts):
    path = make_xlsx(["Tên", "Ngày sinh"], [["An", "1990"]])
    before = counts()

    with pytest.raises(ValidationFailed) as refused:
        run(db, path)

    assert refused.value.problems == [Problem("file", "import.missing_column.full_name")]
    assert counts() == before


def test_formulas_are_never_evaluated(db, make_xlsx):
    path = make_xlsx(["Họ và tên", "Năm sinh"], [['=CONCAT("Lê ","Văn")', 1990]])

    report = run(db, path)

    assert (report.imported, refusals(report)) == (0, [(2, [("full_name", "required")])])


def test_a_household_number_links_the_person_to_that_household(db, write, make_xlsx, counts):
    with write() as ctx:
        head = add_person(ctx, PersonInput(full_name="Chủ Hộ Một", born="1960")).person
        household = add_household(ctx, HouseholdInput(number="HK-01", head_person_id=head.id))
    path = make_xlsx(
        ["Họ và tên", "Năm sinh", "Số hộ", "Quan hệ với chủ hộ"],
        [
            ["Con Một", 1990, "HK-01", "Con"],
            ["Không Có Hộ", 1991, "HK-99", "Con"],
            ["Thiếu Số Hộ", 1992, None, "Vợ"],
            ["Xưng Chủ Hộ", 1993, "HK-01", "Chủ hộ"],
            ["Thiếu Quan Hệ", 1994, "HK-01", None],
        ],
    )
    before = counts()

    report = run(db, path)

    assert refusals(report) == [
        (3, [("household_number", "household.unknown")]),
        (4, [("household_number", "import.household_for_relation")]),
        (5, [("relation_to_head", "household.relation_is_head")]),
        (6, [("relation_to_head", "required")]),
    ]
    child = people(db)["Con Một"]
    assert (child.household_id, child.relation_to_head) == (household.id, "Con")
    assert counts().persons == before.persons + 1


def test_a_refusal_while_writing_undoes_that_row_only(db, write, make_xlsx, counts, monkeypatch):
    with write() as ctx:
        head = add_person(ctx, PersonInput(full_name="Chủ Hộ Hai")).person
        add_household(ctx, HouseholdInput(number="HK-02", head_person_id=head.id))

    def refuse_member(*_args, **_kwargs):
        raise ValidationFailed.single(
            "member_id", "household.member_elsewhere", name="X", number="HK-09"
        )

    monkeypatch.setattr(persons, "add_member", refuse_member)
    path = make_xlsx(
        ["Họ và tên", "Số hộ", "Quan hệ"], [["Vào Hộ", "HK-02", "Con"], ["Ở Riêng", None, None]]
    )
    before = counts()

    report = run(db, path)

    assert refusals(report) == [(2, [("full_name", "household.member_elsewhere")])]
    assert report.imported == 1
    assert set(people(db)) == {"Chủ Hộ Hai", "Ở Riêng"}
    assert counts().persons == before.persons + 1


def test_an_unexpected_error_writes_nothing_at_all(db, make_xlsx, counts, monkeypatch):
    calls = []

    def fail_on_second(ctx, data, **kwargs):
        calls.append(data.full_name)
        if len(calls) == 2:
            raise RuntimeError("disk gone")
        return add_person(ctx, data, **kwargs)

    monkeypatch.setattr(persons, "add_person", fail_on_second)
    path = make_xlsx(["Họ và tên"], [["Một"], ["Hai"], ["Ba"]])
    before = counts()

    with pytest.raises(RuntimeError):
        run(db, path)

    assert counts() == before


def test_progress_counts_the_rows_and_stopping_keeps_nothing(db, make_xlsx, counts):
    path = make_xlsx(["Họ và tên"], [["Một"], ["Hai"], ["Ba"]])
    seen: list[tuple[int, int]] = []

    def stop_after_two(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    before = counts()
    with pytest.raises(ImportCancelled):
        import_file(
            db,
            path,
            kind="persons",
            actor=OFFICER,
            today=TODAY,
            dry_run=False,
            progress=stop_after_two,
        )
    assert seen == [(0, 3), (1, 3), (2, 3)]
    assert counts() == before

    report = import_file(
        db,
        path,
        kind="persons",
        actor=OFFICER,
        today=TODAY,
        dry_run=False,
        progress=lambda done, total: True,
    )
    assert report.imported == 3
    assert sorted(people(db)) == ["Ba", "Hai", "Một"]


def test_same_name_and_birth_date_is_a_warning_not_a_refusal(db, write, make_xlsx):
    with write() as ctx:
        twin = add_person(ctx, PersonInput(full_name="Vũ Văn Hải", born="20/10/1975")).person
    path = make_xlsx(
        ["Họ và tên", "Ngày sinh"],
        [
            ["VŨ VĂN HẢI", datetime(1975, 10, 20)],
            ["Bùi Thị Lan", "1980"],
            ["Bùi Thị Lan", "1980"],
        ],
    )

    report = run(db, path)

    assert (report.imported, report.refused) == (3, [])
    assert [(w.line, w.problem.code) for w in report.warnings] == [
        (2, "person.possible_duplicate"),
        (4, "import.possible_duplicate_in_file"),
    ]
    assert report.warnings[0].problem.params["id"] == twin.id
    assert "Cần kiểm tra:" in report.render(Translator("vi"))


def test_an_import_leaves_one_audit_entry_with_its_counts(db, make_xlsx):
    path = make_xlsx(["Họ và tên", "Ngày sinh"], [["Một", "1990"], ["Hai", "31/02/1990"]])

    run(db, path)

    with db.read() as session:
        entries = (
            session.execute(select(AuditEntry).where(AuditEntry.action == "import")).scalars().all()
        )
    assert len(entries) == 1
    assert (entries[0].entity, entries[0].actor) == ("persons", OFFICER.username)
    assert json.loads(entries[0].detail or "") == {
        "file": "list.xlsx",
        "total": 2,
        "imported": 1,
        "duplicates": 0,
        "refused": 1,
    }


def test_dates_in_the_future_are_judged_against_the_given_day(db, make_xlsx):
    path = make_xlsx(["Họ và tên", "Ngày sinh"], [["Sinh Năm Sau", "2027"]])

    report = import_file(
        db, path, kind="persons", actor=OFFICER, today=date(2027, 1, 1), dry_run=True
    )

    assert (report.imported, report.refused) == (1, [])


def test_a_workbook_that_unpacks_too_big_is_refused(db, make_xlsx, counts, monkeypatch):
    path = make_xlsx(["Họ và tên"], [["Ai Đó"] for _ in range(50)])
    monkeypatch.setattr(reading, "MAX_UNPACKED", 2_000)
    before = counts()

    with pytest.raises(ValidationFailed) as refused:
        run(db, path)

    assert refused.value.problems == [Problem("file", "import.unpacks_too_large", {"max": 400})]
    assert counts() == before


def test_the_sheet_the_officer_left_open_is_the_one_imported(db, tmp_path):
    workbook = Workbook()
    notes = workbook.active
    notes.title = "Ghi chú"
    notes.append(["Họ và tên"])
    notes.append(["Không Phải Danh Sách"])
    people_sheet = workbook.create_sheet("Nhân khẩu")
    people_sheet.append(["Họ và tên"])
    people_sheet.append(["Người Trong Danh Sách"])
    workbook.active = people_sheet
    workbook.save(tmp_path / "two.xlsx")

    run(db, tmp_path / "two.xlsx")

    assert set(people(db)) == {"Người Trong Danh Sách"}


def test_the_report_as_data_for_json_output(db, make_xlsx):
    path = make_xlsx(["Họ và tên", "Ngày sinh", "Tuổi"], [["Một", "1990", 36], ["Hai", "x"]])

    data = run(db, path, dry_run=True).to_dict(Translator("en"))

    assert {k: data[k] for k in ("kind", "dry_run", "total", "imported", "ignored_columns")} == {
        "kind": "persons",
        "dry_run": True,
        "total": 2,
        "imported": 1,
        "ignored_columns": ["Tuổi"],
    }
    assert data["refused"] == [
        {
            "line": 3,
            "field": "born",
            "code": "date.format",
            "label": "Date of birth",
            "message": "Date of birth: 'x' is not a date; write it as DD/MM/YYYY",
        }
    ]
