"""Retention and purge: closed dossiers past their category's retention period are proposed;
only a chief purges them, with a confirmation; the purge takes the dossier's records (and
the person when nothing else refers to them), erases their values and audits no value."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from antt_desktop.domain.errors import ValidationFailed
from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services import purge, retention
from antt_desktop.services.dossier_records import (
    AssessmentInput,
    CommitmentInput,
    SupportInput,
    ViolationInput,
    add_commitment,
    add_support,
    add_violation,
    assess,
)
from antt_desktop.services.dossiers import DossierInput, close_dossier, open_dossier
from antt_desktop.services.households import HouseholdInput, add_household
from antt_desktop.services.people import PersonInput, add_person, edit_person
from antt_desktop.services.search import search
from antt_desktop.store.models import (
    Assessment,
    AuditEntry,
    Commitment,
    Dossier,
    Person,
    PersonCorrection,
    Support,
    Violation,
)
from tests.conftest import CHIEF

RATINGS = {"DRUG_USER": "Tốt", "SUSPENDED": "Chấp hành tốt"}


def closed_dossier(
    write: Any, name: str, category: str, opened: str, closed: str
) -> dict[str, str]:
    """A person with a dossier holding one record of each kind, closed on ``closed``."""
    with write() as ctx:
        person = add_person(
            ctx, PersonInput(full_name=name, born="1990", sex="M", phone="0912000111")
        ).person
        edit_person(ctx, person.id, {"phone": "0912000222"}, reason="Đổi số")
        dossier = open_dossier(
            ctx, DossierInput(person.id, category, opened, risk_notes="Hay tụ tập")
        )
        start = date.fromisoformat("-".join(reversed(opened.split("/"))))
        period = f"{start.year}-{start.month:02d}"
        assess(
            ctx,
            AssessmentInput(
                dossier.id,
                period,
                start.replace(day=28),
                "Lê Văn Công",
                "Chấp hành tốt",
                RATINGS[category],
            ),
        )
        add_commitment(
            ctx, CommitmentInput(dossier.id, signed_on=opened, text="Cam kết không tái phạm")
        )
        add_support(ctx, SupportInput(dossier.id, "job", provider="HTX Đồng Tâm", given_on=opened))
        add_violation(
            ctx,
            ViolationInput(
                person.id, dossier.id, occurred_on=opened, kind="administrative",
                description="Gây rối trật tự ở chợ",
            ),
        )  # fmt: skip
    with write(CHIEF) as ctx:
        close_dossier(ctx, dossier.id, closed, "term_completed")
    return {"person": person.id, "dossier": dossier.id}


@pytest.fixture
def due(write: Any) -> dict[str, str]:
    """Drug use, closed 10/01/2022: kept 3 years, due since 10/01/2025."""
    return closed_dossier(write, "Hà Văn Lợi", "DRUG_USER", "05/01/2021", "10/01/2022")


@pytest.fixture
def kept(write: Any) -> dict[str, str]:
    """Suspended sentence, closed 01/06/2023: kept 5 years, until 01/06/2028."""
    return closed_dossier(write, "Đinh Văn Kha", "SUSPENDED", "01/02/2022", "01/06/2023")


def test_only_dossiers_past_their_retention_are_proposed(
    read: Any, due: dict[str, str], kept: dict[str, str]
) -> None:
    with read(CHIEF) as ctx:
        [c] = retention.purge_due(ctx)
    assert (c.dossier_id, c.person_name, c.retention_years) == (due["dossier"], "Hà Văn Lợi", 3)
    assert (c.closed_on, c.due_on) == (date(2022, 1, 10), date(2025, 1, 10))
    assert c.person_goes and c.kept_because == ()
    assert c.records == {"assessments": 1, "commitments": 1, "supports": 1, "violations": 1}


def test_a_purge_needs_a_chief_and_a_confirmation_and_a_due_dossier(
    write: Any, read: Any, due: dict[str, str], kept: dict[str, str]
) -> None:
    with pytest.raises(PermissionDenied), write() as ctx:  # an officer
        purge.purge(ctx, [due["dossier"]], confirm=True)
    with pytest.raises(ValidationFailed) as unconfirmed, write(CHIEF) as ctx:
        purge.purge(ctx, [due["dossier"]], confirm=False)
    assert [p.code for p in unconfirmed.value.problems] == ["purge.not_confirmed"]
    with pytest.raises(ValidationFailed) as early, write(CHIEF) as ctx:
        purge.purge(ctx, [due["dossier"], kept["dossier"]], confirm=True)
    [problem] = early.value.problems
    assert problem.code == "purge.not_due"
    assert problem.params == {"name": "Đinh Văn Kha", "due": date(2028, 6, 1)}
    with read() as ctx:  # nothing was written: the due dossier is still there
        assert not ctx.session.get(Dossier, due["dossier"]).deleted
        assert not ctx.session.get(Dossier, kept["dossier"]).deleted


def test_the_purge_takes_the_records_and_the_person_and_leaves_no_value(
    write: Any, read: Any, due: dict[str, str], kept: dict[str, str]
) -> None:
    with write(CHIEF) as ctx:
        [done] = purge.purge(ctx, [due["dossier"]], confirm=True)
    assert done.person_removed
    assert done.counts == {
        "assessments": 1, "commitments": 1, "supports": 1, "violations": 1,
        "person_corrections": 1, "photos": 0,
    }  # fmt: skip
    with read(CHIEF) as ctx:
        s = ctx.session
        dossier = s.get(Dossier, due["dossier"])
        assert dossier.deleted and dossier.risk_notes is None
        person = s.get(Person, due["person"])
        assert person.deleted and person.full_name == "—" and person.phone is None
        for cls in (Assessment, Commitment, Support, Violation):
            rows = s.scalars(select(cls).where(cls.dossier_id == due["dossier"])).all()
            assert rows and all(r.deleted for r in rows)
        assert [a.content for a in s.scalars(select(Assessment)).all() if a.deleted] == [""]
        history = s.scalars(
            select(PersonCorrection).where(PersonCorrection.person_id == due["person"])
        ).all()
        assert [(h.deleted, h.old_value, h.new_value) for h in history] == [(True, None, None)]
        assert search(ctx, "ha van loi") == []
        assert [c.dossier_id for c in retention.purge_due(ctx)] == []
        assert not s.get(Dossier, kept["dossier"]).deleted
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "purge")).all()
    assert [(e.entity, e.entity_id, e.actor) for e in entries] == [
        ("dossier", due["dossier"], CHIEF.username),
        ("person", due["person"], CHIEF.username),
    ]
    text = repr([(e.fields, e.detail) for e in entries])
    for value in ("Hà Văn Lợi", "0912000222", "Chấp hành tốt", "Gây rối", "Hay tụ tập"):
        assert value not in text


def test_a_person_still_referred_to_keeps_their_record(
    write: Any, read: Any, due: dict[str, str]
) -> None:
    with write() as ctx:
        add_household(ctx, HouseholdInput(number="12", head_person_id=due["person"]))
    with read(CHIEF) as ctx:
        [c] = retention.purge_due(ctx)
    assert not c.person_goes and c.kept_because == ("household",)
    with write(CHIEF) as ctx:
        [done] = purge.purge(ctx, [due["dossier"]], confirm=True)
    assert not done.person_removed and "person_corrections" not in done.counts
    with read(CHIEF) as ctx:
        person = ctx.session.get(Person, due["person"])
        assert not person.deleted and person.full_name == "Hà Văn Lợi"
        assert ctx.session.get(Dossier, due["dossier"]).deleted
        # the violation tied to the dossier went with it
        assert all(v.deleted for v in ctx.session.scalars(select(Violation)).all())
