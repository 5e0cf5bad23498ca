"""Correcting a dossier's opening (category, date) and classifying it: the checks the
window runs as the officer types refuse exactly what the writes refuse, and a refusal
changes nothing."""

from __future__ import annotations

from datetime import date

from antt_desktop.services.dossier_records import CommitmentInput, add_commitment
from antt_desktop.services.dossiers import (
    check_edit_dossier,
    check_set_classification,
    edit_dossier,
    set_classification,
)
from antt_desktop.store.database import Database
from tests.services.test_dossiers import (
    Write,
    checked,
    last_audit,
    load,
    opened,
    pairs,
    refused,
    write_assessment,
)
from tests.services.test_dossiers import person_id as person_id  # the fixture


def test_category_and_opening_date_are_corrected_before_any_assessment(
    db: Database, write: Write, person_id: str
) -> None:
    dossier_id = opened(write, person_id, "SUSPENDED", on="15/03/2026")
    with write() as ctx:
        edit_dossier(ctx, dossier_id, {"category_code": "probation", "opened_on": "10/03/2026"})
    saved = load(db, dossier_id)
    assert (saved.category_code, saved.opened_on) == ("PROBATION", date(2026, 3, 10))
    assert last_audit(db).fields == ["category_code", "opened_on", "planned_end"]


def test_once_an_assessment_is_written_category_and_date_stay(
    db: Database, read: Write, write: Write, person_id: str
) -> None:
    dossier_id = opened(write, person_id, "SUSPENDED", on="10/08/2026")
    write_assessment(write, dossier_id, "2026-08", "03/09/2026")
    change = {"category_code": "PROBATION"}
    found = checked(read, lambda ctx: check_edit_dossier(ctx, dossier_id, change))
    assert pairs(found) == {("category_code", "dossier.has_assessments")}
    assert refused(write, lambda ctx: edit_dossier(ctx, dossier_id, change)) == found
    assert load(db, dossier_id).category_code == "SUSPENDED"


def test_the_opening_may_not_move_after_a_kept_record(
    read: Write, write: Write, person_id: str
) -> None:
    dossier_id = opened(write, person_id, "SUSPENDED", on="10/08/2026")
    with write() as ctx:
        add_commitment(ctx, CommitmentInput(dossier_id, signed_on="12/08/2026", text="Cam kết"))
    change = {"opened_on": "20/08/2026"}
    found = checked(read, lambda ctx: check_edit_dossier(ctx, dossier_id, change))
    assert pairs(found) == {("opened_on", "dossier.open_after_record")}
    assert refused(write, lambda ctx: edit_dossier(ctx, dossier_id, change)) == found


def test_a_blank_category_or_a_second_open_one_is_refused(
    read: Write, write: Write, person_id: str
) -> None:
    opened(write, person_id, "PROBATION", on="01/03/2026")
    dossier_id = opened(write, person_id, "SUSPENDED", on="15/03/2026")
    for change, code in (
        ({"category_code": ""}, "required"),
        ({"category_code": "PROBATION"}, "dossier.already_open"),
    ):
        found = checked(read, lambda ctx, c=change: check_edit_dossier(ctx, dossier_id, c))
        assert pairs(found) == {("category_code", code)}


def test_classifying_checks_as_typed_and_keeps_the_reason_in_the_audit(
    db: Database, read: Write, write: Write, person_id: str
) -> None:
    dossier_id = opened(write, person_id, "RELEASED", classification="A")
    wrong = checked(read, lambda ctx: check_set_classification(ctx, dossier_id, "E"))
    assert pairs(wrong) == {("classification", "choice")}
    assert refused(write, lambda ctx: set_classification(ctx, dossier_id, "E")) == wrong
    with write() as ctx:
        set_classification(ctx, dossier_id, "c", "Tái phạm hành chính tháng 5")
    entry = last_audit(db)
    assert (entry.action, entry.detail) == ("classify", "Tái phạm hành chính tháng 5")
    assert load(db, dossier_id).classification == "C"
    other = opened(write, person_id, "SUSPENDED")
    unused = checked(read, lambda ctx: check_set_classification(ctx, other, "A"))
    assert pairs(unused) == {("classification", "dossier.classification_not_used")}
