"""Declarative base and the sync columns every synced table carries (see SYNC.md)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Columns managed by the stamper; never copied as "data" and never stamped themselves.
SYNC_COLUMNS = frozenset(
    {"id", "owner_node", "version_vector", "created_stamp", "field_stamps", "hlc", "local_seq"}
)


#: Namespace of the ids of rows identified by a natural key (SYNC.md "Identity and keys").
NATURAL_NS = uuid.UUID("6f1c9b52-5d0e-4c55-9a4e-3c7d2f0a8b11")


def new_id() -> str:
    return str(uuid.uuid4())


def natural_id(table: str, *parts: object) -> str:
    """The UUIDv5 id of a logical singleton (a pledge = household + year), the same on every
    node, so two sides that create it independently cannot make twins."""
    return str(uuid.uuid5(NATURAL_NS, ":".join([table, *map(str, parts)])))


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Synced:
    """Mixin for tables that travel in sync bundles.

    ``created_stamp`` is the stamp of the row's first write; ``field_stamps`` holds only the
    fields written since, so a freshly created row costs one stamp, not one per field.
    A stamp is ``[hlc, replica_id, counter]``. ``deleted`` is an ordinary stamped field.
    """

    #: Tables whose rows are never updated after insert (merged as a union by id).
    append_only: bool = False

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    owner_node: Mapped[str] = mapped_column(String(36), nullable=False)
    version_vector: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    created_stamp: Mapped[list[Any]] = mapped_column(JSON, nullable=False, default=list)
    field_stamps: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False, default=dict)
    hlc: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    local_seq: Mapped[int] = mapped_column(Integer, nullable=False, default=0, index=True)
    deleted: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
