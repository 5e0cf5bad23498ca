"""Security teams (tổ ANTT, tổ hòa giải...) with members, and commendations (khen thưởng)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.store.base import Base, Synced


class Team(Synced, Base):
    """A team at the grassroots (tổ bảo vệ ANTT ở cơ sở, tổ an ninh nhân dân, tổ hòa giải...)."""

    __tablename__ = "teams"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('grassroots_security','people_security','mediation','self_managed',"
            "'fire_watch','working_group')",
            name="kind",
        ),
    )

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(24), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    founded_on: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class TeamArea(Synced, Base):
    """An area a team covers."""

    __tablename__ = "team_areas"
    __table_args__ = (UniqueConstraint("team_id", "area_id"),)

    team_id: Mapped[str] = mapped_column(ForeignKey("teams.id"), nullable=False)
    area_id: Mapped[str] = mapped_column(ForeignKey("areas.id"), nullable=False, index=True)


class TeamMember(Synced, Base):
    """A member of a team: a known person or a free-text name."""

    __tablename__ = "team_members"
    __table_args__ = (
        CheckConstraint("role IN ('leader','deputy','member')", name="role"),
        CheckConstraint("person_id IS NOT NULL OR length(trim(name)) > 0", name="who"),
        # cover the figures' read of the members on a day (revision 0027)
        Index("ix_team_members_figures", "team_id", "deleted", "joined_on", "left_on", "id"),
    )

    team_id: Mapped[str] = mapped_column(ForeignKey("teams.id"), nullable=False, index=True)
    role: Mapped[str] = mapped_column(String(8), nullable=False, default="member")
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), index=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    phone: Mapped[str | None] = mapped_column(String(20))
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)


class Commendation(Synced, Base):
    """A commendation (giấy khen, bằng khen, giấy chứng nhận) from one decision."""

    __tablename__ = "commendations"
    __table_args__ = (
        CheckConstraint("kind IN ('giay_khen','bang_khen','giay_chung_nhan')", name="kind"),
        CheckConstraint(
            "recipient_kind IN ('person','team','initiative','area','unit','text')",
            name="recipient_kind",
        ),
    )

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    issuer: Mapped[str] = mapped_column(String(200), nullable=False)
    decision_number: Mapped[str] = mapped_column(String(60), nullable=False)
    decision_date: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    recipient_kind: Mapped[str] = mapped_column(String(12), nullable=False)
    recipient_id: Mapped[str | None] = mapped_column(String(36))
    recipient_name: Mapped[str] = mapped_column(String(300), nullable=False)
    collective: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    achievement: Mapped[str] = mapped_column(Text, nullable=False)
    golden_book_no: Mapped[str | None] = mapped_column(String(40))
    #: the recipient's position and unit, the line under the name on the certificate
    recipient_position: Mapped[str | None] = mapped_column(String(300))
    #: the full name of the issuer who signs (under the signature space)
    signer_name: Mapped[str | None] = mapped_column(String(120))
