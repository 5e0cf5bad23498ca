"""The demo load goes straight into the file (a rollback journal while it runs, not the
write-ahead log) when the generator holds the file alone, and through the log beside
another connection; either way the file is whole and in WAL mode after a success, a
cancel, an error or a crash."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from antt_desktop.demo.common import DemoCancelled
from antt_desktop.demo.generate import generate
from antt_desktop.domain.enums import UnitKind
from antt_desktop.services.units import initialise
from antt_desktop.store.database import Database, connect_raw, open_database
from tests.conftest import FakeWall
from tests.demo.test_demo import FIELDS_KEY, SMALL, TODAY


def _file(db: Database) -> dict[str, Any]:
    """What a fresh connection finds in the file: its journal mode, its check, the people
    per unit, the schema's indexes and triggers; and the journals left beside it."""
    conn = connect_raw(db.path, db.key)
    try:
        return {
            "journal_mode": conn.execute("PRAGMA journal_mode").fetchone()[0],
            "integrity": conn.execute("PRAGMA integrity_check").fetchall(),
            "foreign_keys": conn.execute("PRAGMA foreign_key_check").fetchall(),
            "units_with_people": conn.execute(
                "SELECT count(DISTINCT unit_id) FROM persons"
            ).fetchone()[0],
            "schema": set(
                conn.execute(
                    "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
                )
            ),
            "rollback_journal": Path(f"{db.path}-journal").exists(),
            "log_bytes": _log_bytes(db),
        }
    finally:
        conn.close()


def _log_bytes(db: Database) -> int:
    log = Path(f"{db.path}-wal")
    return log.stat().st_size if log.exists() else 0


def _upper(path: Path) -> Database:
    db = open_database(path, create=True, wall=FakeWall(), fields_key=FIELDS_KEY)
    with db.write() as session:
        initialise(
            session,
            unit_code="CAT-TN",
            unit_name="Công an tỉnh Thái Nguyên",
            admin="admin",
            kind=UnitKind.UPPER_UNIT,
        )
    return db


def test_an_encrypted_post_is_filled_without_the_log_and_left_in_wal(db: Database) -> None:
    schema = _file(db)["schema"]
    during: list[int] = []

    def progress(stage: str, _done: int, _total: int) -> bool:
        if stage == "initiatives":  # people, pledges and dossiers are in by now
            during.append(_log_bytes(db))
        return True

    generate(db, scale="commune", seed=7, today=TODAY, factor=SMALL, progress=progress)
    after = _file(db)
    assert during == [0]  # nothing of the load went through the write-ahead log
    assert after["journal_mode"] == "wal"
    assert after["integrity"] == [("ok",)]
    assert after["foreign_keys"] == []
    assert after["units_with_people"] == 1
    assert after["schema"] == schema  # every index and trigger back, as the schema has them
    assert not after["rollback_journal"]


def test_beside_another_connection_the_load_goes_through_the_log(db: Database) -> None:
    reader = connect_raw(db.path, db.key)  # the file held open by someone else
    try:
        assert reader.execute("SELECT count(*) FROM persons").fetchone() == (0,)
        grew: list[int] = []

        def progress(stage: str, _done: int, _total: int) -> bool:
            if stage == "initiatives":
                grew.append(_log_bytes(db))
            return True

        generate(db, scale="commune", seed=7, today=TODAY, factor=SMALL, progress=progress)
        assert grew[0] > 0  # the old way: the load in the log
        assert reader.execute("SELECT count(*) FROM persons").fetchone() == (300,)
        assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    finally:
        reader.close()
    after = _file(db)
    assert after["integrity"] == [("ok",)]
    assert after["log_bytes"] == 0  # folded into the file and emptied, as before


def test_a_cancel_keeps_the_communes_done_and_the_file_in_wal(tmp_path: Path) -> None:
    db = _upper(tmp_path / "upper.sqlite3")
    schema = _file(db)["schema"]
    seen: list[str] = []

    def progress(stage: str, _done: int, _total: int) -> bool:
        seen.append(stage)
        return seen.count("dossiers") < 2  # stop in the second commune

    with pytest.raises(DemoCancelled):
        generate(db, scale="district", seed=2, today=TODAY, factor=0.002, progress=progress)
    after = _file(db)
    db.close()
    assert after["units_with_people"] == 1
    assert after["journal_mode"] == "wal"
    assert after["integrity"] == [("ok",)]
    assert after["schema"] == schema
    assert not after["rollback_journal"]


def test_an_error_takes_back_the_whole_load_and_leaves_the_file_in_wal(tmp_path: Path) -> None:
    db = _upper(tmp_path / "upper.sqlite3")
    schema = _file(db)["schema"]
    seen: list[str] = []

    def progress(stage: str, _done: int, _total: int) -> bool:
        seen.append(stage)
        if seen.count("pledges") == 2:
            raise OSError("disk full")
        return True

    with pytest.raises(OSError, match="disk full"):
        generate(db, scale="district", seed=2, today=TODAY, factor=0.002, progress=progress)
    after = _file(db)
    db.close()
    assert after["units_with_people"] == 0
    assert after["journal_mode"] == "wal"
    assert after["integrity"] == [("ok",)]
    assert after["schema"] == schema
    assert not after["rollback_journal"]


CRASH = """
import os, sys
from datetime import date
from pathlib import Path
from antt_desktop.demo import common
from antt_desktop.demo.generate import generate
from antt_desktop.store.database import open_database

common.LOAD_CACHE_KIB = 64  # a small page cache: the load spills into the file early
db = open_database(Path(sys.argv[1]), fields_key=bytes(range(32)))
seen = []

def progress(stage, _done, _total):
    seen.append(stage)
    if seen.count("people") == 3:  # in the third commune, two already in the file
        os._exit(9)  # the power cut: no rollback, no clean-up
    return True

generate(db, scale="district", seed=2, today=date(2026, 12, 3), factor=0.002, progress=progress)
"""


def test_a_crash_in_the_load_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    db = _upper(tmp_path / "upper.sqlite3")
    schema = _file(db)["schema"]
    db.close()
    crashed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CRASH), str(tmp_path / "upper.sqlite3")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert crashed.returncode == 9, crashed.stderr
    assert Path(f"{db.path}-journal").exists()  # the load was in the file, half made
    db = open_database(tmp_path / "upper.sqlite3", wall=FakeWall(), fields_key=FIELDS_KEY)
    after = _file(db)
    db.close()
    assert after["units_with_people"] == 0
    assert after["journal_mode"] == "wal"
    assert after["integrity"] == [("ok",)]
    assert after["schema"] == schema
    assert not after["rollback_journal"]
