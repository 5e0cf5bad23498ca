"""Adding an account: the check the window runs as the chief types refuses what the write
refuses, and neither leaves an account or a key slot behind."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.security.login import Unlocked, login
from antt_desktop.services import accounts
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.store.models import AuditEntry
from tests.conftest import TEST_KDF, TEST_PASSWORD, make_post

CHIEF = "truongcong"
GOOD = {"username": "canbo2", "role": "officer", "password": "trang-moi-2026-xanh"}


@pytest.fixture
def post(tmp_path: Path) -> Iterator[Unlocked]:
    path = tmp_path / "post.sqlite3"
    make_post(path, chief=CHIEF)
    post = login(path, CHIEF, TEST_PASSWORD, kdf=TEST_KDF)
    yield post
    post.close()


def _names(post: Unlocked) -> list[str]:
    with post.db.read() as session:
        return [
            a.username for a in accounts.accounts(Ctx(session, post.actor, date.today()), post.keys)
        ]


@pytest.mark.parametrize(
    ("typed", "field", "code"),
    [
        ({"username": CHIEF}, "username", "user.exists"),
        ({"username": "có dấu"}, "username", "user.name_format"),
        ({"role": "emperor"}, "role", "choice"),
        ({"full_name": "Nguyễn " * 30}, "full_name", "too_long"),
        ({"password": "ngan"}, "password", "password.too_short"),
        ({"password": "canbo2-moi-2026"}, "password", "password.contains_name"),
    ],
)
def test_the_check_refuses_what_adding_refuses(
    post: Unlocked, typed: dict[str, Any], field: str, code: str
) -> None:
    values = {**GOOD, **typed}
    with post.db.read() as session:
        found = accounts.check_add_account(Ctx(session, post.actor, date.today()), **values)
    assert [(p.field, p.code) for p in found] == [(field, code)]
    with pytest.raises(ValidationFailed) as refused, post.db.write() as session:
        accounts.add_account(Ctx(session, post.actor, date.today()), post.keys, **values)
    assert refused.value.problems == found
    assert _names(post) == [CHIEF]
    assert set(post.keys.names()) == {CHIEF}


def test_good_input_passes_the_check_and_is_added(post: Unlocked) -> None:
    with post.db.read() as session:
        assert accounts.check_add_account(Ctx(session, post.actor, date.today()), **GOOD) == []
    assert _names(post) == [CHIEF]  # checking wrote nothing
    with post.db.write() as session:
        accounts.add_account(Ctx(session, post.actor, date.today()), post.keys, **GOOD)
    assert _names(post) == ["canbo2", CHIEF]


def test_only_a_chief_or_admin_may_check_account_names(post: Unlocked) -> None:
    with pytest.raises(PermissionDenied), post.db.read() as session:
        accounts.check_add_account(Ctx(session, Actor("canbo1", "officer"), date.today()), **GOOD)


def _ctx(session: Any, post: Unlocked) -> Ctx:
    return Ctx(session, post.actor, date.today())


def test_a_name_and_title_are_changed_checked_and_audited(post: Unlocked) -> None:
    with post.db.read() as session:
        found = accounts.check_edit_account(
            _ctx(session, post), username=CHIEF, full_name="  ", title="x" * 121
        )
    assert [(p.field, p.code) for p in found] == [("full_name", "required"), ("title", "too_long")]
    with post.db.write() as session:
        accounts.edit_account(
            _ctx(session, post),
            username=CHIEF,
            full_name=" Hoàng  Minh Tuấn ",
            title="Trưởng Công an xã",
        )
    with post.db.read() as session:
        ctx = _ctx(session, post)
        row = next(a for a in accounts.accounts(ctx, post.keys) if a.username == CHIEF)
        chief = accounts.chief(session)
        entry = session.execute(
            select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)
        ).scalar_one()
    assert (row.full_name, row.title) == ("Hoàng Minh Tuấn", "Trưởng Công an xã")
    assert chief is not None and chief.label == "Trưởng Công an xã Hoàng Minh Tuấn"
    assert (entry.action, entry.fields) == ("account_edit", ["full_name", "title"])


def test_an_officer_may_name_only_themselves(post: Unlocked) -> None:
    with post.db.write() as session:
        accounts.add_account(_ctx(session, post), post.keys, **GOOD)
    officer = Actor("canbo2", "officer")
    with post.db.write() as session:
        ctx = Ctx(session, officer, date.today())
        accounts.edit_account(ctx, username="canbo2", full_name="Lê Văn Công", title="Trung úy")
        with pytest.raises(PermissionDenied):
            accounts.edit_account(ctx, username=CHIEF, full_name="Ai đó", title=None)
    with post.db.read() as session:
        names = [o.label for o in accounts.officers(_ctx(session, post))]
    assert names == [CHIEF, "Trung úy Lê Văn Công"]  # the chief first, by account name
