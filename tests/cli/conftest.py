"""Run ``antt`` in-process with a data folder of the test's own; capture what it prints.

Every run logs in the way a user does: ``antt init`` takes the chief's password from
``ANTT_NEW_PASSWORD``, later commands the account from ``ANTT_USER`` (the chief,
:data:`CHIEF`) and the password from ``ANTT_PASSWORD`` (set here, in one place), with cheap
Argon2 parameters. The ``post`` fixture's ``antt init`` runs once per session and its data
folder is copied for each test (:mod:`tests.helpers.prepared`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from antt_desktop.cli.app import main
from antt_desktop.store.database import DB_FILENAME, Database
from tests.conftest import TEST_KDF, TEST_PASSWORD, open_post
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


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def antt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Run]:
    data = tmp_path / "post"
    monkeypatch.setenv("ANTT_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("ANTT_NEW_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("ANTT_USER", CHIEF)  # the account every test post is set up with

    def run_in(folder: Path, *args: str) -> Run:
        try:
            code = main(["--data-dir", str(folder), "--today", "2026-11-22", *args], kdf=TEST_KDF)
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    def run(*args: str) -> Run:
        return run_in(data, *args)

    def open_db(user: str = CHIEF, **options: object) -> Database:
        """The post's database, opened by logging in (as the commands do)."""
        return open_post(data / DB_FILENAME, user, **options)

    run.data_dir = data  # type: ignore[attr-defined]
    run.run_in = run_in  # type: ignore[attr-defined]
    run.open_db = open_db  # type: ignore[attr-defined]
    return run


@pytest.fixture
def post(antt: Callable[..., Run]) -> Callable[..., Run]:
    """``antt`` over a post made by ``antt init`` (:data:`INIT`), its chief :data:`CHIEF`."""

    def init(folder: Path) -> None:
        result = antt.run_in(folder, *INIT)  # type: ignore[attr-defined]
        assert result.code == 0, result.err

    PREPARED.copy(("antt init", *INIT), antt.data_dir, init)  # type: ignore[attr-defined]
    return antt
