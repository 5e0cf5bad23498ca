"""Run ``antt`` in-process with a data folder of the test's own; capture what it prints.

Every run logs in the way a user does: ``antt init`` takes the chief's password from
``ANTT_NEW_PASSWORD``, later commands the account from ``ANTT_USER`` (the chief,
:data:`CHIEF`) and the password from ``ANTT_PASSWORD`` (set here, in one place), with cheap
Argon2 parameters.
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

CHIEF = "truongcong"


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

    def run(*args: str) -> Run:
        try:
            code = main(["--data-dir", str(data), "--today", "2026-11-22", *args], kdf=TEST_KDF)
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    def open_db(user: str = CHIEF, **options: object) -> Database:
        """The post's database, opened by logging in (as the commands do)."""
        return open_post(data / DB_FILENAME, user, **options)

    run.data_dir = data  # type: ignore[attr-defined]
    run.open_db = open_db  # type: ignore[attr-defined]
    return run


@pytest.fixture
def post(antt: Callable[..., Run]) -> Callable[..., Run]:
    result = antt(
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
    assert result.code == 0, result.err
    return antt
