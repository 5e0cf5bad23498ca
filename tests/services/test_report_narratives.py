"""The written parts of a periodic report: kept per unit and period, corrected in place,
audited, refused whole when a section breaks a rule, and synced as the post's record."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services.context import Actor
from antt_desktop.services.report_narratives import (
    SECTION_MAX,
    NarrativeInput,
    narrative,
    save_narrative,
)
from antt_desktop.services.units import add_unit
from antt_desktop.store.models import AuditEntry, ReportNarrative
from antt_desktop.sync.tables import by_name
from tests.conftest import CHIEF

SITUATION = "Tình hình an ninh chính trị ổn định.\nTrật tự an toàn xã hội được giữ vững."


def audit_of(ctx: Any) -> list[tuple[str, str | None, str | None]]:
    rows = ctx.session.execute(
        select(AuditEntry.action, AuditEntry.entity, AuditEntry.fields).order_by(AuditEntry.seq)
    ).all()
    return [(a, e, f) for a, e, f in rows if e == "report_narrative"]


def test_sections_are_kept_per_period_and_read_back(write: Any, read: Any) -> None:
    with write() as ctx:
        save_narrative(
            ctx, "2026-Q3", NarrativeInput(situation=f"  {SITUATION}  ", direction="Tiếp tục.")
        )
    with read() as ctx:
        q3 = narrative(ctx, "2026-Q3")
        q2 = narrative(ctx, "2026-Q2")
        entries = audit_of(ctx)
    assert q3.situation == SITUATION  # trimmed, line breaks kept
    assert q3.direction == "Tiếp tục."
    assert q3.results is None and not q3.empty
    assert q2.empty  # another period has its own texts
    assert len(entries) == 1 and entries[0][0] == "create"
    assert "situation" in str(entries[0][2]) and "results" not in str(entries[0][2])


def test_saving_again_corrects_in_place_and_audits_what_changed(write: Any, read: Any) -> None:
    with write() as ctx:
        save_narrative(ctx, "2026-10", NarrativeInput(situation="A", results="B"))
    with write() as ctx:
        save_narrative(ctx, "2026-10", NarrativeInput(situation="A", results="", direction="C"))
    with write() as ctx:
        save_narrative(ctx, "2026-10", NarrativeInput(situation="A", direction="C"))  # same
    with read() as ctx:
        text = narrative(ctx, "2026-10")
        rows = ctx.session.execute(select(func.count()).select_from(ReportNarrative)).scalar()
        entries = audit_of(ctx)
    assert (text.situation, text.results, text.direction) == ("A", None, "C")
    assert rows == 1
    assert [e[0] for e in entries] == ["create", "edit"]  # an unchanged save writes nothing
    assert "results" in str(entries[1][2]) and "direction" in str(entries[1][2])
    assert "situation" not in str(entries[1][2])


def test_a_bad_section_is_refused_whole_naming_the_section(write: Any, read: Any) -> None:
    data = NarrativeInput(situation="Ổn định", shortcomings="x\x1b[2J", direction="y" * 10_001)
    with pytest.raises(ValidationFailed) as refused, write() as ctx:
        save_narrative(ctx, "2026-Q3", data)
    tr = Translator("vi")
    problems = {p.field: describe(p, tr) for p in refused.value.problems}
    assert set(problems) == {"shortcomings", "direction"}
    assert "Tồn tại, hạn chế" in problems["shortcomings"]
    assert str(SECTION_MAX) in problems["direction"]
    with read() as ctx:
        assert narrative(ctx, "2026-Q3").empty  # nothing half-written


def test_a_period_not_begun_and_another_units_report_are_refused(write: Any) -> None:
    with write(CHIEF) as ctx:
        other = add_unit(ctx, code="05612", name="Công an xã Yên Lạc").id
    tr = Translator("vi")
    with pytest.raises(ValidationFailed) as future, write() as ctx:
        save_narrative(ctx, "2027-Q1", NarrativeInput(situation="Sớm"))
    assert "quý I/2027" in describe(future.value.problems[0], tr)
    with pytest.raises(ValidationFailed) as foreign, write() as ctx:
        save_narrative(ctx, "2026-Q3", NarrativeInput(situation="Hộ"), unit_id=other)
    assert "Công an xã Yên Lạc" in describe(foreign.value.problems[0], tr)


def test_a_viewer_reads_but_may_not_write(write: Any, read: Any) -> None:
    with write() as ctx:
        save_narrative(ctx, "2026-Q3", NarrativeInput(results="Đạt"))
    viewer = Actor("xem", "viewer")
    with read(viewer) as ctx:
        assert narrative(ctx, "2026-Q3").results == "Đạt"
    with pytest.raises(PermissionDenied), write(viewer) as ctx:
        save_narrative(ctx, "2026-Q3", NarrativeInput(results="Sửa"))


def test_the_texts_travel_up_as_the_posts_own_record() -> None:
    table = by_name()["report_narratives"]
    assert table.scope() == "report_narratives.unit_id"
    assert not table.upper_written
    assert {"situation", "results", "shortcomings", "direction", "recommendations"} <= {
        c.name for c in table.columns
    }
