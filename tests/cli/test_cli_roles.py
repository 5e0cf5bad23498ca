"""``antt user`` keeps roles: an admin cannot add a chief, reset the chief's password or
disable the last chief (exit 5, in words, audited); a chief can."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.cli.conftest import Run
from tests.conftest import TEST_PASSWORD

CHIEF = "truongcong"
pytestmark = pytest.mark.slow  # each test sets up a post and runs several commands


@pytest.fixture
def as_admin(post: Callable[..., Run], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    assert post("user", "add", "quantri", "--role", "admin").code == 0
    monkeypatch.setenv("ANTT_USER", "quantri")
    return post


def test_an_admin_cannot_add_a_chief_nor_reset_or_disable_one(
    as_admin: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    r = as_admin("user", "add", "gia", "--role", "chief")
    assert r.code == 5
    assert "không được cấp vai trò lãnh đạo đơn vị" in r.err
    assert as_admin("user", "add", "xem1", "--role", "viewer").code == 0
    r = as_admin("user", "passwd", CHIEF)
    assert r.code == 5 and "chỉ một tài khoản lãnh đạo khác" in r.err
    assert as_admin("user", "disable", CHIEF).code == 5
    assert as_admin("user", "role", CHIEF, "viewer").code == 5
    listed = {row["username"]: row for row in as_admin("user", "list", "--json").json}
    assert "gia" not in listed
    assert (listed[CHIEF]["role"], listed[CHIEF]["can_log_in"]) == ("chief", True)
    monkeypatch.setenv("ANTT_USER", CHIEF)
    refused = [
        e
        for e in as_admin("audit", "list", "--action", "refused", "--json").json["entries"]
        if e["actor"] == "quantri"
    ]
    assert len(refused) == 4


def test_the_last_chief_cannot_be_disabled_and_another_chief_resets_its_password(
    post: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    r = post("user", "disable", CHIEF)
    assert r.code == 5 and "lãnh đạo đơn vị cuối cùng còn hoạt động" in r.err
    assert post("user", "add", "pho", "--role", "chief").code == 0
    monkeypatch.setenv("ANTT_USER", "pho")
    monkeypatch.setenv("ANTT_NEW_PASSWORD", "mat-khau-moi-cua-truong-2026")
    assert post("user", "passwd", CHIEF).code == 0
    monkeypatch.setenv("ANTT_USER", CHIEF)
    monkeypatch.setenv("ANTT_PASSWORD", "mat-khau-moi-cua-truong-2026")
    assert post("user", "role", "pho", "officer").code == 0  # another chief remains: allowed
    monkeypatch.setenv("ANTT_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("ANTT_USER", "pho")
    assert post("user", "list").code == 5  # pho is an officer from this login on
