"""The write that settles a conflict: chosen values set through the ORM, so the stamper
gives them a new stamp (one that has seen both sides) and the search index follows.

Everything is checked first (the record exists, this node may change it, each value fits
its column, no other record holds a unique value); the database's own constraints are
tried in a savepoint, so a refusal leaves the transaction as it was.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import flag_modified

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.services.context import Ctx
from antt_desktop.services.ownership import require_owned
from antt_desktop.store.models import Dossier, Person
from antt_desktop.sync import records, rows
from antt_desktop.sync.tables import by_name, from_json


def refuse(field: str, code: str, **params: Any) -> ValidationFailed:
    return ValidationFailed.single(field, code, **params)


def write_fields(ctx: Ctx, table: str, row_id: str, values: dict[str, Any]) -> dict[str, Any]:
    """Write ``values`` (travelling form) to one record; returns the record as it now is."""
    t = by_name().get(table)
    cls = records.classes().get(table)
    obj = ctx.session.get(cls, row_id) if t is not None and cls is not None else None
    if t is None or cls is None or obj is None:
        raise refuse("conflict_id", "sync.conflict.record_missing", value=row_id)
    if isinstance(obj, Dossier | Person):
        require_owned(ctx, obj, "conflict_id")
    columns = t.column_map
    typed: dict[str, Any] = {}
    for name, value in values.items():
        column = columns.get(name)
        if column is None:
            raise refuse("conflict_id", "sync.conflict.record_missing", value=name)
        try:
            typed[name] = from_json(column, value)
        except ValueError as exc:
            raise refuse(name, "sync.conflict.invalid", detail=str(exc)) from exc
    for unique in t.uniques:
        if not set(unique) & set(typed):
            continue
        key = {c: typed.get(c, getattr(obj, c)) for c in unique}
        if None in key.values():
            continue
        holder = ctx.session.execute(
            select(cls.id).where(*(getattr(cls, c) == v for c, v in key.items()), cls.id != row_id)
        ).scalar()
        if holder is not None:
            raise refuse(
                unique[0], "sync.conflict.taken", other=records.describe(ctx.session, table, holder)
            )
    savepoint = ctx.session.begin_nested()
    for name, value in typed.items():
        setattr(obj, name, value)
        flag_modified(obj, name)  # stamped even when the value is the one already there
    try:
        ctx.session.flush()
    except IntegrityError as exc:
        savepoint.rollback()
        raise refuse("conflict_id", "sync.conflict.invalid", detail=str(exc.orig)[:200]) from exc
    savepoint.commit()
    return rows.fetch(ctx.session.connection(), t, [row_id])[row_id]
