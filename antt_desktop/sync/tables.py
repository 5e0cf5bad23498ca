"""The synced tables as sync sees them: columns and their JSON form, parents, unique keys,
which unit a row belongs to (what a post may receive) and who may write it.

Built once from the SQLAlchemy metadata, so a table added to the models travels without
code here; a test checks that every synced table has a scope rule.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any, cast

from sqlalchemy import JSON, BigInteger, Boolean, Date, Integer, String, Table, Text

from antt_desktop.store import (
    field_crypto,
    models,  # noqa: F401 - every table registered
)
from antt_desktop.store.base import SYNC_COLUMNS, Base, Synced
from antt_desktop.sync.catalogues import CATALOGUE_SCOPE, CATALOGUE_TABLES

#: Accounts stay on the installation that made them (they hold password material).
LOCAL_ONLY = frozenset({"users"})
#: Written only by an upper unit or the province (a post's own unit row excepted).
UPPER_WRITTEN = frozenset({"units", "dossier_transfers"}) | CATALOGUE_TABLES
_VIA = {
    "households": "SELECT unit_id FROM households WHERE id = {t}.household_id",
    "dossiers": "SELECT unit_id FROM dossiers WHERE id = {t}.dossier_id",
    "persons": "SELECT unit_id FROM persons WHERE id = {t}.person_id",
    "initiatives": "SELECT unit_id FROM initiatives WHERE id = {t}.initiative_id",
    "teams": "SELECT unit_id FROM teams WHERE id = {t}.team_id",
    "areas": "SELECT unit_id FROM areas WHERE id = {t}.area_id",
}
#: The unit a row belongs to, as SQL over the table (None: every node receives the table).
SCOPE: dict[str, str | None] = {
    "units": None,
    **CATALOGUE_SCOPE,
    "household_year_status": f"({_VIA['households']})",
    "pledges": f"({_VIA['households']})",
    "assessments": f"({_VIA['dossiers']})",
    "supports": f"({_VIA['dossiers']})",
    "commitments": f"COALESCE(({_VIA['dossiers']}), ({_VIA['households']}))",
    "violations": f"({_VIA['persons']})",
    "person_corrections": f"({_VIA['persons']})",
    "initiative_areas": f"({_VIA['initiatives']})",
    "initiative_funding": f"({_VIA['initiatives']})",
    "initiative_assets": f"({_VIA['initiatives']})",
    "activities": f"({_VIA['initiatives']})",
    "evaluations": f"COALESCE({{t}}.unit_id, ({_VIA['initiatives']}), ({_VIA['areas']}))",
    "team_areas": f"({_VIA['teams']})",
    "team_members": f"({_VIA['teams']})",
    "dossier_transfers": "{t}.to_unit_id",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # str, int, bool, date, json
    nullable: bool
    has_default: bool


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    target: str  # the referenced column (usually id)


@dataclass(frozen=True)
class SyncTable:
    name: str
    table: Table
    columns: tuple[Column, ...]  # data columns, ``deleted`` included
    merge_fields: tuple[str, ...]  # data columns and owner_node
    foreign_keys: tuple[ForeignKey, ...]
    uniques: tuple[tuple[str, ...], ...]
    append_only: bool
    scope_sql: str | None  # "{t}" stands for the table name
    upper_written: bool

    @functools.cached_property
    def column_map(self) -> dict[str, Column]:
        return {c.name: c for c in self.columns}

    def scope(self) -> str | None:
        if self.scope_sql is not None:
            return self.scope_sql.format(t=self.name)
        return None


def _kind(column: Any) -> str:
    t = column.type
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Integer | BigInteger):
        return "int"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, JSON):
        return "json"
    if isinstance(t, String | Text):
        return "str"
    raise TypeError(f"column {column} has a type sync does not know")


def _build(cls: type[Any]) -> SyncTable:
    table: Table = cls.__table__
    local = field_crypto.LOCAL_COLUMNS.get(table.name, ())  # derived here, never sent
    columns = tuple(
        Column(
            c.name,
            _kind(c),
            bool(c.nullable),
            c.default is not None or c.server_default is not None,
        )
        for c in table.columns
        if c.name not in SYNC_COLUMNS and c.name not in local
    )
    fks = tuple(
        ForeignKey(fk.parent.name, fk.column.table.name, fk.column.name)
        for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name)
    )
    uniques: list[tuple[str, ...]] = []
    for constraint in table.constraints:
        cols = tuple(c.name for c in getattr(constraint, "columns", ()))
        if cols and cols != ("id",) and type(constraint).__name__ == "UniqueConstraint":
            uniques.append(cols)
    uniques += [(field_crypto.unique_of(table.name, c.name),) for c in table.columns if c.unique]
    scope = SCOPE.get(table.name, "{t}.unit_id" if "unit_id" in table.columns else "")
    if scope == "":
        raise TypeError(f"table {table.name} has no sync scope rule")
    return SyncTable(
        name=table.name,
        table=table,
        columns=columns,
        merge_fields=(*(c.name for c in columns), "owner_node"),
        foreign_keys=fks,
        uniques=tuple(sorted(set(uniques))),
        append_only=bool(cls.append_only),
        scope_sql=scope,
        upper_written=table.name in UPPER_WRITTEN,
    )


@cache
def synced_tables() -> tuple[SyncTable, ...]:
    """Every table that travels, parents before children."""
    classes: dict[str, type[Any]] = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        name = cast(Table, mapper.local_table).name
        if issubclass(cls, Synced) and name not in LOCAL_ONLY:
            classes[name] = cls
    order = [t.name for t in Base.metadata.sorted_tables if t.name in classes]
    return tuple(_build(classes[name]) for name in order)


@cache
def by_name() -> dict[str, SyncTable]:
    return {t.name: t for t in synced_tables()}


def to_json(value: Any) -> Any:
    """A column value as JSON (dates as ISO text)."""
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_json(column: Column, value: Any) -> Any:
    """A JSON value checked against the column's type; ValueError names the column."""
    if value is None:
        if not column.nullable and not column.has_default:
            raise ValueError(f"{column.name} is missing")
        return None
    kind = column.kind
    if kind == "str" and isinstance(value, str) and len(value) <= 100_000:
        return value
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "bool" and isinstance(value, bool):
        return value
    if kind == "json" and isinstance(value, list | dict):
        return value
    if kind == "date" and isinstance(value, str) and len(value) == 10:
        return date.fromisoformat(value)
    raise ValueError(f"{column.name} has a value of the wrong kind")
