"""``antt person add --cccd-qr TEXT``: a resident from the QR code of their ID card."""

from __future__ import annotations

from typing import Any

CARD = (
    "001090012345|123456789|Nguyễn Văn An|01021990|Nam|"
    "Thôn 3, Xã Phú Lương, Huyện Đại Từ, Thái Nguyên|15082021"
)


def _count(antt: Any) -> int:
    with antt.connect() as conn:
        return int(conn.execute("SELECT count(*) FROM persons").fetchone()[0])


def test_the_card_fills_the_person(post) -> None:  # type: ignore[no-untyped-def]
    r = post("person", "add", "--cccd-qr", CARD, "--json")

    assert r.code == 0, r.err
    shown = post("person", "show", r.json["id"], "--json").json
    assert (shown["full_name"], shown["born"], shown["sex"]) == ("Nguyễn Văn An", "01/02/1990", "M")
    assert (shown["id_number"], shown["legacy_id"]) == ("001090012345", "123456789")
    assert shown["permanent_address"] == "Thôn 3, Xã Phú Lương, Huyện Đại Từ, Thái Nguyên"


def test_options_given_beside_the_card_win(post) -> None:  # type: ignore[no-untyped-def]
    r = post(
        "person",
        "add",
        "--cccd-qr",
        CARD,
        "--name",
        "Nguyễn Văn Ân",
        "--phone",
        "0912345678",
        "--json",
    )

    assert r.code == 0, r.err
    assert (r.json["full_name"], r.json["phone"], r.json["sex"]) == (
        "Nguyễn Văn Ân",
        "0912345678",
        "M",
    )


def test_a_foreign_code_is_refused_and_nothing_is_written(post) -> None:  # type: ignore[no-untyped-def]
    before = _count(post)

    r = post("person", "add", "--cccd-qr", "https://vietqr.io/abc")

    assert r.code == 3
    assert "Đây không phải mã QR của thẻ Căn cước công dân" in r.err
    assert _count(post) == before


def test_a_misread_card_names_what_is_wrong(post) -> None:  # type: ignore[no-untyped-def]
    before = _count(post)
    misread = CARD.replace("01021990", "01021991").replace("|Nam|", "|Nữ|")

    r = post("--lang", "en", "person", "add", "--cccd-qr", misread, "--json")

    assert r.code == 3
    assert sorted(e["code"] for e in r.json["errors"]) == [
        "cccd.sex_mismatch",
        "cccd.year_mismatch",
    ]
    assert all(e["label"] == "ID number on the card" for e in r.json["errors"])
    assert _count(post) == before


def test_a_card_already_registered_is_refused_as_typed_data_is(post) -> None:  # type: ignore[no-untyped-def]
    assert post("person", "add", "--cccd-qr", CARD).code == 0

    again = post("person", "add", "--cccd-qr", CARD)

    assert again.code == 3
    assert "001090012345" in again.err and "Nguyễn Văn An" in again.err


def test_neither_a_name_nor_a_card_is_a_usage_error(post) -> None:  # type: ignore[no-untyped-def]
    assert post("person", "add", "--born", "1990").code == 2
