"""Texts of the initiatives area: initiatives (mô hình), activities, evaluations, indicators."""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "initiative.unknown": N_("this initiative does not exist (or was deleted)"),
    "initiative.type_unknown": N_("'{value}' is not a type of initiative"),
    "initiative.duplicate": N_("an initiative named '{value}' already exists in this unit"),
    "initiative.area_unknown": N_("this residential area does not exist (or was deleted)"),
    "initiative.area_other_unit": N_("the residential area '{value}' belongs to another unit"),
    "initiative.ended_on_required": N_("is required when the initiative has ended"),
    "initiative.end_before_launch": N_(
        "{value} is before the initiative was launched ({launched})"
    ),
    "initiative.ended_on_unexpected": N_("only an initiative that has ended has an end date"),
    "initiative.activities_before_launch": N_(
        "{value} is after the first activity recorded for the initiative ({first})"
    ),
    "initiative.activities_after_end": N_(
        "{value} is before the last activity recorded for the initiative ({last})"
    ),
    "initiative.field_unknown": N_("'{value}' is not a field of an initiative"),
    "line.required": N_("is required (line {line})"),
    "line.number_invalid": N_("'{value}' is not a whole number (line {line})"),
    "line.negative": N_("must not be negative (line {line})"),
    "line.choice": N_("'{value}' is not one of the allowed values: {allowed} (line {line})"),
    "line.too_long": N_("is too long (at most {max} characters, line {line})"),
    "activity.before_launch": N_("{value} is before the initiative was launched ({launched})"),
    "activity.after_end": N_("the initiative ended on {ended}; {value} is after that"),
    "activity.kind_unknown": N_("'{value}' is not a kind of activity"),
    "evaluation.one_subject": N_(
        "choose exactly one of an initiative, a unit or a residential area"
    ),
    "evaluation.subject_unknown": N_("this record does not exist (or was deleted)"),
    "evaluation.rubric_unknown": N_("'{value}' is not a scoring rubric"),
    "evaluation.criterion_unknown": N_("'{value}' is not a criterion of the rubric {rubric}"),
    "evaluation.score_missing": N_("no score was entered for the criterion '{criterion}'"),
    "evaluation.score_range": N_(
        "the score for '{criterion}' must be between 0 and {max} (entered {value})"
    ),
    "evaluation.before_launch": N_("{value} is before the initiative was launched ({launched})"),
    "evaluation.decision_before": N_("{value} is before the evaluation date ({evaluated})"),
    "evaluation.subject_changed": N_(
        "a correction must concern the same initiative, unit or area as the evaluation it corrects"
    ),
    "evaluation.already_corrected": N_(
        "this evaluation has already been corrected; correct the newest version"
    ),
    "indicator.unknown": N_("'{value}' is not an indicator"),
    "indicator.period_future": N_("period {value} has not started yet"),
}

FIELDS = {
    "name": N_("Name"),
    "type_code": N_("Type of initiative"),
    "launched_on": N_("Launched on"),
    "decision_number": N_("Decision number"),
    "decision_date": N_("Decision date"),
    "decision_issuer": N_("Decision issued by"),
    "lead_body": N_("Lead body"),
    "partners": N_("Partner bodies"),
    "member_count": N_("Number of members"),
    "status": N_("Status"),
    "ended_on": N_("Ended on"),
    "description": N_("Description"),
    "area_ids": N_("Residential areas covered"),
    "funding.amount_vnd": N_("Funding amount (VND)"),
    "funding.source": N_("Funding source"),
    "funding.note": N_("Funding note"),
    "assets.kind": N_("Equipment or asset"),
    "assets.count": N_("Quantity"),
    "initiative_id": N_("Initiative"),
    "held_on": N_("Date held"),
    "kind": N_("Kind"),
    "participants": N_("Participants"),
    "guns": N_("Guns"),
    "rudimentary_weapons": N_("Rudimentary weapons"),
    "explosives": N_("Explosives"),
    "bullets": N_("Bullets"),
    "grenades": N_("Grenades"),
    "fireworks": N_("Fireworks"),
    "support_tools": N_("Support tools"),
    "cases_mediated": N_("Cases mediated"),
    "tips_of_value": N_("Tips of value"),
    "surrendered": N_("Wanted persons who surrendered"),
    "subject": N_("Initiative, unit or area evaluated"),
    "unit_id": N_("Unit"),
    "area_id": N_("Residential area"),
    "evaluated_on": N_("Evaluated on"),
    "rubric_code": N_("Scoring rubric"),
    "scores": N_("Scores"),
    "reason": N_("Reason for the correction"),
    "indicator": N_("Indicator"),
    "value": N_("Count"),
}

#: Labels of the indicators of ``antt_desktop.services.indicators.INDICATORS``.
INDICATORS = {
    "crime_tips": N_("Crime tips and reports"),
    "criminal_cases": N_("Criminal cases"),
    "traffic_accidents": N_("Traffic accidents and collisions"),
    "reoffence_released": N_("Re-offences by persons released from prison"),
    "social_vice_cases": N_("Social vice cases"),
    "mediated_disputes": N_("Disputes mediated"),
}

#: Labels of ``InitiativeStatus`` values.
STATUSES = {
    "active": N_("Active"),
    "paused": N_("Paused"),
    "ended": N_("Ended"),
}

#: Labels of ``FundingSource`` values.
FUNDING_SOURCES = {
    "state_budget": N_("State budget"),
    "community": N_("Community contributions"),
    "other": N_("Other sources"),
}
