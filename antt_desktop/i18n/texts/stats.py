"""Texts of the statistics (``antt stats``, periodic reports, the dashboard).

``LABELS`` names every figure by the key it has in ``Statistics.to_dict()`` (and the codes of
close reasons, funding sources, collected items and commendation kinds), so a report, the
CLI and the GUI print the same words: ``tr(LABELS["open_at_end"])``. Names of dossier
categories, initiative types, activity and team kinds come from their catalogues.
"""

from antt_desktop.i18n.translator import N_

MESSAGES = {
    "stats.unit_unknown": N_("there is no unit with the code or identifier '{value}'"),
}

FIELDS: dict[str, str] = {}

LABELS = {
    # sections
    "managed": N_("Managed persons"),
    "assessments": N_("Assessments"),
    "classification": N_("Classification of released persons"),
    "reoffence": N_("Re-offence among released persons"),
    "pledges": N_("Household pledges"),
    "initiatives": N_("Community security initiatives"),
    "activities": N_("Activities and results"),
    "evaluations": N_("Evaluations"),
    "teams": N_("Teams"),
    "commendations": N_("Commendations"),
    "indicators": N_("Before and after"),
    "compare_units": N_("Units compared"),
    # managed persons
    "by_category": N_("By dossier category"),
    "total": N_("Total"),
    "open_at_end": N_("Under management at the end of the period"),
    "opened": N_("Newly opened in the period"),
    "closed": N_("Closed in the period"),
    "closed_by_reason": N_("Closed, by reason"),
    "persons_open_at_end": N_("Persons under management (each counted once)"),
    "term_completed": N_("Term completed"),
    "record_expunged": N_("Criminal record expunged"),
    "moved_away": N_("Moved away"),
    "deceased": N_("Deceased"),
    "reoffended_detained": N_("Re-offended and detained"),
    "other": N_("Other"),
    # assessments
    "due": N_("Assessments due for the period"),
    "done": N_("Assessments done"),
    "done_late": N_("Assessments done late"),
    "overdue": N_("Assessments overdue"),
    "completion": N_("Assessment completion rate"),
    # classification
    "by_class": N_("By class"),
    "unclassified": N_("Not yet classified"),
    # pledges
    "year": N_("Pledge year"),
    "by_area": N_("By residential area"),
    "households": N_("Number of households"),
    "signed": N_("Signed the pledge"),
    "refused": N_("Refused to sign"),
    "violated": N_("Broke the pledge"),
    "not_recorded": N_("No pledge recorded"),
    "cultured_family": N_('Recognised as "Cultured family"'),
    "coverage": N_("Pledge coverage"),
    # initiatives
    "active": N_("Active at the end of the period"),
    "active_by_type": N_("Active, by type"),
    "new": N_("Launched in the period"),
    "new_by_type": N_("Launched, by type"),
    "members": N_("Number of members"),
    "funding_total": N_("Total funding"),
    "funding_by_source": N_("Funding by source"),
    "state_budget": N_("State budget"),
    "community": N_("Community contributions"),
    "assets": N_("Equipment"),
    # activities
    "sessions": N_("Sessions held"),
    "participants": N_("Number of participants"),
    "by_kind": N_("By kind"),
    "tips_of_value": N_("Tips of value"),
    "cases_mediated": N_("Cases mediated"),
    "surrendered": N_("Wanted persons who surrendered"),
    "items": N_("Weapons and explosives collected"),
    "items_collected": N_("Items collected"),
    "guns": N_("Guns"),
    "rudimentary_weapons": N_("Rudimentary weapons"),
    "explosives": N_("Explosives"),
    "bullets": N_("Bullets"),
    "grenades": N_("Grenades"),
    "fireworks": N_("Fireworks"),
    "support_tools": N_("Support tools"),
    # evaluations, teams, commendations
    "count": N_("Evaluations held"),
    "meeting_standard": N_("Meeting the standard"),
    "giay_khen": N_("Certificates of merit"),
    "bang_khen": N_("Diplomas of merit"),
    "giay_chung_nhan": N_("Certificates of recognition"),
    # comparison of units
    "unit": N_("Unit"),
    "managed_open": N_("Persons under management"),
    "assessments_due": N_("Assessments due for the period"),
    "assessments_overdue": N_("Assessments overdue"),
    "pledge_coverage": N_("Pledge coverage"),
    "active_initiatives": N_("Active initiatives"),
}
