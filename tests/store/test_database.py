"""Opening, creating, upgrading and refusing databases; the lock; backup and restore."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from antt_desktop.store import backup
from antt_desktop.store.base import Base
from antt_desktop.store.database import head_revision, open_database
from antt_desktop.store.errors import DatabaseLocked, DatabaseMissing, DatabaseTooNew
from antt_desktop.store.models import Person


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_migrations_create_exactly_the_models(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.sqlite3", create=True)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "include_name": lambda name, kind, _parent: (
                    not (kind == "table" and (name or "").startswith("search_"))
                )
            },
        )
        diff = compare_metadata(context, Base.metadata)
    db.close()
    assert diff == []


def test_pragmas_wal_and_foreign_keys(tmp_path: Path) -> None:
    with open_database(tmp_path / "a.sqlite3", create=True) as db, db.read() as s:
        conn = s.connection()
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000


def test_missing_database_is_not_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(DatabaseMissing):
        open_database(tmp_path / "none.sqlite3")
    assert not (tmp_path / "none.sqlite3").exists()


def test_second_instance_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    first = open_database(path, create=True)
    with pytest.raises(DatabaseLocked):
        open_database(path)
    reader = open_database(path, write=False)  # reading alongside is allowed
    with pytest.raises(DatabaseLocked), reader.write():
        pass
    reader.close()
    first.close()
    open_database(path).close()  # the lock went with the first instance


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    open_database(path, create=True).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = _digest(path)
    with pytest.raises(DatabaseTooNew):
        open_database(path)
    assert _digest(path) == before


def test_older_database_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    from alembic import command

    from antt_desktop.store.database import alembic_config

    path = tmp_path / "a.sqlite3"
    db = open_database(path, create=True)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    db.close()
    if head_revision() == "0001":
        pytest.skip("only one revision so far")
    reopened = open_database(path)
    reopened.close()
    backups = list(tmp_path.glob("a.before-upgrade-0001-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    with sqlite3.connect(path) as new:
        assert new.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )


def test_a_failed_change_writes_nothing(db, write) -> None:  # type: ignore[no-untyped-def]
    from antt_desktop.services.people import PersonInput, add_person

    with pytest.raises(RuntimeError), write() as ctx:
        add_person(ctx, PersonInput(full_name="Lê Văn Tám"))
        raise RuntimeError("power cut")
    with db.read() as s:
        assert s.query(Person).count() == 0


def _server_round_trip(db, write, request) -> None:  # type: ignore[no-untyped-def]
    """On a PostgreSQL server: ``pg_dump``'s archive (here in memory; the security layer
    encrypts it as it comes, tests/postgresql/test_backup.py) restored into a new database,
    the post in use left as it is."""
    from sqlalchemy import text

    from antt_desktop.services.people import PersonInput, add_person
    from antt_desktop.store import audit, postgresql_backup
    from tests.postgresql import server

    with write() as ctx:
        add_person(ctx, PersonInput(full_name="Lê Văn Tám"))
    archive: list[bytes] = []
    with postgresql_backup.snapshot(db.engine) as snap:
        unit, _name, node, _schema = postgresql_backup.post_facts(snap.conn)  # type: ignore[misc]
        tool = postgresql_backup.dump(
            db.engine.url.render_as_string(hide_password=False), snap, archive.append
        )
    with write() as ctx:
        add_person(ctx, PersonInput(full_name="Phạm Thị Bảy"))
    serving = request.getfixturevalue("postgresql_server")
    into = server.create_database(serving)
    try:
        postgresql_backup.restore(
            into,
            iter(archive),
            postgresql_backup.Expected(unit, node, "admin"),
            dump_major=tool.major,
            made_on=snap.server_version,
        )
        with open_database(into, write=False) as again, again.read() as s:
            names = sorted(p.full_name for p in s.query(Person))
            replica_after = s.execute(text("SELECT replica_id FROM local_node")).scalar_one()
            assert audit.broken_entries(s) == []
    finally:
        server.drop_database(serving, into)
    with db.read() as s:
        replica_before = s.execute(text("SELECT replica_id FROM local_node")).scalar_one()
        assert s.query(Person).count() == 2  # the post in use is left as it is
    assert names == ["Lê Văn Tám"]
    assert replica_after != replica_before  # a restored copy is a new replica epoch


def test_backup_and_restore_round_trip(db, write, tmp_path: Path, request) -> None:  # type: ignore[no-untyped-def]
    if db.url is not None:
        _server_round_trip(db, write, request)
        return
    from antt_desktop.services.people import PersonInput, add_person

    with write() as ctx:
        add_person(ctx, PersonInput(full_name="Lê Văn Tám"))
    target = backup.backup(db, tmp_path / "b" / "copy.sqlite3")
    with write() as ctx:
        add_person(ctx, PersonInput(full_name="Phạm Thị Bảy"))
    path = db.path
    with db.read() as s:
        replica_before = s.execute(
            __import__("sqlalchemy").text("SELECT replica_id FROM local_node")
        ).scalar_one()
    db.close()
    kept = backup.restore(path, target, db.key)
    assert kept.exists()
    with open_database(path, db.key) as again, again.read() as s:
        names = sorted(p.full_name for p in s.query(Person))
        replica_after = s.execute(
            __import__("sqlalchemy").text("SELECT replica_id FROM local_node")
        ).scalar_one()
    assert names == ["Lê Văn Tám"]
    assert replica_after != replica_before  # a restored copy is a new replica epoch


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(backup.BackupInvalid):
        backup.restore(tmp_path / "live.sqlite3", junk)
    assert not (tmp_path / "live.sqlite3").exists()


def test_schema_head_constant_matches_the_migration_scripts() -> None:
    from antt_desktop.store.database import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_every_foreign_key_column_leads_an_index() -> None:
    """Without one, each row written to (or removed from) the parent table makes SQLite scan
    the child table for rows pointing at it: a sync import at a district took five times as
    long as its raw inserts before revision 0012."""
    unindexed = []
    for table in Base.metadata.sorted_tables:
        leading = {next(iter(index.columns)).name for index in table.indexes}
        leading |= {
            next(iter(c.columns)).name
            for c in table.constraints
            if c.__class__.__name__ in ("UniqueConstraint", "PrimaryKeyConstraint") and c.columns
        }
        for fk in table.foreign_keys:
            if fk.parent.name not in leading:
                unindexed.append(f"{table.name}.{fk.parent.name}")
    assert unindexed == []
