"""The post's database on a PostgreSQL server (15+, psycopg 3): the engine and what differs.

One set of models and revisions serves both engines; what PostgreSQL needs beyond them is
here (and its schema objects in :mod:`antt_desktop.store.postgresql_schema`):

* integers are 64-bit as in SQLite (``Integer`` is ``BIGINT``: wall-clock milliseconds and
  hybrid clocks do not fit 32 bits), and booleans are stored as ``SMALLINT`` 0/1 with the
  dialect's non-native boolean handling, so the plain SQL the store and sync modules write
  for SQLite (``deleted = 0``, ``SET deleted = 1``) means the same on both;
* SQL written for the DB-API (``exec_driver_sql``) uses SQLite's ``?`` marks: they become
  psycopg's ``%s`` before it runs (:func:`driver_sql`);
* the few SQLite spellings in the revisions' CHECK constraints are translated when the
  revisions run (:func:`ddl`);
* sealed fields: the server keeps the sealed bytes as text (:func:`sealed_text`) and never
  holds the key; its ``antt_open`` hands the stored value back and the engine's text type
  opens it as the row is read; ``antt_bidx(:n)`` is computed before the statement is sent;
* what has no counterpart yet is refused by name (:class:`NotOnPostgreSQL`), never a crash.

The SQLite-only pieces and their state on PostgreSQL (docs/POSTGRESQL.md keeps the list):
SQLCipher keys and ``PRAGMA rekey`` (refused: the server's own access control and TLS
protect the data), the FTS5 search index (a table of folded text with a pg_trgm index; the
ranked search is to come), the SQL functions of the sealed fields (the server's
``antt_open`` hands the stored value back and it is opened here, ``antt_bidx`` is computed
here: the server never holds the key), the post-figure triggers (plpgsql counterparts),
PRAGMAs (none is sent).
"""

from __future__ import annotations

import base64
import functools
import json
import logging
import re
from typing import Any

from sqlalchemy import Boolean, Engine, Integer, String, Text, create_engine, event
from sqlalchemy.dialects.postgresql.psycopg import PGCompiler_psycopg
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import elements, operators, sqltypes
from sqlalchemy.sql.compiler import TypeCompiler

from antt_desktop.store import field_crypto
from antt_desktop.store.errors import KnownError
from antt_desktop.store.postgresql_text import SEALED_MARK as SEALED_MARK
from antt_desktop.store.postgresql_text import sealed_text as sealed_text
from antt_desktop.store.postgresql_text import stored_value as stored_value
from antt_desktop.store.postgresql_url import SCHEMES as SCHEMES
from antt_desktop.store.postgresql_url import URL_VARIABLE as URL_VARIABLE
from antt_desktop.store.postgresql_url import ServerNeedsTls as ServerNeedsTls
from antt_desktop.store.postgresql_url import engine_url, tls_args
from antt_desktop.store.postgresql_url import is_url as is_url
from antt_desktop.store.postgresql_url import shown_url as shown_url

_log = logging.getLogger(__name__)

#: The advisory lock a schema upgrade holds (one desk upgrades, the others wait).
SCHEMA_LOCK = 0x414E5454  # "ANTT"
#: The advisory lock every write transaction holds (:func:`make_engine`).
WRITE_LOCK = 0x414E5457  # "ANTW"
#: The oldest server version the program supports.
MIN_SERVER_VERSION = 150000


class NotOnPostgreSQL(KnownError):
    """A piece of the program that runs on SQLite only, for now: ``what`` names it, one of
    :data:`PIECES` (each has its own sentence, i18n/texts/postgresql.py)."""

    code = "db.not_on_postgresql"
    exit_code = 1

    def __init__(self, *, what: str, **params: object) -> None:
        assert what in PIECES, what
        self.code = f"{NotOnPostgreSQL.code}.{what}"
        super().__init__(what=what, **params)


#: What is refused on a server, for now (docs/POSTGRESQL.md).
PIECES = frozenset({"driver", "keys", "rekey", "check"})


class ServerTooOld(KnownError):
    code = "db.server_too_old"
    exit_code = 1


class ServerSchemaBehind(KnownError):
    """The schema needs an upgrade the desks' role may not make (no DDL): the owner's."""

    code = "db.server_schema_behind"
    exit_code = 1


class ServerUnreachable(KnownError):
    """No server at the address, the account refused, or no such database."""

    code = "db.server_unreachable"
    exit_code = 5


def connect_args(url: str) -> dict[str, str]:
    """What the connection to ``url`` must add (:func:`postgresql_url.tls_args`)."""
    return tls_args(url)


@compiles(Integer, "postgresql")
def _integer(_type: Integer, _compiler: TypeCompiler, **_kw: Any) -> str:
    return "BIGINT"  # SQLite's INTEGER is 64-bit: milliseconds, clocks, sizes


#: Every text column compares byte by byte, as SQLite's BINARY collation does, whatever the
#: database's own collation: the folded names and sort keys are made for that order
#: (domain/text.py), and their range searches (``name_folded >= :lo``) count on it. A
#: database made with a language collation (an ICU ``vi-VN``, ``en_US.UTF-8``) would order
#: them otherwise. Columns made before revision 0032 are brought to it there.
COLLATE_C = 'COLLATE "C"'


@compiles(String, "postgresql")
def _string(_type: String, _compiler: TypeCompiler, **kw: Any) -> str:
    # no length, as on SQLite: a sealed value is longer than its 12 digits; the collation
    # in a column's declaration only (a CAST takes none)
    return f"VARCHAR {COLLATE_C}" if "type_expression" in kw else "VARCHAR"


@compiles(Text, "postgresql")
def _text(_type: Text, _compiler: TypeCompiler, **kw: Any) -> str:
    return f"TEXT {COLLATE_C}" if "type_expression" in kw else "TEXT"


@compiles(Boolean, "postgresql")
def _boolean(_type: Boolean, _compiler: TypeCompiler, **_kw: Any) -> str:
    return "SMALLINT"  # 0/1 as on SQLite: the plain SQL compares with integers


class _Compiler(PGCompiler_psycopg):
    """PostgreSQL's statements, with SQLite's ``x IS 0`` (what ``is_(False)`` gives a
    boolean stored as 0/1) spelt ``x IS NOT DISTINCT FROM 0``: the same null-safe test."""

    def visit_binary(  # type: ignore[override]
        self, binary: Any, override_operator: Any = None, **kw: Any
    ) -> Any:
        op = override_operator or binary.operator
        if op in (operators.is_, operators.is_not) and isinstance(
            binary.right, elements.True_ | elements.False_
        ):
            word = "IS NOT DISTINCT FROM" if op is operators.is_ else "IS DISTINCT FROM"
            left = binary.left._compiler_dispatch(self, **kw)
            return f"{left} {word} {1 if isinstance(binary.right, elements.True_) else 0}"
        return super().visit_binary(  # type: ignore[no-untyped-call]
            binary, override_operator=override_operator, **kw
        )


_QMARK = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|%|\?")


def driver_sql(statement: str) -> str:
    """A statement written for SQLite's DB-API (``?`` marks) in psycopg's style (``%s``,
    and every ``%`` doubled, in quoted text too: psycopg reads them all); a ``?`` in quoted
    text stays."""

    def swap(m: re.Match[str]) -> str:
        token = m.group(0)
        return "%s" if token == "?" else token.replace("%", "%%")

    return _QMARK.sub(swap, statement)


#: Quoted text, ``%``, a ``::`` cast and SQLite's named marks (``:name``) in driver SQL.
_NAMED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|%|::|(?<![:\w]):([A-Za-z_]\w*)")


def driver_sql_named(statement: str) -> str:
    """A statement with SQLite's named marks (``:name``, parameters in a dict) in psycopg's
    style (``%(name)s``, every ``%`` doubled); marks in quoted text and ``::`` casts stay.
    One written for psycopg already (``%(name)s``) is left as it is."""
    if "%(" in statement:
        return statement

    def swap(m: re.Match[str]) -> str:
        token = m.group(0)
        if m.group(1) is not None:
            return f"%({m.group(1)})s"
        return token.replace("%", "%%")  # psycopg reads every %, in quoted text too

    return _NAMED.sub(swap, statement)


#: SQLite spellings in the revisions' DDL and their PostgreSQL counterparts.
_DDL = (
    # digits only (CHECK constraints of ID numbers, unit codes)
    (re.compile(r"NOT GLOB '\*\[\^0-9\]\*'"), "!~ '[^0-9]'"),
    # "exactly one of": SQLite adds the truth values as integers
    (re.compile(r"\((\w+) IS NOT NULL\)(?= \+|\s*=)"), r"(\1 IS NOT NULL)::int"),
)


def ddl(statement: str) -> str:
    """A revision's DDL statement in PostgreSQL's spelling."""
    for pattern, replacement in _DDL:
        statement = pattern.sub(replacement, statement)
    return statement


#: The first character of ``antt_open``'s answer on the server (JSON follows), opened here.
OPEN_MARK = "\x02"


def _open_answer(holder: field_crypto.FieldsHolder, answer: str) -> Any:
    """``antt_open``'s answer from the server opened as SQLite's function would have."""
    value, table, column, row_id, fallback = json.loads(answer[1:])
    stored = stored_value(value) if isinstance(value, str) else value
    cipher = holder.cipher
    if cipher is not None:
        return cipher.sql_open(stored, table, column, row_id, fallback)
    if isinstance(stored, str) and table in field_crypto.SEALED_WHERE:
        return stored  # a table sealed in part: a plain value is not a sensitive one
    return fallback  # a value sealed, or plain until the first key holder seals it


def _string_type(
    holder: field_crypto.FieldsHolder, base: type[sqltypes.String]
) -> type[sqltypes.String]:
    """The engine's text type (over the dialect's own, ``base``): sealed bytes written as
    :func:`sealed_text`, read back as bytes; ``antt_open``'s answers opened with
    ``holder``'s key (or masked without it)."""

    class SealAwareString(base):  # type: ignore[valid-type,misc]
        def bind_processor(self, dialect: Any) -> Any:
            def process(value: Any) -> Any:
                if isinstance(value, bytes | bytearray | memoryview):
                    return sealed_text(bytes(value))
                return value

            return process

        def result_processor(self, dialect: Any, coltype: Any) -> Any:
            def process(value: Any) -> Any:
                if not isinstance(value, str) or not value or value[0] > OPEN_MARK:
                    return value
                if value[0] == SEALED_MARK:
                    return base64.b64decode(value[1:])
                if value[0] == OPEN_MARK:
                    return _open_answer(holder, value)
                return value

            return process

    return SealAwareString


_BIDX = re.compile(r"antt_bidx\(%\((\w+)\)s(?:::VARCHAR)?\)")


def _blind_params(
    holder: field_crypto.FieldsHolder, statement: str, parameters: Any
) -> tuple[str, Any]:
    """``antt_bidx(:n)`` computed here (the server never holds the key): the call becomes a
    parameter of its own holding the blind index (None without the key: nothing found)."""
    names = _BIDX.findall(statement)
    if not names:
        return statement, parameters
    statement = _BIDX.sub(lambda m: f"%({m.group(1)}__bidx)s", statement)
    cipher = holder.cipher

    def blind(params: dict[str, Any]) -> dict[str, Any]:
        added = {
            f"{n}__bidx": cipher.blind(params[n]) if cipher and isinstance(params[n], str) else None
            for n in names
        }
        return {**params, **added}

    if isinstance(parameters, dict):
        return statement, blind(parameters)
    return statement, [blind(p) for p in parameters]


def driver_value(value: Any) -> Any:
    """A value of driver SQL as SQLite's DB-API would store it: sealed bytes as the server's
    text (:func:`sealed_text`), a truth value as 0/1 (the server's booleans are SMALLINT)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return sealed_text(bytes(value))
    return value


def driver_values(values: Any) -> Any:
    """One statement's values (a tuple, list or dict) through :func:`driver_value`."""
    if isinstance(values, dict):
        if any(isinstance(v, bool | bytes | bytearray | memoryview) for v in values.values()):
            return {k: driver_value(v) for k, v in values.items()}
        return values
    if any(isinstance(v, bool | bytes | bytearray | memoryview) for v in values):
        return type(values)(map(driver_value, values))
    return values


def driver_parameters(parameters: Any, many: bool) -> Any:
    """The values of driver SQL (SQLite-minded code: ``exec_driver_sql``) as SQLite takes
    them (:func:`driver_value`); ``many``: a list of statements' values."""
    if many and not isinstance(parameters, dict):
        return [driver_values(p) for p in parameters]
    return driver_values(parameters)


def install_translation(engine: Engine) -> None:
    """Translate the ``?`` and ``:name`` marks of driver SQL (what SQLite-minded code sends)
    for psycopg, and its values as SQLite stores them (:func:`driver_parameters`)."""

    def before(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, context: Any, _many: bool
    ) -> tuple[str, Any]:
        compiled = context is not None and context.compiled is not None
        if not compiled and parameters:
            first = parameters[0] if _many and not isinstance(parameters, dict) else parameters
            if isinstance(first, dict):
                statement = driver_sql_named(statement)  # ":name" marks, a dict of values
            else:
                statement = driver_sql(statement)
            parameters = driver_parameters(parameters, _many)
        return statement, parameters

    event.listen(engine, "before_cursor_execute", before, retval=True)


def install_ddl_translation(conn: Any) -> None:
    """Translate the revisions' SQLite spellings (:func:`ddl`) on the connection that runs
    them."""

    def before(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, _many: bool
    ) -> tuple[str, Any]:
        return ddl(statement), parameters

    event.listen(conn, "before_cursor_execute", before, retval=True)


def install_fields(engine: Engine, holder: field_crypto.FieldsHolder) -> None:
    """The sealed fields on this engine: SQLite's ``antt_open`` and ``antt_bidx`` answered
    here with ``holder``'s key, sealed bytes kept as text (:func:`sealed_text`)."""
    specs = engine.dialect.colspecs
    base: Any = specs.get(sqltypes.String, sqltypes.String)
    engine.dialect.colspecs = {**specs, sqltypes.String: _string_type(holder, base)}

    def before(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _ctx: Any, _many: bool
    ) -> tuple[str, Any]:
        if "antt_bidx(" in statement and parameters:
            return _blind_params(holder, statement, parameters)
        return statement, parameters

    event.listen(engine, "before_cursor_execute", before, retval=True)


def _sealed_text_loader(holder: field_crypto.FieldsHolder) -> type:
    """psycopg's loader of text giving what SQLite's driver gives: a sealed value's bytes
    (kept as :func:`sealed_text`), ``antt_open``'s answer opened with ``holder``'s key (or
    masked without it) — so driver SQL (the sync's reads, the resealing) reads sealed fields
    as on SQLite; plain text, which never starts with a control character, as it is."""
    from psycopg.types.string import TextLoader

    class SealedTextLoader(TextLoader):
        def load(self, data: Any) -> Any:
            value = super().load(data)
            if isinstance(value, str) and value and value[0] <= OPEN_MARK:
                if value[0] == SEALED_MARK:
                    return base64.b64decode(value[1:])
                if value[0] == OPEN_MARK:
                    return _open_answer(holder, value)
            return value

    return SealedTextLoader


def _whole_numbers() -> type:
    """psycopg's loader of ``numeric`` giving a whole number as an ``int``: the server's
    ``sum`` of ``BIGINT`` values is a ``numeric``, SQLite's sum of integers an integer (a
    fraction, an ``avg``, stays a ``Decimal``)."""
    from psycopg.types.numeric import NumericLoader

    class WholeNumbers(NumericLoader):
        def load(self, data: Any) -> Any:
            text = bytes(data)
            if text.lstrip(b"-").isdigit():
                return int(text)
            return super().load(data)

    return WholeNumbers


def make_engine(
    url: str, *, pool_size: int = 5, fields: field_crypto.FieldsHolder | None = None
) -> Engine:
    """The engine of the server at ``url`` (psycopg 3): SQLite's integer semantics, the
    driver SQL translated, reads in ``READ COMMITTED``, writes one at a time (an advisory
    lock held to the commit, as SQLite's ``BEGIN IMMEDIATE`` holds its file)."""
    try:
        import psycopg  # noqa: F401 - the optional dependency, named when missing
    except ImportError as exc:
        raise NotOnPostgreSQL(what="driver") from exc
    tls = connect_args(url)
    engine = create_engine(
        engine_url(url),
        connect_args=tls,
        json_serializer=functools.partial(json.dumps, ensure_ascii=False, separators=(",", ":")),
        pool_size=pool_size,
        pool_pre_ping=True,
    )
    engine.dialect.supports_native_boolean = False  # 0/1 as on SQLite (see _boolean)
    engine.dialect.statement_compiler = _Compiler
    holder = fields or field_crypto.FieldsHolder()
    install_translation(engine)
    install_fields(engine, holder)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, record: Any) -> None:
        dbapi_conn.adapters.register_loader("numeric", _whole_numbers())
        for name in ("text", "varchar"):
            dbapi_conn.adapters.register_loader(name, _sealed_text_loader(holder))
        # the fields key of this login, found by the connection as on SQLite (the sync's
        # capture and merge take the cipher from the connection: field_crypto.cipher_of)
        record.info[field_crypto.SESSION_KEY] = holder

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # SQLite's BEGIN IMMEDIATE: one write at a time across every desk, so what a write
        # reads and then counts on (the node's sequence and clock, the audit chain's head,
        # a check before a change) is still true when it commits; reads never wait
        if conn.get_execution_options().get("antt_begin") == "IMMEDIATE":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

    return engine


def server_version(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.exec_driver_sql("SHOW server_version_num").scalar_one())


def current_revision(engine: Engine) -> str | None:
    """The schema revision the server's database is at (None: an empty database)."""
    with engine.connect() as conn:
        if conn.exec_driver_sql("SELECT to_regclass('alembic_version')").scalar() is None:
            return None
        value = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        return str(value) if value is not None else None


def lacks_rights(exc: BaseException) -> bool:
    """Whether ``exc`` (a statement's failure) is the server refusing the role's rights."""
    return getattr(getattr(exc, "orig", None), "sqlstate", None) == "42501"


def has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return bool(
            conn.exec_driver_sql(
                "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() LIMIT 1"
            ).first()
        )


def analyze(engine: Engine, written: dict[str, int]) -> list[str]:
    """After a bulk load has committed: the planner's statistics of the tables it grew
    (``antt_analyze``, store/postgresql_schema.py); ``written``: rows written per table.
    Returns the tables analysed. A server whose owner has not given the desks the function
    yet (``server grant-desks`` after an upgrade) plans as before until autovacuum comes by:
    nothing the officer waits on fails for it."""
    from antt_desktop.store.postgresql_schema import STATISTICS_CALL, STATISTICS_ROWS

    people = written.get("persons", 0) + written.get("households", 0)
    index = {"search_docs": people, "search_fts": people}  # each written with its record
    grown = {t: n for t, n in {**index, **written}.items() if n >= STATISTICS_ROWS}
    if not grown:
        return []
    try:
        with engine.begin() as conn:
            done = conn.exec_driver_sql(STATISTICS_CALL, (list(grown), list(grown.values())))
            return list(done.scalar_one() or [])
    except DBAPIError as exc:
        if lacks_rights(exc) or getattr(exc.orig, "sqlstate", None) == "42883":
            _log.warning("statistics of %s not refreshed: %s", ", ".join(grown), exc.orig)
            return []
        raise
