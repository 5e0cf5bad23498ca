"""Community security initiatives (mô hình), their activities, evaluations and indicators."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.store.base import Base, Synced


class Initiative(Synced, Base):
    """A movement initiative (mô hình phong trào Toàn dân bảo vệ an ninh Tổ quốc)."""

    __tablename__ = "initiatives"
    __table_args__ = (
        CheckConstraint("status IN ('active','paused','ended')", name="status"),
        CheckConstraint("member_count IS NULL OR member_count >= 0", name="members"),
    )

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    type_code: Mapped[str] = mapped_column(String(40), nullable=False)
    launched_on: Mapped[date] = mapped_column(Date, nullable=False)
    decision_number: Mapped[str | None] = mapped_column(String(60))
    decision_date: Mapped[date | None] = mapped_column(Date)
    decision_issuer: Mapped[str | None] = mapped_column(String(200))
    lead_body: Mapped[str | None] = mapped_column(String(200))
    partners: Mapped[str | None] = mapped_column(Text)
    member_count: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(8), nullable=False, default="active")
    ended_on: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str | None] = mapped_column(Text)


class InitiativeArea(Synced, Base):
    """An area an initiative covers."""

    __tablename__ = "initiative_areas"
    __table_args__ = (UniqueConstraint("initiative_id", "area_id"),)

    initiative_id: Mapped[str] = mapped_column(ForeignKey("initiatives.id"), nullable=False)
    area_id: Mapped[str] = mapped_column(ForeignKey("areas.id"), nullable=False, index=True)


class InitiativeFunding(Synced, Base):
    """A funding line: amount and source (state budget, xã hội hóa, other)."""

    __tablename__ = "initiative_funding"
    __table_args__ = (
        CheckConstraint("amount_vnd >= 0", name="amount"),
        CheckConstraint("source IN ('state_budget','community','other')", name="source"),
    )

    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiatives.id"), nullable=False, index=True
    )
    amount_vnd: Mapped[int] = mapped_column(BigInteger, nullable=False)
    source: Mapped[str] = mapped_column(String(16), nullable=False)
    note: Mapped[str | None] = mapped_column(String(300))


class InitiativeAsset(Synced, Base):
    """Assets an initiative holds, e.g. 372 cameras."""

    __tablename__ = "initiative_assets"
    __table_args__ = (CheckConstraint("count >= 0", name="count"),)

    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiatives.id"), nullable=False, index=True
    )
    kind: Mapped[str] = mapped_column(String(120), nullable=False)
    count: Mapped[int] = mapped_column(Integer, nullable=False)


class Activity(Synced, Base):
    """An activity or result of an initiative (append-only)."""

    __tablename__ = "activities"
    append_only = True
    # the kinds are the activity-kind catalogue's codes, kept by the upper unit (checked by
    # the service), so the schema lists none of them
    __table_args__ = (
        CheckConstraint(
            "participants >= 0 AND guns >= 0 AND rudimentary_weapons >= 0 AND explosives >= 0"
            " AND bullets >= 0 AND grenades >= 0 AND fireworks >= 0 AND support_tools >= 0"
            " AND cases_mediated >= 0 AND tips_of_value >= 0 AND surrendered >= 0",
            name="non_negative",
        ),
        # cover the figures' read of a period's activities (revision 0027)
        Index(
            "ix_activities_figures",
            "initiative_id",
            "deleted",
            "held_on",
            "kind",
            "participants",
            "tips_of_value",
            "cases_mediated",
            "surrendered",
            "guns",
            "rudimentary_weapons",
            "explosives",
            "bullets",
            "grenades",
            "fireworks",
            "support_tools",
            "id",
        ),
    )

    initiative_id: Mapped[str] = mapped_column(
        ForeignKey("initiatives.id"), nullable=False, index=True
    )
    held_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    participants: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    guns: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rudimentary_weapons: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    explosives: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    bullets: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    grenades: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    fireworks: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    support_tools: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    cases_mediated: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    tips_of_value: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    surrendered: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    notes: Mapped[str | None] = mapped_column(Text)


class Evaluation(Synced, Base):
    """A scored evaluation against a rubric (chấm điểm, công nhận đạt chuẩn)."""

    __tablename__ = "evaluations"
    append_only = True
    __table_args__ = (
        CheckConstraint(
            "(initiative_id IS NOT NULL) + (unit_id IS NOT NULL) + (area_id IS NOT NULL) = 1",
            name="one_subject",
        ),
        CheckConstraint("total >= 0 AND total <= max_total", name="total"),
    )

    initiative_id: Mapped[str | None] = mapped_column(ForeignKey("initiatives.id"), index=True)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    area_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id"), index=True)
    evaluated_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    rubric_code: Mapped[str] = mapped_column(ForeignKey("rubrics.code"), nullable=False, index=True)
    scores: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    total: Mapped[int] = mapped_column(Integer, nullable=False)
    max_total: Mapped[int] = mapped_column(Integer, nullable=False)
    meets_standard: Mapped[bool] = mapped_column(Boolean, nullable=False)
    decision_number: Mapped[str | None] = mapped_column(String(60))
    decision_date: Mapped[date | None] = mapped_column(Date)
    decision_issuer: Mapped[str | None] = mapped_column(String(200))
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("evaluations.id"), index=True)


class IndicatorSnapshot(Synced, Base):
    """A named count for a unit and period, for before/after comparisons in reports."""

    __tablename__ = "indicator_snapshots"
    __table_args__ = (
        UniqueConstraint("unit_id", "period", "indicator"),
        CheckConstraint("value >= 0", name="value"),
    )

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    period: Mapped[str] = mapped_column(String(8), nullable=False)
    period_start: Mapped[date] = mapped_column(Date, nullable=False)
    indicator: Mapped[str] = mapped_column(String(40), nullable=False)
    value: Mapped[int] = mapped_column(Integer, nullable=False)
