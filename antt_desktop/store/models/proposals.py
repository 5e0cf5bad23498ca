"""Edits the upper unit made to a record the post owns (đề nghị sửa từ cấp trên), kept at
the post as proposals until its officer accepts or rejects them (SYNC.md "Ownership").

Synced: the post creates the row when the upper unit's bundle arrives and writes the
decision; both travel back to the upper unit like any other write of the post's, so the
upper unit sees what became of its proposal.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.store.base import Base, Synced

#: The states of a proposal.
PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"


class SyncProposal(Synced, Base):
    """One upper-unit edit of one post-owned record: which fields, the values proposed and
    the values the post held when it arrived."""

    __tablename__ = "sync_proposals"
    __table_args__ = (
        CheckConstraint("state IN ('pending','accepted','rejected')", name="state"),
        Index("ix_sync_proposals_record", "table_name", "row_id"),
    )

    #: the post whose record it is (what decides who receives the row)
    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    table_name: Mapped[str] = mapped_column(String(40), nullable=False)
    row_id: Mapped[str] = mapped_column(String(36), nullable=False)
    #: field -> value proposed / value at the post when the proposal arrived
    proposed: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    current: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    proposer_node: Mapped[str] = mapped_column(String(36), nullable=False)
    proposer_unit: Mapped[str] = mapped_column(String(200), nullable=False)
    #: the officer of the upper unit, when its bundle names them
    proposed_by: Mapped[str | None] = mapped_column(String(200))
    proposed_at: Mapped[str] = mapped_column(String(32), nullable=False)
    bundle_id: Mapped[str] = mapped_column(String(36), nullable=False)
    received_at: Mapped[str] = mapped_column(String(32), nullable=False)
    state: Mapped[str] = mapped_column(String(10), nullable=False, default=PENDING)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decided_at: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(Text)


#: What a proposal keeps of a sealed field's values (an ID number, ethnicity, religion, risk
#: notes, a violation's text): nothing. A proposal row is not sealed and travels back up, so
#: it says only that the upper unit changed the field; the officer checks with the upper unit
#: and corrects the record by hand (docs/SYNC_OWNERSHIP.md).
WITHHELD: dict[str, bool] = {"withheld": True}


def is_withheld(value: Any) -> bool:
    return isinstance(value, dict) and value.get("withheld") is True
