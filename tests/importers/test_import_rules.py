"""Imported rows meet the residents' service's own rules (``services.people.validate``, the
check ``add_person`` and ``antt person add`` make), answered from batches loaded once per
file; only what needs other rows of the same file is the importer's own."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, func, select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.importers import import_file
from antt_desktop.importers.rules import FileRegister, Lookups, check_person, clean
from antt_desktop.services import people
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Person
from tests.conftest import OFFICER, TODAY
from tests.importers.conftest import cccd

VI = Translator("vi")


def run(db: Any, path: Any, **options: Any) -> Any:
    return import_file(db, path, kind="persons", actor=OFFICER, today=TODAY, **options)


def test_a_number_a_deleted_record_still_holds_is_refused_as_person_add_refuses_it(
    db, write, make_xlsx, counts
):
    """Where the importer's copy of the rules had drifted: it counted a number held by a
    deleted record as someone already registered (a duplicate, skipped as if listed), but
    the register lists no such person; ``antt person add`` refuses the number as taken.

    Such a record exists when one post deletes a person while another corrects their ID
    number: the sync merges field by field, so the deletion and the number both stay.
    """
    number = cccd(1968, "F", 9)
    with write() as ctx:
        gone = add_person(
            ctx, PersonInput(full_name="Đỗ Thị Gấm", born="1968", sex="F", id_number=number)
        ).person
        gone.deleted = True  # as the merge of the deletion and the correction leaves it
    again = PersonInput(full_name="Đỗ Thị Gấm", born="1968", sex="F", id_number=number)
    with pytest.raises(ValidationFailed) as refused, write() as ctx:
        add_person(ctx, again)  # what antt person add calls
    before = counts()
    path = make_xlsx(
        ["Họ và tên", "Năm sinh", "Giới tính", "Số định danh"],
        [["Đỗ Thị Gấm", 1968, "Nữ", int(number)], ["Người Mới", 1990, None, None]],
    )

    for dry_run in (True, False):
        report = run(db, path, dry_run=dry_run)

        assert report.imported == 1 and report.duplicates == []
        assert [(r.line, list(r.problems)) for r in report.refused] == [(2, refused.value.problems)]
    assert [describe(p, VI) for p in refused.value.problems] == [
        f"Số định danh cá nhân: số {number} đã được cấp cho Đỗ Thị Gấm"
    ]
    assert f"dòng 2: Số định danh cá nhân: số {number} đã được cấp cho Đỗ Thị Gấm" in (
        report.render(VI)
    )
    assert counts().persons == before.persons + 1


@pytest.mark.parametrize(
    "data",
    [
        PersonInput(full_name="Lò Văn Páo", born="1879", sex="M", id_number=cccd(1985)),
        PersonInput(full_name="x" * 121, born="2027", sex="F", id_number=cccd(1990, "M")),
        PersonInput(full_name="Hà Thị Mai", born="02/1990", phone="12345", legacy_id="12a"),
        PersonInput(full_name="Vũ Văn Hải", born="20/10/1975", id_number=cccd(1975, serial=7)),
        PersonInput(full_name="Đỗ Thị Gấm", born="1968", sex="F", id_number=cccd(1968, "F", 9)),
        PersonInput(full_name="Ma Thị Hoa", born="1995", ethnic_code="99", religion_code="99"),
        PersonInput(full_name="Sầm Văn Tú", born="1995", id_number="999095000001"),
    ],
)
def test_a_row_meets_the_services_rules_whatever_the_file_loaded(data, write, read, db_state):
    """The same problems (errors and warnings, with their values) as the service finds
    asking the database one query at a time, and nothing written."""
    with write() as ctx:
        add_person(ctx, PersonInput(full_name="Vũ Văn Hải", born="20/10/1975"))
        gone = add_person(
            ctx, PersonInput(full_name="Đỗ Thị Gấm", born="1968", id_number=cccd(1968, "F", 9))
        ).person
        gone.deleted = True
    data = clean(data)
    before = db_state()
    with read() as ctx:
        lookups = Lookups.load(ctx.session, ctx.local_unit().id)
        register = FileRegister(ctx.session, lookups, [data])
        found = check_person(ctx, data, register)
        assert found == people.validate(ctx, data)
        assert found[0] != []
    assert db_state() == before


def test_checking_a_file_asks_the_database_a_few_times_not_once_a_row(db, make_csv, write):
    """The rows' questions about other records are answered from batches loaded once."""
    with write() as ctx:
        add_person(ctx, PersonInput(full_name="Người Số 7", born="1990"))
    rows = [[f"Người Số {i}", "1990", cccd(1990, serial=i)] for i in range(600)]
    path = make_csv(["Họ và tên", "Năm sinh", "Số định danh"], rows)
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        report = run(db, path, dry_run=True)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)

    assert report.imported == 600
    assert [w.line for w in report.warnings] == [9]  # "Người Số 7", born 1990, registered
    assert len(statements) < 40, len(statements)
    print("STATEMENTS", len(statements))
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 1
