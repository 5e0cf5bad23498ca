"""The program's dependencies install where the posts are: Windows x64 (and Linux), with the
database engine the program needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from antt_desktop.store.database import connect_raw

ROOT = Path(__file__).resolve().parents[2]


def test_the_database_engine_is_sqlcipher_4_with_full_text_search(tmp_path: Path) -> None:
    path = tmp_path / "post.sqlite3"
    conn = connect_raw(path, os.urandom(32))
    version = conn.execute("PRAGMA cipher_version").fetchone()[0]
    conn.execute("CREATE VIRTUAL TABLE names USING fts5(name)")
    conn.execute("INSERT INTO names VALUES ('nguyen van duc'), ('tran thi mai')")
    found = conn.execute("SELECT name FROM names WHERE names MATCH 'duc'").fetchall()
    conn.commit()
    conn.close()

    assert version.startswith("4."), f"SQLCipher {version}: the key format is SQLCipher 4's"
    assert found == [("nguyen van duc",)]
    assert b"nguyen" not in path.read_bytes()  # encrypted at rest, full-text index included


@pytest.mark.slow
def test_every_runtime_dependency_installs_from_wheels_on_windows_and_linux() -> None:
    """Asks the package registry, as pip would on a post's Windows PC (a Linux-only wheel,
    like the former sqlcipher3-binary, fails here)."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "check_wheels.py"), "--json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    results = json.loads(done.stdout)
    failed = {r["target"]: r["detail"] for r in results if r["required"] and not r["ok"]}

    assert failed == {}
    assert done.returncode == 0
    windows = next(r for r in results if r["target"].startswith("Windows"))
    assert "sqlcipher3==0.6" in windows["detail"]
