"""The written parts of a periodic report (nội dung báo cáo): what the chief states in words
beside the computed figures, kept per unit and period."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.store.base import Base, Synced


class ReportNarrative(Synced, Base):
    """The narrative sections of one unit's report for one period (``2026-Q3``): the
    situation, the results, the shortcomings, the direction for the next period and the
    recommendations. A post's own record, synced up to its upper unit; each section is a
    field of its own, so two sections written on two machines both survive a merge."""

    __tablename__ = "report_narratives"
    __table_args__ = (UniqueConstraint("unit_id", "period"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    period: Mapped[str] = mapped_column(String(8), nullable=False)
    period_start: Mapped[date] = mapped_column(Date, nullable=False)
    situation: Mapped[str | None] = mapped_column(Text)
    results: Mapped[str | None] = mapped_column(Text)
    shortcomings: Mapped[str | None] = mapped_column(Text)
    direction: Mapped[str | None] = mapped_column(Text)
    recommendations: Mapped[str | None] = mapped_column(Text)
