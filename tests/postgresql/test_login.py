"""Logging in to a post on a PostgreSQL server: the key file's content is kept in the
server's database, so any desk logs in with its own account and password, failures count
across desks, a viewer gets no fields key, and a password change or a disabled account
rotates the keys there as on SQLite (without a rekey: the server has no file key)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from antt_desktop.cli.app import main
from antt_desktop.security.errors import WrongCredentials
from antt_desktop.security.kdf import KdfParams, derive_key
from antt_desktop.security.login import Unlocked, login, record_unlock, verify
from antt_desktop.security.server_keys import ServerKeys
from antt_desktop.store import postgresql_keys, postgresql_schema
from antt_desktop.store.database import Database, open_database
from tests.conftest import TEST_KDF, TEST_PASSWORD
from tests.postgresql import server
from tests.postgresql.at_once import at_once

CHIEF = "truongcong"
INIT = (
    "init",
    "--unit-code",
    "05611",
    "--unit-name",
    "Công an xã Phú Lương",
    "--upper-code",
    "CAT-TN",
    "--upper-name",
    "Công an tỉnh Thái Nguyên",
    "--admin",
    CHIEF,
    "--admin-name",
    "Nguyễn Văn Trưởng",
)


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def url(postgresql_server: str) -> Iterator[str]:
    """An empty database on the test server."""
    made = server.create_database(postgresql_server)
    yield made
    server.drop_database(postgresql_server, made)


@pytest.fixture
def antt(
    url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[..., Run]:
    """``antt --database URL …`` at a desk of its own (``desk``: its folder's name)."""
    monkeypatch.setenv("ANTT_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("ANTT_NEW_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("ANTT_USER", CHIEF)

    def run(*args: str, desk: str = "desk1") -> Run:
        folder = tmp_path / desk
        try:
            code = main(
                ["--database", url, "--data-dir", str(folder), "--today", "2026-11-22", *args],
                kdf=TEST_KDF,
            )
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def _login(url: str, user: str, password: str = TEST_PASSWORD) -> Unlocked:
    return login(url, user, password, kdf=TEST_KDF)


def _failures(url: str, user: str) -> int:
    db = open_database(url, write=False)
    try:
        record = ServerKeys(db.engine, url).read().failures.get(user)
        return record.count if record else 0
    finally:
        db.close()


def test_init_makes_the_post_on_the_server_and_its_chief_searches(
    antt: Callable[..., Run], url: str
) -> None:
    made = antt(*INIT)
    assert made.code == 0, made.err
    assert "Công an xã Phú Lương" in made.out and "127.0.0.1" in made.out
    added = antt("person", "add", "--name", "Nguyễn Văn An", "--address", "Thôn Đồng Tâm")
    assert added.code == 0, added.err
    found = antt("search", "nguyen", desk="desk2")  # another desk, the same post
    assert found.code == 0, found.err
    assert "Nguyễn Văn An" in found.out
    assert "Nguyễn Văn An" in antt("search", "dong tam").out  # the ranked search, by address
    # the keys are in the server's database: nothing beside the desk's folder holds them
    db = open_database(url, write=False)
    try:
        with db.engine.connect() as conn:
            doc = postgresql_keys.read(conn)
        assert doc is not None and CHIEF.encode() in doc
    finally:
        db.close()
    assert antt(*INIT).code != 0  # a second init does not replace the post


def test_a_wrong_password_is_refused_and_counted_across_desks(
    antt: Callable[..., Run], url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert antt(*INIT).code == 0
    monkeypatch.setenv("ANTT_PASSWORD", "sai-mat-khau-roi")
    refused = antt("search", "nguyen", desk="desk2")
    assert refused.code == 5
    assert _failures(url, CHIEF) == 1  # seen by every desk
    with pytest.raises(WrongCredentials):
        _login(url, CHIEF, "sai-lan-nua")
    assert _failures(url, CHIEF) == 2
    with _login(url, CHIEF) as post, post.db.read() as session:
        actions = (
            session.execute(text("SELECT action FROM audit_entries ORDER BY seq")).scalars().all()
        )
    assert actions.count("login_failed") == 2  # into the audit log at the next login
    assert _failures(url, CHIEF) == 0


def test_a_disabled_account_no_longer_logs_in(
    antt: Callable[..., Run], url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert antt(*INIT).code == 0
    assert antt("user", "add", "canbo1", "--role", "officer").code == 0
    with _login(url, "canbo1") as officer:
        assert officer.keys.fields_key is not None
    disabled = antt("user", "disable", "canbo1")
    assert disabled.code == 0, disabled.err
    with pytest.raises(WrongCredentials):
        _login(url, "canbo1")
    with _login(url, CHIEF) as chief:  # the others keep their keys (no file to rekey)
        assert chief.keys.fields_key is not None
        assert chief.keys.fields_key != officer.keys.fields_key  # rotated: the old one is out
        assert chief.keys.fields_key_id == 2


def test_a_password_change_rotates_and_sealed_fields_stay_readable(
    antt: Callable[..., Run], url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert antt(*INIT).code == 0
    added = antt(
        "person",
        "add",
        "--name",
        "Nguyễn Văn An",
        "--born",
        "1980-01-02",
        "--id-number",
        "001080012345",
    )
    assert added.code == 0, added.err
    monkeypatch.setenv("ANTT_NEW_PASSWORD", "mat-khau-moi-cua-truong")
    changed = antt("user", "passwd")
    assert changed.code == 0, changed.err
    with pytest.raises(WrongCredentials):
        _login(url, CHIEF)  # the old password opens nothing now
    monkeypatch.setenv("ANTT_PASSWORD", "mat-khau-moi-cua-truong")
    found = antt("search", "001080012345")
    assert found.code == 0, found.err
    assert "Nguyễn Văn An" in found.out


def test_a_viewer_gets_no_fields_key(antt: Callable[..., Run], url: str) -> None:
    assert antt(*INIT).code == 0
    assert antt("user", "add", "xem1", "--role", "viewer").code == 0
    with _login(url, "xem1") as viewer:
        assert viewer.actor.role == "viewer"
        assert viewer.keys.fields_key is None
        assert viewer.db.fields is None


def test_two_desks_log_in_at_once(antt: Callable[..., Run], url: str) -> None:
    assert antt(*INIT).code == 0
    assert antt("user", "add", "canbo1", "--role", "officer").code == 0
    results: dict[str, object] = {}

    def desk(user: str) -> None:
        with _login(url, user) as post:
            results[user] = post.keys.fields_key

    assert at_once(lambda: desk(CHIEF), lambda: desk("canbo1")) == []
    assert isinstance(results[CHIEF], bytes) and results[CHIEF] == results["canbo1"]
    assert _failures(url, CHIEF) == _failures(url, "canbo1") == 0


def test_a_post_without_its_keys_on_the_server_says_so(db: Database) -> None:
    """A post made on the server without the program's setup (no accounts' keys there):
    the login names what is missing instead of failing on it."""
    assert db.url is not None
    with pytest.raises(postgresql_keys.ServerKeysMissing) as caught:
        login(db.url, "admin", TEST_PASSWORD, kdf=TEST_KDF)
    assert caught.value.exit_code == 5


def test_the_idle_lock_checks_the_password_on_the_server(
    antt: Callable[..., Run], url: str
) -> None:
    assert antt(*INIT).code == 0
    with _login(url, CHIEF) as post:
        ring = verify(post.db.path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF, db=post.db)
        assert ring.fields_key == post.keys.fields_key
        with pytest.raises(WrongCredentials):
            verify(post.db.path, CHIEF, "sai-mat-khau", kdf=TEST_KDF, db=post.db)
        assert _failures(url, CHIEF) == 1
        # the failure goes into the log, the record sealed again with the desk's key
        assert record_unlock(post.db, post.actor, ring) is False
        with post.db.read() as session:
            actions = session.execute(text("SELECT action FROM audit_entries")).scalars().all()
        assert "login_failed" in actions and "unlock" in actions
    with _login(url, CHIEF) as again:
        assert again.key_file_edited is False  # no false alarm at the next login


def test_failures_go_into_the_log_once_when_two_desks_log_in_together(
    antt: Callable[..., Run], url: str
) -> None:
    assert antt(*INIT).code == 0
    assert antt("user", "add", "canbo1", "--role", "officer").code == 0
    with pytest.raises(WrongCredentials):
        _login(url, "canbo1", "sai-mat-khau")
    assert at_once(*(lambda u=u: _login(url, u).close() for u in (CHIEF, "canbo1"))) == []
    with _login(url, CHIEF) as post, post.db.read() as session:
        actions = session.execute(text("SELECT action FROM audit_entries")).scalars().all()
    assert actions.count("login_failed") == 1  # copied by one desk, not by both


def test_the_password_is_checked_without_holding_the_other_desks_up(
    antt: Callable[..., Run], url: str
) -> None:
    """Argon2id runs on a copy of the keys: the row stays free for the other desks' logins
    and changes meanwhile (only the counters are written under its lock)."""
    assert antt(*INIT).code == 0
    db = open_database(url, write=False)
    seen: list[bool] = []

    def derive(password: str, salt: bytes, params: KdfParams) -> bytes:
        with db.engine.connect() as conn, conn.begin():
            free = conn.execute(text("SELECT id FROM server_keys FOR UPDATE NOWAIT")).all()
        seen.append(len(free) == 1)
        return derive_key(password, salt, params)

    try:
        login(url, CHIEF, TEST_PASSWORD, kdf=TEST_KDF, derive=derive).close()
        with pytest.raises(WrongCredentials):
            login(url, CHIEF, "sai-mat-khau", kdf=TEST_KDF, derive=derive)
    finally:
        db.close()
    assert seen == [True, True]  # NOWAIT would have raised under another's lock
    assert _failures(url, CHIEF) == 1


def test_the_desks_role_logs_in_and_counts_failures(
    antt: Callable[..., Run], url: str, postgresql_server: str
) -> None:
    """The owner sets the post up; the desks connect with their own database role (no DDL),
    which may still read the accounts' keys and write the failure counters."""
    assert antt(*INIT).code == 0
    role = f"antt_desk_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(postgresql_server, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")  # type: ignore[arg-type]
    owner = open_database(url)
    try:
        with owner.engine.begin() as conn:
            postgresql_schema.grant_desks(conn, role)
        desk_url = url.replace("//antt@", f"//{role}@")
        with pytest.raises(WrongCredentials):
            _login(desk_url, CHIEF, "sai-mat-khau")
        assert _failures(url, CHIEF) == 1
        with _login(desk_url, CHIEF) as post:
            assert post.keys.fields_key is not None
        assert _failures(url, CHIEF) == 0
    finally:
        with owner.engine.begin() as conn:
            conn.exec_driver_sql(f"DROP OWNED BY {role}")
        owner.close()
        with psycopg.connect(postgresql_server, autocommit=True) as conn:
            conn.execute(f"DROP ROLE {role}")  # type: ignore[arg-type]


def test_a_role_lowered_loses_the_fields_key_and_the_others_keep_reading(
    antt: Callable[..., Run], url: str
) -> None:
    assert antt(*INIT).code == 0
    assert antt("user", "add", "canbo1", "--role", "officer").code == 0
    with _login(url, "canbo1") as officer:
        before = officer.keys.fields_key
    assert antt("user", "role", "canbo1", "viewer").code == 0
    with _login(url, "canbo1") as viewer:
        assert viewer.actor.role == "viewer" and viewer.keys.fields_key is None
    with _login(url, CHIEF) as chief:
        assert chief.keys.fields_key not in (None, before)  # rotated, and the chief has it
        assert chief.db.fields is not None


def test_a_desk_writes_nothing_under_a_key_another_desk_rotated(
    antt: Callable[..., Run], url: str
) -> None:
    """Desk 2 stays logged in while desk 1 changes a password (the fields key rotates): a
    value desk 2 sealed under the old key would be lost with it, so its write is refused,
    nothing is written, and after a new login it writes again."""
    assert antt(*INIT).code == 0
    assert antt("user", "add", "canbo1", "--role", "officer").code == 0
    desk2 = _login(url, "canbo1")
    try:
        assert antt("user", "passwd", "canbo1").code == 0  # the chief resets it at desk 1
        with pytest.raises(postgresql_keys.KeysChanged), desk2.db.write() as session:
            session.execute(text("UPDATE units SET name = 'Không được ghi'"))
        with desk2.db.read() as session:
            assert (
                session.execute(
                    text("SELECT count(*) FROM units WHERE name = 'Không được ghi'")
                ).scalar()
                == 0
            )
    finally:
        desk2.close()
    with _login(url, "canbo1") as again, again.db.write() as session:
        session.execute(text("UPDATE units SET name = 'Công an xã Phú Lương'"))
