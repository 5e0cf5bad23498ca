"""A post's household list shows of each address what differs from row to row."""

from __future__ import annotations

import pytest

from antt_desktop.presenters.household import local_address


@pytest.mark.parametrize(
    ("address", "area", "shown"),
    [
        ("Số nhà 12, Xóm Cây Thị, xã Phú Lương, tỉnh Thái Nguyên", "Xóm Cây Thị", "Số nhà 12"),
        ("Xóm Cây Thị, xã Phú Lương, tỉnh Thái Nguyên", "Xóm Cây Thị", ""),
        ("Xom Cay Thi, Xa Phu Luong", "Xóm Cây Thị", ""),  # typed without accents
        ("25 Hàng Bạc, phường Hoàn Kiếm, TP. Hà Nội", "Tổ dân phố 3", "25 Hàng Bạc"),
        ("Ngõ 4, Tổ dân phố 3, phường Hoàn Kiếm, thành phố Hà Nội", "Tổ dân phố 3", "Ngõ 4"),
        # an area named in the middle is not the area's own column: kept
        ("Xóm Cây Thị, cạnh chợ", "Xóm Cây Thị", "Xóm Cây Thị, cạnh chợ"),
        ("Thôn 5", None, "Thôn 5"),
        (None, "Xóm Cây Thị", ""),
    ],
)
def test_the_list_shows_the_house_and_street_not_what_every_row_shares(
    address: str | None, area: str | None, shown: str
) -> None:
    assert local_address(address, area) == shown
