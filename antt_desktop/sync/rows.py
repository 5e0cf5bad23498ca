"""Rows in their travelling form: a dict of JSON values (dates as ISO text, booleans as
true/false, JSON columns parsed), read from and written to SQLite at the driver level.

Working in one form everywhere (bundle, merge, database) keeps comparisons exact and the
import close to a raw ``executemany`` in speed.
"""

from __future__ import annotations

import datetime
import functools
import itertools
import json
import operator
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Text

from antt_desktop.domain.text_input import first_forbidden
from antt_desktop.store import field_crypto
from antt_desktop.store.spelling import Spelling
from antt_desktop.store.text_guard import all_allowed
from antt_desktop.sync import extras
from antt_desktop.sync.tables import SyncTable

STAMP_COLUMNS = ("owner_node", "version_vector", "created_stamp", "field_stamps", "hlc")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_dumps = functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":"))
MAX_TEXT = 100_000
BATCH = 500
#: Columns an export reads from every row, fetched beside its line (the photo to attach).
EAGER = ("photo_sha256",)


def db_columns(t: SyncTable) -> list[str]:
    """Every column of the table as stored, ``local_seq`` last."""
    return ["id", *STAMP_COLUMNS, *(c.name for c in t.columns), "local_seq"]


def from_db(t: SyncTable, names: Sequence[str], values: Sequence[Any]) -> dict[str, Any]:
    """A stored row in its travelling form. SQLite gives JSON columns as text and dates as
    ISO text; a server gives them parsed and as ``date`` values (made the same here)."""
    kinds = _kinds(t)
    row: dict[str, Any] = {}
    for name, value in zip(names, values, strict=True):
        kind = kinds.get(name)
        if value is not None and kind == "json":
            if isinstance(value, str):
                value = json.loads(value)
        elif value is not None and kind == "bool":
            value = bool(value)
        elif kind == "date" and isinstance(value, datetime.date):
            value = value.isoformat()
        row[name] = value
    return row


def to_db(t: SyncTable, row: dict[str, Any], names: Sequence[str]) -> tuple[Any, ...]:
    return db_encoder(t, names)(row)


def db_encoder(t: SyncTable, names: Sequence[str]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """A function giving a row's values for ``names`` as stored (JSON columns as text)."""
    return _encoder(t.name, tuple(names))


@functools.cache
def _encoder(table: str, names: tuple[str, ...]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    from antt_desktop.sync.tables import by_name

    kinds = _kinds(by_name()[table])
    json_at = [i for i, n in enumerate(names) if kinds.get(n) == "json"]
    encode = _json_text()

    every = operator.itemgetter(*names) if len(names) > 1 else None

    def values(row: dict[str, Any]) -> tuple[Any, ...]:
        try:  # a whole row (the usual case): taken in one C call
            out = list(every(row)) if every is not None else [row[names[0]]]
        except KeyError:
            get = row.get
            out = [get(n) for n in names]
        for i in json_at:
            if out[i] is not None:
                out[i] = encode(out[i])
        return tuple(out)

    return values


def _json_text() -> Callable[[Any], str]:
    """``json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode`` for a list or
    an object, calling the C encoder directly (three values of every row go through it)."""
    plain = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return plain.encode
    chunks = make(
        None, plain.default, json.encoder.encode_basestring, None, ":", ",", False, False, True
    )
    return lambda value: "".join(chunks(value, 0))


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
    select = f"SELECT {_plain_columns(t, names)} FROM {t.name} WHERE id IN "
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


def _plain_columns(t: SyncTable, names: Sequence[str]) -> str:
    """The select list of ``names``, sealed fields opened (rows travel plain: a bundle is
    encrypted whole, and the receiver seals them under its own key)."""
    return ", ".join(field_crypto.open_sql(t.name, n) for n in names)


def iterate(conn: Connection, t: SyncTable, where: str, params: dict[str, Any]) -> Iterator[Any]:
    names = db_columns(t)
    sql = f"SELECT {_plain_columns(t, names)} FROM {t.name} WHERE {where} ORDER BY local_seq"
    for values in conn.exec_driver_sql(sql, params):
        yield from_db(t, names, values)


class EncodedRow(dict[str, Any]):
    """A row read for export as the JSON line SQLite wrote, parsed only when needed.

    It starts with a few keys read beside the line (``id``, a resident's photo hash); any
    other read parses the whole line first. The line goes into the bundle as it is; any
    change to the row drops it, so a changed row is encoded again from its values.
    """

    __slots__ = ("_whole", "line")

    def __init__(self, line: bytes, known: dict[str, Any]) -> None:
        super().__init__(known)
        self.line: bytes | None = line
        self._whole = False

    def _parse(self) -> None:
        if not self._whole:
            self._whole = True
            if self.line is not None:
                super().update(json.loads(self.line))

    def _change(self) -> None:
        self._parse()
        self.line = None

    def __getitem__(self, key: str) -> Any:
        if not self._whole and not super().__contains__(key):
            self._parse()
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        if not self._whole and not super().__contains__(key):
            self._parse()
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self._parse()
        return super().__contains__(key)

    def __iter__(self) -> Iterator[str]:
        self._parse()
        return super().__iter__()

    def __len__(self) -> int:
        self._parse()
        return super().__len__()

    def keys(self) -> Any:
        self._parse()
        return super().keys()

    def items(self) -> Any:
        self._parse()
        return super().items()

    def values(self) -> Any:
        self._parse()
        return super().values()

    def __setitem__(self, key: str, value: Any) -> None:
        self._change()
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self._change()
        super().__delitem__(key)

    def pop(self, *args: Any) -> Any:
        self._change()
        return super().pop(*args)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._change()
        super().update(*args, **kwargs)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self._change()
        return super().setdefault(key, default)

    def popitem(self) -> tuple[str, Any]:
        self._change()
        return super().popitem()

    def clear(self) -> None:
        self._change()
        super().clear()


def _json_field(table: str, name: str, kind: str) -> str:
    if name in field_crypto.SEALED.get(table, ()):
        return f"'{name}', {field_crypto.open_sql(table, name)}"
    if kind == "json":
        return f"'{name}', json({name})"
    if kind == "bool":
        return (
            f"'{name}', CASE WHEN {name} IS NULL THEN NULL"
            f" WHEN {name} THEN json('true') ELSE json('false') END"
        )
    return f"'{name}', {name}"


@functools.cache
def _json_select(name: str, spec: tuple[tuple[str, str], ...]) -> str:
    kinds = {**dict(spec), **_kinds_cached(name, spec)}
    fields = ["id", *STAMP_COLUMNS, *(c for c, _k in spec)]
    return ", ".join(_json_field(name, f, kinds.get(f, "str")) for f in fields)


def iterate_encoded(
    conn: Connection, t: SyncTable, where: str, params: dict[str, Any]
) -> Iterator[EncodedRow]:
    """Rows in their travelling form (no ``local_seq``) with their JSON line, for export.

    SQLite writes each line (``json_object``); Python parses it only if something reads it.
    A server's rows are read as values and their line written here, in the same order.
    """
    if Spelling(conn).server:
        yield from _encoded_here(conn, t, where, params)
        return
    spec = tuple((c.name, c.kind) for c in t.columns)
    beside = [c for c in EAGER if c in t.column_map]
    sql = (
        f"SELECT {', '.join(['id', *beside])}, json_object({_json_select(t.name, spec)})"
        f" FROM {t.name} WHERE {where} ORDER BY local_seq"
    )
    for ident, *values, text in conn.exec_driver_sql(sql, params):
        yield EncodedRow(
            text.encode("utf-8"), {"id": ident, **dict(zip(beside, values, strict=True))}
        )


def _encoded_here(
    conn: Connection, t: SyncTable, where: str, params: dict[str, Any]
) -> Iterator[EncodedRow]:
    """:func:`iterate_encoded` on a server: each row read (its sealed fields opened by the
    driver, :mod:`antt_desktop.store.postgresql`) and its line written as SQLite's
    ``json_object`` writes it (the keys in :func:`_whole_row`'s order, compact)."""
    order = _whole_row(t.name)
    beside = [c for c in EAGER if c in t.column_map]
    for row in iterate(conn, t, where, params):
        line = _dumps({name: row[name] for name in order}).encode("utf-8")
        yield EncodedRow(line, {"id": row["id"], **{c: row[c] for c in beside}})


#: How a line SQLite wrote for export starts (``_json_select``: ``id`` first) and where its
#: stamps end (``hlc`` is the last of them).
_LINE_START, _LINE_HLC = b'{"id":"', b',"hlc":'
#: A row's id and stamps as ``_json_select`` writes them, from their stored text (kept as
#: compact JSON by the store): cheaper than parsing them again to write them.
_STAMPS_TEXT = (
    """'{"id":"' || id || '","owner_node":"' || owner_node || '","version_vector":' ||"""
    """ version_vector || ',"created_stamp":' || created_stamp || ',"field_stamps":' ||"""
    """ field_stamps || ',"hlc":' || hlc || '}'"""
)


def held_lines(conn: Connection, t: SyncTable, lines: Sequence[bytes]) -> set[int]:
    """The indexes of ``lines`` that carry, byte for byte, the id and the stamps of the row
    this node holds with that id (a bundle sent again: nothing in them is new here).

    A line's stamps (owner, version vector, creation and field stamps, clock) name the
    version of every field it carries: the same stamps are the same version, which the merge
    would keep as it is, field by field. Comparing them alone spares rebuilding each row
    (its sealed fields opened) to compare the whole line. Looked up by primary key in
    batches; a row still waiting in the pending table, an id found twice and any line
    written another way are left to the usual merge.
    """
    at: dict[str, tuple[int, bytes]] = {}
    twice: set[str] = set()
    for number, line in enumerate(lines):
        # the id and the stamps cut out as they stand: a line written any other way does
        # not compare equal below (SQLite writes what it is compared with)
        close, hlc = line.find(b'"', 7), line.find(_LINE_HLC)
        if not line.startswith(_LINE_START) or close < 0 or hlc < 0:
            continue
        end = line.find(b",", hlc + 7)
        end = end if end >= 0 else len(line) - 1  # the clock the last member: its "}"
        ident = line[7:close].decode("ascii", "replace")
        if ident in at:
            twice.add(ident)
        at[ident] = (number, line[:end] + b"}")
    for ident in twice:
        del at[ident]
    if not at:
        return set()
    # SQLite compares the bytes (a BLOB: no collation); a server's text compares as its
    # bytes do, the line given as text
    server = Spelling(conn).server
    stamps = _STAMPS_TEXT.replace("{", "{{").replace("}", "}}")
    stamps = stamps if server else f"CAST({stamps} AS BLOB)"
    same = (
        f"FROM {t.name} JOIN (VALUES {{pairs}}) v ON {t.name}.id = v.column1"
        f" WHERE {stamps} = v.column2"
        " AND v.column1 NOT IN (SELECT row_id FROM sync_pending WHERE table_name = ?)"
    )
    found: set[int] = set()
    ids = list(at)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        params: list[Any] = [
            x
            for ident in chunk
            for x in (ident, at[ident][1].decode("utf-8", "replace") if server else at[ident][1])
        ]
        params.append(t.name)
        where = same.format(pairs=",".join(["(?, ?)"] * len(chunk)))
        # SQLite writes and compares the stamps; Python only hears how many were the same
        count = conn.exec_driver_sql(f"SELECT count(*) {where}", tuple(params)).scalar_one()
        if count == len(chunk):
            found.update(at[ident][0] for ident in chunk)
        elif count:
            sql = f"SELECT v.column1 {where}"
            found.update(at[i][0] for (i,) in conn.exec_driver_sql(sql, tuple(params)))
    return found


def _is_stamp(value: Any) -> bool:
    return (
        type(value) is list
        and len(value) == 3
        and type(value[0]) is int
        and type(value[1]) is str
        and len(value[1]) <= 64
        and type(value[2]) is int
    )


_STR, _INT, _BOOL, _DATE_KIND, _JSON = range(5)
_KIND_CODES = {"str": _STR, "int": _INT, "bool": _BOOL, "date": _DATE_KIND, "json": _JSON}


@functools.cache
def _checks(table: str) -> tuple[tuple[tuple[str, int, bool, bool], ...], frozenset[str]]:
    """Per column (name, kind code, nullable, multi-line text), and every name a row may
    carry."""
    from antt_desktop.sync.tables import by_name

    t = by_name()[table]
    columns = tuple(
        (c.name, _KIND_CODES[c.kind], c.nullable, isinstance(t.table.c[c.name].type, Text))
        for c in t.columns
    )
    return columns, frozenset({"id", *STAMP_COLUMNS, *(c.name for c in t.columns)})


def check(t: SyncTable, row: dict[str, Any]) -> dict[str, Any]:
    """A received row, checked against the table; fields this version does not know are
    kept under ``extras.EXTRA``.

    Raises:
        ValueError: naming the column that is wrong.
    """
    ident = row.get("id")
    if type(ident) is not str or not 1 <= len(ident) <= 36:
        raise ValueError("id")
    owner = row.get("owner_node")
    if type(owner) is not str or len(owner) > 36:
        raise ValueError("owner_node")
    vector = row.get("version_vector")
    if type(vector) is not dict or not all(
        type(k) is str and type(v) is int for k, v in vector.items()
    ):
        raise ValueError("version_vector")
    if not _is_stamp(row.get("created_stamp")):
        raise ValueError("created_stamp")
    stamps = row.get("field_stamps")
    if type(stamps) is not dict or not all(_is_stamp(s) for s in stamps.values()):
        raise ValueError("field_stamps")
    if type(row.get("hlc")) is not int:
        raise ValueError("hlc")
    columns, allowed = _checks(t.name)
    out: dict[str, Any] = {
        "id": ident,
        "owner_node": owner,
        "version_vector": vector,
        "created_stamp": row["created_stamp"],
        "field_stamps": stamps,
        "hlc": row["hlc"],
    }
    for name, kind, nullable, multiline in columns:
        if name not in row:
            continue  # an older program: the merge keeps the local value
        value = row[name]
        if value is None:
            if not nullable:
                raise ValueError(name)
        elif kind == _STR:
            if type(value) is not str or len(value) > MAX_TEXT:
                raise ValueError(name)
            if not value.isprintable() and first_forbidden(value, multiline=multiline) is not None:
                raise ValueError(name)  # a control character or bidi mark (domain/text_input)
        elif kind == _INT:
            if type(value) is not int:
                raise ValueError(name)
        elif kind == _BOOL:
            if type(value) is not bool:
                raise ValueError(name)
        elif kind == _DATE_KIND:
            if type(value) is not str or not _DATE.match(value):
                raise ValueError(name)
        elif type(value) is not list and type(value) is not dict:
            raise ValueError(name)
        out[name] = value
    if not allowed.issuperset(row):
        extra = extras.split(t, row)
        if extra:
            out[extras.EXTRA] = extra
    return out


@functools.cache
def _whole_row(table: str) -> tuple[str, ...]:
    """The keys of a whole row in the order this version exports them (``_json_select``)."""
    from antt_desktop.sync.tables import by_name

    return ("id", *STAMP_COLUMNS, *(c.name for c in by_name()[table].columns))


def _only(values: Iterable[Any], *types: type) -> bool:
    """Every value is of exactly one of ``types`` (``bool`` is not ``int``)."""
    return set(map(type, values)) <= set(types)


def _stamps_ok(stamps: Collection[Any]) -> bool:
    """:func:`_is_stamp` of every one of ``stamps``, a column at a time."""
    if not stamps:
        return True
    if not _only(stamps, list) or set(map(len, stamps)) != {3}:
        return False
    ticks, nodes, counters = zip(*stamps, strict=True)
    return (
        _only(ticks, int)
        and _only(nodes, str)
        and max(map(len, nodes)) <= 64
        and _only(counters, int)
    )


def _column_ok(values: Sequence[Any], kind: int, nullable: bool, multiline: bool) -> bool:
    """What :func:`check` asks of one column's values, asked of all of them at once."""
    types = set(map(type, values))
    if type(None) in types:
        if not nullable:
            return False
        types.discard(type(None))
        values = [v for v in values if v is not None]
    if not values:
        return True
    if kind == _STR:
        return (
            types == {str}
            and max(map(len, values)) <= MAX_TEXT
            and all_allowed(values, multiline=multiline)
        )
    if kind == _INT:
        return types == {int}
    if kind == _BOOL:
        return types == {bool}
    if kind == _DATE_KIND:
        return types == {str} and all(map(_DATE.match, values))
    return types <= {list, dict}


def check_all(t: SyncTable, raw: Sequence[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """:func:`check` of every row of a table's batch, a column at a time: the rows as
    :func:`check` returns them, or None when any row is not a whole row in this version's
    order (an older or newer program sent it) or any value is refused. The caller then
    checks the rows one by one, which names the first one refused.

    The rows returned are the received dicts themselves, not copies: the import merges and
    stamps them in place, and the payload is not read again (130,000 copies for a commune's
    first bundle, made and freed for nothing)."""
    if not raw:
        return []
    order = _whole_row(t.name)
    if not all(tuple(r) == order for r in raw):
        return None
    ids, owners, vectors, created, stamps, hlcs, *values = zip(
        *map(operator.itemgetter(*order), raw), strict=True
    )
    if not (
        _only(ids, str)
        and min(map(len, ids)) >= 1
        and max(map(len, ids)) <= 36
        and _only(owners, str)
        and max(map(len, owners)) <= 36
        and _only(vectors, dict)
        and _only(itertools.chain.from_iterable(vectors), str)
        and _only(itertools.chain.from_iterable(map(dict.values, vectors)), int)
        and _stamps_ok(created)
        and _only(stamps, dict)
        and _stamps_ok(list(itertools.chain.from_iterable(map(dict.values, stamps))))
        and _only(hlcs, int)
    ):
        return None
    columns, _allowed = _checks(t.name)
    for (_name, kind, nullable, multiline), column in zip(columns, values, strict=True):
        if not _column_ok(column, kind, nullable, multiline):
            return None
    return list(raw)


@functools.cache
def _column_names(table: str) -> frozenset[str]:
    from antt_desktop.sync.tables import by_name

    return frozenset(c.name for c in by_name()[table].columns)


def complete(t: SyncTable, row: dict[str, Any]) -> dict[str, Any]:
    """A new row with every column: what an older program did not send takes its default."""
    if row.keys() >= _column_names(t.name):
        return row
    missing = [c for c in t.columns if c.name not in row]
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
