"""Household pledges: one per household and year, signing a whole area, coverage."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import event, func, select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.domain.rates import Ratio
from antt_desktop.domain.text import fold, sort_key
from antt_desktop.services import catalogues
from antt_desktop.services import pledges as pl
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.units import add_area
from antt_desktop.store.base import NATURAL_NS
from antt_desktop.store.errors import NotFound
from antt_desktop.store.models import AuditEntry, Household, Person, Pledge


def _count(ctx, cls=Pledge):
    return ctx.session.execute(select(func.count()).select_from(cls)).scalar_one()


def _refused(exc_info):
    return [(p.field, p.code) for p in exc_info.value.problems]


def _household(ctx, number, area_id=None, head=None):
    head_id = add_person(ctx, PersonInput(full_name=head)).person.id if head else None
    return add_household(
        ctx, HouseholdInput(number=number, area_id=area_id, head_person_id=head_id)
    ).id


@pytest.fixture
def village(write):
    """Thôn Bắc with households 1 (head Hoàng Văn Minh), 2 (head Đinh Thị Lan), 3 (no head)."""
    with write() as ctx:
        area = add_area(ctx, name="Thôn Bắc")
        return {
            "area": area.id,
            "unit": area.unit_id,
            "h1": _household(ctx, "1", area.id, "Hoàng Văn Minh"),
            "h2": _household(ctx, "2", area.id, "Đinh Thị Lan"),
            "h3": _household(ctx, "3", area.id),
        }


def _sign(ctx, household_id, year=2026, **overrides):
    values = {
        "signed_on": "15/03/2026",
        "signer_name": "Hoàng Văn Minh",
        "officer_name": "Thượng úy Lê Văn Công",
    }
    values.update(overrides)
    return pl.record_pledge(ctx, household_id, year, **values)


def test_pledge_is_saved_on_the_current_template_with_a_natural_key_id(village, write, read):
    with write() as ctx:
        pledge = _sign(ctx, village["h1"], cultured_family=True)
    # the same derivation as the demo generator and every other node: UUIDv5 of the key
    assert pledge.id == str(uuid.uuid5(NATURAL_NS, f"pledges:{village['h1']}:2026"))
    assert pl.pledge_id(village["h1"], 2026) == pledge.id
    assert pl.pledge_id(village["h1"], 2025) != pledge.id
    assert pl.pledge_id(village["h2"], 2026) != pledge.id
    version, items = catalogues.pledge_template()
    with read() as ctx:
        saved = pl.pledge_of(ctx.session, village["h1"], 2026)
        assert (saved.signed_on, saved.signer_name, saved.officer_name, saved.status) == (
            date(2026, 3, 15),
            "Hoàng Văn Minh",
            "Thượng úy Lê Văn Công",
            "signed",
        )
        assert (saved.template_version, saved.items, saved.cultured_family) == (
            version,
            items,
            True,
        )
        assert len(saved.items) == 8
        assert ctx.session.execute(
            select(AuditEntry.action).where(AuditEntry.entity_id == saved.id)
        ).scalars().all() == ["create"]


def test_second_pledge_for_the_same_year_is_refused(village, write, read):
    with write() as ctx:
        _sign(ctx, village["h1"])
    with write() as ctx:
        audit = _count(ctx, AuditEntry)
        with pytest.raises(ValidationFailed) as exc:
            _sign(ctx, village["h1"], signed_on=date(2026, 4, 1), signer_name="Hoàng Thị Mai")
        assert _refused(exc) == [("year", "pledge.exists")]
        assert exc.value.problems[0].params == {"year": 2026, "number": "1"}
        assert (_count(ctx), _count(ctx, AuditEntry)) == (1, audit)
    with write() as ctx:  # another year is another pledge
        _sign(ctx, village["h1"], 2025, signed_on="20/02/2025")
    with read() as ctx:
        assert _count(ctx) == 2
        assert pl.pledge_of(ctx.session, village["h1"], 2026).signer_name == "Hoàng Văn Minh"


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"signed_on": "23/11/2026"}, [("signed_on", "date.future")]),
        ({"signed_on": "31/12/2025"}, [("signed_on", "pledge.date_outside_year")]),
        ({"signed_on": "31/02/2026"}, [("signed_on", "date.invalid")]),
        ({"signed_on": "tháng 3"}, [("signed_on", "date.format")]),
        ({"signed_on": None}, [("signed_on", "required")]),
        ({"signer_name": "  "}, [("signer_name", "required")]),
        ({"signer_name": "A" * 121}, [("signer_name", "too_long")]),
        ({"status": "lost"}, [("pledge_status", "choice")]),
        ({"status": "violated"}, [("violation_notes", "required")]),
        ({"cultured_family": "có"}, [("cultured_family", "choice")]),
    ],
)
def test_bad_pledge_is_refused_and_nothing_written(village, write, overrides, expected):
    with write() as ctx:
        audit = _count(ctx, AuditEntry)
        with pytest.raises(ValidationFailed) as exc:
            _sign(ctx, village["h1"], **overrides)
        assert _refused(exc) == expected
        assert (_count(ctx), _count(ctx, AuditEntry)) == (0, audit)


def test_unknown_household_and_bad_year_are_refused(village, write):
    with write() as ctx:
        with pytest.raises(ValidationFailed) as exc:
            _sign(ctx, "no-such-household")
        assert _refused(exc) == [("household_id", "household.unknown")]
        with pytest.raises(ValidationFailed) as exc:
            _sign(ctx, village["h1"], 1985, signed_on="01/01/1985")
        assert _refused(exc) == [("year", "year.range")]
        assert _count(ctx) == 0


def test_refusal_needs_no_signer(village, write, read):
    with write() as ctx:
        pledge = _sign(ctx, village["h2"], status="refused", signer_name=None, signed_on=None)
    with read() as ctx:
        saved = ctx.session.get(Pledge, pledge.id)
        assert (saved.status, saved.signer_name, saved.signed_on) == ("refused", None, None)


def test_edit_and_mark_violated(village, write, read):
    with write() as ctx:
        pledge = _sign(ctx, village["h1"])
        refused = _sign(ctx, village["h2"], status="refused", signer_name=None)
    with write() as ctx:
        pl.edit_pledge(ctx, pledge.id, {"cultured_family": False, "signed_on": "16/03/2026"})
        pl.mark_violated(ctx, pledge.id, "Con trai tham gia đua xe trái phép ngày 02/9/2026")
    with read() as ctx:
        saved = ctx.session.get(Pledge, pledge.id)
        assert (saved.status, saved.cultured_family, saved.signed_on) == (
            "violated",
            False,
            date(2026, 3, 16),
        )
        assert saved.violation_notes.startswith("Con trai tham gia đua xe")
        assert "status" in saved.field_stamps
    with write() as ctx:
        for call, expected in (
            (
                lambda: pl.mark_violated(ctx, refused.id, "x"),
                [("pledge_status", "pledge.not_signed")],
            ),
            (lambda: pl.mark_violated(ctx, pledge.id, " "), [("violation_notes", "required")]),
            (lambda: pl.edit_pledge(ctx, pledge.id, {"year": 2025}), [("year", "field.unknown")]),
            (
                lambda: pl.edit_pledge(ctx, pledge.id, {"signed_on": "01/01/2027"}),
                [("signed_on", "date.future")],
            ),
        ):
            with pytest.raises(ValidationFailed) as exc:
                call()
            assert _refused(exc) == expected
        saved = ctx.session.get(Pledge, pledge.id)
        assert (saved.year, saved.signed_on) == (2026, date(2026, 3, 16))
        assert ctx.session.get(Pledge, refused.id).status == "refused"
        with pytest.raises(NotFound):
            pl.edit_pledge(ctx, "no-such-pledge", {})


def test_sign_area_marks_every_household_without_a_pledge(village, write, read):
    with write() as ctx:
        other = add_area(ctx, name="Thôn Nam")
        elsewhere = _household(ctx, "9", other.id, "Vi Văn Sơn")
        _sign(ctx, village["h2"], status="refused", signer_name=None)
        moved = _household(ctx, "4", village["area"], "Lò Thị Xuân")
        ctx.session.get(Household, moved).deleted = True
    with write() as ctx:
        result = pl.sign_area(
            ctx, village["area"], 2026, signed_on="05/04/2026", officer_name="Lê Văn Công"
        )
    assert (result.created, result.already_pledged) == (1, 1)
    assert [(h.id, h.number) for h in result.skipped_without_head] == [(village["h3"], "3")]
    with read() as ctx:
        made = pl.pledge_of(ctx.session, village["h1"], 2026)
        assert (made.id, made.signer_name, made.officer_name, made.signed_on, made.status) == (
            pl.pledge_id(village["h1"], 2026),
            "Hoàng Văn Minh",
            "Lê Văn Công",
            date(2026, 4, 5),
            "signed",
        )
        assert made.items == catalogues.pledge_template()[1]
        assert pl.pledge_of(ctx.session, village["h2"], 2026).status == "refused"
        assert pl.pledge_of(ctx.session, village["h3"], 2026) is None
        assert pl.pledge_of(ctx.session, elsewhere, 2026) is None
        assert pl.pledge_of(ctx.session, moved, 2026) is None
    with write() as ctx:  # a second run finds nothing left to sign
        again = pl.sign_area(
            ctx, village["area"], 2026, signed_on="06/04/2026", officer_name="Lê Văn Công"
        )
        assert (again.created, again.already_pledged, len(again.skipped_without_head)) == (0, 2, 1)


@pytest.mark.parametrize(
    ("area", "signed_on", "expected"),
    [
        ("nowhere", "05/04/2026", [("area_id", "area.unknown")]),
        (None, "05/04/2025", [("signed_on", "pledge.date_outside_year")]),
        (None, "", [("signed_on", "required")]),
        (None, "01/12/2026", [("signed_on", "date.future")]),
    ],
)
def test_sign_area_refusals_write_nothing(village, write, area, signed_on, expected):
    with write() as ctx:
        with pytest.raises(ValidationFailed) as exc:
            pl.sign_area(
                ctx, area or village["area"], 2026, signed_on=signed_on, officer_name="Lê Văn Công"
            )
        assert _refused(exc) == expected
        assert _count(ctx) == 0


def test_sign_area_with_500_households_takes_a_few_statements(db, write, read):
    with write() as ctx:
        area = add_area(ctx, name="Tổ dân phố 7", kind="to_dan_pho")
        unit_id = area.unit_id
        heads = []
        for i in range(500):
            name = f"Nguyễn Văn Hộ {i}"
            heads.append(
                Person(
                    unit_id=unit_id, full_name=name, name_folded=fold(name), sort_key=sort_key(name)
                )
            )
        ctx.session.add_all(heads)
        ctx.session.flush()
        ctx.session.add_all(
            [
                Household(
                    unit_id=unit_id,
                    number=f"TDP7-{i:03d}",
                    area_id=area.id,
                    head_person_id=None if i % 100 == 0 else p.id,
                )
                for i, p in enumerate(heads)
            ]
        )
    statements: list[str] = []

    def _count_statement(_conn, _cursor, sql, *_args):
        statements.append(sql)

    event.listen(db.engine, "before_cursor_execute", _count_statement)
    try:
        with write() as ctx:
            result = pl.sign_area(
                ctx, area.id, 2026, signed_on="10/10/2026", officer_name="Lê Văn Công"
            )
    finally:
        event.remove(db.engine, "before_cursor_execute", _count_statement)
    assert (result.created, result.already_pledged, len(result.skipped_without_head)) == (495, 0, 5)
    assert len(statements) <= 12, statements
    with read() as ctx:
        assert _count(ctx) == 495
        assert (
            ctx.session.execute(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "sign_area")
            ).scalar_one()
            == 1
        )


def test_coverage_per_area_and_in_total(village, write, read):
    with write() as ctx:
        south = add_area(ctx, name="Thôn Nam")
        empty = add_area(ctx, name="Thôn Trung")
        s1 = _household(ctx, "S1", south.id, "Vi Văn Sơn")
        s2 = _household(ctx, "S2", south.id, "Vi Thị Hoa")
        loose = _household(ctx, "L1", None, "Lương Văn Tú")
        gone = _household(ctx, "G1", south.id, "Tòng Văn Pao")
        _sign(ctx, village["h1"])
        _sign(ctx, village["h2"], status="refused", signer_name=None)
        _sign(ctx, s1, status="violated", violation_notes="Đánh bạc ngày 10/6/2026")
        _sign(ctx, s2)
        _sign(ctx, loose)
        _sign(ctx, gone)
        _sign(ctx, s2, 2025, signed_on="01/02/2025")  # another year does not count
        ctx.session.get(Household, gone).deleted = True
    with read() as ctx:
        rows = pl.pledge_coverage(ctx.session, 2026, village["unit"])
    table = [
        (r.area_name, r.households, r.pledged, r.refused, r.violated, r.is_total) for r in rows
    ]
    assert table == [
        ("Thôn Bắc", 3, 1, 1, 0, False),
        ("Thôn Nam", 2, 1, 0, 1, False),
        ("Thôn Trung", 0, 0, 0, 0, False),
        (None, 1, 1, 0, 0, False),
        (None, 6, 3, 1, 1, True),
    ]
    assert rows[0].area_id == village["area"] and rows[2].area_id == empty.id
    # a household that signed and later broke its pledge still signed it: 4 of 6
    assert (rows[1].ratio, rows[-1].ratio) == (Ratio(2, 2), Ratio(4, 6))
    assert rows[2].ratio.percent is None


def test_a_deleted_pledge_comes_back_under_the_same_id(village, write, read):
    with write() as ctx:
        first = _sign(ctx, village["h1"])
        pl.sign_area(ctx, village["area"], 2025, signed_on="02/02/2025", officer_name=None)
        first.deleted = True
        pl.pledge_of(ctx.session, village["h2"], 2025).deleted = True
    with write() as ctx:
        again = _sign(ctx, village["h1"], signer_name="Hoàng Thị Mai")
        result = pl.sign_area(ctx, village["area"], 2025, signed_on="03/02/2025", officer_name=None)
    assert again.id == first.id
    assert (result.created, result.already_pledged) == (1, 1)
    with read() as ctx:
        assert _count(ctx) == 3
        assert pl.pledge_of(ctx.session, village["h1"], 2026).signer_name == "Hoàng Thị Mai"
        assert pl.pledge_of(ctx.session, village["h2"], 2025).signed_on == date(2025, 2, 3)
