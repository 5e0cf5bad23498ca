"""Drafts of the long texts an officer is typing in an editor (bản nháp), kept inside the
encrypted database so a crash or a power cut does not lose them.

Local storage only: never synced, never audited (a draft is not a record), private to the
account that typed it, and removed when the editor is saved or its changes are discarded.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.store.base import Base, new_id


class Draft(Base):
    """What one open editor held when it was last kept: its texts, by field."""

    __tablename__ = "drafts"
    __table_args__ = (CheckConstraint("length(label) > 0", name="label"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    #: the account that typed it (the only one it is ever shown to)
    account: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    #: the editor, as ``module:Class``, and what it was opened with (the record it edits)
    editor: Mapped[str] = mapped_column(String(200), nullable=False)
    opened_with: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    #: what the officer is told, e.g. "Viết nhận xét — Nguyễn Văn A"
    label: Mapped[str] = mapped_column(String(300), nullable=False)
    #: the texts typed, ``{field: text}``
    fields: Mapped[dict[str, str]] = mapped_column(JSON, nullable=False, default=dict)
    #: when it was last kept (local time, ISO 8601 to the second)
    saved_at: Mapped[str] = mapped_column(String(32), nullable=False)
