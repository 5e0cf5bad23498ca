"""The demo post's chief account carries a person's full name and title, so the demo's
booklets and signatures read as a real post's."""

from __future__ import annotations

from antt_desktop.services import accounts
from antt_desktop.store.database import Database
from tests.demo.test_demo import small as small  # the fixture


def test_the_demo_chief_has_a_full_name_and_a_title(small: Database) -> None:
    with small.read() as session:
        chief = accounts.chief(session)
    assert chief is not None and chief.named
    assert len(chief.full_name.split()) >= 2  # "Nguyễn Văn Hùng", not an account name
    assert chief.title == "Trưởng Công an phường"  # the fixture post is a ward's
