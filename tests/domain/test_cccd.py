"""Reading the QR code of a citizen ID card: what a scanner types, and what is refused."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_desktop.domain.cccd import CardData, find_candidate, parse_card, read_card
from antt_desktop.domain.enums import Sex
from antt_desktop.domain.errors import Problem, ValidationFailed
from antt_desktop.domain.idnumber import make_id_number
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator

CARD = (
    "001090012345|123456789|Nguyễn Văn An|01021990|Nam|"
    "Thôn 3, Xã Phú Lương, Huyện Đại Từ, Thái Nguyên|15082021"
)
TODAY = date(2026, 11, 22)


def problems_of(text: str) -> list[Problem]:
    result = parse_card(text, today=TODAY)
    assert isinstance(result, list), result
    return result


def vietnamese(problems: list[Problem]) -> list[str]:
    tr = Translator("vi")
    return [describe(p, tr) for p in problems]


def test_a_card_gives_its_holder() -> None:
    card = read_card(CARD, today=TODAY)

    assert card == CardData(
        id_number="001090012345",
        old_id="123456789",
        full_name="Nguyễn Văn An",
        born=date(1990, 2, 1),
        sex=Sex.MALE,
        address="Thôn 3, Xã Phú Lương, Huyện Đại Từ, Thái Nguyên",
        issued=date(2021, 8, 15),
    )
    assert card.person_values() == {
        "full_name": "Nguyễn Văn An",
        "born": "01/02/1990",
        "sex": "M",
        "id_number": "001090012345",
        "legacy_id": "123456789",
        "permanent_address": "Thôn 3, Xã Phú Lương, Huyện Đại Từ, Thái Nguyên",
    }


def test_no_old_number_extra_fields_and_the_scanners_enter_are_accepted() -> None:
    text = (
        "079101000123||Trần Thị Bích|05071901|Nữ|Phường 1, Quận 3, TP. Hồ Chí Minh|01072024|x|\r\n"
    )

    card = read_card(text, today=TODAY)

    assert (card.id_number, card.old_id, card.sex, card.born) == (
        "079101000123",
        None,
        Sex.FEMALE,
        date(1901, 7, 5),
    )
    assert "legacy_id" not in card.person_values()


def test_decomposed_accents_and_upper_case_sex_are_read() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", CARD.replace("|Nam|", "|NAM|"))

    card = read_card(text, today=TODAY)

    assert card.full_name == "Nguyễn Văn An"
    assert card.sex is Sex.MALE


@pytest.mark.parametrize(
    "text",
    [
        "https://example.vn/pay?id=001090012345|a|b|c|d|e|f",
        "00020101021238570010A000000727012700069704220113VQRQ12345678",  # a bank's VietQR
        "Xin chào",
        "",
        "CCCD|Nguyễn Văn An|01021990|Nam",
    ],
)
def test_a_foreign_code_is_named_not_a_card(text: str) -> None:
    assert vietnamese(problems_of(text)) == [
        "Mã QR trên thẻ CCCD: Đây không phải mã QR của thẻ Căn cước công dân"
    ]


def test_missing_fields_are_counted() -> None:
    problems = problems_of("001090012345|123456789|Nguyễn Văn An|01021990")

    assert [(p.code, dict(p.params)) for p in problems] == [
        ("cccd.field_count", {"expected": 7, "found": 4})
    ]
    assert "có 4 phần" in vietnamese(problems)[0]


def test_each_wrong_field_is_named() -> None:
    text = "00109001234|12345|  |31021990|Khác|Hà Nội|40132021"

    found = {p.field: p.code for p in problems_of(text)}

    assert found == {
        "cccd_qr.id_number": "id_number.length",
        "cccd_qr.old_id": "legacy_id.length",
        "cccd_qr.full_name": "cccd.empty",
        "cccd_qr.born": "cccd.date",
        "cccd_qr.sex": "cccd.sex",
        "cccd_qr.issued": "cccd.date",
    }
    words = "\n".join(vietnamese(problems_of(text)))
    assert "Số định danh trên thẻ: phải có đúng 12 chữ số (đã nhập 11)" in words
    assert "'31021990' không phải là ngày" in words
    assert "'Khác'" in words


def test_the_number_must_agree_with_the_sex_and_birth_year_on_the_card() -> None:
    female_number = make_id_number("001", Sex.FEMALE, 1990, 12345)
    text = CARD.replace("001090012345", female_number).replace("01021990", "01021991")

    problems = problems_of(text)

    assert sorted(p.code for p in problems) == ["cccd.sex_mismatch", "cccd.year_mismatch"]
    assert all(p.is_error for p in problems)


def test_future_and_impossible_dates_are_refused() -> None:
    text = CARD.replace("15082021", "15082030")
    assert [p.code for p in problems_of(text)] == ["date.future"]
    text = CARD.replace("15082021", "15081980")
    assert [p.code for p in problems_of(text)] == ["cccd.issued_before_birth"]


def test_read_card_raises_the_problems() -> None:
    with pytest.raises(ValidationFailed) as refused:
        read_card("hello")
    assert [p.code for p in refused.value.problems] == ["cccd.not_card"]


def test_a_scan_typed_after_other_text_is_found() -> None:
    assert find_candidate("Nguyễn " + CARD) == CARD
    assert find_candidate("abc" + CARD + "\r\n") == CARD
    assert find_candidate("Nguyễn Văn An") is None
    assert find_candidate("001090012345") is None


@given(
    sex=st.sampled_from(list(Sex)),
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)),
    serial=st.integers(0, 999_999),
    name=st.text(
        alphabet=st.sampled_from("aăâbcdđeêghiklmnoôơpqrstuưvxyàáạảãẮỆ "), min_size=1, max_size=40
    ).filter(lambda s: s.strip()),
)
def test_any_card_made_reads_back(sex: Sex, born: date, serial: int, name: str) -> None:
    number = make_id_number("036", sex, born.year, serial)
    word = "Nam" if sex is Sex.MALE else "Nữ"
    text = f"{number}||{name}|{born:%d%m%Y}|{word}|Xã Hải Hậu|01012026"

    card = read_card(text, today=TODAY)

    assert (card.id_number, card.sex, card.born) == (number, sex, born)
    assert card.full_name == " ".join(name.split())
