"""Corrections of a person's data (đính chính thông tin): one row per field changed."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.store.base import Base, Synced
from antt_desktop.store.sealed import sealed_field


class PersonCorrection(Synced, Base):
    """Which field of a person was corrected, from what to what, by whom, when and why.

    Append-only (SYNC.md): a later correction is a new row. The values are stored as the
    service keeps them (codes, ISO dates); the database is encrypted, and roles that may not
    read sensitive values see them masked (``services.corrections``).
    """

    __tablename__ = "person_corrections"
    __table_args__ = (Index("ix_person_corrections_person_order", "person_id", "corrected_on"),)
    append_only = True

    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), nullable=False)
    field: Mapped[str] = mapped_column(String(40), nullable=False)
    #: Sealed under the fields key when ``field`` is a sealed one (store/field_crypto.py);
    #: ``old_value`` and ``new_value`` open them.
    old_value_sealed: Mapped[bytes | str | None] = mapped_column("old_value", Text)
    new_value_sealed: Mapped[bytes | str | None] = mapped_column("new_value", Text)
    reason: Mapped[str | None] = mapped_column(Text)
    corrected_by: Mapped[str] = mapped_column(String(64), nullable=False)
    corrected_on: Mapped[date] = mapped_column(Date, nullable=False)

    if TYPE_CHECKING:  # the opened values (sealed_field below): read, and set to write
        old_value: Mapped[str | None]
        new_value: Mapped[str | None]


PersonCorrection.old_value = sealed_field(PersonCorrection, "old_value")
PersonCorrection.new_value = sealed_field(PersonCorrection, "new_value")
