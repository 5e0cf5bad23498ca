"""The schema on a PostgreSQL server: every revision runs, the database opens by URL, the
counterparts of SQLite's own objects work, and what is not ported says so by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from antt_desktop.store import postgresql
from antt_desktop.store.database import SCHEMA_HEAD, Database, head_revision, open_database
from antt_desktop.store.errors import DatabaseNotInitialised


def test_every_revision_runs_to_head(postgresql_database: str) -> None:
    db = open_database(postgresql_database, create=True)
    try:
        assert head_revision() == SCHEMA_HEAD
        with db.read() as session:
            version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
            kinds = dict(
                session.execute(
                    text(
                        "SELECT column_name, data_type FROM information_schema.columns"
                        " WHERE table_name = 'local_node' AND column_name IN ('hlc', 'seq')"
                    )
                ).all()
            )
        assert version == SCHEMA_HEAD
        assert kinds == {"hlc": "bigint", "seq": "bigint"}  # 64-bit, as SQLite's INTEGER
    finally:
        db.close()
    again = open_database(postgresql_database)  # at head: opens without Alembic
    again.close()


def test_an_empty_database_is_not_made_without_create(postgresql_server: str) -> None:
    from tests.postgresql import server

    url = server.create_database(postgresql_server)
    try:
        with pytest.raises(DatabaseNotInitialised):
            open_database(url)
    finally:
        server.drop_database(postgresql_server, url)


def test_no_server_there_is_a_known_error(tmp_path: Path) -> None:
    with pytest.raises(postgresql.ServerUnreachable) as caught:
        open_database("postgresql://antt:secret@127.0.0.1:1/none")
    assert "secret" not in str(caught.value)  # the password never goes into a message


def test_driver_sql_in_sqlite_marks_runs(db: Database) -> None:
    with db.read() as session:
        conn = session.connection()
        code = conn.exec_driver_sql(
            "SELECT code FROM units WHERE code = ? AND name LIKE '%Hoàn Kiếm'", ("00070",)
        ).scalar()
    assert code == "00070"


def test_sqlite_keys_and_rekey_are_refused_by_name(db: Database) -> None:
    with pytest.raises(postgresql.NotOnPostgreSQL) as caught:
        db.rekey(b"k" * 32)
    assert caught.value.code == "db.not_on_postgresql.rekey"
    with pytest.raises(postgresql.NotOnPostgreSQL):
        open_database("postgresql://antt@127.0.0.1:1/none", key=b"k" * 32)


def test_the_audit_log_is_append_only(db: Database) -> None:
    with db.read() as session:
        assert session.execute(text("SELECT count(*) FROM audit_entries")).scalar() == 0
    with pytest.raises(Exception, match="append-only"), db.write() as session:
        session.execute(
            text(
                "INSERT INTO audit_entries (at, actor, action, fields, prev_hash, hash)"
                " VALUES ('x', 'a', 'b', '[]', '', '')"
            )
        )
        session.execute(text("DELETE FROM audit_entries"))


def test_the_url_shown_hides_the_password() -> None:
    assert postgresql.shown_url("postgresql://u:p@h/db") == "postgresql://u:***@h/db"
    assert postgresql.driver_sql("SELECT '?', ? WHERE a LIKE '%x'") == (
        "SELECT '?', %s WHERE a LIKE '%%x'"
    )


@pytest.mark.parametrize(
    ("url", "added"),
    [
        ("postgresql://antt@127.0.0.1:5432/xa", {}),
        ("postgresql://antt@localhost/xa", {}),
        ("postgresql://antt@/xa?host=/run/postgresql", {}),
        ("postgresql://antt@10.0.0.5/xa", {"sslmode": "require"}),
        ("postgresql://antt@db.catinh.vn/xa?sslmode=verify-full", {}),
        # one host of a list off this computer: the list is reached through TLS
        ("postgresql://antt@localhost,10.0.0.5/xa", {"sslmode": "require"}),
        ("postgresql://antt@/xa?host=/run/postgresql,10.0.0.5", {"sslmode": "require"}),
    ],
)
def test_a_server_off_this_computer_is_reached_through_tls(url: str, added: dict[str, str]) -> None:
    assert postgresql.connect_args(url) == added


def test_a_url_without_a_host_goes_where_pghost_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGHOST", "10.0.0.5")
    assert postgresql.connect_args("postgresql://antt@/xa") == {"sslmode": "require"}
    monkeypatch.setenv("PGHOST", "/run/postgresql")
    assert postgresql.connect_args("postgresql://antt@/xa") == {}


def test_tls_turned_off_for_a_server_on_the_network_is_refused() -> None:
    with pytest.raises(postgresql.ServerNeedsTls) as caught:
        open_database("postgresql://canbo:bi-mat@10.0.0.5/xa?sslmode=disable")
    assert "bi-mat" not in str(caught.value)
