"""Residents (nhân khẩu), households (hộ gia đình) and their yearly pledges (cam kết)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

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
from antt_desktop.store.sealed import sealed_field


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
        # ID numbers are sealed (store/field_crypto.py): their digits are checked before
        # sealing (domain/idnumber.py), the plain last three here
        CheckConstraint(
            "id_last3 IS NULL OR (length(id_last3) = 3 AND id_last3 NOT GLOB '*[^0-9]*')",
            name="id_last3_digits",
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
        Index(
            "ix_persons_legacy_id_bidx",
            "legacy_id_bidx",
            sqlite_where=text("legacy_id_bidx IS NOT NULL"),
        ),
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
    # Sensitive values, sealed under the fields key (store/field_crypto.py): the stored
    # column under ``*_sealed``, the plain value through the expression of the same name as
    # the column (``Person.id_number``), opened in SQL by ``antt_open``. A sealed value is
    # a BLOB in the column that held the text (SQLite keeps either; the declared types stay
    # so the upgrade did not have to rewrite them, see revision 0021).
    id_number_sealed: Mapped[bytes | None] = mapped_column("id_number", String(12))
    #: Blind index of the ID number (HMAC under the fields key): exact search, uniqueness.
    id_number_bidx: Mapped[str | None] = mapped_column(String(32), unique=True)
    #: The ID number's last three digits: deliberately not secret (the mask of a list).
    id_last3: Mapped[str | None] = mapped_column(String(3))
    id_override_reason: Mapped[str | None] = mapped_column(Text)
    legacy_id_sealed: Mapped[bytes | None] = mapped_column("legacy_id", String(12))
    legacy_id_bidx: Mapped[str | None] = mapped_column(String(32))
    ethnic_code_sealed: Mapped[bytes | None] = mapped_column("ethnic_code", String(4))
    religion_code_sealed: Mapped[bytes | None] = mapped_column("religion_code", String(4))
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

    if TYPE_CHECKING:  # the opened values (sealed_field below): read, and set to write
        id_number: Mapped[str | None]
        legacy_id: Mapped[str | None]
        ethnic_code: Mapped[str | None]
        religion_code: Mapped[str | None]


Person.id_number = sealed_field(Person, "id_number", mask=True)
Person.legacy_id = sealed_field(Person, "legacy_id")
Person.ethnic_code = sealed_field(Person, "ethnic_code")
Person.religion_code = sealed_field(Person, "religion_code")


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
