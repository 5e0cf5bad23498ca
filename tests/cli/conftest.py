"""Run ``antt`` in-process with a data folder of the test's own; capture what it prints.

Every run logs in the way a user does: ``antt init`` takes the chief's password from
``ANTT_NEW_PASSWORD``, later commands the account from ``ANTT_USER`` (the chief,
:data:`CHIEF`) and the password from ``ANTT_PASSWORD`` (set here, in one place), with cheap
Argon2 parameters. The ``post`` fixture's ``antt init`` runs once per session and its data
folder is copied for each test (:mod:`tests.helpers.prepared`).

The same tests run against a post on a PostgreSQL server (``tests/postgresql/test_cli_*.py``:
:func:`make_antt` with the server's URL). There each data folder is a desk of its own
database: the first command run in a folder makes an empty database for it (named in the
folder's :data:`DATABASE_MARK` file), every command gets ``--database URL``; a folder copied
from a prepared post (whose database is a template) gets a copy of that database
(``CREATE DATABASE … TEMPLATE``), and the test's databases are dropped when it ends.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from antt_desktop.cli.app import main
from antt_desktop.security.login import login
from antt_desktop.store.database import DB_FILENAME, Database
from tests.conftest import TEST_KDF, TEST_PASSWORD, connect_unlocked, open_post
from tests.helpers.prepared import PREPARED

CHIEF = "truongcong"
#: ``antt init`` of the ``post`` fixture: a commune post under its province.
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
)

#: The audit log's guard against an UPDATE dropped, as a tamperer would (by ``on_server``:
#: SQLite's trigger; the server's one trigger against both UPDATE and DELETE).
DROP_UPDATE_GUARD = {
    False: "DROP TRIGGER audit_entries_no_update",
    True: "DROP TRIGGER audit_entries_append_only ON audit_entries",
}

#: The guard against a DELETE dropped, and the line ``antt check`` names it with (by
#: ``on_server``: on a server the check of its schema names its trigger).
DROP_DELETE_GUARD = {
    False: (
        "DROP TRIGGER audit_entries_no_delete",
        "audit log: the guard audit_entries_no_delete was removed",
    ),
    True: (
        "DROP TRIGGER audit_entries_append_only ON audit_entries",
        "schema: the trigger audit_entries_append_only is missing",
    ),
}

#: On a server: the file in a data folder naming the database of its post.
DATABASE_MARK = ".test-database"


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


class ServerDatabases:
    """The databases of the data folders of one test on a PostgreSQL server (see above).

    ``templates``: the session's prepared posts' databases (never dropped by a test)."""

    def __init__(self, server_url: str, templates: set[str]) -> None:
        self.server_url = server_url
        self.templates = templates
        self.owned: dict[Path, str] = {}

    def url(self, folder: Path) -> str:
        from tests.postgresql import server

        folder = folder.resolve()
        if folder in self.owned:
            return self.owned[folder]
        mark = folder / DATABASE_MARK
        name = mark.read_text().strip() if mark.exists() else None
        prepared = PREPARED.root is not None and folder.is_relative_to(PREPARED.root.resolve())
        if name is not None and (prepared or name not in self.templates):
            url = server.database_url(self.server_url, name)  # the folder's own database
        else:
            url = server.create_database(self.server_url, template=name)
            name = url.partition("?")[0].rsplit("/", 1)[1]
            folder.mkdir(parents=True, exist_ok=True)
            mark.write_text(name)
            if prepared:
                self.templates.add(name)
                return url
        self.owned[folder] = url
        return url

    def drop(self) -> None:
        from tests.postgresql import server

        for url in self.owned.values():
            server.drop_database(self.server_url, url)
        self.owned.clear()


class _Translated:
    """A psycopg connection taking SQLite's ``?`` marks (the tests' raw SQL, unchanged)."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Any = ()) -> Any:
        from antt_desktop.store.postgresql import driver_sql

        return self._conn.execute(driver_sql(sql), params)

    def commit(self) -> None:
        self._conn.commit()


def make_antt(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    server: ServerDatabases | None = None,
) -> Callable[..., Run]:
    """``antt(*args)`` in the test's data folder; on ``server`` against its databases."""
    data = tmp_path / "post"
    monkeypatch.setenv("ANTT_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("ANTT_NEW_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("ANTT_USER", CHIEF)  # the account every test post is set up with

    if server is not None:  # its prepared posts are databases: not the files' templates
        PREPARED.flavour = "postgresql"

    def run_in(folder: Path, *args: str) -> Run:
        where = ["--database", server.url(folder)] if server is not None else []
        try:
            code = main(
                [*where, "--data-dir", str(folder), "--today", "2026-11-22", *args], kdf=TEST_KDF
            )
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    def run(*args: str) -> Run:
        return run_in(data, *args)

    def open_db(user: str = CHIEF, **options: object) -> Database:
        """The post's database, opened by logging in (as the commands do)."""
        if server is None:
            return open_post(data / DB_FILENAME, user, **options)
        unlocked = login(
            server.url(data),
            user,
            TEST_PASSWORD,
            kdf=TEST_KDF,
            local_dir=data,
            **options,  # type: ignore[arg-type]
        )
        return unlocked.db

    @contextmanager
    def connect(folder: Path = data) -> Iterator[Any]:
        """A bare connection to the post's database (its SQL written for SQLite, ``?``
        marks); on a server each statement commits as it runs."""
        if server is None:
            with connect_unlocked(folder / DB_FILENAME) as conn:
                yield conn
            return
        import psycopg
        from psycopg.types.string import TextLoader

        with psycopg.connect(server.url(folder), autocommit=True) as conn:
            for kind in ("json", "jsonb"):  # JSON read as the text SQLite keeps
                conn.adapters.register_loader(kind, TextLoader)
            yield _Translated(conn)

    run.data_dir = data  # type: ignore[attr-defined]
    run.run_in = run_in  # type: ignore[attr-defined]
    run.open_db = open_db  # type: ignore[attr-defined]
    run.connect = connect  # type: ignore[attr-defined]
    run.on_server = server is not None  # type: ignore[attr-defined]
    return run


def prepare_post(antt: Callable[..., Run]) -> Callable[..., Run]:
    """``antt`` over a post made by ``antt init`` (:data:`INIT`), copied from a template."""

    def init(folder: Path) -> None:
        result = antt.run_in(folder, *INIT)  # type: ignore[attr-defined]
        assert result.code == 0, result.err

    PREPARED.copy(("antt init", *INIT), antt.data_dir, init)  # type: ignore[attr-defined]
    return antt


@pytest.fixture
def antt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Run]:
    return make_antt(tmp_path, capsys, monkeypatch)


@pytest.fixture
def post(antt: Callable[..., Run]) -> Callable[..., Run]:
    """``antt`` over a post made by ``antt init`` (:data:`INIT`), its chief :data:`CHIEF`."""
    return prepare_post(antt)
