"""Records kept on a dossier: assessments and their corrections, commitments, support and
violations. Every refusal names the field and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.context import Ctx
from antt_desktop.services.dossier_records import (
    AssessmentInput,
    CommitmentInput,
    SupportInput,
    ViolationInput,
    add_commitment,
    add_support,
    add_violation,
    assess,
    check_add_commitment,
    check_add_support,
    check_add_violation,
    check_assess,
    check_correct_assessment,
    correct_assessment,
)
from antt_desktop.services.dossiers import DossierInput, close_dossier, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.database import Database
from antt_desktop.store.models import (
    Assessment,
    AuditEntry,
    Commitment,
    Dossier,
    Household,
    Support,
    Violation,
)
from tests.conftest import CHIEF

Write = Callable[..., Any]
AUTHOR = "Trung úy Lê Văn Tâm"
TEXT = "Chấp hành tốt nghĩa vụ, có việc làm ổn định tại xưởng mộc."


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def refused(write: Write, call: Callable[[Ctx], object], **kw: Any) -> list[Problem]:
    with pytest.raises(ValidationFailed) as caught, write(**kw) as ctx:
        call(ctx)
    return caught.value.problems


def checked(read: Write, check: Callable[[Ctx], list[Problem]]) -> list[Problem]:
    """The errors a service's check finds in a read (what the window shows as one types)."""
    with read() as ctx:
        return [p for p in check(ctx) if p.is_error]


def pairs(problems: list[Problem]) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in problems}


def last_audit(db: Database) -> AuditEntry:
    with db.read() as s:
        return s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()


def get(db: Database, model: type, ident: str) -> Any:
    with db.read() as s:
        return s.get(model, ident)


@pytest.fixture
def person_id(write: Write) -> str:
    with write() as ctx:
        return add_person(ctx, PersonInput(full_name="Đỗ Văn Nam", born="1992", sex="M")).person.id


def opened(write: Write, person_id: str, code: str = "SUSPENDED", on: str = "10/08/2026") -> str:
    with write() as ctx:
        return open_dossier(ctx, DossierInput(person_id, code, on)).id


@pytest.fixture
def monthly(write: Write, person_id: str) -> str:
    """A suspended-sentence dossier (monthly, ratings Chấp hành tốt / Chưa tốt) of 10/08."""
    return opened(write, person_id)


def assessment(
    dossier_id: str, period: str = "2026-09", written: Any = "02/10/2026", **kw: Any
) -> AssessmentInput:
    values = {"author": AUTHOR, "content": TEXT, "rating": "Chấp hành tốt", **kw}
    return AssessmentInput(dossier_id, period, written, **values)


# --- Assessments ----------------------------------------------------------------------------


def test_assess_saves_the_period_and_audits(db: Database, write: Write, monthly: str) -> None:
    with write() as ctx:
        saved = assess(
            ctx,
            assessment(
                monthly,
                " 2026-09 ",
                "02/10/2026",
                rating="chấp hành tốt",
                has_stable_work=True,
                complied=True,
                reported_on_time=False,
                next_steps="Tiếp tục theo dõi",
            ),
        )
    a = get(db, Assessment, saved.id)
    assert (a.period, a.period_start, a.written_on) == (
        "2026-09",
        date(2026, 9, 1),
        date(2026, 10, 2),
    )
    assert (a.rating, a.has_stable_work, a.reported_on_time) == ("Chấp hành tốt", True, False)
    assert a.supersedes_id is None
    entry = last_audit(db)
    assert (entry.action, entry.entity, entry.entity_id) == ("create", "assessment", a.id)


def test_quarterly_assessment_of_a_released_person(
    db: Database, write: Write, person_id: str
) -> None:
    dossier_id = opened(write, person_id, "RELEASED", on="01/04/2026")
    with write() as ctx:
        saved = assess(ctx, assessment(dossier_id, "2026-q3", date(2026, 10, 1), rating="Khá"))
    assert get(db, Assessment, saved.id).period == "2026-Q3"


def test_the_running_period_may_be_assessed(db: Database, write: Write, monthly: str) -> None:
    with write() as ctx:
        saved = assess(ctx, assessment(monthly, "2026-11", "22/11/2026"))
    assert get(db, Assessment, saved.id).period_start == date(2026, 11, 1)


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"period": "2026-Q3"}, "period", "assessment.period_monthly"),
        ({"period": "tháng 9"}, "period", "period.format"),
        ({"period": ""}, "period", "required"),
        ({"period": "2026-07"}, "period", "assessment.period_before_open"),
        ({"period": "2026-12", "written": "22/11/2026"}, "period", "assessment.period_not_started"),
        ({"written": "23/11/2026"}, "written_on", "date.future"),
        ({"written": "31/08/2026"}, "written_on", "assessment.written_before_period"),
        ({"written": None}, "written_on", "required"),
        ({"content": "   "}, "content", "required"),
        ({"author": ""}, "author", "required"),
        ({"rating": "Xuất sắc"}, "rating", "choice"),
        ({"rating": None}, "rating", "required"),
    ],
)
def test_assess_refusals(
    db: Database,
    write: Write,
    read: Write,
    monthly: str,
    changes: dict[str, Any],
    field: str,
    code: str,
) -> None:
    problems = refused(write, lambda ctx: assess(ctx, assessment(monthly, **changes)))
    assert (field, code) in pairs(problems)
    assert checked(read, lambda ctx: check_assess(ctx, assessment(monthly, **changes))) == problems
    assert count(db, Assessment) == 0


def test_a_check_finds_nothing_in_good_input_and_writes_nothing(
    db: Database, read: Write, monthly: str
) -> None:
    with read() as ctx:
        assert check_assess(ctx, assessment(monthly)) == []
        assert check_add_support(ctx, SupportInput(monthly, "job", None, None, "01/09/2026")) == []
        commitment = CommitmentInput(monthly, signed_on="10/08/2026", text="Cam kết")
        assert check_add_commitment(ctx, commitment) == []
    assert count(db, Assessment) == count(db, Support) == count(db, Commitment) == 0


def test_quarterly_category_refuses_a_month(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id, "PROBATION", on="15/05/2026")
    problems = refused(write, lambda ctx: assess(ctx, assessment(dossier_id, "2026-09")))
    assert problems == [Problem("period", "assessment.period_quarterly", {"value": "2026-09"})]
    assert count(db, Assessment) == 0


def test_a_category_without_assessments_refuses(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id, "WANTED", on="01/01/2026")
    problems = refused(write, lambda ctx: assess(ctx, assessment(dossier_id, rating=None)))
    assert pairs(problems) == {("period", "assessment.no_cadence")}
    assert count(db, Assessment) == 0


def test_a_closed_or_unknown_dossier_refuses_new_assessments(
    db: Database, write: Write, read: Write, monthly: str
) -> None:
    assert pairs(refused(write, lambda ctx: assess(ctx, assessment("nope")))) == {
        ("dossier_id", "dossier.unknown")
    }
    with write(CHIEF) as ctx:
        close_dossier(ctx, monthly, "31/10/2026", "term_completed")
    assert pairs(refused(write, lambda ctx: assess(ctx, assessment(monthly)))) == {
        ("dossier_id", "assessment.dossier_not_open")
    }
    assert pairs(checked(read, lambda ctx: check_assess(ctx, assessment(monthly)))) == {
        ("dossier_id", "assessment.dossier_not_open")
    }
    assert count(db, Assessment) == 0


def test_one_current_assessment_per_period(db: Database, write: Write, monthly: str) -> None:
    with write() as ctx:
        first = assess(ctx, assessment(monthly)).id
    problems = refused(write, lambda ctx: assess(ctx, assessment(monthly, written="05/10/2026")))
    assert problems == [
        Problem("period", "assessment.period_taken", {"period": "2026-09", "id": first})
    ]
    assert count(db, Assessment) == 1


# --- Corrections (supersede, append-only) ---------------------------------------------------


def test_correction_supersedes_and_never_changes_the_old_row(
    db: Database, write: Write, monthly: str
) -> None:
    with write() as ctx:
        old = assess(ctx, assessment(monthly))
    before = get(db, Assessment, old.id)
    with write() as ctx:
        new = correct_assessment(ctx, old.id, {"rating": "Chưa tốt", "content": "Vắng mặt 2 buổi"})
    after = get(db, Assessment, old.id)
    assert (after.content, after.rating, after.version_vector, after.field_stamps) == (
        before.content,
        before.rating,
        before.version_vector,
        before.field_stamps,
    )
    corrected = get(db, Assessment, new.id)
    assert (
        corrected.supersedes_id,
        corrected.period,
        corrected.rating,
        corrected.content,
        corrected.author,
        corrected.written_on,
    ) == (old.id, "2026-09", "Chưa tốt", "Vắng mặt 2 buổi", AUTHOR, date(2026, 10, 2))
    entry = last_audit(db)
    assert (entry.action, entry.entity_id, entry.fields, entry.detail) == (
        "correct",
        new.id,
        ["content", "rating"],
        f"supersedes {old.id}",
    )
    assert count(db, Assessment) == 2


def test_a_superseded_assessment_cannot_be_superseded_twice(
    db: Database, write: Write, monthly: str
) -> None:
    with write() as ctx:
        old = assess(ctx, assessment(monthly)).id
    with write() as ctx:
        newer = correct_assessment(ctx, old, {"content": "Lần sửa thứ nhất"}).id
    problems = refused(write, lambda ctx: correct_assessment(ctx, old, {"content": "Lần 2"}))
    assert problems == [Problem("assessment_id", "assessment.already_superseded", {"id": newer})]
    with write() as ctx:  # the newest version can be corrected again: a chain
        newest = correct_assessment(ctx, newer, {"content": "Lần sửa thứ hai"})
    assert newest.supersedes_id == newer
    assert count(db, Assessment) == 3
    # the period still has one current assessment, so a new one is refused
    problems = refused(write, lambda ctx: assess(ctx, assessment(monthly)))
    assert pairs(problems) == {("period", "assessment.period_taken")}


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({}, "assessment_id", "assessment.no_change"),
        ({"content": TEXT}, "assessment_id", "assessment.no_change"),
        ({"dossier_id": "x"}, "dossier_id", "assessment.not_editable"),
        ({"period": "2026-10"}, "period", "assessment.period_taken"),
        ({"written_on": "30/08/2026"}, "written_on", "assessment.written_before_period"),
        ({"rating": "Tốt"}, "rating", "choice"),
    ],
)
def test_correction_refusals(
    db: Database,
    write: Write,
    read: Write,
    monthly: str,
    changes: dict[str, Any],
    field: str,
    code: str,
) -> None:
    with write() as ctx:
        old = assess(ctx, assessment(monthly)).id
        assess(ctx, assessment(monthly, "2026-10", "03/11/2026"))
    problems = refused(write, lambda ctx: correct_assessment(ctx, old, changes))
    assert (field, code) in pairs(problems)
    assert checked(read, lambda ctx: check_correct_assessment(ctx, old, changes)) == problems
    assert count(db, Assessment) == 2


def test_unknown_assessment(write: Write) -> None:
    problems = refused(write, lambda ctx: correct_assessment(ctx, "nope", {"content": "x"}))
    assert pairs(problems) == {("assessment_id", "assessment.unknown")}


def test_corrections_on_a_closed_dossier_stay_inside_its_life(
    db: Database, write: Write, monthly: str
) -> None:
    with write(CHIEF) as ctx:
        old = assess(ctx, assessment(monthly, "2026-09", "02/10/2026")).id
        close_dossier(ctx, monthly, "15/10/2026", "term_completed")
    with write() as ctx:
        fixed = correct_assessment(ctx, old, {"period": "2026-10", "written_on": "15/10/2026"})
    assert get(db, Assessment, fixed.id).period == "2026-10"
    problems = refused(write, lambda ctx: correct_assessment(ctx, fixed.id, {"period": "2026-11"}))
    assert ("period", "assessment.period_after_close") in pairs(problems)
    assert count(db, Assessment) == 2


# --- Commitments ------------------------------------------------------------------------------


def test_commitment_of_a_dossier_and_of_a_household(
    db: Database, write: Write, monthly: str
) -> None:
    with write() as ctx:
        household = Household(unit_id=ctx.local_unit().id, number="HK-012")
        ctx.session.add(household)
        ctx.session.flush()
        first = add_commitment(
            ctx,
            CommitmentInput(
                dossier_id=monthly,
                form_code=" hcd-05 ",
                signed_on="10/08/2026",
                text="Tôi cam kết chấp hành nghiêm chỉnh nghĩa vụ của người được hưởng án treo.",
                witnesses="Trưởng thôn Nguyễn Văn Ba",
            ),
        )
        second = add_commitment(
            ctx,
            CommitmentInput(
                household_id=household.id,
                signed_on=date(2026, 1, 15),
                text="Gia đình cam kết không vi phạm pháp luật.",
            ),
        )
    saved = get(db, Commitment, first.id)
    assert (saved.form_code, saved.signed_on, saved.household_id) == (
        "HCD-05",
        date(2026, 8, 10),
        None,
    )
    assert get(db, Commitment, second.id).household_id == household.id
    assert last_audit(db).entity == "commitment"


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"dossier_id": None}, "dossier_id", "commitment.one_subject"),
        ({"household_id": "h"}, "dossier_id", "commitment.one_subject"),
        ({"dossier_id": "nope"}, "dossier_id", "dossier.unknown"),
        (
            {"dossier_id": None, "household_id": "nope"},
            "household_id",
            "commitment.household_unknown",
        ),
        ({"signed_on": "30/11/2026"}, "signed_on", "date.future"),
        ({"signed_on": ""}, "signed_on", "required"),
        ({"text": " "}, "text", "required"),
        ({"form_code": "X" * 21}, "form_code", "too_long"),
    ],
)
def test_commitment_refusals(
    db: Database,
    write: Write,
    read: Write,
    monthly: str,
    values: dict[str, Any],
    field: str,
    code: str,
) -> None:
    data = {"dossier_id": monthly, "signed_on": "10/08/2026", "text": "Cam kết", **values}
    problems = refused(write, lambda ctx: add_commitment(ctx, CommitmentInput(**data)))
    assert (field, code) in pairs(problems)
    assert checked(read, lambda ctx: check_add_commitment(ctx, CommitmentInput(**data))) == problems
    assert count(db, Commitment) == 0


def test_commitment_cannot_be_signed_after_the_dossier_closed(
    db: Database, write: Write, monthly: str
) -> None:
    with write(CHIEF) as ctx:
        close_dossier(ctx, monthly, "30/09/2026", "term_completed")
    problems = refused(
        write,
        lambda ctx: add_commitment(
            ctx, CommitmentInput(monthly, signed_on="01/10/2026", text="Cam kết")
        ),
    )
    assert pairs(problems) == {("signed_on", "dossier.date_after_close")}
    assert count(db, Commitment) == 0


# --- Support ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        (15_000_000, 15_000_000),
        ("15.000.000 ₫", 15_000_000),
        ("2000000", 2_000_000),
        ("", None),
        (None, None),
        (0, 0),
    ],
)
def test_support_amounts(
    db: Database, write: Write, monthly: str, typed: Any, stored: int | None
) -> None:
    with write() as ctx:
        saved = add_support(
            ctx,
            SupportInput(
                monthly,
                "LOAN",
                typed,
                "Ngân hàng Chính sách xã hội",
                "01/09/2026",
                "Mua 2 con bò giống",
            ),
        )
    row = get(db, Support, saved.id)
    assert (row.kind, row.amount_vnd, row.given_on) == ("loan", stored, date(2026, 9, 1))
    assert last_audit(db).entity == "support"


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"kind": "gift"}, "kind", "choice"),
        ({"kind": None}, "kind", "required"),
        ({"amount_vnd": -5}, "amount_vnd", "money.negative"),
        ({"amount_vnd": "-500.000"}, "amount_vnd", "money.negative"),
        ({"amount_vnd": "1,5 triệu"}, "amount_vnd", "number.invalid"),
        ({"given_on": "01/08/2026"}, "given_on", "dossier.date_before_open"),
        ({"given_on": "01/12/2026"}, "given_on", "date.future"),
        ({"given_on": None}, "given_on", "required"),
    ],
)
def test_support_refusals(
    db: Database,
    write: Write,
    read: Write,
    monthly: str,
    values: dict[str, Any],
    field: str,
    code: str,
) -> None:
    data = {"dossier_id": monthly, "kind": "job", "given_on": "01/09/2026", **values}
    problems = refused(write, lambda ctx: add_support(ctx, SupportInput(**data)))
    assert (field, code) in pairs(problems)
    assert checked(read, lambda ctx: check_add_support(ctx, SupportInput(**data))) == problems
    assert count(db, Support) == 0


def test_support_needs_a_dossier(db: Database, write: Write) -> None:
    problems = refused(
        write, lambda ctx: add_support(ctx, SupportInput("nope", "job", None, None, "01/09/2026"))
    )
    assert pairs(problems) == {("dossier_id", "dossier.unknown")}
    assert count(db, Support) == 0


# --- Violations ---------------------------------------------------------------------------------


def test_reoffence_linked_to_a_released_dossier(db: Database, write: Write, person_id: str) -> None:
    released = opened(write, person_id, "RELEASED", on="01/03/2026")
    with write() as ctx:
        saved = add_violation(
            ctx,
            ViolationInput(
                person_id,
                released,
                "05/11/2026",
                "Criminal",
                "Trộm cắp xe máy",
                "QĐ 15/QĐ-CAX",
                is_reoffence=True,
                dangerous=True,
            ),
        )
    row = get(db, Violation, saved.id)
    assert (row.dossier_id, row.kind, row.is_reoffence, row.dangerous) == (
        released,
        "criminal",
        True,
        True,
    )
    entry = last_audit(db)
    assert (entry.action, entry.entity) == ("create", "violation")


@pytest.mark.parametrize(
    ("values", "field", "code"),
    [
        ({"person_id": None}, "person_id", "required"),
        ({"person_id": "nope", "dossier_id": None}, "person_id", "dossier.person_unknown"),
        ({"dossier_id": "nope"}, "dossier_id", "dossier.unknown"),
        ({"occurred_on": "01/01/2026"}, "occurred_on", "dossier.date_before_open"),
        ({"occurred_on": "23/11/2026"}, "occurred_on", "date.future"),
        ({"kind": "civil"}, "kind", "choice"),
        ({"description": ""}, "description", "required"),
        ({"dangerous": True}, "dangerous", "violation.dangerous_not_reoffence"),
    ],
)
def test_violation_refusals(
    db: Database,
    write: Write,
    read: Write,
    person_id: str,
    monthly: str,
    values: dict[str, Any],
    field: str,
    code: str,
) -> None:
    data = {
        "person_id": person_id,
        "dossier_id": monthly,
        "occurred_on": "01/10/2026",
        "kind": "administrative",
        "description": "Đánh bạc",
        **values,
    }
    problems = refused(write, lambda ctx: add_violation(ctx, ViolationInput(**data)))
    assert (field, code) in pairs(problems)
    assert checked(read, lambda ctx: check_add_violation(ctx, ViolationInput(**data))) == problems
    assert count(db, Violation) == 0


def test_violation_dossier_must_be_the_persons(db: Database, write: Write, monthly: str) -> None:
    with write() as ctx:
        other = add_person(ctx, PersonInput(full_name="Vũ Thị Hoa")).person.id
    problems = refused(
        write,
        lambda ctx: add_violation(
            ctx, ViolationInput(other, monthly, "01/10/2026", "administrative", "Gây rối")
        ),
    )
    assert pairs(problems) == {("dossier_id", "violation.dossier_other_person")}
    assert count(db, Violation) == 0


def test_record_refusals_read_in_vietnamese(write: Write, monthly: str) -> None:
    vi = Translator("vi")
    with write() as ctx:
        first = assess(ctx, assessment(monthly)).id
    [taken] = refused(write, lambda ctx: assess(ctx, assessment(monthly)))
    assert taken.params["id"] == first
    assert describe(taken, vi) == (
        "Kỳ báo cáo: kỳ tháng 09/2026 đã có bản nhận xét, đánh giá; hãy sửa bản đó thay vì lập bản"
        " mới"
    )
    [kind] = refused(write, lambda ctx: assess(ctx, assessment(monthly, "2026-Q4")))
    assert describe(kind, vi) == (
        "Kỳ báo cáo: '2026-Q4': diện này nhận xét, đánh giá hằng"
        " tháng; hãy nhập tháng theo dạng 2026-10"
    )
    [money] = refused(
        write, lambda ctx: add_support(ctx, SupportInput(monthly, "cash", -1, None, "01/09/2026"))
    )
    assert describe(money, vi) == "Số tiền (đồng): không được là số âm"
    [early] = refused(
        write, lambda ctx: add_support(ctx, SupportInput(monthly, "cash", 1, None, "01/08/2026"))
    )
    assert describe(early, vi) == "Ngày hỗ trợ: ngày 01/08/2026 trước ngày lập hồ sơ (10/08/2026)"


def test_nothing_is_written_when_a_dossier_has_gone(
    db: Database, write: Write, monthly: str
) -> None:
    with write() as ctx:
        ctx.get(Dossier, monthly).deleted = True
    assert pairs(refused(write, lambda ctx: assess(ctx, assessment(monthly)))) == {
        ("dossier_id", "dossier.unknown")
    }
    assert count(db, Assessment) == 0
