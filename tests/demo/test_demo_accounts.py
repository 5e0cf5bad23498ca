"""The demo post's chief account carries a person's full name and title, so the demo's
booklets and signatures read as a real post's."""

from __future__ import annotations

from antt_desktop.demo.generate import generate
from antt_desktop.services import accounts
from antt_desktop.services.context import Actor, Ctx
from antt_desktop.store.database import Database
from tests.demo.test_demo import SMALL, TODAY
from tests.demo.test_demo import small as small  # the fixture


def test_the_demo_chief_has_a_full_name_and_a_title(small: Database) -> None:
    with small.read() as session:
        chief = accounts.chief(session)
    assert chief is not None and chief.named
    assert len(chief.full_name.split()) >= 2  # "Nguyễn Văn Hùng", not an account name
    assert chief.title == "Trưởng Công an phường"  # the fixture post is a ward's


def test_demo_data_keeps_the_name_and_title_the_post_gave_its_chief(db: Database) -> None:
    """``antt init --admin-name`` or the accounts window named the chief: filling the post
    with demo data does not rename them."""
    with db.read() as session:
        before = accounts.chief(session)
    assert before is not None
    with db.write() as session:
        ctx = Ctx(session, Actor(before.username, "chief"), TODAY)  # the chief's own name
        accounts.edit_account(
            ctx, username=before.username, full_name="Hà Thị Mai", title="Trưởng Công an phường"
        )
    generate(db, scale="commune", seed=7, today=TODAY, factor=SMALL)
    with db.read() as session:
        chief = accounts.chief(session)
    assert chief is not None
    assert (chief.full_name, chief.title) == ("Hà Thị Mai", "Trưởng Công an phường")
