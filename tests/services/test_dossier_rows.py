"""One dossier as its window and dialogs read it: identity, the booklet with its corrections,
the other records, and the history — the audit log's, so only for the roles that read it;
a viewer gets the ID number masked and the sensitive text withheld."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from antt_desktop.security.errors import PermissionDenied
from antt_desktop.services.audit_events import record_view
from antt_desktop.services.context import Actor
from antt_desktop.services.dossier_records import (
    AssessmentInput,
    CommitmentInput,
    SupportInput,
    ViolationInput,
    add_commitment,
    add_support,
    add_violation,
    assess,
    correct_assessment,
)
from antt_desktop.services.dossier_rows import (
    assessment_form,
    author_name,
    dossier_categories,
    dossier_page,
    history_of,
)
from antt_desktop.services.dossiers import DossierInput, open_dossier
from antt_desktop.services.people import PersonInput, add_person
from antt_desktop.services.photos import set_photo
from tests.conftest import CHIEF
from tests.pictures import portrait

VIEWER = Actor("xem1", "viewer")


@pytest.fixture
def dossier(write: Any) -> dict[str, str]:
    """Đỗ Văn Nam's suspended-sentence dossier opened 10/08/2026: August assessed then
    corrected, a commitment, support and a violation; his photo; one view of it."""
    with write() as ctx:
        data = PersonInput(full_name="Đỗ Văn Nam", born="1992", sex="M", id_number="001092012345")
        person = add_person(ctx, data).person.id
        set_photo(ctx, person, portrait(300, 400))
        opened = DossierInput(person, "SUSPENDED", "10/08/2026", risk_notes="Hay tụ tập đêm.")
        dossier = open_dossier(ctx, opened).id
        first = assess(
            ctx,
            AssessmentInput(
                dossier, "2026-08", "03/09/2026", "Lê Văn Tâm", "Tốt.", rating="Chấp hành tốt"
            ),
        ).id
        corrected = correct_assessment(ctx, first, {"rating": "Chưa tốt"}).id
        add_commitment(ctx, CommitmentInput(dossier, signed_on="12/08/2026", text="Cam kết."))
        add_support(ctx, SupportInput(dossier, kind="job", given_on="20/08/2026"))
        violation = ViolationInput(
            person, dossier, "01/10/2026", "administrative", "Gây rối trật tự.", "QĐ 12/XPHC"
        )
        add_violation(ctx, violation)
        record_view(ctx, "dossier", dossier, ["full_name"])
    return {"person": person, "dossier": dossier, "first": first, "corrected": corrected}


def test_an_officer_sees_the_whole_record_but_not_the_audit_log(read, dossier) -> None:
    with read() as ctx:
        page = dossier_page(ctx, dossier["dossier"])
    assert (page.full_name, page.born, page.id_number) == ("Đỗ Văn Nam", "1992", "001092012345")
    assert (page.category_vi, page.opened_on, page.status) == (
        "Người được hưởng án treo",
        date(2026, 8, 10),
        "open",
    )
    assert (page.risk_notes, page.withheld) == ("Hay tụ tập đêm.", ())
    assert page.has_photo and page.photo_sha256 is not None
    august = page.timeline[0]
    assert (august.period.label(), august.status) == ("2026-08", "done")
    assert august.current is not None and august.current.rating == "Chưa tốt"
    assert [a.id for a in august.history] == [dossier["first"]]
    assert [p.period.label() for p in page.timeline] == ["2026-08", "2026-09", "2026-10", "2026-11"]
    assert [c.text for c in page.commitments] == ["Cam kết."]
    assert [(s.kind, s.given_on) for s in page.supports] == [("job", date(2026, 8, 20))]
    (violation,) = page.violations
    assert (violation.description, violation.decision_ref, violation.withheld) == (
        "Gây rối trật tự.",
        "QĐ 12/XPHC",
        (),
    )
    assert not page.history_shown and page.history == ()
    with read() as ctx, pytest.raises(PermissionDenied):
        history_of(ctx, [dossier["dossier"]])


def test_the_chief_reads_its_history_newest_first_without_the_views(read, dossier) -> None:
    with read(CHIEF) as ctx:
        page = dossier_page(ctx, dossier["dossier"])
    assert page.history_shown
    assert [(h.action, h.entity) for h in page.history] == [
        ("create", "violation"),
        ("create", "support"),
        ("create", "commitment"),
        ("correct", "assessment"),
        ("create", "assessment"),
        ("create", "dossier"),
    ]
    assert {h.actor for h in page.history} == {"canbo1"}


def test_a_viewer_gets_the_id_number_masked_and_the_sensitive_text_withheld(read, dossier):
    with read(VIEWER) as ctx:
        page = dossier_page(ctx, dossier["dossier"])
    assert page.id_number == "•••••••••345"
    assert (page.risk_notes, page.withheld) == (None, ("risk_notes",))
    assert page.has_photo and page.photo_sha256 is None
    (violation,) = page.violations
    assert (violation.description, violation.decision_ref) == (None, None)
    assert violation.withheld == ("description", "decision_ref")
    assert page.history == ()


def test_the_assessment_dialog_reads_the_booklet_and_the_version_it_corrects(read, dossier):
    with read() as ctx:
        form = assessment_form(ctx, dossier["dossier"], dossier["corrected"])
        new = assessment_form(ctx, dossier["dossier"])
    assert (form.person_name, form.category.name("en")) == (
        "Đỗ Văn Nam",
        "Suspended sentence",
    )
    assert "Chấp hành tốt" in form.category.ratings
    assert form.replacing is not None
    assert (form.replacing.period, form.replacing.rating) == ("2026-08", "Chưa tốt")
    assert [e.status for e in form.timeline] == ["done", "overdue", "overdue", "upcoming"]
    assert new.replacing is None


def test_categories_and_the_author_of_a_record(read) -> None:
    with read() as ctx:
        codes = [c.code for c in dossier_categories(ctx)]
        assert author_name(ctx) == "canbo1"  # no account of that name: its name as written
    assert "SUSPENDED" in codes and len(codes) == len(set(codes))
