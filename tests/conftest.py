"""Shared fixtures: each test gets a fresh post database in its own temporary directory.

The post is made and opened the way the application does it: encrypted, with a key file,
through the one login path. Tests use cheap Argon2 parameters (:data:`TEST_KDF`, passed
explicitly); the program's own default is memory-hard.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from antt_desktop.security.kdf import KdfParams
from antt_desktop.security.keyslots import key_file_path, read_key_file
from antt_desktop.security.login import login
from antt_desktop.services.accounts import DEMO_PASSWORD, create_post
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.store.base import Base
from antt_desktop.store.database import Database, connect_raw

TODAY = date(2026, 11, 22)
OFFICER = Actor("canbo1", "officer")
#: The post's chief: closes dossiers, registers units, manages accounts.
CHIEF = Actor("truongcong", "chief")
#: Argon2 at its cheapest, for tests only (passed explicitly, never a global default).
TEST_KDF = KdfParams(time_cost=1, memory_kib=64, parallelism=1)
#: The password of every account the fixtures make.
TEST_PASSWORD = "mat-khau-thu-nghiem"


class FakeWall:
    """A wall clock that tests move by hand (milliseconds)."""

    def __init__(self, start_ms: int = 1_790_000_000_000) -> None:
        self.now = start_ms

    def __call__(self) -> int:
        self.now += 1
        return self.now


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever touches the real user data directory."""
    monkeypatch.setenv("ANTT_DATA_DIR", str(tmp_path / "data"))


def make_post(path: Path, chief: str = "admin", wall: FakeWall | None = None) -> None:
    """An encrypted commune post at ``path``: unit 00070 under upper unit CAT-HN, with the
    chief's account ``chief`` (password :data:`TEST_PASSWORD`)."""
    create_post(
        path,
        password=TEST_PASSWORD,
        kdf=TEST_KDF,
        unit_code="00070",
        unit_name="Công an phường Hoàn Kiếm",
        admin=chief,
        upper_code="CAT-HN",
        upper_name="Công an thành phố Hà Nội",
        **({"wall": wall} if wall else {}),
    ).close()


def open_post(path: Path, user: str = "admin", **options: object) -> Database:
    """The post at ``path``, opened by logging in as ``user`` (the one place tests log in)."""
    return login(path, user, TEST_PASSWORD, kdf=TEST_KDF, **options).db  # type: ignore[arg-type]


def connect_unlocked(path: Path) -> Any:
    """A bare SQLCipher connection to a post the fixtures made (to count rows the way no
    service would, or to damage them on purpose)."""
    slots = read_key_file(key_file_path(Path(path))).slots
    user = sorted(slots)[0]
    key = slots[user].unwrap(user, TEST_PASSWORD) or slots[user].unwrap(user, DEMO_PASSWORD)
    return connect_raw(Path(path), key)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """An initialised commune post, logged in as its chief 'admin'."""
    wall = FakeWall()
    make_post(tmp_path / "post.sqlite3", wall=wall)
    database = open_post(tmp_path / "post.sqlite3", wall=wall)
    yield database
    database.close()


@pytest.fixture
def write(db: Database) -> Callable[..., object]:
    """``with write() as ctx:`` — one service transaction as an officer, today = TODAY."""

    @contextmanager
    def _write(actor: Actor = OFFICER, today: date = TODAY) -> Iterator[Ctx]:
        with db.write() as session:
            yield Ctx(session, actor, today)

    return _write


@pytest.fixture
def read(db: Database) -> Callable[..., object]:
    @contextmanager
    def _read(actor: Actor = OFFICER, today: date = TODAY) -> Iterator[Ctx]:
        with db.read() as session:
            yield Ctx(session, actor, today)

    return _read


@pytest.fixture
def db_state(db: Database) -> Callable[[], dict[str, list[str]]]:
    """``db_state()``: every row of every table, to show that a check wrote nothing."""

    def state() -> dict[str, list[str]]:
        with db.read() as session:
            return {
                table.name: sorted(repr(tuple(row)) for row in session.execute(select(table)))
                for table in Base.metadata.sorted_tables
            }

    return state
