"""Roles that hold: an account gives, resets, enables or disables only roles whose rights
it holds itself; the post keeps one active chief; every refusal is in the audit log."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from antt_desktop.i18n.messages import sentence
from antt_desktop.i18n.translator import Translator
from antt_desktop.presenters.audit_entry import detail_text
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.security.login import Unlocked, login, verify
from antt_desktop.security.roles import grantable_roles, may_grant
from antt_desktop.services import accounts
from antt_desktop.services.audit_log import AuditRow
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.store.models import AuditEntry
from tests.conftest import TEST_KDF, TEST_PASSWORD, make_post

CHIEF = "truongcong"
ADMIN = Actor("quantri", "admin")
NEW = "mat-khau-moi-2026-xanh"


@pytest.fixture
def post(tmp_path: Path) -> Iterator[Unlocked]:
    path = tmp_path / "post.sqlite3"
    make_post(path, chief=CHIEF)
    post = login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF)
    with post.db.write() as s:
        ctx = Ctx(s, post.actor, date.today())
        accounts.add_account(ctx, post.keys, username="quantri", role="admin", password=NEW)
        accounts.add_account(ctx, post.keys, username="canbo1", role="officer", password=NEW)
    yield post
    post.close()


def _as(post: Unlocked, actor: Actor, call, *, write: bool = True):  # type: ignore[no-untyped-def]
    with post.db.write() if write else post.db.read() as s:
        return call(Ctx(s, actor, date.today()))


def _rows(post: Unlocked) -> dict[str, tuple[str, bool]]:
    rows = _as(post, post.actor, lambda c: accounts.accounts(c, post.keys), write=False)
    return {r.username: (r.role, r.can_log_in) for r in rows}


def _last(post: Unlocked) -> AuditEntry:
    with post.db.read() as s:
        return s.execute(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).scalar_one()


def test_each_role_grants_only_roles_within_its_own_rights() -> None:
    assert [r.value for r in grantable_roles("admin")] == ["viewer", "admin"]
    assert [r.value for r in grantable_roles("chief")] == [
        "officer",
        "chief",
        "viewer",
        "upper",
        "admin",
    ]
    assert not may_grant("admin", "chief") and not may_grant("admin", "officer")
    assert not may_grant("superuser", "viewer") and not may_grant("chief", "emperor")


@pytest.mark.parametrize("role", ["chief", "officer", "upper"])
def test_an_admin_cannot_make_an_account_that_reads_what_it_may_not(
    post: Unlocked, role: str
) -> None:
    before = _rows(post)
    found = _as(
        post,
        ADMIN,
        lambda c: accounts.check_add_account(c, username="cb2", role=role, password=NEW),
        write=False,
    )
    assert [(p.field, p.code) for p in found] == [("role", "user.role_not_grantable")]
    with pytest.raises(PermissionDenied) as refused:
        _as(
            post,
            ADMIN,
            lambda c: accounts.add_account(c, post.keys, username="cb2", role=role, password=NEW),
        )
    assert refused.value.problems == found
    assert _rows(post) == before and "cb2" not in post.keys.names()
    last = _last(post)
    assert (last.actor, last.action, last.detail) == ("quantri", "refused", f"grant {role}")
    text = sentence(refused.value.code, refused.value.params, Translator("vi"))
    assert "không được cấp vai trò" in text and "chỉ xem, quản trị cài đặt" in text


def test_an_admin_may_still_add_a_viewer(post: Unlocked) -> None:
    _as(
        post,
        ADMIN,
        lambda c: accounts.add_account(c, post.keys, username="xem1", role="viewer", password=NEW),
    )
    assert _rows(post)["xem1"] == ("viewer", True)


def test_an_admin_cannot_reset_enable_or_disable_a_chief(post: Unlocked) -> None:
    keys_before = post.keys.path.read_bytes()
    calls = {
        "password_reset": lambda c: accounts.set_password(
            c, post.keys, username=CHIEF, password=NEW
        ),
        "account_disable": lambda c: accounts.disable_account(c, post.keys, username=CHIEF),
        "account_enable": lambda c: accounts.enable_account(
            c, post.keys, username=CHIEF, password=NEW
        ),
    }
    for action, call in calls.items():
        with pytest.raises(PermissionDenied) as refused:
            _as(post, ADMIN, call)
        assert refused.value.code == "user.chief_only"
        last = _last(post)
        assert (last.action, last.entity, last.detail) == ("refused", "user", action)
        assert last.entity_id is not None  # the chief's account is named
    assert post.keys.path.read_bytes() == keys_before
    text = sentence(refused.value.code, refused.value.params, Translator("vi"))
    assert text.startswith(f"'{CHIEF}' là tài khoản lãnh đạo đơn vị: chỉ một tài khoản lãnh đạo")
    with pytest.raises(PermissionDenied):  # nor an officer's (it reads sensitive data)
        _as(
            post,
            ADMIN,
            lambda c: accounts.set_password(c, post.keys, username="canbo1", password=NEW),
        )


def test_another_chief_may_reset_a_chiefs_password(post: Unlocked) -> None:
    _as(
        post,
        post.actor,
        lambda c: accounts.add_account(c, post.keys, username="pho", role="chief", password=NEW),
    )
    _as(
        post,
        Actor("pho", "chief"),
        lambda c: accounts.set_password(
            c, post.keys, username=CHIEF, password="mot-mat-khau-khac-2026"
        ),
    )
    assert verify(post.db.path, CHIEF, "mot-mat-khau-khac-2026", kdf=TEST_KDF) is not None


def test_the_last_active_chief_cannot_be_disabled_nor_lowered(post: Unlocked) -> None:
    for call in (
        lambda c: accounts.disable_account(c, post.keys, username=CHIEF),
        lambda c: accounts.change_role(c, post.keys, username=CHIEF, role="officer"),
    ):
        with pytest.raises(PermissionDenied) as refused:
            _as(post, post.actor, call)
        assert refused.value.code == "user.last_chief"
    assert _rows(post)[CHIEF] == ("chief", True)
    text = sentence("user.last_chief", refused.value.params, Translator("vi"))
    assert text == (
        f"'{CHIEF}' là tài khoản lãnh đạo đơn vị cuối cùng còn hoạt động: không thể khóa hay"
        " đổi sang vai trò khác; hãy thêm một tài khoản lãnh đạo khác trước"
    )
    _as(
        post,
        post.actor,
        lambda c: accounts.add_account(c, post.keys, username="pho", role="chief", password=NEW),
    )
    _as(
        post,
        post.actor,
        lambda c: accounts.change_role(c, post.keys, username=CHIEF, role="officer"),
    )
    assert _rows(post)[CHIEF] == ("officer", True)
    assert (_last(post).action, _last(post).detail) == ("account_role", "officer")


@pytest.mark.parametrize(("name", "role"), [("canbo1", "viewer"), ("quantri", "chief")])
def test_an_admin_cannot_change_roles_beyond_its_own(post: Unlocked, name: str, role: str) -> None:
    found = _as(
        post,
        ADMIN,
        lambda c: accounts.check_change_role(c, username=name, role=role),
        write=False,
    )
    assert [p.code for p in found] in (["user.not_manageable"], ["user.role_not_grantable"])
    with pytest.raises(PermissionDenied):
        _as(post, ADMIN, lambda c: accounts.change_role(c, post.keys, username=name, role=role))
    assert _rows(post)["canbo1"][0] == "officer" and _rows(post)["quantri"][0] == "admin"
    assert _last(post).action == "refused"


def test_a_refusal_reads_in_words_in_the_audit_log(post: Unlocked) -> None:
    with pytest.raises(PermissionDenied):
        _as(post, Actor("canbo1", "officer"), lambda c: accounts.accounts(c, post.keys))
    e = _last(post)
    row = AuditRow(e.seq, datetime.now(), e.actor, e.action, e.entity, e.entity_id, (), e.detail)
    assert detail_text(row, Translator("vi")) == "Không được phép: Quản lý tài khoản"
    row = dataclasses.replace(row, detail="grant chief")
    assert detail_text(row, Translator("vi")) == "Không được phép: Cấp vai trò lãnh đạo đơn vị"
