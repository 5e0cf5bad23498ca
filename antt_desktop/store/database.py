"""Opening the post's database: schema upgrades with a backup first, pragmas, lock, sessions.

One SQLite file per installation (the default), or a database on a PostgreSQL server that
several desks share (``open_database("postgresql://…")``; what differs is in
store/postgresql.py). A second instance cannot write it (an OS file lock held for
as long as the database is open for writing). Transactions begin explicitly (SQLAlchemy's
recipe for pysqlite) so a write can take ``BEGIN IMMEDIATE`` and never half-commit.
"""

from __future__ import annotations

import functools
import json
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

import filelock
import sqlalchemy.exc
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from antt_desktop.store import (
    audit,
    changes,
    field_crypto,
    postgresql_url,
    resealing,
    sealed,
    search_documents,
    stamping,
    text_guard,
)
from antt_desktop.store.clock import WallClock, wall_ms
from antt_desktop.store.errors import (
    DatabaseLocked,
    DatabaseMissing,
    DatabaseNotInitialised,
    DatabaseTooNew,
    DatabaseUnreadable,
    EncryptionUnavailable,
)
from antt_desktop.store.files import DB_FILENAME as DB_FILENAME
from antt_desktop.store.private_files import PRIVATE_FILE, create_private_file, private_dir

if TYPE_CHECKING:
    from alembic.config import Config

    from antt_desktop.store.postgresql_notify import Callback, Listener

#: The newest schema revision this version knows. Opening a database already at this
#: revision needs no Alembic at all (it is slow to import); a test keeps this in step.
SCHEMA_HEAD = "0036"
BUSY_TIMEOUT_MS = 5000
#: Session info: the open database's :meth:`Database.rekey` (what a key rotation calls).
REKEY = "antt_rekey"
#: Session info, optional: a callable taking the new fields key after a rotation committed
#: (where the open database holds a fields key for the sensitive columns).
SET_FIELDS_KEY = "antt_set_fields_key"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(files("antt_desktop.store") / "migrations"))
    return cfg


def head_revision() -> str:
    """The head revision according to the migration scripts (imports Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def sqlcipher_module() -> Any:
    """The SQLCipher DB-API module (EncryptionUnavailable when it is not installed)."""
    try:
        import sqlcipher3.dbapi2 as sqlcipher
    except ImportError as exc:
        raise EncryptionUnavailable(module="sqlcipher3") from exc
    return sqlcipher


def connect_raw(path: Path, key: bytes | None, *, read_only: bool = False) -> Any:
    """A bare DB-API connection to ``path`` (unlocked with ``key`` when given): for copies
    and checks of files that are not the open database."""
    if key is None:
        uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
        return sqlite3.connect(uri, uri=True)
    conn = sqlcipher_module().connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def _make_engine(
    path: Path, key: bytes | None, fields: field_crypto.FieldsHolder | None = None
) -> Engine:
    kwargs: dict[str, Any] = {}
    if key is not None:
        kwargs["module"] = sqlcipher_module()
    # JSON as UTF-8 text, not \u escapes: a third of the size for Vietnamese pledge items
    kwargs["json_serializer"] = functools.partial(
        json.dumps, ensure_ascii=False, separators=(",", ":")
    )
    engine = create_engine(f"sqlite:///{path}", **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _on_begin)
        cur = dbapi_conn.cursor()
        if key is not None:
            cur.execute(f"PRAGMA key = \"x'{key.hex()}'\"")  # a raw key: no slow KDF per connection
            cur.execute("PRAGMA cipher_log_level = NONE")  # refusals are ours to report
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous = NORMAL")
        # 32 MiB per connection (the window uses up to three at once: its own, a list loading
        # and the figures): big reports stay in memory and the process stays under 400 MB
        cur.execute("PRAGMA cache_size = -32768")
        # what a sealing or a delete frees is zeroed, not left readable in free pages
        cur.execute("PRAGMA secure_delete = ON")
        cur.close()
        holder = fields or field_crypto.FieldsHolder()
        field_crypto.install_functions(dbapi_conn, holder)  # antt_open, antt_seal, antt_bidx
        _record.info[field_crypto.SESSION_KEY] = holder

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("antt_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


class ServerWrites:
    """The "write lock" of a database on a server: desks write side by side (the server
    keeps each transaction whole); nothing to take or let go."""

    def release(self) -> None:
        pass


class Database:
    """An open post database: the engine, its session factories and the write lock.

    Use :meth:`read` for queries and :meth:`write` for one change (one transaction).
    """

    def __init__(
        self,
        path: Path,
        engine: Engine,
        lock: filelock.BaseFileLock | ServerWrites | None,
        wall: WallClock,
        key: bytes | None = None,
        audit_key: bytes | None = None,
        fields: field_crypto.FieldsHolder | None = None,
    ) -> None:
        #: the SQLite file; on a server, where the desk keeps its own files (photos' cache,
        #: outbox, settings) under the same name
        self.path = path
        self.engine = engine
        #: the server's URL without its password (None: the SQLite file at ``path``)
        self.url: str | None = (
            postgresql_url.shown_url(engine.url.render_as_string(hide_password=False))
            if engine.dialect.name == "postgresql"
            else None
        )
        #: the SQLCipher key the file is encrypted with (None: a plain file); copies use it
        self.key = key
        self._lock = lock
        self.wall = wall
        #: the fields cipher (store/field_crypto.py), None for a role without the fields key
        self._fields = fields or field_crypto.FieldsHolder()
        # every session carries the audit chain's key (store/audit.py): the one the file keeps
        # since its first key rotation, else derived from ``key`` (docs/KEYS.md); the fields
        # cipher; what a key rotation calls to rekey the file and to hold the new fields key
        info: dict[str, object] = {
            audit.SESSION_KEY: audit_key or audit.derive_audit_key(key),
            field_crypto.SESSION_KEY: self._fields,
            REKEY: lambda new_key: self.rekey(new_key),
            SET_FIELDS_KEY: self._hold_fields_key,
        }
        self._reader = sessionmaker(bind=engine, expire_on_commit=False, info=info)
        self._writer = sessionmaker(
            bind=engine.execution_options(antt_begin="IMMEDIATE"),
            expire_on_commit=False,
            info=info,
        )
        for factory in (self._reader, self._writer):
            sealed.install(factory, self._fields)  # before the stamper: sealed columns count
            stamping.install(factory, wall)
            search_documents.install(factory)
        changes.install(self._writer)  # what each write changed (store/changes.py)
        #: on a server, this desk's name in what its writes tell the others (None: SQLite)
        self.desk: str | None = None
        self._listeners: list[Listener] = []
        text_guard.install(self._writer)  # no control characters stored (store/text_guard.py)

    @property
    def fields(self) -> field_crypto.FieldCipher | None:
        """The cipher of the sensitive fields, or None when this login may not read them."""
        return self._fields.cipher

    @property
    def fields_key(self) -> bytes | None:
        cipher = self._fields.cipher
        return cipher.key if cipher is not None else None

    def _hold_fields_key(self, fields_key: bytes | None) -> None:
        """Hold a fields key made or rotated by the key file's owner (security/rotation.py,
        login's first entitled account): the values are already sealed under it."""
        self._fields.cipher = field_crypto.FieldCipher(fields_key) if fields_key else None

    def unlock_fields(self, fields_key: bytes | None) -> None:
        """Hold the fields key from now on (None: keep them locked); the first holder after
        a schema upgrade seals the values it left plain, in one transaction."""
        self._fields.cipher = field_crypto.FieldCipher(fields_key) if fields_key else None
        if fields_key is None or not self.writable or self.url is not None:
            return  # a server's database is made at head: nothing was left plain there
        with self.engine.connect() as conn:
            pending = resealing.plain_pending(conn)
        if pending:
            with self.write() as session:
                resealing.seal_plain(session, self._fields.cipher)  # type: ignore[arg-type]
            with self.engine.connect() as conn:  # the log's copies of the plain pages go too
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        if (self.path.parent / "attachments").is_dir():
            from antt_desktop.store.photos import adopt_legacy_files

            adopt_legacy_files(self.path.parent, self.write)  # photo files before 0007, sealed

    def listen(self, callback: Callback) -> Listener | None:
        """On a server: call ``callback`` (on a thread of its own) after every write another
        desk commits (store/postgresql_notify.py), until the listener or the database is
        closed; None on SQLite (one desk per file)."""
        if self.desk is None:
            return None
        from antt_desktop.store.postgresql_notify import Listener

        listener = Listener(self.engine, self.desk, callback)
        self._listeners.append(listener)
        return listener

    def refresh_statistics(self, written: dict[str, int]) -> list[str]:
        """After a bulk load has committed (``written``: rows per table): on a server, the
        planner's statistics of the tables it grew (store/postgresql.py :func:`analyze`);
        the tables analysed. SQLite plans from its indexes' shapes, without statistics."""
        if self.url is None:
            return []
        from antt_desktop.store.postgresql import analyze

        return analyze(self.engine, written)

    @property
    def writable(self) -> bool:
        return self._lock is not None

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def journal(self) -> Iterator[Session]:
        """A transaction that only appends audit entries (a view, a print, a login).

        Allowed to a reader beside the window that holds the write lock: SQLite serialises
        the appends (``BEGIN IMMEDIATE``), and the entries change no synced record.
        """
        with self._writer() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction: commits when the block ends, rolls back on any exception."""
        if not self.writable:
            raise DatabaseLocked(path=str(self.path))
        with self._writer() as session, session.begin():
            yield session

    def rekey(self, new_key: bytes) -> None:
        """Re-encrypt the whole file under ``new_key`` (SQLCipher ``PRAGMA rekey``: one
        transaction, so a crash leaves it under the old key or the new), then reconnect
        with it. Outside any transaction, by the writer (security/rotation.py)."""
        if self.url is not None:
            from antt_desktop.store.postgresql import NotOnPostgreSQL

            raise NotOnPostgreSQL(what="rekey")
        if self.key is None or not self.writable:
            raise DatabaseLocked(path=str(self.path))
        raw = self.engine.raw_connection()
        try:
            conn: Any = raw.driver_connection
            conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
            # new sessions (the window's readers too) connect with the new key from now on
            old, self.engine = self.engine, _make_engine(self.path, new_key)
            self.key = new_key
            self._reader.configure(bind=self.engine)
            self._writer.configure(bind=self.engine.execution_options(antt_begin="IMMEDIATE"))
            old.dispose()
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # no page left under the old key
        finally:
            raw.invalidate()  # keyed before the change: never back to the pool

    def close(self) -> None:
        for listener in self._listeners:  # stopped first: none reconnects to a closed engine
            listener.close()
        self._listeners.clear()
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _backup_before_upgrade(path: Path, engine: Engine, revision: str) -> Path:
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}")
    shutil.copy2(path, target)
    return target


def _ensure_schema(path: Path, engine: Engine, *, may_write: bool) -> Path | None:
    """Create or upgrade the schema; returns the backup made before an upgrade, if any."""
    with engine.connect() as conn:
        has_version = conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).first()
        current = (
            conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            if has_version
            else None
        )
    if current == SCHEMA_HEAD:
        return None
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        has_tables = bool(inspect(conn).get_table_names())
    if current == head:
        return None
    if current is not None:
        try:
            script.get_revision(current)
        except CommandError as exc:
            raise DatabaseTooNew(path=str(path), revision=current) from exc
    elif has_tables:
        raise DatabaseTooNew(path=str(path), revision="unknown")
    if not may_write:
        raise DatabaseLocked(path=str(path))
    backup = _backup_before_upgrade(path, engine, current) if current else None
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup


def _refuse_if_newer(path: Path) -> None:
    """Read the schema revision without writing a byte; DatabaseTooNew if we don't know it."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return  # no version table yet (or not readable): _ensure_schema decides
    if row is None or row[0] == SCHEMA_HEAD:
        return  # the usual case: no Alembic import (it costs most of a second)
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        ScriptDirectory.from_config(alembic_config()).get_revision(row[0])
    except CommandError as exc:
        raise DatabaseTooNew(path=str(path), revision=row[0]) from exc


def _stored_audit_key(engine: Engine) -> bytes | None:
    """The audit chain's key the file keeps once its database key was rotated (revision
    0020); None before (or in a file being created)."""
    try:
        with engine.connect() as conn:
            value = conn.exec_driver_sql("SELECT audit_secret FROM local_node").scalar()
    except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.ProgrammingError):
        return None  # no local_node yet, or before revision 0020
    return bytes(value) if value else None


def _ensure_server_schema(engine: Engine, url: str, *, create: bool) -> None:
    """Create or upgrade the schema on a server: one desk at a time (an advisory lock held
    by the upgrade's transaction), the others find it done."""
    from antt_desktop.store import postgresql

    current = postgresql.current_revision(engine)
    if current == SCHEMA_HEAD:
        return
    if current is None and not create:
        if postgresql.has_tables(engine):
            raise DatabaseTooNew(path=url, revision="unknown")
        raise DatabaseNotInitialised(path=url)
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    if current is not None:
        try:
            ScriptDirectory.from_config(alembic_config()).get_revision(current)
        except CommandError as exc:
            raise DatabaseTooNew(path=url, revision=current) from exc
    cfg = alembic_config()
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({postgresql.SCHEMA_LOCK})")
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except sqlalchemy.exc.ProgrammingError as exc:
        if postgresql.lacks_rights(exc):  # the desks' role: no DDL, the owner upgrades
            raise postgresql.ServerSchemaBehind(path=url, revision=current or "-") from exc
        raise


def _open_server(
    url: str,
    *,
    create: bool,
    write: bool,
    wall: WallClock,
    fields_key: bytes | None,
    local_dir: Path | None,
) -> Database:
    from antt_desktop.store import postgresql, postgresql_notify  # loaded only for a server

    shown = postgresql_url.shown_url(url)
    holder = field_crypto.FieldsHolder()
    engine = postgresql.make_engine(url, fields=holder)
    try:
        version = postgresql.server_version(engine)
        if version < postgresql.MIN_SERVER_VERSION:
            raise postgresql.ServerTooOld(path=shown, version=version // 10000)
        _ensure_server_schema(engine, shown, create=create)
    except sqlalchemy.exc.OperationalError as exc:  # no server there, refused, no such db
        engine.dispose()
        raise postgresql.ServerUnreachable(path=shown) from exc
    except BaseException:
        engine.dispose()
        raise
    lock = ServerWrites() if write else None
    folder = Path(local_dir) if local_dir is not None else Path.cwd()
    database = Database(
        folder / DB_FILENAME, engine, lock, wall, None, _stored_audit_key(engine), holder
    )
    # every write that changed rows tells the other desks as it commits (LISTEN/NOTIFY)
    database.desk = postgresql_notify.install(database._writer)
    database.unlock_fields(fields_key)
    return database


def open_database(
    path: Path | str,
    key: bytes | None = None,
    *,
    create: bool = False,
    write: bool = True,
    wall: WallClock = wall_ms,
    fields_key: bytes | None = None,
    local_dir: Path | None = None,
) -> Database:
    """Open (and with ``create`` make) the database at ``path``.

    Args:
        path: the SQLite file, or the URL of a PostgreSQL server's database
            (``postgresql://user@host/db``: store/postgresql.py).
        key: raw database key for SQLCipher encryption at rest, or None for a plain file.
        create: make the file if it does not exist (else DatabaseMissing).
        write: take the write lock (DatabaseLocked if another instance holds it).
        wall: the wall clock for sync stamps (tests pass a fake one).
        fields_key: the key of the sensitive fields (store/field_crypto.py), for a login
            whose role may read them; None leaves them sealed (masks and blanks).
        local_dir: on a server, the desk's own folder (photos' cache, outbox, settings).

    Raises:
        DatabaseLocked, DatabaseTooNew, DatabaseMissing, EncryptionUnavailable,
        DatabaseUnreadable (the key does not open the file, or it is not a database).
        On a server: ServerUnreachable (no server, refused, no such database), ServerTooOld,
        DatabaseNotInitialised (an empty database without ``create``), NotOnPostgreSQL.
    """
    if postgresql_url.is_url(path):
        if key is not None:
            from antt_desktop.store.postgresql import NotOnPostgreSQL

            raise NotOnPostgreSQL(what="keys")
        return _open_server(
            str(path),
            create=create,
            write=write,
            wall=wall,
            fields_key=fields_key,
            local_dir=local_dir,
        )
    path = Path(path)
    if not path.exists() and not create:
        raise DatabaseMissing(path=str(path))
    private_dir(path.parent)  # the data folder: the user's alone (store/private_files.py)
    if create:
        create_private_file(path)  # 0600 before SQLite opens it; its journals follow it
    if key is None and path.exists():
        _refuse_if_newer(path)  # before any pragma could touch the file
    file_lock = filelock.FileLock(str(path) + ".lock", timeout=0, mode=PRIVATE_FILE)
    lock: filelock.BaseFileLock | None = file_lock
    try:
        file_lock.acquire()
    except filelock.Timeout as exc:
        if write:
            raise DatabaseLocked(path=str(path)) from exc
        lock = None  # a reader beside a writer: fine, as long as no upgrade is needed
    try:
        holder = field_crypto.FieldsHolder()
        engine = _make_engine(path, key, holder)
        # a reader that got the lock may upgrade the schema, then lets the lock go
        try:
            _ensure_schema(path, engine, may_write=lock is not None)
        except sqlalchemy.exc.DatabaseError as exc:
            engine.dispose()
            if "not a database" in str(exc.orig):  # wrong key, or not a database at all
                raise DatabaseUnreadable(path=str(path)) from exc
            raise
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if not write and lock is not None:
        lock.release()
        lock = None
    database = Database(path, engine, lock, wall, key, _stored_audit_key(engine), holder)
    try:
        database.unlock_fields(fields_key)  # also moves in photo files of versions before 0007
    except BaseException:
        database.close()
        raise
    return database
