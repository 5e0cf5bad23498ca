"""Who signs a printed document: the chief's position and full name from the chief's account
(never the account name), the rank before the name, and a name typed at printing first."""

from __future__ import annotations

from typing import Any

import pytest

from antt_desktop.printing.booklet import booklet
from antt_desktop.printing.signature import is_rank
from antt_desktop.printing.text import PrintOptions
from antt_desktop.services import accounts
from antt_desktop.services.context import Actor
from tests.conftest import TODAY

#: The chief account every test post is made with (tests.conftest.make_post).
ADMIN = Actor("admin", "chief")


def _name_chief(write: Any, full_name: str, title: str | None) -> None:
    with write(actor=ADMIN) as ctx:
        accounts.edit_account(ctx, username="admin", full_name=full_name, title=title)


def _last_page(read: Any, pdf: Any, dossier_id: str, **options: Any) -> str:
    """The last page's text without spaces (a long title wraps in its column)."""
    with read() as ctx:
        printed = booklet(ctx.session, dossier_id, today=TODAY, options=PrintOptions(**options))
    doc = pdf(printed.pdf)
    return str(doc.flat(doc.pages - 1))


def _flat(text: str) -> str:
    return "".join(text.split())


def test_the_chiefs_position_and_full_name_sign_the_booklet(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    _name_chief(write, "Hoàng Minh Tuấn", "Phó Trưởng Công an phường")
    last = _last_page(read, pdf, post["dossier"])
    assert _flat("PHÓ TRƯỞNG CÔNG AN PHƯỜNG") in last
    assert _flat("Hoàng Minh Tuấn") in last
    assert "admin" not in last


def test_a_rank_goes_before_the_name_under_the_usual_title(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    _name_chief(write, "Hoàng Minh Tuấn", "Đại úy")
    last = _last_page(read, pdf, post["dossier"])
    assert _flat("TRƯỞNG CÔNG AN PHƯỜNG") in last
    assert _flat("Đại úy Hoàng Minh Tuấn") in last


def test_no_full_name_leaves_the_line_to_the_pen_and_a_typed_one_wins(
    post: dict[str, str], write: Any, read: Any, pdf: Any
) -> None:
    assert "admin" not in _last_page(read, pdf, post["dossier"])
    _name_chief(write, "Hoàng Minh Tuấn", None)
    typed = _last_page(read, pdf, post["dossier"], signer_name="Thiếu tá Nguyễn Văn Hải")
    assert _flat("Thiếu tá Nguyễn Văn Hải") in typed and _flat("Hoàng Minh Tuấn") not in typed


@pytest.mark.parametrize(
    ("title", "rank"),
    [("Thượng úy", True), ("dai ta", True), ("Trưởng Công an xã", False), ("Cán bộ", False)],
)
def test_ranks_are_told_from_positions(title: str, rank: bool) -> None:
    assert is_rank(title) is rank
