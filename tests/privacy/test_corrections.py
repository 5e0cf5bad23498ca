"""Correcting a person's data keeps its history: which field, old and new value, who, when
and why; a correction without a reason is refused and nothing is written."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.services import corrections
from antt_desktop.services.context import Actor
from antt_desktop.services.people import edit_person
from antt_desktop.store.models import AuditEntry, Person, PersonCorrection
from tests.conftest import OFFICER, TODAY
from tests.privacy.conftest import ID_NUMBER, MASKED

NEW_ID = "001090054321"


def _count(read: Any) -> int:
    with read() as ctx:
        return int(ctx.session.scalar(select(func.count()).select_from(PersonCorrection)) or 0)


def test_changing_a_recorded_value_needs_a_reason_and_writes_nothing_without(
    write: Any, read: Any, sensitive_person: dict[str, str]
) -> None:
    with pytest.raises(ValidationFailed) as refused, write() as ctx:
        edit_person(ctx, sensitive_person["person"], {"id_number": NEW_ID})
    assert [(p.field, p.code) for p in refused.value.problems] == [
        ("correction_reason", "correction.reason_required")
    ]
    with read() as ctx:
        assert ctx.session.get(Person, sensitive_person["person"]).id_number == ID_NUMBER
    assert _count(read) == 0


def test_a_correction_is_kept_with_old_and_new_value_who_when_and_why(
    write: Any, read: Any, sensitive_person: dict[str, str]
) -> None:
    pid = sensitive_person["person"]
    with write(today=date(2026, 11, 20)) as ctx:
        edit_person(
            ctx,
            pid,
            {"id_number": NEW_ID, "full_name": "Nguyễn Văn Đức", "phone": "0912345678"},
            reason="Theo thẻ căn cước cấp ngày 01/02/2025",
        )
    with write(Actor("truongcong", "chief")) as ctx:
        edit_person(ctx, pid, {"occupation": "Làm ruộng"})  # a blank filled: no reason needed
    with read() as ctx:
        lines = corrections.history(ctx, pid)
        audit = ctx.session.scalars(select(AuditEntry).where(AuditEntry.action == "edit")).all()
    assert [(c.field, c.old_value, c.new_value, c.corrected_by, c.corrected_on) for c in lines] == [
        ("id_number", ID_NUMBER, NEW_ID, OFFICER.username, date(2026, 11, 20)),
        ("phone", None, "0912345678", OFFICER.username, date(2026, 11, 20)),
        ("occupation", None, "Làm ruộng", "truongcong", TODAY),
    ]
    assert lines[0].reason == "Theo thẻ căn cước cấp ngày 01/02/2025"
    assert lines[2].reason is None
    # the audit log names the fields, never the values
    assert all(NEW_ID not in repr((a.fields, a.detail)) for a in audit)


def test_a_viewer_reads_the_history_masked(
    write: Any, read: Any, sensitive_person: dict[str, str]
) -> None:
    pid = sensitive_person["person"]
    with write() as ctx:
        edit_person(ctx, pid, {"id_number": NEW_ID, "religion_code": None}, reason="Sai khi nhập")
    with read(Actor("xem1", "viewer")) as ctx:
        lines = {c.field: c for c in corrections.history(ctx, pid)}
    assert (lines["id_number"].old_value, lines["id_number"].new_value) == (
        MASKED,
        "•••••••••321",
    )
    religion = lines["religion_code"]
    assert religion.withheld and religion.old_value is None and religion.new_value is None
