"""Importing households with their heads from .xlsx and .csv lists."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.i18n.translator import Translator
from antt_desktop.importers import households, import_file
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Household, Person
from tests.conftest import OFFICER, TODAY
from tests.importers.conftest import cccd

HEADERS = [
    "STT",
    "Số hộ",
    "Họ tên chủ hộ",
    "Số định danh chủ hộ",
    "Ngày sinh chủ hộ",
    "Giới tính chủ hộ",
    "Thôn/Tổ",
    "Địa chỉ",
    "Ghi chú",
]


def run(db, path, *, dry_run=False):
    return import_file(db, path, kind="households", actor=OFFICER, today=TODAY, dry_run=dry_run)


def saved(db) -> dict[str, tuple[Household, Person | None]]:
    """Household number → (household, its head)."""
    with db.read() as session:
        rows = session.execute(
            select(Household, Person).outerjoin(Person, Person.id == Household.head_person_id)
        ).all()
        return {h.number: (h, p) for h, p in rows}


def refusals(report):
    return [(r.line, [(p.field, p.code) for p in r.problems]) for r in report.refused]


def test_households_are_added_with_new_heads_who_become_members(db, make_xlsx, areas, counts):
    before = counts()
    path = make_xlsx(
        HEADERS,
        [
            [
                1,
                "HK-001",
                "Nguyễn Văn Nam",
                int(cccd(1970, serial=11)),
                1970,
                "Nam",
                "Thôn Đông",
                "Số 3 ngõ 5",
                "Hộ nghèo 2025",
            ],
            [2, 102, "Lê Thị Hoa", None, "12/05/1980", "Nữ", "to dan pho so 3", None, None],
        ],
    )

    report = run(db, path)

    assert (report.total, report.imported, report.refused) == (2, 2, [])
    assert report.ignored_columns == ("STT",)
    households_now = saved(db)
    first, head = households_now["HK-001"]
    assert (first.area_id, first.address, first.notes) == (
        areas.dong,
        "Số 3 ngõ 5",
        "Hộ nghèo 2025",
    )
    assert head is not None
    assert (head.full_name, head.id_number, head.born, head.sex) == (
        "Nguyễn Văn Nam",
        cccd(1970, serial=11),
        "1970",
        "M",
    )
    assert (head.household_id, head.relation_to_head) == (first.id, "Chủ hộ")
    assert (head.current_area_id, head.current_address) == (areas.dong, "Số 3 ngõ 5")
    second, second_head = households_now["102"]
    assert second_head is not None and second_head.born == "1980-05-12"
    assert second.area_id == areas.to3
    assert counts().persons == before.persons + 2
    assert sorted(report.imported_ids) == sorted([first.id, second.id])


def test_a_head_already_registered_is_found_by_id_number(db, write, make_csv, counts):
    number = cccd(1965, "F", 4)
    with write() as ctx:
        person = add_person(
            ctx, PersonInput(full_name="Trịnh Thị Mai", born="1965", sex="F", id_number=number)
        ).person
    before = counts()
    path = make_csv(["Số hộ", "Chủ hộ", "Số CCCD"], [["HK-7", "Trịnh Thị Mây", number[2:]]])

    report = run(db, path)

    assert (report.imported, report.refused) == (1, [])
    household, head = saved(db)["HK-7"]
    assert head is not None and head.id == person.id
    assert (head.household_id, head.relation_to_head) == (household.id, "Chủ hộ")
    assert counts().persons == before.persons
    assert [(w.line, w.problem.field, w.problem.code) for w in report.warnings] == [
        (2, "head_name", "import.head_name_differs")
    ]


def test_registered_numbers_are_duplicates_and_repeated_numbers_are_refused(
    db, write, make_xlsx, counts
):
    with write() as ctx:
        head = add_person(ctx, PersonInput(full_name="Chủ Cũ")).person
        old = add_household(ctx, HouseholdInput(number="HK-1", head_person_id=head.id))
    before = counts()
    path = make_xlsx(
        ["Số hộ", "Họ tên chủ hộ"], [["HK-1", "Chủ Cũ"], ["HK-2", "Chủ Mới"], ["HK-2", "Chủ Khác"]]
    )

    report = run(db, path)

    assert [(d.line, d.value, d.existing_id, d.existing_name) for d in report.duplicates] == [
        (2, "HK-1", old.id, "Chủ Cũ")
    ]
    assert refusals(report) == [(4, [("household_number", "import.duplicate_in_file")])]
    assert report.imported == 1
    assert counts().households == before.households + 1
    text = report.render(Translator("vi"))
    assert "dòng 2: Số hộ: hộ số HK-1 đã có trong sổ (chủ hộ: Chủ Cũ)" in text
    assert "dòng 4: Số hộ: HK-2 đã có ở dòng 3 của tệp này" in text


def test_a_person_heads_one_household_only(db, write, make_xlsx, counts):
    taken, free = cccd(1950, serial=1), cccd(1951, serial=2)
    with write() as ctx:
        head = add_person(
            ctx, PersonInput(full_name="Đã Làm Chủ", born="1950", id_number=taken)
        ).person
        add_household(ctx, HouseholdInput(number="HK-A", head_person_id=head.id))
    before = counts()
    path = make_xlsx(
        ["Số hộ", "Họ tên chủ hộ", "Số định danh chủ hộ", "Năm sinh chủ hộ"],
        [
            ["HK-B", "Đã Làm Chủ", taken, 1950],
            ["HK-C", "Chủ Hai Hộ", free, 1951],
            ["HK-D", "Chủ Hai Hộ", free, 1951],
        ],
    )

    report = run(db, path)

    assert refusals(report) == [
        (2, [("head_id_number", "household.head_taken")]),
        (4, [("head_id_number", "import.duplicate_in_file")]),
    ]
    assert report.imported == 1
    assert counts().households == before.households + 1
    assert counts().persons == before.persons + 1


def test_refused_household_rows_name_the_column_in_vietnamese(db, make_xlsx, areas, counts):
    before = counts()
    path = make_xlsx(
        HEADERS,
        [
            [1, "HK-1", None, None, None, None, None, None, None],
            [2, "HK-2", "Sai Số", "00107000001", 1970, None, None, None, None],
            [3, "HK-3", "Thôn Lạ", None, None, None, "Thôn Tây", None, None],
            [4, None, "Không Số Hộ", None, None, None, None, None, None],
            [5, "HK-5", "Sinh Sai", None, "32/01/1970", "Khác", None, None, None],
        ],
    )

    report = run(db, path)

    assert report.imported == 0
    assert (counts().persons, counts().households) == (before.persons, before.households)
    assert refusals(report) == [
        (2, [("head_name", "required")]),
        (3, [("head_id_number", "id_number.length")]),
        (4, [("area", "area.unknown")]),
        (5, [("household_number", "required")]),
        (6, [("head_born", "date.invalid"), ("head_sex", "import.sex_unknown")]),
    ]
    text = report.render(Translator("vi")).splitlines()
    assert "  dòng 2: Họ tên chủ hộ: không được để trống" in text
    assert "  dòng 3: Số định danh cá nhân của chủ hộ: phải có đúng 12 chữ số (đã nhập 11)" in text


def test_a_household_dry_run_writes_nothing_and_reports_the_same(db, make_xlsx, counts):
    path = make_xlsx(
        ["Số hộ", "Họ tên chủ hộ", "Năm sinh chủ hộ"],
        [["HK-1", "Một", 1960], ["HK-1", "Hai", 1961], ["HK-3", None, None]],
    )
    before = counts()

    trial = run(db, path, dry_run=True)

    assert counts() == before
    real = run(db, path)
    for name in ("total", "imported", "duplicates", "refused", "warnings"):
        assert getattr(trial, name) == getattr(real, name), name
    assert (real.imported, len(real.refused)) == (1, 2)


def test_a_list_without_a_household_number_column_is_refused(db, make_xlsx, counts):
    path = make_xlsx(["Họ tên chủ hộ", "Địa chỉ"], [["Ai Đó", "Đâu Đó"]])
    before = counts()

    with pytest.raises(ValidationFailed) as refused:
        run(db, path)

    assert refused.value.problems == [Problem("file", "import.missing_column.household_number")]
    assert counts() == before


def test_a_new_head_is_not_kept_when_the_household_is_refused(db, make_xlsx, counts, monkeypatch):
    def refuse(*_args, **_kwargs):
        raise ValidationFailed.single("number", "household.number_taken", value="HK-1")

    monkeypatch.setattr(households, "add_household", refuse)
    path = make_xlsx(["Số hộ", "Họ tên chủ hộ"], [["HK-1", "Chủ Mới"]])
    before = counts()

    report = run(db, path)

    assert refusals(report) == [(2, [("household_number", "household.number_taken")])]
    assert counts().persons == before.persons
    assert counts().households == before.households
