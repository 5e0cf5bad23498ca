"""Accent-insensitive search the way officers type, kept in step with every write."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import text

from antt_desktop.services.people import PersonInput, add_person, edit_person
from antt_desktop.services.search import search
from antt_desktop.store import search_documents, search_index, search_index_check

PEOPLE = [
    ("Nguyễn Văn Đức", "019085012345", "Số 5, ngõ 12, Tổ dân phố số 3"),
    ("Trần Thị Hòa", "019190012346", "Thôn Đồng Tâm"),
    ("Lê Thị Thủy", None, "Bản Nà Phìa"),
    ("Nguyễn Văn Dũng", None, None),
    ("Phạm Đức Khỏe", None, None),
]


@pytest.fixture
def people(write) -> dict[str, str]:  # type: ignore[no-untyped-def]
    ids = {}
    with write() as ctx:
        for name, idn, address in PEOPLE:
            born = "1985" if idn and idn[3] == "0" else "1990" if idn else None
            sex = None if not idn else ("M" if idn[3] == "0" else "F")
            r = add_person(
                ctx,
                PersonInput(
                    full_name=name, id_number=idn, born=born, sex=sex, current_address=address
                ),
            )
            ids[name] = r.person.id
    return ids


def _names(read, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    with read() as ctx:
        return [h.name for h in search(ctx, query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van duc", "Nguyễn Văn Đức"),
        ("Nguyễn Văn Đức", "Nguyễn Văn Đức"),
        ("ng v duc", "Nguyễn Văn Đức"),
        ("Nguyễn V Dũ", "Nguyễn Văn Dũng"),  # the given name still being typed
        ("ng v", "Nguyễn Văn Dũng"),  # initials: every Nguyễn Văn, and Ngô Đức Vượng too
        ("Hoà", "Trần Thị Hòa"),  # new-style tone placement finds old-style
        ("hoa", "Trần Thị Hòa"),
        ("Thuỷ", "Lê Thị Thủy"),
        ("Khoẻ", "Phạm Đức Khỏe"),
        (unicodedata.normalize("NFD", "Trần Thị Hòa"), "Trần Thị Hòa"),  # decomposed input
        ("019190012346", "Trần Thị Hòa"),  # a whole ID number, by its blind index
        ("0191 9001 2346", "Trần Thị Hòa"),  # as printed on the card
        ("dong tam", "Trần Thị Hòa"),  # address
    ],
)
def test_officers_find_people_as_they_type(people, read, query, expected) -> None:  # type: ignore[no-untyped-def]
    assert _names(read, query)[0] == expected


def test_a_name_match_ranks_above_an_address_match(people, write, read) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        add_person(ctx, PersonInput(full_name="Hoàng Thị Mai", current_address="Xóm Đức Thắng"))
    # "duc" is Nguyễn Văn Đức's given name, Phạm Đức Khỏe's middle name and in Hoàng Thị
    # Mai's address: the given name first, then the other name, the address last.
    assert _names(read, "duc") == ["Nguyễn Văn Đức", "Phạm Đức Khỏe", "Hoàng Thị Mai"]


def test_a_list_full_of_names_typed_as_initials_shows_those_names(people, read) -> None:  # type: ignore[no-untyped-def]
    # the list asks for its own order (ranked=False); two names fill a list of two
    with read() as ctx:
        conn = ctx.session.connection()
        hits = search_index.search(conn, "ng v", limit=2, kind="person", ranked=False)
        names = {
            ctx.session.execute(
                text("SELECT full_name FROM persons WHERE id = :i"), {"i": h.ref}
            ).scalar_one()
            for h in hits
        }
    assert names == {"Nguyễn Văn Đức", "Nguyễn Văn Dũng"}


def test_no_match_and_empty_query(people, read) -> None:  # type: ignore[no-untyped-def]
    assert _names(read, "xyzzy") == []
    assert _names(read, "  ,  ") == []


def test_index_follows_edits(people, write, read) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        edit_person(ctx, people["Lê Thị Thủy"], {"full_name": "Lê Thị Hằng"}, reason="Đổi tên")
    assert _names(read, "thuy") == []
    assert _names(read, "hang") == ["Lê Thị Hằng"]
    with read() as ctx:
        assert search_index_check.verify(ctx.session.connection()) == []


def test_verify_finds_an_index_out_of_step(people, db, read) -> None:  # type: ignore[no-untyped-def]
    with db.write() as s:
        s.execute(text("DELETE FROM search_fts WHERE rowid = (SELECT min(docid) FROM search_docs)"))
    with read() as ctx:
        problems = search_index_check.verify(ctx.session.connection())
    assert problems
    with db.write() as s:
        assert search_documents.rebuild(s.connection()) == len(PEOPLE)
    with read() as ctx:
        assert search_index_check.verify(ctx.session.connection()) == []


def test_one_word_finds_that_given_name_before_longer_names(write, read) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        for name in ("Hoàng Văn An", "Hoàng Thị Bích", "Trần Thị Hòa", "Lê Hoà"):
            add_person(ctx, PersonInput(full_name=name))
    names = _names(read, "hoa")
    assert names[:2] == ["Trần Thị Hòa", "Lê Hoà"] or names[:2] == ["Lê Hoà", "Trần Thị Hòa"]
    assert set(names[2:]) == {"Hoàng Văn An", "Hoàng Thị Bích"}


def test_given_name_first_and_repeated_initials(write, read) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        for name in ("Nguyễn Đức Duy", "Nguyễn Văn Duy", "Trần Tú Tú", "Nguyễn Tú Anh"):
            add_person(ctx, PersonInput(full_name=name))
    assert _names(read, "duy nguyen") == ["Nguyễn Đức Duy", "Nguyễn Văn Duy"]
    assert _names(read, "ng du duy") == ["Nguyễn Đức Duy"]  # "du" must start another word
    assert _names(read, "tr tu tu") == ["Trần Tú Tú"]


def test_a_name_typed_from_the_family_name(write, read) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        for name in ("Nguyễn Thị Chi", "Nguyễn Thị Chiến", "Nguyễn Thị Bích Chi"):
            add_person(ctx, PersonInput(full_name=name))
    assert _names(read, "Nguyễn Thị Chi")[:2] == ["Nguyễn Thị Chi", "Nguyễn Thị Chiến"]
    assert "Nguyễn Thị Bích Chi" in _names(read, "nguyen thi chi")
