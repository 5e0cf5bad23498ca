"""One wording of a household's pledges, which ``antt household show``, the printed register
and data sheet (capitalised in a column) take, and the window's pledge table should take
(``pledge_headers``, ``pledge_cells``)."""

from __future__ import annotations

from datetime import date

import pytest

from antt_desktop.i18n.translator import Translator
from antt_desktop.presenters.household import pledge_cells, pledge_headers, pledge_status
from antt_desktop.services.household_rows import PledgeRow


def _pledge(status: str, cultured: bool | None) -> PledgeRow:
    return PledgeRow(
        id="p1", household_id="h1", household_number="7", year=2026, status=status,
        signed_on=date(2026, 3, 15), signer_name="Hà Thị Huệ", officer_name="Lê Văn Công",
        cultured_family=cultured, violation_notes=None, template_version="1",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("status", "vi", "en"),
    [
        ("signed", "đã ký", "signed"),
        ("refused", "không ký", "refused"),
        ("violated", "vi phạm cam kết", "violated"),
        (None, "chưa ký", "not signed yet"),
    ],
)
def test_a_household_stands_in_the_same_words_everywhere(status, vi, en) -> None:
    assert pledge_status(status, Translator("vi")) == vi
    assert pledge_status(status, Translator("en")) == en


def test_a_pledge_row_reads_as_the_window_shows_it() -> None:
    tr = Translator("vi")
    assert pledge_headers(tr) == (
        "Năm", "Kết quả", "Ngày ký", "Người ký", "Cán bộ phụ trách", "Gia đình văn hóa", "Vi phạm",
    )  # fmt: skip
    assert pledge_cells(_pledge("signed", None), tr) == (
        "2026", "đã ký", "15/03/2026", "Hà Thị Huệ", "Lê Văn Công", "chưa bình xét", "",
    )  # fmt: skip
    assert pledge_cells(_pledge("violated", True), Translator("en"))[1::4] == ("violated", "yes")
