"""The register of document numbers (sổ đăng ký văn bản đi): one number per document
issued, counted per unit, year and type of document ("12/BC-CAX" is the twelfth report of
the year), never given twice and never reused, a cancelled one included.

Local to the desk that issues them (the numbering of a post's outgoing papers), so not
synced; every issue and cancellation is in the audit log.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.store.base import Base, new_id


class DocumentNumber(Base):
    """One number of the register and what it was given to."""

    __tablename__ = "document_numbers"
    __table_args__ = (
        UniqueConstraint("unit_id", "year", "doc_type", "seq"),
        CheckConstraint("seq > 0", name="seq"),
        CheckConstraint("state IN ('issued','cancelled')", name="state"),
        CheckConstraint("length(doc_type) > 0", name="doc_type"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    #: the type of document in the symbol: BC (báo cáo), GK (giấy khen), QĐ...
    doc_type: Mapped[str] = mapped_column(String(10), nullable=False)
    seq: Mapped[int] = mapped_column(Integer, nullable=False)
    #: the whole number as printed after "Số:", e.g. "12/BC-CAX"
    number: Mapped[str] = mapped_column(String(60), nullable=False)
    #: the kind of document (a print job's name: "report 2026-Q3", "certificate")
    document: Mapped[str] = mapped_column(String(120), nullable=False)
    #: the record it was given to (a commendation's id, "unit|2026-Q3" for a report)
    record_key: Mapped[str] = mapped_column(String(120), nullable=False, index=True)
    #: what the officer reads in the list ("Báo cáo Quý III/2026", a recipient's name)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    issued_on: Mapped[date] = mapped_column(Date, nullable=False)
    issued_by: Mapped[str] = mapped_column(String(64), nullable=False)
    state: Mapped[str] = mapped_column(String(10), nullable=False, default="issued")
    cancelled_on: Mapped[date | None] = mapped_column(Date)
    cancel_reason: Mapped[str | None] = mapped_column(String(300))
