"""Management dossiers: opening, editing, classifying, closing, the booklet and the due list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.domain.periods import Period
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.texts import dossiers as texts
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.assessments import assessment_timeline, due_assessments
from antt_desktop.services.context import Ctx
from antt_desktop.services.dossier_records import AssessmentInput, assess, correct_assessment
from antt_desktop.services.dossier_summary import dossier_summary
from antt_desktop.services.dossiers import (
    DossierInput,
    check_close_dossier,
    check_open_dossier,
    close_dossier,
    edit_dossier,
    open_dossier,
    set_classification,
)
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.database import Database
from antt_desktop.store.models import AuditEntry, Dossier, Person, Team
from tests.conftest import CHIEF

Write = Callable[..., Any]


def count(db: Database, model: type) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def refused(write: Write, call: Callable[[Ctx], object], **kw: Any) -> list[Problem]:
    with pytest.raises(ValidationFailed) as caught, write(**kw) as ctx:
        call(ctx)
    return caught.value.problems


def checked(read: Write, check: Callable[[Ctx], list[Problem]], **kw: Any) -> list[Problem]:
    """The errors a service's check finds in a read (what the window shows as one types)."""
    with read(**kw) as ctx:
        return [p for p in check(ctx) if p.is_error]


def pairs(problems: list[Problem]) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in problems}


def last_audit(db: Database) -> AuditEntry:
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
    return entry


@pytest.fixture
def person_id(write: Write) -> str:
    with write() as ctx:
        return add_person(
            ctx, PersonInput(full_name="Nguyễn Văn Hùng", born="1990", sex="M")
        ).person.id


def new_person(write: Write, name: str) -> str:
    with write() as ctx:
        return add_person(ctx, PersonInput(full_name=name, born="1985", sex="M")).person.id


def opened(
    write: Write, person_id: str, code: str = "SUSPENDED", on: str = "15/03/2026", **extra: Any
) -> str:
    with write() as ctx:
        return open_dossier(ctx, DossierInput(person_id, code, on, **extra)).id


def load(db: Database, dossier_id: str) -> Dossier:
    with db.read() as s:
        dossier = s.get(Dossier, dossier_id)
        assert dossier is not None
        return dossier


def write_assessment(
    write: Write,
    dossier_id: str,
    period: str,
    written: str,
    rating: str = "Chấp hành tốt",
    **kw: Any,
) -> str:
    with write(**kw) as ctx:
        return assess(
            ctx,
            AssessmentInput(
                dossier_id,
                period,
                written,
                "Trung úy Lê Văn Tâm",
                "Chấp hành tốt nghĩa vụ, có việc làm ổn định.",
                rating,
            ),
        ).id


# --- Opening --------------------------------------------------------------------------------


def test_open_dossier_saves_it_with_the_planned_end_of_the_category(
    db: Database, write: Write, person_id: str
) -> None:
    with write() as ctx:
        dossier = open_dossier(
            ctx,
            DossierInput(
                person_id=person_id,
                category_code="suspended",
                opened_on="15/03/2026",
                legal_doc_number=" 12/2026/HSST ",
                legal_doc_date="01/03/2026",
                legal_issuer="Tòa án nhân dân khu vực 1 Hà Nội",
                officer_name="Lê  Văn Tâm",
                helper_name="Nguyễn Thị Lan (mẹ)",
            ),
        )
        unit_id = ctx.local_unit().id
    saved = load(db, dossier.id)
    assert saved.category_code == "SUSPENDED"
    assert saved.status == "open"
    assert saved.opened_on == date(2026, 3, 15)
    assert saved.planned_end == date(2028, 3, 15)  # 24 months
    assert saved.legal_doc_number == "12/2026/HSST"
    assert saved.officer_name == "Lê Văn Tâm"
    assert saved.unit_id == unit_id
    entry = last_audit(db)
    assert (entry.action, entry.entity, entry.entity_id) == ("create", "dossier", dossier.id)
    assert "legal_doc_number" in entry.fields


def test_open_dossier_takes_dates_as_date_objects_and_an_explicit_planned_end(
    db: Database, write: Write, person_id: str
) -> None:
    with write() as ctx:
        dossier = open_dossier(
            ctx,
            DossierInput(person_id, "SUSPENDED", date(2026, 3, 15), planned_end=date(2027, 9, 15)),
        )
    assert load(db, dossier.id).planned_end == date(2027, 9, 15)


def test_open_ended_category_has_no_planned_end(db: Database, write: Write, person_id: str) -> None:
    assert load(db, opened(write, person_id, "PAROLE")).planned_end is None


def test_released_person_gets_a_classification(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id, "RELEASED", classification=" b ")
    assert load(db, dossier_id).classification == "B"


def test_opening_records_the_person_unit(db: Database, write: Write) -> None:
    from antt_desktop.services.units import add_unit

    with write(CHIEF) as ctx:
        other = add_unit(ctx, code="00073", name="Công an phường Cửa Nam")
        person = add_person(ctx, PersonInput(full_name="Trần Văn Bình"), unit_id=other.id).person
        dossier = open_dossier(ctx, DossierInput(person.id, "DRUG_USER", "01/06/2026"))
    assert load(db, dossier.id).unit_id == other.id


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"person_id": None}, "person_id", "required"),
        ({"person_id": "no-such-person"}, "person_id", "dossier.person_unknown"),
        ({"category_code": ""}, "category_code", "required"),
        ({"category_code": "GAMBLER"}, "category_code", "dossier.category_unknown"),
        ({"opened_on": None}, "opened_on", "required"),
        ({"opened_on": "23/11/2026"}, "opened_on", "date.future"),
        ({"opened_on": "15-03"}, "opened_on", "date.format"),
        ({"opened_on": "31/02/2026"}, "opened_on", "date.invalid"),
        ({"legal_doc_date": "16/03/2026"}, "legal_doc_date", "dossier.legal_after_open"),
        ({"legal_doc_date": "01/12/2026"}, "legal_doc_date", "date.future"),
        ({"planned_end": "14/03/2026"}, "planned_end", "dossier.end_before_open"),
        ({"classification": "A"}, "classification", "dossier.classification_not_used"),
        ({"team_id": "no-such-team"}, "team_id", "dossier.team_unknown"),
        ({"officer_name": "Tâm " * 40}, "officer_name", "too_long"),
    ],
)
def test_open_dossier_refusals(
    db: Database,
    write: Write,
    read: Write,
    person_id: str,
    changes: dict[str, Any],
    field: str,
    code: str,
) -> None:
    values = {
        "person_id": person_id,
        "category_code": "SUSPENDED",
        "opened_on": "15/03/2026",
        **changes,
    }
    before = count(db, Dossier)
    problems = refused(write, lambda ctx: open_dossier(ctx, DossierInput(**values)))
    assert (field, code) in pairs(problems)
    assert checked(read, lambda ctx: check_open_dossier(ctx, DossierInput(**values))) == problems
    assert count(db, Dossier) == before


def test_checking_a_good_dossier_finds_nothing_and_writes_nothing(
    db: Database, read: Write, person_id: str
) -> None:
    with read() as ctx:
        data = DossierInput(person_id, "suspended", "15/03/2026")
        assert check_open_dossier(ctx, data) == []
    assert count(db, Dossier) == 0


def test_a_tombstoned_person_cannot_get_a_dossier(
    db: Database, write: Write, person_id: str
) -> None:
    with write() as ctx:
        ctx.get(Person, person_id).deleted = True
    problems = refused(
        write, lambda ctx: open_dossier(ctx, DossierInput(person_id, "SUSPENDED", "15/03/2026"))
    )
    assert pairs(problems) == {("person_id", "dossier.person_unknown")}
    assert count(db, Dossier) == 0


def test_classification_must_be_a_to_d(db: Database, write: Write, person_id: str) -> None:
    problems = refused(
        write,
        lambda ctx: open_dossier(
            ctx, DossierInput(person_id, "RELEASED", "15/03/2026", classification="E")
        ),
    )
    assert problems == [
        Problem("classification", "choice", {"value": "E", "allowed": ["A", "B", "C", "D"]})
    ]
    assert count(db, Dossier) == 0


def test_every_problem_is_reported_at_once(db: Database, write: Write) -> None:
    problems = refused(
        write,
        lambda ctx: open_dossier(
            ctx, DossierInput(None, "GAMBLER", "32/13/2026", planned_end="soon")
        ),
    )
    assert pairs(problems) == {
        ("person_id", "required"),
        ("category_code", "dossier.category_unknown"),
        ("opened_on", "date.invalid"),
        ("planned_end", "date.format"),
    }


def test_one_open_dossier_per_person_and_category(
    db: Database, write: Write, person_id: str
) -> None:
    first = opened(write, person_id, "SUSPENDED")
    problems = refused(
        write, lambda ctx: open_dossier(ctx, DossierInput(person_id, "SUSPENDED", "01/06/2026"))
    )
    [problem] = problems
    assert (problem.field, problem.code) == ("category_code", "dossier.already_open")
    assert problem.params["id"] == first
    assert problem.params["opened_on"] == date(2026, 3, 15)
    assert count(db, Dossier) == 1
    opened(write, person_id, "DRUG_USER")  # another category is fine
    with write(CHIEF) as ctx:
        close_dossier(ctx, first, "30/09/2026", "term_completed")
    again = opened(write, person_id, "SUSPENDED", on="01/10/2026")  # after closing, fine
    assert load(db, again).status == "open"


# --- Editing and classifying ----------------------------------------------------------------


def test_edit_dossier_changes_the_mutable_fields_and_audits(
    db: Database, write: Write, person_id: str
) -> None:
    dossier_id = opened(write, person_id)
    with write() as ctx:
        team = Team(
            unit_id=ctx.local_unit().id, kind="grassroots_security", name="Tổ bảo vệ ANTT thôn Đông"
        )
        ctx.session.add(team)
        ctx.session.flush()
        edit_dossier(
            ctx,
            dossier_id,
            {
                "officer_name": "Thiếu úy Phạm Minh Đức",
                "team_id": team.id,
                "planned_end": "15/03/2027",
            },
        )
    saved = load(db, dossier_id)
    assert (saved.officer_name, saved.team_id, saved.planned_end) == (
        "Thiếu úy Phạm Minh Đức",
        team.id,
        date(2027, 3, 15),
    )
    entry = last_audit(db)
    assert (entry.action, entry.entity_id) == ("edit", dossier_id)
    assert entry.fields == ["officer_name", "planned_end", "team_id"]
    with write() as ctx:  # a blank planned end goes back to the category's duration
        edit_dossier(ctx, dossier_id, {"planned_end": ""})
    assert load(db, dossier_id).planned_end == date(2028, 3, 15)


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"planned_end": "01/01/2026"}, "planned_end", "dossier.end_before_open"),
        ({"legal_doc_date": "20/03/2026"}, "legal_doc_date", "dossier.legal_after_open"),
        ({"team_id": "nope"}, "team_id", "dossier.team_unknown"),
        ({"classification": "A"}, "classification", "dossier.not_editable"),
        ({"opened_on": "01/01/2999"}, "opened_on", "date.future"),
        ({"status": "closed"}, "status", "dossier.not_editable"),
    ],
)
def test_edit_dossier_refusals_change_nothing(
    db: Database, write: Write, person_id: str, changes: dict[str, Any], field: str, code: str
) -> None:
    dossier_id = opened(write, person_id, officer_name="Lê Văn Tâm")
    before = load(db, dossier_id)
    problems = refused(
        write, lambda ctx: edit_dossier(ctx, dossier_id, {"officer_name": "Người khác", **changes})
    )
    assert (field, code) in pairs(problems)
    after = load(db, dossier_id)
    assert (after.officer_name, after.planned_end, after.version_vector) == (
        before.officer_name,
        before.planned_end,
        before.version_vector,
    )


def test_set_classification(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id, "RELEASED", classification="A")
    with write() as ctx:
        set_classification(ctx, dossier_id, "c", "Mất việc làm, hoàn cảnh khó khăn")
    assert load(db, dossier_id).classification == "C"
    entry = last_audit(db)
    assert (entry.action, entry.fields, entry.detail) == (
        "classify",
        ["classification"],
        "Mất việc làm, hoàn cảnh khó khăn",
    )


def test_set_classification_refusals(db: Database, write: Write, person_id: str) -> None:
    released = opened(write, person_id, "RELEASED", classification="A")
    suspended = opened(write, person_id, "SUSPENDED")
    assert pairs(refused(write, lambda ctx: set_classification(ctx, released, "X"))) == {
        ("classification", "choice")
    }
    assert pairs(refused(write, lambda ctx: set_classification(ctx, suspended, "B"))) == {
        ("classification", "dossier.classification_not_used")
    }
    with write(CHIEF) as ctx:
        close_dossier(ctx, released, "01/11/2026", "record_expunged")
    assert pairs(refused(write, lambda ctx: set_classification(ctx, released, "B"))) == {
        ("classification", "dossier.closed")
    }
    assert load(db, released).classification == "A"


# --- Closing --------------------------------------------------------------------------------


def test_close_dossier(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id)
    with write(CHIEF) as ctx:
        close_dossier(ctx, dossier_id, "20/11/2026", "moved_away", " Chuyển về Hải Phòng ")
    saved = load(db, dossier_id)
    assert (saved.status, saved.closed_on, saved.close_reason, saved.close_note) == (
        "closed",
        date(2026, 11, 20),
        "moved_away",
        "Chuyển về Hải Phòng",
    )
    entry = last_audit(db)
    assert (entry.action, entry.entity_id) == ("close", dossier_id)


def test_a_transferred_dossier_can_be_closed(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id)
    with write() as ctx:
        ctx.get(Dossier, dossier_id).status = "transferred"
    with write(CHIEF) as ctx:
        close_dossier(ctx, dossier_id, date(2026, 10, 1), "moved_away")
    assert load(db, dossier_id).status == "closed"


@pytest.mark.parametrize(
    ("closed_on", "reason", "note", "field", "code"),
    [
        ("14/03/2026", "term_completed", None, "closed_on", "dossier.close_before_open"),
        ("23/11/2026", "term_completed", None, "closed_on", "date.future"),
        ("", "term_completed", None, "closed_on", "required"),
        ("20/11/2026", "", None, "close_reason", "required"),
        ("20/11/2026", "bored", None, "close_reason", "choice"),
        ("20/11/2026", "other", "  ", "close_note", "required"),
    ],
)
def test_close_refusals(
    db: Database,
    write: Write,
    read: Write,
    person_id: str,
    closed_on: str,
    reason: str,
    note: str | None,
    field: str,
    code: str,
) -> None:
    dossier_id = opened(write, person_id)
    problems = refused(
        write, lambda ctx: close_dossier(ctx, dossier_id, closed_on, reason, note), actor=CHIEF
    )
    assert (field, code) in pairs(problems)
    closing = checked(
        read, lambda ctx: check_close_dossier(ctx, dossier_id, closed_on, reason, note), actor=CHIEF
    )
    assert closing == problems
    saved = load(db, dossier_id)
    assert (saved.status, saved.closed_on) == ("open", None)


def test_other_reason_with_a_note_closes(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id)
    with write(CHIEF) as ctx:
        close_dossier(ctx, dossier_id, "20/11/2026", "OTHER", "Quyết định của Tòa án")
    assert load(db, dossier_id).close_reason == "other"


def test_a_closed_dossier_cannot_close_again(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id)
    with write(CHIEF) as ctx:
        close_dossier(ctx, dossier_id, "01/10/2026", "term_completed")
    problems = refused(
        write, lambda ctx: close_dossier(ctx, dossier_id, "20/11/2026", "deceased"), actor=CHIEF
    )
    assert pairs(problems) == {("dossier_id", "dossier.already_closed")}
    assert load(db, dossier_id).closed_on == date(2026, 10, 1)


def test_cannot_close_before_an_assessed_period(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id)
    write_assessment(write, dossier_id, "2026-10", "02/11/2026")
    problems = refused(
        write,
        lambda ctx: close_dossier(ctx, dossier_id, "30/09/2026", "term_completed"),
        actor=CHIEF,
    )
    assert problems == [
        Problem(
            "closed_on",
            "dossier.close_before_assessment",
            {"value": date(2026, 9, 30), "period": "2026-10"},
        )
    ]
    assert load(db, dossier_id).status == "open"


# --- The assessment booklet and the due list -------------------------------------------------


def states(entries: list[Any]) -> list[tuple[str, date, str]]:
    return [(e.period.label(), e.due_on, e.status) for e in entries]


def test_monthly_timeline(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id, "SUSPENDED", on="10/08/2026")
    write_assessment(write, dossier_id, "2026-08", "03/09/2026")
    with db.read() as s:
        on_3_nov = assessment_timeline(s, dossier_id, date(2026, 11, 3))
        today = assessment_timeline(s, dossier_id, date(2026, 11, 22))
    assert states(on_3_nov) == [
        ("2026-08", date(2026, 9, 5), "done"),
        ("2026-09", date(2026, 10, 5), "overdue"),
        ("2026-10", date(2026, 11, 5), "due"),
        ("2026-11", date(2026, 12, 5), "upcoming"),
    ]
    assert [e.status for e in today] == ["done", "overdue", "overdue", "upcoming"]
    assert today[0].current is not None and today[0].current.period == "2026-08"
    assert today[1].current is None


def test_quarterly_timeline(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id, "PROBATION", on="15/05/2026")
    write_assessment(write, dossier_id, "2026-Q2", "30/06/2026")
    with db.read() as s:
        on_3_oct = assessment_timeline(s, dossier_id, date(2026, 10, 3))
        on_6_oct = assessment_timeline(s, dossier_id, date(2026, 10, 6))
    assert states(on_3_oct) == [
        ("2026-Q2", date(2026, 7, 5), "done"),
        ("2026-Q3", date(2026, 10, 5), "due"),
        ("2026-Q4", date(2027, 1, 5), "upcoming"),
    ]
    assert [e.status for e in on_6_oct] == ["done", "overdue", "upcoming"]


def test_timeline_shows_the_correction_history(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id, "SUSPENDED", on="10/08/2026")
    first = write_assessment(write, dossier_id, "2026-08", "03/09/2026")
    with write() as ctx:
        second = correct_assessment(ctx, first, {"content": "Sửa lần 1"}).id
    with write() as ctx:
        third = correct_assessment(ctx, second, {"content": "Sửa lần 2"}).id
    with db.read() as s:
        entry = assessment_timeline(s, dossier_id, date(2026, 11, 22))[0]
    assert entry.status == "done"
    assert entry.current is not None and entry.current.id == third
    assert [a.id for a in entry.history] == [first, second]


def test_a_closed_dossier_stops_its_timeline(db: Database, write: Write, person_id: str) -> None:
    dossier_id = opened(write, person_id, "SUSPENDED", on="10/08/2026")
    with write(CHIEF) as ctx:
        close_dossier(ctx, dossier_id, "15/09/2026", "term_completed")
    with db.read() as s:
        entries = assessment_timeline(s, dossier_id, date(2026, 11, 22))
    assert [e.period.label() for e in entries] == ["2026-08", "2026-09"]


def test_due_assessments_lists_due_and_overdue_periods_of_open_dossiers(
    db: Database, write: Write, person_id: str
) -> None:
    monthly = opened(write, person_id, "SUSPENDED", on="10/08/2026")
    write_assessment(write, monthly, "2026-08", "03/09/2026")
    other = new_person(write, "Trần Thị Mai")
    quarterly = opened(write, other, "PROBATION", on="15/05/2026")
    write_assessment(write, quarterly, "2026-Q2", "30/06/2026")
    opened(write, new_person(write, "Lê Văn Cường"), "WANTED", on="01/01/2026")  # no cadence
    closed = opened(write, new_person(write, "Phạm Văn Dũng"), "DRUG_USER", on="01/02/2026")
    with write(CHIEF) as ctx:
        close_dossier(ctx, closed, "31/03/2026", "term_completed")
    with db.read() as s:
        items = due_assessments(s, date(2026, 11, 3))
        unit_id = load(db, monthly).unit_id
        assert due_assessments(s, date(2026, 11, 3), unit_id) == items
        assert due_assessments(s, date(2026, 11, 3), "another-unit") == []
    assert [
        (i.person_name, i.category_code, i.period.label(), i.due_on, i.status) for i in items
    ] == [
        ("Nguyễn Văn Hùng", "SUSPENDED", "2026-09", date(2026, 10, 5), "overdue"),
        ("Trần Thị Mai", "PROBATION", "2026-Q3", date(2026, 10, 5), "overdue"),
        ("Nguyễn Văn Hùng", "SUSPENDED", "2026-10", date(2026, 11, 5), "due"),
    ]
    assert items[0].dossier_id == monthly and items[1].dossier_id == quarterly
    assert items[1].category_name == "Người chấp hành án phạt quản chế"


def test_due_list_counts_corrected_assessments_by_their_current_period(
    db: Database, write: Write, person_id: str
) -> None:
    dossier_id = opened(write, person_id, "SUSPENDED", on="10/08/2026")
    wrong = write_assessment(write, dossier_id, "2026-08", "03/10/2026")
    with write() as ctx:  # it was meant for September
        correct_assessment(ctx, wrong, {"period": "2026-09"})
    with db.read() as s:
        items = due_assessments(s, date(2026, 11, 3))
        timeline = assessment_timeline(s, dossier_id, date(2026, 11, 3))
    assert [(i.period, i.status) for i in items] == [
        (Period("month", 2026, 8), "overdue"),
        (Period("month", 2026, 10), "due"),
    ]
    assert [e.status for e in timeline] == ["overdue", "done", "due", "upcoming"]


# --- The dossier as a whole and messages -------------------------------------------------------


def test_dossier_summary(db: Database, write: Write, person_id: str) -> None:
    from antt_desktop.services.dossier_records import (
        CommitmentInput,
        SupportInput,
        ViolationInput,
        add_commitment,
        add_support,
        add_violation,
    )

    dossier_id = opened(write, person_id, "SUSPENDED", on="10/08/2026")
    first = write_assessment(write, dossier_id, "2026-08", "03/09/2026")
    write_assessment(write, dossier_id, "2026-09", "02/10/2026")
    with write() as ctx:
        correct_assessment(ctx, first, {"rating": "Chưa tốt"})
        add_commitment(
            ctx,
            CommitmentInput(
                dossier_id, form_code="hcd-05", signed_on="10/08/2026", text="Cam kết chấp hành"
            ),
        )
        add_support(ctx, SupportInput(dossier_id, "job", None, "Công ty May 10", "01/09/2026"))
        add_violation(
            ctx,
            ViolationInput(
                person_id, None, "01/10/2026", "administrative", "Gây rối trật tự công cộng"
            ),
        )
        add_violation(
            ctx, ViolationInput(person_id, None, "01/01/2025", "criminal", "Trộm cắp tài sản")
        )  # before the dossier
    with db.read() as s:
        summary = dossier_summary(s, dossier_id)
    assert summary.person.full_name == "Nguyễn Văn Hùng"
    assert summary.category.code == "SUSPENDED"
    assert list(summary.assessments) == ["2026-08", "2026-09"]
    assert summary.assessments["2026-08"].rating == "Chưa tốt"
    assert [c.form_code for c in summary.commitments] == ["HCD-05"]
    assert [x.kind for x in summary.supports] == ["job"]
    assert [v.description for v in summary.violations] == ["Gây rối trật tự công cộng"]


def test_refusals_read_in_vietnamese(write: Write, person_id: str) -> None:
    vi = Translator("vi")
    dossier_id = opened(write, person_id)
    [already] = refused(
        write, lambda ctx: open_dossier(ctx, DossierInput(person_id, "SUSPENDED", "01/06/2026"))
    )
    assert describe(already, vi) == (
        "Diện đối tượng quản lý: người này đang có hồ sơ quản lý diện"
        " 'Người được hưởng án treo' chưa kết thúc (lập ngày 15/03/2026)"
    )
    [early] = refused(
        write,
        lambda ctx: close_dossier(ctx, dossier_id, "01/03/2026", "term_completed"),
        actor=CHIEF,
    )
    assert describe(early, vi) == (
        "Ngày kết thúc hồ sơ: ngày 01/03/2026 trước ngày lập hồ sơ (15/03/2026)"
    )
    [note] = refused(
        write, lambda ctx: close_dossier(ctx, dossier_id, "01/11/2026", "other"), actor=CHIEF
    )
    assert describe(note, vi) == "Ghi chú khi kết thúc hồ sơ: không được để trống"
    [future] = refused(
        write, lambda ctx: open_dossier(ctx, DossierInput(person_id, "DRUG_USER", "01/12/2026"))
    )
    assert describe(future, vi) == "Ngày lập hồ sơ: 01/12/2026 là ngày trong tương lai"


def test_every_text_has_a_vietnamese_translation() -> None:
    vi = Translator("vi")
    tables = [
        texts.MESSAGES,
        texts.FIELDS,
        texts.CLOSE_REASONS,
        texts.SUPPORT_KINDS,
        texts.VIOLATION_KINDS,
        texts.DOSSIER_STATUSES,
        texts.DUE_STATUSES,
    ]
    untranslated = [en for table in tables for en in table.values() if vi(en) == en]
    assert untranslated == []
