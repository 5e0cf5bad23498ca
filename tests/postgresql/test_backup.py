"""``antt backup`` / ``antt restore`` of a post on a PostgreSQL server: ``pg_dump``'s archive
encrypted with the post key into the same backup file as SQLite's, restored into an empty
(or new) database with the same checks (a chief's password, the unit), or refused by name
with nothing written."""

from __future__ import annotations

import json
import os
import struct
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from antt_desktop.security import hierarchy, server_backups
from antt_desktop.security.backups import MAGIC, backup_info
from antt_desktop.security.keyslots import KeyFile
from antt_desktop.store import audit, postgresql_backup
from antt_desktop.store.database import open_database
from tests.postgresql import server
from tests.postgresql.test_login import CHIEF, INIT, Run
from tests.postgresql.test_login import antt as antt
from tests.postgresql.test_login import url as url

NUMBER = "001190012345"
NAME = "Nguyễn Văn An"


@pytest.fixture
def new_url(postgresql_server: str) -> Iterator[str]:
    """The address of a database the server does not have yet (dropped afterwards)."""
    made = server.create_database(postgresql_server)
    server.drop_database(postgresql_server, made)
    yield made
    server.drop_database(postgresql_server, made)


def _exists(postgresql_server: str, url: str) -> bool:
    name = url.partition("?")[0].rsplit("/", 1)[1]
    with psycopg.connect(postgresql_server) as conn:
        return (
            conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            is not None
        )


@pytest.fixture
def backed_up(antt: Callable[..., Run], tmp_path: Path) -> Path:
    """A post with one person (ID number sealed) and its backup file."""
    assert antt(*INIT).code == 0
    added = antt("person", "add", "--name", NAME, "--id-number", NUMBER)
    assert added.code == 0, added.err
    made = antt("backup", "--out", str(tmp_path / "sao-luu.anttbak"))
    assert made.code == 0, made.err
    return tmp_path / "sao-luu.anttbak"


def _names(url: str) -> list[str]:
    db = open_database(url, write=False)
    try:
        with db.engine.connect() as conn:
            return sorted(conn.exec_driver_sql("SELECT full_name FROM persons").scalars())
    finally:
        db.close()


def test_a_backup_restores_into_a_new_database_with_the_records_and_the_audit_chain(
    antt: Callable[..., Run],
    url: str,
    new_url: str,
    backed_up: Path,
) -> None:
    info = backup_info(backed_up)
    assert info.engine == "postgresql" and info.unit_code == "05611" and info.sealed
    assert antt("person", "add", "--name", "Phạm Thị Bảy").code == 0  # after the backup
    restored = antt("restore", str(backed_up), "--into", new_url)
    assert restored.code == 0, restored.err
    assert "Đã phục hồi vào cơ sở dữ liệu" in restored.out
    assert _names(new_url) == [NAME]  # the backup's records, not what came after
    assert _names(url) == sorted([NAME, "Phạm Thị Bảy"])  # the post in use is left as it is
    db = open_database(new_url, write=False)
    try:
        with db.read() as session:
            assert audit.broken_entries(session) == []
            actions = (
                session.execute(text("SELECT action FROM audit_entries ORDER BY seq"))
                .scalars()
                .all()
            )
            replica = session.execute(text("SELECT replica_id FROM local_node")).scalar_one()
    finally:
        db.close()
    assert actions[-1] == "restore"
    old = open_database(url, write=False)
    try:
        with old.read() as session:
            assert (
                session.execute(text("SELECT replica_id FROM local_node")).scalar_one() != replica
            )
            last = session.execute(
                text("SELECT action, detail FROM audit_entries ORDER BY seq DESC LIMIT 1")
            ).one()
    finally:
        old.close()
    assert last[0] == "restore" and "left as it was" in last[1]


def test_the_restored_post_is_used_with_the_same_accounts(
    antt: Callable[..., Run],
    new_url: str,
    backed_up: Path,
    tmp_path: Path,
) -> None:
    assert antt("restore", str(backed_up), "--into", new_url).code == 0
    from antt_desktop.cli.app import main
    from tests.conftest import TEST_KDF

    code = main(
        [
            "--database",
            new_url,
            "--data-dir",
            str(tmp_path / "desk3"),
            "--json",
            "search",
            "nguyen",
        ],
        kdf=TEST_KDF,
    )
    assert code == 0


def _plain_dump(path: Path, password: str) -> bytes:
    """The archive inside a backup, opened with the chief's password as a restore does."""
    with path.open("rb") as fh:
        fh.read(len(MAGIC))
        (length,) = struct.unpack(">I", fh.read(4))
        doc = json.loads(fh.read(length))
        keys = KeyFile.from_json(json.dumps(doc["keys"]).encode())
        opened = hierarchy.open_account(keys, CHIEF, password)
        assert opened is not None
        key = server_backups._dump_key(
            opened.db_keys[max(opened.db_keys)], bytes.fromhex(doc["dump"]["salt"])
        )
        return b"".join(server_backups._opened_chunks(path, fh, doc["database_bytes"], key))


def test_the_dump_holds_the_id_number_sealed_and_the_file_nothing_in_the_clear(
    backed_up: Path,
) -> None:
    from tests.conftest import TEST_PASSWORD

    whole = backed_up.read_bytes()
    assert NAME.encode() not in whole and NUMBER.encode() not in whole  # all encrypted
    archive = _plain_dump(backed_up, TEST_PASSWORD)
    assert archive.startswith(b"PGDMP")  # pg_dump's custom format
    restorer = postgresql_backup.find_tool("pg_restore", 15)
    sql = subprocess.run(
        [str(restorer.path), "--file=-"], input=archive, capture_output=True, check=True
    ).stdout
    assert NAME.encode() in sql  # the records are there, as SQL
    assert NUMBER.encode() not in sql and NUMBER[-6:].encode() not in sql  # sealed


def test_a_database_that_holds_data_is_not_restored_into(
    antt: Callable[..., Run],
    url: str,
    backed_up: Path,
) -> None:
    refused = antt("restore", str(backed_up))
    assert refused.code == 4
    assert "đã có dữ liệu" in refused.err and "--into" in refused.err
    assert _names(url) == [NAME]


def test_a_backup_opens_only_with_a_chiefs_password_and_leaves_nothing(
    antt: Callable[..., Run],
    new_url: str,
    backed_up: Path,
    postgresql_server: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert antt("user", "add", "canbo1", "--role", "officer").code == 0
    refused = antt("restore", str(backed_up), "--into", new_url, "--backup-user", "canbo1")
    assert refused.code == 5  # canbo1 was not in the backup at all
    monkeypatch.setenv("ANTT_PASSWORD", "sai-mat-khau-roi")
    assert antt("restore", str(backed_up), "--into", new_url).code == 5
    assert not _exists(postgresql_server, new_url)


def test_a_changed_byte_is_refused_before_the_server_is_touched(
    antt: Callable[..., Run],
    new_url: str,
    backed_up: Path,
    postgresql_server: str,
) -> None:
    data = bytearray(backed_up.read_bytes())
    data[-100] ^= 0x01
    backed_up.write_bytes(bytes(data))
    refused = antt("restore", str(backed_up), "--into", new_url)
    assert refused.code == 3
    assert not _exists(postgresql_server, new_url)


def test_another_units_backup_is_refused_by_name(
    antt: Callable[..., Run],
    backed_up: Path,
    new_url: str,
    postgresql_server: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A backup of 05611 offered from the post of another unit (00070)."""
    from antt_desktop.cli.app import main
    from tests.conftest import TEST_KDF

    other = server.create_database(postgresql_server)
    try:
        args = ["--database", other, "--data-dir", str(tmp_path / "other")]
        made = main(
            [*args, "init", "--unit-code", "00070", "--unit-name", "Công an phường Hoàn Kiếm",
             "--admin", CHIEF, "--admin-name", "Lê Văn Trưởng"],
            kdf=TEST_KDF,
        )  # fmt: skip
        assert made == 0
        capsys.readouterr()
        code = main([*args, "restore", str(backed_up), "--into", new_url], kdf=TEST_KDF)
        assert code == 4
        assert "Công an xã Phú Lương" in capsys.readouterr().err
        assert not _exists(postgresql_server, new_url)
    finally:
        server.drop_database(postgresql_server, other)


def test_without_pg_dump_the_backup_says_what_to_install(
    antt: Callable[..., Run],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert antt(*INIT).code == 0
    monkeypatch.setattr(postgresql_backup, "DEBIAN_BINS", str(tmp_path / "none" / "*"))
    monkeypatch.setenv("PATH", str(tmp_path / "none"))
    refused = antt("backup", "--out", str(tmp_path / "b.anttbak"))
    assert refused.code == 1
    assert "không tìm thấy pg_dump" in refused.err and "postgresql-client-" in refused.err
    assert not list(tmp_path.glob("b.anttbak*"))


def test_a_pg_dump_older_than_the_server_is_refused(
    antt: Callable[..., Run],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert antt(*INIT).code == 0
    old = tmp_path / "old-bin"
    old.mkdir()
    fake = old / "pg_dump"
    fake.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    fake.chmod(0o755)
    monkeypatch.setattr(postgresql_backup, "DEBIAN_BINS", str(tmp_path / "none" / "*"))
    monkeypatch.setenv("PATH", f"{old}{os.pathsep}/nonexistent")
    refused = antt("backup", "--out", str(tmp_path / "b.anttbak"))
    assert refused.code == 1
    assert "phiên bản 9.6.24, cũ hơn" in refused.err
    assert not list(tmp_path.glob("b.anttbak*"))


def test_a_servers_backup_is_not_restored_to_a_database_file(
    antt: Callable[..., Run],
    backed_up: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from antt_desktop.cli.app import main
    from tests.conftest import TEST_KDF

    desk = ["--data-dir", str(tmp_path / "file-post")]
    code = main([*desk, "restore", str(backed_up)], kdf=TEST_KDF)
    assert code == 3
    assert "trên máy chủ PostgreSQL" in capsys.readouterr().err
