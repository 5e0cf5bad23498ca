"""People are listed the Vietnamese way, a page at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.services import listing
from antt_desktop.services.context import Actor
from antt_desktop.services.dossier_records import AssessmentInput, assess
from antt_desktop.services.dossiers import DossierInput, close_dossier, open_dossier
from antt_desktop.services.listing import count_people, people_page
from antt_desktop.services.people import PersonInput, add_person
from tests.conftest import CHIEF

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


# --- the managed-persons list -----------------------------------------------------------------


@pytest.fixture
def dossiers(write) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Three dossiers on 22/11/2026: one overdue, one assessed up to date, one closed."""
    with write() as ctx:
        ids = {
            name: add_person(
                ctx, PersonInput(full_name=name, born=born, id_number=number)
            ).person.id
            for name, born, number in (
                ("Nguyễn Văn Đức", "1990", "001090012345"),
                ("Trần Thị Hoà", "05/06/1991", None),
                ("Lê Văn An", "1985", None),
            )
        }

        def opened(name: str, category: str, day: str, officer: str) -> str:
            data = DossierInput(ids[name], category, day, officer_name=officer)
            return open_dossier(ctx, data).id

        late = opened("Nguyễn Văn Đức", "SUSPENDED", "01/09/2026", "Lê Thanh Nam")
        ok = opened("Trần Thị Hoà", "SUSPENDED", "15/10/2026", "Đỗ Thu")
        data = AssessmentInput(ok, "2026-10", "20/11/2026", "Lê Thanh Nam", "Chấp hành tốt.")
        assess(ctx, replace(data, rating="Chấp hành tốt"))
        closed = opened("Lê Văn An", "MINOR", "01/01/2025", "Đỗ Thu")
    with write(CHIEF) as ctx:
        close_dossier(ctx, closed, "10/11/2026", "term_completed")
    return {"late": late, "ok": ok, "closed": closed}


def test_dossiers_with_the_assessment_each_still_needs(read, dossiers) -> None:  # type: ignore[no-untyped-def]
    with read() as ctx:
        found = listing.dossier_ids(ctx, listing.DossierFilter())
        due = {d.dossier_id: d for d in found.due}
        rows = {r.id: r for r in listing.dossier_rows(ctx, found.ids, due)}
    assert found.ids == (dossiers["closed"], dossiers["late"], dossiers["ok"])  # An, Đức, Hoà
    late, ok, closed = (rows[dossiers[k]] for k in ("late", "ok", "closed"))
    assert (late.person_name, late.born, late.id_number) == (
        "Nguyễn Văn Đức",
        "1990",
        "•••••••••345",
    )
    assert (late.category_name("vi"), late.opened_on) == (
        "Người được hưởng án treo",
        date(2026, 9, 1),
    )
    assert late.next_due is not None and late.next_due.status == "overdue"
    assert (late.next_due.period.label(), late.next_due.due_on) == ("2026-09", date(2026, 10, 5))
    assert ok.next_due is not None and ok.next_due.status == "upcoming"
    assert (ok.next_due.period.label(), ok.next_due.due_on) == ("2026-11", date(2026, 12, 5))
    assert (closed.status, closed.closed_on, closed.next_due) == (
        "closed",
        date(2026, 11, 10),
        None,
    )


def test_dossier_filters_and_the_order_of_the_next_assessment(read, dossiers) -> None:  # type: ignore[no-untyped-def]
    def ids(**given: Any) -> tuple[str, ...]:
        with read() as ctx:
            return listing.dossier_ids(ctx, listing.DossierFilter(**given)).ids

    assert ids(status="open", due=listing.DUE_OR_OVERDUE) == (dossiers["late"],)
    assert ids(officer="Đỗ Thu") == (dossiers["closed"], dossiers["ok"])
    assert ids(year=2025) == (dossiers["closed"],)
    assert ids(sort="next", status="open") == (dossiers["late"], dossiers["ok"])
    assert ids(sort="opened", descending=True)[0] == dossiers["ok"]
    with read() as ctx:
        hits = listing.dossier_ids(ctx, listing.DossierFilter(), [])
    assert hits.ids == ()


@pytest.mark.parametrize("descending", [False, True])
def test_a_dossier_without_an_officer_comes_first_going_up_and_last_going_down(
    write, read, dossiers, descending: bool
) -> None:  # type: ignore[no-untyped-def]
    with write() as ctx:
        person = add_person(ctx, PersonInput(full_name="Phạm Văn Bình")).person.id
        blank = open_dossier(ctx, DossierInput(person, "SUSPENDED", "01/11/2026")).id
    by_officer = listing.DossierFilter(sort="officer", descending=descending)
    with read() as ctx:
        found = listing.dossier_ids(ctx, by_officer).ids
    assert len(found) == 4
    assert found[-1 if descending else 0] == blank


def test_the_whole_list_for_the_command_line(read, dossiers) -> None:  # type: ignore[no-untyped-def]
    with read() as ctx:
        rows = listing.dossier_list(ctx, listing.DossierFilter(category_code="suspended"))
        with pytest.raises(ValidationFailed) as refused:
            listing.dossier_list(ctx, listing.DossierFilter(category_code="nope"))
    assert [(r.person_name, r.id_number, r.next_due) for r in rows] == [
        ("Nguyễn Văn Đức", "•••••••••345", None),
        ("Trần Thị Hoà", "", None),
    ]
    assert [(p.field, p.code, p.params) for p in refused.value.problems] == [
        ("category_code", "dossier.category_unknown", {"value": "nope"})
    ]


def test_a_viewer_sees_the_same_masked_rows(read, dossiers) -> None:  # type: ignore[no-untyped-def]
    with read(Actor("xem1", "viewer")) as ctx:
        rows = listing.dossier_list(ctx, listing.DossierFilter(status="open"))
    assert [r.id_number for r in rows] == ["•••••••••345", ""]


def test_the_choices_of_the_filters(read, dossiers) -> None:  # type: ignore[no-untyped-def]
    with read() as ctx:
        choices = listing.dossier_choices(ctx)
        unit = ctx.local_unit()
    assert ("SUSPENDED", "Người được hưởng án treo") in [
        (c, vi) for c, vi, _en in choices.categories
    ]
    assert choices.officers == ("Đỗ Thu", "Lê Thanh Nam")  # as written, accents aside
    assert choices.years == (2026, 2025)
    assert choices.posts == ((unit.id, unit.name),)
