"""Shared fixtures: each test gets a fresh post database in its own temporary directory.

The post is made and opened the way the application does it: encrypted, with a key file,
through the one login path. Tests use cheap Argon2 parameters (:data:`TEST_KDF`, passed
explicitly); the program's own default is memory-hard. Each kind of post is made once per
session and copied for each test (:mod:`tests.helpers.prepared`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from antt_desktop.security.hierarchy import open_account, probe
from antt_desktop.security.kdf import KdfParams
from antt_desktop.security.keyslots import key_file_path, read_key_file
from antt_desktop.security.login import login
from antt_desktop.services.accounts import DEMO_PASSWORD, create_post
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.store.base import Base
from antt_desktop.store.database import Database, connect_raw
from tests.helpers.prepared import PREPARED

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


@pytest.fixture(scope="session", autouse=True)
def _prepared_posts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The templates the posts of this session (of this xdist worker) are copied from."""
    PREPARED.start(tmp_path_factory.mktemp("prepared"))
    yield
    PREPARED.stop()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    PREPARED.new_test()


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever touches the real user data directory, nor the user's Qt settings (the
    list columns a page remembers): tests running side by side would share them."""
    monkeypatch.setenv("ANTT_DATA_DIR", str(tmp_path / "data"))
    if "PySide6.QtCore" in sys.modules:  # a test that uses Qt imported it when collected
        from PySide6.QtCore import QSettings

        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(QSettings.Format.NativeFormat, scope, str(tmp_path / "qt-settings"))


def make_post(path: Path, chief: str = "admin", wall: FakeWall | None = None) -> None:
    """An encrypted commune post at ``path``: unit 00070 under upper unit CAT-HN, with the
    chief's account ``chief`` (password :data:`TEST_PASSWORD`).

    A copy of the post :func:`make_post_afresh` made once per session: ``wall`` then reads
    what it would have read had the post been made with it, and the copy holds the stamps it
    would have written.
    """

    def make(folder: Path) -> int | None:
        clock = FakeWall(wall.now) if wall else None
        make_post_afresh(folder / path.name, chief, clock)
        return clock.now if clock else None

    key = ("make_post", path.name, chief, wall.now if wall else None)
    end = PREPARED.copy(key, path.parent, make)
    if wall is not None and end is not None:
        wall.now = end


def make_post_afresh(path: Path, chief: str = "admin", wall: FakeWall | None = None) -> None:
    """:func:`make_post` the slow way: migrations, the first account, its keys."""
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
    keys = read_key_file(key_file_path(Path(path)))
    user = sorted(keys.slots)[0]
    opened = open_account(keys, user, TEST_PASSWORD) or open_account(keys, user, DEMO_PASSWORD)
    assert opened is not None
    current = probe(Path(path), opened)
    assert current is not None
    return connect_raw(Path(path), current.db_key)


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


# --- PostgreSQL (tests/postgresql): a throwaway server, a fresh database per test module ---


@pytest.fixture(scope="session")
def postgresql_server() -> Iterator[str]:
    """The URL of a PostgreSQL server's maintenance database: ``$ANTT_TEST_POSTGRESQL_URL``
    (``.ci/run`` starts one for every worker), else a cluster started here and stopped at
    the end. Without the server's programs the tests skip — unless
    ``$ANTT_REQUIRE_POSTGRESQL`` is set (CI), where that is a failure."""
    from tests.postgresql import server

    given = os.environ.get(server.URL_VARIABLE)
    if given:
        yield given
        return
    if server.server_bin() is None:
        if os.environ.get(server.REQUIRE_VARIABLE):
            pytest.fail("PostgreSQL's initdb not found (apt-get install postgresql)")
        pytest.skip("PostgreSQL's initdb not found (apt-get install postgresql)")
    folder, url = server.start()
    try:
        yield url
    finally:
        server.stop(folder)


@pytest.fixture(scope="module")
def postgresql_database(postgresql_server: str) -> Iterator[str]:
    """The URL of a fresh, empty database on the test server for this test module."""
    from tests.postgresql import server

    url = server.create_database(postgresql_server)
    yield url
    server.drop_database(postgresql_server, url)
