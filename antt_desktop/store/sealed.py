"""Sealed columns in the ORM: the plain value as an SQL expression, sealing at flush.

A model keeps the stored (sealed) column under ``<name>_sealed`` and gets, under the
column's own name, a read-only SQL expression ``antt_open(...)`` (store/field_crypto.py):
every query that selects or filters ``Person.id_number`` reads the plain value when the
session's database holds the fields key, and the mask (or NULL) when it does not. Setting
the attribute is how a service writes it: before the flush the value is sealed into the
stored column, with its blind index and last three digits.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    String,
    case,
    event,
    func,
    inspect,
    literal,
    literal_column,
    type_coerce,
)
from sqlalchemy.orm import Session, UOWTransaction, column_property, sessionmaker

from antt_desktop.store.base import new_id
from antt_desktop.store.field_crypto import (
    BLIND,
    ID_MASK,
    LAST3,
    SEALED,
    FieldsHolder,
    FieldsLocked,
    last3,
    seals,
)


def sealed_field(cls: Any, name: str, *, mask: bool = False) -> Any:
    """The plain value of ``cls``'s sealed column ``name`` as a column property (typed
    Any: the model declares it as ``Mapped[str | None]`` for the type checker)."""
    table = cls.__table__
    stored = table.c[name]
    fallback: Any = literal(None, String)
    if mask:
        last = table.c[LAST3]
        fallback = case((last.is_(None), None), else_=literal_column(f"'{ID_MASK}'") + last)
    expr = func.antt_open(
        stored, literal_column(f"'{table.name}'"), literal_column(f"'{name}'"), table.c.id, fallback
    )
    return column_property(type_coerce(expr, String()).label(name))


def _seal_objects(holder: FieldsHolder, session: Session) -> None:
    for obj in (*session.new, *session.dirty):
        table: str = getattr(type(obj), "__tablename__", "")
        names = SEALED.get(table)
        if not names:
            continue
        state = inspect(obj)
        changed = [n for n in names if state.attrs[n].history.added]
        if not changed:
            continue
        if not seals(table, obj):  # kept plain (the correction of a name, an address)
            for name in changed:
                setattr(obj, f"{name}_sealed", getattr(obj, name))
            continue
        cipher = holder.cipher
        if cipher is None:
            raise FieldsLocked(table=table, column=changed[0])
        if obj.id is None:
            obj.id = new_id()
        for name in changed:
            plain = getattr(obj, name)
            setattr(obj, f"{name}_sealed", cipher.seal(plain, table, name, obj.id))
            blind = BLIND.get((table, name))
            if blind:
                setattr(obj, blind, cipher.blind(plain))
            if table == "persons" and name == "id_number":
                setattr(obj, LAST3, last3(plain))


def install(factory: sessionmaker[Session], holder: FieldsHolder) -> None:
    """Seal what a flush of ``factory``'s sessions writes; register before the stamper, so
    the stored columns count as changed fields."""

    def before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
        _seal_objects(holder, session)

    event.listen(factory, "before_flush", before_flush)
