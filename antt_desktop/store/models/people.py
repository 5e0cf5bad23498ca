"""Residents (nhân khẩu), households (hộ gia đình) and their yearly pledges (cam kết)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.domain.text import fold, sort_key
from antt_desktop.store.base import Base, Synced


def name_columns(full_name: str) -> dict[str, str]:
    """The name and its derived search and sort columns, computed in one place for every
    writer (services, bulk loaders, sync)."""
    folded = fold(full_name)
    return {
        "full_name": full_name,
        "name_folded": folded,
        "given_folded": folded.rsplit(" ", 1)[-1],
        "sort_key": sort_key(full_name),
    }


class Person(Synced, Base):
    """A resident; a managed person when an open dossier points at them."""

    __tablename__ = "persons"
    __table_args__ = (
        CheckConstraint("sex IN ('M','F')", name="sex"),
        CheckConstraint(
            "id_number IS NULL OR (length(id_number) = 12 AND id_number NOT GLOB '*[^0-9]*')",
            name="id_number_digits",
        ),
        CheckConstraint(
            "legacy_id IS NULL OR ((length(legacy_id) = 9 OR length(legacy_id) = 12)"
            " AND legacy_id NOT GLOB '*[^0-9]*')",
            name="legacy_id_digits",
        ),
        CheckConstraint("length(trim(full_name)) > 0", name="name_not_blank"),
        # the "same name and birth date" duplicate warning looks people up by these
        Index("ix_persons_name_born", "name_folded", "born"),
        # search by given name ("trang nguyen"): read in Vietnamese order, no table lookups
        Index("ix_persons_given_sort", "given_folded", "sort_key", "name_folded"),
        # the residents list in Vietnamese order, of every post or of one, read off the index
        # alone (no table lookups: 450,000 ids stream in a fraction of a second)
        Index("ix_persons_list_order", "sort_key", "deleted", "id"),
        # which record names a photo (a photo no record names is deleted): people with one
        Index("ix_persons_photo", "photo_sha256", sqlite_where=text("photo_sha256 IS NOT NULL")),
        Index("ix_persons_unit_list_order", "unit_id", "sort_key", "deleted", "id"),
        # likely duplicates: an old card number (CMND) met again, or as another's ID number
        Index("ix_persons_legacy_id", "legacy_id", sqlite_where=text("legacy_id IS NOT NULL")),
    )

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False)
    full_name: Mapped[str] = mapped_column(String(120), nullable=False)
    name_folded: Mapped[str] = mapped_column(String(120), nullable=False)
    given_folded: Mapped[str] = mapped_column(String(40), nullable=False, server_default="")
    sort_key: Mapped[str] = mapped_column(String(400), nullable=False)
    other_names: Mapped[str | None] = mapped_column(String(200))
    born: Mapped[str | None] = mapped_column(String(10))  # ISO partial: YYYY, YYYY-MM, YYYY-MM-DD
    birth_year: Mapped[int | None] = mapped_column(Integer, index=True)
    sex: Mapped[str | None] = mapped_column(String(1))
    id_number: Mapped[str | None] = mapped_column(String(12), unique=True)
    id_override_reason: Mapped[str | None] = mapped_column(Text)
    legacy_id: Mapped[str | None] = mapped_column(String(12))
    ethnic_code: Mapped[str | None] = mapped_column(String(4))
    religion_code: Mapped[str | None] = mapped_column(String(4))
    nationality: Mapped[str] = mapped_column(String(40), nullable=False, default="Việt Nam")
    birth_place: Mapped[str | None] = mapped_column(String(200))
    permanent_area_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id"), index=True)
    permanent_address: Mapped[str | None] = mapped_column(String(300))
    current_area_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id"), index=True)
    current_address: Mapped[str | None] = mapped_column(String(300))
    occupation: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(20))
    photo_sha256: Mapped[str | None] = mapped_column(String(64))
    household_id: Mapped[str | None] = mapped_column(ForeignKey("households.id"), index=True)
    relation_to_head: Mapped[str | None] = mapped_column(String(40))
    notes: Mapped[str | None] = mapped_column(Text)
    #: The record this one was merged into (gộp hồ sơ trùng); set on a tombstone only.
    merged_into: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), index=True)


class Household(Synced, Base):
    """A household register entry (hộ gia đình) with its head (chủ hộ)."""

    __tablename__ = "households"
    __table_args__ = (
        UniqueConstraint("unit_id", "number"),
        # covers the per-area household counts of pledge coverage
        Index("ix_households_unit_area_live", "unit_id", "area_id", "deleted", "id"),
    )

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    number: Mapped[str] = mapped_column(String(20), nullable=False)
    head_person_id: Mapped[str | None] = mapped_column(
        ForeignKey("persons.id", use_alter=True), index=True
    )
    area_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id"), index=True)
    address: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)


class HouseholdYearStatus(Synced, Base):
    """Poor / near-poor status of a household for one year (hộ nghèo, cận nghèo)."""

    __tablename__ = "household_year_status"
    __table_args__ = (
        UniqueConstraint("household_id", "year"),
        CheckConstraint("status IN ('poor','near_poor','none')", name="status"),
    )

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(12), nullable=False)


class Pledge(Synced, Base):
    """A household's yearly pledge; at most one per household per year (id = UUIDv5 of both)."""

    __tablename__ = "pledges"
    __table_args__ = (
        UniqueConstraint("household_id", "year"),
        CheckConstraint("status IN ('signed','refused','violated')", name="status"),
        CheckConstraint("year BETWEEN 1990 AND 2200", name="year"),
        # covers the household-to-pledge join of the statistics
        Index(
            "ix_pledges_household_year_status",
            "household_id",
            "year",
            "deleted",
            "status",
            "cultured_family",
        ),
    )

    household_id: Mapped[str] = mapped_column(ForeignKey("households.id"), nullable=False)
    year: Mapped[int] = mapped_column(Integer, nullable=False, index=True)
    template_version: Mapped[str] = mapped_column(String(20), nullable=False, default="2026")
    items: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    signed_on: Mapped[date | None] = mapped_column(Date)
    signer_name: Mapped[str | None] = mapped_column(String(120))
    officer_name: Mapped[str | None] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="signed")
    violation_notes: Mapped[str | None] = mapped_column(Text)
    cultured_family: Mapped[bool | None] = mapped_column(Boolean)
