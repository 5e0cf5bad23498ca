"""Units, areas, catalogues, users, audit entries and this node's own sync state."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from antt_desktop.store.base import Base, Synced


class LocalNode(Base):
    """This installation's identity and clocks (one row, never synced)."""

    __tablename__ = "local_node"
    __table_args__ = (CheckConstraint("singleton = 1", name="one_row"),)

    singleton: Mapped[int] = mapped_column(Integer, primary_key=True, default=1)
    node_id: Mapped[str] = mapped_column(String(36), nullable=False)
    replica_id: Mapped[str] = mapped_column(String(36), nullable=False)
    unit_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    hlc: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    counter: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    #: entries of the audit log written before its chain was keyed (revision 0024)
    audit_legacy_entries: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, server_default="0"
    )
    #: the key file's seal generation seen at the last login (revision 0019_keyfile_mac)
    keyfile_seal_generation: Mapped[int] = mapped_column(
        Integer, nullable=False, default=0, server_default="0"
    )
    #: the key hierarchy (revision 0020, security/hierarchy.py): the fields key's generation
    #: the sensitive columns are sealed under, each account's proved public key (JSON), and
    #: the audit chain's key once the database key was rotated
    fields_key_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    account_keys: Mapped[str | None] = mapped_column(Text, nullable=True)
    audit_secret: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


class Unit(Synced, Base):
    """A police post or an upper unit (đơn vị); also a sync node."""

    __tablename__ = "units"
    __table_args__ = (
        CheckConstraint("kind IN ('commune_post','upper_unit','province')", name="kind"),
    )

    code: Mapped[str] = mapped_column(String(16), nullable=False, unique=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), nullable=True, index=True)
    parent_body: Mapped[str | None] = mapped_column(String(200))
    place_name: Mapped[str | None] = mapped_column(String(100))
    ward_code: Mapped[str | None] = mapped_column(String(8))
    upper_label: Mapped[str | None] = mapped_column(String(100))


class Area(Synced, Base):
    """A residential area (thôn, xóm, bản, ấp, tổ dân phố, khu phố)."""

    __tablename__ = "areas"
    __table_args__ = (
        UniqueConstraint("unit_id", "name"),
        CheckConstraint("kind IN ('thon','xom','ban','ap','to_dan_pho','khu_pho')", name="kind"),
    )

    unit_id: Mapped[str] = mapped_column(ForeignKey("units.id"), nullable=False, index=True)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    kind: Mapped[str] = mapped_column(String(16), nullable=False, default="thon")


class CatalogueItem(Synced, Base):
    """An entry of a simple catalogue (ethnic groups, religions, ID province codes,
    initiative types, activity kinds). Written only by the upper unit or province."""

    __tablename__ = "catalogue_items"
    __table_args__ = (UniqueConstraint("catalogue", "code"),)

    catalogue: Mapped[str] = mapped_column(String(40), nullable=False)
    code: Mapped[str] = mapped_column(String(40), nullable=False)
    name_vi: Mapped[str] = mapped_column(String(200), nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    #: no longer offered for new records; records that name it keep it (never deleted in use)
    retired: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default="0"
    )
    #: the text still awaits checking against the law in force ("cần kiểm tra")
    to_check: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default="0"
    )


class DossierCategory(Synced, Base):
    """A dossier category (nhóm đối tượng) with its duration and assessment cadence."""

    __tablename__ = "dossier_categories"
    __table_args__ = (
        CheckConstraint("cadence IN ('monthly','quarterly','periodic','none')", name="cadence"),
        CheckConstraint("due_day BETWEEN 1 AND 28", name="due_day"),
    )

    code: Mapped[str] = mapped_column(String(32), nullable=False, unique=True)
    name_vi: Mapped[str] = mapped_column(String(200), nullable=False)
    name_en: Mapped[str] = mapped_column(String(200), nullable=False)
    legal_basis: Mapped[str | None] = mapped_column(Text)
    cadence: Mapped[str] = mapped_column(String(16), nullable=False)
    due_day: Mapped[int] = mapped_column(Integer, nullable=False, default=5)
    default_months: Mapped[int | None] = mapped_column(Integer)
    ratings: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    uses_classification: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    #: Years a closed dossier of this category is kept before it is proposed for purging.
    retention_years: Mapped[int] = mapped_column(
        Integer, nullable=False, default=5, server_default="5"
    )
    #: no longer offered for new records; records that name it keep it (never deleted in use)
    retired: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default="0"
    )
    #: the text still awaits checking against the law in force ("cần kiểm tra")
    to_check: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default="0"
    )


class Rubric(Synced, Base):
    """A scoring rubric for evaluations: criteria with maximum points."""

    __tablename__ = "rubrics"

    code: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)
    name_vi: Mapped[str] = mapped_column(String(200), nullable=False)
    name_en: Mapped[str | None] = mapped_column(String(200))
    criteria: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    pass_mark: Mapped[int] = mapped_column(Integer, nullable=False)
    #: no longer offered for new records; records that name it keep it (never deleted in use)
    retired: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default="0"
    )
    #: the text still awaits checking against the law in force ("cần kiểm tra")
    to_check: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False, server_default="0"
    )


class CatalogueVersion(Synced, Base):
    """The version of one catalogue (phiên bản danh mục): raised by every edit of the unit
    that issues it, and carried down to the posts with its entries."""

    __tablename__ = "catalogue_versions"
    __table_args__ = (CheckConstraint("number >= 1", name="number"),)

    catalogue: Mapped[str] = mapped_column(String(40), nullable=False, unique=True)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    issued_on: Mapped[date] = mapped_column(Date, nullable=False)
    issuer: Mapped[str] = mapped_column(String(200), nullable=False)


class User(Synced, Base):
    """An officer's account (cán bộ). Passwords and key slots come with the security work."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint("role IN ('officer','chief','viewer','upper','admin')", name="role"),
    )

    username: Mapped[str] = mapped_column(String(64), nullable=False, unique=True)
    full_name: Mapped[str] = mapped_column(String(120), nullable=False)
    #: chức vụ / cấp bậc ("Trưởng Công an xã", "Thượng úy"), printed above the signature
    title: Mapped[str | None] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16), nullable=False)
    unit_id: Mapped[str | None] = mapped_column(ForeignKey("units.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)


class AuditEntry(Base):
    """One line of the append-only audit log, written in the same transaction as the change."""

    __tablename__ = "audit_entries"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[str] = mapped_column(String(32), nullable=False)
    actor: Mapped[str] = mapped_column(String(64), nullable=False)
    action: Mapped[str] = mapped_column(String(32), nullable=False)
    entity: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(36))
    fields: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    detail: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    hash: Mapped[str] = mapped_column(String(64), nullable=False)
