"""Commendations: one decision, one or many recipients, all saved or none."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.i18n.messages import describe
from antt_desktop.i18n.translator import Translator
from antt_desktop.services import commendations as cm
from antt_desktop.services.commendations import CommendationInput, DecisionInput, RecipientInput
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.teams import add_team
from antt_desktop.services.units import add_area
from antt_desktop.store.models import AuditEntry, Commendation


def _count(ctx, cls=Commendation):
    return ctx.session.execute(select(func.count()).select_from(cls)).scalar_one()


def _refused(exc_info):
    return [(p.field, p.code) for p in exc_info.value.problems]


DECISION = DecisionInput(
    kind="giay_khen",
    issuer="Chủ tịch UBND phường Hoàn Kiếm",
    decision_number="844/QĐ-UBND",
    decision_date="01/04/2026",
    achievement="Có thành tích xuất sắc trong phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2025",
)


@pytest.fixture
def known(write):
    with write() as ctx:
        area = add_area(ctx, name="Tổ dân phố số 3", kind="to_dan_pho")
        person = add_person(ctx, PersonInput(full_name="Nông Văn Tâm")).person
        team = add_team(ctx, "self_managed", "Tổ tự quản số 3", area_ids=[area.id])
        return {"area": area.id, "person": person.id, "team": team.id, "unit": area.unit_id}


def _single(**fields):
    values = {
        "kind": DECISION.kind,
        "issuer": DECISION.issuer,
        "decision_number": DECISION.decision_number,
        "decision_date": DECISION.decision_date,
        "achievement": DECISION.achievement,
    }
    values.update(fields)
    return CommendationInput(**values)


def test_person_commendation_takes_the_name_from_the_record(known, write, read):
    with write() as ctx:
        made = cm.add_commendation(
            ctx,
            _single(recipient_kind="person", recipient_id=known["person"], golden_book_no="SV-12"),
        )
    with read() as ctx:
        saved = ctx.session.get(Commendation, made.id)
        assert (saved.kind, saved.decision_number, saved.decision_date) == (
            "giay_khen",
            "844/QĐ-UBND",
            date(2026, 4, 1),
        )
        assert (
            saved.recipient_kind,
            saved.recipient_name,
            saved.collective,
            saved.golden_book_no,
        ) == ("person", "Nông Văn Tâm", False, "SV-12")
        assert saved.unit_id == known["unit"]
        assert ctx.session.execute(
            select(AuditEntry.action).where(AuditEntry.entity_id == saved.id)
        ).scalars().all() == ["create"]
        assert [c.id for c in cm.commendations_of(ctx.session, "person", known["person"])] == [
            made.id
        ]


def test_team_commendation_is_collective_and_a_name_may_be_given(known, write, read):
    with write() as ctx:
        made = cm.add_commendation(
            ctx,
            _single(
                kind="bang_khen",
                recipient_kind="team",
                recipient_id=known["team"],
                recipient_name="Tổ tự quản số 3 phường Hoàn Kiếm",
            ),
        )
        text = cm.add_commendation(
            ctx,
            _single(
                recipient_kind="text", recipient_name="Hội Cựu chiến binh phường", collective=True
            ),
        )
    with read() as ctx:
        assert (made.recipient_name, made.collective) == ("Tổ tự quản số 3 phường Hoàn Kiếm", True)
        assert (text.recipient_id, text.collective) == (None, True)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"kind": "huan_chuong"}, [("commendation_kind", "choice")]),
        ({"kind": None}, [("commendation_kind", "required")]),
        ({"issuer": " "}, [("issuer", "required")]),
        ({"decision_number": None}, [("decision_number", "required")]),
        ({"decision_date": "01/04/2027"}, [("decision_date", "date.future")]),
        ({"decision_date": None}, [("decision_date", "required")]),
        ({"achievement": "  "}, [("achievement", "required")]),
        ({"recipient_kind": "dog"}, [("recipient_kind", "choice")]),
        ({"recipient_kind": "area", "recipient_id": None}, [("recipient_id", "required")]),
        (
            {"recipient_kind": "team", "recipient_id": "no-team"},
            [("recipient_id", "commendation.recipient_unknown")],
        ),
        ({"recipient_kind": "text", "recipient_id": None}, [("recipient_name", "required")]),
        (
            {"recipient_kind": "text", "recipient_name": "Ông Tâm", "recipient_id": "x"},
            [("recipient_id", "commendation.id_for_text")],
        ),
        ({"golden_book_no": "9" * 41}, [("golden_book_no", "too_long")]),
        ({"collective": "yes"}, [("collective", "choice")]),
    ],
)
def test_bad_commendation_is_refused_and_nothing_written(known, write, fields, expected):
    values = {"recipient_kind": "area", "recipient_id": known["area"], **fields}
    with write() as ctx:
        audit = _count(ctx, AuditEntry)
        with pytest.raises(ValidationFailed) as exc:
            cm.add_commendation(ctx, _single(**values))
        assert _refused(exc) == expected
        assert (_count(ctx), _count(ctx, AuditEntry)) == (0, audit)


def test_a_batch_saves_one_decision_for_many_recipients(known, write, read):
    recipients = [
        RecipientInput(recipient_kind="person", recipient_id=known["person"]),
        {"recipient_kind": "team", "recipient_id": known["team"]},
        RecipientInput(
            recipient_kind="text",
            recipient_name="Bà Đào Thị Ánh",
            achievement="Phát hiện, tố giác 02 vụ trộm cắp tài sản",
        ),
        RecipientInput(recipient_kind="area", recipient_id=known["area"]),
    ]
    with write() as ctx:
        made = cm.add_commendations_batch(ctx, DECISION, recipients)
    assert len(made) == 4
    with read() as ctx:
        listed = cm.commendations_of_decision(ctx.session, " 844/QĐ-UBND ", known["unit"])
        assert [(c.recipient_name, c.collective) for c in listed] == [
            ("Tổ dân phố số 3", True),
            ("Tổ tự quản số 3", True),
            ("Bà Đào Thị Ánh", False),
            ("Nông Văn Tâm", False),
        ]
        assert {c.decision_date for c in listed} == {date(2026, 4, 1)}
        assert listed[2].achievement == "Phát hiện, tố giác 02 vụ trộm cắp tài sản"
        assert listed[1].achievement == DECISION.achievement
        assert cm.commendations_of_decision(ctx.session, "845/QĐ-UBND", known["unit"]) == []


def test_one_bad_recipient_refuses_the_whole_batch(known, write):
    recipients = [
        RecipientInput(recipient_kind="person", recipient_id=known["person"]),
        RecipientInput(recipient_kind="team", recipient_id=known["team"]),
        RecipientInput(recipient_kind="text", recipient_name="Ông Hứa Văn Phúc"),
        RecipientInput(recipient_kind="person", recipient_id="deleted-or-never-was"),
        RecipientInput(recipient_kind="text", recipient_name=None),
    ]
    with write() as ctx:
        audit = _count(ctx, AuditEntry)
        with pytest.raises(ValidationFailed) as exc:
            cm.add_commendations_batch(ctx, DECISION, recipients)
        assert _refused(exc) == [
            ("recipients[3].recipient_id", "commendation.recipient_unknown"),
            ("recipients[4].recipient_name", "required"),
        ]
        assert (_count(ctx), _count(ctx, AuditEntry)) == (0, audit)


def test_a_recipient_is_commended_once_per_decision(known, write):
    with write() as ctx:
        cm.add_commendations_batch(
            ctx,
            DECISION,
            [RecipientInput(recipient_kind="text", recipient_name="Ông Hứa Văn Phúc")],
        )
    with write() as ctx:
        with pytest.raises(ValidationFailed) as exc:
            cm.add_commendations_batch(
                ctx,
                DECISION,
                [
                    RecipientInput(recipient_kind="person", recipient_id=known["person"]),
                    RecipientInput(recipient_kind="person", recipient_id=known["person"]),
                    RecipientInput(recipient_kind="text", recipient_name="ông hứa văn phúc"),
                ],
            )
        assert _refused(exc) == [
            ("recipients[1].recipient_id", "commendation.duplicate"),
            ("recipients[2].recipient_id", "commendation.duplicate"),
        ]
        assert _count(ctx) == 1


def test_bad_decision_or_no_recipients_refuses_the_batch(known, write):
    bad = DecisionInput(
        kind="giay_khen",
        issuer=None,
        decision_number="12/QĐ-CAP",
        decision_date="1/4/26",
        achievement="Thành tích",
    )
    with write() as ctx:
        with pytest.raises(ValidationFailed) as exc:
            cm.add_commendations_batch(
                ctx, bad, [RecipientInput(recipient_kind="area", recipient_id=known["area"])]
            )
        assert _refused(exc) == [("issuer", "required"), ("decision_date", "date.format")]
        with pytest.raises(ValidationFailed) as exc:
            cm.add_commendations_batch(ctx, DECISION, [])
        assert _refused(exc) == [("recipients", "required")]
        assert _count(ctx) == 0


def test_refusal_reads_in_vietnamese(known, write):
    with write() as ctx, pytest.raises(ValidationFailed) as exc:
        cm.add_commendation(ctx, _single(recipient_kind="person", recipient_id="x1"))
    assert describe(exc.value.problems[0], Translator("vi")) == (
        "Đối tượng được khen thưởng: không tìm thấy đối tượng được khen thưởng trong dữ liệu"
        " (hoặc đã bị xóa): x1"
    )
