"""Residents' photos, inside the encrypted database (so they are encrypted at rest with it).

A photo is named by the SHA-256 of its bytes; a person's ``photo_sha256`` points here. The
table is local storage, not a synced table: photos travel in a bundle's attachment section.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.store.base import Base

#: The most bytes one stored photo may hold (the CHECK constraint says the same).
MAX_STORED_BYTES = 10 * 1024 * 1024


class StoredPhoto(Base):
    """One photo's bytes (a JPEG the app made, or one received in a bundle), by its hash."""

    __tablename__ = "photos"
    __table_args__ = (
        CheckConstraint("length(sha256) = 64", name="sha256"),
        CheckConstraint(f"length(data) BETWEEN 1 AND {MAX_STORED_BYTES}", name="size"),
    )

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    width: Mapped[int] = mapped_column(Integer, nullable=False)
    height: Mapped[int] = mapped_column(Integer, nullable=False)
    added_at: Mapped[str] = mapped_column(String(32), nullable=False)
