"""``antt`` logs in for every command; ``antt user ...`` manages the accounts."""

from __future__ import annotations

import pytest

from antt_desktop.security.keyslots import key_file_path, read_key_file
from tests.conftest import TEST_PASSWORD


def test_a_wrong_password_exits_5_and_opens_nothing(post, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = post.data_dir / "antt.sqlite3"
    before = db.read_bytes()
    monkeypatch.setenv("ANTT_PASSWORD", "a wrong password")
    r = post("person", "add", "--name", "Lê Văn Tám")
    assert r.code == 5
    assert "sai tên tài khoản hoặc mật khẩu của 'truongcong'" in r.err
    assert db.read_bytes() == before
    assert not (post.data_dir / "antt.sqlite3-wal").exists()


def test_no_account_named_exits_5_with_the_way_out(post, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("ANTT_USER")
    r = post("--lang", "en", "search", "duc")
    assert r.code == 5
    assert "name the account with --user NAME" in r.err


def test_the_password_is_asked_for_when_not_in_the_environment(post, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.delenv("ANTT_PASSWORD")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr(
        "antt_desktop.cli.env.getpass.getpass", lambda prompt: asked.append(prompt) or TEST_PASSWORD
    )
    r = post("--user", "truongcong", "search", "duc", "--json")
    assert r.code == 0, r.err
    assert asked == ["Mật khẩu của truongcong: "]


def test_user_add_list_passwd_disable(post, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    r = post("user", "add", "canbo1", "--role", "officer", "--full-name", "Lê Văn Công", "--json")
    assert r.code == 0, r.err
    listed = {row["username"]: row for row in post("user", "list", "--json").json}
    assert listed["canbo1"]["role"] == "officer" and listed["canbo1"]["can_log_in"]
    assert listed["truongcong"]["role"] == "chief"

    # the officer logs in with the password set for them, then changes it
    assert post("--user", "canbo1", "search", "duc").code == 0
    monkeypatch.setenv("ANTT_NEW_PASSWORD", "mat-khau-moi-cua-can-bo")
    assert post("--user", "canbo1", "user", "passwd").code == 0
    assert post("--user", "canbo1", "search", "duc").code == 5  # the old password is gone
    monkeypatch.setenv("ANTT_PASSWORD", "mat-khau-moi-cua-can-bo")
    assert post("--user", "canbo1", "search", "duc").code == 0

    # the officer may not manage accounts; the chief disables the officer
    refused = post("--user", "canbo1", "user", "add", "xem1", "--role", "viewer")
    assert refused.code == 5
    assert "không có quyền" in refused.err
    monkeypatch.setenv("ANTT_PASSWORD", TEST_PASSWORD)  # the chief's
    assert post("user", "disable", "canbo1").code == 0
    assert "canbo1" not in read_key_file(key_file_path(post.data_dir / "antt.sqlite3")).slots
    listed = {row["username"]: row for row in post("user", "list", "--json").json}
    assert not listed["canbo1"]["can_log_in"]


@pytest.mark.parametrize(
    ("args", "field", "code"),
    [
        (["user", "add", "Cán Bộ", "--role", "officer"], "username", "user.name_format"),
        (["user", "add", "truongcong", "--role", "officer"], "username", "user.exists"),
        (["user", "disable", "nobody"], "username", "user.unknown"),
    ],
)
def test_account_refusals_name_the_rule_and_change_nothing(post, args, field, code) -> None:  # type: ignore[no-untyped-def]
    def kept() -> tuple[object, ...]:  # the login reseals the failed-login record; no more
        keys = read_key_file(key_file_path(post.data_dir / "antt.sqlite3"))
        return keys.slots, keys.failures, keys.pending_audit, keys.attempts

    before = kept()
    r = post(*args, "--json")
    assert r.code == 3
    assert (r.json["errors"][0]["field"], r.json["errors"][0]["code"]) == (field, code)
    assert kept() == before


def test_a_short_password_is_refused(post, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ANTT_NEW_PASSWORD", "short")
    r = post("user", "add", "canbo2", "--role", "officer")
    assert r.code == 3
    assert "Mật khẩu: phải có ít nhất 10 ký tự (mới có 5)" in r.err
    assert post("user", "list", "--json").json[0]["username"] == "truongcong"
    assert len(post("user", "list", "--json").json) == 1


def test_init_takes_the_chiefs_password_and_refuses_a_weak_one(antt, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ANTT_NEW_PASSWORD", "123")
    r = antt(
        "init",
        "--unit-code",
        "05611",
        "--unit-name",
        "Công an xã Phú Lương",
        "--admin",
        "truongcong",
    )
    assert r.code == 3
    assert not antt.data_dir.exists() or not any(antt.data_dir.iterdir())


def test_a_viewer_reads_but_every_change_is_refused_with_exit_5(post, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert post("person", "add", "--name", "Lê Văn Tám").code == 0
    assert post("user", "add", "xem1", "--role", "viewer").code == 0
    as_viewer = ("--user", "xem1")
    found = post(*as_viewer, "search", "le van tam", "--json")
    assert found.code == 0 and found.json[0]["name"] == "Lê Văn Tám"
    for args in (
        ("person", "add", "--name", "Phạm Thị Bảy"),
        ("area", "add", "--name", "Thôn Đồng Tâm"),
        ("sync", "export", "--to", "CAT-TN", "--out", str(post.data_dir / "usb")),
        ("user", "add", "xem2", "--role", "viewer"),
    ):
        r = post(*as_viewer, *args)
        assert r.code == 5, (args, r.err)
        assert "xem1 (viewer) không có quyền" in r.err
    assert [row["username"] for row in post("user", "list", "--json").json] == [
        "truongcong",
        "xem1",
    ]
    assert len(post("search", "pham thi bay", "--json").json) == 0
