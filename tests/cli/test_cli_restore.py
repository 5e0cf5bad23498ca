"""Restore only what is yours: a backup names its unit and node, restoring needs a chief of
this post, another unit's backup is refused unless the chief confirms replacing the unit,
a changed backup is refused (exit 3), and the restore is written in the log that is kept."""

from __future__ import annotations

import hashlib
import hmac
import json
import struct
from pathlib import Path
from typing import Any

import pytest

from antt_desktop.security import backups
from antt_desktop.security.hierarchy import open_account
from antt_desktop.security.keyslots import key_file_path
from antt_desktop.store import backup as raw_backup
from antt_desktop.store.database import DB_FILENAME
from tests.cli.conftest import CHIEF
from tests.conftest import TEST_PASSWORD, connect_unlocked

OTHER = ("--unit-code", "99001", "--unit-name", "Công an xã Lạ")


def _split(path: Path) -> tuple[dict[str, Any], bytearray]:
    data = path.read_bytes()
    start = len(backups.MAGIC)
    (length,) = struct.unpack(">I", data[start : start + 4])
    header = json.loads(data[start + 4 : start + 4 + length])
    return header, bytearray(data[start + 4 + length :])


def _join(path: Path, header: dict[str, Any], copy: bytes) -> None:
    raw = json.dumps(header, ensure_ascii=False).encode()
    path.write_bytes(backups.MAGIC + struct.pack(">I", len(raw)) + raw + bytes(copy))


def _tamper(src: Path, dst: Path, at: int) -> None:
    """Change 16 bytes of the database copy and write the checksum the header then needs."""
    header, copy = _split(src)
    for i in range(at, at + 16):
        copy[i] ^= 0x5A
    header["database_sha256"] = hashlib.sha256(copy).hexdigest()
    _join(dst, header, copy)


def _people(data_dir: Path) -> int:
    with connect_unlocked(data_dir / DB_FILENAME) as conn:
        return int(conn.execute("SELECT count(*) FROM persons").fetchone()[0])


def _unit_and_node(path: Path) -> tuple[str, str, str]:
    with connect_unlocked(path) as conn:
        row = conn.execute(
            "SELECT u.code, u.name, n.node_id FROM local_node n JOIN units u ON u.id = n.unit_id"
        ).fetchone()
    return str(row[0]), str(row[1]), str(row[2])


def _last_audit(path: Path) -> tuple[str, str, str]:
    with connect_unlocked(path) as conn:
        row = conn.execute(
            "SELECT actor, action, detail FROM audit_entries ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    return str(row[0]), str(row[1]), str(row[2])


@pytest.fixture
def outsider(post, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A backup of another post, set up by someone with ``antt init`` on their own PC."""
    folder = tmp_path / "outsider"
    assert post.run_in(folder, "init", *OTHER, "--admin", CHIEF).code == 0
    assert post.run_in(folder, "person", "add", "--name", "Người Lạ").code == 0
    out = tmp_path / "la.anttbak"
    assert post.run_in(folder, "backup", "--out", str(out)).code == 0
    return out


def test_a_backup_names_its_unit_and_node(post, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "ban-sao.anttbak"
    assert post("backup", "--out", str(out)).code == 0
    info = backups.backup_info(out)
    code, name, node = _unit_and_node(post.data_dir / DB_FILENAME)
    assert (info.unit_code, info.unit_name, info.node_id) == (code, name, node)
    assert (code, name) == ("05611", "Công an xã Phú Lương")
    assert info.sealed


def test_restore_asks_for_a_login_to_this_post_before_reading_the_backup(  # type: ignore[no-untyped-def]
    post, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    post("person", "add", "--name", "Lê Văn Tám")
    monkeypatch.setenv("ANTT_PASSWORD", "sai-mat-khau")
    r = post("restore", str(tmp_path / "khong-co.anttbak"))  # not even there: never read
    assert r.code == 5
    assert "sai tên tài khoản hoặc mật khẩu của 'truongcong'" in r.err
    assert _people(post.data_dir) == 1


def test_an_officer_may_not_restore(post, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "ban-sao.anttbak"
    assert post("backup", "--out", str(out)).code == 0
    assert post("user", "add", "canbo1", "--role", "officer").code == 0
    post("person", "add", "--name", "Lê Văn Tám")
    monkeypatch.setenv("ANTT_USER", "canbo1")
    r = post("restore", str(out))
    assert r.code == 5
    assert "canbo1" in r.err and "data.restore" in r.err
    assert _people(post.data_dir) == 1


def test_a_backup_of_another_unit_is_refused_naming_both(post, outsider: Path) -> None:  # type: ignore[no-untyped-def]
    post("person", "add", "--name", "Lê Văn Tám")
    r = post("restore", str(outsider))
    assert r.code == 4
    assert "là bản sao lưu của Công an xã Lạ (99001)" in r.err
    assert "không phải của đơn vị này, Công an xã Phú Lương (05611)" in r.err
    assert _unit_and_node(post.data_dir / DB_FILENAME)[0] == "05611"
    assert _people(post.data_dir) == 1
    assert not [p for p in post.data_dir.iterdir() if "restore" in p.name]
    actor, action, detail = _last_audit(post.data_dir / DB_FILENAME)  # in this post's log
    assert (actor, action, detail) == (CHIEF, "restore_refused", f"{outsider}: backup.other_unit")


def test_a_header_naming_this_unit_over_another_units_copy_is_refused(post, outsider: Path) -> None:  # type: ignore[no-untyped-def]
    """The outsider knows their own key: they re-seal a header that claims this unit."""
    header, copy = _split(outsider)
    header["unit_code"] = header["unit"]["code"] = "05611"
    keys = backups.KeyFile.from_json(json.dumps(header["keys"]).encode())
    opened = open_account(keys, CHIEF, TEST_PASSWORD)  # the backup's database key
    assert opened is not None
    db_key = opened.db_keys[max(opened.db_keys)]
    seal = hmac.new(backups._seal_key(db_key), backups._canonical(header), hashlib.sha256)
    seal.update(bytes(copy))
    header["seal"] = seal.hexdigest()
    _join(outsider, header, copy)
    r = post("restore", str(outsider))
    assert r.code == 3
    assert "đã bị thay đổi sau khi sao lưu" in r.err
    assert _unit_and_node(post.data_dir / DB_FILENAME)[0] == "05611"


def test_the_chief_replaces_the_unit_when_confirming(post, outsider: Path) -> None:  # type: ignore[no-untyped-def]
    post("person", "add", "--name", "Lê Văn Tám")
    before = _unit_and_node(post.data_dir / DB_FILENAME)
    r = post("restore", str(outsider), "--replace-unit")
    assert r.code == 0, r.err
    assert "Đã phục hồi dữ liệu của Công an xã Lạ (99001)" in r.out
    assert "thay cho dữ liệu của Công an xã Phú Lương (05611)" in r.out
    assert _unit_and_node(post.data_dir / DB_FILENAME)[0] == "99001"
    actor, action, detail = _last_audit(post.data_dir / DB_FILENAME)
    assert (actor, action) == (CHIEF, "restore")
    assert f"restored from backup {outsider} of 99001 Công an xã Lạ" in detail
    assert f"replacing 05611 Công an xã Phú Lương (node {before[2]}) as it was at" in detail
    kept = Path(r.out.split("được giữ lại tại ")[1].strip())
    assert _unit_and_node(kept) == before  # the safety copy is this post, as it was


def test_restore_is_written_in_the_log_that_is_kept(post, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    post("person", "add", "--name", "Lê Văn Tám")
    out = tmp_path / "ban-sao.anttbak"
    assert post("backup", "--out", str(out)).code == 0
    post("person", "add", "--name", "Phạm Thị Bảy")
    r = post("--json", "restore", str(out))
    assert r.code == 0, r.err
    assert _people(post.data_dir) == 1
    assert r.json["unit"]["code"] == r.json["replaced_unit"]["code"] == "05611"
    actor, action, detail = _last_audit(post.data_dir / DB_FILENAME)
    assert (actor, action) == (CHIEF, "restore")
    assert f"made at {backups.backup_info(out).created}" in detail
    assert f"kept as {r.json['previous']}" in detail
    kept = Path(r.json["previous"])
    with connect_unlocked(kept) as conn:  # the safety copy, both people
        assert conn.execute("SELECT count(*) FROM persons").fetchone()[0] == 2
    actor, action, detail = _last_audit(kept)  # and what replaced it
    assert (actor, action) == (CHIEF, "restore")
    assert detail.startswith(f"replaced by backup {out} of 05611 Công an xã Phú Lương")
    assert detail.endswith(f"this database is kept as {kept}")
    assert post("check").code == 0  # the appended entry keeps the chain whole
    again = post("--json", "restore", str(out))  # at once again: a safety copy of its own
    assert again.code == 0, again.err
    assert again.json["previous"] != r.json["previous"]
    assert kept.exists() and Path(again.json["previous"]).exists()


@pytest.mark.parametrize("at", [40, 5000, -3000], ids=["first page", "a page", "last page"])
def test_a_changed_backup_with_its_checksum_recomputed_is_refused(
    post, tmp_path: Path, at: int
) -> None:  # type: ignore[no-untyped-def]
    post("person", "add", "--name", "Lê Văn Tám")
    out = tmp_path / "ban-sao.anttbak"
    assert post("backup", "--out", str(out)).code == 0
    bad = tmp_path / "bi-sua.anttbak"
    _tamper(out, bad, at if at > 0 else backups.backup_info(out).size + at)
    post("person", "add", "--name", "Phạm Thị Bảy")
    r = post("restore", str(bad))
    assert r.code == 3
    assert f"tệp {bad} đã bị thay đổi sau khi sao lưu" in r.err
    assert _people(post.data_dir) == 2
    assert not [p for p in post.data_dir.iterdir() if "restore" in p.name]


def _old_format(src: Path, dst: Path) -> None:
    """The backup as format 1 wrote it: no unit name, no node, no seal."""
    header, copy = _split(src)
    for name in ("unit", "node", "seal"):
        del header[name]
    header["version"] = 1
    _join(dst, header, copy)


def test_an_old_backup_still_restores(post, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    post("person", "add", "--name", "Lê Văn Tám")
    out, old = tmp_path / "ban-sao.anttbak", tmp_path / "cu.anttbak"
    assert post("backup", "--out", str(out)).code == 0
    _old_format(out, old)
    post("person", "add", "--name", "Phạm Thị Bảy")
    r = post("restore", str(old))
    assert r.code == 0, r.err
    assert _people(post.data_dir) == 1


def test_an_old_backup_of_a_free_page_changed_is_refused(post, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Before the seal, a change in a page no table used restored with exit 0; SQLCipher's
    page HMACs (cipher_integrity_check) now refuse it."""
    with connect_unlocked(post.data_dir / DB_FILENAME) as conn:
        conn.execute("CREATE TABLE bo_di AS SELECT randomblob(3000) AS b FROM persons")
        conn.execute("INSERT INTO bo_di SELECT randomblob(3000) FROM audit_entries")
        conn.commit()
        conn.execute("DROP TABLE bo_di")
        conn.commit()
        free = int(conn.execute("PRAGMA freelist_count").fetchone()[0])
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    out, old = tmp_path / "ban-sao.anttbak", tmp_path / "cu.anttbak"
    assert post("backup", "--out", str(out)).code == 0
    assert free > 0
    _old_format(out, old)
    _tamper(old, old, (pages - 1) * page_size + 100)  # the last page: a free one
    r = post("restore", str(old))
    assert r.code == 3
    assert f"tệp {old} đã bị thay đổi sau khi sao lưu" in r.err


def test_sqlcipher_out_of_memory_is_a_refusal_not_a_crash(  # type: ignore[no-untyped-def]
    post, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLCipher reports some pages it cannot decrypt as out of memory (MemoryError)."""
    out, old = tmp_path / "ban-sao.anttbak", tmp_path / "cu.anttbak"
    assert post("backup", "--out", str(out)).code == 0
    _old_format(out, old)

    real = raw_backup.connect_raw

    def out_of_memory(path: Path, *args: Any, **kw: Any) -> Any:
        if Path(path).name.startswith(".restore-"):  # the unpacked copy of the backup
            raise MemoryError
        return real(path, *args, **kw)

    monkeypatch.setattr(raw_backup, "connect_raw", out_of_memory)
    r = post("restore", str(old))
    assert r.code == 3
    assert "đã bị thay đổi sau khi sao lưu" in r.err
    assert "không mong đợi" not in r.err


def test_another_chief_of_the_backup_opens_it(
    post, outsider: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ANTT_BACKUP_PASSWORD", "sai")
    r = post("restore", str(outsider), "--replace-unit", "--backup-user", CHIEF)
    assert r.code == 5
    assert f"mật khẩu của {CHIEF} không mở được bản sao lưu {outsider}" in r.err
    monkeypatch.setenv("ANTT_BACKUP_PASSWORD", TEST_PASSWORD)
    assert post("restore", str(outsider), "--replace-unit", "--backup-user", CHIEF).code == 0


def test_a_header_changed_without_the_key_is_refused(post, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The seal covers the header too: a later date written in by hand is a changed file."""
    out = tmp_path / "ban-sao.anttbak"
    assert post("backup", "--out", str(out)).code == 0
    header, copy = _split(out)
    header["created"] = "2030-01-01T00:00:00+00:00"
    _join(out, header, copy)
    r = post("restore", str(out))
    assert r.code == 3
    assert f"tệp {out} đã bị thay đổi sau khi sao lưu" in r.err


def test_a_post_whose_key_file_is_lost_is_replaced_only_when_confirmed(
    post, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """No one can log in to a post without its key file, and the backup is the way out:
    the chief says so with --replace-unit; the unopenable database is kept aside."""
    post("person", "add", "--name", "Lê Văn Tám")
    out = tmp_path / "ban-sao.anttbak"
    assert post("backup", "--out", str(out)).code == 0
    key_file_path(post.data_dir / DB_FILENAME).unlink(missing_ok=True)
    r = post("restore", str(out))
    assert r.code == 5
    assert "không mở được cơ sở dữ liệu của đơn vị" in r.err
    assert "hãy thêm --replace-unit" in r.err
    r = post("--json", "restore", str(out), "--replace-unit")
    assert r.code == 0, r.err
    assert r.json["replaced_unit"] is None
    assert _people(post.data_dir) == 1
    assert Path(r.json["previous"]).exists()
