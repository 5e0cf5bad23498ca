"""The pieces of the key hierarchy: a key wrapped to a public key opens only with its
private key, for its own account, kind and generation; the version 2 key file reads back
what it wrote and refuses hostile contents without a traceback (docs/KEYS.md)."""

from __future__ import annotations

import json
import secrets
from dataclasses import replace
from pathlib import Path

import pytest

from antt_desktop.security import hierarchy, keywrap
from antt_desktop.security.errors import KeyFileInvalid
from antt_desktop.security.keyslots import (
    MAX_WRAPPED,
    AccountSlot,
    KeyFile,
    KeySlot,
    PostLabel,
    WrappedKey,
    read_key_file,
    write_key_file,
)
from tests.conftest import TEST_KDF

KEY = secrets.token_bytes(32)


def test_a_wrapped_key_opens_only_with_its_private_key_and_its_label() -> None:
    private, public = keywrap.new_key_pair()
    other, _ = keywrap.new_key_pair()
    sealed = keywrap.wrap(KEY, public, b"antt-keywrap:db:1:canbo1")
    assert keywrap.unwrap(sealed, private, b"antt-keywrap:db:1:canbo1") == KEY
    assert keywrap.unwrap(sealed, other, b"antt-keywrap:db:1:canbo1") is None
    assert keywrap.unwrap(sealed, private, b"antt-keywrap:db:2:canbo1") is None  # generation
    assert keywrap.unwrap(sealed, private, b"antt-keywrap:fields:1:canbo1") is None  # kind
    flipped = bytes([sealed.wrapped[0] ^ 1]) + sealed.wrapped[1:]
    assert (
        keywrap.unwrap(replace(sealed, wrapped=flipped), private, b"antt-keywrap:db:1:canbo1")
        is None
    )
    zero = replace(sealed, ephemeral=bytes(32))  # a low-order point: refused, not a crash
    assert keywrap.unwrap(zero, private, b"antt-keywrap:db:1:canbo1") is None


def test_an_account_slot_opens_with_its_password_under_its_own_name_only() -> None:
    private, _ = keywrap.new_key_pair()
    slot = AccountSlot.wrap(private, "canbo1", "mat-khau-cua-can-bo", TEST_KDF)
    assert slot.unwrap("canbo1", "mat-khau-cua-can-bo") == private
    assert slot.unwrap("canbo1", "mat-khau-khac-han") is None
    assert slot.unwrap("canbo2", "mat-khau-cua-can-bo") is None
    _, stranger = keywrap.new_key_pair()  # a public key swapped beside the slot
    assert replace(slot, public=stranger).unwrap("canbo1", "mat-khau-cua-can-bo") is None


def _file(tmp_path: Path) -> tuple[Path, KeyFile]:
    keys = KeyFile(PostLabel("05611", "Công an xã Phú Lương"))
    public = hierarchy.new_account_slot(
        keys, "truongcong", "mat-khau-truong-cong", TEST_KDF, db_keys={1: KEY}, fields_keys={}
    )
    assert public
    path = tmp_path / "antt.sqlite3.keys"
    write_key_file(path, keys)
    return path, keys


def test_the_key_file_reads_back_what_it_wrote(tmp_path: Path) -> None:
    path, _ = _file(tmp_path)
    opened = hierarchy.open_account(read_key_file(path), "truongcong", "mat-khau-truong-cong")
    assert opened is not None and opened.db_keys == {1: KEY} and opened.fields_keys == {}


def test_a_version_1_file_is_read_with_its_slots_as_legacy_slots(tmp_path: Path) -> None:
    path = tmp_path / "antt.sqlite3.keys"
    legacy = KeyFile(
        PostLabel("05611"),
        {"truongcong": KeySlot.wrap(KEY, "truongcong", "mk-cu-2025-dai", TEST_KDF)},
    )
    raw = legacy.to_json().decode().replace('"version": 2', '"version": 1')
    path.write_text(raw, encoding="utf-8")
    keys = read_key_file(path)
    assert isinstance(keys.slots["truongcong"], KeySlot) and keys.wrapped == []
    opened = hierarchy.open_account(keys, "truongcong", "mk-cu-2025-dai")
    assert opened is not None and opened.db_keys == {1: KEY} and opened.private is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: doc["keys"].append(dict(doc["keys"][0])),  # the same generation twice
        lambda doc: doc["keys"][0].update(kind="everything"),
        lambda doc: doc["keys"][0].update(id=-1),
        lambda doc: doc["keys"][0].update(to="canbo1"),
        lambda doc: doc["keys"][0]["to"]["truongcong"].update(wrapped="A" * 300),
        lambda doc: doc.update(keys=[doc["keys"][0]] * (MAX_WRAPPED + 1)),
        lambda doc: doc["slots"]["truongcong"].update(public="AAAA"),
        lambda doc: doc.update(version=3),
    ],
)
def test_a_hostile_key_file_is_refused(tmp_path: Path, damage) -> None:  # type: ignore[no-untyped-def]
    path, _ = _file(tmp_path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    damage(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(KeyFileInvalid):
        read_key_file(path)


def test_forgetting_an_account_takes_its_slot_and_every_wrapped_copy(tmp_path: Path) -> None:
    _, keys = _file(tmp_path)
    keys.wrapped.append(WrappedKey("fields", 1))
    hierarchy.forget(keys, "truongcong")
    assert keys.slots == {} and all(not w.to for w in keys.wrapped)
