"""Vietnamese names: normalising, search folding and the Vietnamese sort order."""

from __future__ import annotations

import sqlite3
import unicodedata
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antt_desktop.domain.text import (
    fold,
    natural_key,
    normalize_name,
    search_terms,
    sort_key,
    split_name,
)


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# --- An independent reference for the sort order, written from the stated rules ---------

ALPHABET = list("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
# Each vowel with its tones in sort order: none, huyền, hỏi, ngã, sắc, nặng.
TONED = {
    "a": "aàảãáạ",
    "ă": "ăằẳẵắặ",
    "â": "âầẩẫấậ",
    "e": "eèẻẽéẹ",
    "ê": "êềểễếệ",
    "i": "iìỉĩíị",
    "o": "oòỏõóọ",
    "ô": "ôồổỗốộ",
    "ơ": "ơờởỡớợ",
    "u": "uùủũúụ",
    "ư": "ưừửữứự",
    "y": "yỳỷỹýỵ",
}
CHAR_INFO: dict[str, tuple[int, int]] = {letter: (ALPHABET.index(letter), 0) for letter in ALPHABET}
for _vowel, _forms in TONED.items():
    for _tone, _form in enumerate(_forms):
        CHAR_INFO[_form] = (ALPHABET.index(_vowel), _tone)

RefWord = tuple[tuple[int, ...], int]


def ref_word(word: str) -> RefWord:
    infos = [CHAR_INFO[ch] for ch in nfc(word).lower()]
    tones = [tone for _, tone in infos if tone]
    return tuple(letter for letter, _ in infos), (tones[0] if tones else 0)


def ref_key(name: str) -> tuple[object, ...]:
    """(given, middle words, family, tones in that word order) as the rules state them."""
    words = [ref_word(w) for w in name.split()]
    given, middle, family = words[-1], words[1:-1], words[:1] if len(words) > 1 else []
    ordered = [given, *middle, *family]
    return (
        given[0],
        tuple(w[0] for w in middle),
        family[0][0] if family else (),
        tuple(w[1] for w in ordered),
    )


def sign(a: Any, b: Any) -> int:
    return int(a > b) - int(a < b)


@st.composite
def vn_words(draw: st.DrawFn) -> str:
    letters = draw(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=5))
    vowels = [i for i, ch in enumerate(letters) if ch in TONED]
    add_tone = draw(st.booleans())
    if vowels and add_tone:
        i = draw(st.sampled_from(vowels))
        letters[i] = TONED[letters[i]][draw(st.integers(1, 5))]
    word = "".join(letters)
    return word.upper() if draw(st.booleans()) else word.capitalize()


@st.composite
def vn_names(draw: st.DrawFn) -> str:
    name = " ".join(draw(st.lists(vn_words(), min_size=1, max_size=4)))
    return nfd(name) if draw(st.booleans()) else name


# --- normalize_name ------------------------------------------------------------------------


def test_normalize_name_composes_and_folds_spaces() -> None:
    assert normalize_name(nfd("  Nguyễn   Văn\tĐức \n")) == "Nguyễn Văn Đức"
    assert unicodedata.is_normalized("NFC", normalize_name(nfd("Hoàng Thị Thuỷ")))


def test_normalize_name_keeps_case_and_punctuation() -> None:
    assert normalize_name("Số 12,  ngõ 3 ") == "Số 12, ngõ 3"


# --- fold and search_terms -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Nguyễn Văn Đức", "nguyen van duc"),
        ("ĐẶNG THỊ HƯƠNG", "dang thi huong"),
        ("Hòa", "hoa"),
        ("Hoà", "hoa"),
        ("Thủy", "thuy"),
        ("Thuỷ", "thuy"),
        ("Khỏe", "khoe"),
        ("Khoẻ", "khoe"),
        ("  Tổ   dân phố 5 ", "to dan pho 5"),
        ("H'Hen Niê", "h hen nie"),
        ("Lê-Văn.Tám, 1990!", "le van tam 1990"),
        ("", ""),
    ],
)
def test_fold_examples(text: str, folded: str) -> None:
    assert fold(text) == folded
    assert fold(nfd(text)) == folded


def test_fold_matches_keyboard_variants() -> None:
    variants = ["Hòa", "Hoà", nfd("Hòa"), nfd("Hoà"), "HOÀ", "hoa"]
    assert {fold(v) for v in variants} == {"hoa"}


def test_search_terms_splits_folded_query() -> None:
    assert search_terms("ng v duc") == ["ng", "v", "duc"]
    assert search_terms("  Nguyễn,  ĐỨC ") == ["nguyen", "duc"]
    assert search_terms(" ") == []


def test_search_terms_are_prefixes_of_the_folded_name() -> None:
    name_words = fold("Nguyễn Văn Đức").split()
    terms = search_terms("ng v duc")
    assert all(w.startswith(t) for t, w in zip(terms, name_words, strict=True))


@given(st.text())
def test_fold_is_idempotent(s: str) -> None:
    assert fold(fold(s)) == fold(s)


@given(st.text())
def test_fold_ignores_normalization_form(s: str) -> None:
    assert fold(nfd(s)) == fold(nfc(s)) == fold(s)


@given(st.text())
def test_fold_output_is_lowercase_words_without_marks(s: str) -> None:
    folded = fold(s)
    assert folded == folded.strip()
    assert "  " not in folded
    for word in folded.split(" "):
        assert word == "" or word.isalnum()
    assert not any(unicodedata.category(ch).startswith("M") for ch in folded)
    assert folded.lower() == folded


@given(vn_names())
def test_fold_of_vietnamese_names_is_ascii(name: str) -> None:
    folded = fold(name)
    assert folded.isascii()
    assert folded.replace(" ", "").isalpha()


# --- split_name ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("full", "parts"),
    [
        ("Nguyễn Thị Minh Khai", ("Nguyễn", "Thị Minh", "Khai")),
        ("Nguyễn Văn Đức", ("Nguyễn", "Văn", "Đức")),
        ("Lê Hoa", ("Lê", "", "Hoa")),
        ("Hoa", ("", "", "Hoa")),
        ("  Trần   Văn  An ", ("Trần", "Văn", "An")),
        ("", ("", "", "")),
    ],
)
def test_split_name(full: str, parts: tuple[str, str, str]) -> None:
    assert split_name(full) == parts


# --- sort_key ------------------------------------------------------------------------------


def test_sort_key_fixed_list() -> None:
    expected = [
        "Trần Văn An",  # "an" is a prefix of "anh": shorter first
        "Lê Thị Ánh",  # given "anh" ties; middle "thi" < "van" beats any tone
        "Nguyễn Văn Anh",  # letters tie with the next one; no tone < sắc
        "Nguyễn Văn Ánh",
        "Trần Văn Ân",  # a < ă < â
        "Lê Văn Bình",
        "Đặng Văn Dũng",  # given and middle tie; family "đ" < "n"
        "Nguyễn Văn Dung",
        "Hoàng Văn Dương",  # "dung" < "duong"
        "Nguyễn Văn Đức",  # d < đ
        "Lê Thị Hoà",
        "Trần Thị Hòa",  # same letters as "Hoà"; family "le" < "tran"
    ]
    shuffled = expected[::-1][3:] + expected[::-1][:3]
    assert sorted(shuffled, key=sort_key) == expected


def test_sort_key_tone_order() -> None:
    names = ["Lê Văn Bạ", "Lê Văn Bá", "Lê Văn Bã", "Lê Văn Bả", "Lê Văn Bà", "Lê Văn Ba"]
    assert sorted(names, key=sort_key) == names[::-1]


def test_sort_key_tones_break_ties_only_after_every_letter() -> None:
    # The tone of the given name is compared first, then middle, then family.
    assert sort_key("Lễ Văn Anh") < sort_key("Lê Văn Ánh")
    assert sort_key("Lê Văn Anh") < sort_key("Lễ Văn Anh")
    # Letters anywhere in the name beat tones: "Án" is shorter than "Anh".
    assert sort_key("Lê Văn Án") < sort_key("Lê Văn Anh")


def test_sort_key_middle_names_word_by_word() -> None:
    names = ["Trần Thị Minh An", "Nguyễn Văn An", "Trần Thị An", "Nguyễn An"]
    assert sorted(names, key=sort_key) == [
        "Nguyễn An",  # no middle name first
        "Trần Thị An",
        "Trần Thị Minh An",  # ("thi", "minh") after ("thi",)
        "Nguyễn Văn An",
    ]


def test_sort_key_alphabet_with_foreign_letters() -> None:
    words = ["Za", "Ya", "Xa", "Wa", "Va", "Ka", "Ja", "Ia", "Ga", "Fa", "Êa", "Ea"]
    assert sorted(words, key=sort_key) == words[::-1]
    assert sorted(["Ơn", "Ôn", "On", "Ưa", "Ua"], key=sort_key) == ["On", "Ôn", "Ơn", "Ua", "Ưa"]


def test_sort_key_is_case_and_form_insensitive() -> None:
    key = sort_key("Nguyễn Văn Đức")
    assert sort_key("NGUYỄN VĂN ĐỨC") == key
    assert sort_key(nfd("nguyễn văn đức")) == key
    assert sort_key("  Nguyễn  Văn Đức ") == key
    assert sort_key("Nguyễn Thị Hòa") == sort_key("Nguyễn Thị Hoà")
    assert sort_key("Trần Thủy") == sort_key("Trần Thuỷ")


def test_sort_key_edge_cases() -> None:
    assert sort_key("") == ""
    assert sort_key("  - ") == ""
    assert sort_key("Nguyễn - An") == sort_key("Nguyễn An")
    assert sort_key("Hoa") < sort_key("Lê Hoa")  # no family name first
    assert sort_key("Tổ 2") < sort_key("Tổ A")  # digits are kept, before letters


@given(vn_names())
def test_sort_key_invariant_under_form_and_case(name: str) -> None:
    key = sort_key(name)
    assert sort_key(nfc(name)) == key
    assert sort_key(nfd(name)) == key
    assert sort_key(name.lower()) == key
    assert sort_key(name.upper()) == key


CLUSTERS = ["oa", "oe", "uy"]


@given(
    st.sampled_from(["h", "kh", "th", "ng", "x", "t", "l"]),
    st.sampled_from(CLUSTERS),
    st.integers(1, 5),
    st.lists(vn_words(), max_size=3),
)
def test_sort_key_and_fold_invariant_under_tone_placement(
    onset: str, cluster: str, tone: int, others: list[str]
) -> None:
    first, second = cluster[0], cluster[1]
    old_style = onset + TONED[first][tone] + second  # "hòa", "thủy"
    new_style = onset + first + TONED[second][tone]  # "hoà", "thuỷ"
    name_old = " ".join([*others, old_style.capitalize()])
    name_new = " ".join([*others, new_style.capitalize()])
    assert sort_key(name_old) == sort_key(name_new)
    assert sort_key(nfd(name_old)) == sort_key(name_new)
    assert fold(name_old) == fold(name_new)


@given(vn_names(), vn_names())
def test_sort_key_agrees_with_reference_order(a: str, b: str) -> None:
    assert sign(sort_key(a), sort_key(b)) == sign(ref_key(a), ref_key(b))


@given(st.lists(vn_names(), max_size=20))
def test_sorting_by_key_gives_reference_order(names: list[str]) -> None:
    keys = [ref_key(n) for n in sorted(names, key=sort_key)]
    assert keys == sorted(keys)


@given(st.text())
def test_sort_key_is_safe_text(s: str) -> None:
    key = sort_key(s)
    assert "\x00" not in key
    assert key.isprintable()


def test_sqlite_binary_order_matches_python_order() -> None:
    names = [
        "Nguyễn Văn Đức",
        "Trần Văn An",
        "Lê Thị Ánh",
        "Nguyễn Văn Anh",
        "Đặng Văn Dũng",
        "Nguyễn Văn Dung",
        "Zorba Øster",
        "Phạm Ngọc Yến",
    ]
    db = sqlite3.connect(":memory:")
    try:
        db.execute("CREATE TABLE person (name TEXT, sort_key TEXT)")
        db.executemany("INSERT INTO person VALUES (?, ?)", [(n, sort_key(n)) for n in names])
        rows = db.execute("SELECT name FROM person ORDER BY sort_key").fetchall()
    finally:
        db.close()
    assert [r[0] for r in rows] == sorted(names, key=sort_key)


def test_natural_key_orders_titles_and_house_numbers_as_people_read_them() -> None:
    names = ["Thôn 10", "thôn 2", "Thôn", "Đồng Tâm", "Dương Hà", "12A", "10", "2a", "12", "13"]

    assert sorted(names, key=natural_key) == [
        "2a", "10", "12", "12A", "13", "Dương Hà", "Đồng Tâm", "Thôn", "thôn 2", "Thôn 10",
    ]  # fmt: skip
    assert natural_key("Hoa") < natural_key("Hòa") < natural_key("Hoan")  # tones break ties
    assert natural_key("Tổ 007") == natural_key("Tổ 7")


@given(st.integers(0, 10**12), st.integers(0, 10**12))
def test_natural_key_compares_numbers_by_value(a: int, b: int) -> None:
    assert (natural_key(f"số {a}") < natural_key(f"số {b}")) == (a < b)
