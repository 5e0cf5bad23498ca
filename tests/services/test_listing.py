"""People are listed the Vietnamese way, a page at a time."""

from __future__ import annotations

from antt_desktop.services.listing import count_people, people_page
from antt_desktop.services.people import PersonInput, add_person

NAMES = [
    "Nguyễn Văn Đức",
    "Trần Văn An",
    "Lê Thị Ánh",
    "Phạm Văn Anh",
    "Đặng Văn Dũng",
    "Hoàng Thị Ân",
    "Vũ Văn Dương",
]


def test_pages_in_vietnamese_order(write, read) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        for name in NAMES:
            add_person(ctx, PersonInput(full_name=name, born="1980"))
    with read() as ctx:
        assert count_people(ctx.session) == len(NAMES)
        first = [r.full_name for r in people_page(ctx.session, limit=4)]
        rest = [r.full_name for r in people_page(ctx.session, offset=4, limit=4)]
    # By given name, then middle name; tones only break ties, so "Lê Thị Ánh" comes before
    # "Phạm Văn Anh" (Thị < Văn). â is a letter after a, đ after d, ư after u.
    assert first + rest == [
        "Trần Văn An",
        "Lê Thị Ánh",
        "Phạm Văn Anh",
        "Hoàng Thị Ân",
        "Đặng Văn Dũng",
        "Vũ Văn Dương",
        "Nguyễn Văn Đức",
    ]
