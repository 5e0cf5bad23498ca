"""What the window and the command line read about the post: units, areas, catalogues, the
names printed documents are titled with, and the database check."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import catalogues, post_rows
from antt_desktop.services.context import Actor
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.stats_model import UnitRef
from antt_desktop.services.units import add_area, add_unit
from antt_desktop.store.errors import NotFound
from tests.conftest import CHIEF

Ctxs = Callable[..., Any]
VIEWER = Actor("xem1", "viewer")
#: An account whose role grants nothing (a role the program does not know).
NOBODY = Actor("cu", "retired")


def test_catalogue_entries_come_in_the_catalogues_order(read: Ctxs) -> None:
    with read() as ctx:
        kinds = post_rows.catalogue_entries(ctx, catalogues.TEAM_KIND)
        every = post_rows.catalogue_entries(ctx)
    assert [k.code for k in kinds][:3] == ["grassroots_security", "people_security", "mediation"]
    assert kinds[2].name_vi == "Tổ hòa giải" and kinds[2].name_en == "Mediation team"
    assert {e.catalogue for e in every} >= {catalogues.TEAM_KIND, catalogues.ETHNIC}
    assert [e for e in every if e.catalogue == catalogues.TEAM_KIND] == list(kinds)


def test_the_post_and_the_units_named_on_a_command_line(write: Ctxs, read: Ctxs) -> None:
    with write(CHIEF) as ctx:
        upper = ctx.unit_by_code("CAT-HN").id
        add_unit(ctx, code="00071", name="Công an phường Ba Đình", parent_id=upper)
    with read() as ctx:
        here = post_rows.this_post(ctx)
        assert here == UnitRef(here.id, "00070", "Công an phường Hoàn Kiếm")
        assert post_rows.unit_or_post(ctx, None) == here
        assert post_rows.unit_or_post(ctx, "00071").name == "Công an phường Ba Đình"
        assert post_rows.unit_ref(ctx, upper).code == "CAT-HN"
        # the upper unit is no commune post; the posts come by name
        assert [p.code for p in post_rows.commune_posts(ctx)] == ["00071", "00070"]
        with pytest.raises(ValidationFailed) as refused:
            post_rows.unit_or_post(ctx, "99999")
    assert refused.value.problems[0].code == "unit.unknown"


def test_areas_by_name_ignoring_accents(write: Ctxs, read: Ctxs) -> None:
    with write() as ctx:
        for name in ("Tổ dân phố số 3", "Ấp Bình Minh", "Thôn Đông Thịnh"):
            add_area(ctx, name=name)
    with read() as ctx:
        rows = post_rows.areas(ctx)
        assert [a.name for a in rows] == ["Ấp Bình Minh", "Thôn Đông Thịnh", "Tổ dân phố số 3"]
        assert post_rows.area_named(ctx, "thon dong thinh") == rows[1]
        assert post_rows.area_ref(ctx, rows[0].id) == rows[0]
        with pytest.raises(ValidationFailed) as refused:
            post_rows.area_named(ctx, "Thôn Không Có")
        with pytest.raises(NotFound):
            post_rows.area_ref(ctx, "no-such-area")
    assert refused.value.problems[0].code == "area.unknown"


def test_names_a_printed_document_is_titled_with(write: Ctxs, read: Ctxs) -> None:
    with write() as ctx:
        person = add_person(ctx, PersonInput(full_name="Nguyễn Văn Hùng", born="1990", sex="M"))
        person_id = person.person.id
        dossier = open_dossier(ctx, DossierInput(person_id, "SUSPENDED", "15/03/2026")).id
        household = add_household(ctx, HouseholdInput(number="HK-12", head_person_id=person_id))
    # a name is no sensitive value: a viewer reads the same titles
    with read(VIEWER) as ctx:
        assert post_rows.person_name(ctx, person_id) == "Nguyễn Văn Hùng"
        assert post_rows.dossier_person_name(ctx, dossier) == "Nguyễn Văn Hùng"
        assert post_rows.household_ref(ctx, household.id).number == "HK-12"
        # a command line names a household by its number, or by its id
        assert post_rows.household_typed(ctx, " HK-12 ").id == household.id
        assert post_rows.household_typed(ctx, household.id).number == "HK-12"
        with pytest.raises(ValidationFailed) as refused:
            post_rows.household_typed(ctx, "HK-99")
        with pytest.raises(NotFound):
            post_rows.dossier_person_name(ctx, "no-such-dossier")
    assert refused.value.problems[0].code == "household.unknown"


def test_a_new_post_has_no_residents_until_one_is_added(write: Ctxs, read: Ctxs) -> None:
    with read() as ctx:
        assert post_rows.has_residents(ctx) is False
    with write() as ctx:
        add_person(ctx, PersonInput(full_name="Trần Thị Mai", born="1985", sex="F"))
    with read() as ctx:
        assert post_rows.has_residents(ctx) is True


def test_a_sound_post_has_no_database_problems(write: Ctxs, read: Ctxs) -> None:
    with write() as ctx:
        add_person(ctx, PersonInput(full_name="Trần Thị Mai", born="1985", sex="F"))
    with read() as ctx:
        assert post_rows.database_problems(ctx) == ()


def test_a_role_that_may_not_read_is_refused(read: Ctxs) -> None:
    with read(NOBODY) as ctx:
        for call in (
            lambda: post_rows.this_post(ctx),
            lambda: post_rows.commune_posts(ctx),
            lambda: post_rows.areas(ctx),
            lambda: post_rows.catalogue_entries(ctx),
            lambda: post_rows.has_residents(ctx),
        ):
            with pytest.raises(PermissionDenied):
                call()
