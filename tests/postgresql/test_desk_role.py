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
