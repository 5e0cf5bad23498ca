"""Management dossiers (hồ sơ quản lý) and their append-only records."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.store.base import Base, Synced
from antt_desktop.store.sealed import sealed_field


class Dossier(Synced, Base):
    """A person under management in one category, from opening to closing."""

    __tablename__ = "dossiers"
    __table_args__ = (
        CheckConstraint("status IN ('open','transferred','closed')", name="status"),
        CheckConstraint(
            "classification IS NULL OR classification IN ('A','B','C','D')", name="classification"
        ),
        CheckConstraint("closed_on IS NULL OR closed_on >= opened_on", name="close_after_open"),
        CheckConstraint("(status = 'closed') = (closed_on IS NOT NULL)", name="closed_has_date"),
        # cover the figures' reads of a period's dossiers and of the open ones (revision 0027)
        Index(
            "ix_dossiers_figures",
            "unit_id",
            "deleted",
            "status",
            "category_code",
            "opened_on",
            "closed_on",
            "close_reason",
            "classification",
            "person_id",
            "id",
        ),
        Index(
            "ix_dossiers_open",
            "status",
            "deleted",
            "unit_id",
            "category_code",
            "opened_on",
            "person_id",
            "id",
        ),
        CheckConstraint(
            "close_reason IS NULL OR close_reason IN ('term_completed','record_expunged',"
            "'moved_away','deceased','reoffended_detained','other')",
            name="close_reason",
        ),
    )

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), nullable=False, index=True)
    category_code: Mapped[str] = mapped_column(
        ForeignKey("dossier_categories.code"), nullable=False, index=True
    )
    legal_doc_number: Mapped[str | None] = mapped_column(String(60))
    legal_doc_date: Mapped[date | None] = mapped_column(Date)
    legal_issuer: Mapped[str | None] = mapped_column(String(200))
    legal_summary: Mapped[str | None] = mapped_column(Text)
    opened_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    planned_end: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="open", index=True)
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)
    close_reason: Mapped[str | None] = mapped_column(String(24))
    close_note: Mapped[str | None] = mapped_column(Text)
    officer_name: Mapped[str | None] = mapped_column(String(120))
    team_id: Mapped[str | None] = mapped_column(ForeignKey("teams.id"), index=True)
    helper_name: Mapped[str | None] = mapped_column(String(200))
    classification: Mapped[str | None] = mapped_column(String(1))
    #: Sealed under the fields key (store/field_crypto.py); ``risk_notes`` opens it.
    risk_notes_sealed: Mapped[bytes | None] = mapped_column("risk_notes", Text)

    if TYPE_CHECKING:  # the opened value (sealed_field below): read, and set to write
        risk_notes: Mapped[str | None]


class Assessment(Synced, Base):
    """A periodic written assessment (nhận xét, đánh giá); corrected by superseding."""

    __tablename__ = "assessments"
    __table_args__ = (
        Index("ix_assessments_period_lookup", "period_start", "dossier_id", "period", "written_on"),
        # cover the reports' reads of the assessments written for a window of periods and of
        # the ones a newer assessment supersedes or settles (no table row is read)
        Index(
            "ix_assessments_live_written",
            "period_start",
            "deleted",
            "dossier_id",
            "period",
            "written_on",
            "id",
        ),
        Index("ix_assessments_supersedes_live", "supersedes_id", "deleted", "id"),
        Index("ix_assessments_settles_live", "settles_id", "deleted", "id"),
        Index("ix_assessments_dossier_live", "dossier_id", "deleted", "period", "id"),
    )
    append_only = True

    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), nullable=False, index=True)
    period: Mapped[str] = mapped_column(String(8), nullable=False)  # 2026-10 or 2026-Q3
    period_start: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    written_on: Mapped[date] = mapped_column(Date, nullable=False)
    author: Mapped[str] = mapped_column(String(120), nullable=False)
    content: Mapped[str] = mapped_column(Text, nullable=False)
    rating: Mapped[str | None] = mapped_column(String(40))
    has_stable_work: Mapped[bool | None] = mapped_column(Boolean)
    complied: Mapped[bool | None] = mapped_column(Boolean)
    reported_on_time: Mapped[bool | None] = mapped_column(Boolean)
    next_steps: Mapped[str | None] = mapped_column(Text)
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("assessments.id"), index=True)
    #: A parallel correction (made on another node) that this one also replaces: set when an
    #: officer settles two corrections of the same assessment by choosing one of them.
    settles_id: Mapped[str | None] = mapped_column(ForeignKey("assessments.id"), index=True)


class Commitment(Synced, Base):
    """A signed commitment (bản cam kết) of a managed person or a household."""

    __tablename__ = "commitments"
    append_only = True
    __table_args__ = (
        CheckConstraint("(dossier_id IS NULL) <> (household_id IS NULL)", name="one_subject"),
    )

    dossier_id: Mapped[str | None] = mapped_column(ForeignKey("dossiers.id"), index=True)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"), index=True)
    form_code: Mapped[str | None] = mapped_column(String(20))
    signed_on: Mapped[date] = mapped_column(Date, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    witnesses: Mapped[str | None] = mapped_column(String(300))


class Support(Synced, Base):
    """Support given to a managed person (giúp đỡ: việc làm, vốn, con giống...)."""

    __tablename__ = "supports"
    append_only = True
    __table_args__ = (
        CheckConstraint("amount_vnd IS NULL OR amount_vnd >= 0", name="amount"),
        CheckConstraint(
            "kind IN ('job','training','loan','livestock_seed','cash','paperwork')", name="kind"
        ),
    )

    dossier_id: Mapped[str] = mapped_column(ForeignKey("dossiers.id"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    amount_vnd: Mapped[int | None] = mapped_column(BigInteger)
    provider: Mapped[str | None] = mapped_column(String(200))
    given_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    outcome: Mapped[str | None] = mapped_column(Text)


class Violation(Synced, Base):
    """A violation or re-offence (vi phạm, tái phạm) of a person."""

    __tablename__ = "violations"
    append_only = True
    __table_args__ = (CheckConstraint("kind IN ('administrative','criminal')", name="kind"),)

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), nullable=False, index=True)
    dossier_id: Mapped[str | None] = mapped_column(ForeignKey("dossiers.id"), index=True)
    occurred_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    #: Sealed under the fields key (store/field_crypto.py); ``description`` opens it.
    description_sealed: Mapped[bytes] = mapped_column("description", Text, nullable=False)
    decision_ref: Mapped[str | None] = mapped_column(String(120))
    is_reoffence: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    dangerous: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)

    if TYPE_CHECKING:  # the opened value (sealed_field below): read, and set to write
        description: Mapped[str]


Dossier.risk_notes = sealed_field(Dossier, "risk_notes")
Violation.description = sealed_field(Violation, "description")
