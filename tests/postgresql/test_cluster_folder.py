"""The test server's helper removes only a folder it made: an empty or mistyped argument
(``server.py stop ""`` from a shell whose variable was never set) removes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.postgresql import server


def test_stop_removes_no_folder_start_did_not_make(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    kept = tmp_path / "checkout"
    kept.mkdir()
    (kept / "README.md").write_text("the officer's work", encoding="utf-8")
    monkeypatch.chdir(kept)
    for named in ("", ".", str(kept)):
        with pytest.raises(ValueError, match="not a folder made by start"):
            server.stop(Path(named))
    assert (kept / "README.md").read_text(encoding="utf-8") == "the officer's work"


def test_start_takes_no_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    for named in (tmp_path, Path("relative")):
        with pytest.raises(ValueError, match="not an empty folder"):
            server.start(named)
    assert (tmp_path / "notes.txt").exists() and not (tmp_path / server.MARKER).exists()
