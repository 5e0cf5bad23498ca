"""``antt server grant-desks``: the database's owner gives the desks' role its rights (made
first with ``--create``); a desk logging in as a member of it reads and writes the records,
only adds to the audit log and changes no table; a bad name, a missing role, an account that
is not the owner and a post kept in a file are each refused by name, changing nothing."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.units import add_area
from antt_desktop.store.database import open_database
from tests.postgresql.test_login import INIT, Run, antt, url  # noqa: F401 - fixtures


def _as(made: str, role: str) -> str:
    return made.replace("//antt@", f"//{role}@")


def _role_exists(postgresql_server: str, role: str) -> bool:
    with psycopg.connect(postgresql_server, autocommit=True) as conn:
        return (
            conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
            is not None
        )


@pytest.fixture
def roles(postgresql_server: str, url: str) -> Iterator[list[str]]:  # noqa: F811
    """Roles a test makes, dropped at its end (with what they were given)."""
    made: list[str] = []
    yield made
    for role in reversed(made):
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {role}")  # type: ignore[arg-type]
        with psycopg.connect(postgresql_server, autocommit=True) as conn:
            conn.execute(f"DROP ROLE IF EXISTS {role}")  # type: ignore[arg-type]


def test_the_owner_makes_the_desks_role_and_a_desk_works_within_it(
    antt: Callable[..., Run],  # noqa: F811
    url: str,  # noqa: F811
    postgresql_server: str,
    roles: list[str],
    tmp_path: Path,
) -> None:
    assert antt(*INIT).code == 0
    group, desk = f"antt_desks_{uuid.uuid4().hex[:6]}", f"may1_{uuid.uuid4().hex[:6]}"
    roles += [desk, group]

    granted = antt("server", "grant-desks", group, "--create")

    assert granted.code == 0, granted.err
    assert f"Vai trò máy làm việc {group}" in granted.out and "Đã tạo vai trò" in granted.out
    with psycopg.connect(postgresql_server, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {desk} LOGIN IN ROLE {group}")  # type: ignore[arg-type]
    db = open_database(_as(url, desk), local_dir=tmp_path)
    try:
        with db.write() as session:
            add_area(Ctx(session, Actor("canbo1", "officer"), date(2026, 11, 22)), name="Tổ 7")
        for statement in ("CREATE TABLE notes (x text)", "DELETE FROM audit_entries"):
            with pytest.raises(Exception, match="permission denied"), db.write() as session:
                session.execute(text(statement))
        with db.read() as session:
            assert session.execute(text("SELECT count(*) FROM areas")).scalar() == 1
    finally:
        db.close()
    again = antt("server", "grant-desks", group)  # after an upgrade: the role is kept
    assert again.code == 0, again.err
    assert "Đã tạo vai trò" not in again.out


def test_a_bad_name_or_a_missing_role_is_refused_and_nothing_is_made(
    antt: Callable[..., Run],  # noqa: F811
    postgresql_server: str,
) -> None:
    assert antt(*INIT).code == 0
    bad = antt("server", "grant-desks", 'x"; DROP TABLE persons; --', "--create")
    assert bad.code == 3
    assert "không phải tên vai trò hợp lệ" in bad.err
    missing_role = f"antt_none_{uuid.uuid4().hex[:6]}"
    missing = antt("server", "grant-desks", missing_role)
    assert missing.code == 3
    assert f"chưa có vai trò {missing_role}" in missing.err and "--create" in missing.err
    assert not _role_exists(postgresql_server, missing_role)


def test_an_account_that_is_not_the_owner_is_refused(
    antt: Callable[..., Run],  # noqa: F811
    url: str,  # noqa: F811
    postgresql_server: str,
    roles: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from antt_desktop.cli.app import main
    from tests.conftest import TEST_KDF

    assert antt(*INIT).code == 0
    stranger = f"ngoai_{uuid.uuid4().hex[:6]}"
    roles.append(stranger)
    with psycopg.connect(postgresql_server, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {stranger} LOGIN")  # type: ignore[arg-type]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {stranger}")  # type: ignore[arg-type]
    wanted = f"antt_desks_{uuid.uuid4().hex[:6]}"
    code = main(
        [
            "--database",
            _as(url, stranger),
            "--data-dir",
            str(tmp_path / "desk"),
            "server",
            "grant-desks",
            wanted,
            "--create",
        ],
        kdf=TEST_KDF,
    )
    err = capsys.readouterr().err
    assert code == 4
    assert f"tài khoản {stranger} của máy chủ không được tạo vai trò" in err
    assert not _role_exists(postgresql_server, wanted)


def test_a_post_kept_in_a_file_is_told_the_command_is_for_a_server(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from antt_desktop.cli.app import main
    from tests.conftest import TEST_KDF

    code = main(["--data-dir", str(tmp_path), "server", "grant-desks", "antt_desks"], kdf=TEST_KDF)
    assert code == 2
    assert "trên máy chủ PostgreSQL" in capsys.readouterr().err
