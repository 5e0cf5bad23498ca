"""The register of document numbers: the next number per unit, year and type, the same
number for the same document printed again, cancelled numbers never given again, each
number and cancellation audited; refusals write nothing."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.services import document_number_rows, document_numbers
from antt_desktop.services.context import Actor
from antt_desktop.services.document_numbers import Slot
from antt_desktop.store.models import AuditEntry

VIEWER = Actor("xem", "viewer")


def _slot(key: str, year: int = 2026, doc_type: str = "BC") -> Slot:
    return Slot(doc_type, "CAX", year, "report", key, f"Báo cáo {key}")


def _unit(ctx: Any) -> str:
    return ctx.local_unit().id


def test_numbers_count_per_year_and_type_and_a_document_keeps_its_number(write: Any) -> None:
    with write() as ctx:
        unit = _unit(ctx)
        first = document_numbers.issue(ctx, unit, [_slot("q1"), _slot("q2")])
        certificates = document_numbers.issue(ctx, unit, [_slot("a", doc_type="GK")])
        next_year = document_numbers.issue(ctx, unit, [_slot("q1-2027", year=2027)])
        again = document_numbers.issue(ctx, unit, [_slot("q2"), _slot("q3")])
    assert first == {"q1": "1/BC-CAX", "q2": "2/BC-CAX"}
    assert certificates == {"a": "1/GK-CAX"} and next_year == {"q1-2027": "1/BC-CAX"}
    assert again == {"q2": "2/BC-CAX", "q3": "3/BC-CAX"}  # q2 printed again: its number
    with write() as ctx:
        rows = document_number_rows.numbers(ctx, unit, 2026, "BC")
        entries = ctx.session.execute(
            select(AuditEntry.detail).where(AuditEntry.entity == "document_number")
        ).scalars()
        assert list(entries) == [  # one entry per issue, none for a number given before
            "1/BC-CAX, 2/BC-CAX (2): report",
            "1/GK-CAX (1): report",
            "1/BC-CAX (1): report",
            "3/BC-CAX (1): report",
        ]
    assert [(r.number, r.title, r.issued_by) for r in rows] == [
        ("1/BC-CAX", "Báo cáo q1", "canbo1"),
        ("2/BC-CAX", "Báo cáo q2", "canbo1"),
        ("3/BC-CAX", "Báo cáo q3", "canbo1"),
    ]


def test_planning_looks_up_the_numbers_without_writing(write: Any, db_state: Any) -> None:
    with write() as ctx:
        unit = _unit(ctx)
        document_numbers.issue(ctx, unit, [_slot("q1")])
    before = db_state()
    with write() as ctx:
        assert document_numbers.planned(ctx, unit, [_slot("q1"), _slot("q2")]) == {
            "q1": "1/BC-CAX",
            "q2": "2/BC-CAX",
        }
    assert db_state() == before


def test_a_cancelled_number_stays_cancelled_and_is_never_given_again(
    write: Any, db_state: Any
) -> None:
    with write() as ctx:
        unit = _unit(ctx)
        document_numbers.issue(ctx, unit, [_slot("q1"), _slot("q2")])
        [_first, two] = document_number_rows.numbers(ctx, unit)
    before = db_state()
    with write() as ctx, pytest.raises(ValidationFailed) as refused:
        document_numbers.cancel(ctx, two.id, "   ")
    assert [(p.field, p.code) for p in refused.value.problems] == [("cancel_reason", "required")]
    assert db_state() == before  # nothing half-written
    with write() as ctx:
        document_numbers.cancel(ctx, two.id, "Báo cáo in nhầm kỳ")
    with write() as ctx:
        again = document_numbers.issue(ctx, unit, [_slot("q2")])
        problems = document_numbers.check_cancel(ctx, two.id, "Lần nữa")
        rows = document_number_rows.numbers(ctx, unit)
    assert again == {"q2": "3/BC-CAX"}  # number 2 is not reused
    assert [p.code for p in problems] == ["numbers.already_cancelled"]
    assert [(r.number, r.cancelled, r.cancel_reason) for r in rows] == [
        ("1/BC-CAX", False, None),
        ("2/BC-CAX", True, "Báo cáo in nhầm kỳ"),
        ("3/BC-CAX", False, None),
    ]


def test_a_type_the_register_does_not_count_is_refused_and_a_viewer_cannot_cancel(
    write: Any, db_state: Any
) -> None:
    with write() as ctx:
        unit = _unit(ctx)
        document_numbers.issue(ctx, unit, [_slot("q1")])
        [row] = document_number_rows.numbers(ctx, unit)
    before = db_state()
    with write() as ctx, pytest.raises(ValidationFailed) as refused:
        document_numbers.issue(ctx, unit, [_slot("x", doc_type="XYZ")])
    assert [(p.field, p.code) for p in refused.value.problems] == [("doc_type", "choice")]
    assert db_state() == before
    with write(VIEWER) as ctx, pytest.raises(ValidationFailed):
        document_numbers.cancel(ctx, row.id, "Không được phép")
    assert db_state()["document_numbers"] == before["document_numbers"]  # the refusal is logged
