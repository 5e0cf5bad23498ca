"""The desks' role on a shared server: records read and written, the audit log only
appended to, no DDL; a schema behind the program waits for the owner's upgrade."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date

import psycopg
import pytest
from sqlalchemy import text

from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.units import add_area
from antt_desktop.store import postgresql_schema
from antt_desktop.store.database import Database, open_database
from antt_desktop.store.postgresql import ServerSchemaBehind
from tests.postgresql import server


def _as(url: str, role: str) -> str:
    return url.replace("//antt@", f"//{role}@")


@pytest.fixture
def desk_role(db: Database, postgresql_server: str) -> Iterator[str]:
    role = f"antt_desk_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgresql_server, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")  # type: ignore[arg-type]
    with db.engine.begin() as conn:
        postgresql_schema.grant_desks(conn, role)
    yield role
    with db.engine.begin() as conn:
        conn.exec_driver_sql(f"DROP OWNED BY {role}")
    with psycopg.connect(postgresql_server, autocommit=True) as conn:
        conn.execute(f"DROP ROLE {role}")  # type: ignore[arg-type]


def test_a_desk_writes_records_and_appends_to_the_audit_log_only(
    db: Database, desk_role: str
) -> None:
    url = _as(db.engine.url.render_as_string(hide_password=False), desk_role)
    desk = open_database(url, local_dir=db.path.parent)
    try:
        with desk.write() as session:
            add_area(Ctx(session, Actor("canbo1", "officer"), date(2026, 11, 22)), name="Tổ 3")
        with desk.read() as session:
            assert session.execute(text("SELECT count(*) FROM audit_entries")).scalar() == 1
        for statement in ("CREATE TABLE notes (x text)", "DELETE FROM audit_entries"):
            with pytest.raises(Exception, match="permission denied"), desk.write() as session:
                session.execute(text(statement))
    finally:
        desk.close()


def test_a_schema_behind_waits_for_the_owner(postgresql_server: str) -> None:
    role = f"antt_desk_{uuid.uuid4().hex[:8]}"
    url = server.create_database(postgresql_server)
    with psycopg.connect(postgresql_server, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")  # type: ignore[arg-type]
    try:
        with pytest.raises(ServerSchemaBehind):
            open_database(_as(url, role), create=True)
    finally:
        server.drop_database(postgresql_server, url)
        with psycopg.connect(postgresql_server, autocommit=True) as conn:
            conn.execute(f"DROP ROLE {role}")  # type: ignore[arg-type]


def _analysed(db: Database) -> set[str]:
    """The tables the program asked the server to analyse (autovacuum's own runs are kept
    apart, in ``last_autoanalyze``)."""
    with db.engine.connect() as conn:
        conn.exec_driver_sql("SELECT pg_stat_clear_snapshot()")
        return set(
            conn.exec_driver_sql(
                "SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL"
            ).scalars()
        )


def _estimate(db: Database, table: str) -> float:
    with db.engine.connect() as conn:
        return float(
            conn.exec_driver_sql(
                "SELECT reltuples FROM pg_class WHERE relname = ?", (table,)
            ).scalar_one()
        )


def test_a_desks_bulk_load_leaves_the_server_planning_with_its_rows(
    db: Database, desk_role: str
) -> None:
    from antt_desktop.demo.generate import generate
    from tests.postgresql.conftest import FIELDS_KEY

    url = _as(db.engine.url.render_as_string(hide_password=False), desk_role)
    desk = open_database(url, local_dir=db.path.parent, fields_key=FIELDS_KEY)
    try:
        summary = generate(desk, scale="commune", seed=5, today=date(2026, 11, 22), factor=0.1)
    finally:
        desk.close()
    people = summary.counts["persons"]
    assert people >= 1000
    analysed = _analysed(db)
    # the tables the load grew by a thousand rows or more (the people and their search
    # index), not those it added a few rows to
    assert {"persons", "search_docs", "search_fts"} <= analysed
    assert summary.counts["households"] < 1000 and "households" not in analysed
    assert "units" not in analysed
    assert _estimate(db, "persons") == pytest.approx(people, rel=0.05)


def test_a_desk_without_the_owners_latest_grants_still_loads(db: Database, desk_role: str) -> None:
    from antt_desktop.demo.generate import generate
    from tests.postgresql.conftest import FIELDS_KEY

    with db.engine.begin() as conn:  # an upgrade the owner has not run grant-desks after
        conn.exec_driver_sql(f"REVOKE EXECUTE ON FUNCTION antt_analyze FROM {desk_role}")
    url = _as(db.engine.url.render_as_string(hide_password=False), desk_role)
    desk = open_database(url, local_dir=db.path.parent, fields_key=FIELDS_KEY)
    try:
        summary = generate(desk, scale="commune", seed=5, today=date(2026, 11, 22), factor=0.1)
        with desk.read() as session:
            stored = session.execute(text("SELECT count(*) FROM persons")).scalar_one()
    finally:
        desk.close()
    assert stored == summary.counts["persons"] >= 1000
    assert "persons" not in _analysed(db)
