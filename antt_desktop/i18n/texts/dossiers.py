"""Texts of the dossiers area: dossiers, assessments, commitments, support, violations."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "dossier.unknown": N_("this dossier does not exist (or was deleted)"),
    "dossier.person_unknown": N_("this person is not in the records (or was deleted)"),
    "dossier.category_unknown": N_("'{value}' is not a dossier category"),
    "dossier.team_unknown": N_("this team does not exist (or was deleted)"),
    "dossier.legal_after_open": N_("{value} is after the dossier was opened ({opened_on})"),
    "dossier.end_before_open": N_("{value} is before the dossier was opened ({opened_on})"),
    "dossier.close_before_open": N_("{value} is before the dossier was opened ({opened_on})"),
    "dossier.date_before_open": N_("{value} is before the dossier was opened ({opened_on})"),
    "dossier.date_after_close": N_("{value} is after the dossier was closed ({closed_on})"),
    "dossier.classification_not_used": N_("the category '{category}' is not classified A/B/C/D"),
    "dossier.already_open": N_(
        "this person already has an open dossier in the category '{category}' (opened on "
        "{opened_on})"
    ),
    "dossier.not_editable": N_("'{value}' cannot be changed here"),
    "dossier.closed": N_("the dossier was closed on {closed_on}"),
    "dossier.already_closed": N_("the dossier is already closed (on {closed_on})"),
    "dossier.close_before_assessment": N_(
        "{value} is before {period}, which already has an assessment"
    ),
    "assessment.dossier_not_open": N_(
        "assessments can only be added to a dossier under management (this one is closed or "
        "transferred)"
    ),
    "assessment.no_cadence": N_("the category '{category}' has no periodic assessments"),
    "assessment.period_monthly": N_(
        "'{value}': this category is assessed every month; write the month like 2026-10"
    ),
    "assessment.period_quarterly": N_(
        "'{value}': this category is assessed every quarter; write the quarter like 2026-Q3"
    ),
    "assessment.period_before_open": N_(
        "{period} ended before the dossier was opened ({opened_on})"
    ),
    "assessment.period_after_close": N_(
        "{period} starts after the dossier was closed ({closed_on})"
    ),
    "assessment.period_not_started": N_("{period} has not started yet"),
    "assessment.period_taken": N_(
        "{period} already has an assessment; correct that one instead of adding another"
    ),
    "assessment.written_before_period": N_("{value} is before {period} begins"),
    "assessment.unknown": N_("this assessment does not exist"),
    "assessment.already_superseded": N_(
        "this assessment has already been corrected; correct the newest version"
    ),
    "assessment.forked": N_(
        "{period} was corrected both here and at another unit; choose one version under Sync,"
        " Conflicts before correcting it again"
    ),
    "assessment.not_editable": N_("'{value}' cannot be changed here"),
    "assessment.no_change": N_("nothing was changed"),
    "commitment.one_subject": N_(
        "a commitment belongs to either a dossier or a household (exactly one of them)"
    ),
    "commitment.household_unknown": N_("this household does not exist (or was deleted)"),
    "violation.dossier_other_person": N_("this dossier belongs to another person"),
    "violation.dangerous_not_reoffence": N_("only a re-offence can be marked dangerous"),
}

FIELDS = {
    "dossier_id": N_("Dossier"),
    "person_id": N_("Person"),
    "category_code": N_("Dossier category"),
    "opened_on": N_("Opened on"),
    "legal_doc_number": N_("Legal document number"),
    "legal_doc_date": N_("Legal document date"),
    "legal_issuer": N_("Issuing body"),
    "legal_summary": N_("Legal basis (summary)"),
    "planned_end": N_("Planned end of management"),
    "officer_name": N_("Responsible officer"),
    "team_id": N_("Responsible team"),
    "helper_name": N_("Family member or organisation assigned to help"),
    "classification": N_("Classification"),
    "risk_notes": N_("Risk notes"),
    "closed_on": N_("Closed on"),
    "close_reason": N_("Reason for closing"),
    "close_note": N_("Closing note"),
    "assessment_id": N_("Assessment"),
    "written_on": N_("Written on"),
    "author": N_("Written by"),
    "content": N_("Assessment text"),
    "rating": N_("Rating"),
    "has_stable_work": N_("Has stable work"),
    "complied": N_("Complied with obligations"),
    "reported_on_time": N_("Reported on time"),
    "next_steps": N_("Next steps"),
    "household_id": N_("Household"),
    "form_code": N_("Form code"),
    "signed_on": N_("Signed on"),
    "text": N_("Text of the commitment"),
    "witnesses": N_("Witnesses"),
    "kind": N_("Kind"),
    "amount_vnd": N_("Amount (VND)"),
    "provider": N_("Provided by"),
    "given_on": N_("Given on"),
    "outcome": N_("Outcome"),
    "occurred_on": N_("Date of the violation"),
    "description": N_("Description"),
    "decision_ref": N_("Decision reference"),
    "is_reoffence": N_("Re-offence"),
    "dangerous": N_("Dangerous re-offence"),
}

#: Dossier status labels, keyed by ``DossierStatus`` value.
DOSSIER_STATUSES = {
    "open": N_("Under management"),
    "transferred": N_("Transferred away"),
    "closed": N_("Closed"),
}

#: Close reason labels, keyed by ``CloseReason`` value.
CLOSE_REASONS = {
    "term_completed": N_("Term completed"),
    "record_expunged": N_("Criminal record expunged"),
    "moved_away": N_("Moved away"),
    "deceased": N_("Deceased"),
    "reoffended_detained": N_("Re-offended and detained"),
    "other": N_("Other reason"),
}

#: Support kind labels, keyed by ``SupportKind`` value.
SUPPORT_KINDS = {
    "job": N_("Job"),
    "training": N_("Vocational training"),
    "loan": N_("Loan"),
    "livestock_seed": N_("Livestock or seed"),
    "cash": N_("Cash"),
    "paperwork": N_("Paperwork (residence registration, ID card)"),
}

#: Violation kind labels, keyed by ``ViolationKind`` value.
VIOLATION_KINDS = {
    "administrative": N_("Administrative violation"),
    "criminal": N_("Criminal offence"),
}

#: Assessment schedule states, keyed by ``schedule.DueStatus``.
DUE_STATUSES = {
    "done": N_("Assessed"),
    "due": N_("Due"),
    "overdue": N_("Overdue"),
    "upcoming": N_("Not yet due"),
}
