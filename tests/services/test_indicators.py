"""Indicator snapshots: one count per unit, period and indicator; before/after changes."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.periods import Period
from antt_desktop.domain.rates import Change
from antt_desktop.i18n.formatting import fmt_change
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.texts import initiatives as texts
from antt_desktop.i18n.translator import Translator
from antt_desktop.services.indicators import INDICATORS, compare, record_indicator, snapshot
from antt_desktop.services.units import add_unit
from antt_desktop.store.models import AuditEntry, IndicatorSnapshot
from tests.conftest import CHIEF

BEFORE, AFTER = Period.parse("2020"), Period.parse("2021")


def counts(session: Session) -> tuple[int, int]:
    return tuple(
        session.execute(select(func.count()).select_from(m)).scalar_one()
        for m in (IndicatorSnapshot, AuditEntry)
    )  # type: ignore[return-value]


def last_audit(session: Session) -> AuditEntry:
    return session.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).scalar_one()


@pytest.fixture
def hong_gai(write: Any) -> str:
    """Seed 003, before and after the model: tips 7 → 4, criminal cases 3 → 2,
    traffic accidents 15 → 10."""
    with write() as ctx:
        for period, values in ((BEFORE, (7, 3, 15)), ("2021", (4, 2, 10))):
            for indicator, value in zip(
                ("crime_tips", "criminal_cases", "traffic_accidents"), values, strict=True
            ):
                record_indicator(ctx, None, period, indicator, value)
        unit_id: str = ctx.local_unit().id
        return unit_id


def test_before_after_change_reads_like_the_press(read: Any, hong_gai: str) -> None:
    tr = Translator("vi")
    with read() as ctx:
        tips = compare(ctx.session, hong_gai, "crime_tips", BEFORE, AFTER)
        cases = compare(ctx.session, hong_gai, "criminal_cases", BEFORE, AFTER)
        accidents = compare(ctx.session, hong_gai, "traffic_accidents", BEFORE, AFTER)
    assert tips == Change(7, 4)
    assert fmt_change(tips, tr) == "giảm 42,9% (4/7)"
    assert cases is not None and fmt_change(cases, tr) == "giảm 33,3% (2/3)"
    assert accidents is not None and fmt_change(accidents, tr) == "giảm 33,3% (10/15)"


def test_compare_without_both_values_is_none(read: Any, hong_gai: str) -> None:
    with read() as ctx:
        assert compare(ctx.session, hong_gai, "mediated_disputes", BEFORE, AFTER) is None
        assert compare(ctx.session, hong_gai, "crime_tips", BEFORE, Period.parse("2022")) is None


def test_snapshot_lists_recorded_indicators_in_report_order(
    read: Any, write: Any, hong_gai: str
) -> None:
    with write(CHIEF) as ctx:
        other = add_unit(ctx, code="05485", name="Công an xã Yên Trạch")
        record_indicator(ctx, other.id, "2021", "crime_tips", 40)
        record_indicator(ctx, hong_gai, "2021-Q1", "crime_tips", 1)
    with read() as ctx:
        result = snapshot(ctx.session, hong_gai, "2021")
        assert list(result.items()) == [
            ("crime_tips", 4),
            ("criminal_cases", 2),
            ("traffic_accidents", 10),
        ]
        assert snapshot(ctx.session, other.id, AFTER) == {"crime_tips": 40}
        assert snapshot(ctx.session, hong_gai, Period.parse("2021-Q1")) == {"crime_tips": 1}
        assert snapshot(ctx.session, hong_gai, "2019") == {}


def test_recording_again_corrects_in_place(write: Any, read: Any, hong_gai: str) -> None:
    with write() as ctx:
        first = ctx.session.execute(
            select(IndicatorSnapshot).where(
                IndicatorSnapshot.indicator == "crime_tips", IndicatorSnapshot.period == "2021"
            )
        ).scalar_one()
        before = counts(ctx.session)
        row = record_indicator(ctx, hong_gai, AFTER, "crime_tips", "5")
        assert row.id == first.id and row.value == 5
        assert counts(ctx.session) == (before[0], before[1] + 1)
        entry = last_audit(ctx.session)
        assert (entry.action, entry.entity, entry.fields) == (
            "edit",
            "indicator_snapshot",
            ["value"],
        )
        same = counts(ctx.session)
        record_indicator(ctx, hong_gai, AFTER, "crime_tips", 5)  # no change: no audit entry
        assert counts(ctx.session) == same
    with read() as ctx:
        assert compare(ctx.session, hong_gai, "crime_tips", BEFORE, AFTER) == Change(7, 5)


def test_first_recording_is_audited_as_create(write: Any) -> None:
    with write() as ctx:
        row = record_indicator(ctx, None, "2026-10", "reoffence_released", 2)
        assert (row.period, row.period_start.isoformat()) == ("2026-10", "2026-10-01")
        entry = last_audit(ctx.session)
        assert (entry.action, entry.entity_id) == ("create", row.id)


@pytest.mark.parametrize(
    ("args", "field", "code"),
    [
        (("2026", "burglaries", 3), "indicator", "indicator.unknown"),
        (("2026", "", 3), "indicator", "required"),
        (("2026", "crime_tips", -1), "value", "number.negative"),
        (("2026", "crime_tips", "bảy"), "value", "number.invalid"),
        (("2026", "crime_tips", None), "value", "required"),
        (("2026-13", "crime_tips", 3), "period", "period.format"),
        (("năm nay", "crime_tips", 3), "period", "period.format"),
        (("", "crime_tips", 3), "period", "required"),
        (("2026-12", "crime_tips", 3), "period", "indicator.period_future"),
        ((Period.parse("2027"), "crime_tips", 3), "period", "indicator.period_future"),
    ],
)
def test_refusals_name_the_field_and_write_nothing(
    write: Any, args: tuple[Any, str, Any], field: str, code: str
) -> None:
    with write() as ctx:
        before = counts(ctx.session)
        with pytest.raises(ValidationFailed) as exc:
            record_indicator(ctx, None, *args)
        assert [(p.field, p.code) for p in exc.value.problems] == [(field, code)]
        assert counts(ctx.session) == before


def test_every_indicator_has_a_vietnamese_label() -> None:
    tr = Translator("vi")
    assert tuple(texts.INDICATORS) == INDICATORS
    labels = {code: tr(texts.INDICATORS[code]) for code in INDICATORS}
    assert labels["crime_tips"] == "Tin báo, tố giác về tội phạm"
    assert all(tr(english) != english for english in texts.INDICATORS.values())


def test_refusal_reads_in_vietnamese(write: Any) -> None:
    with write() as ctx, pytest.raises(ValidationFailed) as exc:
        record_indicator(ctx, None, "2027-Q1", "crime_tips", 1)
    assert describe(exc.value.problems[0], Translator("vi")) == (
        "Kỳ báo cáo: kỳ 2027-Q1 chưa bắt đầu"
    )
