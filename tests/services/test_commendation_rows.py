"""Commendations as the window reads them: decisions listed and searched, one decision's
recipients in the order such decisions list them, a record's commendations, whom a decision
may commend, and the refusal."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import commendation_rows as rows
from antt_desktop.services.commendations import DecisionInput, add_commendations_batch
from antt_desktop.services.context import Actor
from antt_desktop.services.initiatives import InitiativeInput, add_initiative
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.teams import add_team
from antt_desktop.store.errors import NotFound

#: An account whose role grants nothing (a role this version does not know).
NOBODY = Actor("khach", "guest")
ACHIEVEMENT = "Có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc"


@pytest.fixture
def post(write: Any) -> dict[str, str]:
    """A 2025 bằng khen for a team, and a 2026 giấy khen for a team, two residents and an
    association named in text."""
    with write() as ctx:
        unit = ctx.local_unit().id
        team = add_team(ctx, "self_managed", "Tổ tự quản số 3").id
        an = add_person(ctx, PersonInput(full_name="Nguyễn Văn An")).person.id
        binh = add_person(ctx, PersonInput(full_name="Trần Thị Bình")).person.id
        add_commendations_batch(
            ctx,
            DecisionInput(
                "bang_khen", "Chủ tịch UBND tỉnh", "12/QĐ-UBND", "15/06/2025", ACHIEVEMENT
            ),
            [{"recipient_kind": "team", "recipient_id": team}],
        )
        add_commendations_batch(
            ctx,
            DecisionInput(
                "giay_khen", "Chủ tịch UBND phường Hoàn Kiếm", "844/QĐ-UBND", "01/04/2026"
            ),
            [
                {"recipient_kind": "person", "recipient_id": binh, "achievement": ACHIEVEMENT},
                {"recipient_kind": "person", "recipient_id": an, "achievement": ACHIEVEMENT},
                {"recipient_kind": "team", "recipient_id": team, "achievement": ACHIEVEMENT},
                {
                    "recipient_kind": "text",
                    "recipient_name": "Chi hội Cựu chiến binh",
                    "collective": True,
                    "achievement": ACHIEVEMENT,
                },
            ],
        )
    return {
        "unit": unit,
        "team": team,
        "old": rows.decision_key(unit, date(2025, 6, 15), "12/QĐ-UBND"),
        "new": rows.decision_key(unit, date(2026, 4, 1), "844/QĐ-UBND"),
    }


def test_decisions_are_listed_latest_first_and_searched_by_recipient(read: Any, post: Any) -> None:
    everything = rows.DecisionFilter()
    with read() as ctx:
        latest_first = rows.decision_keys(ctx, everything)
        fewest_first = rows.decision_keys(ctx, everything, order="recipients", descending=False)
        by_name = rows.decision_keys(ctx, rows.DecisionFilter(search="nguyen van an"))
        by_issuer = rows.decision_keys(ctx, rows.DecisionFilter(search="ubnd tinh"))
        of_2025 = rows.decision_keys(ctx, rows.DecisionFilter(year=2025))
        giay_khen = rows.decision_keys(ctx, rows.DecisionFilter(kind="giay_khen"))
        page = rows.decision_rows(ctx, everything, [post["new"], post["old"]])
        years = rows.decision_years(ctx)
    assert latest_first == (post["new"], post["old"])
    assert fewest_first == (post["old"], post["new"])
    assert by_name == (post["new"],)
    assert by_issuer == (post["old"],)
    assert of_2025 == (post["old"],)
    assert giay_khen == (post["new"],)
    assert page == (
        rows.DecisionRow(
            post["new"],
            "844/QĐ-UBND",
            date(2026, 4, 1),
            "giay_khen",
            "Chủ tịch UBND phường Hoàn Kiếm",
            4,
        ),
        rows.DecisionRow(
            post["old"], "12/QĐ-UBND", date(2025, 6, 15), "bang_khen", "Chủ tịch UBND tỉnh", 1
        ),
    )
    assert years == (2026, 2025)


def test_a_decision_lists_collectives_then_individuals_by_given_name(read: Any, post: Any) -> None:
    with read() as ctx:
        decision = rows.decision(ctx, post["new"])
        with pytest.raises(NotFound):
            rows.decision(ctx, rows.decision_key(post["unit"], date(2026, 4, 2), "844/QĐ-UBND"))
    assert (decision.number, decision.day, decision.kind) == (
        "844/QĐ-UBND",
        date(2026, 4, 1),
        "giay_khen",
    )
    assert [(r.recipient_name, r.collective) for r in decision.recipients] == [
        ("Chi hội Cựu chiến binh", True),
        ("Tổ tự quản số 3", True),
        ("Nguyễn Văn An", False),
        ("Trần Thị Bình", False),
    ]


def test_a_record_shows_its_commendations_latest_first(read: Any, post: Any) -> None:
    with read() as ctx:
        found = rows.commendations_of(ctx, "team", post["team"])
    assert [(c.decision_number, c.kind, c.achievement) for c in found] == [
        ("844/QĐ-UBND", "giay_khen", ACHIEVEMENT),
        ("12/QĐ-UBND", "bang_khen", ACHIEVEMENT),
    ]


def test_choices_name_teams_and_initiatives_numbers_by_value(write: Any, read: Any) -> None:
    with write() as ctx:
        unit = ctx.local_unit().id
        for number in ("10", "2"):
            add_initiative(
                ctx,
                InitiativeInput(
                    name=f"Camera tổ dân phố số {number}",
                    type_code="CAMERA",
                    launched_on="01/01/2024",
                ),
            )
        add_team(ctx, "self_managed", "Tổ tự quản số 3")
    with read() as ctx:
        choices = rows.recipient_choices(ctx, unit)
    assert [c.name for c in choices.initiatives] == [
        "Camera tổ dân phố số 2",
        "Camera tổ dân phố số 10",
    ]
    assert [c.name for c in choices.teams] == ["Tổ tự quản số 3"]


def test_a_role_without_read_is_refused_everything(read: Any, post: Any) -> None:
    everything = rows.DecisionFilter()
    with read(NOBODY) as ctx:
        for call in (
            lambda: rows.decision_keys(ctx, everything),
            lambda: rows.decision_rows(ctx, everything, [post["new"]]),
            lambda: rows.decision_years(ctx),
            lambda: rows.decision(ctx, post["new"]),
            lambda: rows.commendations_of(ctx, "team", post["team"]),
            lambda: rows.recipient_choices(ctx, post["unit"]),
        ):
            with pytest.raises(PermissionDenied):
                call()


def test_a_viewer_reads_the_decision_as_an_officer_does(read: Any, post: Any) -> None:
    # a commended resident is named in the decision itself: nothing sensitive to mask
    with read() as ctx:
        officer = rows.decision(ctx, post["new"])
    with read(Actor("xem", "viewer")) as ctx:
        viewer = rows.decision(ctx, post["new"])
    assert viewer == officer
    assert "Nguyễn Văn An" in [r.recipient_name for r in viewer.recipients]
