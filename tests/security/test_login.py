"""The login path: a wrong password opens nothing, waits grow, the file is unreadable."""

from __future__ import annotations

import itertools
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from antt_desktop.security.errors import KeyFileInvalid, LoginDelayed, WrongCredentials
from antt_desktop.security.kdf import PRODUCTION, KdfParams, KdfParamsInvalid
from antt_desktop.security.keyslots import key_file_path, read_key_file
from antt_desktop.security.lockout import FREE_ATTEMPTS, MAX_WAIT_S, wait_after
from antt_desktop.security.login import login, verify
from antt_desktop.store.models import AuditEntry, Person
from tests.conftest import TEST_KDF, TEST_PASSWORD, make_post


class Clock:
    """Seconds that the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def path(tmp_path: Path) -> Path:
    make_post(tmp_path / "post.sqlite3", chief="truongcong")
    return tmp_path / "post.sqlite3"


def _audit(path: Path) -> list[tuple[str, str]]:
    with login(path, "truongcong", TEST_PASSWORD, kdf=TEST_KDF) as post, post.db.read() as s:
        return [(e.actor, e.action) for e in s.execute(select(AuditEntry)).scalars()]


def test_the_right_password_opens_the_post_as_the_account_and_its_role(path: Path) -> None:
    with login(path, "truongcong", TEST_PASSWORD, kdf=TEST_KDF) as post:
        assert (post.actor.username, post.actor.role) == ("truongcong", "chief")
        with post.db.read() as session:
            assert session.execute(select(Person)).first() is None
    assert _audit(path)[-1] == ("truongcong", "login")


def test_a_wrong_password_opens_nothing_and_is_recorded_at_the_next_login(path: Path) -> None:
    before = path.stat().st_mtime_ns, path.stat().st_size
    with pytest.raises(WrongCredentials):
        login(path, "truongcong", "not the password", kdf=TEST_KDF)
    assert (path.stat().st_mtime_ns, path.stat().st_size) == before
    assert not Path(str(path) + "-wal").exists()  # the database was never opened
    assert read_key_file(key_file_path(path)).failures["truongcong"].count == 1
    entries = _audit(path)
    assert ("truongcong", "login_failed") in entries
    assert read_key_file(key_file_path(path)).pending_audit == []  # moved into the audit log


def test_an_unknown_account_reads_the_same_as_a_wrong_password(path: Path) -> None:
    with pytest.raises(WrongCredentials) as unknown:
        login(path, "nobody", TEST_PASSWORD, kdf=TEST_KDF)
    with pytest.raises(WrongCredentials) as wrong:
        login(path, "truongcong", "wrong password", kdf=TEST_KDF)
    assert unknown.value.code == wrong.value.code


def test_failures_make_the_next_attempt_wait_longer_each_time(path: Path) -> None:
    clock = Clock()
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(WrongCredentials):
            verify(path, "truongcong", "guess", now=clock)
    with pytest.raises(LoginDelayed) as first:
        verify(path, "truongcong", TEST_PASSWORD, now=clock)  # even the right one waits
    assert first.value.params["seconds"] == 2
    clock.now += 2
    with pytest.raises(WrongCredentials):
        verify(path, "truongcong", "guess", now=clock)
    with pytest.raises(LoginDelayed) as second:
        verify(path, "truongcong", "guess", now=clock)
    assert second.value.params["seconds"] == 4
    clock.now += 4
    verify(path, "truongcong", TEST_PASSWORD, now=clock)  # the wait is over: it opens
    assert "truongcong" not in read_key_file(key_file_path(path)).failures


def test_the_wait_grows_to_a_ceiling() -> None:
    waits = [wait_after(n) for n in range(30)]
    assert waits[:FREE_ATTEMPTS] == [0.0] * FREE_ATTEMPTS
    assert all(a <= b for a, b in itertools.pairwise(waits))
    assert waits[-1] == MAX_WAIT_S


def test_the_file_is_unreadable_without_the_key(path: Path) -> None:
    with login(path, "truongcong", TEST_PASSWORD, kdf=TEST_KDF) as post, post.db.write() as s:
        from antt_desktop.services.context import Actor, Ctx
        from antt_desktop.services.people import PersonInput, add_person
        from tests.conftest import TODAY

        person = PersonInput(
            full_name="Nguyễn Văn Đức", id_number="019085012345", born="1985", sex="M"
        )
        add_person(Ctx(s, Actor("truongcong", "chief"), TODAY), person)
    files = [p for p in path.parent.iterdir() if p.name in (path.name, path.name + "-wal")]
    raw = b"".join(p.read_bytes() for p in files)
    assert not raw.startswith(b"SQLite format 3")
    for secret in ("Nguyễn Văn Đức".encode(), b"019085012345", b"persons", b"CREATE TABLE"):
        assert secret not in raw
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_a_damaged_or_hostile_key_file_is_refused_and_left_alone(path: Path) -> None:
    keys = key_file_path(path)
    doc = json.loads(keys.read_text(encoding="utf-8"))
    doc["slots"]["truongcong"]["kdf"]["memory_kib"] = 64 * 1024 * 1024  # 64 GiB of work
    keys.write_text(json.dumps(doc), encoding="utf-8")
    damaged = keys.read_bytes()
    with pytest.raises(KeyFileInvalid):
        login(path, "truongcong", TEST_PASSWORD, kdf=TEST_KDF)
    keys.write_bytes(b"\xff" * 10)
    with pytest.raises(KeyFileInvalid):
        login(path, "truongcong", TEST_PASSWORD, kdf=TEST_KDF)
    keys.write_bytes(damaged)
    assert keys.read_bytes() == damaged


def test_a_slot_moved_to_another_name_does_not_open(path: Path) -> None:
    keys = key_file_path(path)
    doc = json.loads(keys.read_text(encoding="utf-8"))
    doc["slots"]["intruder"] = doc["slots"]["truongcong"]
    keys.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(WrongCredentials):
        login(path, "intruder", TEST_PASSWORD, kdf=TEST_KDF)


def test_the_key_file_is_versioned_and_has_one_slot_per_account(path: Path) -> None:
    doc = json.loads(key_file_path(path).read_text(encoding="utf-8"))
    assert (doc["format"], doc["version"]) == ("antt-keyslots", 2)
    assert list(doc["slots"]) == ["truongcong"]
    # the chief's key pair, and the database and fields keys wrapped to it (docs/KEYS.md)
    assert set(doc["slots"]["truongcong"]) >= {"wrapped_private", "public"}
    assert [(k["kind"], k["id"], list(k["to"])) for k in doc["keys"]] == [
        ("db", 1, ["truongcong"]),
        ("fields", 1, ["truongcong"]),
    ]
    assert doc["post"] == {
        "unit_code": "00070",
        "unit_name": "Công an phường Hoàn Kiếm",
        "demo": False,
    }
    assert not list(path.parent.glob("*.part"))  # written aside, then renamed


def test_production_parameters_are_memory_hard_and_hostile_ones_are_refused() -> None:
    assert PRODUCTION.memory_kib >= 64 * 1024 and PRODUCTION.time_cost >= 3
    assert KdfParams.from_dict(PRODUCTION.to_dict()) == PRODUCTION
    for bad in ({"name": "pbkdf2"}, {**PRODUCTION.to_dict(), "time_cost": 1000},
                {**PRODUCTION.to_dict(), "parallelism": "4"}):  # fmt: skip
        with pytest.raises(KdfParamsInvalid):
            KdfParams.from_dict(bad)
