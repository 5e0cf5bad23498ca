"""Rows in their travelling form: a dict of JSON values (dates as ISO text, booleans as
true/false, JSON columns parsed), read from and written to SQLite at the driver level.

Working in one form everywhere (bundle, merge, database) keeps comparisons exact and the
import close to a raw ``executemany`` in speed.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection

from antt_desktop.sync import extras
from antt_desktop.sync.tables import SyncTable

STAMP_COLUMNS = ("owner_node", "version_vector", "created_stamp", "field_stamps", "hlc")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
MAX_TEXT = 100_000
BATCH = 500


def db_columns(t: SyncTable) -> list[str]:
    """Every column of the table as stored, ``local_seq`` last."""
    return ["id", *STAMP_COLUMNS, *(c.name for c in t.columns), "local_seq"]


def from_db(t: SyncTable, names: Sequence[str], values: Sequence[Any]) -> dict[str, Any]:
    kinds = _kinds(t)
    row: dict[str, Any] = {}
    for name, value in zip(names, values, strict=True):
        kind = kinds.get(name)
        if value is not None and kind == "json":
            value = json.loads(value)
        elif value is not None and kind == "bool":
            value = bool(value)
        row[name] = value
    return row


def to_db(t: SyncTable, row: dict[str, Any], names: Sequence[str]) -> tuple[Any, ...]:
    kinds = _kinds(t)
    out = []
    for name in names:
        value = row.get(name)
        if value is not None and kinds.get(name) == "json":
            value = _dumps(value)
        out.append(value)
    return tuple(out)


@functools.cache
def _kinds_cached(name: str, spec: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {
        **dict(spec),
        "version_vector": "json",
        "created_stamp": "json",
        "field_stamps": "json",
        "deleted": "bool",
    }


def _kinds(t: SyncTable) -> dict[str, str]:
    return _kinds_cached(t.name, tuple((c.name, c.kind) for c in t.columns))


def fetch(conn: Connection, t: SyncTable, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The stored rows with these ids."""
    names = db_columns(t)
    found: dict[str, dict[str, Any]] = {}
    wanted = list(ids)
    select = f"SELECT {', '.join(names)} FROM {t.name} WHERE id IN "
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        sql = select + f"({','.join('?' * len(chunk))})"
        for values in conn.exec_driver_sql(sql, tuple(chunk)):
            row = from_db(t, names, values)
            found[row["id"]] = row
    return found


def existing(conn: Connection, table: str, column: str, values: Iterable[Any]) -> set[Any]:
    """Which of ``values`` appear in ``table.column``."""
    wanted = [v for v in set(values) if v is not None]
    found: set[Any] = set()
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        sql = f"SELECT {column} FROM {table} WHERE {column} IN ({','.join('?' * len(chunk))})"
        found.update(v for (v,) in conn.exec_driver_sql(sql, tuple(chunk)))
    return found


def iterate(conn: Connection, t: SyncTable, where: str, params: dict[str, Any]) -> Iterator[Any]:
    names = db_columns(t)
    sql = f"SELECT {', '.join(names)} FROM {t.name} WHERE {where} ORDER BY local_seq"
    for values in conn.exec_driver_sql(sql, params):
        yield from_db(t, names, values)


def _is_stamp(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 3
        and isinstance(value[0], int)
        and isinstance(value[1], str)
        and len(value[1]) <= 64
        and isinstance(value[2], int)
    )


def check(t: SyncTable, row: dict[str, Any]) -> dict[str, Any]:
    """A received row, checked against the table; fields this version does not know are
    kept under ``extras.EXTRA``.

    Raises:
        ValueError: naming the column that is wrong.
    """
    ident = row.get("id")
    if not isinstance(ident, str) or not 1 <= len(ident) <= 36:
        raise ValueError("id")
    if not isinstance(row.get("owner_node"), str) or len(row["owner_node"]) > 36:
        raise ValueError("owner_node")
    vector = row.get("version_vector")
    if not isinstance(vector, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
        for k, v in vector.items()
    ):
        raise ValueError("version_vector")
    if not _is_stamp(row.get("created_stamp")):
        raise ValueError("created_stamp")
    stamps = row.get("field_stamps")
    if not isinstance(stamps, dict) or not all(_is_stamp(s) for s in stamps.values()):
        raise ValueError("field_stamps")
    if not isinstance(row.get("hlc"), int):
        raise ValueError("hlc")
    out: dict[str, Any] = {k: row[k] for k in ("id", *STAMP_COLUMNS)}
    for column in t.columns:
        if column.name not in row:
            continue  # an older program: the merge keeps the local value
        value = row[column.name]
        kind = column.kind
        if value is None:
            if not column.nullable:
                raise ValueError(column.name)
        elif kind == "str":
            if not isinstance(value, str) or len(value) > MAX_TEXT:
                raise ValueError(column.name)
        elif kind == "int":
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(column.name)
        elif kind == "bool":
            if not isinstance(value, bool):
                raise ValueError(column.name)
        elif kind == "date":
            if not isinstance(value, str) or not _DATE.match(value):
                raise ValueError(column.name)
        elif not isinstance(value, list | dict):
            raise ValueError(column.name)
        out[column.name] = value
    extra = extras.split(t, row)
    if extra:
        out[extras.EXTRA] = extra
    return out


def complete(t: SyncTable, row: dict[str, Any]) -> dict[str, Any]:
    """A new row with every column: what an older program did not send takes its default."""
    missing = [c for c in t.columns if c.name not in row]
    if not missing:
        return row
    full = dict(row)
    for column in missing:
        default = t.table.c[column.name].default
        arg = getattr(default, "arg", None) if default is not None else None
        if arg is None or callable(arg):
            if not column.nullable:
                raise ValueError(column.name)
            arg = None
        full[column.name] = arg
    return full
