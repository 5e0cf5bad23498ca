"""What the Danh mục window and ``antt catalogue`` show: each catalogue with its version
(number, date, issuing unit), and its entries as typed rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from antt_desktop.services.catalogue_edits import find, may_edit, model_of, spec_of
from antt_desktop.services.catalogue_specs import KEYS, SHIPPED_NUMBER, SHIPPED_ON
from antt_desktop.services.context import Ctx, Permission
from antt_desktop.store.base import natural_id
from antt_desktop.store.models import CatalogueItem, CatalogueVersion


@dataclass(frozen=True)
class Version:
    """A catalogue's version; ``issuer`` None for the catalogue shipped with the program."""

    number: int
    issued_on: date
    issuer: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "issued_on": self.issued_on, "issuer": self.issuer}


@dataclass(frozen=True)
class CatalogueSummary:
    key: str
    version: Version
    entries: int
    retired: int
    to_check: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "catalogue": self.key,
            "version": self.version.to_dict(),
            "entries": self.entries,
            "retired": self.retired,
            "to_check": self.to_check,
        }


@dataclass(frozen=True)
class EntryRow:
    """One entry: its code, names, flags and every field of its catalogue (``values``)."""

    key: str
    code: str
    name_vi: str
    name_en: str | None
    retired: bool
    to_check: bool
    values: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, **self.values, "retired": self.retired}


def version(ctx: Ctx, key: str) -> Version:
    """The version of catalogue ``key`` this node holds."""
    row = ctx.session.get(CatalogueVersion, natural_id("catalogue_versions", key))
    if row is None or row.deleted:
        return Version(SHIPPED_NUMBER, SHIPPED_ON, None)
    return Version(row.number, row.issued_on, row.issuer)


def _rows(ctx: Ctx, key: str) -> list[Any]:
    model = model_of(key)
    query = select(model).where(model.deleted.is_(False))
    if model is CatalogueItem:
        query = query.where(CatalogueItem.catalogue == key)
    order = model.code if not hasattr(model, "position") else model.position
    return list(ctx.session.execute(query.order_by(order, model.code)).scalars())


def _entry(key: str, row: Any) -> EntryRow:
    spec = spec_of(key)
    return EntryRow(
        key=key,
        code=row.code,
        name_vi=row.name_vi,
        name_en=row.name_en,
        retired=row.retired,
        to_check=row.to_check,
        values={name: getattr(row, name) for name in spec.names},
    )


def entries(ctx: Ctx, key: str, *, only_to_check: bool = False) -> tuple[EntryRow, ...]:
    """The live entries of catalogue ``key`` in their order (retired ones included)."""
    ctx.require(Permission.READ)
    rows = (_entry(key, r) for r in _rows(ctx, key))
    return tuple(r for r in rows if r.to_check or not only_to_check)


def retired_codes(ctx: Ctx, key: str) -> frozenset[str]:
    """The codes of catalogue ``key`` no longer offered for new records."""
    ctx.require(Permission.READ)
    return frozenset(r.code for r in _rows(ctx, key) if r.retired)


def entry(ctx: Ctx, key: str, code: str) -> EntryRow | None:
    ctx.require(Permission.READ)
    row = find(ctx, key, code)
    return _entry(key, row) if row is not None else None


def summaries(ctx: Ctx) -> tuple[CatalogueSummary, ...]:
    """Every catalogue with its version and counts, in the window's order."""
    ctx.require(Permission.READ)
    out = []
    for key in KEYS:
        rows = [_entry(key, r) for r in _rows(ctx, key)]
        out.append(
            CatalogueSummary(
                key,
                version(ctx, key),
                len(rows),
                sum(r.retired for r in rows),
                sum(r.to_check for r in rows),
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class EditRights:
    """Whether this account may change the catalogues on this node."""

    may_edit: bool


def rights(ctx: Ctx) -> EditRights:
    ctx.require(Permission.READ)
    return EditRights(may_edit(ctx))
