"""Shared fixtures: each test gets a fresh post database in its own temporary directory."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from antt_desktop.services.context import Actor, Ctx
from antt_desktop.services.units import initialise
from antt_desktop.store.database import Database, open_database

TODAY = date(2026, 11, 22)
OFFICER = Actor("canbo1", "officer")


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


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """An initialised commune post: unit 00070 under upper unit CAT-HN, account 'admin'."""
    database = open_database(tmp_path / "post.sqlite3", create=True, wall=FakeWall())
    with database.write() as session:
        initialise(
            session,
            unit_code="00070",
            unit_name="Công an phường Hoàn Kiếm",
            admin="admin",
            upper_code="CAT-HN",
            upper_name="Công an thành phố Hà Nội",
        )
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
