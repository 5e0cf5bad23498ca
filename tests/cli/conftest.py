"""Run ``antt`` in-process with a data folder of the test's own; capture what it prints."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from antt_desktop.cli.app import main


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture
def antt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    data = tmp_path / "post"

    def run(*args: str) -> Run:
        try:
            code = main(["--data-dir", str(data), "--today", "2026-11-22", *args])
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    run.data_dir = data  # type: ignore[attr-defined]
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
        "truongcong",
    )
    assert result.code == 0, result.err
    return antt
