"""One key no longer opens everything: each account holds its own key pair; the database and
fields keys are wrapped to the accounts entitled to them; disabling an account, lowering its
role or changing a password rotates them, so an old key-file copy with an old password opens
nothing current (docs/KEYS.md)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.security import backups
from antt_desktop.security.errors import WrongCredentials
from antt_desktop.security.keyring import KeyRing
from antt_desktop.security.keyslots import (
    AccountSlot,
    KeyFile,
    KeySlot,
    read_key_file,
    write_key_file,
)
from antt_desktop.security.login import Unlocked, login
from antt_desktop.services import accounts
from antt_desktop.services.context import Ctx
from antt_desktop.store import audit
from antt_desktop.store.database import Database
from antt_desktop.store.models import AuditEntry
from tests.conftest import TEST_KDF, TEST_PASSWORD, make_post

CHIEF, OFFICER, VIEWER = "truongcong", "canbo1", "xem1"
PASSWORD = "mat-khau-cua-can-bo-2026"
NEW = "mat-khau-moi-tuoi-xanh-2026"


@pytest.fixture
def post(tmp_path: Path) -> Iterator[Unlocked]:
    """A post with a chief, an officer and a viewer, logged in as the chief."""
    path = tmp_path / "post.sqlite3"
    make_post(path, chief=CHIEF)
    post = login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF)
    with post.db.write() as s:
        ctx = Ctx(s, post.actor, date.today())
        accounts.add_account(ctx, post.keys, username=OFFICER, role="officer", password=PASSWORD)
        accounts.add_account(ctx, post.keys, username=VIEWER, role="viewer", password=PASSWORD)
    yield post
    post.close()


def _as(post: Unlocked, call):  # type: ignore[no-untyped-def]
    with post.db.write() as s:
        return call(Ctx(s, post.actor, date.today()))


def _peek(path: Path, user: str, password: str) -> Unlocked:
    """A second login beside the chief's window (read only, as the command line does)."""
    return login(path, user, password, kdf=TEST_KDF, write=False)


def _keys_of(path: Path, user: str, password: str) -> tuple[bytes, bytes | None]:
    with _peek(path, user, password) as other:
        return other.keys.db_key, other.keys.fields_key


def _refused(path: Path, user: str, password: str) -> None:
    with pytest.raises(WrongCredentials):
        login(path, user, password, kdf=TEST_KDF, write=False)


def _old_copy_opens_nothing(post: Unlocked, old_copy: Path, user: str, password: str) -> None:
    """The old key file put back: its slots' keys open nothing current (exit 5's path)."""
    key_path = post.keys.path
    current = key_path.read_bytes()
    shutil.copy(old_copy, key_path)
    try:
        _refused(post.db.path, user, password)
    finally:
        key_path.write_bytes(current)


def _actions(post: Unlocked) -> list[str]:
    """What the audit log recorded, the logins aside."""
    with post.db.read() as s:
        found = s.execute(select(AuditEntry.action).order_by(AuditEntry.seq)).scalars()
        return [a for a in found if not a.startswith("login")]


def test_only_accounts_that_read_sensitive_data_get_the_fields_key(post: Unlocked) -> None:
    path = post.db.path
    chief_db, chief_fields = post.keys.db_key, post.keys.fields_key
    assert chief_fields is not None and chief_fields != chief_db
    assert _keys_of(path, OFFICER, PASSWORD) == (chief_db, chief_fields)
    assert _keys_of(path, VIEWER, PASSWORD) == (chief_db, None)
    keys = read_key_file(post.keys.path)
    assert all(isinstance(slot, AccountSlot) for slot in keys.slots.values())
    assert {w.kind: sorted(w.to) for w in keys.wrapped} == {
        "db": [OFFICER, CHIEF, VIEWER],
        "fields": [OFFICER, CHIEF],
    }


def test_a_password_change_rotates_what_the_account_could_open(
    post: Unlocked, tmp_path: Path
) -> None:
    path = post.db.path
    old_copy = tmp_path / "old.keys"
    shutil.copy(post.keys.path, old_copy)
    old_db, old_fields = post.keys.db_key, post.keys.fields_key

    _as(post, lambda c: accounts.set_password(c, post.keys, username=OFFICER, password=NEW))

    assert post.keys.db_key != old_db and post.keys.fields_key != old_fields
    assert (post.keys.db_key_id, post.keys.fields_key_id) == (2, 2)
    _refused(path, OFFICER, PASSWORD)
    _old_copy_opens_nothing(post, old_copy, OFFICER, PASSWORD)
    _old_copy_opens_nothing(post, old_copy, VIEWER, PASSWORD)  # the viewer's old copy too
    # everyone else still opens the post with the password they had, and gets the new keys
    assert _keys_of(path, OFFICER, NEW) == (post.keys.db_key, post.keys.fields_key)
    assert _keys_of(path, VIEWER, PASSWORD) == (post.keys.db_key, None)
    # only the new generations are left, and the audit log says so and stays whole
    keys = read_key_file(post.keys.path)
    assert sorted((w.kind, w.id) for w in keys.wrapped) == [("db", 2), ("fields", 2)]
    assert _actions(post)[-2:] == ["password_change", "key_rotation"]
    with post.db.read() as s:
        assert audit.verify_chain(s) == []


def test_a_viewer_password_change_keeps_the_fields_key(post: Unlocked) -> None:
    before = post.keys.fields_key
    with _peek(post.db.path, VIEWER, PASSWORD):
        pass
    _as(post, lambda c: accounts.set_password(c, post.keys, username=VIEWER, password=NEW))
    assert post.keys.fields_key == before and post.keys.db_key_id == 2
    assert _keys_of(post.db.path, VIEWER, NEW)[1] is None


def test_disabling_an_account_retires_its_keys(post: Unlocked, tmp_path: Path) -> None:
    old_copy = tmp_path / "old.keys"
    shutil.copy(post.keys.path, old_copy)
    _as(post, lambda c: accounts.disable_account(c, post.keys, username=OFFICER))
    _old_copy_opens_nothing(post, old_copy, OFFICER, PASSWORD)
    assert OFFICER not in read_key_file(post.keys.path).slots
    assert _keys_of(post.db.path, CHIEF, TEST_PASSWORD)[1] == post.keys.fields_key


def test_a_lowered_role_loses_the_fields_key(post: Unlocked, tmp_path: Path) -> None:
    old_copy = tmp_path / "old.keys"
    shutil.copy(post.keys.path, old_copy)
    old_fields = post.keys.fields_key
    _as(post, lambda c: accounts.change_role(c, post.keys, username=OFFICER, role="viewer"))
    assert post.keys.fields_key != old_fields
    _old_copy_opens_nothing(post, old_copy, OFFICER, PASSWORD)
    assert _keys_of(post.db.path, OFFICER, PASSWORD) == (post.keys.db_key, None)
    # raised again, it is given the current fields key at once
    _as(post, lambda c: accounts.change_role(c, post.keys, username=OFFICER, role="officer"))
    assert _keys_of(post.db.path, OFFICER, PASSWORD)[1] == post.keys.fields_key


def test_the_reseal_hook_runs_in_the_transaction_with_both_keys(
    post: Unlocked, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[bytes, bytes, bool]] = []

    def reseal(session: Session, old: bytes, new: bytes) -> int:
        seen.append((old, new, session.in_transaction()))
        return 7

    monkeypatch.setattr(accounts, "ON_FIELDS_KEY_CHANGE", reseal)
    old = post.keys.fields_key
    _as(post, lambda c: accounts.set_password(c, post.keys, username=CHIEF, password=NEW))
    assert seen == [(old, post.keys.fields_key, True)]
    with post.db.read() as s:
        detail = s.execute(
            select(AuditEntry.detail).where(AuditEntry.action == "key_rotation")
        ).scalar_one()
    assert "(7 resealed)" in detail


def test_a_failed_reseal_changes_nothing(post: Unlocked, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_s: Session, _old: bytes, _new: bytes) -> int:
        raise OSError("disk gone")

    monkeypatch.setattr(accounts, "ON_FIELDS_KEY_CHANGE", broken)
    before = (post.keys.db_key, post.keys.fields_key)
    with pytest.raises(OSError):
        _as(post, lambda c: accounts.disable_account(c, post.keys, username=OFFICER))
    assert (post.keys.db_key, post.keys.fields_key) == before
    assert _keys_of(post.db.path, CHIEF, TEST_PASSWORD) == before
    assert _keys_of(post.db.path, VIEWER, PASSWORD) == (before[0], None)


def test_a_crash_before_the_rekey_leaves_a_post_every_slot_opens(
    post: Unlocked, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The sensitive columns are resealed and committed, then the rekey fails: both database
    keys are in the file, the newer does not open, the older does; the next change ends the
    rotation's left-overs."""

    def crash(self: Database, _key: bytes) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(Database, "rekey", crash)
    old_db = post.keys.db_key
    with pytest.raises(OSError):
        _as(post, lambda c: accounts.set_password(c, post.keys, username=OFFICER, password=NEW))
    assert sorted(w.id for w in read_key_file(post.keys.path).generations("db")) == [1, 2]
    for user, password in ((OFFICER, NEW), (VIEWER, PASSWORD), (CHIEF, TEST_PASSWORD)):
        db_key, fields = _keys_of(post.db.path, user, password)
        assert db_key == old_db  # the file is still under the old key
        assert fields == (post.keys.fields_key if user != VIEWER else None)  # resealed: new
    monkeypatch.undo()
    _as(post, lambda c: accounts.set_password(c, post.keys, username=VIEWER, password=NEW))
    assert [w.id for w in read_key_file(post.keys.path).generations("db")] == [3]
    assert _keys_of(post.db.path, OFFICER, NEW)[0] == post.keys.db_key
    assert "keyfile_edited" not in _actions(post)  # the left-overs are not taken for an edit


def test_a_crash_after_the_rekey_leaves_the_old_key_beside_the_new(
    post: Unlocked, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is rekeyed, then the key file is not cleaned (the program stops): the newer
    key opens it, the older is dropped by the next change, and no edit is reported."""
    calls: list[int] = []
    tidy = KeyRing.tidy

    def stops_the_second_time(self: KeyRing, keys: KeyFile) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise OSError("the program was stopped")
        tidy(self, keys)

    monkeypatch.setattr(KeyRing, "tidy", stops_the_second_time)
    with pytest.raises(OSError):
        _as(post, lambda c: accounts.set_password(c, post.keys, username=OFFICER, password=NEW))
    monkeypatch.undo()
    assert sorted(w.id for w in read_key_file(post.keys.path).generations("db")) == [1, 2]
    for user, password in ((OFFICER, NEW), (VIEWER, PASSWORD), (CHIEF, TEST_PASSWORD)):
        assert _keys_of(post.db.path, user, password)[0] == post.keys.db_key  # the new one
    with _peek(post.db.path, CHIEF, TEST_PASSWORD) as chief:  # a new run of the program
        post.keys.sealed_with = chief.keys.sealed_with
    _as(
        post,
        lambda c: accounts.add_account(c, post.keys, username="xem2", role="viewer", password=NEW),
    )
    assert [w.id for w in read_key_file(post.keys.path).generations("db")] == [2]
    assert _keys_of(post.db.path, "xem2", NEW)[0] == post.keys.db_key
    assert "keyfile_edited" not in _actions(post)


def test_a_public_key_swapped_into_the_key_file_receives_nothing(post: Unlocked) -> None:
    keys = read_key_file(post.keys.path)
    chief = keys.slots[CHIEF]
    assert isinstance(chief, AccountSlot)
    keys.slots[VIEWER] = AccountSlot.wrap(b"\x01" * 32, VIEWER, "ke-gian-doan-mat-khau", TEST_KDF)
    write_key_file(post.keys.path, keys)
    listed = {
        r.username: r.can_log_in for r in _as(post, lambda c: accounts.accounts(c, post.keys))
    }
    assert listed[VIEWER] is False and listed[OFFICER] is True  # not shown as able to log in
    with pytest.raises(WrongCredentials):
        login(post.db.path, VIEWER, "ke-gian-doan-mat-khau", kdf=TEST_KDF)
    _as(post, lambda c: accounts.set_password(c, post.keys, username=OFFICER, password=NEW))
    after = read_key_file(post.keys.path)
    assert VIEWER not in next(w for w in after.wrapped if w.kind == "db").to


def _downgrade_to_version_1(post: Unlocked, passwords: dict[str, str]) -> None:
    """The key file as the previous version wrote it: each slot the database key under its
    password; the database as it was before (no fields key, no public keys)."""
    keys = read_key_file(post.keys.path)
    legacy = KeyFile(keys.post)
    for name, password in passwords.items():
        legacy.slots[name] = KeySlot.wrap(post.keys.db_key, name, password, TEST_KDF)
    write_key_file(post.keys.path, legacy)
    with post.db.write() as s:
        s.execute(text("UPDATE local_node SET fields_key_id = NULL, account_keys = NULL"))
    path = post.keys.path
    raw = path.read_text(encoding="utf-8")
    path.write_text(raw.replace('"version": 2', '"version": 1'), encoding="utf-8")


def test_a_version_1_key_file_is_upgraded_account_by_account(post: Unlocked) -> None:
    path = post.db.path
    _downgrade_to_version_1(post, {CHIEF: TEST_PASSWORD, OFFICER: PASSWORD, VIEWER: PASSWORD})
    # the viewer logs in first: its slot becomes a key pair; no fields key is made for it
    assert _keys_of(path, VIEWER, PASSWORD) == (post.keys.db_key, None)
    slots = read_key_file(post.keys.path).slots
    assert isinstance(slots[VIEWER], AccountSlot) and isinstance(slots[OFFICER], KeySlot)
    # the chief's login makes the fields key; the officer's first login gets none yet...
    chief_fields = _keys_of(path, CHIEF, TEST_PASSWORD)[1]
    assert chief_fields is not None
    assert _keys_of(path, OFFICER, PASSWORD)[1] is None
    # ... until an account holding it logs in again
    assert _keys_of(path, CHIEF, TEST_PASSWORD)[1] == chief_fields
    assert _keys_of(path, OFFICER, PASSWORD)[1] == chief_fields


def test_a_rotation_drops_the_slots_not_upgraded_yet(post: Unlocked) -> None:
    path = post.db.path
    _downgrade_to_version_1(post, {CHIEF: TEST_PASSWORD, OFFICER: PASSWORD, VIEWER: PASSWORD})
    with login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF, write=False) as chief:
        post.keys.fields_key, post.keys.fields_key_id = (
            chief.keys.fields_key,
            chief.keys.fields_key_id,
        )
    _as(post, lambda c: accounts.set_password(c, post.keys, username=CHIEF, password=NEW))
    _refused(path, VIEWER, PASSWORD)  # its legacy slot held only the retired key
    rows = _as(post, lambda c: accounts.accounts(c, post.keys))
    assert {r.username: r.can_log_in for r in rows} == {CHIEF: True, OFFICER: False, VIEWER: False}
    with post.db.read() as s:
        detail = s.execute(
            select(AuditEntry.detail).where(AuditEntry.action == "key_rotation")
        ).scalar_one()
    assert f"removed: {OFFICER}, {VIEWER}" in detail


def test_an_account_without_the_fields_key_cannot_rotate_it(post: Unlocked) -> None:
    post.keys.fields_key = None  # an upgrade not settled yet: the key was never given
    with pytest.raises(ValidationFailed) as caught:
        _as(post, lambda c: accounts.disable_account(c, post.keys, username=OFFICER))
    assert caught.value.problems[0].code == "keys.no_fields_key"
    assert OFFICER in read_key_file(post.keys.path).slots


def test_a_backup_made_before_a_rotation_restores_with_the_password_of_then(
    post: Unlocked, tmp_path: Path
) -> None:
    made = backups.write_backup(post.db, tmp_path / "truoc.anttbak")
    _as(post, lambda c: accounts.set_password(c, post.keys, username=CHIEF, password=NEW))
    path = post.db.path
    post.close()
    with pytest.raises(backups.BackupWrongPassword):
        backups.restore_backup(path, made, CHIEF, NEW)
    backups.restore_backup(path, made, CHIEF, TEST_PASSWORD)
    with login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF) as restored:
        assert restored.keys.db_key_id == 1 and restored.keys.fields_key is not None
        with restored.db.read() as s:
            assert audit.verify_chain(s) == []


def test_an_admin_without_the_fields_key_rotates_the_database_key_only(post: Unlocked) -> None:
    """An admin (no sensitive data) disables a viewer: a new database key for everyone; the
    fields key, which neither could read, stays and stays with those entitled."""
    _as(
        post,
        lambda c: accounts.add_account(
            c, post.keys, username="quantri", role="admin", password=NEW
        ),
    )
    fields = post.keys.fields_key
    path = post.db.path
    post.close()
    with login(path, "quantri", NEW, kdf=TEST_KDF) as admin:
        assert admin.keys.fields_key is None
        with admin.db.write() as s:
            accounts.disable_account(Ctx(s, admin.actor, date.today()), admin.keys, username=VIEWER)
        assert admin.keys.db_key_id == 2
    _refused(path, VIEWER, PASSWORD)
    assert _keys_of(path, CHIEF, TEST_PASSWORD)[1] == fields
    assert _keys_of(path, OFFICER, PASSWORD)[1] == fields


def test_a_role_raised_by_editing_the_database_is_given_no_fields_key(post: Unlocked) -> None:
    """The viewer holds the database key: it opens the file itself and makes its account an
    officer. Neither the next login of an officer nor a rotation gives it the fields key:
    no holder vouched for it."""
    path = post.db.path
    with _peek(path, VIEWER, PASSWORD) as viewer:
        viewer_db = viewer.keys.db_key
    with post.db.write() as s:  # what the viewer's raw connection would do
        s.execute(text("UPDATE users SET role = 'officer' WHERE username = :u"), {"u": VIEWER})
    assert viewer_db == post.keys.db_key
    assert _keys_of(path, OFFICER, PASSWORD)[1] == post.keys.fields_key  # a holder logs in
    assert _keys_of(path, VIEWER, PASSWORD)[1] is None
    _as(post, lambda c: accounts.set_password(c, post.keys, username=OFFICER, password=NEW))
    assert _keys_of(path, VIEWER, PASSWORD)[1] is None
    assert _keys_of(path, OFFICER, NEW)[1] == post.keys.fields_key
    # raised by a chief through the program, it is given the key at once
    _as(post, lambda c: accounts.change_role(c, post.keys, username=VIEWER, role="viewer"))
    _as(post, lambda c: accounts.change_role(c, post.keys, username=VIEWER, role="officer"))
    assert _keys_of(path, VIEWER, PASSWORD)[1] == post.keys.fields_key
