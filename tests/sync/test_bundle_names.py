"""Sync files are named so an officer recognises them — the sender's unit code, both units'
places, the sequence number and the day — and the name is never read back: the ids are in
the signed header, so a renamed file imports the same."""

from __future__ import annotations

import re
from datetime import date, datetime

from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.store.models import Person
from antt_desktop.sync.container import bundle_name, short_name
from tests.sync.nodes import Network


def test_the_name_says_who_sends_to_whom_which_file_and_when() -> None:
    name = bundle_name("05611", "Công an xã Phú Lương", "Công an tỉnh Thái Nguyên", 7,
                       date(2026, 12, 6))  # fmt: skip
    assert name == "05611_PhuLuong-ThaiNguyen_0007_2026-12-06.anttsync"
    assert bundle_name("05611", "Công an xã Phú Lương", "CA huyện Đại Từ", 12,
                       date(2026, 1, 2), 2, 3) == (
        "05611_PhuLuong-DaiTu_0012_2026-01-02-v2of3.anttsync"
    )  # fmt: skip
    assert short_name("Công an phường Hoàn Kiếm") == "HoanKiem"
    assert short_name("Đồn Công an Đặc biệt") == "DonCongAnDacBiet"
    assert short_name("???") == "DonVi"


def test_an_exported_file_is_named_for_people_and_imports_under_another_name(
    net: Network,
) -> None:
    upper = net.upper()
    post = net.post(upper, name="phu luong")
    with post.write() as ctx:
        person = add_person(ctx, PersonInput(full_name="Nguyễn Văn Đức", born="1985")).person
    [path] = post.export_to(upper)
    today = datetime.now().date().isoformat()
    assert path.name == f"05611_PhuLuong-PhuLuong_0001_{today}.anttsync"
    assert re.fullmatch(r"[A-Za-z0-9_.-]+", path.name)  # ASCII: every stick and system
    renamed = path.rename(path.with_name("goi-huyen.anttsync"))
    report = upper.import_file(renamed)
    assert report.table("persons").new == 1
    with upper.read() as ctx:
        assert ctx.session.get(Person, person.id) is not None
